"""The two-paths page's model: pure, deterministic, no web code.

`hedge`: a research budget split between the two paths to brain-like AGI safety, controlled AGI and
social-instinct AGI. Each path works only if it is feasible at all, if the research finds the way
(more likely with more effort, with diminishing returns), and if, once found, it turns out to be
something we want. Ideas transfer: a share of the effort on one path also counts for the other.
The paths' feasibility and desirability are independent (our simplification). The result is the
chance that at least one path works, for every split of the budget.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

SPLITS = tuple(i / 20 for i in range(21))     # share of effort on controlled AGI, for the curve


@dataclass(frozen=True)
class Hedge:
    feasible: dict[str, float]       # "controlled", "social": chance the path is possible at all
    desirable: dict[str, float]      # chance it is something we want, if it works
    transfer: float                  # share of effort on one path that also counts for the other
    returns: float                   # effort that finds a feasible path's way with chance 1 - 1/e
    curve: dict[float, float]        # share on controlled -> chance at least one path works
    path_chance: dict[float, dict[str, float]]   # share on controlled -> each path's own chance
    best_share: float                # the share on controlled that does best (the first if tied)

    @property
    def only_controlled(self) -> float:
        return self.curve[1.0]

    @property
    def only_social(self) -> float:
        return self.curve[0.0]

    @property
    def better_end(self) -> float:
        """The chance with all the effort on the better path alone."""
        return max(self.only_controlled, self.only_social)

    @property
    def even(self) -> float:
        return self.curve[0.5]

    @property
    def best(self) -> float:
        return self.curve[self.best_share]

    def if_impossible(self, path: str, share: float) -> float:
        """Chance of success at this split if `path` turns out to be impossible (the other path alone)."""
        other = "social" if path == "controlled" else "controlled"
        return self.path_chance[share][other]


def found(effort: float, returns: float) -> float:
    """Chance the research finds a feasible path's way, given effort (a share of the whole budget)."""
    return 1 - math.exp(-effort / returns)


def hedge(controlled_feasible: float, social_feasible: float, controlled_desirable: float,
          social_desirable: float, transfer: float, returns: float) -> Hedge:
    feasible = {"controlled": controlled_feasible, "social": social_feasible}
    desirable = {"controlled": controlled_desirable, "social": social_desirable}
    curve, chances = {}, {}
    for share in SPLITS:
        effort = {"controlled": share + transfer * (1 - share), "social": (1 - share) + transfer * share}
        own = {p: feasible[p] * desirable[p] * found(effort[p], returns) for p in feasible}
        chances[share] = own
        curve[share] = 1 - (1 - own["controlled"]) * (1 - own["social"])
    top = max(curve.values())
    best_share = next(s for s in SPLITS if curve[s] >= top - 1e-12)
    return Hedge(feasible=feasible, desirable=desirable, transfer=transfer, returns=returns, curve=curve,
                 path_chance=chances, best_share=best_share)
