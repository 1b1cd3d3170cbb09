"""explain: the parts of a pair's score add up to its points, step by step."""

from __future__ import annotations

import datetime as dt

import pytest

import matchmaker
from matchmaker.explain import SIGNALS, explain
from matchmaker.scoring.engine import Scores

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def scores() -> Scores:
    return matchmaker.score(matchmaker.load_run(today=TODAY))


def _weighted(parts: tuple[tuple[str, float, bool, float], ...]) -> float:
    return 100 * sum(value * weight for _name, value, _known, weight in parts)


def test_every_component_is_its_weighted_signals_times_the_stated_factors(
    scores: Scores,
) -> None:
    eligible = scores.eligibility.eligible
    rows, columns = eligible.nonzero()
    for row, column in zip(rows[::7], columns[::7], strict=True):
        explanation = explain(scores, int(row), int(column))
        fit, long, synergy = explanation.breakdown
        assert [signal.name for signal in SIGNALS["demand_fit"]] == [p[0] for p in fit.parts]
        steps = explanation.priority_factor * explanation.ruled_out_factor
        assert _weighted(fit.parts) * steps == pytest.approx(fit.points, abs=0.06)
        for part in (long, synergy):
            scaled = _weighted(part.parts) * explanation.relevance
            assert scaled == pytest.approx(part.points, abs=0.06)
        total = sum(part.contribution for part in explanation.breakdown) + explanation.bonus
        assert total == pytest.approx(explanation.match.score, abs=0.06)


def test_a_lower_priority_is_a_stated_factor_on_demand_fit(scores: Scores) -> None:
    priorities = scores.demands.priority
    row = next(i for i, value in enumerate(priorities) if value == 3)
    column = int(scores.eligibility.eligible[row].nonzero()[0][0])
    assert explain(scores, row, column).priority_factor == pytest.approx(0.94)


def test_a_project_the_demand_rules_out_shows_its_penalty(tmp_path) -> None:
    proposal = tmp_path / "p.yaml"
    proposal.write_text(
        "kind: proposal\nid: 2026-wanju\nregion: 완주군\ndemands:\n  - id: shop\n"
        "    title: 서울 상설 직판 매장\n"
        "    description: 공공급식이 아니라 서울 시내 상설 매장에서 로컬푸드를 팔고 싶다.\n",
        encoding="utf-8",
    )
    scores = matchmaker.score(matchmaker.load_run([proposal], today=TODAY))
    column = scores.projects.ids.index("urban-rural-public-meals")
    explanation = explain(scores, 0, column)
    assert explanation.ruled_out_factor < 1
    fit = explanation.breakdown[0]
    steps = explanation.priority_factor * explanation.ruled_out_factor
    assert _weighted(fit.parts) * steps == pytest.approx(fit.points, abs=0.06)
