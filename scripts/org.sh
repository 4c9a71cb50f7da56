#!/usr/bin/env bash
# One org's nodes and keys, as that org runs them on its own host: nothing here reads or writes
# another org's folder. scripts/network.sh up does the same for all five orgs at once.
set -euo pipefail

GB_SCRIPT=org
usage() {
  cat <<'USAGE'
Usage: scripts/org.sh ORG COMMAND [options]

ORG is leader, supplier, courier, committee or regulator (the founding orgs: CA, orderer, peer), or
freshfarm (a second supplier company that joins the running channel later: CA and peer, no
orderer; see scripts/channel.sh add-org). Everything happens in that org's folder,
$GROUPBUY_VAR/orgs/ORG (keys, certificates, ledgers), with logs in $GROUPBUY_VAR/logs.

Commands:
  init            start the org's CA and enroll its identities (network/cast.txt): the admin,
                  the users, the peer's and orderer's keys and TLS certificates for the host
                  names and addresses of network/settings.env (idempotent)
  up              start the org's CA, orderer and peer and wait until they are healthy
  join [BLOCK]    the org's admin joins its orderer and peer to the channel from BLOCK (default:
                  the genesis block scripts/channel.sh create wrote). An org without an orderer,
                  once admitted (scripts/channel.sh add-org), fetches the genesis block itself
                  from an orderer of the channel as its admin (GROUPBUY_JOINING_ORDERER, default
                  leader) and joins its peer
  down            stop the org's nodes (its chaincode servers, peer, orderer, CA); data kept
  status          the org's nodes: pid, addresses, health, height;  --json for JSON
  add-peer [NODE] [--block N]
                  a second peer NODE (default peer1) of the org, joined from a ledger snapshot:
                  enrolled with the org's CA (TLS certificate for NODE.ORG.groupbuy.local and its
                  address), started on its own ports (network/settings.env: ORG_NODE_HOST, _PORT,
                  _CC_PORT, _OPS_PORT; checked against every other port, also of networks at
                  other offsets), its own folder $GROUPBUY_VAR/orgs/ORG/data/NODE and log
                  $GROUPBUY_VAR/logs/NODE.ORG.log. peer0 of the org takes a snapshot at block N
                  (default: its last block; 'peer snapshot submitrequest', waited for with
                  'listpending' and the completed folder), the copy's file hashes are checked
                  against its metadata, NODE joins from it ('peer channel joinbysnapshot'), gets
                  the deployed chaincode packages (the org's chaincode servers serve it too) and
                  catches up with peer0. It fetches the org's private data written before the
                  snapshot from the collection's member peers (reconciliation, every
                  GROUPBUY_RECONCILE_INTERVAL, default 5s). Only the committee has ports for
                  peer1 today. From then on network.sh up/down/status/clean include it.
  remove-peer [NODE]
                  stop NODE (default peer1) and delete its ledger and the snapshot copies; its
                  keys stay (add-peer joins it again from a new snapshot)
  export [FILE]   write the org's public definition (MSP root and TLS CA certificates, node
                  endpoints, anchor peer, its orderer's certificates; no private key) to FILE
                  (default: $GROUPBUY_VAR/exchange/ORG.json): the one file it sends the others
  help            this text

Example, each on its own host:  scripts/org.sh supplier init && scripts/org.sh supplier export
A new peer from a snapshot:     scripts/org.sh committee add-peer
USAGE
}

case "${1:-help}" in help|-h|--help) usage; exit 0 ;; esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""  # "" so that env.sh does not see this script's arguments
# shellcheck source=lib/operations.sh
source "$here/lib/operations.sh"

org="$1"; org_known "$org"; shift
cmd="${1:-}"; [[ -n "$cmd" ]] || { usage >&2; fail "no command given for $org (init, up, join, down, status, add-peer, remove-peer or export)"; }
shift
[[ "${1:-}" == --help ]] && { usage; exit 0; }
case "$cmd" in init|up) hosts_create ;; esac   # with --hosts netns: namespaces made from the machine's own
on_client_host "$here/org.sh" "$org" "$cmd" "$@"
case "$cmd" in
  init) need_tools; org_init "$org"; say "$org initialised: $(org_dir "$org") (next: scripts/org.sh $org export)" ;;
  up) need_tools; org_up "$org" ;;
  join)
    if ! org_runs_orderer "$org"; then
      block="${1:-$(fetch_genesis_block "$org")}"
      [[ -s "$block" ]] || fail "no channel block at '$block'"
      join_peer "$org" "$block"; exit 0
    fi
    block="${1:-$CHANNEL_BLOCK}"
    [[ -s "$block" ]] || fail "no channel block at '$block': create the channel first (scripts/channel.sh create) or give the block you were sent"
    join_orderer "orderer0.$org" "$block"; join_peer "$org" "$block" ;;
  down) org_down "$org"; say "$org down (data kept in $(org_dir "$org"))" ;;
  status) show_status "${1:-}" < <(nodes_of "$org") ;;
  add-peer)
    node=peer1 block=""
    while (($#)); do
      case "$1" in
        --block) block="${2:?--block needs a block number}"; shift 2 ;;
        peer*) node="$1"; shift ;;
        *) fail "unknown argument '$1' for add-peer (NODE such as peer1, or --block N; try --help)" ;;
      esac
    done
    need_tools; org_add_peer "$org" "$node" "$block" ;;
  remove-peer) org_remove_peer "$org" "${1:-peer1}"; say "${1:-peer1}.$org stopped, its ledger deleted (keys kept in $(org_dir "$org")/nodes/${1:-peer1})" ;;
  export) file=$(org_export "$org" "${1:-}"); say "wrote the public definition of $org to $file" ;;
  *) usage >&2; fail "unknown command '$cmd' for $org (init, up, join, down, status, add-peer, remove-peer or export)" ;;
esac
