#!/usr/bin/env bash
# usage: cli_hardening.sh EVGRAPH WORKDIR — what the real process does with the mistakes a new
# user makes (issue 12, "found when tried"): folders with nothing to read, binary files, a map
# naming no field, one-dash options, typing mistakes, an output past the file-size limit or onto a
# full disk, absolute paths in outputs one publishes. Each: the exit code, a message naming what
# and where, no output left behind. Run from the source dir.
set -uo pipefail
evgraph=$1 work=$2
seed=graphs/men-peer-support/men-peer-support.txt
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run CODE DESCRIPTION ARGS...: runs evgraph (stdin from $stdin, default /dev/null) into an empty
# $work/out; checks the exit code.
stdin=/dev/null
run() {
  local want=$1 what=$2; shift 2
  rm -rf "$work/out" && mkdir -p "$work/out"
  "$evgraph" "$@" < "$stdin" > "$work/stdout" 2> "$work/stderr"
  local got=$?
  if [[ $got != "$want" ]]; then
    fail "$what: exit $got, expected $want (evgraph $*)"; sed 's/^/  stderr: /' "$work/stderr" | head -5 >&2
  fi
}
says() {  # says DESCRIPTION TEXT...: stderr holds each TEXT (fixed strings)
  local what=$1; shift
  for text in "$@"; do
    grep -qF -- "$text" "$work/stderr" || { fail "$what: stderr lacks '$text'"; sed 's/^/  stderr: /' "$work/stderr" | head -5 >&2; }
  done
}
no_output_left() {
  [[ -z "$(ls -A "$work/out")" ]] || fail "$1 left files behind: $(ls -A "$work/out")"
}

rm -rf "$work" && mkdir -p "$work/in"
in=$work/in
printf '%%PDF-1.5\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj 22 0 obj\n' > "$in/paper.pdf"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$in/screenshot.md"
printf 'PK\x03\x04\x14\0\0\0\x08\0[Content_Types].xml....PK\x03\x04word/document.xml' > "$in/notes.txt"
printf '\x1f\x8b\x08\0\0\0\0\0\0\x03' > "$in/answers.txt.gz"
printf 'Groups reduce social isolation.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n' > "$in/answer.txt"

# 1. A folder with nothing evgraph can read: an error naming the folder, unless --allow-empty.
mkdir -p "$in/empty"
run 1 "empty folder" build "$in/empty" -o "$work/out/x.json"
no_output_left "empty folder"
says "empty folder" "$in/empty: no file in this folder is an input" "--allow-empty"
run 0 "empty folder, --allow-empty" build "$in/empty" --allow-empty -o "$work/out/x.json"
/usr/bin/python3 -c 'import json, sys; g = json.load(open(sys.argv[1])); assert g["nodes"] == [], g' \
  "$work/out/x.json" || fail "--allow-empty: not the empty graph"
mkdir -p "$in/pdfs" && cp "$in/paper.pdf" "$in/pdfs/" && cp "$in/notes.txt" "$in/pdfs/report.txt"
run 1 "folder of only binary files" build "$in/pdfs" -o "$work/out/x.json"
no_output_left "folder of only binary files"
says "folder of only binary files" "$in/pdfs: no file in this folder is an input" \
  "$in/pdfs/paper.pdf: skipped: is a PDF document" "$in/pdfs/report.txt: skipped: is a Word document"
run 1 "folder of only binary files, --quiet" check "$in/pdfs" --quiet
says "folder of only binary files, --quiet" "paper.pdf: skipped: is a PDF document"

# 4. Binary inputs are refused by their content, whatever their name, with what to do instead.
run 1 "a PDF" build "$in/paper.pdf" -o "$work/out/x.json"
no_output_left "a PDF"
says "a PDF" "paper.pdf: error: is a PDF document, not text evgraph can read: export its text"
run 1 "a PNG named .md" check "$in/screenshot.md"
says "a PNG named .md" "screenshot.md: error: is a PNG image"
run 1 "a .docx named .txt" check "$in/notes.txt"
says "a .docx named .txt" "notes.txt: error: is a Word document (.docx)" "save it as plain text"
run 1 "a gzip archive" check "$in/answers.txt.gz"
says "a gzip archive" "is a gzip archive" "unpack it"
stdin=$in/paper.pdf run 1 "a PDF on stdin" build - -o "$work/out/x.json"
says "a PDF on stdin" "-: error: is a PDF document"
mkdir -p "$in/mixed" && cp "$in/answer.txt" "$in/paper.pdf" "$in/mixed/"
run 0 "a folder with an answer and a PDF" build "$in/mixed" -o "$work/out/x.json"
says "a folder with an answer and a PDF" "$in/mixed/paper.pdf: skipped: is a PDF document"
run 1 "--strict and a skipped file" build "$in/mixed" --strict -o "$work/out/x.json"
no_output_left "--strict and a skipped file"
says "--strict and a skipped file" "paper.pdf: skipped" "--strict: 1 file(s)"

# 5. A map role naming a field no record has is an error with the suggestion.
printf 'claim,source\nGroups reduce isolation.,https://pubmed.ncbi.nlm.nih.gov/1/\n' > "$in/sheet.csv"
run 1 "--map naming no field" build --map text=claims,source=source "$in/sheet.csv" -o "$work/out/x.json"
no_output_left "--map naming no field"
says "--map naming no field" "no record has the field 'claims'" "did you mean 'claim'?" "[unknown-map-field]"
run 0 "--map naming the fields" build --map text=claim,source=source "$in/sheet.csv" -o "$work/out/x.json"

# 6. One dash before a long option; a file name for a folder format; every extension in --help.
run 2 "-output" build "$in/answer.txt" -output "$work/out/x.json"
no_output_left "-output"
[[ ! -e utput && ! -e "$work/utput" ]] || fail "-output wrote a file 'utput'"
says "-output" "unknown option '-output' (one dash); did you mean '--output'?"
run 2 "-strict" check "$in/answer.txt" -strict
says "-strict" "did you mean '--strict'?"
run 0 "-oFILE" build "$in/answer.txt" "-o$work/out/x.json"
[[ -s $work/out/x.json ]] || fail "-oFILE wrote nothing"
run 2 "-o x.json --to csv" build "$in/answer.txt" -o "$work/out/x.json" --to csv
no_output_left "-o x.json --to csv"
says "-o x.json --to csv" "csv writes a folder, but 'x.json' is named like a json file"
run 0 "-o x --to csv" build "$in/answer.txt" -o "$work/out/x" --to csv
[[ -s $work/out/x/nodes.csv ]] || fail "-o x --to csv: no x/nodes.csv"
run 0 "build --help" build --help
for extension in .json .dot .svg .png .pdf .html .graphml .gexf .mmd; do
  grep -qF -- "$extension" "$work/stdout" || fail "build --help does not list $extension"
done

# 9. Typing mistakes name what was typed and the nearest verb, option or extension; exit 2.
run 2 "buidl" buidl "$in/answer.txt"
says "buidl" "unknown command 'buidl'; did you mean 'build'?"
run 2 "query pth" query pth "$in/answer.txt"
says "query pth" "unknown command 'query pth'; did you mean 'path'?"
run 2 "flag then typo" build -q --frm csv "$in/answer.txt" -o "$work/flag.json"
says "flag then typo" "unknown option '--frm'; did you mean '--from'?"
run 2 "frobnicate" frobnicate
says "frobnicate" "unknown command 'frobnicate'; commands: build, check"
run 2 "--frm" build --frm csv "$in/sheet.csv" -o "$work/out/x.json"
says "--frm" "unknown option '--frm'; did you mean '--from'?"
run 2 "--ouput" build "$in/answer.txt" --ouput "$work/out/x.json"
says "--ouput" "unknown option '--ouput'; did you mean '--output'?"
run 2 "--verison" --verison
says "--verison" "did you mean '--version'?"
run 2 ".jsn" build "$in/answer.txt" -o "$work/out/y.jsn"
says ".jsn" "unknown extension '.jsn'; did you mean '.json'?"
no_output_left ".jsn"

# 2. Past the file-size limit (ulimit -f, SIGXFSZ) or onto a full disk: the error with the path,
# exit 1, the old file kept, no partial file.
printf 'old\n' > "$work/old.json"
rm -rf "$work/out" && mkdir -p "$work/out" && cp "$work/old.json" "$work/out/g.json"
# stderr goes through a pipe: a file would be cut at the limit too.
(ulimit -f 1 && exec "$evgraph" build "$seed" -o "$work/out/g.json" -o "$work/out/g.dot" 2>&1 \
  > /dev/null) | cat > "$work/stderr"
code=${PIPESTATUS[0]}
[[ $code == 1 ]] || fail "file-size limit: exit $code, expected 1"
says "file-size limit" "$work/out/g.json: write failed: File too large"
cmp -s "$work/old.json" "$work/out/g.json" || fail "file-size limit: the old g.json was changed"
[[ "$(ls -A "$work/out")" == g.json ]] || fail "file-size limit left: $(ls -A "$work/out")"
"$evgraph" build "$seed" -o - --to json > /dev/full 2> "$work/stderr"
code=$?
[[ $code == 1 ]] || fail "full disk (stdout): exit $code, expected 1"
says "full disk (stdout)" "stdout: write failed: No space left on device"

# 7. Outputs one publishes show input paths relative to the current folder, unless
# --absolute-paths.
run 0 "absolute input path" build "$PWD/$seed" -o "$work/out/s.svg" -o "$work/out/s.html" \
  -o "$work/out/s.dot" -o "$work/out/s.json"
for output in s.svg s.html s.dot s.json; do
  if grep -qF -- "$PWD/" "$work/out/$output"; then fail "$output holds the absolute path $PWD/"; fi
done
grep -qF -- "$seed" "$work/out/s.html" || fail "s.html does not name $seed"
says "absolute input path (messages)" "$seed:5:245: warning:"
run 0 "--absolute-paths" build "$PWD/$seed" --absolute-paths -o "$work/out/s.html"
grep -qF -- "$PWD/$seed" "$work/out/s.html" || fail "--absolute-paths: s.html lacks $PWD/$seed"

((failures == 0)) && echo "mistakes answered as designed" || exit 1
