"""unfunded-result: a result for a pair its round's decision did not fund."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint
from tests.rules.records_snippets import DECISION, PROPOSAL, result


def test_a_result_for_a_funded_pair_passes(lint: Lint) -> None:
    files = {"wanju.yaml": PROPOSAL, "2026/decision.yaml": DECISION, "2026/r.yaml": result()}
    assert lint("unfunded-result", files=files) == []


def test_a_result_for_the_reserve_is_unfunded(lint: Lint) -> None:
    files = {
        "wanju.yaml": PROPOSAL,
        "2026/decision.yaml": DECISION,
        "2026/r.yaml": result(demand="2026-wanju/stays", project="farms"),
    }
    found = lint("unfunded-result", files=files)
    assert found == [Found("2026/r.yaml", 4, 10, "unfunded-result")]
    assert "round 2026's decision did not fund this pair" in found[0].diagnostic.message("en")


def test_a_result_of_a_round_with_no_decision(lint: Lint) -> None:
    files = {"2026/decision.yaml": DECISION, "2025/r.yaml": result(round_=2025)}
    found = lint("unfunded-result", files=files)
    assert found == [Found("2025/r.yaml", 2, 8, "unfunded-result")]
    assert found[0].diagnostic.message("ko").endswith("2025년 회차의 결정이 없습니다")
