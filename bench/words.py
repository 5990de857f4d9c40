"""Words and reading minutes per page and per path (issue 33's budgets: at most 1,500 words of prose a
page, a core path of at most 35 minutes).

    .venv/bin/python bench/words.py [--wpm 230]

Prose is the page's content.md without its front matter, with placeholders ([[widget:…]],
[[claim:…]], [[live:…]], [[drawing:…]]) and Markdown syntax removed, plus the text its drawing files
set beside their drawings (captions, notes): what a reader reads apart from claims, tables, widget
help and the labels inside drawings."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.content import WORDS_PER_MINUTE, prose_words  # noqa: E402
from app.registry import CORE_PATH, EXPLORABLES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wpm", type=int, default=WORDS_PER_MINUTE)
    args = parser.parse_args()
    core = {p.slug for p in CORE_PATH}
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
