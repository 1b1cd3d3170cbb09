"""The hostile corpus (tests/examples/hostile/): each class of input that once gave a wrong
answer with exit 0, a crash or harmful output, through every command that reads proposals.

Each case states its outcome: refused with its diagnostic (exit 1), or accepted with
output that cannot harm its reader. The `cli` fixture lets any exception escape, so a
command that would exit 70 (a bug) fails here instead.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

HOSTILE = EXAMPLES / "hostile"
TODAY = ("--today", "2026-12-01")
CASES = sorted(path.name for path in HOSTILE.glob("*.yaml"))

# Refused at load or by a rule: (diagnostic code, line) for each such file.
REFUSED = {
    "escaped-control.yaml": ("control-character", 7),
    "escaped-bidi.yaml": ("bidi-control", 7),
    "ambiguous-region.yaml": ("ambiguous-region", 4),
    "seoul-region.yaml": ("seoul-beneficiary", 4),
}


def test_the_corpus_has_a_case_for_every_class() -> None:
    assert set(CASES) == {
        "abolished-region.yaml",
        "ambiguous-region.yaml",
        "escaped-bidi.yaml",
        "escaped-control.yaml",
        "expired.yaml",
        "formula.yaml",
        "markdown-forge.yaml",
        "seoul-region.yaml",
    }


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_cases_stop_every_command_with_their_diagnostic(cli, name: str, tmp_path) -> None:
    code, line = REFUSED[name]
    path = str(HOSTILE / name)
    checked = cli("validate", path, "--format", "json", *TODAY)
    assert checked.exit_code == 1
    found = checked.json()["diagnostics"]
    assert (code, line) in {(d["code"], d["line"]) for d in found}
    for command in (
        ["rank", path],
        ["allocate", path],
        ["sensitivity", path, "--draws", "5"],
        ["report", path, "--output", str(tmp_path / "r.html")],
    ):
        run = cli(*command, *TODAY)
        assert run.exit_code == 1, command
        assert code in run.stderr, command
    assert not (tmp_path / "r.html").exists()


# An expired proposal is read but left out (below), so alone it leaves nothing to run.
ACCEPTED = sorted(set(CASES) - set(REFUSED) - {"expired.yaml"})


@pytest.mark.parametrize("name", ACCEPTED)
@pytest.mark.parametrize("output_format", ["table", "json", "csv", "markdown"])
def test_accepted_cases_rank_in_every_format(cli, name: str, output_format: str) -> None:
    run = cli("rank", str(HOSTILE / name), "--format", output_format, *TODAY)
    assert run.exit_code == 0
    assert "\x1b" not in run.stdout and "\u202e" not in run.stdout
    if output_format == "csv":
        rows = list(csv.reader(io.StringIO(run.stdout.lstrip("\ufeff"))))
        for cell in (cell for row in rows for cell in row):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or cell == "-", cell
    if output_format == "markdown":
        # Nothing a proposal wrote opens a heading, a table row, HTML or a link.
        assert not re.search(r"^## 3\. Fake", run.stdout, re.M)
        assert not re.search(r"^\| forged", run.stdout, re.M)
        assert not re.search(r"(?<!\\)<img", run.stdout)
        assert not re.search(r"(?<!\\)\]\(javascript:", run.stdout)


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_cases_allocate_and_report(cli, name: str, tmp_path: Path) -> None:
    path = str(HOSTILE / name)
    assert cli("allocate", path, "--format", "json", *TODAY).exit_code == 0
    for target in (tmp_path / "r.html", tmp_path / "r.xlsx"):
        assert cli("report", path, "--output", str(target), "--draws", "5", *TODAY).exit_code == 0
        assert target.stat().st_size > 0


def test_a_formula_title_is_stored_as_text_in_the_workbook(cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "r.xlsx"
    path = str(HOSTILE / "formula.yaml")
    assert cli("report", path, "--output", str(target), "--draws", "5", *TODAY).exit_code == 0
    book = load_workbook(target)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    titles = [cell for cell in cells if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert titles
    assert all(cell.data_type == "s" for cell in titles)


def test_an_expired_proposal_is_left_out_and_said_so(cli) -> None:
    expired, current = str(HOSTILE / "expired.yaml"), str(HOSTILE / "formula.yaml")
    run = cli("rank", expired, current, "--format", "json", *TODAY)
    assert run.exit_code == 0
    assert {m["proposal"] for m in run.json()["matches"]} == {"2026-formula"}
    assert "expired-proposal" in run.stderr
    kept = cli("rank", expired, current, "--include-expired", "-f", "json", *TODAY)
    assert {m["proposal"] for m in kept.json()["matches"]} == {"2026-formula", "2025-expired"}


@pytest.mark.parametrize("command", [["rank"], ["allocate"], ["sensitivity", "--draws", "5"]])
def test_a_run_whose_every_proposal_expired_says_so_not_an_empty_answer(
    cli, command: list[str]
) -> None:
    run = cli(*command, str(HOSTILE / "expired.yaml"), *TODAY)
    assert run.exit_code == 1
    assert "no-current-proposals" in run.stderr and "--include-expired" in run.stderr


def test_an_abolished_region_is_read_with_its_successors_named(cli) -> None:
    run = cli("rank", str(HOSTILE / "abolished-region.yaml"), *TODAY)
    assert "abolished-region" in run.stderr and "제물포구 (28125)" in run.stderr


@pytest.mark.parametrize(
    ("options", "exit_code"),
    [
        (["allocate", "--lock", "2026-andong/public-meals-apples-grains=seoul-farms"], 2),
        (["allocate", "--synergy-bonus", "inf"], 2),
        (["sensitivity", "--seed", "-1"], 2),
        (["rank", "--top", "-1"], 2),
    ],
)
def test_options_that_cannot_be_honoured_are_usage_errors(
    cli, options: list[str], exit_code: int
) -> None:
    assert cli(*options, *TODAY).exit_code == exit_code


def test_a_device_is_written_into_never_replaced(cli) -> None:
    before = os.stat("/dev/null")
    assert cli("rank", "--output", "/dev/null", *TODAY).exit_code == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_diff_refuses_unbounded_input(cli, tmp_path: Path) -> None:
    saved = tmp_path / "a.json"
    saved.write_text(cli("rank", "--format", "json", *TODAY).stdout, encoding="utf-8")
    run = cli("diff", "/dev/zero", str(saved))
    assert run.exit_code == 1
