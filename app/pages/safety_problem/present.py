"""Presenters for the safety-problem page: figures, sentences, tables and API answers, all pure
functions of the models' results."""
from __future__ import annotations

import math
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct, upper_first

from .model import (BETA, DAMAGE, DESIGNS, READY_SWEEP, STRENGTH_SWEEP, TRIP, Chain, Plan, Rods)


def seconds(s: float) -> str:
    """A duration in words: '0.2 s', '49 s', '3.2 minutes'."""
    s = abs(s)
    if s < 0.1:
        return f"{s * 1000:.0f} ms"
    if s < 10:
        return f"{s:.1f} s"
    if s < 120:
        return f"{s:.0f} s"
    return f"{s / 60:.1f} minutes"


def dollars(x: float) -> str:
    return f"{x:g} dollar" + ("" if x == 1 else "s")


def k_text(k: float) -> str:
    """k to as many decimals as the slider moves (at least three): 1.001, 1.0005, 0.980."""
    text = f"{k:.4f}"
    return text[:-1] if text.endswith("0") else text


def when(ready: float) -> str:
    if ready == 0:
        return "at the moment of the first chain reaction"
    return f"{seconds(ready)} {'before' if ready < 0 else 'after'} the first chain reaction"


# ------------------------------------------------------------------------------ the knife-edge

CHAIN_Y = (-3.0, 9.0)     # log10 of the population shown


def clip_log(values) -> list[float | None]:
    out = []
    for v in values:
        v = float(v)
        out.append(round(min(max(v, 10 ** CHAIN_Y[0]), 10 ** CHAIN_Y[1]), 6) if math.isfinite(v) else 10 ** CHAIN_Y[1])
    return out


def chain_figure(r: Chain) -> dict:
    x = [round(float(t), 2) for t in r.times]
    style = {"with": ("With delayed neutrons (real fuel)", kit.BLUE, "solid"),
             "without": ("If every neutron were prompt", kit.VERMILION, "dash")}
    shown = "with" if r.delayed else "without"
    lines = [{"type": "scatter", "mode": "lines", "name": name, "x": x, "y": clip_log(r.population[k]),
              "line": {"color": colour, "dash": dash, "width": 4 if k == shown else 2},
              "opacity": 1 if k == shown else 0.6,
              "hovertemplate": name + ": %{y:.3g}<extra>%{x} s</extra>"}
             for k, (name, colour, dash) in style.items()]
    return {"data": lines, "layout": kit.layout(
        margin={"t": 16, "b": 96, "l": 84, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        shapes=[{"type": "line", "x0": 0, "x1": x[-1], "y0": 1, "y1": 1, "xref": "x", "yref": "y",
                 "line": {"color": kit.INK, "dash": "dot", "width": 1.5}}],
        xaxis=kit.axis("seconds", range=[0, x[-1]], ticklabelstandoff=6),
        yaxis=kit.axis("neutrons, relative to the start", type="log", range=[CHAIN_Y[0] - 0.6, CHAIN_Y[1] + 0.3],
                       tickvals=[1e-3, 1, 1e3, 1e6, 1e9], ticktext=["0.001", "1", "1,000", "1 million", "1 billion"]))}


def fate_sentence(r: Chain) -> str:
    k = f"k = {k_text(r.k)}"
    other = "if every neutron were prompt" if r.delayed else "with the delayed neutrons real fuel has"
    alt = (r.k - 1) / 1e-3 if r.delayed else None
    if r.rate == 0:
        return f"At {k} each generation exactly replaces the last: the population holds steady, with or without delayed neutrons."
    if r.rate < 0:
        return (f"At {k} the chain reaction dies away: the population halves every {seconds(r.doubling)}"
                + (f" (every {seconds(math.log(2) / -alt)} {other})." if alt is not None else "."))
    if r.delayed and r.prompt_critical:
        return (f"At {k} the pile is prompt critical (reactivity {r.rho_dollars:.2f} times the delayed fraction): "
                f"prompt neutrons alone keep it growing, and even with delayed neutrons it doubles every "
                f"{seconds(r.doubling)}, too fast for any rod.")
    if r.delayed:
        pace = ("slow enough to control, because" if r.doubling >= 10 else
                "faster than rods could comfortably follow, yet still slowed by the fact that")
        return (f"At {k} the population doubles every {seconds(r.doubling)}: {pace} "
                f"{BETA:.2%} of neutrons arrive seconds late. If every neutron were prompt it would double every "
                f"{seconds(math.log(2) / alt)}.")
    return (f"At {k}, with every neutron prompt, the population doubles every {seconds(r.doubling)}: far too fast "
            f"to catch. Real fuel's delayed neutrons are what make a chain reaction controllable at all.")


CHAIN_CLAIMS = (Claim("fate", fate_sentence),)


def chain_summary(r: Chain) -> str:
    return fate_sentence(r)


def chain_table(r: Chain) -> Table:
    idx = [i for i in range(0, len(r.times), 24)]
    return Table("Neutron population, relative to the start, at selected times",
                 ("Seconds", "With delayed neutrons", "Every neutron prompt"),
                 tuple((f"{r.times[i]:.0f}", f"{r.population['with'][i]:.3g}", f"{r.population['without'][i]:.3g}")
                       for i in idx))


def chain_live(r: Chain) -> dict[str, str]:
    return {"dollars": f"{r.rho_dollars:.2f}",
            "doubling": "never" if r.rate <= 0 else seconds(r.doubling)}


class ChainResponse(WidgetResponse):
    reactivity_dollars: float = Field(description="(k - 1) / k divided by the delayed fraction 0.0065.")
    prompt_critical: bool
    growth_rate_per_s: float
    times_s: list[float]
    population: dict[str, list[float]] = Field(description="Relative to the start: 'with' and 'without' delayed neutrons (capped at 1e12).")


def chain_api(values: Mapping[str, Any], r: Chain) -> dict:
    return {"reactivity_dollars": r.rho_dollars, "prompt_critical": r.prompt_critical,
            "growth_rate_per_s": r.rate, "times_s": [float(t) for t in r.times],
            "population": {k: [min(float(v), 1e12) for v in a] for k, a in r.population.items()}}


# ---------------------------------------------------------------- control rods before the reaction

DESIGN_NAMES = {"none": "no fix", "rods": "control rods", "passive": "a passively safe design",
                "both": "control rods in a passively safe design"}
STRONGEST = {"rods": "the strongest control rods", "passive": "the strongest passively safe design",
             "both": "the strongest control rods in the strongest passively safe design"}
SHORT_NAMES = {"none": "No fix", "rods": "Rods", "passive": "Passive", "both": "Both"}
DESIGN_STYLE = {"none": (kit.GREY, "dot"), "rods": (kit.BLUE, "solid"), "passive": (kit.GREEN, "dash"),
                "both": (kit.PINK, "dashdot")}


def power_figure(r: Rods) -> dict:
    x = [float(t) for t in r.times[::2]]
    crews = {"compliant": ("Median careful crew", kit.BLUE, "solid"),
             "breaking": ("Median rule-breaking crew", kit.VERMILION, "dash")}
    data = [{"type": "scatter", "mode": "lines", "name": name, "x": x,
             "y": [round(float(v), 4) for v in r.typical[k][::2]],
             "line": {"color": colour, "dash": dash, "width": 3},
             "hovertemplate": name + ": %{y:.3g}<extra>%{x} s</extra>"} for k, (name, colour, dash) in crews.items()]
    marks = [(r.critical_at, "first chain reaction")]
    if r.design != "none":
        marks.append((r.critical_at + r.ready, "fix ready"))
    shapes = [{"type": "line", "x0": 0, "x1": x[-1], "y0": y, "y1": y, "xref": "x", "yref": "y",
               "line": {"color": kit.INK, "dash": "dot", "width": 1.5}} for y in (TRIP, DAMAGE)]
    notes = [{"x": x[-1], "y": math.log10(y), "xref": "x", "yref": "y", "xanchor": "right", "yanchor": "bottom",
              "showarrow": False, "text": label, "font": {"size": 13}}
             for y, label in ((TRIP, "trip level"), (DAMAGE, "damage: a runaway"))]
    for i, (t, label) in enumerate(marks):
        if 0 <= t <= x[-1]:
            shapes.append({"type": "line", "x0": t, "x1": t, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                           "line": {"color": kit.GREY, "dash": "dash" if i else "solid", "width": 1.5}})
            notes.append({"x": t, "y": 0.72 - 0.1 * i, "xref": "x", "yref": "paper", "yanchor": "top",
                          "xanchor": kit.anchor_inside(t, 0, x[-1]), "showarrow": False, "text": f" {label} ",
                          "bgcolor": kit.PAPER, "font": {"size": 13}})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 96, "l": 84, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        shapes=shapes, annotations=notes,
        xaxis=kit.axis("seconds from the start", range=[0, x[-1]], ticklabelstandoff=6),
        yaxis=kit.axis("power (source level = 1)", type="log", range=[-0.5, 6.6],
                       tickvals=[1, 100, 1e4, 1e6], ticktext=["1", "100", "10,000", "1 million"]))}


def early_figure(r: Rods) -> dict:
    xs = list(r.by_ready)
    line = {"type": "scatter", "mode": "lines+markers", "name": DESIGN_NAMES[r.design], "x": xs,
            "y": [round(v, 4) for v in r.by_ready.values()], "line": {"color": kit.BLUE, "width": 3},
            "marker": {"size": 7}, "hovertemplate": "ready at %{x} s: %{y:.0%} run away<extra></extra>"}
    here = {"type": "scatter", "mode": "markers", "name": "your setting", "x": [r.ready if r.design != "none" else None],
            "y": [round(r.runaway, 4)],
            "marker": {"size": 14, "symbol": "diamond", "color": kit.INK}, "showlegend": False,
            "hovertemplate": "your setting: %{y:.0%}<extra></extra>"}
    return {"data": [line, here], "layout": kit.layout(
        margin={"t": 16, "b": 56, "l": 56, "r": 14}, showlegend=False,
        shapes=[{"type": "line", "x0": 0, "x1": 0, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.GREY, "width": 1.5}}],
        annotations=[{"x": 0, "y": 1, "xref": "x", "yref": "paper", "xanchor": "left", "yanchor": "top",
                      "showarrow": False, "text": " first chain reaction", "font": {"size": 13}}],
        xaxis=kit.axis("fix ready (s after 1st reaction)", range=[xs[0] - 10, xs[-1] + 10], dtick=60,
                       ticklabelstandoff=6),
        yaxis=kit.axis("piles that run away", tickformat=".0%", range=[-0.06, 1.05]))}


def graded_figure(r: Rods) -> dict:
    data = []
    for d in DESIGNS:
        colour, dash = DESIGN_STYLE[d]
        data.append({"type": "scatter", "mode": "lines", "name": SHORT_NAMES[d],
                     "x": list(STRENGTH_SWEEP), "y": [round(v, 4) for v in r.by_strength[d].values()],
                     "line": {"color": colour, "dash": dash, "width": 4 if d == r.design else 2},
                     "hovertemplate": DESIGN_NAMES[d] + " at %{x} $: %{y:.0%}<extra></extra>"})
    data.append({"type": "scatter", "mode": "markers", "name": "your setting",
                 "x": [r.strength if r.design != "none" else None],
                 "y": [round(r.runaway, 4)], "marker": {"size": 14, "symbol": "diamond", "color": kit.INK},
                 "showlegend": False, "hovertemplate": "your setting: %{y:.0%}<extra></extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 120, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("strength of the fix ($)", range=[-0.1, STRENGTH_SWEEP[-1] + 0.05], ticklabelstandoff=6),
        yaxis=kit.axis("piles that run away", tickformat=".0%", range=[-0.06, 1.05]))}


def early_sentence(r: Rods) -> str:
    first, last = READY_SWEEP[0], READY_SWEEP[-1]
    early, late = r.by_ready[float(first)], r.by_ready[float(last)]
    if r.design == "none":
        return f"With no fix there is nothing to be early or late with: {pct(early)} of crews' piles run away whenever."
    head = (f"With {DESIGN_NAMES[r.design]} ready {when(first)}, {pct(early)} of crews' piles run away; "
            f"ready {when(last)}, {pct(late)}.")
    if pct(early) == pct(late):
        if early < 0.005:
            return head + " Here timing makes no difference: no pile runs away within the eight simulated minutes, fix or not."
        return head + " Here timing makes no difference: " + (
            "the fix changes nothing, early or late, and as many piles run away as with no fix at all."
            if pct(early) == pct(r.by_strength["none"][0.0])
            else "the reactions grow slowly enough that even the late fix arrives in time.")
    if late > early:
        still = max(t for t in READY_SWEEP if pct(r.by_ready[float(t)]) == pct(early))
        reach = ("" if still <= 0 else f" A fix ready up to {seconds(still)} after the first reaction still does as "
                                       f"well as an early one here; later than that, it loses the race.")
        rule = (" (A passive design has to be built in: by our rule, one that arrives after the first reaction "
                "protects nothing.)" if r.design == "passive" else "")
        return head + f" Being early prevents runaways that a late fix cannot: {pct(late - early)} of all crews." + reach + rule
    return head + " Here the later fix does better."


def graded_sentence(r: Rods) -> str:
    if r.design == "none":
        return (f"With no fix, {pct(r.runaway)} of crews' piles run away. Pick a design to see how much a fix "
                f"helps at each strength.")
    curve = list(r.by_strength[r.design].values())
    lo, hi = min(curve), max(curve)
    if pct(lo) == pct(hi):
        if r.design == "passive" and r.ready > 0:
            why = "a passive design that arrives after the first reaction protects nothing"
        elif r.design == "rods" and r.compliance == 0:
            why = "every crew disables the rods"
        elif hi < 0.005:
            why = "no pile runs away within the eight simulated minutes anyway"
        else:
            why = "at these settings it never decides whether a pile runs away"
        return (f"Here the strength of {DESIGN_NAMES[r.design]} makes no difference: {pct(lo)} of piles run away "
                f"at every strength, because {why}.")
    between = [v for v in curve if lo + 0.005 < v < hi - 0.005]
    mid = r.by_strength[r.design][1.0]
    text = (f"With {DESIGN_NAMES[r.design]}, the share of piles that run away goes from {pct(curve[0])} at no "
            f"strength, to {pct(mid)} at one dollar and {pct(curve[-1])} at three.")
    if between:
        return text + " The fix is graded, not all-or-nothing: each step of strength stops some runaways and not others."
    return text + " At these settings it works like a switch: it either stops a crew's runaway or it doesn't, at every strength."


def practice_sentence(r: Rods) -> str:
    if r.design == "none":
        if r.compliance == 1:
            return f"With no fix and every crew following procedure, {pct(r.runaway_compliant)} of piles run away."
        if r.compliance == 0:
            return f"With no fix and no crew following procedure, {pct(r.runaway_breaking)} of piles run away."
        return (f"With no fix, {pct(r.runaway_compliant)} of the piles of crews that follow procedure run away, and "
                f"{pct(r.runaway_breaking)} of the rest.")
    strongest = f"{STRONGEST[r.design]} the slider allows ({dollars(STRENGTH_SWEEP[-1])}), ready {when(READY_SWEEP[0])}"
    if r.compliance == 1:
        tail = (" Lower the share of crews that follow procedure to see what a perfect technical fix cannot do."
                if r.perfect_breaking > r.perfect_compliant else "")
        return f"With every crew following procedure and {strongest}, {pct(r.perfect)} of piles run away." + tail
    if r.perfect_breaking > r.perfect_compliant:
        if r.compliance == 0:
            return (f"Even with {strongest}, {pct(r.perfect)} of piles run away when no crew follows procedure. "
                    f"The technical fix cannot stop a crew that goes around it.")
        return (f"Even with {strongest}, {pct(r.perfect)} of piles run away when {pct(r.compliance)} of crews "
                f"follow procedure: {pct(r.perfect_breaking)} of the crews that break it, against "
                f"{pct(r.perfect_compliant)} of the rest. The technical fix cannot stop a crew that goes around it.")
    return (f"With {strongest}, even crews that break procedure are contained: their extra push of "
            f"{dollars(r.push)} stays within what the design absorbs, and no one can switch it off. "
            f"{pct(r.perfect)} of piles run away.")


RODS_CLAIMS = (Claim("early", early_sentence), Claim("graded", graded_sentence), Claim("practice", practice_sentence))


def rods_summary(r: Rods) -> str:
    fix = "no fix" if r.design == "none" else f"{DESIGN_NAMES[r.design]} at {dollars(r.strength)}, ready {when(r.ready)},"
    if r.compliance == 1:
        crews = "every crew following procedure"
    elif r.compliance == 0:
        crews = "no crew following procedure"
    else:
        crews = f"{pct(r.compliance)} of crews following procedure"
    split = ("" if r.compliance in (0, 1) else
             f": {pct(r.runaway_compliant)} of the crews that follow procedure and {pct(r.runaway_breaking)} of those "
             f"that break it")
    return f"With {fix} and {crews}, {pct(r.runaway)} of piles run away{split}."


def rods_table(r: Rods) -> Table:
    rows = [(f"Ready {when(t)}", pct(v)) for t, v in r.by_ready.items()]
    rows += [(f"{upper_first(DESIGN_NAMES[d])} at {dollars(s)}", pct(v))
             for d in DESIGNS[1:] for s, v in r.by_strength[d].items() if s in (0.5, 1.0, 2.0, 3.0)]
    return Table("Share of crews whose pile runs away, by when the fix is ready (this design and strength) and "
                 "by design and strength (ready as set)", ("Setting", "Piles that run away"), tuple(rows))


def rods_live(r: Rods) -> dict[str, str]:
    return {"runaway": pct(r.runaway), "critical_at": seconds(r.critical_at),
            "compliant": pct(r.runaway_compliant), "breaking": pct(r.runaway_breaking)}


def rods_panel(r: Rods, values: Mapping[str, Any]) -> dict[str, Any]:
    """The red and blue boxes, lit by this run: what the technical fix did, and what practice did."""
    careful, breaking = r.compliance * r.runaway_compliant, (1 - r.compliance) * r.runaway_breaking
    if r.compliance == 1:
        practice = "Every crew follows procedure."
    elif r.compliance == 0:
        practice = f"No crew follows procedure; {pct(r.runaway_breaking)} of their piles run away."
    else:
        practice = f"{pct(r.compliance)} of crews follow procedure; {pct(r.runaway_breaking)} of the rest run away."
    technical = ("No technical fix" if r.design == "none" else
                 f"{upper_first(DESIGN_NAMES[r.design])}, {dollars(r.strength)}, ready {when(r.ready)}")
    technical += ("." if r.compliance == 0 else f": {pct(r.runaway_compliant)} of careful crews' piles run away.")
    return {"notes": {"technical": technical, "practice": practice}, "lit": ("technical", "practice"),
            "caption": (f"The red box and the blue boxes at these settings: {pct(r.runaway)} of piles run away; careful "
                        f"crews make up {careful * 100:.0f} points of that and rule-breakers {breaking * 100:.0f}.")}


class RodsResponse(WidgetResponse):
    critical_at_s: float = Field(description="When the pile first goes critical.")
    runaway: float = Field(description="Share of all crews whose pile reaches the damage level within 8 minutes.")
    runaway_compliant: float
    runaway_breaking: float
    tripped_at_s: float | None = Field(description="When the median careful crew's rods dropped (null: never).")
    by_ready: dict[str, float] = Field(description="Ready time (s after the first reaction) -> share running away.")
    by_strength: dict[str, dict[str, float]] = Field(description="Design -> strength ($) -> share running away.")
    strongest_fix: dict[str, float] = Field(description="This design at 3 $, ready 2 minutes early: all, careful, breaking.")


def rods_api(values: Mapping[str, Any], r: Rods) -> dict:
    return {"critical_at_s": r.critical_at, "runaway": r.runaway,
            "runaway_compliant": r.runaway_compliant, "runaway_breaking": r.runaway_breaking,
            "tripped_at_s": r.tripped_at, "by_ready": {f"{k:g}": v for k, v in r.by_ready.items()},
            "by_strength": {d: {f"{s:g}": v for s, v in c.items()} for d, c in r.by_strength.items()},
            "strongest_fix": {"all": r.perfect, "careful": r.perfect_compliant, "breaking": r.perfect_breaking}}


# ------------------------------------------------------------------------- contingency planning

STRATEGIES = {"all-in": "All on the likeliest", "even": "Even split", "best": "Best split"}
TICKS = {"all-in": "All on<br>the likeliest", "even": "Even<br>split", "best": "Best<br>split"}
IN_WORDS = {"all-in": "putting everything on one kind", "even": "the even split", "best": "the best split"}
KIND_COLOURS = (kit.VERMILION, kit.BLUE, kit.GREEN)
KIND_PATTERNS = ("", "/", ".")


def payoff_figure(r: Plan) -> dict:
    names = list(TICKS.values())
    data = [{"type": "bar", "name": "Expected payoff", "x": names, "y": [round(r.payoff[k], 4) for k in STRATEGIES],
             "marker": {"color": kit.BLUE}, "text": [pct(r.payoff[k]) for k in STRATEGIES], "textposition": "outside",
             "hovertemplate": "%{x}: %{y:.0%} of the best possible<extra></extra>"}]
    if r.hindsight is not None:
        data.append({"type": "bar", "name": "In hindsight (our count)", "x": names,
                     "y": [round(r.hindsight[k], 4) for k in STRATEGIES],
                     "marker": {"color": kit.GREEN, "pattern": kit.pattern("/", kit.GREEN)},
                     "text": [pct(r.hindsight[k]) for k in STRATEGIES], "textposition": "outside",
                     "hovertemplate": "%{x}: %{y:.0%} in hindsight<extra></extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 100, "l": 56, "r": 14}, barmode="group", showlegend=True, legend=kit.FOOT_LEGEND,
        xaxis=kit.axis(None, tickangle=0), yaxis=kit.axis("share of best payoff", tickformat=".0%", range=[0, 1.12]))}


def split_figure(r: Plan) -> dict:
    names = list(TICKS.values())
    data = [{"type": "bar", "orientation": "h", "name": upper_first(kind), "y": names,
             "x": [round(r.splits[k][i], 4) for k in STRATEGIES],
             "marker": {"color": KIND_COLOURS[i], "pattern": kit.pattern(KIND_PATTERNS[i], KIND_COLOURS[i])},
             "hovertemplate": kind + ": %{x:.0%}<extra>%{y}</extra>"} for i, kind in enumerate(r.kinds)]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 110, "l": 104, "r": 18}, barmode="stack", showlegend=True,
        legend={**kit.FOOT_LEGEND, "traceorder": "normal"},
        xaxis=kit.axis("share of research effort", tickformat=".0%", range=[0, 1], dtick=0.25, ticklabelstandoff=4),
        yaxis=kit.axis(None, autorange="reversed"))}


def verdict_sentence(r: Plan) -> str:
    top = r.kinds[r.likeliest]
    tied = [k for k, c in zip(r.kinds, r.credence) if abs(c - r.credence[r.likeliest]) < 1e-9 and k != top]
    if len(tied) == 2:
        lead = "With every kind equally likely, "
        top += " (the first of three equally likely kinds)"
    elif tied:
        lead = ""
        top += f" (tied for likeliest with {tied[0]})"
    else:
        lead = ""
    gain = r.payoff["best"] - r.payoff["all-in"]
    shares = ", ".join(f"{pct(s)} on {k}" for k, s in zip(r.kinds, r.splits["best"]) if s > 0.005)
    if gain < 0.005:
        return lead + (f"Here putting everything on {top} is as good as any split ({pct(r.payoff['all-in'])} of the best "
                f"possible payoff): returns diminish slowly enough, or the other kinds are unlikely enough, that "
                f"spreading effort buys nothing.")
    return lead + (f"everything on {top} earns " if lead else f"Everything on {top} earns ") + (f"{pct(r.payoff['all-in'])} of the best possible payoff and leaves a "
            f"{pct(r.unprepared['all-in'])} chance that the kind that arrives got no preparation; the best split "
            f"({shares}) earns {pct(r.payoff['best'])}, leaving {pct(r.unprepared['best'])} unprepared.")


def hindsight_sentence(r: Plan) -> str:
    if r.hindsight is None:
        return "For AGI there is no hindsight yet: nobody can score these plans against what happened."
    best = max(STRATEGIES, key=lambda k: r.hindsight[k])
    return (f"Scored against what happened (by our count the Flyer took two of its seven main ingredients from "
            f"birds, two from airships and three new), everything on {r.kinds[r.likeliest]} would have paid "
            f"{pct(r.hindsight['all-in'])}, an even split {pct(r.hindsight['even'])} and your best split "
            f"{pct(r.hindsight['best'])}: in hindsight {IN_WORDS[best]} did best.")


PLAN_CLAIMS = (Claim("verdict", verdict_sentence), Claim("hindsight", hindsight_sentence))


def plan_summary(r: Plan) -> str:
    return verdict_sentence(r)


def plan_table(r: Plan) -> Table:
    rows = tuple((STRATEGIES[k], *(pct(x) for x in r.splits[k]), pct(r.payoff[k]), pct(r.unprepared[k]))
                 for k in STRATEGIES)
    return Table("Effort split and expected payoff of each plan",
                 ("Plan", *(upper_first(k) for k in r.kinds), "Expected payoff", "Chance unprepared"), rows)


def plan_live(r: Plan) -> dict[str, str]:
    return {"likeliest": r.kinds[r.likeliest], "allin": pct(r.payoff["all-in"]), "best": pct(r.payoff["best"])}


def plan_panel(r: Plan, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"kinds": [{"name": k, "credence": pct(c), "effort": pct(e), "width": c}
                      for k, c, e in zip(r.kinds, r.credence, r.splits["best"])], "question": r.question}


class PlanResponse(WidgetResponse):
    kinds: list[str]
    credence: list[float] = Field(description="The three credences, normalised to sum to 1.")
    splits: dict[str, list[float]] = Field(description="Plan -> effort share per kind: all-in, even, best.")
    payoff: dict[str, float] = Field(description="Plan -> expected share of the best possible payoff.")
    unprepared: dict[str, float] = Field(description="Plan -> chance the kind that arrives got no effort.")
    hindsight: dict[str, float] | None = Field(description="Flight only: each plan against the Flyer's blend (our count).")


def plan_api(values: Mapping[str, Any], r: Plan) -> dict:
    return {"kinds": list(r.kinds), "credence": list(r.credence),
            "splits": {k: list(v) for k, v in r.splits.items()}, "payoff": r.payoff, "unprepared": r.unprepared,
            "hindsight": r.hindsight}
