"""Scoring weights (`kind: profile`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from matchmaker.models.common import Names, Slug, Strict, Text

Weight = Annotated[float, Field(ge=0, le=100)]


class Weights(Strict):
    demand_fit: Weight = Field(
        description="수요 적합도의 가중치(0 이상). / Weight of demand fit (0 or more).",
        examples=[0.5],
    )
    long_term: Weight = Field(
        description="장기적 가치의 가중치(0 이상). / Weight of long-term value (0 or more).",
        examples=[0.3],
    )
    synergy: Weight = Field(
        description="시너지의 가중치(0 이상). / Weight of synergy (0 or more).", examples=[0.2]
    )

    @model_validator(mode="after")
    def _not_all_zero(self) -> Weights:
        if self.demand_fit + self.long_term + self.synergy <= 0:
            raise ValueError("at least one weight must be above 0")
        return self

    def normalised(self) -> tuple[float, float, float]:
        total = self.demand_fit + self.long_term + self.synergy
        return (self.demand_fit / total, self.long_term / total, self.synergy / total)


class Profile(Strict):
    kind: Literal["profile"] = Field(
        description="문서 종류. 점수 프로필은 항상 profile. / Document kind: always profile here.",
        examples=["profile"],
    )
    id: Slug = Field(
        description="프로필 식별자: 소문자 영문·숫자와 하이픈. / Profile id: a lowercase slug.",
        examples=["long-term-first"],
    )
    name: Names = Field(
        description="프로필 이름(ko와/또는 en). / Profile name in Korean and/or English.",
        examples=[{"ko": "장기적 가치 우선", "en": "Long-term value first"}],
    )
    description: Text | None = Field(
        None,
        description="가중치를 이렇게 정한 이유. / Why the weights are what they are.",
        examples=["연구의 네 원칙 가운데 장기적 관점을 가장 앞에 둔다."],
    )
    weights: Weights = Field(
        description="세 점수의 가중치. 합으로 나누므로 합이 1일 필요는 없습니다. / Weights of the "
        "three scores; they are divided by their sum, so they need not add up to 1.",
        examples=[{"demand_fit": 0.5, "long_term": 0.3, "synergy": 0.2}],
    )
    fit_threshold: Annotated[float, Field(ge=0, le=100)] = Field(
        24,
        description="수요 적합도가 이 점수에 못 미치면 '적합한 사업 없음'으로 답합니다"
        "(0~100). / "
        "When no eligible project reaches this demand fit (0-100), the answer for the demand "
        "is 'no suitable project'.",
        examples=[24],
    )
    population_decline_bonus: Annotated[float, Field(ge=0, le=20)] = Field(
        0,
        description="인구감소지역에 더하는 가점(0~20점). / Points (0-20) added for "
        "population-decline areas.",
        examples=[5],
    )
