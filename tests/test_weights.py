"""One weight-change algebra (matchmaker/scoring/weights.py) for explain and sensitivity."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaker.robustness.sensitivity import interval_for
from matchmaker.scoring.weights import smallest_change, tie_points


def test_the_counterfactual_is_the_smallest_single_weight_change() -> None:
    # p = (80, 50, 30), q = (60, 60, 40), weights (0.5, 0.3, 0.2): S = 10 − 3 − 2 = 5.
    # Lowering demand fit by 0.25 (to 0.25) ties them: (20+15+6)/0.75 = (15+18+8)/0.75.
    weights = np.array([0.5, 0.3, 0.2])
    this, other = np.array([80.0, 50, 30]), np.array([60.0, 60, 40])
    assert smallest_change(this, other, weights) == (0, pytest.approx(-0.25))


def test_no_single_weight_change_reorders_a_dominating_project() -> None:
    weights = np.array([0.5, 0.3, 0.2])
    assert smallest_change(np.array([80.0, 50, 30]), np.array([70.0, 45, 25]), weights) is None


@pytest.mark.parametrize("seed", range(20))
def test_counterfactual_agrees_with_a_brute_force_sweep(seed: int) -> None:
    rng = np.random.default_rng(seed)
    weights = rng.uniform(0.05, 1.0, 3)
    this, other = rng.uniform(0, 100, 3), rng.uniform(0, 100, 3)

    def gap(w: np.ndarray) -> float:
        return float(w @ (this - other) / w.sum())

    found = smallest_change(this, other, weights)
    # Sweep each weight over a fine grid, nearest changes first; record the first flip.
    reach = 10.0 if found is None else max(3.0, 1.5 * abs(found[1]))
    steps = np.linspace(-reach, reach, 200001)
    steps = steps[np.argsort(np.abs(steps), kind="stable")]
    base_sign = np.sign(gap(weights))
    flips = []
    for j in range(3):
        raised = np.repeat(weights[None, :], len(steps), axis=0)
        raised[:, j] += steps
        valid = raised[:, j] >= 0
        gaps = (raised @ (this - other)) / raised.sum(axis=1)
        flipped = valid & (np.sign(gaps) != base_sign)
        if flipped.any():
            flips.append(abs(steps[np.argmax(flipped)]))
    if found is None:
        assert not flips
    else:
        assert flips and min(flips) == pytest.approx(abs(found[1]), abs=reach / 50000)


@pytest.mark.parametrize("seed", range(20))
def test_explain_and_sensitivity_agree_on_where_two_projects_tie(seed: int) -> None:
    # With one rival, the end of the first project's interval for a weight is exactly
    # the weight plus explain's change for that weight.
    rng = np.random.default_rng(seed)
    weights = rng.uniform(0.05, 1.0, 3)
    points = rng.uniform(0, 100, (2, 3))
    top = int(np.argmax(points @ weights))
    rival = 1 - top
    d = (points[top] - points[rival])[None, :]
    for j in range(3):
        low, high = interval_for(points, np.array([True, True]), top, weights, j)
        delta = tie_points(d, weights, j)[0]
        if np.isnan(delta) or weights[j] + delta < 0:
            continue  # this weight cannot make them tie: the interval is open that way
        assert weights[j] + delta == pytest.approx(low if d[0, j] > 0 else high)
