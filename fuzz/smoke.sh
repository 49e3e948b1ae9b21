#!/usr/bin/env bash
# Builds the libFuzzer harnesses (the fuzz preset, build-fuzz/) and runs each for SECONDS (default
# 20) from its seeds: fuzz/corpus/NAME plus the shipped example and test fixtures of its format.
# Usage: fuzz/smoke.sh [SECONDS [NAME...]]   (NAME: a harness in fuzz/, default all of them)
# Each run's corpus, log and any crashing input are kept in build-fuzz/fuzz-runs/NAME/; exits 1 on
# the first harness that finds a crash, leak, timeout (2 s an input) or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
names=("$@")
((${#names[@]})) || names=(answer perplexity chatgpt_export openai anthropic gemini lexicon
  evidence_json csv tsv jsonl csl_json bibtex ris html graph_json roundtrip)

cmake --preset fuzz > /dev/null
cmake --build --preset fuzz

ex=graphs/men-peer-support fx=tests/fixtures
seeds() {
  case $1 in
    answer) echo $ex/men-peer-support.txt $fx/answers/*.md $fx/assistants/*.md $fx/assistants/*.txt ;;
    perplexity) echo $fx/answers/sonar_*.json ;;
    chatgpt_export) echo $fx/assistants/api/conversations.json ;;
    openai | anthropic | gemini) echo $fx/assistants/api/"$1"_*.json ;;
    lexicon) echo $ex/lexicon.json src/extract/default_lexicon.json ;;
    evidence_json) echo $fx/curated/evidence.json $fx/torture/*.json ;;
    csl_json) echo $fx/bibliography/*.json ;;
    bibtex) echo $fx/bibliography/*.bib ;;
    ris) echo $fx/bibliography/*.ris ;;
    html) echo $fx/html/*.html ;;
    graph_json) echo $ex/men-peer-support.json ;;
    roundtrip) echo $ex/men-peer-support.txt $fx/torture/*.json $fx/assistants/api/*.json ;;
  esac
}

# Graphviz's gvc and fontconfig keep allocations for the process lifetime (tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
for name in "${names[@]}"; do
  run=build-fuzz/fuzz-runs/$name
  mkdir -p "$run/corpus"
  # shellcheck disable=SC2046
  cp fuzz/corpus/"$name"/* $(seeds "$name") "$run/corpus/" 2> /dev/null || true
  if build-fuzz/fuzz/fuzz_"$name" "$run/corpus" -max_total_time="$seconds" -timeout=2 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$run/" > "$run/log" 2>&1; then
    echo "fuzz $name: $(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$run/log" |
      cut -d' ' -f2) runs, $(grep -o 'cov: [0-9]*' "$run/log" | tail -1), no findings"
  else
    echo "fuzz $name: FOUND A PROBLEM; input and log in $run/" >&2
    grep -m1 -A30 -E '^==[0-9]+==|runtime error|fuzz: contract|deadly signal|Timeout' "$run/log" >&2
    exit 1
  fi
done
