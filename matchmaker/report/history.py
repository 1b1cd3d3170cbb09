"""The report's history section: what earlier rounds gave each region and what came of
it, and each project's attainment, from the records `--history` names.

Like the rest of the report it computes nothing of its own: the funded pairs are the
decisions as recorded, a result's targets met are `History.targets_met`, and a project's
attainment and continuation are `History.attainment` and `History.continuation`, the
same figures `monitor --format json` prints.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from matchmaker.records.history import Attainment, History

if TYPE_CHECKING:
    from matchmaker.catalog import Catalog


def _attainment(attainment: Attainment | None) -> dict[str, Any] | None:
    """As `monitor --format json` writes it: met, of, share and years."""
    if attainment is None:
        return None
    return {
        "met": attainment.met,
        "of": attainment.total,
        "share": round(attainment.met / attainment.total, 4) if attainment.total else None,
        "years": list(attainment.years),
    }


def history_section(history: History, catalog: Catalog) -> dict[str, Any]:
    """`timeline`: per region (code order), its funded pairs round by round, each with its
    results year by year; `unplaced`: the funded pairs whose decision names no region
    (shown apart, never dropped); `attainment`: per project (id order) its targets met
    and its pairs that continued after support."""
    results: dict[tuple[int, str, str], list[dict[str, Any]]] = defaultdict(list)
    for _, result in sorted(history.results, key=lambda item: (item[1].pair, item[1].year)):
        met, of = history.targets_met(result)
        results[result.pair].append(
            {
                "year": result.year,
                "met": met,
                "of": of,
                "continued": result.continued_after_support,
            }
        )
    pairs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    unplaced: list[dict[str, Any]] = []  # pairs whose decision names no region
    for _, decision in sorted(history.decisions, key=lambda item: item[1].round):
        for pair in sorted(decision.pairs, key=lambda p: (p.demand, p.project)):
            (pairs[pair.region] if pair.region is not None else unplaced).append(
                {
                    "round": decision.round,
                    "demand": pair.demand,
                    "project": pair.project,
                    "project_name": _project_names(catalog, pair.project),
                    "amount": pair.amount,
                    "results": results.get((decision.round, pair.demand, pair.project), []),
                }
            )
    index = catalog.region_index
    timeline = []
    for code in sorted(pairs):
        region = index.by_code(code)
        timeline.append(
            {
                "code": code,
                "name": {
                    "ko": region.display("ko") if region else code,
                    "en": region.display("en") if region else code,
                },
                "rounds": sorted({p["round"] for p in pairs[code]}),
                "pairs": pairs[code],
            }
        )
    by_project, by_region = history.attainment()
    continued = history.continuation()
    attainment = [
        {
            "project": project,
            "name": _project_names(catalog, project),
            "targets": _attainment(by_project.get(project)),
            "continued": _attainment(continued.get(project)),
        }
        for project in sorted(set(by_project) | set(continued))
    ]
    return {
        "rounds": sorted({decision.round for _, decision in history.decisions}),
        "timeline": timeline,
        "attainment": attainment,
        "regions": {code: _attainment(a) for code, a in sorted(by_region.items())},
        "unplaced": unplaced,
    }


def _project_names(catalog: Catalog, project: str) -> dict[str, str]:
    found = catalog.projects.get(project)
    if found is None:
        return {"ko": project, "en": project}
    return {"ko": found.name.display("ko"), "en": found.name.display("en")}
