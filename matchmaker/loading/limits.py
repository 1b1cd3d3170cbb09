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
