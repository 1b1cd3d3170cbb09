"""The catalog's term indexes are built once per catalog and read from the cache after
(matchmaker/scoring/engine.py term_indexes): read back, they are the built ones to the
last bit, and an entry that does not fit the projects is built again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.cache import Store
from matchmaker.inputs import load_run
from matchmaker.scoring.engine import Prepared, index_key, term_indexes
from matchmaker.scoring.similarity import ProblemIndex, ProjectTermIndex


def _same_index(left: ProjectTermIndex, right: ProjectTermIndex) -> None:
    assert left.vocabulary == right.vocabulary
    assert left.unseen_idf == right.unseen_idf and left.projects == right.projects
    for name in ("idf", "starts", "owners", "weights", "dense"):
        a, b = getattr(left, name), getattr(right, name)
        assert a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes(), name


def _built(prepared: Prepared) -> tuple[ProjectTermIndex, ProblemIndex]:
    p = prepared.projects
    return (
        ProjectTermIndex.build(p.terms),
        ProblemIndex.build(p.problem_terms, p.problem_owner, len(p.projects)),
    )


@pytest.fixture
def prepared(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Prepared:
    """The bundled catalog prepared once, with the cache in the test's own folder."""
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None
    return Prepared.of(inputs.catalog)


def test_a_second_run_reads_the_indexes_as_built(prepared: Prepared) -> None:
    store = Store("term-index")
    assert store.usable and store.get(prepared.index_key) is not None  # the first run kept it
    again = Prepared.of(prepared.catalog)
    terms, problems = _built(prepared)
    _same_index(again.term_index, terms)
    assert again.term_index.dense is not None  # laid out again, as build lays it out
    assert problems.terms is not None and again.problem_index.terms is not None
    _same_index(again.problem_index.terms, problems.terms)
    assert np.array_equal(again.problem_index.owner, problems.owner)


def test_the_cache_keeps_no_dense_copy(prepared: Prepared) -> None:
    found = Store("term-index").get(prepared.index_key)
    assert isinstance(found, tuple)
    assert found[0].dense is None  # the weights once, not twice


def test_an_entry_for_other_projects_is_built_again(prepared: Prepared) -> None:
    store = Store("term-index")
    key = index_key(prepared.projects)
    terms, problems = _built(prepared)
    fewer = ProjectTermIndex.build(prepared.projects.terms[:-1])
    store.put(key, (fewer.without_dense(), problems.without_dense()))
    found, _ = term_indexes(prepared.projects, key, store)
    _same_index(found, terms)
    stored = store.get(key)
    assert isinstance(stored, tuple) and stored[0].projects == len(prepared.projects.projects)


def test_an_entry_that_is_not_indexes_is_built_again(prepared: Prepared) -> None:
    store = Store("term-index")
    key = index_key(prepared.projects)
    store.put(key, ["not", "indexes"])
    found, problem = term_indexes(prepared.projects, key, store)
    terms, _ = _built(prepared)
    _same_index(found, terms)
    assert isinstance(problem, ProblemIndex)
