"""A project that names itself among the projects it complements.

complements lists the other projects that work with this one when a region takes both;
synergy reads the list both ways. A project listed as its own complement would count as
its own partner, so the slip is an error rather than a harmless repeat.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Project


@rule(
    "self-complement",
    scope="documents",
    severity=Severity.ERROR,
    en="project '{value}' lists itself in complements",
    ko="사업 '{value}'이(가) complements에 자기 자신을 적었습니다",
)
def self_complement(context: CheckContext) -> Iterator[Diagnostic]:
    for document in context.documents:
        model = document.model
        if isinstance(model, Project):
            for index, other in enumerate(model.complements):
                if other == model.id:
                    yield at(document, ("complements", index), "self-complement", {"value": other})
