"""A result's actual value with no evidence saying where it was published.

An attainment figure moves a project's and a region's track record, and so the next
round's scores and money: a number with no source cannot be checked by anyone and is
exactly the self-reported output the study criticises. Every actual needs at least one
`evidence` entry (a url or a title).
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import results
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "actual-without-evidence",
    scope="documents",
    severity=Severity.ERROR,
    en="the actual value of '{indicator}' has no evidence",
    ko="'{indicator}'의 실제값에 근거(evidence)가 없습니다",
)
def actual_without_evidence(context: CheckContext) -> Iterator[Diagnostic]:
    for document, result in results(context):
        for i, measurement in enumerate(result.indicators):
            if measurement.actual is not None and not measurement.evidence:
                yield at(
                    document,
                    ("indicators", i, "actual"),
                    "actual-without-evidence",
                    {"indicator": measurement.indicator},
                    "add-evidence",
                )
