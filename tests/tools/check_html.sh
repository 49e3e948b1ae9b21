#!/usr/bin/env bash
# usage: check_html.sh EVGRAPH OUTDIR — builds the seed (with its lexicon) and the escaping torture
# graph (tests/fixtures/torture/) into a fresh OUTDIR as an HTML page and node-link JSON each, and
# uses each page in headless Chromium (check_page.js: search, click, filters, no foreign script,
# no request, http(s) links only). Screenshots: OUTDIR/*.png. Run from the source dir, with
# NODE_PATH pointing at the node_modules that tests/node/package-lock.json pins.
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
