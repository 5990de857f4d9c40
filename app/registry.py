"""THE list of explorables, in the order of the suggested reading path, and the home page's
themes. Each name is a folder under app/pages/ (see docs/architecture.md); navigation, the home
page, routes, the API, the sitemap and the tests all read this list."""
from __future__ import annotations

from app.framework import Page
from app.pages import load

# The teaching order: each page needs only what came before it (docs/reading-path.md gives the
# dependency of terms behind it).
PAGES = (
    "what_agi_is",
    "llm_plateau",
    "sharp_takeoff",
    "safety_problem",
    "big_picture",
    "valence",
    "stranger_danger",
    "outer_and_inner_alignment",
    "reward_function_design",
    "scheming_pie_charts",
    "two_paths",
    "valence_disorders",
    "active_self",
    "pnse_anxiety",
)

# The core path: the pages that carry Byrnes's main argument, in the same order (at most 35 minutes).
CORE = ("what_agi_is", "sharp_takeoff", "safety_problem", "big_picture", "outer_and_inner_alignment",
        "scheming_pie_charts", "two_paths")

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


# Short names for the stations of the home page's map of the path.
STATIONS = {
    "what_agi_is": "What AGI is", "llm_plateau": "The LLM plateau", "sharp_takeoff": "A sharp takeoff",
    "safety_problem": "The safety problem", "big_picture": "The brain's big picture", "valence": "Valence",
    "stranger_danger": "Stranger danger", "outer_and_inner_alignment": "Outer & inner alignment",
    "reward_function_design": "Designing rewards", "scheming_pie_charts": "Will it scheme?",
    "two_paths": "Two paths forward", "valence_disorders": "Valence disorders", "active_self": "The Active Self",
    "pnse_anxiety": "PNSE and anxiety",
}
assert set(STATIONS) == set(PAGES), "every page has a station on the map"

CORE_PATH: tuple[Page, ...] = tuple(e for e in EXPLORABLES if e.folder.name in CORE)
assert [e.folder.name for e in CORE_PATH] == list(CORE), "the core path keeps the reading order"


def core_neighbours(slug: str) -> tuple[int, Page | None]:
    """A core page's place on the core path (1-based; 0 if not on it) and the next core page."""
    slugs = [e.slug for e in CORE_PATH]
    if slug not in slugs:
        return 0, None
    i = slugs.index(slug)
    return i + 1, (CORE_PATH[i + 1] if i + 1 < len(CORE_PATH) else None)


def neighbours(slug: str) -> tuple[Page | None, Page | None]:
    """The previous and next explorable along the suggested path."""
    i = [e.slug for e in EXPLORABLES].index(slug)
    return (EXPLORABLES[i - 1] if i > 0 else None, EXPLORABLES[i + 1] if i + 1 < len(EXPLORABLES) else None)
