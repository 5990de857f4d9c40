"""Does the figure stay in the reader's hands? For every control of every page (from the registry), at a phone
(390x844) and a desktop (1440x900) window: put the control mid-screen, focus it, drive it to each end with the
keyboard (End, then Home; a radio group by its arrow keys), and count
  - moved:    controls that moved on screen under the hand when focused or driven (more than 2 px);
              'anchored' counts the presses where the window scrolled while the control stayed put (the browser's
              scroll anchoring, after a change above the control),
  - hidden:   changes after which the chart the control changed (the first figure or panel of its widget whose
              drawing changed) was less than 80% on screen (the viewport and any scroll pane it sits in),
  - cut:      widgets with content cut off by a scroll pane of their own (scrollHeight past clientHeight),
  - small:    drawings (svg.diagram) with text drawn under 12 px.
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
from helpers import HOLD_JS as JS  # noqa: E402   the measures tests/test_reading_layout.py asserts on



def settle(page, wid: str) -> None:
    try:
        page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                               arg=wid, timeout=8000)
    except Exception:
        pass
    page.evaluate("() => window.__hold.frames()")


def measure_page(page, url: str, slug: str, width: int, height: int) -> dict:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{url}/{slug}")
    page.evaluate(JS)
    out = {"controls": [], "cut": {}, "small": []}
    page_obj = next(e for e in EXPLORABLES if e.slug == slug)
    for widget in page_obj.widgets:
        wid = widget.id
        page.locator(f"#widget-{wid}").scroll_into_view_if_needed()
        settle(page, wid)
        for p in widget.params:
            sel = (f"#form-{wid} input[name='{p.name}']:checked" if p.kind == "choice"
                   else f"#{wid}-{p.name}")
            control = page.locator(sel).first
            if not control.count() or not control.is_visible():
                continue
            # where a reader has it: mid-screen on a phone; on a wide screen the widget in view, then the control
            control.evaluate("(e, wide) => { if (wide) e.closest('.widget').scrollIntoView({block: 'start'}); "
                             "e.closest('.control').scrollIntoView({block: wide ? 'nearest' : 'center'}); }", width >= 1100)
            page.evaluate("() => window.__hold.frames()")
            # moved: the control under the hand shifted on screen (scroll anchoring can change scrollY and keep it put)
            where = "e => e.getBoundingClientRect().top"
            y0 = control.evaluate(where)
            control.focus()
            page.evaluate("() => window.__hold.frames()")
            y1 = control.evaluate(where)
            record = {"widget": wid, "control": p.name, "focus_moved": abs(y1 - y0), "ends": []}
            keys = ("ArrowRight", "ArrowLeft") if p.kind == "choice" else ("End", "Home")
            for key in keys:
                before = page.evaluate("wid => window.__hold.signature(wid)", wid)
                at = "() => [scrollY, document.activeElement.closest('.control').getBoundingClientRect().top]"
                y = page.evaluate(at)
                page.keyboard.press(key)
                settle(page, wid)
                changed = page.evaluate("([wid, b]) => window.__hold.changed(wid, b)", [wid, before])
                y2 = page.evaluate(at)
                record["ends"].append({"key": key, "moved": abs(y2[1] - y[1]), "scrolled": abs(y2[0] - y[0]),
                                       "changed": changed})
            out["controls"].append(record)
            control.evaluate("e => e.blur()")
        out["cut"][wid] = page.evaluate("wid => window.__hold.cut(wid)", wid)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.evaluate("() => window.__hold.frames()")
    out["small"] = page.evaluate("() => window.__hold.small()")
    return out


def summarise(m: dict) -> dict:
    moved = sum(1 for c in m["controls"] if c["focus_moved"] > 2 or any(e["moved"] > 2 for e in c["ends"]))
    anchored = sum(1 for c in m["controls"] for e in c["ends"] if e["moved"] <= 2 and e.get("scrolled", 0) > 2)
    changes = [e for c in m["controls"] for e in c["ends"] if e["changed"]]
    hidden = sum(1 for e in changes if e["changed"]["shown"] < 0.8)
    cut = sum(1 for v in m["cut"].values() if v)
    return {"controls": len(m["controls"]), "moved": moved, "anchored": anchored, "changes": len(changes), "hidden": hidden,
            "widgets": len(m["cut"]), "cut": cut, "small": len(m["small"])}


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
                  f"widgets cut by a pane/of, drawings with text under 12 px")
            for slug in slugs:
                page = browser.new_page(viewport={"width": width, "height": height})
                m = measure_page(page, args.url, slug, width, height)
                page.close()
                everything[f"{width}x{height} {slug}"] = m
                s = summarise(m)
                for k, v in s.items():
                    totals[k] = totals.get(k, 0) + v
                print(f"{slug:28} moved {s['moved']:3}/{s['controls']:<3} hidden {s['hidden']:3}/{s['changes']:<3} "
                      f"cut {s['cut']}/{s['widgets']} small {s['small']} (anchored {s['anchored']})", flush=True)
            print(f"{'TOTAL':28} moved {totals['moved']:3}/{totals['controls']:<3} hidden {totals['hidden']:3}/"
                  f"{totals['changes']:<3} cut {totals['cut']}/{totals['widgets']} small {totals['small']}")
        browser.close()
    if args.json:
        Path(args.json).write_text(json.dumps(everything, indent=1))


if __name__ == "__main__":
    main()
