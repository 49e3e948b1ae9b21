#!/usr/bin/env bash
# usage: torture_xml_chars.sh EVGRAPH OUTDIR — builds tests/fixtures/torture/xml_chars.json (the
# noncharacters U+FFFE and U+FFFF, which XML 1.0 forbids, and C1 controls, which it allows) into a
# fresh OUTDIR as GraphML, GEXF and SVG; xmllint must accept all three. Run from the source dir.
set -euo pipefail
evgraph=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
"$evgraph" build tests/fixtures/torture/xml_chars.json \
  -o "$out/chars.graphml" -o "$out/chars.gexf" -o "$out/chars.svg" 2> "$out/build.err" || {
  echo "evgraph build failed (exit $?):" >&2; cat "$out/build.err" >&2; exit 1; }
xmllint --noout "$out/chars.graphml" "$out/chars.gexf" "$out/chars.svg" 2> "$out/xmllint.err" || {
  echo "xmllint rejects what evgraph wrote of U+FFFE/U+FFFF:" >&2; head -6 "$out/xmllint.err" >&2
  exit 1; }
echo "xmllint reads the GraphML, GEXF and SVG of $(basename "$out")'s noncharacters"
