#!/usr/bin/env bash
# A peer's ledger snapshot, and a peer of the same org joined to the channel from it (Fabric's
# 'peer snapshot submitrequest' and 'peer channel joinbysnapshot'). Every peer command runs as the
# org's admin (snapshot requests and joins need the peer's Admins policy). Sourced after
# scripts/env.sh, scripts/lib/proc.sh and scripts/lib/nodes.sh.

# as_peer_admin ORG NODE ARGS...: 'peer ARGS...' against ORG's peer NODE as ORG's admin: its answer
# on stdout; the command, its answer and its log in peer-cli.log; on failure its error on stderr
as_peer_admin() {
  local org="$1" n="$2" out rc=0 err; shift 2
  err=$(mktemp)
  out=$(gb_use "$org" && gb_at_peer "$org" "$n" && peer "$@" 2>"$err") || rc=$?
  printf '===== %s peer %s (%s.%s): exit %s\n%s\n' "$(date -u +%FT%TZ)" "$*" "$n" "$org" "$rc" "$out" >>"$GB_LOGS/peer-cli.log"
  cat "$err" >>"$GB_LOGS/peer-cli.log"
  ((rc == 0)) || grep -v '\[grpc\]\|^ \|^{\|^}' "$err" | tail -n 3 >&2
  rm -f "$err"
  printf '%s\n' "$out"
  return "$rc"
}
# snapshot_cli ORG NODE SUBCOMMAND ARGS...: "peer snapshot SUBCOMMAND" against that peer as the admin
snapshot_cli() {
  local org="$1" n="$2" sub="$3"; shift 3
  as_peer_admin "$org" "$n" snapshot "$sub" -c "$GROUPBUY_CHANNEL" --peerAddress "$(peer_address "$org" "$n")" \
    --tlsRootCertFile "$(org_ca_cert "$org")" "$@"
}

# snapshot_dir ORG NODE BLOCK -> where NODE writes its snapshot of the channel at BLOCK
snapshot_dir() { echo "$(node_data "$1" "$2")/snapshots/completed/$GROUPBUY_CHANNEL/$3"; }

# snapshot_request ORG NODE [BLOCK] -> the block number of the snapshot asked of ORG's peer NODE:
# BLOCK, or (default) its last committed block, asked again if a block commits in between
snapshot_request() {
  local org="$1" n="$2" block="${3:-}" tries=0 h out
  while :; do
    if [[ -z "${3:-}" ]]; then
      h=$(peer_height "$org" "$n"); [[ -n "$h" ]] || fail "$n.$org reports no height for '$GROUPBUY_CHANNEL'; is it running and joined?"
      block=$((h - 1))
    fi
    [[ -d "$(snapshot_dir "$org" "$n" "$block")" ]] && { echo "$block"; return 0; }   # taken before
    if out=$(snapshot_cli "$org" "$n" submitrequest -b "$block" 2>&1); then echo "$block"; return 0; fi
    tries=$((tries + 1))
    if [[ -n "${3:-}" || $tries -ge 3 || "$out" != *"cannot be less than"* ]]; then
      echo "$out" >&2
      fail "$n.$org refused the snapshot request at block $block (a snapshot is taken at the last committed block or a later one; leave out --block for the last) (log: $GB_LOGS/peer-cli.log)"
    fi
  done
}

snapshot_done() { # snapshot_done ORG NODE BLOCK: the request is no longer pending and the folder is complete
  local org="$1" n="$2" block="$3" pending
  pending=$(snapshot_cli "$org" "$n" listpending 2>/dev/null | sed -n 's/.*pending snapshot requests: *//p')
  [[ -n "$pending" && ! "$pending" =~ (\[| )$block(\]| ) ]] \
    && [[ -s "$(snapshot_dir "$org" "$n" "$block")/_snapshot_additional_metadata.json" ]]
}

# snapshot_wait ORG NODE BLOCK [SECONDS]: until the snapshot at BLOCK is written (the peer reaches
# BLOCK first when it was asked for a later one)
snapshot_wait() {
  wait_for_node "$2.$1" "${4:-120}" "done with its snapshot at block $3" snapshot_done "$1" "$2" "$3"
}

# snapshot_verify DIR -> how many files were checked: each file's SHA-256 against the one the
# snapshot's signable metadata lists (what the receiving org does before it trusts a snapshot)
snapshot_verify() {
  local dir="$1" meta="$1/_snapshot_signable_metadata.json" f want got count=0
  [[ -s "$meta" ]] || fail "$dir is not a snapshot: no _snapshot_signable_metadata.json"
  while IFS=$'\t' read -r f want; do
    [[ -f "$dir/$f" ]] || fail "snapshot $dir lacks $f, which its metadata lists"
    got=$(sha256sum "$dir/$f" | cut -d' ' -f1)
    [[ "$got" == "$want" ]] || fail "snapshot file $dir/$f has SHA-256 $got, its metadata says $want: do not join from it"
    count=$((count + 1))
  done < <(jq -r '.snapshot_files_raw_hashes | to_entries[] | "\(.key)\t\(.value)"' "$meta")
  ((count > 0)) || fail "snapshot $dir lists no files in its metadata"
  echo "$count"
}

# snapshot_receive ORG BLOCK FROM -> a copy of peer FROM's snapshot at BLOCK in the org's own folder
# ($GROUPBUY_VAR/orgs/ORG/snapshots/CHANNEL-BLOCK): what an operator carries to the new peer's host
snapshot_receive() {
  local org="$1" block="$2" from="$3" to; to="$(org_dir "$1")/snapshots/$GROUPBUY_CHANNEL-$2"
  if [[ ! -d "$to" ]]; then
    mkdir -p "$(dirname "$to")"
    cp -r "$(snapshot_dir "$org" "$from" "$block")" "$to.tmp" && mv "$to.tmp" "$to"
  fi
  echo "$to"
}

peer_joined() { # peer_joined ORG NODE: the peer lists the channel and no join by snapshot is running
  local list status
  list=$(as_peer_admin "$1" "$2" channel list 2>/dev/null) || return 1
  grep -qx "$GROUPBUY_CHANNEL" <<<"$list" || return 1
  status=$(as_peer_admin "$1" "$2" channel joinbysnapshotstatus 2>/dev/null) || return 1
  grep -qi "no joinbysnapshot operation is in progress" <<<"$status"
}

# join_by_snapshot ORG NODE DIR: ORG's admin joins its peer NODE to the channel from snapshot DIR
join_by_snapshot() {
  local org="$1" n="$2" dir="$3"
  as_peer_admin "$org" "$n" channel joinbysnapshot --snapshotpath "$dir" >/dev/null \
    || { fail "$n.$org could not join '$GROUPBUY_CHANNEL' from $dir (log: $GB_LOGS/peer-cli.log)"; }
  wait_for_node "$n.$org" 120 "joined to '$GROUPBUY_CHANNEL' from the snapshot" peer_joined "$org" "$n"
}
