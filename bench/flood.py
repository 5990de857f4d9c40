"""One reader flooding a worker: while one client asks for unique states of the angels widget (the
costliest simulation) back to back, how long do everyone else's requests take?

    .venv/bin/python bench/flood.py --url http://127.0.0.1:PORT [--seconds 10]

Prints the median and p95 of GET /healthz and of a page fragment, measured from a second client,
with no flood and during the flood. Not a test: a benchmark (bench/load.sh runs it against one
worker).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import urllib.request
from itertools import count

STATES = count()


def angels_state() -> str:
    n = next(STATES)
    return f"length={50 * (1 + n % 20)}&stuck={0.5 * (1 + n // 20 % 20)}&recover={5 * (n // 400 % 21)}&learning=25"


async def flood_http(base: str, stop: asyncio.Event) -> int:
    sent = 0
    while not stop.is_set():
        await asyncio.to_thread(lambda: urllib.request.urlopen(f"{base}/fragments/what-agi-is/angels?{angels_state()}").read())
        sent += 1
    return sent


def probe(base: str, path: str, seconds: float) -> list[float]:
    out, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        t = time.perf_counter()
        urllib.request.urlopen(base + path).read()
        out.append((time.perf_counter() - t) * 1000)
        time.sleep(0.02)
    return out


async def measure(base: str, seconds: float, flood) -> tuple[list[float], list[float], int]:
    stop = asyncio.Event()
    task = asyncio.create_task(flood(base, stop)) if flood else None
    await asyncio.sleep(0.5 if flood else 0)
    health = await asyncio.to_thread(probe, base, "/healthz", seconds / 2)
    frag = await asyncio.to_thread(probe, base, "/fragments/scheming-pie-charts/pies?rlhf=3", seconds / 2)
    stop.set()
    sent = await task if task else 0
    return health, frag, sent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", required=True)
    ap.add_argument("--seconds", type=float, default=10)
    args = ap.parse_args()
    print(f"{'condition':<22} {'/healthz p50':>13} {'p95':>8} {'fragment p50':>13} {'p95':>8}  flood messages")
    for label, flood in (("no flood", None), ("HTTP flood", flood_http)):
        health, frag, sent = asyncio.run(measure(args.url, args.seconds, flood))
        q = lambda xs, p: statistics.quantiles(xs, n=100)[p - 1]  # noqa: E731
        print(f"{label:<22} {statistics.median(health):>10.1f} ms {q(health, 95):>5.1f} ms "
              f"{statistics.median(frag):>10.1f} ms {q(frag, 95):>5.1f} ms  {sent}")


if __name__ == "__main__":
    main()
