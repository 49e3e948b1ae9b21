#!/usr/bin/env bash
# usage: check_dialects.sh EVGRAPH OUTDIR — builds the seed with its lexicon into a fresh OUTDIR as
# node-link JSON, Cytoscape.js, JGF, VOSviewer, Kumu and Mermaid in one run, then reads them all
# back with check_dialects.py under /usr/bin/python3. Run from the source dir.
set -euo pipefail
here=$(dirname "$0")
evgraph=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
files=(seed.json seed.cyjs seed.jgf.json seed.vosviewer.json seed.kumu.json seed.mmd)
outputs=()
for f in "${files[@]}"; do outputs+=(-o "$out/$f"); done
"$evgraph" build graphs/men-peer-support/men-peer-support.txt \
  --lexicon graphs/men-peer-support/lexicon.json "${outputs[@]}" 2> "$out/seed.err" || {
  echo "evgraph build failed (exit $?):" >&2; cat "$out/seed.err" >&2; exit 1; }
for f in "${files[@]}"; do
  [[ -s "$out/$f" ]] || { echo "evgraph exited 0 but wrote no $out/$f" >&2; exit 1; }
done
/usr/bin/python3 "$here/check_dialects.py" "$out"
