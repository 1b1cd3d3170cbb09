"""How wide a terminal table may be: the terminal's own width when writing to one, and a
fixed width when piped or saved, so a file's bytes never depend on who ran the command."""

from __future__ import annotations

import shutil
import sys

PIPED_WIDTH = 80
# Wider than this, long rows stop being readable at a glance; narrower, nothing fits.
MAX_WIDTH = 200
MIN_WIDTH = 60


def table_width() -> int:
    """The columns a table may use on this stdout."""
    if not sys.stdout.isatty():
        return PIPED_WIDTH
    columns = shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))
