#!/usr/bin/env bash
# The channel as each org joins it: its genesis block, an orderer joined through the org admin's
# osnadmin (mutual TLS), a peer joined with the peer CLI. Sourced after scripts/env.sh,
# scripts/lib/proc.sh and scripts/lib/config.sh.

CHANNEL_BLOCK="$GROUPBUY_VAR/channel/$GROUPBUY_CHANNEL.block"

osnadmin_as_admin() { # osnadmin_as_admin ORDERER ARGS...: as the admin of the org that runs ORDERER
  local n="$1" org; shift; org=$(orderer_org "$n")
  local u; u="$(org_dir "$org")/users/admin/tls"
  osnadmin "$@" -o "$(orderer_setting "$n" HOST):$(orderer_setting "$n" ADMIN_PORT)" --ca-file "$(org_ca_cert "$org")" \
    --client-cert "$u/signcerts/cert.pem" --client-key "$u/keystore/key.pem"
}

# joined_orderer NAME: the admin endpoint answers and lists the channel (exit 0), or answers and
# does not (exit 2); not answering is never taken for "not joined" (exit 3)
joined_orderer() {
  local out
  out=$(osnadmin_as_admin "$1" channel list 2>&1) || return 3
  grep -q "\"$GROUPBUY_CHANNEL\"" <<<"$out" && return 0
  return 2
}
admin_endpoint_answers() { osnadmin_as_admin "$1" channel list >/dev/null 2>&1; }

# write_genesis_block: the channel's first block from $CFG/channel/configtx.yaml, once
write_genesis_block() {
  [[ -s "$CHANNEL_BLOCK" ]] && return 0
  mkdir -p "$(dirname "$CHANNEL_BLOCK")"
  say "creating the genesis block of channel '$GROUPBUY_CHANNEL' ($(consensus_type "$GROUPBUY_CONSENSUS"), capability $GROUPBUY_CHANNEL_CAPABILITY)"
  FABRIC_CFG_PATH="$CFG/channel" configtxgen -configPath "$CFG/channel" -profile CommunityChannel \
    -outputBlock "$CHANNEL_BLOCK" -channelID "$GROUPBUY_CHANNEL" >>"$GB_LOGS/configtxgen.log" 2>&1 \
    || { tail -n 5 "$GB_LOGS/configtxgen.log" >&2; fail "configtxgen failed (log: $GB_LOGS/configtxgen.log)"; }
  echo "$GROUPBUY_CONSENSUS" >"$GROUPBUY_VAR/channel/consensus"
}

join_orderer() { # join_orderer NAME [BLOCK]: NAME's org admin joins it to the channel unless it is
  local n="$1" block="${2:-$CHANNEL_BLOCK}" rc=0
  wait_until 60 "$n admin endpoint" admin_endpoint_answers "$n" \
    || fail "$n's admin endpoint $(orderer_setting "$n" HOST):$(orderer_setting "$n" ADMIN_PORT) did not answer within 60s (log: $GB_LOGS/$n.log)"
  joined_orderer "$n" || rc=$?
  case $rc in
    0) ;;
    2) say "joining $n to channel '$GROUPBUY_CHANNEL'"
       osnadmin_as_admin "$n" channel join --channelID "$GROUPBUY_CHANNEL" --config-block "$block" \
         >>"$GB_LOGS/osnadmin.log" 2>&1 || { tail -n 5 "$GB_LOGS/osnadmin.log" >&2; fail "$n could not join the channel (log: $GB_LOGS/osnadmin.log)"; } ;;
    *) fail "$n's admin endpoint stopped answering while the channel was being joined (log: $GB_LOGS/$n.log)" ;;
  esac
}

# fetch_genesis_block ORG -> a file with the channel's block 0, fetched by ORG's admin from an
# orderer (refused unless ORG is a member of the channel by now)
fetch_genesis_block() {
  local org="$1" out; out="$(org_dir "$org")/channel/$GROUPBUY_CHANNEL.block"
  mkdir -p "$(dirname "$out")"
  ( gb_use "$org"
    peer channel fetch 0 "$out" -c "$GROUPBUY_CHANNEL" -o "$ORDERER_ADDRESS" --ordererTLSHostnameOverride "$ORDERER_HOST_ALIAS" \
      --tls --cafile "$ORDERER_CA" >>"$GB_LOGS/peer-cli.log" 2>&1 ) \
    || { tail -n 3 "$GB_LOGS/peer-cli.log" >&2
         fail "$(org_msp "$org")'s admin could not fetch the channel's first block: has the channel admitted it (scripts/channel.sh add-org)?"; }
  echo "$out"
}

join_peer() { # join_peer ORG [BLOCK]: ORG's admin joins its peer to the channel unless it is
  local org="$1" block="${2:-$CHANNEL_BLOCK}"
  ( gb_use "$org"
    if ! peer channel list 2>/dev/null | grep -qx "$GROUPBUY_CHANNEL"; then
      say "joining peer0.$org to channel '$GROUPBUY_CHANNEL'"
      peer channel join -b "$block" >>"$GB_LOGS/peer-cli.log" 2>&1 \
        || { tail -n 5 "$GB_LOGS/peer-cli.log" >&2; fail "peer0.$org could not join the channel"; }
    fi )
}

# channel_create FILE...: the genesis block from the orgs' public definitions alone (one file per
# org of the network, as scripts/org.sh ORG export writes them); nothing is read from the orgs'
# own folders. The block is written once; the definitions are unpacked every time (the orderers
# take their TLS roots from them).
channel_create() {
  local f org seen=()
  for f in "$@"; do unpack_definition "$f"; seen+=("$(jq -r .org "$f")"); done
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do
    [[ " ${seen[*]} " == *" $org "* ]] || fail "no definition of $org among the files given; each org sends its own (scripts/org.sh $org export)"
  done
  for org in "${seen[@]}"; do
    org_runs_orderer "$org" || fail "$org is not a founding org of the channel (it has no orderer): admit it to the running channel with scripts/channel.sh add-org $(exchange_dir)/$org.json"
  done
  if [[ -s "$CHANNEL_BLOCK" ]]; then say "channel '$GROUPBUY_CHANNEL' exists: $CHANNEL_BLOCK"; return 0; fi
  write_config
  write_configtx
  write_genesis_block
}
