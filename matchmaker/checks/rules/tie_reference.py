"""A tie whose Seoul side is not Seoul, whose region or project does not exist.

Ties are Seoul's documented relations with other regions, and they feed the long-term and
synergy scores: a region already tied to Seoul, or already running a project, gains
continuity. A tie whose codes or project name nothing is filed nowhere and silently stops
counting, so each broken part (Seoul's side, the region, the project) is reported where
it is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity

SEOUL = "11"  # the province code of Seoul; its gu codes start with it


@rule(
    "tie-reference",
    scope="catalog",
    severity=Severity.ERROR,
    en="tie '{tie}': {detail}",
    ko="교류 관계 '{tie}': {detail}",
)
def tie_reference(context: CheckContext) -> Iterator[Diagnostic]:
    catalog = context.catalog
    document = catalog.documents["ties"]
    index = catalog.region_index
    for i, tie in enumerate(catalog.ties.ties):
        seoul = index.by_code(tie.seoul_party)
        if seoul is None or seoul.province_code != SEOUL:
            yield at(
                document,
                ("ties", i, "seoul_party"),
                "tie-reference",
                {
                    "tie": tie.id,
                    "detail": f"'{tie.seoul_party}' is not Seoul or one of its gu",
                    "detail@ko": f"'{tie.seoul_party}'은(는) 서울시나 서울의 자치구가 아닙니다",
                },
            )
        region = index.by_code(tie.region)
        if region is None:
            yield at(
                document,
                ("ties", i, "region"),
                "tie-reference",
                {
                    "tie": tie.id,
                    "detail": f"no region has the code '{tie.region}'",
                    "detail@ko": f"코드 '{tie.region}'인 지역이 없습니다",
                },
            )
        if tie.project is not None and tie.project not in catalog.projects:
            yield at(
                document,
                ("ties", i, "project"),
                "tie-reference",
                {
                    "tie": tie.id,
                    "detail": f"no project '{tie.project}'",
                    "detail@ko": f"사업 '{tie.project}'이(가) 없습니다",
                },
            )
