"""Presenters for the valence page: pure functions of the three models' results."""
from __future__ import annotations

import math
import re
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse, fmt_number
from app.wording import count, join_and, num, pct, rounded, signed, upper_first, whole_points

from .model import BACTERIA, BEST_IDEA, DISCOUNT, GOOD_IDEA, NAMES, NEAR, START, STEPS, WORDS, Candy, Concepts, Tumble, concepts

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

EVERY = 10                         # the progress lines are drawn every EVERY steps


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


def _trails(paths) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for path in paths:
        xs += [p[0] for p in path] + [None]
        ys += [p[1] for p in path] + [None]
    return xs, ys


def map_reach(paths, *fixed: tuple[float, float]) -> float:
    """Half the width of a map that holds every point of every path (and the fixed marks): at least
    the usual ±90, else widened to the next 10 past the furthest point."""
    far = max([abs(c) for p in fixed for c in p], default=0.0)
    for path in paths:
        if len(path):
            xs, ys = zip(*path)
            far = max(far, max(xs), -min(xs), max(ys), -min(ys))
    return max(90.0, 10.0 * math.ceil((far + 6) / 10))


def _ends(paths) -> dict:
    return {"type": "scatter", "mode": "markers", "name": "End", "x": [p[-1][0] for p in paths],
            "y": [p[-1][1] for p in paths], "marker": {"color": kit.BLUE, "size": 8, "symbol": "circle"},
            "customdata": [f"({num(p[-1][0])}, {num(p[-1][1])})" for p in paths],
            "hovertemplate": "ended at %{customdata}<extra></extra>"}


def dish_figure(t: Tumble) -> dict:
    xs, ys = _trails(t.paths)
    rings = [{"type": "circle", "xref": "x", "yref": "y", "x0": -r, "x1": r, "y0": -r, "y1": r,
              "line": {"color": kit.GRID, "width": 1.5, "dash": "dot"}} for r in (NEAR, 40, 80)]
    data = [{"type": "scatter", "mode": "lines", "name": "Path", "x": xs, "y": ys, "hoverinfo": "skip",
             "line": {"color": kit.BLUE, "width": 1}, "opacity": 0.55},
            _ends(t.paths),
            {"type": "scatter", "mode": "markers", "name": "Food", "x": [0], "y": [0],
             "marker": {"color": kit.VERMILION, "size": 14, "symbol": "star", "line": {"color": kit.INK, "width": 1}},
             "hovertemplate": "the food source<extra></extra>"}]
    return _space(data, rings, map_reach(t.paths))


def ideas_figure(t: Tumble) -> dict:
    data = [{"type": "scatter", "mode": "markers", "name": name, "x": [p[0]], "y": [p[1]],
             "marker": {"color": colour, "size": 14, "symbol": symbol, "line": {"color": kit.INK, "width": 1}},
             "hovertemplate": f"{name.lower()}<extra></extra>"}
            for name, p, colour, symbol in (("Best idea", BEST_IDEA, kit.VERMILION, "star"),
                                            ("Good idea", GOOD_IDEA, kit.PINK, "diamond"))]
    rings = [{"type": "circle", "xref": "x", "yref": "y", "x0": p[0] - r, "x1": p[0] + r, "y0": p[1] - r,
              "y1": p[1] + r, "line": {"color": kit.GRID, "width": 1.5, "dash": "dot"}}
             for p in (BEST_IDEA, GOOD_IDEA) for r in (NEAR, 35)]
    xs, ys = _trails(t.idea_paths)
    ends = [{"type": "scatter", "mode": "lines", "name": "Path", "x": xs, "y": ys, "hoverinfo": "skip",
             "line": {"color": kit.BLUE, "width": 1}, "opacity": 0.55},
            _ends(t.idea_paths)]
    return _space(ends + data, rings, map_reach(t.idea_paths, BEST_IDEA, GOOD_IDEA))


def _space(data: list[dict], rings: list[dict], reach: float) -> dict:
    step = 30 if reach <= 90 else 60 if reach <= 180 else 150 if reach <= 450 else 300
    ticks = [k * step for k in range(-int(reach // step), int(reach // step) + 1)]
    ticks = [v for v in ticks if abs(v) < reach - 0.1 * step]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 96, "l": 44, "r": 12}, legend=kit.FOOT_LEGEND, showlegend=True, shapes=rings,
        xaxis=kit.axis(None, range=[-reach, reach], tickvals=ticks, zeroline=False),
        yaxis=kit.axis(None, range=[-reach, reach], tickvals=ticks, zeroline=False, scaleanchor="x",
                       scaleratio=1))}


def _progress(steered: tuple[float, ...], random: tuple[float, ...], names: tuple[str, str], title: str) -> dict:
    x = list(range(0, STEPS + 1, EVERY))
    top = max(100.0, 50.0 * math.ceil(max(max(steered), max(random)) / 50))
    traces = [{"type": "scatter", "mode": "lines", "name": names[0], "x": x, "y": [steered[i] for i in x],
               "line": {"color": kit.BLUE, "width": 3}},
              {"type": "scatter", "mode": "lines", "name": names[1], "x": x, "y": [random[i] for i in x],
               "line": {"color": kit.GREY, "width": 3, "dash": "dash"}}]
    for tr in traces:
        tr["hovertemplate"] = "step %{x}: %{y:.0f}<extra>" + tr["name"] + "</extra>"
    return {"data": traces, "layout": kit.layout(
        margin={"t": 12, "b": 110, "l": 56, "r": 12}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("step", range=[0, STEPS], tickvals=[100, 200, 300]), yaxis=kit.axis(title, range=[0, top]))}


def distance_figure(t: Tumble) -> dict:
    return _progress(t.distance, t.baseline, ("Run and tumble", "Tumbling at random"), "distance to food")


def quality_figure(t: Tumble) -> dict:
    return _progress(t.quality, t.quality_random, ("Kept while improving", "Re-rolled at random"), "idea's worth")


def _shown(x: float) -> int:
    """A distance, worth or count as the sentences show it: whole units, halves up, as num() rounds (24.5 -> 25;
    Python's _shown() would give 24)."""
    return int(rounded(x))


def _steers(t: Tumble) -> bool:
    """There is something to steer by (the food rises from the start ring to the source) and the
    bacteria remember enough to compare the present with."""
    return t.rise > 0 and t.memory > 0


def blind(t: Tumble) -> bool:
    """The bacteria steer by nothing: no memory, or they tumbled on every step or on none, so no reading of the
    food ever changed what they did (any difference from chance is that fixed tumbling rate's)."""
    return t.memory == 0 or t.tumbles in (0, 1)


def blind_thoughts(t: Tumble) -> bool:
    """The minds steer by nothing: no memory, or they re-rolled on every step or on none (a mind that re-rolls
    every time never keeps an idea, so nothing can leave it stuck)."""
    return t.memory == 0 or t.rerolls in (0, 1)


def verdict(t: Tumble) -> str:
    """'flat' (a flat dish: nothing to steer by, whatever the counts), else 'finds' (clearly more
    bacteria at the food and much closer than chance), 'closer' (much closer on average, without a quarter more at
    the food), 'gathers' (a quarter more at the food, without being much closer on average), 'little' (somewhat
    better on one count, worse on none),
    'mixed' (more at the food, but further off on average), 'none' (no better than chance) or 'worse'
    (further off than chance, and no more at the food). Where nothing is steered by (a flat dish, or no
    memory) only 'flat', 'none' or 'worse' can be said; with no memory the reading is never used, so the
    dish's slope (the strength slider, shown unavailable) does not enter. Judged on the distances as the
    sentence shows them. 'blind': no memory, or a tumble on every step or on none (`blind`), so the rule steers
    by nothing; no verdict is given, since any difference from chance is that fixed tumbling rate's, not the rule's.
    A verdict that the rule helps ('finds', 'closer', 'gathers', 'little') must hold against both kinds of random
    tumblers, on a fair coin and as often as the steering bacteria tumbled (`_chance`); where it holds against the
    first only and is no better than the second, 'rate': the gain comes mostly or wholly from how often they tumble.
    'split' (nearer on average, but fewer at the food) is the mirror of 'mixed'. 'worse' only where one kind of
    random tumbler alone beats them; where only chance at its best on each count does (`paired_worse`), the fair
    coin's 'mixed' or 'split' stands ('none' where the as-often tumblers alone do as well), or 'rate' where the fair
    coin gave help."""
    if t.rise == 0 and t.memory > 0:
        return "flat"
    if blind(t):
        return "blind"
    d, b = _shown(t.distance[-1]), _shown(t.baseline[-1])
    if not _steers(t):
        return "worse" if d > FURTHER * b else "none"
    fair = _judged(t, t.near_random, b)
    if fair in ("mixed", "split"):    # its better count or distance must hold against tumbling as often too
        if paired_worse(t):       # the as-often tumblers alone, where they do as well, else the fair coin's verdict
            return "none" if _judged_matched(t) == "none" else fair
        return _judged(t, *_chance(t))
    if fair == "none" and _judged_matched(t) == "worse":     # the as-often tumblers alone do clearly better
        return "worse"
    if fair not in HELPS:
        return fair
    both = _judged(t, *_chance(t))
    if both == "none" or paired_worse(t):   # the rate's doing only where tumbling that often gets nearer on its own
        return "rate" if _tumble_parts(t)[1] > 0 else "none"
    return both


def _judged_matched(t: Tumble) -> str:
    """_judged against the bacteria tumbling at random as often as the steering ones did, alone."""
    return _judged(t, t.near_matched, _shown(t.baseline_matched[-1]))


def paired_worse(t: Tumble) -> bool:
    """Chance at its best on each count (`_chance`) beats the steering bacteria, though neither kind of random
    tumbler alone does: 'worse than chance' would come only from pairing one kind's count with the other's distance."""
    return (_steers(t) and not blind(t) and _judged(t, *_chance(t)) == "worse"
            and "worse" not in (_judged(t, t.near_random, _shown(t.baseline[-1])),
                                _judged_matched(t)))


HELPS = ("finds", "closer", "gathers", "little")

# The verdicts' thresholds, on the numbers as the sentences show them; chance is the better kind of random tumbler.
GATHER = 0.25          # a quarter of the bacteria or more than chance's end near the food
MUCH_NEARER = 0.6      # 'much nearer': a mean final distance under this share of chance's
SOMEWHAT = 0.75        # 'helps somewhat' under this share, 'only a little' from it
NEARER = 0.9           # nearer at all: under this share
FURTHER = 1.1          # worse than chance: over this share (beside more near the food, over 1 is mixed)
RARELY = 0.05          # 'hardly ever tumble': tumbling on under this share of steps, but on some
CLIMB = (2, 20)        # a clear climb: at least this many times chance's worth and this many points more
GAIN = (1.1, 2)        # a gain: over this share of chance's worth and at least this many points more


def _chance(t: Tumble) -> tuple[float, int]:
    """What chance gives at best, of the random tumblers on a fair coin and those tumbling at random as often as
    the steering bacteria did: the larger share near the food and the shorter mean final distance (as shown)."""
    return _best_near(t), _best_distance(t)


def _judged(t: Tumble, near: float, distance: int) -> str:
    """verdict's steps for bacteria that steer, against random tumblers with this share near the food and this
    mean final distance (as shown)."""
    more, d = t.near > near, _shown(t.distance[-1])
    if t.near - near >= GATHER and d < MUCH_NEARER * distance:
        return "finds"
    if d > FURTHER * distance:
        return "mixed" if more else "worse"
    if d < MUCH_NEARER * distance:
        return "closer"
    if more and d > distance:         # more near the food is no help where they end further off on average
        return "mixed"
    if t.near - near >= GATHER:
        return "gathers"
    if d < NEARER * distance and t.near < near:
        return "split"
    return "little" if more or d < NEARER * distance else "none"


def _matched_decides(t: Tumble) -> bool:
    """The bacteria tumbling at random as often as the steering ones change the verdict the fair coin gives, or
    whether it helps only a little or somewhat."""
    fair = _judged(t, t.near_random, _shown(t.baseline[-1]))
    if verdict(t) == fair == "little":
        return _somewhat(t) != (_shown(t.distance[-1]) < SOMEWHAT * _shown(t.baseline[-1]))
    return verdict(t) not in ("flat", "blind") and verdict(t) != fair


def thoughts_help(t: Tumble, chance: int | None = None) -> bool:
    """The minds' ideas end worth at least twice chance's and 20 points more (as shown): chance is the better of
    both kinds of random re-rolls unless given."""
    q, r = _shown(t.quality[-1]), _best_worth(t) if chance is None else chance
    return q >= CLIMB[0] * r and q - r >= CLIMB[1]


def thoughts_gain(t: Tumble, chance: int | None = None) -> bool:
    """Short of a clear climb, the minds' ideas still end clearly better than random re-rolls: over 110% of
    their worth and at least 2 points more (as shown), as the bacteria's "helps a little" is judged; with no
    memory the rule steers by nothing, so no difference is its doing. Chance as in thoughts_help."""
    q, r = _shown(t.quality[-1]), _best_worth(t) if chance is None else chance
    return t.memory > 0 and q > GAIN[0] * r and q - r >= GAIN[1]


def thoughts_seem(t: Tumble) -> bool:
    """The minds gain over a fair coin's re-rolls but not over re-rolling at random as often as they did."""
    return thoughts_gain(t, _shown(t.quality_random[-1])) and not thoughts_gain(t)


def _tumble_parts(t: Tumble) -> tuple[int, int, int]:
    """The steering bacteria's gain in mean final distance on random tumbling on a fair coin, and the parts of it
    that tumbling that often (the fair coin's distance less the matched tumblers') and steering (the matched
    tumblers' less the steering bacteria's) account for, as shown (whole units)."""
    d, b, m = _shown(t.distance[-1]), _shown(t.baseline[-1]), _shown(t.baseline_matched[-1])
    return b - d, b - m, m - d


def rate_only(t: Tumble) -> bool:
    """Where the verdict is 'rate', the gain is how often they tumble: steering accounts for none of the distance
    gained (none where the gain is in the count near the food, not the distance)."""
    gain, _, steering = _tumble_parts(t)
    return gain <= 0 or steering <= 0


def _reroll_parts(t: Tumble) -> tuple[int, int, int]:
    """The minds' gain in worth on a fair coin's random re-rolls, and the parts re-rolling that often and steering
    account for, as shown."""
    q, r, m = _shown(t.quality[-1]), _shown(t.quality_random[-1]), _shown(t.quality_matched[-1])
    return q - r, m - r, q - m


def reroll_only(t: Tumble) -> bool:
    gain, _, steering = _reroll_parts(t)
    return gain <= 0 or steering <= 0


def _rerolling(t: Tumble) -> str:
    if t.rerolls == 0:
        return "they never re-roll"
    if t.rerolls == 1:
        return "they re-roll on every step"
    return f"they re-roll on {share(t.rerolls)} of steps"


def _nearer(t: Tumble) -> bool:
    """The steering bacteria end nearer the food on average than chance, as shown: the nearer of both kinds of random
    tumbler (those tumbling as often alone where only they match the steering bacteria on both counts)."""
    fair = _judged(t, t.near_random, _shown(t.baseline[-1])) if _steers(t) else verdict(t)
    chance = _shown(t.baseline_matched[-1]) if paired_worse(t) else _best_distance(t)
    return _shown(t.distance[-1]) < chance


def status(t: Tumble) -> str:
    """The drawing's verdict on the bacteria: 'no better than chance' only where they end no nearer."""
    kind = verdict(t)
    if kind == "rate" and not rate_only(t):
        return "helps less than it seems"
    if kind == "little" and _somewhat(t):
        return "helps somewhat"
    return "hardly better than chance" if kind == "none" and _nearer(t) else STATUS[kind]


def _somewhat(t: Tumble) -> bool:
    return _shown(t.distance[-1]) < SOMEWHAT * _best_distance(t)


def bacteria_fail(t: Tumble) -> bool:
    """The chemotaxis sentence says "no better" or "worse than chance" (or there is nothing to steer by)."""
    return verdict(t) in ("flat", "none", "worse")


STATUS = {"blind": "steers by nothing", "flat": "nothing to steer by", "rate": "only seems to help", "split": "mixed",
          "finds": "finds the food", "little": "helps a little",
          "closer": "nearer, few at the food", "gathers": "more at the food", "mixed": "mixed", "none": "no better than chance",
          "worse": "worse than chance"}


def _tumbling(t: Tumble) -> str:
    if t.tumbles == 0:
        return "they never tumble"
    if t.tumbles == 1:
        return "they tumble on every step"
    return f"they tumble on {share(t.tumbles)} of steps"


def _why(t: Tumble) -> str:
    if t.memory == 0:
        return (" With no memory there is nothing to compare the present with, so the signal always reads 0, "
                + ("which is not above the threshold." if t.tumbles == 1 else
                   "which is above the threshold: each bacterium swims off in a straight line."))
    if t.tumbles == 1:
        return " Nothing ever looks better by more than the threshold."
    if t.tumbles == 0:
        return " Nothing ever looks worse than the threshold, so each bacterium swims off in a straight line."
    if t.tumbles < RARELY:
        hardly = " Almost nothing looks worse than the threshold, so they hardly ever tumble"
        if _swim_off(t):
            return f"{hardly} and swim off in nearly straight lines."
        if _timing_counts(t) and not _quotes_matched(t):
            return (f"{hardly}; it is when they tumble that counts, since bacteria that tumble at random just as often "
                    f"end at a mean distance of {num(t.baseline_matched[-1])}.")
        return f"{hardly}."
    return ""


def _swim_off(t: Tumble) -> bool:
    """They end further from the food on average than they started (as shown)."""
    return _shown(t.distance[-1]) > START


def _timing_counts(t: Tumble) -> bool:
    """Bacteria tumbling at random as often end much further off (the steering ones under 90% of their distance)."""
    return _shown(t.distance[-1]) < NEARER * _shown(t.baseline_matched[-1])


def _few(t: Tumble) -> str:
    """'only 5 of the 24 end', 'only 1 of the 24 ends', 'none of the 24 end'."""
    n = _many(t.near)
    return f"none of the {BACTERIA} end" if n == 0 else f"only {n} of the {BACTERIA} {'ends' if n == 1 else 'end'}"


def chemotaxis_sentence(t: Tumble) -> str:
    numbers = (f"{ending(t.near, 'bacteria')} within {num(NEAR)} units of the food, at a mean distance of "
               f"{num(t.distance[-1])} against {num(t.baseline[-1])} for bacteria that tumble at random "
               f"({_count_of(t.near_random)} of them near it); {_tumbling(t)}")
    kind = verdict(t)
    if kind == "finds":
        return f"Steering by nothing but “is it getting better?”, {numbers}.{_why(t)}"
    if kind == "blind":
        return (f"Here run and tumble steers by nothing: {numbers}.{_why(t)} Any difference from "
                f"chance comes from how often they tumble, not from the food.")
    if kind == "flat":
        return (f"With a flat dish there is nothing to steer by: {numbers}.{_why(t)} Any difference from "
                f"chance comes from how often they tumble, not from the food.")
    lead = {"worse": "At these settings run and tumble does worse than chance",
            "mixed": "At these settings run and tumble gives mixed results, more bacteria near the food but further "
                     "off on average" if _shown(t.distance[-1]) > _shown(t.baseline[-1]) else
                     "At these settings run and tumble gives mixed results: more bacteria near the food than both kinds "
                     "of random tumblers, but further off on average than those that tumble at random just as often",
            "split": "At these settings run and tumble gives mixed results, nearer the food on average but fewer "
                     "bacteria near it" if _fair_decides(t) else
                     "At these settings run and tumble gives mixed results: nearer the food on average than both kinds "
                     f"of random tumblers, but with fewer bacteria near it than those that tumble at random "
                     f"{'just as often' if t.near < t.near_matched else 'on a fair coin'}",
            "little": "At these settings run and tumble helps somewhat" if _somewhat(t) else
                      "At these settings run and tumble helps only a little",
            "closer": "At these settings run and tumble brings the bacteria much nearer the food on average, but "
                      f"{_few(t)} within reach of it",
            # No word on the mean distance here: the numbers give it (41 against 68 is nearer, if not under 60%).
            "gathers": "At these settings run and tumble brings many more bacteria to the food than chance",
            "none": "At these settings run and tumble does no better than chance" if not _nearer(t) else
                    "At these settings run and tumble does hardly better than chance",
            "rate": "At these settings run and tumble only seems to help" if rate_only(t) else
                    "At these settings run and tumble helps less than it seems"}[kind]
    if kind == "closer":              # the lead has said how many end near the food: the numbers do not repeat it
        numbers = numbers[numbers.index("at a mean distance of "):]
        return f"{lead}; together they end {numbers}.{_why(t)}{_as_often(t)}"
    return f"{lead}: {numbers}.{_why(t)}{_as_often(t)}{_each_at_best(t)}{_neither_alone(t)}"


def _ahead_of(t: Tumble, near: float, distance: float) -> bool:
    """Better than random tumblers with these numbers on one count, and further off by no more than a tenth."""
    d, b = _shown(t.distance[-1]), _shown(distance)
    return (t.near > near or d < NEARER * b) and not d > FURTHER * b


def _each_at_best(t: Tumble) -> str:
    """Where 'no better than chance' holds only against each count at its best, taken from different kinds of random
    tumbler, say so: against either kind alone the steering bacteria come out a little ahead."""
    if verdict(t) != "none" or not (_ahead_of(t, t.near_random, t.baseline[-1])
                                     and _ahead_of(t, t.near_matched, t.baseline_matched[-1])):
        return ""
    near_from = "as often" if t.near_matched > t.near_random else "on a fair coin"
    far_from = "on a fair coin" if _shown(t.baseline[-1]) <= _shown(t.baseline_matched[-1]) else "as often"
    return (f" Against either kind of random tumbler alone they come out a little ahead, but chance is taken at its best "
            f"on each count: {_count_of(_best_near(t))} near the food (tumbling at random {near_from}) and a mean "
            f"distance of {num(_best_distance(t))} (tumbling at random {far_from}).")


def _neither_alone(t: Tumble) -> str:
    """Where the verdict is not 'worse' because no one kind of random tumbler beats the bacteria on both counts,
    and the as-often tumblers end further off, say so."""
    if not (paired_worse(t) and _neither_beats(t)):
        return ""
    return (" Neither kind of random tumbler alone does better on both counts: those on a fair coin end nearer but "
            "with fewer near the food, and those tumbling at random as often end further off.")


def _neither_beats(t: Tumble) -> bool:
    """More near the food than a fair coin's random tumblers, who end nearer; the as-often tumblers end further off."""
    d = _shown(t.distance[-1])
    return t.near > t.near_random and _shown(t.baseline[-1]) < d < _shown(t.baseline_matched[-1])


def _fair_decides(t: Tumble) -> bool:
    """The verdict is the one random tumbling on a fair coin gives (the first numbers the sentence quotes)."""
    return _steers(t) and verdict(t) == _judged(t, t.near_random, _shown(t.baseline[-1]))


def _quotes_matched(t: Tumble) -> bool:
    """The bacteria tumbling at random as often decide the verdict, or end nearer on average than the steering ones
    where these are said to help, to give mixed results or to do (hardly) no better than chance."""
    return _matched_decides(t) or paired_worse(t) or (verdict(t) in (*HELPS, "mixed", "none")
                                   and _shown(t.baseline_matched[-1]) < _shown(t.distance[-1]))


def _as_often(t: Tumble) -> str:
    """Where the bacteria tumbling at random as often as the steering ones decide the verdict, or end nearer, their
    numbers."""
    if not _quotes_matched(t):
        return ""
    return (f" Bacteria that tumble at random just as often (on {share(t.tumbles)} of steps) end at a mean distance of "
            f"{num(t.baseline_matched[-1])}, with {_count_of(t.near_matched)} near it"
            + (_rate_clause(t) if verdict(t) == "rate" else "."))


def _rate_clause(t: Tumble) -> str:
    if rate_only(t):
        return ", so the difference comes from how often they tumble, not from steering."
    gain, rate, steering = _tumble_parts(t)
    return (f": of the {count(gain, 'unit')} they gain on random tumbling, tumbling that often accounts for {rate} "
            f"and steering for {steering}.")


DRIFTING = 0.05   # re-rolling on under this share of steps, the minds drift as bacteria that hardly tumble swim


def thoughts_sentence(t: Tumble) -> str:
    numbers = (f"the ideas entertained end up worth {points(t.quality[-1])} on average, against "
               f"{num(t.quality_random[-1])} for a Thought Generator that re-rolls at random")
    where = f"{ending(t.best, 'minds')} near the best idea and {_count_of(t.good)} near the lesser one"
    if t.idea_rise == 0 and t.memory > 0:
        # The slope is what the minds sense; worth is scored on the slope-1 landscape (model).
        # Nothing to sense, so any gain on random re-rolls comes from the re-rolls themselves: their rate, and where
        # re-rolling at random as often ends elsewhere, their timing too.
        rate = _drift(t) or f"; {_rerolling(t)}"
        why = ("" if num(t.quality[-1]) == num(t.quality_random[-1]) else
               " Any difference from random re-rolls comes from how often they re-roll, not from the ideas' worth."
               if num(t.quality[-1]) == num(t.quality_matched[-1]) else
               f" Any difference from random re-rolls comes from how often and when they re-roll, not from the ideas' "
               f"worth: one that re-rolls at random as often as these minds do (on {share(t.rerolls)} of steps) ends "
               f"at {num(t.quality_matched[-1])}.")
        return (f"At slope 0 the ideas' worth feels flat to the minds, so every variation seems as good as any "
                f"other and they have nothing to climb by either: scored as at slope 1, {numbers}; {where}{rate}.{why}")
    if blind_thoughts(t):
        lead = ("With no memory the rule steers thoughts by nothing either" if t.memory == 0 else
                "Here the rule steers thoughts by nothing")
        return (f"{lead}: {numbers}; {where}; {_rerolling(t)}. Any difference from random re-rolls comes from how "
                f"often they re-roll, not from the ideas' worth.")
    as_often = (f"; one that re-rolls at random as often as these minds do (on {share(t.rerolls)} of steps) ends at "
                f"{num(t.quality_matched[-1])}")
    if thoughts_help(t) or thoughts_gain(t):
        tail = (", where the rule can leave a mind stuck: it only knows whether things look better than they "
                "recently did, not where the best idea is." if _many(t.good) > 0 else ".")
        lead = ("On thoughts the rule helps somewhat" if not thoughts_help(t) else
                "The same rule on thoughts works the same way" if verdict(t) == "finds" else
                "On thoughts the same rule does better here")
        # Re-rolling at random as often is named where it, not the fair coin, keeps the minds from a clear climb.
        decides = thoughts_help(t, _shown(t.quality_random[-1])) and not thoughts_help(t)
        return f"{lead}: {numbers}{as_often if decides else ''}; {where}{tail}"
    if thoughts_seem(t) and reroll_only(t):
        return (f"On thoughts the rule only seems to help: {numbers}{as_often}, so the difference comes from how often "
                f"they re-roll, not from steering; {where}.")
    if thoughts_seem(t):
        gain, rate, steering = _reroll_parts(t)
        part = (f"re-rolling that often gains nothing on its own, so steering accounts for all {count(gain, 'point')}"
                if rate <= 0 else
                f"of the {count(gain, 'point')} they gain on random re-rolls, re-rolling that often accounts for "
                f"{rate} and steering for {steering}")
        return f"On thoughts the rule helps less than it seems: {numbers}{as_often}; {part}; {where}."
    # Bacteria that steer by nothing, or are beaten only by chance at its best on each count, neither clearly fail
    # nor succeed by the rule, so the minds' result is said alone.
    alone = verdict(t) in ("blind", "rate") or paired_worse(t)
    if _shown(t.quality[-1]) > _shown(t.quality_random[-1]):     # ahead as shown, short of a gain: as the drawing says
        lead = ("On thoughts the rule does hardly better than random" if alone else
                "On thoughts the rule does not clearly help either, doing hardly better than random"
                if bacteria_fail(t) else "On thoughts the same rule does hardly better than random here")
    else:
        lead = ("On thoughts the rule fails" if alone else
                "On thoughts the rule fails in the same way" if bacteria_fail(t) else "On thoughts the same rule fails here")
    return f"{lead}: {numbers}; {where}{_drift(t)}."


def _drift(t: Tumble) -> str:
    """Minds that (almost) never re-roll keep varying an idea one way, as bacteria that never tumble swim straight."""
    if t.rerolls >= DRIFTING:
        return ""
    line = "off in a straight line" if t.rerolls == 0 else "in nearly straight lines"
    return f"; {_rerolling(t)}, so each mind keeps varying its idea the same way, {line}"


# "Chance", for a verdict that the rule helps, is the better of two kinds of random tumblers (or re-rollers): on a
# fair coin, and tumbling at random as often as the steering ones did, so that tumbling often (which keeps
# bacteria near where they start) is not mistaken for steering.
def _best_near(t: Tumble) -> float:
    """The larger share of random tumblers near the food at the end: on a fair coin, or as often as these tumbled."""
    return max(t.near_random, t.near_matched)


def _best_distance(t: Tumble) -> int:
    """The shorter mean final distance of the two kinds of random tumblers (as shown, in whole units)."""
    return min(_shown(t.baseline[-1]), _shown(t.baseline_matched[-1]))


def _finds(t: Tumble) -> bool:
    """Clearly more bacteria within NEAR of the food than by chance (a quarter of them or more), and a
    mean final distance under 60% of the random tumblers' (as shown, in whole units), by steering: against both
    kinds of random tumblers."""
    return _steers(t) and t.near - _best_near(t) >= GATHER and _shown(t.distance[-1]) < MUCH_NEARER * _best_distance(t)


def _further_than_either(t: Tumble) -> bool:
    return _shown(t.distance[-1]) > FURTHER * _best_distance(t)


def _closer_than_both(t: Tumble) -> bool:
    return _shown(t.distance[-1]) < NEARER * _best_distance(t)


def _helps_fair(t: Tumble) -> bool:
    """Better than random tumbling on a fair coin on one count (more near the food, or a mean distance under 90%
    of theirs) and not over 110% of their mean distance, with something to steer by."""
    return _steers(t) and not _further(t) and (t.near > t.near_random or _closer(t))


def _helps_both(t: Tumble) -> bool:
    """The same against both kinds of random tumblers."""
    return _steers(t) and not _further_than_either(t) and (t.near > _best_near(t) or _closer_than_both(t))


def _further(t: Tumble) -> bool:
    return _shown(t.distance[-1]) > FURTHER * _shown(t.baseline[-1])


def _closer(t: Tumble) -> bool:
    return _shown(t.distance[-1]) < NEARER * _shown(t.baseline[-1])


def _best_worth(t: Tumble) -> int:
    """The better final worth (as shown) of re-rolling at random on a fair coin and as often as the minds did."""
    return max(_shown(t.quality_random[-1]), _shown(t.quality_matched[-1]))


def _climbs(t: Tumble) -> bool:
    """The minds' ideas end worth at least twice the random re-rollers' and at least 20 points more (as shown),
    against both kinds of random re-rolls."""
    q, r = _shown(t.quality[-1]), _best_worth(t)
    return q >= CLIMB[0] * r and q - r >= CLIMB[1]


def _counted(word: str) -> int:
    return 0 if word.lower() == "none" else int(word)


FINDS = Truth(r"^Steering by nothing but|finds the food", _finds,
              "a quarter or more of the bacteria more than chance end near the food, at under 60% of chance's mean "
              "distance, chance being either kind of random tumbler (on a fair coin, or as often as these tumbled)")
def _much_closer(t: Tumble) -> bool:
    """A mean final distance under 60% of either kind of random tumblers' (as shown, in whole units)."""
    return _shown(t.distance[-1]) < MUCH_NEARER * _best_distance(t)


def _gathered(t: Tumble) -> bool:
    """A quarter of the bacteria or more than either kind of random tumblers end within NEAR of the food."""
    return t.near - _best_near(t) >= GATHER


def _no_further_off(t: Tumble) -> bool:
    """A mean final distance (as shown) no longer than either kind of random tumblers': 'helps' is said only here."""
    return _shown(t.distance[-1]) <= _best_distance(t)


def _under_somewhat(t: Tumble) -> bool:
    """A mean final distance (as shown) under SOMEWHAT of the nearer kind of random tumblers'."""
    return _shown(t.distance[-1]) < SOMEWHAT * _best_distance(t)


def _steering_counts(gain: int, steering: int) -> bool:
    """Steering has a part in a gain (a gain of none or less is no one's)."""
    return gain > 0 and steering > 0


def _parts_quoted(m: re.Match, gain: int, rate: int, steering: int) -> bool:
    """The parts a sentence quotes: all g units, r the rate's and s steering's (g = r + s), or all a units steering's
    where the rate gains nothing on its own."""
    a = m.groupdict().get("a")
    return ((m["g"] is None or (int(m["g"]), int(m["r"]), int(m["s"])) == (gain, rate, steering))
            and (a is None or (int(a) == gain and rate <= 0)))


def _tumble_split(t: Tumble) -> tuple[int, int, int]:
    """From the mean final distances as shown: the gain on a fair coin's random tumblers (theirs less the steering
    bacteria's), tumbling that often's part (theirs less the matched tumblers') and steering's (the matched
    tumblers' less the steering bacteria's)."""
    d, fair, matched = _shown(t.distance[-1]), _shown(t.baseline[-1]), _shown(t.baseline_matched[-1])
    return fair - d, fair - matched, matched - d


def _reroll_split(t: Tumble) -> tuple[int, int, int]:
    """From the final worths as shown: the gain on a fair coin's re-rolls, re-rolling that often's part (the
    matched re-rolls' less the fair coin's) and steering's (the minds' less the matched re-rolls')."""
    q, fair, matched = _shown(t.quality[-1]), _shown(t.quality_random[-1]), _shown(t.quality_matched[-1])
    return q - fair, matched - fair, q - matched


# "Only a little" is said only where both measures are modest: neither much closer on average nor a quarter more at
# the food (either alone is named for what it measures: CLOSER_FEW, GATHERS).
LITTLE = Truth(r"helps (?:only )?a little",
               lambda t: (_helps_both(t) and _no_further_off(t) and not _finds(t) and not _much_closer(t)
                          and not _gathered(t) and not _under_somewhat(t)),
               "there is a gradient to steer by and memory to compare with; more bacteria end near the food than by "
               f"chance or their mean distance is under {NEARER:.0%} of chance's, but it is not under {SOMEWHAT:.0%} "
               f"(nor over chance's) and fewer than a quarter of them more than by chance end near the food; "
               "chance is both kinds of random tumblers, on a fair coin and as often as these tumbled")
CLOSER_FEW = Truth(r"much nearer the food on average, but (?:only (?P<n>\d+)|none) of the 24 ends? within reach of it"
                   r"|nearer, few at the food",
                   lambda t, m: _steers(t) and _much_closer(t) and not _gathered(t)
                   and (m["n"] is None or int(m["n"]) == _shown(t.near * BACTERIA))
                   and ("none" not in m.group(0) or _shown(t.near * BACTERIA) == 0),
                   "there is a gradient to steer by and memory to compare with; the mean final distance is under 60% "
                   "of chance's, but fewer than a quarter of the bacteria more than by chance end within 15 units of "
                   "the food (this many: the steering bacteria within 15 units); chance is both kinds of random "
                   "tumblers")
GATHERS = Truth(r"brings many more bacteria to the food than chance|^more at the food$",
                lambda t: _steers(t) and _gathered(t) and not _much_closer(t)
                and _shown(t.distance[-1]) <= _best_distance(t),
                "there is a gradient to steer by and memory to compare with; a quarter of the bacteria or more than "
                "by chance end within 15 units of the food, but the mean final distance is not under 60% of "
                "chance's (nor longer than it, as shown); chance is both kinds of random tumblers")
SOMEWHAT_TRUTH = Truth(r"run and tumble helps somewhat|^helps somewhat$",
                       lambda t: (_helps_both(t) and _no_further_off(t) and not _finds(t) and not _much_closer(t)
                                  and not _gathered(t) and _under_somewhat(t)),
                       f"as for 'helps only a little', but the mean final distance is under {SOMEWHAT:.0%} of chance's "
                       "(as shown)")
PART_RATE = Truth(r"run and tumble helps less than it seems|^helps less than it seems$|of the (?P<g>\d+) units? they "
                  r"gain on random tumbling, tumbling that often accounts for (?P<r>\d+) and steering for (?P<s>\d+)",
                  lambda t, m: (_helps_fair(t) and not _helps_both(t) and _tumble_split(t)[1] > 0
                                and _steering_counts(_tumble_split(t)[0], _tumble_split(t)[2])
                                and _parts_quoted(m, *_tumble_split(t))),
                  "the bacteria do better than random tumbling on a fair coin but not so against tumbling at random "
                  "as often, and steering accounts for more than a third of the mean distance they gain (as shown); "
                  "the parts quoted are the fair coin's distance less the matched tumblers' and theirs less the "
                  "steering bacteria's")
SEEMS = Truth(r"run and tumble only seems to help|^only seems to help$|how often they tumble, not from steering",
              lambda t: (_helps_fair(t) and not _helps_both(t) and _tumble_split(t)[1] > 0
                         and not _steering_counts(_tumble_split(t)[0], _tumble_split(t)[2])),
              "the bacteria do better than random tumbling on a fair coin (more near the food, or a mean distance "
              "under 90% of it, and not over 110%) but not so against bacteria that tumble at random as often as "
              "they did")
AS_OFTEN = Truth(r"tumble at random just as often \(on (?P<p>[^)]+) of steps\) end at a mean distance of "
                 r"(?P<d>\d+|almost 0), with (?P<n>\d+|none) near it",
                 lambda t, m: (m["p"], m["d"], _counted(m["n"])) == (share(t.tumbles), num(t.baseline_matched[-1]),
                                                                     _shown(t.near_matched * BACTERIA)),
                 "the share of steps the steering bacteria tumbled, and the mean final distance and number near the "
                 "food of bacteria that tumble at random on that share of steps")
MIXED = Truth(r"gives mixed results, more bacteria near the food but further off on average",
              lambda t: _steers(t) and t.near > t.near_random and _shown(t.distance[-1]) > _shown(t.baseline[-1]),
              "there is a gradient to steer by and memory to compare with; more bacteria end near the food than "
              "random tumbling on a fair coin gives, but their mean distance is longer than its (as shown)")
MIXED_BOTH = Truth(r"gives mixed results: more bacteria near the food than both kinds of random tumblers, but further "
                   r"off on average than those that tumble at random just as often",
                   lambda t: (_steers(t) and t.near > _best_near(t)
                              and _shown(t.distance[-1]) > _shown(t.baseline_matched[-1])),
                   "more bacteria end near the food than either kind of random tumbler gives, and their mean distance "
                   "is longer than the as-often tumblers' (as shown)")
SPLIT = Truth(r"gives mixed results, nearer the food on average but fewer bacteria near it",
              lambda t: _steers(t) and t.near < t.near_random and _closer(t),
              "fewer bacteria end near the food than random tumbling on a fair coin gives, but their mean distance "
              "is under 90% of its")
SPLIT_BOTH = Truth(r"gives mixed results: nearer the food on average than both kinds of random tumblers, but with fewer "
                   r"bacteria near it than those that tumble at random (just as often|on a fair coin)",
                   lambda t, m: (_steers(t) and _closer_than_both(t)
                                 and t.near < (t.near_matched if m.group(1) == "just as often" else t.near_random)),
                   "the mean distance is under 90% of the nearer kind of random tumbler's, and fewer bacteria end near "
                   "the food than one kind gives")
MIXED_STATUS = Truth(r"^mixed$", lambda t: (MIXED.holds(t) or MIXED_BOTH.holds(t) or SPLIT.holds(t)
                                            or (_steers(t) and _closer_than_both(t) and t.near < _best_near(t))),
                     "one of the two mixed results above")
FLAT = Truth(r"With a flat dish there is nothing to steer by|nothing to steer by", lambda t: t.rise == 0,
             "the food's concentration does not rise at all from the start ring to the source")
TUMBLE_RATE = Truth(r"comes from how often they tumble, not from the food", lambda t: t.rise == 0 or blind(t),
                    "the dish is flat, or there is no memory, or the bacteria tumbled on every step or none, so what "
                    "they did never depended on the food")
REROLL_RATE = Truth(r"comes from how often they re-roll, not from the ideas' worth",
                    lambda t: blind_thoughts(t) or (t.idea_rise == 0 and num(t.quality[-1]) == num(t.quality_matched[-1])),
                    "there is no memory, or the minds re-rolled on every step or none, or the ideas' worth feels flat "
                    "to them and re-rolling at random as often ends at the same worth, as shown: what they did never "
                    "depended on the ideas' worth")
REROLL_TIMING = Truth(r"comes from how often and when they re-roll, not from the ideas' worth",
                      lambda t: t.idea_rise == 0 and num(t.quality[-1]) != num(t.quality_matched[-1]),
                      "the ideas' worth feels flat to the minds, and re-rolling at random as often ends at another worth, "
                      "as shown: what they did never depended on the ideas' worth, but their timing counts")
BLIND = Truth(r"(?<!thoughts )\bsteers by nothing", blind,
              "no memory (the signal always reads 0), or the bacteria tumbled on every step or none: what they did "
              "never depended on the food")
BLIND_THOUGHTS = Truth(r"steers thoughts by nothing", blind_thoughts,
                       "no memory, or the minds re-rolled on every step or none: what they did never depended on the "
                       "ideas' worth")
REROLLING = Truth(r"they (?:re-roll on (?P<p>[^;.]+?) of steps|(?P<n>never) re-roll|re-roll on every step)",
                  lambda t, m: (t.rerolls == 0 if m["n"] else t.rerolls == 1 if m["p"] is None
                                else 0 < t.rerolls < 1 and m["p"] == share(t.rerolls)),
                  "the share of steps the minds re-rolled")
DRIFT = Truth(r"so each mind keeps varying its idea the same way, (off in a straight line|in nearly straight lines)",
              lambda t, m: t.rerolls < DRIFTING and (m.group(1) == "off in a straight line") == (t.rerolls == 0),
              "the minds re-rolled on under 5% of steps (none at all for 'a straight line')")
FLAT_IDEAS = Truth(r"the ideas' worth feels flat to the minds|nothing to climb by", lambda t: t.idea_rise == 0,
                   "the best idea seems worth no more than where the minds start")
SLOPE_0 = Truth(r"At slope 0", lambda t: t.strength == 0, "the slope toward the food (and the ideas' peak) is 0")
EACH_AT_BEST = Truth(r"Against either kind of random tumbler alone they come out a little ahead, but chance is taken at "
                     r"its best on each count: (none|\d+) near the food \(tumbling at random (as often|on a fair coin)\) "
                     r"and a mean distance of (\d+) \(tumbling at random (as often|on a fair coin)\)",
                     lambda t, m: (_ahead_of(t, t.near_random, t.baseline[-1])
                                   and _ahead_of(t, t.near_matched, t.baseline_matched[-1])
                                   and t.near <= _best_near(t) and _shown(t.distance[-1]) >= NEARER * _best_distance(t)
                                   and m.group(1) == _count_of(_best_near(t)) and int(m.group(3)) == _best_distance(t)
                                   and m.group(2) == ("as often" if t.near_matched > t.near_random else "on a fair coin")
                                   and _shown(t.baseline[-1] if m.group(4) == "on a fair coin" else t.baseline_matched[-1])
                                   == _best_distance(t)),
                     "against each kind of random tumbler alone, the bacteria are better on one count and no more than "
                     "10% further off; against the larger number near the food and the shorter mean distance of the "
                     "two, as quoted and where each comes from, they are no better (nearer by under 10% at most)")
NONE = Truth(r"no better than chance",
             lambda t: ((not _further(t) and t.near <= t.near_random and _shown(t.distance[-1]) >= _shown(t.baseline[-1]))
                        or (not _further_than_either(t) and t.near <= _best_near(t)
                            and _shown(t.distance[-1]) >= _best_distance(t))
                        or (t.near <= t.near_matched
                            and _shown(t.baseline_matched[-1]) <= _shown(t.distance[-1])
                            <= FURTHER * _shown(t.baseline_matched[-1]))),
             "no more bacteria near the food than by chance and a mean distance no shorter than chance's, at most "
             "10% longer (as shown; read on the numbers alone, whatever the settings); chance a fair coin's random "
             "tumbling, the better of both kinds, or those tumbling at random as often alone")
HARDLY_BETTER = Truth(r"hardly better than chance",
                      lambda t: ((t.near <= _best_near(t) and not _closer_than_both(t)
                                     and _shown(t.distance[-1]) < _best_distance(t))
                                 or (t.near <= t.near_matched
                                     and NEARER * _shown(t.baseline_matched[-1]) <= _shown(t.distance[-1])
                                     < _shown(t.baseline_matched[-1]))),
                      "no more bacteria near the food than by chance, and a mean distance shorter than chance's by "
                      "under 10% (as shown; chance a fair coin's random tumbling, the better of both kinds, or those "
                      "tumbling at random as often alone)")
WORSE = Truth(r"worse than chance",
              lambda t: ((_further(t) and t.near <= t.near_random)
                         or (_shown(t.distance[-1]) > FURTHER * _shown(t.baseline_matched[-1])
                             and t.near <= t.near_matched)),
              "against one kind of random tumbler alone (on a fair coin, or as often as these tumbled), a mean "
              "distance over 110% of theirs and no more bacteria near the food")
NEITHER_ALONE = Truth(r"Neither kind of random tumbler alone does better on both counts: those on a fair coin end "
                      r"nearer but with fewer near the food, and those tumbling at random as often end further off",
                      _neither_beats,
                      "more bacteria end near the food than a fair coin's random tumblers give, whose mean distance "
                      "is shorter, and the as-often tumblers' mean distance is longer (as shown)")
NEAR_COUNT = Truth(r"(?P<n>\d+|[Nn]one) of (?:the )?24 bacteria ends?\b",
                   lambda t, m: _counted(m["n"]) == _shown(t.near * BACTERIA),
                   "the number of steering bacteria that end within 15 units of the food")
RANDOM_COUNT = Truth(r"\((?P<n>\d+|none) of them near it\)|random tumbling: (?P<s>\d+|none)\b",
                     lambda t, m: _counted(m["n"] or m["s"]) == _shown(t.near_random * BACTERIA),
                     "the number of random tumblers that end within 15 units of the food")
DISTANCES = Truth(r"mean distance of (?P<a>\d+|almost 0) against (?P<b>\d+)",
                  lambda t, m: (m["a"], m["b"]) == (num(t.distance[-1]), num(t.baseline[-1])),
                  "the steering and random bacteria's mean final distances, in whole units")
TUMBLE_SHARE = Truth(r"tumble on (?P<p>[^;.]+?) of steps|tumbles otherwise \((?P<c>[^)]+)\)",
                     lambda t, m: 0 < t.tumbles < 1 and (m["p"] or m["c"]) == share(t.tumbles),
                     "the share of steps the steering bacteria tumbled, neither none nor all")
NEVER = Truth(r"never tumble|swims off in a straight line", lambda t: t.tumbles == 0,
              "the steering bacteria never tumbled")
ALWAYS = Truth(r"tumble on every step|which is not above the threshold", lambda t: t.tumbles == 1,
               "the steering bacteria tumbled on every step")
HARDLY = Truth(r"hardly ever tumble(?P<off> and swim off)?",
               lambda t, m: 0 < t.tumbles < RARELY and (m["off"] is None or _swim_off(t)),
               f"they tumbled on under {RARELY:.0%} of steps, but did tumble (and, where they are said to swim off, "
               f"end further from the food on average than the {START:.0f} units they started at, as shown)")
SWIM_OFF = Truth(r"swims? off in (?P<one>a )?(?:nearly )?straight lines?",
                 lambda t, m: _swim_off(t) and (t.tumbles == 0 if m["one"] else t.tumbles < RARELY),
                 f"the bacteria end further from the food on average than the {START:.0f} units they started at (as "
                 f"shown), having tumbled on under {RARELY:.0%} of steps (on none, for 'a straight line')")
TIMING = Truth(r"it is when they tumble that counts, since bacteria that tumble at random just as often end at a mean "
               r"distance of (?P<d>\d+)",
               lambda t, m: 0 < t.tumbles < 1 and m["d"] == num(t.baseline_matched[-1]) and _timing_counts(t),
               f"bacteria that tumble at random on the same share of steps end at this mean distance (as shown), and "
               f"the steering bacteria's is under {NEARER:.0%} of it")
NO_MEMORY = Truth(r"With no memory", lambda t: t.memory == 0, "memory is 0")
NOTHING_BETTER = Truth(r"Nothing ever looks better by more than the threshold",
                       lambda t: t.memory > 0 and t.tumbles == 1, "with memory, every step was a tumble")
NOTHING_WORSE = Truth(r"Nothing ever looks worse than the threshold", lambda t: t.memory > 0 and t.tumbles == 0,
                      "with memory, no step was a tumble")
ALMOST_NOTHING = Truth(r"Almost nothing looks worse than the threshold", lambda t: 0 < t.tumbles < RARELY,
                       f"they tumbled on under {RARELY:.0%} of steps, but did tumble")

CLIMBS = Truth(r"climbs to better ideas", lambda t: _climbs(t) and t.idea_rise > 0, "the landscape of ideas is not flat, "
               "and the minds' ideas end worth at least twice the random re-rollers' and 20 points more (both kinds: "
               "on a fair coin, and re-rolling as often as these minds did)")
def _gains_fair(t: Tumble) -> bool:
    """The minds' ideas end worth over 110% of the random re-rollers' (on a fair coin) and at least 2 points more
    (as shown), whatever the settings: a verdict of failure must not stand beside such a gain."""
    q, r = _shown(t.quality[-1]), _shown(t.quality_random[-1])
    return q > GAIN[0] * r and q - r >= GAIN[1]


def _gains(t: Tumble) -> bool:
    """The same gain over both kinds of random re-rolls: on a fair coin, and as often as the minds re-rolled."""
    q, r = _shown(t.quality[-1]), _best_worth(t)
    return q > GAIN[0] * r and q - r >= GAIN[1]


def _bacteria_fail(t: Tumble) -> bool:
    """A flat dish, or no more bacteria near the food than by chance and a mean distance not under 90% of
    chance's (on the numbers, memory or not; chance a fair coin's random tumbling, or, where that one is beaten on
    a count, the better of both kinds): what NONE, WORSE and FLAT may say."""
    return (t.rise == 0 or (t.near <= t.near_random and not _closer(t))
            or ((_helps_fair(t) or _mixed_fair(t)) and t.near <= _best_near(t) and not _closer_than_both(t)))


def _mixed_fair(t: Tumble) -> bool:
    """Against a fair coin's random tumbling, better on one count and worse on the other (more near the food but
    over 110% of its distance, or fewer near it but under 90%)."""
    return _steers(t) and ((t.near > t.near_random and _further(t)) or (t.near < t.near_random and _closer(t)))


def _mind_fails(t: Tumble) -> bool:
    return not _gains_fair(t) and t.idea_rise > 0 and not blind_thoughts(t)


CLIMBS_LITTLE = Truth(r"hardly better than random",
                      lambda t: _mind_fails(t) and _shown(t.quality[-1]) > _shown(t.quality_random[-1]),
                      "the landscape of ideas is not flat, and the minds' ideas end worth more than the random "
                      "re-rollers' (as shown), but no more than 110% of theirs (or under 2 points more)")
MIND_NONE = Truth(r"no better than random",
                  lambda t: _mind_fails(t) and _shown(t.quality[-1]) == _shown(t.quality_random[-1]),
                  "the landscape of ideas is not flat, and the minds' ideas end worth the same as the random "
                  "re-rollers' (as shown)")
MIND_WORSE = Truth(r"worse than random",
                   lambda t: _mind_fails(t) and _shown(t.quality[-1]) < _shown(t.quality_random[-1]),
                   "the landscape of ideas is not flat, and the minds' ideas end worth less than the random "
                   "re-rollers' (as shown)")
CLIMBS_SOMEWHAT = Truth(r"climbs somewhat|rule helps somewhat", lambda t: _gains(t) and not _climbs(t) and t.idea_rise > 0,
                        "the landscape of ideas is not flat (on a flat one any gain is chance, with nothing to climb "
                        "by), and the minds' ideas end worth over 110% of the random re-rollers' and 2 points more, "
                        "short of twice and 20 points more (both kinds of random re-rolls)")
PART_REROLL = Truth(r"rule helps less than it seems|^climbs less than it seems$|of the (?P<g>\d+) points? they gain on random re-rolls, "
                    r"re-rolling that often accounts for (?P<r>\d+) and steering for (?P<s>\d+)|re-rolling that "
                    r"often gains nothing on its own, so steering accounts for all (?P<a>\d+) points?",
                    lambda t, m: (_gains_fair(t) and not _gains(t)
                                  and _steering_counts(_reroll_split(t)[0], _reroll_split(t)[2])
                                  and _parts_quoted(m, *_reroll_split(t))),
                    "the minds gain on a fair coin's re-rolls but not on re-rolling at random as often, and steering "
                    "accounts for more than a third of the worth they gain (as shown), in the parts quoted")
SEEM_TO_CLIMB = Truth(r"rule only seems to help|only seems to climb|how often they re-roll, not from steering",
                      lambda t: _gains_fair(t) and not _gains(t) and not _steering_counts(_reroll_split(t)[0], _reroll_split(t)[2]),
                      "the minds' ideas end worth over 110% of a fair coin's random re-rolls and 2 points more, but not "
                      "so against re-rolling at random as often as these minds did")
REROLL_AS_OFTEN = Truth(r"one that re-rolls at random as often as these minds do \(on (?P<p>[^)]+) of steps\) ends at "
                        r"(?P<q>\d+|almost 0)",
                        lambda t, m: (m["p"], m["q"]) == (share(t.rerolls), num(t.quality_matched[-1])),
                        "the share of steps the minds re-rolled, and the final worth of ideas re-rolled at random on "
                        "that share of steps")
# A verdict of failure on thoughts only where the minds' ideas end no better than random re-rolls, as shown.
THOUGHTS_FAIL = Truth(r"[Oo]n thoughts the (?:same )?rule fails",
                      lambda t: not _gains_fair(t) and _shown(t.quality[-1]) <= _shown(t.quality_random[-1]),
                      "the minds' ideas end worth no more than the random re-rollers' (as shown)")
NOT_CLEARLY_EITHER = Truth(r"does not clearly help either", lambda t: not _gains_fair(t) and _bacteria_fail(t),
                           "the minds' ideas end worth no more than 110% of the random re-rollers' (or under 2 points "
                           "more), and the bacteria gain nothing over random tumbling")
HARDLY_HERE = Truth(r"hardly better than random here",
                    lambda t: not _gains_fair(t) and not _bacteria_fail(t)
                    and _shown(t.quality[-1]) > _shown(t.quality_random[-1]),
                    "the bacteria gain over random tumbling, while the minds' ideas end worth more than the random "
                    "re-rollers' (as shown) but no more than 110% of theirs (or under 2 points more)")
SAME_WORKS = Truth(r"works the same way", lambda t: _climbs(t) and _finds(t), "the minds climb and the bacteria find the food")
BETTER_HERE = Truth(r"does better here", lambda t: _climbs(t) and not _finds(t),
                    "the minds climb while the bacteria do not clearly find the food")
SAME_FAILS = Truth(r"fails in the same way", lambda t: not _gains_fair(t) and _bacteria_fail(t),
                   "neither the minds gain over random re-rolls nor the bacteria over random tumbling")
FAILS_HERE = Truth(r"fails here", lambda t: not _gains_fair(t) and not _bacteria_fail(t),
                   "the bacteria gain over random tumbling but the minds do not over random re-rolls")
WORTH = Truth(r"worth (?P<q>\d+|almost 0) points?(?: on average, against (?P<r>\d+)|)",
              lambda t, m: m["q"] == num(t.quality[-1]) and m["r"] in (None, num(t.quality_random[-1])),
              "the mean worth of the ideas entertained at the end, steered and at random, in whole points")
RANDOM_WORTH = Truth(r"random re-rolls: (?P<r>\d+)", lambda t, m: m["r"] == num(t.quality_random[-1]),
                     "the random re-rollers' ideas' mean worth at the end")
BEST = Truth(r"(?P<n>\d+|[Nn]one) of (?:the )?24 minds ends? near the best idea and (?P<g>\d+|none) near the lesser",
             lambda t, m: (_counted(m["n"]), _counted(m["g"])) == (_shown(t.best * BACTERIA), _shown(t.good * BACTERIA)),
             "the numbers of minds that end within 15 units of the best idea and of the lesser one")
STUCK = Truth(r"can leave a mind stuck", lambda t: _shown(t.good * BACTERIA) > 0, "some minds end near the lesser idea")

TUMBLE_CLAIMS = (
    Claim("chemotaxis", lambda t: chemotaxis_sentence(t),
          truths=(FINDS, LITTLE, SOMEWHAT_TRUTH, CLOSER_FEW, GATHERS, SEEMS, PART_RATE, AS_OFTEN, MIXED, MIXED_BOTH, SPLIT, SPLIT_BOTH, NONE, EACH_AT_BEST, NEITHER_ALONE, WORSE, FLAT, TUMBLE_RATE, NEAR_COUNT, RANDOM_COUNT, DISTANCES, TUMBLE_SHARE, NEVER, ALWAYS,
                  HARDLY, SWIM_OFF, TIMING, NO_MEMORY, NOTHING_BETTER, NOTHING_WORSE, ALMOST_NOTHING, BLIND, HARDLY_BETTER)),
    Claim("thoughts", lambda t: thoughts_sentence(t),
          truths=(SAME_WORKS, BETTER_HERE, CLIMBS_SOMEWHAT, SEEM_TO_CLIMB, PART_REROLL, REROLL_AS_OFTEN, SAME_FAILS, FAILS_HERE, THOUGHTS_FAIL, NOT_CLEARLY_EITHER, HARDLY_HERE, CLIMBS_LITTLE, FLAT_IDEAS, SLOPE_0, WORTH, BEST,
                  STUCK, BLIND_THOUGHTS, REROLL_RATE, REROLL_TIMING, REROLL_AS_OFTEN, REROLLING, NO_MEMORY, DRIFT)),
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


RUN_SPLIT = Truth(r"runs while [^(]+\((?P<a>[^)]+) of steps\) and tumbles otherwise \((?P<b>[^)]+)\)",
                  lambda t, m: 0 < t.tumbles < 1 and _one_whole(m["a"], m["b"], t.tumbles),
                  "the shares of steps the bacteria ran and tumbled, adding up to 100% as shown")
KEEP_SPLIT = Truth(r"keeps varying [^(]+\((?P<a>[^)]+) of steps\) and re-rolls otherwise \((?P<b>[^)]+)\)",
                   lambda t, m: 0 < t.rerolls < 1 and _one_whole(m["a"], m["b"], t.rerolls),
                   "the shares of steps the minds kept and re-rolled, adding up to 100% as shown")
REROLL_SHARE = Truth(r"re-rolls otherwise \((?P<c>[^)]+)\)", lambda t, m: 0 < t.rerolls < 1 and m["c"] == share(t.rerolls),
                     "the share of steps the minds re-rolled, neither none nor all")
NEVER_REROLLS = Truth(r"never re-rolls", lambda t: t.rerolls == 0, "the minds never re-rolled")
ALWAYS_REROLLS = Truth(r"re-rolls on every step", lambda t: t.rerolls == 1, "the minds re-rolled on every step")
NEVER_TUMBLES = Truth(r"never tumbles here", lambda t: t.tumbles == 0, "the steering bacteria never tumbled")
ALWAYS_TUMBLES = Truth(r"tumbles on every step here", lambda t: t.tumbles == 1, "the steering bacteria tumbled on every step")
TUMBLE_TRUTHS = (DOUBLED, RUN_SPLIT, KEEP_SPLIT, BLIND, BLIND_THOUGHTS, HARDLY_BETTER, NONE, WORSE, MIXED_STATUS, CLIMBS, CLIMBS_LITTLE, MIND_NONE,
                 MIND_WORSE, SEEMS, SEEM_TO_CLIMB, RANDOM_WORTH, REROLL_SHARE, NEVER_REROLLS, ALWAYS_REROLLS, NEVER_TUMBLES,
                 ALWAYS_TUMBLES)


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
    data = [{"type": "bar", "orientation": "h", "name": "Innate, right now", "y": y, "x": list(c.innate),
             "customdata": [sgn(v) for v in c.innate],
             "marker": {"color": kit.VERMILION, "pattern": kit.pattern("", kit.VERMILION)},
             "hovertemplate": "%{y}: innate %{customdata}<extra></extra>"},
            {"type": "bar", "orientation": "h", "name": "Learned, where it leads", "y": y, "x": list(c.learned),
             "customdata": [sgn(v) for v in c.learned],
             "marker": {"color": kit.BLUE, "pattern": kit.pattern("/", kit.BLUE)},
             "hovertemplate": "%{y}: learned %{customdata}<extra></extra>"},
            {"type": "scatter", "mode": "markers", "name": "Valence (the sum)", "y": y, "x": list(c.valence),
             "customdata": [sgn(v) for v in c.valence],
             "marker": {"color": kit.INK, "size": 11, "symbol": "diamond"},
             "hovertemplate": "%{y}: valence %{customdata}<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 130, "l": 64, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True,
        barmode="relative", bargap=0.3,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(y)), ticklabelstandoff=6),
        xaxis=kit.axis("valence", range=[-2.6, 1.1], dtick=0.5, zeroline=True, zerolinecolor=kit.INK))}


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
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 110, "l": 56, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("walks so far", range=[0, max(1, len(x) - 1)], rangemode="tozero"),
        yaxis=kit.axis("valence", range=[-2.6, 1.1], dtick=0.5, zeroline=True, zerolinecolor=kit.INK))}


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
    if _as_shown(c.settles) == 0:
        # 0.00 as shown, exactly or a hair either side: one verdict for the same numbers
        fate = ", so the thought gets thrown out for now" if _as_shown(c.idea) < 0 else ""
        return (head + f": at this hunger, distance and effort the walk is worth about nothing either way (with more "
                       f"walks it settles at {sgn(c.settles)}){fate}.{_discounted(c)}")
    if _as_shown(c.settles) < 0:
        fate = ", so the thought gets thrown out" if _as_shown(c.idea) < 0 else ""
        return (head + f": at this hunger, distance and effort the walk is not worth it (with more walks it settles "
                       f"at {sgn(c.settles)}){fate}.{_discounted(c)}")
    return (head + f": the critic has not yet learned how good the end of the walk is; with more walks it settles "
                   f"at {sgn(c.settles)}.")


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
THROWN = Truth(r"the thought gets thrown out", lambda c: _as_shown(c.idea) < 0, "the idea's valence is negative as shown")
NOT_YET = Truth(r"has not yet learned how good the end of the walk is",
                lambda c: c.idea < c.settles and _as_shown(c.settles) > 0 and c.walks > 0,
                "the idea's valence is still below where it settles, which is positive")
EAT_HUNGRY = Truth(r"^Eating the candy while this hungry has valence " + _V,
                   lambda c, m: c.hunger > 0 and c.learned[-1] == 0 and _valence_is(c.eat, m),
                   "eating's valence, all innate, when hungry")
EAT_NOT_HUNGRY = Truth(r"When you are not hungry, eating the candy has valence " + _V,
                       lambda c, m: c.hunger == 0 and c.eat == 0 and _valence_is(c.eat, m), "not hungry: eating has valence 0")
EAT_VALENCE = Truth(r"eating the candy has valence " + _V, lambda c, m: _valence_is(c.eat, m), "eating's valence")

CANDY_CLAIMS = (
    Claim("walk", walk_sentence, truths=(WALK_VALENCE, BEFORE_ANY, AFTER_WALKS, WOULD_FEEL, PULL, UNPLEASANT,
                                         NEUTRAL_WALK, NOT_WORTH, ABOUT_NOTHING, DISCOUNTED, SETTLES, THROWN, NOT_YET)),
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
MERE_PLAN = Truth(r"A mere plan: no innate reaction \(" + _V + r"\)", lambda c, m: c.innate[0] == 0 and _valence_is(0, m),
                  "the idea of the walk has no innate reward")
INNATELY = Truth(r"Eating when this hungry: innately " + _V, lambda c, m: c.hunger > 0 and _valence_is(c.innate[-1], m),
                 "hungry: eating's innate reward")
NOT_HUNGRY_PANEL = Truth(r"Eating when not hungry: innately " + _V, lambda c, m: c.innate[-1] == 0 and _valence_is(0, m),
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


def _by_feeling(c: Concepts, groups: list[tuple[str, ...]]) -> bool:
    return c.weight > 0 and len(groups) > 1 and all(len({c.valence("a", b) > 0 for b in g}) == 1 for g in groups)


def bird_text(c: Concepts, person: str) -> str:
    """What this person's ‘bird’ is, as a phrase."""
    home = c.members(person, "sparrow")
    if set(home) == set(BIRDS):
        return "‘bird’ is one cluster of just the six birds"
    if set(BIRDS) <= set(home):
        return f"the six birds share one cluster with {count(len(home) - len(BIRDS), 'other thing')}"
    groups = bird_groups(c, person)
    feeling = "by feeling " if _by_feeling(c, groups) else ""
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
            return f"{head}: with valence weighted at {fmt_number(c.weight)}, even the birds split by how they feel."
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
        feels = all(len({c.valence_a[NAMES.index(b)] > 0 for b in g}) == 1 for g in parts)
        if m["feel"] and not (c.weight > 0 and feels):
            return False
    return True


BIRD_WHOLE = Truth(_WHO + r", ‘bird’ is one cluster of just the six birds",
                   lambda c, m: all(set(c.members(p, "sparrow")) == set(BIRDS) for p in _people(m["who"])),
                   "that person's (or both people's) cluster holding the sparrow is exactly the six birds")
BIRD_SHARED = Truth(_WHO + r", the six birds share one cluster with (?P<n>\d+) other things?",
                    lambda c, m: all(set(BIRDS) <= set(c.members(p, "sparrow"))
                                     and len(c.members(p, "sparrow")) - 6 == int(m["n"]) for p in _people(m["who"])),
                    "all six birds are in one cluster that holds this many other things too")
BIRD_SPLIT = Truth(_WHO + r", the birds split (?P<feel>by feeling )?into (?P<g>\d+) concepts \((?P<groups>[^)]*)\)",
                   _bird_groups_hold, "the birds fall into this many concepts, in these groups; 'by feeling': valence "
                   "counts and every group is all liked or all disliked")
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
                                         NOTHING_LIKE, SPLIT_NEXT, SPLIT_FROM, SPLIT_EACH, ONLY_K, WEIGHTED, NATURAL,
                                         ORDINARY)),
    Claim("cult", cult_sentence, truths=(CULT_IS_RELIGION, CULT_ALONE, CULT_HOLDS, LIKED_IN, ALL_DISLIKED, SIBLING,
                                         FOLLOWS_FEELINGS, FOLLOWS_LOOKS, NOT_CARVED, ORDINARY)),
    Claim("religion", religion_sentence, truths=(REL_BIRDS, NOT_FOR_BOTH, NOTHING_TO_COMPARE, B_CULT, REL_SAME, MEAN_SAME, REL_COUNTS, ONLY_A, ONLY_B,
                                                 SCIENTOLOGY, PAST, ONLY_K)),
)
CONCEPTS_TRUTHS = (REL_COUNTS, NOT_FOR_BOTH, NOTHING_TO_COMPARE, DOUBLED)


# --- Summaries, tables, live numbers, panels ---------------------------------------------------------

def tumble_summary(t: Tumble) -> str:
    return (f"{upper_first(ending(t.near, 'bacteria'))} near the food (random tumbling: {_count_of(t.near_random)}); "
            f"thoughts end worth {points(t.quality[-1])} (random re-rolls: {num(t.quality_random[-1])}).")


def tumble_table(t: Tumble) -> Table:
    rows = tuple((str(i), num(t.distance[i]), num(t.baseline[i]), num(t.baseline_matched[i // 10]), num(t.quality[i]),
                  num(t.quality_random[i]), num(t.quality_matched[i // 10])) for i in range(0, STEPS + 1, 50))
    return Table("Every 50 steps: mean distance of the bacteria to the food, and mean worth of the ideas entertained, "
                 "steered by the signal, at random, and at random just as often as the steered ones tumble or re-roll",
                 ("Step", "Distance, run and tumble", "Distance, random", "Distance, random as often",
                  "Idea's worth, kept while improving", "Idea's worth, random", "Idea's worth, random as often"), rows)


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
    """The drawing's verdict on minds the rule fails: how their ideas end against random re-rolls (as shown)."""
    q, r = _shown(t.quality[-1]), _shown(t.quality_random[-1])
    return "worse than random" if q < r else "no better than random" if q == r else "hardly better than random"


def tumble_panel(t: Tumble, values: Mapping[str, Any]) -> dict[str, Any]:
    bacterium = _did(t.tumbles, "runs while the food seems to be getting stronger by more than the threshold",
                     "never tumbles here", "tumbles on every step here", "tumbles otherwise")
    mind = _did(t.rerolls, "keeps varying a thought the same way while it seems to be improving by more than the "
                "threshold", "never re-rolls here", "re-rolls on every step here", "re-rolls otherwise")
    def boxed(text: str) -> str:        # in the drawing's narrow boxes: '<1%', '>99%'
        return text.replace("under ", "<").replace("over ", ">")
    run, tumble = steps_split(t.tumbles) if 0 < t.tumbles < 1 else (share(1 - t.tumbles), share(t.tumbles))
    keep, reroll = steps_split(t.rerolls) if 0 < t.rerolls < 1 else (share(1 - t.rerolls), share(t.rerolls))
    return {"run": boxed(run), "tumble": boxed(tumble), "keep": boxed(keep), "reroll": boxed(reroll), "status": status(t),
            "mind_status": ("steers thoughts by nothing" if t.memory == 0 else
                            "nothing to climb by" if t.idea_rise == 0 else     # as the bacterium's flat dish
                            "steers thoughts by nothing" if blind_thoughts(t) else
                            "climbs to better ideas" if thoughts_help(t) else "climbs somewhat" if thoughts_gain(t)
                            else ("only seems to climb" if reroll_only(t) else "climbs less than it seems")
                            if thoughts_seem(t) else mind_fails(t)),
            "caption": f"One rule, two systems. A bacterium {bacterium}. A mind {mind}."}


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
               "rows": [["valence guess", sgn(guess)], ["“I'll eat candy soon”", ""], ["“My legs will ache”", ""]],
               "steer": f"A mere plan: no innate reaction ({sgn(innate)}). The guess goes through.",
               "valence": sgn(total)}
        lit = ("generator", "assessors", "w_thought", "w_guesses", "w_valence")
    else:
        say = {"thought": "“Eat the candy!”",
               "rows": [["valence guess", sgn(guess)], ["“I'll taste sugar”", ""], ["“I'll be full”", ""]],
               "steer": (f"Eating when this hungry: innately {sgn(innate)}, learned or not." if _as_shown(innate) > 0
                         else f"Eating when not hungry: innately {sgn(innate)}."),
               "valence": sgn(total)}
        lit = ("generator", "steering", "w_truth", "w_valence")
    # What trains what in this model, true at every state: the valence guess is the learned value of where a thought
    # leads, and nothing comes after eating.
    say["targets"] = ("here the valence guess is trained toward the reward still to come after a thought: nothing "
                      "comes after eating, so the guess for eating stays at zero and eating's valence is all innate")
    return {"say": say, "lit": lit, "targets_sentence": upper_first(say["targets"]) + ".",
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
    near_food_random: float = Field(description="The same for bacteria that tumble at random.")
    final_distance: float = Field(description="Mean final distance to the food, steering bacteria.")
    final_distance_random: float = Field(description="Mean final distance to the food, random tumblers.")
    tumble_share: float = Field(description="Share of steps the steering bacteria spent tumbling.")
    idea_worth: float = Field(description="Mean worth (points) of the ideas entertained at the end, steered by valence.")
    idea_worth_random: float = Field(description="The same when the Thought Generator re-rolls at random.")
    near_food_matched: float = Field(description="Share near the food at the end of bacteria that tumble at random "
                                                 "as often as the steering ones did.")
    final_distance_matched: float = Field(description="Their mean final distance to the food.")
    idea_worth_matched: float = Field(description="Mean worth of the ideas at the end when the Thought Generator "
                                                  "re-rolls at random as often as the steering minds did.")
    best_idea: float = Field(description="Share of minds ending near the best idea.")
    good_idea: float = Field(description="Share of minds ending near the lesser good idea.")
    claims: dict[str, str]


def tumble_api(values: Mapping[str, Any], t: Tumble) -> dict:
    return {"near_food": t.near, "near_food_random": t.near_random,
            "final_distance": t.distance[-1], "final_distance_random": t.baseline[-1], "tumble_share": t.tumbles,
            "idea_worth": t.quality[-1], "idea_worth_random": t.quality_random[-1], "best_idea": t.best,
            "good_idea": t.good, "near_food_matched": t.near_matched, "final_distance_matched": t.baseline_matched[-1],
            "idea_worth_matched": t.quality_matched[-1], "claims": {c.id: c.say(t) for c in TUMBLE_CLAIMS}}


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

