#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds one libFuzzer target with clang (in build-fuzz/, configured on first use) and runs it
# for SECONDS on a fresh copy of its seed corpus, tests/fuzz/seeds/TARGET/:
#
#   tests/fuzz/run.sh TARGET SECONDS [libFuzzer flags...]
#
# TARGET is front_matter, html, jsonl, csv, charset, date, query_parser or analyser; a
# tests/fuzz/TARGET.dict of tokens is used when there is one. The last
# line printed sums the run up: "fuzz TARGET: S s, N executions, C crashes". Inputs that crash,
# leak, hang or run out of memory are kept in build-fuzz/fuzz/TARGET/artifacts/, and the exit
# status is 1 when there is one. Needs clang and libclang-rt-dev (libFuzzer, ASan, UBSan).
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly TARGETS="front_matter html jsonl csv charset date query_parser analyser"
if [ $# -lt 2 ] || [[ " $TARGETS " != *" $1 "* ]] || ! [[ $2 =~ ^[0-9]+$ ]]; then
  echo "usage: tests/fuzz/run.sh TARGET SECONDS [libFuzzer flags...]" >&2
  echo "TARGET is one of: $TARGETS" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
build=${STEPPE_FUZZ_BUILD_DIR:-build-fuzz}

if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  CC=clang CXX=clang++ cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSTEPPE_BUILD_FUZZERS=ON -DSTEPPE_BUILD_TESTS=OFF -DSTEPPE_BUILD_BENCHMARKS=OFF \
    -DSTEPPE_BUILD_TOOLS=OFF -DSTEPPE_INSTALL=OFF >&2
fi
cmake --build "$build" --target "${target}_fuzz" -j "$(nproc)" >&2

work=$build/fuzz/$target
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp tests/fuzz/seeds/"$target"/* "$work/corpus/"
dict=()
[ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
log=$work/fuzz.log
start=$SECONDS
status=0
# -timeout: one input running this long is a hang. -rss_limit_mb: well inside a 24 GB machine.
"$build/tests/fuzz/${target}_fuzz" "$work/corpus" -max_total_time="$seconds" -timeout=25 \
  -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" "$@" \
  >"$log" 2>&1 || status=$?
elapsed=$((SECONDS - start))
tail -n 25 "$log" >&2
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
crashes=$(find "$work/artifacts" -type f | wc -l)
echo "fuzz $target: $elapsed s, ${executions:-0} executions, $crashes crashes"
if [ "$crashes" -gt 0 ] || [ "$status" -ne 0 ]; then
  find "$work/artifacts" -type f >&2
  exit 1
fi
