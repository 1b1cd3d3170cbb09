"""Cached demand readings come back from the cache exactly as they were read.

TextReading and ThemeHit restore their pickled state themselves (faster than dataclasses'
own __setstate__, with the same state), so a warm run's readings must equal a cold run's.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import load_run
from matchmaker.scoring.features import TextReading, read_text
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
