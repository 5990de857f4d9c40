"""Prose: Markdown with YAML front matter (a page's content.md, and content/glossary.md),
rendered once at start-up. A page's prose is only ever read from the folder the registry names,
never by a path built from a URL. Markers tie prose to the live simulation:

* a paragraph that is exactly ``[[widget:ID]]`` places that widget (controls + figures);
* ``[[live:ID.NAME]]`` inside a sentence shows the live number NAME of widget ID, which the
  server fills in on every render and HTMX updates with the figure;
* ``[[show:ID name=value name=value|Label]]`` inside a sentence is a "show me" link: it sets widget
  ID to an example, its defaults with those parameters changed (other widgets stay as they are;
  the word ``defaults`` may be written among them for emphasis), and updates the figure;
  with JavaScript off it is a plain link to that deep link;
* ``[[scrub:ID.NAME]]`` inside a sentence shows the value of slider NAME of widget ID as a number
  the reader can drag or step with the arrow keys, like the slider itself (static/js/app/scrub.js);
  with JavaScript off it is plain text;
* ``[[claim:ID.NAME]]`` places claim NAME of widget ID: a sentence about the simulation's result,
  worded from or chosen by its numbers (``framework.Claim``), which HTMX updates with the figure;
* a paragraph that is exactly ``[[stage:ID.STAGE]]`` places a later stage of widget ID
  (``framework.Stage``: some of its figures, panels and controls, in a section of their own, after the widget);
* a paragraph that is exactly ``[[drawing:NAME]]`` places a static drawing: the template
  ``drawing_NAME.html`` in the page's own folder (an infographic that is not a simulation);
  a missing one is refused at start-up (``missing_drawings``);
* paragraphs ``[[reveal:Label]]`` ... ``[[/reveal]]`` wrap what lies between them in a
  disclosure (``<details>``) that the reader opens on request (e.g. the answer to a puzzle).

A section that places a widget (or a stage of one) starts a *scene*: it and the sections after it, up to the next
section that places a widget, are wrapped in ``<div class="scene">``, so that on wide screens the
widget stays beside all the prose that talks about it (static/css/site.css).

Headings take an explicit id with a trailing ``{#id}`` (else one is made from the text); each
level-2 heading becomes a section whose "#" link also copies the deep link (with the state). A renamed section
keeps its former ids after the new one, ``{#new-id old-id}``, so shared links still land on it.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from markupsafe import Markup, escape

from app.framework import Page, parse_query

# The C parser when PyYAML was built with libyaml (its wheels are): same safe subset, ten times faster.
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
_MARKER = re.compile(r"<p>\[\[widget:([a-z0-9_-]+)\]\]</p>|\[\[live:([a-z0-9_-]+)\.([a-z0-9_]+)\]\]"
                     r"|\[\[show:([a-z0-9_-]+)((?:\s+(?:defaults|[a-z0-9_]+=[a-z0-9_.-]+))+)\|([^\]<]{1,80})\]\]"
                     r"|\[\[scrub:([a-z0-9_-]+)\.([a-z0-9_]+)\]\]"
                     r"|\[\[claim:([a-z0-9_-]+)\.([a-z0-9_]+)\]\]"
                     r"|<p>\[\[drawing:([a-z0-9_]+)\]\]</p>"
                     r"|<p>\[\[stage:([a-z0-9_-]+)\.([a-z0-9_-]+)\]\]</p>")
_REVEAL_OPEN = re.compile(r"<p>\[\[reveal:([^\]<]{1,80})\]\]</p>")
_REVEAL_CLOSE = re.compile(r"<p>\[\[/reveal\]\]</p>")
_HEADING_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9-]*)((?:\s+[a-z0-9][a-z0-9-]*)*)\}\s*$")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Segment:
    """A piece of a rendered page: trusted HTML, a widget, or a live number."""

    kind: str            # "html" | "widget" | "live" | "show" | "scrub" | "claim" | "drawing" | "stage"
    html: Markup = Markup("")
    widget: str = ""
    key: str = ""        # the live number's, claim's or scrubbed parameter's name
    values: tuple[tuple[str, str], ...] = ()   # what a "show me" link sets
    from_defaults: bool = False                # ... starting from the widget's defaults
    label: Markup = Markup("")                 # a "show me" link's words (already escaped)

    @property
    def drawing_file(self) -> str:
        """A drawing's template in the page's folder: [[drawing:NAME]] places drawing_NAME.html."""
        return f"drawing_{self.key}.html"


@dataclass(frozen=True)
class Prose:
    meta: dict[str, Any]
    segments: tuple[Segment, ...]
    sections: tuple[Section, ...]

    @property
    def hood(self) -> bool:
        """Whether the prose ends with a section on its models, which opens the page's "Under the hood"."""
        return any(HOOD_START in s.html for s in self.segments if s.kind == "html")

    def live_keys(self, widget_id: str, kind: str = "live") -> tuple[str, ...]:
        """The live numbers (or claims) of one widget that the prose places (each once, in order of use)."""
        keys = [s.key for s in self.segments if s.kind == kind and s.widget == widget_id]
        return tuple(dict.fromkeys(keys))


def _heading_ids(state) -> None:
    """Core rule: give every heading an id, from a trailing {#id} or from its text."""
    tokens = state.tokens
    used: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = _HEADING_ID.search(inline.content)
        aliases = match.group(2).split() if match else []
        if match:
            ident = match.group(1)
            inline.content = inline.content[: match.start()]
            last = inline.children[-1] if inline.children else None
            if last is not None and last.type == "text":
                last.content = _HEADING_ID.sub("", last.content)
        else:
            ident = slugify(inline.content)
        assert ident not in used and not used & set(aliases), f"duplicate heading id {ident!r}"
        assert not aliases or tok.tag == "h2", "only sections (##) keep former ids"
        used.update([ident, *aliases])
        tok.attrSet("id", ident)
        if aliases:
            tok.meta["aliases"] = aliases


def _render_heading_open(self, tokens, idx, options, env):
    tok = tokens[idx]
    if tok.tag != "h2":
        return self.renderToken(tokens, idx, options, env)
    former = "".join(f'<span id="{escape(a)}"></span>' for a in tok.meta.get("aliases", ()))
    return f'<div class="section-head">{former}\n<h2 id="{escape(tok.attrGet("id"))}">'


def _render_heading_close(self, tokens, idx, options, env):
    tok = tokens[idx]
    if tok.tag != "h2":
        return self.renderToken(tokens, idx, options, env)
    ident = escape(tokens[idx - 2].attrGet("id"))
    title = escape(tokens[idx - 1].content)
    return f' {anchor(ident, title)}</h2>\n</div>\n'


# A chain-link icon (shown on hover or focus; its name is its label), the section's deep link and copy control.
LINK_ICON = Markup('<svg class="link-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">'
                   '<path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 0 1-3.5-3.5'
                   'L5.5 8"/></svg>')


def anchor(ident: str, title: str) -> Markup:
    """The small copy-link control after a section's heading."""
    return Markup('<a class="anchor" href="#{0}" data-copy-section="{0}" aria-label="Link to the section: {1}">{2}</a>'
                  ).format(ident, title, LINK_ICON)


def _markdown() -> MarkdownIt:
    # html=False: prose may not carry raw HTML, so nothing in content/ can inject markup.
    md = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(["replacements", "smartquotes", "table"])
    md.use(front_matter_plugin)
    md.core.ruler.push("heading_ids", _heading_ids)
    md.add_render_rule("heading_open", _render_heading_open)
    md.add_render_rule("heading_close", _render_heading_close)
    md.add_render_rule("link_open", _render_link_open)
    return md


def _render_link_open(self, tokens, idx, options, env):
    # A link to another site is marked rel="external" (the only outside addresses a page may carry).
    if tokens[idx].attrGet("href").startswith(("http://", "https://", "//")):
        tokens[idx].attrSet("rel", "external")
    return self.renderToken(tokens, idx, options, env)


_SECTION_START = '<div class="section-head">'
_WIDGET_MARK = re.compile(r"<p>\[\[(?:widget|stage):[a-z0-9_.-]+\]\]</p>")


# A page's closing section on how its models work goes under the hood (templates/explorable.html), as a subsection.
HOOD_IDS = ("model", "models")
HOOD_START = Markup("<!-- under the hood -->")
_HOOD_SECTION = re.compile(r'^((?:<span id="[^"]*"></span>)*)\n<h2 id="(%s)">(.*?)</h2>\n</div>\n' % "|".join(HOOD_IDS), re.S)


def _scenes(html: str) -> str:
    """Wrap each run of sections that starts with one placing a widget in <div class="scene">; a last section on how
    the models work follows the scenes, after the mark where the page's "Under the hood" begins."""
    intro, *sections = html.split(_SECTION_START)
    hood = _HOOD_SECTION.match(sections[-1]) if sections else None
    if hood:
        sections.pop()
    out, open_scene = [intro], False
    for section in sections:
        if _WIDGET_MARK.search(section):
            out.append("</div>\n" if open_scene else "")
            out.append('<div class="scene">\n')
            open_scene = True
        out.append(_SECTION_START + section)
    out.append("</div>\n" if open_scene else "")
    if hood:
        body = html.split(_SECTION_START)[-1][hood.end():]
        out.append(f'{HOOD_START}\n{hood.group(1)}<h3 id="{hood.group(2)}">{hood.group(3)}</h3>\n{body}')
    return "".join(out)


def front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter of a Markdown file (without rendering the rest)."""
    if not text.startswith("---\n"):
        return {}
    return yaml.load(text[4:text.index("\n---\n", 3)], Loader=_YAML) or {}


@lru_cache(maxsize=64)
def _markdown_html(text: str) -> tuple[dict[str, Any], tuple[Section, ...], str]:
    """Front matter, sections and HTML of a Markdown text (rendered once per text: the prose and the
    search index both read it)."""
    md = _markdown()
    tokens = md.parse(text)
    meta: dict[str, Any] = {}
    for tok in tokens:
        if tok.type == "front_matter":
            meta = yaml.load(tok.content, Loader=_YAML) or {}
    sections = tuple(
        Section(tok.attrGet("id"), tokens[i + 1].content)
        for i, tok in enumerate(tokens) if tok.type == "heading_open" and tok.tag == "h2"
    )
    html = md.renderer.render(tokens, md.options, {})
    # The label was plain Markdown text, so markdown-it has already escaped it.
    html = _REVEAL_OPEN.sub(r'<details class="answer">\n<summary>\1</summary>', html)
    return meta, sections, _REVEAL_CLOSE.sub("</details>", html)


def parse(text: str, annotate: Callable[[str], str] | None = None) -> Prose:
    meta, sections, html = _markdown_html(text)
    meta = copy.deepcopy(meta)       # each Prose owns its front matter
    if annotate is not None:
        html = annotate(html)
    html = _scenes(html)
    segments: list[Segment] = []
    pos = 0
    for m in _MARKER.finditer(html):
        segments.append(Segment("html", Markup(html[pos:m.start()])))
        if m.group(1):
            segments.append(Segment("widget", widget=m.group(1)))
        elif m.group(2):
            segments.append(Segment("live", widget=m.group(2), key=m.group(3)))
        elif m.group(4):
            words = m.group(5).split()
            pairs = tuple(tuple(kv.split("=", 1)) for kv in words if kv != "defaults")
            segments.append(Segment("show", widget=m.group(4), values=pairs, from_defaults="defaults" in words,
                                    label=Markup(m.group(6).strip())))
        elif m.group(7):
            segments.append(Segment("scrub", widget=m.group(7), key=m.group(8)))
        elif m.group(9):
            segments.append(Segment("claim", widget=m.group(9), key=m.group(10)))
        elif m.group(11):
            segments.append(Segment("drawing", key=m.group(11)))
        else:
            segments.append(Segment("stage", widget=m.group(12), key=m.group(13)))
        pos = m.end()
    segments.append(Segment("html", Markup(html[pos:])))
    return Prose(meta, tuple(_hint_first_scrub(segments)), sections)


# The sentence holding a page's first draggable number ends with a scripts-only, aria-hidden hint (docs/reading-path.md).
SCRUB_HINT = ('<span class="scrub-hint" aria-hidden="true"> (A number with a dashed underline, like this one, can '
              'be dragged sideways or stepped with the arrow keys to try other values.)</span>')
_BLOCK_END = re.compile(r"</(?:p|li)>")
# A sentence's end in HTML text: a full stop, question or exclamation mark outside a tag or a glossary tooltip
# (whose definition is escaped plain text), then a space or a tag.
_SENTENCE_END = re.compile(r'<span class="tip"[^>]*>[^<]*</span>|<[^>]*>|[.!?](?=\s|<|$)')


def _sentence_end(html: str) -> int | None:
    """Where the first sentence of `html` ends (after its mark), before its block's end; None if it runs on."""
    block = _BLOCK_END.search(html)
    limit = block.start() if block else len(html)
    for m in _SENTENCE_END.finditer(html, 0, limit):
        if not m.group().startswith("<"):
            return m.end()
    return block.start() if block else None


def _hint_first_scrub(segments: list[Segment]) -> list[Segment]:
    first = next((i for i, s in enumerate(segments) if s.kind == "scrub"), None)
    if first is None:
        return segments
    for i in range(first + 1, len(segments)):
        at = _sentence_end(str(segments[i].html)) if segments[i].kind == "html" else None
        if at is not None:
            html = str(segments[i].html)
            segments[i] = Segment("html", Markup(html[:at] + SCRUB_HINT + html[at:]))
            break
    return segments


def render(page: Page, annotate: Callable[[str], str] | None = None) -> Prose:
    """A page's prose, with `annotate` (e.g. the glossary's) applied to the rendered HTML."""
    return parse((page.folder / "content.md").read_text(encoding="utf-8"), annotate=annotate)


def search_html(page: Page) -> str:
    """A page's prose as search reads it: its text, with the words of its "show me" links and its draggable numbers
    at their defaults (live numbers and claims change with the state, so they are left out), without the drag hint."""
    out = []
    for s in render(page).segments:
        if s.kind == "html":
            out.append(str(s.html).replace(SCRUB_HINT, ""))
        elif s.kind == "show":
            out.append(str(s.label))
        elif s.kind == "scrub":
            p = page.widget(s.widget).param(s.key)
            out.append(str(escape(p.display(p.default))))
    return "".join(out)


def missing_drawings(page: Page, segments: Iterable[Segment]) -> list[str]:
    """The drawings among `segments` whose template is not in the page's folder."""
    return [f"drawing {s.key!r}: no {s.drawing_file} in {page.folder.name}/" for s in segments
            if s.kind == "drawing" and not (page.folder / s.drawing_file).is_file()]


def check(page: Page, prose: Prose) -> list[str]:
    """Problems with a page's prose: unknown widgets, live numbers or sliders, show-me links to
    states outside the declared bounds, unplaced widgets, unrecognised markers. (Missing
    front matter is refused earlier, when app.pages loads the folder.)"""
    problems = []
    placed = [s.widget for s in prose.segments if s.kind == "widget"]
    for w in page.widgets:
        if placed.count(w.id) != 1:
            problems.append(f"widget {w.id!r} is placed {placed.count(w.id)} times (must be once)")
        stages = [s.key for s in prose.segments if s.kind == "stage" and s.widget == w.id]
        for stage in w.stages:
            if stages.count(stage.id) != 1:
                problems.append(f"stage {w.id}.{stage.id} is placed {stages.count(stage.id)} times (must be once)")
    for s in prose.segments:
        w = page.widget(s.widget)
        if s.kind == "html" and "[[" in s.html:
            # A marker the parser did not recognise (a typo, or a label over its length limit) would
            # be shown to the reader as raw text.
            problems.append(f"unrecognised marker: {str(s.html)[str(s.html).index('[['):][:60]!r}")
        elif s.kind == "drawing":
            problems += missing_drawings(page, [s])
        elif s.kind != "html" and w is None:
            problems.append(f"unknown widget {s.widget!r}")
        elif s.kind == "live":
            if s.key not in w.live(w.run(w.defaults())):
                problems.append(f"unknown live number {s.widget}.{s.key}")
        elif s.kind == "show":
            _, bad = parse_query(w.params, s.values)
            problems += [f"show-me link for {s.widget}: {p.message}" for p in bad]
        elif s.kind == "stage":
            if w.stage(s.key) is None:
                problems.append(f"unknown stage {s.widget}.{s.key}")
            elif [t.kind for t in prose.segments if t.widget == s.widget and t.kind in ("widget", "stage")][0] != "widget":
                problems.append(f"stage {s.widget}.{s.key} is placed before its widget")
        elif s.kind == "claim":
            if s.key not in {c.id for c in w.claims}:
                problems.append(f"unknown claim {s.widget}.{s.key}")
        elif s.kind == "scrub":
            param = w.param(s.key)
            if param is None or param.kind != "number":
                problems.append(f"scrub {s.widget}.{s.key}: not a number slider of that widget")
    return problems


# Reading time: words of prose a reader reads (content.md without front matter, markers or Markdown
# syntax, plus the text drawing files set beside their drawings), at 230 words a minute.
WORDS_PER_MINUTE = 230
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z0-9’'%]+(?:[-–][A-Za-z0-9’'%]+)*")


def prose_words(page: Page) -> int:
    text = _FRONT.sub("", (page.folder / "content.md").read_text())
    text = _MD_LINK.sub(r"\1", re.sub(r"\{[#:][^}]*\}", " ", _PLACEHOLDER.sub(" ", text)))
    for drawing in sorted(page.folder.glob("drawing_*.html")):
        html = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", drawing.read_text(), flags=re.S)
        text += " " + re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    return len(_WORD.findall(re.sub(r"<[^>]+>", " ", text)))


def reading_minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE))
