"""self-complement: a project that names itself among the projects it complements."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_project_listing_itself(lint: Lint) -> None:
    found = lint(
        "self-complement",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
complements: [meals, farms]
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 7, 22, "self-complement")]
    assert found[0].diagnostic.message("en") == "project 'farms' lists itself in complements"


def test_other_projects_pass(lint: Lint) -> None:
    assert (
        lint(
            "self-complement",
            catalog={
                "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
complements: [meals]
source:
  - url: "https://example.org/farms"
"""
            },
        )
        == []
    )
