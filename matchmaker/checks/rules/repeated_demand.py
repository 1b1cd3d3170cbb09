"""A demand a region already filed in another proposal: the same id, the same title, or
nearly the same text (a resubmission), so it must not count twice.

Regions resubmit: a corrected proposal arrives as a second file, or a demand is copied
into next round's file. Read as two demands, the repeat would count as the region's
"other demand" and feed its own synergy. Scoring leaves repeats out of the region's
demand counts (matchmaker/resubmissions.py decides what repeats); this warning says which
file repeats which. The repeat is still ranked.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.loading.documents import LoadedDocument
from matchmaker.models import Proposal
from matchmaker.resubmissions import Filed, find_repeats


@rule(
    "repeated-demand",
    scope="documents",
    severity=Severity.WARNING,
    en="{region} already asks for '{value}' in {other} ({how}); it is ranked, but counted "
    "once for synergy",
    ko="{region}은(는) {other}에서 이미 '{value}'을(를) 요청했습니다({how}). 순위는 매기지만 "
    "시너지에는 한 번만 셉니다",
)
def repeated_demand(context: CheckContext) -> Iterator[Diagnostic]:
    index = context.catalog.region_index
    filed: list[Filed] = []
    places: list[tuple[LoadedDocument, int, str]] = []
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        region = index.resolve(model.region).region
        if region is None:
            continue
        for position, demand in enumerate(model.demands):
            filed.append(Filed(region.code, model.id, demand))
            places.append((document, position, region.name_ko))
    for repeat in find_repeats(filed):
        document, position, region_name = places[repeat.later]
        earlier = places[repeat.earlier][0]
        how = {
            "id": ("the same id", "같은 id"),
            "title": ("the same title", "같은 제목"),
            "text": (
                f"{repeat.similarity:.0f}% the same text",
                f"글이 {repeat.similarity:.0f}% 같음",
            ),
        }[repeat.how]
        yield at(
            document,
            ("demands", position, "id"),
            "repeated-demand",
            {
                "region": region_name,
                "value": filed[repeat.later].demand.title,
                "other": earlier.file,
                "how": how[0],
                "how@ko": how[1],
            },
        )
