"""Presenters for the sharp-takeoff page: pure functions of the models' results."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Callable, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, lone, num, pct, plural, points, reads_as, rounded, sig

from .model import (ASI, BEYOND, BLOCK, BLOCKERS, CORPUS, GESTURES, HUMAN, IMITATION_CEILING, MEANINGS, RELEVANT, X_MAX, X_MIN, Climb,
                    Language, imitation, imitation_reaches)

BYRNES_MAX, AI2027 = 30.0, 1e6
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?(?: (?:million|billion|trillion|quadrillion|quintillion))?"


# The far corner of the sliders is 8.7 quadrillion person-years; a named unit's number is always under 1,000.
EXACT_BELOW = 10_000   # plain counts below this are written exactly; from it, to three significant figures
UNITS = ((1e18, "quintillion"), (1e15, "quadrillion"), (1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _in_unit(x: float, size: float) -> str:
    """x in units of `size`, as shown: one decimal while that reads under 100 (so 99.96 is '100', never '100.0'),
    whole numbers from there; plain counts are whole from 10 (9.96 is '10') and take one decimal below, exact up to
    9,999 (1,005 is '1,005') and to three significant figures from 10,000 (the model's scale is made up); a whole
    number never reads with '.0'."""
    v = x / size
    if size == 1.0:
        if rounded(v) >= EXACT_BELOW:
            return sig(v, 3)
        return num(v) if rounded(v, 1) >= 10 or v == 0 else lone(v, 1)
    return lone(v, 1, tiny=False) if rounded(v, 1) < 100 else num(v)


def person_years(x: float) -> str:
    """A count of person-years in words a reader can take in, in one format everywhere: 10 -> '10', 5010 -> '5,010',
    1.02e6 -> '1 million', 438,818 -> '439,000', 9.996e7 -> '100 million', 8.717e15 -> '8.7 quadrillion'. The unit is the largest the
    number reaches as rounded for display (999,999.7 is '1 million', not '1,000,000')."""
    for size, name in UNITS:
        if x < 0.99 * size:       # too small to reach this unit even as rounded: skip the formatting
            continue
        below = _in_unit(x, size / 1000) if size > 1e6 else _in_unit(x, 1.0)
        if x >= size or float(below.replace(",", "")) >= (1000 if size > 1e6 else 1e6):
            return f"{_in_unit(x, size)} {name}"
    return _in_unit(x, 1.0)


def shown_value(x: float) -> float:
    """The count of person-years a reader sees in person_years(x): 999,500 reads '1 million', so 1,000,000."""
    number, _, name = person_years(x).partition(" ")
    return float(number.replace(",", "")) * {unit: size for size, unit in UNITS}.get(name, 1.0)


def years_shown(text: str, value: float) -> bool:
    """`text` is `value` as person_years writes it: exactly the number rounded (halves away from zero) to the places
    it shows, in the one format (a named unit's number is at least 1 and, below a quintillion, under 1,000; it is
    rounded to one decimal while it reads under 100, shown without '.0' when that is whole; a plain count is rounded
    to one decimal below 10 (shown without '.0' when whole), to whole numbers below 10,000, and to three significant
    figures from there)."""
    number, _, name = text.partition(" ")
    size = {unit: size for size, unit in UNITS}.get(name, 1.0)
    v = value / size
    shown, decimals = float(number.replace(",", "")), len(number.split(".")[1]) if "." in number else 0
    if size > 1.0:
        places = 1 if rounded(v, 1) < 100 else 0
        fits = 1 <= shown and (name == UNITS[0][1] or shown < 1000)
    elif rounded(v) >= EXACT_BELOW:
        step = 10 ** (len(str(int(rounded(v)))) - 3)          # three significant figures of the whole number
        return shown < 1e6 and decimals == 0 and shown == rounded(v / step) * step
    else:
        places = 1 if rounded(v, 1) < 10 and v != 0 else 0
        fits = shown < EXACT_BELOW
    return fits and decimals == (1 if places and shown % 1 else 0) and reads_as(number, v, places)


# ---- Climb ---------------------------------------------------------------------------------------

def x_top(c: Climb) -> int:
    """The R&D axis's top, as a power of ten: 10¹² or past the later of the two learners' arrivals at ASI."""
    return max(int(math.log10(X_MAX)), math.ceil(math.log10(max(c.asi_at, c.imitation_asi_at) * 2)))


def grid(top: int) -> list[float]:
    lo = math.log10(X_MIN)
    n = 20 * (top - round(lo)) + 80
    return [10 ** (lo + (top - lo) * i / n) for i in range(n + 1)]


TICKS = {0: "1", 3: "1k", 6: "1M", 9: "1B", 12: "1T", 15: "1,000T", 18: "10⁶T"}


@lru_cache(maxsize=None)
def _imitation_curve(top: int) -> tuple[list[float], list[float], list[str]]:
    """The imitation learner's curve on the grid up to 10^top, with its hover levels (the same for every setting
    with that top)."""
    xs = grid(top)
    return xs, [round(imitation(x), 2) for x in xs], [level_text(imitation(x)) for x in xs]


@lru_cache(maxsize=1 << 14)       # the from-scratch curve's levels repeat along its plateaus, state after state
def level_text(y: float) -> str:
    """A capability in whole points, except one short of a named level (40, 60, 100) that would read as it: 'just
    under 100', so the hover never shows a learner on a line before the sentences say it gets there."""
    text = num(y, tiny=False)
    for level in (RELEVANT, HUMAN, ASI):
        if level - 1 < y < level and reads_as(text, level):
            return f"just under {num(level)}"
    return text


def climb_figure(c: Climb) -> dict:
    top = x_top(c)
    xs, ys, levels = _imitation_curve(top)
    # The from-scratch curve's corners, so the steps stay sharp on a log axis.
    corners = sorted(set(xs) | {c.relevant_at, c.asi_at} | {r for r, _ in c.steps} | {math.nextafter(c.relevant_at, 0)})
    scratch = c.scratch_curve(corners)
    data = [{"type": "scatter", "mode": "lines", "name": "Imitation learner", "x": list(xs),
             "y": list(ys), "line": {"color": kit.GREEN, "width": 3, "dash": "dash"}, "customdata": list(levels),
             "hovertemplate": "imitation: %{customdata}<extra>R&D (person-years): %{x:,.0f}</extra>"},
            {"type": "scatter", "mode": "lines", "name": "From-scratch learner", "x": corners,
             "y": [round(y, 2) for y in scratch], "line": {"color": kit.BLUE, "width": 4},
             "customdata": [level_text(y) for y in scratch],
             "hovertemplate": "from scratch: %{customdata}<extra>R&D (person-years): %{x:,.0f}</extra>"}]
    for level, name, dash in ((RELEVANT, "Relevant at all", "dot"), (HUMAN, "Human level", "dashdot"),
                              (ASI, "Superintelligence", "longdash")):
        data.append({"type": "scatter", "mode": "lines", "name": name, "x": [X_MIN, 10.0 ** top], "y": [level, level],
                     "line": {"color": kit.GREY if level != ASI else kit.VERMILION, "dash": dash, "width": 2},
                     "hoverinfo": "skip", "showlegend": False})
    # Each learner's gap drawn in its own line's colour and dash, over the "relevant → ASI" tick (no legend).
    for start, end, y, colour, dash, name in ((c.relevant_at, c.asi_at, GAP_Y + 3, kit.BLUE, "solid",
                                               "From scratch: relevant → ASI"),
                                              (c.imitation_relevant_at, c.imitation_asi_at, GAP_Y - 3, kit.GREEN, "dash",
                                               "Imitation: relevant → ASI")):
        gap = end - start
        data.append({"type": "scatter", "mode": "lines+markers", "name": name,
                     "x": [start, max(end, start * 1.05)], "y": [y, y],
                     "line": {"color": colour, "width": 3, "dash": dash}, "marker": {"symbol": "line-ns-open", "size": 14},
                     "hovertemplate": f"gap: {person_years(gap)} person-years<extra></extra>"})
    ticks = [k for k in TICKS if k <= top]
    return {"data": data, "layout": kit.layout(
        margin={"t": 10, "b": 50, "l": 118, "r": 14}, showlegend=False,
        annotations=learner_labels(c),
        xaxis=kit.axis("R&D (person-years)", type="log", range=[0, top], tickvals=[10.0 ** k for k in ticks],
                       ticktext=[TICKS[k] for k in ticks], ticklabelstandoff=6),
        # The thresholds are named on the axis, so the lines need no legend.
        yaxis=kit.axis("capability", range=[-2, GAP_Y + 8], tickvals=[0, RELEVANT, HUMAN, ASI, GAP_Y],
                       ticktext=["0", f"relevant {num(RELEVANT)}", f"human {num(HUMAN)}", f"ASI {num(ASI)}",
                                 "relevant → ASI"], ticklabelstandoff=4))}


GAP_Y = 116         # the two gap bars sit 3 points either side of this, over the chart's top rung


@lru_cache(maxsize=None)
def _imitation_at(top: int, level: float) -> float:
    """The first R&D on the grid up to 10^top at which the imitation learner reaches `level`."""
    return next(x for x in grid(top) if imitation(x) >= level)


def learner_labels(c: Climb) -> list[dict]:
    """Each learner's name beside its own line: the imitation learner's under its slow climb at 80 points (right of
    the line, where nothing else is drawn), the from-scratch learner's at 20 points right of where it becomes relevant
    (its climb to 40 is just left of it; nothing is drawn below 40 right of it)."""
    at80 = _imitation_at(x_top(c), 80)
    return [{"x": math.log10(at80), "y": 80, "xref": "x", "yref": "y", "xanchor": "left", "yanchor": "top",
             "xshift": 6, "showarrow": False, "text": "imitation", "font": {"color": kit.GREEN, "size": 13, "weight": "bold"}},
            {"x": math.log10(c.relevant_at), "y": 20, "xref": "x", "yref": "y", "xanchor": "left", "yanchor": "middle",
             "xshift": 8, "showarrow": False, "text": "from scratch", "font": {"color": kit.BLUE, "size": 13, "weight": "bold"}}]


def verdict(gap: float) -> str:
    """The gap against Byrnes's 0-30 and AI-2027's millions, decided on the gap as shown."""
    if shown_value(gap) <= BYRNES_MAX:
        return ", within Byrnes's guess of 0–30 and nothing like AI-2027's millions."
    if shown_value(gap) >= AI2027:
        return ", at or beyond AI-2027's millions: a gradual takeoff."
    return ", more than Byrnes's 0–30 but short of AI-2027's millions."


def times(x: float) -> str:
    """A multiple as the slider sets it, without trailing zeros: 3 -> '3', 1.5 -> '1.5', 1.25 -> '1.25'."""
    text = num(x, 2)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _blockers_cost(c: Climb) -> float:
    """Person-years the blockers after relevance take, together."""
    return c.steps[-2][0] - c.relevant_at if c.after else 0.0


def _crawl_cost(c: Climb) -> float:
    """Person-years the slow climb past a ceiling below ASI takes."""
    return c.asi_at - c.steps[-1][0] if c.top < ASI else 0.0


def slower_than_imitation(c: Climb) -> str:
    """Where the from-scratch learner's climb from relevance to ASI takes longer than the imitation learner's crawl
    past human knowledge (as shown; as long as shown where it is longer only beyond the figures shown), saying so,
    with what most of its gap goes on; else nothing."""
    mine, theirs = shown_value(c.gap), shown_value(c.imitation_gap)
    if mine > theirs:
        longer = "longer even than"
    elif mine == theirs and c.gap > c.imitation_gap:
        longer = "as long, to the figures shown, as"
    else:
        return ""
    if _crawl_cost(c) > c.gap / 2:
        reason = (f"the crawl past its ceiling of {num(c.ceiling)}, at the imitation learner's pace but begun only "
                  f"after {person_years(c.steps[-1][0])} person-years")
    else:
        reason = f"the later blockers, each costing {times(c.steepening)} times the one before"
    return (f" That is {longer} the imitation learner's crawl past human knowledge, which reaches ASI "
            f"{person_years(c.imitation_gap)} person-years after relevance: most of this gap goes on {reason}.")


def gap_sentence(c: Climb) -> str:
    return _gap_sentence(c) + slower_than_imitation(c)


def _gap_sentence(c: Climb) -> str:
    where = (f"all {BLOCKERS} blockers stand before" if c.after == 0 else
             f"{c.after} of the {BLOCKERS} blockers {plural(c.after, 'stands', 'stand')} after")
    head = (f"Here {where} “relevant at all”, which the from-scratch learner reaches after "
            f"{person_years(c.relevant_at)} person-years of R&D.")
    gap = person_years(c.gap)
    if c.ceiling < ASI:
        return head + (f" Its ceiling, {num(c.ceiling)}, is below ASI: past it each further {num(BEYOND)} points take "
                       f"ten times as much R&D in total, so from relevance to ASI takes {gap} person-years"
                       + verdict(c.gap))
    if c.gap == 0:
        return head + (" From there it reaches ASI with no further R&D at all: training alone does the rest, "
                       "within Byrnes's guess of 0–30 person-years.")
    if c.after == 0:
        return head + (f" From there to ASI takes only the tuning you set, {count(c.tuning, 'person-year')}"
                       + verdict(c.gap))
    if c.tuning == 0:
        return head + (f" From there to ASI takes {gap} more person-years, all of them for the remaining "
                       f"{plural(c.after, 'blocker')}" + verdict(c.gap))
    tuning, rest = person_years(c.tuning), person_years(c.gap - c.tuning)
    if shown_value(c.tuning) + shown_value(c.gap - c.tuning) != shown_value(c.gap):
        # the parts as rounded would not add up to the total as rounded: the rest is not quoted
        return head + (f" From there to ASI takes {gap} more person-years: {tuning} of tuning, and the rest for the "
                       f"remaining {plural(c.after, 'blocker')}" + verdict(c.gap))
    return head + (f" From there to ASI takes {gap} more person-years: {tuning} of tuning and "
                   f"{rest} for the remaining {plural(c.after, 'blocker')}" + verdict(c.gap))


def imitation_sentence(c: Climb) -> str:
    return (f"The imitation learner is relevant at all after only {person_years(c.imitation_relevant_at)} person-years, "
            f"then slows at existing human knowledge ({num(IMITATION_CEILING)}): past it, in this model, each further "
            f"{num(BEYOND)} points take ten times as much R&D in total, so it reaches ASI "
            f"{person_years(c.imitation_gap)} person-years after becoming relevant. Byrnes says only that past that "
            f"natural ceiling it is unclear how to make such AI much better; the slow climb is this page's guess.")


def _years(group: str, value: Callable[[Climb], float]) -> Callable[[Climb, re.Match], bool]:
    return lambda c, m: years_shown(m[group], value(c))


GAP_TRUTHS = (
    Truth(r"Here (?P<n>\d+) of the 20 blockers stands? after “relevant at all”",
          lambda c, m: int(m["n"]) == c.after > 0 and c.before + c.after == BLOCKERS,
          "that many blockers stand after relevance"),
    Truth(r"Here all 20 blockers stand before “relevant at all”", lambda c: c.after == 0 and c.before == BLOCKERS,
          "every blocker stands before relevance"),
    Truth(rf"reaches after (?P<y>{NUMBER}) person-years of R&D", _years("y", lambda c: c.relevant_at),
          "the from-scratch learner becomes relevant at all after that much R&D (as rounded)"),
    Truth(rf"Its ceiling, (?P<k>{NUMBER}), is below ASI",
          lambda c, m: c.ceiling < ASI and float(m["k"]) == c.ceiling and c.scratch(c.steps[-1][0]) == c.ceiling,
          "its climb levels off at that ceiling, below ASI"),
    Truth(rf"from relevance to ASI takes (?P<y>{NUMBER}) person-years|to ASI takes (?P<z>{NUMBER}) more person-years",
          lambda c, m: years_shown(m["y"] or m["z"], c.asi_at - c.relevant_at) and abs(c.scratch(c.asi_at) - ASI) < 1e-6,
          "the learner reaches ASI that many person-years of R&D after becoming relevant (as rounded)"),
    Truth(r"reaches ASI with no further R&D at all", lambda c: c.asi_at == c.relevant_at and c.scratch(c.relevant_at) == ASI,
          "the learner is at ASI the moment it is relevant"),
    Truth(r"From there to ASI takes only the tuning you set, (?P<t>\d+) person-years?",
          lambda c, m: c.after == 0 and c.gap == c.tuning == int(m["t"]),
          "no blocker stands after relevance, and the gap is exactly the tuning"),
    Truth(rf"(?P<t>{NUMBER}) of tuning and (?P<b>{NUMBER}) for the remaining",
          lambda c, m: c.tuning > 0 and years_shown(m["t"], c.tuning) and years_shown(m["b"], c.steps[-2][0] - c.relevant_at)
          and shown_value(c.tuning) + shown_value(c.gap - c.tuning) == shown_value(c.gap),
          "some tuning was set, and the tuning and the later blockers' cost (as rounded), which add up to the total "
          "as rounded"),
    Truth(rf"(?P<t>{NUMBER}) of tuning, and the rest for the remaining",
          lambda c, m: c.tuning > 0 and c.after > 0 and years_shown(m["t"], c.tuning)
          and shown_value(c.tuning) + shown_value(c.gap - c.tuning) != shown_value(c.gap),
          "some tuning was set, and the two parts as rounded would not add up to the total as rounded"),
    Truth(r"more person-years, all of them for the remaining blockers?",
          lambda c: c.tuning == 0 and c.after > 0 and c.gap == c.steps[-2][0] - c.relevant_at,
          "no tuning was set: the whole gap is the later blockers' cost"),
    Truth(r"within Byrnes's guess of 0–30", lambda c: shown_value(c.gap) <= BYRNES_MAX,
          "the gap, as shown, is at most 30 person-years"),
    Truth(r"more than Byrnes's 0–30 but short of AI-2027's millions",
          lambda c: BYRNES_MAX < shown_value(c.gap) < AI2027,
          "the gap, as shown, is over 30 and under a million person-years"),
    Truth(r"at or beyond AI-2027's millions", lambda c: shown_value(c.gap) >= AI2027,
          "the gap, as shown, is at least a million person-years"),
    Truth(rf"That is longer even than the imitation learner's crawl past human knowledge, which reaches ASI "
          rf"(?P<y>{NUMBER}) person-years after relevance",
          lambda c, m: years_shown(m["y"], c.imitation_gap) and shown_value(c.gap) > shown_value(c.imitation_gap)
          and c.gap > c.imitation_gap,
          "the from-scratch learner's gap, as shown, is larger than the imitation learner's, the number quoted"),
    Truth(rf"That is as long, to the figures shown, as the imitation learner's crawl past human knowledge, which "
          rf"reaches ASI (?P<y>{NUMBER}) person-years after relevance",
          lambda c, m: years_shown(m["y"], c.imitation_gap) and shown_value(c.gap) == shown_value(c.imitation_gap)
          and c.gap > c.imitation_gap,
          "the two gaps read alike as shown, the from-scratch learner's being the larger"),
    Truth(rf"most of this gap goes on the crawl past its ceiling of (?P<k>\d+), at the imitation learner's pace but "
          rf"begun only after (?P<y>{NUMBER}) person-years",
          lambda c, m: c.ceiling < ASI and float(m["k"]) == c.ceiling and _crawl_cost(c) > c.gap / 2
          and years_shown(m["y"], c.steps[-1][0]) and c.steps[-1][0] > imitation_reaches(HUMAN)
          and abs(c.scratch(c.steps[-1][0] * 10 ** 0.5) - c.scratch(c.steps[-1][0]) - BEYOND / 2) < 1e-9,
          "over half the gap is the slow climb past a ceiling below ASI, which starts at the R&D quoted (as "
          "rounded), later than the imitation learner reaches human knowledge, and gains 10 points a tenfold of R&D, "
          "the imitation learner's pace past human knowledge"),
    Truth(r"most of this gap goes on the later blockers, each costing (?P<s>[\d.]+) times the one before",
          lambda c, m: c.after > 0 and float(m["s"]) == c.steepening and _blockers_cost(c) > c.gap / 2,
          "over half the gap is the cost of the blockers after relevance, each the multiple quoted of the one before"),
)
IMITATION_TRUTHS = (
    Truth(rf"imitation learner is relevant at all after only (?P<y>{NUMBER}) person-years",
          lambda c, m: years_shown(m["y"], c.imitation_relevant_at) and abs(imitation(c.imitation_relevant_at) - RELEVANT) < 1e-6
          and c.imitation_relevant_at < c.relevant_at,
          "the imitation learner reaches 40 after that much R&D (as rounded), sooner than the from-scratch learner"),
    Truth(r"slows at existing human knowledge \((?P<k>\d+)\)",
          lambda c, m: float(m["k"]) == IMITATION_CEILING and imitation(1e4) - imitation(1e3) < imitation(1e3) - imitation(1e2),
          "its climb past that level is slower than the climb to it"),
    Truth(rf"reaches ASI (?:only )?(?P<y>{NUMBER}) person-years after becoming relevant",
          lambda c, m: years_shown(m["y"], c.imitation_gap) and abs(imitation(c.imitation_asi_at) - ASI) < 1e-6,
          "the imitation learner reaches ASI that many person-years after it became relevant (as rounded)"),
    Truth(r"reaches ASI only", lambda c: round(c.imitation_gap) <= BYRNES_MAX,
          "'only' a gap within Byrnes's 0–30 person-years: the slow climb past human knowledge is no short step"),
)
CLIMB_CLAIMS = (Claim("gap", gap_sentence, truths=GAP_TRUTHS), Claim("imitation", imitation_sentence, truths=IMITATION_TRUTHS))
# The summary's, live number's and panel's figures.
CLIMB_TRUTHS = (
    Truth(rf"becomes relevant at all after (?P<y>{NUMBER}) person-years", _years("y", lambda c: c.relevant_at),
          "the from-scratch learner is relevant after that much R&D (as rounded)"),
    Truth(rf"[Ff]rom-scratch learner: relevant at all after (?P<y>{NUMBER}) person-years", _years("y", lambda c: c.relevant_at),
          "the from-scratch learner is relevant after that much R&D (as rounded)"),
    Truth(rf"(?:reaches superintelligence|; superintelligence) (?P<y>{NUMBER}) person-years of R&D later",
          lambda c, m: years_shown(m["y"], c.gap), "the from-scratch learner's gap (as rounded)"),
    Truth(r"superintelligence with no further R&D", lambda c: c.gap == 0 and c.scratch(c.relevant_at) == ASI,
          "the from-scratch learner is at ASI the moment it is relevant"),
    Truth(rf"imitation learner, relevant after (?P<y>{NUMBER}), reaches it (?P<z>{NUMBER}) later|Imitation learner: "
          rf"relevant at all after (?P<a>{NUMBER}) person-years, slows at existing human knowledge and reaches "
          rf"superintelligence (?P<b>{NUMBER}) person-years later",
          lambda c, m: years_shown(m["y"] or m["a"], c.imitation_relevant_at) and years_shown(m["z"] or m["b"], c.imitation_gap),
          "the imitation learner's relevance and gap (as rounded)"),
)


def later(c: Climb) -> str:
    return "with no further R&D" if c.gap == 0 else f"{person_years(c.gap)} person-years of R&D later"


def climb_summary(c: Climb) -> str:
    return (f"The from-scratch learner becomes relevant at all after {person_years(c.relevant_at)} person-years and "
            f"reaches superintelligence {later(c)}; the imitation learner, "
            f"relevant after {person_years(c.imitation_relevant_at)}, reaches it {person_years(c.imitation_gap)} later.")


def climb_table(c: Climb) -> Table:
    xs = ([10.0 ** k for k in range(0, x_top(c) + 1, 2)] + [c.relevant_at, c.asi_at, c.imitation_relevant_at,
                                                             c.imitation_asi_at] + [r for r, _ in c.steps])
    rows = _distinct_rows([(x, _table_level(imitation(x)), _table_level(c.scratch(x))) for x in sorted(set(xs))])
    return Table("Capability of each learner after this much R&D (person-years), on our scale: relevant at all 40, "
                 "human level 60, superintelligence 100",
                 ("R&D (person-years; from 10,000, rounded)", "Imitation learner", "From-scratch learner"), rows)


def _table_level(y: float) -> str:
    """A table cell's capability: as the hover writes one short of 40, 60 or 100 ('just under 100'), else as num."""
    text = level_text(y)
    return text if text.startswith("just under") else num(y)


def _distinct_rows(rows: list[tuple[float, str, str]]) -> tuple[tuple[str, str, str], ...]:
    """The table's rows with R&D as person_years writes it, except where two rows would read the same R&D with
    different capabilities (the last blocker's corner and the same point plus a little tuning, both '2.1 million'):
    those say the person-years in full, to a decimal if need be. Rows that read alike in every cell are one row."""
    labels = [person_years(x) for x, _, _ in rows]
    for form in ("{:,.0f}", "{:,.1f}"):
        clash = {label for label in labels
                 if len({(i, s) for lab, (_, i, s) in zip(labels, rows) if lab == label}) > 1}
        labels = [form.format(x) if label in clash else label for label, (x, _, _) in zip(labels, rows)]
    out: list[tuple[str, str, str]] = []
    for label, (_, i, s) in zip(labels, rows):
        if out and out[-1][0] == label:
            out[-1] = (label, i, s)          # the same R&D, even in full: the later reading stands
        elif (label, i, s) not in out:
            out.append((label, i, s))
    return tuple(out)


def climb_live(c: Climb) -> dict[str, str]:
    return {"gap": f"{person_years(c.gap)} person-years"}


def ladder_panel(c: Climb, values: Mapping[str, Any]) -> dict[str, Any]:
    gap = (["no further R&D", "to reach ASI"] if c.gap == 0
           else [f"+{person_years(c.gap)}", "person-years to ASI"])
    columns = [{"kind": "imitation", "name": "Imitation", "top": IMITATION_CEILING,
                "relevant": ["relevant after", f"{person_years(c.imitation_relevant_at)} person-years"],
                "top_note": ["slows here"], "top_note_tall": ["slows at human knowledge"]},
               {"kind": "scratch", "name": "From scratch", "top": c.top,
                "relevant": ["relevant after", f"{person_years(c.relevant_at)} person-years"], "top_note": gap}]
    return {"columns": columns,
            "caption": (f"Imitation learner: relevant at all after {person_years(c.imitation_relevant_at)} "
                        f"person-years, slows at existing human knowledge and reaches superintelligence "
                        f"{person_years(c.imitation_gap)} person-years later. From-scratch learner: relevant at "
                        f"all after {person_years(c.relevant_at)} person-years; superintelligence {later(c)}.")}


class ClimbResponse(WidgetResponse):
    blockers_before: int = Field(description="Blockers the from-scratch learner must pass before it is relevant at all.")
    blockers_after: int
    relevant_at: float = Field(description="Person-years of R&D until it is relevant at all.")
    asi_at: float = Field(description="Person-years until superintelligence.")
    gap: float = Field(description="Person-years between relevant at all and superintelligence.")
    imitation_relevant_at: float
    imitation_asi_at: float = Field(description="Person-years until the imitation learner reaches superintelligence, "
                                                "climbing slowly past existing human knowledge.")
    imitation_ceiling: float = Field(description="Where the imitation learner's fast climb levels off (existing human "
                                                 "knowledge); past it each further 10 points take ten times the R&D.")
    steps: list[list[float]] = Field(description="(person-years, capability) corners of the climb after relevance, "
                                                 "up to its ceiling.")


def climb_api(values: Mapping[str, Any], c: Climb) -> dict:
    return {"blockers_before": c.before, "blockers_after": c.after,
            "relevant_at": c.relevant_at, "asi_at": c.asi_at, "gap": c.gap,
            "imitation_relevant_at": round(c.imitation_relevant_at, 3),
            "imitation_asi_at": round(c.imitation_asi_at, 3), "imitation_ceiling": IMITATION_CEILING,
            "steps": [list(s) for s in c.steps]}


# ---- Language ------------------------------------------------------------------------------------

def success_figure(r: Language) -> dict:
    x = [BLOCK * (i + 1) for i in range(len(r.success))]
    data = [{"type": "scatter", "mode": "lines+markers", "name": "From-scratch group", "x": x,
             "y": [round(v, 3) for v in r.success], "line": {"color": kit.BLUE, "width": 3},
             "marker": {"size": 6}, "hovertemplate": "group: %{y:.0%}<extra>exchanges to %{x}</extra>"},
            {"type": "scatter", "mode": "lines", "name": "Imitation learners", "x": [0, 3000],
             "y": [round(r.imitation_success, 3)] * 2, "line": {"color": kit.GREEN, "width": 3, "dash": "dash"},
             "hovertemplate": "imitation: %{y:.0%}<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("exchanges", range=[0, 3050], dtick=500, ticklabelstandoff=6),
        yaxis=kit.axis("understood", tickformat=".0%", range=[-0.04, 1.04]))}


def language_sentence(r: Language) -> str:
    imit = (f"two imitation learners trained on the same input understand each other {pct(r.imitation_success)} of "
            f"the time")
    # The luck behind the imitation learners' agreement, in a sentence of its own after the result.
    luck = (f" The imitation learners match only by luck. In their input every gesture is drawn at random from "
            f"{GESTURES} gestures, whatever the meaning; a speaker uses each gesture as often as it saw it, and the listener "
            f"expects the commonest, which makes up only a small share of a meaning's {CORPUS // MEANINGS} or so "
            f"examples." if r.exposure == "none" else "")
    if not r.success:
        start = ("the group already shares the adults' words" if r.exposure == "grammatical"
                 else "the group has no shared words at all")
        return f"Before any exchange, {start}; " + imit + "." + luck
    n = len(r.success)
    if r.exposure == "grammatical":
        code = "the adults' words"
    elif r.shared_code >= 0.5:
        code = "a code they made up"
    else:
        code = "no settled code yet"
    return (f"In exchanges {num(BLOCK * (n - 1) + 1)}–{num(BLOCK * n)} the {r.learners} from-scratch learners understood each "
            f"other {pct(r.success[-1])} of the time, with {code} ({count(r.words_in_use, 'word')} in use for {MEANINGS} "
            f"meanings at the end, {pct(r.shared_code)} of meanings agreed by all); {imit}.{luck}")


OUTCOME_TRUTHS = (
    Truth(r"Before any exchange", lambda r: r.rounds == 0 and not r.success, "there have been no exchanges"),
    Truth(r"the group already shares the adults' words",
          lambda r: r.rounds == 0 and r.exposure == "grammatical" and r.shared_code == 1.0,
          "with no exchanges yet, every learner holds the adults' word for every meaning"),
    Truth(r"the group has no shared words at all", lambda r: r.words_in_use == 0 and r.shared_code == 0.0,
          "no learner has a word for anything"),
    Truth(r"In exchanges (?P<a>[\d,]+)–(?P<b>[\d,]+) the (?P<n>\d+) from-scratch learners understood each other "
          r"(?P<x>\d+%) of the time",
          lambda r, m: (m["b"] == num(BLOCK * len(r.success)) and m["a"] == num(BLOCK * len(r.success) - BLOCK + 1)
                        and int(m["n"]) == r.learners
                        and m["x"] == pct(r.success[-1])),
          "the group's share understood in its last full hundred exchanges, as shown"),
    Truth(r"with the adults' words", lambda r: r.exposure == "grammatical" and r.shared_code == 1.0,
          "the group heard a grammatical language and every meaning's word is the adults' one, agreed by all"),
    Truth(r"with a code they made up", lambda r: r.exposure == "none" and r.shared_code >= 0.5,
          "with no input, the learners agree on at least half the meanings, with words they invented"),
    Truth(r"with no settled code yet", lambda r: r.shared_code < 0.5,
          "the learners agree on fewer than half the meanings"),
    Truth(r"\((?P<w>\d+) words? in use for 6 meanings at the end, (?P<p>\d+%) of meanings agreed by all\)",
          lambda r, m: int(m["w"]) == r.words_in_use and m["p"] == pct(r.shared_code),
          "words in use and the share of meanings agreed, as shown"),
    Truth(r"two imitation learners trained on the same input understand each other (?P<x>\d+%) of the time",
          lambda r, m: m["x"] == pct(r.imitation_success), "the imitation learners' agreement, as shown"),
    Truth(r"The imitation learners match only by luck\. In their input every gesture is drawn at random from (?P<g>\d+) gestures, "
          r"whatever the meaning; a speaker uses each gesture as often as it saw it, and the listener expects the "
          r"commonest, which makes up only a small share of a meaning's (?P<n>\d+) or so examples\.",
          lambda r, m: (r.exposure == "none" and int(m["g"]) == GESTURES and int(m["n"]) == CORPUS // MEANINGS
                        and r.imitation_success < 0.25),
          "with no language in their input, the imitation learners' corpus draws every gesture at random from the "
          "number quoted, over about the examples quoted a meaning (the corpus's size over the meanings), and their "
          "agreement (the average share of each meaning's commonest gesture) is small: under a quarter"),
)
def contrast_sentence(r: Language) -> str:
    """Whether the group gets further than the imitation learners, compared as the page shows both (whole
    percentages): with the adults' words to copy, copying does as well."""
    if not r.success:
        return "With no exchanges yet, the group has had no chance to get further than the imitation learners."
    lead = points(r.success[-1]) - points(r.imitation_success)
    if lead >= 10:
        return "Here the group gets further than the imitation learners."
    if lead > 0:
        return f"Here the group is only a little ahead of the imitation learners, by {count(lead, 'point')}."
    if lead == 0:
        return "Here the group gets no further than the imitation learners, to the percent shown."
    return f"Here the group is behind the imitation learners, by {count(-lead, 'point')}."


def _lead(r: Language) -> int:
    return points(r.success[-1]) - points(r.imitation_success) if r.success else 0


CONTRAST_TRUTHS = (
    Truth(r"With no exchanges yet, the group has had no chance", lambda r: r.rounds == 0 and not r.success,
          "there have been no exchanges"),
    Truth(r"the group gets further than the imitation learners", lambda r: bool(r.success) and _lead(r) >= 10,
          "in its last hundred exchanges the group understood each other at least 10 points more often than the "
          "imitation learners, as shown"),
    Truth(r"only a little ahead of the imitation learners, by (\d+) points?",
          lambda r, m: bool(r.success) and 0 < _lead(r) == int(m.group(1)) < 10,
          "the group's lead over the imitation learners, as shown, is the 1 to 9 points quoted"),
    Truth(r"the group gets no further than the imitation learners, to the percent shown",
          lambda r: bool(r.success) and _lead(r) == 0, "the two shares are equal, as shown"),
    Truth(r"the group is behind the imitation learners, by (\d+) points?",
          lambda r, m: bool(r.success) and -_lead(r) == int(m.group(1)) > 0,
          "the imitation learners understand each other more often than the group did in its last hundred exchanges, "
          "by the points quoted, as shown"),
)
LANGUAGE_CLAIMS = (Claim("outcome", language_sentence, truths=OUTCOME_TRUTHS),
                   Claim("contrast", contrast_sentence, truths=CONTRAST_TRUTHS))
LANGUAGE_TRUTHS = (
    Truth(r"last hundred exchanges: (?P<x>\d+%)", lambda r, m: bool(r.success) and m["x"] == pct(r.success[-1]),
          "the group's share understood in its last hundred exchanges, as shown"),
    Truth(r"last hundred exchanges: no exchanges yet", lambda r: not r.success, "there have been no exchanges"),
    Truth(r"imitation learners: (?P<x>\d+%)", lambda r, m: m["x"] == pct(r.imitation_success),
          "the imitation learners' agreement, as shown"),
)


def language_summary(r: Language) -> str:
    last = pct(r.success[-1]) if r.success else "no exchanges yet"
    return (f"Input: {'a grammatical language' if r.exposure == 'grammatical' else 'unstructured gestures'}. "
            f"From-scratch group, last hundred exchanges: {last}; imitation learners: {pct(r.imitation_success)}.")


def language_table(r: Language) -> Table:
    rows = tuple((f"{BLOCK * i + 1}–{BLOCK * (i + 1)}", pct(v)) for i, v in enumerate(r.success))
    return Table(f"Share of exchanges understood by the from-scratch group, per hundred (imitation learners: "
                 f"{pct(r.imitation_success)})", ("Exchanges", "Understood"), rows)


def language_live(r: Language) -> dict[str, str]:
    return {"last": pct(r.success[-1]) if r.success else "0%", "imitation": pct(r.imitation_success)}


class LanguageResponse(WidgetResponse):
    success: list[float] = Field(description="Share understood by the from-scratch group per hundred exchanges.")
    imitation_success: float
    shared_code: float = Field(description="Share of meanings on which every learner's word agrees.")
    words_in_use: int


def language_api(values: Mapping[str, Any], r: Language) -> dict:
    return {"success": list(r.success), "imitation_success": r.imitation_success,
            "shared_code": r.shared_code, "words_in_use": r.words_in_use}
