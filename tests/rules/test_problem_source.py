"""problem-source: a problem statement citing a source its project does not list."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_problem_citing_a_foreign_source(lint: Lint) -> None:
    found = lint(
        "problem-source",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
problems:
  - ko: 일손이 없다
    en: nobody to help
    source: "https://example.org/farms"
  - ko: 체험하러 오는 사람이 없다
    en: no visitors come
    source: "https://example.org/elsewhere"
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 13, 13, "problem-source")]
    assert found[0].diagnostic.params["number"] == "2"


def test_problems_citing_the_projects_sources_pass(lint: Lint) -> None:
    assert (
        lint(
            "problem-source",
            catalog={
                "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experience
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
problems:
  - ko: 일손이 없다
    en: nobody to help
    source: "https://example.org/farms"
source:
  - url: "https://example.org/farms"
"""
            },
        )
        == []
    )
