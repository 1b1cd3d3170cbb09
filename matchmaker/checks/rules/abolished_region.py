"""A region that does not exist on the run's date: abolished before it, or created after it.

Incheon's 중구, 동구 and 서구 ended on 2026-06-30 and 제물포구, 영종구, 서해구 and 검단구
began on 2026-07-01. A proposal written before the change still names its region, so the
name resolves and is scored as written: a warning, not an error. The message says what
replaced it, so the region can say which of the new gu it now is.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import region_references
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "abolished-region",
    scope="documents",
    severity=Severity.WARNING,
    en="{name} ({province}) {state} {date}, so it does not exist on {today}",
    ko="{name}({province})은(는) {date}{state} {today}에는 없는 지자체입니다",
)
def abolished_region(context: CheckContext) -> Iterator[Diagnostic]:
    index = context.catalog.region_index
    for document, path, _text, resolution in region_references(context):
        region = resolution.region
        if region is None or region.in_force(context.today):
            continue
        values = {
            "name": region.name_ko,
            "province": region.province_name_ko,
            "today": context.today.isoformat(),
        }
        if region.valid_until is not None and region.valid_until < context.today:
            successors = [index.by_code(code) for code in region.successors]
            names = ", ".join(
                f"{successor.name_ko} ({successor.code})" for successor in successors if successor
            )
            yield at(
                document,
                path,
                "abolished-region",
                {
                    **values,
                    "state": "existed only until",
                    "state@ko": "까지만 있었으므로",
                    "date": region.valid_until.isoformat(),
                },
                "successor-region",
                {"suggestion": names},
            )
        elif region.valid_from is not None:
            yield at(
                document,
                path,
                "abolished-region",
                {
                    **values,
                    "state": "exists only from",
                    "state@ko": "부터 생기므로",
                    "date": region.valid_from.isoformat(),
                },
            )
