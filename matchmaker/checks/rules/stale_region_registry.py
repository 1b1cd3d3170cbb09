"""A run dated after the region registry's `valid_until`.

catalog/regions.yaml lists the local governments as they were when it was last reviewed;
a reorganisation after that (Incheon's of 2026-07-01 was one) leaves new regions refused
and abolished ones accepted without a word. Past its validity every run says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "stale-region-registry",
    scope="catalog",
    severity=Severity.WARNING,
    en="the region list is valid until {date}, before this run's date {today}: regions "
    "created or abolished since may be missing or wrong",
    ko="지자체 목록은 {date}까지 유효한데 이번 실행 기준일은 {today}입니다. 그 뒤에 생기거나 "
    "없어진 지자체가 빠졌거나 틀렸을 수 있습니다",
)
def stale_region_registry(context: CheckContext) -> Iterator[Diagnostic]:
    regions = context.catalog.regions
    if regions.valid_until is None or context.today <= regions.valid_until:
        return
    yield at(
        context.catalog.documents["regions"],
        ("valid_until",),
        "stale-region-registry",
        {"date": regions.valid_until.isoformat(), "today": context.today.isoformat()},
        "refresh-regions",
    )
