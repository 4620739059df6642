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
# when missing, the bundled corpus/ is used), STEPPE_BENCH_REPS (timed runs per query, 5).
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

# index KEY LABEL INDEX_PATH COMMAND...: runs COMMAND under /usr/bin/time -v on a fresh index.
index() {
  local key=$1 label=$2 path=$3
  shift 3
  rm -rf "$path"
  say "indexing with $label"
  if ! /usr/bin/time -v -o "$WORK/$key.time" "$@" >"$WORK/$key.index.log" 2>&1; then
    say "$label failed; the end of $WORK/$key.index.log:"
    tail -n 20 "$WORK/$key.index.log" >&2
    exit 1
  fi
  grep -m1 '^indexed' "$WORK/$key.index.log" >&2 || true
}

# queries KEY LABEL COMMAND...: runs the queries file, keeping the TSV; appends the run line.
queries() {
  local key=$1 label=$2
  shift 2
  say "querying $label"
  if ! "$@" "$QUERIES" --reps "$REPS" >"$WORK/$key.queries.tsv" 2>"$WORK/$key.queries.log"; then
    say "$label queries failed:"
    cat "$WORK/$key.queries.log" >&2
    exit 1
  fi
}

record() {  # KEY LABEL INDEX_PATH QUERY_TSV
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$WORK/$1.time" "$WORK/$1.index.log" "$3" "$4" \
    >>"$WORK/runs.tsv"
}

# Steppe: one job and every core when `steppe index` has --jobs; otherwise its default.
index_help=$("$STEPPE" index --help 2>&1 || true)
if [[ $index_help == *--jobs* ]]; then
  cores=$(nproc)
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

python3 "$ROOT/benchmarks/report.py" "$WORK" | tee "$WORK/report.md"
