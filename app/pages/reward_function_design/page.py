"""The reward-function-design page: the starter pack's frames as a map, a reward that can punish
only the lies it catches (and one that also reads intent), and Reversi versus anti-Reversi."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Step, Widget

from . import present, reversi
from .model import board, lying, lying_many

LYING = Widget(
    "lying", "Punishing lies, or punishing getting caught",
    params=(
        Number("gain", "What a lie gains", min=0, max=10, step=0.5, default=4, unit="pts", unit_words="points",
               help="The reward a lie brings the agent when nobody punishes it."),
        Number("penalty", "Penalty if caught or flagged", min=0, max=20, step=1, default=10,
               unit="pts", unit_words="points", help="Taken away each time the overseer catches a lie, and each time the probe flags an answer."),
        Number("watched", "Chance a lie is caught, watched", min=0, max=100, step=5, default=80, unit="%",
               help="The agent can tell whether it is being watched."),
        Number("unwatched", "Chance a lie is caught, unwatched", min=0, max=100, step=5, default=10, unit="%",
               help="Some lies come out later anyway."),
        Number("accuracy", "Probe's accuracy at reading intent", min=50, max=100, step=5, default=90, unit="%",
               help="The non-behaviourist term: it flags a lie this often, and an honest answer the rest of the "
                    "time (50%: a coin toss)."),
        Choice("hide", "Can it learn to hide its intent?", default="no",
               options=(("no", "No"), ("yes", "Yes")),
               help="Yes: a hidden lie reads as honest to the probe. Our addition: what training against the probe itself could teach."),
    ),
    simulate=lying,
    simulate_many=lying_many,
    figures=((
        Figure("threshold", "Line chart: share of chances the trained agent lies, against the chance a lie is caught, "
                            "with a behaviourist reward and with the probe added", present.threshold_figure, height=262),
        Figure("learning", "Line chart: share of lies over training, in the watched and unwatched situations, "
                           "for each reward", present.learning_figure, height=262),
    ),),
    panels=(Panel("rooms", "panel_rooms.html", present.rooms_panel, preview=True),),
    present=present,
)

REVERSI = Widget(
    "reversi", "One minus sign: Reversi and anti-Reversi",
    params=(
        Choice("rules", "The reward's sign", default="reversi",
               options=(("reversi", "+ (Reversi)"), ("anti", "− (anti-Reversi)")),
               help="Of the final disc difference: the only line that differs between the two learners."),
        Number("games", "Games of self-play", min=0, max=200, step=10, default=200, unit_words="games", integer=True,
               help="How long it has trained, playing both sides."),
        Step("move", "Move of the game shown", min=0, max=12, step=1, default=0, integer=True, unit_words="move",
             help="One game of the trained learner (filled discs, moving first) against a random player (hollow); 0 is the start."),
    ),
    simulate=board,
    figures=((
        Figure("weights", "Line chart: the learner's value of holding a corner, an edge and a centre square, over "
                          "training, for this reward's sign", present.weights_figure, height=270),
        Figure("results", "Line chart: discs the learner ends with against a random player, over training, for "
                          "each sign of the reward", present.results_figure, height=270),
    ),),
    panels=(Panel("board", "panel_board.html", present.board_panel, preview=True),),
    present=present,
    step_count=lambda r: len(r.demo.squares),
)

PAGE = Page(
    theme="alignment",
    widgets=(LYING, REVERSI),
    examples=({"unwatched": 50}, {"accuracy": 60}, {"hide": "yes"}, {"penalty": 20}, {"gain": 0},
              {"rules": "anti"}, {"games": 0}, {"rules": "anti", "move": 3}),
    extremes=({"gain": 10, "penalty": 0, "watched": 100, "unwatched": 0, "accuracy": 50, "hide": "yes",
               "rules": "anti", "games": 0, "move": 0},
              {"gain": 0, "penalty": 20, "watched": 0, "unwatched": 100, "accuracy": 100, "hide": "no",
               "rules": "reversi", "games": 200, "move": 12}),
)

# Train both learners once, when the server starts (about 0.25 s), so no reader's request waits for it.
for _sign in (1, -1):
    reversi.train(_sign)
