"""Text cells that are safe for their reader: spreadsheets never execute them, Markdown
cannot be forged by them, rich never reads them as markup.

A demand title, a file name or a project name is the user's text and must be shown
exactly as written; these functions change only how it is encoded for each reader.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

# OWASP's CSV injection guidance: a cell beginning with one of these may be run as a
# formula by Excel or LibreOffice; a leading apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Inline constructs a text could open: code, emphasis, links and images (`[`), raw HTML
# and autolinks (`<`), table cells, strikethrough. Block constructs (headings, lists,
# quotes) only open at a line's start, and the text never starts a line: its line breaks
# become spaces and it always follows our own prefix.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_BREAKS = re.compile(r"[\r\n]+")


def csv_cell(value: object) -> object:
    """A CSV field: text starting like a formula gets a leading apostrophe; numbers stay."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def markdown_text(text: str) -> str:
    """Inline Markdown showing `text` literally: no heading, list, link, HTML or code it
    could open, and no line break that would start a section of its own."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", text))


def markdown_code(text: str) -> str:
    """An inline code span holding `text` exactly: its fence is longer than any run of
    backticks inside, so nothing in the text can close it."""
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


class _SafeWriter:
    """csv.writer whose every row goes through `csv_cell`."""

    def __init__(self, buffer: TextIO) -> None:
        self._writer = csv.writer(buffer, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(value) for value in row])


def csv_writer(buffer: TextIO) -> _SafeWriter:
    """A CSV writer (CRLF, as Excel expects) whose text cells can never run as formulas."""
    return _SafeWriter(buffer)
