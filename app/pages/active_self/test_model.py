"""The Active Self page's models, pinned: the two divisions of actions, internalised and externalised
desires that swap with approval, culture deciding only close calls, and a label that follows the feeling."""
from __future__ import annotations

from app.pages.active_self.model import ACTION_IDS, sorting
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
    assert "body" in cloud().bridged and cloud().blended == ("awareness", "body", "goals")
    assert cloud(awareness=0).bridged == () and all(v == 0 for v in cloud(awareness=0).reached.values())
    assert "body" not in cloud(body=0.3).bridged


def test_culture_decides_when_the_evidence_is_balanced_and_not_when_it_is_strong():
    balanced = inference(fit=0, culture=0.6)
    assert balanced.posterior[-1] == 0.6 and balanced.baseline[-1] == 0.01       # even evidence: the prior stands
    strong = inference(fit=0.2, culture=0.6)
    assert strong.posterior[-1] < 0.01 and strong.baseline[-1] < 0.01


def test_the_label_follows_the_feeling_with_the_mechanism_fixed():
    assert vibe(feeling=0.5).label == "counsel" and vibe(feeling=-0.5).label == "manipulation"
    assert vibe(weight=0, feeling=0.5).label == vibe(weight=0, feeling=-0.5).label
    assert vibe(weight=0).flip is None and vibe().flip is not None
