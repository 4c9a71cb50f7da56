#!/usr/bin/env bash
# A new peer of the committee from a ledger snapshot: it catches up, answers queries, and gets the
# committee's private household details, both those written before the snapshot and after.
set -euo pipefail

GB_SCRIPT=snapshot-peer
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<'USAGE'
Usage: scripts/snapshot-peer.sh

On a network that 'scripts/network.sh up' and 'scripts/deploy-chaincode.sh' started, adds a
second peer to CommitteeMSP from a snapshot and shows that it works:
  1. before the snapshot: group buy A opened by leader1 in C1, approved by committee1, 3
     households imported with 'groupbuy leader import' (their names, phones and addresses go to
     the private collection householdDetails of LeaderMSP and CommitteeMSP)
  2. scripts/org.sh committee add-peer: peer0.committee takes a snapshot at its last block,
     peer1.committee joins from it and catches up (an earlier peer1.committee is removed first,
     scripts/org.sh committee remove-peer, so that it joins from a snapshot every run)
  3. after the join: group buy B, 2 more households imported
  4. checks, one PASS or FAIL line each, with the figures: peer1.committee's ports meet no other
     port; its height equals peer0.committee's; the group buys read by committee1 through
     peer1.committee's gateway equal those read through peer0.committee's; a household's details
     of A (written before the snapshot: fetched by reconciliation) and of B (written after the
     join) through peer1.committee's gateway, and through peer1.committee alone ('peer chaincode
     query' at that peer, no gateway choosing another), equal the spreadsheet's
Exit 0 when all pass; the last line: 'snapshot-peer: N passed, M failed in S s'. Log of the CLI
calls: $GROUPBUY_VAR/logs/snapshot-peer.log. peer1.committee keeps running (network.sh down
stops it). Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET, GROUPBUY_RECONCILE_INTERVAL (5s).
USAGE
  exit 0
fi
[[ $# -eq 0 ]] || { echo "snapshot-peer: no arguments expected (try --help)" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/operations.sh
source "$here/lib/operations.sh"
on_client_host "$here/snapshot-peer.sh" "$@"
GB_STEP_LOG="$GB_LOGS/snapshot-peer.log"; : >"$GB_STEP_LOG"
# shellcheck source=lib/cli.sh
source "$here/lib/cli.sh"
# shellcheck source=lib/communities.sh
source "$here/lib/communities.sh"

ORG=committee NODE=peer1
passed=0 failed=0
started=$(date +%s)
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
flunk() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else flunk "$what"; fi; }   # check WHAT COMMAND...
summary() { echo "snapshot-peer: $passed passed, $failed failed in $(( $(date +%s) - started )) s"; }
on_exit() { local rc=$?; ((rc == 0)) || { echo "FAIL: stopped by an error (exit $rc); log: $GB_STEP_LOG" >&2; failed=$((failed + 1)); summary; }; }
trap on_exit EXIT

is_running peer0.leader || fail "the network is not running: scripts/network.sh up && scripts/deploy-chaincode.sh"
[[ -s "$GROUPBUY_VAR/chaincode/$GROUPBUY_CHAINCODE/deployed.env" ]] || fail "the chaincode is not deployed: scripts/deploy-chaincode.sh"

# at_peer1 COMMAND...: COMMAND with the CLI pointed at peer1.committee's gateway
at_peer1() { GROUPBUY_PEER_ENDPOINT=$(peer_address "$ORG" "$NODE") GROUPBUY_PEER_HOST_ALIAS=$(peer_name "$ORG" "$NODE") "$@"; }

# ---------------------------------------------------------------- 1. before the snapshot
if [[ -n "$(added_peers "$ORG")" ]]; then
  say "removing the $NODE.$ORG of an earlier run, so that it joins from a new snapshot"
  "$here/org.sh" "$ORG" remove-peer "$NODE" >/dev/null
fi
setup_communities >/dev/null
run="$(date +%s)"
# group_buy ID CSV: opened by leader1 in C1 (supplier1), approved by committee1, CSV imported
group_buy() {
  local gb="$1" csv="$2" work="$GROUPBUY_VAR/tmp/$1"
  mkdir -p "$work"
  as leader leader1 "open $gb" leader open "$(jq -nc --arg id "$gb" --arg cutoff "$(iso_in '+1 day')" \
    '{id: $id, community: "C1", supplier: "SupplierMSP/supplier1", items: [{sku: "RICE-5KG", name: "Rice 5 kg",
      category: "GUARANTEE", unitPriceCents: 3500, maxPerHousehold: 2}], minimum: {quantity: 1, amountCents: 0},
      cutoff: $cutoff, handoverPoint: "HP1", leaderFeePercent: 0}')" >/dev/null
  as committee committee1 "approve $gb" committee approve "$gb" >/dev/null
  as leader leader1 "import $(households_in "$csv") households into $gb" \
    leader import --group-buy "$gb" "$csv" --codes-out "$work/codes.csv" >/dev/null
}
sheet() { # sheet FILE LINES...: an order spreadsheet
  local f="$1"; shift
  printf 'household,name,phone,address,RICE-5KG\n' >"$f"; printf '%s\n' "$@" >>"$f"
}
before="GB-SNAP-$run-A" after="GB-SNAP-$run-B"
mkdir -p "$GROUPBUY_VAR/tmp"
sheet "$GROUPBUY_VAR/tmp/$before.csv" "H-001,Zhou Min,13900000101,Building 7 Room 301,2" \
  "H-002,Sun Lei,13900000102,Building 7 Room 302,1" "H-003,Hu Yan,13900000103,Building 8 Room 101,2"
group_buy "$before" "$GROUPBUY_VAR/tmp/$before.csv"

# ---------------------------------------------------------------- 2. the new peer from a snapshot
clashes=$(port_clashes "$ORG" "$NODE")
check "$NODE.$ORG's ports $(peer_setting "$ORG" "$NODE" PORT), $(peer_setting "$ORG" "$NODE" CC_PORT), $(peer_setting "$ORG" "$NODE" OPS_PORT) (and pprof $(peer_pprof_port "$ORG" "$NODE")) meet no other port of this network or one at an offset 100..900 apart${clashes:+: $clashes}" \
  test -z "$clashes"
add_out=$("$here/org.sh" "$ORG" add-peer "$NODE" 2>&1) || { echo "$add_out" >&2; fail "scripts/org.sh $ORG add-peer failed"; }
printf '%s\n' "$add_out" >>"$GB_STEP_LOG"
snap_block=$(sed -n 's/.*snapshot at block \([0-9]*\) copied.*/\1/p' <<<"$add_out")
snap_files=$(sed -n 's/.*its \([0-9]*\) files match.*/\1/p' <<<"$add_out")
check "$NODE.$ORG joined from peer0.$ORG's snapshot at block ${snap_block:-?} ($snap_files files, each matching the SHA-256 in its metadata)" \
  test -n "$snap_block"

# ---------------------------------------------------------------- 3. after the join
sheet "$GROUPBUY_VAR/tmp/$after.csv" "H-001,Gao Jun,13900000201,Building 9 Room 401,1" \
  "H-002,Luo Ping,13900000202,Building 9 Room 402,2"
group_buy "$after" "$GROUPBUY_VAR/tmp/$after.csv"

# ---------------------------------------------------------------- 4. what peer1.committee holds
# heights: peer0 may be one block ahead for a moment, so wait (health check, not a sleep) first
wait_until 60 "$NODE.$ORG caught up" caught_up_with "$ORG" "$NODE" peer0 || true
h1=$(peer_height "$ORG" "$NODE"); h0=$(peer_height "$ORG" peer0)
check "$NODE.$ORG height $h1 = peer0.$ORG height $h0 (joined at block ${snap_block:-?}, $(( h1 - ${snap_block:-0} - 1 )) blocks committed since)" \
  test "$h1" = "$h0"

for gb in "$before" "$after"; do
  as committee committee1 "read $gb through peer0.$ORG" show "$gb" --json >/dev/null; via0="$GB_LAST_OUT"
  at_peer1 as committee committee1 "read $gb through $NODE.$ORG" show "$gb" --json >/dev/null; via1="$GB_LAST_OUT"
  check "'groupbuy show $gb' by committee1 through $NODE.$ORG's gateway = through peer0.$ORG's ($(jq -r .status <<<"$via1" 2>/dev/null), $(printf %s "$via1" | wc -c) bytes)" \
    test "$via1" = "$via0"
done

# details_line CSV HOUSEHOLD -> name,phone,address of HOUSEHOLD in the spreadsheet
details_line() { awk -F, -v h="$2" '$1 == h {print $2 "," $3 "," $4}' "$1"; }
# details_via_gateway GB HOUSEHOLD -> the details committee1 reads through peer1's gateway, as name,phone,address
details_via_gateway() {
  at_peer1 cli_call committee committee1 "   (through $NODE.$ORG)" committee details "$1" "$2" --json
  ((GB_RC == 0)) && jq -r '"\(.name),\(.phone),\(.address)"' <<<"$GB_OUT"
}
# details_at_peer1 GB HOUSEHOLD -> the same asked of peer1.committee alone (its endorser, no gateway)
details_at_peer1() {
  ( gb_use "$ORG" committee1 && gb_at_peer "$ORG" "$NODE" \
      && peer chaincode query -C "$GROUPBUY_CHANNEL" -n "$GROUPBUY_CHAINCODE" \
           -c "$(jq -nc --arg g "$1" --arg h "$2" '{Args: ["Audit:GetHouseholdDetails", $g, $h]}')" 2>>"$GB_STEP_LOG" ) \
    | jq -r '"\(.name),\(.phone),\(.address)"'
}
details_match() { [[ "$("$1" "$2" "$3")" == "$4" ]]; }   # details_match READER GB HOUSEHOLD EXPECTED

for gb in "$before" "$after"; do
  when="written after the join"; [[ "$gb" == "$before" ]] && when="written before the snapshot, reconciled"
  want=$(details_line "$GROUPBUY_VAR/tmp/$gb.csv" H-002)
  t0=$(date +%s)
  wait_until 90 "details of $gb H-002 on $NODE.$ORG" details_match details_at_peer1 "$gb" H-002 "$want" || true
  got=$(details_at_peer1 "$gb" H-002 || true)
  check "details of $gb H-002 ($when) asked of $NODE.$ORG alone: '$got' = the spreadsheet's '$want' (after $(( $(date +%s) - t0 )) s)" \
    test "$got" = "$want"
  got=$(details_via_gateway "$gb" H-002 || true)
  check "'groupbuy committee details $gb H-002' by committee1 through $NODE.$ORG's gateway: '$got'" test "$got" = "$want"
done
# how the details written before the snapshot came: Fabric's reconciler on peer1 (its log since the
# last start) fetched them from blocks at or below the snapshot's
ranges=$(awk '/^===== .* starting / {n = 0; delete r} /Reconciliation cycle finished successfully/ {
    if (match($0, /reconciled [0-9]+ private data keys from blocks range \[[0-9]+ - [0-9]+\]/)) r[++n] = substr($0, RSTART, RLENGTH) }
  END {for (i = 1; i <= n; i++) print r[i]}' "$GB_LOGS/$NODE.$ORG.log")
keys=$(awk '{s += $2} END {print s + 0}' <<<"$ranges")
last=$(sed -n 's/.* - \([0-9]*\)\]$/\1/p' <<<"$ranges" | sort -n | tail -n 1)
check "$NODE.$ORG's reconciler fetched $keys private data keys since it started ($(paste -sd';' <<<"$ranges" | sed 's/reconciled [0-9]* private data keys from //g')), none after the snapshot block ${snap_block:-?}" \
  test "$keys" -gt 0 -a "${last:-999999}" -le "${snap_block:-0}"

trap - EXIT
summary
((failed == 0))
