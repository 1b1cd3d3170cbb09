"""Everything the report shows, assembled once from the library's results.

The report must never disagree with the other commands, so it computes nothing of its
own: scores come from `score`, the top matches from `rank`, the portfolio from
`allocate` (its JSON document is built by the same `to_json_document` that `allocate
--format json` prints), robustness from `sensitivity`. What this module adds is only
counting and arranging (per province, per demand) into plain dicts and lists, so the
HTML template and the workbook read one structure, and a notebook can json-dump it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from matchmaker import __version__
from matchmaker.allocation.problem import AllocationOptions
from matchmaker.allocation.report import allocate
from matchmaker.gaps.clusters import GapsReport, find_gaps
from matchmaker.gaps.survey import SurveyReport
from matchmaker.gaps.survey import survey as count_demands
from matchmaker.inputs import RunInputs
from matchmaker.models import Project
from matchmaker.ranking import no_suitable, rank
from matchmaker.render.allocation import to_json_document, unknown_cost_sentence
from matchmaker.render.gaps import cluster_json, summary_lines
from matchmaker.render.rank import match_json, no_suitable_sentence, profile_json
from matchmaker.render.robustness import sensitivity_entry
from matchmaker.render.survey import DIMENSIONS, section_title
from matchmaker.render.survey import rows as survey_rows
from matchmaker.report.history import history_section
from matchmaker.report.tiles import TILES
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.robustness.sensitivity import sensitivity
from matchmaker.scoring.engine import score

TOP = 3  # matches shown per demand
DEFAULT_DRAWS = 200  # enough for shares to the percent, quick enough for every report
DEFAULT_SEED = 0


@dataclass(frozen=True, slots=True)
class ReportData:
    """One report's content: plain values only (str, int, float, bool, None, list, dict)."""

    language: str
    tool: dict[str, str]
    profile: dict[str, Any]  # as in every JSON output (`profile_json`)
    options: dict[str, Any]  # allocation options, plus top / draws / seed
    inputs: dict[str, str]  # file → SHA-256
    summary: dict[str, Any]
    demands: list[dict[str, Any]]  # sorted by key
    projects: list[dict[str, Any]]  # sorted by id
    scores: list[list[float | None]]  # demands × projects; None where not eligible
    provinces: list[dict[str, Any]]  # tile-grid provinces first, in code order
    matches: list[dict[str, Any]]  # `match_json` of the top matches, plus context
    sensitivity: dict[str, dict[str, Any]]  # demand key → intervals and draw shares
    allocation: dict[str, Any]  # exactly `allocate --format json`'s document
    gaps: dict[str, Any]  # the clusters as `gaps --format json` has them, with their lines
    survey: dict[str, Any]  # the survey's tables: header, and per dimension its rows
    # Only with --history: earlier rounds per region and attainment per project (None
    # otherwise, so a report without history is exactly what it was).
    history: dict[str, Any] | None = None


def build_report_data(
    inputs: RunInputs,
    options: AllocationOptions | None = None,
    *,
    language: str = "ko",
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> ReportData:
    """Score, rank, allocate and test the sensitivity of one run, and arrange the results.

    Raises `matchmaker.allocation.solve.Infeasible` when the options conflict, as
    `allocate` does; the caller says which constraints.
    """
    assert inputs.catalog is not None and inputs.profile is not None, "load_run failed"
    options = options or AllocationOptions()
    hashes = inputs.input_hashes()
    scores = score(inputs.catalog, inputs.records(), inputs.profile, inputs.history)
    result = allocate(scores, options, language)
    allocation = to_json_document(
        result, inputs.profile, hashes, options.as_json(history=inputs.history is not None)
    )
    robustness = {
        s.demand_key: sensitivity_entry(s) for s in sensitivity(scores, draws=draws, seed=seed)
    }
    assigned = {(a.demand_key, a.project) for a in result.assignments}

    records = scores.demands.records
    rows = sorted(range(len(records)), key=lambda r: records[r].key)
    ids = scores.projects.ids
    columns = sorted(range(len(ids)), key=lambda c: ids[c])
    eligible = scores.eligibility.eligible
    unsuitable = {
        item.record.key: no_suitable_sentence(item, language)
        for item in no_suitable(scores, rows, language)
    }
    demands = [{**_demand(records[r]), "no_suitable": unsuitable.get(records[r].key)} for r in rows]
    projects = [_project(scores.projects.projects[c]) for c in columns]
    grid = [
        [round(float(scores.total[r, c]), 2) if eligible[r, c] else None for c in columns]
        for r in rows
    ]

    names = {project.id: project.name for project in scores.projects.projects}
    matches = []
    for match in rank(scores, top=TOP, language=language):
        shares = robustness[match.demand_key]
        matches.append(
            {
                **match_json(match),
                "key": match.demand_key,
                "title": match.record.demand.title,
                "project_name": {
                    "ko": names[match.project_id].display("ko"),
                    "en": names[match.project_id].display("en"),
                },
                "assigned": (match.demand_key, match.project_id) in assigned,
                "first_share": shares["first_share"].get(match.project_id, 0.0),
                "top3_share": shares["top3_share"].get(match.project_id, 0.0),
            }
        )

    equity = result.equity
    found = find_gaps(scores, inputs.catalog, hashes, language=language)
    demand_survey = count_demands(scores, inputs.catalog, hashes, language=language)
    return ReportData(
        language=language,
        tool={"name": "matchmaker", "version": __version__},
        profile=profile_json(inputs.profile),
        options={
            **options.as_json(history=inputs.history is not None),
            "top": TOP,
            "draws": draws,
            "seed": seed,
        },
        inputs=hashes,
        summary={
            "proposals": len({d["proposal"] for d in demands}),
            "no_suitable": len(unsuitable),
            "regions": len({d["region"]["code"] for d in demands}),
            "demands": len(demands),
            "decline_demands": sum(1 for d in demands if d["population_decline"]),
            "projects": len(projects),
            "assignments": len(result.assignments),
            "unassigned": len(result.unassigned),
            "budget_used": result.budget_used,
            "budget": result.budget,
            "unknown_cost": result.unknown_cost,
            # Said as `allocate` says it: the rule and the estimate each unknown cost took.
            "unknown_cost_note": unknown_cost_sentence(result, language),
            "rules": options.as_flags(),
            "objective": result.solution.objective,
            "status": result.solution.status,
            "gap": result.solution.gap,
            "fragile": sum(1 for s in robustness.values() if s["fragile"]),
            "population_decline": equity.get("population_decline"),
        },
        demands=demands,
        projects=projects,
        scores=grid,
        provinces=_provinces(inputs, demands, equity, found),
        matches=matches,
        sensitivity=robustness,
        allocation=allocation,
        gaps=_gaps(found, language),
        survey=_survey(demand_survey, language),
        history=history_section(inputs.history, inputs.catalog)
        if inputs.history is not None
        else None,
    )


def _gaps(found: GapsReport, language: str) -> dict[str, Any]:
    """The clusters, and the unmet demands counted by main theme and province."""
    clusters = [
        {**cluster_json(found, c), "lines": summary_lines(found, c, language)[1:]}
        for c in found.clusters
    ]
    cells: Counter[tuple[str, str]] = Counter()
    names: dict[str, dict[str, str]] = {}
    for cluster in found.clusters:
        theme = cluster.main_theme or ""
        for demand in cluster.demands:
            region = demand.record.region
            cells[theme, region.province_code] += 1
            names[region.province_code] = {
                "ko": region.province_name_ko,
                "en": region.province_name_en,
            }
    themes = sorted(
        {t for t, _ in cells}, key=lambda t: (-sum(n for (x, _), n in cells.items() if x == t), t)
    )
    provinces = sorted(names)
    theme_names = {
        t: found.theme_labels[t].display(language) if t in found.theme_labels else "–"
        for t in themes
    }
    return {
        "threshold": found.threshold,
        "weak_band": found.weak_band,
        "demands": found.demands,
        "unmet": sum(c.unmet for c in found.clusters),
        "weak": sum(len(c.demands) - c.unmet for c in found.clusters),
        "clusters": clusters,
        "by_theme_province": {
            "themes": [{"id": t, "name": theme_names[t]} for t in themes],
            "provinces": [{"code": code, "name": names[code]} for code in provinces],
            "counts": [[cells.get((t, code), 0) for code in provinces] for t in themes],
        },
    }


def _survey(found: SurveyReport, language: str) -> dict[str, Any]:
    """The survey's tables as the report shows them: one per dimension, three columns."""
    return {
        "header": [
            {"name": name, "title": section_title(name, language), "demands": survey.demands}
            for name, survey in found.sections
        ],
        "dimensions": [
            {
                "id": dimension,
                "title": titles[0] if language != "ko" else titles[1],
                "rows": [
                    {"item": item, "label": words, "values": list(values)}
                    for item, words, values in survey_rows(found, dimension, language)
                ],
            }
            for dimension, titles in DIMENSIONS
        ],
    }


def _demand(record: ResolvedDemand) -> dict[str, Any]:
    region = record.region
    demand = record.demand
    return {
        "key": record.key,
        "proposal": record.proposal.id,
        "demand": demand.id,
        "title": demand.title,
        "description": demand.description,
        "region": {"code": region.code, "name": {"ko": region.name_ko, "en": region.name_en}},
        "province": {
            "code": region.province_code,
            "name": {"ko": region.province_name_ko, "en": region.province_name_en},
        },
        "kind": region.kind,
        "population_decline": region.population_decline,
        "priority": demand.priority,
        "budget_request": demand.budget_request,
    }


def _project(project: Project) -> dict[str, Any]:
    return {
        "id": project.id,
        "name": {"ko": project.name.display("ko"), "en": project.name.display("en")},
        "policy_area": project.policy_area,
        "capacity": project.capacity,
    }


def _provinces(
    inputs: RunInputs, demands: list[dict[str, Any]], equity: dict[str, Any], gaps: GapsReport
) -> list[dict[str, Any]]:
    """Every province of the regions file with what the run gives it; tiles where known."""
    assert inputs.catalog is not None
    asked = Counter(d["province"]["code"] for d in demands)
    unmet = Counter(d.record.region.province_code for c in gaps.clusters for d in c.demands)
    decline = Counter(d["province"]["code"] for d in demands if d["population_decline"])
    received: dict[str, dict[str, int]] = equity.get("by_province", {})
    found = []
    for province in sorted(inputs.catalog.regions.provinces, key=lambda p: p.code):
        tile = TILES.get(province.code)
        given = received.get(province.code, {"assignments": 0, "krw": 0})
        found.append(
            {
                "code": province.code,
                "name": {"ko": province.name.display("ko"), "en": province.name.display("en")},
                "short": {"ko": tile.ko, "en": tile.en} if tile else None,
                "column": tile.column if tile else None,
                "row": tile.row if tile else None,
                "demands": asked.get(province.code, 0),
                "decline_demands": decline.get(province.code, 0),
                "assignments": given["assignments"],
                "krw": given["krw"],
                "unmet": unmet.get(province.code, 0),
                # Unmet or weakly served demands as a share of the province's demands.
                "unmet_share": round(unmet.get(province.code, 0) / asked[province.code], 4)
                if asked.get(province.code)
                else 0.0,
            }
        )
    return found
