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
            node that is not running and wait until all are healthy (idempotent). Each org does
            what scripts/org.sh ORG init|export|up|join does, the channel is made from the
            orgs' definitions by scripts/channel.sh create.
            --hosts loopback (default): every node on 127.0.0.1
            --hosts netns: each org's nodes (CA, orderer, peer, chaincode servers) in a network
              namespace of its own with its own address, linked by a bridge; the scripts and
              the CLI run from a client namespace (ip netns exec gb<OFFSET>-cli ...). Chosen
              when GROUPBUY_VAR is first used; needs root. See scripts/lib/hosts.sh.
  down      stop every process the network started, remove its namespaces (--hosts netns);
            keeps all data (up brings the same ledger back)
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
# shellcheck source=lib/operations.sh
source "$here/lib/operations.sh"

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

# Ledgers used to live in var/nodes/NAME; now in the org's own folder (var/orgs/ORG/data/NODE),
# so that an org's folder is all that org backs up. Moves an older layout once.
move_node_data() {
  local org
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do
    if [[ -d "$GROUPBUY_VAR/nodes/peer0.$org" && ! -e "$(node_data "$org" peer0)" ]]; then
      mkdir -p "$(org_dir "$org")/data"
      mv "$GROUPBUY_VAR/nodes/peer0.$org" "$(node_data "$org" peer0)"
      mv "$GROUPBUY_VAR/nodes/orderer0.$org" "$(node_data "$org" orderer0)"
    fi
  done
  rmdir "$GROUPBUY_VAR/nodes" 2>/dev/null || true
}

cmd_up() {
  need_tools
  check_port_offset
  check_consensus
  move_node_data
  local org n defs=()
  say "starting GroupBuy network (Fabric $FABRIC_LABEL, data in $GROUPBUY_VAR)"
  # what each org does on its own host (scripts/org.sh ORG init, export), then the channel from
  # the definitions alone (scripts/channel.sh create), then each org's nodes up and joined
  write_config
  for org in "${GROUPBUY_ALL_ORGS[@]}"; do start_ca "$org"; done   # all at once, then each org's init
  for org in "${GROUPBUY_ALL_ORGS[@]}"; do org_init "$org"; done
  say "${#GROUPBUY_ALL_ORGS[@]} certificate authorities healthy, identities enrolled"
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do defs+=("$(org_export "$org")"); done
  channel_create "${defs[@]}"
  write_network_json
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do org_start "$org"; done
  for n in "${GROUPBUY_ORDERERS[@]}"; do wait_orderer "$n"; done
  say "${#GROUPBUY_ORDERERS[@]} orderers healthy"
  for n in "${GROUPBUY_ORDERERS[@]}"; do join_orderer "$n"; done
  wait_consensus_leader
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do wait_peer "$org"; done
  say "${#GROUPBUY_PEER_ORGS[@]} peers healthy"
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do join_peer "$org"; done
  wait_gossip
  # peers added from a snapshot (scripts/org.sh ORG add-peer) rejoin with their own ledger
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do for n in $(added_peers "$org"); do wait_peer "$org" "$n"; done; done
  # an org admitted since the channel began (scripts/channel.sh add-org) comes back with the rest
  for org in "${GROUPBUY_JOINING_ORGS[@]}"; do
    [[ -f "$GROUPBUY_VAR/channel/members/$org" ]] && org_enrolled "$org" && org_up "$org"
  done
  if [[ -x "$here/deploy-chaincode.sh" ]] && compgen -G "$GROUPBUY_VAR/chaincode/*/deployed.env" >/dev/null; then
    "$here/deploy-chaincode.sh" --start-servers
  fi
  say "network up: channel '$GROUPBUY_CHANNEL' on ${#GROUPBUY_ORDERERS[@]} orderers ($(channel_consensus)) and ${#GROUPBUY_PEER_ORGS[@]} peers (status: scripts/network.sh status)"
}

cmd_down() {
  stop_nodes < <(all_nodes)
  hosts_remove
  say "network down (data kept in $GROUPBUY_VAR; 'scripts/network.sh up' brings it back)"
}

cmd_clean() {
  cmd_down
  [[ "$GROUPBUY_VAR" == */var || -n "${GROUPBUY_FORCE_CLEAN:-}" ]] || fail "refusing to delete '$GROUPBUY_VAR' (not a folder named var); set GROUPBUY_FORCE_CLEAN=1"
  rm -rf "$GROUPBUY_VAR"
  say "deleted $GROUPBUY_VAR"
}

cmd_status() { show_status "${1:-}" < <(all_nodes); }

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

# up [--hosts MODE]: the hosts first (namespaces are made from the machine's own namespace), then
# the rest from the client's host
up_on_hosts() {
  local mode=""
  while (($#)); do
    case "$1" in
      --hosts) mode="${2:?--hosts needs loopback or netns}"; shift 2 ;;
      --help) usage; exit 0 ;;
      *) fail "unknown option '$1' for up (try --help)" ;;
    esac
  done
  hosts_choose "${mode:-$(hosts_mode)}"
  hosts_create
  on_client_host "$here/network.sh" up
  cmd_up
}

case "${1:-help}" in
  up) shift; up_on_hosts "$@" ;;
  down) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_down ;;
  status) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; on_client_host "$here/network.sh" status "$@"; cmd_status "$@" ;;
  orderers) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; on_client_host "$here/network.sh" orderers "$@"; cmd_orderers "$@" ;;
  clean) shift; [[ "${1:-}" == --help ]] && { usage; exit 0; }; cmd_clean ;;
  help|-h|--help) usage ;;
  *) echo "network.sh: unknown command '$1'" >&2; usage >&2; exit 2 ;;
esac
