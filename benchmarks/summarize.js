'use strict';
// Summary of one scripts/bench.sh run: reads DIR/tx/*.csv (per transaction: created ms,
// finished ms, ok, items), DIR/resources.csv (CPU seconds and RSS of the network, each second)
// and DIR/import.json; writes DIR/summary.json and DIR/summary.md and prints the tables.
// Usage: node benchmarks/summarize.js DIR BATCH_TIMEOUT (e.g. 250ms). Never fails on a figure.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const batchTimeoutMs = parseDuration(process.argv[3] || '250ms');

function parseDuration(s) {
    const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(s.trim());
    return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN;
}
function pct(sorted, p) {
    if (!sorted.length) return NaN;
    const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[i];
}
function readCsv(file) {
    if (!fs.existsSync(file)) return [];
    return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !/^[a-z]/i.test(l)).map((l) => l.split(',').map(Number));
}

// resources: [ms, cpu, peer, orderer, ccaas, other, rss]
const res = readCsv(path.join(dir, 'resources.csv'));
function cpuAt(ms, col) { // linear interpolation between the samples around ms
    if (!res.length) return NaN;
    if (ms <= res[0][0]) return res[0][col];
    for (let i = 1; i < res.length; i++) {
        if (res[i][0] >= ms) {
            const [a, b] = [res[i - 1], res[i]];
            return a[col] + ((b[col] - a[col]) * (ms - a[0])) / (b[0] - a[0] || 1);
        }
    }
    return res[res.length - 1][col];
}
function peakRss(from, to) {
    const inWindow = res.filter((r) => r[0] >= from && r[0] <= to).map((r) => r[6]);
    return inWindow.length ? Math.max(...inWindow) : NaN;
}

const txDir = path.join(dir, 'tx');
const labels = fs.existsSync(txDir) ? [...new Set(fs.readdirSync(txDir).map((f) => f.replace(/\.w\d+\.csv$/, '')))] : [];
const rounds = {};
for (const label of labels) {
    const rows = fs.readdirSync(txDir).filter((f) => f.startsWith(label + '.w')).flatMap((f) => readCsv(path.join(txDir, f)));
    if (!rows.length) { rounds[label] = { sent: 0 }; continue; }
    const ok = rows.filter((r) => r[2] === 1);
    const start = Math.min(...rows.map((r) => r[0]));
    const end = Math.max(...rows.map((r) => r[1]));
    const lat = ok.map((r) => r[1] - r[0]).sort((a, b) => a - b);
    const secs = (end - start) / 1000;
    const lastSend = Math.max(...rows.map((r) => r[0]));
    const cpu = [1, 2, 3, 4, 5].map((c) => cpuAt(end, c) - cpuAt(start, c));
    rounds[label] = {
        sent: rows.length, committed: ok.length, failed: rows.length - ok.length,
        items: ok.reduce((s, r) => s + r[3], 0), seconds: +secs.toFixed(1),
        offeredTps: +(rows.length / Math.max(1, (lastSend - start) / 1000)).toFixed(2),
        tps: +(ok.length / secs).toFixed(2), itemsPerSecond: +(ok.reduce((s, r) => s + r[3], 0) / secs).toFixed(1),
        p50: pct(lat, 50), p95: pct(lat, 95), max: lat.length ? lat[lat.length - 1] : NaN,
        avg: lat.length ? Math.round(lat.reduce((s, x) => s + x, 0) / lat.length) : NaN,
        cpuSeconds: +cpu[0].toFixed(1),
        cpuSplit: { peers: +cpu[1].toFixed(1), orderers: +cpu[2].toFixed(1), chaincode: +cpu[3].toFixed(1), cas: +cpu[4].toFixed(1) },
        cpuPerTx: ok.length ? +(cpu[0] / ok.length).toFixed(4) : NaN,
        peakRssMiB: Math.round(peakRss(start, end) / 1024),
        start, end,
    };
}

const imp = fs.existsSync(path.join(dir, 'import.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'import.json'), 'utf8')) : null;
const r = (l) => rounds[l] || {};
const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const loadRounds = Object.values(rounds).filter((x) => x.start);
const peakAll = res.length ? Math.max(...res.map((x) => x[6])) : NaN;

const tpsRatio = ratio(r('add1').tps, r('kv-put').tps);
const hps = imp ? imp.households / (imp.ms / 1000) : NaN;
const listRatio = ratio(r('list-full-ledger').p50, r('list-small-ledger').p50);
// saturation: the highest committed TPS over the steps of each transaction (sat-kv-put-R, sat-add1-R)
function saturation(kind) {
    const steps = Object.entries(rounds).filter(([l, x]) => l.startsWith(`sat-${kind}-`) && x.start)
        .map(([l, x]) => ({ rate: Number(l.slice(`sat-${kind}-`.length)), tps: x.tps, p95: x.p95, failed: x.failed }))
        .sort((a, b) => a.rate - b.rate);
    const best = steps.reduce((m, x) => (x.tps > (m ? m.tps : -1) ? x : m), null);
    return { steps, max: best ? best.tps : NaN, atRate: best ? best.rate : NaN };
}
const satKv = saturation('kv-put');
const satAdd = saturation('add1');
const satRatio = ratio(satAdd.max, satKv.max);
const steps = (sat) => sat.steps.map((x) => `${x.rate}:${f(x.tps, 1)}`).join(' ');
const keysPerSecond = r('putmany').itemsPerSecond;
const importRatio = ratio(hps, keysPerSecond);
const fillRatio = ratio(r('fill').itemsPerSecond, keysPerSecond);
const perItem = (x) => (x.items ? x.cpuSeconds / x.items : NaN);
const figures = [
    [`households per second through 'leader import' (${imp ? imp.households : '?'} rows, batch ${imp ? imp.batchSize : '?'}, ${imp && imp.inFlight ? imp.inFlight : '?'} in flight) / KV:PutMany keys per second (same batch and in flight)`,
        '>= 1,000 hh/s, or >= 0.7 x PutMany',
        `${f(importRatio, 2)} (${f(hps, 0)} hh/s / ${f(keysPerSecond, 0)} keys/s)`, hps >= 1000 || importRatio >= 0.7],
    ['AddHouseholdOrders(200) of the fill / KV:PutMany, keys per second (8 in flight)', 'report',
        `${f(fillRatio, 2)} (${f(r('fill').itemsPerSecond, 0)} / ${f(keysPerSecond, 0)})`, null],
    ['CPU seconds per household (import) / per key (PutMany), all network processes', 'report',
        `${f(perItem(r('import')), 4)} / ${f(perItem(r('putmany')), 4)} s; import split peers/orderers/chaincode ${r('import').cpuSplit ? `${r('import').cpuSplit.peers}/${r('import').cpuSplit.orderers}/${r('import').cpuSplit.chaincode}` : 'n/a'} s`, null],
    ['saturation: highest committed TPS AddHouseholdOrders(1) / KV:Put over the rate steps', '>= 0.8',
        `${f(satRatio, 2)} (${f(satAdd.max, 1)} at ${f(satAdd.atRate)} tps sent / ${f(satKv.max, 1)} at ${f(satKv.atRate)} tps sent; steps rate:TPS add1 ${steps(satAdd)}; kv-put ${steps(satKv)})`, satRatio >= 0.8],
    ['committed TPS AddHouseholdOrders(batch 1) / baseline KV:Put, same send rate', '>= 0.8',
        `${f(tpsRatio, 2)} (${f(r('add1').tps, 1)} / ${f(r('kv-put').tps, 1)} tps; sent ${f(r('add1').offeredTps, 1)} / ${f(r('kv-put').offeredTps, 1)} tps)`, tpsRatio >= 0.8],
    ['submit-to-commit latency p50 at low load (AddHouseholdOrders batch 1)', `<= ${batchTimeoutMs + 150} ms`,
        `${f(r('add1-low').p50)} ms (baseline put: ${f(r('kv-put-low').p50)} ms)`, r('add1-low').p50 <= batchTimeoutMs + 150],
    ['Trace of a group buy with its households and 20 custody events, p95', '<= 100 ms',
        `${f(r('trace').p95)} ms (p50 ${f(r('trace').p50)} ms); after the fill ${f(r('trace-full-ledger').p95)} ms (p50 ${f(r('trace-full-ledger').p50)} ms)`,
        r('trace').p95 <= 100 && !(r('trace-full-ledger').p95 > 100)],
    ['ListHouseholdOrders page p50, full ledger / small ledger', '<= 1.2',
        `${f(listRatio, 2)} (${f(r('list-full-ledger').p50)} / ${f(r('list-small-ledger').p50)} ms)`, listRatio <= 1.2],
    ['CPU seconds per committed transaction, all network processes', 'report',
        `add1 ${f(r('add1').cpuPerTx, 3)} s, kv-put ${f(r('kv-put').cpuPerTx, 3)} s, add100 ${f(r('add100').cpuPerTx, 3)} s (per order ${f(r('add100').cpuPerTx / 100, 4)} s)`, null],
    ['peak memory of the whole network under load (sum of RSS)', 'report',
        `${f(peakAll / 1024)} MiB (during the fill: ${f(r('fill').peakRssMiB)} MiB)`, null],
];

const lines = [];
lines.push('| figure | target | measured | met |', '|---|---|---|---|');
for (const [name, target, measured, met] of figures) {
    lines.push(`| ${name} | ${target} | ${measured} | ${met === null ? '-' : met ? 'yes' : 'no'} |`);
}
lines.push('', '| round | sent | sent/s | committed | failed | TPS | items/s | p50 ms | p95 ms | max ms | CPU s | CPU s/tx | peers/orderers/chaincode CPU s | peak RSS MiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [label, x] of Object.entries(rounds).sort((a, b) => (a[1].start || 0) - (b[1].start || 0))) {
    if (!x.start) { lines.push(`| ${label} | 0 | | | | | | | | | | | | |`); continue; }
    lines.push(`| ${label} | ${x.sent} | ${f(x.offeredTps, 1)} | ${x.committed} | ${x.failed} | ${f(x.tps, 1)} | ${f(x.itemsPerSecond, 0)} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.max)} | ${f(x.cpuSeconds, 1)} | ${f(x.cpuPerTx, 3)} | ${x.cpuSplit.peers}/${x.cpuSplit.orderers}/${x.cpuSplit.chaincode} | ${x.peakRssMiB} |`);
}
const md = lines.join('\n') + '\n';
fs.writeFileSync(path.join(dir, 'summary.md'), md);
fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify({ figures: figures.map(([figure, target, measured, met]) => ({ figure, target, measured, met })), rounds, import: imp, saturation: { kvPut: satKv, add1: satAdd }, peakRssKiB: peakAll }, null, 2));
process.stdout.write(md);
