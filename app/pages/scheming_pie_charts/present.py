"""Presenters for the scheming pie-chart model: pure functions of a PieResult."""
from __future__ import annotations

from typing import Any, Literal, Mapping

from pydantic import BaseModel, Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse

from .model import STAGES, TYPES, PieResult

# Every slice and band also carries a text label and a pattern; the text colour on each is
# chosen for >= 4.5:1 contrast against it.
COLORS = {"green": kit.GREEN, "red": kit.VERMILION, "blue": kit.BLUE}
TEXT_ON = {"green": kit.BLACK, "red": kit.BLACK, "blue": kit.WHITE}
SHORT = {"green": "Stays nice", "red": "Treacherous", "blue": "Incoherent"}
PATTERN = {"green": kit.SOLID, "red": kit.HATCH, "blue": kit.DOTS}
LONG = {
    "green": "Stays nice (green)",
    "red": "Nice until a treacherous turn (red)",
    "blue": "Incoherent or grumpy (blue)",
}
LEGEND = tuple((LONG[t], COLORS[t], PATTERN[t]) for t in TYPES)


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


def per_100(result: PieResult, stage: str) -> str:
    ratio = result.red_per_green(stage)
    if ratio is None:
        return "none (no green)"
    return f"{100.0 * ratio:.3g}" if 100.0 * ratio < 999.5 else f"{100.0 * ratio:,.0f}"


def pie_figure(result: PieResult, index: int) -> dict:
    """One stage's pie. Each pie is its own small figure, so an update redraws only the pies
    whose numbers changed (Plotly.react skips an unchanged figure)."""
    label = stage_labels(result)[index]
    shares = result.stages[index]
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
            "texttemplate": ["%{percent:.1%}" if v > 0 else "" for v in shares],   # no label on an empty slice
            # Inside when it fits, outside with a leader line when not: every slice is labelled.
            # automargin would cost a second layout pass per update; the margins leave room.
            "textposition": "auto",
            "insidetextorientation": "horizontal",
            "insidetextfont": {"color": [TEXT_ON[t] for t in TYPES], "size": 13},
            "outsidetextfont": {"color": kit.INK, "size": 13},
            "automargin": False,
            "hovertemplate": "%{label}: %{percent:.1%}<extra></extra>",
            "domain": {"x": [0, 1], "y": [0, 1]},
            "showlegend": False,
        }],
        "layout": kit.layout(
            font_size=14,
            margin={"t": 26, "b": 44, "l": 44, "r": 44},
            annotations=[{
                "text": f"{index + 1}. {PIE_TITLE.get(label, label)}", "x": 0.5, "y": 0, "xref": "paper", "yref": "container",
                "showarrow": False, "xanchor": "center", "yanchor": "bottom",
                "font": {"size": 15, "weight": "bold"},
            }],
            showlegend=False,
        ),
    }


def path_figure(result: PieResult) -> dict:
    """Stacked shares along training: RLHF from 0 to 1, then RLVR from 1 to 2."""
    labels = stage_labels(result)
    x = [round(float(v), 4) for v in result.path_x]
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
            "hovertemplate": SHORT[t] + ": %{y:.1%}<extra></extra>",
        })
    # Label each band at its middle on the right edge, so the chart reads without colour.
    annotations = []
    end = result.path[-1]
    lower = 0.0
    for j, t in enumerate(TYPES):
        share = float(end[j])
        if share >= 0.04:
            annotations.append({
                "x": 2.0, "y": lower + share / 2, "xref": "x", "yref": "y", "xanchor": "right",
                "text": f"{SHORT[t]} {pct(share)}", "showarrow": False,
                "font": {"color": TEXT_ON[t], "size": 13},
            })
        lower += share
    for xpos, text in ((0.5, "RLHF selects<br>what looks nice"), (1.5, "RLVR selects<br>what succeeds")):
        annotations.append({"x": xpos, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            "text": text, "showarrow": False, "font": {"size": 13}})
    return {
        "data": data,
        "layout": kit.layout(
            font_size=14,
            margin={"t": 44, "b": 52, "l": 56, "r": 44},
            showlegend=False,
            hovermode="x unified",
            xaxis=kit.axis("training →", range=[0, 2], tickvals=[0, 1, 2], ticktext=list(labels),
                           ticklabelstandoff=6),
            yaxis=kit.axis("share of behaviour", range=[0, 1], tickformat=".0%"),
            shapes=[{"type": "line", "x0": 1, "x1": 1, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                     "line": {"color": kit.INK, "width": 1, "dash": "dot"}}],
            annotations=annotations,
        ),
    }


def pies_summary(result: PieResult) -> str:
    labels = stage_labels(result)
    parts = []
    for label, stage in zip(labels, STAGES):
        parts.append(
            f"{label}: {pct(result.share(stage, 'green'))} stays nice, "
            f"{pct(result.share(stage, 'red'))} treacherous, {pct(result.share(stage, 'blue'))} incoherent."
        )
    ratios = " → ".join(per_100(result, s) for s in STAGES)
    parts.append(f"Treacherous behaviour per 100 units of stays-nice behaviour: {ratios}.")
    return " ".join(parts)


def pies_table(result: PieResult) -> Table:
    rows = tuple(
        (label, *(pct(result.share(stage, t)) for t in TYPES), per_100(result, stage))
        for label, stage in zip(stage_labels(result), STAGES)
    )
    return Table(
        caption="Share of learned behaviour at each stage of training",
        columns=("Stage", LONG["green"], LONG["red"], LONG["blue"], "Red per 100 green"),
        rows=rows,
    )


# --------------------------------------------------------------------------- claims
# Each is worded from, or chosen by, the numbers the page shows (per_100, pct), so it is true at
# every setting; the folder's test_claims.py checks them against the numbers independently.

def _compare(before: str, after: str, raw_before: float | None, raw_after: float | None) -> str:
    if before == after:
        return "left it unchanged"
    return f"{'lowered' if raw_after < raw_before else 'raised'} it from {before} to {after}"


def ratio_sentence(result: PieResult) -> str:
    shown = [per_100(result, s) for s in STAGES]
    raw = [result.red_per_green(s) for s in STAGES]
    missing = [label for label, r in zip(("at the start", "after RLHF", "after RLVR"), raw) if r is None]
    if missing:
        where = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
        return f"There is no green {where}, so there is no ratio to compare there."
    return (f"So RLHF {_compare(shown[0], shown[1], raw[0], raw[1])}, and RLVR "
            f"{_compare(shown[1], shown[2], raw[1], raw[2])}. The sections below explain why.")


def looks_nice_sentence(result: PieResult) -> str:
    green, red = result.share("after RLHF", "green"), result.share("after RLHF", "red")
    missed = min(1.0, float(result.traits.looks_nice[1]))     # the share of red that raters cannot tell from green
    looks = green + red * missed
    which = ("green and red together" if missed == 1.0 else
             "green, and none of the red, which raters catch" if missed == 0.0 else
             f"green, and the {pct(missed)} of red that raters miss")
    tail = ("which is why the model “seems nice”" if looks >= 0.5
            else "so at these settings the model does not even seem nice")
    return f"After this stage {pct(green)} of behaviour is green, and {pct(looks)} looks nice to a rater ({which}), {tail}."


def trade_sentence(result: PieResult) -> str:
    c1, c2 = pct(result.competence("after RLHF")), pct(result.competence("after RLVR"))
    r1, r2 = per_100(result, "after RLHF"), per_100(result, "after RLVR")
    up = result.competence("after RLVR") > result.competence("after RLHF")
    bought = ("left competence where it was" if c1 == c2
              else f"{'raised' if up else 'lowered'} competence (the share of behaviour that gets tasks done, "
                   f"honestly or not) from {c1} to {c2}")
    if result.red_per_green("after RLVR") is None or result.red_per_green("after RLHF") is None:
        price = "with no green left to compare red against" if result.red_per_green("after RLVR") is None else ""
        return f"Here RLVR {bought}{', ' + price if price else ''}."
    paid = ("and red per 100 green stayed at " + r1 if r1 == r2
            else f"and {'raised' if result.red_per_green('after RLVR') > result.red_per_green('after RLHF') else 'lowered'} "
                 f"red per 100 green from {r1} to {r2}")
    return f"Here RLVR {bought}, {paid}."


PIES_CLAIMS = (
    Claim("ratios", ratio_sentence),
    Claim("looks_nice", looks_nice_sentence),
    Claim("trade", trade_sentence),
)


def pies_live(result: PieResult) -> dict[str, str]:
    """Named numbers the prose quotes as [[live:name]]."""
    out: dict[str, str] = {}
    for key, stage in zip(("pre", "rlhf", "rlvr"), STAGES):
        for t in TYPES:
            out[f"{key}_{t}"] = pct(result.share(stage, t))
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
