"""unknown-project: a project id in complements or prior ties with no project file."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_complement_with_no_project_file(lint: Lint) -> None:
    found = lint(
        "unknown-project",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
complements: [meals, mealz]
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 7, 22, "unknown-project")]
    assert found[0].diagnostic.hint_text("en") == "did you mean 'meals'?"


def test_a_prior_tie_with_an_unknown_project(lint: Lint) -> None:
    found = lint(
        "unknown-project",
        files={
            "wanju.yaml": """\
kind: proposal
id: wanju
region: 완주군
prior_ties:
  - {partner: 강동구, kind: project, project: public-meals}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""
        },
    )
    assert found == [Found("wanju.yaml", 5, 44, "unknown-project")]


def test_known_projects_and_the_project_itself_pass(lint: Lint) -> None:
    # Naming itself is `self-complement`'s finding, not this rule's.
    assert (
        lint(
            "unknown-project",
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
            files={
                "wanju.yaml": """\
kind: proposal
id: wanju
region: 완주군
prior_ties:
  - {partner: 강동구, kind: project, project: meals}
demands:
  - id: meals
    title: 공공급식 식재료 공급
    description: 인근 자치구 한 곳을 더 연결하고 싶다.
"""
            },
        )
        == []
    )
