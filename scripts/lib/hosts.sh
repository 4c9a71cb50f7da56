#!/usr/bin/env bash
# Where each org's nodes run: on this machine's loopback (the default), or each org on a "host"
# of its own: a network namespace with its own address, all linked by one bridge
# (scripts/network.sh up --hosts netns). The CLI, the scripts and the tests then run from a
# namespace of their own too (a leader's laptop). Sourced after scripts/env.sh and scripts/lib/proc.sh.
#
# Names come from GROUPBUY_PORT_OFFSET, so two networks can live side by side: with offset 300
# the namespaces are gb300-net (holding the bridge br0), gb300-cli and gb300-ORG, on
# 10.231.3.0/24: the client at .2, the orgs at .11 (leader), .12, .13, .14, .15 (regulator), .16.
# Nothing is routed anywhere else, and the machine's own namespace gets no address on it.

HOSTS_ENV="$GROUPBUY_VAR/hosts.env"   # the orgs' addresses; read by scripts/env.sh when present
GROUPBUY_NETNS_ORGS=(leader supplier courier committee regulator freshfarm)

netns_prefix() { echo "gb${GROUPBUY_PORT_OFFSET}"; }
netns_subnet() { echo "10.231.$(( GROUPBUY_PORT_OFFSET / 100 % 250 ))"; }
hosts_mode() { if [[ -f "$HOSTS_ENV" ]]; then echo netns; else echo loopback; fi; }
client_netns() { echo "$(netns_prefix)-cli"; }
switch_netns() { echo "$(netns_prefix)-net"; }

# org_netns ORG -> the network namespace ORG's nodes run in, or nothing on loopback
org_netns() { [[ -f "$HOSTS_ENV" ]] && echo "$(netns_prefix)-$1"; return 0; }

host_ip() { # host_ip ORG|cli -> its address on the bridge
  local i
  [[ "$1" == cli ]] && { echo "$(netns_subnet).2"; return 0; }
  for i in "${!GROUPBUY_NETNS_ORGS[@]}"; do
    [[ "${GROUPBUY_NETNS_ORGS[$i]}" == "$1" ]] && { echo "$(netns_subnet).$(( 11 + i ))"; return 0; }
  done
  fail "no address is set aside for '$1' (lib/hosts.sh GROUPBUY_NETNS_ORGS)"
}

netns_exists() { [[ -e "/run/netns/$1" ]]; }
our_netns() { ip netns list 2>/dev/null | awk -v p="$(netns_prefix)-" 'index($1, p) == 1 {print $1}'; }

# hosts_choose MODE: records MODE (loopback or netns) for a new GROUPBUY_VAR; a folder made for
# one mode is refused for the other (its certificates name the addresses of that mode)
hosts_choose() {
  local want="$1" have; have=$(hosts_mode)
  [[ "$want" == loopback || "$want" == netns ]] || fail "--hosts takes loopback or netns, not '$want'"
  if [[ -f "$GROUPBUY_VAR/port-offset" && "$have" != "$want" ]]; then
    fail "the data in $GROUPBUY_VAR was made for --hosts $have (its certificates name those addresses): start it with" \
      "--hosts $have, or choose another GROUPBUY_VAR, or delete it (scripts/network.sh clean)"
  fi
  [[ "$want" == netns && ! -f "$HOSTS_ENV" ]] || return 0
  [[ "$(id -u)" == 0 ]] || fail "--hosts netns creates network namespaces and needs root"
  mkdir -p "$GROUPBUY_VAR"
  local org ip
  { echo "# written by scripts/network.sh up --hosts netns: each org on its own address"
    for org in "${GROUPBUY_NETNS_ORGS[@]}"; do
      ip=$(host_ip "$org")
      printf '%s_CA_HOST=%s %s_PEER_HOST=%s %s_ORDERER_HOST=%s %s_CCAAS_HOST=%s\n' \
        "${org^^}" "$ip" "${org^^}" "$ip" "${org^^}" "$ip" "${org^^}" "$ip"
    done; } >"$HOSTS_ENV"
}

# hosts_create: the bridge and one namespace per org and for the client (idempotent)
hosts_create() {
  [[ "$(hosts_mode)" == netns ]] || return 0
  local net host ns; net=$(switch_netns)
  if ! netns_exists "$net"; then
    ip netns add "$net"
    ip -n "$net" link add br0 type bridge
    ip -n "$net" link set br0 up
  fi
  for host in cli "${GROUPBUY_ALL_ORGS[@]}" "${GROUPBUY_JOINING_ORGS[@]}"; do
    ns="$(netns_prefix)-$host"
    netns_exists "$ns" && continue
    ip netns add "$ns"
    ip link add "v-$host" netns "$net" type veth peer name eth0 netns "$ns"
    ip -n "$net" link set "v-$host" master br0 up
    ip -n "$ns" addr add "$(host_ip "$host")/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
  done
}

# hosts_remove: every namespace of this network (their veths and the bridge go with them)
hosts_remove() {
  local ns left
  [[ "$(hosts_mode)" == netns ]] || return 0   # another network (same offset) may own them
  if [[ -n "$(ip netns identify 2>/dev/null || true)" ]]; then
    [[ -z "$(our_netns)" ]] || say "warning: run from inside a namespace, the hosts cannot be removed: run 'scripts/network.sh down' from the machine's own shell"
    return 0
  fi
  for ns in $(our_netns); do
    left=$(ip netns pids "$ns" 2>/dev/null | tr '\n' ' ')
    [[ -z "$left" ]] || say "warning: processes still in $ns: $left(not ours to stop; the namespace goes when they end)"
    ip netns del "$ns"
  done
}

# on_client_host ARGS...: with --hosts netns, runs this script again (exec ARGS...) inside the
# client's namespace, where every org's address is reachable; elsewhere does nothing
on_client_host() {
  [[ "$(hosts_mode)" == netns ]] || return 0
  local here_ns; here_ns=$(ip netns identify 2>/dev/null || true)
  [[ "$here_ns" == "$(client_netns)" ]] && return 0
  netns_exists "$(client_netns)" || return 0   # the hosts are down: nothing to reach anyway
  exec ip netns exec "$(client_netns)" "$@"
}

# partition ORG cut|heal: ORG's host off the bridge, or back on it
partition() {
  local state; [[ "$2" == cut ]] && state=down || state=up
  ip -n "$(switch_netns)" link set "v-$1" "$state"
}
