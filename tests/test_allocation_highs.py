"""highs.py: the one module that talks to HiGHS, on problems solved by hand."""

from __future__ import annotations

import time

import numpy as np
import pytest

from matchmaker.allocation import highs
from matchmaker.allocation.stoppable import call_until


def _dense(matrix: highs.Columns) -> np.ndarray:
    return np.stack([matrix.column(j) for j in range(matrix.columns)], axis=1)


def test_triplets_become_columns_with_rows_ascending_repeats_added_and_zeros_kept() -> None:
    matrix = highs.from_triplets(
        np.array([1, 0, 1, 0, 2]),
        np.array([0, 0, 0, 2, 2]),
        np.array([2.0, 1.0, 3.0, 0.0, 4.0]),
        (3, 3),
    )
    assert matrix.start.tolist() == [0, 2, 2, 4]  # column 1 is empty
    assert matrix.index.tolist() == [0, 1, 0, 2]
    assert matrix.value.tolist() == [1.0, 5.0, 0.0, 4.0]  # (1, 0) added up; the 0 kept
    assert _dense(matrix).tolist() == [[1, 0, 0], [5, 0, 0], [0, 0, 4]]


def test_columns_are_taken_in_the_order_asked_and_rows_cut() -> None:
    matrix = highs.from_triplets(
        np.array([0, 1, 2, 0, 2]), np.array([0, 0, 1, 2, 2]), np.arange(1.0, 6.0), (3, 3)
    )
    assert _dense(matrix.take(np.array([2, 0]))).tolist() == [[4, 1], [0, 2], [5, 0]]
    assert _dense(matrix.head(2)).tolist() == [[1, 0, 4], [2, 0, 0]]


# max x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6,  x, y ≥ 0: the vertex (1.6, 1.2), value 2.8,
# and both rows bind with duals 0.4 and 0.2 (here negated: HiGHS minimises -x - y).
LP = highs.from_triplets(
    np.array([0, 1, 0, 1]), np.array([0, 0, 1, 1]), np.array([1.0, 3, 2, 1]), (2, 2)
)


@pytest.mark.parametrize("method", [None, "ipm"])
def test_an_lp_gives_its_vertex_and_row_duals(method: str | None) -> None:
    result = highs.solve(
        np.array([-1.0, -1.0]), LP, np.full(2, -np.inf), np.array([4.0, 6.0]), method=method
    )
    assert result.status == "optimal"
    assert result.x is not None and result.row_dual is not None
    assert result.x.tolist() == pytest.approx([1.6, 1.2])
    assert result.objective == pytest.approx(-2.8)
    assert result.row_dual.tolist() == pytest.approx([-0.4, -0.2])


def test_a_milp_is_integral_with_its_dual_bound_and_starts_from_a_given_point() -> None:
    # Integral points: (2, 0), (1, 1) and (0, 2) are worth 2, none more (the LP had 2.8).
    for initial in (None, np.array([1.0, 1.0])):
        result = highs.solve(
            np.array([-1.0, -1.0]),
            LP,
            np.full(2, -np.inf),
            np.array([4.0, 6.0]),
            integrality=np.ones(2),
            mip_rel_gap=0.0,
            initial=initial,
        )
        assert result.status == "optimal" and result.x is not None
        assert result.objective == pytest.approx(-2.0)
        assert result.dual_bound == pytest.approx(-2.0)
        assert np.allclose(result.x, np.round(result.x))


def test_an_infeasible_model_says_so_and_gives_nothing() -> None:
    one = highs.from_triplets(np.array([0]), np.array([0]), np.array([1.0]), (1, 1))
    result = highs.solve(
        np.array([1.0]),
        one,
        np.array([2.0]),
        np.array([np.inf]),
        col_upper=1.0,
        integrality=np.ones(1),
    )
    assert result.status == "infeasible" and result.x is None


def test_a_kept_master_gives_what_a_fresh_lp_gives_as_columns_come() -> None:
    master = highs.Master(np.full(2, -np.inf), np.array([4.0, 6.0]), "ipm")
    master.add(np.array([-1.0]), LP.take(np.array([0])))
    alone = master.solve()
    assert alone.x is not None and alone.x.tolist() == pytest.approx([2.0])  # 3x ≤ 6
    master.add(np.array([-1.0]), LP.take(np.array([1])))
    both = master.solve()
    assert both.x is not None and both.x.tolist() == pytest.approx([1.6, 1.2])
    assert master.columns == 2


def _integral(_: int) -> highs.Result:
    return highs.solve(
        np.array([-1.0, -1.0]),
        LP,
        np.full(2, -np.inf),
        np.array([4.0, 6.0]),
        integrality=np.ones(2),
    )


def test_a_solve_in_a_forked_child_ends_after_one_in_the_parent() -> None:
    """HiGHS's worker threads are not forked: a child that kept the parent's scheduler
    waited for them until it was killed at the deadline."""
    assert _integral(0).status == "optimal"  # the parent's scheduler is running now
    start = time.monotonic()
    result = call_until(_integral, (0,), time.monotonic() + 20)
    assert isinstance(result, highs.Result) and result.status == "optimal"
    assert time.monotonic() - start < 10
