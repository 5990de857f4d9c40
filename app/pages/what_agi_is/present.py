"""Presenters for the three models of the what-AGI-is page: pure functions of their results."""
from __future__ import annotations

import math
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Number, Table, WidgetResponse

from .model import (EXAM_BAND, SCIENCE_BAND, STRATEGY_SETS, VISIBLE, AngelResult, KnowResult, LunchResult, TargetResult,
                    looks, no_free_lunch, problems)

FAMILY_LABEL = {"one-hill": "one-hill problems", "smooth": "smooth problems"}
STRATEGY_LABEL = {"left-to-right": "Left to right", "right-to-left": "Right to left", "shuffled": "Shuffled order",
                  "hill-climb": "Hill-climb"}


def fmt(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}"


# ------------------------------------------------------------------------------ no free lunch

def lunch_figure(r: LunchResult, axis_tops: Mapping[int, float]) -> dict:
    # Two-line tick labels, kept horizontal, so they fit under four bar pairs on a 360 px screen.
    labels = [STRATEGY_LABEL[s].replace(" ", "<br>", 1) for s in r.strategies]
    names = [STRATEGY_LABEL[s] for s in r.strategies]
    data = [
        {"type": "bar", "name": f"Every problem ({r.counts['all']:,})", "x": labels,
         "y": [round(float(r.mean_all[s]), 4) for s in r.strategies], "marker": {"color": kit.GREY},
         "texttemplate": "%{y:.2f}", "textposition": "outside", "cliponaxis": False,
         "customdata": names,
         "hovertemplate": "%{customdata}: %{y:.3f} tries<extra>every problem</extra>"},
        {"type": "bar", "name": f"Only {FAMILY_LABEL[r.family]} ({r.counts[r.family]:,})", "x": labels,
         "y": [round(float(r.mean_family[s]), 4) for s in r.strategies],
         "marker": {"color": kit.BLUE, "pattern": kit.pattern(kit.HATCH, kit.BLUE)},
         "texttemplate": "%{y:.2f}", "textposition": "outside", "cliponaxis": False,
         "customdata": names,
         "hovertemplate": "%{customdata}: %{y:.3f} tries<extra>" + FAMILY_LABEL[r.family] + "</extra>"},
    ]
    # The axis stays put while the reader changes anything but the number of points, so bar heights
    # compare across states: it runs past the most tries any setting needs on this many points.
    return {"data": data, "layout": kit.layout(
        barmode="group", bargroupgap=0.15, margin={"t": 40, "b": 48, "l": 56, "r": 10},
        yaxis=kit.axis("average tries to find the best", range=[0, axis_tops[r.n]]),
        xaxis=kit.axis(tickangle=0),
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
    )}


def lunch_axis_top(size: int, values: Number) -> float:
    """Just above the largest average any strategy needs, over every declared setting with `size`
    points (`values`: the slider of possible values per point)."""
    worst = max(float(v) for k in range(int(values.min), int(values.max) + 1) for family in FAMILY_LABEL
                for r in (no_free_lunch(size, k, family, "all"),)
                for v in (*r.mean_all.values(), *r.mean_family.values()))
    return round(worst * 1.2, 2)


def tiny_world(r: LunchResult, values: Mapping[str, Any], max_n: int, max_k: int) -> dict[str, Any]:
    """The tiny world behind the averages: one sample structured problem (the same for a given
    setting), its points and values, and where each strategy looks, in order, until it finds the best.
    `max_n`, `max_k`: the most points and values the sliders allow (the drawing's fixed size)."""
    family = problems(r.family, r.n, r.k)
    sample = family[len(family) // 3]
    best = max(sample)
    return {"n": r.n, "k": r.k, "heights": sample, "best": best, "count": len(family),
            "max_n": max_n, "max_k": max_k,
            "max_rows": max(len(v) for v in STRATEGY_SETS.values()),
            "family": FAMILY_LABEL[r.family], "sample_index": len(family) // 3 + 1,
            "rows": [{"label": STRATEGY_LABEL[s], "order": order, "at": {x: i + 1 for i, x in enumerate(order)}}
                     for s in r.strategies for order in (looks(s, sample),)]}


def lunch_summary(r: LunchResult) -> str:
    every = {fmt(float(v), 3) for v in r.mean_all.values()}
    return (f"Over all {r.counts['all']:,} problems on {r.n} points with {r.k} values, every strategy needs "
            f"{' / '.join(sorted(every))} tries on average. {family_sentence(r)}")


def lunch_table(r: LunchResult) -> Table:
    rows = tuple((STRATEGY_LABEL[s], f"{r.mean_all[s].numerator}/{r.mean_all[s].denominator} = {float(r.mean_all[s]):.3f}",
                  f"{float(r.mean_family[s]):.3f}") for s in r.strategies)
    return Table("Average number of tries until the best answer is found (exact)",
                 ("Strategy", "Every problem", f"Only {FAMILY_LABEL[r.family]}"), rows)


def family_sentence(r: LunchResult) -> str:
    """Who does best on the structured problems, from the exact averages (ties are ties)."""
    fam = FAMILY_LABEL[r.family]
    if r.counts[r.family] == r.counts["all"]:
        return (f"With these settings every problem counts as {fam.removesuffix(' problems')}, so the structured set is "
                f"the whole set and every strategy ties again, at {fmt(float(r.mean_all[r.strategies[0]]))} looks.")
    def names(group: list[str]) -> str:
        return group[0] if len(group) == 1 else ", ".join(group[:-1]) + " and " + group[-1]
    best_mean, worst_mean = min(r.mean_family.values()), max(r.mean_family.values())
    best = [STRATEGY_LABEL[s].lower() for s in r.strategies if r.mean_family[s] == best_mean]
    worst = [STRATEGY_LABEL[s].lower() for s in r.strategies if r.mean_family[s] == worst_mean]
    who = names(best) + (" does best" if len(best) == 1 else " tie for best")
    rest = "" if worst_mean == best_mean else f", against {fmt(float(worst_mean))} for {names(worst)}"
    return f"At these settings, on the {fam}, {who}, with {fmt(float(best_mean))} looks on average{rest}."


def lunch_live(r: LunchResult) -> dict[str, str]:
    best = min(r.strategies, key=lambda s: r.mean_family[s])
    return {"all_mean": fmt(float(r.mean_all[r.strategies[0]])), "count": f"{r.counts['all']:,}",
            "family_best": STRATEGY_LABEL[best].lower(), "family_best_mean": fmt(float(r.mean_family[best]))}


class LunchResponse(WidgetResponse):
    strategies: list[str]
    problems: dict[str, int]
    mean_tries_all: dict[str, float]
    mean_tries_all_exact: dict[str, str] = Field(description="Exact fractions, e.g. '1732/729'.")
    mean_tries_family: dict[str, float]


def lunch_api(values: Mapping[str, Any], r: LunchResult) -> dict:
    return {"strategies": list(r.strategies), "problems": r.counts,
            "mean_tries_all": {s: float(v) for s, v in r.mean_all.items()},
            "mean_tries_all_exact": {s: f"{v.numerator}/{v.denominator}" for s, v in r.mean_all.items()},
            "mean_tries_family": {s: float(v) for s, v in r.mean_family.items()}}


# ------------------------------------------------------------------- knowing vs figuring out

AGENT_STYLE = {"knower": ("Already knows (memorised)", kit.PINK, "dash"),
               "figurer": ("Figures it out (learns on the job)", kit.BLUE, "solid")}


# Novelty is drawn on a square-root scale (ticks at the true values), so the low-novelty range where
# exams sit and the agents usually cross is not squeezed into the left edge.
NOVELTY_TICKS = (0, 0.01, 0.04, 0.1, 0.25, 0.5, 1)


def _sqrt(v: float) -> float:
    return round(math.sqrt(v), 4)


def know_figure(r: KnowResult) -> dict:
    x = [_sqrt(float(v)) for v in r.novelty]
    novelty = [round(float(v), 3) for v in r.novelty]
    data = [{"type": "scatter", "mode": "lines", "name": AGENT_STYLE[a][0], "x": x, "customdata": novelty,
             "y": [round(float(v), 4) for v in c], "line": {"color": AGENT_STYLE[a][1], "dash": AGENT_STYLE[a][2], "width": 3},
             "hovertemplate": AGENT_STYLE[a][0] + ": %{y:.0%}<extra>novelty %{customdata:.0%}</extra>"}
            for a, c in r.curves.items()]
    shapes = [{"type": "rect", "x0": _sqrt(lo), "x1": _sqrt(hi), "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
               "fillcolor": kit.BAND_STRONG, "line": {"width": 0}, "layer": "below"}
              for lo, hi in (EXAM_BAND, SCIENCE_BAND)]
    annotations = [
        {"x": 0, "y": 1.0, "xref": "x", "yref": "paper", "xanchor": "left", "yanchor": "bottom", "showarrow": False,
         "text": "← exam<br>questions", "font": {"size": 13}},
        {"x": 1, "y": 1.0, "xref": "x", "yref": "paper", "xanchor": "right", "yanchor": "bottom", "showarrow": False,
         "text": "new science,<br>a new company →", "font": {"size": 13}},
    ]
    if r.crossover is not None:
        shapes.append({"type": "line", "x0": _sqrt(r.crossover), "x1": _sqrt(r.crossover), "y0": 0, "y1": 1, "xref": "x",
                       "yref": "paper", "line": {"color": kit.INK, "dash": "dot", "width": 1.5}})
        # Right of the line, or left of it near the right edge, so the label stays inside.
        annotations.append({"x": _sqrt(r.crossover), "y": 0.05, "xref": "x", "yref": "paper",
                            "xanchor": kit.anchor_inside(_sqrt(r.crossover)),
                            "showarrow": False, "text": f" crossover at {r.crossover:.0%} ",
                            "font": {"size": 13}})
    return {"data": data, "layout": kit.layout(
        margin={"t": 46, "b": 96, "l": 56, "r": 14},
        xaxis=kit.axis("novelty (square-root scale)", title_size=13, ticklabelstandoff=6,
                       range=[-0.01, 1.01], tickangle=0, tickvals=[_sqrt(v) for v in NOVELTY_TICKS],
                       ticktext=[f"{v:.0%}" for v in NOVELTY_TICKS]),
        yaxis=kit.axis("chance of success", tickformat=".0%", range=[0, 1.02]),
        legend=kit.FOOT_LEGEND, shapes=shapes, annotations=annotations,
    )}


def crossover_sentence(r: KnowResult) -> str:
    """How the second agent's lead changes with novelty, from the model's visible crossings."""
    def then(changes) -> str:
        return "".join(f", then {'overtakes again' if kind == 'overtakes' else 'falls behind'} from {x:.0%}"
                       for x, kind in changes)
    if r.start == 0 or (r.start < 0 and not r.changes):
        return "The second agent never visibly pulls ahead of the first at these settings."
    if r.start > 0 and not r.changes:
        return "The second agent is level with or ahead of the first at every novelty."
    (x, _), rest = r.changes[0], r.changes[1:]
    if r.start > 0:
        return f"The second agent is ahead at first, but falls behind from {x:.0%} novelty{then(rest)}."
    return f"The second agent overtakes the first at {x:.0%} novelty{then(rest)}."


def _pct(x: float) -> int:
    return int(f"{100 * x:.0f}")


def exam_sentence(r: KnowResult) -> str:
    k, f = _pct(r.exam["knower"]), _pct(r.exam["figurer"])
    if k == f:
        return "an exam cannot tell them apart"
    if abs(k - f) <= 3:
        return "an exam can barely tell them apart"
    return ("the exam clearly favours the memoriser" if k > f
            else "even the exam favours the agent that figures things out")


def science_sentence(r: KnowResult) -> str:
    lead = r.science["figurer"] - r.science["knower"]
    if abs(lead) < VISIBLE:        # the same threshold as the crossover: a lead too small to show is no lead
        return "here they do about equally well"
    if lead > 0:
        return "the second agent does far better" if lead >= 0.2 else "the second agent does better"
    return "even here the memoriser does better"





def know_summary(r: KnowResult) -> str:
    return (f"On exam-like tasks the agent that already knows succeeds {r.exam['knower']:.0%} of the time and the "
            f"one that figures things out {r.exam['figurer']:.0%}. On new science they manage "
            f"{r.science['knower']:.0%} and {r.science['figurer']:.0%}. {crossover_sentence(r)}")


def know_table(r: KnowResult) -> Table:
    idx = [i for i in range(len(r.novelty)) if i % 10 == 0]
    rows = tuple((f"{r.novelty[i]:.0%}", f"{r.curves['knower'][i]:.1%}", f"{r.curves['figurer'][i]:.1%}") for i in idx)
    return Table("Chance of success by novelty", ("Novelty", AGENT_STYLE["knower"][0], AGENT_STYLE["figurer"][0]), rows)


def know_live(r: KnowResult) -> dict[str, str]:
    return {"exam_knower": f"{r.exam['knower']:.0%}", "exam_figurer": f"{r.exam['figurer']:.0%}",
            "science_knower": f"{r.science['knower']:.0%}", "science_figurer": f"{r.science['figurer']:.0%}",
            "crossover": crossover_sentence(r)}


class KnowResponse(WidgetResponse):
    novelty: list[float]
    success: dict[str, list[float]]
    crossover: float | None
    exam_band: list[float]
    science_band: list[float]
    exam_mean: dict[str, float]
    science_mean: dict[str, float]


def know_api(values: Mapping[str, Any], r: KnowResult) -> dict:
    return {"novelty": [float(v) for v in r.novelty],
            "success": {a: [float(v) for v in c] for a, c in r.curves.items()},
            "crossover": r.crossover, "exam_band": list(EXAM_BAND), "science_band": list(SCIENCE_BAND),
            "exam_mean": r.exam, "science_mean": r.science}


# ------------------------------------------------------------------------------------- angels

# name (hover and table), label at the line's end, colour, dash
ANGEL_STYLE = {"today": ("Can't get itself unstuck (today's AI)", "today's AI", kit.VERMILION, "dash"),
               "agi": ("Figures things out and keeps learning", "learns, gets unstuck", kit.GREEN, "solid")}


def _angel_lines(series: Mapping[str, Any], x: list[int], number_format: str) -> list[dict]:
    return [{"type": "scatter", "mode": "lines", "name": ANGEL_STYLE[a][0], "x": x,
             "y": [round(float(v), 4) for v in ys],
             "line": {"color": ANGEL_STYLE[a][2], "dash": ANGEL_STYLE[a][3], "width": 3}, "showlegend": False,
             "hovertemplate": ANGEL_STYLE[a][0] + ": %{y:" + number_format + "}<extra>%{x} steps</extra>"}
            for a, ys in series.items()]


def _angel_labels(lines: list[dict], y_range: tuple[float, float]) -> list[dict]:
    short = {name: label for name, label, _, _ in ANGEL_STYLE.values()}
    return kit.end_labels(lines, [short[line["name"]] for line in lines], y_range=y_range)


def angel_solo_figure(r: AngelResult) -> dict:
    lines = _angel_lines(r.zero_help, [int(v) for v in r.lengths], ".0%")
    return {"data": lines, "layout": kit.layout(
        margin={"t": 16, "b": 56, "l": 60, "r": 14}, annotations=_angel_labels(lines, (0, 1.1)),
        xaxis=kit.axis("project length (steps)"),
        yaxis=kit.axis("finishes with no help", tickformat=".0%", range=[0, 1.1]))}


def angel_help_figure(r: AngelResult) -> dict:
    lines = _angel_lines(r.interventions, [int(v) for v in r.lengths], ".1f")
    top = max(max(max(line["y"]) for line in lines), 1) * 1.2
    return {"data": lines, "layout": kit.layout(
        margin={"t": 16, "b": 56, "l": 60, "r": 14}, annotations=_angel_labels(lines, (0, top)),
        xaxis=kit.axis("project length (steps)"),
        yaxis=kit.axis("interventions (mean)", range=[0, top]))}


def angels_summary(r: AngelResult) -> str:
    n = int(r.lengths[-1])
    return (f"Over a {n}-step project, the agent standing for today's AI finishes without help in "
            f"{r.zero_help['today'][-1]:.0%} of runs and needs {r.interventions['today'][-1]:.1f} interventions on "
            f"average; the one that figures things out and keeps learning finishes alone in "
            f"{r.zero_help['agi'][-1]:.0%} of runs and needs {r.interventions['agi'][-1]:.2f}.")


def angels_table(r: AngelResult) -> Table:
    idx = sorted({0, len(r.lengths) // 4, len(r.lengths) // 2, 3 * len(r.lengths) // 4, len(r.lengths) - 1})
    rows = tuple((str(int(r.lengths[i])), f"{r.zero_help['today'][i]:.0%}", f"{r.interventions['today'][i]:.1f}",
                  f"{r.zero_help['agi'][i]:.0%}", f"{r.interventions['agi'][i]:.2f}") for i in idx)
    return Table("Projects of different lengths (400 seeded runs each)",
                 ("Steps", "Today's AI: no help", "Today's AI: interventions", "Learner: no help",
                  "Learner: interventions"), rows)


def longer_sentence(r: AngelResult) -> str:
    first, last = f"{r.zero_help['today'][0]:.0%}", f"{r.zero_help['today'][-1]:.0%}"
    if first == last:
        return (f"At these settings the first agent's odds of finishing alone do not fall with length "
                f"(they stay at {last}).")
    return (f"The longer the project, the worse the first agent's odds of finishing alone ({first} for a "
            f"one-step project, {last} for the full one): every step is another chance to need an angel.")


def angels_live(r: AngelResult) -> dict[str, str]:
    return {"length": str(int(r.lengths[-1])), "today_solo": f"{r.zero_help['today'][-1]:.0%}",
            "today_help": f"{r.interventions['today'][-1]:.1f}", "agi_solo": f"{r.zero_help['agi'][-1]:.0%}",
            "agi_help": f"{r.interventions['agi'][-1]:.2f}"}


class AngelsResponse(WidgetResponse):
    lengths: list[int]
    zero_interventions: dict[str, list[float]]
    mean_interventions: dict[str, list[float]]


def angels_api(values: Mapping[str, Any], r: AngelResult) -> dict:
    return {"lengths": [int(v) for v in r.lengths],
            "zero_interventions": {a: [float(v) for v in ys] for a, ys in r.zero_help.items()},
            "mean_interventions": {a: [float(v) for v in ys] for a, ys in r.interventions.items()}}


LUNCH_CLAIMS = (Claim("family", family_sentence),)
KNOW_CLAIMS = (Claim("exam", exam_sentence), Claim("science", science_sentence), Claim("crossover", crossover_sentence))
ANGELS_CLAIMS = (Claim("longer", longer_sentence),)


# ---------------------------------------------------------------------------- a moving target

TARGET_STYLE = {"frozen": ("Stays as trained (today's AI)", "stays as trained", kit.VERMILION, "dash"),
                "learner": ("Keeps learning on the job", "keeps learning", kit.GREEN, "solid")}


def target_figure(r: TargetResult) -> dict:
    x = [int(d) for d in r.days]
    lines = [{"type": "scatter", "mode": "lines", "name": name, "x": x, "y": [round(float(v), 4) for v in r.skill[k]],
              "line": {"color": colour, "dash": dash, "width": 3}, "showlegend": False,
              "hovertemplate": name + ": %{y:.0%}<extra>day %{x}</extra>"}
             for k, (name, _, colour, dash) in TARGET_STYLE.items()]
    short = {name: label for name, label, _, _ in TARGET_STYLE.values()}
    annotations = kit.end_labels(lines, [short[line["name"]] for line in lines], y_range=(0, 1.1))
    annotations.append({"x": r.test_day, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                        "xanchor": kit.anchor_inside(r.test_day, 0, x[-1]), "showarrow": False,
                        "text": f" the test, day {r.test_day} ", "font": {"size": 13}})
    return {"data": lines, "layout": kit.layout(
        margin={"t": 30, "b": 56, "l": 56, "r": 14}, annotations=annotations,
        shapes=[{"type": "line", "x0": r.test_day, "x1": r.test_day, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.INK, "dash": "dot", "width": 2}}],
        xaxis=kit.axis("days on the job", range=[0, x[-1]], ticklabelstandoff=6),
        yaxis=kit.axis("skill at the new task", tickformat=".0%", range=[0, 1.1]))}


def snapshot_sentence(r: TargetResult) -> str:
    start, t, f = f"{r.skill['learner'][0]:.0%}", f"{r.tested['learner']:.0%}", f"{r.final['learner']:.0%}"
    last = int(r.days[-1])
    if start == f:
        return (f"At these settings neither learner changes on the job (to the percent shown), so the test on day "
                f"{r.test_day} describes both on every day shown.")
    if t == f:
        return (f"The test on day {r.test_day}, taken when the learner that keeps learning has reached {f}, "
                f"describes it as it ends; "
                f"a test on day 0 would have rated it at {start}, and the one that stays as trained stays at "
                f"{r.final['frozen']:.0%}.")
    return (f"The test on day {r.test_day} rates the learner that keeps learning at {t}; by day {last} it is at "
            f"{f}, while the one that stays as trained is still at {r.final['frozen']:.0%}.")


TARGET_CLAIMS = (Claim("snapshot", snapshot_sentence),)


def target_summary(r: TargetResult) -> str:
    return (f"Both learners start at {r.skill['frozen'][0]:.0%}. On day {r.test_day} the test measures "
            f"{r.tested['frozen']:.0%} for the one that stays as trained and {r.tested['learner']:.0%} for the one "
            f"that keeps learning; on day {int(r.days[-1])} they are at {r.final['frozen']:.0%} and "
            f"{r.final['learner']:.0%}.")


def target_table(r: TargetResult) -> Table:
    last = int(r.days[-1])
    days = sorted({0, r.test_day, last // 4, last // 2, 3 * last // 4, last})
    rows = tuple((str(d) + (" (the test)" if d == r.test_day else ""), f"{r.skill['frozen'][d]:.0%}",
                  f"{r.skill['learner'][d]:.0%}") for d in days)
    return Table("Skill at the new task on selected days", ("Day", "Stays as trained", "Keeps learning"), rows)


def target_live(r: TargetResult) -> dict[str, str]:
    return {"tested": f"{r.tested['learner']:.0%}", "final": f"{r.final['learner']:.0%}"}


class TargetResponse(WidgetResponse):
    days: list[int]
    skill: dict[str, list[float]] = Field(description="Skill (0-1) on each day, by learner: frozen, learner.")
    test_day: int
    tested: dict[str, float]
    final: dict[str, float]


def target_api(values: Mapping[str, Any], r: TargetResult) -> dict:
    return {"days": [int(d) for d in r.days],
            "skill": {k: [float(v) for v in a] for k, a in r.skill.items()}, "test_day": r.test_day,
            "tested": r.tested, "final": r.final}
