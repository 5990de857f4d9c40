"""Presenters for the reward-function-design page: pure functions of the models' results."""
from __future__ import annotations

import math
import re
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app import wording
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, join_and, plural, rounded, upper_first

from . import reversi
from .model import AGENTS, GRID, KINDS, LAST, TEMPERATURE, TRIALS, Board, Lying

# ---- Lying ---------------------------------------------------------------------------------------

KIND_SHORT = {"behaviour": "Behaviour only", "probe": "With probe"}
SITUATIONS = ("watched", "unwatched")
MARKERS = {"watched": "circle", "unwatched": "square-open"}
LINE = {"behaviour": {"color": kit.VERMILION, "dash": "solid", "width": 3},
        "probe": {"color": kit.BLUE, "dash": "dash", "width": 3}}


num = wording.num          # halves rounded away from zero (wording.rounded), as a reader rounds


def pct(share: float) -> str:
    """A share (0-1) as a whole percentage, halves rounded up: 0.125 -> '13%'; a share that is not all never reads
    '100%', nor one that is not none '0%' (0.995 -> 'over 99%', 0.004 -> 'under 1%': wording.share); one under half
    that would read 50% gets the decimals that keep it under (0.496 -> '49.6%': wording.pct_beside)."""
    return wording.pct_beside(share, 0.5) if share < 0.5 <= wording.points(share) / 100 else wording.share(share)


def signed_text(x: float, places: int) -> str:
    """A value whose sign carries meaning, as shown: '+3', '−2.5', '0' (places: at most this many decimals,
    trailing zeros dropped; zero has no sign). The wording kit's num does the rounding."""
    text = num(abs(x), places, tiny=False)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "0" else ("+" if x > 0 else "−") + text


def points(x: float) -> str:
    """A points figure: 3 -> '+3', -2.5 -> '−2.5', 0 -> '0'."""
    return signed_text(x, 1)


def pts(x: float) -> str:
    """A signed number of points with its noun: '+1 point', '−4 points'."""
    text = points(x)
    return f"{text} {plural(1 if text in ('+1', '−1') else 2, 'point')}"


def habit(share: float) -> str:
    return "honest" if wording.points(share) < 20 else "lies" if wording.points(share) > 80 else "mixed"


HABIT_WORDS = {"honest": "mostly honest", "lies": "mostly lying", "mixed": "mixed"}
KIND_TITLES = {"behaviour": "Behaviourist reward", "probe": "Reward plus probe"}


# Both charts read alike: the rewards named at their lines' ends, the situations' markers in one line of legend at
# the top (issue 34: label directly, no bottom legends).
END_NAMES = {"behaviour": "behaviourist", "probe": "with probe"}
TOP_LEGEND = {"orientation": "h", "yref": "container", "y": 1, "yanchor": "top", "x": 0, "xref": "container"}
Y_RANGE = (-0.04, 1.04)


def _chart_layout(xaxis: dict, annotations: list[dict]) -> dict:
    return kit.layout(margin={"t": 30, "b": 46, "l": 56, "r": 14}, legend=TOP_LEGEND, showlegend=True,
                      annotations=annotations, xaxis=xaxis, yaxis=kit.axis("share of lies", tickformat=".0%",
                                                                             range=list(Y_RANGE)))


def _ends(lines: dict[str, dict]) -> list[dict]:
    """Each reward's name at the end of its line (in the training chart, the one of its two lines that ends higher),
    6 px further from the line than the kit puts it: clear of a 13 px situation marker on the line."""
    labels = kit.end_labels(list(lines.values()), [END_NAMES[k] for k in lines], y_range=Y_RANGE)
    # A name above a line that ends near the top would run into the legend there: it goes under its line instead.
    for a in labels:
        if a["yanchor"] == "bottom" and a["y"] > 0.8:
            a.update(yanchor="top", yshift=-4)
    under = sorted((a for a in labels if a["yanchor"] == "top"), key=lambda a: -a["y"])
    for upper, lower in zip(under, under[1:]):       # two names under close ends: the lower one a line further down
        if upper["y"] - lower["y"] < 0.12:
            lower["yshift"] = min(lower["yshift"], upper["yshift"] - 18)
    return [{**a, "yshift": a["yshift"] + (6 if a["yanchor"] == "bottom" else -6)} for a in labels]


def threshold_figure(r: Lying) -> dict:
    x = [round(100 * d) for d in GRID]
    data, lines = [], {}
    for kind in KINDS:
        # The hover reads each share as the sentences write it (pct): 'over 99%', never '100%' for less than all.
        lines[kind] = {"type": "scatter", "mode": "lines", "name": KIND_SHORT[kind], "x": x, "showlegend": False,
                       "y": [round(v, 4) for v in r.lies[kind]], "line": LINE[kind],
                       "customdata": [pct(v) for v in r.lies[kind]],
                       "hovertemplate": KIND_SHORT[kind] + ": lies %{customdata}<extra>caught %{x}%</extra>"}
        data.append(lines[kind])
    for s in SITUATIONS:
        d = _detect(r, s)
        data.append({"type": "scatter", "mode": "markers", "name": upper_first(s),
                     "x": [round(100 * d)] * 2, "y": [r.at(k, s) for k in KINDS],
                     "customdata": [[pct(r.at(k, s)), KIND_SHORT[k].lower()] for k in KINDS],
                     "marker": {"symbol": MARKERS[s], "size": 13, "color": kit.INK, "line": {"width": 2.5, "color": kit.INK}},
                     "hovertemplate": upper_first(s) + ", %{customdata[1]}: lies %{customdata[0]}<extra>caught %{x}%</extra>"})
    return {"data": data, "layout": _chart_layout(
        kit.axis("chance a lie is caught", range=[-3, 103], ticksuffix="%", dtick=25, ticklabelstandoff=6), _ends(lines))}


def learning_figure(r: Lying) -> dict:
    blocks = len(r.curves["behaviour"]["watched"])
    x = [20 * i + 10 for i in range(blocks)]
    data = []
    for kind in KINDS:
        for s in SITUATIONS:
            data.append({"type": "scatter", "mode": "lines+markers", "name": f"{upper_first(s)}, {KIND_SHORT[kind].lower()}",
                         "x": x, "y": [round(v, 4) for v in r.curves[kind][s]], "showlegend": False,
                         "customdata": [pct(v) for v in r.curves[kind][s]],
                         "line": {**LINE[kind], "width": 2.5 if s == "watched" else 3.5},
                         "marker": {"symbol": MARKERS[s], "size": 8, "color": LINE[kind]["color"]},
                         "hovertemplate": f"{upper_first(s)}, {KIND_SHORT[kind].lower()}: "
                                          "%{customdata}<extra>chances %{x}±10</extra>"})
    # The situations' markers, for the legend only (no data: the lines carry them in their reward's colour).
    keys = [{"type": "scatter", "mode": "markers", "name": upper_first(s), "x": [None], "y": [None],
             "hoverinfo": "skip", "marker": {"symbol": MARKERS[s], "size": 10, "color": kit.INK,
                                             "line": {"width": 2, "color": kit.INK}}} for s in SITUATIONS]
    higher = {kind: max((t for t in data if t["line"]["color"] == LINE[kind]["color"]), key=lambda t: t["y"][-1])
              for kind in KINDS}
    return {"data": data + keys, "layout": _chart_layout(
        kit.axis("chances to lie so far", range=[0, TRIALS], dtick=100, ticklabelstandoff=6), _ends(higher))}


def _other(situation: str) -> str:
    return "unwatched" if situation == "watched" else "watched"


def _certain(r: Lying, detect: float) -> bool:
    """A lie's payoff there is the same every time: never caught or always, or no penalty when it is."""
    return r.penalty == 0 or detect in (0.0, 1.0)


def _zero(r: Lying, s: str, kind: str = "behaviour") -> bool:
    """A lie in situation s is worth 0 points against the truth, as shown, under reward `kind`."""
    return rounded(r.worth(kind, _detect(r, s)), 1) == 0


def _coin_toss(r: Lying, s: str) -> bool:
    """In situation s a lie always pays just what the truth does (worth 0 and a certain payoff: the agents' values
    stay level), so its share of lies there, over 20% as shown and not beyond chance over half, is a coin toss."""
    return (_zero(r, s) and _certain(r, _detect(r, s)) and wording.points(r.at("behaviour", s)) > 20
            and not _over_half(r, "behaviour", s))


def _chance_where(r: Lying, s: str) -> bool:
    """Situation s is a coin toss and the other is not: the sentence calls the one chance and says what the other
    taught, whichever of the two is the likelier to be caught."""
    o = _other(s)
    return _coin_toss(r, s) and not _coin_toss(r, o) and not _zero(r, o) and _detect(r, s) != _detect(r, o)


def _beside_chance(r: Lying, o: str, here: str) -> str:
    """What the agents did in situation o, beside a coin toss in the other."""
    more = _detect(r, o) > _detect(r, _other(o))
    share = wording.points(r.at("behaviour", o))
    if more and share < 20:
        likely = "likely" if _detect(r, o) > 0.5 > _detect(r, _other(o)) else "more likely"
        return f"it learned to be honest where it is {likely} to be caught{here}."
    if not more and share > 80:
        likely = "not likely" if _detect(r, o) < 0.5 < _detect(r, _other(o)) else "less likely"
        return f"it learned to lie where it is {likely} to be caught{here}."
    worth = r.worth("behaviour", _detect(r, o))
    lie, truth = r.values["behaviour"][o]
    yet = ("" if _follows(r, o) else
           f", yet its agents learned to expect {points(lie)} from a lie there against {points(truth)} from the truth")
    return (f"where it is {'more' if more else 'less'} likely to be caught{here}, a lie {'gains' if worth > 0 else 'loses'} "
            f"on average and it lies in {pct(r.at('behaviour', o))} of chances{yet}.")


def _learned_at_zero(r: Lying, s: str) -> str:
    """Where a lie is worth just what the truth is on average, what its agents learned to expect decides the habit."""
    lie, truth = r.values["behaviour"][s]
    return (f"{s}, where a lie is worth just what the truth is on average, its agents learned to expect {points(lie)} "
            f"from a lie against {points(truth)} from the truth, and lie in {pct(r.at('behaviour', s))} of chances")


def caught_sentence(r: Lying) -> str:
    w, u = wording.points(r.at("behaviour", "watched")), wording.points(r.at("behaviour", "unwatched"))
    head = (f"With a reward that sees only behaviour, the trained agent lies in {pct(r.at('behaviour', 'watched'))} of "
            f"chances when watched (a lie caught {pct(r.watched)} of the time) and "
            f"{pct(r.at('behaviour', 'unwatched'))} when unwatched (caught {pct(r.unwatched)}). "
            f"A lie is penalised only if caught, so on average it is worth {pts(r.worth('behaviour', r.watched))} "
            f"watched and {pts(r.worth('behaviour', r.unwatched))} unwatched")
    chance = [s for s in SITUATIONS if _chance_where(r, s)]
    if chance:
        s = chance[0]
        o = _other(s)
        # the usual layout (watched the likelier to be caught) reads without naming the situations
        usual = _detect(r, "watched") > _detect(r, "unwatched")
        here, there = ("", "") if usual else (f", here when {o}", f", when {s}")
        said = pct(r.at("behaviour", s))
        if _detect(r, s) < _detect(r, o):
            where = "is not" if _detect(r, o) > 0.5 > _detect(r, s) else "is less likely to be"
            why = f"Where it {where}{there}, a lie is worth just what the truth is, so its {said}"
        else:
            why = (f"Where it is always caught{there}, the penalty takes back just what a lie gains, so a lie pays what "
                   f"the truth does, and its {said}")
        return head + f": {_beside_chance(r, o, here)} {why} there is chance, not a learned habit of lying."
    off = [s for s in SITUATIONS if not _follows(r, s)]
    # Where a situation's habit goes against the sign of a lie's average worth, the sentence says why.
    yet = _yet(r, off) if off else "."
    if w < 20 and u > 80 and r.unwatched < r.watched and r.worth("behaviour", r.unwatched) > 0:
        if r.watched > 0.5 > r.unwatched:
            return head + ": it learned to be honest where it is likely to be caught and to lie where it is not" + yet
        return head + (": it learned to be honest where it is more likely to be caught and to lie where it is less "
                       "likely" + yet)
    if u - w >= 30 and r.unwatched < r.watched:
        return head + ": it lies more where it is less likely to be caught" + yet
    if w - u >= 30 and r.watched < r.unwatched:
        return head + (": here lies are caught more often when unwatched, so it lies more when watched. How often it "
                       "lies follows the chance of being caught, not the label" + yet)
    if max(w, u) < 20:
        gains = [s for s in SITUATIONS if r.worth("behaviour", _detect(r, s)) > 0 and not _zero(r, s)]
        zeros = [s for s in SITUATIONS if _zero(r, s)]
        if not gains and zeros:
            return head + f": honesty is its habit in both; {'; '.join(_learned_at_zero(r, z) for z in zeros)}."
        if not gains:
            return head + (": honesty is its habit in both, because at these settings a caught lie is likely enough "
                           "and costly enough to make lying a loss on average.")
        if len(gains) == 1:
            s = gains[0]
            lie, truth = r.values["behaviour"][s]
            return head + (f": honesty is its habit in both, though {s} a lie would gain on average. Its agents learned "
                           f"to expect {points(lie)} from a lie there against {points(truth)} from the truth, and an agent "
                           f"that no longer lies no longer finds out.")
        (lw, tw), (lu, tu) = r.values["behaviour"]["watched"], r.values["behaviour"]["unwatched"]
        expect = (f"{points(lw)} from a lie in each against {points(tw)} from the truth"
                  if (points(lw), points(tw)) == (points(lu), points(tu)) else
                  f"{points(lw)} from a lie watched and {points(lu)} unwatched, against {points(tw)} and {points(tu)} "
                  f"from the truth")
        return head + (f": honesty is its habit in both, though in both a lie would gain on average. Its agents learned "
                       f"to expect {expect}, and an agent that no longer lies no longer finds out.")
    if min(w, u) > 80:
        return head + ": it lies in both, because at these settings being caught is too rare or too cheap."
    if not off:
        more = max(SITUATIONS, key=lambda s: wording.points(r.at("behaviour", s)))
        worse = min(SITUATIONS, key=lambda s: r.worth("behaviour", _detect(r, s)))
        # More lies where a lie is worth less, said only as the figures show it: shares that read apart.
        if (wording.points(r.at("behaviour", more)) == wording.points(r.at("behaviour", _other(more)))
                or r.worth("behaviour", r.watched) == r.worth("behaviour", r.unwatched) or more != worse):
            zeros = [x for x in SITUATIONS if _zero(r, x)]
            if zeros:
                return head + f": {'; '.join(_learned_at_zero(r, z) for z in zeros)}."
            return head + _as_its_average(r)
        # More lies where a lie is worth less is scatter among the agents: their learned values rank the two
        # situations as the worths do, so the gap is not said.
        for side, test in (("more", _over_half), ("fewer", _under_half)):
            if all(test(r, "behaviour", s) for s in SITUATIONS):
                return head + f": in both it lies in {side} than half its chances, as the sign of that average says."
        return head + _as_its_average(r)
    return head + _yet(r, off)


def _as_its_average(r: Lying) -> str:
    """Where each situation's share of lies is on the side of half that a lie's average worth there says: a habit
    only where both are one, as the drawing names it (under 20% or over 80%), else which side of half each is on."""
    shares = {s: wording.points(r.at("behaviour", s)) for s in SITUATIONS}
    if all(x < 20 or x > 80 for x in shares.values()):
        return ": its habit in each situation follows that average."
    more = [s for s in SITUATIONS if _over_half(r, "behaviour", s)]
    fewer = [s for s in SITUATIONS if _under_half(r, "behaviour", s)]
    for side, alike in (("more", more), ("fewer", fewer)):
        if len(alike) == 2:
            return f": in both it lies in {side} than half its chances, as the sign of that average says."
    if len(more) == 1 and len(fewer) == 1:
        return (f": it lies in more than half its chances when {more[0]}, where a lie gains on average, and in fewer "
                f"than half when {fewer[0]}, where it loses.")
    near = [s for s in SITUATIONS if s not in more + fewer]
    if len(near) == 2:
        return ": its shares in both are within chance of half in this run."
    s, o = (more or fewer)[0], near[0]
    return (f": it lies in {'more' if more else 'fewer'} than half its chances when {s}, where a lie "
            f"{'gains' if more else 'loses'} on average; its {pct(r.at('behaviour', o))} when {o} is within chance of "
            f"half in this run.")


def _both_expected(r: Lying, m: re.Match) -> bool:
    """The learned values a 'though in both' phrase quotes: one pair for both situations, or watched's and unwatched's."""
    (lw, tw), (lu, tu) = r.values["behaviour"]["watched"], r.values["behaviour"]["unwatched"]
    if m.group(1) is not None:
        return all(_pts_is(m.group(1), lie) and _pts_is(m.group(2), truth) for lie, truth in ((lw, tw), (lu, tu)))
    return all(_pts_is(q, v) for q, v in zip(m.group(3, 4, 5, 6), (lw, lu, tw, tu)))


def _learned_keener(r: Lying, s: str) -> bool:
    """The agents learned to expect more from a lie, against the truth, in situation s than in the other."""
    def edge(x: str) -> float:
        lie, truth = r.values["behaviour"][x]
        return lie - truth
    return edge(s) > edge(_other(s))


def _yet(r: Lying, off: list[str]) -> str:
    """Why the habit goes against the sign of a lie's average worth in each situation of `off` (the one where that
    worth is furthest from 0 first, 'Yet …', then 'And …'): what its agents learned to expect there."""
    order = sorted(off, key=lambda s: -abs(r.worth("behaviour", _detect(r, s))))
    return "".join(_yet_one(r, s, "Yet" if i == 0 else "And") for i, s in enumerate(order))


def _yet_one(r: Lying, s: str, word: str) -> str:
    lead = ". " if word == "Yet" else " "
    worth = r.worth("behaviour", _detect(r, s))
    lie, truth = r.values["behaviour"][s]
    values = f"its agents learned to expect {points(lie)} from a lie there against {points(truth)} from the truth"
    if worth > 0:
        lies, told = wording.points(r.at("behaviour", s)), points(lie) != points(truth) and lie < truth
        why = (", so they seldom try a lie and seldom learn that it pays" if told and lies < 20
               else ", so they lie less often than not, and an agent learns what a lie is worth only by lying"
               if told and _under_half(r, "behaviour", s)
               else ", two values too close to settle the habit either way" if _too_close(r, s) else "")
        return (f"{lead}{word} {s}, where a lie gains on average, it lies in {pct(r.at('behaviour', s))} of chances: "
                f"{values}{why}.")
    why = ", an estimate above the exact average" if lie - truth > worth else ""
    return (f"{lead}{word} {s}, where a lie loses on average, it lies in {pct(r.at('behaviour', s))} of chances: "
            f"{values}{why}.")


def _follows(r: Lying, s: str) -> bool:
    """The habit in a situation matches the sign of a lie's average worth there, as shown: most chances a lie
    where it gains on average, few where it loses (either, where it is worth exactly 0)."""
    worth, lies = rounded(r.worth("behaviour", _detect(r, s)), 9), wording.points(r.at("behaviour", s))
    return lies > 50 if worth > 0 else lies < 50 if worth < 0 else True


def _shown(x: float) -> float:
    """A points figure as the sentence shows it: one decimal, halves away from zero."""
    return rounded(x, 1) + 0.0


def _than(x: float, noun: bool = True) -> str:
    """A shown difference from the truth: '2.9 points less', '1 point more' ('1.5 less' without the noun); 'as much'
    for 0."""
    if x == 0:
        return "as much"
    amount = num(abs(x), 1, tiny=False)
    amount = amount.rstrip("0").rstrip(".") if "." in amount else amount
    unit = f" {plural(1 if amount == '1' else 2, 'point')}" if noun else ""
    return f"{amount}{unit} {'less' if x < 0 else 'more'}"


UNTOLD = "too small to tell from chance (within two standard errors of the gap)"


def _rise(r: Lying, s: str) -> float:
    """How many points of share lies rose in s with the probe, from the model's exact shares."""
    return 100 * (r.at("probe", s) - r.at("behaviour", s))


def _noise_band(r: Lying, s: str) -> float:
    """Two standard errors of the difference between the two kinds' shares of lies in s, in points of share."""
    return 200 * math.hypot(r.scatter["probe"][s], r.scatter["behaviour"][s])


def _chance_up(r: Lying, s: str) -> bool:
    """Lies rose in s (`_rises`), by no more than two standard errors of the difference (exact shares)."""
    return _rises(r, s) and rounded(_rise(r, s), 9) <= rounded(_noise_band(r, s), 9)


def _hidden_of_lies(r: Lying, s: str) -> float:
    """The share of its lies in situation s that are hidden from the probe (0 where it tells none)."""
    lies = r.hidden[s] + r.plain[s]
    return r.hidden[s] / lies if lies > 0 else 0.0


def hidden_text(r: Lying, s: str) -> str:
    """The share of its lies in s hidden from the probe, as every sentence and cell writes it (`pct`)."""
    return pct(_hidden_of_lies(r, s))


def _half(share: float) -> str:
    """A share of lies as the widget writes every share (`pct`)."""
    return pct(share)


def _honesty_wins(r: Lying) -> bool:
    """With the probe it lies in under 20% of chances in both situations (as shown), where honesty lost somewhere
    without it (`_lost`)."""
    return _few(r.at("probe", "watched")) and _few(r.at("probe", "unwatched")) and any(_lost(r, s) for s in SITUATIONS)


def _over_half(r: Lying, kind: str, s: str) -> bool:
    """Under reward `kind` it lies in more than half its chances in s by more than two standard errors of its share
    (the agents' scatter): the one test behind every loss for honesty, 'still', 'now wins' and 'chance' here."""
    share = r.at(kind, s)
    return share > 0.5 and rounded(share - 0.5, 9) > rounded(2 * r.scatter[kind][s], 9)


def _under_half(r: Lying, kind: str, s: str) -> bool:
    """Under reward `kind` it lies in fewer than half its chances in s by more than two standard errors of its share."""
    share = r.at(kind, s)
    return share < 0.5 and rounded(0.5 - share, 9) > rounded(2 * r.scatter[kind][s], 9)


def _clear_loss(r: Lying, s: str) -> bool:
    """With the probe, honesty loses in s: more than half its chances are lies, beyond chance (`_over_half`)."""
    return _over_half(r, "probe", s)


def _near_half(r: Lying, s: str) -> bool:
    """With the probe it lies in more than half its chances in s, by no more than two standard errors of its share."""
    share = r.at("probe", s)
    return share > 0.5 and not _clear_loss(r, s)


def _change_part(r: Lying) -> str:
    """How its shares with the probe stand to those without it, with the chance note for a change within noise."""
    bw_, bu_ = pct(r.at("behaviour", "watched")), pct(r.at("behaviour", "unwatched"))
    without = f"{bw_} in both" if bw_ == bu_ else f"{bw_} and {bu_}"
    the = "" if bw_.startswith(("under ", "over ")) else "the "
    if _all_alike(r):
        return f", about as seldom as without the probe ({without})"
    more = [s for s in SITUATIONS if _rises(r, s)]
    fewer = [s for s in SITUATIONS if _falls(r, s)]
    if more and fewer:
        text = f", against {the}{without} without the probe: down when {fewer[0]}, up when {more[0]}"
    elif more or fewer:
        changed, way = (more, "up") if more else (fewer, "down")
        text = (f", {way} from {the}{without} without the probe" if len(changed) == 2
                else f", against {the}{without} without the probe: {way} when {changed[0]}")
    else:
        return ""
    ups = [s for s in SITUATIONS if _chance_up(r, s)]
    downs = [s for s in SITUATIONS if _chance_down(r, s)]
    if ups and downs:
        return text + f"; both changes are {UNTOLD}"
    if len(ups) == 2 or len(downs) == 2:
        return text + f"; the {'rise' if ups else 'fall'} is {UNTOLD}"
    if ups or downs:
        return text + f"; the {'rise' if ups else 'fall'} when {(ups or downs)[0]} is {UNTOLD}"
    return text


def _split_part(r: Lying) -> str:
    """Where it can hide: the share of its lies hidden from the probe wherever it lies in 20% or more of its chances,
    and what a hidden lie is worth beside a plain one (a fact of the payoffs)."""
    named = [s for s in SITUATIONS if not _few(r.at("probe", s))]
    if not r.hide or not named:
        return ""
    if r.watched == r.unwatched:
        text = f" Of its lies in each situation, {hidden_text(r, named[0])} are hidden from the probe"
    else:
        text = f" Of its lies when {named[0]}, {hidden_text(r, named[0])} are hidden from the probe"
        text += "".join(f"; when {s}, {hidden_text(r, s)}" for s in named[1:])
    if r.accuracy == 0.5:
        return text + "; a 50% probe flags hidden and plain lies alike."
    edge = _than(_shown(r.probe_edge_of_hiding()))
    return text + (f"; a hidden lie, flagged {pct(1 - r.accuracy)} of the time (a plain one {pct(r.accuracy)}), "
                   f"is worth {edge} {'as' if edge == 'as much' else 'than'} a plain one on average.")


def probe_sentence(r: Lying) -> str:
    head = (f"Add the probe ({pct(r.accuracy)} accurate), and it lies in {pct(r.at('probe', 'watched'))} of chances "
            f"when watched and {pct(r.at('probe', 'unwatched'))} when unwatched")
    if r.penalty == 0:
        return head + ". With no penalty, a flag costs nothing, so the probe takes nothing from any answer." + _no_penalty_gap(r)
    head += _change_part(r)
    reads = (f"{pct(r.accuracy)} of plain lies and {pct(1 - r.accuracy)} of hidden ones and of honest answers"
             if r.hide else f"{pct(r.accuracy)} of lies and {pct(1 - r.accuracy)} of honest answers")
    flagging = f"flagging {reads}"
    split = _split_part(r)
    if _honesty_wins(r):
        alarms = (f"false alarms cost an honest answer {pts(r.penalty * (1 - r.accuracy)).lstrip('+')} on average"
                  if r.accuracy < 1 else "a perfect probe raises no false alarms")
        return head + (f". The probe reads intent whether anyone watches or not ({flagging}), so it is now mostly "
                       f"honest in both; {alarms}.{split}")
    # where it can hide, the split says what the probe flags
    text = head + ("." if split else (". The probe" if ";" in head else "; the probe") + f" flags {reads}.")
    # with hiding possible, the better way to lie is a hidden one
    a_lie = "a hidden lie" if r.hide else "a lie"
    losing = [s for s in SITUATIONS if _clear_loss(r, s)]
    if losing:
        still = " still" if all(_lost(r, s) for s in losing) else ""
        if len(losing) == 2:
            where = "in both"
            worth = (f"{a_lie} is worth {pts(r.worth('probe', r.watched))} in each" if r.watched == r.unwatched else
                     f"{a_lie} is worth {pts(r.worth('probe', r.watched))} when watched and "
                     f"{points(r.worth('probe', r.unwatched))} unwatched")
        else:
            where = f"when {losing[0]}"
            worth = f"{a_lie} there is worth {pts(r.worth('probe', _detect(r, losing[0])))}"
        # the payoff is its own fact; one that does not favour lying is set against the loss, not given as its reason
        gains = any(_shown(r.worth("probe", _detect(r, s))) > 0 for s in losing)
        # 'mostly' as the rooms drawing uses it: over 80% as shown
        lies = "mostly lies" if all(_many(r.at("probe", s)) for s in losing) else "lies more often than not"
        text += (f" It{still} {lies} {where}. {upper_first(worth)} on average against the truth." if gains
                 else f" It{still} {lies} {where}, though {worth} on average against the truth.")
    near = [s for s in SITUATIONS if _near_half(r, s)]
    if near:
        text += (f" Its {pct(r.at('probe', near[0]))} when {near[0]} is within chance of half in this run."
                 if len(near) == 1 else " Its shares in both are within chance of half in this run.")
    return text + split + _blind_change(r)


def _beyond_chance(r: Lying, s: str) -> bool:
    """Lies rose or fell in s with the probe, by more than two standard errors of the difference."""
    return (_rises(r, s) and not _chance_up(r, s)) or (_falls(r, s) and not _chance_down(r, s))


def _blind_change(r: Lying) -> str:
    """With a 50% probe (its flags fall on lies and honest answers alike), where lies changed beyond chance: the
    change comes from its flags' noise in the payoffs (and, where it can hide, from the option to hide)."""
    changed = [s for s in SITUATIONS if _beyond_chance(r, s)]
    if r.accuracy != 0.5 or r.penalty == 0 or not changed:
        return ""
    what = ("both changes come" if len(changed) == 2 else
            f"the {'rise' if _rises(r, changed[0]) else 'fall'} when {changed[0]} comes")
    extra = " and the option to hide" if r.hide else ""
    return f" A 50% probe reads no intent: {what} from its random flags{extra}."


def _no_penalty_gap(r: Lying) -> str:
    """With no penalty and hiding possible, where its shares read otherwise than without the probe: where the gap comes from."""
    if not r.hide or all(pct(r.at("probe", s)) == pct(r.at("behaviour", s)) for s in SITUATIONS):
        return ""
    return (" Its shares differ from those without the probe only because its agents choose between two ways to lie, "
            "which changes their dice rolls.")


# ---- What each phrase asserts, read from the trained agents (tests/test_truths.py checks them over the grid) ----

def _pct_is(text: str, share: float) -> bool:
    """A whole percentage quoted matches the share as rounded for display, and reads 100 only for all of it and
    0 only for none ('over 99' for a share above 0.99 short of all, 'under 1' for one under 0.01 above none)."""
    if "." in text or text.startswith("just "):
        return f"{text}%" == _half(share)
    if text.startswith("over "):
        return float(text[5:]) == 99 and 0.99 < share < 1
    if text.startswith("under "):
        return float(text[6:]) == 1 and 0 < share < 0.01
    value = int(text)
    return value == wording.points(share) and (value != 100 or share == 1) and (value != 0 or share == 0)


def _half_is(text: str, share: float) -> bool:
    """A share quoted as `_pct_is` reads it, and one under half never reads half or more."""
    return _pct_is(text, share) and not (share < 0.5 <= float(text.split()[-1]) / 100)


def _rank(share: float) -> float:
    """A share's place in order as the page writes it (pct): 'under 1%' between 0% and 1%, 'over 99%' between 99%
    and 100%, so '1%' and '1%' are equal and 'over 99%' is less than '100%'."""
    text = pct(share)
    if text.startswith("under "):
        return 0.5
    if text.startswith("over "):
        return 99.5
    return float(text[:-1])


def _near_none(share: float) -> bool:
    """A share of lies that reads 1% or less ('0%', 'under 1%', '1%'): next to none, as a reader sees it."""
    return _rank(share) <= 1


FEW_PCT = 5          # 'a few percent': a share of lies that reads this or less
SCATTER = 0.02       # two such shares closer than this (2 points of share) are no change worth naming


def _alike(p: float, b: float) -> bool:
    """Two shares of lies too close to call one more than the other: both next to none ('under 1%' and '1%'), or
    under 2 points of share apart at any level and shown at most a point apart (1.1% and 1.5%, shown as 1% and 2%;
    8.05% and 8.7%; 99.95% and 100%): a gap the agents' scatter makes. Two shown 2 points apart or more are a change."""
    return (_near_none(p) and _near_none(b)) or (abs(p - b) < SCATTER and abs(wording.points(p) - wording.points(b)) <= 1)


def _all_alike(r: Lying) -> bool:
    """Every share of lies, with the probe and without, reads 5% or less, and in each situation the two are alike:
    no change worth calling more or less."""
    return all(wording.points(r.at(k, s)) <= FEW_PCT and _alike(r.at("probe", s), r.at("behaviour", s))
               for s in SITUATIONS for k in ("probe", "behaviour"))


def _rises(r: Lying, s: str) -> bool:
    """With the probe it lies more often in situation s, as the shares are written ('over 99%' is less than '100%',
    two '1%'s are the same), and not merely from one share to another alike (`_alike`: 'under 1%' to '1%', or
    any two under 2 points apart)."""
    p, b = r.at("probe", s), r.at("behaviour", s)
    return _rank(p) > _rank(b) and not _alike(p, b)


def _named(situation: str | None) -> tuple[str, ...]:
    """The situations a phrase names: one, or both where it names none ('In both situations')."""
    return (situation,) if situation else SITUATIONS


def _lost(r: Lying, s: str) -> bool:
    """Without the probe, honesty lost in situation s too: more than half its chances were lies, beyond chance."""
    return _over_half(r, "behaviour", s)


def _chance_down(r: Lying, s: str) -> bool:
    """Lies fell in s (`_falls`), by no more than two standard errors of the difference (exact shares)."""
    return _falls(r, s) and rounded(-_rise(r, s), 9) <= rounded(_noise_band(r, s), 9)


def _falls(r: Lying, s: str) -> bool:
    """With the probe it lies less often in situation s, as the shares are written (`_rises` the other way)."""
    p, b = r.at("probe", s), r.at("behaviour", s)
    return _rank(p) < _rank(b) and not _alike(p, b)


def _pts_is(text: str, x: float) -> bool:
    """A points figure quoted ('+3', '−2.5', '0') is x to one decimal, a half rounded away from zero (2.75 is
    +2.8 and −0.25 is −0.3, never −0.2), with its sign."""
    value = float(text.replace("−", "-").replace("+", ""))
    return value == rounded(x, 1) and (text[0] == "+") == (value > 0) and (text[0] == "−") == (value < 0)


def _amount_is(text: str, x: float) -> bool:
    """An unsigned amount of points quoted ('3.9') is x (at least 0) to one decimal, halves away from zero."""
    return x >= 0 and float(text) == rounded(x, 1)


def _too_close(r: Lying, s: str) -> bool:
    """The agents' learned values of a lie and of the truth in situation s are within a point of each other (twice
    the softmax temperature, where an agent still picks the lesser one over 1 time in 10), and the habit there is
    mixed: 20% to 80% lies, as shown. Then the values leave the choice unsettled, whichever is higher."""
    lie, truth = r.values["behaviour"][s]
    return abs(lie - truth) <= 2 * TEMPERATURE and 20 <= wording.points(r.at("behaviour", s)) <= 80


def _shown_below(lie: float, truth: float) -> bool:
    """A learned value of a lie below that of the truth, as both are shown (one decimal): '0 against 0' is not."""
    return rounded(lie, 1) < rounded(truth, 1)


def _few(share: float) -> bool:       # under 20% as shown
    return wording.points(share) < 20


def _many(share: float) -> bool:      # over 80% as shown
    return wording.points(share) > 80


def _detect(r: Lying, situation: str) -> float:
    return r.watched if situation == "watched" else r.unwatched


# A share as the page writes it: '46%', 'over 99%', 'under 1%' (the group is what precedes the '%').
P = r"((?:over |under |just under )?\d+(?:\.\d+)?)%"


HEAD_TRUTHS = (
    Truth(r"lies in " + P + r" of chances when watched \(a lie caught " + P + r" of the time\) and " + P + r" when unwatched "
          r"\(caught " + P + r"\)",
          lambda r, m: _pct_is(m.group(1), r.at("behaviour", "watched")) and _pct_is(m.group(2), r.watched)
          and _pct_is(m.group(3), r.at("behaviour", "unwatched")) and _pct_is(m.group(4), r.unwatched),
          "the behaviourist agents' shares of lies watched and unwatched, and the chances of being caught"),
    Truth(r"on average it is worth (\S+) points? watched and (\S+) points? unwatched",
          lambda r, m: _pts_is(m.group(1), r.gain - r.penalty * r.watched)
          and _pts_is(m.group(2), r.gain - r.penalty * r.unwatched),
          "a lie's gain minus the penalty times the chance of being caught, in each situation"),
)

# The middle of a 'Yet …' sentence, up to what the agents learned: its numbers may hold a decimal point.
_YET_VALUES = r"it lies in [^:]+: its agents learned to expect \S+ from a lie there against \S+ from the truth"

_BARE = ("in each situation, lies in over 50% of chances (as shown) where a lie gains on average and under 50% where "
         "it loses")

CAUGHT_TRUTHS = HEAD_TRUTHS + (
    Truth(r"Where it (is not|is less likely to be)(?:, when (watched|unwatched))?, a lie is worth just what the truth "
          r"is, so its " + P + r" there is chance, not a learned habit of lying",
          lambda r, m: (lambda s: _zero(r, s) and _certain(r, _detect(r, s)) and _pct_is(m.group(3), r.at("behaviour", s))
                        and (m.group(1) == "is not") == (_detect(r, _other(s)) > 0.5 > _detect(r, s))
                        and _detect(r, s) < _detect(r, _other(s)))(m.group(2) or "unwatched"),
          "in the situation named (unwatched, if none is), a lie is worth 0 points against the truth, as shown, every "
          "time (never caught or always), and is caught less often than in the other; the share of lies there, as "
          "shown"),
    Truth(r"Where it is always caught(?:, when (watched|unwatched))?, the penalty takes back just what a lie gains, so a "
          r"lie pays what the truth does, and its " + P + " there is chance, not a learned habit of lying",
          lambda r, m: (lambda s: _detect(r, s) == 1 and r.penalty > 0 and _zero(r, s)
                        and _pct_is(m.group(2), r.at("behaviour", s)) and _detect(r, s) > _detect(r, _other(s)))(
              m.group(1) or "watched"),
          "in the situation named (watched, if none is) a lie is caught every time and the penalty equals its gain, so "
          "it is worth 0 against the truth every time, and is caught more often than in the other; the share of lies "
          "there, as shown"),
    Truth(r"it learned to lie where it is (not likely|less likely) to be caught(?:, here when (watched|unwatched))?\.",
          lambda r, m: (lambda o: _many(r.at("behaviour", o)) and r.worth("behaviour", _detect(r, o)) > 0
                        and _detect(r, o) < _detect(r, _other(o))
                        and (m.group(1) == "not likely") == (_detect(r, o) < 0.5 < _detect(r, _other(o))))(
              m.group(2) or "unwatched"),
          "in the situation named (unwatched, if none is) a lie gains on average and is caught less often than in the "
          "other (less often than not there, and more often than not in the other, where it says 'not likely'), and "
          "it lies in over 80% of chances there, as shown"),
    Truth(r"[Ww]here it is (more|less) likely to be caught(?:, here when (watched|unwatched))?, a lie (gains|loses) on "
          r"average and it lies in " + P + r" of chances(, yet its agents learned to expect (\S+) from a lie there "
          r"against (\S+) from the truth)?",
          lambda r, m: (lambda o: (_detect(r, o) > _detect(r, _other(o))) == (m.group(1) == "more")
                        and _detect(r, o) != _detect(r, _other(o))
                        and rounded(r.worth("behaviour", _detect(r, o)), 1) * (1 if m.group(3) == "gains" else -1) > 0
                        and _pct_is(m.group(4), r.at("behaviour", o))
                        and (m.group(5) is None) == _follows(r, o)
                        and (m.group(5) is None or (_pts_is(m.group(6), r.values["behaviour"][o][0])
                                                    and _pts_is(m.group(7), r.values["behaviour"][o][1]))))(
              m.group(2) or ("watched" if m.group(1) == "more" else "unwatched")),
          "in the situation named (watched where it says 'more', unwatched where 'less', if none is) a lie is caught "
          "more (or less) often than in the other and gains (or loses) on average, as shown; the share of lies there, "
          "as shown; a 'yet' with the agents' learned values exactly where the share goes against that sign"),
    Truth(r"it learned to be honest where it is (likely|more likely) to be caught(?:, here when (watched|unwatched))?\.",
          lambda r, m: (lambda o: _few(r.at("behaviour", o)) and _detect(r, o) > _detect(r, _other(o))
                        and (m.group(1) == "likely") == (_detect(r, o) > 0.5 > _detect(r, _other(o))))(
              m.group(2) or "watched"),
          "in the situation named (watched, if none is) a lie is caught more often than in the other (more often than "
          "not there, and less often than not in the other, where it says 'likely'), and it lies in under 20% of "
          "chances there, as shown"),
    Truth(r"it learned to be honest where it is likely to be caught and to lie where it is not",
          lambda r: r.worth("behaviour", r.unwatched) > 0 and r.watched > 0.5 > r.unwatched and _few(r.at("behaviour", "watched"))
          and _many(r.at("behaviour", "unwatched")),
          "a lie caught more often than not watched and less often than not unwatched; under 20% lies watched, "
          "over 80% unwatched (as shown: a habit of lying, as the drawing's 'Lies')"),
    Truth(r"it learned to be honest where it is more likely to be caught and to lie where it is less likely",
          lambda r: r.worth("behaviour", r.unwatched) > 0 and r.unwatched < r.watched and _few(r.at("behaviour", "watched"))
          and _many(r.at("behaviour", "unwatched")),
          "lies caught more often watched; under 20% lies there, over 80% unwatched (as shown)"),
    Truth(r"it lies more where it is less likely to be caught",
          lambda r: r.unwatched != r.watched and not any(_coin_toss(r, s) for s in SITUATIONS) and wording.points(r.at("behaviour", min(SITUATIONS, key=lambda s: _detect(r, s))))
          > wording.points(r.at("behaviour", max(SITUATIONS, key=lambda s: _detect(r, s)))),
          "more lies (as shown) in the situation where a lie is caught less often, and neither situation a coin toss "
          "(a lie worth 0 every time, as the truth is)"),
    Truth(r"here lies are caught more often when unwatched, so it lies more when watched",
          lambda r: r.unwatched > r.watched and wording.points(r.at("behaviour", "watched")) > wording.points(r.at("behaviour", "unwatched")),
          "lies caught more often unwatched, and more lies watched (as shown)"),
    # The reasons that name where it lies more end the sentence only where each situation's habit follows the sign
    # of a lie's average worth there; else a 'Yet …' says why one does not.
    Truth(r"and to lie where it is (?:not|less likely)\.(?! Yet)", lambda r: all(_follows(r, s) for s in SITUATIONS),
          _BARE),
    Truth(r"it lies more where it is less likely to be caught\.(?! Yet)", lambda r: all(_follows(r, s) for s in SITUATIONS),
          _BARE),
    Truth(r"not the label\.(?! Yet)", lambda r: all(_follows(r, s) for s in SITUATIONS), _BARE),
    Truth(r"How often it lies follows the chance of being caught",
          lambda r: not any(_coin_toss(r, s) for s in SITUATIONS),
          "no situation where it lies in over 20% of its chances (as shown) is one where a lie always pays just what "
          "the truth does (there the share is a coin toss, not a habit)"),
    Truth(r"though in both a lie would gain on average\. Its agents learned to expect (?:(\S+) from a lie in each against "
          r"(\S+) from the truth|(\S+) from a lie watched and (\S+) unwatched, against (\S+) and (\S+) from the truth)",
          lambda r, m: (all(r.worth("behaviour", _detect(r, s)) > 0 and not _zero(r, s) for s in SITUATIONS)
                        and all(lie < truth for lie, truth in r.values["behaviour"].values()) and _both_expected(r, m)),
          "a lie gains on average in both situations, yet the agents' learned value of lying is below the truth's in "
          "both; the values quoted are theirs (one pair where both situations read alike)"),
    Truth(r"honesty is its habit in both",
          lambda r: _few(r.at("behaviour", "watched")) and _few(r.at("behaviour", "unwatched")),
          "under 20% lies (as shown) in both situations"),
    Truth(r"a caught lie is likely enough and costly enough to make lying a loss on average",
          lambda r: all(rounded(r.worth("behaviour", _detect(r, s)), 1) < 0 for s in SITUATIONS),
          "a lie's average worth is below 0 in both situations, as shown"),
    Truth(r"(watched|unwatched), where a lie is worth just what the truth is on average, its agents learned to expect "
          r"(\S+) from a lie against (\S+) from the truth, and lie in " + P + r" of chances",
          lambda r, m: _zero(r, m.group(1)) and _pts_is(m.group(2), r.values["behaviour"][m.group(1)][0])
          and _pts_is(m.group(3), r.values["behaviour"][m.group(1)][1]) and _pct_is(m.group(4), r.at("behaviour", m.group(1))),
          "a lie's average worth there is 0, as shown; the agents' learned values of a lie and the truth there, and "
          "their share of lies there, as shown"),
    Truth(r"though (watched|unwatched) a lie would gain on average\. Its agents learned to expect (\S+) from a lie there "
          r"against (\S+) from the truth",
          lambda r, m: r.gain - r.penalty * _detect(r, m.group(1)) > 0
          and not (r.worth("behaviour", _detect(r, _other(m.group(1)))) > 0 and not _zero(r, _other(m.group(1))))
          and _pts_is(m.group(2), r.values["behaviour"][m.group(1)][0]) and _pts_is(m.group(3), r.values["behaviour"][m.group(1)][1])
          and r.values["behaviour"][m.group(1)][0] < r.values["behaviour"][m.group(1)][1],
          "a lie's average worth there is above 0, yet the agents' learned value of lying is below that of the truth"),
    Truth(r"it lies in both, because at these settings being caught is too rare or too cheap",
          lambda r: _many(r.at("behaviour", "watched")) and _many(r.at("behaviour", "unwatched"))
          and r.gain - r.penalty * r.watched > 0 and r.gain - r.penalty * r.unwatched > 0,
          "over 80% lies (as shown) in both, and a lie worth more than 0 on average in both"),
    Truth(r"its habit in each situation follows that average",
          lambda r: not any(_zero(r, s) for s in SITUATIONS) and (r.worth("behaviour", r.watched) - r.worth("behaviour", r.unwatched))
          * (wording.points(r.at("behaviour", "watched")) - wording.points(r.at("behaviour", "unwatched"))) >= 0
          and all(_follows(r, s) and (_few(r.at("behaviour", s)) or _many(r.at("behaviour", s))) for s in SITUATIONS),
          "in each situation, a habit as the drawing names it (under 20% or over 80% lies, as shown) on the side of 50% "
          "that a lie's average worth there says; and the situation where a lie is worth more has at least as many lies"),
    Truth(r"it lies in more than half its chances when (watched|unwatched), where a lie gains on average, and in fewer "
          r"than half when (watched|unwatched), where it loses",
          lambda r, m: m.group(1) != m.group(2) and _over_half(r, "behaviour", m.group(1))
          and r.worth("behaviour", _detect(r, m.group(1))) > 0 and _under_half(r, "behaviour", m.group(2))
          and r.worth("behaviour", _detect(r, m.group(2))) < 0,
          "in the first situation a lie gains on average and it lies in more than half its chances, beyond two "
          "standard errors of its share; in the other a lie loses on average and it lies in fewer, beyond them too"),
    Truth(r"it lies in (more|fewer) than half its chances when (watched|unwatched), where a lie (gains|loses) on "
          r"average; its " + P + r" when (watched|unwatched) is within chance of half in this run",
          lambda r, m: m.group(2) != m.group(5) and (m.group(1), m.group(3)) in (("more", "gains"), ("fewer", "loses"))
          and (_over_half if m.group(1) == "more" else _under_half)(r, "behaviour", m.group(2))
          and r.worth("behaviour", _detect(r, m.group(2))) * (1 if m.group(3) == "gains" else -1) > 0
          and _pct_is(m.group(4), r.at("behaviour", m.group(5)))
          and not _over_half(r, "behaviour", m.group(5)) and not _under_half(r, "behaviour", m.group(5)),
          "in the first situation the share of lies is off half beyond two standard errors of it, on the side a "
          "lie's average worth there says; in the other it is within two standard errors of half (the share as shown)"),
    Truth(r": its shares in both are within chance of half in this run",
          lambda r: not any(_over_half(r, "behaviour", s) or _under_half(r, "behaviour", s) for s in SITUATIONS),
          "without the probe, each situation's share of lies is within two standard errors of half"),
    Truth(r"in both it lies in (more|fewer) than half its chances, as the sign of that average says",
          lambda r, m: all(_follows(r, s) for s in SITUATIONS) and not any(_coin_toss(r, s) for s in SITUATIONS)
          and all((_over_half if m.group(1) == "more" else _under_half)(r, "behaviour", s) for s in SITUATIONS)
          and all(r.worth("behaviour", _detect(r, s)) * (1 if m.group(1) == "more" else -1) >= 0 for s in SITUATIONS),
          "in both situations the share of lies is off half beyond two standard errors of it, on the side a lie's "
          "average worth says, and neither is a coin toss (a lie worth 0 every time)"),
    Truth(r"it lies a little more (watched|unwatched)",
          lambda r, m: (wording.points(r.at("behaviour", m.group(1))) > wording.points(r.at("behaviour", _other(m.group(1))))
                        and _learned_keener(r, m.group(1))),
          "the named situation has more lies, as the two shares are shown, and its agents learned to expect more "
          "from a lie against the truth there (so the difference is learned, not scatter among the agents)"),
    Truth(r"\. Yet (watched|unwatched), .*?(?: And (watched|unwatched), .*)?$",
          lambda r, m: {m.group(1), m.group(2)} - {None} == {s for s in SITUATIONS if not _follows(r, s)},
          "every situation whose habit goes against the sign of a lie's average worth there is named, and only those"),
    Truth(r"it lies a little more (watched|unwatched), where a lie is worth less",
          lambda r, m: rounded(r.worth("behaviour", _detect(r, m.group(1))), 1)
          < rounded(r.worth("behaviour", _detect(r, _other(m.group(1)))), 1),
          "a lie's average worth in the named situation is lower, as the two worths are shown (one decimal)"),
    Truth(r"(?:Yet|And) (watched|unwatched), where a lie (gains|loses) on average, it lies in " + P + " of chances",
          lambda r, m: _pct_is(m.group(3), r.at("behaviour", m.group(1))) and not _follows(r, m.group(1))
          and (r.worth("behaviour", _detect(r, m.group(1))) > 0) == (m.group(2) == "gains"),
          "a lie's average worth there has that sign, and the share of lies there (as shown) does not follow it: at "
          "most 50% where it gains, at least 50% where it loses"),
    Truth(r"(?:Yet|And) (watched|unwatched), where a lie (?:gains|loses) on average, it lies in [^:]+: its agents learned to "
          r"expect (\S+) from a lie there against (\S+) from the truth",
          lambda r, m: _pts_is(m.group(2), r.values["behaviour"][m.group(1)][0])
          and _pts_is(m.group(3), r.values["behaviour"][m.group(1)][1]),
          "the behaviourist agents' learned values of a lie and of the truth there"),
    Truth(r"(?:Yet|And) (watched|unwatched), where a lie gains on average, " + _YET_VALUES + r", so they seldom try a lie and seldom learn that it pays",
          lambda r, m: r.worth("behaviour", _detect(r, m.group(1))) > 0 and _few(r.at("behaviour", m.group(1)))
          and _shown_below(*r.values["behaviour"][m.group(1)]),
          "a lie gains on average there, yet the agents' learned value of a lie is below the truth's (as shown) and "
          "they lie in under 20% of chances there (as shown)"),
    Truth(r"(?:Yet|And) (watched|unwatched), where a lie gains on average, " + _YET_VALUES + r", so they lie less often than not, and an agent learns what a lie is worth only by lying",
          lambda r, m: r.worth("behaviour", _detect(r, m.group(1))) > 0 and _under_half(r, "behaviour", m.group(1))
          and _shown_below(*r.values["behaviour"][m.group(1)]),
          "a lie gains on average there, yet the agents' learned value of a lie is below the truth's (as shown) and "
          "they lie in fewer than half their chances there, by more than two standard errors of that share"),
    Truth(r"(?:Yet|And) (watched|unwatched), where a lie gains on average, " + _YET_VALUES + r", two values too close to settle "
          r"the habit either way", lambda r, m: r.worth("behaviour", _detect(r, m.group(1))) > 0 and _too_close(r, m.group(1)),
          "a lie gains on average there; the agents' learned values of a lie and of the truth are within a point of "
          "each other (twice the softmax temperature) and they lie in 20% to 80% of chances there (as shown)"),
    Truth(r"(?:Yet|And) (watched|unwatched), where a lie gains on average, " + _YET_VALUES + r"\.",
          lambda r, m: _shown_below(*r.values["behaviour"][m.group(1)]),
          "with no reason given, the learned values alone must explain lying in at most half the chances: the value "
          "of a lie is below the truth's (as shown)"),
    Truth(r"(?:Yet|And) (watched|unwatched), where a lie loses on average, " + _YET_VALUES + r", an estimate above the exact average",
          lambda r, m: (lambda lie, truth: lie - truth > r.worth("behaviour", _detect(r, m.group(1))))(
              *r.values["behaviour"][m.group(1)]),
          "the agents' learned value of a lie minus the truth's is above a lie's average worth there"),
)

# The shares of lies without the probe: 'the 5% and 20%', or 'the 1% in both' where they read alike.
_WITHOUT = "(?:the )?" + P + "(?: and " + P + "| in both)"


def _without_is(r: Lying, m) -> bool:
    """The shares without the probe as quoted (groups 1 and 2 of _WITHOUT): 'in both' only where they read alike."""
    w, u = r.at("behaviour", "watched"), r.at("behaviour", "unwatched")
    return (_half_is(m.group(1), w) and _half_is(m.group(2) or m.group(1), u)
            and (m.group(2) is None) == (_half(w) == _half(u)))


_THAN = r"(\S+ points? (?:less|more)|as much)"
def _read_than(text: str) -> float | None:
    """A difference as written ('2.9 points less', '1.5 less', 'as much') as a signed number; None if malformed."""
    if text in ("as much", "the same as the truth"):
        return 0.0
    amount, *_, side = text.split()
    value = float(amount)
    return None if value == 0 else -value if side == "less" else value


def _the_shares(m) -> bool:
    """'the' before the shares without the probe ('the 5% and 20%') only where the first reads as a plain number."""
    return m.group(0).count("the " + m.group(1) + "%") == (0 if m.group(1).startswith(("under", "over")) else 1)


def _luck_named(r: Lying, situation: str | None) -> bool:
    """'The rise is too small to tell from chance' scoped to the situation named is about the only one where lies rose within
    chance; unscoped, they rose within chance in both."""
    if situation is None:
        return all(_chance_up(r, s) for s in SITUATIONS)
    return _chance_up(r, situation) and not _chance_up(r, _other(situation))


def _hidden_said(r: Lying, s: str, text: str) -> bool:
    """A share of its lies in s quoted as hidden from the probe: that share as rounded for display (`_pct_is`)."""
    return r.hidden[s] + r.plain[s] > 0 and _pct_is(text, _hidden_of_lies(r, s))


def _loss_said(r: Lying, m, where: tuple[str, ...], groups: tuple[int, ...] = (1, 2, 3)) -> bool:
    """The words around a loss for honesty in the situations named (`groups`: still, joint, hidden): 'still' only
    where honesty lost there without the probe too (`_lost`); 'though' before the payoff exactly where a lie is worth
    0 or less in each, as shown, else the payoff a sentence of its own; 'hidden' exactly where it can hide."""
    still, joint, hidden = (m.group(i) for i in groups)
    return ((still is not None) == all(_lost(r, s) for s in where)
            and (joint == ", though") == all(_shown(r.worth("probe", _detect(r, s))) <= 0 for s in where)
            and (hidden is not None) == r.hide)


def _verdict_said(r: Lying, m) -> bool:
    """With a penalty, short of 'it is now mostly honest': honesty's loss named exactly where it lies in more than half its
    chances beyond two standard errors of its share ('mostly lies' where each such share reads over 80%, as the rooms
    drawing's 'mostly lying', else 'lies more often than not'), and 'within chance of half' exactly where it does so
    by less."""
    text = m.group(0)
    if r.penalty == 0 or "it is now mostly honest" in text:
        return True
    losing = [s for s in SITUATIONS if _clear_loss(r, s)]
    mostly = bool(losing) and all(_many(r.at("probe", s)) for s in losing)
    return (("mostly lies" in text) == mostly and ("lies more often than not" in text) == (bool(losing) and not mostly)
            and ("within chance of half" in text) == any(_near_half(r, s) for s in SITUATIONS))


def _splits_said(r: Lying, m) -> bool:
    """Where it can hide and a flag costs something: every situation where it lies in 20% or more of its chances (as
    shown) has its split into hidden and plain lies named, and no other."""
    if not (r.hide and r.penalty > 0):
        return "hidden from the probe" not in m.group(0)
    text = m.group(0)
    if r.watched == r.unwatched:
        return ("lies in each situation" in text) == (not _few(r.at("probe", "watched")))
    return all((f"of its lies when {s}," in text.lower() or f"hidden from the probe; when {s}," in text)
               == (not _few(r.at("probe", s))) for s in SITUATIONS)


_OLD = ("and even so", "It learned to hide", "hides its intent", "By their average learned values", "noise in the payoffs",
        "shun plain lies", "learned to expect", "learned habit", "yet it lies in", "so they (?:rate|underrate|overrate) lying",
        "nothing pushes it", "never flagged, like an honest answer", "[Hh]onesty (?:still )?loses", "honesty now wins",
        "plain ones", "noise its random flags add", "reading it:")

PROBE_TRUTHS = (
    Truth(r"Add the probe \(" + P + r" accurate\), and it lies in " + P + " of chances when watched and " + P + " when unwatched",
          lambda r, m: _pct_is(m.group(1), r.accuracy) and _half_is(m.group(2), r.at("probe", "watched"))
          and _half_is(m.group(3), r.at("probe", "unwatched")),
          "the probe's accuracy and the probe-trained agents' shares of lies"),
    Truth(r"With no penalty, a flag costs nothing, so the probe takes nothing from any answer\.( Its shares differ from "
          r"those without the probe only because its agents choose between two ways to lie, which changes their dice rolls\.)?",
          lambda r, m: r.penalty == 0 and (r.hide or r.lies["probe"] == r.lies["behaviour"])
          and (m.group(1) is not None) == (r.hide and any(pct(r.at("probe", s)) != pct(r.at("behaviour", s))
                                                           for s in SITUATIONS)),
          "no penalty: without hiding, the two groups' shares are the same; the dice-roll note exactly where hiding "
          "makes the shares as written differ"),
    Truth(r"when unwatched, (?:up|down) from " + _WITHOUT + " without the probe",
          lambda r, m: _without_is(r, m) and _the_shares(m)
          and all((_rises if " up from" in m.group(0) else _falls)(r, s) for s in SITUATIONS),
          "the behaviourist agents' shares of lies, and with the probe more lies ('up') or fewer ('down') in both "
          "situations, as the shares are written ('over 99%' is less than '100%'; '1%' and '1%' are the same; from "
          "'under 1%' to '1%', or any two under 2 points of share apart, is no change)"),
    Truth(r"when unwatched, against " + _WITHOUT + " without the probe: (up|down) when (watched|unwatched)(?!, up)",
          lambda r, m: _without_is(r, m) and _the_shares(m)
          and (_rises if m.group(3) == "up" else _falls)(r, m.group(4))
          and not _rises(r, _other(m.group(4))) and not _falls(r, _other(m.group(4))),
          "the behaviourist agents' shares; with the probe more (or fewer) lies in the situation named, and the same "
          "or alike in the other"),
    Truth(r"when unwatched, against " + _WITHOUT + " without the probe: down when (watched|unwatched), up when "
          r"(watched|unwatched)",
          lambda r, m: _without_is(r, m) and _the_shares(m) and m.group(3) != m.group(4) and _falls(r, m.group(3))
          and _rises(r, m.group(4)),
          "the behaviourist agents' shares; with the probe fewer lies in one situation and more in the other"),
    Truth(r"without (?:it|the probe): (?:more|fewer) when", lambda r: False,
          "'more when watched' beside two situations' shares reads as more than the other situation: a change from "
          "the shares without the probe is 'up' or 'down'"),
    Truth(r"when unwatched, about as seldom as without the probe \(" + _WITHOUT + r"\)",
          lambda r, m: _without_is(r, m) and _all_alike(r),
          "the behaviourist agents' shares of lies, and every share with and without the probe reads 5% or less, "
          "in each situation the two under 2 points of share apart (or both 1% or less)"),
    Truth(r"; the rise (?:when (watched|unwatched) )?is too small to tell from chance \(within two standard errors of the "
          r"gap\)",
          lambda r, m: _luck_named(r, m.group(1)),
          "the probe-trained agents lie more (as the shares are written) by no more than two standard errors of the "
          "difference between the two groups' exact shares, in the situation named (or both)"),
    Truth(r"; the fall (?:when (watched|unwatched) )?is too small to tell from chance \(within two standard errors of the gap\)",
          lambda r, m: not any(_chance_up(r, s) for s in SITUATIONS)
          and (all(_chance_down(r, s) for s in SITUATIONS) if m.group(1) is None
               else _chance_down(r, m.group(1)) and not _chance_down(r, _other(m.group(1)))),
          "the probe-trained agents lie less (as the shares are written) by no more than two standard errors of the "
          "difference between the two groups' exact shares, in the situation named (or both), and no rise is so"),
    Truth(r"; both changes are too small to tell from chance \(within two standard errors of the gap\)",
          lambda r: any(_chance_up(r, s) and _chance_down(r, _other(s)) for s in SITUATIONS),
          "it lies more in one situation and less in the other with the probe, each by no more than two standard "
          "errors of the difference between the two groups' exact shares"),
    Truth(r"^Add the probe \(.*$",
          lambda r, m: r.penalty == 0 or ("too small to tell from chance (within" in m.group(0))
          == any(_chance_up(r, s) or _chance_down(r, s) for s in SITUATIONS),
          "every rise and every fall within two standard errors of the difference is called too small to tell from "
          "chance, and only those"),
    Truth(r"^Add the probe \(.*$",
          lambda r, m: r.penalty == 0 or (" without the probe" in m.group(0))
          == (_all_alike(r) or any(_rises(r, s) or _falls(r, s) for s in SITUATIONS)),
          "with a penalty, the shares without the probe are given exactly where some share rose or fell with it "
          "(as written), or where every share is a few percent either way"),
    Truth(r"within twice the scatter of", lambda r: False,
          "the chance test is on the gap between the two groups' shares, whose standard error (the root of the sum of "
          "their squared standard errors) is more than either group's own"),
    Truth(r"(?:[;:] |\. |\()[Ii]t flags \S+ of", lambda r: False,
          "'it' beside the probe is the agent: a clause on what the probe flags names the probe"),
    Truth(r"(?:flags|flagging) " + P + r" of (?:the )?lies (?:it can read )?and " + P + r" of honest answers",
          lambda r, m: _pct_is(m.group(1), r.accuracy) and _pct_is(m.group(2), 1 - r.accuracy),
          "the probe's accuracy, and its complement"),
    Truth(r"(?:flags|flagging) " + P + r" of plain lies and " + P + r" of hidden ones and of honest answers",
          lambda r, m: r.hide and _pct_is(m.group(1), r.accuracy) and _pct_is(m.group(2), 1 - r.accuracy),
          "the agents can hide their intent: the probe flags a hidden lie as often as an honest answer"),
    Truth(r"so it is now mostly honest in both",
          lambda r: _honesty_wins(r),
          "under 20% lies with the probe in both situations (as shown), where without it more than half its chances "
          "somewhere were lies beyond two standard errors of that share"),
    Truth(r"false alarms cost an honest answer (\S+) points? on average",
          lambda r, m: r.accuracy < 1 and _amount_is(m.group(1), r.penalty * (1 - r.accuracy)),
          "the penalty times the share of honest answers flagged"),
    Truth(r"a perfect probe raises no false alarms", lambda r: r.accuracy == 1, "the probe is 100% accurate"),
    Truth(r"It( still)? (?:mostly lies|lies more often than not) in both(\.|, though) [Aa]( hidden)? lie "
          r"is worth (\S+) points? (?:in each|when watched and (\S+) unwatched) on average against the truth",
          lambda r, m: all(_clear_loss(r, s) and _pts_is(m.group(g) or m.group(4), r.worth("probe", _detect(r, s)))
                           for g, s in ((4, "watched"), (5, "unwatched")))
          and (m.group(5) is None) == (r.watched == r.unwatched) and _loss_said(r, m, SITUATIONS),
          "with the probe it lies in more than half its chances in each situation, by more than two standard errors "
          "of its share; the worth quoted is a lie's (a hidden lie's where it can hide) against the truth"),
    Truth(r"It( still)? (?:mostly lies|lies more often than not) when (watched|unwatched)(\.|, though) [Aa]( hidden)? lie there is worth (\S+) points? "
          r"on average against the truth",
          lambda r, m: _clear_loss(r, m.group(2)) and not _clear_loss(r, _other(m.group(2)))
          and _pts_is(m.group(5), r.worth("probe", _detect(r, m.group(2)))) and _loss_said(r, m, (m.group(2),), (1, 3, 4)),
          "with the probe it lies in more than half its chances there (by more than two standard errors of its share) "
          "and not in the other; the worth quoted"),
    Truth(r"(?:[Hh]onesty(?: still)? loses|It(?: still)? (?:mostly lies|lies more often than not)) (?:in both(?: situations)?|when "
          r"(?:watched|unwatched)): ", lambda r: False,
          "a payoff is its own fact, not the reason honesty loses: the agents' choices, not one average, decide that"),
    Truth(r"Its " + P + r" when (watched|unwatched) is within chance of half in this run",
          lambda r, m: _near_half(r, m.group(2)) and not _near_half(r, _other(m.group(2)))
          and _pct_is(m.group(1), r.at("probe", m.group(2))),
          "with the probe it lies in more than half its chances there, by no more than two standard errors of its "
          "share (the agents' scatter), and not so in the other"),
    Truth(r"Its shares in both are within chance of half in this run",
          lambda r: all(_near_half(r, s) for s in SITUATIONS),
          "with the probe it lies in more than half its chances in each situation, by no more than two standard "
          "errors of its share"),
    Truth(r"^Add the probe \(.*$", _verdict_said,
          "honesty's loss is named exactly where it is beyond chance, and a share just over half within chance is "
          "called so"),
    Truth(r"Of its lies (?:when (watched|unwatched)|in each situation), " + P + r" are hidden from the probe",
          lambda r, m: r.hide and all(_hidden_said(r, s, m.group(2)) for s in _named(m.group(1)))
          and (m.group(1) is None) == (r.watched == r.unwatched),
          "it can hide its intent; the share of its lies there hidden from the probe (hidden lies over all its lies); "
          "'in each situation' only where the two situations are the same"),
    Truth(r"are hidden from the probe; when (watched|unwatched), " + P,
          lambda r, m: r.hide and r.watched != r.unwatched and _hidden_said(r, m.group(1), m.group(2)),
          "it can hide its intent; the share of its lies in the second situation hidden from the probe"),
    Truth(r"^Add the probe \(.*$", _splits_said,
          "where it can hide, the split into hidden and plain lies is given for every situation where it lies in 20% "
          "or more of its chances, and only there"),
    Truth(r"as much than a plain|(?:less|more) as a plain", lambda r: False, "'as much as', 'more than', 'less than'"),
    Truth(r"is worth " + _THAN + r" on average", lambda r: False,
          "a hidden lie's edge is over a plain one, and says so: beside its worth against the truth, a bare 'more' "
          "reads as more than the truth"),
    Truth(r"a hidden lie, flagged " + P + r" of the time \(a plain one " + P + r"\), is worth " + _THAN
          + r" (?:than|as) a plain one on average",
          lambda r, m: r.hide and _pct_is(m.group(1), 1 - r.accuracy) and _pct_is(m.group(2), r.accuracy)
          and _read_than(m.group(3)) == _shown(r.penalty * (2 * r.accuracy - 1)),
          "a plain lie is flagged `accuracy` of the time, a hidden one as often as an honest answer (1 − accuracy): "
          "the penalty times their difference, as shown"),
    Truth(r"A 50% probe reads no intent: (?:the (rise|fall) when (watched|unwatched) comes|both changes come) from its "
          r"random flags( and the option to hide)?\.",
          lambda r, m: r.accuracy == 0.5 and r.penalty > 0 and (m.group(3) is not None) == r.hide
          and (all(_beyond_chance(r, s) for s in SITUATIONS) if m.group(1) is None else
               _beyond_chance(r, m.group(2)) and not _beyond_chance(r, _other(m.group(2)))
               and (_rises if m.group(1) == "rise" else _falls)(r, m.group(2))),
          "the probe is 50% accurate, so it flags lies and honest answers alike; lies rose (or fell) with it in the "
          "situation named (or both) by more than two standard errors of the difference, and in no other; the second "
          "way to lie is named exactly where it can hide"),
    Truth(r"^Add the probe \(.*$",
          lambda r, m: ("A 50% probe reads no intent" in m.group(0))
          == (r.accuracy == 0.5 and r.penalty > 0 and any(_beyond_chance(r, s) for s in SITUATIONS)),
          "with a 50% probe and a penalty, every change beyond chance is put down to the noise of its flags"),
    Truth(r"a 50% probe flags hidden and plain lies alike", lambda r: r.accuracy == 0.5,
          "the probe is 50% accurate: it flags a plain lie and a hidden one (or an honest answer) equally often"),
    *(Truth(r"^Add the probe \(.*" + old, lambda r: False, "a causal reading of one seeded run the model does not test")
      for old in _OLD),
)


LYING_TRUTHS = (
    Truth(r"^Trained with a reward that sees only behaviour, the agent lies in " + P + r" of chances when watched and " + P + r" "
          r"when unwatched; with the probe added, " + P + r" and " + P + r"\.$",
          lambda r, m: all(_pct_is(m.group(i + 1), r.at(k, s)) for i, (k, s) in
                           enumerate((("behaviour", "watched"), ("behaviour", "unwatched"), ("probe", "watched"), ("probe", "unwatched")))),
          "each reward's shares of lies, watched and unwatched"),
    Truth(r"^Trained agents: watched \(caught " + P + r"\), they lie in " + P + r" of chances with a behaviourist reward and " + P + r" "
          r"with the probe; unwatched \(caught " + P + r"\), " + P + r" and " + P + r"\.$",
          lambda r, m: _pct_is(m.group(1), r.watched) and _pct_is(m.group(4), r.unwatched)
          and all(_pct_is(m.group(i), r.at(k, s)) for i, k, s in
                  ((2, "behaviour", "watched"), (3, "probe", "watched"), (5, "behaviour", "unwatched"), (6, "probe", "unwatched"))),
          "the chances of being caught and each reward's shares of lies"),
    Truth(r"^(Behaviourist reward|Reward plus probe), (watched|unwatched): (mostly honest|mostly lying|mixed) \(lies in " + P + r" "
          r"of chances\)(?:; learned values: lie (\S+), truth (\S+)|; " + P + r" of lies hidden|; (no lies to hide))$",
          lambda r, m: (lambda kind, s: _pct_is(m.group(4), r.at(kind, s))
                        and {"mostly honest": _few(r.at(kind, s)), "mostly lying": _many(r.at(kind, s)),
                             "mixed": not _few(r.at(kind, s)) and not _many(r.at(kind, s))}[m.group(3)]
                        and (_pts_is(m.group(5), r.values[kind][s][0]) and _pts_is(m.group(6), r.values[kind][s][1])
                             if m.group(5) else kind == "probe" and r.hide
                             and (_hidden_said(r, s, m.group(7)) if m.group(7) else r.hidden[s] + r.plain[s] == 0)))(
              "behaviour" if m.group(1) == "Behaviourist reward" else "probe", m.group(2)),
          "a cell of the drawing: its share of lies, the word for it (under 20%: honest; over 80%: lying), and its "
          "learned values or the share of its lies hidden from the probe (none where it tells none)"),
    Truth(r"^A lie's worth: with probe$", lambda r: not r.hide,
          "the agents cannot hide their intent, so every lie is one the probe can read"),
    Truth(r"^A (?:hidden|plain) lie's worth: with probe$", lambda r: r.hide,
          "the agents can hide their intent: the probe flags a hidden lie as often as the truth, a plain one more often"),
    Truth(r"Bottom line: the value they have learned to expect", lambda r: not r.hide,
          "the agents cannot hide their intent, so every cell's bottom line gives the learned values"),
    Truth(r"Bottom line: with the behaviourist reward, .*; with the probe, the share of their lies hidden from it",
          lambda r: r.hide,
          "the agents can hide their intent, so the probe's cells give the share of hidden lies"),
)


LYING_CLAIMS = (Claim("caught", caught_sentence, truths=CAUGHT_TRUTHS), Claim("probe", probe_sentence, truths=PROBE_TRUTHS))


def lying_summary(r: Lying) -> str:
    return (f"Trained with a reward that sees only behaviour, the agent lies in {pct(r.at('behaviour', 'watched'))} of "
            f"chances when watched and {pct(r.at('behaviour', 'unwatched'))} when unwatched; with the probe added, "
            f"{pct(r.at('probe', 'watched'))} and {pct(r.at('probe', 'unwatched'))}.")


def lying_table(r: Lying) -> Table:
    # Where it can hide, the probe flags a hidden lie as often as the truth: both ways of lying get a column.
    rows = tuple((f"{round(100 * d)}%", pct(r.lies["behaviour"][i]), pct(r.lies["probe"][i]),
                  points(r.worth("behaviour", d)), *((points(r.plain_worth(d)),) if r.hide else ()),
                  points(r.worth("probe", d)))
                 for i, d in enumerate(GRID))
    probe = (("A plain lie's worth: with probe", "A hidden lie's worth: with probe") if r.hide
             else ("A lie's worth: with probe",))
    return Table(f"Share of the last {LAST} chances the trained agents lie, and what a lie is worth on average "
                 f"compared with the truth, at each chance of being caught"
                 + (" (with the probe, a plain lie, one it can read, and a hidden one)" if r.hide else ""),
                 ("Chance a lie is caught", "Lies: behaviour only", "Lies: with probe",
                  "A lie's worth: behaviour only", *probe), rows)


def lying_live(r: Lying) -> dict[str, str]:
    return {"unwatched_lies": pct(r.at("behaviour", "unwatched")), "watched_lies": pct(r.at("behaviour", "watched")),
            "probe_unwatched": pct(r.at("probe", "unwatched")),
            "gain": count(r.gain, "point", places=0 if float(r.gain).is_integer() else 1)}


# The key under the rooms drawing: what a cell's bottom line is. With the probe foolable, its cells show the share
# of hidden lies instead of the learned values.
_LEARNED = "the value they have learned to expect from a lie and from the truth"
_STOPS = "an estimate that stops updating once not chosen"
ROOMS_KEY = {False: f"Bar and word: how often the agents lie. Bottom line: {_LEARNED}, {_STOPS}.",
             True: (f"Bar and word: how often the trained agents lie. Bottom line: the values learned with the "
                    f"behaviourist reward; with the probe, the share of their lies hidden from it.")}


def rooms_panel(r: Lying, values: Mapping[str, Any]) -> dict[str, Any]:
    cells = {}
    for kind in KINDS:
        for s in SITUATIONS:
            share = r.at(kind, s)
            lie, truth = r.values[kind][s]
            foot = (f"lie {points(lie)}, truth {points(truth)}" if kind == "behaviour" or not r.hide
                    else f"{hidden_text(r, s)} of lies hidden" if r.hidden[s] + r.plain[s] > 0 else "no lies to hide")
            cells[f"{kind}-{s}"] = {"share": share, "word": habit(share), "text": "lies " + pct(share).replace("over ", ">").replace("under ", "<"), "foot": foot,
                                    "title": (f"{KIND_TITLES[kind]}, {s}: {HABIT_WORDS[habit(share)]} (lies in "
                                              f"{pct(share)} of chances); "
                                              + (f"learned values: {foot}" if foot.startswith("lie ") else foot))}
    return {"cells": cells, "watched": pct(r.watched), "unwatched": pct(r.unwatched), "accuracy": pct(r.accuracy),
            "hide": r.hide, "key": ROOMS_KEY[r.hide],
            "caption": (f"Trained agents: watched (caught {pct(r.watched)}), they lie in {pct(r.at('behaviour', 'watched'))} "
                        f"of chances with a behaviourist reward and {pct(r.at('probe', 'watched'))} with the probe; "
                        f"unwatched (caught {pct(r.unwatched)}), {pct(r.at('behaviour', 'unwatched'))} and "
                        f"{pct(r.at('probe', 'unwatched'))}.")}


class LyingResponse(WidgetResponse):
    detection: list[float] = Field(description="Chances a lie is caught at which agents were trained (0-1).")
    lies: dict[str, list[float]] = Field(description="Per reward ('behaviour', 'probe'): share of the last 100 "
                                                     "chances the trained agents lie, at each detection level.")
    situations: dict[str, dict[str, float]] = Field(description="Per reward: share of lies when watched and unwatched.")
    worth: dict[str, dict[str, float]] = Field(description="Per reward: what a lie is worth on average compared "
                                                           "with the truth, watched and unwatched (points). With "
                                                           "hide=yes, 'probe' is a hidden lie's worth (the probe "
                                                           "flags it only as often as the truth), and 'probe_plain' "
                                                           "a plain lie's, one the probe can read.")
    learned_values: dict[str, dict[str, list[float]]] = Field(description="Per reward and situation: the agents' "
                                                                          "learned value of lying and of honesty.")
    hidden: dict[str, float] = Field(description="With the probe: share of chances answered with a hidden lie.")
    hidden_of_lies: dict[str, float] = Field(description="With the probe: share of its lies that are hidden (hidden "
                                                         "lies over all its lies; 0 where it tells none), the share "
                                                         "the claim and the rooms drawing quote.")
    scatter: dict[str, dict[str, float]] = Field(description="Per reward: the standard error of the share of lies, "
                                                             "watched and unwatched (the spread of the agents' own "
                                                             "shares over the root of their number). The claims call a "
                                                             "change with the probe chance where it is at most twice "
                                                             "the root of the sum of the two rewards' squared standard "
                                                             "errors, and a share more (or fewer) than half only where "
                                                             "it is off half by more than twice its own.")


def lying_api(values: Mapping[str, Any], r: Lying) -> dict:
    return {"detection": list(GRID), "lies": {k: list(v) for k, v in r.lies.items()},
            "situations": {k: dict(r.situations[k]) for k in KINDS},
            "worth": {**{k: {s: round(r.worth(k, _detect(r, s)), 4) for s in SITUATIONS} for k in KINDS},
                      **({"probe_plain": {s: round(r.plain_worth(_detect(r, s)), 4) for s in SITUATIONS}}
                         if r.hide else {})},
            "learned_values": {k: {s: list(v) for s, v in r.values[k].items()} for k in KINDS},
            "hidden": dict(r.hidden), "hidden_of_lies": {s: round(_hidden_of_lies(r, s), 4) for s in SITUATIONS},
            "scatter": {k: dict(r.scatter[k]) for k in KINDS}}


# ---- Reversi -------------------------------------------------------------------------------------

RULES = {1: "Reversi", -1: "anti-Reversi"}
KIND_COLOURS = {"corner": kit.VERMILION, "edge": kit.BLUE, "centre": kit.GREEN}
KIND_DASH = {"corner": "solid", "edge": "dash", "centre": "dot"}
FILES = "abcd"


def square_name(s: int) -> str:
    return f"{FILES[s % reversi.N]}{s // reversi.N + 1}"


def value_text(x: float) -> str:
    """A learned value per square, as shown: two decimals, signed ('+0.18', '−0.03', '0')."""
    text = num(abs(x), 2, tiny=False)
    return "0" if text == "0.00" else ("+" if x > 0 else "−") + text


def games_line(b: Board) -> dict:
    return {"type": "line", "x0": b.games, "x1": b.games, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
            "line": {"color": kit.GREY, "dash": "dot", "width": 2}}


# The Reversi charts name their lines at the ends, not in a legend below (issue 34).
BOARD_MARGIN = {"t": 20, "b": 50, "l": 56, "r": 14}


def weights_figure(b: Board) -> dict:
    t = b.training
    data = [{"type": "scatter", "mode": "lines", "name": upper_first(k), "x": list(t.checkpoints),
             "y": [w[i] for w in t.weights], "line": {"color": KIND_COLOURS[k], "dash": KIND_DASH[k], "width": 3},
             "customdata": [value_text(w[i]) for w in t.weights],
             "hovertemplate": upper_first(k) + ": %{customdata}<extra>%{x} games</extra>"}
            for i, k in enumerate(reversi.KINDS)]
    return {"data": data, "layout": kit.layout(
        margin=BOARD_MARGIN, showlegend=False, shapes=[games_line(b)],
        annotations=kit.end_labels(data, [k for k in reversi.KINDS], y_range=(-0.35, 0.35)),
        xaxis=kit.axis("games of self-play", range=[-4, reversi.MAX_GAMES + 4], ticklabelstandoff=6),
        yaxis=kit.axis("value of one square", range=[-0.35, 0.35], dtick=0.1, zeroline=True))}


def results_figure(b: Board) -> dict:
    data = []
    for t in sorted((b.training, b.other), key=lambda t: -t.sign):
        bold = t.sign == b.sign
        data.append({"type": "scatter", "mode": "lines+markers", "name": f"{RULES[t.sign]} reward",
                     "x": list(t.checkpoints), "y": list(t.mean_discs),
                     "line": {"color": kit.BLUE if t.sign > 0 else kit.VERMILION, "width": 4 if bold else 2,
                              "dash": "solid" if t.sign > 0 else "dash"},
                     "marker": {"symbol": "circle" if t.sign > 0 else "square-open", "size": 7},
                     "hovertemplate": RULES[t.sign] + ": %{y:.1f} discs<extra>%{x} games</extra>"})
    return {"data": data, "layout": kit.layout(
        margin=BOARD_MARGIN, showlegend=False, shapes=[games_line(b)],
        annotations=kit.end_labels(data, [t["name"] for t in data], y_range=(-0.5, 16.5)),
        xaxis=kit.axis("games of self-play", range=[-4, reversi.MAX_GAMES + 4], ticklabelstandoff=6),
        yaxis=kit.axis("discs at the end (of 16)", range=[-0.5, 16.5], dtick=4))}


def flip_sentence(b: Board) -> str:
    i = b.index
    mine, other = b.training, b.other
    rev, anti = (mine, other) if b.sign > 0 else (other, mine)
    if b.games == 0:
        return (f"Untrained, the two learners are the same program with the same zero values, and they play the same "
                f"moves: {num(rev.mean_discs[0], 1)} discs on average at the end against a random player.")
    return (f"After {b.games} games of self-play, the learner rewarded for Reversi ends with {num(rev.mean_discs[i], 1)} of "
            f"16 discs on average against a random player and holds {num(rev.corners[i], 1)} of the 4 corners; the same "
            f"code with the reward's sign flipped ends with {num(anti.mean_discs[i], 1)} discs and "
            f"{num(anti.corners[i], 1)} corners. By its own game's rules the Reversi learner wins {rev.won[i]} of "
            f"{reversi.EVAL_GAMES} games against the random player{_drawn(rev, i)}, and the anti-Reversi learner "
            f"{anti.won[i]}{_drawn(anti, i)}.")


def _drawn(t: reversi.Training, i: int) -> str:
    """' (4 drawn)', or nothing where no game was drawn."""
    return f" ({t.drawn[i]} drawn)" if t.drawn[i] else ""


KIND_PLURALS = {"corner": "corners", "edge": "edge squares", "centre": "centre squares"}

NOTHING_SAYS = 'Nothing in the program says "grab corners" or "give discs away"'


def _grabs_corners(rev: reversi.Training, anti: reversi.Training, i: int) -> bool:
    """'Grab corners', as the page shows the numbers: the Reversi learner values a corner above an edge and a centre
    square (two decimals), and holds more corners (one decimal) than the untrained program and the anti-Reversi
    learner."""
    corner, edge, centre = (rounded(w, 2) for w in rev.weights[i])
    held = rounded(rev.corners[i], 1)
    return corner > max(edge, centre) and held > rounded(rev.corners[0], 1) and held > rounded(anti.corners[i], 1)


def _gives_discs_away(rev: reversi.Training, anti: reversi.Training, i: int) -> bool:
    """'Give discs away', as shown (one decimal): the anti-Reversi learner ends with fewer discs than the untrained
    program and than the Reversi learner."""
    ends = rounded(anti.mean_discs[i], 1)
    return ends < rounded(anti.mean_discs[0], 1) and ends < rounded(rev.mean_discs[i], 1)


def _habits_show(rev: reversi.Training, anti: reversi.Training, i: int) -> bool:
    """Both habits show at checkpoint i (see _grabs_corners and _gives_discs_away)."""
    return i > 0 and _grabs_corners(rev, anti, i) and _gives_discs_away(rev, anti, i)


def _showed_before(rev: reversi.Training, anti: reversi.Training, i: int) -> list[int]:
    """The checkpoints (games) before i at which both habits showed."""
    return [n for j, n in enumerate(rev.checkpoints[:i]) if _habits_show(rev, anti, j)]


def _settles(rev: reversi.Training, anti: reversi.Training, i: int) -> bool:
    """Training longer pulls the learners apart: from some checkpoint after i to the last, both habits show at
    every one."""
    return any(all(_habits_show(rev, anti, k) for k in range(j, len(rev.checkpoints)))
               for j in range(i + 1, len(rev.checkpoints)))


def habits_sentence(b: Board) -> str:
    rev, anti = _by_rules(b)
    if b.games == 0:
        return f"{NOTHING_SAYS}, and untrained neither learner has either habit."
    if _habits_show(rev, anti, b.index):
        return f"{NOTHING_SAYS}; both habits come from the sign."
    before = _showed_before(rev, anti, b.index)
    if before:
        return (f"{NOTHING_SAYS}, and at {b.games} games the two habits do not both show, though they did at "
                f"{before[-1]} games: training still wavers; train longer and the sign pulls the learners apart.")
    if _both_wrong_way(rev, anti, b.index):
        i = b.index
        tail = (f" After so few games each learner's values are all under half the size of its largest value at "
                f"{rev.checkpoints[-1]} games, "
                f"still mostly the luck of a few self-play games, so a learner can move the wrong way first; train"
                if _values_small(rev, anti, i) else " Train")
        return (f"{NOTHING_SAYS}, and after only {b.games} games the two habits do not both show yet. Each learner has "
                f"even moved against its own reward so far: the Reversi learner ends with fewer discs than untrained "
                f"({num(rev.mean_discs[i], 1)} against {num(rev.mean_discs[0], 1)}), and the anti-Reversi learner with "
                f"more ({num(anti.mean_discs[i], 1)}).{tail} longer and the sign pulls the learners apart.")
    return (f"{NOTHING_SAYS}, and after only {b.games} games the two habits do not both show yet: train longer and "
            "the sign pulls the learners apart.")


def _both_wrong_way(rev: reversi.Training, anti: reversi.Training, i: int) -> bool:
    """As shown (one decimal), the Reversi learner ends with fewer discs than the untrained program and the
    anti-Reversi learner with more: each has moved against its own reward."""
    return (i > 0 and rounded(rev.mean_discs[i], 1) < rounded(rev.mean_discs[0], 1)
            and rounded(anti.mean_discs[i], 1) > rounded(anti.mean_discs[0], 1))


def _values_small(rev: reversi.Training, anti: reversi.Training, i: int) -> bool:
    """As shown (two decimals), every value of each learner at checkpoint i is under half the size of its largest
    value (in size) after the most training."""
    return all(max(abs(rounded(w, 2)) for w in t.weights[i]) < 0.5 * max(abs(rounded(w, 2)) for w in t.weights[-1])
               for t in (rev, anti))


def weights_sentence(b: Board) -> str:
    shown_values = {k: value_text(w) for k, w in zip(reversi.KINDS, b.weights)}
    rank = {k: round(w, 2) for k, w in zip(reversi.KINDS, b.weights)}
    if b.games == 0:
        return "Before training it values every square alike (zero), so it simply plays the first legal square."
    values = (f"The {RULES[b.sign]} learner has learned to value holding a corner at {shown_values['corner']}, an "
              f"edge square at {shown_values['edge']} and a centre square at {shown_values['centre']}")
    top = [k for k in reversi.KINDS if rank[k] == max(rank.values())]
    low = [k for k in reversi.KINDS if rank[k] == min(rank.values())]
    if len(top) == len(reversi.KINDS):
        return values + ": as shown, all alike."
    return values + (f": it most wants {join_and(KIND_PLURALS[k] for k in top)} and least wants "
                     f"{join_and(KIND_PLURALS[k] for k in low)}.")


def _num_is(text: str, x: float, places: int) -> bool:
    """A number quoted is x to `places` decimals, a half rounded away from zero, as every number here is shown."""
    return float(text.replace("−", "-").replace("+", "")) == rounded(x, places)


def _by_rules(b: Board) -> tuple[reversi.Training, reversi.Training]:
    """(the Reversi learner's training, the anti-Reversi learner's), whichever the reader chose."""
    return (b.training, b.other) if b.sign > 0 else (b.other, b.training)


FLIP_TRUTHS = (
    Truth(r"^Untrained, the two learners are the same program with the same zero values, and they play the same moves: "
          r"(\S+) discs",
          lambda b, m: b.games == 0 and b.training.weights[0] == b.other.weights[0] == (0.0, 0.0, 0.0)
          and b.training.mean_discs[0] == b.other.mean_discs[0] and _num_is(m.group(1), b.training.mean_discs[0], 1),
          "no training, both learners' values zero and their results alike"),
    Truth(r"After (\d+) games of self-play, the learner rewarded for Reversi ends with (\S+) of 16 discs on average against "
          r"a random player and holds (\S+) of the 4 corners; the same code with the reward's sign flipped ends with (\S+) "
          r"discs and (\S+) corners",
          lambda b, m: (lambda rev, anti, i: int(m.group(1)) == b.games > 0
                        and _num_is(m.group(2), rev.mean_discs[i], 1) and _num_is(m.group(3), rev.corners[i], 1)
                        and _num_is(m.group(4), anti.mean_discs[i], 1) and _num_is(m.group(5), anti.corners[i], 1))(
              *_by_rules(b), b.training.checkpoints.index(b.games)),
          "each learner's mean discs and corners against a random player after that much training"),
    Truth(r"learner wins \d+% of", lambda b: False,
          "never: a percentage of games won (the model's score counts a draw as half; the sentence counts the games)"),
    Truth(r"By its own game's rules the Reversi learner wins (\d+) of (\d+) games against the random player"
          r"(?: \((\d+) drawn\))?, and the anti-Reversi learner (\d+)(?: \((\d+) drawn\))?\.",
          lambda b, m: (lambda rev, anti, i: int(m.group(2)) == reversi.EVAL_GAMES
                        and int(m.group(1)) == rev.won[i] and int(m.group(3) or 0) == rev.drawn[i]
                        and int(m.group(4)) == anti.won[i] and int(m.group(5) or 0) == anti.drawn[i]
                        and (m.group(3) is None) == (rev.drawn[i] == 0) and (m.group(5) is None) == (anti.drawn[i] == 0))(
              *_by_rules(b), b.training.checkpoints.index(b.games)),
          "each learner's games won outright by its own rules, of all it played against the random player, and the "
          "games drawn (said where there were any)"),
)

_PLURAL_KIND = {"corners": "corner", "edge squares": "edge", "centre squares": "centre"}


def _kinds(text: str) -> set[str]:
    return {_PLURAL_KIND[k] for k in text.replace(" and ", ", ").split(", ")}


WEIGHTS_TRUTHS = (
    Truth(r"^Before training it values every square alike \(zero\)", lambda b: b.games == 0 and b.weights == (0.0, 0.0, 0.0),
          "no training, and every value zero"),
    Truth(r"The (Reversi|anti-Reversi) learner has learned to value holding a corner at (\S+), an edge square at (\S+) "
          r"and a centre square at (\S+?)(?=[:.](?:\s|$))",
          lambda b, m: b.games > 0 and (m.group(1) == "Reversi") == (b.sign > 0)
          and all(_num_is(m.group(i + 2), w, 2) for i, w in enumerate(b.weights)),
          "the learner of the sign chosen, named, and its learned value of each kind of square, to two decimals"),
    Truth(r"it most wants (.+?) and least wants (.+?)\.$",
          lambda b, m: (lambda shown: _kinds(m.group(1)) == {k for k in shown if shown[k] == max(shown.values())}
                        and _kinds(m.group(2)) == {k for k in shown if shown[k] == min(shown.values())})(
              {k: round(w, 2) for k, w in zip(reversi.KINDS, b.weights)}),
          "the kinds of square with the highest and the lowest value as shown"),
    Truth(r"as shown, all alike", lambda b: len({round(w, 2) for w in b.weights}) == 1,
          "the three values equal to two decimals"),
)

REVERSI_TRUTHS = (
    Truth(r"At (\d+) games? \(the dotted line\) it values a corner at (\S+), an edge square at (\S+) and a centre square "
          r"at (\S+?);",
          lambda b, m: int(m.group(1)) == b.games and all(_num_is(m.group(i + 2), w, 2) for i, w in enumerate(b.weights)),
          "the training shown, and the learner's value for each kind of square there, to two decimals"),
    Truth(r"the Reversi reward's learner ends with (\S+) discs on average and the anti-Reversi reward's (\S+?)\.(?:\s|$)",
          lambda b, m: (lambda rev, anti: _num_is(m.group(1), rev.mean_discs[b.index], 1)
                        and _num_is(m.group(2), anti.mean_discs[b.index], 1))(*_by_rules(b)),
          "each learner's mean discs against a random player at the training shown, to one decimal"),
    Truth(r"^Trained for (Reversi|anti-Reversi)\.", lambda b, m: (m.group(1) == "Reversi") == (b.sign > 0),
          "the sign of the reward chosen"),
    Truth(r"^(Reversi|Anti-Reversi) learner(?:, | after )(\d+) games",
          lambda b, m: (m.group(1) == "Reversi") == (b.sign > 0) and int(m.group(2)) == b.games,
          "the learner drawn: its reward's sign and its training"),
    Truth(r"Move (\d+) of \d+: the (learner|random player) has no legal move and passes; the (learner|random player) ",
          lambda b, m: int(m.group(1)) == b.move >= 2 and b.demo.movers[b.move - 1] == b.demo.movers[b.move - 2]
          and (m.group(3) == "learner") == (b.demo.movers[b.move - 1] == 1) and m.group(2) != m.group(3),
          "the side named had no legal move before the move shown: the other side made this move and the one before"),
    Truth(r"The game is over: (the board is full|neither player can move)\.",
          lambda b, m: b.move == len(b.demo.squares) > 0
          and (0 not in b.demo.positions[b.move]) == (m.group(1) == "the board is full"),
          "the move shown is the game's last (the demo game runs until neither side can move), and the board is full "
          "exactly where no square is empty"),
    Truth(r"^Move (\d+) of \d+(?: \((?:(random|learner) passed)?(?:, )?(end)?\))?$",
          lambda b, m: int(m.group(1)) == b.move
          and (m.group(2) is not None) == (b.move >= 2 and b.demo.movers[b.move - 1] == b.demo.movers[b.move - 2])
          and (m.group(2) is None or (m.group(2) == "random") == (b.demo.movers[b.move - 1] == 1))
          and (m.group(3) is not None) == (b.move == len(b.demo.squares)),
          "the board's move line: 'passed' exactly where the other side moved twice running, 'end' exactly at the "
          "game's last move"),
    Truth(r"(?:The start|Move (\d+) of (\d+): (?:the (?:learner|random player) has no legal move and passes; )?the "
          r"(learner|random player) \((?:filled|hollow) discs\) plays ([a-d][1-4]), turning (\d+)"
          r"(?:\. The game is over: [a-z ]+)?)\. Discs now: learner \(filled\) (\d+), random player \(hollow\) (\d+)\.",
          lambda b, m: (b.move == 0 if m.group(1) is None else
                        int(m.group(1)) == b.move and int(m.group(2)) == len(b.demo.squares)
                        and (m.group(3) == "learner") == (b.demo.movers[b.move - 1] == 1)
                        and m.group(4) == f"{'abcd'[b.demo.squares[b.move - 1] % 4]}{b.demo.squares[b.move - 1] // 4 + 1}"
                        and int(m.group(5)) == b.demo.flipped[b.move - 1])
          and int(m.group(6)) == b.demo.positions[b.move].count(1) and int(m.group(7)) == b.demo.positions[b.move].count(-1),
          "the move of the demo game shown, who made it, where, how many discs it turned, and the discs after it"),
    Truth(r"^Discs: learner (\d+), random (\d+)$",
          lambda b, m: int(m.group(1)) == b.demo.positions[b.move].count(1) and int(m.group(2)) == b.demo.positions[b.move].count(-1),
          "each side's discs after the move shown"),
    Truth(r"^(Corner|Edge|Centre) square: (\S+)$",
          lambda b, m: _num_is(m.group(2), b.weights[reversi.KINDS.index(m.group(1).lower())], 2),
          "the learner's value for that kind of square, to two decimals"),
)


HABITS_TRUTHS = (
    Truth(r"untrained neither learner has either habit", lambda b: b.games == 0 and b.training.weights[0] == (0.0, 0.0, 0.0),
          "no training: both learners are the same program with zero values"),
    Truth(r"both habits come from the sign", lambda b: b.games > 0 and _habits_show(*_by_rules(b), b.index),
          "trained, and as shown the Reversi learner values a corner above every other square and holds more corners "
          "than the untrained program and the anti-Reversi learner, and the anti-Reversi learner ends with fewer "
          "discs than the untrained program and the Reversi learner"),
    Truth(r"after only (\d+) games the two habits do not both show yet", lambda b, m: int(m.group(1)) == b.games > 0
          and not _habits_show(*_by_rules(b), b.index) and not _showed_before(*_by_rules(b), b.index),
          "trained that much, and as shown (see 'both habits come from the sign') the two habits do not both show "
          "there nor at any less training"),
    Truth(r"at (\d+) games the two habits do not both show, though they did at (\d+) games",
          lambda b, m: int(m.group(1)) == b.games > 0 and not _habits_show(*_by_rules(b), b.index)
          and int(m.group(2)) in _showed_before(*_by_rules(b), b.index),
          "trained that much, the two habits do not both show there, and they did at the less training quoted"),
    Truth(r"[Tt]rain longer and the sign pulls the learners apart", lambda b: _settles(*_by_rules(b), b.index),
          "from some later checkpoint to the most training, both habits show at every one"),
    Truth(r"Each learner has even moved against its own reward so far: the Reversi learner ends with fewer discs than "
          r"untrained \((\S+) against (\S+)\), and the anti-Reversi learner with more \((\S+)\)",
          lambda b, m: (lambda rev, anti, i: _both_wrong_way(rev, anti, i) and _num_is(m.group(1), rev.mean_discs[i], 1)
                        and _num_is(m.group(2), rev.mean_discs[0], 1) and _num_is(m.group(3), anti.mean_discs[i], 1))(
              *_by_rules(b), b.index),
          "as shown, the Reversi learner's mean discs below the untrained program's, and the anti-Reversi learner's above"),
    Truth(r"each learner's values are all under half the size of its largest value at (\d+) games",
          lambda b, m: int(m.group(1)) == b.training.checkpoints[-1] and _values_small(*_by_rules(b), b.index),
          "as shown, every value of each learner is under half the size of its largest after the most training"),
    Truth(r"their values are under half the size they reach by (\d+) games",
          lambda b, m: int(m.group(1)) == b.training.checkpoints[-1] and all(
              abs(rounded(w, 2)) < 0.5 * abs(rounded(last, 2))
              for t in (b.training, b.other) for w, last in zip(t.weights[b.index], t.weights[-1])),
          "as shown, each value of each learner under half the size of the same value after the most training"),
)

REVERSI_CLAIMS = (Claim("flip", flip_sentence, truths=FLIP_TRUTHS), Claim("weights", weights_sentence, truths=WEIGHTS_TRUTHS),
                  Claim("habits", habits_sentence, truths=HABITS_TRUTHS))


def reversi_summary(b: Board) -> str:
    """What the two charts show at the dotted line (the games of training chosen): the learner's value for each kind
    of square and both learners' discs. How the two compare is the prose's claim (flip_sentence)."""
    rev, anti = _by_rules(b)
    values = {k: value_text(w) for k, w in zip(reversi.KINDS, b.weights)}
    return (f"Trained for {RULES[b.sign]}. At {count(b.games, 'game')} (the dotted line) it values a corner at "
            f"{values['corner']}, an edge square at {values['edge']} and a centre square at {values['centre']}; "
            f"against a random player the Reversi reward's learner ends with {num(rev.mean_discs[b.index], 1)} discs "
            f"on average and the anti-Reversi reward's {num(anti.mean_discs[b.index], 1)}.")


def reversi_table(b: Board) -> Table:
    rows = []
    for sign, t in sorted(((b.sign, b.training), (-b.sign, b.other)), key=lambda x: -x[0]):
        for i, n in enumerate(t.checkpoints):
            rows.append((RULES[sign], str(n), *(value_text(x) for x in t.weights[i]),
                         num(t.mean_discs[i], 1), num(t.corners[i], 1), num(t.won[i]), num(t.drawn[i])))
    return Table(f"Each learner over training: its values for corner, edge and centre squares, and over "
                 f"{reversi.EVAL_GAMES} games against a random player its mean discs and corners at the end and "
                 f"how many of those games it won by its own rules, and drew",
                 ("Reward", "Games", "Corner", "Edge", "Centre", "Discs", "Corners", "Won", "Drawn"), tuple(rows))


def reversi_live(b: Board) -> dict[str, str]:
    return {"discs": num(b.training.mean_discs[b.index], 1), "rules": RULES[b.sign]}


def board_panel(b: Board, values: Mapping[str, Any]) -> dict[str, Any]:
    g = b.demo
    position = g.positions[b.move]
    last = g.squares[b.move - 1] if b.move else None
    mover = "" if not b.move else ("learner (filled discs)" if g.movers[b.move - 1] == 1 else "random player (hollow discs)")
    w = dict(zip(reversi.KINDS, b.weights))
    squares = [{"owner": v, "name": square_name(s), "last": s == last,
                "value": value_text(w[reversi.KIND_OF[s]]) if not v else ""} for s, v in enumerate(position)]
    black, white = sum(v == 1 for v in position), sum(v == -1 for v in position)
    # a side with no legal move passes (the other moves twice running); the game ends when neither can move
    passed = b.move >= 2 and g.movers[b.move - 1] == g.movers[b.move - 2]
    over = bool(b.move) and b.move == len(g.squares)
    notes = [*(["random passed" if g.movers[b.move - 1] == 1 else "learner passed"] if passed else []),
             *(["end"] if over else [])]
    move_head = "The start" if not b.move else f"Move {b.move} of {len(g.squares)}" + (f" ({', '.join(notes)})" if notes else "")
    move_detail = ("The learner (filled) moves first" if not b.move else
                   f"{'Learner (filled)' if g.movers[b.move - 1] == 1 else 'Random (hollow)'}: {square_name(last)}, "
                   f"turns {g.flipped[b.move - 1]}")
    move_line = (move_head if not b.move else
                 f"Move {b.move} of {len(g.squares)}: "
                 + (f"the {'random player' if g.movers[b.move - 1] == 1 else 'learner'} has no legal move and passes; "
                    if passed else "")
                 + f"the {mover} plays {square_name(last)}, turning {g.flipped[b.move - 1]}"
                 + ((". The game is over: the board is full" if 0 not in position else
                     ". The game is over: neither player can move") if over else ""))
    return {"squares": squares, "sign": "+" if b.sign > 0 else "−", "rules": RULES[b.sign], "games": b.games,
            "title": upper_first(f"{RULES[b.sign]} learner, {count(b.games, 'game')}"),
            "move_head": move_head, "move_detail": move_detail, "score": f"Discs: learner {black}, random {white}",
            "weights": [f"{upper_first(k)} square: {value_text(w[k])}" for k in reversi.KINDS],
            "caption": (f"{upper_first(RULES[b.sign])} learner after {count(b.games, 'game')}. {move_line}. Discs now: learner (filled) "
                        f"{black}, random player (hollow) {white}. Empty squares show the learner's value for holding "
                        f"them.")}


class ReversiResponse(WidgetResponse):
    checkpoints: list[int]
    weights: dict[str, list[list[float]]] = Field(description="Per reward ('reversi', 'anti'): the learner's values "
                                                              "for [corner, edge, centre] at each checkpoint.")
    mean_discs: dict[str, list[float]] = Field(description="Per reward: mean discs at the end against a random player.")
    corners: dict[str, list[float]]
    wins: dict[str, list[float]] = Field(description="Per reward: its score by its own rules, a share of the games "
                                                     "against a random player in which a draw counts half.")
    won: dict[str, list[int]] = Field(description="Per reward: games won outright by its own rules, of the 100 "
                                                  "against a random player.")
    drawn: dict[str, list[int]] = Field(description="Per reward: games of those 100 that ended level.")
    game: dict[str, Any] = Field(description="The game shown: squares played (0-15, row by row), who moved (+1 "
                                             "learner, -1 random player), discs turned, and the board after each move.")


def reversi_api(values: Mapping[str, Any], b: Board) -> dict:
    by = {"reversi" if t.sign > 0 else "anti": t for t in (b.training, b.other)}
    g = b.demo
    return {"checkpoints": list(b.training.checkpoints),
            "weights": {k: [list(w) for w in t.weights] for k, t in by.items()},
            "mean_discs": {k: list(t.mean_discs) for k, t in by.items()},
            "corners": {k: list(t.corners) for k, t in by.items()},
            "wins": {k: list(t.wins) for k, t in by.items()},
            "won": {k: list(t.won) for k, t in by.items()},
            "drawn": {k: list(t.drawn) for k, t in by.items()},
            "game": {"squares": list(g.squares), "movers": list(g.movers), "turned": list(g.flipped),
                     "boards": [list(p) for p in g.positions]}}
