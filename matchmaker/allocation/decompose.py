"""Allocation with synergy, decomposed by region (Dantzig–Wolfe column generation).

Synergy only couples projects given to the same region, and "at most `per_demand`
projects per demand" only couples a region's own demands; what couples regions is the
projects' capacities and budgets and Seoul's budget. So a portfolio is one *bundle* per
region (the pairs given to its demands), and the problem is

    max Σ_b value(b) λ_b   s.t.  Σ_b A(b) λ_b ≤ limits,  Σ_{b of r} λ_b ≤ 1 per region,

λ_b ∈ {0, 1}, where value(b) is the bundle's scores plus the bonus for the complementary
pairs it completes and A(b) what it uses of each capacity and budget. The master keeps
only bundles generated so far; a bundle is worth adding when its value, less what it uses
priced at the master's duals, beats its region's convexity dual. Finding the best such
bundle (pricing) is a small problem per region (one project per demand).

The bound (why it is a valid upper bound, whatever the duals). For prices π ≥ 0 on the
coupling rows (limits b) and any portfolio x meeting them (A x ≤ b),

    objective(x) = Σ_r value_r(x_r)
                 ≤ Σ_r value_r(x_r) + π·(b − A x)                      (π ≥ 0, b − A x ≥ 0)
                 = π·b + Σ_r [value_r(x_r) − π·A x_r]
                 ≤ π·b + Σ_r U_r(π),

for any U_r(π) at least the most a bundle of region r earns at prices π, S_r(π) (itself
at least 0: the empty bundle). Pricing gives U_r = S_r where it enumerates a region's
choices or its branch and bound (`_search`) finishes, and otherwise an upper bound: what
the search's open partial choices still allow, or `_split_bound` where the search was
not run (under a time limit: in the first round, and once the round's time is up); so
π·b + Σ_r U_r bounds every portfolio, for the no-synergy optimum's capacity prices and
for every round's master duals alike, and the least of these bounds is reported. With
exact pricing, column generation ends with it equal to the master's LP optimum (2,000 ×
200: in about eight rounds). The answer is the best of the start, a greedy swap of
bundles, a dive on the master LP, HiGHS on the generated bundles when time is left
(price-and-branch), each polished demand by demand (`_polish`); so it is never worse
than the no-synergy optimum, whose bundles are the first columns, and its gap to the
bound is the true gap.

Pricing rests on a pruning rule: a demand d gives up its best reduced value t_d (or
nothing, worth 0) for a project p only if synergy makes up the difference, and p
completes at most min(degree of p in the region, slots − 1) complementary pairs (slots:
the region's demands × per_demand). So in some optimal bundle every pair (d, p) has
w_dp + bonus · min(degree, slots − 1) ≥ max(t_d, 0); swapping any other pair for d's
best (or dropping it) would lose nothing. A region with no complementary pair among its
candidate projects then takes each demand's best pair; the others are sharpened further
and enumerated (`_price_region`). Regions are priced independently of each other, so a
round shares them out among one process per core (split.py); their results are added up
in the regions' order, the same to the last bit however many processes ran.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from matchmaker.allocation import highs
from matchmaker.allocation.problem import AllocationProblem
from matchmaker.allocation.split import map_shared, workers
from matchmaker.allocation.stoppable import Stopped, call_until, solver_seconds

# A bundle enters the master when it beats its region's dual by more than this (scores
# are points with two decimals, so this is far below any real difference).
REDUCED_TOLERANCE = 1e-6
# Pairs kept as candidates when within this of the pruning rule's threshold (floating
# point safety: keeping a pair too many is harmless, dropping one is not).
PRUNE_SLACK = 1e-9
# Relative gap HiGHS may stop at in the integer master (its objective is checked against
# the decomposition's own bound, not this).
MASTER_GAP = 1e-4
# Share of the time left that HiGHS is told it has for the integer master.
SOLVER_SHARE = 0.7
# The master LPs: HiGHS's interior point method (with crossover, so a vertex and its
# duals) solved them 3-4x faster than the simplex at 2,000 x 200.
LP_METHOD = "ipm"
# A bundle the master LP takes more than 1 - this of counts as taken whole (less than
# this: not at all) when diving for the integer master.
WHOLE = 1e-6
# Bundles the master LP takes at least this much of are fixed together when diving.
DIVE_FIX = 0.9
# Slack when checking that a bundle fits the capacity and budget left.
FIT_TOLERANCE = 1e-9
# Share of the time given to the decomposition that is kept for the integer master.
INTEGER_SHARE = 0.25
# Share of the generating time left that a round's branch and bound (`_search`) may take.
PRICING_SHARE = 0.5
# Column generation stops when the bound and the master's LP value are this close
# (relative): a tenth of the tolerance an answer is called optimal at (solve.py's
# MIP_REL_GAP), since the portfolio found is below the master's LP value too. The last
# rounds at 2,000 × 200 closed less than this each, at ~1 s a round.
CONVERGED = 1e-5


@dataclass(slots=True)
class _Dense:
    """The problem's pairs as demand × project matrices, and the regions' structure."""

    value: np.ndarray  # D×P score, -inf where no candidate pair
    index: np.ndarray  # D×P pair index, -1 where none
    cost: np.ndarray | None  # D×P KRW, where a budget prices it
    region: np.ndarray  # D
    present: np.ndarray  # regions that have demands, ascending
    order: np.ndarray  # demands sorted by region (stable)
    starts: np.ndarray  # per present region: its first position in `order`
    slots: np.ndarray  # R: demands × per_demand
    degree: np.ndarray  # R×P: complementary pairs of project p in region r
    edges: np.ndarray  # E×3: (region, p, q), as problem.synergy_pairs (region order)
    edge_starts: np.ndarray  # R+1: region r's edges are edges[edge_starts[r]:edge_starts[r+1]]
    member_starts: np.ndarray  # R+1: region r's demands are order[member_starts[r]:…[r+1]]


def _dense(problem: AllocationProblem, priced_cost: bool) -> _Dense:
    demands = len(problem.region)
    projects = len(problem.capacity)
    regions = len(problem.region_codes)
    value = np.full((demands, projects), -np.inf)
    value[problem.demand, problem.project] = problem.value
    index = np.full((demands, projects), -1, dtype=np.int64)
    index[problem.demand, problem.project] = np.arange(problem.pairs)
    cost = None
    if priced_cost:
        cost = np.zeros((demands, projects))
        cost[problem.demand, problem.project] = problem.cost
    order = np.argsort(problem.region, kind="stable")
    sorted_regions = problem.region[order]
    present, starts = np.unique(sorted_regions, return_index=True)
    slots = np.bincount(problem.region, minlength=regions) * problem.options.per_demand
    edges = problem.synergy_edges()
    edges = edges[np.argsort(edges[:, 0], kind="stable")]
    edge_starts = np.searchsorted(edges[:, 0], np.arange(regions + 1))
    degree = np.zeros((regions, projects), dtype=np.int64)
    np.add.at(degree, (edges[:, 0], edges[:, 1]), 1)
    np.add.at(degree, (edges[:, 0], edges[:, 2]), 1)
    return _Dense(
        value,
        index,
        cost,
        problem.region,
        present,
        order,
        starts,
        slots,
        degree,
        edges,
        edge_starts,
        np.searchsorted(sorted_regions, np.arange(regions + 1)),
    )


@dataclass(slots=True)
class _Rows:
    """The master's coupling rows: which capacity and budget each row limits."""

    capacity: np.ndarray  # P: row of the project's capacity, -1 if unlimited
    project_budget: np.ndarray  # P: row of the project's budget, -1 if unlimited
    budget: int  # row of Seoul's budget, -1 if none
    limits: np.ndarray  # right-hand sides of the coupling rows

    @property
    def count(self) -> int:
        return len(self.limits)


def _rows(problem: AllocationProblem) -> _Rows:
    projects = len(problem.capacity)
    limits: list[float] = []
    capacity = np.full(projects, -1, dtype=np.int64)
    for p in np.flatnonzero(np.isfinite(problem.capacity)):
        capacity[p] = len(limits)
        limits.append(float(problem.capacity[p]))
    project_budget = np.full(projects, -1, dtype=np.int64)
    for p in np.flatnonzero(np.isfinite(problem.project_budget)):
        project_budget[p] = len(limits)
        limits.append(float(problem.project_budget[p]))
    budget = -1
    if problem.options.budget is not None:
        budget = len(limits)
        limits.append(float(problem.options.budget))
    return _Rows(capacity, project_budget, budget, np.array(limits, dtype=float))


@dataclass(slots=True)
class _Columns:
    """The bundles generated so far: region, pairs and value of each."""

    region: list[int] = field(default_factory=list)
    pairs: list[np.ndarray] = field(default_factory=list)
    value: list[float] = field(default_factory=list)
    seen: dict[tuple[int, bytes], int] = field(default_factory=dict)  # → column

    def add(self, region: int, pairs: np.ndarray, value: float) -> bool:
        pairs = np.sort(pairs.astype(np.int64))
        key = (region, pairs.tobytes())
        if key in self.seen:
            return False
        self.seen[key] = len(self.region)
        self.region.append(region)
        self.pairs.append(pairs)
        self.value.append(value)
        return True


def _matrix(
    problem: AllocationProblem, rows: _Rows, columns: _Columns, first: int = 0
) -> highs.Columns:
    """Coupling rows, then one convexity row per region, by columns (from `first` on)."""
    count = len(columns.region) - first
    sizes = np.array([len(p) for p in columns.pairs[first:]], dtype=np.int64)
    pairs = np.concatenate(columns.pairs[first:]) if count else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(count), sizes)
    project = problem.project[pairs]
    entry_rows = [rows.capacity[project], rows.project_budget[project]]
    entry_cols = [owner, owner]
    entry_data = [np.ones(len(pairs)), problem.cost[pairs]]
    if rows.budget >= 0:
        entry_rows.append(np.full(len(pairs), rows.budget))
        entry_cols.append(owner)
        entry_data.append(problem.cost[pairs])
    entry_rows.append(rows.count + np.array(columns.region[first:], dtype=np.int64))
    entry_cols.append(np.arange(count))
    entry_data.append(np.ones(count))
    r, c, d = (np.concatenate(parts) for parts in (entry_rows, entry_cols, entry_data))
    keep = r >= 0
    shape = (rows.count + len(problem.region_codes), count)
    return highs.from_triplets(r[keep], c[keep], d[keep], shape)


def completed(problem: AllocationProblem, dense: _Dense, pairs: np.ndarray) -> np.ndarray:
    """E bool: the complementary pairs (rows of `dense.edges`) the chosen pairs complete."""
    given = np.zeros(dense.degree.shape, dtype=bool)
    given[problem.region[problem.demand[pairs]], problem.project[pairs]] = True
    e = dense.edges
    return given[e[:, 0], e[:, 1]] & given[e[:, 0], e[:, 2]]


def portfolio_value(problem: AllocationProblem, dense: _Dense, pairs: np.ndarray) -> float:
    """Scores of the pairs plus the bonus for the complementary pairs they complete."""
    bonus = problem.options.synergy_bonus * int(completed(problem, dense, pairs).sum())
    return float(problem.value[pairs].sum()) + bonus


def _bundle_value(
    problem: AllocationProblem, dense: _Dense, region: int, pairs: np.ndarray
) -> float:
    """`portfolio_value` for one region's bundle, reading only that region's pairs."""
    return float(problem.value[pairs].sum()) + problem.options.synergy_bonus * len(
        _completed_in(problem, dense, region, pairs)
    )


@dataclass(slots=True)
class _Priced:
    bundles: dict[int, np.ndarray]  # region → pairs of its best bundle at these prices
    best: np.ndarray  # R: reduced value of that bundle
    upper: float  # ≥ Σ_r S_r(π): the most all regions can earn at these prices


def _price(
    problem: AllocationProblem,
    dense: _Dense,
    capacity_price: np.ndarray,
    cost_price: np.ndarray,
    seconds: float | None = None,
    threshold: np.ndarray | None = None,
    processes: int = 1,
) -> _Priced:
    """Each region's best bundle at the prices (see the module's pruning rule). Groups of
    demands too large to enumerate are searched by branch and bound for `seconds` in all
    (None: no limit; 0: not at all, they keep local search and the split bound). The
    regions are priced in up to `processes` processes at once (split.py), each searching
    until the same moment; the answer is the same however many.

    With `threshold` (per region: the master's convexity duals), only bundles worth more
    than it are wanted: a region proven unable to beat it (`_skips`) is not searched and
    may give a lesser bundle or none; its bound is then at most max(S_r, threshold), still
    ≥ S_r. Every region that can beat it is priced exactly as without it."""
    per_demand = problem.options.per_demand
    bonus = problem.options.synergy_bonus
    demands, projects = dense.value.shape
    regions = len(problem.region_codes)
    reduced = dense.value - capacity_price[None, :]
    if dense.cost is not None:
        reduced -= dense.cost * cost_price[None, :]
    if per_demand <= projects:
        kth = np.partition(reduced, projects - per_demand, axis=1)[:, projects - per_demand]
    else:
        kth = np.full(demands, -np.inf)
    floor = np.maximum(np.where(np.isfinite(kth), kth, 0.0), 0.0)
    reach = np.minimum(dense.degree[dense.region], (dense.slots[dense.region] - 1)[:, None])
    candidate = np.isfinite(reduced) & (
        reduced + bonus * np.maximum(reach, 0) >= floor[:, None] - PRUNE_SLACK
    )
    # A region needs a search only if a complementary pair joins two of its candidates.
    offered = np.zeros((regions, projects), dtype=bool)
    if len(dense.order):
        offered[dense.present] = np.logical_or.reduceat(
            candidate[dense.order], dense.starts, axis=0
        )
    e = dense.edges
    live = offered[e[:, 0], e[:, 1]] & offered[e[:, 0], e[:, 2]]
    hard = np.zeros(regions, dtype=bool)
    hard[e[live, 0]] = True
    skipped = np.zeros(regions, dtype=bool)
    if threshold is not None and per_demand == 1:
        skipped, cheap = _skips(dense, reduced, candidate, reach, bonus, hard, threshold)

    # Every other demand takes its best `per_demand` pairs worth more than nothing.
    take = min(per_demand, projects)
    top = np.argpartition(-reduced, take - 1, axis=1)[:, :take] if take else None
    best = np.zeros(regions)
    bundles: dict[int, list[np.ndarray]] = {}
    if top is not None:
        easy = ~hard[dense.region]
        rows = np.repeat(np.arange(demands), take)
        cols = top.ravel()
        worth = reduced[rows, cols]
        keep = easy[rows] & np.isfinite(worth) & (worth > 0)
        rows, cols, worth = rows[keep], cols[keep], worth[keep]
        np.add.at(best, dense.region[rows], worth)
        pair = dense.index[rows, cols]
        owner = dense.region[rows]
        for r in np.unique(owner).tolist():
            bundles.setdefault(r, []).append(pair[owner == r])
    upper = float(best.sum())
    until = None if seconds is None else time.monotonic() + seconds
    if skipped.any():
        upper += float(cheap[skipped].sum())

    def price_region(r: int) -> tuple[np.ndarray, float, float]:
        least = None if threshold is None else float(threshold[r])
        return _price_region(problem, dense, reduced, candidate, floor, r, until, least)

    # Each region is priced apart from the others, so in as many processes as the machine
    # has cores; the results come back in the regions' order, and the bound adds them up
    # in that order whatever the processes (the same sum, to the last bit).
    todo = np.flatnonzero(hard & ~skipped).tolist()
    share = processes if len(todo) >= PARALLEL_MIN_REGIONS else 1
    for r, (pairs, worth, bound) in zip(todo, map_shared(price_region, todo, share), strict=True):
        upper += bound
        best[r] = worth
        bundles[r] = [pairs]
    joined = {r: np.concatenate(parts) for r, parts in bundles.items()}
    return _Priced(joined, best, upper)


def _skips(
    dense: _Dense,
    reduced: np.ndarray,
    candidate: np.ndarray,
    reach: np.ndarray,
    bonus: float,
    hard: np.ndarray,
    threshold: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The regions needing a search whose best bundle cannot beat `threshold` (R bool),
    and for every region an upper bound on its best reduced value (R), from one pass over
    every pair. The bound is `_split_bound`'s argument before any sharpening: a bundle's
    value is its pairs' reduced values plus the bonus for each complementary pair it
    completes; charge half of each completed pair's bonus to the first demand taking each
    of its two projects. A demand d taking p is then charged for at most the pairs p
    completes, which are no more than p's complementary pairs in the region nor the other
    demands' slots (each other project is another slot): reach = min(degree, slots − 1),
    as in the pruning rule. So no bundle is worth more than Σ_d max(0, max_p [w_dp +
    bonus/2 · reach_dp]) over the candidate pairs (some optimal bundle uses only those),
    and a region whose sum is at most its threshold has nothing to add to the master."""
    half = np.where(candidate, reduced + bonus / 2 * np.maximum(reach, 0), -np.inf)
    each = np.maximum(half.max(axis=1, initial=-np.inf), 0.0)
    cheap = np.bincount(dense.region, weights=each, minlength=len(hard))
    return hard & (cheap <= threshold + REDUCED_TOLERANCE), cheap


# A round prices its regions in this many processes at most (split.py), one per core.
PRICING_PROCESSES = 8
# Fewer regions than this to price are priced in one process: forking would cost more.
PARALLEL_MIN_REGIONS = 32


# Most combinations of a group's choices weighed at once (see `_enumerate`); a group with
# more is searched by branch and bound (`_search`), faster at 2,000 × 200 for any group
# larger than this.
ENUMERATION_LIMIT = 2_000


def _price_region(
    problem: AllocationProblem,
    dense: _Dense,
    reduced: np.ndarray,
    candidate: np.ndarray,
    floor: np.ndarray,
    region: int,
    until: float | None = None,
    threshold: float | None = None,
) -> tuple[np.ndarray, float, float]:
    """One region's best bundle at the prices, its reduced value and an upper bound on
    it (the value itself when exact), one project per demand. With `threshold`, a region
    proven unable to beat it may give a lesser bundle (or none) and a bound at most
    max(best, threshold): the searches then drop what cannot lift the region above it.

    The pruning rule is sharpened first, to a fixed point: d gives up its best pair for p
    only if the pairs p completes make up the loss, and p completes at most one pair per
    *other* demand that still has a candidate complementary to p, and no more than the
    candidate projects complementary to it. Then the surviving
    choices (a handful per demand) are enumerated whole, or where they are too many
    searched by branch and bound (`_search`) from a local search's bundle; a search cut
    off by `until` bounds what it has not ruled out."""
    bonus = problem.options.synergy_bonus
    members = dense.order[dense.member_starts[region] : dense.member_starts[region + 1]]
    # Only the region's candidate projects, renumbered in their order (so ties break as
    # among all projects): the rest are never chosen, and every array below is as wide
    # as the candidates (a few dozen) rather than the catalog.
    projects = np.flatnonzero(candidate[members].any(axis=0))
    worth = reduced[np.ix_(members, projects)]
    least = floor[members][:, None] - PRUNE_SLACK
    keep = candidate[np.ix_(members, projects)]
    renumber = np.full(reduced.shape[1], -1)
    renumber[projects] = np.arange(len(projects))
    edges = renumber[dense.edges[dense.edge_starts[region] : dense.edge_starts[region + 1], 1:]]
    edges = edges[(edges >= 0).all(axis=1)]
    while True:
        offered = keep.any(axis=0)
        edges = edges[offered[edges[:, 0]] & offered[edges[:, 1]]]
        if not len(edges):
            break
        near = np.zeros((keep.shape[1], len(members)), dtype=bool)  # p → demands near it
        np.logical_or.at(near, edges[:, 0], keep.T[edges[:, 1]])
        np.logical_or.at(near, edges[:, 1], keep.T[edges[:, 0]])
        others = np.minimum(  # demands besides d near p, and p's candidate neighbours
            (near.sum(axis=1)[:, None] - near).T, _neighbours(offered, edges)[None, :]
        )
        sharper = keep & ((worth >= least) | (worth + bonus * others >= least))
        if (sharper == keep).all():
            break
        keep = sharper
    choices = [np.flatnonzero(row) for row in keep]
    choices = [
        np.append(c, -1) if floor[d] <= 0 else c for c, d in zip(choices, members, strict=True)
    ]
    used = np.unique(np.concatenate(choices))
    used = used[used >= 0]
    local = np.full(keep.shape[1] + 1, len(used))  # -1 (nothing) → a column never adjacent
    local[used] = np.arange(len(used))
    nothing = len(used)  # never complementary to anything
    adjacent = np.zeros((nothing + 1, nothing + 1))
    adjacent[local[edges[:, 0]], local[edges[:, 1]]] = 1.0
    adjacent[local[edges[:, 1]], local[edges[:, 0]]] = 1.0
    adjacent[nothing, :] = adjacent[:, nothing] = 0.0
    n = len(members)
    first, second = np.triu_indices(n, 1)  # every two demands, once

    def evaluate(picked: np.ndarray) -> np.ndarray:
        """Reduced value of each row of choices (M × n projects, -1 for nothing): the
        pairs' values and the bonus once per complementary pair of distinct projects."""
        values = np.where(picked >= 0, worth[np.arange(n)[None, :], picked], 0.0).sum(axis=1)
        at = _once(local[picked], nothing)
        count = adjacent[at[:, first], at[:, second]].sum(axis=1)
        return values + bonus * count

    chosen = np.full(n, -1)
    groups = _independent(keep, edges)
    totals = np.zeros(len(groups))
    ups = np.zeros(len(groups))
    searched_groups: list[int] = []
    for g, group in enumerate(groups):
        # Demands outside the group take nothing here: groups share no project and no
        # complementary pair, so the region's value is the sum of its groups'.
        part = [choices[k] if k in set(group.tolist()) else np.array([-1]) for k in range(n)]
        if len(group) == 1 or not len(edges):
            exact = True  # alone: its best pair
        else:
            sizes = [len(choices[k]) for k in group.tolist()]
            exact = int(np.prod(sizes, dtype=float)) <= ENUMERATION_LIMIT
        if exact:
            picked, totals[g] = _enumerate(part, worth, local, adjacent, evaluate, bonus)
            ups[g] = totals[g]
        else:
            # A local search's bundle to start from: the better the start, the more
            # partial choices the search can drop at once.
            picked, totals[g] = _improve(part, worth, edges, evaluate)
            ups[g] = max(_split_bound(worth[group], keep[group], edges, bonus), totals[g])
            searched_groups.append(g)
        chosen[group] = picked[group]
    for g in searched_groups:
        if until is not None and time.monotonic() >= until:
            break
        group = groups[g]
        # The region beats the threshold only if this group is worth more than the
        # threshold less the most the other groups can be worth: the search may drop
        # whatever cannot exceed that.
        beyond = -np.inf if threshold is None else threshold - float(ups.sum() - ups[g])
        found, totals[g], searched = _search(
            [choices[k] for k in group.tolist()],
            worth[group],
            edges,
            bonus,
            chosen[group],
            float(totals[g]),
            until,
            beyond,
        )
        chosen[group] = found
        ups[g] = max(min(ups[g], searched), totals[g])
    value = float(totals.sum())
    bound = float(ups.sum())
    rows = members[chosen >= 0]
    pairs = dense.index[rows, projects[chosen[chosen >= 0]]]
    return pairs, value, max(bound, value)


def _once(at: np.ndarray, nothing: int) -> np.ndarray:
    """Rows of projects (M × n) with every repeat of a project in its row replaced by
    `nothing`: a project two demands take completes its pairs once."""
    n = at.shape[1]
    if n < 2:
        return at
    earlier = np.tri(n, n, -1, dtype=bool).T  # [a, b]: a before b
    repeated = ((at[:, :, None] == at[:, None, :]) & earlier[None, :, :]).any(axis=1)
    at[repeated] = nothing
    return at


def _independent(keep: np.ndarray, edges: np.ndarray) -> list[np.ndarray]:
    """The region's demands in groups that cannot affect each other: no candidate project
    in common and no complementary pair between their candidates."""
    taken = keep.astype(np.int64)
    near = np.zeros((keep.shape[1], keep.shape[0]), dtype=np.int64)
    np.add.at(near, edges[:, 0], taken.T[edges[:, 1]])
    np.add.at(near, edges[:, 1], taken.T[edges[:, 0]])
    touching = (taken @ taken.T + taken @ near) > 0
    np.fill_diagonal(touching, True)
    # Each demand takes the least label among those it touches, until none changes: then
    # a group's label is its first demand (a region has a handful of demands).
    label = np.arange(len(keep))
    while True:
        least = np.where(touching, label[None, :], len(keep)).min(axis=1)
        if (least == label).all():
            break
        label = least
    return [np.flatnonzero(label == k) for k in np.unique(label).tolist()]


def _enumerate(
    choices: list[np.ndarray],
    worth: np.ndarray,
    local: np.ndarray,
    adjacent: np.ndarray,
    evaluate: Callable[[np.ndarray], np.ndarray],
    bonus: float,
) -> tuple[np.ndarray, float]:
    """The best choices exactly: every combination of all demands but the two with the
    most choices, and for each every answer of those two, counted without enumerating
    them as rows: what each adds given the others (its pair's value, plus the bonus for
    each distinct project of the others complementary to it, none if the others already
    hold its project), plus the bonus when the two complete a pair between themselves."""
    if len(choices) == 1:  # a region of one demand: its best pair
        total = evaluate(choices[0][:, None])
        best = int(np.argmax(total))
        return choices[0][best : best + 1], float(total[best])
    sizes = [len(c) for c in choices]
    first, second = (int(k) for k in np.argsort(sizes, kind="stable")[::-1][:2])
    rest = [c if k not in (first, second) else np.array([-1]) for k, c in enumerate(choices)]
    grid = np.stack(np.meshgrid(*[np.arange(len(c)) for c in rest], indexing="ij"), axis=-1)
    grid = grid.reshape(-1, len(rest))
    picked = np.stack([c[grid[:, k]] for k, c in enumerate(rest)], axis=1)
    base = evaluate(picked)  # the others alone
    nothing = adjacent.shape[0] - 1
    at = _once(local[picked], nothing)

    def answer(k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        options = choices[k]
        target = local[options]  # -1 (nothing) maps to `nothing`: never adjacent
        linked = np.zeros((len(picked), len(options)))
        already = np.zeros((len(picked), len(options)), dtype=bool)
        for j in range(at.shape[1]):
            if j in (first, second):
                continue
            linked += adjacent[at[:, j : j + 1], target[None, :]]
            already |= (at[:, j : j + 1] == target[None, :]) & (target[None, :] != nothing)
        own = np.where(options >= 0, worth[k, options], 0.0)
        return own[None, :] + np.where(already, 0.0, bonus * linked), already, target, own

    gain_1, held_1, target_1, _ = answer(first)
    gain_2, held_2, target_2, own_2 = answer(second)
    # M × C1 × C2: the pair between the two counts unless the others already hold one
    # of its projects (then it is in that one's gain); the same project for both counts
    # its pairs once.
    between = adjacent[target_1[:, None], target_2[None, :]][None, :, :]
    fresh = ~held_1[:, :, None] & ~held_2[:, None, :]
    total = gain_1[:, :, None] + gain_2[:, None, :] + bonus * between * fresh
    same = (target_1[:, None] == target_2[None, :]) & (target_1[:, None] != nothing)
    total = np.where(same[None, :, :], gain_1[:, :, None] + own_2[None, None, :], total)
    total += base[:, None, None]
    row, one, two = np.unravel_index(int(np.argmax(total)), total.shape)
    best = picked[row].copy()
    best[first] = choices[first][one]
    best[second] = choices[second][two]
    return best, float(total[row, one, two])


def _improve(
    choices: list[np.ndarray],
    worth: np.ndarray,
    edges: np.ndarray,
    evaluate: Callable[[np.ndarray], np.ndarray],
) -> tuple[np.ndarray, float]:
    """A good bundle where there are too many to enumerate: from each demand's best,
    move one demand, or two demands onto a complementary pair, while that gains."""
    n = len(choices)
    current = np.array(
        [c[int(np.argmax(np.where(c >= 0, worth[d, c], 0.0)))] for d, c in enumerate(choices)]
    )
    value = float(evaluate(current[None, :])[0])
    holders: dict[int, list[int]] = {}
    for d, c in enumerate(choices):
        for p in c.tolist():
            holders.setdefault(p, []).append(d)
    moves = [(d, -1, int(p), -1) for d, c in enumerate(choices) for p in c.tolist()]
    for p, q in edges.tolist():
        for d in holders.get(p, []):
            moves += [(d, e, p, q) for e in holders.get(q, []) if e != d]
    if not moves:
        return current, value
    plan = np.array(moves, dtype=np.int64)
    for _ in range(4 * n):
        trial = np.repeat(current[None, :], len(plan), axis=0)
        trial[np.arange(len(plan)), plan[:, 0]] = plan[:, 2]
        two = plan[:, 1] >= 0
        trial[np.flatnonzero(two), plan[two, 1]] = plan[two, 3]
        total = evaluate(trial)
        best = int(np.argmax(total))
        if total[best] <= value + REDUCED_TOLERANCE:
            break
        current, value = trial[best], float(total[best])
    return current, value


# The most partial bundles `_search` keeps at once; past it (or past its deadline) it
# stops with the bound its open partial bundles still allow.
SEARCH_ROWS = 200_000
# Partial choices `_search` completes greedily at each level.
COMPLETED = 32


def _search(
    choices: list[np.ndarray],
    worth: np.ndarray,
    edges: np.ndarray,
    bonus: float,
    start: np.ndarray,
    start_value: float,
    until: float | None,
    floor: float = -np.inf,
) -> tuple[np.ndarray, float, float]:
    """A group's best choices by branch and bound: its best choice (projects, -1 for
    nothing), its reduced value, and an upper bound on the best (the value when the
    search ends; else what the partial choices still open allow). Choices worth at most
    `floor` are of no interest: partial choices that cannot beat it are dropped too, so
    the best found may be below it and the bound is then `floor` (every dropped partial
    choice was bounded by it or by the best value found).

    Demands are decided one at a time, breadth first, all partial choices at a level
    bounded at once. A partial choice is worth its pairs' values plus the bonus for
    the pairs its distinct projects complete. What the demands left can add is at most,
    for each, the most any of its choices c adds: its value, plus (when c is not taken
    yet) the bonus for each taken project complementary to c, plus half the bonus for
    each pair c could complete with a later choice — at most one per other demand left
    with a choice complementary to c, and no more than the projects complementary to c
    among their choices. That bounds the rest: a pair completed with a taken project is
    counted once, by the demand that completes it; a pair of two later choices half by
    each of its two demands; a project taken twice completes nothing new the second time
    (counted here anyway, which only raises the bound). A partial choice whose bound
    does not beat the best known value is dropped: none of its completions can. So the
    best value found, or the largest bound of the partial choices still open, bounds
    every choice."""
    n = len(choices)
    used = np.unique(np.concatenate(choices))
    used = used[used >= 0]
    size = len(used) + 1  # local projects, the last one "nothing"
    local = np.full(worth.shape[1] + 1, size - 1)
    local[used] = np.arange(len(used))
    inside = np.zeros(worth.shape[1], dtype=bool)
    inside[used] = True
    e = edges[inside[edges[:, 0]] & inside[edges[:, 1]]]
    adjacent = np.zeros((size, size), dtype=np.int8)
    adjacent[local[e[:, 0]], local[e[:, 1]]] = 1
    adjacent[local[e[:, 1]], local[e[:, 0]]] = 1
    options = [local[c] for c in choices]
    gains = [np.where(c >= 0, worth[d, c], 0.0) for d, c in enumerate(choices)]
    near = np.stack([adjacent[:, o].any(axis=1) for o in options], axis=1)  # size × n
    # Decide first the demands whose choices could complete the most pairs.
    reach = [int(near[o].sum()) for o in options]
    order = sorted(range(n), key=lambda d: (-reach[d], len(options[d]), d))
    # halves[k][j]: for the j-th demand decided from level k on, per choice, the most
    # pairs it can complete with the demands decided after level k besides itself.
    halves: list[list[np.ndarray]] = []
    caps: list[float] = []
    for k in range(n):
        rest = order[k:]
        offered = np.zeros(size, dtype=bool)
        for d in rest:
            offered[options[d]] = True
        offered[size - 1] = False
        neighbours = (adjacent[:, offered] > 0).sum(axis=1)
        count = near[:, rest].sum(axis=1)
        halves.append(
            [
                np.minimum(count[options[d]] - near[options[d], d], neighbours[options[d]])
                for d in rest
            ]
        )
        # At most this many pairs among the projects the demands left take: no more than
        # the pairs among the projects offered to them, nor half the largest degrees.
        degree = (adjacent[np.ix_(offered, offered)] > 0).sum(axis=1)
        pairs_among = int(degree.sum()) // 2
        tops = int(np.sort(degree)[::-1][: len(rest)].sum()) // 2
        caps.append(bonus * min(pairs_among, tops))

    def bounds(value: np.ndarray, taken: np.ndarray, linked: np.ndarray, k: int) -> np.ndarray:
        """Upper bounds of partial choices decided up to level k (exclusive)."""
        total = value.copy()
        capped = value + caps[k]
        for j, d in enumerate(order[k:]):
            o = options[d]
            fresh = ~taken[:, o]
            now = gains[d][None, :] + np.where(fresh, bonus * linked[:, o], 0.0)
            total += (now + np.where(fresh, bonus / 2 * halves[k][j], 0.0)).max(axis=1)
            capped += now.max(axis=1)
        return np.minimum(total, capped)

    def complete(
        picked: np.ndarray, value: np.ndarray, taken: np.ndarray, linked: np.ndarray, k: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Partial choices decided up to level k completed greedily, and their values."""
        picked, value, taken, linked = picked.copy(), value.copy(), taken.copy(), linked.copy()
        rows = np.arange(len(value))
        for d in order[k:]:
            o = options[d]
            fresh = ~taken[:, o]
            gain = gains[d][None, :] + np.where(fresh, bonus * linked[:, o], 0.0)
            pick = np.argmax(gain, axis=1)
            value += gain[rows, pick]
            project = o[pick]
            add = fresh[rows, pick] & (project != size - 1)
            taken[rows[add], project[add]] = True
            linked[add] += adjacent[project[add]]
            picked = np.concatenate([picked, pick[:, None]], axis=1)
        return picked, value

    def in_demand_order(positions: np.ndarray) -> np.ndarray:
        """A complete choice (positions in each demand's options, in decision order) as
        each demand's choice, in the demands' own order."""
        best = np.empty(n, dtype=np.int64)
        for j, d in enumerate(order):
            best[d] = choices[d][positions[j]]
        return best

    best_value = start_value
    best = start.copy()
    picked = np.zeros((1, 0), dtype=np.int64)  # positions in each decided demand's options
    value = np.zeros(1)
    taken = np.zeros((1, size), dtype=bool)
    linked = np.zeros((1, size), dtype=np.int8)  # taken projects complementary to each
    tolerance = REDUCED_TOLERANCE
    for k, d in enumerate(order):
        wanted = max(best_value, floor)
        o = options[d]
        m, c = len(value), len(o)
        parent = np.repeat(np.arange(m), c)
        pick = np.tile(np.arange(c), m)
        project = o[pick]
        fresh = ~taken[parent, project]
        value = value[parent] + gains[d][pick] + np.where(fresh, bonus * linked[parent, project], 0)
        taken = taken[parent]
        linked = linked[parent]
        add = np.flatnonzero(fresh & (project != size - 1))
        taken[add, project[add]] = True
        linked[add] += adjacent[project[add]]
        picked = np.concatenate([picked[parent], pick[:, None]], axis=1)
        if k == n - 1:
            top = int(np.argmax(value))
            if value[top] > best_value + tolerance:
                best_value = float(value[top])
                best = in_demand_order(picked[top])
            return best, best_value, max(best_value, floor)
        upper = bounds(value, taken, linked, k + 1)
        alive = upper > wanted + tolerance
        # Completing the most promising partial choices greedily finds good values
        # early, and a better value found drops more partial choices.
        ahead = np.arange(len(upper))
        if len(upper) > COMPLETED:
            ahead = np.argpartition(-upper, COMPLETED)[:COMPLETED]
        done, done_value = complete(picked[ahead], value[ahead], taken[ahead], linked[ahead], k + 1)
        row = int(np.argmax(done_value))
        if done_value[row] > best_value + tolerance:
            best_value = float(done_value[row])
            best = in_demand_order(done[row])
            alive = upper > max(best_value, floor) + tolerance
        if not alive.any():
            return best, best_value, max(best_value, floor)
        value, taken, linked, picked = value[alive], taken[alive], linked[alive], picked[alive]
        upper = upper[alive]
        over = len(value) * len(options[order[k + 1]]) > SEARCH_ROWS
        if over or (until is not None and time.monotonic() > until):
            return best, best_value, max(float(upper.max()), best_value, floor)
    return best, best_value, max(best_value, floor)


def _neighbours(offered: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """P: how many offered projects each project is complementary to (edges are distinct
    pairs), the most pairs it can complete."""
    count = np.zeros(len(offered), dtype=np.int64)
    np.add.at(count, edges[:, 0], offered[edges[:, 1]])
    np.add.at(count, edges[:, 1], offered[edges[:, 0]])
    return count


def _split_bound(worth: np.ndarray, keep: np.ndarray, edges: np.ndarray, bonus: float) -> float:
    """An upper bound on a region's best reduced value. A completed complementary pair
    (p, q) joins two demands' choices (p of d, q of d'; when both take the same project
    the pair counts once but is charged here to each, which only raises the bound). Give
    each demand half the bonus per other demand that has a candidate complementary to
    its choice; then no bundle is worth more than Σ_d max_p [w_dp + bonus/2 · others_dp]
    (or 0 for taking nothing). More exactly: credit each completed pair to the first
    demand taking each of its projects (one project per demand, so two demands); a
    project completes pairs only with its distinct complementary projects, so others_dp
    is also at most how many of those are offered."""
    near = np.zeros((keep.shape[1], keep.shape[0]), dtype=bool)
    np.logical_or.at(near, edges[:, 0], keep.T[edges[:, 1]])
    np.logical_or.at(near, edges[:, 1], keep.T[edges[:, 0]])
    others = np.minimum(
        (near.sum(axis=1)[:, None] - near).T,
        _neighbours(np.asarray(keep.any(axis=0)), edges)[None, :],
    )
    best = np.where(keep, worth + bonus / 2 * others, -np.inf).max(axis=1)
    return float(np.maximum(best, 0.0).sum())


def _completed_in(
    problem: AllocationProblem, dense: _Dense, region: int, pairs: np.ndarray
) -> np.ndarray:
    """The complementary pairs of one region that the pairs complete (rows of edges)."""
    given = np.zeros(dense.value.shape[1], dtype=bool)
    given[problem.project[pairs]] = True
    e = dense.edges[dense.edge_starts[region] : dense.edge_starts[region + 1]]
    return e[given[e[:, 1]] & given[e[:, 2]]]


def _milp(
    objective: np.ndarray,
    matrix: highs.Columns,
    upper: np.ndarray,
    integrality: np.ndarray,
    deadline: float | None,
    initial: np.ndarray | None = None,
) -> highs.Result:
    seconds = solver_seconds(deadline)
    # HiGHS overshoots (here by seconds on the integer master): it gets a share of the
    # time so that it returns its incumbent itself, rather than being stopped.
    limit = None if seconds is None else max(SOLVER_SHARE * seconds, 0.01)
    args = (objective, matrix, upper, integrality, limit, initial)
    result = call_until(_run_milp, args, deadline)
    assert isinstance(result, highs.Result)
    if result.x is None:
        raise Stopped()
    return result


def _run_milp(
    objective: np.ndarray,
    matrix: highs.Columns,
    upper: np.ndarray,
    integrality: np.ndarray,
    time_limit: float | None,
    initial: np.ndarray | None = None,
) -> highs.Result:
    return highs.solve(
        objective,
        matrix,
        np.full(len(upper), -np.inf),
        upper,
        col_upper=1.0,
        integrality=integrality,
        time_limit=time_limit,
        mip_rel_gap=MASTER_GAP,
        initial=initial,
    )


@dataclass(slots=True)
class RegionResult:
    """What the decomposition found: a portfolio, its value and a proven bound."""

    chosen: np.ndarray  # n bool over the problem's pairs
    objective: float
    bound: float
    iterations: int
    columns: int
    seconds: dict[str, float] = field(default_factory=dict)


def solve_by_region(
    problem: AllocationProblem,
    start: np.ndarray,
    deadline: float | None,
    prices: np.ndarray | None = None,
) -> RegionResult:
    """Column generation over region bundles from the portfolio `start` (the no-synergy
    optimum) and, if given, its projects' capacity prices (the first pricing round uses
    them), then the integer master over the bundles generated. Stops early, with the best
    portfolio and bound so far, when the deadline comes."""
    clock = time.monotonic()
    seconds: dict[str, float] = {}
    rows = _rows(problem)
    dense = _dense(problem, priced_cost=rows.budget >= 0 or bool((rows.project_budget >= 0).any()))
    columns = _Columns()
    start_pairs = np.flatnonzero(start)
    start_region = problem.region[problem.demand[start_pairs]]
    for r in np.unique(start_region).tolist():
        mine = start_pairs[start_region == r]
        columns.add(r, mine, _bundle_value(problem, dense, r, mine))
    started = len(columns.region)  # the start's bundles, one per region it serves
    incumbent = start.copy()
    incumbent_value = portfolio_value(problem, dense, start_pairs)
    bound = np.inf
    iterations = 0
    seconds["setup"] = time.monotonic() - clock
    coupling = np.zeros(rows.count)
    convexity = np.full(len(problem.region_codes), np.inf)  # add every improving bundle
    if prices is not None:  # only rows the master has: an unlimited project is free
        has = rows.capacity >= 0
        coupling[rows.capacity[has]] = np.maximum(prices[has], 0.0)
        convexity[:] = 0.0
    master_value = -np.inf
    master = _Master(problem, rows)

    def better(chosen: np.ndarray, value: float, step: str, tick: float) -> None:
        nonlocal incumbent, incumbent_value
        seconds[step] = seconds.get(step, 0.0) + time.monotonic() - tick
        if value > incumbent_value:
            incumbent, incumbent_value = chosen, value

    def polish(until: float | None) -> None:
        tick = time.monotonic()
        polished = _polish(problem, dense, incumbent, until)
        better(polished, portfolio_value(problem, dense, np.flatnonzero(polished)), "polish", tick)

    def integer_stage(until: float | None) -> None:
        """A quick portfolio first, then the dive (leaving time to polish its answer).
        A dive worse than the quick portfolio is polished too, in half the time left: cut
        short by the deadline at 10,000 × 1,000 it left demands out that the polish puts
        back (measured: the dive 973,364, polished 1,009,713, against 999,628 for the
        quick portfolio polished; the master LP's value 1,008,167)."""
        tick = time.monotonic()
        better(*_swap_greedily(problem, dense, rows, columns, list(range(started))), "swap", tick)
        tick = time.monotonic()
        diving_until = None
        if until is not None:
            diving_until = until - POLISH_SHARE * max(until - tick, 0.0)
        dived, dived_value = _integer_master(problem, dense, rows, columns, diving_until)
        better(dived, dived_value, "dive", tick)
        if dived_value < incumbent_value:
            tick = time.monotonic()
            half = None if until is None else tick + 0.5 * max(until - tick, 0.0)
            polished = _polish(problem, dense, dived, half)
            value = portfolio_value(problem, dense, np.flatnonzero(polished))
            better(polished, value, "polish", tick)
        polish(until)

    # Generating stops here so the integer master keeps its share of the time; a master
    # LP or pricing round still running then is stopped (its bundles are lost, not the
    # earlier ones).
    generating_until = None if deadline is None else deadline - INTEGER_SHARE * (deadline - clock)
    processes = min(workers(), PRICING_PROCESSES)
    try:
        while True:
            round_start = time.monotonic()
            iterations += 1
            if iterations > 1 or prices is None:
                tick = time.monotonic()
                lp = master.solve(problem, rows, columns, generating_until)
                seconds["master"] = seconds.get("master", 0.0) + time.monotonic() - tick
                assert isinstance(lp, highs.Result)
                if lp.status != "optimal" or lp.objective is None or lp.row_dual is None:
                    break
                master_value = -lp.objective
                duals = np.maximum(-lp.row_dual, 0.0)
                coupling, convexity = duals[: rows.count], duals[rows.count :]
            tick = time.monotonic()
            # The branch and bound gets a share of the generating time left, so that a
            # round cut off early still leaves time for the rounds after it.
            pricing_seconds = None
            if generating_until is not None:
                pricing_seconds = PRICING_SHARE * max(generating_until - time.monotonic(), 0.0)
                if iterations == 1:
                    # The first prices are far from the master's: local search gives
                    # bundles as good for the master, and the search would cost seconds.
                    pricing_seconds = 0.0
            priced = call_until(
                _price,
                (problem, dense, *_prices(rows, coupling), pricing_seconds, convexity, processes),
                generating_until,
            )
            assert isinstance(priced, _Priced)
            seconds["pricing"] = seconds.get("pricing", 0.0) + time.monotonic() - tick
            bound = min(bound, float(coupling @ rows.limits) + priced.upper)
            added = 0
            for r, pairs in sorted(priced.bundles.items()):
                if priced.best[r] > convexity[r] + REDUCED_TOLERANCE and columns.add(
                    r, pairs, _bundle_value(problem, dense, r, pairs)
                ):
                    added += 1
            if not added or bound - master_value <= CONVERGED * max(abs(bound), 1.0):
                break
            # Another round would take about as long as the last one (not the first: its
            # prices are the no-synergy optimum's, far from the master's, and its
            # search is the longest).
            if generating_until is not None and iterations > 1:
                now = time.monotonic()
                if now + (now - round_start) > generating_until:
                    break
    except Stopped:
        pass

    integer_stage(deadline)
    if bound - incumbent_value > MASTER_GAP * abs(bound):
        # With the time left, HiGHS over the same bundles (slower, but it does not lose
        # what rounding loses where capacities are tight), from the incumbent, polished.
        tick = time.monotonic()
        exact_until = None
        if deadline is not None:
            exact_until = deadline - POLISH_SHARE * max(deadline - tick, 0.0)
        try:
            exact = _exact_master(problem, dense, rows, columns, incumbent, exact_until)
            better(*exact, "exact", tick)
            polish(deadline)
        except Stopped:
            pass
    bound = max(bound, incumbent_value)
    return RegionResult(incumbent, incumbent_value, bound, iterations, len(columns.region), seconds)


def _swap_greedily(
    problem: AllocationProblem,
    dense: _Dense,
    rows: _Rows,
    columns: _Columns,
    start: list[int],
) -> tuple[np.ndarray, float]:
    """From the bundles `start` (at most one per region, within the capacities and
    budgets), give each region a better generated bundle, the largest gains first, while
    the capacities and budgets hold."""
    matrix = _matrix(problem, rows, columns).head(rows.count)
    region = np.array(columns.region, dtype=np.int64)
    values = np.array(columns.value)
    current = {columns.region[column]: column for column in start}
    used = np.zeros(rows.count)
    for column in current.values():
        used += matrix.column(column)
    start_value = np.array([values[current[r]] if r in current else 0.0 for r in region])
    gain = values - start_value
    for column in np.lexsort((np.arange(len(values)), -gain)).tolist():
        if gain[column] <= REDUCED_TOLERANCE:
            break
        r = int(region[column])
        held = current.get(r)
        if held is not None and values[held] >= values[column]:
            continue
        change = matrix.column(column)
        if held is not None:
            change -= matrix.column(held)
        if np.all(used + change <= rows.limits + 1e-9):
            used += change
            current[r] = column
    chosen = np.zeros(problem.pairs, dtype=bool)
    for column in current.values():
        chosen[columns.pairs[column]] = True
    return chosen, portfolio_value(problem, dense, np.flatnonzero(chosen))


# Share of the integer stage's time kept for `_polish`.
POLISH_SHARE = 0.3
# Passes of `_polish` over every demand, at most.
POLISH_PASSES = 3


def _polish(
    problem: AllocationProblem, dense: _Dense, chosen: np.ndarray, deadline: float | None
) -> np.ndarray:
    """A portfolio improved one demand at a time: each demand moves to the project (or
    none) that gains most, counting the pairs it completes and breaks in its region,
    among those with room left in their capacity and budgets; until no move gains or
    the deadline. Bundles come from pricing at the master's prices and rounding can
    leave a demand out where a project still has room: this wins that back. Every
    move keeps every limit and gains, so the result is worth at least `chosen`."""
    bonus = problem.options.synergy_bonus
    projects = dense.value.shape[1]
    pair_cost = np.where(dense.index >= 0, problem.cost[np.maximum(dense.index, 0)], 0.0)
    current = np.full(dense.value.shape[0], -1)
    picked = np.flatnonzero(chosen)
    current[problem.demand[picked]] = problem.project[picked]
    taken = current >= 0
    used = np.bincount(current[taken], minlength=projects).astype(float)
    spent_on = np.bincount(
        current[taken], weights=pair_cost[np.flatnonzero(taken), current[taken]], minlength=projects
    )
    budget = problem.options.budget
    spent = float(spent_on.sum())
    for _ in range(POLISH_PASSES):
        moved = False
        for r in dense.present.tolist():
            if deadline is not None and time.monotonic() > deadline:
                return _chosen_pairs(problem, dense, current)
            members = dense.order[dense.member_starts[r] : dense.member_starts[r + 1]]
            e = dense.edges[dense.edge_starts[r] : dense.edge_starts[r + 1], 1:]
            for d in members.tolist():
                held = int(current[d])
                count = np.bincount(current[members][current[members] >= 0], minlength=projects)
                if held >= 0:
                    count[held] -= 1  # the region without d's pair
                given = (count > 0).astype(float)
                linked = np.bincount(e[:, 0], weights=given[e[:, 1]], minlength=projects)
                linked += np.bincount(e[:, 1], weights=given[e[:, 0]], minlength=projects)
                # What d's pair is worth given the rest of the region, for each project.
                worth = dense.value[d] + bonus * np.where(count > 0, 0.0, linked)
                now = worth[held] if held >= 0 else 0.0
                freed = np.zeros(projects)
                refund = np.zeros(projects)
                if held >= 0:
                    freed[held] = 1.0
                    refund[held] = pair_cost[d, held]
                room = used - freed + 1 <= problem.capacity
                room &= spent_on - refund + pair_cost[d] <= problem.project_budget
                if budget is not None:
                    back = pair_cost[d, held] if held >= 0 else 0.0
                    room &= spent - back + pair_cost[d] <= budget
                gain = np.where(room & np.isfinite(worth), worth, -np.inf)
                best = int(np.argmax(gain))
                target, value = (best, gain[best]) if gain[best] > 0 else (-1, 0.0)
                if target == held or value <= now + REDUCED_TOLERANCE:
                    continue
                if held >= 0:
                    used[held] -= 1
                    spent_on[held] -= pair_cost[d, held]
                    spent -= pair_cost[d, held]
                if target >= 0:
                    used[target] += 1
                    spent_on[target] += pair_cost[d, target]
                    spent += pair_cost[d, target]
                current[d] = target
                moved = True
        if not moved:
            break
    return _chosen_pairs(problem, dense, current)


def _chosen_pairs(problem: AllocationProblem, dense: _Dense, current: np.ndarray) -> np.ndarray:
    """The pairs of a project per demand (-1: none), as a bool over the problem's pairs."""
    chosen = np.zeros(problem.pairs, dtype=bool)
    taken = np.flatnonzero(current >= 0)
    chosen[dense.index[taken, current[taken]]] = True
    return chosen


class _Master:
    """The master LP, kept between rounds: each round adds its new bundles as columns to
    the model HiGHS holds. It is solved by interior point each round (LP_METHOD): warm
    from the last basis the simplex was slower, as each round adds thousands of columns
    (10,000 × 1,000: round 2's master took 20.3 s by the dual simplex and 15.4 s by the
    primal, where round 1's took 0.7-0.9 s by interior point; 2,000 × 200: about even,
    0.03-0.26 s a round). It runs here, not in a forked child, under HiGHS's own time
    limit, which an LP keeps (it was the MILP's presolve that overran it)."""

    def __init__(self, problem: AllocationProblem, rows: _Rows) -> None:
        limits = np.concatenate([rows.limits, np.ones(len(problem.region_codes))])
        self._lp = highs.Master(np.full(len(limits), -np.inf), limits, LP_METHOD)

    def solve(
        self, problem: AllocationProblem, rows: _Rows, columns: _Columns, until: float | None
    ) -> highs.Result:
        first = self._lp.columns
        self._lp.add(-np.array(columns.value[first:]), _matrix(problem, rows, columns, first))
        seconds = None if until is None else max(until - time.monotonic(), 0.0)
        if seconds is not None and seconds <= 0:
            raise Stopped()
        return self._lp.solve(seconds)


def _prices(rows: _Rows, coupling: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per project: the price of one unit of its capacity, and of one KRW of its cost."""
    projects = len(rows.capacity)
    capacity_price = np.zeros(projects)
    has = rows.capacity >= 0
    capacity_price[has] = coupling[rows.capacity[has]]
    cost_price = np.zeros(projects)
    has = rows.project_budget >= 0
    cost_price[has] = coupling[rows.project_budget[has]]
    if rows.budget >= 0:
        cost_price += coupling[rows.budget]
    return capacity_price, cost_price


def _integer_master(
    problem: AllocationProblem,
    dense: _Dense,
    rows: _Rows,
    columns: _Columns,
    deadline: float | None,
) -> tuple[np.ndarray, float]:
    """A portfolio of generated bundles (at most one per region), by diving on the
    master LP: every bundle the LP takes whole is fixed, and among the rest those it
    takes at least DIVE_FIX of (at least the one it takes most of); the LP is solved
    again over the capacity and budget left and the regions not yet fixed, until it
    takes nothing more. (Measured at 2,000 × 200 on converged bundles: 0.003–0.4% below
    the bound in 40–50 small LPs, 0.3–2 s; HiGHS's MILP over the same bundles took 5 s
    to reach 0.002%, and given 1–2 s found portfolios 0.15–0.27% below; `_polish`
    wins most of the rest back.) A bundle that no longer fits is dropped. When the
    deadline comes, the regions left take their most valuable bundle that still fits.
    Then `_swap_greedily` from there."""
    values = np.array(columns.value)
    region = np.array(columns.region, dtype=np.int64)
    matrix = _matrix(problem, rows, columns)
    room = np.concatenate([rows.limits, np.ones(len(problem.region_codes))])
    free = np.ones(len(values), dtype=bool)
    fixed: list[int] = []

    def take(column: int) -> None:
        use = matrix.column(column)
        if np.all(use <= room + FIT_TOLERANCE):
            room[:] -= use
            fixed.append(column)
            free[region == region[column]] = False
        else:
            free[column] = False

    last = 0.0
    while free.any():
        tick = time.monotonic()
        if deadline is not None and tick + last > deadline:
            break
        at = np.flatnonzero(free)
        lp = highs.solve(
            -values[at], matrix.take(at), np.full(len(room), -np.inf), room, method=LP_METHOD
        )
        last = time.monotonic() - tick
        if lp.status != "optimal" or lp.x is None:
            break
        share = lp.x
        whole = np.flatnonzero(share > 1 - WHOLE)
        part = np.flatnonzero((share > WHOLE) & (share <= 1 - WHOLE))
        most = part[np.lexsort((part, -share[part]))]
        picks = whole.tolist() + most[: max(1, int((share[most] >= DIVE_FIX).sum()))].tolist()
        if not picks:
            break
        for j in picks:
            if free[at[j]]:
                take(int(at[j]))
    for column in np.lexsort((np.arange(len(values)), -values)).tolist():
        if free[column] and values[column] > 0:
            take(column)
    # Rounding gives up value where the LP split regions between bundles: swapping
    # regions to better bundles that still fit wins some of it back.
    return _swap_greedily(problem, dense, rows, columns, fixed)


def _exact_master(
    problem: AllocationProblem,
    dense: _Dense,
    rows: _Rows,
    columns: _Columns,
    start: np.ndarray,
    deadline: float | None,
) -> tuple[np.ndarray, float]:
    """The best portfolio made of generated bundles (at most one per region), by HiGHS
    within MASTER_GAP, or `Stopped` at the deadline. HiGHS starts from the portfolio
    `start` (its bundles are added as columns if they are not there): it then only has
    to better it or prove it close enough."""
    picked = np.flatnonzero(start)
    owner = problem.region[problem.demand[picked]]
    chosen_columns = []
    for r in np.unique(owner).tolist():
        mine = picked[owner == r]
        columns.add(r, mine, _bundle_value(problem, dense, r, mine))
        chosen_columns.append(columns.seen[(r, np.sort(mine).tobytes())])
    values = np.array(columns.value)
    initial = np.zeros(len(values))
    initial[chosen_columns] = 1.0
    matrix = _matrix(problem, rows, columns)
    limits = np.concatenate([rows.limits, np.ones(len(problem.region_codes))])
    result = _milp(-values, matrix, limits, np.ones(len(values)), deadline, initial)
    assert result.x is not None
    picked = np.flatnonzero(result.x > 0.5)
    chosen = np.zeros(problem.pairs, dtype=bool)
    for column in picked.tolist():
        chosen[columns.pairs[column]] = True
    return chosen, portfolio_value(problem, dense, np.flatnonzero(chosen))
