"""Distinct valid states for load tests, from the registry (no hand-kept list of pages).

    python bench/states.py endpoints          # every widget's fragment path, then each API path
    python bench/states.py queries PATH N     # N distinct valid query strings for that path
"""
from __future__ import annotations

import random
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.framework import fmt_number  # noqa: E402
from app.registry import EXPLORABLES  # noqa: E402


def widgets():
    for page in EXPLORABLES:
        for w in page.widgets:
            yield f"/fragments/{page.slug}/{w.id}", page.api_path(w), w


def queries(path: str, n: int) -> list[str]:
    widget = next(w for frag, api, w in widgets() if path in (frag, api))
    rng = random.Random(path)
    seen: dict[str, None] = {}
    for _ in range(50 * n):
        state = {}
        for p in widget.params:
            if p.kind == "choice":
                state[p.name] = rng.choice(p.values)
            else:
                steps = round((p.max - p.min) / p.step)
                state[p.name] = fmt_number(p.min + rng.randint(0, steps) * p.step)
        seen[urlencode(state)] = None
        if len(seen) >= n:
            break
    return list(seen)


if __name__ == "__main__":
    if sys.argv[1:2] == ["endpoints"]:
        rows = list(widgets())
        print("\n".join([frag for frag, _, _ in rows] + [api for _, api, _ in rows]))
    elif sys.argv[1:2] == ["queries"] and len(sys.argv) == 4:
        print("\n".join(queries(sys.argv[2], int(sys.argv[3]))))
    else:
        sys.exit(__doc__)
