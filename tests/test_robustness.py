"""Sensitivity, compare and diff: exact intervals agree with sweeps; self-comparisons are
empty."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from matchmaker.bundled import default_profile_path, profiles_dir, proposals_dir
from matchmaker.inputs import load_run
from matchmaker.robustness import sensitivity as sensitivity_module
from matchmaker.robustness.diff import NotARun, diff_runs
from matchmaker.robustness.sensitivity import (
    interval_for,
    intervals_for,
    podium_mask,
    sensitivity,
    unique_rows,
    weight_corners,
)
from matchmaker.scoring.engine import COMPONENTS, score

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


def _draws(seed: int, size: int) -> np.ndarray:
    return np.random.default_rng(seed).dirichlet(30 * np.array([0.5, 0.3, 0.2]), size=size)


@pytest.mark.parametrize("seed", range(10))
def test_pruned_projects_never_reach_the_top_3(seed: int) -> None:
    rng = np.random.default_rng(seed)
    points = np.round(rng.uniform(0, 10, (4, 40, 3)))  # coarse values: many ties
    eligible = rng.random((4, 40)) < 0.9
    draws = _draws(seed, 300)
    kept = podium_mask(points, eligible, weight_corners(draws))
    assert not (kept & ~eligible).any()
    for row in range(4):
        columns = np.flatnonzero(eligible[row])
        for weights in draws:
            totals = points[row, columns] @ weights
            order = sorted(range(len(columns)), key=lambda i: (-totals[i], columns[i]))
            assert all(kept[row, columns[i]] for i in order[:3])


@pytest.mark.parametrize("seed", range(5))
def test_every_draw_lies_within_the_corners(seed: int) -> None:
    # A linear score is then never above its best corner nor below its worst.
    draws = _draws(seed, 500)
    corners = weight_corners(draws)
    assert np.allclose(corners.sum(axis=1), 1.0)
    for direction in np.random.default_rng(seed).normal(size=(50, 3)):
        at_corners = corners @ direction
        at_draws = draws @ direction
        assert at_draws.min() >= at_corners.min() - 1e-12
        assert at_draws.max() <= at_corners.max() + 1e-12


def _scores(points: np.ndarray, eligible: np.ndarray, weights: tuple[float, ...]) -> Any:
    """What `sensitivity` reads of a scored run, around given component points."""
    components = {
        name: SimpleNamespace(values=points[:, :, j]) for j, name in enumerate(COMPONENTS)
    }
    return SimpleNamespace(
        component=components.__getitem__,
        profile=SimpleNamespace(
            weights=SimpleNamespace(**dict(zip(COMPONENTS, weights, strict=True)))
        ),
        eligibility=SimpleNamespace(eligible=eligible),
        demands=SimpleNamespace(
            records=[SimpleNamespace(key=f"p/d{i}") for i in range(len(points))]
        ),
        projects=SimpleNamespace(ids=[f"project-{j:02d}" for j in range(points.shape[1])]),
    )


@pytest.mark.parametrize(
    ("seed", "weights"),
    [(0, (0.5, 0.3, 0.2)), (1, (1.0, 0.0, 1.0)), (2, (0.0, 0.0, 2.0)), (3, (0.2, 0.2, 0.6))],
)
def test_draw_shares_are_the_counts_of_ordering_every_draw(
    seed: int, weights: tuple[float, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Coarse points tie often: equal totals go to the smaller id, first and third place
    # alike. Small blocks and budgets make the demands go through several parts.
    monkeypatch.setattr(sensitivity_module, "BLOCK", 7)
    monkeypatch.setattr(sensitivity_module, "PAIR_BUDGET", 2_000)
    rng = np.random.default_rng(seed)
    points = np.round(rng.uniform(0, 5, (20, 30, 3)))
    eligible = rng.random((20, 30)) < 0.8
    eligible[3] = False  # a demand with no eligible project
    eligible[4] = False
    eligible[4, :2] = True  # and one with fewer than three
    draws = 120
    found = sensitivity(_scores(points, eligible, weights), draws=draws, seed=seed)
    shares = np.array(weights) / sum(weights)
    sampled = np.zeros((draws, 3))
    active = shares > 0
    sampled[:, active] = np.random.default_rng(seed).dirichlet(30 * shares[active], size=draws)
    for row, result in enumerate(found):
        columns = np.flatnonzero(eligible[row])
        if not len(columns):
            assert result.top_project is None and result.first_share == {}
            continue
        first: dict[str, int] = {}
        top3: dict[str, int] = {}
        for drawn in sampled:
            totals = points[row, columns] @ drawn
            order = sorted(range(len(columns)), key=lambda i: (-totals[i], columns[i]))
            names = [f"project-{columns[i]:02d}" for i in order[:3]]
            first[names[0]] = first.get(names[0], 0) + 1
            for name in names:
                top3[name] = top3.get(name, 0) + 1
        assert result.first_share == {k: round(n / draws, 4) for k, n in first.items()}
        assert result.top3_share == {k: round(n / draws, 4) for k, n in top3.items()}


def test_intervals_of_a_block_are_each_demands_own(scores) -> None:
    points = np.stack([scores.component(name).values for name in COMPONENTS], axis=-1)
    eligible = scores.eligibility.eligible
    weights = np.array([0.5, 0.3, 0.2])
    top = np.argmax(np.where(eligible, points @ weights, -np.inf), axis=1)
    low, high = intervals_for(points, eligible, top, weights)
    for row in range(len(points)):
        for j in range(3):
            alone = interval_for(points[row], eligible[row], int(top[row]), weights, j)
            assert alone == (low[row, j], high[row, j])


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
    # The track record moves long-term value, so the two profiles agree differently on
    # some demand (the overall tau, a mean over demands, may happen to come out the same).
    assert given["kendall_tau"] != without["kendall_tau"]
    assert given["top"] != without["top"]
    assert any(name.startswith("examples/records/") for name in given["inputs"])


@pytest.mark.parametrize("seed", range(20))
def test_unique_rows_are_numpys_unique_rows(seed: int) -> None:
    # weight_corners' own sort and de-duplication, against numpy's (which imports numpy.ma)
    rng = np.random.default_rng(seed)
    values = rng.choice([0.0, 0.1, 0.25, 1 / 3, 0.5, 1.0 - 0.1 - 0.25], size=(12, 3))
    rows = [values[i] for i in rng.integers(0, 12, size=int(rng.integers(1, 13)))]
    expected = np.unique(np.array(rows), axis=0)
    got = unique_rows(rows)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert got.tobytes() == expected.tobytes()


def test_sensitivity_asked_again_is_answered_without_loading(cli, own_cache, loads) -> None:
    first = cli("sensitivity", "--format", "json", "--draws", "50", *TODAY)
    again = cli("sensitivity", "--format", "json", "--draws", "50", *TODAY)
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
    assert len(loads) == 1
    cli("sensitivity", "--format", "json", "--draws", "50", "--seed", "1", *TODAY)
    assert len(loads) == 2  # another seed: another question


def test_allocation_draws_cut_short_by_the_time_allowed_are_never_kept(
    cli, own_cache, loads, monkeypatch
) -> None:
    original = sensitivity_module.allocation_survival

    def out_of_time(*args: Any, **kwargs: Any) -> Any:
        return original(*args[:4], 0.0)  # no time at all: no draw is done

    monkeypatch.setattr(sensitivity_module, "allocation_survival", out_of_time)
    options = ("sensitivity", "--format", "json", "--draws", "5", "--allocate", *TODAY)
    first = cli(*options)
    assert first.exit_code == 0 and first.json()["allocation"]["draws"] == 0
    cli(*options)
    assert len(loads) == 2
    assert not list(own_cache.rglob("*.out"))
