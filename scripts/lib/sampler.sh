#!/usr/bin/env bash
# The network's CPU and memory, sampled every second while a benchmark runs (sourced after env.sh
# and lib/proc.sh). Pids from 'scripts/network.sh status --json'.
#   start_sampler DIR   writes DIR/pids.txt and DIR/resources.csv (ms, CPU seconds of all network
#                       processes, of the peers, orderers, chaincode servers and the rest apart, and
#                       the sum of their RSS in KiB); sets SAMPLER_PID. Bounded to 6 hours.
#   stop_sampler        stops it.
#   sampler_figures DIR FROM_MS TO_MS   prints 'cpu_s peers_s orderers_s chaincode_s peak_rss_mib'
#                       between two times (CPU seconds are differences of the nearest samples).

sampler_now_ms() { date +%s%3N; }

start_sampler() {
  local dir="$1"
  mkdir -p "$dir"
  "$GROUPBUY_ROOT/scripts/network.sh" status --json | jq -r '.nodes[] | select(.pid != null) | "\(.pid) \(.kind) \(.name)"' >"$dir/pids.txt"
  [[ -s "$dir/pids.txt" ]] || fail "network.sh status --json listed no process ids: is the network up?"
  _sample_loop "$dir" &
  SAMPLER_PID=$!
}

_sample_loop() {
  local dir="$1" tck end
  tck=$(getconf CLK_TCK)
  end=$(( $(date +%s) + 6 * 3600 ))  # bounded, whatever happens to the parent
  echo "ms,cpu_s,cpu_peer_s,cpu_orderer_s,cpu_ccaas_s,cpu_other_s,rss_kib" >"$dir/resources.csv"
  while (( $(date +%s) < end )); do
    local pid kind name t=0 peer=0 ord=0 cc=0 other=0 rss=0 s r line k v
    local -a f
    while read -r pid kind name; do
      # read with builtins only: two awk per process and second cost the sampler a few % of a core
      # on this 2-core machine, taken from what it measures
      { read -r line <"/proc/$pid/stat"; } 2>/dev/null || continue
      read -r -a f <<<"${line##*) }"        # fields after "pid (comm) ": state is f[0], utime f[11], stime f[12]
      s=$((f[11] + f[12])); r=0
      while read -r k v _; do [[ "$k" == VmRSS: ]] && { r=$v; break; }; done <"/proc/$pid/status" 2>/dev/null || true
      t=$((t + s)); rss=$((rss + r))
      case "$kind" in peer) peer=$((peer + s)) ;; orderer) ord=$((ord + s)) ;; ccaas|chaincode) cc=$((cc + s)) ;; *) other=$((other + s)) ;; esac
    done <"$dir/pids.txt"
    echo "$(sampler_now_ms),$(awk -v a=$t -v b=$peer -v c=$ord -v d=$cc -v e=$other -v k="$tck" 'BEGIN { printf "%.2f,%.2f,%.2f,%.2f,%.2f", a/k, b/k, c/k, d/k, e/k }'),$rss" >>"$dir/resources.csv"
    sleep 1
  done
}

stop_sampler() { [[ -n "${SAMPLER_PID:-}" ]] && kill "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=""; return 0; }

sampler_figures() {
  awk -F, -v from="$2" -v to="$3" 'NR > 1 {
      if ($1 <= from || !have_a) { a2 = $2; a3 = $3; a4 = $4; a5 = $5; have_a = 1 }
      if ($1 <= to) { b2 = $2; b3 = $3; b4 = $4; b5 = $5 }
      if ($1 >= from && $1 <= to && $7 > peak) peak = $7 }
    END { printf "%.1f %.1f %.1f %.1f %.0f\n", b2 - a2, b3 - a3, b4 - a4, b5 - a5, peak / 1024 }' "$1/resources.csv"
}
