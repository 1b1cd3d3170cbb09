"""duplicate-result-year: one pair's results recorded twice for the same year."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint
from tests.rules.records_snippets import result


def test_two_files_for_one_pair_and_year(lint: Lint) -> None:
    found = lint("duplicate-result-year", files={"a.yaml": result(), "b.yaml": result()})
    assert found == [Found("b.yaml", 5, 7, "duplicate-result-year")]
    assert (
        found[0]
        .diagnostic.message("en")
        .endswith(
            "already has a result for 2027 (in " + (found[0].diagnostic.params["other"] + ")")
        )
    )
    assert found[0].diagnostic.params["other"].endswith("a.yaml:5")


def test_other_years_and_other_pairs_pass(lint: Lint) -> None:
    files = {
        "a.yaml": result(),
        "b.yaml": result(year=2028),
        "c.yaml": result(demand="2026-wanju/stays", project="farms"),
    }
    assert lint("duplicate-result-year", files=files) == []
