"""THE list of explorables. Navigation, the home page, routes, the sitemap and the tests all
read this one declaration; adding a page means adding an entry here (plus its content file,
model, presenters and widget declaration, each in its own folder)."""
from __future__ import annotations

from app.explorables.scheming_pies import PIES
from app.explorables.stranger_danger import IMPRINTING, WALKTHROUGH
from app.explorables.what_agi_is import ANGELS, KNOW, LUNCH
from app.framework import Explorable

# The themes of the home page's map, in reading order.
THEMES: tuple[tuple[str, str], ...] = (
    ("what-agi", "What AGI is"),
    ("brain-model", "The brain model"),
    ("valence", "Valence"),
    ("alignment", "Alignment and forecasting"),
    ("self-models", "Self-models"),
)

# In the order of the suggested reading path ("start here" on the home page, previous / next on
# each page).
EXPLORABLES: tuple[Explorable, ...] = (
    Explorable(
        slug="what-agi-is",
        title="What AGI is and isn't: general, not universal",
        summary="Why no algorithm solves every problem, why exams can't tell knowing from figuring out, "
                "and why a real AGI would not need humans to keep its projects on track.",
        content="what-agi-is.md",
        widgets=(LUNCH, KNOW, ANGELS),
        theme="what-agi",
    ),
    Explorable(
        slug="stranger-danger",
        title="Stranger danger and filial imprinting: the brain's two subsystems at work",
        summary="Step through how a toddler learns that a stranger is safe, then design a mechanism "
                "for goslings' imprinting and test it on four hatchlings.",
        content="stranger-danger.md",
        widgets=(WALKTHROUGH, IMPRINTING),
        theme="brain-model",
    ),
    Explorable(
        slug="scheming-pie-charts",
        title="Why today's LLMs mostly don't scheme, and why future AI may",
        summary="Three pie charts of learned behaviour through pretraining, RLHF and RLVR, "
                "rebuilt as a selection model you can push around.",
        content="scheming-pie-charts.md",
        widgets=(PIES,),
        theme="alignment",
    ),
)

BY_SLUG: dict[str, Explorable] = {e.slug: e for e in EXPLORABLES}
assert len(BY_SLUG) == len(EXPLORABLES), "slugs must be unique"
assert all(e.theme in dict(THEMES) for e in EXPLORABLES), "every explorable needs a known theme"


def neighbours(slug: str) -> tuple[Explorable | None, Explorable | None]:
    """The previous and next explorable along the suggested path."""
    i = [e.slug for e in EXPLORABLES].index(slug)
    return (EXPLORABLES[i - 1] if i > 0 else None, EXPLORABLES[i + 1] if i + 1 < len(EXPLORABLES) else None)
