#!/usr/bin/env bash
# How many household orders one Close can carry: opens a group buy per size, imports that many
# households through the CLI, then times 'leader close' (one transaction that reads every order
# and writes only the group buy). Prints one line per size; docs/performance.md has the figures and the cap.
set -euo pipefail

GB_SCRIPT=close-limit
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<'USAGE'
Usage: scripts/close-limit.sh [N ...]

Needs a running network with the chaincode deployed. For each N (default: 1000 2000 5000), opens
group buy GB-CL-<time>-<N> in C1, imports N generated households (batches of 200, 8 in flight),
and times 'groupbuy leader close'. Prints per size: import seconds, close milliseconds and the
outcome (status, or the CLI's error). Log of every CLI call: var/logs/close-limit.log.
Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET, as for scripts/network.sh.
USAGE
  exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
GB_STEP_LOG="$GB_LOGS/close-limit.log"
: >"$GB_STEP_LOG"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"

is_running peer0.leader || fail "the network is not running: scripts/network.sh up && scripts/deploy-chaincode.sh"
sizes=("$@"); ((${#sizes[@]})) || sizes=(1000 2000 5000)
for n in "${sizes[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || fail "size '$n' is not a whole number of households"; done

run=$(date +%s)
work="$GROUPBUY_VAR/tmp/close-limit-$run"; mkdir -p "$work"
setup_communities
for n in "${sizes[@]}"; do
  gb="GB-CL-$run-$n"
  json=$(jq -nc --arg id "$gb" --arg cutoff "$(iso_in '+1 day')" '{id: $id, community: "C1",
    supplier: "SupplierMSP/supplier1", items: [{sku: "RICE-5KG", name: "Rice 5 kg", category: "GUARANTEE",
    unitPriceCents: 3500, maxPerHousehold: 2}], minimum: {quantity: 1, amountCents: 0}, cutoff: $cutoff,
    handoverPoint: "HP1", leaderFeePercent: 0}')
  as leader leader1 "open $gb" leader open "$json"
  as committee committee1 "approve $gb" committee approve "$gb"
  awk -v n="$n" 'BEGIN { print "household,name,phone,address,RICE-5KG";
    for (i = 1; i <= n; i++) printf "H-%05d,Resident %d,138%08d,Building %d Room %d,%d\n", i, i, i, i % 50 + 1, i % 400 + 100, i % 2 + 1 }' \
    >"$work/$n.csv"
  t0=$(date +%s%3N)
  as leader leader1 "import $n households into $gb" leader import --group-buy "$gb" "$work/$n.csv" \
    --codes-out "$work/$n-codes.csv"
  t1=$(date +%s%3N)
  cli_call leader leader1 "" leader close "$gb" --json
  t2=$(date +%s%3N)
  if ((GB_RC == 0)); then
    outcome=$(jq -r .status <<<"$GB_OUT")
  else
    outcome="refused or failed (exit $GB_RC): $(printf '%s\n' "$GB_OUT" | grep -m1 -E '\[[A-Z_]+\]|error' || true)"
  fi
  say "orders=$n import_s=$(( (t1 - t0) / 1000 )) close_ms=$((t2 - t1)) outcome=$outcome"
done
