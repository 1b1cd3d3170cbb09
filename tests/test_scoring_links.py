"""Synergy's counts and theme coverage read from indexes equal the matrix products they
replaced (matchmaker/scoring/engine.py ProjectLinks, components.py _theme_sums)."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaker.scoring import components
from matchmaker.scoring.engine import ProjectLinks
from matchmaker.scoring.features import MODES, ProjectFeatures


def _projects(themes: np.ndarray, complements: np.ndarray) -> ProjectFeatures:
    count = len(themes)
    return ProjectFeatures(
        projects=[None] * count,  # type: ignore[list-item]
        themes=themes,
        terms=[[] for _ in range(count)],
        modes=np.zeros((count, len(MODES)), dtype=bool),
        budget_min=np.full(count, np.nan),
        budget_max=np.full(count, np.nan),
        years=np.full(count, np.nan),
        local_match_min=np.full(count, np.nan),
        status=[None] * count,
        capacity_building=np.full(count, np.nan),
        partner_kinds=np.zeros(count, dtype=int),
        outcome_indicators=np.zeros(count, dtype=bool),
        complements=complements,
    )


def _random(seed: int) -> tuple[ProjectFeatures, np.ndarray]:
    rng = np.random.default_rng(seed)
    count, theme_count, demands = int(rng.integers(1, 40)), int(rng.integers(1, 12)), 30
    themes = rng.random((count, theme_count)) < rng.uniform(0.0, 0.4)
    themes[rng.random(count) < 0.2] = False  # some projects list no theme of the catalog
    half = np.triu(rng.random((count, count)) < rng.uniform(0.0, 0.2), 1)
    wanted = rng.random((demands, count)) < rng.uniform(0.0, 0.5)
    return _projects(themes, half | half.T), wanted


@pytest.mark.parametrize("seed", range(20))
def test_complement_and_theme_hits_equal_the_products(seed: int) -> None:
    p, wanted = _random(seed)
    links = ProjectLinks.of(p)
    by_product = wanted.astype(float) @ p.complements.astype(float)
    shared = (p.themes.astype(float) @ p.themes.T.astype(float)) > 0
    np.fill_diagonal(shared, False)
    theme_by_product = (wanted.astype(float) @ shared.astype(float)) > 0
    assert np.array_equal(links.complement_hits(wanted), by_product)
    assert np.array_equal(links.theme_hits(wanted), theme_by_product)


@pytest.mark.parametrize("seed", range(20))
def test_some_pairs_hits_are_those_of_every_pair(seed: int) -> None:
    """`rank` counts complements and shared themes only for the pairs where synergy
    counts and those it shows (`*_at`): each is the number the whole array holds."""
    p, wanted = _random(seed)
    links = ProjectLinks.of(p)
    rng = np.random.default_rng(500 + seed)
    rows = rng.integers(0, wanted.shape[0], 60)
    columns = rng.integers(0, wanted.shape[1], 60)
    rows, columns = np.concatenate([rows, rows[:9]]), np.concatenate([columns, columns[:9]])
    whole_hits, whole_themes = links.complement_hits(wanted), links.theme_hits(wanted)
    at_hits = links.complement_hits_at(wanted, rows, columns)
    at_themes = links.theme_hits_at(wanted, rows, columns)
    assert at_hits.tobytes() == whole_hits[rows, columns].tobytes()
    assert at_themes.tobytes() == whole_themes[rows, columns].tobytes()
    empty = np.zeros(0, dtype=int)
    assert len(links.complement_hits_at(wanted, empty, empty)) == 0
    assert len(links.theme_hits_at(wanted, empty, empty)) == 0


def test_synergy_inputs_of_some_pairs_are_every_pairs_to_the_last_bit() -> None:
    """The bundled run's complements, neighbours and neighbouring regions wanting each
    project, for every pair (as `explain` and `allocate` read them) and pair by pair (as
    `rank` does)."""
    import datetime as dt

    import matchmaker

    scores = matchmaker.score(matchmaker.load_run(today=dt.date(2026, 11, 28)))
    inputs = scores.synergy_inputs
    rows, columns = (axis.ravel() for axis in np.indices(scores.total.shape))
    assert inputs.complements.max() > 0 and inputs.neighbours.max() > 0
    for whole, at in (
        (inputs.complements, inputs.complements_at),
        (inputs.neighbours, inputs.neighbours_at),
        (inputs.neighbour_regions, inputs.neighbour_regions_at),
    ):
        assert at(rows, columns).tobytes() == whole[rows, columns].tobytes()
        assert at(rows[::-7], columns[::-7]).tobytes() == whole[rows[::-7], columns[::-7]].tobytes()


@pytest.mark.parametrize("seed", range(20))
def test_theme_sums_are_the_theme_by_theme_sums(seed: int) -> None:
    p, _ = _random(seed)
    rng = np.random.default_rng(1000 + seed)
    weights = np.where(rng.random((25, p.themes.shape[1])) < 0.3, rng.uniform(0.5, 1.0), 0.0)
    project_themes = p.themes.astype(float)
    expected = np.zeros((len(weights), len(project_themes)))
    for theme in range(weights.shape[1]):
        expected += weights[:, theme, None] * project_themes[None, :, theme]
    found = components._theme_sums(weights, project_themes)
    assert found.tobytes() == expected.tobytes()


def test_no_demand_wants_anything_then_nothing_is_counted() -> None:
    themes = np.array([[True, False], [True, True], [False, False]])
    complements = np.array([[False, True, False], [True, False, False], [False, False, False]])
    links = ProjectLinks.of(_projects(themes, complements))
    nothing = np.zeros((2, 3), dtype=bool)
    assert not links.complement_hits(nothing).any() and not links.theme_hits(nothing).any()
    # the second project wanted: the first complements it and shares its theme; the
    # third lists no theme and complements nothing
    wanted = np.array([[False, True, False]])
    assert links.complement_hits(wanted).tolist() == [[1.0, 0.0, 0.0]]
    assert links.theme_hits(wanted).tolist() == [[True, False, False]]


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("columns", [0, 1, 13, 63, 64])
@pytest.mark.parametrize("bit_count", [True, False])
def test_shared_counts_are_the_columns_in_common_counted_one_by_one(
    seed: int, columns: int, bit_count: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not bit_count:  # an older numpy: the columns added one by one
        monkeypatch.delattr(np, "bitwise_count", raising=False)
    rng = np.random.default_rng(seed)
    left = rng.random((int(rng.integers(0, 30)), columns)) < rng.uniform(0.0, 0.5)
    right = rng.random((int(rng.integers(0, 50)), columns)) < rng.uniform(0.0, 0.5)
    expected = np.zeros((len(left), len(right)))
    for a in range(len(left)):
        for b in range(len(right)):
            expected[a, b] = float(np.count_nonzero(left[a] & right[b]))
    found = components.shared_counts(left, right)
    assert found.dtype == np.float64 and found.tobytes() == expected.tobytes()
