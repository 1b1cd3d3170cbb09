"""The bundled illustrative records of rounds 2024 and 2025: they pass `check` with the
proposals they name, change nothing unless --history names them, and walk through the
README's cycle: decide a round, record results, rank and allocate with history, letters,
monitor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import matchmaker
from matchmaker.bundled import (
    catalog_dir,
    past_proposals_dir,
    proposals_dir,
    records_dir,
)
from matchmaker.validation import check_catalog

TODAY = "2026-11-28"


def test_the_bundled_records_pass_check_with_the_proposals_they_name() -> None:
    result = check_catalog(
        catalog_dir(), [past_proposals_dir(), records_dir()], dt.date(2026, 11, 28)
    )
    assert [(d.file, d.line, d.code) for d in result.diagnostics] == []
    kinds = sorted({d.kind for d in result.documents if d.kind in ("decision", "result")})
    assert kinds == ["decision", "result"]


def test_every_bundled_record_says_it_is_illustrative() -> None:
    for path in sorted(records_dir().rglob("*.yaml")) + sorted(past_proposals_dir().glob("*.yaml")):
        assert "illustrative" in path.read_text("utf-8").splitlines()[0], path


def test_the_history_moves_the_pairs_it_is_about() -> None:
    run = matchmaker.load_run(today=dt.date(2026, 11, 28), history=records_dir())
    plain = matchmaker.score(matchmaker.load_run(today=dt.date(2026, 11, 28)))
    scores = matchmaker.score(run)
    assert scores.track is not None
    moved = scores.track.shift != 0
    assert moved.any()
    # urban-rural-public-meals: Wanju met 1 target in 2025 and 2 in 2026; Andong has none yet.
    assert scores.track.projects["urban-rural-public-meals"].met == 3
    assert scores.track.projects["urban-rural-public-meals"].total == 3
    row = [r.key for r in scores.demands.records].index("2026-wanju/public-meals-second-gu")
    column = scores.projects.ids.index("urban-rural-public-meals")
    assert scores.total[row, column] > plain.total[row, column]


def test_the_readme_walkthrough(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    history = str(records_dir())
    proposals = str(proposals_dir())
    assert (
        cli("allocate", proposals, "--today", TODAY, "--format", "json", "-o", "a.json").exit_code
        == 0
    )
    assert cli("record", "decision", "a.json", "--round", "2026").exit_code == 0
    decision = json.loads(Path("a.json").read_text("utf-8"))["assignments"][0]
    demand = f"{decision['proposal']}/{decision['demand']}"
    made = cli("new", "result", "--round", "2026", "--demand", demand, "--year", "2027")
    assert made.exit_code == 0, made.output
    assert Path("records", "2026", "results", f"{demand.replace('/', '.')}.2027.yaml").is_file()
    ranked = cli("rank", proposals, "--today", TODAY, "--history", history, "--format", "json")
    assert ranked.exit_code == 0
    assert any("Track record" in r for m in ranked.json()["matches"] for r in m["reasons"])
    allocated = cli(
        "allocate",
        proposals,
        "--today",
        TODAY,
        "--history",
        history,
        "--max-repeat",
        "3",
        "--format",
        "json",
    )
    assert allocated.exit_code == 0 and "repeat-cap" in allocated.json()["fairness_prices"]
    letters = cli(
        "letters",
        proposals,
        "--round",
        "2026",
        "--history",
        history,
        "--today",
        TODAY,
        "-o",
        "letters",
    )
    assert letters.exit_code == 0 and len(list(Path("letters").iterdir())) >= 10
    pages = cli(
        "letters",
        proposals,
        "--round",
        "2026",
        "--history",
        history,
        "--today",
        TODAY,
        "--format",
        "html",
        "-o",
        "letters-html",
    )
    assert pages.exit_code == 0
    assert sorted(p.stem for p in Path("letters-html").iterdir()) == sorted(
        p.stem for p in Path("letters").iterdir()
    )
    note = cli(
        "note",
        proposals,
        "--round",
        "2026",
        "--history",
        history,
        "--max-repeat",
        "3",
        "--today",
        TODAY,
        "-o",
        "note-2026.md",
    )
    assert note.exit_code == 0, note.output
    assert "## 회차별 배분" in Path("note-2026.md").read_text("utf-8")
    page = cli(
        "report",
        proposals,
        "--history",
        history,
        "--max-repeat",
        "3",
        "--draws",
        "0",
        "--today",
        TODAY,
        "-o",
        "report-2026.html",
    )
    assert page.exit_code == 0 and '<section id="history">' in Path("report-2026.html").read_text(
        "utf-8"
    )
    owed = cli("monitor", "--history", history, "--today", TODAY, "--format", "json").json()
    assert ("2025-andong/public-meals", 2026, "due") in [
        (o["demand"], o["year"], o["state"]) for o in owed["owed"]
    ]


def test_default_runs_do_not_read_the_bundled_records(cli) -> None:
    inputs = cli("rank", "--today", TODAY, "--format", "json").json()["inputs"]
    assert not any("records/" in name or "past-proposals" in name for name in inputs)
