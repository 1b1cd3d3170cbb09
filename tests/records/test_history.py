"""History: attainment shrunk toward the prior, and the shift it gives long-term value.

The numbers are the ones stated in matchmaker/records/history.py, worked by hand:
shrunk(met, total) = (met + 4 · 0.5) / (total + 4); shift = 10 · 2 · (mean − 0.5).
"""

from __future__ import annotations

import pytest

from matchmaker.loading.documents import load_bytes
from matchmaker.models import Decision, Result
from matchmaker.records.history import Attainment, History, track_record


@pytest.mark.parametrize(
    ("met", "total", "shrunk"),
    [(0, 0, 0.5), (1, 1, 0.6), (3, 4, 0.625), (4, 4, 0.75), (0, 4, 0.25), (40, 40, 42 / 44)],
)
def test_thin_evidence_shrinks_toward_the_prior(met: int, total: int, shrunk: float) -> None:
    assert Attainment(met, total).shrunk == pytest.approx(shrunk)


def _decision(region: str | None = "52710") -> Decision:
    where = f", region: '{region}'" if region else ""
    pair = f"{{demand: 2025-w/meals, project: meals{where}}}"
    text = f"kind: decision\nround: 2025\npairs:\n  - {pair}\n"
    model = load_bytes(text.encode(), "d.yaml").model
    assert isinstance(model, Decision)
    return model


def _result(actuals: list[int], year: int = 2026, continued: str = "null") -> Result:
    lines = "".join(
        f"  - {{indicator: living-population, target: 100, actual: {a}, "
        "evidence: [{title: M}]}\n"
        for a in actuals
    )
    text = (
        "kind: result\nround: 2025\ndemand: 2025-w/meals\nproject: meals\n"
        f"year: {year}\nindicators:\n{lines}continued_after_support: {continued}\n"
    )
    loaded = load_bytes(text.encode(), f"r{year}.yaml")
    assert isinstance(loaded.model, Result), loaded.diagnostics
    return loaded.model


def _history(*results: Result, region: str | None = "52710") -> History:
    document = load_bytes(b"kind: decision\nround: 2025\npairs: []\n", "d.yaml")
    return History([(document, _decision(region))], [(document, r) for r in results])


REGIONS = ["52710", "46910"]
PROJECTS = ["meals", "farms"]


def test_four_of_four_met_moves_the_project_and_the_region_by_the_stated_amount() -> None:
    track = track_record(_history(_result([100, 120, 101, 150])), REGIONS, PROJECTS)
    # Same region and project: (0.75 + 0.75 + 0.5) / 3 = 2/3 → 20 · (2/3 − 1/2) = 10/3.
    assert track.shift[0, 0] == pytest.approx(10 / 3)
    # Only one of the two known: (0.75 + 0.5 + 0.5) / 3 → 20 · 1/12 = 5/3.
    assert track.shift[1, 0] == pytest.approx(5 / 3)
    assert track.shift[0, 1] == pytest.approx(5 / 3)
    # Neither: exactly the prior, exactly no shift.
    assert track.shift[1, 1] == 0.0
    assert track.projects["meals"] == Attainment(4, 4, (2026,))


def test_targets_missed_move_it_down_and_continuation_counts() -> None:
    missed = track_record(_history(_result([90, 80, 99, 10])), REGIONS, PROJECTS)
    # (0.25 + 0.25 + 0.5) / 3 = 1/3 → 20 · (1/3 − 1/2) = −10/3.
    assert missed.shift[0, 0] == pytest.approx(-10 / 3)
    continued = track_record(
        _history(_result([90, 80, 99, 10], continued="true")), REGIONS, PROJECTS
    )
    # Continuation 1 of 1 → 0.6: (0.25 + 0.25 + 0.6) / 3 → 20 · (1.1/3 − 0.5).
    assert continued.shift[0, 0] == pytest.approx(20 * (1.1 / 3 - 0.5))


def test_the_latest_year_says_whether_cooperation_continued() -> None:
    history = _history(_result([100], 2026, "true"), _result([100], 2027, "false"))
    assert history.continuation()["meals"] == Attainment(0, 1, (2027,))


def test_one_target_says_less_than_four() -> None:
    one = track_record(_history(_result([100])), REGIONS, PROJECTS)
    four = track_record(_history(_result([100, 100, 100, 100])), REGIONS, PROJECTS)
    assert 0 < one.shift[0, 0] < four.shift[0, 0]
    # (0.6 + 0.6 + 0.5) / 3 → 20 · (1.7/3 − 0.5) = 4/3.
    assert one.shift[0, 0] == pytest.approx(4 / 3)


def test_a_decision_without_regions_credits_the_project_only() -> None:
    track = track_record(_history(_result([100] * 4), region=None), REGIONS, PROJECTS)
    assert track.regions == {}
    assert track.shift[0, 0] == pytest.approx(track.shift[1, 0]) == pytest.approx(5 / 3)


def test_the_span_of_years_is_written_for_the_reasons() -> None:
    assert Attainment(3, 4, (2025, 2026)).span() == "2025–2026"
    assert Attainment(1, 1, (2026,)).span() == "2026"
