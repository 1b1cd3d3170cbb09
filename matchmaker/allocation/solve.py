"""Solve the allocation exactly with HiGHS (highs.py).

Variables: x[d,p] ∈ {0,1} per candidate pair; for synergy, z[r,p] ∈ [0,1] (project p
goes to region r) and y[r,p,q] ∈ [0,1] (both p and q go to r). The pairwise synergy term
is linearised: y ≤ z_p, y ≤ z_q, z ≤ Σ_{d ∈ r} x[d,p]. Only x needs integrality: with x
integral, the optimum puts z and y at 0 or 1 by itself.

Constraints come in named groups so an infeasible set can be narrowed down to the
groups that conflict, and each fairness group can be priced by solving without it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import numpy as np

from matchmaker.allocation import highs
from matchmaker.allocation.problem import AllocationProblem, distinct
from matchmaker.allocation.stoppable import Stopped, call_until

FAIRNESS_GROUPS = (
    "min-per-province",
    "decline-share",
    "decline-krw-share",
    "region-share",
    "repeat-cap",
    "new-share",
    "reserve-priority",
)
ALL_GROUPS = ("one-per-demand", "capacity", "budget", "project-budget", "locks", *FAIRNESS_GROUPS)


class Infeasible(Exception):
    """No assignment satisfies the constraints; `groups` are the ones that conflict."""

    def __init__(self, groups: list[str]) -> None:
        super().__init__(", ".join(groups))
        self.groups = groups


# "Optimal" means (bound - objective) / bound within this (HiGHS's default mip_rel_gap),
# and the JSON states it beside the true gap.
MIP_REL_GAP = 1e-4
# The gap HiGHS is told to stop at on the full model: a tenth of the tolerance. HiGHS
# 1.16 stops as soon as it is within its gap, and on the bundled examples it stopped at
# 3.3e-5 where scipy's HiGHS 1.12 had closed the gap (the same portfolio, a looser
# bound); a tenth closes them exactly again, for a few milliseconds.
SOLVER_GAP = MIP_REL_GAP / 10
# Seconds kept back from the deadline for what follows the solve (reasons, report, write).
REPORT_RESERVE = 1.0
# Share of the time left that HiGHS is given: it overshoots its limit (measured up to
# ~2 s at 2,000 × 200 while presolving and returning the model).
SOLVER_SHARE = 0.8
# The shortest solve worth starting: below it, the no-synergy optimum is the answer.
MIN_SOLVE_SECONDS = 0.05


@dataclass(slots=True)
class Solution:
    chosen: np.ndarray  # n bool over the problem's pairs
    objective: float  # scores of the chosen pairs + synergy bonuses
    status: str  # "optimal" (within `tolerance`) | "time-limit"
    gap: float  # true relative gap (bound - objective) / |bound|: 0 only when they are equal
    bound: float  # best proven upper bound on the objective
    synergy: list[tuple[int, int, int]] = field(default_factory=list)
    tolerance: float = 0.0  # relative gap the solver accepted as optimal (0: exact method)


def relative_gap(objective: float, bound: float) -> float:
    """(bound - objective) / |bound|, 0 only when the two are equal."""
    if bound == objective:
        return 0.0
    return (bound - objective) / max(abs(bound), 1e-9)


def seconds_left(deadline: float | None) -> float | None:
    """Seconds a solve may take before the deadline, the report's reserve kept back."""
    if deadline is None:
        return None
    return deadline - time.monotonic() - REPORT_RESERVE


@dataclass(slots=True)
class _Rows:
    """Constraint rows collected as sparse triplets, tagged with their group."""

    columns: int
    data: list[float] = field(default_factory=list)
    row: list[int] = field(default_factory=list)
    col: list[int] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def add(
        self,
        group: str,
        columns: Iterable[int],
        coefficients: Iterable[float],
        lower: float,
        upper: float,
    ) -> None:
        index = len(self.lower)
        for column, coefficient in zip(columns, coefficients, strict=True):
            self.row.append(index)
            self.col.append(int(column))
            self.data.append(float(coefficient))
        self.lower.append(lower)
        self.upper.append(upper)
        self.groups.append(group)

    def add_block(
        self,
        group: str,
        rows: np.ndarray,
        columns: np.ndarray,
        coefficients: np.ndarray,
        lower: np.ndarray,
        upper: np.ndarray,
    ) -> None:
        """Many rows at once: entry e goes to new row `rows[e]` (0-based within the block),
        entries kept in the order given, as `add` row by row would keep them."""
        first = len(self.lower)
        self.row += (np.asarray(rows, dtype=np.int64) + first).tolist()
        self.col += np.asarray(columns, dtype=np.int64).tolist()
        self.data += np.asarray(coefficients, dtype=float).tolist()
        self.lower += np.asarray(lower, dtype=float).tolist()
        self.upper += np.asarray(upper, dtype=float).tolist()
        self.groups += [group] * len(lower)

    def constraint(self, keep: set[str]) -> tuple[highs.Columns, np.ndarray, np.ndarray]:
        """The rows of the groups kept (in the order added), by columns, and their limits."""
        rows = np.array([group in keep for group in self.groups], dtype=bool)
        position = np.cumsum(rows) - 1
        entry_row = np.asarray(self.row, dtype=np.int64)
        mask = rows[entry_row] if len(entry_row) else np.zeros(0, dtype=bool)
        matrix = highs.from_triplets(
            position[entry_row[mask]],
            np.asarray(self.col, dtype=np.int64)[mask],
            np.asarray(self.data, dtype=float)[mask],
            (int(rows.sum()), self.columns),
        )
        return matrix, np.array(self.lower)[rows], np.array(self.upper)[rows]


def _build(
    problem: AllocationProblem,
) -> tuple[np.ndarray, _Rows, int, list[tuple[int, int]], np.ndarray]:
    options = problem.options
    n = problem.pairs
    zs = sorted(
        {(r, p) for r, p, _ in problem.synergy_pairs}
        | {(r, q) for r, _, q in problem.synergy_pairs}
    )
    y_start = n + len(zs)
    columns = y_start + len(problem.synergy_pairs)
    objective = np.zeros(columns)
    objective[:n] = -problem.value
    objective[y_start:] = -options.synergy_bonus
    rows = _Rows(columns)

    by_demand: dict[int, list[int]] = {}
    by_project: dict[int, list[int]] = {}
    for i, (d, p) in enumerate(zip(problem.demand, problem.project, strict=True)):
        by_demand.setdefault(int(d), []).append(i)
        by_project.setdefault(int(p), []).append(i)
    for members in by_demand.values():
        rows.add("one-per-demand", members, [1.0] * len(members), -np.inf, options.per_demand)
    for p, members in by_project.items():
        if np.isfinite(problem.capacity[p]):
            rows.add("capacity", members, [1.0] * len(members), -np.inf, problem.capacity[p])
        if np.isfinite(problem.project_budget[p]):
            rows.add(
                "project-budget", members, problem.cost[members], -np.inf, problem.project_budget[p]
            )
    everything = list(range(n))
    if options.budget is not None:
        rows.add("budget", everything, problem.cost, -np.inf, options.budget)
    if options.min_per_province > 0:
        pair_province = problem.province[problem.demand]
        for province in range(len(problem.province_codes)):
            members = np.flatnonzero(pair_province == province).tolist()
            rows.add(
                "min-per-province", members, [1.0] * len(members), options.min_per_province, np.inf
            )
    decline = problem.decline[problem.demand].astype(float)
    if options.min_decline_share > 0:
        rows.add("decline-share", everything, decline - options.min_decline_share, 0.0, np.inf)
    if options.min_decline_krw_share > 0:
        rows.add(
            "decline-krw-share",
            everything,
            problem.cost * (decline - options.min_decline_krw_share),
            0.0,
            np.inf,
        )
    if options.max_region_share < 1:
        for region in range(len(problem.region_codes)):
            inside = (problem.region[problem.demand] == region).astype(float)
            rows.add("region-share", everything, inside - options.max_region_share, -np.inf, 0.0)
    if options.max_repeat is not None:
        # Over all rounds: what a region received before counts against its cap.
        for region in range(len(problem.region_codes)):
            members = [i for i in everything if problem.region[problem.demand[i]] == region]
            room = max(options.max_repeat - problem.earlier_of(region), 0)
            if members:
                rows.add("repeat-cap", members, [1.0] * len(members), -np.inf, float(room))
    if options.min_new_share > 0:
        never = np.array(
            [problem.earlier_of(int(problem.region[d])) == 0 for d in problem.demand], dtype=float
        )
        rows.add("new-share", everything, never - options.min_new_share, 0.0, np.inf)
    if options.reserve_priority > 0 and options.reserve_demands:
        # At least this share of the carried-over reserve demands that have a candidate
        # project get one (rounded down, so a share never asks for a demand that is not
        # there).
        keys = [record.key for record in problem.scores.demands.records]
        members = [i for i in everything if keys[problem.demand[i]] in options.reserve_demands]
        carried = len({int(problem.demand[i]) for i in members})
        need = float(math.floor(options.reserve_priority * carried + 1e-9))
        if members and need > 0:
            rows.add("reserve-priority", members, [1.0] * len(members), need, np.inf)
    locked = (
        [
            i
            for i in everything
            if (int(problem.demand[i]), int(problem.project[i])) in problem.locked
        ]
        if problem.locked
        else []
    )
    for i in locked:
        rows.add("locks", [i], [1.0], 1.0, np.inf)
    _synergy_rows(problem, rows, zs, y_start, n)
    integrality = np.zeros(columns)
    integrality[:n] = 1
    return objective, rows, n, zs, integrality


def _synergy_rows(
    problem: AllocationProblem, rows: _Rows, zs: list[tuple[int, int]], y_start: int, n: int
) -> None:
    """y ≤ z_p and y ≤ z_q for each complementary pair, then z ≤ Σ x over the region's
    pairs of that project: the rows, and the order of rows and entries, that adding them
    one by one gave (so HiGHS sees the same model), built with numpy (one by one it took
    two minutes at 2,000 × 200)."""
    if not zs:
        return
    projects = len(problem.capacity)
    z_codes = np.array([r * projects + p for r, p in zs], dtype=np.int64)  # ascending
    synergy = problem.synergy_edges()
    z_p = n + np.searchsorted(z_codes, synergy[:, 0] * projects + synergy[:, 1])
    z_q = n + np.searchsorted(z_codes, synergy[:, 0] * projects + synergy[:, 2])
    y = y_start + np.arange(len(synergy))
    count = len(synergy)
    rows.add_block(
        "synergy",
        np.repeat(np.arange(2 * count), 2),
        np.stack([y, z_p, y, z_q], axis=1).ravel(),
        np.tile([1.0, -1.0, 1.0, -1.0], count),
        np.full(2 * count, -np.inf),
        np.zeros(2 * count),
    )
    pair_codes = problem.region[problem.demand].astype(np.int64) * projects + problem.project
    position = np.searchsorted(z_codes, pair_codes)
    inside = position < len(z_codes)
    inside[inside] = z_codes[position[inside]] == pair_codes[inside]
    members = np.flatnonzero(inside)  # ascending pair index within each z
    owner = np.concatenate([np.arange(len(zs)), position[members]])
    column = np.concatenate([n + np.arange(len(zs)), members])
    coefficient = np.concatenate([np.ones(len(zs)), -np.ones(len(members))])
    member_flag = np.concatenate([np.zeros(len(zs)), np.ones(len(members))])
    order = np.lexsort((column, member_flag, owner))  # per z: z itself, then its pairs
    rows.add_block(
        "synergy",
        owner[order],
        column[order],
        coefficient[order],
        np.full(len(zs), -np.inf),
        np.zeros(len(zs)),
    )


def _present(rows: _Rows) -> list[str]:
    return [group for group in ALL_GROUPS if group in set(rows.groups)]


def _run(
    objective: np.ndarray,
    rows: _Rows,
    keep: set[str],
    integrality: np.ndarray,
    deadline: float | None,
    initial: np.ndarray | None = None,
) -> highs.Result:
    matrix, lower, upper = rows.constraint(keep | {"synergy"})
    args = (objective, matrix, lower, upper, integrality)
    left = seconds_left(deadline)  # after the model is built: building counts too
    if left is None:
        return _milp(*args, None, initial)
    limit = max(SOLVER_SHARE * left, MIN_SOLVE_SECONDS)
    # HiGHS may overrun its own limit (99 s for 48 s measured): it runs where it can be
    # stopped at the deadline, and a stopped run counts as "no portfolio in time".
    try:
        until = time.monotonic() + max(left, MIN_SOLVE_SECONDS)
        found = call_until(_milp, (*args, limit, initial), until)
    except Stopped:
        return highs.Result("time-limit", None, None, None, None, "stopped at the time limit")
    assert isinstance(found, highs.Result)
    return found


def _milp(
    objective: np.ndarray,
    matrix: highs.Columns,
    lower: np.ndarray,
    upper: np.ndarray,
    integrality: np.ndarray,
    time_limit: float | None,
    initial: np.ndarray | None = None,
) -> highs.Result:
    return highs.solve(
        objective,
        matrix,
        lower,
        upper,
        col_upper=1.0,
        integrality=integrality,
        time_limit=time_limit,
        mip_rel_gap=SOLVER_GAP,
        initial=initial,
    )


def _diagnose(objective: np.ndarray, rows: _Rows, integrality: np.ndarray) -> list[str]:
    """Deletion filter over constraint groups: the smallest set that is still infeasible."""
    needed = _present(rows)
    for group in list(needed):
        trial = set(needed) - {group}
        if _run(objective, rows, trial, integrality, None).status == "infeasible":
            needed.remove(group)
    return needed


def is_plain_assignment(problem: AllocationProblem, without: Iterable[str] = ()) -> bool:
    """One project per demand and capacities only: the LP relaxation is integral.

    The constraint matrix is then that of a bipartite b-matching, which is totally
    unimodular, so a vertex solution of the LP is already an optimal assignment.
    """
    options = problem.options
    dropped = set(without)
    fairness = options.fairness
    return (
        not problem.synergy_pairs
        and options.per_demand == 1
        and (options.budget is None or "budget" in dropped)
        and not np.isfinite(problem.project_budget).any()
        and (not fairness or set(FAIRNESS_GROUPS) <= dropped)
        and not problem.locked
    )


CANDIDATES_PER_DEMAND = 10
PRICING_TOLERANCE = 1e-7


def solve_assignment(problem: AllocationProblem) -> Solution | None:
    """`assignment_with_prices` without the prices."""
    return assignment_with_prices(problem)[0]


def assignment_with_prices(problem: AllocationProblem) -> tuple[Solution | None, np.ndarray]:
    """Exact capacitated assignment by LP column generation over the dense score matrix.

    Start from each demand's best few projects, solve the restricted LP with HiGHS, then
    price every pair with the dual prices (score − demand price − project price); add the
    pairs that would improve the objective and repeat. When no pair outside the set has a
    positive reduced cost, the restricted optimum is the optimum of the whole problem: a
    proof, not a heuristic. Returns None if the LP answer is not integral (it should be).
    Also returns the projects' dual prices (what one more unit of capacity would add).
    """
    demands = int(problem.demand.max()) + 1 if problem.pairs else 0
    projects = len(problem.capacity)
    if problem.pairs == 0:
        return Solution(np.zeros(0, dtype=bool), 0.0, "optimal", 0.0, 0.0), np.zeros(projects)
    values = np.full((demands, projects), -np.inf)
    values[problem.demand, problem.project] = problem.value
    index = np.full((demands, projects), -1, dtype=np.int64)
    index[problem.demand, problem.project] = np.arange(problem.pairs)
    k = min(CANDIDATES_PER_DEMAND, projects)
    best = np.argpartition(-values, k - 1, axis=1)[:, :k]
    active = np.zeros((demands, projects), dtype=bool)
    np.put_along_axis(active, best, True, axis=1)
    active &= np.isfinite(values)
    capacities = np.minimum(problem.capacity, demands)
    while True:
        rows, cols = np.nonzero(active)
        count = len(rows)
        # Column j (pair j) has a 1 in its demand's row and in its project's row.
        matrix = highs.Columns(
            demands + projects,
            np.arange(0, 2 * count + 1, 2, dtype=np.int64),
            np.stack([rows, demands + cols], axis=1).ravel(),
            np.ones(2 * count),
        )
        limits = np.concatenate([np.ones(demands), capacities])
        result = highs.solve(
            -values[rows, cols], matrix, np.full(len(limits), -np.inf), limits, col_upper=1.0
        )
        if result.status != "optimal" or result.x is None or result.row_dual is None:
            return None, np.zeros(projects)
        duals = -result.row_dual
        demand_price, project_price = duals[:demands], duals[demands:]
        reduced = values - demand_price[:, None] - project_price[None, :]
        improving = np.isfinite(values) & ~active & (reduced > PRICING_TOLERANCE)
        if not improving.any():
            break
        active |= improving
    x = result.x
    if np.any(np.abs(x - np.round(x)) > 1e-6):
        return None, project_price
    chosen = np.zeros(problem.pairs, dtype=bool)
    picked = x > 0.5
    chosen[index[rows[picked], cols[picked]]] = True
    objective = round(float(problem.value[chosen].sum()), 6)
    return Solution(chosen, objective, "optimal", 0.0, objective), project_price


def solve(problem: AllocationProblem, without: Iterable[str] = ()) -> Solution:
    """The optimum under the options, or at the deadline the best portfolio found with a
    proven bound. With synergy, the no-synergy optimum is solved first (exactly, and
    fast): it is the fallback, so the answer at the limit is never worse than it."""
    options = problem.options
    deadline = options.deadline
    if deadline is None and options.time_limit is not None:
        deadline = time.monotonic() + options.time_limit
    if not problem.synergy_pairs:
        return _solve_plain(problem, without, deadline)
    plain = replace(problem, synergy_pairs=[])
    by_region = decomposes(problem, without, deadline)
    base, prices = None, None
    if by_region and is_plain_assignment(plain):
        base, prices = assignment_with_prices(plain)
    if base is None:
        base = _solve_plain(plain, without, deadline)
    fallback = _with_synergy(problem, base)
    left = seconds_left(deadline)
    if left is not None and left < MIN_SOLVE_SECONDS:
        return fallback
    if by_region:
        found: Solution | None = _solve_by_region(problem, base, prices, deadline)
    else:
        found = _solve_milp(problem, without, deadline, base.chosen)
    if found is None or found.objective < fallback.objective:
        best = fallback
        bound = found.bound if found is not None else fallback.bound
    else:
        best, bound = found, found.bound
    bound = max(min(bound, fallback.bound), best.objective)
    gap = round(relative_gap(best.objective, bound), 6)
    status = "optimal" if found is not None and found.status == "optimal" else "time-limit"
    if by_region:  # no solver's word here: proven only when the bound meets it
        status = "optimal" if gap <= MIP_REL_GAP else "time-limit"
    return Solution(
        best.chosen, best.objective, status, gap, round(bound, 6), best.synergy, MIP_REL_GAP
    )


# Below this many candidate pairs the full MILP is small enough for HiGHS, and keeps the
# exact answers (and tie-breaking) the bundled examples and their saved outputs have.
DECOMPOSE_MIN_PAIRS = 50_000


def decomposes(problem: AllocationProblem, without: Iterable[str], deadline: float | None) -> bool:
    """Whether synergy is solved by region (decompose.py): a large problem under a time
    limit whose only rules across regions are capacities and budgets, one project per
    demand. Without a limit the full MILP runs to its proven optimum, however long."""
    options = problem.options
    return (
        deadline is not None
        and problem.pairs >= DECOMPOSE_MIN_PAIRS
        and options.per_demand == 1
        and not options.fairness
        and not problem.locked
        and not set(without)
    )


def _solve_by_region(
    problem: AllocationProblem, base: Solution, prices: np.ndarray | None, deadline: float | None
) -> Solution:
    """Price-and-branch over region bundles (decompose.py), from the no-synergy optimum,
    with the time left before the report's reserve."""
    from matchmaker.allocation.decompose import solve_by_region

    # Before the decomposition's clock starts: each reads every complementary pair
    # (seconds at 10,000 × 1,000), and what follows the decomposition must be quick.
    synergy = problem.synergy_edges()
    cap = simple_bound(problem)
    left = seconds_left(deadline)
    until = None if left is None else time.monotonic() + left
    found = solve_by_region(problem, base.chosen, until, prices)
    given = np.zeros((len(problem.region_codes), len(problem.capacity)), dtype=bool)
    picked = np.flatnonzero(found.chosen)
    given[problem.region[problem.demand[picked]], problem.project[picked]] = True
    done = given[synergy[:, 0], synergy[:, 1]] & given[synergy[:, 0], synergy[:, 2]]
    completed = [problem.synergy_pairs[i] for i in np.flatnonzero(done).tolist()]
    objective = round(found.objective, 6)
    bound = round(max(min(found.bound, cap), objective), 6)
    gap = relative_gap(objective, bound)
    status = "optimal" if gap <= MIP_REL_GAP else "time-limit"
    return Solution(found.chosen, objective, status, round(gap, 6), bound, completed, MIP_REL_GAP)


def _solve_plain(
    problem: AllocationProblem, without: Iterable[str], deadline: float | None
) -> Solution:
    """Without synergy: column generation when the LP is integral, else the MILP."""
    if is_plain_assignment(problem, without):
        solution = solve_assignment(problem)
        if solution is not None:
            return solution
    found = _solve_milp(problem, without, deadline)
    if found is None:
        raise NoSolutionInTime()
    return found


def _with_synergy(problem: AllocationProblem, base: Solution) -> Solution:
    """A synergy-free portfolio scored with the synergy it happens to earn, and the bound
    that follows from the base's: no portfolio scores more than the best without synergy
    plus a bonus for every complementary pair offered."""
    pairs = problem.synergy_edges()
    given = np.zeros((len(problem.region_codes), len(problem.capacity)), dtype=bool)
    picked = np.flatnonzero(base.chosen)
    given[problem.region[problem.demand[picked]], problem.project[picked]] = True
    done = given[pairs[:, 0], pairs[:, 1]] & given[pairs[:, 0], pairs[:, 2]]
    synergy = [problem.synergy_pairs[i] for i in np.flatnonzero(done).tolist()]
    bonus = problem.options.synergy_bonus
    value = float(problem.value[base.chosen].sum()) + bonus * len(synergy)
    bound = base.bound + bonus * synergy_cap(problem)
    return Solution(
        base.chosen,
        round(value, 6),
        "time-limit",
        round(relative_gap(value, bound), 6),
        round(bound, 6),
        synergy,
        base.tolerance,
    )


def synergy_cap(problem: AllocationProblem) -> int:
    """At most how many complementary pairs any portfolio can complete: per region, no
    more than its pairs, than pairs among the m projects its demands can receive
    (m = demands × per_demand), nor than half the m largest pair counts of its projects."""
    if not problem.synergy_pairs:
        return 0
    # Vectorised (2.5 M pairs at 10,000 × 1,000 took seconds one tuple at a time).
    pairs = problem.synergy_edges()
    regions = len(problem.region_codes)
    projects = int(pairs[:, 1:].max()) + 1
    count = np.bincount(pairs[:, 0], minlength=regions)
    ends = np.concatenate(
        [pairs[:, 0] * projects + pairs[:, 1], pairs[:, 0] * projects + pairs[:, 2]]
    )
    degrees = np.bincount(ends, minlength=regions * projects).reshape(regions, projects)
    running = np.cumsum(-np.sort(-degrees, axis=1), axis=1)
    demands = np.bincount(problem.region, minlength=regions)
    m = demands.astype(np.int64) * problem.options.per_demand
    top = np.where(m > 0, running[np.arange(regions), np.clip(m, 1, projects) - 1], 0) // 2
    cap = np.minimum(np.minimum(count, m * (m - 1) // 2), top)
    return int(cap[count > 0].sum())


def simple_bound(problem: AllocationProblem) -> float:
    """A bound no portfolio can pass, whatever the rules: every demand given its
    `per_demand` best pairs, plus the bonus for the most pairs `synergy_cap` allows."""
    if problem.pairs == 0:
        return 0.0
    if problem.options.per_demand == 1:  # each demand's best pair, without a sort
        best = np.full(len(problem.region), -np.inf)
        np.maximum.at(best, problem.demand, problem.value)
        best = best[distinct(problem.demand)]
    else:
        order = np.lexsort((-problem.value, problem.demand))
        demand = problem.demand[order]
        starts = np.flatnonzero(np.r_[True, demand[1:] != demand[:-1]])
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
        best = problem.value[order][rank < problem.options.per_demand]
    return float(np.clip(best, 0.0, None).sum()) + problem.options.synergy_bonus * synergy_cap(
        problem
    )


def _solve_milp(
    problem: AllocationProblem,
    without: Iterable[str],
    deadline: float | None,
    start: np.ndarray | None = None,
) -> Solution | None:
    """HiGHS on the full model; None when it stopped at the limit with no portfolio.
    `start` (chosen pairs, e.g. the no-synergy optimum under the same rules) is the
    incumbent HiGHS starts from, so that it has a portfolio from its first second."""
    objective, rows, n, zs, integrality = _build(problem)
    keep = set(ALL_GROUPS) - set(without)
    if n == 0:  # nothing is eligible: an empty portfolio, unless a minimum asks for more
        unmet = sorted(
            {g for g, low in zip(rows.groups, rows.lower, strict=True) if g in keep and low > 0}
        )
        if unmet:
            raise Infeasible(unmet)
        return Solution(np.zeros(0, dtype=bool), 0.0, "optimal", 0.0, 0.0)
    initial = None if start is None else _full_start(problem, zs, start, len(objective))
    result = _run(objective, rows, keep, integrality, deadline, initial)
    if result.status == "infeasible":
        raise Infeasible(_diagnose(objective, rows, integrality))
    x = result.x
    if x is None and result.status == "time-limit":
        return None
    if x is None:
        raise RuntimeError(f"HiGHS gave no solution: {result.message}")
    chosen = np.asarray(x[:n]) > 0.5
    y = np.asarray(x[n + len(zs) :]) > 0.5
    value = float(problem.value[chosen].sum())
    bonus = problem.options.synergy_bonus * float(y.sum())
    found = value + bonus
    reported = result.dual_bound
    bound = -float(reported) if reported is not None and np.isfinite(reported) else np.inf
    bound = max(min(bound, simple_bound(problem)), found)  # always finite: strict JSON
    gap = relative_gap(found, bound)
    return Solution(
        chosen=chosen,
        objective=round(found, 6),
        status="optimal" if result.status == "optimal" or gap <= MIP_REL_GAP else "time-limit",
        gap=round(gap, 6),
        bound=round(bound, 6),
        synergy=[pair for pair, on in zip(problem.synergy_pairs, y, strict=True) if on],
        tolerance=MIP_REL_GAP,
    )


def _full_start(
    problem: AllocationProblem, zs: list[tuple[int, int]], chosen: np.ndarray, columns: int
) -> np.ndarray:
    """The full model's variables for the portfolio `chosen`: x its pairs, z[r,p] where a
    demand of r has p, y where both projects of a complementary pair went to r."""
    x = np.zeros(columns)
    n = problem.pairs
    x[:n] = chosen
    picked = np.flatnonzero(chosen)
    given = {
        (int(r), int(p))
        for r, p in zip(
            problem.region[problem.demand[picked]], problem.project[picked], strict=True
        )
    }
    x[n : n + len(zs)] = [float(z in given) for z in zs]
    x[n + len(zs) :] = [
        float((r, p) in given and (r, q) in given) for r, p, q in problem.synergy_pairs
    ]
    return x


class NoSolutionInTime(Exception):
    """The time limit passed before any portfolio satisfying every rule was found."""


def greedy(problem: AllocationProblem) -> np.ndarray:
    """Baseline for benchmarks: best pairs first while room remains (no fairness)."""
    options = problem.options
    # Demands and projects are indexed in key and id order, so indexes break ties by id.
    order = np.lexsort((problem.project, problem.demand, -problem.value))
    chosen = np.zeros(problem.pairs, dtype=bool)
    per_demand: dict[int, int] = {}
    per_project: dict[int, int] = {}
    spent_project: dict[int, float] = {}
    spent = 0.0
    for i in order.tolist():
        d, p, cost = int(problem.demand[i]), int(problem.project[i]), problem.cost[i]
        if per_demand.get(d, 0) >= options.per_demand:
            continue
        if per_project.get(p, 0) >= problem.capacity[p]:
            continue
        if options.budget is not None and spent + cost > options.budget:
            continue
        if spent_project.get(p, 0.0) + cost > problem.project_budget[p]:
            continue
        chosen[i] = True
        per_demand[d] = per_demand.get(d, 0) + 1
        per_project[p] = per_project.get(p, 0) + 1
        spent_project[p] = spent_project.get(p, 0.0) + cost
        spent += cost
    return chosen
