"""Kendall's tau in numpy (matchmaker.robustness.tau) is scipy's to the last bit."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import kendalltau

from matchmaker.robustness.tau import kendall_tau


@pytest.mark.parametrize("seed", range(40))
def test_tau_equals_scipy_on_random_rankings_with_and_without_ties(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(2, 60))
    if seed % 2:  # permutations, as compare passes them
        first, second = rng.permutation(size) + 1, rng.permutation(size) + 1
    else:  # few distinct values: many ties in both
        first, second = rng.integers(0, 4, size), rng.integers(0, 4, size)
    expected = float(kendalltau(first, second).statistic)
    found = kendall_tau(first.tolist(), second.tolist())
    assert found == expected or (math.isnan(found) and math.isnan(expected))


def test_tau_of_identical_reversed_and_constant_rankings() -> None:
    assert kendall_tau([1, 2, 3, 4], [1, 2, 3, 4]) == 1.0
    assert kendall_tau([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    assert math.isnan(kendall_tau([1, 1, 1], [1, 2, 3]))
    assert math.isnan(kendall_tau([1], [1]))


def test_tau_refuses_sequences_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        kendall_tau([1, 2], [1, 2, 3])
