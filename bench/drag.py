#!/usr/bin/env python3
"""Pointer drags on every page's first live slider, with Dash (updatemode drag) in the same run (issue 35).

    .venv/bin/python bench/drag.py [--n 12] [--sweeps 6] [--only SLUG] [--no-dash] [--widgets] [--out bench/out/drag-...]

Starts one uvicorn worker on a free loopback port. For each page, the slider is the one bench/widgets.py picks
for the page's first widget (the first whose step changes a figure); the shared harness
(../shared/bench/latency.py) then measures it with the mouse:
  --mode drag   one step of a held drag -> first frame in which the page's first chart changed (p50, ms)
  --mode sweep  a move every 16 ms (a hand's pace), 30 moves: pointer moves the page handled per second,
                figure updates painted per second during the sweep, lag from the release to the last change
The Dash peer (../shared/bench/peers, started by run_peers.sh with DASH_UPDATEMODE=drag) is measured the same
way before and after the pages; ratios are over the mean of its two drag p50s. Last, each page's charts are
timed as they are drawn during a sweep of the same slider (Plotly.react wrapped in the page): the median cost
of one chart's update, and how many updates each chart got per second.
With --widgets, the per-widget table instead: every widget's first slider whose step changes a figure (as
bench/widgets.py picks it), dragged on its own page and measured in the page on every chart of the widget (a
MutationObserver: a step that only moves lines counts), the same drag steps and sweeps; Dash as above.
A benchmark, not a test: machines are noisy; compare within one run.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from playwright.sync_api import sync_playwright  # noqa: E402
from widgets import ARGS, SHARED, pick_slider, site_server  # noqa: E402

SLIDER_SEL = "input[type=range], [role=slider]"      # as latency.py counts sliders

# Each chart's Plotly.react, timed by chart id, while the page runs.
TIME_DRAWS = """() => {
  const react = Plotly.react, t = window.__draws = {};
  Plotly.react = function (el) {
    const t0 = performance.now(), out = react.apply(this, arguments), id = (el.id || 'chart').replace(/^plot-/, '');
    (t[id] = t[id] || []).push(performance.now() - t0);
    return out;
  };
}"""


def harness(url, label, out, mode, n, index, py=sys.executable):
    path = out / f"{label}-{mode}.json"
    subprocess.run([py, str(SHARED / "latency.py"), url, "--mode", mode, "--n", str(n), "--slider-index", str(index),
                    "--label", label, "--out", str(path), "--ready-text", "", "--timeout-ms", "2000"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.loads(path.read_text())


def summary(d):
    lat = d["latency"]
    if d["mode"] == "sweep":
        return {"moves_per_s": lat["moves_handled_per_s_p50"], "updates_per_s": lat["updates_per_s_p50"],
                "lag_ms": lat["lag_p50_ms"], "lag_max_ms": lat["lag_max_ms"], "first_ms": lat["first_update_p50_ms"],
                "bytes": d["interaction_traffic"]["total_bytes"], "requests": d["interaction_traffic"]["all_requests"]}
    return {"p50": lat["p50_ms"], "p95": lat["p95_ms"], "timeouts": lat["timeouts"],
            "bytes": d["interaction_traffic"]["total_bytes"], "requests": d["interaction_traffic"]["all_requests"]}


def dash(out, n, sweeps, tag):
    """The Dash peer, updating while dragged, measured by the shared harness (run_peers.sh starts and stops it)."""
    venv = os.environ.get("PEER_VENV", "/tmp/peers-venv")
    if not Path(venv, "bin/python").exists():
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([f"{venv}/bin/pip", "install", "-q", "-r", str(SHARED / "requirements.txt")], check=True)
    got = {}
    for mode, count in (("drag", n), ("sweep", sweeps)):
        d = out / f"dash-{tag}-{mode}"
        subprocess.run([str(SHARED / "run_peers.sh"), str(d), "--mode", mode, "--n", str(count)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, "VENV": venv, "PEERS": "dash", "DASH_UPDATEMODE": "drag"})
        got[mode] = summary(json.loads((d / "dash.json").read_text()))
    return got


def slider_index(browser, url, element_id):
    """The slider's place among the elements latency.py counts as sliders (scripts make prose numbers sliders)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_function("() => window.Explorables && document.querySelector('.figdata')")
    index = page.evaluate("([sel, id]) => [...document.querySelectorAll(sel)].indexOf(document.getElementById(id))",
                          [SLIDER_SEL, element_id])
    page.close()
    return index


def draw_costs(browser, url, wid, element_id, moves=30):
    """Each chart's draw cost (median ms) and updates per second during a sweep of the slider."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    slider = page.locator(f"#{element_id}")
    slider.scroll_into_view_if_needed()
    page.wait_for_selector(f".widget[data-widget={wid}] .js-plotly-plot .main-svg")   # its stages too
    page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'", arg=wid)
    page.evaluate(TIME_DRAWS)
    box = slider.bounding_box()
    lo, hi, value, step = slider.evaluate("e => [+e.min, +e.max, +e.value, +e.step || 1]")
    x = box["x"] + 8 + (value - lo) / (hi - lo) * (box["width"] - 16)
    y = box["y"] + box["height"] / 2
    dx = max(4.0, (box["width"] - 16) * step / (hi - lo) * 1.05) * (1 if value - lo < hi - value else -1)
    page.mouse.move(x, y)
    page.mouse.down()
    start = time.perf_counter()
    for k in range(moves):
        ahead = start + k * 0.016 - time.perf_counter()
        if ahead > 0:
            time.sleep(ahead)
        x += dx
        page.mouse.move(x, y)
    took = time.perf_counter() - start
    page.mouse.up()
    page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'", arg=wid)
    draws = page.evaluate("() => window.__draws")
    page.close()
    return {chart: {"ms_p50": round(statistics.median(ts), 1), "per_s": round(len(ts) / took, 1)} for chart, ts in draws.items()}


# The per-widget table (--widgets): drags measured in the page on every chart of the widget and its stages (a
# MutationObserver, so a step that moves only lines counts: the shared harness watches the first chart's text).
# ARM: the clock starts at the next pointermove (capture); resolves the ms to the first frame after a chart changed.
ARM = """(wid) => {
  const b = window.__db || (window.__db = {t0: null, plot: false, armed: false, frames: [], moves: 0});
  if (!b.mo) {
    b.mo = new MutationObserver(rs => {
      if (b.t0 === null && !b.sweeping) return;
      for (const r of rs) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if ((el && el.closest('.js-plotly-plot')) || [...(r.addedNodes || [])].some(n => n.nodeType === 1 && n.matches('.js-plotly-plot'))) {
          b.plot = true; break;
        }
      }
    });
    document.querySelectorAll('.widget[data-widget=' + wid + '] .widget-main').forEach(m =>
      b.mo.observe(m, {subtree: true, childList: true, attributes: true, characterData: true}));
    window.addEventListener('pointermove', () => { b.moves++; if (b.armed && b.t0 === null) b.t0 = performance.now(); }, true);
    (function tick() {
      const now = performance.now();
      if (b.plot && b.sweeping) b.frames.push(now);
      if (b.plot && b.t0 !== null && b.armed) { b.armed = false; b.done(now - b.t0); }
      b.plot = false;
      requestAnimationFrame(tick);
    })();
  }
  b.t0 = null; b.plot = false; b.armed = true;
  const arm = b.arm = (b.arm || 0) + 1;          // a timer left from an earlier arming never ends this one
  window.__dbr = new Promise(resolve => {
    b.done = resolve;
    setTimeout(() => { if (b.armed && b.arm === arm) { b.armed = false; resolve(null); } }, 2500);
  });
}"""


def measure_drags(browser, url, wid, element_id, n, sweeps, moves=30):
    """One widget's slider dragged: n single steps (alternately right and left, the button held, 300 ms apart) and
    `sweeps` sweeps of `moves` moves 16 ms apart; as the shared harness measures them, on all the widget's charts."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    slider = page.locator(f"#{element_id}")
    slider.scroll_into_view_if_needed()
    page.wait_for_selector(f".widget[data-widget={wid}] .js-plotly-plot .main-svg")
    page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'", arg=wid)
    box = slider.bounding_box()
    lo, hi, value, step = slider.evaluate("e => [+e.min, +e.max, +e.value, +e.step || 1]")
    x = box["x"] + 8 + (value - lo) / (hi - lo) * (box["width"] - 16)
    y = box["y"] + box["height"] / 2
    dx = max(4.0, (box["width"] - 16) * step / (hi - lo) * 1.05)
    away = 1 if value - lo <= hi - value else -1     # the first step away from the nearer end (a slider at its max)
    page.evaluate(ARM, wid)
    page.mouse.move(x, y)
    page.mouse.down()
    page.wait_for_timeout(800)
    steps, missed = [], 0
    for i in range(n):
        page.evaluate(ARM, wid)
        x += away * (dx if i % 2 == 0 else -dx)
        page.mouse.move(x, y)
        ms = page.evaluate("() => window.__dbr")
        if ms is None:
            missed += 1
        else:
            steps.append(ms)
        page.wait_for_timeout(300)
    page.mouse.up()
    page.wait_for_timeout(500)
    rates, updates, lags = [], [], []
    for k in range(sweeps):
        th = slider.evaluate("e => [+e.value, +e.min, +e.max]")
        sign = 1 if th[0] - th[1] < th[2] - th[0] else -1
        x = box["x"] + 8 + (th[0] - lo) / (hi - lo) * (box["width"] - 16)
        count = max(1, min(moves, int((box["width"] - 16) / dx) - 2))
        page.mouse.move(x, y)
        page.mouse.down()
        page.wait_for_timeout(400)
        page.evaluate("() => { const b = window.__db; b.frames = []; b.moves = 0; b.sweeping = true; }")
        t_first, start = page.evaluate("() => performance.now()"), time.perf_counter()
        for j in range(count):
            ahead = start + j * 0.016 - time.perf_counter()
            if ahead > 0:
                time.sleep(ahead)
            x += sign * dx
            page.mouse.move(x, y)
        t_last = page.evaluate("() => performance.now()")
        page.mouse.up()
        page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'", arg=wid)
        page.wait_for_timeout(600)
        frames = page.evaluate("() => { const b = window.__db; b.sweeping = false; return b.frames; }")
        span = max(t_last - t_first, 1)
        rates.append(count / span * 1000)
        updates.append(len([t for t in frames if t <= t_last]) / span * 1000)
        lags.append(max(0.0, max(frames) - t_last) if frames else 0.0)
    page.close()
    med = lambda xs: round(statistics.median(xs), 1) if xs else None   # noqa: E731
    return {"step_p50": med(steps), "steps": len(steps), "no_change": missed, "moves_per_s": med(rates),
            "updates_per_s": med(updates), "lag_ms": med(lags), "lag_max_ms": round(max(lags), 1) if lags else None}


def print_dash(ref) -> float | None:
    """Prints Dash's runs (before and after); returns the mean of their drag-step p50s, the ratios' reference."""
    print()
    for tag, r in zip(("before", "after"), ref):
        print(f"Dash (updatemode drag) {tag}: drag step p50 {r['drag']['p50']} ms; sweep {r['sweep']['moves_per_s']} moves/s, "
              f"{r['sweep']['updates_per_s']} updates/s, lag {r['sweep']['lag_ms']} ms")
    return statistics.mean(r["drag"]["p50"] for r in ref) if ref else None


@contextmanager
def site_and_dash(a, out, ref: list):
    """The site's server and a Chromium for the pages, with Dash measured before and after them (appended to ref)."""
    with site_server() as base:
        if not a.no_dash:
            ref.append(dash(out, a.n, a.sweeps, "before"))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            yield base, browser
            browser.close()
        if not a.no_dash:
            ref.append(dash(out, a.n, a.sweeps, "after"))


def widgets_table(a, out) -> None:
    """--widgets: every widget of every page (its first slider whose step changes a figure), Dash before and after."""
    from app.registry import EXPLORABLES
    rows, ref = [], []
    with site_and_dash(a, out, ref) as (base, browser):
        for page in EXPLORABLES:
            if a.only and page.slug != a.only:
                continue
            for w in page.widgets:
                name = pick_slider(page, w)
                if name is None:
                    continue
                row = {"page": page.slug, "widget": w.id, "slider": name,
                       **measure_drags(browser, f"{base}/{page.slug}", w.id, f"{w.id}-{name}", a.n, a.sweeps)}
                rows.append(row)
                print(json.dumps(row), flush=True)
    dash_p50 = print_dash(ref)
    print(f"{'page/widget (slider)':48} {'step p50':>8} {'/Dash':>6} {'moves/s':>8} {'upd/s':>6} {'lag':>6} {'lag max':>8}")
    for r in rows:
        ratio = f"{r['step_p50'] / dash_p50:.2f}" if dash_p50 and r["step_p50"] else "-"
        print(f"{r['page'] + '/' + r['widget'] + ' (' + r['slider'] + ')':48} {r['step_p50']!s:>8} {ratio:>6} "
              f"{r['moves_per_s']!s:>8} {r['updates_per_s']!s:>6} {r['lag_ms']!s:>6} {r['lag_max_ms']!s:>8}"
              + (f"  ({r['no_change']} of {a.n} steps changed no chart)" if r["no_change"] else ""))
    print("(ms; every chart of the widget watched; step = one drag step -> first frame a chart changed; moves/s = "
          "pointer moves handled during a sweep (the hand makes 62/s); upd/s = frames a chart changed in, per second)")
    (out / "drag-widgets.json").write_text(json.dumps({"dash": ref, "widgets": rows}, indent=1))
    print(f"(raw results in {out})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=12, help="drag steps per page (--mode drag)")
    ap.add_argument("--sweeps", type=int, default=6, help="sweeps per page (--mode sweep)")
    ap.add_argument("--only", help="one page's slug")
    ap.add_argument("--no-dash", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench/out" / time.strftime("drag-%Y%m%d-%H%M%S")))
    ap.add_argument("--widgets", action="store_true", help="the per-widget table instead (every widget, measured in the page)")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    if a.widgets:
        widgets_table(a, out)
        return
    from app.registry import EXPLORABLES
    pages = [p for p in EXPLORABLES if not a.only or p.slug == a.only]
    rows, ref = [], []
    with site_and_dash(a, out, ref) as (base, browser):
        for page in pages:
            w = page.widgets[0]
            name = pick_slider(page, w)
            if name is None:
                rows.append({"page": page.slug, "widget": w.id, "slider": None})
                continue
            url, element = f"{base}/{page.slug}", f"{w.id}-{name}"
            index = slider_index(browser, url, element)
            row = {"page": page.slug, "widget": w.id, "slider": name, "index": index,
                   "drag": summary(harness(url, page.slug, out, "drag", a.n, index)),
                   "sweep": summary(harness(url, page.slug, out, "sweep", a.sweeps, index)),
                   "charts": draw_costs(browser, url, w.id, element)}
            rows.append(row)
            d, s = row["drag"], row["sweep"]
            print(f"{page.slug}/{w.id} ({name}): drag step p50 {d['p50']} ms; sweep {s['moves_per_s']} moves/s, "
                  f"{s['updates_per_s']} updates/s, lag {s['lag_ms']} ms; charts {row['charts']}", flush=True)
    dash_p50 = print_dash(ref)
    print(f"{'page/widget (slider)':44} {'step p50':>8} {'/Dash':>6} {'moves/s':>8} {'upd/s':>6} {'lag':>6} {'lag max':>8}  chart: draw ms p50 (updates/s)")
    for r in rows:
        name = f"{r['page']}/{r['widget']} ({r['slider'] or 'no slider'})"
        if r["slider"] is None:
            print(name)
            continue
        d, s = r["drag"], r["sweep"]
        ratio = f"{d['p50'] / dash_p50:.2f}" if dash_p50 and d["p50"] else "-"
        charts = ", ".join(f"{c} {v['ms_p50']} ({v['per_s']})" for c, v in r["charts"].items())
        print(f"{name:44} {d['p50']!s:>8} {ratio:>6} {s['moves_per_s']!s:>8} {s['updates_per_s']!s:>6} {s['lag_ms']!s:>6} "
              f"{s['lag_max_ms']!s:>8}  {charts}" + (f"  ({d['timeouts']} steps changed nothing)" if d["timeouts"] else ""))
    print("(ms; step = one drag step -> first chart changed; moves/s = pointer moves handled during a sweep (the hand "
          "makes 62/s); upd/s = first-chart updates painted per second; lag = release -> last change)")
    (out / "drag.json").write_text(json.dumps({"dash": ref, "pages": rows}, indent=1))
    print(f"(raw results in {out})")


if __name__ == "__main__":
    main()
