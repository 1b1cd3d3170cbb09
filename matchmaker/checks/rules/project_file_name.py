"""A project file whose name is not its id, so it is hard to find.

When a ranking, a tie or a complement names a project, the planner opens
catalog/projects/<id>.yaml; a file named otherwise is found only by searching. A warning:
the project loads and is ranked all the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path as FilePath

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Project


@rule(
    "project-file-name",
    scope="catalog",
    severity=Severity.WARNING,
    en="project '{value}' is in a file named '{name}'; name the file '{value}.yaml'",
    ko="사업 '{value}'의 파일 이름이 '{name}'입니다. '{value}.yaml'로 바꾸세요",
)
def project_file_name(context: CheckContext) -> Iterator[Diagnostic]:
    for document in context.catalog.project_documents:
        if isinstance(document.model, Project):
            name = FilePath(document.file).stem
            if name != document.model.id:
                yield at(
                    document,
                    ("id",),
                    "project-file-name",
                    {"value": document.model.id, "name": FilePath(document.file).name},
                )
