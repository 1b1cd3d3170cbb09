"""repeated-demand: a demand its region already filed in another proposal."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint

FIRST = """\
kind: proposal
id: 2026-wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""


def test_the_same_title_from_the_same_region_written_by_code(lint: Lint) -> None:
    found = lint(
        "repeated-demand",
        files={
            "a-first.yaml": FIRST,
            "b-again.yaml": """\
kind: proposal
id: 2026-wanju-corrected
region: 52710
demands:
  - id: public-meals
    title: 공공급식 식재료 공급
    description: 서울 자치구 공공급식센터에 친환경 농산물을 공급한다.
""",
        },
    )
    assert found == [Found("b-again.yaml", 5, 9, "repeated-demand")]
    assert "(the same title)" in found[0].diagnostic.message("en")


def test_the_same_demand_from_another_region_passes(lint: Lint) -> None:
    assert (
        lint(
            "repeated-demand",
            files={
                "a-first.yaml": FIRST,
                "b-busan.yaml": """\
kind: proposal
id: 2026-busan-jung
region: 부산 중구
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
""",
            },
        )
        == []
    )
