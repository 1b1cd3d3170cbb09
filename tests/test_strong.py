"""Strong candidates cached by groups of demands (matchmaker/scoring/strong.py): a rerun
after an edit measures only the demands that changed, and scores to the last bit what a
run without the cache scores."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.cache import Store
from matchmaker.inputs import load_run
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.scoring import features
from matchmaker.scoring.stream import score_chunks
from matchmaker.scoring.strong import StrongCandidates
from tests.test_stream import _same

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def run() -> tuple[object, list[ResolvedDemand], object]:
    inputs = load_run([proposals_dir()], None, default_profile_path(), TODAY)
    assert inputs.catalog is not None and inputs.profile is not None
    return inputs.catalog, inputs.records(), inputs.profile


@pytest.fixture(autouse=True)
def small_groups(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test with its own cache folder, and groups of ~4 (the bundled run is small)."""
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(features, "GROUP", 4)


def _sources(records: list[ResolvedDemand], version: str = "v1") -> list[str]:
    return [f"{version}\t{record.key}" for record in records]


def _plain(catalog, records, profile):  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MATCHMAKER_NO_CACHE", "1")
        return list(score_chunks(catalog, records, profile, chunk=5))


def _edited(records: list[ResolvedDemand], row: int) -> list[ResolvedDemand]:
    """The records with one demand's description reworded."""
    record = records[row]
    demand = record.demand.model_copy(update={"description": record.demand.description + " 다시."})
    return [*records[:row], replace(record, demand=demand), *records[row + 1 :]]


def test_strong_candidates_from_the_cache_score_what_measuring_scores(run) -> None:
    catalog, records, profile = run
    sources = _sources(records)
    cold = list(score_chunks(catalog, records, profile, chunk=5, sources=sources))
    _same(cold, _plain(catalog, records, profile))
    warm = list(score_chunks(catalog, records, profile, chunk=5, sources=sources))
    _same(warm, cold)


def test_only_the_demands_of_a_changed_group_are_measured_again(run, monkeypatch) -> None:
    catalog, records, profile = run
    list(score_chunks(catalog, records, profile, chunk=5, sources=_sources(records)))
    counted = _count_strong_lookups(monkeypatch)
    list(score_chunks(catalog, records, profile, chunk=5, sources=_sources(records)))
    assert counted == []  # every group found
    edited = _edited(records, 9)
    sources = _sources(records)
    sources[9] = "v2\t" + records[9].key
    rescored = list(score_chunks(catalog, edited, profile, chunk=5, sources=sources))
    _same(rescored, _plain(catalog, edited, profile))
    keys = [features.text_key(record.demand) for record in edited]
    ends = features.group_ends(keys)
    start = max([0, *(end for end in ends if end <= 9)])
    group = next(end for end in ends if end > 9)
    following = next((end for end in ends if end > group), group)
    # the edited demand's group (and the next, if the edit moved where that one starts)
    assert group - start <= sum(counted) <= following - start
    assert sum(counted) < len(records) // 2


def _count_strong_lookups(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the demands the first pass measures because their group was not
    cached (`StrongCandidates.found`), whole chunks included."""
    found: list[int] = []
    original = StrongCandidates.found

    def counting(self, rows, strong):  # type: ignore[no-untyped-def]
        found.append(len(rows))
        return original(self, rows, strong)

    monkeypatch.setattr(StrongCandidates, "found", counting)
    return found


@pytest.mark.parametrize(
    "entry",
    [
        "not a group",
        [np.array([0])],  # another group's size
        "columns",  # each demand's columns, out of the catalog's range
    ],
)
def test_a_cached_group_that_does_not_fit_is_measured_again(run, entry: object) -> None:
    catalog, records, profile = run
    sources = _sources(records)
    projects = len(catalog.projects)
    keys = [features.text_key(record.demand) for record in records]
    look = StrongCandidates.look_up(Store("strong-candidates"), keys, sources, projects)
    size = look.ends[0]
    bad = [np.array([projects + 5])] * size if entry == "columns" else entry
    Store("strong-candidates").put(look.keys[0], bad)
    found = list(score_chunks(catalog, records, profile, chunk=5, sources=sources))
    _same(found, _plain(catalog, records, profile))


def test_demand_sources_follow_the_files_bytes_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "proposals"
    shutil.copytree(proposals_dir(), folder)
    first = load_run([folder], None, default_profile_path(), TODAY)
    again = load_run([folder], None, default_profile_path(), TODAY)
    records = first.records()
    assert first.demand_sources(records) == again.demand_sources(again.records())
    assert len(set(first.demand_sources(records))) == len(records)
    edited = Path(records[0].file)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    after = load_run([folder], None, default_profile_path(), TODAY)
    pairs = zip(first.demand_sources(records), after.demand_sources(after.records()), strict=True)
    changed = {record.key for record, (old, new) in zip(records, pairs, strict=True) if old != new}
    assert changed == {r.key for r in records if r.file == str(edited)}
