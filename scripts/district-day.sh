#!/usr/bin/env bash
# A district's lockdown morning on the real network: many leaders of many communities import their
# households and close at the same time (issue 15). Figures only, plus the ledger check that no
# order was lost or counted twice.
set -euo pipefail

GB_SCRIPT=district-day
usage() {
  cat <<'USAGE'
Usage: scripts/district-day.sh [--communities C] [--leaders L] [--households N] [--batch B] [--in-flight K] [--help]

On the running network (started and the chaincode deployed if needed): C communities D1..DC
(default 10), each with its committee (dC-committee) and L leaders (default 5: dC-leader1..),
enrolled at their orgs' CAs when missing; every community registered, supplier1 and every leader
committed and countersigned, one group buy per leader opened and approved. Then, timed, every
leader at the same time imports N households (default 1,000) into its own group buy through the
CLI's import pipeline (batches of B orders, default 100, then their personal details, K batches in
flight per leader, default 1) and closes it: C x L x N households in all (default 50,000). With 50
leaders at once on two cores every call waits its turn, so the client's deadlines are raised for the
run (GROUPBUY_ENDORSE_TIMEOUT 120 s, GROUPBUY_SUBMIT_TIMEOUT 60 s, GROUPBUY_COMMIT_TIMEOUT 300 s, unless
set) and each leader keeps one batch in flight; the figures say what a leader waits.

Prints the total time, households per second, the import time per leader (p50, p95, max), the
close times, the retries the client needed (and how many were MVCC or phantom conflicts), the
network's CPU (peers, orderers, chaincode servers) and peak memory, and the ledger check: every
group buy SUBMITTED with exactly its N households, none lost or duplicated.
Ends 'district day: PASS ...' or 'FAIL ...' (exit 1). Log: $GROUPBUY_VAR/logs/district-day.log;
CPU samples: $GROUPBUY_VAR/bench/district-day-<time>/resources.csv.
A small try-out: --communities 2 --leaders 2 --households 200.
Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET as for scripts/network.sh.
USAGE
}

communities=10 leaders=5 households=1000 batch=100 in_flight=1
while (($#)); do
  case "$1" in
    --communities) communities="${2:?--communities needs a number}"; shift 2 ;;
    --leaders) leaders="${2:?--leaders needs a number}"; shift 2 ;;
    --households) households="${2:?--households needs a number}"; shift 2 ;;
    --in-flight) in_flight="${2:?--in-flight needs a number}"; shift 2 ;;
    --batch) batch="${2:?--batch needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "district-day.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
check_range() { [[ "$2" =~ ^[1-9][0-9]*$ && "$2" -le "$3" ]] || { echo "district-day.sh: --$1 must be 1-$3, got '$2'" >&2; exit 2; }; }
check_range communities "$communities" 50
check_range leaders "$leaders" 20
check_range households "$households" 5000
check_range in-flight "$in_flight" 64
check_range batch "$batch" 200

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/sampler.sh
source "$here/lib/sampler.sh"
log="$GB_LOGS/district-day.log"
: >"$log"
exec > >(tee -a "$log") 2>&1

"$here/network.sh" up
"$here/deploy-chaincode.sh"

say "enrolling the district's identities (committees and leaders) when missing"
for ((c = 1; c <= communities; c++)); do
  "$here/identity.sh" add committee "d$c-committee" committee "D$c" >>"$log" 2>&1 \
    || fail "could not enrol d$c-committee at the committee's CA (see $log)"
  for ((l = 1; l <= leaders; l++)); do
    "$here/identity.sh" add leader "d$c-leader$l" leader "D$c" >>"$log" 2>&1 \
      || fail "could not enrol d$c-leader$l at the leader's CA (see $log)"
  done
done

run=$(date +%s)
out="$GROUPBUY_VAR/bench/district-day-$(date -u +%Y%m%dT%H%M%SZ)"
start_sampler "$out"
trap stop_sampler EXIT
export GROUPBUY_ENDORSE_TIMEOUT="${GROUPBUY_ENDORSE_TIMEOUT:-120}" GROUPBUY_SUBMIT_TIMEOUT="${GROUPBUY_SUBMIT_TIMEOUT:-60}" \
  GROUPBUY_COMMIT_TIMEOUT="${GROUPBUY_COMMIT_TIMEOUT:-300}"
say "$communities communities x $leaders leaders x $households households, batches of $batch, $in_flight in flight per leader (samples: $out)"
t0=$(sampler_now_ms)
rc=0
(cd "$GROUPBUY_ROOT" && mvn -B -q -pl e2e -am verify -Dgroups=bench -DexcludedGroups= -Djacoco.skip=true \
   -Dsurefire.failIfNoSpecifiedTests=false -Dtest=DistrictDayBench -Dsurefire.printSummary=false \
   -DtrimStackTrace=false -DargLine="-Dgroupbuy.district.communities=$communities -Dgroupbuy.district.leaders=$leaders \
   -Dgroupbuy.district.households=$households -Dgroupbuy.district.inFlight=$in_flight -Dgroupbuy.district.batch=$batch -Dgroupbuy.district.run=$run") \
   >"$out/driver.log" 2>&1 || rc=$?
t1=$(sampler_now_ms)
stop_sampler
sed -n 's/^.*\(district day: \)/\1/p' "$out/driver.log" | grep -v '^district day: window' || true
# the network's CPU over the timed import-and-close window alone (the driver prints it), else the whole run
window=$(sed -n 's/^.*district day: window \([0-9]*\) \([0-9]*\)$/\1 \2/p' "$out/driver.log" | tail -n 1)
[[ -n "$window" ]] && read -r t0 t1 <<<"$window"
read -r cpu peers orderers chaincode peak < <(sampler_figures "$out" "$t0" "$t1")
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
line="$communities x $leaders leaders x $households households; network CPU ${cpu} s in ${secs} s of import and close (peers ${peers}, orderers ${orderers}, chaincode ${chaincode}; $(nproc) cores), peak RSS ${peak} MiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if ((rc == 0)); then
  say "district day: PASS $line"
else
  tail -n 40 "$out/driver.log"
  say "district day: FAIL $line (driver exit $rc, log $out/driver.log)"
  exit 1
fi
