"""Kendall's tau-b in numpy, so `compare` does not import scipy.stats (0.6 s) for it.

The arithmetic is scipy's (`con_minus_dis / sqrt(tot - xtie) / sqrt(tot - ytie)`, clipped to
[-1, 1]), so the rounded figures in `compare`'s output are unchanged; a test checks it against
`scipy.stats.kendalltau` on random rankings with and without ties.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def kendall_tau(first: Sequence[float], second: Sequence[float]) -> float:
    """Kendall's tau-b of two equally long sequences; nan when either is constant (as scipy)."""
    x = np.asarray(first, dtype=float)
    y = np.asarray(second, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError("kendall_tau needs two one-dimensional sequences of one length")
    size = len(x)
    upper = np.triu_indices(size, k=1)  # every pair i < j once
    dx = np.sign(x[upper[0]] - x[upper[1]])
    dy = np.sign(y[upper[0]] - y[upper[1]])
    tot = size * (size - 1) // 2
    xtie = int(np.count_nonzero(dx == 0))
    ytie = int(np.count_nonzero(dy == 0))
    if tot == 0 or xtie == tot or ytie == tot:
        return float("nan")
    con_minus_dis = int(np.sum(dx * dy).round())
    tau = con_minus_dis / np.sqrt(tot - xtie) / np.sqrt(tot - ytie)
    return float(min(1.0, max(-1.0, tau)))
