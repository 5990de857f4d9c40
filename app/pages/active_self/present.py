"""Presenters for the Active Self page: pure functions of the three models' results."""
from __future__ import annotations

from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, WidgetResponse
from app.wording import join_and, pct

from .model import ACTION_IDS, ACTIONS, BLEND, PARTS, REACH, Cloud, Desires, Inference, Sorting, Vibe

NAME = {a[0]: a[1] for a in ACTIONS}
WHY = {a[0]: a[3] for a in ACTIONS}



# --- The cloud ----------------------------------------------------------------------------------------

PART_NAMES = {"awareness": "awareness", "body": "my body and its feelings", "goals": "my goals", "story": "my story",
              "character": "my character"}


SHORT_PART = {"body": "Body", "goals": "Goals", "story": "Story", "character": "Character"}


def reach_figure(c: Cloud) -> dict:
    names = [SHORT_PART[p] for p in PARTS[1:]]
    values = [c.reached[p] for p in PARTS[1:]]
    data = [{"type": "bar", "orientation": "h", "y": names, "x": values, "name": "Brought to mind",
             "text": [f"{v:.2f}" for v in values], "textposition": "outside", "cliponaxis": False,
             "marker": {"color": [kit.BLUE if v >= REACH else kit.GREY for v in values],
                        "pattern": {"shape": ["" if v >= REACH else "/" for v in values], "fgcolor": kit.WHITE,
                                    "fgopacity": 0.5}},
             "hovertemplate": "%{y}: activation %{x:.2f}<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 56, "l": 12, "r": 30}, showlegend=False, bargap=0.3,
        shapes=[{"type": "line", "x0": REACH, "x1": REACH, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.INK, "width": 2, "dash": "dot"}}],
        yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(names)), automargin=True,
                       ticklabelstandoff=6),
        xaxis=kit.axis("reached from awareness", range=[0, 1.12], tickvals=[0.25, 0.5, 0.75, 1]))}


def cloud_sentence(c: Cloud) -> str:
    blended = [PART_NAMES[p] for p in c.blended]
    plural = len(blended) > 1 or (len(blended) == 1 and c.blended[0] in ("body", "goals"))
    head = (f"In this self-model, {join_and(blended)} {'are' if plural else 'is'} tied tightly enough to the "
            f"Active Self to feel like one concept with it" if blended else
            "In this self-model, nothing is tied tightly enough to the Active Self to feel like one concept with it")
    if c.links["awareness"] == 0:
        return head + ("; and with awareness cut loose, nothing in awareness brings the rest of the self to mind: "
                       "the bridge is gone, a rough stand-in for PNSE, where in Byrnes's account the Active Self "
                       "itself drops out.")
    bridged = [PART_NAMES[p] for p in c.bridged]
    if not bridged:
        return head + (f"; a thought in awareness reaches the rest of the self only weakly (at most "
                       f"{max(c.reached.values()):.2f}), not enough to bring any of it to mind.")
    return head + f"; something in awareness brings {join_and(bridged)} to mind, through the Active Self as the bridge."


def cloud_summary(c: Cloud) -> str:
    return ("Activation from awareness: " + ", ".join(f"{PART_NAMES[p]} {c.reached[p]:.2f}" for p in PARTS[1:]) + ".")


def cloud_table(c: Cloud) -> Table:
    return Table("Each part of the self: its link to the Active Self, and how strongly something in awareness brings it "
                 "to mind", ("Part", "Link", "Brought to mind"),
                 tuple((PART_NAMES[p], f"{c.links[p]:.1f}", f"{c.reached[p]:.2f}" if p != "awareness" else "(the start)")
                       for p in PARTS))


def cloud_live(c: Cloud) -> dict[str, str]:
    return {"body": f"{c.reached['body']:.2f}"}


def cloud_panel(c: Cloud, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"links": c.links, "blended": c.blended, "reached": c.reached, "reach": REACH,
            "caption": ("The Active Self among the parts of the self, our summary; link strengths: "
                        + ", ".join(f"{PART_NAMES[p]} {c.links[p]:.1f}" for p in PARTS) + ".")}


class CloudResponse(WidgetResponse):
    links: dict[str, float] = Field(description="Each part's link to the Active Self.")
    reached: dict[str, float] = Field(description="How strongly something in awareness brings each part to mind.")
    blended: list[str] = Field(description=f"Parts tied at {BLEND} or more: felt as one concept with the Active Self.")
    claims: dict[str, str]


def cloud_api(values: Mapping[str, Any], c: Cloud) -> dict:
    return {"links": c.links, "reached": c.reached, "blended": list(c.blended),
            "claims": {k.id: k.say(c) for k in CLOUD_CLAIMS}}


CLOUD_CLAIMS = (Claim("cloud", cloud_sentence),)

# --- Sorting -------------------------------------------------------------------------------------------

def quadrant_figure(s: Sorting) -> dict:
    rows = [("Voluntary:<br>you did it", True, True), ("Voluntary:<br>happened to you", True, False),
            ("Involuntary:<br>you did it", False, True), ("Involuntary:<br>happened to you", False, False)]
    counts = [sum(1 for p, v in zip(s.placed, s.voluntary) if v == vol and p == did) for _, vol, did in rows]
    agree = [vol == did for _, vol, did in rows]
    data = [{"type": "bar", "orientation": "h", "y": [r[0] for r in rows], "x": counts, "name": "Actions",
             "text": [str(c) for c in counts], "textposition": "outside", "cliponaxis": False,
             "marker": {"color": [kit.BLUE if a else kit.VERMILION for a in agree],
                        "pattern": {"shape": ["" if a else "/" for a in agree], "fgcolor": kit.WHITE, "fgopacity": 0.5}},
             "hovertemplate": "%{x} actions<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 56, "l": 12, "r": 28}, showlegend=False, bargap=0.35,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=[r[0] for r in reversed(rows)], automargin=True,
                       ticklabelstandoff=6),
        xaxis=kit.axis("actions", range=[0, len(ACTION_IDS) + 0.8], dtick=2))}


def across_sentence(s: Sorting) -> str:
    across = s.across
    if not across:
        return ("Every placement matches the brain's own division: what you called your doing is exactly what is "
                "voluntary, and what happened to you is exactly what is involuntary.")
    vol = [NAME[a].lower() for a in across if s.voluntary[ACTION_IDS.index(a)]]
    inv = [NAME[a].lower() for a in across if not s.voluntary[ACTION_IDS.index(a)]]
    parts = []
    if vol:
        parts.append(f"{join_and(vol)} {'is' if len(vol) == 1 else 'are'} voluntary, though you placed "
                     f"{'it' if len(vol) == 1 else 'them'} outside the Active Self")
    if inv:
        parts.append(f"{join_and(inv)} {'is' if len(inv) == 1 else 'are'} involuntary, though you credited the Active Self")
    count = f"All {len(across)}" if len(across) == len(ACTION_IDS) else f"{len(across)} of your {len(ACTION_IDS)}"
    return (f"{count} placements cut across the division Byrnes says the brain's "
            f"learning algorithm uses: " + "; ".join(parts) + ".")


def sort_summary(s: Sorting) -> str:
    return f"{len(s.across)} of {len(ACTION_IDS)} placements cut across the voluntary / involuntary division."


def sort_table(s: Sorting) -> Table:
    rows = tuple((NAME[a], "the Active Self" if p else "not the Active Self", "voluntary" if v else "involuntary", WHY[a])
                 for a, p, v in zip(ACTION_IDS, s.placed, s.voluntary))
    return Table("Each action: where you placed it, and the brain's division (our classification by Byrnes's criterion)",
                 ("Action", "You said it was caused by", "Brain's division", "Why"), rows)


def sort_live(s: Sorting) -> dict[str, str]:
    return {"across": str(len(s.across))}


def chart_panel(s: Sorting, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"rows": [{"name": NAME[a], "you": "You did it" if p else "Happened to you",
                      "brain": "Voluntary" if v else "Involuntary", "agree": p == v}
                     for a, p, v in zip(ACTION_IDS, s.placed, s.voluntary)]}


class SortResponse(WidgetResponse):
    caused_by_active_self: dict[str, bool] = Field(description="Per action: whether you placed it as the Active Self's doing.")
    voluntary: dict[str, bool] = Field(description="Per action: voluntary by Byrnes's criterion (our classification).")
    across: list[str] = Field(description="Actions where the two divisions disagree.")
    claims: dict[str, str]


def sort_api(values: Mapping[str, Any], s: Sorting) -> dict:
    return {"caused_by_active_self": dict(zip(ACTION_IDS, s.placed)),
            "voluntary": dict(zip(ACTION_IDS, s.voluntary)), "across": list(s.across),
            "claims": {c.id: c.say(s) for c in SORT_CLAIMS}}


SORT_CLAIMS = (Claim("across", across_sentence),)

# --- Desires -------------------------------------------------------------------------------------------

OUTCOMES = (("study", "studying", "Me, studying"), ("slack", "slacking off", "Me, slacking off"))
SAYS = {
    ("study", "internalised"): "“I aspire to be studious”", ("slack", "internalised"): "“I like to take it easy”",
    ("study", "externalised"): "“I keep ending up studying despite myself”",
    ("slack", "externalised"): "“I am beset by an urge to slack off”",
    ("study", "absent"): "“Studying isn't really me”", ("slack", "absent"): "“Slacking off isn't really me”",
}


def shares_figure(d: Desires) -> dict:
    names = [o[1].capitalize() for o in OUTCOMES]
    bars = (("Brainstorming toward it", d.toward, kit.BLUE, ""), ("Brainstorming against it", d.against, kit.VERMILION, "/"),
            ("It happened", d.happened, kit.GREY, "."))
    data = [{"type": "bar", "orientation": "h", "name": name, "y": names, "x": [round(shares[o[0]], 2) for o in OUTCOMES],
             "marker": {"color": colour, "pattern": kit.pattern(shape, colour)},
             "hovertemplate": "%{y}: " + name.lower() + " on %{x:.0%} of evenings<extra></extra>"}
            for name, shares, colour, shape in bars]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 130, "l": 96, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True, barmode="group",
        bargap=0.25, yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(names)), ticklabelstandoff=6),
        xaxis=kit.axis("share of evenings", range=[0, 1.02], tickformat=".0%", dtick=0.25))}


def labels_sentence(d: Desires) -> str:
    parts = []
    for key, word, _ in OUTCOMES:
        label = d.label(key)
        if label == "internalised":
            parts.append(f"the mind brainstormed toward {word} on {pct(d.toward[key])} of evenings, so the introspector "
                         f"concludes {SAYS[(key, label)]}: an internalised desire")
        elif label == "externalised":
            parts.append(f"{word} happened on {pct(d.happened[key])} of evenings while brainstorming went against it on "
                         f"{pct(d.against[key])}, so the introspector concludes {SAYS[(key, label)]}: externalised")
        else:
            when = "never happened" if d.happened[key] == 0 else f"happened on only {pct(d.happened[key])} of evenings"
            parts.append(f"{word} {when}, with brainstorming toward it on only {pct(d.toward[key])} of evenings: "
                         f"{SAYS[(key, label)]}")
    return "Over a hundred evenings, " + "; and ".join(parts) + "."


def swap_sentence(d: Desires) -> str:
    now = (d.label("study"), d.label("slack"))
    if now == d.swapped:
        return "Swap what your circle approves of and, at these settings, the labels stay the same."
    parts = [f"{word} {'becomes' if d.swapped[i] != now[i] else 'stays'} {SAYS[(key, d.swapped[i])]}"
             for i, (key, word, _) in enumerate(OUTCOMES)]
    return ("Swap what your circle approves of, with the same urge, and the labels change: " + " and ".join(parts)
            + ". The urge did not change; what the mind plans toward, and so what the introspector concludes, did.")


def desires_summary(d: Desires) -> str:
    return (f"Studying: {d.label('study')} ({pct(d.happened['study'])} of evenings); slacking off: "
            f"{d.label('slack')} ({pct(d.happened['slack'])}).")


def desires_table(d: Desires) -> Table:
    rows = tuple((word.capitalize(), pct(d.toward[k]), pct(d.against[k]), pct(d.happened[k]), SAYS[(k, d.label(k))])
                 for k, word, _ in OUTCOMES)
    return Table("Each outcome over a hundred evenings: brainstorming toward it and against it, how often it happened, "
                 "and what the introspector concludes", ("Outcome", "Toward", "Against", "Happened", "Conclusion"), rows)


def desires_live(d: Desires) -> dict[str, str]:
    return {"slack": SAYS[("slack", d.label("slack"))]}


def images_panel(d: Desires, values: Mapping[str, Any]) -> dict[str, Any]:
    out = []
    for key, word, image in OUTCOMES:
        approval = d.approve_study if key == "study" else d.approve_slack
        out.append({"image": image, "circle": ("celebrated" if approval > 0.2 else "shunned" if approval < -0.2 else
                                                "shrugged at") + f" ({approval:+.1f})",
                    "says": SAYS[(key, d.label(key))], "label": d.label(key)})
    return {"images": out, "caption": "; ".join(f"{o['image']}: {o['circle']} by your circle, so {o['says']}" for o in out)}


class DesiresResponse(WidgetResponse):
    toward: dict[str, float] = Field(description="Share of evenings with brainstorming toward each outcome.")
    against: dict[str, float] = Field(description="Share of evenings with brainstorming against each outcome.")
    happened: dict[str, float] = Field(description="Share of evenings each outcome happened.")
    labels: dict[str, str] = Field(description="The introspector's conclusion: internalised, externalised or absent.")
    swapped: dict[str, str] = Field(description="The labels with the two approvals swapped.")
    claims: dict[str, str]


def desires_api(values: Mapping[str, Any], d: Desires) -> dict:
    return {"toward": d.toward, "against": d.against, "happened": d.happened,
            "labels": {k: d.label(k) for k, _, _ in OUTCOMES}, "swapped": dict(zip(("study", "slack"), d.swapped)),
            "claims": {c.id: c.say(d) for c in DESIRES_CLAIMS}}


DESIRES_CLAIMS = (Claim("labels", labels_sentence), Claim("swap", swap_sentence))

# --- Counsel or manipulation ---------------------------------------------------------------------------

FEELINGS = [round(-1 + 0.1 * i, 1) for i in range(21)]


def sweep_figure(v: Vibe) -> dict:
    data = []
    for word, colour, symbol in (("counsel", kit.BLUE, "circle"), ("manipulation", kit.VERMILION, "x")):
        xs = [f for f, lab in zip(FEELINGS, v.sweep) if lab == word]
        data.append({"type": "scatter", "mode": "markers", "name": f"Called {word}", "x": xs, "y": [word] * len(xs),
                     "marker": {"color": colour, "size": 11, "symbol": symbol},
                     "hovertemplate": "feeling %{x:+.1f}: " + word + "<extra></extra>"})
    data.append({"type": "scatter", "mode": "markers", "name": "This interaction", "x": [v.feeling], "y": [v.label],
                 "marker": {"color": kit.INK, "size": 16, "symbol": "diamond-open", "line": {"width": 3}},
                 "hovertemplate": "this interaction: %{y}<extra></extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 120, "l": 110, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=["manipulation", "counsel"], range=[-0.6, 1.6],
                       ticklabelstandoff=6),
        xaxis=kit.axis("how the outcome feels", range=[-1.08, 1.08], tickvals=[-1, -0.5, 0, 0.5, 1]))}


def _feel(x: float) -> str:
    return "0.0" if abs(x) < 0.05 else f"{x:+.1f}"


def vibe_sentence(v: Vibe) -> str:
    said = ("the interaction sits exactly halfway between the two prototypes, so the word is a coin toss"
            if abs(v.distance["counsel"] - v.distance["manipulation"]) < 1e-9 else f"the person calls it “{v.label}”")
    head = (f"With what was done held fixed (pressure {v.pressure:.2f}, disclosure {v.disclosure:.2f}) and a feeling of "
            f"{_feel(v.feeling)}, {said}.")
    if v.flip is None:
        return head + (" At this weight the feeling never changes the label: only what was done counts."
                       if v.weight == 0 else " Across every feeling the label stays the same here.")
    return head + (f" Slide the feeling across about {v.flip:+.2f} and the label flips, though nothing about what was "
                   f"done has changed.")


def vibe_summary(v: Vibe) -> str:
    return (f"At a feeling of {_feel(v.feeling)}, labelled “{v.label}”; "
            + (f"the label flips at a feeling of about {v.flip:+.2f}." if v.flip is not None else
               "the label never flips across feelings."))


def vibe_table(v: Vibe) -> Table:
    return Table("The label at each feeling, with what was done held fixed", ("Feeling", "Label"),
                 tuple((f"{f:+.1f}", lab) for f, lab in zip(FEELINGS, v.sweep)))


def vibe_live(v: Vibe) -> dict[str, str]:
    return {"label": v.label}


class VibeResponse(WidgetResponse):
    label: str = Field(description="'counsel' or 'manipulation': the nearer remembered prototype.")
    distance: dict[str, float] = Field(description="Weighted distance to each prototype.")
    flip: float | None = Field(description="The feeling at which the label changes, mechanism fixed; null if never.")
    claims: dict[str, str]


def vibe_api(values: Mapping[str, Any], v: Vibe) -> dict:
    return {"label": v.label, "distance": v.distance, "flip": v.flip,
            "claims": {c.id: c.say(v) for c in VIBE_CLAIMS}}


VIBE_CLAIMS = (Claim("label", vibe_sentence),)

# --- Self-models as inference --------------------------------------------------------------------------


def posterior_figure(r: Inference) -> dict:
    x = list(range(len(r.posterior)))
    data = [{"type": "scatter", "mode": "lines", "name": f"Your culture's prior ({pct(r.culture)})", "x": x,
             "y": list(r.posterior), "line": {"color": kit.BLUE, "width": 3.5},
             "hovertemplate": "after %{x} experiences: %{y:.0%}<extra>your culture</extra>"},
            {"type": "scatter", "mode": "lines", "name": "A culture that never suggests it (1%)", "x": x,
             "y": list(r.baseline), "line": {"color": kit.GREY, "width": 3, "dash": "dash"},
             "hovertemplate": "after %{x} experiences: %{y:.0%}<extra>1% prior</extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 130, "l": 60, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        shapes=[{"type": "line", "x0": 0, "x1": 1, "xref": "paper", "y0": 0.5, "y1": 0.5, "yref": "y",
                 "line": {"color": kit.INK, "width": 1.5, "dash": "dot"}}],
        xaxis=kit.axis("experiences", range=[0, len(x) - 1], tickvals=[10, 20, 30, 40]),
        yaxis=kit.axis("belief: outside voice", range=[0, 1], tickformat=".0%", tickvals=[0.25, 0.5, 0.75, 1]))}


def _adopts(p: float) -> str:
    return "a voice from outside" if p > 0.5 else "their own thought"


def inference_sentence(r: Inference) -> str:
    mine, base = r.posterior[-1], r.baseline[-1]
    if abs(mine - 0.5) < 0.005:
        return (f"After {len(r.posterior) - 1} experiences, a person whose culture gives the outside voice "
                f"{pct(r.culture)} is left at an even split between the two readings; with a 1% prior, {pct(base)}, "
                f"{_adopts(base)}. Here the culture alone holds the belief up.")
    head = (f"After {len(r.posterior) - 1} experiences, a person whose culture gives the outside voice {pct(r.culture)} "
            f"believes in it at {pct(mine)} and takes the experience as {_adopts(mine)}")
    if round(r.culture, 4) == 0.01:
        return head + "; here your culture's prior is the 1% comparison itself."
    head += f"; with a 1% prior, {pct(base)}, {_adopts(base)}."
    if _adopts(mine) != _adopts(base):
        return head + " Same experiences, different self-models: here the evidence is close enough for culture to decide."
    if abs(mine - base) >= 0.1:
        return head + " Culture shifts the belief but not the conclusion."
    if abs(r.fit) < 0.005:
        return head + " With the evidence even, each belief stays at its prior, and both priors are small enough to leave the conclusion the same."
    return head + " The evidence outweighs the culture: its suggestion barely matters here."


def prior_summary(r: Inference) -> str:
    return f"Belief in an outside voice at the end: {pct(r.posterior[-1])} (1% prior: {pct(r.baseline[-1])})."


def prior_table(r: Inference) -> Table:
    return Table("Belief in an outside voice after every fifth experience", ("Experiences", "Your culture", "1% prior"),
                 tuple((str(i), pct(r.posterior[i]), pct(r.baseline[i])) for i in range(0, len(r.posterior), 5)))


def prior_live(r: Inference) -> dict[str, str]:
    return {"belief": pct(r.posterior[-1])}


class PriorResponse(WidgetResponse):
    posterior: list[float] = Field(description="Belief in an outside voice after 0, 1, ... experiences.")
    baseline: list[float] = Field(description="The same with a 1% prior.")
    claims: dict[str, str]


def prior_api(values: Mapping[str, Any], r: Inference) -> dict:
    return {"posterior": list(r.posterior), "baseline": list(r.baseline),
            "claims": {c.id: c.say(r) for c in PRIOR_CLAIMS}}


PRIOR_CLAIMS = (Claim("inference", inference_sentence),)
