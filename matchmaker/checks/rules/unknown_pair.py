"""A record (decision pair, reserve entry or result) naming a demand or project that the
proposals and catalog checked with it do not have.

A decision is the round's memory: history feeds track record, continuity and fairness
across rounds from it. A pair that names a demand no proposal holds, or a project with no
file in the catalog, would credit (or charge) nobody, silently. The demand is looked up
in the proposals given to `check`, so records are checked together with their round's
proposals.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import decisions, proposal_demands, results
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.loading.documents import LoadedDocument
from matchmaker.loading.nodes import Path
from matchmaker.models.records import demand_parts
from matchmaker.suggest import did_you_mean


@rule(
    "unknown-pair",
    scope="catalog",
    severity=Severity.ERROR,
    en="the record names {detail}",
    ko="기록이 {detail}",
)
def unknown_pair(context: CheckContext) -> Iterator[Diagnostic]:
    demands = proposal_demands(context)
    projects = context.catalog.declared_project_ids
    for document, decision in decisions(context):
        for i, pair in enumerate(decision.pairs):
            yield from _pair(document, ("pairs", i), pair.demand, pair.project, demands, projects)
        for i, entry in enumerate(decision.reserve):
            yield from _pair(
                document, ("reserve", i), entry.demand, entry.project, demands, projects
            )
    for document, result in results(context):
        yield from _pair(document, (), result.demand, result.project, demands, projects)


def _pair(
    document: LoadedDocument,
    path: Path,
    demand: str,
    project: str | None,
    demands: dict[str, frozenset[str]],
    projects: frozenset[str],
) -> Iterator[Diagnostic]:
    proposal, demand_id = demand_parts(demand)
    if proposal not in demands:
        yield at(
            document,
            (*path, "demand"),
            "unknown-pair",
            {
                "detail": f"proposal '{proposal}', which is not among the files checked",
                "detail@ko": f"확인한 파일에 없는 제안서 '{proposal}'을(를) 가리킵니다",
            },
            "check-round-proposals",
        )
    elif demand_id not in demands[proposal]:
        suggestion = did_you_mean(demand_id, demands[proposal])
        yield at(
            document,
            (*path, "demand"),
            "unknown-pair",
            {
                "detail": f"demand '{demand_id}', which proposal '{proposal}' does not hold",
                "detail@ko": f"제안서 '{proposal}'에 없는 수요 '{demand_id}'을(를) 가리킵니다",
            },
            "did-you-mean" if suggestion else None,
            {"suggestion": f"{proposal}/{suggestion}"} if suggestion else None,
        )
    if project is not None and project not in projects:
        suggestion = did_you_mean(project, projects)
        yield at(
            document,
            (*path, "project"),
            "unknown-pair",
            {
                "detail": f"project '{project}', which has no file in the catalog",
                "detail@ko": f"카탈로그에 파일이 없는 사업 '{project}'을(를) 가리킵니다",
            },
            "did-you-mean" if suggestion else None,
            {"suggestion": suggestion} if suggestion else None,
        )
