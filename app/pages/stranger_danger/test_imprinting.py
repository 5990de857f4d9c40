"""The filial-imprinting puzzle: Byrnes's design passes every scenario; near misses fail the
scenarios they should (model.py, filial imprinting part)."""
from __future__ import annotations

import itertools

import pytest

from app.pages.stranger_danger.model import BYRNES, SCENARIOS
from app.pages.stranger_danger.page import IMPRINTING


def simulate(*args, **kwargs):
    """The imprinting model through its widget: page defaults, positional in declared order."""
    return IMPRINTING.run({**IMPRINTING.defaults(), **dict(zip([p.name for p in IMPRINTING.params], args)), **kwargs})


def failing(**design) -> set[str]:
    return {o.scenario.id for o in simulate(**design) if not o.passes}


def test_byrnes_design_behaves_like_real_goslings_everywhere():
    outcomes = simulate(**BYRNES)
    assert all(o.passes for o in outcomes)
    follows = {o.scenario.id: o.follows for o in outcomes}
    assert follows == {"mother": "mother", "boot": "boot", "late-mother": "nothing", "boot-later": "mother"}


@pytest.mark.parametrize("change,fails", [
    ({"when": "always"}, {"late-mother", "boot-later"}),     # never stops learning: late mother and boot both count
    ({"when": "never"}, {"mother", "boot", "boot-later"}),   # never learns anything
    ({"trainer": "warmth"}, {"boot"}),                       # a boot is never warm: cannot imprint on it
    ({"trainer": "none"}, {"mother", "boot", "boot-later"}),
    ({"output": "ignore"}, {"mother", "boot", "boot-later"}),  # learns, but nothing uses it
    ({"window_start": 30, "window_end": 40}, {"late-mother", "boot-later"}),  # a window at the wrong time
])
def test_near_misses_fail_the_scenarios_they_should(change, fails):
    assert failing(**{**BYRNES, **change}) == fails


def test_only_the_critical_window_design_scores_full_marks():
    """Over every combination of the three choices (window 13-16 h), only Byrnes's design passes all."""
    perfect = [combo for combo in itertools.product(("none", "warmth", "innate"), ("always", "window", "never"),
                                                     ("ignore", "follow"))
               if not failing(trainer=combo[0], when=combo[1], output=combo[2])]
    assert perfect == [("innate", "window", "follow")]


def test_default_blank_design_scores_one():
    outcomes = simulate()
    assert sum(o.passes for o in outcomes) == 1 and len(outcomes) == len(SCENARIOS)


def test_inverted_window_learns_nothing():
    assert all(o.ratings == {"mother": 0.0, "boot": 0.0} for o in simulate(trainer="innate", when="window", output="follow", window_start=20, window_end=10))


def test_axis_labels_wrap_into_short_lines_keeping_the_number_with_its_word():
    from app.pages.stranger_danger.present import wrap
    assert wrap("1. Mother from the start") == "1. Mother<br>from the<br>start"
    assert wrap("2. Only a boot") == "2. Only<br>a boot"
    assert wrap("Boot") == "Boot"
