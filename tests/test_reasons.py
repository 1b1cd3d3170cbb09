"""Reasons built for many pairs at once (`reasons_for`, as `rank` builds a chunk's shown
pairs) say for each pair exactly what that pair's reasons say on their own, whatever the
order, the repeats or the company of the other pairs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

import matchmaker
from matchmaker.scoring.eligibility import GATES, Eligibility
from matchmaker.scoring.reasons import reasons, reasons_for

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def scores() -> matchmaker.Scores:
    return matchmaker.score(matchmaker.load_run(today=TODAY))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_pair_at_once_says_what_each_pair_says_alone(
    scores: matchmaker.Scores, language: str
) -> None:
    rows, columns = np.nonzero(np.ones(scores.total.shape, dtype=bool))
    together = reasons_for(scores, rows.tolist(), columns.tolist(), language)
    alone = [
        reasons(scores, r, c, language)
        for r, c in zip(rows.tolist(), columns.tolist(), strict=True)
    ]
    assert together == alone
    # the bundled run has each kind of reason whose numbers are gathered for all pairs
    said = "\n".join(line for found in together for line in found)
    kinds = {
        "en": ("Not eligible", "Themes matched", "Wording similarity", "Budget request"),
        "ko": ("대상 아님", "주제 일치", "표현 유사도", "요청 예산"),
    }
    for start in kinds[language]:
        assert start in said


def test_pairs_in_any_order_and_repeated_keep_their_own_reasons(
    scores: matchmaker.Scores,
) -> None:
    rng = np.random.default_rng(7)
    count = 200
    rows = rng.integers(0, scores.total.shape[0], count).tolist()
    columns = rng.integers(0, scores.total.shape[1], count).tolist()
    rows += rows[:20]  # the same pairs again, after others of their demands
    columns += columns[:20]
    together = reasons_for(scores, rows, columns, "en")
    assert together == [reasons(scores, r, c, "en") for r, c in zip(rows, columns, strict=True)]
    assert together[-20:] == together[:20]


def test_no_pairs_no_reasons(scores: matchmaker.Scores) -> None:
    assert reasons_for(scores, [], [], "en") == []


def test_the_shown_pairs_confidence_is_every_pairs_to_the_last_bit(
    scores: matchmaker.Scores,
) -> None:
    """`rank` adds up the evidence only for the pairs it shows (`confidence_at`); each is
    the double the whole D × P `confidence` holds."""
    rows, columns = np.nonzero(np.ones(scores.total.shape, dtype=bool))
    fresh = matchmaker.score(matchmaker.load_run(today=TODAY))  # nothing computed yet
    at_pairs = fresh.confidence_at(rows, columns)
    for component in (fresh.fit, fresh.long, fresh.syn):
        assert component._known is None  # gathering the pairs built no D × P array
    whole = scores.confidence
    assert at_pairs.tobytes() == whole[rows, columns].tobytes()
    assert whole.min() > 0 and whole.max() <= 1
    for name in ("demand_fit", "long_term", "synergy"):
        part, full = fresh.component(name), scores.component(name)
        assert part.known_at(rows, columns).tobytes() == full.known[rows, columns].tobytes()


def _varied(scores: matchmaker.Scores, seed: int) -> matchmaker.Scores:
    """The bundled scores with their quoted numbers drawn at random (seeded): budgets
    missing, inside, below and above the projects' ranges, gates of every kind, cosines
    and problem similarities around the thresholds they are said from, complements
    wanted or not, neighbours wanting the project or not, ruled-out themes."""
    rng = np.random.default_rng(seed)
    d, p = scores.demands, scores.projects
    shape = scores.total.shape

    def sometimes_missing(values: np.ndarray, share: float) -> np.ndarray:
        return np.where(rng.random(values.shape) < share, np.nan, values)

    budget = sometimes_missing(rng.choice([1e6, 5e7, 3e8, 2e9], shape[0]), 0.3)
    low = sometimes_missing(rng.choice([1e7, 1e8], shape[1]), 0.4)
    high = sometimes_missing(rng.choice([2e8, 1e9], shape[1]), 0.4)
    themes = np.flatnonzero(p.themes.any(axis=0))
    ruled_out = [
        frozenset({scores.theme_ids[int(rng.choice(themes))]})
        if rng.random() < 0.3
        else frozenset()
        for _ in range(shape[0])
    ]
    # a problem statement of the pair's own project, or none (-1)
    statements = np.full(shape, -1)
    for column in range(shape[1]):
        owned = np.flatnonzero(p.problem_owner == column)
        if len(owned):
            drawn = rng.choice(owned, shape[0])
            statements[:, column] = np.where(rng.random(shape[0]) < 0.7, drawn, -1)
    synergy = replace(
        scores.synergy_inputs,
        wanted_elsewhere=rng.random(shape) < 0.3,
        # how many regions of each province want each project, and whether this one does
        province_counts=rng.integers(0, 4, scores.synergy_inputs.province_counts.shape) * 1.0,
        region_wants=rng.integers(0, 2, scores.synergy_inputs.region_wants.shape) * 1.0,
    )
    return replace(
        scores,
        demands=replace(
            d,
            budget=budget,
            ruled_out_themes=ruled_out,
            ruled_out=[("관광 말고",) if themes else () for themes in ruled_out],
        ),
        projects=replace(
            p, budget_min=low, budget_max=high, complements=rng.random((shape[1],) * 2) < 0.2
        ),
        eligibility=Eligibility(rng.integers(0, len(GATES), shape) * (rng.random(shape) < 0.5)),
        cosine=rng.choice([0.0, 0.04, 0.05, 0.3], shape),
        needs=rng.choice([0.0, 0.09, 0.1, 0.6], shape),
        needs_statement=statements,
        synergy_inputs=synergy,
    )


@pytest.mark.parametrize("seed", range(6))
def test_drawn_numbers_say_in_bulk_what_each_pair_says_alone(
    scores: matchmaker.Scores, seed: int
) -> None:
    varied = _varied(scores, seed)
    rng = np.random.default_rng(100 + seed)
    count = 300
    rows = rng.integers(0, varied.total.shape[0], count).tolist()
    columns = rng.integers(0, varied.total.shape[1], count).tolist()
    rows += rows[:30]  # the same pairs again, and many pairs of each demand and project
    columns += columns[:30]
    language = ("en", "ko")[seed % 2]
    together = reasons_for(varied, rows, columns, language)
    assert together == [reasons(varied, r, c, language) for r, c in zip(rows, columns, strict=True)]
    said = "\n".join(line for found in together for line in found)
    kinds = {
        "en": (
            "Not eligible",
            "Budget request",
            "Not counted",
            "Answers a problem",
            "Complements",
            "other region(s)",
            "Earlier ties",
            "No data",
        ),
        "ko": (
            "대상 아님",
            "요청 예산",
            "반영하지 않음",
            "수요가 말하는 문제",
            "상호보완",
            "다른 지역",
            "기존 교류",
            "자료 없음",
        ),
    }
    for start in kinds[language]:
        assert start in said, start
