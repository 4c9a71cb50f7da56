#!/usr/bin/env bash
# Times 'groupbuy leader import' alone, with the network's CPU per household by kind of process:
# the quick loop for trying one setting against another (batch size, in flight, the chaincode
# servers' JVM flags) between full benchmark runs.
set -euo pipefail

GB_SCRIPT=import-timing
usage() {
  cat <<'USAGE'
Usage: scripts/import-timing.sh [--households N] [--batch-size B] [--in-flight K] [--runs R] [--help]

On the running network (scripts/network.sh up; scripts/deploy-chaincode.sh): R times (default 1),
opens and approves a new group buy in C1 and times 'groupbuy leader import' of a generated sheet of N
households (default 10,000) with --batch-size B (default 500, the CLI's) and --in-flight K (default 8).
Prints one line per run: households per second, and the CPU seconds per household of the peers,
orderers and chaincode servers during the import, with the load average.
To compare the chaincode servers' JVM flags:
  scripts/deploy-chaincode.sh --stop-servers
  GROUPBUY_CCAAS_JAVA_OPTS='-Xms64m -Xmx384m -XX:+UseSerialGC' scripts/deploy-chaincode.sh --start-servers
Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET as for scripts/network.sh.
USAGE
}

households=10000 batch=500 in_flight=8 runs=1
while (($#)); do
  case "$1" in
    --households) households="${2:?--households needs a number}"; shift 2 ;;
    --batch-size) batch="${2:?--batch-size needs a number}"; shift 2 ;;
    --in-flight) in_flight="${2:?--in-flight needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "import-timing.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
check_range() { [[ "$2" =~ ^[1-9][0-9]*$ && "$2" -le "$3" ]] || { echo "import-timing.sh: --$1 must be 1-$3, got '$2'" >&2; exit 2; }; }
check_range households "$households" 100000
check_range batch-size "$batch" 500
check_range in-flight "$in_flight" 64
check_range runs "$runs" 20

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/sampler.sh
source "$here/lib/sampler.sh"
is_running peer0.leader || fail "the network is not running: scripts/network.sh up && scripts/deploy-chaincode.sh"
[[ -f "$GROUPBUY_VAR/chaincode/groupbuy/deployed.env" ]] || fail "chaincode groupbuy is not deployed: scripts/deploy-chaincode.sh"
out="$GROUPBUY_VAR/bench/import-timing-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
GB_STEP_LOG="$out/cli-steps.log"; : >"$GB_STEP_LOG"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"
# shellcheck source=lib/households.sh
source "$here/lib/households.sh"

setup_communities
bench_sheet "$out/sheet.csv" "$households" H-T
start_sampler "$out"
trap stop_sampler EXIT
for ((r = 1; r <= runs; r++)); do
  gb="GB-IT-$(date +%s)-$r"
  open_bench_gb "$gb"
  t0=$(sampler_now_ms)
  as leader leader1 "import $households households into $gb" leader import --group-buy "$gb" "$out/sheet.csv" \
    --codes-out "$out/codes-$r.csv" --batch-size "$batch" --in-flight "$in_flight"
  t1=$(sampler_now_ms)
  sleep 2  # one more sample after the end
  read -r cpu peers orderers chaincode peak < <(sampler_figures "$out" "$t0" "$t1")
  awk -v n="$households" -v ms=$((t1 - t0)) -v c="$cpu" -v p="$peers" -v o="$orderers" -v k="$chaincode" -v r="$r" \
      -v b="$batch" -v f="$in_flight" -v peak="$peak" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v opts="${GROUPBUY_CCAAS_JAVA_OPTS:-default}" \
    'BEGIN { printf "import timing: run %d, %d households, batch %d, %d in flight: %.1f s, %.0f households/s; network CPU per household %.4f s (peers %.4f, orderers %.4f, chaincode %.4f); peak RSS %d MiB; load average %s; chaincode JVM %s\n",
      r, n, b, f, ms / 1000, n / (ms / 1000), c / n, p / n, o / n, k / n, peak, load, opts }'
done
