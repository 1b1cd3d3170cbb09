"""The catalog's reference files: regions, themes, policy areas and ties."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from matchmaker.models.common import (
    IsoDate,
    Names,
    RegionRef,
    ShortText,
    Slug,
    Sources,
    Strict,
    Text,
    UniqueSlugs,
    Year,
)

RegionCode = Annotated[str, Field(pattern=r"^[0-9]{2}(?:[0-9]{3})?$")]


class Gap(Strict):
    id: Slug = Field(
        description="빈틈 식별자. / Id of the known gap.", examples=["incheon-2026-07-01"]
    )
    note: Text = Field(
        description="자료에 무엇이 빠졌는지. / What the data is missing.",
        examples=["2026년 7월 1일 인천 행정구역 개편은 아직 반영하지 않음."],
    )


class Province(Strict):
    code: RegionCode = Field(
        description="광역 지자체 코드(두 자리). / Two-digit province code.", examples=["52"]
    )
    name: Names = Field(
        description="공식 이름(ko, en). / Official name in Korean and English.",
        examples=[{"ko": "전북특별자치도", "en": "Jeonbuk State"}],
    )
    type: Literal[
        "special-city",
        "metropolitan-city",
        "special-self-governing-city",
        "province",
        "special-self-governing-province",
    ] = Field(
        description="광역 지자체의 유형(특별시, 광역시, 특별자치시, 도, 특별자치도). / Type of "
        "provincial-level government.",
        examples=["special-self-governing-province"],
    )
    aliases: list[ShortText] = Field(
        default=[],
        description="줄임말과 옛 이름. / Short and former names.",
        examples=[["전북", "전라북도"]],
    )
    former_code: RegionCode | None = Field(
        None, description="바뀌기 전 코드. / Code before the latest change.", examples=["45"]
    )


class Municipality(Strict):
    code: RegionCode = Field(
        description="기초 지자체 코드(다섯 자리). / Five-digit code.", examples=["52710"]
    )
    province: RegionCode = Field(
        description="속한 광역 지자체 코드. / Code of its province.", examples=["52"]
    )
    name: Names = Field(
        description="공식 이름(ko, en). / Official name in Korean and English.",
        examples=[{"ko": "완주군", "en": "Wanju-gun"}],
    )
    kind: Literal["si", "gun", "gu"] = Field(
        description="시(si), 군(gun), 자치구(gu). / City, county or autonomous district.",
        examples=["gun"],
    )
    population_decline: bool = Field(
        False,
        description="인구감소지역으로 지정되었으면 true. / true for a designated "
        "population-decline area.",
        examples=[True],
    )
    former_code: RegionCode | None = Field(
        None, description="바뀌기 전 코드. / Code before the latest change.", examples=["45710"]
    )
    aliases: list[ShortText] = Field(
        default=[], description="다른 이름. / Other names.", examples=[["완주"]]
    )
    name_en_source: Literal["kostat2018", "kostat2018-corrected", "constructed"] | None = Field(
        None,
        description="영어 이름의 출처. / Where the English name comes from.",
        examples=["kostat2018"],
    )
    valid_from: IsoDate | None = Field(
        None,
        description="새로 생긴 지자체의 첫날. / First day of a region created since the base list.",
        examples=["2026-07-01"],
    )
    valid_until: IsoDate | None = Field(
        None,
        description="폐지된 지자체의 마지막 날. / Last day of an abolished region.",
        examples=["2026-06-30"],
    )
    successors: list[RegionCode] = Field(
        default=[],
        description="폐지된 지자체를 이어받은 곳의 코드. / Codes of the regions that replaced "
        "an abolished one.",
        examples=[["28125", "28155"]],
    )
    code_inferred: bool = Field(
        False,
        description="코드를 행정안전부 표에서 읽지 않고 추정했으면 true. / true when the code "
        "was inferred, not read from a MOIS table.",
        examples=[True],
    )


class RegionsFile(Strict):
    kind: Literal["regions"] = Field(
        description="문서 종류. / Document kind.", examples=["regions"]
    )
    valid_from: IsoDate = Field(
        description="이 목록이 맞는 첫날. / First day the list holds.", examples=["2024-01-18"]
    )
    valid_until: IsoDate | None = Field(
        None,
        description="이 목록이 맞는 마지막 날. / Last day the list holds.",
        examples=["2026-06-30"],
    )
    population_decline_designated: IsoDate | None = Field(
        None,
        description="인구감소지역 지정일. / Date population-decline areas were designated.",
        examples=["2021-10-18"],
    )
    source: Sources = Field(
        description="출처. / Sources.", examples=[[{"title": "행정표준코드관리시스템 법정동코드"}]]
    )
    gaps: list[Gap] = Field(
        default=[],
        description="알려진 빈틈. / Known gaps in the data.",
        examples=[[{"id": "incheon-2026-07-01", "note": "아직 반영 안 함."}]],
    )
    provinces: Annotated[list[Province], Field(min_length=1)] = Field(
        description="광역 지자체 17곳. / The 17 provincial-level governments.",
        examples=[
            [
                {
                    "code": "52",
                    "name": {"ko": "전북특별자치도"},
                    "type": "special-self-governing-province",
                }
            ]
        ],
    )
    municipalities: list[Municipality] = Field(
        default=[],
        description="기초 지자체(시·군·자치구). / Basic local governments.",
        examples=[[{"code": "52710", "province": "52", "name": {"ko": "완주군"}, "kind": "gun"}]],
    )


class Synonyms(Strict):
    ko: list[ShortText] = Field(
        default=[],
        description="한국어 동의어. / Korean synonyms.",
        examples=[["공공급식", "학교급식"]],
    )
    en: list[ShortText] = Field(
        default=[],
        description="영어 동의어. / English synonyms.",
        examples=[["public meals", "school meals"]],
    )


class Theme(Strict):
    id: Slug = Field(description="주제 식별자. / Theme id.", examples=["public-meals"])
    label: Names = Field(
        description="주제 이름(ko, en). / Theme label.",
        examples=[{"ko": "공공급식", "en": "Public meals"}],
    )
    synonyms: Synonyms = Field(
        # A factory, not `Synonyms()`: an instance made here, as the module is imported,
        # builds the model's validator (~20 ms, and pydantic's plugin loader with
        # importlib.metadata) on every run, which a warm run that validates nothing needs.
        default_factory=Synonyms,
        description="자유 글을 읽을 때 쓰는 동의어. / Synonyms used to read free text.",
        examples=[{"ko": ["공공급식"], "en": ["public meals"]}],
    )
    policy_areas: UniqueSlugs = Field(
        default=[],
        description="관련 정책 분야 id. / Related policy area ids.",
        examples=[["safe-food"]],
    )
    learning: bool = Field(
        default=False,
        description=(
            "남의 운영 경험을 배우려는 요청이면 true: 함께 적힌 필요(교통 등)는 배우려는 주제이지 "
            "요청 자체가 아니다. / True for a request to learn how others run something: "
            "the needs named beside it (transport, say) are what the region wants to learn "
            "about, not what it asks a project to provide."
        ),
        examples=[True],
    )


class ThemesFile(Strict):
    kind: Literal["themes"] = Field(description="문서 종류. / Document kind.", examples=["themes"])
    source: Sources | None = Field(
        None, description="출처. / Sources.", examples=[[{"title": "서울시 지역상생 종합계획"}]]
    )
    themes: Annotated[list[Theme], Field(min_length=1)] = Field(
        description="주제 목록. / The themes.",
        examples=[[{"id": "public-meals", "label": {"ko": "공공급식"}}]],
    )


class PolicyArea(Strict):
    id: Slug = Field(description="정책 분야 식별자. / Policy area id.", examples=["safe-food"])
    name: Names = Field(
        description="정책 분야 이름(ko, en). / Policy area name.",
        examples=[{"ko": "안전한 먹거리 확보", "en": "Securing safe food"}],
    )
    planned_projects: Annotated[int, Field(ge=0, le=100)] | None = Field(
        None,
        description="2015/2016 계획의 사업 수. / Projects in the 2015/2016 plan.",
        examples=[4],
    )
    description: Text | None = Field(
        None, description="설명. / Description.", examples=["도농 먹거리 선순환."]
    )


class PolicyAreasFile(Strict):
    kind: Literal["policy-areas"] = Field(
        description="문서 종류. / Document kind.", examples=["policy-areas"]
    )
    source: Sources = Field(
        description="출처. / Sources.", examples=[[{"title": "지역상생발전 종합계획 (2016)"}]]
    )
    policy_areas: Annotated[list[PolicyArea], Field(min_length=1)] = Field(
        description="정책 분야 목록. / The policy areas.",
        examples=[[{"id": "safe-food", "name": {"ko": "안전한 먹거리 확보"}}]],
    )


class Tie(Strict):
    id: Slug = Field(description="관계 식별자. / Tie id.", examples=["gangdong-wanju-public-meals"])
    kind: Literal["friendship-agreement", "public-meals-pair", "sister-district"] = Field(
        description="우호교류협약, 공공급식 짝, 자매결연. / Friendship agreement, public-meals "
        "pair or sister district.",
        examples=["public-meals-pair"],
    )
    seoul_party: RegionRef = Field(
        description='서울 측: 서울시(11) 또는 자치구 코드. / Seoul\'s side: "11" for the city, '
        "or a gu code.",
        examples=["11740"],
    )
    region: RegionRef = Field(
        description="상대 지역의 코드. / The partner region's code.", examples=["52710"]
    )
    since: Year | None = Field(None, description="시작한 해. / Year it began.", examples=[2017])
    project: Slug | None = Field(
        None,
        description="관련 사업 id. / Related project id.",
        examples=["urban-rural-public-meals"],
    )
    note: Text | None = Field(None, description="메모. / Notes.", examples=["2017년 5월부터."])
    source: Sources = Field(
        description="출처. / Sources.", examples=[[{"url": "https://www.gangdong.go.kr"}]]
    )


class TiesFile(Strict):
    kind: Literal["ties"] = Field(description="문서 종류. / Document kind.", examples=["ties"])
    ties: list[Tie] = Field(
        description="서울과 지역의 관계 목록. / Seoul's ties with regions.",
        examples=[
            [
                {
                    "id": "gangdong-wanju-public-meals",
                    "kind": "public-meals-pair",
                    "seoul_party": "11740",
                    "region": "52710",
                    "source": [{"title": "강동구 보도"}],
                }
            ]
        ],
    )
