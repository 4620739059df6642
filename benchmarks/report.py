#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the tables of the end-to-end benchmark from the files benchmarks/run.sh wrote.

    benchmarks/report.py WORKDIR

Reads WORKDIR/runs.tsv (one indexing run a line: key, label, /usr/bin/time -v output, indexer
log, index path, query TSV or '-'), the corpus summary, and the query TSVs of steppe_query_bench,
xapian_baseline and fts5_baseline. Prints Markdown. MB are 10^6 bytes; the query latency median
and p95 are over every timed run of every query. Where a key has several runs (rounds), its
time, CPU and peak RSS are their medians, and each round's ratio to Xapian is listed too.
"""

import os
import platform
import re
import statistics
import sys


def wall_seconds(text):
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", text)
    h, mnt, s = m.groups()
    return int(h or 0) * 3600 + int(mnt) * 60 + float(s)


def time_field(text, name):
    return float(re.search(re.escape(name) + r": ([\d.]+)", text).group(1))


def size_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for folder, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(folder, f)) for f in files)
    return total


def percentile(values, p):
    """Nearest-rank percentile."""
    values = sorted(values)
    rank = max(1, -(-len(values) * p // 100))
    return values[int(rank) - 1]


def read_queries(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("n\t"):
                continue
            n, hits, median, samples, query = line.rstrip("\n").split("\t", 4)
            rows.append({"hits": int(hits), "median": float(median), "query": query,
                         "samples": [float(s) for s in samples.split(",")]})
    return rows


def machine():
    model = cores = mem = "?"
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read()
        model = re.search(r"model name\s*: (.*)", info).group(1).strip()
        cores = str(os.cpu_count())
        mhz = re.search(r"cpu MHz\s*: ([\d.]+)", info)
        if mhz:
            model += f" @ {float(mhz.group(1)) / 1000:.1f} GHz"
        with open("/proc/meminfo") as f:
            kib = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1))
        mem = f"{kib / 2**20:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return f"{model}, {cores} cores, {mem} RAM, {platform.system()} {platform.release()}"


def fmt(x, digits=1):
    return "–" if x is None else f"{x:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def read_run(line):
    key, label, time_file, log_file, index, queries = line.rstrip("\n").split("\t")
    with open(time_file) as t:
        timing = t.read()
    with open(log_file, encoding="utf-8", errors="replace") as lg:
        indexed = re.search(r"indexed (\d+) articles?", lg.read())
    return {
        "key": key, "label": label, "wall": wall_seconds(timing),
        "cpu": time_field(timing, "User time (seconds)") +
               time_field(timing, "System time (seconds)"),
        "docs": int(indexed.group(1)) if indexed else None,
        "rss": time_field(timing, "Maximum resident set size (kbytes)") * 1024 / 1e6,
        "size": size_bytes(index) / 1e6,
        "queries": read_queries(queries) if queries != "-" else None,
    }


def median_run(runs, n_docs, corpus_bytes):
    """One row for a key's rounds: the medians, the first round's queries."""
    run = dict(runs[0])
    run["rounds"] = runs
    for field in ("wall", "cpu", "rss"):
        run[field] = statistics.median(r[field] for r in runs)
    run["docs_s"], run["mb_s"] = n_docs / run["wall"], corpus_bytes / 1e6 / run["wall"]
    if run["queries"]:
        samples = [s for q in run["queries"] for s in q["samples"]]
        run["q50"], run["q95"] = percentile(samples, 50), percentile(samples, 95)
    else:
        run["q50"] = run["q95"] = None
    return run


def main():
    work = sys.argv[1]
    with open(os.path.join(work, "corpus", ".steppe-bench-corpus"), encoding="utf-8") as f:
        corpus = f.read().strip()
    n_docs = int(corpus.split()[0])
    corpus_bytes = int(re.search(r"(\d+) bytes", corpus).group(1))

    rounds = {}  # key -> its runs, in the order run.sh wrote them
    with open(os.path.join(work, "runs.tsv"), encoding="utf-8") as f:
        for line in f:
            run = read_run(line)
            rounds.setdefault(run["key"], []).append(run)
    runs = [median_run(r, n_docs, corpus_bytes) for r in rounds.values()]

    try:
        with open(os.path.join(work, "loadavg")) as f:
            load = f.read().strip()
    except OSError:
        load = ""
    load = f"; load average before the run {load}" if load else ""
    n_rounds = max(len(r["rounds"]) for r in runs)
    medians = f" Indexing figures are medians of {n_rounds} interleaved rounds." \
        if n_rounds > 1 else ""
    print(f"Corpus: {corpus}.  \nMachine: {machine()}{load}.{medians}\n")
    cols = ["docs", "wall s", "CPU s", "docs/s", "MB/s", "peak RSS MB", "index MB",
            "query median ms", "query p95 ms"]
    print("| system | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for r in runs:
        cells = [str(r["docs"]) if r["docs"] is not None else "?", fmt(r["wall"], 2),
                 fmt(r["cpu"], 2), fmt(r["docs_s"], 0), fmt(r["mb_s"], 2), fmt(r["rss"], 0),
                 fmt(r["size"], 1), fmt(r["q50"], 3), fmt(r["q95"], 3)]
        print(f"| {r['label']} | " + " | ".join(cells) + " |")
    steppes = [r for r in runs if r["key"].startswith("steppe")]
    baselines = [r for r in runs if not r["key"].startswith("steppe")]
    steppe_queries = next((r for r in steppes if r["queries"]), None)
    for s in steppes:
        for b in baselines:
            q50 = s["q50"] if s["q50"] is not None else steppe_queries and steppe_queries["q50"]
            q95 = s["q95"] if s["q95"] is not None else steppe_queries and steppe_queries["q95"]
            cells = ["", ratio(s["wall"], b["wall"]), ratio(s["cpu"], b["cpu"]),
                     ratio(s["docs_s"], b["docs_s"]), ratio(s["mb_s"], b["mb_s"]),
                     ratio(s["rss"], b["rss"]), ratio(s["size"], b["size"]),
                     ratio(q50, b["q50"]), ratio(q95, b["q95"])]
            print(f"| *{s['label']} / {b['label']}* | " +
                  " | ".join(c if isinstance(c, str) else fmt(c, 2) + "×" for c in cells) + " |")

    xapian = next((b for b in baselines if b["key"] == "xapian"), None)
    if n_rounds > 1 and xapian:
        print("\nEach round's docs/s ratio to Xapian's in the same round:\n")
        for s in steppes:
            ratios = [x["wall"] / r["wall"] for r, x in zip(s["rounds"], xapian["rounds"])]
            print(f"- {s['label']}: " + ", ".join(f"{q:.2f}×" for q in ratios))

    with_queries = [r for r in runs if r["queries"]]
    if not with_queries:
        return
    print("\nHits (matching articles reported) and median latency per query:\n")
    names = [r["label"].split(",")[0] for r in with_queries]  # "Steppe, 1 job" -> "Steppe"
    print("| # | query | " + " | ".join(f"hits {n}" for n in names) + " | " +
          " | ".join(f"ms {n}" for n in names) + " |")
    print("|---:|---|" + "---:|" * (2 * len(names)))
    for i, q in enumerate(with_queries[0]["queries"]):
        hits = [str(r["queries"][i]["hits"]) for r in with_queries]
        ms = [f"{r['queries'][i]['median']:.3f}" for r in with_queries]
        query = q["query"].replace("|", "\\|")
        print(f"| {i + 1} | `{query}` | " + " | ".join(hits) + " | " + " | ".join(ms) + " |")


if __name__ == "__main__":
    main()
