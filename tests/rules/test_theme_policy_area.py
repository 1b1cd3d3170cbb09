"""theme-policy-area: a theme linked to a policy area that policy-areas.yaml lacks."""

from __future__ import annotations

from tests.rules.conftest import Found, Lint


def test_a_theme_linked_to_an_unknown_area(lint: Lint) -> None:
    found = lint(
        "theme-policy-area",
        catalog={
            "themes.yaml": """\
kind: themes
themes:
  - id: public-meals
    label: {ko: 공공급식}
    policy_areas: [safe-food]
  - id: farm-stays
    label: {ko: 농촌 체험}
    policy_areas: [rural-experience, rural-exchange]
"""
        },
    )
    assert found == [Found("themes.yaml", 8, 38, "theme-policy-area")]
    assert found[0].diagnostic.message("en") == (
        "theme 'farm-stays' refers to unknown policy area 'rural-exchange'"
    )


def test_a_theme_with_no_area_passes(lint: Lint) -> None:
    assert (
        lint(
            "theme-policy-area",
            catalog={
                "themes.yaml": """\
kind: themes
themes:
  - id: public-meals
    label: {ko: 공공급식}
    policy_areas: [safe-food]
  - id: farm-stays
    label: {ko: 농촌 체험}
"""
            },
        )
        == []
    )
