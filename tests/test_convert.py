"""`matchmaker convert`: a proposal from YAML to a workbook and back, without loss."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from matchmaker import bundled
from matchmaker.loading.documents import load_file
from matchmaker.models import Proposal

EXAMPLES = sorted(bundled.proposals_dir().glob("*.yaml"))


def _proposal(path: Path) -> Proposal:
    from matchmaker.catalog import load_catalog

    catalog, _ = load_catalog(bundled.catalog_dir())
    assert catalog is not None
    document = load_file(path, words=catalog.words)
    assert document.ok, [(d.code, d.sheet, d.cell, d.line) for d in document.diagnostics]
    assert isinstance(document.model, Proposal)
    return document.model


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_example_survives_yaml_to_workbook_to_yaml(
    cli, tmp_path: Path, example: Path
) -> None:
    workbook = tmp_path / f"{example.stem}.xlsx"
    back = tmp_path / f"{example.stem}.yaml"
    assert cli("convert", str(example), "-o", str(workbook)).exit_code == 0
    assert cli("convert", str(workbook), "-o", str(back)).exit_code == 0
    original = _proposal(example)
    assert _proposal(workbook) == original
    assert _proposal(back) == original
    (tmp_path / "again").mkdir()
    again = tmp_path / "again" / workbook.name  # the guide names the file
    assert cli("convert", str(back), "-o", str(again)).exit_code == 0
    assert again.read_bytes() == workbook.read_bytes()  # the trip settles at once


def test_the_workbook_shows_labels_where_yaml_has_ids(cli, tmp_path: Path) -> None:
    example = bundled.proposals_dir() / "2026-wanju.yaml"
    workbook = tmp_path / "wanju.xlsx"
    assert cli("convert", str(example), "-o", str(workbook)).exit_code == 0
    demands = load_workbook(workbook)["수요"]
    themes = [cell.value for cell in demands["D"][2:] if cell.value]
    assert themes and all("-" not in value for value in themes)  # 공공급식, not public-meals


def test_yaml_written_by_convert_keeps_text_exactly(tmp_path: Path) -> None:
    from matchmaker.convert import proposal_yaml

    proposal = Proposal.model_validate(
        {
            "kind": "proposal",
            "id": "p",
            "region": "52710",
            "demands": [
                {
                    "id": "d",
                    "title": '=HYPERLINK("x") 그대로',
                    "description": "첫 줄\n둘째 줄",
                    "outcomes": [{"indicator": "지표", "target": "250"}],
                }
            ],
        }
    )
    path = tmp_path / "p.yaml"
    path.write_text(proposal_yaml(proposal), encoding="utf-8")
    assert _proposal(path) == proposal


def test_a_workbook_with_errors_is_not_converted(cli, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "제안"
    sheet.append(["항목", "필드", "값"])
    sheet.append(["지역", "region", "완주군"])
    path = tmp_path / "broken.xlsx"
    book.save(path)
    result = cli("convert", str(path), "-o", str(tmp_path / "broken.yaml"))
    assert result.exit_code == 1
    assert "broken.xlsx: error[workbook-missing-sheet]" in result.output
    assert not (tmp_path / "broken.yaml").exists()


def test_converting_onto_the_input_is_refused(cli, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes((bundled.proposals_dir() / "2026-wanju.yaml").read_bytes())
    result = cli("convert", str(path), "-o", str(path), "--format", "yaml", "--force")
    assert result.exit_code == 2


def test_a_folder_may_hold_yaml_and_workbooks_for_every_command(cli, tmp_path: Path) -> None:
    folder = tmp_path / "proposals"
    folder.mkdir()
    examples = bundled.proposals_dir()
    (folder / "2026-wanju.yaml").write_bytes((examples / "2026-wanju.yaml").read_bytes())
    converted = cli(
        "convert", str(examples / "2026-goesan.yaml"), "-o", str(folder / "2026-goesan.xlsx")
    )
    assert converted.exit_code == 0
    today = "2026-11-28"
    assert cli("validate", str(folder), "--today", today).exit_code == 0
    assert cli("check", str(folder), "--today", today).exit_code == 0
    ranked = cli("rank", str(folder), "--format", "json", "--today", today)
    assert ranked.exit_code == 0, ranked.output
    assert {match["proposal"] for match in ranked.json()["matches"]} == {
        "2026-goesan",
        "2026-wanju",
    }
    assert str(folder / "2026-goesan.xlsx") in ranked.json()["inputs"]
    allocated = cli("allocate", str(folder), "--format", "json", "--today", today)
    assert allocated.exit_code == 0, allocated.output
