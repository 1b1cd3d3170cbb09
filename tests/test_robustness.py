"""Sensitivity, compare and diff: exact intervals agree with sweeps; self-comparisons are
empty."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from matchmaker.bundled import default_profile_path, profiles_dir, proposals_dir
from matchmaker.inputs import load_run
from matchmaker.robustness.diff import NotARun, diff_runs
from matchmaker.robustness.sensitivity import interval_for, sensitivity
from matchmaker.scoring.engine import score

TODAY = ("--today", "2026-11-28")


@pytest.fixture(scope="module")
def scores():
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None and inputs.profile is not None
    return score(inputs.catalog, inputs.records(), inputs.profile)


@pytest.mark.parametrize("seed", range(25))
def test_exact_intervals_agree_with_a_brute_force_sweep(seed: int) -> None:
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, 100, (6, 3))
    eligible = rng.random(6) < 0.85
    eligible[0] = True
    weights = rng.uniform(0.1, 1.0, 3)
    totals = points @ weights
    candidates = np.flatnonzero(eligible)
    top = int(candidates[np.argmax(totals[candidates])])
    for j in range(3):
        low, high = interval_for(points, eligible, top, weights, j)
        grid = np.linspace(0, 5, 5001)
        stays = []
        for value in grid:
            w = weights.copy()
            w[j] = value
            t = points[candidates] @ w
            stays.append(candidates[np.argmax(t)] == top)
        stays = np.array(stays)
        inside = (grid >= max(low, 0) + 2e-3) & (grid <= min(high, 5) - 2e-3)
        outside = (grid < low - 2e-3) | (grid > high + 2e-3)
        assert stays[inside].all()
        assert not stays[outside].any()


def test_sensitivity_is_deterministic_for_a_seed(scores) -> None:
    first = sensitivity(scores, draws=200, seed=7)
    assert first == sensitivity(scores, draws=200, seed=7)
    for found in first:
        if found.top_project is not None:
            assert abs(sum(found.first_share.values()) - 1.0) < 1e-6
            assert found.fragile == (found.first_share.get(found.top_project, 0) < 0.6)
            for interval in found.intervals:
                assert interval.low <= interval.weight <= interval.high


def test_sensitivity_json_prints_plain_json(cli) -> None:
    # Regression: numpy booleans in `fragile` once made this an internal error (exit 70).
    run = cli("sensitivity", "--format", "json", "--draws", "50", *TODAY)
    assert run.exit_code == 0, run.output
    assert all(isinstance(d["fragile"], bool) for d in run.json()["demands"])


def test_compare_a_profile_with_itself_gives_tau_1_and_no_moves(cli, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(
        (profiles_dir() / "default.yaml")
        .read_text(encoding="utf-8")
        .replace("id: default", "id: copy"),
        encoding="utf-8",
    )
    data = cli("compare", str(default_profile_path()), str(copy), "--format", "json", *TODAY).json()
    assert data["overall_tau"] == {"default|copy": 1.0}
    assert data["moves"] == []


def test_compare_a_bonus_for_every_project_of_a_demand_never_reorders_it(cli) -> None:
    # decline-areas is default plus points for decline areas, added to every project of a
    # demand alike: tau is exactly 1 for that pair, and no move names it.
    data = cli(
        "compare",
        *sorted(str(p) for p in profiles_dir().glob("*.yaml")),
        "--format",
        "json",
        *TODAY,
    ).json()
    assert len(data["overall_tau"]) == 3
    assert data["overall_tau"]["decline-areas|default"] == 1.0
    assert all(-1 <= tau <= 1 for tau in data["overall_tau"].values())


def test_diff_of_a_run_with_itself_is_empty(cli, tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    path.write_text(cli("rank", "--format", "json", *TODAY).output, encoding="utf-8")
    run = cli("diff", str(path), str(path), "--format", "json")
    assert run.json()["empty"] is True
    assert cli("diff", str(path), str(path)).output.strip() == "No differences."


def test_diff_names_the_profile_as_the_cause(cli, tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(cli("rank", "--format", "json", *TODAY).output, encoding="utf-8")
    new.write_text(
        cli(
            "rank",
            "--format",
            "json",
            "--profile",
            str(profiles_dir() / "long-term-first.yaml"),
            *TODAY,
        ).output,
        encoding="utf-8",
    )
    data = cli("diff", str(old), str(new), "--format", "json").json()
    assert "profile" in data["causes"] and data["changed"]


def test_diff_of_allocations_reports_changed_assignments(cli, tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(cli("allocate", "--format", "json", *TODAY).output, encoding="utf-8")
    new.write_text(
        cli("allocate", "--format", "json", "--budget", "500000000", *TODAY).output,
        encoding="utf-8",
    )
    data = cli("diff", str(old), str(new), "--format", "json").json()
    assert data["kind"] == "allocate" and "options" in data["causes"]
    assert data["removed"] or data["changed"]


def test_diff_refuses_what_is_not_a_run(cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1,\n  "matches": [,]}', encoding="utf-8")
    run = cli("diff", str(broken), str(broken))
    assert run.exit_code == 1 and ":2:" in run.output
    with pytest.raises(NotARun):
        diff_runs({"version": 1}, {"version": 1})


@pytest.mark.parametrize("seed", range(10))
def test_pruned_projects_never_reach_the_top_3(seed: int) -> None:
    from matchmaker.robustness.sensitivity import podium_candidates

    rng = np.random.default_rng(seed)
    points = np.round(rng.uniform(0, 10, (40, 3)))  # coarse values: many ties
    eligible = rng.random(40) < 0.9
    kept = set(podium_candidates(points, eligible, np.array([True, True, True])).tolist())
    columns = np.flatnonzero(eligible)
    for weights in rng.dirichlet([1, 1, 1], size=300):
        totals = points[columns] @ weights
        order = sorted(range(len(columns)), key=lambda i: (-totals[i], columns[i]))
        assert {int(columns[i]) for i in order[:3]} <= kept


def test_diff_refuses_a_device_or_a_fifo_instead_of_reading_it(cli, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # reading it would wait forever for a writer
    for path in (Path("/dev/zero"), fifo):
        run = cli("diff", str(path), str(path))
        assert run.exit_code == 1
        assert "not a regular file" in run.stderr


def test_sensitivity_has_one_json_shape_in_the_command_and_the_report(cli) -> None:
    import datetime as dt

    from matchmaker.inputs import load_run
    from matchmaker.report.data import build_report_data

    command = cli("sensitivity", "--format", "json", "--draws", "50", *TODAY).json()
    data = build_report_data(load_run(None, None, None, dt.date(2026, 11, 28)), draws=50)
    assert [data.sensitivity[entry["demand"]] for entry in command["demands"]] == (
        command["demands"]
    )


def test_compare_prints_a_header_over_aligned_columns(cli) -> None:
    out = cli("compare", *sorted(str(p) for p in profiles_dir().glob("*.yaml")), *TODAY).stdout
    header, first = out.splitlines()[:2]
    assert header.split() == ["demand", "decline-areas", "default", "long-term-first"]
    assert header.index("decline-areas") == first.index(first.split()[1])  # aligned


# --- --history: the track record is in the scores sensitivity and compare test ----------

HISTORY = Path(__file__).resolve().parent.parent / "examples" / "records"


def _with_history():
    inputs = load_run(
        [proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28), history=HISTORY
    )
    assert inputs.catalog is not None and inputs.profile is not None
    return score(inputs.catalog, inputs.records(), inputs.profile, inputs.history)


def test_sensitivity_with_history_tests_the_scores_with_their_track_record(cli) -> None:
    from matchmaker.render.robustness import sensitivity_entry

    given = cli(
        "sensitivity", "--history", str(HISTORY), "--format", "json", "--draws", "50", *TODAY
    ).json()
    expected = [sensitivity_entry(s) for s in sensitivity(_with_history(), draws=50, seed=0)]
    assert given["demands"] == expected
    without = cli("sensitivity", "--format", "json", "--draws", "50", *TODAY).json()
    # The track record moved long-term value, so some weight interval moved with it, and
    # the records are among the inputs hashed.
    assert given["demands"] != without["demands"]
    assert any(name.startswith("examples/records/") for name in given["inputs"])
    assert not any(name.startswith("examples/records/") for name in without["inputs"])


def test_compare_with_history_ranks_with_the_track_record(cli, tmp_path: Path) -> None:
    from matchmaker.loading.documents import load_file
    from matchmaker.robustness.compare import compare

    # Long-term value alone, beside the default: where the track record shows most.
    long_only = tmp_path / "long-only.yaml"
    long_only.write_text(
        "kind: profile\nid: long-only\nname: {ko: 장기 가치만, en: Long-term only}\n"
        "weights: {demand_fit: 0.0, long_term: 1.0, synergy: 0.0}\n",
        encoding="utf-8",
    )
    profiles = [str(default_profile_path()), str(long_only)]
    given = cli("compare", *profiles, "--history", str(HISTORY), "--format", "json", *TODAY).json()
    loaded = [load_file(Path(p)).model for p in profiles]
    expected = compare(_with_history(), loaded)  # type: ignore[arg-type]
    assert given["top"] == expected.top
    assert given["overall_tau"] == expected.overall_tau
    without = cli("compare", *profiles, "--format", "json", *TODAY).json()
    assert given["overall_tau"] != without["overall_tau"]
    assert any(name.startswith("examples/records/") for name in given["inputs"])


@pytest.mark.parametrize("seed", range(10))
def test_probing_keeps_exactly_the_projects_all_pairs_keep(seed: int) -> None:
    from matchmaker.robustness.sensitivity import podium_candidates

    rng = np.random.default_rng(seed)
    points = np.round(rng.uniform(0, 6, (200, 3)))  # coarse: many ties and dominations
    eligible = rng.random(200) < 0.8
    active = np.array([True, bool(seed % 2), True])
    columns = np.flatnonzero(eligible)
    values = points[columns][:, active]
    at_least = (values[:, None, :] >= values[None, :, :]).all(axis=2)
    beyond = (values[:, None, :] > values[None, :, :]).any(axis=2)
    expected = columns[(at_least & beyond).sum(axis=0) < 3]
    assert podium_candidates(points, eligible, active).tolist() == expected.tolist()
