#!/usr/bin/env bash
# usage: check_html.sh EVGRAPH OUTDIR — builds the seed (with its lexicon, in full and as a summary
# view) and the escaping torture graph (tests/fixtures/torture/) into a fresh OUTDIR as an HTML page
# and node-link JSON each, and uses each page in headless Chromium (check_page.js: search, click,
# filters, Fit, gap map, no foreign script, no request, http(s) links only), then opens the torture
# graph's SVG and its printable report alone (check_svg.js: no script runs, no request, no
# navigation). Screenshots: OUTDIR/*.png.
# Run from the source dir, with NODE_PATH pointing at the node_modules that
# tests/node/package-lock.json pins.
set -euo pipefail
evgraph=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v node > /dev/null || { echo "node is not installed (run .ci/setup)" >&2; exit 1; }
chromium=${CHROMIUM:-/usr/bin/chromium}
[[ -x "$chromium" ]] || { echo "$chromium is missing (Debian package chromium; run .ci/setup)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"

page() {  # NAME QUERY INPUT [OPTIONS...]
  local name=$1 query=$2; shift 2
  "$evgraph" build "$@" -o "$out/$name.html" -o "$out/$name.json" 2> "$out/$name.err" || {
    echo "evgraph build $* failed (exit $?):" >&2; cat "$out/$name.err" >&2; exit 1; }
  CHROMIUM=$chromium node "$here/check_page.js" "$out/$name.html" "$out/$name.json" \
    "$out/$name.png" ${query:+"$query"}
}

# The seed's text says "men’s" and "peer support": search folds quotes, hyphens and case.
page seed "MEN'S  peer-support" graphs/men-peer-support/men-peer-support.txt \
  --lexicon graphs/men-peer-support/lexicon.json
page torture "" tests/fixtures/torture/torture.json
# The summary view: concepts joined by evidence edges, no claims; the concept filter still applies.
page summary "" graphs/men-peer-support/men-peer-support.txt \
  --lexicon graphs/men-peer-support/lexicon.json --view summary

# The torture graph's SVG opened on its own, as a double-clicked file: no script runs, nothing is
# fetched, nothing navigates. The checker must catch an SVG that does run script.
"$evgraph" build tests/fixtures/torture/torture.json -o "$out/torture.svg" 2> "$out/svg.err" || {
  echo "evgraph build torture.svg failed:" >&2; cat "$out/svg.err" >&2; exit 1; }
CHROMIUM=$chromium node "$here/check_svg.js" "$out/torture.svg"
# The torture graph's printable report: no script runs, nothing is fetched, nothing navigates.
"$evgraph" report -q tests/fixtures/torture/torture.json -o "$out/torture-report.html" \
  2> "$out/report.err" || {
  echo "evgraph report torture-report.html failed:" >&2; cat "$out/report.err" >&2; exit 1; }
CHROMIUM=$chromium node "$here/check_svg.js" "$out/torture-report.html"
cat > "$out/evil.svg" << 'SVG'
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10"
     height="10"><script>alert(1)</script><rect width="5" height="5" onclick="alert(2)"/>
<a xlink:href="javascript:alert(3)"><text>x</text></a></svg>
SVG
if CHROMIUM=$chromium node "$here/check_svg.js" "$out/evil.svg" 2> "$out/evil.err"; then
  echo "check_svg.js passed an SVG that runs script" >&2; exit 1
fi
grep -q "a script ran" "$out/evil.err" && grep -q "alert" "$out/evil.err" || {
  echo "check_svg.js missed the evil SVG's script:" >&2; cat "$out/evil.err" >&2; exit 1; }
