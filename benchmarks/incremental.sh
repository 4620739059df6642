#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Re-indexing a big JSON Lines export after one record is appended, against reading it whole.
#
#   benchmarks/incremental.sh [STEPPE_BINARY] [RECORDS=20000] [RUNS=3]
#
# Writes an export of RECORDS generated records (made-up text, no corpus needed), then RUNS
# times: indexes it into a new index (the full read), appends one record, and indexes again
# (the update). Prints both medians and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
steppe=${1:-build/tools/steppe}
records=${2:-20000}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$records" >"$work/export.jsonl" <<'PY'
import json, sys
# Deterministic made-up news text (a linear congruential generator), English and Russian.
words = ("oil workers strike pay talks region company ministry statement said union field "
         "wages night shift port ferry grain harvest court ruling budget tender pipeline "
         "нефть рабочие забастовка переговоры область компания министерство заявление "
         "профсоюз месторождение зарплата смена порт паром суд бюджет трубопровод").split()
state = 12345
def pick():
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return words[state % len(words)]
for i in range(int(sys.argv[1])):
    body = " ".join(pick() for _ in range(120))
    print(json.dumps({"title": f"Report {i} {pick()} {pick()}", "text": body + f" marker{i}x.",
                      "date": f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      "source": "Steppe Wire"}, ensure_ascii=False))
PY

seconds() {  # runs "$@", prints its wall time in seconds
  local start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  awk -v ns=$(($(date +%s%N) - start)) 'BEGIN {printf "%.3f\n", ns / 1e9}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

full=() update=()
for ((r = 1; r <= runs; r++)); do
  rm -rf "$work/db"
  cp "$work/export.jsonl" "$work/run.jsonl"
  full+=("$(seconds "$steppe" index "$work/run.jsonl" --db "$work/db")")
  printf '{"title": "Appended %d", "text": "One more record, run %d."}\n' "$r" "$r" >>"$work/run.jsonl"
  update+=("$(seconds "$steppe" index "$work/run.jsonl" --db "$work/db")")
  "$steppe" search "Appended $r" --db "$work/db" >/dev/null || { echo "appended record not found" >&2; exit 1; }
done
full_median=$(printf '%s\n' "${full[@]}" | median)
update_median=$(printf '%s\n' "${update[@]}" | median)
echo "records: $records; runs: $runs (wall seconds: full ${full[*]}; update ${update[*]})"
echo "full read:            ${full_median} s (median)"
echo "one record appended:  ${update_median} s (median)"
awk -v f="$full_median" -v u="$update_median" 'BEGIN {printf "speed-up:             %.1fx\n", f / u}'
