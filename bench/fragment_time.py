#!/usr/bin/env python3
"""Server time per fragment, printed as medians and p95 (a benchmark, not a test).

    .venv/bin/python bench/fragment_time.py [--n 2000] [--url http://127.0.0.1:8000]

Three figures:
  in-process, cold   an update prepared and rendered directly (validation, ETag, simulation,
                     figures, template; no cache of rendered responses), every request a state
                     never seen before, so the memo never hits;
  in-process, warm   the same, cycling over 20 states (memo hits, as when a reader drags back);
  loopback HTTP      with --url: a keep-alive HTTP/1.1 client against a running server, cold
                     states, timed from request sent to last byte received (includes uvicorn).
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from starlette.requests import Request  # noqa: E402

from app.site import prepare_fragment  # noqa: E402

SLUG, WIDGET = "scheming-pie-charts", "pies"


def states(n: int):
    """n distinct valid states on the sliders' grids."""
    for i in range(n):
        yield {"nice": 20 + i % 80, "treacherous": (i // 80) % 100, "rlhf": round(0.1 * (i % 60), 1),
               "rlvr": round(0.1 * ((i * 7) % 60), 1), "exchange": 5 * (i % 21)}


def request(query: str) -> Request:
    return Request({"type": "http", "method": "GET", "path": f"/fragments/{SLUG}/{WIDGET}",
                    "query_string": query.encode(), "headers": [], "app": None})


def pct(xs, q):
    return statistics.quantiles(xs, n=100, method="inclusive")[q - 1]


def report(label: str, ms: list[float]) -> None:
    print(f"{label:24s} n={len(ms):5d}  p50 {statistics.median(ms):6.2f} ms   p95 {pct(ms, 95):6.2f} ms")


def in_process(n: int, warm: bool) -> list[float]:
    queries = [urlencode(s) for s in states(20 if warm else n)]
    out = []
    for i in range(n):
        q = queries[i % len(queries)]
        t = time.perf_counter()
        _, respond, _ = prepare_fragment(SLUG, WIDGET, request(q), None)
        respond()
        out.append(1e3 * (time.perf_counter() - t))
    return out


def over_http(url: str, n: int) -> list[float]:
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port or 80)
    out = []
    offset = 100_000   # states unlike the in-process ones, in case the server ran those
    for s in states(n + offset):
        if offset:
            offset -= 1
            continue
        path = f"/fragments/{SLUG}/{WIDGET}?{urlencode(s)}"
        t = time.perf_counter()
        conn.request("GET", path, headers={"HX-Request": "true", "Accept-Encoding": "gzip"})
        resp = conn.getresponse()
        resp.read()
        out.append(1e3 * (time.perf_counter() - t))
        assert resp.status == 200, resp.status
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--url", help="a running server to time over loopback HTTP")
    a = ap.parse_args()
    in_process(50, warm=False)   # warm up imports, template compilation
    report("in-process, cold", in_process(a.n, warm=False))
    report("in-process, warm", in_process(a.n, warm=True))
    if a.url:
        over_http(a.url, 50)
        report("loopback HTTP, cold", over_http(a.url, a.n))


if __name__ == "__main__":
    main()
