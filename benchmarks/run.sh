#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end benchmark: Steppe against "Xapian used the usual way" and SQLite FTS5.
#
#   benchmarks/run.sh N [WORKDIR]        # e.g. benchmarks/run.sh 10000
#
# Generates N articles (benchmarks/make_corpus.py) in WORKDIR/corpus, then, on those same files,
# indexes with Steppe (`steppe index`, with --jobs 1 and --jobs <cores> when the CLI has
# --jobs), with benchmarks/xapian_baseline and with benchmarks/fts5_baseline, each under
# /usr/bin/time -v; then runs the queries of benchmarks/queries.txt on all three and prints the
# tables (benchmarks/report.py), also kept in WORKDIR/report.md.
#
# Builds nothing: it expects the programs in build/ (from ./setup.sh build). WORKDIR defaults
# to /tmp/steppe-bench; everything is written there and replaced on the next run.
# Environment: STEPPE_BUILD_DIR (default build), STEPPE_CORPORA (default ../shared/corpora;
# when missing, the bundled corpus/ is used), STEPPE_BENCH_REPS (timed runs per query, 5),
# STEPPE_BENCH_ROUNDS (1): index with every system this many times, in interleaved rounds,
# and report the medians; on a shared machine the time of one run moves by ±10%.
set -euo pipefail

say() { printf 'run.sh: %s\n' "$*" >&2; }

if [ $# -lt 1 ] || [ $# -gt 2 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
  say "usage: benchmarks/run.sh N [WORKDIR]   (N articles, e.g. 10000; WORKDIR /tmp/steppe-bench)"
  exit 2
fi
readonly N=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
readonly ROOT
WORK=${2:-/tmp/steppe-bench}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
readonly WORK
BUILD=${STEPPE_BUILD_DIR:-$ROOT/build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
readonly BUILD
readonly CORPORA=${STEPPE_CORPORA:-$ROOT/../shared/corpora}
readonly REPS=${STEPPE_BENCH_REPS:-5}
readonly ROUNDS=${STEPPE_BENCH_ROUNDS:-1}
if ! [[ $ROUNDS =~ ^[1-9][0-9]*$ ]]; then
  say "STEPPE_BENCH_ROUNDS must be a whole number of rounds, 1 or more; it is '$ROUNDS'"
  exit 2
fi
readonly QUERIES=$ROOT/benchmarks/queries.txt
readonly STEPPE=$BUILD/tools/steppe
readonly QUERY_BENCH=$BUILD/benchmarks/steppe_query_bench
readonly XAPIAN=$BUILD/benchmarks/xapian_baseline
readonly FTS5=$BUILD/benchmarks/fts5_baseline

for tool in "$STEPPE" "$QUERY_BENCH" "$XAPIAN"; do
  if [ ! -x "$tool" ]; then
    say "missing $tool; build first with ./setup.sh build (benchmarks need libbenchmark-dev)"
    exit 1
  fi
done
for cmd in /usr/bin/time python3; do
  if ! command -v "$cmd" >/dev/null; then
    say "missing $cmd; install it with: apt-get install ${cmd##*/}"
    exit 1
  fi
done

python3 "$ROOT/benchmarks/make_corpus.py" "$N" "$WORK/corpus" --corpora "$CORPORA"
: >"$WORK/runs.tsv"
cut -d' ' -f1-3 /proc/loadavg >"$WORK/loadavg" 2>/dev/null || : >"$WORK/loadavg"  # a shared machine?

# The files of one indexing run are WORK/KEY$round_tag.*: no tag when there is one round.
round=1
round_tag=""

# index KEY LABEL INDEX_PATH COMMAND...: runs COMMAND under /usr/bin/time -v on a fresh index.
index() {
  local key=$1 label=$2 path=$3
  shift 3
  local log=$WORK/$key$round_tag.index.log
  rm -rf "$path"
  say "indexing with $label${round_tag:+ (round ${round_tag#.r})}"
  if ! /usr/bin/time -v -o "$WORK/$key$round_tag.time" "$@" >"$log" 2>&1; then
    say "$label failed; the end of $log:"
    tail -n 20 "$log" >&2
    exit 1
  fi
  grep -m1 '^indexed' "$log" >&2 || true
}

# queries KEY LABEL COMMAND...: runs the queries file, keeping the TSV (first round only).
queries() {
  local key=$1 label=$2
  shift 2
  [ "$round" -eq 1 ] || return 0
  say "querying $label"
  if ! "$@" "$QUERIES" --reps "$REPS" >"$WORK/$key.queries.tsv" 2>"$WORK/$key.queries.log"; then
    say "$label queries failed:"
    cat "$WORK/$key.queries.log" >&2
    exit 1
  fi
}

record() {  # KEY LABEL INDEX_PATH QUERY_TSV: appends the run's line for report.py
  local tsv=$4
  [ "$round" -eq 1 ] || tsv=-
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$WORK/$1$round_tag.time" \
    "$WORK/$1$round_tag.index.log" "$3" "$tsv" >>"$WORK/runs.tsv"
}

# Steppe: one job and every core when `steppe index` has --jobs; otherwise its default.
index_help=$("$STEPPE" index --help 2>&1 || true)
cores=$(nproc)
for ((round = 1; round <= ROUNDS; round++)); do
  [ "$ROUNDS" -eq 1 ] || round_tag=.r$round
  if [[ $index_help == *--jobs* ]]; then
    index steppe-1 "Steppe, 1 job" "$WORK/steppe-1.db" \
      "$STEPPE" index "$WORK/corpus" --db "$WORK/steppe-1.db" --jobs 1
    queries steppe-1 "Steppe" "$QUERY_BENCH" "$WORK/steppe-1.db"
    record steppe-1 "Steppe, 1 job" "$WORK/steppe-1.db" "$WORK/steppe-1.queries.tsv"
    index steppe-all "Steppe, $cores jobs" "$WORK/steppe-all.db" \
      "$STEPPE" index "$WORK/corpus" --db "$WORK/steppe-all.db" --jobs "$cores"
    record steppe-all "Steppe, $cores jobs" "$WORK/steppe-all.db" -
  else
    say "steppe index has no --jobs yet: indexing once, with its default threads"
    index steppe "Steppe" "$WORK/steppe.db" "$STEPPE" index "$WORK/corpus" --db "$WORK/steppe.db"
    queries steppe "Steppe" "$QUERY_BENCH" "$WORK/steppe.db"
    record steppe "Steppe" "$WORK/steppe.db" "$WORK/steppe.queries.tsv"
  fi

  index xapian "Xapian" "$WORK/xapian.db" "$XAPIAN" index "$WORK/xapian.db" "$WORK/corpus"
  queries xapian "Xapian" "$XAPIAN" search "$WORK/xapian.db"
  record xapian "Xapian" "$WORK/xapian.db" "$WORK/xapian.queries.tsv"

  if [ -x "$FTS5" ]; then
    index fts5 "FTS5" "$WORK/fts5.sqlite" "$FTS5" index "$WORK/fts5.sqlite" "$WORK/corpus"
    queries fts5 "FTS5" "$FTS5" search "$WORK/fts5.sqlite"
    record fts5 "FTS5" "$WORK/fts5.sqlite" "$WORK/fts5.queries.tsv"
  else
    say "no $FTS5 (SQLite3 was not found at build time: apt-get install libsqlite3-dev): skipped"
  fi
done

python3 "$ROOT/benchmarks/report.py" "$WORK" | tee "$WORK/report.md"
