#!/usr/bin/env bash
# Benchmarks GroupBuy Ledger beside the key-value baseline with Hyperledger Caliper, times the
# CLI's bulk import, fills the ledger with a realistic volume, and prints the summary table.
# Figures only: it never fails on a number (exit 0 unless it could not run at all).
set -euo pipefail

GB_SCRIPT=bench
usage() {
  cat <<'USAGE'
Usage: scripts/bench.sh [options]

Runs against the running network (scripts/network.sh up; scripts/deploy-chaincode.sh), deploys the
key-value baseline when it is missing (scripts/deploy-chaincode.sh --name kvbaseline), installs
Hyperledger Caliper (pinned, from npm) under ${GROUPBUY_CACHE:-~/.cache/groupbuy}/caliper, sets up
the group buys it needs through the groupbuy CLI, runs the rounds of benchmarks/benchconfig.yaml in
one Caliper run, times 'groupbuy leader import' of a generated sheet right after KV:PutMany of as
many keys in the same batches and the same closed loop of submits in flight (its yardstick,
e2e/.../load/PutManyBench), and prints the summary table.

Options (defaults in brackets):
  --duration S        length of each submit round, seconds [60]
  --query-duration S  length of each read round, seconds [30]
  --rate TPS          send rate of kv-put, add1 (AddHouseholdOrders batch 1) and record-payment [10]
  --low-rate TPS      send rate of the low-load rounds (latency p50) [2]
  --batch-rate TPS    send rate of add100 (AddHouseholdOrders batch 100) [1]
  --query-rate TPS    send rate of the read rounds (KV:Get, Trace, ListHouseholdOrders) [10]
  --workers N         Caliper workers [2]
  --fill N            household orders the data generator (e2e/.../load/FillBench, between the two
                      Caliper runs) adds through GroupBuyLedger, batches of 200 [100000]
  --fill-load N       data generator: submits in flight, each waiting for its commit [8]
  --import N          households in the timed 'leader import' sheet [10000]
  --import-batch N    --batch-size of that import, and the keys per KV:PutMany [500, the CLI's default]
  --import-in-flight N  --in-flight of that import, and the PutMany submits in flight [8]
  --order-bytes N     bytes per key that KV:PutMany writes (an order record as AddHouseholdOrders writes it: 380-400) [400]
  --sat-rates LIST    saturation: send rates (tps, comma-separated, rising) at which KV:Put and
                      AddHouseholdOrders(1) run one after the other, '' for none [10,20,30,40,50]
  --sat-duration S    length of each saturation step, seconds [20]
  --profile           during the timed import, record the leader's chaincode server with Java
                      Flight Recorder and, when the peers run with GROUPBUY_PEER_PPROF=1 (set it
                      for scripts/network.sh up), the leader's and the regulator's peers with Go's
                      pprof for --profile-seconds; hot methods and functions in DIR/profile/
  --profile-seconds S length of the peers' CPU profile [30]
  --trace-households N  households of the traced group buy [500]
  --list-orders N     orders of the listed group buy [1000]
  --quick             a short run to try things out: 10 s rounds, fill 2000, import 1000,
                      trace 100 households, list 200 orders, saturation steps 10 and 30 tps of 10 s
  --out DIR           where the report goes [$GROUPBUY_VAR/bench/<time>]
  -h, --help          this text

Environment: GROUPBUY_VAR and GROUPBUY_PORT_OFFSET select the network (as for scripts/network.sh).
Output: DIR/report.html and DIR/report-2.html (Caliper's reports of the rounds before and after the
fill), DIR/caliper.log and DIR/caliper-2.log, DIR/fill.log, DIR/putmany.log, DIR/tx/*.csv (one line per
transaction: created ms, finished ms, ok, items), DIR/resources.csv (CPU and RSS of the network
every second), DIR/summary.md and DIR/summary.json (the table). Every load is bounded: each round
ends after its duration or transaction count, and Caliper stops after the last round.
USAGE
}

duration=60 query_duration=30 rate=10 low_rate=2 batch_rate=1 query_rate=10 workers=2
fill=100000 fill_load=8 import_n=10000 import_batch=500 trace_households=500 list_orders=1000 out="" quick=0
import_in_flight=8 order_bytes=400 sat_rates=10,20,30,40,50 sat_duration=20 profile=0 profile_seconds=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration="${2:?}"; shift 2 ;;
    --query-duration) query_duration="${2:?}"; shift 2 ;;
    --rate) rate="${2:?}"; shift 2 ;;
    --low-rate) low_rate="${2:?}"; shift 2 ;;
    --batch-rate) batch_rate="${2:?}"; shift 2 ;;
    --query-rate) query_rate="${2:?}"; shift 2 ;;
    --workers) workers="${2:?}"; shift 2 ;;
    --fill) fill="${2:?}"; shift 2 ;;
    --fill-load) fill_load="${2:?}"; shift 2 ;;
    --import) import_n="${2:?}"; shift 2 ;;
    --import-in-flight) import_in_flight="${2:?}"; shift 2 ;;
    --order-bytes) order_bytes="${2:?}"; shift 2 ;;
    --sat-rates) sat_rates="${2?}"; shift 2 ;;
    --sat-duration) sat_duration="${2:?}"; shift 2 ;;
    --profile) profile=1; shift ;;
    --profile-seconds) profile_seconds="${2:?}"; shift 2 ;;
    --import-batch) import_batch="${2:?}"; shift 2 ;;
    --trace-households) trace_households="${2:?}"; shift 2 ;;
    --list-orders) list_orders="${2:?}"; shift 2 ;;
    --quick) quick=1; duration=10; query_duration=10; fill=2000; import_n=1000; trace_households=100; list_orders=200; sat_rates=10,30; sat_duration=10; shift ;;
    --out) out="${2:?}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
for v in duration query_duration rate low_rate batch_rate query_rate workers fill fill_load import_n import_batch trace_households list_orders import_in_flight order_bytes sat_duration profile_seconds; do
  [[ "${!v}" =~ ^[0-9]+$ && "${!v}" -gt 0 ]] || { echo "bench: --${v//_/-} must be a whole number above 0" >&2; exit 2; }
done
((import_batch <= 500)) || { echo "bench: --import-batch is at most 500 (AddHouseholdOrders takes 1..500 orders)" >&2; exit 2; }
((import_in_flight <= 64)) || { echo "bench: --import-in-flight is at most 64 (the CLI's --in-flight)" >&2; exit 2; }
((order_bytes <= 10000)) || { echo "bench: --order-bytes is at most 10000 (KV:PutMany's cap)" >&2; exit 2; }
[[ -z "$sat_rates" || "$sat_rates" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "bench: --sat-rates must be whole numbers separated by commas, e.g. 10,20,30" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"

# Caliper and the Fabric Gateway binding it uses for Fabric 2.4+ ('caliper bind --caliper-bind-sut
# fabric:fabric-gateway' would install the same two packages), pinned.
CALIPER_VERSION=0.6.0
FABRIC_GATEWAY_VERSION=1.5.0
GRPC_JS_VERSION=1.10.3
CALIPER_HOME="${GROUPBUY_CACHE:-$HOME/.cache/groupbuy}/caliper"

run_id="b$(date +%s)"
out="${out:-$GROUPBUY_VAR/bench/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out/tx" "$out/sheets"
GB_STEP_LOG="$out/cli-steps.log"; : >"$GB_STEP_LOG"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"
# shellcheck source=lib/households.sh
source "$here/lib/households.sh"

# ---------------------------------------------------------------- preconditions
[[ -s "$GROUPBUY_VAR/network.json" ]] || fail "no $GROUPBUY_VAR/network.json: start the network (scripts/network.sh up)"
is_running peer0.leader || fail "the network is not running: scripts/network.sh up && scripts/deploy-chaincode.sh"
[[ -f "$GROUPBUY_VAR/chaincode/groupbuy/deployed.env" ]] || fail "chaincode groupbuy is not deployed: scripts/deploy-chaincode.sh"
if [[ ! -f "$GROUPBUY_VAR/chaincode/kvbaseline/deployed.env" ]]; then
  say "deploying the key-value baseline (kvbaseline)"
  "$here/deploy-chaincode.sh" --name kvbaseline
fi
command -v node >/dev/null && command -v npm >/dev/null || fail "Caliper needs Node.js 18 or 20 and npm (apt-get install -y nodejs npm)"

# ---------------------------------------------------------------- Caliper, installed once in the cache
install_caliper() {
  local want="$CALIPER_VERSION $FABRIC_GATEWAY_VERSION $GRPC_JS_VERSION"
  if [[ -f "$CALIPER_HOME/.installed" && "$(cat "$CALIPER_HOME/.installed")" == "$want" ]]; then return 0; fi
  say "installing Caliper $CALIPER_VERSION with @hyperledger/fabric-gateway $FABRIC_GATEWAY_VERSION in $CALIPER_HOME (a few minutes, once)"
  mkdir -p "$CALIPER_HOME"
  [[ -f "$CALIPER_HOME/package.json" ]] || echo '{"name":"groupbuy-caliper","private":true}' >"$CALIPER_HOME/package.json"
  (cd "$CALIPER_HOME" && npm install --no-audit --no-fund --save-exact \
     "@hyperledger/caliper-cli@$CALIPER_VERSION" "@hyperledger/fabric-gateway@$FABRIC_GATEWAY_VERSION" \
     "@grpc/grpc-js@$GRPC_JS_VERSION") >"$out/npm-install.log" 2>&1 \
    || { tail -n 20 "$out/npm-install.log" >&2; fail "npm could not install Caliper (log: $out/npm-install.log)"; }
  echo "$want" >"$CALIPER_HOME/.installed"
}
install_caliper

# ---------------------------------------------------------------- Caliper's network configuration
# One connection profile per org (its peer, TLS root, host alias) and the users from the enrolled
# identities: leader1 submits (through the leader peer), regulator1 reads (through its own peer).
write_network_config() {
  local nj="$GROUPBUY_VAR/network.json" cfg="$out/networkconfig.yaml" org msp users
  {
    echo "name: groupbuy-ledger"
    echo "version: \"2.0.0\""
    echo "caliper: {blockchain: fabric, sutOptions: {mutualTls: false}}"
    echo "channels:"
    echo "  - channelName: $(jq -r .channel "$nj")"
    echo "    contracts: [{id: $(jq -r .chaincode "$nj")}, {id: kvbaseline}]"
    echo "organizations:"
  } >"$cfg"
  for org in leader regulator; do
    msp=$(jq -r --arg o "$org" '.orgs[$o].mspId' "$nj"); users=$(jq -r --arg o "$org" '.orgs[$o].usersDir' "$nj")
    jq --arg o "$org" '.orgs[$o] as $g | {name: ("groupbuy-" + $o), version: "1.0.0",
        client: {organization: $g.mspId},
        organizations: {($g.mspId): {mspid: $g.mspId, peers: [$g.peerHostAlias]}},
        peers: {($g.peerHostAlias): {url: ("grpcs://" + $g.peerEndpoint), tlsCACerts: {path: $g.tlsRootCert},
                grpcOptions: {"ssl-target-name-override": $g.peerHostAlias, hostnameOverride: $g.peerHostAlias}}}}' \
      "$nj" >"$out/ccp-$org.json"
    local user="${org}1"
    [[ -s "$users/$user/msp/signcerts/cert.pem" ]] || fail "no identity $user at $users/$user/msp"
    cat >>"$cfg" <<YAML
  - mspid: $msp
    identities:
      certificates:
        - name: $user
          clientPrivateKey: {path: $users/$user/msp/keystore/key.pem}
          clientSignedCert: {path: $users/$user/msp/signcerts/cert.pem}
    connectionProfile: {path: $out/ccp-$org.json, discover: false}
YAML
  done
}
write_network_config

# ---------------------------------------------------------------- group buys for the rounds
# Opened by leader1 in community C1 and approved by committee1, through the CLI.
setup_communities
now_ms() { date +%s%3N; }

GB_ADD="GB-$run_id-ADD"; GB_PAY="GB-$run_id-PAY"; GB_LIST="GB-$run_id-LIST"; GB_TRACE="GB-$run_id-TRACE"; GB_IMPORT="GB-$run_id-IMPORT"
fill_gbs=$(( (fill + 9999) / 10000 )); ((fill_gbs > 10)) && fill_gbs=10
GB_FILL=""; for ((i = 1; i <= fill_gbs; i++)); do GB_FILL+="${GB_FILL:+,}GB-$run_id-FILL$i"; done
for gb in "$GB_ADD" "$GB_PAY" "$GB_LIST" "$GB_TRACE" "$GB_IMPORT" ${GB_FILL//,/ }; do open_bench_gb "$gb"; done

say "listed group buy $GB_LIST: importing $list_orders households"
bench_sheet "$out/sheets/list.csv" "$list_orders" H-L
as leader leader1 "import $list_orders households into $GB_LIST" leader import --group-buy "$GB_LIST" "$out/sheets/list.csv" \
  --codes-out "$out/sheets/list-codes.csv" --batch-size 200

say "traced group buy $GB_TRACE: $trace_households households, then 20 custody events"
bench_sheet "$out/sheets/trace.csv" "$trace_households" H-T
as leader leader1 "import $trace_households households into $GB_TRACE" leader import --group-buy "$GB_TRACE" "$out/sheets/trace.csv" \
  --codes-out "$out/sheets/trace-codes.csv" --batch-size 100
# custody events: Close, Accept, Pack, RequestArrival, ApproveArrival, Dispatch and 14 checkpoints
as leader leader1 "close $GB_TRACE" leader close "$GB_TRACE"
as supplier supplier1 "accept $GB_TRACE" supplier accept "$GB_TRACE" --ship-by "$(iso_in '+6 hours')"
as supplier supplier1 "pack $GB_TRACE" supplier pack "$GB_TRACE" \
  "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"R-$run_id\",\"quantity\":$((trace_households * 2))},{\"sku\":\"EGGS-30\",\"lot\":\"E-$run_id\",\"quantity\":$trace_households}],\"evidenceHashes\":[\"$(h64 "inspection $run_id")\"]}"
as leader leader1 "request an arrival slot" leader request-arrival "$GB_TRACE" --slot "$(iso_in "+$(( ($(date +%s) / 7) % 3000 + 5 )) days")"
as committee committee1 "approve the arrival" committee approve-arrival "$GB_TRACE"
as courier courier1 "dispatch $GB_TRACE" courier dispatch "$GB_TRACE" \
  "{\"passNumber\":\"SH-PASS-$run_id\",\"vehicle\":\"HU-A12345\",\"driverHealthCheckHash\":\"$(h64 "driver $run_id")\"}"
for ((i = 1; i <= 14; i++)); do
  as courier courier1 "checkpoint $i" courier checkpoint "$GB_TRACE" --place "Checkpoint $i" --note "sealed, 4C"
done

# ---------------------------------------------------------------- resource sampler
# Every second: CPU seconds of every network process (peers, orderers, chaincode servers apart) and
# the sum of their RSS: scripts/lib/sampler.sh.
# shellcheck source=lib/sampler.sh
source "$here/lib/sampler.sh"
start_sampler "$out"
trap stop_sampler EXIT

# ---------------------------------------------------------------- Caliper
export BENCH_WORKERS=$workers BENCH_DURATION=$duration BENCH_QUERY_DURATION=$query_duration BENCH_RATE=$rate \
  BENCH_LOW_RATE=$low_rate BENCH_BATCH_RATE=$batch_rate BENCH_QUERY_RATE=$query_rate BENCH_PAGE_SIZE=100 \
  BENCH_LIST_ORDERS=$list_orders BENCH_TRACE_HOUSEHOLDS=$trace_households BENCH_OUT=$out BENCH_RUN=$run_id \
  GB_ADD GB_PAY GB_LIST GB_TRACE GB_FILL
# saturation: at each rate, KV:Put then AddHouseholdOrders(1), sat_duration seconds each
sat_round() { # sat_round LABEL RATE MODULE ARGS
  printf '    - label: %s\n      description: saturation step at %s tps\n      txDuration: %s\n      rateControl: {type: fixed-rate, opts: {tps: %s}}\n      workload:\n        module: %s\n        arguments: {label: %s, %s, outDir: %s, runId: %s}\n' \
    "$1" "$2" "$sat_duration" "$2" "$3" "$1" "$4" "$out" "$run_id"
}
BENCH_SAT_ROUNDS=""
for r in ${sat_rates//,/ }; do
  BENCH_SAT_ROUNDS+="$(sat_round "sat-kv-put-$r" "$r" benchmarks/workloads/kv.js "op: put")"$'\n'
  BENCH_SAT_ROUNDS+="$(sat_round "sat-add1-$r" "$r" benchmarks/workloads/add-orders.js "batch: 1, groupBuys: \"$GB_ADD\"")"$'\n'
done
export BENCH_SAT_ROUNDS="${BENCH_SAT_ROUNDS%$'\n'}"
envsubst <"$GROUPBUY_ROOT/benchmarks/benchconfig.yaml" >"$out/benchconfig.yaml"
# two Caliper runs, split at the "part 2" line; part 2 repeats the header (everything up to "rounds:")
awk '/# ---- part 2:/ { exit } { print }' "$out/benchconfig.yaml" >"$out/benchconfig-1.yaml"
{ awk '{ print } /^  rounds:/ { exit }' "$out/benchconfig.yaml"; awk 'p { print } /# ---- part 2:/ { p = 1 }' "$out/benchconfig.yaml"; } \
  >"$out/benchconfig-2.yaml"
caliper_run() { # caliper_run CONFIG LOG REPORT
  say "Caliper run: rounds of $1 (log: $2)"
  local rc=0
  (cd "$GROUPBUY_ROOT" && NODE_PATH="$CALIPER_HOME/node_modules" timeout 3h "$CALIPER_HOME/node_modules/.bin/caliper" launch manager \
     --caliper-workspace "$GROUPBUY_ROOT" --caliper-networkconfig "$out/networkconfig.yaml" \
     --caliper-benchconfig "$1" --caliper-flow-only-test \
     --caliper-report-path "$3" --caliper-fabric-timeout-invokeorquery 120) >"$2" 2>&1 || rc=$?
  ((rc == 0)) || say "Caliper ended with exit code $rc (see $2); the summary uses what it recorded"
}
bench_java() { # bench_java TEST LOG -Dname=value...: a Java driver tagged bench (e2e/.../load), its summary lines printed
  local test="$1" log="$2" rc=0; shift 2
  (cd "$GROUPBUY_ROOT" && mvn -B -q -pl e2e -am verify -Dgroups=bench -DexcludedGroups= -Djacoco.skip=true \
     -Dsurefire.failIfNoSpecifiedTests=false -Dtest="$test" -Dsurefire.printSummary=false -DtrimStackTrace=false \
     -DargLine="$*") >"$log" 2>&1 || rc=$?
  grep -E '^(fill|putmany): ' "$log" | while IFS= read -r line; do say "$line"; done
  ((rc == 0)) || say "$test failed (exit code $rc, see $log)"
  return "$rc"
}
caliper_run "$out/benchconfig-1.yaml" "$out/caliper.log" "$out/report.html"

# ---------------------------------------------------------------- the fill, a closed loop of submits
mkdir -p "$out/tx"
say "filling the ledger: $fill household orders in batches of 200 over $fill_gbs group buys, $fill_load in flight (log $out/fill.log)"
bench_java FillBench "$out/fill.log" -Dgroupbuy.fill.orders="$fill" -Dgroupbuy.fill.batch=200 -Dgroupbuy.fill.inFlight="$fill_load" \
  -Dgroupbuy.fill.groupBuys="$GB_FILL" -Dgroupbuy.fill.run="$run_id" -Dgroupbuy.fill.out="$out/tx/fill.w0.csv" \
  || say "the fill did not complete: the full-ledger rounds run on what it wrote"
caliper_run "$out/benchconfig-2.yaml" "$out/caliper-2.log" "$out/report-2.html"

# ---------------------------------------------------------------- the CLI's bulk import, timed
# --profile: Java Flight Recorder on the leader's groupbuy chaincode server (the one that endorses
# every import transaction first), hot methods printed by benchmarks/hot-methods.sh afterwards.
profile_start() {
  mkdir -p "$out/profile"
  cc_pid=$(awk '$3 == "ccaas.groupbuy.leader" { print $1; exit }' "$out/pids.txt")  # listed by start_sampler
  if [[ -z "$cc_pid" || "$cc_pid" == null ]]; then say "profile: no leader groupbuy chaincode server in network.sh status; skipped"; profile=0; return 0; fi
  jcmd "$cc_pid" JFR.start name=import settings=profile filename="$out/profile/chaincode-leader.jfr" >"$out/profile/jcmd.log" 2>&1 \
    || { say "profile: jcmd JFR.start failed (see $out/profile/jcmd.log); skipped"; profile=0; }
  # the leader's peer endorses first and validates; the regulator's peer only validates and commits
  peer_profiles=()
  local org url
  for org in leader regulator; do
    url="http://$(setting "$org" PEER_HOST):$(peer_pprof_port "$org")/debug/pprof/profile?seconds=$profile_seconds"
    if curl -fsS --max-time 2 -o /dev/null "${url%/profile*}/"; then
      curl -fsS --max-time $((profile_seconds + 30)) -o "$out/profile/peer-$org.pprof" "$url" &
      peer_profiles+=($!)
    else
      say "profile: peer0.$org has no pprof (start the network with GROUPBUY_PEER_PPROF=1 to profile the peers)"
    fi
  done
}
peer_top() { # peer_top FILE: the top functions of a Go CPU profile, by own and by cumulative time
  { echo "== by own time"; go tool pprof -top -nodecount=30 "$1" 2>&1
    echo; echo "== by cumulative time"; go tool pprof -top -cum -nodecount=40 "$1" 2>&1; } >"${1%.pprof}.txt"
}
profile_stop() {
  jcmd "$cc_pid" JFR.stop name=import >>"$out/profile/jcmd.log" 2>&1 || say "profile: jcmd JFR.stop failed (see $out/profile/jcmd.log)"
  [[ -s "$out/profile/chaincode-leader.jfr" ]] && "$GROUPBUY_ROOT/benchmarks/hot-methods.sh" "$out/profile/chaincode-leader.jfr" >"$out/profile/hot-methods.txt" 2>&1 \
    && say "profile: $out/profile/hot-methods.txt"
  local p f
  for p in "${peer_profiles[@]}"; do wait "$p" || say "profile: a peer's CPU profile failed"; done
  for f in "$out"/profile/peer-*.pprof; do [[ -s "$f" ]] && peer_top "$f" && say "profile: ${f%.pprof}.txt"; done
  return 0
}
# ---------------------------------------------------------------- the import's yardstick
# KV:PutMany of as many keys as the import has households, in the import's own shape: a closed loop of
# --import-in-flight submits of --import-batch keys, each waiting for its commit (Caliper's fixed-load
# controller overshot, then slept for tens of seconds, see PutManyBench).
say "KV:PutMany of $import_n keys (batch $import_batch, $import_in_flight in flight, $order_bytes bytes): the import's yardstick"
bench_java PutManyBench "$out/putmany.log" -Dgroupbuy.putmany.keys="$import_n" -Dgroupbuy.putmany.batch="$import_batch" \
  -Dgroupbuy.putmany.inFlight="$import_in_flight" -Dgroupbuy.putmany.valueSize="$order_bytes" \
  -Dgroupbuy.putmany.run="$run_id" -Dgroupbuy.putmany.out="$out/tx/putmany.w0.csv" \
  || say "the summary has no yardstick"

bench_sheet "$out/sheets/import.csv" "$import_n" H-I
# bench_java's Maven run has just rebuilt client/target/groupbuy-client.jar, and the first CLI call after a
# rebuild starts without the class-data archive and writes a new one at exit (./groupbuy): one untimed
# call here, so that the timed import is a leader's usual call (this had added about 2 s to every import
# timed before 2026-12-06)
as leader leader1 "read $GB_IMPORT before the timed import (the CLI's class-data archive)" show "$GB_IMPORT"
say "timing 'groupbuy leader import' of $import_n households (batch size $import_batch, $import_in_flight in flight)"
((profile)) && profile_start
t0=$(now_ms)
as leader leader1 "import $import_n households into $GB_IMPORT" leader import --group-buy "$GB_IMPORT" "$out/sheets/import.csv" \
  --codes-out "$out/sheets/import-codes.csv" --batch-size "$import_batch" --in-flight "$import_in_flight"
t1=$(now_ms)
((profile)) && profile_stop
imported=$(cut -d, -f1 "$out/sheets/import-codes.csv" | grep "^H-I-" | sort -u | grep -c . || true)
# the CLI's own line: the sending alone, without its JVM start, connection and sheet check
sending=$(tr '\r' '\n' <<<"$GB_LAST_OUT" | grep -m1 -oE '[0-9]+ households committed in [0-9.]+ s, [0-9]+ per second' || true)
[[ -n "$sending" ]] && say "the import's sending alone: $sending; the whole command: $((t1 - t0)) ms"
send_ms=$(awk '{ for (i = 1; i < NF; i++) if ($i == "in") { printf "%d", $(i + 1) * 1000; exit } }' <<<"$sending"); send_ms=${send_ms:-null}
echo "{\"households\": $imported, \"ms\": $((t1 - t0)), \"sendingMs\": $send_ms, \"batchSize\": $import_batch, \"inFlight\": $import_in_flight}" >"$out/import.json"
# the import as one 'transaction' of the summary, so that its CPU per kind of process is counted too
echo "$t0,$t1,1,$imported" >"$out/tx/import.w0.csv"
sleep 2
stop_sampler

# ---------------------------------------------------------------- summary
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
  echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "options: duration=$duration query-duration=$query_duration rate=$rate low-rate=$low_rate batch-rate=$batch_rate query-rate=$query_rate workers=$workers fill=$fill import=$import_n import-batch=$import_batch import-in-flight=$import_in_flight order-bytes=$order_bytes sat-rates=$sat_rates sat-duration=$sat_duration"
} >"$out/machine.txt"
node "$GROUPBUY_ROOT/benchmarks/summarize.js" "$out" "$GROUPBUY_BATCH_TIMEOUT"
say "Caliper report: $out/report.html; summary: $out/summary.md"
