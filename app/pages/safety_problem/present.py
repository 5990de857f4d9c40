"""Presenters for the safety-problem page: figures, sentences, tables and API answers, all pure
functions of the models' results. Every number in a sentence goes through the wording kit
(app/wording.py); what each result-stating phrase asserts is declared beside it as a `Truth`, a
predicate on the model's result (tests/test_truths.py checks them over a dense grid)."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import LARGE, adding_up, count, fair_points, join_and, num, pct, points, reads_as, rounded, share, sig, upper_first, whole_points

from .model import (BETA, DAMAGE, DESIGNS, HORIZON, READY_SWEEP, STRENGTH_SWEEP, TRIP, Chain, Plan, Rods, has_rods)

# The simulated span, as the sentences say it (a word: it is a fixed part of the model, not a reader's number).
WITHIN = "within the {} simulated minutes".format({480: "eight"}[int(HORIZON)])


MINUTES_FROM = 90        # s: durations from here read in minutes (to a tenth), so neighbouring settings read alike


def seconds(s: float) -> str:
    """A duration in words: '35 ms', '0.2 s', '49 s', '1.8 minutes', '2 minutes', '3.5 minutes' (minutes from
    MINUTES_FROM). One that rounds to a whole
    number reads without '.0' ('1 s', '2 minutes', never '1.0 s' or '2.0 minutes')."""
    s = abs(s)
    if s < 0.1:
        return f"{num(s * 1000)} ms"
    if s < 10:
        shown = num(s, 1)
        return f"{shown[:-2] if shown.endswith('.0') else shown} s"
    if s < MINUTES_FROM:
        return f"{num(s)} s"
    minutes = num(s / 60, 1)
    return count(s / 60, "minute", places=0 if minutes.endswith(".0") else 1)


_UNIT = {"ms": 0.001, "s": 1.0, "minute": 60.0, "minutes": 60.0}


def _duration_holds(quoted: str, true_seconds: float) -> bool:
    """Whether a duration as written ('49 s', '0.2 s', '3.5 minutes', '35 ms') is the true one, to the
    precision it is written with."""
    m = re.fullmatch(r"([\d,]+(?:\.(\d+))?) (ms|s|minutes?)", quoted)
    if not m or not math.isfinite(true_seconds):
        return False
    value, unit = float(m.group(1).replace(",", "")), _UNIT[m.group(3)]
    half = 0.5 * 10 ** -len(m.group(2) or "") * unit
    return abs(value * unit - abs(true_seconds)) <= half + 1e-9 * unit


@lru_cache(maxsize=65_536)
def notches(x: float) -> str:
    """A push on the pile in this page's plain unit, the notch (one notch takes a just-critical pile to
    prompt critical; physicists call it a dollar of reactivity): '1 notch', '3 notches', '0.5 notches'."""
    places = next(p for p in (0, 1, 2) if abs(x * 10 ** p - round(x * 10 ** p)) < 1e-9 or p == 2)
    return count(x, "notch", places=places)


def plan_notches(x: float) -> str:
    """A plan past what the strongest design absorbs, never written as that amount: 3.004 is '3.004 notches', not
    '3.00 notches' beside '(3 notches)'."""
    text = notches(x)
    return f"{num(x, 3)} notches" if x > STRENGTH_SWEEP[-1] and float(text.split()[0]) == STRENGTH_SWEEP[-1] else text


def article(number: str) -> str:
    """'a' or 'an' before a number as it is said: 'an 8%', 'an 18%', 'an 80%', 'an 11%', 'an 850-step',
    'an 11,000', but 'a 12%', 'a 110%', 'a 1,800'."""
    whole = re.match(r"[\d,]*", number).group(0)
    lead = whole.split(",")[0] if "," in whole else whole if len(whole) <= 2 else ""
    return "an" if whole.startswith("8") or lead in ("11", "18") else "a"


def a_(number: str) -> str:
    """The number with its article: a_('18%') -> 'an 18%'."""
    return f"{article(number)} {number}"


def k_text(k: float) -> str:
    """k to as many decimals as the slider moves (at least three): 1.001, 1.0005, 0.980."""
    text = num(k, 4)
    return text[:-1] if text.endswith("0") else text


def when(ready: float) -> str:
    if ready == 0:
        return "at the moment of the first chain reaction"
    return f"{seconds(ready)} {'before' if ready < 0 else 'after'} the first chain reaction"


@lru_cache(maxsize=65_536)
def amount(x: float) -> str:
    """A population or power, relative to the start, to three significant figures in plain digits:
    '1.00', '27.4', '5,320', 'over 10¹²', '0.00123', 'almost 0' (an exponential decay that underflows to
    0.0 in floating point is still above zero)."""
    if not math.isfinite(x) or abs(x) >= LARGE:
        return num(x if not math.isnan(x) else LARGE)
    if x <= 0:
        return "almost 0"
    if x >= 100:
        return sig(x)
    magnitude = math.floor(math.log10(abs(x)))
    places = min(2 - magnitude, 6)
    if rounded(x, places) >= 10.0 ** (magnitude + 1):      # 0.09999 rounds up to 0.100, not '0.1000'
        places = max(places - 1, 0)
    return num(x, places)


# ------------------------------------------------------------------------------ the knife-edge

CHAIN_Y = (-3.0, 9.0)     # log10 of the population shown


def on_chart(values) -> tuple[list[float | None], int | None]:
    """The values a line can draw inside the chart, and where it leaves it: the first value outside is
    clamped to the edge (and marked by the caller), the rest are left out."""
    lo, hi = 10 ** CHAIN_Y[0], 10 ** CHAIN_Y[1]
    out: list[float | None] = []
    exit_at = None
    for i, v in enumerate(values):
        v = float(v)
        if exit_at is not None:
            out.append(None)
        elif lo <= v <= hi:
            out.append(min(max(round(v, 6), lo), hi))
        else:
            out.append(lo if v < lo else hi)
            exit_at = i
    return out, exit_at


CHAIN_STYLE = {"with": ("With delayed neutrons (real fuel)", kit.BLUE, "solid"),
               "without": ("If every neutron were prompt", kit.VERMILION, "dash")}


def chain_figure(r: Chain) -> dict:
    x = [round(float(t), 2) for t in r.times]
    shown_line = "with" if r.delayed else "without"
    lines, marks, notes = [], [], []
    for key, (name, colour, dash) in CHAIN_STYLE.items():
        y, exit_at = on_chart(r.population[key])
        lines.append({"type": "scatter", "mode": "lines", "name": name, "x": x, "y": y,
                      "line": {"color": colour, "dash": dash, "width": 4 if key == shown_line else 2},
                      "opacity": 1 if key == shown_line else 0.6,
                      "customdata": ["" if v is None else amount(v) for v in y],
                      "hovertemplate": name + ": %{customdata}<extra>%{x} s</extra>"})
        if exit_at is not None:
            # Off the chart: a marker where the line leaves, labelled with where it is at the end.
            up = y[exit_at] > 1
            end = f"{'↑' if up else '↓'} {amount(float(r.population[key][-1]))} by {num(x[-1])} s"
            marks.append({"type": "scatter", "mode": "markers", "name": f"{name}: off the chart",
                          "x": [x[exit_at]], "y": [y[exit_at]], "showlegend": False,
                          "marker": {"color": colour, "size": 12, "symbol": "triangle-up" if up else "triangle-down"},
                          "hovertemplate": f"{name}: off the chart, {end[2:]}<extra></extra>"})
            same_edge = sum(1 for n in notes if n["yanchor"] == ("top" if up else "bottom"))
            notes.append({"x": x[exit_at], "y": CHAIN_Y[1] if up else CHAIN_Y[0], "xref": "x", "yref": "y",
                          "xanchor": kit.anchor_inside(x[exit_at], 0, x[-1]), "yanchor": "top" if up else "bottom",
                          "yshift": (-14 - 20 * same_edge) if up else (14 + 20 * same_edge), "showarrow": False,
                          "text": f" {end} ", "font": {"size": 13, "color": colour}, "bgcolor": kit.PAPER})
    return {"data": lines + marks, "layout": kit.layout(
        margin={"t": 16, "b": 96, "l": 84, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        shapes=[{"type": "line", "x0": 0, "x1": x[-1], "y0": 1, "y1": 1, "xref": "x", "yref": "y",
                 "line": {"color": kit.INK, "dash": "dot", "width": 1.5}}],
        annotations=notes,
        xaxis=kit.axis("seconds", range=[0, x[-1]], ticklabelstandoff=6),
        yaxis=kit.axis("neutrons, relative to the start", type="log", range=[CHAIN_Y[0] - 0.6, CHAIN_Y[1] + 0.3],
                       tickvals=[1e-3, 1, 1e3, 1e6, 1e9], ticktext=["0.001", "1", "1,000", "1 million", "1 billion"]))}


def prompt_doubling(r: Chain) -> float:
    """Seconds to double (negative: to halve) if every neutron were prompt, at this k."""
    return math.log(2) / ((r.k - 1) / 1e-3)


RODS_LAG = 1.5   # seconds: a pile that doubles faster than this outruns any rod


def fate_sentence(r: Chain) -> str:
    k = f"k = {k_text(r.k)}"
    other = "if every neutron were prompt" if r.delayed else "with the delayed neutrons real fuel has"
    if r.rate == 0:
        return f"At {k} each generation exactly replaces the last: the population holds steady, with or without delayed neutrons."
    if r.rate < 0:
        return (f"At {k} the chain reaction dies away: the population halves every {seconds(r.doubling)}"
                + (f" (every {seconds(prompt_doubling(r))} {other})." if r.delayed else "."))
    if r.delayed and r.prompt_critical:
        return (f"At {k} the pile is prompt critical: k is more than {pct(BETA, 2)} above 1, the share of neutrons "
                f"that arrive late, so the neutrons released at once keep it growing by themselves; even with the "
                f"late ones it doubles every "
                f"{seconds(r.doubling)}, too fast for any rod.")
    if r.delayed:
        pace = ("slow enough to control, because" if r.doubling >= 10 else
                "faster than rods could comfortably follow, yet still slowed by the fact that" if r.doubling >= RODS_LAG
                else "too fast for any rod, though still slowed by the fact that")
        return (f"At {k} the population doubles every {seconds(r.doubling)}: {pace} "
                f"{pct(BETA, 2)} of neutrons arrive seconds late. If every neutron were prompt it would double every "
                f"{seconds(prompt_doubling(r))}.")
    return (f"At {k}, with every neutron prompt, the population doubles every {seconds(r.doubling)}: too fast "
            f"for any rod. Real fuel's delayed neutrons are what make a chain reaction controllable at all.")


CHAIN_FATE_TRUTHS = (
    Truth(r"k = (\d\.\d+)", lambda r, m: abs(float(m.group(1)) - r.k) < 5e-5, "the k quoted is the one simulated"),
    Truth(r"each generation exactly replaces the last: the population holds steady",
          lambda r: r.k == 1 and r.rate == 0 and all(abs(v - 1) < 1e-6 for a in r.population.values() for v in a),
          "k is 1 and both populations stay at their starting level"),
    Truth(r"the chain reaction dies away: the population halves every ([\d.,]+ (?:ms|s|minutes?))",
          lambda r, m: r.rate < 0 and r.population["with" if r.delayed else "without"][-1] < 1
          and _duration_holds(m.group(1), math.log(2) / r.rate),
          "the population shown shrinks, halving in the time quoted"),
    Truth(r"\(every ([\d.,]+ (?:ms|s|minutes?)) if every neutron were prompt\)",
          lambda r, m: r.k < 1 and _duration_holds(m.group(1), math.log(2) / ((r.k - 1) / 1e-3)),
          "with every neutron prompt the population would halve in the time quoted"),
    Truth(r"(?:the population|it) doubles every ([\d.,]+ (?:ms|s|minutes?))",
          lambda r, m: r.rate > 0 and r.population["with" if r.delayed else "without"][-1] > 1
          and _duration_holds(m.group(1), math.log(2) / r.rate),
          "the population shown grows, doubling in the time quoted"),
    Truth(r"If every neutron were prompt it would double every ([\d.,]+ (?:ms|s|minutes?))",
          lambda r, m: r.k > 1 and _duration_holds(m.group(1), math.log(2) / ((r.k - 1) / 1e-3)),
          "with every neutron prompt the population would double in the time quoted"),
    Truth(r"the pile is prompt critical: k is more than 0\.65% above 1",
          lambda r: r.prompt_critical and r.k - 1 > BETA and pct(BETA, 2) == "0.65%",
          "k - 1 exceeds the delayed fraction (0.65%), and the reactivity is at least that fraction"),
    Truth(r"too fast for any rod", lambda r: r.rate > 0 and math.log(2) / r.rate < RODS_LAG,
          "even with delayed neutrons it doubles in under a second and a half"),
    Truth(r"slow enough to control", lambda r: r.delayed and not r.prompt_critical and r.rate > 0
          and math.log(2) / r.rate >= 10, "below prompt critical, doubling in ten seconds or more"),
    Truth(r"faster than rods could comfortably follow", lambda r: r.delayed and not r.prompt_critical and r.rate > 0
          and RODS_LAG <= math.log(2) / r.rate < 10, "below prompt critical, doubling in 1.5 to 10 seconds"),
    Truth(r"far too fast to catch", lambda r: not r.delayed and r.rate > 0 and math.log(2) / r.rate < 2,
          "with every neutron prompt it doubles in under two seconds"),
)
CHAIN_CLAIMS = (Claim("fate", fate_sentence, truths=CHAIN_FATE_TRUTHS),)


def chain_summary(r: Chain) -> str:
    """What the two lines show at the chart's right edge; how fast and whether it is controllable is the
    prose's claim (fate_sentence)."""
    return (f"At k = {k_text(r.k)}, after {num(float(r.times[-1]))} s the neutron population, relative to the start, "
            f"is {amount(float(r.population['with'][-1]))} with delayed neutrons and "
            f"{amount(float(r.population['without'][-1]))} if every neutron were prompt.")


CHAIN_TRUTHS = (
    Truth(r"after ([\d.,]+) s the neutron population, relative to the start, is (.+?) with delayed neutrons and (.+?) "
          r"if every neutron were prompt",
          lambda r, m: m.group(1) == num(float(r.times[-1])) and m.group(2) == amount(float(r.population["with"][-1]))
          and m.group(3) == amount(float(r.population["without"][-1])),
          "each line's population at the chart's last time, relative to the start, as the table writes it"),
)


def chain_table(r: Chain) -> Table:
    idx = [i for i in range(0, len(r.times), 24)]
    return Table("Neutron population, relative to the start, at selected times",
                 ("Seconds", "With delayed neutrons", "Every neutron prompt"),
                 tuple((num(float(r.times[i])), amount(float(r.population["with"][i])),
                        amount(float(r.population["without"][i]))) for i in idx))


def chain_live(r: Chain) -> dict[str, str]:
    return {"dollars": num(r.rho_dollars, 2),
            "doubling": "never" if r.rate <= 0 else seconds(r.doubling)}


class ChainResponse(WidgetResponse):
    reactivity_dollars: float = Field(description="(k - 1) / k divided by the delayed fraction 0.0065: the push in notches (physicists' dollars; 1 is prompt critical).")
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
POWER_FLOOR = -0.5        # log10: the lowest power the power chart shows unless a pile goes lower


def present_crews(r: Rods) -> tuple[str, ...]:
    """The kinds of crew there are at these settings: a line is drawn only for a kind that exists (with every crew
    following procedure there is no rule-breaking crew to draw running away, and with none no careful one)."""
    return tuple(k for k, part in (("compliant", r.compliance), ("breaking", 1 - r.compliance)) if part > 0)


def shown(x: float) -> float:
    """A share of piles as the page shows it (share), for comparing 'as shown': whole points, with 'under 1%' just
    above 0 and 'over 99%' just below 100, so two shares compare equal exactly where they read alike."""
    text = share(x)
    return 0.5 if text == "under 1%" else 99.5 if text == "over 99%" else float(points(x))


# A share as `share` writes it: '6%', or 'under 1%' / 'over 99%' for one that is neither none nor all.
SHARE = r"(?:under |over )?\d+%"


def power_figure(r: Rods) -> dict:
    x = [float(t) for t in r.times[::2]]
    # Short names for a legend of one line over the plot, even on a phone; the hover names the median crew.
    crews = {"compliant": ("Careful", "Median careful crew", kit.BLUE, "solid"),
             "breaking": ("Rule-breaker", "Median rule-breaking crew", kit.VERMILION, "dash")}
    # The hover reads the power as the sentences write amounts (no e-notation).
    data = [{"type": "scatter", "mode": "lines", "name": name, "x": x,
             "y": [round(float(v), 4) for v in r.typical[k][::2]], "customdata": [amount(float(v)) for v in r.typical[k][::2]],
             "line": {"color": colour, "dash": dash, "width": 3},
             "hovertemplate": long + ": %{customdata}<extra>%{x} s</extra>"} for k, (name, long, colour, dash) in crews.items()
            if k in present_crews(r)]
    lowest = min(v for line in data for v in line["y"])
    floor = min(POWER_FLOOR, math.floor(math.log10(max(lowest, 1e-6)) * 10) / 10 - 0.1)
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
    # The crews' legend in one line at the top (issue 34: a foot legend under the axis title cost 50 px).
    return {"data": data, "layout": kit.layout(
        margin={"t": 24, "b": 46, "l": 84, "r": 14}, showlegend=True,
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
        shapes=shapes, annotations=notes,
        xaxis=kit.axis("seconds from the start", range=[0, x[-1]], ticklabelstandoff=6),
        yaxis=kit.axis("power (source level = 1)", type="log", range=[floor, 6.9],   # room over the damage line for its label
                       tickvals=[0.1, 1, 100, 1e4, 1e6], ticktext=["0.1", "1", "100", "10,000", "1 million"]))}


def early_sentence(r: Rods) -> str:
    """Compared as the page shows the shares (share: 'under 1%' is some, '0%' none); 'no pile runs away' and 'even the
    late fix arrives in time' only where exactly none does."""
    first, last = float(READY_SWEEP[0]), float(READY_SWEEP[-1])
    early, late, unfixed = r.by_ready[first], r.by_ready[last], r.by_strength["none"][0.0]
    if r.design == "none":
        return (f"With no fix there is nothing to be early or late with: {share(early)} of crews' piles run away "
                f"{WITHIN}.")
    head = (f"With {DESIGN_NAMES[r.design]} worth {notches(r.strength)}, ready {when(first)}, {share(early)} of crews' "
            f"piles run away; ready {seconds(last)} after it, {share(late)}.")
    none_ever = all(v == 0 for v in r.by_ready.values())
    exact = len(set(r.by_ready.values())) == 1           # the same share at every ready time, not only as shown
    timing = " Here timing makes no difference" + ("" if exact else " to the share shown")
    if shown(early) == shown(late):
        if none_ever and unfixed == 0:
            return head + " Here timing makes no difference: no pile runs away " + WITHIN + ", fix or not."
        if shown(early) == shown(unfixed):
            if all(v == unfixed for v in r.by_ready.values()):
                return head + f"{timing}, and as many piles run away as with no fix at all: {_unchanged_reason(r)}."
            return head + (f"{timing}, and as many piles run away, to the share shown, as with no fix at all: the fix, "
                           f"early or late, stops too few of the runaways that happen without it to change the share "
                           f"shown.")
        if none_ever:
            return head + (" Here timing makes no difference: the reactions grow slowly enough that even the late fix "
                           "arrives in time.")
        return head + (f"{timing}: a fix ready 4 minutes late stops as many runaways{'' if exact else ', to the share shown,'}"
                       f" as one ready 2 minutes early, and however early it comes, {share(late)} of piles still run away.")
    if shown(late) > shown(early):
        kept = [t for t in READY_SWEEP if t > 0]
        still = max((t for t in kept if all(shown(r.by_ready[float(u)]) == shown(early) for u in READY_SWEEP if u <= t)),
                    default=None)
        # 'about as well' where some ready time up to `still` reads as the early share but differs from it
        about = still is not None and any(r.by_ready[float(u)] != early for u in READY_SWEEP if u <= still)
        reach = ("" if still is None else f" A fix ready up to {seconds(still)} after the first reaction still does "
                                          f"{'about ' if about else ''}as well as an early one here; later than that, "
                                          f"it loses the race.")
        if still is None and shown(r.by_ready[float(kept[0])]) > shown(early):
            soon = r.by_ready[float(kept[0])]
            reach = (f" Ready just {seconds(kept[0])} after the first reaction, it saves no pile: {share(soon)} run "
                     f"away, as with no fix at all." if soon == unfixed else
                     f" Ready just {seconds(kept[0])} after the first reaction, it still lets {share(soon)} run away.")
        rule = (" (A passive design has to be built in: by our rule, one that arrives after the first reaction "
                "protects nothing.)" if r.design == "passive" else "")
        if _passive_part_lost(r):
            rule = (" (The passive part has to be built in: by our rule, arriving after the first reaction it protects "
                    "nothing" + (", and crews that break procedure disable the rods" if r.compliance < 1 else "") + ".)")
        return head + " So being early saves piles that a late fix loses." + reach + rule
    return head + " Here the later fix does better."


def _passive_part_lost(r: Rods) -> bool:
    """Both fixes together, where the passive part saves piles early that rods alone, even as early, lose (as shown):
    ready after the first reaction the pair is rods alone, so those piles are what the late fix loses."""
    return r.design == "both" and shown(r.by_ready[-120.0]) < shown(r.rods_early)


def _careful_crews_reason(r: Rods) -> str:
    """Why a fix of rods alone changes nothing where careful crews' piles never run away and the rest remove the rods."""
    return (f"the piles of crews that follow procedure never run away {WITHIN}, fix or "
            f"not, and the other {pct(1 - r.compliance)} of crews disable the rods")


CAREFUL_CREWS = Truth(r"the piles of crews that follow procedure never run away " + WITHIN + r", fix "
                      r"or not, and the other (\d+)% of crews disable the rods",
                      lambda r, m: r.design == "rods" and r.unfixed_compliant == 0 and 0 < r.compliance < 1
                      and pct(1 - r.compliance) == m.group(1) + "%",
                      "control rods; the careful crews' piles never run away with no fix; the share of crews that "
                      "break procedure")


def _unchanged_reason(r: Rods) -> str:
    """Why a fix that is the same early or late changes nothing, from the shares: no crew keeps the
    rods, the strength (the strongest fix, early, does better), or nothing this fix can do."""
    weak = shown(r.perfect) < shown(r.by_strength["none"][0.0])
    if has_rods(r.design) and r.rods_in_use == 0:
        reason = "no crew follows procedure, so every crew disables the rods"
        if r.design == "both":
            reason += (", and at this strength the passive design changes nothing" if weak else
                       ", and even the strongest passive design changes nothing")
        return reason
    if weak:
        return "at this strength the fix changes nothing"
    if r.design == "rods" and r.unfixed_compliant == 0 < r.compliance < 1:
        return _careful_crews_reason(r)
    return "even the strongest fix the slider allows (3 notches), ready 2 minutes early, changes nothing"


def _ready_at(quoted: str) -> float:
    """'2 minutes', '30 s' -> seconds."""
    value, unit = re.fullmatch(r"([\d.]+) (s|minutes?)", quoted).groups()
    return float(value) * (60.0 if unit.startswith("minute") else 1.0)


RODS_EARLY_TRUTHS = (
    CAREFUL_CREWS,
    Truth(r"nothing to be early or late with: (" + SHARE + r") of crews' piles run away " + WITHIN,
          lambda r, m: r.design == "none" and {share(v) for v in r.by_ready.values()} == {m.group(1)},
          "with no fix the share running away is the same, the number quoted, whenever the (absent) fix is ready"),
    Truth(r"ready 2 minutes before the first chain reaction, (" + SHARE + r") of crews' piles run away; ready 4 minutes "
          r"after it, (" + SHARE + r")",
          lambda r, m: (share(r.by_ready[-120.0]), share(r.by_ready[240.0])) == m.group(1, 2),
          "the shares running away with the fix ready 2 minutes before and 4 minutes after the first reaction"),
    Truth(r"no pile runs away " + WITHIN + r", fix or not",
          lambda r: r.by_strength["none"][0.0] == 0 and all(v == 0 for v in r.by_ready.values()),
          "no pile runs away, with the fix at any time or with no fix"),
    Truth(r"as many piles run away as with no fix at all",
          lambda r: set(r.by_ready.values()) == {r.by_strength["none"][0.0]} and r.by_strength["none"][0.0] > 0,
          "at every ready time exactly the no-fix share (some) runs away"),
    Truth(r"as many piles run away, to the share shown, as with no fix at all: the fix, early or late, stops too few of "
          r"the runaways that happen without it to change the share shown",
          lambda r: {shown(v) for v in r.by_ready.values()} == {shown(r.by_strength["none"][0.0])}
          and all(v <= r.by_strength["none"][0.0] for v in r.by_ready.values())
          and any(v < r.by_strength["none"][0.0] for v in r.by_ready.values()),
          "at every ready time the share running away reads as the no-fix share, and is at most it, and below it at "
          "some ready time"),
    Truth(r"Here timing makes no difference(?! to)",
          lambda r: len(set(r.by_ready.values())) == 1, "exactly the same share runs away at every ready time"),
    Truth(r"Here timing makes no difference to the share shown",
          lambda r: len({shown(v) for v in r.by_ready.values()}) == 1 < len(set(r.by_ready.values())),
          "the same share, as shown, runs away at every ready time, though not exactly the same"),
    Truth(r"at this strength (?:the fix|the passive design) changes nothing",
          lambda r: shown(r.perfect) < shown(r.by_strength["none"][0.0])
          and set(r.by_ready.values()) == {r.by_strength["none"][0.0]},
          "the strength is the reason: the strongest fix, ready earliest, lets fewer piles run away than no fix, as "
          "shown; and at every ready time exactly the no-fix share runs away"),
    Truth(r"even the strongest fix, ready 2 minutes early", lambda r: False,
          "the strongest fix is named as the slider's strongest (3 notches), not the reader's setting"),
    Truth(r"even the strongest (?:fix the slider allows \(3 notches\), ready 2 minutes early,|passive design) changes nothing",
          lambda r: shown(r.perfect) == shown(r.by_strength["none"][0.0])
          and set(r.by_ready.values()) == {r.by_strength["none"][0.0]},
          "the strongest fix, ready earliest, lets as many piles run away as no fix, as shown; and at every ready time "
          "exactly the no-fix share runs away"),
    Truth(r"no crew follows procedure, so every crew disables the rods",
          lambda r: has_rods(r.design) and r.compliance == 0 and r.rods_in_use == 0,
          "the design has rods and no crew follows procedure, so no pile keeps them"),
    Truth(r"With ([a-z ]+?) worth ([\d.]+) notch(?:es)?, ready",
          lambda r, m: m.group(1) == DESIGN_NAMES[r.design] and float(m.group(2)) == r.strength,
          "the design and strength named are the ones set"),
    Truth(r"even the late fix arrives in time",
          lambda r: all(v == 0 for v in r.by_ready.values()) and r.by_strength["none"][0.0] > 0,
          "no pile at all runs away whenever the fix is ready (rule-breakers' piles included), though some do with "
          "no fix"),
    Truth(r"a fix ready 4 minutes late stops as many runaways as one ready 2 minutes early",
          lambda r: len(set(r.by_ready.values())) == 1, "exactly the same share runs away at every ready time"),
    Truth(r"a fix ready 4 minutes late stops as many runaways(?:, to the share shown,)? as one ready 2 minutes early, "
          r"and however early it comes, (" + SHARE + r") of piles still run away",
          lambda r, m: {share(v) for v in r.by_ready.values()} == {m.group(1)} and min(r.by_ready.values()) > 0
          and shown(r.by_ready[240.0]) < shown(r.by_strength["none"][0.0]),
          "the share running away is the same, as shown, at every ready time, the number quoted (some), and below the "
          "no-fix share, as shown"),
    Truth(r"So being early saves piles that a late fix loses",
          lambda r: shown(r.by_ready[240.0]) > shown(r.by_ready[-120.0]),
          "the latest fix lets more piles run away than the earliest, as shown"),
    Truth(r"A fix ready up to ([\d.]+ (?:s|minutes?)) after the first reaction still does (?:about )?as well as an early "
          r"one here; later than that, it loses the race",
          lambda r, m: all(shown(v) == shown(r.by_ready[-120.0]) for t, v in r.by_ready.items() if t <= _ready_at(m.group(1)))
          and all(shown(v) > shown(r.by_ready[-120.0]) for t, v in r.by_ready.items() if t > _ready_at(m.group(1))),
          "every ready time up to the one quoted does as well as the earliest, as shown, and every later one worse"),
    Truth(r"A fix ready up to ([\d.]+ (?:s|minutes?)) after the first reaction still does as well as",
          lambda r, m: all(v == r.by_ready[-120.0] for t, v in r.by_ready.items() if t <= _ready_at(m.group(1))),
          "every ready time up to the one quoted lets exactly as many piles run away as the earliest"),
    Truth(r"A fix ready up to ([\d.]+ (?:s|minutes?)) after the first reaction still does about as well as",
          lambda r, m: any(v != r.by_ready[-120.0] for t, v in r.by_ready.items() if t <= _ready_at(m.group(1))),
          "some ready time up to the one quoted lets a different share run away than the earliest (the same as shown)"),
    Truth(r"Ready just ([\d.]+ (?:s|minutes?)) after the first reaction, it still lets (" + SHARE + r") run away",
          lambda r, m: share(r.by_ready[_ready_at(m.group(1))]) == m.group(2)
          and shown(r.by_ready[_ready_at(m.group(1))]) > shown(r.by_ready[-120.0])
          and r.by_ready[_ready_at(m.group(1))] != r.by_strength["none"][0.0],
          "the fix ready that long after the first reaction lets the share quoted run away, more than one ready 2 "
          "minutes before it, as shown, and not just as many as with no fix (then the late fix saved nothing)"),
    Truth(r"Ready just ([\d.]+ (?:s|minutes?)) after the first reaction, it saves no pile: (" + SHARE + r") run away, "
          r"as with no fix at all",
          lambda r, m: share(r.by_ready[_ready_at(m.group(1))]) == m.group(2)
          and r.by_ready[_ready_at(m.group(1))] == r.by_strength["none"][0.0],
          "the fix ready that long after the first reaction lets the share quoted run away, exactly as many as with no "
          "fix"),
    Truth(r"\(The passive part has to be built in: by our rule, arriving after the first reaction it protects nothing",
          _passive_part_lost,
          "both fixes together; ready 2 minutes early they let fewer piles run away than rods alone as early, as shown, "
          "so the passive part saves those piles, and a pair ready after the first reaction is rods alone"),
    Truth(r"it protects nothing, and crews that break procedure disable the rods",
          lambda r: r.design == "both" and r.compliance < 1,
          "both fixes together, and some crews break procedure (their piles run without the rods)"),
    Truth(r"Here the later fix does better", lambda r: shown(r.by_ready[240.0]) < shown(r.by_ready[-120.0]),
          "the latest fix lets fewer piles run away than the earliest, as shown"),
)


def _flat_reason(r: Rods) -> str:
    unfixed = r.by_strength["none"][0.0]
    if unfixed == 0:
        return "no pile runs away " + WITHIN + ", even with no fix"
    if not r.passive_in_place and r.rods_in_use == 0:
        if r.design == "rods":
            return "every crew disables the rods"
        rods_off = "every crew disables the rods, and " if r.design == "both" else ""
        if shown(r.perfect) < shown(_curve(r)[0]):     # the same design built in early does better: lateness is why
            late = ("the passive design, arriving after the first reaction, protects nothing" if rods_off else
                    "a passive design that arrives after the first reaction protects nothing")
            return (f"{rods_off}{late}; had it been ready {when(READY_SWEEP[0])}, the strongest would have let "
                    f"{share(r.perfect)} run away")
        return (f"{rods_off}even built in before the first reaction, the strongest passive design would let as many "
                f"run away")
    if shown(r.perfect) < shown(unfixed):
        early = f"the strongest, ready {when(READY_SWEEP[0])}, lets {share(r.perfect)} run away"
        if all(v == unfixed for v in _curve(r)):
            return f"it comes too late: {early}"
        return (f"ready this late it stops too few of the runaways that happen without it to change the share shown "
                f"({early})")
    if r.design == "rods" and r.unfixed_compliant == 0 < r.compliance < 1:
        return _careful_crews_reason(r)
    if all(v == unfixed for v in _curve(r)):
        return f"even worth {notches(STRENGTH_SWEEP[-1])} it stops none of the runaways that happen without it"
    return (f"even worth {notches(STRENGTH_SWEEP[-1])} it stops too few of the runaways that happen without it to "
            f"change the share shown")


def graded_sentence(r: Rods) -> str:
    """Across strengths, with the fix ready when the reader set it (said, so as not to be read as the early
    sentence's 2 minutes early); compared as the page shows the shares (share: 'under 1%' is some, '0%' none)."""
    if r.design == "none":
        then = (" Pick a design to see how much a fix helps at each strength." if r.runaway > 0 else
                " With nothing running away, there is nothing yet for a fix to do.")
        return f"With no fix, {share(r.runaway)} of crews' piles run away {WITHIN}.{then}"
    fix = f"With {DESIGN_NAMES[r.design]} ready {when(r.ready)}"
    by = r.by_strength[r.design]
    curve = list(by.values())
    if len({share(v) for v in curve}) == 1:
        shown_only = "" if len(set(curve)) == 1 else " to the share shown"
        return (f"{fix}, the strength makes no difference{shown_only}: {share(curve[0])} of piles run away at every "
                f"strength, because {_flat_reason(r)}.")
    lo, hi = shown(min(curve)), shown(max(curve))
    one, three = share(by[1.0]), share(curve[-1])
    goes = (f"the share of piles that run away goes from {share(curve[0])} at no strength to {one} at one notch and "
            + ("at three" if one == three else f"{three} at three"))
    change = _change(r)
    if change == 0:
        return f"{fix}, the strength barely matters: {goes}, a change of under a point."
    if change < SWITCH and 2 * change <= points(max(curve)):
        return f"{fix}, the strength barely matters: {goes}, a change of only {count(change, 'point')}."
    text = f"{fix}, {goes}."
    between = [s for s, v in by.items() if lo < shown(v) < shown(curve[0])]
    between = [s for s in between if s != 1.0] or between      # one not quoted already, if there is one
    if between:
        mid = min(between, key=lambda s: abs(shown(by[s]) - (hi + lo) / 2))
        return text + (f" The fix is graded, not all-or-nothing: worth {notches(mid)} it stops some of those "
                       f"runaways and not others ({share(by[mid])} run away).")
    if hi - lo >= SWITCH:
        return text + (f" At these settings it works like a switch: the share jumps from {share(max(curve))} to "
                       f"{share(min(curve))} between two steps of strength, with no level in between.")
    return text


# A jump of at least this many points (as shown) between two steps of strength is a switch; a smaller
# range across all strengths is "barely matters".
SWITCH = 10


def _curve(r: Rods) -> list[float]:
    return list(r.by_strength[r.design].values())


def _change(r: Rods) -> int:
    """How far the chosen design's share moves across strengths, in the whole points the page shows (0 where the
    shares differ only as 'under 1%' against '0%', or 'over 99%' against '100%')."""
    return points(max(_curve(r))) - points(min(_curve(r)))


def _no_level_between(r: Rods) -> bool:
    """No strength's share, as shown, lies strictly between the highest and the lowest shown."""
    c = [shown(v) for v in _curve(r)]
    return not any(min(c) < v < max(c) for v in c)


def _ready_holds(quoted: str, ready: float) -> bool:
    """Whether a ready time as written ('4 minutes after the first chain reaction', 'at the moment of ...')
    is `ready` (seconds after the first chain reaction), to the precision written."""
    if quoted == "at the moment of the first chain reaction":
        return ready == 0
    m = re.fullmatch(r"(.+) (before|after) the first chain reaction", quoted)
    return bool(m) and (ready < 0) == (m.group(2) == "before") and ready != 0 and _duration_holds(m.group(1), ready)


RODS_GRADED_TRUTHS = (
    Truth(r"With no fix, (" + SHARE + r") of crews' piles run away " + WITHIN + r"\.",
          lambda r, m: r.design == "none" and share(r.runaway) == m.group(1),
          "with no fix, the share of piles running away, as shown"),
    Truth(r"Pick a design to see", lambda r: r.design == "none" and r.runaway > 0,
          "no design is picked, and some piles run away"),
    Truth(r"With nothing running away, there is nothing yet for a fix to do", lambda r: r.design == "none"
          and r.runaway == 0, "no design is picked, and no pile runs away"),
    Truth(r"(?:With ([a-z ]+?) ready ((?:[\d.]+ (?:s|minutes?) (?:before|after)|at the moment of) the first chain "
          r"reaction), )?(?:the strength(?: of [a-z ]+?)? (?:makes no difference|barely matters)|(?<!matters: )the share "
          r"of piles that run away goes from " + SHARE + r" at no strength)",
          lambda r, m: m.group(1) == DESIGN_NAMES[r.design] and _ready_holds(m.group(2), r.ready),
          "the sentence names the design and the ready time its shares across strengths are for: the ones set"),
    Truth(r"makes no difference(?: to the share shown)?: (" + SHARE + r") of piles run away at every strength",
          lambda r, m: {share(v) for v in _curve(r)} == {m.group(1)},
          "the chosen design's share running away is the same, as shown, at every strength, the number quoted"),
    Truth(r"the strength makes no difference: ", lambda r: len(set(_curve(r))) == 1,
          "the chosen design's share running away is exactly the same at every strength"),
    Truth(r"the strength makes no difference to the share shown", lambda r: len(set(_curve(r))) > 1,
          "the chosen design's share running away is not exactly the same at every strength (the same as shown)"),
    Truth(r"because every crew disables the rods", lambda r: r.design in ("rods", "both") and r.rods_in_use == 0
          and r.by_strength["none"][0.0] > 0,
          "the design has rods and no crew keeps them working, and there are runaways to explain: some piles run away "
          "with no fix"),
    Truth(r"the passive design, arriving after the first reaction, protects nothing|a passive design that arrives "
          r"after the first reaction protects nothing",
          lambda r: r.design in ("passive", "both") and not r.passive_in_place and r.by_strength["none"][0.0] > 0
          and shown(r.perfect) < shown(_curve(r)[0]),
          "the design is passive and is ready only after the first chain reaction, so this pile was built without it; "
          "there are runaways to explain (some piles run away with no fix), and lateness explains them: the "
          "strongest of this design ready 2 minutes early lets fewer run away, as shown"),
    Truth(r"already run away", lambda r: False,
          "never true as worded: the share a late fix lets run away is counted at the end, not 30 s in"),
    Truth(r"protects nothing; had it been ready 2 minutes before the first chain reaction, the strongest would "
          r"have let (" + SHARE + r") run away",
          lambda r, m: READY_SWEEP[0] == -120 and share(r.perfect) == m.group(1),
          "the strongest of this design, ready 2 minutes early, lets the share quoted run away, as shown"),
    Truth(r"even built in before the first reaction, the strongest passive design would let as many run away",
          lambda r: r.design in ("passive", "both") and len({shown(v) for v in _curve(r)}) == 1
          and shown(r.perfect) == shown(_curve(r)[0]),
          "the design is passive, and the strongest of it ready 2 minutes early lets as many piles run away as this "
          "one does at every strength, as shown: lateness is not why"),
    Truth(r"it comes too late: the strongest, ready 2 minutes before the first chain reaction, lets (" + SHARE
          + r") run away",
          lambda r, m: READY_SWEEP[0] == -120 and r.ready > READY_SWEEP[0]
          and all(v == r.by_strength["none"][0.0] for v in _curve(r))
          and share(r.perfect) == m.group(1) and shown(r.perfect) < shown(_curve(r)[-1]),
          "at the ready time set even the strongest fix stops nothing (exactly the no-fix share runs away at every "
          "strength), and the strongest fix ready 2 minutes before the first reaction lets fewer piles run away, the "
          "share quoted, as shown"),
    Truth(r"ready this late it stops too few of the runaways that happen without it to change the share shown \(the "
          r"strongest, ready 2 minutes before the first chain reaction, lets (" + SHARE + r") run away\)",
          lambda r, m: READY_SWEEP[0] == -120 and r.ready > READY_SWEEP[0]
          and {shown(v) for v in _curve(r)} == {shown(r.by_strength["none"][0.0])}
          and all(v <= r.by_strength["none"][0.0] for v in _curve(r))
          and any(v < r.by_strength["none"][0.0] for v in _curve(r))
          and share(r.perfect) == m.group(1) and shown(r.perfect) < shown(_curve(r)[-1]),
          "at the ready time set the fix stops some runaways at some strength, none at any strength beyond the no-fix "
          "share, but too few to change the share shown; the strongest fix ready 2 minutes before the first reaction "
          "lets fewer run away, the share quoted, as shown"),
    Truth(r"no pile runs away " + WITHIN + r", even with no fix",
          lambda r: r.by_strength["none"][0.0] == 0, "with no fix, no pile runs away"),
    CAREFUL_CREWS,
    Truth(r"it stops none of the runaways that happen without it",
          lambda r: all(v == r.by_strength["none"][0.0] for v in _curve(r)) and r.by_strength["none"][0.0] > 0,
          "at every strength exactly as many piles run away as with no fix (some)"),
    Truth(r"it stops too few of the runaways that happen without it to change the share shown",
          lambda r: {shown(v) for v in _curve(r)} == {shown(r.by_strength["none"][0.0])}
          and any(v != r.by_strength["none"][0.0] for v in _curve(r)) and r.by_strength["none"][0.0] > 0,
          "at every strength the share running away reads as the no-fix share (some), though not exactly it"),
    Truth(r"goes from (" + SHARE + r") at no strength,? to (" + SHARE + r") at one notch and (?:(" + SHARE + r") )?at three",
          lambda r, m: tuple(share(r.by_strength[r.design][s]) for s in (0.0, 1.0, 3.0))
          == (m.group(1), m.group(2), m.group(3) or m.group(2)),
          "the chosen design's shares at 0, 1 and 3 notches, as shown (one number for 1 and 3 notches: the same)"),
    Truth(r"The fix is graded, not all-or-nothing(?:: worth ([\d.]+) notch(?:es)? it stops some of those runaways and "
          r"not others \((" + SHARE + r") run away\))?",
          lambda r, m: m.group(1) is not None and float(m.group(1)) in r.by_strength[r.design]
          and shown(min(_curve(r))) < shown(r.by_strength[r.design][float(m.group(1))]) < shown(_curve(r)[0])
          and share(r.by_strength[r.design][float(m.group(1))]) == m.group(2),
          "the sentence names a strength whose share, as shown (the number quoted), lies strictly between the "
          "lowest share and the share at no strength, as shown"),
    Truth(r"works like a switch: the share jumps from (" + SHARE + r") to (" + SHARE + r")",
          lambda r, m: _no_level_between(r) and (share(_curve(r)[0]), share(_curve(r)[-1])) == m.group(1, 2)
          == (share(max(_curve(r))), share(min(_curve(r)))) and shown(max(_curve(r))) - shown(min(_curve(r))) >= SWITCH,
          "every strength's share shows as the highest or the lowest, the numbers quoted (the "
          "share at no strength and at three notches), at least ten points apart"),
    Truth(r"barely matters: .* a change of only (\d+) points?",
          lambda r, m: _change(r) == int(m.group(1)) < SWITCH and 0 < 2 * int(m.group(1)) <= points(max(_curve(r))),
          "the chosen design's highest and lowest shares across strengths, in whole points, differ by the points "
          "quoted, fewer than ten and at most half the highest (most runaways are left at every strength)"),
    Truth(r"barely matters: .* a change of under a point",
          lambda r: _change(r) == 0 and len({share(v) for v in _curve(r)}) > 1,
          "the chosen design's shares across strengths read differently but are the same in whole points (one "
          "'under 1%' where another is none, or 'over 99%' where another is all)"),
)


def practice_sentence(r: Rods) -> str:
    """Shares of piles as `share` writes them ('under 1%' where some run away); the settings' shares of crews as set."""
    if r.design == "none":
        if r.compliance == 1:
            return (f"With no fix and every crew following procedure, {share(r.runaway_compliant)} of piles run away "
                    f"{WITHIN}.")
        if r.compliance == 0:
            return (f"With no fix and no crew following procedure, {share(r.runaway_breaking)} of piles run away "
                    f"{WITHIN}.")
        return (f"With no fix, {share(r.runaway_compliant)} of the piles of crews that follow procedure run away "
                f"{WITHIN}, and {share(r.runaway_breaking)} of the rest.")
    strongest = f"{STRONGEST[r.design]} the slider allows ({notches(STRENGTH_SWEEP[-1])}), ready {when(READY_SWEEP[0])}"
    careful, breaking = r.perfect_compliant, r.perfect_breaking
    if r.compliance == 1:
        head = f"With every crew following procedure and {strongest}, {share(r.perfect)} of piles run away."
        if breaking > careful and careful == 0:
            return head + " Lower the share of crews that follow procedure to see what a perfect technical fix cannot do."
        if breaking > careful:
            return head + (" Even that fix is not perfect here, and crews that break procedure would fare worse: lower "
                           "the share of crews that follow procedure to see it.")
        return head
    if breaking > careful:
        beaten = _beaten(r)
        if r.compliance == 0:
            return f"Even with {strongest}, {share(r.perfect)} of piles run away when no crew follows procedure. {beaten}"
        return (f"Even with {strongest}, {share(r.perfect)} of piles run away when {pct(r.compliance)} of crews "
                f"follow procedure: {share(breaking)} of the crews that break it, against "
                f"{share(careful)} of the rest. {beaten}")
    if breaking == 0 and r.unfixed_breaking == 0:
        return (f"With {strongest}, {share(r.perfect)} of piles run away. Crews that break procedure are no test of it "
                f"here: even with no fix, none of their piles runs away {WITHIN}.")
    if breaking == 0:
        part = "the passive part" if r.design == "both" else "the design"
        if r.boldest_breaking <= STRENGTH_SWEEP[-1]:
            why = (f": their extra push of {notches(r.push)} stays within what {part} absorbs" if r.push > 0 else
                   f": they push no further than planned, which {part} absorbs")
        elif r.reachable <= STRENGTH_SWEEP[-1]:
            # Plans past what it absorbs are contained only by the slow climb within the simulated time.
            why = (f" {WITHIN}: at {notches(r.ramp)} a minute they get only {notches(r.reachable)} past critical, "
                   f"short of the boldest plans ({plan_notches(r.boldest_breaking)})")
        else:
            why = f" {WITHIN}, though the boldest plans ({plan_notches(r.boldest_breaking)}) go past what {part} absorbs"
        off = ("they disable the rods, but no one can switch the passive part off" if r.design == "both" else
               "no one can switch it off")
        return (f"With {strongest}, even crews that break procedure are contained{why}, and {off}. "
                f"{upper_first(share(r.perfect))} of piles run away.")
    if r.compliance == 0:
        return f"With {strongest}, {share(r.perfect)} of piles run away, with no crew following procedure."
    return (f"With {strongest}, {share(r.perfect)} of piles run away: {share(careful)} for careful crews and "
            f"{share(breaking)} for rule-breakers.")


def _beaten(r: Rods) -> str:
    """Why rule-breakers still run away with the strongest fix, from the numbers: a fix that saves none of
    them (rods they disable) is gone around; a passive part that saves some is pushed past."""
    if r.design == "passive":
        return "The technical fix cannot stop a crew that pushes past what it absorbs."
    if r.perfect_breaking >= r.unfixed_breaking:
        if r.design == "rods":
            return "The technical fix cannot stop a crew that goes around it."
        # Both: the rods are gone around, but the passive part cannot be; it is overwhelmed.
        return ("Rule-breakers disable the rods and push past what the passive part absorbs." if r.push > 0 else
                "Rule-breakers disable the rods, and the passive part alone does not absorb what they plan.")
    most = "most" if r.perfect_breaking < r.unfixed_breaking / 2 else "some"
    return f"Rule-breakers disable the rods; the passive part alone still stops {most} of their runaways, not all."


def _plan_is(text: str, x: float) -> bool:
    """A plan as quoted is x rounded to the places shown, and never reads as what the strongest design absorbs
    unless it is exactly that."""
    value = float(text)
    return reads_as(text, x) and (value != STRENGTH_SWEEP[-1] or x == STRENGTH_SWEEP[-1])


RODS_PRACTICE_TRUTHS = (
    Truth(r"With no fix and every crew following procedure, (" + SHARE + r") of piles run away",
          lambda r, m: r.design == "none" and r.compliance == 1 and share(r.runaway) == m.group(1),
          "with no fix and full compliance, the share running away, as shown"),
    Truth(r"With no fix and no crew following procedure, (" + SHARE + r") of piles run away",
          lambda r, m: r.design == "none" and r.compliance == 0 and share(r.runaway) == m.group(1),
          "with no fix and no compliance, the share running away, as shown"),
    Truth(r"With no fix, (" + SHARE + r") of the piles of crews that follow procedure run away within the eight "
          r"simulated minutes, and (" + SHARE + r") of the rest",
          lambda r, m: (share(r.runaway_compliant), share(r.runaway_breaking)) == m.group(1, 2),
          "with no fix, the careful and the rule-breaking crews' shares, as shown"),
    Truth(r"the slider allows \(3 notches\), ready 2 minutes (?:before the first chain reaction(?:, | when |: )|early, )",
          lambda r: STRENGTH_SWEEP[-1] == 3.0 and READY_SWEEP[0] == -120,
          "the strongest fix simulated is 3 notches, ready 2 minutes early"),
    Truth(r"(?:ready 2 minutes before the first chain reaction,|Even with .*?,) (" + SHARE + r") of piles run away",
          lambda r, m: share(r.perfect) == m.group(1), "the share running away with the strongest, earliest fix, as shown"),
    Truth(r"no one can switch (?:it|the passive part) off\. ((?:Under |Over )?\d+%) of piles run away",
          lambda r, m: upper_first(share(r.perfect)) == m.group(1),
          "the share running away with the strongest, earliest fix, as shown"),
    Truth(r"what a perfect technical fix cannot do",
          lambda r: r.perfect_compliant == 0 and r.perfect_breaking > 0,
          "the strongest, earliest fix stops every careful crew's runaway, and not every rule-breaker's"),
    Truth(r"Even that fix is not perfect here", lambda r: r.perfect_compliant > 0,
          "with the strongest, earliest fix some careful crews' piles still run away"),
    Truth(r"crews that break procedure would fare worse", lambda r: r.perfect_breaking > r.perfect_compliant,
          "with the strongest, earliest fix, more rule-breakers' piles run away than careful crews'"),
    Truth(r"The technical fix cannot stop a crew that goes around it",
          lambda r: r.perfect_breaking > r.perfect_compliant and r.perfect_breaking > 0 and r.design == "rods"
          and r.perfect_breaking >= r.unfixed_breaking,
          "the fix is rods alone (which rule-breakers disable), and with the strongest, earliest fix, rule-breakers' piles "
          "still run away, more than careful crews', and no fewer than with no fix at all: it saves none of them"),
    Truth(r"Rule-breakers disable the rods (and push past what the passive part absorbs|, and the passive part alone "
          r"does not absorb what they plan)",
          lambda r, m: r.design == "both" and r.perfect_breaking > r.perfect_compliant and r.perfect_breaking > 0
          and r.perfect_breaking >= r.unfixed_breaking and (r.push > 0) == m.group(1).startswith("and push"),
          "the fix is both, and with the strongest, earliest fix rule-breakers' piles still run away, more than careful "
          "crews' and no fewer than with no fix: the passive part saves none of them; 'push past' where they push "
          "further than planned"),
    Truth(r"Rule-breakers disable the rods; the passive part alone still stops (most|some) of their runaways, not all",
          lambda r, m: r.design == "both" and r.compliance < 1 and 0 < r.perfect_breaking < r.unfixed_breaking
          and (r.perfect_breaking < r.unfixed_breaking / 2) == (m.group(1) == "most"),
          "the fix is both (rods rule-breakers disable, in a passive design), some crews break procedure, and with "
          "the strongest, earliest fix some but not all of the rule-breakers' runaways with no fix are stopped: "
          "'most' when fewer than half of them are left, else 'some'"),
    Truth(r"[Ll]ower the share of crews that follow procedure", lambda r: r.compliance > 0,
          "some crews follow procedure, so the reader can lower their share"),
    Truth(r"[Ll]ower their share", lambda r: r.compliance < 1,
          "some crews break procedure, so the reader can lower their share (the advice names a slider that moves)"),
    Truth(r"The technical fix cannot stop a crew that pushes past what it absorbs",
          lambda r: r.perfect_breaking > r.perfect_compliant and r.design == "passive" and r.push > 0,
          "the fix is a passive design alone (nothing to switch off), rule-breakers push further than planned, and "
          "with the strongest, earliest fix more of their piles run away than careful crews'"),
    Truth(r": (" + SHARE + r") of the crews that break it, against (" + SHARE + r") of the rest",
          lambda r, m: (share(r.perfect_breaking), share(r.perfect_compliant)) == m.group(1, 2),
          "the strongest, earliest fix's shares for rule-breakers and careful crews, as shown"),
    Truth(r"Crews that break procedure are no test of it here: even with no fix, none of their piles runs away",
          lambda r: r.unfixed_breaking == 0 and r.perfect_breaking == 0,
          "no rule-breaking crew's pile runs away, with no fix or with the strongest"),
    Truth(r"stays within what (the design|the passive part) absorbs|which (the design|the passive part) absorbs",
          lambda r, m: r.boldest_breaking <= STRENGTH_SWEEP[-1]
          and ((m.group(1) or m.group(2)) == "the passive part") == (r.design == "both"),
          "the boldest rule-breaking crew's plan, with its push, is no more than the strongest design absorbs (3 "
          "notches); 'the passive part' where the fix has rods too"),
    Truth(r"at (\S+) notch(?:es)? a minute they get only (\S+) notch(?:es)? past critical, short of the boldest plans "
          r"\((\S+) notch(?:es)?\)",
          lambda r, m: r.reachable <= STRENGTH_SWEEP[-1] < r.boldest_breaking
          and (m.group(1), m.group(2)) == tuple(notches(x).split()[0] for x in (r.ramp, r.reachable))
          and _plan_is(m.group(3), r.boldest_breaking),
          "the boldest rule-breaking plan is past what the strongest design absorbs, but at this ramp no pile gets "
          "past it within the simulated minutes; the ramp, that reach and the boldest plan as quoted"),
    Truth(r"contained within the eight simulated minutes, though the boldest plans \((\S+) notch(?:es)?\) go past what "
          r"(the design|the passive part) absorbs",
          lambda r, m: r.perfect_breaking == 0 and r.boldest_breaking > STRENGTH_SWEEP[-1] and r.reachable > STRENGTH_SWEEP[-1]
          and _plan_is(m.group(1), r.boldest_breaking) and (m.group(2) == "the passive part") == (r.design == "both"),
          "no rule-breaker's pile runs away in the simulated minutes, though the boldest plan (as quoted, never read as "
          "3) is past the 3 notches the strongest design absorbs and the climb could reach it"),
    Truth(r"they disable the rods, but no one can switch the passive part off", lambda r: r.design == "both",
          "the fix is both: rule-breakers disable the rods; the passive part cannot be switched off"),
    Truth(r"no one can switch it off", lambda r: r.design == "passive",
          "the fix is a passive design alone: nothing to switch off"),
    Truth(r"even crews that break procedure are contained.* no one can switch (?:it|the passive part) off",
          lambda r: r.perfect_breaking == 0 < r.unfixed_breaking and r.design in ("passive", "both")
          and r.compliance < 1, "some crews break procedure, and with the strongest passive design built in none of "
                                "their piles runs away, though some would with no fix"),
    Truth(r"their extra push of ([\d.]+) notch(?:es)?", lambda r, m: r.push > 0 and float(m.group(1)) == r.push,
          "rule-breakers push further than planned, by the amount quoted"),
    Truth(r"they push no further than planned", lambda r: r.push == 0, "rule-breakers add nothing to their plan"),
    Truth(r"of piles run away: (" + SHARE + r") for careful crews and (" + SHARE + r") for rule-breakers",
          lambda r, m: 0 < r.compliance < 1
          and (share(r.perfect_compliant), share(r.perfect_breaking)) == m.group(1, 2),
          "some crews follow procedure and some break it; the strongest, earliest fix's shares for each, as shown"),
    Truth(r"of piles run away, with no crew following procedure", lambda r: r.compliance == 0,
          "no crew follows procedure"),
)
RODS_CLAIMS = (Claim("early", early_sentence, truths=RODS_EARLY_TRUTHS),
               Claim("graded", graded_sentence, truths=RODS_GRADED_TRUTHS),
               Claim("practice", practice_sentence, truths=RODS_PRACTICE_TRUTHS))


def rods_summary(r: Rods) -> str:
    fix = "no fix" if r.design == "none" else f"{DESIGN_NAMES[r.design]} worth {notches(r.strength)}, ready {when(r.ready)},"
    if r.compliance == 1:
        crews = "every crew following procedure"
    elif r.compliance == 0:
        crews = "no crew following procedure"
    else:
        crews = f"{pct(r.compliance)} of crews following procedure"
    split = ("" if r.compliance in (0, 1) else
             f": {share(r.runaway_compliant)} of the crews that follow procedure and {share(r.runaway_breaking)} of "
             f"those that break it")
    return f"{upper_first(share(r.runaway))} of piles run away with {fix} and {crews}{split}."


def rods_table(r: Rods) -> Table:
    rows = [(f"Ready {when(t)}", share(v)) for t, v in r.by_ready.items()]
    rows += [("No fix", share(r.by_strength["none"][0.0]))]
    rows += [(f"{upper_first(DESIGN_NAMES[d])} worth {notches(s)}", share(v))
             for d in DESIGNS[1:] for s, v in r.by_strength[d].items() if s in (0.5, 1.0, 2.0, 3.0)]
    return Table("Share of crews whose pile runs away, by when the fix is ready (this design and strength) and "
                 "by design and strength (ready as set)", ("Setting", "Piles that run away"), tuple(rows))


def rods_live(r: Rods) -> dict[str, str]:
    return {"runaway": share(r.runaway), "critical_at": seconds(r.critical_at),
            "compliant": share(r.runaway_compliant), "breaking": share(r.runaway_breaking)}


def rods_panel(r: Rods, values: Mapping[str, Any]) -> dict[str, Any]:
    """The red and blue boxes, lit by this run: what the technical fix did, and what practice did."""
    careful, breaking = r.compliance * r.runaway_compliant, (1 - r.compliance) * r.runaway_breaking
    if r.compliance == 1:
        practice = "Every crew follows procedure."
    elif r.compliance == 0:
        practice = f"No crew follows procedure; {share(r.runaway_breaking)} of their piles run away."
    else:
        practice = f"{pct(r.compliance)} of crews follow procedure; {share(r.runaway_breaking)} of the rest run away."
    technical = ("No technical fix" if r.design == "none" else
                 f"{upper_first(DESIGN_NAMES[r.design])} worth {notches(r.strength)}, ready {when(r.ready)}")
    technical += ("." if r.compliance == 0 else f": {share(r.runaway_compliant)} of careful crews' piles run away.")
    a, b = whole_points((careful, breaking))
    head = "The red box and the blue boxes at these settings: "
    if points(r.runaway) == 0:
        caption = head + ("no pile runs away." if r.runaway == 0 else "almost no pile runs away (under half a percent).")
    elif a == 0:
        caption = head + f"{share(r.runaway)} of piles run away, all but a fraction of a point from rule-breakers." \
            if careful > 0 else head + f"{share(r.runaway)} of piles run away, all from rule-breakers."
    elif b == 0:
        caption = head + f"{share(r.runaway)} of piles run away, all but a fraction of a point from careful crews." \
            if breaking > 0 else head + f"{share(r.runaway)} of piles run away, all from careful crews."
    elif r.runaway < 1 and points(r.runaway) == 100:   # 'over 99%': parts to a tenth that add up to less than all
        (pa, pb), _ = adding_up((100 * careful, 100 * breaking), 1, cuts=(100,))
        caption = head + f"{share(r.runaway)} of piles run away: {num(pa, 1)} points from careful crews, {num(pb, 1)} from rule-breakers."
    else:
        caption = head + f"{share(r.runaway)} of piles run away: {count(a, 'point')} from careful crews, {num(b)} from rule-breakers."
    return {"notes": {"technical": technical, "practice": practice}, "lit": ("technical", "practice"),
            "caption": caption}


RODS_TRUTHS = (
    # A group of crews is spoken of as having piles only where it exists.
    Truth(r"careful crews'", lambda r: r.compliance > 0, "some crews follow procedure"),
    Truth(r"rule-breakers'", lambda r: r.compliance < 1, "some crews break procedure"),
    Truth(r"^((?:Under |Over )?\d+%) of piles run away with .*? and (?:every crew|no crew|\d+% of crews) following "
          r"procedure(?:: (" + SHARE + r") of the crews that follow procedure and (" + SHARE + r") of those that break it)?",
          lambda r, m: upper_first(share(r.runaway)) == m.group(1) and (m.group(2) is None or (
              share(r.runaway_compliant), share(r.runaway_breaking)) == m.group(2, 3)),
          "the share of all piles running away at these settings, and of each kind of crew, as shown"),
    Truth(r"(" + SHARE + r") of careful crews' piles run away\.",
          lambda r, m: r.compliance > 0 and share(r.runaway_compliant) == m.group(1),
          "the careful crews' share running away at these settings, as shown"),
    Truth(r"(?:No crew follows procedure; (" + SHARE + r") of their piles|(\d+)% of crews follow procedure; (" + SHARE
          + r") of the rest) run away",
          lambda r, m: (m.group(1) is not None and r.compliance == 0 and share(r.runaway_breaking) == m.group(1))
          or (m.group(2) is not None and points(r.compliance) == int(m.group(2))
              and share(r.runaway_breaking) == m.group(3)),
          "the rule-breakers' share running away at these settings, as shown"),
    Truth(r"no pile runs away\.", lambda r: r.runaway == 0, "no pile runs away at these settings"),
    Truth(r"almost no pile runs away", lambda r: 0 < r.runaway < 0.005, "under half a percent of piles run away"),
    Truth(r"(" + SHARE + r") of piles run away, all from rule-breakers",
          lambda r, m: share(r.runaway) == m.group(1) and r.compliance * r.runaway_compliant == 0 < r.runaway,
          "every pile that runs away is a rule-breaker's"),
    Truth(r"(" + SHARE + r") of piles run away, all from careful crews",
          lambda r, m: share(r.runaway) == m.group(1) and (1 - r.compliance) * r.runaway_breaking == 0 < r.runaway,
          "every pile that runs away is a careful crew's"),
    Truth(r"all but a fraction of a point from (rule-breakers|careful crews)",
          lambda r, m: (lambda named, other: 0 < other < 0.01 and named > 0)(
              *(((1 - r.compliance) * r.runaway_breaking, r.compliance * r.runaway_compliant) if m.group(1) == "rule-breakers"
                else (r.compliance * r.runaway_compliant, (1 - r.compliance) * r.runaway_breaking))),
          "the other kind of crew's piles make up under a point of the piles that run away"),
    Truth(r"(" + SHARE + r") of piles run away: (\d+) points? from careful crews, (\d+) from rule-breakers",
          lambda r, m: share(r.runaway) == m.group(1) == pct(r.runaway)
          and points(r.runaway) == int(m.group(2)) + int(m.group(3))
          and abs(int(m.group(2)) - 100 * r.compliance * r.runaway_compliant) < 1
          and abs(int(m.group(3)) - 100 * (1 - r.compliance) * r.runaway_breaking) < 1,
          "a total shown as it is (not 'over 99%'); the two kinds of crew's shares of all piles, in whole points within "
          "a point of the true ones, adding up to it"),
    Truth(r"(" + SHARE + r") of piles run away: (\d+\.\d) points from careful crews, (\d+\.\d) from rule-breakers",
          lambda r, m: share(r.runaway) == m.group(1) and r.runaway < 1
          and float(m.group(2)) + float(m.group(3)) < 100
          and abs(float(m.group(2)) - 100 * r.compliance * r.runaway_compliant) < 0.1 + 1e-9
          and abs(float(m.group(3)) - 100 * (1 - r.compliance) * r.runaway_breaking) < 0.1 + 1e-9,
          "not every pile runs away; the two kinds of crew's shares of all piles, to a tenth of a point of the true "
          "ones, adding up to less than all"),
)


class RodsResponse(WidgetResponse):
    critical_at_s: float = Field(description="When the pile first goes critical.")
    runaway: float = Field(description="Share of all crews whose pile reaches the damage level within 8 minutes.")
    runaway_compliant: float
    runaway_breaking: float
    tripped_at_s: float | None = Field(description="When the median careful crew's rods dropped (null: never).")
    by_ready: dict[str, float] = Field(description="Ready time (s after the first reaction) -> share running away.")
    by_strength: dict[str, dict[str, float]] = Field(description="Design -> strength (notches it takes back) -> share running away.")
    strongest_fix: dict[str, float] = Field(description="This design worth 3 notches, ready 2 minutes early: all, careful, breaking.")


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
# A kind's name inside its third of the even split: short enough for a third of the plot on a 360 px phone.
KIND_SHORT = {"brain-like AGI": "Brain-like", "prosaic AGI": "Prosaic", "some other kind": "Other",
              "bird-like machines": "Birds", "airship-like machines": "Airships", "something else": "Neither"}
KIND_PATTERNS = ("", "/", ".")


def payoff_figure(r: Plan) -> dict:
    # Bar labels and hovers read each payoff as the sentences write it (share): 'over 99%', never '100%' for less.
    names = list(TICKS.values())
    data = [{"type": "bar", "name": "Expected payoff", "x": names, "y": [round(r.payoff[k], 4) for k in STRATEGIES],
             "marker": {"color": kit.BLUE}, "text": [share(r.payoff[k]) for k in STRATEGIES], "textposition": "outside",
             "hovertemplate": "%{x}: %{text} of the best possible<extra></extra>"}]
    if r.hindsight is not None:
        data.append({"type": "bar", "name": "In hindsight (our count)", "x": names,
                     "y": [round(r.hindsight[k], 4) for k in STRATEGIES],
                     "marker": {"color": kit.GREEN, "pattern": kit.pattern("/", kit.GREEN)},
                     "text": [share(r.hindsight[k]) for k in STRATEGIES], "textposition": "outside",
                     "hovertemplate": "%{x}: %{text} in hindsight<extra></extra>"})
    # One line of legend at the top, only where there are two kinds of bar (flight's hindsight); the one kind is
    # named by the axis.
    return {"data": data, "layout": kit.layout(
        margin={"t": 46 if r.hindsight is not None else 8, "b": 40, "l": 56, "r": 14}, barmode="group",   # two lines where narrow
        showlegend=r.hindsight is not None, legend={"orientation": "h", "y": 1.04, "yanchor": "bottom", "x": 0},
        xaxis=kit.axis(None, tickangle=0), yaxis=kit.axis("expected payoff", tickformat=".0%", range=[0, 1.12 if r.hindsight is None else 1.3]))}


def split_figure(r: Plan) -> dict:
    names = list(TICKS.values())
    shown_splits = {k: split_pcts(r.splits[k]) for k in STRATEGIES}
    # No legend: each kind is named inside its third of the even split, which every state draws at a third each.
    data = [{"type": "bar", "orientation": "h", "name": upper_first(kind), "y": names,
             "x": [round(r.splits[k][i], 4) for k in STRATEGIES], "customdata": [shown_splits[k][i] for k in STRATEGIES],
             "marker": {"color": KIND_COLOURS[i], "pattern": kit.pattern(KIND_PATTERNS[i], KIND_COLOURS[i])},
             "text": [KIND_SHORT[kind] if k == "even" else "" for k in STRATEGIES], "textposition": "inside",
             "insidetextanchor": "middle", "textfont": {"color": kit.WHITE, "size": 13, "weight": "bold",
                                                        "shadow": f"0 0 3px {KIND_COLOURS[i]}"},
             "hovertemplate": kind + ": %{customdata}<extra>%{y}</extra>"} for i, kind in enumerate(r.kinds)]
    return {"data": data, "layout": kit.layout(
        margin={"t": 8, "b": 44, "l": 104, "r": 18}, barmode="stack", showlegend=False,
        xaxis=kit.axis("share of research effort", tickformat=".0%", range=[0, 1], dtick=0.25, ticklabelstandoff=4),
        yaxis=kit.axis(None, autorange="reversed"))}


def _likeliest(r: Plan) -> tuple[str, str]:
    """The opening and the name of the likeliest kind, with ties said as ties."""
    top = r.kinds[r.likeliest]
    tied = [k for k, c in zip(r.kinds, r.credence) if abs(c - r.credence[r.likeliest]) < 1e-9 and k != top]
    if r.all_zero:
        return "With every slider at zero, we read your odds as equal: ", top + " (the first of three equally likely kinds)"
    if len(tied) == 2:
        return "With every kind equally likely, ", top + " (the first of three equally likely kinds)"
    if tied:
        return "", top + f" (tied for likeliest with {tied[0]})"
    return "", top


def _complement(r: Plan, plan: str) -> bool:
    """The plan's chance unprepared is the rest of its payoff (everything on one kind: the payoff is that kind's
    credence, the chance unprepared the rest)."""
    return abs(r.payoff[plan] + r.unprepared[plan] - 1) < 1e-9


def _unprepared(r: Plan, plan: str) -> str:
    """A plan's chance unprepared as the page shows it (share). Where it is the rest of the plan's payoff and neither
    reads 'under 1%' or 'over 99%', it is 100 minus the payoff as shown, so the two read as adding up (62.5% and 37.5%
    read 63% and 37%, not 63% and 38%); still within a point of the exact chance."""
    x, payoff = r.unprepared[plan], r.payoff[plan]
    if _complement(r, plan) and 0 < x < 1 and share(x) == pct(x) and share(payoff) == pct(payoff):
        return f"{100 - points(payoff)}%"
    return share(x)


def chance_of(shown_share: str) -> str:
    """A chance with its article: 'an 18% chance', 'a chance of under 1%'."""
    return f"a chance of {shown_share}" if shown_share.startswith(("under", "over")) else f"{a_(shown_share)} chance"


def verdict_sentence(r: Plan) -> str:
    """Compared as the page shows the payoffs (share: 'over 99%' is short of the best possible)."""
    lead, top = _likeliest(r)
    best = r.splits["best"]
    shares = _best_shares(r)
    if all(x == 0 for i, x in enumerate(best) if i != r.likeliest):
        return upper_first(lead + (f"putting everything on {top} is the best split ({share(r.payoff['all-in'])} of the "
                                   f"best possible payoff): returns diminish slowly enough, or the other kinds are "
                                   f"unlikely enough, that spreading effort buys nothing."))
    if share(r.payoff["best"]) == share(r.payoff["all-in"]):
        return upper_first(lead + (f"putting everything on {top} earns {share(r.payoff['all-in'])} of the best possible "
                                   f"payoff, the same to the percent as the best split ({shares}): here spreading "
                                   f"effort buys almost nothing, though everything on one kind leaves "
                                   f"{chance_of(_unprepared(r, 'all-in'))} that the kind that arrives got no "
                                   f"preparation."))
    return upper_first(lead + (f"everything on {top} earns {share(r.payoff['all-in'])} of the best possible payoff and "
                               f"leaves {chance_of(_unprepared(r, 'all-in'))} that the kind that arrives got no "
                               f"preparation; the best split ({shares}) earns {share(r.payoff['best'])}, leaving "
                               f"{_unprepared(r, 'best')} unprepared{_sliver(r)}."))


def _slivered(r: Plan) -> float:
    """The chance that the kind that arrives got some effort in the best split, but a share that reads 'under 1%'."""
    shown = split_pcts(r.splits["best"])
    return sum(p for p, e, s in zip(r.credence, r.splits["best"], shown) if e > 0 and s == "under 1%")


def _sliver(r: Plan) -> str:
    """'0% unprepared' is not all prepared where a kind gets a sliver of the effort: that chance is said too."""
    return f" and {share(_slivered(r))} with under 1% of the effort" if _slivered(r) > 0 else ""


def split_pcts(parts) -> tuple[str, ...]:
    """Shares of effort or credence as whole percentages, equal shares always shown equal: adding up to 100
    where a rounding can do both (4.6%, 4.6% and 90.9% read 5%, 5% and 90%, never 5%, 4% and 91%), else each
    rounded on its own (an even split reads 33% three times). A share above 0 that rounds to 0 reads 'under 1%', and
    one below all that rounds to 100 'over 99%' (never '100%, 0%' for a plan that leaves a chance unprepared)."""
    return tuple("under 1%" if n == 0 and x > 0 else "over 99%" if n == 100 and x < 1 else f"{n}%"
                 for n, x in zip(fair_points(parts, add_up=False), parts))


def _best_shares(r: Plan) -> str:
    """The best split's shares, as split_pcts shows them (kinds it gives none left out), said to be rounded where
    equal shares shown equal do not add up to 100 (an even split: 33% three times)."""
    shares = split_pcts(r.splits["best"])
    rounded = ", each rounded" if sum(fair_points(r.splits["best"], add_up=False)) != 100 else ""
    return join_and([f"{s} on {k}" for k, s in zip(r.kinds, shares) if s != "0%"]) + rounded


def _same_as_best(r: Plan) -> str | None:
    """The other plan the best split is, as the page shows them (the same share on every kind, and the
    same payoffs), or None."""
    for k in ("all-in", "even"):
        if (split_pcts(r.splits[k]) == split_pcts(r.splits["best"])
                and share(r.payoff[k]) == share(r.payoff["best"])
                and (r.hindsight is None or share(r.hindsight[k]) == share(r.hindsight["best"]))):
            return k
    return None


def _hindsight_winners(r: Plan) -> list[str]:
    """The distinct plans (the best split left out where it is another plan, as shown) that paid most
    against the Flyer's blend, as shown."""
    plans = [k for k in STRATEGIES if not (k == "best" and _same_as_best(r))]
    top = max(shown(r.hindsight[k]) for k in plans)
    return [k for k in plans if shown(r.hindsight[k]) == top]


def hindsight_sentence(r: Plan) -> str:
    if r.hindsight is None:
        return "For AGI there is no hindsight yet: nobody can score these plans against what happened."
    tied = _hindsight_winners(r)
    winners = [IN_WORDS[k] for k in tied]
    # a tie is exact or only to the percent shown, and says which
    to_shown = "" if len({r.hindsight[k] for k in tied}) == 1 else " to the percent shown"
    verdict = (f"in hindsight {winners[0]} did best" if len(winners) == 1
               else f"in hindsight {join_and(winners)} did equally well{to_shown}, and best")
    allin, even, best = (share(r.hindsight[k]) for k in ("all-in", "even", "best"))
    top = r.kinds[r.likeliest]
    paid = {None: f"everything on {top} would have paid {allin}, an even split {even} and your best split {best}",
            "even": f"everything on {top} would have paid {allin} and an even split, which is also your best split "
                    f"here, {even}",
            "all-in": f"everything on {top}, which is also your best split here, would have paid {allin} and an even "
                      f"split {even}"}[_same_as_best(r)]
    return (f"Scored against what happened (by our count the Flyer took two of its seven main ingredients from "
            f"birds, two from airships and three new), {paid}: {verdict}.")


def _only_likeliest(r: Plan) -> bool:
    return all(x == 0 for i, x in enumerate(r.splits["best"]) if i != r.likeliest)


def _shares_hold(r: Plan, quoted: str) -> bool:
    """Each 'N% on KIND' quoted is the best split's share of effort on that kind, within a point ('under 1%' and
    'over 99%' at the ends), and every kind with a share that shows is quoted; kinds given equal effort are quoted
    alike; the shares quoted add up to 100 unless said to be each rounded."""
    said = dict((k, n) for n, k in re.findall(r"(under 1|over 99|\d+)% on ([A-Za-z -]+?)(?=, | and |$)", quoted))
    best = r.splits["best"]
    # 'under 1%': a share above 0 and under 1%; 'over 99%': one under 1 and over 99%; else within a point
    within = all((0 < x < 0.01 if n == "under 1" else 0.99 < x < 1 if n == "over 99" else abs(int(n) - 100 * x) < 1)
                 for n, x in zip((said.get(k, "0") for k in r.kinds), best))
    alike = all(said.get(a) == said.get(b) for i, a in enumerate(r.kinds) for j, b in enumerate(r.kinds)
                if i < j and abs(best[i] - best[j]) < 1e-9)
    # As a reader adds them ('under 1' as 0, 'over 99' as 100): 100, unless said to be each rounded.
    adds = sum(0 if n == "under 1" else 100 if n == "over 99" else int(n) for n in said.values())
    return (set(said) == {k for k, x in zip(r.kinds, best) if x > 0} and alike and within
            and (adds == 100 or quoted.endswith(", each rounded")))


def _unprepared_holds(r: Plan, plan: str, quoted: str) -> bool:
    """The chance unprepared quoted is the plan's as shown: 'under 1%', 'over 99%', none or all as `share` writes
    them, else within a point of the exact chance, adding up with the payoff as shown where the two are complements."""
    x = r.unprepared[plan]
    if quoted != _unprepared(r, plan):
        return False
    if not re.fullmatch(r"\d+%", quoted) or quoted in ("0%", "100%"):
        return reads_as(quoted, x)
    n = int(quoted[:-1])
    return 0 < x < 1 and abs(n - 100 * x) < 1 and (not _complement(r, plan) or n + points(r.payoff[plan]) == 100)


# A chance unprepared as chance_of writes it: 'an 18% chance' or 'a chance of under 1%' (two groups).
CHANCE = r"(?:an? (\d+%) chance|a chance of ((?:under|over) \d+%))"
PLAN_VERDICT_TRUTHS = (
    Truth(r", each rounded\)", lambda r: sum(fair_points(r.splits["best"], add_up=False)) != 100,
          "the best split's shares, equal ones shown equal, do not add up to 100 as shown"),
    Truth(r"With every kind equally likely", lambda r: max(r.credence) - min(r.credence) < 1e-9 and not r.all_zero,
          "the three credences are equal, and not all at zero"),
    Truth(r"With every slider at zero, we read your odds as equal", lambda r: r.all_zero,
          "every credence slider is at zero (read as equal odds: a third on each kind)"),
    Truth(r"three equally likely kinds", lambda r: max(r.credence) - min(r.credence) < 1e-9,
          "the three credences are equal (all at zero read as equal)"),
    Truth(r"\(tied for likeliest with ([A-Za-z -]+)\)",
          lambda r, m: sum(abs(c - max(r.credence)) < 1e-9 for c in r.credence) == 2
          and abs(r.credence[r.kinds.index(m.group(1))] - max(r.credence)) < 1e-9,
          "two kinds share the highest credence, the one named among them"),
    Truth(r"is the best split \((" + SHARE + r") of the best possible payoff\)",
          lambda r, m: _only_likeliest(r) and share(r.payoff["all-in"]) == m.group(1),
          "the best split puts all effort on the likeliest kind; its payoff, as shown"),
    Truth(r"earns (" + SHARE + r") of the best possible payoff, the same to the percent as the best split \((.*?)\): here "
          r"spreading effort buys almost nothing, though everything on one kind leaves " + CHANCE + r"",
          lambda r, m: not _only_likeliest(r) and share(r.payoff["all-in"]) == share(r.payoff["best"]) == m.group(1)
          and _shares_hold(r, m.group(2)) and _unprepared_holds(r, "all-in", m.group(3) or m.group(4)),
          "the best split spreads effort, yet its payoff shows the same as all on the likeliest kind"),
    Truth(r"verything on .*? earns (" + SHARE + r") of the best possible payoff and leaves " + CHANCE + r" that the kind that "
          r"arrives got no preparation; the best split \((.*?)\) earns (" + SHARE + r"), leaving (" + SHARE + r") "
          r"unprepared",
          lambda r, m: (share(r.payoff["all-in"]), share(r.payoff["best"])) == m.group(1, 5)
          and _unprepared_holds(r, "all-in", m.group(2) or m.group(3)) and _unprepared_holds(r, "best", m.group(6))
          and shown(r.payoff["best"]) > shown(r.payoff["all-in"]) and _shares_hold(r, m.group(4)),
          "the best split pays more than all on the likeliest kind, as shown; the payoffs, chances and shares quoted "
          "(a payoff short of the best possible never reads 100%)"),
    Truth(r"unprepared and ((?:under |over )?\d+%) with under 1% of the effort",
          lambda r, m: _slivered(r) > 0 and reads_as(m.group(1), _slivered(r)),
          "the credence of the kinds the best split gives some effort that reads 'under 1%', as shown"),
)
PLAN_HINDSIGHT_TRUTHS = (
    Truth(r"no hindsight yet", lambda r: r.question == "agi" and r.hindsight is None, "the question is about AGI"),
    Truth(r"would have paid (" + SHARE + r"), an even split (" + SHARE + r") and your best split (" + SHARE + r")",
          lambda r, m: r.hindsight is not None and _same_as_best(r) is None
          and tuple(share(r.hindsight[k]) for k in ("all-in", "even", "best")) == m.groups(),
          "each plan's payoff against the Flyer's blend, as shown"),
    Truth(r"would have paid (" + SHARE + r") and an even split, which is also your best split here, (" + SHARE + r")",
          lambda r, m: r.hindsight is not None and _same_as_best(r) == "even"
          and (share(r.hindsight["all-in"]), share(r.hindsight["even"])) == m.groups(),
          "the best split is the even split, as shown (each kind's share and the payoffs); each plan's payoff against "
          "the Flyer's blend, as shown"),
    Truth(r"everything on [a-z -]+, which is also your best split here, would have paid (" + SHARE + r") and an even "
          r"split (" + SHARE + r")",
          lambda r, m: r.hindsight is not None and _same_as_best(r) == "all-in"
          and (share(r.hindsight["all-in"]), share(r.hindsight["even"])) == m.groups(),
          "the best split puts everything on the likeliest kind, as shown; each plan's payoff against the Flyer's "
          "blend, as shown"),
    Truth(r"in hindsight (.*?) did (?:best|equally well(?: to the percent shown)?, and best)",
          lambda r, m: r.hindsight is not None and set(re.split(r", | and ", m.group(1))) == {
              IN_WORDS[k] for k in _hindsight_winners(r)},
          "the plans named are exactly those with the highest payoff against the Flyer's blend, as shown, each named "
          "once (the best split not beside the plan it is, as shown)"),
    Truth(r"did equally well, and best",
          lambda r: r.hindsight is not None and len({r.hindsight[k] for k in _hindsight_winners(r)}) == 1,
          "the plans named paid exactly the same against the Flyer's blend"),
    Truth(r"did equally well to the percent shown, and best",
          lambda r: r.hindsight is not None and len({r.hindsight[k] for k in _hindsight_winners(r)}) > 1,
          "the plans named paid the same against the Flyer's blend as shown, but not exactly the same"),
)
PLAN_CLAIMS = (Claim("verdict", verdict_sentence, truths=PLAN_VERDICT_TRUTHS),
               Claim("hindsight", hindsight_sentence, truths=PLAN_HINDSIGHT_TRUTHS))


def plan_summary(r: Plan) -> str:
    """What the two bar charts show: each plan's payoff (and, for flight, its payoff in hindsight) and the best
    split's shares. Whether spreading pays is the prose's claim (verdict_sentence)."""
    payoffs = (f"Expected payoff, as a share of the best possible: {share(r.payoff['all-in'])} for all on the likeliest, "
               f"{share(r.payoff['even'])} for an even split and {share(r.payoff['best'])} for the best split, which puts "
               f"{_best_shares(r)}.")
    if r.hindsight is None:
        return payoffs
    return payoffs + (f" In hindsight (our count) they pay {share(r.hindsight['all-in'])}, {share(r.hindsight['even'])} "
                      f"and {share(r.hindsight['best'])}.")


PLAN_TRUTHS = (
    Truth(r"Expected payoff, as a share of the best possible: (" + SHARE + r") for all on the likeliest, (" + SHARE
          + r") for an even split and (" + SHARE + r") for the best split, which puts (.*?)\.(?: |$)",
          lambda r, m: tuple(share(r.payoff[k]) for k in STRATEGIES) == m.group(1, 2, 3) and _shares_hold(r, m.group(4)),
          "each plan's expected payoff and the best split's share on each kind, as shown (a payoff short of the best "
          "possible never reads 100%)"),
    Truth(r"In hindsight \(our count\) they pay (" + SHARE + r"), (" + SHARE + r") and (" + SHARE + r")",
          lambda r, m: r.hindsight is not None and tuple(share(r.hindsight[k]) for k in STRATEGIES) == m.groups(),
          "each plan's payoff against the Flyer's blend, as shown"),
)


def plan_table(r: Plan) -> Table:
    rows = tuple((STRATEGIES[k], *split_pcts(r.splits[k]), share(r.payoff[k]), _unprepared(r, k))
                 for k in STRATEGIES)
    return Table("Effort split and expected payoff of each plan",
                 ("Plan", *(upper_first(k) for k in r.kinds), "Expected payoff", "Chance unprepared"), rows)


def plan_live(r: Plan) -> dict[str, str]:
    return {"likeliest": r.kinds[r.likeliest], "allin": share(r.payoff["all-in"]), "best": share(r.payoff["best"])}


def plan_panel(r: Plan, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"kinds": [{"name": k, "title": upper_first(k), "credence": c_shown, "effort": e_shown, "width": c}
                      for k, c, c_shown, e_shown in zip(r.kinds, r.credence, split_pcts(r.credence), split_pcts(r.splits["best"]))],
            # Three sliders at zero are read as equal odds, and the boxes say so rather than 'your credence 33%'.
            "credence_words": ("your odds read as equal,", "read as equal:") if r.all_zero else ("your odds", "odds"),
            "question": r.question}


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
