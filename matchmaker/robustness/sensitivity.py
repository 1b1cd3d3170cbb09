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
    low, high = intervals_for(points[None], eligible[None], np.array([top]), weights)
    return float(low[0, component]), float(high[0, component])


def intervals_for(
    points: np.ndarray, eligible: np.ndarray, top: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """`interval_for` of every component for a block of demands at once: `points` is
    B × P × 3, `top` each demand's first column. Returns B × 3 arrays of the lowest and
    highest raw weight (before clipping at 0) for which that project stays first."""
    rivals = eligible & (np.arange(points.shape[1])[None, :] != top[:, None])
    d = points[np.arange(len(top)), top][:, None, :] - points  # B × P × 3
    flat = d.reshape(-1, 3)
    low = np.empty((len(top), 3))
    high = np.empty((len(top), 3))
    for j in range(3):
        ties = tie_points(flat, weights, j).reshape(rivals.shape)
        moving = rivals & ~np.isnan(ties)  # others: this weight cannot matter
        rising = d[:, :, j] > 0
        # As changes δ of the weight: δ ≥ tie where p gains with it, δ ≤ tie where it loses.
        gains = np.where(moving & rising, ties, -np.inf).max(axis=1, initial=-np.inf)
        loses = np.where(moving & ~rising, ties, np.inf).min(axis=1, initial=np.inf)
        low[:, j] = weights[j] + np.maximum(-weights[j], gains)
        high[:, j] = weights[j] + loses
    return low, high


PROBES = 16  # strongest projects each candidate is checked against
# Demands handled together, and draw totals held at once (demands × draws × candidates):
# small enough that the arrays stay in the processor's cache. Measured at 1,000 projects:
# 64 and 500,000 took 40 % less time than 256 and 4,000,000; neither changes a result.
BLOCK = 64
PAIR_BUDGET = 500_000


def weight_corners(sampled: np.ndarray) -> np.ndarray:
    """Corners of a region holding every draw: the box of each component's smallest and
    largest drawn weight, cut by the plane where the weights sum to 1 (draws do, up to
    rounding). Each draw is a mix of these corners, so a project ahead of another at
    every corner is ahead at every draw: a linear score cannot dip between them."""
    low, high = sampled.min(axis=0), sampled.max(axis=0)
    corners = []
    for free in range(3):  # one weight is set by the others; they sit at a bound
        fixed = [j for j in range(3) if j != free]
        for a in (low[fixed[0]], high[fixed[0]]):
            for b in (low[fixed[1]], high[fixed[1]]):
                rest = 1.0 - a - b
                if low[free] - 1e-9 <= rest <= high[free] + 1e-9:
                    corner = np.empty(3)
                    corner[fixed] = (a, b)
                    corner[free] = rest
                    corners.append(corner)
    # Never empty: the draws themselves lie on the plane inside the box.
    return unique_rows(corners)


def unique_rows(rows: list[np.ndarray]) -> np.ndarray:
    """`np.unique(np.array(rows), axis=0)` for the few corners: each row once, in
    ascending order. numpy's `unique` imports numpy.ma on its first call (~10 ms of every
    `sensitivity`) to check for a masked array these never are."""
    return np.array(sorted({tuple(float(x) for x in row) for row in rows}))


def podium_mask(points: np.ndarray, eligible: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """B × P: the eligible projects that may reach the top 3 in some draw.

    A project is left out when three others score more than it at every corner of the
    draws' region (`weight_corners`), by a margin far above rounding: it is then behind
    those three in every draw. The others tried are the PROBES strongest in their worst
    corner; first, cheaply, a project whose best corner is below the third strongest
    worst corner is behind those three already. Which projects are tried only changes how
    many are left out, never a result: what is kept always holds every draw's top 3.
    """
    cols = eligible.shape[1]
    if cols <= 3:
        return eligible.copy()
    at = [points @ corner for corner in corners]  # B × P per corner
    margin = 1e-9 * max(1.0, float(np.abs(points).max(initial=0.0)))
    worst = np.where(eligible, np.minimum.reduce(at), -np.inf)
    best = np.where(eligible, np.maximum.reduce(at), -np.inf)
    third = -np.partition(-worst, 2, axis=1)[:, 2]  # -inf with fewer than 3 eligible
    keep = eligible & (best + margin >= third[:, None])
    probes = min(PROBES, cols)
    probe = np.argpartition(-worst, probes - 1, axis=1)[:, :probes]
    columns, valid = _compact(keep)
    # B × K × probes: that probe is eligible and ahead of that kept project at every corner
    ahead = np.zeros((*columns.shape, probes), dtype=bool)
    ahead |= np.take_along_axis(eligible, probe, axis=1)[:, None, :]
    for totals in at:
        probe_totals = np.take_along_axis(totals, probe, axis=1)[:, None, :]
        ahead &= probe_totals > np.take_along_axis(totals, columns, axis=1)[:, :, None] + margin
    mask = np.zeros_like(eligible)
    np.put_along_axis(mask, columns, valid & (ahead.sum(axis=2) < 3), axis=1)
    return mask


def _compact(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's True columns first, in column order, padded to the widest row: the
    columns (B × K) and which of them are real."""
    width = max(1, int(mask.sum(axis=1).max(initial=0)))
    columns = np.argsort(~mask, axis=1, kind="stable")[:, :width]  # a stable sort of bools
    return columns, np.take_along_axis(mask, columns, axis=1)


def draw_counts(
    points: np.ndarray, columns: np.ndarray, valid: np.ndarray, sampled: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """How often each candidate (B × K, in column order, `valid` marking the real ones)
    comes first and in the top 3 over the drawn weights. Equal totals go to the smaller
    column, as in `rank` (columns are in id order).

    The three largest totals of each draw are kept column by column (a few whole-array
    operations per candidate, no per-draw sort); ties, rare with real scores, are settled
    only when some draw has them."""
    candidates = np.take_along_axis(points, columns[:, :, None], axis=1)  # B × K × 3
    totals = np.matmul(candidates, sampled.T)  # B × K × draws
    totals[~valid] = -np.inf
    first_total = np.full(totals[:, 0, :].shape, -np.inf)
    second, third, spare = first_total.copy(), first_total.copy(), first_total.copy()
    for k in range(columns.shape[1]):  # a sorted triple, duplicates kept
        value = totals[:, k, :]
        np.maximum(third, np.minimum(second, value, out=spare), out=third)
        np.maximum(second, np.minimum(first_total, value, out=spare), out=second)
        np.maximum(first_total, value, out=first_total)
    # Padding is -inf, like a total no draw reaches: masked on the counts, not the draws.
    draws = len(sampled)
    best = totals == first_total[:, None, :]
    first = best.sum(axis=2) * valid
    if first.sum() > draws * int(valid.any(axis=1).sum()):  # equal first totals somewhere:
        best &= valid[:, :, None] & (np.cumsum(best & valid[:, :, None], axis=1) == 1)
        first = best.sum(axis=2)  # the smaller column wins
    podium = totals >= third[:, None, :]
    top3 = podium.sum(axis=2) * valid
    if top3.sum() > draws * int(np.minimum(valid.sum(axis=1), 3).sum()):  # equal third
        above = totals > third[:, None, :]  # totals: the smaller columns fill the podium
        level = podium & ~above & valid[:, :, None]
        room = 3 - above.sum(axis=1, keepdims=True)
        top3 = (above | (level & (np.cumsum(level, axis=1) <= room))).sum(axis=2)
    return first, top3


def _tops(
    ids: list[str], points: np.ndarray, eligible: np.ndarray, shares: np.ndarray
) -> np.ndarray:
    """Each demand's first project under the profile's weights (-1 when none is eligible)."""
    totals = (points.reshape(-1, 3) @ shares).reshape(eligible.shape)
    if ids == sorted(ids):  # the column is then the tie-break, as top_k needs
        return top_k(totals, eligible, 1)[0][:, 0]
    firsts = [order_row(totals[i], eligible[i], ids)[:1] for i in range(len(totals))]
    return np.array([first[0] if first else -1 for first in firsts], dtype=int)


def _shares_in_parts(
    points: np.ndarray, mask: np.ndarray, sampled: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """`draw_counts` for each demand of a block: per demand, its candidate columns and
    their first and top-3 counts. Demands go in order of how many candidates they have,
    as many at once as keep demands × draws × candidates within PAIR_BUDGET, so that few
    padded columns are computed."""
    sizes = mask.sum(axis=1)
    order = np.argsort(sizes, kind="stable")
    order = order[sizes[order] > 0]  # a demand with none has no draws to count
    per_demand: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [
        (np.zeros(0, dtype=int), np.zeros(0, dtype=int), np.zeros(0, dtype=int))
    ] * len(mask)
    start = 0
    while start < len(order):
        end = start + 1
        while (
            end < len(order)
            and (end + 1 - start) * len(sampled) * max(1, int(sizes[order[end]])) <= PAIR_BUDGET
        ):
            end += 1
        rows = order[start:end]
        columns, valid = _compact(mask[rows])
        first, podium = draw_counts(points[rows], columns, valid, sampled)
        for i, row in enumerate(rows):
            ok = valid[i]
            per_demand[row] = (columns[i][ok], first[i][ok], podium[i][ok])
        start = end
    return per_demand


def _share_map(
    ids: list[str], columns: np.ndarray, counts: np.ndarray, shares: list[float]
) -> dict[str, float]:
    """Project → share of draws, largest first; `shares[n]` is n draws' share."""
    found = {ids[c]: shares[n] for c, n in zip(columns.tolist(), counts.tolist(), strict=True) if n}
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


def sensitivity(
    scores: Scores, draws: int = 1000, seed: int = 0, concentration: float = 30.0
) -> list[DemandSensitivity]:
    """Every demand's intervals and draw shares, a block of demands at a time: all draws
    against all candidates of the block in one product, nothing per pair in Python."""
    weights = raw_weights(scores)
    shares = weights / weights.sum()
    rng = np.random.default_rng(seed)
    # Components with weight 0 stay at 0 (a Dirichlet needs positive parameters).
    active = shares > 0
    sampled = np.zeros((draws, 3))
    if draws:
        sampled[:, active] = rng.dirichlet(concentration * shares[active], size=draws)
    corners = weight_corners(sampled) if draws else sampled
    # Plain Python numbers, rounded once per count: they go straight into JSON.
    share_of = [round(n / draws, 4) for n in range(draws + 1)] if draws else []
    named = [(name, round(float(weights[j]), 6)) for j, name in enumerate(COMPONENTS)]
    ids = list(scores.projects.ids)
    records = scores.demands.records
    components = [scores.component(name).values for name in COMPONENTS]
    eligible_all = np.asarray(scores.eligibility.eligible, dtype=bool)
    found: list[DemandSensitivity] = []
    for start in range(0, len(records), BLOCK):
        rows = slice(start, min(start + BLOCK, len(records)))
        points = np.stack([values[rows] for values in components], axis=-1)  # B × P × 3
        eligible = eligible_all[rows]
        top = _tops(ids, points, eligible, shares)
        # (a demand with no eligible project gets intervals too, never read)
        low, high = intervals_for(points, eligible, np.maximum(top, 0), weights)
        # As round(max(low, 0.0), 6) per value: numpy's rounding, in one call.
        lows = np.round(np.where(low < 0.0, 0.0, low), 6)
        highs = np.round(high, 6)
        counted = []
        if draws:
            candidates = podium_mask(points, eligible, corners) & (top >= 0)[:, None]
            counted = _shares_in_parts(points, candidates, sampled)
        for i, record in enumerate(records[rows]):
            if top[i] < 0:
                found.append(DemandSensitivity(record.key, None, (), {}, {}, False))
                continue
            intervals = tuple(
                WeightInterval(name, weight, lows[i, j], highs[i, j])
                for j, (name, weight) in enumerate(named)
            )
            first: dict[str, float] = {}
            top3: dict[str, float] = {}
            if draws:
                columns, first_counts, podium_counts = counted[i]
                first = _share_map(ids, columns, first_counts, share_of)
                top3 = _share_map(ids, columns, podium_counts, share_of)
            fragile = bool(draws) and bool(first.get(ids[top[i]], 0.0) < FRAGILE_BELOW)
            found.append(
                DemandSensitivity(record.key, ids[top[i]], tuple(intervals), first, top3, fragile)
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
