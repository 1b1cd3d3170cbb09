"""The report as an Excel workbook: one sheet per table, ready to filter and sum.

Every sheet has a bold, frozen header row with an autofilter; amounts carry a KRW number
format and scores two decimals, so Excel shows `3,600,000,000원` and `37.18` while the
cells hold the exact numbers of `allocate --format json`. Korean text is stored as is
(xlsx is UTF-8 XML; no BOM tricks needed, unlike CSV). The file's bytes depend only on
the data: document timestamps are left out and zip entries carry a fixed date.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from matchmaker.render.workbook import workbook_bytes
from matchmaker.report.data import ReportData
from matchmaker.report.labels import labels

KRW_FORMAT = {"ko": '#,##0"원"', "en": '"KRW "#,##0'}
SCORE_FORMAT = "0.00"
SHARE_FORMAT = "0.0%"
COUNT_FORMAT = "0"
OBJECTIVE_FORMAT = "#,##0.000"
HEADER_FILL = PatternFill("solid", start_color="FFDDE7F2", end_color="FFDDE7F2")
MAX_WIDTH = 60

Column = tuple[str, str | None]  # (header, number format or None)


def render_xlsx(data: ReportData) -> bytes:
    t = labels(data.language)
    krw = KRW_FORMAT.get(data.language, KRW_FORMAT["en"])
    book = Workbook()
    default = book.active
    if default is not None:  # a new workbook starts with one empty sheet
        book.remove(default)
    _summary(book, data, t, krw)
    _matches(book, data, t)
    _allocation(book, data, t, krw)
    _unassigned(book, data, t)
    _equity(book, data, t, krw)
    _gaps(book, data, t, krw)
    _survey(book, data, t)
    if data.history is not None:  # only with --history: other workbooks keep their sheets
        _history(book, data.history, data.language, t, krw)
    _table(
        book,
        t["inputs_sheet"],
        [(t["file"], None), (t["sha256"], None)],
        [[name, digest] for name, digest in data.inputs.items()],
    )
    return workbook_bytes(book)


def _table(book: Workbook, title: str, columns: list[Column], rows: list[list[Any]]) -> Worksheet:
    sheet = book.create_sheet(title)
    sheet.append([header for header, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for row in rows:
        sheet.append(row)
    for index, (_, number_format) in enumerate(columns, start=1):
        if number_format is None:
            continue
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = number_format
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
    _fit_columns(sheet, columns, rows)
    return sheet


def _display_width(value: Any) -> int:
    # Hangul and other wide characters take two columns in Excel's default fonts.
    text = (
        f"{value:,}"
        if isinstance(value, int | float) and not isinstance(value, bool)
        else ("" if value is None else str(value))
    )
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit_columns(sheet: Worksheet, columns: list[Column], rows: list[list[Any]]) -> None:
    for index, (header, _) in enumerate(columns):
        widest = max([_display_width(header)] + [_display_width(r[index]) for r in rows])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(widest + 3, MAX_WIDTH)


def _key_values(
    book: Workbook, title: str, t: dict[str, str], items: list[tuple[str, Any, str | None]]
) -> None:
    sheet = _table(
        book,
        title,
        [(t["item"], None), (t["value"], None)],
        [[label, value] for label, value, _ in items],
    )
    for row, (_, _, number_format) in enumerate(items, start=2):
        if number_format is not None:
            sheet.cell(row=row, column=2).number_format = number_format


def _summary(book: Workbook, data: ReportData, t: dict[str, str], krw: str) -> None:
    s = data.summary
    weights = data.profile["weights"]
    items: list[tuple[str, Any, str | None]] = [
        (t["demands"], s["demands"], COUNT_FORMAT),
        (t["proposals"], s["proposals"], COUNT_FORMAT),
        (t["regions"], s["regions"], COUNT_FORMAT),
        (t["projects"], s["projects"], COUNT_FORMAT),
        (t["assignments"], s["assignments"], COUNT_FORMAT),
        (t["unassigned"], s["unassigned"], COUNT_FORMAT),
        (t["budget_used"], s["budget_used"], krw),
        (t["budget"], s["budget"] if s["budget"] is not None else t["no_budget"], krw),
        (t["unknown_costs"], s["unknown_cost_note"] or "", None),
        (t["objective"], s["objective"], OBJECTIVE_FORMAT),
        (t["status"], s["status"], None),
        (t["fragile_count"], s["fragile"], COUNT_FORMAT),
        (t["profile"], data.profile["id"], None),
        (f"{t['weights']}: {t['demand_fit']}", weights["demand_fit"], SCORE_FORMAT),
        (f"{t['weights']}: {t['long_term']}", weights["long_term"], SCORE_FORMAT),
        (f"{t['weights']}: {t['synergy']}", weights["synergy"], SCORE_FORMAT),
    ]
    items += [
        (f"{t['fairness_prices']}: {group}", price, SCORE_FORMAT)
        for group, price in data.allocation["fairness_prices"].items()
    ]
    items += [
        (f"{t['option']}: {name}", _cell(value), None) for name, value in data.options.items()
    ]
    items.append((t["tool"], f"{data.tool['name']} {data.tool['version']}", None))
    _key_values(book, t["summary_sheet"], t, items)


def _cell(value: Any) -> Any:
    """Option values as one cell: lists and dicts as text, None as empty."""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return value


def _matches(book: Workbook, data: ReportData, t: dict[str, str]) -> None:
    language = data.language
    columns: list[Column] = [
        (t["proposal"], None),
        (t["demand"], None),
        (t["title_col"], None),
        (t["region_code"], None),
        (t["region"], None),
        (t["project"], None),
        (t["project_name"], None),
        (t["rank"], COUNT_FORMAT),
        (t["score"], SCORE_FORMAT),
        (t["demand_fit"], SCORE_FORMAT),
        (t["long_term"], SCORE_FORMAT),
        (t["synergy"], SCORE_FORMAT),
        (t["confidence"], SHARE_FORMAT),
        (t["first_share"], SHARE_FORMAT),
        (t["top3_share"], SHARE_FORMAT),
        (t["assigned"], None),
        (t["suitable"], None),
        (t["reasons"], None),
    ]
    computed = bool(data.options.get("draws"))
    rows = [
        [
            m["proposal"],
            m["demand"],
            m["title"],
            m["region"]["code"],
            m["region"]["name"][language],
            m["project"],
            m["project_name"][language],
            m["rank"],
            m["score"],
            m["components"]["demand_fit"],
            m["components"]["long_term"],
            m["components"]["synergy"],
            m["confidence"],
            # Empty, not 0%, when --draws 0 computed no shares.
            m["first_share"] if computed else None,
            m["top3_share"] if computed else None,
            m["assigned"],
            m["suitable"],
            " | ".join(m["reasons"]),
        ]
        for m in data.matches
    ]
    _table(book, t["matches_sheet"], columns, rows)


def _allocation(book: Workbook, data: ReportData, t: dict[str, str], krw: str) -> None:
    language = data.language
    demands = {d["key"]: d for d in data.demands}
    names = {p["id"]: p["name"][language] for p in data.projects}
    columns: list[Column] = [
        (t["proposal"], None),
        (t["demand"], None),
        (t["title_col"], None),
        (t["region_code"], None),
        (t["region"], None),
        (t["province"], None),
        (t["decline"], None),
        (t["project"], None),
        (t["project_name"], None),
        (t["score"], SCORE_FORMAT),
        (t["cost"], krw),
        (t["reasons"], None),
    ]
    rows = []
    for a in data.allocation["assignments"]:
        demand = demands[f"{a['proposal']}/{a['demand']}"]
        rows.append(
            [
                a["proposal"],
                a["demand"],
                demand["title"],
                a["region"]["code"],
                a["region"]["name"][language],
                demand["province"]["name"][language],
                demand["population_decline"],
                a["project"],
                names.get(a["project"]),
                a["score"],
                a["cost"],
                " | ".join(a["reasons"]),
            ]
        )
    _table(book, t["allocation_sheet"], columns, rows)


def _unassigned(book: Workbook, data: ReportData, t: dict[str, str]) -> None:
    language = data.language
    titles = {d["key"]: d["title"] for d in data.demands}
    columns: list[Column] = [
        (t["proposal"], None),
        (t["demand"], None),
        (t["title_col"], None),
        (t["region_code"], None),
        (t["region"], None),
        (t["code"], None),
        (t["reason"], None),
    ]
    rows = [
        [
            u["proposal"],
            u["demand"],
            titles.get(f"{u['proposal']}/{u['demand']}"),
            u["region"]["code"],
            u["region"]["name"][language],
            u["code"],
            u["reason"],
        ]
        for u in data.allocation["unassigned"]
    ]
    _table(book, t["unassigned_sheet"], columns, rows)


def _gaps(book: Workbook, data: ReportData, t: dict[str, str], krw: str) -> None:
    """One row per cluster of unmet demand, as the report's cards show them."""
    language = data.language
    columns: list[Column] = [
        (t["cluster"], None),
        (t["label"], None),
        (t["demands"], "0"),
        (t["regions"], None),
        (t["province"], None),
        (t["decline_share"], "0%"),
        (t["budget_requested"], krw),
        (t["policy_area"], None),
        (t["closest"], None),
        (t["why_short"], None),
        (t["representatives"], None),
    ]
    rows = [
        [
            c["id"],
            c["label"][language],
            c["demand_count"],
            ", ".join(r["name"][language] for r in c["regions"]),
            ", ".join(f"{p['name'][language]} {p['demands']}" for p in c["provinces"]),
            c["decline_share"],
            c["budget"]["total"] if c["budget"]["stated"] else None,
            c["policy_area"],
            c["closest_project"]["id"] if c["closest_project"] else None,
            c["closest_project"]["why"] if c["closest_project"] else None,
            " | ".join(c["representatives"]),
        ]
        for c in data.gaps["clusters"]
    ]
    _table(book, t["gaps_sheet"], columns, rows)


def _survey(book: Workbook, data: ReportData, t: dict[str, str]) -> None:
    """The survey's tables stacked: one row per figure, a column per group of demands."""
    header = data.survey["header"]
    columns: list[Column] = [(t["dimension"], None), (t["item"], None)]
    columns += [(f"{h['title']} ({h['demands']})", None) for h in header]
    rows = [
        [dimension["title"], row["label"], *row["values"]]
        for dimension in data.survey["dimensions"]
        for row in dimension["rows"]
    ]
    _table(book, t["survey_sheet"], columns, rows)


def _equity(book: Workbook, data: ReportData, t: dict[str, str], krw: str) -> None:
    language = data.language
    equity = data.allocation["equity"]
    provinces = {p["code"]: p["name"][language] for p in data.provinces}
    columns: list[Column] = [
        (t["section"], None),
        (t["item"], None),
        (t["name"], None),
        (t["assignments"], COUNT_FORMAT),
        (t["krw"], krw),
        (t["share_assignments"], SHARE_FORMAT),
        (t["share_krw"], SHARE_FORMAT),
    ]
    rows: list[list[Any]] = []
    for code, given in equity.get("by_province", {}).items():
        rows.append(
            [
                t["by_province"],
                code,
                provinces.get(code, code),
                given["assignments"],
                given["krw"],
                None,
                None,
            ]
        )
    for kind, given in equity.get("by_region_kind", {}).items():
        rows.append(
            [
                t["by_region_kind"],
                kind,
                t.get(f"kind_{kind}", kind),
                given["assignments"],
                given["krw"],
                None,
                None,
            ]
        )
    for key in ("population_decline", "earlier_ties", "new_partners"):
        part = equity.get(key)
        if part:
            rows.append(
                [t["shares"], key, t[key], None, None, part["assignments_share"], part["krw_share"]]
            )
    _table(book, t["equity_sheet"], columns, rows)


def _history(
    book: Workbook, history: dict[str, Any], language: str, t: dict[str, str], krw: str
) -> None:
    """Two sheets: one row per funded pair and result year of earlier rounds (a pair with
    no result yet has one row with the result columns empty), and one per project."""
    columns: list[Column] = [
        (t["region_code"], None),
        (t["region"], None),
        (t["round"], COUNT_FORMAT),
        (t["demand"], None),
        (t["project"], None),
        (t["project_name"], None),
        (t["krw"], krw),
        (t["year"], COUNT_FORMAT),
        (t["targets_met"], COUNT_FORMAT),
        (t["targets_of"], COUNT_FORMAT),
        (t["continued_after"], None),
    ]
    rows: list[list[Any]] = []
    lines = [(r["code"], r["name"][language], r["pairs"]) for r in history["timeline"]]
    lines.append((None, None, history["unplaced"]))  # no region recorded: blank, not dropped
    for code, name, pairs in lines:
        for pair in pairs:
            head = [
                code,
                name,
                pair["round"],
                pair["demand"],
                pair["project"],
                pair["project_name"][language],
                pair["amount"],
            ]
            results = pair["results"] or [None]
            for result in results:
                rows.append(
                    head
                    + (
                        [result["year"], result["met"], result["of"], result["continued"]]
                        if result is not None
                        else [None, None, None, None]
                    )
                )
    _table(book, t["history_sheet"], columns, rows)
    columns = [
        (t["project"], None),
        (t["project_name"], None),
        (t["targets_met"], COUNT_FORMAT),
        (t["targets_of"], COUNT_FORMAT),
        (t["attainment_chart"], SHARE_FORMAT),
        (t["year"], None),
        (t["continued_after"], COUNT_FORMAT),
        (t["continued_of"], COUNT_FORMAT),
    ]
    rows = []
    for row in history["attainment"]:
        targets, continued = row["targets"], row["continued"]
        rows.append(
            [
                row["project"],
                row["name"][language],
                targets["met"] if targets else None,
                targets["of"] if targets else None,
                targets["share"] if targets else None,
                ", ".join(map(str, targets["years"])) if targets else None,
                continued["met"] if continued else None,
                continued["of"] if continued else None,
            ]
        )
    _table(book, t["attainment_sheet"], columns, rows)
