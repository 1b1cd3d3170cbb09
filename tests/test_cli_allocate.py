"""`matchmaker allocate` through the CLI: shape, determinism, overrides, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

TODAY = ("--today", "2026-11-28")


@pytest.fixture(scope="module")
def allocated() -> dict:
    import json

    from typer.testing import CliRunner

    from matchmaker.cli.app import app

    result = CliRunner().invoke(
        app,
        [
            "allocate",
            "--format",
            "json",
            "--budget",
            "2000000000",
            "--min-decline-share",
            "0.5",
            *TODAY,
        ],
        env={"MATCHMAKER_LANG": "en"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_has_the_documented_shape(allocated: dict) -> None:
    for key in (
        "status",
        "gap",
        "objective",
        "assignments",
        "unassigned",
        "capacity_used",
        "budget_used",
        "equity",
        "version",
        "inputs",
        "fairness_prices",
    ):
        assert key in allocated
    assert allocated["status"] == "optimal" and allocated["gap"] == 0
    assignment = allocated["assignments"][0]
    assert {"proposal", "demand", "region", "project", "score", "cost", "reasons"} <= set(
        assignment
    )
    for unassigned in allocated["unassigned"]:
        assert unassigned["reason"]


def test_the_portfolio_keeps_the_budget_and_one_project_per_demand(allocated: dict) -> None:
    # Unknown costs count at the stated estimate (the median known cost), never as free.
    assert allocated["budget_used"] <= 2_000_000_000
    estimate = allocated["unknown_cost"]["estimate"]
    assert allocated["unknown_cost"]["rule"] == "median" and estimate > 0
    known = sum(a["cost"] for a in allocated["assignments"] if a["cost"] is not None)
    unknown = sum(1 for a in allocated["assignments"] if a["cost"] is None)
    assert known + unknown * estimate == pytest.approx(allocated["budget_used"], abs=1)
    demands = [(a["proposal"], a["demand"]) for a in allocated["assignments"]]
    assert len(demands) == len(set(demands))


def test_the_decline_share_holds_and_has_a_price(allocated: dict, cli) -> None:
    assert allocated["equity"]["population_decline"]["assignments_share"] >= 0.5
    # The price of a rule is the objective it costs: the same run without it, less this one.
    free = cli("allocate", "--format", "json", "--budget", "2000000000", *TODAY).json()
    assert allocated["fairness_prices"]["decline-share"] == pytest.approx(
        free["objective"] - allocated["objective"], abs=1e-6
    )


def test_same_inputs_give_byte_identical_output(cli) -> None:
    first = cli("allocate", "--format", "json", *TODAY).output
    assert first == cli("allocate", "--format", "json", *TODAY).output


def test_lock_and_forbid(cli) -> None:
    locked = cli(
        "allocate",
        "--format",
        "json",
        "--lock",
        "2026-wanju/youth-farmstay=seoul-farms",
        "--forbid",
        "2026-wanju/public-meals-second-gu=urban-rural-public-meals",
        *TODAY,
    ).json()
    given = {(a["proposal"] + "/" + a["demand"]): a["project"] for a in locked["assignments"]}
    assert given["2026-wanju/youth-farmstay"] == "seoul-farms"
    assert given.get("2026-wanju/public-meals-second-gu") != "urban-rural-public-meals"


def test_a_demand_no_project_fits_is_unassigned_with_that_reason(allocated: dict) -> None:
    unassigned = {u["demand"]: u for u in allocated["unassigned"]}
    care = unassigned["island-emergency-care"]
    assert care["code"] == "no-suitable-project"
    assert "below the threshold of 24" in care["reason"]


def test_a_lock_is_honoured_even_for_a_demand_no_project_fits(cli) -> None:
    # A lock is the planner's explicit decision: "no suitable project" does not undo it.
    run = cli(
        "allocate",
        "--format",
        "json",
        "--lock",
        "2026-sinan/island-emergency-care=seoul-farms",
        *TODAY,
    ).json()
    given = {a["demand"]: a["project"] for a in run["assignments"]}
    assert given["island-emergency-care"] == "seoul-farms"


def test_capacity_taken_names_the_demands_that_took_it(cli) -> None:
    data = cli(
        "allocate", "--format", "json", "--capacity", "urban-rural-public-meals=1", *TODAY
    ).json()
    taken = [u for u in data["unassigned"] if u["code"] == "capacity"]
    assert data["capacity_used"]["urban-rural-public-meals"] == {"used": 1, "capacity": 1}
    for unassigned in taken:
        assert "is taken by higher-value demands" in unassigned["reason"]


def test_conflicting_constraints_are_named_not_a_solver_message(cli) -> None:
    run = cli("allocate", "--min-per-province", "4", *TODAY)
    assert run.exit_code == 1
    assert "cannot all hold together" in run.output
    assert "--min-per-province" in run.output
    assert "HiGHS" not in run.output


def test_an_unknown_lock_is_a_usage_error(cli) -> None:
    run = cli("allocate", "--lock", "2026-wanju/youth=seoul-farms", *TODAY)
    assert run.exit_code == 2
    assert "did you mean" in run.output


@pytest.mark.parametrize("output_format", ["table", "csv", "markdown"])
def test_other_formats(cli, output_format: str) -> None:
    run = cli("allocate", "--format", output_format, "--lang", "ko", *TODAY)
    assert run.exit_code == 0
    assert "완주군" in run.output or "2026-wanju" in run.output


def test_unknown_costs_can_be_excluded_under_a_budget_and_never_favour_a_pair(cli) -> None:
    budget = ("--budget", "1500000000")
    excluded = cli(
        "allocate", *budget, "--unknown-cost", "exclude", "--format", "json", *TODAY
    ).json()
    assert all(a["cost"] is not None for a in excluded["assignments"])
    assert excluded["unknown_cost"] == {"rule": "exclude", "estimate": None}
    free = cli("allocate", *budget, "--unknown-cost", "zero", "--format", "json", *TODAY).json()
    median = cli("allocate", *budget, "--format", "json", *TODAY).json()
    # Counted as free, unknown-cost pairs crowd out costed ones under the same budget.
    unknown = lambda run: sum(a["cost"] is None for a in run["assignments"])  # noqa: E731
    assert unknown(free) >= unknown(median)
    table = cli("allocate", *budget, *TODAY).stdout
    assert "cost (KRW)" in table and "each counts as KRW" in table


@pytest.mark.parametrize(
    ("options", "why"),
    [
        (["--lock", "2026-andong/public-meals-apples-grains=seoul-farms"], "Not eligible"),
        (
            [
                "--lock",
                "2026-wanju/youth-farmstay=seoul-farms",
                "--forbid",
                "2026-wanju/youth-farmstay=seoul-farms",
            ],
            "also forbidden",
        ),
    ],
)
def test_a_lock_that_cannot_hold_is_refused_not_dropped(cli, options: list[str], why: str) -> None:
    run = cli("allocate", *options, "--format", "json", *TODAY)
    assert run.exit_code == 2
    assert "cannot hold" in run.stderr and why in run.stderr
    assert run.stdout == ""


def test_time_limit_counts_from_the_start_and_is_never_worse_than_no_synergy(cli) -> None:
    plain = cli("allocate", "--synergy-bonus", "0", "--format", "json", "--today", "2026-11-28")
    limited = cli(
        "allocate",
        "--synergy-bonus",
        "5",
        "--time-limit",
        "0.1",
        "--format",
        "json",
        "--today",
        "2026-11-28",
    )
    assert limited.exit_code == 0, limited.output
    answer = limited.json()
    # no time was left after loading and scoring (the reserve for the report is 1 s)
    assert answer["status"] == "time-limit"
    assert answer["objective"] >= plain.json()["objective"]
    assert answer["bound"] >= answer["objective"] and answer["gap"] > 0
    assert all(u["code"] != "fairness" for u in answer["unassigned"])


# --- the same question asked again (matchmaker/answers.py) ---


def test_allocate_asked_again_with_a_kept_decision_says_the_same_without_solving(
    cli, own_cache: Path, loads: list[tuple], tmp_path: Path
) -> None:
    decision = tmp_path / "decision.yaml"
    decision.write_text(
        "kind: decision\nround: 2027\npairs:\n"
        "  - {demand: 2027-gone/meals, project: seoul-farms}\n",
        "utf-8",
    )
    options = ("allocate", "--today", "2026-11-28", "-f", "json", "--keep", str(decision))
    first = cli(*options)
    assert first.exit_code == 0 and "could not be kept" in first.stderr
    again = cli(*options)
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
    assert len(loads) == 1
    decision.write_text(decision.read_text("utf-8").replace("2027-gone", "2027-went"), "utf-8")
    edited = cli(*options)  # the decision is read too: an edit is a new question
    assert len(loads) == 2 and "2027-went" in edited.stderr


def test_a_run_within_a_time_limit_is_never_answered_from_the_cache(
    cli, own_cache: Path, loads: list[tuple]
) -> None:
    options = ("allocate", "--today", "2026-11-28", "-f", "json", "--time-limit", "60")
    assert cli(*options).stdout == cli(*options).stdout
    assert len(loads) == 2  # what a limit lets be found depends on the machine
    assert not list(own_cache.rglob("*.out"))
