"""Geometry of the page's pictures (heat map, tile map, bar charts), ready for SVG.

Computed in Python so the template only places shapes, the page needs no script to show
its charts (printing, script-less readers), and colours are identical on every run.
"""

from __future__ import annotations

from typing import Any

from matchmaker.report.formatting import (
    SCALE,
    colour,
    ink,
    krw_compact,
    krw_short,
    nice_ceiling,
    number,
    percent,
)
from matchmaker.report.tiles import COLUMNS, ROWS

MEASURES = ("demands", "assignments", "krw", "unmet_share")
TILE = 86  # px, one province
GAP = 6


def heatmap(scores: list[list[float | None]], assigned: set[tuple[int, int]]) -> dict[str, Any]:
    """Cell colours on a scale from 0 to a round number above the best score."""
    best = max((s for row in scores for s in row if s is not None), default=0.0)
    top = nice_ceiling(best)
    rows = []
    for r, row in enumerate(scores):
        eligible = [s for s in row if s is not None]
        leader = max(eligible) if eligible else None
        cells: list[dict[str, object] | None] = []
        for c, value in enumerate(row):
            if value is None:
                cells.append(None)
                continue
            share = value / top
            cells.append(
                {
                    "value": value,
                    "text": f"{value:.0f}",
                    "fill": colour(share),
                    "ink": ink(share),
                    "assigned": (r, c) in assigned,
                    "leader": value == leader,
                }
            )
        rows.append(cells)
    return {"rows": rows, "top": top, "legend": _legend_stops()}


def _legend_stops() -> list[dict[str, str]]:
    return [{"offset": f"{at:.0%}", "colour": colour(at)} for at, _ in SCALE]


def tile_map(provinces: list[dict[str, Any]], language: str) -> dict[str, Any]:
    """The provinces on their grid, with a fill and a label for each measure."""
    placed = [p for p in provinces if p["short"] is not None]
    tops = {m: nice_ceiling(max((p[m] for p in provinces), default=0)) for m in MEASURES}
    tops["unmet_share"] = 1.0  # a share: the scale is always 0–100%
    tiles = []
    for p in placed:
        fills, inks, texts = {}, {}, {}
        for m in MEASURES:
            share = p[m] / tops[m]
            fills[m], inks[m] = colour(share), ink(share)
            texts[m] = (
                krw_compact(p[m], language)
                if m == "krw"
                else percent(p[m])
                if m == "unmet_share"
                else f"{p[m]:,}"
            )
        x, y = p["column"] * (TILE + GAP), p["row"] * (TILE + GAP)
        tiles.append(
            {
                **p,
                "x": x,
                "y": y,
                "fills": fills,
                "inks": inks,
                "texts": texts,
                "label": p["short"][language],
                "full": p["name"][language],
            }
        )
    legend = {
        m: {
            "low": "0",
            "high": krw_short(int(tops[m]), language)
            if m == "krw"
            else "100%"
            if m == "unmet_share"
            else f"{tops[m]:,.0f}",
        }
        for m in MEASURES
    }
    return {
        "tiles": tiles,
        "size": TILE,
        "width": COLUMNS * (TILE + GAP) - GAP,
        "height": ROWS * (TILE + GAP) - GAP,
        "legend": legend,
        "stops": _legend_stops(),
        "other": [
            p for p in provinces if p["short"] is None and (p["demands"] or p["assignments"])
        ],
    }


def unmet_heat(by_theme_province: dict[str, Any]) -> dict[str, Any]:
    """Unmet demand by main theme (rows) and province (columns), coloured by count."""
    counts: list[list[int]] = by_theme_province["counts"]
    top = nice_ceiling(max((n for row in counts for n in row), default=0))
    rows = [
        [{"value": n, "fill": colour(n / top), "ink": ink(n / top)} if top else None for n in row]
        for row in counts
    ]
    return {"rows": rows, "top": top, "legend": _legend_stops()}


def bars(rows: list[tuple[str, float, str]], top: float | None = None) -> list[dict[str, Any]]:
    """A horizontal bar chart: (label, value, text at the bar's end) per row, with each
    bar's length as a percentage of the scale (drawn with CSS, so long Korean labels wrap
    and the chart prints as it shows)."""
    scale = top if top is not None else nice_ceiling(max((v for _, v, _ in rows), default=0))
    return [
        {
            "label": label,
            "value": value,
            "text": text,
            "length": f"{100 * min(value / scale, 1.0):.1f}%" if scale else "0%",
        }
        for label, value, text in rows
    ]


def equity_charts(data: Any, t: dict[str, str]) -> dict[str, Any]:
    """The equity audit of the allocation as bar charts."""
    language = data.language
    equity = data.allocation["equity"]
    names = {p["code"]: p["name"][language] for p in data.provinces}
    by_province = equity.get("by_province", {})
    shown = sorted(
        code
        for code in names
        if by_province.get(code) or any(d["province"]["code"] == code for d in data.demands)
    )
    given = [(names[c], by_province.get(c, {"assignments": 0, "krw": 0})) for c in shown]
    kinds = equity.get("by_region_kind", {})
    parts = {
        key: equity.get(key) or {"assignments_share": 0.0, "krw_share": 0.0}
        for key in ("population_decline", "earlier_ties", "new_partners")
    }
    capacity = data.allocation["capacity_used"]
    projects = {p["id"]: p["name"][language] for p in data.projects}
    return {
        "by_province": bars(
            [(name, v["assignments"], f"{v['assignments']:,}") for name, v in given]
        ),
        "by_province_krw": bars(
            [(name, v["krw"], krw_short(v["krw"], language)) for name, v in given]
        ),
        "by_region_kind": bars(
            [
                (
                    t.get(f"kind_{kind}", kind),
                    v["assignments"],
                    f"{v['assignments']:,} · {krw_short(v['krw'], language)}",
                )
                for kind, v in kinds.items()
            ]
        ),
        "shares_assignments": bars(
            [
                (t[key], part["assignments_share"], percent(part["assignments_share"]))
                for key, part in parts.items()
            ],
            top=1.0,
        ),
        "shares_krw": bars(
            [
                (t[key], part["krw_share"], percent(part["krw_share"]))
                for key, part in parts.items()
            ],
            top=1.0,
        ),
        "capacity": bars(
            [
                (
                    projects.get(pid, pid),
                    v["used"],
                    f"{v['used']} / "
                    + (t["unlimited"] if v["capacity"] is None else str(v["capacity"])),
                )
                for pid, v in capacity.items()
            ]
        ),
        "prices": [
            (group, number(price)) for group, price in data.allocation["fairness_prices"].items()
        ],
    }


def attainment_chart(history: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """Each project's share of targets met, as bars on 0–100%."""
    return bars(
        [
            (
                row["name"][language],
                row["targets"]["share"] or 0.0,
                f"{row['targets']['met']}/{row['targets']['of']} · "
                f"{percent(row['targets']['share'] or 0.0)}",
            )
            for row in history["attainment"]
            if row["targets"] is not None and row["targets"]["of"]
        ],
        top=1.0,
    )
