"""A chunk's term entries are computed once and reused only with the indexes they belong
to (matchmaker/scoring/engine.py TermEntries)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import load_run
from matchmaker.scoring.engine import Prepared, TermEntries, first_pass, measure


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
