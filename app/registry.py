"""THE list of explorables, in the order of the suggested reading path, and the home page's
themes. Each name is a folder under app/pages/ (see docs/architecture.md); navigation, the home
page, routes, the API, the sitemap and the tests all read this list."""
from __future__ import annotations

from app.framework import Page
from app.pages import load

PAGES = (
    "what_agi_is",
    "safety_problem",
    "big_picture",
    "stranger_danger",
    "two_paths",
    "llm_plateau",
    "scheming_pie_charts",
    "outer_and_inner_alignment",
    "sharp_takeoff",
    "reward_function_design",
    "valence",
    "valence_disorders",
    "active_self",
    "pnse_anxiety",
)

# The themes of the home page's map, in reading order.
THEMES: tuple[tuple[str, str], ...] = (
    ("what-agi", "What AGI is"),
    ("brain-model", "The brain model"),
    ("valence", "Valence"),
    ("alignment", "Alignment and forecasting"),
    ("self-models", "Self-models"),
)

EXPLORABLES: tuple[Page, ...] = tuple(load(name) for name in PAGES)
BY_SLUG: dict[str, Page] = {e.slug: e for e in EXPLORABLES}
assert len(BY_SLUG) == len(EXPLORABLES), "slugs must be unique"
assert all(e.theme in dict(THEMES) for e in EXPLORABLES), "every explorable needs a known theme"


def neighbours(slug: str) -> tuple[Page | None, Page | None]:
    """The previous and next explorable along the suggested path."""
    i = [e.slug for e in EXPLORABLES].index(slug)
    return (EXPLORABLES[i - 1] if i > 0 else None, EXPLORABLES[i + 1] if i + 1 < len(EXPLORABLES) else None)
