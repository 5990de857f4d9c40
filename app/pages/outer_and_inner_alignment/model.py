"""The outer-and-inner-alignment page's model: pure, deterministic, no web code.

A boat-race agent with actor-critic learning over whole plans (courses through a small map). The
critic keeps a value per plan and learns it from the rewards the plan brings (a running average,
the simplest temporal-difference update for one-step plans); the actor picks plans by a softmax over
the critic's values. Training: 60 races with two plans (finish the race; circle a loop of targets).
Deployment: 60 more races, where new plans may appear, each with the critic's out-of-distribution
guess = what the designer's reward would pay + the reader's error. With online learning the critic
keeps learning in deployment; with train-then-deploy it is frozen.

Two special plans, as Byrnes describes: a reward editor (irreversible: once taken, the reward
function itself pays for keeping the edit, and no longer for finishing), and an addictive island
(the reward function pays a lot for it, like a drug, though from outside it looks like a beach that pays
little; one visit teaches the critic otherwise). An agent with foresight knows what a visit would teach
its critic (what the island pays), and so what it would then choose, race after race; it judges that
future by what it values now, against the future in which it stays away, and declines the island when
the first looks worse (`outlook`). With a frozen critic a visit teaches nothing, so there is nothing
to foresee, and it chooses as any agent does.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

TRAIN, DEPLOY = 60, 60
SEED = 2026
TEMPERATURE = 1.0     # softmax over values: nearly greedy at these reward scales, with some exploration
LEARNING_RATE = 0.3
OPTIMISM = 20.0       # the critic's starting value for the training plans (a standard way to make it explore)
FINISH, TARGET_EACH = 10.0, 2.0       # designer's reward function: finishing; each target hit
LAPS = 7                              # targets a boat circling the loop hits in one race
CHANNEL = 8.0                         # the unfamiliar channel: a side prize off the course (less than finishing)
EDITED = 20.0                         # what the edited reward function pays for keeping the edit
ISLAND_LOOKS, HOOKED = 1.0, 20.0      # what the island looks like it pays (a quiet beach); what a visit pays

TIE = 0.05            # values this close read alike on the page (one decimal)
PLANS = ("finish", "loop", "channel", "editor", "island")
NAMES = {"finish": "finish the race", "loop": "circle the loop of targets", "channel": "the unfamiliar channel",
         "editor": "the reward editor", "island": "the addictive island"}


@dataclass(frozen=True)
class WhatIf:
    """What adding each special plan would show, the other settings kept: whether the boat would take the
    reward editor (an irreversible edit), and whether foresight would keep it off the addictive island that
    the same agent without foresight visits (an error deliberately left uncorrected); and whether foresight, turned
    on, would keep it off (the same as `declines` where it is on)."""
    edits: bool
    declines: bool
    declines_with_foresight: bool = False
    with_editor: Run | None = None     # the run with the reward editor added, to read what the boat chose instead


@dataclass(frozen=True)
class Run:
    loophole: bool
    learning: str                 # "online" | "frozen"
    error: float                  # the critic's out-of-distribution error on new plans
    editor: bool
    island: bool
    foresight: bool
    choices: tuple[str, ...]      # plan taken in each race
    rewards: tuple[float, ...]
    values: dict[str, tuple[float | None, ...]]    # critic's value for each plan before each race (None: not available)
    truth: dict[str, tuple[float | None, ...]]     # what each plan would pay under the reward function in force
    edited_at: int | None         # race (1-based) when the reward function was edited
    first_tried: dict[str, int | None]
    # With foresight, before each race in which it judged the island: (a race of the future if it stays away,
    # a race of the future after a visit), both by the critic's values at that race; None where not judged.
    outlook: tuple[tuple[float, float] | None, ...] = ()
    chances: tuple[float, ...] = ()   # in each race, the chance the softmax gave the plan it took
    visited_without_foresight: int | None = None  # the same run without foresight: its first island visit
    edited_without_foresight: int | None = None   # the same run without foresight: the race of its edit
    shown: int = TRAIN + DEPLOY   # the race the map shows (1-based): a window on the run, not part of it
    # With neither special plan in the world: what adding each would show at these settings, and (with the
    # loophole open) the same with the loophole closed; None otherwise.
    if_added: WhatIf | None = None
    if_closed: WhatIf | None = None

    @property
    def races(self) -> int:
        return len(self.choices)

    def offered(self, race: int) -> list[str]:
        """The plans the boat chose among in `race` (1-based): those it knew, less an island foresight declined."""
        o = self.outlook[race - 1] if self.outlook else None
        return [p for p in PLANS if self.values[p][race - 1] is not None
                and not (p == "island" and o is not None and o[1] < o[0])]

    def share(self, plan: str, start: int, end: int) -> float:
        picks = self.choices[start:end]
        return sum(c == plan for c in picks) / len(picks)

    def served(self, start: int, end: int) -> int:
        """How many races in [start, end) served the designer: finishing, with the reward function unedited."""
        return sum(1 for i in range(start, end)
                   if self.choices[i] == "finish" and (self.edited_at is None or i + 1 < self.edited_at))

    def intended(self, start: int, end: int) -> float:
        """Share of races in [start, end) that served the designer (`served`)."""
        return self.served(start, end) / (end - start)

    def pays_in(self, plan: str, race: int) -> float | None:
        """What `plan` pays in `race` (1-based) under the reward function in force in it: the edited one from the
        race of the edit on (that race already pays for keeping it); None where the plan is not in the world."""
        if self.values[plan][race - 1] is None:
            return None
        if self.edited_at is not None and self.edited_at <= race:
            return edited_reward(plan)
        return self.truth[plan][race - 1]

    def outer_gap(self, race: int) -> list[str]:
        """Outer misalignment in `race`: the plans in the world that the reward function in force pays more for
        than for finishing the race, which is what the designer intends."""
        finish = self.pays_in("finish", race)
        return [p for p in PLANS if p != "finish" and (self.pays_in(p, race) or 0.0) > finish]

    def inner_gap(self, race: int) -> list[str]:
        """Inner misalignment before `race`: the plans the critic values most (`valued_most`) that the reward
        function in force does not pay most for (the critic's guess, not the reward, steers the choice)."""
        top_pay = max(self.pays_in(p, race) for p in PLANS if self.values[p][race - 1] is not None)
        return [p for p in self.valued_most(race) if self.pays_in(p, race) < top_pay]

    def valued_most(self, race: int) -> list[str]:
        """The plans the critic values most before `race`, as the page shows values (to one decimal: within TIE of
        the top is a tie)."""
        plans = [p for p in PLANS if self.values[p][race - 1] is not None]
        top = max(self.values[p][race - 1] for p in plans)
        return [p for p in plans if self.values[p][race - 1] >= top - TIE]

    def paid_most(self, race: int) -> list[str]:
        """The plans in the world in `race` that the reward function in force pays most for."""
        plans = [p for p in PLANS if self.values[p][race - 1] is not None]
        top = max(self.pays_in(p, race) for p in plans)
        return [p for p in plans if self.pays_in(p, race) == top]

    def final_error(self, plan: str) -> float | None:
        """|critic - what the plan pays| after the last race; None if the plan never existed."""
        v, t = self.values[plan][-1], self.truth[plan][-1]
        return None if v is None or t is None else abs(v - t)


def designer_reward(plan: str, loophole: bool) -> float:
    if plan == "finish":
        return FINISH
    if plan == "loop":      # open: the targets respawn, so circling hits them lap after lap
        return TARGET_EACH * (LAPS if loophole else 1)
    return {"channel": CHANNEL, "editor": 0.0, "island": HOOKED}[plan]   # the island: a drug-like loophole


def edited_reward(plan: str) -> float:
    """What the reward function pays once the agent has edited it: only for keeping the edit."""
    return EDITED if plan == "editor" else 0.0


def first_guess(plan: str, loophole: bool, error: float) -> float:
    """The critic's first value for a new plan: what the reward would pay plus the error; the island is
    judged by its looks (a beach like any other), so its guess starts from what a beach pays."""
    return (ISLAND_LOOKS if plan == "island" else designer_reward(plan, loophole)) + error


def softmax(values: list[float]) -> np.ndarray:
    v = np.array(values)
    weights = np.exp((v - v.max()) / TEMPERATURE)
    return weights / weights.sum()


def outlook(value: dict[str, float], options: list[str], island_pays: float, races_left: int) -> tuple[float, float]:
    """Foresight about the island, by present values: (stay, visit), each the average worth of a race from
    now to the end, judged by the critic's values now. Staying away: it chooses among the other plans as
    it does now. A visit: this race on the island, then the choices of a critic that has learned what the
    island pays (addiction: nearly always the island, if it pays the most), each race worth what the
    present critic says it is worth."""
    others = [p for p in options if p != "island"]
    now = np.array([value[p] for p in others])
    stay = float(softmax(list(now)) @ now)
    changed = softmax([island_pays if p == "island" else value[p] for p in options])
    after = float(changed @ np.array([value[p] for p in options]))
    visit = (value["island"] + (races_left - 1) * after) / races_left
    return stay, visit


def what_if(loophole: str, learning: str, error: float, foresight: str) -> WhatIf:
    """Runs the settings with the reward editor added, and with the island added, and reads what each shows."""
    edited = run(loophole, learning, error, "on", "off", foresight)
    island = run(loophole, learning, error, "off", "on", foresight)
    wary = island if foresight == "on" else run(loophole, learning, error, "off", "on", "on")

    def declines(r: Run) -> bool:
        declined = any(o is not None and o[1] < o[0] for o in r.outlook)
        return "island" not in r.choices and declined and r.visited_without_foresight is not None
    return WhatIf(edits=edited.edited_at is not None, declines=declines(island), declines_with_foresight=declines(wary),
                  with_editor=edited)


def simulate(loophole: str, learning: str, error: float, editor: str,
             island: str, foresight: str, race: int) -> Run:
    """The run at these settings; `race` only chooses which race the map shows."""
    return replace(run(loophole, learning, error, editor, island, foresight), shown=int(race))


@lru_cache(maxsize=1024)   # every one of the 736 settings fits (about 20 MB): the race slider only picks a window
def run(loophole: str, learning: str, error: float, editor: str, island: str, foresight: str) -> Run:
    rng = np.random.default_rng(SEED)
    open_ = loophole == "open"
    available = {"finish", "loop"}
    value: dict[str, float] = {"finish": OPTIMISM, "loop": OPTIMISM}   # optimistic start: it tries both
    edited_at = None
    first: dict[str, int | None] = {p: None for p in PLANS}
    choices, rewards, outlooks, chance = [], [], [], []
    values = {p: [] for p in PLANS}
    truth = {p: [] for p in PLANS}

    def pays(plan: str) -> float:
        if edited_at is not None:
            return edited_reward(plan)
        return designer_reward(plan, open_)

    for race in range(1, TRAIN + DEPLOY + 1):
        if race == TRAIN + 1:                     # deployment: the new plans appear, valued by generalisation
            for plan, on in (("channel", True), ("editor", editor == "on"), ("island", island == "on")):
                if on:
                    available.add(plan)
                    value[plan] = first_guess(plan, open_, error)
        for p in PLANS:
            values[p].append(value.get(p) if p in available else None)
            truth[p].append(pays(p) if p in available else None)
        options = [p for p in PLANS if p in available]
        judged = None
        if foresight == "on" and learning == "online" and "island" in options and first["island"] is None:
            judged = outlook(value, options, pays("island"), TRAIN + DEPLOY - race + 1)
            if judged[1] < judged[0]:             # the future after a visit looks worse by present values
                options.remove("island")
        outlooks.append(judged)
        chances = softmax([value[p] for p in options])
        pick = options[int(rng.choice(len(options), p=chances))]
        chance.append(float(chances[options.index(pick)]))
        reward = pays(pick)
        if first[pick] is None:
            first[pick] = race
        if pick == "editor" and edited_at is None:
            edited_at = race                      # irreversible: from now on the edited function pays
            reward = pays(pick)
        if race <= TRAIN or learning == "online":
            value[pick] += LEARNING_RATE * (reward - value[pick])
        choices.append(pick)
        rewards.append(reward)
    twin = run(loophole, learning, error, editor, island, "off") if island == "on" and foresight == "on" else None
    plain = editor == "off" and island == "off"
    if_added = what_if(loophole, learning, error, foresight) if plain else None
    if_closed = what_if("closed", learning, error, foresight) if plain and open_ else None
    return Run(loophole=open_, learning=learning, error=error, editor=editor == "on", island=island == "on",
               foresight=foresight == "on", choices=tuple(choices), rewards=tuple(rewards),
               values={p: tuple(v) for p, v in values.items()}, truth={p: tuple(t) for p, t in truth.items()},
               edited_at=edited_at, first_tried=first, outlook=tuple(outlooks), chances=tuple(chance),
               visited_without_foresight=None if twin is None else twin.first_tried["island"],
               edited_without_foresight=None if twin is None else twin.edited_at,
               if_added=if_added, if_closed=if_closed)
