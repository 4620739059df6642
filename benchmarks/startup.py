#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Whole-process start-up cost of the steppe tool: median wall time of 10 runs each of
`steppe --version` and `steppe search Zhanaozen` on an index of the bundled corpus/, with the
CPU time (user + system) of the same runs, which a busy machine disturbs less.

    benchmarks/startup.py [STEPPE_BINARY ...] [--runs N]

The index is built once in a temporary folder; each timed run is a fresh process, so the
times include loading shared libraries, relocation and every initialisation a command does.
Given several binaries (say a build before and after a change), the runs of all of them are
interleaved, one of each in turn, so that a machine busy with other work slows them alike.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_ms(cmd, env):
    """Wall and CPU (user + system) milliseconds of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def medians_ms(cmds, runs, env):
    """Median wall and CPU milliseconds of each command, the commands' runs interleaved."""
    walls = [[] for _ in cmds]
    cpus = [[] for _ in cmds]
    for n in range(runs + 1):  # the first round warms the page cache and is dropped
        for i, cmd in enumerate(cmds):
            wall, cpu = run_ms(cmd, env)
            if n > 0:
                walls[i].append(wall)
                cpus[i].append(cpu)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steppe", nargs="*", default=[os.path.join(ROOT, "build/tools/steppe")])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("STEPPE_DB", None)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([args.steppe[0], "index", os.path.join(ROOT, "corpus"), "--db", db],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        # An empty program: what starting any process costs here.
        rows = [("/bin/true", ["/bin/true"])]
        for steppe in args.steppe:
            label = "steppe" if len(args.steppe) == 1 else steppe
            rows.append((f"{label} --version", [steppe, "--version"]))
            rows.append((f"{label} search Zhanaozen", [steppe, "search", "Zhanaozen", "--db", db]))
        results = medians_ms([cmd for _, cmd in rows], args.runs, env)
    width = max(38, max(len(name) for name, _ in rows) + 1)
    print(f"{'medians of ' + str(args.runs) + ' runs, milliseconds':{width}} {'wall':>7} {'CPU':>7}")
    for (name, _), (wall, cpu) in zip(rows, results):
        print(f"{name:{width}} {wall:7.1f} {cpu:7.1f}")


if __name__ == "__main__":
    sys.exit(main())
