"""What a demand rules out is set aside before it is read (matchmaker/text/contrast.py)."""

from __future__ import annotations

import pytest

from matchmaker.text.contrast import rule_out


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("급식 납품이 아니라 상설 매장이 필요합니다", ("급식 납품이",)),
        ("명절 장터가 아닌, 연중 상시로 판매할 곳", ("명절 장터",)),
        ("축제보다는 연중 판매가 좋겠음", ("축제",)),
        ("서울 어린이집 급식 납품 말고 직매장", ("어린이집 급식 납품",)),
        ("캠핑장은 이미 있어서 다른 게 필요", ("캠핑장",)),
        ("이미 공공급식 납품을 하고 있고 이번엔 청년 창업이 필요", ("공공급식 납품",)),
        (
            "매년 추석 서울광장 직거래장터에 참여하고 있으나, 사흘로는 부족",
            ("추석 서울광장 직거래장터",),
        ),
        ("This is not about exhibitions but about touring performances.", ("about exhibitions",)),
        ("We already run farm stays; what we lack is a permanent shop.", ("farm stays",)),
        ("We need a shop rather than a holiday market, ideally all year.", ("a holiday market",)),
        (
            "Instead of one-off festivals, we want a steady partner district.",
            ("one-off festivals",),
        ),
        ("We have a campsite already, but need harvest workers", ("a campsite",)),
        # as hurried officials type it
        ("캠핑장 말구요, 귀농 배우는 곳으로", ("캠핑장",)),
        ("놀러 오는 캠핑장은 우리가 원하는게 아니에요.", ("놀러 오는 캠핑장",)),
        ("캠핑장은 고려하지 않고 있습니다", ("캠핑장은",)),
        ("정책 공유 방문 요청 (MOU 아님)", ("MOU",)),
        ("폐교 활용 — campsite 말고 귀농 교육", ("campsite",)),  # a dash ends a clause
        ("단기 일손 지원은 이미 충분합니다", ("단기 일손 지원",)),  # already enough
        (
            "매년 도농 일자리 교류에 참여하고 있어, 이번에는 장기 체류가 필요",
            ("도농 일자리 교류",),
        ),
        ("추석 직거래장터에 참여하고 있어서 다른 판로가 필요", ("추석 직거래장터",)),
        ("A farming school for Seoul citizens, not a campsite", ("a campsite",)),
        ("Seoul officials' visit to Bupyeong - not another MOU.", ("another MOU",)),
    ],
)
def test_a_ruled_out_phrase_is_found(text: str, ruled_out: tuple[str, ...]) -> None:
    assert rule_out(text).ruled_out == ruled_out


@pytest.mark.parametrize(
    "text",
    [
        "작년보다 관광객이 줄었다",  # 보다 compares; only 보다는 sets aside
        "말고기 가공품 판로가 필요",  # 말고 inside a word is no marker
        "We need a shop, not exhibitions, and a market.",  # ", not B," mid-clause: unclear
        "청년들은 이미 떠났고 빈 점포가 늘어",  # 이미 states a fact, not something done
        "We need harvest workers and a shop.",
        "Young people already left the county.",
    ],
)
def test_a_plain_need_is_left_alone(text: str) -> None:
    reading = rule_out(text)
    assert reading.ruled_out == () and reading.kept == text


def test_the_ruled_out_words_are_blanked_in_place() -> None:
    # Blanked, not deleted: positions and the words around them stay where they were, and
    # no new word is formed across the gap.
    text = "급식 납품이 아니라 상설 매장"
    reading = rule_out(text)
    assert len(reading.kept) == len(text)
    assert "급식" not in reading.kept and "상설 매장" in reading.kept


def test_a_phrase_never_crosses_a_clause_boundary() -> None:
    # Only the words after the comma belong to the ruled-out phrase.
    assert rule_out("판로가 없어 고민인데, 축제 말고 상설 매장").ruled_out == ("축제",)
