"""The filial-imprinting puzzle: Byrnes's design passes every scenario; near misses fail the
scenarios they should (model.py, filial imprinting part)."""
from __future__ import annotations

import itertools

import pytest

from app.pages.stranger_danger.model import BYRNES, SCENARIOS
from app.pages.stranger_danger.page import IMPRINTING


def failing(**design) -> set[str]:
    return {o.scenario.id for o in IMPRINTING.at_defaults(**design) if not o.passes}


def test_byrnes_design_behaves_like_real_goslings_everywhere():
    outcomes = IMPRINTING.at_defaults(**BYRNES)
    assert all(o.passes for o in outcomes)
    follows = {o.scenario.id: o.follows for o in outcomes}
    assert follows == {"mother": "mother", "boot": "boot", "boot-in-window": "boot", "boot-later": "mother",
                       "mother-too-early": "boot", "boot-too-late": "mother"}


EDGES = {"boot-in-window", "boot-later", "mother-too-early", "boot-too-late"}


@pytest.mark.parametrize("change,fails", [
    ({"when": "always"}, EDGES),                  # never stops learning: later objects count as much
    ({"when": "never"}, {s.id for s in SCENARIOS}),   # never learns anything
    ({"trainer": "warmth"}, {"boot", "boot-in-window", "mother-too-early"}),   # a boot is never warm
    ({"trainer": "none"}, {s.id for s in SCENARIOS}),
    ({"output": "ignore"}, {s.id for s in SCENARIOS}),   # learns, but nothing uses it
    ({"window_start": 30, "window_end": 40}, EDGES),          # a window at the wrong time
    ({"window_start": 0, "window_end": 2}, {"boot-in-window", "mother-too-early", "boot-too-late"}),  # far too early
    ({"window_start": 6, "window_end": 16}, {"mother-too-early"}),      # opens too early: learns the early mother
    ({"window_start": 13, "window_end": 22}, {"boot-too-late"}),   # closes too late: learns the late boot too
])
def test_near_misses_fail_the_scenarios_they_should(change, fails):
    assert failing(**{**BYRNES, **change}) == fails


def test_only_windows_of_about_13_to_16_hours_pass_everything():
    """The seed's critical period: over every window the sliders allow, those that pass all
    scenarios open within two hours of hour 13 and close within two hours of hour 16."""
    passing = {(a, b) for a in range(0, 48) for b in range(a + 1, 49)
               if not failing(**{**BYRNES, "window_start": a, "window_end": b})}
    assert passing and all(11 <= a <= 15 and 14 <= b <= 18 for a, b in passing) and (13, 16) in passing


def test_only_the_critical_window_design_scores_full_marks():
    """Over every combination of the three choices (window 13-16 h), only Byrnes's design passes all."""
    perfect = [combo for combo in itertools.product(("none", "warmth", "innate"), ("always", "window", "never"),
                                                     ("ignore", "follow"))
               if not failing(trainer=combo[0], when=combo[1], output=combo[2])]
    assert perfect == [("innate", "window", "follow")]


def test_default_blank_design_scores_nothing():
    outcomes = IMPRINTING.at_defaults()
    assert sum(o.passes for o in outcomes) == 0 and len(outcomes) == len(SCENARIOS)


def test_inverted_window_learns_nothing():
    assert all(o.ratings == {"mother": 0.0, "boot": 0.0} for o in IMPRINTING.at_defaults(trainer="innate", when="window", output="follow", window_start=20, window_end=10))


def test_axis_labels_wrap_into_short_lines_keeping_the_number_with_its_word():
    from app.pages.stranger_danger.present import wrap
    assert wrap("1. Mother from the start") == "1. Mother<br>from the<br>start"
    assert wrap("2. Only a boot") == "2. Only<br>a boot"
    assert wrap("Boot") == "Boot"


def test_a_one_hour_window_is_too_short_anywhere():
    """'one that is too short ... fails': one hour of learning cannot make anything worth following."""
    assert all(failing(**{**BYRNES, "window_start": a, "window_end": a + 1}) for a in range(0, 48))
