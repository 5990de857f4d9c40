"""Presenters for the valence-disorders page: pure functions of the model's result."""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct

from .model import IDS, MOMENTS, NAMES, Day

SHORT = {"task": "Task", "friend": "Friend", "plan": "Plan", "colleague": "Colleague", "self": "Self",
         "snack": "Snack", "itch": "Itch"}
BINS = [round(-4.5 + 0.5 * i, 2) for i in range(19)]       # edges from -4.5 to 4.5


def hours(moments: float) -> str:
    return f"{moments / 60:.1f}".rstrip("0").rstrip(".") + " hours"


def day_length() -> str:
    return f"{MOMENTS // 60}-hour"


def histogram_figure(d: Day) -> dict:
    v = np.clip(np.array(d.valences), -4.49, 4.49)
    counts, _ = np.histogram(v, bins=BINS)
    mids = [(a + b) / 2 for a, b in zip(BINS, BINS[1:])]
    share = (counts / len(v)).round(4).tolist()
    data = [{"type": "bar", "name": "Thrown out (negative)", "x": [m for m in mids if m < 0],
             "y": [s for m, s in zip(mids, share) if m < 0], "width": 0.45,
             "marker": {"color": kit.VERMILION, "pattern": kit.pattern("/", kit.VERMILION)},
             "hovertemplate": "valence %{x}: %{y:.0%} of thoughts<extra></extra>"},
            {"type": "bar", "name": "Kept (positive)", "x": [m for m in mids if m > 0],
             "y": [s for m, s in zip(mids, share) if m > 0], "width": 0.45,
             "marker": {"color": kit.BLUE, "pattern": kit.pattern("", kit.BLUE)},
             "hovertemplate": "valence %{x}: %{y:.0%} of thoughts<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True, bargap=0,
        shapes=[{"type": "line", "x0": 0, "x1": 0, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.INK, "width": 2, "dash": "dot"}}],
        xaxis=kit.axis("valence of the thought", range=[-4.6, 4.6], dtick=1, ticklabelstandoff=6),
        yaxis=kit.axis("share of thoughts", tickformat=".0%", range=[0, 0.62]))}


def acted_figure(d: Day) -> dict:
    order = list(reversed(IDS))                      # top to bottom in the order of the table
    data = [{"type": "bar", "orientation": "h", "name": "Acted on", "y": [SHORT[k] for k in order],
             "x": [round(d.acted_share(k), 4) for k in order],
             "text": [pct(d.acted_share(k)) for k in order], "textposition": "outside", "cliponaxis": False,
             "marker": {"color": kit.BLUE, "pattern": kit.pattern("", kit.BLUE)},
             "customdata": [NAMES[k] for k in order],
             "hovertemplate": "%{customdata}: acted on %{x:.0%} of the times it came up<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 56, "l": 90, "r": 24}, showlegend=False, bargap=0.3,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=[SHORT[k] for k in order], ticklabelstandoff=6),
        xaxis=kit.axis("acted on", tickformat=".0%", range=[0, 1.18], dtick=0.25))}


def signs(d: Day) -> tuple[float, float]:
    """Shares of the day's thoughts with negative and with positive valence."""
    v = np.array(d.valences)
    return float(np.mean(v < 0)), float(np.mean(v > 0))


def pattern(d: Day) -> str:
    """Which of the three patterns the day's thoughts show, by Byrnes's descriptions turned into our
    thresholds: 'extremes' (rarely in between, and both good and bad common), 'negative' (almost every
    thought negative), 'positive' (almost every thought positive), or 'none'."""
    negative, positive = signs(d)
    if d.neutral < 0.05 and min(negative, positive) >= 0.15:
        return "extremes"
    if negative >= 0.8:
        return "negative"
    if positive >= 0.9:
        return "positive"
    return "none"


def day_sentence(d: Day) -> str:
    negative, positive = signs(d)
    head = (f"Over a simulated {day_length()} waking day, {d.acted_total} thoughts were acted on and nothing was "
            f"under way for {hours(d.idle * MOMENTS)}; while idle, the mind threw out {d.rerolls} thoughts, and "
            f"{d.switches} activities were interrupted by a better-feeling thought.")
    kind = pattern(d)
    toy = " (a toy pattern, not a diagnosis)"
    if kind == "negative":
        if d.acted_total == 0:
            return head + (f" {pct(negative).capitalize()} of thoughts have negative valence, and here that is all of "
                           f"them that matter: not even scratching an itchy bite gets through. This is the toy version "
                           f"of the pattern Byrnes compares to depression{toy}.")
        best = max(IDS, key=d.acted_share)
        return head + (f" {pct(negative).capitalize()} of thoughts have negative valence, so starting anything is "
                       f"hard: what still gets through is what appeals most ({NAMES[best].lower()}, acted on "
                       f"{pct(d.acted_share(best))} of the times it came up, against {pct(d.acted_share('task'))} for "
                       f"getting up to start a task). This is the toy version of the pattern Byrnes compares to "
                       f"depression{toy}.")
    if kind == "positive":
        return head + (f" {pct(positive)} of thoughts have positive valence, so almost nothing is thrown out and the "
                       f"mind is nearly always busy, with better-feeling ideas breaking in. This is the toy version of "
                       f"the pattern Byrnes compares to mania{toy}.")
    if kind == "extremes":
        return head + (f" Hardly any thought is mildly good or mildly bad ({pct(d.neutral)} near neutral), yet both "
                       f"kinds are common: when a thought about a colleague or about oneself flips from good to bad or "
                       f"back, it jumps by {d.swing:.1f} on average. The same person idealised and then devalued: this "
                       f"is the toy version of the pattern Byrnes compares to narcissistic personality disorder{toy}.")
    return head + " None of the three patterns shows at these settings."


DAY_CLAIMS = (Claim("day", day_sentence),)


def day_summary(d: Day) -> str:
    return (f"Idle {hours(d.idle * MOMENTS)} of {hours(MOMENTS)}; {d.rerolls} thoughts thrown out while idle; "
            f"{d.switches} interruptions; {pct(d.neutral)} of thoughts near neutral.")


def day_table(d: Day) -> Table:
    rows = tuple((NAMES[k], str(d.offered[k]), str(d.acted[k]), pct(d.acted_share(k))) for k in IDS)
    return Table("Each kind of thought over the simulated day: how often it came up and how often it was acted on",
                 ("Thought", "Came up", "Acted on", "Share acted on"), rows)


def day_live(d: Day) -> dict[str, str]:
    return {"idle": hours(d.idle * MOMENTS), "rerolls": str(d.rerolls), "switches": str(d.switches)}


LIT = {"negative": "stuck", "positive": "racing", "extremes": "split", "none": ""}


def panel(d: Day, values: Mapping[str, Any]) -> dict[str, Any]:
    kind = pattern(d)
    shift = ("shifted down" if d.offset < -0.5 else "shifted up" if d.offset > 0.5 else "centred")
    shape = ("extremised" if d.extremise >= 0.5 else "no spread" if d.spread == 0 else
             "wide spread" if d.spread >= 1.5 else "usual spread")
    return {"lit": LIT[kind], "shift": shift, "shape": shape,
            "caption": (f"Root causes lead to a change in valence ({shift}, {shape}); thick arrows lead from valence "
                        f"to clusters of symptoms. At these settings the lit cluster is: "
                        + {"negative": "hard to start anything", "positive": "racing from idea to idea",
                           "extremes": "all-or-nothing judgements", "none": "none"}[kind] + ".")}


class DayResponse(WidgetResponse):
    idle_share: float = Field(description="Share of the day with nothing under way.")
    rerolls: int = Field(description="Thoughts thrown out while nothing was under way.")
    switches: int = Field(description="Activities interrupted by a better-feeling thought.")
    neutral_share: float = Field(description="Share of thoughts with valence between -0.5 and +0.5.")
    swing: float = Field(description="Mean jump in valence when a thought about a person flips sign.")
    acted_share: dict[str, float] = Field(description="Per kind of thought: share of the times it came up that it was acted on.")
    acted_total: int = Field(description="Thoughts acted on over the day.")
    pattern: str = Field(description="'negative', 'positive', 'extremes' or 'none': which pattern the day's thoughts show.")


def day_api(values: Mapping[str, Any], d: Day) -> dict:
    return {"idle_share": d.idle, "rerolls": d.rerolls, "switches": d.switches,
            "neutral_share": d.neutral, "swing": d.swing, "acted_share": {k: d.acted_share(k) for k in IDS},
            "acted_total": d.acted_total,
            "pattern": pattern(d)}
