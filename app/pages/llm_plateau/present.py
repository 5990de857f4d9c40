"""Presenters for the LLM-plateau page: pure functions of the models' results."""
from __future__ import annotations

from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct

from .model import LETTERS, Credences, Curve, Extrapolation

# Our labels for the letters (the seed gives only the grouping: A-B LLMs more or less as they are, C LLMs
# with substantial additions, later letters not LLMs).
LABELS = {"a": "LLMs much as today, scaled up", "b": "LLMs plus tools and scaffolding",
          "c": "LLMs with substantial additions", "d": "Another kind of deep learning", "e": "Brain-like AGI"}
GROUP = {"a": "llm", "b": "llm", "c": "plus", "d": "other", "e": "other"}
GROUP_NAMES = {"llm": "LLMs, more or less as they are", "plus": "LLMs with substantial additions",
               "other": "Not LLMs"}
GROUP_COLOURS = {"llm": kit.BLUE, "plus": kit.PINK, "other": kit.GREEN}
GROUP_PATTERNS = {"llm": "/", "plus": ".", "other": ""}

# ---- Credences -----------------------------------------------------------------------------------


def shares_figure(r: Credences) -> dict:
    data = []
    for g in ("llm", "plus", "other"):
        letters = [k for k in LETTERS if GROUP[k] == g]
        data.append({"type": "bar", "name": GROUP_NAMES[g], "x": [k.upper() for k in letters],
                     "y": [round(r.shares[k], 4) for k in letters],
                     "text": [pct(r.shares[k]) for k in letters], "textposition": "outside", "cliponaxis": False,
                     "marker": {"color": GROUP_COLOURS[g], "pattern": kit.pattern(GROUP_PATTERNS[g], GROUP_COLOURS[g])},
                     "customdata": [LABELS[k] for k in letters],
                     "hovertemplate": "%{x}: %{customdata}, %{y:.0%}<extra></extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 24, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True, bargap=0.3,
        xaxis=kit.axis(None, categoryorder="array", categoryarray=[k.upper() for k in LETTERS]),
        yaxis=kit.axis("your odds", tickformat=".0%", range=[0, 1.15], dtick=0.25))}


def verdict_sentence(r: Credences) -> str:
    head = (f"You give {pct(r.llm)} to TAI being an LLM more or less as today (A or B), and {pct(r.llm_plus)} "
            f"once LLMs with substantial additions (C) are included.")
    if r.all_zero:
        head = "With every slider at zero, we read your odds as equal: " + head[0].lower() + head[1:]
    if r.verdict == "strong":
        return head + (" By Byrnes's definition you are an LLM plateau-ist, and of the usual kind: you do not "
                       "expect A, B or C to be what gets there.")
    if r.verdict == "ab":
        return head + (" Less than half on A and B makes you an LLM plateau-ist by his definition, though not of "
                       "the usual kind: with C included, LLMs of some kind get at least half your odds.")
    return head + (" A and B get at least half your odds, so by this page's cut-off you are not an LLM "
                   "plateau-ist.")


def implication_sentence(r: Credences) -> str:
    other = r.shares["d"] + r.shares["e"]
    if other == 0:
        return "You give no odds at all to TAI that is not an LLM."
    return (f"You give {pct(other)} to TAI that is not an LLM at all, and {pct(r.shares['e'])} to brain-like AGI "
            f"in particular: that much of your expectation is about a kind of AI other than the LLMs we can study "
            f"today.")


CREDENCES_CLAIMS = (Claim("verdict", verdict_sentence), Claim("implication", implication_sentence))


def credences_summary(r: Credences) -> str:
    return ("Your odds, scaled to add up to 100%: " + ", ".join(f"{k.upper()} {pct(r.shares[k])}" for k in LETTERS)
            + f". A and B together: {pct(r.llm)}; with C: {pct(r.llm_plus)}.")


def credences_table(r: Credences) -> Table:
    return Table("Your odds for each kind of transformative AI (our labels), scaled to add up to 100%",
                 ("Letter", "Kind (our label)", "Group", "Your odds"),
                 tuple((k.upper(), LABELS[k], GROUP_NAMES[GROUP[k]], pct(r.shares[k])) for k in LETTERS))


def credences_live(r: Credences) -> dict[str, str]:
    return {"llm": pct(r.llm), "llm_plus": pct(r.llm_plus)}


def row(letter: str, bar: float | None, right: str, state: str) -> dict[str, Any]:
    return {"letter": letter.upper(), "label": LABELS[letter], "group": GROUP[letter], "bar": bar, "right": right,
            "state": state}


def letters_panel(r: Credences, values: Mapping[str, Any]) -> dict[str, Any]:
    rows = [row(k, r.shares[k], pct(r.shares[k]), "lit" if r.shares[k] >= 0.3 else "") for k in LETTERS]
    words = {"strong": "Plateau-ist about A, B and C", "ab": "Plateau-ist about A and B",
             "not": "Not an LLM plateau-ist"}
    return {"rows": rows, "headline": words[r.verdict],
            "caption": "Your odds: " + ", ".join(f"{k.upper()} ({LABELS[k]}) {pct(r.shares[k])}" for k in LETTERS)
                       + f". {words[r.verdict]}."}


class CredencesResponse(WidgetResponse):
    shares: dict[str, float] = Field(description="Your odds for each letter, scaled to add up to 1.")
    llm: float = Field(description="A and B together.")
    llm_plus: float = Field(description="A, B and C together.")
    verdict: str = Field(description="'strong' (A-C unlikely), 'ab' (A-B unlikely, C likely) or 'not'.")
    labels: dict[str, str] = Field(description="Our labels for the letters.")


def credences_api(values: Mapping[str, Any], r: Credences) -> dict:
    return {"shares": dict(r.shares), "llm": r.llm, "llm_plus": r.llm_plus,
            "verdict": r.verdict, "labels": dict(LABELS)}


# ---- Extrapolation -------------------------------------------------------------------------------

X_MIN, X_MAX = -6.0, 10.0


def num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def tenfolds(x: float) -> str:
    return f"{num(x)} more tenfold" + ("" if num(x) == "1" else "s")


def curve_points(c: Curve, start: float) -> tuple[list[float], list[float]]:
    xs = [round(start + 0.25 * i, 2) for i in range(int((X_MAX - start) / 0.25) + 1)]
    return xs, [round(c.at(x), 2) for x in xs]


def curves_figure(r: Extrapolation) -> dict:
    px, py = r.past
    data = [{"type": "scatter", "mode": "markers", "name": "Past points", "x": list(px), "y": list(py),
             "marker": {"symbol": "circle", "size": 9, "color": kit.INK},
             "hovertemplate": "past: %{y:.0f}<extra>%{x} tenfolds</extra>"}]
    chosen = r.theory == "ceiling"
    for c, name, line in ((r.line, "A–B, no ceiling", {"color": kit.BLUE, "dash": "solid", "width": 2 if chosen else 4}),
                          (r.capped, f"A–B, ceiling {num(r.ceiling)}",
                           {"color": kit.BLUE, "dash": "dot", "width": 4 if chosen else 2}),
                          (r.c, "C", {"color": kit.PINK, "dash": "dash", "width": 3.5})):
        xs, ys = curve_points(c, X_MIN if c is not r.c else 0.0)
        data.append({"type": "scatter", "mode": "lines", "name": name, "x": xs, "y": ys, "line": line,
                     "hovertemplate": name + ": %{y:.0f}<extra>%{x} tenfolds</extra>"})
    data.append({"type": "scatter", "mode": "lines", "name": "TAI threshold", "x": [X_MIN - 0.5, X_MAX + 0.5],
                 "y": [r.tai, r.tai], "line": {"color": kit.VERMILION, "dash": "longdash", "width": 2},
                 "hoverinfo": "skip"})
    data.append({"type": "scatter", "mode": "lines", "name": "Wall", "x": [r.wall, r.wall], "y": [0, 160],
                 "line": {"color": kit.INK, "dash": "dashdot", "width": 2}, "hoverinfo": "skip"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 170, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("compute (tenfolds from today)", range=[X_MIN - 0.5, X_MAX + 0.5], dtick=2,
                       ticklabelstandoff=6),
        yaxis=kit.axis("capability", range=[-2, 162], dtick=25))}


FATES = {"reaches": "reaches TAI", "wall": "runs out of compute first", "ceiling": "levels off below TAI",
         "flat": "stops growing"}


def fate_words(r: Extrapolation, c: Curve) -> str:
    fate = r.fate(c)
    if fate == "reaches":
        return ("is already at TAI today" if c.crossing == 0 else
                f"reaches TAI after {tenfolds(c.crossing)} of effective compute, before the wall at {num(r.wall)}")
    if fate == "wall":
        return (f"would reach TAI after {tenfolds(c.crossing)}, but data or compute runs out at {num(r.wall)}: "
                f"it stops at {num(c.at(r.wall))} points, short of {num(r.tai)}")
    if fate == "ceiling":
        return f"levels off at {num(c.ceiling)} points, at or below the TAI threshold of {num(r.tai)}"
    return f"does not grow past today's {num(c.at(0))} points, so it never reaches {num(r.tai)}"


def camp(r: Extrapolation) -> str:
    fate = r.fate(r.ab)
    if fate == "ceiling":
        return "a theoretical plateau-ist about A–B"
    if fate in ("wall", "flat"):
        return "an empirical plateau-ist about A–B"
    return "not a plateau-ist about A–B"


def fates_sentence(r: Extrapolation) -> str:
    note = (" (its ceiling is above TAI, so the ceiling is not what stops it)"
            if r.theory == "ceiling" and r.ceiling > r.tai and r.fate(r.ab) in ("wall", "flat") else "")
    return (f"Under these assumptions A–B {fate_words(r, r.ab)}, and C {fate_words(r, r.c)}. "
            f"That makes you {camp(r)}{note}.")


def evidence_sentence(r: Extrapolation) -> str:
    capped, straight = r.capped.at(r.wall), r.line.at(r.wall)
    head = (f"Fitted to the same seven past points, which scatter by about 0.8 around their trend, a curve levelling "
            f"off at {num(r.ceiling)} misses them by {r.capped.rms:.1f} points on average and a straight line by "
            f"{r.line.rms:.1f}; at the wall, {num(r.wall)} tenfolds on, they forecast {num(capped)} and {num(straight)}.")
    if r.capped.rms - r.line.rms >= 0.5:
        return head + " A ceiling that low is one the past points themselves count against."
    if r.fate(r.capped) != r.fate(r.line):
        return head + (" Almost the same fit to the past, yet one curve " + FATES[r.fate(r.line)] + " and the other "
                       + FATES[r.fate(r.capped)] + ": the assumptions, not the evidence, set the two camps apart.")
    return head + " At these settings both curves land in the same camp, " + FATES[r.fate(r.line)] + "."


EXTRAPOLATE_CLAIMS = (Claim("fates", fates_sentence), Claim("evidence", evidence_sentence))


def extrapolate_summary(r: Extrapolation) -> str:
    return f"A–B {FATES[r.fate(r.ab)]}; C {FATES[r.fate(r.c)]}. " + f"You are {camp(r)}."


def extrapolate_table(r: Extrapolation) -> Table:
    xs = [x / 2 for x in range(int(X_MIN * 2), int(X_MAX * 2) + 1, 2)]
    past = dict(zip(*r.past))
    rows = tuple((num(x), num(past[x]) if x in past else "", num(r.line.at(x)), num(r.capped.at(x)),
                  num(r.c.at(x)) if x >= 0 else "") for x in xs)
    return Table("Capability against tenfolds of effective compute from today: the past points and each curve",
                 ("Tenfolds from today", "Past point", "A–B, no ceiling", f"A–B, ceiling {num(r.ceiling)}", "C"), rows)


def extrapolate_live(r: Extrapolation) -> dict[str, str]:
    return {"ab_fate": FATES[r.fate(r.ab)], "c_fate": FATES[r.fate(r.c)]}


def fates_panel(r: Extrapolation, values: Mapping[str, Any]) -> dict[str, Any]:
    ab, c = FATES[r.fate(r.ab)], FATES[r.fate(r.c)]
    state = {"reaches": "lit", "wall": "blocked", "ceiling": "blocked", "flat": "blocked"}
    rows = [row("a", None, ab, state[r.fate(r.ab)]), row("b", None, ab, state[r.fate(r.ab)]),
            row("c", None, c, state[r.fate(r.c)]), row("d", None, "no past to extend", "off"),
            row("e", None, "no past to extend", "off")]
    short = {"ceiling": "These assumptions: theoretical plateau", "wall": "These assumptions: empirical plateau",
             "flat": "These assumptions: empirical plateau", "reaches": "These assumptions: no plateau"}
    return {"rows": rows, "headline": short[r.fate(r.ab)],
            "caption": f"Under these assumptions, A and B: {ab}; C: {c}; D and E: not modelled here (no past to extend)."}


class ExtrapolateResponse(WidgetResponse):
    past: dict[str, list[float]] = Field(description="The past points: x (tenfolds of effective compute from "
                                                     "today) and capability (our scale).")
    curves: dict[str, dict[str, Any]] = Field(description="Per curve ('ab': the chosen one, 'line', 'capped', 'c'): ceiling (null: none), "
                                                          "fit error on the past points, tenfolds to TAI (null: never), and fate.")


def extrapolate_api(values: Mapping[str, Any], r: Extrapolation) -> dict:
    def one(c: Curve) -> dict:
        return {"ceiling": c.ceiling, "growth": c.growth, "rms": c.rms, "crossing": c.crossing, "fate": r.fate(c),
                "at_wall": round(c.at(r.wall), 3)}
    return {"past": {"x": list(r.past[0]), "capability": list(r.past[1])},
            "curves": {"ab": one(r.ab), "line": one(r.line), "capped": one(r.capped), "c": one(r.c)}}
