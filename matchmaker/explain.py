"""One pair's full breakdown, and the smallest weight change that would reorder it
(`scoring.weights.smallest_change`: the same algebra `sensitivity` uses)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matchmaker.ranking import Match, _match, order_projects
from matchmaker.scoring.components import DEMAND_FIT, LONG_TERM, PRIORITY_STEP, SYNERGY, SubSignal
from matchmaker.scoring.eligibility import GATES
from matchmaker.scoring.engine import COMPONENTS, Scores
from matchmaker.scoring.weights import smallest_change

SIGNALS: dict[str, tuple[SubSignal, ...]] = {
    "demand_fit": DEMAND_FIT,
    "long_term": LONG_TERM,
    "synergy": SYNERGY,
}


@dataclass(frozen=True, slots=True)
class ComponentBreakdown:
    name: str
    points: float  # 0–100
    weight: float  # normalised weight in the profile
    contribution: float  # weight × points: its share of the total
    parts: tuple[tuple[str, float, bool, float], ...]  # (sub-signal, value 0–1, known, weight)


@dataclass(frozen=True, slots=True)
class Counterfactual:
    other_project: str
    gap: float  # total(this) − total(other)
    component: str | None  # the weight to change; None when no change reorders them
    raw_change: float  # δ in the profile's own units
    new_weights: dict[str, float] | None  # normalised weights after the change


@dataclass(frozen=True, slots=True)
class Explanation:
    match: Match
    breakdown: tuple[ComponentBreakdown, ...]
    gates: tuple[tuple[str, bool], ...]
    bonus: float
    relevance: float  # the factor long-term value and synergy were scaled by
    counterfactual: Counterfactual | None
    # The factors between demand fit's weighted signals and its points: the demand's own
    # priority (1 keeps all, 5 keeps 88%) and what is left, the penalty on a project the
    # demand rules out ("급식이 아니라 …"). Shown so the parts add up to the points.
    priority_factor: float = 1.0
    ruled_out_factor: float = 1.0
    track_record: float | None = None  # long-term points from history (None: no history)


def explain(scores: Scores, row: int, column: int, language: str = "en") -> Explanation:
    ordered = [c for c in order_projects(scores, row) if scores.eligibility.eligible[row, c]]
    rank = ordered.index(column) + 1 if column in ordered else 0
    match = _match(scores, row, column, rank, language)
    weights = np.array(scores.weights)
    values = np.array([scores.component(name).values[row, column] for name in COMPONENTS])
    breakdown = []
    for name, weight, points in zip(COMPONENTS, weights, values, strict=True):
        component = scores.component(name)
        parts = tuple(
            (
                signal.name,
                round(float(component.parts[signal.name][0][row, column]), 4),
                bool(component.parts[signal.name][1][row, column]),
                signal.weight,
            )
            for signal in SIGNALS[name]
        )
        breakdown.append(
            ComponentBreakdown(
                name,
                round(float(points), 2),
                round(float(weight), 4),
                round(float(weight * points), 2),
                parts,
            )
        )
    failed = int(scores.eligibility.gate[row, column])
    gates = tuple((gate, failed == 0 or GATES.index(gate) < failed) for gate in GATES[1:])
    bonus = (
        scores.profile.population_decline_bonus
        if (scores.demands.records[row].region.population_decline)
        else 0.0
    )
    priority = float(np.nan_to_num(scores.demands.priority[row], nan=1.0))
    priority_factor = 1.0 - PRIORITY_STEP * (min(max(priority, 1.0), 5.0) - 1.0)
    weighted = sum(
        float(scores.fit.parts[signal.name][0][row, column]) * signal.weight
        for signal in SIGNALS["demand_fit"]
    )
    before_ruled_out = 100.0 * weighted * priority_factor
    ruled_out_factor = (
        float(scores.fit.values[row, column]) / before_ruled_out if before_ruled_out > 0 else 1.0
    )
    return Explanation(
        match,
        tuple(breakdown),
        gates,
        bonus,
        round(float(scores.relevance[row, column]), 4),
        _counterfactual(scores, row, column, ordered, values),
        round(priority_factor, 4),
        # Rounding leaves a hair below 1 where nothing was ruled out.
        1.0 if ruled_out_factor > 0.9995 else round(ruled_out_factor, 4),
        None if scores.track is None else round(float(scores.track.shift[row, column]), 2),
    )


def _counterfactual(
    scores: Scores, row: int, column: int, ordered: list[int], values: np.ndarray
) -> Counterfactual | None:
    if column not in ordered:
        return None
    position = ordered.index(column)
    if position == 0 and len(ordered) < 2:
        return None  # the only eligible project: there is nothing to reorder it with
    # The first project explained against the next one; any other against the one above.
    other = ordered[position + 1] if position == 0 else ordered[position - 1]
    other_values = np.array([scores.component(name).values[row, other] for name in COMPONENTS])
    raw = np.array(
        [
            scores.profile.weights.demand_fit,
            scores.profile.weights.long_term,
            scores.profile.weights.synergy,
        ]
    )
    gap = float(scores.total[row, column] - scores.total[row, other])
    change = smallest_change(values, other_values, raw)
    other_id = scores.projects.ids[other]
    if change is None:
        return Counterfactual(other_id, round(gap, 2), None, 0.0, None)
    j, delta = change
    new_raw = raw.copy()
    new_raw[j] += delta
    new = new_raw / new_raw.sum()
    return Counterfactual(
        other_id,
        round(gap, 2),
        COMPONENTS[j],
        round(delta, 4),
        {name: round(float(w), 4) for name, w in zip(COMPONENTS, new, strict=True)},
    )
