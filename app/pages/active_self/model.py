"""The Active Self page's models: pure, deterministic, no web code.

1. Sorting: actions placed by the reader (caused by the Active Self or not) against the division Byrnes
   says the brain's learning algorithm uses (voluntary or involuntary).
2. Desires: a hundred evenings of a mind pulled toward slacking off, brainstorming toward whatever
   self-image feels good (set by how the reader's circle regards it), and an introspector that labels
   each desire internalised or externalised from where the brainstorming went.
3. Counsel or manipulation: an interaction labelled by the nearer of two remembered prototypes in a
   space of what was done (pressure, disclosure) and how it felt, with feelings weighted by the reader; one
   rule names the label everywhere (the sentence, the sweep, the chart), with an exact tie called a tie.
4. Inference: two intuitive self-models of the same experience, weighed by how well each predicts it and
   by the prior a culture gives each.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# --- 0. The cloud of self-related concepts ------------------------------------------------------------

PARTS = ("awareness", "body", "goals", "story", "character")
FIXED = {"story": 0.5, "character": 0.5}      # links the reader does not set (ours)
BLEND = 0.8                                    # a link this tight: the two feel like one concept (ours)
REACH = 0.5                                    # activation this high: the thought comes to mind


@dataclass(frozen=True)
class Cloud:
    links: dict[str, float]          # each part's link to the Active Self
    reached: dict[str, float]        # activation of each other part when something is in awareness

    @property
    def blended(self) -> tuple[str, ...]:
        return tuple(p for p in PARTS if self.links[p] >= BLEND)

    @property
    def bridged(self) -> tuple[str, ...]:
        return tuple(p for p in PARTS[1:] if self.reached[p] >= REACH)


def cloud(awareness: float, body: float, goals: float) -> Cloud:
    """Spreading activation: a thought in awareness activates the Active Self by the awareness link, and each
    other part by that times the part's own link: the Active Self is the only route between them."""
    links = {"awareness": awareness, "body": body, "goals": goals, **FIXED}
    reached = {p: round(awareness * links[p], 4) for p in PARTS[1:]}
    return Cloud(links, reached)


# --- 1. Sorting ----------------------------------------------------------------------------------------

# (id, action, voluntary?, why) — our examples, classified by Byrnes's criterion: voluntary actions are the
# cortex's outputs, kept or dropped by valence; involuntary ones are brainstem reactions.
ACTIONS = (
    ("stand", "Deciding to stand up", True, "a plan the cortex proposed and valence let through"),
    ("itch", "Scratching an itch you meant to leave alone", True, "a motor output the cortex issued once the thought of scratching won"),
    ("phone", "Checking your phone out of habit", True, "a learned motor plan, issued by the cortex"),
    ("attend", "Making yourself listen to a dull lecture", True, "attention control, an output of the cortex"),
    ("laugh", "Laughing at a joke", False, "a brainstem reaction the joke triggers"),
    ("blush", "Blushing", False, "a brainstem reaction"),
    ("flinch", "Flinching at a bang", False, "a brainstem reflex"),
    ("heart", "Your heart racing before a talk", False, "a brainstem reaction"),
)
ACTION_IDS = tuple(a[0] for a in ACTIONS)


@dataclass(frozen=True)
class Sorting:
    placed: tuple[bool, ...]       # per action: the reader says the Active Self caused it
    voluntary: tuple[bool, ...]    # per action: voluntary by Byrnes's criterion

    @property
    def across(self) -> tuple[str, ...]:
        """Actions where the two divisions disagree."""
        return tuple(a for a, p, v in zip(ACTION_IDS, self.placed, self.voluntary) if p != v)


def sorting(**placed: str) -> Sorting:
    return Sorting(tuple(placed.get(a, "self") == "self" for a in ACTION_IDS), tuple(a[2] for a in ACTIONS))


# --- 2. Desires ----------------------------------------------------------------------------------------

EVENINGS = 100
SEED = 3
NOISE = 0.3


@dataclass(frozen=True)
class Desires:
    approve_study: float
    approve_slack: float
    urge: float
    toward: dict[str, float]       # share of evenings with brainstorming toward each outcome
    against: dict[str, float]      # share with brainstorming toward avoiding it
    happened: dict[str, float]     # share of evenings it happened
    nights: tuple[str, ...]        # what happened each evening: "study" or "slack"
    swapped: tuple[str, str] = ("", "")   # the labels for (study, slack) with the two approvals swapped

    def label(self, outcome: str) -> str:
        """What the introspector concludes: 'internalised' (brainstorming toward it on most evenings),
        'externalised' (brainstorming against it, yet it happens on a quarter of evenings or more) or 'absent'."""
        if self.toward[outcome] >= 0.5:
            return "internalised"
        if self.happened[outcome] >= 0.25:
            return "externalised"
        return "absent"


def desires(approve_study: float, approve_slack: float, urge: float) -> Desires:
    d = _evenings(approve_study, approve_slack, urge)
    s = _evenings(approve_slack, approve_study, urge)
    return Desires(**{**d.__dict__, "swapped": (s.label("study"), s.label("slack"))})


def _evenings(approve_study: float, approve_slack: float, urge: float) -> Desires:
    """Each evening: the self-images "me studying" and "me slacking off" feel as good as the reader's circle
    makes them (plus noise); the mind brainstorms toward a self-image that feels good and against one that
    feels bad. Slacking happens when the urge, plus the pull or push of that planning, wins."""
    rng = np.random.default_rng(SEED)
    v_study = approve_study + NOISE * rng.normal(size=EVENINGS)
    v_slack = approve_slack + NOISE * rng.normal(size=EVENINGS)
    pull = urge + NOISE * rng.normal(size=EVENINGS)
    slack = pull + 0.4 * np.sign(v_slack) - 0.3 * (v_study > 0) + 0.3 * (v_study < 0) > 0.2
    toward = {"study": float(np.mean(v_study > 0)), "slack": float(np.mean(v_slack > 0))}
    against = {"study": float(np.mean(v_study < 0)), "slack": float(np.mean(v_slack < 0))}
    happened = {"study": float(np.mean(~slack)), "slack": float(np.mean(slack))}
    return Desires(approve_study, approve_slack, urge, toward, against, happened,
                   tuple("slack" if s else "study" for s in slack))


# --- 3. Self-models as inference ---------------------------------------------------------------------

EXPERIENCES = 40


@dataclass(frozen=True)
class Inference:
    fit: float                      # per experience: how much better "my own thought" predicts it (log odds)
    culture: float                  # the prior the culture gives "a voice from outside me"
    posterior: tuple[float, ...]    # P(outside voice) after 0, 1, ... experiences, with this culture
    baseline: tuple[float, ...]     # the same with a culture that gives it 1%


def inference(fit: float, culture: float, experiences: int = EXPERIENCES) -> Inference:
    """Bayesian updating between two intuitive models of the same inner experience. Each experience's
    evidence is `fit`, in log odds toward "my own thought" (0: both models predict it equally well)."""
    evidence = np.full(experiences, fit)
    def run(prior: float) -> tuple[float, ...]:
        logodds = np.log(prior / (1 - prior)) - np.concatenate([[0.0], np.cumsum(evidence)])
        # Twelve places (no floating-point dust), and a belief that starts short of certainty never reaches it: it
        # stops at 0.0001 or 0.9999 rather than at 0 or 1 (which the page would have to call "none" or "all").
        return tuple(min(max(round(float(v), 12), 0.0001), 0.9999) for v in 1 / (1 + np.exp(-logodds)))
    return Inference(fit, culture, run(culture), run(0.01))


# --- 4. Counsel or manipulation ------------------------------------------------------------------------

# Remembered prototypes (ours): (pressure, disclosure, felt valence).
PROTOTYPES = {"counsel": (0.3, 0.9, 0.8), "manipulation": (0.7, 0.3, -0.8)}
FEELINGS = tuple(round(-1 + 0.1 * i, 1) for i in range(21))    # the feelings the sweep labels
TIE = "either"                                                   # the two prototypes exactly as near


def _squared(pressure: float, disclosure: float, feeling: float, weight: float, prototype: str) -> float:
    p, q, f = PROTOTYPES[prototype]
    return (pressure - p) ** 2 + (disclosure - q) ** 2 + (weight * (feeling - f)) ** 2


def _lean(pressure: float, disclosure: float, feeling: float, weight: float) -> float:
    """Squared distance to counsel minus squared distance to manipulation: negative, nearer counsel. Rounded to 9
    places (every slider value has at most 2, so the exact difference has at most 6): equal distances are equal."""
    return round(_squared(pressure, disclosure, feeling, weight, "counsel")
                 - _squared(pressure, disclosure, feeling, weight, "manipulation"), 9)


def word(lean: float) -> str:
    """The one rule for every label: the nearer prototype's name, or TIE when both are exactly as near."""
    return "counsel" if lean < 0 else "manipulation" if lean > 0 else TIE


@dataclass(frozen=True)
class Vibe:
    pressure: float
    disclosure: float
    feeling: float
    weight: float
    distance: dict[str, float]     # weighted distance to each prototype (rounded for the API)
    lean: float                    # squared distance to counsel minus to manipulation (see _lean)
    sweep: tuple[str, ...]         # the label at each feeling in FEELINGS, what was done held fixed
    boundary: float | None         # the feeling at which both prototypes are exactly as near (None: at none)
    low: str                       # the label at the lowest feeling (-1) and at the highest (+1)
    high: str

    @property
    def label(self) -> str:
        return word(self.lean)

    @property
    def flip(self) -> float | None:
        """The feeling at which the label changes, with what was done held fixed, if it is on the slider."""
        return self.boundary if self.boundary is not None and -1 <= self.boundary <= 1 else None


def vibe(pressure: float, disclosure: float, feeling: float, weight: float) -> Vibe:
    lean = _lean(pressure, disclosure, feeling, weight)
    at_zero, at_one = _lean(pressure, disclosure, 0.0, weight), _lean(pressure, disclosure, 1.0, weight)
    # The prototypes' feelings enter both squared distances with the same weight, so the lean is linear in the
    # feeling: it is zero at one feeling, or (weight 0) at every feeling or none.
    boundary = None if at_one == at_zero else round(-at_zero / (at_one - at_zero), 6)
    sweep = tuple(word(_lean(pressure, disclosure, f, weight)) for f in FEELINGS)
    distance = {k: round(float(np.sqrt(_squared(pressure, disclosure, feeling, weight, k))), 4) for k in PROTOTYPES}
    return Vibe(pressure, disclosure, feeling, weight, distance, lean, sweep, boundary, sweep[0], sweep[-1])
