"""A region name or code that matches no local government in catalog/regions.yaml.

A proposal's region decides its demands' eligibility, ties and synergy, and a project's
eligible.provinces decide who may take part; a name that resolves to nothing leaves
those decisions without their subject. The hint names the closest region when one is
close, and otherwise how to look one up (`matchmaker regions`).
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import region_references
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "unknown-region",
    scope="documents",
    severity=Severity.ERROR,
    en="no Korean local government is called '{value}'",
    ko="'{value}'(이)라는 지방자치단체가 없습니다",
)
def unknown_region(context: CheckContext) -> Iterator[Diagnostic]:
    for document, path, text, resolution in region_references(context):
        if resolution.status != "not-found":
            continue
        if resolution.candidates:
            yield at(
                document,
                path,
                "unknown-region",
                {"value": text},
                "did-you-mean",
                {"suggestion": resolution.candidates[0].name_ko},
            )
        else:
            yield at(document, path, "unknown-region", {"value": text}, "find-region")
