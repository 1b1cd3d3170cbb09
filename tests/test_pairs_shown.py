"""`rank`'s scores (`score_chunks(..., every_pair=False)`): long-term value and synergy
computed only where they count, their sub-signals for any other pair on demand, by the
same functions applied to those pairs. Every number shown is the same double as in the
scores of every pair that `explain`, `allocate`, `sensitivity` and `report` read."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import matchmaker
from matchmaker.scoring.reasons import reasons_for
from matchmaker.scoring.stream import score_chunks

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def both() -> tuple[list[matchmaker.Scores], list[matchmaker.Scores]]:
    run = matchmaker.load_run(today=TODAY)
    assert run.catalog is not None and run.profile is not None
    records = run.records()

    def chunks(every_pair: bool) -> list[matchmaker.Scores]:
        found = score_chunks(run.catalog, records, run.profile, chunk=7, every_pair=every_pair)
        return [scores for _, scores in found]

    return chunks(True), chunks(False)


def _same(left: np.ndarray, right: np.ndarray) -> bool:
    return left.shape == right.shape and left.tobytes() == right.tobytes()


def test_totals_and_components_are_the_same_doubles(both) -> None:
    for full, shown in zip(*both, strict=True):
        assert _same(full.total, shown.total)
        for name in ("demand_fit", "long_term", "synergy"):
            assert _same(full.component(name).values, shown.component(name).values)
        # most pairs' long-term value and synergy count for nothing: not computed there
        assert (shown.relevance == 0).mean() > 0.5
        assert not shown.long.parts and not shown.syn.parts


def test_evidence_confidence_and_reasons_of_any_pair_are_the_same(both) -> None:
    for full, shown in zip(*both, strict=True):
        rows, columns = (axis.ravel() for axis in np.indices(full.total.shape))
        for name in ("demand_fit", "long_term", "synergy"):
            a, b = full.component(name), shown.component(name)
            for x, y in zip(
                a.evidence_at(rows, columns), b.evidence_at(rows, columns), strict=True
            ):
                assert _same(np.asarray(x, dtype=bool), np.asarray(y, dtype=bool))
            assert _same(a.known, b.known)
        assert _same(full.confidence_at(rows, columns), shown.confidence_at(rows, columns))
        for language in ("en", "ko"):
            assert reasons_for(full, rows, columns, language) == reasons_for(
                shown, rows, columns, language
            )
