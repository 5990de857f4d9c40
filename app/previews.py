"""Link-preview images (og:image / twitter:image): a page's figure at the state a reader shared.

Rendered by Kaleido, Plotly's own static-image export, which drives Debian's Chromium with our
pinned plotly.js (no CDN: it works offline). The cost is bounded by construction: one render at a
time (a second request while one runs is not queued), a time limit per render, canonical states
only (other spellings are redirected), and a cache of at most `CAP` images on disk, oldest dropped
first (defaults and the map's miniatures are kept apart, never evicted), and only states on the
sliders' grids. Pages never wait for a render: they only link the image. Defaults, and each page's miniature
for the home page's map, are rendered at set-up (`python -m app.previews warm`, run by
script/setup when Chromium is present); a miniature is only ever served from the cache. Served at
`/preview/<slug>/<widget>.png?<state>` (this module's router); pages link them (`preview_path`).

    .venv/bin/python -m app.previews warm
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import re
import os
import sys
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import figkit
from app.framework import Page, Stage, Widget, canonical_query, parse_query
from app.registry import BY_SLUG, EXPLORABLES
from app.startup import BUILD_VERSION, assets, templates
from app.views import find_widget, first_widget, query_items, section_by_id, simulate_cached

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "previews"
PLOTLY_JS = ROOT / "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js"
CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 1200, 630
CAP = 300          # images kept on disk
TIMEOUT = 25.0     # seconds allowed for one render (Chromium's start-up included)

Renderer = Callable[[list[dict]], list[bytes]]


def lines(text: str, width: int = 60) -> list[str]:
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def preview_figure(figure: dict, title: str, subtitle: str) -> dict:
    """The figure re-laid for a 1200 x 630 card: larger type, the page's title (two lines at most) above it."""
    layout = dict(figure["layout"])
    head = lines(title)
    if len(head) > 2:
        head = head[:2]
        head[1] = head[1].rstrip(".,:;") + "…"
    text = "<br>".join(f"<b>{line}</b>" for line in head) + f"<br><span style='font-size:20px'>{subtitle}</span>"
    if "legend" in layout:           # at the card's foot, clear of the title
        layout["legend"] = {"orientation": "h", "yref": "container", "y": 0.01, "yanchor": "bottom", "x": 0.02}
    layout.update(width=WIDTH, height=HEIGHT, font={**layout.get("font", {}), "size": 20},
                  margin={"t": 96 + 36 * len(head) + 20, "b": 110, "l": 90, "r": 40},
                  title={"text": text, "x": 0.03, "xanchor": "left", "y": 1, "yanchor": "top", "pad": {"t": 36},
                         "font": {"size": 28}})
    return {"data": figure["data"], "layout": layout}


def side_by_side(figures: list[dict]) -> dict:
    """A row of pie figures as one figure (each pie in its own slice of the width, its title over
    it, one legend for the shared labels); any other row: its first figure."""
    if len(figures) < 2 or any(t.get("type") != "pie" for f in figures for t in f["data"]):
        return figures[0]
    n, data, notes = len(figures), [], []
    for i, figure in enumerate(figures):
        left, right = i / n + 0.02, (i + 1) / n - 0.02
        for trace in figure["data"]:
            data.append({**trace, "domain": {"x": [left, right], "y": [0, 1]}, "showlegend": i == 0,
                         "insidetextfont": {**trace.get("insidetextfont", {}), "size": 18},
                         "outsidetextfont": {**trace.get("outsidetextfont", {}), "size": 18}})
        for note in figure["layout"].get("annotations", ()):       # its title over it, clear of 18 px labels
            notes.append({**note, "x": (left + right) / 2, "xref": "paper", "y": 1, "yref": "paper",
                          "yanchor": "bottom", "yshift": 26,
                          "font": {**note.get("font", {}), "size": 20}})
    layout = {**figures[0]["layout"], "annotations": notes, "showlegend": True, "legend": {}}
    return {"data": data, "layout": layout}


BUBBLE = re.compile(r'<foreignObject x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)">'
                    r'<p [^>]*class="bubble(?: [^"]*)?"[^>]*>(.*?)</p></foreignObject>', re.S)
DRAWING = re.compile(r'<svg class="(diagram[^"]*)"[^>]*>.*?</svg>', re.S)


def bubble_as_svg(match: re.Match) -> str:
    """A speech bubble (HTML inside foreignObject, which taints the canvas an image is exported
    through) redrawn as an SVG box with the words wrapped to its width."""
    x, y, w, h = (float(v) for v in match.groups()[:4])
    words = html.unescape(re.sub(r"<[^>]+>", "", match.group(5)))
    rows = lines(words, max(8, int((w - 16) / 8.2)))
    tspans = "".join(f'<tspan x="{x + 8:g}" dy="{0 if i == 0 else 19}">{html.escape(row)}</tspan>'
                     for i, row in enumerate(rows))
    height = min(h, 12 + 19 * len(rows))
    return (f'<rect class="bubble-box" x="{x:g}" y="{y:g}" width="{w:g}" height="{height:g}" rx="10"/>'
            f'<text class="bubble-text" x="{x + 8:g}" y="{y + 20:g}">{tspans}</text>')


BUBBLE_CSS = (".bubble-box { fill: var(--bubble-bg); stroke: var(--bubble-line); }"
              f".bubble-text {{ font: 14px {figkit.FAMILY}; fill: var(--fg); }}"
              ".diagram-wide .bubble-text { font-size: 15px; }"
              ".node.dim .bubble-box, .node.off .bubble-box { fill: var(--diagram-node); stroke: var(--diagram-line); }"
              ".node.dim .bubble-text, .node.off .bubble-text { fill: var(--muted); }"
              "svg.diagram { max-width: none; }")


def standalone_svg(markup: str, css: str) -> str | None:
    """A drawing's wide layout from a rendered panel, as an SVG document that styles itself (the
    site's stylesheet inside it, light theme), or None when the panel draws nothing."""
    found = next((m for m in DRAWING.finditer(markup) if "diagram-tall" not in m.group(1).split()), None)
    if found is None:
        return None
    svg = BUBBLE.sub(bubble_as_svg, found.group(0))
    box = re.search(r'viewBox="([\d. ]+)"', svg)
    if box is None:
        return None
    width, height = (float(v) for v in box.group(1).split()[2:])
    svg = svg.replace("<svg ", f'<svg x="0" y="0" width="{width:g}" height="{height:g}" ', 1)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width:g}" height="{2 * height:g}" '
            f'viewBox="0 0 {width:g} {height:g}"><style>{css}\n{BUBBLE_CSS}</style>{svg}</svg>')


def drawing_figure(document: str, title: str, subtitle: str) -> dict:
    """A preview card whose picture is a drawing: the SVG as the figure's only image."""
    source = "data:image/svg+xml;base64," + base64.b64encode(document.encode()).decode()
    figure = {"data": [], "layout": {
        "xaxis": {"visible": False}, "yaxis": {"visible": False}, "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "images": [{"source": source, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "sizex": 1, "sizey": 1,
                    "xanchor": "center", "yanchor": "middle", "layer": "above"}]}}
    card = preview_figure(figure, title, subtitle)
    card["layout"]["margin"].update(t=card["layout"]["margin"]["t"] - 40, b=16, l=24, r=24)
    return card


THUMB_SCALE = 0.4   # the home page's miniatures: 480 x 252


def kaleido_render(figures: list[dict], scale: float = 1.0) -> list[bytes]:
    """PNGs of the figures, in one Chromium session."""
    import kaleido   # imported here: the site runs without it until an image is asked for
    if CHROMIUM.exists():
        os.environ.setdefault("BROWSER_PATH", str(CHROMIUM))

    async def run() -> list[bytes]:
        async with kaleido.Kaleido(n=1, timeout=TIMEOUT, plotlyjs=str(PLOTLY_JS), mathjax=False) as k:
            return [await k.calc_fig(f, opts={"format": "png", "width": WIDTH, "height": HEIGHT, "scale": scale})
                    for f in figures]
    return asyncio.run(asyncio.wait_for(run(), TIMEOUT * max(1, len(figures))))


class Previews:
    """The on-disk cache and the one-at-a-time renderer."""

    def __init__(self, cache_dir: Path = CACHE_DIR, cap: int = CAP, renderer: Renderer = kaleido_render) -> None:
        self.cache_dir, self.cap, self.renderer = cache_dir, cap, renderer
        self._busy = threading.Lock()
        self._index = threading.Lock()
        self._order: OrderedDict[str, Path] = OrderedDict()
        if cache_dir.is_dir():
            for path in sorted(cache_dir.glob("*.png"), key=lambda p: p.stat().st_mtime):
                self._order[path.stem] = path

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    def has(self, key: str) -> bool:
        """Whether the image is in the cache (without reading it)."""
        with self._index:
            return key in self._order

    def cached(self, key: str) -> bytes | None:
        with self._index:
            path = self._order.get(key)
            if path is None:
                return None
            self._order.move_to_end(key)
        try:
            return path.read_bytes()
        except OSError:
            return None

    def store(self, key: str, png: bytes) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        path = self.cache_dir / f"{key}.png"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(png)
        tmp.replace(path)
        with self._index:
            self._order[key] = path
            self._order.move_to_end(key)
            while len(self._order) > self.cap:
                _, old = self._order.popitem(last=False)
                old.unlink(missing_ok=True)

    def render(self, key: str, figure: dict) -> bytes | None:
        """Render now, unless a render is already running (then None at once: nothing queues)."""
        if not self._busy.acquire(blocking=False):
            return None
        try:
            png = self.renderer([figure])[0]
        except Exception:              # no Chromium, a timeout, a crash: the caller falls back
            return None
        finally:
            self._busy.release()
        self.store(key, png)
        return png


# ------------------------------------------------------------- the images the site links and serves

router = APIRouter()
PREVIEWS = Previews()
SITE_CSS = assets.files[assets.url("site.css").removeprefix("/static/")].identity.decode()   # drawings style themselves
# Defaults and the map's miniatures live apart from the LRU cache, so no flood of links can evict them.
PINNED = Previews(CACHE_DIR / "pinned", cap=10_000)


def on_grid(widget: Widget, values: dict[str, Any]) -> bool:
    """Every number is one the slider can show (min + k * step): the finite set of states a picture is made for."""
    return all(p.kind == "choice" or abs((values[p.name] - p.min) / p.step - round((values[p.name] - p.min) / p.step)) < 1e-6
               for p in widget.params)


def preview_widget(page: Page, values: dict[str, Any]) -> Widget:
    """The widget a shared link is about: the first one set away from its defaults, else the first."""
    for widget in page.widgets:
        if any(values[p.name] != p.default for p in widget.params):
            return widget
    return page.widgets[0]


def preview_parts(page: Page, widget: Widget, values: dict[str, Any], stage: Stage | None = None) -> tuple[str, dict]:
    """The cache key and the figure of a widget's (or one of its stages') preview image at these values: the part's
    drawing when it draws one (`Panel(preview=True)`), else its first row of figures (a row of pies as one picture)."""
    own = {p.name: values[p.name] for p in widget.params}
    query = canonical_query(widget.params, own)
    key = PREVIEWS.key(BUILD_VERSION, page.slug, widget.id, query, *((stage.id,) if stage else ()))
    part = widget.part(stage)
    subtitle = stage.label if stage else widget.title
    drawn = next((p for p in part["panels"] if p.preview), None)
    if drawn is not None:
        # Only the drawing's own context: a panel template reads w.panels[panel.id] and nothing else.
        view = {"panels": {drawn.id: drawn.present(simulate_cached(widget, tuple(own.items())), own)}}
        markup = templates.get_template(f"pages/{page.folder.name}/{drawn.template}").render(w=view, panel=drawn)
        document = standalone_svg(markup, SITE_CSS)
        if document is not None:
            return key, drawing_figure(document, page.title, subtitle)
    result = simulate_cached(widget, tuple(own.items()))
    figure = side_by_side([f.render(result) for f in (part["rows"] or widget.rows)[0]])
    return key, preview_figure(figure, page.title, subtitle)


def thumb_key(page: Page) -> str:
    """The home page's miniature of a page: its first figure at the defaults, small."""
    widget = page.widgets[0]
    return PREVIEWS.key(BUILD_VERSION, page.slug, widget.id, canonical_query(widget.params, widget.defaults()), "thumb")


def thumbs() -> dict[str, str]:
    """slug -> miniature URL, for the pages whose miniature is rendered (the rest show their drawn card)."""
    return {page.slug: f"/preview/{page.slug}/{page.widgets[0].id}.thumb.png"
            for page in EXPLORABLES if PINNED.has(thumb_key(page))}


def preview_path(page: Page, values: dict[str, Any], widget: Widget | None = None, stage: Stage | None = None) -> str:
    """The preview image of a widget (default: the one a shared link is about), or of one of its stages, at a state."""
    widget = widget or preview_widget(page, values)
    own = {p.name: values[p.name] for p in widget.params}
    name = widget.id + (f"--{stage.id}" if stage else "")
    return f"/preview/{page.slug}/{name}.png?{canonical_query(widget.params, own)}"


def section_figure(page: Page, section_id: str) -> tuple[Widget, Stage | None]:
    """The figure a section previews: the widget (or stage) placed in it or nearest before it in its scene, else the
    page's first figure."""
    info = section_by_id(page.slug, section_id)
    if info is None or info.widget is None:
        return first_widget(page), None
    widget = page.widget(info.widget)
    return widget, widget.stage(info.stage) if info.stage else None


def site_preview(request: Request) -> str:
    """The preview image for the site's own pages: the first page's first figure at its defaults."""
    first = EXPLORABLES[0]
    return str(request.base_url).rstrip("/") + preview_path(first, {p.name: p.default for p in first.params})


@router.get("/preview/{slug}/{name}", include_in_schema=False)
def preview_image(slug: str, name: str, request: Request) -> Response:
    if name.endswith(".thumb.png"):      # a miniature: served from the cache only, never rendered here
        page = BY_SLUG.get(slug)
        png = PINNED.cached(thumb_key(page)) if page and name == f"{page.widgets[0].id}.thumb.png" else None
        if png is None:
            raise StarletteHTTPException(404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})
    widget_id, marked, stage_id = name.removesuffix(".png").partition("--")
    found = find_widget(slug, widget_id) if name.endswith(".png") else None
    stage = found[1].stage(stage_id) if found and marked else None
    if found is None or marked and stage is None:
        raise StarletteHTTPException(404)
    page, widget = found
    values, problems = parse_query(widget.params, query_items(request))
    if problems or not on_grid(widget, values):
        raise StarletteHTTPException(404)
    canonical = canonical_query(widget.params, values)
    if request.url.query != canonical:     # one address per state, so the cache holds canonical states only
        return RedirectResponse(f"/preview/{slug}/{name}?{canonical}", status_code=301)
    key, figure = preview_parts(page, widget, values, stage)
    png = PINNED.cached(key) or PREVIEWS.cached(key) or PREVIEWS.render(key, figure)
    if png is not None:
        return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})
    defaults = canonical_query(widget.params, widget.defaults())
    if canonical != defaults:              # busy or failed: the widget's default picture instead, for now
        return RedirectResponse(f"/preview/{slug}/{name}?{defaults}", status_code=302,
                                headers={"Cache-Control": "no-store"})
    return Response("Preview image not available yet; try again shortly.", status_code=503,
                    headers={"Retry-After": "10", "Cache-Control": "no-store"}, media_type="text/plain")


def warm() -> int:
    """Render every widget's default image, and each page's miniature for the home page's map, that
    is not cached yet (set-up). Returns how many."""
    todo, miniatures = [], []
    for page in EXPLORABLES:
        for widget in page.widgets:
            for stage in (None, *widget.stages):
                key, figure = preview_parts(page, widget, widget.defaults(), stage)
                if not PINNED.has(key):
                    todo.append((key, figure))
            key, figure = preview_parts(page, widget, widget.defaults())
            if widget is page.widgets[0] and not PINNED.has(thumb_key(page)):
                miniatures.append((thumb_key(page), figure))
    for batch, scale in ((todo, 1.0), (miniatures, THUMB_SCALE)):
        if batch:
            for (key, _), png in zip(batch, kaleido_render([f for _, f in batch], scale)):
                PINNED.store(key, png)
    return len(todo) + len(miniatures)


if __name__ == "__main__":
    if sys.argv[1:] != ["warm"]:
        sys.exit(__doc__)
    print(f"[previews] rendered {warm()} default image(s)")
