"""Synergy by region (decompose.py): the bound never falls below the true optimum, the
answer is a real portfolio worth what it says and never worse than the no-synergy
optimum; and a solver call under a deadline is stopped at it."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest

from matchmaker.allocation import decompose
from matchmaker.allocation.decompose import solve_by_region
from matchmaker.allocation.problem import AllocationOptions, AllocationProblem
from matchmaker.allocation.solve import (
    assignment_with_prices,
    decomposes,
    relative_gap,
    solve,
)
from matchmaker.allocation.stoppable import Stopped, call_until
from tests.test_allocation import _brute_force, _feasible_and_value


def _instance(
    seed: int, demands: int, projects: int, budget: int | None = None, bonus: float = 15.0
) -> AllocationProblem:
    """Random scores, a few demands per region, each project complementary to ~2 others
    in every region (as benchmarks/bench_allocate.py, small)."""
    rng = np.random.default_rng(seed)
    eligible = rng.random((demands, projects)) < 0.85
    rows, cols = np.nonzero(eligible)
    regions = rng.integers(0, max(1, demands // 3), demands)
    partner = {p: sorted(set(rng.integers(0, projects, 2).tolist()) - {p}) for p in range(projects)}
    synergy = sorted(
        {
            (int(r), min(p, q), max(p, q))
            for r in set(regions.tolist())
            for p in range(projects)
            for q in partner[p]
        }
    )
    return AllocationProblem(
        scores=None,  # type: ignore[arg-type]  (solving reads only the arrays)
        options=AllocationOptions(synergy_bonus=bonus, budget=budget),
        demand=rows,
        project=cols,
        value=np.round(rng.uniform(0, 40, len(rows)), 2),
        cost=np.round(rng.uniform(1, 10, len(rows))) * 100,
        cost_known=np.ones(len(rows), dtype=bool),
        capacity=rng.integers(1, max(2, demands // 2), projects).astype(float),
        project_budget=np.full(projects, np.inf),
        region=regions,
        region_codes=[str(r) for r in range(max(1, demands // 3))],
        province=np.zeros(demands, dtype=int),
        province_codes=["all"],
        decline=np.zeros(demands, dtype=bool),
        tied=np.zeros(demands, dtype=bool),
        forbidden=set(),
        locked=set(),
        synergy_pairs=synergy,
    )


def _start(problem: AllocationProblem) -> tuple[np.ndarray, np.ndarray | None]:
    """The no-synergy optimum and, for a plain assignment, its capacity prices."""
    plain = dataclasses.replace(problem, synergy_pairs=[])
    if problem.options.budget is None:
        base, prices = assignment_with_prices(plain)
        assert base is not None
        return base.chosen, prices
    return solve(plain).chosen, None


def _choice(problem: AllocationProblem, chosen: np.ndarray) -> tuple[int, ...]:
    picked = np.flatnonzero(chosen)
    demands = [int(problem.demand[i]) for i in picked]
    assert len(demands) == len(set(demands))  # one project per demand
    return tuple(
        next((int(i) for i in picked if problem.demand[i] == d), -1)
        for d in sorted(set(problem.demand.tolist()))
    )


def _check(problem: AllocationProblem, optimum: float) -> None:
    start, prices = _start(problem)
    floor = _feasible_and_value(problem, _choice(problem, start))
    assert floor is not None
    found = solve_by_region(problem, start, None, prices)
    value = _feasible_and_value(problem, _choice(problem, found.chosen))
    assert value == pytest.approx(found.objective, abs=1e-6)  # a real, feasible portfolio
    assert floor - 1e-6 <= found.objective <= optimum + 1e-6
    assert found.bound >= optimum - 1e-6  # never below the true optimum


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("budget", [None, 2500])
def test_the_bound_holds_against_brute_force_on_tiny_instances(
    seed: int, budget: int | None
) -> None:
    problem = _instance(seed, demands=6, projects=4, budget=budget)
    expected = _brute_force(problem)
    assert expected is not None  # nothing is required: the empty portfolio is feasible
    _check(problem, expected)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("how", ["enumerated", "searched", "cut off"])
def test_the_bound_holds_against_the_full_milp_on_small_instances(
    seed: int, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With regions priced by enumeration, by branch and bound (forced here by allowing
    no enumeration), and by local search and the split bound (a search cut off at once)."""
    if how != "enumerated":
        monkeypatch.setattr(decompose, "ENUMERATION_LIMIT", 0)
    if how == "cut off":
        monkeypatch.setattr(decompose, "SEARCH_ROWS", 0)
    problem = _instance(100 + seed, demands=18, projects=6, budget=None if seed % 2 else 9000)
    exact = solve(problem)  # the full MILP (small, no deadline)
    assert exact.status == "optimal"
    # HiGHS proves its optimum within its tolerance: the true optimum is at most its bound.
    _check(problem, exact.objective)
    assert solve_by_region(problem, _start(problem)[0], None).bound >= exact.objective - 1e-6


def test_a_large_problem_under_a_limit_is_solved_by_region_and_keeps_its_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("matchmaker.allocation.solve.DECOMPOSE_MIN_PAIRS", 100)
    problem = _instance(7, demands=24, projects=8)
    exact = solve(problem)
    timed = dataclasses.replace(
        problem, options=dataclasses.replace(problem.options, time_limit=30)
    )
    assert decomposes(timed, (), time.monotonic() + 30)
    assert not decomposes(problem, (), None)  # no limit: the full MILP, to its optimum
    answer = solve(timed)
    plain = solve(dataclasses.replace(problem, synergy_pairs=[]))
    assert answer.objective >= plain.objective - 1e-6
    assert answer.objective <= exact.objective + 1e-6 <= answer.bound + 2e-6
    assert answer.gap == round(relative_gap(answer.objective, answer.bound), 6)
    assert (answer.status == "optimal") == (answer.gap <= answer.tolerance)
    value = _feasible_and_value(problem, _choice(problem, answer.chosen))
    assert value == pytest.approx(answer.objective, abs=1e-6)


def test_the_rules_that_keep_the_full_milp(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = _instance(1, demands=6, projects=4)
    soon = time.monotonic() + 10
    assert not decomposes(problem, (), soon)  # small: the exact path of the bundled cases
    monkeypatch.setattr("matchmaker.allocation.solve.DECOMPOSE_MIN_PAIRS", 1)
    assert decomposes(problem, (), soon)
    assert not decomposes(problem, ("budget",), soon)
    for options in (
        AllocationOptions(per_demand=2),
        AllocationOptions(min_per_province=1),
        AllocationOptions(max_region_share=0.5),
    ):
        assert not decomposes(dataclasses.replace(problem, options=options), (), soon)
    locked = dataclasses.replace(problem, locked={(0, int(problem.project[0]))})
    assert not decomposes(locked, (), soon)


def _sleep_then(value: int, seconds: float) -> int:
    time.sleep(seconds)
    return value


def _fail() -> None:
    raise ValueError("inside")


def test_a_call_past_its_deadline_is_stopped_there() -> None:
    start = time.monotonic()
    with pytest.raises(Stopped):
        call_until(_sleep_then, (1, 30.0), time.monotonic() + 0.5)
    assert time.monotonic() - start < 2.0


def test_a_call_that_finishes_in_time_gives_its_value_or_its_error() -> None:
    assert call_until(_sleep_then, (7, 0.0), time.monotonic() + 10) == 7
    assert call_until(_sleep_then, (8, 0.0), None) == 8
    with pytest.raises(ValueError, match="inside"):
        call_until(_fail, (), time.monotonic() + 10)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("how", ["enumerated", "searched", "cut off"])
def test_pricing_finds_each_regions_best_bundle_at_any_prices(
    seed: int, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against every choice of a project (or none) per demand, region by region: exact
    whether a region's choices are enumerated or searched by branch and bound; where the
    search is not given the time (local search and the split bound), the bundle is real
    and the bound still holds."""
    import itertools

    if how != "enumerated":
        monkeypatch.setattr(decompose, "ENUMERATION_LIMIT", 0)
    exact = how != "cut off"
    problem = _instance(200 + seed, demands=9, projects=5, bonus=12.0)
    rng = np.random.default_rng(seed)
    price = rng.uniform(0, 30, 5)
    dense = decompose._dense(problem, priced_cost=False)
    priced = decompose._price(problem, dense, price, np.zeros(5), None if exact else 0.0)
    edges = set(problem.synergy_pairs)
    total = 0.0
    for region in range(len(problem.region_codes)):
        members = np.flatnonzero(problem.region == region).tolist()
        options = [[-1] + [p for p in range(5) if np.isfinite(dense.value[d, p])] for d in members]
        best = 0.0
        for choice in itertools.product(*options):
            taken = sorted({p for p in choice if p >= 0})
            worth = sum(
                dense.value[d, p] - price[p] for d, p in zip(members, choice, strict=True) if p >= 0
            )
            pairs = sum((region, p, q) in edges for p, q in itertools.combinations(taken, 2))
            best = max(best, worth + problem.options.synergy_bonus * pairs)
        assert priced.best[region] <= best + 1e-6
        if exact:
            assert priced.best[region] == pytest.approx(best, abs=1e-6)
        pairs_given = priced.bundles.get(region, np.zeros(0, dtype=np.int64))
        given = [int(problem.project[i]) for i in pairs_given]
        worth = sum(float(problem.value[i]) - price[problem.project[i]] for i in pairs_given)
        synergy = sum(
            (region, p, q) in edges for p, q in itertools.combinations(sorted(set(given)), 2)
        )
        value = worth + problem.options.synergy_bonus * synergy
        assert value == pytest.approx(priced.best[region], abs=1e-6)
        total += best
    assert priced.upper >= total - 1e-6
    if exact:
        assert priced.upper == pytest.approx(total, abs=1e-6)


def _group(
    seed: int, demands: int, projects: int
) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """A random group for `_search`: each demand's choices (some with nothing, -1), the
    reduced values (some negative, as prices make them) and complementary pairs."""
    rng = np.random.default_rng(seed)
    worth = np.round(rng.uniform(-5, 20, (demands, projects)), 2)
    choices = []
    for _ in range(demands):
        picked = np.sort(
            rng.choice(projects, size=int(rng.integers(1, projects + 1)), replace=False)
        )
        choices.append(np.append(picked, -1) if rng.random() < 0.5 else picked)
    pairs = {(int(p), int(q)) for p, q in rng.integers(0, projects, (2 * projects, 2)) if p < q}
    return choices, worth, np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def _group_value(
    choice: tuple[int, ...], worth: np.ndarray, edges: np.ndarray, bonus: float
) -> float:
    taken = {p for p in choice if p >= 0}
    pairs = sum(int(p) in taken and int(q) in taken for p, q in edges)
    return sum(worth[d, p] for d, p in enumerate(choice) if p >= 0) + bonus * pairs


def _brute_forced(
    seed: int, bonus: float
) -> tuple[list[np.ndarray], np.ndarray, np.ndarray, float, np.ndarray, float]:
    """A random group (5 demands, 7 projects), its best value by brute force over every
    choice, and a start (each demand's first choice) with its value."""
    import itertools

    choices, worth, edges = _group(seed, demands=5, projects=7)
    every = itertools.product(*[c.tolist() for c in choices])
    best = max(_group_value(c, worth, edges, bonus) for c in every)
    start = np.array([c[0] for c in choices])
    return (
        choices,
        worth,
        edges,
        best,
        start,
        _group_value(tuple(start.tolist()), worth, edges, bonus),
    )


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("rows", [200_000, 12])
def test_the_search_finds_a_groups_best_choice_or_bounds_it(
    seed: int, rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against brute force over every choice; with room for only a dozen partial choices
    the search stops early, and its bound still holds."""
    monkeypatch.setattr(decompose, "SEARCH_ROWS", rows)
    bonus = 6.0
    choices, worth, edges, best, start, start_value = _brute_forced(seed, bonus)
    found, value, bound = decompose._search(choices, worth, edges, bonus, start, start_value, None)
    assert all(p in c for p, c in zip(found.tolist(), choices, strict=True))
    assert value == pytest.approx(_group_value(tuple(found.tolist()), worth, edges, bonus))
    assert start_value - 1e-9 <= value <= best + 1e-9
    assert bound >= best - 1e-9
    if rows == 200_000:
        assert value == pytest.approx(best) and bound == pytest.approx(best)


def _start_and_priced_columns(
    problem: AllocationProblem,
) -> tuple[np.ndarray, decompose._Rows, decompose._Dense, decompose._Columns, int]:
    """The no-synergy start's region bundles as columns, then one round of priced
    bundles: the start, the master's rows, the dense data, the columns and how many of
    them came from the start."""
    start, prices = _start(problem)
    rows = decompose._rows(problem)
    dense = decompose._dense(problem, priced_cost=rows.budget >= 0)
    columns = decompose._Columns()
    picked = np.flatnonzero(start)
    owner = problem.region[problem.demand[picked]]
    for region in np.unique(owner).tolist():
        mine = picked[owner == region]
        columns.add(region, mine, decompose.portfolio_value(problem, dense, mine))
    started = len(columns.region)
    capacity_price = np.zeros(len(problem.capacity)) if prices is None else prices
    priced = decompose._price(problem, dense, capacity_price, np.zeros(len(problem.capacity)))
    for region, pairs in sorted(priced.bundles.items()):
        columns.add(region, pairs, decompose.portfolio_value(problem, dense, pairs))
    return start, rows, dense, columns, started


@pytest.mark.parametrize("seed", range(4))
def test_the_quick_portfolio_keeps_every_limit_and_never_loses(seed: int) -> None:
    """The greedy swap of region bundles that backs up the integer master."""
    problem = _instance(300 + seed, demands=30, projects=8, budget=None if seed % 2 else 6000)
    start, rows, dense, columns, started = _start_and_priced_columns(problem)
    picked = np.flatnonzero(start)
    chosen, value = decompose._swap_greedily(problem, dense, rows, columns, list(range(started)))
    checked = _feasible_and_value(problem, _choice(problem, chosen))
    assert checked == pytest.approx(value, abs=1e-6)
    assert value >= decompose.portfolio_value(problem, dense, picked) - 1e-6


@pytest.mark.parametrize("seed", range(4))
def test_the_dive_and_the_polish_keep_every_limit_and_never_lose(seed: int) -> None:
    """The integer master by diving on the master LP, and the per-demand polish after
    it: real portfolios within every capacity and budget, worth what they say; the
    polish never loses and moves demands left out where a project has room."""
    problem = _instance(400 + seed, demands=30, projects=8, budget=None if seed % 2 else 6000)
    start, rows, dense, columns, _ = _start_and_priced_columns(problem)
    chosen, value = decompose._integer_master(problem, dense, rows, columns, None)
    assert _feasible_and_value(problem, _choice(problem, chosen)) == pytest.approx(value, abs=1e-6)

    # From a portfolio with every other demand left out: the polish fills them back in.
    sparse_start = start.copy()
    sparse_start[np.flatnonzero(start)[::2]] = False
    before = decompose.portfolio_value(problem, dense, np.flatnonzero(sparse_start))
    polished = decompose._polish(problem, dense, sparse_start, None)
    after = _feasible_and_value(problem, _choice(problem, polished))
    assert after is not None
    assert after == pytest.approx(
        decompose.portfolio_value(problem, dense, np.flatnonzero(polished))
    )
    assert after > before


def _at_random_prices(
    instance_seed: int, seed: int, demands: int, projects: int
) -> tuple[AllocationProblem, np.ndarray, np.ndarray]:
    """A region-heavy instance, its dense scores and random prices for its projects."""
    problem = _instance(instance_seed, demands=demands, projects=projects, bonus=12.0)
    price = np.random.default_rng(seed).uniform(0, 20, projects)
    return problem, decompose._dense(problem, priced_cost=False), price


def _threshold(best: np.ndarray, threshold_of: str) -> np.ndarray:
    """Per region, a threshold 3 points "above" its best bundle's worth, or "below" it."""
    return np.maximum(best + (3.0 if threshold_of == "above" else -3.0), 0.0)


def _priced_both_ways(
    seed: int, threshold_of: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[AllocationProblem, np.ndarray, decompose._Priced, decompose._Priced]:
    """One region-heavy instance priced without a threshold and with one per region
    (`threshold_of`: "above" every region's best, or "below" it), searched, not
    enumerated: the exact prices, the threshold, and both answers."""
    monkeypatch.setattr(decompose, "ENUMERATION_LIMIT", 0)
    problem, dense, price = _at_random_prices(500 + seed, seed, demands=12, projects=5)
    exact = decompose._price(problem, dense, price, np.zeros(5))
    threshold = _threshold(exact.best, threshold_of)
    cut = decompose._price(problem, dense, price, np.zeros(5), None, threshold)
    return problem, threshold, exact, cut


@pytest.mark.parametrize("seed", range(6))
def test_pricing_at_a_threshold_gives_every_bundle_that_beats_it(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each region's threshold 3 points below its best: every region still beats it, so
    each is priced exactly as without a threshold, the same bundle and the same bound."""
    _, threshold, exact, cut = _priced_both_ways(seed, "below", monkeypatch)
    for region in np.flatnonzero(exact.best > threshold + decompose.REDUCED_TOLERANCE):
        assert cut.best[region] == pytest.approx(exact.best[region], abs=1e-9)
        assert np.array_equal(np.sort(cut.bundles[region]), np.sort(exact.bundles[region]))
    assert cut.upper == pytest.approx(exact.upper, abs=1e-6)


@pytest.mark.parametrize("seed", range(6))
def test_pricing_at_a_threshold_no_region_beats_may_stop_early_but_keeps_a_true_bound(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each region's threshold 3 points above its best: nothing beats it, so nothing would
    enter the master; the bound still holds (never below the exact one) and no more than
    the threshold where the threshold was what was proven."""
    _, threshold, exact, cut = _priced_both_ways(seed, "above", monkeypatch)
    assert not (cut.best > threshold + decompose.REDUCED_TOLERANCE).any()
    assert cut.upper >= exact.upper - 1e-6
    assert cut.upper <= np.maximum(exact.best, threshold).sum() + 3.0 * len(threshold)


def test_a_region_the_one_pass_bound_rules_out_is_not_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`_skips` against `_price_region`: a region whose one-pass bound is at most its
    threshold is never searched; one whose bound is above it is."""
    problem = _instance(600, demands=12, projects=5, bonus=12.0)
    dense = decompose._dense(problem, priced_cost=False)
    price = np.zeros(5)
    exact = decompose._price(problem, dense, price, np.zeros(5))
    searched: list[int] = []
    real = decompose._price_region

    def spy(*args: object, **kwargs: object) -> tuple[np.ndarray, float, float]:
        searched.append(int(args[5]))  # type: ignore[call-overload]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(decompose, "_price_region", spy)
    decompose._price(problem, dense, price, np.zeros(5))
    hard = sorted(set(searched))
    assert hard  # the instance has regions that need a search
    searched.clear()
    # Far above any bundle: every region is ruled out by the one-pass bound.
    far = np.full(len(problem.region_codes), 1e6)
    ruled_out = decompose._price(problem, dense, price, np.zeros(5), None, far)
    assert searched == []
    assert ruled_out.upper >= exact.upper - 1e-6
    # At zero: the regions with something worth more than nothing are searched again.
    searched.clear()
    decompose._price(problem, dense, price, np.zeros(5), None, np.zeros(len(far)))
    assert sorted(set(searched)) == [r for r in hard if exact.best[r] > 0]


@pytest.mark.parametrize("seed", range(12))
def test_the_search_above_a_floor_finds_what_beats_it_and_bounds_the_rest(seed: int) -> None:
    """Against brute force: with a floor below the best, the search finds the best; with
    one above it, its bound is the floor (never below the best) and its choice is real."""
    bonus = 6.0
    choices, worth, edges, best, start, start_value = _brute_forced(seed, bonus)
    search = decompose._search
    found, value, bound = search(choices, worth, edges, bonus, start, start_value, None, best - 1)
    assert value == pytest.approx(best) and bound == pytest.approx(best)
    found, value, bound = search(choices, worth, edges, bonus, start, start_value, None, best + 1)
    assert value == pytest.approx(_group_value(tuple(found.tolist()), worth, edges, bonus))
    assert start_value - 1e-9 <= value <= best + 1e-9
    assert bound == pytest.approx(best + 1)


def test_a_project_taken_twice_in_a_row_counts_once() -> None:
    """`_once`: every later repeat of a project in a row becomes `nothing` (9 here); the
    first stays, and rows without repeats are unchanged."""
    rows = np.array([[1, 1, 2, 1], [3, 4, 5, 6], [9, 2, 9, 2]])
    assert decompose._once(rows.copy(), 9).tolist() == [[1, 9, 2, 9], [3, 4, 5, 6], [9, 2, 9, 9]]
    assert decompose._once(np.array([[4]]), 9).tolist() == [[4]]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("threshold_of", ["none", "below", "above"])
def test_pricing_in_several_processes_gives_what_one_gives(
    seed: int, threshold_of: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regions priced in two or three processes (split.py): the same bundles, the same
    reduced values and the same bound, to the last bit (the bound adds the regions up in
    their order whatever process priced them)."""
    monkeypatch.setattr(decompose, "PARALLEL_MIN_REGIONS", 1)
    problem, dense, price = _at_random_prices(700 + seed, seed, demands=60, projects=8)
    alone = decompose._price(problem, dense, price, np.zeros(8))
    threshold = None
    if threshold_of != "none":
        threshold = _threshold(alone.best, threshold_of)
        alone = decompose._price(problem, dense, price, np.zeros(8), None, threshold)
    for processes in (2, 3):
        shared = decompose._price(problem, dense, price, np.zeros(8), None, threshold, processes)
        assert shared.upper == alone.upper
        assert np.array_equal(shared.best, alone.best)
        assert sorted(shared.bundles) == sorted(alone.bundles)
        for region, pairs in alone.bundles.items():
            assert np.array_equal(shared.bundles[region], pairs)


@pytest.mark.parametrize("seed", range(3))
def test_a_dive_worse_than_the_quick_portfolio_is_polished_too(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dive that gives less than the quick portfolio (as one cut short by the deadline
    does, leaving demands out) is not just dropped: its own bundles are polished, and the
    answer is worth at least that, within every limit. Here the dive gives every other
    demand of the no-synergy optimum, nothing else."""
    problem = _instance(800 + seed, demands=30, projects=8)
    start, prices = _start(problem)
    half = start.copy()
    half[np.flatnonzero(start)[::2]] = False
    dense = decompose._dense(problem, priced_cost=False)
    half_value = decompose.portfolio_value(problem, dense, np.flatnonzero(half))
    monkeypatch.setattr(decompose, "_integer_master", lambda *args: (half.copy(), half_value))
    polished_from: list[np.ndarray] = []
    real_polish = decompose._polish

    def spy(problem: AllocationProblem, dense: object, chosen: np.ndarray, until: object) -> object:
        polished_from.append(chosen.copy())
        return real_polish(problem, dense, chosen, until)  # type: ignore[arg-type]

    monkeypatch.setattr(decompose, "_polish", spy)
    found = solve_by_region(problem, start, None, prices)
    assert any(np.array_equal(chosen, half) for chosen in polished_from)
    value = _feasible_and_value(problem, _choice(problem, found.chosen))
    assert value == pytest.approx(found.objective, abs=1e-6)
    polished_half = real_polish(problem, dense, half, None)
    assert (
        found.objective
        >= decompose.portfolio_value(problem, dense, np.flatnonzero(polished_half)) - 1e-6
    )
