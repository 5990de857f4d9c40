"""Presenters for the outer-and-inner-alignment page: pure functions of the model's result."""
from __future__ import annotations

from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import pct, upper_first

from .model import DEPLOY, EDITED, NAMES, PLANS, TRAIN, Run, designer_reward

COLOURS = {"finish": kit.GREEN, "loop": kit.VERMILION, "channel": kit.BLUE, "editor": kit.BLACK, "island": kit.PINK}
DASHES = {"finish": "solid", "loop": "dash", "channel": "dot", "editor": "dashdot", "island": "longdash"}
PATTERNS = {"finish": "", "loop": "/", "channel": ".", "editor": "x", "island": "\\"}
SHORT = {"finish": "Finish", "loop": "Loop", "channel": "Channel", "editor": "Editor", "island": "Island"}
BLOCK = 10
ROUTES = {"finish": "the course to the finish", "loop": "the loop of targets", "channel": "the unfamiliar channel",
          "editor": "the way to the reward editor", "island": "the way to the addictive island"}


def num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if abs(x - round(x)) > 0.05 else f"{round(x):.0f}"


def present_plans(r: Run) -> list[str]:
    return [p for p in PLANS if any(v is not None for v in r.values[p])]


def shown_line(r: Run) -> dict:
    """The race the map shows, marked on a chart of the whole run (dotted, so it reads without colour)."""
    return {"type": "line", "x0": r.shown, "x1": r.shown, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
            "line": {"color": kit.BLUE, "dash": "dot", "width": 2}}


def values_figure(r: Run) -> dict:
    x = list(range(1, r.races + 1))
    data = [{"type": "scatter", "mode": "lines", "name": SHORT[p], "x": x,
             "y": [None if v is None else round(v, 3) for v in r.values[p]],
             "line": {"color": COLOURS[p], "dash": DASHES[p], "width": 3}, "connectgaps": False,
             "hovertemplate": SHORT[p] + ": %{y:.1f}<extra>race %{x}</extra>"} for p in present_plans(r)]
    return {"data": data, "layout": kit.layout(
        margin={"t": 26, "b": 110, "l": 56, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        shapes=[{"type": "line", "x0": TRAIN + 0.5, "x1": TRAIN + 0.5, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.GREY, "width": 1.5}}, shown_line(r)],
        annotations=[{"x": TRAIN + 0.5, "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "xanchor": "center",
                      "showarrow": False, "text": "training | deployment", "font": {"size": 13}}],
        xaxis=kit.axis("race", range=[0, r.races + 1], ticklabelstandoff=6),
        yaxis=kit.axis("critic's value", range=[-1, 23]))}


def choices_figure(r: Run) -> dict:
    blocks = [(i, min(i + BLOCK, r.races)) for i in range(0, r.races, BLOCK)]
    middles = [(a + b + 1) / 2 for a, b in blocks]
    data = [{"type": "bar", "name": SHORT[p], "x": middles, "y": [round(r.share(p, a, b), 3) for a, b in blocks],
             "width": BLOCK - 1, "customdata": [f"{a + 1}–{b}" for a, b in blocks],
             "marker": {"color": COLOURS[p], "pattern": kit.pattern(PATTERNS[p], COLOURS[p])},
             "hovertemplate": SHORT[p] + ": %{y:.0%}<extra>races %{customdata}</extra>"} for p in present_plans(r)]
    return {"data": data, "layout": kit.layout(
        margin={"t": 26, "b": 110, "l": 56, "r": 14}, barmode="stack", legend=kit.FOOT_LEGEND, showlegend=True,
        shapes=[{"type": "line", "x0": TRAIN + 0.5, "x1": TRAIN + 0.5, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.INK, "width": 2}}, shown_line(r)],
        annotations=[{"x": TRAIN + 0.5, "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "xanchor": "center",
                      "showarrow": False, "text": "training | deployment", "font": {"size": 13}}],
        xaxis=kit.axis("race (blocks of ten)", range=[0, r.races + 1], dtick=20, ticklabelstandoff=6),
        yaxis=kit.axis("share of races", tickformat=".0%", range=[0, 1]))}


def outer_sentence(r: Run) -> str:
    loop, finish = r.share("loop", TRAIN - BLOCK, TRAIN), r.share("finish", TRAIN - BLOCK, TRAIN)
    pays = f"the loop pays {num(designer_reward('loop', r.loophole))} a race against {num(designer_reward('finish', r.loophole))} for finishing"
    if loop > finish:
        return (f"By the end of training the boat circles the loop in {pct(loop)} of races: {pays}, so it follows the "
                f"reward function, not the designer's intention. That is outer misalignment.")
    return (f"By the end of training the boat finishes in {pct(finish)} of races: {pays}, so on the two training "
            f"plans the reward function and the intention agree.")


def inner_sentence(r: Run) -> str:
    first_guess, now = r.values["channel"][TRAIN], r.values["channel"][-1]
    tried = r.first_tried["channel"]
    late = r.share("channel", r.races - 20, r.races)
    real = num(designer_reward("channel", r.loophole)) + (" (nothing once the reward function was edited)"
                                                        if r.edited_at is not None else "")
    head = f"The critic first guessed {num(first_guess)} for the unfamiliar channel, which really pays {real}."
    if tried is None:
        return head + (" The agent never tried it, so the wrong guess was never acted on, and never tested."
                       if abs(first_guess - designer_reward("channel", r.loophole)) > 0.05
                       else " The agent never tried it.")
    if r.learning == "online":
        if late == 0:
            return head + (f" It tried the channel in race {tried}; with online learning the guess fell to {num(now)}, "
                           f"low enough that it stopped taking the channel.")
        return head + (f" It tried the channel in race {tried}; with online learning the guess is now {num(now)}, "
                       f"and it still took the channel in {pct(late)} of the last 20 races.")
    return head + (f" It tried the channel in race {tried}, but with train-then-deploy its critic no longer learns: "
                   f"the guess is still {num(now)}, and it took the channel in {pct(late)} of the last 20 races.")


def special_sentence(r: Run) -> str:
    parts = []
    if r.editor:
        if r.edited_at is None:
            parts.append("It never took the reward editor, so the reward function is still the designer's.")
        else:
            parts.append(f"It took the reward editor in race {r.edited_at}. That was irreversible: the reward function "
                         f"now pays {num(EDITED)} for keeping the edit and nothing for finishing, so "
                         + ("online learning only brought the critic into line with the edited reward"
                            if r.learning == "online" else "learning or not, finishing no longer pays")
                         + f"; {pct(r.intended(r.races - 20, r.races))} of the last 20 races served the designer.")
    if r.island:
        guess, h, e = r.values["island"][-1], r.hooked_at, r.edited_at
        if h is None:
            if r.foresight and e is None and r.hooked_without_foresight is not None:
                parts.append(f"It never tried the island: it foresaw that one visit would change what it values (the "
                             f"same agent without foresight went there in race "
                             f"{r.hooked_without_foresight}). So its critic still guesses {num(guess)} for a place that pays 20, an error "
                             f"that only trying it could correct.")
            else:
                parts.append(f"It never tried the island: its critic rated it too low ({num(guess)}) to be worth a try"
                             f"{', with or without foresight' if r.foresight else ''}, so that guess for a place that "
                             f"pays 20 was never tested.")
        elif e is not None and e < h:
            parts.append(f"It also visited the island in race {h}, but by then the edited reward function paid only "
                         f"for the edit.")
        elif e is not None:
            parts.append(f"It tried the island in race {h} and was hooked, until the edit in race {e} made the reward "
                         f"function pay only for the edit.")
        elif r.learning == "frozen":
            parts.append(f"It tried the island in race {h}; the reward function paid 20, but its frozen critic still "
                         f"rates it {num(guess)}, so it took the island in {pct(r.share('island', r.races - 20, r.races))} "
                         f"of the last 20 races.")
        else:
            parts.append(f"It tried the island in race {h} and was hooked: its critic learned that the island pays 20, "
                         f"and {pct(r.share('island', r.races - 20, r.races))} of the last 20 races ended there.")
    if not parts:
        return "Add the reward editor or the addictive island to see the two situations where this correction comes too late or never."
    return " ".join(parts)


AGENT_CLAIMS = (Claim("outer", outer_sentence), Claim("inner", inner_sentence), Claim("special", special_sentence))


def agent_summary(r: Run) -> str:
    return (f"{pct(r.intended(TRAIN, r.races))} of the {DEPLOY} deployment races served the designer's intention "
            f"(finishing, with the reward function unedited). " + outer_sentence(r))


def agent_table(r: Run) -> Table:
    rows = []
    for p in present_plans(r):
        v, t = r.values[p][-1], r.truth[p][-1]
        rows.append((upper_first(NAMES[p]), "never" if r.first_tried[p] is None else f"race {r.first_tried[p]}",
                     num(v) if v is not None else "", num(t) if t is not None else "",
                     pct(r.share(p, r.races - 20, r.races))))
    return Table("Each plan after the last race: when it was first tried, the critic's value, what it pays now, "
                 "and its share of the last 20 races",
                 ("Plan", "First tried", "Critic's value", "Pays now", "Last 20 races"), tuple(rows))


def agent_live(r: Run) -> dict[str, str]:
    return {"intended": pct(r.intended(TRAIN, r.races)), "loop": pct(r.share("loop", TRAIN - BLOCK, TRAIN))}


def panel(r: Run, values: Mapping[str, Any]) -> dict[str, Any]:
    i = r.shown - 1
    plans = [p for p in PLANS if r.values[p][i] is not None]
    took = r.choices[i]
    edited = r.edited_at is not None and r.edited_at < r.shown
    reward = ([f"Finish: +{num(designer_reward('finish', r.loophole))}",
               f"Target: +2 ({'respawns' if r.loophole else 'once a race'})"]
              if not edited else [f"Edited in race {r.edited_at}:", f"+{num(EDITED)} for keeping the edit"])
    critic = [f"{SHORT[p]}: {num(r.values[p][i])}" for p in plans]
    phase = "training" if r.shown <= TRAIN else "deployment"
    return {"headline": f"Race {r.shown} ({phase}): pays {num(r.rewards[i])}", "habit": took, "plans": plans, "reward": reward, "critic": critic, "edited": edited,
            "marks": {p: f"{num(r.values[p][i])} / {num(r.truth[p][i])}" for p in plans},
            "caption": (f"Race {r.shown} of {r.races} ({phase}): the boat takes {ROUTES[took]}, which pays "
                        f"{num(r.rewards[i])}. Critic's values before the race: {', '.join(critic)}.")}


class AgentResponse(WidgetResponse):
    choices: list[str] = Field(description="The plan taken in each race (60 training, then 60 deployment).")
    rewards: list[float]
    values: dict[str, list[float | None]] = Field(description="Critic's value of each plan before each race (null: not available).")
    pays: dict[str, list[float | None]] = Field(description="What each plan pays under the reward function in force.")
    edited_at: int | None
    hooked_at: int | None
    first_tried: dict[str, int | None]
    intended_share: float = Field(description="Share of deployment races that served the designer's intention.")


def agent_api(values: Mapping[str, Any], r: Run) -> dict:
    return {"choices": list(r.choices), "rewards": list(r.rewards),
            "values": {p: list(v) for p, v in r.values.items()}, "pays": {p: list(v) for p, v in r.truth.items()},
            "edited_at": r.edited_at, "hooked_at": r.hooked_at, "first_tried": r.first_tried,
            "intended_share": r.intended(TRAIN, r.races)}
