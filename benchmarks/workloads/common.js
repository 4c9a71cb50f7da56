'use strict';
// Shared by the workload modules: one request through the Caliper Fabric connector (peer
// gateway), its submit-to-commit (or evaluate) time recorded per transaction, and the
// records written per worker at the end of the round for scripts/bench.sh to summarise.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

class RecordingWorkload extends WorkloadModuleBase {
    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
        this.records = [];
        this.counter = 0;
        this.label = roundArguments.label || `round${roundIndex}`;
        this.outDir = roundArguments.outDir || process.env.GROUPBUY_BENCH_OUT || '.';
        this.runId = roundArguments.runId || 'run';
        // a prefix unique to this run, round and worker: household ids and keys never repeat
        this.prefix = `${this.runId}-r${roundIndex}-w${workerIndex}`;
    }

    /** Sends one request; records start, end, success and how many business items it carried. */
    async send(request, items = 1) {
        const status = await this.sutAdapter.sendRequests(request);
        const s = Array.isArray(status) ? status[0] : status;
        const ok = s.GetStatus() === 'success';
        this.records.push(`${s.GetTimeCreate()},${s.GetTimeFinal()},${ok ? 1 : 0},${items}`);
        return s;
    }

    async cleanupWorkloadModule() {
        const dir = path.join(this.outDir, 'tx');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${this.label}.w${this.workerIndex}.csv`),
            this.records.join('\n') + (this.records.length ? '\n' : ''));
    }
}

/** A household order as the CLI would send it: reference, lines, salt and sha256hex(salt:code). */
function order(household, sku) {
    const salt = crypto.randomBytes(4).toString('hex');
    const code = String(crypto.randomInt(0, 1000000)).padStart(6, '0');
    const hash = crypto.createHash('sha256').update(`${salt}:${code}`).digest('hex');
    return { household, lines: [{ sku, quantity: 1 }], pickupSalt: salt, pickupCodeHash: hash, offline: false };
}

function leader(args) {
    return { invokerMspId: args.leaderMsp || 'LeaderMSP', invokerIdentity: args.leaderUser || 'leader1' };
}
function reader(args) {
    return { invokerMspId: args.readerMsp || 'RegulatorMSP', invokerIdentity: args.readerUser || 'regulator1' };
}

module.exports = { RecordingWorkload, order, leader, reader };
