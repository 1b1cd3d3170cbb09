"""A run's inputs (matchmaker/inputs.py): what is kept once the findings are shown."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

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


def test_display_names_are_display_name_of_each_file(tmp_path: Path) -> None:
    from matchmaker import bundled
    from matchmaker.inputs import _bundled_roots, display_name, display_names

    catalog, examples = bundled.catalog_dir(), bundled.examples_dir()
    files = [str(p) for p in sorted(catalog.rglob("*.yaml"))]
    files += [str(p) for p in sorted(examples.rglob("*"))]
    files += [
        str(catalog),  # a root itself
        f"{catalog}{os.sep}",
        f"{catalog}{os.sep}.{os.sep}regions.yaml",
        f"{catalog}{os.sep}{os.sep}regions.yaml",
        f"{catalog}{os.sep}..{os.sep}x.yaml",
        f"{catalog}-other{os.sep}regions.yaml",  # a folder that only starts like a root
        str(tmp_path / "elsewhere" / "p.yaml"),
        "relative.yaml",
        f"sub{os.sep}relative.yaml",
        "",
    ]
    roots = _bundled_roots()
    assert display_names(files, roots) == [display_name(file, roots) for file in files]
    assert display_names([str(catalog / "regions.yaml")], roots) == ["catalog/regions.yaml"]
