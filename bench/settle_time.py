#!/usr/bin/env python3
"""Key press -> whole widget updated, in headless Chromium (complements ../shared/bench/latency.py,
which stops at the *first* figure that changes).

    .venv/bin/python bench/settle_time.py URL [--n 40] [--slider-index 0]
    .venv/bin/python bench/settle_time.py URL --widget predictor --slider delay   # one widget's slider

For each press (ArrowRight / ArrowLeft alternately on the slider) it records, from the keydown:
  first   the first frame in which any figure's text differs (what latency.py measures), or with
          --widget, also the drawn shapes of that widget's figures or its drawn panels;
  all     the last frame in which anything changed (any figure, the caption, a live number in
          the prose) within 1.5 s of the press: when the whole widget shows the new state.
Prints p50 / p95 of both. A benchmark, not a test.
"""
from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

MEASURE = """(widget) => {
  // Text of every figure, caption and live number; with --widget, also the shapes of that widget's
  // figures (a line or bar chart may change without any of its text changing).
  const shapes = () => widget ? [...document.querySelectorAll('.widget[data-widget=' + widget + '] .js-plotly-plot path')]
    .map(p => p.getAttribute('d')).join('|') : '';
  // With --widget, its drawn panels too (a step-through may change only the drawing).
  const panels = () => widget ? [...document.querySelectorAll('[id^="panel-' + widget + '-"]')]
    .map(e => e.innerHTML).join('|') : '';
  const snapshot = () => [...document.querySelectorAll('.js-plotly-plot, figcaption .summary, .live')]
    .filter(e => !e.closest('.plot-buffers')).map(e => e.textContent).concat([shapes(), panels()]);
  let prev = snapshot(), t0 = null, first = null, last = null;
  const armed = performance.now();
  window.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
  return new Promise(resolve => {
    function tick() {
      const now = performance.now(), cur = snapshot();
      if (t0 !== null) {
        if (cur.some((t, i) => t !== prev[i])) {
          if (first === null) first = now - t0;
          last = now - t0;
        }
        if (now - t0 > 1500) return resolve([first, last]);
      } else if (now - armed > 5000) {
        return resolve([null, null]);           // the key press never arrived
      }
      prev = cur;
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });
}"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--slider-index", type=int, default=0)
    ap.add_argument("--widget", help="time this widget's slider --slider (default: the page's Nth slider)")
    ap.add_argument("--slider", help="with --widget: the slider's parameter name")
    a = ap.parse_args()
    first, full = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(a.url)
        if a.widget:
            slider = page.locator(f"#form-{a.widget} input[type=range][name={a.slider}]")
            slider.scroll_into_view_if_needed()
            page.wait_for_selector(f".widget[data-widget={a.widget}] .js-plotly-plot .main-svg")
        else:
            page.wait_for_selector(".js-plotly-plot .main-svg")
            slider = page.locator("input[type=range]").nth(a.slider_index)
        page.wait_for_timeout(1500)
        slider.focus()
        for i in range(a.n):
            page.evaluate(f"(widget) => {{ window.__m = ({MEASURE})(widget); }}", a.widget or "")
            page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
            f, s = page.evaluate("() => window.__m")
            if f is not None:
                first.append(f)
            if s is not None:
                full.append(s)
            page.wait_for_timeout(100)
        browser.close()

    def line(label, xs):
        if not xs:
            return f"{label:28s} no samples"
        q = statistics.quantiles(xs, n=20, method="inclusive")
        return f"{label:28s} n={len(xs):3d}  p50 {statistics.median(xs):6.1f} ms   p95 {q[18]:6.1f} ms"
    print(line("key press -> first figure", first))
    print(line("key press -> whole widget", full))
    if len(full) < a.n:
        print(f"({a.n - len(full)} presses did not finish updating within 5 s)")


if __name__ == "__main__":
    main()
