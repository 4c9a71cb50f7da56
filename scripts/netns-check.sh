#!/usr/bin/env bash
# The network with each org on a host of its own (network namespaces), end to end: up --hosts
# netns in a folder of its own, the chaincode deployed, addresses checked, the demo run from the
# client's namespace, one org's host cut off the bridge under load and healed, then clean, and
# nothing left behind. Needs root.
set -euo pipefail

GB_SCRIPT=netns-check
usage() {
  cat <<'USAGE'
Usage: scripts/netns-check.sh [--keep] [--no-partition] [--help]

In $GROUPBUY_VAR/netns/var (a network of its own, same GROUPBUY_PORT_OFFSET, namespaces
gb<OFFSET>-*; the loopback network of $GROUPBUY_VAR may run beside it):
  1. scripts/network.sh up --hosts netns, scripts/deploy-chaincode.sh
  2. status --json: every node healthy, one distinct address per org, none on 127.0.0.1; the
     channel's consenters on those addresses (network.sh orderers)
  3. scripts/demo.sh from the client namespace (ip netns exec gb<OFFSET>-cli)
  4. partition (scripts/faults.sh --only 7,8 from the client namespace): under a load of 2
     submits/s the courier's host is cut off the bridge for 60 s and healed: the others kept
     committing, the courier caught up, the world state is identical and every acknowledged
     transaction is VALID on all five peers; then the committee's host is cut for a short while:
     household details cannot be written without its peer (the collection's endorsement policy),
     the CLI says what was stored, and once healed they are written and read on the committee's peer
  5. network.sh clean (also when a step failed; the logs are kept in $GROUPBUY_VAR/netns/logs):
     no namespace gb<OFFSET>-* left, no veth or bridge of ours in ip link
Prints 'PASS'/'FAIL' per check and 'netns-check: N passed, N failed'. About 10 minutes on an idle
2-core machine (more when others share it).
  --keep           leave that network running at the end (nothing is cleaned)
  --no-partition   skip step 4
USAGE
}
keep=0 partition=1
for a in "$@"; do case "$a" in --keep) keep=1 ;; --no-partition) partition=0 ;; -h|--help) usage; exit 0 ;; *) echo "netns-check.sh: unknown argument '$a' (try --help)" >&2; exit 2 ;; esac; done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export GROUPBUY_VAR="${GROUPBUY_VAR:-$(cd "$here/.." && pwd)/var}/netns/var"   # this network's own folder
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/hosts.sh
source "$here/lib/hosts.sh"
[[ "$(id -u)" == 0 ]] || fail "network namespaces need root"

passed=0 failed=0
check() { # check WHAT COMMAND...
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); say "PASS  $what"; else failed=$((failed + 1)); say "FAIL  $what"; fi
}
t0=$(date +%s)
cleaned=0
clean_up() { # the namespaces, veths and bridge go whatever happened, unless --keep
  ((keep || cleaned)) && return 0
  cleaned=1
  local kept; kept="$(dirname "$GROUPBUY_VAR")/logs"   # clean deletes GROUPBUY_VAR, logs included
  rm -rf "$kept"; cp -r "$GB_LOGS" "$kept" 2>/dev/null && say "logs of this run kept in $kept"
  "$here/network.sh" clean || say "network.sh clean failed"
  check "no namespace $(netns_prefix)-* left: $(ip netns list | grep -c "^$(netns_prefix)-" || true) in ip netns list" test -z "$(our_netns)"
  check "no veth or bridge of ours in ip link" bash -c "! ip -o link | grep -Eq 'v-(cli|leader|supplier|courier|committee|regulator|freshfarm)@|br0:'"
}
finish() {
  local rc=$?
  clean_up
  say "netns-check: $passed passed, $failed failed ($(( $(date +%s) - t0 )) s)"
  ((rc == 0 && failed == 0)) || exit 1
}
trap finish EXIT

check "network.sh up --hosts netns" "$here/network.sh" up --hosts netns
((failed == 0)) || exit 1
check "deploy-chaincode.sh" "$here/deploy-chaincode.sh"
((failed == 0)) || exit 1
say "network with one host per org up and deployed in $(( $(date +%s) - t0 )) s"

status=$("$here/network.sh" status --json) || true
orgs=${#GROUPBUY_PEER_ORGS[@]}
check "every node healthy: $(jq -r '"\(.healthy)/\(.total)"' <<<"$status")" jq -e '.healthy == .total' <<<"$status"
check "one address per org, all distinct: $(jq -c '.orgAddresses' <<<"$status")" \
  jq -e --argjson n "$orgs" '(.orgAddresses | length) == $n and ([.orgAddresses[] | length == 1] | all)
    and ([.orgAddresses[][]] | unique | length) == $n' <<<"$status"
check "no node listens on 127.0.0.1" jq -e '[.nodes[] | (.listen, .operations // "") | select(startswith("127."))] | length == 0' <<<"$status"
orderers=$("$here/network.sh" orderers --json) || true
check "consenters on the orgs' addresses: $(jq -r '[.consenters[].host] | join(",")' <<<"$orderers")" \
  jq -e --argjson st "$status" '[.consenters[].host] | sort == ([$st.orgAddresses[][]] | sort)' <<<"$orderers"

t1=$(date +%s)
check "demo from the client namespace $(client_netns)" ip netns exec "$(client_netns)" "$here/demo.sh"
say "demo took $(( $(date +%s) - t1 )) s"

if ((partition)); then
  t1=$(date +%s)
  check "partitions healed (faults.sh --only 7,8 from $(client_netns))" ip netns exec "$(client_netns)" "$here/faults.sh" --only 7,8
  say "partition scenarios took $(( $(date +%s) - t1 )) s"
fi

if ((keep)); then say "left running (GROUPBUY_VAR=$GROUPBUY_VAR scripts/network.sh down)"; fi
clean_up
