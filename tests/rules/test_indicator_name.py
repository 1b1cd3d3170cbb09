"""indicator-name: a free-text outcome naming an indicator of the controlled list."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint
from tests.rules.records_snippets import INDICATORS

PROPOSAL = """\
kind: proposal
id: wanju
region: 완주군
demands:
  - id: stays
    title: 농촌 체류
    description: 서울 가족이 머무는 농장 체험.
    outcomes:
      - {indicator: 생활인구 증가, target: 82000}
      - {indicator: Living Population, target: 82000}
      - {indicator: living-population, target: 82000}
      - {indicator: 참가 가족 수, target: "40"}
"""


def test_free_text_naming_an_indicator_in_korean_or_english(lint: Lint) -> None:
    found = lint(
        "indicator-name", catalog={"indicators.yaml": INDICATORS}, files={"w.yaml": PROPOSAL}
    )
    assert found == [
        Found("w.yaml", 9, 21, "indicator-name"),
        Found("w.yaml", 10, 21, "indicator-name"),
    ]
    assert found[0].diagnostic.message("ko") == (
        "성과 '생활인구 증가'은(는) 지표 'living-population'을(를) 가리킵니다"
    )


def test_without_an_indicators_list_nothing_is_said(lint: Lint) -> None:
    assert lint("indicator-name", files={"w.yaml": PROPOSAL}) == []
