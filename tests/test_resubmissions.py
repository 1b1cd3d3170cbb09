"""A demand a region files twice counts once (matchmaker/resubmissions.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchmaker.bundled import proposals_dir
from matchmaker.models import Demand
from matchmaker.resubmissions import Filed, find_repeats

TODAY = ("--today", "2026-11-28")


def _demand(demand_id: str, title: str, description: str = "설명") -> Demand:
    return Demand(id=demand_id, title=title, description=description)


TEXT = (
    "군내 친환경 농가가 늘었는데 학교급식 물량만으로는 다 소화하지 못합니다. 서울 자치구 "
    "어린이집 급식에 식재료를 공급하고 싶습니다."
)


def test_a_same_id_title_or_nearly_same_text_in_another_proposal_is_a_repeat() -> None:
    filed = [
        Filed("45710", "2026-wanju", _demand("meals", "급식 납품", TEXT)),
        Filed("45710", "2026-wanju-v2", _demand("meals", "다른 제목")),  # same id
        Filed("45710", "2026-wanju-v3", _demand("x", "급식  납품")),  # same title
        Filed("45710", "2026-wanju-v4", _demand("y", "급식 납품 건", TEXT + " 잘 부탁드립니다.")),
    ]
    repeats = find_repeats(filed)
    assert [(r.later, r.earlier, r.how) for r in repeats] == [
        (1, 0, "id"),
        (2, 0, "title"),
        (3, 0, "text"),
    ]
    assert 90 <= repeats[2].similarity < 100


def test_other_regions_the_same_proposal_and_new_wording_are_not_repeats() -> None:
    filed = [
        Filed("45710", "2026-wanju", _demand("meals", "급식 납품", TEXT)),
        Filed("46910", "2026-sinan", _demand("meals", "급식 납품", TEXT)),  # other region
        Filed("45710", "2026-wanju", _demand("meals-2", "급식 납품 2", TEXT)),  # same proposal
        Filed(
            "45710",
            "2026-wanju-v2",
            _demand("shop", "상설 매장", "서울 도심에 일 년 내내 팔 매장이 필요합니다."),
        ),
    ]
    assert find_repeats(filed) == []


def test_a_resubmitted_file_is_warned_about_and_changes_no_score(cli, tmp_path: Path) -> None:
    original = proposals_dir() / "2026-wanju.yaml"
    alone = cli("rank", str(original), "--format", "json", "--top", "0", *TODAY)
    copy = tmp_path / "2026-wanju-resubmitted.yaml"
    copy.write_text(
        original.read_text(encoding="utf-8").replace(
            "id: 2026-wanju", "id: 2026-wanju-resubmitted", 1
        ),
        encoding="utf-8",
    )
    both = cli("rank", str(original), str(copy), "--format", "json", "--top", "0", *TODAY)
    assert both.exit_code == 0
    assert "repeated-demand" in both.stderr and "counted once for synergy" in both.stderr
    assert "repeated-demand" not in both.stdout

    def scores(run: object, proposal: str) -> dict[tuple[str, str], float]:
        return {
            (m["demand"], m["project"]): m["score"]
            for m in run.json()["matches"]
            if m["proposal"] == proposal
        }

    # The copy neither raises the original's synergy nor gets any from it.
    assert scores(both, "2026-wanju") == scores(alone, "2026-wanju")
    assert scores(both, "2026-wanju-resubmitted") == scores(alone, "2026-wanju")


def test_a_resubmission_is_not_another_demand_of_the_region(tmp_path: Path) -> None:
    # Below the shown scores: the complements signal (before fit gates it) of every demand
    # is what it is without the copy. Counted twice, a demand's copy made its own strong
    # candidates "wanted by another demand of the region", and their complements gained.
    import datetime as dt

    import numpy as np

    from matchmaker.inputs import load_run
    from matchmaker.scoring.engine import score

    original = proposals_dir() / "2026-wanju.yaml"
    copy = tmp_path / "2026-wanju-resubmitted.yaml"
    copy.write_text(
        original.read_text(encoding="utf-8").replace(
            "id: 2026-wanju", "id: 2026-wanju-resubmitted", 1
        ),
        encoding="utf-8",
    )
    today = dt.date(2026, 11, 28)
    runs = [load_run(paths, None, None, today) for paths in ([original], [original, copy])]
    alone, both = (score(run.catalog, run.records(), run.profile) for run in runs)
    rows = len(alone.demands.records)
    assert [r.repeats for r in both.demands.records[rows:]] == [
        r.key for r in alone.demands.records
    ]
    for scores in (both.synergy_inputs.complements[:rows], both.synergy_inputs.complements[rows:]):
        np.testing.assert_array_equal(scores, alone.synergy_inputs.complements)


def test_asking_again_for_the_same_demands_gives_the_same_answer_and_new_ones_a_new_one(
    monkeypatch,
) -> None:
    """A run asks twice (the check rule, then resolving demands): the second answer is
    the first's, and different demands are never given a remembered answer."""

    first = Filed("45710", "2026-wanju", _demand("meals", "급식 납품", TEXT))
    filed = [first, Filed("45710", "2026-wanju-v2", _demand("meals", "다른 제목"))]
    computed = _count_comparisons(monkeypatch)
    assert [(r.later, r.earlier) for r in find_repeats(filed)] == [(1, 0)]
    assert [(r.later, r.earlier) for r in find_repeats(list(filed))] == [(1, 0)]
    assert computed == [2]  # the second call reused the first's answer
    # an equal but different demand object, another proposal id: computed afresh
    other = [first, Filed("45710", "2026-wanju", _demand("meals", "다른 제목"))]
    assert find_repeats(other) == []
    assert computed == [2, 2]


def test_the_same_demands_in_a_later_run_are_answered_from_the_cache(
    monkeypatch, tmp_path: Path
) -> None:
    import matchmaker.resubmissions as resubmissions
    from matchmaker.cache import Store

    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))

    def filing() -> list[Filed]:  # new objects each time, as a new run loads them
        return [
            Filed("45710", "2026-wanju", _demand("meals", "급식 납품", TEXT)),
            Filed("45710", "2026-wanju-v3", _demand("x", "급식  납품")),
        ]

    computed = _count_comparisons(monkeypatch)
    expected = [(1, 0, "title")]
    assert [(r.later, r.earlier, r.how) for r in find_repeats(filing())] == expected
    assert [(r.later, r.earlier, r.how) for r in find_repeats(filing())] == expected
    assert computed == [2]  # the second run read the first's answer
    entries = [p for p in tmp_path.rglob("*") if p.is_file() and "repeats" in p.parts]
    assert len(entries) == 2  # the run's answer, and its one region's
    # entries that cannot be this run's answer (an index past its demands): computed again
    for entry in entries:
        Store("repeats").put(entry.name, [resubmissions.Repeat(5, 0, "id", 100.0)])
    assert [(r.later, r.earlier, r.how) for r in find_repeats(filing())] == expected
    assert computed == [2, 2]


def test_after_an_edit_only_the_edited_regions_demands_are_compared_again(
    monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))

    def filing(meals_title: str) -> list[Filed]:  # new objects each time, as a new run loads them
        return [
            Filed("45710", "2026-wanju", _demand("meals", meals_title, TEXT)),
            Filed("45710", "2026-wanju-v3", _demand("x", "급식  납품")),
            Filed("51770", "2026-jeongseon", _demand("trail", "둘레길 조성", TEXT)),
            Filed("51770", "2026-jeongseon-v2", _demand("trail", "둘레길")),
        ]

    computed = _count_comparisons(monkeypatch)
    first = find_repeats(filing("급식 납품"))
    assert sorted(computed) == [2, 2]  # both regions compared
    computed.clear()
    edited = find_repeats(filing("학교 급식"))
    assert computed == [2]  # Wanju's demands alone: Jeongseon's answer is its own
    assert [(r.later, r.earlier, r.how) for r in first] == [(1, 0, "title"), (3, 2, "id")]
    assert [(r.later, r.earlier, r.how) for r in edited] == [(3, 2, "id")]
    monkeypatch.setenv("MATCHMAKER_NO_CACHE", "1")
    assert find_repeats(filing("학교 급식")) == edited  # what no cache answers


def _count_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the size of every region whose demands are compared (not cached)."""
    import matchmaker.resubmissions as resubmissions

    computed: list[int] = []
    real = resubmissions._region_repeats
    monkeypatch.setattr(
        resubmissions, "_region_repeats", lambda f: computed.append(len(f)) or real(f)
    )
    return computed
