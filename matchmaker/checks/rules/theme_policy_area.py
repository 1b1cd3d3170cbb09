"""A theme linked to a policy area that policy-areas.yaml does not define.

A theme's policy_areas place it among the five areas of Seoul's master plan. The plan does
not publish these links, so they are written by hand (see the head of
catalog/themes.yaml), and a misspelt area would quietly detach the theme from the plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "theme-policy-area",
    scope="catalog",
    severity=Severity.ERROR,
    en="theme '{theme}' refers to unknown policy area '{value}'",
    ko="주제 '{theme}'이(가) 알 수 없는 정책 분야 '{value}'을(를) 가리킵니다",
)
def theme_policy_area(context: CheckContext) -> Iterator[Diagnostic]:
    catalog = context.catalog
    document = catalog.documents["themes"]
    for i, theme in enumerate(catalog.themes.themes):
        for j, area in enumerate(theme.policy_areas):
            if area not in catalog.policy_area_ids:
                yield at(
                    document,
                    ("themes", i, "policy_areas", j),
                    "theme-policy-area",
                    {"theme": theme.id, "value": area},
                )
