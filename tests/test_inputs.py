"""A run's inputs (matchmaker/inputs.py): what is kept once the findings are shown."""

from __future__ import annotations

import datetime as dt

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import load_run


def test_letting_go_of_texts_keeps_hashes_models_and_demands() -> None:
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    hashes, records = inputs.input_hashes(), inputs.records()
    models = [d.model for d in inputs.proposals]
    assert inputs.sources and all(d.text and d.parsed for d in inputs.proposals)
    inputs.let_go_of_texts()
    assert inputs.sources == {}
    assert all(d.text is None and d.parsed is None for d in inputs.proposals)
    assert [d.model for d in inputs.proposals] == models and all(d.ok for d in inputs.proposals)
    assert inputs.input_hashes() == hashes and inputs.records() == records
