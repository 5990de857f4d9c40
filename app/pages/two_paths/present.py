"""Presenters for the two-paths page: pure functions of the model's result."""
from __future__ import annotations

from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct, upper_first

from .model import SPLITS, Hedge

NAMES = {"controlled": "controlled AGI", "social": "social-instinct AGI"}
PLANS = (("Only social-instinct", 0.0), ("Even split", 0.5), ("Only controlled", 1.0))


def curve_figure(r: Hedge) -> dict:
    xs = list(SPLITS)
    line = {"type": "scatter", "mode": "lines", "name": "At least one works", "x": xs,
            "y": [round(r.curve[s], 4) for s in xs], "line": {"color": kit.BLUE, "width": 3},
            "hovertemplate": "%{x:.0%} on controlled: %{y:.0%}<extra></extra>"}
    marks = [{"type": "scatter", "mode": "markers", "name": name, "x": [share], "y": [round(r.curve[share], 4)],
              "marker": {"size": 11, "symbol": symbol, "color": kit.INK},
              "hovertemplate": name + ": %{y:.0%}<extra></extra>"}
             for (name, share), symbol in zip(PLANS, ("circle", "square", "diamond"))]
    best = {"type": "scatter", "mode": "markers", "name": "Best split", "x": [r.best_share], "y": [round(r.best, 4)],
            "marker": {"size": 16, "symbol": "star", "color": kit.VERMILION},
            "hovertemplate": "best split: %{x:.0%} on controlled, %{y:.0%}<extra></extra>"}
    return {"data": [line, *marks, best], "layout": kit.layout(
        margin={"t": 16, "b": 156, "l": 60, "r": 20}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("share of effort on controlled AGI", tickformat=".0%", range=[-0.04, 1.04],
                       ticklabelstandoff=6),
        yaxis=kit.axis("chance at least one works", tickformat=".0%", range=[-0.04, 1.06]))}


def paths_figure(r: Hedge) -> dict:
    names = ["Only<br>social", "Even<br>split", "Only<br>controlled"]
    shares = [s for _, s in PLANS]
    data = [{"type": "bar", "name": upper_first(NAMES[p]) + " works", "x": names,
             "y": [round(r.path_chance[s][p], 4) for s in shares],
             "marker": {"color": colour, "pattern": kit.pattern(shape, colour)},
             "hovertemplate": NAMES[p] + ": %{y:.0%}<extra>%{x}</extra>"}
            for p, colour, shape in (("controlled", kit.VERMILION, ""), ("social", kit.BLUE, "/"))]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 100, "l": 56, "r": 14}, barmode="group", showlegend=True, legend=kit.FOOT_LEGEND,
        xaxis=kit.axis(None, tickangle=0), yaxis=kit.axis("chance it works", tickformat=".0%", range=[0, 1.05]))}


def flat(r: Hedge) -> bool:
    """Every split gives the same chance, to the percent shown."""
    return pct(min(r.curve.values())) == pct(max(r.curve.values()))


def verdict_sentence(r: Hedge) -> str:
    head = (f"Putting everything on controlled AGI gives a {pct(r.only_controlled)} chance that at least one path "
            f"works, and everything on social-instinct AGI {pct(r.only_social)}")
    if r.best < 0.005:
        return head + ". Nothing works at these settings, however the effort is split."
    if flat(r):
        return head + f". The split makes no difference here: every split gives {pct(r.best)}."
    head += (f"; an even split gives {pct(r.even)}, and the best split ({pct(r.best_share)} of effort on controlled "
             f"AGI) {pct(r.best)}.")
    gain = round(r.best * 100) - round(max(r.only_controlled, r.only_social) * 100)
    if 0 < r.best_share < 1 and gain >= 1:
        return head + f" Digging into both beats the better path alone by {gain} percentage point{'' if gain == 1 else 's'}."
    if 0 < r.best_share < 1:
        return head + " Splitting does no better than the better path alone, to the percent."
    alone = "controlled AGI" if r.best_share == 1 else "social-instinct AGI"
    return head + f" Here the best plan puts everything on {alone}: the other path adds less than it costs."


def hedge_sentence(r: Hedge) -> str:
    def left(path: str, share: float) -> str:
        return pct(r.if_impossible(path, share))
    return (f"If controlled AGI proves impossible (nothing in nature shows it can be done), putting everything on it "
            f"would leave {left('controlled', 1.0)}, while the even split keeps {left('controlled', 0.5)} from the "
            f"social-instinct work. If instead social-instinct AGI proves impossible, putting everything on it would "
            f"leave {left('social', 0.0)}, while the even split keeps {left('social', 0.5)} from the controlled work.")


BOTH_CLAIMS = (Claim("verdict", verdict_sentence), Claim("hedge", hedge_sentence))


def both_summary(r: Hedge) -> str:
    return verdict_sentence(r)


def both_table(r: Hedge) -> Table:
    rows = tuple((pct(s), pct(r.path_chance[s]["controlled"]), pct(r.path_chance[s]["social"]), pct(r.curve[s]))
                 for s in SPLITS[::2] + ((r.best_share,) if r.best_share not in SPLITS[::2] else ()))
    return Table("Chance each path works, and that at least one does, by the share of effort on controlled AGI",
                 ("Effort on controlled", "Controlled works", "Social-instinct works", "At least one"), rows)


def both_live(r: Hedge) -> dict[str, str]:
    return {"both": pct(r.best), "controlled": pct(r.only_controlled), "social": pct(r.only_social)}


def panel(r: Hedge, values: Mapping[str, Any]) -> dict[str, Any]:
    s = r.best_share
    notes = {}
    for path, share in (("controlled", s), ("social", 1 - s)):
        odds = f"Feasible {pct(r.feasible[path])}, wanted {pct(r.desirable[path])}. "
        notes[path] = odds + (f"With effort split evenly it works with {pct(r.path_chance[0.5][path])}." if flat(r) else
                              f"At the best split ({pct(share)} of effort here) it works with {pct(r.path_chance[s][path])}.")
    caption = (f"The two paths at these settings: at least one works with a chance of {pct(r.best)}"
               + (", whatever the split." if flat(r) else " at the best split."))
    return {"notes": notes, "caption": caption}


class BothResponse(WidgetResponse):
    curve: dict[str, float] = Field(description="Share of effort on controlled AGI -> chance at least one path works.")
    path_chance: dict[str, dict[str, float]] = Field(description="Share on controlled -> each path's own chance.")
    best_share: float
    only_controlled: float
    only_social: float
    even: float
    best: float


def both_api(values: Mapping[str, Any], r: Hedge) -> dict:
    return {"curve": {f"{s:g}": v for s, v in r.curve.items()},
            "path_chance": {f"{s:g}": c for s, c in r.path_chance.items()}, "best_share": r.best_share,
            "only_controlled": r.only_controlled, "only_social": r.only_social, "even": r.even, "best": r.best}
