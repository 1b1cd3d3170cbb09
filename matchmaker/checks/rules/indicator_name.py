"""A demand's outcome written as free text that names an indicator of the controlled list.

Free text is accepted (the list holds only indicators with an official definition), but
where the text names one of them (`생활인구 증가`, `living population`), writing its id
lets results be compared across regions and rounds against the official definition.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal


@rule(
    "indicator-name",
    scope="documents",
    severity=Severity.WARNING,
    en="the outcome '{value}' names the indicator '{indicator}'",
    ko="성과 '{value}'은(는) 지표 '{indicator}'을(를) 가리킵니다",
)
def indicator_name(context: CheckContext) -> Iterator[Diagnostic]:
    indicators = context.catalog.indicators
    if indicators is None:
        return
    # Longest names first, so '생활인구' is not read as a shorter name inside it.
    names = sorted(
        (
            (name.casefold(), indicator.id)
            for indicator in indicators.indicators
            for name in (indicator.name.ko, indicator.name.en)
            if name
        ),
        key=lambda item: (-len(item[0]), item),
    )
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        for i, demand in enumerate(model.demands):
            for j, outcome in enumerate(demand.outcomes):
                text = outcome.indicator.casefold()
                match = next((id_ for name, id_ in names if name in text), None)
                if match is not None and outcome.indicator != match:
                    yield at(
                        document,
                        ("demands", i, "outcomes", j, "indicator"),
                        "indicator-name",
                        {"value": outcome.indicator, "indicator": match},
                        "use-indicator-id",
                        {"suggestion": match},
                    )
