#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash safety: kills `steppe index` with SIGKILL at random moments and checks that the index
# always opens, passes `steppe check` and answers queries, and that re-running the same
# command finishes the job with every article indexed exactly once.
#
# Usage: tests/crash/run.sh STEPPE_BINARY [ARTICLES=3000] [KILLS=10] [FORMAT=md|jsonl]
# With jsonl the articles are the records of one JSON Lines file, so kills land inside the
# file, between the commits of its records.
set -euo pipefail

steppe=$1
articles=${2:-3000}
kills=${3:-10}
format=${4:-md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/db

fail() { echo "crash test: FAILED: $*" >&2; exit 1; }

# Deterministic articles, each with one word no other has, spread over folders.
mkdir -p "$work/in"
filler=$(printf 'Oil workers demanded higher pay and new equipment. %.0s' {1..20})
for ((i = 1; i <= articles; i++)); do
  if [ "$format" = jsonl ]; then
    printf '{"title": "Strike report %d", "date": "20%02d-%02d-%02d", "source": "Wire %d", ' \
      "$i" $((10 + i % 15)) $((1 + i % 12)) $((1 + i % 28)) $((i % 7))
    printf '"text": "Workers in Zhanaozen and Жаңаөзен met on day %d. Marker uniq%dq. %s"}\n' \
      "$i" "$i" "$filler"
    continue
  fi >>"$work/in/feed.jsonl"
  dir=$work/in/$((i % 20))
  mkdir -p "$dir"
  printf -- '---\ntitle: Strike report %d\ndate: 20%02d-%02d-%02d\nsource: Wire %d\n---\n' \
    "$i" $((10 + i % 15)) $((1 + i % 12)) $((1 + i % 28)) $((i % 7)) >"$dir/a$i.md"
  printf 'Workers in Zhanaozen and Жаңаөзен met on day %d. Marker uniq%dq. %s\n' "$i" "$i" \
    "$filler" >>"$dir/a$i.md"
done

# Shards of 700 articles: kills land while full shards are rewritten compactly, too.
index_args=(index "$work/in" --db "$db" --batch 250 --jobs 2 --shard-size 700)
index() { "$steppe" "${index_args[@]}" >/dev/null 2>&1; }

# How long a full run takes, to pick kill moments inside it.
start=$(date +%s%N)
index
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rm -rf "$db"
echo "crash test ($format): $articles articles, a full run takes ${full_ms} ms; killing $kills times"

survived=0
for ((k = 1; k <= kills; k++)); do
  "$steppe" "${index_args[@]}" >/dev/null 2>&1 &  # not a function: $! must be steppe
  pid=$!
  delay_ms=$(( RANDOM % (full_ms > 0 ? full_ms : 1) ))
  sleep "$(printf '0.%03d' "$delay_ms")" 2>/dev/null || sleep 0.1
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ ! -f "$db/XAPIANDB" ]; then
    echo "  kill $k at ${delay_ms} ms: nothing committed yet"
  else
    "$steppe" check --db "$db" >/dev/null || fail "kill $k: steppe check failed"
    docs=$("$steppe" stats --db "$db" --json | sed 's/.*"documents":\([0-9]*\).*/\1/')
    [ "$docs" -le "$articles" ] || fail "kill $k: $docs documents for $articles articles"
    "$steppe" search Zhanaozen --db "$db" --limit 1 >/dev/null ||
      [ "$docs" -eq 0 ] || fail "kill $k: search failed on $docs documents"
    echo "  kill $k at ${delay_ms} ms: index sound, $docs documents committed"
  fi
  survived=$((survived + 1))
done

index || fail "the run after the kills did not finish"
"$steppe" check --db "$db" >/dev/null || fail "final steppe check failed"
docs=$("$steppe" stats --db "$db" --json | sed 's/.*"documents":\([0-9]*\).*/\1/')
[ "$docs" -eq "$articles" ] || fail "final index has $docs documents, expected $articles"
for i in 1 7 $((articles / 3)) $((articles / 2)) $((articles - 1)) "$articles"; do
  hits=$("$steppe" search "uniq${i}q" --db "$db" --json | sed 's/.*"total":\([0-9]*\).*/\1/')
  [ "$hits" -eq 1 ] || fail "article $i found $hits times"
done
echo "crash test: $survived of $kills kills survived; final index has all $articles articles once"
