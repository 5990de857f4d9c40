"""Prose: Markdown files in content/, with YAML front matter, rendered once at start-up.

A content file is only ever opened by the name its explorable declares in app/registry.py,
never by a path built from a URL. Two markers tie prose to the live simulation:

* a paragraph that is exactly ``[[widget:ID]]`` places that widget (controls + figures);
* ``[[live:ID.NAME]]`` inside a sentence shows the live number NAME of widget ID, which the
  server fills in on every render and HTMX updates with the figure;
* paragraphs ``[[reveal:Label]]`` ... ``[[/reveal]]`` wrap what lies between them in a
  disclosure (``<details>``) that the reader opens on request (e.g. the answer to a puzzle).

Headings take an explicit id with a trailing ``{#id}`` (else one is made from the text); each
level-2 heading becomes a section with an anchor and a "copy link" control.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from markupsafe import Markup, escape

from app.framework import Explorable

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
_MARKER = re.compile(r"<p>\[\[widget:([a-z0-9_-]+)\]\]</p>|\[\[live:([a-z0-9_-]+)\.([a-z0-9_]+)\]\]")
_REVEAL_OPEN = re.compile(r"<p>\[\[reveal:([^\]<]{1,80})\]\]</p>")
_REVEAL_CLOSE = re.compile(r"<p>\[\[/reveal\]\]</p>")
_HEADING_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Segment:
    """A piece of a rendered page: trusted HTML, a widget, or a live number."""

    kind: str            # "html" | "widget" | "live"
    html: Markup = Markup("")
    widget: str = ""
    key: str = ""


@dataclass(frozen=True)
class Page:
    meta: dict[str, Any]
    segments: tuple[Segment, ...]
    sections: tuple[Section, ...]


def _heading_ids(state) -> None:
    """Core rule: give every heading an id, from a trailing {#id} or from its text."""
    tokens = state.tokens
    used: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = _HEADING_ID.search(inline.content)
        if match:
            ident = match.group(1)
            inline.content = inline.content[: match.start()]
            last = inline.children[-1] if inline.children else None
            if last is not None and last.type == "text":
                last.content = _HEADING_ID.sub("", last.content)
        else:
            ident = slugify(inline.content)
        assert ident not in used, f"duplicate heading id {ident!r}"
        used.add(ident)
        tok.attrSet("id", ident)


def _render_heading_open(self, tokens, idx, options, env):
    tok = tokens[idx]
    if tok.tag != "h2":
        return self.renderToken(tokens, idx, options, env)
    return f'<div class="section-head">\n<h2 id="{escape(tok.attrGet("id"))}">'


def _render_heading_close(self, tokens, idx, options, env):
    tok = tokens[idx]
    if tok.tag != "h2":
        return self.renderToken(tokens, idx, options, env)
    ident = escape(tokens[idx - 2].attrGet("id"))
    title = escape(tokens[idx - 1].content)
    return (
        f' <a class="anchor" href="#{ident}" aria-label="Link to the section: {title}">#</a></h2>\n'
        f'<button type="button" class="copy-link" data-copy-section="{ident}" hidden>'
        f'Copy link to this section<span class="visually-hidden">: {title}</span></button>\n</div>\n'
    )


def _markdown() -> MarkdownIt:
    # html=False: prose may not carry raw HTML, so nothing in content/ can inject markup.
    md = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(["replacements", "smartquotes", "table"])
    md.use(front_matter_plugin)
    md.core.ruler.push("heading_ids", _heading_ids)
    md.add_render_rule("heading_open", _render_heading_open)
    md.add_render_rule("heading_close", _render_heading_close)
    return md


def parse(text: str, annotate=None) -> Page:
    md = _markdown()
    tokens = md.parse(text)
    meta: dict[str, Any] = {}
    for tok in tokens:
        if tok.type == "front_matter":
            meta = yaml.safe_load(tok.content) or {}
    sections = tuple(
        Section(tok.attrGet("id"), tokens[i + 1].content)
        for i, tok in enumerate(tokens) if tok.type == "heading_open" and tok.tag == "h2"
    )
    html = md.renderer.render(tokens, md.options, {})
    # The label was plain Markdown text, so markdown-it has already escaped it.
    html = _REVEAL_OPEN.sub(r'<details class="answer">\n<summary>\1</summary>', html)
    html = _REVEAL_CLOSE.sub("</details>", html)
    if annotate is not None:
        html = annotate(html)
    segments: list[Segment] = []
    pos = 0
    for m in _MARKER.finditer(html):
        segments.append(Segment("html", Markup(html[pos:m.start()])))
        if m.group(1):
            segments.append(Segment("widget", widget=m.group(1)))
        else:
            segments.append(Segment("live", widget=m.group(2), key=m.group(3)))
        pos = m.end()
    segments.append(Segment("html", Markup(html[pos:])))
    return Page(meta, tuple(segments), sections)


@lru_cache(maxsize=None)
def load(explorable: Explorable) -> Page:
    """The rendered prose of a registered explorable (read once, then cached), with the first use
    of each glossary term on the page marked up as a definition on hover, focus or tap."""
    from app import glossary   # glossary.md is itself parsed by this module

    return parse((CONTENT_DIR / explorable.content).read_text(encoding="utf-8"), annotate=glossary.annotate)


@lru_cache(maxsize=None)
def live_keys(explorable: Explorable, widget_id: str) -> tuple[str, ...]:
    """The live numbers of one widget that the prose quotes (each once, in order of use)."""
    keys = [s.key for s in load(explorable).segments if s.kind == "live" and s.widget == widget_id]
    return tuple(dict.fromkeys(keys))


def check(explorable: Explorable) -> list[str]:
    """Problems with an explorable's prose: unknown widgets or live numbers, unplaced widgets."""
    page = load(explorable)
    problems = []
    placed = [s.widget for s in page.segments if s.kind == "widget"]
    for w in explorable.widgets:
        if placed.count(w.id) != 1:
            problems.append(f"widget {w.id!r} is placed {placed.count(w.id)} times (must be once)")
    for s in page.segments:
        if s.kind in ("widget", "live") and explorable.widget(s.widget) is None:
            problems.append(f"unknown widget {s.widget!r}")
        elif s.kind == "live":
            w = explorable.widget(s.widget)
            if s.key not in w.live(w.simulate(**w.defaults())):
                problems.append(f"unknown live number {s.widget}.{s.key}")
    for key in ("description", "sources", "simplifications"):
        if not page.meta.get(key):
            problems.append(f"front matter lacks {key!r}")
    return problems
