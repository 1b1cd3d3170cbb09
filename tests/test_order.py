"""One order of projects for a demand (matchmaker/scoring/order.py), one row or many."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaker.scoring.order import order_row, top_k


def test_eligible_first_then_total_descending_then_id() -> None:
    ids = ["a", "b", "c", "d"]
    totals = np.array([50.0, 70.0, 70.0, 90.0])
    eligible = np.array([True, True, True, False])
    assert order_row(totals, eligible, ids) == [1, 2, 0]
    assert order_row(totals, eligible, ids, include_ineligible=True) == [1, 2, 0, 3]


@pytest.mark.parametrize("k", [1, 3, 11, 12, 15])
@pytest.mark.parametrize("seed", range(20))
def test_the_vectorised_top_k_agrees_with_the_row_order(seed: int, k: int) -> None:
    rng = np.random.default_rng(seed)
    rows, cols = 30, 12
    # Few distinct values, so ties are common and the id tie-break is exercised.
    totals = rng.integers(0, 5, size=(rows, cols)).astype(float)
    eligible = rng.random((rows, cols)) < 0.7
    ids = [f"p{c:02d}" for c in range(cols)]
    best, values = top_k(totals, eligible, k)
    assert best.shape == (rows, min(k, cols))
    for row in range(rows):
        expected = order_row(totals[row], eligible[row], ids)[:k]
        got = [int(c) for c in best[row] if c >= 0]
        assert got == expected
        assert np.array_equal(values[row][: len(got)], totals[row][got])
        assert np.isnan(values[row][len(got) :]).all()


def test_rows_with_fewer_eligible_projects_than_k_are_padded_with_none() -> None:
    totals = np.array([[5.0, 9.0, 9.0, 1.0], [3.0, 2.0, 8.0, 8.0], [4.0, 4.0, 4.0, 4.0]])
    eligible = np.array(
        [[False, False, False, False], [False, True, False, False], [True, True, True, True]]
    )
    best, values = top_k(totals, eligible, 3)
    assert best.tolist() == [[-1, -1, -1], [1, -1, -1], [0, 1, 2]]
    assert np.isnan(values[0]).all() and values[1, 0] == 2.0 and np.isnan(values[1, 1:]).all()
    assert values[2].tolist() == [4.0, 4.0, 4.0]
