"""The same funded pair's results recorded twice for one year.

A track record counts each pair's targets per year; a year recorded twice (two files, or
a copy edited in one place) would count twice, or the two would disagree and nobody
could say which holds. The second is reported, naming the first.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import results
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "duplicate-result-year",
    scope="documents",
    severity=Severity.ERROR,
    en="{demand} with {project} already has a result for {year} (in {other})",
    ko="{demand}와(과) {project}의 {year}년 결과가 이미 있습니다({other})",
)
def duplicate_result_year(context: CheckContext) -> Iterator[Diagnostic]:
    first: dict[tuple[int, str, str, int], str] = {}
    for document, result in results(context):
        key = (*result.pair, result.year)
        place = f"{document.file}:{at(document, ('year',), 'duplicate-result-year').line}"
        if key in first:
            yield at(
                document,
                ("year",),
                "duplicate-result-year",
                {
                    "demand": result.demand,
                    "project": result.project,
                    "year": str(result.year),
                    "other": first[key],
                },
                "merge-years",
            )
        else:
            first[key] = place
