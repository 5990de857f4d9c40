"""Small wording helpers shared by the pages' presenters (sentences, captions, table cells)."""
from __future__ import annotations


def pct(x: float) -> str:
    """A share (0-1) as a whole percentage: 0.456 -> '46%'."""
    return f"{x:.0%}"


def upper_first(text: str) -> str:
    """Capitalise the first letter only ('brain-like AGI' -> 'Brain-like AGI', where str.capitalize lowers the rest)."""
    return text[:1].upper() + text[1:]


def signed(x: float) -> str:
    """A value with its sign to two places: '+0.38', '-0.05'; never '-0.00'."""
    text = f"{x:+.2f}"
    return "+0.00" if text == "-0.00" else text


def join_and(items) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
