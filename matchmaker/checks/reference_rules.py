"""Every name a document uses must exist in the catalog: themes, areas, regions, projects."""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.loading.documents import LoadedDocument
from matchmaker.loading.nodes import Path
from matchmaker.models import Project, Proposal
from matchmaker.suggest import did_you_mean


def _unknown(document: LoadedDocument, path: Path, code: str, value: str,
             choices: frozenset[str] | list[str]) -> Diagnostic:
    suggestion = did_you_mean(value, choices)
    if suggestion:
        return at(document, path, code, {"value": value}, "did-you-mean",
                  {"suggestion": suggestion})
    return at(document, path, code, {"value": value})


@rule("unknown-theme", scope="documents", severity=Severity.ERROR,
      en="unknown theme '{value}'", ko="알 수 없는 주제 '{value}'입니다")
def unknown_theme(context: CheckContext) -> Iterator[Diagnostic]:
    """A theme id that catalog/themes.yaml does not define."""
    known = context.catalog.theme_ids
    for document in context.documents:
        model = document.model
        if isinstance(model, Project):
            for index, theme in enumerate(model.themes):
                if theme not in known:
                    yield _unknown(document, ("themes", index), "unknown-theme", theme, known)
        elif isinstance(model, Proposal):
            for d_index, demand in enumerate(model.demands):
                for index, theme in enumerate(demand.themes):
                    if theme not in known:
                        yield _unknown(document, ("demands", d_index, "themes", index),
                                       "unknown-theme", theme, known)


@rule("unknown-policy-area", scope="documents", severity=Severity.ERROR,
      en="unknown policy area '{value}'", ko="알 수 없는 정책 분야 '{value}'입니다")
def unknown_policy_area(context: CheckContext) -> Iterator[Diagnostic]:
    """A project's policy_area that catalog/policy-areas.yaml does not define."""
    known = context.catalog.policy_area_ids
    for document in context.documents:
        if isinstance(document.model, Project) and document.model.policy_area not in known:
            yield _unknown(document, ("policy_area",), "unknown-policy-area",
                           document.model.policy_area, known)


@rule("unknown-project", scope="documents", severity=Severity.ERROR,
      en="unknown project '{value}'", ko="알 수 없는 사업 '{value}'입니다")
def unknown_project(context: CheckContext) -> Iterator[Diagnostic]:
    """A project id (in complements or prior ties) with no file in catalog/projects/."""
    known = context.catalog.declared_project_ids
    for document in context.documents:
        model = document.model
        if isinstance(model, Project):
            for index, other in enumerate(model.complements):
                if other not in known and other != model.id:
                    yield _unknown(document, ("complements", index), "unknown-project", other,
                                   known)
        elif isinstance(model, Proposal):
            for index, tie in enumerate(model.prior_ties):
                if tie.project is not None and tie.project not in known:
                    yield _unknown(document, ("prior_ties", index, "project"),
                                   "unknown-project", tie.project, known)


@rule("self-complement", scope="documents", severity=Severity.ERROR,
      en="project '{value}' lists itself in complements",
      ko="사업 '{value}'이(가) complements에 자기 자신을 적었습니다")
def self_complement(context: CheckContext) -> Iterator[Diagnostic]:
    """A project that names itself among the projects it complements."""
    for document in context.documents:
        model = document.model
        if isinstance(model, Project):
            for index, other in enumerate(model.complements):
                if other == model.id:
                    yield at(document, ("complements", index), "self-complement",
                             {"value": other})


@rule("unknown-region", scope="documents", severity=Severity.ERROR,
      en="no Korean local government is called '{value}'",
      ko="'{value}'(이)라는 지방자치단체가 없습니다")
def unknown_region(context: CheckContext) -> Iterator[Diagnostic]:
    """A region name or code that matches no local government in catalog/regions.yaml."""
    yield from _regions(context, "not-found")


@rule("ambiguous-region", scope="documents", severity=Severity.ERROR,
      en="'{value}' names several regions: {candidates}",
      ko="'{value}'은(는) 여러 지역의 이름입니다: {candidates}")
def ambiguous_region(context: CheckContext) -> Iterator[Diagnostic]:
    """A region name shared by several local governments (중구, 고성군…)."""
    yield from _regions(context, "ambiguous")


@rule("outdated-region-code", scope="documents", severity=Severity.WARNING,
      en="'{value}' is the former code of {name}; its current code is {code}",
      ko="'{value}'은(는) {name}의 옛 코드입니다. 현재 코드는 {code}입니다")
def outdated_region_code(context: CheckContext) -> Iterator[Diagnostic]:
    """A region given by a code retired in a renaming (강원 42→51, 전북 45→52, 군위)."""
    yield from _regions(context, "former-code")


def _region_references(document: LoadedDocument) -> Iterator[tuple[Path, str]]:
    model = document.model
    if isinstance(model, Proposal):
        yield ("region",), model.region
    elif isinstance(model, Project) and model.eligible and model.eligible.provinces:
        for index, province in enumerate(model.eligible.provinces):
            yield ("eligible", "provinces", index), province


def _regions(context: CheckContext, wanted: str) -> Iterator[Diagnostic]:
    index = context.catalog.region_index
    for document in context.documents:
        for path, text in _region_references(document):
            resolution = index.resolve(text)
            if wanted == "former-code" and resolution.via == "former-code":
                region = resolution.region
                assert region is not None
                yield at(document, path, "outdated-region-code",
                         {"value": text, "name": region.name_ko, "code": region.code},
                         "use-code", {"suggestion": region.code})
            elif wanted == "ambiguous" and resolution.status == "ambiguous":
                yield at(document, path, "ambiguous-region", {
                    "value": text,
                    "candidates": "; ".join(f"{r.code} {r.display('en')}"
                                            for r in resolution.candidates),
                    "candidates@ko": "; ".join(f"{r.code} {r.display('ko')}"
                                               for r in resolution.candidates)},
                    "qualify-region", {"example": f"{resolution.candidates[0].province_name_ko}"
                                       f" {resolution.candidates[0].name_ko}"})
            elif wanted == "not-found" and resolution.status == "not-found":
                if resolution.candidates:
                    yield at(document, path, "unknown-region", {"value": text},
                             "did-you-mean", {"suggestion": resolution.candidates[0].name_ko})
                else:
                    yield at(document, path, "unknown-region", {"value": text}, "find-region")
