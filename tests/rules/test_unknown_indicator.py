"""unknown-indicator: a result's indicator missing from catalog/indicators.yaml (an
error), or a demand's outcome that is nearly an indicator id (a warning)."""

from __future__ import annotations

from matchmaker.diagnostics import Severity
from tests.rules.conftest import Found, Lint
from tests.rules.records_snippets import INDICATORS, result

PROPOSAL = """\
kind: proposal
id: wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
    outcomes:
      - {indicator: living-populaton, target: 82000}
      - {indicator: living-population, target: 82000}
      - {indicator: 공급 대상 시설 수, target: "250"}
"""


def test_a_result_with_a_misspelt_indicator(lint: Lint) -> None:
    found = lint(
        "unknown-indicator",
        catalog={"indicators.yaml": INDICATORS},
        files={"r.yaml": result(indicator="living-populaton")},
    )
    assert found == [Found("r.yaml", 7, 16, "unknown-indicator")]
    assert found[0].diagnostic.level is Severity.ERROR
    assert found[0].diagnostic.hint_text("en") == (
        "write the indicator's id 'living-population' (catalog/indicators.yaml)"
    )


def test_a_result_indicator_with_no_list_at_all(lint: Lint) -> None:
    found = lint("unknown-indicator", files={"r.yaml": result()})
    assert found == [Found("r.yaml", 7, 16, "unknown-indicator")]


def test_a_demand_outcome_nearly_an_id_is_a_warning_and_free_text_passes(lint: Lint) -> None:
    found = lint(
        "unknown-indicator",
        catalog={"indicators.yaml": INDICATORS},
        files={"wanju.yaml": PROPOSAL},
    )
    assert found == [Found("wanju.yaml", 9, 21, "unknown-indicator")]
    assert found[0].diagnostic.level is Severity.WARNING


def test_a_known_result_indicator_passes(lint: Lint) -> None:
    found = lint(
        "unknown-indicator", catalog={"indicators.yaml": INDICATORS}, files={"r.yaml": result()}
    )
    assert found == []
