"""A project budget range whose minimum is above its maximum.

Demand fit compares a demand's budget request with the project's range per region; with
its ends swapped no request fits the range in full, so every demand would lose part of the
budget signal over one typo. Checked in every project file read, in the catalog or given
to `validate`.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Project


@rule(
    "budget-range",
    scope="documents",
    severity=Severity.ERROR,
    en="budget_per_region min ({min}) is above max ({max})",
    ko="budget_per_region의 min({min})이 max({max})보다 큽니다",
)
def budget_range(context: CheckContext) -> Iterator[Diagnostic]:
    for document in context.documents:
        model = document.model
        if isinstance(model, Project) and model.budget_per_region is not None:
            budget = model.budget_per_region
            if budget.min is not None and budget.max is not None and budget.min > budget.max:
                yield at(
                    document,
                    ("budget_per_region", "min"),
                    "budget-range",
                    {"min": f"{budget.min:,}", "max": f"{budget.max:,}"},
                )
