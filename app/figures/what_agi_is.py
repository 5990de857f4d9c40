"""Presenters for the three models of the what-AGI-is page: pure functions of their results."""
from __future__ import annotations

from typing import Any, Mapping

from app.framework import Table
from app.models.what_agi_is import EXAM_BAND, SCIENCE_BAND, AngelResult, KnowResult, LunchResult

FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13, "color": "#1f2328"}
BASE = {"font": FONT, "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)"}
FAMILY_LABEL = {"one-hill": "one-hill problems", "smooth": "smooth problems"}
STRATEGY_LABEL = {"left-to-right": "Left to right", "right-to-left": "Right to left", "shuffled": "Shuffled order",
                  "hill-climb": "Hill-climb"}


def fmt(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}"


# ------------------------------------------------------------------------------ no free lunch

def lunch_figures(r: LunchResult) -> dict[str, dict]:
    # Two-line tick labels, kept horizontal, so they fit under four bar pairs on a 360 px screen.
    labels = [STRATEGY_LABEL[s].replace(" ", "<br>", 1) for s in r.strategies]
    names = [STRATEGY_LABEL[s] for s in r.strategies]
    data = [
        {"type": "bar", "name": f"Every problem ({r.counts['all']:,})", "x": labels,
         "y": [round(float(r.mean_all[s]), 4) for s in r.strategies], "marker": {"color": "#767676"},
         "texttemplate": "%{y:.2f}", "textposition": "outside", "cliponaxis": False,
         "customdata": names,
         "hovertemplate": "%{customdata}: %{y:.3f} tries<extra>every problem</extra>"},
        {"type": "bar", "name": f"Only {FAMILY_LABEL[r.family]} ({r.counts[r.family]:,})", "x": labels,
         "y": [round(float(r.mean_family[s]), 4) for s in r.strategies],
         "marker": {"color": "#0072B2", "pattern": {"shape": "/", "bgcolor": "#0072B2", "fgcolor": "#ffffff",
                                                    "fgopacity": 0.5}},
         "texttemplate": "%{y:.2f}", "textposition": "outside", "cliponaxis": False,
         "customdata": names,
         "hovertemplate": "%{customdata}: %{y:.3f} tries<extra>" + FAMILY_LABEL[r.family] + "</extra>"},
    ]
    top = max(max(float(v) for v in r.mean_all.values()), max(float(v) for v in r.mean_family.values()))
    return {"lunch": {"data": data, "layout": {
        **BASE, "height": 300, "barmode": "group", "margin": {"t": 40, "b": 48, "l": 56, "r": 10},
        "yaxis": {"title": {"text": "average tries to find the best"}, "range": [0, top * 1.25], "fixedrange": True},
        "xaxis": {"fixedrange": True, "tickangle": 0},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
    }}}


def lunch_summary(r: LunchResult) -> str:
    every = {fmt(float(v), 3) for v in r.mean_all.values()}
    fam = sorted(r.strategies, key=lambda s: r.mean_family[s])
    return (f"Over all {r.counts['all']:,} problems on {r.n} points with {r.k} values, every strategy needs "
            f"{' / '.join(sorted(every))} tries on average. Over the {r.counts[r.family]:,} {FAMILY_LABEL[r.family]}, "
            f"{STRATEGY_LABEL[fam[0]].lower()} does best ({fmt(float(r.mean_family[fam[0]]))} tries) and "
            f"{STRATEGY_LABEL[fam[-1]].lower()} worst ({fmt(float(r.mean_family[fam[-1]]))}).")


def lunch_table(r: LunchResult) -> Table:
    rows = tuple((STRATEGY_LABEL[s], f"{r.mean_all[s].numerator}/{r.mean_all[s].denominator} = {float(r.mean_all[s]):.3f}",
                  f"{float(r.mean_family[s]):.3f}") for s in r.strategies)
    return Table("Average number of tries until the best answer is found (exact)",
                 ("Strategy", "Every problem", f"Only {FAMILY_LABEL[r.family]}"), rows)


def lunch_live(r: LunchResult) -> dict[str, str]:
    best = min(r.strategies, key=lambda s: r.mean_family[s])
    return {"all_mean": fmt(float(r.mean_all[r.strategies[0]])), "count": f"{r.counts['all']:,}",
            "family_best": STRATEGY_LABEL[best].lower(), "family_best_mean": fmt(float(r.mean_family[best]))}


def lunch_api(values: Mapping[str, Any], r: LunchResult) -> dict:
    return {"parameters": dict(values), "strategies": list(r.strategies), "problems": r.counts,
            "mean_tries_all": {s: float(v) for s, v in r.mean_all.items()},
            "mean_tries_all_exact": {s: f"{v.numerator}/{v.denominator}" for s, v in r.mean_all.items()},
            "mean_tries_family": {s: float(v) for s, v in r.mean_family.items()}}


# ------------------------------------------------------------------- knowing vs figuring out

AGENT_STYLE = {"knower": ("Already knows (memorised)", "#CC79A7", "dash"),
               "figurer": ("Figures it out (learns on the job)", "#0072B2", "solid")}


def know_figures(r: KnowResult) -> dict[str, dict]:
    x = [round(float(v), 3) for v in r.novelty]
    data = [{"type": "scatter", "mode": "lines", "name": AGENT_STYLE[a][0], "x": x,
             "y": [round(float(v), 4) for v in c], "line": {"color": AGENT_STYLE[a][1], "dash": AGENT_STYLE[a][2], "width": 3},
             "hovertemplate": AGENT_STYLE[a][0] + ": %{y:.0%}<extra>novelty %{x:.0%}</extra>"}
            for a, c in r.curves.items()]
    shapes = [{"type": "rect", "x0": lo, "x1": hi, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
               "fillcolor": "rgba(0,0,0,0.06)", "line": {"width": 0}, "layer": "below"}
              for lo, hi in (EXAM_BAND, SCIENCE_BAND)]
    annotations = [
        {"x": 0, "y": 1.0, "xref": "x", "yref": "paper", "xanchor": "left", "yanchor": "bottom", "showarrow": False,
         "text": "← exam<br>questions", "font": {"size": 12}},
        {"x": 1, "y": 1.0, "xref": "x", "yref": "paper", "xanchor": "right", "yanchor": "bottom", "showarrow": False,
         "text": "new science,<br>a new company →", "font": {"size": 12}},
    ]
    if r.crossover is not None:
        shapes.append({"type": "line", "x0": r.crossover, "x1": r.crossover, "y0": 0, "y1": 1, "xref": "x",
                       "yref": "paper", "line": {"color": "#1f2328", "dash": "dot", "width": 1.5}})
        # Right of the line, or left of it near the right edge, so the label stays inside.
        annotations.append({"x": r.crossover, "y": 0.05, "xref": "x", "yref": "paper",
                            "xanchor": "right" if r.crossover > 0.6 else "left",
                            "showarrow": False, "text": f" crossover at {r.crossover:.0%} ", "bgcolor": "#ffffff",
                            "font": {"size": 12}})
    return {"know": {"data": data, "layout": {
        **BASE, "height": 340, "margin": {"t": 46, "b": 96, "l": 56, "r": 14},
        "xaxis": {"title": {"text": "novelty (share nobody knows yet)", "font": {"size": 13}}, "ticklabelstandoff": 6,
                  "tickformat": ".0%", "range": [0, 1], "fixedrange": True},
        "yaxis": {"title": {"text": "chance of success"}, "tickformat": ".0%", "range": [0, 1.02], "fixedrange": True},
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        "shapes": shapes, "annotations": annotations,
    }}}


def crossover_text(r: KnowResult) -> str:
    if r.crossover is None:
        return "never: at these settings the agent that already knows does at least as well everywhere"
    if r.crossover == 0.0:
        return "right from zero novelty"
    return f"at {r.crossover:.0%} novelty"


def know_summary(r: KnowResult) -> str:
    return (f"On exam-like tasks the agent that already knows succeeds {r.exam['knower']:.0%} of the time and the "
            f"one that figures things out {r.exam['figurer']:.0%}. On new science they manage "
            f"{r.science['knower']:.0%} and {r.science['figurer']:.0%}. The second overtakes the first "
            f"{crossover_text(r)}.")


def know_table(r: KnowResult) -> Table:
    idx = [i for i in range(len(r.novelty)) if i % 10 == 0]
    rows = tuple((f"{r.novelty[i]:.0%}", f"{r.curves['knower'][i]:.1%}", f"{r.curves['figurer'][i]:.1%}") for i in idx)
    return Table("Chance of success by novelty", ("Novelty", AGENT_STYLE["knower"][0], AGENT_STYLE["figurer"][0]), rows)


def know_live(r: KnowResult) -> dict[str, str]:
    return {"exam_knower": f"{r.exam['knower']:.0%}", "exam_figurer": f"{r.exam['figurer']:.0%}",
            "science_knower": f"{r.science['knower']:.0%}", "science_figurer": f"{r.science['figurer']:.0%}",
            "crossover": crossover_text(r)}


def know_api(values: Mapping[str, Any], r: KnowResult) -> dict:
    return {"parameters": dict(values), "novelty": [float(v) for v in r.novelty],
            "success": {a: [float(v) for v in c] for a, c in r.curves.items()},
            "crossover": r.crossover, "exam_band": list(EXAM_BAND), "science_band": list(SCIENCE_BAND),
            "exam_mean": r.exam, "science_mean": r.science}


# ------------------------------------------------------------------------------------- angels

ANGEL_STYLE = {"today": ("Can't get itself unstuck (today's AI)", "#D55E00", "dash"),
               "agi": ("Figures things out and keeps learning", "#009E73", "solid")}


def angel_figures(r: AngelResult) -> dict[str, dict]:
    x = [int(v) for v in r.lengths]

    def lines(series, fmt_):
        return [{"type": "scatter", "mode": "lines", "name": ANGEL_STYLE[a][0], "x": x,
                 "y": [round(float(v), 4) for v in ys], "line": {"color": ANGEL_STYLE[a][1], "dash": ANGEL_STYLE[a][2],
                                                                 "width": 3},
                 "hovertemplate": ANGEL_STYLE[a][0] + ": %{y:" + fmt_ + "}<extra>%{x} steps</extra>"}
                for a, ys in series.items()]
    # The legend sits at the figure's foot, clear of the axis title even when it wraps to two rows.
    common = {**BASE, "height": 300, "margin": {"t": 16, "b": 96, "l": 60, "r": 14},
              "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0}}
    return {
        "solo": {"data": lines(r.zero_help, ".0%"), "layout": {
            **common, "xaxis": {"title": {"text": "project length (steps)"}, "fixedrange": True},
            "yaxis": {"title": {"text": "finishes with no help"}, "tickformat": ".0%", "range": [0, 1.02],
                      "fixedrange": True}}},
        "help": {"data": lines(r.interventions, ".1f"), "layout": {
            **common, "xaxis": {"title": {"text": "project length (steps)"}, "fixedrange": True},
            "yaxis": {"title": {"text": "interventions (mean)"}, "rangemode": "tozero", "fixedrange": True}}},
    }


def angel_summary(r: AngelResult) -> str:
    n = int(r.lengths[-1])
    return (f"Over a {n}-step project, the agent that can't get itself unstuck finishes without help in "
            f"{r.zero_help['today'][-1]:.0%} of runs and needs {r.interventions['today'][-1]:.1f} interventions on "
            f"average; the one that figures things out and keeps learning finishes alone in "
            f"{r.zero_help['agi'][-1]:.0%} of runs and needs {r.interventions['agi'][-1]:.2f}.")


def angel_table(r: AngelResult) -> Table:
    idx = sorted({0, len(r.lengths) // 4, len(r.lengths) // 2, 3 * len(r.lengths) // 4, len(r.lengths) - 1})
    rows = tuple((str(int(r.lengths[i])), f"{r.zero_help['today'][i]:.0%}", f"{r.interventions['today'][i]:.1f}",
                  f"{r.zero_help['agi'][i]:.0%}", f"{r.interventions['agi'][i]:.2f}") for i in idx)
    return Table("Projects of different lengths (400 seeded runs each)",
                 ("Steps", "Today's AI: no help", "Today's AI: interventions", "Learner: no help",
                  "Learner: interventions"), rows)


def angel_live(r: AngelResult) -> dict[str, str]:
    return {"length": str(int(r.lengths[-1])), "today_solo": f"{r.zero_help['today'][-1]:.0%}",
            "today_help": f"{r.interventions['today'][-1]:.1f}", "agi_solo": f"{r.zero_help['agi'][-1]:.0%}",
            "agi_help": f"{r.interventions['agi'][-1]:.2f}"}


def angel_api(values: Mapping[str, Any], r: AngelResult) -> dict:
    return {"parameters": dict(values), "lengths": [int(v) for v in r.lengths],
            "zero_interventions": {a: [float(v) for v in ys] for a, ys in r.zero_help.items()},
            "mean_interventions": {a: [float(v) for v in ys] for a, ys in r.interventions.items()}}
