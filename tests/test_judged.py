"""Judged sets as test data (matchmaker/judged.py): a frozen set is never edited, and a
mistake found later is corrected on load, beside what was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchmaker.judged import Correction, load_corrections, load_judged

SET = """\
set: blind-x
judged:
  - id: x-1
    region: 북구
    language: en
    kind: no-fit
    title: "Sewage"
    description: "Daegu's Buk-gu needs new sewage pipes."
    relevance: {}
  - id: x-2
    region: 홍천군
    language: ko
    kind: direct
    title: "급식"
    description: "공공급식"
    relevance: {urban-rural-public-meals: 3, sangsaeng-sanghoe: 1}
"""


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "blind-x.yaml"
    path.write_text(SET, encoding="utf-8")
    return path


def _correction(**changes: object) -> Correction:
    fields: dict[str, object] = {
        "set": "blind-x.yaml",
        "demand": "x-1",
        "field": "region",
        "was": "북구",
        "now": "대구광역시 북구",
        "why": "the text says Daegu",
    }
    return Correction(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_region_correction_is_applied_on_load_and_the_file_stays_as_written(
    tmp_path: Path,
) -> None:
    path = _written(tmp_path)
    entries = load_judged(path, [_correction()])
    assert [e.region for e in entries] == ["대구광역시 북구", "홍천군"]
    assert path.read_text(encoding="utf-8") == SET
    assert load_judged(path)[0].region == "북구"


def test_a_grade_correction_can_be_left_out_to_give_the_figures_as_first_graded(
    tmp_path: Path,
) -> None:
    path = _written(tmp_path)
    regrade = _correction(
        demand="x-2", field="relevance", project="sangsaeng-sanghoe", was=1, now=0
    )
    corrected = load_judged(path, [regrade])[1]
    assert corrected.relevance == {"urban-rural-public-meals": 3}
    first = load_judged(path, [regrade, _correction()], grades_as_written=True)
    assert first[1].relevance == {"urban-rural-public-meals": 3, "sangsaeng-sanghoe": 1}
    assert first[0].region == "대구광역시 북구"  # region corrections always apply


def test_corrections_of_other_sets_are_ignored(tmp_path: Path) -> None:
    entries = load_judged(_written(tmp_path), [_correction(set="blind-y.yaml")])
    assert entries[0].region == "북구"


@pytest.mark.parametrize(
    "stale",
    [
        _correction(was="남구"),  # the file does not say what the correction says it says
        _correction(demand="x-9"),  # no such demand
        _correction(demand="x-2", field="relevance", project="ieum-jobs", was=2, now=3),
    ],
)
def test_a_stale_correction_is_an_error_not_a_silent_no_op(
    tmp_path: Path, stale: Correction
) -> None:
    with pytest.raises(ValueError):
        load_judged(_written(tmp_path), [stale])


def test_corrections_are_read_from_their_file(tmp_path: Path) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(
        "corrections:\n  - {set: blind-x.yaml, demand: x-1, field: region, was: 북구,"
        " now: 대구광역시 북구, why: the text says Daegu}\n",
        encoding="utf-8",
    )
    assert load_corrections(path) == [_correction()]
    path.write_text(
        "corrections:\n  - {set: a, demand: b, field: title, was: c, now: d, why: e}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="title"):
        load_corrections(path)


def test_the_recorded_corrections_match_their_frozen_sets() -> None:
    judged = Path(__file__).resolve().parent / "judged"
    corrections = load_corrections(judged / "corrections.yaml")
    for name in sorted({c.set for c in corrections}):
        load_judged(judged / name, corrections)  # raises if any no longer applies
