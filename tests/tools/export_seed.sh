#!/usr/bin/env bash
# usage: export_seed.sh EVGRAPH OUTDIR — builds the shipped seed into a fresh OUTDIR as seed.json,
# seed.dot and seed.svg. Run from the source dir (the document id is the path as given).
set -euo pipefail
evgraph=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
"$evgraph" build graphs/men-peer-support/men-peer-support.txt \
  -o "$out/seed.json" -o "$out/seed.dot" -o "$out/seed.svg" 2> "$out/seed.err" || {
  echo "evgraph build failed (exit $?):" >&2; cat "$out/seed.err" >&2; exit 1; }
for f in seed.json seed.dot seed.svg; do
  [[ -s "$out/$f" ]] || { echo "evgraph exited 0 but wrote no $out/$f" >&2; exit 1; }
done
