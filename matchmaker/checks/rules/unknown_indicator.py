"""A result's indicator that is not in catalog/indicators.yaml, or a demand's outcome that
looks like a misspelt indicator id.

Results are compared across projects, regions and rounds, so they use the controlled
list only (an error). A demand's outcome may still be free text, since the list holds
only indicators with an official definition; but an outcome that is nearly an id
(`living-populaton`) is a warning, as it was meant to be the id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import results
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal
from matchmaker.models.common import SLUG_PATTERN
from matchmaker.suggest import did_you_mean

_SLUG = re.compile(SLUG_PATTERN)


@rule(
    "unknown-indicator",
    scope="documents",
    severity=Severity.ERROR,
    en="unknown indicator '{value}'",
    ko="알 수 없는 지표 '{value}'입니다",
)
def unknown_indicator(context: CheckContext) -> Iterator[Diagnostic]:
    known = context.catalog.indicator_ids
    for document, result in results(context):
        for i, measurement in enumerate(result.indicators):
            if measurement.indicator not in known:
                suggestion = did_you_mean(measurement.indicator, known)
                yield at(
                    document,
                    ("indicators", i, "indicator"),
                    "unknown-indicator",
                    {"value": measurement.indicator},
                    "use-indicator-id" if suggestion else "list-indicators",
                    {"suggestion": suggestion or ""},
                )
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        for i, demand in enumerate(model.demands):
            for j, outcome in enumerate(demand.outcomes):
                text = outcome.indicator
                if text in known or not _SLUG.match(text) or "-" not in text:
                    continue
                suggestion = did_you_mean(text, known, cutoff=80.0)
                if suggestion:
                    yield at(
                        document,
                        ("demands", i, "outcomes", j, "indicator"),
                        "unknown-indicator",
                        {"value": text},
                        "use-indicator-id",
                        {"suggestion": suggestion},
                        severity=Severity.WARNING,
                    )
