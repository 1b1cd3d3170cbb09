"""A project id (in complements or prior ties) with no file in catalog/projects/.

A project's complements feed synergy, and a proposal's prior ties with a project feed
continuity; an id with no project behind it is silently dropped, and the region loses
credit it is owed. A project whose file exists but fails to load still counts as known,
so one broken file is reported once, not again by every project that complements it; a
project naming itself is left to `self-complement`.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, rule
from matchmaker.checks.helpers import unknown
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Project, Proposal


@rule(
    "unknown-project",
    scope="documents",
    severity=Severity.ERROR,
    en="unknown project '{value}'",
    ko="알 수 없는 사업 '{value}'입니다",
)
def unknown_project(context: CheckContext) -> Iterator[Diagnostic]:
    known = context.catalog.declared_project_ids
    for document in context.documents:
        model = document.model
        if isinstance(model, Project):
            for index, other in enumerate(model.complements):
                if other not in known and other != model.id:
                    yield unknown(document, ("complements", index), "unknown-project", other, known)
        elif isinstance(model, Proposal):
            for index, tie in enumerate(model.prior_ties):
                if tie.project is not None and tie.project not in known:
                    yield unknown(
                        document,
                        ("prior_ties", index, "project"),
                        "unknown-project",
                        tie.project,
                        known,
                    )
