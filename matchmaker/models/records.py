"""A round's records: the decision (`kind: decision`) and its results (`kind: result`).

Records live in `records/ROUND/`, are written by `matchmaker record decision` and
`matchmaker new result`, and are read back by the same loader as every other file.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from matchmaker.models.common import (
    KRW,
    SLUG_PATTERN,
    IsoDate,
    ShortText,
    Slug,
    Source,
    Strict,
    Text,
    Year,
)
from matchmaker.models.reference import RegionCode

# A demand is named `PROPOSAL/DEMAND`, as on the command line.
DEMAND_REF_PATTERN = SLUG_PATTERN[:-1] + "/" + SLUG_PATTERN[1:]
DemandRef = Annotated[str, Field(pattern=DEMAND_REF_PATTERN, min_length=3, max_length=161)]
SHA256_PATTERN = r"^[0-9a-f]{64}$"
Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN)]
Score = Annotated[float, Field(ge=0, le=200)]
Measure = Annotated[float, Field(ge=-(10**15), le=10**15)]


class FundedPair(Strict):
    demand: DemandRef = Field(
        description="지원한 수요: 제안서id/수요id. / The funded demand, as PROPOSAL/DEMAND.",
        examples=["2026-wanju/public-meals"],
    )
    project: Slug = Field(
        description="연결한 서울 사업의 id. / Id of the Seoul project it was given.",
        examples=["urban-rural-public-meals"],
    )
    region: RegionCode | None = Field(
        None,
        description="수요를 낸 지역의 코드(지역별 실적과 회차 간 형평에 씁니다). / Code of "
        "the demand's region, for its track record and fairness across rounds.",
        examples=["52710"],
    )
    amount: KRW | None = Field(
        None,
        description="결정한 연간 금액(원). 모르면 비워 둡니다. / Amount decided per year, in "
        "KRW; left out when unknown.",
        examples=[300000000],
    )
    score: Score | None = Field(
        None,
        description="결정 당시의 점수. / The pair's score when it was decided.",
        examples=[42.5],
    )


class ReserveEntry(Strict):
    demand: DemandRef = Field(
        description="예비 목록의 수요: 제안서id/수요id. / A demand on the reserve list.",
        examples=["2026-sinan/island-school-trips"],
    )
    project: Slug | None = Field(
        None,
        description="그 수요에 가장 맞았던 사업. / The project that fitted it best.",
        examples=["urban-rural-youth-exchange"],
    )
    region: RegionCode | None = Field(
        None,
        description="수요를 낸 지역의 코드. / Code of the demand's region.",
        examples=["46910"],
    )
    score: Score | None = Field(
        None, description="그 짝의 점수. / The score of that pair.", examples=[31.2]
    )
    title: ShortText | None = Field(
        None,
        description="그 수요의 제목(다음 회차에 다시 낸 수요를 찾는 데 씁니다). / The demand's "
        "title, to find it when the region files it again in the next round.",
        examples=["섬 학교 수학여행 교류"],
    )


class Decision(Strict):
    kind: Literal["decision"] = Field(
        description="문서 종류. 한 회차의 결정은 decision. / Document kind: decision.",
        examples=["decision"],
    )
    round: Year = Field(description="회차(연도). / The round, a year.", examples=[2026])
    decided: IsoDate | None = Field(
        None, description="결정한 날(YYYY-MM-DD). / Date of the decision.", examples=["2026-12-15"]
    )
    note: Text | None = Field(
        None,
        description="메모(예: 예시 자료라는 표시). / Notes, such as that the file is illustrative.",
        examples=["예시 자료입니다."],
    )
    inputs: dict[ShortText, Sha256] = Field(
        default={},
        description="결정을 낸 실행의 입력 파일과 SHA-256. / The input files of the run that "
        "made the decision, with their SHA-256.",
        examples=[{"examples/proposals/2026-wanju.yaml": "0" * 64}],
    )
    pairs: list[FundedPair] = Field(
        description="지원하기로 한 수요-사업 짝. / The funded demand-project pairs.",
        examples=[[{"demand": "2026-wanju/public-meals", "project": "urban-rural-public-meals"}]],
    )
    reserve: list[ReserveEntry] = Field(
        default=[],
        description="예비 목록: 지원하지 못한 점수 높은 수요. / The reserve list: "
        "high-scoring demands left unfunded.",
        examples=[[{"demand": "2026-sinan/island-school-trips", "score": 31.2}]],
    )


class Measurement(Strict):
    indicator: Slug = Field(
        description="지표 id(catalog/indicators.yaml). / Indicator id from "
        "catalog/indicators.yaml.",
        examples=["living-population"],
    )
    baseline: Measure | None = Field(
        None, description="기준값. / Value before support.", examples=[81000]
    )
    target: Measure | None = Field(None, description="목표값. / Target value.", examples=[85000])
    actual: Measure | None = Field(
        None, description="측정한 실제값. / Value measured.", examples=[86200]
    )
    measured: IsoDate | None = Field(
        None, description="측정한 날(YYYY-MM-DD). / Date measured.", examples=["2027-12-31"]
    )
    evidence: list[Source] = Field(
        default=[],
        description="실제값의 근거(공표 자료, 보고서). / Where the actual value is published.",
        examples=[[{"title": "행정안전부 생활인구 산정 결과 2027년 4분기"}]],
    )

    def met(self, better: str = "higher") -> bool | None:
        """Whether the target was reached in the indicator's direction (`better`: higher
        or lower, from catalog/indicators.yaml); None when target or actual is missing."""
        if self.target is None or self.actual is None:
            return None
        return self.actual >= self.target if better == "higher" else self.actual <= self.target


class Result(Strict):
    kind: Literal["result"] = Field(
        description="문서 종류. 한 짝의 한 해 결과는 result. / Document kind: result.",
        examples=["result"],
    )
    round: Year = Field(
        description="지원을 결정한 회차. / The round in which the pair was funded.",
        examples=[2026],
    )
    demand: DemandRef = Field(
        description="지원받은 수요: 제안서id/수요id. / The funded demand, PROPOSAL/DEMAND.",
        examples=["2026-wanju/public-meals"],
    )
    project: Slug = Field(
        description="서울 사업의 id. / Id of the Seoul project.",
        examples=["urban-rural-public-meals"],
    )
    year: Year = Field(description="결과의 연도. / Year the results are for.", examples=[2027])
    indicators: Annotated[list[Measurement], Field(min_length=1)] = Field(
        description="지표별 기준값, 목표, 실제값, 근거. / Per indicator: baseline, target, "
        "actual and evidence.",
        examples=[[{"indicator": "living-population", "target": 85000}]],
    )
    continued_after_support: bool | None = Field(
        None,
        description="지원이 끝난 뒤에도 협력이 이어졌는지(모르면 비움). / Whether cooperation "
        "went on after support ended; left out when not known yet.",
        examples=[True],
    )
    note: Text | None = Field(
        None, description="메모. / Notes.", examples=["2027년 4분기 공표치 기준."]
    )

    @property
    def pair(self) -> tuple[int, str, str]:
        return (self.round, self.demand, self.project)


def demand_parts(ref: str) -> tuple[str, str]:
    proposal, _, demand = ref.partition("/")
    return proposal, demand


__all__ = [
    "DEMAND_REF_PATTERN",
    "SHA256_PATTERN",
    "Decision",
    "FundedPair",
    "Measurement",
    "ReserveEntry",
    "Result",
    "demand_parts",
]
