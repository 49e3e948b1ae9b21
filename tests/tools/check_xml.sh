#!/usr/bin/env bash
# usage: check_xml.sh EVGRAPH OUTDIR — builds the seed (with its lexicon, and with --measures) and a
# document of hostile text into a fresh OUTDIR as JSON, GraphML and GEXF; xmllint accepts both XML
# files and NetworkX reads them back with what the JSON holds (check_xml.py). Run from the source
# dir.
set -euo pipefail
evgraph=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v xmllint > /dev/null || {
  echo "xmllint is not installed (Debian package libxml2-utils; run .ci/setup)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"

# Quotes, backslashes, a DOT keyword, markup, U+0001, an emoji and Arabic, in a claim and a URL.
printf '%s\n' \
  "Peer groups said \"hi\" & <b>bold</b> back\\slash \\N node graph $(printf '\001') bell" \
  "😀 دعم الأقران it's fine.[1]" '' 'Citations:' \
  '[1] https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=<2>' > "$out/hostile.txt"

build() {  # NAME INPUT [OPTIONS...]
  local name=$1; shift
  "$evgraph" build "$@" -o "$out/$name.json" -o "$out/$name.graphml" -o "$out/$name.gexf" \
    2> "$out/$name.err" || {
    echo "evgraph build $* failed (exit $?):" >&2; cat "$out/$name.err" >&2; exit 1; }
  for f in "$name.json" "$name.graphml" "$name.gexf"; do
    [[ -s "$out/$f" ]] || { echo "evgraph exited 0 but wrote no $out/$f" >&2; exit 1; }
  done
}

check() {  # NAME
  xmllint --noout "$out/$1.graphml" "$out/$1.gexf" 2> "$out/$1.xmllint" || {
    echo "xmllint rejects $out/$1.graphml or $out/$1.gexf:" >&2
    head -20 "$out/$1.xmllint" >&2; exit 1; }
  echo "xmllint reads $out/$1.graphml and $out/$1.gexf"
  /usr/bin/python3 "$here/check_xml.py" "$out/$1.json" "$out/$1.graphml" "$out/$1.gexf"
}

build seed graphs/men-peer-support/men-peer-support.txt \
  --lexicon graphs/men-peer-support/lexicon.json
build hostile "$out/hostile.txt"
build measures graphs/men-peer-support/men-peer-support.txt --measures  # typed measure keys
check seed
check hostile
check measures
grep -q 'U+FFFD' "$out/hostile.graphml" || {
  echo "$out/hostile.graphml does not report its U+0001 as replaced (did the input keep it?)" >&2
  exit 1; }
