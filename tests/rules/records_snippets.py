"""Literal record snippets shared by the tests of the record rules: one proposal of the
conftest catalog's region, its round's decision, and an indicators list."""

from __future__ import annotations

PROPOSAL = """\
kind: proposal
id: 2026-wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
  - id: stays
    title: 농촌 체험
    description: 서울 가족이 머무는 농장 체험.
"""

DECISION = """\
kind: decision
round: 2026
pairs:
  - {demand: 2026-wanju/meals, project: meals, amount: 100000000}
reserve:
  - {demand: 2026-wanju/stays, project: farms, score: 30.5}
"""

INDICATORS = """\
kind: indicators
indicators:
  - id: living-population
    name: {ko: 생활인구, en: Living population}
    unit: {ko: 명, en: people}
    type: outcome
    definition: {ko: 주민등록 인구와 체류 인구와 등록 외국인.}
    source:
      - title: 행정안전부 고시
"""


def result(
    year: int = 2027,
    demand: str = "2026-wanju/meals",
    project: str = "meals",
    round_: int = 2026,
    evidence: str = '[{title: "행정안전부 생활인구 2027년 4분기"}]',
    indicator: str = "living-population",
) -> str:
    return f"""\
kind: result
round: {round_}
demand: {demand}
project: {project}
year: {year}
indicators:
  - indicator: {indicator}
    baseline: 80000
    target: 82000
    actual: 83000
    evidence: {evidence}
"""
