"""Presenters for the scheming pie-chart model: pure functions of a PieResult."""
from __future__ import annotations

import functools
import re
from fractions import Fraction
from typing import Any, Literal, Mapping

import numpy as np
from pydantic import BaseModel, Field

from app import figkit as kit
from app import wording
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import num, reads_as, rounded

from .model import GOALS, MAX_EXTRA, PATH_POINTS, STAGES, TYPES, PieResult, PowerResult

# Every slice and band also carries a text label and a pattern; the text colour on each is
# chosen for >= 4.5:1 contrast against it.
COLORS = {"green": kit.GREEN, "red": kit.VERMILION, "blue": kit.BLUE}
TEXT_ON = {"green": kit.BLACK, "red": kit.BLACK, "blue": kit.WHITE}
# Behind each label a halo of its slice's own colour hides the hatching and dots under the letters, so the label reads
# against the plain colour (the contrast above) in both themes; neither colour is swapped in the dark theme.
HALO = {t: ", ".join(f"0 0 {blur}px {COLORS[t]}" for blur in (1, 2, 3, 3)) for t in TYPES}
SHORT = {"green": "Stays nice", "red": "Treacherous", "blue": "Incoherent"}
PATTERN = {"green": kit.SOLID, "red": kit.HATCH, "blue": kit.DOTS}
LONG = {
    "green": "Stays nice (green)",
    "red": "Nice until a treacherous turn (red)",
    "blue": "Incoherent or grumpy (blue)",
}
# The legend over the pies, in one line beside the prose (the prose defines each kind in full).
LEGEND = tuple(({**LONG, "blue": "Incoherent (blue)"}[t], COLORS[t], PATTERN[t]) for t in TYPES)


# A pie's title must fit under a third of a widget beside the prose.
PIE_TITLE = {"Start (no pretraining)": "No pretraining"}


def stage_labels(result: PieResult) -> tuple[str, str, str]:
    first = "Start (no pretraining)" if result.scenario == "brainlike" else "Pretraining"
    return (first, "After RLHF", "After RLVR")


def pct(x: float) -> str:
    """Share as a percentage with one decimal (as on the pies); a nonzero share never shows as 0."""
    p = 100.0 * x
    if p == 0.0:
        return "0%"
    if p == 100.0:
        return "100%"
    if p < 0.05:
        return "<0.1%"
    if p > 99.95:
        return ">99.9%"
    return f"{p:.1f}%"


def _units_text(n: int, x: float, places: int = 1) -> str:
    """A share shown from its units of 10^-places of a point `n` (as wording.tenth_points gives tenths): '0%' and
    '100%' only for none and all, '<0.1%' and '>99.9%' (at two places '<0.01%', '>99.99%') for a share that rounds
    to them but is not."""
    whole = 100 * 10 ** places
    if x == 0.0:
        return "0%"
    if x == 1.0:
        return "100%"
    if n <= 0:
        return f"<{1 / 10 ** places:.{places}f}%"
    if n >= whole:
        return f">{100 - 1 / 10 ** places:.{places}f}%"
    return f"{n / 10 ** places:.{places}f}%"


def stage_places(result: PieResult, stage: str) -> int:
    """The decimals a stage's shares are shown to: one, or more where green and red would read alike but red per
    100 green does not read 100 (0.98% and 1.02% are not '1.0%' and '1.0%' beside a ratio of 104)."""
    shares = tuple(result.stages[STAGES.index(stage)].tolist())
    ratio = per_100(result, stage)
    for places in range(1, MOST_PLACES):
        units = _share_units(shares, places)
        if ratio in ("100", "none (no green)") or units[0] != units[1]:
            return places
    return MOST_PLACES


MOST_PLACES = 6


def stage_units(result: PieResult, stage: str) -> dict[str, int]:
    """A stage's three shares in units of 10^-places of a point (stage_places), adding up to 100% as shown (largest
    remainders)."""
    shares = tuple(result.stages[STAGES.index(stage)].tolist())
    return dict(zip(TYPES, _share_units(shares, stage_places(result, stage))))


@functools.lru_cache(maxsize=256)       # the pies, the sentences and the table ask for the same stages again and again
def _share_units(shares: tuple[float, ...], places: int) -> tuple[int, ...]:
    return tuple(wording.place_points(shares, places))


def stage_texts(result: PieResult, stage: str) -> dict[str, str]:
    """A stage's three shares as its pie, the summary, the table and the prose show them: to one decimal (or more,
    stage_places), adding up to 100.0% (each rounded alone, three shares could read 44.3%, 9.9% and 45.7%)."""
    units, places = stage_units(result, stage), stage_places(result, stage)
    return {t: _units_text(units[t], result.share(stage, t), places) for t in TYPES}


def competence_text(result: PieResult, stage: str) -> str:
    """Green plus red as the pie shows them: 100% less the blue shown."""
    places = stage_places(result, stage)
    return _units_text(100 * 10 ** places - stage_units(result, stage)["blue"], result.competence(stage), places)


def per_100(result: PieResult, stage: str) -> str:
    """Red per 100 green, as shown: one decimal below 100, whole numbers above, 'almost 0' for a trace."""
    ratio = result.red_per_green(stage)
    if ratio is None:
        return "none (no green)"
    v = 100.0 * ratio
    if v == 0.0:
        return "0"
    # one decimal while that reads under 100 (a trace that rounds to 0.0 reads 'almost 0'), whole from there
    return num(v, 1) if rounded(v, 1) < 100 else num(v)


LABEL_BAND = 24                 # px between a pie and its margin's edge: room for a slice label outside it
PIE_TOP = LABEL_BAND + 22       # and over the top band, the pie's title (15 px bold)
PIE_HEIGHT = 200                # beside the prose, a pie about 130 px across (a third of the widget, less margins)


def pie_figure(result: PieResult, index: int) -> dict:
    """One stage's pie. Each pie is its own small figure, so an update redraws only the pies
    whose numbers changed (Plotly.react skips an unchanged figure)."""
    label = stage_labels(result)[index]
    shares = result.stages[index]
    shown = stage_texts(result, STAGES[index])
    return {
        "data": [{
            "type": "pie",
            "name": label,
            "labels": [SHORT[t] for t in TYPES],
            "values": [round(float(v), 6) for v in shares],
            "sort": False,
            "direction": "clockwise",
            "rotation": 0,
            "marker": {"colors": [COLORS[t] for t in TYPES], "line": {"color": kit.PAPER, "width": 2},
                       "pattern": kit.pattern([PATTERN[t] for t in TYPES], [COLORS[t] for t in TYPES],
                                              opacity=0.35, size=8, solidity=0.25)},
            # Slices are told apart by their percentage label, pattern, colour and fixed order
            # (clockwise from twelve o'clock: green, red, blue); the legend above names them.
            # The shares as the summary and table write them (adding up to 100.0%), not Plotly's own rounding.
            "text": [shown[t] for t in TYPES],
            "texttemplate": ["%{text}" if v > 0 else "" for v in shares],   # no label on an empty slice
            # Inside when it fits, outside with a leader line when not: every slice is labelled.
            # automargin would cost a second layout pass per update; the margins leave room.
            "textposition": "auto",
            "insidetextorientation": "horizontal",
            "insidetextfont": {"color": [TEXT_ON[t] for t in TYPES], "size": 13, "shadow": [HALO[t] for t in TYPES]},
            "outsidetextfont": {"color": kit.INK, "size": 13},
            "automargin": False,
            "hovertemplate": "%{label}: %{text}<extra></extra>",
            "domain": {"x": [0, 1], "y": [0, 1]},
            "showlegend": False,
        }],
        "layout": kit.layout(
            font_size=14,
            margin={"t": PIE_TOP, "b": LABEL_BAND, "l": 44, "r": 44},
            # The title heads its own pie: in the top margin, just over a band for a slice label at twelve o'clock.
            annotations=[{
                "text": f"{index + 1}. {PIE_TITLE.get(label, label)}", "x": 0.5, "y": 1, "xref": "paper", "yref": "paper",
                "yshift": LABEL_BAND, "showarrow": False, "xanchor": "center", "yanchor": "bottom",
                "font": {"size": 15, "weight": "bold"},
            }],
            showlegend=False,
        ),
    }


def path_figure(result: PieResult) -> dict:
    """Stacked shares along training: RLHF from 0 to 1, then RLVR from 1 to 2."""
    labels = stage_labels(result)
    x = [round(float(v), 4) for v in result.path_x]
    # The hover reads each share as the pies and sentences write it ('>99.9%', never '100.0%' for less than all),
    # at the three stages exactly as their pies show it.
    at_stage = {0: STAGES[0], PATH_POINTS - 1: STAGES[1], len(result.path) - 1: STAGES[2]}
    stage_shown = {i: stage_texts(result, stage) for i, stage in at_stage.items()}
    data = []
    for j, t in enumerate(TYPES):
        data.append({
            "type": "scatter",
            "mode": "lines",
            "name": LONG[t],
            "x": x,
            "y": [round(float(v), 6) for v in result.path[:, j]],
            "stackgroup": "shares",
            "groupnorm": "",
            "line": {"color": COLORS[t], "width": 1},
            "fillcolor": COLORS[t],
            "fillpattern": kit.pattern(PATTERN[t], COLORS[t], opacity=0.45, size=7, solidity=0.3),
            "customdata": [stage_shown[i][t] if i in stage_shown else pct(float(v))
                           for i, v in enumerate(result.path[:, j])],
            "hovertemplate": SHORT[t] + ": %{customdata}<extra></extra>",
        })
    # Label each band at its middle on the right edge, so the chart reads without colour.
    annotations = []
    end = result.path[-1]                # the mix after RLVR
    shown = stage_texts(result, "after RLVR")
    lower = 0.0
    for j, t in enumerate(TYPES):
        share = float(end[j])
        if share >= 0.04:
            annotations.append({
                "x": 2.0, "y": lower + share / 2, "xref": "x", "yref": "y", "xanchor": "right",
                "text": f"{SHORT[t]} {shown[t]}", "showarrow": False,
                "font": {"color": TEXT_ON[t], "size": 13, "shadow": HALO[t]},
            })
        lower += share
    for xpos, text in ((0.5, "RLHF selects<br>what looks nice"), (1.5, "RLVR selects<br>what succeeds")):
        annotations.append({"x": xpos, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            "text": text, "showarrow": False, "font": {"size": 13}})
    return {
        "data": data,
        "layout": kit.layout(
            font_size=14,
            margin={"t": 44, "b": 30, "l": 56, "r": 44},
            showlegend=False,
            hovermode="x unified",
            xaxis=kit.axis(None, range=[0, 2], tickvals=[0, 1, 2], ticktext=list(labels),
                           ticklabelstandoff=6),
            yaxis=kit.axis("share", range=[0, 1], tickformat=".0%"),
            shapes=[{"type": "line", "x0": 1, "x1": 1, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                     "line": {"color": kit.INK, "width": 1, "dash": "dot"}}],
            annotations=annotations,
        ),
    }


def pies_summary(result: PieResult) -> str:
    labels = stage_labels(result)
    parts = []
    for label, stage in zip(labels, STAGES):
        shown = stage_texts(result, stage)
        parts.append(f"{label}: {shown['green']} stays nice, {shown['red']} treacherous, {shown['blue']} incoherent.")
    ratios = " → ".join(per_100(result, s) for s in STAGES)
    parts.append(f"Treacherous behaviour per 100 units of stays-nice behaviour: {ratios}.")
    return " ".join(parts)


def pies_table(result: PieResult) -> Table:
    rows = tuple(
        (label, *stage_texts(result, stage).values(), per_100(result, stage))
        for label, stage in zip(stage_labels(result), STAGES)
    )
    return Table(
        caption="Share of learned behaviour at each stage of training",
        columns=("Stage", LONG["green"], LONG["red"], LONG["blue"], "Red per 100 green"),
        rows=rows,
    )


# --------------------------------------------------------------------------- claims
# Each is worded from, or chosen by, the numbers the page shows (per_100, pct). What each phrase asserts is
# declared beside it as a predicate on the model's result (Truth); tests/test_truths.py checks them over the
# dense grid and the folder's test_claims.py at hand-checked states.

def _same(a: float, b: float) -> bool:
    """Equal but for floating-point error (RLHF with blind raters keeps the ratio exactly, in exact arithmetic)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def _change(before: str, after: str, raw_before: float, raw_after: float) -> str:
    if _same(raw_before, raw_after):
        return "left it unchanged"
    if before == after:
        return f"kept it at {before}"
    return f"{'lowered' if raw_after < raw_before else 'raised'} it from {before} to {after}"


WHEN = ("at the start", "after RLHF", "after RLVR")


def ratio_sentence(result: PieResult) -> str:
    """Red per 100 green at each stage that has green; the stages that have none are named as such, never
    given a ratio ('none (no green)' reads as a number of red units); then how each stage moved it."""
    shown = [per_100(result, s) for s in STAGES]
    raw = [result.red_per_green(s) for s in STAGES]
    red = stage_texts(result, "after RLVR")["red"]
    missing = [label for label, r in zip(WHEN, raw) if r is None]
    parts = []
    if missing:
        where = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
        parts.append(f"There is no green {where}, so there is no red-to-green ratio to compare there.")
    have = [(label if label != "at the start" or result.scenario == "brainlike" else "after pretraining", text)
            for label, text, r in zip(WHEN, shown, raw) if r is not None]
    if have:
        ratios = ", ".join(f"{text} {label}" for label, text in have[:-1]) + (" and " if len(have) > 1 else "") \
            + f"{have[-1][1]} {have[-1][0]}"
        parts.append(f"For every 100 units of green behaviour the figure shows this much red: {ratios}.")
    moves = [f"{stage} {_change(shown[i], shown[i + 1], raw[i], raw[i + 1])}"
             for i, stage in enumerate(("RLHF", "RLVR")) if raw[i] is not None and raw[i + 1] is not None]
    if len(moves) == 2 and all(m.endswith("left it unchanged") for m in moves):
        parts.append("So neither RLHF nor RLVR changed it.")
    elif moves:
        parts.append(f"So {', and '.join(moves)}.")
    parts.append(f"After RLVR, {red} of all behaviour is red." + (" The sections below explain why." if moves else ""))
    return " ".join(parts)


def looks_text(result: PieResult) -> str:
    """The share that looks nice to a rater after RLHF, as shown: where raters miss all the red it is green plus red
    as the pie shows them (100.0% less the blue), where they miss none it is the green shown; else to one decimal."""
    missed = min(1.0, float(result.traits.looks_nice[1]))
    if missed == 1.0:
        return competence_text(result, "after RLHF")
    green, both = stage_texts(result, "after RLHF")["green"], competence_text(result, "after RLHF")
    if missed == 0.0:
        return green
    # Green plus part of the red: never shown below the green, nor above green and red, as the pie shows them.
    text = pct(result.seen_nice("after RLHF"))
    return green if _shown_value(text) < _shown_value(green) else both if _shown_value(text) > _shown_value(both) else text


def _shown_value(text: str) -> float:
    """A share as shown, in percent, to compare two of them: '<0.1%' is under 0.1, '>99.9%' over 99.9."""
    value = float(text.strip("<>%"))
    return value - 0.05 if text.startswith("<") else value + 0.05 if text.startswith(">") else value


def _at_least(text: str, percent: float) -> bool:
    """A share as shown reads `percent` or more ('>99.9%' does, '<0.1%' does not)."""
    return text.startswith(">") or (not text.startswith("<") and float(text[:-1]) >= percent)


def _at_least_half(text: str) -> bool:
    return _at_least(text, 50.0)


# A model "seems nice" when a clear majority of what it does looks nice: four in five, as shown.
CLEARLY_NICE = 80.0


def _clearly_nice(text: str) -> bool:
    return _at_least(text, CLEARLY_NICE)


def looks_nice_sentence(result: PieResult) -> str:
    green = result.share("after RLHF", "green")
    missed = min(1.0, float(result.traits.looks_nice[1]))     # the share of red that raters cannot tell from green
    looks = looks_text(result)
    red = result.share("after RLHF", "red")
    which = ("there is no red to miss" if red == 0 == green else
             "green only: there is no red to miss" if red == 0 else
             # no green at all: what looks nice is only the red that raters miss
             "all of it red that raters miss" if green == 0 and missed == 1.0 else
             "no green, and raters catch all the red" if green == 0 and missed == 0.0 else
             f"no green, and the {pct(missed)} of red that raters miss" if green == 0 else
             "green and red together" if missed == 1.0 else
             "green, and none of the red, which raters catch" if missed == 0.0 else
             f"green, and the {pct(missed)} of red that raters miss")
    # Decided on the share as shown (one decimal): 80.0% seems nice, 50.0% only part of the time.
    tail = ("which is why the model “seems nice”" if _clearly_nice(looks)
            else "so the model seems nice only part of the time" if _at_least_half(looks)
            else "so at these settings the model does not even seem nice")
    return f"After this stage {stage_texts(result, 'after RLHF')['green']} of behaviour is green, and {looks} looks nice to a rater ({which}), {tail}."


def trade_sentence(result: PieResult) -> str:
    # RLVR switched off, or a mix it cannot move (all blue): decided on the strength and a tolerance, never on noise
    if result.rlvr == 0:
        return "Here RLVR changes nothing: the mix after it is the mix before it."
    if np.allclose(result.stages[1], result.stages[2], rtol=0, atol=1e-12):
        return ("Here RLVR changes nothing: the mix after it is the mix before it, since every kind of behaviour in it "
                "earns the same reward at tasks a program can check, so there is nothing for it to favour.")
    c1, c2 = competence_text(result, "after RLHF"), competence_text(result, "after RLVR")
    r1, r2 = per_100(result, "after RLHF"), per_100(result, "after RLVR")
    up = result.competence("after RLVR") > result.competence("after RLHF")
    # Competence is green plus red; at the default it equals the share that looks nice to a rater, so the
    # sentence says what it adds up, lest the same number read as two different things.
    what = "competence (green plus red: all the behaviour that gets tasks done, honestly or not)"
    bought = (f"kept {what} at {c1}" if c1 == c2
              else f"{'raised' if up else 'lowered'} {what} from {c1} to {c2}")
    before, after = result.red_per_green("after RLHF"), result.red_per_green("after RLVR")
    if before is None and after is None:
        return f"Here RLVR {bought}; there is no green before or after it to compare red against."
    if before is None or after is None:
        price = "with no green left to compare red against" if after is None else ""
        return f"Here RLVR {bought}{', ' + price if price else ''}."
    paid = ("and red per 100 green stayed at " + r1 if r1 == r2
            else f"and {'raised' if result.red_per_green('after RLVR') > result.red_per_green('after RLHF') else 'lowered'} "
                 f"red per 100 green from {r1} to {r2}")
    return f"Here RLVR {bought}, {paid}."


def innate_sentence(result: PieResult) -> str:
    """What the brain-like learner's reward for niceness does at this state (the last slider)."""
    if result.scenario == "llm":
        green = result.share("pretraining", "green")
        if green == 0:
            return ("That slider acts on a brain-like learner only; the LLM chosen above could get green only from "
                    "pretraining, and at these settings pretraining gives it none.")
        return (f"That slider acts on a brain-like learner only; the LLM chosen above gets its green from pretraining, "
                f"{stage_texts(result, 'pretraining')['green']} of its behaviour at the start.")
    g1, g2 = result.share("after RLHF", "green"), result.share("after RLVR", "green")
    if not result.path[:, 0].any():
        return "Here the brain-like learner has no green at any stage of training."
    shown1, shown2 = stage_texts(result, "after RLHF")["green"], stage_texts(result, "after RLVR")["green"]
    then = (f"kept it at {shown2}" if shown1 == shown2 else
            f"{'raised' if g2 > g1 else 'lowered'} it to {shown2}")
    return f"Here {shown1} of the brain-like learner’s behaviour is green after RLHF, and RLVR then {then}."


# ---- What the phrases assert, as predicates on the model's result ------------------------------------------

STAGE_OF = {"RLHF": ("pretraining", "after RLHF"), "RLVR": ("after RLHF", "after RLVR")}


def _share_shown(text: str, value: float) -> bool:
    """A share (0-1) is shown as `text` ('12.3%', '<0.1%', '0%', ...) to one decimal."""
    p = 100.0 * value
    if text == "<0.1%":
        return 0.0 < p < 0.05
    if text == ">99.9%":
        return 99.95 < p < 100.0
    return abs(float(text.rstrip("%")) - p) <= 0.05 + 1e-9


def _slice_shown(text: str, r: PieResult, stage: str, kind: str) -> bool:
    """A pie's share as shown: the stage's shares rounded to tenths that add up (wording.tenth_points), so within a
    tenth of a point of the share; '0%' and '100%' only for none and all."""
    value = r.share(stage, kind)
    return text == stage_texts(r, stage)[kind] and _near_tenth(text, value)


def _looks_shown(text: str, r: PieResult) -> bool:
    """What looks nice after RLHF, as quoted: green plus the red raters miss, within a tenth of a point, and between the
    green and green plus red as the pie shows them; exactly one of those where raters miss none or all of the red."""
    green, both = stage_texts(r, "after RLHF")["green"], competence_text(r, "after RLHF")
    missed = min(1.0, float(r.traits.looks_nice[1]))
    if missed in (0.0, 1.0):
        return text == (green if missed == 0.0 else both)
    return (_near_tenth(text, r.seen_nice("after RLHF"))
            and _shown_value(green) <= _shown_value(text) <= _shown_value(both))


def _near_tenth(text: str, value: float) -> bool:
    p = 100.0 * value
    if text in ("0%", "100%"):
        return p == float(text[:-1])
    if text.startswith("<"):
        return 0.0 < p < float(text[1:-1]) <= 0.1
    if text.startswith(">"):
        return 99.9 <= float(text[1:-1]) < p < 100.0
    return abs(float(text.rstrip("%")) - p) < 0.1


def _competence_shown(text: str, r: PieResult, stage: str) -> bool:
    """Green plus red as shown: 100.0% less the blue the pie shows, so within a tenth of a point of the share."""
    return text == competence_text(r, stage) and _near_tenth(text, r.competence(stage))


def _ratio_shown(text: str, ratio: float | None) -> bool:
    """Red per 100 green is shown as `text`: one decimal, whole numbers from 100, 'almost 0' for a trace."""
    if ratio is None:
        return text.startswith("none")
    v = 100.0 * ratio
    return reads_as(text, v, 1 if text == "almost 0" else None)


def _ratios(r: PieResult, m) -> tuple[float | None, float | None]:
    before, after = STAGE_OF[m["stage"]]
    return r.red_per_green(before), r.red_per_green(after)


def _moved(r: PieResult, m) -> bool:
    a, b = _ratios(r, m)
    return (a is not None and b is not None and m["a"] != m["b"] and _ratio_shown(m["a"], a)
            and _ratio_shown(m["b"], b) and ((b < a) if m["verb"] == "lowered" else (b > a)))


def _no_green_where(r: PieResult, m) -> bool:
    named = {label for label in ("at the start", "after RLHF", "after RLVR") if label in m["where"]}
    return all((r.share(stage, "green") == 0.0) == (label in named)
               for label, stage in zip(("at the start", "after RLHF", "after RLVR"), STAGES))


RATIO = r"(?:none \(no green\)|almost 0|over 10\S+|\d+(?:,\d{3})*(?:\.\d)?)"
PCT = r"(?:<0\.0*1%|>99\.9+%|\d+(?:\.\d+)?%)"

RATIO_TRUTHS = (
    Truth(rf"(?P<stage>RLHF|RLVR) (?P<verb>lowered|raised) it from (?P<a>{RATIO}) to (?P<b>{RATIO})", _moved,
          "red per 100 green fell (or rose) over that stage, from and to the values shown"),
    Truth(r"(?P<stage>RLHF|RLVR) left it unchanged",
          lambda r, m: None not in _ratios(r, m) and _same(*_ratios(r, m)),
          "red per 100 green is the same before and after that stage"),
    Truth(r"neither RLHF nor RLVR changed it",
          lambda r: None not in (raw := [r.red_per_green(s) for s in STAGES]) and _same(raw[0], raw[1])
          and _same(raw[1], raw[2]),
          "red per 100 green is the same at the start, after RLHF and after RLVR"),
    Truth(r"RLHF left it unchanged, and RLVR left it unchanged", lambda r: False,
          "said once: 'neither RLHF nor RLVR changed it'"),
    Truth(rf"(?P<stage>RLHF|RLVR) kept it at (?P<a>{RATIO})",
          lambda r, m: None not in _ratios(r, m) and all(_ratio_shown(m["a"], x) for x in _ratios(r, m)),
          "red per 100 green changed over that stage by less than the display shows"),
    Truth(r"There is no green (?P<where>.+?), so there is no (?:red-to-green )?ratio", _no_green_where,
          "exactly the stages named have no green"),
    Truth(rf"For every 100 units of green behaviour the figure shows this much red: (?P<list>.+?)\.(?: |$)",
          lambda r, m: _ratio_list(r, m["list"]),
          "each stage named has green, and red per 100 green there is the value quoted; every stage with green "
          "is named"),
    Truth(rf"After RLVR, (?P<red>{PCT}) of all behaviour is red",
          lambda r, m: _slice_shown(m["red"], r, "after RLVR", "red"), "the red share after RLVR, as its pie shows it"),
)


def _ratio_list(r: PieResult, text: str) -> bool:
    """'17.6 after pretraining, 17.6 after RLHF and 76.1 after RLVR': each a stage with green and its ratio, as shown."""
    stage_of = {"after pretraining": "pretraining", "at the start": "pretraining", "after RLHF": "after RLHF",
                "after RLVR": "after RLVR"}
    items = re.findall(rf"({RATIO}) (after pretraining|at the start|after RLHF|after RLVR)", text)
    named = [stage_of[label] for _, label in items]
    return (bool(items) and named == [s for s in STAGES if r.share(s, "green") > 0]
            and all(r.red_per_green(stage_of[label]) is not None
                    and _ratio_shown(value, r.red_per_green(stage_of[label])) for value, label in items))
LOOKS_TRUTHS = (
    Truth(rf"After this stage (?P<g>{PCT}) of behaviour is green, and (?P<l>{PCT}) looks nice to a rater",
          lambda r, m: _slice_shown(m["g"], r, "after RLHF", "green")
          and _looks_shown(m["l"], r),
          "green after RLHF, and green plus the red raters miss, as shown: within a tenth of a point, never below the "
          "green nor above green and red as the pie shows them (where raters miss all or none of the red, exactly those)"),
    Truth(r"\(green and red together\)", lambda r: r.traits.looks_nice[1] >= 1.0 and r.share("after RLHF", "green") > 0,
          "raters miss all of the red, and some behaviour after RLHF is green"),
    Truth(r"\(green, and ", lambda r: r.share("after RLHF", "green") > 0,
          "some behaviour after RLHF is green"),
    Truth(r"none of the red, which raters catch", lambda r: r.traits.looks_nice[1] == 0.0,
          "raters catch all of the red"),
    Truth(r"\(all of it red that raters miss\)",
          lambda r: r.share("after RLHF", "green") == 0 < r.share("after RLHF", "red") and r.traits.looks_nice[1] >= 1.0,
          "no behaviour after RLHF is green, some is red, and raters miss all of the red"),
    Truth(r"\(no green, and ",
          lambda r: r.share("after RLHF", "green") == 0 < r.share("after RLHF", "red"),
          "no behaviour after RLHF is green, and some is red"),
    Truth(r"raters catch all the red", lambda r: r.traits.looks_nice[1] == 0.0, "raters catch all of the red"),
    Truth(rf"the (?P<m>{PCT}) of red that raters miss",
          lambda r, m: 0.0 < r.traits.looks_nice[1] < 1.0 and _share_shown(m["m"], r.traits.looks_nice[1])
          and r.share("after RLHF", "red") > 0,
          "there is red after RLHF, and raters miss that share of it"),
    Truth(r"green only: there is no red to miss", lambda r: r.share("after RLHF", "red") == 0 < r.share("after RLHF", "green"),
          "no behaviour after RLHF is red, and some is green"),
    Truth(r"\(there is no red to miss\)", lambda r: r.share("after RLHF", "red") == 0 == r.share("after RLHF", "green"),
          "no behaviour after RLHF is red or green"),
    Truth(r"which is why the model “seems nice”", lambda r: _clearly_nice(looks_text(r)) and r.seen_nice("after RLHF") > 0.799,
          "at least four in five of the behaviour after RLHF looks nice to a rater (as shown, to one decimal)"),
    Truth(r"seems nice only part of the time",
          lambda r: _at_least_half(looks_text(r)) and not _clearly_nice(looks_text(r))
          and 0.499 < r.seen_nice("after RLHF") < 0.801,
          "at least half, but under four in five, of the behaviour after RLHF looks nice to a rater (as shown, to "
          "one decimal)"),
    Truth(r"does not even seem nice", lambda r: not _at_least_half(looks_text(r)) and r.seen_nice("after RLHF") < 0.501,
          "less than half of the behaviour after RLHF looks nice to a rater (as shown, to one decimal)"),
)


def _competence(r: PieResult, m) -> bool:
    a, b = r.competence("after RLHF"), r.competence("after RLVR")
    return (m["a"] != m["b"] and _competence_shown(m["a"], r, "after RLHF") and _competence_shown(m["b"], r, "after RLVR")
            and ((b > a) if m["v"] == "raised" else (b < a)))


TRADE_TRUTHS = (
    Truth(rf"RLVR (?P<v>raised|lowered) competence \([^)]*\) from (?P<a>{PCT}) to (?P<b>{PCT})", _competence,
          "the share of coherent behaviour rose (or fell) during RLVR, from and to the values shown"),
    Truth(rf"RLVR kept competence \([^)]*\) at (?P<a>{PCT})",
          lambda r, m: r.rlvr > 0 and all(_competence_shown(m["a"], r, s) for s in ("after RLHF", "after RLVR")),
          "RLVR acted (its strength is above 0) and the share of coherent behaviour changed during it by less than "
          "the display shows"),
    Truth(rf"and (?P<verb>raised|lowered) red per 100 green from (?P<a>{RATIO}) to (?P<b>{RATIO})",
          lambda r, m: _moved(r, {**m.groupdict(), "stage": "RLVR"}),
          "red per 100 green rose (or fell) during RLVR, from and to the values shown"),
    Truth(rf"red per 100 green stayed at (?P<a>{RATIO})",
          lambda r, m: r.rlvr > 0 and all(_ratio_shown(m["a"], r.red_per_green(s)) for s in ("after RLHF", "after RLVR")),
          "RLVR acted, and red per 100 green changed during it by less than the display shows"),
    Truth(r"RLVR changes nothing",
          lambda r: np.allclose(r.stages[1], r.stages[2], rtol=0, atol=1e-12),
          "the shares after RLVR are those before it (to floating-point error)"),
    Truth(r"since every kind of behaviour in it earns the same reward at tasks a program can check",
          lambda r: r.rlvr > 0 and len({float(r.traits.task_reward[i]) for i in range(3) if r.stages[1][i] > 1e-9}) == 1,
          "RLVR acted, and every colour present after RLHF earns the same task reward"),
    Truth(r"with no green left to compare red against",
          lambda r: r.share("after RLVR", "green") == 0.0 < r.share("after RLHF", "green"),
          "there was green after RLHF and none is left after RLVR"),
    Truth(r"there is no green before or after it to compare red against",
          lambda r: r.share("after RLHF", "green") == 0.0 == r.share("after RLVR", "green"),
          "there is no green after RLHF nor after RLVR"),
)
INNATE_TRUTHS = (
    Truth(rf"the LLM chosen above gets its green from pretraining, (?P<g>{PCT})",
          lambda r, m: r.scenario == "llm" and _slice_shown(m["g"], r, "pretraining", "green")
          and r.share("pretraining", "green") > 0,
          "the learner is an LLM, with that much green (some) after pretraining"),
    Truth(r"at these settings pretraining gives it none",
          lambda r: r.scenario == "llm" and r.share("pretraining", "green") == 0.0,
          "the learner is an LLM with no green after pretraining"),
    Truth(r"has no green at any stage", lambda r: not r.path[:, 0].any(), "green is zero all along training"),
    Truth(rf"Here (?P<a>{PCT}) of the brain-like learner’s behaviour is green after RLHF, and RLVR then "
          rf"(?:(?P<v>raised|lowered) it to|(?P<kept>kept it at)) (?P<b>{PCT})",
          lambda r, m: (r.scenario == "brainlike" and _slice_shown(m["a"], r, "after RLHF", "green")
                        and _slice_shown(m["b"], r, "after RLVR", "green")
                        and ((m["a"] == m["b"]) if m["kept"] else m["a"] != m["b"] and (
                            (r.share("after RLVR", "green") > r.share("after RLHF", "green")) == (m["v"] == "raised")))),
          "green after RLHF and after RLVR, as shown, and which way RLVR moved it"),
)

PIES_CLAIMS = (
    Claim("ratios", ratio_sentence, truths=RATIO_TRUTHS),
    Claim("looks_nice", looks_nice_sentence, truths=LOOKS_TRUTHS),
    Claim("trade", trade_sentence, truths=TRADE_TRUTHS),
    Claim("innate", innate_sentence, truths=INNATE_TRUTHS),
)


def _summary_stage(r: PieResult, m) -> bool:
    label = m["label"]
    first = {"Pretraining": "llm", "Start (no pretraining)": "brainlike"}.get(label, r.scenario)
    stage = {"After RLHF": "after RLHF", "After RLVR": "after RLVR"}.get(label, "pretraining")
    shown = [m[t[0]] for t in TYPES]
    numbers = [float(x[:-1]) for x in shown if x[0].isdigit()]
    adds_up = len(numbers) < len(shown) or abs(sum(numbers) - 100.0) < 1e-9
    # Green and red that read alike read as a ratio of 100 (0.98% and 1.02% at a ratio of 104 are not both '1.0%').
    alike = m["g"] == m["r"] and r.share(stage, "green") > 0
    ratio = r.red_per_green(stage)
    return (first == r.scenario and all(_slice_shown(m[t[0]], r, stage, t) for t in TYPES) and adds_up
            and (not alike or reads_as("100", 100.0 * ratio)))


# The summary's shares and ratios, as shown.
PIES_TRUTHS = (
    Truth(rf"(?P<label>Pretraining|Start \(no pretraining\)|After RLHF|After RLVR): (?P<g>{PCT}) stays nice, "
          rf"(?P<r>{PCT}) treacherous, (?P<b>{PCT}) incoherent", _summary_stage,
          "that stage's shares of green, red and blue, each within a tenth of a point and adding up to 100% as shown "
          "(none exempt unless written '<0.1%' or '>99.9%'), and green and red read alike only where red per 100 green "
          "reads 100"),
    Truth(rf"per 100 units of stays-nice behaviour: (?P<a>{RATIO}) → (?P<b>{RATIO}) → (?P<c>{RATIO})\.",
          lambda r, m: all(_ratio_shown(m[k], r.red_per_green(s)) for k, s in zip("abc", STAGES)),
          "red per 100 green at each stage, as shown"),
)


def pies_live(result: PieResult) -> dict[str, str]:
    """Named numbers the prose quotes as [[live:name]]."""
    out: dict[str, str] = {}
    for key, stage in zip(("pre", "rlhf", "rlvr"), STAGES):
        for t in TYPES:
            out[f"{key}_{t}"] = stage_texts(result, stage)[t]
        out[f"{key}_ratio"] = per_100(result, stage)
    return out


class Stage(BaseModel):
    name: Literal["pretraining", "after RLHF", "after RLVR"]
    label: str = Field(description="Human-readable stage name; 'Start (no pretraining)' for brain-like AGI.")
    green: float = Field(ge=0, le=1, description="Share that is nice and stays nice.")
    red: float = Field(ge=0, le=1, description="Share that is nice until a treacherous turn.")
    blue: float = Field(ge=0, le=1, description="Share that is incoherent or grumpy.")
    red_per_green: float | None = Field(description="red / green; null when there is no green.")


class Path(BaseModel):
    progress: list[float] = Field(description="Training progress: 0 to 1 is RLHF, 1 to 2 is RLVR.")
    green: list[float]
    red: list[float]
    blue: list[float]


class PiesResponse(WidgetResponse):
    stages: list[Stage]
    path: Path


def pies_api(values: Mapping[str, Any], result: PieResult) -> dict:
    labels = stage_labels(result)
    return {
        "stages": [
            {
                "name": stage,
                "label": label,
                **{t: float(result.share(stage, t)) for t in TYPES},
                "red_per_green": result.red_per_green(stage),
            }
            for stage, label in zip(STAGES, labels)
        ],
        "path": {
            "progress": [float(v) for v in result.path_x],
            **{t: [float(v) for v in result.path[:, j]] for j, t in enumerate(TYPES)},
        },
    }


# =========================================================================== power: why gathering it pays

PLAN_LABEL = {"act": "Act now", "open": "Gather power openly", "secret": "Gather power secretly"}
PLAN_COLOR = {"act": kit.BLUE, "open": kit.VERMILION, "secret": kit.PINK}
PLAN_PATTERN = {"act": kit.SOLID, "open": kit.HATCH, "secret": kit.DOTS}
ALL = f"{GOALS:,}"


def _one(points: int, x: float) -> str:
    """A share's whole points as `share` words it: a nonzero share never 0%, a partial one never 100%."""
    if 0.0 < x and points == 0:
        return "under 1%"
    if x < 1.0 and points == 100:
        return "over 99%"
    return f"{points}%"


def plan_points(act: float, open_: float, secret: float) -> dict[str, int]:
    """The three plans' shares of the goals in whole points that add up to 100 as shown (largest remainders,
    wording.whole_points), and gathering power (either way) as the sum of its two shown parts."""
    a, o, s = wording.whole_points((act, open_, secret))
    return {"act": a, "open": o, "secret": s, "gather": o + s}


def plan_texts(act: float, open_: float, secret: float) -> dict[str, str]:
    """The plans' shares as the page prints them: they add up to 100% (and openly plus secretly to the share
    that gathers power), except where a share too small to show is 'under 1%' or too close to all 'over 99%'."""
    shown = plan_points(act, open_, secret)
    values = {"act": act, "open": open_, "secret": secret, "gather": open_ + secret}
    return {k: _one(shown[k], values[k]) for k in shown}


def gather_text(x: float) -> str:
    """The share of the goals that gather power (either way), printed as every text of the widget prints it: as
    plan_texts does with acting now as the rest, so a half point goes to acting now (1,410 of 2,000 goals,
    70.5%, reads 70%) in the sentences, the table, the curve's label and its hover alike."""
    return plan_texts(1.0 - x, x, 0.0)["gather"]


def goals(x: float) -> int:
    """A share of the goals as the number of goals (the shares are counts out of GOALS)."""
    return round(x * GOALS)


def _plan_shares(r: PowerResult, extra: int) -> dict[str, float]:
    gather, secret = float(r.curve_gather[extra]), float(r.curve_secret[extra])
    return {"act": 1.0 - gather, "open": gather - secret, "secret": secret}


def _texts_at(r: PowerResult, extra: int) -> dict[str, str]:
    """The plans' shares as printed, with `extra` extra outcomes (the rest as set): a row of the table."""
    s = _plan_shares(r, extra)
    return plan_texts(s["act"], s["open"], s["secret"])


def bars_figure(result: PowerResult) -> dict:
    """The share of goals best served by each plan, at this setting: one bar each."""
    keys = ("act", "open", "secret")
    values = {"act": result.act, "open": result.open, "secret": result.secret}
    return {
        "data": [{
            "type": "bar", "orientation": "h",
            "y": [PLAN_LABEL[k] for k in keys],
            "x": [round(values[k], 4) for k in keys],
            "marker": {"color": [PLAN_COLOR[k] for k in keys], "line": {"color": kit.PAPER, "width": 1},
                       "pattern": kit.pattern([PLAN_PATTERN[k] for k in keys], [PLAN_COLOR[k] for k in keys],
                                              opacity=0.35, size=8, solidity=0.25)},
            "text": [plan_texts(result.act, result.open, result.secret)[k] for k in keys],
            "customdata": [f"{goals(values[k]):,} of the {ALL} goals" for k in keys],
            "textposition": "outside", "cliponaxis": False,
            "textfont": {"color": kit.INK, "size": 13},
            "hovertemplate": "%{y}: %{text} (%{customdata})<extra></extra>",
            "showlegend": False,
        }],
        "layout": kit.layout(
            font_size=14,
            margin={"t": 12, "b": 52, "l": 170, "r": 52},
            showlegend=False,
            xaxis=kit.axis(f"share of {ALL} goals", range=[0, 1], tickformat=".0%", title_size=14),
            yaxis=kit.axis(None, type="category", categoryorder="array",
                           categoryarray=[PLAN_LABEL[k] for k in reversed(keys)]),
            bargap=0.35,
        ),
    }


def curve_figure(result: PowerResult) -> dict:
    """The share of goals that gather power against how many extra outcomes power opens up, this setting marked."""
    x = [int(v) for v in result.curve_extra]
    here = float(result.curve_gather[result.extra])
    # Hovers print the shares as the table does (plan_texts), not by a second rounding of their own.
    shown = [_texts_at(result, e) for e in x]
    lines = [
        {"type": "scatter", "mode": "lines", "name": "Gather power (either way)", "x": x,
         "y": [round(float(v), 4) for v in result.curve_gather], "line": {"color": kit.BLUE, "width": 3},
         "customdata": [t["gather"] for t in shown],
         "hovertemplate": "%{x} extra: %{customdata} gather power<extra></extra>"},
        {"type": "scatter", "mode": "lines", "name": "of which secretly", "x": x,
         "y": [round(float(v), 4) for v in result.curve_secret],
         "line": {"color": kit.PINK, "width": 2, "dash": "dash"},
         "customdata": [t["secret"] for t in shown],
         "hovertemplate": "%{x} extra: %{customdata} secretly<extra></extra>"},
    ]
    # the lines named at their ends, in their colours (no legend under the chart)
    # (on the paper's colour, clear of the marker at the last point, so neither line nor marker crosses them)
    labels = [{**a, "bgcolor": kit.PAPER, "xshift": -12}
              for a in kit.end_labels(lines, ["gather power", "of which secretly"], y_range=(0, 1))]
    # near the top right the "this setting" words sit over the line ends: the labels go under the lines there
    if result.extra >= 0.6 * MAX_EXTRA:
        high = sorted((a for a in labels if a["y"] > 0.75), key=lambda a: -a["y"])
        for k, a in enumerate(high):
            a.update(yanchor="top", yshift=-4 - 20 * k)
    return {
        "data": [
            *({**t, "showlegend": False} for t in lines),
            {"type": "scatter", "mode": "markers", "name": "This setting", "x": [result.extra], "y": [round(here, 4)],
             "marker": {"color": kit.INK, "size": 11, "symbol": "circle-open", "line": {"width": 3}},
             "customdata": [shown[result.extra]["gather"]],
             "hovertemplate": "This setting: %{customdata}<extra></extra>", "showlegend": False},
        ],
        "layout": kit.layout(
            font_size=14,
            margin={"t": 36, "b": 56, "l": 60, "r": 24},
            showlegend=False,
            xaxis=kit.axis("extra outcomes power opens up", range=[0, MAX_EXTRA], title_size=14),
            yaxis=kit.axis("goals that gather power", range=[0, 1], tickformat=".0%", title_size=14,
                           tickvals=[0.2, 0.4, 0.6, 0.8, 1]),      # no 0% tick: it would sit on the x axis's 0
            shapes=[{"type": "line", "x0": result.extra, "x1": result.extra, "y0": 0, "y1": 1, "xref": "x",
                     "yref": "paper", "line": {"color": kit.INK, "width": 1, "dash": "dot"}}],
            annotations=[{"x": result.extra, "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom",
                          "xanchor": kit.anchor_inside(result.extra, 0, MAX_EXTRA),
                          "text": f"this setting: {plan_texts(result.act, result.open, result.secret)['gather']}", "showarrow": False, "font": {"size": 13}},
                         *labels],
        ),
    }


def power_summary(result: PowerResult) -> str:
    g0, g_last = float(result.curve_gather[0]), float(result.curve_gather[-1])
    shown = plan_texts(result.act, result.open, result.secret)
    return (f"Bars: of the {ALL} goals, acting now is best for {shown['act']}, gathering power openly for "
            f"{shown['open']} and gathering it secretly for {shown['secret']}. "
            f"Line: the goals that gather power, {gather_text(g0)} with no extra outcomes and {gather_text(g_last)} with "
            f"{MAX_EXTRA}; the marked point is {wording.count(result.extra, 'extra outcome')}.")


def power_table(result: PowerResult) -> Table:
    rows = []
    for e in sorted(set(range(0, MAX_EXTRA + 1, 5)) | {result.extra}):
        label = wording.num(e) + (" (this setting)" if e == result.extra else "")
        shown = _texts_at(result, e)
        rows.append((label, shown["act"], shown["open"], shown["secret"]))
    return Table(
        caption=f"Share of the {ALL} random goals best served by each plan, by how many extra outcomes power opens up",
        columns=("Extra outcomes", PLAN_LABEL["act"], PLAN_LABEL["open"], PLAN_LABEL["secret"]),
        rows=tuple(rows),
    )


def power_live(result: PowerResult) -> dict[str, str]:
    return {**plan_texts(result.act, result.open, result.secret), "unwatched": gather_text(result.unwatched)}


def plans_sentence(r: PowerResult) -> str:
    if r.gather == 0.0:
        tail = " With no extra outcomes to open, power has nothing to offer." if r.extra == 0 else ""
        return f"At these settings no goal in the sample does better by gathering power: acting now is best for all {ALL}.{tail}"
    shown, gather = plan_texts(r.act, r.open, r.secret), plan_points(r.act, r.open, r.secret)["gather"]
    # Decided on the share as shown (the whole points that add up to 100): 50% is half, exactly or about.
    verdict = ("So for most of these goals, power comes first." if gather > 50 else
               "That is exactly half." if r.gather == 0.5 else "That is about half." if gather == 50 else
               "So at these settings most goals do better acting now.")
    return (f"For {shown['gather']} of the {ALL} random goals the best plan is to gather power first "
            f"({shown['open']} openly, {shown['secret']} secretly); for {shown['act']} it is to act now. {verdict}")


def watch_sentence(r: PowerResult) -> str:
    if r.open_risk == 0.0:
        if r.gather == 0.0:
            return "Here nobody stops open power-gathering, and still no goal gathers power."
        return (f"Here nobody stops open power-gathering, so no goal bothers to hide: "
                f"{plan_texts(r.act, r.open, r.secret)['gather']} gather power, all of them openly.")
    if r.unwatched == 0.0:
        return "Even if open power-gathering were never stopped, no goal here would gather power."
    would, still = gather_text(r.unwatched), gather_text(r.gather)
    how = "secretly" if r.secret > 0 else "openly"
    # The goals that gather are always among those that would unwatched (each keeps less of the same value).
    # Where the risk deters none, or too few to move the whole percent, the counts say so; two different
    # percentages say that some goals were deterred.
    kept, of = goals(r.gather), goals(r.unwatched)
    then = ("none does" if r.gather == 0.0 else
            f"every one of them still does, {how}" if r.gather == r.unwatched else
            f"{kept:,} of those {of:,} goals still {'does' if kept == 1 else 'do'}, {how}" if still == would else
            f"{still} still do, all of them {how}")
    return (f"If open power-gathering were never stopped, {would} of the goals would gather power; "
            f"when it is stopped {wording.pct(r.open_risk)} of the time, {then}.")


SHARE = r"(?:under 1%|over 99%|\d+%)"


def _as_plans(r: PowerResult, m, keys: str = "aosg") -> bool:
    """The plans' shares the phrase quotes (named groups a, o, s, g: act, openly, secretly, gather) are those the
    page prints: whole points adding up to 100 (wording.whole_points), openly plus secretly being the share that
    gathers, each also within a point of the true share."""
    want = plan_texts(r.act, r.open, r.secret)
    names = {"a": "act", "o": "open", "s": "secret", "g": "gather"}
    true = {"act": r.act, "open": r.open, "secret": r.secret, "gather": r.gather}
    return all(m[k] == want[names[k]] and _near(m[k], true[names[k]]) for k in keys)


def _near(text: str, x: float) -> bool:
    """A share as printed is within one point of the true share (largest remainders moves a share by under 1)."""
    return reads_as(text, x, either_way=True, cuts=(100,))


def _add_up(r: PowerResult, m) -> bool:
    """The shares a sentence quotes of one whole add up to it as printed: act and gather to 100%, openly and
    secretly to gather (a share written 'under 1%' or 'over 99%' is exempt, as it names no one number)."""
    quoted = {k: m[k] for k in "aosg" if m[k] is not None}
    if any(not v[0].isdigit() for v in quoted.values()):
        return True
    n = {k: int(v[:-1]) for k, v in quoted.items()}
    ok = True
    if "a" in n and "g" in n:
        ok = ok and n["a"] + n["g"] == 100
    if "o" in n and "s" in n and "g" in n:
        ok = ok and n["o"] + n["s"] == n["g"]
    if "a" in n and "o" in n and "s" in n:
        ok = ok and n["a"] + n["o"] + n["s"] == 100
    return ok


def _way_pays(r: PowerResult, how: str) -> bool:
    """Gathering power the way named keeps strictly more of the value than the other way (secretly), or at least
    as much (openly: a tie goes to openly), worked out exactly from the percentages set, free of float error."""
    c, o, s = (Fraction(repr(round(x, 9))) for x in (r.cost, r.open_risk, r.secret_risk))
    openly, secretly = (1 - c) * (1 - o), (1 - c) ** 2 * (1 - s)
    return secretly > openly if how == "secretly" else openly >= secretly


def _gather_shares(r: PowerResult, m) -> bool:
    return r.gather > 0 and _as_plans(r, m) and _add_up(r, m)


PLANS_TRUTHS = (
    Truth(rf"For (?P<g>{SHARE}) of the 2,000 random goals the best plan is to gather power first "
          rf"\((?P<o>{SHARE}) openly, (?P<s>{SHARE}) secretly\); for (?P<a>{SHARE}) it is to act now",
          _gather_shares, "some goals do strictly better gathering power, in these shares (as shown)"),
    Truth(rf"\((?P<o>{SHARE}) openly, (?P<s>{SHARE}) secretly\)",
          lambda r, m: all(m[k] == "0%" or _way_pays(r, how) for k, how in (("o", "openly"), ("s", "secretly"))),
          "a way of gathering power has a share only where it keeps strictly more of the value than the other "
          "(secretly) or at least as much (openly, which wins a tie), in exact arithmetic"),
    Truth(r"no goal in the sample does better by gathering power", lambda r: r.gather == 0.0,
          "acting now is at least as good as either way of gathering power, for every goal"),
    Truth(r"With no extra outcomes to open", lambda r: r.extra == 0, "power opens no extra outcomes"),
    Truth(r"for most of these goals, power comes first",
          lambda r: r.gather > 0.5 and plan_points(r.act, r.open, r.secret)["gather"] > 50,
          "more than half the goals gather power, and over 50% as shown"),
    Truth(r"That is exactly half", lambda r: r.gather == 0.5, "exactly half the goals gather power"),
    Truth(r"That is about half", lambda r: r.gather != 0.5 and plan_points(r.act, r.open, r.secret)["gather"] == 50,
          "not exactly half the goals gather power, but 50% as shown"),
    Truth(r"most goals do better acting now",
          lambda r: r.act > 0.5 and plan_points(r.act, r.open, r.secret)["act"] > 50,
          "more than half the goals do best acting now, and over 50% as shown"),
)

WATCH_TRUTHS = (
    Truth(r"nobody stops open power-gathering", lambda r: r.open_risk == 0.0,
          "the chance of being stopped when gathering openly is zero"),
    Truth(r"still no goal gathers power", lambda r: r.gather == 0.0, "no goal gathers power"),
    Truth(rf"no goal bothers to hide: (?P<g>{SHARE}) gather power, all of them openly",
          lambda r, m: r.secret == 0.0 and r.open > 0 and _as_plans(r, m, "g"),
          "that share gathers power, and none of it secretly"),
    Truth(r"Even if open power-gathering were never stopped, no goal here would gather power",
          lambda r: r.unwatched == 0.0, "with a zero chance of being stopped openly, no goal would gather power"),
    Truth(rf"If open power-gathering were never stopped, (?P<u>{SHARE}) of the goals would gather power",
          lambda r, m: r.unwatched > 0 and m["u"] == gather_text(r.unwatched) and _near(m["u"], r.unwatched),
          "with a zero chance of being stopped openly (the rest as set), that share would gather power (printed as "
          "the plans' shares are)"),
    Truth(rf"(?P<u>{SHARE}) of the goals would gather power; when it is stopped \d+% of the time, (?P<g>{SHARE}) "
          rf"still do",
          lambda r, m: m["u"] != m["g"] and 0 < r.gather < r.unwatched,
          "two different shares say the risk deterred some goals: fewer gather power than would unwatched"),
    Truth(r"every one of them still does", lambda r: 0 < r.gather == r.unwatched,
          "exactly the goals that would gather power unwatched still do (the risk deters none)"),
    Truth(r"(?P<k>\d[\d,]*) of those (?P<n>\d[\d,]*) goals still do(?P<s>es)?\b",
          lambda r, m: (int(m["k"].replace(",", "")), int(m["n"].replace(",", ""))) == (goals(r.gather), goals(r.unwatched))
          and (m["s"] is not None) == (goals(r.gather) == 1) and 0 < r.gather < r.unwatched and gather_text(r.unwatched) == gather_text(r.gather),
          "of the goals that would gather power unwatched (the second count), the first count still do: some are "
          "deterred, too few to change the whole percent printed"),
    Truth(r"(?:all of them|still do(?:es)?,) (?P<how>secretly|openly)",
          lambda r, m: 0 < r.gather == (r.secret if m["how"] == "secretly" else r.open) and _way_pays(r, m["how"]),
          "every goal that gathers power does it the way named, which keeps strictly more of the value (secretly) or "
          "at least as much (openly, which wins a tie), in exact arithmetic"),
    Truth(r"when it is stopped (?P<p>\d+%) of the time",
          lambda r, m: m["p"] == wording.pct(r.open_risk) and r.open_risk > 0, "the chance set for open gathering"),
    Truth(r"of the time, none does", lambda r: r.gather == 0.0 < r.unwatched,
          "no goal gathers power, though some would if open gathering were never stopped"),
    Truth(rf"(?P<g>{SHARE}) still do, all of them (?P<how>secretly|openly)",
          lambda r, m: 0 < r.gather <= r.unwatched and _as_plans(r, m, "g")
          and (r.secret if m["how"] == "secretly" else r.open) == r.gather,
          "that share gathers power (no more than would unwatched), all of it the way named"),
)

POWER_CLAIMS = (
    Claim("plans", plans_sentence, truths=PLANS_TRUTHS),
    Claim("watch", watch_sentence, truths=WATCH_TRUTHS),
)

POWER_TRUTHS = (
    Truth(rf"acting now is best for (?P<a>{SHARE}), gathering power openly for (?P<o>{SHARE}) and gathering it "
          rf"secretly for (?P<s>{SHARE})",
          lambda r, m: _as_plans(r, m, "aos") and _add_up(r, {**m.groupdict(), "g": None}),
          "the three plans' shares at this setting, as printed: adding up to 100%"),
    Truth(rf"the goals that gather power, (?P<a>{SHARE}) with no extra outcomes and (?P<b>{SHARE}) with 40",
          lambda r, m: float(r.curve_gather[0]) == 0.0 and m["a"] == "0%"
          and m["b"] == _texts_at(r, MAX_EXTRA)["gather"] and _near(m["b"], float(r.curve_gather[-1])),
          "none gathers power with no extra outcomes (a tie goes to acting now), and the share at 40, as the table's "
          "row for 40 prints it"),
)


class PowerPlans(BaseModel):
    act_now: float = Field(ge=0, le=1, description="Share of the goals for which acting now is best.")
    openly: float = Field(ge=0, le=1, description="Share for which gathering power openly is best.")
    secretly: float = Field(ge=0, le=1, description="Share for which gathering power secretly is best.")


class PowerCurve(BaseModel):
    extra: list[int] = Field(description="Extra outcomes power opens up, 0 to 40.")
    gather: list[float] = Field(description="Share of the goals that gather power (either way) at each.")
    secretly: list[float] = Field(description="Of which the share that gathers it secretly.")


class PowerResponse(WidgetResponse):
    goals: int = Field(description="How many random goals are sampled (a fixed seed).")
    plans: PowerPlans
    unwatched: float = Field(ge=0, le=1, description="Share that would gather power if open gathering were never "
                                                     "stopped, the rest as set.")
    curve: PowerCurve


def power_api(values: Mapping[str, Any], result: PowerResult) -> dict:
    return {
        "goals": GOALS,
        "plans": {"act_now": result.act, "openly": result.open, "secretly": result.secret},
        "unwatched": result.unwatched,
        "curve": {"extra": [int(v) for v in result.curve_extra],
                  "gather": [float(v) for v in result.curve_gather],
                  "secretly": [float(v) for v in result.curve_secret]},
    }
