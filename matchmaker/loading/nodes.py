"""The parsed document: plain Python values plus where each one was written."""

from __future__ import annotations

import marshal
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from matchmaker.loading.limits import Limits

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column, counted in characters as an editor shows them; in a
    workbook, the row and column of a cell on the named sheet."""

    line: int
    column: int
    sheet: str | None = None


@dataclass(slots=True)
class Positions:
    """Where each value (and each mapping key) of a document sits in its file.

    Paths are tuples of mapping keys and sequence indexes, the same shape pydantic uses
    for error locations, so a schema error can be sent back to its line and column.
    """

    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def of_value(self, path: Path) -> Mark:
        return self._nearest(self.values, path)

    def of_key(self, path: Path) -> Mark:
        """The key's position when the path ends in a key, else the value's."""
        if path in self.keys:
            return self.keys[path]
        return self.of_value(path)

    def _nearest(self, table: dict[Path, Mark], path: Path) -> Mark:
        for length in range(len(path), -1, -1):
            mark = table.get(path[:length])
            if mark is not None:
                return mark
        return Mark(1, 1)

    def resolve(self, location: tuple[Any, ...]) -> Path:
        """Keep the parts of a pydantic error location that are real document keys.

        Pydantic adds the names of union members or validators to a location
        (`('start', 'int')`); those are not in the document and are dropped.
        """
        path: Path = ()
        for part in location:
            candidate = (*path, part)
            if candidate in self.values:
                path = candidate
        return path


class ParsedDocument:
    """A document's plain values, where each was written, and its text.

    Values and positions are most of a loaded document's memory (about 20 KiB a proposal
    against 2–3 KiB of text), and once a YAML document has validated only a finding placed
    on it later (a check rule, `at`) needs its positions. `compacted` gives the same
    document holding its text and its positions packed into one `marshal` string (~3 KiB,
    unpacked in ~0.03 ms when a finding asks, against ~4 ms to parse the text again); its
    values, which nothing needs after validation, are read again from the text if asked
    for. A workbook's document is never compacted."""

    __slots__ = ("_data", "_packed", "_positions", "_reread", "text")

    def __init__(self, data: dict[str, Any], positions: Positions, text: str) -> None:
        self._data: dict[str, Any] | None = data
        self._positions: Positions | None = positions
        self._packed: bytes | None = None
        self._reread: tuple[str, Limits] | None = None  # file and limits it was read with
        self.text = text

    def compacted(self, file: str, limits: Limits) -> ParsedDocument:
        """This document holding its YAML text (read from `file` under `limits`) and its
        positions packed."""
        kept = ParsedDocument.__new__(ParsedDocument)
        kept._data, kept._positions, kept.text = None, None, self.text
        kept._packed, kept._reread = _pack(self.positions), (file, limits)
        return kept

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            from matchmaker.loading.yaml_reader import read_yaml  # it builds ParsedDocuments

            assert self._reread is not None
            file, limits = self._reread
            again = read_yaml(self.text, file, limits).document
            if again is None:  # pragma: no cover - the text read once, it reads again
                raise ValueError(f"{file}: a document that read once no longer reads")
            return again.data  # not kept: asked for once, by a caller that knows why
        return self._data

    @property
    def positions(self) -> Positions:
        if self._positions is not None:
            return self._positions
        assert self._packed is not None
        return _unpack(self._packed)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParsedDocument):
            return NotImplemented
        return (self.text, self.data, self.positions) == (other.text, other.data, other.positions)

    __hash__ = None  # type: ignore[assignment]  # mutable values inside, as before

    def __getstate__(self) -> tuple[object, ...]:
        return (self._data, self._positions, self._packed, self._reread, self.text)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self._data, self._positions, self._packed, self._reread, self.text = state  # type: ignore[assignment]


def _pack(positions: Positions) -> bytes:
    """Positions as one marshal string: paths, lines and columns (no sheet: YAML only)."""
    return marshal.dumps(
        tuple(
            tuple((path, mark.line, mark.column) for path, mark in table.items())
            for table in (positions.values, positions.keys)
        )
    )


@lru_cache(maxsize=8)
def _unpack(packed: bytes) -> Positions:
    """Not kept on the document: most valid documents get no finding, and those that do
    get them one after another (a rule at a time), so the last few unpacked are kept."""
    values, keys = marshal.loads(packed)
    return Positions(
        {path: Mark(line, column) for path, line, column in values},
        {path: Mark(line, column) for path, line, column in keys},
    )
