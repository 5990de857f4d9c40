"""The valence page: run and tumble for bacteria and for thoughts; valence as reward and as value on the
actor-critic picture; valence as an axis of concepts in two people's thingspace."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Stage, Widget

from . import present
from .model import candy, concepts, run_and_tumble, run_and_tumble_many

TUMBLE = Widget(
    "tumble", "Run and tumble, for bacteria and for thoughts",
    params=(
        Number("strength", "Slope toward the food", min=0, max=2, step=0.1, default=1,
               help="How fast the food (or an idea's worth, as the minds sense it) rises toward the peak: at 0 "
                    "nothing rises. The page always scores the ideas at slope 1, so runs stay comparable."),
        Number("noise", "Noise", min=0, max=40, step=1, default=5, unit="points",
               help="Random error in each moment's reading of how good things are."),
        Number("memory", "Memory", min=0, max=40, step=1, default=10, unit="steps", integer=True,
               help="About how many past steps the bacterium (or mind) averages over to judge whether things are getting better "
                    "(0: no memory at all)."),
        Number("threshold", "Tumble threshold", min=-3, max=5, step=0.25, default=0, unit="points",
               help="Keep going while the change seems above this (below 0, a small worsening still passes); "
                    "otherwise tumble (or re-roll)."),
    ),
    simulate=run_and_tumble,
    simulate_many=run_and_tumble_many,
    # The analogy drawing leads; the two maps follow, each drawing one run (the median) and where every run ended;
    # the 24 runs' progress is a claim.
    figures=((Figure("dish", "Map of the dish: where each bacterium ended, and the median bacterium's path from its "
                             "start 60 units out, drawn bold, with the food at the centre", present.dish_figure,
                     height=present.MAP_HEIGHT),
              Figure("ideas", "Map of a space of ideas: where each mind's last idea lies, and the median mind's path "
                              "through variations on a plan, drawn bold, with a good idea and a better one",
                     present.ideas_figure, height=present.MAP_HEIGHT)),),
    panels=(Panel("loops", "panel_loops.html", present.tumble_panel),),
    present=present,
    # With no memory the slope still decides whether there is food to find at all (slope 0), so it stays live.
    inactive=lambda v: ({"noise": "With no memory there is nothing to compare, so the reading is never used."}
                        if v["memory"] == 0 else {}),
)

CANDY = Widget(
    "candy", "Reward and value: walking to get candy",
    params=(
        Number("hunger", "Hunger", min=0, max=1, step=0.05, default=0.8,
               help="How good eating the candy is right now, by innate ground truth."),
        Number("effort", "Effort per step", min=0, max=0.3, step=0.01, default=0.05,
               help="How unpleasant, innately, each step of the walk is."),
        Number("distance", "Distance", min=1, max=8, step=1, default=3, unit="steps", integer=True,
               help="How many steps of walking lie between the idea and the candy."),
        Number("walks", "Walks so far", min=0, max=40, step=1, default=10, unit="walks", integer=True,
               help="How many times the critic has lived through the walk and learned from it."),
        Choice("thought", "Thought shown in the picture",
               options=(("walk", "The walk"), ("eat", "Eating it")), default="walk",
               help="The picture follows one thought: setting off, or the bite."),
    ),
    simulate=lambda hunger, effort, distance, walks, thought: candy(hunger, effort, distance, walks),
    # The two charts share one row beside the prose (stacked on a phone).
    figures=((
        Figure("chain", "Horizontal bar chart: each thought on the way to the candy, its innate reward now and the "
                        "learned value of where it leads, and their sum", present.chain_figure, height=240),
        Figure("learning", "Line chart: the valence of the idea of the walk after each walk, and of eating it",
               present.learning_figure, height=240),
    ),),
    panels=(Panel("critic", "panel_critic.html", present.candy_panel, preview=True),),
    # His drawing leads with hunger and the thought; the two charts of learning are a stage in their own section.
    stages=(Stage("learning", "Each thought's innate reward and learned value, and the idea of the walk walk by walk",
                  figures=("chain", "learning"), params=("effort", "distance", "walks")),),
    present=present,
)

CONCEPTS = Widget(
    "concepts", "Valence as an axis of concepts",
    params=(
        Number("weight", "Weight on valence", min=0, max=3, step=0.25, default=1,
               help="How much valence counts, against everything else, when things are sorted into concepts."),
        Number("categories", "Concepts", min=2, max=6, step=1, default=4, integer=True, unit_words="concepts",
               help="How many clusters each mind carves the sixteen things into."),
        Number("disagree", "Disagreement about religion", min=0, max=1, step=0.1, default=1,
               help="How far person B's valence on each religious item (parish church, mosque, Buddhist temple, "
                    "monastery, Scientology) moves from A's to −0.7: at 1, B dislikes all five equally."),
    ),
    simulate=concepts,
    figures=((Figure("person_a", "Scatter plot: person A's thingspace, each thing by its ordinary features and A's "
                                 "valence, marked by the concept it falls in", present.person_a_figure, height=400),
              Figure("person_b", "Scatter plot: person B's thingspace, each thing by its ordinary features and B's "
                                 "valence, marked by the concept it falls in", present.person_b_figure, height=400)),),
    panels=(Panel("words", "panel_words.html", present.concepts_panel, before_figures=False),),
    present=present,
)

PAGE = Page(
    theme="valence",
    widgets=(TUMBLE, CANDY, CONCEPTS),
    examples=({"memory": 0}, {"noise": 30}, {"walks": 0}, {"hunger": 0}, {"thought": "eat"}, {"weight": 0},
              {"disagree": 0}, {"weight": 2.5}),
    extremes=({"strength": 2, "noise": 40, "memory": 40, "threshold": 5, "hunger": 1, "effort": 0.3, "distance": 8,
               "walks": 40, "weight": 3, "categories": 6, "disagree": 1},
              {"strength": 0, "noise": 0, "memory": 0, "threshold": -3, "hunger": 0, "effort": 0, "distance": 1,
               "walks": 0, "weight": 0, "categories": 2, "disagree": 0}),
)
