"""A chunk's term entries are computed once and reused only with the indexes they belong
to (matchmaker/scoring/engine.py TermEntries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import RunInputs, load_run
from matchmaker.scoring.engine import (
    Prepared,
    TermEntries,
    _entries_of,
    first_pass,
    index_key,
    measure,
)
from matchmaker.scoring.features import DemandFeatures, build_demand_features
from matchmaker.scoring.similarity import ProjectTermIndex


def test_pass_two_reuses_the_entries_and_measures_the_same() -> None:
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None
    prepared = Prepared.of(inputs.catalog)
    prepared.text_store = None
    first = first_pass(prepared, inputs.records())
    kept = first.demands.term_entries
    assert isinstance(kept, TermEntries) and kept.prepared is prepared
    again = measure(prepared, first.demands)
    assert first.demands.term_entries is kept  # not computed again
    assert again.cosine.tobytes() == first.cosine.tobytes()
    assert again.fit.values.tobytes() == first.fit.values.tobytes()
    # another run's indexes (another Prepared) compute their own entries
    other = Prepared.of(inputs.catalog)
    assert TermEntries.of(other, first.demands) is not kept
    assert np.array_equal(measure(other, first.demands).cosine, first.cosine)


def _read(prepared: Prepared, records: list) -> DemandFeatures:
    return build_demand_features(
        records,
        prepared.vocabulary,
        prepared.theme_ids,
        prepared.text_store,
        prepared.vocabulary_key,
    )


@pytest.fixture
def cached_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> RunInputs:
    """The bundled examples loaded with the cache in a folder of the test's own."""
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None
    return inputs


def _entries_bytes(entries: TermEntries) -> list[bytes]:
    parts = [entries.words, entries.ruled_out, *([entries.problems] if entries.problems else [])]
    found = [array.tobytes() for part in parts for array in part]
    return [*found, repr(entries.ruled_out_terms).encode()]


@pytest.mark.parametrize("chunk", [1, 3, 5, 16, 64])
def test_a_chunks_entries_cut_from_the_groups_are_those_computed_for_it(
    monkeypatch: pytest.MonkeyPatch, cached_run: RunInputs, chunk: int
) -> None:
    from matchmaker.scoring import features
    from matchmaker.scoring.entry_groups import EntryGroups

    monkeypatch.setattr(features, "GROUP", 4)  # the bundled run is small: small groups
    inputs = cached_run
    assert inputs.catalog is not None
    prepared = Prepared.of(inputs.catalog)
    assert prepared.entries_store is not None
    records = inputs.records()
    readings, keys = features.read_texts(
        [r.demand for r in records], prepared.vocabulary, prepared.text_store, "v"
    )
    for attempt in ("computed", "cached"):
        groups = EntryGroups(prepared, prepared.entries_store, keys, readings)
        for start in range(0, len(records), chunk):
            stop = min(start + chunk, len(records))
            direct = TermEntries.of(prepared, _read(prepared, records[start:stop]))
            cut = groups.chunk(start, stop)
            assert _entries_bytes(cut) == _entries_bytes(direct), (attempt, start)
            # as streamed scoring does once a chunk is scored: the chunks to come start
            # at `stop`, and the group holding it is still computed from its readings
            groups.release_before(stop)
            held = [row for row, reading in enumerate(groups.readings) if reading is not None]
            assert held == list(range(held[0], len(records))) if held else stop == len(records)
            assert not held or held[0] <= stop


def test_a_warm_run_takes_the_entries_from_the_cache_and_scores_the_same(
    monkeypatch: pytest.MonkeyPatch, cached_run: RunInputs
) -> None:
    from matchmaker.scoring.stream import score_chunks
    from tests.test_stream import _same

    inputs = cached_run
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    cold = list(score_chunks(inputs.catalog, records, inputs.profile, chunk=4))

    def not_again(*args: object) -> object:
        raise AssertionError("the entries were computed again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ProjectTermIndex, "demand_entries", not_again)
        warm = list(score_chunks(inputs.catalog, records, inputs.profile, chunk=4))
    _same(warm, cold)
    monkeypatch.setenv("MATCHMAKER_NO_CACHE", "1")
    _same(warm, list(score_chunks(inputs.catalog, records, inputs.profile, chunk=4)))


def test_one_demand_more_computes_only_its_groups_entries(
    monkeypatch: pytest.MonkeyPatch, cached_run: RunInputs
) -> None:
    from matchmaker.scoring import features
    from matchmaker.scoring.stream import score_chunks

    monkeypatch.setattr(features, "GROUP", 4)
    inputs = cached_run
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    fewer = [*records[:7], *records[8:]]
    list(score_chunks(inputs.catalog, fewer, inputs.profile, chunk=5))
    computed: list[int] = []
    real = ProjectTermIndex.demand_entries

    def counting(self: ProjectTermIndex, demand_terms: list) -> object:
        computed.append(len(demand_terms))
        return real(self, demand_terms)

    monkeypatch.setattr(ProjectTermIndex, "demand_entries", counting)
    list(score_chunks(inputs.catalog, records, inputs.profile, chunk=5))
    keys = [features.text_key(record.demand) for record in records]
    ends = features.group_ends(keys)
    group = next(end for end in ends if end > 7) - max([0, *(e for e in ends if e <= 7)])
    # the group the demand joined (words, problems, ruled-out phrases), and nothing else
    assert computed and max(computed) <= group and sum(computed) <= 3 * group


def test_other_project_terms_or_a_bad_entry_compute_the_entries_again(
    cached_run: RunInputs,
) -> None:
    from matchmaker.scoring import features
    from matchmaker.scoring.entry_groups import EntryGroups

    inputs = cached_run
    assert inputs.catalog is not None
    records = inputs.records()
    prepared = Prepared.of(inputs.catalog)
    assert prepared.entries_store is not None
    readings, keys = features.read_texts(
        [r.demand for r in records], prepared.vocabulary, prepared.text_store, "v"
    )
    direct = TermEntries.of(prepared, _read(prepared, records))
    groups = EntryGroups(prepared, prepared.entries_store, keys, readings)
    start, stop, key = groups.groups[0]
    for bad in (
        ("not", "entries", [], None),  # a wrong shape
        (  # rows past the group's demands
            (np.array([stop - start + 3]), np.array([0]), np.array([1.0])),
            None,
            [[]] * (stop - start),
            (np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp), np.zeros(0)),
        ),
    ):
        prepared.entries_store.put(key, bad)
        cut = EntryGroups(prepared, prepared.entries_store, keys, readings).chunk(0, len(records))
        assert _entries_bytes(cut) == _entries_bytes(direct)
        assert _entries_of(prepared.entries_store.get(key), stop - start) is not None  # rewritten
    # the indexes' project and problem terms are the key: any other text, another key
    assert index_key(prepared.projects) == prepared.index_key
    words = [list(t) for t in prepared.projects.terms]
    words[0].append("새말")
    assert index_key(replace(prepared.projects, terms=words)) != prepared.index_key
    problems = [list(t) for t in prepared.projects.problem_terms]
    problems[-1].append("새말")
    assert index_key(replace(prepared.projects, problem_terms=problems)) != prepared.index_key
    assert _entries_of((1, 2, 3, 4), 3) is None
