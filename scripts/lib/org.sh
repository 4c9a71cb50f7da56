#!/usr/bin/env bash
# One org's life on its own host: init (its CA, its identities, its nodes' keys and TLS
# certificates for its host names), up, down, and export of its public definition, the one file
# it sends to the others. Touches only that org's folder ($GROUPBUY_VAR/orgs/ORG), the shared
# software configuration ($GROUPBUY_VAR/config) and logs. Sourced after scripts/env.sh and
# scripts/lib/{proc,hosts,config,consensus,ca,nodes}.sh.

org_known() { # org_known ORG: fails with what to do when ORG is not an org of the network
  local o
  for o in "${GROUPBUY_ALL_ORGS[@]}" "${GROUPBUY_JOINING_ORGS[@]}"; do [[ "$o" == "$1" ]] && return 0; done
  fail "unknown org '$1': expected one of ${GROUPBUY_ALL_ORGS[*]} ${GROUPBUY_JOINING_ORGS[*]}"
}

org_enrolled() { [[ -f "$(org_dir "$1")/.enrolled" ]]; }

org_init() { # org_init ORG: CA started, identities of network/cast.txt enrolled (once)
  local org="$1"
  write_config
  mkdir -p "$GROUPBUY_VAR/tmp"
  start_ca "$org"
  wait_ca "$org"
  if ! org_enrolled "$org"; then
    say "registering and enrolling the identities of $org"
    register_cast "$org"
  fi
  # a client on this machine reaches the new org's peer too
  [[ -f "$GROUPBUY_VAR/network.json" ]] && write_network_json
  return 0
}

org_start() { # org_start ORG: its CA, orderer (if it runs one) and peer started (not waited for)
  local org="$1"
  org_enrolled "$org" || fail "$org has no identities yet: run scripts/org.sh $org init first"
  [[ -s "$CFG/core.yaml" ]] || write_config
  start_ca "$org"
  if org_runs_orderer "$org"; then start_orderer "orderer0.$org"; fi
  start_peer "$org"
  local n; for n in $(added_peers "$org"); do start_peer "$org" "$n"; done
}

org_up() { # org_up ORG: started and healthy
  org_start "$1"
  wait_ca "$1"
  if org_runs_orderer "$1"; then wait_orderer "orderer0.$1"; fi
  wait_peer "$1"
  local n; for n in $(added_peers "$1"); do wait_peer "$1" "$n"; done
  say "$1 up: $(nodes_of "$1" | awk '$3 != "chaincode" {print $1}' | paste -sd, | sed 's/,/, /g') healthy"
}

org_down() { stop_nodes < <(nodes_of "$1"); }

pem_json() { jq -Rs . <"$1"; } # pem_json FILE -> the file's text as a JSON string

# org_orderers_json ORG -> the org's orderers as its definition lists them ([] for a peer-only org)
org_orderers_json() {
  local org="$1" node; node="$(org_dir "$org")/nodes"
  org_runs_orderer "$org" || { echo '[]'; return 0; }
  jq -n --arg ordName "$(orderer_name "orderer0.$org")" --arg ordHost "$(setting "$org" ORDERER_HOST)" \
    --argjson ordPort "$(setting "$org" ORDERER_PORT)" \
    --argjson ordIdentity "$(pem_json "$node/orderer0/msp/signcerts/cert.pem")" \
    --argjson ordTls "$(pem_json "$node/orderer0/tls/signcerts/cert.pem")" \
    '[{name: $ordName, host: $ordHost, port: $ordPort, identityCert: $ordIdentity, tlsCert: $ordTls}]'
}

# org_definition ORG -> the org's public definition (JSON): what the others need to admit it to a
# channel and reach its nodes; no private key
org_definition() {
  local org="$1"
  org_enrolled "$org" || fail "$org has no identities yet: run scripts/org.sh $org init first"
  jq -n --arg org "$org" --arg msp "$(org_msp "$org")" --arg domain "$GROUPBUY_DOMAIN" \
    --argjson root "$(pem_json "$(org_ca_cert "$org")")" \
    --arg peerName "$(peer_name "$org")" --arg peerHost "$(setting "$org" PEER_HOST)" --argjson peerPort "$(setting "$org" PEER_PORT)" \
    --argjson orderers "$(org_orderers_json "$org")" \
    --arg caHost "$(setting "$org" CA_HOST)" --argjson caPort "$(setting "$org" CA_PORT)" \
    '{format: "groupbuy-org/1", org: $org, mspId: $msp,
      rootCert: $root, tlsRootCert: $root,
      ca: {host: $caHost, port: $caPort},
      peers: [{name: $peerName, host: $peerHost, port: $peerPort}],
      anchorPeers: [{host: $peerHost, port: $peerPort}],
      orderers: $orderers}'
}

exchange_dir() { echo "$GROUPBUY_VAR/exchange"; } # where the orgs' definitions are handed over
org_export() { # org_export ORG [FILE]: writes the definition (default: $GROUPBUY_VAR/exchange/ORG.json)
  local org="$1" file="${2:-$(exchange_dir)/$1.json}"
  mkdir -p "$(dirname "$file")"
  # written before, and no certificate of the org changed since
  if [[ -s "$file" && -z "$(find "$(org_dir "$org")/msp" "$(org_dir "$org")/nodes" -newer "$file" -print -quit)" ]]; then
    echo "$file"; return 0
  fi
  org_definition "$org" >"$file.tmp" && mv "$file.tmp" "$file"
  echo "$file"
}

# ---------------------------------------------------------------- a peer added from a snapshot

# port_clashes ORG NODE -> the settings whose ports NODE's ports meet, here or on a network
# beside this one (offsets that differ by a multiple of 100 up to 900 run side by side); includes
# the ports derived from settings: kvbaseline's chaincode servers (+10) and peers' pprof (+2000)
port_clashes() {
  local org="$1" n="$2" v base mine=() others=() key p q d
  for key in PORT CC_PORT OPS_PORT; do mine+=("$(peer_setting "$org" "$n" "$key")"); done
  mine+=("$(peer_pprof_port "$org" "$n")")
  for v in $(compgen -v | grep -E '^[A-Z0-9]+_([A-Z0-9]+_)*PORT$' | grep -v '^GROUPBUY_'); do
    [[ "$v" == "${org^^}_${n^^}_"* ]] && continue
    base=${!v}; [[ "$base" =~ ^[0-9]+$ ]] || continue
    others+=("$v=$base")
    [[ "$v" == *_CCAAS_PORT ]] && others+=("$v+10=$((base + 10))")
    [[ "$v" == *PEER*_OPS_PORT ]] && others+=("$v+2000=$((base + 2000))")
  done
  for p in "${mine[@]}"; do
    for q in "${others[@]}"; do
      d=$(( p - ${q##*=} )); d=${d#-}
      ((d % 100 == 0 && d < 1000)) && echo "$p meets ${q%=*} (${q##*=})"
    done
  done
  return 0
}

# enroll_added_peer ORG NODE: NODE registered at ORG's CA, its MSP and its TLS certificate for its
# own host name (NODE.ORG.DOMAIN) and address enrolled in nodes/NODE (once)
enroll_added_peer() {
  local org="$1" n="$2" dir; dir="$(org_dir "$1")/nodes/$2"
  [[ -s "$dir/tls/signcerts/cert.pem" ]] && return 0
  ca_registrar "$org"
  # registered by an earlier run that stopped before the enrolment: the register is refused, the
  # enrolment below then tells whether the secret still holds
  ca_run "$org" "$(ca_registrar_home "$org")" register --id.name "$n" --id.secret "${n}pw" --id.type peer -u "$(ca_url "$org")" || true
  enroll "$org" "$n" "${n}pw" "$dir/msp"
  enroll "$org" "$n" "${n}pw" "$dir/tls" tls "$(peer_name "$org" "$n"),localhost,127.0.0.1,$(peer_setting "$org" "$n" HOST)"
}

# install_deployed_chaincodes ORG NODE: the package of every deployed chaincode installed on NODE
# (the chaincode definition arrives with the ledger; the package is each peer's own)
install_deployed_chaincodes() {
  local org="$1" n="$2" f NAME VERSION PACKAGE_ID pkg
  for f in "$GROUPBUY_VAR"/chaincode/*/deployed.env; do
    [[ -e "$f" ]] || continue
    # shellcheck disable=SC1090
    source "$f"
    pkg="$(dirname "$f")/pkg/${NAME}_${VERSION}.tar.gz"
    as_peer_admin "$org" "$n" lifecycle chaincode queryinstalled --output json 2>/dev/null \
      | jq -e --arg id "$PACKAGE_ID" '.installed_chaincodes // [] | any(.package_id == $id)' >/dev/null && continue
    say "installing ${NAME}_$VERSION on $n.$org"
    as_peer_admin "$org" "$n" lifecycle chaincode install "$pkg" >/dev/null \
      || fail "install of $pkg on $n.$org failed (log: $GB_LOGS/peer-cli.log)"
  done
}

caught_up_with() { # caught_up_with ORG NODE OTHER: NODE's height is OTHER's (both of ORG)
  local h; h=$(peer_height "$1" "$2"); [[ -n "$h" && "$h" == "$(peer_height "$1" "$3")" ]]
}

# org_add_peer ORG NODE [BLOCK]: a new peer NODE of ORG, joined from a snapshot of peer0's ledger at
# BLOCK (default: peer0's last block), caught up with peer0 (idempotent: a joined NODE is started)
org_add_peer() {
  local org="$1" n="$2" block="${3:-}" clashes b snap count
  org_enrolled "$org" || fail "$org has no identities yet: run scripts/org.sh $org init first"
  [[ "$n" =~ ^peer[1-9][0-9]*$ ]] || fail "'$n' is not the name of an added peer: peer1, peer2, ..."
  local key var; for key in HOST PORT CC_PORT OPS_PORT; do
    var="${org^^}_${n^^}_$key"; [[ -n "${!var:-}" ]] \
      || fail "no host and ports are set aside for $n of $org: add ${org^^}_${n^^}_HOST, _PORT, _CC_PORT and _OPS_PORT to network/settings.env (COMMITTEE_PEER1_* is the model)"
  done
  clashes=$(port_clashes "$org" "$n" | paste -sd';' | sed 's/;/; /g')
  [[ -z "$clashes" ]] || fail "the ports of $n.$org clash with others (here or on a network at an offset 100..900 apart): $clashes; choose others in network/settings.env"
  is_running "peer0.$org" || fail "peer0.$org is not running; start the network first (scripts/network.sh up)"
  [[ -z "$block" || "$block" =~ ^[0-9]+$ ]] || fail "--block wants a block number, not '$block'"
  start_ca "$org"; wait_ca "$org"
  enroll_added_peer "$org" "$n"
  touch "$(org_dir "$org")/nodes/$n/added"   # from now on, network.sh up/down/status know it
  start_peer "$org" "$n"; wait_peer "$org" "$n"
  if peer_joined "$org" "$n"; then
    say "$n.$org is joined to '$GROUPBUY_CHANNEL' already"
  else
    b=$(snapshot_request "$org" peer0 "$block")
    say "snapshot of '$GROUPBUY_CHANNEL' at block $b requested on peer0.$org; waiting for it"
    snapshot_wait "$org" peer0 "$b"
    snap=$(snapshot_receive "$org" "$b" peer0)
    count=$(snapshot_verify "$snap")
    say "snapshot at block $b copied to $snap, its $count files match the SHA-256 of its metadata; joining $n.$org from it"
    join_by_snapshot "$org" "$n" "$snap"
  fi
  install_deployed_chaincodes "$org" "$n"
  wait_for_node "$n.$org" 120 "caught up with peer0.$org" caught_up_with "$org" "$n" peer0
  say "$n.$org is in '$GROUPBUY_CHANNEL', joined from a snapshot: height $(peer_height "$org" "$n"), the same as peer0.$org"
}

# org_remove_peer ORG NODE: NODE stopped, its ledger and snapshot copies deleted; its keys kept (a
# later add-peer joins it again from a new snapshot)
org_remove_peer() {
  local org="$1" n="$2"
  [[ "$n" =~ ^peer[1-9][0-9]*$ ]] || fail "'$n' is not the name of an added peer: peer1, peer2, ... (peer0 is not removed this way)"
  stop_processes "$n.$org"
  rm -rf "$(node_data "$org" "$n")" "$(org_dir "$org")/snapshots"
  rm -f "$(org_dir "$org")/nodes/$n/added"
}
