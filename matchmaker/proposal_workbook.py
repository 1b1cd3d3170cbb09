"""A proposal as an Excel workbook: the template an official fills in
(`matchmaker new proposal --format xlsx`), or a YAML proposal written out (`convert`).

The layout is `loading.workbook_layout`, the one the reader reads. Closed lists have
dropdowns (the regions in force today less Seoul's own 26, whose proposals are refused, sit on a
hidden list sheet as Excel advises); every column has an input message; amounts, shares,
years and dates have number formats. Labels are written where ids are stored
(`농특산물 판매·직거래`, not `farm-produce-sales`), and the reader turns them back into
the same ids, so a YAML proposal written out and read back is the same proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from matchmaker.loading.workbook_layout import (
    DEMAND_LINK,
    DEMANDS,
    FIELD_ROW,
    FIRST_DATA_ROW,
    FORM,
    FORM_FIELD_COLUMN,
    FORM_FIRST_ROW,
    FORM_HELP_COLUMN,
    FORM_LABEL_COLUMN,
    FORM_SHEET,
    FORM_VALUE_COLUMN,
    GUIDE_SHEET,
    HEADER_ROW,
    LISTS_SHEET,
    OUTCOMES,
    PARTNERS,
    TABLES,
    TIES,
    Column,
    Table,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from matchmaker.loading.values import Vocabularies, Vocabulary
    from matchmaker.regions import Region

# Rows offered a dropdown and formats: the model allows at most 200 demands.
TABLE_ROWS = 200
SEOUL = "11"
FORMATS = {
    "amount": '#,##0"원"',
    "share": "0%",
    "year": "0",
    "whole": "0",
    "start": "0",
    "date": "yyyy-mm-dd",
}
_FIELD_SIZE, _FIELD_COLOUR = 8, "FF808080"  # the small grey row of field names
_REQUIRED_FILL = "FFFFF2CC"  # the pale yellow of "fill this in"
_HEADER_FILL = "FFDDE7F2"

_GUIDE: dict[str, dict[str, Any]] = {
    "ko": {
        "title": "지역 수요 제안서 작성 안내",
        "steps": [
            "1. '제안' 시트: 제안서 id와 지역을 확인하고 제출일과 담당자를 적으세요.",
            "2. '수요' 시트: 필요한 것마다 한 행씩 적습니다. 노란 칸(수요 id, 제목, 설명)은 "
            "꼭 채웁니다.",
            "3. 2행의 작은 영문(id, title…)은 도구가 읽는 이름입니다. 지우거나 고치지 마세요.",
            "4. 주제와 추진 방식은 목록에서 고르고, 여러 개는 쉼표(,)로 나눕니다.",
            "5. 금액은 300000000, 3억원, 3억 5천만 원 모두 됩니다. 비율은 30% 또는 0.3.",
            "6. '협력', '성과' 시트(선택)는 수요 id로 수요와 잇습니다. '관계' 시트(선택)는 "
            "서울과 이미 맺은 관계입니다.",
            "7. 수식, 병합한 칸, 숨긴 시트, 매크로는 받지 않습니다. 복사해 온 값은 "
            "'값만 붙여넣기'를 쓰세요.",
            "8. 다 쓰면 확인하세요: matchmaker validate {file} — 문제는 '수요!D7'처럼 칸으로 "
            "알려 줍니다.",
        ],
        "fields": "항목별 설명",
        "columns": ["시트", "항목", "필드", "설명", "예시"],
        "example": "예시 행 ('수요' 시트의 한 행; 설명을 위한 예이며 실제 자료가 아님)",
        "lists": "목록",
        "list_columns": ["이름", "id"],
        "themes": "주제",
        "modes": "추진 방식",
        "partner_kinds": "협력 주체 종류",
        "tie_kinds": "관계 종류",
        "required": "필수",
        "region_error": "목록의 지역을 고르세요(코드도 됩니다).",
    },
    "en": {
        "title": "How to fill in a demand proposal",
        "steps": [
            "1. Sheet '제안' (proposal): check the id and region; add the date and contact.",
            "2. Sheet '수요' (demands): one row per need. The yellow cells (demand id, title, "
            "description) are required.",
            "3. Row 2 holds the names the tool reads (id, title…): do not delete or edit it.",
            "4. Pick themes and modes from the list; separate several with commas.",
            "5. Amounts: 300000000, 3억원 or 3억 5천만 원. Shares: 30% or 0.3.",
            "6. Sheets '협력' (partners) and '성과' (outcomes), optional, name their demand by "
            "its id. Sheet '관계' (optional) lists earlier ties with Seoul.",
            "7. Formulas, merged cells, hidden sheets and macros are refused; paste copied "
            "cells as values only.",
            "8. Then check it: matchmaker validate {file} — problems name their cell, e.g. "
            "'수요!D7'.",
        ],
        "fields": "The fields",
        "columns": ["sheet", "field", "name read", "meaning", "example"],
        "example": "Example row (one row of sheet '수요'; illustrative, not real data)",
        "lists": "Lists",
        "list_columns": ["name", "id"],
        "themes": "themes",
        "modes": "delivery modes",
        "partner_kinds": "partner kinds",
        "tie_kinds": "kinds of tie",
        "required": "required",
        "region_error": "Pick a region from the list (a code also works).",
    },
}


def _style_header(cell: Any, required: bool = False) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    cell.font = Font(bold=True)
    colour = _REQUIRED_FILL if required else _HEADER_FILL
    cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    cell.alignment = Alignment(vertical="top", wrap_text=True)


def _field_cell(cell: Any) -> None:
    from openpyxl.styles import Font

    cell.font = Font(size=_FIELD_SIZE, color=_FIELD_COLOUR)


def _text(cell: Any, value: Any) -> None:
    """A value stored as it is; text stays text even when it starts with `=`."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _vocabulary_for(column: Column, words: Vocabularies) -> Vocabulary | None:
    return {
        "themes": words.themes,
        "modes": words.modes,
        "partner-kind": words.partner_kinds,
        "tie-kind": words.tie_kinds,
    }.get(column.kind)


def _shown(column: Column, value: Any, words: Vocabularies, language: str) -> Any:
    """A model value as the cell shows it: labels for ids, lines for lists."""
    if value is None:
        return None
    vocabulary = _vocabulary_for(column, words)
    if vocabulary is not None:
        ids = value if isinstance(value, list) else [value]
        return ", ".join(vocabulary.label(item, "ko") for item in ids)
    if column.kind == "lines":
        return "\n".join(value)
    if isinstance(value, dt.date):
        return value
    return value


def _prompt(column: Column, language: str) -> tuple[str, str]:
    title = column.header(language)[:32]
    return title, column.help(language)[:250]


def _validation(
    sheet: Worksheet,
    column: Column,
    letter: str,
    first: int,
    last: int,
    language: str,
    lists: dict[str, str],
) -> None:
    """A dropdown, a number rule or just an input message on the column's data cells."""
    from openpyxl.worksheet.datavalidation import DataValidation

    title, prompt = _prompt(column, language)
    kind = "demand-link" if column.field == DEMAND_LINK else column.kind
    rule: DataValidation
    if kind in lists:
        rule = DataValidation(type="list", formula1=lists[kind], allow_blank=True)
        # Several themes or modes go in one cell, comma-separated: the list suggests,
        # it does not forbid. A kind of partner or tie is exactly one value.
        rule.showErrorMessage = column.kind not in ("themes", "modes")
        rule.errorStyle = "stop"
    elif column.kind in ("whole", "year"):
        low, high = (1900, 2100) if column.kind == "year" else (1, 100)
        if column.field == "years":
            low, high = 1, 30
        rule = DataValidation(
            type="whole", operator="between", formula1=str(low), formula2=str(high)
        )
        rule.showErrorMessage = True
        rule.errorStyle = "warning"  # the tool's reader gives the precise answer
    else:
        rule = DataValidation(allow_blank=True)
        rule.showErrorMessage = False
    rule.promptTitle, rule.prompt, rule.showInputMessage = title, prompt, True
    sheet.add_data_validation(rule)
    rule.add(f"{letter}{first}:{letter}{last}")


def _lists_sheet(book: Workbook, regions: Sequence[Region], words: Vocabularies) -> dict[str, str]:
    """The long lists for dropdowns, on a hidden sheet; formulas that point at each."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(LISTS_SHEET)
    columns = {
        "region": [r.display("ko") for r in regions if r.province_code != SEOUL],
        "themes": [choice.ko for choice in words.themes.choices],
        "modes": [choice.ko for choice in words.modes.choices],
        "partner-kind": [choice.ko for choice in words.partner_kinds.choices],
        "tie-kind": [choice.ko for choice in words.tie_kinds.choices],
    }
    formulas: dict[str, str] = {}
    for index, (kind, names) in enumerate(columns.items(), start=1):
        if not names:
            continue
        letter = get_column_letter(index)
        for row, name in enumerate(names, start=1):
            _text(sheet.cell(row, index), name)
        formulas[kind] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(names)}"
    sheet.sheet_state = "hidden"
    return formulas


def _form_sheet(
    sheet: Worksheet,
    values: dict[str, Any],
    words: Vocabularies,
    language: str,
    lists: dict[str, str],
) -> None:
    from openpyxl.styles import Alignment, Font

    headers = (
        ("항목", "필드", "값", "설명") if language == "ko" else ("field", "name", "value", "help")
    )
    for number, header in enumerate(headers, start=1):
        _style_header(sheet.cell(HEADER_ROW, number, header))
    for row, column in enumerate(FORM, start=FORM_FIRST_ROW):
        label = sheet.cell(row, FORM_LABEL_COLUMN, column.header(language))
        label.font = Font(bold=column.required)
        _field_cell(sheet.cell(row, FORM_FIELD_COLUMN, column.field))
        value_cell = sheet.cell(row, FORM_VALUE_COLUMN)
        _text(value_cell, _shown(column, values.get(column.field), words, language))
        if column.kind in FORMATS:
            value_cell.number_format = FORMATS[column.kind]
        if column.required:
            _style_header(value_cell, required=True)
            value_cell.font = Font(bold=False)
        help_cell = sheet.cell(row, FORM_HELP_COLUMN, column.help(language))
        help_cell.alignment = Alignment(wrap_text=True, vertical="top")
        _validation(sheet, column, "C", row, row, language, lists)
    for letter, width in (("A", 14), ("B", 18), ("C", 36), ("D", 60)):
        sheet.column_dimensions[letter].width = width


def _table_sheet(
    sheet: Worksheet,
    table: Table,
    rows: Sequence[dict[str, Any]],
    words: Vocabularies,
    language: str,
    lists: dict[str, str],
) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(table.columns, start=1):
        _style_header(sheet.cell(HEADER_ROW, index, column.header(language)), column.required)
        _field_cell(sheet.cell(FIELD_ROW, index, column.field))
        letter = get_column_letter(index)
        width = 50 if column.field == "description" else 14 if column.kind != "text" else 22
        sheet.column_dimensions[letter].width = width
        last = FIRST_DATA_ROW + max(TABLE_ROWS, len(rows)) - 1
        _validation(sheet, column, letter, FIRST_DATA_ROW, last, language, lists)
        for row in range(FIRST_DATA_ROW, last + 1):
            if column.kind in FORMATS:
                sheet.cell(row, index).number_format = FORMATS[column.kind]
        for offset, item in enumerate(rows):
            cell = sheet.cell(FIRST_DATA_ROW + offset, index)
            _text(cell, _shown(column, item.get(column.field), words, language))
            if isinstance(cell.value, dt.date):  # a start given as a day, not a year
                cell.number_format = FORMATS["date"]
            if column.kind in ("lines", "text") and isinstance(cell.value, str):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"


def _guide_sheet(sheet: Worksheet, words: Vocabularies, language: str, file_name: str) -> None:
    from openpyxl.styles import Alignment, Font

    text = _GUIDE[language]
    sheet.cell(1, 1, text["title"]).font = Font(bold=True, size=14)
    row = 3
    for step in text["steps"]:
        _text(sheet.cell(row, 1), str(step).format(file=file_name))
        row += 1
    row += 1
    sheet.cell(row, 1, text["fields"]).font = Font(bold=True, size=12)
    row += 1
    for index, header in enumerate(text["columns"], start=1):
        _style_header(sheet.cell(row, index, header))
    row += 1
    for sheet_name, columns in (
        (FORM_SHEET, FORM),
        *((table.sheet, table.columns) for table in TABLES),
    ):
        for column in columns:
            name = column.header(language)
            if column.required:
                name += f" ({text['required']})"
            cells = (sheet_name, name, column.field, column.help(language), column.example)
            for index, value in enumerate(cells, start=1):
                cell = sheet.cell(row, index)
                _text(cell, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
    row += 1
    sheet.cell(row, 1, text["example"]).font = Font(bold=True, size=12)
    row += 1
    for index, column in enumerate(DEMANDS.columns, start=1):
        _style_header(sheet.cell(row, index, column.header(language)), column.required)
        _text(sheet.cell(row + 1, index), column.example)
        sheet.cell(row + 1, index).alignment = Alignment(wrap_text=True, vertical="top")
    row += 3
    sheet.cell(row, 1, text["lists"]).font = Font(bold=True, size=12)
    row += 1
    for key in ("themes", "modes", "partner_kinds", "tie_kinds"):
        vocabulary: Vocabulary = getattr(words, key)
        _style_header(sheet.cell(row, 1, text[key]))
        for index, header in enumerate(text["list_columns"], start=2):
            _style_header(sheet.cell(row, index, header))
        row += 1
        for choice in vocabulary.choices:
            _text(sheet.cell(row, 2), choice.display(language))
            _text(sheet.cell(row, 3), choice.id)
            row += 1
        row += 1
    for letter, width in (("A", 16), ("B", 28), ("C", 22), ("D", 60), ("E", 36)):
        sheet.column_dimensions[letter].width = width


def _form_values(proposal: dict[str, Any]) -> dict[str, Any]:
    flat = {key: value for key, value in proposal.items() if not isinstance(value, dict | list)}
    for key, value in (proposal.get("contact") or {}).items():
        flat[f"contact.{key}"] = value
    return flat


def proposal_workbook(
    proposal: dict[str, Any],
    *,
    regions: Sequence[Region],
    words: Vocabularies,
    language: str = "ko",
    file_name: str = "제안서.xlsx",
) -> bytes:
    """The workbook of a proposal given as the model's plain values (`model_dump()`), or
    of a blank one to fill in (only `id` and `region` set, no demands)."""
    from openpyxl import Workbook

    from matchmaker.render.workbook import workbook_bytes

    book = Workbook()
    guide = book.active
    assert guide is not None  # a new workbook starts with one sheet
    guide.title = GUIDE_SHEET
    form = book.create_sheet(FORM_SHEET)
    tables = {table.sheet: book.create_sheet(table.sheet) for table in TABLES}
    lists = _lists_sheet(book, regions, words)
    _guide_sheet(guide, words, language, file_name)
    _form_sheet(form, _form_values(proposal), words, language, lists)
    demands = list(proposal.get("demands") or [])
    demand_list = f"'{DEMANDS.sheet}'!$A${FIRST_DATA_ROW}:$A${FIRST_DATA_ROW + TABLE_ROWS - 1}"
    linked = {**lists, "demand-link": demand_list}
    _table_sheet(tables[DEMANDS.sheet], DEMANDS, demands, words, language, linked)
    for table in (PARTNERS, OUTCOMES):
        rows = [
            {"demand": demand["id"], **item}
            for demand in demands
            for item in demand.get(table.field) or []
        ]
        _table_sheet(tables[table.sheet], table, rows, words, language, linked)
    ties = list(proposal.get(TIES.field) or [])
    _table_sheet(tables[TIES.sheet], TIES, ties, words, language, linked)
    book.active = 1 if proposal.get("demands") else 0
    return workbook_bytes(book)
