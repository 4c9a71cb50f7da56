#!/usr/bin/env bash
# The network with each org on a host of its own (network namespaces), end to end: up --hosts
# netns in a folder of its own, the chaincode deployed, addresses checked, the smoke test run from
# the client's namespace, then clean, and nothing left behind. Needs root.
set -euo pipefail

GB_SCRIPT=netns-check
usage() {
  cat <<'USAGE'
Usage: scripts/netns-check.sh [--keep] [--help]

In $GROUPBUY_VAR/netns/var (a network of its own, same GROUPBUY_PORT_OFFSET, namespaces
gb<OFFSET>-*; the loopback network of $GROUPBUY_VAR may run beside it):
  1. scripts/network.sh up --hosts netns, scripts/deploy-chaincode.sh
  2. status --json: every node healthy, one distinct address per org, none on 127.0.0.1; the
     channel's consenters on those addresses (network.sh orderers)
  3. scripts/smoke.sh from the client namespace (ip netns exec gb<OFFSET>-cli)
  4. network.sh clean: no namespace gb<OFFSET>-* left, no veth or bridge of ours in ip link
Prints 'ok'/'FAILED' per check and 'netns-check: N passed, N failed'. About 5 minutes on an idle
2-core machine (more when others share it). --keep: leave that network running at the end.
USAGE
}
keep=0
for a in "$@"; do case "$a" in --keep) keep=1 ;; -h|--help) usage; exit 0 ;; *) echo "netns-check.sh: unknown argument '$a' (try --help)" >&2; exit 2 ;; esac; done

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
  if "$@"; then passed=$((passed + 1)); say "ok      $what"; else failed=$((failed + 1)); say "FAILED  $what"; fi
}
t0=$(date +%s)
"$here/network.sh" up --hosts netns
"$here/deploy-chaincode.sh"
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

check "smoke test from the client namespace $(client_netns)" ip netns exec "$(client_netns)" "$here/smoke.sh"

if ((keep)); then
  say "left running (GROUPBUY_VAR=$GROUPBUY_VAR scripts/network.sh down)"
else
  "$here/network.sh" clean
  check "no namespace $(netns_prefix)-* left" test -z "$(our_netns)"
  check "no veth or bridge of ours in the machine's namespace" bash -c "! ip -o link | grep -Eq 'v-(cli|leader|supplier|courier|committee|regulator)@|br0:'"
fi
say "netns-check: $passed passed, $failed failed ($(( $(date +%s) - t0 )) s)"
((failed == 0))
