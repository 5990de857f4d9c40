"""Search across pages, their sections and the glossary: an in-memory SQLite FTS5 index built once
at start-up from the content (SQLite ships with Python; FTS5 gives stemming, BM25 ranking and
snippets, so there is no ranking code of our own). Queries are reduced to plain words, so no reader
input is ever parsed as FTS5 syntax."""
from __future__ import annotations

import html
import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape

MAX_QUERY = 100        # characters kept from a query
MAX_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)
_TAGS = re.compile(r"<[^>]+>")
_BEFORE_PUNCT = re.compile(r" ([,.;:!?)])")
_ORPHAN_PUNCT = re.compile(r"[,;:](?=[,;:.!?])")    # left where a number that changes with the state was taken out
_SECTION = re.compile(r'<h(?:2|3(?= id="models?")) id="([^"]+)"[^>]*>(.*?)</h[23]>', re.S)   # the models' h3: under the hood
_OPEN, _CLOSE = "\x02", "\x03"     # snippet markers: never in the indexed text


@dataclass(frozen=True)
class Doc:
    kind: str      # "page" | "section" | "term"
    title: str
    body: str
    url: str
    context: str   # where it lives, e.g. the page's title for a section


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    context: str
    snippet: Markup


def text_of(fragment: str) -> str:
    text = " ".join(html.unescape(_TAGS.sub(" ", fragment)).split())
    return _ORPHAN_PUNCT.sub("", _BEFORE_PUNCT.sub(r"\1", text))   # a tag boundary is not a space before punctuation


def page_docs(slug: str, title: str, summary: str, prose_html: str) -> list[Doc]:
    """A page, and each of its sections (the text from its heading to the next)."""
    parts = _SECTION.split(prose_html)     # the introduction, then (id, heading, body) triples
    docs = [Doc("page", title, summary + " " + text_of(parts[0]), f"/{slug}", "Page")]
    for i in range(1, len(parts) - 2, 3):
        sid, heading, body = parts[i], text_of(parts[i + 1]).rstrip("#").strip(), text_of(parts[i + 2])
        docs.append(Doc("section", heading, body, f"/{slug}#{sid}", title))
    return docs


def words(query: str) -> list[str]:
    return _WORD.findall(query[:MAX_QUERY].casefold())[:MAX_WORDS]


class SearchIndex:
    def __init__(self, docs: Iterable[Doc]) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, kind UNINDEXED, url UNINDEXED, "
                         "context UNINDEXED, tokenize='porter unicode61')")
        self._db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                             [(d.title, d.body, d.kind, d.url, d.context) for d in docs])
        self.size = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def search(self, query: str, limit: int = 25) -> list[Hit]:
        terms = words(query)
        if not terms:
            return []
        # Every word must appear; the last may be a prefix (results as you type).
        match = " ".join(f'"{t}"' for t in terms[:-1]) + f' "{terms[-1]}"*'
        with self._lock:
            rows = self._db.execute(
                "SELECT kind, title, url, context, snippet(docs, 1, ?, ?, '…', 16) FROM docs WHERE docs MATCH ? "
                "ORDER BY bm25(docs, 6.0, 1.0) LIMIT ?", (_OPEN, _CLOSE, match.strip(), limit)).fetchall()
        return [Hit(kind, title, url, context, Markup(str(escape(snip)).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")))
                for kind, title, url, context, snip in rows]
