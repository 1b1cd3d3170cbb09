from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile or broken input from exhausting time or memory.

    They are far above what any real file needs (the whole bundled regions list is
    about 50 KB and 3,000 values) and far below what would slow the tool down.
    """

    max_bytes: int = 4 * 1024 * 1024
    max_depth: int = 48
    max_nodes: int = 200_000
    max_scalar_chars: int = 100_000
    max_number_digits: int = 40


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class WorkbookLimits:
    """Bounds on a workbook, checked on the zip's directory before anything is unpacked
    (sizes and ratios as declared; zipfile stops at the declared size), then on rows and
    cells as they stream. A filled-in proposal is tens of kilobytes and a few hundred cells.
    """

    max_bytes: int = 8 * 1024 * 1024
    max_unpacked: int = 64 * 1024 * 1024
    max_ratio: int = 100  # uncompressed / compressed, for members over 1 MiB
    ratio_floor: int = 1024 * 1024
    max_members: int = 500
    max_rows: int = 2_000  # per sheet
    max_columns: int = 64
    max_cells: int = 100_000  # in the whole workbook
    max_scalar_chars: int = 100_000


DEFAULT_WORKBOOK_LIMITS = WorkbookLimits()
