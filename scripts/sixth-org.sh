#!/usr/bin/env bash
# A sixth org joins the running channel and leaves it again: FreshFarmMSP, a second supplier company.
set -euo pipefail

GB_SCRIPT=sixth-org
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<'USAGE'
Usage: scripts/sixth-org.sh

On a network that 'scripts/network.sh up' and 'scripts/deploy-chaincode.sh' started, plays the
life of a sixth org, FreshFarmMSP (a second supplier company: its own CA, peer and chaincode
server, no orderer), with the per-org and channel commands an operator would use:
  1. FreshFarm, on its own host: scripts/org.sh freshfarm init, export (its public definition)
  2. scripts/channel.sh add-org: the unsigned update; two admins' signatures are refused
     (MAJORITY Admins needs 3 of 5), a third admin signs, submit-update admits it
  3. scripts/org.sh freshfarm up, join (its admin fetches block 0 from an orderer); its peer
     catches up
  4. scripts/deploy-chaincode.sh --redefine: installed on its peer, its chaincode server started,
     the next sequence approved by all six orgs and committed (MAJORITY Endorsement: 4 of 6)
  5. freshfarm1 (role supplier of FreshFarmMSP) signs a commitment in C1, committee1 countersigns,
     leader1 opens a group buy naming FreshFarmMSP/freshfarm1, freshfarm1 accepts and packs it
     through FreshFarm's own peer; the regulator's trace names FreshFarmMSP/freshfarm1
  6. scripts/channel.sh remove-org freshfarm: three of six signatures refused, four submitted;
     afterwards freshfarm1's proposal through FreshFarm's peer is refused (the error is printed)
  7. FreshFarm's nodes are stopped (scripts/org.sh freshfarm down), also when a step fails.
Prints one PASS or FAIL line per check; exit 0 when all pass. Log of the CLI calls:
$GROUPBUY_VAR/logs/sixth-org.log. Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET.
USAGE
  exit 0
fi
[[ $# -eq 0 ]] || { echo "sixth-org: no arguments expected (try --help)" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/operations.sh
source "$here/lib/operations.sh"
on_client_host "$here/sixth-org.sh" "$@"
GB_STEP_LOG="$GB_LOGS/sixth-org.log"; : >"$GB_STEP_LOG"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"

ORG=freshfarm MSP=FreshFarmMSP
passed=0
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }   # replaces proc.sh's: every stop is a FAIL line
check() { local what="$1"; shift; if "$@" >/dev/null; then pass "$what"; else fail "$what"; fi; }   # check WHAT COMMAND...

cleanup() {
  local rc=$?
  "$here/org.sh" "$ORG" down >/dev/null 2>&1 || true
  ((rc == 0)) || echo "sixth-org: stopped $ORG's nodes after a failure; if $MSP is still a member of the channel: scripts/channel.sh remove-org $ORG" >&2
}

is_running peer0.leader || fail "the network is not running: scripts/network.sh up && scripts/deploy-chaincode.sh"
[[ -s "$GROUPBUY_VAR/chaincode/$GROUPBUY_CHAINCODE/deployed.env" ]] || fail "the chaincode is not deployed: scripts/deploy-chaincode.sh"
[[ ! -f "$GROUPBUY_VAR/channel/members/$ORG" ]] \
  || fail "$MSP is a member of the channel already (an earlier run stopped half-way): scripts/channel.sh remove-org $ORG first"
trap cleanup EXIT
started=$(date +%s)

signatures() { local u="$1"; shift; local o; for o in "$@"; do "$here/channel.sh" sign-update "$u" "$o" >/dev/null; done; }
submit() { # submit UPDATE ORGS...: submit-update with the signature files of these orgs
  local u="$1" o files=(); shift
  for o in "$@"; do files+=("$(dirname "$u")/$o.signature.json"); done
  "$here/channel.sh" submit-update "$u" "${files[@]}"
}
refused_submit() { # refused_submit UPDATE ORGS...: submit-update must refuse with these signatures only
  local out
  if out=$(submit "$@" 2>&1); then return 1; fi
  echo "  $out" >&2; [[ "$out" == *"[NOT_ENOUGH_SIGNATURES]"* ]]
}
member() { ( config_fetch leader "$GROUPBUY_VAR/tmp/sixth-org-config" ) >/dev/null && channel_has_org "$GROUPBUY_VAR/tmp/sixth-org-config/config.json" "$MSP"; }
not_member() { ! member; }
stopped() { local n; for n in "ca.$ORG" "peer0.$ORG" "ccaas.$GROUPBUY_CHAINCODE.$ORG"; do ! is_running "$n" || return 1; done; }

# ---------------------------------------------------------------- 1. FreshFarm on its own host
"$here/org.sh" "$ORG" init >/dev/null
def=$("$here/org.sh" "$ORG" export | sed 's/.* to //')
check "$ORG's public definition $def: $MSP, no orderer, an anchor peer" \
  jq -e --arg m "$MSP" '.mspId == $m and (.orderers | length) == 0 and (.anchorPeers | length) == 1' "$def"

# ---------------------------------------------------------------- 2. admitted by a majority of admins
update=$("$here/channel.sh" add-org "$def")
signatures "$update" leader supplier
check "add-org submitted with 2 of 5 admins' signatures is refused" refused_submit "$update" leader supplier
check "$MSP is not a member after the refusal" not_member
signatures "$update" committee
submit "$update" leader supplier committee >/dev/null
check "add-org submitted with 3 of 5 admins' signatures (LeaderMSP, SupplierMSP, CommitteeMSP): $MSP is a member" member

# ---------------------------------------------------------------- 3. its peer joins
"$here/org.sh" "$ORG" up >/dev/null
"$here/org.sh" "$ORG" join >/dev/null
caught_up() { local h; h=$(peer_height "$ORG"); [[ -n "$h" && "$h" == "$(peer_height leader)" ]]; }
check "peer0.$ORG joined from block 0 (fetched by its admin) and caught up with peer0.leader" wait_until 60 "peer0.$ORG height" caught_up

# ---------------------------------------------------------------- 4. the chaincode, next sequence
seq_before=$(gb_use leader && peer lifecycle chaincode querycommitted -C "$GROUPBUY_CHANNEL" -n "$GROUPBUY_CHAINCODE" --output json 2>/dev/null | jq .sequence)
"$here/deploy-chaincode.sh" --redefine >>"$GB_STEP_LOG" 2>&1 || fail "deploy-chaincode.sh --redefine failed (log: $GB_STEP_LOG)"
committed=$(gb_use "$ORG" && peer lifecycle chaincode querycommitted -C "$GROUPBUY_CHANNEL" -n "$GROUPBUY_CHAINCODE" --output json 2>/dev/null)
check "sequence $(jq .sequence <<<"$committed") (was $seq_before) approved by all six orgs, $MSP included, read on peer0.$ORG" \
  jq -e --argjson s "$seq_before" --arg m "$MSP" '.sequence > $s and (.approvals | length) == 6 and .approvals[$m]' <<<"$committed"

# ---------------------------------------------------------------- 5. FreshFarm supplies a group buy
setup_communities >/dev/null
check "scripts/identity.sh enrolls a second supplier of $MSP (freshfarm2, role supplier) and refuses it role courier" \
  bash -c '"$1" add "$2" freshfarm2 supplier && ! "$1" add "$2" freshfarm3 courier 2>/dev/null' _ "$here/identity.sh" "$ORG"
commit_party "$ORG" freshfarm1 C1 committee1 >/dev/null
as regulator regulator1 "read CM-freshfarm1-C1" commitment show CM-freshfarm1-C1 --json >/dev/null
check "freshfarm1's commitment CM-freshfarm1-C1 is ACTIVE (signed by $MSP/freshfarm1, countersigned by committee1)" \
  jq -e --arg p "$MSP/freshfarm1" '.status == "ACTIVE" and .party == $p' <<<"$GB_LAST_OUT"

gb="GB-FF-$(date +%s)"; work="$GROUPBUY_VAR/tmp/$gb"; mkdir -p "$work"
as leader leader1 "open $gb" leader open "$(jq -nc --arg id "$gb" --arg s "$MSP/freshfarm1" --arg cutoff "$(iso_in '+1 day')" \
  '{id: $id, community: "C1", supplier: $s, items: [{sku: "VEG-BOX", name: "Vegetable box 5 kg", category: "GUARANTEE",
    unitPriceCents: 3500, maxPerHousehold: 2}], minimum: {quantity: 1, amountCents: 0}, cutoff: $cutoff,
    handoverPoint: "HP1", leaderFeePercent: 0}')" >/dev/null
as committee committee1 "approve $gb" committee approve "$gb" >/dev/null
printf 'household,name,phone,address,VEG-BOX\nH-001,Wang Fang,13800000001,Building 3 Room 201,2\n' >"$work/orders.csv"
as leader leader1 "import 1 household" leader import --group-buy "$gb" "$work/orders.csv" --codes-out "$work/codes.csv" >/dev/null
as leader leader1 "H-001 paid" leader pay "$gb" H-001 --amount-cents 7000 --ref-hash "$(h64 "pay $gb")" >/dev/null
as leader leader1 "close $gb" leader close "$gb" >/dev/null
as "$ORG" freshfarm1 "accept $gb" supplier accept "$gb" --ship-by "$(iso_in '+6 hours')" >/dev/null
as "$ORG" freshfarm1 "pack $gb" supplier pack "$gb" \
  "{\"lots\":[{\"sku\":\"VEG-BOX\",\"lot\":\"FF-0412\",\"quantity\":2}],\"evidenceHashes\":[\"$(h64 "inspection $gb")\"]}" >/dev/null
as regulator regulator1 "read $gb" show "$gb" --json >/dev/null
check "$gb accepted and packed by $MSP/freshfarm1 through peer0.$ORG's gateway: PACKED" \
  jq -e '.status == "PACKED"' <<<"$GB_LAST_OUT"
as regulator regulator1 "trace $gb" regulator trace "$gb" --json >/dev/null
check "the regulator's trace of $gb names $MSP/freshfarm1 ($(grep -o "\"$MSP/freshfarm1\"" <<<"$GB_LAST_OUT" | wc -l) times)" \
  jq -e --arg p "$MSP/freshfarm1" '[.. | strings | select(. == $p)] | length >= 2' <<<"$GB_LAST_OUT"

# ---------------------------------------------------------------- 6. removed by a majority of six
update=$("$here/channel.sh" remove-org "$ORG")
signatures "$update" leader supplier courier
check "remove-org submitted with 3 of 6 admins' signatures is refused (MAJORITY of six is 4)" refused_submit "$update" leader supplier courier
signatures "$update" committee
submit "$update" leader supplier courier committee >/dev/null
check "remove-org submitted with 4 of 6 admins' signatures: $MSP is no longer a member" not_member
cli_call "$ORG" freshfarm1 "   (expect a refusal: $MSP was removed)" \
  commitment sign "$(commitment_json CM-freshfarm1-C2 "$ORG" freshfarm1 C2)"
echo "  freshfarm1 through peer0.$ORG after the removal: exit $GB_RC: $(grep -v '^\s*$' <<<"$GB_OUT" | head -n 3 | tr '\n' ' ')"
check "a proposal of $MSP/freshfarm1 through peer0.$ORG after the removal is refused" test "$GB_RC" -ne 0
as regulator regulator1 "read CM-freshfarm1-C2" commitment list C2 --json >/dev/null
check "nothing of that proposal reached the ledger (no CM-freshfarm1-C2)" \
  jq -e 'map(select(.id == "CM-freshfarm1-C2")) | length == 0' <<<"$GB_LAST_OUT"

# ---------------------------------------------------------------- 7. FreshFarm's nodes stopped
"$here/org.sh" "$ORG" down >/dev/null
check "$ORG's CA, peer and chaincode server stopped" stopped
echo "sixth-org: $passed passed, 0 failed in $(( $(date +%s) - started )) s"
