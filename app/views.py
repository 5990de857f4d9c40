"""A widget at a state: what pages, updates, the API and previews all show. Validated values in,
presentation data out (memoised simulation, the view a template renders, an update as changes
from the state shown, the API payload); no routes here."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import Request
from markupsafe import escape

from app.framework import Page, Problem, Widget, canonical_query, parse_query
from app.registry import BY_SLUG
from app.startup import PROSE, templates
from app.wording import clean_json


def query_items(request: Request) -> list[tuple[str, str]]:
    return parse_qsl(request.url.query, keep_blank_values=True)


@lru_cache(maxsize=4096)
def simulate_cached(widget: Widget, state: tuple[tuple[str, Any], ...]) -> Any:
    """The widget's simulation at a validated state, memoised (simulations are pure)."""
    return widget.run(dict(state))


@lru_cache(maxsize=128)
def presented(widget: Widget, state: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    """What a widget shows at a validated state, memoised: an update is sent as changes from the
    state shown just before, which was presented a moment ago."""
    own = dict(state)
    result = simulate_cached(widget, state)
    return {
        "figures": widget.render_figures(result),
        "summary": widget.summary(result),
        "table": widget.table(result),
        "live": widget.live(result),
        "claims": widget.claim_texts(result),
        "notes": widget.notes(own),
        "inactive": dict(widget.inactive(own)),
        "submit_result": widget.submit_result(result) if widget.submit_result else "",
        "steps": widget.step_count(result) if widget.step_count else None,
        "panels": {panel.id: panel.present(result, own) for panel in widget.panels},
    }


def widget_view(page: Page, widget: Widget, values: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Everything a template needs to show one widget at one state (pure presentation data)."""
    own = {p.name: values[p.name] for p in widget.params}
    carry = [(p.name, p.to_text(values[p.name])) for w in page.widgets if w is not widget for p in w.params]
    return {
        **presented(widget, tuple(own.items())),
        "widget": widget,
        "slug": page.slug,
        "package": page.folder.name,
        "values": own,
        "query": canonical_query(widget.params, own),
        # The other widgets' state, carried as hidden fields so a plain GET submission keeps it.
        "carry": carry,
        # Reset with JavaScript off: this widget's defaults, the others as they are.
        "reset_href": f"/{page.slug}" + (f"?{urlencode(carry)}" if carry else "") + f"#widget-{widget.id}",
        "live_used": PROSE[page.slug].live_keys(widget.id),
        "claims_used": PROSE[page.slug].live_keys(widget.id, "claim"),
        "problems": [p for p in problems if p.name in own],
        "shown": "",        # in an update sent as changes: the state they apply to (see changes_since)
        "same": {},
    }


def show_links(page: Page, values: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Each "show me" link of the page's prose (by segment index): its deep link (the state now, with
    its widget at the link's example: defaults plus the named settings, landing on the part of the widget placed
    last before the link, a stage or the widget), those settings, and whether they are the state now."""
    links, placed = {}, {}          # placed: widget id -> its anchor, the part of it placed last before here
    for i, seg in enumerate(PROSE[page.slug].segments):
        if seg.kind in ("widget", "stage"):
            placed[seg.widget] = f"widget-{seg.widget}" + (f"--{seg.key}" if seg.kind == "stage" else "")
        if seg.kind != "show":
            continue
        widget = page.widget(seg.widget)
        given = dict(seg.values)
        parsed, _ = parse_query(widget.params, seg.values)   # checked against the bounds at start-up
        # An example is reproducible: the widget's defaults plus what the link names (the other widgets stay).
        setting = {**widget.defaults(), **{name: parsed[name] for name in given}}
        links[i] = {"href": f"/{page.slug}?{canonical_query(page.params, {**values, **setting})}#{placed.get(widget.id, f'widget-{widget.id}')}",
                    "sets": urlencode([(p.name, p.to_text(setting[p.name])) for p in widget.params if p.name in setting]),
                    "current": all(values[name] == v for name, v in setting.items())}
    return links


def render_fragment(view: dict[str, Any]) -> str:
    """The HTMX update for one widget (see templates/_fragment.html)."""
    return templates.get_template("_fragment.html").render(w=view)


def fragment_key(widget: Widget, values: dict[str, Any], problems: list[Problem]) -> tuple[str, list[Problem]]:
    """What a widget's update depends on: its own parameters and the problems with them."""
    own = {p.name: values[p.name] for p in widget.params}
    return canonical_query(widget.params, own), [p for p in problems if p.name in own]


def find_widget(slug: str, widget_id: str) -> tuple[Page, Widget] | None:
    page = BY_SLUG.get(slug)          # registered slugs only
    widget = page.widget(widget_id) if page else None
    return (page, widget) if widget else None


def shown_state(widget: Widget, given: list[str]) -> dict[str, Any] | None:
    """The state the page shows now (`from`, a canonical query of the widget's own parameters), when
    it names one validly: the update then sends only what differs from it."""
    if len(given) != 1:
        return None
    values, problems = parse_query(widget.params, parse_qsl(given[0], keep_blank_values=True))
    return None if problems else values


def figure_changes(new: dict[str, dict], old: dict[str, dict]) -> dict[str, Any]:
    """Each figure as sent after `old`: 0 when unchanged, else the figure with every trace (and the
    layout) that is as it was replaced by 0, which figure.js takes from the chart it shows."""
    out: dict[str, Any] = {}
    for fid, fig in new.items():
        before = old.get(fid)
        if fig == before:
            out[fid] = 0
        elif before is None:
            out[fid] = fig
        else:
            then = before.get("data", [])
            out[fid] = {**fig, "data": [0 if i < len(then) and t == then[i] else t for i, t in enumerate(fig.get("data", []))],
                        "layout": 0 if fig.get("layout") == before.get("layout") else fig.get("layout")}
    return out


def changes_since(view: dict[str, Any], shown: dict[str, Any]) -> dict[str, Any]:
    """A widget's update relative to the state shown: unchanged figures, traces, caption, table,
    live numbers and panels are left out (the template skips what `same` names)."""
    same = {"summary": view["summary"] == shown["summary"], "table": view["table"] == shown["table"],
            "submit_result": view["submit_result"] == shown["submit_result"]}
    same.update({f"live.{k}": view["live"][k] == shown["live"][k] for k in view["live_used"]})
    same.update({f"claim.{k}": view["claims"][k] == shown["claims"][k] for k in view["claims_used"]})
    same.update({f"panel.{k}": view["panels"][k] == shown["panels"][k] for k in view["panels"]})
    return {**view, "figures": figure_changes(view["figures"], shown["figures"]), "shown": shown["query"], "same": same}


def api_payload(widget: Widget, values: dict[str, Any]) -> dict[str, Any]:
    """A widget's API answer: its own payload, plus the sentences its page states about the result."""
    result = simulate_cached(widget, tuple(values.items()))
    payload = clean_json({"parameters": dict(values), **widget.api(values, result)})
    return {**payload, "claims": widget.claim_texts(result)} if widget.claims else payload


# ------------------------------------------------------------- sections: what a shared section link shows

_SECTION_MARK = re.compile(r'<div class="scene">|<!-- under the hood -->|<span id="([a-z0-9-]+)"></span>|<h[23] id="([a-z0-9-]+)">')
HOOD_SECTION = ("sources", "Under the hood")      # the page's own closing section (templates/explorable.html)


@dataclass(frozen=True)
class SectionInfo:
    id: str
    title: str
    widget: str | None        # the figure it previews: the widget (or stage) placed in it or nearest before it in its scene
    stage: str | None
    former: tuple[str, ...]   # its former ids (content.py `{#new old}`)
    start: int                # its first segment and the one after its last (prose.segments)
    end: int


@lru_cache(maxsize=None)
def sections(slug: str) -> dict[str, SectionInfo]:
    """Every section of a page by id, with the figure it previews (none before the first scene)."""
    prose = PROSE[slug]
    titles = {s.id: s.title for s in prose.sections}
    found: list[dict[str, Any]] = []
    scene: tuple[str, str | None] | None = None
    former: list[str] = []
    for i, seg in enumerate(prose.segments):
        if seg.kind in ("widget", "stage"):
            scene = (seg.widget, seg.key or None)
            if found and found[-1]["own"] is None:
                found[-1]["own"] = scene
            continue
        if seg.kind != "html":
            continue
        for m in _SECTION_MARK.finditer(str(seg.html)):
            if m.group(0).startswith("<") and not m.group(1) and not m.group(2):   # a scene starts, or the hood
                scene = None
            elif m.group(1):
                former.append(m.group(1))
            elif m.group(2) in titles:
                if found:
                    found[-1]["end"] = i + 1
                found.append({"id": m.group(2), "before": scene, "own": None, "former": tuple(former), "start": i})
                former = []
    if found:
        found[-1]["end"] = len(prose.segments)
    out = {}
    for s in found:
        widget, stage = s["own"] or s["before"] or (None, None)
        out[s["id"]] = SectionInfo(s["id"], titles[s["id"]], widget, stage, s["former"], s["start"], s["end"])
    hood_id, hood_title = HOOD_SECTION
    out.setdefault(hood_id, SectionInfo(hood_id, hood_title, None, None, (), len(prose.segments), len(prose.segments)))
    return out


def first_widget(page: Page) -> Widget:
    """The page's first figure: the widget its prose places first."""
    return page.widget(next(s.widget for s in PROSE[page.slug].segments if s.kind == "widget"))


def section_by_id(slug: str, section_id: str) -> SectionInfo | None:
    """A section by its id or a former one."""
    known = sections(slug)
    return known.get(section_id) or next((s for s in known.values() if section_id in s.former), None)


_TIP = re.compile(r'<span class="(?:tip|scrub-hint)"[^>]*>[^<]*</span>')
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def _sentence(text: str) -> str:
    """The first sentence of plain text: up to a full stop, question or exclamation mark outside brackets."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch in "([") - (ch in ")]")
        if ch in ".!?" and depth <= 0 and (i + 1 == len(text) or text[i + 1].isspace()):
            return text[:i + 1]
    return text


def first_sentence(page: Page, info: SectionInfo, views: dict[str, dict[str, Any]], limit: int = 200) -> str:
    """The first sentence of a section's prose at the state shown (live numbers, claims and draggable numbers filled
    in), as plain text; the page's description when the section opens without a paragraph."""
    parts = []
    for seg in PROSE[page.slug].segments[info.start:info.end]:
        if seg.kind == "html":
            parts.append(str(seg.html))
        elif seg.kind in ("live", "claim"):
            parts.append(str(escape(views[seg.widget]["live" if seg.kind == "live" else "claims"][seg.key])))
        elif seg.kind == "show":
            parts.append(str(seg.label))
        elif seg.kind == "scrub":
            parts.append(str(escape(page.widget(seg.widget).param(seg.key).display(views[seg.widget]["values"][seg.key]))))
        else:
            parts.append("<p></p>")
    body = "".join(parts)
    head = re.search(rf'<h[23] id="{info.id}">.*?</h[23]>', body, re.S)
    body = body[head.end():] if head else body
    body = re.split(r'<div class="section-head">|<!-- under the hood -->', body, maxsplit=1)[0]   # this section only
    paragraph = next((m.group(1) for m in _PARAGRAPH.finditer(body) if m.group(1).strip()), None)
    if paragraph is None:
        return page.meta["description"]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", _TIP.sub("", paragraph))).split())
    sentence = _sentence(text)
    return sentence if len(sentence) <= limit else sentence[:limit - 1].rsplit(" ", 1)[0] + "…"
