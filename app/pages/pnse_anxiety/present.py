"""Presenters for the PNSE-and-anxiety page: pure functions of the two models' results."""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal
from typing import Any, Callable, Mapping

from pydantic import Field

from app import figkit as kit
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import adding_up, adding_up_places, count, join_and, num, pct, plural, reads_as, rounded, share

from .model import DT, LEVELS, PERSIST, STEPS, YEARS, Loops, Tradeoff


# --- Loops ---------------------------------------------------------------------------------------------

EVERY = 5
TIMES = [round(i * EVERY * DT, 1) for i in range(STEPS // EVERY + 1)]


@lru_cache(maxsize=1 << 16)    # the same levels recur point after point
def _activity(x: float) -> str:
    """An activity as the table writes it (two decimals, halves away from zero), for the hover."""
    return num(x, 2)


def timeline_figure(r: Loops) -> dict:
    worry_name = "“She may be ill”" if r.news == "ill" else "“She's fine”"
    lines = ((0, "Anxiety (brainstem)", kit.VERMILION, "solid", 4), (2, worry_name, kit.BLUE, "dash", 2.5),
             (4, "Active Self link", kit.GREEN, "dot", 2.5))
    data = [{"type": "scatter", "mode": "lines", "name": name, "x": TIMES, "y": list(r.trace[i]),
             "line": {"color": colour, "dash": dash, "width": width},
             "customdata": [_activity(v) for v in r.trace[i]],
             "hovertemplate": "time %{x}: %{customdata}<extra>" + name + "</extra>", "showlegend": False}
            for i, name, colour, dash, width in lines]
    # Each line named in a column right of the plot, by its end, instead of a legend under the chart.
    labels = margin_labels(data, ["anxiety", "“She may<br>be ill”" if r.news == "ill" else "“She's<br>fine”",
                                  "Active<br>Self link"], 1.05, TIMELINE_PLOT_PX)
    return {"data": data, "layout": kit.layout(
        margin={"t": TIMELINE_MARGIN[0], "b": TIMELINE_MARGIN[1], "l": 52, "r": 86}, annotations=labels,
        xaxis=kit.axis("time", range=[0, TIMES[-1]], tickvals=[10, 20, 30, 40]),
        yaxis=kit.axis("activity", range=[0, 1.05], tickvals=[0.25, 0.5, 0.75, 1]))}


TIMELINE_HEIGHT, TIMELINE_MARGIN = 224, (12, 48)   # the timeline's declared height (page.py) and top/bottom margins
TIMELINE_PLOT_PX = TIMELINE_HEIGHT - sum(TIMELINE_MARGIN)


def object_name(r: Loops) -> str:
    return "(a) a reason to worry" if r.news == "ill" else "(b) the reason gone"


def self_name(r: Loops) -> str:
    return "(c) through the Active Self" if r.model == "conventional" else "(d) PNSE: no bridge"


def gains_figure(r: Loops) -> dict:
    names = ["Object-level", "Self-reflective", "Combined"]
    values = [r.object_loop, r.self_loop, r.combined]
    data = [{"type": "bar", "orientation": "h", "y": names, "x": values, "name": "Loop gain",
             "text": list(gains(r, True)), "textposition": "none",
             "marker": {"color": [kit.GREEN if v >= 0 else kit.VERMILION for v in values],
                        "pattern": {"shape": ["" if v >= 0 else "/" for v in values], "fgcolor": kit.WHITE,
                                    "fgopacity": 0.5}},
             "hovertemplate": "%{y} loop: gain %{text}<extra></extra>"}]
    # Each gain in a column right of the plot, so neither the line at gain 1 nor a bar ever crosses it.
    values_column = [{"x": 1, "xref": "paper", "xanchor": "left", "xshift": 8, "y": name, "yref": "y",
                      "text": text, "showarrow": False, "font": {"size": 13}}
                     for name, text in zip(names, gains(r, True))]
    return {"data": data, "layout": kit.layout(
        margin={"t": 12, "b": 48, "l": 110, "r": 72}, showlegend=False, bargap=0.35, annotations=values_column,
        shapes=[{"type": "line", "x0": 1, "x1": 1, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                 "line": {"color": kit.INK, "width": 2, "dash": "dot"}}],
        yaxis=kit.axis(None, categoryorder="array", categoryarray=list(reversed(names)), ticklabelstandoff=6),
        xaxis=kit.axis("loop gain", range=[-2.4, 4.6], tickvals=[-2, 0, 1, 2, 4],
                       zeroline=True, zerolinecolor=kit.INK))}


GAIN_PLACES = 2     # every loop gain to two decimals ('0.45', '−0.59', never '0.450' beside '0.80'), unless...


def gain_places(r: Loops) -> int:
    """...keeping each loop on its side of 1 would put their sum, the combined gain shown, further than a hundredth
    from the model's (0.9975 twice reads 0.99 + 0.99 = 1.98 against 1.995), or two equal loops could not read alike
    (0.025 twice: 0.03 + 0.02 = 0.05): then all three to three decimals, or four where two equal loops need them
    (0.9975 twice reads 0.9975 + 0.9975 = 1.995, not 0.998 + 0.997); gain() drops a trailing zero past the second."""
    return adding_up_places((r.object_loop, r.self_loop), GAIN_PLACES, total=r.combined, cuts=(1,), alike=True,
                            most=GAIN_PLACES + 2)


def shown_gains(r: Loops) -> tuple[float, float, float]:
    """The object-level, self-reflective and combined gains as every text shows them, to gain_places decimals: each
    rounded down or up so the two loops add up to the combined gain shown (0.345 and 0.7475 read 0.34 + 0.75 = 1.09,
    not 0.35 + 0.75 against 1.09), and none crosses 1 (a combined 0.9975 reads 0.99, below 1, never 1.00):
    wording.adding_up."""
    (o, s), c = adding_up((r.object_loop, r.self_loop), gain_places(r), total=r.combined, cuts=(1,), alike=True)
    return o, s, c


def gains(r: Loops, sign: bool = False) -> tuple[str, str, str]:
    """The three gains as written (shown_gains), with the true minus sign ('+' before a positive one if `sign`); a
    loop that is there but shows as 0.00 is 'almost 0' (and adds nothing to the sum as shown)."""
    places = gain_places(r)
    return tuple(gain(x, sign, v, places) for x, v in zip(shown_gains(r), (r.object_loop, r.self_loop, r.combined)))


def gain(x: float, sign: bool = False, value: float | None = None, places: int = GAIN_PLACES) -> str:
    """A gain as shown_gains gives it; 'almost 0' where it shows 0 but `value` is not 0."""
    if x == 0 and value:
        return "almost 0"
    text = num(x, places, tiny=False)
    while _places(text) > GAIN_PLACES and text.endswith("0"):     # '4.35', never '4.350': the extra places are
        text = text[:-1]                                            # there only for digits the sum needs
    return ("+" + text) if sign and x > 0 else text


def _quotes(get: Callable[[Loops], float]) -> Callable[[Loops, re.Match], bool]:
    """The gain the phrase quotes (group 1) is the model's, as shown: _gain_is."""
    return lambda r, m: _gain_is(m.group(1), get(r), gain_places(r))


def _gain_is(text: str, value: float, places: int = GAIN_PLACES) -> bool:
    """A gain as the page writes it ('0.34', '−0.05', '+1.09') is the model's value rounded down or up to its
    places (so loops can add up as shown), on the value's side of 0 and of 1: never 1.00 for a gain below 1, never
    0.00 for a loop that is there."""
    return reads_as(text, value, places, either_way=True, cuts=(1,))


def _gains_add_up(r: Loops, m: re.Match) -> bool:
    """The loop gains quoted before the combined gain (group 1) in the same text add up to it as shown, exactly in
    the decimals written ('almost 0' adds nothing)."""
    parts = re.findall(r"(?:gain|object-level|self-reflective) ([-+−]?\d+\.\d+)", m.string[:m.start()])
    return sum(map(_decimal, parts), Decimal(0)) == _decimal(m.group(1))


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace("−", "-").replace("+", ""))


def _share_is(text: str, value: float) -> bool:
    """A share as wording.share writes it (quoted without its '%'): '100' only if all and '0' only if none."""
    return reads_as(text + "%", value) and (text != "100" or value == 1) and (text != "0" or value == 0)


def _of_peak_is(text: str, r: Loops) -> bool:
    """The end of the chart as a share of the peak (quoted without its '%'): 'under 1' for any share above none and
    under 1%, as the outcome's 'fallen below 1%' says it, else as wording.share writes it."""
    if text == "under 1":
        return 0 < r.left < 0.01
    return _share_is(text, r.left) and not 0 < r.left < 0.01


def _shown(text: str, value: float) -> bool:
    """A number as num writes it, to the places it shows ('almost 0': to two places, as every level is said)."""
    return reads_as(text, value, 2 if text == "almost 0" else None)


def _places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


# Never true, on every widget of the page: a negative number written with a hyphen ('-2.25', where the figures
# write '−2.25'), or a run-on sentence that chains two clauses with ', and … , and'.
HYPHEN_MINUS = Truth(r"(?<![\w-])-\d", lambda result: False, "never: a negative number written with a hyphen, not '−'")
RUN_ON = Truth(r", and [^.;:]*, and ", lambda result: False, "never: one sentence chaining ', and … , and'")


def rising(r: Loops) -> bool:
    """Anxiety is still rising at the end of the chart, as the table shows it: higher at two decimals than five time
    units before (the table's last two rows), still going up at the chart's last point, short of the 1.00 that
    activity cannot pass, and, where it persists, short of the level it comes to rest at (as shown)."""
    a = r.trace[0]
    below_rest = not r.persists or rounded(a[-1], 2) < rounded(r.settled, 2)
    return rounded(a[-1], 2) > rounded(a[-11], 2) and a[-1] > a[-2] and rounded(a[-1], 2) < 1 and below_rest


def creeping(r: Loops) -> bool:
    """Anxiety that persists creeps up at the end of the chart, too slowly to show between the table's last two rows:
    up over the last five time units and at the last point, and still 0.05 or more short of its rest level as shown."""
    a = r.trace[0]
    return (r.persists and not rising(r) and a[-1] > a[-11] and a[-1] > a[-2]
            and rounded(rounded(r.settled, 2) - rounded(a[-1], 2), 2) >= 0.05)


def of_peak(r: Loops) -> str:
    """Anxiety at the end of the chart as a share of its peak, as wording.share writes it, except that a share
    under 1% reads 'under 1%' (as the outcome's 'fallen below 1% of its peak'), never '1%' or '0%'."""
    return "under 1%" if 0 < r.left < 0.01 else share(r.left)


def end_state(r: Loops) -> str:
    """Where anxiety stands at the end of the chart, for the summary."""
    if rising(r):
        return "still rising at the end of the chart" if r.end >= r.peak else \
            f"{of_peak(r)} of its peak and rising again at the end of the chart"
    if creeping(r):
        return f"{of_peak(r)} of its peak and creeping up at the end of the chart"
    return f"{of_peak(r)} of its peak at the end of the chart"


def outcome_sentence(r: Loops) -> str:
    thought = "“she may be ill”" if r.news == "ill" else "“she's fine”"
    o, s, c = gains(r)
    if r.object_loop == 0:
        obj = f"the object-level loop, {thought}, carries nothing (gain {o})"
    elif r.object_loop > 0:
        obj = f"the object-level loop, {thought}, is excitatory with gain {o}"
    else:
        obj = f"the object-level loop, {thought}, is inhibitory with gain {o}"
    slf = (f"the loop through the Active Self has gain {s}" if r.model == "conventional"
           else "the loop through the self is open, because in PNSE the bridge is gone")
    compare = "at least 1" if r.combined >= 1 else "below 1"
    at_end = (f"at the end of the chart it is at {num(r.end, 2)} and still rising" if rising(r) and r.end >= r.peak
              else f"at the end of the chart it is at {num(r.end, 2)}, {of_peak(r)} of its peak, and rising again"
              if rising(r)
              else f"at the end of the chart it is at {num(r.end, 2)}, {of_peak(r)} of its peak, and creeping up toward "
                   f"{num(r.settled, 2)}" if creeping(r) and r.left >= 0.01
              else f"at the end of the chart it is at {num(r.end, 2)}, {of_peak(r)} of its peak" if r.left >= 0.01
              else "by the end of the chart it has fallen below 1% of its peak")
    if r.persists:
        head = f"Anxiety persists: left alone it comes to rest at {num(r.settled, 2)}, not 0; {at_end}."
    else:
        head = f"Anxiety winds down: left alone it dies away; {at_end}."
    return f"{head} Here {obj}, and {slf}; combined, {c}, {compare}.{attention_note(r)}"


def attention_note(r: Loops) -> str:
    """Both loops run through involuntary attention: where it is not 1, the gains are not the links' own."""
    if r.attention == 1:
        return ""
    none = ": with none, the feeling brings no thought to mind" if r.attention == 0 else ""
    return f" Each loop's gain is its link times involuntary attention, here {num(r.attention, 2)}{none}."


def why_sentence(r: Loops) -> str:
    o, s, c = gains(r)
    if r.model == "pnse":
        if r.persists:
            return (f"Even without the bridge, anxiety stays: the object-level loop alone has gain {o}, at least 1, "
                    "strong enough to keep it going on its own, as in his (a): PNSE removes only the loop through "
                    "the self.")
        tail = (f"and the worry alone, gain {o}, is below 1, too weak to hold it." if r.object_loop > 0 else
                f"and the good news (gain {o}) pulls it down further." if r.object_loop < 0 else
                f"and the thought about your friend carries nothing back (gain {o}).")
        return ("With the bridge gone, noticing the anxiety leads nowhere near the body, so there is no “anxious "
                "about being anxious” loop, as in (d); " + tail)
    if r.persists and r.object_loop <= 0:
        against = (f"even against the good news (gain {o})" if r.object_loop < 0 else
                   f"on its own, with the thought about your friend carrying nothing back (gain {o})")
        return (f"The loop through the Active Self, gain {s}, holds the anxiety up {against}: feeling "
                "anxious about feeling anxious, as in (c), wins.")
    if r.persists and r.object_loop < 1:
        return (f"Feeling anxious about feeling anxious keeps it going: the object-level loop alone (gain {o}) "
                f"would not, but together with the loop through the Active Self (gain {s}) it reaches {c}, as in (c).")
    if r.persists:
        extra = f"; the self-reflective loop adds {s} more" if r.self_loop > 0 else ""
        return f"The reason to worry is enough on its own (gain {o}), as in (a){extra}."
    if r.self_loop >= 1:
        return (f"The loop through the Active Self would hold the anxiety on its own (gain {s}), but the good "
                f"news (gain {o}) brings the combined gain down to {c}, below 1, so it winds down.")
    return "Neither loop, nor the two together, reaches 1, so nothing holds the anxiety up."


def loops_summary(r: Loops) -> str:
    fate = (f"anxiety persists, coming to rest at {num(r.settled, 2)}" if r.persists else "anxiety winds down")
    o, s, c = gains(r, True)
    return f"Loop gains: object-level {o}, self-reflective {s}, combined {c}; {fate} ({end_state(r)})."


def loops_table(r: Loops) -> Table:
    rows = tuple((num(TIMES[i]), *(num(r.trace[k][i], 2) for k in range(5))) for i in range(0, len(TIMES), 10))
    return Table("Each part's activity every 5 time units after the email",
                 ("Time", "Anxiety", "Feeling", "Object-level concept", "“I am feeling anxious”", "Active Self link"), rows)


def loops_live(r: Loops) -> dict[str, str]:
    return {"combined": f"{gains(r)[2]}, {'at least' if r.combined >= 1 else 'below'} 1",
            "fate": "persists" if r.persists else "winds down"}


def loops_panel(r: Loops, values: Mapping[str, Any]) -> dict[str, Any]:
    lit = ("a" if r.news == "ill" else "b", "c" if r.model == "conventional" else "d")
    o, s, c = gains(r)
    by_panel = {"a": f"gain {o}" if r.news == "ill" else "",
             "b": f"gain {o}" if r.news == "fine" else "",
             "c": f"gain {s}" if r.model == "conventional" else "",
             "d": "loop open" if r.model == "pnse" else ""}
    return {"lit": lit, "gains": by_panel, "persists": r.persists,
            "caption": (f"Byrnes's four panels, our drawing; lit: {object_name(r)} and {self_name(r)}. Combined loop "
                        f"gain {c}: anxiety {'persists' if r.persists else 'winds down'}.")}


class LoopsResponse(WidgetResponse):
    object_loop: float = Field(description="Signed gain round anxiety -> feeling -> object-level concept -> anxiety.")
    self_loop: float = Field(description="Gain round anxiety -> feeling -> the thought “I am feeling anxious” -> Active Self -> anxiety (0 in PNSE).")
    combined: float = Field(description="Their sum: anxiety keeps itself going when this is at least 1.")
    settled: float = Field(description="The level anxiety comes to rest at, left alone after the chart ends.")
    persists: bool = Field(description="Whether anxiety comes to rest at 0.01 or more, rather than dying away.")
    end_share: float = Field(description="Anxiety at the end of the chart as a share of its peak.")
    anxiety: list[float] = Field(description="Anxiety every 0.5 time units.")
    claims: dict[str, str]


def loops_api(values: Mapping[str, Any], r: Loops) -> dict:
    return {"object_loop": r.object_loop, "self_loop": r.self_loop, "combined": r.combined, "settled": r.settled,
            "persists": r.persists, "end_share": round(r.left, 4), "anxiety": list(r.trace[0]),
            "claims": {c.id: c.say(r) for c in LOOPS_CLAIMS}}


N = r"([-+−]?\d[\d,]*(?:\.\d+)?|almost 0)"                 # a number as the wording kit writes it (or with '−')
P = r"((?:almost 0|\d[\d,]*(?:\.\d\d?)?) points?)"              # a cost as `points` writes it


def _persists(r: Loops) -> bool:
    return r.settled >= PERSIST


_OBJECT = _quotes(lambda r: r.object_loop)
_SELF = _quotes(lambda r: r.self_loop)
_COMBINED = _quotes(lambda r: r.combined)
_PERSIST_TRUTHS = (
    Truth(r"[Aa]nxiety persists", _persists, f"anxiety comes to rest at {PERSIST} or more (its settled level)"),
    Truth(r"[Aa]nxiety winds down", lambda r: not _persists(r), f"anxiety's settled level is below {PERSIST}"),
)
LOOPS_CLAIMS = (
    Claim("outcome", outcome_sentence, truths=(
        *_PERSIST_TRUTHS,
        Truth(rf"left alone it comes to rest at {N}, not 0", lambda r, m: _persists(r) and _shown(m.group(1), r.settled),
              f"the settled level, as shown, is the model's, and at least {PERSIST}"),
        Truth(r"left alone it dies away", lambda r: r.settled < PERSIST, f"the settled level is below {PERSIST}"),
        Truth(rf"at the end of the chart it is at {N}, ((?:over |under )?\d+)% of its peak",
              lambda r, m: _shown(m.group(1), r.end) and _of_peak_is(m.group(2), r) and r.left >= 0.01,
              "the level at the end of the chart and its share of the peak, as shown (100% only at the peak)"),
        Truth(rf"at the end of the chart it is at {N}(,[^.]*of its peak)?(\.|, and rising again| and still rising)",
              lambda r, m: _shown(m.group(1), r.end) and (m.group(3) != "." or not rising(r))
              and (m.group(3) != " and still rising" or (rising(r) and r.end >= r.peak))
              and (m.group(3) != ", and rising again" or (rising(r) and r.end < r.peak)),
              "still rising (rising(): higher at two decimals than five time units before, still going up at the "
              "last point, under 1.00 and, where it persists, under its rest level as shown), at its peak; rising again: rising, below an earlier peak; said "
              "neither: not rising"),
        Truth(r"fallen below 1% of its peak", lambda r: r.left < 0.01, "the end of the chart is under 1% of the peak"),
        Truth(rf"of its peak, and creeping up toward {N}", lambda r, m: creeping(r) and _shown(m.group(1), r.settled),
              "anxiety persists and creeps up at the end toward its rest level, as shown (creeping())"),
        Truth(r"“she may be ill”", lambda r: r.news == "ill" and r.object_loop >= 0, "the news is bad and its loop excites"),
        Truth(r"“she's fine”", lambda r: r.news == "fine" and r.object_loop <= 0, "the news is good and its loop inhibits"),
        Truth(r"carries nothing \(gain 0(?:\.0+)?\)", lambda r: r.object_loop == 0, "the object-level loop's gain is 0"),
        Truth(rf"is excitatory with gain {N}", lambda r, m: r.object_loop > 0 and _OBJECT(r, m),
              "the object-level gain is positive and as shown"),
        Truth(rf"is inhibitory with gain {N}", lambda r, m: r.object_loop < 0 and _OBJECT(r, m),
              "the object-level gain is negative and as shown"),
        Truth(rf"the loop through the Active Self has gain {N}", lambda r, m: r.model == "conventional" and _SELF(r, m),
              "the self-reflective gain, as shown"),
        Truth(r"the loop through the self is open", lambda r: r.self_loop == 0 and r.model == "pnse",
              "PNSE: the self-reflective loop's gain is 0"),
        Truth(rf"combined, {N}, at least 1", lambda r, m: r.combined >= 1 and _COMBINED(r, m),
              "the combined gain, as shown, is at least 1"),
        Truth(rf"combined, {N}, below 1", lambda r, m: r.combined < 1 and _COMBINED(r, m),
              "the combined gain, as shown, is below 1"),
        Truth(rf"Each loop's gain is its link times involuntary attention, here {N}(: with none)?",
              lambda r, m: r.attention != 1 and _shown(m.group(1), r.attention) and (m.group(2) is not None) == (r.attention == 0),
              "involuntary attention is not 1, as shown ('with none' only at 0); that each gain is its link times it "
              "is the model's definition (model.loops), not a result"),
    )),
    Claim("why", why_sentence, truths=(
        Truth(r"^Even without the bridge, anxiety stays", lambda r: r.model == "pnse" and _persists(r),
              f"PNSE, and anxiety's settled level is at least {PERSIST}"),
        Truth(rf"the object-level loop alone has gain {N}, at least 1", lambda r, m: r.object_loop >= 1 and _OBJECT(r, m),
              "the object-level gain, as shown, is at least 1"),
        Truth(r"^With the bridge gone", lambda r: r.model == "pnse" and r.self_loop == 0 and not _persists(r),
              "PNSE (no self-reflective loop), and anxiety dies away"),
        Truth(rf"the worry alone, gain {N}, is below 1", lambda r, m: 0 < r.object_loop < 1 and _OBJECT(r, m),
              "the object-level gain, as shown, is positive and below 1"),
        Truth(rf"the good news \(gain {N}\)", lambda r, m: r.object_loop < 0 and _OBJECT(r, m),
              "the object-level gain, as shown, is negative"),
        Truth(r"carries nothing back|carrying nothing back", lambda r: r.object_loop == 0, "the object-level gain is 0"),
        Truth(rf"^The loop through the Active Self, gain {N}, holds the anxiety up",
              lambda r, m: _persists(r) and r.self_loop >= 1 and _SELF(r, m),
              "anxiety persists and the self-reflective gain, as shown, is at least 1"),
        Truth(r"^Feeling anxious about feeling anxious keeps it going",
              lambda r: _persists(r) and r.self_loop > 0 and r.object_loop < 1,
              "anxiety persists, the self-reflective loop is active and the object-level loop alone is below 1"),
        Truth(rf"the object-level loop alone \(gain {N}\) would not", lambda r, m: r.object_loop < 1 and _OBJECT(r, m),
              "the object-level gain, as shown, is below 1"),
        Truth(rf"it reaches {N}, as in \(c\)", lambda r, m: r.combined >= 1 and _COMBINED(r, m),
              "the combined gain, as shown, is at least 1"),
        Truth(rf"^The reason to worry is enough on its own \(gain {N}\)",
              lambda r, m: _persists(r) and r.object_loop >= 1 and _OBJECT(r, m),
              "anxiety persists and the object-level gain, as shown, is at least 1"),
        Truth(rf"the self-reflective loop adds {N} more", lambda r, m: r.self_loop > 0 and _SELF(r, m),
              "the self-reflective gain, as shown, is positive"),
        Truth(rf"^The loop through the Active Self would hold the anxiety on its own \(gain {N}\)",
              lambda r, m: r.self_loop >= 1 and _SELF(r, m), "the self-reflective gain, as shown, is at least 1"),
        Truth(rf"brings the combined gain down to {N}, below 1, so it winds down",
              lambda r, m: r.combined < 1 and not _persists(r) and _COMBINED(r, m),
              "the combined gain, as shown, is below 1 and anxiety dies away"),
        Truth(r"^Neither loop, nor the two together, reaches 1",
              lambda r: max(r.object_loop, r.self_loop, r.combined) < 1 and not _persists(r),
              "each loop and their sum are below 1, and anxiety dies away"),
    )),
)

LOOPS_TRUTHS = (     # (the claims' truths, "anxiety persists" among them, hold in every text of the widget too)
    HYPHEN_MINUS,
    RUN_ON,
    Truth(r"(?:combined,?|reaches|down to) ([-+−]?\d+\.\d+)", _gains_add_up,
          "the loop gains quoted before the combined gain in the same text add up to it as shown (in the decimals "
          "written)"),
    Truth(r"(?:[Gg]ain|object-level|self-reflective|combined,?|adds|reaches|down to) ([-+−]?\d+(?:\.\d+)?)",
          lambda r, m: m.group(1) == "1" or _places(m.group(1)) == GAIN_PLACES
          or GAIN_PLACES < _places(m.group(1)) <= gain_places(r) and not m.group(1).endswith("0"),
          "every loop gain is quoted to two decimals, a gain of 0 too ('0.00', never '0' or '0.450'), or, where two "
          "cannot keep each loop on its side of 1 with their sum within a hundredth of the combined gain, to up to "
          "three (0.998 + 0.997 = 1.995) without a trailing zero past the second ('4.35', never '4.350'); a loop too "
          "small to show is 'almost 0' (a bare '1' is the threshold, not a gain)"),
    Truth(rf"object-level {N}", _OBJECT, "the object-level gain, as shown"),
    Truth(rf"self-reflective {N}", _SELF, "the self-reflective gain, as shown"),
    Truth(rf"combined {N}", _COMBINED, "the combined gain, as shown"),
    Truth(rf"coming to rest at {N}", lambda r, m: _persists(r) and _shown(m.group(1), r.settled),
          "the settled level, as shown"),
    Truth(r"\(((?:over |under )?\d+)% of its peak at the end of the chart\)", lambda r, m: _of_peak_is(m.group(1), r)
          and not rising(r), "anxiety at the end of the chart as a share of its peak, as shown (100% only at the "
          "peak), and not rising"),
    Truth(r"of its peak and creeping up at the end of the chart\)", creeping,
          "anxiety persists and creeps up at the end, too slowly for the table's last two rows (creeping(): up over the "
          "last five time units and at the last point, 0.05 or more short of its rest level as shown)"),
    Truth(r"\(still rising at the end of the chart\)", lambda r: rising(r) and r.end >= r.peak,
          "rising (higher at two decimals than five time units before, still going up at the last point, under "
          "1.00 as shown), and it ends at its peak"),
    Truth(r"\(((?:over |under )?\d+)% of its peak and rising again at the end of the chart\)",
          lambda r, m: _of_peak_is(m.group(1), r) and rising(r) and r.end < r.peak,
          "rising (as above), below an earlier peak, at this share of it"),
    Truth(rf"^{N}, at least 1$", lambda r, m: r.combined >= 1 and _COMBINED(r, m), "the combined gain is at least 1"),
    Truth(rf"^{N}, below 1$", lambda r, m: r.combined < 1 and _COMBINED(r, m), "the combined gain is below 1"),
    Truth(r"^persists$", _persists, f"anxiety's settled level is at least {PERSIST}"),
    Truth(r"^winds down$", lambda r: not _persists(r), f"anxiety's settled level is below {PERSIST}"),
    Truth(rf"Combined loop gain {N}", _COMBINED, "the combined gain, as shown"),
)

def loops_inactive(v: Mapping[str, Any]) -> dict[str, str]:
    """The links that do nothing at these settings, each with its reason."""
    out = {}
    if v["attention"] == 0:
        why = "with no involuntary attention, the feeling brings no thought to mind."
        out = {"worry": why, "self_gain": why}
    if v["model"] == "pnse":
        out["self_gain"] = "in PNSE there is no Active Self to carry this link."
    return out


# --- How much anxiety ----------------------------------------------------------------------------------


def points(x: float, places: int = 1) -> str:
    """A cost in points, to a tenth without a trailing '.0', or to `places` with its zeros (48.00 beside 48.01, as the
    table reads); 'almost 0 points' for a cost too small to show."""
    if 0 < x < 0.5 * 10 ** -places:
        return "almost 0 points"
    return count(x, "point", places=places, whole=places == 1)


# A one-line legend at the figure's top (what remains once lines are named at their ends).
TOP_LEGEND = {"orientation": "h", "xref": "container", "x": 0, "yref": "container", "y": 1, "yanchor": "top"}


COST_HEIGHT, COST_MARGIN = 280, (30, 50)      # the cost chart's declared height (page.py) and top/bottom margins
COST_PLOT_PX = COST_HEIGHT - sum(COST_MARGIN)
LINE_PX = 16                                   # one line of a 13 px label


def margin_labels(traces: list[dict], labels: list[str], top: float, plot_px: int) -> list[dict]:
    """Labels in a column right of the plot, each in its line's colour beside its line's end, moved apart just enough
    that none overlaps the next (in pixels of the plot's height) and kept within the plot's height."""
    size = [LINE_PX * (1 + text.count("<br>")) for text in labels]
    order = sorted(range(len(traces)), key=lambda i: traces[i]["y"][-1], reverse=True)
    centre = {i: min(max(traces[i]["y"][-1] / top * plot_px, size[i] / 2), plot_px - size[i] / 2) for i in order}
    for upper, lower in zip(order, order[1:]):           # downwards: each at least clear of the one above
        centre[lower] = min(centre[lower], centre[upper] - (size[upper] + size[lower]) / 2 - 4)
    if centre[order[-1]] < size[order[-1]] / 2:            # off the bottom: the column moves up as one
        lift = size[order[-1]] / 2 - centre[order[-1]]
        centre = {i: c + lift for i, c in centre.items()}
    return [{"x": 1, "xref": "paper", "xanchor": "left", "xshift": 6, "y": centre[i] / plot_px, "yref": "paper",
             "yanchor": "middle", "align": "left", "showarrow": False, "text": labels[i],
             "font": {"color": traces[i]["line"]["color"], "size": 13, "weight": "bold"}} for i in range(len(traces))]


def all_tie(t: Tradeoff) -> bool:
    """Every level's total is the same, so no level costs least on its own."""
    return min(t.total) == max(t.total)


def cost_figure(t: Tradeoff) -> dict:
    x = list(LEVELS)
    rows = [(row_costs(t, k), row_places(t, k)) for k in range(len(x))]     # as the table and the sentences show them
    lines = (("Total", t.total, kit.INK, "solid", 4), ("Problems ignored", t.ignored_cost, kit.VERMILION, "dash", 2.5),
             ("Anxiety itself", t.anxiety_cost, kit.BLUE, "dot", 2.5))
    data = [{"type": "scatter", "mode": "lines", "name": name, "x": x, "y": list(y),
             "line": {"color": colour, "dash": dash, "width": width},
             "customdata": [_cost(row[j], v, places) for (row, places), v in zip(rows, y)],
             "hovertemplate": "level %{x:.2f}: %{customdata}<extra>" + name + "</extra>", "showlegend": False}
            for j, (name, y, colour, dash, width) in zip((2, 0, 1), lines)]
    top = max(max(t.total), 1.0) * 1.08
    # The three lines named in a column right of the plot, by their ends; the markers keep a one-line legend on top.
    labels = margin_labels(data, ["total", "problems<br>ignored", "anxiety<br>itself"], top, COST_PLOT_PX)
    i, b = t.at(t.level), t.at(t.best)
    if not all_tie(t):                  # where every level ties, no level is marked as the least
        data.append({"type": "scatter", "mode": "markers", "name": "Least cost", "x": [t.best], "y": [t.total[b]],
                     "marker": {"color": kit.GREEN, "size": 14, "symbol": "star", "line": {"color": kit.INK, "width": 1}},
                     "hovertemplate": "least total cost at %{x:.2f}<extra></extra>"})
    data.append({"type": "scatter", "mode": "markers", "name": "Your level", "x": [t.level], "y": [t.total[i]],
                 "marker": {"color": kit.INK, "size": 11, "symbol": "diamond"},
                 "customdata": [_cost(rows[i][0][2], t.total[i], rows[i][1])],
                 "hovertemplate": "your level %{x:.2f}: %{customdata}<extra></extra>"})
    return {"data": data, "layout": kit.layout(
        margin={"t": COST_MARGIN[0], "b": COST_MARGIN[1], "l": 60, "r": 76}, legend=TOP_LEGEND, showlegend=True, annotations=labels,
        xaxis=kit.axis("anxiety level", range=[-0.02, 1.02], tickvals=[0.25, 0.5, 0.75, 1]),
        yaxis=kit.axis("cost a year", range=[0, top], rangemode="tozero"))}


def year_figure(t: Tradeoff) -> dict:
    done = [d for d, h in zip(t.arrivals, t.handled) if h]
    missed = [d for d, h in zip(t.arrivals, t.handled) if not h]
    data = [{"type": "scatter", "mode": "markers", "name": "Dealt with", "x": done, "y": ["dealt with"] * len(done),
             "marker": {"color": kit.BLUE, "size": 10, "symbol": "circle"}, "cliponaxis": False,   # day 365 shown whole
             "hovertemplate": "day %{x}: dealt with<extra></extra>"},
            {"type": "scatter", "mode": "markers", "name": "Ignored", "x": missed, "y": ["ignored"] * len(missed),
             "marker": {"color": kit.VERMILION, "size": 11, "symbol": "x"}, "cliponaxis": False,
             "hovertemplate": "day %{x}: ignored, and it bit<extra></extra>"}]
    return {"data": data, "layout": kit.layout(
        margin={"t": 8, "b": 46, "l": 90, "r": 76}, showlegend=False,
        yaxis=kit.axis(None, categoryorder="array", categoryarray=["ignored", "dealt with"], range=[-0.6, 1.6],
                       ticklabelstandoff=6),
        xaxis=kit.axis("day of the year", range=[0, 365], tickvals=[100, 200, 300]))}


def best_sentence(t: Tradeoff) -> str:
    b = t.at(t.best)
    if max(t.total) == 0:
        return "Nothing costs anything at these settings, so every level ties at 0 points a year."
    others = t.tied[1:]
    if not others:
        tie = ""
    elif len(others) > 1 and others[-1] == LEVELS[b + len(others)]:        # the tied levels run on from the best
        tie = f" (every level from there up to {num(others[-1], 2)} ties)"
    else:
        tie = f" ({join_and([num(lv, 2) for lv in others])} {'ties' if len(others) == 1 else 'tie'} with it)"
    least = points(row_costs(t, b)[2], row_places(t, b))
    if t.best == 0:
        return (f"At these settings the least average cost a year, {least}, comes with no anxiety at "
                f"all{tie}: looming problems cost too little, or anxiety too much, for the attention to pay.")
    why = ("the attention it buys catches enough looming problems to pay for the discomfort" if t.discomfort > 0 else
           "anxiety costs nothing here, so only the problems it catches count")
    return (f"At these settings the least average cost a year, {least}, comes at an anxiety level of "
            f"{num(t.best, 2)}{tie}, more than zero: {why}.")


def _split(t: Tradeoff) -> tuple[int, int, int]:
    """The looming problems in the years simulated, those dealt with and those ignored at the reader's level: whole
    problems, exactly as the model counts them (its yearly figures are these over YEARS), so they add up and the cost
    a year of those ignored is the stakes times their count over YEARS ('719 … 210 are ignored', never '35.95')."""
    brought, caught = round(t.per_year * YEARS), round(t.caught * YEARS)
    return brought, caught, brought - caught


def shown_costs(t: Tradeoff) -> tuple[float, float, float]:
    """The reader's costs a year of problems ignored and of anxiety, and their total, to a tenth as the sentence
    shows them: each rounded down or up so the two add up to the total shown (115.94 and 4.45 read 115.9 + 4.5 =
    120.4, never 115.9 + 4.5 against 120.3): wording.adding_up."""
    return row_costs(t, t.at(t.level))


def row_places(t: Tradeoff, i: int) -> int:
    """A tenth, or a hundredth where two equal costs could not otherwise read alike and add up (12.15 twice reads
    12.15 + 12.15 = 24.30, never 12.2 against 12.1), or where a total would read as the least without being it
    (24.39 beside a least of 24.38, never 24.4 twice)."""
    return _rows(t)[i][1]


def row_costs(t: Tradeoff, i: int) -> tuple[float, float, float]:
    """The costs a year at level LEVELS[i], to row_places, the two adding up to the total shown (shown_costs)."""
    return _rows(t)[i][0]


@lru_cache(maxsize=8)
def _rows(t: Tradeoff) -> tuple[tuple[tuple[float, float, float], int], ...]:
    """Every level's shown costs and their decimals, worked out once per result (the table, chart and sentences all ask)."""
    out, near = [], _near_least(t)
    for i in range(len(t.total)):
        places = 2 if i in near else adding_up_places((t.ignored_cost[i], t.anxiety_cost[i]), 1, total=t.total[i],
                                                     most=2, alike=True)
        (ignored, anxiety), total = adding_up((t.ignored_cost[i], t.anxiety_cost[i]), places, total=t.total[i], alike=True)
        out.append(((ignored, anxiety, total), places))
    return tuple(out)


def _near_least(t: Tradeoff) -> frozenset[int]:
    """The levels shown to a hundredth so the least total reads apart: where some other total, to a tenth, reads as the
    least does (and is not 0, which 'almost 0' already tells apart), the least's levels and every such one."""
    low = min(t.total)
    rivals = [k for k, x in enumerate(t.total) if x != low and rounded(x, 1) == rounded(low, 1)]
    if low == 0 or not rivals:
        return frozenset()
    return frozenset(rivals + [k for k, x in enumerate(t.total) if x == low])


def _cost(shown: float, value: float, places: int = 1) -> str:
    """A cost as shown_costs gives it, in `points`; 'almost 0 points' where it shows 0 but is not 0."""
    return "almost 0 points" if shown == 0 and value else points(shown, places)


def yours_sentence(t: Tradeoff) -> str:
    i, b = t.at(t.level), t.at(t.best)
    brought, caught, ignored = _split(t)
    ignored_cost, anxiety_cost, total = shown_costs(t)
    places = row_places(t, i)
    if caught == 0:
        fate = f"none of them get dealt with, and ignoring them costs {_cost(ignored_cost, t.ignored_cost[i], places)} a year"
    elif ignored == 0:
        fate = "all of them get dealt with"
    else:
        fate = (f"{num(caught)} {'gets' if caught == 1 else 'get'} dealt with and {num(ignored)} {'is' if ignored == 1 else 'are'} "
                f"ignored, costing {_cost(ignored_cost, t.ignored_cost[i], places)} a year")
    anxiety = ("The anxiety itself costs nothing" if t.anxiety_cost[i] == 0 else
               f"The anxiety itself costs {_cost(anxiety_cost, t.anxiety_cost[i], places)} a year")
    head = (f"At your level, {num(t.level, 2)}, the {YEARS} years simulated bring {count(brought, 'looming problem')}; "
            f"{fate}. {anxiety}.")
    gap = t.total[i] - t.total[b]
    if max(t.total) == 0:
        return head                     # the best claim has just said every level ties at 0 points
    if gap < 0.5:
        near = "is the least any level reaches" if gap == 0 else "is within half a point of the least any level reaches"
        return head + f" The total, {_cost(total, t.total[i], places)}, {near}."
    side = ("too little anxiety lets problems slip by" if t.level < t.best else
            "the extra anxiety costs more than it catches")
    gap = shown_gap(total, row_costs(t, b)[2], max(places, row_places(t, b)))
    return head + (f" The total, {points(total, places)}, is {points(gap, 1 if rounded(gap, 1) == gap else 2)} "
                   f"above the best; {side}.")


def shown_gap(total_shown: float, least_shown: float, places: int = 1) -> float:
    """How far the reader's total is above the least, as the two are shown: the total as shown_costs gives it less
    the least as the best claim shows it, to the finer of their places, so the three numbers agree as a reader reads
    them (3.5 points against a least of 2.2 is 1.3 above, never the gap rounded on its own, 1.2)."""
    return rounded(total_shown - least_shown, places)


def howmuch_summary(t: Tradeoff) -> str:
    i = t.at(t.level)
    least = ("Every anxiety level ties for the least average cost a year" if all_tie(t) else
             f"Least average cost a year at anxiety level {num(t.best, 2)}")
    return (f"{least}; at your level, {num(t.level, 2)}, the total "
            f"is {_cost(row_costs(t, i)[2], t.total[i], row_places(t, i))} a year ({'none' if _split(t)[1] == 0 else num(_split(t)[1])} of the {num(_split(t)[0])} problems "
            f"in {YEARS} years dealt with).")


def howmuch_table(t: Tradeoff) -> Table:
    """Each row's costs to a tenth as the sentences give them, adding up to its total as shown; a cost that is there
    but shows as 0.0 is 'almost 0' (and adds nothing as shown). Every tenth of a level, the least-cost level and the
    reader's (both marked), and every level whose total is shown to a hundredth beside the least."""
    def cell(shown: float, value: float, places: int) -> str:
        return "almost 0" if shown == 0 and value else num(shown, places)
    best, yours = (None if all_tie(t) else t.at(t.best)), t.at(t.level)
    def level(k: int) -> str:
        marks = [m for m, j in (("least cost", best), ("yours", yours)) if j == k]
        return num(LEVELS[k], 2) + (f" ({', '.join(marks)})" if marks else "")
    rows = tuple((level(k), *(cell(x, v, row_places(t, k)) for x, v in zip(row_costs(t, k), (
                     t.ignored_cost[k], t.anxiety_cost[k], t.total[k]))))
                 for k in range(len(LEVELS)) if k % 2 == 0 or k in (best, yours) or k in _near_least(t))
    return Table("The average cost of a year at each anxiety level: problems ignored, anxiety itself, and the total (points)",
                 ("Anxiety level", "Problems ignored", "Anxiety itself", "Total"), rows)


def howmuch_live(t: Tradeoff) -> dict[str, str]:
    if all_tie(t):
        return {"best": "any level: here every level ties"}
    return {"best": f"an anxiety level of {num(t.best, 2)}" if t.best > 0 else "no anxiety at all"}


def _points_shown(text: str, value: float, either_way: bool = False) -> bool:
    """A cost as `points` shows it ('2.5 points', '1 point', 'almost 0 points') is the model's value to a tenth,
    without a trailing '.0', and 'point' after 1 only; `either_way`: rounded down or up (so two costs can add up to
    their total as shown), and 0 only for nothing."""
    shown = text.split(" point")[0]
    if shown.endswith(".0") or (shown == "1") != (text == "1 point"):
        return False
    return reads_as(shown, value, max(1, len(shown.partition(".")[2])), either_way=either_way)


def _points_near(text: str, value: float) -> bool:
    return _points_shown(text, value, either_way=True)


def _costs_add_up(t: Tradeoff, m: re.Match) -> bool:
    """The costs quoted before 'The total, …' in the same text add up to that total as shown (to the tenth)."""
    parts = re.findall(rf"(?:costing|ignoring them costs|itself costs) {P}", m.string[:m.start()])
    hundredths = [round(100 * _value(x)) for x in parts]
    # With no cost quoted (all dealt with, anxiety free), the total is nothing.
    return (bool(parts) or _mine(t, t.total) == 0) and sum(hundredths) == round(100 * _value(m.group(1)))


def _unit(text: str) -> float:
    """The last place a cost is written to, a tenth at least: '0.9 points' -> 0.1, '0.90 points' -> 0.01."""
    return 10.0 ** -max(1, len(text.split(" point")[0].partition(".")[2]))


def _value(text: str) -> float:
    """A cost as `points` writes it, as a number: 'almost 0 points' reads as the 0 it shows."""
    return 0.0 if text.startswith("almost") else float(text.split(" point")[0].replace(",", ""))


def _exact(text: str, value: float) -> bool:
    """A count of problems in the years simulated, a whole number, is the model's yearly figure times YEARS."""
    digits = text.replace(",", "")
    return digits.isdigit() and abs(int(digits) - value * YEARS) < 1e-6


def _least_quoted(t: Tradeoff) -> float | None:
    """The least total as the best claim quotes it, read back from its sentence (what a reader subtracts from)."""
    m = re.search(rf"the least average cost a year, {P}, comes", best_sentence(t))
    return _value(m.group(1)) if m else None


def _least_reads_apart(t: Tradeoff, text: str) -> bool:
    """Every total above the least, to the places the least is quoted to, reads above it: '0' against 'almost 0'
    counts as apart; a tie a reader cannot see past is no least."""
    places = max(1, len(text.split(" point")[0].partition(".")[2]))
    quoted, low = _value(text), min(t.total)
    return all(rounded(x, places) > quoted or (quoted == 0 and not text.startswith("almost") and x > 0)
               for x in t.total if x != low)


def _mine(t: Tradeoff, values) -> float:
    return values[t.at(t.level)]


_HOWMUCH_COMMON = (
    Truth(rf"the least average cost a year, {P}, comes", lambda t, m: _points_shown(m.group(1), min(t.total))
          and _least_reads_apart(t, m.group(1)),
          "the least total over the levels, as shown, and every greater total, to as many places, reads greater"),
    Truth(r"comes with no anxiety at all", lambda t: t.best == 0 and t.total[0] == min(t.total) and not all_tie(t),
          "level 0 has the least total, and not every level ties"),
    Truth(rf"comes at an anxiety level of {N}[ ,]", lambda t, m: t.best > 0 and _shown(m.group(1), t.best)
          and t.total[t.at(t.best)] == min(t.total) and all(x > min(t.total) for x in t.total[:t.at(t.best)]),
          "the lowest level with the least total, as shown, above 0"),
)
HOWMUCH_CLAIMS = (
    Claim("best", best_sentence, truths=(
        *_HOWMUCH_COMMON,
        Truth(r"^Nothing costs anything at these settings", lambda t: max(t.total) == 0, "every total is 0"),
        Truth(rf"every level from there up to {N} ties", lambda t, m: t.ties > 1 and _shown(m.group(1), LEVELS[
            t.at(t.best) + t.ties - 1]) and all(x == min(t.total) for x in t.total[t.at(t.best):t.at(t.best) + t.ties]),
              "the levels from the best up to the one shown all share the least total, and no others"),
        Truth(r"\(((?:\d\.\d\d(?:, | and )?)+) ties? with it\)", lambda t, m: sorted(
            float(x) for x in re.split(r", | and ", m.group(1))) == [lv for lv in LEVELS if lv != t.best and
                                                                    t.total[t.at(lv)] == min(t.total)],
              "exactly the levels named share the least total with the best"),
        Truth(r"looming problems cost too little, or anxiety too much, for the attention to pay",
              lambda t: t.best == 0 and max(t.total) > 0, "no anxiety is cheapest, and something costs"),
        Truth(r"the attention it buys catches enough looming problems to pay for the discomfort",
              lambda t: t.best > 0 and t.anxiety_cost[t.at(t.best)] > 0 and t.total[t.at(t.best)] < t.total[0],
              "at the best level anxiety costs something, yet the total is below that with no anxiety"),
        Truth(r"anxiety costs nothing here", lambda t: max(t.anxiety_cost) == 0, "anxiety costs 0 at every level"),
    )),
    Claim("yours", yours_sentence, truths=(
        Truth(rf"^At your level, {N},", lambda t, m: _shown(m.group(1), t.level), "the reader's level"),
        Truth(rf"the {YEARS} years simulated bring {N} looming problems?;", lambda t, m: _exact(m.group(1), t.per_year),
              "looming problems in the years simulated, exactly as the model counts them"),
        Truth(r"none of them get dealt with", lambda t: t.caught == 0, "no problem is caught at this level"),
        Truth(r"all of them get dealt with", lambda t: t.caught > 0 and abs(t.per_year - t.caught) < 0.005,
              "no problem is missed at this level"),
        Truth(rf"{N} gets? dealt with and {N} (?:is|are) ignored", lambda t, m: _exact(m.group(1), t.caught) and
              0 < t.per_year - t.caught and _exact(m.group(2), t.per_year - t.caught),
              "problems caught a year at this level and those missed, each exactly as the model has them"),
        Truth(rf"{N} (?:is|are) ignored, costing {P} a year", lambda t, m: _points_near(m.group(2), t.stakes * int(m.group(1).replace(",", "")) / YEARS),
              "the cost a year quoted is the stakes times the number of ignored problems quoted, over the years "
              "simulated (to a tenth, rounded down or up)"),
        Truth(rf"(?:costing|ignoring them costs) {P}", lambda t, m: _points_near(m.group(1), _mine(t, t.ignored_cost)),
              "the cost of the problems ignored at the reader's level, to a tenth rounded down or up"),
        Truth(r"[Tt]he anxiety itself costs nothing", lambda t: _mine(t, t.anxiety_cost) == 0, "anxiety costs 0 at this level"),
        Truth(rf"[Tt]he anxiety itself costs {P}", lambda t, m: _points_near(m.group(1), _mine(t, t.anxiety_cost)),
              "the anxiety cost at the reader's level, to a tenth rounded down or up"),
        Truth(rf"The total, {P},", _costs_add_up,
              "the costs quoted before it in the sentence add up to the total shown (to the tenth)"),
        Truth(rf"The total, {P}, is within half a point of the least any level reaches", lambda t, m: _points_shown(
            m.group(1), _mine(t, t.total)) and 0 < _mine(t, t.total) - min(t.total) < 0.5,
              "the reader's total, as shown, is above the least by less than 0.5"),
        Truth(rf"The total, {P}, is the least any level reaches", lambda t, m: _points_shown(
            m.group(1), _mine(t, t.total)) and _mine(t, t.total) == min(t.total) and max(t.total) > 0,
              "the reader's total, as shown, is the least (and not every level ties at nothing)"),
        Truth(rf"The total, {P}, is {P} above the best", lambda t, m: _points_shown(m.group(1), _mine(t, t.total))
              and _least_quoted(t) is not None and abs(_value(m.group(1)) - _least_quoted(t) - _value(m.group(2))) < 1e-9
              and abs(_value(m.group(2)) - (_mine(t, t.total) - min(t.total)))
              <= max(_unit(m.group(1)), _unit(m.group(2))) + 1e-9 and _mine(t, t.total) - min(t.total) >= 0.5,
              "the reader's total as shown, less the least the best claim quotes, is the excess quoted, within "
              "a unit of the coarser last place of the two (a tenth at least) of the model's excess, which is 0.5 or more"),
        Truth(r"too little anxiety lets problems slip by", lambda t: t.level < t.best and
              _mine(t, t.ignored_cost) > t.ignored_cost[t.at(t.best)], "below the best level, more problems cost more"),
        Truth(r"the extra anxiety costs more than it catches", lambda t: t.level > t.best and
              _mine(t, t.anxiety_cost) - t.anxiety_cost[t.at(t.best)] > t.ignored_cost[t.at(t.best)] - _mine(t, t.ignored_cost),
              "above the best level, the added anxiety cost exceeds the saving on ignored problems"),
    )),
)
HOWMUCH_TRUTHS = (
    HYPHEN_MINUS,
    RUN_ON,
    Truth(r"(?:brings?|of(?: the)?) (\d[\d,]*(?:\.\d+)?) (?:looming )?problems?|(\d[\d,]*(?:\.\d+)?) (?:gets?|is|are) (?:dealt|ignored)",
          lambda t, m: _places(m.group(1) or m.group(2)) == 0,
          "every count of problems is a whole number of problems (in the years simulated), at every state"),
    Truth(rf"^Least average cost a year at anxiety level {N};", lambda t, m: _shown(m.group(1), t.best)
          and t.total[t.at(t.best)] == min(t.total) and not all_tie(t),
          "the level with the least total, as shown, and not every level ties"),
    Truth(r"^Every anxiety level ties for the least average cost a year;", all_tie, "every level's total is the same"),
    Truth(rf"the total is {P} a year \(", lambda t, m: _points_shown(m.group(1), _mine(t, t.total)),
          "the reader's total, as shown"),
    Truth(rf"\((none|{N[1:-1]}) of the {N} problems in {YEARS} years dealt with\)", lambda t, m: (
        t.caught == 0 if m.group(1) == "none" else _exact(m.group(1), t.caught)) and _exact(m.group(2), t.per_year),
          "problems caught and arriving in the years simulated, exactly as the model counts them"),
    Truth(rf"^an anxiety level of {N}$", lambda t, m: t.best > 0 and _shown(m.group(1), t.best), "the best level, above 0"),
    Truth(r"^no anxiety at all$", lambda t: t.best == 0 and not all_tie(t), "the best level is 0, and not every level ties"),
    Truth(r"^any level: here every level ties$", all_tie, "every level's total is the same"),
)


class HowmuchResponse(WidgetResponse):
    levels: list[float]
    total: list[float] = Field(description="The year's total cost at each anxiety level.")
    ignored_cost: list[float] = Field(description="Cost of the problems ignored, at each level.")
    anxiety_cost: list[float] = Field(description="Cost of the anxiety itself, at each level.")
    best: float = Field(description="The anxiety level with the least total cost.")
    problems: float = Field(description="Looming problems a year, on average.")
    dealt_with: float = Field(description="Of those, how many get dealt with at the reader's level, on average.")
    claims: dict[str, str]


def howmuch_api(values: Mapping[str, Any], t: Tradeoff) -> dict:
    return {"levels": list(LEVELS), "total": list(t.total), "ignored_cost": list(t.ignored_cost),
            "anxiety_cost": list(t.anxiety_cost), "best": t.best, "problems": t.per_year,
            "dealt_with": t.caught, "claims": {c.id: c.say(t) for c in HOWMUCH_CLAIMS}}
