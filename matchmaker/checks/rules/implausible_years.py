"""A demand starting in the past or far ahead, or an outcome due before it starts.

Years are typed by hand, and a slip (2019 for 2029, a target year before the start)
makes a proposal say what the region did not mean. Warnings, not errors: a late filing or
a long plan can be meant. "Far ahead" is more than `PLAUSIBLE_YEARS_AHEAD` years after the
year of the command's `--today`.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal

PLAUSIBLE_YEARS_AHEAD = 10


@rule(
    "implausible-years", scope="documents", severity=Severity.WARNING, en="{detail}", ko="{detail}"
)
def implausible_years(context: CheckContext) -> Iterator[Diagnostic]:
    this_year = context.today.year
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        for i, demand in enumerate(model.demands):
            start = demand.start_year
            if start is not None and start < this_year:
                yield at(
                    document,
                    ("demands", i, "start"),
                    "implausible-years",
                    {
                        "detail": f"the demand starts in {start}, which has passed",
                        "detail@ko": f"시작 연도 {start}년이 이미 지났습니다",
                    },
                )
            if start is not None and start > this_year + PLAUSIBLE_YEARS_AHEAD:
                yield at(
                    document,
                    ("demands", i, "start"),
                    "implausible-years",
                    {
                        "detail": f"the demand starts in {start}, more than "
                        f"{PLAUSIBLE_YEARS_AHEAD} years ahead",
                        "detail@ko": f"시작 연도 {start}년은 {PLAUSIBLE_YEARS_AHEAD}년 넘게 "
                        "남았습니다",
                    },
                )
            for j, outcome in enumerate(demand.outcomes):
                if outcome.by is not None and start is not None and outcome.by < start:
                    yield at(
                        document,
                        ("demands", i, "outcomes", j, "by"),
                        "implausible-years",
                        {
                            "detail": f"the target year {outcome.by} is before the start ({start})",
                            "detail@ko": f"목표 연도 {outcome.by}년이 시작 연도 {start}년보다 "
                            "앞섭니다",
                        },
                    )
