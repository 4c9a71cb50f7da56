#!/usr/bin/env bash
# A distribution morning on the real network: one group buy of many households handed over by
# several volunteers at the same time, each a CLI process of its own.
set -euo pipefail

GB_SCRIPT=distribution-day
usage() {
  cat <<'USAGE'
Usage: scripts/distribution-day.sh [--households N] [--volunteers V] [--settle] [--help]

On the running network (started and the chaincode deployed if needed), as the real users:
one GUARANTEE group buy in community C1 with N households (default 500) imported from a
generated sheet, closed, accepted, packed, given its arrival slot, dispatched, received and
disinfected (rest 1 minute); then V volunteers (default 5: volunteer1 and c1-volunteer2.., enrolled
at the committee's CA for C1 when missing) deliver at the same time, each from its own share of the pickup
codes, each a `groupbuy volunteer deliver --codes-file` process.

Prints deliveries per second, the retries the client needed (endorsements of peers out of
step, MVCC conflicts at commit), and checks on the ledger that every household is DELIVERED
exactly once and nothing was refused; then the committee completes the group buy.
With --settle, the whole money side as well: every household pays the leader (`leader pay-all`,
before Close), and after Complete the leader pays the supplier what is due less its 2% fee, the
supplier confirms it, and the leader settles; the time of every step is printed at the end
(issue 12: a group buy of 5,000 households from import to SETTLED: --households 5000 --settle).
Ends `distribution day: PASS ...` or `FAIL ...` (exit 1). Log: $GROUPBUY_VAR/logs/distribution-day.log.
Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET as for scripts/network.sh.
USAGE
}

households=500 volunteers=5 settle=0
while (($#)); do
  case "$1" in
    --households) households="${2:?--households needs a number}"; shift 2 ;;
    --volunteers) volunteers="${2:?--volunteers needs a number}"; shift 2 ;;
    --settle) settle=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "distribution-day.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$households" =~ ^[1-9][0-9]*$ && "$households" -le 5000 ]] || { echo "distribution-day.sh: --households must be 1-5000" >&2; exit 2; }
[[ "$volunteers" =~ ^[1-9][0-9]*$ && "$volunteers" -le 20 ]] || { echo "distribution-day.sh: --volunteers must be 1-20" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
log="$GB_LOGS/distribution-day.log"
: >"$log"
exec > >(tee -a "$log") 2>&1
GB_STEP_LOG="$log"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"
# shellcheck source=lib/households.sh
source "$here/lib/households.sh"

"$here/network.sh" up
"$here/deploy-chaincode.sh"

run="$(date +%s)"
gb="GB-DAY-$run"
work="$GROUPBUY_VAR/tmp/distribution-day-$run"; mkdir -p "$work"
day=$(date -u -d "+$(( (run / 7) % 3000 + 6200 )) days" +%F)   # a day no demo or smoke run books
field() { jq -r "$1" <<<"$GB_LAST_OUT"; }

say "--- $gb: $households households, $volunteers volunteers"
# lap WHAT: the time since the previous lap, kept for the table of step times at the end
step_times=()
lap_mark=$(date +%s.%N)
lap() {
  local now; now=$(date +%s.%N)
  step_times+=("$(awk -v a="$lap_mark" -v b="$now" -v w="$1" 'BEGIN { printf "  %-52s %7.1f s", w, b - a }')")
  lap_mark=$now
}
setup_communities
items='[{"sku":"RICE-5KG","name":"Rice 5 kg","category":"GUARANTEE","unitPriceCents":4200,"maxPerHousehold":2},
 {"sku":"VEG-BOX","name":"Vegetable box 5 kg","category":"GUARANTEE","unitPriceCents":3500,"maxPerHousehold":2}]'
as leader leader1 "leader1 opens $gb" leader open "$(jq -nc --arg id "$gb" --arg cutoff "$(iso_in '+1 day')" \
  --argjson items "$items" '{id: $id, community: "C1", supplier: "SupplierMSP/supplier1", items: $items,
  minimum: {quantity: 1, amountCents: 0}, cutoff: $cutoff, handoverPoint: "HP2", leaderFeePercent: 2}')"
as committee committee1 "committee1 approves $gb" committee approve "$gb"
household_sheet "$households" "$work/orders.csv" RICE-5KG:2 VEG-BOX:2
lap "open and approve"
as leader leader1 "leader1 imports $households households" leader import --group-buy "$gb" "$work/orders.csv" --codes-out "$work/codes.csv"
lap "import $households households (orders and details)"
if ((settle)); then
  sheet_amounts "$work/orders.csv" RICE-5KG:4200 VEG-BOX:3500 >"$work/amounts"
  money_lines "$work/amounts" pay >"$work/pay.csv"
  collected=$(awk -F, '{ t += $2 } END { print t + 0 }' "$work/amounts")
  lap "payment sheet (client side)"
  as leader leader1 "$households households paid leader1 $collected cents" leader pay-all "$gb" "$work/pay.csv" --parallel 16
  lap "record $households household payments (pay-all)"
fi
[[ $(households_in "$work/codes.csv") == "$households" ]] || fail "expected $households pickup codes in $work/codes.csv"
as leader leader1 "leader1 closes $gb" leader close "$gb" --json
lap "close"
expect_eq "$gb is submitted with $households households" "$(field '.status + " " + (.households|tostring)')" "SUBMITTED $households"
as supplier supplier1 "supplier1 accepts" supplier accept "$gb" --ship-by "$(iso_in '+6 hours')"
rice=$(sheet_total "$work/orders.csv" RICE-5KG); veg=$(sheet_total "$work/orders.csv" VEG-BOX)
as supplier supplier1 "supplier1 packs $rice rice, $veg vegetable boxes" supplier pack "$gb" \
  "$(printf '{"lots":[{"sku":"RICE-5KG","lot":"L-%s-R","quantity":%d},{"sku":"VEG-BOX","lot":"L-%s-V","quantity":%d}],"evidenceHashes":["%s"]}' \
    "$run" "$rice" "$run" "$veg" "$(h64 "inspection $gb")")"
as leader leader1 "leader1 asks a slot on $day" leader request-arrival "$gb" --slot "${day}T08:00:00Z"
as committee committee1 "committee1 approves the slot" committee approve-arrival "$gb"
as courier courier1 "courier1 dispatches" courier dispatch "$gb" \
  "$(printf '{"passNumber":"SH-PASS-%s","vehicle":"HU-D1","driverHealthCheckHash":"%s"}' "$run" "$(h64 "driver $run")")"
as committee volunteer1 "volunteer1 receives everything" volunteer arrive "$gb" \
  "$(printf '{"received":[{"sku":"RICE-5KG","quantity":%d},{"sku":"VEG-BOX","quantity":%d}],"staff":[{"staffRef":"V-01","temperatureCheckHash":"%s"}]}' \
    "$rice" "$veg" "$(h64 "temp $run")")"
as committee volunteer1 "volunteer1 disinfects (rest 1 minute)" volunteer disinfect "$gb" --method "chlorine spray" --rest-minutes 1
lap "accept, pack, slot, dispatch, arrive, disinfect"
rested_at=$(( $(date +%s) + 62 ))

# volunteer2 of the standard cast serves C2, so the extra volunteers of C1 get names of their own
volunteer_name() { if (($1 == 1)); then echo volunteer1; else echo "c1-volunteer$1"; fi; }
for ((v = 2; v <= volunteers; v++)); do
  "$here/identity.sh" add committee "$(volunteer_name "$v")" volunteer C1 >>"$log" 2>&1 \
    || fail "could not enrol $(volunteer_name "$v") at the committee's CA (see $log)"
done
grep -v '^household,' "$work/codes.csv" | awk -F, -v n="$volunteers" -v dir="$work" \
  '{ print > (dir "/share-" (NR - 1) % n + 1 ".codes") }'

wait_s=$(( rested_at - $(date +%s) ))
if ((wait_s > 0)); then say "goods rest after disinfection: waiting ${wait_s}s"; sleep "$wait_s"; fi

say "--- $volunteers volunteers deliver at the same time"
t0=$(date +%s.%N)
pids=()
for ((v = 1; v <= volunteers; v++)); do
  "$GB_CLI" volunteer deliver "$gb" --codes-file "$work/share-$v.codes" --org committee --user "$(volunteer_name "$v")" \
    >"$work/volunteer$v.out" 2>&1 &
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
t1=$(date +%s.%N)
lap "rest, then $volunteers volunteers deliver $households"
cat "$work"/volunteer*.out >>"$log"

delivered=0 refused=0 retries=0
for ((v = 1; v <= volunteers; v++)); do
  summary=$(grep -E '^[0-9]+ delivered, [0-9]+ refused' "$work/volunteer$v.out" | tail -n 1 || true)
  [[ -n "$summary" ]] || { say "volunteer$v printed no summary line:"; tail -n 5 "$work/volunteer$v.out"; failed=$((failed + 1)); continue; }
  say "$(volunteer_name "$v"): $summary"
  delivered=$((delivered + $(sed -E 's/^([0-9]+) delivered.*/\1/' <<<"$summary")))
  refused=$((refused + $(sed -E 's/^[0-9]+ delivered, ([0-9]+) refused.*/\1/' <<<"$summary")))
  r=$(grep -oE '[0-9]+ transient failure\(s\) retried' <<<"$summary" | grep -oE '^[0-9]+' || echo 0)
  retries=$((retries + r))
done
conflicts_left=$(cat "$work"/volunteer*.out | grep -c 'MVCC_READ_CONFLICT\|PHANTOM_READ_CONFLICT' || true)

as committee committee1 "committee1 counts the orders of $gb on the ledger" leader stats "$gb" --json
ledger_delivered=$(jq '.ordersByStatus.DELIVERED // 0' <<<"$GB_LAST_OUT")
ledger_total=$(jq '[.ordersByStatus[]] | add' <<<"$GB_LAST_OUT")
as committee committee1 "committee1 completes $gb" committee complete "$gb"
lap "count on the ledger, complete"
settled=""
if ((settle)); then
  fee=$(( collected * 2 / 100 )); supplier_due=$(( collected - fee ))
  as leader leader1 "leader1 pays supplier1 $supplier_due cents" leader pay "$gb" --to-supplier --amount-cents "$supplier_due" \
    --ref-hash "$(h64 "transfer $gb")" --json
  payment_id=$(field '.txId')
  as supplier supplier1 "supplier1 confirms payment ${payment_id:0:12}..." supplier confirm-payment "$gb" "$payment_id"
  lap "supplier payment, confirmed by the supplier"
  as leader leader1 "leader1 settles $gb" leader settle "$gb" --json
  lap "settle"
  settled=$(field '.status + " " + (.settlement | "\(.collectedCents) = \(.supplierPaidCents) + \(.refundedCents) + \(.leaderFeeCents)")')
  say "settled: $settled (collected = supplier paid + refunded + leader fee)"
fi
say "step times:"
printf '%s\n' "${step_times[@]}"

secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
rate=$(awk -v n="$delivered" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
line="$households households, $volunteers volunteers: delivered $delivered in ${secs}s ($rate deliveries/s), refused $refused, retries $retries, conflicts left $conflicts_left; ledger: $ledger_delivered of $ledger_total DELIVERED; load average $(cut -d' ' -f1-3 /proc/loadavg)"
want_settled=""
if ((settle)); then want_settled="SETTLED $collected = $supplier_due + 0 + $fee"; line+="; $settled"; fi
if ((failed == 0 && refused == 0 && conflicts_left == 0 && delivered == households && ledger_delivered == households && ledger_total == households)) \
   && { ((settle == 0)) || [[ "$settled" == "$want_settled" ]]; }; then
  say "distribution day: PASS $line"
else
  say "distribution day: FAIL $line"
  exit 1
fi
