"""How far a recommendation holds as the weights change: exact intervals and Monte-Carlo.

Exact: with the other raw weights fixed, the top project p stays first against a rival q
while S + δ·d_j > 0, where d = c(p) − c(q) per component, S = Σ wᵢdᵢ and δ the change of
weight j (the shared denominator W + δ is positive, so only the numerator's sign
matters). Intersecting over every rival gives the interval of weight j.

Monte-Carlo: weights drawn from a Dirichlet centred on the profile's (seeded), and for
each demand the share of draws in which each project comes first and in the top 3.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matchmaker.scoring.engine import COMPONENTS, Scores
from matchmaker.scoring.order import order_row, top_k
from matchmaker.scoring.weights import tie_points

FRAGILE_BELOW = 0.60  # first in fewer draws than this: the recommendation is fragile


@dataclass(frozen=True, slots=True)
class WeightInterval:
    component: str
    weight: float  # the profile's raw weight
    low: float  # the top project stays first for raw weights in [low, high]
    high: float  # (inf when no increase ever dethrones it)


@dataclass(frozen=True, slots=True)
class DemandSensitivity:
    demand_key: str
    top_project: str | None
    intervals: tuple[WeightInterval, ...]
    first_share: dict[str, float]  # project → share of draws in which it is first
    top3_share: dict[str, float]
    fragile: bool


def component_matrix(scores: Scores) -> np.ndarray:
    """D × P × 3 component points (the weighted mean's inputs)."""
    return np.stack([scores.component(name).values for name in COMPONENTS], axis=-1)


def raw_weights(scores: Scores) -> np.ndarray:
    w = scores.profile.weights
    return np.array([w.demand_fit, w.long_term, w.synergy], dtype=float)


def interval_for(
    points: np.ndarray, eligible: np.ndarray, top: int, weights: np.ndarray, component: int
) -> tuple[float, float]:
    """Raw weights of one component for which `top` stays ahead of every eligible rival."""
    rivals = np.flatnonzero(eligible)
    rivals = rivals[rivals != top]
    d = points[top][None, :] - points[rivals]  # rivals × 3
    ties = tie_points(d, weights, component)
    moving = ~np.isnan(ties)  # others: this weight cannot matter
    bound = ties[moving]
    rising = d[moving, component] > 0
    # As changes δ of the weight: δ ≥ bound where p gains with it, δ ≤ bound where it loses.
    low = max(-weights[component], float(bound[rising].max(initial=-np.inf)))
    high = float(bound[~rising].min(initial=np.inf))
    return weights[component] + low, weights[component] + high


PROBES = 16  # strongest projects each candidate is first checked against


def podium_candidates(points: np.ndarray, eligible: np.ndarray, active: np.ndarray) -> np.ndarray:
    """Eligible projects that can reach the top 3 under some positive weights.

    A project that three others match or beat in every weighted component, and beat
    strictly in one, is behind all three whatever the weights: it is left out before
    the draws, which makes them cheap when a demand has hundreds of candidates.

    Most projects are dominated by a few of the strongest (highest component sum), so each
    is first compared with those PROBES only; just the ones not already beaten by three of
    them are compared with every project. The kept set is exactly what comparing all
    pairs gives (every project was compared with all: 69 % of `sensitivity` at 1,000
    projects).
    """
    columns = np.flatnonzero(eligible)
    if len(columns) <= 3:
        return columns
    values = points[columns][:, active]
    probe = values[np.argsort(-values.sum(axis=1), kind="stable")[:PROBES]]
    unsure = np.flatnonzero(_dominators(values, probe) < 3)
    return columns[unsure[_dominators(values[unsure], values) < 3]]


def _dominators(values: np.ndarray, others: np.ndarray) -> np.ndarray:
    """For each row of `values`, how many rows of `others` are at least as good in every
    component and better in one."""
    at_least = (others[None, :, :] >= values[:, None, :]).all(axis=2)
    beyond = (others[None, :, :] > values[:, None, :]).any(axis=2)
    return (at_least & beyond).sum(axis=1)


def _order(scores: Scores, row: int, totals: np.ndarray) -> np.ndarray:
    return np.array(
        order_row(totals, scores.eligibility.eligible[row], scores.projects.ids), dtype=int
    )


def sensitivity(
    scores: Scores, draws: int = 1000, seed: int = 0, concentration: float = 30.0
) -> list[DemandSensitivity]:
    points = component_matrix(scores)
    weights = raw_weights(scores)
    shares = weights / weights.sum()
    rng = np.random.default_rng(seed)
    # Components with weight 0 stay at 0 (a Dirichlet needs positive parameters).
    active = shares > 0
    sampled = np.zeros((draws, 3))
    if draws:
        sampled[:, active] = rng.dirichlet(concentration * shares[active], size=draws)
    ids = scores.projects.ids
    in_id_order = ids == sorted(ids)  # then the column is the tie-break, as top_k needs
    found = []
    for row, record in enumerate(scores.demands.records):
        eligible = scores.eligibility.eligible[row]
        totals = points[row] @ shares
        if in_id_order:  # only the first project is needed: no full sort of the row
            best, _ = top_k(totals[None, :], eligible[None, :], 1)
            top = int(best[0, 0]) if best.size else -1
        else:
            base = _order(scores, row, totals)
            top = int(base[0]) if len(base) else -1
        if top < 0:
            found.append(DemandSensitivity(record.key, None, (), {}, {}, False))
            continue
        intervals = []
        for j, name in enumerate(COMPONENTS):
            low, high = interval_for(points[row], eligible, top, weights, j)
            intervals.append(
                WeightInterval(
                    name, round(float(weights[j]), 6), round(max(low, 0.0), 6), round(high, 6)
                )
            )
        first: dict[str, float] = {}
        top3: dict[str, float] = {}
        if draws:
            columns = podium_candidates(points[row], eligible, active)
            totals = sampled @ points[row, columns].T  # draws × candidates
            # argmax takes the first of equal totals: columns are in id order, so ties
            # go to the smaller id, as in `rank`. A partition finds the top 3 without a sort.
            winners, counts = np.unique(columns[np.argmax(totals, axis=1)], return_counts=True)
            # Plain Python numbers: these go straight into JSON, which refuses numpy's.
            first = {ids[c]: round(int(n) / draws, 4) for c, n in zip(winners, counts, strict=True)}
            best3 = (
                np.argpartition(-totals, 2, axis=1)[:, :3]
                if totals.shape[1] > 3
                else np.broadcast_to(np.arange(totals.shape[1]), totals.shape)
            )
            podium, counts3 = np.unique(columns[best3], return_counts=True)
            top3 = {ids[c]: round(int(n) / draws, 4) for c, n in zip(podium, counts3, strict=True)}
        fragile = bool(draws) and bool(first.get(ids[top], 0.0) < FRAGILE_BELOW)
        found.append(
            DemandSensitivity(
                record.key,
                ids[top],
                tuple(intervals),
                dict(sorted(first.items(), key=lambda kv: (-kv[1], kv[0]))),
                dict(sorted(top3.items(), key=lambda kv: (-kv[1], kv[0]))),
                fragile,
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class AllocationSurvival:
    draws: int  # draws completed (fewer than asked if time ran out)
    asked: int
    survival: dict[str, float]  # "PROPOSAL/DEMAND=PROJECT" of the base portfolio → share


def allocation_survival(
    scores: Scores,
    options: object,
    draws: int,
    seed: int,
    seconds: float,
    concentration: float = 30.0,
) -> AllocationSurvival:
    """Re-solve the allocation under drawn weights; how often each assignment stays."""
    import time

    from matchmaker.allocation.problem import build_problem
    from matchmaker.allocation.solve import solve

    problem = build_problem(scores, options)  # type: ignore[arg-type]
    base = solve(problem)
    points = component_matrix(scores)[problem.demand, problem.project]  # pairs × 3
    bonus = problem.value - points @ (raw_weights(scores) / raw_weights(scores).sum())
    weights = raw_weights(scores)
    shares = weights / weights.sum()
    active = shares > 0
    rng = np.random.default_rng(seed)
    sampled = np.zeros((draws, 3))
    if draws:
        sampled[:, active] = rng.dirichlet(concentration * shares[active], size=draws)
    kept = np.zeros(problem.pairs)
    done = 0
    deadline = time.monotonic() + seconds
    original = problem.value.copy()
    for weights_drawn in sampled:
        if time.monotonic() > deadline:
            break
        problem.value = points @ weights_drawn + bonus
        kept += solve(problem).chosen & base.chosen
        done += 1
    problem.value = original
    records = scores.demands.records
    ids = scores.projects.ids
    survival = {
        f"{records[problem.demand[i]].key}={ids[problem.project[i]]}": round(
            float(kept[i]) / done, 4
        )
        if done
        else 0.0
        for i in np.flatnonzero(base.chosen)
    }
    return AllocationSurvival(done, draws, dict(sorted(survival.items())))
