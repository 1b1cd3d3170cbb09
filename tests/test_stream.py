"""Streamed scoring (matchmaker/scoring/stream.py): chunks change nothing, to the last bit."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import load_run
from matchmaker.scoring import stream
from matchmaker.scoring.engine import Scores, score
from matchmaker.scoring.stream import score_chunks, spans

ARRAYS = ("cosine", "needs", "total", "confidence", "relevance", "best_fit", "no_fit", "strong")


@pytest.fixture(scope="module")
def run() -> tuple[object, list, object]:
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None and inputs.profile is not None
    return inputs.catalog, inputs.records(), inputs.profile


def _arrays(scores: Scores) -> dict[str, np.ndarray]:
    found = {name: getattr(scores, name) for name in ARRAYS}
    for name in ("fit", "long", "syn"):
        found[name] = scores.component(
            {"fit": "demand_fit", "long": "long_term", "syn": "synergy"}[name]
        ).values
    found["gate"] = scores.eligibility.gate
    return found


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 16])
def test_chunked_scores_equal_the_whole_run_bit_for_bit(run, chunk: int) -> None:
    catalog, records, profile = run
    whole = _arrays(score(catalog, records, profile))
    parts = list(score_chunks(catalog, records, profile, chunk=chunk))
    assert [start for start, _ in parts] == list(range(0, len(records), chunk))
    for name, expected in whole.items():
        joined = np.concatenate([_arrays(s)[name] for _, s in parts])
        assert np.array_equal(joined, expected, equal_nan=True), name


def test_each_demand_is_read_once_however_many_chunks(run, monkeypatch) -> None:
    catalog, records, profile = run
    read: list[int] = []
    original = stream.first_pass

    def counting(prepared, block):  # type: ignore[no-untyped-def]
        read.append(len(block))
        return original(prepared, block)

    monkeypatch.setattr(stream, "first_pass", counting)
    for _ in score_chunks(catalog, records, profile, chunk=5):
        pass
    assert sum(read) == len(records)


def test_spans_cover_the_run_once_and_an_empty_run_is_one_empty_chunk() -> None:
    assert spans(7, 3) == [(0, 3), (3, 6), (6, 7)]
    assert spans(0, 512) == [(0, 0)]
    with pytest.raises(ValueError):
        spans(3, 0)


@pytest.mark.parametrize(
    "name", ["rank-json", "rank-table", "rank-by-project-all", "rank-no-suitable", "rank-csv"]
)
def test_rank_in_chunks_of_3_prints_the_saved_output(name: str, tmp_path, monkeypatch) -> None:
    from tests.test_golden import CASES, GOLDEN, produce

    monkeypatch.setattr(stream, "CHUNK", 3)
    (case,) = [c for c in CASES if c.name == name]
    assert produce(case, tmp_path) == (GOLDEN / case.file).read_bytes()
