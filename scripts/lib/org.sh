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
}

org_up() { # org_up ORG: started and healthy
  org_start "$1"
  wait_ca "$1"
  if org_runs_orderer "$1"; then wait_orderer "orderer0.$1"; fi
  wait_peer "$1"
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
