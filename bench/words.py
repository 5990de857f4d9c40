"""Words and reading minutes per page and per path (issue 33's budgets: at most 1,500 words of prose a
page, a core path of at most 35 minutes).

    .venv/bin/python bench/words.py [--wpm 230]

Prose is the page's content.md without its front matter, with placeholders ([[widget:…]],
[[claim:…]], [[live:…]], [[drawing:…]]) and Markdown syntax removed, plus the text its drawing files
set beside their drawings (captions, notes): what a reader reads apart from claims, tables, widget
help and the labels inside drawings."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.registry import EXPLORABLES  # noqa: E402

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z0-9’'%]+(?:[-–][A-Za-z0-9’'%]+)*")


def prose_words(page) -> int:
    text = (page.folder / "content.md").read_text()
    text = _FRONT.sub("", text)
    text = _PLACEHOLDER.sub(" ", text)
    text = re.sub(r"\{[#:][^}]*\}", " ", text)           # attribute lists and anchors
    text = _LINK.sub(r"\1", text)
    for drawing in sorted(page.folder.glob("drawing_*.html")):      # the prose that sits beside a drawing
        html = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", drawing.read_text(), flags=re.S)
        html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
        text += " " + html
    text = re.sub(r"<[^>]+>", " ", text)
    return len(_WORD.findall(text))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wpm", type=int, default=230)
    args = parser.parse_args()
    core = {p.slug for p in EXPLORABLES if getattr(p, "core", False)}
    total = core_total = 0
    print(f"{'#':>2}  {'page':30} {'words':>6} {'min':>5}  core")
    for i, page in enumerate(EXPLORABLES, 1):
        n = prose_words(page)
        total += n
        core_total += n if page.slug in core else 0
        print(f"{i:>2}  {page.slug:30} {n:>6} {n / args.wpm:>5.1f}  {'yes' if page.slug in core else ''}")
    print(f"full path: {total} words, {total / args.wpm:.0f} min at {args.wpm} words a minute")
    if core:
        print(f"core path: {core_total} words, {core_total / args.wpm:.0f} min ({len(core)} pages)")


if __name__ == "__main__":
    main()
