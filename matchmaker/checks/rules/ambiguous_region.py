"""A region name shared by several local governments (중구, 고성군…).

matchmaker never guesses which one was meant: scoring the wrong region would be silently
wrong. The message lists every candidate with its code and province, and the hint shows
how to add the province (`부산 중구`) or use the code instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import region_references
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "ambiguous-region",
    scope="documents",
    severity=Severity.ERROR,
    en="'{value}' names several regions: {candidates}",
    ko="'{value}'은(는) 여러 지역의 이름입니다: {candidates}",
)
def ambiguous_region(context: CheckContext) -> Iterator[Diagnostic]:
    for document, path, text, resolution in region_references(context):
        if resolution.status != "ambiguous":
            continue
        first = resolution.candidates[0]
        yield at(
            document,
            path,
            "ambiguous-region",
            {
                "value": text,
                "candidates": "; ".join(
                    f"{r.code} {r.display('en')}" for r in resolution.candidates
                ),
                "candidates@ko": "; ".join(
                    f"{r.code} {r.display('ko')}" for r in resolution.candidates
                ),
            },
            "qualify-region",
            {"example": f"{first.province_name_ko} {first.name_ko}"},
        )
