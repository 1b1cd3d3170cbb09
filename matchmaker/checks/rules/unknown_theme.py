"""A theme id that catalog/themes.yaml does not define.

Themes are the shared vocabulary between demands and projects: demand fit counts the
share of a demand's themes that a project covers, so a misspelt theme matches nothing and
quietly lowers every score of the demand (or of the project). Checked in projects and in
proposals; the hint names the closest defined theme.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, rule
from matchmaker.checks.helpers import unknown
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Project, Proposal


@rule(
    "unknown-theme",
    scope="documents",
    severity=Severity.ERROR,
    en="unknown theme '{value}'",
    ko="알 수 없는 주제 '{value}'입니다",
)
def unknown_theme(context: CheckContext) -> Iterator[Diagnostic]:
    known = context.catalog.theme_ids
    for document in context.documents:
        model = document.model
        if isinstance(model, Project):
            for index, theme in enumerate(model.themes):
                if theme not in known:
                    yield unknown(document, ("themes", index), "unknown-theme", theme, known)
        elif isinstance(model, Proposal):
            for d_index, demand in enumerate(model.demands):
                for index, theme in enumerate(demand.themes):
                    if theme not in known:
                        yield unknown(
                            document,
                            ("demands", d_index, "themes", index),
                            "unknown-theme",
                            theme,
                            known,
                        )
