"""Proposal workbooks: read into the same models as YAML, with cells as positions; and the
hostile workbooks, each refused quickly with a clear diagnostic, nothing run or fetched."""

from __future__ import annotations

import io
import random
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from matchmaker import bundled
from matchmaker.catalog import load_catalog
from matchmaker.diagnostics.render import RENDERERS, Summary
from matchmaker.loading.documents import LoadedDocument, load_file
from matchmaker.loading.values import Vocabularies
from matchmaker.loading.xlsx_reader import load_workbook_bytes
from matchmaker.models import Proposal


@pytest.fixture(scope="module")
def words() -> Vocabularies:
    catalog, problems = load_catalog(bundled.catalog_dir())
    assert catalog is not None, problems
    return catalog.words


def _book(edit: Callable[[Workbook], None] | None = None) -> bytes:
    """A small proposal as an official fills it in, before `edit`."""
    book = Workbook()
    form = book.active
    assert form is not None
    form.title = "제안"
    form.append(["항목", "필드", "값"])
    form.append(["제안서 id", "id", "2027-wanju"])
    form.append(["지역", "region", "완주군"])
    form.append(["제출일", "submitted", "2027. 3. 31."])
    form.append(["담당자", "contact.name", "홍길동"])
    demands = book.create_sheet("수요")
    demands.append(["수요 id", "제목", "설명", "주제", "요청 예산", "지역 부담", "추진 방식"])
    demands.append(
        ["id", "title", "description", "themes", "budget_request", "local_match", "modes"]
    )
    demands.append(
        [
            "public-meals",
            "공공급식 식재료 공급 확대",
            "관내 친환경 농산물을 서울 자치구 어린이집 급식에 공급하고 싶습니다.",
            "공공급식, 농특산물 판매",
            "3억 5천만 원",
            "30%",
            "조달",
        ]
    )
    partners = book.create_sheet("협력")
    partners.append(["수요 id", "이름", "종류"])
    partners.append(["demand", "name", "kind"])
    partners.append(["public-meals", "완주로컬푸드협동조합", "협동조합"])
    if edit is not None:
        edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _load(data: bytes, words: Vocabularies, name: str = "2027-wanju.xlsx") -> LoadedDocument:
    return load_workbook_bytes(data, name, words=words)


def _where(document: LoadedDocument) -> list[tuple[str, str | None, str | None]]:
    return [(d.code, d.sheet, d.cell) for d in document.diagnostics]


def test_a_filled_workbook_reads_into_the_proposal_model(words: Vocabularies) -> None:
    document = _load(_book(), words)
    assert document.ok, _where(document)
    proposal = document.model
    assert isinstance(proposal, Proposal)
    assert (proposal.id, proposal.region, str(proposal.submitted)) == (
        "2027-wanju",
        "완주군",
        "2027-03-31",
    )
    assert proposal.contact is not None and proposal.contact.name == "홍길동"
    demand = proposal.demands[0]
    assert demand.themes == ["public-meals", "farm-produce-sales"]
    assert (demand.budget_request, demand.local_match, demand.modes) == (
        350_000_000,
        0.3,
        ["procurement"],
    )
    assert [(p.name, p.kind) for p in demand.partners] == [("완주로컬푸드협동조합", "cooperative")]


def test_problems_point_at_their_cell_in_every_format(words: Vocabularies) -> None:
    def typo(book: Workbook) -> None:
        book["수요"]["D3"] = "공공급식, 농특산물 판메"
        book["수요"]["E3"] = "3억 5000"

    document = _load(_book(typo), words)
    assert _where(document) == [
        ("unreadable-value", "수요", "D3"),
        ("ambiguous-value", "수요", "E3"),
    ]
    theme, amount = document.diagnostics
    assert theme.message("ko") == "'농특산물 판메'을(를) 주제(으)로 읽을 수 없습니다"
    assert theme.hint_text("ko") == "'농특산물 판매·직거래'을(를) 뜻했나요?"
    assert amount.hint_text("en") == (
        "it would be read as 300,005,000원; if that is meant, write 300005000"
    )
    summary = Summary.of([document.file], list(document.diagnostics))
    text = RENDERERS["text"](document.diagnostics, summary, "en", {})
    assert text.startswith("2027-wanju.xlsx:수요!D3: error[unreadable-value]")
    json_text = RENDERERS["json"](document.diagnostics, summary, "en", {})
    assert '"line": 3,\n      "column": 4' in json_text
    assert '"sheet": "수요",\n      "cell": "D3"' in json_text
    github = RENDERERS["github"](document.diagnostics, summary, "en", {})
    assert (
        "::error file=2027-wanju.xlsx,line=3,col=4,title=matchmaker unreadable-value::수요!D3: "
        in github
    )
    sarif = RENDERERS["sarif"](document.diagnostics, summary, "en", {})
    assert '"startLine": 3' in sarif and '"name": "수요!D3"' in sarif


def test_blank_required_cells_and_unknown_columns_are_placed(words: Vocabularies) -> None:
    def blanks(book: Workbook) -> None:
        book["수요"]["B3"] = None
        book["수요"]["H2"] = "budjet"
        book["수요"]["H1"] = "예산?"

    document = _load(_book(blanks), words)
    assert ("unknown-field", "수요", "H2") in _where(document)
    assert ("missing-field", "수요", "B3") in _where(document)


def test_check_rules_point_at_cells_too(tmp_path: Path) -> None:
    from matchmaker.validation import validate_paths

    path = tmp_path / "2027-wanju.xlsx"
    path.write_bytes(_book(lambda book: book["제안"].__setitem__("C3", "완주")))
    result = validate_paths([path], bundled.catalog_dir())
    placed = [(d.code, d.sheet, d.cell) for d in result.diagnostics if d.level.value == "error"]
    assert placed == []  # 완주 names one region: 완주군
    path.write_bytes(_book(lambda book: book["제안"].__setitem__("C3", "없는군")))
    result = validate_paths([path], bundled.catalog_dir())
    assert ("unknown-region", "제안", "C3") in [
        (d.code, d.sheet, d.cell) for d in result.diagnostics
    ]


# -- hostile workbooks -----------------------------------------------------------------
def _rezip(
    data: bytes,
    add: dict[str, bytes] | None = None,
    replace: dict[str, bytes] | None = None,
    stored: bool = False,
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = (replace or {}).get(item.filename, source.read(item.filename))
            target.writestr(item.filename, body, compress_type=method)
        for name, body in (add or {}).items():
            target.writestr(name, body, compress_type=method)
    return out.getvalue()


def _demands_part(data: bytes) -> str:
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    return sorted(n for n in names if n.startswith("xl/worksheets/sheet"))[1]


def _sheet_xml(rows: list[list[str]]) -> bytes:
    """A sheet's XML written by hand: what a hostile tool could write, unlike openpyxl
    (which cuts text at Excel's 32,767 characters)."""
    body = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{text}</t></is></c>'
            for c, text in enumerate(cells)
        )
        + "</row>"
        for r, cells in enumerate(rows, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode()


def _many_rows(count: int) -> bytes:
    return _sheet_xml([[f"d{r}"] for r in range(count)])


def _one_mb_cell() -> bytes:
    # Varied syllables (seeded), so the text does not compress like a zip bomb.
    chooser = random.Random(16)
    text = "".join(chr(chooser.randrange(0xAC00, 0xD7A4)) for _ in range(350_000))
    rows = [["수요 id", "제목", "설명"], ["id", "title", "description"], ["d", "t", text]]
    return _rezip(_book(), replace={_demands_part(_book()): _sheet_xml(rows)})


def _hidden(book: Workbook) -> None:
    book["수요"].sheet_state = "hidden"


def _merged(book: Workbook) -> None:
    book["수요"].append(["d2", "둘째", "설명"])
    book["수요"].merge_cells("C3:C4")


def _formulas(book: Workbook) -> None:
    for cell in ("A3", "B3", "C3", "E3"):
        book["수요"][cell] = '=CONCAT("a","b")'


def _bidi(book: Workbook) -> None:
    book["수요"]["B3"] = "공공급식\u202e확대"


HOSTILE: dict[str, tuple[Callable[[], bytes], tuple[str, str | None, str | None]]] = {
    "zip-bomb": (
        lambda: _rezip(_book(), add={"xl/media/pad.bin": b"\0" * (20 * 1024 * 1024)}),
        ("workbook-zip-bomb", None, None),
    ),
    "formula-only-sheet": (lambda: _book(_formulas), ("workbook-formula", "수요", "A3")),
    "external-link": (
        lambda: _rezip(_book(), add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"}),
        ("workbook-external-link", None, None),
    ),
    "data-connection": (
        lambda: _rezip(_book(), add={"xl/connections.xml": b"<connections/>"}),
        ("workbook-external-link", None, None),
    ),
    "macros-inside-xlsx": (
        lambda: _rezip(_book(), add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        ("workbook-macros", None, None),
    ),
    "100000-rows": (
        lambda: _rezip(_book(), replace={_demands_part(_book()): _many_rows(100_000)}, stored=True),
        ("workbook-too-large", None, None),
    ),
    "1-mb-cell": (_one_mb_cell, ("scalar-too-long", "수요", "C3")),
    "csv-renamed": (
        lambda: "id,title\npublic-meals,공공급식\n".encode(),
        ("not-a-workbook", None, None),
    ),
    "html-renamed": (
        lambda: b"<html><body><table><tr><td>id</td></tr></table></body></html>",
        ("not-a-workbook", None, None),
    ),
    "old-xls": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        ("not-a-workbook", None, None),
    ),
    "truncated-zip": (lambda: _book()[:2000], ("not-a-workbook", None, None)),
    "hidden-sheet": (lambda: _book(_hidden), ("workbook-hidden-sheet", "수요", "A1")),
    "merged-data-cells": (lambda: _book(_merged), ("workbook-merged-cells", "수요", "C3")),
    "bidi-control": (lambda: _book(_bidi), ("bidi-control", "수요", "B3")),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_workbooks_are_refused_quickly(case: str, words: Vocabularies) -> None:
    make, expected = HOSTILE[case]
    data = make()
    started = time.perf_counter()
    document = _load(data, words)
    elapsed = time.perf_counter() - started
    assert not document.ok
    assert _where(document)[0] == expected
    assert document.diagnostics[0].message("en")  # a sentence, not a traceback
    assert elapsed < 1.0, f"{case} took {elapsed:.2f} s"


def test_a_macro_workbook_is_refused_by_its_name_unread(tmp_path: Path) -> None:
    path = tmp_path / "2027-wanju.xlsm"
    path.write_bytes(_book())
    document = load_file(path)
    assert [d.code for d in document.diagnostics] == ["workbook-macros"]
    assert document.sha256 == ""  # not even read


def test_a_folder_of_proposals_holds_yaml_and_workbooks(tmp_path: Path) -> None:
    from matchmaker.validation import expand

    (tmp_path / "a.yaml").write_text("kind: proposal\n", encoding="utf-8")
    (tmp_path / "b.xlsx").write_bytes(_book())
    (tmp_path / "~$b.xlsx").write_bytes(b"lock")  # Excel's lock file beside an open book
    (tmp_path / "c.XLSX").write_bytes(_book())
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert [p.name for p in expand([tmp_path])] == ["a.yaml", "b.xlsx", "c.XLSX"]
