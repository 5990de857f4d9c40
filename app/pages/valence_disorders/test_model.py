"""The valence-disorders model, pinned: each pattern emerges from gating thoughts by valence, and a
setting can break it. Each test names the sentence it backs."""
from __future__ import annotations

from app.pages.valence_disorders.present import pattern
from app.pages.valence_disorders.page import PAGE

# The model at the declared defaults (page.py), with changes in its own units.
day = PAGE.widget("day").at_defaults


def test_a_negative_bias_leaves_the_mind_idle_and_only_the_most_appealing_gets_through():
    """claim day, depression-like: most of the day idle, many thoughts thrown out, the itch still scratched."""
    d = day(offset=-2)
    assert pattern(d) == "negative" and d.idle > 0.5 and d.rerolls > 10 * day().rerolls
    assert d.acted_share("itch") > 10 * d.acted_share("task")
    assert pattern(day(offset=-0.5)) == "none"              # a mild bias does not produce it
    assert pattern(day(offset=-3, spread=2)) == "negative"  # a wide spread does not hide it
    assert day(offset=-3, spread=0).acted_total == 0         # pushed far enough, nothing gets through at all


def test_a_positive_bias_keeps_everything_and_ideas_interrupt_each_other():
    """claim day, mania-like."""
    d = day(offset=2)
    assert pattern(d) == "positive" and d.rerolls < 10 and d.switches > day().switches and d.idle < 0.05


def test_extremised_valence_gives_no_middle_ground_and_big_swings():
    """claim day, NPD-like: the same kinds of thought flip between very good and very bad."""
    d = day(extremise=0.8)
    assert pattern(d) == "extremes" and d.neutral == 0 and d.swing > 2 * day().swing
    assert pattern(day(offset=1, extremise=1)) != "extremes"     # extreme but nearly all good: not both kinds
    assert d.flips["colleague"] > 0.2                       # it does flip, not only sit at one extreme


def test_the_day_is_deterministic_and_the_default_shows_no_pattern():
    assert day() == day() and pattern(day()) == "none"
    assert sum(day().offered.values()) == 960
