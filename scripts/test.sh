#!/usr/bin/env bash
# Runs every test: unit tests of all modules, then the real network (started if it is not
# running), the chaincode deployed, the end-to-end tests against it, and the network stopped
# again if this script started it. The exit code tells the truth.
set -euo pipefail

GB_SCRIPT=test
usage() {
  cat <<'USAGE'
Usage: scripts/test.sh [--unit-only] [--no-faults] [--no-netns] [--keep-network] [--help]

  1. unit tests of every module (mvn verify): codes, statebatch, chaincode, client, baseline, e2e (unit part)
  2. network up (built and started if needed), chaincode deployed; scripts/platform.sh checks it
     is the pinned Fabric release with the channel's consensus (GROUPBUY_CONSENSUS, default bft)
  3. end-to-end: scripts/smoke.sh and the Java tests tagged e2e, against the real network; then
     scripts/broken-rule.sh: the network upgraded to a chaincode with one rule broken on purpose
     (a stranger may close another leader's group buy right after its cutoff), the e2e ClockTest
     must catch it, and the network upgraded back (about 4 minutes)
  4. fault scenarios, scripts/faults.sh: the leader orderer and a peer killed under load, two
     orderers stopped, the network stopped in the middle of an import (about 8 minutes)
  5. a sixth org, scripts/sixth-org.sh: FreshFarmMSP admitted by a majority of the admins' signatures,
     its supplier packs a group buy, then removed and its proposals refused (about 2-4 minutes)
  6. a new peer from a snapshot, scripts/snapshot-peer.sh: peer1.committee joins from a snapshot
     of peer0.committee, catches up, answers queries like peer0, and gets the household details
     written before the snapshot (reconciliation) and after (about 2 minutes)
  7. network down, if this run started it (and --keep-network is not given)
  8. one host per org, scripts/netns-check.sh (root): a second network in $GROUPBUY_VAR/netns/var
     with each org in a network namespace of its own: up, deploy, addresses, the demo from the
     client namespace, the courier's host cut off for 60 s under load and healed, the committee's
     cut off while details are imported, then cleaned even on failure: no namespace, veth or
     bridge left (about 10 minutes)

  --unit-only      stop after step 1
  --no-faults      skip step 4 (scripts/faults.sh and the Java tests tagged faults)
  --no-netns       skip step 8 (it is skipped with a note when not run as root)
  --keep-network   leave the network running at the end
USAGE
}

unit_only=0 faults=1 keep=0 netns=1
for arg in "$@"; do
  case "$arg" in
    --unit-only) unit_only=1 ;;
    --no-faults) faults=0 ;;
    --keep-network) keep=1 ;;
    --no-netns) netns=0 ;;
    --netns) netns=1 ;;   # the default now; kept for older command lines
    -h|--help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""  # "" so that env.sh does not see this script's arguments
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"

"$here/prerequisites.sh"

results=()
record() { results+=("$1 $2"); }   # record NAME passed|failed
summary() {
  local passed=0 failed=0 r
  echo
  echo "== test summary"
  for r in "${results[@]}"; do
    echo "  ${r#* }  ${r%% *}"
    [[ "${r#* }" == passed ]] && passed=$((passed + 1)) || failed=$((failed + 1))
  done
  echo "tests: $passed passed, $failed failed"
  ((failed == 0))
}

say "unit tests (mvn verify)"
if (cd "$GROUPBUY_ROOT" && mvn -B verify); then record unit-tests passed; else record unit-tests failed; summary; exit 1; fi
if ((unit_only)); then summary; exit $?; fi

started_here=0
if ! is_running peer0.leader; then started_here=1; fi
stop_network() {
  if ((started_here && !keep)); then "$here/network.sh" down || true; started_here=0; fi
}
trap stop_network EXIT

say "network up"
"$here/network.sh" up
say "deploying the chaincode"
"$here/deploy-chaincode.sh"

say "platform: Fabric release, consensus and consenters from the channel config, node health"
if "$here/platform.sh"; then record platform passed; else record platform failed; fi

say "smoke: one group buy through the CLI, one refused call per role"
if "$here/smoke.sh"; then record smoke passed; else record smoke failed; fi

say "end-to-end tests (Java, tagged e2e) against the real network"
groups=e2e
((faults)) && groups="e2e,faults"
if (cd "$GROUPBUY_ROOT" && mvn -B -pl e2e -am verify -Dgroups="$groups" -DexcludedGroups= \
      -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false); then
  record e2e passed
else
  record e2e failed
fi

say "one rule broken on purpose must be caught by the e2e tests (scripts/broken-rule.sh)"
if "$here/broken-rule.sh"; then record broken-rule passed; else record broken-rule failed; fi

if ((faults)); then
  say "fault scenarios (scripts/faults.sh)"
  if "$here/faults.sh"; then record faults passed; else record faults failed; fi
fi

# last: it changes the channel (a sixth org admitted and removed, a new chaincode sequence)
say "a sixth org joins and leaves (scripts/sixth-org.sh)"
if "$here/sixth-org.sh"; then record sixth-org passed; else record sixth-org failed; fi

say "a second committee peer from a snapshot (scripts/snapshot-peer.sh)"
if "$here/snapshot-peer.sh"; then record snapshot-peer passed; else record snapshot-peer failed; fi

# its own network in $GROUPBUY_VAR/netns/var (addresses 10.231.x inside namespaces, no clash with
# the loopback one); the loopback network goes down first so that the two do not share the CPU
stop_network
if ((netns)) && [[ "$(id -u)" != 0 ]]; then
  say "one host per org: skipped (network namespaces need root; --no-netns to silence this)"
elif ((netns)); then
  say "one host per org, a partition healed (scripts/netns-check.sh)"
  netns_t0=$(date +%s)
  if "$here/netns-check.sh"; then record netns passed; else record netns failed; fi
  say "netns-check took $(( $(date +%s) - netns_t0 )) s"
fi

summary
