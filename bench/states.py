"""Distinct valid states for load tests, from the registry (no hand-kept list of pages).

    python bench/states.py endpoints          # every widget's fragment path, then each API path
    python bench/states.py queries PATH N     # N distinct valid query strings for that path
    python bench/states.py paths KIND N       # N random states of every widget (KIND fragments) or page
                                              # (KIND pages), as full paths, shuffled
    python bench/states.py trace BUILD R      # R readers, each dragging a slider of every widget of
                                              # every page from its default, as the pages ask (/v/BUILD/...
                                              # with from=), after loading the page
"""
from __future__ import annotations

import random
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.framework import canonical_query, fmt_number  # noqa: E402
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


def random_state(params, rng) -> dict:
    state = {}
    for p in params:
        if p.kind == "choice":
            state[p.name] = rng.choice(p.values)
        else:
            v = p.min + rng.randint(0, round((p.max - p.min) / p.step)) * p.step
            state[p.name] = round(v) if p.kind == "stepper" or getattr(p, "integer", False) else round(v, 10)
    return state


def paths(kind: str, n: int) -> list[str]:
    rng = random.Random(kind)
    out = []
    for page in EXPLORABLES:
        units = page.widgets if kind == "fragments" else [page]
        for unit in units:
            prefix = f"/fragments/{page.slug}/{unit.id}" if kind == "fragments" else f"/{page.slug}"
            out += [f"{prefix}?{canonical_query(unit.params, random_state(unit.params, rng))}" for _ in range(n)]
    rng.shuffle(out)
    return out


def trace(build: str, readers: int) -> list[str]:
    """What readers' browsers ask for: each loads every page, then drags one slider of each live
    widget from its default some steps one way and part of the way back, one request per step."""
    rng = random.Random(readers)
    out = []
    for _ in range(readers):
        for page in EXPLORABLES:
            out.append(f"/{page.slug}")
            for w in page.widgets:
                sliders = [p for p in w.params if p.kind in ("number", "stepper")]
                if not w.live_update or not sliders:
                    continue
                p = rng.choice(sliders)
                state = {q.name: q.default for q in w.params}
                shown = canonical_query(w.params, state)
                direction = rng.choice([-1, 1])
                moves = [direction] * rng.randint(2, 12)
                moves += [-direction] * rng.randint(0, len(moves))
                for move in moves:
                    # A reader's drag skips states while a request is in flight (hx-sync queue last).
                    value = state[p.name] + move * p.step * rng.choice([1, 1, 2, 3])
                    if not p.min - 1e-9 <= value <= p.max + 1e-9:
                        continue
                    state[p.name] = round(value) if p.kind == "stepper" or getattr(p, "integer", False) else round(value, 10)
                    now = canonical_query(w.params, state)
                    out.append(f"/v/{build}/fragments/{page.slug}/{w.id}?{now}&{urlencode({'from': shown})}")
                    shown = now
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["endpoints"]:
        rows = list(widgets())
        print("\n".join([frag for frag, _, _ in rows] + [api for _, api, _ in rows]))
    elif sys.argv[1:2] == ["queries"] and len(sys.argv) == 4:
        print("\n".join(queries(sys.argv[2], int(sys.argv[3]))))
    elif sys.argv[1:2] == ["paths"] and len(sys.argv) == 4:
        print("\n".join(paths(sys.argv[2], int(sys.argv[3]))))
    elif sys.argv[1:2] == ["trace"] and len(sys.argv) == 4:
        print("\n".join(trace(sys.argv[2], int(sys.argv[3]))))
    else:
        sys.exit(__doc__)
