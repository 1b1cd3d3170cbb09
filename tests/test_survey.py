"""The demand survey (`matchmaker.gaps.survey`): how demands are counted and split."""

from __future__ import annotations

import datetime as dt

import pytest

import matchmaker
from matchmaker.gaps.survey import NO_AREA, language_of

TODAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("공공급식 식재료를 서울에 공급하고 싶습니다", "ko"),
        ("We want to sell our rice in Seoul", "en"),
        (
            "관내 HACCP 인증을 받은 가공공장에서 만든 김과 젓갈을 서울 도심의 상설 매장에서 "
            "연중 팔고 싶습니다",
            "ko",
        ),  # one brand name among eleven Korean words
        ("Local food 공급 for daycare centres 어린이집", "mixed"),
        ("2027", "ko"),  # no letters at all: the default language
    ],
)
def test_language_is_read_from_the_letters(text: str, language: str) -> None:
    assert language_of(text) == language


def test_a_strong_match_is_an_eligible_fit_of_45_not_answered_no_suitable() -> None:
    run = matchmaker.load_run(today=TODAY)
    scores = matchmaker.score(run)
    report = matchmaker.survey(run, scores=scores)
    strong = sum(
        1
        for row in range(len(scores.demands.records))
        if (scores.eligibility.eligible[row] & (scores.fit.values[row] >= 45)).any()
        and not scores.no_fit[row]
    )
    assert report.section("strong").demands == strong
    assert report.section("without").demands == len(scores.demands.records) - strong


def test_a_need_outside_the_plan_counts_under_no_area() -> None:
    run = matchmaker.load_run(today=TODAY)
    report = matchmaker.survey(run, regions=["신안군"])
    areas = dict(report.section("all").policy_areas)
    assert areas[NO_AREA] >= 1  # the island emergency-care demand: health care
    assert report.section("all").demands == 4
