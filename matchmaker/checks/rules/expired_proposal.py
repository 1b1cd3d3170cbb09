"""A proposal whose valid_until date has passed.

A proposal says how long its demands hold; after that the region may have met them
another way or changed its plans, so the planner should ask before acting on a match.
The date is compared with the command's `--today` (the clock's date only by default), so
a check can be reproduced. A warning: `validate` and `check` still check the file, and
the commands that rank and allocate leave the proposal out unless `--include-expired`
keeps it.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.models import Proposal


@rule(
    "expired-proposal",
    scope="documents",
    severity=Severity.WARNING,
    en="the proposal was valid until {date}; ranking and allocation leave it out "
    "(--include-expired keeps it)",
    ko="이 제안서는 {date}까지 유효했습니다. 순위와 배정에서 빠집니다(--include-expired로 포함)",
)
def expired_proposal(context: CheckContext) -> Iterator[Diagnostic]:
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        if model.valid_until is not None and model.valid_until < context.today:
            yield at(
                document,
                ("valid_until",),
                "expired-proposal",
                {"date": model.valid_until.isoformat()},
            )
