#!/usr/bin/env bash
# The one file with per-org settings. Sourced by every script, and by people:
#
#   source scripts/env.sh ORG [USER]     set up the peer CLI as ORG's admin (or USER of ORG)
#   source scripts/env.sh                only load the settings and helper functions
#   bash scripts/env.sh --help           this text
#
# ORG is leader, supplier, courier, committee or regulator (each runs a CA, a peer and an orderer),
# or freshfarm (a CA and a peer, no orderer: it joins later, scripts/channel.sh add-org).
# After 'source scripts/env.sh leader': peer channel getinfo -c community
#
# Being sourced into an interactive shell, this file does not turn on 'set -e' there
# (that would close the shell at the first failing command); scripts that source it do.

_gb_usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  _gb_usage
  [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && exit 0
  echo "env.sh must be sourced: source scripts/env.sh ORG [USER]" >&2
  exit 2
fi

GROUPBUY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=versions.env
source "$GROUPBUY_ROOT/scripts/versions.env"
GROUPBUY_VAR="${GROUPBUY_VAR:-$GROUPBUY_ROOT/var}"
# each org's own address when the network runs with --hosts netns (written by network.sh up)
# shellcheck disable=SC1091
if [[ -f "$GROUPBUY_VAR/hosts.env" ]]; then source "$GROUPBUY_VAR/hosts.env"; fi
# shellcheck source=../network/settings.env
source "$GROUPBUY_ROOT/network/settings.env"
GROUPBUY_PEER_ORGS=(leader supplier courier committee regulator)
GROUPBUY_ALL_ORGS=("${GROUPBUY_PEER_ORGS[@]}")
# orgs defined here but not in the channel at its start: each runs a CA, a peer and chaincode
# servers, no orderer (the consenters stay the five), and is admitted later by a config update
# (scripts/channel.sh add-org) that a majority of the admins sign
GROUPBUY_JOINING_ORGS=(freshfarm)
# one orderer per org, named like its peer: orderer0.leader ... orderer0.regulator
GROUPBUY_ORDERERS=(orderer0.leader orderer0.supplier orderer0.courier orderer0.committee orderer0.regulator)
case "$GROUPBUY_CONSENSUS" in
  bft|raft) ;;
  *) echo "env.sh: GROUPBUY_CONSENSUS='$GROUPBUY_CONSENSUS' is not a consensus we run; use bft (default) or raft" >&2; return 2 ;;
esac
case ":$PATH:" in *":$FABRIC_HOME/bin:"*) ;; *) export PATH="$FABRIC_HOME/bin:$PATH" ;; esac
export GROUPBUY_ROOT GROUPBUY_VAR GROUPBUY_CHANNEL GROUPBUY_CHAINCODE FABRIC_HOME

# org_msp ORG -> MSP ID
org_msp() {
  case "$1" in
    leader) echo LeaderMSP ;; supplier) echo SupplierMSP ;; courier) echo CourierMSP ;;
    committee) echo CommitteeMSP ;; regulator) echo RegulatorMSP ;; freshfarm) echo FreshFarmMSP ;;
    *) echo "unknown org '$1' (expected leader, supplier, courier, committee, regulator or freshfarm)" >&2; return 1 ;;
  esac
}
# org_runs_orderer ORG: whether ORG runs one of the channel's orderers (the five founding orgs)
org_runs_orderer() { [[ " ${GROUPBUY_PEER_ORGS[*]} " == *" $1 "* ]]; }
# channel_orgs -> the orgs whose peers are in the channel, one a line: the five, then each joining
# org admitted by scripts/channel.sh add-org (and not removed since)
channel_orgs() {
  local org
  printf '%s\n' "${GROUPBUY_PEER_ORGS[@]}"
  for org in "${GROUPBUY_JOINING_ORGS[@]}"; do
    [[ -f "$GROUPBUY_VAR/channel/members/$org" ]] && echo "$org"
  done
  return 0
}
# setting PREFIX NAME -> the value of PREFIX_NAME from settings.env (e.g. setting leader PEER_PORT)
setting() { local v="${1^^}_$2"; printf '%s' "${!v}"; }
org_dir()  { echo "$GROUPBUY_VAR/orgs/$1"; }
org_ca_cert() { echo "$GROUPBUY_VAR/orgs/$1/ca/ca-cert.pem"; }
# An org's peers: peer0 (every org), and peers added later from a snapshot (scripts/org.sh ORG
# add-peer), e.g. peer1 of the committee, whose settings are COMMITTEE_PEER1_HOST, _PORT, ...
# peer_setting ORG NODE KEY -> e.g. peer_setting committee peer1 OPS_PORT (NODE peer0: PEER_OPS_PORT)
peer_setting() { if [[ "$2" == peer0 ]]; then setting "$1" "PEER_$3"; else setting "$1" "${2^^}_$3"; fi; }
peer_name() { echo "${2:-peer0}.$1.$GROUPBUY_DOMAIN"; }                                     # peer_name ORG [NODE]
peer_address() { echo "$(peer_setting "$1" "${2:-peer0}" HOST):$(peer_setting "$1" "${2:-peer0}" PORT)"; } # peer_address ORG [NODE]
# orderer_org NAME -> the org that runs orderer NAME (orderer0.leader -> leader)
orderer_org() { echo "${1#orderer0.}"; }
# orderer_setting NAME KEY -> e.g. orderer_setting orderer0.leader ADMIN_PORT
orderer_setting() { setting "$(orderer_org "$1")" "ORDERER_$2"; }
orderer_name() { echo "orderer0.$(orderer_org "$1").$GROUPBUY_DOMAIN"; }
orderer_address() { echo "$(orderer_setting "$1" HOST):$(orderer_setting "$1" PORT)"; }
# ccaas_port ORG CHAINCODE -> the port of ORG's server of that chaincode (kvbaseline: CCAAS_PORT+10)
# peer_pprof_port ORG: Go's pprof of ORG's peer when started with GROUPBUY_PEER_PPROF=1 (benchmarks)
peer_pprof_port() { echo $(( $(peer_setting "$1" "${2:-peer0}" OPS_PORT) + 2000 )); }   # peer_pprof_port ORG [NODE]

ccaas_port() {
  local base; base=$(setting "$1" CCAAS_PORT)
  case "$2" in groupbuy) echo "$base" ;; kvbaseline) echo $(( base + 10 )) ;;
    *) echo "no port is set aside for chaincode '$2' (see network/settings.env)" >&2; return 1 ;; esac
}

# added_peers ORG -> ORG's peers added with scripts/org.sh ORG add-peer (not peer0), one a line
added_peers() {
  local d
  for d in "$GROUPBUY_VAR/orgs/$1"/nodes/peer*/; do [[ -f "$d/added" ]] && basename "$d"; done
  return 0
}
# gb_at_peer ORG NODE: after gb_use ORG, point the peer CLI at ORG's peer NODE instead of peer0
gb_at_peer() { export CORE_PEER_ADDRESS; CORE_PEER_ADDRESS=$(peer_address "$1" "$2"); }

# gb_use ORG [USER]: point the peer CLI at ORG's peer as ORG's admin or USER
gb_use() {
  local org="${1:-}" user="${2:-admin}" msp
  msp=$(org_msp "$org") || return 1
  local msp_dir="$GROUPBUY_VAR/orgs/$org/users/$user/msp"
  if [[ ! -d "$msp_dir" ]]; then
    echo "env.sh: no identity '$user' in org '$org' at $msp_dir; start the network first (scripts/network.sh up)" >&2
    return 1
  fi
  export FABRIC_CFG_PATH="$GROUPBUY_VAR/config"
  export CORE_PEER_LOCALMSPID="$msp"
  export CORE_PEER_MSPCONFIGPATH="$msp_dir"
  export CORE_PEER_TLS_ENABLED=true
  # the org's own orderer, whose TLS certificate its own CA issued; an org without one uses
  # GROUPBUY_JOINING_ORDERER's (default: the leaders'), trusting the TLS root of that org's public
  # definition as the channel unpacked it
  local via="$org" ca; ca=$(org_ca_cert "$org")
  if ! org_runs_orderer "$org"; then
    via="${GROUPBUY_JOINING_ORDERER:-leader}"; ca="$GROUPBUY_VAR/channel/orgs/$via/msp/tlscacerts/ca.pem"
  fi
  export ORDERER_ADDRESS; ORDERER_ADDRESS=$(orderer_address "orderer0.$via")
  export ORDERER_CA="$ca"
  export ORDERER_HOST_ALIAS; ORDERER_HOST_ALIAS=$(orderer_name "orderer0.$via")
  export CORE_PEER_ADDRESS; CORE_PEER_ADDRESS=$(peer_address "$org")
  export CORE_PEER_TLS_ROOTCERT_FILE; CORE_PEER_TLS_ROOTCERT_FILE=$(org_ca_cert "$org")
  if [[ "$user" == admin ]]; then
    # osnadmin needs the admin's TLS client certificate (mutual TLS on the admin endpoint)
    export OSN_ADMIN_CLIENT_CERT="$GROUPBUY_VAR/orgs/$org/users/admin/tls/signcerts/cert.pem"
    export OSN_ADMIN_CLIENT_KEY="$GROUPBUY_VAR/orgs/$org/users/admin/tls/keystore/key.pem"
  fi
}

if [[ $# -gt 0 && -n "$1" ]]; then
  case "$1" in
    -h|--help) _gb_usage ;;
    *) gb_use "$@" ;;
  esac
fi
