"""HiGHS started from a portfolio: the full synergy MILP from the no-synergy optimum, the
integer master from the incumbent. A start may only speed the solve up: the answer is a
real portfolio at least as good as the start, and the optimum does not move."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaker.allocation import decompose, solve
from tests.test_allocation import _feasible_and_value
from tests.test_allocation_decompose import _choice, _instance, _start, _start_and_priced_columns


@pytest.mark.parametrize("seed", range(4))
def test_the_full_milp_from_the_no_synergy_optimum_keeps_the_optimum(seed: int) -> None:
    problem = _instance(500 + seed, demands=18, projects=6, budget=None if seed % 2 else 9000)
    start, _ = _start(problem)
    cold = solve._solve_milp(problem, (), None)
    warm = solve._solve_milp(problem, (), None, start)
    assert cold is not None and warm is not None
    assert warm.status == "optimal"
    assert warm.objective == pytest.approx(cold.objective, rel=solve.MIP_REL_GAP)
    value = _feasible_and_value(problem, _choice(problem, warm.chosen))
    assert value == pytest.approx(warm.objective, abs=1e-6)


@pytest.mark.parametrize("seed", range(4))
def test_the_start_is_the_full_models_point_for_that_portfolio(seed: int) -> None:
    """x its pairs, z where a region has a project, y where it has both of a pair: so
    the objective of the start is the portfolio's value with its synergy."""
    problem = _instance(600 + seed, demands=12, projects=5)
    start, _ = _start(problem)
    objective, _, n, zs, _ = solve._build(problem)
    point = solve._full_start(problem, zs, start, len(objective))
    assert point[:n].tolist() == start.astype(float).tolist()
    with_synergy = solve._with_synergy(problem, solve.Solution(start, 0.0, "", 0.0, 0.0))
    assert -float(objective @ point) == pytest.approx(with_synergy.objective, abs=1e-6)


@pytest.mark.parametrize("seed", range(3))
def test_the_integer_master_from_the_incumbent_is_never_worse_than_it(seed: int) -> None:
    problem = _instance(700 + seed, demands=30, projects=8, budget=None if seed % 2 else 6000)
    start, rows, dense, columns, _ = _start_and_priced_columns(problem)
    before = decompose.portfolio_value(problem, dense, np.flatnonzero(start))
    chosen, value = decompose._exact_master(problem, dense, rows, columns, start, None)
    assert value >= before - 1e-6
    assert _feasible_and_value(problem, _choice(problem, chosen)) == pytest.approx(value, abs=1e-6)
