"""Presenters for the valence-disorders page: pure functions of the model's result."""
from __future__ import annotations

import math
import re
from typing import Any, Mapping

import numpy as np
from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, num, pct

from .model import IDS, MILD, MOMENTS, NAMES, STRONG, Day

SHORT = {"task": "Task", "friend": "Friend", "plan": "Plan", "colleague": "Colleague", "self": "Self",
         "snack": "Snack", "itch": "Itch"}
BINS = [round(-4.5 + 0.5 * i, 2) for i in range(19)]       # edges from -4.5 to 4.5; the end bins take what lies beyond

# The patterns' thresholds, in whole percentages as the page shows them (content.md states them).
NEGATIVE_AT, POSITIVE_AT = 80, 90          # at least this share of thoughts negative / positive
MILD_UNDER, STRONG_AT = 10, 15             # all-or-nothing: under 10% mild, at least 15% strong on each side


# --- Wording helpers of this page ---------------------------------------------------------------------------

def duration(minutes: int) -> str:
    """'1 minute', '45 minutes', '1 hour', '2.5 hours' (to a tenth of an hour from one hour up)."""
    if minutes < 60:
        return count(minutes, "minute")
    hours = round(minutes / 60, 1)
    return count(hours, "hour") if hours == int(hours) else f"{num(hours, 1)} hours"


def were(n: int) -> str:
    return "was" if n == 1 else "were"


def shown(share: float) -> int:
    """A share as the page shows it, in whole percent: the patterns are decided on this."""
    return int(pct(share)[:-1])


def idle_minutes(d: Day) -> int:
    return round(d.idle * MOMENTS)


def day_length() -> str:
    return f"{MOMENTS // 60}-hour"


# --- Figures -----------------------------------------------------------------------------------------------

def _bin_label(lo: float, hi: float) -> str:
    if lo == BINS[0]:
        return f"below {num(hi, 1)}"
    if hi == BINS[-1]:
        return f"{num(lo, 1)} or more"
    return f"{num(lo, 1)} to {num(hi, 1)}"


def histogram_figure(d: Day) -> dict:
    v = np.array(d.valences)
    counts, _ = np.histogram(np.clip(v, BINS[0] + 0.01, BINS[-1] - 0.01), bins=BINS)
    mids = [(a + b) / 2 for a, b in zip(BINS, BINS[1:])]
    labels = [_bin_label(a, b) for a, b in zip(BINS, BINS[1:])]
    share = (counts / len(v)).round(4).tolist()

    def bars(name: str, keep, colour: str, shape: str) -> dict:
        idx = [i for i, m in enumerate(mids) if keep(m)]
        return {"type": "bar", "name": name, "x": [mids[i] for i in idx], "y": [share[i] for i in idx], "width": 0.45,
                "customdata": [[labels[i], pct(share[i])] for i in idx],
                "marker": {"color": colour, "pattern": kit.pattern(shape, colour)},
                "hovertemplate": "valence %{customdata[0]}: %{customdata[1]} of thoughts<extra></extra>"}

    # What lies beyond the axis is counted in the end bins; a note in that side's top corner says how much
    # (inside the plot at every width, on two lines to keep clear of the line at 0), with headroom above
    # the tallest bar so the two never meet.
    beyond = [(n, side) for n, side in ((int(np.sum(v < BINS[0])), -1), (int(np.sum(v > BINS[-1])), 1)) if n]
    notes = [{"x": 0 if side < 0 else 1, "y": 1, "xref": "paper", "yref": "paper", "yanchor": "top",
              "xanchor": "left" if side < 0 else "right", "align": "left" if side < 0 else "right",
              "showarrow": False, "font": {"size": 13},
              "text": (f"← {n} beyond<br>{num(-BINS[-1], 1)}" if side < 0 else f"{n} beyond<br>{num(BINS[-1], 1)} →")}
             for n, side in beyond]
    top = max(0.62, math.ceil((max(share) * (1.25 if notes else 1) + 0.05) * 10) / 10)
    return {"data": [bars("Thrown out (negative)", lambda m: m < 0, kit.VERMILION, "/"),
                     bars("Kept (positive)", lambda m: m > 0, kit.BLUE, "")],
            "layout": kit.layout(
                margin={"t": 16, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True, bargap=0,
                annotations=notes,
                shapes=[{"type": "line", "x0": 0, "x1": 0, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                         "line": {"color": kit.INK, "width": 2, "dash": "dot"}}],
                xaxis=kit.axis("valence of the thought", range=[-4.6, 4.6], dtick=1, ticklabelstandoff=6),
                yaxis=kit.axis("share of thoughts", tickformat=".0%", range=[0, top]))}


def acted_figure(d: Day) -> dict:
    order = list(reversed(IDS))                      # top to bottom in the order of the table
    data = [{"type": "bar", "orientation": "h", "name": "Acted on", "y": [SHORT[k] for k in order],
             "x": [round(d.acted_share(k), 4) for k in order],
             "text": [pct(d.acted_share(k)) for k in order], "textposition": "outside", "cliponaxis": False,
             "marker": {"color": kit.BLUE, "pattern": kit.pattern("", kit.BLUE)},
             "customdata": [[NAMES[k], pct(d.acted_share(k))] for k in order],
             "hovertemplate": "%{customdata[0]}: acted on %{customdata[1]} of the times it came up<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 56, "l": 90, "r": 24}, showlegend=False, bargap=0.3,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=[SHORT[k] for k in order], ticklabelstandoff=6),
        xaxis=kit.axis("acted on", tickformat=".0%", range=[0, 1.18], dtick=0.25))}


# --- The pattern and the sentence ---------------------------------------------------------------------------

def pattern(d: Day) -> str:
    """Which of the three patterns the day's thoughts show, by Byrnes's descriptions turned into our
    thresholds on the distribution of valences, as the page shows the shares: 'extremes' (few thoughts
    mild, many strongly good and many strongly bad), else 'negative' (nearly every thought negative) or
    'positive' (nearly every thought positive), or 'none'."""
    if shown(d.mild) < MILD_UNDER and min(shown(d.strong_good), shown(d.strong_bad)) >= STRONG_AT:
        return "extremes"
    if shown(d.negative) >= NEGATIVE_AT:
        return "negative"
    if shown(d.positive) >= POSITIVE_AT:
        return "positive"
    return "none"


TOY = " (a toy pattern, not a diagnosis)"


def _head(d: Day) -> str:
    acted = (f"{count(d.acted_total, 'thought')} {were(d.acted_total)} acted on" if d.acted_total
             else "not one thought was acted on")
    idle = (f"nothing was under way for {duration(idle_minutes(d))}" if idle_minutes(d)
            else "something was always under way")
    parts = [f"Over a simulated {day_length()} waking day, {acted} and {idle}"]
    if d.rerolls:
        parts.append(f"while idle, the mind threw out {count(d.rerolls, 'thought')}")
    if d.switches:
        parts.append(f"{count(d.switches, 'activity')} {were(d.switches)} interrupted by a better-feeling thought")
    return "; ".join(parts) + "."


def day_sentence(d: Day) -> str:
    head = _head(d)
    kind = pattern(d)
    if kind == "negative":
        if d.acted_total == 0:
            return head + (f" {pct(d.negative)} of thoughts have negative valence and none positive: not even "
                           f"scratching an itchy bite gets through. This is the toy version of the pattern Byrnes "
                           f"compares to depression{TOY}.")
        best = max(IDS, key=d.acted_share)
        against = f", against {pct(d.acted_share('task'))} for getting up to start a task" if best != "task" else ""
        return head + (f" {pct(d.negative)} of thoughts have negative valence, so starting anything is hard: "
                       f"what still gets through is what appeals most ({NAMES[best].lower()}, acted on "
                       f"{pct(d.acted_share(best))} of the times it came up{against}). This is the toy version of the "
                       f"pattern Byrnes compares to depression{TOY}.")
    if kind == "positive":
        breaking = ", with better-feeling ideas breaking in" if d.switches else ""
        thrown = "nothing is thrown out" if d.rerolls == 0 else "almost nothing is thrown out"
        busy = "always busy" if idle_minutes(d) == 0 else "nearly always busy"
        return head + (f" {pct(d.positive)} of thoughts have positive valence, so {thrown} and the mind is {busy}"
                       f"{breaking}. This is the toy version of the pattern Byrnes compares to mania{TOY}.")
    if kind == "extremes":
        swing = (f" When a thought about a colleague or about oneself flips from good to bad or back, it jumps by "
                 f"{num(d.swing, 1)} on average: our stand-in for the same person idealised and then devalued."
                 if d.person_flips else "")
        few = "No thought" if d.mild == 0 else "Hardly any thought"
        return head + (f" {few} is mildly good or mildly bad ({pct(d.mild)} within a point of neutral), "
                       f"yet strongly good and strongly bad ones are both common ({pct(d.strong_good)} at +2 or more, "
                       f"{pct(d.strong_bad)} at −2 or less).{swing} This is the toy version of the pattern Byrnes "
                       f"compares to narcissistic personality disorder{TOY}.")
    return head + " None of the three patterns shows at these settings."


# --- What the phrases assert: predicates on the day (tests/test_truths.py) ------------------------------------

def _pct_is(share: float, text: str) -> bool:
    return text == pct(share)


def _all_or_nothing(d: Day) -> bool:
    """Under 10% of thoughts within a point of neutral, and at least 15% at +2 or more and 15% at −2 or
    less, in whole percentages as shown."""
    mild = np.mean(np.abs(np.array(d.valences)) < 1)
    good, bad = np.mean(np.array(d.valences) >= 2), np.mean(np.array(d.valences) <= -2)
    return shown(mild) < 10 and shown(good) >= 15 and shown(bad) >= 15


def _mostly_bad(d: Day) -> bool:
    return not _all_or_nothing(d) and shown(np.mean(np.array(d.valences) < 0)) >= 80


def _mostly_good(d: Day) -> bool:
    return not _all_or_nothing(d) and not _mostly_bad(d) and shown(np.mean(np.array(d.valences) > 0)) >= 90


def _named(m: re.Match) -> str:
    return next(k for k in IDS if NAMES[k].lower() == m["kind"])


_P = r"(?P<p>\d+%)"
DEPRESSION = Truth(r"compares to depression|hard to start anything", _mostly_bad,
                   "at least 80% of the day's thoughts have negative valence, and the day is not all-or-nothing")
MANIA = Truth(r"compares to mania|racing from idea to idea", _mostly_good,
              "at least 90% of the day's thoughts have positive valence, and the day is neither all-or-nothing nor "
              "mostly negative")
NPD = Truth(r"compares to narcissistic personality disorder|all-or-nothing judgements", _all_or_nothing,
            "under 10% of thoughts within a point of neutral, at least 15% at +2 or more and 15% at −2 or less")
NO_PATTERN = Truth(r"None of the three patterns shows|lit cluster is: none",
                   lambda d: not (_all_or_nothing(d) or _mostly_bad(d) or _mostly_good(d)), "none of the three patterns holds")
ACTED = Truth(r"(?P<n>\d+) thoughts? (?:was|were) acted on|not one thought was acted on",
              lambda d, m: d.acted_total == (int(m["n"]) if m["n"] else 0), "the number of thoughts acted on over the day")
IDLE = Truth(r"nothing was under way for (?P<t>[\d.]+ (?:minutes?|hours?))|something was always under way|"
             r"was idle for (?P<u>[\d.]+ (?:minutes?|hours?))|was never idle|Idle (?P<v>[\d.]+ (?:minutes?|hours?))",
             lambda d, m: _idle_is(d, m["t"] or m["u"] or m["v"]),
             "how long nothing was under way (never, if no minute was idle), in minutes under an hour, else hours to a tenth")
THREW = Truth(r"threw out (?P<n>\d+) thoughts?|(?P<s>\d+) thoughts? thrown out while idle|no thought thrown out",
              lambda d, m: d.rerolls == int(m["n"] or m["s"] or 0), "the number of thoughts thrown out while nothing was under way")
INTERRUPTED = Truth(r"(?P<n>\d+) activit(?:y|ies) (?:was|were) interrupted|(?P<s>\d+) interruptions?|nothing interrupted",
                    lambda d, m: d.switches == int(m["n"] or m["s"] or 0), "the number of activities interrupted")
NEGATIVE_SHARE = Truth(_P + r" of thoughts have negative valence", lambda d, m: _pct_is(d.negative, m["p"]),
                       "the share of thoughts with negative valence")
NONE_POSITIVE = Truth(r"and none positive|not even scratching an itchy bite gets through",
                      lambda d: d.positive == 0 and d.acted_total == 0, "no thought had positive valence, so none was acted on")
STARTING_HARD = Truth(r"starting anything is hard", lambda d: d.rerolls > d.acted_total - d.switches,
                      "more thoughts were thrown out while idle than were taken up while idle")
BEST = Truth(r"what appeals most \((?P<kind>[a-z ]+), acted on (?P<p>\d+%) of the times it came up"
             r"(?:, against (?P<t>\d+%) for getting up to start a task)?\)",
             lambda d, m: d.acted_share(_named(m)) == max(d.acted_share(k) for k in IDS)
             and _pct_is(d.acted_share(_named(m)), m["p"]) and (m["t"] is None or _pct_is(d.acted_share("task"), m["t"])),
             "that kind of thought was acted on the most often, at that share, and a task at that share")
POSITIVE_SHARE = Truth(_P + r" of thoughts have positive valence", lambda d, m: _pct_is(d.positive, m["p"]),
                       "the share of thoughts with positive valence")
ALMOST_NOTHING = Truth(r"almost nothing is thrown out", lambda d: 0 < d.rerolls <= 0.05 * MOMENTS,
                       "some, but at most one thought in twenty of the day's, was thrown out")
NOTHING_THROWN = Truth(r"so nothing is thrown out", lambda d: d.rerolls == 0, "no thought was thrown out")
BUSY = Truth(r"nearly always busy", lambda d: 0 < d.idle <= 0.05, "something was under way at least 95% of the day, not all of it")
ALWAYS_BUSY = Truth(r"the mind is always busy", lambda d: d.idle == 0, "something was under way all day")
BREAKING = Truth(r"better-feeling ideas breaking in", lambda d: d.switches > 0,
                 "some activity was interrupted by a thought that felt better")
MILD_SHARE = Truth(_P + r" within a point of neutral", lambda d, m: _pct_is(float(np.mean(np.abs(np.array(d.valences)) < 1)), m["p"]),
                   "the share of thoughts with valence between −1 and +1")
HARDLY_MILD = Truth(r"Hardly any thought is mildly good or mildly bad",
                    lambda d: shown(np.mean(np.abs(np.array(d.valences)) < 1)) < 10, "under 10% within a point of neutral")
NO_MILD = Truth(r"No thought is mildly good or mildly bad", lambda d: all(abs(v) >= 1 for v in d.valences),
                "every thought is at least a point from neutral")
STRONG_SHARES = Truth(r"\((?P<g>\d+%) at \+2 or more, (?P<b>\d+%) at −2 or less\)",
                      lambda d, m: _pct_is(d.strong_good, m["g"]) and _pct_is(d.strong_bad, m["b"])
                      and min(int(m["g"][:-1]), int(m["b"][:-1])) >= 15,
                      "the shares at +2 or more and −2 or less, each at least 15%")
SWING = Truth(r"it jumps by (?P<s>[\d.]+) on average", lambda d, m: d.person_flips > 0 and m["s"] == num(d.swing, 1),
              "thoughts about a person flipped sign, by this mean jump")
IDEALISED = Truth(r"idealised and then devalued", lambda d: d.person_flips > 0,
                  "thoughts about a colleague or oneself did flip between good and bad")

DAY_CLAIMS = (Claim("day", day_sentence, truths=(DEPRESSION, MANIA, NPD, NO_PATTERN, ACTED, IDLE, THREW, INTERRUPTED,
                                                 NEGATIVE_SHARE, NONE_POSITIVE, STARTING_HARD, BEST, POSITIVE_SHARE,
                                                 ALMOST_NOTHING, NOTHING_THROWN, BUSY, ALWAYS_BUSY, BREAKING, MILD_SHARE,
                                                 HARDLY_MILD, NO_MILD, STRONG_SHARES,
                                                 SWING, IDEALISED)),)


def _idle_is(d: Day, text: str | None) -> bool:
    minutes = sum(b is None for b in d.busy)
    if text is None:
        return minutes == 0
    value, unit = text.split(" ")
    if unit.startswith("minute"):
        return minutes < 60 and minutes == int(value)
    return minutes >= 60 and abs(minutes / 60 - float(value)) <= 0.05 + 1e-9


# --- Summary, table, live numbers, panel, API ----------------------------------------------------------------

def day_summary(d: Day) -> str:
    idle = f"Idle {duration(idle_minutes(d))} of {MOMENTS // 60} hours" if idle_minutes(d) else "Never idle"
    threw = f"{count(d.rerolls, 'thought')} thrown out while idle" if d.rerolls else "no thought thrown out"
    switches = count(d.switches, "interruption") if d.switches else "nothing interrupted"
    return f"{idle}; {threw}; {switches}; {pct(d.mild)} of thoughts within a point of neutral."


def day_table(d: Day) -> Table:
    rows = tuple((NAMES[k], str(d.offered[k]), str(d.acted[k]), pct(d.acted_share(k))) for k in IDS)
    return Table("Each kind of thought over the simulated day: how often it came up and how often it was acted on",
                 ("Thought", "Came up", "Acted on", "Share acted on"), rows)


def day_live(d: Day) -> dict[str, str]:
    return {"idle": f"was idle for {duration(idle_minutes(d))}" if idle_minutes(d) else "was never idle",
            "rerolls": str(d.rerolls), "switches": str(d.switches)}


LIT = {"negative": "stuck", "positive": "racing", "extremes": "split", "none": ""}
CLUSTER = {"negative": "hard to start anything", "positive": "racing from idea to idea",
           "extremes": "all-or-nothing judgements", "none": "none"}


def panel(d: Day, values: Mapping[str, Any]) -> dict[str, Any]:
    kind = pattern(d)
    strong = d.strong_good + d.strong_bad
    return {"lit": LIT[kind], "shift": f"{pct(d.negative)} bad, {pct(d.positive)} good",
            "shape": f"{pct(d.mild)} mild, {pct(strong)} strong",
            "caption": (f"Root causes lead to a change in valence (here {pct(d.negative)} of thoughts bad and "
                        f"{pct(d.positive)} good; {pct(d.mild)} mild, within a point of neutral, and {pct(strong)} "
                        f"strong, 2 or more either way); thick arrows lead from valence to clusters of symptoms. At "
                        f"these settings the lit cluster is: {CLUSTER[kind]}.")}


PANEL_SHARES = Truth(r"(?P<n>\d+%) bad, (?P<p>\d+%) good|here (?P<n2>\d+%) of thoughts bad and (?P<p2>\d+%) good",
                     lambda d, m: _pct_is(d.negative, m["n"] or m["n2"]) and _pct_is(d.positive, m["p"] or m["p2"]),
                     "the shares of thoughts with negative and with positive valence")
PANEL_SHAPE = Truth(r"(?P<m>\d+%) mild(?:, within a point of neutral, and |, )(?P<s>\d+%) strong",
                    lambda d, m: _pct_is(float(np.mean(np.abs(np.array(d.valences)) < 1)), m["m"])
                    and _pct_is(float(np.mean(np.abs(np.array(d.valences)) >= 2)), m["s"]),
                    "the shares of thoughts within a point of neutral and 2 or more from it")
DAY_TRUTHS = (DEPRESSION, MANIA, NPD, NO_PATTERN, IDLE, THREW, INTERRUPTED, MILD_SHARE, PANEL_SHARES, PANEL_SHAPE)


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
    pattern: str = Field(description="'negative', 'positive', 'extremes' or 'none': which pattern the day's thoughts show.")


def day_api(values: Mapping[str, Any], d: Day) -> dict:
    return {"idle_share": d.idle, "rerolls": d.rerolls, "switches": d.switches,
            "neutral_share": d.neutral, "mild_share": d.mild, "strong_good_share": d.strong_good,
            "strong_bad_share": d.strong_bad, "negative_share": d.negative, "positive_share": d.positive,
            "swing": d.swing, "person_flips": d.person_flips, "acted_share": {k: d.acted_share(k) for k in IDS},
            "acted_total": d.acted_total, "pattern": pattern(d)}
