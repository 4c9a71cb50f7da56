#!/usr/bin/env bash
# Starts, stops and reports the GroupBuy Ledger network: each of the five party orgs runs a
# Fabric CA, an orderer (SmartBFT, or Raft with GROUPBUY_CONSENSUS=raft) and a peer; the channel;
# and (when deployed) the chaincode servers.
set -euo pipefail

GB_SCRIPT=network
usage() {
  cat <<'USAGE'
Usage: scripts/network.sh COMMAND [options]

Commands:
  up        build Fabric if needed, create identities and the channel on first use, start every
            node that is not running and wait until all are healthy (idempotent)
  down      stop every process the network started; keeps all data (up brings the same ledger back)
  status    every node with pid, listen and operations address, health, channel height per peer,
            and the memory of the whole network;  --json for the same as JSON
  orderers  the ordering service as the channel's newest config block defines it (fetched and
            decoded with configtxlator): consensus type, each consenter's id, address and MSP,
            and the BlockValidation policy;  --json for the same as JSON
  clean     down, then delete everything generated (certificates, ledgers, logs) under var/
  help      this text (also: COMMAND --help)

Settings: network/settings.env (hosts, ports, channel, consensus, block cutting); every value can
be overridden from the environment. GROUPBUY_CONSENSUS=bft (default) or raft chooses the ordering
protocol when the channel is created. Generated material: var/ (GROUPBUY_VAR). Logs: var/logs/.
USAGE
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""  # "" so that env.sh does not see this script's arguments
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/consensus.sh
source "$here/lib/consensus.sh"

CAST="$GROUPBUY_ROOT/network/cast.txt"
CFG="$GROUPBUY_VAR/config"
CHANNEL_BLOCK="$GROUPBUY_VAR/channel/$GROUPBUY_CHANNEL.block"
GROUPBUY_CHANNEL_CAPABILITY="${GROUPBUY_CHANNEL_CAPABILITY:-V3_0}"

need_tools() {
  local t missing=()
  for t in curl jq openssl envsubst perl setsid; do command -v "$t" >/dev/null || missing+=("$t"); done
  ((${#missing[@]} == 0)) || fail "missing tools: ${missing[*]} (on Debian: apt-get install -y curl jq openssl gettext-base perl util-linux)"
  if [[ ! -x "$FABRIC_HOME/bin/peer" || ! -x "$FABRIC_HOME/bin/fabric-ca-server" || ! -f "$FABRIC_HOME/config/core.yaml" ]]; then
    say "Fabric binaries not found in $FABRIC_HOME; building them (takes a few minutes the first time)"
    "$here/install-fabric.sh"
  fi
}

# ---------------------------------------------------------------- configuration files
write_config() {
  mkdir -p "$CFG" "$GROUPBUY_VAR/channel"
  # Fabric's sample configuration, with the external builder for chaincode-as-a-service
  # pointed at ours; every other setting is overridden per node with environment variables.
  perl -0pe 's{externalBuilders:.*?\n\s*\n}{externalBuilders:\n       - name: ccaas\n         path: '"$GROUPBUY_ROOT"'/network/ccaas-builder\n         propagateEnvironment:\n           - GROUPBUY_CCAAS_ADDRESSES\n           - GROUPBUY_CCAAS_ROOT_CERT\n\n}s' \
    "$FABRIC_HOME/config/core.yaml" \
    | sed 's#^\([[:space:]]*endpoint:\) unix:///var/run/docker.sock#\1 ""#' >"$CFG/core.yaml"
  # (no Docker here: an empty vm.endpoint turns off Docker and its health check; an empty
  # CORE_VM_ENDPOINT in the environment would be ignored)
  grep -q 'network/ccaas-builder' "$CFG/core.yaml" || fail "could not configure the ccaas external builder in core.yaml"
  ! grep -q '^[[:space:]]*endpoint: unix:///var/run/docker.sock' "$CFG/core.yaml" \
    || fail "could not turn off Docker (vm.endpoint) in core.yaml; has the sample core.yaml of $FABRIC_LABEL changed?"
  grep -q 'name: TimeWindowCheck' "$CFG/core.yaml" \
    || fail "core.yaml of $FABRIC_LABEL has no TimeWindowCheck auth filter; the peers would not check proposal times"
  cp "$FABRIC_HOME/config/orderer.yaml" "$CFG/orderer.yaml"
  mkdir -p "$CFG/channel"
  export GROUPBUY_VAR GROUPBUY_CHANNEL_CAPABILITY GROUPBUY_BATCH_TIMEOUT GROUPBUY_MAX_MESSAGE_COUNT GROUPBUY_ORDERER_TYPE
  GROUPBUY_ORDERER_TYPE=$(consensus_type "$GROUPBUY_CONSENSUS")
  local v; for v in $(compgen -v | grep -E '^(LEADER|SUPPLIER|COURIER|COMMITTEE|REGULATOR)_'); do export "${v?}"; done
  envsubst <"$GROUPBUY_ROOT/network/configtx.yaml" >"$CFG/channel/configtx.yaml"
}

consensus_type() { case "$1" in bft) echo BFT ;; raft) echo etcdraft ;; esac; }

write_network_json() {
  local org json='{}'
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do
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

# ---------------------------------------------------------------- certificate authorities
# ca_url, ca_client, ca_register, enroll, enroll_user, write_nodeous (shared with identity.sh)
# shellcheck source=lib/ca.sh
source "$here/lib/ca.sh"

start_ca() {
  local org="$1" home; home="$(org_dir "$org")/ca"
  mkdir -p "$home"
  local host; host=$(setting "$org" CA_HOST)
  ensure_ports_free "ca.$org" "$host:$(setting "$org" CA_PORT)" "$host:$(setting "$org" CA_OPS_PORT)"
  FABRIC_CA_SERVER_HOME="$home" start_process "ca.$org" \
    fabric-ca-server start -b "$CA_BOOTSTRAP" --home "$home" --ca.name "ca-$org" \
      --csr.cn "ca.$org.$GROUPBUY_DOMAIN" --csr.hosts "localhost,127.0.0.1,$host,ca.$org.$GROUPBUY_DOMAIN" \
      --tls.enabled --address "$host" --port "$(setting "$org" CA_PORT)" \
      --operations.listenaddress "$host:$(setting "$org" CA_OPS_PORT)"
}

wait_ca() {
  local org="$1"
  wait_healthy "ca.$org" "http://$(setting "$org" CA_HOST):$(setting "$org" CA_OPS_PORT)/healthz" 60
  wait_until 30 "ca.$org cert" test -s "$(org_ca_cert "$org")" || fail "ca.$org wrote no ca-cert.pem"
}

register_cast() { # register_cast ORG: registers and enrolls every identity of ORG from cast.txt
  local org="$1"
  ca_registrar "$org"
  local o name type role community secret dir hosts
  while read -r o name type role community; do
    [[ "$o" == "$org" ]] || continue
    secret="${name}pw"
    ca_register "$org" "$name" "$secret" "$type" "$role" "$community"
    case "$type" in
      peer|orderer)
        dir="$(org_dir "$org")/nodes/$name"
        if [[ "$type" == peer ]]; then
          hosts="$(peer_name "$org"),localhost,127.0.0.1,$(setting "$org" PEER_HOST)"
        else
          hosts="$(orderer_name "orderer0.$org"),localhost,127.0.0.1,$(setting "$org" ORDERER_HOST)"
        fi
        enroll "$org" "$name" "$secret" "$dir/msp"
        enroll "$org" "$name" "$secret" "$dir/tls" tls "$hosts" ;;
      *) enroll_user "$org" "$name" "$secret" "$type" ;;
    esac
  done < <(grep -vE '^\s*(#|$)' "$CAST")
  # the TLS server certificate of this org's chaincode server(s)
  ca_register "$org" ccaas ccaaspw client - -
  enroll "$org" ccaas ccaaspw "$(org_dir "$org")/ccaas/tls" tls "localhost,127.0.0.1,$(setting "$org" CCAAS_HOST)"
  # the org's MSP as the channel sees it
  local msp; msp="$(org_dir "$org")/msp"
  mkdir -p "$msp/cacerts" "$msp/tlscacerts"
  cp "$(org_ca_cert "$org")" "$msp/cacerts/ca.pem"
  cp "$(org_ca_cert "$org")" "$msp/tlscacerts/ca.pem"
  write_nodeous "$msp"
  touch "$(org_dir "$org")/.enrolled"
}

# ---------------------------------------------------------------- orderers and peers
# every org's CA certificate, comma-separated: the TLS roots an orderer accepts from the others
all_ca_certs() { local org out=(); for org in "${GROUPBUY_PEER_ORGS[@]}"; do out+=("$(org_ca_cert "$org")"); done; (IFS=,; echo "${out[*]}"); }

orderer_env() { # orderer_env NAME: exports the settings of orderer NAME (orderer0.ORG)
  local n="$1" org; org=$(orderer_org "$1")
  local node; node="$(org_dir "$org")/nodes/orderer0"
  local ca; ca=$(org_ca_cert "$org")
  local host; host=$(orderer_setting "$n" HOST)
  export FABRIC_CFG_PATH="$CFG"
  export FABRIC_LOGGING_SPEC="${GROUPBUY_ORDERER_LOGGING:-INFO}"
  export ORDERER_GENERAL_LISTENADDRESS="$host"
  export ORDERER_GENERAL_LISTENPORT; ORDERER_GENERAL_LISTENPORT=$(orderer_setting "$n" PORT)
  export ORDERER_GENERAL_LOCALMSPID; ORDERER_GENERAL_LOCALMSPID=$(org_msp "$org")
  export ORDERER_GENERAL_LOCALMSPDIR="$node/msp"
  export ORDERER_GENERAL_BOOTSTRAPMETHOD=none
  export ORDERER_GENERAL_AUTHENTICATION_TIMEWINDOW="$GROUPBUY_TIME_WINDOW"
  export ORDERER_GENERAL_TLS_ENABLED=true
  export ORDERER_GENERAL_TLS_PRIVATEKEY="$node/tls/keystore/key.pem"
  export ORDERER_GENERAL_TLS_CERTIFICATE="$node/tls/signcerts/cert.pem"
  export ORDERER_GENERAL_TLS_ROOTCAS; ORDERER_GENERAL_TLS_ROOTCAS="[$(all_ca_certs)]"
  export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$node/tls/signcerts/cert.pem"
  export ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$node/tls/keystore/key.pem"
  export ORDERER_GENERAL_CLUSTER_ROOTCAS="$ORDERER_GENERAL_TLS_ROOTCAS"
  export ORDERER_CHANNELPARTICIPATION_ENABLED=true
  export ORDERER_ADMIN_LISTENADDRESS; ORDERER_ADMIN_LISTENADDRESS="$host:$(orderer_setting "$n" ADMIN_PORT)"
  export ORDERER_ADMIN_TLS_ENABLED=true
  export ORDERER_ADMIN_TLS_CERTIFICATE="$node/tls/signcerts/cert.pem"
  export ORDERER_ADMIN_TLS_PRIVATEKEY="$node/tls/keystore/key.pem"
  export ORDERER_ADMIN_TLS_ROOTCAS="[$ca]"
  # only this org's admin may join or remove this org's orderer
  export ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
  export ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$ca]"
  export ORDERER_FILELEDGER_LOCATION="$GROUPBUY_VAR/nodes/$n/ledger"
  # write-ahead log and snapshots of the consensus (etcdraft and SmartBFT both use WALDir)
  export ORDERER_CONSENSUS_WALDIR="$GROUPBUY_VAR/nodes/$n/consensus/wal"
  export ORDERER_CONSENSUS_SNAPDIR="$GROUPBUY_VAR/nodes/$n/consensus/snapshot"
  export ORDERER_OPERATIONS_LISTENADDRESS; ORDERER_OPERATIONS_LISTENADDRESS="$host:$(orderer_setting "$n" OPS_PORT)"
  export ORDERER_METRICS_PROVIDER=prometheus
}

peer_env() { # peer_env ORG: exports the peer's settings
  local org="$1" node; node="$(org_dir "$org")/nodes/peer0"
  local host port; host=$(setting "$org" PEER_HOST); port=$(setting "$org" PEER_PORT)
  export FABRIC_CFG_PATH="$CFG"
  export FABRIC_LOGGING_SPEC="${GROUPBUY_PEER_LOGGING:-INFO}"
  export CORE_PEER_ID; CORE_PEER_ID=$(peer_name "$org")
  export CORE_PEER_ADDRESS="$host:$port"
  export CORE_PEER_LISTENADDRESS="$host:$port"
  export CORE_PEER_CHAINCODEADDRESS="$host:$(setting "$org" PEER_CC_PORT)"
  export CORE_PEER_CHAINCODELISTENADDRESS="$host:$(setting "$org" PEER_CC_PORT)"
  export CORE_PEER_GOSSIP_BOOTSTRAP="$host:$port"
  export CORE_PEER_GOSSIP_EXTERNALENDPOINT="$host:$port"
  # retry unreachable peers (other orgs' anchor peers still starting) every 5 s, not every 25 s
  export CORE_PEER_GOSSIP_RECONNECTINTERVAL=5s
  export CORE_PEER_LOCALMSPID; CORE_PEER_LOCALMSPID=$(org_msp "$org")
  # TimeWindowCheck (an auth filter of core.yaml): proposals whose timestamp is further than this
  # from the peer's clock are refused before endorsement
  export CORE_PEER_AUTHENTICATION_TIMEWINDOW="$GROUPBUY_TIME_WINDOW"
  export CORE_PEER_MSPCONFIGPATH="$node/msp"
  export CORE_PEER_TLS_ENABLED=true
  export CORE_PEER_TLS_CERT_FILE="$node/tls/signcerts/cert.pem"
  export CORE_PEER_TLS_KEY_FILE="$node/tls/keystore/key.pem"
  export CORE_PEER_TLS_ROOTCERT_FILE; CORE_PEER_TLS_ROOTCERT_FILE=$(org_ca_cert "$org")
  export CORE_PEER_FILESYSTEMPATH="$GROUPBUY_VAR/nodes/peer0.$org"
  export CORE_LEDGER_STATE_STATEDATABASE=goleveldb
  export CORE_LEDGER_SNAPSHOTS_ROOTDIR="$GROUPBUY_VAR/nodes/peer0.$org/snapshots"
  export CORE_OPERATIONS_LISTENADDRESS="$host:$(setting "$org" PEER_OPS_PORT)"
  export CORE_METRICS_PROVIDER=prometheus
  export CORE_CHAINCODE_EXECUTETIMEOUT="${GROUPBUY_CHAINCODE_EXECUTETIMEOUT:-30s}"
  # read by our ccaas builder: where this org's chaincode servers listen, and their TLS root
  export GROUPBUY_CCAAS_ADDRESSES; GROUPBUY_CCAAS_ADDRESSES="groupbuy=$(setting "$org" CCAAS_HOST):$(setting "$org" CCAAS_PORT),kvbaseline=$(setting "$org" CCAAS_HOST):$(( $(setting "$org" CCAAS_PORT) + 10 ))"
  export GROUPBUY_CCAAS_ROOT_CERT; GROUPBUY_CCAAS_ROOT_CERT=$(org_ca_cert "$org")
}

start_orderer() { ( orderer_env "$1"
  ensure_ports_free "$1" "$(orderer_address "$1")" "$ORDERER_ADMIN_LISTENADDRESS" "$ORDERER_OPERATIONS_LISTENADDRESS"
  mkdir -p "$GROUPBUY_VAR/nodes/$1"; start_process "$1" orderer ); }
start_peer() { ( peer_env "$1"
  ensure_ports_free "peer0.$1" "$CORE_PEER_LISTENADDRESS" "$CORE_PEER_CHAINCODELISTENADDRESS" "$CORE_OPERATIONS_LISTENADDRESS"
  mkdir -p "$GROUPBUY_VAR/nodes/peer0.$1"; start_process "peer0.$1" peer node start ); }

osnadmin_as_admin() { # osnadmin_as_admin ORDERER ARGS...: as the admin of the org that runs ORDERER
  local n="$1" org; shift; org=$(orderer_org "$n")
  local u; u="$(org_dir "$org")/users/admin/tls"
  osnadmin "$@" -o "$(orderer_setting "$n" HOST):$(orderer_setting "$n" ADMIN_PORT)" --ca-file "$(org_ca_cert "$org")" \
    --client-cert "$u/signcerts/cert.pem" --client-key "$u/keystore/key.pem"
}

# joined_orderer NAME: the admin endpoint answers and lists the channel (exit 1), or answers and
# does not (exit 2); not answering is never taken for "not joined" (exit 3)
joined_orderer() {
  local out
  out=$(osnadmin_as_admin "$1" channel list 2>&1) || return 3
  grep -q "\"$GROUPBUY_CHANNEL\"" <<<"$out" && return 0
  return 2
}
admin_endpoint_answers() { osnadmin_as_admin "$1" channel list >/dev/null 2>&1; }

create_channel() {
  if [[ ! -s "$CHANNEL_BLOCK" ]]; then
    say "creating the genesis block of channel '$GROUPBUY_CHANNEL' ($(consensus_type "$GROUPBUY_CONSENSUS"), capability $GROUPBUY_CHANNEL_CAPABILITY)"
    FABRIC_CFG_PATH="$CFG/channel" configtxgen -configPath "$CFG/channel" -profile CommunityChannel \
      -outputBlock "$CHANNEL_BLOCK" -channelID "$GROUPBUY_CHANNEL" >>"$GB_LOGS/configtxgen.log" 2>&1 \
      || { tail -n 5 "$GB_LOGS/configtxgen.log" >&2; fail "configtxgen failed (log: $GB_LOGS/configtxgen.log)"; }
    echo "$GROUPBUY_CONSENSUS" >"$GROUPBUY_VAR/channel/consensus"
  fi
  local n rc
  for n in "${GROUPBUY_ORDERERS[@]}"; do
    wait_until 60 "$n admin endpoint" admin_endpoint_answers "$n" \
      || fail "$n's admin endpoint $(orderer_setting "$n" HOST):$(orderer_setting "$n" ADMIN_PORT) did not answer within 60s (log: $GB_LOGS/$n.log)"
    rc=0; joined_orderer "$n" || rc=$?
    case $rc in
      0) ;;
      2) say "joining $n to channel '$GROUPBUY_CHANNEL'"
         osnadmin_as_admin "$n" channel join --channelID "$GROUPBUY_CHANNEL" --config-block "$CHANNEL_BLOCK" \
           >>"$GB_LOGS/osnadmin.log" 2>&1 || { tail -n 5 "$GB_LOGS/osnadmin.log" >&2; fail "$n could not join the channel (log: $GB_LOGS/osnadmin.log)"; } ;;
      *) fail "$n's admin endpoint stopped answering while the channel was being joined (log: $GB_LOGS/$n.log)" ;;
    esac
  done
}

join_peers() {
  local org
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do
    ( gb_use "$org"
      if ! peer channel list 2>/dev/null | grep -qx "$GROUPBUY_CHANNEL"; then
        say "joining peer0.$org to channel '$GROUPBUY_CHANNEL'"
        peer channel join -b "$CHANNEL_BLOCK" >>"$GB_LOGS/peer-cli.log" 2>&1 \
          || { tail -n 5 "$GB_LOGS/peer-cli.log" >&2; fail "peer0.$org could not join the channel"; }
      fi )
  done
}

# the ordering service needs a leader before the channel takes transactions
wait_consensus_leader() {
  wait_until 60 "a consensus leader" consensus_leader \
    || fail "no orderer leads channel '$GROUPBUY_CHANNEL' after 60s ($(channel_consensus)); see $GB_LOGS/orderer0.*.log"
  say "$(consensus_leader) leads the ordering of '$GROUPBUY_CHANNEL' ($(channel_consensus))"
}

# Each peer must know the other four through gossip before clients use it: the Gateway finds
# endorsers of other orgs (and the private data collection's members) that way.
wait_gossip() {
  local org url known want=$(( ${#GROUPBUY_PEER_ORGS[@]} - 1 )) deadline=$(( $(date +%s) + 90 ))
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do
    url="http://$(setting "$org" PEER_HOST):$(setting "$org" PEER_OPS_PORT)/metrics"
    while :; do
      known=$(curl -fsS --max-time 2 "$url" 2>/dev/null \
        | sed -n "s/^gossip_membership_total_peers_known{channel=\"$GROUPBUY_CHANNEL\"} \([0-9.e+]*\)$/\1/p" | head -n1)
      [[ -n "$known" ]] && (( $(printf '%.0f' "$known") >= want )) && break
      if (( $(date +%s) >= deadline )); then
        say "warning: peer0.$org knows ${known:-0} of $want other peers after 90 s; cross-org calls may fail until gossip settles"
        break
      fi
      sleep 0.5
    done
  done
  say "every peer knows the other $want through gossip"
}

# ---------------------------------------------------------------- commands
# The channel's config names the orderers' ports: data made on one GROUPBUY_PORT_OFFSET cannot
# be started on another (its peers would wait forever for orderers that are not there).
check_port_offset() {
  local file="$GROUPBUY_VAR/port-offset" recorded
  if [[ -f "$file" ]]; then
    recorded=$(<"$file")
    [[ "$recorded" == "$GROUPBUY_PORT_OFFSET" ]] || fail "the data in $GROUPBUY_VAR belongs to a network on" \
      "GROUPBUY_PORT_OFFSET=$recorded, not $GROUPBUY_PORT_OFFSET (its channel names those ports): start it with" \
      "GROUPBUY_PORT_OFFSET=$recorded, or choose another GROUPBUY_VAR, or delete it (scripts/network.sh clean)"
  fi
  mkdir -p "$GROUPBUY_VAR"
  echo "$GROUPBUY_PORT_OFFSET" >"$file"
}

# The channel's consensus is chosen once, when it is created.
check_consensus() {
  local recorded; recorded=$(channel_consensus)
  [[ "$recorded" == "$GROUPBUY_CONSENSUS" ]] || fail "the channel in $GROUPBUY_VAR runs $recorded, not" \
    "GROUPBUY_CONSENSUS=$GROUPBUY_CONSENSUS (a channel keeps the consensus it was created with): start it with" \
    "GROUPBUY_CONSENSUS=$recorded, or choose another GROUPBUY_VAR, or delete it (scripts/network.sh clean)"
}

cmd_up() {
  need_tools
  check_port_offset
  check_consensus
  local org n
  say "starting GroupBuy network (Fabric $FABRIC_LABEL, data in $GROUPBUY_VAR)"
  write_config
  mkdir -p "$GROUPBUY_VAR/tmp"
  for org in "${GROUPBUY_ALL_ORGS[@]}"; do start_ca "$org"; done
  for org in "${GROUPBUY_ALL_ORGS[@]}"; do wait_ca "$org"; done
  say "${#GROUPBUY_ALL_ORGS[@]} certificate authorities healthy"
  for org in "${GROUPBUY_ALL_ORGS[@]}"; do
    if [[ ! -f "$(org_dir "$org")/.enrolled" ]]; then
      say "registering and enrolling the identities of $org"
      register_cast "$org"
    fi
  done
  write_network_json
  for n in "${GROUPBUY_ORDERERS[@]}"; do start_orderer "$n"; done
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do start_peer "$org"; done
  for n in "${GROUPBUY_ORDERERS[@]}"; do
    wait_healthy "$n" "http://$(orderer_setting "$n" HOST):$(orderer_setting "$n" OPS_PORT)/healthz" 60
  done
  say "${#GROUPBUY_ORDERERS[@]} orderers healthy"
  create_channel
  wait_consensus_leader
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do
    wait_healthy "peer0.$org" "http://$(setting "$org" PEER_HOST):$(setting "$org" PEER_OPS_PORT)/healthz" 60
  done
  say "5 peers healthy"
  join_peers
  wait_gossip
  if [[ -x "$here/deploy-chaincode.sh" ]] && compgen -G "$GROUPBUY_VAR/chaincode/*/deployed.env" >/dev/null; then
    "$here/deploy-chaincode.sh" --start-servers
  fi
  say "network up: channel '$GROUPBUY_CHANNEL' on ${#GROUPBUY_ORDERERS[@]} orderers ($(channel_consensus)) and ${#GROUPBUY_PEER_ORGS[@]} peers (status: scripts/network.sh status)"
}

all_nodes() { # prints: name org kind
  local org n f
  for org in "${GROUPBUY_ALL_ORGS[@]}"; do echo "ca.$org $org ca"; done
  for n in "${GROUPBUY_ORDERERS[@]}"; do echo "$n $(orderer_org "$n") orderer"; done
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do echo "peer0.$org $org peer"; done
  for f in "$GB_RUN"/ccaas.*.pid; do
    [[ -e "$f" ]] || continue
    n=$(basename "$f" .pid); echo "$n ${n##*.} chaincode"
  done
}

cmd_down() {
  local name org kind
  local chaincode=() peers=() orderers=() cas=()
  while read -r name org kind; do
    is_running "$name" || continue
    case "$kind" in
      chaincode) chaincode+=("$name") ;; peer) peers+=("$name") ;;
      orderer) orderers+=("$name") ;; ca) cas+=("$name") ;;
    esac
  done < <(all_nodes)
  # peers and their chaincode servers first, the orderers next, the CAs last; each tier at once
  if ((${#chaincode[@]} + ${#peers[@]})); then say "stopping ${chaincode[*]} ${peers[*]}"; stop_processes "${chaincode[@]}" "${peers[@]}"; fi
  if ((${#orderers[@]})); then say "stopping ${orderers[*]}"; stop_processes "${orderers[@]}"; fi
  if ((${#cas[@]})); then say "stopping ${cas[*]}"; stop_processes "${cas[@]}"; fi
  say "network down (data kept in $GROUPBUY_VAR; 'scripts/network.sh up' brings it back)"
}

cmd_clean() {
  cmd_down
  [[ "$GROUPBUY_VAR" == */var || -n "${GROUPBUY_FORCE_CLEAN:-}" ]] || fail "refusing to delete '$GROUPBUY_VAR' (not a folder named var); set GROUPBUY_FORCE_CLEAN=1"
  rm -rf "$GROUPBUY_VAR"
  say "deleted $GROUPBUY_VAR"
}

node_status_json() { # node_status_json NAME ORG KIND -> one JSON object
  local name="$1" org="$2" kind="$3" pid="" listen="" ops="" healthy=false height=null rss=0 role=""
  case "$kind" in
    ca) listen="$(setting "$org" CA_HOST):$(setting "$org" CA_PORT)"; ops="$(setting "$org" CA_HOST):$(setting "$org" CA_OPS_PORT)" ;;
    orderer) listen="$(orderer_address "$name")"; ops="$(orderer_setting "$name" HOST):$(orderer_setting "$name" OPS_PORT)" ;;
    peer) listen="$(peer_address "$org")"; ops="$(setting "$org" PEER_HOST):$(setting "$org" PEER_OPS_PORT)" ;;
    chaincode) listen=$(cat "$GB_RUN/$name.addr" 2>/dev/null || true) ;;
  esac
  if pid=$(pid_of "$name"); then
    rss=$(rss_kb "$pid")
    if [[ -n "$ops" ]]; then
      http_ok "http://$ops/healthz" && healthy=true
    else
      # a chaincode server is healthy when it accepts connections
      (exec 3<>"/dev/tcp/${listen%:*}/${listen##*:}") 2>/dev/null && healthy=true
    fi
    if [[ "$kind" == peer && "$healthy" == true ]]; then
      height=$(peer_height "$org")
      height=${height:-null}
    elif [[ "$kind" == orderer && "$healthy" == true ]]; then
      height=$(orderer_height "$name"); height=${height:-null}
      role=$(orderer_role "$name")
    fi
  else
    pid=""
  fi
  jq -nc --arg name "$name" --arg org "$org" --arg kind "$kind" --arg pid "$pid" --arg listen "$listen" \
    --arg ops "$ops" --argjson healthy "$healthy" --argjson height "$height" --argjson rss "$rss" --arg role "$role" \
    '{name: $name, org: $org, kind: $kind, pid: (if $pid == "" then null else ($pid|tonumber) end),
      listen: $listen, operations: (if $ops == "" then null else $ops end), healthy: $healthy,
      rssKiB: $rss} + (if $kind == "peer" then {height: $height} else {} end)
      + (if $kind == "orderer" then {height: $height, role: (if $role == "" then null else $role end)} else {} end)'
}

cmd_status() {
  local as_json=0
  [[ "${1:-}" == "--json" ]] && as_json=1
  local nodes name org kind
  nodes=$(while read -r name org kind; do node_status_json "$name" "$org" "$kind"; done < <(all_nodes) | jq -s '.')
  local summary
  summary=$(jq --arg ch "$GROUPBUY_CHANNEL" --arg cons "$(channel_consensus)" '{channel: $ch, consensus: $cons,
      nodes: .,
      healthy: ([.[] | select(.healthy)] | length), total: length,
      heights: ([.[] | select(.kind == "peer") | .height] | unique),
      rssMiB: (([.[] | .rssKiB] | add) / 1024 | floor)}' <<<"$nodes")
  if ((as_json)); then
    echo "$summary"
  else
    jq -r '.nodes[] | [.name, .org, .kind, (.pid // "-" | tostring), .listen, (.operations // "-"),
        (if .healthy then "healthy" elif .pid then "UNHEALTHY" else "stopped" end),
        (.role // (if .kind == "peer" then "peer" else "-" end)),
        (if .kind == "peer" or .kind == "orderer" then (.height // "-" | tostring) else "" end),
        ((.rssKiB / 1024 | floor | tostring) + " MiB")] | @tsv' <<<"$summary" \
      | (printf 'NAME\tORG\tKIND\tPID\tLISTEN\tOPERATIONS\tHEALTH\tROLE\tHEIGHT\tRSS\n'; cat) | column -t -s $'\t'
    jq -r '"\(.healthy)/\(.total) healthy; channel \(.channel) (\(.consensus)) peer heights \(.heights | map(tostring) | join(",")); memory of the whole network \(.rssMiB) MiB"' <<<"$summary"
  fi
  # exit 1 when something that should run is not healthy
  jq -e '.healthy == .total' <<<"$summary" >/dev/null
}

# The ordering service as the channel config says it is, not as the settings say it should be.
cmd_orderers() {
  local as_json=0; [[ "${1:-}" == "--json" ]] && as_json=1
  local work="$GROUPBUY_VAR/tmp/orderers"; mkdir -p "$work"
  ( gb_use leader admin
    peer channel fetch config "$work/config_block.pb" -c "$GROUPBUY_CHANNEL" -o "$ORDERER_ADDRESS" \
      --ordererTLSHostnameOverride "$ORDERER_HOST_ALIAS" --tls --cafile "$ORDERER_CA" >"$work/fetch.log" 2>&1 ) \
    || { tail -n 3 "$work/fetch.log" >&2; fail "could not fetch the config block of '$GROUPBUY_CHANNEL' (is the network up?)"; }
  configtxlator proto_decode --type common.Block --input "$work/config_block.pb" --output "$work/config_block.json" \
    || fail "configtxlator could not decode $work/config_block.pb"
  local summary
  summary=$(jq '.data.data[0].payload.data.config.channel_group.groups.Orderer as $o
    | ($o.values.ConsensusType.value) as $ct
    | {channel: .data.data[0].payload.header.channel_header.channel_id, configBlock: (.header.number | tonumber),
       consensusType: $ct.type, state: $ct.value.state,
       consenters: (if $ct.type == "BFT" then [$o.values.Orderers.value.consenter_mapping[] | {id, host, port, msp: .msp_id}]
                    else [$ct.metadata.consenters[] | {host, port}] end),
       ordererOrgs: ($o.groups | keys),
       blockValidation: ($o.policies.BlockValidation.policy
         | if .type == 1 then "\(.value.rule.n_out_of.n) of \(.value.identities | length) signatures" else "implicit \(.value.rule) \(.value.sub_policy)" end)}' \
    "$work/config_block.json")
  if ((as_json)); then echo "$summary"; return; fi
  jq -r '"channel \(.channel) (config block \(.configBlock)): consensus \(.consensusType), \(.consenters | length) consenters, block validation \(.blockValidation)",
    (.consenters[] | "  consenter \(.id // "-") \(.host):\(.port) \(.msp // "")"),
    "  orderer orgs: \(.ordererOrgs | join(", "))"' <<<"$summary"
}

case "${1:-help}" in
  up) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_up ;;
  down) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_down ;;
  status) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_status "$@" ;;
  orderers) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_orderers "$@" ;;
  clean) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_clean ;;
  help|-h|--help) usage ;;
  *) echo "network.sh: unknown command '$1'" >&2; usage >&2; exit 2 ;;
esac
