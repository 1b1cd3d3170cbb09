"""rich's borderless tables, laid out without rich's rendering machinery.

A terminal table in matchmaker is a rich `Table(box=None, pad_edge=False, show_edge=False)`
of plain text printed to a colourless console: columns two spaces apart, text wrapped on
words (folded when a word is too long) in the columns given a maximum width, numbers right
aligned. Rendering such a table through rich takes ~5 ms (segments, styles, measurements
and padding objects for every cell): on the bundled examples, `rank`'s thirty small tables
cost more than its scoring. `layout` gives the same lines from rich's own two primitives
(`cell_len` and the word wrapper `divide_line`), and says None for anything it does not
lay out exactly as rich would (a table wider than the console, control or unusual
whitespace characters): the caller then renders that table with rich (`rich_table`).
tests/test_plain_table.py compares the two on seeded random tables.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table


@dataclass(frozen=True, slots=True)
class Column:
    """A column: wrapped (folding long words) within `max_width` cells, or never wrapped."""

    header: str
    justify: Literal["left", "right"] = "left"
    max_width: int | None = None  # None: the column is never wrapped (rich's no_wrap)


# What rich's emoji replacement looks for (rich/_emoji_replace.py): a text without it
# prints the same with emoji codes on.
_EMOJI_CODE = re.compile(r":\S*?:")


def _plain(text: str) -> bool:
    # Tabs, control and format characters, and whitespace other than the space are where
    # rich's rendering and a plain layout could part: such tables go through rich.
    return text.replace("\n", "").isprintable()


@cache
def _available() -> bool:
    """Whether this rich has the private helpers `layout` calls (rich 13.7 to 15 have):
    without them every table and text goes through rich itself."""
    try:
        from rich._ratio import ratio_reduce  # noqa: F401
        from rich._wrap import divide_line  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the installed rich
        return False
    return True


def _cell_len(text: str) -> int:
    # Printable ASCII is one cell a character in rich (its single-cell range 0x20-0x7E
    # starts its own check): the English tables' ~2,000 cells a run skip rich's call.
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _wrapped(text: str, width: int) -> list[str] | None:
    """The lines rich's Text wraps `text` into at `width` cells (words, long ones folded),
    without trailing spaces; None if a line would still not fit."""
    from rich._wrap import divide_line

    lines: list[str] = []
    for line in text.split("\n"):
        offsets = divide_line(line, width, fold=True)
        for start, end in zip([0, *offsets], [*offsets, len(line)], strict=True):
            piece = line[start:end].rstrip(" ")
            if _cell_len(piece) > width:
                return None
            lines.append(piece)
    return lines


def _fitted(widths: list[int], wrapped: list[bool], width: int) -> list[int]:
    """rich's column widths for a table wider than the console (Table._collapse_widths,
    then an even cut): the widest wrapped columns narrowed to the next widest, in turn."""
    from rich._ratio import ratio_reduce

    excess = sum(widths) - width
    if any(wrapped):
        while excess > 0:
            widest = max(w for w, wraps in zip(widths, wrapped, strict=True) if wraps)
            second = max(
                w if wraps and w != widest else 0 for w, wraps in zip(widths, wrapped, strict=True)
            )
            ratios = [int(w == widest and wraps) for w, wraps in zip(widths, wrapped, strict=True)]
            if not widest - second:
                break
            widths = ratio_reduce(
                excess, ratios, [min(excess, widest - second)] * len(widths), widths
            )
            excess = sum(widths) - width
    if excess > 0:
        widths = ratio_reduce(excess, [1] * len(widths), widths, widths)
    return widths


def layout(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, title: str = ""
) -> list[str] | None:
    """The table's lines (title first, left aligned and wrapped to the table's width) as
    rich prints them at a console `width` wide, trailing spaces removed; None when the
    table is one `layout` does not handle (render it with `rich_table`)."""
    if not _available():
        return None
    count = len(columns)
    texts = [title, *(column.header for column in columns), *(cell for row in rows for cell in row)]
    if count < 2 or any(len(row) != count for row in rows) or not all(map(_plain, texts)):
        return None
    pads = [(0 if j == 0 else 1, 0 if j == count - 1 else 1) for j in range(count)]
    table = [[column.header for column in columns], *rows]
    natural: list[int] = []
    for j, column in enumerate(columns):
        longest = max(_cell_len(line) for row in table for line in row[j].split("\n"))
        if column.max_width is not None:
            longest = min(longest, column.max_width)
        natural.append(min(longest + sum(pads[j]), width))
    widths = _fitted(natural, [column.max_width is not None for column in columns], width)
    for j, column in enumerate(columns):
        if widths[j] <= sum(pads[j]) or (column.max_width is None and widths[j] < natural[j]):
            return None  # no room left, or rich would cut a column that never wraps
    table_width = sum(widths)
    lines: list[str] = []
    if title:
        heading = _wrapped(title, table_width)
        if heading is None:
            return None
        lines += heading
    for number, row in enumerate(table):
        cells: list[list[str]] = []
        for j, (column, text) in enumerate(zip(columns, row, strict=True)):
            inner = widths[j] - sum(pads[j])
            if column.max_width is None:
                pieces: list[str] | None = [line.rstrip(" ") for line in text.split("\n")]
            else:
                pieces = _wrapped(text, inner)
            if pieces is None:
                return None
            left, right = " " * pads[j][0], " " * pads[j][1]
            cell: list[str] = []
            for piece in pieces:
                room = " " * (inner - _cell_len(piece))
                body = room + piece if column.justify == "right" else piece + room
                cell.append(left + body + right)
            cells.append(cell)
        height = max(len(cell) for cell in cells)
        for j, cell in enumerate(cells):
            blank = [" " * widths[j]] * (height - len(cell))
            # rich sets the header's cells on the row's bottom line, the others at the top.
            cells[j] = blank + cell if number == 0 else cell + blank
        lines += ("".join(line).rstrip(" ") for line in zip(*cells, strict=True))
    return lines


def rich_table(columns: Sequence[Column], rows: Sequence[Sequence[str]], title: str = "") -> Table:
    """The same table as a rich Table: what `layout` reproduces, and what renders the
    tables it does not handle. Every header and cell is a Text: never read as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(title) if title else None,
        title_justify="left",
        expand=False,
        box=None,
        pad_edge=False,
        show_edge=False,
    )
    for column in columns:
        if column.max_width is None:
            table.add_column(Text(column.header), justify=column.justify, no_wrap=True)
        else:
            table.add_column(
                Text(column.header),
                justify=column.justify,
                overflow="fold",
                max_width=column.max_width,
            )
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


class Printer:
    """Tables and text for a console `width` wide (colourless, as when piped), laid out
    plainly where `layout` can and by rich where it cannot; `output` is what rich's own
    console would have printed, each line's trailing spaces removed."""

    def __init__(self, width: int) -> None:
        self.width = width
        self._chunks: list[str] = []
        self._console: Console | None = None

    def _rich(self, renderable: RenderableType) -> None:
        from rich.console import Console

        if self._console is None:
            self._console = Console(
                file=io.StringIO(),
                width=self.width,
                force_terminal=False,
                color_system=None,
                soft_wrap=False,
            )
        with self._console.capture() as capture:
            self._console.print(renderable, markup=False)
        self._chunks.append(capture.get())

    def table(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], title: str = ""
    ) -> None:
        lines = layout(columns, rows, self.width, title)
        if lines is None:
            self._rich(rich_table(columns, rows, title))
        else:
            self._chunks.append("".join(line + "\n" for line in lines))

    def text(self, text: str, emoji: bool = False) -> None:
        """Text (never markup), wrapped on words at the console's width. With `emoji`, as
        rich prints a str without markup: `:name:` codes become emoji."""
        lines = _wrapped(text, self.width) if _available() and _plain(text) else None
        if lines is None or (emoji and _EMOJI_CODE.search(text)):
            from rich.text import Text

            self._rich(text if emoji else Text(text))
        else:
            self._chunks.append("".join(line + "\n" for line in lines))

    def blank(self) -> None:
        self._chunks.append("\n")

    def output(self) -> str:
        return "\n".join(line.rstrip() for line in "".join(self._chunks).splitlines()) + "\n"
