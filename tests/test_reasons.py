"""Reasons built for many pairs at once (`reasons_for`, as `rank` builds a chunk's shown
pairs) say for each pair exactly what that pair's reasons say on their own, whatever the
order, the repeats or the company of the other pairs."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import matchmaker
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
