"""The demands' term entries (engine.py `TermEntries`) cached by the readings' groups, so
that one demand added or removed recomputes only its group's entries, not every later
chunk's.

A demand's entries (its terms' columns in the catalog's term indexes, and their weights)
depend only on its own terms and on the indexes, and a chunk's entries are its demands'
entries one after the other (rows ascending; `ProjectTermIndex.demand_entries`). So they
are cached for the groups `features.read_texts` caches readings by, whose ends depend on
the demands' text, and a chunk's entries are cut from the groups it overlaps.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matchmaker.cache import Store, digest
from matchmaker.scoring.engine import Prepared, TermEntries, _entries_of
from matchmaker.scoring.features import TextReading, group_ends
from matchmaker.scoring.similarity import Entries, no_entries

Parts = tuple[Entries, Entries | None, list[list[str]], Entries]


class EntryGroups:
    """A run's term entries by group: each group taken from the cache, or computed and
    cached, when a chunk first needs it (the last group is kept for the next chunk, which
    starts inside it)."""

    def __init__(
        self,
        prepared: Prepared,
        store: Store,
        text_keys: Sequence[str],
        readings: Sequence[TextReading],
    ) -> None:
        self.prepared = prepared
        self.store = store
        # the readings a group not in the cache is computed from; let go of as the
        # chunks that need them are scored (`release_before`)
        self.readings: list[TextReading | None] = list(readings)
        self._released = 0
        self.ends = group_ends(text_keys)
        starts = [0, *self.ends[:-1]]
        self.groups = [
            # keyed by the indexes' terms, the vocabulary the texts were read with
            # (as the readings are) and the texts
            (
                start,
                end,
                digest(
                    "entries", prepared.index_key, prepared.vocabulary_key, *text_keys[start:end]
                ),
            )
            for start, end in zip(starts, self.ends, strict=True)
        ]
        self._last: tuple[int, Parts] | None = None

    def chunk(self, start: int, stop: int) -> TermEntries:
        """The entries of the run's demands [start, stop), rows counted from `start`."""
        first = int(np.searchsorted(self.ends, start, side="right"))
        pieces: list[Parts] = []
        index = first
        while index < len(self.groups) and self.groups[index][0] < stop:
            group_start, group_end, _ = self.groups[index]
            parts = self._group(index)
            low, high = max(start, group_start), min(stop, group_end)
            pieces.append(_rows(parts, low - group_start, high - group_start, low - start))
            index += 1
        return TermEntries(self.prepared, *_joined(pieces))

    def release_before(self, row: int) -> None:
        """Let go of the readings before the group that holds `row`: the chunks still to
        come start at `row` or after, so they never need them (a run's peak memory is
        otherwise every reading until its last chunk: ~70 MiB at 100,000 demands)."""
        index = int(np.searchsorted(self.ends, row, side="right"))
        needed = self.groups[index][0] if index < len(self.groups) else len(self.readings)
        for released in range(self._released, needed):
            self.readings[released] = None
        self._released = max(self._released, needed)

    def _group(self, index: int) -> Parts:
        if self._last is not None and self._last[0] == index:
            return self._last[1]
        start, end, key = self.groups[index]
        found = _entries_of(self.store.get(key), end - start)
        has_problems = self.prepared.problem_index.terms is not None
        if (
            found is None
            or (found[1] is not None) != has_problems
            or not _rows_fit(found, end - start)
        ):
            found = self._computed(start, end)
            self.store.put(key, found)
        self._last = (index, found)
        return found

    def _computed(self, start: int, end: int) -> Parts:
        from matchmaker.text.terms import terms

        readings = self.readings[start:end]
        assert all(reading is not None for reading in readings), "read before it was let go"
        demand_terms = [reading.terms for reading in readings if reading is not None]
        problems = self.prepared.problem_index.terms
        ruled_out_terms = [
            terms(" ".join(reading.ruled_out)) for reading in readings if reading is not None
        ]
        term_index = self.prepared.term_index
        return (
            term_index.demand_entries(demand_terms),
            None if problems is None else problems.demand_entries(demand_terms),
            ruled_out_terms,
            term_index.demand_entries(ruled_out_terms),
        )


def _rows_fit(parts: Parts, demands: int) -> bool:
    """Every entry's row is one of the group's demands, in ascending order."""
    words, problems, _, ruled_out = parts
    for entries in (words, ruled_out, *([problems] if problems is not None else [])):
        row = entries[0]
        if len(row) and (row[0] < 0 or row[-1] >= demands or np.any(np.diff(row) < 0)):
            return False
    return True


def _slice(entries: Entries, low: int, high: int, shift: int) -> Entries:
    row, term, weight = entries
    first, last = np.searchsorted(row, [low, high], side="left")
    return row[first:last] - low + shift, term[first:last], weight[first:last]


def _rows(parts: Parts, low: int, high: int, shift: int) -> Parts:
    """The entries of the group's demands [low, high), their rows moved to start at `shift`."""
    words, problems, ruled_out_terms, ruled_out = parts
    return (
        _slice(words, low, high, shift),
        None if problems is None else _slice(problems, low, high, shift),
        ruled_out_terms[low:high],
        _slice(ruled_out, low, high, shift),
    )


def _join(pieces: Sequence[Entries]) -> Entries:
    if not pieces:
        return no_entries()
    row, term, weight = (np.concatenate(part) for part in zip(*pieces, strict=True))
    return row, term, weight


def _joined(pieces: Sequence[Parts]) -> Parts:
    problems = [piece[1] for piece in pieces]
    return (
        _join([piece[0] for piece in pieces]),
        None if any(p is None for p in problems) else _join([p for p in problems if p is not None]),
        [terms for piece in pieces for terms in piece[2]],
        _join([piece[3] for piece in pieces]),
    )
