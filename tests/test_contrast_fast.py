"""The fast search for ruled-out phrases finds exactly what the patterns' own search finds.

matchmaker/text/contrast.py skips texts without a marker's keyword and tries the slow
Korean pattern only where a phrase ending at a marker can start. Here the plain search
(`finditer` of every pattern, as the module did before) is the reference, on seeded
random texts built from the markers, particles, words, white space and punctuation the
patterns look at, and on the phrases of tests/test_contrast.py.
"""

from __future__ import annotations

import random
import re

import pytest

from matchmaker.text import contrast
from matchmaker.text.contrast import rule_out

PATTERNS = (
    contrast._KO_BEFORE,
    contrast._KO_ALREADY,
    contrast._EN_AFTER,
    contrast._EN_NOT_BUT,
    contrast._EN_ALREADY_AFTER,
)

# Pieces the patterns react to, and pieces they must pass over.
KOREAN = [
    "급식",
    "납품",
    "상설",
    "매장",
    "축제",
    "캠핑장",
    "청년",
    "창업",
    "직거래장터",
    "서울광장",
    "공공급식",
    "체험",
    "농가",
    "일손",
]
PARTICLES = ["이", "가", "은", "는", "을", "를", "에", "도", ""]
MARKERS = [
    "아니라",
    "아니고",
    "아니구",
    "아니라서",
    "아니어서",
    "아닌",
    "보다는",
    "보단",
    "보다",
    "말고",
    "이미",
    "필요 없고",
    "필요없다",
    "필요하지 않",
    "필요합니다",
    "원하지 않",
    "원합니다",
    "대신",
    "대신에",
    "참여하고 있으나",
    "운영하고 있지만",
    "진행해 있는데",
    "참가하고 있어도",
    "참여하고 있어서",
    "참여하고 있어,",
    "이미 참여하고 있으나",
    "매년 운영하고 있는데",
    "제외하고",
    "제외한",
    "하고 있",
    "운영 중",
    "해 봤",
    "했",
    "있어서",
    "있고",
    "나가고",
]
ENGLISH = [
    "not",
    "Not",
    "NOT",
    "about",
    "for",
    "rather than",
    "instead of",
    "other than",
    "we already run",
    "They already have",
    "I already joined",
    "do not need",
    "don't want",
    "dont",
    "did not want",
    "doesn't need",
    "is not what",
    "are not the point",
    "but",
    "and we",
    "so",
    "because",
    "already",
    "we have",
    "we run",
    "we have a campsite already",
    "they host two festivals already",
    "exhibitions",
    "farm stays",
    "a holiday market",
    "one-off festivals",
    "İnstead",  # characters that IGNORECASE matches to ASCII letters
    "ſo",
    "Kelvin K",
]
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000", ""]
PUNCTUATION = [".", ",", "!", "?", ";", ":", "(", ")", "[", "]", "·", "/", "’", "'", "-"]


def random_text(rng: random.Random) -> str:
    pieces: list[str] = []
    for _ in range(rng.randint(1, 24)):
        kind = rng.random()
        if kind < 0.3:
            pieces.append(rng.choice(KOREAN) + rng.choice(PARTICLES))
        elif kind < 0.55:
            pieces.append(rng.choice(MARKERS))
        elif kind < 0.8:
            pieces.append(rng.choice(ENGLISH))
        elif kind < 0.9:
            pieces.append(rng.choice(PUNCTUATION))
        else:
            pieces.append(rng.choice(PARTICLES))
        pieces.append(rng.choice(SPACES))
    return "".join(pieces)


def reference(text: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Every pattern's matches by its own search, pattern by pattern."""
    return [
        (pattern.pattern, found.span(), found.span("phrase"))
        for pattern in PATTERNS
        for found in pattern.finditer(text)
    ]


def fast(text: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    return [
        (found.re.pattern, found.span(), found.span("phrase")) for found in contrast._matches(text)
    ]


def test_random_texts_match_as_the_plain_search_does() -> None:
    rng = random.Random(13)
    texts = [random_text(rng) for _ in range(1500)]
    found = 0
    for text in texts:
        expected = reference(text)
        assert fast(text) == expected, text
        found += len(expected)
    # the texts exercise the patterns: many matches, of every pattern
    assert found > 1000
    assert {pattern for text in texts for pattern, _, _ in reference(text)} == {
        pattern.pattern for pattern in PATTERNS
    }


@pytest.mark.parametrize(
    "text",
    [
        "급식 납품이 아니라 상설 매장이 필요합니다",
        "명절 장터가 아닌, 연중 상시로 판매할 곳",
        "축제보다는 연중 판매가 좋겠음",
        "서울 어린이집 급식 납품 말고 직매장",
        "캠핑장은 이미 있어서 다른 게 필요",
        "이미 공공급식 납품을 하고 있고 이번엔 청년 창업이 필요",
        "매년 추석 서울광장 직거래장터에 참여하고 있으나, 사흘로는 부족",
        "This is not about exhibitions but about touring performances.",
        "We already run farm stays; what we lack is a permanent shop.",
        "Instead of one-off festivals, we want a steady partner district.",
        "We have a campsite already, but need harvest workers",
        "작년보다 관광객이 줄었다",
        "청년들은 이미 떠났고 빈 점포가 늘어",
        "가공식품은     아니라",  # the marker's white space before its keyword
        "농가체험장 은 \u3000 이미   참여하고\t있으나 일손이 부족",
    ],
)
def test_known_phrases_match_as_the_plain_search_does(text: str) -> None:
    assert fast(text) == reference(text)


def test_a_text_without_any_marker_is_read_unchanged() -> None:
    text = "청년 창업 공간과 공공급식 납품처가 필요합니다. We need harvest workers."
    assert fast(text) == reference(text) == []
    assert rule_out(text).kept == text


def test_the_korean_marker_is_the_one_in_the_phrase_pattern() -> None:
    # The fast search looks for markers with `_KO_MARKER` alone: it must be the very
    # alternation `_KO_BEFORE` ends with, or the two would drift apart.
    assert contrast._KO_BEFORE.pattern.endswith(f"(?P<marker>{contrast._KO_MARKER})")
    assert contrast._KO_MARKER_AT.pattern == contrast._KO_MARKER
    assert not contrast._KO_BEFORE.flags & re.IGNORECASE
