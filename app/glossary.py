"""The site-wide glossary: terms defined once in content/glossary.md, shown as definitions that
open on hover, keyboard focus or tap where a term is first used on a page, and listed at /glossary
with links to where each is used."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from app import content

# Text inside these elements is never turned into a glossary term.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "code", "button", "caption", "title", "th"}
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    match: tuple[str, ...]


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    intro: Markup
    description: str


@lru_cache(maxsize=1)
def load() -> Glossary:
    page = content.parse((content.CONTENT_DIR / "glossary.md").read_text(encoding="utf-8"))
    terms = tuple(Term(t["id"], t["term"], t["definition"], tuple(t.get("match") or [t["term"]]))
                  for t in page.meta["terms"])
    intro = Markup("".join(s.html for s in page.segments if s.kind == "html"))
    return Glossary(terms, intro, page.meta["description"])


def _pattern(term: Term) -> re.Pattern:
    # Case-sensitive, whole words: "RLHF" but not "rlhf_ratio" in a live-number marker.
    alternatives = sorted(term.match, key=len, reverse=True)
    return re.compile(r"(?<![\w\[.:-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w\]])")


def tooltip(term: Term, text: str) -> str:
    tip = f"tip-{term.id}"
    return (f'<span class="gloss"><button type="button" class="term" aria-describedby="{tip}">{escape(text)}</button>'
            f'<span class="tip" role="tooltip" id="{tip}">{escape(term.definition)}</span></span>')


def annotate(html: str) -> str:
    """Wrap the first use of every glossary term in prose text (not in links, headings, code...)."""
    parts = _TAG.split(html)
    pending = list(load().terms)
    depth = 0
    for i, part in enumerate(parts):
        if i % 2 == 1:                                   # a tag
            name = (_TAG_NAME.match(part) or [None, ""])[1].lower()
            if name in _SKIP and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
            continue
        if depth > 0 or not part.strip():
            continue
        for term in list(pending):
            m = _pattern(term).search(part)
            if m:
                # Placeholders keep one term's markup from being searched for the next term.
                part = part[:m.start()] + f"\x00{term.id}\x01{m.group(1)}\x02" + part[m.end():]
                pending.remove(term)
        parts[i] = part
    out = "".join(parts)
    by_id = {t.id: t for t in load().terms}
    return re.sub(r"\x00([^\x01]+)\x01([^\x02]*)\x02", lambda m: tooltip(by_id[m.group(1)], m.group(2)), out)


@lru_cache(maxsize=1)
def uses(explorables) -> dict[str, list[tuple[str, str]]]:
    """term id -> [(slug, title)] of the explorables whose prose uses the term."""
    out: dict[str, list[tuple[str, str]]] = {t.id: [] for t in load().terms}
    for e in explorables:
        text = "".join(s.html for s in content.load(e).segments if s.kind == "html")
        for t in load().terms:
            if _pattern(t).search(re.sub(r"<[^>]+>", " ", text)):
                out[t.id].append((e.slug, e.title))
    return out
