"""The truth sweep's processor cost per state, per widget: the model run, the texts' checks and the figures' axis check,
on states in the sweep's own order (so a model's cache of runs serves them as it does in the suite).

    .venv/bin/python bench/sweep_cost.py [slug/widget ...] [--states 600] [--chunk 3]

Prints milliseconds per state for each part and an estimate of the widget's whole sweep (per state × its grid). Run it
on a quiet machine: the numbers are processor time of this process."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[1] / "tests")]

from app.registry import EXPLORABLES  # noqa: E402
from sweep import axis_problems, grid, text_problems  # noqa: E402

CHUNK_STATES = 2_500   # tests/test_truths.py's CHUNK: the states one sweep test checks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("widgets", nargs="*", help="slug/widget (default: every widget)")
    ap.add_argument("--states", type=int, default=600)
    ap.add_argument("--chunk", type=int, default=3, help="which of the sweep's chunks to start in")
    args = ap.parse_args()
    rows = []
    for page in EXPLORABLES:
        for w in page.widgets:
            if args.widgets and f"{page.slug}/{w.id}" not in args.widgets:
                continue
            states = grid(page, w)
            start = min(args.chunk * CHUNK_STATES, max(0, len(states) - args.states))
            sample = states[start:start + args.states]
            t0 = time.process_time()
            results = w.run_many(sample)
            t1 = time.process_time()
            for s, r in zip(sample, results):
                text_problems(w, s, r)
            t2 = time.process_time()
            for r in results:
                axis_problems(w, r)
            t3 = time.process_time()
            n = len(sample)
            per = [(t1 - t0) / n * 1e3, (t2 - t1) / n * 1e3, (t3 - t2) / n * 1e3]
            rows.append((sum(per) * len(states) / 1e3, f"{page.slug}/{w.id}", len(states), per))
    print(f"{'widget':36} {'states':>7} {'run':>6} {'texts':>6} {'axes':>6}  ms/state   whole sweep")
    for est, name, total, (a, b, c) in sorted(rows, reverse=True):
        print(f"{name:36} {total:7d} {a:6.2f} {b:6.2f} {c:6.2f}             {est:6.0f} s")
    print(f"{'all':36} {'':7} {'':6} {'':6} {'':6}             {sum(r[0] for r in rows):6.0f} s")


if __name__ == "__main__":
    main()
