#!/usr/bin/env bash
# usage: install_consumer.sh CMAKE BUILD_DIR CONFIG CONSUMER_SRC WORKDIR [CMAKE_ARGS...]
# Installs BUILD_DIR into WORKDIR/prefix, builds tests/consumer/ against it with find_package(evgraph)
# (CMAKE_ARGS go to that configure step), runs the consumer and the installed `evgraph --help`.
set -euo pipefail
cmake=$1 build=$2 config=$3 consumer=$4 work=$5; shift 5
rm -rf "$work" && mkdir -p "$work"
step() { echo "== $*"; "$@" > "$work/log" 2>&1 || { cat "$work/log" >&2; echo "FAIL: $*" >&2; exit 1; }; }

step "$cmake" --install "$build" --config "$config" --prefix "$work/prefix"
step "$cmake" -S "$consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" "$@"
step "$cmake" --build "$work/build"
step "$work/build/consumer"
cat "$work/log"
step "$work/prefix/bin/evgraph" --help
grep -q 'build' "$work/log" || { echo "FAIL: installed evgraph --help does not mention build" >&2; exit 1; }
echo "installed package and binary work"
