"""allocate across rounds: a cap for repeat recipients and a share for regions never
served, each priced like the other fairness rules; a re-run that keeps a decision's
pairs; and alternates. The fairness case is small enough to check by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

PROPOSAL = """\
kind: proposal
id: 2027-{name}
region: "{code}"
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 관내 친환경 농산물을 서울 자치구 어린이집 공공급식에 안정적으로 공급하고 싶습니다.
    themes: [public-meals]
    modes: [procurement]
"""
PROJECT = "urban-rural-public-meals"
TODAY = "2026-11-28"


@pytest.fixture
def run(cli, tmp_path: Path):
    """Two regions asking the same thing of one project with room for one."""
    for name, code in (("wanju", "52710"), ("sinan", "46910")):
        (tmp_path / "proposals").mkdir(exist_ok=True)
        (tmp_path / "proposals" / f"{name}.yaml").write_text(
            PROPOSAL.format(name=name, code=code), "utf-8"
        )

    def allocate(*extra: str) -> dict:
        result = cli(
            "allocate",
            str(tmp_path / "proposals"),
            "--today",
            TODAY,
            "--capacity",
            f"{PROJECT}=1",
            "--format",
            "json",
            *extra,
        )
        assert result.exit_code == 0, result.output
        return result.json()

    return allocate


def _history(tmp_path: Path, region: str) -> Path:
    folder = tmp_path / "records" / "2026"
    folder.mkdir(parents=True)
    (folder / "decision.yaml").write_text(
        "kind: decision\nround: 2026\npairs:\n"
        f'  - {{demand: 2026-x/y, project: sangsaeng-sanghoe, region: "{region}"}}\n',
        "utf-8",
    )
    return tmp_path / "records"


def _given(allocation: dict) -> dict[str, str]:
    return {a["region"]["code"]: a["project"] for a in allocation["assignments"]}


def _scores(cli, tmp_path: Path) -> dict[tuple[str, str], float]:
    ranked = cli(
        "rank", str(tmp_path / "proposals"), "--today", TODAY, "--top", "0", "--format", "json"
    ).json()
    return {
        (m["region"]["code"], m["project"]): m["score"]
        for m in ranked["matches"]
        if m["eligible"] and m["suitable"]
    }


@pytest.mark.parametrize("rule", [("--max-repeat", "1"), ("--min-new-share", "1")])
def test_a_repeat_recipient_gives_way_and_the_price_is_what_it_cost(
    cli, tmp_path: Path, run, rule: tuple[str, str]
) -> None:
    before = run()
    winner = next(code for code, project in _given(before).items() if project == PROJECT)
    other = "46910" if winner == "52710" else "52710"
    history = _history(tmp_path, winner)
    after = run("--history", str(history), *rule)
    # By hand: the winner was served in 2026, so under the rule it gets nothing this
    # round (a cap of 1 over all rounds, or every assignment to a region never served);
    # the other region takes the project with room for one.
    assert _given(after) == {other: PROJECT}
    [left] = after["unassigned"]
    assert left["region"]["code"] == winner and left["code"] == "fairness"
    # Its price: the winner's pair and the other's best other project, less the other's
    # pair with the project, from the run's own scores.
    score = _scores(cli, tmp_path)
    # (With `modes: [procurement]` no other project is eligible, so that term is 0 here.)
    others_best_else = max(
        (s for (code, p), s in score.items() if code == other and p != PROJECT), default=0.0
    )
    expected = score[(winner, PROJECT)] + others_best_else - score[(other, PROJECT)]
    group = "repeat-cap" if rule[0] == "--max-repeat" else "new-share"
    assert after["fairness_prices"] == {group: pytest.approx(expected, abs=0.02)}
    assert after["objective"] == pytest.approx(before["objective"] - expected, abs=0.02)
    assert after["equity"]["never_served_before"]["assignments_share"] == 1.0
    assert after["equity"]["by_region_across_rounds"][winner] == {"earlier": 1, "this_round": 0}


def test_history_of_another_region_changes_nothing(cli, tmp_path: Path, run) -> None:
    before = run()
    after = run("--history", str(_history(tmp_path, "11110")), "--max-repeat", "1")

    def pairs(allocation: dict) -> list[tuple[str, str, str, float]]:
        return [
            (a["proposal"], a["demand"], a["project"], a["score"])
            for a in allocation["assignments"]
        ]

    assert pairs(after) == pairs(before)
    assert after["fairness_prices"] == {"repeat-cap": 0.0}


def test_the_rules_need_history(cli, tmp_path: Path, run) -> None:
    result = cli("allocate", "--today", TODAY, "--max-repeat", "1")
    assert result.exit_code == 2 and "--history" in result.stderr


def test_a_default_run_keeps_its_exact_shape(run) -> None:
    plain = run()
    assert "alternates" not in plain and "kept_decision" not in plain
    assert "max_repeat" not in plain["options"] and "never_served_before" not in plain["equity"]


def test_a_rerun_keeps_the_decisions_pairs_and_says_what_changed(cli, tmp_path: Path, run) -> None:
    before = run()
    loser = next(u for u in before["unassigned"] if u["code"] == "capacity")
    decision = tmp_path / "decision.yaml"
    # The decision gave the project to the demand that lost it above: a re-run must keep
    # that, and re-optimise the rest around it.
    decision.write_text(
        "kind: decision\nround: 2027\npairs:\n"
        f"  - {{demand: {loser['proposal']}/{loser['demand']}, project: {PROJECT}}}\n"
        "  - {demand: 2027-gone/meals, project: seoul-farms}\n",
        "utf-8",
    )
    after = run("--keep", str(decision))
    assert _given(after)[loser["region"]["code"]] == PROJECT
    kept = after["kept_decision"]
    assert kept["kept"] == [
        {"demand": f"{loser['proposal']}/{loser['demand']}", "project": PROJECT}
    ]
    assert kept["not_kept"] == [
        {
            "demand": "2027-gone/meals",
            "project": "seoul-farms",
            "reason": "the demand is not in this run",
        }
    ]
    assert kept["added"] == [
        {"demand": f"{a['proposal']}/{a['demand']}", "project": a["project"]}
        for a in after["assignments"]
        if a["region"]["code"] != loser["region"]["code"]
    ]


def test_alternates_are_the_next_pairs_by_score(cli) -> None:
    allocation = cli("allocate", "--today", TODAY, "--alternates", "2", "--format", "json").json()
    ranked = cli("rank", "--today", TODAY, "--top", "0", "--format", "json").json()
    score = {
        (f"{m['proposal']}/{m['demand']}", m["project"]): m["score"]
        for m in ranked["matches"]
        if m["eligible"] and m["suitable"]
    }
    chosen = {(f"{a['proposal']}/{a['demand']}", a["project"]) for a in allocation["assignments"]}
    by_demand = allocation["alternates"]["by_demand"]
    assert len(by_demand) >= 20
    for key, listed in by_demand.items():
        expected = sorted(
            ((p, s) for (k, p), s in score.items() if k == key and (k, p) not in chosen),
            key=lambda item: (-item[1], item[0]),
        )[:2]
        assert [(x["project"], x["score"]) for x in listed] == [
            (p, pytest.approx(s, abs=0.01)) for p, s in expected
        ]
    for project, listed in allocation["alternates"]["by_project"].items():
        assert len(listed) <= 2
        assert all((x["demand"], project) not in chosen for x in listed)
        assert [x["score"] for x in listed] == sorted((x["score"] for x in listed), reverse=True)
