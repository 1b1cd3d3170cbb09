"""Field types and small pieces shared by every document kind.

Models are strict: the loader already typed only `true`/`false`, null and plain decimal
numbers, so a number field given text (`010`, `yes`, `1_000`) is an error the user sees,
never a silent conversion. Dates are the one text that is parsed, and only as ISO.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Strict(BaseModel):
    """Base of every document model: unknown keys and non-finite numbers are errors."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        str_strip_whitespace=False,
        defer_build=True,
    )


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=80)]
# Whitespace and the invisible characters that paste in from word processors: a text made
# only of them looks filled in and says nothing.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u3000"


def _visible(value: str) -> str:
    if not value.strip().strip(_INVISIBLE).strip():
        raise ValueError("the text is blank: write at least one visible character")
    return value


Text = Annotated[str, Field(min_length=1, max_length=20_000), AfterValidator(_visible)]
ShortText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_visible)]
KRW = Annotated[int, Field(ge=0, le=10**15, description="Korean won, integer")]
Share = Annotated[float, Field(ge=0, le=1)]
Year = Annotated[int, Field(ge=1900, le=2100)]
Years = Annotated[int, Field(ge=1, le=30)]


def _iso_date(value: Any) -> Any:
    """Accept only ISO calendar dates written as text (`2026-03-31`)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError("a date must be written as YYYY-MM-DD")
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise ValueError("a date must be written as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"no such date ({error})") from None


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _region_reference(value: Any) -> Any:
    # Officials write codes unquoted (`region: 52710`); a code is a name, not a number.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


RegionRef = Annotated[str, BeforeValidator(_region_reference), Field(min_length=1, max_length=100)]

RegionKind = Literal["province", "si", "gun", "gu"]

Mode = Literal[
    "exchange",
    "procurement",
    "sales",
    "marketing",
    "investment",
    "facility",
    "training",
    "education",
    "experience",
    "employment",
    "start-up-support",
    "consulting",
    "networking",
]

PartnerKind = Literal[
    "private",
    "social-enterprise",
    "cooperative",
    "university",
    "research",
    "civil",
    "public",
    "media",
]


class Names(Strict):
    ko: ShortText | None = Field(
        None,
        description="한국어 이름. ko와 en 중 하나는 있어야 합니다. / Name in Korean; give "
        "at least one of ko and en.",
        examples=["도농상생 공공급식"],
    )
    en: ShortText | None = Field(
        None,
        description="영어 이름. / Name in English.",
        examples=["Urban-rural win-win public meals"],
    )

    @model_validator(mode="after")
    def _at_least_one(self) -> Names:
        if self.ko is None and self.en is None:
            raise ValueError("give at least one of 'ko' or 'en'")
        return self

    def display(self, language: str = "ko") -> str:
        first, second = (self.ko, self.en) if language == "ko" else (self.en, self.ko)
        return first or second or ""


class LongText(Strict):
    ko: Text | None = Field(
        None,
        description="한국어 설명. ko와 en 중 하나는 있어야 합니다. / Text in Korean; give "
        "at least one of ko and en.",
        examples=[
            "자치구 공공급식센터를 통해 산지 친환경 농산물을 어린이집과 복지시설에 공급한다."
        ],
    )
    en: Text | None = Field(
        None,
        description="영어 설명. / Text in English.",
        examples=[
            "Gu public-meal centres buy organic produce from partner regions for "
            "daycare centres and welfare facilities."
        ],
    )

    @model_validator(mode="after")
    def _at_least_one(self) -> LongText:
        if self.ko is None and self.en is None:
            raise ValueError("give at least one of 'ko' or 'en'")
        return self

    def joined(self) -> str:
        return "\n".join(part for part in (self.ko, self.en) if part)


class Source(Strict):
    url: ShortText | None = Field(
        None,
        description="출처 주소. url과 title 중 하나는 있어야 합니다. / Address of the "
        "source; give a url or a title.",
        examples=["https://www.donga.com/news/Society/article/all/20160308/76870487/1"],
    )
    title: ShortText | None = Field(
        None,
        description="출처 제목(문서, 기사, 보도자료). / Title of the document, article or "
        "press release.",
        examples=["동아일보 (2016-03-08): 서울시 '폐교 활용 가족 캠핑장으로 오세요'"],
    )
    note: Text | None = Field(
        None,
        description="이 출처가 뒷받침하는 사실, 또는 추론한 내용. / What this source "
        "supports, or what was inferred from it.",
        examples=["참여 지역 수와 시작 연도의 근거."],
    )
    accessed: IsoDate | None = Field(
        None,
        description="출처를 확인한 날짜(YYYY-MM-DD). / Date the source was checked (YYYY-MM-DD).",
        examples=["2026-03-02"],
    )

    @model_validator(mode="after")
    def _says_where(self) -> Source:
        if self.url is None and self.title is None:
            raise ValueError("a source needs a 'url' or a 'title'")
        return self


Sources = Annotated[list[Source], Field(min_length=1)]


class Partner(Strict):
    name: ShortText = Field(
        description="협력 기관·단체 이름. / Name of the partner organisation.",
        examples=["완주로컬푸드협동조합"],
    )
    kind: PartnerKind = Field(
        description="협력 주체의 종류: 민간기업(private), 사회적기업(social-enterprise), "
        "협동조합(cooperative), 대학(university), 연구기관(research), 시민단체(civil), "
        "공공기관(public), 언론(media). / Kind of partner: private company, social "
        "enterprise, cooperative, university, research institute, civil society, public body "
        "or media.",
        examples=["cooperative"],
    )
    role: ShortText | None = Field(
        None,
        description="맡는 역할(자유 기술). / What the partner does, in free text.",
        examples=["수집, 선별, 출하"],
    )


def unique(values: list[str], what: str) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} '{value}' is listed twice")
        seen.add(value)
    return values


def _unique_items(values: list[Any]) -> list[Any]:
    return unique(values, "the value")


UniqueSlugs = Annotated[list[Slug], AfterValidator(_unique_items)]
UniqueModes = Annotated[list[Mode], AfterValidator(_unique_items)]
