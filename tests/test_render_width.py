"""Tables use a wide terminal, and a fixed width when piped, so files never vary."""

from __future__ import annotations

import io
import sys

import pytest

from matchmaker.render import width


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_piped_output_has_a_fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setenv("COLUMNS", "180")
    assert width.table_width() == width.PIPED_WIDTH


@pytest.mark.parametrize(("columns", "expected"), [("180", 180), ("40", 60), ("500", 200)])
def test_a_terminal_lends_its_width_within_bounds(
    monkeypatch: pytest.MonkeyPatch, columns: str, expected: int
) -> None:
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.setenv("COLUMNS", columns)
    assert width.table_width() == expected
