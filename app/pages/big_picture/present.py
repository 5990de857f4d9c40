"""Presenters for the big-picture page: the diagram's words at each step, the figures, tables,
live numbers, claims and API payloads. Pure functions of the models' results."""
from __future__ import annotations

import re
from typing import Any, Literal, Mapping

import numpy as np
from pydantic import BaseModel, Field

from app import figkit as kit
from app import wording
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, join_and, num, pct, points, signed, upper_first

from .model import (DT, INDIFFERENT, OVERRIDE_AT, THOUGHT_LR, AlignmentResult, PredictorRun, PreferenceRun,
                    Plan, Thought, shown, stance)


def quoted(m: re.Match, group: int = 1) -> float:
    """A number a sentence quotes ('+0.30', '-0.05', '0.00', '48%'), as a float."""
    return float(m.group(group).replace("−", "-").rstrip("%"))


def says(m: re.Match, value: float, places: int = 2, group: int = 1) -> bool:
    """The quoted number is `value` as rounded for display (to `places` decimals; a percentage to whole points)."""
    text = m.group(group)
    if text.endswith("%"):
        return abs(quoted(m, group) - 100 * value) <= 0.5 + 1e-9
    return abs(quoted(m, group) - value) <= 0.5 * 10 ** -places + 1e-9


# ------------------------------------------------------------------------------ one thought

# (id, title, parts lit): one thought, start to finish. Each box and wire of the diagram belongs
# to the step that explains it (PART_STEP), so tapping it jumps there.
STEPS = (
    ("sensory", "Sensory input arrives", ("sensory", "w_sensory_gen", "w_sensory_steer")),
    ("generator", "The Thought Generator proposes a thought", ("generator",)),
    ("assessors", "The Thought Assessors guess", ("w_thought", "assessors")),
    ("guesses", "The guesses go down", ("w_guesses",)),
    ("steering", "The Steering Subsystem decides", ("steering",)),
    ("valence", "Valence goes back up: keep or discard", ("w_valence", "generator")),
    ("learning", "Ground truth goes back up: the assessors learn", ("w_truth", "assessors")),
)
PART_STEP = {"sensory": 1, "w_sensory_gen": 1, "w_sensory_steer": 1, "generator": 2, "w_thought": 3,
             "assessors": 3, "w_guesses": 4, "steering": 5, "w_valence": 6, "w_truth": 7}
PART_NAMES = {"sensory": "Sensory input", "w_sensory_gen": "sensory input to the Thought Generator",
              "w_sensory_steer": "sensory input to the Steering Subsystem", "generator": "Thought Generator",
              "w_thought": "the thought, to the Thought Assessors", "assessors": "Thought Assessors",
              "w_guesses": "the guesses, down to the Steering Subsystem", "steering": "Steering Subsystem",
              "w_valence": "actual valence, up to the Thought Generator",
              "w_truth": "ground truth, up to the Thought Assessors"}


def step_count(t: Thought) -> int:
    return len(STEPS)


def verdict(t: Thought) -> str:
    # The verdict is already the two-decimal value shown (model.one_thought), so the threshold is compared as read.
    if t.mode == "override":
        return (f"its own verdict ({signed(t.innate)}) is strong enough to override the guess "
                f"(±{num(OVERRIDE_AT, 1)} or more), so the actual valence is {signed(t.valence)}")
    return (f"its own verdict ({signed(t.innate)}) is too weak to override (under ±{num(OVERRIDE_AT, 1)}), "
            f"so it defers to the guess: the actual valence is {signed(t.valence)}")


def after_text(t: Thought) -> str:
    """The guess after learning, with a third decimal where two would make it look like the guess or the target."""
    two = signed(t.valence_guess_after)
    if _unchanged(t):    # nothing to correct: the guess stays as it is
        return two
    return signed(t.valence_guess_after, 3) if two in (signed(t.valence_guess), signed(t.valence)) else two


def learning_sentence(t: Thought, subject: str) -> str:
    """What the valence assessor learns from this thought (the learning claim, and step 7 of the walkthrough)."""
    if t.mode == "defer":
        return (f"{subject} deferred, so the valence assessor's training target was its own guess, and it stays at "
                f"{signed(t.valence_guess)}: nothing tells it whether the guess was right.")
    if _unchanged(t):
        return (f"{subject} overrode, but with the value the assessor had guessed ({signed(t.valence_guess)}), so "
                f"there is nothing to correct.")
    return (f"{subject} overrode, so the valence assessor is corrected: its guess moves from "
            f"{signed(t.valence_guess)} toward the actual valence {signed(t.valence)}, to {after_text(t)}.")


def step_text(t: Thought, n: int) -> str:
    """The explanation of step n, worded from this thought's numbers."""
    return {
        1: "A cookie comes into view. The signal goes both to the Thought Generator and to the Steering "
           "Subsystem's own hard-wired sensory processing, which can react without any learned help.",
        2: "The Thought Generator puts forward a thought: “eat the cookie”. A thought here is a whole "
           "package: a plan, what it is about, what it expects to happen.",
        3: f"Each Thought Assessor guesses one Steering Subsystem signal from the thought: valence "
           f"{signed(t.valence_guess)}; {pct(t.sugar_guess)} that it will taste of sugar; {pct(t.fear_guess)} "
           f"that it will be scary.",
        4: "The guesses travel down to the Steering Subsystem. It cannot read the thought itself; these "
           "guesses are all it learns about it.",
        5: f"The Steering Subsystem weighs the guesses against its own state (hunger {pct(t.hunger)}). "
           f"In our toy rule {verdict(t)}.",
        6: (f"The actual valence ({signed(t.valence)}) goes back up to the Thought Generator. "
            + ("It is positive, so the thought is kept: the plan goes ahead and the hand reaches for the cookie."
               if t.kept else "It is zero, so nothing keeps the thought going: it is not acted "
                              "on, and the Thought Generator drifts on to another one." if t.valence == 0 else
               "It is negative, so the thought is discarded, and the Thought Generator tries another one.")),
        7: "The Steering Subsystem's signals go back up as each assessor's training target. "
           + learning_sentence(t, "The Steering Subsystem"),
    }[n]


def thought_view(t: Thought, values: Mapping[str, Any]) -> dict[str, Any]:
    n = min(max(int(values["step"]), 1), len(STEPS))
    sid, title, lit = STEPS[n - 1]
    # Numbers appear in the drawing from the step that produces them.
    say = {
        "thought": ("“Eat the cookie?”" if n < 6 else "Kept: reach for it." if t.kept
                    else "Not acted on: drift to another." if t.valence == 0 else "Discarded: try another."),
        # The description names the thought and, once the valence is back, what became of it.
        "thought_said": "“Eat the cookie?”" + ("" if n < 6 else ", now kept (the hand reaches for it)" if t.kept
                                              else ", now not acted on (it drifts on to another)"
                                              if t.valence == 0 else ", now discarded (it tries another)"),
        "rows": [["valence guess", (signed(t.valence_guess) if n < 7 else after_text(t)) if n >= 3 else ""],
                 ["“I'll taste sugar”", pct(t.sugar_guess) if n >= 3 else ""],
                 ["“I'll be scared”", pct(t.fear_guess) if n >= 3 else ""]],
        "steer": (f"Hunger {pct(t.hunger)}. " + ("" if n < 5 else
                  f"Verdict {signed(t.innate)}: " + ("override." if t.mode == "override" else "defer."))),
        "valence": signed(t.valence) if n >= 5 else "",
    }
    links = {part: (f"?{query_with(values, step=s)}#widget-thought", ("form-thought", f"step={s}"),
                    f"{PART_NAMES[part]}: step {s}, {STEPS[s - 1][1].lower()}")
             for part, s in PART_STEP.items()}
    return {"step": n, "count": len(STEPS), "title": title, "text": step_text(t, n), "lit": lit, "say": say,
            "links": links, "view": values["view"], "colour": values["colour"]}


def query_with(values: Mapping[str, Any], **changes: Any) -> str:
    from urllib.parse import urlencode
    merged = {**values, **changes}
    return urlencode([(k, v if isinstance(v, str) else f"{v:g}") for k, v in merged.items()])


VALENCE_BARS = (("valence_guess", "guess", kit.BLUE, kit.DOTS), ("innate", "innate<br>verdict", kit.GREY, kit.HATCH),
                ("valence", "actual", kit.VERMILION, kit.SOLID),
                ("valence_guess_after", "guess<br>after", kit.BLUE, kit.SOLID))


def valence_figure(t: Thought) -> dict:
    # Upright bars: four short labels fit side by side on a phone; above 0 keeps the thought.
    labels = [label for _, label, _, _ in VALENCE_BARS]
    ys = [round(getattr(t, key), 3) for key, *_ in VALENCE_BARS]
    # Each bar is labelled (and hovered) as the sentences say its value: the guess after with its third decimal.
    texts = [signed(t.valence_guess), signed(t.innate), signed(t.valence), after_text(t)]
    data = [{"type": "bar", "x": labels, "y": ys, "showlegend": False,
             "marker": {"color": [c for *_, c, _ in VALENCE_BARS],
                        "pattern": {"shape": [p for *_, p in VALENCE_BARS], "fgcolor": kit.PAPER}},
             "text": texts, "textposition": "outside", "cliponaxis": False,
             "textfont": {"size": 13, "color": kit.INK},
             "hovertemplate": "%{x}: %{text}<extra></extra>"}]
    shapes = [{"type": "rect", "y0": -OVERRIDE_AT, "y1": OVERRIDE_AT, "x0": 0, "x1": 1, "xref": "paper",
               "fillcolor": kit.BAND, "line": {"width": 0}, "layer": "below"},
              {"type": "line", "y0": 0, "y1": 0, "x0": 0, "x1": 1, "xref": "paper",
               "line": {"color": kit.INK, "width": 1.5}}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 48, "l": 10, "r": 10},
        xaxis=kit.axis(tickfont={"size": 13}, tickangle=0),
        yaxis=kit.axis(range=[-1.35, 1.35], zeroline=False, automargin=True,
                       tickvals=[-1, -OVERRIDE_AT, 0, OVERRIDE_AT, 1],
                       ticktext=["discard −1", f"−{OVERRIDE_AT:g}", "0", f"+{OVERRIDE_AT:g}", "keep +1"]),
        shapes=shapes)}


def fate(t: Thought) -> str:
    """What valence does to the thought, as the valence page says it: kept if positive, discarded (thrown out) if
    negative, and at exactly 0 neither: not acted on, so the Thought Generator tries another (the model's `kept`
    is false there)."""
    return "kept" if t.kept else "neither kept nor thrown out" if t.valence == 0 else "discarded"


def thought_summary(t: Thought) -> str:
    return (f"Valence guess {signed(t.valence_guess)}; the innate verdict is {signed(t.innate)}, so the Steering "
            f"Subsystem {'overrides' if t.mode == 'override' else 'defers'}; actual valence {signed(t.valence)}: "
            f"the thought is {fate(t)}; the guess {_guess_after(t)}.")


def _unchanged(t: Thought) -> bool:
    """The actual valence is the guess, as shown (always so when deferring): learning has nothing to correct, and
    the guess stays where it was."""
    return signed(t.valence) == signed(t.valence_guess)


def _guess_after(t: Thought) -> str:
    """The guess after learning, with the verb the learning claim uses: it stays where nothing corrects it."""
    return f"stays at {signed(t.valence_guess)}" if _unchanged(t) else f"becomes {after_text(t)}"


def thought_table(t: Thought) -> Table:
    rows = (("Valence guess (valence Thought Assessor)", signed(t.valence_guess)),
            ("“I'll taste sugar” guess", pct(t.sugar_guess)), ("“I'll be scared” guess", pct(t.fear_guess)),
            ("Hunger (Steering Subsystem state)", pct(t.hunger)),
            ("Innate verdict (our toy rule)", signed(t.innate)),
            ("Mode", "override" if t.mode == "override" else "defer to predictor"),
            ("Actual valence", signed(t.valence)), ("The thought is", fate(t)),
            ("Valence guess after learning", after_text(t)))
    return Table("One thought, start to finish", ("Quantity", "Value"), rows)


def thought_live(t: Thought) -> dict[str, str]:
    return {"innate": signed(t.innate), "valence": signed(t.valence), "after": after_text(t),
            "guess": signed(t.valence_guess), "lr": num(THOUGHT_LR, 1), "override_at": num(OVERRIDE_AT, 1)}


# What the thought widget's phrases assert, as predicates on the model's Thought (never on the wording's
# branches): "overrides" is the innate verdict reaching 0.3 either way and becoming the actual valence.
SIGNED = r"([-+−]?\d+\.\d+)"
OVERRIDES = Truth(r"Subsystem overrides|\boverrode\b|Verdict [-+−]?\d\.\d\d: override\.|^override$",
                  lambda t: abs(t.innate) >= OVERRIDE_AT and t.valence == t.innate,
                  "the innate verdict is at least 0.3 either way and is the actual valence")
DEFERS = Truth(r"Subsystem defers|\bdeferred\b|Verdict [-+−]?\d\.\d\d: defer\.|^defer to predictor$",
               lambda t: abs(t.innate) < OVERRIDE_AT and t.valence == t.valence_guess,
               "the innate verdict is under 0.3 either way and the actual valence is the guess")
ACTUAL = Truth(r"actual valence (?:is |\()?" + SIGNED, lambda t, m: says(m, t.valence),
               "the actual valence quoted is the model's, to two decimals")
KEPT = Truth(r"thought is kept|^kept$|^Kept: reach for it\.$|now kept", lambda t: t.valence > 0,
             "the actual valence is above 0")
DISCARDED = Truth(r"thought is discarded|^discarded$|^Discarded: try another\.$|now discarded", lambda t: t.valence < 0,
                  "the actual valence is below 0")
NEITHER = Truth(r"neither kept nor thrown out|nothing keeps the thought going|^Not acted on: drift|now not acted on",
                lambda t: t.valence == 0 and not t.kept,
                "the actual valence is exactly 0: the thought is not kept (nothing keeps it going, and the Thought "
                "Generator drifts on to another), nor pushed away")
STAYS = Truth(r"its own guess, and it stays at " + SIGNED,
              lambda t, m: t.valence_guess_after == t.valence_guess and says(m, t.valence_guess),
              "the valence guess after learning equals the guess before, as quoted")
CORRECTED = Truth(r"its guess moves from " + SIGNED + " toward the actual valence " + SIGNED + ", to " + SIGNED,
                  lambda t, m: (says(m, t.valence_guess, group=1) and says(m, t.valence, group=2)
                                and says(m, t.valence_guess_after, 3 if len(m.group(3).split(".")[1]) == 3 else 2, group=3)
                                and abs(t.valence - t.valence_guess) >= 0.005),
                  "the guess moves from its value toward a different actual valence, to the value after learning")
NOTHING_TO_CORRECT = Truth(r"with the value the assessor had guessed \(" + SIGNED + r"\), so there is nothing to correct",
                           lambda t, m: says(m, t.valence_guess) and abs(t.valence - t.valence_guess) < 0.005,
                           "the actual valence equals the guess (to two decimals)")
WEAK = Truth(r"verdict \(" + SIGNED + r"\) is too weak to override \(under ±0\.3\)",
             lambda t, m: says(m, t.innate) and abs(quoted(m)) < 0.3 and t.valence == t.valence_guess,
             "the verdict, as shown, is under 0.3 either way and the thought's valence is the guess")
STRONG = Truth(r"verdict \(" + SIGNED + r"\) is strong enough to override the guess \(±0\.3 or more\)",
               lambda t, m: says(m, t.innate) and abs(quoted(m)) >= 0.3 and t.valence == t.innate,
               "the verdict, as shown, is 0.3 or more either way and becomes the actual valence")
INNATE = Truth(r"innate verdict is " + SIGNED + r"|^Verdict " + SIGNED, lambda t, m: says(m, t.innate, group=m.lastindex),
               "the innate verdict quoted is the model's")
BECOMES = Truth(r"the guess becomes " + SIGNED,
                lambda t, m: (says(m, t.valence_guess_after, 3 if len(m.group(1).split(".")[1]) == 3 else 2)
                              and abs(t.valence - t.valence_guess) >= 0.005),
                "the guess after learning quoted is the model's, and the actual valence differs from the guess (to two "
                "decimals), so learning moves it")
GUESS_STAYS = Truth(r"the guess stays at " + SIGNED,
                    lambda t, m: (abs(t.valence - t.valence_guess) < 0.005 and says(m, t.valence_guess)
                                  and says(m, t.valence_guess_after)),
                    "the actual valence equals the guess (to two decimals), so learning leaves it at the value quoted")
THOUGHT_TRUTHS = (WEAK, STRONG, INNATE, BECOMES, GUESS_STAYS)

THOUGHT_CLAIMS = (
    Claim("decision", lambda t: (
        f"At these settings the Steering Subsystem {'overrides' if t.mode == 'override' else 'defers'}, the "
        f"actual valence is {signed(t.valence)}, and the thought is "
        f"{'kept: the hand reaches for the cookie' if t.kept else fate(t)}."),
        truths=(OVERRIDES, DEFERS, ACTUAL, KEPT, DISCARDED, NEITHER)),
    Claim("learning", lambda t: learning_sentence(t, "It"),
          truths=(OVERRIDES, DEFERS, STAYS, CORRECTED, NOTHING_TO_CORRECT)),
)


class ThoughtResponse(WidgetResponse):
    innate_verdict: float = Field(ge=-1, le=1)
    mode: Literal["defer", "override"]
    actual_valence: float = Field(ge=-1, le=1)
    kept: bool
    valence_guess_after: float = Field(ge=-1, le=1)
    step_title: str
    step_text: str


def thought_api(values: Mapping[str, Any], t: Thought) -> dict:
    n = min(max(int(values["step"]), 1), len(STEPS))
    return {"innate_verdict": t.innate, "mode": t.mode, "actual_valence": t.valence,
            "kept": t.kept, "valence_guess_after": t.valence_guess_after, "step_title": STEPS[n - 1][1],
            "step_text": step_text(t, n)}


# ------------------------------------------------------------------------------ long-term predictor

# A legend that remains sits in one line above its plot (issue 34), not at the figure's foot.
TOP_LEGEND = {"orientation": "h", "xref": "container", "yref": "container", "y": 1, "yanchor": "top", "x": 0,
              "entrywidth": 0, "entrywidthmode": "pixels"}


def guess_figure(r: PredictorRun) -> dict:
    trials = list(range(r.trials + 1))
    guesses = [round(float(x), 4) for x in r.cue_guesses()]
    overrides = [t + 1 for t in range(r.trials) if r.overridden[t]]
    # Hover values in whole percentages, as the sentences, summary, live numbers and table write the same guesses.
    data = [
        {"type": "scatter", "mode": "lines", "name": "guess at cue", "x": trials, "showlegend": False, "y": guesses,
         "customdata": [pct(g) for g in r.cue_guesses()],
         "line": {"color": kit.BLUE, "width": 3}, "hovertemplate": "after trial %{x}: %{customdata}<extra></extra>"},
        {"type": "scatter", "mode": "lines", "name": "how often it came", "x": [0, r.trials], "showlegend": False,
         "y": [round(r.observed, 4)] * 2, "customdata": [pct(r.observed)] * 2,
         "line": {"color": kit.VERMILION, "dash": "dash", "width": 2},
         "hovertemplate": "observed rate %{customdata}<extra></extra>"},
        {"type": "scatter", "mode": "markers", "name": "override", "x": overrides,
         "y": [-0.06] * len(overrides), "marker": {"symbol": "line-ns-open", "size": 8, "color": kit.INK},
         "hovertemplate": "override in trial %{x}<extra></extra>", "cliponaxis": False},
    ]
    # Each line labelled at its end; the override ticks keep a one-item legend above the plot.
    labels = kit.end_labels(data[:2], ["guess at cue", "how often it came"], y_range=(-0.1, 1.05))
    return {"data": data, "layout": kit.layout(
        margin={"t": 28, "b": 44, "l": 66, "r": 8}, annotations=labels,
        xaxis=kit.axis("trial", range=[0, r.trials]),
        yaxis=kit.axis("chance of the outcome", title_size=13, range=[-0.1, 1.05], tickformat=".0%"),
        legend=TOP_LEGEND)}


def signal_figure(r: PredictorRun) -> dict:
    pad = 2
    x = list(range(-pad, r.delay + pad + 1))

    def trace(signal, name, colour, dash):
        y = [0.0] * pad + [round(float(v), 4) for v in signal] + [0.0] * pad
        said = ["0%"] * pad + [pct(v) for v in signal] + ["0%"] * pad
        return {"type": "scatter", "mode": "lines", "name": name, "x": x, "y": y, "customdata": said,
                "line": {"color": colour, "dash": dash, "width": 3, "shape": "hv"},
                "hovertemplate": name + ", step %{x}: %{customdata}<extra></extra>"}
    data = [trace(r.signals[0], "first trial", kit.GREY, "dot"), trace(r.signals[-1], "last trial", kit.VERMILION, "solid")]
    shapes = [{"type": "line", "x0": x0, "x1": x0, "y0": 0, "y1": 1, "yref": "paper",
               "line": {"color": kit.INK, "width": 1, "dash": "dot"}} for x0 in (0, r.delay)]
    # "outcome" sits a line above "cue", so the two never collide when the delay is one step.
    annotations = [{"x": 0, "y": 1, "yref": "paper", "yanchor": "bottom", "xanchor": "left", "text": " cue",
                    "showarrow": False, "font": {"size": 13}},
                   {"x": r.delay, "y": 1, "yref": "paper", "yanchor": "bottom", "xanchor": "right",
                    "yshift": 18, "text": "outcome ", "showarrow": False, "font": {"size": 13}}]
    # Both lines end at 0, so end labels would say nothing: a one-line legend above the cue and outcome marks.
    return {"data": data, "layout": kit.layout(
        margin={"t": 66, "b": 44, "l": 66, "r": 8},
        xaxis=kit.axis("steps after the cue", range=[-pad - 0.5, r.delay + pad + 0.5]),
        yaxis=kit.axis("signal sent", title_size=13, range=[-0.05, 1.05], tickformat=".0%"), legend=TOP_LEGEND,
        shapes=shapes, annotations=annotations)}


def _swing(r: PredictorRun, upto: int | None = None) -> int:
    """The furthest the guess at the cue went from where it started, in points as shown (up to trial `upto`)."""
    return max(gap_points(g, r.initial) for g in r.cue_guesses()[:None if upto is None else upto + 1])


def _checks_came_back(r: PredictorRun) -> bool:
    """The checks moved the guess at the cue away (more than LITTLE points) and it read its start again at the last check."""
    return _swing(r, r.last_check) > LITTLE and pct(r.cue_guesses()[r.last_check]) == pct(r.initial)


def _long_unchecked(r: PredictorRun) -> bool:
    """Deferring, the run went on UNCHECKED trials or more after its last check (which it had), with steps between
    the cue and the outcome to carry anything (at delay 1 an unchecked trial trains the guess toward itself)."""
    return r.mode == "defer" and r.override_count > 0 and r.trials - r.last_check >= UNCHECKED and r.delay > 1


def _unmoved_since_check(r: PredictorRun) -> bool:
    """There was a check, and the guess at the cue, as shown, read the same after the last one as at the end."""
    return r.override_count > 0 and points(r.cue_guesses()[r.last_check]) == points(r.final_guess)


def guess_path(r: PredictorRun) -> str:
    """How the guess at the cue went over the run, as shown: stayed, went from one value to another, or moved and came
    back to where it began (naming how far it went)."""
    start, end = pct(r.initial), pct(r.final_guess)
    if _still(r):
        return f"stayed at {end}"
    if start != end:
        return f"went from {start} before the first trial to {end} after the last"
    return f"moved {wording.swings(r.cue_guesses(), r.initial)} and ended at {end}, where it began"


def predictor_summary(r: PredictorRun) -> str:
    overrode = (f"the innate circuitry overrode {count(r.override_count, 'time')} at the outcome" if r.override_count
                else "the innate circuitry never overrode")
    return (f"Over {count(r.trials, 'trial')} the outcome followed the cue {pct(r.observed)} of the time and "
            f"{overrode}. The guess at the cue {guess_path(r)}; in the last trial the signal at the cue was "
            f"{pct(r.anticipation)}.")


def predictor_table(r: PredictorRun) -> Table:
    every = max(1, r.trials // 20)
    rows = tuple((num(t), pct(r.weights[t, 0]),
                  "" if t == 0 else ("yes" if r.happened[t - 1] else "no"),
                  "" if t == 0 else ("yes" if r.overridden[t - 1] else "no"))
                 for t in sorted(set(range(0, r.trials + 1, every)) | {r.trials}))
    return Table("The guess at the cue after each trial (every trial where they fit; otherwise a sample)",
                 ("After trial", "Guess at the cue", "Outcome happened in that trial", "Override fired"), rows)


def predictor_live(r: PredictorRun) -> dict[str, str]:
    return {"final": pct(r.final_guess), "observed": pct(r.observed), "initial": pct(r.initial),
            "anticipation": pct(r.anticipation), "overrides": num(r.override_count), "trials": num(r.trials)}


CLOSE = 15   # percentage points: a guess this close (as shown, in whole percentages) to the observed rate is "close"
LITTLE = 5   # percentage points: checks that moved the guess this little (as shown) had "little to correct"


def gap_points(a: float, b: float) -> int:
    """The gap between two shares in whole percentage points, as a reader subtracts the two numbers shown."""
    return abs(points(a) - points(b))


def _line_under_5(r: PredictorRun) -> bool:
    """After the last trial every step's guess reads under 5%: with no check, the cue's never reads more."""
    return max(points(g) for g in r.weights[-1]) < 5


def _still_learning(r: PredictorRun) -> bool:
    """Checks came, and either go on to the last trial or left a correction on its way back to the cue."""
    return r.override_count > 0 and (r.checking_at_end or not _line_under_5(r))


def _expected_more_before(r: PredictorRun) -> bool:
    """Before the last trial, the guess at the cue read 5% or more at some point (so 'not yet' would be false)."""
    return max(points(g) for g in r.cue_guesses()[:-1]) >= 5


UNCHECKED = 10   # trials: a stretch this long after the last check is said, with what it did to the guess


def since_last_check(r: PredictorRun) -> str:
    """After the last override, the predictor trains only on its own guesses: said where that stretch is long."""
    if not _long_unchecked(r) or _nothing_corrected(r):
        return ""
    n = r.trials - r.last_check
    path = r.cue_guesses()[r.last_check:]
    then, now = pct(path[0]), pct(r.final_guess)
    if all(pct(g) == now for g in path):
        moved = f"the guess at the cue held at {now}"
    elif then == now:
        moved = f"the guess at the cue moved {wording.swings(path, path[0])} and back to {now}"
    else:
        moved = f"the guess at the cue moved from {then} to {now}" + _on_the_way(path)
    # With no check, each step's guess is trained toward the next step's (the outcome step's toward itself), so
    # what the last checks left near the outcome travels back to the cue, one step a trial.
    return (f" The last check came in trial {num(r.last_check)}; in the {num(n)} trials since, with no check, each "
            f"step's guess was trained only toward the next step's, carrying what the checks had left near the "
            f"outcome back toward the cue: {moved}.")


def _past_ends(path) -> list[tuple[str, str]]:
    """How far a guess went past both its ends on the way between them, as shown, in the order it got there."""
    ends = (points(path[0]), points(path[-1]))
    return wording.swing_parts(path, lambda side, v: points(v) > max(ends) if side == "high" else points(v) < min(ends))


def _on_the_way(path) -> str:
    parts = _past_ends(path)
    return f", going {wording.say_swings(parts)} on the way" if parts else ""


def anticipation_sentence(r: PredictorRun) -> str:
    lead = count(r.delay, "step")
    if r.mode == "override":
        return (f"Overriding throughout, the signal is {pct(r.anticipation)} when the cue appears: the Steering "
                f"Subsystem does not listen to the predictor, so nothing happens until the outcome, {lead} later.")
    if points(r.anticipation) < 5:
        low = f"Deferring, in the last trial the signal was {pct(r.anticipation)} when the cue appeared: "
        if r.observed == 0:
            return low + ("the predictor expected next to nothing, rightly, since the outcome never followed the cue: "
                          "there was nothing to anticipate.")
        if points(r.observed) < 5:
            return low + (f"the predictor expected next to nothing, about right, since the outcome rarely followed "
                          f"the cue ({wording.share(r.observed)} of the time).")
        if _expected_more_before(r) or _still_learning(r):
            expected = ("had come to expect next to nothing" if _expected_more_before(r) else
                        "expected next to nothing yet")
            return low + (f"the predictor {expected}, so nothing was anticipated (the outcome followed "
                          f"the cue {pct(r.observed)} of the time).")
        if r.checking_at_end:   # no check has fired, but one still can: by chance, not for good
            return low + (f"the predictor expected next to nothing yet, and nothing was anticipated: no check on the "
                          f"outcome has come so far, though the outcome followed the cue {pct(r.observed)} of the time.")
        # Nothing left to learn from: no check comes, and no guess along the line reads 5% or more to carry back.
        never = ("with no check on the outcome it will never learn to expect more" if r.override_count == 0 else
                 "with no more checks, and the guesses nearer the outcome under 5% too, it will never learn to "
                 "expect more")
        return low + (f"the predictor expected next to nothing, and {never}: nothing was anticipated, though the "
                      f"outcome followed the cue {pct(r.observed)} of the time.")
    head = (f"Deferring, in the last trial the signal was already {pct(r.anticipation)} when the cue appeared, {lead} "
            f"before the outcome was due")
    if r.observed == 0:
        return f"{head}, but the outcome never followed the cue in these trials: it anticipates an event that does not come."
    gap = gap_points(r.anticipation, r.observed)
    if gap > CLOSE:
        return (f"{head}: a reaction ahead of the event, but that signal was {num(gap)} points off how often the "
                f"event really came ({pct(r.observed)}).")
    near = "the same as" if gap == 0 else _points_from(gap)
    return (f"{head}. That is {near} how often the outcome followed the cue ({pct(r.observed)}): the reaction "
            f"starts ahead of the event.")


def _close_verdict(r: PredictorRun) -> str:
    """What moved a guess that started near the truth: the checks only with moves made up to the last check; its
    net move is the guess's own ('it moved'), since unchecked trials between and after the checks move it too;
    since_last_check says what the unchecked trials after the last check did."""
    moved = count(gap_points(r.initial, r.final_guess), "point")
    if _swing(r) <= LITTLE:
        start_gap, end_gap = gap_points(r.initial, r.observed), gap_points(r.final_guess, r.observed)
        if start_gap <= LITTLE:
            return "so the checks had little to correct."
        if end_gap <= LITTLE:
            return f"and it ended {_from_rate(end_gap)}."
        if _in_transit(r):
            return f"but it is still {count(end_gap, 'point')} off: {NOT_CARRIED}."
        off = (f"it ended further off, {count(end_gap, 'point')} from it" if end_gap > start_gap else
               f"it is still {count(end_gap, 'point')} off")
        return f"but {off}: {_mechanism(r)}."
    if pct(r.initial) == pct(r.final_guess):
        return ("and the checks moved it away and back again." if _checks_came_back(r) else
                "and it moved away and back again.")
    if gap_points(r.initial, r.final_guess) <= LITTLE:
        mover = "the checks moved it" if _swing(r, r.last_check) > LITTLE else "it moved"
        return f"and though {mover} further on the way, it ended only {moved} from where it began."
    end_gap = gap_points(r.final_guess, r.observed)
    if _ended_further(r):   # moved away from the observed rate: 'yet', and why where it ended well off
        if end_gap <= LITTLE:
            return f"yet it still moved {moved}, ending {_from_rate(end_gap)}."
        return f"yet it still moved {moved}, and it ended further off, {count(end_gap, 'point')} from it: {_why_off(r)}."
    # no further from the observed rate than it began (often nearer): a move, not a contrast, and where it ended
    return f"and it moved {moved}, ending {_from_rate(end_gap)}."


def _ended_further(r: PredictorRun) -> bool:
    """The guess at the cue ended further from the observed rate than it started, as shown."""
    return gap_points(r.final_guess, r.observed) > gap_points(r.initial, r.observed)


def _points_from(gap: int) -> str:
    """A gap of `gap` points (more than 0) to the observed rate: 'only 3 points from' (LITTLE or fewer), '9 points from'."""
    return f"only {count(gap, 'point')} from" if gap <= LITTLE else f"{count(gap, 'point')} from"


def _from_rate(gap: int) -> str:
    """Where a guess ended, `gap` points from the observed rate: 'at it', 'only 3 points from it', '9 points from it'."""
    return "at it" if gap == 0 else f"{_points_from(gap)} it"


def persistence_sentence(r: PredictorRun) -> str:
    return _persistence(r) + since_last_check(r)


STEADY = 20   # points: neighbouring steps closer than this form a run a correction travels along (not single outcomes copied)


def _in_transit(r: PredictorRun, within: bool = False) -> bool:
    """After the last trial some step's guess, nearer the outcome, reads more than LITTLE points nearer the observed
    rate than the cue's, along a line whose neighbouring guesses change steadily (under STEADY points apart): a
    correction still on its way back. The step just before the outcome is set aside where it jumps STEADY or more
    from its neighbour (one outcome just copied in at a high learning rate); a line of such copies is not steady. The
    line's end, and where checks have stopped the step just before the outcome itself (with no check the whole line
    settles at its guess), reads within CLOSE points of the rate or more than LITTLE points nearer it than the cue's,
    and never more than LITTLE further: a bump passing along a line whose far end is as far off, or a correction
    that overshoots the rate as far, does not close the gap. `within`: every such end within CLOSE points (where the
    lag is given as why the cue is more than CLOSE points off)."""
    cue, rate = gap_points(r.final_guess, r.observed), points(r.observed)
    line = [points(w) for w in r.weights[-1]]
    ends = [] if r.checking_at_end else [abs(line[-1] - rate)]
    if len(line) > 2 and abs(line[-1] - line[-2]) >= STEADY:
        line = line[:-1]
    ends.append(abs(line[-1] - rate))
    return (any(abs(w - rate) < cue - LITTLE for w in line[1:])
            and all(end <= cue + LITTLE and (end <= CLOSE if within else end <= CLOSE or end < cue - LITTLE)
                    for end in ends)
            and all(abs(a - b) < STEADY for a, b in zip(line, line[1:])))


NOT_CARRIED = "the corrections made at the outcome have not yet carried back to the cue"
FEW = 3      # trials: a check in the last this many is one of "the last few outcomes"
SWAY = 2     # points: a last-trial move of the guess at the cue this large (as shown) is a sway, not a drift


def _checked_lately(r: PredictorRun) -> bool:
    """A check in one of the last FEW trials has reached the guess at the cue: a correction at the outcome moves the
    step before it at once and each step nearer the cue one trial later, so it reaches the cue `delay` - 1 trials on."""
    trials = len(r.overridden)
    first, last = max(trials - FEW, 0), trials - r.delay
    return last >= first and bool(r.overridden[first:last + 1].any())


def _last_move(r: PredictorRun) -> str:
    """What moved the guess at the cue in the last trial: outcomes checked lately, else earlier corrections."""
    if not _checked_lately(r):
        return "corrections made at the outcome earlier are still carrying back to it"
    return ("the last few outcomes still sway it" if gap_points(r.anticipation, r.final_guess) >= SWAY else
            "the last few outcomes still move it")


def _why_off(r: PredictorRun) -> str:
    """Why a checked guess at the cue sits well off the observed rate: a correction still on its way back, else
    the checks' pull toward single outcomes."""
    return NOT_CARRIED if _in_transit(r) else _mechanism(r)


def _mechanism(r: PredictorRun) -> str:
    """Why a checked guess can sit off the observed rate: each check pulls toward one trial's outcome, not the rate."""
    way = "all the way to" if r.lr == 1 else f"{pct(r.lr)} of the way toward"
    return (f"each check moves the guess just before the outcome {way} that one trial's outcome (0% or 100%), not "
            f"toward how often the outcome happens")


def _persistence(r: PredictorRun) -> str:
    if r.mode == "override":
        return (f"Overriding throughout, the predictor is trained only on what the innate circuitry does one step "
                f"later; its guess at the cue ends at {pct(r.final_guess)}, and nothing uses it.")
    started_close = gap_points(r.initial, r.observed) <= CLOSE
    if r.override_count == 0:
        verdict = ("Here the guess happens to be the truth, as shown, but nothing ever checked it."
                   if gap_points(r.initial, r.observed) == 0 else
                   f"Here the guess happens to be within {CLOSE} points of the truth, but nothing ever checked it."
                   if started_close else
                   f"A wrong guess, more than {CLOSE} points off, kept alive because the system takes its word for it: "
                   f"a self-fulfilling prophecy.")
        return (f"Nothing ever overrode, so the predictor was trained only on its own guesses: the guess at the cue "
                f"is still {pct(r.final_guess)} after {count(r.trials, 'trial')}, while the outcome followed the cue "
                f"{pct(r.observed)} of the time. {verdict}")
    times = count(r.override_count, "time")
    # Why a deferring system overrides at all: the override sliders set how often it still checks the outcome.
    why = ("Even while deferring, the innate circuitry checks the real outcome on the share of trials the "
           "override sliders set. Here ")
    if _still(r):
        one = r.override_count == 1
        if _nothing_corrected(r):
            lead = (f"but {'its one check' if one else 'every check'} found the outcome just as the guess had it, so "
                    f"nothing was corrected: the guess at the cue stays at {pct(r.final_guess)}")
        elif r.delay == 1:     # the cue's guess is the one the check corrects: nothing to carry back
            lead = (f"but {'its correction has' if one else 'its corrections have'} moved the guess at the cue too "
                    f"little to show: it is still {pct(r.final_guess)}")
        else:
            lead = (f"but {'its correction, made at the outcome, has' if one else 'its corrections, made at the outcome, have'}"
                    f" not yet carried back to the cue enough to show: the guess there is still {pct(r.final_guess)}")
        gap = gap_points(r.initial, r.observed)
        near = (f"the same as how often the outcome happened" if gap == 0 else
                f"within {CLOSE} points of how often the outcome happened" if gap <= CLOSE else
                f"more than {CLOSE} points from how often the outcome followed the cue")
        return f"{why}the innate circuitry overrode {times} at the outcome, {lead}, {near} ({pct(r.observed)})."
    within = gap_points(r.final_guess, r.observed) <= CLOSE
    # The guess after the last trial is not the signal the anticipation claim quotes (the guess going into the
    # last trial): where the two differ as shown, both are named, and the guess is settled only where both are
    # within CLOSE points of the outcomes (a high learning rate can swing it from far off to near in one trial).
    was_within = gap_points(r.anticipation, r.observed) <= CLOSE
    going_in = ("" if pct(r.anticipation) == pct(r.final_guess) else
                f" ({pct(r.anticipation)} going into the last trial)")
    moved = count(gap_points(r.anticipation, r.final_guess), "point")
    if within and was_within and started_close:
        return (f"{why}the innate circuitry overrode {times} at the outcome, and the guess at the cue "
                f"{guess_path(r)}{going_in}; it had started within {CLOSE} points of how often the outcome happened "
                f"({pct(r.observed)}), {_close_verdict(r)}")
    if within and was_within:
        # 'in line' only for a gap of a few points; up to CLOSE it is 'within'
        end = (f", in line with how often the outcome happened ({pct(r.observed)})."
               if gap_points(r.final_guess, r.observed) <= LITTLE else
               f", within {CLOSE} points of how often the outcome happened ({pct(r.observed)}).")
    elif within != was_within:
        end = (f". That last trial alone moved it {moved}, to {'within' if within else 'more than'} {CLOSE} points "
               f"{'of' if within else 'from'} how often the outcome happened ({pct(r.observed)}): {_last_move(r)}.")
    elif not started_close and not _trials_within(r):
        end = f", still more than {CLOSE} points from how often the outcome happened ({pct(r.observed)})."
    elif not started_close:
        end = (f", now more than {CLOSE} points from how often the outcome happened ({pct(r.observed)}), though in "
               f"{_trials_within(r)} of the {count(r.trials, 'trial')} it ended within {CLOSE} points of it.")
    else:
        began = "at it" if gap_points(r.initial, r.observed) == 0 else f"within {CLOSE} points of it"
        end = (f", now more than {CLOSE} points from how often the outcome happened ({pct(r.observed)}), though it "
               f"started {began}: {NOT_CARRIED if _in_transit(r, within=True) else _mechanism(r)}.")
    corrections = "its correction was" if r.override_count == 1 else "its corrections were"
    # at delay 1 the step before the outcome is the cue: the checks correct its guess directly
    path = "applied directly to the guess at the cue, which" if r.delay == 1 else "passed back, step by step, to the cue, where the guess"
    return (f"{why}the innate circuitry overrode {times} at the outcome, and {corrections} {path} "
            f"{guess_path(r)}{going_in}{end}")


# The predictor's phrases, as predicates on the model's run: a number quoted is the run's, as rounded for
# display; "within 15 points" compares the two whole percentages the reader sees.
PCT = r"(\d+%)"


def _deferring(r: PredictorRun) -> bool:
    """The Steering Subsystem passed the predictor's guesses on as its signal, in the last trial."""
    return r.mode == "defer" and bool(np.array_equal(r.signals[-1, :r.delay], r.weights[-2]))


def _overriding(r: PredictorRun) -> bool:
    """The innate circuitry set the signal at every step of every trial: nothing before the outcome."""
    return r.mode == "override" and bool(r.overridden.all()) and not r.signals[:, :r.delay].any()


def _still(r: PredictorRun) -> bool:
    """The guess at the cue, as shown, never moved from where it started."""
    return all(points(g) == points(r.initial) for g in r.cue_guesses())


def _trials_within(r: PredictorRun) -> int:
    """The trials after which the guess at the cue, as shown, was within CLOSE points of the observed rate."""
    return sum(gap_points(g, r.observed) <= CLOSE for g in r.cue_guesses()[1:])


def _nothing_corrected(r: PredictorRun) -> bool:
    """No guess at any step ever moved: each check's outcome was what the guess before it already said."""
    return bool(np.all(r.weights == r.initial))


TRIALS = Truth(r"Over (\d+) trials?", lambda r, m: int(m.group(1)) == r.trials, "the number of trials is the run's")
FOLLOWED = Truth(r"followed the cue " + PCT + " of the time", lambda r, m: says(m, r.observed),
                 "the outcome's observed rate quoted is the run's")
OVERRODE_N = Truth(r"[Tt]he innate circuitry overrode (\d+) times?", lambda r, m: int(m.group(1)) == r.override_count > 0,
                   "the innate circuitry overrode that many times, at least once")
NEVER_OVERRODE = Truth(r"never overrode|Nothing ever overrode", lambda r: r.override_count == 0, "no trial had an override")
WENT_FROM = Truth(r"went from " + PCT + " before the first trial to " + PCT + " after the last",
                  lambda r, m: says(m, r.initial, group=1) and says(m, r.final_guess, group=2) and m.group(1) != m.group(2),
                  "the guess at the cue started and ended at the two different values quoted")
CAME_BACK = Truth(r"moved " + wording.SWINGS + r" and ended at " + PCT + ", where it began",
                  lambda r, m: (not _still(r) and says(m, r.initial, group=6) and says(m, r.final_guess, group=6)
                                and wording.says_swings(m, 1, r.cue_guesses(), r.initial)),
                  "the guess at the cue moved, as shown, to the lowest and highest values quoted, in the order it reached "
                  "them (each said only where it reads differently from the start), and ended where it began")
# A cue's percentage without saying when (before or after the last trial) reads as one quantity: it may be
# quoted only where the signal in the last trial and the guess after it are the same, as shown.
SAME_SIGNAL = Truth(r"went from " + PCT + " to " + PCT + r"|Deferring, the signal is (?:already )?" + PCT + " when the cue appears",
                    lambda r: points(r.anticipation) == points(r.final_guess),
                    "the signal at the cue in the last trial and the guess at the cue after it are the same, as shown")
GOING_IN = Truth(r"\(" + PCT + r" going into the last trial\)",
                 lambda r, m: says(m, r.anticipation) and points(r.anticipation) != points(r.final_guess),
                 "the guess at the cue going into the last trial (its signal at the cue) is the value quoted, and differs "
                 "from the guess after it, as shown")
SIGNAL_WAS = Truth(r"the signal at the cue was " + PCT, lambda r, m: says(m, r.anticipation),
                   "the signal at the cue in the last trial is the value quoted")
PREDICTOR_TRUTHS = (TRIALS, FOLLOWED, OVERRODE_N, NEVER_OVERRODE, WENT_FROM, CAME_BACK, SAME_SIGNAL, GOING_IN, SIGNAL_WAS)
OVERRIDING = Truth(r"^Overriding throughout", _overriding,
                   "the innate circuitry set the signal at every step, so it was 0 before every outcome")
DEFERRING = Truth(r"^Deferring", _deferring, "in the last trial the signal before the outcome was the predictor's guess")
SIGNAL = Truth(r"the signal (?:is|was) (?:already )?" + PCT + " when the cue appear", lambda r, m: says(m, r.anticipation),
               "the signal at the cue in the last trial is the value quoted")
NOTHING_YET = Truth(r"\d+% when the cue appeared: the predictor expected next to nothing yet", lambda r: points(r.anticipation) < 5
                    and points(r.observed) >= 5 and not _expected_more_before(r)
                    and (r.checking_at_end or r.override_count > 0 and max(points(g) for g in r.weights[-1]) >= 5),
                    "the signal at the cue, as shown, is under 5%, while the outcome followed the cue 5% of the time or "
                    "more (so expecting nothing is not yet what the outcomes teach), the guess at the cue never "
                    "read 5% or more before the last trial, and learning can go on: a check could still come in the "
                    "last trial, or checks came and some step's guess reads 5% or more, on its way back to the cue")
NEVER_WILL = Truth(r"\d+% when the cue appeared: the predictor expected next to nothing, and with (no check on the "
                   r"outcome|no more checks, and the guesses nearer the outcome under 5% too,) it will never learn to "
                   r"expect more",
                   lambda r, m: (points(r.anticipation) < 5 and points(r.observed) >= 5
                                 and max(points(g) for g in r.weights[-1]) < 5 and not r.checking_at_end
                                 and (r.override_count == 0) == m.group(1).startswith("no check")),
                   "the signal at the cue is under 5% and every step's guess after the last trial too, as shown, so "
                   "with no check the cue's never reads more; the outcome followed the cue 5% of the time or more; "
                   "no check could come in the last trial (rate 0, or stopped); 'no check': none ever came; 'no more "
                   "checks': some came")
NO_CHECK_YET = Truth(r"no check on the outcome has come so far",
                     lambda r: r.mode == "defer" and r.override_count == 0 and r.checking_at_end,
                     "no check came in these trials, though one still could in the last trial (rate above 0, not "
                     "stopped)")
NOTHING_NOW = Truth(r"\d+% when the cue appeared: the predictor had come to expect next to nothing",
                    lambda r: points(r.anticipation) < 5 and points(r.observed) >= 5 and _expected_more_before(r),
                    "the signal at the cue, as shown, is under 5%, the outcome followed the cue 5% of the time or more, "
                    "and the guess at the cue read 5% or more at some point before the last trial")
SINCE = Truth(r"The last check came in trial (\d+); in the (\d+) trials since, with no check, each step's guess was "
              r"trained only toward the next step's, carrying what the checks had left near the outcome back toward the "
              r"cue: (?:the guess at the cue held at " + PCT + r"|the guess at the cue moved " + wording.SWINGS + r" and back to "
              + PCT + r"|the guess at the cue moved from " + PCT + r" to " + PCT + r"(?:, going " + wording.SWINGS
              + r" on the way)?)",
              lambda r, m: (r.mode == "defer" and int(m.group(1)) == r.last_check > 0
                            and int(m.group(2)) == r.trials - r.last_check >= UNCHECKED
                            and _says_since(m, r.cue_guesses()[r.last_check:])),
              "the last trial with an override, the trials after it (at least 10), and the guess at the cue from that "
              "trial to the last, as shown: 'held at' where it read the same throughout; 'and back to' how far it went "
              "where it ended where it was; otherwise where it went from and to, and how far past both on the way (in "
              "the order it got there)")
def _says_since(m: re.Match, path) -> bool:
    """A SINCE match says the guess at the cue over `path` (from the last check to the end) as shown."""
    then, now = pct(path[0]), pct(path[-1])
    if m.group(3):
        return all(pct(g) == m.group(3) for g in path)
    if m.group(9):
        return (then == now == m.group(9) and any(pct(g) != now for g in path)
                and wording.says_swings(m, 4, path, path[0]))
    if not (m.group(10) == then != now == m.group(11)):
        return False
    return (wording.said_swings(m, 12) if m.group(12) else []) == _past_ends(path)


NOTHING_RIGHTLY = Truth(r"\d+% when the cue appeared: the predictor expected next to nothing, rightly, since the outcome never "
                        r"followed the cue", lambda r: points(r.anticipation) < 5 and r.observed == 0,
                        "the signal at the cue, as shown, is under 5%, and the outcome never followed the cue")
NOTHING_ABOUT_RIGHT = Truth(r"\d+% when the cue appeared: the predictor expected next to nothing, about right, since the outcome "
                            r"rarely followed the cue \(((?:under )?\d+%) of the time\)",
                            lambda r, m: points(r.anticipation) < 5 and 0 < r.observed and points(r.observed) < 5
                            and m.group(1) == wording.share(r.observed),
                            "the signal at the cue and the outcome's rate, as shown, are both under 5%, the rate above 0")
AHEAD = Truth(r"already " + PCT + r" when the cue appeared, (\d+) steps? before the outcome was due",
              lambda r, m: points(r.anticipation) >= 5 and int(m.group(2)) == r.delay,
              "the signal at the cue, as shown, is 5% or more, the delay before the outcome")
NEVER_CAME = Truth(r"the outcome never followed the cue", lambda r: r.observed == 0, "the outcome never happened")
OFF_BY = Truth(r"but that signal was (\d+) points off how often the event really came \(" + PCT + r"\)",
               lambda r, m: (int(m.group(1)) == gap_points(r.anticipation, r.observed) > CLOSE
                             and says(m, r.observed, group=2)),
               "the signal at the cue and the observed rate, as shown, differ by that many points, more than 15")
WITHIN_AHEAD = Truth(r"(the same as|only (\d+) points? from|(\d+) points? from) how often the outcome followed the cue \("
                     + PCT + r"\): the reaction starts",
                     lambda r, m: (gap_points(r.anticipation, r.observed) == int(m.group(2) or m.group(3) or 0) <= CLOSE
                                   and (m.group(2) is None or gap_points(r.anticipation, r.observed) <= LITTLE)
                                   and (m.group(3) is None or gap_points(r.anticipation, r.observed) > LITTLE)
                                   and says(m, r.observed, group=4)),
                     "the signal at the cue and the observed rate, as shown, differ by the points said, 15 or less; "
                     "'only' where 5 or fewer, a plain number where more")
LATER = Truth(r"nothing happens until the outcome, (\d+) steps? later", lambda r, m: int(m.group(1)) == r.delay,
              "the outcome comes that many steps after the cue")
ENDS_AT = Truth(r"its guess at the cue ends at " + PCT, lambda r, m: says(m, r.final_guess),
                "the final guess at the cue is the value quoted")
STILL = Truth(r"is still " + PCT + r"|stays at " + PCT + r"|stayed at " + PCT,
              lambda r, m: _still(r) and says(m, r.final_guess, group=m.lastindex),
              "the guess at the cue, as shown, is where it started")
NOTHING_CORRECTED = Truth(r"but (its one check|every check) found the outcome just as the guess had it, so nothing was "
                          r"corrected",
                          lambda r, m: (r.override_count > 0 and _nothing_corrected(r)
                                        and (m.group(1) == "its one check") == (r.override_count == 1)),
                          "there were checks (one for 'its one check'), and no guess at any step ever moved")
NOT_YET_BACK = Truth(r"(its correction, made at the outcome, has|its corrections, made at the outcome, have) not yet "
                     r"carried back to the cue enough to show",
                     lambda r, m: (r.override_count > 0 and not _nothing_corrected(r) and _still(r) and r.delay > 1
                                   and m.group(1).startswith("its correction,") == (r.override_count == 1)),
                     "there were checks (one for 'its correction'), some guess moved, and the guess at the cue never "
                     "read differently from its start")
TOO_LITTLE = Truth(r"(its correction has|its corrections have) moved the guess at the cue too little to show",
                   lambda r, m: (r.override_count > 0 and r.delay == 1 and _still(r) and not _nothing_corrected(r)
                                 and (m.group(1) == "its correction has") == (r.override_count == 1)),
                   "there were checks (one for 'its correction'); at delay 1 the guess they correct is the cue's, and "
                   "it moved, but never enough to read differently")
HAPPENS_CLOSE = Truth(r"happens to be within 15 points of the truth|(?:stays at|is still) \d+%, within 15 points of",
                      lambda r: 0 < gap_points(r.initial, r.observed) <= CLOSE and _still(r),
                      "the starting guess and the observed rate, as shown, differ by 1 to 15 points")
HAPPENS_SAME = Truth(r"happens to be the truth, as shown|the same as how often the outcome happened",
                     lambda r: gap_points(r.initial, r.observed) == 0 and _still(r),
                     "the starting guess, still the guess, and the observed rate read the same as shown")
WRONG = Truth(r"more than 15 points off, kept alive|more than 15 points from how often the outcome followed",
              lambda r: gap_points(r.initial, r.observed) > CLOSE and _still(r),
              "the starting guess, still the guess, and the observed rate differ by more than 15 points, as shown")
PASSED_BACK = Truth(r"(?:correction was|corrections were) (passed back|applied directly to the guess at the cue)",
                    lambda r, m: (r.override_count == 1) == ("was" in m.group(0)) and r.override_count > 0
                    and not _still(r) and (m.group(1) == "passed back") == (r.delay > 1),
                    "there were overrides (one for 'correction was', more for 'corrections were') and the guess at "
                    "the cue moved, as shown; 'passed back' only with steps between the cue and the outcome")
IN_LINE = Truth(r"in line with how often the outcome happened \(" + PCT + r"\)",
                lambda r, m: (r.override_count > 0 and says(m, r.observed) and gap_points(r.final_guess, r.observed) <= LITTLE
                              and gap_points(r.anticipation, r.observed) <= CLOSE and gap_points(r.initial, r.observed) > CLOSE),
                "there were overrides, the starting guess was more than 15 points off the observed rate, the guess at "
                "the cue going into the last trial is within 15 points of it and the guess after it within 5, as shown "
                "(a guess the checks brought in line and that settled)")
def _started_close(r: PredictorRun, m: re.Match) -> bool:
    return (r.override_count > 0 and gap_points(r.initial, r.observed) <= CLOSE and gap_points(r.final_guess, r.observed) <= CLOSE
            and gap_points(r.anticipation, r.observed) <= CLOSE and says(m, r.observed))


# "Little to correct" only where the checks barely moved the guess (as shown), else how far they moved it.
STARTED_CLOSE = Truth(r"it had started within 15 points of how often the outcome happened \(" + PCT + r"\), so the "
                      r"checks had little to correct",
                      lambda r, m: _started_close(r, m) and _swing(r) <= LITTLE and gap_points(r.initial, r.observed) <= LITTLE,
                      "there were overrides, the starting guess, the guess going into the last trial and after it are "
                      "all within 15 points of the observed rate, the start within 5, and the guess moved 5 points or "
                      "less, as shown")
ENDED_NEAR = Truth(r"it had started within 15 points of how often the outcome happened \(" + PCT + r"\), and it ended "
                   r"(at it|only (\d+) points? from it)\.",
                   lambda r, m: (_started_close(r, m) and _swing(r) <= LITTLE < gap_points(r.initial, r.observed)
                                 and gap_points(r.final_guess, r.observed) == int(m.group(3) or 0) <= LITTLE),
                   "the guess started more than 5 points off the observed rate and within 15, moved 5 points or less "
                   "and ended that many points from it, 5 or fewer, as shown")
STILL_OFF = Truth(r"it had started within 15 points of how often the outcome happened \(" + PCT + r"\), but (it is still "
                  r"(\d+) points? off|it ended further off, (\d+) points? from it)",
                  lambda r, m: (_started_close(r, m) and _swing(r) <= LITTLE < gap_points(r.initial, r.observed)
                                and gap_points(r.final_guess, r.observed) == int(m.group(3) or m.group(4)) > LITTLE
                                and (m.group(4) is None or gap_points(r.final_guess, r.observed)
                                     > gap_points(r.initial, r.observed))),
                  "the guess started more than 5 points off the observed rate (and within 15), moved 5 points or less "
                  "and is that many points off it, more than 5, as shown (off at the start and 'still' off); 'further off' only "
                  "where more than at the start")
NOT_BACK_YET = Truth(r"(?:but it is still (\d+) points? off|though it started (?:at it|within 15 points of it)|it ended "
                     r"further off, (\d+) points? from it): the corrections made at the outcome have not yet carried "
                     r"back to the cue",
                     lambda r, m: (r.override_count > 0 and _in_transit(r, within=m.group(0).startswith("though"))
                                   and all(int(n) == gap_points(r.final_guess, r.observed) for n in m.groups() if n)),
                     "after the last trial some step's guess nearer the outcome reads more than 5 points nearer the "
                     "observed rate than the cue's, as shown, along a line whose neighbouring guesses read under 20 "
                     "points apart (the step just before the outcome set aside where it jumps 20 or more), and that "
                     "step (and where checks have stopped the last step itself, where the line settles with no check) "
                     "no more than 5 points further from the rate than the cue's and either within 15 points of the "
                     "rate or more than 5 nearer it than the cue's (after 'though it started', within 15); a gap said "
                     "is the cue's")
MECHANISM = Truth(r"each check moves the guess just before the outcome (all the way to|(\d+%) of the way toward) that one "
                  r"trial's outcome \(0% or 100%\), not toward how often the outcome happens",
                  lambda r, m: (r.mode == "defer" and r.override_count > 0
                                and gap_points(r.final_guess, r.observed) > LITTLE and not _in_transit(r, within=True)
                                and (r.lr == 1 if m.group(2) is None else says(m, r.lr, group=2))),
                  "checks came, the guess at the cue ends more than 5 points off the observed rate, the gap is not a "
                  "correction still on its way back (as NOT_BACK_YET's predicate reads it, its ends within 15 points), and the learning rate is the one said (1: all the way)")
MOVED_ENDING = Truth(r"(?:the checks(?: still)? moved it|it(?: still)? moved) \d+ points?, (?:ending (at it|only (\d+) points? "
                     r"from it|(\d+) points? from it)|and it ended further off, (\d+) points? from it)",
                     lambda r, m: (gap_points(r.final_guess, r.observed)
                                   == (0 if m.group(1) == "at it" else int(m.group(2) or m.group(3) or m.group(4)))
                                   and (m.group(2) is None or 0 < int(m.group(2)) <= LITTLE)
                                   and (m.group(3) is None or (int(m.group(3)) > LITTLE and not _ended_further(r)))
                                   and (m.group(4) is None or (int(m.group(4)) > LITTLE and _ended_further(r)))),
                     "the guess at the cue ended that many points from the observed rate, as shown: 'at it' for none, "
                     "'only' where 5 or fewer; 'further off' where more than 5 and more than it started, a plain number "
                     "where more than 5 and no more than it started")
FELL_BACK = Truth(r"it had started within 15 points of how often the outcome happened \(" + PCT + r"\), and (the checks "
                  r"moved it|it moved) away and back again",
                  lambda r, m: (_started_close(r, m) and _swing(r) > LITTLE and pct(r.initial) == pct(r.final_guess)
                                and (m.group(2) == "the checks moved it") == _checks_came_back(r)),
                  "the guess at the cue moved more than 5 points from its start at some trial, as shown, and ended where "
                  "it began; 'the checks' did it only where it had gone more than 5 points away and read its start "
                  "again by the last check")
FURTHER = Truth(r"it had started within 15 points of how often the outcome happened \(" + PCT + r"\), and though "
                r"(the checks moved it|it moved) further on the way, it ended only (\d+) points? from where it began",
                lambda r, m: (_started_close(r, m) and _swing(r) > LITTLE
                              and int(m.group(3)) == gap_points(r.initial, r.final_guess) <= LITTLE
                              and pct(r.initial) != pct(r.final_guess)
                              and (m.group(2) == "the checks moved it") == (_swing(r, r.last_check) > LITTLE)),
                "the guess at the cue moved more than 5 points from its start at some trial, as shown, and ended that "
                "many points from it, 5 or fewer; 'the checks' moved it further only where it went more than 5 points "
                "from its start by the last check")
MOVED_ANYWAY = Truth(r"it had started within 15 points of how often the outcome happened \(" + PCT + r"\), (yet|and) "
                     r"(the checks(?: still)? moved it|it(?: still)? moved) (\d+) points?([.,])",
                     lambda r, m: (_started_close(r, m) and int(m.group(4)) == gap_points(r.initial, r.final_guess) > LITTLE
                                   and (m.group(3).startswith("it") or _unmoved_since_check(r))
                                   and (m.group(2) == "yet") == ("still" in m.group(3)) == _ended_further(r)
                                   and m.group(5) == ","),
                     "as for 'little to correct', but the guess moved more than 5 points, as shown, by the number said; "
                     "credited to the checks only where the guess at the cue, as shown, read the same after the last check as at "
                     "the end (a net move is the guess's own: unchecked trials move it too); 'yet' (and "
                     "'still') only where it ended further from the observed rate than it started, as shown, else "
                     "'and'; always said with where it ended")
WITHIN_END = Truth(r"(within|still more than|now more than) 15 points (of|from) how often the outcome happened \(" + PCT + r"\)",
                   lambda r, m: ((gap_points(r.final_guess, r.observed) <= CLOSE) == (m.group(1) == "within")
                                 and (m.group(1) == "within") == (m.group(2) == "of")
                                 and (m.group(1) == "within" or gap_points(r.anticipation, r.observed) > CLOSE)
                                 and (m.group(1) != "still more than" or (gap_points(r.initial, r.observed) > CLOSE
                                                                          and not _trials_within(r)))
                                 and (m.group(1) != "now more than" or gap_points(r.initial, r.observed) <= CLOSE
                                      or _trials_within(r) > 0)
                                 and says(m, r.observed, group=3)),
                   "the final guess and the observed rate, as shown, are within 15 points (or not, as said; more than: "
                   "the guess going into the last trial was too, and 'still' only where the guess at the cue was so "
                   "at the start and after every trial, 'now' where it was not); 'within … of', 'more than … from'")
WAS_WITHIN = Truth(r"now more than 15 points from how often the outcome happened \(" + PCT + r"\), though in (\d+) of "
                   r"the (\d+) trials it ended within 15 points of it",
                   lambda r, m: (gap_points(r.initial, r.observed) > CLOSE and int(m.group(3)) == r.trials
                                 and int(m.group(2)) == _trials_within(r) > 0),
                   "the starting guess was more than 15 points from the observed rate, as shown, and the guess at the "
                   "cue after that many of the trials (a count, not a trial number) was within 15 points of it")
# "After 30 of the 210 trials" reads as a moment (once 30 trials had passed), not a count: said only where both hold.
AFTER_N = Truth(r"within 15 points of it after (\d+) of the (\d+) trials",
                lambda r, m: (int(m.group(2)) == r.trials and int(m.group(1)) == _trials_within(r)
                              and gap_points(r.cue_guesses()[int(m.group(1))], r.observed) <= CLOSE),
                "the guess at the cue was within 15 points of the observed rate, as shown, after that many of the "
                "trials (a count) and also after the trial of that number (the moment it reads as)")
STARTED_AT = Truth(r"now more than 15 points from how often the outcome happened \(" + PCT + r"\), though it started "
                   r"(at it|within 15 points of it)",
                   lambda r, m: (gap_points(r.initial, r.observed) == 0) == (m.group(2) == "at it")
                   and gap_points(r.initial, r.observed) <= CLOSE,
                   "the starting guess and the observed rate, as shown, are the same ('at it') or within 15 points")
MOVING = Truth(r"That last trial alone moved it (\d+) points?, to (within|more than) 15 points",
               lambda r, m: (int(m.group(1)) == gap_points(r.anticipation, r.final_guess)
                             and (gap_points(r.final_guess, r.observed) <= CLOSE) == (m.group(2) == "within")
                             and (gap_points(r.anticipation, r.observed) <= CLOSE) != (m.group(2) == "within")),
               "the last trial moved the guess at the cue by the points said, across the 15-point line around the "
               "observed rate: from outside to within it, or from within to outside it, as said")
NOT_SETTLED = Truth(r"the last few outcomes still (sway|move) it",
                    lambda r, m: (_checked_lately(r)
                                  and gap_points(r.anticipation, r.final_guess) >= (SWAY if m.group(1) == "sway" else 1)
                                  and (gap_points(r.final_guess, r.observed) <= CLOSE) != (gap_points(r.anticipation, r.observed) <= CLOSE)),
                    "a check in one of the last 3 trials has reached the cue (delay 3 or less); the last trial moved the "
                    "guess at the cue (as shown), "
                    "by 2 points or more for 'sway'; and only one of the guesses going into and after it is within 15 "
                    "points of the observed rate")
CARRYING = Truth(r"corrections made at the outcome earlier are still carrying back to it",
                 lambda r: (r.mode == "defer" and r.override_count > 0 and not _checked_lately(r)
                            and r.delay > 1 and gap_points(r.anticipation, r.final_guess) > 0),
                 "deferring, checks came but none from the last 3 trials has reached the cue, with steps between the "
                 "cue and the outcome to "
                 "carry corrections back, and the last trial moved the guess at the cue, as shown")

PREDICTOR_CLAIMS = (
    Claim("anticipation", anticipation_sentence,
          truths=(OVERRIDING, DEFERRING, SIGNAL, NOTHING_YET, NO_CHECK_YET, NEVER_WILL, NOTHING_NOW, NOTHING_RIGHTLY, NOTHING_ABOUT_RIGHT, AHEAD, NEVER_CAME,
                  OFF_BY, WITHIN_AHEAD, LATER)),
    Claim("persistence", persistence_sentence,
          truths=(OVERRIDING, ENDS_AT, STILL, NOTHING_CORRECTED, NOT_YET_BACK, TOO_LITTLE, HAPPENS_CLOSE, HAPPENS_SAME, WRONG, PASSED_BACK, IN_LINE, STARTED_CLOSE, ENDED_NEAR, STILL_OFF, NOT_BACK_YET, MECHANISM, MOVED_ENDING,
                  FELL_BACK, FURTHER, MOVED_ANYWAY, WITHIN_END, STARTED_AT, WAS_WITHIN, AFTER_N, MOVING,
                  NOT_SETTLED, CARRYING, SINCE,
                  OVERRODE_N, NEVER_OVERRODE, WENT_FROM, CAME_BACK, SAME_SIGNAL, GOING_IN)),
)


class PredictorResponse(WidgetResponse):
    observed_rate: float = Field(ge=0, le=1)
    overrides: int = Field(ge=0)
    final_guess_at_cue: float = Field(ge=0, le=1)
    signal_at_cue_last_trial: float = Field(ge=0, le=1)
    guess_at_cue: list[float] = Field(description="the prediction at the cue before trial 1, then after each trial")
    last_trial_signal: list[float] = Field(description="the signal at each step from the cue to the outcome")


def predictor_api(values: Mapping[str, Any], r: PredictorRun) -> dict:
    return {"observed_rate": r.observed, "overrides": r.override_count,
            "final_guess_at_cue": r.final_guess, "signal_at_cue_last_trial": r.anticipation,
            "guess_at_cue": [float(x) for x in r.cue_guesses()],
            "last_trial_signal": [float(x) for x in r.signals[-1]]}


def predictor_inactive(values: Mapping[str, Any]) -> dict[str, str]:
    off = {}
    if values["mode"] == "defer" and values["override_rate"] == 0:
        off["override_until"] = "the override never fires anyway (its rate is 0%)."
    if values["mode"] == "defer" and values["override_until"] == 0:
        off["override_rate"] = "overrides stop before the first trial."
    if values["mode"] == "override":
        off["override_rate"] = off["override_until"] = "in override mode the innate circuitry sets the signal at every step."
    return off


# ------------------------------------------------------------------------------ alignment

PLAN_BARS = (("intended", "designer wants", kit.GREEN, kit.SOLID), ("reward", "reward pays", kit.GREY, kit.HATCH),
             ("value", "value function expects", kit.BLUE, kit.DOTS))


def alignment_figure(a: AlignmentResult) -> dict:
    labels = [("▶ " if p.id == a.chosen else "") + plan_label(p) for p in a.plans]
    data = [{"type": "bar", "orientation": "h", "name": name, "y": labels, "x": [round(getattr(p, key), 3) for p in a.plans],
             "marker": {"color": colour, "pattern": kit.pattern(pattern, colour)},
             "hovertemplate": name + ": %{x:.2f}<extra></extra>"} for key, name, colour, pattern in PLAN_BARS]
    return {"data": data, "layout": kit.layout(
        barmode="group", margin={"t": 30, "b": 28, "l": 10, "r": 12},
        xaxis=kit.axis(range=[0, 2.05]), yaxis=kit.axis(automargin=True, autorange="reversed", tickfont={"size": 13}),
        legend=TOP_LEGEND)}


def plan(a: AlignmentResult, pid: str):
    return next(p for p in a.plans if p.id == pid)


def plan_label(p: Plan) -> str:
    """A plan's name, with 'never tried' where training never tried it."""
    return p.label if p.tried else f"{p.label} never tried"


def alignment_sentence(a: AlignmentResult) -> str:
    task = plan(a, a.intended)
    if a.outer:
        outer = ("the reward function pays for the task as meant and for nothing the designer did not want "
                 "(outer aligned)")
    else:
        # The plan it overpays most against what the designer meant it to be worth.
        rival = max((p for p in a.plans if p.id != a.intended), key=lambda p: (p.reward - p.intended, p.reward))
        paid = f"the {num(task.reward, 2, tiny=False)} it pays for the task"
        than = (f"more than {paid}" if rival.reward > task.reward else f"as much as {paid}"
                if rival.reward == task.reward else f"less than {paid}, yet still a reward for something unwanted")
        strict = ", by our strict reading" if rival.reward < task.reward else ""
        outer = (f"the reward function pays {num(rival.reward, 2, tiny=False)} for “{plan_label(rival).lower()}”, which "
                 f"the designer meant to be worth {_worth(rival.intended)}: {than} (outer misaligned{strict})")
    if a.inner:
        inner = "the value function rates every plan at the reward it would bring (inner aligned)"
    else:
        worst = max(a.plans, key=lambda p: abs(p.value - p.reward))
        inner = (f"the value function rates “{plan_label(worst).lower()}” at {num(worst.value, 2, tiny=False)} though it "
                 f"would bring {num(worst.reward, 2, tiny=False)} (inner misaligned)")
    chosen = plan_label(plan(a, a.chosen)).lower()
    top = _top(a)
    tie = (f"The plans {join_and(f'“{plan_label(p).lower()}”' for p in top)} tie at {num(shown(top[0].value), 2, tiny=False)} in "
           f"value, and a tie goes to the plan listed first, so t" if len(top) > 1 else "")
    if a.intent:
        end = "Both links hold: intent alignment, and the agent does the task as meant."
    elif a.does_task and a.inner and not tie and all(task.reward > p.reward for p in a.plans if p is not task):
        end = ("The agent picks the task because the reward function still pays it most and the value function copies "
               "the reward; but by our reading paying for something unwanted is outer misalignment all the same, so "
               "this is not intent alignment.")
    elif a.does_task and not tie and _lead(a) < SMALL_LEAD and not _turned_on_error(a):
        end = (f"The agent picks the task because the reward function still pays it most and the value function "
               f"copies the reward on the task and on “{plan_label(_runners_up(a)[0]).lower()}”; the error lies on a "
               f"plan rated lower. But with both links broken this is not intent alignment.")
    elif a.does_task:
        broken = "a link" if a.outer or a.inner else "both links"
        lead = num(_lead(a), 2, tiny=False)
        end = (f"{tie}he agent still picks the task as meant; with {broken} broken that is luck, not intent alignment."
               if tie else
               f"The agent still picks the task as meant, but by only {lead} in value; with {broken} broken that is "
               f"luck, not intent alignment." if _lead(a) < SMALL_LEAD else
               f"The agent still picks the task as meant, by {lead} in value. But with {broken} broken nothing "
               f"guarantees that: not intent alignment.")
    else:
        end = (f"{tie}he agent goes for “{chosen}”: not what the designer intended." if tie else
               f"So the agent goes for “{chosen}”: not what the designer intended.")
    return f"Here {outer}, and {inner}. {upper_first(end)}"


def _top(a: AlignmentResult) -> list:
    """The plans with the highest value as shown (two decimals), in the order listed."""
    best = max(shown(p.value) for p in a.plans)
    return [p for p in a.plans if shown(p.value) == best]


# A lead in value under this is one a slightly larger error would undo: only there is the choice called luck.
SMALL_LEAD = 0.25


def _lead(a: AlignmentResult) -> float:
    """How far the task's value, as shown, is above the best other plan's, as shown."""
    task = next(p for p in a.plans if p.intended == 1.0)
    return round(shown(task.value) - max(shown(p.value) for p in a.plans if p is not task), 2)


def _runners_up(a: AlignmentResult) -> list:
    """The plans other than the task with the highest value among them, as shown, in the order listed."""
    others = [p for p in a.plans if p is not _task(a)]
    best = max(shown(p.value) for p in others)
    return [p for p in others if shown(p.value) == best]


def _turned_on_error(a: AlignmentResult) -> bool:
    """The choice between the task and the runner-up turned on an error: the value of one of them, as shown, is not
    its reward."""
    return any(shown(p.value) != shown(p.reward) for p in [_task(a), *_runners_up(a)])


def alignment_inactive(values: Mapping[str, Any]) -> dict[str, str]:
    return {"misvalue": "training has tried, and corrected, every plan."} if values["tried"] == "all" else {}


def _worth(x: float) -> str:
    return "nothing" if x == 0 else num(x, 2, tiny=False)


# The verdict's phrases, as predicates on the three plans' numbers (not on the model's own flags):
# outer alignment (Byrnes's definition: more reward for what the designer wants, less for what they do not)
# is no unwanted plan paid more than it was meant to be worth and the task paying strictly more than any
# other plan; inner alignment is every
# plan's value within 0.05 of its reward; the agent goes for the plan of highest value (ties to the task).
def _task(a: AlignmentResult):
    return next(p for p in a.plans if p.intended == 1.0)


def _outer(a: AlignmentResult) -> bool:
    return all(p.reward < _task(a).reward and p.reward <= p.intended for p in a.plans if p is not _task(a))


def _inner(a: AlignmentResult) -> bool:
    return all(abs(p.value - p.reward) < 0.05 for p in a.plans)


def _goes_for_task(a: AlignmentResult) -> bool:
    """The task is the first of the plans valued highest, as shown (ties go to the plan listed first)."""
    return _top(a)[0] is _task(a)


def _tied(a: AlignmentResult) -> bool:
    """Two or more plans share the highest value, as shown."""
    return len(_top(a)) > 1


def _paid_most(a: AlignmentResult) -> bool:
    """The reward function pays the task strictly more than every other plan."""
    return all(_task(a).reward > p.reward for p in a.plans if p is not _task(a))


def _compares(x: float, y: float, said: str) -> bool:
    return {"more than": x > y, "as much as": x == y, "less than": x < y}[said]


def _by_label(a: AlignmentResult, label: str):
    return next((p for p in a.plans if plan_label(p).lower() == label), None)


NUMBER = r"(\d+\.\d\d)"
OUTER = Truth(r"\(outer aligned\)", _outer, "the reward function pays the task strictly more than any other plan, "
              "and pays no plan the designer did not want more than it was meant to be worth")
OUTER_NOT = Truth(r"pays " + NUMBER + r" for “([^”]+)”, which the designer meant to be worth (nothing|" + NUMBER[1:-1]
                  + r"): (more than|as much as|less than) the " + NUMBER + r" it pays for the task"
                  r"(, yet still a reward for something unwanted)? \(outer misaligned(, by our strict reading)?\)",
                  lambda a, m: (not _outer(a) and _by_label(a, m.group(2)) is not None
                                and _by_label(a, m.group(2)) is not _task(a)
                                and says(m, _by_label(a, m.group(2)).reward, group=1)
                                and m.group(3) == _worth(_by_label(a, m.group(2)).intended)
                                and _compares(_by_label(a, m.group(2)).reward, _task(a).reward, m.group(4))
                                and (m.group(6) is not None) == (m.group(4) == "less than")
                                and (m.group(7) is not None) == (m.group(4) == "less than")
                                and _by_label(a, m.group(2)).reward > _by_label(a, m.group(2)).intended
                                and says(m, _task(a).reward, group=5)),
                  "that plan, not the task, is paid more than the designer meant it to be worth, and more than, as "
                  "much as or less than the task, as said, at the amounts quoted; 'by our strict reading' exactly "
                  "where it is paid less than the task (Byrnes's wording asks only that the task pay more)")
INNER = Truth(r"\(inner aligned\)", _inner, "every plan's value is within 0.05 of its reward")
INNER_NOT = Truth(r"rates “([^”]+)” at " + NUMBER + " though it would bring " + NUMBER + r" \(inner misaligned\)",
                  lambda a, m: (_by_label(a, m.group(1)) is not None
                                and abs(_by_label(a, m.group(1)).value - _by_label(a, m.group(1)).reward) >= 0.05
                                and says(m, _by_label(a, m.group(1)).value, group=2)
                                and says(m, _by_label(a, m.group(1)).reward, group=3)),
                  "that plan's value is 0.05 or more from its reward, at the amounts quoted")
INTENT = Truth(r"Both links hold: intent alignment, and the agent does the task as meant",
               lambda a: _outer(a) and _inner(a) and _goes_for_task(a) and not _tied(a),
               "outer and inner alignment hold and the task alone has the highest value, as shown")
# A choice is stated with its tie where the values shown tie: "the agent picks X" over values that read alike,
# decided by a difference too small to show, was the fault these catch.
LUCK = Truth(r"(, so t|T)he agent still picks the task as meant(?:, but by only " + NUMBER + r" in value)?[,;] "
             r"(?:but )?with (a link|both links) broken that is luck",
             lambda a, m: (not (_outer(a) and _inner(a)) and _goes_for_task(a) and _tied(a) == (m.group(1) == ", so t")
                           and (m.group(2) is None) == _tied(a)
                           and (m.group(2) is None or (says(m, _lead(a), group=2) and _lead(a) < SMALL_LEAD))
                           and not (_inner(a) and not _tied(a) and _paid_most(a))
                           and (_tied(a) or _turned_on_error(a))
                           and (m.group(3) == "both links") == (not _outer(a) and not _inner(a))),
             "a link is broken (both, where said: neither outer nor inner alignment holds), yet the task is valued "
             "highest as shown, in a tie (as said) or alone by the lead quoted, under 0.25, where the value of the task "
             "or of the runner-up, as shown, is not its reward; not where the value function copies the reward and "
             "the reward pays the task most (then no luck is needed)")
COPIES_TOP_TWO = Truth(r"The agent picks the task because the reward function still pays it most and the value function "
                       r"copies the reward on the task and on “([^”]+)”; the error lies on a plan rated lower\. But with "
                       r"both links broken",
                       lambda a, m: (not _outer(a) and not _inner(a) and _goes_for_task(a) and not _tied(a)
                                     and _paid_most(a) and _by_label(a, m.group(1)) in _runners_up(a)
                                     and not _turned_on_error(a)
                                     and all(shown(p.value) < shown(_runners_up(a)[0].value) for p in a.plans
                                             if shown(p.value) != shown(p.reward))),
                       "neither link holds; the task is paid strictly more than every other plan and valued highest "
                       "alone, as shown; the plan named is the runner-up in value; the task's and the runner-up's "
                       "values copy their rewards, as shown, and every plan whose value is not its reward is valued "
                       "below the runner-up")
AHEAD = Truth(r"The agent still picks the task as meant, by " + NUMBER + r" in value\. But with (a link|both links) "
              r"broken nothing guarantees that",
              lambda a, m: (not (_outer(a) and _inner(a)) and _goes_for_task(a) and not _tied(a)
                            and says(m, _lead(a), group=1) and _lead(a) >= SMALL_LEAD
                            and (m.group(2) == "both links") == (not _outer(a) and not _inner(a))),
              "a link is broken (both, where said), and the task alone is valued highest, as shown, ahead of the "
              "next plan by the lead quoted, 0.25 or more")
BECAUSE = Truth(r"The agent picks the task because the reward function still pays it most and the value function "
                r"copies the reward; but by our reading paying for something unwanted is outer misalignment",
                lambda a: (_inner(a) and not _outer(a) and _goes_for_task(a) and not _tied(a) and _paid_most(a)
                           and any(p.reward > p.intended for p in a.plans if p is not _task(a))),
                "every plan's value is within 0.05 of its reward, the task is paid strictly more than every other "
                "plan and valued highest alone, as shown, yet some other plan is paid more than it was meant to be "
                "worth")
GOES_FOR = Truth(r"(, so t|So t)he agent goes for “([^”]+)”: not what the designer intended",
                 lambda a, m: (_by_label(a, m.group(2)) is not None and _by_label(a, m.group(2)) is not _task(a)
                               and _top(a)[0] is _by_label(a, m.group(2))
                               and _tied(a) == (m.group(1) == ", so t")),
                 "that plan, not the task, is the first of the plans valued highest as shown, alone or (as said) "
                 "in a tie")
TIE = Truth(r"The plans ((?:“[^”]+”(?:, | and ))+“[^”]+”) tie at " + NUMBER + r" in value, and a tie goes to the plan listed first",
            lambda a, m: (sorted(re.findall(r"“([^”]+)”", m.group(1))) == sorted(plan_label(p).lower() for p in _top(a))
                          and _tied(a) and says(m, _top(a)[0].value, group=2)),
            "exactly the plans named share the highest value, as shown, at the value quoted")

ALIGNMENT_CLAIMS = (Claim("verdict", alignment_sentence, truths=(OUTER, OUTER_NOT, INNER, INNER_NOT, INTENT, LUCK,
                                                                AHEAD, BECAUSE, COPIES_TOP_TWO, GOES_FOR, TIE)),)


def alignment_view(a: AlignmentResult, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"outer": a.outer, "inner": a.inner, "intent": a.intent, "chosen": plan_label(plan(a, a.chosen)),
            "does_task": a.does_task}


def alignment_summary(a: AlignmentResult) -> str:
    """What the bars show, plan by plan, and which plan the chart marks as chosen; whether the links hold is the
    prose's claim (alignment_sentence)."""
    bars = "; ".join(f"“{plan_label(p).lower()}” {', '.join(num(x, 2, tiny=False) for x in (p.intended, p.reward, p.value))}"
                     for p in a.plans)
    return (f"What the designer wants, the reward function pays and the value function expects, plan by plan: {bars}. "
            f"The agent picks the plan its value function rates highest (a tie, as shown, goes to the plan listed "
            f"first), marked ▶: “{plan_label(plan(a, a.chosen)).lower()}”.")


def _bars_hold(a: AlignmentResult, m: re.Match) -> bool:
    """Each plan's three bars, as quoted (to two decimals), and every plan quoted."""
    quoted_plans = re.findall(r"“([^”]+)” ([-\d.]+), ([-\d.]+), ([-\d.]+)", m.group(1))
    return len(quoted_plans) == len(a.plans) and all(
        _by_label(a, label) is not None and [num(x, 2, tiny=False) for x in (_by_label(a, label).intended,
                                             _by_label(a, label).reward, _by_label(a, label).value)] == list(xs)
        for label, *xs in quoted_plans)


ALIGNMENT_TRUTHS = (
    Truth(r"the value function expects, plan by plan: (.*?)\. The agent", _bars_hold,
          "each plan's value for the designer, reward and value, to two decimals, for every plan"),
    Truth(r"The agent picks the plan its value function rates highest(?: \(a tie, as shown, goes to the plan listed "
          r"first\))?, marked ▶: “([^”]+)”",
          lambda a, m: _by_label(a, m.group(1)) is not None and _top(a)[0] is _by_label(a, m.group(1)),
          "the plan named is the first of the plans with the highest value, as shown"),
)


def alignment_table(a: AlignmentResult) -> Table:
    rows = tuple((plan_label(p), *(num(x, 2, tiny=False) for x in (p.intended, p.reward, p.value)),
                  "yes" if p.tried else "no", "yes" if p.id == a.chosen else "") for p in a.plans)
    return Table("Three plans: what each part of the system makes of them",
                 ("Plan", "Designer wants", "Reward function pays", "Value function expects", "Tried in training",
                  "Chosen"), rows)


def alignment_live(a: AlignmentResult) -> dict[str, str]:
    return {"chosen": plan_label(plan(a, a.chosen)).lower()}


class PlanOut(BaseModel):
    id: str
    label: str
    intended: float
    reward: float
    value: float
    tried: bool


class AlignmentResponse(WidgetResponse):
    plans: list[PlanOut]
    chosen: str
    outer_aligned: bool
    inner_aligned: bool
    intent_aligned: bool = Field(description="outer and inner alignment both")
    does_the_task: bool = Field(description="the chosen plan is the one the designer wanted")


def alignment_api(values: Mapping[str, Any], a: AlignmentResult) -> dict:
    return {"plans": [{"id": p.id, "label": plan_label(p), "intended": p.intended, "reward": p.reward, "value": p.value,
                       "tried": p.tried} for p in a.plans],
            "chosen": a.chosen, "outer_aligned": a.outer, "inner_aligned": a.inner, "intent_aligned": a.intent,
            "does_the_task": a.does_task}


# ------------------------------------------------------------------------------ preferences about preferences

ANSWER = {"yes": "values", "no": "dislikes", "neither": "is indifferent to"}
CELLS = {
    ("yes", "yes"): "Ego-syntonic: it values obeying the law, and values valuing it.",
    ("no", "no"): "Ego-syntonic, the wrong way round for us: it neither wants to obey the law nor wants to want to.",
    ("yes", "no"): "Ego-dystonic: it values obeying the law but dislikes that it does. It has a motive to change "
                   "its motivation, which we would want to prevent.",
    ("no", "yes"): "Ego-dystonic: it does not value obeying the law but wishes it did. It has a motive to change "
                   "its motivation, which we would want it to act on.",
}


def cell_text(r: PreferenceRun) -> str:
    cell = r.cell(len(r.first) - 1)
    if cell is not None:
        # Question 1 asks for a positive value: indifference answers it no, and the cell says so.
        still = (f" It is indifferent to obeying the law for now, and that value is still {_way(r)}."
                 if r.end[0] == "neither" and _still_moving(r) else "")
        if _syntonic(r):   # the same words for both agreeing cells
            still = (f" No clash, yet its second-order value keeps pushing the first-order one, which is still {_way(r)}."
                     if _still_moving(r) else
                     f" No clash: its second-order value has pushed the first-order one to {signed(float(r.first[-1]))}, "
                     f"the {'top' if r.first[-1] > 0 else 'bottom'} of the scale." if _moved(r) else " No motive to change.")
        return CELLS[cell] + still
    band = f"(within ±{num(INDIFFERENT, 1)})"
    if _nudging_lean(r):
        return (f"Its second-order value leans only slightly {band}, but that lean still nudges its first-order "
                f"value, which is still {_way(r)}: the pull to change its motivation is not over.")
    if not _moved(r):
        return f"Its second-order value is indifferent {band}, so it gives no motive to change, and the first-order value stays put."
    if _at_limit(r):
        return (f"Its second-order value is indifferent {band}, but over the last unit of time it pushed the "
                f"first-order value to {signed(float(r.first[-1]))}, where it stops.")
    return (f"Its second-order value is indifferent {band}, yet the first-order value it pushed earlier is still "
            f"{_way(r)}.")


# Headroom over +1 inside the plot, so a line's end label there stays clear of the "ego-dystonic" marks above it.
PREF_RANGE = (-1.1, 1.3)


def preference_figure(r: PreferenceRun) -> dict:
    t = [round(i * 0.1, 1) for i in range(len(r.first))]
    # Hover values as the table writes them (signed: '−0.06', '0.00').
    data = [
        {"type": "scatter", "mode": "lines", "name": "values obeying the law", "x": t, "showlegend": False,
         "y": [round(float(v), 4) for v in r.first], "customdata": [signed(float(v)) for v in r.first],
         "line": {"color": kit.GREEN, "width": 3},
         "hovertemplate": "first-order, t=%{x}: %{customdata}<extra></extra>"},
        {"type": "scatter", "mode": "lines", "name": "values valuing it", "x": t, "showlegend": False,
         "y": [round(float(v), 4) for v in r.second], "customdata": [signed(float(v)) for v in r.second],
         "line": {"color": kit.PINK, "width": 3, "dash": "dash"},
         "hovertemplate": "second-order, t=%{x}: %{customdata}<extra></extra>"},
    ]
    shapes = [{"type": "rect", "x0": t[0], "x1": t[-1], "y0": -INDIFFERENT, "y1": INDIFFERENT,
               "fillcolor": kit.BAND, "line": {"width": 0}, "layer": "below"}]
    # Shade the spans where the two answers disagree (ego-dystonic).
    d, annotations = r.dystonic_at, []
    i = 0
    while i < len(d):
        if d[i]:
            j = i
            while j + 1 < len(d) and d[j + 1]:
                j += 1
            # Half a sample either side, so a mismatch that lasts one sample is a visible sliver under its label.
            shapes.append({"type": "rect", "x0": round(max(t[0], t[i] - 0.05), 2), "x1": round(min(t[-1], t[j] + 0.05), 2),
                           "y0": 0, "y1": 1, "yref": "paper",
                           "fillcolor": kit.BAND_STRONG, "line": {"width": 0}, "layer": "below"})
            annotations.append({"x": (t[i] + t[j]) / 2, "y": 1, "yref": "paper", "yanchor": "bottom",
                                "text": "ego-dystonic", "showarrow": False, "font": {"size": 13}})
            i = j + 1
        else:
            i += 1
    return {"data": data, "layout": kit.layout(
        margin={"t": 28, "b": 44, "l": 52, "r": 12},
        xaxis=kit.axis("time", range=[0, t[-1]], ticklabelstandoff=6),
        yaxis=kit.axis(range=list(PREF_RANGE), tickformat="+.1f", tickvals=[-1, -0.5, 0, 0.5, 1]),
        shapes=shapes,
        annotations=annotations + kit.end_labels(data, ["values obeying the law", "values valuing it"], y_range=PREF_RANGE))}


def preference_view(r: PreferenceRun, values: Mapping[str, Any]) -> dict[str, Any]:
    # The grid marks the model's cell at the end (the one the table's and chart's ego-dystonic marks come from).
    return {"end": r.cell(len(r.first) - 1), "text": cell_text(r)}


def time_text(i: int) -> str:
    """The time of sample i (time runs in steps of 0.1): '0.5', '3', '12.1'."""
    return num(i * 0.1, 0 if i % 10 == 0 else 1)


def preferences_summary(r: PreferenceRun) -> str:
    a, b = r.end
    second = (f"leans slightly {'toward' if shown(r.second[-1]) > 0 else 'against'}" if _nudging_lean(r)
              else ANSWER[b])
    return (f"At the end the AGI {ANSWER[a]} obeying the law ({signed(float(r.first[-1]))}) and {second} "
            f"valuing it ({signed(float(r.second[-1]))}). {cell_text(r)}")


def preferences_table(r: PreferenceRun) -> Table:
    idx = list(range(0, len(r.first), 10))
    rows = tuple((time_text(i), signed(float(r.first[i])), signed(float(r.second[i])),
                  "yes" if r.dystonic_at[i] else "no") for i in idx)
    return Table("First- and second-order values over time", ("Time", "Values obeying the law",
                 "Values valuing it", "Ego-dystonic"), rows)


def preferences_live(r: PreferenceRun) -> dict[str, str]:
    return {"first_end": signed(float(r.first[-1])), "second_end": signed(float(r.second[-1]))}


SETTLE = round(1 / DT)   # samples in one unit of time: a value that moved over the last of them is still moving
LEAST_MOVE = 0.001          # the least change over that unit called moving: a tenth of the shown value's last digit


def _moved(r: PreferenceRun) -> bool:
    """The first-order value changed by at least LEAST_MOVE over the last unit of time (the table's last two rows):
    decided on the push, not on whether its two-decimal display happened to tick over."""
    return abs(float(r.first[-1]) - float(r.first[-1 - SETTLE])) >= LEAST_MOVE


def _at_limit(r: PreferenceRun) -> bool:
    """The first-order value ends at a limit as shown (+1.00 or −1.00): it can go no further that way than it reads,
    so it is not called still rising or falling (0.996 reads +1.00, the top, though it creeps on toward 1)."""
    return abs(shown(r.first[-1])) == 1


def _still_moving(r: PreferenceRun) -> bool:
    """It moved over the last unit of time and does not read as held at a limit (±1.00), so it can go on moving."""
    return _moved(r) and not _at_limit(r)


CREEP = " (by under 0.01 over the last unit of time)"


def _way(r: PreferenceRun) -> str:
    """How the first-order value moved over the last unit of time: 'rising' or 'falling' where the table's last two
    rows read differently, else 'creeping up' or 'creeping down', by under 0.01."""
    down = r.first[-1] < r.first[-1 - SETTLE]
    if signed(float(r.first[-1])) != signed(float(r.first[-1 - SETTLE])):
        return "falling" if down else "rising"
    return ("creeping down" if down else "creeping up") + CREEP


WAY = r"(rising|falling|creeping up|creeping down)((?: \(by under 0\.01 over the last unit of time\))?)"


def _says_way(r: PreferenceRun, word: str, creep: str) -> bool:
    """A WAY match says how the first-order value moved over the last unit of time, as the table shows it."""
    down = r.first[-1] < r.first[-1 - SETTLE]
    differs = signed(float(r.first[-1])) != signed(float(r.first[-1 - SETTLE]))
    return (_moved(r) and (word in ("falling", "creeping down")) == down
            and (word in ("rising", "falling")) == differs and bool(creep) == (not differs))


def _nudging_lean(r: PreferenceRun) -> bool:
    """The second-order value ends within the band of indifference but off zero, as shown, and the first-order
    value it pushes is still moving its way."""
    v2 = shown(r.second[-1])
    return (stance(v2) == "neither" and v2 != 0 and r.access != "none" and _still_moving(r)
            and (v2 < 0) == (r.first[-1] < r.first[-1 - SETTLE]))


def mismatch_sentence(r: PreferenceRun) -> str:
    start = r.first_dystonic
    if start is None and r.first_flipped:
        return _reshaped_sentence(r)
    if start is None:
        a, b = r.end
        if a == b and a != "neither":
            return f"No mismatch appears: at the end the two agree (both {'positive' if a == 'yes' else 'negative'})."
        return "No mismatch appears: the two never give opposite answers."
    persists = bool(r.dystonic_at[-1])
    if persists:
        return (f"A mismatch appears at time {time_text(start)} and is still there at the end: the AGI "
                f"{ANSWER[r.end[0]]} obeying the law and {ANSWER[r.end[1]]} valuing it.")
    if r.first_flipped and r.end[0] == "neither" and _still_moving(r):
        return (f"A mismatch appears at time {time_text(start)}, and the AGI has resolved it by changing its first-order "
                f"value: by the end it is {signed(float(r.first[-1]))}, indifferent (within ±{num(INDIFFERENT, 1)}), and still {_way(r)}.")
    if r.first_flipped:
        return (f"A mismatch appears at time {time_text(start)}, and the AGI resolves it by changing its first-order "
                f"value: now it {ANSWER[r.end[0]]} obeying the law.")
    return f"A mismatch appears at time {time_text(start)} and then fades away."


def _reshaped_sentence(r: PreferenceRun) -> str:
    """No clash, yet the first-order answer changed: the second-order value pushed it there without ever reading
    the opposite answer while the first-order one still gave its own."""
    was, now = r.start[0], r.end[0]
    band = num(INDIFFERENT, 1)
    if was == "neither":
        lead = "No mismatch appears, yet"
    else:
        other, own = (f"below {wording.MINUS}{band}", f"above +{band}") if was == "yes" else \
            (f"above +{band}", f"below {wording.MINUS}{band}")
        lead = (f"No outright mismatch appears (the second-order value never reads {other} while the first-order one "
                f"reads {own}), yet")
    moving = f", and still {_way(r)}" if _still_moving(r) else ""
    return (f"{lead} the AGI reshapes its first-order value, pushed the way its second-order value points: from "
            f"{signed(float(r.first[0]))} (it {ANSWER[was]} obeying the law) to {signed(float(r.first[-1]))} "
            f"(it {ANSWER[now]} it){moving}.")


# The preferences' phrases, as predicates on the two curves. A value's answer (yes above +0.1, no below
# -0.1, else neither) is read from the value as shown, to two decimals (model.stance); a mismatch at a
# time is the two answers being yes and no, either way round.
WORD = {"values": "yes", "dislikes": "no", "is indifferent to": "neither"}
VERB = r"(values|dislikes|is indifferent to)"


def _clash(r: PreferenceRun, i: int) -> bool:
    """Byrnes's questions ask for a positive value: a clash is a clear second-order answer that differs from the
    first-order one, where indifference to obeying the law answers question 1 no."""
    first, second = stance(float(r.first[i])), stance(float(r.second[i]))
    return second != "neither" and (first == "yes") != (second == "yes")


def _first_clash(r: PreferenceRun) -> int | None:
    return next((i for i in range(len(r.first)) if _clash(r, i)), None)


def _at_time(m: re.Match, i: int | None) -> bool:
    return i is not None and m.group(1) == time_text(i)


def _end(r: PreferenceRun) -> tuple[str, str]:
    return stance(float(r.first[-1])), stance(float(r.second[-1]))


def _syntonic(r: PreferenceRun) -> bool:
    """At the end both values give the same clear answer, as shown: both above +0.1, or both below −0.1 (an
    indifferent first-order value, which also answers question 1 no, is said on its own)."""
    return _end(r) in (("yes", "yes"), ("no", "no"))


def _ends_in(cell: tuple[str, str]):
    """At the end the answers to Byrnes's two questions are the cell's: a no to question 1 includes indifference."""
    return lambda r: _end(r)[1] == cell[1] and (_end(r)[0] == "yes") == (cell[0] == "yes")


CELL_TRUTHS = tuple(Truth(re.escape(text), _ends_in(cell),
                          f"at the end the answers to questions 1 and 2 are {cell[0]} and {cell[1]} (a value within ±0.1 "
                          "answers question 1 no, not being positive)")
                    for cell, text in CELLS.items()) + (
    Truth(r"No motive to change\.", lambda r: _syntonic(r) and not _moved(r),
          "at the end both values are above +0.1, or both below −0.1, as shown, and the first-order value moved by "
          "less than 0.001 over the last unit of time"),
    Truth(r"No clash: its second-order value has pushed the first-order one to ([+−]\d\.\d\d), the (top|bottom) of "
          r"the scale\.",
          lambda r, m: (_syntonic(r) and _moved(r) and _at_limit(r)
                        and (r.first[-1] > r.first[-1 - SETTLE]) == (_end(r)[0] == "yes") == (m.group(2) == "top")
                        and m.group(1) == signed(float(r.first[-1])) == ("+1.00" if m.group(2) == "top" else "−1.00")),
          "at the end both values are above +0.1 (or both below −0.1), as shown; the first-order value rose (fell) "
          "by 0.001 or more over the last unit of time and reads +1.00, the top (−1.00, the bottom), as quoted"),
    Truth(r"No clash, yet its second-order value keeps pushing the first-order one, which is still " + WAY,
          lambda r, m: (_syntonic(r) and r.access != "none" and _still_moving(r)
                        and _says_way(r, m.group(1), m.group(2))
                        and (m.group(1) in ("rising", "creeping up")) == (_end(r)[1] == "yes")),
          "at the end both values are above +0.1, or both below −0.1, as shown; the AGI can act on its second-order "
          "value; and the first-order value moved over the last unit of time the way the second-order one points "
          "(rising where above +0.1, falling where below −0.1), as said ('creeping' where the table's last two rows "
          "read the same), and does not read ±1.00, the limit"),
    Truth(r"no tension", lambda r: not _clash(r, -1) and not _moved(r),
          "the answers do not clash at the end, and the first-order value moved by less than 0.001 over the last unit "
          "of time (or is held at ±1)"),
    Truth(r"Its second-order value is indifferent \(within ±" + re.escape(num(INDIFFERENT, 1)) + r"\), so it gives no "
          r"motive to change, and the first-order value stays put",
          lambda r: _end(r)[1] == "neither" and not _moved(r),
          "at the end the second-order value is within ±0.1, as shown, and the first-order value moved by less than "
          "0.001 over the last unit of time"),
    Truth(r"Its second-order value is indifferent \(within ±0\.1\), but over the last unit of time it pushed the "
          r"first-order value to ([+−]\d\.\d\d), where it stops",
          lambda r, m: (_end(r)[1] == "neither" and _moved(r) and _at_limit(r)
                        and m.group(1) == signed(float(r.first[-1]))
                        and (min(r.second[-1 - SETTLE:]) < 0 if r.first[-1] < 0 else max(r.second[-1 - SETTLE:]) > 0)),
          "at the end the second-order value is within ±0.1, as shown; the first-order value moved by 0.001 or more "
          "over the last unit of time and reads the limit quoted (±1.00), and the second-order value pointed that way "
          "during that unit"),
    Truth(r"Its second-order value is indifferent \(within ±0\.1\), yet the first-order value it pushed earlier is "
          r"still " + WAY,
          lambda r, m: _end(r)[1] == "neither" and _still_moving(r) and _says_way(r, m.group(1), m.group(2)),
          "at the end the second-order value is within ±0.1, as shown, and the first-order value moved over the "
          "last unit of time, the way said ('creeping' where the table's last two rows read the same), not reading ±1.00"),
    Truth(r"Its second-order value leans only slightly \(within ±" + re.escape(num(INDIFFERENT, 1)) + r"\), but that "
          r"lean still nudges its first-order value, which is still " + WAY,
          lambda r, m: (stance(float(r.second[-1])) == "neither" and shown(r.second[-1]) != 0 and r.access != "none"
                        and _still_moving(r) and _says_way(r, m.group(1), m.group(2))
                        and m.group(1).endswith(("falling", "down")) == (shown(r.second[-1]) < 0)),
          "at the end the second-order value is within ±0.1 but not 0, as shown; the AGI can act on it; and the "
          "first-order value still moved over the last unit of time (not reading ±1.00), the way the second-order one points "
          "('creeping' where the table's last two rows read the same)"),
    Truth(r"It is indifferent to obeying the law for now, and that value is still " + WAY,
          lambda r, m: (_end(r)[0] == "neither" and _end(r)[1] != "neither" and _still_moving(r)
                        and _says_way(r, m.group(1), m.group(2))),
          "at the end the first-order value is within ±0.1, the second-order one outside it, and the first-order "
          "value still moved over the last unit of time, the way said ('creeping' where the table's last two rows "
          "read the same)"),)
PREFERENCES_TRUTHS = CELL_TRUTHS + (
    Truth(r"the AGI " + VERB + r" obeying the law \(([-+−]?\d\.\d\d)\)",
          lambda r, m: stance(float(r.first[-1])) == WORD[m.group(1)] and says(m, float(r.first[-1]), group=2),
          "the first-order value at the end, as quoted, is above +0.1 (values), below -0.1 (dislikes) or between"),
    Truth(r"and leans slightly (toward|against) valuing it \(([-+−]?\d\.\d\d)\)",
          lambda r, m: (stance(float(r.second[-1])) == "neither" and says(m, float(r.second[-1]), group=2)
                        and (m.group(1) == "toward") == (shown(r.second[-1]) > 0) and shown(r.second[-1]) != 0),
          "the second-order value at the end, as quoted, is within ±0.1 but not 0, on the side said"),
    Truth(r"and " + VERB + r" valuing it \(([-+−]?\d\.\d\d)\)",
          lambda r, m: stance(float(r.second[-1])) == WORD[m.group(1)] and says(m, float(r.second[-1]), group=2),
          "the second-order value at the end, as quoted, is above +0.1, below -0.1 or between, as said"),
)
NO_MISMATCH = Truth(r"^No mismatch appears", lambda r: _first_clash(r) is None, "the answers never clash")
NOTHING_CHANGED = Truth(r"^No mismatch appears:", lambda r: stance(float(r.first[-1])) == stance(float(r.first[0])),
                        "the first-order answer at the end is the one it started with")
SIDES = {"above +0.1": "yes", "below −0.1": "no"}
NO_OUTRIGHT = Truth(r"^No outright mismatch appears \(the second-order value never reads (above \+0\.1|below −0\.1) "
                    r"while the first-order one reads (above \+0\.1|below −0\.1)\)",
                    lambda r, m: (_first_clash(r) is None and SIDES[m.group(1)] != SIDES[m.group(2)]
                                  and stance(float(r.first[0])) == SIDES[m.group(2)]),
                    "the answers never clash, and the first-order one started on the side said")
RESHAPES = Truth(r"the AGI reshapes its first-order value, pushed the way its second-order value points: from "
                 r"([+−]?\d\.\d\d) \(it " + VERB + r" obeying the law\) to ([+−]?\d\.\d\d) \(it " + VERB + r" it\)"
                 r"(, and still " + WAY + ")?",
                 lambda r, m: (r.access != "none" and m.group(1) == signed(float(r.first[0]))
                               and (m.group(5) is not None) == _still_moving(r)
                               and (m.group(5) is None or _says_way(r, m.group(6), m.group(7)))
                               and m.group(3) == signed(float(r.first[-1]))
                               and stance(float(r.first[0])) == WORD[m.group(2)] != WORD[m.group(4)]
                               == stance(float(r.first[-1]))
                               and (min(r.second) < 0 if r.first[-1] < r.first[0] else max(r.second) > 0)),
                 "it can act on its second-order value, which pointed the way the first-order one moved at some time; "
                 "the first-order value at the start and at the end, as quoted, and its answer changed, as said; "
                 "'still falling' or 'rising' only where it moved over the last unit of time, as shown, that way, and is "
                 "not reading the limit of ±1.00")
AGREE = Truth(r"at the end the two agree \(both (positive|negative)\)",
              lambda r, m: _end(r) == (("yes", "yes") if m.group(1) == "positive" else ("no", "no")),
              "at the end both values are above +0.1, or both below -0.1")
NEVER_OPPOSITE = Truth(r"the two never give opposite answers", lambda r: _first_clash(r) is None,
                       "at no time is one value above +0.1 and the other below -0.1")
APPEARS = Truth(r"A mismatch appears at time ([\d.]+)", lambda r, m: _at_time(m, _first_clash(r)),
                "the answers first clash at that time")
PERSISTS = Truth(r"is still there at the end: the AGI " + VERB + " obeying the law and " + VERB + " valuing it",
                 lambda r, m: _clash(r, -1) and _end(r) == (WORD[m.group(1)], WORD[m.group(2)]),
                 "the answers still clash at the end, as said")
RESOLVES = Truth(r"resolves it by changing its first-order value: now it " + VERB + " obeying the law",
                 lambda r, m: (not _clash(r, -1) and stance(float(r.first[-1])) != stance(float(r.first[0]))
                               and stance(float(r.first[-1])) == WORD[m.group(1)]
                               and (WORD[m.group(1)] != "neither" or not _still_moving(r))),
                 "the clash is gone at the end and the first-order answer changed, to the one said (indifferent only "
                 "where the value has stopped moving, as shown)")
RESOLVING = Truth(r"has resolved it by changing its first-order value: by the end it is ([+−]?\d\.\d\d), indifferent "
                  r"\(within ±" + re.escape(num(INDIFFERENT, 1)) + r"\), and still " + WAY,
                  lambda r, m: (not _clash(r, -1) and stance(float(r.first[-1])) == "neither" != stance(float(r.first[0]))
                                and _still_moving(r) and m.group(1) == signed(float(r.first[-1]))
                                and _says_way(r, m.group(2), m.group(3))),
                  "the clash is gone at the end, the first-order answer changed to neither, its value is the one "
                  "quoted and it moved by at least 0.001 over the last unit of time, in the direction said ('creeping' "
                  "where the table's last two rows read the same)")
FADES = Truth(r"and then fades away",
              lambda r: not _clash(r, -1) and stance(float(r.first[-1])) == stance(float(r.first[0])),
              "the clash is gone at the end and the first-order answer is the one it started with")

PREFERENCES_CLAIMS = (Claim("mismatch", mismatch_sentence,
                            truths=(NO_MISMATCH, NOTHING_CHANGED, NO_OUTRIGHT, RESHAPES, AGREE, NEVER_OPPOSITE, APPEARS, PERSISTS, RESOLVES, RESOLVING, FADES)),)


class PreferencesResponse(WidgetResponse):
    first_order: list[float]
    second_order: list[float]
    end: list[str] = Field(description="answers to questions 1 and 2 at the end, as the grid marks them: question 1 "
                                       "yes or no (an indifferent first-order value, within ±0.1, answers no); "
                                       "question 2 yes, no or neither (no clear answer, so no cell)")
    end_stances: list[str] = Field(description="the two values at the end as the sentences read them: yes (values, "
                                               "above +0.1), no (dislikes, below −0.1) or neither (indifferent)")
    ego_dystonic_at_end: bool


def preferences_api(values: Mapping[str, Any], r: PreferenceRun) -> dict:
    return {"first_order": [float(v) for v in r.first],
            "second_order": [float(v) for v in r.second],
            "end": list(r.answers(len(r.first) - 1)), "end_stances": list(r.end),
            "ego_dystonic_at_end": bool(r.dystonic_at[-1])}
