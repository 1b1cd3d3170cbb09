"""outdated-region-code: a region given by a code retired in a renaming."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint

PROPOSAL = """\
kind: proposal
id: 2026-wanju
region: {region}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""


def test_a_former_municipality_code_gives_the_current_one(lint: Lint) -> None:
    found = lint("outdated-region-code", files={"wanju.yaml": PROPOSAL.format(region="45710")})
    assert found == [Found("wanju.yaml", 3, 9, "outdated-region-code")]
    finding = found[0].diagnostic
    assert finding.message("en") == (
        "'45710' is the former code of 완주군; its current code is 52710"
    )
    assert finding.hint_text("en") == "write the current code: 52710"


def test_a_former_province_code_in_eligibility(lint: Lint) -> None:
    found = lint(
        "outdated-region-code",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
eligible:
  provinces: ["26", "45"]
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 8, 21, "outdated-region-code")]


def test_the_current_code_passes(lint: Lint) -> None:
    assert lint("outdated-region-code", files={"wanju.yaml": PROPOSAL.format(region="52710")}) == []
