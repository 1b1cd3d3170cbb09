"""A project's policy_area that catalog/policy-areas.yaml does not define.

policy_area places a project in one of the five areas of Seoul's master plan, and the
report carries it with the project; a misspelt area would place the project nowhere. The
hint names the closest defined area.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, rule
from matchmaker.checks.helpers import unknown
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Project


@rule(
    "unknown-policy-area",
    scope="documents",
    severity=Severity.ERROR,
    en="unknown policy area '{value}'",
    ko="알 수 없는 정책 분야 '{value}'입니다",
)
def unknown_policy_area(context: CheckContext) -> Iterator[Diagnostic]:
    known = context.catalog.policy_area_ids
    for document in context.documents:
        if isinstance(document.model, Project) and document.model.policy_area not in known:
            yield unknown(
                document, ("policy_area",), "unknown-policy-area", document.model.policy_area, known
            )
