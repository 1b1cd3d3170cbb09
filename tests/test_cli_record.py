"""`matchmaker record decision` and `matchmaker new result`: a round's decision written
from a saved allocation (refused when its inputs changed), and a result to fill in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from matchmaker.bundled import proposals_dir
from matchmaker.loading.documents import load_file
from matchmaker.models import Decision, Result

TODAY = "2026-11-28"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A planner's folder: the example proposals, and an allocation saved from them."""
    shutil.copytree(proposals_dir(), tmp_path / "proposals")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _allocate(cli, *extra: str) -> dict:
    run = cli("allocate", "proposals", "--today", TODAY, "--format", "json", "-o", "a.json", *extra)
    assert run.exit_code == 0, run.output
    return json.loads(Path("a.json").read_text("utf-8"))


def test_the_decision_records_the_allocations_pairs_amounts_and_inputs(cli, here: Path) -> None:
    allocation = _allocate(cli)
    run = cli("record", "decision", "a.json", "--round", "2026", "--decided", "2026-12-15")
    assert run.exit_code == 0, run.output
    loaded = load_file(here / "records" / "2026" / "decision.yaml")
    assert loaded.ok and isinstance(loaded.model, Decision)
    decision = loaded.model
    assert decision.round == 2026 and decision.decided is not None
    assert decision.inputs == allocation["inputs"]
    assert any(name.startswith("proposals/") for name in decision.inputs)
    expected = sorted(
        (f"{a['proposal']}/{a['demand']}", a["project"], a["cost"], a["score"])
        for a in allocation["assignments"]
    )
    recorded = sorted((p.demand, p.project, p.amount, p.score) for p in decision.pairs)
    assert recorded == expected


def test_an_allocation_whose_proposal_changed_is_refused(cli, here: Path) -> None:
    _allocate(cli)
    wanju = here / "proposals" / "2026-wanju.yaml"
    wanju.write_text(wanju.read_text("utf-8") + "# edited after the run\n", "utf-8")
    run = cli("record", "decision", "a.json", "--round", "2026")
    assert run.exit_code == 1
    assert "proposals/2026-wanju.yaml: content changed" in run.stderr
    assert not (here / "records").exists()


def test_an_allocation_whose_proposal_is_gone_is_refused(cli, here: Path) -> None:
    _allocate(cli)
    (here / "proposals" / "2026-sinan.yaml").unlink()
    run = cli("record", "decision", "a.json", "--round", "2026")
    assert run.exit_code == 1 and "proposals/2026-sinan.yaml: missing" in run.stderr


def test_a_rank_output_or_broken_json_is_not_a_decision(cli, here: Path) -> None:
    assert (
        cli("rank", "proposals", "--today", TODAY, "--format", "json", "-o", "r.json").exit_code
        == 0
    )
    run = cli("record", "decision", "r.json", "--round", "2026")
    assert run.exit_code == 1 and "not an allocate output" in run.stderr
    Path("bad.json").write_text('{"version": 1, "assignments": [', "utf-8")
    run = cli("record", "decision", "bad.json", "--round", "2026")
    assert run.exit_code == 1 and "bad.json:1:" in run.stderr and "not valid JSON" in run.stderr


def test_a_recorded_decision_is_replaced_only_with_force(cli, here: Path) -> None:
    _allocate(cli)
    assert cli("record", "decision", "a.json", "--round", "2026").exit_code == 0
    again = cli("record", "decision", "a.json", "--round", "2026")
    assert again.exit_code == 1 and "--force" in again.stderr
    assert cli("record", "decision", "a.json", "--round", "2026", "--force").exit_code == 0


def test_new_result_scaffolds_a_file_for_a_funded_pair(cli, here: Path) -> None:
    allocation = _allocate(cli)
    assert cli("record", "decision", "a.json", "--round", "2026").exit_code == 0
    first = allocation["assignments"][0]
    demand = f"{first['proposal']}/{first['demand']}"
    run = cli(
        "new", "result", "--round", "2026", "--demand", demand, "--year", "2027", "-o", "r.yaml"
    )
    assert run.exit_code == 0, run.output
    # Unfinished, it must not pass: the indicator is the blank to fill in.
    unfinished = load_file(here / "r.yaml")
    assert not unfinished.ok
    assert [(d.line, d.code) for d in unfinished.diagnostics] == [(11, "out-of-range")]
    text = (
        (here / "r.yaml")
        .read_text("utf-8")
        .replace('indicator: ""', "indicator: living-population")
    )
    (here / "r.yaml").write_text(text, "utf-8")
    filled = load_file(here / "r.yaml")
    assert filled.ok and isinstance(filled.model, Result)
    assert filled.model.pair == (2026, demand, first["project"]) and filled.model.year == 2027


def test_new_result_refuses_an_unfunded_demand_or_a_missing_decision(cli, here: Path) -> None:
    run = cli("new", "result", "--round", "2026", "--demand", "2026-wanju/x", "--year", "2027")
    assert run.exit_code == 2 and "record decision" in run.stderr
    _allocate(cli)
    assert cli("record", "decision", "a.json", "--round", "2026").exit_code == 0
    funded = load_file(here / "records" / "2026" / "decision.yaml").model
    assert isinstance(funded, Decision)
    demand = funded.pairs[0].demand
    run = cli("new", "result", "--round", "2026", "--demand", demand + "x", "--year", "2027")
    assert run.exit_code == 2 and f"did you mean '{demand}'?" in run.stderr
