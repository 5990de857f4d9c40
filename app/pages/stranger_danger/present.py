"""Presenters for the stranger-danger model: the walkthrough's steps and speech bubbles, the
time-series figure, the table and the live numbers. Pure functions of a result and a step.

Every word a bubble says is chosen here from the simulated values at that step (thresholds on
the assessor's prediction, the circuit's mode, the habituation flag); nothing is written per
step, so changing a slider changes the story.
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Any, Literal, Mapping

from pydantic import BaseModel, Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse, shown_number
from app.wording import SWINGS, count, join_and, pct, reads_as, says_swings, share, swings

from .model import (BYRNES, CONFIDENT_FEAR, CONFIDENT_SAFE, FOLLOW_AT, NEUTRAL, PLAY_THRESHOLD, Minute, Outcome, StrangerResult, Walk,
                    confident_safe, shown_percent)

# Each line also has its own dash style.
# (result field, column name in the table, short legend name, colour, dash)
LINES = (
    ("adult_present", "Adult present (sensory heuristics)", "adult present", kit.GREY, "dot"),
    ("predicted_fear", "Predicted fear (Thought Assessor)", "predicted fear", kit.BLUE, "dash"),
    ("fear", "Actual fear (Steering Subsystem)", "actual fear", kit.VERMILION, "solid"),
)


@dataclass(frozen=True)
class Moment:
    index: int          # position in result.minutes
    kind: str           # "arrive" | "switch" | "leave"
    encounter: int


def moments(result: StrangerResult) -> tuple[Moment, ...]:
    """The walkthrough's steps: each visit's arrival, any change of the circuit's mode, departure."""
    out = []
    for e in result.encounters:
        out.append(Moment(e.start, "arrive", e.index))
        for i in range(e.start + 1, e.end):
            if result.minutes[i].mode != result.minutes[i - 1].mode:
                out.append(Moment(i, "switch", e.index))
        if e.end - 1 > e.start:
            out.append(Moment(e.end - 1, "leave", e.index))
        elif out[-1].kind == "arrive":
            out.append(Moment(e.start, "leave", e.index))
    return tuple(out)


def step_count(walk: Walk) -> int:
    return len(moments(walk.result))


def who(result: StrangerResult, m: Minute) -> str:
    if m.person == 1:
        return "a different stranger"
    return "the stranger" if m.encounter == 1 else "the same person"


def expectation(p: float) -> str:
    # Decided on the percentage shown, as the circuit decides whether to defer (model.confident_safe).
    if shown_percent(p) >= round(100 * CONFIDENT_FEAR):
        return f"This is scary. I expect fear ({pct(p)})."
    if confident_safe(p):
        return f"I expect to feel safe and relaxed (fear {pct(p)})."
    # Between the confident bands: a lean where the guess is clearly off the middle (72% is some expectation of
    # fear, not "no particular expectation"), a slight lean from 40% to 60%, and none only at the even 50% (a
    # guess of 60% just learned as 'be more wary' is not 'no expectation either way').
    if shown_percent(p) > 60:
        return f"Half expecting fear ({pct(p)})."
    if shown_percent(p) < 40:
        return f"Half expecting to feel safe (fear {pct(p)})."
    if shown_percent(p) > 50:
        return f"Leaning slightly towards fear ({pct(p)})."
    if shown_percent(p) < 50:
        return f"Leaning slightly towards feeling safe (fear {pct(p)})."
    return f"No particular expectation either way ({pct(p)})."


def scary(p: float) -> bool:
    return shown_percent(p) >= round(100 * CONFIDENT_FEAR)


def next_time(p: float, change: float) -> str:
    return ("expect to be scared" if scary(p) else "expect to feel safe" if confident_safe(p)
            else f"be {'more' if change > 0 else 'less'} wary than before")


def visit_lesson(result: StrangerResult, e) -> tuple[float, float, float]:
    """Over visit e: how far the guess for this person moved by the end, how far off the guess on arrival
    was on average, and how far the guess moved at any point."""
    visit = result.minutes[e.start:e.end]
    change = visit[-1].updated_prediction - e.predicted_fear_at_start
    off = sum(abs(x.fear - e.predicted_fear_at_start) for x in visit) / len(visit)
    moved = max(abs(x.updated_prediction - e.predicted_fear_at_start) for x in visit)
    return change, off, moved


def _gaps(result: StrangerResult, e) -> list[float]:
    """Over visit e, each minute's fear less the guess on arrival."""
    return [x.fear - e.predicted_fear_at_start for x in result.minutes[e.start:e.end]]


def surprise(result: StrangerResult, e) -> str:
    """How the visit's fear compared with the guess on arrival: above it throughout, below it, or both."""
    guess = pct(e.predicted_fear_at_start)
    gaps = _gaps(result, e)
    if min(gaps) >= 0:
        return f"It was scarier than my guess of {guess}"
    if max(gaps) <= 0:
        return f"It was calmer than my guess of {guess}"
    return f"It was at times scarier and at times calmer than my guess of {guess}"


def bubbles(result: StrangerResult, moment: Moment) -> dict[str, str]:
    m = result.minutes[moment.index]
    out = {"heuristics": "An adult is close by." if m.adult_present else "Nobody around."}
    out["assessor"] = expectation(m.predicted_fear)
    if moment.kind == "leave":
        e = result.encounters[moment.encounter - 1]
        change, off, moved = visit_lesson(result, e)
        p = m.updated_prediction
        if abs(change) < 0.05 and confident_safe(p) != confident_safe(e.predicted_fear_at_start):
            # a small move across the line below which the circuit takes the assessor's word for safety
            out["assessor"] = (f"My guess moved only from {pct(e.predicted_fear_at_start)} to {pct(p)}, but past the "
                               f"{pct(CONFIDENT_SAFE)} line: next time with this person, "
                               f"{next_time(p, change)}.")
        elif abs(change) < 0.05 and off < 0.1:
            out["assessor"] += " My guesses held up; little to learn."
        elif abs(change) < 0.05 and moved < 0.05:
            learned = "nothing" if moved == 0 else "almost nothing"
            out["assessor"] = f"{surprise(result, e)}, but I learned {learned}."
        elif abs(change) < 0.05:
            out["assessor"] = f"My guess swung during the visit but ended close to where it started (fear {pct(p)})."
        else:
            out["assessor"] = (f"My guess was off. Updating: next time with this person, {next_time(p, change)} "
                               f"(fear {pct(p)}).")
    if m.play >= PLAY_THRESHOLD:
        out["play"] = ("Fun toy, friendly grown-up: a good time to play." if m.habituated
                       else "That toy looks fun…")
    else:
        out["play"] = "Nothing here looks like fun."
    if m.habituated:
        out["habituation"] = f"Scared for {count(m.scared_minutes, 'minute')}, and nothing bad happened."
    elif m.scared_minutes:
        out["habituation"] = f"Counting: scared for {count(m.scared_minutes, 'minute')}, nothing bad yet."
    else:
        out["habituation"] = "Keeping count: nothing bad has happened yet."
    out["circuit"] = {
        "override-fear": "Adult I can't vouch for: be scared!",
        "defer": "The assessor expects safety; I'll take its word for it.",
        "override-relax": "Stand down: relax and play.",
    }[m.mode]
    return out


def step_view(walk: Walk) -> dict[str, Any]:
    """Everything the diagram panel shows at the current step."""
    result = walk.result
    steps = moments(result)
    n = min(max(walk.step, 1), len(steps))
    moment = steps[n - 1]
    m = result.minutes[moment.index]
    e = result.encounters[moment.encounter - 1]
    minute_in_visit = moment.index - e.start + 1
    headline = {
        "arrive": f"Visit {e.index}: {who(result, m)} arrives.",
        "switch": f"Visit {e.index}, minute {minute_in_visit}: the Steering Subsystem changes its mind.",
        "leave": f"Visit {e.index}, minute {minute_in_visit}: {who(result, m)} leaves.",
    }[moment.kind]
    outcome = "The child is scared." if m.fear >= 0.5 else "The child is relaxed."
    return {
        "step": n, "count": len(steps), "clamped": n != walk.step, "headline": headline, "outcome": outcome,
        "bubbles": bubbles(result, moment), "mode": m.mode, "scared": m.fear >= 0.5,
        "minute": m.t, "play_on": m.play >= PLAY_THRESHOLD and m.habituated, "habituated": m.habituated,
        "learning": abs(m.updated_prediction - m.predicted_fear) > 1e-3,
    }


def timeseries_figure(walk: Walk) -> dict:
    result = walk.result
    view = step_view(walk)
    t = [m.t for m in result.minutes]
    data = []
    for key, name, short, colour, dash in LINES:
        y = [round(getattr(m, key), 4) for m in result.minutes]
        # The hover is worded by pct, as the bubbles and the table are, so it never rounds the other way.
        data.append({"type": "scatter", "mode": "lines", "name": short, "x": t, "y": y,
                     "customdata": [pct(getattr(m, key)) for m in result.minutes],
                     "line": {"color": colour, "dash": dash, "width": 3 if key == "fear" else 2,
                              "shape": "hv" if key == "adult_present" else "linear"},
                     "hovertemplate": name + ": %{customdata}<extra>minute %{x}</extra>"})
    shapes, annotations = [], []
    for e in result.encounters:
        x0, x1 = result.minutes[e.start].t - 0.5, result.minutes[e.end - 1].t + 0.5
        shapes.append({"type": "rect", "x0": x0, "x1": x1, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                       "fillcolor": kit.BAND, "line": {"width": 0}, "layer": "below"})
        annotations.append({"x": (x0 + x1) / 2, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            # "visit N" where the band is wide enough on a phone, else just N
                            "text": f"visit {e.index}" if x1 - x0 >= (t[-1] + 1) / 6 else str(e.index),
                            "yshift": 10, "showarrow": False, "font": {"size": 13}})   # clear of the marker's handle
    shapes.append({"type": "line", "x0": view["minute"], "x1": view["minute"], "y0": 0, "y1": 1, "xref": "x",
                   "yref": "paper", "line": {"color": kit.INK, "width": 3}})
    # A handle on the marker (the reader drags it, or clicks the chart, to scrub: static/js/app/scrub.js).
    data.append({"type": "scatter", "mode": "markers", "x": [view["minute"]], "y": [1.0], "showlegend": False,
                 "hoverinfo": "skip", "cliponaxis": False,
                 "marker": {"symbol": "diamond-tall", "size": 18, "color": kit.INK,
                            "line": {"color": kit.PAPER, "width": 1.5}}})
    # The step label sits right of the marker, or left of it in the last third (so it stays inside).
    late = view["minute"] > 2 / 3 * t[-1]
    annotations.append({"x": view["minute"], "y": 0.5, "xref": "x", "yref": "paper",
                        "xanchor": "right" if late else "left", "text": f" step {view['step']} ",
                        "showarrow": False, "bgcolor": kit.PAPER, "font": {"size": 13, "weight": "bold"}})
    return {
        "data": data,
        "layout": kit.layout(
            margin={"t": 40, "b": 88, "l": 48, "r": 12},
            # Room left of minute 0, so the marker at the first step stands clear of the y-axis.
            xaxis=kit.axis(range=[-0.5 - 0.03 * (t[-1] + 1), t[-1] + 0.5], ticksuffix=" min"),
            meta={"scrub": {"param": "step", "x": [result.minutes[m.index].t for m in moments(result)]}},
            yaxis=kit.axis(range=[-0.03, 1.03], tickformat=".0%"),
            legend=kit.FOOT_LEGEND, shapes=shapes, annotations=annotations,
        ),
    }


def walkthrough_summary(walk: Walk) -> str:
    view = step_view(walk)
    parts = [f"Step {view['step']} of {view['count']}. {view['headline']} {view['outcome']}"]
    for e in walk.result.encounters:
        parts.append(f"Visit {e.index}: predicted fear {pct(e.predicted_fear_at_start)} on arrival, "
                     f"fear {pct(e.fear_at_start)} at the start and {pct(e.fear_at_end)} at the end.")
    return " ".join(parts)


def switched(e) -> str:
    """When the circuit switched the child to relaxed in visit e: a visit begun relaxed needed no switch."""
    if e.relaxed_at is not None:
        return f"minute {e.relaxed_at + 1}"
    return "no need: relaxed on arrival" if e.fear_at_start < 0.5 else "never"


def walkthrough_table(walk: Walk) -> Table:
    rows = tuple(
        (f"Visit {e.index}" + (" (new person)" if e.person == 1 else ""),
         pct(e.predicted_fear_at_start), pct(e.fear_at_start), pct(e.fear_at_end), pct(e.prediction_after),
         switched(e))
        for e in walk.result.encounters)
    return Table("Each visit, as the model ran it",
                 ("Visit", "Predicted fear on arrival", "Fear at start", "Fear at end",
                  "Prediction afterwards", "Switched to relaxed"), rows)


def walkthrough_live(walk: Walk) -> dict[str, str]:
    es = walk.result.encounters
    last = es[-1]
    return {
        "visits": str(len(es)),
        "last_start": "scared" if last.fear_at_start >= 0.5 else "relaxed",
        "last_predicted": pct(last.predicted_fear_at_start),
        "step_count": str(len(moments(walk.result))),
    }


def ending_sentence(walk: Walk) -> str:
    """How the last visit starts, and why: the assessor's guess on arrival against the circuit's 25%."""
    es = walk.result.encounters
    last = es[-1]
    who = "a different stranger" if last.person == 1 else "the same stranger"
    head = f"On the last visit (visit {last.index}, {who}) the child starts out "
    p = pct(last.predicted_fear_at_start)
    if last.fear_at_start < 0.5:
        return head + (f"relaxed: the fear assessor predicts {p} on arrival, below 25%, so the stranger-danger "
                       f"circuit takes its word for it.")
    text = head + (f"scared: the fear assessor predicts {p} on arrival, not below 25%, so the stranger-danger "
                   f"circuit fires fear.")
    relaxed = [e for e in es[:-1] if e.relaxed_at is not None and e.person == last.person]
    undone = _undone(walk)
    if relaxed and undone:
        text += (f" The child did relax in visit {undone.index}, {_left_at(undone, 'this person')} "
                 f"{_taught_back(walk, undone)}: the guess rose to {pct(es[-2].prediction_after)}.")
    elif relaxed:
        visits = f"visit{'s' if len(relaxed) > 1 else ''} {join_and([str(e.index) for e in relaxed])}"
        learned = any(e.prediction_after != e.predicted_fear_at_start for e in relaxed)
        text += (f" The child did relax in {visits}, but not for long enough to bring the guess for this person "
                 f"below 25%." if learned else
                 f" The child did relax in {visits}, but the fear assessor learned nothing from it.")
    elif len(es) > 1 and not any(e.relaxed_at is not None for e in es[:-1]):
        text += _never_relaxed(walk)
    elif last.person == 1 and any(e.relaxed_at is not None for e in es[:-1]):
        first = es[-2].prediction_after        # the guess for the first stranger when the new face arrives
        if not any(_learned_in(walk, e) for e in es[:-1]):
            text += (f" The child relaxed with the first stranger, but the fear assessor learned nothing from it: its "
                     f"guess for the first stranger is still {pct(first)}.")
        elif confident_safe(first):
            text += f" The child relaxed with the first stranger, whose guess ended at {pct(first)}, below 25%, but "
            new, start = last.predicted_fear_at_start, pct(NEUTRAL)
            if pct(new) == start:
                text += _back_where_it_started(walk)
            elif shown_percent(new) > shown_percent(NEUTRAL):
                text += (f"what reached a new face from all the visits was more fear than calm: its guess rose from "
                         f"{start} to {pct(new)}.")
            else:
                text += f"a new face gets only part of that lesson: its guess fell from {start} to {pct(new)}, not below 25%."
        elif undone:
            text += (f" The child relaxed with the first stranger in visit {undone.index}, {_left_at(undone, 'them')} "
                     f"{_taught_back(walk, undone)}: the first stranger's guess rose to {pct(first)}; ")
            text += _new_face(walk)
        elif shown_percent(last.predicted_fear_at_start) < shown_percent(NEUTRAL):
            text += (f" The child relaxed with the first stranger, and some of that lesson reached a new face (its guess "
                     f"fell from {pct(NEUTRAL)} to {pct(last.predicted_fear_at_start)}), but not enough to calm the "
                     f"child: even the first stranger's own guess ended at {pct(first)}, not below 25%.")
        else:
            if shown_percent(first) < shown_percent(NEUTRAL):
                text += (f" The child relaxed with the first stranger, but too weak a lesson of safety came of it: even "
                         f"the first stranger's own guess ended at {pct(first)}, not below 25%; ")
            else:
                text += (f" The child relaxed with the first stranger, but that left no lesson of safety: the first "
                         f"stranger's own guess ended at {pct(first)}, no lower than the {pct(NEUTRAL)} it started at; ")
            text += _new_face(walk)
    return text


def _undone(walk: Walk):
    """The earlier visit, one the child relaxed in, that left the guess for the first stranger at its lowest (as
    shown), where the visits after it, before the last, raised it again as shown; else None."""
    earlier = walk.result.encounters[:-1]
    if not earlier:
        return None
    lowest = min(shown_percent(e.prediction_after) for e in earlier)
    if lowest >= shown_percent(earlier[-1].prediction_after):
        return None
    return next((e for e in earlier if e.relaxed_at is not None and shown_percent(e.prediction_after) == lowest), None)


def _left_at(e, whom: str) -> str:
    """How visit e left the guess for its visitor: lower than on arrival as shown, or not; then what came after."""
    start, end = pct(e.predicted_fear_at_start), pct(e.prediction_after)
    if shown_percent(e.prediction_after) < shown_percent(e.predicted_fear_at_start):
        return f"and the guess for {whom} fell from {start} to {end}, but"
    return f"but the guess for {whom} ended that visit at {end}, no lower than the {start} it started at, and"


def _taught_back(walk: Walk, low) -> str:
    """What the visits after `low` (before the last) were like, that they raised the guess again."""
    r = walk.result
    later = r.encounters[low.index:-1]
    visits = f"visit{'s' if len(later) > 1 else ''} {join_and([str(e.index) for e in later])}"
    they = "they" if len(later) > 1 else "it"
    spans = [r.minutes[e.start:e.end] for e in later]
    lengths = {len(v) for v in spans}
    if all(x.fear >= 0.5 and not x.habituated for v in spans for x in v) and len(lengths) == 1:
        return (f"the {lengths.pop()}-minute {visits} ended before the habituation circuit stepped in (it steps in "
                f"only in the minute after the child has been scared for {count(r.habituation, 'minute')}), so {they} "
                f"taught fear again")
    scared = {sum(x.fear >= 0.5 for x in v) for v in spans}
    calm = {sum(x.fear < 0.5 for x in v) for v in spans}
    if len(scared) == len(calm) == 1 and all(e.relaxed_at is not None for e in later):
        return (f"in {visits} the child was scared for {count(scared.pop(), 'minute')} before relaxing for "
                f"{count(calm.pop(), 'minute')}{' each time' if len(later) > 1 else ''}, so {they} taught more fear "
                f"than calm")
    return f"{visits} taught more fear than calm"


def _new_face(walk: Walk) -> str:
    """Where a new face's guess stands on arrival, after a lesson of safety that did not carry: above, below or back
    at where every stranger's starts (with how far it went on the way)."""
    new = walk.result.encounters[-1].predicted_fear_at_start
    if shown_percent(new) > shown_percent(NEUTRAL):
        return (f"what reached a new face from all the visits was more fear than calm: its guess rose from "
                f"{pct(NEUTRAL)} to {pct(new)}.")
    if shown_percent(new) < shown_percent(NEUTRAL):
        return f"a new face's guess fell from {pct(NEUTRAL)} to {pct(new)}, not below 25%."
    went = swings(_new_face_before(walk), NEUTRAL)
    return (f"a new face's guess reads {pct(NEUTRAL)}, where every stranger's starts"
            + (f", after going {went} on the way." if went else "."))


def _never_relaxed(walk: Walk) -> str:
    """Why no visit before the last let the child relax: a stranger too unfriendly to play with, or visits too
    short for the habituation circuit; and what that taught."""
    r, last = walk.result, walk.result.encounters[-1]
    before = _earlier_minutes(walk)
    whose = "the first stranger's" if last.person == 1 else "this stranger's"
    if before[0].play < PLAY_THRESHOLD:
        why = (f"{whose} friendliness, {shown_number(before[0].play)}, is below the {shown_number(PLAY_THRESHOLD)} the child needs "
               f"to feel safe to play")
    else:
        one = len(r.encounters) == 2
        why = (f"{'visit 1' if one else 'each'} ended before the habituation circuit stepped in: it steps in only in "
               f"the minute after the child has been scared for {count(r.habituation, 'minute')}")
    taught = (f", so {'visit 1' if len(r.encounters) == 2 else 'every visit'} taught fear" if _taught_fear(walk) else "")
    carried = (f" What reached a new face was fear: its guess rose from {pct(NEUTRAL)} to "
               f"{pct(last.predicted_fear_at_start)}." if last.person == 1 and
               shown_percent(last.predicted_fear_at_start) > shown_percent(NEUTRAL) else "")
    return f" The child never relaxed in an earlier visit: {why}{taught}.{carried}"


def _taught_fear(walk: Walk) -> bool:
    """The child was scared in every minute before the last visit, and the guess for the first stranger rose, as shown."""
    es = walk.result.encounters
    return (all(m.fear >= 0.5 for m in _earlier_minutes(walk))
            and shown_percent(es[-2].prediction_after) > shown_percent(NEUTRAL))


def _earlier_minutes(walk: Walk) -> list[Minute]:
    """The minutes of every visit before the last."""
    return [m for e in walk.result.encounters[:-1] for m in walk.result.minutes[e.start:e.end]]


# ---- what the walkthrough's phrases assert, as predicates on the model's minutes and visits

def _moment(walk: Walk) -> Moment:
    """The moment the walkthrough shows at its step (the steps are the visits' arrivals, switches and departures)."""
    steps = moments(walk.result)
    return steps[min(max(walk.step, 1), len(steps)) - 1]


def _minute(walk: Walk) -> Minute:
    return walk.result.minutes[_moment(walk).index]


def _visit_shown(walk: Walk):
    return walk.result.encounters[_moment(walk).encounter - 1]


def _moved_in_visit_shown(walk: Walk) -> float:
    """How far the assessor's guess for the visitor moved at any point of the visit the step shows."""
    return visit_lesson(walk.result, _visit_shown(walk))[2]


def _visit_end(walk: Walk) -> float:
    """The assessor's guess for the visitor at the end of the visit the step shows."""
    return walk.result.minutes[_visit_shown(walk).end - 1].updated_prediction


def _new_face_before(walk: Walk) -> tuple[float, ...]:
    """The guess for a new face after each minute before the last visit (which is the new face's)."""
    return walk.result.new_face[:walk.result.encounters[-1].start]


def _back_where_it_started(walk: Walk) -> str:
    """The new face's guess reads where it started: because nothing reached it, or fear and calm about cancelled."""
    path, start = _new_face_before(walk), pct(NEUTRAL)
    if all(p == NEUTRAL for p in path):
        return f"none of that lesson reached a new face: its guess still reads {start}, where it started."
    went = swings(path, NEUTRAL)
    if not went:
        return f"only a trace of that lesson reached a new face: its guess still reads {start}, where it started."
    return (f"what reached a new face was fear and calm in about equal measure: its guess went {went} "
            f"on the way, but reads {start} again, where it started.")


def _visit_start(walk: Walk) -> float:
    return _visit_shown(walk).predicted_fear_at_start


def _visit_gaps(walk: Walk) -> tuple[float, float]:
    """The smallest and largest gap between the fear felt and the guess on arrival, over the visit the step shows."""
    gaps = _gaps(walk.result, _visit_shown(walk))
    return min(gaps), max(gaps)


def _crossed_safe(walk: Walk) -> bool:
    """Over the visit the step shows, the guess (as shown) crossed the 25% below which the circuit defers."""
    return confident_safe(_visit_shown(walk).predicted_fear_at_start) != confident_safe(_visit_end(walk))


def _visits(walk: Walk, began_relaxed: bool) -> list:
    """The visits the circuit never switched to relaxed, that began relaxed (or scared) and stayed so."""
    return [e for e in walk.result.encounters if e.relaxed_at is None
            and all((x.fear < 0.5) == began_relaxed for x in walk.result.minutes[e.start:e.end])]


def _is_pct(m: re.Match, group: int, x: float) -> bool:
    """The percentage quoted (group) is the share x as pct writes it."""
    return reads_as(m.group(group), x)


def _quoted(m: re.Match, group: int = 1) -> int:
    return int(m.group(group).rstrip("%"))


PCTG = r"(\d+%)"
WALKTHROUGH_TRUTHS = (
    Truth(r"^The child is scared\.$|The child is scared\.", lambda w: _minute(w).fear >= 0.5,
          "the actual fear at the minute shown is 50% or more"),
    Truth(r"The child is relaxed\.", lambda w: _minute(w).fear < 0.5, "the actual fear at the minute shown is under 50%"),
    Truth(r"^This is scary\. I expect fear \(" + PCTG + r"\)\.",
          lambda w, m: _quoted(m) >= 75 and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is 75% or more"),
    Truth(r"^I expect to feel safe and relaxed \(fear " + PCTG + r"\)\.",
          lambda w, m: _quoted(m) < 25 and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is below 25%"),
    Truth(r"^No particular expectation either way \(" + PCTG + r"\)\.",
          lambda w, m: _quoted(m) == 50 and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is 50%"),
    Truth(r"^Leaning slightly towards fear \(" + PCTG + r"\)\.",
          lambda w, m: 50 < _quoted(m) <= 60 and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is over 50% and at most 60%"),
    Truth(r"^Leaning slightly towards feeling safe \(fear " + PCTG + r"\)\.",
          lambda w, m: 40 <= _quoted(m) < 50 and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is from 40% to under 50%"),
    Truth(r"^Half expecting fear \(" + PCTG + r"\)\.",
          lambda w, m: 60 < _quoted(m) < 75 and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is over 60% and under 75%"),
    Truth(r"^Half expecting to feel safe \(fear " + PCTG + r"\)\.",
          lambda w, m: 25 <= _quoted(m) < 40 and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is from 25% to under 40%"),
    Truth(r"next time with this person, (expect to be scared|expect to feel safe|be more wary than before|be less wary "
          r"than before) \(fear " + PCTG + r"\)",
          lambda w, m: (_is_pct(m, 2, _minute(w).updated_prediction)
                        and {"expect to be scared": _quoted(m, 2) >= 75, "expect to feel safe": _quoted(m, 2) < 25}
                        .get(m.group(1), 25 <= _quoted(m, 2) < 75)),
          "the guess for this person after the visit, as quoted, is 75% or more (scared), below 25% (safe) or between"),
    Truth(r"^Scared for (\d+) minutes?, and nothing bad happened",
          lambda w, m: _minute(w).habituated and int(m.group(1)) == _minute(w).scared_minutes,
          "the habituation circuit has fired, and the visit has had that many frightened minutes up to the minute shown"),
    Truth(r"^Counting: scared for (\d+) minutes?",
          lambda w, m: not _minute(w).habituated and int(m.group(1)) == _minute(w).scared_minutes > 0,
          "that many frightened minutes in this visit up to and including the minute shown, not yet habituated"),
    Truth(r"Adult I can't vouch for: be scared!", lambda w: _minute(w).mode == "override-fear" and _minute(w).fear == 1,
          "the circuit overrides with full fear at the minute shown"),
    Truth(r"The assessor expects safety; I'll take its word for it\.",
          lambda w: _minute(w).mode == "defer" and _minute(w).fear == _minute(w).predicted_fear,
          "the circuit's fear at the minute shown is the assessor's prediction"),
    Truth(r"Stand down: relax and play\.", lambda w: _minute(w).mode == "override-relax" and _minute(w).fear == 0,
          "the circuit overrides with no fear at the minute shown"),
    Truth(r"Visit (\d+): predicted fear " + PCTG + r" on arrival, fear " + PCTG + r" at the start and " + PCTG
          + " at the end",
          lambda w, m: all(_is_pct(m, g, getattr(w.result.encounters[int(m.group(1)) - 1], f)) for g, f in
                           ((2, "predicted_fear_at_start"), (3, "fear_at_start"), (4, "fear_at_end"))),
          "that visit's predicted fear on arrival and actual fear at its start and end, as quoted"),
    Truth(r"^It was (scarier|calmer|at times scarier and at times calmer) than my guess of " + PCTG + ", but I learned",
          lambda w, m: _is_pct(m, 2, _visit_start(w)) and (lambda lo, hi: {
              "scarier": lo >= 0, "calmer": hi <= 0 < -lo, "at times scarier and at times calmer": lo < 0 < hi}[m.group(1)])(
              *_visit_gaps(w)),
          "the visit's fear was at or above the guess on arrival at every minute (scarier), at or below it (calmer), "
          "or some of each"),
    Truth(r"but I learned nothing\.", lambda w: _moved_in_visit_shown(w) == 0,
          "the assessor's guess for the visitor did not move at all during the visit shown"),
    Truth(r"but I learned almost nothing\.", lambda w: 0 < _moved_in_visit_shown(w) < 0.05 and not _crossed_safe(w),
          "the assessor's guess for the visitor moved during the visit shown, but by under 5 points, and not across 25%"),
    Truth(r"but past the 25% line: next time with this person, (expect to feel safe|be more wary than before)",
          lambda w, m: _crossed_safe(w) and (m.group(1) == "expect to feel safe") == confident_safe(_visit_end(w)),
          "the guess for the visitor, as shown, ended the visit on the other side of 25% from where it began"),
    Truth(r"^never$", lambda w: bool(_visits(w, began_relaxed=False)),
          "a visit in which the circuit never switched to relaxed, and the child was scared throughout"),
    Truth(r"^no need: relaxed on arrival$", lambda w: bool(_visits(w, began_relaxed=True)),
          "a visit in which the circuit never switched to relaxed, and the child was relaxed throughout"),
    Truth(r"^scared$", lambda w: w.result.encounters[-1].fear_at_start >= 0.5,
          "the last visit starts with fear of 50% or more"),
    Truth(r"^relaxed$", lambda w: w.result.encounters[-1].fear_at_start < 0.5,
          "the last visit starts with fear under 50%"),
)
def _none_relaxed_before(w: Walk) -> bool:
    return len(w.result.encounters) > 1 and all(e.relaxed_at is None for e in w.result.encounters[:-1])


ENDING = (
    Truth(r"The child never relaxed in an earlier visit: (this|the first) stranger's friendliness, ([\d.]+), is below the "
          r"([\d.]+) the child needs to feel safe to play",
          lambda w, m: (_none_relaxed_before(w) and (m.group(1) == "the first") == (w.result.encounters[-1].person == 1)
                        and all(x.play == float(m.group(2)) for x in _earlier_minutes(w))
                        and float(m.group(2)) < float(m.group(3)) == PLAY_THRESHOLD),
          "no visit before the last relaxed, and the play assessor's reading of the stranger there (its "
          "friendliness) is the value quoted, below the threshold quoted, the circuit's"),
    Truth(r"The child never relaxed in an earlier visit: (each|visit 1) ended before the habituation circuit stepped in: "
          r"it steps in only in the minute after the child has been scared for (\d+) minutes?",
          lambda w, m: (_none_relaxed_before(w) and int(m.group(2)) == w.result.habituation
                        and (m.group(1) == "visit 1") == (len(w.result.encounters) == 2)
                        and not any(x.habituated for x in _earlier_minutes(w))),
          "no visit before the last relaxed, and in none did the habituation circuit fire (the minutes quoted are "
          "its threshold)"),
    Truth(r"so (every visit|visit 1) taught fear",
          lambda w, m: _taught_fear(w) and (m.group(1) == "visit 1") == (len(w.result.encounters) == 2),
          "the child was scared in every minute of every visit before the last, and the guess for the first stranger "
          "rose above where it started, as shown"),
    Truth(r"What reached a new face was fear: its guess rose from " + PCTG + " to " + PCTG,
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m, 1) == shown_percent(NEUTRAL)
                        and _is_pct(m, 2, w.result.encounters[-1].predicted_fear_at_start)
                        and _quoted(m, 2) > _quoted(m, 1)),
          "the new face's guess on arrival, as shown, is the value quoted, above where it started"),
    Truth(r"starts out relaxed: the fear assessor predicts " + PCTG + r" on arrival, below 25%",
          lambda w, m: (w.result.encounters[-1].fear_at_start < 0.5 and _quoted(m) < 25
                        and _is_pct(m, 1, w.result.encounters[-1].predicted_fear_at_start)),
          "the last visit starts relaxed, with a prediction on arrival that shows below 25%"),
    Truth(r"starts out scared: the fear assessor predicts " + PCTG + r" on arrival, not below 25%",
          lambda w, m: (w.result.encounters[-1].fear_at_start >= 0.5 and _quoted(m) >= 25
                        and _is_pct(m, 1, w.result.encounters[-1].predicted_fear_at_start)),
          "the last visit starts scared, with a prediction on arrival that shows 25% or more"),
    Truth(r"On the last visit \(visit (\d+), (a different|the same) stranger\)",
          lambda w, m: (int(m.group(1)) == len(w.result.encounters)
                        and (w.result.encounters[-1].person == 1) == (m.group(2) == "a different")),
          "the number of visits, and whether the last visitor is someone new"),
    Truth(r"The child did relax in visits? ([\d, and]+), but (not for long enough|the fear assessor learned nothing)",
          lambda w, m: all(_relaxed_with_last(w, int(i)) for i in re.findall(r"\d+", m.group(1)))
          and shown_percent(w.result.encounters[-1].predicted_fear_at_start) >= 25
          and (m.group(2) == "not for long enough") == any(_learned(w, int(i)) for i in re.findall(r"\d+", m.group(1)))
          and not _relaxing_undone(w),
          "the child relaxed in those visits with the last visitor, yet the guess on arrival shows 25% or more, and no "
          "visit the child relaxed in left it at its lowest, as shown, for later visits to raise; the guess moved in "
          "those visits (not long enough) or did not (learned nothing)"),
    Truth(r"The child relaxed with the first stranger",
          lambda w: (w.result.encounters[-1].person == 1
                     and any(e.relaxed_at is not None for e in w.result.encounters[:-1])),
          "the last visitor is new and the child relaxed with the first stranger in an earlier visit"),
    Truth(r"whose guess ended at " + PCTG + r", below 25%",
          lambda w, m: _quoted(m) < 25 and _is_pct(m, 1, _first_guess(w)),
          "the first stranger's guess when the new face arrives, as quoted, shows below 25%"),
    Truth(r"none of that lesson reached a new face: its guess still reads " + PCTG + ", where it started",
          lambda w, m: (w.result.encounters[-1].person == 1
                        and _quoted(m) == shown_percent(w.result.encounters[-1].predicted_fear_at_start)
                        == shown_percent(NEUTRAL) and all(p == NEUTRAL for p in _new_face_before(w))),
          "the new face's guess never moved from what every stranger's starts at before it arrived"),
    Truth(r"only a trace of that lesson reached a new face: its guess still reads " + PCTG + ", where it started",
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m) == shown_percent(NEUTRAL)
                        and any(p != NEUTRAL for p in _new_face_before(w))
                        and {shown_percent(p) for p in _new_face_before(w)} == {shown_percent(NEUTRAL)}),
          "the new face's guess moved before it arrived, but never by enough to read differently"),
    Truth(r"what reached a new face was fear and calm in about equal measure: its guess went " + SWINGS
          + r" on the way, but reads " + PCTG + " again, where it started",
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m, 6) == shown_percent(NEUTRAL)
                        == shown_percent(w.result.encounters[-1].predicted_fear_at_start)
                        and says_swings(m, 1, _new_face_before(w), NEUTRAL)),
          "the new face's guess before it arrived reached the highest and lowest values quoted (each said only where "
          "it reads differently from the start), and reads what it started at when the new face arrives"),
    Truth(r"more fear than calm: its guess rose from " + PCTG + " to " + PCTG,
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m, 1) == shown_percent(NEUTRAL)
                        < _quoted(m, 2) == shown_percent(w.result.encounters[-1].predicted_fear_at_start)),
          "the new face's guess on arrival shows above where every stranger's starts"),
    Truth(r"a new face gets only part of that lesson: its guess fell from " + PCTG + " to " + PCTG + ", not below 25%",
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m, 1) == shown_percent(NEUTRAL)
                        > _quoted(m, 2) == shown_percent(w.result.encounters[-1].predicted_fear_at_start) >= 25),
          "the new face's guess on arrival shows below where every stranger's starts, but not below 25%"),
    Truth(r"learned nothing from it: its guess for the first stranger is still " + PCTG,
          lambda w, m: (not any(_learned(w, e.index) for e in w.result.encounters[:-1])
                        and _is_pct(m, 1, _first_guess(w))),
          "no earlier visit moved the assessor's guess; the guess quoted is the first stranger's"),
    Truth(r"(?:relaxed with the first stranger|did relax) in visit (\d+), and the guess for (them|this person) fell "
          r"from " + PCTG + " to " + PCTG + ", but",
          lambda w, m: (_left_lowest(w, int(m.group(1)), m.group(2), m.group(3), m.group(4))
                        and _quoted(m, 4) < _quoted(m, 3)),
          "the child relaxed in that visit (with the first stranger, where the last visitor is new), and the guess "
          "for that person fell over it between the values quoted, to the lowest it read at the end of any visit "
          "before the last"),
    Truth(r"(?:relaxed with the first stranger|did relax) in visit (\d+), but the guess for (them|this person) ended "
          r"that visit at " + PCTG + ", no lower than the " + PCTG + " it started at, and",
          lambda w, m: (_left_lowest(w, int(m.group(1)), m.group(2), m.group(4), m.group(3))
                        and _quoted(m, 3) >= _quoted(m, 4)),
          "the child relaxed in that visit (with the first stranger, where the last visitor is new), and the guess "
          "for that person ended it no lower than on arrival, as quoted, and the lowest it read at the end of any visit "
          "before the last"),
    Truth(r"(?:but|and) the (\d+)-minute (visits?) ([\d, and]+) ended before the habituation circuit stepped in "
          r"\(it steps in only in the minute after the child has been scared for (\d+) minutes?\), so (they|it) taught "
          r"fear again",
          lambda w, m: (_through_last_but_one(w, _named(m, 3), m.group(2), m.group(5))
                        and int(m.group(4)) == w.result.habituation
                        and all(e.end - e.start == int(m.group(1))
                                and all(x.fear >= 0.5 and not x.habituated for x in w.result.minutes[e.start:e.end])
                                for e in w.result.encounters[_named(m, 3)[0] - 1:-1])
                        and _taught_fear_in(w, _named(m, 3), strictly=False)),
          "the visits named, of the length quoted, run from the one after a visit the child relaxed in to the one "
          "before the last; the child was scared at every minute of them and the habituation circuit (its "
          "threshold quoted) never fired; none lowered the guess, and together they raised it"),
    Truth(r"(?:but|and) in (visits?) ([\d, and]+) the child was scared for (\d+) minutes? before relaxing for "
          r"(\d+) minutes?(?: each time)?, so (they|it) taught more fear than calm",
          lambda w, m: (_through_last_but_one(w, _named(m, 2), m.group(1), m.group(5))
                        and all(e.relaxed_at == int(m.group(3))
                                and [x.fear >= 0.5 for x in w.result.minutes[e.start:e.end]]
                                == [True] * int(m.group(3)) + [False] * int(m.group(4))
                                for e in w.result.encounters[_named(m, 2)[0] - 1:-1])
                        and _taught_fear_in(w, _named(m, 2), strictly=True)),
          "the visits named run from the one after a visit the child relaxed in to the one before the last; in each "
          "the child was scared for the minutes quoted, then relaxed for the rest, and the guess ended higher than on "
          "arrival"),
    Truth(r"(?:but|and) (visits?) ([\d, and]+) taught more fear than calm",
          lambda w, m: (_through_last_but_one(w, _named(m, 2), m.group(1))
                        and _taught_fear_in(w, _named(m, 2), strictly=True)),
          "the visits named run from the one after a visit the child relaxed in to the one before the last, and each "
          "ended with the guess higher than on arrival"),
    Truth(r"(the first stranger's guess|the guess) rose to " + PCTG,
          lambda w, m: ((m.group(1) == "the guess") == (w.result.encounters[-1].person == 0)
                        and _is_pct(m, 2, _first_guess(w)) and _quoted(m, 2) > _lowest_after(w)),
          "the guess for the earlier visitor when the last visit begins, as quoted, reads higher than it did at the end "
          "of some visit before"),
    Truth(r"a new face's guess fell from " + PCTG + " to " + PCTG + ", not below 25%",
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m, 1) == shown_percent(NEUTRAL)
                        > _quoted(m, 2) == shown_percent(w.result.encounters[-1].predicted_fear_at_start) >= 25),
          "the new face's guess on arrival shows below where every stranger's starts, but not below 25%"),
    Truth(r"too weak a lesson of safety came of it: even the first stranger's own guess ended at " + PCTG
          + r", not below 25%",
          lambda w, m: (25 <= _quoted(m) < shown_percent(NEUTRAL) and _is_pct(m, 1, _first_guess(w))
                        and _lowest_after(w) == _quoted(m)
                        and w.result.encounters[-1].person == 1
                        and shown_percent(w.result.encounters[-1].predicted_fear_at_start) >= shown_percent(NEUTRAL)),
          "the first stranger's guess when the new face arrives, as quoted, shows below where it started but 25% or "
          "more, and no lower at the end of any earlier visit; the new face's guess on arrival shows no lower than "
          "where every stranger's starts"),
    Truth(r"left no lesson of safety: the first stranger's own guess ended at " + PCTG + r", no lower than the "
          + PCTG + " it started at",
          lambda w, m: (_quoted(m, 1) >= _quoted(m, 2) == shown_percent(NEUTRAL) and _is_pct(m, 1, _first_guess(w))
                        and w.result.encounters[-1].person == 1 and _lowest_after(w) >= shown_percent(NEUTRAL)),
          "the first stranger's guess when the new face arrives, as quoted, shows no lower than where every "
          "stranger's starts, and no visit before left it showing lower"),
    Truth(r"a new face's guess reads " + PCTG + r", where every stranger's starts(?:, after going " + SWINGS
          + r" on the way)?",
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m, 1) == shown_percent(NEUTRAL)
                        == shown_percent(w.result.encounters[-1].predicted_fear_at_start)
                        and (says_swings(m, 2, _new_face_before(w), NEUTRAL) if m.group(2)
                             else not swings(_new_face_before(w), NEUTRAL))),
          "the new face's guess on arrival reads where every stranger's starts; before it arrived it reached the "
          "highest and lowest values quoted (each said only where it reads differently), or never read differently"),
    Truth(r"some of that lesson reached a new face \(its guess fell from " + PCTG + " to " + PCTG + r"\), but not "
          r"enough to calm the child: even the first stranger's own guess ended at " + PCTG + r", not below 25%",
          lambda w, m: (w.result.encounters[-1].person == 1 and _quoted(m, 1) == shown_percent(NEUTRAL)
                        > _quoted(m, 2) == shown_percent(w.result.encounters[-1].predicted_fear_at_start) >= 25
                        and w.result.encounters[-1].fear_at_start >= 0.5
                        and _quoted(m, 3) >= 25 and _is_pct(m, 3, _first_guess(w))),
          "the new face's guess on arrival shows below where every stranger's starts but not below 25%, the child "
          "starts the last visit scared, and the first stranger's guess when the new face arrives, as quoted, shows "
          "25% or more"),
)


def _first_guess(w: Walk) -> float:
    """The assessor's guess for the first stranger when the last visitor arrives (after the visit before)."""
    return w.result.encounters[-2].prediction_after if len(w.result.encounters) > 1 else NEUTRAL


def _lowest_after(w: Walk) -> int:
    """The lowest the guess for the earlier visitor read at the end of any visit before the last, as shown."""
    return min(shown_percent(e.prediction_after) for e in w.result.encounters[:-1])


def _left_lowest(w: Walk, index: int, whom: str, start: str, end: str) -> bool:
    """The child relaxed in visit `index`, before the last, with the person named ('them': the first stranger, where
    the last visitor is new), whose guess went from `start` to `end` over it, as shown; `end` the lowest the guess
    read at the end of any visit before the last."""
    es = w.result.encounters
    if not 1 <= index < len(es):
        return False
    e = es[index - 1]
    return ((whom == "them") == (es[-1].person == 1) and e.relaxed_at is not None
            and reads_as(start, e.predicted_fear_at_start) and reads_as(end, e.prediction_after)
            and _lowest_after(w) == int(end.rstrip("%")))


def _relaxing_undone(w: Walk) -> bool:
    """A visit before the last that the child relaxed in left the guess for its visitor at the lowest it read at the
    end of any visit before the last, as shown, and it reads higher when the last visit begins."""
    es = w.result.encounters
    low = _lowest_after(w)
    return low < shown_percent(es[-2].prediction_after) and any(
        e.relaxed_at is not None and shown_percent(e.prediction_after) == low for e in es[:-1])


def _named(m: re.Match, group: int) -> list[int]:
    return [int(i) for i in re.findall(r"\d+", m.group(group))]


def _through_last_but_one(w: Walk, named: list[int], plural: str, pronoun: str | None = None) -> bool:
    """The visits named run on from one the child relaxed in to the visit before the last; 'visits' and 'they' name
    more than one, 'visit' and 'it' one."""
    es = w.result.encounters
    if not named or named != list(range(named[0], len(es))) or named[0] < 2:
        return False
    before = es[named[0] - 2]
    many = len(named) > 1
    return (before.relaxed_at is not None and (plural == "visits") == many
            and (pronoun is None or (pronoun == "they") == many))


def _taught_fear_in(w: Walk, named: list[int], strictly: bool) -> bool:
    """Each visit named left the guess for its visitor higher than on arrival (or no lower), and together they
    raised it above where the visit before them left it."""
    es = w.result.encounters
    rose = all(es[i - 1].prediction_after > es[i - 1].predicted_fear_at_start if strictly
               else es[i - 1].prediction_after >= es[i - 1].predicted_fear_at_start for i in named)
    return rose and es[named[-1] - 1].prediction_after > es[named[0] - 2].prediction_after


def _learned_in(walk: Walk, e) -> bool:
    return any(abs(x.updated_prediction - x.predicted_fear) > 0 for x in walk.result.minutes[e.start:e.end])


def _relaxed_with_last(w: Walk, index: int) -> bool:
    e = w.result.encounters[index - 1]
    return e.relaxed_at is not None and e.person == w.result.encounters[-1].person


def _learned(w: Walk, index: int) -> bool:
    e = w.result.encounters[index - 1]
    return any(abs(x.updated_prediction - x.predicted_fear) > 0 for x in w.result.minutes[e.start:e.end])

WALKTHROUGH_CLAIMS = (Claim("ending", ending_sentence, truths=ENDING),)


class EncounterOut(BaseModel):
    index: int
    person: Literal["same", "different"]
    predicted_fear_at_start: float = Field(ge=0, le=1)
    fear_at_start: float = Field(ge=0, le=1)
    fear_at_end: float = Field(ge=0, le=1)
    prediction_after: float = Field(ge=0, le=1)
    relaxed_at_minute: int | None


class MinuteOut(BaseModel):
    t: int
    encounter: int = Field(description="1-based visit number; 0 between visits")
    adult_present: float = Field(ge=0, le=1)
    predicted_fear: float = Field(ge=0, le=1)
    fear: float = Field(ge=0, le=1)
    mode: Literal["none", "defer", "override-fear", "override-relax"]
    habituated: bool


def walkthrough_inactive(values: Mapping[str, Any]) -> dict[str, str]:
    """The carry-over to a different stranger matters only where one comes, and only if anything is learned."""
    if values["last_visitor"] == "same":
        return {"generalisation": "only a different stranger on the last visit uses it."}
    if values["lr"] == 0:
        return {"generalisation": "with a learning rate of 0 nothing is learned to carry over."}
    return {}


class WalkthroughResponse(WidgetResponse):
    encounters: list[EncounterOut]
    minutes: list[MinuteOut]


def walkthrough_api(values: Mapping[str, Any], walk: Walk) -> dict:
    r = walk.result
    return {
        "encounters": [
            {"index": e.index, "person": "different" if e.person == 1 else "same",
             "predicted_fear_at_start": e.predicted_fear_at_start, "fear_at_start": e.fear_at_start,
             "fear_at_end": e.fear_at_end, "prediction_after": e.prediction_after,
             "relaxed_at_minute": None if e.relaxed_at is None else e.relaxed_at + 1}
            for e in r.encounters],
        "minutes": [
            {"t": m.t, "encounter": m.encounter, "adult_present": m.adult_present,
             "predicted_fear": m.predicted_fear, "fear": m.fear, "mode": m.mode, "habituated": m.habituated}
            for m in r.minutes],
    }


# ------------------------------------------------------------------------------ filial imprinting

OBJECTS = (("mother", "Mother", kit.PINK, kit.SOLID), ("boot", "Boot", kit.BLUE, kit.HATCH))
FOLLOWS = {"mother": "follows its mother", "boot": "follows the boot", "nothing": "follows nothing",
           "torn": "is torn between mother and boot"}


def wrap(label: str, width: int = 8) -> str:
    """An axis label in lines of at most `width` characters (Plotly's <br>), so the four groups fit
    side by side on a 360 px screen. A leading "1." stays with the word after it."""
    words = label.split()
    if len(words) > 1 and words[0].rstrip(".").isdigit():
        words[:2] = [f"{words[0]} {words[1]}"]
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def imprint_figure(outcomes: tuple[Outcome, ...]) -> dict:
    # Horizontal bars: six situations' labels stay legible on a phone, read top to bottom in order.
    y = [wrap(o.scenario.short) for o in outcomes]
    data = [{
        "type": "bar", "orientation": "h", "name": label, "y": y, "x": [round(o.ratings[key], 3) for o in outcomes],
        "marker": {"color": colour, "pattern": kit.pattern(pattern, colour)},
        # Worded as the table is: 'over 99%', never '100%', for a rating short of full.
        "text": [share(o.ratings[key]) for o in outcomes], "texttemplate": "%{text}", "textposition": "outside",
        "cliponaxis": False, "textfont": {"size": 13, "color": kit.INK},
        "hovertemplate": label + ": %{text}<extra></extra>",
    } for key, label, colour, pattern in OBJECTS]
    return {
        "data": data,
        "layout": kit.layout(
            barmode="group", margin={"t": 56, "b": 44, "l": 10, "r": 36},
            xaxis=kit.axis("rated mother-like", range=[0, 1.18], tickformat=".0%"),
            yaxis=kit.axis(automargin=True, autorange="reversed", tickfont={"size": 13}),
            legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "xanchor": "left",
                    "yref": "container"} | {"y": 1.0, "yanchor": "top"},
            shapes=[{"type": "line", "y0": 0, "y1": 1, "yref": "paper", "x0": FOLLOW_AT, "x1": FOLLOW_AT,
                     "line": {"dash": "dot", "color": kit.INK, "width": 1}}],
            annotations=[{"y": 1, "yref": "paper", "yanchor": "bottom", "x": FOLLOW_AT, "xanchor": "left",
                          "text": " worth following", "showarrow": False, "font": {"size": 13}}],
        ),
    }


def score(outcomes: tuple[Outcome, ...]) -> int:
    return sum(o.passes for o in outcomes)


def score_sentence(outcomes: tuple[Outcome, ...]) -> str:
    """How many situations the design gets right, and which it gets wrong (numbered as in the figure)."""
    n, total = score(outcomes), len(outcomes)
    wrong = [str(i) for i, o in enumerate(outcomes, start=1) if not o.passes]
    head = "Your design currently behaves like a real gosling in "
    if not wrong:
        return head + f"all {total} situations."
    if n == 0:
        return head + f"none of the {total} situations."
    return head + (f"{n} of {total} situations; it goes wrong in situation{'s' if len(wrong) > 1 else ''} "
                   f"{join_and(wrong)}.")


# The puzzle's phrases, as predicates on the hatched goslings: a situation goes right when the gosling
# follows what a real one would (the scenario's target), and the model's `follows` is what it does.
def _right(outcomes: tuple[Outcome, ...]) -> list[int]:
    return [i for i, o in enumerate(outcomes, start=1) if o.follows == o.scenario.real]


def _wrong_listed(outcomes: tuple[Outcome, ...], m: re.Match) -> bool:
    listed = [int(i) for i in re.findall(r"\d+", m.group(3))]
    return listed == [i for i in range(1, len(outcomes) + 1) if i not in _right(outcomes)]


FOLLOWED = {v: k for k, v in FOLLOWS.items()}
IMPRINTING_TRUTHS = (
    Truth(r"^Score: (\d+) of (\d+)$|behaves like a real gosling in (\d+) of (\d+) situations",
          lambda o, m: [int(x) for x in m.groups() if x] == [len(_right(o)), len(o)],
          "that many of the situations have the gosling follow what a real one would"),
    Truth(r"(?:^|\. )([^.:]+): the gosling (follows its mother|follows the boot|follows nothing|is torn between "
          r"mother and boot) \((like a real gosling|a real one would [^)]*)\)",
          lambda o, m: any(x.scenario.title == m.group(1) and x.follows == FOLLOWED[m.group(2)]
                           and (x.follows == x.scenario.real) == (m.group(3) == "like a real gosling") for x in o),
          "in that situation the gosling does what is said, and it is (or is not) what a real one would do"),
)
SCORE = (
    Truth(r"in all (\d+) situations", lambda o, m: len(_right(o)) == len(o) == int(m.group(1)),
          "the gosling does what a real one would in every situation"),
    Truth(r"in none of the (\d+) situations", lambda o, m: not _right(o) and len(o) == int(m.group(1)),
          "the gosling does what a real one would in no situation"),
    Truth(r"in (\d+) of (\d+) situations; it goes wrong in situations? ([\d, and]+)\.",
          lambda o, m: (0 < int(m.group(1)) == len(_right(o)) < len(o) == int(m.group(2))
                        and _wrong_listed(o, m)),
          "that many situations go right, and exactly the ones listed go wrong"),
)

IMPRINTING_CLAIMS = (Claim("score", score_sentence, truths=SCORE),)


def score_line(outcomes: tuple[Outcome, ...]) -> str:
    return f"Score: {score(outcomes)} of {len(outcomes)}"


def imprinting_summary(outcomes: tuple[Outcome, ...]) -> str:
    parts = [f"This design behaves like a real gosling in {score(outcomes)} of {len(outcomes)} situations."]
    for i, o in enumerate(outcomes, start=1):          # numbered, as the score claim names them
        verdict = "like a real gosling" if o.passes else f"a real one {FOLLOWS[o.scenario.real].replace('follows', 'would follow')}"
        parts.append(f"{i}. {o.scenario.title}: the gosling {FOLLOWS[o.follows]} ({verdict}).")
    return " ".join(parts)


def imprinting_table(outcomes: tuple[Outcome, ...]) -> Table:
    rows = tuple((f"{i}. {o.scenario.title}", share(o.ratings['mother']), share(o.ratings['boot']),
                  FOLLOWS[o.follows].removeprefix("follows ").removeprefix("is "),
                  FOLLOWS[o.scenario.real].removeprefix("follows "), "yes" if o.passes else "no")
                 for i, o in enumerate(outcomes, start=1))
    return Table("What the gosling does in each situation",
                 ("Situation", "Mother rated", "Boot rated", "Gosling follows", "Real gosling follows",
                  "Like a real gosling?"), rows)


def imprinting_live(outcomes: tuple[Outcome, ...]) -> dict[str, str]:
    return {"score": str(score(outcomes)), "total": str(len(outcomes))}


def score_view(outcomes: tuple[Outcome, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "score": score(outcomes), "total": len(outcomes),
        "rows": [{"title": o.scenario.title, "passes": o.passes, "follows": FOLLOWS[o.follows],
                  "real": FOLLOWS[o.scenario.real]} for o in outcomes],
        "is_byrnes": all(values[k] == v for k, v in BYRNES.items()),
    }


class OutcomeOut(BaseModel):
    scenario: str
    title: str
    ratings: dict[str, float]
    follows: str = Field(description="'mother', 'boot', 'nothing' or 'torn'")
    real_gosling_follows: str
    passes: bool


class ImprintingResponse(WidgetResponse):
    outcomes: list[OutcomeOut]
    score: int
    total: int


def imprinting_api(values: Mapping[str, Any], outcomes: tuple[Outcome, ...]) -> dict:
    return {
        "outcomes": [{"scenario": o.scenario.id, "title": o.scenario.title, "ratings": dict(o.ratings),
                      "follows": o.follows, "real_gosling_follows": o.scenario.real, "passes": o.passes}
                     for o in outcomes],
        "score": score(outcomes), "total": len(outcomes),
    }


# The mechanism the reader has built, drawn in the two-subsystem style of the walkthrough (panel_mechanism.html).
TRAINER_WORDS = {"innate": ("Innate detector", "A crude one that fires for anything big and moving close by.",
                            "the trainer is an innate detector"),
                 "warmth": ("Warmth sensor", "Fires when the gosling is brooded, which only a real mother does.",
                            "the trainer is a warmth sensor"),
                 "none": ("No trainer", "Nothing supplies the assessor's ground truth.", "there is no trainer")}


def imprinting_inactive(values: Mapping[str, Any]) -> dict[str, str]:
    """The window's hours matter only where learning is limited to the window."""
    if values["when"] == "window":
        return {}
    why = "learning is not limited to a window." if values["when"] == "always" else "the assessor never learns."
    return {"window_start": why, "window_end": why}


def mechanism_view(outcomes: tuple[Outcome, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    when = values["when"]
    learns = {"always": "Learns at every hour.", "never": "Never learns.",
              "window": (f"Learns only from hour {values['window_start']} to hour {values['window_end']}."
                         if values["window_start"] < values["window_end"] else "Its window is empty: it never learns.")}[when]
    trainer, trainer_text, trainer_said = TRAINER_WORDS[values["trainer"]]
    return {"trainer": trainer, "trainer_text": trainer_text, "trainer_said": trainer_said, "trainer_on": values["trainer"] != "none",
            "learns": learns, "learning_on": when != "never" and not (when == "window" and values["window_start"] >= values["window_end"]),
            "follows": values["output"] == "follow",
            "follow_text": ("Makes the gosling follow whatever the assessor rates as mother-like."
                            if values["output"] == "follow" else "Ignores the assessor: the gosling follows nothing.")}
