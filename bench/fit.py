"""Does each widget beside its prose fit a desktop window (issue 34, one scroll)? For every widget of every page
(from the registry), at 1440x900 by default: the widget's height against the window, the height of its figure part
(.widget-main) and of its controls, and the gap from the figure's bottom to the last control's bottom.
Prints one line per widget and a total; measures, asserts nothing.

    .venv/bin/python bench/fit.py [--url http://127.0.0.1:8000] [--size 1440x900] [--pages a,b] [--json F]"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from app.registry import EXPLORABLES  # noqa: E402

JS = """() => Array.from(document.querySelectorAll('.widget')).map(w => {
  const r = e => e ? e.getBoundingClientRect() : null;
  const main = r(w.querySelector('.widget-main')), form = r(w.querySelector('.controls'));
  return {id: w.id.replace('widget-', ''), height: Math.round(w.offsetHeight),
          figure: Math.round(main.height), controls: Math.round(form.height),
          fits: w.classList.contains('fits')};
})"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--size", default="1440x900")
    ap.add_argument("--pages", default="")
    ap.add_argument("--json", default="")
    a = ap.parse_args()
    width, height = (int(v) for v in a.size.split("x"))
    slugs = a.pages.split(",") if a.pages else [e.slug for e in EXPLORABLES]
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": width, "height": height})
        for slug in slugs:
            page.goto(f"{a.url}/{slug}")
            page.wait_for_timeout(300)
            for w in page.evaluate(JS):
                w["page"] = slug
                w["window"] = height
                rows.append(w)
                print(f"{slug:32} {w['id']:14} widget {w['height']:5} figure {w['figure']:5} "
                      f"controls {w['controls']:5}  {'fits' if w['height'] <= height - 24 else 'TALLER'}")
        browser.close()
    fit = sum(w["height"] <= height - 24 for w in rows)
    over = sorted(w["height"] - (height - 24) for w in rows if w["height"] > height - 24)
    print(f"\n{fit} of {len(rows)} widgets fit {width}x{height}; "
          f"median overshoot of the rest {over[len(over) // 2] if over else 0} px; "
          f"median controls height {sorted(w['controls'] for w in rows)[len(rows) // 2]} px")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
