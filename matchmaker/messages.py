"""One way to say things in Korean or English, and the Korean words for our identifiers.

Every module that talks to a person says `say(language, english, korean)`, or looks a
message up by key in its own table with `pick`. Identifiers that appear in sentences
(region kinds, partner kinds, delivery modes, the names of the scores' sub-signals) are
shown through `label`, so Korean output never leaks `cooperative` or `co_funding`; JSON
and CSV keep the identifiers, which programs read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# identifier → (English words, Korean words), per kind of identifier.
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "region-kind": {
        "province": ("province", "광역 시·도"),
        "si": ("city (si)", "시"),
        "gun": ("county (gun)", "군"),
        "gu": ("autonomous district (gu)", "자치구"),
    },
    "partner-kind": {
        "private": ("private company", "민간기업"),
        "social-enterprise": ("social enterprise", "사회적기업"),
        "cooperative": ("cooperative", "협동조합"),
        "university": ("university", "대학"),
        "research": ("research institute", "연구기관"),
        "civil": ("civil society", "시민단체"),
        "public": ("public body", "공공기관"),
        "media": ("media", "언론"),
    },
    "mode": {
        "exchange": ("exchange", "교류"),
        "procurement": ("procurement", "조달"),
        "sales": ("sales", "판매"),
        "marketing": ("marketing", "홍보·마케팅"),
        "investment": ("investment", "투자"),
        "facility": ("facility", "시설"),
        "training": ("training", "훈련"),
        "education": ("education", "교육"),
        "experience": ("experience", "체험"),
        "employment": ("employment", "고용"),
        "start-up-support": ("start-up support", "창업 지원"),
        "consulting": ("consulting", "컨설팅"),
        "networking": ("networking", "네트워킹"),
    },
    "signal": {
        "themes": ("themes", "주제"),
        "text": ("wording", "표현"),
        "needs": ("needs", "문제"),
        "modes": ("delivery modes", "추진 방식"),
        "budget": ("budget", "예산"),
        "timing": ("programme status", "추진 상태"),
        "years": ("years", "기간"),
        "capacity_building": ("capacity building", "역량 강화"),
        "co_funding": ("co-funding", "지역 부담"),
        "partners": ("partners", "협력 주체"),
        "outcomes": ("outcome indicators", "성과 지표"),
        "readiness": ("readiness", "준비도"),
        "continuity": ("continuity", "교류 연속성"),
        "complements": ("complements", "상호보완"),
        "running": ("what already runs", "기존 사업"),
        "neighbours": ("neighbours", "인근 지역"),
    },
}


def say(language: str, english: str, korean: str) -> str:
    """The Korean sentence when the language is Korean, else the English one."""
    return korean if language == "ko" else english


def pick(table: Mapping[str, tuple[str, str]], key: str, language: str, **values: object) -> str:
    """A message by key from a table of (English, Korean) templates, filled in."""
    english, korean = table[key]
    return say(language, english, korean).format(**values)


def label(kind: str, value: str, language: str) -> str:
    """The words for an identifier (`cooperative` → 협동조합); unknown ones as they are."""
    words = LABELS[kind].get(value)
    return value if words is None else say(language, *words)


def labels(kind: str, values: Iterable[str], language: str) -> str:
    """Several identifiers' words, comma-separated, in the order given."""
    return ", ".join(label(kind, value, language) for value in values)
