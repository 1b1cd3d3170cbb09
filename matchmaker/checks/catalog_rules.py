"""Rules over the catalog as a whole: unique ids, coherent numbers, valid ties."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path as FilePath

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.loading.documents import LoadedDocument
from matchmaker.loading.nodes import Path
from matchmaker.models import Project

SEOUL = "11"


def duplicates(document: LoadedDocument, items: Iterable[tuple[Path, str]], what: str,
               what_ko: str) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for path, value in items:
        line = at(document, path, "duplicate-id").line
        if value in first:
            yield at(document, path, "duplicate-id",
                     {"what": what, "what@ko": what_ko, "value": value,
                      "first_line": str(first[value])}, "rename-id")
        else:
            first[value] = line


@rule("duplicate-catalog-id", scope="catalog", severity=Severity.ERROR,
      en="{what} '{value}' is defined twice (also in {other})",
      ko="{what} '{value}'이(가) 두 번 정의되었습니다(다른 곳: {other})")
def duplicate_catalog_id(context: CheckContext) -> Iterator[Diagnostic]:
    """Two project files with the same id, or the same id twice in a reference list."""
    seen: dict[str, str] = {}
    for document in context.catalog.project_documents:
        if isinstance(document.model, Project):
            project_id = document.model.id
            if project_id in seen:
                yield at(document, ("id",), "duplicate-catalog-id",
                         {"what": "project", "what@ko": "사업", "value": project_id,
                          "other": seen[project_id]})
            else:
                seen[project_id] = document.file
    catalog = context.catalog
    documents = catalog.documents
    yield from duplicates(documents["themes"], ((("themes", i), t.id) for i, t in
                                                enumerate(catalog.themes.themes)),
                          "theme", "주제")
    yield from duplicates(documents["policy-areas"], ((("policy_areas", i), a.id) for i, a in
                                                      enumerate(catalog.policy_areas.policy_areas)),
                          "policy area", "정책 분야")
    yield from duplicates(documents["ties"], ((("ties", i), t.id) for i, t in
                                              enumerate(catalog.ties.ties)), "tie", "교류 관계")
    codes = [(("provinces", i, "code"), p.code) for i, p in enumerate(catalog.regions.provinces)]
    codes += [(("municipalities", i, "code"), m.code)
              for i, m in enumerate(catalog.regions.municipalities)]
    yield from duplicates(documents["regions"], codes, "region code", "지역 코드")


@rule("project-file-name", scope="catalog", severity=Severity.WARNING,
      en="project '{value}' is in a file named '{name}'; name the file '{value}.yaml'",
      ko="사업 '{value}'의 파일 이름이 '{name}'입니다. '{value}.yaml'로 바꾸세요")
def project_file_name(context: CheckContext) -> Iterator[Diagnostic]:
    """A project file whose name is not its id, so it is hard to find."""
    for document in context.catalog.project_documents:
        if isinstance(document.model, Project):
            name = FilePath(document.file).stem
            if name != document.model.id:
                yield at(document, ("id",), "project-file-name",
                         {"value": document.model.id, "name": FilePath(document.file).name})


@rule("budget-range", scope="documents", severity=Severity.ERROR,
      en="budget_per_region min ({min}) is above max ({max})",
      ko="budget_per_region의 min({min})이 max({max})보다 큽니다")
def budget_range(context: CheckContext) -> Iterator[Diagnostic]:
    """A project budget range whose minimum is above its maximum."""
    for document in context.documents:
        model = document.model
        if isinstance(model, Project) and model.budget_per_region is not None:
            budget = model.budget_per_region
            if budget.min is not None and budget.max is not None and budget.min > budget.max:
                yield at(document, ("budget_per_region", "min"), "budget-range",
                         {"min": f"{budget.min:,}", "max": f"{budget.max:,}"})


@rule("tie-reference", scope="catalog", severity=Severity.ERROR,
      en="tie '{tie}': {detail}", ko="교류 관계 '{tie}': {detail}")
def tie_reference(context: CheckContext) -> Iterator[Diagnostic]:
    """A tie whose Seoul side is not Seoul, whose region or project does not exist."""
    catalog = context.catalog
    document = catalog.documents["ties"]
    index = catalog.region_index
    for i, tie in enumerate(catalog.ties.ties):
        seoul = index.by_code(tie.seoul_party)
        if seoul is None or seoul.province_code != SEOUL:
            yield at(document, ("ties", i, "seoul_party"), "tie-reference", {
                "tie": tie.id, "detail": f"'{tie.seoul_party}' is not Seoul or one of its gu",
                "detail@ko": f"'{tie.seoul_party}'은(는) 서울시나 서울의 자치구가 아닙니다"})
        region = index.by_code(tie.region)
        if region is None:
            yield at(document, ("ties", i, "region"), "tie-reference", {
                "tie": tie.id, "detail": f"no region has the code '{tie.region}'",
                "detail@ko": f"코드 '{tie.region}'인 지역이 없습니다"})
        if tie.project is not None and tie.project not in catalog.projects:
            yield at(document, ("ties", i, "project"), "tie-reference", {
                "tie": tie.id, "detail": f"no project '{tie.project}'",
                "detail@ko": f"사업 '{tie.project}'이(가) 없습니다"})


@rule("theme-policy-area", scope="catalog", severity=Severity.ERROR,
      en="theme '{theme}' refers to unknown policy area '{value}'",
      ko="주제 '{theme}'이(가) 알 수 없는 정책 분야 '{value}'을(를) 가리킵니다")
def theme_policy_area(context: CheckContext) -> Iterator[Diagnostic]:
    """A theme linked to a policy area that policy-areas.yaml does not define."""
    catalog = context.catalog
    document = catalog.documents["themes"]
    for i, theme in enumerate(catalog.themes.themes):
        for j, area in enumerate(theme.policy_areas):
            if area not in catalog.policy_area_ids:
                yield at(document, ("themes", i, "policy_areas", j), "theme-policy-area",
                         {"theme": theme.id, "value": area})


@rule("problem-source", scope="documents", severity=Severity.ERROR,
      en="problem {number} of project '{project}' cites '{url}', which is not in the "
      "project's source list",
      ko="사업 '{project}'의 문제 {number}의 근거 '{url}'이(가) 사업의 source 목록에 없습니다")
def problem_source(context: CheckContext) -> Iterator[Diagnostic]:
    """A problem statement whose source is not one of its project's own sources: every
    fact about a project, the problems it answers included, is sourced."""
    for document in context.documents:
        model = document.model
        if not isinstance(model, Project):
            continue
        urls = {source.url for source in model.source if source.url}
        for i, problem in enumerate(model.problems):
            if problem.source not in urls:
                yield at(document, ("problems", i, "source"), "problem-source",
                         {"number": str(i + 1), "project": model.id, "url": problem.source})
