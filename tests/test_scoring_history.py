"""History in scoring: a track record moves long-term value (and the total) in its
direction by the stated amount; without records, or with none about a pair, every score
is exactly as without history."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

import matchmaker
from matchmaker.scoring.reasons import reasons

TODAY = dt.date(2026, 11, 28)
DEMAND, PROJECT, REGION = "2026-wanju/public-meals-second-gu", "urban-rural-public-meals", "52710"
DECISION = f"""\
kind: decision
round: 2025
pairs:
  - {{demand: 2025-wanju/meals, project: {PROJECT}, region: "{REGION}", amount: 100000000}}
"""


def _records(tmp_path: Path, actuals: list[int] | None) -> Path:
    folder = tmp_path / "records"
    (folder / "2025" / "results").mkdir(parents=True)
    (folder / "2025" / "decision.yaml").write_text(DECISION, "utf-8")
    if actuals is not None:
        lines = "".join(
            f"  - {{indicator: living-population, baseline: 90, target: 100, actual: {a}, "
            "evidence: [{title: 행정안전부 생활인구}]}\n"
            for a in actuals
        )
        (folder / "2025" / "results" / "wanju-2026.yaml").write_text(
            "kind: result\nround: 2025\ndemand: 2025-wanju/meals\n"
            f"project: {PROJECT}\nyear: 2026\nindicators:\n{lines}",
            "utf-8",
        )
    return folder


def _scores(history: Path | None) -> matchmaker.Scores:
    return matchmaker.score(matchmaker.load_run(today=TODAY, history=history))


@pytest.fixture(scope="module")
def without() -> matchmaker.Scores:
    return _scores(None)


def _cell(scores: matchmaker.Scores) -> tuple[int, int]:
    keys = [r.key for r in scores.demands.records]
    return keys.index(DEMAND), scores.projects.ids.index(PROJECT)


def test_targets_met_raise_long_term_value_by_the_stated_amount(
    tmp_path: Path, without: matchmaker.Scores
) -> None:
    scores = _scores(_records(tmp_path, [100, 120, 101, 150]))
    row, column = _cell(scores)
    relevance = without.relevance[row, column]
    assert relevance > 0
    raw = without.long.values[row, column] / relevance
    assert raw + 10 / 3 <= 100  # no clipping in this case
    # Region and project both 4 of 4 (shrunk 0.75), continuation unknown: +10/3 points.
    assert scores.track is not None
    assert scores.track.shift[row, column] == pytest.approx(10 / 3)
    lifted = scores.long.values[row, column] - without.long.values[row, column]
    assert lifted == pytest.approx(10 / 3 * relevance)
    w_long = without.weights[1]
    gained = scores.total[row, column] - without.total[row, column]
    assert gained == pytest.approx(w_long * 10 / 3 * relevance, abs=1e-5)
    said = reasons(scores, row, column, "en")
    assert any(
        "urban-rural-public-meals met 4 of 4 targets in 2026" in r and "(long-term value +3.3)" in r
        for r in said
    ), said


def test_targets_missed_lower_it(tmp_path: Path, without: matchmaker.Scores) -> None:
    scores = _scores(_records(tmp_path, [91, 80, 99, 95]))
    row, column = _cell(scores)
    assert scores.total[row, column] < without.total[row, column]
    said = reasons(scores, row, column, "ko")
    assert any("목표 4개 중 0개 달성(2026)" in r for r in said), said


def test_pairs_the_records_say_nothing_about_are_unchanged(
    tmp_path: Path, without: matchmaker.Scores
) -> None:
    scores = _scores(_records(tmp_path, [100, 120, 101, 150]))
    assert scores.track is not None
    untouched = scores.track.shift == 0
    assert untouched.any() and not untouched.all()
    assert np.array_equal(scores.total[untouched], without.total[untouched])


def test_a_history_without_results_changes_no_score(
    tmp_path: Path, without: matchmaker.Scores
) -> None:
    scores = _scores(_records(tmp_path, None))
    assert np.array_equal(scores.total, without.total)
    assert np.array_equal(scores.long.values, without.long.values)
    row, column = _cell(scores)
    assert "Track record: none in the records given (neutral)" in reasons(scores, row, column, "en")


def test_rank_with_history_names_the_records_among_its_inputs(cli, tmp_path: Path) -> None:
    folder = _records(tmp_path, [100, 120, 101, 150])
    plain = cli("rank", "--today", "2026-11-28", "--format", "json")
    run = cli("rank", "--today", "2026-11-28", "--format", "json", "--history", str(folder))
    assert run.exit_code == 0, run.output
    added = sorted(set(run.json()["inputs"]) - set(plain.json()["inputs"]))
    assert sorted(Path(name).name for name in added) == [
        "decision.yaml",
        "indicators.yaml",
        "wanju-2026.yaml",
    ]


def test_a_history_with_an_actual_and_no_evidence_stops_the_run(cli, tmp_path: Path) -> None:
    folder = _records(tmp_path, [100])
    result = folder / "2025" / "results" / "wanju-2026.yaml"
    result.write_text(
        result.read_text("utf-8").replace("[{title: 행정안전부 생활인구}]", "[]"), "utf-8"
    )
    run = cli("rank", "--today", "2026-11-28", "--history", str(folder), "--format", "json")
    assert run.exit_code == 1
    [finding] = json.loads(run.stderr)["diagnostics"]
    assert (finding["code"], finding["line"]) == ("actual-without-evidence", 7)


def test_an_empty_history_folder_is_an_error(cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    run = cli("rank", "--today", "2026-11-28", "--history", str(tmp_path / "empty"))
    assert run.exit_code == 1 and "no record files" in run.stderr


def test_explain_shows_the_track_record_points(cli, tmp_path: Path) -> None:
    folder = _records(tmp_path, [100, 120, 101, 150])
    args = ("explain", DEMAND, PROJECT, "--today", "2026-11-28", "--lang", "en")
    run = cli(*args, "--history", str(folder))
    assert run.exit_code == 0, run.output
    assert "track record      +3.33 points" in run.stdout
    assert "met 4 of 4 targets in 2026" in run.stdout
    assert cli(*args, "--history", str(folder), "--format", "json").json()["track_record"] == 3.33
    assert "track_record" not in cli(*args, "--format", "json").json()


def test_a_pair_funded_before_counts_as_a_tie_of_its_region(
    tmp_path: Path, without: matchmaker.Scores
) -> None:
    d = without.demands
    row = next(r for r in range(len(d.records)) if not without.ties.for_demand(d, r))
    region = d.records[row].region.code
    column = without.projects.ids.index("seoul-farms")
    folder = tmp_path / "records" / "2025"
    folder.mkdir(parents=True)
    (folder / "decision.yaml").write_text(
        "kind: decision\nround: 2025\npairs:\n"
        f'  - {{demand: 2025-x/y, project: seoul-farms, region: "{region}"}}\n',
        "utf-8",
    )
    scores = _scores(tmp_path / "records")
    # Continuity as for a documented tie: 1 for the project that ran there, 0.6 for others.
    assert without.long.parts["continuity"][0][row, column] == 0.0
    assert scores.long.parts["continuity"][0][row, column] == 1.0
    other = without.projects.ids.index("arts-touring")
    assert scores.long.parts["continuity"][0][row, other] == 0.6
    assert any(
        "Continues earlier cooperation (funded-pair: seoul-farms (2025))" in reason
        for reason in reasons(scores, row, column, "en")
    )


def test_with_history_a_pair_without_a_record_is_less_certain(
    tmp_path: Path, without: matchmaker.Scores
) -> None:
    scores = _scores(_records(tmp_path, [100, 120, 101, 150]))
    assert scores.track is not None
    has = scores.track.evidence
    assert has.any() and not has.all()
    # The track record weighs 0.1 beside long-term's 1: (known + 0.1 · has) / 1.1.
    expected = (without.long.known + 0.1 * has) / 1.1
    assert np.allclose(scores.long.known, expected)
    w_long = without.weights[1]
    lowered = ~has
    assert np.allclose(
        scores.confidence[lowered] - without.confidence[lowered],
        w_long * (expected - without.long.known)[lowered],
    )
    assert (scores.confidence[lowered] < without.confidence[lowered]).all()
