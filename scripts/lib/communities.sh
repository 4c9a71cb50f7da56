#!/usr/bin/env bash
# The two lockdown communities and the commitments that let the standard cast act there.
# Shared by the demo and the smoke test; every step tolerates having been done before.
# Sourced after scripts/lib/cli.sh.

# Rest times are minutes of real time: short, so that a whole day can be played in minutes.
GB_POLICY='{"dailyCapacity":{"HP1":2,"HP2":1},"minRestMinutes":{"GUARANTEE":1,"IMPROVEMENT":2},"maxLeaderFeePercent":5,"approvalRequired":true}'
GB_POINTS='[{"id":"HP1","name":"North gate"},{"id":"HP2","name":"East gate"}]'

register_community() { # register_community C NAME DISTRICT COMMITTEE_USER
  tolerant CONFLICT committee "$4" "register community $1 ($2)" \
    community register "$1" --name "$2" --district "$3" --handover-points "$GB_POINTS" --policy "$GB_POLICY"
}

# commitment_json ID ORG USER COMMUNITY -> what USER of ORG signs: the obligations of its role,
# valid from yesterday for 90 days
commitment_json() {
  local id="$1" org="$2" user="$3" c="$4" obligations credential from until
  case "$org" in
    leader) obligations='["SOURCE_SAFETY","WAREHOUSING","TRANSSHIPMENT","DISTRIBUTION","DISINFECTION","OFFLINE_RESIDENT_CARE"]'; credential=HEALTH_CERTIFICATE ;;
    supplier|freshfarm) obligations='["QUALITY","STATED_PRICES","INSPECTION"]'; credential=BUSINESS_LICENCE ;;
    courier) obligations='["TRANSPORT_PASS","HEALTH_CHECKS","COLD_CHAIN"]'; credential=TRANSPORT_PASS ;;
  esac
  from=$(iso_in '-1 day'); until=$(iso_in '+90 days')
  jq -nc --arg id "$id" --arg c "$c" --argjson ob "$obligations" --arg st "$(h64 "statement of $user for $c")" \
    --arg cr "$credential" --arg ch "$(h64 "$credential of $user")" --arg from "$from" --arg until "$until" \
    '{id: $id, community: $c, obligations: $ob, statementHash: $st,
      credentials: [{type: $cr, hash: $ch, expires: $until}], validFrom: $from, validUntil: $until}'
}

# commit_party ORG USER COMMUNITY COMMITTEE_USER: sign a commitment, committee countersigns
commit_party() {
  local org="$1" user="$2" c="$3" committee="$4" id="CM-$2-$3"
  if [[ " ${GB_ACTIVE_COMMITMENTS:-} " == *" $id "* ]]; then
    GB_STEPS_OK=$((GB_STEPS_OK + 1)); say "ok  commitment $id is ACTIVE already"; return 0
  fi
  tolerant CONFLICT "$org" "$user" "sign commitment $id" commitment sign "$(commitment_json "$id" "$org" "$user" "$c")"
  tolerant INVALID_STATE committee "$committee" "countersign $id" commitment countersign "$id"
}

# active_commitments C...: the ids of the ACTIVE commitments in those communities, one query each
active_commitments() {
  local c out
  for c in "$@"; do
    out=$("$GB_CLI" commitment list "$c" --json --org regulator --user regulator1 2>/dev/null) || continue
    jq -r '.[] | select(.status == "ACTIVE") | .id' <<<"$out" 2>/dev/null || true
  done | tr '\n' ' '
}

setup_communities() {
  register_community C1 "Lane 88 compound" Pudong committee1
  register_community C2 "Riverside estate" Xuhui committee2
  GB_ACTIVE_COMMITMENTS=$(active_commitments C1 C2)
  commit_party leader leader1 C1 committee1
  commit_party leader leader2 C2 committee2
  commit_party supplier supplier1 C1 committee1
  commit_party supplier supplier2 C1 committee1
  commit_party supplier supplier2 C2 committee2
  commit_party courier courier1 C1 committee1
  commit_party courier courier1 C2 committee2
}

# open_bench_gb ID: a GUARANTEE group buy of rice and eggs in C1 (leader1), cutoff in 2 days, no
# minimum, approved by committee1: the group buys the benchmarks fill
open_bench_gb() {
  local json
  json=$(jq -nc --arg id "$1" --arg cutoff "$(iso_in '+2 days')" '{id: $id, community: "C1", supplier: "SupplierMSP/supplier1",
    items: [{sku: "RICE-5KG", name: "Rice 5 kg", category: "GUARANTEE", unitPriceCents: 3500, maxPerHousehold: 2},
            {sku: "EGGS-30", name: "Eggs, tray of 30", category: "GUARANTEE", unitPriceCents: 2800, maxPerHousehold: 1}],
    minimum: {quantity: 1, amountCents: 0}, cutoff: $cutoff, handoverPoint: "HP1", leaderFeePercent: 0}')
  as leader leader1 "open $1" leader open "$json"
  as committee committee1 "approve $1" committee approve "$1"
}
