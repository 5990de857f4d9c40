"""The Active Self page's models, pinned: the two divisions of actions, internalised and externalised
desires that swap with approval, culture deciding only close calls, and a label that follows the feeling."""
from __future__ import annotations

import pytest

from app.pages.active_self.model import ACTION_IDS, FEELINGS, TIE, sorting
from app.pages.active_self.page import PAGE

# The models at the declared defaults (page.py), with changes in their own units.
cloud, desires, inference, vibe = (PAGE.widget(w).at_defaults for w in ("cloud", "desires", "prior", "vibe"))


def test_the_intuitive_sorting_cuts_across_the_voluntary_division_and_a_matching_one_does_not():
    intuitive = sorting(stand="self", itch="not", phone="not", attend="self", laugh="self", blush="not", flinch="not",
                        heart="not")
    assert set(intuitive.across) == {"itch", "phone", "laugh"}
    matching = sorting(**{a: ("self" if v else "not") for a, v in zip(ACTION_IDS, intuitive.voluntary)})
    assert matching.across == ()


def test_a_circle_that_celebrates_study_internalises_it_and_externalises_slacking():
    d = desires(approve_study=0.8, approve_slack=-0.8, urge=0.8)
    assert d.label("study") == "internalised" and d.label("slack") == "externalised"
    assert 0.25 <= d.happened["slack"] < 0.6                      # the urge wins on some evenings


def test_swapping_the_approvals_swaps_which_desire_is_internalised():
    d = desires(approve_study=0.8, approve_slack=-0.8, urge=0.8)
    flipped = desires(approve_study=-0.8, approve_slack=0.8, urge=0.8)
    assert flipped.label("slack") == "internalised" and flipped.label("study") != "internalised"
    assert d.swapped == (flipped.label("study"), flipped.label("slack"))


def test_a_weak_urge_is_not_externalised_because_it_hardly_ever_wins():
    assert desires(urge=0.2).label("slack") == "absent"


def test_the_cloud_reaches_the_rest_of_the_self_only_through_the_active_self():
    # Activation of a part = awareness link x the part's link: 0.9 x 0.9 = 0.81 (body), 0.9 x 0.8 = 0.72 (goals),
    # 0.9 x 0.5 = 0.45 (story, character: below the 0.5 that brings a part to mind).
    c = cloud()
    assert c.reached == {"body": 0.81, "goals": 0.72, "story": 0.45, "character": 0.45}
    assert c.bridged == ("body", "goals") and c.blended == ("awareness", "body", "goals")
    assert cloud(body=0.3).reached["body"] == 0.27 and "body" not in cloud(body=0.3).bridged
    assert cloud(awareness=0.7, body=0.7, goals=0.7).bridged == ()                 # 0.49 everywhere: just short


def test_bayes_rule_weighs_the_evidence_against_the_prior():
    # Log odds after 40 experiences = log odds of the prior - 40 x fit.
    # culture 20%, fit 0.05: ln(0.25) - 2 = -3.386, so 3.27%.
    assert inference(fit=0.05, culture=0.2).posterior[-1] == pytest.approx(0.0327, abs=1e-4)
    # culture 60%, fit 0.01: ln(1.5) - 0.4 = 0.0055, so just over 50%: the outside voice, by a hair; from 1%: 0.67%.
    close = inference(fit=0.01, culture=0.6)
    assert close.posterior[-1] == pytest.approx(0.5014, abs=1e-4) and close.baseline[-1] == pytest.approx(0.0067, abs=1e-4)
    # Strong evidence overrides any culture: fit 0.2 takes 8 off the log odds.
    strong = inference(fit=0.2, culture=0.6)
    assert strong.posterior[-1] < 0.01 and strong.baseline[-1] < 0.01


def test_the_label_follows_the_feeling_with_the_mechanism_fixed():
    assert vibe(feeling=0.5).label == "counsel" and vibe(feeling=-0.5).label == "manipulation"
    # At the defaults (pressure = disclosure = 0.55, weight 1) the squared distances differ by
    # 0.8 x 0.55 - 1.2 x 0.55 + 0.32 - 3.2 x feeling, so the label turns at 0.1 / 3.2 = 0.03125.
    assert vibe().boundary == 0.03125 and vibe().flip == 0.03125
    assert vibe().sweep[:11] == ("manipulation",) * 11 and vibe().sweep[11:] == ("counsel",) * 10
    assert vibe(weight=0).boundary is None and len(set(vibe(weight=0).sweep)) == 1


def test_one_distance_and_one_tie_rule_for_the_label_and_the_sweep():
    # Issue 32: /active-self?pressure=0.2&disclosure=0.4&feeling=-0.3&weight=0 gave "counsel" as the label and
    # "manipulation" in the sweep. By hand both squared distances are 0.1^2 + 0.5^2 = 0.26 (weight 0): a tie.
    v = vibe(pressure=0.2, disclosure=0.4, feeling=-0.3, weight=0)
    assert v.label == TIE and set(v.sweep) == {TIE} and v.distance["counsel"] == v.distance["manipulation"]
    # With weight 1 at the same pressure and disclosure the lean is 0.16 - 0.48 + 0.32 - 3.2 f = -3.2 f: a tie at 0.
    w = vibe(pressure=0.2, disclosure=0.4, feeling=0, weight=1)
    assert w.label == TIE and w.boundary == 0 and w.sweep[10] == TIE
    assert set(w.sweep[:10]) == {"manipulation"} and set(w.sweep[11:]) == {"counsel"}
    for f in FEELINGS:                                            # the label at a feeling is that feeling's sweep entry
        assert vibe(pressure=0.2, disclosure=0.4, feeling=f, weight=1).label == w.sweep[FEELINGS.index(f)]
