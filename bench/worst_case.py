#!/usr/bin/env python3
"""Worst-case cost of every simulation over its allowed parameter space (a benchmark).

    .venv/bin/python bench/worst_case.py

Every simulation's cost is monotone in its size-like parameters, so its worst case lies at a
corner of the declared bounds: this runs each widget's simulation at every corner (each number
at its minimum and maximum, every choice), uncached, and prints the slowest.
"""
from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.registry import EXPLORABLES  # noqa: E402


def corners(params):
    options = [(p.min, p.max) if p.kind in ("number", "stepper") else p.values for p in params]
    for combo in itertools.product(*options):
        yield {p.name: p.parse(p.to_text(v)) for p, v in zip(params, combo)}   # as a link would give them


def main() -> None:
    print(f"{'widget':34s} {'corners':>8s} {'worst ms':>9s}  at")
    for e in EXPLORABLES:
        for w in e.widgets:
            worst, where, n = 0.0, None, 0
            for values in corners(w.params):
                t = time.perf_counter()
                w.run(values)
                ms = 1e3 * (time.perf_counter() - t)
                n += 1
                if ms > worst:
                    worst, where = ms, values
            shown = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in where.items())
            print(f"{e.slug + '/' + w.id:34s} {n:8d} {worst:9.1f}  {shown}")


if __name__ == "__main__":
    main()
