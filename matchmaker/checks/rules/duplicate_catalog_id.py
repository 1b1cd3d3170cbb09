"""Two project files with the same id, or the same id twice in a reference list.

Everything names a project by its id (ties, complements, `explain`, `--lock`), and the
catalog keeps only the first file with a given id: the second project would silently drop
out of every ranking. In the reference lists (themes, policy areas, ties, indicators,
region codes) a repeated id is reported with the schema's code `duplicate-id`, on the
repeat, with the line of the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.loading.documents import LoadedDocument
from matchmaker.loading.nodes import Path
from matchmaker.models import Project


@rule(
    "duplicate-catalog-id",
    scope="catalog",
    severity=Severity.ERROR,
    en="{what} '{value}' is defined twice (also in {other})",
    ko="{what} '{value}'이(가) 두 번 정의되었습니다(다른 곳: {other})",
)
def duplicate_catalog_id(context: CheckContext) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for document in context.catalog.project_documents:
        if isinstance(document.model, Project):
            project_id = document.model.id
            if project_id in seen:
                yield at(
                    document,
                    ("id",),
                    "duplicate-catalog-id",
                    {
                        "what": "project",
                        "what@ko": "사업",
                        "value": project_id,
                        "other": seen[project_id],
                    },
                )
            else:
                seen[project_id] = document.file
    catalog = context.catalog
    documents = catalog.documents
    yield from _duplicates(
        documents["themes"],
        ((("themes", i), t.id) for i, t in enumerate(catalog.themes.themes)),
        "theme",
        "주제",
    )
    yield from _duplicates(
        documents["policy-areas"],
        ((("policy_areas", i), a.id) for i, a in enumerate(catalog.policy_areas.policy_areas)),
        "policy area",
        "정책 분야",
    )
    yield from _duplicates(
        documents["ties"],
        ((("ties", i), t.id) for i, t in enumerate(catalog.ties.ties)),
        "tie",
        "교류 관계",
    )
    if catalog.indicators is not None and catalog.indicators_document is not None:
        yield from _duplicates(
            catalog.indicators_document,
            ((("indicators", i), x.id) for i, x in enumerate(catalog.indicators.indicators)),
            "indicator",
            "지표",
        )
    codes = [(("provinces", i, "code"), p.code) for i, p in enumerate(catalog.regions.provinces)]
    codes += [
        (("municipalities", i, "code"), m.code)
        for i, m in enumerate(catalog.regions.municipalities)
    ]
    yield from _duplicates(documents["regions"], codes, "region code", "지역 코드")


def _duplicates(
    document: LoadedDocument, items: Iterable[tuple[Path, str]], what: str, what_ko: str
) -> Iterator[Diagnostic]:
    # Where each id first stands is looked up only for an id that repeats: placing a
    # finding on every id of the catalog cost each run ~300 position look-ups.
    first: dict[str, Path] = {}
    for path, value in items:
        if value in first:
            first_line = at(document, first[value], "duplicate-id").line
            yield at(
                document,
                path,
                "duplicate-id",
                {"what": what, "what@ko": what_ko, "value": value, "first_line": str(first_line)},
                "rename-id",
            )
        else:
            first[value] = path
