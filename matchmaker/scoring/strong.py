"""Each demand's strong candidates from an earlier run, so that a rerun after a small edit
measures only the demands that changed in its first pass.

The first pass of a streamed run (scoring/stream.py) measures every demand only to count,
for each region, the demands that find each project a strong candidate (eligible, and
demand fit at or above STRONG_FIT). A run over exactly the same files reads those counts
from the cache (`run_key`); one file edited or added made every demand be measured again.
A demand's strong candidates depend only on the demand (its file's bytes and its id) and
on the catalog, never on the other demands, so they are cached here for groups of
demands, the groups cut where the demands' text says (`features.GROUP`), as the readings
are: one demand more or less changes only its own group. Whether a demand counts (a
resubmission does not) depends on the others, and is applied when counting, not cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.cache import Store, digest
from matchmaker.scoring.features import group_ends


@dataclass(slots=True)
class StrongCandidates:
    """The strong candidates (project columns, ascending) of each demand of a run, where
    known: from the cache, or measured this run (`found`)."""

    store: Store
    ends: list[int]  # where each group of the run's demands ends
    keys: list[str]  # each group's cache key
    columns: list[np.ndarray | None]  # each demand's strong columns; None until known
    cached: list[bool]  # each group: found in the cache

    @classmethod
    def look_up(
        cls, store: Store, text_keys: Sequence[str], sources: Sequence[str], projects: int
    ) -> StrongCandidates:
        """`text_keys`: each demand's `text_key` (where the groups end); `sources`: for
        each demand, everything its strong candidates depend on (`RunInputs.demand_sources`)."""
        ends = group_ends(text_keys)
        keys: list[str] = []
        columns: list[np.ndarray | None] = []
        cached: list[bool] = []
        start = 0
        for end in ends:
            key = digest("strong", str(projects), *sources[start:end])
            found = _columns_of(store.get(key), end - start, projects)
            keys.append(key)
            cached.append(found is not None)
            columns += found if found is not None else [None] * (end - start)
            start = end
        return cls(store, ends, keys, columns, cached)

    def missing(self, start: int, stop: int) -> list[int]:
        """The demands in [start, stop) whose strong candidates are not known yet."""
        return [row for row in range(start, stop) if self.columns[row] is None]

    def found(self, rows: Sequence[int], strong: np.ndarray) -> None:
        """The strong candidates measured for these demands (one row of `strong` each)."""
        for row, candidates in zip(rows, strong, strict=True):
            self.columns[row] = np.flatnonzero(candidates)

    def matrix(self, start: int, stop: int, projects: int) -> np.ndarray:
        """The demands in [start, stop) × projects: True where strong (all known)."""
        strong = np.zeros((stop - start, projects), dtype=bool)
        for offset, row in enumerate(range(start, stop)):
            candidates = self.columns[row]
            assert candidates is not None, "every demand's strong candidates are known"
            strong[offset, candidates] = True
        return strong

    def keep(self) -> None:
        """Cache every group measured this run."""
        start = 0
        for end, key, cached in zip(self.ends, self.keys, self.cached, strict=True):
            if not cached and all(c is not None for c in self.columns[start:end]):
                self.store.put(key, self.columns[start:end])
            start = end


def _columns_of(value: object, demands: int, projects: int) -> list[np.ndarray | None] | None:
    """A cached group's columns, or None when it is not one (a miss: measured again)."""
    if not (isinstance(value, list) and len(value) == demands):
        return None
    for columns in value:
        if not (
            isinstance(columns, np.ndarray)
            and columns.ndim == 1
            and columns.dtype.kind == "i"
            and (not len(columns) or (columns.min() >= 0 and columns.max() < projects))
        ):
            return None
    return list(value)
