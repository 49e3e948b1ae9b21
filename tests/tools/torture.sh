#!/usr/bin/env bash
# usage: torture.sh EVGRAPH NODE OUTDIR — builds the escaping torture graph
# (tests/fixtures/torture/torture.json: quotes, backslashes, \N, <script>, &amp;, DOT keywords, C0
# controls, emoji, right-to-left text, a 5,000-character claim, a javascript: URL) into a fresh
# OUTDIR in every format, then has every reader load it: xmllint (GraphML, GEXF, SVG), Graphviz
# `dot` (no warning), NetworkX (node-link JSON, GraphML, GEXF: torture.py, check_xml.py), Python's
# json, csv and xml modules (JGF, Kumu, VOSviewer, both folders, Mermaid, links in DOT and SVG:
# torture.py), Cytoscape.js and graphology (tests/node/read_exports.js; NODE_PATH must name their
# node_modules). Run from the source dir.
set -euo pipefail
evgraph=$1 node=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
fixture=tests/fixtures/torture/torture.json
command -v xmllint > /dev/null || {
  echo "xmllint is not installed (Debian package libxml2-utils; run .ci/setup)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/csv" "$out/neo4j"

build() {  # NAME OPTIONS...
  local name=$1; shift
  "$evgraph" build "$fixture" "$@" 2> "$out/$name.err" || {
    echo "evgraph build $fixture $* failed (exit $?):" >&2; cat "$out/$name.err" >&2; exit 1; }
}
files=(torture.json torture.cyjs torture.graphology.json torture.jgf.json torture.vosviewer.json
       torture.kumu.json torture.graphml torture.gexf torture.mmd torture.dot torture.svg)
outputs=()
for f in "${files[@]}"; do outputs+=(-o "$out/$f"); done
build files "${outputs[@]}"
build edges -o "$out/torture-edges.json" --to json-edges
build csv -o "$out/csv" --to csv
build neo4j -o "$out/neo4j" --to neo4j
for f in "${files[@]}" torture-edges.json csv/nodes.csv neo4j/relationships.csv; do
  [[ -s "$out/$f" ]] || { echo "evgraph exited 0 but wrote no $out/$f" >&2; exit 1; }
done

xmllint --noout "$out/torture.graphml" "$out/torture.gexf" "$out/torture.svg" \
  2> "$out/xmllint.err" || {
  echo "xmllint rejects the torture GraphML, GEXF or SVG:" >&2; head -20 "$out/xmllint.err" >&2
  exit 1; }
bash "$here/check_dot.sh" "$out/torture.dot"
/usr/bin/python3 "$here/torture.py" "$fixture" "$out"
/usr/bin/python3 "$here/check_xml.py" "$out/torture.json" "$out/torture.graphml" "$out/torture.gexf"
"$node" "$here/../node/read_exports.js" "$out/torture.json" "$out/torture.cyjs" \
  "$out/torture.graphology.json"
echo "torture: every reader loads the torture graph" \
  "($(wc -c < "$out/torture.json") bytes of JSON) with its texts intact"
