"""The controlled list of outcome and output indicators (`catalog/indicators.yaml`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from matchmaker.models.common import LongText, Names, Slug, Sources, Strict


class Indicator(Strict):
    id: Slug = Field(
        description="지표 식별자. 수요의 outcomes와 결과 기록이 이 id를 씁니다. / Indicator "
        "id, used by demands' outcomes and by result records.",
        examples=["living-population"],
    )
    name: Names = Field(
        description="지표 이름(ko, en). / Name of the indicator in Korean and English.",
        examples=[{"ko": "생활인구", "en": "Living population"}],
    )
    unit: Names = Field(
        description="측정 단위(ko, en). / Unit it is measured in.",
        examples=[{"ko": "명", "en": "people"}],
    )
    type: Literal["outcome", "output"] = Field(
        description="성과(outcome: 지역에 생긴 변화) 또는 산출(output: 한 활동을 센 것). / "
        "outcome (a change in the region) or output (an activity counted).",
        examples=["outcome"],
    )
    better: Literal["higher", "lower"] = Field(
        "higher",
        description="높을수록 좋은지(higher) 낮을수록 좋은지(lower): 목표 달성을 판단하는 방향. / "
        "Whether a higher or a lower value is better: the direction a target is met in.",
        examples=["higher"],
    )
    definition: LongText = Field(
        description="공식 정의(출처가 밝힌 대로, 옮겨 쓰지 않고 요약). / The official "
        "definition, as its source states it (summarised, not copied).",
        examples=[{"ko": "주민등록 인구와 체류 인구, 등록 외국인을 합한 인구."}],
    )
    published: LongText | None = Field(
        None,
        description="누가 얼마나 자주 공표하는지. / Who publishes it and how often.",
        examples=[{"ko": "행정안전부가 인구감소지역별로 분기마다 산정."}],
    )
    source: Sources = Field(
        description="정의의 출처. / Where the definition comes from.",
        examples=[[{"title": "행정안전부 고시 「생활인구의 세부요건 등에 관한 규정」"}]],
    )


class IndicatorsFile(Strict):
    kind: Literal["indicators"] = Field(
        description="문서 종류. / Document kind.", examples=["indicators"]
    )
    indicators: Annotated[list[Indicator], Field(min_length=1)] = Field(
        description="지표 목록. / The indicators.",
        examples=[
            [
                {
                    "id": "living-population",
                    "name": {"ko": "생활인구"},
                    "unit": {"ko": "명"},
                    "type": "outcome",
                    "definition": {"ko": "주민등록 인구와 체류 인구, 등록 외국인."},
                    "source": [{"title": "행정안전부 고시"}],
                }
            ]
        ],
    )
