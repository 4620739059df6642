#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Whole-process start-up cost of the steppe tool: median wall time of 10 runs each of
`steppe --version` and `steppe search Zhanaozen` on an index of the bundled corpus/, with the
CPU time (user + system) of the same runs, which a busy machine disturbs less.

    benchmarks/startup.py [STEPPE_BINARY] [--runs N]

The index is built once in a temporary folder; each timed run is a fresh process, so the
times include loading shared libraries, relocation and every initialisation a command does.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def median_ms(cmd, runs, env):
    """Median wall and CPU (user + system) milliseconds of `runs` fresh processes."""
    walls, cpus = [], []
    for _ in range(runs + 1):  # the first run warms the page cache and is dropped
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    return statistics.median(walls[1:]), statistics.median(cpus[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steppe", nargs="?", default=os.path.join(ROOT, "build/tools/steppe"))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("STEPPE_DB", None)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([args.steppe, "index", os.path.join(ROOT, "corpus"), "--db", db],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        # An empty program: what starting any process costs here.
        floor = median_ms(["/bin/true"], args.runs, env)
        version = median_ms([args.steppe, "--version"], args.runs, env)
        search = median_ms([args.steppe, "search", "Zhanaozen", "--db", db], args.runs, env)
    print(f"medians of {args.runs} runs, milliseconds    wall    CPU")
    for name, (wall, cpu) in (("/bin/true", floor), ("steppe --version", version),
                              ("steppe search Zhanaozen", search)):
        print(f"{name:38} {wall:7.1f} {cpu:7.1f}")

if __name__ == "__main__":
    sys.exit(main())
