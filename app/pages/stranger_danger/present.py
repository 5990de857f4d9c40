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
from app.wording import SWINGS, count, join_and, num, pct, pct_beside, reads_as, says_swings, share, swings

from .model import (BYRNES, CONFIDENT_FEAR, CONFIDENT_SAFE, FOLLOW_AT, HOURS, NEUTRAL, PLAY_THRESHOLD, Minute, Outcome,
                    StrangerResult, Walk, confident_safe, may_learn, nearby)

# Each line also has its own dash style; the adult's presence is the shaded visits, not a line.
# (result field, hover name, short legend name, colour, dash)
LINES = (
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


def said(p: float) -> str:
    """A guess (or fear) as the page shows it: whole percentages, with decimals where they would misplace it against
    the 25% or 75% line ('24.6%', never '25%', for a guess the circuit takes as below 25%)."""
    return pct_beside(p, CONFIDENT_SAFE, CONFIDENT_FEAR)


def shown_percent(p: float) -> float:
    """A guess as the page shows it, in percentage points (24.6 for '24.6%'; a hair under 25 for 'just under 25%')."""
    return _points(said(p))


def _points(text: str) -> float:
    """A percentage as written, in points: '24.6%' -> 24.6, 'just under 25%' -> a hair under 25."""
    under = text.startswith("just under ")
    return float(text.removeprefix("just under ").rstrip("%")) - (1e-6 if under else 0)


def who(result: StrangerResult, m: Minute, kind: str) -> str:
    """The visitor as a step's headline names them: a new face is 'a different stranger' on arrival, then 'the new
    stranger'."""
    if m.person == 1:
        return "the new stranger" if kind == "leave" else "a different stranger"
    return "the stranger" if m.encounter == 1 else "the same person"


def expectation(p: float) -> str:
    # Decided on the percentage shown, as the circuit decides whether to defer (model.confident_safe).
    if shown_percent(p) >= round(100 * CONFIDENT_FEAR):
        return f"This is scary. I expect fear ({said(p)})."
    if confident_safe(p):
        return f"I expect to feel safe and relaxed (fear {said(p)})."
    # Between the confident bands: a lean where the guess is clearly off the middle (72% is some expectation of
    # fear, not "no particular expectation"), a slight lean from 40% to 60%, and none only at the even 50% (a
    # guess of 60% just learned as 'be more wary' is not 'no expectation either way').
    if shown_percent(p) > 60:
        return f"Half expecting fear ({said(p)})."
    if shown_percent(p) < 40:
        return f"Half expecting to feel safe (fear {said(p)})."
    if shown_percent(p) > 50:
        return f"Leaning slightly towards fear ({said(p)})."
    if shown_percent(p) < 50:
        return f"Leaning slightly towards feeling safe (fear {said(p)})."
    return f"No particular expectation either way ({said(p)})."


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


def furthest(result: StrangerResult, e) -> float:
    """The guess for visit e's visitor, after the minute of the visit at which it stood furthest from its value on
    arrival, as shown (the first such minute)."""
    start = shown_percent(e.predicted_fear_at_start)
    return max((x.updated_prediction for x in result.minutes[e.start:e.end]),
               key=lambda v: abs(shown_percent(v) - start))


def shown_moved(result: StrangerResult, e) -> int:
    """How far, in whole percentages as shown, the guess for the visitor stood at any minute of visit e from the guess on
    arrival."""
    start = shown_percent(e.predicted_fear_at_start)
    return max(abs(shown_percent(x.updated_prediction) - start) for x in result.minutes[e.start:e.end])


def learns(result: StrangerResult, moment: Moment) -> bool:
    """Whether the diagram shows the assessor learning at a step: on leaving, whether its guess for the visitor stood
    apart from its value on arrival, as shown, at any minute of the visit (the move the leaving bubble speaks of);
    at any other step, whether that minute's update moved the guess."""
    m = result.minutes[moment.index]
    if moment.kind == "leave":
        return shown_moved(result, result.encounters[moment.encounter - 1]) > 0
    return abs(m.updated_prediction - m.predicted_fear) > 1e-3


def _gaps(result: StrangerResult, e) -> list[float]:
    """Over visit e, each minute's fear less the guess on arrival."""
    return [x.fear - e.predicted_fear_at_start for x in result.minutes[e.start:e.end]]


def surprise(result: StrangerResult, e) -> str:
    """How the visit's fear compared with the guess on arrival: above it throughout, below it, or both."""
    guess = said(e.predicted_fear_at_start)
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
        # 'small' as the bubbles show the guesses: under 5 points between whole percentages
        small = abs(shown_percent(p) - shown_percent(e.predicted_fear_at_start)) < 5
        if small and confident_safe(p) != confident_safe(e.predicted_fear_at_start):
            # a small net move across the line below which the circuit takes the assessor's word for safety
            far, start = furthest(result, e), said(e.predicted_fear_at_start)
            swing = abs(shown_percent(far) - shown_percent(e.predicted_fear_at_start))
            how = (f"moved only from {start} to {said(p)}, but" if swing < 5
                   else f"moved from {start} to {said(p)}," if shown_percent(far) == shown_percent(p)
                   else f"swung as far as {said(far)} during the visit but ended at {said(p)},")
            out["assessor"] = (f"My guess {how} past the {pct(CONFIDENT_SAFE)} line: next time with this person, "
                               f"{next_time(p, change)}.")
        elif small and max(abs(g) for g in _gaps(result, e)) < 0.1 and shown_moved(result, e) < 5:
            out["assessor"] += " My guesses held up; little to learn."
        elif small and shown_moved(result, e) < 5:
            # a move the bubble can show: none, back where it began, or the guess it ended at
            ended = (", but I learned nothing." if moved == 0 else
                     ", but my guess ended the visit where it began." if shown_percent(p) == shown_percent(
                         e.predicted_fear_at_start) else f", and my guess moved to {said(p)}.")
            out["assessor"] = f"{surprise(result, e)}{ended}"
        elif small:
            out["assessor"] = f"My guess swung during the visit but ended close to where it started (fear {said(p)})."
        else:
            out["assessor"] = (f"My guess was off. Updating: next time with this person, {next_time(p, change)} "
                               f"(fear {said(p)}).")
    if m.play >= PLAY_THRESHOLD:
        out["play"] = ("Fun toy, friendly grown-up: a good time to play." if m.habituated
                       else "That toy looks fun…")
    else:
        out["play"] = "That toy looks fun, but this grown-up doesn't seem playful."
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
        "arrive": f"Visit {e.index}: {who(result, m, 'arrive')} arrives.",
        "switch": f"Visit {e.index}, minute {minute_in_visit}: the Steering Subsystem changes its mind.",
        "leave": f"Visit {e.index}, minute {minute_in_visit}: {who(result, m, 'leave')} leaves.",
    }[moment.kind]
    outcome = "The child is scared." if m.fear >= 0.5 else "The child is relaxed."
    return {
        "step": n, "count": len(steps), "clamped": n != walk.step, "headline": headline, "outcome": outcome,
        "bubbles": bubbles(result, moment), "mode": m.mode, "scared": m.fear >= 0.5,
        "minute": m.t, "play_on": m.play >= PLAY_THRESHOLD and m.habituated, "habituated": m.habituated,
        "learning": learns(result, moment), "teach": "(learning)" if learns(result, moment) else "",
    }


def hover_minutes(result: StrangerResult) -> list[str]:
    """Each minute as the headline names it ('visit 2, minute 16'), or 'between visits 1 and 2'."""
    out = []
    for i, m in enumerate(result.minutes):
        if m.encounter:
            out.append(f"visit {m.encounter}, minute {i - result.encounters[m.encounter - 1].start + 1}")
        else:
            before = max(e.index for e in result.encounters if e.end <= i)
            out.append(f"between visits {before} and {before + 1}")
    return out


# The timeline's top margin holds two rows: the step's tag on the marker's handle, and above it the visits' labels.
# Widths are estimated for the narrowest plot (a 360 px phone), so the labels never overlap at any width.
TOP_PX, PLOT_PX, STEP_TAG_PX, CHAR_PX, LABEL_GAP_PX = 58, 270, 60, 7.2, 8


def visit_labels(result: StrangerResult, x0: float, x1: float) -> list[dict]:
    """'visit N' over each visit's band, moved apart where bands are close; where even so they cannot all fit, the
    numbers alone, after one 'visit' at the left."""
    per_px = (x1 - x0) / PLOT_PX
    centres = [(result.minutes[e.start].t + result.minutes[e.end - 1].t) / 2 for e in result.encounters]

    def placed(texts: list[str]) -> list[float] | None:
        half = [len(s) * CHAR_PX / 2 * per_px for s in texts]
        gap, lo, hi = LABEL_GAP_PX * per_px, x0 - 40 * per_px, x1 + 12 * per_px
        xs = []
        for c, h in zip(centres, half):      # left to right: each clear of the one before
            xs.append(max(c, lo + h) if not xs else max(c, lo + h, xs[-1] + half[len(xs) - 1] + gap + h))
        for i in range(len(xs) - 1, -1, -1):  # right to left: inside the figure, each clear of the one after
            xs[i] = min(xs[i], hi - half[i]) if i == len(xs) - 1 else min(xs[i], xs[i + 1] - half[i + 1] - gap - half[i])
        return xs if all(x - h >= lo - 1e-9 for x, h in zip(xs, half)) else None

    labels = [f"visit {e.index}" for e in result.encounters]
    xs = placed(labels)
    lead = []
    if xs is None:
        labels = [str(e.index) for e in result.encounters]
        xs = placed(labels) or centres
        lead = [{"x": 0, "xref": "paper", "xanchor": "right", "xshift": -4, "text": "visit"}]
    row = {"y": 1.0, "yref": "paper", "yanchor": "bottom", "yshift": 36, "showarrow": False, "font": {"size": 13}}
    return [row | a for a in lead] + [row | {"x": x, "xref": "x", "text": text} for x, text in zip(xs, labels)]


def timeseries_figure(walk: Walk) -> dict:
    result = walk.result
    view = step_view(walk)
    t = [m.t for m in result.minutes]
    when = hover_minutes(result)
    data = []
    for key, name, short, colour, dash in LINES:
        y = [round(getattr(m, key), 4) for m in result.minutes]
        # The hover is worded by said, as the bubbles and the table are, so it never rounds the other way; its minute
        # is the visit's own, counted from 1, as the headline and the table count it.
        data.append({"type": "scatter", "mode": "lines", "name": short, "x": t, "y": y,
                     "customdata": [[said(getattr(m, key)), w] for m, w in zip(result.minutes, when)],
                     "line": {"color": colour, "dash": dash, "width": 3 if key == "fear" else 2},
                     "hovertemplate": name + ": %{customdata[0]}<extra>%{customdata[1]}</extra>"})
    x0, x1 = -0.5 - 0.03 * (t[-1] + 1), t[-1] + 0.5
    shapes = []
    for e in result.encounters:
        shapes.append({"type": "rect", "x0": result.minutes[e.start].t - 0.5, "x1": result.minutes[e.end - 1].t + 0.5,
                       "y0": 0, "y1": 1, "xref": "x", "yref": "paper", "fillcolor": kit.BAND, "line": {"width": 0},
                       "layer": "below"})
    annotations = visit_labels(result, x0, x1)
    shapes.append({"type": "line", "x0": view["minute"], "x1": view["minute"], "y0": 0, "y1": 1, "xref": "x",
                   "yref": "paper", "line": {"color": kit.INK, "width": 3}})
    # A handle on the marker (the reader drags it, or clicks the chart, to scrub: static/js/app/scrub.js).
    data.append({"type": "scatter", "mode": "markers", "x": [view["minute"]], "y": [1.0], "showlegend": False,
                 "hoverinfo": "skip", "cliponaxis": False,
                 "marker": {"symbol": "diamond-tall", "size": 18, "color": kit.INK,
                            "line": {"color": kit.PAPER, "width": 1.5}}})
    # The step's tag sits on the handle, above the plot (never on the lines), kept inside at either end.
    room = STEP_TAG_PX / 2 * (x1 - x0) / PLOT_PX
    anchor = "left" if view["minute"] - x0 < room else "right" if x1 - view["minute"] < room else "center"
    annotations.append({"x": view["minute"], "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom", "yshift": 12,
                        "xanchor": anchor, "text": f"step {view['step']}", "showarrow": False, "bgcolor": kit.PAPER,
                        "font": {"size": 13, "weight": "bold"}})
    return {
        "data": data,
        "layout": kit.layout(
            margin={"t": TOP_PX, "b": 56, "l": 48, "r": 12},   # tick labels, then the legend of two lines in one row
            # Room left of minute 0, so the marker at the first step stands clear of the y-axis.
            xaxis=kit.axis(range=[x0, x1], ticksuffix=" min"),
            meta={"scrub": {"param": "step", "x": [result.minutes[m.index].t for m in moments(result)]}},
            yaxis=kit.axis(range=[-0.03, 1.03], tickformat=".0%"),
            legend=kit.FOOT_LEGEND, shapes=shapes, annotations=annotations,
        ),
    }


def walkthrough_summary(walk: Walk) -> str:
    view = step_view(walk)
    parts = [f"Step {view['step']} of {view['count']}. {view['headline']} {view['outcome']}"]
    for e in walk.result.encounters:
        parts.append(f"Visit {e.index}: predicted fear {said(e.predicted_fear_at_start)} on arrival, "
                     f"fear {said(e.fear_at_start)} at the start and {said(e.fear_at_end)} at the end.")
    return " ".join(parts)


def switched(e) -> str:
    """When the circuit switched the child to relaxed in visit e: a visit begun relaxed needed no switch."""
    if e.relaxed_at is not None:
        return f"minute {e.relaxed_at + 1}"
    return "no need: relaxed on arrival" if e.fear_at_start < 0.5 else "never"


def walkthrough_table(walk: Walk) -> Table:
    rows = tuple(
        (f"Visit {e.index}" + (" (new person)" if e.person == 1 else ""),
         said(e.predicted_fear_at_start), said(e.fear_at_start), said(e.fear_at_end), said(e.prediction_after),
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
        "last_predicted": said(last.predicted_fear_at_start),
        "step_count": str(len(moments(walk.result))),
    }


def ending_sentence(walk: Walk) -> str:
    """How the last visit starts, and why (the assessor's guess on arrival against the circuit's 25%); then, as numbers
    the table shows, how each visit before it moved the guess for the earlier visitor, and what reached a new face."""
    r = walk.result
    es = r.encounters
    last = es[-1]
    who = "a different stranger" if last.person == 1 else "the same stranger"
    head = f"On the last visit (visit {last.index}, {who}) the child starts out "
    p = said(last.predicted_fear_at_start)
    if last.fear_at_start < 0.5:
        below = "" if p.startswith("just under") else ", below 25%"
        text = head + (f"relaxed: the fear assessor predicts {p} on arrival{below}, so the stranger-danger "
                       f"circuit takes its word for it.")
    else:
        text = head + (f"scared: the fear assessor predicts {p} on arrival, not below 25%, so the stranger-danger "
                       f"circuit fires fear.")
    earlier = es[:-1]
    whom = "the first stranger" if last.person == 1 else "this person"
    clauses = [_clause(r, run) for run in _runs(r, earlier)]
    text += f" The guess for {whom} started at {pct(NEUTRAL)}: {'; '.join(clauses)}."
    whose = "each stranger's" if last.person == 1 else "this stranger's"
    play = r.minutes[earlier[0].start].play
    short = [e for e in earlier if _kind(r, e)[0] == "scared"]
    if play < PLAY_THRESHOLD:
        brief = [e.index for e in earlier if e.end - e.start <= r.habituation]
        anyway = "" if not brief else (
            f", and {_visit_names(brief)} {'were' if len(brief) > 1 else 'was'} too short to relax in anyway (the "
            f"habituation circuit lets the child relax only after {count(r.habituation, 'scared minute')})")
        text += (f" The child never relaxed: {whose} friendliness, {shown_number(play)}, is below the "
                 f"{shown_number(PLAY_THRESHOLD)} the child needs to feel safe to play{anyway}.")
    elif short:
        names = _visit_names([e.index for e in short])
        text += (f" {names[0].upper()}{names[1:]} {'were' if len(short) > 1 else 'was'} too short to relax in: the "
                 f"habituation circuit lets the child relax only after {count(r.habituation, 'scared minute')}.")
    if r.lr > 0:
        text += " " + _learning_rule(r)
    if not _anything_learned(r):
        text += f" The fear assessor learned nothing: its guesses never moved from {pct(NEUTRAL)}."
    elif last.person == 1:
        text += " " + _carry_over(walk)
    return text


def _learning_rule(result: StrangerResult) -> str:
    """The assessor's learning rule in words, with the learning rate: it explains every rise and fall the visits show."""
    way = "all the way to" if result.lr == 1 else f"{shown_number(result.lr)} of the way toward"
    return (f"Each minute, the guess for the person present moves {way} the fear the child felt: 100% while scared, "
            f"0% once the circuit stands down, and the guess itself while the circuit defers, which leaves it where it "
            f"was. So a visit's last minutes count most.")


def _kind(result: StrangerResult, e) -> tuple[str, ...]:
    """How visit e went: relaxed from arrival, scared throughout (its length), or scared then relaxed (the minutes of each)."""
    visit = result.minutes[e.start:e.end]
    scared = sum(x.fear >= 0.5 for x in visit)
    if scared == 0:
        return ("calm",)
    if scared == len(visit):
        return ("scared", count(len(visit), "minute"))
    return ("both", count(scared, "minute"), count(len(visit) - scared, "minute"))


def _shown_move(e) -> int:
    """How far visit e moved the guess for its visitor, in whole points as the table shows them (+ up, − down)."""
    return shown_percent(e.prediction_after) - shown_percent(e.predicted_fear_at_start)


def _runs(result: StrangerResult, visits) -> list[list]:
    """Consecutive visits alike in how they went and in which way they moved the guess, as shown."""
    runs: list[list] = []
    for e in visits:
        key = (_kind(result, e), (_shown_move(e) > 0) - (_shown_move(e) < 0))
        if runs and runs[-1][0] == key:
            runs[-1][1].append(e)
        else:
            runs.append([key, [e]])
    return [run for _, run in runs]


def _visit_names(indices: list[int]) -> str:
    """'visit 2', 'visits 2 and 3', 'visits 2 to 5' (indices consecutive), else 'visits 1, 3 and 4'."""
    if len(indices) == 1:
        return f"visit {indices[0]}"
    if len(indices) > 2 and indices == list(range(indices[0], indices[-1] + 1)):
        return f"visits {indices[0]} to {indices[-1]}"
    return "visits " + join_and([str(i) for i in indices])


def _clause(result: StrangerResult, run: list) -> str:
    """What a run of alike visits was like, and where it left the guess for its visitor, as shown."""
    kind = _kind(result, run[0])
    how = ("relaxed from the start" if kind[0] == "calm" else f"{kind[1]}, scared throughout" if kind[0] == "scared"
           else f"scared for {kind[1]}, then relaxed for {kind[2]}")
    each = "each " if len(run) > 1 else ""
    move = _shown_move(run[0])
    ends = [said(e.prediction_after) for e in run]
    verb = (f"left it at {ends[0]}" if move == 0 else
            f"{'raised' if move > 0 else 'lowered'} it to {', then '.join(ends)}")
    return f"{_visit_names([e.index for e in run])} ({each}{how}) {verb}"


def _anything_learned(result: StrangerResult) -> bool:
    """Some minute moved the assessor's guess for someone."""
    return any(x.updated_prediction != x.predicted_fear for x in result.minutes) or any(
        p != NEUTRAL for p in result.new_face)


def _carry_over(walk: Walk) -> str:
    """What reached a new face from the visits before: the share of each minute's update, and where its guess stands."""
    r = walk.result
    new, start = r.encounters[-1].predicted_fear_at_start, pct(NEUTRAL)
    if r.generalisation == 0:
        return (f"Nothing learned about the first stranger carries over to a new face (carry-over 0): its guess reads "
                f"{start}, where every stranger's starts.")
    part = "the full" if r.generalisation == 1 else f"{shown_number(r.generalisation)} of that"
    rate = f"at {part} learning rate ({_spill_step(r.lr * r.generalisation)} each minute)"
    if shown_percent(new) != shown_percent(NEUTRAL):
        moved = f"{'rose' if shown_percent(new) > shown_percent(NEUTRAL) else 'fell'} from {start} to {said(new)}"
    else:
        went = swings(_new_face_before(walk), NEUTRAL)
        moved = f"reads {start}, where it started" + (f", after going {went} on the way" if went else "")
    return (f"Every minute with the first stranger also moved a new face's guess toward the fear the child felt, "
            f"{rate}: it {moved}.{_against_the_grain(walk)}")


def _spill_step(x: float) -> str:
    """The share of the way a new face's guess moves each minute: 'all the way', '0.02 of the way', 'about 0.163 of the
    way' (a product of two sliders' steps, to three decimals where it has four)."""
    exact = round(x, 9)
    if exact == 1:
        return "all the way"
    return (f"{shown_number(exact)} of the way" if exact == round(exact, 3) else f"about {num(exact, 3)} of the way")


def _against_the_grain(walk: Walk) -> str:
    """Where a new face's guess rose while the first stranger's ended below where it started (or fell while that one
    ended above), why: the slower guess weighs earlier minutes more, and how many minutes with that stranger were scared."""
    r = walk.result
    new, old = shown_percent(r.encounters[-1].predicted_fear_at_start), shown_percent(r.encounters[-2].prediction_after)
    start = shown_percent(NEUTRAL)
    if (new - start) * (old - start) >= 0 or not 0 < r.generalisation < 1:
        return ""
    with_first = [x for x in _earlier_minutes(walk) if x.person == 0]
    scared = sum(x.fear >= 0.5 for x in with_first)
    return (f" It {'rose' if new > start else 'fell'} even though the first stranger's guess ended "
            f"{'below' if old < start else 'above'} where it started, at {said(r.encounters[-2].prediction_after)}: moving "
            f"more slowly, a new face's guess weighs earlier minutes more than that one does, and {scared} of the "
            f"{len(with_first)} minutes with the first stranger were scared.")


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


def _visit_minutes(walk: Walk) -> tuple[Minute, ...]:
    e = _visit_shown(walk)
    return walk.result.minutes[e.start:e.end]


def _swing_points(walk: Walk) -> list[int]:
    """After each minute of the visit the step shows, how far the guess for the visitor stood from its value on
    arrival, in whole points as shown."""
    start = shown_percent(_visit_shown(walk).predicted_fear_at_start)
    return [abs(shown_percent(x.updated_prediction) - start) for x in _visit_minutes(walk)]


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


def _reads(text: str, x: float) -> bool:
    """`text` is the share x as written: rounded as pct rounds it, or 'just under N%' for x under N% by less than
    0.005 points."""
    if text.startswith("just under "):
        cut = float(text.removeprefix("just under ").rstrip("%"))
        return cut - 0.005 < 100 * x < cut and x < cut / 100
    return reads_as(text, x)


def _is_pct(m: re.Match, group: int, x: float) -> bool:
    """The percentage quoted (group) is the share x as written."""
    return _reads(m.group(group), x)


def _quoted(m: re.Match, group: int = 1) -> float:
    return _points(m.group(group))


def _learns_by(walk: Walk, share: float) -> bool:
    """Every minute with someone present moved the guess for that person `share` of the way toward the fear felt: full
    fear while scared, none where the circuit stood down, the guess itself where it deferred; `share` above 0."""
    r = walk.result
    felt = {"override-fear": lambda x: x.fear == 1, "override-relax": lambda x: x.fear == 0,
            "defer": lambda x: x.fear == x.predicted_fear}
    return share > 0 and all(
        felt[x.mode](x) and abs(x.updated_prediction - (x.predicted_fear + share * (x.fear - x.predicted_fear))) < 1e-9
        for x in r.minutes if x.person >= 0)


def _says_step(m: re.Match, group: int, x: float) -> bool:
    """Groups `group` ('about ') and the next (a number), or neither ('all the way'), give x: exactly, or with 'about'
    where x has more decimals than the three quoted."""
    if m.group(group + 1) is None:
        return abs(x - 1) < 1e-9
    if m.group(group):
        return abs(x - round(x, 3)) > 1e-9 and reads_as(m.group(group + 1), x, 3)
    return abs(float(m.group(group + 1)) - x) < 1e-9


def _spills_by(walk: Walk, share: float) -> bool:
    """Every minute with the first stranger moved the new face's guess `share` of the learning rate's way toward the
    fear felt, and no other minute moved it; `share` and the learning rate above 0."""
    r = walk.result
    rate, before = r.lr * share, NEUTRAL
    for x, after in zip(r.minutes[:r.encounters[-1].start], r.new_face):
        expected = before + rate * (x.fear - before) if x.person == 0 else before
        if abs(after - expected) > 1e-9:
            return False
        before = after
    return rate > 0


PCTG = r"((?:just under )?\d+(?:\.\d+)?%)"
WALKTHROUGH_TRUTHS = (
    Truth(r"^The child is scared\.$|The child is scared\.", lambda w: _minute(w).fear >= 0.5,
          "the actual fear at the minute shown is 50% or more"),
    Truth(r"The child is relaxed\.", lambda w: _minute(w).fear < 0.5, "the actual fear at the minute shown is under 50%"),
    Truth(r"^This is scary\. I expect fear \(" + PCTG + r"\)\.",
          lambda w, m: _minute(w).predicted_fear >= CONFIDENT_FEAR and _quoted(m) >= 75
          and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown is 75% or more, and so is the value quoted"),
    Truth(r"^I expect to feel safe and relaxed \(fear " + PCTG + r"\)\.",
          lambda w, m: _minute(w).predicted_fear < CONFIDENT_SAFE and _quoted(m) < 25
          and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown is below 25%, and so is the value quoted"),
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
          lambda w, m: 60 < _quoted(m) < 75 and _minute(w).predicted_fear < CONFIDENT_FEAR
          and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown, as quoted, is over 60%, and it is under 75%"),
    Truth(r"^Half expecting to feel safe \(fear " + PCTG + r"\)\.",
          lambda w, m: 25 <= _quoted(m) < 40 and _minute(w).predicted_fear >= CONFIDENT_SAFE
          and _is_pct(m, 1, _minute(w).predicted_fear),
          "the assessor's prediction at the minute shown is not below 25%, and as quoted it is under 40%"),
    Truth(r"next time with this person, (expect to be scared|expect to feel safe|be more wary than before|be less wary "
          r"than before) \(fear " + PCTG + r"\)",
          lambda w, m: (_is_pct(m, 2, _minute(w).updated_prediction)
                        and (lambda p, q: {"expect to be scared": p >= CONFIDENT_FEAR and q >= 75,
                                           "expect to feel safe": p < CONFIDENT_SAFE and q < 25}
                             .get(m.group(1), CONFIDENT_SAFE <= p < CONFIDENT_FEAR and 25 <= q < 75))(
                            _minute(w).updated_prediction, _quoted(m, 2))),
          "the guess for this person after the visit, and the value quoted, are 75% or more (scared), below 25% "
          "(safe) or between"),
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
    Truth(r"^It was (scarier|calmer|at times scarier and at times calmer) than my guess of " + PCTG + ", (?:but I learned|but my guess ended|and my guess moved)",
          lambda w, m: _is_pct(m, 2, _visit_start(w)) and (lambda lo, hi: {
              "scarier": lo >= 0, "calmer": hi <= 0 < -lo, "at times scarier and at times calmer": lo < 0 < hi}[m.group(1)])(
              *_visit_gaps(w)),
          "the visit's fear was at or above the guess on arrival at every minute (scarier), at or below it (calmer), "
          "or some of each"),
    Truth(r"but I learned nothing\.", lambda w: _moved_in_visit_shown(w) == 0,
          "the assessor's guess for the visitor did not move at all during the visit shown"),
    Truth(r"learned almost nothing", lambda w: False,
          "never true as a verdict: a guess that moved is said as where it ended (a full step can be a few points)"),
    Truth(r"but my guess ended the visit where it began\.", lambda w: 0 < _moved_in_visit_shown(w)
          and shown_percent(_visit_end(w)) == shown_percent(_visit_shown(w).predicted_fear_at_start),
          "the assessor's guess for the visitor moved during the visit shown and ended it where it began, as shown"),
    Truth(r"and my guess moved to " + PCTG + r"\.", lambda w, m: _is_pct(m, 1, _visit_end(w))
          and shown_percent(_visit_end(w)) != shown_percent(_visit_shown(w).predicted_fear_at_start),
          "the assessor's guess for the visitor ended the visit shown at the share quoted, not where it began, as shown"),
    Truth(r"^My guess was off\. Updating: next time", lambda w: learns(w.result, _moment(w)) and abs(
              shown_percent(_visit_end(w)) - shown_percent(_visit_shown(w).predicted_fear_at_start)) >= 5,
          "at the visit's end the guess for the visitor stood 5 points or more (as shown) from where it began, which the "
          "diagram's ground-truth wire shows as learning"),
    Truth(r"^\(learning\)$", lambda w: learns(w.result, _moment(w)),
          "on leaving, the guess for the visitor stood apart from its value on arrival, as shown, at some minute of the "
          "visit; at any other step, that minute's update moved it by more than 0.001"),
    Truth(r"My guesses held up; little to learn\.|ended close to where it started",
          lambda w: abs(shown_percent(_visit_end(w)) - shown_percent(_visit_shown(w).predicted_fear_at_start)) < 5,
          "the guess for the visitor ended the visit under 5 points (as shown) from where it began"),
    Truth(r"My guesses held up; little to learn\.", lambda w: shown_moved(w.result, _visit_shown(w)) < 5
          and max(abs(g) for g in _visit_gaps(w)) < 0.1,
          "the guess for the visitor never stood 5 points (as shown) from where it began during the visit, and the fear "
          "felt was within 10 points of the guess on arrival at every minute"),
    Truth(r"past the 25% line: next time with this person, (expect to feel safe|be more wary than before)",
          lambda w, m: _crossed_safe(w) and (m.group(1) == "expect to feel safe") == confident_safe(_visit_end(w)),
          "the guess for the visitor, as shown, ended the visit on the other side of 25% from where it began"),
    Truth(r"^My guess moved only from " + PCTG + " to " + PCTG + ", but past",
          lambda w, m: (_is_pct(m, 1, _visit_start(w)) and _is_pct(m, 2, _visit_end(w))
                        and max(_swing_points(w)) < 5),
          "the guess for the visitor, as shown, went from the first value quoted on arrival to the second at the end "
          "of the visit shown, and at no minute of it stood 5 points or more from where it began"),
    Truth(r"^My guess moved from " + PCTG + " to " + PCTG + ", past",
          lambda w, m: (_is_pct(m, 1, _visit_start(w)) and _is_pct(m, 2, _visit_end(w))
                        and abs(_quoted(m, 2) - _quoted(m, 1)) == max(_swing_points(w)) >= 5),
          "the guess for the visitor, as shown, went from the first value quoted on arrival to the second at the end "
          "of the visit shown, 5 points or more, and at no minute of it stood further from where it began"),
    Truth(r"^My guess swung as far as " + PCTG + " during the visit but ended at " + PCTG + ", past",
          lambda w, m: (_is_pct(m, 2, _visit_end(w)) and max(_swing_points(w)) >= 5
                        and abs(_quoted(m, 1) - shown_percent(_visit_start(w))) == max(_swing_points(w))
                        and any(_is_pct(m, 1, x.updated_prediction) for x in _visit_minutes(w))),
          "during the visit shown the guess for the visitor reached the first value quoted, as shown, at least 5 "
          "points from where it began and further than at any other minute, and it ended the visit at the second"),
    Truth(r"^never$", lambda w: bool(_visits(w, began_relaxed=False)),
          "a visit in which the circuit never switched to relaxed, and the child was scared throughout"),
    Truth(r"^no need: relaxed on arrival$", lambda w: bool(_visits(w, began_relaxed=True)),
          "a visit in which the circuit never switched to relaxed, and the child was relaxed throughout"),
    Truth(r"^scared$", lambda w: w.result.encounters[-1].fear_at_start >= 0.5,
          "the last visit starts with fear of 50% or more"),
    Truth(r"^relaxed$", lambda w: w.result.encounters[-1].fear_at_start < 0.5,
          "the last visit starts with fear under 50%"),
)
_HOW = r"(relaxed from the start|(\d+) minutes?, scared throughout|scared for (\d+) minutes?, then relaxed for (\d+) minutes?)"
_CLAUSE = re.compile(r"(visits?) (\d+(?: to \d+| and \d+|(?:, \d+)* and \d+)?) \((each )?" + _HOW
                     + r"\) (raised it to|lowered it to|left it at) ((?:just under )?\d+(?:\.\d+)?%(?:, then (?:just under )?\d+(?:\.\d+)?%)*)")


def _named_visits(words: str) -> list[int]:
    """The visits a phrase names: '2', '2 and 3', '2 to 5', '1, 3 and 4'."""
    if " to " in words:
        a, b = (int(x) for x in words.split(" to "))
        return list(range(a, b + 1)) if b - a >= 2 else []
    return [int(x) for x in re.findall(r"\d+", words)]


def _went_as_said(w: Walk, m: re.Match) -> bool:
    """The guess for the earlier visitor started at the value quoted, and the clauses name every visit before the last,
    in order, each as it went minute by minute (relaxed throughout; scared throughout, for the minutes quoted; or scared
    for the minutes quoted, then relaxed for the rest), with the guess at its end, as shown, higher, lower or the same
    as on arrival, as the verb says, and at the value quoted."""
    r = w.result
    es = r.encounters
    if (m.group(1) == "the first stranger") != (es[-1].person == 1) or any(e.person != 0 for e in es[:-1]):
        return False
    if not _quoted(m, 2) == shown_percent(NEUTRAL) == shown_percent(es[0].predicted_fear_at_start):
        return False
    parts = m.group(3).split("; ")
    named: list[int] = []
    for part in parts:
        c = _CLAUSE.fullmatch(part)
        if c is None:
            return False
        visits = _named_visits(c.group(2))
        many = len(visits) > 1
        if not visits or (c.group(1) == "visits") != many or bool(c.group(3)) != many:
            return False
        values = c.group(9).split(", then ")
        if len(values) != (1 if c.group(8) == "left it at" else len(visits)):
            return False
        for k, i in enumerate(visits):
            if not 1 <= i < len(es):
                return False
            e = es[i - 1]
            scared = [x.fear >= 0.5 for x in r.minutes[e.start:e.end]]
            how = c.group(4)
            if how == "relaxed from the start":
                went = not any(scared)
            elif c.group(5):
                went = all(scared) and len(scared) == int(c.group(5))
            else:
                went = scared == [True] * int(c.group(6)) + [False] * int(c.group(7)) and int(c.group(7)) > 0
            before, after = shown_percent(e.predicted_fear_at_start), shown_percent(e.prediction_after)
            verb = {"raised it to": after > before, "lowered it to": after < before, "left it at": after == before}
            if not (went and verb[c.group(8)] and _reads(values[min(k, len(values) - 1)], e.prediction_after)):
                return False
        named += visits
    return named == list(range(1, len(es)))


def _scared_throughout(w: Walk) -> list[int]:
    """The visits before the last in which the child was scared at every minute."""
    r = w.result
    return [e.index for e in r.encounters[:-1] if all(x.fear >= 0.5 for x in r.minutes[e.start:e.end])]


ENDING = (
    Truth(r"starts out relaxed: the fear assessor predicts " + PCTG + r" on arrival(, below 25%)?, so",
          lambda w, m: (w.result.encounters[-1].fear_at_start < 0.5 and _quoted(m) < 25
                        and (m.group(2) is None) == m.group(1).startswith("just under")
                        and w.result.encounters[-1].predicted_fear_at_start < CONFIDENT_SAFE
                        and _is_pct(m, 1, w.result.encounters[-1].predicted_fear_at_start)),
          "the last visit starts relaxed, with a prediction on arrival below 25%, as is the value quoted"),
    Truth(r"starts out scared: the fear assessor predicts " + PCTG + r" on arrival, not below 25%",
          lambda w, m: (w.result.encounters[-1].fear_at_start >= 0.5 and _quoted(m) >= 25
                        and w.result.encounters[-1].predicted_fear_at_start >= CONFIDENT_SAFE
                        and _is_pct(m, 1, w.result.encounters[-1].predicted_fear_at_start)),
          "the last visit starts scared, with a prediction on arrival of 25% or more, as is the value quoted"),
    Truth(r"On the last visit \(visit (\d+), (a different|the same) stranger\)",
          lambda w, m: (int(m.group(1)) == len(w.result.encounters)
                        and (w.result.encounters[-1].person == 1) == (m.group(2) == "a different")),
          "the number of visits, and whether the last visitor is someone new"),
    Truth(r"The guess for (this person|the first stranger) started at " + PCTG + r": ((?:[^.]|\.(?=\d))*)\.", _went_as_said,
          "the guess for the earlier visitor (the first stranger, where the last visitor is new) started at the value "
          "quoted; every visit before the last is named in order, as it went minute by minute (relaxed from the "
          "start; scared throughout, for the minutes quoted; or scared for the minutes quoted, then relaxed for the "
          "rest), and the guess at its end, as shown, is the value quoted: higher than on arrival (raised), lower "
          "(lowered) or the same (left)"),
    Truth(r"The fear assessor learned nothing: its guesses never moved from " + PCTG,
          lambda w, m: (_quoted(m) == shown_percent(NEUTRAL) and not _anything_learned(w.result)),
          "no minute moved the assessor's guess for anyone from where every guess starts, the value quoted"),
    Truth(r"The child never relaxed: (this|each) stranger's friendliness, ([\d.]+), is below the ([\d.]+) the child "
          r"needs to feel safe to play",
          lambda w, m: ((m.group(1) == "each") == (w.result.encounters[-1].person == 1)
                        and all(x.fear >= 0.5 and x.play == float(m.group(2))
                                for x in w.result.minutes if x.person >= 0)
                        and float(m.group(2)) < float(m.group(3)) == PLAY_THRESHOLD),
          "the child was scared at every minute of every visit, the last included, and the play assessor's reading "
          "of every visitor (its friendliness: 'each' where the last visitor is new) is the value quoted, below the "
          "threshold quoted, the circuit's"),
    Truth(r"needs to feel safe to play, and (visits?) ([\d, and to]+) (?:was|were) too short to relax in anyway \(the "
          r"habituation circuit lets the child relax only after (\d+) scared minutes?\)",
          lambda w, m: (_named_visits(m.group(2)) == [e.index for e in w.result.encounters[:-1]
                                                      if e.end - e.start <= w.result.habituation] != []
                        and (m.group(1) == "visits") == (len(_named_visits(m.group(2))) > 1)
                        and int(m.group(3)) == w.result.habituation),
          "the visits named, and only those, before the last lasted no longer than the habituation time quoted"),
    Truth(r"(Visits?) ([\d, and to]+) (?:was|were) too short to relax in: the habituation circuit lets the child relax "
          r"only after (\d+) scared minutes?",
          lambda w, m: (_named_visits(m.group(2)) == _scared_throughout(w) != []
                        and (m.group(1) == "Visits") == (len(_scared_throughout(w)) > 1)
                        and int(m.group(3)) == w.result.habituation
                        and all(len(w.result.minutes[e.start:e.end]) <= w.result.habituation
                                and not any(x.habituated for x in w.result.minutes[e.start:e.end])
                                for e in w.result.encounters if e.index in _scared_throughout(w))),
          "the visits named are exactly those before the last in which the child was scared at every minute; each "
          "lasted no longer than the habituation time (quoted), and the habituation circuit never fired in them"),
    Truth(r"Each minute, the guess for the person present moves (all the way to|([\d.]+) of the way toward) the fear "
          r"the child felt: 100% while scared, 0% once the circuit stands down, and the guess itself while the circuit "
          r"defers, which leaves it where it was\. So a visit's last minutes count most",
          lambda w, m: _learns_by(w, 1.0 if m.group(2) is None else float(m.group(2))),
          "every minute with someone present moved the guess for that person the share quoted (all of it) of the way "
          "from where it was toward the fear felt, which was full (1) at every scared minute, 0 wherever the circuit "
          "stood down and the guess itself wherever it deferred; the share is above 0"),
    Truth(r"Nothing learned about the first stranger carries over to a new face \(carry-over 0\): its guess reads "
          + PCTG + ", where every stranger's starts",
          lambda w, m: (w.result.encounters[-1].person == 1 and w.result.generalisation == 0
                        and _quoted(m) == shown_percent(NEUTRAL) and all(p == NEUTRAL for p in _new_face_before(w))),
          "the last visitor is new, the carry-over is 0, and the new face's guess never moved before it arrived"),
    Truth(r" It (rose|fell) even though the first stranger's guess ended (below|above) where it started, at " + PCTG
          + r": moving more slowly, a new face's guess weighs earlier minutes more than that one does, and (\d+) of the "
          r"(\d+) minutes with the first stranger were scared\.",
          lambda w, m: (lambda r, new, old, start, first: (
              r.encounters[-1].person == 1 and 0 < r.generalisation < 1 and r.lr > 0
              and (new > start if m.group(1) == "rose" else new < start)
              and (old < start if m.group(2) == "below" else old > start)
              and _is_pct(m, 3, r.encounters[-2].prediction_after)
              and int(m.group(4)) == sum(x.fear >= 0.5 for x in first) and int(m.group(5)) == len(first)))(
              w.result, shown_percent(w.result.encounters[-1].predicted_fear_at_start),
              shown_percent(w.result.encounters[-2].prediction_after), shown_percent(NEUTRAL),
              [x for x in _earlier_minutes(w) if x.person == 0]),
          "the last visitor is new; as shown, a new face's guess rose from where every guess starts while the first "
          "stranger's ended below it (or fell while that one ended above), at the share quoted; the new face's guess "
          "moves a carry-over share under 1 of the first stranger's step, so the earlier minutes weigh more in it; the "
          "minutes with the first stranger and the scared ones among them, counted"),
    Truth(r"Every minute with the first stranger also moved a new face's guess toward the fear the child felt, at "
          r"(the full|([\d.]+) of that) learning rate \((all the way|(about )?([\d.]+) of the way) each minute\): it "
          r"(?:(rose|fell) from " + PCTG + " to " + PCTG + r"|reads " + PCTG
          + r", where it started(?:, after going " + SWINGS + r" on the way)?)\.",
          lambda w, m: (w.result.encounters[-1].person == 1
                        and _spills_by(w, 1.0 if m.group(2) is None else float(m.group(2)))
                        and _says_step(m, 4, w.result.lr * (1.0 if m.group(2) is None else float(m.group(2))))
                        and (lambda new, start: (
                            m.group(6) is not None and _quoted(m, 7) == start
                            and _is_pct(m, 8, new) and (_quoted(m, 8) > start) == (m.group(6) == "rose")
                            and _quoted(m, 8) != start)
                            or (m.group(6) is None and _quoted(m, 9) == start == shown_percent(new)
                                and (says_swings(m, 10, _new_face_before(w), NEUTRAL) if m.group(10)
                                     else not swings(_new_face_before(w), NEUTRAL))))(
                            w.result.encounters[-1].predicted_fear_at_start, shown_percent(NEUTRAL))),
          "the last visitor is new; every minute before its visit moved the new face's guess toward the fear felt, by "
          "the share quoted of the learning rate (all of it, at the full rate), and that share is above 0; the share "
          "of the way each minute quoted is that share times the learning rate; the new face's guess on arrival, as "
          "shown, rose or fell from where every stranger's starts to "
          "the value quoted, or reads where it started, having reached on the way the highest and lowest values quoted "
          "(each said only where it reads differently)"),
)

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
    y = [wrap(o.scenario.short, 14) for o in outcomes]   # two lines each, so six fit a compact chart
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


def runs(hours: list[bool]) -> list[tuple[int, int]]:
    """The stretches [from, to) of the hours that are true."""
    out: list[tuple[int, int]] = []
    for h, on in enumerate(hours):
        if on and out and out[-1][1] == h:
            out[-1] = (out[-1][0], h + 1)
        elif on:
            out.append((h, h + 1))
    return out


def _at_the_end(o: Outcome) -> tuple[list[str], float]:
    """The objects near the gosling at the end that it rates highest, and that rating: what the follow circuit weighs."""
    near = [obj for obj in ("mother", "boot") if nearby(o.scenario, obj, HOURS - 1)]
    top = max(o.ratings[obj] for obj in near)
    return [obj for obj in near if o.ratings[obj] == top], top


def short_of_following(o: Outcome, output: str) -> str:
    """Why a gosling that would follow the assessor follows nothing: the rating it reached against the level the
    follow circuit needs (one hour of learning rates an object at exactly 50%, and following needs more)."""
    if output != "follow" or o.follows != "nothing":
        return ""
    objects, top = _at_the_end(o)
    named = "mother and boot" if len(objects) > 1 else f"the {objects[0]}"
    return f"it rates {named} {share(top)}{' each' if len(objects) > 1 else ''}, and the follow circuit needs over {pct(FOLLOW_AT)}"


SHORT_OF_FOLLOWING = Truth(
    r"it rates (the mother|the boot|mother and boot) ((?:under |over )?\d+%)( each)?, and the follow circuit needs over "
    r"(\d+%)",
    lambda o, m: m.group(4) == pct(FOLLOW_AT) and any(
        x.follows == "nothing" and _at_the_end(x)[1] <= FOLLOW_AT and share(_at_the_end(x)[1]) == m.group(2)
        and (("mother and boot" if len(_at_the_end(x)[0]) > 1 else f"the {_at_the_end(x)[0][0]}") == m.group(1))
        and bool(m.group(3)) == (len(_at_the_end(x)[0]) > 1) for x in o),
    "a gosling follows nothing although the objects named, near it at the end, are the ones it rates highest, at the "
    "share quoted, no higher than the level the follow circuit needs (quoted)")


def score_view(outcomes: tuple[Outcome, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    """The six verdicts, each with its gosling's 48 hours: what was nearby when, and the hours its assessor could learn."""
    learning = runs([may_learn(values["when"], h, values["window_start"], values["window_end"]) for h in range(HOURS)])
    return {
        "score": score(outcomes), "total": len(outcomes), "hours": HOURS, "learning": learning,
        "rows": [{"title": o.scenario.title, "short": o.scenario.short.split(". ", 1)[-1], "passes": o.passes,
                  "follows": FOLLOWS[o.follows], "real": FOLLOWS[o.scenario.real],
                  "why": short_of_following(o, values["output"]),
                  "seen": {obj: runs([nearby(o.scenario, obj, h) for h in range(HOURS)]) for obj in ("mother", "boot")}}
                 for o in outcomes],
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


# The choices drawn on the mechanism (panel_mechanism.html): (value, short label on the drawing, words for its link).
PICKS = {
    "when": (("always", "Always", "learning at every hour"), ("window", "In a window", "learning only in a window"),
             ("never", "Never", "never learning")),
    "trainer": (("none", "Nothing", "no trainer"), ("warmth", "Warmth sensor", "a warmth sensor as the trainer"),
                ("innate", "Innate detector", "an innate detector as the trainer")),
    "output": (("ignore", "Ignore it", "ignoring the assessor"),
               ("follow", "Follow it", "following whatever the assessor rates as mother-like")),
}


def pick_options(name: str) -> tuple[tuple[str, str], ...]:
    """The controls' options below the drawing, in the drawing's own words (page.py), so a choice has one name."""
    return tuple((value, label) for value, label, _ in PICKS[name])


def picks(values: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each choice on the drawing: its parameter and value, its label, whether it is the one shown, and what choosing
    it does (its link's accessible name, which begins with the label it shows)."""
    out = {}
    for name, options in PICKS.items():
        out[name] = []
        for value, label, words in options:
            chosen = values[name] == value
            if value == "window" and chosen:   # its hours, where they count (the label stays the control's; the bubble says them)
                words = f"learning only from hour {values['window_start']} to hour {values['window_end']}"
            out[name].append({"name": name, "value": value, "label": label, "chosen": chosen,
                              "says": f"{label}: {words}, {'chosen' if chosen else 'choose it and hatch again'}"})
    return out


def mechanism_view(outcomes: tuple[Outcome, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    when = values["when"]
    learns = {"always": "Learns at every hour.", "never": "Never learns.",
              "window": (f"Learns only from hour {values['window_start']} to hour {values['window_end']}."
                         if values["window_start"] < values["window_end"] else "Its window is empty: it never learns.")}[when]
    trainer, trainer_text, trainer_said = TRAINER_WORDS[values["trainer"]]
    return {"trainer": trainer, "trainer_text": trainer_text, "trainer_said": trainer_said, "trainer_on": values["trainer"] != "none",
            "learns": learns, "learning_on": when != "never" and not (when == "window" and values["window_start"] >= values["window_end"]),
            "follows": values["output"] == "follow", "picks": picks(values),
            "follow_text": ("Makes the gosling follow whatever the assessor rates as mother-like."
                            if values["output"] == "follow" else "Ignores the assessor: the gosling follows nothing.")}
IMPRINTING_TRUTHS = (*IMPRINTING_TRUTHS, SHORT_OF_FOLLOWING)
