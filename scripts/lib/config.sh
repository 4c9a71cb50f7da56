#!/usr/bin/env bash
# The configuration files every node and the peer CLI read: core.yaml and orderer.yaml (Fabric's
# samples, adjusted), the channel's configtx.yaml, and network.json for the Java client. They are
# the same on every host (software, not an org's data). Sourced after scripts/env.sh and
# scripts/lib/proc.sh.

CFG="$GROUPBUY_VAR/config"
GROUPBUY_CHANNEL_CAPABILITY="${GROUPBUY_CHANNEL_CAPABILITY:-V3_0}"

need_tools() {
  local t missing=()
  for t in curl jq openssl envsubst perl setsid; do command -v "$t" >/dev/null || missing+=("$t"); done
  ((${#missing[@]} == 0)) || fail "missing tools: ${missing[*]} (on Debian: apt-get install -y curl jq openssl gettext-base perl util-linux)"
  if [[ ! -x "$FABRIC_HOME/bin/peer" || ! -x "$FABRIC_HOME/bin/fabric-ca-server" || ! -f "$FABRIC_HOME/config/core.yaml" ]]; then
    say "Fabric binaries not found in $FABRIC_HOME; building them (takes a few minutes the first time)"
    "$GROUPBUY_ROOT/scripts/install-fabric.sh"
  fi
}

consensus_type() { case "$1" in bft) echo BFT ;; raft) echo etcdraft ;; esac; }

# write_config: core.yaml and orderer.yaml in $CFG, each replaced at once (a node starting beside
# may be reading it)
write_config() {
  mkdir -p "$CFG"
  # Fabric's sample configuration, with the external builder for chaincode-as-a-service
  # pointed at ours; every other setting is overridden per node with environment variables.
  perl -0pe 's{externalBuilders:.*?\n\s*\n}{externalBuilders:\n       - name: ccaas\n         path: '"$GROUPBUY_ROOT"'/network/ccaas-builder\n         propagateEnvironment:\n           - GROUPBUY_CCAAS_ADDRESSES\n           - GROUPBUY_CCAAS_ROOT_CERT\n\n}s' \
    "$FABRIC_HOME/config/core.yaml" \
    | sed 's#^\([[:space:]]*endpoint:\) unix:///var/run/docker.sock#\1 ""#' >"$CFG/core.yaml.new"
  # (no Docker here: an empty vm.endpoint turns off Docker and its health check; an empty
  # CORE_VM_ENDPOINT in the environment would be ignored)
  grep -q 'network/ccaas-builder' "$CFG/core.yaml.new" || fail "could not configure the ccaas external builder in core.yaml"
  ! grep -q '^[[:space:]]*endpoint: unix:///var/run/docker.sock' "$CFG/core.yaml.new" \
    || fail "could not turn off Docker (vm.endpoint) in core.yaml; has the sample core.yaml of $FABRIC_LABEL changed?"
  grep -q 'name: TimeWindowCheck' "$CFG/core.yaml.new" \
    || fail "core.yaml of $FABRIC_LABEL has no TimeWindowCheck auth filter; the peers would not check proposal times"
  mv "$CFG/core.yaml.new" "$CFG/core.yaml"
  cp "$FABRIC_HOME/config/orderer.yaml" "$CFG/orderer.yaml.new" && mv "$CFG/orderer.yaml.new" "$CFG/orderer.yaml"
}

# write_configtx: network/configtx.yaml with the settings filled in, in $CFG/channel; the org
# sections read the MSPs and orderer certificates that scripts/channel.sh unpacked from the orgs'
# public definitions
write_configtx() {
  mkdir -p "$CFG/channel"
  export GROUPBUY_VAR GROUPBUY_CHANNEL_CAPABILITY GROUPBUY_BATCH_TIMEOUT GROUPBUY_MAX_MESSAGE_COUNT GROUPBUY_ORDERER_TYPE
  GROUPBUY_ORDERER_TYPE=$(consensus_type "$GROUPBUY_CONSENSUS")
  local v; for v in $(compgen -v | grep -E '^(LEADER|SUPPLIER|COURIER|COMMITTEE|REGULATOR|FRESHFARM)_'); do export "${v?}"; done
  envsubst <"$GROUPBUY_ROOT/network/configtx.yaml" >"$CFG/channel/configtx.yaml"
}

write_network_json() { # what the Java client and the e2e tests connect to (a joining org once initialised)
  local org json='{}'
  for org in "${GROUPBUY_PEER_ORGS[@]}" "${GROUPBUY_JOINING_ORGS[@]}"; do
    org_runs_orderer "$org" || [[ -f "$(org_dir "$org")/.enrolled" ]] || continue
    json=$(jq --arg org "$org" --arg msp "$(org_msp "$org")" --arg ep "$(peer_address "$org")" \
      --arg alias "$(peer_name "$org")" --arg tls "$(org_ca_cert "$org")" \
      --arg users "$(org_dir "$org")/users" \
      '.orgs[$org] = {mspId: $msp, peerEndpoint: $ep, peerHostAlias: $alias, tlsRootCert: $tls, usersDir: $users}' <<<"$json")
  done
  jq --arg ch "$GROUPBUY_CHANNEL" --arg cc "$GROUPBUY_CHAINCODE" \
    --arg oep "$(orderer_address orderer0.leader)" --arg oca "$(org_ca_cert leader)" \
    '{channel: $ch, chaincode: $cc, orderer: {endpoint: $oep, tlsRootCert: $oca}} + .' <<<"$json" \
    >"$GROUPBUY_VAR/network.json"
}
