#!/usr/bin/env python3
"""Where a parallel test run spends its wall time, from the file TEST_TIMELINE names:

    TEST_TIMELINE=/tmp/tl.tsv script/test; .venv/bin/python bench/timeline.py /tmp/tl.tsv

Prints each worker's first start, last end, busy time and share of the run, the sweep's chunks by group, and
the run in minute-wide rows: how many workers were inside a test, and whether those were sweep chunks."""
from __future__ import annotations

import collections
import re
import sys


def main(path: str) -> None:
    rows = [line.rstrip("\n").split("\t") for line in open(path) if line.count("\t") == 3]
    tests = [(w, float(a), float(b), nodeid) for w, a, b, nodeid in rows]
    t0, t1 = min(t[1] for t in tests), max(t[2] for t in tests)
    print(f"{len(tests)} tests, {(t1 - t0) / 60:.1f} min from the first start to the last end")
    by_worker = collections.defaultdict(list)
    for t in tests:
        by_worker[t[0]].append(t)
    print("worker  first   last    busy   share  tests  sweep chunks (busy)")
    for w in sorted(by_worker):
        ts = by_worker[w]
        busy = sum(b - a for _, a, b, _ in ts)
        sweep = [t for t in ts if "@sweep-" in t[3]]
        print(f"{w:6} {(min(a for _, a, _, _ in ts) - t0) / 60:5.1f}m {(max(b for _, _, b, _ in ts) - t0) / 60:5.1f}m "
              f"{busy / 60:5.1f}m {busy / (t1 - t0):6.0%} {len(ts):6} {len(sweep):4} "
              f"({sum(b - a for _, a, b, _ in sweep) / 60:.1f}m)")
    groups = collections.defaultdict(float)
    for _, a, b, nodeid in tests:
        if m := re.search(r"@(sweep-\d+)$", nodeid):
            groups[m[1]] += b - a
    if groups:
        print("sweep groups: " + ", ".join(f"{g} {s / 60:.1f}m" for g, s in sorted(groups.items())))
    print("minute  workers in a test (of which in sweep chunks)")
    for minute in range(int((t1 - t0) // 60) + 1):
        lo, hi = t0 + 60 * minute, t0 + 60 * (minute + 1)
        inside = [sum(max(0.0, min(b, hi) - max(a, lo)) for _, a, b, n in tests if ("@sweep-" in n) == sweep) / 60
                  for sweep in (False, True)]
        print(f"{minute:5}   {inside[0] + inside[1]:4.1f} ({inside[1]:.1f})")


if __name__ == "__main__":
    main(sys.argv[1])
