"""Small wording helpers shared by the pages' presenters (sentences, captions, table cells)."""
from __future__ import annotations


def pct(x: float) -> str:
    """A share (0-1) as a whole percentage: 0.456 -> '46%'."""
    return f"{x:.0%}"


def upper_first(text: str) -> str:
    """Capitalise the first letter only ('brain-like AGI' -> 'Brain-like AGI', where str.capitalize lowers the rest)."""
    return text[:1].upper() + text[1:]
