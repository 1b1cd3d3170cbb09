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


def _count_first_passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the size of every block `stream.first_pass` measures."""
    measured: list[int] = []
    original = stream.first_pass

    def counting(prepared, block, *read):  # type: ignore[no-untyped-def]
        measured.append(len(block))
        return original(prepared, block, *read)

    monkeypatch.setattr(stream, "first_pass", counting)
    return measured


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the title of every demand whose text is read (not taken from the cache)."""
    from matchmaker.scoring import features

    read: list[str] = []
    original = features.read_text

    def counting(demand, vocabulary):  # type: ignore[no-untyped-def]
        read.append(demand.title)
        return original(demand, vocabulary)

    monkeypatch.setattr(features, "read_text", counting)
    return read


@pytest.mark.parametrize("cached", [False, True])
def test_each_demand_is_read_once_however_many_chunks(
    run, monkeypatch, tmp_path, cached: bool
) -> None:
    catalog, records, profile = run
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))
    if not cached:
        monkeypatch.setenv("MATCHMAKER_NO_CACHE", "1")
    read = _count_reads(monkeypatch)
    measured = _count_first_passes(monkeypatch)
    for _ in score_chunks(catalog, records, profile, chunk=5):
        pass
    assert sorted(read) == sorted(record.demand.title for record in records)
    assert sum(measured) == len(records)
    read.clear()
    for _ in score_chunks(catalog, records, profile, chunk=3):
        pass
    assert len(read) == (0 if cached else len(records))  # other chunks, the same readings


def test_a_demand_added_or_removed_reads_only_its_own_group_again(
    run, monkeypatch, tmp_path
) -> None:
    """The readings are cached in groups that end where the demands say (features.GROUP),
    not where the chunks fall: one demand more or less does not shift every group."""
    from matchmaker.scoring import features

    catalog, records, profile = run
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(features, "GROUP", 4)  # the bundled run is small: small groups
    whole = list(score_chunks(catalog, records, profile, chunk=5))
    read = _count_reads(monkeypatch)
    fewer = [*records[:7], *records[8:]]
    cached = list(score_chunks(catalog, fewer, profile, chunk=5))
    reread = list(read)
    _same(cached, _rescored(catalog, fewer, profile))
    keys = [features.text_key(record.demand) for record in records]
    ends = features.group_ends(keys)
    group = next(end for end in ends if end > 7)
    start = max([0, *(end for end in ends if end <= 7)])
    assert 0 < len(reread) <= group - start  # the removed demand's group, and no other
    assert len(reread) < len(records) // 2
    read.clear()
    assert len(list(score_chunks(catalog, records, profile, chunk=5))) == len(whole)
    assert read == []  # back as it was: every group as cached before


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


def _rescored(catalog, records, profile) -> list[tuple[int, Scores]]:  # type: ignore[no-untyped-def]
    """The same run scored without the cache: what the cached readings must give."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MATCHMAKER_NO_CACHE", "1")
        return list(score_chunks(catalog, records, profile, chunk=5))


def _same(left: list[tuple[int, Scores]], right: list[tuple[int, Scores]]) -> None:
    assert [start for start, _ in left] == [start for start, _ in right]
    for (_, a), (_, b) in zip(left, right, strict=True):
        for name, expected in _arrays(a).items():
            found = _arrays(b)[name]
            assert found.dtype == expected.dtype and np.array_equal(
                found, expected, equal_nan=True
            ), name
        assert a.synergy_inputs.neighbour_regions.tolist() == (
            b.synergy_inputs.neighbour_regions.tolist()
        )


def test_a_run_key_seen_before_skips_the_first_pass_and_scores_the_same(
    run, monkeypatch, tmp_path
) -> None:
    catalog, records, profile = run
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))
    plain = list(score_chunks(catalog, records, profile, chunk=3))
    first = list(score_chunks(catalog, records, profile, chunk=3, run_key="run-a"))
    measured = _count_first_passes(monkeypatch)
    again = list(score_chunks(catalog, records, profile, chunk=3, run_key="run-a"))
    assert measured == []  # the counts came from the cache
    _same(plain, first)
    _same(plain, again)
    other = list(score_chunks(catalog, records, profile, chunk=7, run_key="run-b"))
    assert sum(measured) == len(records)  # another key: measured
    _same(list(score_chunks(catalog, records, profile, chunk=7)), other)


@pytest.mark.parametrize(
    "entry",
    [
        "not counts",
        ({}, np.zeros((0, 3))),  # another catalog's width
        ({"nowhere": 0}, np.zeros((1, 0))),  # regions the run does not have
    ],
)
def test_a_cached_entry_that_does_not_fit_the_run_is_measured_again(
    run, monkeypatch, tmp_path, entry: object
) -> None:
    from matchmaker.cache import Store

    catalog, records, profile = run
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))
    Store("region-demand").put("run-c", entry)
    found = list(score_chunks(catalog, records, profile, chunk=4, run_key="run-c"))
    _same(list(score_chunks(catalog, records, profile, chunk=4)), found)


def test_the_run_key_changes_with_any_file_the_date_or_expired_proposals() -> None:
    from dataclasses import replace

    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    hashes = inputs.input_hashes()
    key = inputs.run_key()
    assert inputs.run_key(hashes) == key
    changed = dict(hashes)
    name = sorted(changed)[0]
    changed[name] = "0" * 64
    assert inputs.run_key(changed) != key
    assert replace(inputs, today=dt.date(2026, 11, 29)).run_key(hashes) != key
    assert replace(inputs, include_expired=True).run_key(hashes) != key
