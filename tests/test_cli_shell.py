"""The one command shell (matchmaker/cli/shell.py): every command stops the same way."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
import typer

from matchmaker.bundled import catalog_dir, proposals_dir
from matchmaker.cli.shell import write_or_exit

TODAY = ("--today", "2026-11-28")


@pytest.fixture
def broken_catalog(tmp_path: Path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), copy)
    (copy / "themes.yaml").write_text("kind: themes\nthemes: [\n", encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    "command", [["regions", "완주"], ["schema", "proposal"], ["new", "proposal"], ["rank", *TODAY]]
)
def test_a_broken_catalog_is_reported_on_stderr_and_exits_1(
    cli, broken_catalog: Path, command: list[str]
) -> None:
    run = cli(*command, "--catalog", str(broken_catalog))
    assert run.exit_code == 1
    assert "themes.yaml" in run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize("command", [["rank", *TODAY], ["new", "proposal"]])
def test_an_ambiguous_region_is_a_usage_error_in_every_command(cli, command: list[str]) -> None:
    run = cli(*command, "--region", "중구")
    assert run.exit_code == 2
    assert "11140" in run.stderr and "26110" in run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize(
    "command",
    [
        ["rank", "--project", "seoul-farm"],
        ["allocate", "--capacity", "seoul-farm=2"],
        ["allocate", "--lock", "2026-wanju/youth-farmstay=seoul-farm"],
        ["explain", "2026-wanju/youth-farmstay", "seoul-farm"],
    ],
)
def test_an_unknown_project_is_a_usage_error_with_a_suggestion(cli, command: list[str]) -> None:
    run = cli(*command, *TODAY)
    assert run.exit_code == 2
    assert "no project 'seoul-farm' in the catalog (did you mean 'seoul-farms'?)" in run.stderr


def test_an_os_error_writing_output_is_exit_1_with_the_reason(cli, tmp_path: Path) -> None:
    # The temporary file's name ('.NAME.XXXXXXXX.tmp') is too long for the file system.
    target = tmp_path / ("x" * 245 + ".json")
    run = cli("rank", "--format", "json", "--output", str(target), *TODAY)
    assert run.exit_code == 1
    assert "cannot write" in run.stderr and "File name too long" in run.stderr
    assert "bug" not in run.output
    assert list(tmp_path.iterdir()) == []


def test_a_closed_stdout_is_exit_1_not_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stdout", closed)
    with pytest.raises(typer.Exit) as stopped:
        write_or_exit("text", None, "en")
    assert stopped.value.exit_code == 1
    assert "cannot write <stdout>" in capsys.readouterr().err


def test_output_onto_an_input_is_refused(cli, tmp_path: Path) -> None:
    proposal = tmp_path / "p.yaml"
    shutil.copy(proposals_dir() / "2026-wanju.yaml", proposal)
    before = proposal.read_bytes()
    run = cli("rank", str(proposal), "--output", str(proposal), *TODAY)
    assert run.exit_code == 2
    assert "--output would overwrite an input file" in run.stderr
    assert proposal.read_bytes() == before


def test_output_onto_an_input_through_a_link_or_another_spelling_is_refused(
    cli, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    proposal = folder / "p.yaml"
    shutil.copy(proposals_dir() / "2026-wanju.yaml", proposal)
    before = proposal.read_bytes()
    link = tmp_path / "link.yaml"
    link.symlink_to(proposal)
    for target in (link, folder / ".." / "in" / "p.yaml"):
        run = cli("rank", str(folder), "--output", str(target), *TODAY)
        assert run.exit_code == 2, target
        assert "--output would overwrite an input file" in run.stderr
    assert proposal.read_bytes() == before


def test_an_existing_output_that_is_no_input_is_replaced(cli, tmp_path: Path) -> None:
    proposal = tmp_path / "p.yaml"
    shutil.copy(proposals_dir() / "2026-wanju.yaml", proposal)
    output = tmp_path / "out.json"
    output.write_text("old", encoding="utf-8")
    run = cli("rank", str(proposal), "--output", str(output), "--format", "json", *TODAY)
    assert run.exit_code == 0
    assert output.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("command", ["rank", "allocate", "sensitivity", "report"])
def test_a_folder_without_proposals_is_an_input_error_not_a_bug(
    cli, tmp_path: Path, command: str
) -> None:
    extra = ["--output", str(tmp_path / "r.html")] if command == "report" else []
    run = cli(command, str(tmp_path), *extra, *TODAY)
    assert run.exit_code == 1
    assert "no-proposals" in run.stderr and "bug" not in run.output


@pytest.mark.parametrize(
    "option",
    [
        ["allocate", "--synergy-bonus", "inf"],
        ["allocate", "--synergy-bonus", "nan"],
        ["allocate", "--synergy-bonus", "1e300"],
        ["allocate", "--time-limit", "inf"],
        ["sensitivity", "--seed", "-1"],
        ["sensitivity", "--draws", "10000000"],
        ["report", "--seed", "-1", "--output", "r.html"],
    ],
)
def test_every_numeric_option_is_bounded(cli, option: list[str]) -> None:
    run = cli(*option, *TODAY)
    assert run.exit_code == 2
    assert "Invalid value" in run.output and "bug" not in run.output


def test_a_catalog_check_rejects_stops_every_command(cli, tmp_path: Path) -> None:
    # A tie naming a project the catalog lacks: `check` reports it, so `rank` must not
    # rank against that catalog.
    copy = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), copy)
    ties = copy / "ties.yaml"
    ties.write_text(
        ties.read_text(encoding="utf-8").replace(
            "project: urban-rural-public-meals", "project: no-such-project", 1
        ),
        encoding="utf-8",
    )
    assert cli("check", "--catalog", str(copy), *TODAY).exit_code == 1
    run = cli("rank", "--catalog", str(copy), *TODAY)
    assert run.exit_code == 1 and "tie-reference" in run.stderr and run.stdout == ""


def test_a_stdout_encoding_that_cannot_hold_the_output_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp949"))
    with pytest.raises(typer.Exit) as stopped:
        write_or_exit("완주군 — ✓\n", None, "en")
    assert stopped.value.exit_code == 1
    assert "(cp949) cannot hold this output" in capsys.readouterr().err
    assert raw.getvalue() == b""


def test_a_bundled_profile_is_reachable_by_name_from_any_folder(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("rank", "--profile", "long-term-first", "--format", "json", *TODAY)
    assert run.json()["profile"]["id"] == "long-term-first"
    missing = cli("rank", "--profile", "nope", *TODAY)
    assert missing.exit_code == 2
    assert "no bundled profile of that name (decline-areas, default, long-term-first)" in (
        missing.stderr
    )


def test_a_project_is_named_by_its_id_or_its_name_as_the_tables_show_it(cli) -> None:
    by_id = cli("rank", *TODAY, "--project", "seoul-farms", "--format", "json")
    for name in ("서울농장", "서울 농장"):
        by_name = cli("rank", *TODAY, "--project", name, "--format", "json")
        assert by_name.exit_code == 0
        assert by_name.json()["matches"] == by_id.json()["matches"]
    explained = cli("explain", *TODAY, "2026-andong/hanok-stay", "서울농장")
    assert explained.exit_code == 0
    assert "seoul-farms" in explained.stdout


def test_a_lock_by_name_is_recorded_by_id(cli) -> None:
    run = cli(
        "allocate",
        *TODAY,
        "--lock",
        "2026-andong/hanok-stay=서울농장",
        "--capacity",
        "서울농장=3",
        "--format",
        "json",
    )
    assert run.exit_code == 0
    options = run.json()["options"]
    assert options["locks"] == ["2026-andong/hanok-stay=seoul-farms"]
    assert options["capacities"] == {"seoul-farms": 3}


def test_a_misspelt_project_name_is_a_usage_error_suggesting_the_name(cli) -> None:
    run = cli("rank", *TODAY, "--project", "서울농쟝", "--lang", "ko")
    assert run.exit_code == 2
    assert "'서울농장'을(를) 찾으셨나요?" in run.stderr


def test_a_name_two_projects_share_is_ambiguous(cli, tmp_path: Path) -> None:
    copy = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), copy)
    path = copy / "projects" / "arts-touring.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("name:")
    end = text.index("\n", text.index("ko:", start))
    path.write_text(text[:start] + "name: {ko: 서울농장}" + text[end:], encoding="utf-8")
    run = cli("rank", *TODAY, "--catalog", str(copy), "--project", "서울농장")
    assert run.exit_code == 2
    assert "arts-touring, seoul-farms" in run.stderr
