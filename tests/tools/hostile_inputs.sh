#!/usr/bin/env bash
# usage: hostile_inputs.sh EVGRAPH WORKDIR [quick] — issue 12's catalogue of hostile inputs through
# the real process: each gets its documented exit code and a message naming what (and where, when
# there is a where), no crash, no output file left behind when it fails, a JSON that Python reads
# when it succeeds, within a bound on time and memory. `quick` (sanitizer builds) makes the large
# inputs a tenth of their size. Run from the source dir.
set -uo pipefail
evgraph=$1 work=$2 scale=${3:-full}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
big() { [[ $scale == quick ]] && echo $(($1 / 10)) || echo "$1"; }

# run CODE DESCRIPTION ARGS...: evgraph into an empty $work/out, at most 600 s (the slowest input
# takes under a minute in a release build) and 4 GB of resident memory; checks the exit code.
run() {
  local want=$1 what=$2; shift 2
  rm -rf "$work/out" && mkdir -p "$work/out"
  timeout 600 /usr/bin/time -f '%M' -o "$work/rss" "$evgraph" "$@" > "$work/stdout" 2> "$work/stderr"
  local got=$?
  if [[ $got == 124 ]]; then fail "$what: still running after 600 s"; return; fi
  if [[ $got != "$want" ]]; then
    fail "$what: exit $got, expected $want (evgraph $*)"
    sed 's/^/  stderr: /' "$work/stderr" | head -5 >&2
  fi
  local kb
  kb=$(tail -1 "$work/rss")
  ((kb < 4 * 1024 * 1024)) || fail "$what: peak memory $kb KB"
}
says() {  # says DESCRIPTION TEXT...: stderr holds each TEXT (fixed strings)
  local what=$1; shift
  for text in "$@"; do
    grep -qF -- "$text" "$work/stderr" ||
      { fail "$what: stderr lacks '$text'"; sed 's/^/  stderr: /' "$work/stderr" | head -5 >&2; }
  done
}
no_output_left() { [[ -z "$(ls -A "$work/out")" ]] || fail "$1 left files behind: $(ls -A "$work/out")"; }
# valid_json DESCRIPTION FILE [TEXT]: Python reads FILE as UTF-8 JSON (holding TEXT, if given).
valid_json() {
  /usr/bin/python3 - "$2" "${3:-}" << 'EOF' || fail "$1: $2 is not valid UTF-8 JSON holding '${3:-}'"
import json, sys
with open(sys.argv[1], encoding="utf-8", errors="strict") as f:
    graph = json.load(f)
sys.exit(0 if sys.argv[2] in json.dumps(graph, ensure_ascii=False) else 1)
EOF
}

rm -rf "$work" && mkdir -p "$work/in"
in=$(realpath --relative-to=. "$work/in")  # as a user gives it, and as messages show it
answer='Peer groups help men [1].\n\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n'

# Empty, only whitespace: a warning, an empty graph; an error under --strict, nothing written.
: > "$in/empty.txt"
printf ' \t\n\n   \n' > "$in/blank.txt"
for f in empty blank; do
  run 0 "$f file" build "$in/$f.txt" -o "$work/out/g.json"
  says "$f file" "$in/$f.txt: warning: no claims and no sources found (read as answer) [empty-input]"
  valid_json "$f file" "$work/out/g.json"
  run 1 "$f file, --strict" build "$in/$f.txt" --strict -o "$work/out/g.json"
  no_output_left "$f file, --strict"
done

# Binary data, whatever it is called: refused by its content with what to do instead.
head -c 65536 /dev/urandom > "$in/random.txt"
run 1 "random bytes" build "$in/random.txt" -o "$work/out/g.json"
says "random bytes" "$in/random.txt: error: is binary data (or UTF-16 text without a byte-order mark)"
no_output_left "random bytes"

# NUL bytes and invalid UTF-8: replaced by U+FFFD and reported where they are; the outputs valid.
printf 'Peer groups \0help men [1].\n\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n' > "$in/nul.txt"
run 0 "NUL byte" build "$in/nul.txt" -o "$work/out/g.json" -o "$work/out/g.dot"
says "NUL byte" "$in/nul.txt:1:13: warning: NUL byte replaced by U+FFFD" "[nul-byte]"
valid_json "NUL byte" "$work/out/g.json" "Peer groups �help men"
printf 'Peer groups \xff\xfehelp men [1].\n\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n' > "$in/latin.txt"
run 0 "invalid UTF-8" build "$in/latin.txt" -o "$work/out/g.json"
says "invalid UTF-8" "$in/latin.txt:1:13: warning: invalid UTF-8 byte replaced by U+FFFD" \
  "2 invalid bytes replaced in all [invalid-utf8]"
valid_json "invalid UTF-8" "$work/out/g.json" "Peer groups ��help men"

# UTF-16 with a byte-order mark (either order) is decoded; without one it is refused; UTF-32 is
# refused naming it; a UTF-8 byte-order mark is dropped.
printf "$answer" | iconv -f UTF-8 -t UTF-16 > "$in/utf16.txt"
printf '\xfe\xff' > "$in/utf16be.txt" && printf "$answer" | iconv -f UTF-8 -t UTF-16BE >> "$in/utf16be.txt"
for f in utf16 utf16be; do
  run 0 "$f with a byte-order mark" build "$in/$f.txt" -o "$work/out/g.json"
  valid_json "$f" "$work/out/g.json" '"text": "Peer groups help men."'
  valid_json "$f" "$work/out/g.json" '"id": "source:pubmed:1"'
  [[ ! -s "$work/stderr" ]] || grep -q "0 warning(s)" "$work/stderr" || fail "$f: warnings"
done
printf "$answer" | iconv -f UTF-8 -t UTF-16LE > "$in/utf16-no-bom.txt"
run 1 "UTF-16 without a byte-order mark" check "$in/utf16-no-bom.txt"
says "UTF-16 without a byte-order mark" "iconv -f UTF-16LE -t UTF-8"
printf "$answer" | iconv -f UTF-8 -t UTF-32 > "$in/utf32.txt"
run 1 "UTF-32" check "$in/utf32.txt"
says "UTF-32" "$in/utf32.txt: error: is UTF-32 text (little-endian)" "iconv -f UTF-32 -t UTF-8"
printf "\xef\xbb\xbf$answer" > "$in/bom.txt"
run 0 "UTF-8 byte-order mark" build "$in/bom.txt" -o "$work/out/g.json"
says "UTF-8 byte-order mark" "0 warning(s)"
valid_json "UTF-8 byte-order mark" "$work/out/g.json" '"text": "Peer groups help men."'

# Oversized marker, footnotes defining each other in a cycle.
printf 'Peer groups help men [99999999999999999999].\n' > "$in/oversized.txt"
run 0 "oversized marker" build "$in/oversized.txt" -o "$work/out/g.json"
says "oversized marker" "$in/oversized.txt:1:22: warning:" "[oversized-marker]"
printf 'Peer groups help men [^1^].\n\n[^1^]: see [^2^]\n[^2^]: see [^1^]\n' > "$in/cycle.txt"
run 0 "footnotes in a cycle" build "$in/cycle.txt" -o "$work/out/g.json"
valid_json "footnotes in a cycle" "$work/out/g.json" '"type": "cites"'

# Size: a 100 MB line, a million markers on one line, a list of 100,000 entries, a claim met a
# million times, a list naming one work 100,000 times, a CSV field of 50 MB — each linear.
/usr/bin/python3 -c "import sys; sys.stdout.write('Peer groups help men. ' * $(big 4600000) + '\n')" \
  > "$in/long-line.txt"
run 0 "one long line" check "$in/long-line.txt" --quiet --max-line-length 1G
/usr/bin/python3 -c "
import sys
n = $(big 1000000)
sys.stdout.write('Peer groups help men ' + ''.join('[%d]' % (i % 9 + 1) for i in range(n)) + '.\n\n')
sys.stdout.write(''.join('[%d] https://a.example/%d\n' % (i, i) for i in range(1, 10)))" \
  > "$in/markers.txt"
run 0 "a million markers on one line" build "$in/markers.txt" -o "$work/out/g.json"
valid_json "a million markers on one line" "$work/out/g.json" '"markers": ["1", "2", "3"'
/usr/bin/python3 -c "
import sys
n = $(big 100000)
sys.stdout.write('Peer groups help men [1].\n\n')
sys.stdout.write(''.join('[%d] https://a.example/%d\n' % (i, i) for i in range(1, n + 1)))" \
  > "$in/long-list.txt"
run 0 "a list of 100,000 entries" check "$in/long-list.txt" --quiet
/usr/bin/python3 -c "
import sys
n = $(big 100000)
sys.stdout.write(''.join('Men gain [%d].\n' % i for i in range(1, n + 1)) + '\n')
sys.stdout.write(''.join('[%d] https://a.example/x\n' % i for i in range(1, n + 1)))" \
  > "$in/one-work.txt"
run 0 "a list naming one work 100,000 times" build "$in/one-work.txt" -o "$work/out/g.json"
valid_json "a list naming one work 100,000 times" "$work/out/g.json" '"text": "Men gain."'
/usr/bin/python3 -c "
import sys
sys.stdout.write('claim,source\n\"' + 'x' * $(big 50000000) + '\",https://a.example/1\n')" \
  > "$in/wide.csv"
run 0 "a CSV field of 50 MB" check --map text=claim,source=source "$in/wide.csv" --quiet \
  --max-line-length 1G

# Limits: a line over 16 MiB, an input over 512 MiB (a sparse 1 GB file: refused before it is
# read), stdin over --max-input-size, a graph over --max-nodes: exit 1, what and how to raise it.
/usr/bin/python3 -c "import sys; sys.stdout.write('Peer groups help men. ' * 800000 + '\n')" \
  > "$in/over-line.txt"
run 1 "a line over the limit" build "$in/over-line.txt" -o "$work/out/g.json"
says "a line over the limit" "$in/over-line.txt:1:1: error: line 1 is 16.8 MiB long, more than the limit of 16 MiB; raise the limit with --max-line-length SIZE"
no_output_left "a line over the limit"
truncate -s 1G "$in/huge.txt"
run 1 "a 1 GB input" build "$in/huge.txt" -o "$work/out/g.json"
says "a 1 GB input" "$in/huge.txt: error: the input is 1 GiB, more than the limit of 512 MiB; raise the limit with --max-input-size SIZE (e.g. 2G)"
no_output_left "a 1 GB input"
rm -f "$in/huge.txt"
head -c 3000000 /dev/zero | tr '\0' 'a' > "$in/three-mb.txt"
run 1 "stdin over the limit" build - -o "$work/out/g.json" --max-input-size 2M < "$in/three-mb.txt"
says "stdin over the limit" "-: error: the input holds more than the limit of 2 MiB"
run 1 "a graph over --max-nodes" build graphs/men-peer-support/men-peer-support.txt \
  -o "$work/out/g.json" --max-nodes 40
says "a graph over --max-nodes" "more than the limit of 40; raise the limit with --max-nodes N"
no_output_left "a graph over --max-nodes"

# JSON nested 100,000 levels: an error, no stack overflow.
/usr/bin/python3 -c "print('[' * 100000 + ']' * 100000)" > "$in/deep.json"
run 1 "JSON nested 100,000 levels" build "$in/deep.json" -o "$work/out/g.json"
says "JSON nested 100,000 levels" "$in/deep.json:1:1: error:"
no_output_left "JSON nested 100,000 levels"

# A lexicon whose synonyms match every word of the answer.
cat > "$in/greedy.json" << 'EOF'
{"concepts": [{"name": "Everyone", "type": "population",
               "synonyms": ["peer", "groups", "help", "men", "peer groups", "a", "the"]}]}
EOF
printf "$answer" > "$in/answer.txt"
run 0 "a lexicon matching every word" build "$in/answer.txt" --lexicon "$in/greedy.json" \
  -o "$work/out/g.json"
valid_json "a lexicon matching every word" "$work/out/g.json" '"id": "population:everyone"'

# Files that are not there or not files; outputs that cannot be written or would overwrite input.
run 1 "a missing file" build "$in/missing.txt" -o "$work/out/g.json"
says "a missing file" "$in/missing.txt"
no_output_left "a missing file"
mkdir -p "$in/folder"
run 1 "a folder for a lexicon" build "$in/answer.txt" --lexicon "$in/folder" -o "$work/out/g.json"
says "a folder for a lexicon" "$in/folder: is a directory, not a file"
no_output_left "a folder for a lexicon"
if ((EUID != 0)); then
  printf "$answer" > "$in/secret.txt" && chmod 000 "$in/secret.txt"
  run 1 "an unreadable file" build "$in/secret.txt" -o "$work/out/g.json"
  says "an unreadable file" "$in/secret.txt: cannot open for reading"
  no_output_left "an unreadable file"
  mkdir -p "$work/locked" && chmod 555 "$work/locked"
  run 1 "an unwritable folder" build "$in/answer.txt" -o "$work/locked/g.json"
  says "an unwritable folder" "$work/locked/g.json"
else
  echo "note: running as root: the unreadable file and the unwritable folder are not tried"
fi
run 1 "output into a missing folder" build "$in/answer.txt" -o "$work/out/none/g.json"
says "output into a missing folder" "$work/out/none/g.json: cannot open for writing"
no_output_left "output into a missing folder"
run 2 "output onto an input" build "$in/answer.txt" -o "$in/answer.txt" --to json
says "output onto an input" "would overwrite the input"
ln -sf answer.txt "$in/link.json"
run 2 "output onto a link to an input" build "$in/answer.txt" -o "$in/link.json"
says "output onto a link to an input" "-o $in/link.json would overwrite the input $in/answer.txt"
cmp -s "$in/answer.txt" <(printf "$answer") || fail "an input was changed"

# Two runs writing the same output at once: both succeed, the file is one whole graph.
seed=graphs/men-peer-support/men-peer-support.txt
rm -rf "$work/out" && mkdir -p "$work/out"
"$evgraph" build "$seed" -o "$work/out/same.json" --quiet 2> /dev/null & first=$!
"$evgraph" build "$seed" -o "$work/out/same.json" --quiet 2> /dev/null & second=$!
wait $first || fail "two runs at once: the first failed"
wait $second || fail "two runs at once: the second failed"
"$evgraph" build "$seed" -o "$work/alone.json" --quiet 2> /dev/null
cmp -s "$work/out/same.json" "$work/alone.json" || fail "two runs at once: the output is not whole"
[[ "$(ls -A "$work/out")" == same.json ]] || fail "two runs at once left: $(ls -A "$work/out")"

((failures == 0)) && echo "hostile inputs answered as designed" || exit 1
