"""Static assets: content-hashed names, precompressed once, served from memory.

`python -m app.assets build` (run by script/setup) copies each registered asset to
static/build/NAME.HASH.EXT with .gz and .br beside it. At start-up the app loads those files
into memory; `url("core.js")` gives the hashed URL for templates.

Why not Starlette's StaticFiles: it neither serves precompressed variants nor knows hashed
names, and it maps URL paths onto the file system. Here a URL can only name an entry of the
manifest below (no path is ever built from the URL), every response is immutable and
pre-compressed, and the whole set stays in memory.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "static" / "build"

# The browser glue (static/js/app/), one classic script per concern, in the order they run: each
# registers what it offers on window.Explorables; templates/base.html emits one deferred <script> each.
SCRIPTS = ("core.js", "plotly-loader.js", "figure.js", "anticipate.js", "drag.js", "url.js", "controls.js", "scrub.js", "bars.js", "layout.js",
           "glossary.js", "theme-toggle.js", "copy-link.js", "main.js")

# Logical name -> source file. Vendor files come from node_modules (pinned in package.json).
# Pinned in package.json; why htmx 2 and not 4 is in docs/architecture.md.
SOURCES: dict[str, Path] = {
    "htmx.js": ROOT / "node_modules/htmx.org/dist/htmx.min.js",
    "plotly.js": ROOT / "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js",
    **{name: ROOT / "static/js/app" / name for name in SCRIPTS},
    "theme.js": ROOT / "static/js/theme.js",
    "site.css": ROOT / "static/css/site.css",
    "favicon.svg": ROOT / "static/favicon.svg",
    "favicon.ico": ROOT / "static/favicon.ico",     # made by script/favicon from the SVG
}
DERIVED = {"plotly.css"}   # made from plotly.js below

# Prepended to Plotly's bundle (otherwise served byte for byte as npm ships it): a V8 "explicit
# compile hint" that lets Chromium compile it off the main thread (docs/lighthouse.md).
COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}


def plotly_css(bundle: str) -> str:
    """Plotly.js's own stylesheet, extracted from its bundle.

    Plotly normally injects these rules with a <style> element, which a strict CSP
    (style-src 'self') refuses. Plotly skips the injection when an element with id
    'plotly.js-style-global' and class 'no-inline-styles' exists, so the page links this file
    under that id instead.
    """
    start = bundle.find('{"X,X div":')
    if start < 0:
        raise RuntimeError("could not find Plotly's style rules in its bundle")
    # Tokens up to the object's closing brace: quoted strings, or bare keys (the minifier
    # leaves some keys unquoted). Strings are consumed whole, so braces inside them are skipped.
    token = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'|([A-Za-z_$][\w$]*)|([{}:,])')
    items, pos = [], start + 1
    while True:
        m = token.match(bundle, pos)
        if m is None:
            raise RuntimeError("unexpected shape of Plotly's style rules")
        pos = m.end()
        if m.group(4) == "}":
            break
        if m.group(4) is None:
            items.append(next(g for g in m.groups()[:3] if g is not None))
    if len(items) % 2 or len(items) < 20:
        raise RuntimeError("unexpected shape of Plotly's style rules")
    rules = []
    for selector, body in zip(items[::2], items[1::2]):
        # The same rewriting Plotly applies before injecting them.
        selector = selector.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        rules.append(f"{selector}{{{body}}}")
    return "\n".join(rules) + "\n"


def _source_bytes(name: str) -> bytes:
    if name == "plotly.css":
        return plotly_css(SOURCES["plotly.js"].read_text(encoding="utf-8")).encode()
    data = SOURCES[name].read_bytes()
    if name == "plotly.js":
        data = COMPILE_HINT + data
    return data


def hashed_name(name: str, data: bytes) -> str:
    stem, ext = name.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.{ext}"


def build() -> dict[str, str]:
    """Write hashed and precompressed copies; return the manifest {logical: hashed}."""
    BUILD.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name in [*SOURCES, *sorted(DERIVED)]:
        data = _source_bytes(name)
        target = hashed_name(name, data)
        manifest[name] = target
        path = BUILD / target
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        for suffix, compress in ((".gz", lambda d: gzip.compress(d, 9, mtime=0)),
                                 (".br", lambda d: brotli.compress(d, quality=11))):
            if not (BUILD / (target + suffix)).exists():
                (BUILD / (target + suffix)).write_bytes(compress(data))
    keep = set(manifest.values())
    for f in BUILD.iterdir():   # drop stale builds of older versions
        if f.name != "manifest.json" and f.name.split(".gz")[0].split(".br")[0] not in keep:
            f.unlink()
    (BUILD / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


@dataclass(frozen=True)
class Asset:
    content_type: str
    identity: bytes
    gzip: bytes
    br: bytes
    etag: str


class Assets:
    """The built assets, in memory. `appended` (logical name -> text) adds rules generated at
    start-up from the page declarations to an asset (e.g. each figure's reserved height to
    site.css), so no page needs a hand edit of a shared file. Only these entries can be served."""

    def __init__(self, appended: dict[str, str] | None = None) -> None:
        manifest_path = BUILD / "manifest.json"
        if not manifest_path.exists():
            build()
        manifest = json.loads(manifest_path.read_text())
        if set(manifest) != set(SOURCES) | DERIVED or any(
                not (BUILD / hashed).exists() for hashed in manifest.values()):
            manifest = build()
        self.urls = {name: f"/static/{hashed}" for name, hashed in manifest.items()}
        self.files: dict[str, Asset] = {}
        for hashed in manifest.values():
            base = BUILD / hashed
            self.files[hashed] = Asset(
                content_type=CONTENT_TYPES[base.suffix],
                identity=base.read_bytes(),
                gzip=(BUILD / (hashed + ".gz")).read_bytes(),
                br=(BUILD / (hashed + ".br")).read_bytes(),
                etag='W/"' + hashed.split(".")[-2] + '"',
            )
        for name, text in (appended or {}).items():
            built = self.files.pop(manifest[name])
            data = built.identity + text.encode()
            hashed = hashed_name(name, data)
            self.urls[name] = f"/static/{hashed}"
            self.files[hashed] = Asset(built.content_type, data, gzip.compress(data, 9, mtime=0),
                                       brotli.compress(data, quality=11), 'W/"' + hashed.split(".")[-2] + '"')

    def url(self, name: str) -> str:
        return self.urls[name]


if __name__ == "__main__":
    if sys.argv[1:] != ["build"]:
        sys.exit("usage: python -m app.assets build")
    for logical, hashed in build().items():
        print(f"[assets] {logical} -> static/build/{hashed}")
