"""duplicate-decision: two decisions for one round, or a demand funded twice in one."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint
from tests.rules.records_snippets import DECISION


def test_a_round_decided_in_two_files(lint: Lint) -> None:
    found = lint("duplicate-decision", files={"a.yaml": DECISION, "b.yaml": DECISION})
    assert found == [Found("b.yaml", 2, 8, "duplicate-decision")]
    assert found[0].diagnostic.params["other"].endswith("a.yaml:2")
    assert found[0].diagnostic.message("en").startswith("the decision of round 2026 is recorded")


def test_a_demand_funded_twice_in_one_decision(lint: Lint) -> None:
    twice = DECISION.replace("reserve:", "  - {demand: 2026-wanju/meals, project: farms}\nreserve:")
    found = lint("duplicate-decision", files={"d.yaml": twice})
    assert found == [Found("d.yaml", 5, 14, "duplicate-decision")]
    assert found[0].diagnostic.params["other"].endswith("d.yaml:4")


def test_other_rounds_and_demands_pass(lint: Lint) -> None:
    other = DECISION.replace("round: 2026", "round: 2025")
    assert lint("duplicate-decision", files={"a.yaml": DECISION, "b.yaml": other}) == []
