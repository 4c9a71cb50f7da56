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

# start_process NAME COMMAND...: runs COMMAND in its own session; environment as exported by the caller
start_process() {
  local name="$1"; shift
  if is_running "$name"; then return 0; fi
  echo "===== $(date -u +%FT%TZ) starting $name: $*" >>"$GB_LOGS/$name.log"
  setsid "$@" >>"$GB_LOGS/$name.log" 2>&1 < /dev/null &
  echo $! >"$GB_RUN/$name.pid"
}

# stop_processes NAME...: TERM to all of them at once, then KILL what still runs after
# GB_STOP_GRACE seconds (default 15)
stop_processes() {
  local grace="${GB_STOP_GRACE:-15}" name pid i alive
  local -A pids=()
  for name in "$@"; do
    if pid=$(pid_of "$name"); then
      pids[$name]=$pid
      kill -TERM "$pid" 2>/dev/null || true
    else
      rm -f "$GB_RUN/$name.pid"
    fi
  done
  for ((i = 0; i < grace * 10; i++)); do
    alive=0
    for name in "${!pids[@]}"; do kill -0 "${pids[$name]}" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for name in "${!pids[@]}"; do
    if kill -0 "${pids[$name]}" 2>/dev/null; then
      say "$name did not stop within ${grace}s; killing it"
      kill -KILL "${pids[$name]}" 2>/dev/null || true
    fi
    rm -f "$GB_RUN/$name.pid"
  done
}

stop_process() { stop_processes "$1"; }

# wait_until SECONDS WHAT COMMAND...: polls COMMAND (every 0.2 s) until it succeeds
wait_until() {
  local limit="$1" what="$2"; shift 2
  local deadline=$(( $(date +%s) + limit ))
  until "$@" >/dev/null 2>&1; do
    if (( $(date +%s) >= deadline )); then
      return 1
    fi
    sleep 0.2
  done
}

http_ok() { curl -fsS --max-time 2 "$1" >/dev/null 2>&1; }

metric() { # metric URL NAME{labels} -> the value of that Prometheus metric, rounded (or nothing)
  curl -fsS --max-time 3 "$1" 2>/dev/null | awk -v m="$2" 'index($0, m " ") == 1 { printf "%.0f\n", $2; exit }'
}
peer_height() { # peer_height ORG -> height of the channel on ORG's peer (or nothing)
  metric "http://$(setting "$1" PEER_HOST):$(setting "$1" PEER_OPS_PORT)/metrics" "ledger_blockchain_height{channel=\"$GROUPBUY_CHANNEL\"}"
}

# wait_healthy NAME URL [SECONDS]: waits for an operations /healthz (or any URL) to answer,
# failing early with the end of the log if the process died
wait_healthy() {
  local name="$1" url="$2" limit="${3:-60}"
  local deadline=$(( $(date +%s) + limit ))
  until http_ok "$url"; do
    if ! is_running "$name"; then
      tail -n 15 "$GB_LOGS/$name.log" >&2
      fail "$name exited during start-up; its log is $GB_LOGS/$name.log"
    fi
    if (( $(date +%s) >= deadline )); then
      tail -n 15 "$GB_LOGS/$name.log" >&2
      fail "$name did not become healthy at $url within ${limit}s; its log is $GB_LOGS/$name.log"
    fi
    sleep 0.2
  done
}

# wait_port NAME HOST PORT [SECONDS]: waits until NAME accepts TCP connections, failing early
# with the end of its log if it died
wait_port() {
  local name="$1" host="$2" port="$3" limit="${4:-60}"
  local deadline=$(( $(date +%s) + limit ))
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    if ! is_running "$name"; then
      tail -n 15 "$GB_LOGS/$name.log" >&2
      fail "$name exited during start-up; its log is $GB_LOGS/$name.log"
    fi
    if (( $(date +%s) >= deadline )); then
      fail "$name is not listening on $host:$port after ${limit}s; its log is $GB_LOGS/$name.log"
    fi
    sleep 0.2
  done
}

# ensure_ports_free NAME HOST:PORT...: before starting NAME, its ports must be free
ensure_ports_free() {
  local name="$1" addr port who; shift
  is_running "$name" && return 0
  for addr in "$@"; do
    port="${addr##*:}"
    if (exec 3<>"/dev/tcp/${addr%:*}/$port") 2>/dev/null; then
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
