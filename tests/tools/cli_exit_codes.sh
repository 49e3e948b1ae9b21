#!/usr/bin/env bash
# usage: cli_exit_codes.sh EVGRAPH WORKDIR — the real process's exit codes and outputs
# (design.md "Diagnostics and exit codes"). Run from the source dir.
set -uo pipefail
evgraph=$1 work=$2
seed=graphs/men-peer-support/men-peer-support.txt
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE DESCRIPTION ARGS...: runs evgraph into an empty $work/out; checks the exit code.
expect() {
  local want=$1 what=$2; shift 2
  rm -rf "$work" && mkdir -p "$work/out"
  "$evgraph" "$@" > "$work/stdout" 2> "$work/stderr"
  local got=$?
  if [[ $got != "$want" ]]; then
    fail "$what: exit $got, expected $want (evgraph $*)"; sed 's/^/  stderr: /' "$work/stderr" | head -5 >&2
  fi
}
no_output_left() {
  [[ -z "$(ls -A "$work/out")" ]] || fail "$1 left files behind: $(ls -A "$work/out")"
}

expect 1 "missing input" build no-such-input.txt -o "$work/out/x.json"
no_output_left "missing input"
grep -q 'no-such-input.txt' "$work/stderr" || fail "missing input: stderr does not name the file"

expect 2 "unknown option" build "$seed" --no-such-option -o "$work/out/x.json"
no_output_left "unknown option"

expect 1 "--strict with warnings" build "$seed" --strict -o "$work/out/x.json" -o "$work/out/x.dot"
no_output_left "--strict with warnings"
grep -q 'warning:' "$work/stderr" || fail "--strict: no warning printed on stderr"

expect 0 "-o - --to json" build "$seed" -o - --to json
/usr/bin/python3 -c 'import json, sys; g = json.load(open(sys.argv[1])); assert g["nodes"] and "links" in g' \
  "$work/stdout" 2> /dev/null || fail "-o - --to json: stdout is not node-link JSON: $(head -c 80 "$work/stdout")"

expect 0 "--help" --help
grep -q 'build' "$work/stdout" || fail "--help does not mention the build verb"

((failures == 0)) && echo "exit codes as designed" || exit 1
