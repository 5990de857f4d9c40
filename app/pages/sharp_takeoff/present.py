"""Presenters for the sharp-takeoff page: pure functions of the models' results."""
from __future__ import annotations

import math
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct

from .model import (ASI, BLOCK, BLOCKERS, HUMAN, IMITATION_CEILING, MEANINGS, RELEVANT, X_MAX, X_MIN, Climb,
                    Language, imitation)

BYRNES_MAX, AI2027 = 30.0, 1e6


def person_years(x: float) -> str:
    """A count of person-years in words a reader can take in: 10 -> '10', 5010 -> '5,010', 1.02e6 -> '1.0 million'."""
    if x >= 1e9:
        return f"{x / 1e9:.1f} billion"
    if x >= 1e6:
        return f"{x / 1e6:.1f} million"
    return f"{x:,.0f}" if x >= 10 or x == 0 else f"{x:.1f}".rstrip("0").rstrip(".")


# ---- Climb ---------------------------------------------------------------------------------------

def grid() -> list[float]:
    lo, hi = math.log10(X_MIN), math.log10(X_MAX)
    return [10 ** (lo + (hi - lo) * i / 320) for i in range(321)]


def climb_figure(c: Climb) -> dict:
    xs = grid()
    # The from-scratch curve's corners, so the steps stay sharp on a log axis.
    corners = sorted(set(xs) | {c.relevant_at} | {r for r, _ in c.steps} | {math.nextafter(c.relevant_at, 0)})
    data = [{"type": "scatter", "mode": "lines", "name": "Imitation learner", "x": xs,
             "y": [round(imitation(x), 2) for x in xs], "line": {"color": kit.GREEN, "width": 3, "dash": "dash"},
             "hovertemplate": "imitation: %{y:.0f}<extra>%{x:,.0f} person-years</extra>"},
            {"type": "scatter", "mode": "lines", "name": "From-scratch learner", "x": corners,
             "y": [round(c.scratch(x), 2) for x in corners], "line": {"color": kit.BLUE, "width": 4},
             "hovertemplate": "from scratch: %{y:.0f}<extra>%{x:,.0f} person-years</extra>"}]
    for level, name, dash in ((RELEVANT, "Relevant at all", "dot"), (HUMAN, "Human level", "dashdot"),
                              (ASI, "Superintelligence", "longdash")):
        data.append({"type": "scatter", "mode": "lines", "name": name, "x": [X_MIN, X_MAX], "y": [level, level],
                     "line": {"color": kit.GREY if level != ASI else kit.VERMILION, "dash": dash, "width": 2},
                     "hoverinfo": "skip"})
    if c.asi_at is not None:
        data.append({"type": "scatter", "mode": "lines+markers", "name": "Relevant → ASI",
                     "x": [c.relevant_at, max(c.asi_at, c.relevant_at * 1.05)], "y": [108, 108],
                     "line": {"color": kit.INK, "width": 3}, "marker": {"symbol": "line-ns-open", "size": 14},
                     "hovertemplate": f"gap: {person_years(c.gap)} person-years<extra></extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 170, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("R&D (person-years)", type="log", range=[0, 12], tickvals=[1, 1e3, 1e6, 1e9, 1e12],
                       ticktext=["1", "1k", "1M", "1B", "1T"], ticklabelstandoff=6),
        yaxis=kit.axis("capability", range=[-2, 114], dtick=20))}


def gap_sentence(c: Climb) -> str:
    head = (f"Here {c.after} of the {BLOCKERS} blockers {'stands' if c.after == 1 else 'stand'} after “relevant at "
            f"all”, which the from-scratch learner reaches after {person_years(c.relevant_at)} person-years of R&D.")
    if c.gap is None:
        return head + (f" It never reaches superintelligence: its ceiling, {c.ceiling:g}, is below ASI at "
                       f"{ASI:g}, so its climb stops short of it.")
    if c.gap == 0:
        return head + (" From there it reaches ASI with no further R&D at all: training alone does the rest, "
                       "within Byrnes's guess of 0–30 person-years.")
    gap = (f" From there to ASI takes {person_years(c.gap)} more person-years: {person_years(c.tuning)} of tuning"
           + (f" and {person_years(c.gap - c.tuning)} for the remaining blockers" if c.after else ""))
    if c.gap <= BYRNES_MAX:
        return head + gap + ", within Byrnes's guess of 0–30 and nothing like AI-2027's millions."
    if c.gap >= AI2027:
        return head + gap + ", at or beyond AI-2027's millions: a gradual takeoff."
    return head + gap + ", more than Byrnes's 0–30 but short of AI-2027's millions."


def imitation_sentence(c: Climb) -> str:
    return (f"The imitation learner is relevant at all after only {person_years(c.imitation_relevant_at)} "
            f"person-years, but it levels off at {IMITATION_CEILING:.0f}, existing human knowledge, however much "
            f"R&D follows.")


CLIMB_CLAIMS = (Claim("gap", gap_sentence), Claim("imitation", imitation_sentence))


def climb_summary(c: Climb) -> str:
    reach = ("never reaches superintelligence" if c.gap is None
             else f"reaches superintelligence {person_years(c.gap)} person-years of R&D later")
    return (f"The from-scratch learner becomes relevant at all after {person_years(c.relevant_at)} person-years and "
            f"{reach}; the imitation learner levels off at existing human knowledge.")


def climb_table(c: Climb) -> Table:
    xs = [10 ** k for k in range(0, 13, 2)] + [c.relevant_at] + [r for r, _ in c.steps] + ([c.asi_at] if c.asi_at else [])
    rows = tuple((person_years(x), f"{imitation(x):.0f}", f"{c.scratch(x):.0f}") for x in sorted(set(xs)))
    return Table("Capability of each learner after this much R&D (person-years), on our scale: relevant at all 40, "
                 "human level 60, superintelligence 100",
                 ("R&D (person-years)", "Imitation learner", "From-scratch learner"), rows)


def climb_live(c: Climb) -> dict[str, str]:
    return {"gap": "never" if c.gap is None else f"{person_years(c.gap)} person-years"}


def ladder_panel(c: Climb, values: Mapping[str, Any]) -> dict[str, Any]:
    top = min(c.ceiling, ASI)
    gap = (["never reaches", "superintelligence"] if c.gap is None
           else [f"+{person_years(c.gap)}", "person-years to ASI"])
    columns = [{"kind": "imitation", "name": "Imitation", "top": IMITATION_CEILING,
                "relevant": ["relevant after", f"{person_years(c.imitation_relevant_at)} person-years"],
                "top_note": ["stops at human", "knowledge"]},
               {"kind": "scratch", "name": "From scratch", "top": top,
                "relevant": ["relevant after", f"{person_years(c.relevant_at)} person-years"], "top_note": gap}]
    return {"columns": columns,
            "caption": (f"Imitation learner: relevant at all after {person_years(c.imitation_relevant_at)} "
                        f"person-years, levels off at existing human knowledge. From-scratch learner: relevant at "
                        f"all after {person_years(c.relevant_at)} person-years; "
                        + ("never reaches superintelligence." if c.gap is None
                           else f"superintelligence {person_years(c.gap)} person-years later."))}


class ClimbResponse(WidgetResponse):
    blockers_before: int = Field(description="Blockers the from-scratch learner must pass before it is relevant at all.")
    blockers_after: int
    relevant_at: float = Field(description="Person-years of R&D until it is relevant at all.")
    asi_at: float | None = Field(description="Person-years until superintelligence (null: never).")
    gap: float | None = Field(description="Person-years between relevant at all and superintelligence.")
    imitation_relevant_at: float
    imitation_ceiling: float
    steps: list[list[float]] = Field(description="(person-years, capability) corners of the climb after relevance.")


def climb_api(values: Mapping[str, Any], c: Climb) -> dict:
    return {"blockers_before": c.before, "blockers_after": c.after,
            "relevant_at": c.relevant_at, "asi_at": c.asi_at, "gap": c.gap,
            "imitation_relevant_at": round(c.imitation_relevant_at, 3), "imitation_ceiling": IMITATION_CEILING,
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
            f"the time" + (" (chance: the gestures carry no consistent meaning)" if r.exposure == "none" else ""))
    if not r.success:
        start = ("the group already shares the adults' words" if r.exposure == "grammatical"
                 else "the group has no shared words at all")
        return f"Before any exchange, {start}; " + imit + "."
    n = len(r.success)
    if r.exposure == "grammatical":
        code = "the adults' words"
    elif r.shared_code >= 0.5:
        code = "a code they made up"
    else:
        code = "no settled code yet"
    return (f"In exchanges {BLOCK * (n - 1) + 1}–{BLOCK * n} the {r.learners} from-scratch learners understood each "
            f"other {pct(r.success[-1])} of the time, with {code} ({r.words_in_use} words in use for {MEANINGS} "
            f"meanings at the end, {pct(r.shared_code)} of meanings agreed by all); {imit}.")


LANGUAGE_CLAIMS = (Claim("outcome", language_sentence),)


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
