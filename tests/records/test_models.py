"""Decision and result records load through the one loader: invalid and hostile records
get positioned diagnostics, and a result says whether each target was met."""

from __future__ import annotations

import pytest

from matchmaker.loading.documents import load_bytes
from matchmaker.models import Decision, Result
from matchmaker.models.records import Measurement


def _found(text: str) -> list[tuple[int, int, str]]:
    loaded = load_bytes(text.encode("utf-8"), "record.yaml")
    return [(d.line, d.column, d.code) for d in loaded.diagnostics]


def _message(text: str) -> list[str]:
    loaded = load_bytes(text.encode("utf-8"), "record.yaml")
    return [d.message("en") for d in loaded.diagnostics]


DECISION = """\
kind: decision
round: 2026
inputs:
  catalog/themes.yaml: {hash}
pairs:
  - {{demand: {demand}, project: meals, amount: {amount}}}
"""


def test_a_decision_loads_with_its_inputs_and_pairs() -> None:
    text = DECISION.format(hash="a" * 64, demand="2026-wanju/meals", amount=100000000)
    loaded = load_bytes(text.encode(), "d.yaml")
    assert loaded.ok and isinstance(loaded.model, Decision)
    assert loaded.model.pairs[0].amount == 100000000
    assert loaded.model.inputs == {"catalog/themes.yaml": "a" * 64}


def test_a_decision_with_a_bad_hash_demand_and_amount_is_placed() -> None:
    text = DECISION.format(hash="not-a-hash", demand="wanju-meals", amount='"1억"')
    assert _found(text) == [
        (4, 24, "invalid-value"),
        (6, 14, "invalid-value"),
        (6, 51, "wrong-type"),
    ]
    messages = _message(text)
    assert "64 lowercase hexadecimal digits" in messages[0]
    assert "PROPOSAL/DEMAND" in messages[1]


def test_a_misspelt_field_in_a_pair_is_suggested() -> None:
    text = DECISION.format(hash="a" * 64, demand="2026-wanju/meals", amount=1).replace(
        "amount", "amont"
    )
    loaded = load_bytes(text.encode(), "d.yaml")
    [finding] = loaded.diagnostics
    assert (finding.line, finding.column, finding.code) == (6, 48, "unknown-field")
    assert finding.hint_text("en") == "did you mean 'amount'?"


RESULT = """\
kind: result
round: 2026
demand: 2026-wanju/meals
project: meals
year: 2027
indicators:
  - indicator: living-population
    actual: {actual}
    evidence: {evidence}
continued_after_support: {continued}
"""


def test_a_result_with_text_for_numbers_an_empty_source_and_yes() -> None:
    text = RESULT.format(actual=".nan", evidence="[{}]", continued="yes")
    assert _found(text) == [
        (8, 13, "wrong-type"),
        (9, 16, "field-constraint"),
        (10, 26, "wrong-type"),
    ]


def test_a_result_with_no_indicators_is_refused() -> None:
    text = RESULT.split("indicators:")[0] + "indicators: []\n"
    assert _found(text) == [(6, 13, "out-of-range")]


@pytest.mark.parametrize(
    ("hostile", "code"),
    [
        ("kind: result\nround: 2026\nround: 2027\n", "duplicate-key"),
        ("kind: result\n<<: {round: 2026}\n", "merge-key"),
        ("kind: decision\nround: !!python/object 1\npairs: []\n", "explicit-tag"),
    ],
)
def test_hostile_records_get_the_loaders_diagnostics(hostile: str, code: str) -> None:
    codes = [found[2] for found in _found(hostile)]
    assert code in codes


@pytest.mark.parametrize(
    ("target", "actual", "better", "met"),
    [
        (120, 120, "higher", True),
        (120, 119, "higher", False),
        (30, 28, "lower", True),  # vacant houses: a fall was asked for
        (30, 31, "lower", False),
        (51800, 51650, "higher", False),  # a population above 51,800, short of it
        (120, None, "higher", None),
    ],
)
def test_a_target_is_met_in_the_indicators_direction(
    target: float, actual: float | None, better: str, met: bool | None
) -> None:
    measurement = Measurement(indicator="x", baseline=100, target=target, actual=actual)
    assert measurement.met(better) is met


def test_a_result_names_its_pair() -> None:
    text = RESULT.format(actual=83000, evidence='[{title: "MOIS"}]', continued="true")
    loaded = load_bytes(text.encode(), "r.yaml")
    assert isinstance(loaded.model, Result)
    assert loaded.model.pair == (2026, "2026-wanju/meals", "meals")
