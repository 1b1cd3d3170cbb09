"""unknown-policy-area: a project's policy_area that policy-areas.yaml does not define."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_misspelt_policy_area(lint: Lint) -> None:
    found = lint(
        "unknown-policy-area",
        catalog={
            "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: rural-experiense
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
source:
  - url: "https://example.org/farms"
"""
        },
    )
    assert found == [Found("projects/farms.yaml", 4, 14, "unknown-policy-area")]
    assert found[0].diagnostic.hint_text("en") == "did you mean 'rural-experience'?"


def test_a_defined_policy_area_passes(lint: Lint) -> None:
    assert (
        lint(
            "unknown-policy-area",
            catalog={
                "projects/farms.yaml": """\
kind: project
id: farms
name: {ko: 서울농장}
policy_area: safe-food
themes: [farm-stays]
description: {ko: 도시민이 지역 농장에서 농촌을 체험한다.}
source:
  - url: "https://example.org/farms"
"""
            },
        )
        == []
    )
