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
