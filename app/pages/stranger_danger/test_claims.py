"""The stranger-danger claims, checked from what they mean against the model's numbers at hand-checked
states (issue 32's defect URLs among them). The dense sweep of every claim's predicates is
tests/test_truths.py; this file does not repeat the presenters' branches."""
from __future__ import annotations

import pytest

from app.pages.stranger_danger.model import BYRNES
from app.pages.stranger_danger.page import IMPRINTING, WALKTHROUGH


def ending(**changes):
    walk = WALKTHROUGH.run({**WALKTHROUGH.defaults(), **changes})
    return walk.result, WALKTHROUGH.claim_texts(walk)["ending"]


def test_the_default_story_ends_with_the_child_relaxed_from_the_start():
    r, text = ending()
    assert round(100 * r.encounters[-1].predicted_fear_at_start) < 25 and r.encounters[-1].fear_at_start < 0.5
    assert text.startswith("On the last visit (visit 3, the same stranger) the child starts out relaxed")


def test_a_stranger_just_friendly_enough_is_trusted_next_time():
    """Issue 32: at ?friendly=0.55 the child relaxed in visit 2 yet started visit 3 scared, while the
    help put the change at 0.5. Now 0.55 ends like any friendliness from 0.5 up, and 0.45 like any below."""
    r, text = ending(friendly=55 / 100)
    assert r.encounters[1].relaxed_at is not None and r.encounters[2].fear_at_start < 0.5
    assert "starts out relaxed" in text
    r, text = ending(friendly=0.45)
    assert all(e.relaxed_at is None for e in r.encounters) and "starts out scared" in text
    assert "did relax" not in text


def test_a_relaxed_spell_too_short_to_earn_trust_is_said_so():
    """Later visits of 16 minutes with habituation at 15: one relaxed minute moves the guess from 100% to 80%."""
    r, text = ending(stay=16, habituation=15)
    assert r.encounters[1].relaxed_at == 15 and round(r.encounters[2].predicted_fear_at_start, 2) == 0.8
    assert text.endswith("The child did relax in visit 2, but not for long enough to bring the guess for this "
                         "person below 25%.")


def test_a_child_that_cannot_learn_relaxes_but_learns_nothing():
    r, text = ending(lr=0)
    assert r.encounters[1].relaxed_at is not None and r.encounters[2].predicted_fear_at_start == 0.5
    assert text.endswith("The child did relax in visit 2, but the fear assessor learned nothing from it.")


def test_a_new_face_is_feared_unless_everything_carries_over():
    r, text = ending(last_visitor="different")
    assert r.encounters[-1].person == 1 and "(visit 3, a different stranger) the child starts out scared" in text
    r, text = ending(last_visitor="different", generalisation=1)
    assert "(visit 3, a different stranger) the child starts out relaxed" in text


@pytest.mark.parametrize("design,sentence", [
    (BYRNES, "Your design currently behaves like a real gosling in all 6 situations."),
    ({}, "Your design currently behaves like a real gosling in none of the 6 situations."),
    # learns always: a later boot or a mother seen early counts as much (situations 3 to 6)
    ({"trainer": "innate", "when": "always", "output": "follow"},
     "Your design currently behaves like a real gosling in 2 of 6 situations; it goes wrong in situations 3, 4, 5 "
     "and 6."),
    # a boot is never warm: wrong wherever a real gosling follows the boot (2, 3 and 5)
    ({**BYRNES, "trainer": "warmth"},
     "Your design currently behaves like a real gosling in 3 of 6 situations; it goes wrong in situations 2, 3 and 5."),
    # the window closes at 22 h: it also learns the boot that comes at 16 h (situation 6)
    ({**BYRNES, "window_end": 22},
     "Your design currently behaves like a real gosling in 5 of 6 situations; it goes wrong in situation 6."),
])
def test_the_score_names_the_situations_that_go_wrong(design, sentence):
    """Each expected sentence is worked out by hand from the six situations' timelines (model.SCENARIOS)."""
    outcomes = IMPRINTING.run({**IMPRINTING.defaults(), **design})
    assert IMPRINTING.claim_texts(outcomes)["score"] == sentence


def _caught(walk, old_text):
    """The widget's declared predicates that flag a sentence the page used to say at this state."""
    return [f for t in WALKTHROUGH.all_truths for f in t.failures(walk, old_text)]


def _blame(walk) -> str:
    """The sentence that blames the new face's fear on a lesson that only partly carried over, at this state's numbers."""
    from app.pages.stranger_danger.model import shown_percent
    es = walk.result.encounters
    return (f"The child relaxed with the first stranger, whose guess ended at {shown_percent(es[-2].prediction_after)}%, "
            f"below 25%, but a new face gets only part of that lesson: its guess fell from 50% to "
            f"{shown_percent(es[-1].predicted_fear_at_start)}%, not below 25%.")


@pytest.mark.parametrize("query,reason", [
    # everything carries over (generalisation 1), yet the first stranger's own guess is back at 80% on arrival
    ("step=1&lr=0.2&friendly=0.8&first_visit=5&stay=16&habituation=15&encounters=3&last_visitor=different"
     "&generalisation=1", "that left no lesson of safety: the first stranger's own guess ended at 80%"),
    # a learning rate of 0: nothing was learned at all
    ("step=6&lr=0&friendly=0.95&first_visit=1&stay=4&habituation=2&encounters=5&last_visitor=different"
     "&generalisation=0.4", "the fear assessor learned nothing from it: its guess for the first stranger is still 50%"),
    # visit 1 took the first stranger's guess to 25%; the 4-minute visits after it, all fear, took it back to 100%
    ("step=10&lr=0.75&friendly=0.6&first_visit=6&stay=4&habituation=5&encounters=6&last_visitor=different"
     "&generalisation=0.25", "so they taught fear again: the first stranger's guess rose to 100%"),
])
def test_carry_over_is_blamed_only_where_there_was_a_lesson_to_carry(client, query, reason):
    """The second review: each of these states said a new face 'gets only the share of that lesson that carries
    over', where there was no lesson of safety (the first stranger's own guess on the new face's arrival is
    25% or more) or nothing was learned."""
    from urllib.parse import parse_qsl

    from app.framework import parse_query
    text = client.get(f"/api/stranger-danger?{query}").json()["claims"]["ending"]
    assert "part of that lesson" not in text and reason in text
    values, problems = parse_query(WALKTHROUGH.params, parse_qsl(query))
    assert not problems
    walk = WALKTHROUGH.run(values)
    assert _caught(walk, _blame(walk))


def test_carry_over_is_blamed_where_the_lesson_did_not_carry():
    """Defaults with a different last visitor: visits 1 and 2 bring the first stranger's guess to 3%, but only
    a quarter of each update reaches the new face, whose guess is 49% on arrival."""
    r, text = ending(last_visitor="different")
    assert round(100 * r.encounters[-2].prediction_after) == 3 and round(100 * r.encounters[-1].predicted_fear_at_start) == 49
    assert text.endswith("whose guess ended at 3%, below 25%, but a new face gets only part of that lesson: its guess "
                         "fell from 50% to 49%, not below 25%.")


@pytest.mark.parametrize("generalisation,said", [
    (0, "none of that lesson reached a new face: its guess still reads 50%, where it started."),
    (0.05, "what reached a new face from all the visits was more fear than calm: its guess rose from 50% to 51%."),
    (0.4, "a new face gets only part of that lesson: its guess fell from 50% to 26%, not below 25%."),
])
def test_what_reached_the_new_face_is_said_as_its_guess_moved(generalisation, said):
    """Review 8 A1, at …?last_visitor=different&generalisation=0 (and 0.05): 'a new face gets only the share of that
    lesson that carries over', where none carried over, or what did was net fear (50% -> 51%). Each form's predicate
    rejects the others' at these states."""
    walk = WALKTHROUGH.run({**WALKTHROUGH.defaults(), "last_visitor": "different", "generalisation": generalisation})
    text = WALKTHROUGH.claim_texts(walk)["ending"]
    assert text.endswith(said) and not _caught(walk, text)
    head = text[:text.index(", but ") + len(", but ")]
    for other in {f for _, f in _FORMS} - {said}:
        assert _caught(walk, head + other), other


_FORMS = [(0, "none of that lesson reached a new face: its guess still reads 50%, where it started."),
          (0.05, "what reached a new face from all the visits was more fear than calm: its guess rose from 50% to 51%."),
          (0.4, "a new face gets only part of that lesson: its guess fell from 50% to 26%, not below 25%.")]


def test_an_assessor_that_cannot_learn_says_it_learned_nothing(client):
    """Review 3, S2, at …?step=2&lr=0: 'I expected fear of 50% and was wrong, but I learned almost nothing.' At
    learning rate 0 the guess never moves, so the bubble says it learned nothing; 'almost nothing' is kept for a
    guess that moved, but by under 5 points."""
    from app.pages.stranger_danger.present import WALKTHROUGH_TRUTHS
    walk = WALKTHROUGH.run({**WALKTHROUGH.defaults(), "step": 2, "lr": 0})
    minutes = walk.result.minutes
    assert all(x.updated_prediction == x.predicted_fear == 0.5 for x in minutes)
    html = client.get("/stranger-danger?step=2&lr=0").text
    assert "It was scarier than my guess of 50%, but I learned nothing." in html
    assert "learned almost nothing" not in html
    old = "It was scarier than my guess of 50%, but I learned almost nothing."
    assert [f for t in WALKTHROUGH_TRUTHS for f in t.failures(walk, old)]


def test_a_guess_of_fear_that_met_more_fear_is_not_called_wrong(client):
    """At this state the second visit was frightening at every minute, above the 82% the assessor guessed on
    arrival; 'I expected fear of 82% and was wrong' read as if the child had turned out safe. The bubble says
    which way the visit missed the guess: scarier, calmer, or both by turns."""
    from app.pages.stranger_danger.present import WALKTHROUGH_TRUTHS
    query = ("lr=0.05&friendly=0.2&first_visit=20&stay=6&habituation=4&encounters=2&last_visitor=same"
             "&generalisation=0.25&step=4")
    walk = WALKTHROUGH.at_defaults(lr=0.05, friendly=0.2, first_visit=20, stay=6, habituation=4, encounters=2,
                                   last_visitor="same", generalisation=0.25, step=4)
    e = walk.result.encounters[1]
    assert all(x.fear == 1 for x in walk.result.minutes[e.start:e.end]) and e.predicted_fear_at_start < 1
    html = client.get("/stranger-danger?" + query).text
    assert "It was scarier than my guess of 82%, but I learned almost nothing." in html
    assert "was wrong" not in html
    assert [f for t in WALKTHROUGH_TRUTHS for f in t.failures(walk, "It was calmer than my guess of 82%, but I learned almost nothing.")]


def test_a_visit_begun_relaxed_is_not_said_never_to_have_relaxed(client):
    """Review 3, S3, at the defaults: the table's row 'Visit 3 | 3% | 3% | 3% | 3% | never' under 'Switched to
    relaxed' read as 'the child never relaxed', though it was relaxed from the first minute (the circuit deferred
    to the assessor, so no switch was needed). 'never' is kept for a visit scared throughout."""
    from app.pages.stranger_danger.present import WALKTHROUGH_TRUTHS
    walk = WALKTHROUGH.run(WALKTHROUGH.defaults())
    rows = WALKTHROUGH.table(walk).rows
    assert [row[-1] for row in rows] == ["never", f"minute {walk.result.encounters[1].relaxed_at + 1}",
                                         "no need: relaxed on arrival"]
    assert "<td>no need: relaxed on arrival</td>" in client.get("/stranger-danger").text
    scared = WALKTHROUGH.run({**WALKTHROUGH.defaults(), "lr": 0})
    assert [row[-1] for row in WALKTHROUGH.table(scared).rows][0] == "never"
    relaxed_only = WALKTHROUGH.run({**WALKTHROUGH.defaults(), "friendly": 0.3, "lr": 1})
    for w in (walk, scared, relaxed_only):
        for row in WALKTHROUGH.table(w).rows:
            assert not [f for t in WALKTHROUGH_TRUTHS for f in t.failures(w, row[-1])], row


def test_a_new_faces_guess_back_where_it_started_is_not_said_to_have_learned_nothing():
    """At generalisation 0.4 the new face's guess rose to 89% in the first visit's frightened minutes and fell back
    to 50% in its relaxed ones; 'none of that lesson reached a new face' was false. 'None' is said only where the
    guess never moved (generalisation 0); here, fear and calm in about equal measure, with how far it went."""
    from app.pages.stranger_danger.present import ENDING
    walk = WALKTHROUGH.at_defaults(step=29, lr=0.2, friendly=0.5, first_visit=25, stay=17, habituation=18,
                                   encounters=2, last_visitor="different", generalisation=0.4)
    assert max(walk.result.new_face) > 0.85
    text = WALKTHROUGH.claim_texts(walk)["ending"]
    assert ("what reached a new face was fear and calm in about equal measure: its guess went as high as 89% on the "
            "way, but reads 50% again, where it started.") in text, text
    assert not [f for t in ENDING for f in t.failures(walk, text)]       # its own truths read the sentence as true
    wrong = text.split("but what reached")[0] + "but none of that lesson reached a new face: its guess still reads 50%, where it started."
    assert [f for t in ENDING for f in t.failures(walk, wrong)]
    apart = WALKTHROUGH.at_defaults(step=29, lr=0.2, friendly=0.5, first_visit=25, stay=17, habituation=18,
                                    encounters=2, last_visitor="different", generalisation=0)
    assert "none of that lesson reached a new face" in WALKTHROUGH.claim_texts(apart)["ending"]


@pytest.mark.parametrize("query,reason", [
    ("step=8&lr=0.6&friendly=0.9&first_visit=1&stay=7&habituation=10&encounters=5&last_visitor=same&generalisation=1",
     "each ended before the habituation circuit stepped in: it steps in only in the minute after the child has been "
     "scared for 10 minutes, so every visit taught fear."),
    ("step=1&lr=0.2&friendly=0.3&first_visit=5&stay=30&habituation=15&encounters=3&last_visitor=same&generalisation=0.1",
     "this stranger's friendliness, 0.3, is below the 0.5 the child needs to feel safe to play, so every visit taught "
     "fear."),
    ("step=11&lr=0.65&friendly=0.65&first_visit=21&stay=19&habituation=31&encounters=3&last_visitor=different"
     "&generalisation=0.8", "scared for 31 minutes, so every visit taught fear. What reached a new face was "
     "fear: its guess rose from 50% to 100%."),
    # round 16: a visit exactly as long as the habituation time, and a learning rate of 0 (nothing taught)
    ("step=40&lr=0.6&friendly=0.75&first_visit=25&stay=57&habituation=25&encounters=2&last_visitor=same"
     "&generalisation=0.25", "visit 1 ended before the habituation circuit stepped in: it steps in only in the minute after "
     "the child has been scared for 25 minutes, so visit 1 taught fear."),
    ("step=40&lr=0&friendly=0.55&first_visit=13&stay=18&habituation=27&encounters=2&last_visitor=different"
     "&generalisation=0.05", "has been scared for 27 minutes."),
])
def test_a_child_that_never_relaxed_is_told_why(client, query, reason):
    """Round 15 A5: with a friendly stranger and five visits the child starts the last one scared, and the ending
    gave no reason where no earlier visit had relaxed (visits shorter than the habituation time, or a stranger
    below the friendliness the child needs to play)."""
    ending = client.get(f"/api/stranger-danger?{query}").json()["claims"]["ending"]
    assert "The child never relaxed in an earlier visit: " in ending and ending.endswith(reason), ending


@pytest.mark.parametrize("query", [
    "step=1&lr=0.05&friendly=0.85&first_visit=20&stay=20&habituation=7&encounters=4&last_visitor=different"
    "&generalisation=0.85",
    "step=1&lr=0.25&friendly=0.75&first_visit=23&stay=36&habituation=32&encounters=4&last_visitor=different"
    "&generalisation=0.85",
])
def test_no_lesson_carried_over_is_not_said_where_the_new_faces_guess_fell(client, query):
    """At the first state the new face is met with a guess of 27%, down from the 50% a never-met face starts at,
    while the first stranger's own guess ended at 25%: most of the lesson of safety carried over, so the sentence
    may not say that none did. It says how far the new face's guess fell, and why that was not enough."""
    from urllib.parse import parse_qsl

    from app.framework import parse_query
    from app.pages.stranger_danger.present import ENDING
    api = client.get(f"/api/stranger-danger?{query}").json()
    text = api["claims"]["ending"]
    values, problems = parse_query(WALKTHROUGH.params, parse_qsl(query))
    assert not problems
    walk = WALKTHROUGH.run(values)
    last, first = walk.result.encounters[-1], walk.result.encounters[-2].prediction_after
    new, old = round(100 * last.predicted_fear_at_start), round(100 * first)
    assert 25 <= new < 50 and old >= 25 and last.fear_at_start >= 0.5          # fell, yet not below 25%
    assert "no lesson of safety" not in text
    assert text.endswith(f"The child relaxed with the first stranger, and some of that lesson reached a new face (its "
                         f"guess fell from 50% to {new}%), but not enough to calm the child: even the first stranger's "
                         f"own guess ended at {old}%, not below 25%."), text
    wrong = text.split(" The child relaxed")[0] + (f" The child relaxed with the first stranger, but too weak a "
                                                   f"lesson of safety came of it: even the first stranger's own "
                                                   f"guess ended at {old}%, not below 25%; a new face's guess reads "
                                                   f"50%, where every stranger's starts.")
    assert [f for t in ENDING for f in t.failures(walk, wrong)]                # the sweep refuses the old wording


def test_no_lesson_of_safety_says_what_did_reach_a_new_face():
    """The first stranger's guess ended at 42% (no lesson of safety), and the new face's rose to 70%: what reached it
    was fear, and the ending says so rather than leave a face never met predicted above the first stranger's own."""
    from app.pages.stranger_danger.present import ENDING
    walk = WALKTHROUGH.at_defaults(step=1, lr=0.35, friendly=0.7, first_visit=23, stay=23, habituation=21, encounters=6,
                                   last_visitor="different", generalisation=0.45)
    new = walk.result.encounters[-1].predicted_fear_at_start
    assert round(100 * new) == 70
    text = WALKTHROUGH.claim_texts(walk)["ending"]
    assert text.endswith("too weak a lesson of safety came of it: even the first stranger's own guess ended at 42%, "
                         "not below 25%; what reached a new face from all the visits was more fear than calm: its guess rose "
                         "from 50% to 70%."), text
    assert not [f for t in ENDING for f in t.failures(walk, text)]


@pytest.mark.parametrize("query,ending", [
    ("step=1&lr=0.1&friendly=0.7&first_visit=4&stay=25&habituation=2&encounters=2&last_visitor=different"
     "&generalisation=0.05", "but too weak a lesson of safety came of it: even the first stranger's own guess ended at "
                             "48%, not below 25%; a new face's guess reads 50%, where every stranger's starts."),
    ("step=1&lr=0.15&friendly=0.5&first_visit=3&stay=1&habituation=1&encounters=3&last_visitor=different"
     "&generalisation=0.2", "the guess for them fell from 50% to 42%, but the 1-minute visit 2 ended before the "
                            "habituation circuit stepped in (it steps in only in the minute after the child has been "
                            "scared for 1 minute), so it taught "
                            "fear again: the first stranger's guess rose to 50%; a new face's guess reads 50%, where "
                            "every stranger's starts, after going as high as 52%, then as low as 48% on the way."),
    ("step=1&lr=0.1&friendly=0.55&first_visit=14&stay=6&habituation=11&encounters=3&last_visitor=different"
     "&generalisation=0", "but the guess for them ended that visit at 61%, no lower than the 50% it started at, "
                          "and the 6-minute visit 2 ended before the habituation circuit stepped in (it steps in "
                          "only in the minute after the child has been scared for 11 minutes), so it taught fear "
                          "again: the first stranger's guess rose "
                          "to 80%; a new face's guess reads 50%, where every stranger's starts.")])
def test_where_no_lesson_of_safety_came_the_new_face_is_not_said_to_get_a_share_of_it(client, query, ending):
    """/stranger-danger?…&friendly=0.7&first_visit=4&stay=25&habituation=2&encounters=2…: 'that left no lesson of safety
    to carry over … only a trace of that lesson reached a new face' (or 'none of that lesson', or 'fear and calm in
    about equal measure'): a lesson said not to exist was then said to reach the new face, and at 48% there was a
    small lesson. The ending now says how weak the lesson was (or, where later visits took it back, what they were),
    and where the new face's guess reads."""
    from urllib.parse import parse_qsl

    from app.framework import parse_query
    from app.pages.stranger_danger.present import ENDING
    text = client.get(f"/api/stranger-danger?{query}").json()["claims"]["ending"]
    assert text.endswith(ending), text
    assert "that lesson" not in text and "equal measure" not in text
    values, problems = parse_query(WALKTHROUGH.params, parse_qsl(query))
    walk = WALKTHROUGH.run(values)
    assert not problems and not [f for t in ENDING for f in t.failures(walk, text)]
    old = text.split(" The child relaxed")[0] + (" The child relaxed with the first stranger, but too weak a lesson of "
                                                 "safety came of it: even the first stranger's own guess ended at 80%, "
                                                 "not below 25%; a new face's guess reads 50%, where every stranger's "
                                                 "starts, after going as high as 52% on the way.")
    assert [f for t in ENDING for f in t.failures(walk, old)]


UNDONE = "step=1&lr=0.1&friendly=0.8&first_visit=25&stay=5&habituation=13&encounters=5&generalisation=0.7"


@pytest.mark.parametrize("last_visitor", ["different", "same"])
def test_a_lesson_of_safety_undone_by_later_visits_is_said_so(client, last_visitor):
    """/stranger-danger?step=1&lr=0.1&friendly=0.8&first_visit=25&stay=5&habituation=13&encounters=5&last_visitor=
    different&generalisation=0.7: the child relaxed in the 25-minute visit 1 and the guess for the first stranger fell
    from 50% to 25%; visits 2 to 4 last 5 minutes, less than the 13 minutes of fear habituation needs, so the child
    was scared throughout them and the guess climbed back to 84%. The ending said relaxing 'left no lesson of safety'
    (with the same stranger: 'did relax in visit 1, but not for long enough'), hiding the visits that undid it."""
    from app.pages.stranger_danger.present import ENDING
    query = f"{UNDONE}&last_visitor={last_visitor}"
    walk = _walk_at(query)
    es = walk.result.encounters
    assert es[0].relaxed_at is not None and round(100 * es[0].prediction_after) == 25
    for e in es[1:4]:                                  # each later visit: all fear, the guess higher after it
        assert e.end - e.start == 5 < 13 and e.relaxed_at is None and e.prediction_after > e.predicted_fear_at_start
    assert round(100 * es[3].prediction_after) == 84
    text = client.get(f"/api/stranger-danger?{query}").json()["claims"]["ending"]
    assert "no lesson of safety" not in text and "too weak a lesson" not in text and "not for long enough" not in text
    whom = "with the first stranger in visit 1, and the guess for them" if last_visitor == "different" else \
        "in visit 1, and the guess for this person"
    assert f"relax{'ed' if last_visitor == 'different' else ''} {whom} fell from 50% to 25%, but the 5-minute visits 2, 3 and 4" in text, text
    assert "ended before the habituation circuit stepped in" in text and "scared for 13 minutes" in text, text
    assert "so they taught fear again" in text and "guess rose to 84%" in text, text
    assert not [f for t in ENDING for f in t.failures(walk, text)]
    old = (text.split(" The child")[0] + (
        " The child relaxed with the first stranger, but that left no lesson of safety: the first stranger's own guess "
        "ended at 84%, no lower than the 50% it started at; what reached a new face from all the visits was more fear "
        "than calm: its guess rose from 50% to 78%." if last_visitor == "different" else
        " The child did relax in visit 1, but not for long enough to bring the guess for this person below 25%."))
    if last_visitor == "different":                   # the sweep now refuses the old wording here
        assert [f for t in ENDING for f in t.failures(walk, old)]


@pytest.mark.parametrize("query,said", [
    # visit 1 (9 minutes) took the guess to 38%; each 3-minute visit after it: 2 scared minutes, then 1 relaxed
    ("step=1&lr=0.05&friendly=0.65&first_visit=9&stay=3&habituation=2&encounters=6&last_visitor=different"
     "&generalisation=0.1",
     "The child relaxed with the first stranger in visit 1, and the guess for them fell from 50% to 38%, but in visits 2, 3, 4 "
     "and 5 the child was scared for 2 minutes before relaxing for 1 minute each time, so they taught more fear than "
     "calm: the first stranger's guess rose to 51%;"),
    # 27% after visit 1; visit 2 lasts 1 minute, all of it fear
    ("step=1&lr=0.15&friendly=0.75&first_visit=30&stay=1&habituation=22&encounters=3&last_visitor=different"
     "&generalisation=0.2",
     "The child relaxed with the first stranger in visit 1, and the guess for them fell from 50% to 27%, but the 1-minute visit 2 "
     "ended before the habituation circuit stepped in (it steps in only in the minute after the child has been "
     "scared for 22 minutes), so it "
     "taught fear again: the first stranger's guess rose to 38%;"),
    # 33% after visit 1, back to 50% after three 2-minute visits
    ("step=1&lr=0.05&friendly=0.85&first_visit=22&stay=2&habituation=8&encounters=5&last_visitor=different"
     "&generalisation=0.95", "fell from 50% to 33%, but the 2-minute visits 2, 3 and 4 ended before"),
])
def test_later_visits_that_taught_fear_again_are_named(client, query, said):
    """More states where a lesson of safety in visit 1 (the guess fell below 50%) was taken back by later visits,
    and the ending said it 'left no lesson of safety' or that 'too weak a lesson of safety came of it', where the
    guess for the first stranger had been lower than it ended."""
    from app.pages.stranger_danger.present import ENDING
    walk = _walk_at(query)
    es = walk.result.encounters
    low = min(e.prediction_after for e in es[:-1])
    assert low == es[0].prediction_after and round(100 * low) < round(100 * es[-2].prediction_after)
    text = client.get(f"/api/stranger-danger?{query}").json()["claims"]["ending"]
    assert said in text, text
    assert "no lesson of safety" not in text and "too weak a lesson" not in text
    assert not [f for t in ENDING for f in t.failures(walk, text)]
    end = round(100 * es[-2].prediction_after)
    for old in (" The child relaxed with the first stranger, but that left no lesson of safety: the first stranger's "
                f"own guess ended at {end}%, no lower than the 50% it started at; a new face's guess reads 50%, where "
                "every stranger's starts.",
                " The child relaxed with the first stranger, but too weak a lesson of safety came of it: even the "
                f"first stranger's own guess ended at {end}%, not below 25%; a new face's guess reads 50%, where every "
                "stranger's starts."):
        assert [f for t in ENDING for f in t.failures(walk, text.split(" The child")[0] + old)]


def test_a_visit_as_long_as_the_habituation_time_is_not_said_to_fall_short_of_it(client):
    """/stranger-danger?step=40&lr=0.5&friendly=0.7&first_visit=15&stay=13&habituation=13&encounters=3…: 'the 13-minute
    visit 2 ended before the habituation circuit stepped in (it steps in only after 13 minutes of fear)': the child
    did have 13 minutes of fear; the circuit acts in the minute after. The reason says so."""
    query = ("step=40&lr=0.5&friendly=0.7&first_visit=15&stay=13&habituation=13&encounters=3&last_visitor=different"
             "&generalisation=0.1")
    text = client.get(f"/api/stranger-danger?{query}").json()["claims"]["ending"]
    assert "the 13-minute visit 2 ended before the habituation circuit stepped in (it steps in only in the minute " \
           "after the child has been scared for 13 minutes)" in text, text
    assert "only after 13 minutes of fear" not in text


def _walk_at(query):
    from urllib.parse import parse_qsl

    from app.framework import parse_query
    values, problems = parse_query(WALKTHROUGH.params, parse_qsl(query.split("#")[0]))
    assert not problems
    return WALKTHROUGH.run(values)


def _hover(trace: dict, i: int) -> str:
    """A point's hover label as Plotly writes it: %{customdata} as given, %{y:.0%} as JavaScript's toFixed(0) rounds
    y x 100 (the exact binary value; a tie goes up), %{x} as it is."""
    from decimal import ROUND_HALF_UP, Decimal
    import re

    def token(m):
        name, spec = m.group(1), m.group(2)
        v = trace[name][i]
        if spec == ".0%":
            return f"{Decimal(v * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"
        return str(v)
    return re.sub(r"%\{(\w+)(?::([^}]*))?\}", token, trace["hovertemplate"]).split("<extra>")[0]


def test_the_charts_hover_reads_the_predicted_fear_as_the_bubble_and_table_do(client):
    """/stranger-danger?step=4&lr=0.5&friendly=0.95&first_visit=25&stay=21&habituation=22&encounters=5&last_visitor=
    different&generalisation=0.8: the assessor's bubble, the table and the ending say 12%, but hovering the predicted-fear
    line read 13% (the model's 0.1249999851, sent rounded to 0.125, which Plotly rounds up)."""
    query = ("step=4&lr=0.5&friendly=0.95&first_visit=25&stay=21&habituation=22&encounters=5&last_visitor=different"
             "&generalisation=0.8")
    walk = _walk_at(query)
    from app.pages.stranger_danger.present import step_view
    view = step_view(walk)
    assert "(fear 12%)" in view["bubbles"]["assessor"]
    assert [row[1] for row in WALKTHROUGH.table(walk).rows][1:] == ["12%"] * 4
    figure = WALKTHROUGH.render_figures(walk)["timeline"]
    trace = next(t for t in figure["data"] if t.get("name") == "predicted fear")
    i = trace["x"].index(view["minute"])
    assert _hover(trace, i) == "Predicted fear (Thought Assessor): 12%"
    for minute, e in ((walk.result.minutes[e.start].t, e) for e in walk.result.encounters):
        assert _hover(trace, trace["x"].index(minute)).endswith(f": {WALKTHROUGH.table(walk).rows[e.index - 1][1]}")
