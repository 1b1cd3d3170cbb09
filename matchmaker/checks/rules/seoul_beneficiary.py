"""A proposal filed by Seoul itself, one of its gu, or by Seoul's code.

The projects exist for Seoul to cooperate with other regions: Seoul is the partner that
gives, not a beneficiary. A proposal from 강동구, `11740` or 서울특별시 would otherwise be
valid and could be allocated Seoul's own projects.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal

SEOUL = "11"


@rule(
    "seoul-beneficiary",
    scope="documents",
    severity=Severity.ERROR,
    en="'{value}' is in Seoul: Seoul's own districts are partners in these projects, not "
    "beneficiaries",
    ko="'{value}'은(는) 서울입니다. 서울과 자치구는 이 사업의 협력 주체이지 수혜 지역이 아닙니다",
)
def seoul_beneficiary(context: CheckContext) -> Iterator[Diagnostic]:
    index = context.catalog.region_index
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        region = index.resolve(model.region).region
        if region is not None and region.province_code == SEOUL:
            yield at(document, ("region",), "seoul-beneficiary", {"value": model.region})
