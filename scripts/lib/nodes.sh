#!/usr/bin/env bash
# An org's orderer and peer: their environments (every core.yaml / orderer.yaml setting that
# differs per node), start, health, and the status line of every node. Sourced after
# scripts/env.sh, scripts/lib/proc.sh, scripts/lib/hosts.sh and scripts/lib/config.sh.

# where a node keeps its ledger: inside its org's folder (what that org backs up)
node_data() { # node_data ORG peer0|orderer0
  echo "$(org_dir "$1")/data/$2"
}

# tls_roots ORG -> comma-separated TLS root certificates ORG's orderer accepts: its own CA's and
# those of the orgs whose definitions the channel unpacked (scripts/channel.sh create)
tls_roots() {
  local out=("$(org_ca_cert "$1")") f
  for f in "$GROUPBUY_VAR"/channel/orgs/*/msp/tlscacerts/ca.pem; do [[ -e "$f" ]] && out+=("$f"); done
  (IFS=,; echo "${out[*]}")
}

orderer_env() { # orderer_env NAME: exports the settings of orderer NAME (orderer0.ORG)
  local n="$1" org; org=$(orderer_org "$1")
  local node; node="$(org_dir "$org")/nodes/orderer0"
  local ca; ca=$(org_ca_cert "$org")
  local host; host=$(orderer_setting "$n" HOST)
  local data; data=$(node_data "$org" orderer0)
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
  export ORDERER_GENERAL_TLS_ROOTCAS; ORDERER_GENERAL_TLS_ROOTCAS="[$(tls_roots "$org")]"
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
  export ORDERER_FILELEDGER_LOCATION="$data/ledger"
  # write-ahead log and snapshots of the consensus (etcdraft and SmartBFT both use WALDir)
  export ORDERER_CONSENSUS_WALDIR="$data/consensus/wal"
  export ORDERER_CONSENSUS_SNAPDIR="$data/consensus/snapshot"
  export ORDERER_OPERATIONS_LISTENADDRESS; ORDERER_OPERATIONS_LISTENADDRESS="$host:$(orderer_setting "$n" OPS_PORT)"
  export ORDERER_METRICS_PROVIDER=prometheus
}

peer_env() { # peer_env ORG [NODE]: exports the settings of ORG's peer0 (or its added peer NODE)
  local org="$1" name="${2:-peer0}" node; node="$(org_dir "$org")/nodes/$name"
  local host port; host=$(peer_setting "$org" "$name" HOST); port=$(peer_setting "$org" "$name" PORT)
  local data; data=$(node_data "$org" "$name")
  export FABRIC_CFG_PATH="$CFG"
  export FABRIC_LOGGING_SPEC="${GROUPBUY_PEER_LOGGING:-INFO}"
  export CORE_PEER_ID; CORE_PEER_ID=$(peer_name "$org" "$name")
  export CORE_PEER_ADDRESS="$host:$port"
  export CORE_PEER_LISTENADDRESS="$host:$port"
  export CORE_PEER_CHAINCODEADDRESS="$host:$(peer_setting "$org" "$name" CC_PORT)"
  export CORE_PEER_CHAINCODELISTENADDRESS="$host:$(peer_setting "$org" "$name" CC_PORT)"
  # an added peer learns its org's other peers from peer0; every peer is known to the other orgs
  # by its external endpoint (which private data pulls and reconciliation need)
  export CORE_PEER_GOSSIP_BOOTSTRAP; CORE_PEER_GOSSIP_BOOTSTRAP=$(peer_address "$org")
  export CORE_PEER_GOSSIP_EXTERNALENDPOINT="$host:$port"
  if [[ "$name" != peer0 ]]; then
    # a peer joined from a snapshot has the hashes of the private data written before it, not the
    # data: its reconciler asks the collection's member peers for it, every this often (Fabric's
    # default is 1m; short so that the details arrive within seconds of the join)
    export CORE_PEER_GOSSIP_PVTDATA_RECONCILESLEEPINTERVAL="${GROUPBUY_RECONCILE_INTERVAL:-5s}"
  fi
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
  export CORE_PEER_FILESYSTEMPATH="$data"
  export CORE_LEDGER_STATE_STATEDATABASE=goleveldb
  export CORE_LEDGER_SNAPSHOTS_ROOTDIR="$data/snapshots"
  export CORE_OPERATIONS_LISTENADDRESS="$host:$(peer_setting "$org" "$name" OPS_PORT)"
  export CORE_METRICS_PROVIDER=prometheus
  # GROUPBUY_PEER_PPROF=1 (benchmarks only): Go's pprof on the operations port + 2000
  if [[ "${GROUPBUY_PEER_PPROF:-0}" == 1 ]]; then
    export CORE_PEER_PROFILE_ENABLED=true CORE_PEER_PROFILE_LISTENADDRESS="$host:$(peer_pprof_port "$org" "$name")"
  fi
  export CORE_CHAINCODE_EXECUTETIMEOUT="${GROUPBUY_CHAINCODE_EXECUTETIMEOUT:-30s}"
  # read by our ccaas builder: where this org's chaincode servers listen, and their TLS root
  local ccaas; ccaas=$(setting "$org" CCAAS_HOST)
  export GROUPBUY_CCAAS_ADDRESSES; GROUPBUY_CCAAS_ADDRESSES="groupbuy=$ccaas:$(ccaas_port "$org" groupbuy),kvbaseline=$ccaas:$(ccaas_port "$org" kvbaseline)"
  export GROUPBUY_CCAAS_ROOT_CERT; GROUPBUY_CCAAS_ROOT_CERT=$(org_ca_cert "$org")
}

start_orderer() { ( orderer_env "$1"
  ensure_ports_free "$1" "$(orderer_address "$1")" "$ORDERER_ADMIN_LISTENADDRESS" "$ORDERER_OPERATIONS_LISTENADDRESS"
  mkdir -p "$(node_data "$(orderer_org "$1")" orderer0)"
  GB_IN_NETNS=$(org_netns "$(orderer_org "$1")") start_process "$1" orderer ); }
start_peer() { ( local n="${2:-peer0}"; peer_env "$1" "$n"   # start_peer ORG [NODE]
  ensure_ports_free "$n.$1" "$CORE_PEER_LISTENADDRESS" "$CORE_PEER_CHAINCODELISTENADDRESS" "$CORE_OPERATIONS_LISTENADDRESS"
  mkdir -p "$(node_data "$1" "$n")"
  GB_IN_NETNS=$(org_netns "$1") start_process "$n.$1" peer node start ); }

orderer_ops() { echo "$(orderer_setting "$1" HOST):$(orderer_setting "$1" OPS_PORT)"; }  # orderer_ops NAME
peer_ops() { echo "$(peer_setting "$1" "${2:-peer0}" HOST):$(peer_setting "$1" "${2:-peer0}" OPS_PORT)"; } # peer_ops ORG [NODE]
wait_orderer() { wait_healthy "$1" "http://$(orderer_ops "$1")/healthz" 60; }            # wait_orderer NAME
wait_peer() { wait_healthy "${2:-peer0}.$1" "http://$(peer_ops "$1" "${2:-peer0}")/healthz" 60; } # wait_peer ORG [NODE]

nodes_of() { # nodes_of ORG -> lines 'name org kind' of the org's nodes (chaincode servers when started)
  local org="$1" f n
  echo "ca.$org $org ca"
  if org_runs_orderer "$org"; then echo "orderer0.$org $org orderer"; fi
  echo "peer0.$org $org peer"
  for n in $(added_peers "$org"); do echo "$n.$org $org peer"; done
  for f in "$GB_RUN"/ccaas.*."$org".pid; do
    [[ -e "$f" ]] || continue
    n=$(basename "$f" .pid); echo "$n $org chaincode"
  done
}

all_nodes() { # prints: name org kind, the CAs first, then orderers, peers, chaincode servers
  local kind org
  for kind in ca orderer peer chaincode; do
    for org in "${GROUPBUY_ALL_ORGS[@]}"; do nodes_of "$org"; done | awk -v k="$kind" '$3 == k'
    # a joining org's nodes when they run (started with scripts/org.sh ORG up)
    for org in "${GROUPBUY_JOINING_ORGS[@]}"; do running_nodes_of "$org"; done | awk -v k="$kind" '$3 == k'
  done
}
running_nodes_of() { # running_nodes_of ORG -> the lines of nodes_of ORG whose process runs
  local name org kind
  while read -r name org kind; do is_running "$name" && echo "$name $org $kind"; done < <(nodes_of "$1")
  return 0
}

stop_nodes() { # stop_nodes < lines 'name org kind': peers and chaincode servers, then orderers, then CAs
  local name org kind
  local chaincode=() peers=() orderers=() cas=()
  while read -r name org kind; do
    is_running "$name" || continue
    case "$kind" in
      chaincode) chaincode+=("$name") ;; peer) peers+=("$name") ;;
      orderer) orderers+=("$name") ;; ca) cas+=("$name") ;;
    esac
  done
  # each tier at once
  if ((${#chaincode[@]} + ${#peers[@]})); then say "stopping ${chaincode[*]} ${peers[*]}"; stop_processes "${chaincode[@]}" "${peers[@]}"; fi
  if ((${#orderers[@]})); then say "stopping ${orderers[*]}"; stop_processes "${orderers[@]}"; fi
  if ((${#cas[@]})); then say "stopping ${cas[*]}"; stop_processes "${cas[@]}"; fi
  return 0
}

node_status_json() { # node_status_json NAME ORG KIND -> one JSON object
  local name="$1" org="$2" kind="$3" pid="" listen="" ops="" healthy=false height=null rss=0 role=""
  case "$kind" in
    ca) listen="$(setting "$org" CA_HOST):$(setting "$org" CA_PORT)"; ops="$(setting "$org" CA_HOST):$(setting "$org" CA_OPS_PORT)" ;;
    orderer) listen="$(orderer_address "$name")"; ops=$(orderer_ops "$name") ;;
    peer) listen="$(peer_address "$org" "${name%%.*}")"; ops=$(peer_ops "$org" "${name%%.*}") ;;
    chaincode) listen=$(cat "$GB_RUN/$name.addr" 2>/dev/null || true) ;;
  esac
  if pid=$(pid_of "$name"); then
    rss=$(rss_kb "$pid")
    if [[ -n "$ops" ]]; then
      http_ok "http://$ops/healthz" && healthy=true
    else
      # a chaincode server is healthy when it accepts connections
      tcp_open "${listen%:*}" "${listen##*:}" && healthy=true
    fi
    if [[ "$kind" == peer && "$healthy" == true ]]; then
      height=$(peer_height "$org" "${name%%.*}")
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
    --arg host "$(org_netns "$org")" \
    '{name: $name, org: $org, kind: $kind, pid: (if $pid == "" then null else ($pid|tonumber) end),
      listen: $listen, operations: (if $ops == "" then null else $ops end), healthy: $healthy,
      rssKiB: $rss} + (if $host == "" then {} else {netns: $host} end)
      + (if $kind == "peer" then {height: $height} else {} end)
      + (if $kind == "orderer" then {height: $height, role: (if $role == "" then null else $role end)} else {} end)'
}

# show_status [--json] < lines 'name org kind': each node's pid, addresses, health, height, memory;
# exit 1 when one of them is not healthy
show_status() {
  local as_json=0
  [[ "${1:-}" == "--json" ]] && as_json=1
  local nodes name org kind
  nodes=$(while read -r name org kind; do node_status_json "$name" "$org" "$kind"; done | jq -s '.')
  local summary
  summary=$(jq --arg ch "$GROUPBUY_CHANNEL" --arg cons "$(channel_consensus)" --arg hosts "$(hosts_mode)" '{channel: $ch, consensus: $cons,
      hosts: $hosts,
      orgAddresses: (map({key: .org, value: (.listen | sub(":[0-9]+$"; ""))}) | group_by(.key)
        | map({key: .[0].key, value: (map(.value) | unique)}) | from_entries),
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
