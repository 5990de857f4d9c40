"""The sharp-takeoff page's models: pure, deterministic, no web code.

Climb: capability against cumulative R&D (person-years) for two learners, on our capability scale
(relevant at all 40, human level 60, superintelligence 100). Both follow one rule past a plateau (a
graded ceiling): once a learner stands at the level its way of learning reaches easily, each further
BEYOND points of capability take ten times as much R&D in total, so a ceiling below ASI makes the climb to
ASI long, not impossible.

* The imitation learner climbs fast toward existing human knowledge (human level, 60), its plateau, and past
  it only by that slow rule. (Byrnes says only that past this natural ceiling it is unclear how to make such
  AI much better; the slow rule is ours.)
* The from-scratch learner must get past 20 blockers (key insights) before it can reach ASI, each costing
  the same R&D; a share of them stand only after it is "relevant at all", the rest before. Blockers after
  relevance may each cost more than the last (steepening); after the last one, tuning and training take it to
  its ceiling (ASI at most on this chart; beyond ASI, training time rather than R&D does the rest). A ceiling
  below ASI is its plateau, past which the slow rule applies.

The gap between relevance and ASI is computed from these: the later blockers' cost, the tuning, and the slow
climb past a ceiling below ASI. With no blocker after relevance and no ceiling below ASI, it is the tuning
alone: that is Byrnes's assumption, and the page says so rather than presenting it as a finding.

Language: learners with and without grammatical input. An imitation learner is trained on a fixed
corpus and reproduces its statistics; a group of from-scratch learners plays a naming game (Steels's
minimal version: a speaker names a meaning, a hearer who knows that name agrees and both drop rivals,
otherwise the hearer learns it), so a shared code can arise where none was given.
"""
from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass
from functools import cached_property, lru_cache

RELEVANT, HUMAN, ASI = 40.0, 60.0, 100.0
BLOCKERS = 20                     # key insights between nothing and ASI (our number)
BLOCK_COST = 500.0                # person-years of R&D for each, before any steepening (our number)
IMITATION_CEILING = HUMAN         # existing human knowledge: where imitation gets easily, its plateau
IMITATION_SCALE = 300.0           # person-years for the imitation learner to get most of the way there
BEYOND = 10.0                     # past a plateau, each tenfold of total R&D adds this many points (our number)
IMITATION_SLOW = 1000.0           # person-years from which the imitation learner's slow climb counts (our number)
X_MIN, X_MAX = 1.0, 1e12          # R&D range plotted at least (person-years); wider when a climb takes longer


def imitation(r: float) -> float:
    """The imitation learner: most of existing human knowledge quickly, then only the slow climb past it
    (tracked up to ASI)."""
    return min(ASI, IMITATION_CEILING * (1.0 - math.exp(-r / IMITATION_SCALE))
               + BEYOND * math.log10(1.0 + r / IMITATION_SLOW))


def imitation_reaches(level: float) -> float:
    """R&D at which the imitation learner reaches `level` (it rises strictly until ASI): bisection in log R&D."""
    lo, hi = 0.0, 15.0
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if imitation(10 ** mid) < level else (lo, mid)
    return 10 ** hi


@lru_cache(maxsize=None)
def imitation_marks() -> tuple[float, float]:
    """R&D at which the imitation learner becomes relevant at all, and at which it reaches ASI."""
    return imitation_reaches(RELEVANT), imitation_reaches(ASI)


@dataclass(frozen=True)
class Climb:
    later: float                  # share of blockers that stand only after "relevant at all"
    steepening: float             # each blocker after relevance costs this many times the one before
    tuning: float                 # person-years of tuning once the last blocker falls
    ceiling: float                # the from-scratch learner's ceiling (capability)
    before: int                   # blockers before relevance
    after: int                    # blockers after relevance
    relevant_at: float            # R&D when the from-scratch learner becomes relevant at all
    steps: tuple[tuple[float, float], ...]   # (R&D, capability) corners of its climb after relevance, to its ceiling
    asi_at: float                 # R&D when it reaches ASI
    imitation_relevant_at: float  # R&D when the imitation learner becomes relevant at all
    imitation_asi_at: float       # R&D when the imitation learner reaches ASI

    @property
    def gap(self) -> float:
        """Person-years of R&D between "relevant at all" and ASI."""
        return self.asi_at - self.relevant_at

    @property
    def imitation_gap(self) -> float:
        return self.imitation_asi_at - self.imitation_relevant_at

    @property
    def top(self) -> float:
        """Its plateau: the ceiling, or ASI if the ceiling is not below it."""
        return min(self.ceiling, ASI)

    @cached_property
    def _corners(self) -> tuple[tuple[tuple[float, float], ...], list[float]]:
        points = ((self.relevant_at, RELEVANT),) + self.steps
        return points, [r for r, _ in points]

    def scratch_curve(self, rs: list[float]) -> list[float]:
        """[scratch(r) for r in rs], for rs in ascending order, in one walk along the corners (the figure's curve)."""
        points, at = self._corners
        out, i, n = [], 1, len(points)
        r_top, top = points[-1][0], self.top
        for r in rs:
            if r < self.relevant_at:
                out.append(RELEVANT * r / self.relevant_at)
                continue
            while i < n and at[i] <= r:
                i += 1
            if i < n:
                (r0, c0), (r1, c1) = points[i - 1], points[i]
                out.append(c0 + (c1 - c0) * (r - r0) / (r1 - r0) if r > r0 else c0)
            elif top >= ASI or r <= r_top:     # past the last corner: as scratch() goes on
                out.append(top)
            else:
                out.append(min(ASI, top + BEYOND * math.log10(r / r_top)))
        return out

    def scratch(self, r: float) -> float:
        """The from-scratch learner's capability after r person-years of R&D."""
        if r < self.relevant_at:
            return RELEVANT * r / self.relevant_at     # laborious: proportional to the blockers solved so far
        points, at = self._corners
        i = bisect.bisect_right(at, r)                 # the first corner beyond r: r lies on the stretch before it
        if i < len(points):
            (r0, c0), (r1, c1) = points[i - 1], points[i]
            return c0 + (c1 - c0) * (r - r0) / (r1 - r0) if r > r0 else c0
        r_top = points[-1][0]
        if self.top >= ASI or r <= r_top:
            return self.top
        return min(ASI, self.top + BEYOND * math.log10(r / r_top))   # the slow climb past a ceiling below ASI


def climb(later: float, steepening: float, tuning: float, ceiling: float) -> Climb:
    before = max(1, round(BLOCKERS * (1 - later)))  # at least one insight makes the paradigm work at all
    after = BLOCKERS - before
    relevant_at = before * BLOCK_COST
    top = min(ceiling, ASI)
    steps, r, cost = [], relevant_at, BLOCK_COST
    for k in range(1, after + 1):                   # each blocker after relevance raises the ceiling one step
        cost *= steepening
        r += cost
        steps.append((r, RELEVANT + (top - RELEVANT) * k / (after + 1)))
    r += tuning                                     # then tuning and training climb to its plateau
    steps.append((r, top))
    if top >= ASI:                                  # ASI where the climb first reaches it
        points = ((relevant_at, RELEVANT),) + tuple(steps)
        asi_at = next(r0 + (r1 - r0) * (ASI - c0) / (c1 - c0) if c1 > c0 and r1 > r0 else r1
                      for (r0, c0), (r1, c1) in zip(points, points[1:]) if c1 >= ASI)
    else:                                           # past a ceiling below ASI: BEYOND points per tenfold of R&D
        asi_at = r * 10 ** ((ASI - top) / BEYOND)
    imitation_relevant_at, imitation_asi_at = imitation_marks()
    return Climb(later, steepening, tuning, ceiling, before, after, relevant_at, tuple(steps), asi_at,
                 imitation_relevant_at, imitation_asi_at)


@dataclass(frozen=True)
class Language:
    exposure: str                 # "grammatical" | "none"
    learners: int
    rounds: int
    success: tuple[float, ...]    # the group's communicative success per block of 100 interactions
    imitation_success: float      # two imitation learners trained on the same corpus, understanding each other
    shared_code: float            # share of meanings on which every learner's preferred word agrees
    words_in_use: int             # distinct words still in use across the group


MEANINGS = 6
ADULT_CODE = {m: f"w{m}" for m in range(MEANINGS)}     # the grammatical input: one word per meaning
GESTURES = 40                                         # unstructured gestures: none reliably tied to a meaning
CORPUS = 600                                          # utterances an imitation learner is trained on
BLOCK = 100


def language(exposure: str, learners: int, rounds: int) -> Language:
    rng = random.Random(1987)
    given = exposure == "grammatical"
    # From-scratch learners: with input they start from the adults' words; without, from nothing.
    vocab = [{m: [ADULT_CODE[m]] for m in range(MEANINGS)} if given else {m: [] for m in range(MEANINGS)}
             for _ in range(learners)]
    invented = 0
    hits, success = [], []
    for t in range(rounds):
        s, h = rng.sample(range(learners), 2)
        m = rng.randrange(MEANINGS)
        if not vocab[s][m]:
            invented += 1
            vocab[s][m].append(f"n{invented}")          # a new sign, made up on the spot
        word = rng.choice(vocab[s][m])
        if word in vocab[h][m]:
            vocab[s][m], vocab[h][m] = [word], [word]   # understood: both settle on it
            hits.append(1)
        else:
            vocab[h][m].append(word)
            hits.append(0)
        if len(hits) == BLOCK:
            success.append(sum(hits) / BLOCK)
            hits = []
    shared = sum(1 for m in range(MEANINGS)
                 if all(v[m] and v[m][0] == vocab[0][m][0] and len(v[m]) == 1 for v in vocab)) / MEANINGS
    words = len({w for v in vocab for m in range(MEANINGS) for w in v[m]})
    # Imitation learners: fit word frequencies per meaning on a fixed corpus, then speak by sampling them.
    corpus_rng = random.Random(7)
    gestures = [f"g{i}" for i in range(GESTURES)]
    corpus = [(m, ADULT_CODE[m] if given else corpus_rng.choice(gestures))
              for m in (corpus_rng.randrange(MEANINGS) for _ in range(CORPUS))]
    table: dict[int, dict[str, int]] = {m: {} for m in range(MEANINGS)}
    for m, w in corpus:
        table[m][w] = table[m].get(w, 0) + 1
    # Chance that a word one imitation learner samples for a meaning is the one another would most expect.
    agree = []
    for m in range(MEANINGS):
        counts = table[m]
        total = sum(counts.values())
        top = max(counts.values()) if counts else 0
        agree.append(top / total if total else 0.0)
    return Language(exposure, learners, rounds, tuple(success), sum(agree) / MEANINGS, shared, words)
