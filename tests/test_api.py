"""The library a notebook uses (matchmaker/api.py, re-exported by `import matchmaker`)."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import matchmaker

TODAY = dt.date(2026, 11, 28)


def test_the_library_reproduces_rank_json_byte_for_byte(cli) -> None:
    run = matchmaker.load_run(today=TODAY)
    text = matchmaker.to_json(matchmaker.rank(run, top=3))
    assert text == cli("rank", "--format", "json", "--today", TODAY.isoformat()).stdout


def test_the_library_finds_the_clusters_gaps_prints(cli) -> None:
    from matchmaker.render.gaps import render_json
    from matchmaker.render.survey import render_json as survey_json

    run = matchmaker.load_run(today=TODAY)
    scores = matchmaker.score(run)
    found = json.loads(render_json(matchmaker.find_gaps(run, scores=scores)))
    printed = cli("gaps", "--format", "json", "--today", TODAY.isoformat()).json()
    assert found["clusters"] == printed["clusters"] and found["inputs"] == printed["inputs"]
    counted = json.loads(survey_json(matchmaker.survey(run, scores=scores)))
    printed = cli("survey", "--format", "json", "--today", TODAY.isoformat()).json()
    assert counted["sections"] == printed["sections"]


def test_the_library_refuses_an_unknown_region_for_gaps() -> None:
    run = matchmaker.load_run(today=TODAY)
    with pytest.raises(ValueError, match="없는군"):
        matchmaker.find_gaps(run, regions=["없는군"])


def test_importing_matchmaker_loads_no_heavy_module() -> None:
    code = (
        "import sys, matchmaker\n"
        "heavy = [m for m in ('numpy', 'pydantic', 'matchmaker.api') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_a_file_with_errors_raises_with_its_diagnostics(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: proposal\nid: x\nregion: 완주군\n", encoding="utf-8")
    with pytest.raises(matchmaker.InvalidInputs) as raised:
        matchmaker.load_run([broken], today=TODAY)
    assert raised.value.diagnostics
    assert str(broken) in str(raised.value)


def test_names_that_do_not_resolve_raise_value_error() -> None:
    run = matchmaker.load_run(today=TODAY)
    with pytest.raises(ValueError, match="ambiguous"):
        matchmaker.rank(run, regions=["중구"])
    with pytest.raises(ValueError, match="seoul-farm"):
        matchmaker.rank(run, projects=["seoul-farm"])


def test_allocate_sensitivity_and_report_share_one_scoring() -> None:
    run = matchmaker.load_run(today=TODAY)
    scores = matchmaker.score(run)
    result = matchmaker.allocate(run, scores=scores)
    assert result.assignments
    found = matchmaker.sensitivity(run, draws=10, scores=scores)
    assert {s.demand_key for s in found} == {r.key for r in run.records()}
    # The report subpackage, once imported, must not shadow the library's function.
    importlib.import_module("matchmaker.report.data")
    page = matchmaker.make_report(run, draws=0)
    assert isinstance(page, str) and page.startswith("<!DOCTYPE html>")
