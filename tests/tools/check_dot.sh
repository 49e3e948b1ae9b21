#!/usr/bin/env bash
# usage: check_dot.sh FILE.dot — Graphviz's own `dot` lays out our DOT without a complaint, and
# every arrowhead it draws sits on an edge (check_arrowheads.py).
set -euo pipefail
command -v dot > /dev/null || { echo "graphviz 'dot' is not installed (run .ci/setup)" >&2; exit 1; }
svg=$(mktemp) err=$(mktemp)
trap 'rm -f "$svg" "$err"' EXIT
dot -Tsvg "$1" -o "$svg" 2> "$err" || { echo "dot -Tsvg $1 failed (exit $?):" >&2; cat "$err" >&2; exit 1; }
[[ -s "$svg" ]] && grep -q '<svg' "$svg" || { echo "dot -Tsvg $1 wrote no SVG" >&2; exit 1; }
[[ ! -s "$err" ]] || { echo "dot -Tsvg $1 warned:" >&2; head -20 "$err" >&2; exit 1; }
/usr/bin/python3 "$(dirname "$0")/check_arrowheads.py" "$svg"
echo "dot reads $1: $(wc -c < "$svg") bytes of SVG"
