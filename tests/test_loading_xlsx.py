"""Proposal workbooks: read into the same models as YAML, with cells as positions. (The
hostile workbooks are in test_loading_hostile.py.)"""

from __future__ import annotations

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
from tests.workbooks import book


@pytest.fixture(scope="module")
def words() -> Vocabularies:
    catalog, problems = load_catalog(bundled.catalog_dir())
    assert catalog is not None, problems
    return catalog.words


def _load(data: bytes, words: Vocabularies, name: str = "2027-wanju.xlsx") -> LoadedDocument:
    return load_workbook_bytes(data, name, words=words)


def _where(document: LoadedDocument) -> list[tuple[str, str | None, str | None]]:
    return [(d.code, d.sheet, d.cell) for d in document.diagnostics]


def test_a_filled_workbook_reads_into_the_proposal_model(words: Vocabularies) -> None:
    document = _load(book(), words)
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

    document = _load(book(typo), words)
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

    document = _load(book(blanks), words)
    assert ("unknown-field", "수요", "H2") in _where(document)
    assert ("missing-field", "수요", "B3") in _where(document)


def test_a_blank_required_cell_asks_to_be_filled_in(words: Vocabularies) -> None:
    document = _load(book(lambda b: b["수요"].__setitem__("C3", "  ")), words)
    missing = [d for d in document.diagnostics if d.code == "missing-field"]
    assert [(d.sheet, d.cell, d.hint_text("en")) for d in missing] == [
        ("수요", "C3", "fill in 'description' here")
    ]


def test_values_that_would_not_be_read_are_said(words: Vocabularies) -> None:
    def stray(workbook: Workbook) -> None:
        workbook["수요"]["J3"] = "메모: 예산은 협의"  # a column with no field in row 2
        workbook["제안"]["C9"] = "추가 메모"  # a form row with no field in column B
        workbook.create_sheet("메모")["A1"] = "참고"

    document = _load(book(stray), words)
    assert document.ok  # warnings: the proposal itself is complete
    assert _where(document) == [
        ("workbook-unknown-sheet", "메모", "A1"),
        ("workbook-unread-cell", "수요", "J3"),
        ("workbook-unread-cell", "제안", "C9"),
    ]


def test_a_field_named_twice_is_refused_as_a_duplicate_key(words: Vocabularies) -> None:
    def twice(workbook: Workbook) -> None:
        workbook["제안"].append(["지역", "region", "고창군"])
        workbook["수요"]["H2"] = "title"

    document = _load(book(twice), words)
    found = [(d.sheet, d.cell, d.message("en")) for d in document.diagnostics]
    assert found == [
        ("수요", "H2", "duplicate key 'title': already given on line 수요!B2"),
        ("제안", "B6", "duplicate key 'region': already given on line 제안!B3"),
    ]


def test_check_rules_point_at_cells_too(tmp_path: Path) -> None:
    from matchmaker.validation import validate_paths

    path = tmp_path / "2027-wanju.xlsx"
    path.write_bytes(book(lambda book: book["제안"].__setitem__("C3", "완주")))
    result = validate_paths([path], bundled.catalog_dir())
    placed = [(d.code, d.sheet, d.cell) for d in result.diagnostics if d.level.value == "error"]
    assert placed == []  # 완주 names one region: 완주군
    path.write_bytes(book(lambda book: book["제안"].__setitem__("C3", "없는군")))
    result = validate_paths([path], bundled.catalog_dir())
    assert ("unknown-region", "제안", "C3") in [
        (d.code, d.sheet, d.cell) for d in result.diagnostics
    ]


def test_a_macro_workbook_is_refused_by_its_name_unread(tmp_path: Path) -> None:
    path = tmp_path / "2027-wanju.xlsm"
    path.write_bytes(book())
    document = load_file(path)
    assert [d.code for d in document.diagnostics] == ["workbook-macros"]
    assert document.sha256 == ""  # not even read


def test_a_folder_of_proposals_holds_yaml_and_workbooks(tmp_path: Path) -> None:
    from matchmaker.loading.paths import expand

    (tmp_path / "a.yaml").write_text("kind: proposal\n", encoding="utf-8")
    (tmp_path / "b.xlsx").write_bytes(book())
    (tmp_path / "~$b.xlsx").write_bytes(b"lock")  # Excel's lock file beside an open book
    (tmp_path / "c.XLSX").write_bytes(book())
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert [p.name for p in expand([tmp_path])] == ["a.yaml", "b.xlsx", "c.XLSX"]
