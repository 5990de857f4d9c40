"""Link-preview images (og:image / twitter:image): a page's figure at the state a reader shared.

Rendered by Kaleido, Plotly's own static-image export, which drives Debian's Chromium with our
pinned plotly.js (no CDN: it works offline). The cost is bounded by construction: one render at a
time (a second request while one runs is not queued), a time limit per render, canonical states
only (other spellings are redirected), and a cache of at most `CAP` images on disk, oldest dropped
first (defaults and the map's miniatures are kept apart, never evicted), and only states on the
sliders' grids. Pages never wait for a render: they only link the image. Defaults, and each page's miniature
for the home page's map, are rendered at set-up (`python -m app.previews warm`, run by
script/setup when Chromium is present); a miniature is only ever served from the cache.

    .venv/bin/python -m app.previews warm
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import sys
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable

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


def warm() -> int:
    """Render every widget's default image, and each page's miniature for the home page's map, that
    is not cached yet (set-up). Returns how many."""
    from app.main import PINNED, preview_parts, thumb_key
    from app.registry import EXPLORABLES
    todo, thumbs = [], []
    for page in EXPLORABLES:
        for widget in page.widgets:
            key, figure = preview_parts(page, widget, widget.defaults())
            if not PINNED.has(key):
                todo.append((key, figure))
            if widget is page.widgets[0] and not PINNED.has(thumb_key(page)):
                thumbs.append((thumb_key(page), figure))
    for batch, scale in ((todo, 1.0), (thumbs, THUMB_SCALE)):
        if batch:
            for (key, _), png in zip(batch, kaleido_render([f for _, f in batch], scale)):
                PINNED.store(key, png)
    return len(todo) + len(thumbs)


if __name__ == "__main__":
    if sys.argv[1:] != ["warm"]:
        sys.exit(__doc__)
    print(f"[previews] rendered {warm()} default image(s)")
