"""A prior tie to Seoul, recorded in a proposal, that cannot be true.

A tie earns a demand continuity credit (long-term value, principle 2), so it must name a
real partner on Seoul's side (Seoul itself or one of its 25 gu, by name or code), a year
that has come, and a project the catalog has. A made-up partner, a partner outside Seoul
or a tie `since: 2030` would otherwise earn the credit unchecked.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal

SEOUL = "11"


@rule(
    "prior-tie",
    scope="documents",
    severity=Severity.ERROR,
    en="prior tie {number}: {detail}",
    ko="기존 교류 {number}: {detail}",
)
def prior_tie(context: CheckContext) -> Iterator[Diagnostic]:
    index = context.catalog.region_index
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        for i, tie in enumerate(model.prior_ties):
            number = str(i + 1)
            partner = index.resolve(tie.partner).region
            if partner is None or partner.province_code != SEOUL:
                yield at(
                    document,
                    ("prior_ties", i, "partner"),
                    "prior-tie",
                    {
                        "number": number,
                        "detail": f"'{tie.partner}' is not Seoul or one of its gu",
                        "detail@ko": f"'{tie.partner}'은(는) 서울시나 서울의 자치구가 아닙니다",
                    },
                )
            if tie.since is not None and tie.since > context.today.year:
                yield at(
                    document,
                    ("prior_ties", i, "since"),
                    "prior-tie",
                    {
                        "number": number,
                        "detail": f"it began in {tie.since}, after {context.today.isoformat()}",
                        "detail@ko": f"{tie.since}년 시작으로 되어 있어 "
                        f"{context.today.isoformat()} 이후입니다",
                    },
                )
