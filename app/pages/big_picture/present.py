"""Presenters for the big-picture page: the diagram's words at each step, the figures, tables,
live numbers, claims and API payloads. Pure functions of the models' results."""
from __future__ import annotations

from typing import Any, Literal, Mapping

from pydantic import BaseModel, Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse

from .model import (INDIFFERENT, OVERRIDE_AT, THOUGHT_LR, AlignmentResult, PredictorRun, PreferenceRun,
                    Thought)


def signed(x: float) -> str:
    return "0.00" if round(x, 2) == 0 else f"{x:+.2f}"


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
    if t.mode == "override":
        return (f"its own verdict ({signed(t.innate)}) is strong enough to override the guess, "
                f"so the actual valence is {signed(t.valence)}")
    return (f"its own verdict ({signed(t.innate)}) is too weak to override (under ±{OVERRIDE_AT:.1f}), "
            f"so it defers to the guess: the actual valence is {signed(t.valence)}")


def step_text(t: Thought, n: int) -> str:
    """The explanation of step n, worded from this thought's numbers."""
    return {
        1: "A cookie comes into view. The signal goes both to the Thought Generator and to the Steering "
           "Subsystem's own hard-wired sensory processing, which can react without any learned help.",
        2: "The Thought Generator puts forward a thought: “eat the cookie”. A thought here is a whole "
           "package: a plan, what it is about, what it expects to happen.",
        3: f"Each Thought Assessor guesses one Steering Subsystem signal from the thought: valence "
           f"{signed(t.valence_guess)}; {t.sugar_guess:.0%} that it will taste of sugar; {t.fear_guess:.0%} "
           f"that it will be scary.",
        4: "The guesses travel down to the Steering Subsystem. It cannot read the thought itself; these "
           "guesses are all it learns about it.",
        5: f"The Steering Subsystem weighs the guesses against its own state (hunger {t.hunger:.0%}). "
           f"In our toy rule {verdict(t)}.",
        6: (f"The actual valence ({signed(t.valence)}) goes back up to the Thought Generator. "
            + ("It is positive, so the thought is kept: the plan goes ahead and the hand reaches for the cookie."
               if t.kept else "It is not positive, so the thought is discarded, and the Thought Generator "
                              "tries another one.")),
        7: ("The Steering Subsystem's signals go back up as each assessor's training target. "
            + (f"The valence assessor's guess moves from {signed(t.valence_guess)} toward "
               f"{signed(t.valence)}, to {signed(t.valence_guess_after)}."
               if t.mode == "override" and signed(t.valence_guess) != signed(t.valence_guess_after) else
               f"The Steering Subsystem overrode, but with the value the assessor had guessed "
               f"({signed(t.valence_guess)}): there is nothing to correct."
               if t.mode == "override" else
               f"The Steering Subsystem deferred, so the target was the guess itself "
               f"({signed(t.valence_guess)}): there is nothing to correct.")),
    }[n]


def thought_view(t: Thought, values: Mapping[str, Any]) -> dict[str, Any]:
    n = min(max(int(values["step"]), 1), len(STEPS))
    sid, title, lit = STEPS[n - 1]
    # Numbers appear in the drawing from the step that produces them.
    say = {
        "thought": ("“Eat the cookie?”" if n < 6 else "Kept: reach for it." if t.kept
                    else "Discarded: try another."),
        "rows": [["valence guess", signed(t.valence_guess if n < 7 else t.valence_guess_after) if n >= 3 else ""],
                 ["“I'll taste sugar”", f"{t.sugar_guess:.0%}" if n >= 3 else ""],
                 ["“I'll be scared”", f"{t.fear_guess:.0%}" if n >= 3 else ""]],
        "steer": (f"Hunger {t.hunger:.0%}. " + ("" if n < 5 else
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
    data = [{"type": "bar", "x": labels, "y": ys, "showlegend": False,
             "marker": {"color": [c for *_, c, _ in VALENCE_BARS],
                        "pattern": {"shape": [p for *_, p in VALENCE_BARS], "fgcolor": kit.PAPER}},
             "text": [signed(y) for y in ys], "textposition": "outside", "cliponaxis": False,
             "textfont": {"size": 13, "color": kit.INK},
             "hovertemplate": "%{x}: %{y:+.2f}<extra></extra>"}]
    shapes = [{"type": "rect", "y0": -OVERRIDE_AT, "y1": OVERRIDE_AT, "x0": 0, "x1": 1, "xref": "paper",
               "fillcolor": kit.BAND, "line": {"width": 0}, "layer": "below"},
              {"type": "line", "y0": 0, "y1": 0, "x0": 0, "x1": 1, "xref": "paper",
               "line": {"color": kit.INK, "width": 1.5}}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 48, "l": 10, "r": 10},
        xaxis=kit.axis(tickfont={"size": 13}),
        yaxis=kit.axis(range=[-1.35, 1.35], zeroline=False, automargin=True,
                       tickvals=[-1, -OVERRIDE_AT, 0, OVERRIDE_AT, 1],
                       ticktext=["discard −1", f"−{OVERRIDE_AT:g}", "0", f"+{OVERRIDE_AT:g}", "keep +1"]),
        shapes=shapes)}


def thought_summary(t: Thought) -> str:
    return (f"Valence guess {signed(t.valence_guess)}; the innate verdict is {signed(t.innate)}, so the Steering "
            f"Subsystem {'overrides' if t.mode == 'override' else 'defers'}; actual valence {signed(t.valence)}: "
            f"the thought is {'kept' if t.kept else 'discarded'}; the guess becomes {signed(t.valence_guess_after)}.")


def thought_table(t: Thought) -> Table:
    rows = (("Valence guess (valence Thought Assessor)", signed(t.valence_guess)),
            ("“I'll taste sugar” guess", f"{t.sugar_guess:.0%}"), ("“I'll be scared” guess", f"{t.fear_guess:.0%}"),
            ("Hunger (Steering Subsystem state)", f"{t.hunger:.0%}"),
            ("Innate verdict (our toy rule)", signed(t.innate)),
            ("Mode", "override" if t.mode == "override" else "defer to predictor"),
            ("Actual valence", signed(t.valence)), ("The thought is", "kept" if t.kept else "discarded"),
            ("Valence guess after learning", signed(t.valence_guess_after)))
    return Table("One thought, start to finish", ("Quantity", "Value"), rows)


def thought_live(t: Thought) -> dict[str, str]:
    return {"innate": signed(t.innate), "valence": signed(t.valence), "after": signed(t.valence_guess_after),
            "guess": signed(t.valence_guess), "lr": f"{THOUGHT_LR:g}", "override_at": f"{OVERRIDE_AT:g}"}


THOUGHT_CLAIMS = (
    Claim("decision", lambda t: (
        f"At these settings the Steering Subsystem {'overrides' if t.mode == 'override' else 'defers'}, the "
        f"actual valence is {signed(t.valence)}, and the thought is "
        f"{'kept: the hand reaches for the cookie' if t.kept else 'discarded'}.")),
    Claim.either("learning", lambda t: t.mode == "defer",
                 lambda t: (f"Because it deferred, the valence assessor's training target was its own guess, "
                            f"so it stays at {signed(t.valence_guess)}: nothing tells it whether the guess was right."),
                 lambda t: (f"Because it overrode, the valence assessor is corrected: its guess moves from "
                            f"{signed(t.valence_guess)} to {signed(t.valence_guess_after)}."
                            if signed(t.valence_guess) != signed(t.valence_guess_after) else
                            f"It overrode, but with the value the assessor had guessed ({signed(t.valence_guess)}), "
                            f"so there is nothing to correct.")),
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

def guess_figure(r: PredictorRun) -> dict:
    trials = list(range(r.trials + 1))
    guesses = [round(float(x), 4) for x in r.cue_guesses()]
    overrides = [t + 1 for t in range(r.trials) if r.overridden[t]]
    data = [
        {"type": "scatter", "mode": "lines", "name": "guess at cue", "x": trials, "y": guesses,
         "line": {"color": kit.BLUE, "width": 3}, "hovertemplate": "after trial %{x}: %{y:.0%}<extra></extra>"},
        {"type": "scatter", "mode": "lines", "name": "how often it came", "x": [0, r.trials],
         "y": [round(r.observed, 4)] * 2, "line": {"color": kit.VERMILION, "dash": "dash", "width": 2},
         "hovertemplate": "observed rate %{y:.0%}<extra></extra>"},
        {"type": "scatter", "mode": "markers", "name": "override", "x": overrides,
         "y": [-0.06] * len(overrides), "marker": {"symbol": "line-ns-open", "size": 8, "color": kit.INK},
         "hovertemplate": "override in trial %{x}<extra></extra>", "cliponaxis": False},
    ]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 112, "l": 52, "r": 12},
        xaxis=kit.axis("trial", range=[0, r.trials]), yaxis=kit.axis(range=[-0.1, 1.05], tickformat=".0%"),
        legend=kit.FOOT_LEGEND)}


def signal_figure(r: PredictorRun) -> dict:
    pad = 2
    x = list(range(-pad, r.delay + pad + 1))

    def trace(signal, name, colour, dash):
        y = [0.0] * pad + [round(float(v), 4) for v in signal] + [0.0] * pad
        return {"type": "scatter", "mode": "lines", "name": name, "x": x, "y": y, "line": {"color": colour, "dash": dash,
                "width": 3, "shape": "hv"}, "hovertemplate": name + ", step %{x}: %{y:.0%}<extra></extra>"}
    data = [trace(r.signals[0], "first trial", kit.GREY, "dot"), trace(r.signals[-1], "last trial", kit.VERMILION, "solid")]
    shapes = [{"type": "line", "x0": x0, "x1": x0, "y0": 0, "y1": 1, "yref": "paper",
               "line": {"color": kit.INK, "width": 1, "dash": "dot"}} for x0 in (0, r.delay)]
    # "outcome" sits a line above "cue", so the two never collide when the delay is one step.
    annotations = [{"x": 0, "y": 1, "yref": "paper", "yanchor": "bottom", "xanchor": "left", "text": " cue",
                    "showarrow": False, "font": {"size": 13}},
                   {"x": r.delay, "y": 1, "yref": "paper", "yanchor": "bottom", "xanchor": "right",
                    "yshift": 18, "text": "outcome ", "showarrow": False, "font": {"size": 13}}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 46, "b": 88, "l": 52, "r": 12},
        xaxis=kit.axis("steps after the cue", range=[-pad - 0.5, r.delay + pad + 0.5]),
        yaxis=kit.axis(range=[-0.05, 1.05], tickformat=".0%"), legend=kit.FOOT_LEGEND,
        shapes=shapes, annotations=annotations)}


def predictor_summary(r: PredictorRun) -> str:
    return (f"Over {r.trials} trials the outcome followed the cue {r.observed:.0%} of the time and the innate "
            f"circuitry overrode {r.override_count} times. The guess at the cue went from {r.initial:.0%} to "
            f"{r.final_guess:.0%}; in the last trial the signal at the cue was {r.anticipation:.0%}.")


def predictor_table(r: PredictorRun) -> Table:
    every = max(1, r.trials // 20)
    rows = tuple((str(t), f"{r.weights[t, 0]:.0%}",
                  "" if t == 0 else ("yes" if r.happened[t - 1] else "no"),
                  "" if t == 0 else ("yes" if r.overridden[t - 1] else "no"))
                 for t in sorted(set(range(0, r.trials + 1, every)) | {r.trials}))
    return Table("The guess at the cue after each trial (every trial where they fit; otherwise a sample)",
                 ("After trial", "Guess at the cue", "Outcome happened in that trial", "Override fired"), rows)


def predictor_live(r: PredictorRun) -> dict[str, str]:
    return {"final": f"{r.final_guess:.0%}", "observed": f"{r.observed:.0%}", "initial": f"{r.initial:.0%}",
            "anticipation": f"{r.anticipation:.0%}", "overrides": str(r.override_count), "trials": str(r.trials)}


def anticipation_sentence(r: PredictorRun) -> str:
    lead = f"{r.delay} step{'s' if r.delay != 1 else ''}"
    if r.mode == "override":
        return (f"Overriding throughout, the signal is {r.anticipation:.0%} when the cue appears: the Steering "
                f"Subsystem does not listen to the predictor, so nothing happens until the outcome, {lead} later.")
    if r.anticipation < 0.05:
        return (f"Deferring, the signal is {r.anticipation:.0%} when the cue appears: the predictor expects nothing "
                f"yet, so nothing is anticipated (the outcome followed the cue {r.observed:.0%} of the time).")
    head = f"Deferring, the signal is already {r.anticipation:.0%} when the cue appears, {lead} before the outcome is due"
    if r.observed == 0:
        return f"{head}, but the outcome never followed the cue in these trials: it anticipates an event that does not come."
    gap = abs(r.anticipation - r.observed)
    if gap > 0.15:
        return (f"{head}: a reaction ahead of the event, but {100 * gap:.0f} points off how often the event really "
                f"came ({r.observed:.0%}).")
    return f"{head} (the outcome followed the cue {r.observed:.0%} of the time): the reaction starts ahead of the event."


def persistence_sentence(r: PredictorRun) -> str:
    if r.mode == "override":
        return (f"Overriding throughout, the predictor is trained only on what the innate circuitry does one step "
                f"later; its guess at the cue ends at {r.final_guess:.0%}, and nothing uses it.")
    gap = abs(r.final_guess - r.observed)
    started_close = abs(r.initial - r.observed) <= 0.15
    if r.override_count == 0:
        verdict = ("Here the guess happens to be close to the truth, but nothing ever checked it." if started_close else
                   "A wrong guess, kept alive because the system takes its word for it: a self-fulfilling prophecy.")
        return (f"Nothing ever overrode, so the predictor was trained only on its own guesses: the guess at the cue "
                f"is still {r.final_guess:.0%} after {r.trials} trials, while the outcome followed the cue "
                f"{r.observed:.0%} of the time. {verdict}")
    times = f"{r.override_count} time{'s' if r.override_count != 1 else ''}"
    if abs(r.final_guess - r.initial) < 0.01:
        if started_close:
            return (f"The innate circuitry overrode {times} at the outcome, but the guess at the cue was already close "
                    f"to how often the outcome happened ({r.observed:.0%}) and stays at {r.final_guess:.0%}.")
        return (f"The innate circuitry overrode {times} at the outcome, but the corrections have not reached the cue "
                f"yet: the guess there is still {r.final_guess:.0%} (the outcome followed the cue {r.observed:.0%} "
                f"of the time).")
    return (f"The innate circuitry overrode {times} at the outcome, and its corrections were passed back, step by "
            f"step, to the cue: the guess there went from {r.initial:.0%} to {r.final_guess:.0%}, "
            f"{'within' if gap <= 0.15 else 'still more than'} 15 points of how often the outcome happened "
            f"({r.observed:.0%}).")


PREDICTOR_CLAIMS = (Claim("anticipation", anticipation_sentence), Claim("persistence", persistence_sentence))


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
    if values["mode"] == "override":
        off["override_rate"] = off["override_until"] = "in override mode the innate circuitry sets the signal at every step."
    return off


# ------------------------------------------------------------------------------ alignment

PLAN_BARS = (("intended", "designer wants", kit.GREEN, kit.SOLID), ("reward", "reward function pays", kit.GREY, kit.HATCH),
             ("value", "value function expects", kit.BLUE, kit.DOTS))


def alignment_figure(a: AlignmentResult) -> dict:
    labels = [("▶ " if p.id == a.chosen else "") + p.label for p in a.plans]
    data = [{"type": "bar", "orientation": "h", "name": name, "y": labels, "x": [round(getattr(p, key), 3) for p in a.plans],
             "marker": {"color": colour, "pattern": kit.pattern(pattern, colour)},
             "hovertemplate": name + ": %{x:.2f}<extra></extra>"} for key, name, colour, pattern in PLAN_BARS]
    return {"data": data, "layout": kit.layout(
        barmode="group", margin={"t": 10, "b": 96, "l": 10, "r": 12},
        xaxis=kit.axis(range=[0, 2.05]), yaxis=kit.axis(automargin=True, autorange="reversed", tickfont={"size": 13}),
        legend=kit.FOOT_LEGEND)}


def plan(a: AlignmentResult, pid: str):
    return next(p for p in a.plans if p.id == pid)


def alignment_sentence(a: AlignmentResult) -> str:
    task = plan(a, a.intended)
    if a.outer:
        outer = "the reward function pays more for the task as meant than for anything else (outer aligned)"
    else:
        rival = max((p for p in a.plans if p.id != a.intended), key=lambda p: p.reward)
        outer = (f"the reward function pays {rival.reward:.2f} for “{rival.label.lower()}”, which the designer did "
                 f"not want, against {task.reward:.2f} for the task (outer misaligned)")
    if a.inner:
        inner = "the value function rates every plan at the reward it would bring (inner aligned)"
    else:
        worst = max(a.plans, key=lambda p: abs(p.value - p.reward))
        inner = (f"the value function rates “{worst.label.lower()}” at {worst.value:.2f} though it would bring "
                 f"{worst.reward:.2f} (inner misaligned)")
    chosen = plan(a, a.chosen).label.lower()
    if a.intent:
        end = "Both links hold: intent alignment, and the agent does the task as meant."
    elif a.does_task:
        end = "The agent still picks the task as meant, but with a link broken that is luck, not intent alignment."
    else:
        end = f"So the agent goes for “{chosen}”: not what the designer intended."
    return f"Here {outer}, and {inner}. {end}"


ALIGNMENT_CLAIMS = (Claim("verdict", alignment_sentence),)


def alignment_view(a: AlignmentResult, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"outer": a.outer, "inner": a.inner, "intent": a.intent, "chosen": plan(a, a.chosen).label,
            "does_task": a.does_task}


def alignment_summary(a: AlignmentResult) -> str:
    return alignment_sentence(a)


def alignment_table(a: AlignmentResult) -> Table:
    rows = tuple((p.label, f"{p.intended:.2f}", f"{p.reward:.2f}", f"{p.value:.2f}", "yes" if p.tried else "no",
                  "yes" if p.id == a.chosen else "") for p in a.plans)
    return Table("Three plans: what each part of the system makes of them",
                 ("Plan", "Designer wants", "Reward function pays", "Value function expects", "Tried in training",
                  "Chosen"), rows)


def alignment_live(a: AlignmentResult) -> dict[str, str]:
    return {"chosen": plan(a, a.chosen).label.lower()}


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
    return {"plans": [{"id": p.id, "label": p.label, "intended": p.intended, "reward": p.reward, "value": p.value,
                       "tried": p.tried} for p in a.plans],
            "chosen": a.chosen, "outer_aligned": a.outer, "inner_aligned": a.inner, "intent_aligned": a.intent,
            "does_the_task": a.does_task}


# ------------------------------------------------------------------------------ preferences about preferences

ANSWER = {"yes": "values", "no": "dislikes", "neither": "is indifferent to"}
CELLS = {
    ("yes", "yes"): "Ego-syntonic: it values obeying the law, and values valuing it. No motive to change.",
    ("no", "no"): "Ego-syntonic, the wrong way round for us: it neither wants to obey the law nor wants to want to.",
    ("yes", "no"): "Ego-dystonic: it values obeying the law but dislikes that it does. It has a motive to change "
                   "its motivation, which we would want to prevent.",
    ("no", "yes"): "Ego-dystonic: it does not value obeying the law but wishes it did. It has a motive to change "
                   "its motivation, which we would want it to act on.",
}


def cell_text(cell: tuple[str, str]) -> str:
    return CELLS.get(cell, "On at least one of the two questions it is indifferent, so there is no tension either way.")


def preference_figure(r: PreferenceRun) -> dict:
    t = [round(i * 0.1, 1) for i in range(len(r.first))]
    data = [
        {"type": "scatter", "mode": "lines", "name": "values obeying the law", "x": t,
         "y": [round(float(v), 4) for v in r.first], "line": {"color": kit.GREEN, "width": 3},
         "hovertemplate": "first-order, t=%{x}: %{y:+.2f}<extra></extra>"},
        {"type": "scatter", "mode": "lines", "name": "values valuing it", "x": t,
         "y": [round(float(v), 4) for v in r.second], "line": {"color": kit.PINK, "width": 3, "dash": "dash"},
         "hovertemplate": "second-order, t=%{x}: %{y:+.2f}<extra></extra>"},
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
            shapes.append({"type": "rect", "x0": t[i], "x1": t[j], "y0": 0, "y1": 1, "yref": "paper",
                           "fillcolor": kit.BAND_STRONG, "line": {"width": 0}, "layer": "below"})
            annotations.append({"x": (t[i] + t[j]) / 2, "y": 1, "yref": "paper", "yanchor": "bottom",
                                "text": "ego-dystonic", "showarrow": False, "font": {"size": 13}})
            i = j + 1
        else:
            i += 1
    return {"data": data, "layout": kit.layout(
        margin={"t": 28, "b": 96, "l": 52, "r": 12},
        xaxis=kit.axis("time", range=[0, t[-1]]), yaxis=kit.axis(range=[-1.05, 1.05], tickformat="+.1f", dtick=0.5),
        legend=kit.FOOT_LEGEND, shapes=shapes, annotations=annotations)}


def preference_view(r: PreferenceRun, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"end": r.end, "text": cell_text(r.end)}


def preferences_summary(r: PreferenceRun) -> str:
    a, b = r.end
    return (f"At the end the AGI {ANSWER[a]} obeying the law ({signed(float(r.first[-1]))}) and {ANSWER[b]} "
            f"valuing it ({signed(float(r.second[-1]))}). {cell_text(r.end)}")


def preferences_table(r: PreferenceRun) -> Table:
    idx = list(range(0, len(r.first), 10))
    rows = tuple((f"{i * 0.1:g}", signed(float(r.first[i])), signed(float(r.second[i])),
                  "yes" if r.dystonic_at[i] else "no") for i in idx)
    return Table("First- and second-order values over time", ("Time", "Values obeying the law",
                 "Values valuing it", "Ego-dystonic"), rows)


def preferences_live(r: PreferenceRun) -> dict[str, str]:
    return {"first_end": signed(float(r.first[-1])), "second_end": signed(float(r.second[-1]))}


def mismatch_sentence(r: PreferenceRun) -> str:
    start = r.first_dystonic
    if start is None:
        a, b = r.end
        if a == b and a != "neither":
            return f"No mismatch appears: at the end the two agree (both {'positive' if a == 'yes' else 'negative'})."
        return "No mismatch appears: the two never point in opposite directions."
    persists = bool(r.dystonic_at[-1])
    if persists:
        return (f"A mismatch appears at time {start * 0.1:g} and is still there at the end: the AGI "
                f"{ANSWER[r.end[0]]} obeying the law and {ANSWER[r.end[1]]} valuing it.")
    if r.first_flipped:
        return (f"A mismatch appears at time {start * 0.1:g}, and the AGI resolves it by changing its first-order "
                f"value: it now {ANSWER[r.end[0]]} obeying the law.")
    return f"A mismatch appears at time {start * 0.1:g} and then fades away."


PREFERENCES_CLAIMS = (Claim("mismatch", mismatch_sentence),)


class PreferencesResponse(WidgetResponse):
    first_order: list[float]
    second_order: list[float]
    end: list[str] = Field(description="answers to questions 1 and 2 at the end: yes, no or neither")
    ego_dystonic_at_end: bool


def preferences_api(values: Mapping[str, Any], r: PreferenceRun) -> dict:
    return {"first_order": [float(v) for v in r.first],
            "second_order": [float(v) for v in r.second], "end": list(r.end),
            "ego_dystonic_at_end": bool(r.dystonic_at[-1])}
