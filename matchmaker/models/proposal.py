"""A region's demand proposal (`kind: proposal`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from matchmaker.models.common import (
    KRW,
    IsoDate,
    Partner,
    RegionRef,
    Share,
    ShortText,
    Slug,
    Strict,
    Text,
    UniqueModes,
    UniqueSlugs,
    Year,
    Years,
    _iso_date,
)


def _year_or_date(value: Any) -> Any:
    """`start: 2027` stays a year; `start: 2027-03-01` becomes a date; nothing else."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1900 <= value <= 2100:
            raise ValueError("a start year must be between 1900 and 2100")
        return value
    return _iso_date(value)


class Contact(Strict):
    """Who answers questions about the proposal; every part is optional."""

    name: ShortText | None = Field(
        None, description="담당자 이름. / Name of the contact person.", examples=["홍길동"]
    )
    department: ShortText | None = Field(
        None,
        description="담당 부서. / Department of the contact person.",
        examples=["완주군 농업정책과 먹거리정책팀"],
    )
    email: ShortText | None = Field(
        None,
        description="담당자 이메일. / E-mail address of the contact.",
        examples=["food-policy@example.go.kr"],
    )
    phone: ShortText | None = Field(
        None,
        description="담당자 전화번호. / Telephone number of the contact.",
        examples=["063-000-0000"],
    )


class PriorTie(Strict):
    partner: ShortText = Field(
        description="함께 해 온 서울 측 상대(서울시 또는 자치구). / Seoul's side of the tie: "
        "the city or an autonomous gu.",
        examples=["강동구"],
    )
    kind: Literal[
        "friendship-agreement", "public-meals-pair", "sister-district", "project", "other"
    ] = Field(
        description="관계의 종류: 우호교류협약(friendship-agreement), "
        "공공급식 짝(public-meals-pair), 자매결연(sister-district), 사업(project), "
        "기타(other). / Kind of tie: friendship agreement, public-meals pair, sister district, "
        "a project, or other.",
        examples=["public-meals-pair"],
    )
    since: Year | None = Field(
        None, description="관계가 시작된 해. / Year the tie began.", examples=[2017]
    )
    project: Slug | None = Field(
        None,
        description="관련된 서울 사업의 id(catalog/projects). / Id of the Seoul project "
        "involved, if any.",
        examples=["urban-rural-public-meals"],
    )
    note: Text | None = Field(
        None,
        description="관계에 대한 메모. / Notes on the tie.",
        examples=["2017년 5월부터 강동구 공공급식센터를 거쳐 친환경 농산물을 공급하고 있음."],
    )


class Outcome(Strict):
    indicator: ShortText = Field(
        description="성과 지표(산출이 아닌 성과). / Outcome indicator (an outcome, not only "
        "an output).",
        examples=["공급 대상 시설 수"],
    )
    target: ShortText | float | None = Field(
        None,
        description="목표값(숫자 또는 글). / Target value, a number or text.",
        examples=["250", 250],
    )
    unit: ShortText | None = Field(
        None, description="목표값의 단위. / Unit of the target.", examples=["개소"]
    )
    baseline: ShortText | float | None = Field(
        None, description="현재값(기준선). / Current value, the baseline.", examples=["120", 120]
    )
    by: Year | None = Field(
        None, description="목표를 이룰 해. / Year by which the target is reached.", examples=[2029]
    )


class Demand(Strict):
    id: Slug = Field(
        description="수요 식별자: 소문자 영문·숫자와 하이픈, 제안서 안에서 유일. / Demand id: "
        "a lowercase slug, unique in the proposal.",
        examples=["public-meals"],
    )
    title: ShortText = Field(
        description="수요를 한 줄로 요약한 제목. / One-line title of the demand.",
        examples=["공공급식 식재료 공급 확대"],
    )
    description: Text = Field(
        description="무엇이 필요하고 왜 필요한지 자유롭게 쓴 설명(한국어 또는 영어). "
        "도구가 이 글을 읽어 사업과 맞춥니다. / What is needed and why, in free Korean or "
        "English text; the tool reads it to match projects.",
        examples=[
            "참여 농가가 늘어 생산량이 강동구 수요를 넘어섰습니다. 인근 자치구 한 곳을 더 "
            "연결해 연중 공급 체계를 만들고자 합니다."
        ],
    )
    themes: UniqueSlugs = Field(
        default=[],
        description="관련 주제 id(catalog/themes.yaml). / Theme ids from catalog/themes.yaml.",
        examples=[["public-meals", "farm-produce-sales"]],
    )
    priority: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None,
        description="우선순위: 1이 가장 중요. / Priority: 1 is the most important.",
        examples=[1],
    )
    modes: UniqueModes = Field(
        default=[],
        description="원하는 추진 방식(교류, 조달, 판매, 교육…). / How the demand "
        "wants to be met: exchange, procurement, sales, training…",
        examples=[["procurement", "education"]],
    )
    budget_request: KRW | None = Field(
        None,
        description="서울에 요청하는 연간 예산(원, 정수). / Budget asked of Seoul per "
        "year, in KRW (an integer).",
        examples=[300000000],
    )
    local_match: Share | None = Field(
        None,
        description="지역이 부담하는 사업비 비율(0~1, 0.3 = 30%). / Share of the cost the "
        "region co-funds, from 0 to 1 (0.3 = 30%).",
        examples=[0.3],
    )
    start: Annotated[int | dt.date, BeforeValidator(_year_or_date)] | None = Field(
        None,
        description="시작 시기: 연도(2027) 또는 날짜(2027-04-01). / When it starts: a "
        "year (2027) or an ISO date (2027-04-01).",
        examples=[2027, "2027-04-01"],
    )
    years: Years | None = Field(
        None,
        description="약속하는 추진 기간(년, 1~30). / Years the region commits to (1-30).",
        examples=[3],
    )
    partners: list[Partner] = Field(
        default=[],
        description="함께할 민간·시민·공공 협력 주체. / Private, civil and public partners.",
        examples=[[{"name": "완주로컬푸드협동조합", "kind": "cooperative"}]],
    )
    outcomes: list[Outcome] = Field(
        default=[],
        description="성과 지표와 목표. / Outcome indicators and their targets.",
        examples=[
            [{"indicator": "공급 대상 시설 수", "target": "250", "unit": "개소", "by": 2029}]
        ],
    )
    readiness: list[ShortText] = Field(
        default=[],
        description="이미 갖춘 것(조직, 시설, 실적). / What is already in place: "
        "bodies, facilities, track record.",
        examples=[["공공급식지원센터 운영 중"]],
    )

    @property
    def start_year(self) -> int | None:
        if self.start is None:
            return None
        return self.start if isinstance(self.start, int) else self.start.year


class Proposal(Strict):
    kind: Literal["proposal"] = Field(
        description="문서 종류. 수요 제안서는 항상 proposal. / Document kind: always proposal "
        "here.",
        examples=["proposal"],
    )
    id: Slug = Field(
        description="제안서 식별자: 소문자 영문·숫자와 하이픈(보통 연도-지역). / Proposal id: a "
        "lowercase slug, usually year-region.",
        examples=["2027-wanju"],
    )
    region: RegionRef = Field(
        description="제안하는 지역: 행정구역 코드(52710) 또는 한국어·영어 이름(완주군, Wanju-gun). "
        "같은 이름이 여럿이면(중구) 코드를 쓰세요. `matchmaker regions`로 찾을 수 있습니다. / The "
        "proposing region: its official code or its Korean or English name; where a name is "
        "shared (중구) use the code. Find it with `matchmaker regions`.",
        examples=["완주군", "52710", "Wanju-gun"],
    )
    submitted: IsoDate | None = Field(
        None,
        description="제출일(YYYY-MM-DD). / Date submitted (YYYY-MM-DD).",
        examples=["2026-09-15"],
    )
    valid_until: IsoDate | None = Field(
        None,
        description="제안이 유효한 마지막 날(YYYY-MM-DD). / Last day the proposal holds "
        "(YYYY-MM-DD).",
        examples=["2027-12-31"],
    )
    contact: Contact | None = Field(
        None,
        description="담당자 연락처(모두 선택). / Contact person; every part optional.",
        examples=[
            {
                "name": "홍길동",
                "department": "완주군 농업정책과",
                "email": "food-policy@example.go.kr",
            }
        ],
    )
    prior_ties: list[PriorTie] = Field(
        default=[],
        description="서울과 이미 맺은 관계(자매결연, 공공급식 짝, 이전 사업). / "
        "Earlier cooperation with Seoul: sister districts, public-meal pairs, projects.",
        examples=[[{"partner": "강동구", "kind": "public-meals-pair", "since": 2017}]],
    )
    demands: Annotated[list[Demand], Field(min_length=1, max_length=200)] = Field(
        description="지역의 수요 목록(하나 이상). / The region's demands, at least one.",
        examples=[
            [
                {
                    "id": "public-meals",
                    "title": "공공급식 식재료 공급 확대",
                    "description": "인근 자치구 한 곳을 더 연결해 연중 공급 체계를 만들고자 "
                    "합니다.",
                }
            ]
        ],
    )
