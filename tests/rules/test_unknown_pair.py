"""unknown-pair: a decision pair, reserve entry or result naming a demand or project that
the proposals and catalog checked with it do not have."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint
from tests.rules.records_snippets import DECISION, PROPOSAL, result


def test_a_known_decision_and_result_pass(lint: Lint) -> None:
    files = {"wanju.yaml": PROPOSAL, "2026/decision.yaml": DECISION, "2026/r.yaml": result()}
    assert lint("unknown-pair", files=files) == []


def test_a_misspelt_demand_and_an_unknown_project(lint: Lint) -> None:
    decision = DECISION.replace("2026-wanju/meals, project: meals", "2026-wanju/mealz, project: x")
    found = lint("unknown-pair", files={"wanju.yaml": PROPOSAL, "2026/decision.yaml": decision})
    assert found == [
        Found("2026/decision.yaml", 4, 14, "unknown-pair"),
        Found("2026/decision.yaml", 4, 41, "unknown-pair"),
    ]
    assert found[0].diagnostic.hint_text("en") == "did you mean '2026-wanju/meals'?"
    assert "proposal '2026-wanju' does not hold" in found[0].diagnostic.message("en")


def test_a_proposal_not_among_the_files_checked(lint: Lint) -> None:
    found = lint("unknown-pair", files={"2026/r.yaml": result()})
    assert found == [Found("2026/r.yaml", 3, 9, "unknown-pair")]
    assert "not among the files checked" in found[0].diagnostic.message("en")


def test_a_reserve_entry_with_an_unknown_project(lint: Lint) -> None:
    decision = DECISION.replace("project: farms", "project: farmz")
    found = lint("unknown-pair", files={"wanju.yaml": PROPOSAL, "2026/decision.yaml": decision})
    assert found == [Found("2026/decision.yaml", 6, 41, "unknown-pair")]
    assert found[0].diagnostic.hint_text("en") == "did you mean 'farms'?"
