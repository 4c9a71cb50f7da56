#!/usr/bin/env bash
# The ordering service as its operations endpoints report it: which consensus the channel runs,
# who leads, how far each orderer has committed. Shared by network.sh and faults.sh; sourced after
# scripts/env.sh and scripts/lib/proc.sh.

# channel_consensus -> bft or raft: what the channel of this GROUPBUY_VAR was created with (the
# setting, before it exists)
channel_consensus() {
  local file="$GROUPBUY_VAR/channel/consensus"
  if [[ -s "$file" ]]; then cat "$file"; else echo "$GROUPBUY_CONSENSUS"; fi
}

# consensus_metric NAME -> the orderers' Prometheus metric of the channel's consensus (is_leader,
# committed_block_number, leader_id); Raft's are consensus_etcdraft_*, SmartBFT's consensus_BFT_*
consensus_metric() {
  local sub; [[ "$(channel_consensus)" == raft ]] && sub=etcdraft || sub=BFT
  echo "consensus_${sub}_$1{channel=\"$GROUPBUY_CHANNEL\"}"
}
orderer_metrics_url() { echo "http://$(orderer_setting "$1" HOST):$(orderer_setting "$1" OPS_PORT)/metrics"; }
# the leader orderer's name, if one of the running orderers says it leads
consensus_leader() {
  local n
  for n in "${GROUPBUY_ORDERERS[@]}"; do
    [[ "$(metric "$(orderer_metrics_url "$n")" "$(consensus_metric is_leader)")" == 1 ]] && { echo "$n"; return 0; }
  done
  return 1
}

orderer_height() { # orderer_height NAME -> the height of the channel in NAME's ledger (or nothing)
  metric "$(orderer_metrics_url "$1")" "ledger_blockchain_height{channel=\"$GROUPBUY_CHANNEL\"}"
}
orderer_role() { # orderer_role NAME -> leader or follower (or nothing if it does not answer)
  local v; v=$(metric "$(orderer_metrics_url "$1")" "$(consensus_metric is_leader)")
  case "$v" in 1) echo leader ;; 0) echo follower ;; esac
  return 0
}

# the ordering service needs a leader before the channel takes transactions
wait_consensus_leader() {
  wait_until 60 "a consensus leader" consensus_leader \
    || fail "no orderer leads channel '$GROUPBUY_CHANNEL' after 60s ($(channel_consensus)); see $GB_LOGS/orderer0.*.log"
  say "$(consensus_leader) leads the ordering of '$GROUPBUY_CHANNEL' ($(channel_consensus))"
}

# peers_known ORG -> how many other peers ORG's peer knows on the channel through gossip
peers_known() {
  metric "http://$(setting "$1" PEER_HOST):$(setting "$1" PEER_OPS_PORT)/metrics" \
    "gossip_membership_total_peers_known{channel=\"$GROUPBUY_CHANNEL\"}"
}
knows_peers() { local n; n=$(peers_known "$1"); [[ -n "$n" ]] && ((n >= $2)); } # knows_peers ORG N

# Each peer must know the others through gossip before clients use it: the Gateway finds
# endorsers of other orgs (and the private data collection's members) that way.
wait_gossip() {
  local org want=$(( ${#GROUPBUY_PEER_ORGS[@]} - 1 )) deadline=$(( $(date +%s) + 90 )) left
  for org in "${GROUPBUY_PEER_ORGS[@]}"; do
    left=$(( deadline - $(date +%s) )); ((left > 0)) || left=1
    wait_until "$left" "gossip of peer0.$org" knows_peers "$org" "$want" \
      || say "warning: peer0.$org knows $(peers_known "$org") of $want other peers after 90 s; cross-org calls may fail until gossip settles"
  done
  say "every peer knows the other $want through gossip"
}
