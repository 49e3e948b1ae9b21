#!/usr/bin/env bash
# usage: acceptance.sh EVGRAPH SHARED_DIR WORKDIR — runs ../shared/acceptance/seed_graph.py on the
# seed's graph as its README says; exits 77 (skipped) where ../shared is absent.
set -euo pipefail
evgraph=$1 shared=$2 work=$3
check=$shared/acceptance/seed_graph.py seed=$shared/seed/men-peer-support.txt
for f in "$check" "$seed"; do
  [[ -f "$f" ]] || { echo "SKIP: $f is absent (a clone outside the workspace has no ../shared)"; exit 77; }
done
rm -rf "$work" && mkdir -p "$work"
"$evgraph" build "$seed" -o "$work/seed.json" 2> "$work/seed.err" || {
  echo "evgraph build $seed failed (exit $?):" >&2; cat "$work/seed.err" >&2; exit 1; }
/usr/bin/python3 "$check" "$work/seed.json" "$shared/acceptance/seed-expected.json" "$work/seed.err"
