"""The safety-problem page's models: pure, deterministic, no web code.

* `chain`: the knife-edge at k = 1. Point reactor kinetics with one group of delayed neutrons
  (textbook constants), at a fixed multiplication factor, solved exactly.
* `rods`: control rods before the chain reaction. Crews bring a pile up to a planned excess
  reactivity; a technical fix (control rods that trip automatically, a passively safe design whose
  feedback no one can switch off, or both) is ready some time before or after the first chain
  reaction; some crews break procedure (disable the trip and push further). Each crew is simulated
  with the same kinetics; the result is the share of crews whose pile runs away.
* `contingency`: research effort split across three scenarios with diminishing returns, paying
  off only in the scenario that happens (or, for the 1870 flight question, in the blend that did).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence
from statistics import NormalDist

import numpy as np

# Textbook one-group constants (thermal reactor): delayed fraction, their precursors' decay rate, and
# the neutron generation time of a graphite pile like Fermi's (about a millisecond).
BETA = 0.0065
DECAY = 0.08        # per second
GENERATION = 1e-3   # seconds


def reactivity(k: float) -> float:
    return (k - 1) / k


# ------------------------------------------------------------------------------ the knife-edge

@dataclass(frozen=True)
class Chain:
    k: float
    delayed: bool
    rho_dollars: float          # reactivity in units of the delayed fraction ("dollars")
    prompt_critical: bool       # k so high that prompt neutrons alone sustain growth
    rate: float                 # growth rate per second of the lasting mode (negative: dying out)
    times: np.ndarray           # seconds
    population: dict[str, np.ndarray]   # "with" and "without" delayed neutrons, relative to the start

    @property
    def doubling(self) -> float:
        """Seconds to double (positive) or halve (negative); inf when steady."""
        return math.inf if self.rate == 0 else math.log(2) / self.rate


def kinetics_rates(rho: float) -> tuple[float, float]:
    """The two growth rates (eigenvalues) of one-group point kinetics at constant reactivity."""
    a, b, c, d = (rho - BETA) / GENERATION, DECAY, BETA / GENERATION, -DECAY
    tr, det = a + d, a * d - b * c
    root = math.sqrt(tr * tr / 4 - det)
    return tr / 2 + root, tr / 2 - root


def with_delayed(rho: float, times: np.ndarray) -> tuple[float, np.ndarray]:
    """Population from equilibrium (precursors matched to n = 1) at constant reactivity, exactly."""
    s1, s2 = kinetics_rates(rho)
    # n(t) = a1 e^{s1 t} + a2 e^{s2 t}, n(0) = 1, n'(0) = (rho/GENERATION) n(0) (precursors in balance).
    slope = rho / GENERATION
    a1 = (slope - s2) / (s1 - s2)
    with np.errstate(over="ignore"):
        n = a1 * np.exp(s1 * times) + (1 - a1) * np.exp(s2 * times)
    return (0.0 if abs(rho) < 1e-12 else s1), n


def chain(k: float, delayed: str, seconds: float = 60.0) -> Chain:
    rho = reactivity(k)
    times = np.linspace(0.0, seconds, 241)
    rate_d, n_d = with_delayed(rho, times)
    rate_p = (k - 1) / GENERATION           # every neutron prompt: the generation time alone sets the pace
    with np.errstate(over="ignore"):
        n_p = np.exp(rate_p * times)
    on = delayed == "with"
    return Chain(k=k, delayed=on, rho_dollars=rho / BETA, prompt_critical=rho >= BETA,
                 rate=rate_d if on else rate_p, times=times, population={"with": n_d, "without": n_p})


# ---------------------------------------------------------------- control rods before the reaction

START = -0.5          # $: the pile's reactivity when the crews start raising it
TRIP = 100.0          # power (source level = 1) at which a ready, enabled trip drops the rods
DAMAGE = 1e6          # power at which the pile is damaged: a runaway
FEEDBACK_SPAN = 6.0   # decades of power over which a passive design's feedback builds to its full strength
HORIZON = 480.0       # seconds simulated
DT = 1.0              # seconds per step (backward Euler: stable for these stiff equations)
CREWS = 16            # crews per kind, one per quantile of the planned excess
SPREAD = 0.5          # log-spread of the crews' planned excess (lognormal)
READY_SWEEP = tuple(range(-120, 241, 30))             # s, for the "how early" curve
STRENGTH_SWEEP = tuple(x / 4 for x in range(0, 13))   # $, for the "how good" curve
DESIGNS = ("none", "rods", "passive", "both")
GRADED = DESIGNS[1:]      # the designs whose strength is swept ("none" has no strength)


@dataclass(frozen=True)
class Rods:
    design: str
    strength: float            # $: rod worth and/or passive feedback at full strength
    ready: float               # s after the first chain reaction (negative: before)
    compliance: float          # 0..1, share of crews that follow procedure
    ramp: float                # $ per minute
    excess: float              # $: the median crew's planned excess reactivity
    push: float                # $: how much further a rule-breaking crew goes
    critical_at: float         # s: when the pile first goes critical
    runaway: float             # share of all crews whose pile runs away
    runaway_compliant: float
    runaway_breaking: float
    times: np.ndarray
    typical: dict[str, np.ndarray]    # "compliant" and "breaking": the median crew's power over time
    tripped_at: float | None          # s, when the median compliant crew's rods dropped (None: never)
    by_ready: dict[float, float]      # ready time -> share of crews running away (this design)
    by_strength: dict[str, dict[float, float]]   # design -> strength -> share running away ("none": any)
    perfect: float              # this design at its strongest, ready as early as the curve goes: share running away
    rods_early: float           # rods alone at this strength, ready as early as the curve goes: share running away
    perfect_compliant: float    # ... among crews that follow procedure
    perfect_breaking: float     # ... among crews that break it
    unfixed_compliant: float    # with no fix at all: share of careful crews whose pile runs away
    unfixed_breaking: float     # ... of rule-breaking crews

    @property
    def rods_in_use(self) -> float:
        """Share of crews whose piles keep working rods (the others disable the trip)."""
        return self.compliance if has_rods(self.design) else 0.0

    @property
    def boldest_breaking(self) -> float:
        """The boldest rule-breaking crew's plan ($): the top quantile of the planned excess, plus the push."""
        return _quantiles(self.excess)[-1] + self.push

    @property
    def reachable(self) -> float:
        """The highest reactivity any crew reaches in the simulated time at this ramp ($), whatever it planned."""
        return START + self.ramp / 60.0 * HORIZON

    @property
    def passive_in_place(self) -> bool:
        """Whether the pile was built with the passive design (it must be there before the first reaction)."""
        return passive_built_in(self.design, self.ready)


@lru_cache(maxsize=64)
def _quantiles(median: float) -> tuple[float, ...]:
    return tuple(float(x) for x in excess_quantiles(median))


def excess_quantiles(median: float) -> np.ndarray:
    q = (np.arange(CREWS) + 0.5) / CREWS
    return median * np.exp(SPREAD * np.array([NormalDist().inv_cdf(float(x)) for x in q]))


def simulate_crews(plan: np.ndarray, rods_worth: np.ndarray, rods_ready: np.ndarray, feedback: np.ndarray,
                   ramp: float | np.ndarray, keep: Sequence[int] = ()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run many piles at once. Each column: a planned excess ($), a rod worth ($, 0: no rods), when the
    trip becomes ready (s; inf: never), a passive feedback strength ($) and how fast the crew raises
    the reactivity ($ a minute; one value for all, or one per column). Returns whether each ran
    away, the power histories of the columns `keep` names (steps + 1 rows, one column each) and when
    each tripped (nan: never).

    Every operation is elementwise, so each column's run depends on its own inputs only. For speed the
    loop skips work that cannot change a number: subtracting rods nobody has inserted yet, feedback
    where a column has none, checking trips while no rods are ready, and piles that have run away (they
    stay at the damage level: their history is filled in, and their trip, once their rods are ready)."""
    m = plan.size
    steps = int(HORIZON / DT)
    keep, kept_as = np.unique(np.asarray(keep, dtype=int), return_inverse=True)
    history = np.empty((steps + 1, keep.size))
    history[0] = 1.0
    dead_out = np.zeros(m, dtype=bool)
    tripped_out = np.full(m, np.nan)
    # Columns with a passive feedback first, so that it is computed on a slice of them only.
    live = np.argsort(np.asarray(feedback) == 0, kind="stable")     # the columns still simulated
    per_second = np.broadcast_to(np.asarray(ramp, dtype=float) / 60.0, (m,))
    plan, rods_worth, rods_ready, feedback, per_second = (np.asarray(a, dtype=float)[live]
                                                          for a in (plan, rods_worth, rods_ready, feedback, per_second))
    with_feedback = int(np.count_nonzero(feedback))
    # The step at which each column's rods are ready (t = step * DT >= rods_ready); inf: never.
    with np.errstate(invalid="ignore"):
        ready_step = np.ceil(np.clip(rods_ready, -DT, (steps + 1) * DT) / DT)
    ready_step = np.maximum(ready_step + (ready_step * DT < rods_ready), 1)
    ready_step[(rods_worth <= 0) | (ready_step > steps)] = np.inf
    ready_steps = sorted({int(x) for x in ready_step[np.isfinite(ready_step)]})
    next_ready = 0
    slot = np.full(m, -1)
    slot[keep] = np.arange(keep.size)
    n = np.ones(m)
    c = np.full(m, BETA / (GENERATION * DECAY))      # precursors in balance with the source level
    source = -START * BETA / GENERATION              # a source that holds n = 1 at the starting reactivity
    inserted = np.zeros(m)
    untripped = rods_worth > 0               # rods that have not dropped (ready or not)
    armed = np.zeros(m, dtype=bool)          # rods ready and not yet dropped
    any_armed = any_inserted = any_dead = False
    dead = np.zeros(m, dtype=bool)
    denom = 1 + DT * DECAY
    leak = DT * DT * DECAY * BETA / (GENERATION * denom)
    inflow, decay_in, breed = DT * source, DT * DECAY, DT * BETA / GENERATION
    top = float(plan.max()) if m else 0.0
    n_top = 1.0
    largest, smallest = np.maximum.reduce, np.minimum.reduce
    keep_at = np.flatnonzero(slot[live] >= 0)
    keep_to = slot[live[keep_at]]
    with np.errstate(over="ignore", invalid="ignore"):     # a runaway overflows before it is capped
        for i in range(1, steps + 1):
            if not live.size:
                break
            t = i * DT
            level = START + per_second * t
            external = plan if smallest(level) >= top else np.minimum(level, plan)
            if next_ready < len(ready_steps) and ready_steps[next_ready] == i:
                next_ready += 1
                armed |= untripped & (ready_step == i)
                any_armed = bool(armed.any())
            if any_armed and n_top >= TRIP:
                trip_now = armed & (n >= TRIP)
                if trip_now.any():
                    tripped_out[live[trip_now]] = t
                    armed &= ~trip_now
                    untripped &= ~trip_now
                    inserted[trip_now] = rods_worth[trip_now]
                    any_armed, any_inserted = bool(armed.any()), True
            rho = external - inserted if any_inserted else external
            if with_feedback:
                k = with_feedback
                fb = feedback[:k] * np.minimum(np.maximum(np.log10(np.maximum(n[:k], 1e-30)) / FEEDBACK_SPAN, 0.0), 1.0)
                if not any_inserted:
                    rho = rho.copy()
                rho[:k] -= fb
            rho = rho * BETA
            # Backward Euler on n' = (rho - beta)/L n + lambda C + S,  C' = beta/L n - lambda C.
            # (DT * x is x when DT is 1, so the multiplication is skipped then: the same numbers.)
            coef = 1 - (DT * (rho - BETA) if DT != 1 else rho - BETA) / GENERATION - leak
            any_prompt = bool(smallest(coef) <= 0.05)     # prompt critical: power leaps within milliseconds
            if any_prompt:
                prompt = coef <= 0.05
                n_new = (n + inflow + decay_in * c / denom) / np.where(prompt, 1.0, coef)
            else:
                n_new = (n + inflow + decay_in * c / denom) / coef
            c = (c + breed * n_new) / denom
            n = np.minimum(n_new, DAMAGE)
            if any_prompt:
                n[prompt] = DAMAGE
            if any_dead:
                n[dead] = DAMAGE
            if keep_at.size:
                history[i, keep_to] = n[keep_at]
            n_top = largest(n)
            if any_dead or any_prompt or n_top >= DAMAGE:
                dead = n >= DAMAGE
                any_dead = True
            if any_dead and (i % 8 == 0 or not live.size):
                # These piles have run away: they stay at the damage level, and are simulated no further.
                gone = live[dead]
                dead_out[gone] = True
                history[i + 1:, slot[gone][slot[gone] >= 0]] = DAMAGE
                waiting = untripped[dead]            # a run-away pile is over the trip level: its rods drop when ready
                first = np.maximum(ready_step[dead][waiting], i + 1)
                ok = first <= steps
                tripped_out[gone[waiting][ok]] = first[ok] * DT
                stay = ~dead
                with_feedback = int(np.count_nonzero(stay[:with_feedback]))
                live, n, c, inserted, armed, untripped, ready_step, plan, rods_worth, feedback, per_second = (
                    a[stay] for a in (live, n, c, inserted, armed, untripped, ready_step, plan, rods_worth, feedback,
                                      per_second))
                dead, any_dead = np.zeros(live.size, dtype=bool), False
                any_armed = bool(armed.any())
                top = float(plan.max()) if plan.size else 0.0
                n_top = largest(n) if n.size else 0.0
                keep_at = np.flatnonzero(slot[live] >= 0)
                keep_to = slot[live[keep_at]]
    dead_out[live] = dead
    return dead_out, history[:, kept_as.reshape(-1)], tripped_out


def has_rods(design: str) -> bool:
    return design in ("rods", "both")


def passive_built_in(design: str, ready: float) -> bool:
    """A passive design protects a pile only if it is built in: ready by the first chain reaction."""
    return design in ("passive", "both") and ready <= 0


def fix_of(design: str, strength: float, ready: float, critical_at: float, compliant: bool) -> tuple[float, float, float]:
    """Rod worth, when the trip is ready (inf: no rods, so never) and passive feedback, for a crew of
    one kind under one design."""
    rods = has_rods(design) and compliant                   # a rule-breaking crew disables the trip
    passive = passive_built_in(design, ready)                # built in, or the pile was built without it
    return (strength if rods else 0.0, critical_at + ready if rods and strength > 0 else math.inf,
            strength if passive else 0.0)


def rods(design: str, strength: float, ready: float, compliance: float,
         ramp: float, excess: float, push: float) -> Rods:
    return rods_many([dict(design=design, strength=strength, ready=ready, compliance=compliance, ramp=ramp,
                           excess=excess, push=push)])[0]


BATCH = 16      # settings whose piles run together: numpy's per-step cost is shared by all their columns


def rods_many(settings: list[dict]) -> list[Rods]:
    """rods at each of many settings, their piles run side by side (every column on its own numbers,
    so each result is the one it would have alone; test_model checks this)."""
    out = []
    for i in range(0, len(settings), BATCH):
        batch = [_rods_columns(**s) for s in settings[i:i + BATCH]]
        columns = [np.concatenate([b["columns"][j] for b in batch]) for j in range(5)]
        sizes = np.cumsum([0] + [b["columns"][0].size for b in batch])
        keep = [int(sizes[j]) + b["typical"] + d for j, b in enumerate(batch) for d in (0, 1)]
        dead, hist, tripped = simulate_crews(*columns, keep=keep)
        for j, b in enumerate(batch):
            lo, hi = sizes[j], sizes[j + 1]
            out.append(_rods_result(b, dead[lo:hi], hist[:, 2 * j:2 * j + 2], tripped[lo:hi]))
    return out


def _rods_columns(design: str, strength: float, ready: float, compliance: float,
                  ramp: float, excess: float, push: float) -> dict:
    """The piles one setting needs: (plan, rod worth, when ready, feedback, ramp) per column, and how
    the crews of each case map to them."""
    critical_at = -START / (ramp / 60.0)
    base = excess_quantiles(excess)
    pushed = base + push
    cases: list[tuple[str, float, float]] = [(design, strength, ready)]
    cases += [(design, strength, r) for r in READY_SWEEP]
    cases += [(d, s, ready) for d in GRADED for s in STRENGTH_SWEEP]
    cases += [("rods", strength, READY_SWEEP[0])]
    cases += [("none", 0.0, ready), (design, STRENGTH_SWEEP[-1], READY_SWEEP[0])]
    # Crews with the same plan and fix run alike: each distinct (kind of plan, fix) is simulated once.
    groups: dict[tuple, int] = {}
    index = [groups.setdefault((compliant or push == 0, *fix_of(d, s, r, critical_at, compliant)), len(groups))
             for d, s, r in cases for compliant in (True, False)]
    keys = list(groups)
    plan = np.concatenate([base if careful_plan else pushed for careful_plan, *_ in keys])
    worth, when, feedback = (np.repeat([key[j] for key in keys], CREWS) for j in (1, 2, 3))
    # The median crews of each kind, for the figure (the middle quantile of an even count: the two middles' mean).
    mid = float(np.exp(np.mean(np.log(base[CREWS // 2 - 1: CREWS // 2 + 1]))))
    typical = [fix_of(design, strength, ready, critical_at, compliant) for compliant in (True, False)]
    plan = np.concatenate([plan, [mid, mid + push]])
    worth, when, feedback = (np.concatenate([a, [f[j] for f in typical]]) for j, a in enumerate((worth, when, feedback)))
    return dict(setting=dict(design=design, strength=strength, ready=ready, compliance=compliance, ramp=ramp,
                             excess=excess, push=push, critical_at=critical_at),
                cases=cases, keys=keys, index=index, typical=plan.size - 2,
                columns=(plan, worth, when, feedback, np.full(plan.size, float(ramp))))


def _rods_result(b: dict, dead: np.ndarray, hist: np.ndarray, tripped: np.ndarray) -> Rods:
    s, cases, keys, index = b["setting"], b["cases"], b["keys"], b["index"]
    compliance = s["compliance"]
    by_group = dead[:-2].reshape(len(keys), CREWS).mean(axis=1)
    shares = by_group[np.array(index)].reshape(len(cases), 2)        # case -> (compliant, breaking)
    tripped = tripped[-2:]

    def overall(i: int) -> float:
        return float(compliance * shares[i, 0] + (1 - compliance) * shares[i, 1])

    times = np.arange(hist.shape[0]) * DT
    k = 1 + len(READY_SWEEP)
    by_strength = {d: {x: overall(k + j * len(STRENGTH_SWEEP) + i) for i, x in enumerate(STRENGTH_SWEEP)}
                   for j, d in enumerate(GRADED)}
    by_strength = {"none": {x: overall(len(cases) - 2) for x in STRENGTH_SWEEP}, **by_strength}
    return Rods(design=s["design"], strength=s["strength"], ready=s["ready"], compliance=compliance, ramp=s["ramp"],
                excess=s["excess"], push=s["push"], critical_at=s["critical_at"], runaway=overall(0),
                runaway_compliant=float(shares[0, 0]), runaway_breaking=float(shares[0, 1]), times=times,
                typical={"compliant": hist[:, 0], "breaking": hist[:, 1]},
                tripped_at=None if math.isnan(tripped[0]) else float(tripped[0]),
                by_ready={float(r): overall(1 + i) for i, r in enumerate(READY_SWEEP)},
                by_strength=by_strength, perfect=overall(len(cases) - 1), rods_early=overall(len(cases) - 3),
                perfect_compliant=float(shares[-1, 0]), perfect_breaking=float(shares[-1, 1]),
                unfixed_compliant=float(shares[-2, 0]), unfixed_breaking=float(shares[-2, 1]))


# ------------------------------------------------------------------------- contingency planning

KINDS = {"agi": ("brain-like AGI", "prosaic AGI", "some other kind"),
         "flight": ("bird-like machines", "airship-like machines", "something else")}
# The 1903 Wright Flyer's main ingredients by where they came from (our count, listed on the page):
# from birds 2, from airships 2, new 3.
FLYER_BLEND = (2 / 7, 2 / 7, 3 / 7)


@dataclass(frozen=True)
class Plan:
    question: str
    kinds: tuple[str, str, str]
    credence: tuple[float, float, float]       # normalised
    scale: float                               # effort that earns 63% of what a scenario can pay
    splits: dict[str, tuple[float, float, float]]   # strategy -> effort shares
    payoff: dict[str, float]                   # strategy -> expected share of the best possible outcome
    unprepared: dict[str, float]               # strategy -> chance the scenario that happens got no effort
    hindsight: dict[str, float] | None         # flight only: each strategy against the blend that happened
    likeliest: int
    all_zero: bool = False                     # every credence slider at zero: read as equal odds


def payoff_curve(effort: np.ndarray | float, scale: float):
    return 1 - np.exp(-np.asarray(effort) / scale)


def best_split(p: np.ndarray, scale: float) -> np.ndarray:
    """Maximise sum p_j (1 - exp(-e_j/scale)) with sum e = 1, e >= 0 (water-filling, exact)."""
    order = np.argsort(-p, kind="stable")
    for m in range(len(p), 0, -1):
        top = order[:m]
        if np.any(p[top] <= 0):
            continue
        # e_j = scale * ln(p_j / mu) on the active set, summing to 1.
        log_mu = (np.sum(np.log(p[top])) - 1 / scale) / m
        e = np.zeros_like(p)
        e[top] = scale * (np.log(p[top]) - log_mu)
        if np.all(e[top] >= -1e-12):
            return np.clip(e, 0, None) / np.clip(e, 0, None).sum()
    e = np.zeros_like(p)
    e[order[0]] = 1.0
    return e


def contingency(question: str, first: float, second: float, third: float,
                returns: float) -> Plan:
    """Credences (any scale, normalised here) for the three kinds; returns: the effort (share of the
    whole budget) that earns 1 - 1/e, about two thirds, of what one kind can pay."""
    scale = returns
    raw = np.array([first, second, third], dtype=float)
    p = raw / raw.sum() if raw.sum() > 0 else np.full(3, 1 / 3)
    likeliest = int(np.argmax(p))
    allin = np.zeros(3)
    allin[likeliest] = 1.0
    splits = {"all-in": allin, "even": np.full(3, 1 / 3), "best": best_split(p, scale)}
    payoff = {k: float(np.sum(p * payoff_curve(e, scale)) / np.max(payoff_curve(1.0, scale))) for k, e in splits.items()}
    unprepared = {k: float(np.sum(p[e <= 1e-9])) for k, e in splits.items()}
    hindsight = None
    if question == "flight":
        blend = np.array(FLYER_BLEND)
        hindsight = {k: float(np.sum(blend * payoff_curve(e, scale)) / np.max(payoff_curve(1.0, scale)))
                     for k, e in splits.items()}
    return Plan(question=question, kinds=KINDS[question], credence=tuple(float(x) for x in p), scale=scale,
                splits={k: tuple(float(x) for x in e) for k, e in splits.items()}, payoff=payoff,
                unprepared=unprepared, hindsight=hindsight, likeliest=likeliest, all_zero=bool(raw.sum() == 0))
