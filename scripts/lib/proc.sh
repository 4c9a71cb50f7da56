#!/usr/bin/env bash
# Process helpers shared by the scripts: start a node in the background with a pid file and a
# log of its own, wait on health checks, stop it. Sourced after scripts/env.sh.

GB_RUN="$GROUPBUY_VAR/run"
GB_LOGS="$GROUPBUY_VAR/logs"
mkdir -p "$GB_RUN" "$GB_LOGS"
_gb_t0=${_gb_t0:-$(date +%s)}

say()  { printf '[%s %4ss] %s\n' "${GB_SCRIPT:-groupbuy}" "$(( $(date +%s) - _gb_t0 ))" "$*"; }
fail() { printf '%s: %s\n' "${GB_SCRIPT:-groupbuy}" "$*" >&2; exit 1; }

pid_of() { # pid_of NAME -> pid if that process runs, else nothing (and exit 1)
  local f="$GB_RUN/$1.pid" pid
  [[ -f "$f" ]] || return 1
  pid=$(<"$f")
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; return 0; fi
  return 1
}

is_running() { pid_of "$1" >/dev/null; }

# start_process NAME COMMAND...: runs COMMAND in its own session; environment as exported by the
# caller; inside network namespace GB_IN_NETNS when that is set (an org's host, see lib/hosts.sh)
start_process() {
  local name="$1"; shift
  if is_running "$name"; then return 0; fi
  local in_ns=()
  [[ -n "${GB_IN_NETNS:-}" ]] && in_ns=(ip netns exec "$GB_IN_NETNS")
  echo "===== $(date -u +%FT%TZ) starting $name${GB_IN_NETNS:+ in netns $GB_IN_NETNS}: $*" >>"$GB_LOGS/$name.log"
  # ip netns exec replaces itself with COMMAND (no fork), so the pid stays the node's
  setsid "${in_ns[@]}" "$@" >>"$GB_LOGS/$name.log" 2>&1 < /dev/null &
  echo $! >"$GB_RUN/$name.pid"
}

# stop_processes NAME...: TERM to all of them at once, then KILL what still runs after
# GB_STOP_GRACE seconds (default 15)
stop_processes() {
  local grace="${GB_STOP_GRACE:-15}" name pid
  local -A pids=()
  for name in "$@"; do
    if pid=$(pid_of "$name"); then
      pids[$name]=$pid
      kill -TERM "$pid" 2>/dev/null || true
    else
      rm -f "$GB_RUN/$name.pid"
    fi
  done
  ((${#pids[@]})) || return 0
  wait_until "$grace" "${!pids[*]} to stop" none_alive "${pids[@]}" || true
  for name in "${!pids[@]}"; do
    if kill -0 "${pids[$name]}" 2>/dev/null; then
      say "$name did not stop within ${grace}s; killing it"
      kill -KILL "${pids[$name]}" 2>/dev/null || true
    fi
    rm -f "$GB_RUN/$name.pid"
  done
}

none_alive() { local pid; for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 1; done; return 0; }

stop_process() { stop_processes "$1"; }

# wait_until SECONDS WHAT COMMAND...: polls COMMAND (every GB_POLL seconds, default 0.2) until it
# succeeds; exit 1 after SECONDS. COMMAND may give up early with exit code 125 (GB_GIVE_UP), e.g.
# when the process it waits for has died; wait_until then returns 125 at once.
GB_GIVE_UP=125
wait_until() {
  local limit="$1" what="$2" rc; shift 2
  local deadline=$(( $(date +%s) + limit ))
  while :; do
    rc=0; "$@" >/dev/null 2>&1 || rc=$?
    ((rc == 0)) && return 0
    ((rc == GB_GIVE_UP)) && return "$GB_GIVE_UP"
    (( $(date +%s) >= deadline )) && return 1
    sleep "${GB_POLL:-0.2}"
  done
}

http_ok() { curl -fsS --max-time 2 "$1" >/dev/null 2>&1; }

# metric URL NAME{labels} -> the value of that Prometheus metric, rounded (or nothing); with
# GB_METRIC_NETNS set, asked from inside that network namespace (an org's host cut off the bridge).
# awk reads to the end: leaving early would make curl fail with a write error (exit 23), which
# pipefail passes on, and 'h=$(peer_height ORG)' would stop a script under set -e now and then
metric() {
  ${GB_METRIC_NETNS:+ip netns exec "$GB_METRIC_NETNS"} curl -fsS --max-time 3 "$1" 2>/dev/null \
    | awk -v m="$2" '!found && index($0, m " ") == 1 { printf "%.0f\n", $2; found = 1 }'
}
peer_height() { # peer_height ORG [NODE] -> height of the channel on ORG's peer0 (or NODE) (or nothing)
  metric "http://$(peer_setting "$1" "${2:-peer0}" HOST):$(peer_setting "$1" "${2:-peer0}" OPS_PORT)/metrics" "ledger_blockchain_height{channel=\"$GROUPBUY_CHANNEL\"}"
}

# alive_and CHECK NAME ARGS...: CHECK ARGS... while process NAME runs; gives up (GB_GIVE_UP) once it died
alive_and() { local check="$1" name="$2"; shift 2; is_running "$name" || return "$GB_GIVE_UP"; "$check" "$@"; }
tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; } # tcp_open HOST PORT

# wait_for_node NAME SECONDS WHAT CHECK ARGS...: waits until CHECK ARGS... succeeds, failing early
# with the end of NAME's log if NAME died, or after SECONDS
wait_for_node() {
  local name="$1" limit="$2" what="$3" rc=0; shift 3
  wait_until "$limit" "$name $what" alive_and "$1" "$name" "${@:2}" || rc=$?
  ((rc == 0)) && return 0
  tail -n 15 "$GB_LOGS/$name.log" >&2
  ((rc == GB_GIVE_UP)) && fail "$name exited during start-up; its log is $GB_LOGS/$name.log"
  fail "$name did not become $what within ${limit}s; its log is $GB_LOGS/$name.log"
}

# wait_healthy NAME URL [SECONDS]: waits for an operations /healthz (or any URL) to answer
wait_healthy() { wait_for_node "$1" "${3:-60}" "healthy at $2" http_ok "$2"; }

# wait_port NAME HOST PORT [SECONDS]: waits until NAME accepts TCP connections
wait_port() { wait_for_node "$1" "${4:-60}" "reachable on $2:$3" tcp_open "$2" "$3"; }

# ensure_ports_free NAME HOST:PORT...: before starting NAME, its ports must be free
ensure_ports_free() {
  local name="$1" addr port who; shift
  is_running "$name" && return 0
  for addr in "$@"; do
    port="${addr##*:}"
    if tcp_open "${addr%:*}" "$port"; then
      who=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1, pid \2/p' | head -n1)
      fail "port $port for $name is already in use${who:+ ($who)}; is another network running here? Give this one other ports and its own folder, e.g. GROUPBUY_PORT_OFFSET=100 GROUPBUY_VAR=\$PWD/var-2"
    fi
  done
}

# rss_kb PID: resident memory of a process and its children, in KiB
rss_kb() {
  local pid="$1" total=0 c
  total=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')
  total=${total:-0}
  for c in $(pgrep -P "$pid" 2>/dev/null); do total=$(( total + $(rss_kb "$c") )); done
  echo "$total"
}
