"""Korean words as the matcher needs them: spelt out in jamo, and without their particles."""

from __future__ import annotations

import re
from functools import lru_cache

from matchmaker.text.hangul import has_final, is_syllable, parts

# Particles and endings that attach to a noun, grouped by the sound they follow: 을, 은, 이,
# 과, 으로 only follow a final consonant and 를, 는, 가, 와, 로 only a vowel. Checking that
# keeps 마을, 전문가 and 체험농가 whole, where the last syllable only looks like a particle.
_AFTER_CONSONANT = (
    "을",
    "은",
    "이",
    "과",
    "으로",
    "으로의",
    "으로는",
    "으로서",
    "으로써",
    "으로도",
    "이나",
    "이며",
    "이랑",
    "과의",
    "과는",
)
_AFTER_VOWEL = (
    "를",
    "는",
    "가",
    "와",
    "로",
    "로의",
    "로는",
    "로서",
    "로써",
    "로도",
    "나",
    "며",
    "랑",
    "와의",
    "와는",
)
_AFTER_ANY = (
    "의",
    "에",
    "에서",
    "에게",
    "께",
    "한테",
    "부터",
    "까지",
    "처럼",
    "보다",
    "도",
    "만",
    "에도",
    "에서도",
    "에는",
    "에서는",
    "에게는",
    "하고",
    "들",
    "등",
    "및",
    "마다",
    "조차",
    "밖에",
    "뿐",
    "이다",
    "이고",
    "입니다",
    # Verb and adjective endings on a noun (지원하는, 육성하기 위해, 운영했습니다).
    "하는",
    "하여",
    "해서",
    "합니다",
    "했습니다",
    "했던",
    "하던",
    "하며",
    "하면",
    "하기",
    "하기위해",
    "위해",
    "하도록",
    "해야",
    "하려고",
    "하고자",
    "되는",
    "된",
    "되어",
    "되고",
    "되도록",
    "됩니다",
    "됐습니다",
    "할",
    "함",
    "됨",
)
# The syllable after which 로 is said as after a vowel: 서울로, 교실로.
_RIEUL_FINAL = 8

# Nouns whose last syllables read as a particle even by sound (어린이 = 어린 + 이?); a token
# that ends in one of them is never cut into.
_PROTECTED_ENDINGS = (
    "어린이",
    "놀이",
    "먹이",
    "고양이",
    "맞이",
    "돋이",
    "살이",
    "나들이",
    "길이",
    "높이",
    "넓이",
    "깊이",
    "벌이",
    "풀이",
    "잡이",
    "걸이",
    "갈이",
    "볶이",
    "회의",
    "협의",
    "합의",
    "토의",
    "주의",
    "정의",
    "논의",
    "강의",
    "건의",
    "동의",
    "문의",
    "편의",
    "창의",
    "심의",
    "결의",
    "도로",
    "수로",
    "미로",
    "가로",
    "화가",
    "대가",
    "여가",
    "휴가",
    "요가",
    "코로나",
    "바나나",
    "하나",
    "함께",
    "역할",
    "포함",
    "가로등",
    "신호등",
    "평등",
    "초등",
    "고등",
    "중등",
    "천만",
    "백만",
    "십만",
    "불만",
    "비만",
    "결과",
    "성과",
    "효과",
    "학과",
    "교과",
    "통과",
    "초과",
    "제도",
    "정도",
    "지도",
    "속도",
    "태도",
    "용도",
    "시도",
    "의도",
    "빈도",
    "온도",
    "한도",
    "강도",
    "밀도",
    "농도",
    "수도",
    "남도",
    "북도",
    "기도",
    "원도",
    "주도",
    "치도",
    "릉도",
    "년도",
    "연도",
    "포도",
    "보도",
    "각도",
    "척도",
    "만족도",
    "인지도",
    "참여도",
    "사랑",
    "자랑",
    "나라",
)


def _by_last_syllable() -> dict[str, tuple[tuple[str, str], ...]]:
    # Longest first within each last syllable (으로 before 로, 에서도 before 도), so a token
    # is checked against the few particles that could end it, not all of them.
    particles = sorted(
        [(p, "consonant") for p in _AFTER_CONSONANT]
        + [(p, "vowel") for p in _AFTER_VOWEL]
        + [(p, "any") for p in _AFTER_ANY],
        key=lambda item: (-len(item[0]), item[0]),
    )
    table: dict[str, tuple[tuple[str, str], ...]] = {}
    for particle, follows in particles:
        table[particle[-1]] = (*table.get(particle[-1], ()), (particle, follows))
    return table


_PARTICLES = _by_last_syllable()
_MIN_STEM = 2  # syllables: 교육 stays 교육, never 교
_MAX_ROUNDS = 3  # 청년들이 → 청년들 → 청년; more layers than three do not occur


def _fits(before: str, particle: str, follows: str) -> bool:
    if follows == "any":
        return True
    final = has_final(before)
    if follows == "consonant":
        return final
    if particle.startswith("로") and final:
        # 로 also follows ㄹ: 서울로, but not 일로 → 일 + 로 mistaken for 일로.
        return parts(before)[2] == _RIEUL_FINAL
    return is_syllable(before) and not final


def _strip_once(token: str) -> str:
    candidates = _PARTICLES.get(token[-1:], ())
    if not candidates or token.endswith(_PROTECTED_ENDINGS):
        return token
    for particle, follows in candidates:
        if not token.endswith(particle):
            continue
        stem = token[: -len(particle)]
        if len(stem) >= _MIN_STEM and _fits(stem[-1], particle, follows):
            return stem
    return token


@lru_cache(maxsize=65_536)
def strip_particles(token: str) -> str:
    """The noun stem of one Korean token: 일자리를 → 일자리, 청년들이 → 청년, 교육 → 교육.

    Longest particle first, a few rounds for stacked ones, and never below two syllables,
    because a one-syllable stem (교 of 교육) is more often a wrong cut than a right one.
    """
    for _ in range(_MAX_ROUNDS):
        stripped = _strip_once(token)
        if stripped == token:
            break
        token = stripped
    return token


# Every particle or ending above, whatever sound it follows: after an English word the
# sound is unknown (MOU를, people이, farm에서, stay하면서), so any of them may be the one.
_ANY_PARTICLE = frozenset(_AFTER_CONSONANT + _AFTER_VOWEL + _AFTER_ANY)
# The verb 하다 and 되다 in their forms after a borrowed English word (stay하면서, check해서).
_VERB_ENDINGS = frozenset(
    ("하면서", "하며", "해", "해서", "했", "했는데", "하는데", "하다", "한", "할", "함", "됨", "됐")
)
_LATIN_THEN_HANGUL = re.compile(r"(?<=[a-z])([가-힣]+)(?=\s|$)")


def detach_particles(normalised: str) -> str:
    """Mixed-language text with the Korean particle or ending cut off each English word
    (`young people이 지역에` → `young people 지역에`), so that the English word is read as
    one and the particle does not join the next Korean word into a false compound (이지역).
    A Korean noun written onto an English one (`MZ세대`) is kept, as a word of its own."""
    if not _LATIN_THEN_HANGUL.search(normalised):
        return normalised

    def cut(found: re.Match[str]) -> str:
        attached = found.group(1)
        return "" if attached in _ANY_PARTICLE or attached in _VERB_ENDINGS else " " + attached

    return _LATIN_THEN_HANGUL.sub(cut, normalised)
