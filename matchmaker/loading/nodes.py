"""The parsed document: plain Python values plus where each one was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    data: dict[str, Any]
    positions: Positions
    text: str
