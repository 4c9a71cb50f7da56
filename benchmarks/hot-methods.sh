#!/usr/bin/env bash
# Prints where a Java Flight Recorder recording spent its CPU samples: the top frames (the method
# that was running) and the top frames of our own code (org.groupbuy.*, the first of ours on the
# stack), each with its share of all execution samples.
set -euo pipefail
usage() {
  cat <<'USAGE'
Usage: benchmarks/hot-methods.sh FILE.jfr [TOP]

Reads jdk.ExecutionSample events with the JDK's 'jfr print' and prints the TOP (default 25) methods
by share of samples: first the running method, then the first org.groupbuy frame on the stack,
then by package of the running method. Needs the JDK's jfr tool on PATH.
USAGE
}
[[ "${1:-}" == -h || "${1:-}" == --help ]] && { usage; exit 0; }
[[ $# -ge 1 && -s "$1" ]] || { echo "hot-methods: give a .jfr file that exists (try --help)" >&2; exit 2; }
command -v jfr >/dev/null || { echo "hot-methods: the JDK's jfr tool is not on PATH (install openjdk-17-jdk-headless)" >&2; exit 2; }
top="${2:-25}"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$1" | awk -v top="$top" '
  function flush() {
    if (!in_event) return
    total++
    if (first != "") leaf[first]++
    if (ours != "") own[ours]++; else own["(no org.groupbuy frame: shim, gRPC, JDK)"]++
    p = first; sub(/\.[^.]+\(.*$/, "", p); n = split(p, parts, "."); pk = parts[1]; for (i = 2; i < n && i <= 4; i++) pk = pk "." parts[i]; pkg[pk]++
    first = ""; ours = ""; in_event = 0
  }
  /^jdk\.ExecutionSample/ { flush(); in_event = 1; in_stack = 0; next }
  /stackTrace = \[/ { in_stack = 1; next }
  in_stack && /^[[:space:]]*\]/ { in_stack = 0; next }
  in_stack {
    line = $0; sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*$/, "", line)
    if (line == "..." || line == "") next
    if (first == "") first = line
    if (ours == "" && line ~ /^org\.groupbuy\./) ours = line
  }
  END {
    flush()
    if (total == 0) { print "no execution samples in the recording"; exit 0 }
    printf "execution samples: %d\n", total
    report("running method", leaf); report("first org.groupbuy frame on the stack", own); report("package of the running method", pkg)
  }
  function report(title, arr,   k, n, i, j, keys, t) {
    printf "\n%s (top %d):\n", title, top
    n = 0; for (k in arr) keys[++n] = k
    for (i = 2; i <= n; i++) { t = keys[i]; j = i - 1; while (j > 0 && arr[keys[j]] < arr[t]) { keys[j + 1] = keys[j]; j-- } keys[j + 1] = t }
    for (i = 1; i <= n && i <= top; i++) printf "  %5.1f%%  %s\n", 100 * arr[keys[i]] / total, keys[i]
  }'
