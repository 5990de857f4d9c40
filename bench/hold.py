"""Does the figure stay in the reader's hands? For every control of every page (from the registry), at a phone
(390x844) and a desktop (1440x900) window: put the control where a reader has it, focus it, drive it to each end
with the keyboard and with the pointer (tests/driving.py, the driver tests/test_reading_layout.py asserts on), and count
  - moved:    controls that moved on screen under the hand when focused or driven (more than 2 px);
              'anchored' counts the presses where the window scrolled while the control stayed put (the browser's
              scroll anchoring, after a change above the control),
  - hidden:   changes after which the chart the control changed (the first figure or panel of its widget whose
              drawing changed) was less than 80% on screen (the viewport and any scroll pane it sits in),
  - cut:      widgets with content cut off by a scroll pane of their own (scrollHeight past clientHeight),
  - small:    drawings (svg.diagram) with text drawn under 12 px,
  - tall:     widgets beside their prose taller than the window (wide screens; such a widget cannot stay pinned),
  - held:     changes seen through the hold (its copy on screen, the part itself not); of them, how many showed the
              part as it was before (stale: the copy's words not the part's), and how many drew a
              drawing's words under 12 px in the copy,
  - missed:   pointer drags past an end of a slider's track after which the thumb was not at that end.
Prints one line per page and totals; `--pages a,b` limits the pages, `--json F` writes every measurement.

    .venv/bin/python bench/hold.py [--url http://127.0.0.1:8000] [--pages big-picture] [--sizes 390x844,1440x900]

Needs a running server (script/server) and Debian's Chromium. Measures, asserts nothing (issue 34)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from app.registry import EXPLORABLES  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from driving import drive_page  # noqa: E402   the driver tests/test_reading_layout.py asserts on


def summarise(m: dict) -> dict:
    drives = [d for c in m["controls"] for d in c["drives"]]
    moved = sum(1 for c in m["controls"] if c["focus_moved"] > 2 or any(d["shifted"] > 2 for d in c["drives"]))
    anchored = sum(1 for d in drives if d["shifted"] <= 2 and d["scrolled"] > 2)
    changes = [d for d in drives if d["changed"]]
    hidden = sum(1 for d in changes if d["changed"]["shown"] < 0.8)
    held = sum(1 for d in changes if d["changed"]["held"])
    tiny = sum(1 for d in changes if d["changed"]["held"] and (d["changed"].get("least") or 99) < 12)
    stale = sum(1 for d in changes if d["changed"]["held"] and not d["changed"]["fresh"])
    drags = [d for d in drives if d["how"].startswith("drag") and d["end"] is not None]
    missed = sum(1 for d in drags if d["end"] != (1 if d["how"] == "drag right" else -1))
    cut = sum(1 for v in m["cut"].values() if v)
    return {"controls": len(m["controls"]), "moved": moved, "anchored": anchored, "changes": len(changes),
            "hidden": hidden, "held": held, "tiny": tiny, "stale": stale, "drags": len(drags), "missed": missed, "widgets": len(m["cut"]),
            "cut": cut, "small": len(m["small"]), "tall": len(m.get("tall", []))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--pages", default="")
    ap.add_argument("--sizes", default="390x844,1440x900")
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    slugs = [s for s in args.pages.split(",") if s] or [e.slug for e in EXPLORABLES]
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    everything = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        for width, height in sizes:
            totals: dict[str, int] = {}
            print(f"== {width}x{height}: controls moved/of, changes with their chart under 80% on screen/of, "
                  f"held, drags missed/of, widgets cut by a pane/of, drawings with text under 12 px")
            for slug in slugs:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{args.url}/{slug}")
                m = drive_page(page, next(e for e in EXPLORABLES if e.slug == slug), width)
                page.close()
                everything[f"{width}x{height} {slug}"] = m
                s = summarise(m)
                for k, v in s.items():
                    totals[k] = totals.get(k, 0) + v
                print(f"{slug:28} moved {s['moved']:3}/{s['controls']:<3} hidden {s['hidden']:3}/{s['changes']:<3} "
                      f"held {s['held']:3} (words<12px {s['tiny']:3}, stale {s['stale']}) missed {s['missed']}/{s['drags']:<3} cut {s['cut']}/{s['widgets']} "
                      f"small {s['small']} tall {s['tall']} (anchored {s['anchored']})", flush=True)
            print(f"{'TOTAL':28} moved {totals['moved']:3}/{totals['controls']:<3} hidden {totals['hidden']:3}/"
                  f"{totals['changes']:<3} held {totals['held']:3} (words<12px {totals['tiny']:3}, stale {totals['stale']}) missed {totals['missed']}/{totals['drags']:<3} "
                  f"cut {totals['cut']}/{totals['widgets']} small {totals['small']} tall {totals['tall']}")
        browser.close()
    if args.json:
        Path(args.json).write_text(json.dumps(everything, indent=1))


if __name__ == "__main__":
    main()
