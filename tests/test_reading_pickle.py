"""Cached demand readings come back from the cache exactly as they were read.

TextReading and ThemeHit restore their pickled state themselves (faster than dataclasses'
own __setstate__, with the same state), so a warm run's readings must equal a cold run's.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from dataclasses import replace

import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import load_run
from matchmaker.scoring.features import StoredHits, StoredTerms, TextReading, read_text
from matchmaker.text.vocabulary import ThemeHit, Vocabulary


def test_the_bundled_readings_round_trip_through_pickle_unchanged() -> None:
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None
    vocabulary = Vocabulary(inputs.catalog.themes.themes)
    demands = [record.demand for record in inputs.records()]
    # and one that rules something out, so every field of a reading is filled somewhere
    demands.append(demands[0].model_copy(update={"description": "급식 납품이 아니라 상설 매장"}))
    readings = [read_text(demand, vocabulary) for demand in demands]
    assert any(reading.hits for reading in readings)
    assert readings[-1].ruled_out and readings[-1].ruled_out_themes
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(readings, protocol=protocol))
        assert restored == readings
        assert all(isinstance(item, TextReading) for item in restored)
    assert copy.deepcopy(readings) == readings


def test_a_hit_refuses_a_state_of_the_wrong_length() -> None:
    hit = ThemeHit("t", "s", "f", True, False)
    with pytest.raises(ValueError):
        hit.__setstate__(["t", "s"])


@pytest.fixture(scope="module")
def bundled() -> list[TextReading]:
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None
    vocabulary = Vocabulary(inputs.catalog.themes.themes)
    return [read_text(record.demand, vocabulary) for record in inputs.records()]


def test_a_restored_reading_makes_its_hits_and_splits_its_terms_only_when_asked(
    bundled: list[TextReading],
) -> None:
    restored = pickle.loads(pickle.dumps(bundled, protocol=pickle.HIGHEST_PROTOCOL))
    for before, after in zip(bundled, restored, strict=True):
        assert isinstance(after.hits, StoredHits) and isinstance(after.terms, StoredTerms)
        assert not after.hits._made and after.terms._split is None  # nothing made yet
        assert list(after.hits) == list(before.hits) and len(after.hits) == len(before.hits)
        for theme, hits in before.hits.items():
            assert after.hits[theme] == hits and after.hits.get(theme) is after.hits[theme]
            assert all(isinstance(hit, ThemeHit) for hit in after.hits[theme])
        assert after.hits.get("no-such-theme", ()) == ()
        assert list(after.terms) == before.terms and len(after.terms) == len(before.terms)
        assert after.terms[:2] == before.terms[:2]
        # and pickled again, the same (the stored forms are written as they came)
        assert pickle.loads(pickle.dumps(after)) == before


@pytest.mark.parametrize(
    "terms", [[], [""], ["", ""], ["a"], ["a", ""], ["a\x1fb", "c"], ["x\x1f"], ["한글", "🙂"]]
)
def test_any_terms_come_back_as_they_were(bundled: list[TextReading], terms: list[str]) -> None:
    reading = replace(bundled[0], terms=terms)
    restored = pickle.loads(pickle.dumps(reading))
    assert list(restored.terms) == terms
    assert restored == reading
