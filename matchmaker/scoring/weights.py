"""How a ranking moves when one weight of the profile changes: one algebra, two uses.

The total is a weighted mean T = Σ wᵢcᵢ / Σ wᵢ, so the gap between two projects p and q
is Δ(w) = Σ wᵢdᵢ / Σ wᵢ with dᵢ = cᵢ(p) − cᵢ(q). Changing one raw weight wⱼ by δ gives
Δ = (S + δdⱼ) / (W + δ), S = Σ wᵢdᵢ, which is zero at δ = −S/dⱼ: the tie point. `explain`
asks for the smallest such δ over the weights of one pair (`smallest_change`);
`sensitivity` asks, for one weight, where each rival would tie the first project
(`tie_points`), and so how far that weight can move before the first project changes.
"""

from __future__ import annotations

import numpy as np

# A component difference this small does not move with its weight.
NO_DIFFERENCE = 1e-12


def tie_points(differences: np.ndarray, weights: np.ndarray, component: int) -> np.ndarray:
    """δ of raw weight `component` at which each pair ties (nan where that component's
    difference is zero, so its weight cannot matter). `differences` is pairs × components
    of cᵢ(p) − cᵢ(q)."""
    gap_sums = differences @ weights
    moving = differences[:, component]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.abs(moving) >= NO_DIFFERENCE, -gap_sums / moving, np.nan)


def smallest_change(
    this: np.ndarray, other: np.ndarray, weights: np.ndarray
) -> tuple[int, float] | None:
    """The single raw-weight change of smallest size that makes `other` tie `this`, as
    (component, δ); None when no feasible change (the weight staying ≥ 0) does. Ties
    between components go to the first."""
    differences = (this - other)[None, :]
    best: tuple[int, float] | None = None
    for j in range(len(weights)):
        delta = float(tie_points(differences, weights, j)[0])
        if np.isnan(delta) or weights[j] + delta < 0:
            continue
        if best is None or abs(delta) < abs(best[1]):
            best = (j, delta)
    return best
