#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Query latency over shards: the queries of benchmarks/queries.txt (first page of 10 hits, with
# snippets) on an index of several shards, searched
#   - locally, as `steppe index --jobs 2` left it;
#   - locally, with --facets;
#   - with every shard served on 127.0.0.1 by `steppe serve` (xapian-tcpsrv), one server a shard;
#   - the same, with --facets;
#   - locally after `steppe compact` (one shard), with and without --facets.
# Prints the median and 95th percentile of the per-query medians (ms) for each.
#
#   benchmarks/shards.sh DB [WORKDIR]     # e.g. the steppe-all.db that benchmarks/run.sh left
#
# DB is copied to WORKDIR (default /tmp/steppe-shards-bench) before compaction; DB is not changed.
set -euo pipefail

say() { printf 'shards.sh: %s\n' "$*" >&2; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  say "usage: benchmarks/shards.sh DB [WORKDIR]"
  exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=$(cd "$1" && pwd)
WORK=${2:-/tmp/steppe-shards-bench}
BUILD=${STEPPE_BUILD_DIR:-$ROOT/build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
STEPPE=$BUILD/tools/steppe
BENCH=$BUILD/benchmarks/steppe_query_bench
QUERIES=$ROOT/benchmarks/queries.txt
REPS=${STEPPE_BENCH_REPS:-5}
for tool in "$STEPPE" "$BENCH"; do
  [ -x "$tool" ] || { say "missing $tool; build first with ./setup.sh build"; exit 1; }
done
command -v xapian-tcpsrv >/dev/null || { say "missing xapian-tcpsrv: apt-get install xapian-tools"; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK"

# bench NAME DB [--facets]: the per-query TSV of steppe_query_bench in WORK/NAME.tsv.
bench() {
  local name=$1 db=$2
  shift 2
  say "querying: $name"
  "$BENCH" "$db" "$QUERIES" --reps "$REPS" "$@" >"$WORK/$name.tsv"
}

shards=$(grep -c '^auto ' "$DB/XAPIANDB")
say "$DB: $shards local shards, $("$STEPPE" stats --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])') articles"
bench local "$DB"
bench local-facets "$DB" --facets

# One server a shard, each on a free port; a manifest of remote lines.
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
mkdir -p "$WORK/remote.db"
: >"$WORK/remote.db/XAPIANDB"
while read -r kind location; do
  [ "$kind" = auto ] || continue
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$STEPPE" serve --db "$DB/$location" --port "$port" 2>>"$WORK/serve.log" &
  pids+=($!)
  echo "remote 127.0.0.1:$port" >>"$WORK/remote.db/XAPIANDB"
  python3 - "$port" <<'PY'  # until the server accepts connections (5 s at most)
import socket, sys, time
for _ in range(50):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)
PY
done <"$DB/XAPIANDB"
bench remote "$WORK/remote.db"
bench remote-facets "$WORK/remote.db" --facets
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
pids=()

cp -r "$DB" "$WORK/compact.db"
"$STEPPE" compact --db "$WORK/compact.db" >&2
bench compact "$WORK/compact.db"
bench compact-facets "$WORK/compact.db" --facets

python3 - "$WORK" "$shards" <<'PY'
import statistics, sys
work, shards = sys.argv[1], sys.argv[2]
def medians(name):
    out = []
    for line in open(f"{work}/{name}.tsv"):
        if line.startswith("#") or line.startswith("n\t"):
            continue
        out.append(float(line.split("\t")[2]))
    return sorted(out)
def p95(xs):
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
print(f"| searched as | facets | median ms | p95 ms |")
print(f"|---|---|---:|---:|")
for name, label in [("local", f"{shards} local shards"), ("remote", f"{shards} shards served on 127.0.0.1"),
                    ("compact", "1 shard (after steppe compact)")]:
    for suffix, facets in [("", "no"), ("-facets", "yes")]:
        xs = medians(name + suffix)
        print(f"| {label} | {facets} | {statistics.median(xs):.2f} | {p95(xs):.2f} |")
PY
