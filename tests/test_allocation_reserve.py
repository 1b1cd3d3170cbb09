"""The reserve list carried into the next round: `allocate --history` reports which of
the previous round's reserve demands reappear (same region, and the same demand id or a
title at least 90% the same), and favours them only when `--reserve-priority` asks, at
a price reported like the other fairness rules."""

from __future__ import annotations

from pathlib import Path

import pytest

TODAY = "2026-11-28"
BUDGET = "1000000000"  # leaves both Wanju demands below unfunded for the budget
# Round 2025's reserve, written by hand against the bundled 2026 proposals:
RESERVE = """\
kind: decision
round: 2025
pairs: []
reserve:
  # the same region and the same demand id, under last year's proposal id
  - demand: 2025-wanju/public-meals-second-gu
    project: urban-rural-public-meals
    region: "52710"
    score: 40.1
  # another id, the title nearly the same (one syllable more)
  - demand: 2025-wanju/farm-kids
    project: seoul-farms
    region: "52710"
    score: 30.5
    title: 서울 초등학생들 농촌 체험학습과 팜스테이
  # the same demand id in another region: not the same demand
  - {demand: 2025-sinan/public-meals-second-gu, region: "46910", score: 20.0}
  # the same region, a title only loosely alike: not the same demand
  - {demand: 2025-wanju/meals-other, region: "52710", title: 공공급식 공급 확대}
"""
CARRIED = {
    "2026-wanju/public-meals-second-gu": ("2025-wanju/public-meals-second-gu", "id"),
    "2026-wanju/youth-farmstay": ("2025-wanju/farm-kids", "title"),
}


@pytest.fixture
def records(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "decision.yaml").write_text(RESERVE, "utf-8")
    return folder


def _allocate(cli, *args: str) -> dict:
    run = cli("allocate", "--today", TODAY, "--budget", BUDGET, "--format", "json", *args)
    assert run.exit_code == 0, run.output
    return run.json()


def test_the_reserve_demands_that_reappear_are_reported_and_nothing_changes(
    cli, records: Path
) -> None:
    plain = _allocate(cli)
    found = _allocate(cli, "--history", str(records))
    carried = found["reserve_carried"]
    assert carried["round"] == 2025 and carried["reserve"] == 4 and carried["priority"] is None
    assert {d["demand"]: (d["earlier"], d["matched_by"]) for d in carried["demands"]} == CARRIED
    [by_title] = [d for d in carried["demands"] if d["matched_by"] == "title"]
    assert 90 <= by_title["similarity"] < 100

    # Never silently: found, reported, and the allocation is the one without the records
    # (their reasons add only "Track record: none in the records given").
    def pairs(allocation: dict) -> list[tuple[str, str, str, float]]:
        return [
            (a["proposal"], a["demand"], a["project"], a["score"])
            for a in allocation["assignments"]
        ]

    assert pairs(found) == pairs(plain)
    assert found["objective"] == plain["objective"]
    assert "reserve-priority" not in found["fairness_prices"]
    unfunded = {f"{u['proposal']}/{u['demand']}": u["code"] for u in found["unassigned"]}
    assert {unfunded[key] for key in CARRIED} == {"budget"}


def test_reserve_priority_funds_them_and_its_price_is_what_it_cost(cli, records: Path) -> None:
    free = _allocate(cli, "--history", str(records))
    asked = _allocate(cli, "--history", str(records), "--reserve-priority", "1")
    given = {f"{a['proposal']}/{a['demand']}" for a in asked["assignments"]}
    assert set(CARRIED) <= given
    assert asked["reserve_carried"]["priority"] == 1.0
    assert asked["options"]["reserve_priority"] == 1.0
    price = asked["fairness_prices"]["reserve-priority"]
    # The price is the objective lost against the same run without the rule.
    assert price == pytest.approx(free["objective"] - asked["objective"], abs=1e-3)
    assert price > 0
    # Half of two carried demands is one: the rule asks for one, and the cheaper one wins.
    half = _allocate(cli, "--history", str(records), "--reserve-priority", "0.5")
    assert len(set(CARRIED) & {f"{a['proposal']}/{a['demand']}" for a in half["assignments"]}) >= 1
    assert 0 < half["fairness_prices"]["reserve-priority"] <= price


def test_the_table_says_it_in_one_line(cli, records: Path) -> None:
    run = cli("allocate", "--today", TODAY, "--history", str(records), "--lang", "en")
    assert run.exit_code == 0, run.output
    assert (
        "Reserve list of round 2025: 2 of its 4 demand(s) reappear in this round: "
        "2026-wanju/public-meals-second-gu (← 2025-wanju/public-meals-second-gu), "
        "2026-wanju/youth-farmstay (← 2025-wanju/farm-kids); no priority given."
    ) in run.stdout


def test_without_history_there_is_no_reserve_section_and_the_option_is_refused(cli) -> None:
    assert "reserve_carried" not in _allocate(cli)
    run = cli("allocate", "--today", TODAY, "--reserve-priority", "0.5")
    assert run.exit_code == 2
    assert "--reserve-priority needs --history" in run.stderr


def test_record_decision_writes_the_reserve_titles(cli, tmp_path: Path, monkeypatch) -> None:
    import yaml

    from matchmaker.bundled import examples_dir

    monkeypatch.chdir(tmp_path)
    saved = tmp_path / "allocate.json"
    saved.write_text(
        cli("allocate", "--today", TODAY, "--budget", BUDGET, "--format", "json").stdout
    )
    run = cli("record", "decision", str(saved), "--round", "2026", "--output", "-")
    assert run.exit_code == 0, run.output
    decision = yaml.safe_load(run.stdout)
    titles = {entry["demand"]: entry.get("title") for entry in decision["reserve"]}
    proposal = yaml.safe_load((examples_dir() / "proposals" / "2026-wanju.yaml").read_text("utf-8"))
    expected = {d["id"]: d["title"] for d in proposal["demands"]}
    assert titles["2026-wanju/youth-farmstay"] == expected["youth-farmstay"]
    assert all(title for title in titles.values())
