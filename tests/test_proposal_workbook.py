"""The workbook template (`new proposal --format xlsx`): what an official is given, and
the whole path from a blank template to a ranked proposal."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from matchmaker.loading.workbook_layout import DEMANDS, FORM

TODAY = "2027-04-01"


def _template(cli, tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "2027-wanju.xlsx"
    result = cli(
        "new", "proposal", "--format", "xlsx", "--region", "완주군", "--year", "2027",
        "-o", str(path), *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


def _validations(sheet) -> dict[str, object]:
    """Each validated range's first cell → its rule."""
    return {str(rule.sqref).split(":")[0]: rule for rule in sheet.data_validations.dataValidation}


def test_the_template_has_a_guide_a_form_and_one_row_per_demand(cli, tmp_path: Path) -> None:
    book = load_workbook(_template(cli, tmp_path, "--lang", "ko"))
    assert book.sheetnames == ["안내", "제안", "수요", "협력", "성과", "관계", "목록"]
    assert [book[name].sheet_state for name in book.sheetnames][-1] == "hidden"
    form = book["제안"]
    assert [form.cell(row, 2).value for row in range(2, 2 + len(FORM))] == [c.field for c in FORM]
    assert (form["C2"].value, form["C3"].value) == ("2027-wanju", "완주군 (전북특별자치도)")
    demands = book["수요"]
    assert [cell.value for cell in demands[1]] == [c.ko for c in DEMANDS.columns]
    assert [cell.value for cell in demands[2]] == [c.field for c in DEMANDS.columns]
    assert demands.max_row >= 3 and all(cell.value is None for cell in demands[3])
    guide = book["안내"]
    texts = [cell.value for row in guide.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert guide["A1"].value == "지역 수요 제안서 작성 안내"
    assert any("matchmaker validate 2027-wanju.xlsx" in text for text in texts)
    assert "농특산물 판매·직거래" in texts and "farm-produce-sales" in texts
    assert any("실제 자료가 아님" in text for text in texts)  # the example row is marked


def test_closed_lists_have_dropdowns_and_every_column_an_input_message(cli, tmp_path: Path) -> None:
    book = load_workbook(_template(cli, tmp_path))
    lists = book["목록"]
    regions = [cell.value for cell in lists["A"] if cell.value]
    # Every provincial and basic government in force today (17 + 227 since Incheon's
    # reorganisation of 2026-07-01) outside Seoul, whose proposals are refused.
    assert len(regions) == 17 + 227 - 26
    assert "영종구 (인천광역시)" in regions and "중구 (인천광역시)" not in regions
    assert "완주군 (전북특별자치도)" in regions and "전북특별자치도" in regions
    assert not any("서울특별시" in name for name in regions)
    form_rules = _validations(book["제안"])
    assert form_rules["C3"].type == "list"
    assert form_rules["C3"].formula1 == f"'목록'!$A$1:$A${len(regions)}"
    demand_rules = _validations(book["수요"])
    letters = {column.field: chr(65 + index) for index, column in enumerate(DEMANDS.columns)}
    assert demand_rules[f"{letters['themes']}3"].type == "list"
    assert demand_rules[f"{letters['modes']}3"].type == "list"
    assert demand_rules[f"{letters['years']}3"].type == "whole"
    assert all(rule.prompt for rule in demand_rules.values())
    assert len(demand_rules) == len(DEMANDS.columns)
    partner_rules = _validations(book["협력"])
    assert partner_rules["A3"].formula1 == "'수요'!$A$3:$A$202"  # the demand ids
    assert partner_rules["C3"].type == "list"
    demands = book["수요"]
    assert demands[f"{letters['budget_request']}3"].number_format == '#,##0"원"'
    assert demands[f"{letters['local_match']}3"].number_format == "0%"


def test_the_guide_is_english_on_request(cli, tmp_path: Path) -> None:
    book = load_workbook(_template(cli, tmp_path, "--lang", "en"))
    assert book["안내"]["A1"].value == "How to fill in a demand proposal"
    assert book["수요"]["C1"].value == "description"


def test_the_template_is_the_same_bytes_each_time(cli, tmp_path: Path) -> None:
    first = _template(cli, tmp_path).read_bytes()
    (tmp_path / "2027-wanju.xlsx").unlink()
    assert _template(cli, tmp_path).read_bytes() == first


def test_an_unfilled_template_does_not_pass(cli, tmp_path: Path) -> None:
    result = cli("validate", str(_template(cli, tmp_path)))
    assert result.exit_code == 1
    assert "2027-wanju.xlsx:수요!A3: error[out-of-range]: 'demands' needs at least 1" in (
        result.output
    )


def _fill(book: Workbook, theme_cell: str) -> None:
    """What an official types: labels, 억/만, a percentage, an Excel date."""
    form = book["제안"]
    form["C4"] = dt.datetime(2027, 3, 31)  # submitted, as Excel stores a typed date
    form["C6"] = "홍길동"
    demands = book["수요"]
    demands.append([])  # keeps openpyxl's idea of the last row honest
    for column, value in zip(
        "ABCDEFGHIJK",
        [
            "public-meals",
            "공공급식 식재료 공급 확대",
            "관내 친환경 농산물을 서울 자치구 어린이집과 복지시설 급식에 안정적으로 "
            "공급하고 싶습니다. 공공급식지원센터가 있습니다.",
            theme_cell,
            1,
            "조달, 교육",
            "3억 5천만 원",
            "30%",
            2028,
            "3년",
            "공공급식지원센터 운영 중\n친환경 인증 농가 120곳",
        ],
        strict=True,
    ):
        demands[f"{column}3"] = value
    book["협력"]["A3"], book["협력"]["B3"], book["협력"]["C3"] = (
        "public-meals",
        "완주로컬푸드협동조합",
        "협동조합",
    )
    outcome = book["성과"]
    outcome["A3"], outcome["B3"], outcome["C3"], outcome["D3"], outcome["F3"] = (
        "public-meals",
        "공급 대상 시설 수",
        120,
        "개소",
        2030,
    )


EQUIVALENT_YAML = """\
kind: proposal
id: 2027-wanju
region: 완주군 (전북특별자치도)
submitted: 2027-03-31
contact:
  name: 홍길동
demands:
  - id: public-meals
    title: 공공급식 식재료 공급 확대
    description: 관내 친환경 농산물을 서울 자치구 어린이집과 복지시설 급식에 안정적으로 \
공급하고 싶습니다. 공공급식지원센터가 있습니다.
    themes: [public-meals, farm-produce-sales]
    priority: 1
    modes: [procurement, education]
    budget_request: 350000000
    local_match: 0.3
    start: 2028
    years: 3
    readiness: [공공급식지원센터 운영 중, 친환경 인증 농가 120곳]
    partners:
      - name: 완주로컬푸드협동조합
        kind: cooperative
    outcomes:
      - indicator: 공급 대상 시설 수
        target: 120
        unit: 개소
        by: 2030
"""


def test_from_template_to_ranking_as_an_official_would(cli, tmp_path: Path) -> None:
    path = _template(cli, tmp_path)
    book = load_workbook(path)
    _fill(book, "공공급식, 농특산물 판메")  # a typo in a theme's Korean label
    book.save(path)
    checked = cli("validate", str(path), "--lang", "ko", "--today", TODAY)
    assert checked.exit_code == 1
    assert f"{path}:수요!D3: 오류[unreadable-value]: '농특산물 판메'을(를) 주제(으)로 읽을 수 " in (
        checked.output
    )
    assert "도움말: '농특산물 판매·직거래'을(를) 뜻했나요?" in checked.output

    book = load_workbook(path)
    book["수요"]["D3"] = "공공급식, 농특산물 판매·직거래"
    book.save(path)
    checked = cli("validate", str(path), "--today", TODAY)
    assert checked.exit_code == 0, checked.output

    yaml_path = tmp_path / "2027-wanju.yaml"
    yaml_path.write_text(EQUIVALENT_YAML, encoding="utf-8")
    from_workbook = cli("rank", str(path), "--format", "json", "--top", "0", "--today", TODAY)
    from_yaml = cli("rank", str(yaml_path), "--format", "json", "--top", "0", "--today", TODAY)
    assert from_workbook.exit_code == from_yaml.exit_code == 0
    workbook_matches = from_workbook.json()["matches"]
    assert workbook_matches == from_yaml.json()["matches"]
    assert workbook_matches[0]["project"] == "urban-rural-public-meals"


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice is not installed here; openpyxl's round trip is tested above",
)
def test_libreoffice_opens_the_template_without_repair(cli, tmp_path: Path) -> None:
    path = _template(cli, tmp_path)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office is not None
    out = tmp_path / "out"
    done = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    converted = load_workbook(out / path.name)
    assert converted.sheetnames[:6] == ["안내", "제안", "수요", "협력", "성과", "관계"]
    assert converted["제안"]["C2"].value == "2027-wanju"
    assert converted["수요"]["A2"].value == "id"


def test_an_xlsx_output_name_asks_for_a_workbook(cli, tmp_path: Path) -> None:
    path = tmp_path / "2027-wanju.xlsx"
    result = cli("new", "proposal", "--region", "완주군", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes().startswith(b"PK\x03\x04")
    assert not (tmp_path / "proposal.schema.json").exists()  # a YAML editor's aid only


def test_seoul_is_refused_as_in_the_yaml_template(cli, tmp_path: Path) -> None:
    path = tmp_path / "gangdong.xlsx"
    result = cli("new", "proposal", "--format", "xlsx", "--region", "강동구", "-o", str(path))
    assert result.exit_code == 2
    assert not path.exists()
