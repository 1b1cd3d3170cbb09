"""A proposal submitted in the future or after it stopped being valid, or an outcome due
in the past.

Dates are typed by hand too: a `submitted` date after the command's `--today`, a
`valid_until` before `submitted`, or an outcome target year before this year (1900 for
2029) say something the region did not mean. Warnings: the planner should ask.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal


@rule(
    "implausible-dates", scope="documents", severity=Severity.WARNING, en="{detail}", ko="{detail}"
)
def implausible_dates(context: CheckContext) -> Iterator[Diagnostic]:
    today = context.today
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        if model.submitted is not None and model.submitted > today:
            yield at(
                document,
                ("submitted",),
                "implausible-dates",
                {
                    "detail": f"submitted on {model.submitted}, after {today}",
                    "detail@ko": f"제출일 {model.submitted}이(가) 오늘({today})보다 뒤입니다",
                },
            )
        if (
            model.submitted is not None
            and model.valid_until is not None
            and model.valid_until < model.submitted
        ):
            yield at(
                document,
                ("valid_until",),
                "implausible-dates",
                {
                    "detail": f"valid until {model.valid_until}, before it was submitted "
                    f"({model.submitted})",
                    "detail@ko": f"유효 기한 {model.valid_until}이(가) 제출일 "
                    f"{model.submitted}보다 앞섭니다",
                },
            )
        for i, demand in enumerate(model.demands):
            start = demand.start_year
            for j, outcome in enumerate(demand.outcomes):
                if start is not None and outcome.by is not None and outcome.by < start:
                    continue  # implausible-years already says it is before the start
                if outcome.by is not None and outcome.by < today.year:
                    yield at(
                        document,
                        ("demands", i, "outcomes", j, "by"),
                        "implausible-dates",
                        {
                            "detail": f"the outcome is due in {outcome.by}, which has passed",
                            "detail@ko": f"성과 목표 연도 {outcome.by}년이 이미 지났습니다",
                        },
                    )
