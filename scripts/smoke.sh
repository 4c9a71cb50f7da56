#!/usr/bin/env bash
# Smoke test on the running network: one complete group buy through the groupbuy CLI as the
# right users of the right orgs, then one refused call per role. Exits non-zero on any surprise.
set -euo pipefail

GB_SCRIPT=smoke
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<'USAGE'
Usage: scripts/smoke.sh

Needs a running network with the chaincode deployed (scripts/network.sh up;
scripts/deploy-chaincode.sh). Drives group buy GB-SMOKE-<time> in community C1 from OPEN to
SETTLED, checks the ledger read back through the Gateway, and checks that each role is refused
where it has no right. Log of every CLI call: var/logs/smoke.log. Takes about two minutes (one
minute of it is the goods' rest time after disinfection).
USAGE
  exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""  # "" so that env.sh does not see this script's arguments
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
GB_STEP_LOG="$GB_LOGS/smoke.log"
: >"$GB_STEP_LOG"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"

is_running peer0.leader || fail "the network is not running: scripts/network.sh up && scripts/deploy-chaincode.sh"

gb="GB-SMOKE-$(date +%s)"
work="$GROUPBUY_VAR/tmp/$gb"; mkdir -p "$work"

setup_communities

# ---------------------------------------------------------------- the group buy
open_json=$(jq -nc --arg id "$gb" --arg cutoff "$(iso_in '+1 day')" '{id: $id, community: "C1",
  supplier: "SupplierMSP/supplier1",
  items: [{sku: "RICE-5KG", name: "Rice 5 kg", category: "GUARANTEE", unitPriceCents: 3500, maxPerHousehold: 2},
          {sku: "EGGS-30", name: "Eggs, tray of 30", category: "GUARANTEE", unitPriceCents: 2800, maxPerHousehold: 1}],
  minimum: {quantity: 3, amountCents: 0}, cutoff: $cutoff, handoverPoint: "HP1", leaderFeePercent: 0}')
as leader leader1 "open $gb" leader open "$open_json"
as committee committee1 "approve $gb" committee approve "$gb"

cat >"$work/orders.csv" <<'CSV'
household,name,phone,address,RICE-5KG,EGGS-30
H-001,Wang Fang,13800000001,Building 3 Room 201,1,1
H-002,Li Wei,13800000002,Building 3 Room 305,2,
H-003,Zhang Min,13800000003,Building 5 Room 102,,1
CSV
as leader leader1 "import 3 households from CSV" leader import --group-buy "$gb" "$work/orders.csv" --codes-out "$work/codes.csv"
code_of() { pickup_code "$work/codes.csv" "$1"; }
[[ -n "$(code_of H-001)" && -n "$(code_of H-002)" ]] || fail "the import wrote no pickup codes to $work/codes.csv"

# households pay the leader when they order
as leader leader1 "H-001 paid" leader pay "$gb" H-001 --amount-cents 6300 --ref-hash "$(h64 pay-1)"
as leader leader1 "H-002 paid" leader pay "$gb" H-002 --amount-cents 7000 --ref-hash "$(h64 pay-2)"
as leader leader1 "H-003 paid" leader pay "$gb" H-003 --amount-cents 2800 --ref-hash "$(h64 pay-3)"
as leader leader1 "close $gb" leader close "$gb"
as supplier supplier1 "accept $gb" supplier accept "$gb" --ship-by "$(iso_in '+6 hours')"
as supplier supplier1 "pack $gb" supplier pack "$gb" \
  "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"R-0411\",\"quantity\":3},{\"sku\":\"EGGS-30\",\"lot\":\"E-0411\",\"quantity\":2}],\"evidenceHashes\":[\"$(h64 inspection-R-0411)\"]}"
# a day of its own for each run: the hand-over point takes only 2 arrivals a day
as leader leader1 "request an arrival slot" leader request-arrival "$gb" --slot "$(iso_in "+$(( ($(date +%s) / 7) % 3000 + 2 )) days")"
as committee committee1 "approve the arrival" committee approve-arrival "$gb"
as courier courier1 "dispatch" courier dispatch "$gb" \
  "{\"passNumber\":\"SH-PASS-0042\",\"vehicle\":\"HU-A12345\",\"driverHealthCheckHash\":\"$(h64 driver-check)\"}"
as courier courier1 "checkpoint" courier checkpoint "$gb" --place "Pudong checkpoint 3" --note "sealed, 4C"
as committee volunteer1 "arrive at the gate" volunteer arrive "$gb" \
  "{\"received\":[{\"sku\":\"RICE-5KG\",\"quantity\":3},{\"sku\":\"EGGS-30\",\"quantity\":2}],\"staff\":[{\"staffRef\":\"V-01\",\"temperatureCheckHash\":\"$(h64 temp-V-01)\"}]}"
as committee volunteer1 "disinfect (rest 1 minute)" volunteer disinfect "$gb" --method "chlorine spray" --rest-minutes 1
refused INVALID_STATE committee volunteer1 "deliver before the rest time has passed" \
  volunteer deliver "$gb" H-001 --code "$(code_of H-001)"
say "waiting for the rest time after disinfection (about 60 s)"
sleep 62
refused FORBIDDEN committee volunteer1 "deliver with a wrong pickup code" volunteer deliver "$gb" H-001 --code 000000
as committee volunteer1 "deliver H-001" volunteer deliver "$gb" H-001 --code "$(code_of H-001)"
as leader leader1 "deliver H-002 as proxy" leader deliver "$gb" H-002 --code "$(code_of H-002)"
as committee committee1 "H-003 undeliverable" committee undeliverable "$gb" H-003 --reason "resident moved to quarantine hotel"
as committee committee1 "complete $gb" committee complete "$gb"

as committee committee1 "private details of H-001 (committee, before Settle)" committee details "$gb" H-001 --json
expect_eq "name of H-001 in the private collection" "$(jq -r '.name' <<<"$GB_LAST_OUT")" "Wang Fang"

# money: H-003 paid but received nothing, so it is refunded; the leader takes no fee
as leader leader1 "refund H-003" leader refund "$gb" H-003 --amount-cents 2800 --ref-hash "$(h64 refund-3)"
refused INVALID_STATE leader leader1 "settle before the supplier is paid" leader settle "$gb"
as leader leader1 "pay the supplier" leader pay "$gb" --to-supplier --amount-cents 13300 --ref-hash "$(h64 pay-supplier)" --json
payment_id=$(jq -r .txId <<<"$GB_LAST_OUT")
refused INVALID_STATE leader leader1 "settle before the supplier confirms its payment" leader settle "$gb"
refused FORBIDDEN supplier supplier2 "another supplier confirms the payment" supplier confirm-payment "$gb" "$payment_id"
as supplier supplier1 "the supplier confirms the payment" supplier confirm-payment "$gb" "$payment_id"
as leader leader1 "settle $gb" leader settle "$gb"

# ---------------------------------------------------------------- read back through the Gateway
as regulator regulator1 "read $gb" show "$gb" --json
expect_eq "status of $gb" "$(jq -r '.status' <<<"$GB_LAST_OUT")" SETTLED
as regulator regulator1 "trace $gb" regulator trace "$gb" --json
expect_eq "trace names the proxy delivery" "$(jq -r '[.[] | tostring | select(test("proxy"; "i"))] | length > 0' <<<"$GB_LAST_OUT")" true
refused NOT_FOUND committee committee1 "private details of H-001 are purged once $gb is SETTLED" committee details "$gb" H-001

# ---------------------------------------------------------------- one refused call per role
refused FORBIDDEN supplier supplier1 "a supplier opens a group buy" leader open "${open_json/$gb/$gb-X}"
refused FORBIDDEN courier courier1 "a courier approves a group buy" committee approve "$gb"
refused FORBIDDEN regulator regulator1 "a regulator countersigns" commitment countersign CM-leader1-C1
refused FORBIDDEN leader leader2 "a leader of another community records a payment" leader pay "$gb" H-001 --amount-cents 1 --ref-hash "$(h64 x)"
refused FORBIDDEN committee committee2 "the committee of another community rules" committee approve-arrival "$gb"
refused FORBIDDEN committee volunteer1 "a volunteer settles" leader settle "$gb"
refused FORBIDDEN supplier supplier1 "a supplier reads household details" committee details "$gb" H-001
refused FORBIDDEN regulator regulator1 "a regulator reads household details" committee details "$gb" H-001

say "smoke passed: $GB_STEPS_OK checks on $gb"
echo "smoke: $GB_STEPS_OK passed, 0 failed"
