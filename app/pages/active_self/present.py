"""Presenters for the Active Self page: pure functions of the three models' results."""
from __future__ import annotations

import re
import textwrap
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app import wording
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import join_and, num, plural, pct, reads_as, share, signed

from .model import (ACTION_IDS, ACTIONS, BLEND, FEELINGS, PARTS, PROTOTYPES, REACH, TIE, Cloud, Desires, Inference,
                    Sorting, Vibe, word)

NAME = {a[0]: a[1] for a in ACTIONS}
WHY = {a[0]: a[3] for a in ACTIONS}
N = r"([-+−]?\d+(?:\.\d+)?)"          # a number as the page writes it (a negative one with the true minus)




# Never true, on every widget: a negative number written with a hyphen ('-1.0', where the figures write '−1.0').
HYPHEN_MINUS = Truth(r"(?<![\w-])-\d", lambda result: False, "never: a negative number written with a hyphen, not '−'")


def _names(text: str) -> list[str]:
    """The items of a list written by join_and."""
    return [x for x in re.split(r", and |, | and ", text) if x]


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
                       "the bridge is gone. Cutting this one link is our rough stand-in for PNSE (persistent "
                       "non-symbolic experience, a lasting change in the sense of self that some long-term meditators "
                       "report), where in Byrnes's account the Active Self itself drops out, and the bridge with it.")
    bridged = [PART_NAMES[p] for p in c.bridged]
    if not bridged:
        return head + (f"; a thought in awareness reaches the rest of the self only weakly (at most "
                       f"{num(max(c.reached.values()), 2)}, short of the {num(REACH, 1)} that brings a part to mind).")
    return head + f"; something in awareness brings {join_and(bridged)} to mind, through the Active Self as the bridge."


def cloud_summary(c: Cloud) -> str:
    return ("Activation from awareness: " + ", ".join(f"{PART_NAMES[p]} {num(c.reached[p], 2)}" for p in PARTS[1:]) + ".")


def cloud_table(c: Cloud) -> Table:
    return Table("Each part of the self: its link to the Active Self, and how strongly something in awareness brings it "
                 "to mind", ("Part", "Link", "Brought to mind"),
                 tuple((PART_NAMES[p], num(c.links[p], 1), num(c.reached[p], 2) if p != "awareness" else "(the start)")
                       for p in PARTS))


def cloud_live(c: Cloud) -> dict[str, str]:
    body = c.reached["body"]
    return {"body": f"{num(body, 2)}, " + ("enough to bring them to mind" if body >= REACH else
                                           "too little to bring them to mind")}


def cloud_panel(c: Cloud, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"links": c.links, "blended": c.blended, "reached": c.reached, "reach": REACH,
            "caption": ("The Active Self among the parts of the self, our summary; how tightly each is tied to it: "
                        + ", ".join(f"{PART_NAMES[p]} at {num(c.links[p], 1)}" for p in PARTS) + ".")}


def _parts(text: str) -> set[str] | None:
    """The parts a list written by join_and names, or None if it holds anything else."""
    found, rest = set(), text
    for p, name in sorted(PART_NAMES.items(), key=lambda kv: -len(kv[1])):
        if name in rest:
            found.add(p)
            rest = rest.replace(name, "")
    return found if re.fullmatch(r"(?:, and |, | and )*", rest) else None


CLOUD_CLAIMS = (Claim("cloud", cloud_sentence, truths=(
    Truth(r"^In this self-model, (.+?) (?:is|are) tied tightly enough", lambda c, m: m.group(1) == "nothing" and not
          c.blended or _parts(m.group(1)) == set(c.blended), f"exactly the parts named have links of {BLEND} or more"),
    Truth(r"with awareness cut loose, nothing in awareness brings the rest of the self to mind",
          lambda c: c.links["awareness"] == 0 and not any(c.reached.values()), "the awareness link is 0: nothing is reached"),
    Truth(rf"reaches the rest of the self only weakly \(at most {N}, short of the {N}",
          lambda c, m: reads_as(m.group(1), max(c.reached.values())) and float(m.group(2)) == REACH
          and max(c.reached.values()) < REACH, f"the strongest activation, as shown, is below {REACH}"),
    Truth(r"something in awareness brings (.+?) to mind, through the Active Self",
          lambda c, m: _parts(m.group(1)) == set(c.bridged) != set(), f"exactly the parts named are reached at {REACH} or more"),
)),)

CLOUD_TRUTHS = (
    HYPHEN_MINUS,
    *(Truth(rf"{re.escape(PART_NAMES[p])} {N}", (lambda p: lambda c, m: reads_as(m.group(1), c.reached[p]))(p),
            f"the activation of {PART_NAMES[p]}, as shown") for p in PARTS[1:]),
    Truth(rf"^{N}, enough to bring them to mind$", lambda c, m: c.reached["body"] >= REACH and reads_as(m.group(1), c.reached["body"]),
          f"the body's activation, as shown, is at least {REACH}"),
    Truth(rf"^{N}, too little to bring them to mind$", lambda c, m: c.reached["body"] < REACH and reads_as(m.group(1), c.reached["body"]),
          f"the body's activation, as shown, is below {REACH}"),
)


class CloudResponse(WidgetResponse):
    links: dict[str, float] = Field(description="Each part's link to the Active Self.")
    reached: dict[str, float] = Field(description="How strongly something in awareness brings each part to mind.")
    blended: list[str] = Field(description=f"Parts tied at {BLEND} or more: felt as one concept with the Active Self.")
    claims: dict[str, str]


def cloud_api(values: Mapping[str, Any], c: Cloud) -> dict:
    return {"links": c.links, "reached": c.reached, "blended": list(c.blended),
            "claims": {k.id: k.say(c) for k in CLOUD_CLAIMS}}


# --- Sorting -------------------------------------------------------------------------------------------

def tally_figure(s: Sorting) -> dict:
    """The claim's count as two bars: placements that match the brain's division, and those that cut across it (the
    grid above shows which)."""
    across = len(s.across)
    rows = [("Match the division", len(ACTION_IDS) - across, kit.BLUE, ""), ("Cut across it", across, kit.VERMILION, "/")]
    data = [{"type": "bar", "orientation": "h", "y": [r[0] for r in rows], "x": [r[1] for r in rows], "name": "Placements",
             "text": [str(r[1]) for r in rows], "textposition": "outside", "cliponaxis": False,
             "marker": {"color": [r[2] for r in rows],
                        "pattern": {"shape": [r[3] for r in rows], "fgcolor": kit.WHITE, "fgopacity": 0.5}},
             "customdata": [wording.count(r[1], "placement") for r in rows],
             "hovertemplate": "%{customdata}<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 6, "b": 44, "l": 12, "r": 28}, showlegend=False, bargap=0.3,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=[r[0] for r in reversed(rows)], automargin=True,
                       ticklabelstandoff=6),
        xaxis=kit.axis("placements", range=[0, len(ACTION_IDS) + 0.8], dtick=2))}


def _cut(n: int) -> str:
    return "cuts" if n == 1 else "cut"


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
    n, total = len(across), len(ACTION_IDS)
    count = f"All {total} placements cut" if n == total else f"{n} of your {total} placements {_cut(n)}"
    return f"{count} across the division Byrnes says the brain's learning algorithm uses: " + "; ".join(parts) + "."


def sort_summary(s: Sorting) -> str:
    n, total = len(s.across), len(ACTION_IDS)
    if not n:
        return f"All {total} placements match {DIVISION}."
    return f"{n} of {total} placements {_cut(n)} across {DIVISION}."


def sort_table(s: Sorting) -> Table:
    rows = tuple((NAME[a], "the Active Self" if p else "not the Active Self", "voluntary" if v else "involuntary", WHY[a])
                 for a, p, v in zip(ACTION_IDS, s.placed, s.voluntary))
    return Table("Each action: where you placed it, and the brain's division (our classification by Byrnes's criterion)",
                 ("Action", "You said it was caused by", "Brain's division", "Why"), rows)


DIVISION = "the voluntary / involuntary division"


def sort_live(s: Sorting) -> dict[str, str]:
    n, total = len(s.across), len(ACTION_IDS)
    if not n:
        return {"across": f"none of your {total} placements cuts across {DIVISION}"}
    if n == total:
        return {"across": f"all {total} of your placements cut across {DIVISION}"}
    return {"across": f"{n} of your {total} placements {_cut(n)} across {DIVISION}"}


# Byrnes's handy chart as a drawing: each action a chip in its cell, by the brain's division (rows) and the reader's
# placement (columns); a chip is a link that moves it to the other column.
SHORT_ACTION = {"stand": "Standing up", "itch": "Scratching an itch", "phone": "Checking my phone",
                "attend": "Listening on purpose", "laugh": "Laughing at a joke", "blush": "Blushing",
                "flinch": "Flinching at a bang", "heart": "Heart racing"}


def grid_panel(s: Sorting, values: Mapping[str, Any]) -> dict[str, Any]:
    chips, filled = [], {}
    for a, p, v in zip(ACTION_IDS, s.placed, s.voluntary):
        cell = (0 if v else 1, 0 if p else 1)
        slot = filled[cell] = filled.get(cell, -1) + 1
        to = "not" if p else "self"
        query = "&".join(f"{b}={to if b == a else values[b]}" for b in ACTION_IDS)
        chips.append({"id": a, "text": SHORT_ACTION[a], "row": cell[0], "col": cell[1], "slot": slot,
                      "across": p != v, "href": f"?{query}#widget-sort", "show": f"{a}={to}",
                      "label": f"{NAME[a]}: move it to “{'It happened to me' if p else 'I did it'}”"})
    n = len(s.across)
    return {"chips": chips, "caption": (
        "Byrnes's handy chart: rows, voluntary (the cortex's outputs) and involuntary (the brainstem's reactions); "
        "columns, what you said you did and what you said happened to you. "
        + ("Every action sits on the diagonal." if not n else
           f"{wording.count(n, 'action')} off the diagonal, where your placement cuts across the voluntary / involuntary division."))}


def _actions(text: str) -> set[str] | None:
    by_name = {NAME[a].lower(): a for a in ACTION_IDS}
    names = _names(text)
    return {by_name[x] for x in names} if all(x in by_name for x in names) else None


def _across_count(s: Sorting, m: re.Match) -> bool:
    said = len(ACTION_IDS) if m.group(1).lower().startswith("all") else int(m.group(1))
    return said == len(s.across) > 0


SORT_TRUTHS = (
    HYPHEN_MINUS,
    Truth(r"\bcuts? across(?!\s+the\s+(?:voluntary / involuntary\s+)?division)", lambda s: False,
          "never: 'cut across' must say what is cut across, the voluntary / involuntary division"),
    Truth(r"^([Aa]ll \d+|\d+) (?:of (?:your )?(?:\d+ )?)?placements cuts? across", _across_count,
          "the number of placements that cut across the voluntary / involuntary division"),
    Truth(r"^(?:none of your \d+ placements cuts across|All \d+ placements match)", lambda s: not s.across,
          "every placement matches the division"),
    Truth(r"(\d+) actions? off the diagonal", lambda s, m: int(m.group(1)) == len(s.across) > 0,
          "the number of actions whose placement cuts across the division (the chart's off-diagonal cells)"),
    Truth(r"Every action sits on the diagonal", lambda s: not s.across, "every placement matches the division"),
)
SORT_CLAIMS = (Claim("across", across_sentence, truths=(
    *SORT_TRUTHS,
    Truth(r"^Every placement matches the brain's own division", lambda s: not s.across, "every placement matches"),
    Truth(r"(?:: |; )([^:;]+?) (?:is|are) voluntary, though you placed",
          lambda s, m: _actions(m.group(1)) == {a for a, p, v in zip(ACTION_IDS, s.placed, s.voluntary) if v and not p},
          "exactly the actions named are voluntary and placed outside the Active Self"),
    Truth(r"(?:: |; )([^:;]+?) (?:is|are) involuntary, though you credited",
          lambda s, m: _actions(m.group(1)) == {a for a, p, v in zip(ACTION_IDS, s.placed, s.voluntary) if p and not v},
          "exactly the actions named are involuntary and credited to the Active Self"),
)),)


class SortResponse(WidgetResponse):
    caused_by_active_self: dict[str, bool] = Field(description="Per action: whether you placed it as the Active Self's doing.")
    voluntary: dict[str, bool] = Field(description="Per action: voluntary by Byrnes's criterion (our classification).")
    across: list[str] = Field(description="Actions where the two divisions disagree.")
    claims: dict[str, str]


def sort_api(values: Mapping[str, Any], s: Sorting) -> dict:
    return {"caused_by_active_self": dict(zip(ACTION_IDS, s.placed)),
            "voluntary": dict(zip(ACTION_IDS, s.voluntary)), "across": list(s.across),
            "claims": {c.id: c.say(s) for c in SORT_CLAIMS}}



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
             "customdata": [share(shares[o[0]]) for o in OUTCOMES],
             "hovertemplate": "%{y}: " + name.lower() + " on %{customdata} of evenings<extra></extra>"}
            for name, shares, colour, shape in bars]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 130, "l": 96, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True, barmode="group",
        bargap=0.25, yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(names)), ticklabelstandoff=6),
        xaxis=kit.axis("share of evenings", range=[0, 1.02], tickformat=".0%", dtick=0.25))}


def labels_sentence(d: Desires) -> str:
    parts = []
    for key, word_, _ in OUTCOMES:
        label = d.label(key)
        if label == "internalised":
            parts.append(f"the mind brainstormed toward {word_} on {pct(d.toward[key])} of evenings, so the introspector "
                         f"concludes {SAYS[(key, label)]}: an internalised desire")
        elif label == "externalised":
            # an evening not slacked off is spent studying: said where studying happens against the planning
            default = " (every evening not slacked off is spent studying)" if key == "study" else ""
            parts.append(f"{word_} happened on {pct(d.happened[key])} of evenings{default} while brainstorming went "
                         f"against it on {pct(d.against[key])}, so the introspector concludes {SAYS[(key, label)]}: "
                         f"externalised")
        else:
            when = "never happened" if d.happened[key] == 0 else f"happened on only {pct(d.happened[key])} of evenings"
            planned = ("with no brainstorming toward it on any evening" if d.toward[key] == 0 else
                       f"with brainstorming toward it on only {pct(d.toward[key])} of evenings")
            parts.append(f"{word_} {when}, {planned}: {SAYS[(key, label)]}")
    return "Over a hundred evenings, " + "; and ".join(parts) + "."


def swap_sentence(d: Desires) -> str:
    now = (d.label("study"), d.label("slack"))
    if now == d.swapped:
        return "Swap what your circle approves of and, at these settings, the labels stay the same."
    parts = [f"{word_} {'becomes' if d.swapped[i] != now[i] else 'stays'} {SAYS[(key, d.swapped[i])]}"
             for i, (key, word_, _) in enumerate(OUTCOMES)]
    return ("Swap what your circle approves of, with the same urge, and the labels change: " + " and ".join(parts)
            + ". The urge did not change; what the mind plans toward, and so what the introspector concludes, did.")


# The introspector's conclusions in a reader's words, not the model's names.
READS_AS = {"internalised": "reads as wanted (internalised)", "externalised": "reads as an urge (externalised)",
            "absent": "reads as not part of me"}


def desires_summary(d: Desires) -> str:
    return (f"Studying happened on {pct(d.happened['study'])} of evenings and {READS_AS[d.label('study')]}; "
            f"slacking off happened on {pct(d.happened['slack'])} and {READS_AS[d.label('slack')]}.")


def desires_table(d: Desires) -> Table:
    rows = tuple((word.capitalize(), pct(d.toward[k]), pct(d.against[k]), pct(d.happened[k]), SAYS[(k, d.label(k))])
                 for k, word, _ in OUTCOMES)
    return Table("Each outcome over a hundred evenings: brainstorming toward it and against it, how often it happened, "
                 "and what the introspector concludes", ("Outcome", "Toward", "Against", "Happened", "Conclusion"), rows)


def desires_live(d: Desires) -> dict[str, str]:
    return {"slack": SAYS[("slack", d.label("slack"))]}


QUOTE_WIDTH = 30     # characters a line of the quote in panel_images.html may hold (its box fits about 36)


def _regard(approval: float) -> str:
    """How the circle regards it, decided on the value shown (one decimal): beyond ±0.2 it is celebrated or shunned."""
    shown = round(approval, 1)
    return ("celebrated" if shown > 0.2 else "shunned" if shown < -0.2 else "shrugged at") + f" ({signed(approval, 1)})"


def images_panel(d: Desires, values: Mapping[str, Any]) -> dict[str, Any]:
    out = []
    for key, word_, image in OUTCOMES:
        approval = d.approve_study if key == "study" else d.approve_slack
        says = SAYS[(key, d.label(key))]
        out.append({"image": image, "circle": _regard(approval), "says": says,
                    "says_lines": textwrap.wrap(says, QUOTE_WIDTH), "label": d.label(key)})
    return {"images": out, "caption": "; ".join(f"{o['image']}: {o['circle']} by your circle, so {o['says']}" for o in out)}


def _regard_holds(value: float, m: re.Match) -> bool:
    shown = round(value, 1)
    verdict = "celebrated" if shown > 0.2 else "shunned" if shown < -0.2 else "shrugged at"
    return m.group(1) == verdict and reads_as(m.group(2), value)


def _says_truth(key: str, label: str) -> Truth:
    # Not after "becomes" or "stays": the swap sentence quotes the labels of the swapped circle (its own truths).
    return Truth(r"(?<!becomes )(?<!stays )" + re.escape(SAYS[(key, label)]), lambda d: d.label(key) == label,
                 f"the introspector's label for {dict((k, w) for k, w, _ in OUTCOMES)[key]} is {label}")


_SAYS_TRUTHS = tuple(_says_truth(k, lab) for k, _, _ in OUTCOMES for lab in ("internalised", "externalised", "absent"))
_KEY = {"studying": "study", "slacking off": "slack", "Studying": "study"}
_LABELS = {"internalised", "externalised", "absent"}


def _swapped_says(d: Desires, m: re.Match, changed: bool) -> bool:
    i = 0 if _KEY[m.group(1)] == "study" else 1
    now = d.label(_KEY[m.group(1)])
    return SAYS[(_KEY[m.group(1)], d.swapped[i])] == m.group(2) and (d.swapped[i] != now) == changed


DESIRES_TRUTHS = (
    HYPHEN_MINUS,
    *_SAYS_TRUTHS,
    Truth(rf"(celebrated|shunned|shrugged at) \({N}\)", lambda d, m: any(
        _regard_holds(v, m) for v in (d.approve_study, d.approve_slack)), "one of the circle's approvals, as shown, "
          "and the word for it (beyond ±0.2 as shown: celebrated or shunned)"),
    Truth(rf"Me, studying: (celebrated|shunned|shrugged at) \({N}\)", lambda d, m: _regard_holds(d.approve_study, m),
          "the circle's approval of studying, as shown, and its word"),
    Truth(rf"Me, slacking off: (celebrated|shunned|shrugged at) \({N}\)", lambda d, m: _regard_holds(d.approve_slack, m),
          "the circle's approval of slacking off, as shown, and its word"),
    Truth(r"^Studying happened on (\d+)% of evenings and (reads as [^;]+); slacking off happened on (\d+)% and "
          r"(reads as [^.]+)\.$", lambda d, m: (m.group(2), m.group(4)) == (READS_AS[d.label("study")],
                                                                          READS_AS[d.label("slack")])
          and reads_as(m.group(1), 100 * d.happened["study"]) and reads_as(m.group(3), 100 * d.happened["slack"]),
          "the share of evenings each outcome happened, and each outcome's label"),
    Truth(r"(?i)\b(internalised|externalised|absent) \(\d+% of evenings\)", lambda d: False,
          "never: a share of evenings right after a label reads as how often the label holds"),
    Truth(r"^(?:“I am beset by an urge to slack off”|“I like to take it easy”|“Slacking off isn't really me”)$",
          lambda d, m: m.group(0) == SAYS[("slack", d.label("slack"))], "the label for slacking off"),
)


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


DESIRES_CLAIMS = (
    Claim("labels", labels_sentence, truths=(
        *_SAYS_TRUTHS,
        Truth(r"brainstormed toward (studying|slacking off) on (\d+)% of evenings", lambda d, m: d.label(
            _KEY[m.group(1)]) == "internalised" and reads_as(m.group(2), 100 * d.toward[_KEY[m.group(1)]]),
              "the share of evenings with brainstorming toward it, as shown, is at least half: internalised"),
        Truth(r"(studying|slacking off) happened on (\d+)% of evenings(?: \(every evening not slacked off is spent "
              r"studying\))? while brainstorming went against it on (\d+)%",
              lambda d, m: d.label(_KEY[m.group(1)]) == "externalised" and reads_as(m.group(2), 100 * d.happened[
                  _KEY[m.group(1)]]) and reads_as(m.group(3), 100 * d.against[_KEY[m.group(1)]]),
              "it happened on a quarter of evenings or more, with brainstorming mostly against it: externalised"),
        Truth(r"(studying|slacking off) (?:never happened|happened on only (\d+)% of evenings), with (?:brainstorming "
              r"toward it on only (\d+)%|(no) brainstorming toward it on any evening)",
              lambda d, m: d.label(_KEY[m.group(1)]) == "absent" and (
                  d.happened[_KEY[m.group(1)]] == 0 if m.group(2) is None else
                  reads_as(m.group(2), 100 * d.happened[_KEY[m.group(1)]])) and (
                  d.toward[_KEY[m.group(1)]] == 0 if m.group(4) else
                  d.toward[_KEY[m.group(1)]] > 0 and reads_as(m.group(3), 100 * d.toward[_KEY[m.group(1)]])),
              "it happened on under a quarter of evenings, and was seldom planned toward (no evening at all: 'no "
              "brainstorming toward it on any evening'; 'only' a share above 0)"),
    )),
    Claim("swap", swap_sentence, truths=(
        Truth(r"at these settings, the labels stay the same", lambda d: d.swapped == (d.label("study"), d.label("slack")),
              "with the two approvals swapped, both labels are as now"),
        Truth(r"and the labels change:", lambda d: d.swapped != (d.label("study"), d.label("slack")),
              "with the two approvals swapped, a label changes"),
        Truth(r"(studying|slacking off) becomes (“[^”]+”)", lambda d, m: _swapped_says(d, m, True),
              "with the approvals swapped, this label changes to the one quoted"),
        Truth(r"(studying|slacking off) stays (“[^”]+”)", lambda d, m: _swapped_says(d, m, False),
              "with the approvals swapped, this label stays the one quoted"),
    )),
)

# --- Counsel or manipulation ---------------------------------------------------------------------------

TOSS_UP = "a toss-up"      # the one name for a tie, in sentences, the live word, the table, the chart and the prose
SHOWN_WORD = {"counsel": "counsel", "manipulation": "manipulation", TIE: TOSS_UP}


def sweep_figure(v: Vibe) -> dict:
    data = []
    for key, colour, symbol in (("counsel", kit.BLUE, "circle"), (TIE, kit.GREY, "square"),
                                ("manipulation", kit.VERMILION, "x")):
        xs = [f for f, lab in zip(FEELINGS, v.sweep) if lab == key]
        data.append({"type": "scatter", "mode": "markers", "name": f"Called {SHOWN_WORD[key]}" if key != TIE else
                     TOSS_UP.capitalize(), "x": xs, "y": [SHOWN_WORD[key]] * len(xs),
                     "marker": {"color": colour, "size": 11, "symbol": symbol},
                     "customdata": [feeling_text(f) for f in xs],
                     "hovertemplate": "feeling %{customdata}: " + SHOWN_WORD[key] + "<extra></extra>"})
    data.append({"type": "scatter", "mode": "markers", "name": "This interaction", "x": [v.feeling],
                 "y": [SHOWN_WORD[v.label]],
                 "marker": {"color": kit.INK, "size": 16, "symbol": "diamond-open", "line": {"width": 3}},
                 "hovertemplate": "this interaction: %{y}<extra></extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 120, "l": 110, "r": 16}, legend=kit.FOOT_LEGEND, showlegend=True,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=["manipulation", TOSS_UP, "counsel"],
                       range=[-0.6, 2.6], ticklabelstandoff=6),
        xaxis=kit.axis("how the outcome feels", range=[-1.08, 1.08], tickvals=[-1, -0.5, 0, 0.5, 1]))}


FEELING_PLACES = 2       # every feeling the widget shows, at every state: '+0.50', never '+0.5' at one state and '+0.50' at another


def feeling_text(x: float) -> str:
    """A feeling, signed, with the true minus, to FEELING_PLACES decimals: the reader's, the table's, the hover's and
    the boundary's alike, whatever the state."""
    return signed(x, FEELING_PLACES)


def _on_a_step(x: float) -> bool:
    """`x` is, as written, a feeling on the slider (a step of 0.1) without being exactly that step: a boundary written
    '+0.10' for 0.098 would read as the step +0.1, whose label is not a tie."""
    shown = float(feeling_text(x))
    return abs(shown - round(shown, 1)) < 1e-9 and abs(x - shown) > 1e-9


def boundary_text(x: float) -> str:
    """Where the label turns: 'a feeling of +0.03', or 'a feeling just under +0.10' where it falls within a hair of a
    step (0.098), so it never reads as the step itself."""
    if _on_a_step(x):
        return f"a feeling just {'under' if x < float(feeling_text(x)) else 'over'} {feeling_text(x)}"
    return f"a feeling of {feeling_text(x)}"


def _called(v: Vibe) -> str:
    return (f"the interaction is exactly as near to both prototypes, so the word is {TOSS_UP}"
            if v.label == TIE else f"the person calls it “{v.label}”")


def vibe_sentence(v: Vibe) -> str:
    head = (f"With what was done held fixed (pressure {num(v.pressure, 2)}, disclosure {num(v.disclosure, 2)}) and a "
            f"feeling of {feeling_text(v.feeling)}, {_called(v)}.")
    if v.boundary is None:
        return head + " At this weight the feeling never changes the label: only what was done counts."
    if v.flip is None:
        return head + f" At every feeling on the slider the label stays “{v.low}” here."
    if v.flip in (-1, 1):
        other = v.high if v.flip == -1 else v.low
        return head + (f" Only at the very end of the slider, {boundary_text(v.flip)}, is the word "
                       f"{TOSS_UP}; everywhere else the person says “{other}”.")
    return head + (f" The label turns at {boundary_text(v.flip)}: below it the person says “{v.low}”, "
                   f"above it “{v.high}”, though nothing about what was done has changed.")


def vibe_summary(v: Vibe) -> str:
    at = (f"At a feeling of {feeling_text(v.feeling)}, " + (f"the word is {TOSS_UP}" if v.label == TIE else
                                                              f"labelled “{v.label}”"))
    if v.flip in (-1, 1):
        return at + f"; the word is {TOSS_UP} only at the end of the slider, {boundary_text(v.flip)}."
    if v.flip is not None:
        return at + f"; the label turns at {boundary_text(v.flip)}."
    return at + "; the label is the same at every feeling on the slider."


def vibe_table(v: Vibe) -> Table:
    return Table("The label at each feeling, with what was done held fixed", ("Feeling", "Label"),
                 tuple((feeling_text(f), SHOWN_WORD[lab]) for f, lab in zip(FEELINGS, v.sweep)))


def vibe_live(v: Vibe) -> dict[str, str]:
    return {"label": TOSS_UP if v.label == TIE else f"“{v.label}”"}


class VibeResponse(WidgetResponse):
    label: str = Field(description="'counsel' or 'manipulation': the nearer remembered prototype; 'either' when "
                                   "both are exactly as near.")
    distance: dict[str, float] = Field(description="Weighted distance to each prototype.")
    flip: float | None = Field(description="The feeling at which both prototypes are exactly as near, with what was "
                                           "done held fixed, if it is on the slider (-1 to 1); null if not.")
    claims: dict[str, str]


def vibe_api(values: Mapping[str, Any], v: Vibe) -> dict:
    return {"label": v.label, "distance": v.distance, "flip": v.flip,
            "claims": {c.id: c.say(v) for c in VIBE_CLAIMS}}


F = r"([-+−]?\d+\.\d+|0)"        # a feeling as feeling_text writes it
# The boundary as boundary_text writes it.
B = r"a feeling (?:of|just (?P<side>under|over)) (?P<f>[-+−]?\d+\.\d+|0)"


def _boundary_shown(v: Vibe, m: re.Match) -> bool:
    """The boundary, as written: rounded to the places shown; 'just under/over' where it lies on that side of it; and
    written plainly as a step of the slider only if it is exactly that step."""
    if v.flip is None or not reads_as(m["f"], v.flip):
        return False
    shown = float(m["f"].replace("−", "-"))
    if m["side"]:
        return v.flip < shown if m["side"] == "under" else v.flip > shown
    return abs(shown - round(shown, 1)) > 1e-9 or abs(v.flip - shown) < 1e-9


SAME_PLACES = Truth(r"feeling of [-+−]?\d+\.(\d+)\b.*?feeling of [-+−]?\d+\.(\d+)\b",
                    lambda v, m: len(m.group(1)) == len(m.group(2)),
                    "the two feelings a sentence quotes (the reader's and the boundary) have as many decimals each")
ONE_PLACES = Truth(r"^[-+−]?\d+(?:\.(\d+))?$|feeling (?:of|just under|just over) [-+−]?\d+(?:\.(\d+))?(?![\d.])",
                   lambda v, m: len(m.group(1) or m.group(2) or "") == FEELING_PLACES,
                   f"every feeling the widget shows (its sentences and its table) has {FEELING_PLACES} decimals, at "
                   "every state: the same feeling is never '+0.5' at one state and '+0.50' at another")


def _at_midpoint(v: Vibe) -> bool:
    """The interaction is the midpoint of the two prototypes in the weighted space the distances are taken in: the
    one point 'halfway between' them (every other tie is only as near to both)."""
    (p1, q1, f1), (p2, q2, f2) = PROTOTYPES.values()
    return all(abs(a - b) < 1e-9 for a, b in ((v.pressure, (p1 + p2) / 2), (v.disclosure, (q1 + q2) / 2),
                                              (v.weight * v.feeling, v.weight * (f1 + f2) / 2)))


VIBE_TRUTHS = (
    HYPHEN_MINUS,
    Truth(r"halfway between the two prototypes", _at_midpoint, "the interaction is the prototypes' midpoint (weighted "
          "as the distances are): a tie anywhere else is only exactly as near to both"),
    SAME_PLACES,
    ONE_PLACES,
    Truth(rf"[Aa]t a feeling of {F}, (?:labelled “(\w+)”|the word is {TOSS_UP})", lambda v, m: reads_as(
        m.group(1), v.feeling) and (v.lean == 0 if m.group(2) is None else v.lean != 0 and v.label == m.group(2)),
          "the label at the reader's feeling (a toss-up: both prototypes exactly as near)"),
    Truth(rf"the label turns at {B}\.", lambda v, m: _boundary_shown(v, m) and -1 < v.flip < 1,
          "the feeling at which both prototypes are exactly as near, as shown, inside the slider's range"),
    Truth(rf"the word is {TOSS_UP} only at the end of the slider, {B}\.", lambda v, m: _boundary_shown(v, m)
          and v.flip in (-1, 1), "both prototypes are exactly as near at an end of the slider"),
    Truth(r"the label is the same at every feeling on the slider", lambda v: len(set(v.sweep)) == 1,
          "every feeling on the slider gets the same label"),
    Truth(r"^“(counsel|manipulation)”$", lambda v, m: v.label == m.group(1), "the label at the reader's feeling"),
    # The live word and the table's cells name a tie alike (one name), so a bare 'a toss-up' is one of the two: the
    # reader's feeling ties, or one of the table's feelings does (the sentence and summary say which, checked above).
    Truth(rf"^{TOSS_UP}$", lambda v: v.lean == 0 or TIE in v.sweep,
          "both prototypes exactly as near, at the reader's feeling (the live word) or at one of the table's feelings"),
)
VIBE_CLAIMS = (Claim("label", vibe_sentence, truths=(
    Truth(r"the person calls it “(\w+)”", lambda v, m: v.label == m.group(1), "the nearer prototype's name"),
    Truth(r"is exactly as near to both prototypes", lambda v: v.lean == 0 and
          v.distance["counsel"] == v.distance["manipulation"],
          "the two (weighted) distances are equal: the squared distance to counsel minus that to manipulation is 0"),
    Truth(r"At this weight the feeling never changes the label", lambda v: v.boundary is None and len(set(v.sweep)) == 1,
          "the feeling carries no weight: every feeling gets the same label"),
    Truth(r"At every feeling on the slider the label stays “(\w+)”", lambda v, m: set(v.sweep) == {m.group(1)},
          "every feeling on the slider gets this label"),
    Truth(rf"{B}, is the word {TOSS_UP}; everywhere else the person says “(?P<w>\w+)”", lambda v, m: _boundary_shown(
        v, m) and v.flip in (-1, 1) and set(v.sweep) == {TIE, m["w"]}, "the two prototypes are as near only at an "
          "end of the slider, and every other feeling gets the label quoted"),
    Truth(rf"The label turns at {B}: below it the person says “(?P<lo>\w+)”, above it “(?P<hi>\w+)”", lambda v, m:
          _boundary_shown(v, m) and -1 < v.flip < 1 and all(
              lab == (m["lo"] if f < v.flip else m["hi"] if f > v.flip else TIE) for f, lab in zip(FEELINGS, v.sweep)),
          "the boundary, as shown, and the labels on each side of it at every feeling on the slider"),
)),)

# --- Self-models as inference --------------------------------------------------------------------------


def posterior_figure(r: Inference) -> dict:
    x = list(range(len(r.posterior)))
    data = [{"type": "scatter", "mode": "lines", "name": f"Your culture's prior ({pct(r.culture)})", "x": x,
             "y": list(r.posterior), "line": {"color": kit.BLUE, "width": 3.5},
             "customdata": [f"{wording.count(i, 'experience')}: {share(p)}" for i, p in zip(x, r.posterior)],
             "hovertemplate": "after %{customdata}<extra>your culture</extra>"},
            {"type": "scatter", "mode": "lines", "name": "A culture that never suggests it (1%)", "x": x,
             "y": list(r.baseline), "line": {"color": kit.GREY, "width": 3, "dash": "dash"},
             "customdata": [f"{wording.count(i, 'experience')}: {share(p)}" for i, p in zip(x, r.baseline)],
             "hovertemplate": "after %{customdata}<extra>1% prior</extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 130, "l": 60, "r": 14}, legend=kit.FOOT_LEGEND, showlegend=True,
        shapes=[{"type": "line", "x0": 0, "x1": 1, "xref": "paper", "y0": 0.5, "y1": 0.5, "yref": "y",
                 "line": {"color": kit.INK, "width": 1.5, "dash": "dot"}}],
        xaxis=kit.axis("experiences", range=[0, len(x) - 1], tickvals=[10, 20, 30, 40]),
        yaxis=kit.axis("belief: outside voice", range=[0, 1], tickformat=".0%", tickvals=[0.25, 0.5, 0.75, 1]))}


def _share_is(text: str, p: float) -> bool:
    """A belief quoted as wording.share writes it: the whole percent, but '100' only if certain and '0' only if
    none ('over 99' for a belief above 0.99 short of 1, 'under 1' for one below 0.01 above 0)."""
    return reads_as(text + "%", p) and (text != "100" or p == 1) and (text != "0" or p == 0)


def _adopts(p: float) -> str:
    return "a voice from outside" if p > 0.5 else "their own thought"


def _even(p: float) -> bool:
    """An even split: the belief ends at exactly 50% (to nine decimals), so neither reading wins."""
    return abs(p - 0.5) < 1e-9


def _about_even(p: float) -> bool:
    """All but even: the belief reads 50% to the percent, yet one reading wins by the page's rule (_adopts)."""
    return pct(p) == "50%" and not _even(p)


def _gap(r: Inference) -> int:
    """How many points above the 1% prior's the belief ends: the exact difference, rounded to a whole point."""
    return wording.points(r.posterior[-1] - r.baseline[-1])


def _gap_reads_off(r: Inference) -> bool:
    """The two beliefs as shown (plain whole percents, no 'over'/'under') differ by exactly the gap stated."""
    mine, base = r.posterior[-1], r.baseline[-1]
    plain = share(mine) == pct(mine) and share(base) == pct(base)
    return plain and wording.points(mine) - wording.points(base) == _gap(r)


def _lift(r: Inference) -> str:
    note = "" if _gap_reads_off(r) else " (the figures above are rounded)"
    return f"culture adds {_gap(r)} {plural(_gap(r), 'point')}{note}, not enough to change which reading wins"


def _barely(r: Inference) -> bool:
    """The culture's prior barely moves the final belief: at most a point above the 1% prior's, or at most 3 points
    and under half as much again (13% against 5%, or 89% against 80%, is not 'barely'); points are the exact gap
    rounded."""
    return _gap(r) <= 1 or (_gap(r) <= 3 and r.posterior[-1] <= 1.5 * r.baseline[-1])


def _evidence_wins(r: Inference) -> bool:
    """The evidence outweighs the culture: it points toward the reading both beliefs end in, moves this culture's
    belief further than the culture's gap from the 1% prior's at the end (both exact), and that gap barely matters."""
    toward = r.fit > 0 if r.posterior[-1] < 0.5 else r.fit < 0
    shift, gap = abs(r.posterior[-1] - r.posterior[0]), abs(r.posterior[-1] - r.baseline[-1])
    return toward and shift > gap and _barely(r)


def _no_evidence_sentence(r: Inference) -> str:
    """Evidence 0: both readings predict every experience equally well, so each belief stays at its prior; the
    sentence says so at every culture, then which reading each belief favours."""
    mine, base = r.posterior[-1], r.baseline[-1]
    head = (f"After {len(r.posterior) - 1} experiences that fit both readings equally, each belief stays at its "
            f"prior: {share(mine)} for a person whose culture gives the outside voice {pct(r.culture)}, {share(base)} "
            f"with a 1% prior.")
    if _even(mine):
        return head + (f" The first is left at an even split between the two readings, the second takes the "
                       f"experience as {_adopts(base)}. Here the culture alone holds the belief up.")
    if _adopts(mine) != _adopts(base):
        return head + (f" Same experiences, different self-models: the first takes the experience as {_adopts(mine)}, "
                       f"the second as {_adopts(base)}; with no evidence either way, culture decides.")
    if round(r.culture, 4) == 0.01:
        return head + (f" Both take the experience as {_adopts(mine)}; here your culture's prior is the 1% comparison "
                       f"itself.")
    return head + f" Both take the experience as {_adopts(mine)}: {_lift(r)}."


def inference_sentence(r: Inference) -> str:
    mine, base = r.posterior[-1], r.baseline[-1]
    n = len(r.posterior) - 1
    if r.fit == 0:
        return _no_evidence_sentence(r)
    if _even(mine) or _about_even(mine):
        split = ("at an even split between the two readings" if _even(mine) else
                 f"about even between the two readings (50% to the percent), so only just takes the experience as "
                 f"{_adopts(mine)}")
        head = (f"After {n} experiences, a person whose culture gives the outside voice {pct(r.culture)} is left "
                f"{split}; with a 1% prior, {share(base)}, {_adopts(base)}.")
        moved = r.posterior[-1] - r.posterior[0]
        if moved == 0:
            return head + " Here the culture alone holds the belief up."
        if moved < 0:
            return head + " Here the culture holds the belief up against experiences that fit “my own thought” better."
        if r.posterior[0] == r.baseline[0]:
            return head + " Here the experiences alone lift the belief, from the 1% prior."
        return head + " Here the experiences and the culture both lift the belief."
    head = (f"After {n} experiences, a person whose culture gives the outside voice {pct(r.culture)} "
            f"believes in it at {share(mine)} and takes the experience as {_adopts(mine)}")
    if round(r.culture, 4) == 0.01:
        return head + "; here your culture's prior is the 1% comparison itself."
    head += f"; with a 1% prior, {share(base)}, {_adopts(base)}."
    if _adopts(mine) != _adopts(base):
        return head + " Same experiences, different self-models: here the evidence is close enough for culture to decide."
    lift = _lift(r)
    if not _evidence_wins(r):
        return head + f" {lift[0].upper()}{lift[1:]}."
    return head + " The evidence outweighs the culture: its suggestion barely matters here."


def prior_summary(r: Inference) -> str:
    return f"Belief in an outside voice at the end: {share(r.posterior[-1])} (1% prior: {share(r.baseline[-1])})."


def prior_table(r: Inference) -> Table:
    return Table("Belief in an outside voice after every fifth experience", ("Experiences", "Your culture", "1% prior"),
                 tuple((str(i), share(r.posterior[i]), share(r.baseline[i])) for i in range(0, len(r.posterior), 5)))


def prior_live(r: Inference) -> dict[str, str]:
    return {"belief": f"{share(r.posterior[-1])}, after {len(r.posterior) - 1} experiences"}


class PriorResponse(WidgetResponse):
    posterior: list[float] = Field(description="Belief in an outside voice after 0, 1, ... experiences.")
    baseline: list[float] = Field(description="The same with a 1% prior.")
    claims: dict[str, str]


def prior_api(values: Mapping[str, Any], r: Inference) -> dict:
    return {"posterior": list(r.posterior), "baseline": list(r.baseline),
            "claims": {c.id: c.say(r) for c in PRIOR_CLAIMS}}


def _reading(p: float, said: str) -> bool:
    return said == ("a voice from outside" if p > 0.5 else "their own thought") and not _even(p)


PRIOR_TRUTHS = (
    HYPHEN_MINUS,
    Truth(r"^Belief in an outside voice at the end: ((?:over |under )?\d+)% \(1% prior: ((?:over |under )?\d+)%\)", lambda r, m:
          _share_is(m.group(1), r.posterior[-1]) and _share_is(m.group(2), r.baseline[-1]), "both beliefs at the end, as shown "
          "(100% only if certain, 0% only if none)"),
    Truth(r"^((?:over |under )?\d+)%, after (\d+) experiences$", lambda r, m: _share_is(m.group(1), r.posterior[-1])
          and int(m.group(2)) == len(r.posterior) - 1, "the belief at the end, as shown"),
)
PRIOR_CLAIMS = (Claim("inference", inference_sentence, truths=(
    Truth(r"^After (\d+) experiences, a person whose culture gives the outside voice (\d+)%", lambda r, m: int(
        m.group(1)) == len(r.posterior) - 1 and reads_as(m.group(2), 100 * r.culture), "the run's length and the prior"),
    Truth(r"is left at an even split between the two readings", lambda r: _even(r.posterior[-1]),
          "the belief at the end is exactly 50%, so neither reading wins"),
    Truth(r"is left about even between the two readings \(50% to the percent\), so only just takes the experience as "
          r"(a voice from outside|their own thought)",
          lambda r, m: _about_even(r.posterior[-1]) and m.group(1) == _adopts(r.posterior[-1]),
          "the belief at the end reads 50% but is not exactly 50%; the reading named is the one it favours (over 50%: "
          "the outside voice)"),
    Truth(r"Here the culture alone holds the belief up", lambda r: r.posterior[-1] == r.posterior[0]
          and r.baseline[-1] == r.baseline[0] and r.posterior[-1] - r.baseline[-1] >= 0.1,
          "the experiences move neither belief, and the culture's ends at least 10 points above the 1% prior's"),
    Truth(r"Here the culture holds the belief up against experiences that fit “my own thought” better", lambda r:
          r.posterior[-1] < r.posterior[0] and r.baseline[-1] < r.baseline[0] and r.posterior[-1] - r.baseline[-1] >= 0.1,
          "the experiences lower both beliefs, and the culture's ends at least 10 points above the 1% prior's"),
    Truth(r"Here the experiences and the culture both lift the belief", lambda r: r.posterior[-1] > r.posterior[0]
          and r.posterior[0] > r.baseline[0] and r.posterior[-1] > r.baseline[-1],
          "the experiences raise the belief, and the culture's prior starts and ends it above the 1% prior's"),
    Truth(r"Here the experiences alone lift the belief, from the 1% prior", lambda r: r.posterior[-1] > r.posterior[0]
          and r.posterior == r.baseline, "the culture's prior is the 1% prior, and the experiences raise the belief"),
    Truth(r"believes in it at ((?:over |under )?\d+)% and takes the experience as (a voice from outside|their own thought)",
          lambda r, m: _share_is(m.group(1), r.posterior[-1]) and _reading(r.posterior[-1], m.group(2)),
          "the belief at the end, as shown, and the reading it favours (over 50%: the outside voice)"),
    Truth(r"with a 1% prior, ((?:over |under )?\d+)%, (a voice from outside|their own thought)", lambda r, m: _share_is(
        m.group(1), r.baseline[-1]) and _reading(r.baseline[-1], m.group(2)), "the 1% prior's belief and reading"),
    Truth(r"here your culture's prior is the 1% comparison itself", lambda r: round(r.culture, 4) == 0.01,
          "the prior is 1%"),
    Truth(r"Same experiences, different self-models", lambda r: (r.posterior[-1] > 0.5) != (r.baseline[-1] > 0.5),
          "the two priors end in different readings"),
    Truth(r"[Cc]ulture adds (\d+) points?( \(the figures above are rounded\))?, not enough to change which reading wins",
          lambda r, m: (r.posterior[-1] > 0.5) == (r.baseline[-1] > 0.5) and not _even(r.posterior[-1])
          and int(m.group(1)) == wording.points(r.posterior[-1] - r.baseline[-1])
          and (m.group(2) is None) == _gap_reads_off(r),
          "both beliefs favour the same reading; the belief ends this many points above the 1% prior's (the exact gap, "
          "rounded), said to be rounded unless the two figures shown differ by just that"),
    Truth(r"^After (\d+) experiences that fit both readings equally, each belief stays at its prior: "
          r"((?:over |under )?\d+)% for a person whose culture gives the outside voice (\d+)%, ((?:over |under )?\d+)% "
          r"with a 1% prior\.",
          lambda r, m: (int(m.group(1)) == len(r.posterior) - 1 and r.fit == 0
                        and len(set(r.posterior)) == 1 and len(set(r.baseline)) == 1
                        and _share_is(m.group(2), r.posterior[-1]) and reads_as(m.group(3), 100 * r.culture)
                        and _share_is(m.group(4), r.baseline[-1])),
          "no evidence either way: neither belief moves from its prior over the run; the run's length, the beliefs "
          "and the prior as shown"),
    Truth(r"The first is left at an even split between the two readings, the second takes the experience as "
          r"(a voice from outside|their own thought)\.", lambda r, m: _even(r.posterior[-1])
          and _reading(r.baseline[-1], m.group(1)), "the culture's belief ends at exactly 50%; the 1% prior's favours "
          "the reading named"),
    Truth(r"the first takes the experience as (a voice from outside|their own thought), the second as "
          r"(a voice from outside|their own thought)", lambda r, m: _reading(r.posterior[-1], m.group(1))
          and _reading(r.baseline[-1], m.group(2)), "the reading each belief favours (over 50%: the outside voice)"),
    Truth(r"with no evidence either way, culture decides", lambda r: r.fit == 0 and len(set(r.posterior)) == 1
          and len(set(r.baseline)) == 1 and (r.posterior[-1] > 0.5) != (r.baseline[-1] > 0.5),
          "neither belief moves, and the two priors favour different readings"),
    Truth(r"Both take the experience as (a voice from outside|their own thought)",
          lambda r, m: _reading(r.posterior[-1], m.group(1)) and _reading(r.baseline[-1], m.group(1)),
          "both beliefs favour the reading named (over 50%: the outside voice)"),
    Truth(r"The evidence outweighs the culture", lambda r: _evidence_wins(r)
          and (r.posterior[-1] > 0.5) == (r.baseline[-1] > 0.5),
          "the same reading for both; the evidence points toward it and moves the belief further than the culture's gap "
          "at the end (both exact), and that gap is at most a point (rounded), or at most 3 points and under half as "
          "much again"),
)),)
