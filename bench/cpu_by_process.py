#!/usr/bin/env python3
"""Processor time a command costs, by kind of process (Chromium's renderers, browser and GPU processes,
the pytest workers, the servers...): samples /proc every second while the command runs (Linux only).

    .venv/bin/python bench/cpu_by_process.py -- .venv/bin/python -m pytest -q -n 2 tests/test_widgets.py -k keyboard

Only processes whose working directory is under the current one count, so other jobs on the machine
do not; a process that ends between two samples loses its last second."""
from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
HERE = os.getcwd()


def kind(pid: str) -> str | None:
    try:
        if not os.readlink(f"/proc/{pid}/cwd").startswith(HERE):
            return None
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    if "chromium" in cmd:
        sort = re.search(r"--type=([a-z-]+)", cmd)
        return "chromium " + (sort.group(1) if sort else "browser")
    for needle, name in (("uvicorn", "server"), ("playwright/driver", "playwright driver"), ("pytest", "pytest"),
                         ("exec(eval", "pytest worker"), ("nginx", "nginx")):
        if needle in cmd:
            return name
    return "other"


def main() -> None:
    command = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else sys.argv[1:]
    seen: dict[tuple[str, str], list] = {}     # (pid, start time) -> [kind, first, last]
    start = time.monotonic()
    proc = subprocess.Popen(command)
    while True:
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            used = (int(fields[11]) + int(fields[12])) / TICK
            key = (pid, fields[19])
            if key not in seen:
                k = kind(pid)
                if k is None:
                    continue
                seen[key] = [k, used, used]
            seen[key][2] = used
        if proc.poll() is not None:
            break
        time.sleep(1)
    totals = collections.Counter()
    for k, first, last in seen.values():
        totals[k] += last - first
    print(f"\n{time.monotonic() - start:.0f} s of wall time; processor time by kind (exit {proc.returncode}):")
    for k, v in totals.most_common():
        print(f"{v:8.1f} s  {k}")
    print(f"{sum(totals.values()):8.1f} s  in all")


if __name__ == "__main__":
    main()
