#!/usr/bin/env bash
# evgraph against its Python peer (bench/peer.py: regexes, NetworkX, json.dump, pygraphviz), side
# by side in one run, on synthetic corpora of 10k, 100k and 1M claims. Per size it runs, one after
# the other: `evgraph check`, `evgraph build … -o evgraph.json -o evgraph.dot --timings`, and the
# peer writing peer.json and peer.dot, each under `/usr/bin/time -v`; then prints a Markdown table
# per size and phase. Builds nothing; see bench/README.md.
#   bench/compare.sh [EVGRAPH_BINARY]      (default: build-bench/evgraph under the repo root)
# Environment: SIZES="10000 100000 1000000"  WORK=/tmp/evgraph-bench  PEER_LIMIT=900 (seconds)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build-bench/evgraph}")
sizes=${SIZES:-"10000 100000 1000000"}
work=${WORK:-/tmp/evgraph-bench}
peer_limit=${PEER_LIMIT:-900}
python=/usr/bin/python3
export LC_ALL=C

# What the run needs, by Debian package.
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
[[ -x $python ]] || missing+=(python3)
$python -c 'import networkx' 2>/dev/null || missing+=(python3-networkx)
$python -c 'import pygraphviz' 2>/dev/null || missing+=(python3-pygraphviz)
if ((${#missing[@]})); then
  echo "compare.sh: missing Debian package(s): ${missing[*]} (apt-get install ${missing[*]}, or .ci/setup)" >&2
  exit 2
fi
[[ -x $bin ]] || { echo "compare.sh: no evgraph binary at $bin (build it first, see bench/README.md)" >&2; exit 2; }
mkdir -p "$work"
work=$(realpath "$work")

# Does this evgraph have `build --timings`? Without it, only whole-command figures.
timings=(--timings)
table_flags=()
if ! "$bin" build --help 2>/dev/null | grep -q -- '--timings'; then
  timings=()
  table_flags=(--no-timings)
fi

# measure DIR NAME CMD...: run CMD under /usr/bin/time -v, stderr to DIR/NAME.log, the report
# to DIR/NAME.time. Never fails: the exit status is in the report.
measure() {
  local dir=$1 name=$2; shift 2
  /usr/bin/time -v -o "$dir/$name.time" "$@" 2>"$dir/$name.log" || true
}

# value NAME FILE: the seconds of a `peer: timing:` line (NAME = total, or the path of a write).
peer_seconds() {
  awk -v name="$1" '$1 == "peer:" && $2 == "timing:" && ($3 == name || ($3 == "write" && $4 == name)) {
                      for (i = 4; i <= NF; i++) if ($(i + 1) == "s") { print $i; exit } }' "$2"
}

# The machine, and the disk's sequential write speed (once per run).
model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)
dd_line=$(dd if=/dev/zero of="$work/dd.tmp" bs=1M count=1024 conv=fdatasync 2>&1 | tail -1)
rm -f "$work/dd.tmp"
dd_seconds=$(sed -n 's/.* copied, \([0-9.]*\) s,.*/\1/p' <<<"$dd_line")
disk=$(awk -v b="${dd_line%% *}" -v s="${dd_seconds:-0}" 'BEGIN { if (s > 0) printf "%.0f", b / s / 1e6 }')
disk_flags=()
[[ -n $disk ]] && disk_flags=(--disk-mb-s "$disk")

echo "## evgraph against the Python peer"
echo
echo "- machine: $(nproc) cores, ${model:-unknown CPU}, $ram RAM, Linux $(uname -r)"
echo "- evgraph: $("$bin" --version 2>/dev/null | head -1) ($bin), git $commit"
echo "- peer: $($python --version 2>&1), NetworkX $($python -c 'import networkx; print(networkx.__version__)'),"\
     "pygraphviz $($python -c 'import pygraphviz; print(pygraphviz.__version__)')"
echo "- disk: ${disk:-?} MB/s sequential write (dd 1 GiB, conv=fdatasync, in $work)"
echo "- date: $(date -u +%F); timings from one run each, one program at a time"
[[ ${#timings[@]} -eq 0 ]] && echo "- evgraph has no \`build --timings\`: its per-phase rows are n/a"
echo

per_claim=""     # the peer's seconds per claim at the last size it ran, without its DOT, doubled
dot_per_claim="" # ... and of its DOT alone, doubled
for n in $sizes; do
  docs=$(( n / 1000 > 0 ? n / 1000 : 1 ))
  corpus=$work/corpus-$n
  if [[ ! -f $corpus/.done ]]; then
    rm -rf "$corpus"
    $python "$root/bench/generate_answers.py" --claims "$n" --documents "$docs" --out "$corpus"
    touch "$corpus/.done"
  fi
  inputs=("$corpus"/*.txt)
  input_bytes=$(cat "${inputs[@]}" | wc -c)
  dir=$work/compare-$n
  rm -rf "$dir"
  mkdir -p "$dir"

  # Will the peer fit in PEER_LIMIT? A guess from the previous size, as run.sh does for DOT:
  # cost per claim there x 2 (headroom for worse-than-linear growth) x claims here.
  peer_outputs=(-o "$dir/peer.json" -o "$dir/peer.dot")
  peer_note="" dot_note="" run_peer=1
  if [[ -n $per_claim ]]; then
    all=$(awk -v a="$per_claim" -v d="${dot_per_claim:-0}" -v n="$n" 'BEGIN { printf "%.0f", (a + d) * n }')
    json_only=$(awk -v a="$per_claim" -v n="$n" 'BEGIN { printf "%.0f", a * n }')
    if (( all > peer_limit || ${#dot_per_claim} == 0 )); then
      if (( json_only > peer_limit )); then
        run_peer=0
        peer_note="peer skipped: ~${json_only} s estimated without its DOT > PEER_LIMIT=${peer_limit} s"
      else
        peer_outputs=(-o "$dir/peer.json")
        dot_note="peer's DOT skipped: ~${all} s estimated with it > PEER_LIMIT=${peer_limit} s (~${json_only} s without)"
      fi
    fi
  fi

  measure "$dir" check "$bin" check "${inputs[@]}"
  measure "$dir" build "$bin" build "${inputs[@]}" -o "$dir/evgraph.json" -o "$dir/evgraph.dot" "${timings[@]}"
  if (( run_peer )); then
    measure "$dir" peer $python "$root/bench/peer.py" "${inputs[@]}" "${peer_outputs[@]}"
    total=$(peer_seconds total "$dir/peer.log")
    dot=$(peer_seconds "$dir/peer.dot" "$dir/peer.log")
    if [[ -n $total ]]; then
      per_claim=$(awk -v t="$total" -v d="${dot:-0}" -v n="$n" 'BEGIN { print 2 * (t - d) / n }')
      [[ -n $dot ]] && dot_per_claim=$(awk -v d="$dot" -v n="$n" 'BEGIN { print 2 * d / n }')
    fi
  fi

  notes=()
  [[ -n $peer_note ]] && notes+=(--peer-note "$peer_note")
  [[ -n $dot_note ]] && notes+=(--dot-note "$dot_note")
  $python "$root/bench/compare_table.py" "$dir" --claims "$n" --files "$docs" \
    --input-bytes "$input_bytes" "${disk_flags[@]}" "${table_flags[@]}" "${notes[@]}"
  echo
done
echo "Logs, /usr/bin/time reports and outputs: $work/compare-SIZE"
