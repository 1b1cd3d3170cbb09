"""A Seoul project offering (`kind: project`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from matchmaker.models.common import (
    KRW,
    LongText,
    Names,
    Partner,
    RegionKind,
    RegionRef,
    Share,
    ShortText,
    Slug,
    Sources,
    Strict,
    Text,
    UniqueModes,
    UniqueSlugs,
    Year,
    Years,
)


class Eligibility(Strict):
    """Who may take part; an absent field means no restriction of that kind."""

    kinds: list[RegionKind] | None = Field(
        None,
        description="참여할 수 있는 지역 종류: 광역(province), 시(si), 군(gun), 자치구(gu). "
        "없으면 모든 종류. / Region kinds that may take part; absent means any.",
        examples=[["si", "gun"]],
    )
    provinces: list[RegionRef] | None = Field(
        None,
        description="참여할 수 있는 광역 지자체 코드 또는 이름. 없으면 전국. / Provinces "
        "(codes or names) whose regions may take part; absent means all.",
        examples=[["46", "52"]],
    )
    population_decline_only: bool = Field(
        False,
        description="인구감소지역만 참여할 수 있으면 true. / true when only designated "
        "population-decline areas may take part.",
        examples=[False],
    )


class BudgetRange(Strict):
    """KRW per region per year. Either end may be unpublished, and is then left out."""

    min: KRW | None = Field(
        None,
        description="지역 한 곳당 연간 최소 지원액(원). / Least amount per region per "
        "year, in KRW.",
        examples=[100000000],
    )
    max: Annotated[int, Field(gt=0, le=10**15)] | None = Field(
        None,
        description="지역 한 곳당 연간 최대 지원액(원). / Most per region per year, in KRW.",
        examples=[700000000],
    )


class LongTerm(Strict):
    capacity_building: bool | None = Field(
        None,
        description="지역 담당자 교육·워크숍 등 역량 강화를 포함하면 true. / true when "
        "the project trains local staff (workshops, training).",
        examples=[True],
    )
    outcome_indicators: list[ShortText] | None = Field(
        None,
        description="사업이 관리하는 성과 지표. / Outcome indicators the project tracks.",
        examples=[["참여 시설 수", "공급 금액"]],
    )
    local_body: ShortText | None = Field(
        None,
        description="지역에 남는 지속 조직(예: 공공급식센터). / Persistent local body the "
        "project creates, such as a promotion centre.",
        examples=["공공급식센터"],
    )


class Problem(Strict):
    """A problem the project answers, as a region would describe its own situation.

    Regions often write their need as a problem ("수확철에 일손이 없다") rather than as the
    solution a project offers; these statements let such demands be read.
    """

    ko: ShortText = Field(
        description="지역이 겪는 문제(한국어, 지역이 쓰는 말로). / The problem in Korean, in the "
        "words a region would use.",
        examples=["수확철에 일손을 구할 수 없다"],
    )
    en: ShortText = Field(
        description="같은 문제(영어). / The same problem in English.",
        examples=["nobody to help at harvest time"],
    )
    source: ShortText = Field(
        description="이 문제를 다룬다는 근거: 이 사업의 source 목록에 있는 url. / The url, from "
        "this project's own source list, that states the purpose behind it.",
        examples=["https://www.donga.com/news/Society/article/all/20160308/76870487/1"],
    )


class Project(Strict):
    kind: Literal["project"] = Field(
        description="문서 종류. 서울 사업은 항상 project. / Document kind: always project here.",
        examples=["project"],
    )
    id: Slug = Field(
        description="사업 식별자: 소문자 영문·숫자와 하이픈, 파일 이름과 같게. / Project id: a "
        "lowercase slug, the same as the file name.",
        examples=["urban-rural-public-meals"],
    )
    name: Names = Field(
        description="사업 이름(ko와/또는 en). / Project name in Korean and/or English.",
        examples=[{"ko": "도농상생 공공급식", "en": "Urban-rural win-win public meals"}],
    )
    policy_area: Slug = Field(
        description="종합계획의 정책 분야 id(catalog/policy-areas.yaml). / Policy area id of the "
        "master plan, from catalog/policy-areas.yaml.",
        examples=["safe-food"],
    )
    policy_area_basis: Literal["documented", "inferred"] | None = Field(
        None,
        description="정책 분야가 공개 자료에 나오면 documented, 추론이면 inferred. / "
        "documented when the plan publishes the area for this project, inferred otherwise.",
        examples=["inferred"],
    )
    department: ShortText | None = Field(
        None,
        description="담당 부서(자유 기술). / Responsible department, in free text.",
        examples=["평생교육국"],
    )
    started: Year | None = Field(
        None, description="사업을 시작한 해. / Year the project started.", examples=[2017]
    )
    status: Literal["active", "ended", "unknown"] | None = Field(
        None,
        description="진행 상태: 진행 중(active), 종료(ended), 모름(unknown). / Status: "
        "active, ended or unknown.",
        examples=["active"],
    )
    themes: UniqueSlugs = Field(
        default=[],
        description="관련 주제 id(catalog/themes.yaml). / Theme ids from catalog/themes.yaml.",
        examples=[["public-meals", "farm-produce-sales"]],
    )
    description: LongText = Field(
        description="사업 설명(ko와/또는 en). / What the project does, in Korean and/or English.",
        examples=[{"ko": "자치구 공공급식센터를 통해 산지 친환경 농산물을 공급한다."}],
    )
    problems: list[Problem] = Field(
        default=[],
        description="사업이 해결하는 지역의 문제(지역이 쓰는 말로, 출처와 함께). / "
        "Problems the project answers, as regions describe them, each with its source.",
        examples=[
            [
                {
                    "ko": "수확철에 일손을 구할 수 없다",
                    "en": "nobody to help at harvest time",
                    "source": "https://www.donga.com/news/Society/article/all/20160308/76870487/1",
                }
            ]
        ],
    )
    modes: UniqueModes = Field(
        default=[],
        description="추진 방식(교류, 조달, 판매, 교육…). / How the project is "
        "delivered: exchange, procurement, sales, training…",
        examples=[["procurement", "exchange"]],
    )
    eligible: Eligibility | None = Field(
        None,
        description="참여 자격. 없으면 모든 지역. / Who may take part; absent means any region.",
        examples=[{"kinds": ["si", "gun"], "population_decline_only": False}],
    )
    capacity: Annotated[int, Field(ge=1, le=100_000)] | None = Field(
        None,
        description="한 해에 참여할 수 있는 지역 수. / Regions the project can take per year.",
        examples=[13],
    )
    budget_per_region: BudgetRange | None = Field(
        None,
        description="지역 한 곳당 연간 지원액 범위(원). / Budget per region per year, in KRW.",
        examples=[{"min": 100000000, "max": 700000000}],
    )
    years: Years | None = Field(
        None, description="약속하는 추진 기간(년). / Commitment length, in years.", examples=[3]
    )
    local_match_min: Share | None = Field(
        None,
        description="지역이 부담해야 하는 최소 비율(0~1). / Least share of the cost the "
        "region must co-fund, from 0 to 1.",
        examples=[0.5],
    )
    partners: list[Partner] = Field(
        default=[],
        description="민간·시민 협력 주체와 그 종류. / Private and civil partners with their kind.",
        examples=[[{"name": "한살림", "kind": "cooperative", "role": "자치구 공공급식센터 운영"}]],
    )
    long_term: LongTerm | None = Field(
        None,
        description="장기적 가치: 역량 강화, 성과 지표, 지속 조직. / Long-term attributes: "
        "capacity building, outcome indicators, a persistent local body.",
        examples=[{"capacity_building": True, "local_body": "공공급식센터"}],
    )
    complements: UniqueSlugs = Field(
        default=[],
        description="함께하면 시너지가 나는 다른 사업 id. / Ids of other projects "
        "this one works with.",
        examples=[["holiday-direct-market"]],
    )
    scale: Text | None = Field(
        None,
        description="공개된 규모(자유 기술, 발표된 그대로). / Published scale, as published.",
        examples=["Jan 2019: 1,160 facilities, 47,941 people"],
    )
    notes: Text | None = Field(
        None,
        description="메모: 무엇이 추론이고 무엇을 모르는지. / Notes: what is inferred and "
        "what is unknown.",
        examples=["예산과 참여 지역 수는 공개되지 않음."],
    )
    source: Sources = Field(
        description="사실의 출처(하나 이상). 공개되지 않은 사실은 쓰지 않습니다. / Where the "
        "facts come from, at least one entry; unpublished facts are left out.",
        examples=[
            [
                {
                    "url": "https://www.donga.com/news/Society/article/all/20160308/76870487/1",
                    "note": "폐교 캠핑장 개장과 운영 방식의 근거.",
                }
            ]
        ],
    )
