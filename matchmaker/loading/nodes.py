"""The parsed document: plain Python values plus where each one was written."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    against 2.6 KiB of text), and once a YAML document has validated only a finding placed
    on it later (a check rule, `at`) needs them. `compacted` gives the same document
    holding only its text: values and positions are read again from that text, the same
    way, the first time they are asked for (a workbook's cannot be, and are kept)."""

    __slots__ = ("_data", "_positions", "_reread", "text")

    def __init__(self, data: dict[str, Any], positions: Positions, text: str) -> None:
        self._data: dict[str, Any] | None = data
        self._positions: Positions | None = positions
        self._reread: tuple[str, Limits] | None = None  # file and limits it was read with
        self.text = text

    def compacted(self, file: str, limits: Limits) -> ParsedDocument:
        """This document holding only its YAML text (read from `file` under `limits`)."""
        kept = ParsedDocument.__new__(ParsedDocument)
        kept._data, kept._positions, kept._reread, kept.text = None, None, (file, limits), self.text
        return kept

    def _read_again(self) -> tuple[dict[str, Any], Positions]:
        if self._data is not None and self._positions is not None:
            return self._data, self._positions
        from matchmaker.loading.yaml_reader import read_yaml  # it builds ParsedDocuments

        assert self._reread is not None
        file, limits = self._reread
        again = read_yaml(self.text, file, limits).document
        if again is None:  # the text read once, so it always reads the same way again
            raise ValueError(f"{file}: the compacted document no longer reads")
        self._data, self._positions = again._read_again()
        return self._data, self._positions

    @property
    def data(self) -> dict[str, Any]:
        return self._read_again()[0]

    @property
    def positions(self) -> Positions:
        return self._read_again()[1]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParsedDocument):
            return NotImplemented
        return (self.text, self.data, self.positions) == (other.text, other.data, other.positions)

    __hash__ = None  # type: ignore[assignment]  # mutable values inside, as before

    def __getstate__(self) -> tuple[object, ...]:
        # a compacted document is stored compacted: what it re-reads is not kept
        if self._reread is not None:
            return (None, None, self._reread, self.text)
        return (self._data, self._positions, None, self.text)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self._data, self._positions, self._reread, self.text = state  # type: ignore[assignment]
