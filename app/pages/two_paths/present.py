"""Presenters for the two-paths page: pure functions of the model's result."""
from __future__ import annotations

import re
from typing import Any, Mapping

from pydantic import Field

from app import figkit as kit
from app import wording
from app.framework import Claim, Table, Truth, WidgetResponse
from app.wording import count, pct, reads_as, share, upper_first

from .model import SPLITS, Hedge

NAMES = {"controlled": "controlled AGI", "social": "social-instinct AGI"}
PLANS = (("Only social-instinct", 0.0), ("Even split", 0.5), ("Only controlled", 1.0))


# The plans' ticks name them, so the curve needs no legend (issue 34: label directly, no bottom legends).
PLAN_TICKS = {0.0: "0%<br>only social", 0.5: "50%<br>even split", 1.0: "100%<br>only controlled"}


def curve_figure(r: Hedge) -> dict:
    xs = list(SPLITS)
    line = {"type": "scatter", "mode": "lines", "name": "At least one works", "x": xs,
            "y": [round(r.curve[s], 4) for s in xs], "line": {"color": kit.BLUE, "width": 3},
            "customdata": [share(r.curve[s]) for s in xs],
            "hovertemplate": "%{x:.0%} on controlled: %{customdata}<extra></extra>"}
    marks = [{"type": "scatter", "mode": "markers", "name": name, "x": [share_], "y": [round(r.curve[share_], 4)],
              "marker": {"size": 11, "symbol": symbol, "color": kit.INK}, "customdata": [share(r.curve[share_])],
              "hovertemplate": name + ": %{customdata}<extra></extra>"}
             for (name, share_), symbol in zip(PLANS, ("circle", "square", "diamond"))]
    # A plan that puts everything on one path splits nothing: it is the best plan, not the best split.
    star = "split" if 0 < r.best_share < 1 else "plan"
    best = {"type": "scatter", "mode": "markers", "name": f"Best {star}", "x": [r.best_share], "y": [round(r.best, 4)],
            "marker": {"size": 16, "symbol": "star", "color": kit.VERMILION}, "customdata": [share(r.best)],
            "hovertemplate": f"best {star}: %{{x:.0%}} on controlled, %{{customdata}}<extra></extra>"}
    # The star is named where it is drawn, above it (the curve's highest point leaves room there).
    label = {"x": r.best_share, "y": round(r.best, 4), "xref": "x", "yref": "y", "yanchor": "bottom", "yshift": 9,
             "xanchor": "left" if r.best_share < 0.15 else "right" if r.best_share > 0.85 else "center",
             "showarrow": False, "text": f"best {star}", "font": {"color": kit.VERMILION, "size": 13, "weight": "bold"}}
    # A flat curve (every split reads the same) has no best split to mark: the first of equals is not the highest.
    return {"data": [line, *marks] + ([] if flat(r) else [best]), "layout": kit.layout(
        margin={"t": 40, "b": 62, "l": 58, "r": 46}, showlegend=False, annotations=[] if flat(r) else [label],
        xaxis=kit.axis("share of effort on controlled AGI", range=[-0.04, 1.04], tickvals=list(PLAN_TICKS),
                       ticktext=list(PLAN_TICKS.values()), tickangle=0,
                       ticklabelstandoff=4),
        yaxis=kit.axis("at least one works", tickformat=".0%", range=[-0.04, 1.06]))}


# One line of legend above the bars, short names (the hover keeps the full ones).
TOP_LEGEND = {"orientation": "h", "yref": "container", "y": 1, "yanchor": "top", "x": 0, "xref": "container"}


def paths_figure(r: Hedge) -> dict:
    names = ["Only<br>social", "Even<br>split", "Only<br>controlled"]
    shares = [s for _, s in PLANS]
    data = [{"type": "bar", "name": label, "x": names,
             "y": [round(r.path_chance[s][p], 4) for s in shares],
             "marker": {"color": colour, "pattern": kit.pattern(shape, colour)},
             "customdata": [share(r.path_chance[s][p]) for s in shares],
             "hovertemplate": NAMES[p] + ": %{customdata}<extra>%{x}</extra>"}
            for p, label, colour, shape in (("controlled", "Controlled", kit.VERMILION, ""),
                                            ("social", "Social-instinct", kit.BLUE, "/"))]
    return {"data": data, "layout": kit.layout(
        margin={"t": 40, "b": 62, "l": 56, "r": 14}, barmode="group", showlegend=True, legend=TOP_LEGEND,
        xaxis=kit.axis(None, tickangle=0), yaxis=kit.axis("chance it works", tickformat=".0%", range=[0, 1.05]))}


def article(number: str) -> str:
    """'a' or 'an' before a number as it is said: 'an 8%', 'an 11%', 'an 18%', 'an 80%', 'an under 1%', 'an over
    99%', but 'a 12%', 'a 100%'."""
    if number.startswith(("over ", "under ")):
        return "an"
    whole = re.match(r"[\d,]*", number).group(0)
    lead = whole.split(",")[0] if "," in whole else whole if len(whole) <= 2 else ""
    return "an" if whole.startswith("8") or lead in ("11", "18") else "a"


def chance(number: str) -> str:
    """'a 40% chance', 'an 8% chance'; a bound reads 'a chance of over 99%' (not 'an over 99% chance')."""
    return f"a chance of {number}" if number.startswith(("over ", "under ")) else f"{article(number)} {number} chance"


def flat(r: Hedge) -> bool:
    """Every split gives the same chance, as shown (wording.share: a chance that is not none never reads '0%')."""
    return len({share(v) for v in r.curve.values()}) == 1


def verdict_sentence(r: Hedge) -> str:
    head = (f"Putting everything on controlled AGI gives {chance(share(r.only_controlled))} that at "
            f"least one path works, and everything on social-instinct AGI {share(r.only_social)}")
    if r.best == 0:
        return head + ". Nothing works at these settings, however the effort is split."
    if flat(r):
        return head + f". The split makes no difference here, to the percent: every split gives {share(r.best)}."
    head += f"; an even split gives {share(r.even)}, and the best "
    if r.best_share in (0, 1):
        alone = "controlled AGI" if r.best_share == 1 else "social-instinct AGI"
        head += f"plan (everything on {alone}) {share(r.best)}"
        if share(r.even) == share(r.best):
            return head + ", though an even split does as well to the percent."
        return head + ": the other path adds less than it costs."
    head += f"split ({pct(r.best_share)} of effort on controlled AGI) {share(r.best)}."
    end = r.better_end
    gain = wording.points(r.best - end)          # the exact gain, rounded (not the difference of two rounded figures)
    if 0 < r.best_share < 1 and r.best - end >= 0.01:
        note = "" if wording.points(r.best) - wording.points(end) == gain else " (the figures above are rounded)"
        return head + f" Digging into both beats the better path alone by {count(gain, 'percentage point')}{note}."
    if 0 < r.best_share < 1 and share(r.best) != share(end):
        note = " (the figures above are rounded)" if wording.points(r.best) != wording.points(end) else ""
        return head + f" Digging into both beats the better path alone, by less than a percentage point{note}."
    return head + " Splitting does no better than the better path alone, to the percent."


def left_text(x: float) -> str:
    """A chance that is left: 'nothing' when it is 0, 'almost nothing' when it is under 1%, else the percentage
    (wording.share: never '100%' for less than certain)."""
    return "nothing" if x == 0 else "almost nothing" if share(x) == "under 1%" else share(x)


def path_hedge(r: Hedge, path: str) -> str:
    """What putting everything on `path` risks if that path turns out impossible, against an even split."""
    other = "social" if path == "controlled" else "controlled"
    all_on = 1.0 if path == "controlled" else 0.0
    name, other_name = NAMES[path], NAMES[other]
    if r.feasible[path] == 1:
        return (f"You set {name} as certainly possible ({pct(1)}), so there is no chance of its proving impossible "
                f"to hedge against.")
    if r.feasible[path] == 0:
        lead = f"You set {name} as impossible ({pct(0)}): putting everything on it leaves"
        if r.if_impossible(path, all_on) > 0:      # a path set as impossible leaves something only through transfer
            lead = f"You set {name} as impossible ({pct(0)}): putting everything on it still leaves"
    else:
        lead = (f"If {name} proves impossible" + (" (nothing in nature shows it can be done)" if path == "controlled"
                                                  else "") + ", putting everything on it would leave")
    left = r.if_impossible(path, all_on)
    why = ("" if left == 0 else f", because ideas from that work carry over to {other_name}" if r.feasible[path] == 0
           else f", from the ideas that transfer to {other_name}")
    even = r.if_impossible(path, 0.5)
    if left == 0 and even == 0:
        # Nothing against nothing is no contrast: say that no split leaves anything, and why.
        # Never 'impossible too': both paths set as impossible is hedge_sentence's own case, so here this path was not.
        cause = (f"you set {other_name} as impossible ({pct(0)})" if r.feasible[other] == 0 else
                 f"you set {other_name} as never one we want, even if it works ({pct(0)})")
        head = (f"You set {name} as impossible ({pct(0)}): " if r.feasible[path] == 0 else
                f"If {name} proves impossible" + (" (nothing in nature shows it can be done)" if path == "controlled"
                                                  else "") + ", ")
        return f"{head}nothing is left however the effort is split, since {cause}."
    # The even split is a contrast only if what it keeps reads differently; else it keeps the same, as shown.
    keeps = (f"while the even split keeps {left_text(even)}" if left_text(even) != left_text(left) else
             f"and the even split also keeps {left_text(even)}")
    return f"{lead} {left_text(left)}{why}, {keeps} from the {other_name.removesuffix(' AGI')} work."


def split_gains(r: Hedge) -> bool:
    """Some split of the effort does better, as shown, than either path alone."""
    return 0 < r.best_share < 1 and share(r.best) != share(r.better_end)


def _gains_nothing(r: Hedge) -> bool:
    """No split does better than the better path alone, not even below what a whole percentage shows."""
    return r.best <= r.better_end + 1e-12


def _exactly_flat(r: Hedge) -> bool:
    """Every split gives the same chance (to float error), not only the same as shown."""
    return max(r.curve.values()) - min(r.curve.values()) <= 1e-12


def hedge_sentence(r: Hedge) -> str:
    if r.feasible["controlled"] == 1 and r.feasible["social"] == 1:
        head = (f"You set both paths as certainly possible ({pct(1)}), so there is no chance of either proving "
                f"impossible to hedge against")
        if r.best == 0:
            return head + ", and with nothing working at any split there is no gain from splitting either."
        if not split_gains(r):
            return head + ", and splitting gains nothing here" + ("." if _gains_nothing(r) else ", to the percent.")
        wanted = all(0 < v < 1 for v in r.desirable.values())
        return head + (f"; the gain from splitting comes from {'desirability and ' if wanted else ''}diminishing "
                       f"returns.")
    if r.feasible["controlled"] == 0 and r.feasible["social"] == 0:
        # One sentence, not the same one twice in mirror image: no split leaves anything to hedge.
        return f"You set both paths as impossible ({pct(0)}), so no split of the effort leaves anything to hedge."
    return f"{path_hedge(r, 'controlled')} {path_hedge(r, 'social')}"


# The two-paths phrases, as predicates on the model's curve (chance at least one path works, by the share of
# effort on controlled AGI) and each path's own chance; a quoted percentage is the model's, as rounded for display.
P = r"(\d+%)"                              # a setting or a share of effort, as pct writes it
C = r"((?:over |under )?\d+%)"             # a chance, as wording.share writes it
LEFT = r"(nothing|almost nothing|(?:over )?\d+%)"


def _pct_is(m: re.Match, group: int, x: float) -> bool:
    text = m.group(group)
    return x == 0 if text == "nothing" else reads_as(text, x)


def _chance_is(m: re.Match, group: int, x: float) -> bool:
    """A chance as wording.share writes it: '0%' only for none, 'under 1%' for a chance that rounds to 0, 'over
    99%' for one short of certain that rounds to 100."""
    return m.group(group) == share(x)


def _left_is(m: re.Match, group: int, x: float) -> bool:
    """A chance left, as said: 'nothing' is exactly 0, 'almost nothing' is above 0 but under 1%, and a
    percentage is the chance as wording.share writes it, never '0%' (which would read as nothing)."""
    text = m.group(group)
    if text in ("nothing", "almost nothing"):
        return x == 0 if text == "nothing" else share(x) == "under 1%"
    return text == share(x) != "0%"


def _top(r: Hedge) -> float:
    return max(r.curve.values())


def _key(name: str) -> str:
    return "controlled" if name.startswith("controlled") else "social"


def _note_holds(r: Hedge, m: re.Match) -> bool:
    """A column's note: some path has these odds and, at the split quoted, this chance."""
    for path in ("controlled", "social"):
        if not (_pct_is(m, 1, r.feasible[path]) and _pct_is(m, 2, r.desirable[path])):
            continue
        if m.group(3):   # "With effort split evenly it works with a chance of X"
            if _chance_is(m, 3, r.path_chance[0.5][path]) and flat(r):
                return True
        elif m.group(4):  # "At the best split (P of effort here) it works with a chance of X"
            effort = r.best_share if path == "controlled" else 1 - r.best_share
            if (0 < r.best_share < 1 and not flat(r) and _pct_is(m, 4, effort)
                    and _chance_is(m, 5, r.path_chance[r.best_share][path])):
                return True
        else:             # "The best plan gives it all the effort / no effort, yet / no effort, and …"
            effort = r.best_share if path == "controlled" else 1 - r.best_share
            own = r.path_chance[r.best_share][path]
            # without effort of its own, a chance above none comes from ideas that transfer, and says so
            explained = effort == 0 and own > 0 and r.transfer > 0
            if (r.best_share in (0, 1) and not flat(r) and _chance_is(m, 7, own)
                    and effort == (1 if m.group(6) == "all the effort:" else 0)
                    and (m.group(6) == "no effort, yet") == (m.group(8) is not None) == explained):
                return True
    return False


ENDS = Truth(r"Putting everything on controlled AGI gives (?:an? (\d+%) chance|a chance of ((?:over |under )\d+%)) that at "
             r"least one path works, and everything on social-instinct AGI " + C,
             lambda r, m: (m.group(1) or m.group(2)) == share(r.curve[1.0]) and _chance_is(m, 3, r.curve[0.0]),
             "the chances quoted for all on controlled AGI and all on social-instinct AGI are the curve's ends "
             "('0%' only for none, 'under 1%' for a chance that rounds to 0)")
NOTHING = Truth(r"Nothing works at these settings", lambda r: _top(r) == 0, "every split gives exactly 0")
NO_DIFFERENCE = Truth(r"The split makes no difference here, to the percent: every split gives " + C,
                      lambda r, m: flat(r) and _chance_is(m, 1, _top(r)),
                      "every split's chance reads the same as shown, the one quoted")
BEST = Truth(r"an even split gives " + C + r", and the best split \(" + P + r" of effort on controlled AGI\) " + C,
             lambda r, m: (_chance_is(m, 1, r.curve[0.5]) and _pct_is(m, 2, r.best_share) and 0 < r.best_share < 1
                           and r.curve[r.best_share] == _top(r) and _chance_is(m, 3, _top(r)) and not flat(r)),
             "the even split's chance and the best split, which has the highest chance on the curve and puts effort "
             "on both paths, as quoted")
BEATS = Truth(r"Digging into both beats the better path alone by (\d+) percentage points?( \(the figures above are rounded\))?",
              lambda r, m: (0 < r.best_share < 1
                            and int(m.group(1)) == wording.points(_top(r) - r.better_end)
                            and _top(r) - r.better_end >= 0.01
                            and (m.group(2) is None) == (wording.points(_top(r)) - wording.points(r.better_end)
                                                         == int(m.group(1)))),
              "the best split puts effort on both paths and beats the better end by that many points, its exact gain "
              "rounded; said to be rounded where the two figures shown differ by another number")
NO_BETTER = Truth(r"Splitting does no better than the better path alone, to the percent",
                  lambda r: 0 < r.best_share < 1 and share(_top(r)) == share(r.better_end),
                  "the best split is inside, and its chance reads as the better end's")
BELOW_A_POINT = Truth(r"Digging into both beats the better path alone, by less than a percentage point( \(the figures "
                      r"above are rounded\))?",
                      lambda r, m: (0 < r.best_share < 1 and _top(r) > r.better_end
                                    and _top(r) - r.better_end < 0.01
                                    and (m.group(1) is not None) == (wording.points(_top(r))
                                                                     != wording.points(r.better_end))),
                      "the best split is inside and beats the better end by under a whole point; said to be rounded "
                      "where the two figures shown differ")
ALL_ON = Truth(r"an even split gives " + C + r", and the best plan \(everything on (controlled AGI|social-instinct AGI)\) " + C,
               lambda r, m: (_chance_is(m, 1, r.curve[0.5]) and not flat(r) and _chance_is(m, 3, _top(r))
                             and r.curve[1.0 if _key(m.group(2)) == "controlled" else 0.0] == _top(r)),
               "the even split's chance, and all on that path gives the highest chance on the curve, as quoted")
AS_WELL = Truth(r"though an even split does as well to the percent",
                lambda r: r.best_share in (0, 1) and share(r.curve[0.5]) == share(_top(r)),
                "all on one path is best, and the even split's chance reads the same as shown")
COSTS = Truth(r"the other path adds less than it costs",
              lambda r: r.best_share in (0, 1) and share(r.curve[0.5]) != share(_top(r)),
              "all on one path is best, and the even split's chance reads lower as shown")
CERTAIN = Truth(r"You set (controlled AGI|social-instinct AGI) as certainly possible \(100%\)",
                lambda r, m: r.feasible[_key(m.group(1))] == 1, "that path is possible with chance 1")
BOTH_CERTAIN = Truth(r"You set both paths as certainly possible", lambda r: min(r.feasible.values()) == 1,
                     "both paths are possible with chance 1")
NO_GAIN = Truth(r"with nothing working at any split there is no gain from splitting either", lambda r: _top(r) == 0,
                "every split gives exactly 0")
GAIN_FROM = Truth(r"the gain from splitting comes from (desirability and )?diminishing returns",
                  lambda r, m: split_gains(r) and (m.group(1) is not None) == all(0 < v < 1 for v in r.desirable.values()),
                  "a split does better, as shown, than all on either path; desirability is named only where neither "
                  "path's is 0% or 100%")
GAINS_NOTHING = Truth(r"splitting gains nothing here(?P<shown>, to the percent)?",
                      lambda r, m: _top(r) > 0 and not split_gains(r) and (m["shown"] is not None or _gains_nothing(r)),
                      "some split works, but none does better, as shown, than all on the better path; without 'to the "
                      "percent', none does better at all")
BOTH_IMPOSSIBLE = Truth(r"You set both paths as impossible \(0%\), so no split of the effort leaves anything",
                        lambda r: max(r.feasible.values()) == 0 and all(v == 0 for v in r.curve.values()),
                        "both paths are possible with chance 0, and the chance that at least one works is 0 at every split")
IMPOSSIBLE = Truth(r"You set (controlled AGI|social-instinct AGI) as impossible \(0%\)",
                   lambda r, m: r.feasible[_key(m.group(1))] == 0, "that path is possible with chance 0")
IF_IMPOSSIBLE = Truth(r"If (controlled AGI|social-instinct AGI) proves impossible",
                      lambda r, m: 0 < r.feasible[_key(m.group(1))] < 1,
                      "that path may or may not be possible (its chance is strictly between 0 and 1)")
LEAVES = Truth(r"(controlled AGI|social-instinct AGI) (?:proves impossible|as impossible \(0%\))[^,:]*[,:] putting "
               r"everything on it (?:would leave|(?:still )?leaves) " + LEFT + r"(, from the ideas that transfer to [a-z -]+ AGI|"
               r", because ideas from that work carry over to [a-z -]+ AGI)?, "
               r"(while|and) the even split (also )?keeps " + LEFT + r" from the (controlled|social-instinct) work",
               lambda r, m: (_key(m.group(7)) != _key(m.group(1))
                             and not (m.group(2) == m.group(6) == "nothing")
                             # a contrast ('while') only between chances that read differently; alike: 'and … also'
                             and ((m.group(4), m.group(5)) == ("while", None)) == (m.group(2) != m.group(6))
                             and ((m.group(4), m.group(5)) == ("and", "also ")) == (m.group(2) == m.group(6))
                             and _left_is(m, 2, r.path_chance[1.0 if _key(m.group(1)) == "controlled" else 0.0][_key(m.group(7))])
                             and (m.group(3) is None or (r.transfer > 0
                                  and r.path_chance[1.0 if _key(m.group(1)) == "controlled" else 0.0][_key(m.group(7))] > 0))
                             and _left_is(m, 6, r.path_chance[0.5][_key(m.group(7))])),
               "with everything on the one path, the other path's own chance (it comes only from transferred ideas), "
               "and at an even split the other path's chance, as quoted ('nothing' only for exactly 0, 'almost "
               "nothing' for a chance that shows as 0%), and never nothing against nothing, which contrasts nothing; "
               "'while' only when the two read differently, 'and the even split also keeps' when they read alike")
# A path set as impossible that still leaves a chance reads as a contradiction unless the sentence says why: the
# chance is the other path's, from ideas that carry over. 'still' and the reason come together, and only then.
STILL_LEAVES = Truth(r"as impossible \(0%\): putting everything on it (?P<still>still )?leaves (?P<left>nothing|almost nothing|"
                     r"\d+%)(?P<why>, because ideas from that work carry over to (?:controlled|social-instinct) AGI)?",
                     lambda r, m: bool(m["still"]) == bool(m["why"]) == (m["left"] != "nothing") and r.transfer > 0
                     or not m["still"] and not m["why"] and m["left"] == "nothing",
                     "with everything on a path set as impossible, a chance is left only by ideas carrying over to the "
                     "other path, and the sentence says so ('still leaves …, because ideas from that work carry over')")
NOTHING_LEFT = Truth(r"(controlled AGI|social-instinct AGI) (?:proves impossible|as impossible \(0%\))[^,:]*[,:] nothing is "
                     r"left however the effort is split, since (?:you set (controlled AGI|social-instinct AGI) as impossible "
                     r"(?P<too>too|\(0%\))|you set (controlled AGI|social-instinct AGI) as never one we want, even if it works \(0%\))",
                     lambda r, m: (lambda other: all(v[other] == 0 for v in r.path_chance.values())
                                   and (r.feasible[other] == 0 if m.group(2) else r.desirable[other] == 0)
                                   and _key(m.group(2) or m.group(4)) == other
                                   and (m["too"] != "too" or r.feasible[_key(m.group(1))] == 0))(
                         "social" if _key(m.group(1)) == "controlled" else "controlled"),
                     "if that path proves impossible, the other path's own chance is exactly 0 at every split (and, "
                     "if said, the other path was set as impossible; 'too' only if the first path was set as "
                     "impossible as well)")
NOTE = Truth(r"Feasible " + P + ", wanted " + P + r"\. (?:With effort split evenly it works with a chance of " + C
             + r"|At the best split \(" + P + r" of effort here\) it works with a chance of " + C
             + r"|The best plan gives it (all the effort:|no effort, yet|no effort, and) it works with a chance of " + C
             + r"(, from ideas that transfer)?)\.", _note_holds,
             "a path with these odds works with the chance quoted ('0%' only for none), at the split quoted; 'the best "
             "split' only for a split that gives both paths some effort, and a path with no effort that still works "
             "says why (ideas that transfer)")
CAPTION = Truth(r"at least one works with a chance of " + C + r"(, whatever the split| at the best split| on the best plan)\.",
                lambda r, m: _chance_is(m, 1, _top(r)) and (flat(r) == (m.group(2) == ", whatever the split"))
                and ((m.group(2) == " at the best split") == (not flat(r) and 0 < r.best_share < 1)),
                "the highest chance on the curve, whether every split gives it to the percent, and whether the best "
                "plan splits the effort (the notes above the caption say which path a one-path plan backs)")

CURVE = Truth(r"The chance that at least one path works is " + C + r" with all effort on social-instinct AGI, " + C
              + r" at an even split and " + C + r" with all on controlled AGI",
              lambda r, m: _chance_is(m, 1, r.curve[0.0]) and _chance_is(m, 2, r.curve[0.5]) and _chance_is(m, 3, r.curve[1.0]),
              "the curve at all on social-instinct AGI, the even split and all on controlled AGI, as quoted")
STAR = Truth(r"the star marks the curve's highest point, " + C + r" at " + P + r" of effort on controlled AGI",
             lambda r, m: r.curve[r.best_share] >= _top(r) - 1e-12 and _chance_is(m, 1, _top(r)) and _pct_is(m, 2, r.best_share)
             and not flat(r), "the split quoted has the highest chance on the curve, the chance quoted, and not every "
             "split reads the same")
FLAT = Truth(r"the curve is flat(?P<shown> to the percent)?: every split gives " + C + r", so no split is marked as best",
             lambda r, m: flat(r) and _chance_is(m, 2, _top(r)) and (m["shown"] is not None or _exactly_flat(r)),
             "every split's chance reads the same as shown, the one quoted; without 'to the percent', every split's "
             "chance is the same")
EVEN_BARS = Truth(r"At an even split the bars show each path's own chance: controlled AGI " + C + r", social-instinct AGI " + C,
                  lambda r, m: _chance_is(m, 1, r.path_chance[0.5]["controlled"]) and _chance_is(m, 2, r.path_chance[0.5]["social"]),
                  "each path's own chance at an even split, as quoted ('0%' only for none)")

BOTH_CLAIMS = (Claim("verdict", verdict_sentence, truths=(ENDS, NOTHING, NO_DIFFERENCE, BEST, BEATS, BELOW_A_POINT, NO_BETTER, ALL_ON, AS_WELL, COSTS)),
               Claim("hedge", hedge_sentence, truths=(CERTAIN, BOTH_CERTAIN, NO_GAIN, GAIN_FROM, GAINS_NOTHING, BOTH_IMPOSSIBLE, IMPOSSIBLE, IF_IMPOSSIBLE,
                                                     LEAVES, STILL_LEAVES, NOTHING_LEFT)))
BOTH_TRUTHS = (NOTE, CAPTION, CURVE, STAR, FLAT, EVEN_BARS)


def both_summary(r: Hedge) -> str:
    """What the curve and the bars show; whether digging into both pays is the prose's claim (verdict_sentence)."""
    top = (f"the curve is flat{'' if _exactly_flat(r) else ' to the percent'}: every split gives {share(r.best)}, so no "
           f"split is marked as best" if flat(r) else
           f"the star marks the curve's highest point, {share(r.best)} at {pct(r.best_share)} of effort on controlled AGI")
    return (f"The chance that at least one path works is {share(r.curve[0.0])} with all effort on social-instinct AGI, "
            f"{share(r.curve[0.5])} at an even split and {share(r.curve[1.0])} with all on controlled AGI; {top}. At an even "
            f"split the bars show each path's own chance: controlled AGI {share(r.path_chance[0.5]['controlled'])}, "
            f"social-instinct AGI {share(r.path_chance[0.5]['social'])}.")


def both_table(r: Hedge) -> Table:
    shares = sorted({*SPLITS[::2], r.best_share})          # every tenth, and the best split in its place
    rows = tuple((pct(s), share(r.path_chance[s]["controlled"]), share(r.path_chance[s]["social"]), share(r.curve[s]))
                 for s in shares)
    return Table("Chance each path works, and that at least one does, by the share of effort on controlled AGI",
                 ("Effort on controlled", "Controlled works", "Social-instinct works", "At least one"), rows)


def both_live(r: Hedge) -> dict[str, str]:
    return {"both": share(r.best), "controlled": share(r.only_controlled), "social": share(r.only_social)}


def panel(r: Hedge, values: Mapping[str, Any]) -> dict[str, Any]:
    s = r.best_share
    notes = {}
    for path, effort in (("controlled", s), ("social", 1 - s)):
        odds = f"Feasible {pct(r.feasible[path])}, wanted {pct(r.desirable[path])}. "
        here = share(r.path_chance[s][path])
        if flat(r):
            notes[path] = odds + f"With effort split evenly it works with a chance of {share(r.path_chance[0.5][path])}."
        elif 0 < s < 1:
            notes[path] = odds + f"At the best split ({pct(effort)} of effort here) it works with a chance of {here}."
        elif effort == 1:
            notes[path] = odds + f"The best plan gives it all the effort: it works with a chance of {here}."
        elif r.path_chance[s][path] > 0:
            # No effort of its own: a chance above none comes only from the other path's ideas carrying over.
            notes[path] = odds + f"The best plan gives it no effort, yet it works with a chance of {here}, from ideas that transfer."
        else:
            notes[path] = odds + f"The best plan gives it no effort, and it works with a chance of {here}."
    # As short as the other endings: the caption's lines are reserved, and the notes name the path a one-path plan backs.
    where = ", whatever the split." if flat(r) else " at the best split." if 0 < s < 1 else " on the best plan."
    caption = f"The two paths at these settings: at least one works with a chance of {share(r.best)}{where}"
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
