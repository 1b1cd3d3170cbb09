"""budget-range: a project budget range whose minimum is above its maximum."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_minimum_above_maximum(lint: Lint) -> None:
    found = lint(
        "budget-range",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
budget_per_region: {min: 800000000, max: 700000000}
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 7, 26, "budget-range")]
    assert found[0].diagnostic.message("en") == (
        "budget_per_region min (800,000,000) is above max (700,000,000)"
    )


def test_a_project_file_given_to_check_is_checked_too(lint: Lint) -> None:
    found = lint(
        "budget-range",
        files={
            "new-project.yaml": """\
kind: project
id: new-project
name: {ko: 새 사업}
policy_area: safe-food
description: {ko: 아직 정하지 않았다.}
budget_per_region:
  min: 5
  max: 4
source:
  - title: 계획안
"""
        },
    )
    assert found == [Found("new-project.yaml", 7, 8, "budget-range")]


def test_equal_ends_and_open_ends_pass(lint: Lint) -> None:
    assert (
        lint(
            "budget-range",
            catalog={
                "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
budget_per_region: {min: 700000000, max: 700000000}
source:
  - url: "https://example.org/farms"
""",
                "projects/meals.yaml": """\
kind: project
id: meals
name: {ko: 도농상생 공공급식}
policy_area: safe-food
themes: [public-meals]
description: {ko: 산지 농산물을 자치구 공공급식에 공급한다.}
budget_per_region: {min: 800000000}
source:
  - url: "https://example.org/meals"
""",
            },
        )
        == []
    )
