#!/usr/bin/env bash
# usage: determinism.sh EVGRAPH WORKDIR — two builds of the seed give byte-identical JSON, DOT, SVG;
# and a build of every test fixture (answers, bibliographies, curated evidence; a folder) is the
# same bytes in any argument order of the folder's files. Run from the source dir.
set -euo pipefail
here=$(dirname "$0")
bash "$here/export_seed.sh" "$1" "$2/a"
bash "$here/export_seed.sh" "$1" "$2/b"
status=0
for f in seed.json seed.dot seed.svg; do
  cmp "$2/a/$f" "$2/b/$f" || { echo "two runs wrote different $f (see $2/a, $2/b)" >&2; status=1; }
done
"$1" build tests/fixtures graphs -o "$2/fixtures-1.json" 2> /dev/null
"$1" build tests/fixtures graphs -o "$2/fixtures-2.json" 2> /dev/null
cmp "$2/fixtures-1.json" "$2/fixtures-2.json" || {
  echo "two builds of the fixture folders differ" >&2; status=1; }
exit $status
