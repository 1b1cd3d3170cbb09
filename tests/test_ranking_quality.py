"""Ranking quality on the judged sets (tests/judged/sets.yaml says where each came from).

The floors are stated targets (issue 10), not today's values minus a hair: nDCG@3 0.85
and top-1 0.80 over demands that have a right project; "no suitable project" for at least
5 in 6 no-fit demands and at most 1 in 20 demands that do have a right project; the four
versions of a paraphrase group agreeing on the first answer in 10 of 12 groups; English
within 0.05 (nDCG@3) of Korean. And on every set the full score is at least as good as
each simple baseline (demand fit alone, wording cosine alone): a model that loses to its
own parts is not earning its complexity.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pytest
import yaml

from matchmaker.bundled import catalog_dir, default_profile_path
from matchmaker.catalog import load_catalog
from matchmaker.evaluation import dcg, ndcg_at, top1_hit
from matchmaker.judged import (
    RANKERS,
    JudgedDemand,
    SetResult,
    answered_rightly,
    evaluate,
    load_corrections,
    load_judged,
)
from matchmaker.loading.documents import load_file
from matchmaker.models import Profile

JUDGED_DIR = Path(__file__).resolve().parent / "judged"
# Mistakes found after freezing, applied on load (the frozen files stay as written).
CORRECTIONS = load_corrections(JUDGED_DIR / "corrections.yaml")
REGISTRY = yaml.safe_load((JUDGED_DIR / "sets.yaml").read_text(encoding="utf-8"))["sets"]
ALL_SETS = [entry["file"] for entry in REGISTRY]
# Written blind (whether or not their figures were later seen): the structure checks.
BLIND_SETS = [entry["file"] for entry in REGISTRY if entry["provenance"].startswith("blind")]
# The first wave's sets carry no language, kind or paraphrase tags.
TAGGED_SETS = [name for name in ALL_SETS if name not in ("demands.yaml", "holdout.yaml")]

NDCG_TARGET, TOP1_TARGET = 0.85, 0.80
KINDS = {"direct", "indirect", "trap", "multi-need", "no-fit"}
LANGUAGES = {"ko", "en", "mixed"}


@cache
def result(name: str) -> SetResult:
    catalog, problems = load_catalog(catalog_dir())
    assert catalog is not None, problems
    profile = load_file(default_profile_path()).model
    assert isinstance(profile, Profile)
    return evaluate(catalog, profile, load_judged(JUDGED_DIR / name, CORRECTIONS), name)


def test_dcg_worked_example() -> None:
    # gains 3, 2, 0: 7/log2(2) + 3/log2(3) + 0 = 7 + 1.8928 = 8.8928
    assert dcg([3, 2, 0]) == pytest.approx(8.89279, abs=1e-5)


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise() -> None:
    relevance = {"a": 3, "b": 2, "c": 1}
    assert ndcg_at(["a", "b", "c"], relevance, 3) == pytest.approx(1.0)
    assert ndcg_at(["c", "b", "a"], relevance, 3) < 1.0
    assert ndcg_at(["x", "y", "z"], relevance, 3) == 0.0
    assert top1_hit(["a", "x"], relevance) and not top1_hit(["b", "a"], relevance)


def test_a_version_isanswered_rightly_by_a_right_project_first_or_no_fit_for_no_fit() -> None:
    multi = JudgedDemand("m", "홍천군", "t", "d", {"a": 3, "b": 3, "c": 1})
    nothing = JudgedDemand("n", "홍천군", "t", "d", {})
    assert answered_rightly(multi, ["b", "a"], no_fit=False)  # either right project
    assert not answered_rightly(multi, ["c", "a"], no_fit=False)
    assert not answered_rightly(multi, ["a"], no_fit=True)  # "none" for a fitting need
    assert answered_rightly(nothing, ["a"], no_fit=True)
    assert not answered_rightly(nothing, ["a"], no_fit=False)


def test_frozen_sets_are_unchanged_since_they_were_frozen() -> None:
    # A frozen set is never edited after its first run; corrections go to corrections.yaml.
    lines = (JUDGED_DIR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    frozen = dict(reversed(line.split("  ", 1)) for line in lines if line.strip())
    assert set(BLIND_SETS) <= set(frozen)
    for name, digest in frozen.items():
        assert hashlib.sha256((JUDGED_DIR / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("name", TAGGED_SETS)
def test_a_tagged_set_is_large_varied_and_graded_consistently(name: str) -> None:
    entries = load_judged(JUDGED_DIR / name, CORRECTIONS)
    assert len(entries) >= 40
    assert {e.kind for e in entries} <= KINDS
    assert {e.language for e in entries} == LANGUAGES
    if name in BLIND_SETS:
        assert {e.kind for e in entries} == KINDS  # a blind set covers every kind
    assert len({e.id for e in entries}) == len(entries)
    rights = {p for e in entries for p, grade in e.relevance.items() if grade == 3}
    assert len(rights) >= 12  # nearly every project is someone's right answer
    groups: dict[str, list[dict[str, int]]] = {}
    for entry in entries:
        threes = sum(grade == 3 for grade in entry.relevance.values())
        if entry.kind == "no-fit":
            assert max(entry.relevance.values(), default=0) <= 1, entry.id
        else:
            assert threes == (2 if entry.kind == "multi-need" else 1), entry.id
        if entry.group:
            groups.setdefault(entry.group, []).append(entry.relevance)
    if name in BLIND_SETS:
        assert len(groups) >= 6  # every blind set tests reading one need four ways
    assert all(len(g) == 4 and all(r == g[0] for r in g) for g in groups.values())


# Where a stated target is not met yet, the test says so and by how much (strict: once
# it passes, the mark must go).
BELOW_BASELINE: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=BELOW_BASELINE[name]))
        if name in BELOW_BASELINE
        else name
        for name in ALL_SETS
    ],
)
def test_the_full_score_is_at_least_as_good_as_each_baseline(name: str) -> None:
    figures = result(name).figures
    for baseline in RANKERS[1:]:
        assert figures["full"].ndcg3 >= figures[baseline].ndcg3 - 1e-9, (baseline, figures)
        assert figures["full"].top1 >= figures[baseline].top1 - 1e-9, (baseline, figures)


@pytest.mark.parametrize("name", ALL_SETS)
def test_ranking_quality_reaches_its_targets(name: str) -> None:
    full = result(name).figures["full"]
    assert full.ndcg3 >= NDCG_TARGET, result(name).misses
    assert full.top1 >= TOP1_TARGET, result(name).misses


def _pooled(names: list[str], attribute: str) -> tuple[int, int]:
    pairs = [getattr(result(name), attribute) for name in names]
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def test_no_suitable_project_is_answered_for_no_fit_demands_and_rarely_otherwise() -> None:
    answered, no_fit = _pooled(TAGGED_SETS, "no_fit_answered")
    wrongly, with_right = _pooled(ALL_SETS, "false_no_fit")
    assert no_fit >= 6
    assert answered * 6 >= no_fit * 5, (answered, no_fit)
    assert wrongly * 20 <= with_right, (wrongly, with_right)


def test_no_project_is_a_default_winner_on_no_fit_demands() -> None:
    # Among the no-fit demands not answered "no suitable project", no one project may be
    # first for more than a fair share (a third of them, and never more than two).
    for name in TAGGED_SETS:
        project, times, no_fit = result(name).most_first_on_no_fit
        assert times <= max(2, no_fit // 3), (name, project, times)


def test_paraphrases_agree_on_the_first_answer() -> None:
    agreeing, groups = _pooled(TAGGED_SETS, "groups_agreeing")
    assert groups >= 12
    assert agreeing * 12 >= groups * 10, (agreeing, groups)


def test_english_reads_as_well_as_korean() -> None:
    by_language: dict[str, list[tuple[int, float]]] = {"ko": [], "en": []}
    for name in TAGGED_SETS:
        for language in by_language:
            figures = result(name).by_language[language]["full"]
            by_language[language].append((figures.demands, figures.ndcg3))

    def pooled(language: str) -> float:
        pairs = by_language[language]
        return sum(n * value for n, value in pairs) / sum(n for n, _ in pairs)

    assert pooled("en") >= pooled("ko") - 0.05, (pooled("en"), pooled("ko"))
