"""unknown-region: a region name or code that matches no local government."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_misspelt_region_suggests_the_closest(lint: Lint) -> None:
    found = lint(
        "unknown-region",
        files={
            "wanju.yaml": """\
kind: proposal
id: 2026-wanju
region: 완쥬군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""
        },
    )
    assert found == [Found("wanju.yaml", 3, 9, "unknown-region")]
    assert found[0].diagnostic.hint_text("en") == "did you mean '완주군'?"


def test_an_unknown_province_in_eligibility(lint: Lint) -> None:
    found = lint(
        "unknown-region",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
eligible:
  provinces: ["52", "99"]
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 8, 21, "unknown-region")]


def test_codes_names_and_qualified_names_pass(lint: Lint) -> None:
    proposal = """\
kind: proposal
id: {id}
region: {region}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""
    regions = {
        "code": "52710",
        "english": "Wanju-gun",
        "qualified": "부산 중구",
        "province": "전북특별자치도",
    }
    assert (
        lint(
            "unknown-region",
            files={
                f"{name}.yaml": proposal.format(id=name, region=region)
                for name, region in regions.items()
            },
        )
        == []
    )
