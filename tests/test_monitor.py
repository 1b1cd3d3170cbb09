"""`matchmaker monitor`: the results funded pairs owe (due, then late after the year and
its grace period) and attainment per project and region."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from matchmaker.bundled import catalog_dir
from matchmaker.catalog import load_catalog
from matchmaker.records.history import load_history
from matchmaker.records.monitor import monitor

DECISION = """\
kind: decision
round: 2026
pairs:
  - {demand: 2026-wanju/meals, project: urban-rural-public-meals, region: "52710"}
  - {demand: 2026-sinan/pairing, project: community-pairing, region: "46910"}
"""
RESULT = """\
kind: result
round: 2026
demand: 2026-wanju/meals
project: urban-rural-public-meals
year: 2027
indicators:
  - {indicator: living-population, target: 100, actual: 120, evidence: [{title: MOIS}]}
  - indicator: registered-population
    baseline: 90
    target: 95
    actual: 93
    evidence: [{title: MOIS}]
continued_after_support: true
"""


@pytest.fixture
def records(tmp_path: Path) -> Path:
    folder = tmp_path / "records" / "2026"
    (folder / "results").mkdir(parents=True)
    (folder / "decision.yaml").write_text(DECISION, "utf-8")
    return tmp_path / "records"


def _owed(records: Path, today: dt.date) -> list[tuple[str, int, str]]:
    catalog, _ = load_catalog(catalog_dir())
    assert catalog is not None
    history, problems, _ = load_history(records)
    assert problems == []
    found = monitor(history, catalog.projects, today)
    return [(o.demand, o.year, o.state) for o in found.owed]


def test_a_year_is_due_then_late_after_its_grace_period(records: Path) -> None:
    # urban-rural-public-meals publishes no commitment: one year; community-pairing: 3.
    assert _owed(records, dt.date(2027, 6, 1)) == [
        ("2026-sinan/pairing", 2027, "due"),
        ("2026-wanju/meals", 2027, "due"),
    ]
    assert _owed(records, dt.date(2028, 3, 30)) == [
        ("2026-sinan/pairing", 2027, "due"),
        ("2026-wanju/meals", 2027, "due"),
        ("2026-sinan/pairing", 2028, "due"),
    ]
    assert _owed(records, dt.date(2028, 3, 31)) == [
        ("2026-sinan/pairing", 2027, "late"),
        ("2026-wanju/meals", 2027, "late"),
        ("2026-sinan/pairing", 2028, "due"),
    ]


def test_a_recorded_result_is_no_longer_owed(records: Path) -> None:
    (records / "2026" / "results" / "wanju-2027.yaml").write_text(RESULT, "utf-8")
    assert _owed(records, dt.date(2030, 6, 1)) == [
        ("2026-sinan/pairing", 2027, "late"),
        ("2026-sinan/pairing", 2028, "late"),
        ("2026-sinan/pairing", 2029, "late"),
    ]


def test_the_command_lists_what_is_late_and_attainment(cli, records: Path) -> None:
    (records / "2026" / "results" / "wanju-2027.yaml").write_text(RESULT, "utf-8")
    args = ("monitor", "--history", str(records), "--today", "2028-04-01")
    found = cli(*args, "--format", "json").json()
    assert [(o["demand"], o["year"], o["state"]) for o in found["owed"]] == [
        ("2026-sinan/pairing", 2027, "late"),
        ("2026-sinan/pairing", 2028, "due"),
    ]
    attainment = found["attainment"]
    assert attainment["by_project"]["urban-rural-public-meals"] == {
        "met": 1,
        "of": 2,
        "share": 0.5,
        "years": [2027],
    }
    assert attainment["by_region"]["52710"]["met"] == 1
    assert attainment["continued_after_support"]["urban-rural-public-meals"]["met"] == 1
    table = cli(*args, "--lang", "ko").stdout
    assert "지연" in table and "완주군" in table and "1/2" in table


def test_a_broken_record_stops_it_with_its_position(cli, records: Path) -> None:
    broken = RESULT.replace("actual: 120, evidence: [{title: MOIS}]", "actual: 120, evidence: []")
    (records / "2026" / "results" / "wanju-2027.yaml").write_text(broken, "utf-8")
    run = cli("monitor", "--history", str(records), "--today", "2028-04-01")
    assert run.exit_code == 1 and "wanju-2027.yaml:7:" in run.stderr
