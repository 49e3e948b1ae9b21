#!/usr/bin/env bash
# Benchmark `evgraph build` on synthetic corpora of 10k, 100k and 1M claims: wall time and peak RSS
# for JSON and DOT output. Builds nothing; see bench/README.md.
#   bench/run.sh [EVGRAPH_BINARY]          (default: build-bench/evgraph under the repo root)
# Environment: SIZES="10000 100000 1000000"  WORK=/tmp/evgraph-bench  DOT_LIMIT=300 (seconds)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build-bench/evgraph}")
sizes=${SIZES:-"10000 100000 1000000"}
work=${WORK:-/tmp/evgraph-bench}
dot_limit=${DOT_LIMIT:-300}
[[ -x $bin ]] || { echo "no evgraph binary at $bin (build it first, see bench/README.md)" >&2; exit 2; }
mkdir -p "$work"

# measure LOG CMD...: run CMD (stderr to LOG), print "wall_seconds peak_rss_kb exit_code"
measure() {
  local log=$1; shift
  if [[ -x /usr/bin/time ]]; then
    local rc=0
    /usr/bin/time -v -o "$log.time" "$@" 2>"$log" || rc=$?
    awk -v rc=$rc -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
                                for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
         /Maximum resident set size/ { rss = $2 }
         END { printf "%.2f %d %d\n", wall, rss, rc }' "$log.time"
  else  # fallback: bash clock, and the kernel's high-water mark polled from /proc
    local start=$EPOCHREALTIME rss=0 hwm rc=0
    "$@" 2>"$log" & local pid=$!
    while kill -0 $pid 2>/dev/null; do
      hwm=$(awk '/VmHWM/ { print $2 }' /proc/$pid/status 2>/dev/null || true)
      [[ -n $hwm ]] && rss=$hwm; sleep 0.05
    done
    wait $pid || rc=$?
    awk -v s="$start" -v e="$EPOCHREALTIME" -v m="$rss" -v rc=$rc 'BEGIN { printf "%.2f %d %d\n", e - s, m, rc }'
  fi
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

echo "evgraph: $bin ($("$bin" --version 2>/dev/null | head -1)); $(nproc) cores; $(date -u +%F)"
echo
echo "| claims | files | input MB | output | wall s | peak RSS MB | output MB | claims/s | exit |"
echo "|---:|---:|---:|---|---:|---:|---:|---:|---:|"
dot_per_claim=""
for n in $sizes; do
  docs=$(( n / 1000 > 0 ? n / 1000 : 1 ))
  corpus=$work/corpus-$n
  if [[ ! -f $corpus/.done ]]; then
    rm -rf "$corpus"
    /usr/bin/python3 "$root/bench/generate_answers.py" --claims "$n" --documents "$docs" --out "$corpus"
    touch "$corpus/.done"
  fi
  in_mb=$(mb "$(cat "$corpus"/*.txt | wc -c)")
  for fmt in json dot; do
    out=$work/out-$n.$fmt
    if [[ $fmt == dot && -n $dot_per_claim ]] &&
       awk -v r="$dot_per_claim" -v n="$n" -v l="$dot_limit" 'BEGIN { exit !(r * n > l) }'; then
      est=$(awk -v r="$dot_per_claim" -v n="$n" 'BEGIN { printf "%.0f", r * n }')
      echo "| $n | $docs | $in_mb | dot | skipped: ~${est} s estimated > ${dot_limit} s | | | | |"
      continue
    fi
    rm -f "$out"
    read -r wall rss rc < <(measure "$work/log-$n-$fmt" "$bin" build "$corpus"/*.txt -o "$out")
    size=$(mb "$(stat -c %s "$out" 2>/dev/null || echo 0)")
    rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0) ? n / w : 0 }')
    echo "| $n | $docs | $in_mb | $fmt | $wall | $(( rss / 1024 )) | $size | $rate | $rc |"
    # DOT cost per claim, doubled as headroom for worse-than-linear growth, decides the next skip
    if [[ $fmt == dot ]]; then dot_per_claim=$(awk -v w="$wall" -v n="$n" 'BEGIN { print 2 * w / n }'); fi
  done
done
echo
echo "Logs (stderr, one diagnostic a line) and outputs: $work"
