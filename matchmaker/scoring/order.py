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
    id order (the catalog keeps them so), which makes the column the tie-break.

    Only the candidates are sorted: the columns at or above each row's k-th largest total
    (found by partition), ties at that total included, so the tie order is the full
    sort's (measured: a full sort per row was 25-51 times `argpartition`)."""
    rows, cols = totals.shape
    masked = np.where(eligible, totals, -np.inf)
    if k <= 0 or rows == 0 or cols == 0:
        width = max(0, min(k, cols))
        return np.full((rows, width), -1, dtype=int), np.full((rows, width), np.nan)
    if k < cols:
        kth = np.partition(masked, cols - k, axis=1)[:, cols - k]
        candidate = masked >= kth[:, None]
        # each row's candidates in column order (nonzero reads row by row), padded to
        # the widest row with column `cols` at -inf: a row has at least k candidates
        # (the k largest are at or above the k-th), and each sorts before the padding
        # (a larger total, or -inf and a smaller column), so none of it is among the k.
        # (A stable argsort of ~candidate was a third of this function.)
        counts = np.count_nonzero(candidate, axis=1)
        at, column = np.nonzero(candidate)
        slot = np.arange(len(at)) - np.repeat(np.cumsum(counts) - counts, counts)
        columns = np.full((rows, int(counts.max())), cols, dtype=np.intp)
        columns[at, slot] = column
        values = np.full(columns.shape, -np.inf)
        values[at, slot] = masked[at, column]
    else:
        columns = np.broadcast_to(np.arange(cols), (rows, cols))
        values = masked
    order = np.lexsort((columns, -values), axis=1)[:, :k]
    best = np.take_along_axis(columns, order, axis=1)
    values = np.take_along_axis(values, order, axis=1)
    return np.where(np.isfinite(values), best, -1), np.where(np.isfinite(values), values, np.nan)
