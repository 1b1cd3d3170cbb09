"""`matchmaker check`: each rule, on a copy of the bundled catalog broken in one place."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from matchmaker.bundled import catalog_dir, profiles_dir, proposals_dir
from matchmaker.catalog import load_catalog
from matchmaker.checks import RULES
from matchmaker.diagnostics import CODES, Severity
from matchmaker.validation import check_catalog, validate_paths

TODAY = dt.date(2026, 11, 28)
MINIMAL = """kind: proposal
id: {id}
region: {region}
demands:
  - id: {demand}
    title: {title}
    description: 설명
"""


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(catalog: Path, *paths: Path) -> list[tuple[str, str, int]]:
    result = check_catalog(catalog, list(paths), TODAY)
    return [(d.code, Path(d.file).name, d.line) for d in result.diagnostics]


def _codes(catalog: Path, *paths: Path) -> set[str]:
    return {code for code, _, _ in _found(catalog, *paths)}


def test_the_bundled_catalog_and_examples_pass_cleanly() -> None:
    result = check_catalog(catalog_dir(), [proposals_dir(), profiles_dir()], TODAY)
    assert [(d.file, d.line, d.code, d.message("en")) for d in result.diagnostics] == []
    assert len(result.files) >= 4 + 14 + 8 + 3


def test_an_unbroken_copy_is_clean(catalog: Path) -> None:
    assert _found(catalog) == []


def test_every_rule_has_a_documented_code() -> None:
    for code, rule in RULES.items():
        assert code in CODES
        assert rule.doc, f"rule {code} needs a docstring"


def test_unknown_theme_with_a_suggestion(catalog: Path) -> None:
    _edit(catalog / "projects" / "seoul-farms.yaml", "return-to-farming", "return-to-farmin")
    result = check_catalog(catalog, [], TODAY)
    [finding] = result.diagnostics
    assert finding.code == "unknown-theme"
    assert finding.hint_text("en") == "did you mean 'return-to-farming'?"


def test_unknown_policy_area(catalog: Path) -> None:
    _edit(
        catalog / "projects" / "seoul-farms.yaml",
        "policy_area: urban-rural-jobs",
        "policy_area: urban-jobs",
    )
    assert _codes(catalog) == {"unknown-policy-area"}


def test_dangling_complement(catalog: Path) -> None:
    path = catalog / "projects" / "next-local.yaml"
    text = path.read_text(encoding="utf-8")
    assert "complements:" in text
    _edit(path, "complements: [", "complements: [no-such-project, ")
    assert _codes(catalog) == {"unknown-project"}


def test_self_complement(catalog: Path) -> None:
    _edit(catalog / "projects" / "next-local.yaml", "complements: [", "complements: [next-local, ")
    assert _codes(catalog) == {"self-complement"}


def test_duplicate_project_id_across_files(catalog: Path) -> None:
    shutil.copy(catalog / "projects" / "next-local.yaml", catalog / "projects" / "copy.yaml")
    assert _codes(catalog) == {"duplicate-catalog-id", "project-file-name"}


def test_duplicate_theme_id(catalog: Path) -> None:
    _edit(catalog / "themes.yaml", "- id: housing", "- id: jobs")
    assert "duplicate-id" in _codes(catalog)


def test_budget_min_above_max(catalog: Path) -> None:
    _edit(
        catalog / "projects" / "seoul-farms.yaml",
        "budget_per_region: {max: 700000000}",
        "budget_per_region: {min: 800000000, max: 700000000}",
    )
    assert _codes(catalog) == {"budget-range"}


def test_a_problem_must_cite_one_of_its_projects_sources(catalog: Path) -> None:
    _edit(
        catalog / "projects" / "seoul-farms.yaml",
        'source: "https://moduuri1004.tistory.com/11827266"',
        'source: "https://example.org/not-a-source-of-this-project"',
    )
    assert _codes(catalog) == {"problem-source"}


def test_non_positive_capacity_is_a_schema_error(catalog: Path) -> None:
    path = catalog / "projects" / "seoul-farms.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "capacity: 0\n", encoding="utf-8")
    assert _codes(catalog) == {"out-of-range"}


def test_tie_to_an_unknown_region(catalog: Path) -> None:
    _edit(catalog / "ties.yaml", 'region: "52710"', 'region: "52999"')
    assert _codes(catalog) == {"tie-reference"}


def test_tie_whose_seoul_side_is_not_seoul(catalog: Path) -> None:
    _edit(catalog / "ties.yaml", 'seoul_party: "11740"', 'seoul_party: "26110"')
    assert _codes(catalog) == {"tie-reference"}


def _proposal(folder: Path, name: str, **fields: str) -> Path:
    values = {"id": name, "region": "완주군", "demand": "meals", "title": "공공급식", **fields}
    path = folder / f"{name}.yaml"
    path.write_text(MINIMAL.format(**values), encoding="utf-8")
    return path


def test_unknown_region_suggests_the_closest(catalog: Path, tmp_path: Path) -> None:
    path = _proposal(tmp_path, "p1", region="완쥬군")
    result = check_catalog(catalog, [path], TODAY)
    [finding] = result.diagnostics
    assert (finding.code, finding.line, finding.column) == ("unknown-region", 3, 9)
    assert "완주군" in (finding.hint_text("en") or "")


def test_ambiguous_region_lists_candidates_with_provinces(catalog: Path, tmp_path: Path) -> None:
    path = _proposal(tmp_path, "p1", region="중구")
    [finding] = check_catalog(catalog, [path], TODAY).diagnostics
    assert finding.code == "ambiguous-region"
    message = finding.message("ko")
    assert "서울특별시" in message and "부산광역시" in message


def test_qualified_names_resolve(catalog: Path, tmp_path: Path) -> None:
    paths = [
        _proposal(tmp_path, "p1", region="부산 중구"),
        _proposal(tmp_path, "p2", region='"Jung-gu, Busan"', demand="other", title="x"),
    ]
    assert _found(catalog, *paths) == []
    index = load_catalog(catalog)[0].region_index  # type: ignore[union-attr]
    assert {
        index.resolve(name).region.code  # type: ignore[union-attr]
        for name in ("부산 중구", "Jung-gu, Busan")
    } == {"26110"}


def test_former_code_is_a_warning(catalog: Path, tmp_path: Path) -> None:
    path = _proposal(tmp_path, "p1", region="45710")
    result = check_catalog(catalog, [path], TODAY)
    [finding] = result.diagnostics
    assert finding.code == "outdated-region-code" and finding.level is Severity.WARNING
    assert "52710" in finding.message("en")


def test_two_proposals_from_one_region_for_the_same_demand(catalog: Path, tmp_path: Path) -> None:
    first = _proposal(tmp_path, "a-first")
    second = _proposal(tmp_path, "b-second", region="52710", demand="other", title="공공 급식")
    assert _found(catalog, first, second) == [("repeated-demand", "b-second.yaml", 5)]


def test_duplicate_proposal_ids(catalog: Path, tmp_path: Path) -> None:
    first = _proposal(tmp_path, "a-first")
    (tmp_path / "other").mkdir()
    second = _proposal(tmp_path / "other", "a-first", region="안동시")
    assert _codes(catalog, first, second) == {"duplicate-proposal-id"}


def test_expired_proposal(catalog: Path, tmp_path: Path) -> None:
    path = _proposal(tmp_path, "p1")
    path.write_text(
        path.read_text(encoding="utf-8") + "valid_until: 2026-06-30\n", encoding="utf-8"
    )
    assert _found(catalog, path) == [("expired-proposal", "p1.yaml", 8)]
    assert check_catalog(catalog, [path], dt.date(2026, 6, 30)).diagnostics == []


def test_implausible_start_and_target_years(catalog: Path, tmp_path: Path) -> None:
    path = _proposal(tmp_path, "p1")
    path.write_text(
        path.read_text(encoding="utf-8") + "    start: 2019\n"
        "    outcomes: [{indicator: 시설 수, by: 2018}]\n",
        encoding="utf-8",
    )
    assert _found(catalog, path) == [
        ("implausible-years", "p1.yaml", 8),
        ("implausible-years", "p1.yaml", 9),
    ]


def test_validate_resolves_names_against_the_catalog(tmp_path: Path) -> None:
    path = _proposal(tmp_path, "p1", region="완쥬군")
    path.write_text(
        path.read_text(encoding="utf-8") + "    themes: [public-meal]\n", encoding="utf-8"
    )
    result = validate_paths([path], catalog_dir(), TODAY)
    assert sorted(d.code for d in result.diagnostics) == ["unknown-region", "unknown-theme"]


def test_check_cli_exit_status_and_formats(cli, tmp_path: Path) -> None:
    assert cli("check", "--today", "2026-11-28").exit_code == 0
    bad = _proposal(tmp_path, "p1", region="중구")
    run = cli(
        "check",
        "--catalog",
        str(catalog_dir()),
        str(bad),
        "--format",
        "json",
        "--today",
        "2026-11-28",
    )
    assert run.exit_code == 1
    assert [d["code"] for d in run.json()["diagnostics"]] == ["ambiguous-region"]
    assert cli("check", "--today", "yesterday").exit_code == 2


def test_check_with_no_arguments_checks_this_folders_own_files(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A user's repository with a broken proposal: `check` alone must not pass it by
    # checking only the bundled examples.
    (tmp_path / "proposals").mkdir()
    (tmp_path / "proposals" / "p.yaml").write_text("kind: proposal\nid: p\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--today", "2026-11-28")
    assert run.exit_code == 1 and "p.yaml" in run.output


def test_check_of_bundled_data_only_says_so_and_needs_bundled_under_ci(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    local = cli("check", "--today", "2026-11-28", env={"CI": ""})
    assert local.exit_code == 0 and "checked the bundled catalog and examples only" in (
        local.stderr
    )
    assert cli("check", "--today", "2026-11-28", env={"CI": "true"}).exit_code == 2
    assert cli("check", "--bundled", "--today", "2026-11-28", env={"CI": "true"}).exit_code == 0


RECORD_DECISION = """\
kind: decision
round: 2026
pairs:
  - {demand: 2026-wanju/public-meals-second-gu, project: urban-rural-public-meals}
"""
RECORD_RESULT = """\
kind: result
round: 2026
demand: 2026-wanju/{demand}
project: urban-rural-public-meals
year: 2027
indicators:
  - {{indicator: living-population, target: 82000, actual: 83000, evidence: [{{title: MOIS}}]}}
"""


def test_records_folder_is_checked_with_this_folders_proposals(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(proposals_dir(), tmp_path / "proposals")
    shutil.copytree(catalog_dir(), tmp_path / "catalog")
    results = tmp_path / "records" / "2026" / "results"
    results.mkdir(parents=True)
    (tmp_path / "records" / "2026" / "decision.yaml").write_text(RECORD_DECISION, "utf-8")
    (results / "a.yaml").write_text(RECORD_RESULT.format(demand="public-meals-second-gu"), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "--today", "2026-11-28").exit_code == 0
    (results / "b.yaml").write_text(RECORD_RESULT.format(demand="youth-farmstay"), "utf-8")
    run = cli("check", "--today", "2026-11-28", "--format", "json")
    assert run.exit_code == 1
    found = [(Path(d["file"]).name, d["line"], d["code"]) for d in run.json()["diagnostics"]]
    assert found == [("b.yaml", 4, "unfunded-result")]


def test_the_bundled_indicators_are_checked_and_sourced() -> None:
    result = check_catalog(catalog_dir(), [], TODAY)
    assert any(Path(name).name == "indicators.yaml" for name in result.files)
    loaded, _ = load_catalog(catalog_dir())
    assert loaded is not None and loaded.indicators is not None
    assert "living-population" in loaded.indicator_ids
    assert all(indicator.source for indicator in loaded.indicators.indicators)
