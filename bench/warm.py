"""Before a throughput run: every state of a file in every worker's render cache, and nothing left running.

    python bench/warm.py BASE FILE [--workers N]    # FILE: one path per line (bench/states.py paths)

Asks for every path over 8 connections to each worker (`/healthz` names the worker a connection
reached), one request per connection at a time, each connection starting at its own place in the
list, pass after pass, until a whole pass is answered from the render caches (the `Server-Timing`
header says `cache`, not `render`). Every request is answered before this returns, so no render is
left running. (The warm-up it replaces, wrk at 64 connections, left requests past wrk's 2 s timeout
still rendering when it stopped, which slowed the measured run; and connections opened one at a
time all reach the same idle worker, so the others stayed cold.)
"""
from __future__ import annotations

import argparse
import http.client
import sys
import threading
import time
from urllib.parse import urlsplit


class Client:
    def __init__(self, base: str) -> None:
        self.host, self.port = urlsplit(base).hostname, urlsplit(base).port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def worker(self) -> str:
        """The worker this connection reached (a keep-alive connection stays with it)."""
        self.conn.request("GET", "/healthz")
        r = self.conn.getresponse()
        r.read()
        return r.getheader("Server-Timing", "")

    def rendered(self, path: str) -> bool:
        """Asks for path; whether the server rendered it (rather than answering from its cache)."""
        for attempt in (1, 2):
            try:
                self.conn.request("GET", path, headers={"Accept-Encoding": "gzip, deflate, br"})
                r = self.conn.getresponse()
                r.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if attempt == 2:                     # the server closed an idle keep-alive: once more
                    raise                            # (a new connection may reach another worker: the
                                                     # passes go on until every connection sees no render)
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        if r.status != 200:
            raise SystemExit(f"{path}: HTTP {r.status}")
        return r.getheader("Server-Timing", "").startswith("render")


def connections(base: str, workers: int) -> list[Client]:
    """8 kept-alive connections to each worker. A new connection goes to whichever worker accepts
    first, and an idle worker always wins: so while one is opened, every worker that already has its
    8 is kept busy (two of its connections asking for renders), and an idle one takes it. /healthz
    names the worker each connection reached."""
    by_worker: dict[str, list[Client]] = {}
    for _ in range(40 * workers):
        full = [kept for kept in by_worker.values() if len(kept) == 8]
        if len(full) == workers:
            break
        stop = threading.Event()

        def busy(client: Client, n: int = 0) -> None:
            while not stop.is_set():
                n += 1
                client.rendered(f"/fragments/what-agi-is/angels?length=1000&busy={n}")   # a junk parameter: never kept
        threads = [threading.Thread(target=busy, args=(c,)) for kept in full for c in kept[:2]]
        for t in threads:
            t.start()
        time.sleep(0.05 if threads else 0)       # let the busy workers get busy
        client = Client(base)
        name = client.worker()
        stop.set()
        for t in threads:
            t.join()
        kept = by_worker.setdefault(name, [])
        if len(kept) < 8:
            kept.append(client)
        else:
            client.conn.close()
    if len(by_worker) < workers or any(len(k) < 8 for k in by_worker.values()):
        raise SystemExit("could not reach every worker: " + ", ".join(f"{w} {len(k)}" for w, k in by_worker.items()))
    print("connections per worker: " + ", ".join(f"{w} {len(k)}" for w, k in by_worker.items()), file=sys.stderr)
    return [c for kept in by_worker.values() for c in kept]


def warm(base: str, paths: list[str], workers: int) -> None:
    clients = connections(base, workers)
    for n in range(1, 11):
        renders: list[int | None] = [None] * len(clients)

        def run(i: int) -> None:                 # each connection starts at its own place in the list
            start = i * len(paths) // len(clients)
            renders[i] = sum(clients[i].rendered(p) for p in paths[start:] + paths[:start])
        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if None in renders:
            raise SystemExit("a connection failed (above)")
        print(f"warm pass {n}: {len(paths) * len(clients)} requests in {time.perf_counter() - t0:.1f} s, "
              f"{sum(renders)} rendered", file=sys.stderr)
        if not sum(renders):
            return
    raise SystemExit("still rendering after 10 passes: is the render cache too small for this file?")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base")
    ap.add_argument("file")
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()
    warm(a.base, [line.strip() for line in open(a.file) if line.strip()], a.workers)


if __name__ == "__main__":
    main()
