"""The Active Self page: a sorting game for the two ways of dividing actions, a hundred evenings of
internalised and externalised desires, self-models as inference, and counsel versus manipulation."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Widget

from . import present
from .model import ACTIONS, cloud, desires, inference, sorting, vibe

CLOUD = Widget(
    "cloud", "The parts of the self, and how tightly they hold together",
    params=(
        Number("awareness", "Awareness to the Active Self", min=0, max=1, step=0.1, default=0.9,
               help="How tightly awareness is tied to the Active Self (0: cut loose, as Byrnes describes some long-term meditators)."),
        Number("body", "Body and feelings to the Active Self", min=0, max=1, step=0.1, default=0.9,
               help="How tightly the body and its feelings are tied to the Active Self."),
        Number("goals", "Goals to the Active Self", min=0, max=1, step=0.1, default=0.8,
               help="How tightly your goals are tied to the Active Self."),
    ),
    simulate=cloud,
    figures=(Figure("reach", "Horizontal bar chart: how strongly something in awareness brings each other part of the "
                             "self to mind, through the Active Self", present.reach_figure, height=260),),
    panels=(Panel("drawing", "panel_cloud.html", present.cloud_panel),),
    present=present,
)

# The default placements are a common intuitive answer (ours), not Byrnes's chart.
INTUITIVE = {"stand": "self", "itch": "not", "phone": "not", "attend": "self", "laugh": "not", "blush": "not",
             "flinch": "not", "heart": "not"}

# Legends short enough for one line in a half-width cell beside the prose (sentences keep the model's full names).
LEGEND = {"itch": "Giving in and scratching an itch", "phone": "Checking your phone by habit",
          "attend": "Making yourself pay attention"}

SORT = Widget(
    "sort", "Who did it? Sort the actions",
    params=tuple(Choice(a, LEGEND.get(a, label), options=(("self", "I did it"), ("not", "It happened to me")),
                        default=INTUITIVE[a], help="Was it the Active Self's doing, as it feels to you?")
                 for a, label, _, _ in ACTIONS),
    simulate=sorting,
    figures=(Figure("tally", "Bar chart: how many of your placements match the voluntary / involuntary division, and "
                             "how many cut across it", present.tally_figure, height=136),),
    panels=(Panel("grid", "panel_grid.html", present.grid_panel),),
    present=present,
    live_update=False, submit_label="Check my sorting",
)

DESIRES = Widget(
    "desires", "What I want, and what besets me",
    params=(
        Number("approve_study", "Your circle on studying", min=-1, max=1, step=0.1, default=0.8,
               help="How your friends and idols regard studiousness: −1 shun it, +1 celebrate it."),
        Number("approve_slack", "Your circle on slacking off", min=-1, max=1, step=0.1, default=-0.8,
               help="How they regard slacking off: −1 shun it, +1 celebrate it."),
        Number("urge", "Urge to slack off", min=0, max=1.5, step=0.05, default=0.8,
               help="How strongly tiredness and the rest pull you toward slacking off, evening by evening."),
    ),
    simulate=desires,
    figures=(Figure("shares", "Grouped bar chart: for studying and for slacking off, the share of evenings with "
                              "brainstorming toward it, against it, and on which it happened", present.shares_figure,
                    height=320),),
    panels=(Panel("images", "panel_images.html", present.images_panel, preview=True),),
    present=present,
)

PRIOR = Widget(
    "prior", "Two self-models, one experience",
    params=(
        Number("fit", "Evidence for “my own thought”", min=-0.3, max=0.3, step=0.01, default=0,
               help="How much better, per experience, “it is my own thought” predicts it than “a voice from outside” (0: equally well)."),
        Number("culture", "Cultural prior for an outside voice", min=1, max=60, step=1, default=20, unit="%",
               help="How plausible your culture and trusted authorities make the outside-voice model before any experience."),
    ),
    simulate=inference,
    figures=(Figure("belief", "Line chart: belief in the outside-voice model over forty experiences, with your "
                              "culture's prior and with a 1% prior", present.posterior_figure, height=330),),
    present=present,
)

VIBE = Widget(
    "vibe", "Counsel or manipulation?",
    params=(
        Number("pressure", "Pressure", min=0, max=1, step=0.05, default=0.55,
               help="How hard the other person pushed (0: not at all)."),
        Number("disclosure", "Disclosure", min=0, max=1, step=0.05, default=0.55,
               help="How openly they said what they wanted and why (1: everything)."),
        Number("feeling", "How the outcome feels to you", min=-1, max=1, step=0.1, default=0.5,
               help="−1: you wish it had not happened; +1: you are glad it did."),
        Number("weight", "Weight on feeling", min=0, max=3, step=0.25, default=1,
               help="How much the feeling counts, against what was done, when the mind picks a word for it."),
    ),
    simulate=vibe,
    figures=(Figure("sweep", "Dot chart: the label the person gives at each feeling from −1 to +1, with what was done "
                             "held fixed, and this interaction marked", present.sweep_figure, height=250),),
    present=present,
)

PAGE = Page(
    theme="self-models",
    widgets=(CLOUD, SORT, DESIRES, PRIOR, VIBE),
    examples=({"awareness": 0}, {"body": 0.3}, {"laugh": "self"}, {"itch": "self", "phone": "self"}, {"approve_study": -0.8, "approve_slack": 0.8},
              {"urge": 0.2}, {"culture": 60}, {"fit": 0.1}, {"feeling": -0.5}, {"weight": 0}),
    extremes=({"awareness": 1, "body": 1, "goals": 1, "approve_study": 1, "approve_slack": 1, "urge": 1.5, "fit": 0.3, "culture": 60, "pressure": 1,
               "disclosure": 0, "feeling": 1, "weight": 3, **{a[0]: "not" for a in ACTIONS}},
              {"awareness": 0, "body": 0, "goals": 0, "approve_study": -1, "approve_slack": -1, "urge": 0, "fit": -0.3, "culture": 1, "pressure": 0,
               "disclosure": 1, "feeling": -1, "weight": 0, **{a[0]: "self" for a in ACTIONS}}),
)
