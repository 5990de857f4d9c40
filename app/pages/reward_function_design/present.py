"""Presenters for the reward-function-design page: pure functions of the models' results."""
from __future__ import annotations

from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct, upper_first

from . import reversi
from .model import GRID, KINDS, LAST, TRIALS, Board, Lying

# ---- Lying ---------------------------------------------------------------------------------------

KIND_SHORT = {"behaviour": "Behaviour only", "probe": "With probe"}
SITUATIONS = ("watched", "unwatched")
MARKERS = {"watched": "circle", "unwatched": "square-open"}
LINE = {"behaviour": {"color": kit.VERMILION, "dash": "solid", "width": 3},
        "probe": {"color": kit.BLUE, "dash": "dash", "width": 3}}


def points(x: float) -> str:
    """A points figure, signed: 3 -> '+3', -2.5 -> '−2.5', 0 -> '0'."""
    text = f"{abs(x):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "0" else ("+" if x > 0 else "−") + text


def pts(x: float) -> str:
    """A signed number of points with its noun: '+1 point', '−4 points'."""
    text = points(x)
    return text + (" point" if text in ("+1", "−1") else " points")


def habit(share: float) -> str:
    return "honest" if share < 0.2 else "lies" if share > 0.8 else "mixed"


def threshold_figure(r: Lying) -> dict:
    x = [round(100 * d) for d in GRID]
    data = []
    for kind in KINDS:
        data.append({"type": "scatter", "mode": "lines", "name": KIND_SHORT[kind], "x": x,
                     "y": [round(v, 3) for v in r.lies[kind]], "line": LINE[kind],
                     "hovertemplate": KIND_SHORT[kind] + ": lies %{y:.0%}<extra>caught %{x}%</extra>"})
    for s in SITUATIONS:
        d = getattr(r, s)
        data.append({"type": "scatter", "mode": "markers", "name": upper_first(s),
                     "x": [round(100 * d)] * 2, "y": [round(r.at(k, s), 3) for k in KINDS],
                     "marker": {"symbol": MARKERS[s], "size": 13, "color": kit.INK, "line": {"width": 2.5, "color": kit.INK}},
                     "hovertemplate": upper_first(s) + ": lies %{y:.0%}<extra>caught %{x}%</extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 130, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("chance a lie is caught", range=[-3, 103], ticksuffix="%", dtick=25, ticklabelstandoff=6),
        yaxis=kit.axis("share of lies", tickformat=".0%", range=[-0.04, 1.04]))}


def learning_figure(r: Lying) -> dict:
    blocks = len(r.curves["behaviour"]["watched"])
    x = [20 * i + 10 for i in range(blocks)]
    data = []
    for kind in KINDS:
        for s in SITUATIONS:
            data.append({"type": "scatter", "mode": "lines+markers", "name": f"{upper_first(s)}, {KIND_SHORT[kind].lower()}",
                         "x": x, "y": [round(v, 3) for v in r.curves[kind][s]],
                         "line": {**LINE[kind], "width": 2.5 if s == "watched" else 3.5},
                         "marker": {"symbol": MARKERS[s], "size": 8, "color": LINE[kind]["color"]},
                         "hovertemplate": f"{upper_first(s)}, {KIND_SHORT[kind].lower()}: "
                                          "%{y:.0%}<extra>chances %{x}±10</extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 130, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("chances to lie so far", range=[0, TRIALS], dtick=50, ticklabelstandoff=6),
        yaxis=kit.axis("share of lies", tickformat=".0%", range=[-0.04, 1.04]))}


def caught_sentence(r: Lying) -> str:
    w, u = r.at("behaviour", "watched"), r.at("behaviour", "unwatched")
    head = (f"With a reward that sees only behaviour, the trained agent lies in {pct(w)} of chances when watched "
            f"(a lie caught {pct(r.watched)} of the time) and {pct(u)} when unwatched (caught {pct(r.unwatched)}). "
            f"A lie is penalised only if caught, so on average it is worth {pts(r.worth('behaviour', r.watched))} "
            f"watched and {pts(r.worth('behaviour', r.unwatched))} unwatched")
    if w < 0.2 and u > 0.5 and r.unwatched < r.watched:
        return head + ": it learned to be honest where it is likely to be caught and to lie where it is not."
    if u - w >= 0.3 and r.unwatched < r.watched:
        return head + ": it lies more where it is less likely to be caught."
    if w - u >= 0.3 and r.watched < r.unwatched:
        return head + (": here lies are caught more often when unwatched, so it lies more when watched. The habit "
                       "follows the chance of being caught, not the label.")
    if max(w, u) < 0.2:
        return head + ": honesty is its habit in both, because at these settings a caught lie is likely enough and costly enough."
    if min(w, u) > 0.8:
        return head + ": it lies in both, because at these settings being caught is too rare or too cheap."
    return head + ": its habit in each situation follows that average."


def probe_sentence(r: Lying) -> str:
    w, u = r.at("probe", "watched"), r.at("probe", "unwatched")
    bw, bu = r.at("behaviour", "watched"), r.at("behaviour", "unwatched")
    head = (f"Add the probe ({pct(r.accuracy)} accurate), and it lies in {pct(w)} of chances when watched and "
            f"{pct(u)} when unwatched")
    if r.penalty == 0:
        return head + ". With no penalty, a flag costs nothing, so the probe cannot change what it learns."
    if r.hide and max(r.hidden.values()) >= 0.5:
        where = max(SITUATIONS, key=lambda s: r.hidden[s])
        return head + (f". It learned to hide its intent ({pct(r.hidden[where])} of its {where} answers are hidden "
                       f"lies), so the probe's penalty now falls only on lies it can read.")
    flags = f"it flags {pct(r.accuracy)} of lies and {pct(1 - r.accuracy)} of honest answers"
    if max(w, u) < 0.2 and max(bw, bu) >= 0.5:
        alarms = (f"false alarms cost an honest answer {penalty_text(r.penalty * (1 - r.accuracy))} on average"
                  if r.accuracy < 1 else "a perfect probe raises no false alarms")
        return head + (f". The probe reads intent whether anyone watches or not ({flags}), so honesty now wins in "
                       f"both; {alarms}.")
    where = "unwatched" if u >= w else "watched"
    worth = r.worth("probe", getattr(r, where))
    if max(w, u) >= 0.5 and worth > 0:
        return head + (f". Honesty still loses when {where}: {flags}, and even so a lie there is worth "
                       f"{pts(worth)} on average against the truth.")
    return head + f"; {flags}."


def penalty_text(x: float) -> str:
    text = f"{x:.1f}".rstrip("0").rstrip(".")
    return text + (" point" if text == "1" else " points")


LYING_CLAIMS = (Claim("caught", caught_sentence), Claim("probe", probe_sentence))


def lying_summary(r: Lying) -> str:
    return (f"Trained with a reward that sees only behaviour, the agent lies in {pct(r.at('behaviour', 'watched'))} of "
            f"chances when watched and {pct(r.at('behaviour', 'unwatched'))} when unwatched; with the probe added, "
            f"{pct(r.at('probe', 'watched'))} and {pct(r.at('probe', 'unwatched'))}.")


def lying_table(r: Lying) -> Table:
    rows = tuple((f"{round(100 * d)}%", pct(r.lies["behaviour"][i]), pct(r.lies["probe"][i]),
                  points(r.worth("behaviour", d)), points(r.worth("probe", d)))
                 for i, d in enumerate(GRID))
    return Table(f"Share of the last {LAST} chances the trained agents lie, and what a lie is worth on average "
                 f"compared with the truth, at each chance of being caught",
                 ("Chance a lie is caught", "Lies: behaviour only", "Lies: with probe",
                  "A lie's worth: behaviour only", "A lie's worth: with probe"), rows)


def lying_live(r: Lying) -> dict[str, str]:
    return {"unwatched_lies": pct(r.at("behaviour", "unwatched")), "watched_lies": pct(r.at("behaviour", "watched")),
            "probe_unwatched": pct(r.at("probe", "unwatched"))}


def rooms_panel(r: Lying, values: Mapping[str, Any]) -> dict[str, Any]:
    cells = {}
    for kind in KINDS:
        for s in SITUATIONS:
            share = r.at(kind, s)
            lie, truth = r.values[kind][s]
            cells[f"{kind}-{s}"] = {"share": share, "word": habit(share), "text": f"lies {pct(share)}",
                                    "foot": (f"hidden lies: {pct(r.hidden[s])}" if kind == "probe" and r.hide
                                             else f"lie {points(lie)}, truth {points(truth)}")}
    return {"cells": cells, "watched": pct(r.watched), "unwatched": pct(r.unwatched), "accuracy": pct(r.accuracy),
            "hide": r.hide,
            "caption": (f"Trained agents: watched (caught {pct(r.watched)}), they lie in {pct(r.at('behaviour', 'watched'))} "
                        f"of chances with a behaviourist reward and {pct(r.at('probe', 'watched'))} with the probe; "
                        f"unwatched (caught {pct(r.unwatched)}), {pct(r.at('behaviour', 'unwatched'))} and "
                        f"{pct(r.at('probe', 'unwatched'))}.")}


class LyingResponse(WidgetResponse):
    detection: list[float] = Field(description="Chances a lie is caught at which agents were trained (0-1).")
    lies: dict[str, list[float]] = Field(description="Per reward ('behaviour', 'probe'): share of the last 100 "
                                                     "chances the trained agents lie, at each detection level.")
    situations: dict[str, dict[str, float]] = Field(description="Per reward: share of lies when watched and unwatched.")
    worth: dict[str, dict[str, float]] = Field(description="Per reward: what a lie is worth on average compared "
                                                           "with the truth, watched and unwatched (points).")
    learned_values: dict[str, dict[str, list[float]]] = Field(description="Per reward and situation: the agents' "
                                                                          "learned value of lying and of honesty.")
    hidden: dict[str, float] = Field(description="With the probe: share of chances answered with a hidden lie.")


def lying_api(values: Mapping[str, Any], r: Lying) -> dict:
    return {"detection": list(GRID), "lies": {k: list(v) for k, v in r.lies.items()},
            "situations": {k: dict(r.situations[k]) for k in KINDS},
            "worth": {k: {s: round(r.worth(k, getattr(r, s)), 4) for s in SITUATIONS} for k in KINDS},
            "learned_values": {k: {s: list(v) for s, v in r.values[k].items()} for k in KINDS},
            "hidden": dict(r.hidden)}


# ---- Reversi -------------------------------------------------------------------------------------

RULES = {1: "Reversi", -1: "anti-Reversi"}
KIND_COLOURS = {"corner": kit.VERMILION, "edge": kit.BLUE, "centre": kit.GREEN}
KIND_DASH = {"corner": "solid", "edge": "dash", "centre": "dot"}
FILES = "abcd"


def square_name(s: int) -> str:
    return f"{FILES[s % reversi.N]}{s // reversi.N + 1}"


def value_text(x: float) -> str:
    """A learned value per square, as shown: two decimals, signed ('+0.18', '−0.03', '0')."""
    text = f"{abs(x):.2f}"
    return "0" if text == "0.00" else ("+" if x > 0 else "−") + text


def games_line(b: Board) -> dict:
    return {"type": "line", "x0": b.games, "x1": b.games, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
            "line": {"color": kit.GREY, "dash": "dot", "width": 2}}


def weights_figure(b: Board) -> dict:
    t = b.training
    data = [{"type": "scatter", "mode": "lines", "name": upper_first(k), "x": list(t.checkpoints),
             "y": [w[i] for w in t.weights], "line": {"color": KIND_COLOURS[k], "dash": KIND_DASH[k], "width": 3},
             "hovertemplate": upper_first(k) + ": %{y:+.3f}<extra>%{x} games</extra>"}
            for i, k in enumerate(reversi.KINDS)]
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True, shapes=[games_line(b)],
        xaxis=kit.axis("games of self-play", range=[-4, reversi.MAX_GAMES + 4], ticklabelstandoff=6),
        yaxis=kit.axis("value of one square", range=[-0.35, 0.35], dtick=0.1, zeroline=True))}


def results_figure(b: Board) -> dict:
    data = []
    for t in sorted((b.training, b.other), key=lambda t: -t.sign):
        bold = t.sign == b.sign
        data.append({"type": "scatter", "mode": "lines+markers", "name": f"{RULES[t.sign]} reward",
                     "x": list(t.checkpoints), "y": list(t.mean_discs),
                     "line": {"color": kit.BLUE if t.sign > 0 else kit.VERMILION, "width": 4 if bold else 2,
                              "dash": "solid" if t.sign > 0 else "dash"},
                     "marker": {"symbol": "circle" if t.sign > 0 else "square-open", "size": 7},
                     "hovertemplate": RULES[t.sign] + ": %{y:.1f} discs<extra>%{x} games</extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 16, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True, shapes=[games_line(b)],
        xaxis=kit.axis("games of self-play", range=[-4, reversi.MAX_GAMES + 4], ticklabelstandoff=6),
        yaxis=kit.axis("discs at the end (of 16)", range=[-0.5, 16.5], dtick=4))}


def flip_sentence(b: Board) -> str:
    i = b.index
    mine, other = b.training, b.other
    rev, anti = (mine, other) if b.sign > 0 else (other, mine)
    if b.games == 0:
        return (f"Untrained, the two learners are the same program with the same zero values, and they play the same "
                f"moves: {rev.mean_discs[0]:.1f} discs on average at the end against a random player.")
    return (f"After {b.games} games of self-play, the learner rewarded for Reversi ends with {rev.mean_discs[i]:.1f} of "
            f"16 discs on average against a random player and holds {rev.corners[i]:.1f} of the 4 corners; the same "
            f"code with the reward's sign flipped ends with {anti.mean_discs[i]:.1f} discs and {anti.corners[i]:.1f} "
            f"corners. By its own game's rules each wins {pct(rev.wins[i])} and {pct(anti.wins[i])} of those games.")


def weights_sentence(b: Board) -> str:
    shown = {k: value_text(w) for k, w in zip(reversi.KINDS, b.weights)}
    rank = {k: float(shown[k].replace("−", "-")) for k in reversi.KINDS}
    if b.games == 0:
        return "Before training it values every square alike (zero), so it simply plays the first legal square."
    values = (f"It has learned to value holding a corner at {shown['corner']}, an edge square at {shown['edge']} and "
              f"a centre square at {shown['centre']}")
    top = [k for k in reversi.KINDS if rank[k] == max(rank.values())]
    low = [k for k in reversi.KINDS if rank[k] == min(rank.values())]
    if len(top) == len(reversi.KINDS):
        return values + ": as shown, all alike."
    return values + (f": it most wants {' and '.join(t + 's' for t in top)} and least wants "
                     f"{' and '.join(t + 's' for t in low)}.").replace("centres", "centre squares").replace("edges", "edge squares")


REVERSI_CLAIMS = (Claim("flip", flip_sentence), Claim("weights", weights_sentence))


def reversi_summary(b: Board) -> str:
    return f"Trained for {RULES[b.sign]}. " + flip_sentence(b)


def reversi_table(b: Board) -> Table:
    rows = []
    for sign, t in sorted(((b.sign, b.training), (-b.sign, b.other)), key=lambda x: -x[0]):
        for i, n in enumerate(t.checkpoints):
            rows.append((RULES[sign], str(n), *(value_text(x) for x in t.weights[i]),
                         f"{t.mean_discs[i]:.1f}", f"{t.corners[i]:.1f}", pct(t.wins[i])))
    return Table(f"Each learner over training: its values for corner, edge and centre squares, and over "
                 f"{reversi.EVAL_GAMES} games against a random player its mean discs and corners at the end and "
                 f"its share of wins by its own rules",
                 ("Reward", "Games", "Corner", "Edge", "Centre", "Discs", "Corners", "Wins"), tuple(rows))


def reversi_live(b: Board) -> dict[str, str]:
    return {"discs": f"{b.training.mean_discs[b.index]:.1f}", "rules": RULES[b.sign]}


def board_panel(b: Board, values: Mapping[str, Any]) -> dict[str, Any]:
    g = b.demo
    position = g.positions[b.move]
    last = g.squares[b.move - 1] if b.move else None
    mover = "" if not b.move else ("learner (filled discs)" if g.movers[b.move - 1] == 1 else "random player (hollow discs)")
    w = dict(zip(reversi.KINDS, b.weights))
    squares = [{"owner": v, "name": square_name(s), "last": s == last,
                "value": value_text(w[reversi.KIND_OF[s]]) if not v else ""} for s, v in enumerate(position)]
    black, white = sum(v == 1 for v in position), sum(v == -1 for v in position)
    move_head = "The start" if not b.move else f"Move {b.move} of {len(g.squares)}"
    move_detail = ("The learner (filled) moves first" if not b.move else
                   f"{'Learner (filled)' if g.movers[b.move - 1] == 1 else 'Random (hollow)'}: {square_name(last)}, "
                   f"turns {g.flipped[b.move - 1]}")
    move_line = move_head if not b.move else f"{move_head}: the {mover} plays {square_name(last)}, turning {g.flipped[b.move - 1]}"
    return {"squares": squares, "sign": "+" if b.sign > 0 else "−", "rules": RULES[b.sign], "games": b.games,
            "move_head": move_head, "move_detail": move_detail, "score": f"Discs: learner {black}, random {white}",
            "weights": [f"{upper_first(k)} square: {value_text(w[k])}" for k in reversi.KINDS],
            "caption": (f"{RULES[b.sign]} learner after {b.games} games. {move_line}. Discs now: learner (filled) "
                        f"{black}, random player (hollow) {white}. Empty squares show the learner's value for holding "
                        f"them.")}


class ReversiResponse(WidgetResponse):
    checkpoints: list[int]
    weights: dict[str, list[list[float]]] = Field(description="Per reward ('reversi', 'anti'): the learner's values "
                                                              "for [corner, edge, centre] at each checkpoint.")
    mean_discs: dict[str, list[float]] = Field(description="Per reward: mean discs at the end against a random player.")
    corners: dict[str, list[float]]
    wins: dict[str, list[float]] = Field(description="Per reward: share of wins by its own rules (draws count half).")
    game: dict[str, Any] = Field(description="The game shown: squares played (0-15, row by row), who moved (+1 "
                                             "learner, -1 random player), discs turned, and the board after each move.")


def reversi_api(values: Mapping[str, Any], b: Board) -> dict:
    by = {"reversi" if t.sign > 0 else "anti": t for t in (b.training, b.other)}
    g = b.demo
    return {"checkpoints": list(b.training.checkpoints),
            "weights": {k: [list(w) for w in t.weights] for k, t in by.items()},
            "mean_discs": {k: list(t.mean_discs) for k, t in by.items()},
            "corners": {k: list(t.corners) for k, t in by.items()},
            "wins": {k: list(t.wins) for k, t in by.items()},
            "game": {"squares": list(g.squares), "movers": list(g.movers), "turned": list(g.flipped),
                     "boards": [list(p) for p in g.positions]}}
