"""The stranger-danger story, and the ways it breaks, pinned on the model (model.py).

Nothing in the model refers to a particular visit; these behaviours have to emerge."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.pages.stranger_danger.model import (BYRNES, CONFIDENT_FEAR, CONFIDENT_SAFE, HOURS, NEUTRAL, PLAY_THRESHOLD,
                                             SCENARIOS, Scenario, confident_safe, hatch)
from app.pages.stranger_danger.page import IMPRINTING, WALKTHROUGH


def simulate(**changes):
    """The walkthrough's model at the page's defaults (its result, without the step shown)."""
    return WALKTHROUGH.at_defaults(**changes).result


def test_default_story_emerges():
    r = simulate()
    e1, e2, e3 = r.encounters
    # 1. First visit: the assessor is neutral, the circuit fires fear, the prediction moves toward fear.
    assert e1.predicted_fear_at_start == NEUTRAL
    assert e1.fear_at_start == 1.0 and r.minutes[e1.start].mode == "override-fear"
    assert e1.prediction_after > CONFIDENT_FEAR
    # 2. Second visit: the assessor predicts fear before the circuit fires; the child is scared.
    assert e2.predicted_fear_at_start > CONFIDENT_FEAR and e2.fear_at_start == 1.0
    # 3. The friendly stranger stays: habituation and play win, override to relaxed, assessor follows.
    assert e2.relaxed_at is not None
    assert r.minutes[e2.start + e2.relaxed_at].mode == "override-relax"
    assert e2.fear_at_end < 0.5 and e2.prediction_after < CONFIDENT_SAFE
    # 4. Third visit: the assessor predicts relaxed, the circuit defers, relaxed from the start.
    assert e3.predicted_fear_at_start < CONFIDENT_SAFE
    assert r.minutes[e3.start].mode == "defer" and e3.fear_at_start < 0.5
    assert all(m.fear < 0.5 for m in r.minutes[e3.start:e3.end])


def test_no_learning_means_scared_every_time():
    r = simulate(lr=0.0, encounters=5)
    assert all(e.predicted_fear_at_start == NEUTRAL and e.fear_at_start == 1.0 for e in r.encounters)


def test_stranger_who_leaves_before_habituation_stays_scary():
    r = simulate(stay=10, habituation=15)
    assert all(e.relaxed_at is None for e in r.encounters)
    assert r.encounters[2].predicted_fear_at_start > CONFIDENT_FEAR and r.encounters[2].fear_at_start == 1.0


def test_a_new_stranger_is_scary_unless_generalisation_is_high():
    low = simulate(last_visitor="different", generalisation=0.1)
    assert low.encounters[2].person == 1
    assert low.encounters[2].fear_at_start == 1.0 and low.minutes[low.encounters[2].start].mode == "override-fear"
    high = simulate(last_visitor="different", generalisation=1.0)
    assert high.encounters[2].fear_at_start < 0.5 and high.minutes[high.encounters[2].start].mode == "defer"


def test_an_unfriendly_stranger_never_becomes_safe():
    r = simulate(friendly=0.2)
    assert all(e.relaxed_at is None for e in r.encounters)
    assert r.encounters[2].fear_at_start == 1.0


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.integers(1, 30), st.integers(1, 60), st.integers(1, 40),
       st.integers(1, 6), st.sampled_from(["same", "different"]), st.floats(0, 1))
def test_values_stay_in_range_and_are_deterministic(lr, friendly, first, stay, hab, n, last, gen):
    r = simulate(lr=lr, friendly=friendly, first_visit=first, stay=stay, habituation=hab, encounters=n,
                 last_visitor=last, generalisation=gen)
    assert len(r.encounters) == n
    for m in r.minutes:
        for v in (m.adult_present, m.predicted_fear, m.play, m.fear, m.updated_prediction):
            assert 0.0 <= v <= 1.0
    assert r == simulate(lr=lr, friendly=friendly, first_visit=first, stay=stay, habituation=hab, encounters=n,
                         last_visitor=last, generalisation=gen)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.05, 1), st.integers(1, 30), st.integers(1, 40))
def test_relaxing_needs_both_time_and_friendliness(lr, first, hab):
    """Relaxed override happens exactly when a visit outlasts the habituation time and the adult is playful."""
    for friendly in (0.3, 0.9):
        r = simulate(lr=lr, friendly=friendly, first_visit=first, stay=hab + 5, habituation=hab)
        e2 = r.encounters[1]
        if e2.predicted_fear_at_start >= CONFIDENT_SAFE:
            assert (e2.relaxed_at is not None) == (friendly >= 0.5)


def test_the_ending_changes_exactly_at_the_friendliness_the_help_states():
    """Issue 32: the help put the change of ending at 0.5, the model flipped at 0.6 at the defaults (0.55
    elsewhere). Now, at every sampled setting of the other sliders, a stranger below the stated point runs
    exactly like an unfriendly one (never relaxing) and one at or above it exactly like the friendliest."""
    import random
    import re
    stated = float(re.search(r"(\d\.\d+) or more", WALKTHROUGH.param("friendly").help).group(1))
    assert stated == PLAY_THRESHOLD
    friendly = WALKTHROUGH.param("friendly").grid()
    below, above = [f for f in friendly if f < stated], [f for f in friendly if f >= stated]
    rng = random.Random(32)
    others = [p for p in WALKTHROUGH.params if p.name not in ("friendly", "step")]

    def story(state, f):
        r = WALKTHROUGH.run({**state, "friendly": f}).result
        return [(m.mode, m.fear, m.predicted_fear) for m in r.minutes], r.encounters[-1].fear_at_start < 0.5
    flips = 0
    for _ in range(300):
        state = {"step": 1, **{p.name: rng.choice(p.grid()) for p in others}}
        low, high = story(state, below[-1]), story(state, above[0])
        assert all(story(state, f) == low for f in (below[0], below[len(below) // 2]))
        assert all(story(state, f) == high for f in (above[len(above) // 2], above[-1]))
        assert not any(mode == "override-relax" for mode, *_ in low[0])
        flips += low[1] != high[1]
    assert flips > 30    # the ending does change there, at many settings


def test_the_circuit_defers_on_the_exact_prediction():
    """Below 25% means below 25% exactly: a guess of 24.96% is trusted, however the page rounds it; 25% is not."""
    for p in (0.2449, 0.245, 0.2496, 0.2499999):
        assert confident_safe(p), p
    for p in (0.25, 0.2504):
        assert not confident_safe(p), p


def test_a_guess_of_24_6_percent_on_arrival_is_trusted():
    """habituation=1, encounters=2 (other settings at their defaults): visit 2 opens with a guess of about 24.6%,
    below 25%, so the circuit takes the assessor's word and the child starts the visit relaxed."""
    r = WALKTHROUGH.at_defaults(habituation=1, encounters=2).result
    e = r.encounters[1]
    assert 0.245 < e.predicted_fear_at_start < 0.25
    assert r.minutes[e.start].mode == "defer" and e.fear_at_start < 0.5


def test_one_frightened_minute_is_not_a_long_while():
    """Issue 32: at habituation=1 the bubble said "I've been scared a long while" after one minute."""
    from app.pages.stranger_danger.present import bubbles, moments
    walk = WALKTHROUGH.at_defaults(habituation=1)
    said = [bubbles(walk.result, m)["habituation"] for m in moments(walk.result)]
    assert "Scared for 1 minute, and nothing bad happened." in said
    assert not any("long while" in s for s in said)


def test_the_assessor_admits_a_wrong_guess_it_could_not_learn_from():
    """At learning rate 0 the child is terrified at every visit while the assessor predicted 50%:
    leaving, the assessor must not say its guesses held up."""
    from app.pages.stranger_danger.page import WALKTHROUGH
    from app.pages.stranger_danger.present import bubbles, moments
    walk = WALKTHROUGH.at_defaults(lr=0)
    leaves = [m for m in moments(walk.result) if m.kind == "leave"]
    said = [bubbles(walk.result, m)["assessor"] for m in leaves]
    assert leaves and all("held up" not in s and "than my guess of 50%" in s for s in said)
    default = WALKTHROUGH.at_defaults()
    last = [m for m in moments(default.result) if m.kind == "leave"][-1]
    assert "held up" in bubbles(default.result, last)["assessor"]   # a right guess is still called right


def test_the_assessor_does_not_call_a_middling_guess_relaxed_or_a_swing_no_learning():
    """At stay=20 the second visit ends before the child relaxes for long: the updated guess is
    middling, and is worded as 'less wary', not as feeling relaxed; a guess that swings and comes
    back is not called 'learned almost nothing'."""
    from app.pages.stranger_danger.page import WALKTHROUGH
    from app.pages.stranger_danger.present import bubbles, moments
    walk = WALKTHROUGH.at_defaults(stay=20)
    said = [bubbles(walk.result, m)["assessor"] for m in moments(walk.result) if m.kind == "leave"]
    assert not any("relaxed (fear" in s for s in said)
    for m in moments(walk.result):
        if m.kind == "leave" and "learned almost nothing" in bubbles(walk.result, m)["assessor"]:
            e = walk.result.encounters[m.encounter - 1]
            assert max(abs(x.updated_prediction - e.predicted_fear_at_start)
                       for x in walk.result.minutes[e.start:e.end]) < 0.05


def test_the_assessor_says_safe_exactly_when_the_circuit_defers():
    """At friendly=0.5, lr=1 the guess lands on the threshold (25%): the circuit does not defer
    there, so the assessor must not say it expects to feel safe."""
    from app.pages.stranger_danger.model import CONFIDENT_SAFE
    from app.pages.stranger_danger.page import WALKTHROUGH
    from app.pages.stranger_danger.present import bubbles, moments
    for state in ({"friendly": 0.5, "lr": 1}, {"lr": 0.5, "stay": 60}, {}):
        walk = WALKTHROUGH.at_defaults(**state)
        for m in moments(walk.result):
            minute = walk.result.minutes[m.index]
            said = bubbles(walk.result, m)["assessor"]
            if m.kind != "leave" and "expect to feel safe" in said:
                assert minute.predicted_fear < CONFIDENT_SAFE and minute.mode == "defer", (state, said)


# The filial-imprinting puzzle (model.py, filial imprinting part): Byrnes's design passes every
# scenario; near misses fail the scenarios they should.

def imprint(**changes):
    """The imprinting model at the page's defaults, with changes (its parameters have no "%" units)."""
    return IMPRINTING.at_defaults(**changes)


def failing(**design) -> set[str]:
    return {o.scenario.id for o in imprint(**design) if not o.passes}


def test_byrnes_design_behaves_like_real_goslings_everywhere():
    outcomes = imprint(**BYRNES)
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
    """Over every window the sliders allow, those that pass all six situations open within two hours of
    hour 13 and close within two hours of hour 16. This follows from how the situations were built (their
    objects come and go at hours 13, 16 and 20), so it checks the model honours those edges, not a finding;
    test_designs_that_pass_the_six_also_pass_held_out_situations checks situations not built that way."""
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
    outcomes = imprint()
    assert sum(o.passes for o in outcomes) == 0 and len(outcomes) == len(SCENARIOS)


def test_inverted_window_learns_nothing():
    assert all(o.ratings == {"mother": 0.0, "boot": 0.0} for o in imprint(trainer="innate", when="window", output="follow", window_start=20, window_end=10))


def test_a_one_hour_window_is_too_short_anywhere():
    """'one that is too short ... fails': one hour of learning cannot make anything worth following."""
    assert all(failing(**{**BYRNES, "window_start": a, "window_end": a + 1}) for a in range(0, 48))


# Two situations not built around hours 13 and 16 (held out: not among the page's six), each with its answer
# from another part of Byrnes's description: in nature the object is "almost invariably their mother" though
# other things pass by; a gosling separated from its mother imprints on what it has instead.
HELD_OUT = (
    Scenario("passers-by", "Mother from hatching; a boot for an hour at hours 5 and 14, and from hour 46", "7",
             (("mother", 0, HOURS), ("boot", 5, 6), ("boot", 14, 15), ("boot", 46, HOURS)), "mother"),
    Scenario("separated", "Mother away from hour 10 to hour 20; a boot from hour 12 to 18; from hour 24, both", "8",
             (("mother", 0, 10), ("boot", 12, 18), ("mother", 20, HOURS), ("boot", 24, HOURS)), "boot"),
)


def test_designs_that_pass_the_six_also_pass_held_out_situations():
    """Every window design that behaves like a real gosling in the six situations also does in two it was
    not built for; a design that learns always fails the first (it learns the passing boot, then is torn)."""
    passing = [(a, b) for a in range(0, 48) for b in range(a + 1, 49)
               if not failing(**{**BYRNES, "window_start": a, "window_end": b})]
    assert passing
    for a, b in passing:
        for s in HELD_OUT:
            assert hatch(s, "innate", "window", "follow", a, b).passes, (s.id, a, b)
    assert not hatch(HELD_OUT[0], "innate", "always", "follow", 13, 16).passes


def test_from_the_defaults_a_new_face_is_trusted_from_a_carry_over_of_045():
    """'From the defaults, 0.45 is already enough for the child to start the last visit relaxed, … well short of 1'
    (review 3, S1: the prose said learning had to carry over until all adults look alike)."""
    from app.pages.stranger_danger.page import WALKTHROUGH
    grid = WALKTHROUGH.param("generalisation").grid()
    relaxed = [g for g in grid if simulate(last_visitor="different", generalisation=g).encounters[-1].fear_at_start < 0.5]
    assert relaxed and min(relaxed) == 0.45 and relaxed == [g for g in grid if g >= 0.45]


@pytest.mark.parametrize("changes", [{}, {"first_visit": 15, "habituation": 15}, {"first_visit": 1}])
def test_the_habituation_count_includes_the_minute_shown_and_agrees_with_the_assessor(changes):
    """Review 6 F1: leaving after 5 frightened minutes (minutes 1 to 5), the habituation circuit said 'scared for 4
    minutes' while the assessor's 84% is 50% after five updates toward fear. The count is of the minutes up to and
    including the minute shown, and at the first visit's departure the assessor has learned from exactly as many."""
    import re

    from app.pages.stranger_danger.present import bubbles, moments
    from app.wording import pct
    walk = WALKTHROUGH.at_defaults(**changes)
    r = walk.result
    for moment in moments(r):
        m = r.minutes[moment.index]
        e = r.encounters[moment.encounter - 1]
        scared = sum(x.fear >= 0.5 for x in r.minutes[e.start:moment.index + 1])
        said = bubbles(r, moment)["habituation"]
        if scared and not m.habituated:
            assert f"Counting: scared for {scared} minute" in said, (moment, said)
        elif not m.habituated:
            assert said == "Keeping count: nothing bad has happened yet.", (moment, said)
    leave = next(x for x in moments(r) if x.kind == "leave")
    said = bubbles(r, leave)
    n = int(re.search(r"scared for (\d+) minute", said["habituation"]).group(1))
    rate = r.minutes[0].updated_prediction - r.minutes[0].predicted_fear   # one update from 50% toward 100%
    fraction = rate / (1 - r.minutes[0].predicted_fear)
    assert f"(fear {pct(1 - 0.5 * (1 - fraction) ** n)})" in said["assessor"], said


def test_visits_that_read_alike_end_alike_at_the_threshold():
    """lr=0.75, first visit 22 minutes, stays of 26, habituation 25: every later visit is 25 scared minutes then one
    relaxed minute, so each leaves the guess at 100% × 0.25 = 25%, not below it. Floating-point noise once left
    visit 3 at 0.24999999999999978, so visits 4 to 6 started relaxed while visit 3, alike on the page, started
    scared."""
    from app.pages.stranger_danger.model import simulate
    r = simulate(lr=0.75, friendly=0.9, first_visit=22, stay=26, habituation=25, encounters=6, last_visitor="same",
                 generalisation=0.5)
    assert [e.prediction_after for e in r.encounters[1:]] == [0.25] * 5
    assert all(e.fear_at_start == 1.0 for e in r.encounters)
