#!/usr/bin/env bash
# Checks that the running network is the platform we say it is: the pinned Fabric release in
# every binary, the consensus the channel was created with and five consenters from five orgs,
# every node healthy and exactly one orderer leading. Prints one line per check.
set -euo pipefail

GB_SCRIPT=platform
usage() {
  cat <<'USAGE'
Usage: scripts/platform.sh [--help]

Against the running network (GROUPBUY_VAR / GROUPBUY_PORT_OFFSET like every script):
  - peer, orderer and fabric-ca-server print the versions pinned in scripts/versions.env
  - the channel's newest config block (scripts/network.sh orderers) names the consensus of
    GROUPBUY_CONSENSUS (BFT or etcdraft), five consenters, for BFT five different MSPs and a
    BlockValidation policy of 4 of 5 consenter signatures
  - scripts/network.sh status: every node healthy, five orderers, exactly one of them leader
Ends with 'platform: N passed, N failed'; exit 1 on any failure.
USAGE
}
[[ "${1:-}" == -h || "${1:-}" == --help ]] && { usage; exit 0; }
(($# == 0)) || { echo "platform.sh: unknown argument '$1' (try --help)" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/consensus.sh
source "$here/lib/consensus.sh"

passed=0 failed=0
check() { # check WHAT ACTUAL EXPECTED
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1)); say "ok    $1: $2"
  else failed=$((failed + 1)); say "FAIL  $1: $2 (expected $3)"; fi
}
version_of() { "$1" version 2>/dev/null | sed -n "s/^ *$2: *//p" | head -n1; }

for bin in peer orderer; do
  check "$bin version" "$(version_of "$bin" Version) $(version_of "$bin" 'Commit SHA')" "$FABRIC_RELEASE $FABRIC_COMMIT"
done
check "fabric-ca-server version" "$(version_of fabric-ca-server Version)" "${FABRIC_CA_VERSION#v}"

consensus=$(channel_consensus)
want_type=BFT; [[ "$consensus" == raft ]] && want_type=etcdraft
config=$("$here/network.sh" orderers --json) || { echo "platform: could not read the channel config" >&2; exit 1; }
check "channel consensus type" "$(jq -r .consensusType <<<"$config")" "$want_type"
check "consenters" "$(jq '.consenters | length' <<<"$config")" 5
check "orderer orgs in the channel" "$(jq -r '.ordererOrgs | join(",")' <<<"$config")" \
  "CommitteeMSP,CourierMSP,LeaderMSP,RegulatorMSP,SupplierMSP"
if [[ "$want_type" == BFT ]]; then
  check "distinct consenter MSPs" "$(jq '[.consenters[].msp] | unique | length' <<<"$config")" 5
  check "block validation" "$(jq -r .blockValidation <<<"$config")" "4 of 5 signatures"
fi

status=$("$here/network.sh" status --json || true)
check "healthy nodes" "$(jq '"\(.healthy)/\(.total)"' -r <<<"$status")" "$(jq '"\(.total)/\(.total)"' -r <<<"$status")"
check "orderers" "$(jq '[.nodes[] | select(.kind == "orderer")] | length' <<<"$status")" 5
check "orderers that lead" "$(jq '[.nodes[] | select(.kind == "orderer" and .role == "leader")] | length' <<<"$status")" 1

echo "platform: $passed passed, $failed failed"
((failed == 0))
