"""Numbers, money and colours as the report shows them, the same in HTML and the workbook.

Colours are computed here, not in the browser, so a printed or script-less page shows
the same map as the interactive one, and the same inputs give the same bytes.
"""

from __future__ import annotations

import math
from itertools import pairwise

# A sequential blue scale (ColorBrewer "Blues", readable with common colour blindness).
SCALE = (
    (0.0, (0xF7, 0xFB, 0xFF)),
    (0.25, (0xC6, 0xDB, 0xEF)),
    (0.5, (0x6B, 0xAE, 0xD6)),
    (0.75, (0x21, 0x71, 0xB5)),
    (1.0, (0x08, 0x30, 0x6B)),
)
DARK_FROM = 0.55  # on darker fills than this, text is white
NONE = "–"


def colour(share: float) -> str:
    """The fill for a value at `share` of the scale (0–1, clamped), as #rrggbb."""
    share = min(max(share, 0.0), 1.0)
    for (low, a), (high, b) in pairwise(SCALE):
        if share <= high:
            t = (share - low) / (high - low)
            mixed = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
            return "#" + "".join(f"{x:02x}" for x in mixed)
    return "#" + "".join(f"{x:02x}" for x in SCALE[-1][1])  # pragma: no cover


def ink(share: float) -> str:
    """Text colour readable on `colour(share)`."""
    return "#ffffff" if share > DARK_FROM else "#111111"


def nice_ceiling(value: float) -> float:
    """The top of a scale: the value rounded up to 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)  # pragma: no cover


def number(value: float | None, digits: int = 1) -> str:
    return NONE if value is None else f"{value:,.{digits}f}"


def krw(value: int | None) -> str:
    """Full amount with thousands separators; the unit is in the column header."""
    return NONE if value is None else f"{value:,}"


def krw_short(value: int | None, language: str) -> str:
    """An amount as people say it: 36억 원, 1억 5,000만 원; KRW 3.6 bn, KRW 150 m."""
    if value is None:
        return NONE
    if language != "ko":
        for size, unit in ((10**12, "tn"), (10**9, "bn"), (10**6, "m")):
            if abs(value) >= size:
                shown = f"{value / size:,.2f}".rstrip("0").rstrip(".")
                return f"KRW {shown} {unit}"
        return f"KRW {value:,}"
    eok, rest = divmod(abs(value), 10**8)
    man = rest // 10**4
    sign = "-" if value < 0 else ""
    if eok and man:
        return f"{sign}{eok:,}억 {man:,}만 원"
    if eok:
        return f"{sign}{eok:,}억 원"
    if man:
        return f"{sign}{man:,}만 원"
    return f"{value:,}원"


def krw_compact(value: int, language: str) -> str:
    """An amount short enough for a map tile: 12.5억; 1.25 bn."""
    if value == 0:
        return "0"
    if language == "ko":
        return f"{value / 10**8:,.1f}".removesuffix(".0") + "억"
    for size, unit in ((10**9, "bn"), (10**6, "m")):
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{value:,}"


def percent(value: float | None, digits: int = 0) -> str:
    return NONE if value is None else f"{value:.{digits}%}"


def weight_bound(value: float | None) -> str:
    """An interval end: None is unbounded."""
    return "∞" if value is None else f"{value:.2f}"
