"""The PNSE-and-anxiety models, pinned: anxiety persists exactly when the loops' combined gain reaches 1,
and the best level of anxiety is more than zero only when looming problems cost enough."""
from __future__ import annotations

import pytest

from app.pages.pnse_anxiety.model import LEVELS
from app.pages.pnse_anxiety.page import PAGE

# The models at the declared defaults (page.py), with changes in their own units.
loops, tradeoff = (PAGE.widget(w).at_defaults for w in ("loops", "howmuch"))


def test_a_real_reason_to_worry_keeps_anxiety_up_and_good_news_lets_it_go():
    assert loops(news="ill", model="pnse", worry=1.2).persists                     # (a)
    assert not loops(news="fine", model="pnse", worry=1.2).persists                # (b)
    assert loops(news="fine", model="pnse").end < 0.01


def test_anxious_about_being_anxious_holds_it_in_the_conventional_self_model_but_not_in_pnse():
    conventional = loops(news="ill", model="conventional", worry=0.8, self_gain=0.5)   # (c)
    pnse = loops(news="ill", model="pnse", worry=0.8, self_gain=0.5)                   # (d)
    assert conventional.persists and not pnse.persists
    assert conventional.object_loop < 1 and pnse.self_loop == 0


@pytest.mark.parametrize("attention,worry,self_gain,news", [
    (1, 0.6, 0.4, "ill"), (1, 0.6, 0.35, "ill"), (1, 0.95, 0, "ill"), (1, 1, 0, "ill"), (0.5, 1.5, 1.5, "ill"),
    (1.5, 1.5, 1.5, "fine"), (1.5, 0.3, 0.9, "fine"), (0, 1.5, 1.5, "ill"), (1.2, 0.5, 0.4, "ill")])
def test_anxiety_persists_exactly_when_the_combined_loop_gain_reaches_one(attention, worry, self_gain, news):
    r = loops(news=news, model="conventional", attention=attention, worry=worry, self_gain=self_gain)
    assert r.persists == (r.combined >= 1 - 1e-9), (r.combined, r.end)


def test_inhibitory_good_news_can_outweigh_a_strong_self_loop():
    r = loops(news="fine", model="conventional", attention=1.5, worry=1.5, self_gain=1.5)
    assert r.self_loop > 1 and not r.persists


def test_pnse_makes_the_self_link_irrelevant():
    assert loops(model="pnse", self_gain=0) == loops(model="pnse", self_gain=1.5).__class__(
        **{**loops(model="pnse", self_gain=1.5).__dict__, "self_gain": 0})


def test_the_best_anxiety_is_more_than_none_when_problems_cost_enough():
    assert tradeoff(stakes=5, discomfort=0.1).best > 0
    assert tradeoff(stakes=0).best == 0
    assert tradeoff(stakes=5, discomfort=0.5).best < tradeoff(stakes=5, discomfort=0.1).best


def test_more_anxiety_catches_more_problems_and_costs_more_discomfort():
    t = tradeoff()
    assert list(t.ignored_cost) == sorted(t.ignored_cost, reverse=True)
    assert list(t.anxiety_cost) == sorted(t.anxiety_cost)
    assert sum(tradeoff(level=1).handled) > sum(tradeoff(level=0).handled) == 0
    assert len(t.total) == len(LEVELS)
