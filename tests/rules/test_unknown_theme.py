"""unknown-theme: a theme id that catalog/themes.yaml does not define."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_misspelt_theme_in_a_demand(lint: Lint) -> None:
    found = lint(
        "unknown-theme",
        files={
            "wanju.yaml": """\
kind: proposal
id: wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
    themes: [public-meals, farm-stay]
"""
        },
    )
    assert found == [Found("wanju.yaml", 8, 28, "unknown-theme")]
    assert found[0].diagnostic.hint_text("en") == "did you mean 'farm-stays'?"


def test_a_misspelt_theme_in_a_project(lint: Lint) -> None:
    found = lint(
        "unknown-theme",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays, publicmeals]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 5, 22, "unknown-theme")]


def test_defined_themes_pass(lint: Lint) -> None:
    assert (
        lint(
            "unknown-theme",
            files={
                "wanju.yaml": """\
kind: proposal
id: wanju
region: 완주군
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
    themes: [public-meals, farm-stays]
"""
            },
        )
        == []
    )
