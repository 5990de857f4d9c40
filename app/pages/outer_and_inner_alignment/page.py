"""The outer-and-inner-alignment page: a boat-race agent that learns, with a loophole to open, a
critic that must guess about new plans, and the two situations where online learning comes too late."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Stage, Step, Widget

from . import present
from .model import DEPLOY, TRAIN, simulate


AGENT = Widget(
    "agent", "A boat that learns from its reward",
    params=(
        Choice("loophole", "Targets on the loop", default="open",
               options=(("open", "Respawn"), ("closed", "Once per race")),
               help="Each target hit pays 2; respawning, they pay again on every lap. The designer means the boat "
                    "to finish the race."),
        Choice("learning", "After training", default="online",
               options=(("online", "Keeps learning"), ("frozen", "Frozen")),
               help="Online learning: rewards in deployment still update the critic; train-then-deploy: it is frozen."),
        Number("error", "Critic's error on new plans", min=-10, max=12, step=1, default=6, unit_words="points",
               integer=True, help="How far off the critic's first guess for a plan it has never tried is: the guess "
                                  "minus what the designer's reward pays for that plan (for a look-alike, minus what it "
                                  "looks like it pays)."),
        Choice("editor", "A reward editor in the world", default="off",
               options=(("off", "No"), ("on", "Yes: it rewrites the reward")),
               help="An irreversible action, appearing in deployment: taking it once rewrites the reward function "
                    "for good."),
        Choice("island", "An addictive island", default="off",
               options=(("off", "No"), ("on", "Yes: pays 20, looks like 1")),
               help="It appears in deployment, and the critic's first guess for it is what it looks like it pays, 1, "
                    "plus the critic's error on new plans."),
        Choice("foresight", "Foresight about its own values", default="on",
               options=(("on", "By what it wants now"), ("off", "None")),
               help="With the island: whether it sees that one visit would change what it "
                    "wants, and judges that future by what it wants now. A frozen critic learns nothing from a "
                    "visit, so then there is nothing to foresee."),
        Step("race", "Race shown on the map", min=1, max=120, step=1, default=120, integer=True,
             unit_words="race", help="It opens at the last race: start at race 1 and press Next → to watch "
                                     "it learn. The map shows this race's route and the critic's values before it."),
    ),
    simulate=simulate,
    figures=(
        Figure("values", "Line chart: the critic's value of each plan before each race, training then deployment, "
                         "each race marked on the line of the plan it took", present.values_figure,
               height=present.VALUES_HEIGHT),
    ),
    panels=(Panel("map", "panel_map.html", present.panel, preview=True),),
    # The chart and the deployment's extras beside 'When correcting afterwards is too late' (issue 34, one stage each).
    stages=(Stage("deploy", "The critic's value of each plan, race by race, with the deployment's new plans",
                  figures=("values",), params=("editor", "island", "foresight")),),
    present=present,
    step_count=lambda r: TRAIN + DEPLOY,
)

PAGE = Page(
    theme="alignment",
    widgets=(AGENT,),
    examples=({"loophole": "closed"}, {"loophole": "closed", "learning": "frozen"}, {"editor": "on"},
              {"island": "on"}, {"island": "on", "foresight": "off"}, {"error": -6}),
    extremes=({"loophole": "closed", "learning": "frozen", "error": 12, "editor": "on", "island": "on",
               "foresight": "off"},
              {"loophole": "open", "learning": "online", "error": -10, "editor": "on", "island": "on", "foresight": "on"}),
)
