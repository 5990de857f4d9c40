"""Presenters for the valence-disorders page: pure functions of the model's result."""
from __future__ import annotations

import functools
import math
import re
from typing import Any, Mapping

import numpy as np
from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, num, pct, rounded, share, signed, upper_first, whole_points

from .model import IDS, MILD, MOMENTS, NAMES, STRONG, Day, day

SHORT = {"task": "Task", "friend": "Friend", "plan": "Plan", "colleague": "Colleague", "self": "Self",
         "snack": "Snack", "itch": "Itch"}

# The patterns' thresholds, in whole percentages as the page shows them (content.md states them).
NEGATIVE_AT, POSITIVE_AT = 80, 90          # at least this share of thoughts negative / positive
# All-or-nothing: under BETWEEN_UNDER% within two points of neutral, at least STRONG_AT% strong each way. With
# STRONG_AT + POSITIVE_AT == 100 and NEGATIVE_AT <= POSITIVE_AT, a day of only strong thoughts meets one pattern.
BETWEEN_UNDER, STRONG_AT = 10, 100 - POSITIVE_AT
assert NEGATIVE_AT <= POSITIVE_AT


# --- Wording helpers of this page ---------------------------------------------------------------------------

def duration(minutes: int) -> str:
    """'1 minute', '45 minutes', '1 hour', '2.5 hours' (to a tenth of an hour from one hour up, halves up as the kit
    rounds: 681 minutes are 11.4 hours); a time short of the whole day that would round to it reads 'all but 2
    minutes', never as the whole day."""
    if minutes < 60:
        return count(minutes, "minute")
    hours = rounded(minutes / 60, 1)
    if minutes < MOMENTS and hours * 60 >= MOMENTS:
        return f"all but {count(MOMENTS - minutes, 'minute')}"
    return count(hours, "hour") if hours == int(hours) else f"{num(hours, 1)} hours"


def of_the_day(text: str) -> str:
    """A duration in a sentence: 'all but 2 minutes' says of what."""
    return text + " of the day" if text.startswith("all but") else text


def were(n: int) -> str:
    return "was" if n == 1 else "were"


# --- Shares of the day's thoughts, as the page shows them ------------------------------------------------------
# Shares that make up a whole are shown in whole percent that add up to it (wording.whole_points), so 97.5% bad
# and 2.5% good never read "98% bad, 3% good"; a share that is not all never reads "100%" and one that is not
# none never reads "0%" ("over 99%", "under 1%"; in the small valence box, ">99%", "<1%"). The patterns are
# decided on these whole percentages, as shown.

def _per_day(fn):
    """Remember `fn` for the last day it was given (by identity): a page's sentences ask it dozens of times a day.
    The day and its answer are kept as one tuple, so a thread never reads one day's answer for another."""
    last: tuple = (None, None)

    @functools.wraps(fn)
    def once(d: Day):
        nonlocal last
        seen = last
        if seen[0] is not d:
            seen = last = (d, fn(d))
        return seen[1]
    return once


@_per_day
def split_shares(d: Day) -> dict[str, float]:
    """The day's thoughts by sign (negative, zero: exactly 0, positive) and by distance from neutral (mild: within a
    point; middle: 1 to 2 either way; strong good: +2 or more; strong bad: −2 or less). 'Bad', in the valence box and
    its caption, is valence 0 or below (negative plus zero), as the drawing's hatched side counts it: a thought at
    0 is thrown out like a negative one."""
    v = np.array(d.valences)
    middle = (np.abs(v) >= MILD) & (np.abs(v) < STRONG)
    return {"negative": float(np.mean(v < 0)), "zero": float(np.mean(v == 0)), "positive": float(np.mean(v > 0)),
            "mild": float(np.mean(np.abs(v) < MILD)), "between": float(np.mean(np.abs(v) < STRONG)),
            "middle": float(np.mean(middle)), "good": float(np.mean(v >= STRONG)), "bad": float(np.mean(v <= -STRONG))}


@_per_day
def split_points(d: Day) -> dict[str, int]:
    """Those shares in whole percent as shown: negative, zero and positive add up to 100, and so do mild, middle,
    strong good and strong bad; strong is strong good plus strong bad as shown, 'between' (short of strong) mild
    plus middle, and 'nonpositive' (bad: 0 or below) negative plus zero."""
    s = split_shares(d)
    neg, zero, pos = whole_points((s["negative"], s["zero"], s["positive"]))
    mild, middle, good, bad = whole_points((s["mild"], s["middle"], s["good"], s["bad"]))
    return {"negative": neg, "zero": zero, "positive": pos, "nonpositive": neg + zero, "mild": mild, "middle": middle,
            "good": good, "bad": bad, "strong": good + bad, "between": mild + middle}


def share_text(x: float, points: int, short: bool = False) -> str:
    """A share as shown: its whole percent, but never 100% for less than all nor 0% for more than none."""
    if points >= 100 and x < 1:
        return ">99%" if short else "over 99%"
    if points <= 0 and x > 0:
        return "<1%" if short else "under 1%"
    return f"{points}%"


def _share(s: dict[str, float], key: str) -> float:
    return (s["good"] + s["bad"] if key == "strong" else s["negative"] + s["zero"] if key == "nonpositive"
            else s[key])


def said(d: Day, key: str, short: bool = False) -> str:
    return share_text(_share(split_shares(d), key), split_points(d)[key], short)


def _often_interrupted(d: Day) -> bool:
    """Better-feeling thoughts broke in at least once an hour on average (a day of one or two is not a pattern)."""
    return d.switches >= MOMENTS / 60


def idle_minutes(d: Day) -> int:
    return round(d.idle * MOMENTS)


def day_length() -> str:
    return f"{MOMENTS // 60}-hour"


# --- Figures -----------------------------------------------------------------------------------------------

def acted_figure(d: Day) -> dict:
    order = list(reversed(IDS))                      # top to bottom in the order of the table
    data = [{"type": "bar", "orientation": "h", "name": "Acted on", "y": [SHORT[k] for k in order],
             "x": [round(d.acted_share(k), 4) for k in order],
             "text": [share(d.acted_share(k)) for k in order], "textposition": "outside", "cliponaxis": False,
             "marker": {"color": kit.BLUE, "pattern": kit.pattern("", kit.BLUE)},
             "customdata": [[NAMES[k], share(d.acted_share(k))] for k in order],
             "hovertemplate": "%{customdata[0]}: acted on %{customdata[1]} of the times it came up<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 8, "b": 46, "l": 90, "r": 24}, showlegend=False, bargap=0.25,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=[SHORT[k] for k in order], ticklabelstandoff=6),
        # Room to the right of a full bar for its label, "over 99%" the widest.
        xaxis=kit.axis("acted on", tickformat=".0%", range=[0, 1.3], tickvals=[0, 0.25, 0.5, 0.75, 1]))}


# --- The pattern and the sentence ---------------------------------------------------------------------------

def patterns(d: Day) -> tuple[str, ...]:
    """Every one of the three patterns whose threshold the day's thoughts meet, by Byrnes's descriptions turned into
    our thresholds on the distribution of valences, as the page shows the shares (split_points): 'negative' (nearly
    every thought negative), 'positive' (nearly every thought positive and ideas racing: better-feeling ones break in
    at least once an hour), 'extremes' (few thoughts in between, short of
    strong; some strongly good and some strongly bad). A day can meet two at once (90% bad, 10% of them strongly good
    and the rest strongly bad is both mostly negative and all-or-nothing): both show, none takes precedence.
    Negative and positive never hold together (80% + 90% is over 100%)."""
    p = split_points(d)
    held = (("negative", p["negative"] >= NEGATIVE_AT), ("positive", p["positive"] >= POSITIVE_AT and _often_interrupted(d)),
            ("extremes", p["between"] < BETWEEN_UNDER and min(p["good"], p["bad"]) >= STRONG_AT))
    return tuple(kind for kind, holds in held if holds)


def pattern(d: Day) -> str:
    """The API's one-word pattern (kept for links recorded before): 'extremes' if the day is all-or-nothing, else
    'negative' or 'positive', or 'none'. `patterns` has every one the day shows."""
    kinds = patterns(d)
    return "extremes" if "extremes" in kinds else kinds[0] if kinds else "none"


TOY = " (a toy pattern, not a diagnosis)"


def _head(d: Day) -> str:
    acted = (f"{count(d.acted_total, 'thought')} {were(d.acted_total)} acted on" if d.acted_total
             else "not one thought was acted on")
    idle = (f"nothing was under way for {of_the_day(duration(idle_minutes(d)))}" if idle_minutes(d)
            else "something was always under way")
    parts = [f"Over a simulated {day_length()} waking day, {acted} and {idle}"]
    if d.rerolls:
        parts.append(f"while idle, the mind threw out {count(d.rerolls, 'thought')}")
    if d.switches:
        parts.append(f"{count(d.switches, 'activity')} {were(d.switches)} interrupted by a better-feeling thought")
    return "; ".join(parts) + "."


COMPARED = {"negative": "depression", "positive": "mania", "extremes": "narcissistic personality disorder"}


def _body(d: Day, kind: str) -> str:
    """What the day's thoughts show of one pattern, without naming the pattern."""
    zero = f" ({said(d, 'zero')} sit at exactly 0{_unpushed(d)}, counted with the bad ones)" if split_shares(d)["zero"] else ""
    if kind == "negative":
        if d.acted_total == 0:
            return (f" {upper_first(said(d, 'negative'))} of thoughts have negative valence{zero} and none positive: not "
                    f"even scratching an itchy bite gets through.")
        best = max(IDS, key=d.acted_share)
        against = f", against {share(d.acted_share('task'))} for getting up to start a task" if best != "task" else ""
        return (f" {upper_first(said(d, 'negative'))} of thoughts have negative valence{zero}, so starting anything is hard: "
                f"what still gets through is what appeals most ({NAMES[best].lower()}, acted on "
                f"{share(d.acted_share(best))} of the times it came up{against}).")
    if kind == "positive":
        return f"{_kept(d)}, with better-feeling ideas breaking in."
    swing = (f" When a thought about a colleague or about oneself flips from good to bad or back, it jumps by "
             f"{num(d.swing, 1)} on average: our stand-in for the same person idealised and then devalued."
             if d.person_flips else "")
    shares = f"({said(d, 'good')} at +2 or more, {said(d, 'bad')} at −2 or less)"
    lead = (f" Every thought is strongly good or strongly bad {shares}; none lies in between."
            if split_shares(d)["between"] == 0 else
            f" Nearly every thought is strongly good or strongly bad {shares}; only {said(d, 'between')} lie in "
            f"between, within two points of neutral.")
    return lead + swing


def _kept(d: Day) -> str:
    """A day of nearly only positive thoughts: its share, and that nearly nothing is thrown out or idle."""
    thrown = "nothing is thrown out" if d.rerolls == 0 else "almost nothing is thrown out"
    busy = "always busy" if idle_minutes(d) == 0 else "nearly always busy"
    return f" {upper_first(said(d, 'positive'))} of thoughts have positive valence, so {thrown} and the mind is {busy}"


def _calm_body(d: Day) -> str:
    """A mostly positive day on which ideas do not race, and the model's reason: extremising squeezes the positive
    valences together, and an interruption needs more than a full point."""
    ideas = "no idea breaks in" if d.switches == 0 else "ideas break in less than once an hour"
    squeeze = ("fully extremised, every positive thought sits at +3" if d.extremise == 1 else
               f"extremising at {num(d.extremise, 1)} shrinks the gap between any two positive valences to "
               f"{pct(1 - d.extremise)} of its size")
    return (f"{_kept(d)}. Yet {ideas}: a new thought takes over only if it feels more than a full point better than what is "
            f"under way, and {squeeze}. So the day falls short of the toy pattern Byrnes compares to mania.")


def _unpushed(d: Day) -> str:
    """Why thoughts at exactly 0 stay there when valence is extremised: np.sign(0) is 0, so neither way."""
    return ", which extremising cannot push either way" if d.extremise > 0 else ""


def _stay_mild(d: Day) -> str:
    """Thoughts at exactly 0 with extremising on, said where no pattern's sentence names them."""
    if d.extremise == 0 or not split_shares(d)["zero"] or "negative" in patterns(d):
        return ""
    return f" {upper_first(said(d, 'zero'))} of thoughts sit at exactly 0{_unpushed(d)}, so they stay mild."


def day_sentence(d: Day) -> str:
    head = _head(d) + (_calm_body(d) if _calm(d) else "")
    kinds = patterns(d)
    if not kinds:
        return head + " None of the three patterns shows at these settings." + _stay_mild(d)
    body = "".join(_body(d, kind) for kind in kinds) + _stay_mild(d)
    if len(kinds) == 1:
        return head + body + f" This is the toy version of the pattern Byrnes compares to {COMPARED[kinds[0]]}{TOY}."
    first, second = (COMPARED[k] for k in kinds)
    return head + body + (f" The day meets two of the toy patterns at once: the one Byrnes compares to {first} and "
                          f"the one he compares to {second} (toy patterns, not diagnoses).")


# --- What the phrases assert: predicates on the day (tests/test_truths.py) ------------------------------------

def _share_says(text: str, x: float, points: int) -> bool:
    """A share of the day's thoughts, as written: 'over 99%' (or '>99%') only for more than 99% and less than all,
    'under 1%' ('<1%') only for less than 1% and more than none, and a whole percent only if it is the one shown
    (`points`, within a point of the share), 100% only for all and 0% only for none."""
    text = text.lower()
    if text in ("over 99%", ">99%"):
        return 0.99 < x < 1
    if text in ("under 1%", "<1%"):
        return 0 < x < 0.01
    n = int(text[:-1])
    return n == points and abs(100 * x - n) < 1 and (n != 100 or x == 1) and (n != 0 or x == 0)


def _says(d: Day, key: str, text: str) -> bool:
    return _share_says(text, _share(split_shares(d), key), split_points(d)[key])


def _acted_says(d: Day, kind: str, text: str) -> bool:
    """A kind's share acted on, as written: never 0% if it was acted on, never 100% if it was ever passed over."""
    x = d.acted_share(kind)
    return _share_says(text, x, int(pct(x)[:-1]))


def _all_or_nothing(d: Day) -> bool:
    """Very good or very bad, rarely in between: under 10% of thoughts within two points of neutral, and at least
    10% at +2 or more and 10% at −2 or less, in whole percentages as shown."""
    p = split_points(d)
    return p["between"] < BETWEEN_UNDER and p["good"] >= STRONG_AT and p["bad"] >= STRONG_AT


def _mostly_bad(d: Day) -> bool:
    return split_points(d)["negative"] >= NEGATIVE_AT


def _mostly_good(d: Day) -> bool:
    return split_points(d)["positive"] >= POSITIVE_AT


def _racing(d: Day) -> bool:
    """The mania-like pattern: at least 90% of thoughts positive as shown, and ideas breaking in at least once an hour."""
    return _mostly_good(d) and _often_interrupted(d)


def _calm(d: Day) -> bool:
    """At least 90% of thoughts positive as shown, yet fewer than one interruption an hour."""
    return _mostly_good(d) and not _often_interrupted(d)


HOLDS = {"negative": _mostly_bad, "positive": _racing, "extremes": _all_or_nothing}


def _held(d: Day) -> tuple[str, ...]:
    """The patterns whose thresholds the day's shares meet, each by its own predicate, in the panel's order."""
    return tuple(kind for kind, holds in HOLDS.items() if holds(d))


def _all_shown(d: Day, m: re.Match) -> bool:
    """A day said to meet two patterns at once meets the thresholds of both named, in the order the panel lists them."""
    named = tuple(next(k for k, v in COMPARED.items() if v == m[g]) for g in ("a", "b"))
    return named == _held(d)


def _clusters_lit(d: Day, m: re.Match) -> bool:
    """The clusters said to be lit are exactly those of the patterns the day shows."""
    named = () if m["c"] == "none" else tuple(m["c"].split(" and "))
    return named == tuple(CLUSTER[k] for k in _held(d))


def _named(m: re.Match) -> str:
    return next(k for k in IDS if NAMES[k].lower() == m["kind"])


_S = r"(?:[Oo]ver |[Uu]nder |[<>])?\d+%"            # a share as written: '36%', 'over 99%', 'under 1%' (in the box, '>99%')
_P = rf"(?P<p>{_S})"
_D = r"[\d.]+ (?:minutes?|hours?)|all but \d+ minutes?"     # a time idle, as duration() writes it
DEPRESSION = Truth(r"compares to depression|hard to start anything", _mostly_bad,
                   "at least 80% of the day's thoughts have negative valence as shown (the day may also be all-or-nothing)")
MANIA = Truth(r"(?<!falls short of the toy pattern Byrnes )compares to mania|racing from idea to idea", _racing,
              "at least 90% of the day's thoughts have positive valence as shown and at least one activity an hour was "
              "interrupted by a better-feeling thought (the day may also be all-or-nothing)")
FALLS_SHORT = Truth(r"falls short of the toy pattern Byrnes compares to mania", _calm,
                    "at least 90% of the day's thoughts have positive valence as shown, but fewer than one activity an "
                    "hour was interrupted")
NO_BREAK = Truth(r"no idea breaks in", lambda d: d.switches == 0, "no activity was interrupted")
RARELY = Truth(r"ideas break in less than once an hour", lambda d: 0 < d.switches < MOMENTS / 60,
               "some activities, fewer than one an hour on average, were interrupted")
SQUEEZE = Truth(r"extremising at (?P<e>[\d.]+) shrinks the gap between any two positive valences to (?P<p>\d+%) of its size",
                lambda d, m: 0 < d.extremise < 1 and m["e"] == num(d.extremise, 1) and m["p"] == pct(1 - d.extremise),
                "valence is extremised by this much (each positive valence v becomes (1 − e)v + 3e, so the gap between "
                "two of them is (1 − e) of what it was), short of fully")
AT_THREE = Truth(r"fully extremised, every positive thought sits at \+3",
                 lambda d: d.extremise == 1 and all(v == 3 for v in d.valences if v > 0),
                 "valence is fully extremised and every thought with positive valence is at +3")
BOTH_PATTERNS = Truth(r"meets two of the toy patterns at once: the one Byrnes compares to (?P<a>[a-z ]+) and the one he "
                      r"compares to (?P<b>[a-z ]+) \(", _all_shown,
                      "the day meets the thresholds of exactly the two patterns named")
ONE_PATTERN = Truth(r"This is the toy version of the pattern Byrnes compares to", lambda d: len(_held(d)) == 1,
                    "the day meets exactly one pattern's threshold")
LIT_CLUSTERS = Truth(r"the lit clusters? (?:is|are): (?P<c>[a-z -]+(?: and [a-z -]+)?)\.", _clusters_lit,
                     "the clusters named lit are exactly those of the patterns whose thresholds the day meets")
NPD = Truth(r"compares to narcissistic personality disorder|all-or-nothing judgements", _all_or_nothing,
            "under 10% of thoughts within two points of neutral (in between), at least 10% at +2 or more and 10% at "
            "−2 or less, as shown")
NO_PATTERN = Truth(r"None of the three patterns shows|no cluster is lit",
                   lambda d: not _held(d)
                   and (_calm(d) or not all(abs(v) >= STRONG for v in d.valences)),
                   "none of the three patterns holds, and not every thought is strongly good or strongly bad (the page's "
                   "'valences pushed to the extremes': such a day shows one of the three) unless the day is mostly "
                   "positive with too few interruptions to be the racing pattern")
ZERO_SHARE = Truth(_P + r"(?: of thoughts)? sit at exactly 0(?P<x>, which extremising cannot push either way)?"
                   r"(?P<then>, counted with the bad ones|, so they stay mild)",
                   lambda d, m: split_shares(d)["zero"] > 0 and _says(d, "zero", m["p"])
                   and (m["x"] is not None) == (d.extremise > 0) and (m["then"] == ", counted with the bad ones"
                                                                    or d.extremise > 0),
                   "the share of thoughts at exactly 0, as shown, and some are; where valence is extremised, that it "
                   "cannot push them either way (so they stay within a point of neutral)")
ACTED = Truth(r"(?P<n>\d+) thoughts? (?:was|were) acted on|not one thought was acted on",
              lambda d, m: d.acted_total == (int(m["n"]) if m["n"] else 0), "the number of thoughts acted on over the day")
IDLE = Truth(rf"nothing was under way for (?P<t>{_D})|something was always under way|"
             rf"was idle for (?P<u>{_D})|was never idle|Idle (?P<v>{_D})|Idle (?P<all>all day)",
             lambda d, m: idle_minutes(d) == MOMENTS if m["all"] else _idle_is(d, m["t"] or m["u"] or m["v"]),
             "how long nothing was under way (never, if no minute was idle), in minutes under an hour, else hours to a "
             "tenth (halves up: 681 minutes are 11.4 hours); the whole day's 16 hours only if no minute was busy ('all but 2 minutes' when 2 were)")
THREW = Truth(r"threw out (?P<n>\d+) thoughts?|(?P<s>\d+) thoughts? thrown out while idle|no thought thrown out",
              lambda d, m: d.rerolls == int(m["n"] or m["s"] or 0), "the number of thoughts thrown out while nothing was under way")
INTERRUPTED = Truth(r"(?P<n>\d+) activit(?:y|ies) (?:was|were) interrupted|(?P<s>\d+) interruptions?|nothing interrupted",
                    lambda d, m: d.switches == int(m["n"] or m["s"] or 0), "the number of activities interrupted")
NEGATIVE_SHARE = Truth(_P + r" of thoughts have negative valence", lambda d, m: _says(d, "negative", m["p"]),
                       "the share of thoughts with negative valence, as shown")
NONE_POSITIVE = Truth(r"and none positive|not even scratching an itchy bite gets through",
                      lambda d: d.positive == 0 and d.acted_total == 0, "no thought had positive valence, so none was acted on")
STARTING_HARD = Truth(r"starting anything is hard", lambda d: d.rerolls > d.acted_total - d.switches,
                      "more thoughts were thrown out while idle than were taken up while idle")
BEST = Truth(rf"what appeals most \((?P<kind>[a-z ]+), acted on (?P<p>{_S}) of the times it came up"
             rf"(?:, against (?P<t>{_S}) for getting up to start a task)?\)",
             lambda d, m: d.acted_share(_named(m)) == max(d.acted_share(k) for k in IDS)
             and _acted_says(d, _named(m), m["p"]) and (m["t"] is None or _acted_says(d, "task", m["t"])),
             "that kind of thought was acted on the most often, at that share, and a task at that share (0% only if "
             "never, 100% only if every time)")
POSITIVE_SHARE = Truth(_P + r" of thoughts have positive valence", lambda d, m: _says(d, "positive", m["p"]),
                       "the share of thoughts with positive valence, as shown")
ALMOST_NOTHING = Truth(r"almost nothing is thrown out", lambda d: 0 < d.rerolls <= 0.05 * MOMENTS,
                       "some, but at most one thought in twenty of the day's, was thrown out")
NOTHING_THROWN = Truth(r"so nothing is thrown out", lambda d: d.rerolls == 0, "no thought was thrown out")
BUSY = Truth(r"nearly always busy", lambda d: 0 < d.idle <= 0.05, "something was under way at least 95% of the day, not all of it")
ALWAYS_BUSY = Truth(r"the mind is always busy", lambda d: d.idle == 0, "something was under way all day")
BREAKING = Truth(r"better-feeling ideas breaking in", _often_interrupted,
                 "at least one activity an hour, on average over the waking day, was interrupted by a thought that "
                 "felt better")
MILD_SHARE = Truth(_P + r"(?: of thoughts)? within a point of neutral", lambda d, m: _says(d, "mild", m["p"]),
                   "the share of thoughts with valence between −1 and +1, as shown")
EVERY_STRONG = Truth(r"Every thought is strongly good or strongly bad|none lies in between",
                     lambda d: all(abs(v) >= STRONG for v in d.valences), "every thought is at +2 or more or at −2 or less")
NEARLY_STRONG = Truth(r"Nearly every thought is strongly good or strongly bad",
                      lambda d: split_shares(d)["between"] > 0 and split_points(d)["between"] < BETWEEN_UNDER,
                      "some thoughts, but under 10% as shown, are within two points of neutral")
IN_BETWEEN = Truth(r"only " + _P + r" lie in between, within two points of neutral",
                   lambda d, m: split_shares(d)["between"] > 0 and _says(d, "between", m["p"])
                   and split_points(d)["between"] < BETWEEN_UNDER,
                   "the share of thoughts within two points of neutral, as shown, some and under 10%")
STRONG_SHARES = Truth(rf"\((?P<g>{_S}) at \+2 or more, (?P<b>{_S}) at −2 or less\)",
                      lambda d, m: _says(d, "good", m["g"]) and _says(d, "bad", m["b"])
                      and min(split_points(d)["good"], split_points(d)["bad"]) >= STRONG_AT,
                      "the shares at +2 or more and −2 or less as shown, each at least 10%")
SWING = Truth(r"it jumps by (?P<s>[\d.]+) on average", lambda d, m: d.person_flips > 0 and m["s"] == num(d.swing, 1),
              "thoughts about a person flipped sign, by this mean jump")
IDEALISED = Truth(r"idealised and then devalued", lambda d: d.person_flips > 0,
                  "thoughts about a colleague or oneself did flip between good and bad")

DAY_CLAIMS = (Claim("day", day_sentence, truths=(DEPRESSION, MANIA, FALLS_SHORT, NO_BREAK, RARELY, SQUEEZE, AT_THREE, NPD, NO_PATTERN, BOTH_PATTERNS, ONE_PATTERN, ACTED, IDLE, THREW, INTERRUPTED,
                                                 NEGATIVE_SHARE, ZERO_SHARE, NONE_POSITIVE, STARTING_HARD, BEST, POSITIVE_SHARE,
                                                 ALMOST_NOTHING, NOTHING_THROWN, BUSY, ALWAYS_BUSY, BREAKING, MILD_SHARE,
                                                 EVERY_STRONG, NEARLY_STRONG, IN_BETWEEN, STRONG_SHARES,
                                                 SWING, IDEALISED)),)


def _idle_is(d: Day, text: str | None) -> bool:
    minutes = d.busy.count(None)
    if text is None:
        return minutes == 0
    if text.startswith("all but "):
        busy = int(text.split(" ")[2])
        return 0 < busy < 60 and minutes == MOMENTS - busy
    value, unit = text.split(" ")
    if unit.startswith("minute"):
        return minutes < 60 and minutes == int(value)
    whole_day = float(value) * 60 >= MOMENTS
    return minutes >= 60 and float(value) == rounded(minutes / 60, 1) and (minutes == MOMENTS or not whole_day)


# --- Summary, table, live numbers, panel, API ----------------------------------------------------------------

def day_summary(d: Day) -> str:
    idle = ("Idle all day" if idle_minutes(d) == MOMENTS else
            f"Idle {duration(idle_minutes(d))} of {MOMENTS // 60} hours" if idle_minutes(d) else "Never idle")
    threw = f"{count(d.rerolls, 'thought')} thrown out while idle" if d.rerolls else "no thought thrown out"
    switches = count(d.switches, "interruption") if d.switches else "nothing interrupted"
    return f"{idle}; {threw}; {switches}; {said(d, 'mild')} of thoughts within a point of neutral."


def day_table(d: Day) -> Table:
    rows = tuple((NAMES[k], str(d.offered[k]), str(d.acted[k]), share(d.acted_share(k))) for k in IDS)
    return Table("Each kind of thought over the simulated day: how often it came up and how often it was acted on",
                 ("Thought", "Came up", "Acted on", "Share acted on"), rows)


def day_live(d: Day) -> dict[str, str]:
    return {"idle": f"was idle for {of_the_day(duration(idle_minutes(d)))}" if idle_minutes(d) else "was never idle",
            "rerolls": str(d.rerolls), "switches": str(d.switches)}


LIT = {"negative": "stuck", "positive": "racing", "extremes": "split"}
CLUSTER = {"negative": "hard to start anything", "positive": "racing from idea to idea",
           "extremes": "all-or-nothing judgements"}


def panel(d: Day, values: Mapping[str, Any]) -> dict[str, Any]:
    kinds = patterns(d)
    lit = ("no cluster is lit" if not kinds else
           ("the lit clusters are: " if len(kinds) > 1 else "the lit cluster is: ") + " and ".join(CLUSTER[k] for k in kinds))
    return {"lit": tuple(LIT[k] for k in kinds), "valence_lit": bool(kinds), "shift": f"{said(d, 'nonpositive', True)} bad, {said(d, 'positive', True)} good",
            "shape": f"{said(d, 'mild', True)} mild, {said(d, 'strong', True)} strong",
            "caption": (f"Root causes lead to a change in valence (here {said(d, 'nonpositive')} of thoughts bad (valence 0 "
                        f"or below) and {said(d, 'positive')} good; {said(d, 'mild')} mild, within a point of neutral, and "
                        f"{said(d, 'strong')} strong, 2 or more either way); thick arrows lead from valence to clusters "
                        f"of symptoms. At these settings {lit}.")}


# --- The shifted distribution (panel_shift.html): Byrnes's picture of valence moved down or up, drawn from the day ----

EDGE = 4.5                                                  # the drawing's valence axis runs from −4.5 to +4.5
GRID = [round(-EDGE + 0.1 * i, 1) for i in range(91)]
NUDGE = 0.5                                                 # the drawing's arrows move the offset by this much


def _density(values, mirror: bool = False) -> np.ndarray:
    """A smoothed count of thoughts along the axis (what lies beyond an end is drawn at that end); `mirror` reflects
    it at 0, so a side drawn from its own thoughts keeps them all on its side of neutral."""
    v = np.clip(np.array(values, dtype=float), -EDGE + 0.1, EDGE - 0.1)
    g = np.array(GRID)[:, None]
    k = np.exp(-0.5 * ((g - v[None, :]) / 0.2) ** 2).sum(axis=1)
    return k + np.exp(-0.5 * ((g + v[None, :]) / 0.2) ** 2).sum(axis=1) if mirror else k


@functools.lru_cache(maxsize=1)
def _usual() -> np.ndarray:
    """The dashed reference: the model's day with no offset, a spread of 1 and no extremising."""
    return _density(day(0, 1, 0).valences)


def average(d: Day) -> float:
    return float(np.mean(d.valences))


def shift_panel(d: Day, values: Mapping[str, Any]) -> dict[str, Any]:
    """The day's valences as a curve split at neutral (bad: 0 or below; good: above 0), over the usual day's dashed
    curve, both to one scale; arrows either side of the average are links that move the offset by half a point."""
    v = np.array(d.valences)
    bad, good, ref = _density(v[v <= 0], True), _density(v[v > 0], True), _usual()
    top = float(max(bad.max(), good.max(), ref.max()))
    cut = GRID.index(0.0)
    # Both arrows always drawn (a keyboard press at an end keeps its focus); at an end, one is unavailable (to: None).
    nudge = {}
    for side, by in (("down", -NUDGE), ("up", NUDGE)):
        to = min(3.0, max(-3.0, values["offset"] + by))
        offset = f"{'−' if to < 0 else ''}{abs(to):g} {'point' if abs(to) == 1 else 'points'}"
        nudge[side] = ([to, f"Shift every valence {side}, to an offset of {offset}"] if to != values["offset"] else
                       [None, f"Shift every valence {side}: unavailable, the offset is at its "
                              f"{'lowest' if side == 'down' else 'highest'}, {offset}"])
    mean = average(d)
    return {"bad": [[g, round(float(x) / top, 3)] for g, x in zip(GRID[:cut + 1], bad)],
            "good": [[g, round(float(x) / top, 3)] for g, x in zip(GRID[cut:], good[cut:])],
            "usual": [[g, round(float(x) / top, 3)] for g, x in zip(GRID, ref)],
            "mean": round(min(EDGE, max(-EDGE, mean)), 2),
            "bad_text": f"{said(d, 'nonpositive')} bad", "good_text": f"{said(d, 'positive')} good",
            "mean_text": f"average {signed(mean, 1)}", "nudge": nudge,
            "spread": values["spread"], "extremise": values["extremise"],
            "caption": (f"The day's thoughts along the valence axis, {said(d, 'nonpositive')} bad (0 or below) and "
                        f"{said(d, 'positive')} good (above 0), average {signed(mean, 1)}, over a dashed curve "
                        f"for a day with no offset, a spread of 1 and no extremising.")}


def _add_up(bad: str, good: str) -> bool:
    """The shares bad and good, as written, add up to 100% when both are whole percentages."""
    return not (bad[0].isdigit() and good[0].isdigit()) or int(bad[:-1]) + int(good[:-1]) == 100


PANEL_SHARES = Truth(rf"(?P<n>{_S}) bad, (?P<p>{_S}) good|here (?P<n2>{_S}) of thoughts bad \(valence 0 or below\) and "
                     rf"(?P<p2>{_S}) good",
                     lambda d, m: _says(d, "nonpositive", m["n"] or m["n2"]) and _says(d, "positive", m["p"] or m["p2"])
                     and _add_up(m["n"] or m["n2"], m["p"] or m["p2"]),
                     "the shares of thoughts with valence 0 or below (as the drawing's hatched side counts them) and "
                     "above 0, as shown, adding up to 100%")
PANEL_SHAPE = Truth(rf"(?P<m>{_S}) mild(?:, within a point of neutral, and |, )(?P<s>{_S}) strong",
                    lambda d, m: _says(d, "mild", m["m"]) and _says(d, "strong", m["s"]),
                    "the shares of thoughts within a point of neutral and 2 or more from it, as shown")
DRAWN_SHARE = Truth(rf"(?P<p>{_S}) (?P<side>bad|good)(?: \((?:0 or below|above 0)\)|$)",
                    lambda d, m: _says(d, "nonpositive" if m["side"] == "bad" else "positive", m["p"]),
                    "the share of thoughts with valence 0 or below (bad) or above 0 (good), as shown")
AVERAGE = Truth(r"average (?P<m>[−+]?\d+\.\d)", lambda d, m: m["m"] == signed(average(d), 1),
                "the mean valence of the day's thoughts, to one decimal")
DAY_TRUTHS = (DEPRESSION, MANIA, FALLS_SHORT, NPD, NO_PATTERN, BOTH_PATTERNS, ONE_PATTERN, LIT_CLUSTERS, IDLE, THREW, INTERRUPTED, MILD_SHARE, PANEL_SHARES, PANEL_SHAPE,
              DRAWN_SHARE, AVERAGE)


class DayResponse(WidgetResponse):
    idle_share: float = Field(description="Share of the day with nothing under way.")
    rerolls: int = Field(description="Thoughts thrown out while nothing was under way.")
    switches: int = Field(description="Activities interrupted by a better-feeling thought.")
    neutral_share: float = Field(description="Share of thoughts with valence between -0.5 and +0.5.")
    mild_share: float = Field(description=f"Share of thoughts with valence between -{MILD:g} and +{MILD:g}.")
    strong_good_share: float = Field(description=f"Share of thoughts with valence +{STRONG:g} or more.")
    strong_bad_share: float = Field(description=f"Share of thoughts with valence -{STRONG:g} or less.")
    negative_share: float = Field(description="Share of thoughts with negative valence.")
    positive_share: float = Field(description="Share of thoughts with positive valence.")
    swing: float = Field(description="Mean jump in valence when a thought about a person flips sign (0 if none flips).")
    person_flips: int = Field(description="How many times a thought about a colleague or oneself flipped sign.")
    acted_share: dict[str, float] = Field(description="Per kind of thought: share of the times it came up that it was acted on.")
    acted_total: int = Field(description="Thoughts acted on over the day.")
    pattern: str = Field(description="'negative', 'positive', 'extremes' or 'none': a pattern the day's thoughts show "
                                     "('extremes' where the day also meets another; `patterns` has them all). "
                                     "'positive' needs ideas racing too: at least one interruption an hour.")
    patterns: list[str] = Field(description="Every pattern whose threshold the day meets, in the panel's order "
                                            "('negative', 'positive', 'extremes'): none, one, or two at once.")


def day_api(values: Mapping[str, Any], d: Day) -> dict:
    return {"idle_share": d.idle, "rerolls": d.rerolls, "switches": d.switches,
            "neutral_share": d.neutral, "mild_share": d.mild, "strong_good_share": d.strong_good,
            "strong_bad_share": d.strong_bad, "negative_share": d.negative, "positive_share": d.positive,
            "swing": d.swing, "person_flips": d.person_flips, "acted_share": {k: d.acted_share(k) for k in IDS},
            "acted_total": d.acted_total, "pattern": pattern(d),
            "patterns": list(patterns(d))}
