"""duplicate-proposal-id: two proposal files with the same id."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint

WANJU = """\
kind: proposal
id: 2026-wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""
BUSAN = """\
kind: proposal
id: {id}
region: 부산 중구
demands:
  - id: stays
    title: 농촌 체험 교류
    description: 주민이 농촌 마을에 머물며 교류한다.
"""


def test_the_later_file_is_reported_naming_the_earlier(lint: Lint) -> None:
    found = lint(
        "duplicate-proposal-id",
        files={"a/wanju.yaml": WANJU, "b/busan.yaml": BUSAN.format(id="2026-wanju")},
    )
    assert found == [Found("b/busan.yaml", 2, 5, "duplicate-proposal-id")]
    assert found[0].diagnostic.params["other"].endswith("a/wanju.yaml")


def test_distinct_ids_pass(lint: Lint) -> None:
    assert (
        lint(
            "duplicate-proposal-id",
            files={"a/wanju.yaml": WANJU, "b/busan.yaml": BUSAN.format(id="2026-busan-jung")},
        )
        == []
    )
