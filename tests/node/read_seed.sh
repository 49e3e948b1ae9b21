#!/usr/bin/env bash
# usage: read_seed.sh EVGRAPH NODE OUTDIR — builds the worked example (with its lexicon) into a
# fresh OUTDIR as node-link JSON, .cyjs and graphology JSON in one run, then read_exports.js loads
# the last two with Cytoscape.js and graphology (NODE_PATH must name their node_modules) and checks
# them against the first. Run from the source dir.
set -euo pipefail
evgraph=$1 node=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out" && mkdir -p "$out"
"$evgraph" build graphs/men-peer-support/men-peer-support.txt \
  --lexicon graphs/men-peer-support/lexicon.json \
  -o "$out/seed.json" -o "$out/seed.cyjs" -o "$out/seed.graphology.json" 2> "$out/seed.err" || {
  echo "evgraph build failed (exit $?):" >&2; cat "$out/seed.err" >&2; exit 1; }
"$node" "$here/read_exports.js" "$out/seed.json" "$out/seed.cyjs" "$out/seed.graphology.json"
