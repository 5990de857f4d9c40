"""Presenters for the LLM-plateau page: pure functions of the models' results."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Callable, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, lone, num as wnum, plural, points, reads_as, share

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


def shown_points(r: Credences) -> dict[str, int]:
    """Each letter's share as the page shows it: its exact share rounded, as every share a sentence states is (equal
    odds so read alike); where the letters then add up to something other than 100, or to other than a total a
    sentence states, the page says they are each rounded on their own (rounding_note)."""
    return {k: points(r.shares[k]) for k in LETTERS}


def _letters_total(r: Credences, letters: str) -> int:
    """The sum of these letters' shares, each rounded on its own, from the model's shares."""
    return sum(points(r.shares[k]) for k in letters)


def _sums_stated(r: Credences) -> bool:
    """The letters, each rounded, add up to every total a sentence states (each group's exact share rounded)."""
    return all(_letters_total(r, g) == points(sum(r.shares[k] for k in g)) for g in ("ab", "abc", "de"))


def rounding_note(r: Credences, totals: bool = True) -> str:
    """Where the letters, each rounded on its own, do not add up to 100, or (`totals`: beside the totals the page
    states) to a total a sentence states, the words say so; otherwise nothing."""
    total = _letters_total(r, LETTERS)
    off = totals and not _sums_stated(r)
    if total != 100:
        return f" (each rounded, so the shares shown add up to {total}%{f', and {TOTAL_OFF}' if off else ''})"
    return f" ({SUMS_OFF})" if off else ""


TOTAL_OFF = "a total stated can be a point off the sum of its letters"
SUMS_OFF = f"each rounded on its own, so {TOTAL_OFF}"


ROUNDING_TRUTH = Truth(r"rounded, so the shares shown add up to (\d+)%",
                       lambda r, m: int(m.group(1)) == _letters_total(r, LETTERS) != 100,
                       "the letters' shares, each rounded, add up to this, not 100")
TOTAL_OFF_TRUTH = Truth(r"add up to \d+%, and " + re.escape(TOTAL_OFF), lambda r: not _sums_stated(r),
                        "the letters' shares, each rounded, add up to other than a group's exact share rounded")
SUMS_OFF_TRUTH = Truth(re.escape(SUMS_OFF), lambda r: _letters_total(r, LETTERS) == 100 and not _sums_stated(r),
                       "the letters' shares, each rounded, add up to 100, but not to a group's exact share rounded")


def letters_sum(r: Credences, letters: str) -> int:
    """The sum of these letters' shares as shown."""
    p = shown_points(r)
    return sum(p[k] for k in letters)


def shown_sum(r: Credences, letters: str) -> int:
    """A letter's or group's share as shown. A group is its exact share rounded (three equal thirds on A, B and C
    read 33% each, but 67% for A and B and 100% with C; 135/265 reads 51%): the sum of its letters shown wherever
    a rounding that adds up allows (shown_points)."""
    if len(letters) == 1:
        return letters_sum(r, letters)
    return points(r.group(letters))


def shown_pct(r: Credences, letters: str) -> str:
    return f"{shown_sum(r, letters)}%"


CUT = 0.5   # the verdict's cut-off (ours): more likely than not


def verdict_figure(r: Credences) -> dict:
    """What the verdict reads from the odds, which the rows cannot show at a glance: A and B together, and A, B and C
    together, against the half-way mark. Each bar is stacked from its letters' groups (colours and hatching as the
    rows'); the number right of the plot is the group's share as the verdict states it."""
    rows = ["A and B", "A, B and C"]
    ab, c = r.group("ab"), r.group("abc") - r.group("ab")
    data = [{"type": "bar", "orientation": "h", "name": GROUP_NAMES[g], "y": ys, "x": xs, "hoverinfo": "skip",
             "marker": {"color": GROUP_COLOURS[g], "pattern": kit.pattern(GROUP_PATTERNS[g], GROUP_COLOURS[g]),
                        "line": {"width": 0}}}
            for g, ys, xs in (("llm", rows, [round(ab, 4)] * 2), ("plus", rows[1:], [round(c, 4)]))]
    ends = [{"x": 1, "xref": "paper", "y": name, "text": shown_pct(r, letters), "showarrow": False, "xanchor": "left",
             "xshift": 6, "font": kit.font(13)} for name, letters in zip(rows, ("ab", "abc"))]
    half = {"x": CUT, "y": 1, "yref": "paper", "yanchor": "bottom", "text": "half", "showarrow": False,
            "font": kit.font(13)}
    return {"data": data, "layout": kit.layout(
        margin={"t": 22, "b": 36, "l": 84, "r": 48}, showlegend=False, barmode="stack", bargap=0.35,
        shapes=[{"type": "line", "x0": CUT, "x1": CUT, "y0": 0, "y1": 1, "yref": "paper",
                 "line": {"dash": "dash", "width": 2, "color": kit.INK}}],
        annotations=[*ends, half],
        xaxis=kit.axis(None, tickformat=".0%", range=[0, 1], tickvals=[0, 0.5, 1]),
        yaxis=kit.axis(None, autorange="reversed"))}


# By this page's reading of his definition (the 50% cut-off and the odds as a stand-in are ours).
READING = "by this page's reading of his definition"


def verdict_sentence(r: Credences) -> str:
    head = (f"You give {shown_pct(r, 'ab')} to TAI being an LLM more or less as today (A or B), and "
            f"{shown_pct(r, 'abc')} once LLMs with substantial additions (C) are included.")
    if r.all_zero:
        head = "With every slider at zero, we read your odds as equal: " + head[0].lower() + head[1:]
    if r.verdict == "strong":
        return head + (f" Under half even with C makes you an LLM plateau-ist, {READING}, and of "
                       f"the usual kind: you do not expect A, B or C to be what gets there.")
    if r.verdict == "ab":
        return head + (f" Under half on A and B makes you an LLM plateau-ist, {READING}. But with C, LLMs "
                       "of some kind get at least half your odds, so not the usual kind.")
    return head + f" A and B get at least half your odds, so {READING} you are not an LLM plateau-ist."


def implication_sentence(r: Credences) -> str:
    if r.group("de") == 0:
        return "You give no odds at all to TAI that is not an LLM."
    # share(): a sliver of the odds reads 'under 1%', never '0%'
    head = f"You give {share(r.group('de'))} to TAI that is not an LLM at all{_complement_note(r)}"
    if r.shares["e"] == 0:
        return (f"{head}: that much of your expectation is about a kind of AI other than the LLMs we can study today, "
                f"though none of it is about brain-like AGI.")
    return (f"{head}, and {share(r.shares['e'])} to brain-like AGI in particular: that much of your expectation is "
            f"about a kind of AI other than the LLMs we can study today.")


def _complement_off(r: Credences) -> int | None:
    """What the verdict's A–C share and this D–E share add up to as shown, where that is not 100 (None otherwise)."""
    de = share(r.group("de"))
    total = shown_sum(r, "abc") + int(de[:-1]) if de[0].isdigit() else 100
    return None if total == 100 else total


def _complement_note(r: Credences) -> str:
    """Where the shares shown for A–C and for D–E do not add up to 100, the words say why: each is rounded."""
    total = _complement_off(r)
    return "" if total is None else f" (which with the {shown_pct(r, 'abc')} on A, B and C makes {total}%: each is rounded)"


LETTER = r"\b([A-E])(?: \([^)]*\)| at)? (\d+%)"


def _letter_holds(r: Credences, m: re.Match) -> bool:
    """A letter's share as quoted is its exact share rounded, and five letters quoted in one text add up to 100 or
    to the sum the text's rounding note gives."""
    key, quoted = m.group(1).lower(), m.group(2)
    if not reads_as(quoted, r.shares[key]):
        return False
    said = {k.lower(): int(n[:-1]) for k, n in re.findall(LETTER, m.string)}
    total = sum(said.values())
    return len(said) < len(LETTERS) or total == 100 or f"add up to {total}%" in m.string


def _quotes(letters: str) -> Callable[[Credences, re.Match], bool]:
    """A predicate: the percentage the phrase quotes is these letters' exact share rounded (wording's rounding),
    100% exactly when they hold all the odds (never a share nudged a point to make a column add up)."""
    def holds(r: Credences, m: re.Match) -> bool:
        quoted, exact = int(m.group(1)[:-1]), r.group(letters)
        return quoted == points(exact) and (quoted == 100) == (exact == 1)
    return holds


def _beside_letters(letters: str) -> Callable[[Credences, re.Match], bool]:
    """A predicate: as `_quotes`, and where the text also quotes these letters and the total is not their sum as
    quoted, the text says why (a total can be a point off the sum of its letters)."""
    quotes = _quotes(letters)

    def holds(r: Credences, m: re.Match) -> bool:
        said = {k.lower(): int(n[:-1]) for k, n in re.findall(LETTER, m.string)}
        off = set(letters) <= set(said) and sum(said[k] for k in letters) != int(m.group(1)[:-1])
        return quotes(r, m) and (not off or TOTAL_OFF in m.string)
    return holds


VERDICT_TRUTHS = (
    Truth(r"You give (\d+%) to TAI being an LLM", _quotes("ab"), "A and B's share, as shown"),
    Truth(r"and (\d+%) once LLMs with substantial additions", _quotes("abc"), "A, B and C's share, as shown"),
    Truth(r"With every slider at zero", lambda r: r.all_zero, "every slider is at zero (read as equal odds)"),
    # "Less than half" and "at least half" hold of the share and of the percentage printed beside them: a share
    # summed to 0.4999… that prints as 50% is not less than half.
    Truth(r"(?i)plateau-ist[^.]*, and of the usual kind|Plateau-ist about A, B and C",
          lambda r: r.llm_plus < 0.5 and shown_sum(r, "abc") < 50,
          "A, B and C together get less than half the odds, and under 50% as shown"),
    Truth(r"(?i)plateau-ist[^.]*, though not of the usual kind|Plateau-ist about A and B\b|\bso not the usual kind",
          lambda r: r.llm < 0.5 <= r.llm_plus and shown_sum(r, "ab") < 50 <= shown_sum(r, "abc"),
          "A and B get less than half the odds, A, B and C at least half, and so as shown"),
    Truth(r"(?i)not an LLM plateau-ist", lambda r: r.llm >= 0.5 and shown_sum(r, "ab") >= 50,
          "A and B get at least half the odds, and at least 50% as shown"),
)
IMPLICATION_TRUTHS = (
    Truth(r"no odds at all to TAI that is not an LLM", lambda r: r.shares["d"] + r.shares["e"] == 0,
          "D and E get no odds"),
    Truth(r"You give ((?:under |over )?\d+%) to TAI that is not an LLM at all",
          lambda r, m: r.shares["d"] + r.shares["e"] > 0 and reads_as(m.group(1), r.group("de"))
          and (_complement_off(r) is None or "each is rounded" in m.string),
          "D and E get some odds, this share as shown ('under 1%' for a sliver, never '0%'); where it and A, B and C's "
          "share as shown do not add up to 100, the text says each is rounded"),
    Truth(r"which with the (\d+%) on A, B and C makes (\d+)%: each is rounded",
          lambda r, m: m.group(1) == shown_pct(r, "abc") and int(m.group(2)) == _complement_off(r),
          "A, B and C's share as shown, and it and D and E's as shown add up to the total quoted, which is not 100"),
    Truth(r"((?:under |over )?\d+%) to brain-like AGI in particular",
          lambda r, m: r.shares["e"] > 0 and reads_as(m.group(1), r.shares["e"]),
          "E gets some odds, this share as shown ('under 1%' for a sliver, never '0%')"),
    Truth(r"none of it is about brain-like AGI", lambda r: r.shares["e"] == 0 < r.shares["d"],
          "E gets no odds, D some"),
)
CREDENCES_CLAIMS = (Claim("verdict", verdict_sentence, truths=VERDICT_TRUTHS),
                    Claim("implication", implication_sentence, truths=IMPLICATION_TRUTHS))
# The summary's, table's and panel's numbers: each letter's share as shown, and the groups' shares as the sums of
# their letters'.
CREDENCES_TRUTHS = (
    Truth(LETTER, lambda r, m: _letter_holds(r, m),
          "the letter's exact share rounded, and five letters quoted in one text adding up to 100% unless the text "
          "says what they add up to"),
    Truth(r"A and B together: (\d+%)", _beside_letters("ab"), "A and B's exact share rounded; where that is not the "
          "sum of the two letters shown, the text says a total can be a point off the sum of its letters"),
    Truth(r"with C: (\d+%)", _beside_letters("abc"), "A, B and C's exact share rounded; where that is not the sum "
          "of the three letters shown, the text says a total can be a point off the sum of its letters"),
    ROUNDING_TRUTH,
    TOTAL_OFF_TRUTH,
    SUMS_OFF_TRUTH,
)


def credences_summary(r: Credences) -> str:
    return (f"Your odds, scaled to add up to 100%{rounding_note(r)}: " + ", ".join(f"{k.upper()} at {shown_pct(r, k)}" for k in LETTERS)
            + f". A and B together: {shown_pct(r, 'ab')}; with C: {shown_pct(r, 'abc')}.")


def credences_table(r: Credences) -> Table:
    return Table(f"Your odds for each kind of transformative AI, scaled to add up to 100%{rounding_note(r, totals=False)}",
                 ("Letter", "Kind", "Group", "Your odds"),
                 tuple((k.upper(), LABELS[k], GROUP_NAMES[GROUP[k]], shown_pct(r, k)) for k in LETTERS))


def credences_live(r: Credences) -> dict[str, str]:
    return {"llm": shown_pct(r, "ab"), "llm_plus": shown_pct(r, "abc")}


def row(letter: str, bar: float | None, right: str, state: str, slider: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return {"letter": letter.upper(), "label": LABELS[letter], "group": GROUP[letter], "bar": bar, "right": right,
            "state": state, "slider": slider}


def bar_slider(r: Credences, values: Mapping[str, Any], k: str) -> dict[str, Any]:
    """A row's bar as the control of its letter's weight (static/js/app/bars.js): its value is the share it shows, and
    `share` the words the weight's slider shows beside it."""
    weight = values.get(k)
    said = f", weight {wnum(weight)} of 100" if weight is not None else ""
    return {"for": f"credences-{k}", "now": shown_sum(r, k), "share": f"{shown_pct(r, k)} of your odds",
            "text": f"{shown_pct(r, k)} of your odds{said}", "label": f"{k.upper()}: {LABELS[k]}, share of your odds"}


LIT = 30   # the panel's key: "Bold rows: 30% or more of your odds", as shown


def letters_panel(r: Credences, values: Mapping[str, Any]) -> dict[str, Any]:
    """The breakdown with each letter's share; a row is bold where its share, as shown, is 30% or more (the
    key under the drawing says so: a row printed '30%' is bold, one printed '29%' is not)."""
    rows = [row(k, r.shares[k], shown_pct(r, k), "lit" if shown_sum(r, k) >= LIT else "", bar_slider(r, values, k))
            for k in LETTERS]
    words = {"strong": "Plateau-ist about A, B and C", "ab": "Plateau-ist about A and B",
             "not": "Not an LLM plateau-ist"}
    return {"rows": rows, "headline": words[r.verdict],
            "caption": "Your odds: " + ", ".join(f"{k.upper()} ({LABELS[k]}) {shown_pct(r, k)}" for k in LETTERS)
                       + f"{rounding_note(r, totals=False)}. {words[r.verdict]}."}


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


def dec(x: float, places: int = 1) -> str:
    """A number to `places` decimals without trailing zeros (5.0 -> '5'), through the wording kit."""
    text = wnum(x, places, tiny=False)
    return text.rstrip("0").rstrip(".") if "." in text else text


def apart(x: float, other: float) -> str:
    """x to one decimal, or to as many more (up to three) as keep it from reading as `other` when it differs."""
    for places in (1, 2, 3):
        text = dec(x, places)
        if x == other or float(text.replace(",", "")) != other:
            return text
    return dec(x, 3)


def _reads_as(text: str, value: float) -> bool:
    return float(text.replace(",", "")) == value


def forecast(x: float, tai: float) -> str:
    """A level at the wall, said so that one short of TAI never reads as TAI: 'just under 90' where three decimals
    cannot show the gap (89.9998)."""
    text = apart(x, tai)
    return f"just under {dec(tai)}" if x < tai and _reads_as(text, tai) else text


def tenfolds(shown: str, more: str = "") -> str:
    """'1 tenfold', '−1 tenfold', '2.5 more tenfolds': the noun agrees with the number as shown."""
    return f"{shown} {more}{plural(1 if shown.lstrip('−') == '1' else 2, 'tenfold')}"


def curve_points(c: Curve, start: float) -> tuple[list[float], list[float]]:
    xs = [round(start + 0.25 * i, 2) for i in range(int((X_MAX - start) / 0.25) + 1)]
    return xs, [round(c.at(x), 2) for x in xs]


@lru_cache(maxsize=8)
def _compute_words(xs: tuple[float, ...]) -> tuple[str, ...]:
    """The hover's compute at each point of a curve's fixed grid ('1 tenfold', '−2.5 tenfolds')."""
    return tuple(tenfolds(dec(x, 2)) for x in xs)


def _cell_level(y: float, tai: float) -> str:
    """A curve's level to a tenth in the table, or to the decimals (or words) that keep one short of TAI from reading as it."""
    text = dec(y)
    return forecast(y, tai) if y < tai and _reads_as(text, tai) else text


def _hover_level(y: float, tai: float) -> str:
    """A curve's level in whole points, or to the decimals (or words) that keep one short of TAI from reading as it."""
    text = dec(y, 0)
    return forecast(y, tai) if y < tai and _reads_as(text, tai) else text


def curves_figure(r: Extrapolation) -> dict:
    px, py = r.past
    data = [{"type": "scatter", "mode": "markers", "name": "Past points", "x": list(px), "y": list(py),
             "marker": {"symbol": "circle", "size": 9, "color": kit.INK},
             "customdata": [tenfolds(dec(x, 2)) for x in px],
             "hovertemplate": "past: %{y:.0f}<extra>%{customdata}</extra>"}]
    chosen = r.theory == "ceiling"
    for c, name, line in ((r.line, "A–B, no ceiling", {"color": kit.BLUE, "dash": "solid", "width": 2 if chosen else 4}),
                          (r.capped, f"A–B, ceiling {dec(r.ceiling)}",
                           {"color": kit.BLUE, "dash": "dot", "width": 4 if chosen else 2}),
                          (r.c, "C", {"color": kit.PINK, "dash": "dash", "width": 3.5})):
        xs, ys = curve_points(c, X_MIN if c is not r.c else 0.0)
        # The hover says the level as the sentences would (never TAI's number for a level short of it) and the
        # compute with its noun agreeing ('1 tenfold', '−2.5 tenfolds').
        data.append({"type": "scatter", "mode": "lines", "name": name, "x": xs, "y": ys, "line": line,
                     "customdata": [[_hover_level(c.at(x), r.tai), words]
                                    for x, words in zip(xs, _compute_words(tuple(xs)))],
                     "hovertemplate": name + ": %{customdata[0]}<extra>%{customdata[1]}</extra>"})
    # The capability axis reaches 160 or the highest value drawn, whichever is higher.
    top = max(160.0, r.tai, *(y for trace in data for y in trace["y"]))
    top = 5 * math.ceil(top / 5)
    data.append({"type": "scatter", "mode": "lines", "name": "TAI threshold", "x": [X_MIN - 0.5, X_MAX + 0.5],
                 "y": [r.tai, r.tai], "line": {"color": kit.VERMILION, "dash": "longdash", "width": 2},
                 "hoverinfo": "skip"})
    data.append({"type": "scatter", "mode": "lines", "name": "Wall", "x": [r.wall, r.wall], "y": [0, top],
                 "line": {"color": kit.INK, "dash": "dashdot", "width": 2}, "hoverinfo": "skip"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 8, "b": 46, "l": 56, "r": 14}, showlegend=False, annotations=curve_labels(r, data, top),
        xaxis=kit.axis("compute (tenfolds from today)", range=[X_MIN - 0.5, X_MAX + 0.5], dtick=2,
                       ticklabelstandoff=6),
        yaxis=kit.axis("capability", range=[-2, top + 16], dtick=25))}   # headroom for a label above a top line end


CURVES_PLOT_PX = 264 - 8 - 46     # the chart's plot height (page.py's figure height less the margins)


def _apart(labels: list[dict], top: float) -> list[dict]:
    """End labels lifted clear of each other where their ends nearly coincide (curves that stop growing all end at
    today's level): each about 17 px tall, stacked upwards in order of their ends."""
    px = CURVES_PLOT_PX / (top + 18)

    def box(a: dict) -> tuple[float, float]:
        base = (a["y"] + 2) * px + a["yshift"]
        return (base, base + 17) if a["yanchor"] == "bottom" else (base - 17, base)
    out, ceiling = [], -1e9
    for a in sorted(labels, key=lambda a: box(a)[0]):
        low, _ = box(a)
        lift = max(0.0, ceiling + 1 - low)
        a = {**a, "yshift": a["yshift"] + lift}
        ceiling = box(a)[1]
        out.append(a)
    return out


def curve_labels(r: Extrapolation, data: list[dict], top: float) -> list[dict]:
    """Each line labelled where it is drawn, not in a legend: the curves at their right-hand ends, the TAI threshold
    at its left end (where the curves are still low), the wall at its foot, the past points under them."""
    curves = data[1:4]
    # On a paper-coloured back: at a phone's width a label's words cross the other lines.
    labels = _apart([{**a, "bgcolor": kit.PAPER} for a in kit.end_labels(curves, [c["name"] for c in curves],
                                                                            y_range=(-2, top + 16))], top)
    right = r.wall > 7                 # the wall's label on the side with room
    labels += [
        {"x": X_MIN - 0.5, "y": r.tai, "xref": "x", "yref": "y", "xanchor": "left", "yanchor": "bottom", "yshift": 2,
         "xshift": 4, "showarrow": False, "text": "TAI threshold", "font": {"color": kit.VERMILION, "size": 13},
         "bgcolor": kit.PAPER},
        # The wall's label at its foot: right of today no curve is drawn below today's level.
        {"x": r.wall, "y": -2, "xref": "x", "yref": "y", "xanchor": "right" if right else "left",
         "yanchor": "bottom", "xshift": -5 if right else 5, "yshift": 2, "showarrow": False, "text": "wall",
         "font": {"color": kit.INK, "size": 13}},
        {"x": r.past[0][4], "y": r.past[1][4], "xref": "x", "yref": "y", "xanchor": "left", "yanchor": "top",
         "xshift": 6, "yshift": -8, "showarrow": False, "text": "past points", "font": {"color": kit.INK, "size": 13}},
    ]
    return labels


FATES = {"reaches": "reaches TAI", "wall": "runs out of compute first", "ceiling": "is capped below TAI",
         "flat": "stops growing"}


def fate_text(r: Extrapolation, c: Curve) -> str:
    """What stops a curve first, in a few words (a curve capped below TAI that has not levelled off by the wall
    runs out of compute first). A ceiling exactly at TAI is 'capped at TAI' ('below' was said of it)."""
    fate, where = r.fate(c), "at" if c.ceiling == r.tai else "below"
    if fate == "ceiling" and r.first(c) == "wall":
        return f"runs out of compute first, below a ceiling {'at' if where == 'at' else 'under'} TAI"
    return f"is capped {where} TAI" if fate == "ceiling" else FATES[fate]


def runs_out(r: Extrapolation) -> str:
    """When data or compute runs out: 'after 2 tenfolds', or 'today' for a wall at 0 (not 'after 0 tenfolds')."""
    return "today" if r.wall == 0 else f"after {tenfolds(dec(r.wall))}"


def off_today(r: Extrapolation, level: str) -> bool:
    """A curve's level today, as shown, is more than a point from the past point measured today, as shown."""
    return abs(_value(level) - _value(dec(r.today))) > 1


def today_note(r: Extrapolation, c: Curve) -> str:
    """Beside a curve's level today: where it is more than a point off today's past point (as both are shown), that
    it is a fit to all the past points, so below (or above) that point; otherwise nothing."""
    level = dec(c.at(0))
    if not off_today(r, level):
        return ""
    return f" (a fit to all seven past points, {'below' if c.at(0) < r.today else 'above'} today's point at {dec(r.today)})"


def fate_words(r: Extrapolation, c: Curve) -> str:
    fate = r.fate(c)
    # Where the level said is today's (a curve that stops growing, or a wall at 0), it is set beside today's point.
    note = today_note(r, c) if fate == "flat" or r.wall == 0 else ""
    if fate == "reaches":
        return ("is already at TAI today" if c.exact == 0 else
                f"reaches TAI after {tenfolds(apart(c.exact, r.wall), 'more ')} of effective compute, no later than "
                f"the wall at {dec(r.wall)}")
    if fate == "wall":
        crossing, level = apart(c.exact, r.wall), apart(c.at(r.wall), r.tai)
        # Past the wall or short of TAI by less than three decimals show: said in words, not as the wall or TAI.
        when = "just past the wall" if _reads_as(crossing, r.wall) else f"after {tenfolds(crossing, 'more ')}"
        stops = (f"just short of {dec(r.tai)} points" if _reads_as(level, r.tai) else
                 f"at {level} points, short of {dec(r.tai)}")
        return f"would reach TAI {when}, but data or compute runs out {runs_out(r)}: it stops {stops}{note}"
    if fate == "ceiling":
        cap = f"{dec(c.ceiling)} points, at or below the TAI threshold of {dec(r.tai)}"
        if r.levels_off(c):
            return f"levels off within a point of its ceiling, {cap}"
        return (f"is capped at {cap}, and stands at {apart(c.at(r.wall), c.ceiling)} when data or compute runs out "
                f"{runs_out(r)}{note}")
    return f"does not grow past the {dec(c.at(0))} points its curve gives today{note}, so it never reaches {dec(r.tai)}"


# What these assumptions make of A–B's future: a plateau for the theoretical reason (a ceiling at or below
# TAI), for the empirical one (the wall comes first, or growth stops today), or none.
# A trend that stops growing with compute to spare is our stretch of his empirical reason, and said so.
OUR_EMPIRICAL = ("empirical in our broad sense, the trend itself stalling; his own empirical reason is running out "
                 "of data or compute")
PLATEAU = {"ceiling": "a theoretical plateau", "wall": "an empirical plateau", "flat": "an empirical plateau",
           "reaches": "no plateau"}
PLATEAU_WHY = {"ceiling": ": its ceiling is at or below TAI", "wall": ": the wall comes first",
               "flat": ": its growth stops today", "reaches": " before TAI"}


def plateau(r: Extrapolation) -> tuple[str, str, tuple[str, ...]]:
    """What these assumptions make of A–B, as (kind, words, notes): the kind is 'both', A–B's fate, or 'wall' for
    a curve frozen by a wall at 0; the notes go in one parenthesis after the words (said). Where both reasons
    hold (a curve frozen today under a ceiling at or below TAI, by growth 0 or by a wall at 0, or one capped below TAI
    that the wall stops before it levels off), both are named, so the same situation gets the same verdict whichever
    slider made it."""
    fate = r.fate(r.ab)
    capped = r.ab.ceiling is not None and r.ab.ceiling <= r.tai
    if fate == "flat" and r.wall == 0:       # data or compute runs out today: his own empirical reason
        if capped:
            return "both", ("both a theoretical and an empirical plateau: its ceiling is at or below TAI, and data or "
                            "compute runs out today"), ()
        return "wall", "an empirical plateau: data or compute runs out today", ()
    if fate == "flat" and capped:
        return "both", ("both a theoretical and an empirical plateau: its ceiling is at or below TAI, and its growth "
                        "stops today"), (OUR_EMPIRICAL,)
    if fate == "ceiling" and r.first(r.ab) == "wall":
        return "both", ("both a theoretical and an empirical plateau: its ceiling is at or below TAI, and data or "
                        "compute runs out first"), ()
    return fate, PLATEAU[fate] + PLATEAU_WHY[fate], (OUR_EMPIRICAL,) if fate == "flat" else ()


def said(verdict: tuple[str, str, tuple[str, ...]], *more: str) -> str:
    """A plateau verdict's words with its notes, and any more, in one parenthesis."""
    notes = verdict[2] + more
    return verdict[1] + (f" ({'; '.join(notes)})" if notes else "")


def fates_sentence(r: Extrapolation) -> str:
    fate = r.fate(r.ab)
    note = (" Its ceiling is above TAI, so the ceiling is not what stops it."
            if r.ab.ceiling is not None and r.ab.ceiling > r.tai and fate in ("wall", "flat") else "")
    ab, c = fate_words(r, r.ab), fate_words(r, r.c)
    # Where C's fate reads word for word as A–B's, it is said once.
    return (f"Under these assumptions A–B {ab}, and C {'fares the same' if c == ab else c}. "
            f"So these assumptions give A–B {said(plateau(r))}.{note}")


def shown_rms(c: Curve) -> str:
    """A curve's fit error to one decimal, said alone: one that rounds to a whole number reads without its '.0'
    ('1 point', '2 points', never '1.0 points' or '2.0 points')."""
    return lone(c.rms, 1)


def evidence_sentence(r: Extrapolation) -> str:
    capped, straight = r.capped.at(r.wall), r.line.at(r.wall)
    head = (f"Both curves are fitted to the same seven past points, which scatter by about 0.8 around their trend. "
            f"The curve with a ceiling at {dec(r.ceiling)} misses them by {count(r.capped.rms, 'point', places=1, whole=True)} "
            f"on average, the straight line by {shown_rms(r.line)}. At the wall, "
            f"{'which is today' if r.wall == 0 else tenfolds(dec(r.wall)) + ' on'}, the curve with a ceiling forecasts "
            f"{forecast(capped, r.tai)} and the straight line {forecast(straight, r.tai)}.")
    # Decided on the errors as shown (to one decimal), by one rule the sentence states: a gap of half a point.
    gap = _shown_rms_gap(r)
    if gap >= 0.5:
        return head + (f" That is {count(gap, 'point', places=1, whole=True)} worse, half a point or more (our rule), "
                       f"so the past points themselves count against a ceiling that low.")
    near = " Within half a point of each other (our rule), so almost the same fit to the past"
    if r.fate(r.line) == "wall" and r.fate(r.capped) == "ceiling" and r.first(r.capped) == "wall":
        return head + near + (", and the wall stops both curves first, but only the one "
                              "with a ceiling would stay short of TAI with more compute: the assumptions, not the "
                              "evidence, set them apart.")
    if fate_text(r, r.capped) != fate_text(r, r.line):
        return head + (near + ", yet the curve with a ceiling " + fate_text(r, r.capped)
                       + ", while the straight line " + fate_text(r, r.line)
                       + ": the assumptions, not the evidence, set them apart.")
    return head + " At these settings both curves share one fate: each " + fate_text(r, r.line) + "."


# ---- What the extrapolation's phrases assert, read from the model's curves ----------------------------

WHO = r"(?P<who>A–B|A and B:|(?<![\w–])C:?)"


def _curve(r: Extrapolation, m: re.Match) -> Curve:
    return r.c if m.group("who").startswith("C") else r.ab


def _named(r: Extrapolation, m: re.Match) -> tuple[Curve, ...]:
    """The curves a phrase's subject can mean: A–B or C by name; in the fit sentence, the line or the capped curve."""
    who = m.group("who")
    if who in ("the straight line", "the curve with a ceiling"):
        return (r.line,) if who == "the straight line" else (r.capped,)
    return (r.c,) if who.startswith("C") else (r.ab,) if who in ("A–B", "A and B:") else (r.line, r.capped)


def _grows(c: Curve) -> bool:
    """The curve rises beyond its level today (what a ceiling can then stop)."""
    return c.at(1) > c.at(0)


def _both_reasons(r: Extrapolation) -> bool:
    """A–B falls short of TAI under a ceiling at or below it, and does not grow beyond today or is stopped by the wall
    before it levels off at the ceiling."""
    return (r.ab.ceiling is not None and r.ab.ceiling <= r.tai and r.fate(r.ab) != "reaches"
            and (not _grows(r.ab) or r.first(r.ab) == "wall"))


BOTH_MEANS = ("A–B has a ceiling at or below TAI and falls short of TAI, and either does not grow beyond today or is "
              "stopped by the wall before it levels off at the ceiling")


def _fate_is(fate: str) -> Callable[[Extrapolation, re.Match], bool]:
    return lambda r, m: r.fate(_curve(r, m)) == fate


def _value(text: str) -> float:
    """A number as a phrase writes it, read back: '3,112.9' -> 3112.9."""
    return float(text.replace(",", ""))


def _wall_said(r: Extrapolation, m: re.Match) -> float | None:
    """The wall as a phrase says it ('after 2 tenfolds', or 'today' for 0): its value if that is the wall set
    (a wall at 0 is said 'today', never '0 tenfolds'), else None."""
    if m["today"]:
        return 0.0 if r.wall == 0 else None
    return r.wall if _value(m["w"]) == r.wall > 0 else None


def _shown_rms_gap(r: Extrapolation) -> float:
    """The capped curve's fit error minus the line's, each rounded to one decimal as shown."""
    return round(float(shown_rms(r.capped)) - float(shown_rms(r.line)), 6)


_FATE_OF = {"reaches TAI": "reaches", "runs out of compute first, below a ceiling under TAI": "ceiling",
            "runs out of compute first, below a ceiling at TAI": "ceiling", "runs out of compute first": "wall",
            "is capped below TAI": "ceiling", "is capped at TAI": "ceiling", "stops growing": "flat"}
_FATE_WORDS = "|".join(_FATE_OF)


def _meets(r: Extrapolation, c: Curve, words: str) -> bool:
    """A curve meets the fate these words name: for a curve capped at or below TAI, whether it levels off at its
    ceiling before the wall ('is capped …') or is still short of it when data or compute runs out ('runs out of
    compute first, below a ceiling …'); 'under'/'below' a ceiling below TAI, 'at' one exactly at TAI."""
    fate = r.fate(c)
    if fate != _FATE_OF[words]:
        return False
    if fate == "ceiling":
        levelled = words.startswith("is capped")
        at = words.endswith("at TAI") and not words.endswith("under TAI") and "below TAI" not in words
        return (_grows(c) and r.levels_off(c) == levelled and (c.ceiling == r.tai) == at
                and (c.ceiling <= r.tai))
    return _grows(c) == (words != "stops growing")

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"

FATE_TRUTHS = (
    Truth(WHO + r" (?:reaches TAI|is already at TAI)", _fate_is("reaches"),
          "that curve crosses the TAI threshold no later than the wall"),
    Truth(WHO + r" reaches TAI after (?P<x>\d+(?:,\d{3})*(?:\.\d+)?) more tenfolds? of effective compute, no later than the wall at "
          r"(?P<w>\d+(?:,\d{3})*(?:\.\d+)?)",
          lambda r, m: (_curve(r, m).exact is not None and reads_as(m["x"], _curve(r, m).exact)
                        and _value(m["x"]) <= _value(m["w"]) == r.wall),
          "the curve crosses TAI that many tenfolds on (as rounded), no later than the wall"),
    Truth(WHO + r" would reach TAI (?:after|just past the wall)", _fate_is("wall"),
          "that curve would cross TAI, but only beyond the wall"),
    Truth(WHO + r" runs out of compute first(?!, below)", _fate_is("wall"),
          "that curve would cross TAI, but only beyond the wall"),
    Truth(r"(?P<who>A–B|A and B:|(?<![\w–])C:?|the curve with a ceiling|the straight line|each) runs out of compute first, below a ceiling (?P<w>under|at) TAI",
          lambda r, m: any(_meets(r, c, f"runs out of compute first, below a ceiling {m['w']} TAI") for c in _named(r, m)),
          "that curve's ceiling is below (or at) TAI and it grows toward it, but when data or compute runs out it is "
          "still short of levelling off there: the wall comes first"),
    Truth(WHO + r" would reach TAI (?:after (?P<x>\d+(?:,\d{3})*(?:\.\d+)?) more tenfolds?|(?P<just>just past the wall)), but data or compute "
          r"runs out (?:after (?P<w>\d+(?:,\d{3})*(?:\.\d+)?) tenfolds?|(?P<today>today)): it stops (?:at (?P<y>\d+(?:,\d{3})*(?:\.\d+)?) points, short of "
          r"(?P<t>\d+(?:,\d{3})*(?:\.\d+)?)|just short of (?P<t2>\d+(?:,\d{3})*(?:\.\d+)?) points)",
          lambda r, m: (_curve(r, m).exact is not None and _curve(r, m).exact > r.wall and _wall_said(r, m) is not None
                        and (reads_as(m["x"], _curve(r, m).exact) and _value(m["x"]) > r.wall if m["x"] else
                             _reads_as(apart(_curve(r, m).exact, r.wall), r.wall))
                        and _curve(r, m).at(r.wall) < r.tai
                        and (reads_as(m["y"], _curve(r, m).at(r.wall)) and _value(m["y"]) < _value(m["t"]) == r.tai
                             if m["y"] else _value(m["t2"]) == r.tai
                             and _reads_as(apart(_curve(r, m).at(r.wall), r.tai), r.tai))),
          "the crossing lies beyond the wall (as rounded, or 'just past' where three decimals read it as the wall), "
          "and the curve's level at the wall is below TAI (as rounded, or 'just short' where three decimals read it "
          "as TAI)"),
    Truth(WHO + r" is capped at (?P<k>\d+(?:,\d{3})*(?:\.\d+)?) points, at or below",
          lambda r, m: r.fate(_curve(r, m)) == "ceiling" and _grows(_curve(r, m)) and reads_as(m["k"], _curve(r, m).ceiling),
          "that curve's ceiling is at or below TAI, and it grows toward it"),
    Truth(r"(?P<who>A–B|(?<![\w–])C|the curve with a ceiling|the straight line|each) is capped below TAI",
          lambda r, m: all(c.ceiling < r.tai for c in _named(r, m) if r.first(c) == "ceiling")
          and any(r.first(c) == "ceiling" and _grows(c) for c in _named(r, m)),
          "that curve's ceiling is strictly below TAI (one exactly at TAI is 'capped at TAI'), it grows toward it, "
          "and it levels off there before the wall (one still short of it at the wall runs out of compute first)"),
    Truth(r"(?P<who>A–B|(?<![\w–])C|the curve with a ceiling|the straight line|each) is capped at TAI",
          lambda r, m: any(r.first(c) == "ceiling" and c.ceiling == r.tai and _grows(c) for c in _named(r, m)),
          "that curve's ceiling is exactly TAI, and it grows toward it and levels off there before the wall (a curve "
          "that does not grow is not capped: it stops growing)"),
    Truth(WHO + r" levels off(?: (?:at|within a point of its ceiling,) (?P<k>\d+(?:,\d{3})*(?:\.\d+)?))?",
          lambda r, m: r.fate(_curve(r, m)) == "ceiling" and r.levels_off(_curve(r, m))
          and (m["k"] is None or reads_as(m["k"], _curve(r, m).ceiling)),
          "that curve's ceiling is at or below TAI, and at the wall it is within a point of that ceiling (a curve "
          "further short of its ceiling does not level off at it)"),
    Truth(r"levels off within a point of its ceiling, (?P<k>\d+(?:,\d{3})*(?:\.\d+)?) points",
          lambda r, m: any(reads_as(m["k"], c.ceiling) and 0 <= c.ceiling - c.at(r.wall) <= 1 for c in (r.ab, r.c)),
          "a curve with that ceiling is, at the wall, at most one point below it"),
    Truth(r"and stands at (?P<y>\d+(?:,\d{3})*(?:\.\d+)?) when data or compute runs out "
          r"(?:after (?P<w>\d+(?:,\d{3})*(?:\.\d+)?) tenfolds?|(?P<today>today))",
          lambda r, m: _wall_said(r, m) is not None and any(
              r.fate(c) == "ceiling" and not r.levels_off(c) and reads_as(m["y"], c.at(r.wall)) and c.at(r.wall) < c.ceiling
              for c in (r.ab, r.c)),
          "a curve capped at or below TAI stands at that level at the wall, short of levelling off at its ceiling"),
    Truth(WHO + r" (?:stops growing|does not grow past)", lambda r, m: _fate_is("flat")(r, m) and not _grows(_curve(r, m)),
          "that curve does not rise beyond today, and has no ceiling at or below TAI"),
    Truth(r"does not grow past the (?P<y>\d+(?:,\d{3})*(?:\.\d+)?) points its curve gives today",
          lambda r, m: any(reads_as(m["y"], c.at(0)) and r.fate(c) == "flat" for c in (r.ab, r.c)),
          "a curve that stops growing stands at that level today"),
    Truth(rf"(?P<y>{_NUM})(?: points its curve gives today| points, short of {_NUM}| when data or compute runs out today) "
          rf"\(a fit to all seven past points, (?P<d>below|above) today's point at (?P<p>{_NUM})\)",
          lambda r, m: (reads_as(m["p"], r.today) and off_today(r, m["y"])
                        and (m["d"] == "below") == (_value(m["y"]) < _value(m["p"]))
                        and any(reads_as(m["y"], c.at(0)) for c in (r.ab, r.c))),
          "a curve stands at that level today (as rounded), more than a point below (or above) the past point "
          "measured today, as rounded"),
    Truth(rf"(?:past the|stands at|runs out today: it stops at) (?P<y>{_NUM})(?: points its curve gives today| when "
          rf"data or compute runs out today| points, short of {_NUM}(?![\d]|[.,]\d))(?! \(a fit)",
          lambda r, m: not off_today(r, m["y"]),
          "a curve's level today said without a word on the past point measured today is within a point of it (as "
          "both are rounded)"),
    Truth(r"theoretical plateau", lambda r: r.fate(r.ab) == "ceiling" and _grows(r.ab),
          "A–B's ceiling is at or below TAI, and A–B grows toward it"),
    Truth(r"both kinds of plateau", _both_reasons, BOTH_MEANS),
    Truth(r"and C fares the same\.",
          lambda r: (r.fate(r.c) == r.fate(r.ab) and dec(r.c.at(0)) == dec(r.ab.at(0))
                     and dec(r.c.at(r.wall)) == dec(r.ab.at(r.wall)) and r.levels_off(r.c) == r.levels_off(r.ab)
                     and (r.c.crossing is None) == (r.ab.crossing is None)
                     and (r.c.crossing is None or apart(r.c.exact, r.wall) == apart(r.ab.exact, r.wall))
                     and (r.fate(r.c) != "ceiling" or dec(r.c.ceiling) == dec(r.ab.ceiling))),
          "C meets the same fate as A–B at the same numbers as shown: its level today and at the wall, its crossing "
          "of TAI and its ceiling"),
    Truth(r"(?<!theoretical and an )empirical plateau", lambda r: r.fate(r.ab) in ("wall", "flat"),
          "A–B falls short of TAI without a ceiling stopping it: the wall comes first, or it stops growing"),
    Truth(r"data or compute runs out today", lambda r: r.wall == 0, "no effective compute is left: the wall is today"),
    Truth(r"both a theoretical and an empirical plateau: its ceiling is at or below TAI, and (its growth stops today|"
          r"data or compute runs out first|data or compute runs out today)",
          lambda r, m: _both_reasons(r) and ((not _grows(r.ab) and r.wall > 0) == m.group(1).startswith("its growth")),
          BOTH_MEANS + " (the reason named)"),
    Truth(r"\bno plateau", lambda r: r.fate(r.ab) == "reaches", "A–B reaches TAI no later than the wall"),
    Truth(r"its growth stops today \(empirical in our broad sense, the trend itself stalling; his own empirical reason "
          r"is running out of data or compute[;)]", lambda r: not _grows(r.ab) and r.wall > 0,
          "A–B does not grow beyond today: the stall is the trend's, called empirical only in our broad sense"),
    Truth(r"Its ceiling is above TAI, so the ceiling is not what stops it\.",
          lambda r: r.ab.ceiling is not None and r.ab.ceiling > r.tai and r.fate(r.ab) in ("wall", "flat"),
          "A–B has a ceiling above TAI and still falls short"),
    Truth(r"(?:runs out|forecast|stops at)[^.;:]*\b0 (?:more )?tenfolds?|\b0 tenfolds? on", lambda r: False,
          "(never true) a wall at 0 is said as today, not as '0 tenfolds'"),
)
def _forecast_is(text: str, x: float, tai: float) -> bool:
    """A forecast as quoted: the level as rounded, at or above TAI only where it is (to float error), or 'just under'
    TAI where it is below and three decimals would read it as TAI."""
    if text.startswith("just under "):
        return x < tai and _value(text.removeprefix("just under ")) == tai and _reads_as(apart(x, tai), tai)
    return reads_as(text, x) and (_value(text) >= tai) == (x >= tai - 1e-9)


EVIDENCE_TRUTHS = (
    Truth(r"The curve with a ceiling at (?P<c>\d+(?:,\d{3})*(?:\.\d+)?) misses them by (?P<a>\d+(?:,\d{3})*(?:\.\d+)?) "
          r"points? on average, the straight line by (?P<b>\d+(?:,\d{3})*(?:\.\d+)?)\.",
          lambda r, m: reads_as(m["c"], r.ceiling) and reads_as(m["a"], r.capped.rms) and reads_as(m["b"], r.line.rms),
          "the ceiling set, and the two curves' fit errors on the past points, each beside its curve, as rounded"),
    Truth(r"At the wall, (?:(?P<w>\d+(?:,\d{3})*(?:\.\d+)?) tenfolds? on|(?P<today>which is today)), the curve with a "
          r"ceiling forecasts", lambda r, m: _wall_said(r, m) is not None, "the wall as set (a wall at 0 is today)"),
    Truth(r"the curve with a ceiling forecasts (?P<a>(?:just under )?\d+(?:,\d{3})*(?:\.\d+)?) and the straight line "
          r"(?P<b>(?:just under )?\d+(?:,\d{3})*(?:\.\d+)?)\.",
          lambda r, m: _forecast_is(m["a"], r.capped.at(r.wall), r.tai) and _forecast_is(m["b"], r.line.at(r.wall), r.tai),
          "the two curves' levels at the wall, as rounded; one reads as the TAI threshold or above only if it is"),
    Truth(r"That is (?P<g>\d+(?:\.\d)?) points? worse, half a point or more \(our rule\), so the past points themselves "
          r"count against", lambda r, m: float(m["g"]) == _shown_rms_gap(r) >= 0.5,
          "the curve with a ceiling misses the past points by the gap quoted more than the line, at least 0.5 (the "
          "errors as shown, and the gap their difference)"),
    Truth(r"Within half a point of each other \(our rule\), so almost the same fit to the past",
          lambda r: abs(_shown_rms_gap(r)) < 0.5, "the two fit errors (as shown) differ by less than 0.5"),
    Truth(rf"the curve with a ceiling (?P<b>{_FATE_WORDS}), while the straight line (?P<a>{_FATE_WORDS})",
          lambda r, m: m["a"] != m["b"] and _meets(r, r.line, m["a"]) and _meets(r, r.capped, m["b"]),
          "the line and the curve with a ceiling are stopped first by those two different things"),
    Truth(rf"both curves share one fate: each (?P<f>{_FATE_WORDS})",
          lambda r, m: _meets(r, r.line, m["f"]) and _meets(r, r.capped, m["f"]),
          "the line and the curve with a ceiling are stopped first by the same thing"),
    Truth(r"the wall stops both curves first, but only the one with a ceiling would stay short of TAI with more compute",
          lambda r: (r.fate(r.line) == "wall" and r.fate(r.capped) == "ceiling" and r.first(r.capped) == "wall"
                     and _grows(r.capped)),
          "the line would cross TAI beyond the wall; the curve with a ceiling at or below TAI is still short of "
          "levelling off at it when data or compute runs out"),
)
EXTRAPOLATE_CLAIMS = (Claim("fates", fates_sentence, truths=FATE_TRUTHS),
                      Claim("evidence", evidence_sentence, truths=EVIDENCE_TRUTHS))


def both_fate(fate: str) -> str:
    """A fate said of A–B and C together: 'both stop growing', 'are both capped below TAI'."""
    if fate.startswith("is "):
        return "are both " + fate[3:]
    verb, _, rest = fate.partition(" ")
    plural = {"reaches": "reach", "runs": "run", "stops": "stop"}[verb]
    return f"both {plural} {rest}"


def fates_line(r: Extrapolation) -> str:
    """'A–B stops growing; C reaches TAI', or, where the two fates are the same words, 'A–B and C both stop
    growing' (said once, not twice)."""
    ab, c = fate_text(r, r.ab), fate_text(r, r.c)
    return f"A–B and C {both_fate(ab)}" if ab == c else f"A–B {ab}; C {c}"


def extrapolate_summary(r: Extrapolation) -> str:
    return f"{fates_line(r)}. These assumptions give A–B {said(plateau(r))}."


def extrapolate_table(r: Extrapolation) -> Table:
    xs = [x / 2 for x in range(int(X_MIN * 2), int(X_MAX * 2) + 1, 2)]
    past = dict(zip(*r.past))
    rows = tuple((dec(x), dec(past[x]) if x in past else "", _cell_level(r.line.at(x), r.tai),
                  _cell_level(r.capped.at(x), r.tai), _cell_level(r.c.at(x), r.tai) if x >= 0 else "") for x in xs)
    return Table("Capability against tenfolds of effective compute from today: the past points and each curve",
                 ("Tenfolds from today", "Past point", "A–B, no ceiling", f"A–B, ceiling {dec(r.ceiling)}", "C"), rows)


def extrapolate_live(r: Extrapolation) -> dict[str, str]:
    return {"ab_fate": fate_text(r, r.ab), "c_fate": fate_text(r, r.c)}


def fates_panel(r: Extrapolation, values: Mapping[str, Any]) -> dict[str, Any]:
    ab, c = fate_text(r, r.ab), fate_text(r, r.c)
    state = {"reaches": "lit", "wall": "blocked", "ceiling": "blocked", "flat": "blocked"}

    def short(fate: str) -> str:       # a row of the drawing is narrow on a phone: the caption keeps the whole fate
        return "compute runs out first" if fate.startswith("runs out of compute first, below") else fate
    rows = [row("a", None, short(ab), state[r.fate(r.ab)]), row("b", None, short(ab), state[r.fate(r.ab)]),
            row("c", None, short(c), state[r.fate(r.c)]), row("d", None, "no past to extend", "off"),
            row("e", None, "no past to extend", "off")]
    headline = {"ceiling": "theoretical plateau", "wall": "empirical plateau", "flat": "empirical plateau",
                "reaches": "no plateau"}
    kind = plateau(r)[0]              # where both reasons hold, the headline says so too, as the claim does
    return {"rows": rows, "headline": "These assumptions: " + ("both kinds of plateau" if kind == "both" else headline[kind]),
            "caption": f"Under these assumptions {fates_line(r)}; D and E are not modelled here (no past to extend)."}


class ExtrapolateResponse(WidgetResponse):
    past: dict[str, list[float]] = Field(description="The past points: x (tenfolds of effective compute from "
                                                     "today) and capability (our scale).")
    curves: dict[str, dict[str, Any]] = Field(description="Per curve ('ab': the chosen one, 'line', 'capped', 'c'): ceiling (null: none), "
                                                          "fit error on the past points, tenfolds to TAI (null: never), its level at the wall, 'fate' (what "
                                                          "stops it with unlimited compute: 'reaches' TAI by the wall, 'wall': would reach "
                                                          "it only past the wall, 'ceiling' at or below TAI, 'flat': no growth) and "
                                                          "'first' (what stops it first within the compute left, as the page says: its fate, "
                                                          "except 'wall' for a capped curve still short of levelling off at the wall).")


def extrapolate_api(values: Mapping[str, Any], r: Extrapolation) -> dict:
    def one(c: Curve) -> dict:
        return {"ceiling": c.ceiling, "growth": c.growth, "rms": c.rms,
                "crossing": None if c.exact is None else round(c.exact, 6), "fate": r.fate(c),
                "first": r.first(c), "at_wall": round(c.at(r.wall), 6)}
    return {"past": {"x": list(r.past[0]), "capability": list(r.past[1])},
            "curves": {"ab": one(r.ab), "line": one(r.line), "capped": one(r.capped), "c": one(r.c)}}
