"""The explorable pages, one folder each (see docs/architecture.md): `load(name)` imports
app/pages/<name>/page.py and binds its PAGE to its folder, its slug and its content.md's front
matter. A page folder is found only through the registry's list of names, never from a URL."""
from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

from app.content import front_matter
from app.framework import Page

PAGES_DIR = Path(__file__).resolve().parent
# Paths the site itself answers: a page there would be hidden behind the fixed route.
RESERVED = {"api", "fragments", "static", "glossary", "search", "preview", "favicon-ico", "healthz", "robots-txt", "sitemap-xml", "openapi-json",
            "docs", "redoc"}
REQUIRED_META = ("title", "summary", "description", "sources", "simplifications")


class PageError(RuntimeError):
    """A page folder that cannot be served; raised at start-up, never at request time."""


def load(name: str) -> Page:
    if name.replace("_", "-") in RESERVED:
        raise PageError(f"app/pages/{name}: /{name.replace('_', '-')} is one of the site's own paths")
    folder = PAGES_DIR / name
    for required in ("page.py", "model.py", "present.py", "content.md", "preview.svg"):
        if not (folder / required).is_file():
            raise PageError(f"app/pages/{name}/{required} is missing")
    page = importlib.import_module(f"app.pages.{name}.page").PAGE
    meta = front_matter((folder / "content.md").read_text(encoding="utf-8"))
    missing = [key for key in REQUIRED_META if not meta.get(key)]
    if missing:
        raise PageError(f"app/pages/{name}/content.md: front matter lacks {', '.join(missing)}")
    style = folder / "style.css"
    return dataclasses.replace(page, slug=name.replace("_", "-"), folder=folder, meta=meta,
                               preview=(folder / "preview.svg").read_text(encoding="utf-8"),
                               style=style.read_text(encoding="utf-8") if style.is_file() else "")
