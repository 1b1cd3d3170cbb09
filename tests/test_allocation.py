"""Allocation: the optimum equals brute force, and every solution keeps every rule."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.allocation.problem import (
    AllocationOptions,
    AllocationProblem,
    complementary_pairs,
    distinct,
    median,
    pair_cost,
)
from matchmaker.allocation.solve import (
    Infeasible,
    _build,
    _run,
    is_plain_assignment,
    solve,
    solve_assignment,
)


def _problem(
    rng: np.random.Generator,
    demands: int,
    projects: int,
    options: AllocationOptions,
    synergy: bool = True,
) -> AllocationProblem:
    """A random instance: every pair eligible unless the coin says no."""
    pairs = [(d, p) for d in range(demands) for p in range(projects) if rng.random() < 0.8]
    regions = rng.integers(0, max(1, demands // 2), demands)
    provinces = regions % 2
    complements = (
        [
            (r, p, q)
            for r in sorted(set(regions.tolist()))
            for p in range(projects)
            for q in range(p + 1, projects)
            if (p + q) % 2
        ]
        if synergy
        else []
    )
    return AllocationProblem(
        scores=None,  # type: ignore[arg-type]  (solve reads only the arrays)
        options=options,
        demand=np.array([d for d, _ in pairs], dtype=int),
        project=np.array([p for _, p in pairs], dtype=int),
        value=np.round(rng.uniform(10, 90, len(pairs)), 2),
        cost=np.round(rng.uniform(1, 10, len(pairs))) * 100,
        cost_known=np.ones(len(pairs), dtype=bool),
        capacity=rng.integers(1, demands + 1, projects).astype(float),
        project_budget=np.full(projects, np.inf),
        region=regions,
        region_codes=[str(r) for r in range(max(1, demands // 2))],
        province=provinces,
        province_codes=["a", "b"],
        decline=rng.random(demands) < 0.5,
        tied=np.zeros(demands, dtype=bool),
        forbidden=set(),
        locked=set(),
        synergy_pairs=complements,
    )


def _feasible_and_value(problem: AllocationProblem, choice: tuple[int, ...]) -> float | None:
    """Check one assignment (a pair index or -1 per demand) against every rule."""
    o = problem.options
    chosen = [i for i in choice if i >= 0]
    for p in set(problem.project.tolist()):
        if sum(problem.project[i] == p for i in chosen) > problem.capacity[p]:
            return None
    cost = sum(problem.cost[i] for i in chosen)
    if o.budget is not None and cost > o.budget:
        return None
    for province in range(len(problem.province_codes)):
        count = sum(problem.province[problem.demand[i]] == province for i in chosen)
        if count < o.min_per_province:
            return None
    decline = sum(bool(problem.decline[problem.demand[i]]) for i in chosen)
    if decline < o.min_decline_share * len(chosen) - 1e-9:
        return None
    for region in range(len(problem.region_codes)):
        inside = sum(problem.region[problem.demand[i]] == region for i in chosen)
        if inside > o.max_region_share * len(chosen) + 1e-9:
            return None
    given_to = {(int(problem.region[problem.demand[i]]), int(problem.project[i])) for i in chosen}
    bonus = sum(
        o.synergy_bonus
        for r, p, q in problem.synergy_pairs
        if (r, p) in given_to and (r, q) in given_to
    )
    return float(sum(problem.value[i] for i in chosen)) + bonus


def _brute_force(problem: AllocationProblem) -> float | None:
    demands = sorted(set(problem.demand.tolist()))
    options = [[-1] + [i for i in range(problem.pairs) if problem.demand[i] == d] for d in demands]
    best = None
    for choice in itertools.product(*options):
        value = _feasible_and_value(problem, choice)
        if value is not None and (best is None or value > best + 1e-9):
            best = value
    return best


CASES = [
    AllocationOptions(),
    AllocationOptions(budget=1500),
    AllocationOptions(synergy_bonus=30),
    AllocationOptions(min_per_province=1),
    AllocationOptions(min_decline_share=0.5),
    AllocationOptions(max_region_share=0.5, budget=2500),
]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("options", CASES, ids=lambda o: repr(o)[18:60])
def test_the_optimum_equals_brute_force(seed: int, options: AllocationOptions) -> None:
    problem = _problem(np.random.default_rng(seed), demands=5, projects=3, options=options)
    expected = _brute_force(problem)
    if expected is None:
        with pytest.raises(Infeasible):
            solve(problem)
        return
    solution = solve(problem)
    assert solution.status == "optimal"
    assert solution.objective == pytest.approx(expected, abs=1e-6)
    choice = tuple(
        next((i for i in np.flatnonzero(solution.chosen) if problem.demand[i] == d), -1)
        for d in sorted(set(problem.demand.tolist()))
    )
    assert _feasible_and_value(problem, choice) == pytest.approx(expected, abs=1e-6)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    seed=st.integers(0, 10_000),
    demands=st.integers(1, 7),
    projects=st.integers(1, 4),
    budget=st.one_of(st.none(), st.integers(0, 3000)),
    province=st.integers(0, 2),
    decline=st.sampled_from([0.0, 0.3, 0.6]),
    share=st.sampled_from([1.0, 0.5, 0.34]),
)
def test_every_solution_keeps_every_rule(
    seed: int,
    demands: int,
    projects: int,
    budget: int | None,
    province: int,
    decline: float,
    share: float,
) -> None:
    options = AllocationOptions(
        budget=budget, min_per_province=province, min_decline_share=decline, max_region_share=share
    )
    problem = _problem(np.random.default_rng(seed), demands, projects, options)
    try:
        solution = solve(problem)
    except Infeasible as conflict:
        assert conflict.groups  # it names what conflicts
        return
    chosen = list(np.flatnonzero(solution.chosen))
    per_demand = [problem.demand[i] for i in chosen]
    assert len(per_demand) == len(set(per_demand))  # one project per demand
    choice = tuple(
        next((i for i in chosen if problem.demand[i] == d), -1)
        for d in sorted(set(problem.demand.tolist()))
    )
    assert _feasible_and_value(problem, choice) == pytest.approx(solution.objective, abs=1e-6)


def test_conflicting_minimums_name_the_groups() -> None:
    options = AllocationOptions(min_per_province=4)
    problem = _problem(np.random.default_rng(1), demands=4, projects=2, options=options)
    with pytest.raises(Infeasible) as raised:
        solve(problem)
    assert "min-per-province" in raised.value.groups


@pytest.mark.parametrize(
    ("request_", "low", "high", "expected"),
    [
        (300.0, 100.0, 200.0, (200.0, True)),
        (50.0, 100.0, np.nan, (100.0, True)),
        (150.0, np.nan, np.nan, (150.0, True)),
        (np.nan, 100.0, 700.0, (100.0, True)),
        (np.nan, np.nan, 700.0, (700.0, True)),
        (np.nan, np.nan, np.nan, (0.0, False)),
    ],
)
def test_pair_cost_keeps_the_request_inside_the_range(
    request_: float, low: float, high: float, expected: tuple
) -> None:
    assert pair_cost(request_, low, high) == expected


@pytest.mark.parametrize("seed", range(12))
def test_a_plain_assignment_is_solved_exactly_by_column_generation(seed: int) -> None:
    problem = _problem(
        np.random.default_rng(seed),
        demands=5,
        projects=3,
        options=AllocationOptions(),
        synergy=False,
    )
    assert is_plain_assignment(problem)
    solution = solve_assignment(problem)
    assert solution is not None
    assert solution.objective == pytest.approx(_brute_force(problem), abs=1e-6)


@pytest.mark.parametrize("seed", range(4))
def test_column_generation_matches_the_full_milp_on_larger_instances(seed: int) -> None:
    """Start sets of 10 per demand are too small here, so pricing must add columns."""
    rng = np.random.default_rng(100 + seed)
    problem = _problem(rng, demands=80, projects=25, options=AllocationOptions(), synergy=False)
    problem.capacity = rng.integers(1, 4, 25).astype(float)
    generated = solve_assignment(problem)
    assert generated is not None
    objective, rows, _, _, integrality = _build(problem)
    milp_result = _run(objective, rows, {"one-per-demand", "capacity"}, integrality, None)
    assert milp_result.objective is not None
    assert generated.objective == pytest.approx(-milp_result.objective, abs=1e-6)


def test_past_the_deadline_the_answer_is_the_no_synergy_optimum_with_a_true_gap() -> None:
    import dataclasses
    import time

    from matchmaker.allocation.solve import relative_gap

    rng = np.random.default_rng(3)
    problem = _problem(rng, demands=6, projects=3, options=AllocationOptions())
    exact = solve(problem)
    plain = solve(dataclasses.replace(problem, synergy_pairs=[]))
    late = dataclasses.replace(
        problem, options=AllocationOptions(time_limit=1.0, deadline=time.monotonic() - 1)
    )
    answer = solve(late)
    assert answer.status == "time-limit"
    assert plain.objective <= answer.objective <= exact.objective + 1e-9
    assert answer.bound >= exact.objective - 1e-9
    assert answer.gap == round(relative_gap(answer.objective, answer.bound), 6)
    assert answer.gap > 0


@pytest.mark.parametrize("seed", range(6))
def test_an_optimal_synergy_answer_states_the_tolerance_and_its_true_gap(seed: int) -> None:
    from matchmaker.allocation.solve import MIP_REL_GAP

    problem = _problem(
        np.random.default_rng(seed), demands=6, projects=3, options=AllocationOptions()
    )
    answer = solve(problem)
    assert answer.status == "optimal" and answer.tolerance == MIP_REL_GAP
    assert 0 <= answer.gap <= MIP_REL_GAP
    assert (answer.gap == 0) == (answer.bound == answer.objective)


def test_the_relative_gap_is_zero_only_when_objective_and_bound_are_equal() -> None:
    from matchmaker.allocation.solve import relative_gap

    assert relative_gap(100.0, 100.0) == 0.0
    assert relative_gap(99.99999, 100.0) > 0
    assert relative_gap(90.0, 100.0) == pytest.approx(0.1)


def test_an_unassigned_reason_names_only_the_rules_that_were_set() -> None:
    from matchmaker.allocation.report import _rules_set

    problem = _problem(np.random.default_rng(1), demands=4, projects=2, options=AllocationOptions())
    assert _rules_set(problem.options, problem) == []
    options = AllocationOptions(min_per_province=1)
    assert [en for en, _ in _rules_set(options, problem)] == ["--min-per-province"]
    problem.locked = {(0, 0)}
    assert [en for en, _ in _rules_set(AllocationOptions(), problem)] == ["--lock"]


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (
            AllocationOptions(locks=(("2026-wanju/no-such-demand", "seoul-farms"),)),
            "--lock: no demand '2026-wanju/no-such-demand'",
        ),
        (
            AllocationOptions(forbids=(("2026-wanju/youth-farmstay", "seoul-farm"),)),
            "--forbid: no project 'seoul-farm'",
        ),
        (AllocationOptions(capacities={"seoul-farm": 2}), "--capacity: no project 'seoul-farm'"),
        (AllocationOptions(project_budgets={"nope": 1}), "--project-budget: no project 'nope'"),
    ],
)
def test_the_library_refuses_an_option_naming_what_the_run_lacks(
    options: AllocationOptions, named: str
) -> None:
    # Called from code, an option that cannot be honoured is an error naming it, never a
    # bare KeyError or an option silently ignored.
    import datetime as dt

    from matchmaker.allocation.problem import UnknownName
    from matchmaker.allocation.report import allocate
    from matchmaker.inputs import load_run
    from matchmaker.scoring.engine import score

    run = load_run(None, None, None, dt.date(2026, 11, 28))
    scores = score(run.catalog, run.records(), run.profile)
    with pytest.raises(UnknownName, match=named):
        allocate(scores, options)


@pytest.mark.parametrize("seed", range(5))
def test_pair_costs_for_arrays_equal_pair_cost_pair_by_pair(seed: int) -> None:
    from matchmaker.allocation.problem import pair_costs

    rng = np.random.default_rng(seed)

    def column() -> np.ndarray:
        values = np.round(rng.uniform(1, 100, 200)) * 1e6
        values[rng.random(200) < 0.4] = np.nan
        return values

    request, low, high = column(), column(), column()
    cost, known = pair_costs(request, low, high)
    for i in range(200):
        assert (float(cost[i]), bool(known[i])) == pair_cost(request[i], low[i], high[i])


@pytest.mark.parametrize("seed", range(5))
def test_complementary_pairs_are_every_offered_complementary_pair_once(seed: int) -> None:
    from matchmaker.allocation.problem import complementary_pairs

    rng = np.random.default_rng(seed)
    complements = rng.random((8, 8)) < 0.4
    complements = complements | complements.T
    region = rng.integers(0, 3, 40)
    project = rng.integers(0, 8, 40)
    expected = [
        (r, a, b)
        for r in range(3)
        for a in range(8)
        for b in range(a + 1, 8)
        if complements[a, b]
        and any(region[i] == r and project[i] == a for i in range(40))
        and any(region[i] == r and project[i] == b for i in range(40))
    ]
    assert complementary_pairs(region, project, complements) == expected


@pytest.mark.parametrize("seed", range(4))
def test_synergy_rows_are_the_rows_adding_them_one_by_one_gave(seed: int) -> None:
    """The vectorised synergy block is the same model, entry for entry and in order."""
    problem = _problem(
        np.random.default_rng(seed), demands=9, projects=4, options=AllocationOptions()
    )
    _, rows, n, zs, _ = _build(problem)
    expected: list[tuple[int, int, float]] = []
    z_index = {key: n + i for i, key in enumerate(zs)}
    y_start = n + len(zs)
    row = 0
    for k, (region, p, q) in enumerate(problem.synergy_pairs):
        for z in (z_index[(region, p)], z_index[(region, q)]):
            expected += [(row, y_start + k, 1.0), (row, z, -1.0)]
            row += 1
    for (region, p), z in z_index.items():
        members = [
            i
            for i in range(problem.pairs)
            if problem.project[i] == p and problem.region[problem.demand[i]] == region
        ]
        expected += [(row, z, 1.0)] + [(row, i, -1.0) for i in members]
        row += 1
    first = rows.groups.index("synergy")
    found = [
        (r - first, c, d)
        for r, c, d in zip(rows.row, rows.col, rows.data, strict=True)
        if rows.groups[r] == "synergy"
    ]
    assert found == expected


@pytest.mark.parametrize("seed", range(6))
def test_the_synergy_cap_is_never_below_what_the_optimum_completes(seed: int) -> None:
    from matchmaker.allocation.solve import synergy_cap

    problem = _problem(
        np.random.default_rng(seed), demands=6, projects=4, options=AllocationOptions()
    )
    assert len(solve(problem).synergy) <= synergy_cap(problem) <= len(problem.synergy_pairs)


@pytest.mark.parametrize("seed", range(6))
def test_the_simple_bound_is_never_below_the_optimum(seed: int) -> None:
    from matchmaker.allocation.solve import simple_bound

    problem = _problem(
        np.random.default_rng(seed), demands=6, projects=4, options=AllocationOptions()
    )
    assert solve(problem).objective <= simple_bound(problem) + 1e-9


@given(
    st.lists(
        st.floats(min_value=0, max_value=1e13, allow_nan=False) | st.integers(0, 10**12),
        min_size=1,
        max_size=9,
    )
)
def test_the_median_of_known_costs_is_numpys(values: list[float]) -> None:
    """An unknown cost counts as the median of the known ones (`--unknown-cost median`),
    to the last bit what numpy's median gives, ties and even counts included."""
    assert median(values) == float(np.median(values))


@given(st.lists(st.integers(-5, 40), max_size=30))
def test_distinct_is_numpys_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert np.array_equal(distinct(array), np.unique(array))
    assert distinct(array).dtype == np.unique(array).dtype


@given(seed=st.integers(0, 10_000), pairs=st.integers(0, 40))
def test_complementary_pairs_list_each_region_pair_once_in_order(seed: int, pairs: int) -> None:
    """Against the pairs' (region, project) rows made distinct by numpy's own unique."""
    rng = np.random.default_rng(seed)
    region = rng.integers(0, 6, pairs)
    project = rng.integers(0, 5, pairs)
    complements = rng.random((5, 5)) < 0.4
    complements = complements | complements.T
    expected = []
    for r, p_ in np.unique(np.stack([region, project], axis=1), axis=0).tolist():
        expected.append((r, p_))
    found = complementary_pairs(region, project, complements)
    offered: dict[int, list[int]] = {}
    for r, p_ in expected:
        offered.setdefault(r, []).append(p_)
    want = [
        (r, p, q)
        for r, projects in offered.items()
        for i, p in enumerate(projects)
        for q in projects[i + 1 :]
        if complements[p, q]
    ]
    assert found == want


def test_synergy_edges_are_the_pairs_as_one_read_only_array_made_once() -> None:
    problem = _problem(np.random.default_rng(3), 6, 4, AllocationOptions(synergy_bonus=2.0))
    edges = problem.synergy_edges()
    assert edges.tolist() == [list(pair) for pair in problem.synergy_pairs]
    assert edges.shape == (len(problem.synergy_pairs), 3) and edges.dtype == np.int64
    assert problem.synergy_edges() is edges  # made once
    with pytest.raises(ValueError):
        edges[0, 0] = 99  # shared by every step that reads it
    plain = dataclasses.replace(problem, synergy_pairs=[])
    assert plain.synergy_edges().shape == (0, 3)  # a copy makes its own
