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
    '100%', nor one that is not none '0%' (0.995 -> 'over 99%', 0.004 -> 'under 1%': wording.share)."""
    return wording.share(share)


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


def threshold_figure(r: Lying) -> dict:
    x = [round(100 * d) for d in GRID]
    data = []
    for kind in KINDS:
        # The hover reads each share as the sentences write it (pct): 'over 99%', never '100%' for less than all.
        data.append({"type": "scatter", "mode": "lines", "name": KIND_SHORT[kind], "x": x,
                     "y": [round(v, 4) for v in r.lies[kind]], "line": LINE[kind],
                     "customdata": [pct(v) for v in r.lies[kind]],
                     "hovertemplate": KIND_SHORT[kind] + ": lies %{customdata}<extra>caught %{x}%</extra>"})
    for s in SITUATIONS:
        d = _detect(r, s)
        data.append({"type": "scatter", "mode": "markers", "name": upper_first(s),
                     "x": [round(100 * d)] * 2, "y": [r.at(k, s) for k in KINDS],
                     "customdata": [pct(r.at(k, s)) for k in KINDS],
                     "marker": {"symbol": MARKERS[s], "size": 13, "color": kit.INK, "line": {"width": 2.5, "color": kit.INK}},
                     "hovertemplate": upper_first(s) + ": lies %{customdata}<extra>caught %{x}%</extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 130, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("chance a lie is caught", range=[-3, 103], ticksuffix="%", dtick=25, ticklabelstandoff=6),
        yaxis=kit.axis("share of lies", tickformat=".0%", range=[-0.04, 1.04]))}


def learning_figure(r: Lying) -> dict:
    blocks = len(r.curves["behaviour"]["watched"])
    x = [20 * i + 10 for i in range(blocks)]
    data = []
    for kind in KINDS:
        for s in SITUATIONS:
            data.append({"type": "scatter", "mode": "lines+markers", "name": f"{upper_first(s)}, {KIND_SHORT[kind].lower()}",
                         "x": x, "y": [round(v, 4) for v in r.curves[kind][s]],
                         "customdata": [pct(v) for v in r.curves[kind][s]],
                         "line": {**LINE[kind], "width": 2.5 if s == "watched" else 3.5},
                         "marker": {"symbol": MARKERS[s], "size": 8, "color": LINE[kind]["color"]},
                         "hovertemplate": f"{upper_first(s)}, {KIND_SHORT[kind].lower()}: "
                                          "%{customdata}<extra>chances %{x}±10</extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 130, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("chances to lie so far", range=[0, TRIALS], dtick=50, ticklabelstandoff=6),
        yaxis=kit.axis("share of lies", tickformat=".0%", range=[-0.04, 1.04]))}


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
    stay level), so its share of lies there, over 20% as shown, is a coin toss, not a learned habit."""
    return _zero(r, s) and _certain(r, _detect(r, s)) and wording.points(r.at("behaviour", s)) > 20


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
        shares = [wording.points(r.at("behaviour", s)) for s in SITUATIONS]
        if min(shares) > 50 or max(shares) < 50:
            side = "more" if min(shares) > 50 else "fewer"
            return head + f": in both it lies in {side} than half its chances, as the sign of that average says."
        return head + _as_its_average(r)
    return head + _yet(r, off)


def _as_its_average(r: Lying) -> str:
    """Where each situation's share of lies is on the side of half that a lie's average worth there says: a habit
    only where both are one, as the drawing names it (under 20% or over 80%), else which side of half each is on."""
    shares = {s: wording.points(r.at("behaviour", s)) for s in SITUATIONS}
    if all(x < 20 or x > 80 for x in shares.values()):
        return ": its habit in each situation follows that average."
    more = [s for s in SITUATIONS if shares[s] > 50]
    if len(more) != 1:
        return f": in both it lies in {'more' if more else 'fewer'} than half its chances, as the sign of that average says."
    return (f": it lies in more than half its chances when {more[0]}, where a lie gains on average, and in fewer than "
            f"half when {_other(more[0])}, where it loses.")


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
               if told and lies < 50
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


def rise_reason(r: Lying) -> str:
    """Why it lies more with the probe: the probe changes only a lie's average worth and the noise in every
    payoff. Where it can hide, what the probe leaves as it was and adds (`_hidden_prefix`), then what the
    probe-trained agents learned where lies rose, beside what a hidden lie is worth there (`_learned_part`)."""
    noise = "the probe's false alarms make every payoff noisy" if r.accuracy < 1 else ""
    if r.hide:
        return _hidden_prefix(r) + _learned_part(r, [s for s in SITUATIONS if _rises(r, s)])
    if not noise:
        return ""
    # a rise within the agents' scatter gets no reason; each reason names the one situation it covers, if only one
    real = [s for s in SITUATIONS if _beyond(r, s)]
    luck = [s for s in SITUATIONS if _chance_up(r, s)]
    when = f"when {real[0]} " if len(real) == 1 else ""
    chance = (f"; the rise {f'when {luck[0]} ' if len(luck) == 1 else ''}is {UNTOLD}" if luck else "")
    if r.accuracy == 0.5:      # a lie is worth the same with the probe: its flags favour neither
        return (", though the probe's flags fall on lies and honest answers alike"
                + (f", so the rise {when}is noise they add to learning, not a push toward lying" if real else "") + chance)
    head = ", though the probe makes a lie worth less on average"
    if not real:
        return head + chance
    if _honesty_wins(r):       # the rise stays under 20%: noise adds lies without making lying the habit
        return head + f"; {noise}, and {when}that noise, not a lie's worth, adds those lies" + chance
    push = ("small push" if _small_push(r) else f"push of {pts(_push(r)).lstrip('+')}")
    return head + f"; {noise}, and {when}that noise outweighs its {push} toward honesty" + chance


def _hidden_prefix(r: Lying) -> str:
    """Where it can hide: a hidden lie is flagged as often as the truth, so its worth against the truth is a lie's
    without the probe; what the probe adds is noise (false alarms), or, perfect, nothing for a hidden lie."""
    if r.accuracy < 1:
        return ". A hidden lie is worth on average what a lie was without it, but the probe's false alarms make every payoff noisy"
    return ". A perfect probe never flags a hidden lie, so it pays what a lie did without it"


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


def _rating(edge: float, worth: float) -> str:
    """How the agents' learned edge of lying over the truth stands to a hidden lie's worth against the truth, both as
    shown: 'underrate' or 'overrate' only more than a point (twice the softmax temperature) away from it."""
    gap = round(edge - worth, 1)
    return ("rate lying at its worth" if gap == 0 else "rate lying within a point of its worth" if abs(gap) <= 1
            else "underrate lying" if gap < 0 else "overrate lying")


def _edges(r: Lying, s: str) -> tuple[float, float, float]:
    """In situation s, as shown: the probe-trained agents' learned edge of lying over the truth, the behaviourist
    agents' edge, and a hidden lie's worth against the truth."""
    (pl, pt), (bl, bt) = r.values["probe"][s], r.values["behaviour"][s]
    return _shown(pl - pt), _shown(bl - bt), _shown(r.worth("probe", _detect(r, s)))


UNTOLD = "too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)"


def _rise(r: Lying, s: str) -> float:
    """How many points of share lies rose in s with the probe, from the model's exact shares."""
    return 100 * (r.at("probe", s) - r.at("behaviour", s))


def _noise_band(r: Lying, s: str) -> float:
    """Two standard errors of the difference between the two kinds' shares of lies in s, in points of share."""
    return 200 * math.hypot(r.scatter["probe"][s], r.scatter["behaviour"][s])


def _chance_up(r: Lying, s: str) -> bool:
    """Lies rose in s (`_rises`), by no more than two standard errors of the difference (exact shares)."""
    return _rises(r, s) and _rise(r, s) <= _noise_band(r, s)


def _beyond(r: Lying, s: str) -> bool:
    """Lies rose in s (`_rises`) by more than two standard errors of the difference (exact shares)."""
    return _rises(r, s) and _rise(r, s) > _noise_band(r, s)


def _by_average(r: Lying, s: str) -> tuple[float, float]:
    """The shares of lies the agents' average learned values in s give by the softmax, without the probe and with it."""
    def share(kind: str) -> float:
        lie, truth = r.values[kind][s]
        return 1 / (1 + math.exp(-(lie - truth) / TEMPERATURE))
    return share("behaviour"), share("probe")


def _noise_adds(r: Lying, s: str) -> bool:
    """Short of a perfect probe, lies rose in s beyond chance, and the probe-trained agents lie more than their own
    average values give, by over two of their own standard errors and by more than the behaviourist agents do, by
    over two standard errors of the difference."""
    b, p = _by_average(r, s)
    own = r.at("probe", s) - p
    excess = own - (r.at("behaviour", s) - b)
    return (r.accuracy < 1 and _beyond(r, s) and 100 * own > 200 * r.scatter["probe"][s]
            and 100 * excess > _noise_band(r, s))


def _beside(r: Lying, s: str) -> tuple[int, int]:
    """In s, how many whole points of share (as shown) each group's share of lies runs above the share its average
    learned values give: with the probe, then without."""
    b, p = _by_average(r, s)
    return (_whole(pct(r.at("probe", s))) - _whole(pct(p)), _whole(pct(r.at("behaviour", s))) - _whole(pct(b)))


def _runs(n: int) -> str:
    """How much more often a group lies than its values give, in whole points of share: '9 points more often',
    'as often', '1 point less often'."""
    return "as often" if n == 0 else f"{count(abs(n), 'point')} {'more' if n > 0 else 'less'} often"


def _gives(r: Lying, s: str) -> str:
    """How much of the rise in s, as shown, the two kinds' values' shares give, as shown: 'none' (no rise), 'under
    half', or '' (half or more)."""
    b, p = _by_average(r, s)
    gap, rise = _whole(pct(p)) - _whole(pct(b)), _whole(pct(r.at("probe", s))) - _whole(pct(r.at("behaviour", s)))
    return "none" if gap <= 0 else "under half" if 2 * gap < rise else ""


def _part_tail(r: Lying, s: str) -> str:
    """Where the values' shares, as shown, give under half of the shown rise, or none of it: how far each group's
    share runs from its values' share (their difference is the rest)."""
    with_, without = _beside(r, s)
    share = _gives(r, s)
    if not share:
        return ""
    return (f", which give {share} of the rise: with the probe the agents lie {_runs(with_)} "
            f"{'as' if with_ == 0 else 'than'} their values give, without it {_runs(without)}")


def _average_tail(r: Lying, s: str) -> str:
    """Where lies rose in s beyond chance: the shares each group's average learned values give by the softmax, and
    noise in the payoffs where the probe-trained agents lie more beyond those than the others do; else, where those
    shares give less than the rise, how far each group runs from them."""
    b, p = _by_average(r, s)
    noise = (", so with the probe, noise in the payoffs adds lies beyond what those values give" if _noise_adds(r, s)
             else _part_tail(r, s))
    return (f". By their average learned values alone, the agents trained without the probe would lie there in {pct(b)} "
            f"of chances and those trained with it in {pct(p)}{noise}")


def _learned_one(r: Lying, s: str, lead: str, short: bool) -> str:
    """What the probe-trained agents learned in situation s, as an edge over the truth beside the behaviourist
    agents' edge and a hidden lie's worth against the truth, and the verdict those shown numbers give."""
    edge, without, worth = _edges(r, s)
    than = "as from the truth" if edge == 0 else "than from the truth"
    values = (f"{_than(edge)} from lying {than}" if short else
              f"its agents learned to expect {_than(edge)} from lying (the better of a plain lie and a hidden one) {than}")
    if short:
        values = f"they learned to expect {values}"
    if _certain_with_probe(r, _detect(r, s)):
        pays = "pays just what the truth does every time" if worth == 0 else f"pays {_than(worth)} than the truth every time"
    else:
        pays = ("is worth on average just what the truth is" if worth == 0
                else f"is worth {_than(worth)} than the truth on average")
    tail = (f". But the rise is {UNTOLD}" if _chance_up(r, s) else _average_tail(r, s) if _beyond(r, s) else "")
    before = "the same as the truth" if without == 0 else _than(without, False)
    there = "in each" if lead == "In both, " else "there"
    return (f"{lead}{values} ({before} without the probe), while a hidden lie {pays}, so they "
            f"{_rating(edge, worth)} {there}{tail}")


def _learned_part(r: Lying, more: list[str]) -> str:
    """Where lies rose with the probe, what its agents learned there and what a hidden lie is worth there, as numbers
    a reader can check; the verdict as those numbers, as shown, say."""
    if len(more) == 1:
        return ". " + _learned_one(r, more[0], "There, ", False)
    if len({_learned_one(r, s, "", True) for s in more}) == 1:     # the same numbers in both: said once
        return ". " + _learned_one(r, more[0], "In both, ", False)
    return ". " + ". ".join(_learned_one(r, s, f"When {s}, ", bool(i)) for i, s in enumerate(more))


def _certain_with_probe(r: Lying, detect: float) -> bool:
    """With the probe, every answer there pays the same every time: a perfect probe, and a lie never caught or always."""
    return r.accuracy == 1 and detect in (0.0, 1.0)


def _split(r: Lying, s: str) -> tuple[str, str]:
    """The shares of hidden and plain lies in situation s: the hidden share as the rooms panel writes it (pct), the
    plain share the rest of the share of lies quoted there ('over 99%' counts 99 or 100, 'under 1%' 0), except that one the
    page writes 'under 1%' or 'over 99%' reads so, and one above none that comes to 0 reads 'under 1%'."""
    hidden = pct(r.hidden[s])
    total, plain = pct(r.at("probe", s)), r.plain[s]
    # 'over 99%' lies may split into parts that add up to 100: the rest nearer the plain share
    rest = min({_whole(total), 100 if total.startswith("over ") else _whole(total)},
               key=lambda n: abs(n - _whole(hidden) - 100 * plain)) - _whole(hidden)
    bounded = pct(plain).startswith(("under ", "over "))
    return hidden, pct(plain) if bounded else "under 1%" if rest <= 0 < plain else f"{max(rest, 0)}%"


def _half(share: float) -> str:
    """A share of lies as pct writes it, with the decimals (`pct_beside`) that keep one under half from reading 50%."""
    return wording.pct_beside(share, 0.5) if share < 0.5 <= wording.points(share) / 100 else pct(share)


def _whole(text: str) -> int:
    """A share as written ('36%', 'over 99%', 'under 1%') as the whole number it adds up as: 36, 99, 0."""
    return 0 if text.startswith("under ") else int(text.rstrip("%").split()[-1])


def _push(r: Lying) -> float:
    """How many points the probe takes off a lie's average worth, against the truth: penalty × (2 × accuracy − 1)."""
    return round(r.penalty * r.probe_edge(), 9) + 0.0


def _small_push(r: Lying) -> bool:
    """The probe's push toward honesty is at most half what a lie gains (small against the gain)."""
    return _push(r) <= r.gain / 2


def _honesty_wins(r: Lying) -> bool:
    """With the probe it lies in under 20% of chances in both situations (as shown), against more than half
    somewhere without it."""
    return (_few(r.at("probe", "watched")) and _few(r.at("probe", "unwatched"))
            and max(r.at("behaviour", s) for s in SITUATIONS) > 0.5)


def _probe_even(r: Lying, s: str) -> bool:
    """With the probe, in situation s a lie (one it can read: no hiding) is worth 0 against the truth, as shown, and
    it lies in 20% to 80% of chances there (as shown): the average gives no reason either way."""
    share = r.at("probe", s)
    return (not r.hide and r.penalty > 0 and _zero(r, s, "probe")
            and not _few(share) and not _many(share))


def _even_part(r: Lying) -> str:
    """Why it lies in 20% to 80% of its chances with the probe where a lie's worth is 0: where every payoff is certain
    (a perfect probe, a lie never caught or always), the penalties take back just what it gains, so the agents'
    values stay level and the share is a coin toss; elsewhere the average alone gives no reason either way, so
    nothing pushes it where the share is near even and the learned values level (`_level`), and otherwise what the
    agents learned to expect from each, out of noisy payoffs, sets the habit."""
    even = [s for s in SITUATIONS if _probe_even(r, s)]
    if not even:
        return ""
    s = even[0]
    where, share = (("In both situations", f"its {pct(r.at('probe', s))} in each") if len(even) == 2
                    else (f"When {s}", f"its {pct(r.at('probe', s))} there"))
    if r.accuracy == 1 and _detect(r, s) == 0:
        why = "every lie is flagged and the penalty takes back just what it gains, so a lie pays what the truth does"
    elif r.accuracy == 1 and _detect(r, s) == 1:
        why = ("every lie is caught and flagged, and the two penalties take back just what it gains, so a lie pays "
               "what the truth does")
    elif all(_level(r, x) for x in even):
        return f" {where}, a lie is worth on average just what the truth is, so nothing pushes it either way: {share} is no learned habit of lying."
    else:
        lie, truth = r.values["probe"][s]
        each, there = (" in each", "in each") if len(even) == 2 else ("", "there")
        return (f" {where}, a lie is worth on average just what the truth is; its agents learned to expect {points(lie)} "
                f"from a lie against {points(truth)} from the truth{each}, and lie in {pct(r.at('probe', s))} of chances "
                f"{there}: noise in the payoffs, not their average, settles the habit.")
    return f" {where}, {why}, and {share} is chance, not a learned habit of lying."


def _level(r: Lying, s: str) -> bool:
    """With the probe, the agents in situation s lie in 40% to 60% of chances (as shown) and their learned values of a
    lie and of the truth are within a point of each other (twice the softmax temperature): no lean either way."""
    lie, truth = r.values["probe"][s]
    return 40 <= wording.points(r.at("probe", s)) <= 60 and abs(lie - truth) <= 2 * TEMPERATURE


def _against(r: Lying, s: str) -> bool:
    """With the probe, the share of lies in situation s goes against a lie's average worth there, as both are shown:
    at least 50% where a lie loses, under 50% where it gains. Where the agents can hide their intent, the worth is a
    hidden lie's (the better way to lie, with a probe no worse than a coin toss), and only where they learned to hide
    nowhere (else hiding is the story)."""
    if r.penalty == 0 or any(r.hides(x) for x in SITUATIONS):
        return False
    worth, lies = rounded(r.worth("probe", _detect(r, s)), 1), r.at("probe", s)
    return (worth < 0 and lies >= 0.5) or (worth > 0 and lies < 0.5)


def _against_one(r: Lying, s: str) -> tuple[str, str, str, str, str]:
    """What the against-the-worth clause says of situation s: the worth, the share, the two learned values, why."""
    worth, (lie, truth) = r.worth("probe", _detect(r, s)), r.values["probe"][s]
    close = ", two values too close to settle the habit either way" if abs(lie - truth) <= 2 * TEMPERATURE else ""
    if worth > 0:
        why = (", so they lie less often than not, and an agent learns what a lie is worth only by lying"
               if _shown_below(lie, truth) else close)
    else:
        why = ", an estimate above the exact average" if lie - truth > worth else close
    return pts(worth), _half(r.at("probe", s)), points(lie), points(truth), why


def _explained(r: Lying, s: str) -> bool:
    """What its agents learned to expect there explains the habit: the values as shown rank a lie and the truth as
    the habit does, or are too close to settle it."""
    return bool(_against_one(r, s)[4]) or (_shown_below(*r.values["probe"][s]) if r.worth("probe", _detect(r, s)) > 0
                                           else _shown_below(*reversed(r.values["probe"][s])))


def _against_part(r: Lying, skip: tuple[str, ...] = ()) -> str:
    """Where the habit with the probe goes against a lie's average worth (outside `skip`, the situations a rise reason
    already explains), what its agents learned to expect."""
    against = [s for s in SITUATIONS if s not in skip and _against(r, s) and _explained(r, s)]
    said = [_against_one(r, s) for s in against]
    a_lie = "a hidden lie" if r.hide else "a lie"
    if len(said) == 2 and said[0] == said[1]:
        worth, share, lie, truth, why = said[0]
        return (f" In both situations {a_lie} is worth {worth} on average against the truth, yet it lies in {share} of "
                f"chances: its "
                f"agents learned to expect {lie} from a lie against {truth} from the truth{why}.")
    return "".join(f" When {s}, {a_lie} is worth {worth} on average against the truth, yet it lies in {share} of "
                   f"chances: its agents "
                   f"learned to expect {lie} from a lie there against {truth} from the truth{why}."
                   for s, (worth, share, lie, truth, why) in zip(against, said))


def probe_sentence(r: Lying) -> str:
    head = (f"Add the probe ({pct(r.accuracy)} accurate), and it lies in {_half(r.at('probe', 'watched'))} of chances "
            f"when watched and {_half(r.at('probe', 'unwatched'))} when unwatched")
    if r.penalty == 0:
        return head + ". With no penalty, a flag costs nothing, so the probe takes nothing from any answer." + _no_penalty_gap(r)
    bw_, bu_ = _half(r.at("behaviour", "watched")), _half(r.at("behaviour", "unwatched"))
    without = f"{bw_} in both" if bw_ == bu_ else f"{bw_} and {bu_}"
    the = "" if bw_.startswith(("under ", "over ")) else "the "
    reason = ""
    # the situations a rise reason explains; any other whose habit goes against a lie's worth still gets its clause
    risen: tuple[str, ...] = ()
    if _all_alike(r):
        head += f", about as seldom as without it ({without})"
    elif _probe_raises(r):
        more = [s for s in SITUATIONS if _rises(r, s)]
        head += (f", up from {the}{without} without it" if len(more) == 2
                 else f", against {the}{without} without it: more than without it when {more[0]}")
        reason = rise_reason(r)
        head += reason
        risen = tuple(more) if reason else ()
    elif _probe_shifts(r):
        up = next(s for s in SITUATIONS if _rises(r, s))
        luck = ", by too little to tell from chance," if _chance_down(r, _other(up)) else ""
        head += f", against {the}{without} without it: fewer when {_other(up)}{luck} but more when {up}"
        reason = rise_reason(r)
        head += reason
        risen = (up,) if reason else ()
    hiding = [s for s in SITUATIONS if r.hides(s)]
    if hiding:
        return head + _hiding_part(r)
    reads = (f"{pct(r.accuracy)} of the lies it can read and {pct(1 - r.accuracy)} of honest answers and hidden lies"
             if r.hide else f"{pct(r.accuracy)} of lies and {pct(1 - r.accuracy)} of honest answers")
    flags = f"the probe flags {reads}"
    split = ""
    if r.hide:
        s = max(SITUATIONS, key=lambda s: r.at("probe", s))
        if wording.points(r.at("probe", s)) >= 20:
            hidden, plain = _split(r, s)
            which = "answers in each situation" if r.watched == r.unwatched else f"{s} answers"
            split = (f" Of its {which}, {hidden} are hidden lies and {plain} plain ones"
                     + (": a probe no better than a coin toss flags both alike, so it gives no reason to prefer "
                        "either." if r.accuracy == 0.5 else "."))
    if _honesty_wins(r):
        alarms = (f"false alarms cost an honest answer {pts(r.penalty * (1 - r.accuracy)).lstrip('+')} on average"
                  if r.accuracy < 1 else "a perfect probe raises no false alarms")
        return head + (f". The probe reads intent whether anyone watches or not (it flags {reads}), so honesty now wins in "
                       f"both; {alarms}.{split}") + _against_part(r, risen)
    losing = [s for s in SITUATIONS if _loses(r, s)]
    a_lie = "a hidden lie" if r.hide else "a lie"     # with hiding possible, the probe's worth is a hidden lie's
    if len(losing) == 2:
        still = " still" if all(_lost(r, s) for s in SITUATIONS) else ""
        worth = (f"{pts(r.worth('probe', r.watched))} in each" if r.watched == r.unwatched else
                 f"{pts(r.worth('probe', r.watched))} when watched and {pts(r.worth('probe', r.unwatched))} when unwatched")
        return head + (f". Honesty{still} loses in both situations: {flags}, and even so {a_lie} is worth {worth} on "
                       f"average against the truth.{split}") + _against_part(r, risen)
    even = _even_part(r)
    if losing:
        where = losing[0]
        still = " still" if _lost(r, where) else ""
        return head + (f". Honesty{still} loses when {where}: {flags}, and even so {a_lie} there is worth "
                       f"{pts(r.worth('probe', _detect(r, where)))} on average against the truth.{split}{even}"
                       + _against_part(r, risen))
    # after a reason, the flags start a sentence of their own
    return (head + (f". {upper_first(flags)}" if reason else f"; {flags}") + f".{split}{even}"
            + _against_part(r, risen))


def _no_penalty_gap(r: Lying) -> str:
    """With no penalty and hiding possible, where its shares read otherwise than without the probe: where the gap comes from."""
    if not r.hide or all(pct(r.at("probe", s)) == pct(r.at("behaviour", s)) for s in SITUATIONS):
        return ""
    return (" Its shares differ from those without it only because its agents choose between two ways to lie, "
            "which changes their dice rolls.")


def _hiding_named(r: Lying) -> list[str]:
    """The situations the hiding sentence names: every one where it learned to hide (`Lying.hides`), and only those."""
    return [s for s in SITUATIONS if r.hides(s)]


def _hiding_part(r: Lying) -> str:
    """Where the probe-trained agents learned to hide (`Lying.hides`): their hidden and plain shares there, in short
    sentences; where a hidden lie is worth just what the truth is, that they shun plain lies rather than seek to hide."""
    hiding = _hiding_named(r)
    splits = {s: _split(r, s) for s in hiding}
    even = [s for s in hiding if _zero(r, s, "probe")]
    lead = "When it lies, it hides its intent" if len(even) == len(hiding) else "It learned to hide its intent"
    most = "all" if all(splits[s][1] == "0%" for s in hiding) else "most"
    flagged = ("never flagged, like an honest answer" if r.accuracy == 1
               else f"flagged only as often as an honest answer ({pct(1 - r.accuracy)} of the time)")
    if len(hiding) == 1:
        hidden, plain = splits[hiding[0]]
        text = (f". {lead}: {hidden} of its {hiding[0]} answers are hidden lies, against {plain} plain ones, so {most} "
                f"of its lies there are {flagged}.")
    elif _hidden_alike(r):
        (hw, pw), (hu, pu) = splits["watched"], splits["unwatched"]
        plain = f"{pw} plain ones" if pw == pu else f"{pw} plain ones when watched and {pu} when unwatched"
        text = (f". {lead}: {hw} of its answers in each situation are hidden lies, against {plain}, so {most} of its "
                f"lies are {flagged}.")
    else:
        (hw, pw), (hu, pu) = splits["watched"], splits["unwatched"]
        text = (f". {lead} in both situations. Of its watched answers, {hw} are hidden lies and {pw} plain ones; of "
                f"its unwatched answers, {hu} and {pu}. So {most} of its lies are {flagged}.")
    if even:
        place = "there" if len(hiding) == 1 else "in each situation" if len(even) == 2 else f"when {even[0]}"
        text += (f" A hidden lie {place} is worth on average just what the truth is, so nothing pushes it toward either; "
                 f"what it learned {'there ' if len(even) < len(hiding) else ''}is to shun plain lies.")
    return text


# ---- What each phrase asserts, read from the trained agents (tests/test_truths.py checks them over the grid) ----

def _hidden_alike(r: Lying) -> bool:
    """It learned to hide in both situations (`Lying.hides`), and its shares of hidden lies read alike in both (as the
    rooms panel writes them)."""
    return pct(r.hidden["watched"]) == pct(r.hidden["unwatched"]) and all(r.hides(s) for s in SITUATIONS)


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


def _probe_raises(r: Lying) -> bool:
    """With the probe it lies at least as often as without in both situations (or about as often: `_alike`), and
    more often in one, as the shares are written."""
    pairs = [(r.at("probe", s), r.at("behaviour", s)) for s in SITUATIONS]
    return (all(_rank(p) >= _rank(b) or _alike(p, b) for p, b in pairs)
            and any(_rises(r, s) for s in SITUATIONS))


def _named(situation: str | None) -> tuple[str, ...]:
    """The situations a phrase names: one, or both where it names none ('In both situations')."""
    return (situation,) if situation else SITUATIONS


def _even_named(r: Lying, m, name: int, share: int, there: int) -> bool:
    """A phrase of _even_part: each situation it names (group `name`; both if none) is one where nothing pushes it
    either way with the probe, its share there is quoted (group `share`), 'in each' only for both."""
    named = _named(m.group(name))
    return (all(_probe_even(r, s) and _pct_is(m.group(share), r.at("probe", s)) for s in named)
            and (m.group(there) == "in each") == (len(named) == 2))


def _loses(r: Lying, s: str) -> bool:
    """With the probe, honesty still loses in situation s: it lies in more than half its chances there, and a lie (a
    hidden one, where it can hide) is worth more than the truth on average, as shown: above 0 to one decimal, so a
    worth of 0 is never a gain."""
    return r.at("probe", s) > 0.5 and rounded(r.worth("probe", _detect(r, s)), 1) > 0


def _lost(r: Lying, s: str) -> bool:
    """Without the probe, honesty lost in situation s too: it lied in more than half its chances there."""
    return r.at("behaviour", s) > 0.5


def _chance_down(r: Lying, s: str) -> bool:
    """Lies fell in s (`_falls`), by no more than two standard errors of the difference (exact shares)."""
    return _falls(r, s) and -_rise(r, s) <= _noise_band(r, s)


def _falls(r: Lying, s: str) -> bool:
    """With the probe it lies less often in situation s, as the shares are written (`_rises` the other way)."""
    p, b = r.at("probe", s), r.at("behaviour", s)
    return _rank(p) < _rank(b) and not _alike(p, b)


def _probe_shifts(r: Lying) -> bool:
    """With the probe it lies more often in one situation and less often in the other, as the shares are written."""
    return any(_rises(r, s) and _falls(r, _other(s)) for s in SITUATIONS)


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
    Truth(r"lies in ((?:over |under )?\d+)% of chances when watched \(a lie caught ((?:over |under )?\d+)% of the time\) and ((?:over |under )?\d+)% when unwatched "
          r"\(caught ((?:over |under )?\d+)%\)",
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
          r"is, so its ((?:over |under )?\d+)% there is chance, not a learned habit of lying",
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
          r"(\S+) from a lie against (\S+) from the truth, and lie in ((?:over |under )?\d+)% of chances",
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
          lambda r, m: m.group(1) != m.group(2) and wording.points(r.at("behaviour", m.group(1))) > 50
          and r.worth("behaviour", _detect(r, m.group(1))) > 0 and wording.points(r.at("behaviour", m.group(2))) < 50
          and r.worth("behaviour", _detect(r, m.group(2))) < 0,
          "in the first situation a lie gains on average and it lies in over 50% of chances (as shown); in the other "
          "a lie loses on average and it lies in under 50%"),
    Truth(r"in both it lies in (more|fewer) than half its chances, as the sign of that average says",
          lambda r, m: all(_follows(r, s) for s in SITUATIONS) and not any(_coin_toss(r, s) for s in SITUATIONS)
          and all((wording.points(r.at("behaviour", s)) > 50) if m.group(1) == "more"
                  else (wording.points(r.at("behaviour", s)) < 50) for s in SITUATIONS)
          and all(r.worth("behaviour", _detect(r, s)) * (1 if m.group(1) == "more" else -1) >= 0 for s in SITUATIONS),
          "in both situations the share of lies (as shown) is on the side of 50% that a lie's average worth says, and "
          "neither is a coin toss (a lie worth 0 every time)"),
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
          lambda r, m: r.worth("behaviour", _detect(r, m.group(1))) > 0
          and wording.points(r.at("behaviour", m.group(1))) < 50
          and _shown_below(*r.values["behaviour"][m.group(1)]),
          "a lie gains on average there, yet the agents' learned value of a lie is below the truth's (as shown) and "
          "they lie in under 50% of chances there (as shown)"),
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


def _against_holds(r: Lying, m) -> bool:
    """The against-the-worth clause, read back: each situation named goes against its worth, with the numbers quoted;
    a reason only where it holds, and none only where the learned values as shown already rank as the habit does."""
    where = SITUATIONS if m["where"] == "In both situations" else (m["where"].split()[1],)
    for s in where:
        worth, (lie, truth) = r.worth("probe", _detect(r, s)), r.values["probe"][s]
        if not (_against(r, s) and _pts_is(m["worth"], worth) and _half_is(m["share"], r.at("probe", s))
                and _pts_is(m["lie"], lie) and _pts_is(m["truth"], truth)):
            return False
        why = m["why"] or ""
        if "less often than not" in why and not (worth > 0 and _shown_below(lie, truth)):
            return False
        if "too close" in why and not abs(lie - truth) <= 2 * TEMPERATURE:
            return False
        if "estimate above" in why and not (worth < 0 and lie - truth > worth):
            return False
        if not why and not (_shown_below(lie, truth) if worth > 0 else _shown_below(truth, lie)):
            return False
    return True


def _against_pattern(a_lie: str) -> str:
    """The against-the-worth clause, for 'a lie' or 'a hidden lie' (`_against_part`)."""
    return (r"(?P<where>When (?:watched|unwatched)|In both situations),? " + a_lie + r" is worth (?P<worth>\S+) "
            r"points? on average against the truth, yet it lies in (?P<share>(?:over |under |just under )?\d+(?:\.\d+)?)% of chances: its agents learned to "
            r"expect (?P<lie>\S+) from a lie(?: there)? against (?P<truth>\S+) from the truth(?P<why>, so they lie less "
            r"often than not, and an agent learns what a lie is worth only by lying|, two values too close to settle "
            r"the habit either way|, an estimate above the exact average)?\.")


def _against_all_said(r: Lying, m) -> bool:
    """Each situation whose habit with the probe goes against a lie's average worth, where what its agents learned
    explains that habit and it lies no more than without the probe, is named in an against-the-worth clause of the
    sentence `m` holds."""
    a_lie = "a hidden lie" if r.hide else "a lie"
    both = f"In both situations {a_lie} is worth" in m.group(0)
    return all(both or f"When {s}, {a_lie} is worth" in m.group(0)
               for s in SITUATIONS if _against(r, s) and _explained(r, s) and not _rises(r, s))


def _rise_named(r: Lying, situation: str | None) -> bool:
    """A rise reason scoped to the situation named is about the only one where lies rose; unscoped, lies rose in both."""
    if situation is None:
        return all(_rises(r, s) for s in SITUATIONS)
    return _rises(r, situation) and not _rises(r, _other(situation))


# What the probe-trained agents learned where lies rose (`_learned_one`): the edges, a hidden lie's worth, the verdict.
_THAN = r"(\S+ points? (?:less|more)|as much)"
_WORTH_RATED = (r" \((\S+ (?:less|more)|the same as the truth) without the probe\), while a hidden lie (is worth \S+ points? (?:less|more) "
                r"than the truth on average|is worth on average just what the truth is|pays \S+ points? (?:less|more) than "
                r"the truth every time|pays just what the truth does every time), so they (underrate lying|overrate lying|"
                r"rate lying at its worth|rate lying within a point of its worth) (?:there|in each)(\. But the rise is too small to "
                r"tell from chance in this run \(within twice the standard error of the gap between the two groups' shares\)|\. By their "
                r"average learned values alone, the agents trained without the probe would lie there in (?:under |over )?"
                r"\d+% of chances and those trained with it in (?:under |over )?\d+%(?:, so with the probe, noise in the payoffs adds lies beyond "
                r"what those values give|, which give (?:none|under half) of the rise: with the probe the agents lie (?:as often "
                r"as|\d+ points? (?:more|less) often than) their values give, without it (?:as often|\d+ points? "
                r"(?:more|less) often))?)?")
_LEARNED_ONE = (r"its agents learned to expect " + _THAN + r" from lying \(the better of a plain lie and a hidden one\) "
                r"(?:than|as) from the truth" + _WORTH_RATED)
_LEARNED_SHORT = r"they learned to expect " + _THAN + r" from lying (?:than|as) from the truth" + _WORTH_RATED
_PREFIX = (r"\. (?:A hidden lie is worth on average what a lie was without it, but the probe's false alarms make every "
           r"payoff noisy|A perfect probe never flags a hidden lie, so it pays what a lie did without it)\. ")

_LEARNED_END = (_PREFIX + r"(?:There, |In both, |When watched, )" + _LEARNED_ONE + r"(?:\. When unwatched, " + _LEARNED_SHORT
                + r")?\.(?: (?!By their|But the rise|When unwatched, they)|$)")


def _read_than(text: str) -> float | None:
    """A difference as written ('2.9 points less', '1.5 less', 'as much') as a signed number; None if malformed."""
    if text in ("as much", "the same as the truth"):
        return 0.0
    amount, *_, side = text.split()
    value = float(amount)
    return None if value == 0 else -value if side == "less" else value


def _learned_holds(r: Lying, s: str, m, g: int) -> bool:
    """The learned-values clause for situation s (groups g to g + 4 of `m`), read back against the model: the edges
    and the worth as shown, 'than'/'as' as the edge says, the verdict they give, and a tail exactly where it holds."""
    said, without, worth_text, verdict, tail = m.group(*range(g, g + 5))
    edge, b_edge, worth = _edges(r, s)
    worth_said = (0.0 if "just what the truth" in worth_text
                  else _read_than(worth_text.split(" than the truth")[0].removeprefix("pays ").removeprefix("is worth ")))
    certain = _certain_with_probe(r, _detect(r, s))
    clause = m.group(0)
    as_from = f"{said} from lying as from the truth" in clause or (f"{said} from lying (the better of a plain lie and a "
                                                                   f"hidden one) as from the truth" in clause)
    return (r.hide and r.penalty > 0 and _read_than(said) == edge and _read_than(without) == b_edge
            and worth_said == worth and as_from == (edge == 0)
            and worth_text.startswith("pays" if certain else "is worth")
            and verdict == _rating(edge, worth)
            and _tail_holds(r, s, tail))


def _tail_holds(r: Lying, s: str, tail: str | None) -> bool:
    """A learned-values clause's tail, read back from the model's exact shares: none only where lies did not rise;
    'too small to tell from chance' exactly where the rise is within two standard errors of the difference of the
    two kinds' shares; beyond that, the two shares a softmax of each kind's average learned edge gives, and noise
    only where `_noise_adds` holds."""
    if tail is None:
        return not (_chance_up(r, s) or _beyond(r, s))
    if "too small to tell from chance" in tail:
        return _chance_up(r, s) and UNTOLD in tail
    lift = re.search(r"trained without the probe would lie there in ((?:under |over )?\d+)% of chances and those trained "
                     r"with it in ((?:under |over )?\d+)%", tail)
    b, p = _by_average(r, s)
    return (_beyond(r, s) and lift is not None and _pct_is(lift[1], b) and _pct_is(lift[2], p)
            and ("noise in the payoffs" in tail) == _noise_adds(r, s) and _part_holds(r, s, tail))


def _part_holds(r: Lying, s: str, tail: str) -> bool:
    """'which give none/under half of the rise' exactly where no noise is named and the values' shares, as shown, give
    under half the shown rise (none: they give no rise); each group's distance from its values' share as shown."""
    m = re.search(r"which give (none|under half) of the rise: with the probe the agents lie (as often|\d+ points? "
                  r"(?:more|less) often) (as|than) their values give, without it (as often|\d+ points? "
                  r"(?:more|less) often)", tail)
    with_, without = _beside(r, s)
    if m is None:
        return _noise_adds(r, s) or not _gives(r, s)

    def said(text: str) -> int:
        return 0 if text.startswith("as") else int(text.split()[0]) * (1 if "more" in text else -1)
    return (not _noise_adds(r, s) and m[1] == _gives(r, s) and said(m[2]) == with_ and said(m[4]) == without
            and (m[3] == "as") == (with_ == 0)
            and all(re.fullmatch(r"as often|1 point \w+ often|(?!1 )\d+ points \w+ often", x) for x in (m[2], m[4])))


def _in_each(m) -> bool:
    """A learned-values clause's verdict ends 'in each' (said of both situations at once), not 'there'."""
    return bool(re.search(r"(?:lying|its worth) in each", m.group(0)))


def _the_shares(m) -> bool:
    """'the' before the shares without the probe ('the 5% and 20%') only where the first reads as a plain number."""
    return m.group(0).count("the " + m.group(1) + "%") == (0 if m.group(1).startswith(("under", "over")) else 1)


def _real_named(r: Lying, situation: str | None) -> bool:
    """A noise reason scoped to the situation named is about the only one where lies rose beyond chance; unscoped,
    they rose beyond chance in both."""
    if situation is None:
        return all(_beyond(r, s) for s in SITUATIONS)
    return _beyond(r, situation) and not _beyond(r, _other(situation))


def _luck_named(r: Lying, situation: str | None) -> bool:
    """'The rise is too small to tell from chance' scoped to the situation named is about the only one where lies rose within
    chance; unscoped, they rose within chance in both."""
    if situation is None:
        return all(_chance_up(r, s) for s in SITUATIONS)
    return _chance_up(r, situation) and not _chance_up(r, _other(situation))


def _split_is(r: Lying, s: str, hidden: str, plain: str) -> bool:
    """Shares of hidden and plain lies quoted for situation s: the hidden share as the page writes shares (pct, as the
    rooms panel does); the plain share within a point of its exact value, and as pct writes it where that reads 'under
    1%' or 'over 99%'; 'under 1%' only for one above none under 1%,
    0 only for none and 100 only for all; the two add up to the share of lies quoted there ('over 99%' as 99, 'under
    1%' as 0), or, where one of the three reads 'under 1%' or 'over 99%', to within that point."""
    hidden, plain = hidden.removesuffix("%") + "%", plain.removesuffix("%") + "%"
    if not _pct_is(hidden.removesuffix("%"), r.hidden[s]):
        return False
    e, text = 100 * r.plain[s], plain.removesuffix("%")
    if pct(r.plain[s]).startswith(("under ", "over ")) and plain != pct(r.plain[s]):
        return False
    if text == "under 1":
        ok = 0 < e < 1
    elif text == "over 99":
        ok = 99 < e < 100
    else:
        ok = text.isdigit() and abs(int(text) - e) < 1 and (int(text) == 0) == (e == 0) and (int(text) == 100) == (e >= 100)
    total = pct(r.at("probe", s))
    gap = _whole(total) - _whole(hidden) - _whole(plain)
    bounded = any(t.startswith(("under ", "over ")) for t in (hidden, plain, total))
    return ok and (gap == 0 or (bounded and abs(gap) <= 1))


PROBE_TRUTHS = (
    Truth(_against_pattern("a lie"), lambda r, m: not r.hide and _against_holds(r, m),
          "with the probe and no hiding, the share of lies there (as shown) goes against a lie's average worth (at "
          "least 50% where it loses, under 50% where it gains); the worth, share and learned values quoted; a reason "
          "only where it holds, else the learned values as shown rank a lie and the truth as the habit does"),
    Truth(_against_pattern("a hidden lie"), lambda r, m: r.hide and _against_holds(r, m),
          "the agents can hide their intent but learned to nowhere, and the share of lies there (plain and hidden, as "
          "shown) goes against a hidden lie's average worth, the better way to lie (the probe flags it only as often "
          "as the truth): at least 50% where it loses, under 50% where it gains; the worth, share and learned values "
          "quoted (a lie's value is the better of its two ways); a reason only where it holds, else the learned "
          "values as shown rank a lie and the truth as the habit does"),
    Truth(r"^Add the probe \(.*$", _against_all_said,
          "every situation where the share of lies with the probe (as shown) goes against a lie's average worth there "
          "(a hidden lie's, where the agents can hide but learned to nowhere), where the agents' learned values as "
          "shown rank a lie and the truth as the habit does or lie within a point of each other, and where it does not "
          "lie more than without the probe (a rise the sentence gives its own reason for), is named in a 'yet it lies "
          "in' clause"),
    Truth(r"when unwatched, up from " + _WITHOUT + " without it",
          lambda r, m: _without_is(r, m) and _the_shares(m) and all(_rises(r, s) for s in SITUATIONS),
          "the behaviourist agents' shares of lies, and with the probe more lies in both situations, as the shares "
          "are written ('over 99%' is less than '100%'; '1%' and '1%' are the same; from 'under 1%' to '1%', or "
          "between two shares under 2 points of share apart and shown at most a point apart, is no rise)"),
    Truth(r"when unwatched, against " + _WITHOUT + " without it: more than without it when (watched|unwatched)",
          lambda r, m: _without_is(r, m) and _the_shares(m) and _rises(r, m.group(3))
          and (_rank(r.at("probe", _other(m.group(3)))) == _rank(r.at("behaviour", _other(m.group(3))))
               or _alike(r.at("probe", _other(m.group(3))), r.at("behaviour", _other(m.group(3))))),
          "the behaviourist agents' shares of lies, and with the probe more lies in the situation named and the "
          "same share in the other (or one alike: both 1% or less, or under 2 points of share apart and shown at most "
          "a point apart), as the shares are written"),
    Truth(r"when unwatched, against " + _WITHOUT + " without it: fewer when (watched|unwatched)(, by too little to "
          r"tell from chance,)? but more when (watched|unwatched)",
          lambda r, m: _without_is(r, m) and _the_shares(m) and m.group(3) != m.group(5) and _falls(r, m.group(3))
          and _rises(r, m.group(5)) and (m.group(4) is not None) == _chance_down(r, m.group(3)),
          "the behaviourist agents' shares of lies, and with the probe fewer lies in the first situation named and more "
          "in the second, as the shares are written ('over 99%' is less than '100%'; '1%' and '1%' are the same; from "
          "'under 1%' to '1%', or between two shares under 2 points of share apart and shown at most a point apart, is no "
          "change); 'by too little to tell from chance' exactly where the fall (exact shares) is at most two standard "
          "errors of the difference between the two kinds' shares"),
    Truth(r"though the probe's flags fall on lies and honest answers alike, so the rise (?:when (watched|unwatched) )?is noise they "
          r"add to learning, not a push toward lying",
          lambda r, m: r.accuracy == 0.5 and not r.hide and r.penalty > 0 and _real_named(r, m.group(1))
          and all(r.worth("probe", _detect(r, s)) == r.worth("behaviour", _detect(r, s)) for s in SITUATIONS),
          "a 50% probe flags every answer alike, so a lie is worth the same with it as without, and it lies more "
          "with it (as the shares are written) in the situation named, and not in the other; in both where none is "
          "named; the agent cannot hide (choosing the better of two ways to lie would favour lying)"),
    Truth(r"; the rise (?:when (watched|unwatched) )?is too small to tell from chance in this run \(within twice the "
          r"standard error of the gap between the two groups' shares\)",
          lambda r, m: not r.hide and _luck_named(r, m.group(1)),
          "the probe-trained agents lie more (as the shares are written; by the exact shares) by no more than two standard errors of the "
          "difference between the two kinds' shares (each the scatter of its 20 agents' own shares over the root of "
          "20) in the situation named, and not so in the other; in both where none is named"),
    Truth(r"within twice the scatter of", lambda r: False,
          "the chance test is on the gap between the two groups' shares, whose standard error (the root of the sum of "
          "their squared standard errors) is more than either group's own"),
    Truth(r"though the probe's flags fall on lies and honest answers alike",
          lambda r: r.accuracy == 0.5 and not r.hide and r.penalty > 0
          and all(r.worth("probe", _detect(r, s)) == r.worth("behaviour", _detect(r, s)) for s in SITUATIONS),
          "a 50% probe flags every answer alike, so a lie is worth the same with it as without"),
    Truth(r"though the probe makes a lie worth less on average",
          lambda r: not r.hide and r.accuracy > 0.5 and r.penalty > 0
          and all(r.worth("probe", _detect(r, s)) < r.worth("behaviour", _detect(r, s)) for s in SITUATIONS),
          "the probe flags lies more often than honest answers, with a penalty, so a lie is worth less with it in both "
          "situations"),
    Truth(r"though the probe makes a lie worth less on average; the probe's false alarms make every payoff noisy, and (?:when "
          r"(?P<when>watched|unwatched) )?that noise (outweighs its (?P<push>small push|push of (?P<size>\S+) points?) "
          r"toward honesty|, not a lie's worth, adds those lies)",
          lambda r, m: not r.hide and 0.5 < r.accuracy < 1 and r.penalty > 0 and _real_named(r, m["when"])
          and all(r.worth("probe", _detect(r, s)) < r.worth("behaviour", _detect(r, s)) for s in SITUATIONS)
          and (m["push"] is None) == _honesty_wins(r)
          and (m["push"] is None or (m["push"] == "small push") == _small_push(r))
          and (m["size"] is None or _amount_is(m["size"], _push(r))),
          "the probe flags lies more often than honest answers (better than a coin toss, short of perfect, with a "
          "penalty), so a lie is worth less with it in both situations, yet it lies more with it (as the shares are "
          "written) in the situation named and not in the other (in both, where none is named: no verdict on a "
          "situation where lies did not rise): the only other thing the probe changes is the noise of its false alarms. That noise "
          "'outweighs' the push toward honesty only where honesty does not now win in both (under 20% lies with the "
          "probe in both, against 50% or more somewhere without it); there it 'adds those lies'. The push is "
          "penalty × (2 × accuracy − 1), the points the probe takes off a lie's average worth: 'small' where it is at "
          "most half the gain, else given in points"),
    Truth(r"more (?:than without it )?when (watched|unwatched)" + _PREFIX + "There, " + _LEARNED_ONE,
          lambda r, m: _rise_named(r, m.group(1)) and _learned_holds(r, m.group(1), m, 2) and not _in_each(m),
          "with the probe it lies more (as the shares are written) in the situation named and not in the other; there "
          "the probe-trained agents' learned edge of lying (the better of a plain and a hidden lie) over the truth, the "
          "behaviourist agents' edge, and a hidden lie's worth against the truth, each as shown to one decimal ('pays "
          "… every time' only where every payoff is certain: a perfect probe, a lie never caught or always; else 'on "
          "average'); 'underrate' where the edge is more than a point (twice the softmax temperature) below the worth, "
          "'overrate' where more than a point above, 'within a point' where at most a point away, 'at its worth' where "
          "equal; 'too small to tell from chance' exactly where the rise (exact shares) is at most two standard errors of "
          "the difference between the two kinds' shares; beyond that, A% and B%, a softmax (temperature 0.5) of each "
          "kind's average learned edge; 'noise in the payoffs adds lies beyond' only short of a perfect probe, where "
          "the probe-trained agents' share exceeds their own softmax share by more than the behaviourist agents' does, "
          "by over those two standard errors"),
    Truth(r"without it" + _PREFIX + "In both, " + _LEARNED_ONE,
          lambda r, m: all(_rises(r, s) and _learned_holds(r, s, m, 1) for s in SITUATIONS) and _in_each(m),
          "with the probe it lies more in both situations (as the shares are written), and in each the learned edges "
          "and a hidden lie's worth read as quoted, with the verdict and the tail those numbers give"),
    Truth(r"without it" + _PREFIX + "When watched, " + _LEARNED_ONE + r"\. When unwatched, " + _LEARNED_SHORT,
          lambda r, m: all(_rises(r, s) for s in SITUATIONS) and _learned_holds(r, "watched", m, 1)
          and _learned_holds(r, "unwatched", m, 6) and not _in_each(m),
          "with the probe it lies more in both situations (as the shares are written); in each, the learned edges and "
          "a hidden lie's worth as quoted, with the verdict and the tail those numbers give"),
    Truth(r"a hidden lie is worth on average what a lie was without it, but the probe's false alarms make every payoff noisy",
          lambda r: r.hide and r.penalty > 0 and r.accuracy < 1
          and all(r.worth("probe", _detect(r, s)) == r.worth("behaviour", _detect(r, s)) for s in SITUATIONS),
          "the probe flags a hidden lie as often as the truth, so a hidden lie's worth against the truth is a lie's "
          "without the probe, in both situations; short of perfect, it flags some answers of every kind, with a "
          "penalty, so no payoff is the same every time"),
    Truth(r"a perfect probe never flags a hidden lie, so it pays what a lie did without it",
          lambda r: r.hide and r.accuracy == 1
          and all(r.worth("probe", _detect(r, s)) == r.worth("behaviour", _detect(r, s)) for s in SITUATIONS),
          "the probe is 100% accurate, so it flags hidden lies (and honest answers) 0% of the time, and a hidden "
          "lie's worth against the truth is a lie's without the probe"),
    Truth(r"^Add the probe \(.*$",
          lambda r, m: not (r.hide and r.penalty > 0) or not any(_rises(r, s) for s in SITUATIONS)
          or re.search(_LEARNED_END, m.group(0)) is not None,
          "where it can hide and lies more with the probe somewhere, the claim says, after the rise, what its agents "
          "learned there, in one of the forms whose every phrase is checked"),
    Truth(r"when unwatched, about as seldom as without it \(" + _WITHOUT + r"\)",
          lambda r, m: _without_is(r, m) and _all_alike(r),
          "the behaviourist agents' shares of lies, and every share with and without the probe reads 5% or less, "
          "in each situation the two under 2 points of share apart (or both 1% or less)"),
    Truth(r"of its (watched|unwatched) answers are hidden lies, against [^,]+ plain ones, so (all|most) of its lies there",
          lambda r, m: r.hidden[m.group(1)] > 0 and (r.plain[m.group(1)] == 0 if m.group(2) == "all"
                                                    else r.hidden[m.group(1)] > r.plain[m.group(1)] > 0),
          "'all': it has hidden lies there and no plain ones (0%, as written, is none); 'most': more hidden lies "
          "than plain ones, and some plain ones"),
    Truth(r"(When (watched|unwatched)|In both situations), every lie is (flagged and the penalty takes|caught and "
          r"flagged, and the two penalties take) back just what it gains, so a lie pays what the truth does, and its "
          + P + r" (there|in each) is chance, not a learned habit of lying",
          lambda r, m: _even_named(r, m, 2, 4, 5)
          and all(r.accuracy == 1 and _detect(r, s) == (0 if m.group(3).startswith("flagged") else 1)
                  for s in _named(m.group(2))),
          "in the situation named (or both), with the probe a lie is worth 0 against the truth as shown, it lies in 20% "
          "to 80% of chances there (as shown; the share quoted) and cannot hide; the probe is perfect and a lie is "
          "never caught ('flagged') or always ('caught and flagged'), so every payoff is certain"),
    Truth(r"(When (watched|unwatched)|In both situations), a lie is worth on average just what the truth is, so nothing "
          r"pushes it either way: its " + P + r" (there|in each) is no learned habit of lying",
          lambda r, m: _even_named(r, m, 2, 3, 4) and all(_level(r, s) for s in _named(m.group(2))),
          "in the situation named (or both), with the probe a lie is worth 0 against the truth as shown, it lies in 40% "
          "to 60% of chances there (as shown; the share quoted), its agents' learned values of a lie and of the truth "
          "there are within a point of each other (twice the softmax temperature), and it cannot hide"),
    Truth(r"(When (watched|unwatched)|In both situations), a lie is worth on average just what the truth is; its agents "
          r"learned to expect (\S+) from a lie against (\S+) from the truth(?: in each)?, and lie in " + P
          + r" of chances (there|in each): noise in the payoffs, not their average, settles the habit",
          lambda r, m: _even_named(r, m, 2, 5, 6)
          and all(_pts_is(m.group(3), r.values["probe"][s][0]) and _pts_is(m.group(4), r.values["probe"][s][1])
                  and not (r.accuracy == 1 and _certain(r, _detect(r, s))) for s in _named(m.group(2)))
          and ("in each" in m.group(0).split(", and lie")[0]) == (m.group(2) is None),
          "in the situation named (or both), with the probe a lie is worth 0 against the truth as shown, but only on "
          "average (a payoff that is not the same every time); it lies in 20% to 80% of chances there and cannot "
          "hide; the agents' learned values of a lie and of the truth there, and their share of lies, as quoted"),
    Truth(r"Add the probe \(((?:over |under )?\d+)% accurate\), and it lies in " + P + " of chances when watched and " + P + " when unwatched",
          lambda r, m: _pct_is(m.group(1), r.accuracy) and _half_is(m.group(2), r.at("probe", "watched"))
          and _half_is(m.group(3), r.at("probe", "unwatched")),
          "the probe's accuracy and the probe-trained agents' shares of lies"),
    Truth(r"With no penalty, a flag costs nothing, so the probe takes nothing from any answer\.( Its shares differ from "
          r"those without it only because its agents choose between two ways to lie, which changes their dice rolls\.)?",
          lambda r, m: r.penalty == 0 and (r.hide or r.lies["probe"] == r.lies["behaviour"])
          and (m.group(1) is not None) == (r.hide and any(pct(r.at("probe", s)) != pct(r.at("behaviour", s))
                                                          for s in SITUATIONS)),
          "no penalty, and (unless it can hide) the same shares of lies with the probe as without; the shares' gap "
          "put down to the two ways to lie exactly where it can hide and a share with the probe reads otherwise than "
          "without it (with no penalty the two kinds' rewards are the same, and only the way to lie and the random "
          "draws it takes differ)"),
    Truth(r"A hidden lie (there|in each situation|when watched|when unwatched) is worth on average just what the truth "
          r"is, so nothing pushes it toward either; what it learned (there )?is to shun plain lies",
          lambda r, m: (lambda hiding, named: set(named) == {s for s in hiding if _zero(r, s, "probe")}
                        and (m.group(1) == "there") == (len(hiding) == 1) and set(named) <= set(hiding)
                        and (m.group(2) is not None) == (len(named) < len(hiding)))(
              _hiding_named(r),
              [s for s in SITUATIONS if m.group(1) in ("there", "in each situation", f"when {s}")
               and (m.group(1) != "there" or s in _hiding_named(r))]),
          "in each situation named (the one it hides in, for 'there'; both for 'in each'), it learned to hide (hidden lies "
          "at least 10% of its answers and twice its plain ones, with a probe that flags a plain lie more often) and a "
          "hidden lie is worth 0 against the truth, as shown, so it shuns plain lies; every situation where it hides "
          "and a hidden lie is worth 0 is named; 'there' after 'what it learned' only where it hides elsewhere too"),
    Truth(r"It learned to hide its intent",
          lambda r: r.hide and r.penalty > 0 and r.accuracy > 0.5
          and any(not _zero(r, s, "probe") for s in _hiding_named(r)),
          "it can hide its intent, the probe flags a plain lie more often than a hidden one (better than a coin "
          "toss, with a penalty), and somewhere at least 10% of its answers are hidden lies, at least twice as many "
          "as plain ones (a clear preference, not chance), where a hidden lie is worth other than the truth (as "
          "shown): hiding is learned, not only plain lies shunned"),
    Truth(r"When it lies, it hides its intent",
          lambda r: bool(_hiding_named(r)) and all(_zero(r, s, "probe") for s in _hiding_named(r)),
          "somewhere it learned to hide (`Lying.hides`), and wherever it did, a hidden lie is worth just what the truth "
          "is (as shown): its lies are hidden ones, but nothing pushes it to lie"),
    Truth(r"(?:It learned to hide its intent|When it lies, it hides its intent): ((?:over |under )?\d+)% of its "
          r"(watched|unwatched) answers are hidden lies, against ((?:over |under )?\d+)% plain ones",
          lambda r, m: r.hide and _split_is(r, m.group(2), m.group(1), m.group(3))
          and _hiding_named(r) == [m.group(2)],
          "it learned to hide in the situation named (at least 10% of its answers there hidden lies, at least twice as "
          "many as plain ones) and not in the other; the hidden share as the rooms panel writes it, the plain share the "
          "rest of the share of lies quoted ('under 1%' as pct writes it)"),
    Truth(r"(?:It learned to hide its intent|When it lies, it hides its intent) in both situations\. Of its watched "
          r"answers, (?P<hw>(?:over |under )?\d+)% are hidden lies and (?P<pw>(?:over |under )?\d+)% plain ones; of its "
          r"unwatched answers, (?P<hu>(?:over |under )?\d+)% and (?P<pu>(?:over |under )?\d+)%\. So (?P<most>all|most) "
          r"of its lies are (?:never flagged, like an honest answer|flagged only as often as an honest answer "
          r"\((?P<alarm>(?:over |under )?\d+)% of the time\))",
          lambda r, m: all(r.hides(s) for s in SITUATIONS) and not _hidden_alike(r)
          and _split_is(r, "watched", m["hw"], m["pw"]) and _split_is(r, "unwatched", m["hu"], m["pu"])
          and (m["most"] == "all") == all(r.plain[s] == 0 for s in SITUATIONS)
          and (r.accuracy == 1 if m["alarm"] is None else r.accuracy < 1 and _pct_is(m["alarm"], 1 - r.accuracy)),
          "it learned to hide in both situations (at least 10% of its answers hidden lies, twice its plain ones); each "
          "situation's hidden share as the rooms panel writes it and plain share the rest of the share of lies quoted; "
          "'all' only where it tells no plain lie; 'never flagged' only with a perfect probe, else the share of honest "
          "answers flagged"),
    Truth(r"so (?:most|all) of its lies there are flagged only as often as an honest answer \(((?:over |under )?\d+)% of the time\)",
          lambda r, m: r.hide and r.accuracy < 1 and _pct_is(m.group(1), 1 - r.accuracy)
          and any(r.hides(s) for s in SITUATIONS),
          "hidden lies, which the probe flags at the rate it flags honest answers (its complement), outnumber plain "
          "ones where it hides"),
    Truth(r"so (?:most|all) of its lies there are never flagged, like an honest answer",
          lambda r: r.hide and r.accuracy == 1 and any(r.hides(s) for s in SITUATIONS),
          "a 100% accurate probe never flags a hidden lie (nor an honest answer), and hidden lies outnumber plain ones "
          "where it hides"),
    Truth(r"(?:It learned to hide its intent|When it lies, it hides its intent): ((?:over |under )?\d+)% of its answers in "
          r"each situation are hidden lies, against ((?:over |under )?\d+)% plain ones(?: when watched and "
          r"((?:over |under )?\d+)% when unwatched)?, so "
          r"(all|most) of its lies are (never flagged, like an honest answer|flagged only as often as an honest answer "
          r"\(((?:over |under )?\d+)% of the time\))",
          lambda r, m: r.hide and any(r.hides(s) for s in SITUATIONS)
          and _split_is(r, "watched", m.group(1), m.group(2))
          and _split_is(r, "unwatched", m.group(1), m.group(3) or m.group(2))
          and all(r.hides(s) for s in SITUATIONS)
          and (m.group(4) == "all") == all(r.plain[s] == 0 for s in SITUATIONS)
          and (r.accuracy == 1 if m.group(6) is None else r.accuracy < 1 and _pct_is(m.group(6), 1 - r.accuracy)),
          "it learned to hide in each situation (at least 10% of its answers hidden lies, twice its plain ones); "
          "the hidden share as the rooms "
          "panel writes it, the same in both; each plain share the rest of the share of lies quoted there; 'all' only "
          "where it tells no plain lie; 'never flagged' only with a perfect probe, else the share of honest answers flagged"),
    Truth(r"penalty (?:now )?falls only on (?:the )?lies it can read",
          lambda r: r.accuracy == 1,
          "the probe never flags an honest answer or a hidden lie: it flags those 1 − accuracy of the time, so only "
          "a 100% accurate probe"),
    Truth(r"Of its (?:(watched|unwatched) answers|answers in each situation), ((?:over |under )?\d+)% are hidden lies and "
          r"((?:over |under )?\d+)% plain ones",
          lambda r, m: r.hide and all(_split_is(r, s, m.group(2), m.group(3)) for s in _named(m.group(1)))
          and (m.group(1) is None) == (r.watched == r.unwatched),
          "the shares of hidden and plain lies there ('in each situation' exactly where both have one chance of being "
          "caught, so the same learners): the hidden share as the rooms panel writes it, the plain share "
          "within a point of its own (neither 0 unless none, nor 100 unless all; 'under 1%' as pct writes it), adding "
          "up to the share of lies quoted there ('over 99%' as 99, 'under 1%' as 0)"),
    Truth(r"a probe no better than a coin toss flags both alike", lambda r: r.accuracy == 0.5,
          "the probe is 50% accurate: it flags a plain lie and a hidden one (or an honest answer) equally often"),
    Truth(r"(?:[;:] |\. )[Ii]t flags \S+ of", lambda r: False,
          "'it' beside the probe is the agent: a clause on what the probe flags names the probe"),
    Truth(r"it flags ((?:over |under )?\d+)% of (?:the )?lies (?:it can read )?and ((?:over |under )?\d+)% of honest answers",
          lambda r, m: _pct_is(m.group(1), r.accuracy) and _pct_is(m.group(2), 1 - r.accuracy),
          "the probe's accuracy, and its complement"),
    Truth(r"so honesty now wins in both",
          lambda r: _honesty_wins(r),
          "under 20% lies with the probe in both situations (as shown), against more than half somewhere without it"),
    Truth(r"false alarms cost an honest answer (\S+) points? on average",
          lambda r, m: r.accuracy < 1 and _amount_is(m.group(1), r.penalty * (1 - r.accuracy)),
          "the penalty times the share of honest answers flagged"),
    Truth(r"a perfect probe raises no false alarms", lambda r: r.accuracy == 1, "the probe is 100% accurate"),
    Truth(r"and even so (a|a hidden) lie (?:there )?is worth",
          lambda r, m: (m.group(1) == "a hidden") == r.hide,
          "with hiding possible, the worth quoted is a hidden lie's (the probe flags it as often as the truth), "
          "not a plain lie's"),
    Truth(r"Honesty( still)? loses in both situations: .*?, and even so a (?:hidden )?lie is worth (\S+) points? (?:in each|when "
          r"watched and (\S+) points? when unwatched)",
          lambda r, m: all(_loses(r, s) and _pts_is(m.group(g) or m.group(2), r.worth("probe", _detect(r, s)))
                           for g, s in ((2, "watched"), (3, "unwatched")))
          and (m.group(3) is None) == (r.watched == r.unwatched)
          and (m.group(1) is not None) == all(_lost(r, s) for s in SITUATIONS),
          "lies in more than half its chances with the probe in both situations, and a lie worth more than the truth in "
          "each, as shown (above 0 to one decimal), one worth 'in each' exactly where both have one chance of being "
          "caught; 'still' only where it lied in more than half in both without it"),
    Truth(r"Honesty( still)? loses when (watched|unwatched): .*?, and even so a (?:hidden )?lie there is worth (\S+) points? on average",
          lambda r, m: _loses(r, m.group(2)) and _pts_is(m.group(3), r.worth("probe", _detect(r, m.group(2))))
          and not all(_loses(r, s) for s in SITUATIONS) and (m.group(1) is not None) == _lost(r, m.group(2)),
          "lies in more than half its chances with the probe there, and a lie still worth more than the truth on "
          "average, as shown (above 0 to one decimal); not so in the other situation; 'still' only where it lied in "
          "more than half its chances there without it"),
)

LYING_TRUTHS = (
    Truth(r"^Trained with a reward that sees only behaviour, the agent lies in ((?:over |under )?\d+)% of chances when watched and ((?:over |under )?\d+)% "
          r"when unwatched; with the probe added, ((?:over |under )?\d+)% and ((?:over |under )?\d+)%\.$",
          lambda r, m: all(_pct_is(m.group(i + 1), r.at(k, s)) for i, (k, s) in
                           enumerate((("behaviour", "watched"), ("behaviour", "unwatched"), ("probe", "watched"), ("probe", "unwatched")))),
          "each reward's shares of lies, watched and unwatched"),
    Truth(r"^Trained agents: watched \(caught ((?:over |under )?\d+)%\), they lie in ((?:over |under )?\d+)% of chances with a behaviourist reward and ((?:over |under )?\d+)% "
          r"with the probe; unwatched \(caught ((?:over |under )?\d+)%\), ((?:over |under )?\d+)% and ((?:over |under )?\d+)%\.$",
          lambda r, m: _pct_is(m.group(1), r.watched) and _pct_is(m.group(4), r.unwatched)
          and all(_pct_is(m.group(i), r.at(k, s)) for i, k, s in
                  ((2, "behaviour", "watched"), (3, "probe", "watched"), (5, "behaviour", "unwatched"), (6, "probe", "unwatched"))),
          "the chances of being caught and each reward's shares of lies"),
    Truth(r"^(Behaviourist reward|Reward plus probe), (watched|unwatched): (mostly honest|mostly lying|mixed) \(lies in ((?:over |under )?\d+)% "
          r"of chances\)(?:; learned values: lie (\S+), truth (\S+)|; hidden lies: ((?:over |under )?\d+)%)$",
          lambda r, m: (lambda kind, s: _pct_is(m.group(4), r.at(kind, s))
                        and {"mostly honest": _few(r.at(kind, s)), "mostly lying": _many(r.at(kind, s)),
                             "mixed": not _few(r.at(kind, s)) and not _many(r.at(kind, s))}[m.group(3)]
                        and (_pts_is(m.group(5), r.values[kind][s][0]) and _pts_is(m.group(6), r.values[kind][s][1])
                             if m.group(5) else kind == "probe" and r.hide and _pct_is(m.group(7), r.hidden[s])))(
              "behaviour" if m.group(1) == "Behaviourist reward" else "probe", m.group(2)),
          "a cell of the drawing: its share of lies, the word for it (under 20%: honest; over 80%: lying), and its "
          "learned values or share of hidden lies"),
    Truth(r"^A lie's worth: with probe$", lambda r: not r.hide,
          "the agents cannot hide their intent, so every lie is one the probe can read"),
    Truth(r"^A (?:hidden|plain) lie's worth: with probe$", lambda r: r.hide,
          "the agents can hide their intent: the probe flags a hidden lie as often as the truth, a plain one more often"),
    Truth(r"Bottom line: the value they have learned to expect", lambda r: not r.hide,
          "the agents cannot hide their intent, so every cell's bottom line gives the learned values"),
    Truth(r"Bottom line: with the behaviourist reward, .*; with the probe, the share of chances they answer with a lie "
          r"hidden from it", lambda r: r.hide,
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
_STOPS = "an estimate that stops updating once they stop choosing that answer"
ROOMS_KEY = {False: f"Bar and word: how often the trained agents lie. Bottom line: {_LEARNED}, {_STOPS}.",
             True: (f"Bar and word: how often the trained agents lie. Bottom line: with the behaviourist reward, "
                    f"{_LEARNED} ({_STOPS}); with the probe, the share of chances they answer with a lie hidden from it.")}


def rooms_panel(r: Lying, values: Mapping[str, Any]) -> dict[str, Any]:
    cells = {}
    for kind in KINDS:
        for s in SITUATIONS:
            share = r.at(kind, s)
            lie, truth = r.values[kind][s]
            foot = (f"hidden lies: {pct(r.hidden[s])}" if kind == "probe" and r.hide
                    else f"lie {points(lie)}, truth {points(truth)}")
            cells[f"{kind}-{s}"] = {"share": share, "word": habit(share), "text": "lies " + pct(share).replace("over ", ">").replace("under ", "<"), "foot": foot,
                                    "title": (f"{KIND_TITLES[kind]}, {s}: {HABIT_WORDS[habit(share)]} (lies in "
                                              f"{pct(share)} of chances); "
                                              + (foot if foot.startswith("hidden") else f"learned values: {foot}"))}
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
    scatter: dict[str, dict[str, float]] = Field(description="Per reward: the standard error of the share of lies, "
                                                             "watched and unwatched (the spread of the agents' own "
                                                             "shares over the root of their number). The claims call a "
                                                             "rise with the probe chance where it is at most twice the "
                                                             "root of the sum of the two rewards' squares.")


def lying_api(values: Mapping[str, Any], r: Lying) -> dict:
    return {"detection": list(GRID), "lies": {k: list(v) for k, v in r.lies.items()},
            "situations": {k: dict(r.situations[k]) for k in KINDS},
            "worth": {**{k: {s: round(r.worth(k, _detect(r, s)), 4) for s in SITUATIONS} for k in KINDS},
                      **({"probe_plain": {s: round(r.plain_worth(_detect(r, s)), 4) for s in SITUATIONS}}
                         if r.hide else {})},
            "learned_values": {k: {s: list(v) for s, v in r.values[k].items()} for k in KINDS},
            "hidden": dict(r.hidden), "scatter": {k: dict(r.scatter[k]) for k in KINDS}}


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


def weights_figure(b: Board) -> dict:
    t = b.training
    data = [{"type": "scatter", "mode": "lines", "name": upper_first(k), "x": list(t.checkpoints),
             "y": [w[i] for w in t.weights], "line": {"color": KIND_COLOURS[k], "dash": KIND_DASH[k], "width": 3},
             "customdata": [value_text(w[i]) for w in t.weights],
             "hovertemplate": upper_first(k) + ": %{customdata}<extra>%{x} games</extra>"}
            for i, k in enumerate(reversi.KINDS)]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True, shapes=[games_line(b)],
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
        margin={"t": 16, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True, shapes=[games_line(b)],
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
    Truth(r"(?:The start|Move (\d+) of (\d+): the (learner|random player) \((?:filled|hollow) discs\) plays ([a-d][1-4]), "
          r"turning (\d+))\. Discs now: learner \(filled\) (\d+), random player \(hollow\) (\d+)\.",
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
    move_head = "The start" if not b.move else f"Move {b.move} of {len(g.squares)}"
    move_detail = ("The learner (filled) moves first" if not b.move else
                   f"{'Learner (filled)' if g.movers[b.move - 1] == 1 else 'Random (hollow)'}: {square_name(last)}, "
                   f"turns {g.flipped[b.move - 1]}")
    move_line = move_head if not b.move else f"{move_head}: the {mover} plays {square_name(last)}, turning {g.flipped[b.move - 1]}"
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
