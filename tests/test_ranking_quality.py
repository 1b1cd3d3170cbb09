"""Ranking quality on the judged set: demands written as regions write them, graded by
hand (tests/judged/demands.yaml). The floors are what the scoring has earned; a change
that lowers them should be questioned, not the floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchmaker.bundled import catalog_dir, default_profile_path
from matchmaker.catalog import load_catalog
from matchmaker.evaluation import dcg, ndcg_at, top1_hit
from matchmaker.judged import evaluate, load_judged
from matchmaker.loading.documents import load_file
from matchmaker.models import Profile

JUDGED = Path(__file__).resolve().parent / "judged" / "demands.yaml"
NDCG3_FLOOR = 0.80
TOP1_FLOOR = 0.70


def test_dcg_worked_example() -> None:
    # gains 3, 2, 0: 7/log2(2) + 3/log2(3) + 0 = 7 + 1.8928 = 8.8928
    assert dcg([3, 2, 0]) == pytest.approx(8.89279, abs=1e-5)


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise() -> None:
    relevance = {"a": 3, "b": 2, "c": 1}
    assert ndcg_at(["a", "b", "c"], relevance, 3) == pytest.approx(1.0)
    assert ndcg_at(["c", "b", "a"], relevance, 3) < 1.0
    assert ndcg_at(["x", "y", "z"], relevance, 3) == 0.0
    assert top1_hit(["a", "x"], relevance) and not top1_hit(["b", "a"], relevance)


def test_the_judged_set_is_large_and_varied() -> None:
    entries = load_judged(JUDGED)
    assert len(entries) >= 30
    best = {max(e["relevance"], key=e["relevance"].get) for e in entries}
    assert len(best) >= 12  # nearly every project is someone's right answer


@pytest.fixture(scope="module")
def result():
    catalog, problems = load_catalog(catalog_dir())
    assert catalog is not None, problems
    profile = load_file(default_profile_path()).model
    assert isinstance(profile, Profile)
    return evaluate(catalog, profile, load_judged(JUDGED))


def test_ndcg_at_3_stays_above_its_floor(result) -> None:
    assert result.ndcg3 >= NDCG3_FLOOR, result.misses


def test_top1_accuracy_stays_above_its_floor(result) -> None:
    assert result.top1 >= TOP1_FLOOR, result.misses
