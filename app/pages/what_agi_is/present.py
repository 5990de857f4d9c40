"""Presenters for the three models of the what-AGI-is page: pure functions of their results."""
from __future__ import annotations

import math
import re
from typing import Any, Callable, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Number, Table, Truth, WidgetResponse
from app.wording import count, join_and, lone, num, pct, plural, points, rounded, share, upper_first

from .model import (EXAM_BAND, SCIENCE_BAND, STRATEGY_SETS, VISIBLE, AngelResult, KnowResult, LunchResult, TargetResult,
                    looks, no_free_lunch, problems, typical_problem)

FAMILY_LABEL = {"one-hill": "one-hill problems", "smooth": "smooth problems"}
STRATEGY_LABEL = {"left-to-right": "Left to right", "right-to-left": "Right to left", "shuffled": "Shuffled order",
                  "hill-climb": "Hill-climb"}


def fmt(x: float, digits: int = 2) -> str:
    return num(float(x), digits)


def grey(x: float) -> str:
    """An exact average over every problem (the grey bars) in words: to three decimals, without trailing zeros ('2.376',
    '1.5', '2'): a number a rounding can hide, said as precisely as it is."""
    text = fmt(x, 3)
    return text.rstrip("0").rstrip(".") if "." in text else text


def article(number: str) -> str:
    """'a' or 'an' before a number as it is said: 'an 8%', 'an 18%', 'an 850-step', 'an 11,000', but
    'a 12%', 'a 110%', 'a 1,800'."""
    whole = re.match(r"[\d,]*", number).group(0)
    lead = whole.split(",")[0] if "," in whole else whole if len(whole) <= 2 else ""
    return "an" if whole.startswith("8") or lead in ("11", "18") else "a"


def score(x: float) -> str:
    """A band's average chance of success as the page shows it (`share`). Each band holds tasks with some novelty, so
    some piece may be missing, and no attempt is sure to work one out (60% at most): no band average is certain,
    and one that floating point rounds to 1 (or a hair above) still reads 'over 99%', never '100%'."""
    return share(min(float(x), 1 - 1e-12))


def chance(r: KnowResult, agent: str, i: int) -> str:
    """An agent's chance of success at the i-th novelty, to one decimal (`share`): '100.0%' only where the model
    makes it certain (KnowResult.certain), whatever floating point rounds it to."""
    x = float(r.curves[agent][i])
    return share(1.0 if r.certain(agent, float(r.novelty[i])) else min(x, 1 - 1e-12), 1)


def hover_chance(r: KnowResult, agent: str, i: int) -> str:
    """An agent's chance of success at the i-th novelty in whole percentages, as `chance` decides 'certain'."""
    x = float(r.curves[agent][i])
    return share(1.0 if r.certain(agent, float(r.novelty[i])) else min(x, 1 - 1e-12))


# A share as `share` writes it: '37%', or 'over 99%' / 'under 1%' for one that is neither all nor none.
SHARE = r"(?:over |under )?\d+(?:\.\d)?%"


def shown_lead(r: KnowResult, i: int) -> int:
    """Which agent is ahead at the i-th novelty as the page shows it (the hover's whole percentages and the table's
    one decimal): +1 the second, -1 the first, 0 where both read alike at both."""
    if all(say(r, "figurer", i) == say(r, "knower", i) for say in (hover_chance, chance)):
        return 0
    f, k = (1.0 if r.certain(a, float(r.novelty[i])) else min(float(r.curves[a][i]), 1 - 1e-12)
            for a in ("figurer", "knower"))
    return (f > k) - (f < k)


def shown_anywhere(r: KnowResult, sign: int) -> bool:
    """Whether the page shows the second agent ahead (+1) or behind (-1) at some novelty, by however little (only
    the novelties where it is on that side at all are read as shown)."""
    f, k = r.curves["figurer"], r.curves["knower"]
    return any(shown_lead(r, i) == sign for i in range(len(r.novelty)) if sign * (f[i] - k[i]) > 0
               or r.certain("figurer", float(r.novelty[i])) or r.certain("knower", float(r.novelty[i])))


# ------------------------------------------------------------------------------ no free lunch

def lunch_figure(r: LunchResult, axis_tops: Mapping[int, float]) -> dict:
    # Two-line tick labels, kept horizontal, so they fit under four bar pairs on a 360 px screen.
    labels = [STRATEGY_LABEL[s].replace(" ", "<br>", 1) for s in r.strategies]
    names = [STRATEGY_LABEL[s] for s in r.strategies]
    data = [
        {"type": "bar", "name": f"All ({r.counts['all']:,})", "x": labels,
         "y": [round(float(r.mean_all[s]), 4) for s in r.strategies], "marker": {"color": kit.GREY},
         "texttemplate": "%{y:.2f}", "textposition": "outside", "cliponaxis": False, "constraintext": "none",
         "customdata": names,
         "hovertemplate": "%{customdata}: %{y:.3f} looks<extra>every problem</extra>"},
        {"type": "bar", "name": f"{FAMILY_LABEL[r.family].split()[0].capitalize()} ({r.counts[r.family]:,})", "x": labels,
         "y": [round(float(r.mean_family[s]), 4) for s in r.strategies],
         "marker": {"color": kit.BLUE, "pattern": kit.pattern(kit.HATCH, kit.BLUE)},
         "texttemplate": "%{y:.2f}", "textposition": "outside", "cliponaxis": False, "constraintext": "none",
         "customdata": names,
         "hovertemplate": "%{customdata}: %{y:.3f} looks<extra>" + FAMILY_LABEL[r.family] + "</extra>"},
    ]
    # The axis stays put while the reader changes anything but the number of points, so bar heights
    # compare across states: it runs past the most looks any setting needs on this many points.
    return {"data": data, "layout": kit.layout(
        # bars wide enough for their 13 px numbers side by side on a 360 px phone (Plotly would shrink them)
        barmode="group", bargap=0.06, bargroupgap=0, margin={"t": 28, "b": 48, "l": 56, "r": 10},
        yaxis=kit.axis("average looks", range=[0, axis_tops[r.n]]),
        xaxis=kit.axis(tickangle=0),
        # Short names: one line over the plot even at 360 px, where a wrapped legend took the plot's height.
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
    """The tiny world behind the averages: one typical structured problem (model.typical_problem: its looks per
    strategy nearest each strategy's average), its points and values, and where each strategy looks, in order, until
    it finds the best. `max_n`, `max_k`: the most points and values the sliders allow (the drawing's fixed size)."""
    family = problems(r.family, r.n, r.k)
    at = typical_problem(r.family, r.n, r.k, r.strategies)
    sample = family[at]
    best = max(sample)
    return {"n": r.n, "k": r.k, "heights": sample, "best": best, "count": num(len(family)),
            "max_n": max_n, "max_k": max_k,
            "max_rows": max(len(v) for v in STRATEGY_SETS.values()),
            "family": FAMILY_LABEL[r.family], "sample_index": at + 1,
            "rows": [{"label": STRATEGY_LABEL[s], "order": order, "at": {x: i + 1 for i, x in enumerate(order)},
                      "looks": count(len(order), "look"),
                      "where": plural(len(order), "point") + " " + ", ".join(str(x + 1) for x in order)}
                     for s in r.strategies for order in (looks(s, sample),)]}


# The strategies compared, as the hatched bars' sentence names them: a tie among those shown is no tie among all
# (on the 239 smooth problems left to right and hill-climb tie at 2.41; shuffled order averages 2.19).
WHO = {"all": "all four strategies", "orders": "all three fixed orders", "pair": "both strategies shown"}


def _set_of(r: LunchResult) -> str:
    return next(name for name, chosen in STRATEGY_SETS.items() if tuple(chosen) == tuple(r.strategies))


def lunch_summary(r: LunchResult) -> str:
    """What the bars show: the grey ones (every problem) all at one height, the hatched ones (the structured
    problems) between their lowest and highest. Who does best is the prose's claim (family_sentence)."""
    every = {grey(v) for v in r.mean_all.values()}
    lo, hi = _family_text(min(r.mean_family.values()), r), _family_text(max(r.mean_family.values()), r)
    spread = f"{WHO[_set_of(r)]} average {lo} looks" if lo == hi else f"the averages run from {lo} to {hi} looks"
    return (f"Over all {count(r.counts['all'], 'problem')} on {count(r.n, 'point')} with {count(r.k, 'value')}, "
            f"every strategy needs {' / '.join(sorted(every))} looks on average (grey bars). On the "
            f"{count(r.counts[r.family], FAMILY_LABEL[r.family].removesuffix('s'))} (hatched bars) {spread}.")


def _family_text(x: float, r: LunchResult) -> str:
    """A structured problems' average to two decimals, or as the grey bars' are written where they are every problem."""
    return grey(x) if r.counts[r.family] == r.counts["all"] else fmt(x)


def lunch_table(r: LunchResult) -> Table:
    rows = tuple((STRATEGY_LABEL[s], f"{num(r.mean_all[s].numerator)}/{num(r.mean_all[s].denominator)} = "
                                     f"{fmt(r.mean_all[s], 3)}", fmt(r.mean_family[s], 3)) for s in r.strategies)
    return Table("Average number of looks until the best answer is found (exact)",
                 ("Strategy", "Every problem", f"Only {FAMILY_LABEL[r.family]}"), rows)


def family_sentence(r: LunchResult) -> str:
    """Who does best on the structured problems, from the exact averages (ties are ties)."""
    fam = FAMILY_LABEL[r.family]
    if r.counts[r.family] == r.counts["all"]:
        return (f"With these settings every problem counts as {fam.removesuffix(' problems')}, so the structured set is "
                f"the whole set and every strategy ties again, at {grey(r.mean_all[r.strategies[0]])} looks.")
    best_mean, worst_mean = min(r.mean_family.values()), max(r.mean_family.values())
    best = [STRATEGY_LABEL[s].lower() for s in r.strategies if r.mean_family[s] == best_mean]
    others = sorted({m for m in r.mean_family.values() if m != best_mean})      # every other strategy, best first
    groups = [[STRATEGY_LABEL[s].lower() for s in r.strategies if r.mean_family[s] == m] for m in others]
    named = [f"{fmt(m)} for {join_and(g)}" + (" alike" if len(g) > 1 else "") for m, g in zip(others, groups)]
    who = join_and(best) + (" does best" if len(best) == 1 else " tie for best")
    rest = f", against {join_and(named)}" if others else ""      # a tied group reads "A and B alike"
    text = f"At these settings, on the {fam}, {who}, with {fmt(best_mean)} looks on average{rest}."
    climb = r.mean_family.get("hill-climb")
    if r.family == "one-hill" and climb is not None and climb != best_mean and r.k == 2:
        # The surprise needs its reason: a two-valued hill has no slope up to its top.
        text += (" With only two values, a one-hill problem is flat everywhere but its top, so hill-climb has no "
                 "slope to follow, and at this size it does not come out ahead.")
    return text


# What the lunch widget's sentences assert, read from the exact averages.
_NAMES = r"((?:left to right|right to left|shuffled order|hill-climb)(?:(?:, | and )(?:left to right|right to left|shuffled order|hill-climb))*)"
_BY_NAME = {label.lower(): s for s, label in STRATEGY_LABEL.items()}


def _named(match_text: str) -> set[str]:
    return {_BY_NAME[name] for name in re.split(r", | and ", match_text)}


def _others_named(r: LunchResult, m: re.Match) -> bool:
    """Each '2.74 for shuffled order' names exactly the strategies with that average; together, all but the best."""
    found = re.findall(r"(\d+\.\d\d) for " + _NAMES + r"( alike)?", m.group(1))
    groups = [(n, names) for n, names, _ in found]
    sets = [_named(names) for _, names in groups]
    if any((len(g) > 1) != bool(alike) for g, (_, _, alike) in zip(sets, found)):
        return False
    means = [r.mean_family[next(iter(g))] for g in sets]
    return (set().union(*sets) == set(r.strategies) - _at(r, min) and sum(map(len, sets)) == len(set().union(*sets))
            and all({s for s in r.strategies if r.mean_family[s] == x} == g for x, g in zip(means, sets))
            and [fmt(x) for x in means] == [n for n, _ in groups] and means == sorted(set(means)))


def _at(r: LunchResult, which) -> set[str]:
    target = which(r.mean_family.values())
    return {s for s in r.strategies if r.mean_family[s] == target}


LUNCH_FAMILY_TRUTHS = (
    Truth(r"every strategy ties again, at (\d+(?:\.\d+)?) looks",
          lambda r, m: r.counts[r.family] == r.counts["all"] and len(set(r.mean_family.values())) == 1
          and grey(r.mean_family[r.strategies[0]]) == m.group(1),
          "the structured set is every problem, every strategy has the same average there, and it is the number quoted "
          "to three decimals without trailing zeros, as over every problem"),
    Truth(_NAMES + r" does best, with (\d+\.\d\d) looks",
          lambda r, m: _named(m.group(1)) == _at(r, min) and len(_at(r, min)) == 1
          and fmt(min(r.mean_family.values())) == m.group(2),
          "the strategy named alone has the lowest average on the structured problems, the number quoted"),
    Truth(_NAMES + r" tie for best, with (\d+\.\d\d) looks",
          lambda r, m: _named(m.group(1)) == _at(r, min) and len(_at(r, min)) > 1
          and fmt(min(r.mean_family.values())) == m.group(2),
          "exactly the strategies named share the lowest average on the structured problems, the number quoted"),
    Truth(r"against ((?:\d+\.\d\d for " + _NAMES + r"(?: alike)?(?:, and |, | and )?)+)", _others_named,
          "every strategy shown other than the best is named once, each with its own average on the structured "
          "problems as quoted, from the next best to the worst"),
    Truth(r"With only two values, a one-hill problem is flat everywhere but its top",
          lambda r: r.k == 2 and r.family == "one-hill",
          "two values and the one-hill problems: each is 0s with one run of 1s, so no step rises before the top"),
    Truth(r"at this size it does not come out ahead",
          lambda r: "hill-climb" in r.mean_family and r.mean_family["hill-climb"] > min(r.mean_family.values()),
          "hill-climb's average on the structured problems is above the best one's"),
)
LUNCH_TRUTHS = (
    Truth(r"every strategy needs (\d+(?:\.\d+)?) looks on average",
          lambda r, m: len(set(r.mean_all.values())) == 1 and grey(r.mean_all[r.strategies[0]]) == m.group(1),
          "every strategy's exact average over every problem is the same, the number quoted"),
    Truth(r"On the (\d+) (one-hill|smooth) problems? \(hatched bars\) (?:(all four strategies|all three fixed orders|both "
          r"strategies shown) average (\d+(?:\.\d+)?) looks|the averages run from (\d+(?:\.\d+)?) to (\d+(?:\.\d+)?) looks)",
          lambda r, m: FAMILY_LABEL[r.family].startswith(m.group(2)) and num(r.counts[r.family]) == m.group(1)
          and (m.group(3) is None or m.group(3) == WHO[_set_of(r)])
          and ((_family_text(min(r.mean_family.values()), r), _family_text(max(r.mean_family.values()), r))
               == ((m.group(4), m.group(4)) if m.group(4) else (m.group(5), m.group(6)))),
          "the count of structured problems, and the lowest and highest strategy's average on them, to two decimals, "
          "or three (as over every problem) where they are every problem (one number only when the two show alike), "
          "naming the strategies compared (all four only when all are)"),
    Truth(r"Over all (\d+) problems? on (\d) points with (\d) values",
          lambda r, m: num(r.counts["all"]) == m.group(1) and r.k ** r.n == r.counts["all"]
          and (str(r.n), str(r.k)) == m.group(2, 3),
          "the count of problems is every assignment of the values to the points"),
)


def lunch_live(r: LunchResult) -> dict[str, str]:
    return {"all_mean": grey(r.mean_all[r.strategies[0]]), "count": num(r.counts["all"])}


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

# The agents are named by their place, not by a trait: the sliders can make either one the better
# memoriser or the better figurer. Their defaults give them the roles the prose describes. The full
# names are for the hover and the table; the legend, which must fit on a phone, has just the place
# (the figure's caption gives the default roles).
AGENT_LEGEND = {"knower": "First agent", "figurer": "Second agent"}
AGENT_STYLE = {"knower": ("First agent (by default, has memorised)", kit.PINK, "dash"),
               "figurer": ("Second agent (by default, figures things out)", kit.BLUE, "solid")}


# Novelty is drawn on a square-root scale (ticks at the true values), so the low-novelty range where
# exams sit and the agents usually cross is not squeezed into the left edge.
NOVELTY_TICKS = (0, 0.01, 0.04, 0.1, 0.25, 0.5, 1)


def _sqrt(v: float) -> float:
    return round(math.sqrt(v), 4)


def know_figure(r: KnowResult) -> dict:
    x = [_sqrt(float(v)) for v in r.novelty]
    novelty = [round(float(v), 3) for v in r.novelty]
    # The hover reads each chance as the table and sentences write it (share): 'under 1%', never '0%' for a chance.
    data = [{"type": "scatter", "mode": "lines", "name": AGENT_LEGEND[a], "x": x,
             "customdata": [[hover_chance(r, a, i), pct(v)] for i, v in enumerate(novelty)],
             "y": [round(float(v), 4) for v in c], "line": {"color": AGENT_STYLE[a][1], "dash": AGENT_STYLE[a][2], "width": 3},
             "hovertemplate": AGENT_STYLE[a][0] + ": %{customdata[0]}<extra>novelty %{customdata[1]}</extra>"}
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
    mark = first_crossing(r)
    if mark is not None:
        x, label = mark
        shapes.append({"type": "line", "x0": _sqrt(x), "x1": _sqrt(x), "y0": 0, "y1": 1, "xref": "x",
                       "yref": "paper", "line": {"color": kit.INK, "dash": "dot", "width": 1.5}})
        # Right of the line, or left of it near the right edge, so the label stays inside.
        annotations.append({"x": _sqrt(x), "y": 0.05, "xref": "x", "yref": "paper",
                            "xanchor": kit.anchor_inside(_sqrt(x)),
                            "showarrow": False, "text": f" {label} ", "font": {"size": 13}})
    return {"data": data, "layout": kit.layout(
        margin={"t": 46, "b": 96, "l": 56, "r": 14},
        xaxis=kit.axis("novelty (square-root scale)", title_size=13, ticklabelstandoff=6,
                       range=[-0.01, 1.01], tickangle=0, tickvals=[_sqrt(v) for v in NOVELTY_TICKS],
                       ticktext=[pct(v) for v in NOVELTY_TICKS]),
        yaxis=kit.axis("chance of success", tickformat=".0%", range=[0, 1.02]),
        legend=kit.FOOT_LEGEND, shapes=shapes, annotations=annotations,
    )}


def first_crossing(r: KnowResult) -> tuple[float, str] | None:
    """Where the curves first cross (the lead visibly changes side), and the figure's label for it: 'crossover at
    5%', or 'crossover before 1%' where it rounds to the first novelty shown; None where they never cross (a second
    agent ahead from the start has not crossed at 0%)."""
    if not r.changes:
        return None
    x = r.changes[0][0]
    return x, ("crossover before 1%" if pct(x) == pct(r.novelty[0]) else f"crossover at {pct(x)}")


def crossover_sentence(r: KnowResult) -> str:
    """How the second agent's lead changes with novelty, from the model's visible crossings."""
    def then(changes) -> str:
        return "".join(f", then {'overtakes again' if kind == 'overtakes' else 'falls behind'} from {pct(x)}"
                       for x, kind in changes)
    if r.start == 0 or (r.start < 0 and not r.changes):
        if shown_anywhere(r, +1):
            return "The second agent never pulls more than half a point ahead of the first at these settings."
        return "The second agent never visibly pulls ahead of the first at these settings."
    if r.start > 0 and not r.changes:
        if not shown_anywhere(r, -1):
            return "The second agent is level with or ahead of the first at every novelty."
        return ("The second agent is never more than half a point behind the first, and at some novelty ahead by "
                "more.")
    (x, _), rest = r.changes[0], r.changes[1:]
    if pct(x) == pct(r.novelty[0]):
        # A crossing that rounds to the first novelty shown: "ahead at first, but falls behind from 0%" would
        # read as a contradiction, so it is said as the moment it is.
        if r.start > 0:
            return f"The second agent is ahead only at the very start: it falls behind before 1% novelty{then(rest)}."
        return f"The second agent is behind only at the very start: it overtakes the first before 1% novelty{then(rest)}."
    if r.start > 0 and shown_lead(r, 0) < 0:
        return (f"The second agent starts up to half a point behind the first, pulls ahead, then falls behind from "
                f"{pct(x)} novelty{then(rest)}.")
    if r.start > 0:
        return f"The second agent is ahead at first, but falls behind from {pct(x)} novelty{then(rest)}."
    return f"The second agent overtakes the first at {pct(x)} novelty{then(rest)}."


def exam_sentence(r: KnowResult) -> str:
    """Compared as the page shows the two exam scores (whole percentages)."""
    k, f = points(r.exam["knower"]), points(r.exam["figurer"])
    if _exam_alike(r):
        return "An exam cannot tell them apart."
    if abs(k - f) <= 3:
        return "An exam can barely tell them apart."
    return f"The exam clearly favours the {'first' if k > f else 'second'} agent."


def _both_certain(r: KnowResult) -> bool:
    """Both agents succeed for certain on new science by the model's own rule (never by a float read as 1): some
    piece may always be missing there and no attempt is sure to work one out, so never."""
    return all(r.certain_over(agent, SCIENCE_BAND) for agent in r.science)


def science_sentence(r: KnowResult) -> str:
    """Compared as the page shows the two scores on new science (whole percentages), and a lead only where it is
    visible, more than VISIBLE apart on average over the range (as crossover_sentence counts a lead). Two scores
    that both show as at most 1% (or at least 99%) and are not visibly apart are said as both failing (or
    succeeding), not as doing 'equally well'."""
    k, f = r.science["knower"], r.science["figurer"]
    lead = points(f) - points(k)
    if lead > 0 and f - k > VISIBLE:
        return "Here the second agent does far better." if lead >= 20 else "Here the second agent does better."
    if lead < 0 and k - f > VISIBLE:
        return "Even here the first agent does better, on average over the range."
    if max(points(k), points(f)) <= 1:
        return "Here both fail every time." if k == f == 0 else "Here both almost always fail."
    if min(points(k), points(f)) >= 99:
        return "Here both succeed every time." if _both_certain(r) else "Here both almost always succeed."
    if lead == 0:
        return "Here they do equally well, to the percent shown."
    return "Here they are within half a point of each other, on average over the range."


def know_summary(r: KnowResult) -> str:
    """What the two curves show: the band averages and where the dotted crossover line stands. How the
    lead changes along novelty is the prose's claim (crossover_sentence)."""
    mark, at_start = first_crossing(r), shown_lead(r, 0)
    # how the second agent's curve starts, as the page shows novelty 0, where it later leads visibly
    begins = {1: "starts above the first's", 0: "starts level with the first's, then rises above it",
              -1: "starts up to half a point below the first's, then rises above it"}[at_start]
    if mark is None:
        if r.start > 0:
            below = "more than half a point " if shown_anywhere(r, -1) else "visibly "
            line = f"The second agent's curve {begins} and never falls {below}below it."
        else:
            above = "more than half a point " if shown_anywhere(r, +1) else "visibly "
            line = f"The second agent's curve never rises {above}above the first's."
    else:
        where = "before 1%" if mark[1].endswith("before 1%") else f"at {pct(mark[0])}"
        if r.start > 0:
            line = (f"The second agent's curve {begins}; a dotted line marks where it "
                    f"{'first' if at_start > 0 else 'then'} falls below, {where} novelty.")
        elif at_start > 0:
            line = (f"The second agent's curve starts up to half a point above the first's and falls below it; a "
                    f"dotted line marks where it then rises above it, {where} novelty.")
        else:
            line = f"A dotted line marks where the second agent's curve first rises above the first's, {where} novelty."
    return (f"On exam-like tasks (novelty {pct(EXAM_BAND[0])}–{pct(EXAM_BAND[1])}, averaged) the first agent succeeds "
            f"{score(r.exam['knower'])} of the time and the second {score(r.exam['figurer'])}, and on new science "
            f"({pct(SCIENCE_BAND[0])}–{pct(SCIENCE_BAND[1])}) {score(r.science['knower'])} and "
            f"{score(r.science['figurer'])}. {line}")


def know_table(r: KnowResult) -> Table:
    idx = [i for i in range(len(r.novelty)) if i % 10 == 0]
    rows = tuple((pct(r.novelty[i]), chance(r, "knower", i), chance(r, "figurer", i)) for i in idx)
    return Table("Chance of success by novelty", ("Novelty", AGENT_STYLE["knower"][0], AGENT_STYLE["figurer"][0]), rows)


def know_live(r: KnowResult) -> dict[str, str]:
    return {"exam_knower": score(r.exam["knower"]), "exam_figurer": score(r.exam["figurer"]),
            "science_knower": score(r.science["knower"]), "science_figurer": score(r.science["figurer"]),
            "crossover": crossover_sentence(r)}


# What the knowing-versus-figuring sentences assert, read from the two curves and the band averages.

def _exam_gap(r: KnowResult) -> int:
    """The second agent's exam score minus the first's, in the whole points the page shows."""
    return points(r.exam["figurer"]) - points(r.exam["knower"])


def _exam_alike(r: KnowResult) -> bool:
    """The two exam scores read the same ('under 1%' and '0%' do not: one agent sometimes passes, the other never)."""
    return score(r.exam["figurer"]) == score(r.exam["knower"])


def _science_gap(r: KnowResult) -> int:
    return points(r.science["figurer"]) - points(r.science["knower"])


def _lead(r: KnowResult) -> list[tuple[float, float]]:
    """(novelty, the second agent's chance minus the first's) along the curves."""
    return [(float(x), float(f - k)) for x, f, k in zip(r.novelty, r.curves["figurer"], r.curves["knower"])]


def _visibly(r: KnowResult, sign: int, lo: float = 0.0, hi: float = 1.0) -> bool:
    """Whether the second agent is visibly (by more than VISIBLE) ahead (+1) or behind (-1) somewhere in [lo, hi]."""
    return any(sign * d > VISIBLE for x, d in _lead(r) if lo - 1e-9 <= x <= hi + 1e-9)


def _first_visible(r: KnowResult) -> int:
    return next((1 if d > 0 else -1 for _, d in _lead(r) if abs(d) > VISIBLE), 0)


def _changes_at(r: KnowResult, m: re.Match) -> bool:
    """Each novelty quoted ('at 4%', 'from 12%') is where the lead changes side: visibly one way before it
    (within the half-point the percentage is rounded to) and the other way after it, in the order the
    sentence gives."""
    return _changes_in(r, m.group(0))


def _changes_in(r: KnowResult, text: str) -> bool:
    quoted = [(int(x) / 100, word) for word, x in re.findall(r"(overtakes(?: again)?|falls behind)(?: the first)? "
                                                              r"(?:at|from) (\d+)%", text)]
    if not quoted:
        return False
    for x, word in quoted:
        after = 1 if word.startswith("overtakes") else -1
        if not (_visibly(r, -after, 0.0, x + 0.005) and _visibly(r, after, x - 0.005, 1.0)):
            return False
    return True


KNOW_EXAM_TRUTHS = (
    Truth(r"An exam cannot tell them apart", _exam_alike,
          "the two exam scores read the same as shown"),
    Truth(r"An exam can barely tell them apart", lambda r: abs(_exam_gap(r)) <= 3 and not _exam_alike(r),
          "the exam scores read differently and differ by at most 3 whole points as shown"),
    Truth(r"The exam clearly favours the first agent", lambda r: _exam_gap(r) < -3,
          "the first agent's exam score is more than 3 points above the second's, as shown"),
    Truth(r"The exam clearly favours the second agent", lambda r: _exam_gap(r) > 3,
          "the second agent's exam score is more than 3 points above the first's, as shown"),
)
KNOW_SCIENCE_TRUTHS = (
    Truth(r"Here they do equally well, to the percent shown",
          lambda r: _science_gap(r) == 0 and 0 < points(r.science["knower"]) < 100,
          "the two scores on new science are equal as shown (whole percentages), and neither none nor all"),
    Truth(r"Here both fail every time", lambda r: r.science["knower"] == r.science["figurer"] == 0,
          "neither agent ever succeeds on new science"),
    Truth(r"Here both almost always fail",
          lambda r: max(points(v) for v in r.science.values()) <= 1 and max(r.science.values()) > 0,
          "both agents' scores on new science show as 1% or less, and not both are exactly none"),
    Truth(r"Here both almost always succeed",
          lambda r: min(points(v) for v in r.science.values()) >= 99 and not _both_certain(r),
          "both agents' scores on new science show as 99% or more, and not both are certain"),
    Truth(r"Here both succeed every time", _both_certain,
          "both agents succeed for certain at every novelty of new science, by the model's rule (nothing can be "
          "missing), whatever the float average"),
    Truth(r"Here they are within half a point of each other", lambda r: _science_gap(r) != 0
          and abs(r.science["figurer"] - r.science["knower"]) <= VISIBLE,
          "the two scores on new science show differently but are within half a point of each other"),
    Truth(r"Here the second agent does far better", lambda r: _science_gap(r) >= 20,
          "on new science the second agent scores at least 20 points more than the first, as shown"),
    Truth(r"Here the second agent does better\.",
          lambda r: 1 <= _science_gap(r) < 20 and r.science["figurer"] - r.science["knower"] > VISIBLE,
          "on new science the second agent scores 1 to 19 points more than the first, as shown, and more than half a "
          "point more (visibly, as the crossover sentence counts a lead)"),
    Truth(r"Even here the first agent does better",
          lambda r: _science_gap(r) <= -1 and r.science["knower"] - r.science["figurer"] > VISIBLE,
          "on new science the first agent scores more than the second, as shown, and by more than half a point"),
)
KNOW_CROSSOVER_TRUTHS = (
    Truth(r"never visibly pulls ahead", lambda r: not _visibly(r, +1) and not shown_anywhere(r, +1),
          "at no novelty does the page show the second agent ahead (hover or table)"),
    Truth(r"never pulls more than half a point ahead", lambda r: not _visibly(r, +1),
          "at no novelty is the second agent ahead by more than half a point"),
    Truth(r"is level with or ahead of the first at every novelty",
          lambda r: _visibly(r, +1) and not shown_anywhere(r, -1),
          "the second agent is nowhere behind as the page shows it (whole percentages in the hover, one decimal in the "
          "table), and somewhere ahead by more than half a point"),
    Truth(r"is never more than half a point behind the first, and at some novelty ahead by more",
          lambda r: _visibly(r, +1) and not _visibly(r, -1),
          "the second agent is never behind by more than half a point, and somewhere ahead by more"),
    Truth(r"is ahead at first, but falls behind from (\d+)%",
          lambda r, m: _first_visible(r) > 0 and int(m.group(1)) >= 1 and shown_lead(r, 0) >= 0,
          "the first visible lead (over half a point) is the second agent's, and it holds past the first novelty "
          "shown (the crossing quoted is 1% or more, so 'at first' is a stretch a reader can see); at novelty 0 the "
          "page does not show the second agent behind"),
    Truth(r"starts up to half a point behind the first, pulls ahead, then falls behind from (\d+)%",
          lambda r, m: _first_visible(r) > 0 and shown_lead(r, 0) < 0 and int(m.group(1)) >= 1
          and 0 < r.curves["knower"][0] - r.curves["figurer"][0] <= VISIBLE,
          "at novelty 0 the page shows the second agent behind, by at most half a point; its first lead of more than "
          "half a point comes later"),
    Truth(r"is (ahead|behind) only at the very start: it (?:falls behind|overtakes the first) before 1% novelty"
          r"((?:, then (?:overtakes again|falls behind) from \d+%)*)",
          lambda r, m: _first_visible(r) == (1 if m.group(1) == "ahead" else -1)
          and _visibly(r, -_first_visible(r), 0.0, 0.01) and (not m.group(2) or _changes_in(r, m.group(2))),
          "the first visible lead (over half a point) is the one named, the other agent leads visibly by 1% novelty, "
          "and each later change quoted is where the lead changes side"),
    Truth(r"overtakes the first at", lambda r: _first_visible(r) < 0,
          "the first visible lead (over half a point) is the first agent's"),
    Truth(r"(?:overtakes|falls behind).*?(?:at|from) \d+% novelty(?:, then (?:overtakes again|falls behind) from \d+%)*",
          _changes_at, "at each novelty quoted the lead changes side: visibly one way before it, the other way after"),
)
def _first_rise(r: KnowResult, x: float) -> bool:
    """The second agent's curve first rises visibly above the first's at x (within the half-point the percentage is
    rounded to): visibly below before it, visibly above after it, and nowhere visibly above before it."""
    return (_first_visible(r) < 0 and _visibly(r, -1, 0.0, x + 0.005) and _visibly(r, +1, x - 0.005, 1.0)
            and not _visibly(r, +1, 0.0, x - 0.005))


def _first_fall(r: KnowResult, x: float) -> bool:
    """The second agent's curve, above the first's at the start, first falls visibly below it at x (as _first_rise)."""
    return (_first_visible(r) > 0 and _visibly(r, +1, 0.0, x + 0.005) and _visibly(r, -1, x - 0.005, 1.0)
            and not _visibly(r, -1, 0.0, x - 0.005))


KNOW_TRUTHS = (
    Truth(r"The second agent's curve never rises visibly above the first's",
          lambda r: not _visibly(r, +1) and not shown_anywhere(r, +1),
          "at no novelty does the page show the second agent ahead (hover or table)"),
    Truth(r"The second agent's curve never rises more than half a point above the first's",
          lambda r: not _visibly(r, +1), "at no novelty is the second agent ahead by more than half a point"),
    Truth(r"The second agent's curve starts above the first's", lambda r: _first_visible(r) > 0 and shown_lead(r, 0) > 0,
          "the first visible lead (over half a point) is the second agent's, and the page shows it ahead at novelty 0"),
    Truth(r"The second agent's curve starts level with the first's, then rises above it",
          lambda r: _first_visible(r) > 0 and shown_lead(r, 0) == 0,
          "the two read alike at novelty 0 (hover and table), and the first visible lead is the second agent's"),
    Truth(r"The second agent's curve starts up to half a point below the first's, then rises above it",
          lambda r: _first_visible(r) > 0 and shown_lead(r, 0) < 0
          and r.curves["knower"][0] - r.curves["figurer"][0] <= VISIBLE,
          "the page shows the second agent behind at novelty 0, by at most half a point, and its first visible lead is "
          "the second agent's"),
    Truth(r"never falls visibly below it", lambda r: not _visibly(r, -1) and not shown_anywhere(r, -1),
          "at no novelty does the page show the second agent behind (hover or table)"),
    Truth(r"never falls more than half a point below it", lambda r: not _visibly(r, -1),
          "at no novelty is the second agent behind by more than half a point"),
    Truth(r"starts up to half a point above the first's and falls below it; a dotted line marks where it then rises "
          r"above it, (?:at (\d+)%|before 1%) novelty",
          lambda r, m: _first_visible(r) < 0 and shown_lead(r, 0) > 0
          and r.curves["figurer"][0] - r.curves["knower"][0] <= VISIBLE
          and (_first_rise(r, int(m.group(1)) / 100) if m.group(1) else _visibly(r, +1, 0.0, 0.01)),
          "the page shows the second agent ahead at novelty 0, by at most half a point; the first visible lead is the "
          "first agent's, and the second first pulls visibly ahead at the novelty quoted"),
    Truth(r"the second agent's curve first rises above the first's, at (\d+)% novelty",
          lambda r, m: _first_rise(r, int(m.group(1)) / 100),
          "the second agent is visibly behind first and first pulls visibly ahead at the novelty quoted"),
    Truth(r"a dotted line marks where it (?:first|then) falls below, at (\d+)% novelty",
          lambda r, m: _first_fall(r, int(m.group(1)) / 100),
          "the second agent is visibly ahead first and first falls visibly behind at the novelty quoted"),
    Truth(r"(?:first|then) (rises above|falls below)(?: the first's)?, before 1% novelty",
          lambda r, m: _first_visible(r) == (-1 if m.group(1) == "rises above" else 1)
          and _visibly(r, -_first_visible(r), 0.0, 0.01),
          "the first visible lead is the other agent's, and the lead has changed side by 1% novelty"),
    Truth(r"exam-like tasks \(novelty (\d+)%–(\d+)%, averaged\)",
          lambda r, m: (pct(EXAM_BAND[0]), pct(EXAM_BAND[1])) == (m.group(1) + "%", m.group(2) + "%"),
          "the exam band's novelty range, over which the exam scores are averaged"),
    Truth(r"[Oo]n new science \((\d+)%–(\d+)%\)",
          lambda r, m: (pct(SCIENCE_BAND[0]), pct(SCIENCE_BAND[1])) == (m.group(1) + "%", m.group(2) + "%"),
          "the new-science band's novelty range"),
    Truth(r"the first agent succeeds (" + SHARE + r") of the time and the second (" + SHARE + r")",
          lambda r, m: (score(r.exam["knower"]), score(r.exam["figurer"])) == m.group(1, 2),
          "the two exam-band averages, as whole percentages (never 100% or 0% unless all or none)"),
    Truth(r"and on new science \(\d+%–\d+%\) (" + SHARE + r") and (" + SHARE + r")",
          lambda r, m: (score(r.science["knower"]), score(r.science["figurer"])) == m.group(1, 2),
          "the two new-science-band averages, as whole percentages (never 100% or 0% unless all or none)"),
)


class KnowResponse(WidgetResponse):
    novelty: list[float]
    success: dict[str, list[float]]
    crossover: float | None = Field(description="Novelty from which the second agent is visibly ahead: 0 where it "
                                    "is ahead from the start, null where it never is. Not the page's crossover line; "
                                    "that is the first of `crossings`.")
    crossings: list[dict[str, Any]] = Field(description="Each novelty where the lead visibly changes side, in order, "
                                            "with what the second agent does there ('overtakes' or 'falls behind'); "
                                            "the page's dotted crossover line marks the first.")
    exam_band: list[float]
    science_band: list[float]
    exam_mean: dict[str, float]
    science_mean: dict[str, float]


def know_api(values: Mapping[str, Any], r: KnowResult) -> dict:
    return {"novelty": [float(v) for v in r.novelty],
            "success": {a: [float(v) for v in c] for a, c in r.curves.items()},
            "crossover": r.crossover, "crossings": [{"novelty": x, "kind": kind} for x, kind in r.changes],
            "exam_band": list(EXAM_BAND), "science_band": list(SCIENCE_BAND),
            "exam_mean": r.exam, "science_mean": r.science}


# ------------------------------------------------------------------------------------- angels

# name (hover and table), label at the line's end, colour, dash. The agents are named by what they
# stand for, not by a trait the sliders can take away (either can be set never to get itself unstuck).
ANGEL_STYLE = {"today": ("First agent (stands for today's AI)", "today's AI", kit.VERMILION, "dash"),
               "agi": ("Second agent (stands for AGI)", "would-be AGI", kit.GREEN, "solid")}


def _angel_lines(series: Mapping[str, Any], x: list[int], say: Callable[[float], str]) -> list[dict]:
    # The hover reads each value as the table writes it (`say`); the drawn y is rounded for size only.
    return [{"type": "scatter", "mode": "lines", "name": ANGEL_STYLE[a][0], "x": x,
             "y": [round(float(v), 4) for v in ys], "customdata": [say(float(v)) for v in ys],
             "line": {"color": ANGEL_STYLE[a][2], "dash": ANGEL_STYLE[a][3], "width": 3}, "showlegend": False,
             "hovertemplate": ANGEL_STYLE[a][0] + ": %{customdata}<extra>%{x:,.0f}-step project</extra>"}
            for a, ys in series.items()]


def _angel_labels(lines: list[dict], y_range: tuple[float, float]) -> list[dict]:
    short = {name: label for name, label, _, _ in ANGEL_STYLE.values()}
    return kit.end_labels(lines, [short[line["name"]] for line in lines], y_range=y_range)


def angel_solo_figure(r: AngelResult) -> dict:
    lines = _angel_lines(r.zero_help, [int(v) for v in r.lengths], share)
    return {"data": lines, "layout": kit.layout(
        margin={"t": 16, "b": 56, "l": 60, "r": 14}, annotations=_angel_labels(lines, (0, 1.1)),
        xaxis=kit.axis("project length (steps)"),
        yaxis=kit.axis("finishes with no help", tickformat=".0%", range=[0, 1.1]))}


def angel_help_figure(r: AngelResult) -> dict:
    lines = _angel_lines(r.interventions, [int(v) for v in r.lengths], helps)
    top = max(max(max(line["y"]) for line in lines), 1) * 1.2
    return {"data": lines, "layout": kit.layout(
        margin={"t": 16, "b": 56, "l": 60, "r": 14}, annotations=_angel_labels(lines, (0, top)),
        xaxis=kit.axis("project length (steps)"),
        yaxis=kit.axis("interventions (mean)", range=[0, top]))}


def _help_places(x: float) -> int:
    return 2 if rounded(x, 2) < 1 else 1 if rounded(x, 1) < 100 else 0


def helps(x: float) -> str:
    """A mean number of interventions in the table's column, to the same places for either agent (so two agents
    needing the same read the same): two decimals under 1, one under 100, whole from there, so a column reads
    '1.0' beside '2.0'."""
    return num(x, _help_places(x))


def helps_said(x: float) -> str:
    """The same mean said in prose: a whole number without its '.0' ('needs 10 interventions')."""
    return lone(x, _help_places(x))


def _interventions(x: float) -> str:
    return count(x, "intervention", places=_help_places(x), whole=True)


def angels_summary(r: AngelResult) -> str:
    n = int(r.lengths[-1])
    return (f"Over {article(num(n))} {num(n)}-step project, the first agent (standing for today's AI) finishes without help in "
            f"{share(r.zero_help['today'][-1])} of runs and needs {_interventions(r.interventions['today'][-1])} "
            f"on average; the second (standing for AGI) finishes alone in {share(r.zero_help['agi'][-1])} of runs and "
            f"needs {helps_said(r.interventions['agi'][-1])}.")


def how_computed(r: AngelResult) -> str:
    """How the numbers were got: both agents exactly (the learner by counting its stuck moments)."""
    return "both agents computed exactly" if r.exact("today") and r.exact("agi") else "not exact"


def angels_table(r: AngelResult) -> Table:
    idx = sorted({0, len(r.lengths) // 4, len(r.lengths) // 2, 3 * len(r.lengths) // 4, len(r.lengths) - 1})
    rows = tuple((num(int(r.lengths[i])), share(r.zero_help["today"][i]), helps(r.interventions["today"][i]),
                  share(r.zero_help["agi"][i]), helps(r.interventions["agi"][i])) for i in idx)
    return Table(f"Projects of different lengths ({how_computed(r)})",
                 ("Steps", "Today's AI: no help", "Today's AI: interventions", "Second agent: no help",
                  "Second agent: interventions"), rows)


def longer_sentence(r: AngelResult) -> str:
    first, last = share(r.zero_help["today"][0]), share(r.zero_help["today"][-1])
    if first == last:
        return (f"At these settings the first agent's odds of finishing alone do not fall with length, to the "
                f"percent shown ({last} at every length).")
    return (f"The longer the project, the worse the first agent's odds of finishing alone ({first} for a "
            f"one-step project, {last} for the full one): every step is another chance to need an angel.")


def angels_live(r: AngelResult) -> dict[str, str]:
    return {"length": num(int(r.lengths[-1])), "today_solo": share(r.zero_help["today"][-1]),
            "today_help": _interventions(r.interventions["today"][-1]), "agi_solo": share(r.zero_help["agi"][-1]),
            "agi_help": _interventions(r.interventions["agi"][-1])}


ANGELS_LONGER_TRUTHS = (
    Truth(r"do not fall with length, to the percent shown \((" + SHARE + r") at every length\)",
          lambda r, m: {share(v) for v in r.zero_help["today"]} == {m.group(1)},
          "the first agent's share of runs finished alone is the same, as shown, at every length"),
    Truth(r"The longer the project, the worse the first agent's odds of finishing alone \((" + SHARE + r") for a "
          r"one-step project, (" + SHARE + r") for the full one\)",
          lambda r, m: int(r.lengths[0]) == 1 and share(r.zero_help["today"][0]) == m.group(1)
          # a one-step project is one chance to get stuck and stay stuck: 1 - stuck x (1 - recovery), exactly
          and share(1 - r.stuck * (1 - r.today_recover)) == m.group(1)
          and share(r.zero_help["today"][-1]) == m.group(2) and m.group(1) != m.group(2)
          and r.zero_help["today"][0] > r.zero_help["today"][-1]
          and all(a >= b for a, b in zip(r.zero_help["today"], r.zero_help["today"][1:])),
          "the first agent's share finished alone falls (never rises) with length, from the first number quoted "
          "at one step (1 − its stuck chance × the chance it stays stuck, as shown) to the second at the full length"),
)
ANGELS_TRUTHS = (
    Truth(r"Over an? ([\d,]+)-step project", lambda r, m: m.group(1) == num(int(r.lengths[-1])),
          "the project length quoted is the longest simulated"),
    Truth(r"the first agent \(standing for today's AI\) finishes without help in (" + SHARE + r") of runs and needs "
          r"(almost 0|\d[\d.,]*) interventions on average; the second \(standing for AGI\) finishes alone in (" + SHARE
          + r") of runs and needs (almost 0|\d[\d.,]*)\.",
          lambda r, m: (share(r.zero_help["today"][-1]), helps_said(r.interventions["today"][-1]),
                        share(r.zero_help["agi"][-1]), helps_said(r.interventions["agi"][-1])) == m.group(1, 2, 3, 4),
          "the two agents' shares finished alone and mean interventions at the full length, as rounded (both "
          "agents' means to the same places, so equal needs read alike)"),
    Truth(r"Projects of different lengths \(both agents computed exactly\)", lambda r: r.exact("today") and r.exact("agi"),
          "both curves are exact: for an agent that never learns (1 − q)^L finish alone and L·q interventions on "
          "average; for the learner, a step-by-step count of the chance of each number of stuck moments"),
)


class AngelsResponse(WidgetResponse):
    lengths: list[int]
    zero_interventions: dict[str, list[float]]
    mean_interventions: dict[str, list[float]]


def angels_api(values: Mapping[str, Any], r: AngelResult) -> dict:
    return {"lengths": [int(v) for v in r.lengths],
            "zero_interventions": {a: [float(v) for v in ys] for a, ys in r.zero_help.items()},
            "mean_interventions": {a: [float(v) for v in ys] for a, ys in r.interventions.items()}}


LUNCH_CLAIMS = (Claim("family", family_sentence, truths=LUNCH_FAMILY_TRUTHS),)
KNOW_CLAIMS = (Claim("exam", exam_sentence, truths=KNOW_EXAM_TRUTHS),
               Claim("science", science_sentence, truths=KNOW_SCIENCE_TRUTHS),
               Claim("crossover", crossover_sentence, truths=KNOW_CROSSOVER_TRUTHS))
ANGELS_CLAIMS = (Claim("longer", longer_sentence, truths=ANGELS_LONGER_TRUTHS),)


# ---------------------------------------------------------------------------- a moving target

def level(x: float) -> str:
    """A skill as the page shows it (`share`). The learner closes a share of its remaining gap each day, from a start
    of at most 90%, so it never reaches full skill: a gap that floating point rounds to nothing (under 10⁻¹⁶, after
    a few hundred days) still reads 'over 99%', never '100%'."""
    return share(min(float(x), 1 - 1e-12))


TARGET_STYLE = {"frozen": ("Stays as trained (today's AI)", "stays as trained", kit.VERMILION, "dash"),
                "learner": ("Learns on the job (at the rate set)", "learns on the job", kit.GREEN, "solid")}


def target_figure(r: TargetResult) -> dict:
    x = [int(d) for d in r.days]
    lines = [{"type": "scatter", "mode": "lines", "name": name, "x": x, "y": [round(float(v), 4) for v in r.skill[k]],
              "customdata": [level(v) for v in r.skill[k]],
              "line": {"color": colour, "dash": dash, "width": 3}, "showlegend": False,
              "hovertemplate": name + ": %{customdata}<extra>day %{x}</extra>"}
             for k, (name, _, colour, dash) in TARGET_STYLE.items()]
    short = {name: label for name, label, _, _ in TARGET_STYLE.values()}
    annotations = kit.end_labels(lines, [short[line["name"]] for line in lines], y_range=(0, 1.1))
    annotations.append({"x": r.test_day, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                        "xanchor": kit.anchor_inside(r.test_day, 0, x[-1]), "showarrow": False,
                        "text": f" the test, day {r.test_day}" + (f" (set for {r.set_day}) " if r.moved else " "),
                        "font": {"size": 13}})
    return {"data": lines, "layout": kit.layout(
        margin={"t": 30, "b": 56, "l": 56, "r": 14}, annotations=annotations,
        shapes=[{"type": "line", "x0": r.test_day, "x1": r.test_day, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.INK, "dash": "dot", "width": 2}}],
        xaxis=kit.axis("days on the job", range=[0, x[-1]], ticklabelstandoff=6),
        yaxis=kit.axis("skill at the new task", tickformat=".0%", range=[0, 1.1]))}


def the_test(r: TargetResult) -> str:
    """The test, named by the day the reader set; if that day is after the last day shown, saying so and
    the day it is taken instead (never a moved day as if it had been asked for)."""
    if r.moved:
        return f"the test (set for day {r.set_day}, after the last day shown, so held on day {r.test_day})"
    return f"the day-{r.test_day} test"


def snapshot_sentence(r: TargetResult) -> str:
    """Skills as `share` writes them: a learner that only approaches full skill is 'over 99%', never '100%'."""
    start, t, f = level(r.skill["learner"][0]), level(r.tested["learner"]), level(r.final["learner"])
    last = int(r.days[-1])
    test = the_test(r)
    if start == f:
        return (f"At these settings neither learner changes on the job, to the percent shown, so {test} "
                f"describes both on every day shown.")
    if t == f:
        return (f"{upper_first(test)}, taken when the learner that keeps learning is already at {f}, "
                f"describes it as it ends; "
                f"a test on day 0 would have rated it at {start}, and the one that stays as trained stays at "
                f"{level(r.final['frozen'])}.")
    return (f"{upper_first(test)} rates the learner that keeps learning at {t}; by day {last} it is at "
            f"{f}, while the one that stays as trained is still at {level(r.final['frozen'])}.")


# Either way of naming the test (the day set; or the day set, moved to the last day shown): which day each
# names is checked by TEST_DAY and TEST_MOVED, wherever the phrase occurs.
_TEST = r"(?:[Tt]he day-\d+ test|[Tt]he test \(set for day \d+, after the last day shown, so held on day \d+\))"
TEST_DAY = Truth(r"\b[Tt]he day-(\d+) test", lambda r, m: int(m.group(1)) == r.test_day == r.set_day,
                 "the test is taken on the day the reader set, which is the day named")
TEST_MOVED = Truth(r"set for day (\d+), after the last day shown, so held on day (\d+)",
                   lambda r, m: int(m.group(1)) == r.set_day > int(r.days[-1]) == int(m.group(2)) == r.test_day,
                   "the day set is after the last day shown, and the test is taken on the last day shown instead")
TARGET_SNAPSHOT_TRUTHS = (
    Truth(r"neither learner changes on the job, to the percent shown",
          lambda r: len({level(v) for a in r.skill.values() for v in a}) == 1,
          "both learners show the same skill, as whole percentages, on every day"),
    Truth(_TEST + r", taken when the learner that keeps learning is already at (" + SHARE + r"), describes it as it "
          r"ends; a test on day 0 would have rated it at (" + SHARE + r"), and the one that stays as trained stays at ("
          + SHARE + r")",
          lambda r, m: level(r.tested["learner"]) == level(r.final["learner"])
          == m.group(1) and level(r.skill["learner"][0]) == m.group(2) != m.group(1)
          and all(level(v) == m.group(3) for v in r.skill["frozen"]),
          "on the test day the learner already shows its final skill, which differs from its day-0 skill; "
          "the other never changes (a skill short of full never reads 100%)"),
    Truth(_TEST + r" rates the learner that keeps learning at (" + SHARE + r"); by day (\d+) it is at (" + SHARE
          + r"), while the one that stays as trained is still at (" + SHARE + r")",
          lambda r, m: level(r.tested["learner"]) == m.group(1)
          and int(m.group(2)) == int(r.days[-1]) and level(r.final["learner"]) == m.group(3)
          and r.final["learner"] > r.tested["learner"] and m.group(3) != m.group(1)
          and all(level(v) == m.group(4) for v in r.skill["frozen"]),
          "the learner's skill on the test day is below its skill on the last day, as shown; the other never changes"),
    TEST_DAY, TEST_MOVED,
)
TARGET_CLAIMS = (Claim("snapshot", snapshot_sentence, truths=TARGET_SNAPSHOT_TRUTHS),)


def target_summary(r: TargetResult) -> str:
    return (f"Both learners start at {level(r.skill['frozen'][0])}. {upper_first(the_test(r))} measures "
            f"{level(r.tested['frozen'])} for the one that stays as trained and {level(r.tested['learner'])} for the one "
            f"that learns on the job; on day {int(r.days[-1])} they are at {level(r.final['frozen'])} and "
            f"{level(r.final['learner'])}.")


def _tested_row(r: TargetResult) -> str:
    return " (the test, set for day " + num(r.set_day) + ")" if r.moved else " (the test)"


TARGET_TRUTHS = (
    Truth(r"Both learners start at (" + SHARE + r")",
          lambda r, m: level(r.skill["frozen"][0]) == level(r.skill["learner"][0]) == m.group(1),
          "both learners' day-0 skill, as a whole percentage"),
    Truth(_TEST + r" measures (" + SHARE + r") for the one that stays as trained and (" + SHARE + r") for the one "
          r"that learns on the job; on day (\d+) they are at (" + SHARE + r") and (" + SHARE + r")",
          lambda r, m: (level(r.tested["frozen"]), level(r.tested["learner"]), str(int(r.days[-1])),
                        level(r.final["frozen"]), level(r.final["learner"])) == m.groups(),
          "each learner's skill on the test day and on the last day, as whole percentages (a skill short of full "
          "never reads 100%)"),
    Truth(r"^(\d+) \(the test\)$", lambda r, m: int(m.group(1)) == r.test_day == r.set_day,
          "the row of the day the test is taken, which is the day the reader set"),
    Truth(r"^(\d+) \(the test, set for day (\d+)\)$",
          lambda r, m: int(m.group(1)) == r.test_day == int(r.days[-1]) < int(m.group(2)) == r.set_day,
          "the row of the last day shown, where the test is taken, the day set being after it"),
)


def target_table(r: TargetResult) -> Table:
    last = int(r.days[-1])
    days = sorted({0, r.test_day, last // 4, last // 2, 3 * last // 4, last})
    rows = tuple((num(d) + (_tested_row(r) if d == r.test_day else ""), level(r.skill["frozen"][d]),
                  level(r.skill["learner"][d])) for d in days)
    return Table("Skill at the new task on selected days", ("Day", "Stays as trained", "Learns on the job"), rows)


def target_live(r: TargetResult) -> dict[str, str]:
    return {"tested": level(r.tested["learner"]), "final": level(r.final["learner"])}


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


# ------------------------------------------------------- his table, one row per simulation, lit by it

# Each widget opens with the row of Byrnes's two-column table that it speaks to (our wording of his rows): a cell
# is lit where the model shows, at these settings, what that column says, and its tag says so.

def _row(today: str, future: str, lit: tuple[bool, bool], status: str) -> dict[str, Any]:
    """The row's two cells (fixed wording, lit or not) and one line under them saying, with the numbers, what lights
    them; the cells' words never change, so lighting one moves nothing."""
    return {"cells": [{"side": side, "head": head, "text": text, "lit": on}
                      for side, head, text, on in zip(("today", "future"), ("AI as we know it today",
                                                                            "The future AGI Byrnes means"),
                                                      (today, future), lit)],
            "status": status}


# The right-hand cell says only what the model shows when it lights it: no strategy beats another over every problem.
LUNCH_FUTURE = "Not universal: no algorithm is, so it too wins on some problems only by losing on others"


def lunch_versus(r: LunchResult, values: Mapping[str, Any]) -> dict[str, Any]:
    tie = len(set(r.mean_all.values())) == 1
    status = (f"Over all {count(r.counts['all'], 'problem')}, every strategy shown needs "
              f"{grey(r.mean_all[r.strategies[0]])} looks on average: none is universal." if tie else "")
    return _row("Impressive across many tasks, yet, in his view, unable to figure things out as people can",
                LUNCH_FUTURE, (False, tie), status)


def know_versus(r: KnowResult, values: Mapping[str, Any]) -> dict[str, Any]:
    k, f = score(r.science["knower"]), score(r.science["figurer"])
    if k == f:
        status = f"On new science the two agents read alike here: {k} each."
    else:
        lead, (a, b) = ("Second", (f, k)) if r.science["figurer"] > r.science["knower"] else ("First", (k, f))
        status = f"{lead} agent ahead on new science here: {a} against {b}."
    # lit by the numbers: today's column where the first agent is stronger on the exam than on new science and not
    # ahead there; the future's where the second is ahead on new science (as shown)
    ahead = r.science["figurer"] > r.science["knower"] and k != f
    tool = score(r.exam["knower"]) != k and r.exam["knower"] > r.science["knower"] and (ahead or k == f)
    return _row("A tool that people use, strong where the answer is already known",
                "An agent, or a team of agents, that figures things out and gets things done", (tool, ahead), status)


def angels_versus(r: AngelResult, values: Mapping[str, Any]) -> dict[str, Any]:
    t, a = share(r.zero_help["today"][-1]), share(r.zero_help["agi"][-1])
    n = num(int(r.lengths[-1]))
    if t == a:
        status = f"Both agents finish {n}-step projects alone in {t} of runs here."
    else:
        lead, (x, y) = ("Second", (a, t)) if r.zero_help["agi"][-1] > r.zero_help["today"][-1] else ("First", (t, a))
        status = f"{lead} agent finishes {n}-step projects alone more often here: {x} of runs against {y}."
    # lit by the numbers: today's column where the first agent finishes the longest projects alone in at most half
    # of runs (people must keep it on track); the future's where the second does in more than half
    return _row("Does pieces of a big project; people hand out the tasks and keep it on track",
                "Founds a company and runs it for years with no human help",
                (r.zero_help["today"][-1] <= 0.5, r.zero_help["agi"][-1] > 0.5), status)


def target_versus(r: TargetResult, values: Mapping[str, Any]) -> dict[str, Any]:
    said = {k: (level(r.tested[k]), level(r.final[k])) for k in ("frozen", "learner")}
    status = (f"Test day {r.test_day} → day {int(r.days[-1])}: stays as trained {said['frozen'][0]} → "
              f"{said['frozen'][1]}, keeps learning {said['learner'][0]} → {said['learner'][1]}.")
    return _row("Mostly fixed once trained",
                "Keeps learning on the job: what it can do is a moving target, which makes testing it more fraught",
                (said["frozen"][0] == said["frozen"][1], said["learner"][0] != said["learner"][1]), status)


def _agent_share(r: KnowResult | AngelResult, side: str):
    """An agent's number the row quotes: on new science (the knowing model) or finishing alone (the angels)."""
    if isinstance(r, KnowResult):
        return r.science["knower" if side == "First" else "figurer"]
    return r.zero_help["today" if side == "First" else "agi"][-1]


VERSUS_LUNCH_TRUTHS = (
    Truth(r"^Not universal: no algorithm is, so it too wins on some problems only by losing on others$",
          lambda r: len(set(r.mean_all.values())) == 1,
          "every strategy shown has the same exact average over every problem, so none does better overall"),
    Truth(r"^Over all ([\d,]+) problems?, every strategy shown needs (\d+(?:\.\d+)?) looks on average: none is "
          r"universal\.$",
          lambda r, m: m.group(1) == num(r.counts["all"]) and len(set(r.mean_all.values())) == 1
          and grey(r.mean_all[r.strategies[0]]) == m.group(2),
          "the number of problems, and every strategy's exact average over all of them is the same, the number quoted"),
)
VERSUS_KNOW_TRUTHS = (
    Truth(r"^(First|Second) agent ahead on new science here: (" + SHARE + r") against (" + SHARE + r")\.$",
          lambda r, m: (lambda me, other: me > other and (score(me), score(other)) == m.group(2, 3)
                        and m.group(2) != m.group(3))(_agent_share(r, m.group(1)),
                                                      _agent_share(r, "Second" if m.group(1) == "First" else "First")),
          "that agent's average in the new-science band is the higher, as shown, then the other's"),
    Truth(r"^On new science the two agents read alike here: (" + SHARE + r") each\.$",
          lambda r, m: score(r.science["knower"]) == score(r.science["figurer"]) == m.group(1),
          "both agents' averages in the new-science band read the same, as quoted"),
)
VERSUS_ANGELS_TRUTHS = (
    Truth(r"^(First|Second) agent finishes ([\d,]+)-step projects alone more often here: (" + SHARE + r") of runs "
          r"against (" + SHARE + r")\.$",
          lambda r, m: (lambda me, other: me > other and (share(me), share(other)) == m.group(3, 4)
                        and m.group(3) != m.group(4))(_agent_share(r, m.group(1)),
                                                      _agent_share(r, "Second" if m.group(1) == "First" else "First"))
          and m.group(2) == num(int(r.lengths[-1])),
          "the full length, and that agent's share finished alone there is the higher, as shown, then the other's"),
    Truth(r"^Both agents finish ([\d,]+)-step projects alone in (" + SHARE + r") of runs here\.$",
          lambda r, m: m.group(1) == num(int(r.lengths[-1]))
          and share(r.zero_help["today"][-1]) == share(r.zero_help["agi"][-1]) == m.group(2),
          "both agents' shares finished alone at the full length read the same, as quoted"),
)
VERSUS_TARGET_TRUTHS = (
    Truth(r"^Test day (\d+) → day (\d+): stays as trained (" + SHARE + r") → (" + SHARE + r"), keeps learning ("
          + SHARE + r") → (" + SHARE + r")\.$",
          lambda r, m: (str(r.test_day), str(int(r.days[-1])), level(r.tested["frozen"]), level(r.final["frozen"]),
                        level(r.tested["learner"]), level(r.final["learner"])) == m.groups(),
          "the day the test is taken and the last day shown, and each learner's skill on them, as whole percentages"),
)
LUNCH_TRUTHS = (*LUNCH_TRUTHS, *VERSUS_LUNCH_TRUTHS)
KNOW_TRUTHS = (*KNOW_TRUTHS, *VERSUS_KNOW_TRUTHS)
ANGELS_TRUTHS = (*ANGELS_TRUTHS, *VERSUS_ANGELS_TRUTHS)
TARGET_TRUTHS = (*TARGET_TRUTHS, *VERSUS_TARGET_TRUTHS)
