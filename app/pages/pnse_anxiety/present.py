"""Presenters for the PNSE-and-anxiety page: pure functions of the two models' results."""
from __future__ import annotations

from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct, signed

from .model import DT, LEVELS, STEPS, Loops, Tradeoff


# --- Loops ---------------------------------------------------------------------------------------------

EVERY = 5
TIMES = [round(i * EVERY * DT, 1) for i in range(STEPS // EVERY + 1)]


def timeline_figure(r: Loops) -> dict:
    worry_name = "“She may be ill”" if r.news == "ill" else "“She's fine”"
    lines = ((0, "Anxiety (brainstem)", kit.VERMILION, "solid", 4), (2, worry_name, kit.BLUE, "dash", 2.5),
             (4, "Active Self link", kit.GREEN, "dot", 2.5))
    data = [{"type": "scatter", "mode": "lines", "name": name, "x": TIMES, "y": list(r.trace[i]),
             "line": {"color": colour, "dash": dash, "width": width},
             "hovertemplate": "time %{x}: %{y:.2f}<extra>" + name + "</extra>"} for i, name, colour, dash, width in lines]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 120, "l": 56, "r": 12}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("time", range=[0, TIMES[-1]], tickvals=[10, 20, 30, 40]),
        yaxis=kit.axis("activity", range=[0, 1.05], tickvals=[0.25, 0.5, 0.75, 1]))}


def object_name(r: Loops) -> str:
    return "(a) a reason to worry" if r.news == "ill" else "(b) the reason gone"


def self_name(r: Loops) -> str:
    return "(c) through the Active Self" if r.model == "conventional" else "(d) PNSE: no bridge"


def gains_figure(r: Loops) -> dict:
    names = ["Object-level", "Self-reflective", "Combined"]
    values = [r.object_loop, r.self_loop, r.combined]
    data = [{"type": "bar", "orientation": "h", "y": names, "x": values, "name": "Loop gain",
             "text": [signed(v) for v in values], "textposition": "outside", "cliponaxis": False,
             "marker": {"color": [kit.GREEN if v >= 0 else kit.VERMILION for v in values],
                        "pattern": {"shape": ["" if v >= 0 else "/" for v in values], "fgcolor": kit.WHITE,
                                    "fgopacity": 0.5}},
             "hovertemplate": "%{y} loop: gain %{x:+.2f}<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 56, "l": 110, "r": 24}, showlegend=False, bargap=0.35,
        shapes=[{"type": "line", "x0": 1, "x1": 1, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.INK, "width": 2, "dash": "dot"}}],
        yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(names)), ticklabelstandoff=6),
        xaxis=kit.axis("loop gain", range=[-4.6, 5.8], tickvals=[-2, 0, 1, 2, 4],
                       zeroline=True, zerolinecolor=kit.INK))}


def outcome_sentence(r: Loops) -> str:
    thought = "“she may be ill”" if r.news == "ill" else "“she's fine”"
    if r.object_loop == 0:
        obj = f"the object-level loop, {thought}, carries nothing (gain 0.00)"
    elif r.news == "ill":
        obj = f"the object-level loop, {thought}, is excitatory with gain {r.object_loop:.2f}"
    else:
        obj = f"the object-level loop, {thought}, is inhibitory with gain {signed(r.object_loop)}"
    slf = (f"the loop through the Active Self has gain {r.self_loop:.2f}" if r.model == "conventional"
           else "the loop through the self is open, because in PNSE the bridge is gone")
    compare = "at least 1" if r.combined >= 1 else "below 1"
    if r.persists:
        end = "Anxiety persists: at the end it is still at " + pct(r.left) + " of its peak and not falling."
    else:
        end = ("Anxiety winds down: at the end it is " + (f"down to {pct(r.left)} of its peak." if r.left >= 0.005
                                                          else "gone."))
    return f"{end} Here {obj}, and {slf}; combined, {r.combined:.2f}, {compare}."


def why_sentence(r: Loops) -> str:
    if r.model == "pnse":
        if r.persists:
            return ("Even without the bridge, anxiety stays: brainstorming has found an object-level loop like (a) "
                    "strong enough to keep it going on its own, the exception Byrnes notes.")
        return ("With the bridge gone, noticing the anxiety leads nowhere near the body, so there is no “anxious "
                "about being anxious” loop, as in (d); " + ("and the worry alone is too weak to hold it." if r.news == "ill"
                                                           else "and the good news pulls it down further."))
    if r.persists and r.news == "fine":
        against = f"even against the good news ({signed(r.object_loop)})" if r.object_loop < 0 else "on its own"
        return (f"The loop through the Active Self ({r.self_loop:.2f}) holds the anxiety up {against}: feeling "
                f"anxious about feeling anxious, as in (c), wins.")
    if r.persists and r.object_loop < 1:
        return (f"Feeling anxious about feeling anxious keeps it going: the object-level loop alone ({signed(r.object_loop)}) "
                f"would not, but together with the loop through the Active Self it reaches {r.combined:.2f}, as in (c).")
    if r.persists:
        extra = "; the self-reflective loop adds to it" if r.self_loop > 0 else ""
        return f"The reason to worry is enough on its own (gain {r.object_loop:.2f}), as in (a){extra}."
    if r.self_loop >= 1:
        return (f"The loop through the Active Self would hold the anxiety on its own ({r.self_loop:.2f}), but the good "
                f"news ({signed(r.object_loop)}) brings the combined gain down to {r.combined:.2f}, below 1, so it winds down.")
    return "Neither loop, nor the two together, reaches 1, so nothing holds the anxiety up."


def loops_summary(r: Loops) -> str:
    return (f"Loop gains: object-level {signed(r.object_loop)}, self-reflective {signed(r.self_loop)}, combined "
            f"{signed(r.combined)}; anxiety {'persists' if r.persists else 'winds down'} ({pct(r.left)} of its peak at the end).")


def loops_table(r: Loops) -> Table:
    rows = tuple((f"{TIMES[i]:g}", f"{r.trace[0][i]:.2f}", f"{r.trace[1][i]:.2f}", f"{r.trace[2][i]:.2f}",
                  f"{r.trace[3][i]:.2f}", f"{r.trace[4][i]:.2f}") for i in range(0, len(TIMES), 10))
    return Table("Each part's activity every 5 time units after the email",
                 ("Time", "Anxiety", "Feeling", "Object-level concept", "S(feeling of anxiety)", "Active Self link"), rows)


def loops_live(r: Loops) -> dict[str, str]:
    return {"combined": f"{r.combined:.2f}", "fate": "persists" if r.persists else "winds down"}


def loops_panel(r: Loops, values: Mapping[str, Any]) -> dict[str, Any]:
    lit = ("a" if r.news == "ill" else "b", "c" if r.model == "conventional" else "d")
    gains = {"a": f"gain {abs(r.object_loop):.2f}" if r.news == "ill" else "", "b": f"gain {signed(r.object_loop)}" if r.news == "fine" else "",
             "c": f"gain {r.self_loop:.2f}" if r.model == "conventional" else "", "d": "loop open" if r.model == "pnse" else ""}
    return {"lit": lit, "gains": gains, "persists": r.persists,
            "caption": (f"Byrnes's four panels, our drawing; lit: {object_name(r)} and {self_name(r)}. Combined loop "
                        f"gain {r.combined:.2f}: anxiety {'persists' if r.persists else 'winds down'}.")}


class LoopsResponse(WidgetResponse):
    object_loop: float = Field(description="Signed gain round anxiety -> feeling -> object-level concept -> anxiety.")
    self_loop: float = Field(description="Gain round anxiety -> feeling -> S(feeling of anxiety) -> Active Self -> anxiety (0 in PNSE).")
    combined: float = Field(description="Their sum: anxiety keeps itself going when this is at least 1.")
    persists: bool = Field(description="Whether anxiety is still there at the end and not falling.")
    end_share: float = Field(description="Anxiety at the end as a share of its peak.")
    anxiety: list[float] = Field(description="Anxiety every 0.5 time units.")
    claims: dict[str, str]


def loops_api(values: Mapping[str, Any], r: Loops) -> dict:
    return {"object_loop": r.object_loop, "self_loop": r.self_loop, "combined": r.combined,
            "persists": r.persists, "end_share": round(r.left, 4), "anxiety": list(r.trace[0]),
            "claims": {c.id: c.say(r) for c in LOOPS_CLAIMS}}


LOOPS_CLAIMS = (Claim("outcome", outcome_sentence), Claim("why", why_sentence))

# --- How much anxiety ----------------------------------------------------------------------------------


def _pts(x: float) -> str:
    if 0 < x < 9.95:
        text = f"{x:.1f}".rstrip("0").rstrip(".")
        return f"{text} point" + ("" if text == "1" else "s")
    return "1 point" if f"{x:.0f}" == "1" else f"{x:.0f} points"


def cost_figure(t: Tradeoff) -> dict:
    x = list(LEVELS)
    lines = (("Total", t.total, kit.INK, "solid", 4), ("Problems ignored", t.ignored_cost, kit.VERMILION, "dash", 2.5),
             ("Anxiety itself", t.anxiety_cost, kit.BLUE, "dot", 2.5))
    data = [{"type": "scatter", "mode": "lines", "name": name, "x": x, "y": list(y),
             "line": {"color": colour, "dash": dash, "width": width},
             "hovertemplate": "level %{x:.2f}: %{y:.0f} points<extra>" + name + "</extra>"} for name, y, colour, dash, width in lines]
    i, b = t.at(t.level), t.at(t.best)
    data.append({"type": "scatter", "mode": "markers", "name": "Least cost", "x": [t.best], "y": [t.total[b]],
                 "marker": {"color": kit.GREEN, "size": 14, "symbol": "star", "line": {"color": kit.INK, "width": 1}},
                 "hovertemplate": "least total cost at %{x:.2f}<extra></extra>"})
    data.append({"type": "scatter", "mode": "markers", "name": "Your level", "x": [t.level], "y": [t.total[i]],
                 "marker": {"color": kit.INK, "size": 11, "symbol": "diamond"},
                 "hovertemplate": "your level %{x:.2f}: %{y:.0f} points<extra></extra>"})
    top = max(max(t.total), 1.0) * 1.08
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 170, "l": 60, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("anxiety level", range=[-0.02, 1.02], tickvals=[0.25, 0.5, 0.75, 1]),
        yaxis=kit.axis("cost a year", range=[0, top], rangemode="tozero"))}


def year_figure(t: Tradeoff) -> dict:
    done = [d for d, h in zip(t.arrivals, t.handled) if h]
    missed = [d for d, h in zip(t.arrivals, t.handled) if not h]
    data = [{"type": "scatter", "mode": "markers", "name": "Dealt with", "x": done, "y": ["dealt with"] * len(done),
             "marker": {"color": kit.BLUE, "size": 10, "symbol": "circle"},
             "hovertemplate": "day %{x}: dealt with<extra></extra>"},
            {"type": "scatter", "mode": "markers", "name": "Ignored", "x": missed, "y": ["ignored"] * len(missed),
             "marker": {"color": kit.VERMILION, "size": 11, "symbol": "x"},
             "hovertemplate": "day %{x}: ignored, and it bit<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 56, "l": 90, "r": 14}, showlegend=False,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=["ignored", "dealt with"], range=[-0.6, 1.6],
                       ticklabelstandoff=6),
        xaxis=kit.axis("day of the year", range=[0, 365], tickvals=[100, 200, 300]))}


def best_sentence(t: Tradeoff) -> str:
    b = t.at(t.best)
    if max(t.total) == 0:
        return "Nothing costs anything at these settings, so every level ties at 0 points a year."
    tie = (f" (every level from there up to {LEVELS[b + t.ties - 1]:.2f} ties)" if t.ties > 1 else "")
    if t.best == 0:
        return (f"At these settings the least average cost a year, {_pts(t.total[b])}, comes with no anxiety at "
                f"all{tie}: looming problems cost too little, or anxiety too much, for the attention to pay.")
    why = ("the attention it buys catches enough looming problems to pay for the discomfort" if t.discomfort > 0 else
           "anxiety costs nothing here, so only the problems it catches count")
    return (f"At these settings the least average cost a year, {_pts(t.total[b])}, comes at an anxiety level of "
            f"{t.best:.2f}{tie}, more than zero: {why}.")


def _count(n: float, word: str) -> str:
    text = f"{n:.1f}".rstrip("0").rstrip(".")
    return f"{text} {word}" + ("" if text == "1" else "s")


def yours_sentence(t: Tradeoff) -> str:
    i, b = t.at(t.level), t.at(t.best)
    brought, caught = round(t.per_year, 1), round(t.caught, 1)
    head = (f"At your level, {t.level:.2f}, a year brings {_count(brought, 'looming problem')} on average; "
            f"{caught:.1f} get dealt with and {brought - caught:.1f} are ignored, costing "
            f"{_pts(t.ignored_cost[i])}, and the anxiety itself costs {_pts(t.anxiety_cost[i])}.")
    gap = t.total[i] - t.total[b]
    if gap < 0.5:
        return head + " That is as low a total as any level reaches, to the nearest point."
    side = ("too little anxiety lets problems slip by" if t.level < t.best else
            "the extra anxiety costs more than it catches")
    return head + f" The total, {_pts(t.total[i])}, is {_pts(gap)} above the best; {side}."


HOWMUCH_CLAIMS = (Claim("best", best_sentence), Claim("yours", yours_sentence))


def howmuch_summary(t: Tradeoff) -> str:
    i = t.at(t.level)
    return (f"Least average cost a year at anxiety level {t.best:.2f}; at your level, {t.level:.2f}, the total is "
            f"{_pts(t.total[i])} ({t.caught:.1f} of {t.per_year:.1f} problems a year dealt with).")


def howmuch_table(t: Tradeoff) -> Table:
    rows = tuple((f"{lv:.2f}", f"{t.ignored_cost[k]:.0f}", f"{t.anxiety_cost[k]:.0f}", f"{t.total[k]:.0f}")
                 for k, lv in enumerate(LEVELS) if k % 2 == 0)
    return Table("The average cost of a year at each anxiety level: problems ignored, anxiety itself, and the total (points)",
                 ("Anxiety level", "Problems ignored", "Anxiety itself", "Total"), rows)


def howmuch_live(t: Tradeoff) -> dict[str, str]:
    return {"best": f"{t.best:.2f}"}


class HowmuchResponse(WidgetResponse):
    levels: list[float]
    total: list[float] = Field(description="The year's total cost at each anxiety level.")
    ignored_cost: list[float] = Field(description="Cost of the problems ignored, at each level.")
    anxiety_cost: list[float] = Field(description="Cost of the anxiety itself, at each level.")
    best: float = Field(description="The anxiety level with the least total cost.")
    problems: float = Field(description="Looming problems a year, on average.")
    dealt_with: float = Field(description="Of those, how many get dealt with at the reader's level, on average.")
    claims: dict[str, str]


def howmuch_api(values: Mapping[str, Any], t: Tradeoff) -> dict:
    return {"levels": list(LEVELS), "total": list(t.total), "ignored_cost": list(t.ignored_cost),
            "anxiety_cost": list(t.anxiety_cost), "best": t.best, "problems": t.per_year,
            "dealt_with": t.caught, "claims": {c.id: c.say(t) for c in HOWMUCH_CLAIMS}}
