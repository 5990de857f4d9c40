"""Presenters for the valence page: pure functions of the three models' results."""
from __future__ import annotations

from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import join_and, pct, signed

from .model import BACTERIA, BEST_IDEA, GOOD_IDEA, NAMES, NEAR, STEPS, WORDS, Candy, Concepts, Tumble

# --- Run and tumble -----------------------------------------------------------------------------------

EVERY = 10                         # the progress lines are drawn every EVERY steps


def _of(n: float) -> str:
    return f"{round(n * BACTERIA)} of {BACTERIA}"


def _trails(paths) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for path in paths:
        xs += [p[0] for p in path] + [None]
        ys += [p[1] for p in path] + [None]
    return xs, ys


def dish_figure(t: Tumble) -> dict:
    xs, ys = _trails(t.paths)
    rings = [{"type": "circle", "xref": "x", "yref": "y", "x0": -r, "x1": r, "y0": -r, "y1": r,
              "line": {"color": kit.GRID, "width": 1.5, "dash": "dot"}} for r in (NEAR, 40, 80)]
    data = [{"type": "scatter", "mode": "lines", "name": "Path", "x": xs, "y": ys, "hoverinfo": "skip",
             "line": {"color": kit.BLUE, "width": 1}, "opacity": 0.55},
            {"type": "scatter", "mode": "markers", "name": "End", "x": [p[-1][0] for p in t.paths],
             "y": [p[-1][1] for p in t.paths], "marker": {"color": kit.BLUE, "size": 8, "symbol": "circle"},
             "hovertemplate": "ended at (%{x:.0f}, %{y:.0f})<extra></extra>"},
            {"type": "scatter", "mode": "markers", "name": "Food", "x": [0], "y": [0],
             "marker": {"color": kit.VERMILION, "size": 14, "symbol": "star", "line": {"color": kit.INK, "width": 1}},
             "hovertemplate": "the food source<extra></extra>"}]
    return _space(data, rings)


def ideas_figure(t: Tumble) -> dict:
    data = [{"type": "scatter", "mode": "markers", "name": name, "x": [p[0]], "y": [p[1]],
             "marker": {"color": colour, "size": 14, "symbol": symbol, "line": {"color": kit.INK, "width": 1}},
             "hovertemplate": f"{name.lower()}<extra></extra>"}
            for name, p, colour, symbol in (("Best idea", BEST_IDEA, kit.VERMILION, "star"),
                                            ("Good idea", GOOD_IDEA, kit.PINK, "diamond"))]
    rings = [{"type": "circle", "xref": "x", "yref": "y", "x0": p[0] - r, "x1": p[0] + r, "y0": p[1] - r,
              "y1": p[1] + r, "line": {"color": kit.GRID, "width": 1.5, "dash": "dot"}}
             for p in (BEST_IDEA, GOOD_IDEA) for r in (NEAR, 35)]
    xs, ys = _trails(t.idea_paths)
    ends = [{"type": "scatter", "mode": "lines", "name": "Path", "x": xs, "y": ys, "hoverinfo": "skip",
             "line": {"color": kit.BLUE, "width": 1}, "opacity": 0.55},
            {"type": "scatter", "mode": "markers", "name": "End", "x": [p[-1][0] for p in t.idea_paths],
             "y": [p[-1][1] for p in t.idea_paths], "marker": {"color": kit.BLUE, "size": 8, "symbol": "circle"},
             "hovertemplate": "ended at (%{x:.0f}, %{y:.0f})<extra></extra>"}]
    return _space(ends + data, rings)


def _space(data: list[dict], rings: list[dict]) -> dict:
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 96, "l": 44, "r": 12}, legend=kit.FOOT_LEGEND, showlegend=True, shapes=rings,
        xaxis=kit.axis(None, range=[-90, 90], tickvals=[-60, -30, 0, 30, 60], zeroline=False),
        yaxis=kit.axis(None, range=[-90, 90], tickvals=[-60, -30, 0, 30, 60], zeroline=False, scaleanchor="x",
                       scaleratio=1))}


def _progress(steered: tuple[float, ...], random: tuple[float, ...], names: tuple[str, str], title: str,
              y_range: list[float]) -> dict:
    x = list(range(0, STEPS + 1, EVERY))
    traces = [{"type": "scatter", "mode": "lines", "name": names[0], "x": x, "y": [steered[i] for i in x],
               "line": {"color": kit.BLUE, "width": 3}},
              {"type": "scatter", "mode": "lines", "name": names[1], "x": x, "y": [random[i] for i in x],
               "line": {"color": kit.GREY, "width": 3, "dash": "dash"}}]
    for tr in traces:
        tr["hovertemplate"] = "step %{x}: %{y:.0f}<extra>" + tr["name"] + "</extra>"
    return {"data": traces, "layout": kit.layout(
        margin={"t": 12, "b": 110, "l": 56, "r": 12}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("step", range=[0, STEPS], tickvals=[100, 200, 300]), yaxis=kit.axis(title, range=y_range))}


def distance_figure(t: Tumble) -> dict:
    return _progress(t.distance, t.baseline, ("Run and tumble", "Tumbling at random"), "distance to food", [0, 100])


def quality_figure(t: Tumble) -> dict:
    return _progress(t.quality, t.quality_random, ("Kept while improving", "Re-rolled at random"), "idea's worth", [0, 100])


def helps(t: Tumble) -> bool:
    """The signal does its job: clearly more bacteria at the food than random tumbling brings."""
    return t.near - t.near_random >= 0.25 and t.distance[-1] < 0.6 * t.baseline[-1]


def verdict(t: Tumble) -> str:
    """'finds', 'little' (some help), 'none' (no better than chance) or 'worse' (further off than chance)."""
    if helps(t):
        return "finds"
    if t.distance[-1] > 1.1 * t.baseline[-1]:
        return "worse"
    if t.near > t.near_random or t.distance[-1] < 0.9 * t.baseline[-1]:
        return "little"
    return "none"


def thoughts_help(t: Tumble) -> bool:
    return t.quality[-1] >= 2 * t.quality_random[-1] and t.quality[-1] - t.quality_random[-1] >= 20


STATUS = {"finds": "finds the food", "little": "helps a little", "none": "no better than chance",
          "worse": "worse than chance"}


def chemotaxis_sentence(t: Tumble) -> str:
    numbers = (f"{_of(t.near)} bacteria end within {NEAR:.0f} units of the food, at a mean distance of "
               f"{t.distance[-1]:.0f} against {t.baseline[-1]:.0f} for bacteria that tumble at random "
               f"({round(t.near_random * BACTERIA)} of them near it); they tumble on {pct(t.tumbles)} of steps")
    kind = verdict(t)
    if kind == "finds":
        return f"Steering by nothing but “is it getting better?”, {numbers}."
    why = ""
    if t.tumbles == 1:
        why = (" With no memory there is nothing to compare the present with, so every step is a tumble."
               if t.memory == 0 else " Nothing ever looks better by enough, so every step is a tumble.")
    elif t.tumbles < 0.05:
        why = " Almost nothing looks worse than the threshold, so they hardly ever tumble and swim off in straight lines."
    lead = {"worse": "At these settings run and tumble does worse than chance",
            "little": "At these settings run and tumble helps only a little",
            "none": "At these settings run and tumble does no better than chance"}[kind]
    return f"{lead}: {numbers}.{why}"


def thoughts_sentence(t: Tumble) -> str:
    numbers = (f"the ideas entertained end up worth {t.quality[-1]:.0f} points on average, against "
               f"{t.quality_random[-1]:.0f} for a Thought Generator that re-rolls at random")
    where = f"{_of(t.best)} minds end near the best idea and {_of(t.good)} near the lesser one"
    same = thoughts_help(t) == helps(t)
    if thoughts_help(t):
        tail = (", where the rule can leave a mind stuck: it only knows whether things look better than they "
                "recently did, not where the best idea is." if t.good > 0 else ".")
        lead = "The same rule on thoughts works the same way" if same else "On thoughts the same rule does better here"
        return f"{lead}: {numbers}; {where}{tail}"
    lead = "On thoughts the rule fails in the same way" if same else "On thoughts the same rule fails here"
    return f"{lead}: {numbers}; {where}."


# --- Reward and value ---------------------------------------------------------------------------------

SHORT = {"idea of the walk": "idea", "eating it": "eat"}



def walks_text(n: int) -> str:
    return "1 walk" if n == 1 else f"{n} walks"


def _short(label: str) -> str:
    return SHORT.get(label, label)


def chain_figure(c: Candy) -> dict:
    y = [_short(s) for s in c.labels]
    data = [{"type": "bar", "orientation": "h", "name": "Innate, right now", "y": y, "x": list(c.innate),
             "marker": {"color": kit.VERMILION, "pattern": kit.pattern("", kit.VERMILION)},
             "hovertemplate": "%{y}: innate %{x:+.2f}<extra></extra>"},
            {"type": "bar", "orientation": "h", "name": "Learned, where it leads", "y": y, "x": list(c.learned),
             "marker": {"color": kit.BLUE, "pattern": kit.pattern("/", kit.BLUE)},
             "hovertemplate": "%{y}: learned %{x:+.2f}<extra></extra>"},
            {"type": "scatter", "mode": "markers", "name": "Valence (the sum)", "y": y, "x": list(c.valence),
             "marker": {"color": kit.INK, "size": 11, "symbol": "diamond"},
             "hovertemplate": "%{y}: valence %{x:+.2f}<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 130, "l": 64, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True,
        barmode="relative", bargap=0.3,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(y)), ticklabelstandoff=6),
        xaxis=kit.axis("valence", range=[-2.6, 1.1], dtick=0.5, zeroline=True, zerolinecolor=kit.INK))}


def learning_figure(c: Candy) -> dict:
    x = list(range(len(c.curve)))
    data = [{"type": "scatter", "mode": "lines+markers", "name": "Idea of the walk", "x": x, "y": list(c.curve),
             "line": {"color": kit.BLUE, "width": 3}, "marker": {"size": 6},
             "hovertemplate": "after %{x} walks: %{y:+.2f}<extra>idea of the walk</extra>"},
            {"type": "scatter", "mode": "lines", "name": "Eating it (innate)", "x": x, "y": [c.eat] * len(x),
             "line": {"color": kit.VERMILION, "width": 3, "dash": "dash"},
             "hovertemplate": "after %{x} walks: %{y:+.2f}<extra>eating it</extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 110, "l": 56, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("walks so far", range=[0, max(1, len(x) - 1)], rangemode="tozero"),
        yaxis=kit.axis("valence", range=[-2.6, 1.1], dtick=0.5, zeroline=True, zerolinecolor=kit.INK))}


def walk_sentence(c: Candy) -> str:
    if c.walks == 0:
        now = f", even though eating it would feel {signed(c.eat)} right now" if c.hunger > 0 else ""
        return (f"Before any walk the critic has learned nothing, so the idea of walking to get the candy has "
                f"valence {signed(c.idea)}: not motivating{now}. A value has to be learned; an innate reward does not.")
    head = f"After {walks_text(c.walks)} the idea of walking to get the candy has valence {signed(c.idea)}"
    if c.idea > 0.005:
        cost = (f"though every step of the walk is innately unpleasant ({signed(-c.effort)}): the pull comes "
                f"from where the walk leads" if c.effort > 0 else "though the walk itself is innately neutral: "
                "the pull comes from where it leads")
        return f"{head}, {cost}. That is the value-function side of valence."
    if c.settles <= 0.005:
        fate = ", so the thought gets thrown out" if c.idea < -0.005 else ""
        return (head + f": at this hunger, distance and effort the walk is not worth it (with more walks it settles "
                       f"at {signed(c.settles)}){fate}.")
    return (head + f": the critic has not yet learned how good the end of the walk is; with more walks it settles "
                   f"at {signed(c.settles)}.")


def eat_sentence(c: Candy) -> str:
    if c.hunger > 0:
        return (f"Eating the candy while this hungry has valence {signed(c.eat)} from the very first time, with no "
                f"learning at all: innate ground truth, the reward-function side of valence.")
    return ("When you are not hungry, eating the candy has valence +0.00: the innate circuits that would make it "
            "good are silent.")


def thought_state(values: Mapping[str, Any]) -> str:
    return values.get("thought", "walk")


# --- Valence as an axis of concepts ---------------------------------------------------------------

SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")
COLOURS = (kit.BLUE, kit.VERMILION, kit.GREEN, kit.PINK, kit.GREY, kit.BLACK)


def cluster_name(c: Concepts, person: str, members: tuple[str, ...]) -> str:
    """A cluster is named by the words whose prototypes it holds ('other' if none)."""
    words = [f"‘{w}’" for w, item in WORDS if item in members]
    return " = ".join(words) if words else "other"


def clusters(c: Concepts, person: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each cluster with its name; clusters holding none of the words' prototypes are 'other 1', 'other 2'..."""
    labels = c.labels_a if person == "a" else c.labels_b
    out, others = [], 0
    for k in range(c.categories):
        members = tuple(n for n, l in zip(NAMES, labels) if l == k)
        name = cluster_name(c, person, members)
        if name == "other":
            others += 1
            name = f"other {others}"
        out.append((name, members))
    return out


def named(c: Concepts, person: str, item: str) -> str:
    return next(name for name, members in clusters(c, person) if item in members)


def _person_figure(c: Concepts, person: str) -> dict:
    v = c.valence_a if person == "a" else c.valence_b
    data = []
    for k, (name, members) in enumerate(clusters(c, person)):
        idx = [NAMES.index(m) for m in members]
        data.append({"type": "scatter", "mode": "markers", "name": name, "x": [c.ordinary[i] for i in idx],
                     "y": [v[i] for i in idx], "customdata": [NAMES[i] for i in idx],
                     "marker": {"color": COLOURS[k], "symbol": SYMBOLS[k], "size": 12,
                                "line": {"color": kit.INK, "width": 1}},
                     "hovertemplate": "%{customdata}: valence %{y:+.1f}<extra>" + name + "</extra>"})
    title = {"text": f"Person {person.upper()}", "x": 0, "xref": "paper", "y": 1, "yref": "container",
             "yanchor": "top", "pad": {"t": 6}, "font": {"size": 15, "weight": "bold"}}
    return {"data": data, "layout": kit.layout(
        title=title, margin={"t": 34, "b": 150, "l": 56, "r": 12}, legend=kit.FOOT_LEGEND, showlegend=True,
        xaxis=kit.axis("everything but valence", range=[-0.2, 3.6], tickvals=[0.5, 3.2],
                       ticktext=["groups", "birds"]),
        yaxis=kit.axis("valence", range=[-1.1, 1.1], dtick=0.5))}


def person_a_figure(c: Concepts) -> dict:
    return _person_figure(c, "a")


def person_b_figure(c: Concepts) -> dict:
    return _person_figure(c, "b")


BIRDS = NAMES[:6]


def bird_sentence(c: Concepts) -> str:
    home = c.members("a", "sparrow")
    if set(home) == set(BIRDS):
        spread = max(c.valence_a[:6]) - min(c.valence_a[:6])
        return (f"“Bird” stays one cluster: the six birds spread over {spread:.1f} of valence, from the liked "
                f"sparrow to the disliked hummingbird, but nothing else looks like a bird, so valence does not split them.")
    if set(BIRDS) <= set(home):
        return (f"With only {c.categories} concepts to go round, the birds do not get one of their own: they share "
                f"a cluster with {len(home) - len(BIRDS)} other things.")
    parts = [tuple(b for b in BIRDS if b in c.members("a", x)) for x in BIRDS]
    groups = sorted(set(parts), key=lambda g: BIRDS.index(g[0]))
    by_feeling = c.weight > 0 and all(len({c.valence("a", b) > 0 for b in g}) == 1 for g in groups)
    if by_feeling:
        return (f"With valence weighted at {c.weight:g}, even the birds split by feeling: "
                + "; ".join(join_and(g) for g in groups) + " land in different concepts.")
    how = " by their ordinary features" if c.weight == 0 else ""
    return (f"The birds split into {len(groups)} concepts{how} ("
            + "; ".join(join_and(g) for g in groups) + f"): {c.categories} concepts are more than this thingspace has natural groups for.")



def cult_sentence(c: Concepts) -> str:
    cult = c.members("a", "doomsday sect")
    if "parish church" in cult:
        return (f"For person A, ‘cult’ and ‘religion’ are one cluster here ({len(cult)} things): at this weight and "
                f"this number of concepts, valence does not carve them apart.")
    what = "is the doomsday sect alone" if len(cult) == 1 else f"holds {join_and(cult)}"
    head = f"For person A, the cluster around the doomsday sect, their ‘cult’, {what}"
    if c.weight == 0:
        return head + ": valence counts for nothing here, so this boundary is drawn by ordinary features alone."
    liked = [m for m in cult if c.valence("a", m) > 0]
    if liked:
        return head + f", liked things included ({join_and(tuple(liked))}): at this weight the boundary follows looks more than feelings."
    sibling = [m for m in ("monastery", "activist commune") if m not in cult]
    if len(cult) > 1 and sibling:
        return (head + f": every one of them disliked, while the {sibling[0]}, as tight-knit but liked, lands "
                       f"elsewhere. The boundary follows A's feelings.")
    return head + ("." if len(cult) == 1 else ": every one of them disliked.")


def religion_overlap(c: Concepts) -> float:
    a, b = set(c.members("a", "parish church")), set(c.members("b", "parish church"))
    return len(a & b) / len(a | b)


def religion_sentence(c: Concepts) -> str:
    a, b = c.members("a", "parish church"), c.members("b", "parish church")
    if "sparrow" in a or "sparrow" in b:
        return (f"With only {c.categories} concepts, ‘religion’ is not a concept of its own here: it shares a "
                f"cluster with the birds, so there is nothing to compare.")
    same_b = " For B, ‘religion’ and ‘cult’ are the same concept." if "doomsday sect" in b and "doomsday sect" not in a else ""
    if set(a) == set(b):
        return (f"Both people's ‘religion’ covers the same {len(a)} things ({join_and(a)}): with these feelings and "
                f"this weight they mean the same thing by the word.")
    only_a = tuple(m for m in a if m not in b)
    only_b = tuple(m for m in b if m not in a)
    diff = "; ".join(s for s in (f"only A's includes {join_and(only_a)}" if only_a else "",
                                   f"only B's includes {join_and(only_b)}" if only_b else "") if s)
    scient = ("Scientology “isn't really a religion” to A but is one to B. " if "Scientology" in b and "Scientology" not in a
              else "")
    return (f"The same word, two concepts: A's ‘religion’ has {len(a)} things and B's has {len(b)}, sharing "
            f"{pct(religion_overlap(c))} of their combined members ({diff}).{same_b} {scient}Arguing about "
            f"“religion”, they would be talking past each other.")


TUMBLE_CLAIMS = (Claim("chemotaxis", chemotaxis_sentence), Claim("thoughts", thoughts_sentence))
CANDY_CLAIMS = (Claim("walk", walk_sentence), Claim("eat", eat_sentence))
CONCEPTS_CLAIMS = (Claim("bird", bird_sentence), Claim("cult", cult_sentence), Claim("religion", religion_sentence))


# --- Summaries, tables, live numbers, panels ---------------------------------------------------------

def tumble_summary(t: Tumble) -> str:
    return (f"{_of(t.near)} bacteria end near the food (random tumbling: {_of(t.near_random)}); thoughts end "
            f"worth {t.quality[-1]:.0f} points (random re-rolls: {t.quality_random[-1]:.0f}).")


def tumble_table(t: Tumble) -> Table:
    rows = tuple((str(i), f"{t.distance[i]:.0f}", f"{t.baseline[i]:.0f}", f"{t.quality[i]:.0f}", f"{t.quality_random[i]:.0f}")
                 for i in range(0, STEPS + 1, 50))
    return Table("Every 50 steps: mean distance of the bacteria to the food, and mean worth of the ideas entertained, "
                 "steered by the signal and at random",
                 ("Step", "Distance, run and tumble", "Distance, random", "Idea's worth, kept while improving",
                  "Idea's worth, random"), rows)


def tumble_live(t: Tumble) -> dict[str, str]:
    return {"near": _of(t.near), "tumbles": pct(t.tumbles)}


def tumble_panel(t: Tumble, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"run": pct(1 - t.tumbles), "tumble": pct(t.tumbles), "keep": pct(1 - t.rerolls), "reroll": pct(t.rerolls),
            "status": STATUS[verdict(t)], "thinks": thoughts_help(t),
            "caption": (f"One rule, two systems. A bacterium runs while food is getting stronger ({pct(1 - t.tumbles)} of "
                        f"steps) and tumbles when not ({pct(t.tumbles)}). A mind keeps a thought while valence is "
                        f"positive ({pct(1 - t.rerolls)}) and re-rolls when not ({pct(t.rerolls)}).")}


def candy_summary(c: Candy) -> str:
    return (f"After {walks_text(c.walks)}: the idea of the walk has valence {signed(c.idea)}; eating the candy has "
            f"{signed(c.eat)}.")


def candy_table(c: Candy) -> Table:
    rows = tuple((label, signed(i), signed(l), signed(v)) for label, i, l, v in zip(c.labels, c.innate, c.learned, c.valence))
    return Table("Each thought on the way to the candy: its innate reward now, the learned value of where it leads, "
                 "and their sum, its valence", ("Thought", "Innate", "Learned", "Valence"), rows)


def candy_live(c: Candy) -> dict[str, str]:
    return {"idea": signed(c.idea), "eat": signed(c.eat)}


def candy_panel(c: Candy, values: Mapping[str, Any]) -> dict[str, Any]:
    walk = thought_state(values) == "walk"
    idx = 0 if walk else len(c.labels) - 1
    guess, innate, total = c.learned[idx], c.innate[idx], c.valence[idx]
    fate = "kept, and acted on" if total > 0.005 else "thrown out" if total < -0.005 else "neither kept nor thrown out"
    if walk:
        say = {"thought": "“Walk over and get the candy?”",
               "rows": [["valence guess", signed(guess)], ["“I'll eat candy soon”", ""], ["“My legs will ache”", ""]],
               "steer": f"A mere plan: no innate reaction ({signed(innate)}). The guess goes through.",
               "valence": signed(total)}
        lit = ("generator", "assessors", "w_thought", "w_guesses", "w_valence")
    else:
        say = {"thought": "“Eat the candy!”",
               "rows": [["valence guess", signed(guess)], ["“I'll taste sugar”", ""], ["“I'll be full”", ""]],
               "steer": (f"Eating when this hungry: innately {signed(innate)}, learned or not." if c.hunger > 0 else
                         "Eating when not hungry: innately +0.00."),
               "valence": signed(total)}
        lit = ("generator", "steering", "w_truth", "w_valence")
    return {"say": say, "lit": lit,
            "caption": (f"The actor-critic picture for the thought “{'walk over and get the candy' if walk else 'eat the candy'}”: "
                        f"valence {signed(total)} ({signed(guess)} learned, {signed(innate)} innate), so the thought is {fate}.")}


def concepts_summary(c: Concepts) -> str:
    return (f"Person A's ‘religion’: {len(c.members('a', 'parish church'))} items; person B's: "
            f"{len(c.members('b', 'parish church'))}; overlap {pct(religion_overlap(c))}.")


def concepts_table(c: Concepts) -> Table:
    rows = tuple((n, f"{c.ordinary[i]:.2f}", f"{c.valence_a[i]:+.2f}", named(c, "a", n),
                  f"{c.valence_b[i]:+.2f}", named(c, "b", n)) for i, n in enumerate(NAMES))
    return Table("Each item in the thingspace: its ordinary feature, each person's valence, and the cluster it falls in "
                 "for each person", ("Item", "Everything but valence", "A's valence", "A's cluster", "B's valence",
                                     "B's cluster"), rows)


def concepts_live(c: Concepts) -> dict[str, str]:
    return {"overlap": pct(religion_overlap(c))}


def concepts_panel(c: Concepts, values: Mapping[str, Any]) -> dict[str, Any]:
    rows = []
    for word, item in WORDS:
        a, b = c.members("a", item), c.members("b", item)
        rows.append({"word": word, "a": len(a), "b": len(b), "both": len(set(a) & set(b)), "same": set(a) == set(b)})
    return {"rows": rows}


# --- The API ------------------------------------------------------------------------------------------

class TumbleResponse(WidgetResponse):
    near_food: float = Field(description="Share of the steering bacteria within 15 units of the food at the end.")
    near_food_random: float = Field(description="The same for bacteria that tumble at random.")
    final_distance: float = Field(description="Mean final distance to the food, steering bacteria.")
    final_distance_random: float = Field(description="Mean final distance to the food, random tumblers.")
    tumble_share: float = Field(description="Share of steps the steering bacteria spent tumbling.")
    idea_worth: float = Field(description="Mean worth (points) of the ideas entertained at the end, steered by valence.")
    idea_worth_random: float = Field(description="The same when the Thought Generator re-rolls at random.")
    best_idea: float = Field(description="Share of minds ending near the best idea.")
    good_idea: float = Field(description="Share of minds ending near the lesser good idea.")
    claims: dict[str, str]


def tumble_api(values: Mapping[str, Any], t: Tumble) -> dict:
    return {"near_food": t.near, "near_food_random": t.near_random,
            "final_distance": t.distance[-1], "final_distance_random": t.baseline[-1], "tumble_share": t.tumbles,
            "idea_worth": t.quality[-1], "idea_worth_random": t.quality_random[-1], "best_idea": t.best,
            "good_idea": t.good, "claims": {c.id: c.say(t) for c in TUMBLE_CLAIMS}}


class CandyResponse(WidgetResponse):
    thoughts: list[str] = Field(description="The thoughts on the way: the idea, each step, eating.")
    innate: list[float] = Field(description="Each thought's innate reward right now.")
    learned: list[float] = Field(description="Each thought's learned value of where it leads.")
    valence: list[float] = Field(description="Their sum: each thought's valence.")
    idea_curve: list[float] = Field(description="The idea's valence after 0, 1, ... walks.")
    claims: dict[str, str]


def candy_api(values: Mapping[str, Any], c: Candy) -> dict:
    return {"thoughts": list(c.labels), "innate": list(c.innate), "learned": list(c.learned),
            "valence": list(c.valence), "idea_curve": list(c.curve), "claims": {k.id: k.say(c) for k in CANDY_CLAIMS}}


class ConceptsResponse(WidgetResponse):
    items: list[str]
    clusters_a: list[int] = Field(description="Person A's cluster number for each item.")
    clusters_b: list[int] = Field(description="Person B's cluster number for each item.")
    words: dict[str, dict[str, list[str]]] = Field(description="For 'bird', 'religion', 'cult': what each person's word covers.")
    religion_overlap: float = Field(description="Shared share of the two people's 'religion' clusters (intersection over union).")
    claims: dict[str, str]


def concepts_api(values: Mapping[str, Any], c: Concepts) -> dict:
    return {"items": list(NAMES), "clusters_a": list(c.labels_a),
            "clusters_b": list(c.labels_b),
            "words": {w: {"a": list(c.members("a", i)), "b": list(c.members("b", i))} for w, i in WORDS},
            "religion_overlap": religion_overlap(c), "claims": {k.id: k.say(c) for k in CONCEPTS_CLAIMS}}

