"""actual-without-evidence: a result's actual value with no evidence."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint
from tests.rules.records_snippets import result


def test_an_actual_with_evidence_passes(lint: Lint) -> None:
    assert lint("actual-without-evidence", files={"r.yaml": result()}) == []


def test_an_actual_with_an_empty_evidence_list(lint: Lint) -> None:
    found = lint("actual-without-evidence", files={"r.yaml": result(evidence="[]")})
    assert found == [Found("r.yaml", 10, 13, "actual-without-evidence")]
    assert found[0].diagnostic.message("en") == (
        "the actual value of 'living-population' has no evidence"
    )


def test_a_target_without_an_actual_needs_no_evidence(lint: Lint) -> None:
    snippet = result(evidence="[]").replace("    actual: 83000\n", "")
    assert lint("actual-without-evidence", files={"r.yaml": snippet}) == []
