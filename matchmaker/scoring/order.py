"""The one order of projects for a demand: eligible first, total descending, id ascending.

`rank`, `explain`'s next project, `sensitivity`, `compare`, the streamed top-k and the
judged sets all order projects this way; it is written once here, for one demand
(`order_row`) and vectorised for many (`top_k`), and a test keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def order_row(
    totals: np.ndarray,
    eligible: np.ndarray,
    ids: Sequence[str],
    *,
    include_ineligible: bool = False,
) -> list[int]:
    """Project columns of one demand, best first; ineligible ones after them (in the same
    order among themselves) when asked for, else left out."""
    columns = range(len(ids))
    chosen = columns if include_ineligible else (c for c in columns if eligible[c])
    return sorted(chosen, key=lambda c: (not eligible[c], -totals[c], ids[c]))


def top_k(totals: np.ndarray, eligible: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best eligible columns of every row, as `order_row` orders them, and their
    totals; -1 and nan where a row has fewer than k eligible projects. Columns must be in
    id order (the catalog keeps them so), which makes the column the tie-break."""
    rows, cols = totals.shape
    masked = np.where(eligible, totals, -np.inf)
    order = np.lexsort((np.broadcast_to(np.arange(cols), (rows, cols)), -masked), axis=1)
    best = order[:, :k]
    values = np.take_along_axis(masked, best, axis=1)
    return np.where(np.isfinite(values), best, -1), np.where(np.isfinite(values), values, np.nan)
