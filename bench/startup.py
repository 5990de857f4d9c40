#!/usr/bin/env python3
"""Start-up time: from process start to the first answered request (a benchmark, not a test).

    .venv/bin/python bench/startup.py [--runs 7] [--importtime 12]

Starts the server as script/server does (uvicorn, one worker, no access log) on a free loopback
port, polls /healthz every 5 ms from the moment the process is spawned, and prints min, median and
max over the runs; then the `python -X importtime` lines of `import app.main` that cost the most
(cumulative microseconds).
"""
from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_start() -> float:
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([PY, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port),
                             "--no-server-header", "--no-access-log"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return time.perf_counter() - t0
            except OSError:
                pass
            if proc.poll() is not None:
                raise RuntimeError("the server exited before answering")
            if time.perf_counter() - t0 > 60:
                raise RuntimeError("no answer within 60 s")
            time.sleep(0.005)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def importtime(top: int) -> list[str]:
    out = subprocess.run([PY, "-X", "importtime", "-c", "import app.main"], cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stderr.splitlines()
    rows = [line for line in out if line.startswith("import time:") and "|" in line and "cumulative" not in line]
    rows.sort(key=lambda line: int(line.split("|")[1]), reverse=True)
    return rows[:top]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--importtime", type=int, default=12, help="lines of -X importtime to print (0: none)")
    args = ap.parse_args()
    one_start()   # the first run writes bytecode caches; not counted
    times = [one_start() for _ in range(args.runs)]
    print(f"process start -> first answered request (/healthz), {args.runs} runs: "
          f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s")
    if args.importtime:
        print(f"\npython -X importtime -c 'import app.main', the {args.importtime} largest (cumulative, us):")
        print("\n".join(importtime(args.importtime)))


if __name__ == "__main__":
    main()
