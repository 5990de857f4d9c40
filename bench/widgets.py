#!/usr/bin/env python3
"""Every widget of every page (from the registry), key press -> figure, with Dash in the same run.

    .venv/bin/python bench/widgets.py [--presses 20] [--only SLUG] [--no-dash] [--no-anticipate] [--out bench/out/widgets.json]

Starts one uvicorn worker on a free loopback port. For each widget whose controls update live, it
picks the first slider whose step from the default changes a figure (else anything the widget
shows), then presses its arrow keys in headless Chromium: to the right until the slider's end,
then back, so every press asks for a URL the browser has not fetched (on the way back the state
shown differs: `from=`), and the server renders the new states of the way out. For each
press, from the keydown, measured in the page at animation frames like ../shared/bench/latency.py
(which compares the first chart's text each frame; here a MutationObserver notes changes, so
that watching many charts costs the page nothing measurable):
  first   the first frame after one of the widget's charts changed (or a chart drawn ahead took its place)
  whole   the last frame within the press's window after anything of the widget changed:
          charts, caption, drawn panels, live numbers in the prose
and the compressed size of each update the server sent. The Dash peer of ../shared/bench is
measured by the shared harness (latency.py, first figure) before and after the widgets; the
ratio is each widget's first-figure p50 over the mean of those two Dash p50s. Each page's cold
load (bytes with its first widget's figure drawn) is measured by latency.py too.
A benchmark, not a test: machines are noisy; compare within one run.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FRAME_MS = 1000 / 60

# Arms a watch of one widget; resolves [first, whole] ms after the next keydown. A MutationObserver
# marks what changed (cheap: no per-frame copies of the page), and each animation frame stamps it:
# the first frame after a chart of the widget changed, and the last after anything of the widget
# changed (charts, caption, panels, live numbers in the prose; not its own controls).
MEASURE = """(wid) => {
  const root = document.getElementById('widget-' + wid);
  let t0 = null, plot = false, any = false, first = null, last = null, quiet = null;
  const mo = new MutationObserver(records => {
    if (t0 === null) return;
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!el || el === root || el.closest('form.controls')) continue;
      any = true;
      if (el.closest('.js-plotly-plot')) plot = true;
      for (const n of r.addedNodes) if (n.nodeType === 1 && n.matches('.js-plotly-plot')) plot = true;   // a chart drawn ahead put in place
    }
  });
  const opts = { subtree: true, childList: true, characterData: true, attributes: true };
  mo.observe(root, opts);
  document.querySelectorAll('[class*="live-' + wid + '-"], [class*="claim-' + wid + '-"]').forEach(e => mo.observe(e, opts));
  window.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
  return new Promise(resolve => {
    function tick() {
      const now = performance.now();
      if (t0 !== null) {
        if (plot && first === null) first = now - t0;
        if (any) { last = now - t0; quiet = now; }
        plot = any = false;
        if ((quiet !== null && now - quiet > 400) || now - t0 > 2000) { mo.disconnect(); return resolve([first, last]); }
      }
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });
}"""


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pick_slider(page, widget):
    """The first slider whose step from the default changes a figure, else anything shown; None if
    the widget updates only on request."""
    from app.views import widget_view
    if not widget.live_update:
        return None
    values = {p.name: p.default for p in page.params}
    inactive = dict(widget.inactive({p.name: values[p.name] for p in widget.params}))
    base = widget_view(page, widget, values, [])
    fallback = None
    for p in widget.params:
        if p.kind not in ("number", "stepper") or p.name in inactive:
            continue
        moved = p.default + p.step if p.default + p.step <= p.max + 1e-9 else p.default - p.step
        moved = round(moved) if p.kind == "stepper" or getattr(p, "integer", False) else moved
        view = widget_view(page, widget, {**values, p.name: moved}, [])
        if view["figures"] != base["figures"]:
            return p.name
        if fallback is None and any(view[k] != base[k] for k in ("summary", "panels", "live")):
            fallback = p.name
    return fallback


def pct(xs, q):
    if not xs:
        return None
    return round(statistics.quantiles(xs, n=20, method="inclusive")[q // 5 - 1], 1) if q != 50 else round(statistics.median(xs), 1)


def measure_widget(browser, url, wid, slider, presses, anticipate=True):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sizes = []

    def on_response(r):
        if "/fragments/" in r.url:
            sizes.append(int(r.headers.get("content-length", "0") or 0))
    page.on("response", on_response)
    page.goto(url)
    control = page.locator(f"#form-{wid} input[type=range][name={slider}]")
    control.scroll_into_view_if_needed()
    page.wait_for_selector(f".widget[data-widget={wid}] .js-plotly-plot .main-svg")   # its stages too
    if not anticipate:
        page.evaluate("() => { window.Explorables.anticipate = false; }")
    page.wait_for_timeout(800)
    control.focus()
    first, whole, gaps, direction, missed = [], [], [], "ArrowRight", 0
    for _ in range(presses):
        at_end = control.evaluate("e => +e.value + +e.step > +e.max + 1e-9" if direction == "ArrowRight"
                                  else "e => +e.value - +e.step < +e.min - 1e-9")
        if at_end:
            direction = "ArrowLeft" if direction == "ArrowRight" else "ArrowRight"
        page.evaluate(f"(wid) => {{ window.__m = ({MEASURE})(wid); }}", wid)
        page.keyboard.press(direction)
        f, w = page.evaluate("() => window.__m")
        if f is None:
            missed += 1
            continue
        first.append(f)
        whole.append(w)
        gaps.append((w - f) / FRAME_MS)
    page.close()
    return {"first_p50": pct(first, 50), "first_p95": pct(first, 95), "whole_p50": pct(whole, 50),
            "whole_p95": pct(whole, 95), "frames_after_first_p50": round(statistics.median(gaps), 1) if gaps else None,
            "bytes_p50": int(statistics.median(sizes)) if sizes else None, "n": len(first), "no_change": missed}


def latency(url, label, out, n, py=sys.executable, extra=()):
    path = out / f"{label}.json"
    subprocess.run([py, str(SHARED / "latency.py"), url, "--n", str(n), "--label", label, "--out", str(path), *extra],
                   check=True, stdout=subprocess.DEVNULL)
    d = json.loads(path.read_text())
    return {"p50": d["latency"]["p50_ms"], "p95": d["latency"]["p95_ms"], "bytes": d["first_load"]["total_bytes"]}


def dash(out, n, tag):
    """The Dash peer, measured by the shared harness (started and stopped by run_peers.sh)."""
    venv = os.environ.get("PEER_VENV", "/tmp/peers-venv")
    if not Path(venv, "bin/python").exists():
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([f"{venv}/bin/pip", "install", "-q", "-r", str(SHARED / "requirements.txt")], check=True)
    d = out / f"dash-{tag}"
    subprocess.run([str(SHARED / "run_peers.sh"), str(d), "--n", str(n)], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "VENV": venv, "PEERS": "dash"})
    r = json.loads((d / "dash.json").read_text())
    return {"p50": r["latency"]["p50_ms"], "p95": r["latency"]["p95_ms"], "bytes": r["first_load"]["total_bytes"]}



@contextlib.contextmanager
def site_server():
    """This site on a free loopback port, one uvicorn worker, until the block ends: yields its base URL."""
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv/bin/uvicorn"), "app.main:app", "--host", "127.0.0.1", "--port", str(port),
                               "--no-access-log", "--no-server-header"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait()

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--presses", type=int, default=20)
    ap.add_argument("--only", help="one page's slug")
    ap.add_argument("--no-dash", action="store_true")
    ap.add_argument("--no-anticipate", action="store_true", help="every press asks the server (anticipate.js off)")
    ap.add_argument("--out", default=str(ROOT / "bench/out" / time.strftime("widgets-%Y%m%d-%H%M%S")))
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    from app.registry import EXPLORABLES
    pages = [p for p in EXPLORABLES if not a.only or p.slug == a.only]
    with site_server() as base:
        ref = [] if a.no_dash else [dash(out, 30, "before")]
        rows, loads = [], {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for page in pages:
                for w in page.widgets:
                    slider = pick_slider(page, w)
                    if slider is None:
                        rows.append({"page": page.slug, "widget": w.id, "slider": None})
                        continue
                    r = measure_widget(browser, f"{base}/{page.slug}", w.id, slider, a.presses, not a.no_anticipate)
                    rows.append({"page": page.slug, "widget": w.id, "slider": slider, **r})
                    print(f"{page.slug}/{w.id} ({slider}): first {r['first_p50']} / {r['first_p95']} ms, whole "
                          f"{r['whole_p50']} / {r['whole_p95']} ms, {r['bytes_p50']} B", flush=True)
            browser.close()
        for page in pages:
            loads[page.slug] = latency(f"{base}/{page.slug}", page.slug, out, 4, extra=["--ready-text", "", "--timeout-ms", "1500"])
        if not a.no_dash:
            ref.append(dash(out, 30, "after"))
    dash_p50 = statistics.mean(r["p50"] for r in ref) if ref else None
    dash_bytes = ref[0]["bytes"] if ref else None
    print()
    if ref:
        print("Dash (../shared/bench/latency.py, 30 presses, before and after): p50 "
              + ", ".join(f"{r['p50']} ms" for r in ref) + f"; first load {dash_bytes:,} B")
    print(f"{'widget (slider)':52} {'first p50/p95':>15} {'whole p50/p95':>15} {'frames':>7} {'bytes':>7} {'/Dash':>6}")
    for r in rows:
        name = f"{r['page']}/{r['widget']} ({r['slider'] or 'updates on request: not timed'})"
        if r["slider"] is None:
            print(name)
            continue
        ratio = f"{r['first_p50'] / dash_p50:.2f}" if dash_p50 and r["first_p50"] else "-"
        print(f"{name:52} {r['first_p50']!s:>6} / {r['first_p95']!s:<6} {r['whole_p50']!s:>6} / {r['whole_p95']!s:<6} "
              f"{r['frames_after_first_p50']!s:>7} {r['bytes_p50']!s:>7} {ratio:>6}"
              + (f"  ({r['no_change']} presses changed nothing)" if r["no_change"] else ""))
    print("(ms from keydown; frames = whole - first in 60 Hz frames, median press; bytes = compressed update, median)")
    print()
    print(f"{'page: cold load (first widget drawn)':40} {'bytes':>10} {'/Dash':>6}  first figure p50 (latency.py, 4 presses of the first slider)")
    for slug, d in loads.items():
        ratio = f"{d['bytes'] / dash_bytes:.3f}" if dash_bytes else "-"
        print(f"{slug:40} {d['bytes']:>10,} {ratio:>6}  {d['p50']} ms")
    (out / "widgets.json").write_text(json.dumps({"dash": ref, "widgets": rows, "loads": loads}, indent=1))
    print(f"(raw results in {out})")


if __name__ == "__main__":
    main()
