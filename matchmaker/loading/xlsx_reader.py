"""A proposal workbook (`.xlsx`) into the same values, positions and models as YAML.

Officials write proposals in Excel. The workbook is read in three steps, each bounded
before the next costs anything:

1. the bytes: size, then what the file really is (a zip, not CSV, HTML or an old `.xls`
   renamed), then the zip's directory: member count, declared unpacked sizes and ratios
   (a zip bomb is refused before one byte is inflated; zipfile never inflates a member
   past its declared size), macros (`vbaProject.bin`) and external links or data
   connections, which are refused, never followed;
2. the sheets' XML, streamed: rows and cells are counted and the read stops at the
   first one past the limits, so 100,000 rows cost a few thousand;
3. openpyxl, on what is left: hidden sheets, merged cells in a data area, formulas
   (refused, never evaluated: the cached value is what someone else's Excel computed),
   control characters and overlong text are refused at their cell; each value is read
   by `values` as people write it (`3억원`, `30%`, `협동조합`).

Positions are cells: a Mark's line and column are the cell's row and column, with the
sheet named, so every diagnostic reads `2027-wanju.xlsx:수요!D7`.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from matchmaker.diagnostics import Diagnostic, has_errors
from matchmaker.diagnostics.diagnostic import column_letters
from matchmaker.loading import values
from matchmaker.loading.documents import LoadedDocument, read_limited, validate_parsed
from matchmaker.loading.limits import DEFAULT_WORKBOOK_LIMITS, Limits, WorkbookLimits
from matchmaker.loading.nodes import Mark, ParsedDocument, Path, Positions
from matchmaker.loading.text import suspicious
from matchmaker.loading.workbook_layout import (
    DATA_SHEETS,
    DEMAND_LINK,
    DEMANDS,
    FIELD_ROW,
    FIRST_DATA_ROW,
    FORM,
    FORM_FIELD_COLUMN,
    FORM_FIRST_ROW,
    FORM_SHEET,
    FORM_VALUE_COLUMN,
    GUIDE_SHEET,
    LISTS_SHEET,
    TABLES,
    Column,
    Table,
)
from matchmaker.suggest import did_you_mean

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from matchmaker.loading.values import Vocabularies

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an encrypted .xlsx
_HTML = re.compile(rb"^\s*<(?:!doctype|html|table|\?xml|head|body|meta)", re.IGNORECASE)
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class _Refused(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


# -- 1. the bytes and the zip's directory ---------------------------------------------
def _what_it_is(data: bytes) -> tuple[str, str] | None:
    """None for a zip; else what the bytes look like (English, Korean)."""
    if data.startswith(_ZIP_MAGIC):
        return None
    if data.startswith(_OLE_MAGIC):
        return (
            "an Excel 97-2003 (.xls) or password-protected file",
            "엑셀 97-2003(.xls) 또는 암호가 걸린 파일",
        )
    head = data[:512].removeprefix(b"\xef\xbb\xbf")
    if _HTML.match(head):
        return "an HTML or XML page", "HTML 또는 XML 문서"
    if not head.strip():
        return "an empty file", "빈 파일"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "binary data of another kind", "다른 종류의 이진 파일"
    return "text (CSV or similar)", "텍스트(CSV 등)"


def _check_zip(archive: zipfile.ZipFile, file: str, limits: WorkbookLimits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise _Refused(
            Diagnostic(
                file,
                0,
                0,
                "workbook-zip-bomb",
                {
                    "detail": f"{len(members)} parts (at most {limits.max_members})",
                    "detail@ko": f"구성 파일 {len(members)}개(최대 {limits.max_members}개)",
                },
            )
        )
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            raise _Refused(
                Diagnostic(
                    file,
                    0,
                    0,
                    "workbook-zip-bomb",
                    {
                        "detail": f"{member.filename} unpacks {ratio:.0f} times its size",
                        "detail@ko": f"{member.filename}이(가) 압축의 {ratio:.0f}배로 풀립니다",
                    },
                )
            )
        name = member.filename.lower()
        if name.endswith("vbaproject.bin") or (name.endswith(".bin") and "vba" in name):
            raise _Refused(Diagnostic(file, 0, 0, "workbook-macros", hint="save-as-xlsx"))
        if name.startswith("xl/externallinks/") or name == "xl/connections.xml":
            raise _Refused(
                Diagnostic(
                    file, 0, 0, "workbook-external-link", {"part": member.filename}, "paste-values"
                )
            )
    if total > limits.max_unpacked:
        raise _Refused(
            Diagnostic(
                file,
                0,
                0,
                "workbook-zip-bomb",
                {
                    "detail": f"{total} bytes unpacked (at most {limits.max_unpacked})",
                    "detail@ko": f"풀면 {total}바이트(최대 {limits.max_unpacked}바이트)",
                },
            )
        )


# -- 2. rows and cells, streamed ------------------------------------------------------
def _count_cells(archive: zipfile.ZipFile, file: str, limits: WorkbookLimits) -> None:
    """Count rows and cells of every sheet without building them; stop at the limit."""
    cells = 0
    for member in sorted(archive.namelist()):
        if not _SHEET_PART.match(member):
            continue
        rows = 0
        with archive.open(member) as stream:
            for _event, element in ElementTree.iterparse(stream, events=("end",)):
                if element.tag == f"{_NS}c":
                    cells += 1
                    if cells > limits.max_cells:
                        raise _Refused(
                            Diagnostic(
                                file,
                                0,
                                0,
                                "workbook-too-large",
                                {
                                    "what": f"more than {limits.max_cells} cells",
                                    "what@ko": f"셀이 {limits.max_cells}개 넘게",
                                },
                                "split-file",
                            )
                        )
                elif element.tag == f"{_NS}row":
                    rows += 1
                    number = element.get("r")
                    if rows > limits.max_rows or (
                        number is not None and number.isdigit() and int(number) > limits.max_rows
                    ):
                        raise _Refused(
                            Diagnostic(
                                file,
                                0,
                                0,
                                "workbook-too-large",
                                {
                                    "what": f"more than {limits.max_rows} rows on a sheet",
                                    "what@ko": f"한 시트에 {limits.max_rows}행 넘게",
                                },
                                "split-file",
                            )
                        )
                    element.clear()


# -- 3. the sheets ----------------------------------------------------------------------
@dataclass(slots=True)
class _Reader:
    file: str
    limits: WorkbookLimits
    words: Vocabularies
    positions: Positions = field(default_factory=Positions)
    found: list[Diagnostic] = field(default_factory=list)

    def report(
        self,
        mark: Mark,
        code: str,
        params: dict[str, str] | None = None,
        hint: str | None = None,
        hint_params: dict[str, str] | None = None,
    ) -> None:
        self.found.append(
            Diagnostic(
                self.file,
                mark.line,
                mark.column,
                code,
                params or {},
                hint=hint,
                hint_params=hint_params or {},
                sheet=mark.sheet,
            )
        )

    def place(self, path: Path, mark: Mark) -> None:
        self.positions.values.setdefault(path, mark)

    # -- what no sheet may hold ---------------------------------------------------------
    def check_book(self, book: Workbook) -> None:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible" and sheet.title != LISTS_SHEET:
                self.report(
                    Mark(1, 1, sheet.title),
                    "workbook-hidden-sheet",
                    {"sheet": sheet.title},
                    "unhide-sheet",
                )
        for name in DATA_SHEETS:
            if name in book.sheetnames:
                self.check_sheet(book[name], name == FORM_SHEET)

    def check_sheet(self, sheet: Worksheet, form: bool) -> None:
        for merged in sorted(sheet.merged_cells.ranges, key=str):
            in_data = (
                merged.max_col >= FORM_VALUE_COLUMN and merged.max_row >= FORM_FIRST_ROW
                if form
                else merged.max_row >= FIRST_DATA_ROW
            )
            if in_data:
                self.report(
                    Mark(merged.min_row, merged.min_col, sheet.title),
                    "workbook-merged-cells",
                    {"range": str(merged)},
                    "unmerge",
                )
        hidden_rows = {number for number, row in sheet.row_dimensions.items() if row.hidden}
        hidden_columns = {
            column
            for dimension in sheet.column_dimensions.values()
            if dimension.hidden and dimension.min is not None and dimension.max is not None
            for column in range(dimension.min, dimension.max + 1)
        }
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if value is None:
                    continue
                mark = _cell_mark(cell, sheet.title)
                if mark.line in hidden_rows or mark.column in hidden_columns:
                    # A value a reviewer cannot see must not count, as on a hidden sheet.
                    self.report(mark, "workbook-hidden-cell", {}, "unhide-cell")
                    continue
                # A formula is text starting with `=` (data_type f), or an array or
                # data-table formula object; either way it is never evaluated.
                if cell.data_type == "f" or type(value).__name__.endswith("Formula"):
                    shown = values.shown(value if isinstance(value, str) else "=…")
                    self.report(mark, "workbook-formula", {"formula": shown}, "paste-values")
                    continue
                if isinstance(value, str):
                    if len(value) > self.limits.max_scalar_chars:
                        self.report(
                            mark,
                            "scalar-too-long",
                            {"length": str(len(value)), "limit": str(self.limits.max_scalar_chars)},
                            "split-file",
                        )
                        continue
                    problem = suspicious(value)
                    if problem is not None:
                        code, hint, char = problem
                        self.report(mark, code, {"char": char}, hint)

    # -- reading values ---------------------------------------------------------------
    def read(self, column: Column, raw: Any, mark: Mark, path: Path, into: dict[str, Any]) -> None:
        """Put the value of one cell at `path` (inside `into`), or report why not."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            # A blank required cell: the model says it is missing, here.
            self.place(path, mark)
            return
        key = path[-1]
        assert isinstance(key, str)
        target = into
        if "." in column.field:  # contact.name → contact: {name: …}
            outer, key = column.field.split(".", 1)
            target = into.setdefault(outer, {})
            self.place((*path[:-1], outer), mark)
            path = (*path[:-1], outer, key)
        kind = column.kind
        if kind in ("themes", "modes"):
            vocabulary = self.words.themes if kind == "themes" else self.words.modes
            chosen: list[str] = []
            self.place(path, mark)
            for piece, reading in vocabulary.read_many(raw):
                if reading.ok:
                    self.place((*path, len(chosen)), mark)
                    chosen.append(reading.value)
                else:
                    self.problem(reading, piece, mark)
            target[key] = chosen
            return
        if kind == "lines":
            text = values.read_text(raw)
            lines = [line.strip() for line in str(text.value).splitlines() if line.strip()]
            self.place(path, mark)
            for index in range(len(lines)):
                self.place((*path, index), mark)
            target[key] = lines
            return
        if kind == "number-or-text" and isinstance(raw, int | float) and not isinstance(raw, bool):
            self.place(path, mark)
            target[key] = raw
            return
        reading = self.reading(kind, raw)
        self.place(path, mark)
        if reading.ok:
            target[key] = reading.value
        elif column.required and isinstance(raw, str):
            target[key] = raw  # the model then says what is wrong with the text, here
            self.problem(reading, raw, mark)
        else:
            self.problem(reading, raw, mark)

    def reading(self, kind: str, raw: Any) -> values.Reading:
        readers = {
            "date": values.read_date,
            "amount": values.read_amount,
            "share": values.read_share,
            "whole": values.read_whole,
            "year": values.read_year,
            "start": values.read_start,
            "partner-kind": self.words.partner_kinds.read,
            "tie-kind": self.words.tie_kinds.read,
        }
        reader = readers.get(kind, values.read_text)
        return reader(raw)

    def problem(self, reading: values.Reading, raw: Any, mark: Mark) -> None:
        problem = reading.problem
        assert problem is not None
        if problem.label is not None:
            # In a workbook people pick labels, not ids: suggest the label to type.
            hint_params = {"suggestion": problem.label.en, "suggestion@ko": problem.label.ko}
            self.report(mark, problem.code, problem.params(raw), "did-you-mean", hint_params)
            return
        self.report(mark, problem.code, problem.params(raw), problem.hint, problem.hint_params)

    # -- the sheets -------------------------------------------------------------------
    def duplicate(self, name: str, mark: Mark, first: dict[str, str]) -> bool:
        """A field named twice: which value counts would be a guess, as for a YAML key."""
        if name not in first:
            first[name] = f"{mark.sheet}!{column_letters(mark.column)}{mark.line}"
            return False
        self.report(
            mark, "duplicate-key", {"key": name, "first_line": first[name]}, "remove-duplicate-key"
        )
        return True

    def form(self, sheet: Worksheet, data: dict[str, Any]) -> None:
        known = {column.field: column for column in FORM}
        first: dict[str, str] = {}
        for row in sheet.iter_rows(min_row=FORM_FIRST_ROW):
            name_cell = row[FORM_FIELD_COLUMN - 1] if len(row) >= FORM_FIELD_COLUMN else None
            if name_cell is None or not isinstance(name_cell.value, str):
                if len(row) >= FORM_VALUE_COLUMN:
                    self.unread(row[FORM_VALUE_COLUMN - 1], sheet.title)
                continue
            name = name_cell.value.strip()
            value_cell = sheet.cell(name_cell.row, FORM_VALUE_COLUMN)
            mark = _cell_mark(value_cell, sheet.title)
            column = known.get(name)
            if column is None:
                self.unknown_field(name, list(known), _cell_mark(name_cell, sheet.title))
                continue
            if self.duplicate(name, _cell_mark(name_cell, sheet.title), first):
                continue
            self.read(column, value_cell.value, mark, (name,), data)

    def unread(self, cell: Any, sheet: str) -> None:
        """A value where no field is named: said, never dropped in silence."""
        if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
            return
        self.report(_cell_mark(cell, sheet), "workbook-unread-cell", {}, "name-the-field")

    def unknown_field(self, name: str, allowed: list[str], mark: Mark) -> None:
        suggestion = did_you_mean(name, allowed)
        if suggestion:
            self.report(
                mark, "unknown-field", {"field": name}, "did-you-mean", {"suggestion": suggestion}
            )
        else:
            self.report(
                mark,
                "unknown-field",
                {"field": name},
                "allowed-fields",
                {"allowed": ", ".join(allowed)},
            )

    def table(
        self, sheet: Worksheet, table: Table
    ) -> Iterator[tuple[int, dict[str, Any], dict[str, Mark]]]:
        """Each filled row: its number, its raw values by field, and their cells."""
        by_column: dict[int, Column] = {}
        allowed = [column.field for column in table.columns]
        first: dict[str, str] = {}
        for cell in next(sheet.iter_rows(min_row=FIELD_ROW, max_row=FIELD_ROW), ()):
            if not isinstance(cell.value, str) or not cell.value.strip():
                continue
            column = table.column(cell.value.strip())
            mark = _cell_mark(cell, sheet.title)
            if column is None:
                self.unknown_field(cell.value.strip(), allowed, mark)
            elif not self.duplicate(column.field, mark, first):
                by_column[int(cell.column or 0)] = column
        for row in sheet.iter_rows(min_row=FIRST_DATA_ROW):
            raw: dict[str, Any] = {}
            marks: dict[str, Mark] = {}
            number = int(row[0].row or 0) if row else 0
            for cell in row:
                column = by_column.get(int(cell.column or 0))
                if column is None:
                    self.unread(cell, sheet.title)
                    continue
                marks[column.field] = _cell_mark(cell, sheet.title)
                if cell.value is not None and not (
                    isinstance(cell.value, str) and not cell.value.strip()
                ):
                    raw[column.field] = cell.value
            if raw:
                for column in by_column.values():
                    marks.setdefault(column.field, Mark(number, 1, sheet.title))
                yield number, raw, marks

    def rows(
        self, table: Table, sheet: Worksheet, base: Path, data: dict[str, Any]
    ) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        for _number, raw, marks in self.table(sheet, table):
            item: dict[str, Any] = {}
            path = (*base, len(items))
            self.place(path, marks[next(iter(marks))])
            for column in table.columns:
                if column.field == DEMAND_LINK:
                    continue
                mark = marks.get(column.field)
                if mark is None:
                    continue
                self.read(column, raw.get(column.field), mark, (*path, column.field), item)
            items.append(item)
        return items


def _cell_mark(cell: Any, sheet: str) -> Mark:
    return Mark(int(cell.row or 0), int(cell.column or 0), sheet)


def _first_marks(sheet: Worksheet) -> Mark:
    return Mark(FIRST_DATA_ROW, 1, sheet.title)


def _read_book(book: Workbook, reader: _Reader) -> dict[str, Any] | None:
    if FORM_SHEET not in book.sheetnames:
        reader.report(Mark(0, 0), "workbook-missing-sheet", {"sheet": FORM_SHEET}, "use-template")
        return None
    read_sheets = {FORM_SHEET, *(table.sheet for table in TABLES), GUIDE_SHEET, LISTS_SHEET}
    for name in book.sheetnames:
        if name not in read_sheets:
            reader.report(Mark(1, 1, name), "workbook-unknown-sheet", {"sheet": name})
    form = book[FORM_SHEET]
    data: dict[str, Any] = {"kind": "proposal"}
    reader.positions.values[()] = Mark(1, 1, FORM_SHEET)
    reader.positions.values[("kind",)] = Mark(1, 1, FORM_SHEET)
    reader.form(form, data)
    if DEMANDS.sheet not in book.sheetnames:
        reader.report(
            Mark(0, 0), "workbook-missing-sheet", {"sheet": DEMANDS.sheet}, "use-template"
        )
        return data
    demands_sheet = book[DEMANDS.sheet]
    reader.place(("demands",), _first_marks(demands_sheet))
    demands = reader.rows(DEMANDS, demands_sheet, ("demands",), data)
    data["demands"] = demands
    ids = [demand.get("id") for demand in demands]
    for table in TABLES[1:]:
        if table.sheet not in book.sheetnames:
            continue
        sheet = book[table.sheet]
        if not table.per_demand:
            data[table.field] = reader.rows(table, sheet, (table.field,), data)
            reader.place((table.field,), _first_marks(sheet))
            continue
        _per_demand(reader, table, sheet, demands, ids)
    return data


def _per_demand(
    reader: _Reader, table: Table, sheet: Worksheet, demands: list[dict[str, Any]], ids: list[Any]
) -> None:
    """Rows of partners or outcomes, each under the demand its first column names."""
    known = [str(i) for i in ids if i is not None]
    for _number, raw, marks in reader.table(sheet, table):
        link = raw.get(DEMAND_LINK)
        link_text = values.read_text(link).value if link is not None else None
        if link_text not in ids:
            suggestion = did_you_mean(str(link_text or ""), known)
            reader.report(
                marks[DEMAND_LINK],
                "workbook-unknown-demand",
                {"value": str(link_text or ""), "sheet": DEMANDS.sheet},
                "did-you-mean" if suggestion else None,
                {"suggestion": suggestion or ""},
            )
            continue
        index = ids.index(link_text)
        items = demands[index].setdefault(table.field, [])
        path = ("demands", index, table.field, len(items))
        reader.place(("demands", index, table.field), marks[DEMAND_LINK])
        reader.place(path, marks[DEMAND_LINK])
        item: dict[str, Any] = {}
        for column in table.columns:
            if column.field == DEMAND_LINK or column.field not in marks:
                continue
            reader.read(
                column, raw.get(column.field), marks[column.field], (*path, column.field), item
            )
        items.append(item)


def _open(data: bytes) -> Workbook:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns about features it drops (extensions, print settings): not ours.
        warnings.simplefilter("ignore")
        return load_workbook(io.BytesIO(data), read_only=False, data_only=False, keep_links=False)


def load_workbook_bytes(
    data: bytes,
    file: str,
    kinds: frozenset[str] | None = None,
    words: Vocabularies | None = None,
    limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
) -> LoadedDocument:
    """Load a proposal workbook from bytes already read."""
    digest = hashlib.sha256(data).hexdigest()

    def failed(diagnostics: list[Diagnostic]) -> LoadedDocument:
        return LoadedDocument(file, digest, None, None, None, tuple(diagnostics), None)

    if len(data) > limits.max_bytes:
        return failed(
            [
                Diagnostic(
                    file,
                    0,
                    0,
                    "file-too-large",
                    {"size": str(len(data)), "limit": str(limits.max_bytes)},
                    hint="split-file",
                )
            ]
        )
    looks_like = _what_it_is(data)
    if looks_like is not None:
        english, korean = looks_like
        return failed(
            [
                Diagnostic(
                    file,
                    0,
                    0,
                    "not-a-workbook",
                    {"found": english, "found@ko": korean},
                    "save-as-xlsx",
                )
            ]
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_zip(archive, file, limits)
            _count_cells(archive, file, limits)
    except _Refused as refused:
        return failed([refused.diagnostic])
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError, EOFError) as error:
        return failed(
            [
                Diagnostic(
                    file,
                    0,
                    0,
                    "not-a-workbook",
                    {"found": f"a damaged zip ({error})", "found@ko": f"손상된 압축 파일({error})"},
                    "save-as-xlsx",
                )
            ]
        )
    try:
        book = _open(data)
    except Exception as error:
        # hostile bytes is the file's fault, reported as such, never a traceback.
        return failed(
            [
                Diagnostic(
                    file,
                    0,
                    0,
                    "not-a-workbook",
                    {
                        "found": f"a damaged workbook ({type(error).__name__})",
                        "found@ko": f"손상된 통합 문서({type(error).__name__})",
                    },
                    "save-as-xlsx",
                )
            ]
        )
    if words is None:
        words = values.vocabularies()
    reader = _Reader(file, limits, words)
    reader.check_book(book)
    if has_errors(reader.found):
        return LoadedDocument(
            file,
            digest,
            None,
            None,
            None,
            tuple(sorted(reader.found, key=Diagnostic.sort_key)),
            None,
        )
    parsed_data = _read_book(book, reader)
    if parsed_data is None:
        return failed(reader.found)
    parsed = ParsedDocument(parsed_data, reader.positions, "")
    document = validate_parsed(parsed, file, digest, None, kinds, (), words, reader.found)
    return replace(document, diagnostics=tuple(_in_cells(d) for d in document.diagnostics))


def _in_cells(diagnostic: Diagnostic) -> Diagnostic:
    """A missing field is a cell to fill in, not a YAML key to add."""
    if diagnostic.code != "missing-field" or diagnostic.sheet is None:
        return diagnostic
    return replace(diagnostic, hint="fill-cell", hint_params={"field": diagnostic.params["field"]})


def load_workbook_file(
    path: FilePath,
    name: str,
    kinds: frozenset[str] | None = None,
    words: Vocabularies | None = None,
    limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
) -> LoadedDocument:
    """A workbook on disk; `.xlsm` (macro-enabled) is refused by its name, unread."""
    if path.suffix.lower() == ".xlsm":
        return LoadedDocument(
            name,
            "",
            None,
            None,
            None,
            (Diagnostic(name, 0, 0, "workbook-macros", hint="save-as-xlsx"),),
            None,
        )
    data = read_limited(path, Limits(max_bytes=limits.max_bytes), name)
    if isinstance(data, Diagnostic):
        return LoadedDocument(name, "", None, None, None, (data,), None)
    return load_workbook_bytes(data, name, kinds, words, limits)
