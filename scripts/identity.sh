#!/usr/bin/env bash
# Client identities after start-up: add one at an org's Fabric CA (with the role and community
# attributes the chaincode reads), or revoke one at the CA and put the CA's revocation list (CRL)
# into the org's MSP on the channel, so that every peer and orderer refuses it.
set -euo pipefail

GB_SCRIPT=identity
usage() {
  cat <<'USAGE'
Usage: scripts/identity.sh COMMAND ARGS

Commands:
  add ORG NAME ROLE [COMMUNITY]
        register NAME at ORG's CA with the attributes role=ROLE and community=COMMUNITY in its
        enrollment certificate (as network/cast.txt does for the standard cast) and enroll it
        into var/orgs/ORG/users/NAME/msp, where 'source scripts/env.sh ORG NAME', the CLI's
        --org ORG --user NAME and the tests find it. ROLE must belong to ORG (leader: leader;
        committee: committee, volunteer; supplier, courier, regulator: their own); leader,
        committee and volunteer need a COMMUNITY, the others take none. Running it again for
        the same identity changes nothing; a NAME taken with other attributes is refused.
  revoke ORG NAME [REASON]
        revoke every certificate of NAME at ORG's CA (REASON: unspecified (default),
        keycompromise, affiliationchange, superseded, cessationofoperation, certificatehold,
        privilegewithdrawn), generate the CA's CRL, and update channel 'community' so that the
        CRL is the revocation_list of ORG's MSP (signed by ORG's admin, whom the MSP value's
        mod_policy 'Admins' names); waits until every peer has committed the config block.
        From then on the peers refuse NAME's proposals (and Fabric's MSP refuses its signature
        wherever the channel checks one: orderers, block validation).
  help  this text (also: COMMAND --help)

ORG is leader, supplier, courier, committee or regulator, or freshfarm (role supplier) once
scripts/channel.sh add-org has admitted it. The network must be up
(scripts/network.sh up). Log: var/logs/identity.log and var/logs/ca-client.ORG.log; the
channel update's files stay in var/tmp/identity/.
USAGE
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""  # "" so that env.sh does not see this script's arguments
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/ca.sh
source "$here/lib/ca.sh"

LOG="$GB_LOGS/identity.log"
REASONS=(unspecified keycompromise affiliationchange superseded cessationofoperation certificatehold privilegewithdrawn)

# ---------------------------------------------------------------- checks (nothing changes before they pass)
check_org() {
  local org="$1" o
  for o in $(channel_orgs); do [[ "$o" == "$org" ]] && return 0; done
  for o in "${GROUPBUY_JOINING_ORGS[@]}"; do
    [[ "$o" == "$org" ]] && fail "org '$org' is not a member of the channel: admit it first (scripts/channel.sh add-org, docs/operations.md)"
  done
  fail "unknown org '$org' (expected one of: $(channel_orgs | paste -sd ' '))"
}

check_name() {
  [[ "$1" =~ ^[a-z0-9][a-z0-9._-]{0,63}$ ]] \
    || fail "invalid NAME '$1': lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64"
  case "$1" in
    admin|peer0|ccaas|ca-admin) fail "'$1' is one of the org's own identities (admin, peer0, ccaas, ca-admin); pick another NAME" ;;
  esac
}

check_role() { # check_role ORG ROLE COMMUNITY
  local org="$1" role="$2" community="$3" allowed
  case "$org" in committee) allowed="committee volunteer" ;; freshfarm) allowed="supplier" ;; *) allowed="$org" ;; esac
  [[ " $allowed " == *" $role "* ]] || fail "role '$role' does not belong to org '$org' (the chaincode refuses it); $org takes: $allowed"
  case "$role" in
    leader|committee|volunteer)
      [[ -n "$community" ]] || fail "role '$role' needs a COMMUNITY (e.g. C1): scripts/identity.sh add $org NAME $role C1"
      [[ "$community" =~ ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$ ]] || fail "invalid COMMUNITY '$community' (letters, digits, '_', '-')" ;;
    *) [[ -z "$community" ]] || fail "role '$role' acts in every community and takes no COMMUNITY; drop '$community'" ;;
  esac
}

need_network() { # need_network ORG: the network was created here and ORG's CA answers
  local org="$1"
  [[ -f "$GROUPBUY_VAR/network.json" && -f "$(org_dir "$org")/.enrolled" ]] \
    || fail "no network in $GROUPBUY_VAR (GROUPBUY_VAR, GROUPBUY_PORT_OFFSET): start it with scripts/network.sh up"
  ca_healthy "$org" || fail "ca.$org does not answer at $(ca_url "$org"): start the network with scripts/network.sh up"
}

need_nodes() { # need_nodes ORG: every peer healthy and one orderer (printed; ORG's own first) to talk to
  local org n
  for org in $(channel_orgs); do
    http_ok "http://$(setting "$org" PEER_HOST):$(setting "$org" PEER_OPS_PORT)/healthz" \
      || fail "peer0.$org is not healthy; the update could not be seen on every peer: scripts/network.sh up, then again"
  done
  for n in "orderer0.$1" "${GROUPBUY_ORDERERS[@]}"; do
    http_ok "http://$(orderer_setting "$n" HOST):$(orderer_setting "$n" OPS_PORT)/healthz" && { echo "$n"; return 0; }
  done
  fail "no orderer is healthy: scripts/network.sh up, then again"
}

# registered_attrs ORG NAME -> "role=R community=C" as ORG's CA has NAME registered (status 1: not registered)
registered_attrs() {
  local out role community
  out=$(ca_query "$1" "$(ca_registrar_home "$1")" identity list --id "$2") || return 1
  role=$(sed -n 's/.*{Name:role Value:\([^ }]*\) .*/\1/p' <<<"$out")
  community=$(sed -n 's/.*{Name:community Value:\([^ }]*\) .*/\1/p' <<<"$out")
  echo "role=${role:--} community=${community:--}"
}

# live_certs ORG NAME -> how many of NAME's certificates ORG's CA has not revoked
live_certs() {
  ca_query "$1" "$(ca_registrar_home "$1")" certificate list --id "$2" --notrevoked | grep -c '^Certificate:' || true
}

# ---------------------------------------------------------------- add
cmd_add() {
  [[ $# -ge 3 && $# -le 4 ]] || { usage >&2; fail "add takes ORG NAME ROLE [COMMUNITY]"; }
  local org="$1" name="$2" role="$3" community="${4:-}"
  check_org "$org"; check_name "$name"; check_role "$org" "$role" "$community"
  need_network "$org"
  ca_registrar "$org"
  local want="role=$role community=${community:--}" have dir; dir="$(user_dir "$org" "$name")"
  if have=$(registered_attrs "$org" "$name"); then
    [[ "$have" == "$want" ]] || fail "CONFLICT: '$name' is already registered at ca.$org with $have (not $want); pick another NAME"
    if [[ -s "$dir/msp/signcerts/cert.pem" ]]; then
      if (( $(live_certs "$org" "$name") == 0 )); then
        fail "CONFLICT: '$name' of $org was revoked at ca.$org; a revoked name cannot come back, pick another NAME"
      fi
      say "$name of $org is already registered with $want and enrolled in $dir; nothing changed"
      return 0
    fi
    say "$name is registered at ca.$org with $want; enrolling it into $dir"
  else
    say "registering $name at ca.$org with $want (in the enrollment certificate)"
    ca_register "$org" "$name" "${name}pw" client "$role" "${community:--}"
  fi
  enroll_user "$org" "$name" "${name}pw" client
  say "added $name to $org ($(org_msp "$org")): $want; MSP $dir/msp (source scripts/env.sh $org $name, or --org $org --user $name)"
}

# ---------------------------------------------------------------- revoke
# normalised hex serial of a certificate file
cert_serial() { openssl x509 -noout -serial -in "$1" | sed 's/^serial=//; s/^0*//' | tr 'a-f' 'A-F'; }
# normalised hex serials a CRL (PEM on stdin) lists, one a line
crl_serials() { openssl crl -noout -text | sed -n 's/^ *Serial Number: *0*\([0-9A-Fa-f]*\)$/\1/p' | tr 'a-f' 'A-F'; }

# peer_as_admin ORG ORDERER ARGS...: the peer CLI as ORG's admin against ORDERER (TLS), output to the log
peer_as_admin() {
  local org="$1" n="$2"; shift 2
  ( gb_use "$org" admin
    echo "===== $(date -u +%FT%TZ) peer $* (as $org admin)" >>"$LOG"
    peer "$@" -c "$GROUPBUY_CHANNEL" -o "$(orderer_address "$n")" --ordererTLSHostnameOverride "$(orderer_name "$n")" \
      --tls --cafile "$(org_ca_cert "$(orderer_org "$n")")" >>"$LOG" 2>&1 ) \
    || { tail -n 5 "$LOG" >&2; fail "peer $1 $2 failed as $org admin (log: $LOG)"; }
}

xlate() { # xlate proto_decode|proto_encode TYPE IN OUT
  configtxlator "$1" --type "$2" --input "$3" --output "$4" >>"$LOG" 2>&1 \
    || { tail -n 5 "$LOG" >&2; fail "configtxlator $1 $2 failed (log: $LOG)"; }
}

# fetch_config ORG ORDERER DIR: the channel's newest config block into DIR/block.json, its config
# into DIR/config.json; prints the block's number
fetch_config() {
  local org="$1" n="$2" dir="$3"
  peer_as_admin "$org" "$n" channel fetch config "$dir/config_block.pb"
  xlate proto_decode common.Block "$dir/config_block.pb" "$dir/block.json"
  jq '.data.data[0].payload.data.config' "$dir/block.json" >"$dir/config.json"
  jq -r '.header.number' "$dir/block.json"
}

# the org's MSP group paths in a channel config (a JSON array of paths): the org is in the
# Application group (its peer) and in the Orderer group (its orderer), and both must hold the same
# MSP definition, e.g. [["channel_group","groups","Application","groups","LeaderMSP"], [..."Orderer"...]]
msp_group_paths() {
  jq -c --arg msp "$2" '[paths(type == "object" and (.values.MSP.value.config.name? // "") == $msp)]' "$1"
}
# the first of them (where the checks read)
msp_group_path() { msp_group_paths "$@" | jq -c '.[0] // empty'; }

# channel_crls CONFIG PATH -> the org's revocation_list in a channel config: one base64 CRL a line
channel_crls() {
  jq -r --argjson p "$2" 'getpath($p + ["values","MSP","value","config","revocation_list"]) // [] | .[]' "$1"
}

# serials_on_channel CONFIG PATH -> serials that the org's revocation_list revokes now, one a line
serials_on_channel() {
  local b64
  for b64 in $(channel_crls "$1" "$2"); do base64 -d <<<"$b64" | crl_serials; done
}

# other_cas_crls CONFIG PATH ORG -> the org's revocation_list entries (base64) not issued by ORG's CA
other_cas_crls() {
  local b64 ca; ca=$(openssl x509 -noout -subject -in "$(org_ca_cert "$3")" | sed 's/^subject=//')
  for b64 in $(channel_crls "$1" "$2"); do
    [[ "$(base64 -d <<<"$b64" | openssl crl -noout -issuer | sed 's/^issuer=//')" == "$ca" ]] || echo "$b64"
  done
}

# crl_on_channel ORG ORDERER DIR OLD PATH SERIAL: the newest config block (fetched into DIR) is
# newer than block OLD and its revocation_list revokes SERIAL
crl_on_channel() {
  local newest; newest=$(fetch_config "$1" "$2" "$3")
  ((newest > $4)) && serials_on_channel "$3/config.json" "$5" | grep -qx "$6"
}

all_peers_at() { # all_peers_at HEIGHT: every peer's channel height is at least HEIGHT
  local org h
  for org in $(channel_orgs); do
    h=$(peer_height "$org"); [[ -n "$h" ]] && ((h >= $1)) || return 1
  done
}

heights() { local org out=(); for org in $(channel_orgs); do out+=("$org=$(peer_height "$org")"); done; echo "${out[*]}"; }

cmd_revoke() {
  [[ $# -ge 2 && $# -le 3 ]] || { usage >&2; fail "revoke takes ORG NAME [REASON]"; }
  local org="$1" name="$2" reason="${3:-unspecified}"
  check_org "$org"; check_name "$name"
  [[ " ${REASONS[*]} " == *" $reason "* ]] || fail "unknown REASON '$reason' (one of: ${REASONS[*]})"
  need_network "$org"
  local dir msp cert; dir="$(user_dir "$org" "$name")"; msp=$(org_msp "$org"); cert="$dir/msp/signcerts/cert.pem"
  if [[ ! -s "$cert" ]]; then
    fail "no identity '$name' in org '$org' (users: $(cd "$(org_dir "$org")/users" && echo *)); add one with scripts/identity.sh add"
  fi
  ca_registrar "$org"
  registered_attrs "$org" "$name" >/dev/null || fail "'$name' has an MSP in $dir but is not registered at ca.$org (another network's?); nothing changed"
  local orderer; orderer=$(need_nodes "$org")
  local serial; serial=$(cert_serial "$cert")

  # 1. the CA: revoke (again harmless: by name it revokes what is not revoked yet) and a fresh CRL
  local registrar; registrar=$(ca_registrar_home "$org")
  local out; out=$(ca_query "$org" "$registrar" revoke -e "$name" -r "$reason") \
    || { tail -n 5 "$GB_LOGS/ca-client.$org.log" >&2; fail "fabric-ca-client revoke failed for $name (log: $GB_LOGS/ca-client.$org.log)"; }
  say "revoked $name at ca.$org (reason $reason): $(grep -o 'Serial:' <<<"$out" | wc -l) certificate(s) newly revoked; its certificate's serial $serial"
  rm -f "$registrar/msp/crls/crl.pem"
  ca_client "$org" "$registrar" gencrl
  local crl="$registrar/msp/crls/crl.pem"
  [[ -s "$crl" ]] || fail "gencrl wrote no $crl (log: $GB_LOGS/ca-client.$org.log)"
  crl_serials <"$crl" | grep -qx "$serial" || fail "the CRL of ca.$org does not list serial $serial of $name ($crl)"
  mkdir -p "$(org_dir "$org")/msp/crls"
  cp "$crl" "$(org_dir "$org")/msp/crls/crl.pem"   # the org's MSP folder, as the channel sees it
  say "CRL of ca.$org lists $(crl_serials <"$crl" | wc -l) revoked certificate(s); copied to $(org_dir "$org")/msp/crls/crl.pem"

  # 2. the channel: the org's MSP with this CRL as its revocation_list
  local work="$GROUPBUY_VAR/tmp/identity/revoke-$org-$name"
  rm -rf "$work"; mkdir -p "$work"
  local number path
  number=$(fetch_config "$org" "$orderer" "$work")
  path=$(msp_group_path "$work/config.json" "$msp")
  [[ -n "$path" ]] || fail "channel '$GROUPBUY_CHANNEL' has no MSP $msp (config: $work/config.json)"
  if serials_on_channel "$work/config.json" "$path" | grep -qx "$serial"; then
    say "$msp's revocation_list on channel '$GROUPBUY_CHANNEL' already revokes serial $serial (config block $number); no channel update"
    wait_until 60 "peers at config block $number" all_peers_at $((number + 1)) \
      || fail "not every peer has config block $number after 60 s (heights: $(heights))"
    say "every peer has config block $number: $name of $org (serial $serial) is revoked on channel '$GROUPBUY_CHANNEL'"
    return 0
  fi
  # who must sign: the MSP value's mod_policy, relative to the org's group
  local mod_policy; mod_policy=$(jq -r --argjson p "$path" 'getpath($p + ["values","MSP","mod_policy"])' "$work/config.json")
  jq -e --argjson p "$path" --arg msp "$msp" 'getpath($p + ["policies", "Admins", "policy"]) | .type == 1
      and .value.rule.n_out_of.n == 1
      and (.value.identities | length > 0 and all(.principal.msp_identifier == $msp and .principal.role == "ADMIN"))' \
    "$work/config.json" >/dev/null && [[ "$mod_policy" == Admins ]] \
    || fail "$msp's MSP value has mod_policy '$mod_policy' and its Admins policy is not 'one $msp admin'; this script signs with $org's admin only (config: $work/config.json)"
  # the new CRL replaces the older ones of the same CA (it lists their revocations too); other CAs' stay
  local list; list=$(other_cas_crls "$work/config.json" "$path" "$org" | jq -R . | jq -s --arg crl "$(base64 -w0 "$crl")" '. + [$crl]')
  jq --argjson ps "$(msp_group_paths "$work/config.json" "$msp")" --argjson list "$list" \
    'reduce $ps[] as $p (.; setpath($p + ["values","MSP","value","config","revocation_list"]; $list))' \
    "$work/config.json" >"$work/modified.json"
  xlate proto_encode common.Config "$work/config.json" "$work/config.pb"
  xlate proto_encode common.Config "$work/modified.json" "$work/modified.pb"
  configtxlator compute_update --channel_id "$GROUPBUY_CHANNEL" --original "$work/config.pb" \
    --updated "$work/modified.pb" --output "$work/update.pb" >>"$LOG" 2>&1 \
    || { tail -n 5 "$LOG" >&2; fail "configtxlator compute_update failed (log: $LOG)"; }
  xlate proto_decode common.ConfigUpdate "$work/update.pb" "$work/update.json"
  jq --arg ch "$GROUPBUY_CHANNEL" '{payload: {header: {channel_header: {channel_id: $ch, type: 2}},
      data: {config_update: .}}}' "$work/update.json" >"$work/envelope.json"
  xlate proto_encode common.Envelope "$work/envelope.json" "$work/envelope.pb"
  # peer channel update signs the config update as the caller (ORG's admin: mod_policy Admins) and sends it
  peer_as_admin "$org" "$orderer" channel update -f "$work/envelope.pb"
  say "sent the config update of $msp (mod_policy $mod_policy, signed by $org's admin) to $orderer"

  # 3. wait until the orderer has cut the config block and every peer has committed it
  wait_until 60 "a config block with the CRL" crl_on_channel "$org" "$orderer" "$work" "$number" "$path" "$serial" \
    || fail "no config block with the CRL after 60 s (newest: $work/block.json; log: $LOG)"
  local newest; newest=$(jq -r '.header.number' "$work/block.json")
  wait_until 60 "peers at config block $newest" all_peers_at $((newest + 1)) \
    || fail "config block $newest has not reached every peer after 60 s (heights: $(heights)); see $GB_LOGS/peer0.*.log"
  say "config block $newest puts the CRL into $msp's revocation_list; every peer has it (heights: $(heights))"
  say "done: $name of $org (serial $serial) is revoked on channel '$GROUPBUY_CHANNEL': its proposals and transactions are refused"
}

case "${1:-help}" in
  add) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_add "$@" ;;
  revoke) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_revoke "$@" ;;
  help|-h|--help) usage ;;
  *) echo "identity.sh: unknown command '$1'" >&2; usage >&2; exit 2 ;;
esac
