"""Presenters for the valence page: pure functions of the three models' results."""
from __future__ import annotations

import math
import re
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse, fmt_number
from app.wording import count, join_and, num, pct, rounded, signed, upper_first, whole_points

from .model import (BACTERIA, BEST_IDEA, DISCOUNT, GOOD_IDEA, NAMES, NEAR, START, STEPS, WORDS, Candy, Concepts, Tumble,
                    concepts, idea_quality)

# --- Wording helpers of this page ------------------------------------------------------------------------

def sgn(x: float, places: int = 2) -> str:
    """A valence whose sign matters: '+0.38', '−0.05', '0.00' (wording.signed writes the true minus)."""
    return signed(x, places)


def share(x: float) -> str:
    """A share of steps as a whole percentage, never '0%' or '100%' for something that did or did not
    happen at all: 'under 1%', 'over 99%'."""
    if 0 < x < 0.005:
        return "under 1%"
    if 0.995 <= x < 1:
        return "over 99%"
    return pct(x)


# Never true: a sentence assembled from parts must not double its punctuation (',:' or '..').
DOUBLED = Truth(r"[,;:]\s*[,;:.]|(?<!\.)\.\.(?!\.)", lambda result: False, "never: doubled punctuation")


# --- Run and tumble -----------------------------------------------------------------------------------



def points(x: float) -> str:
    """'1 point', '70 points', 'almost 0 points'."""
    return count(x, "point") if num(x) != "almost 0" else "almost 0 points"


def _many(n_share: float) -> int:
    return _shown(n_share * BACTERIA)


def ending(n_share: float, noun: str) -> str:
    """'12 of 24 bacteria end', '1 of 24 minds ends', 'none of the 24 bacteria end'."""
    n = _many(n_share)
    if n == 0:
        return f"none of the {BACTERIA} {noun} end"
    return f"{n} of {BACTERIA} {noun} {'ends' if n == 1 else 'end'}"


def _count_of(n_share: float) -> str:
    n = _many(n_share)
    return "none" if n == 0 else str(n)


def map_reach(paths, *fixed: tuple[float, float]) -> float:
    """Half the width of a map that holds every point of every path (and the fixed marks): at least
    the usual ±90, else widened to the next 10 past the furthest point."""
    far = max([abs(c) for p in fixed for c in p], default=0.0)
    for path in paths:
        if len(path):
            xs, ys = zip(*path)
            far = max(far, max(xs), -min(xs), max(ys), -min(ys))
    return max(90.0, 10.0 * math.ceil((far + 6) / 10))


def apart(d: float) -> str:
    """A distance to one decimal, or to as many more as keep it on its side of the 15-unit ring (14.98, not 15.0);
    one exactly on the ring (to nine decimals, as the model counts it: within) reads 15."""
    if rounded(d, 9) == NEAR:
        return num(NEAR)
    places = 1
    while rounded(d, places) == NEAR and places < 6:
        places += 1
    return num(d, places, tiny=False)


def _ends(paths, hover: list[str]) -> dict:
    """Where each agent ended, as grey dots under the one path drawn (the other paths are not drawn at all)."""
    return {"type": "scatter", "mode": "markers", "name": "End", "x": [p[-1][0] for p in paths],
            "y": [p[-1][1] for p in paths], "marker": {"color": kit.GREY, "size": 8, "symbol": "circle"},
            "customdata": hover, "hovertemplate": "ended %{customdata}<extra></extra>"}


def _from(end: tuple[float, float], mark: tuple[float, float]) -> float:
    return math.hypot(end[0] - mark[0], end[1] - mark[1])


def _median(scores: list[float]) -> int:
    """The agent in the middle of 24 ranked by score, best first (the 12th; ties by agent number)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return order[(len(order) - 1) // 2]


def median_bacterium(t: Tumble) -> int:
    """The bacterium drawn bold: the median by its end's distance from the food, as the map shows the end."""
    return _median([-_from(p[-1], (0.0, 0.0)) for p in t.paths])


def _scores(t: Tumble) -> list[float]:
    """What each mind's last idea scores, on the slope-1 landscape the worth is judged on."""
    return [float(idea_quality(p[-1][0], p[-1][1], 1.0)) for p in t.idea_paths]


def median_mind(t: Tumble) -> int:
    """The mind drawn bold: the median by what its last idea scores."""
    return _median(_scores(t))


def _trail(path, name: str) -> list[dict]:
    """One agent's path, the only one drawn (the others are their end dots), bold on a halo of paper: its start ringed,
    its end a dot in its colour."""
    n = len(path)
    line = {"type": "scatter", "mode": "lines", "hoverinfo": "skip", "x": [p[0] for p in path], "y": [p[1] for p in path]}
    return [{**line, "showlegend": False, "line": {"color": kit.PAPER, "width": 8}},
            {**line, "mode": "lines+markers", "name": name, "line": {"color": kit.BLUE, "width": 4},
             "marker": {"size": [12] + [0] * (n - 2) + [12], "symbol": ["circle-open"] + ["circle"] * (n - 1),
                        "color": [kit.INK] + [kit.BLUE] * (n - 1), "line": {"width": [2.5] * (n - 1) + [1.5], "color": kit.INK}}}]


def _drawn(paths, bold: int) -> list:
    """What a map draws of the runs, which its reach must hold: the one path and every end."""
    return [paths[bold], *(p[-1:] for p in paths)]


def dish_figure(t: Tumble) -> dict:
    rings = [{"type": "circle", "xref": "x", "yref": "y", "x0": -r, "x1": r, "y0": -r, "y1": r,
              "line": {"color": kit.GRID, "width": 1.5, "dash": "dot"}} for r in (NEAR, 40, 80)]
    b = median_bacterium(t)
    data = [_ends(t.paths, [f"at ({num(p[-1][0], 1, tiny=False)}, {num(p[-1][1], 1, tiny=False)}), {apart(_from(p[-1], (0.0, 0.0)))} from the food"
                            for p in t.paths]), *_trail(t.paths[b], "Median run"),
            {"type": "scatter", "mode": "markers", "name": "Food" if t.rise > 0 else "Food's spot (no food here)",
             "x": [0], "y": [0],
             "marker": {"color": kit.VERMILION, "size": 14, "symbol": "star", "line": {"color": kit.INK, "width": 1}},
             "hovertemplate": ("the food source" if t.rise > 0 else "where the food would be: no food to find")
                              + "<extra></extra>", "showlegend": False}]
    return _space(data, rings, map_reach(_drawn(t.paths, b)), "Bacteria: count the dots in the inner ring",
                  marks=((0.0, 0.0, "food" if t.rise > 0 else "no food", "right"),))


def ideas_figure(t: Tumble) -> dict:
    data = [{"type": "scatter", "mode": "markers", "name": name, "x": [p[0]], "y": [p[1]],
             "marker": {"color": colour, "size": 14, "symbol": symbol, "line": {"color": kit.INK, "width": 1}},
             "hovertemplate": f"{name.lower()}<extra></extra>", "showlegend": False}
            for name, p, colour, symbol in (("Best idea", BEST_IDEA, kit.VERMILION, "star"),
                                            ("Good idea", GOOD_IDEA, kit.PINK, "diamond"))]
    rings = [{"type": "circle", "xref": "x", "yref": "y", "x0": p[0] - r, "x1": p[0] + r, "y0": p[1] - r,
              "y1": p[1] + r, "line": {"color": kit.GRID, "width": 1.5, "dash": "dot"}}
             for p in (BEST_IDEA, GOOD_IDEA) for r in (NEAR, 35)]
    m = median_mind(t)
    ends = [_ends(t.idea_paths, [f"{apart(_from(p[-1], BEST_IDEA))} from the best idea, "
                                         f"{apart(_from(p[-1], GOOD_IDEA))} from the lesser one" for p in t.idea_paths]),
            *_trail(t.idea_paths[m], "Median mind")]
    return _space(ends + data, rings, map_reach(_drawn(t.idea_paths, m), BEST_IDEA, GOOD_IDEA),
                  "Minds' ideas: nearer a marker is better",
                  ticks=False, marks=((*BEST_IDEA, "best idea", "left"), (*GOOD_IDEA, "good idea", "right")))


MAP_HEIGHT = 280   # each map's declared height (page.py): its legend sits one line under the title


def _space(data: list[dict], rings: list[dict], reach: float, title: str, *, ticks: bool = True,
           marks: tuple = ()) -> dict:
    """A square map; without ticks its two directions are made-up dimensions (ways of varying a plan). Its fixed
    markers are labelled beside them; the legend (ends, the bold path) is one line over the map."""
    step = 30 if reach <= 60 else 60 if reach <= 180 else 150 if reach <= 450 else 300   # few ticks: the map is small
    values = [k * step for k in range(-int(reach // step), int(reach // step) + 1)]
    values = [v for v in values if abs(v) < reach - 0.1 * step]
    return {"data": data, "layout": kit.layout(
        title={"text": title, "x": 0.02, "xanchor": "left", "y": 0.985, "yanchor": "top", "font": {"size": 13}},
        margin={"t": 48, "b": 24 if ticks else 12, "l": 44 if ticks else 12, "r": 12},
        legend={"orientation": "h", "yref": "container", "y": 1 - 24 / MAP_HEIGHT, "yanchor": "top", "x": 0},
        showlegend=True,
        shapes=rings, annotations=[{"x": x, "y": y, "xref": "x", "yref": "y", "text": text, "showarrow": False,
                                    "xanchor": "left" if side == "right" else "right",
                                    "xshift": 10 if side == "right" else -10, "yshift": -14 if side == "right" else 14,
                                    "font": {"size": 13}}
                                   for x, y, text, side in marks],
        xaxis=kit.axis(None, range=[-reach, reach], tickvals=values, showticklabels=ticks, zeroline=False, tickangle=0),
        yaxis=kit.axis(None, range=[-reach, reach], tickvals=values, showticklabels=ticks, zeroline=False,
                       scaleanchor="x", scaleratio=1))}


def _shown(x: float) -> int:
    """A distance, worth or count as the sentences show it: whole units, halves up, as num() rounds (24.5 -> 25;
    Python's round() would give 24)."""
    return int(rounded(x))


def _rare(x: float) -> bool:
    """A share of steps that did happen but reads under 5% as shown ('under 1%' to '4%')."""
    return 0 < x and _shown(100 * x) < RARELY


def _steers(t: Tumble) -> bool:
    """There is something to steer by (the food rises from the start ring to the source) and the
    bacteria remember enough to compare the present with."""
    return t.rise > 0 and t.memory > 0


def blind(t: Tumble) -> bool:
    """The bacteria steer by nothing: no memory, or they tumbled on every step or on none, so no reading of the
    food ever changed what they did."""
    return t.memory == 0 or t.tumbles in (0, 1)


def blind_thoughts(t: Tumble) -> bool:
    """The minds steer by nothing: no memory, or they re-rolled on every step or on none (a mind that re-rolls
    every time never keeps an idea, so nothing can leave it stuck)."""
    return t.memory == 0 or t.rerolls in (0, 1)


# The one yardstick: the same bacteria on a dish with no food (and the same minds at slope 0), with the same noise,
# memory, threshold and draws, so what steering adds is the gap between the two. Thresholds are on numbers as shown.
GATHER = 5              # 'many more at the food': this many or more than the yardstick's, of the 24
FOUND = BACTERIA // 2   # 'finds the food': at least half of the 24 end near it
MUCH_NEARER = 0.6      # 'much nearer': a mean final distance under this share of the yardstick's
SOMEWHAT = 0.75        # 'helps somewhat' under this share, 'only a little' from it
NEARER = 0.9           # nearer at all: under this share
FURTHER = 1.1          # worse: over this share, with no more near the food
RARELY = 5             # 'hardly ever tumble' (or re-roll): on under this many percent of steps as shown, but on some
GAIN = 5               # minds gain: their ideas end worth at least this many points more than the yardstick's
CLIMB = 20             # minds climb clearly: at least this many points more
STRAIGHT = 0.9         # a nearly straight path: it ends at least this share of its length from where it began


def _d(t: Tumble) -> int:
    return _shown(t.distance[-1])


def _yard(t: Tumble, which: str) -> tuple[int, int]:
    """A yardstick's mean final distance and count near the food, as shown: 'flat' the same bacteria on a dish with
    no food, 'matched' the same bacteria tumbling at random as often as these did."""
    if which == "flat":
        return _shown(t.baseline_flat[-1]), _many(t.near_flat)
    return _shown(t.baseline_matched[-1]), _many(t.near_matched)


def _hard(t: Tumble) -> str:
    """The harder yardstick: the one the run does worse against, or, alike, the one nearer the run's own distance."""
    d, n = _d(t), _n(t)
    return min(YARDS, key=lambda y: (RANK[_kind(d, n, *_yard(t, y))], abs(d - _yard(t, y)[0])))


def _beats_both(t: Tumble) -> bool:
    """The run has at least as many near the food as each yardstick and is no further off, and is ahead of each on
    one of the two: more near the food, or a mean distance under 90% of its."""
    d, n = _d(t), _n(t)
    return all(n >= k and d <= m and (n > k or d < NEARER * m) for m, k in (_yard(t, y) for y in YARDS))


def _m(t: Tumble) -> int:
    """The harder yardstick's mean final distance, as shown."""
    return _yard(t, _hard(t))[0]


def _n(t: Tumble) -> int:
    return _many(t.near)


def _nm(t: Tumble) -> int:
    """How many of the harder yardstick's bacteria end near the food (or its spot)."""
    return _yard(t, _hard(t))[1]


def verdict(t: Tumble) -> str:
    """The bacteria against the same bacteria on a dish with no food, on the count near the food and the mean final
    distance as shown: 'flat' (a flat dish: nothing to steer by) and 'blind' (no memory, or a tumble on every step
    or none: the rule steers by nothing) first; then 'finds' (five more at the food, under 60% of the
    distance, nearer than the start and at least half of them at the food), 'closer' (under 60%, no fewer at the food), 'gathers' (five more, no further
    off), 'somewhat'
    (under 75%), 'little' (more at the food or under 90%, no further off), 'adrift' ('somewhat' or 'little', but no
    nearer than the start on average), 'hardly' (as many, nearer by under a
    tenth), 'mixed' (more at the food, further off), 'split' (fewer, under 90%), 'worse' (no more, over 110%),
    else 'none'."""
    if t.rise == 0:      # with or without memory: the yardstick (no food) is this very run, so nothing to compare
        return "flat"
    if blind(t):
        return "blind"
    kind = _kind(_d(t), _n(t), _m(t), _nm(t))
    # Ahead of both yardsticks but no nearer than the start on average: not said to help.
    return "adrift" if kind in ("somewhat", "little") and _d(t) >= START else kind


YARDS = ("flat", "matched")
RANK = {"finds": 9, "closer": 8, "gathers": 8, "somewhat": 7, "little": 6, "hardly": 5, "mixed": 4, "split": 4,
        "none": 3, "worse": 2}
YARD_NAME = {"flat": "with no food", "matched": "random tumbling"}


def _kind(d: int, n: int, m: int, nm: int) -> str:
    """The verdict against one yardstick (mean distance m, nm near the food), from the run's d and n."""
    if n < nm:
        return "split" if d < NEARER * m else "worse" if d > FURTHER * m else "none"
    if n - nm >= GATHER and d < MUCH_NEARER * m:
        return "finds" if d < START and n >= FOUND else "gathers"
    if n > nm and d > m:
        return "mixed"
    if d < MUCH_NEARER * m:
        return "closer"
    if n - nm >= GATHER:
        return "gathers"
    if d < SOMEWHAT * m:
        return "somewhat"
    if n > nm or d < NEARER * m:
        return "little"
    if d < m:
        return "hardly"
    return "worse" if d > FURTHER * m else "none"


# Short enough to sit on one line beside 'Bacteria:' in the drawing's narrow column; the sentence names the yardstick.
STATUS = {"blind": "steers by nothing", "flat": "nothing to steer by", "finds": "finds the food",
          "closer": "much nearer", "gathers": "more at the food", "somewhat": "helps somewhat",
          "little": "helps a little", "adrift": "no nearer than start", "hardly": "hardly better", "mixed": "mixed",
          "split": "mixed", "none": "no better", "worse": "does worse"}


def status(t: Tumble) -> str:
    """The drawing's verdict on the bacteria: the sentence's, in a word or two."""
    kind = verdict(t)
    return "less far off" if kind == "closer" and _d(t) >= START else STATUS[kind]


def bacteria_fail(t: Tumble) -> bool:
    """The chemotaxis sentence says "no better", "hardly better" or "worse than chance" (or there is nothing to
    steer by)."""
    return verdict(t) in ("flat", "none", "hardly", "worse")


def _bacteria_fail(t: Tumble) -> bool:
    """On the numbers alone: a flat dish, or no more bacteria near the food than with no food and a mean
    distance not under 90% of theirs (as shown)."""
    return t.rise == 0 or (_n(t) <= _nm(t) and _d(t) >= NEARER * _m(t))


def _why(t: Tumble) -> str:
    if t.memory == 0:
        return (" With no memory there is nothing to compare the present with, so the signal always reads 0, "
                + ("which is not above the threshold." if t.tumbles == 1 else
                   "which is above the threshold: each bacterium swims off in a straight line."))
    if t.tumbles == 1:
        return " Nothing ever looks better by more than the threshold."
    if t.tumbles == 0:
        return " Nothing ever looks worse than the threshold, so each bacterium swims off in a straight line."
    if _rare(t.tumbles):
        hardly = " Almost nothing looks worse than the threshold, so they hardly ever tumble"
        k = straight(t.paths)
        if k == 0:
            return f"{hardly}."
        if k == BACTERIA:
            return f"{hardly} and swim off in nearly straight lines."
        return f"{hardly}, and {k} of them {'swims off in a nearly straight line' if k == 1 else 'swim off in nearly straight lines'}."
    return ""


def straight(paths) -> int:
    """How many agents went nearly straight: ending at least 90% of their 400 unit steps from where they began
    (a run broken by tumbles, or by re-rolls, ends nearer)."""
    return sum(math.hypot(p[-1][0] - p[0][0], p[-1][1] - p[0][1]) >= STRAIGHT * STEPS for p in paths)


LEADS = {"worse": "does worse than {y}",
         "adrift": f"does not bring the bacteria nearer than the {num(START)} units they started at, though it does "
                   "better than {y}",
         "mixed": "gives mixed results, more bacteria near the food but further off on average",
         "split": "gives mixed results, nearer the food on average but fewer bacteria near it",
         "somewhat": "helps somewhat", "little": "helps a little",
         # No word on the mean distance here: the numbers give it.
         "gathers": "brings many more bacteria to the food than {y}",
         "hardly": "does hardly better than {y}", "none": "does no better than {y}"}


def chemotaxis_sentence(t: Tumble) -> str:
    yard = _hard(t)
    against = (f"at a mean distance of {num(t.distance[-1])} against {num(t.baseline_flat[-1])} for the same bacteria "
               f"on a dish with no food, {_count_of(t.near_flat)} of them near its centre" if yard == "flat" else
               f"at a mean distance of {num(t.distance[-1])} against {num(t.baseline_matched[-1])} for the same "
               f"bacteria tumbling at random as often, {_count_of(t.near_matched)} of them near the food")
    numbers = f"{ending(t.near, 'bacteria')} within {num(NEAR)} units of the food, {against}"
    kind = verdict(t)
    if kind == "finds":
        return f"Steering by nothing but how the food compares with lately, {numbers}.{_why(t)}"
    if kind == "blind":
        return f"Here run and tumble steers by nothing: {numbers}.{_why(t)}"
    if kind == "flat":
        # Here the yardstick is this very run, so it is not quoted.
        return (f"With a flat dish there is nothing to steer by: {ending(t.near, 'bacteria')} within {num(NEAR)} units "
                f"of the food's spot, at a mean distance of {num(t.distance[-1])}.{_why(t)}")
    if kind == "closer":
        nearer = (f"much nearer the food on average than {YARD_NAME[yard]}" if _d(t) < START else
                  f"much less far from the food on average than {YARD_NAME[yard]} (though on average neither group ends "
                  f"nearer than the {num(START)} units both started at)")
        few = ("though no more of them at it" if _n(t) == _nm(t) else
               "with one more of them at it" if _n(t) - _nm(t) == 1 else "with a few more of them at it")
        return f"At these settings run and tumble leaves the bacteria {nearer}, {few}: {numbers}.{_why(t)}"
    # A small gap, or one bacterium, can come and go with the luck of the draw: a weak verdict is this run's.
    scope = ("In this run," if kind in ("worse", "mixed", "split", "hardly", "none", "little", "adrift") else
             "At these settings")
    return f"{scope} run and tumble {LEADS[kind].format(y=YARD_NAME[yard])}: {numbers}.{_why(t)}"


def thoughts_sentence(t: Tumble) -> str:
    worth = f"the ideas entertained end up worth {points(t.quality[-1])} on average"
    started = "" if _idea_rises(t) else f", though at the start the minds' ideas averaged {points(t.quality[0])}"
    named = "with nothing to sense" if _mind_yard(t) == "flat" else "re-rolling at random as often"
    numbers = f"{worth}, against {num(_yard_worth(t))} for the same minds {named}{started}"
    where = f"{ending(t.best, 'minds')} near the best idea and {_count_of(t.good)} near the lesser one"
    if t.idea_rise == 0:     # with or without memory: the yardstick (nothing to sense) is this very run
        # The slope is what the minds sense; worth is scored on the slope-1 landscape (model).
        return (f"At slope 0 the ideas' worth feels flat to the minds, so they have nothing to climb by either: "
                f"scored as at slope 1, {worth}{started}; {where}{_drift(t)}.")
    if blind_thoughts(t):
        lead = ("With no memory the rule steers thoughts by nothing either" if t.memory == 0 else
                "Here the rule steers thoughts by nothing")
        return f"{lead}: {numbers}; {where}."
    if _gains(t):
        tail = (", where the rule can leave a mind stuck: it only compares how things look now with lately, not "
                "where the best idea is." if _many(t.good) > 0 else ".")
        lead = ("On thoughts the rule only slows the slide" if _idea_falls(t) else
                "On thoughts the rule only holds the ideas near their starting worth" if not _idea_rises(t) else
                "On thoughts the rule helps somewhat" if not _climbs(t) else
                "The same rule on thoughts works the same way" if verdict(t) == "finds" else
                "On thoughts the same rule climbs too" if _bacteria_gain(t) else
                "On thoughts the same rule does better here")
        return f"{lead}: {numbers}; {where}{_drift(t) + '.' if _drift(t) else tail}"
    # Bacteria that steer by nothing neither fail nor succeed by the rule, so the minds' result is said alone.
    alone = verdict(t) == "blind"
    y = MIND_SHORT[_mind_yard(t)]
    if _worth(t)[0] > _worth(t)[1]:     # ahead as shown, short of a gain
        lead = (f"On thoughts the rule does hardly better than {y}" if alone else
                f"On thoughts the rule does not clearly help either, doing hardly better than {y}"
                if bacteria_fail(t) else f"On thoughts the same rule does hardly better than {y}")
    else:
        lead = ("On thoughts the rule fails" if alone or verdict(t) == "hardly" else
                "On thoughts the rule fails in the same way" if bacteria_fail(t) else "On thoughts the same rule fails")
    # as the bacteria's weak verdicts: a small gap can come and go with the luck of the draw
    return f"In this run, o{lead[1:]}: {numbers}; {where}{_drift(t)}."


def _drift(t: Tumble) -> str:
    """Minds that (almost) never re-roll keep varying an idea one way, as bacteria that never tumble swim straight."""
    if t.rerolls == 0:
        return "; never re-rolling, each mind keeps varying its idea the same way, off in a straight line"
    k = straight(t.idea_paths)
    if not _rare(t.rerolls) or k == 0:
        return ""
    who = ("each mind keeps varying its idea the same way, in a nearly straight line" if k == BACTERIA else
           "1 of the minds keeps varying its idea the same way, in a nearly straight line" if k == 1 else
           f"{k} of the minds keep varying their ideas the same way, in nearly straight lines")
    return f"; re-rolling so rarely, {who}"


def _finds(t: Tumble) -> bool:
    """At least half of the 24 bacteria, and five or more than the same bacteria with no food, end near the food, at under
    60% of their mean distance and nearer than they started (as shown), by steering."""
    return (_steers(t) and _n(t) >= FOUND and _n(t) - _nm(t) >= GATHER and _d(t) < MUCH_NEARER * _m(t)
            and _d(t) < START)


def _mind_yard(t: Tumble) -> str:
    """The minds' harder yardstick, as shown: 'flat' the same minds at slope 0 (nothing to sense), 'matched' the same
    minds re-rolling at random as often; the flat one where they end level."""
    return "flat" if _shown(t.quality_flat[-1]) >= _shown(t.quality_matched[-1]) else "matched"


def _yard_worth(t: Tumble) -> float:
    return t.quality_flat[-1] if _mind_yard(t) == "flat" else t.quality_matched[-1]


MIND_SHORT = {"flat": "with nothing to sense", "matched": "random"}


def _worth(t: Tumble) -> tuple[int, int]:
    """The minds' final worth and the higher of their two yardsticks' (nothing to sense; re-rolling at random as
    often), as shown."""
    return _shown(t.quality[-1]), max(_shown(t.quality_flat[-1]), _shown(t.quality_matched[-1]))


def _climbs(t: Tumble) -> bool:
    """The minds' ideas end worth at least 20 points more than the same minds' with nothing to sense (as shown)."""
    q, r = _worth(t)
    return q - r >= CLIMB


def _idea_rises(t: Tumble) -> bool:
    """The minds' ideas end worth at least 5 points more than the one they start with (as shown): only then do they
    climb."""
    return _shown(t.quality[-1]) - _shown(t.quality[0]) >= GAIN


def _idea_falls(t: Tumble) -> bool:
    """The minds' ideas end worth less than the one they start with (as shown)."""
    return _shown(t.quality[-1]) < _shown(t.quality[0])


def _gains(t: Tumble) -> bool:
    """The minds' ideas end worth at least 5 points more than the same minds' with nothing to sense (as shown):
    the one yardstick for every verdict on thoughts, so timing alone never counts as climbing."""
    q, r = _worth(t)
    return q - r >= GAIN


def _counted(word: str) -> int:
    return 0 if word.lower() == "none" else int(word)


_YARD = ("as the sentence shows them, against the harder of the same bacteria on a dish with no food and the same "
         "bacteria tumbling at random as often, with the same draws; ahead of both")
_Y = r"(?:with no food|random tumbling)"
FINDS = Truth(r"^Steering by nothing but|finds the food", lambda t: _finds(t) and _beats_both(t),
              f"there is a gradient to steer by and memory to compare with; at least half of the 24 bacteria, and at "
              f"least {GATHER} more than the yardstick's, end near the food, at under {MUCH_NEARER:.0%} of the mean distance and nearer than the {START:.0f} "
              f"units they started at ({_YARD})")
CLOSER_FEW = Truth(r"much (?:nearer the food|less far from the food) on average than " + _Y + r"(?: \([^)]*\))?, "
                   r"(?:though no more|with (?:one|a few) more) of them at it|^much nearer$|^less far off$",
                   lambda t: (_steers(t) and _d(t) < MUCH_NEARER * _m(t) and 0 <= _n(t) - _nm(t) < GATHER
                              and _beats_both(t)),
                   f"there is a gradient to steer by and memory to compare with; a mean final distance under "
                   f"{MUCH_NEARER:.0%} of the yardstick's, with as many bacteria near the food or up to {GATHER - 1} "
                   f"more ({_YARD})")
NO_MORE_AT = Truth(r"though no more of them at it", lambda t: _n(t) == _nm(t),
                   f"as many bacteria end near the food as the yardstick's ({_YARD})")
ONE_MORE_AT = Truth(r"with one more of them at it", lambda t: _n(t) - _nm(t) == 1,
                    f"exactly one more bacterium ends near the food than the yardstick's ({_YARD})")
FEW_MORE_AT = Truth(r"with a few more of them at it", lambda t: 2 <= _n(t) - _nm(t) < GATHER,
                    f"from 2 to {GATHER - 1} more bacteria end near the food than the yardstick's ({_YARD})")
GATHERS = Truth(r"brings many more bacteria to the food than " + _Y + "|^more at the food$",
                lambda t: _steers(t) and _n(t) - _nm(t) >= GATHER and _d(t) <= _m(t) and not _finds(t) and _beats_both(t),
                f"there is a gradient to steer by and memory to compare with; at least {GATHER} more bacteria end near "
                f"the food, at a mean distance no longer than the yardstick's, short of finding it (fewer than half "
                f"of the 24 near it, a mean distance not under {MUCH_NEARER:.0%} of the yardstick's, or no nearer "
                f"than the {START:.0f} units they started at) ({_YARD})")
SOMEWHAT_TRUTH = Truth(r"run and tumble helps somewhat|^helps somewhat$",
                       lambda t: (_steers(t) and 0 <= _n(t) - _nm(t) < GATHER and _d(t) < START
                                  and MUCH_NEARER * _m(t) <= _d(t) < SOMEWHAT * _m(t) and _beats_both(t)),
                       f"as many bacteria near the food or up to {GATHER - 1} more, at a mean distance from "
                       f"{MUCH_NEARER:.0%} to under {SOMEWHAT:.0%} of the yardstick's, nearer than the {START:.0f} "
                       f"units they started at ({_YARD})")
LITTLE = Truth(r"helps a little",
               lambda t: (_steers(t) and 0 <= _n(t) - _nm(t) < GATHER and SOMEWHAT * _m(t) <= _d(t) <= _m(t)
                          and _d(t) < START
                          and (_n(t) > _nm(t) or _d(t) < NEARER * _m(t)) and _beats_both(t)),
               f"more bacteria near the food (fewer than {GATHER} more) or a mean distance under {NEARER:.0%} of the "
               f"yardstick's, with none fewer near it and a mean distance not under {SOMEWHAT:.0%} of the yardstick's "
               f"nor over it, nearer than the {START:.0f} units they started at ({_YARD})")
ADRIFT = Truth(r"does not bring the bacteria nearer than the (?P<s>\d+) units they started at, though it does better "
               r"than " + _Y + r"|^no nearer than start$",
               lambda t, m: _d(t) >= START and (m["s"] in (None, num(START))) and (m["s"] is None or _beats_both(t)),
               f"the bacteria end no nearer the food on average than the {START:.0f} units they started at (as shown); "
               f"in the sentence, they are also ahead ({_YARD})")
MUCH_NEARER_STATUS = Truth(r"^much nearer$", lambda t: CLOSER_FEW.holds(t) and _d(t) < START,
                           f"as the sentence's 'much nearer the food', nearer than the {START:.0f} units they started at")
LESS_FAR_STATUS = Truth(r"^less far off$", lambda t: CLOSER_FEW.holds(t) and _d(t) >= START,
                        f"as the sentence's 'much less far from the food', no nearer than the {START:.0f} units they "
                        "started at")
NEARER_START = Truth(r"much nearer the food on average", lambda t: _d(t) < START,
                     f"the bacteria end nearer the food on average than the {START:.0f} units they started at (as shown)")
FAR_START = Truth(r"on average neither group ends nearer than the (?P<s>\d+) units both started at",
                  lambda t, m: m["s"] == num(START) and START <= _d(t) and START <= _m(t),
                  "both the bacteria and the yardstick's end no nearer the food on average than they started (as shown)")
MIXED = Truth(r"gives mixed results, more bacteria near the food but further off on average",
              lambda t: _steers(t) and _n(t) > _nm(t) and _d(t) > _m(t),
              f"more bacteria end near the food, at a longer mean distance ({_YARD})")
SPLIT = Truth(r"gives mixed results, nearer the food on average but fewer bacteria near it",
              lambda t: _steers(t) and _n(t) < _nm(t) and _d(t) < NEARER * _m(t),
              f"fewer bacteria end near the food, at a mean distance under {NEARER:.0%} of the yardstick's ({_YARD})")
MIXED_STATUS = Truth(r"^mixed$", lambda t: MIXED.holds(t) or SPLIT.holds(t), "one of the two mixed results above")
HARDLY_BETTER = Truth(r"hardly better than " + _Y + "|^hardly better$",
                      lambda t: _n(t) == _nm(t) and NEARER * _m(t) <= _d(t) < _m(t),
                      f"as many bacteria near the food, at a mean distance shorter by under a tenth ({_YARD})")
NONE = Truth(r"no better than " + _Y + "|^no better$",
             lambda t: (_n(t) <= _nm(t) and NEARER * _m(t) <= _d(t) <= FURTHER * _m(t)
                        and (_n(t) < _nm(t) or _d(t) >= _m(t))),
             f"no more bacteria near the food, at a mean distance no shorter than the yardstick's and at most a tenth "
             f"longer, or fewer near the food and within a tenth of the yardstick's distance either way ({_YARD})")
WORSE = Truth(r"worse than " + _Y + "|^does worse$", lambda t: _n(t) <= _nm(t) and _d(t) > FURTHER * _m(t),
              f"no more bacteria near the food, at a mean distance over {FURTHER:.0%} of the yardstick's ({_YARD})")
NO_FOOD = Truth(r"at a mean distance of (?P<a>\d+|almost 0) against (?P<b>\d+|almost 0) for the same bacteria "
                r"(?P<y>on a dish with no food|tumbling at random as often), (?P<n>\d+|none) of them near (?:its centre|the food)",
                lambda t, m: (m["a"], m["b"], _counted(m["n"])) == (
                    num(t.distance[-1]), *((num(t.baseline_flat[-1]), _many(t.near_flat)) if m["y"].startswith("on")
                                           else (num(t.baseline_matched[-1]), _many(t.near_matched))))
                and m["y"].startswith("on") == (_hard(t) == "flat")
                and m[0].endswith("centre") == m["y"].startswith("on") and t.rise > 0,
                "the steering bacteria's mean final distance; that of the yardstick named (the same bacteria, same "
                "noise, memory, threshold and draws, on a dish with no food or tumbling at random as often), and how "
                "many of those end within 15 units of the food (or its spot); the harder of the two is named; never "
                "on a flat dish, where the dish with no food is this very run")
DISTANCE = Truth(r"at a mean distance of (?P<a>\d+|almost 0)\b", lambda t, m: m["a"] == num(t.distance[-1]),
                 "the steering bacteria's mean final distance to the food")
NEAR_COUNT = Truth(r"(?P<n>\d+|[Nn]one) of (?:the )?24 bacteria ends?\b", lambda t, m: _counted(m["n"]) == _n(t),
                   "the number of steering bacteria that end within 15 units of the food")
MATCHED_COUNT = Truth(r"\(with no food: (?P<n>\d+|none)\)", lambda t, m: _counted(m["n"]) == _many(t.near_flat),
                      "the number of the same bacteria, on a dish with no food, that end near the food's spot")
FLAT = Truth(r"With a flat dish there is nothing to steer by|nothing to steer by", lambda t: t.rise == 0,
             "the food's concentration does not rise at all from the start ring to the source")
BLIND = Truth(r"(?<!thoughts )\bsteers by nothing", blind,
              "no memory (the signal always reads 0), or the bacteria tumbled on every step or none: what they did "
              "never depended on the food")
BLIND_THOUGHTS = Truth(r"steers thoughts by nothing", blind_thoughts,
                       "no memory, or the minds re-rolled on every step or none: what they did never depended on the "
                       "ideas' worth")
DRIFT = Truth(r"(?P<how>never re-rolling|re-rolling so rarely), (?:each mind keeps|(?P<k>\d+) of the minds keeps?) "
              r"varying (?:its idea|their ideas) the same way, (?P<line>off in a straight line|in (?:a )?nearly "
              r"straight lines?)",
              lambda t, m: ((m["how"] == "never re-rolling") == (t.rerolls == 0) == (m["line"] == "off in a straight line")
                            and (t.rerolls == 0 or _rare(t.rerolls))
                            and (int(m["k"]) if m["k"] else BACTERIA) == straight(t.idea_paths)
                            and m["line"].endswith("lines") == (m["k"] is not None and int(m["k"]) > 1)),
              f"the minds re-rolled on under {RARELY}% of steps as shown (none at all for 'a straight line'), and "
              f"that many (or each) of them ended at least {STRAIGHT:.0%} of their {STEPS} unit steps from where they "
              f"began; one line for each mind, lines for several")
FLAT_IDEAS = Truth(r"the ideas' worth feels flat to the minds|nothing to climb by", lambda t: t.idea_rise == 0,
                   "the best idea seems worth no more than where the minds start")
SLOPE_0 = Truth(r"At slope 0", lambda t: t.strength == 0, "the slope toward the food (and the ideas' peak) is 0")
NEVER = Truth(r"swims off in a straight line", lambda t: t.tumbles == 0, "the steering bacteria never tumbled")
ALWAYS = Truth(r"which is not above the threshold", lambda t: t.tumbles == 1,
               "the steering bacteria tumbled on every step")
HARDLY = Truth(r"hardly ever tumble\b", lambda t: _rare(t.tumbles),
               f"they tumbled on under {RARELY}% of steps as shown, but did tumble")
SWIM_OFF = Truth(r"(?:tumble and|(?P<k>\d+) of them) swims? off in (?:a )?nearly straight lines?",
                 lambda t, m: _rare(t.tumbles) and (int(m["k"]) if m["k"] else BACTERIA) == straight(t.paths),
                 f"having tumbled on under {RARELY}% of steps as shown, that many bacteria (all, without a number) "
                 f"ended at least {STRAIGHT:.0%} of their {STEPS} unit steps from where they began")
NO_MEMORY = Truth(r"With no memory", lambda t: t.memory == 0, "memory is 0")
NOTHING_BETTER = Truth(r"Nothing ever looks better by more than the threshold",
                       lambda t: t.memory > 0 and t.tumbles == 1, "with memory, every step was a tumble")
NOTHING_WORSE = Truth(r"Nothing ever looks worse than the threshold", lambda t: t.memory > 0 and t.tumbles == 0,
                      "with memory, no step was a tumble")
ALMOST_NOTHING = Truth(r"Almost nothing looks worse than the threshold", lambda t: _rare(t.tumbles),
                       f"they tumbled on under {RARELY}% of steps as shown, but did tumble")

_MINDS = ("as shown, against the higher of the same minds at slope 0 (nothing to sense) and the same minds "
          "re-rolling at random as often")
_MY = r"(?P<y>random(?! tumbling)|with nothing to sense)"


def _named(t: Tumble, m) -> bool:
    """The minds' yardstick the text names is their harder one."""
    return (m["y"] == "random") == (_mind_yard(t) == "matched")
CLIMBS = Truth(r"climbs to better ideas", lambda t: _climbs(t) and t.idea_rise > 0 and _idea_rises(t),
               f"the landscape of ideas is not flat, the minds' ideas end worth at least {GAIN} points more than they "
               f"started with, and at "
               f"least {CLIMB} points more than the yardstick's ({_MINDS})")
SLIDE = Truth(r"only slows the slide", _idea_falls, "the minds' ideas end worth less than they started with (as shown)")
HOLDS = Truth(r"only holds the ideas near their starting worth|^only holds steady$", lambda t: not _idea_falls(t) and not _idea_rises(t),
              f"the minds' ideas end worth what they started with or up to {GAIN - 1} points more (as shown)")
AHEAD = Truth(r"only slows the slide|only holds (?:the ideas|steady)",
              lambda t: _gains(t) and t.idea_rise > 0 and not _idea_rises(t),
              f"the landscape of ideas is not flat, and the minds' ideas end worth at least {GAIN} points more than "
              f"the yardstick's ({_MINDS}), but under {GAIN} points more than they started with")


def _mind_fails(t: Tumble) -> bool:
    return not _gains(t) and t.idea_rise > 0 and not blind_thoughts(t)


CLIMBS_LITTLE = Truth(r"hardly better than " + _MY,
                      lambda t, m: _mind_fails(t) and _worth(t)[0] > _worth(t)[1] and _named(t, m),
                      f"the landscape of ideas is not flat, and the minds' ideas end worth more than the yardstick's, "
                      f"by under {GAIN} points ({_MINDS})")
MIND_NONE = Truth(r"no better than " + _MY, lambda t, m: _mind_fails(t) and _worth(t)[0] == _worth(t)[1] and _named(t, m),
                  f"the landscape of ideas is not flat, and the minds' ideas end worth the same ({_MINDS})")
MIND_WORSE = Truth(r"worse than " + _MY, lambda t, m: _mind_fails(t) and _worth(t)[0] < _worth(t)[1] and _named(t, m),
                   f"the landscape of ideas is not flat, and the minds' ideas end worth less ({_MINDS})")
MIND_FAILS_STATUS = Truth(r"^(?P<how>worse|no better|hardly better) ideas$",
                          lambda t, m: _mind_fails(t) and m["how"] == ("worse" if _worth(t)[0] < _worth(t)[1] else
                                                                       "no better" if _worth(t)[0] == _worth(t)[1] else
                                                                       "hardly better"),
                          f"the landscape of ideas is not flat, the minds do not steer by nothing, and their ideas "
                          f"end worth less than, the same as, or under {GAIN} points more than the yardstick's ({_MINDS})")
CLIMBS_SOMEWHAT = Truth(r"climbs somewhat|rule helps somewhat",
                        lambda t: _gains(t) and not _climbs(t) and t.idea_rise > 0 and _idea_rises(t),
                        f"the landscape of ideas is not flat, the minds' ideas end worth at least {GAIN} points more "
                        f"than they started with, "
                        f"and from {GAIN} to under {CLIMB} points more than the yardstick's ({_MINDS})")
CLIMBS_UP = Truth(r"climbs somewhat", _idea_rises,
                  f"the minds' ideas end worth at least {GAIN} points more than they started with (as shown)")
FLAT_WORTH = Truth(r"worth (?P<q>\d+|almost 0) points? on average, against (?P<r>\d+|almost 0) for the same minds "
                   r"(?P<y>with nothing to sense|re-rolling at random as often)",
                   lambda t, m: (m["q"], m["r"]) == (num(t.quality[-1]), num(
                       t.quality_flat[-1] if m["y"].startswith("with") else t.quality_matched[-1]))
                   and m["y"].startswith("with") == (_mind_yard(t) == "flat") and t.idea_rise > 0,
                   "the minds' ideas' final worth; that of the same minds (same noise, memory, threshold and draws) "
                   "at slope 0; never at slope 0 itself, where that yardstick is this very run")
WORTH = Truth(r"worth (?P<q>\d+|almost 0) points?\b", lambda t, m: m["q"] == num(t.quality[-1]),
              "the mean worth of the ideas the minds entertain at the end, in whole points")
MATCHED_WORTH = Truth(r"with nothing to sense: (?P<r>\d+|almost 0)",
                      lambda t, m: m["r"] == num(t.quality_flat[-1]),
                      "the final worth of the same minds' ideas at slope 0")
# A verdict of failure on thoughts only where the minds' ideas end no better than the yardstick's, as shown.
THOUGHTS_FAIL = Truth(r"[Oo]n thoughts the (?:same )?rule fails",
                      lambda t: not _gains(t) and _worth(t)[0] <= _worth(t)[1],
                      f"the minds' ideas end worth no more than the yardstick's ({_MINDS})")
NOT_CLEARLY_EITHER = Truth(r"does not clearly help either", lambda t: not _gains(t) and _bacteria_fail(t),
                           f"the minds' ideas end worth under {GAIN} points more than the yardstick's, and the "
                           f"bacteria have no more near the food and a mean distance "
                           f"not under {NEARER:.0%} of theirs (or a flat dish)")
HARDLY_HERE = Truth(r"the same rule does hardly better than (?:random|with nothing to sense)",
                    lambda t: not _gains(t) and not _bacteria_fail(t) and _worth(t)[0] > _worth(t)[1],
                    "the bacteria gain on their yardstick, while the minds' ideas end worth more than theirs but by "
                    f"under {GAIN} points ({_MINDS})")
SAME_WORKS = Truth(r"works the same way", lambda t: _climbs(t) and _idea_rises(t) and _finds(t),
                   "the minds climb and the bacteria find the food")
BETTER_HERE = Truth(r"does better here", lambda t: _climbs(t) and _idea_rises(t) and not _bacteria_gain(t),
                    "the minds climb while the bacteria neither find the food nor end much nearer it or many more "
                    "at it than chance")
CLIMBS_TOO = Truth(r"On thoughts the same rule climbs too", lambda t: _climbs(t) and _idea_rises(t) and not _finds(t)
                   and _bacteria_gain(t),
                   "the minds climb, and the bacteria, short of finding the food, end much nearer it or many more at "
                   "it than chance")


def _bacteria_gain(t: Tumble) -> bool:
    """The bacteria find the food, or end much nearer it than chance, or many more of them at it (as shown)."""
    return verdict(t) in ("finds", "gathers", "closer") and _d(t) < START
SAME_FAILS = Truth(r"fails in the same way", lambda t: not _gains(t) and _bacteria_fail(t)
                   and not (_n(t) == _nm(t) and _d(t) < _m(t)),
                   "neither the minds gain on their yardstick nor the bacteria on theirs, and the bacteria are not "
                   "(hardly) ahead of theirs: as many near the food and nearer on average")
STARTED = Truth(r"though at the start the minds' ideas averaged (?P<q>\d+|almost 0) points?", lambda t, m: m["q"] == num(t.quality[0])
                and not _idea_rises(t), f"the minds' ideas end worth under {GAIN} points more than the one each started "
                                        "with (as shown)")
FAILS_HERE = Truth(r"the same rule fails\b(?! in the same way)", lambda t: not _gains(t) and not _bacteria_fail(t),
                   "the bacteria gain on their yardstick but the minds do not on theirs")
BEST = Truth(r"(?P<n>\d+|[Nn]one) of (?:the )?24 minds ends? near the best idea and (?P<g>\d+|none) near the lesser",
             lambda t, m: (_counted(m["n"]), _counted(m["g"])) == (_many(t.best), _many(t.good)),
             "the numbers of minds that end within 15 units of the best idea and of the lesser one")
STUCK = Truth(r"can leave a mind stuck", lambda t: _many(t.good) > 0, "some minds end near the lesser idea")

MID = 100     # the step the runs sentence quotes between the start and the end


def _how_often(x: float, verb: str, never: str) -> str:
    """'tumbling on 41% of steps', 'never tumbling', 'tumbling on every step'."""
    return never if x == 0 else f"{verb} on every step" if x == 1 else f"{verb} on {share(x)} of steps"


def runs_sentence(t: Tumble) -> str:
    """The 24 runs' progress, which the two line charts used to draw, and the bold runs on the maps."""
    d, q = t.distance, t.quality
    spot = "" if t.rise > 0 else "'s spot"
    flat_d = f"with no food: {num(t.baseline_flat[-1])}; " if t.rise > 0 else ""
    flat_q = f"with nothing to sense: {num(t.quality_flat[-1])}; " if t.idea_rise > 0 else ""
    b, m = median_bacterium(t), median_mind(t)
    return (f"Over the {BACTERIA} runs the bacteria's mean distance to the food{spot} goes from {num(d[0])} to "
            f"{num(d[MID])} by step {MID} and {num(d[-1])} by step {STEPS} ({flat_d}tumbling at random as often: "
            f"{num(t.baseline_matched[-1])}), and the ideas' mean worth from {num(q[0])} to {num(q[MID])} by step {MID} "
            f"and {points(q[-1])} by step {STEPS} ({flat_q}re-rolling at random as often: {num(t.quality_matched[-1])}). "
            f"Drawn bold: the median bacterium, ending {apart(_from(t.paths[b][-1], (0.0, 0.0)))} units from the "
            f"food{spot}, {_how_often(t.tumbles_each[b], 'tumbling', 'never tumbling')}, and the median mind, whose "
            f"last idea scores {points(_scores(t)[m])}, {_how_often(t.rerolls_each[m], 're-rolling', 'never re-rolling')}.")


_N = r"(?P<{}>\d+|almost 0)"
RUNS_DISTANCE = Truth(r"mean distance to the food(?P<spot>'s spot)? goes from " + _N.format("a") + " to " + _N.format("b")
                      + rf" by step {MID} and " + _N.format("c") + rf" by step {STEPS}",
                      lambda t, m: ((m["a"], m["b"], m["c"]) == (num(t.distance[0]), num(t.distance[MID]), num(t.distance[-1]))
                                    and (m["spot"] is None) == (t.rise > 0)),
                      f"the steering bacteria's mean distance to the food at the start, at step {MID} and at the end "
                      "(to the food's spot on a flat dish)")
RUNS_NO_FOOD = Truth(r"\(with no food: " + _N.format("a") + "; ",
                     lambda t, m: m["a"] == num(t.baseline_flat[-1]) and t.rise > 0,
                     "the same bacteria's mean final distance on a dish with no food; never on a flat dish, where that is "
                     "this very run")
RUNS_MATCHED = Truth(r"tumbling at random as often: " + _N.format("a") + r"\)",
                     lambda t, m: m["a"] == num(t.baseline_matched[-1]),
                     "the mean final distance of the same bacteria tumbling at random as often as these did")
RUNS_WORTH = Truth(r"ideas' mean worth from " + _N.format("a") + " to " + _N.format("b") + rf" by step {MID} and "
                   + _N.format("c") + rf" points? by step {STEPS}",
                   lambda t, m: (m["a"], m["b"], m["c"]) == (num(t.quality[0]), num(t.quality[MID]), num(t.quality[-1])),
                   f"the mean worth of the minds' ideas at the start, at step {MID} and at the end")
RUNS_REROLLED = Truth(r"re-rolling at random as often: " + _N.format("a") + r"\)",
                      lambda t, m: m["a"] == num(t.quality_matched[-1]),
                      "the final mean worth of the ideas of the same minds re-rolling at random as often as these did")


def _often_holds(each: tuple[float, ...], who: list[int], said: str, verb: str) -> bool:
    """One of the agents `who` switched as often as `said` words it."""
    return any(said == _how_often(each[i], verb, f"never {verb}") for i in who)


def _ranked(scores: list[float], said: str, word) -> list[int]:
    """The agents at the median rank (12th of 24, best first) whose score reads as `said`."""
    middle = sorted(scores, reverse=True)[(len(scores) - 1) // 2]
    return [i for i, v in enumerate(scores) if v == middle and word(v) == said]


MEDIAN_RUN = Truth(r"the median bacterium, ending (?P<d>[\d.]+) units from the food(?:'s spot)?, (?P<o>never tumbling|"
                   r"tumbling on (?:every step|(?:under |over )?\d+% of steps))",
                   lambda t, m: _often_holds(t.tumbles_each, _ranked([-_from(p[-1], (0.0, 0.0)) for p in t.paths],
                                                                     m["d"], lambda v: apart(-v)), m["o"], "tumbling"),
                   "the distance is that of the bacterium ending 12th nearest of the 24 to the food (as the map draws "
                   "the ends), and that bacterium tumbled on the share of steps named")
MEDIAN_MIND = Truth(r"the median mind, whose last idea scores (?P<q>\d+|almost 0) points?, (?P<o>never re-rolling|"
                    r"re-rolling on (?:every step|(?:under |over )?\d+% of steps))",
                    lambda t, m: _often_holds(t.rerolls_each, _ranked(_scores(t), m["q"], num), m["o"], "re-rolling"),
                    "the score is that of the mind whose last idea scores 12th best of the 24 (on the slope-1 landscape), "
                    "and that mind re-rolled on the share of steps named")

TUMBLE_CLAIMS = (
    Claim("chemotaxis", lambda t: chemotaxis_sentence(t),
          truths=(FINDS, CLOSER_FEW, ADRIFT, NO_MORE_AT, ONE_MORE_AT, FEW_MORE_AT, NEARER_START, FAR_START, GATHERS, SOMEWHAT_TRUTH, LITTLE, MIXED, SPLIT, HARDLY_BETTER, NONE, WORSE, FLAT,
                  NO_FOOD, DISTANCE, NEAR_COUNT, NEVER, ALWAYS, HARDLY, SWIM_OFF, NO_MEMORY, NOTHING_BETTER,
                  NOTHING_WORSE, ALMOST_NOTHING, BLIND)),
    Claim("thoughts", lambda t: thoughts_sentence(t),
          truths=(SAME_WORKS, BETTER_HERE, CLIMBS_TOO, SLIDE, HOLDS, AHEAD, CLIMBS_SOMEWHAT, SAME_FAILS, FAILS_HERE, THOUGHTS_FAIL, NOT_CLEARLY_EITHER, STARTED,
                  HARDLY_HERE, CLIMBS_LITTLE, FLAT_IDEAS, SLOPE_0, FLAT_WORTH, WORTH, BEST, STUCK, BLIND_THOUGHTS,
                  NO_MEMORY, DRIFT)),
    Claim("runs", runs_sentence, truths=(RUNS_DISTANCE, RUNS_NO_FOOD, RUNS_MATCHED, RUNS_WORTH, RUNS_REROLLED, MEDIAN_RUN,
                                         MEDIAN_MIND)),
)


def _one_whole(went_on: str, switched: str, x: float) -> bool:
    """Two shares of steps read as parts of one whole: whole percentages adding up to 100, each its share rounded
    down or up, or 'under 1%' beside 'over 99%' where the switch is neither none nor all but reads so."""
    if {went_on, switched} == {"under 1%", "over 99%"}:
        return switched == share(x)
    if not (went_on[:-1].isdigit() and switched[:-1].isdigit()):
        return False
    a, b = int(went_on[:-1]), int(switched[:-1])
    return a + b == 100 and all(math.floor(100 * v + 1e-9) <= n <= math.ceil(100 * v - 1e-9)
                                for n, v in ((a, 1 - x), (b, x)))


RUN_SPLIT = Truth(r"runs (?:while|unless) [^(]+\((?P<a>[^)]+) of steps\) and tumbles otherwise \((?P<b>[^)]+)\)",
                  lambda t, m: 0 < t.tumbles < 1 and _one_whole(m["a"], m["b"], t.tumbles),
                  "the shares of steps the bacteria ran and tumbled, adding up to 100% as shown")
KEEP_SPLIT = Truth(r"keeps varying [^(]+\((?P<a>[^)]+) of steps\) and re-rolls otherwise \((?P<b>[^)]+)\)",
                   lambda t, m: 0 < t.rerolls < 1 and _one_whole(m["a"], m["b"], t.rerolls),
                   "the shares of steps the minds kept and re-rolled, adding up to 100% as shown")
REROLL_SHARE = Truth(r"re-rolls otherwise \((?P<c>[^)]+)\)", lambda t, m: 0 < t.rerolls < 1 and m["c"] == share(t.rerolls),
                     "the share of steps the minds re-rolled, neither none nor all")
NEVER_REROLLS = Truth(r"never re-rolls", lambda t: t.rerolls == 0, "the minds never re-rolled")
ALWAYS_REROLLS = Truth(r"re-rolls on every step", lambda t: t.rerolls == 1, "the minds re-rolled on every step")
UNLESS = Truth(r"unless (?:the food|it) seems to be getting (?:weaker|worse) by (?P<x>\d+(?:\.\d+)?) points? or more",
               lambda t, m: t.threshold < 0 and float(m["x"]) == -t.threshold,
               "the threshold is below 0, and the worsening named is its size: a smaller one is run through")
OVER = Truth(r"by more than (?P<x>\d+(?:\.\d+)?) points?", lambda t, m: t.threshold > 0 and float(m["x"]) == t.threshold,
             "the threshold is above 0, and this is its size")
NEVER_TUMBLES = Truth(r"never tumbles here", lambda t: t.tumbles == 0, "the steering bacteria never tumbled")
ALWAYS_TUMBLES = Truth(r"tumbles on every step here", lambda t: t.tumbles == 1, "the steering bacteria tumbled on every step")
def _bold_holds(each: tuple[float, ...], who: list[int], verb: str, said: str) -> bool:
    """One of the agents `who` (the median rank) went on (`verb` runs, keeps) or switched as often as the drawing says."""
    def reads(x: float) -> str:
        on, switched = _split(x)
        return (on if verb in ("runs", "keeps") else switched).replace("under ", "<").replace("over ", ">")
    return any(reads(each[i]) == said for i in who)


def _middle(scores: list[float]) -> list[int]:
    middle = sorted(scores, reverse=True)[(len(scores) - 1) // 2]
    return [i for i, v in enumerate(scores) if v == middle]


BOLD_SHARE = Truth(r"^bold: (?P<v>runs|tumbles|keeps|re-rolls) (?P<s>[<>]?\d+%)$",
                   lambda t, m: (_bold_holds(t.tumbles_each, _middle([-_from(p[-1], (0.0, 0.0)) for p in t.paths]),
                                             m["v"], m["s"]) if m["v"] in ("runs", "tumbles") else
                                 _bold_holds(t.rerolls_each, _middle(_scores(t)), m["v"], m["s"])),
                   "the share of steps the bold bacterium (the median of the 24 by how near the food it ends) ran or "
                   "tumbled, or the bold mind (the median by its last idea's score) kept or re-rolled")
# The drawing's statuses, the caption and the summary.
TUMBLE_TRUTHS = (DOUBLED, BOLD_SHARE, RUN_SPLIT, KEEP_SPLIT, BLIND, BLIND_THOUGHTS, FINDS, CLOSER_FEW, MUCH_NEARER_STATUS,
                 LESS_FAR_STATUS, ADRIFT, MIND_FAILS_STATUS, SLIDE, HOLDS, GATHERS, SOMEWHAT_TRUTH, LITTLE,
                 HARDLY_BETTER, NONE, WORSE, MIXED_STATUS, FLAT, FLAT_IDEAS, CLIMBS, AHEAD, CLIMBS_SOMEWHAT, CLIMBS_UP, CLIMBS_LITTLE,
                 MIND_NONE, MIND_WORSE, NEAR_COUNT, MATCHED_COUNT, WORTH, MATCHED_WORTH, REROLL_SHARE, NEVER_REROLLS,
                 ALWAYS_REROLLS, NEVER_TUMBLES, ALWAYS_TUMBLES, UNLESS, OVER)


# --- Reward and value ---------------------------------------------------------------------------------

SHORT = {"idea of the walk": "idea", "eating it": "eat"}


def walks_text(n: int) -> str:
    return count(n, "walk")


def _short(label: str) -> str:
    return SHORT.get(label, label)


def _as_shown(x: float) -> float:
    """A valence as the page shows it, to two decimals: decisions are made on this."""
    return float(signed(x))


def chain_figure(c: Candy) -> dict:
    y = [_short(s) for s in c.labels]
    data = [{"type": "bar", "orientation": "h", "name": "Innate", "y": y, "x": list(c.innate),
             "customdata": [sgn(v) for v in c.innate],
             "marker": {"color": kit.VERMILION, "pattern": kit.pattern("", kit.VERMILION)},
             "hovertemplate": "%{y}: innate %{customdata}<extra></extra>"},
            {"type": "bar", "orientation": "h", "name": "Learned", "y": y, "x": list(c.learned),
             "customdata": [sgn(v) for v in c.learned],
             "marker": {"color": kit.BLUE, "pattern": kit.pattern("/", kit.BLUE)},
             "hovertemplate": "%{y}: learned %{customdata}<extra></extra>"},
            {"type": "scatter", "mode": "markers", "name": "Valence", "y": y, "x": list(c.valence),
             "customdata": [sgn(v) for v in c.valence],
             "marker": {"color": kit.INK, "size": 11, "symbol": "diamond"},
             "hovertemplate": "%{y}: valence %{customdata}<extra></extra>"}]
    # Beside the learning chart in one row: its legend one line at the top, its axis in whole points.
    return {"data": data, "layout": kit.layout(
        margin={"t": 30, "b": 44, "l": 56, "r": 12},
        legend={"orientation": "h", "xref": "container", "yref": "container", "y": 1, "yanchor": "top", "x": 0},
        showlegend=True, barmode="relative", bargap=0.3,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(y)), ticklabelstandoff=6),
        xaxis=kit.axis("valence", range=[-2.6, 1.1], dtick=1, zeroline=True, zerolinecolor=kit.INK))}


LEARNING_RANGE = (-2.6, 1.1)


def _end_labels(data: list[dict], labels: list[str]) -> list[dict]:
    """The kit's end labels; before any walk each line is one point at the left edge, so its label reads rightward."""
    if len(data[0]["x"]) > 1:
        return kit.end_labels(data, labels, y_range=LEARNING_RANGE)
    doubled = [{**t, "x": t["x"] * 2, "y": t["y"] * 2} for t in data]
    return [{**a, "xanchor": "left"} for a in kit.end_labels(doubled, labels, y_range=LEARNING_RANGE)]


def learning_figure(c: Candy) -> dict:
    x = list(range(len(c.curve)))
    data = [{"type": "scatter", "mode": "lines+markers", "name": "Idea of the walk", "x": x, "y": list(c.curve),
             "customdata": [[walks_text(i), sgn(v)] for i, v in enumerate(c.curve)],
             "line": {"color": kit.BLUE, "width": 3}, "marker": {"size": 6},
             "hovertemplate": "after %{customdata[0]}: %{customdata[1]}<extra>idea of the walk</extra>"},
            {"type": "scatter", "mode": "lines", "name": "Eating it (innate)", "x": x, "y": [c.eat] * len(x),
             "customdata": [[walks_text(i), sgn(c.eat)] for i in x],
             "line": {"color": kit.VERMILION, "width": 3, "dash": "dash"},
             "hovertemplate": "after %{customdata[0]}: %{customdata[1]}<extra>eating it</extra>"}]
    # Each line labelled at its end, not in a legend.
    return {"data": data, "layout": kit.layout(
        margin={"t": 30, "b": 44, "l": 56, "r": 12}, showlegend=False,
        annotations=_end_labels(data, ["idea of the walk", "eating (innate)"]),
        xaxis=kit.axis("walks so far", range=[0, max(1, len(x) - 1)], rangemode="tozero"),
        yaxis=kit.axis("valence", range=list(LEARNING_RANGE), dtick=0.5, zeroline=True, zerolinecolor=kit.INK))}


def walk_sentence(c: Candy) -> str:
    if c.walks == 0:
        now = f", even though eating it would feel {sgn(c.eat)} right now" if _as_shown(c.eat) > 0 else ""
        return (f"Before any walk the critic has learned nothing, so the idea of walking to get the candy has "
                f"valence {sgn(c.idea)}: not motivating{now}. A value has to be learned; an innate reward does not.")
    head = f"After {walks_text(c.walks)} the idea of walking to get the candy has valence {sgn(c.idea)}"
    if _as_shown(c.idea) > 0:
        cost = (f"though every step of the walk is innately unpleasant ({sgn(-c.effort)}): the pull comes "
                f"from where the walk leads" if _as_shown(c.effort) > 0 else "though the walk itself is innately "
                "neutral: the pull comes from where it leads")
        return f"{head}, {cost}. That is the value-function side of valence."
    if _as_shown(c.settles) <= 0 and _unsettled(c):
        verdict = "worth about nothing either way" if _as_shown(c.settles) == 0 else "not worth it"
        fate = ("" if _as_shown(c.idea) >= 0 else ", and for now the thought gets thrown out"
                if _as_shown(c.settles) == 0 else ", and the thought gets thrown out")
        return (head + f": the critic has not yet learned how good the end of the walk is; with more walks it settles "
                       f"at {sgn(c.settles)}, where at this hunger, distance and effort the walk is {verdict}{fate}."
                       f"{_discounted(c)}")
    if _as_shown(c.settles) <= 0:
        # 0.00 as shown, exactly or a hair either side: one verdict for the same numbers
        verdict = "worth about nothing either way" if _as_shown(c.settles) == 0 else "not worth it"
        fate = ("" if _as_shown(c.idea) >= 0 else ", so the thought gets thrown out for now"
                if _as_shown(c.settles) == 0 else ", so the thought gets thrown out")
        return (head + f"{_settled(c)}: at this hunger, distance and effort the walk is {verdict}{_settles(c)}{fate}."
                       f"{_discounted(c)}")
    return (head + f": the critic has not yet learned how good the end of the walk is; with more walks it settles "
                   f"at {sgn(c.settles)}.")


def _settled(c: Candy) -> str:
    """After the idea's valence: that it is where it settles, where it reads that already."""
    return ", the value it settles at after many walks" if _as_shown(c.idea) == _as_shown(c.settles) else ""


def _settles(c: Candy) -> str:
    """Where the idea's valence settles, in brackets, unless it reads that already."""
    return "" if _as_shown(c.idea) == _as_shown(c.settles) else f" (with more walks it settles at {sgn(c.settles)})"


def _unsettled(c: Candy) -> bool:
    """The idea's valence, as shown, is still 0.05 or more below where it settles: the critic is still learning."""
    return round(_as_shown(c.settles) - _as_shown(c.idea), 2) >= 0.05


def _ahead(c: Candy) -> float:
    """The innate rewards ahead of the idea of the walk, simply added up (the steps' cost and the candy)."""
    return sum(c.innate[1:])


def _discounted(c: Candy) -> str:
    """Where the rewards ahead add up to a gain, as shown, but the walk is worth nothing or less: the discount."""
    if _as_shown(_ahead(c)) <= 0:
        return ""
    return (f" Its rewards add up to {sgn(_ahead(c))}, but the critic multiplies each by {num(DISCOUNT, 1)} for every "
            f"step it lies ahead, and the candy comes last.")


def eat_sentence(c: Candy) -> str:
    if _as_shown(c.eat) > 0:
        return (f"Eating the candy while this hungry has valence {sgn(c.eat)} from the very first time, with no "
                f"learning at all: innate ground truth, the reward-function side of valence.")
    return (f"When you are not hungry, eating the candy has valence {sgn(c.eat)}: the innate circuits that would make "
            f"it good are silent.")


def thought_state(values: Mapping[str, Any]) -> str:
    return values.get("thought", "walk")


def _valence_is(x: float, m: re.Match) -> bool:
    return m["v"] == sgn(x)


_V = r"(?P<v>[+−]?\d+\.\d\d)"
WALK_VALENCE = Truth(r"the idea of walk(?:ing to get the candy| of the walk) has valence " + _V,
                     lambda c, m: _valence_is(c.idea, m), "the idea of the walk's valence, to two decimals")
BEFORE_ANY = Truth(r"^Before any walk the critic has learned nothing|^Before any walk",
                   lambda c: c.walks == 0 and all(v == 0 for v in c.learned), "no walks yet, so nothing learned")
AFTER_WALKS = Truth(r"After (?P<n>\d+) walks?\b", lambda c, m: int(m["n"]) == c.walks and c.walks > 0,
                    "the number of walks so far, at least one")
WOULD_FEEL = Truth(r"eating it would feel " + _V + " right now", lambda c, m: c.eat > 0 and _valence_is(c.eat, m),
                   "eating is innately good right now, by this much")
PULL = Truth(r"the pull comes from where", lambda c: _as_shown(c.idea) > 0 and c.innate[0] == 0 and c.learned[0] > 0,
             "the idea's valence is positive and all of it is learned (the idea itself has no innate reward)")
UNPLEASANT = Truth(r"every step of the walk is innately unpleasant \(" + _V + r"\)",
                   lambda c, m: all(v < 0 for v in c.innate[1:-1]) and _valence_is(c.innate[1], m),
                   "every step's innate reward is negative, by this much")
NEUTRAL_WALK = Truth(r"the walk itself is innately neutral", lambda c: all(v == 0 for v in c.innate[1:-1]),
                     "every step's innate reward is 0")
NOT_WORTH = Truth(r"the walk is not worth it", lambda c: _as_shown(c.settles) < 0,
                  "the discounted sum of the rewards ahead (where the critic settles) is below 0.00 as shown")
DISCOUNTED = Truth(r"Its rewards add up to " + _V + r", but the critic multiplies each by (?P<d>[\d.]+) for every step",
                   lambda c, m: (_valence_is(_ahead(c), m) and _as_shown(_ahead(c)) > 0 >= _as_shown(c.settles)
                                 and float(m["d"]) == DISCOUNT),
                   "the innate rewards ahead, simply added, are a gain as shown, while their discounted sum (where the "
                   "critic settles) is not, at the discount quoted")
ABOUT_NOTHING = Truth(r"the walk is worth about nothing either way", lambda c: _as_shown(c.settles) == 0,
                      "the discounted sum of the rewards ahead (where the critic settles) is 0.00 as shown (exactly 0 "
                      "or a hair either side)")
SETTLES = Truth(r"it settles at " + _V, lambda c, m: _valence_is(c.settles, m),
                "where the idea's valence settles after many walks: the discounted sum of the rewards ahead")
# The phrase names the valence quoted just before it (a bracket after a verdict left it describing nothing).
SETTLED_THERE = Truth(r"(?:has valence " + _V + r")?(?:, |\s*\()the value it settles at after many walks",
                      lambda c, m: (m["v"] is not None and _valence_is(c.idea, m) and _valence_is(c.settles, m)),
                      "the phrase follows the idea's valence, quoted, and that valence as shown is where it settles after "
                      "many walks (the discounted sum of the rewards ahead)")
MORE_WALKS = Truth(r"with more walks it settles at", lambda c: _as_shown(c.idea) != _as_shown(c.settles),
                   "the idea's valence as shown is not yet where it settles after many walks")
THROWN = Truth(r"the thought gets thrown out", lambda c: _as_shown(c.idea) < 0, "the idea's valence is negative as shown")
FOR_NOW = Truth(r"for now the thought gets thrown out|thrown out for now",
                lambda c: _as_shown(c.idea) < 0 and _as_shown(c.settles) == 0,
                "the idea's valence is negative as shown, and where it settles reads 0.00: later it may not be")
NOT_YET = Truth(r"has not yet learned how good the end of the walk is",
                lambda c: c.idea < c.settles and (_as_shown(c.settles) > 0 or _unsettled(c)) and c.walks > 0,
                "the idea's valence is still below where it settles, which is positive, or 0.05 or more below it as shown")
SETTLED_REASON = Truth(r"has valence \S+(?:, the value it settles at after many walks)?: at this hunger, distance and "
                       r"effort the walk is",
                       lambda c: not _unsettled(c),
                       "the settled verdict is the reason for the valence quoted only where that valence, as shown, is "
                       "under 0.05 below where it settles")
EAT_HUNGRY = Truth(r"^Eating the candy while this hungry has valence " + _V,
                   lambda c, m: c.hunger > 0 and c.learned[-1] == 0 and _valence_is(c.eat, m),
                   "eating's valence, all innate, when hungry")
EAT_NOT_HUNGRY = Truth(r"When you are not hungry, eating the candy has valence " + _V,
                       lambda c, m: c.hunger == 0 and c.eat == 0 and _valence_is(c.eat, m), "not hungry: eating has valence 0")
EAT_VALENCE = Truth(r"eating the candy has valence " + _V, lambda c, m: _valence_is(c.eat, m), "eating's valence")

CANDY_CLAIMS = (
    Claim("walk", walk_sentence, truths=(SETTLED_REASON, WALK_VALENCE, BEFORE_ANY, AFTER_WALKS, WOULD_FEEL, PULL, UNPLEASANT,
                                         NEUTRAL_WALK, NOT_WORTH, ABOUT_NOTHING, DISCOUNTED, SETTLES, SETTLED_THERE, MORE_WALKS, THROWN, FOR_NOW,
                                         NOT_YET)),
    Claim("eat", eat_sentence, truths=(EAT_HUNGRY, EAT_NOT_HUNGRY)),
)


def _fate_holds(x: float, fate: str) -> bool:
    shown = _as_shown(x)
    return {"kept": shown > 0, "thrown out": shown < 0, "neither kept nor thrown out": shown == 0}[fate]


_FATE = r"so the thought is (?P<fate>kept|thrown out|neither kept nor thrown out)"
CAPTION_WALK = Truth(r"“walk over and get the candy”: valence " + _V + r" \((?P<l>[+−]?\d+\.\d\d) learned, "
                     r"(?P<i>[+−]?\d+\.\d\d) innate\), " + _FATE,
                     lambda c, m: (m["v"], m["l"], m["i"]) == (sgn(c.valence[0]), sgn(c.learned[0]), sgn(c.innate[0]))
                     and _fate_holds(c.valence[0], m["fate"]),
                     "the idea of the walk: its valence, learned and innate parts, and kept if positive as shown, "
                     "thrown out if negative")
CAPTION_EAT = Truth(r"“eat the candy”: valence " + _V + r" \((?P<l>[+−]?\d+\.\d\d) learned, "
                    r"(?P<i>[+−]?\d+\.\d\d) innate\), " + _FATE,
                    lambda c, m: (m["v"], m["l"], m["i"]) == (sgn(c.valence[-1]), sgn(c.learned[-1]), sgn(c.innate[-1]))
                    and _fate_holds(c.valence[-1], m["fate"]),
                    "eating: its valence, learned and innate parts, and kept if positive as shown, thrown out if negative")
MERE_PLAN = Truth(r"[Nn]o innate reaction to a mere plan \(" + _V + r"\)", lambda c, m: c.innate[0] == 0 and _valence_is(0, m),
                  "the idea of the walk has no innate reward")
INNATELY = Truth(r"(?:Eating when this hungry is innately|reacts innately: eating when this hungry is) " + _V, lambda c, m: c.hunger > 0 and _valence_is(c.innate[-1], m),
                 "hungry: eating's innate reward")
NOT_HUNGRY_PANEL = Truth(r"(?:Eating when not hungry is innately|reacts innately: eating when not hungry is) " + _V, lambda c, m: c.innate[-1] == 0 and _valence_is(0, m),
                         "not hungry: eating's innate reward is 0")
ALL_INNATE = Truth(r"the guess for eating stays at zero and eating's valence is all innate",
                   lambda c: c.learned[-1] == 0 and c.valence[-1] == c.innate[-1],
                   "eating's learned part is 0 and its valence is its innate reward")
CANDY_TRUTHS = (ALL_INNATE, DOUBLED, WALK_VALENCE, EAT_VALENCE, AFTER_WALKS, CAPTION_WALK, CAPTION_EAT, MERE_PLAN, INNATELY, NOT_HUNGRY_PANEL)


# --- Valence as an axis of concepts ---------------------------------------------------------------

SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")
COLOURS = (kit.BLUE, kit.VERMILION, kit.GREEN, kit.PINK, kit.GREY, kit.BLACK)


def cluster_name(c: Concepts, person: str, members: tuple[str, ...]) -> str:
    """A cluster is named by the words whose prototypes it holds ('other' if none)."""
    words = [f"‘{w}’" for w, item in WORDS if item in members]
    return " = ".join(words) if words else "other"


def clusters(c: Concepts, person: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each cluster with its name; clusters holding none of the words' prototypes are 'other 1', 'other 2'..."""
    labels = c.labels_a if person == "a" else c.labels_b
    out, others = [], 0
    for k in range(c.categories):
        members = tuple(n for n, l in zip(NAMES, labels) if l == k)
        name = cluster_name(c, person, members)
        if name == "other":
            others += 1
            name = f"other {others}"
        out.append((name, members))
    return out


def named(c: Concepts, person: str, item: str) -> str:
    return next(name for name, members in clusters(c, person) if item in members)


def _person_figure(c: Concepts, person: str) -> dict:
    v = c.valence_a if person == "a" else c.valence_b
    data = []
    for k, (name, members) in enumerate(clusters(c, person)):
        idx = [NAMES.index(m) for m in members]
        data.append({"type": "scatter", "mode": "markers", "name": name, "x": [c.ordinary[i] for i in idx],
                     "y": [v[i] for i in idx], "customdata": [[NAMES[i], sgn(v[i], 1)] for i in idx],
                     "marker": {"color": COLOURS[k], "symbol": SYMBOLS[k], "size": 12,
                                "line": {"color": kit.INK, "width": 1}},
                     "hovertemplate": "%{customdata[0]}: valence %{customdata[1]}<extra>" + name + "</extra>"})
    title = {"text": f"Person {person.upper()}", "x": 0, "xref": "paper", "y": 1, "yref": "container",
             "yanchor": "top", "pad": {"t": 6}, "font": {"size": 15, "weight": "bold"}}
    return {"data": data, "layout": kit.layout(
        title=title, margin={"t": 34, "b": 150, "l": 56, "r": 12}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("everything but valence", range=[-0.2, 3.6], tickvals=[0.5, 3.2],
                       ticktext=["groups", "birds"]),
        yaxis=kit.axis("valence", range=[-1.1, 1.1], dtick=0.5))}


def person_a_figure(c: Concepts) -> dict:
    return _person_figure(c, "a")


def person_b_figure(c: Concepts) -> dict:
    return _person_figure(c, "b")


BIRDS = NAMES[:6]
PEOPLE = {"a": "A", "b": "B"}


def bird_groups(c: Concepts, person: str) -> list[tuple[str, ...]]:
    """The birds, grouped by the concept each falls in for this person, in the order of BIRDS."""
    parts = {tuple(b for b in BIRDS if b in c.members(person, x)) for x in BIRDS}
    return sorted(parts, key=lambda g: BIRDS.index(g[0]))


def _groups_text(groups: list[tuple[str, ...]]) -> str:
    return "; ".join(join_and(g) for g in groups)


def _apart_by_feeling(c: Concepts, person: str) -> bool:
    """Valence counts and this person's birds fall into groups each all liked or all disliked, whose valences, as
    shown, do not overlap: every bird of a group more liked than every bird of the next."""
    feel = [sorted(round(c.valence(person, b), 1) for b in g) for g in bird_groups(c, person)]
    feel.sort(key=lambda v: v[0])
    liked_or_not = all(v[0] > 0 or v[-1] < 0 for v in feel)
    return c.weight > 0 and len(feel) > 1 and liked_or_not and all(lo[-1] < hi[0] for lo, hi in zip(feel, feel[1:]))


def _split_without_valence(c: Concepts, person: str) -> bool:
    """Run with valence weighted 0 (same concepts, same feelings), this person's birds do not all share one."""
    m = concepts(0.0, c.categories, c.disagree)
    return len(set((m.labels_a if person == "a" else m.labels_b)[:6])) > 1


def bird_text(c: Concepts, person: str) -> str:
    """What this person's ‘bird’ is, as a phrase."""
    home = c.members(person, "sparrow")
    if set(home) == set(BIRDS):
        return "‘bird’ is one cluster of just the six birds"
    if set(BIRDS) <= set(home):
        return f"the six birds share one cluster with {count(len(home) - len(BIRDS), 'other thing')}"
    groups = bird_groups(c, person)
    feeling = "by feeling " if _apart_by_feeling(c, person) else ""
    return f"the birds split {feeling}into {len(groups)} concepts ({_groups_text(groups)})"


def _kept(c: Concepts) -> str:
    """Why the birds stay one concept: the model, run with more concepts, says at how many they split."""
    n = (c.birds_split_a, c.birds_split_b)
    # At weight 0 the spread pulls on nothing, so it is not set against their staying together.
    yet = ("hummingbird, though valence counts for nothing here. With only" if c.weight == 0 else
           "hummingbird, yet with only")
    if n[0] != n[1]:
        return (f"{yet} {c.categories} concepts they stay together; A's birds split from "
                f"{n[0]} concepts, B's from {n[1]}.")
    if n[0] == c.categories + 1:
        return (f"{yet} {c.categories} concepts they stay together; with one more concept "
                f"({n[0]}), the birds split.")
    return f"{yet} {c.categories} concepts they stay together; the birds split only from {n[0]} concepts."


def bird_sentence(c: Concepts) -> str:
    if all(set(c.members("a", b)) == set(c.members("b", b)) for b in BIRDS):
        text = bird_text(c, "a")
        head = f"For both people, {text}"
        if text.startswith("‘bird’ is one cluster"):
            spread = max(c.valence_a[:6]) - min(c.valence_a[:6])
            return f"{head}: they spread over {num(spread, 1)} of valence, from the liked sparrow to the disliked " + _kept(c)
        if "share one cluster" in text:
            return f"{head}: with only {c.categories} concepts to go round, the birds do not get one of their own."
        if "by feeling" in text:
            weighted = f"{head}: with valence weighted at {fmt_number(c.weight)}"
            if _split_without_valence(c, "a"):
                return f"{weighted}, the birds split by how they feel; at weight 0 they split too, by looks alone."
            return f"{weighted}, even the birds split by how they feel."
        how = ", by their ordinary features alone" if c.weight == 0 else ""
        return f"{head}{how}: {c.categories} concepts are more than this thingspace has natural groups for."
    return (f"Person A and person B feel exactly the same about every bird, yet their ‘bird’ differs. For A, "
            f"{bird_text(c, 'a')}; for B, {bird_text(c, 'b')}. Where the other things fall decides it.")


def cult_sentence(c: Concepts) -> str:
    cult = c.members("a", "doomsday sect")
    if "parish church" in cult:
        return (f"For person A, ‘cult’ and ‘religion’ are one cluster here ({count(len(cult), 'thing')}): at this "
                f"weight and this number of concepts, valence does not carve them apart.")
    what = "is the doomsday sect alone" if len(cult) == 1 else f"holds {join_and(cult)}"
    head = f"For person A, the cluster around the doomsday sect, their ‘cult’, {what}"
    if c.weight == 0:
        return head + ": valence counts for nothing here, so this boundary is drawn by ordinary features alone."
    liked = [m for m in cult if c.valence("a", m) > 0]
    if liked:
        return head + f", liked things included ({join_and(tuple(liked))}): at this weight the boundary follows looks more than feelings."
    sibling = [m for m in ("monastery", "meditation retreat") if m not in cult]
    if len(cult) > 1 and sibling:
        return (head + f": every one of them disliked, while the {sibling[0]}, as tight-knit but liked, lands "
                       f"elsewhere. The boundary follows A's feelings.")
    return head + ("." if len(cult) == 1 else ": every one of them disliked.")


def religion_overlap(c: Concepts) -> float:
    a, b = set(c.members("a", "parish church")), set(c.members("b", "parish church"))
    return len(a & b) / len(a | b)


def religion_sentence(c: Concepts) -> str:
    a, b = c.members("a", "parish church"), c.members("b", "parish church")
    with_birds = [p for p, m in (("a", a), ("b", b)) if "sparrow" in m]
    if with_birds:
        who = "either person" if len(with_birds) == 2 else f"person {PEOPLE[with_birds[0]]}"
        return (f"With only {c.categories} concepts, ‘religion’ is not a concept of its own for {who}: it shares a "
                f"cluster with the birds. A's ‘religion’ has {count(len(a), 'thing')} and B's has {len(b)}, "
                f"sharing {pct(religion_overlap(c))} of their combined members.")
    same_b = " For B, ‘religion’ and ‘cult’ are the same concept." if "doomsday sect" in b and "doomsday sect" not in a else ""
    if set(a) == set(b):
        return (f"Both people's ‘religion’ covers the same {count(len(a), 'thing')} ({join_and(a)}): with these "
                f"feelings and this weight they mean the same thing by the word.")
    only_a = tuple(m for m in a if m not in b)
    only_b = tuple(m for m in b if m not in a)
    diff = "; ".join(s for s in (f"only A's includes {join_and(only_a)}" if only_a else "",
                                   f"only B's includes {join_and(only_b)}" if only_b else "") if s)
    scient = ("Scientology “isn't really a religion” to A but is one to B. " if "Scientology" in b and "Scientology" not in a
              else "")
    return (f"The same word, two concepts: A's ‘religion’ has {count(len(a), 'thing')} and B's has {len(b)}, sharing "
            f"{pct(religion_overlap(c))} of their combined members ({diff}).{same_b} {scient}Arguing about "
            f"“religion”, they would be talking past each other.")


def _names_in(text: str) -> set[str]:
    return {n for n in NAMES if n in text}


def _people(who: str) -> tuple[str, ...]:
    return ("a", "b") if "both" in who or "either" in who else ("a",) if who.endswith("A") else ("b",)


_WHO = r"(?P<who>For both people|For A|for B)"


def _bird_groups_hold(c: Concepts, m: re.Match) -> bool:
    for person in _people(m["who"]):
        groups = [tuple(b for b in BIRDS if b in c.members(person, x)) for x in BIRDS]
        parts = sorted(set(groups), key=lambda g: BIRDS.index(g[0]))
        if len(parts) != int(m["g"]) or m["groups"] != "; ".join(join_and(g) for g in parts):
            return False
        if m["feel"] and not _feeling_apart(c, person):
            return False
    return True


def _feeling_apart(c: Concepts, person: str) -> bool:
    """Valence counts, each of this person's bird concepts is all liked or all disliked, and they can be ranked so
    that every bird in one has a higher valence, to one decimal, than every bird in the next."""
    labels = c.labels_a if person == "a" else c.labels_b
    ranges = sorted((min(v), max(v)) for v in (
        [round(c.valence(person, b), 1) for b in BIRDS if labels[NAMES.index(b)] == k] for k in set(labels[:6])))
    return (c.weight > 0 and len(ranges) > 1 and all(lo > 0 or hi < 0 for lo, hi in ranges)
            and all(lo[1] < hi[0] for lo, hi in zip(ranges, ranges[1:])))


def _birds_apart_unweighted(c: Concepts, person: str) -> bool:
    """Run afresh with valence weighted 0 (same number of concepts), this person's six birds do not all share one."""
    m = concepts(0.0, c.categories, c.disagree)
    return len(set((m.labels_a if person == "a" else m.labels_b)[:6])) > 1


BIRD_WHOLE = Truth(_WHO + r", ‘bird’ is one cluster of just the six birds",
                   lambda c, m: all(set(c.members(p, "sparrow")) == set(BIRDS) for p in _people(m["who"])),
                   "that person's (or both people's) cluster holding the sparrow is exactly the six birds")
BIRD_SHARED = Truth(_WHO + r", the six birds share one cluster with (?P<n>\d+) other things?",
                    lambda c, m: all(set(BIRDS) <= set(c.members(p, "sparrow"))
                                     and len(c.members(p, "sparrow")) - 6 == int(m["n"]) for p in _people(m["who"])),
                    "all six birds are in one cluster that holds this many other things too")
BIRD_SPLIT = Truth(_WHO + r", the birds split (?P<feel>by feeling )?into (?P<g>\d+) concepts \((?P<groups>[^)]*)\)",
                   _bird_groups_hold, "the birds fall into this many concepts, in these groups; 'by feeling': valence "
                   "counts, each group is all liked or all disliked and the groups' valences, to one decimal, do not overlap")
SAME_BIRDS = Truth(r"feel exactly the same about every bird", lambda c: c.valence_a[:6] == c.valence_b[:6],
                   "A's and B's valences of the six birds are equal")
BIRD_DIFFERS = Truth(r"their ‘bird’ differs|Where the other things fall decides it",
                     lambda c: any(set(c.members("a", b)) != set(c.members("b", b)) for b in BIRDS)
                     and c.valence_a[:6] == c.valence_b[:6] and c.ordinary[:6] == c.ordinary[:6],
                     "some bird's cluster differs between A and B although the birds' points are the same for both")
BIRD_SPREAD = Truth(r"spread over (?P<s>[\d.]+) of valence",
                    lambda c, m: m["s"] == num(max(c.valence_a[:6]) - min(c.valence_a[:6]), 1),
                    "the range of the birds' valences, to one decimal")
def _birds_apart(c: Concepts, person: str, n: int) -> bool:
    """Run afresh with n concepts, this person's six birds do not all share one."""
    m = concepts(c.weight, n, c.disagree)
    labels = m.labels_a if person == "a" else m.labels_b
    return len(set(labels[:6])) > 1


def _first_split(c: Concepts, person: str, n: int) -> bool:
    """n is the fewest concepts above the number set at which the model splits this person's birds."""
    return n > c.categories and _birds_apart(c, person, n) and not any(
        _birds_apart(c, person, k) for k in range(c.categories, n))


# The birds' staying together is put down to the number of concepts only where the model, run with more, splits them.
NOTHING_LIKE = Truth(r"nothing else looks like a bird, so valence does not split them",
                     lambda c: min(c.ordinary[:6]) - max(c.ordinary[6:]) > 1 and not any(
                         _birds_apart(c, p, n) for p in "ab" for n in range(c.categories, 7)),
                     "every other thing's ordinary feature is over 1 away from every bird's, and at no number of "
                     "concepts on the slider from the one set up does the model split the birds")
SPLIT_NEXT = Truth(r"with one more concept \((?P<n>\d+)\), the birds split",
                   lambda c, m: int(m["n"]) == c.categories + 1 and all(_first_split(c, p, int(m["n"])) for p in "ab"),
                   "run with one more concept than set, the model splits both people's birds")
SPLIT_FROM = Truth(r"the birds split only from (?P<n>\d+) concepts",
                   lambda c, m: int(m["n"]) > c.categories + 1 and all(_first_split(c, p, int(m["n"])) for p in "ab"),
                   "run with more concepts, the model first splits both people's birds at this number (not one more)")
SPLIT_EACH = Truth(r"A's birds split from (?P<a>\d+) concepts, B's from (?P<b>\d+)",
                   lambda c, m: _first_split(c, "a", int(m["a"])) and _first_split(c, "b", int(m["b"])),
                   "run with more concepts, the model first splits A's birds and B's at these numbers")
EVEN = Truth(r"even the birds split by how they feel",
             lambda c: all(_feeling_apart(c, p) and not _birds_apart_unweighted(c, p) for p in "ab"),
             "both people's birds split by feeling, and run with valence weighted 0 (same number of concepts) the "
             "model keeps them in one concept: the split is valence's doing")
SPLIT_TOO = Truth(r"the birds split by how they feel; at weight 0 they split too, by looks alone",
                  lambda c: all(_feeling_apart(c, p) and _birds_apart_unweighted(c, p) for p in "ab"),
                  "both people's birds split by feeling, and run with valence weighted 0 (same number of concepts) the "
                  "model splits them too")
ONLY_K = Truth(r"[Ww]ith only (?P<k>\d+) concepts", lambda c, m: int(m["k"]) == c.categories,
               "the number of concepts set")
WEIGHTED = Truth(r"with valence weighted at (?P<w>[\d.]+)", lambda c, m: m["w"] == fmt_number(c.weight) and c.weight > 0,
                 "the weight on valence, above 0")
NATURAL = Truth(r"(?P<k>\d+) concepts are more than this thingspace has natural groups for",
                lambda c, m: int(m["k"]) == c.categories > 2,
                "more concepts than the thingspace's two natural groups (birds; groups of people)")
ORDINARY = Truth(r"by their ordinary features alone|drawn by ordinary features alone|valence counts for nothing here",
                 lambda c: c.weight == 0, "the weight on valence is 0")

_CULT = lambda c: c.members("a", "doomsday sect")  # noqa: E731
CULT_IS_RELIGION = Truth(r"‘cult’ and ‘religion’ are one cluster here \((?P<n>\d+) things?\)",
                         lambda c, m: "parish church" in _CULT(c) and len(_CULT(c)) == int(m["n"]),
                         "for A, the doomsday sect and the parish church share a cluster of this many things")
CULT_ALONE = Truth(r"is the doomsday sect alone", lambda c: _CULT(c) == ("doomsday sect",),
                   "A's cluster around the doomsday sect holds nothing else")
CULT_HOLDS = Truth(r"their ‘cult’, holds (?P<list>.+?)(?:, liked things included|[:.])",
                   lambda c, m: _names_in(m["list"]) == set(_CULT(c)), "exactly these things share A's cluster with the doomsday sect")
LIKED_IN = Truth(r"liked things included \((?P<list>[^)]*)\)",
                 lambda c, m: _names_in(m["list"]) == {n for n in _CULT(c) if c.valence("a", n) > 0} != set(),
                 "these, and only these, members of A's ‘cult’ have positive valence for A")
ALL_DISLIKED = Truth(r"every one of them disliked", lambda c: all(c.valence("a", n) < 0 for n in _CULT(c)),
                     "every member of A's ‘cult’ has negative valence for A")
SIBLING = Truth(r"while the (?P<s>monastery|meditation retreat), as tight-knit but liked, lands elsewhere",
                lambda c, m: m["s"] not in _CULT(c) and c.valence("a", m["s"]) > 0,
                "that thing is liked by A and outside A's ‘cult’")
FOLLOWS_FEELINGS = Truth(r"The boundary follows A's feelings",
                         lambda c: all(c.valence("a", n) < 0 for n in _CULT(c)) and any(
                             c.valence("a", n) > 0 and n not in _CULT(c)
                             and min(c.ordinary[NAMES.index(x)] for x in _CULT(c)) <= c.ordinary[i]
                             <= max(c.ordinary[NAMES.index(x)] for x in _CULT(c)) for i, n in enumerate(NAMES)),
                         "A's ‘cult’ is all disliked, and a liked thing that looks as tight-knit (its ordinary feature "
                         "within the cult's range) is left out")
FOLLOWS_LOOKS = Truth(r"the boundary follows looks more than feelings",
                      lambda c: any(c.valence("a", n) > 0 for n in _CULT(c)), "A's ‘cult’ holds something A likes")
NOT_CARVED = Truth(r"valence does not carve them apart", lambda c: "parish church" in _CULT(c),
                   "for A, the doomsday sect and the parish church share a cluster")

_REL = lambda c, p: c.members(p, "parish church")  # noqa: E731
REL_BIRDS = Truth(r"not a concept of its own for (?P<who>either person|person A|person B): it shares a cluster with the birds",
                  lambda c, m: all(("sparrow" in _REL(c, p)) for p in _people(m["who"]))
                  and ("either" in m["who"] or all("sparrow" not in _REL(c, p) for p in ("a", "b") if p not in _people(m["who"]))),
                  "exactly these people's cluster holding the parish church holds the sparrow too")
NOT_FOR_BOTH = Truth(r"\bnot\b[^.:;]* for both people",
                     lambda c: False, "never: 'not … for both people' reads as 'for one of them, perhaps'; "
                     "a denial of both is worded 'for either person'")
NOTHING_TO_COMPARE = Truth(r"nothing to compare|not two meanings",
                           lambda c: not (set(_REL(c, "a")) and set(_REL(c, "b"))),
                           "one person has no ‘religion’ cluster at all (never: both always hold the parish church, "
                           "and the page quotes the overlap of the two people's ‘religion’ as a live number)")
B_CULT = Truth(r"For B, ‘religion’ and ‘cult’ are the same concept", lambda c: "doomsday sect" in _REL(c, "b"),
               "B's cluster holding the parish church holds the doomsday sect")
REL_SAME = Truth(r"Both people's ‘religion’ covers the same (?P<n>\d+) things? \((?P<list>[^)]*)\)",
                 lambda c, m: set(_REL(c, "a")) == set(_REL(c, "b")) == _names_in(m["list"]) and len(_REL(c, "a")) == int(m["n"]),
                 "A's and B's clusters holding the parish church are the same, these things")
MEAN_SAME = Truth(r"they mean the same thing by the word", lambda c: set(_REL(c, "a")) == set(_REL(c, "b")),
                  "A's and B's ‘religion’ are the same set")
REL_COUNTS = Truth(r"A's ‘religion’(?: has|:) (?P<a>\d+) (?:things?|items?)(?: and B's has |; person B's: )(?P<b>\d+)"
                   r"(?:, sharing |; overlap )(?P<p>\d+%)",
                   lambda c, m: (int(m["a"]), int(m["b"]), m["p"]) == (len(_REL(c, "a")), len(_REL(c, "b")),
                                                                       pct(len(set(_REL(c, "a")) & set(_REL(c, "b")))
                                                                           / len(set(_REL(c, "a")) | set(_REL(c, "b"))))),
                   "the sizes of A's and B's ‘religion’ and their shared members over their combined members")
ONLY_A = Truth(r"only A's includes (?P<list>[^;)]*)",
               lambda c, m: _names_in(m["list"]) == set(_REL(c, "a")) - set(_REL(c, "b")), "in A's ‘religion’, not B's")
ONLY_B = Truth(r"only B's includes (?P<list>[^;)]*)",
               lambda c, m: _names_in(m["list"]) == set(_REL(c, "b")) - set(_REL(c, "a")), "in B's ‘religion’, not A's")
SCIENTOLOGY = Truth(r"Scientology “isn't really a religion” to A but is one to B",
                    lambda c: "Scientology" in _REL(c, "b") and "Scientology" not in _REL(c, "a"),
                    "Scientology is in B's ‘religion’ and not A's")
PAST = Truth(r"talking past each other|The same word, two concepts", lambda c: set(_REL(c, "a")) != set(_REL(c, "b")),
             "A's and B's ‘religion’ differ")

CONCEPTS_CLAIMS = (
    Claim("bird", bird_sentence, truths=(BIRD_WHOLE, BIRD_SHARED, BIRD_SPLIT, SAME_BIRDS, BIRD_DIFFERS, BIRD_SPREAD,
                                         NOTHING_LIKE, SPLIT_NEXT, SPLIT_FROM, SPLIT_EACH, EVEN, SPLIT_TOO, ONLY_K, WEIGHTED,
                                         NATURAL, ORDINARY)),
    Claim("cult", cult_sentence, truths=(CULT_IS_RELIGION, CULT_ALONE, CULT_HOLDS, LIKED_IN, ALL_DISLIKED, SIBLING,
                                         FOLLOWS_FEELINGS, FOLLOWS_LOOKS, NOT_CARVED, ORDINARY)),
    Claim("religion", religion_sentence, truths=(REL_BIRDS, NOT_FOR_BOTH, NOTHING_TO_COMPARE, B_CULT, REL_SAME, MEAN_SAME, REL_COUNTS, ONLY_A, ONLY_B,
                                                 SCIENTOLOGY, PAST, ONLY_K)),
)
CONCEPTS_TRUTHS = (REL_COUNTS, NOT_FOR_BOTH, NOTHING_TO_COMPARE, DOUBLED)


# --- Summaries, tables, live numbers, panels ---------------------------------------------------------

def tumble_summary(t: Tumble) -> str:
    dish = (f"near the food (with no food: {_count_of(t.near_flat)})" if t.rise > 0 else
            "near the food's spot (no food to find at slope 0)")
    ideas = (f" (with nothing to sense: {num(t.quality_flat[-1])})" if t.idea_rise > 0 else
             " (nothing to sense at slope 0)")
    return (f"{upper_first(ending(t.near, 'bacteria'))} {dish}; thoughts end worth {points(t.quality[-1])}"
            f"{ideas}.")


def tumble_table(t: Tumble) -> Table:
    rows = tuple((str(i), num(t.distance[i]), num(t.baseline_flat[i // 10]), num(t.baseline_matched[i // 10]),
                  num(t.quality[i]), num(t.quality_flat[i // 10]), num(t.quality_matched[i // 10]))
                 for i in range(0, STEPS + 1, 50))
    return Table("Every 50 steps: mean distance of the bacteria to the food, and mean worth of the ideas entertained, "
                 "steered by the signal, against the same bacteria on a dish with no food (the same minds with "
                 "nothing to sense) and the same bacteria tumbling (minds re-rolling) at random as often",
                 ("Step", "Distance, run and tumble", "Distance, no food", "Distance, random tumbling as often",
                  "Idea's worth, steered", "Idea's worth, nothing to sense", "Idea's worth, random re-rolls as often"),
                 rows)


def tumble_live(t: Tumble) -> dict[str, str]:
    return {"near": ending(t.near, "bacteria"), "tumbles": share(t.tumbles), "memory": count(t.memory, "step")}


def steps_split(switched: float) -> tuple[str, str]:
    """The shares of steps spent going on and switching (running and tumbling, keeping and re-rolling) as parts of
    one whole: they add up to 100% as shown (whole_points, the switch first so that a tie rounds it up, as `share`
    writes it alone), and one that is neither none nor all reads 'under 1%' beside 'over 99%', never 0% or 100%."""
    if share(switched) == "under 1%":
        return "over 99%", "under 1%"
    if share(switched) == "over 99%":
        return "under 1%", "over 99%"
    points_switched, points_on = whole_points((switched, 1 - switched))
    return f"{points_on}%", f"{points_switched}%"


def _did(share_of_steps: float, does: str, never: str, always: str, otherwise: str) -> str:
    if share_of_steps == 0:
        return never
    if share_of_steps == 1:
        return always
    went_on, switched = steps_split(share_of_steps)
    return f"{does} ({went_on} of steps) and {otherwise} ({switched})"


def mind_fails(t: Tumble) -> str:
    """The drawing's verdict on minds the rule fails: how their ideas end against the harder yardstick (the sentence
    names it), in a few words."""
    q, r = _worth(t)
    return "worse ideas" if q < r else "no better ideas" if q == r else "hardly better ideas"


def _by(threshold: float) -> str:
    """The threshold's size in points, as the slider steps it (0.25 apart): '2.25 points', '1 point'."""
    size = abs(threshold)
    return count(size, "point", places=0 if size == int(size) else 1 if 2 * size == int(2 * size) else 2)


def _unless(threshold: float, better: str, worse: str) -> str:
    """Going on, put the way the threshold reads: while better by more than it, while better at all (at 0), or
    unless worse by it or more (below 0: a small worsening is still run through)."""
    if threshold > 0:
        return f"while {better} by more than {_by(threshold)}"
    if threshold == 0:
        return f"while {better}"
    return f"unless {worse} by {_by(threshold)} or more"


def _split(switched: float) -> tuple[str, str]:
    """The shares of steps going on and switching, as one whole (or none and all)."""
    return steps_split(switched) if 0 < switched < 1 else (share(1 - switched), share(switched))


def tumble_panel(t: Tumble, values: Mapping[str, Any]) -> dict[str, Any]:
    bacterium = _did(t.tumbles, "runs " + _unless(t.threshold, "the food seems to be getting stronger",
                                                  "the food seems to be getting weaker"),
                     "never tumbles here", "tumbles on every step here", "tumbles otherwise")
    mind = _did(t.rerolls, "keeps varying a thought the same way " + _unless(t.threshold, "it seems to be improving",
                                                                               "it seems to be getting worse"),
                "never re-rolls here", "re-rolls on every step here", "re-rolls otherwise")
    def boxed(text: str) -> str:        # in the drawing's narrow boxes: '<1%', '>99%'
        return text.replace("under ", "<").replace("over ", ">")
    run, tumble = _split(t.tumbles)
    keep, reroll = _split(t.rerolls)
    # The bold path on each map, the median agent: its own shares, under the 24's.
    b_run, b_tumble = _split(t.tumbles_each[median_bacterium(t)])
    m_keep, m_reroll = _split(t.rerolls_each[median_mind(t)])
    return {"run": boxed(run), "tumble": boxed(tumble), "keep": boxed(keep), "reroll": boxed(reroll),
            "bold_run": f"bold: runs {boxed(b_run)}", "bold_tumble": f"bold: tumbles {boxed(b_tumble)}",
            "bold_keep": f"bold: keeps {boxed(m_keep)}", "bold_reroll": f"bold: re-rolls {boxed(m_reroll)}",
            "status": status(t),
            "mind_status": ("nothing to climb by" if t.idea_rise == 0 else     # as the bacterium's flat dish
                            "steers thoughts by nothing" if blind_thoughts(t) else
                            "climbs to better ideas" if _climbs(t) and _idea_rises(t) else
                            "climbs somewhat" if _gains(t) and _idea_rises(t) else
                            ("only slows the slide" if _idea_falls(t) else "only holds steady") if _gains(t) else
                            mind_fails(t)),
            "caption": f"One rule, two systems. {'A' if t.rise > 0 else 'With no food to find, a'} bacterium "
                       f"{bacterium}. A mind {mind}."}


def candy_summary(c: Candy) -> str:
    when = "Before any walk" if c.walks == 0 else f"After {walks_text(c.walks)}"
    return f"{when}: the idea of the walk has valence {sgn(c.idea)}; eating the candy has valence {sgn(c.eat)}."


def candy_table(c: Candy) -> Table:
    rows = tuple((label, sgn(i), sgn(l), sgn(v)) for label, i, l, v in zip(c.labels, c.innate, c.learned, c.valence))
    return Table("Each thought on the way to the candy: its innate reward now, the learned value of where it leads, "
                 "and their sum, its valence", ("Thought", "Innate", "Learned", "Valence"), rows)


def candy_live(c: Candy) -> dict[str, str]:
    return {"idea": sgn(c.idea), "eat": sgn(c.eat), "walks": walks_text(c.walks)}


def candy_panel(c: Candy, values: Mapping[str, Any]) -> dict[str, Any]:
    walk = thought_state(values) == "walk"
    idx = 0 if walk else len(c.labels) - 1
    guess, innate, total = c.learned[idx], c.innate[idx], c.valence[idx]
    shown = _as_shown(total)
    fate = "kept, and acted on" if shown > 0 else "thrown out" if shown < 0 else "neither kept nor thrown out"
    if walk:
        say = {"thought": "“Walk over and get the candy?”",
               "rows": [["valence guess", sgn(guess)]],
               "steer": f"No innate reaction to a mere plan ({sgn(innate)}). The guess goes through.",
               "steer_said": f"has no innate reaction to a mere plan ({sgn(innate)}), so the guess goes through.",
               "valence": sgn(total)}
        lit = ("generator", "assessors", "w_thought", "w_guesses", "w_valence")
    else:
        say = {"thought": "“Eat the candy!”",
               "rows": [["valence guess", sgn(guess)]],
               "steer": (f"Eating when this hungry is innately {sgn(innate)}, whatever has been learned."
                         if _as_shown(innate) > 0 else f"Eating when not hungry is innately {sgn(innate)}."),
               "steer_said": (f"reacts innately: eating when this hungry is {sgn(innate)}, whatever has been learned."
                              if _as_shown(innate) > 0 else f"reacts innately: eating when not hungry is {sgn(innate)}."),
               "valence": sgn(total)}
        lit = ("generator", "steering", "w_truth", "w_valence")
    # What trains what in this model, true at every state: the valence guess is the learned value of where a thought
    # leads, and nothing comes after eating.
    say["targets"] = ("here the valence guess is trained toward the reward still to come after a thought: nothing "
                      "comes after eating, so the guess for eating stays at zero and eating's valence is all innate")
    return {"say": say, "lit": lit,
            "caption": (f"The actor-critic picture for the thought “{'walk over and get the candy' if walk else 'eat the candy'}”: "
                        f"valence {sgn(total)} ({sgn(guess)} learned, {sgn(innate)} innate), so the thought is {fate}.")}


def concepts_summary(c: Concepts) -> str:
    return (f"Person A's ‘religion’: {count(len(c.members('a', 'parish church')), 'item')}; person B's: "
            f"{len(c.members('b', 'parish church'))}; overlap {pct(religion_overlap(c))}.")


def concepts_table(c: Concepts) -> Table:
    rows = tuple((n, num(c.ordinary[i], 2), sgn(c.valence_a[i]), named(c, "a", n),
                  sgn(c.valence_b[i]), named(c, "b", n)) for i, n in enumerate(NAMES))
    return Table("Each item in the thingspace: its ordinary feature, each person's valence, and the cluster it falls in "
                 "for each person", ("Item", "Everything but valence", "A's valence", "A's cluster", "B's valence",
                                     "B's cluster"), rows)


def concepts_live(c: Concepts) -> dict[str, str]:
    return {"overlap": pct(religion_overlap(c))}


def concepts_panel(c: Concepts, values: Mapping[str, Any]) -> dict[str, Any]:
    rows = []
    for word, item in WORDS:
        a, b = c.members("a", item), c.members("b", item)
        rows.append({"word": word, "a": len(a), "b": len(b), "both": len(set(a) & set(b)), "same": set(a) == set(b)})
    return {"rows": rows}


# --- The API ------------------------------------------------------------------------------------------

class TumbleResponse(WidgetResponse):
    near_food: float = Field(description="Share of the steering bacteria within 15 units of the food at the end.")
    near_food_random: float = Field(description="The same for bacteria that tumble at random on a fair coin (every "
                                                "other step on average); the sentences compare with the same bacteria on a dish "
                                                "with no food (near_food_flat).")
    final_distance: float = Field(description="Mean final distance to the food, steering bacteria.")
    final_distance_random: float = Field(description="Mean final distance to the food, random tumblers on a fair coin.")
    tumble_share: float = Field(description="Share of steps the steering bacteria spent tumbling.")
    idea_worth: float = Field(description="Mean worth (points) of the ideas entertained at the end, steered by valence.")
    idea_worth_random: float = Field(description="The same when the Thought Generator re-rolls at random on a fair coin.")
    near_food_matched: float = Field(description="Share near the food at the end of bacteria that tumble at random "
                                                 "as often as the steering ones did.")
    final_distance_matched: float = Field(description="Their mean final distance to the food.")
    idea_worth_matched: float = Field(description="Mean worth of the ideas at the end when the Thought Generator "
                                                  "re-rolls at random as often as the steering minds did.")
    near_food_flat: float = Field(description="Share of the same bacteria (same noise, memory, threshold and draws) "
                                              "within 15 units of the food's spot at the end on a dish with no food: "
                                              "the yardstick for the verdict on the bacteria.")
    final_distance_flat: float = Field(description="Their mean final distance to the food's spot.")
    idea_worth_flat: float = Field(description="Mean worth of the ideas at the end for the same minds at slope 0 "
                                               "(same noise, memory, threshold and draws): the yardstick for the "
                                               "verdict on thoughts.")
    best_idea: float = Field(description="Share of minds ending near the best idea.")
    good_idea: float = Field(description="Share of minds ending near the lesser good idea.")
    claims: dict[str, str]


def tumble_api(values: Mapping[str, Any], t: Tumble) -> dict:
    return {"near_food": t.near, "near_food_random": t.near_random,
            "final_distance": t.distance[-1], "final_distance_random": t.baseline[-1], "tumble_share": t.tumbles,
            "idea_worth": t.quality[-1], "idea_worth_random": t.quality_random[-1], "best_idea": t.best,
            "good_idea": t.good, "near_food_matched": t.near_matched, "final_distance_matched": t.baseline_matched[-1],
            "idea_worth_matched": t.quality_matched[-1], "idea_worth_flat": t.quality_flat[-1],
            "near_food_flat": t.near_flat, "final_distance_flat": t.baseline_flat[-1], "claims": {c.id: c.say(t) for c in TUMBLE_CLAIMS}}


class CandyResponse(WidgetResponse):
    thoughts: list[str] = Field(description="The thoughts on the way: the idea, each step, eating.")
    innate: list[float] = Field(description="Each thought's innate reward right now.")
    learned: list[float] = Field(description="Each thought's learned value of where it leads.")
    valence: list[float] = Field(description="Their sum: each thought's valence.")
    idea_curve: list[float] = Field(description="The idea's valence after 0, 1, ... walks.")
    claims: dict[str, str]


def candy_api(values: Mapping[str, Any], c: Candy) -> dict:
    return {"thoughts": list(c.labels), "innate": list(c.innate), "learned": list(c.learned),
            "valence": list(c.valence), "idea_curve": list(c.curve), "claims": {k.id: k.say(c) for k in CANDY_CLAIMS}}


class ConceptsResponse(WidgetResponse):
    items: list[str]
    clusters_a: list[int] = Field(description="Person A's cluster number for each item.")
    clusters_b: list[int] = Field(description="Person B's cluster number for each item.")
    words: dict[str, dict[str, list[str]]] = Field(description="For 'bird', 'religion', 'cult': what each person's word covers.")
    religion_overlap: float = Field(description="Shared share of the two people's 'religion' clusters (intersection over union).")
    claims: dict[str, str]


def concepts_api(values: Mapping[str, Any], c: Concepts) -> dict:
    return {"items": list(NAMES), "clusters_a": list(c.labels_a),
            "clusters_b": list(c.labels_b),
            "words": {w: {"a": list(c.members("a", i)), "b": list(c.members("b", i))} for w, i in WORDS},
            "religion_overlap": religion_overlap(c), "claims": {k.id: k.say(c) for k in CONCEPTS_CLAIMS}}

