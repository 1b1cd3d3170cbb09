"""A problem statement whose source is not one of its project's own sources: every
fact about a project, the problems it answers included, is sourced.

Problem statements decide which demands a project is read as answering: regions often
write a need as a problem ("수확철에 일손이 없다"), and demand fit reads a demand against
each project's statements. An unsourced statement would let the catalog claim a need the
project was never shown to meet; citing one of the project's own sources keeps the claim
checkable.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Project


@rule(
    "problem-source",
    scope="documents",
    severity=Severity.ERROR,
    en="problem {number} of project '{project}' cites '{url}', which is not in the "
    "project's source list",
    ko="사업 '{project}'의 문제 {number}의 근거 '{url}'이(가) 사업의 source 목록에 없습니다",
)
def problem_source(context: CheckContext) -> Iterator[Diagnostic]:
    for document in context.documents:
        model = document.model
        if not isinstance(model, Project):
            continue
        urls = {source.url for source in model.source if source.url}
        for i, problem in enumerate(model.problems):
            if problem.source not in urls:
                yield at(
                    document,
                    ("problems", i, "source"),
                    "problem-source",
                    {"number": str(i + 1), "project": model.id, "url": problem.source},
                )
