"""The site-wide glossary: each term defined once (content/glossary.md, or a page's front matter),
shown as a definition that opens on hover, keyboard focus or tap where it is first used on a page,
and listed at /glossary with links to where it is used."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Sequence

from markupsafe import Markup, escape

from app import content

# Text inside these elements is never turned into a glossary term.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "code", "button", "caption", "title", "th"}
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")
# A term already marked in a text run: \x00 id \x01 matched text \x02 (replaced by markup at the end).
_PLACEHOLDER = re.compile(r"(\x00[^\x01]+\x01[^\x02]*\x02)")
_PLACEHOLDER_PARTS = re.compile(r"\x00([^\x01]+)\x01([^\x02]*)\x02")


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    match: tuple[str, ...]
    group: str = ""        # one of the glossary's groups (content/glossary.md front matter)
    explained: str = ""    # "slug#section": the page section that explains it (checked at start-up)


def _terms(entries) -> tuple[Term, ...]:
    return tuple(Term(t["id"], t["term"], t["definition"], tuple(t.get("match") or [t["term"]]),
                      t.get("group", ""), t.get("explained", "")) for t in entries or ())


@lru_cache(maxsize=None)
def _pattern(term: Term) -> re.Pattern:
    # Case-sensitive, whole words: "RLHF" but not "rlhf_ratio" in a live-number marker.
    alternatives = sorted(term.match, key=len, reverse=True)
    # A line break in the prose between two words of a term is still the term.
    words = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
    return re.compile(r"(?<![\w\[.:-])(" + words + r")(?![\w\]])")


def _may_occur(term: Term, text: str) -> bool:
    """False when no use of the term can be in `text`: every use contains the first word of one of
    its spellings, as written (a quick test before the pattern)."""
    return any(first in text for first in _first_words(term))


@lru_cache(maxsize=None)
def _first_words(term: Term) -> tuple[str, ...]:
    return tuple(a.split()[0] for a in term.match)


def tooltip(term: Term, text: str) -> str:
    tip = f"tip-{term.id}"
    return (f'<span class="gloss"><button type="button" class="term" aria-describedby="{tip}">{escape(text)}</button>'
            f'<span class="tip" role="tooltip" id="{tip}">{escape(term.definition)}</span></span>')


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    intro: Markup
    description: str
    groups: tuple[tuple[str, str], ...] = ()   # (id, title) in the order /glossary shows them

    def grouped(self, used: set[str] | None = None) -> list[tuple[str, str, list[Term]]]:
        """The terms by group, in the groups' order, alphabetical within each (ignoring case); with
        `used`, only those terms (the glossary lists what the pages use, not what they may use later)."""
        return [(gid, title, sorted((t for t in self.terms if t.group == gid and (used is None or t.id in used)),
                                    key=lambda t: t.term.casefold()))
                for gid, title in self.groups]

    def check(self, sections: dict[str, set[str]]) -> list[str]:
        """Problems: a term outside every group, or explained by a page or section that does not exist."""
        known = {gid for gid, _ in self.groups}
        problems = [f"glossary term {t.id!r}: unknown group {t.group!r}" for t in self.terms if t.group not in known]
        for t in self.terms:
            if t.explained:
                slug, _, section = t.explained.partition("#")
                if section not in sections.get(slug, ()):
                    problems.append(f"glossary term {t.id!r}: no section {t.explained!r}")
        return problems

    def _free_match(self, term: Term, text: str) -> re.Match | None:
        """The first use of `term` in `text` that is not part of a longer term (the "AGI" in
        "brain-like AGI" belongs to "brain-like AGI")."""
        if not _may_occur(term, text):
            return None
        spans = None   # every term's uses in `text`, found only once this term matches
        for m in _pattern(term).finditer(text):
            spans = spans or self._spans(text)
            if not any(tid != term.id and s < m.end() and m.start() < e and e - s > m.end() - m.start()
                       for s, e, tid in spans):
                return m
        return None

    @cached_property
    def _any_term(self) -> re.Pattern:
        """Finds something wherever any term occurs (a quick test before looking for each)."""
        return re.compile("|".join(f"(?:{_pattern(t).pattern})" for t in self.terms))

    @lru_cache(maxsize=64)
    def _spans(self, text: str) -> tuple[tuple[int, int, str], ...]:
        return tuple((m.start(), m.end(), t.id) for t in self.terms if _may_occur(t, text)
                     for m in _pattern(t).finditer(text))

    def annotate(self, html: str) -> str:
        """Wrap the first use of every term in prose text (not in links, headings, code...)."""
        parts = _TAG.split(html)
        pending = list(self.terms)
        depth = 0
        for i, part in enumerate(parts):
            if i % 2 == 1:                                   # a tag
                name = (_TAG_NAME.match(part) or [None, ""])[1].lower()
                if name in _SKIP and not part.endswith("/>"):
                    depth += -1 if part.startswith("</") else 1
                continue
            if depth > 0 or not part.strip() or not self._any_term.search(part):
                continue
            for term in list(pending):
                if not _pattern(term).search(part):   # a use in any piece below is a use in the whole part
                    continue
                # Search only outside the placeholders of terms already marked, so that a shorter
                # term ("AGI") is never marked inside a longer one ("brain-like AGI").
                pieces = _PLACEHOLDER.split(part)
                for j in range(0, len(pieces), 2):
                    m = self._free_match(term, pieces[j])
                    if m:
                        pieces[j] = pieces[j][:m.start()] + f"\x00{term.id}\x01{m.group(1)}\x02" + pieces[j][m.end():]
                        pending.remove(term)
                        break
                part = "".join(pieces)
            parts[i] = part
        out = "".join(parts)
        by_id = {t.id: t for t in self.terms}
        return _PLACEHOLDER_PARTS.sub(lambda m: tooltip(by_id[m.group(1)], m.group(2)), out)

    def uses(self, pages: Sequence[tuple[Any, Any]]) -> dict[str, list[tuple[str, str]]]:
        """term id -> [(slug, title)] of the pages whose prose uses the term; `pages` holds
        (page, its rendered prose) pairs."""
        out: dict[str, list[tuple[str, str]]] = {t.id: [] for t in self.terms}
        for page, prose in pages:
            text = re.sub(r"<[^>]+>", " ", "".join(s.html for s in prose.segments if s.kind == "html"))
            for t in self.terms:
                if self._free_match(t, text):
                    out[t.id].append((page.slug, page.title))
        return out


def build(pages: Sequence[Any] = ()) -> Glossary:
    """The site's terms (content/glossary.md) plus any a page's front matter adds under `terms`."""
    site = content.parse((content.CONTENT_DIR / "glossary.md").read_text(encoding="utf-8"))
    terms = _terms(site.meta["terms"]) + tuple(t for page in pages for t in _terms(page.meta.get("terms")))
    ids = [t.id for t in terms]
    assert len(ids) == len(set(ids)), "glossary term ids must be unique"
    intro = Markup("".join(s.html for s in site.segments if s.kind == "html"))
    groups = tuple((g["id"], g["title"]) for g in site.meta["groups"])
    return Glossary(terms, intro, site.meta["description"], groups)
