"""A chunk's term entries are computed once and reused only with the indexes they belong
to (matchmaker/scoring/engine.py TermEntries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.cache import digest
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


def test_a_warm_run_takes_the_entries_from_the_cache_and_measures_the_same(
    monkeypatch: pytest.MonkeyPatch, cached_run: RunInputs
) -> None:
    inputs = cached_run
    assert inputs.catalog is not None
    cold = first_pass(Prepared.of(inputs.catalog), inputs.records())
    assert cold.demands.reading_key  # cached readings: the entries are cached under them
    prepared = Prepared.of(inputs.catalog)  # another run, same catalog

    def not_again(*args: object) -> object:
        raise AssertionError("the entries were computed again")

    monkeypatch.setattr(ProjectTermIndex, "demand_entries", not_again)
    warm = measure(prepared, _read(prepared, inputs.records()))
    assert warm.cosine.tobytes() == cold.cosine.tobytes()
    assert warm.needs.tobytes() == cold.needs.tobytes()
    assert warm.fit.values.tobytes() == cold.fit.values.tobytes()


def test_other_project_terms_or_a_bad_entry_compute_the_entries_again(
    cached_run: RunInputs,
) -> None:
    inputs = cached_run
    assert inputs.catalog is not None
    records = inputs.records()
    cold = first_pass(Prepared.of(inputs.catalog), records)
    prepared = Prepared.of(inputs.catalog)
    assert prepared.entries_store is not None
    demands = _read(prepared, records)
    key = digest(prepared.index_key, demands.reading_key)
    prepared.entries_store.put(key, ("not", "entries", [], None))  # a wrong shape: a miss
    assert measure(prepared, demands).cosine.tobytes() == cold.cosine.tobytes()
    assert _entries_of(prepared.entries_store.get(key), len(records)) is not None  # rewritten
    # the indexes' project and problem terms are the key: any other text, another key
    assert index_key(prepared.projects) == prepared.index_key
    words = [list(t) for t in prepared.projects.terms]
    words[0].append("새말")
    assert index_key(replace(prepared.projects, terms=words)) != prepared.index_key
    problems = [list(t) for t in prepared.projects.problem_terms]
    problems[-1].append("새말")
    assert index_key(replace(prepared.projects, problem_terms=problems)) != prepared.index_key
    assert _entries_of((1, 2, 3, 4), 3) is None
    assert _entries_of(prepared.entries_store.get(key), len(records) + 1) is None
