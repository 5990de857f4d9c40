"""Presenters for the filial-imprinting puzzle: pure functions of the hatched outcomes."""
from __future__ import annotations

from typing import Any, Mapping

from app.framework import Table
from app.models.filial_imprinting import BYRNES, FOLLOW_AT, Outcome

FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13, "color": "#1f2328"}
OBJECTS = (("mother", "Mother", "#CC79A7", ""), ("boot", "Boot", "#0072B2", "/"))
FOLLOWS = {"mother": "follows its mother", "boot": "follows the boot", "nothing": "follows nothing",
           "torn": "is torn between mother and boot"}


def wrap(label: str, width: int = 8) -> str:
    """An axis label in lines of at most `width` characters (Plotly's <br>), so the four groups fit
    side by side on a 360 px screen. A leading "1." stays with the word after it."""
    words = label.split()
    if len(words) > 1 and words[0].rstrip(".").isdigit():
        words[:2] = [f"{words[0]} {words[1]}"]
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def figures(outcomes: tuple[Outcome, ...]) -> dict[str, dict]:
    x = [wrap(o.scenario.short) for o in outcomes]
    data = [{
        "type": "bar", "name": label, "x": x, "y": [round(o.ratings[key], 3) for o in outcomes],
        "marker": {"color": colour, "pattern": {"shape": pattern, "bgcolor": colour, "fgcolor": "#ffffff",
                                                "fgopacity": 0.5}},
        "texttemplate": "%{y:.0%}", "textposition": "outside", "cliponaxis": False,
        "textfont": {"size": 12, "color": "#1f2328"},
        "hovertemplate": label + ": %{y:.0%}<extra></extra>",
    } for key, label, colour, pattern in OBJECTS]
    return {"ratings": {
        "data": data,
        "layout": {
            "height": 300, "barmode": "group", "margin": {"t": 36, "b": 60, "l": 62, "r": 10}, "font": FONT,
            "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
            "yaxis": {"range": [0, 1.18], "tickformat": ".0%", "title": {"text": "rated mother-like"},
                      "fixedrange": True},
            "xaxis": {"fixedrange": True, "automargin": True, "tickangle": 0, "tickfont": {"size": 12}},
            "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"},
            "shapes": [{"type": "line", "x0": 0, "x1": 1, "xref": "paper", "y0": FOLLOW_AT, "y1": FOLLOW_AT,
                        "line": {"dash": "dot", "color": "#1f2328", "width": 1}}],
            "annotations": [{"x": 1, "xref": "paper", "xanchor": "right", "y": FOLLOW_AT, "yanchor": "bottom",
                             "text": "worth following", "showarrow": False, "font": {"size": 11}}],
        },
    }}


def score(outcomes: tuple[Outcome, ...]) -> int:
    return sum(o.passes for o in outcomes)


def summary(outcomes: tuple[Outcome, ...]) -> str:
    parts = [f"This design behaves like a real gosling in {score(outcomes)} of {len(outcomes)} scenarios."]
    for o in outcomes:
        verdict = "like a real gosling" if o.passes else f"a real one {FOLLOWS[o.scenario.real].replace('follows', 'would follow')}"
        parts.append(f"{o.scenario.title}: the gosling {FOLLOWS[o.follows]} ({verdict}).")
    return " ".join(parts)


def table(outcomes: tuple[Outcome, ...]) -> Table:
    rows = tuple((o.scenario.title, f"{o.ratings['mother']:.0%}", f"{o.ratings['boot']:.0%}",
                  FOLLOWS[o.follows].removeprefix("follows ").removeprefix("is "),
                  FOLLOWS[o.scenario.real].removeprefix("follows "), "yes" if o.passes else "no")
                 for o in outcomes)
    return Table("What the gosling does in each scenario",
                 ("Scenario", "Mother rated", "Boot rated", "Gosling follows", "Real gosling follows",
                  "Like a real gosling?"), rows)


def live(outcomes: tuple[Outcome, ...]) -> dict[str, str]:
    return {"score": str(score(outcomes)), "total": str(len(outcomes))}


def score_view(outcomes: tuple[Outcome, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "score": score(outcomes), "total": len(outcomes),
        "rows": [{"title": o.scenario.title, "passes": o.passes, "follows": FOLLOWS[o.follows],
                  "real": FOLLOWS[o.scenario.real]} for o in outcomes],
        "is_byrnes": all(values[k] == v for k, v in BYRNES.items()),
    }


def api(values: Mapping[str, Any], outcomes: tuple[Outcome, ...]) -> dict:
    return {
        "parameters": dict(values),
        "outcomes": [{"scenario": o.scenario.id, "title": o.scenario.title, "ratings": dict(o.ratings),
                      "follows": o.follows, "real_gosling_follows": o.scenario.real, "passes": o.passes}
                     for o in outcomes],
        "score": score(outcomes), "total": len(outcomes),
    }
