#!/usr/bin/env bash
# A lockdown day on the real network, played through the groupbuy CLI as the real users.
set -euo pipefail

GB_SCRIPT=demo
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<'USAGE'
Usage: scripts/demo.sh

Brings the network up (or uses the running one), deploys the chaincode (left as it is when
unchanged), then plays one lockdown day through the groupbuy CLI, each step as the user whose job
it is:
  - committees register communities C1 and C2 and countersign the commitments of two leaders,
    two suppliers and a courier;
  - GUARANTEE group buy (rice, eggs, vegetables), about 60 households imported from a generated
    spreadsheet: approved, paid, closed, accepted, packed, arrival slot, dispatched, received,
    disinfected, delivered (one elderly resident by the leader as proxy), one upheld dispute with
    its refund, completed and SETTLED with the money reconciled;
  - IMPROVEMENT group buy (milk, bread) in C2 closes below the supplier's minimum: FAILED, refunds;
  - IMPROVEMENT group buy (frozen seafood) in C1 is quarantined after a positive test on the way
    and destroyed: FAILED, refunds;
  - the arrival queue puts the GUARANTEE delivery before the IMPROVEMENT one.
It ends with the regulator's trace of the GUARANTEE group buy and each party's record.
Re-runnable on the same ledger (group buy ids carry the run's time; each run books its own day).

Every step prints one line; everything (including each CLI call and its answer) is logged to
$GROUPBUY_VAR/logs/demo.log (var/logs/demo.log by default). Takes about 5-8 minutes on 2 cores,
plus the network's first start (building Fabric the very first time takes much longer).
Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET (a second network beside the first), as for
scripts/network.sh.
USAGE
  exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/hosts.sh
source "$here/lib/hosts.sh"
on_client_host "$here/demo.sh" "$@"   # with --hosts netns: from the client's namespace
demo_log="$GB_LOGS/demo.log"
: >"$demo_log"
exec > >(tee -a "$demo_log") 2>&1
GB_STEP_LOG="$demo_log"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"
# shellcheck source=lib/households.sh
source "$here/lib/households.sh"

started=$(date +%s)
say "GroupBuy Ledger demo: a lockdown day (log: $demo_log)"
"$here/network.sh" up
# deploys, or upgrades when the chaincode's sources changed, or leaves it as it is
"$here/deploy-chaincode.sh"

run="$(date +%s)"
gb1="GB-DEMO-$run-VEG"; gb2="GB-DEMO-$run-MILK"; gb3="GB-DEMO-$run-FISH"
work="$GROUPBUY_VAR/tmp/demo-$run"; mkdir -p "$work"
# one day of its own per run (smoke.sh books days 2..3001 ahead; the demo books later ones)
day=$(date -u -d "+$(( (run / 7) % 3000 + 3100 )) days" +%F)
field() { jq -r "$1" <<<"$GB_LAST_OUT"; }
money() { printf '%d.%02d' $(( $1 / 100 )) $(( $1 % 100 )); }

# ------------------------------------------------------------------ morning: who may act where
say "--- the committees of C1 and C2 register their communities and countersign commitments"
setup_communities

# ------------------------------------------------------------------ the three group buys open
say "--- leaders open three group buys"
open_json() { # open_json ID COMMUNITY SUPPLIER HANDOVER MIN_QTY FEE ITEMS_JSON
  jq -nc --arg id "$1" --arg c "$2" --arg s "$3" --arg hp "$4" --argjson min "$5" --argjson fee "$6" \
    --argjson items "$7" --arg cutoff "$(iso_in '+1 day')" '{id: $id, community: $c, supplier: $s, items: $items,
    minimum: {quantity: $min, amountCents: 0}, cutoff: $cutoff, handoverPoint: $hp, leaderFeePercent: $fee}'
}
veg_items='[{"sku":"RICE-5KG","name":"Northeast rice 5 kg","category":"GUARANTEE","unitPriceCents":4200,"maxPerHousehold":2},
 {"sku":"EGGS-30","name":"Fresh eggs, tray of 30","category":"GUARANTEE","unitPriceCents":2800,"maxPerHousehold":1},
 {"sku":"VEG-BOX","name":"Vegetable box 5 kg","category":"GUARANTEE","unitPriceCents":3500,"maxPerHousehold":2}]'
milk_items='[{"sku":"MILK-12","name":"Milk 12 x 250 ml","category":"IMPROVEMENT","unitPriceCents":6000,"maxPerHousehold":2},
 {"sku":"BREAD-2","name":"Sliced bread, 2 loaves","category":"IMPROVEMENT","unitPriceCents":1800,"maxPerHousehold":2}]'
fish_items='[{"sku":"SHRIMP-1KG","name":"Frozen shrimp 1 kg","category":"IMPROVEMENT","unitPriceCents":8800,"maxPerHousehold":2},
 {"sku":"COD-500G","name":"Frozen cod fillet 500 g","category":"IMPROVEMENT","unitPriceCents":5600,"maxPerHousehold":2}]'
as leader leader1 "leader1 opens $gb1 (rice, eggs, vegetables; GUARANTEE; East gate)" \
  leader open "$(open_json "$gb1" C1 SupplierMSP/supplier1 HP2 40 3 "$veg_items")"
as leader leader2 "leader2 opens $gb2 (milk, bread; IMPROVEMENT; minimum 60 units)" \
  leader open "$(open_json "$gb2" C2 SupplierMSP/supplier2 HP1 60 3 "$milk_items")"
as leader leader1 "leader1 opens $gb3 (frozen seafood; IMPROVEMENT; East gate)" \
  leader open "$(open_json "$gb3" C1 SupplierMSP/supplier2 HP2 5 3 "$fish_items")"
as committee committee1 "committee1 approves $gb1" committee approve "$gb1"
as committee committee2 "committee2 approves $gb2" committee approve "$gb2"
as committee committee1 "committee1 approves $gb3" committee approve "$gb3"

# ------------------------------------------------------------------ households order and pay
say "--- households order: the leaders import their spreadsheets"
household_sheet 60 "$work/veg.csv" RICE-5KG:2 EGGS-30:1 VEG-BOX:2
household_sheet 8 "$work/milk.csv" MILK-12:2 BREAD-2:2
household_sheet 12 "$work/fish.csv" SHRIMP-1KG:2 COD-500G:2
sheet_amounts "$work/veg.csv" RICE-5KG:4200 EGGS-30:2800 VEG-BOX:3500 >"$work/veg.amounts"
sheet_amounts "$work/milk.csv" MILK-12:6000 BREAD-2:1800 >"$work/milk.amounts"
sheet_amounts "$work/fish.csv" SHRIMP-1KG:8800 COD-500G:5600 >"$work/fish.amounts"
for g in veg milk fish; do money_lines "$work/$g.amounts" pay >"$work/$g.pay.csv"; done

as leader leader1 "leader1 imports 60 households into $gb1 (H-017 is elderly, no smartphone)" \
  leader import --group-buy "$gb1" "$work/veg.csv" --codes-out "$work/veg.codes"
[[ $(households_in "$work/veg.codes") == 60 ]] || fail "expected 60 pickup codes in $work/veg.codes"
as leader leader2 "leader2 imports 8 households into $gb2" \
  leader import --group-buy "$gb2" "$work/milk.csv" --codes-out "$work/milk.codes"
as leader leader1 "leader1 imports 12 households into $gb3" \
  leader import --group-buy "$gb3" "$work/fish.csv" --codes-out "$work/fish.codes"
veg_total=$(awk -F, '{ t += $2 } END { print t }' "$work/veg.amounts")
as leader leader1 "60 households of $gb1 paid leader1 $(money "$veg_total") yuan" leader pay-all "$gb1" "$work/veg.pay.csv"
as leader leader2 "8 households of $gb2 paid leader2" leader pay-all "$gb2" "$work/milk.pay.csv"
as leader leader1 "12 households of $gb3 paid leader1" leader pay-all "$gb3" "$work/fish.pay.csv"

say "--- cutoff: the leaders close their group buys"
as leader leader1 "leader1 closes $gb1" leader close "$gb1" --json
expect_eq "$gb1 is submitted to supplier1 with 60 households" "$(field '.status + " " + (.households|tostring)')" "SUBMITTED 60"
as leader leader2 "leader2 closes $gb2" leader close "$gb2" --json
expect_eq "$gb2 closed below supplier2's minimum" "$(field '.status + " " + .failureCause')" "FAILED BELOW_MINIMUM"
as leader leader2 "leader2 refunds the 8 households of $gb2" leader pay-all "$gb2" "$work/milk.pay.csv" --refunds
as leader leader1 "leader1 closes $gb3" leader close "$gb3" --json
expect_eq "$gb3 is submitted" "$(field '.status')" SUBMITTED

# ------------------------------------------------------------------ suppliers pack
say "--- suppliers accept and pack, with lot numbers and inspection certificates"
pack_json() { # pack_json SHEET LOTPREFIX SKU...
  local sheet="$1" prefix="$2" lots="" s; shift 2
  for s in "$@"; do lots+="{\"sku\":\"$s\",\"lot\":\"$prefix-$s\",\"quantity\":$(sheet_total "$sheet" "$s")},"; done
  printf '{"lots":[%s],"evidenceHashes":["%s"]}' "${lots%,}" "$(h64 "inspection certificate $prefix")"
}
as supplier supplier1 "supplier1 accepts $gb1 (ship within 6 hours)" supplier accept "$gb1" --ship-by "$(iso_in '+6 hours')"
as supplier supplier1 "supplier1 packs $gb1" supplier pack "$gb1" "$(pack_json "$work/veg.csv" "L$run" RICE-5KG EGGS-30 VEG-BOX)"
as supplier supplier2 "supplier2 accepts $gb3" supplier accept "$gb3" --ship-by "$(iso_in '+6 hours')"
as supplier supplier2 "supplier2 packs $gb3 (cold chain)" supplier pack "$gb3" "$(pack_json "$work/fish.csv" "F$run" SHRIMP-1KG COD-500G)"

# ------------------------------------------------------------------ arrival slots: basic goods first
say "--- arrival slots at the East gate (1 a day) on $day"
as leader leader1 "leader1 asks a 09:00 slot for $gb3 (IMPROVEMENT)" leader request-arrival "$gb3" --slot "${day}T09:00:00Z"
as leader leader1 "leader1 asks a 10:00 slot for $gb1 (GUARANTEE)" leader request-arrival "$gb1" --slot "${day}T10:00:00Z"
as committee committee1 "committee1 looks at the arrival queue of C1 for $day" committee arrival-queue C1 "$day" --json
expect_eq "queue: GUARANTEE before IMPROVEMENT" "$(field '[.[] | .groupBuyId] | join(" ")')" "$gb1 $gb3"
refused CONFLICT committee committee1 "the IMPROVEMENT delivery cannot take the slot the GUARANTEE one needs" \
  committee approve-arrival "$gb3"
as committee committee1 "committee1 approves the 10:00 slot of $gb1" committee approve-arrival "$gb1"

# ------------------------------------------------------------------ on the road
say "--- couriers on the road"
dispatch_json() { printf '{"passNumber":"SH-PASS-%s","vehicle":"%s","driverHealthCheckHash":"%s"}' "$1" "$2" "$(h64 "driver check $1 $run")"; }
as courier courier1 "courier1 dispatches $gb1 (pass SH-PASS-0042)" courier dispatch "$gb1" "$(dispatch_json 0042 HU-A12345)"
as courier courier1 "courier1 passes the Pudong checkpoint" courier checkpoint "$gb1" --place "Pudong checkpoint 3" --note "pass checked, seals intact"
as committee volunteer1 "volunteer1 receives $gb1 at the East gate (2 staff, temperatures checked)" volunteer arrive "$gb1" \
  "$(jq -nc --argjson r "$(for s in RICE-5KG EGGS-30 VEG-BOX; do printf '{"sku":"%s","quantity":%s}\n' "$s" "$(sheet_total "$work/veg.csv" "$s")"; done | jq -sc .)" \
    --arg t1 "$(h64 "temp V-01 $run")" --arg t2 "$(h64 "temp V-02 $run")" \
    '{received: $r, staff: [{staffRef: "V-01", temperatureCheckHash: $t1}, {staffRef: "V-02", temperatureCheckHash: $t2}]}')"
as committee volunteer1 "volunteer1 disinfects $gb1 (vegetables rest 1 minute)" volunteer disinfect "$gb1" --method "chlorine spray" --rest-minutes 1
rested_at=$(( $(date +%s) + 62 ))

say "--- meanwhile: a positive test on $gb3's truck"
as courier courier1 "courier1 dispatches $gb3 (cold chain, pass SH-PASS-0077)" courier dispatch "$gb3" "$(dispatch_json 0077 HU-C67890)"
as courier courier1 "courier1 reports a POSITIVE_TEST on the packaging of $gb3" courier incident "$gb3" --type POSITIVE_TEST --evidence-hash "$(h64 "PCR report $gb3")"
as regulator regulator1 "the regulator sees $gb3" show "$gb3" --json
expect_eq "$gb3 is quarantined" "$(field '.status')" QUARANTINED
as committee committee1 "committee1 orders the goods of $gb3 destroyed" committee resolve-incident "$gb3" DESTROY
as regulator regulator1 "the regulator sees $gb3" show "$gb3" --json
expect_eq "$gb3 failed" "$(field '.status + " " + .failureCause')" "FAILED DESTROYED"
as leader leader1 "leader1 refunds the 12 households of $gb3" leader pay-all "$gb3" "$work/fish.pay.csv" --refunds

# ------------------------------------------------------------------ distribution to each door
wait_s=$(( rested_at - $(date +%s) ))
if ((wait_s > 0)); then say "goods of $gb1 rest after disinfection: waiting ${wait_s}s"; sleep "$wait_s"; fi
say "--- volunteers deliver door to door against pickup codes"
code_of() { pickup_code "$work/veg.codes" "$1"; }
as committee volunteer1 "volunteer1 delivers H-001 (code checked)" volunteer deliver "$gb1" H-001 --code "$(code_of H-001)"
refused FORBIDDEN committee volunteer1 "a wrong pickup code for H-002 is refused" volunteer deliver "$gb1" H-002 --code 000000
as committee volunteer1 "volunteer1 delivers H-002" volunteer deliver "$gb1" H-002 --code "$(code_of H-002)"
as leader leader1 "leader1 delivers to the elderly resident of H-017 as proxy" leader deliver "$gb1" H-017 --code "$(code_of H-017)"
grep -vE '^(household|H-001|H-002|H-017),' "$work/veg.codes" >"$work/veg.rest.codes"
as committee volunteer1 "volunteer1 delivers the other 57 households" volunteer deliver "$gb1" --codes-file "$work/veg.rest.codes"
as regulator regulator1 "the regulator follows H-017" regulator household "$gb1" H-017 --json
expect_eq "H-017 was handed over by its leader as proxy" "$(field '.order.status + " proxy=" + (.order.proxy|tostring)')" "DELIVERED proxy=true"

say "--- a dispute: broken eggs"
eggs_of_h=$(awk -F, 'NR == 1 { for (c = 1; c <= NF; c++) if ($c == "EGGS-30") e = c; next } $1 != "H-017" && $e > 0 { print $1; exit }' "$work/veg.csv")
as committee committee1 "the resident of $eggs_of_h complains: eggs broken (claim 28.00)" \
  committee dispute "$gb1" "$eggs_of_h" --reason "tray of eggs arrived broken" --claim-cents 2800 --json
dispute_id=$(field '.id')
as committee committee1 "committee1 upholds $dispute_id: refund 28.00, supplier responsible" \
  committee rule "$dispute_id" UPHELD --refund-cents 2800 --responsible SUPPLIER
as committee committee1 "committee1 completes $gb1" committee complete "$gb1"
as leader leader1 "leader1 refunds 28.00 to $eggs_of_h" leader refund "$gb1" "$eggs_of_h" --amount-cents 2800 --ref-hash "$(h64 "refund $eggs_of_h $run")"

say "--- money: the leader keeps 2% for bags and disinfectant, pays the supplier the rest"
fee=$(( veg_total * 2 / 100 ))
supplier_due=$(( veg_total - 2800 - fee ))
as leader leader1 "leader1 pays supplier1 $(money "$supplier_due") yuan" leader pay "$gb1" --to-supplier --amount-cents "$supplier_due" --ref-hash "$(h64 "transfer $gb1")" --json
payment_id=$(field '.txId')
as supplier supplier1 "supplier1 confirms it received payment ${payment_id:0:12}..." supplier confirm-payment "$gb1" "$payment_id"
as leader leader1 "leader1 settles $gb1" leader settle "$gb1" --json
expect_eq "$gb1 status" "$(field '.status')" SETTLED
expect_eq "collected = supplier paid + refunded + leader fee" \
  "$(field '.settlement | "\(.collectedCents) = \(.supplierPaidCents) + \(.refundedCents) + \(.leaderFeeCents)"')" \
  "$veg_total = $supplier_due + 2800 + $fee"

# ------------------------------------------------------------------ the regulator's view
say "--- the regulator's trace of $gb1"
as regulator regulator1 "trace of $gb1" regulator trace "$gb1"
printf '%s\n' "$GB_LAST_OUT"
say "--- each party's record"
for party in LeaderMSP/leader1 LeaderMSP/leader2 SupplierMSP/supplier1 SupplierMSP/supplier2 CourierMSP/courier1; do
  as regulator regulator1 "record of $party" regulator record "$party" --json
  say "    $(field '"\(.party): \(.groupBuys) group buys, \(.completed) completed, failed \(.failedByCause|tostring), disputes upheld \(.disputesUpheld), dispatched \(.dispatched), on time \(if .onTimePercent == null then "n/a" else "\(.onTimePercent)%" end)"')"
done
say "demo done in $(( $(date +%s) - started ))s: $gb1 SETTLED, $gb2 FAILED (below minimum), $gb3 FAILED (destroyed); $GB_STEPS_OK steps ok"
