"""Presenters for the outer-and-inner-alignment page: pure functions of the model's result."""
from __future__ import annotations

import math
import re
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, join_and, num, pct, reads_as, share, upper_first

from .model import EDITED, NAMES, PLANS, TARGET_EACH, TIE, TRAIN, Run, designer_reward, edited_reward, first_guess

# The editor in ink, which the dark theme swaps (black stayed black on the dark page).
COLOURS = {"finish": kit.GREEN, "loop": kit.VERMILION, "channel": kit.BLUE, "editor": kit.INK, "island": kit.PINK}
DASHES = {"finish": "solid", "loop": "dash", "channel": "dot", "editor": "dashdot", "island": "longdash"}
SHORT = {"finish": "Finish", "loop": "Loop", "channel": "Channel", "editor": "Editor", "island": "Island"}
BLOCK = 10
# The plans as noun phrases, for sentences such as "the 14 it expected from circling the loop of targets".
PLAN_NOUNS = {"finish": "finishing the race", "loop": "circling the loop of targets", "channel": "the unfamiliar channel",
              "editor": "the reward editor", "island": "the addictive island"}
ROUTES = {"finish": "the course to the finish", "loop": "the loop of targets", "channel": "the unfamiliar channel",
          "editor": "the way to the reward editor", "island": "the way to the addictive island"}


def val(x: float) -> str:
    """A critic's value or a reward as shown: a whole number when it is within 0.05 of one, else one decimal,
    with a true minus sign ('−2') and none on zero."""
    return num(x, 0 if abs(x - round(x)) < 0.05 else 1, tiny=False)


def present_plans(r: Run) -> list[str]:
    return [p for p in PLANS if any(v is not None for v in r.values[p])]


def shown_line(r: Run) -> dict:
    """The race the map shows, marked on a chart of the whole run (dotted, so it reads without colour)."""
    return {"type": "line", "x0": r.shown, "x1": r.shown, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
            "line": {"color": kit.BLUE, "dash": "dot", "width": 2}}


SYMBOLS = {"finish": "circle", "loop": "square", "channel": "diamond", "editor": "x", "island": "triangle-up"}
VALUES_HEIGHT, VALUES_MARGIN = 320, {"t": 26, "b": 44, "l": 56, "r": 72}


def end_names(r: Run, plans: list[str], y_range: list[float]) -> list[dict]:
    """Each line's name in the right margin at its last value, in its colour; names closer than a line of text are
    pushed apart, top down, and the stack lifted back inside the axis if it runs off the bottom."""
    plot = VALUES_HEIGHT - VALUES_MARGIN["t"] - VALUES_MARGIN["b"]
    gap = 17 * (y_range[1] - y_range[0]) / plot
    ends = sorted(((r.values[p][-1], p) for p in plans), reverse=True)
    placed: list[list] = []
    for y, p in ends:
        placed.append([min(y, placed[-1][0] - gap) if placed else y, p])
    low = y_range[0] + gap / 2
    if placed and placed[-1][0] < low:
        shift = low - placed[-1][0]
        for item in placed:
            item[0] += shift
    return [{"x": 1, "xref": "paper", "xanchor": "left", "xshift": 6, "y": y, "yref": "y", "yanchor": "middle",
             "showarrow": False, "text": SHORT[p], "font": {"color": COLOURS[p], "size": 13, "weight": "bold"}}
            for y, p in placed]


def values_figure(r: Run) -> dict:
    """The critic's value of each plan before each race, each line named at its end; a mark on a line: the race took
    that plan (so the chart also shows what the boat chose, race by race)."""
    x = list(range(1, r.races + 1))
    plans = present_plans(r)
    lines = [{"type": "scatter", "mode": "lines", "name": SHORT[p], "x": x,
              "y": [None if v is None else round(v, 3) for v in r.values[p]],
              "line": {"color": COLOURS[p], "dash": DASHES[p], "width": 3}, "connectgaps": False,
              "customdata": ["" if v is None else val(v) for v in r.values[p]],
              "hovertemplate": SHORT[p] + ": %{customdata}<extra>race %{x}</extra>"} for p in plans]
    taken = [{"type": "scatter", "mode": "markers", "name": SHORT[p] + " taken",
              "x": [i + 1 for i, c in enumerate(r.choices) if c == p],
              "y": [round(r.values[p][i], 3) for i, c in enumerate(r.choices) if c == p],
              "marker": {"color": COLOURS[p], "symbol": SYMBOLS[p], "size": 7, "line": {"width": 0}},
              "hovertemplate": "race %{x}: took " + SHORT[p] + "<extra></extra>"} for p in plans]
    y_range = value_range(r)
    return {"data": lines + taken, "layout": kit.layout(
        margin=VALUES_MARGIN, showlegend=False,
        shapes=[{"type": "line", "x0": TRAIN + 0.5, "x1": TRAIN + 0.5, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.GREY, "width": 1.5}}, shown_line(r)],
        annotations=[{"x": TRAIN + 0.5, "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "xanchor": "center",
                      "showarrow": False, "text": "training | deployment", "font": {"size": 13}}]
        + end_names(r, plans, y_range),
        xaxis=kit.axis("race (a mark: the plan it took)", range=[0, r.races + 1], ticklabelstandoff=6),
        yaxis=kit.axis("critic's value", range=y_range))}


def value_range(r: Run) -> list[float]:
    """-1 to 23, widened to hold every value plotted (a critic that fears a new plan guesses below 0)."""
    plotted = [v for p in PLANS for v in r.values[p] if v is not None]
    return [min(-1.0, math.floor(min(plotted)) - 1), max(23.0, math.ceil(max(plotted)) + 1)]


def after_share(r: Run, plan: str, race: int, end: int | None = None) -> tuple[float, int]:
    """Share of the races after `race` (1-based) up to `end` (default: the last) that took `plan`, and how many."""
    picks = r.choices[race:end if end is not None else r.races]
    return (sum(c == plan for c in picks) / len(picks), len(picks)) if picks else (0.0, 0)


def outer_sentence(r: Run) -> str:
    loop, finish = r.share("loop", TRAIN - BLOCK, TRAIN), r.share("finish", TRAIN - BLOCK, TRAIN)
    pays = (f"the loop pays {val(designer_reward('loop', r.loophole))} a race against "
            f"{val(designer_reward('finish', r.loophole))} for finishing")
    if loop > finish:
        return (f"By the end of training the boat circles the loop in {pct(loop)} of races: {pays}, so it follows the "
                f"reward function, not the designer's intention. That is outer misalignment.")
    return (f"By the end of training the boat finishes in {pct(finish)} of races: {pays}, so on the two training "
            f"plans the reward function and the intention agree.")


def _top_other(r: Run, plan: str) -> str:
    """The plan other than `plan` that the critic values most at the end."""
    return max((p for p in PLANS if p != plan and r.values[p][-1] is not None), key=lambda p: r.values[p][-1])

def inner_sentence(r: Run) -> str:
    guess, now = r.values["channel"][TRAIN], r.values["channel"][-1]
    tried = r.first_tried["channel"]
    late = r.share("channel", r.races - 20, r.races)
    real = val(designer_reward("channel", r.loophole)) + (" (nothing once the reward function was edited)"
                                                        if r.edited_at is not None else "")
    head = f"The critic first guessed {val(guess)} for the unfamiliar channel, which really pays {real}."
    if tried is None:
        paid = designer_reward("channel", r.loophole)
        return head + (" The agent never tried it, so its wrong guess was never acted on, and never tested."
                       if val(guess) != val(paid) and guess > paid else
                       " The agent never tried it, so its low guess was never tested."
                       if val(guess) != val(paid) else " The agent never tried it.")
    times = r.choices.count("channel")
    took = (f"it took the channel in {pct(late)} of the last 20 races" if late > 0
            else "it took the channel only that once" if times == 1
            else f"it took the channel {count(times, 'time')} in all, none in the last 20 races")
    top = _top_other(r, "channel")
    below = (f", below the {val(r.values[top][-1])} it expects from {PLAN_NOUNS[top]}"
             if val(now) != val(r.values[top][-1]) and now < r.values[top][-1] else "")
    if r.learning == "online":
        moved = ("stayed at" if val(now) == val(guess) else "fell to" if now < guess else "rose to")
        return (head + f" It tried the channel in race {tried}; with online learning the guess {moved} {val(now)}"
                       f"{below}, and {took}.")
    return head + (f" It tried the channel in race {tried}, but with train-then-deploy its critic no longer learns: "
                   f"the guess is still {val(now)}{below}, and {took}.")


def editor_part(r: Run) -> str:
    e = r.edited_at
    if e is None:
        return "It never took the reward editor, so the reward function is still the designer's."
    if r.learning != "online":
        then = "learning or not, finishing no longer paid"
    elif e < r.races:
        then = "online learning then pulled the critic toward the edited reward, not back to the designer's"
    else:
        then = "no race was left for learning to notice"
    served = r.served(TRAIN, r.races)
    before = (f". Before the edit, {count(served, 'deployment race')} served the designer" if served else "")
    pick = chance_pick(r, "editor", e)
    took = (f"It took the reward editor in race {e}, {pick}. The edit was" if pick
            else f"It took the reward editor in race {e}. That was")
    return (f"{took} irreversible: from then on the reward function paid "
            f"{val(EDITED)} for keeping the edit and nothing for finishing, so {then}. This page counts a race as "
            f"serving the designer only while the reward function is unedited, so by definition no race after the "
            f"edit does, whatever the critic learns{before}.")


def _preferred(r: Run, plan: str, race: int) -> str | None:
    """The plan on offer in `race` (1-based) that the critic rated highest, where it rated `plan`, taken then, lower
    (as shown): the boat took `plan` only because its picks are random. None where `plan` was rated the best."""
    i = race - 1
    best = max((p for p in r.offered(race) if p != plan), key=lambda p: r.values[p][i], default=None)
    if best is None or not r.values[plan][i] < r.values[best][i] or val(r.values[plan][i]) == val(r.values[best][i]):
        return None
    return best


def chance_pick(r: Run, plan: str, race: int) -> str:
    """'a chance pick: …' where the boat took `plan` in `race` though its critic rated another plan higher; else ''."""
    best = _preferred(r, plan, race)
    if best is None:
        return ""
    i, name = race - 1, {"editor": "the editor", "island": "the island"}[plan]
    return (f"a chance pick: its critic rated {name} {val(r.values[plan][i])}, below the {val(r.values[best][i])} it "
            f"expected from {PLAN_NOUNS[best]}, but the boat's choices are random, weighted toward what its critic "
            f"values more, and {name}'s chance of being picked was {share(r.chances[i])}")


def _first_visit(r: Run, t: int) -> str:
    pick = chance_pick(r, "island", t)
    return f" That first visit was {pick}." if pick else ""


def island_pays(r: Run) -> str:
    """What the island pays at the end, as 'pays X'; once the reward function is edited, since when, and what the
    designer's would pay."""
    if r.edited_at is None:
        return f"pays {val(r.truth['island'][-1])}"
    return (f"has paid {val(edited_reward('island'))} since the edit in race {r.edited_at} "
            f"({val(designer_reward('island', r.loophole))} under the designer's reward function)")


def _island_pays_shown(r: Run, m) -> bool:
    if m["now"] is not None:
        return r.edited_at is None and _is(m["now"], r.truth["island"][-1])
    e = int(m["e"])
    return (r.edited_at == e and _is(m["since"], edited_reward("island"))
            and all(_is(m["since"], t) for t in r.truth["island"][e:])
            and _is(m["designer"], designer_reward("island", r.loophole)))


ISLAND_PAYS = (r"(?:pays (?P<now>[^\s:,]+)|has paid (?P<since>\S+) since the edit in race (?P<e>\d+) "
               r"\((?P<designer>\S+) under the designer's reward function\))")


def island_part(r: Run) -> str:
    t, e = r.first_tried["island"], r.edited_at
    guess = r.values["island"][TRAIN]
    if t is None:
        declined = [i for i, o in enumerate(r.outlook) if o is not None and o[1] < o[0]]
        pays_now = island_pays(r)
        if declined:
            stay, visit = r.outlook[declined[0]]
            twin, twin_edit = r.visited_without_foresight, r.edited_without_foresight
            contrast = (", though without foresight it would not have tried it either" if twin is None
                        else f" (the same agent without foresight went there in race {twin})" if _twin_hooked(r)
                        else f" (the same agent without foresight edited its reward function in race {twin_edit} and went "
                             f"to the island only afterwards, in race {twin}, when it paid nothing)")
            return (f"It never tried the island. Its foresight weighed what a visit would do: its critic would learn "
                    f"what the island pays and keep sending it back, and judged by what it valued in race "
                    f"{declined[0] + 1}, that future was worth {val(visit)} a race against {val(stay)} for staying "
                    f"away, so it declined{contrast}. Its critic still guesses {val(r.values['island'][-1])} for a "
                    f"place that {pays_now}: an error only a visit could correct.")
        best = _top_other(r, "island")
        why = (", and with a frozen critic a visit would have taught it nothing, so foresight had nothing to weigh"
               if r.foresight and r.learning != "online" else "")
        return (f"It never tried the island: its critic rated it {val(r.values['island'][-1])}, below the "
                f"{val(r.values[best][-1])} it expected from {PLAN_NOUNS[best]}, so its choices never landed there{why}. "
                f"That guess, for a place that {pays_now}, was never tested.")
    if e is not None and e < t:
        return (f"It visited the island in race {t}, after the edit: by then the edited reward function paid "
                f"{val(r.truth['island'][t - 1])} for it." + _first_visit(r, t))
    if r.learning != "online":
        share, n = after_share(r, "island", t)
        back = ("" if n == 0 else f"; it went back in {pct(share)} of the {count(n, 'race')} after that" if share > 0
                else "; it never went back")
        return (f"It tried the island in race {t}, and the reward function paid {val(r.rewards[t - 1])}, but its frozen "
                f"critic learned nothing from the visit: it still rates the island {val(r.values['island'][-1])}{back}."
                + _first_visit(r, t))
    share, n = after_share(r, "island", t, e)
    learned = max(v for v in r.values["island"][t:] + (guess,))
    hooked = n > 0 and share >= 0.5 and learned > guess
    text = (f"It tried the island in race {t}" + (" and was hooked" if hooked else "")
            + f": its critic learned that the island pays {val(r.rewards[t - 1])}"
            + (f", and it went back in {pct(share)} of the {count(n, 'race')} after that" if n else "")
            + (f", until the edit in race {e} made the reward function pay only for the edit" if e is not None else "")
            + "." + _first_visit(r, t))
    if r.foresight and r.outlook[t - 1] is not None:
        text += " " + foresight_part(r, t)
    return text


def _twin_hooked(r: Run) -> int | None:
    """The first island visit of the same run without foresight, if it came while the island still paid (before
    any edit of that run's own reward function); else None."""
    t, e = r.visited_without_foresight, r.edited_without_foresight
    return t if t is not None and (e is None or e > t) else None


def _declined_before(r: Run, t: int) -> list[int]:
    """The races (1-based) before race t in which foresight judged a visit worse than staying away."""
    return [i + 1 for i, o in enumerate(r.outlook[:t - 1]) if o is not None and o[1] < o[0]]


def _races(races: list[int]) -> str:
    """'in race 61', 'in races 61 to 66', or for races with gaps 'in 4 races from race 61 to race 68'."""
    a, b = races[0], races[-1]
    if races == list(range(a, b + 1)):
        return f"in race {a}" if a == b else f"in races {a} to {b}"
    return f"in {count(len(races), 'race')} from race {a} to race {b}"


def foresight_part(r: Run, t: int) -> str:
    """Whether foresight held back the visit in race t (against the same run without foresight), and how it judged
    the visit when it went."""
    stay, visit = r.outlook[t - 1]
    judged = (f"judged by what it valued in race {t}, a future of going back was worth {val(visit)} a race against "
              f"{val(stay)} for staying away, so by its own values the change looked like no loss.")
    declined, twin = _declined_before(r, t), _twin_hooked(r)
    if not declined or (twin is not None and twin >= t):
        though = (f", though it declined the island {_races(declined)} (the same agent without foresight "
                  f"{'also went there' if twin == t else 'went there only'} in race {twin})" if declined else "")
        return f"Foresight did not hold it back{though}: {judged}"
    lowered = (", until online learning lowered what it expected from its other plans"
               if stay < r.outlook[declined[0] - 1][0] else "")
    if twin is not None:
        return (f"Foresight held it back: it declined the island {_races(declined)}, while staying away looked better "
                f"(the same agent without foresight went there in race {twin}){lowered}: {judged}")
    return f"It had declined the island {_races(declined)}, while staying away looked better{lowered}; then, {judged}"


def special_sentence(r: Run) -> str:
    parts = ([editor_part(r)] if r.editor else []) + ([island_part(r)] if r.island else [])
    if not parts:
        return advice(r)
    return " ".join(parts)


NO_HOLD = "Nor does foresight keep it off an addictive island it would otherwise visit."


def advice(r: Run) -> str:
    """What adding the reward editor or the island would show at these settings (the model runs both), so
    that 'add X to see Y' is said only where adding X shows Y."""
    a, c = r.if_added, r.if_closed
    if a.edits and a.declines:
        return "Add the reward editor or the addictive island to see the two situations where this correction comes too late or never."
    # Foresight off hides the island's situation: say so where turning it on would show it.
    needs_foresight = not r.foresight and a.declines_with_foresight
    if a.edits:
        other = ("needs foresight: turn it on and add the island." if needs_foresight else "does not arise at these settings.")
        return ("Add the reward editor to see one situation where this correction comes too late. The other, "
                f"foresight keeping the boat off the addictive island it would otherwise visit, {other}")
    if a.declines or needs_foresight:
        how = "Turn foresight on and add" if needs_foresight else "Add"
        return (f"{how} the addictive island to see one situation where this correction never comes: foresight keeps the "
                "boat away from it. The other does not arise at these settings: the boat would never take the reward editor.")
    closed_shows = c is not None and c.edits and (c.declines or (not r.foresight and c.declines_with_foresight))
    add = "add the reward editor, or turn foresight on and add the island," if not r.foresight else "add either,"
    closed = f" Close the loophole, then {add} to see them." if closed_shows else ""
    if _loop_outearns_editor(r):
        loop, guess = r.values["loop"][TRAIN], first_guess("editor", True, r.error)
        if closed:
            closed = (f" Close the loophole first (the loop then pays {val(designer_reward('loop', False))} a race), "
                      f"then {add} to see them.")
        return (f"Neither situation arises at these settings. With the loophole open, the boat expects {val(loop)} a race "
                f"from circling the loop, more than the {val(guess)} its critic guesses for the reward editor, so in the "
                f"run with the editor added it never takes the editor. {NO_HOLD}" + closed)
    fav = _preferred_to_editor(r)
    if fav is not None:
        run, guess = r.if_added.with_editor, first_guess("editor", True, r.error)
        n, total = run.choices[TRAIN:].count(fav), r.races - TRAIN
        how = (f"always {TAKES[fav]}, in every one of the {count(total, 'deployment race')}" if n == total else
               f"most often {TAKES[fav]}, in {n} of the {count(total, 'deployment race')}")
        return (f"Neither situation arises at these settings. In the run with the editor added, the boat {how} "
                f"(its critic valued it at {val(run.values[fav][TRAIN])} when deployment began), and never takes the "
                f"reward editor, which its critic guesses is worth only {val(guess)}. {NO_HOLD}" + closed)
    return ("Neither situation arises at these settings: the boat would never take the reward editor. " + NO_HOLD + closed)


def _most_taken(run: Run) -> str | None:
    """The plan taken in more deployment races than any other (None on a tie)."""
    counts = sorted(((run.choices[TRAIN:].count(p), p) for p in PLANS), reverse=True)
    return counts[0][1] if counts[0][0] > counts[1][0] else None


def _loop_outearns_editor(r: Run) -> bool:
    """The loophole is open; at deployment the critic expects more from circling the loop than it guesses the reward
    editor is worth (and closed, the loop pays less than that guess); and in the run with the editor added, circling
    the loop is what the boat does most."""
    return (r.loophole and r.values["loop"][TRAIN] is not None
            and r.values["loop"][TRAIN] > first_guess("editor", True, r.error) > designer_reward("loop", False)
            and r.if_added is not None and r.if_added.with_editor is not None
            and _most_taken(r.if_added.with_editor) == "loop")


def _preferred_to_editor(r: Run) -> str | None:
    """With the loophole open, where the run with the editor added never takes it but takes a plan other than the loop
    most, one its critic valued above its guess for the editor when deployment began: that plan."""
    a = r.if_added
    if not r.loophole or a is None or a.edits or a.with_editor is None:
        return None
    fav = _most_taken(a.with_editor)
    value = None if fav in (None, "loop") else a.with_editor.values[fav][TRAIN]
    return fav if value is not None and value > first_guess("editor", True, r.error) else None


TAKES = {"finish": "finishes the race", "loop": "circles the loop of targets", "channel": "takes the unfamiliar channel",
         "island": "goes to the addictive island"}


# ---- What each phrase asserts, read from the run (tests/test_truths.py checks them over the grid) ---------

def _is(text: str, x: float | None) -> bool:
    """A value quoted as shown (a whole number or one decimal) matches x."""
    return x is not None and abs(float(text.replace("−", "-")) - x) <= 0.05 + 1e-9


def _is_pct(text: str, share: float) -> bool:
    return abs(int(text) - 100 * share) <= 0.5 + 1e-9


def _training(r: Run, plan: str) -> float:
    return sum(c == plan for c in r.choices[TRAIN - 10:TRAIN]) / 10


def _after(r: Run, plan: str, race: int, end: int | None = None) -> tuple[int, int]:
    picks = r.choices[race:(end if end is not None else len(r.choices))]
    return sum(c == plan for c in picks), len(picks)


def _hooked(r: Run) -> bool:
    """Online, it visited the island while it paid 20, its critic's value rose, and it went back in at least
    half the races after (up to the edit, if any)."""
    t = r.first_tried["island"]
    if t is None or r.learning != "online" or r.rewards[t - 1] <= r.values["island"][t - 1]:
        return False
    back, n = _after(r, "island", t, r.edited_at)
    return n > 0 and 2 * back >= n and max(v for v in r.values["island"][t:]) > r.values["island"][t - 1]


def _says_races(m, races: list[int]) -> bool:
    """A match of 'race A', 'races A to B' or 'N races from race A to race B' (in either of two places in the
    pattern) names exactly `races`."""
    g = [int(x) if x else None for x in m.groups()]
    g = g[:5] if any(g[:5]) else g[5:]
    if not races:
        return False
    if g[2] is not None:
        return g[2:] == [len(races), races[0], races[-1]] and races != list(range(races[0], races[-1] + 1))
    return races == list(range(g[0], (g[1] or g[0]) + 1)) and (g[1] is None) == (len(races) == 1)


def _took_instead(r: Run, m) -> bool:
    w = r.if_added.with_editor if r.if_added is not None else None
    if w is None or "editor" in w.choices:
        return False
    plan = {v: k for k, v in TAKES.items()}[m["does"]]
    counts = {p: w.choices[TRAIN:].count(p) for p in PLANS}
    guess = w.values["editor"][TRAIN]
    taken = counts[plan] if m["how"] == "most often" else w.races - TRAIN
    return ((m["n"] is None) == (m["how"] == "always") and int(m["n"] or taken) == counts[plan] == taken
            and counts[plan] > max(c for p, c in counts.items() if p != plan)
            and (m["how"] == "always") == (counts[plan] == w.races - TRAIN)
            and int(m["of"]) == w.races - TRAIN and _is(m["v"], w.values[plan][TRAIN]) and _is(m["g"], guess)
            and w.values[plan][TRAIN] > guess and val(w.values[plan][TRAIN]) != val(guess))


def _taken_below_best(r: Run, m) -> bool:
    race = r.edited_at if m["plan"] == "editor" else r.first_tried["island"]
    if race is None or r.choices[race - 1] != m["plan"]:
        return False
    i, others = race - 1, [p for p in r.offered(race) if p != m["plan"]]
    top = max(r.values[p][i] for p in others)
    return (any(PLAN_NOUNS[p] == m["noun"] and r.values[p][i] == top and _is(m["b"], top) for p in others)
            and _is(m["v"], r.values[m["plan"]][i]) and r.values[m["plan"]][i] < top and reads_as(m["c"], r.chances[i]))


def _outlook_at(r: Run, race: int, m) -> bool:
    o = r.outlook[race - 1] if 0 < race <= len(r.outlook) else None
    return o is not None and _is(m.group("visit"), o[1]) and _is(m.group("stay"), o[0])


OUTER_TRUTHS = (
    Truth(r"circles the loop in (\d+)% of races", lambda r, m: _is_pct(m.group(1), _training(r, "loop"))
          and _training(r, "loop") > _training(r, "finish"),
          "the loop's share of the last ten training races, and more than finishing's"),
    Truth(r"finishes in (\d+)% of races", lambda r, m: _is_pct(m.group(1), _training(r, "finish"))
          and _training(r, "finish") >= _training(r, "loop"),
          "finishing's share of the last ten training races, and at least the loop's"),
    Truth(r"the loop pays (\S+) a race against (\S+) for finishing",
          lambda r, m: _is(m.group(1), r.truth["loop"][TRAIN - 1]) and _is(m.group(2), r.truth["finish"][TRAIN - 1]),
          "what the reward function paid for the loop and for finishing in training"),
    Truth(r"follows the reward function, not the designer's intention|That is outer misalignment",
          lambda r: r.truth["loop"][TRAIN - 1] > r.truth["finish"][TRAIN - 1] and _training(r, "loop") > _training(r, "finish"),
          "the reward function paid more for the loop than for finishing, and the boat chose the loop more"),
    Truth(r"the reward function and the intention agree",
          lambda r: r.truth["finish"][TRAIN - 1] > r.truth["loop"][TRAIN - 1],
          "the reward function paid more for finishing than for the loop"),
)

INNER_TRUTHS = (
    Truth(r"first guessed (\S+) for the unfamiliar channel, which really pays (\S+?)[ .]",
          lambda r, m: _is(m.group(1), r.values["channel"][TRAIN]) and _is(m.group(2), r.truth["channel"][TRAIN]),
          "the critic's value for the channel when it appeared, and what the reward function then paid for it"),
    Truth(r"\(nothing once the reward function was edited\)", lambda r: r.edited_at is not None and r.truth["channel"][-1] == 0,
          "the reward function was edited and then paid nothing for the channel"),
    Truth(r"never tried it, so its wrong guess was never acted on",
          lambda r: r.first_tried["channel"] is None
          and round(r.values["channel"][TRAIN], 1) > round(r.truth["channel"][TRAIN], 1),
          "the channel was never taken, and the critic's guess for it was above (as shown) what it paid: an "
          "overestimate the agent did not act on"),
    Truth(r"never tried it, so its low guess was never tested",
          lambda r: r.first_tried["channel"] is None
          and round(r.values["channel"][TRAIN], 1) < round(r.truth["channel"][TRAIN], 1),
          "the channel was never taken, and the critic's guess for it was below (as shown) what it paid"),
    Truth(r"The agent never tried it\.", lambda r: r.first_tried["channel"] is None, "the channel was never taken"),
    Truth(r"It tried the channel in race (\d+)", lambda r, m: r.first_tried["channel"] == int(m.group(1)),
          "the first race that took the channel"),
    Truth(r"with online learning the guess (fell to|rose to|stayed at) (\S+?),",
          lambda r, m: r.learning == "online" and _is(m.group(2), r.values["channel"][-1]) and {
              "fell to": round(r.values["channel"][-1], 1) < round(r.values["channel"][TRAIN], 1),
              "rose to": round(r.values["channel"][-1], 1) > round(r.values["channel"][TRAIN], 1),
              "stayed at": round(r.values["channel"][-1], 1) == round(r.values["channel"][TRAIN], 1)}[m.group(1)],
          "online learning, and the critic's value for the channel before the last race, against its first guess as shown"),
    Truth(r"its critic no longer learns: the guess is still (\S+?),",
          lambda r, m: r.learning == "frozen" and r.values["channel"][-1] == r.values["channel"][TRAIN]
          and _is(m.group(1), r.values["channel"][-1]),
          "a frozen critic, whose value for the channel never moved from its first guess"),
    Truth(r"took the channel in (\d+)% of the last 20 races",
          lambda r, m: _is_pct(m.group(1), _after(r, "channel", r.races - 20)[0] / 20) and "channel" in r.choices[-20:],
          "the channel's share of the last 20 races, above 0"),
    Truth(r"it took the channel only that once", lambda r: r.choices.count("channel") == 1,
          "the channel was taken in one race"),
    Truth(r"it took the channel (\d+) times in all, none in the last 20 races",
          lambda r, m: r.choices.count("channel") == int(m.group(1)) > 1 and "channel" not in r.choices[-20:],
          "the channel was taken in that many races, none of them the last 20"),
    Truth(r"(\S+), below the (\S+) it expects from (" + "|".join(map(re.escape, PLAN_NOUNS.values())) + "), and",
          lambda r, m: _is(m.group(1), r.values["channel"][-1])
          and PLAN_NOUNS[_top_other(r, "channel")] == m.group(3) and _is(m.group(2), r.values[_top_other(r, "channel")][-1])
          and r.values["channel"][-1] < r.values[_top_other(r, "channel")][-1],
          "the critic's final value of the channel is below that of the plan it values most, both as shown"),
)

SPECIAL_TRUTHS = (
    # Advice "add X to see Y": true only where the model, run with X added, shows Y.
    Truth(r"^Add the reward editor or the addictive island to see the two situations",
          lambda r: not r.editor and not r.island and r.if_added.edits and r.if_added.declines,
          "neither is in the world; with the reward editor added the boat takes it, and with the island added "
          "foresight keeps it away though without foresight it would go"),
    Truth(r"^Add the reward editor to see one situation", lambda r: r.if_added is not None and r.if_added.edits,
          "with the reward editor added (nothing else changed) the boat takes it"),
    Truth(r"^Add the addictive island to see one situation", lambda r: r.if_added is not None and r.if_added.declines,
          "with the island added (nothing else changed) foresight keeps the boat away though without foresight it would go"),
    Truth(r"the boat would never take the reward editor", lambda r: r.if_added is not None and not r.if_added.edits,
          "with the reward editor added (nothing else changed) the boat never takes it"),
    Truth(r"foresight keeping the boat off the addictive island it would otherwise visit, does not arise|Nor does "
          r"foresight keep it off an addictive island it would otherwise visit",
          lambda r: r.if_added is not None and not r.if_added.declines and not r.if_added.declines_with_foresight,
          "with the island added (nothing else changed, or foresight turned on) foresight does not keep the boat off "
          "an island it would otherwise visit"),
    Truth(r"needs foresight: turn it on and add the island|^Turn foresight on and add the addictive island to see one "
          r"situation",
          lambda r: r.if_added is not None and not r.foresight and r.if_added.declines_with_foresight,
          "foresight is off; with it on and the island added (nothing else changed), foresight keeps the boat off the "
          "island the same agent without foresight visits"),
    Truth(r"With the loophole open, the boat expects (\S+) a race from circling the loop, more than the (\S+) its "
          r"critic guesses for the reward editor, so in the run with the editor added it never takes the editor\.",
          lambda r, m: _loop_outearns_editor(r) and _is(m.group(1), r.values["loop"][TRAIN])
          and _is(m.group(2), first_guess("editor", True, r.error)) and not r.if_added.edits
          and (w := r.if_added.with_editor).choices[TRAIN:].count("loop")
          > max(w.choices[TRAIN:].count(p) for p in PLANS if p != "loop"),
          "the loophole is open, the critic's value for the loop at deployment, as shown, is above its first guess "
          "for the reward editor, as shown, and in the run with the editor added the boat never takes the editor and "
          "circles the loop in more deployment races than it takes any other plan"),
    Truth(r"In the run with the editor added, the boat (?P<how>most often|always) (?P<does>" + "|".join(TAKES.values())
          + r"), in (?:(?P<n>\d+) of the|every one of the) (?P<of>\d+) deployment races \(its critic valued it at (?P<v>\S+) when deployment began\), "
          r"and never takes the reward editor, which its critic guesses is worth only (?P<g>\S+)\.",
          lambda r, m: _took_instead(r, m),
          "in the run with the editor added (nothing else changed): the editor never taken; the plan named taken in "
          "that many of all the deployment races, more than any other ('always', 'every one': in all of them, and only "
          "there); its value when deployment began, above the "
          "critic's first guess for the editor, both as shown"),
    Truth(r"in the run with the editor added, it never takes it",
          lambda r: r.if_added is not None and not r.if_added.edits,
          "with the reward editor added (nothing else changed) the boat never takes it"),
    Truth(r"the loop then pays (\S+) a race", lambda r, m: r.loophole and _is(m.group(1), designer_reward("loop", False)),
          "closed, the loop pays that much a race"),
    Truth(r"Close the loophole(?: first \(the loop[^)]*\))?, then add either, to see them",
          lambda r: r.loophole and r.if_closed is not None and r.if_closed.edits and r.if_closed.declines,
          "the loophole is open; closed, the boat would take the reward editor if added, and foresight would keep it "
          "off the island it would otherwise visit"),
    Truth(r"Close the loophole(?: first \(the loop[^)]*\))?, then add the reward editor, or turn foresight on and add "
          r"the island, to see them",
          lambda r: r.loophole and not r.foresight and r.if_closed is not None and r.if_closed.edits
          and r.if_closed.declines_with_foresight,
          "the loophole is open and foresight off; closed, the boat would take the reward editor if added, and with "
          "foresight on, foresight would keep it off the island it would otherwise visit"),
    Truth(r"never took the reward editor", lambda r: r.editor and "editor" not in r.choices and r.edited_at is None,
          "the reward editor was there, and never taken"),
    Truth(r"took the reward editor in race (\d+)",
          lambda r, m: r.edited_at == int(m.group(1)) and r.choices[r.edited_at - 1] == "editor",
          "the race in which the reward editor was first taken"),
    Truth(r"a chance pick: its critic rated the (?P<plan>editor|island) (?P<v>\S+), below the (?P<b>\S+) it expected from "
          r"(?P<noun>" + "|".join(map(re.escape, PLAN_NOUNS.values())) + r"), but the boat's choices are random, weighted "
          r"toward what its critic values more, and the (?P=plan)'s chance of being picked was (?P<c>(?:under |over )?\d+%)",
          lambda r, m: _taken_below_best(r, m), "in the race the boat first took the editor (or the island), the critic "
          "rated it below the plan on offer it rated highest, both as shown, and the softmax gave it that chance"),
    Truth(r"the reward function paid (\S+) for keeping the edit and nothing for finishing",
          lambda r, m: r.edited_at is not None and _is(m.group(1), r.truth["editor"][-1]) and r.truth["finish"][-1] == 0,
          "after the edit, what the reward function pays for the editor, and 0 for finishing"),
    Truth(r"online learning then pulled the critic toward the edited reward",
          lambda r: r.learning == "online" and r.edited_at is not None and r.edited_at < r.races
          and abs(r.values["editor"][-1] - r.truth["editor"][-1])
          < abs(r.values["editor"][r.edited_at - 1] - r.truth["editor"][-1]),
          "online learning, and the critic's value for the editor closer to what the edited function pays than before the edit"),
    Truth(r"learning or not, finishing no longer paid", lambda r: r.edited_at is not None and r.truth["finish"][-1] == 0,
          "after the edit the reward function paid 0 for finishing"),
    Truth(r"no race was left for learning to notice", lambda r: r.edited_at == r.races, "the edit was in the last race"),
    Truth(r"Before the edit, (\d+) deployment races? served the designer",
          lambda r, m: r.edited_at is not None and int(m.group(1)) == r.served(TRAIN, r.races) > 0,
          "how many deployment races finished before the edit"),
    Truth(r"It never tried the island", lambda r: r.island and "island" not in r.choices, "the island was never taken"),
    Truth(r"judged by what it valued in race (\d+), that future was worth (?P<visit>\S+) a race against (?P<stay>\S+) for "
          r"staying away, so it declined",
          lambda r, m: _outlook_at(r, int(m.group(1)), m) and r.outlook[int(m.group(1)) - 1][1] < r.outlook[int(m.group(1)) - 1][0],
          "foresight's judgement in that race, by the critic's values then: a race after a visit worth less than one staying away"),
    Truth(r"the same agent without foresight (?:also went there|went there(?: only)?) in race (\d+)",
          lambda r, m: _twin_hooked(r) == int(m.group(1)),
          "the first island visit of the same run without foresight, made before any edit of its own"),
    Truth(r"the same agent without foresight edited its reward function in race (\d+) and went to the island only "
          r"afterwards, in race (\d+), when it paid nothing",
          lambda r, m: r.edited_without_foresight == int(m.group(1)) and r.visited_without_foresight == int(m.group(2))
          and r.edited_without_foresight < r.visited_without_foresight and edited_reward("island") == 0,
          "the same run without foresight edited its reward function before its first island visit, which the edited "
          "function pays nothing for"),
    Truth(r"without foresight (also went there|went there only) in race (\d+)",
          lambda r, m: r.first_tried["island"] is not None and (int(m.group(2)) == r.first_tried["island"]
                                                               if m.group(1).startswith("also")
                                                               else int(m.group(2)) > r.first_tried["island"]),
          "the same run without foresight first visited the island in the same race as this one ('also'), or later "
          "('only')"),
    Truth(r"Foresight did not hold it back",
          lambda r: (t := r.first_tried["island"]) is not None and r.foresight and (
              not _declined_before(r, t) or (_twin_hooked(r) is not None and _twin_hooked(r) >= t)),
          "foresight never judged a visit worse before the first one, or the same run without foresight went no earlier"),
    Truth(r"Foresight held it back: it declined the island",
          lambda r: (t := r.first_tried["island"]) is not None and r.foresight and bool(_declined_before(r, t))
          and _twin_hooked(r) is not None and _twin_hooked(r) < t,
          "foresight judged a visit worse before the first one, and the same run without foresight went earlier"),
    Truth(r"declined the island in (?:races? (\d+)(?: to (\d+))?|(\d+) races from race (\d+) to race (\d+)), while "
          r"staying away looked better|declined the island in (?:races? (\d+)(?: to (\d+))?|(\d+) races from race "
          r"(\d+) to race (\d+)) \(",
          lambda r, m: _says_races(m, _declined_before(r, r.first_tried["island"] or 0)),
          "the races before the first visit in which foresight judged a visit worse than staying away"),
    Truth(r"until online learning lowered what it expected from its other plans",
          lambda r: (t := r.first_tried["island"]) is not None and r.learning == "online"
          and bool(d := _declined_before(r, t)) and r.outlook[t - 1][0] < r.outlook[d[0] - 1][0],
          "online learning, and a race of staying away worth less (by the critic's values) when it went than when "
          "foresight first declined"),
    Truth(r"It had declined the island",
          lambda r: (t := r.first_tried["island"]) is not None and bool(_declined_before(r, t)) and _twin_hooked(r) is None,
          "foresight judged a visit worse before the first one, and the same run without foresight never went while "
          "the island paid"),
    Truth(r"without foresight it would not have tried it either",
          lambda r: r.foresight and r.visited_without_foresight is None, "the same run without foresight never visits the island"),
    Truth(rf"Its critic still guesses (?P<guess>\S+) for a place that {ISLAND_PAYS}:",
          lambda r, m: "island" not in r.choices and _is(m["guess"], r.values["island"][-1]) and _island_pays_shown(r, m),
          "the critic's untested value for the island, and what the island pays at the end (once the reward function "
          "is edited: what it has paid since the edit, and what the designer's would pay)"),
    Truth(r"its critic rated it (\S+), below the (\S+) it expected from ([a-z ]+?), so",
          lambda r, m: "island" not in r.choices and _is(m.group(1), r.values["island"][-1])
          and any(PLAN_NOUNS[p] == m.group(3) and _is(m.group(2), r.values[p][-1])
                  and r.values[p][-1] == max(r.values[q][-1] for q in PLANS if q != "island" and r.values[q][-1] is not None)
                  for p in PLANS)
          and r.values["island"][-1] < max(r.values[q][-1] for q in PLANS if q != "island" and r.values[q][-1] is not None),
          "the island never taken, and its value below the best other plan's at the end (the plan named as a noun "
          "phrase: 'from circling the loop of targets', not 'from circle the loop of targets')"),
    Truth(r"a frozen critic a visit would have taught it nothing", lambda r: r.learning == "frozen",
          "the critic is frozen in deployment"),
    Truth(rf"That guess, for a place that {ISLAND_PAYS}, was never tested",
          lambda r, m: "island" not in r.choices and _island_pays_shown(r, m),
          "the island never taken, and what it pays at the end (once the reward function is edited: what it has paid "
          "since the edit, and what the designer's would pay)"),
    Truth(r"It visited the island in race (\d+), after the edit: by then the edited reward function paid (\S+) for it",
          lambda r, m: r.first_tried["island"] == int(m.group(1)) and r.edited_at is not None
          and r.edited_at < int(m.group(1)) and _is(m.group(2), r.truth["island"][int(m.group(1)) - 1]),
          "the first island visit came after the edit, and what the edited function paid for it"),
    Truth(r"It tried the island in race (\d+)", lambda r, m: r.first_tried["island"] == int(m.group(1)),
          "the first race that took the island"),
    Truth(r"and the reward function paid (\S+), but its frozen critic learned nothing from the visit: it still rates the island (\S+?)[;.]",
          lambda r, m: r.learning == "frozen" and _is(m.group(1), r.rewards[r.first_tried["island"] - 1])
          and len(set(v for v in r.values["island"] if v is not None)) == 1 and _is(m.group(2), r.values["island"][-1]),
          "a frozen critic whose island value never moved, and what the visit paid"),
    Truth(r"it went back in (\d+)% of the (\d+) races? after that",
          lambda r, m: (lambda back, n: n == int(m.group(2)) and back > 0 and _is_pct(m.group(1), back / n))(
              *_after(r, "island", r.first_tried["island"],
                      r.edited_at if r.learning == "online" and r.edited_at and r.edited_at > r.first_tried["island"] else None)),
          "the island's share of the races after the first visit (up to the edit, with online learning)"),
    Truth(r"it never went back", lambda r: r.choices.count("island") == 1, "the island was taken once"),
    Truth(r"and was hooked", _hooked, "online, the island's value rose after a visit that paid more than the critic "
                                     "guessed, and it took the island in at least half the races after (up to any edit)"),
    Truth(r"its critic learned that the island pays (\S+?)[,.]",
          lambda r, m: r.learning == "online" and _is(m.group(1), r.rewards[r.first_tried["island"] - 1]),
          "online learning, and what the first visit paid"),
    Truth(r"until the edit in race (\d+) made the reward function pay only for the edit",
          lambda r, m: r.edited_at == int(m.group(1)) and r.first_tried["island"] is not None and r.edited_at > r.first_tried["island"],
          "the edit came after the first island visit"),
    Truth(r"judged by what it valued in race (\d+), a future of going back was worth (?P<visit>\S+) a race against "
          r"(?P<stay>\S+) for staying away",
          lambda r, m: r.first_tried["island"] == int(m.group(1)) and _outlook_at(r, int(m.group(1)), m)
          and r.outlook[int(m.group(1)) - 1][1] >= r.outlook[int(m.group(1)) - 1][0],
          "foresight's judgement in the race of the visit: a race after it worth at least one staying away"),
)


AGENT_CLAIMS = (Claim("outer", outer_sentence, truths=OUTER_TRUTHS), Claim("inner", inner_sentence, truths=INNER_TRUTHS),
                Claim("special", special_sentence, truths=SPECIAL_TRUTHS))




def agent_summary(r: Run) -> str:
    # The outer-misalignment sentence is the prose's claim (agent.outer), so the readout does not repeat it. Out of
    # 60 races the count is exact where a percentage is not.
    n, total = r.served(TRAIN, r.races), r.races - TRAIN
    lead = (f"None of the {num(total)}" if n == 0 else f"All {num(total)}" if n == total
            else f"{num(n)} of the {num(total)}")
    how = "finishing, with the reward function unedited" if r.editor else "finishing the race"
    return f"{lead} deployment races served the designer's intention ({how})."


def agent_table(r: Run) -> Table:
    rows = []
    for p in present_plans(r):
        v, t = r.values[p][-1], r.truth[p][-1]
        rows.append((upper_first(NAMES[p]), "never" if r.first_tried[p] is None else f"race {r.first_tried[p]}",
                     val(v) if v is not None else "", val(t) if t is not None else "",
                     pct(r.share(p, r.races - 20, r.races))))
    return Table("Each plan after the last race: when it was first tried, the critic's value, what it pays now, "
                 "and its share of the last 20 races",
                 ("Plan", "First tried", "Critic's value", "Pays now", "Last 20 races"), tuple(rows))


def agent_live(r: Run) -> dict[str, str]:
    return {"intended": pct(r.intended(TRAIN, r.races)), "loop": pct(r.share("loop", TRAIN - BLOCK, TRAIN))}


TITLES = {"finish": "Finish", "loop": "Loop of targets", "channel": "Channel", "editor": "Reward editor", "island": "Island"}


def _in_force(r: Run, plan: str, edited: bool) -> float:
    """What a plan pays in the race shown, under the reward function in force in it (the edited one from the race
    of the edit on: the model records what each plan pays before a race, so the race of the edit still has the
    designer's)."""
    return (EDITED if plan == "editor" else 0.0) if edited else r.truth[plan][r.shown - 1]


def panel(r: Run, values: Mapping[str, Any]) -> dict[str, Any]:
    i = r.shown - 1
    plans = [p for p in PLANS if r.values[p][i] is not None]
    took = r.choices[i]
    # The edit is in force from the race that makes it: that race already pays for keeping it (model.run).
    edited = r.edited_at is not None and r.edited_at <= r.shown
    # The island's pay is listed where it is in the world: it is why outer alignment fails there.
    reward = ([f"Finish: +{val(designer_reward('finish', r.loophole))}",
               f"Target: +{val(TARGET_EACH)} ({'respawns' if r.loophole else 'once a race'})"]
              + ([f"Island: +{val(r.truth['island'][i])}"] if "island" in plans else [])
              if not edited else [f"Edited in race {r.edited_at}:", f"+{val(EDITED)} for keeping the edit"])
    critic = [f"{SHORT[p]}: {val(r.values[p][i])}" for p in plans]
    phase = "training" if r.shown <= TRAIN else "deployment"
    return {**links(r), "headline": f"Race {r.shown} ({phase}): pays {val(r.rewards[i])}", "habit": took, "plans": plans, "reward": reward, "critic": critic, "edited": edited,
            "marks": {p: f"{TITLES[p]} {val(r.values[p][i])} / {val(_in_force(r, p, edited))}" for p in plans},
            "caption": (f"Race {r.shown} of {r.races} ({phase}): the boat takes {ROUTES[took]}, which pays "
                        f"{val(r.rewards[i])}. Critic's values before the race: {', '.join(critic)}.")}


def links(r: Run) -> dict[str, Any]:
    """The drawing's two links, lit where the run parts from what is above them in the race shown (model.Run's
    outer_gap and inner_gap): outer, the reward function against the designer's intention; inner, the critic
    against the reward function."""
    t = r.shown
    finish = r.pays_in("finish", t)
    outer = r.outer_gap(t)
    if outer:
        worst = max(outer, key=lambda p: r.pays_in(p, t))
        outer_why = (f"Outer alignment fails in race {t}: the reward function pays {val(r.pays_in(worst, t))} for "
                     f"{PLAN_NOUNS[worst]}, more than the {val(finish)} for finishing the race.")
    else:
        outer_why = f"Outer alignment holds in race {t}: nothing pays more than finishing the race ({val(finish)})."
    inner, top, most = r.inner_gap(t), r.paid_most(t)[0], r.valued_most(t)
    # Plans the critic values alike at the top are said as a tie (race 1: Finish and Loop both start at 20).
    rated = (f"{PLAN_NOUNS[most[0]]} highest ({val(r.values[most[0]][t - 1])})" if len(most) == 1 else
             f"{join_and(PLAN_NOUNS[p] for p in most)} highest, tied at {val(r.values[most[0]][t - 1])}")
    if inner:
        a = inner[0]
        inner_why = (f"Inner alignment fails before race {t}: the critic rates {rated}, though "
                     f"{'it' if len(most) == 1 else PLAN_NOUNS[a]} pays {val(r.pays_in(a, t))} and "
                     f"{PLAN_NOUNS[top]} pays {val(r.pays_in(top, t))}.")
    else:
        a = most[0]
        inner_why = (f"Inner alignment holds before race {t}: the critic rates {rated}, and "
                     f"{'it pays' if len(most) == 1 else 'they pay'} the most, {val(r.pays_in(a, t))}.")
    return {"outer_fails": bool(outer), "inner_fails": bool(inner),
            "outer_label": f"Outer alignment: {'fails' if outer else 'holds'}",
            "inner_label": f"Inner alignment: {'fails' if inner else 'holds'}",
            "outer_why": outer_why, "inner_why": inner_why,
            # marked on the map: the plans in the disagreement whose value is off what they pay
            "misvalued": [p for p in PLANS if inner and (p in inner or p == top or p in r.paid_most(t))
                          and abs(r.values[p][t - 1] - r.pays_in(p, t)) > TIE]}


_NOUN = "(" + "|".join(PLAN_NOUNS.values()) + ")"
_PLAN_OF = {n: p for p, n in PLAN_NOUNS.items()}
_NOUNS = "(?:" + "|".join(PLAN_NOUNS.values()) + ")(?:(?:, | and )(?:" + "|".join(PLAN_NOUNS.values()) + "))+"


def _plans_named(text: str) -> list[str]:
    """The plans in a list such as 'finishing the race and circling the loop of targets', in order."""
    return [_PLAN_OF[n] for n in re.split(r", | and ", text)]


def _tied(r: Run, text: str, value: str) -> bool:
    """The plans named are exactly those the critic values most before the race shown, each at the value quoted."""
    named = _plans_named(text)
    return (len(named) > 1 and named == r.valued_most(r.shown)
            and all(_is(value, r.values[p][r.shown - 1]) for p in named))
LINK_TRUTHS = (
    Truth(r"^(Outer|Inner) alignment: (fails|holds)$",
          lambda r, m: bool((r.outer_gap if m.group(1) == "Outer" else r.inner_gap)(r.shown)) == (m.group(2) == "fails"),
          "outer: some plan in the world pays more than finishing under the reward function in force in the race "
          "shown; inner: some plan the critic values most before it pays less than the best-paid plan (or neither, for "
          "'holds')"),
    Truth(r"^Outer alignment fails in race (\d+): the reward function pays (\S+) for " + _NOUN
          + r", more than the (\S+) for finishing the race\.$",
          lambda r, m: int(m.group(1)) == r.shown and _PLAN_OF[m.group(3)] in r.outer_gap(r.shown)
          and _is(m.group(2), r.pays_in(_PLAN_OF[m.group(3)], r.shown)) and _is(m.group(4), r.pays_in("finish", r.shown)),
          "the race shown; the plan named pays that under the reward function in force, more than finishing, which "
          "pays the second number"),
    Truth(r"^Outer alignment holds in race (\d+): nothing pays more than finishing the race \((\S+)\)\.$",
          lambda r, m: int(m.group(1)) == r.shown and not r.outer_gap(r.shown)
          and _is(m.group(2), r.pays_in("finish", r.shown)),
          "the race shown; no plan in the world pays more than finishing, which pays the number quoted"),
    Truth(r"^Inner alignment fails before race (\d+): the critic rates " + _NOUN + r" highest \((\S+)\), though it "
          r"pays (\S+) and " + _NOUN + r" pays (\S+)\.$",
          lambda r, m: int(m.group(1)) == r.shown and r.valued_most(r.shown) == [_PLAN_OF[m.group(2)]]
          and _PLAN_OF[m.group(2)] in r.inner_gap(r.shown)
          and _is(m.group(3), r.values[_PLAN_OF[m.group(2)]][r.shown - 1])
          and _is(m.group(4), r.pays_in(_PLAN_OF[m.group(2)], r.shown))
          and _PLAN_OF[m.group(5)] in r.paid_most(r.shown) and _is(m.group(6), r.pays_in(_PLAN_OF[m.group(5)], r.shown)),
          "the race shown; the critic values the first plan above every other (its value quoted), it pays the second "
          "number, and the last plan named is paid the most, the last number"),
    Truth(r"^Inner alignment fails before race (\d+): the critic rates (?P<tied>" + _NOUNS + r") highest, tied at "
          r"(?P<v>\S+), though " + _NOUN + r" pays (\S+) and " + _NOUN + r" pays (\S+)\.$",
          lambda r, m: int(m.group(1)) == r.shown and _tied(r, m["tied"], m["v"])
          and _PLAN_OF[m.group(4)] in r.inner_gap(r.shown)
          and _PLAN_OF[m.group(4)] in _plans_named(m["tied"])
          and _is(m.group(5), r.pays_in(_PLAN_OF[m.group(4)], r.shown))
          and _PLAN_OF[m.group(6)] in r.paid_most(r.shown)
          and _is(m.group(7), r.pays_in(_PLAN_OF[m.group(6)], r.shown)),
          "the race shown; the plans named are exactly those the critic values most, all at the value quoted (a "
          "tie); the first plan after 'though' is one of them and pays less than the best-paid plan, the last named"),
    Truth(r"^Inner alignment holds before race (\d+): the critic rates " + _NOUN + r" highest \((\S+)\), and it "
          r"pays the most, (\S+)\.$",
          lambda r, m: int(m.group(1)) == r.shown and not r.inner_gap(r.shown)
          and r.valued_most(r.shown) == [_PLAN_OF[m.group(2)]] and _PLAN_OF[m.group(2)] in r.paid_most(r.shown)
          and _is(m.group(3), r.values[_PLAN_OF[m.group(2)]][r.shown - 1])
          and _is(m.group(4), r.pays_in(_PLAN_OF[m.group(2)], r.shown)),
          "the race shown; the critic values the plan named above every other and it is paid the most (its value and "
          "pay quoted)"),
    Truth(r"^Inner alignment holds before race (\d+): the critic rates (?P<tied>" + _NOUNS + r") highest, tied at "
          r"(?P<v>\S+), and they pay the most, (?P<p>\S+)\.$",
          lambda r, m: int(m.group(1)) == r.shown and not r.inner_gap(r.shown) and _tied(r, m["tied"], m["v"])
          and all(p in r.paid_most(r.shown) and _is(m["p"], r.pays_in(p, r.shown)) for p in _plans_named(m["tied"])),
          "the race shown; the plans named are exactly those the critic values most, all at the value quoted (a tie), "
          "and each is paid the most, the last number"),
)


AGENT_TRUTHS = (
    *LINK_TRUTHS,
    Truth(r"(?<![\w-])-\d", lambda r: False, "never: an ASCII hyphen written as a minus sign (the page writes '−')"),
    Truth(r"(\d+)% of the (\d+) deployment races served the designer's intention",
          lambda r, m: int(m.group(2)) == r.races - TRAIN and int(m.group(1)) * int(m.group(2)) == 100 * r.served(TRAIN, r.races) > 0,
          "a share of the deployment races that is exactly a whole number of them, the number that finished with the "
          "reward function unedited (never '3% of the 60' for 2 races)"),
    Truth(r"^(\d+) of the (\d+) deployment races served the designer's intention",
          lambda r, m: int(m.group(2)) == r.races - TRAIN and int(m.group(1)) == r.served(TRAIN, r.races) > 0,
          "the number of deployment races that finished with the reward function unedited, out of all of them"),
    Truth(r"^All (\d+) deployment races served the designer's intention",
          lambda r, m: int(m.group(1)) == r.races - TRAIN == r.served(TRAIN, r.races),
          "every deployment race finished with the reward function unedited"),
    Truth(r"^None of the (\d+) deployment races served", lambda r, m: r.intended(TRAIN, r.races) == 0
          and int(m.group(1)) == r.races - TRAIN,
          "no deployment race finished with the reward function unedited"),
    Truth(r"^Race (\d+) \((training|deployment)\): pays (\S+)$",
          lambda r, m: r.shown == int(m.group(1)) and (m.group(2) == "training") == (r.shown <= TRAIN)
          and _is(m.group(3), r.rewards[r.shown - 1]), "the race shown, its phase, and what it paid"),
    Truth(r"^Race (\d+) of (\d+) \((training|deployment)\): the boat takes (.+?), which pays (\S+)\. Critic's values "
          r"before the race: (.+)\.$",
          lambda r, m: r.shown == int(m.group(1)) and int(m.group(2)) == r.races
          and (m.group(3) == "training") == (r.shown <= TRAIN) and ROUTES[r.choices[r.shown - 1]] == m.group(4)
          and _is(m.group(5), r.rewards[r.shown - 1])
          and m.group(6).split(", ") == [f"{SHORT[p]}: {val(r.values[p][r.shown - 1])}"
                                         for p in PLANS if r.values[p][r.shown - 1] is not None],
          "the race shown: its phase, the plan it took, what that paid, and the critic's values before it"),
    Truth(r"^Edited in race (\d+):$", lambda r, m: r.edited_at == int(m.group(1)) and r.edited_at <= r.shown,
          "the reward function was edited in that race, the race shown or before it"),
    Truth(r"^Island: \+(\S+)$", lambda r, m: (r.edited_at is None or r.edited_at > r.shown)
          and r.values["island"][r.shown - 1] is not None and _is(m.group(1), r.truth["island"][r.shown - 1]),
          "the island is in the world in the race shown, under the designer's reward function, which pays that for it"),
    Truth(r"^Finish: \+(\S+)$", lambda r, m: (r.edited_at is None or r.edited_at > r.shown)
          and _is(m.group(1), designer_reward("finish", r.loophole)),
          "the designer's reward function is in force in the race shown (no edit in it or before), paying that to finish"),
    Truth(r"^(Finish|Loop of targets|Channel|Reward editor|Island) (\S+) / (\S+)$",
          lambda r, m: (lambda p, i: _is(m.group(2), r.values[p][i]) and _is(m.group(3), (
              r.rewards[i] if p == r.choices[i] else (EDITED if p == "editor" else 0.0)
              if r.edited_at is not None and r.edited_at <= r.shown else designer_reward(p, r.loophole))))(
              {t: p for p, t in TITLES.items()}[m.group(1)], r.shown - 1),
          "at that place: the critic's value before the race shown / what that plan pays in it (the route taken: "
          "what the race paid; from the race of an edit on, 20 for the editor and 0 for the rest)"),
)


class AgentResponse(WidgetResponse):
    choices: list[str] = Field(description="The plan taken in each race (60 training, then 60 deployment).")
    rewards: list[float]
    values: dict[str, list[float | None]] = Field(description="Critic's value of each plan before each race (null: not available).")
    pays: dict[str, list[float | None]] = Field(description="What each plan pays under the reward function in force.")
    edited_at: int | None
    first_tried: dict[str, int | None] = Field(description="The first race that took each plan (null: never).")
    foresight: list[list[float] | None] = Field(
        description="With foresight and online learning, before each race in which the island was open and not yet "
                    "visited: [a race of the future if it stays away, a race of the future after a visit], each the "
                    "average worth by the critic's values then; the agent declines the island when the second is "
                    "smaller (null: not judged).")
    visited_without_foresight: int | None = Field(
        description="With the island and foresight: the first island visit of the same run without foresight.")
    intended_share: float = Field(description="Share of deployment races that served the designer's intention.")


def agent_api(values: Mapping[str, Any], r: Run) -> dict:
    return {"choices": list(r.choices), "rewards": list(r.rewards),
            "values": {p: list(v) for p, v in r.values.items()}, "pays": {p: list(v) for p, v in r.truth.items()},
            "edited_at": r.edited_at, "first_tried": r.first_tried,
            "foresight": [None if o is None else [round(o[0], 4), round(o[1], 4)] for o in r.outlook],
            "visited_without_foresight": r.visited_without_foresight,
            "intended_share": r.intended(TRAIN, r.races)}
