"""`matchmaker rank`: rank projects for each demand (or demands for each project)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    LangOption,
    TodayOption,
    resolve_language,
    resolve_today,
)


class RankFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class GroupBy(StrEnum):
    demand = "demand"
    project = "project"


ProposalsArgument = Annotated[list[Path] | None, typer.Argument(
    help="Proposal files or folders (default: the bundled example proposals).", exists=True,
    readable=False, metavar="[PROPOSAL...]", show_default=False)]
ProfileOption = Annotated[Path | None, typer.Option(
    "--profile", help="Scoring profile (default: the study's weighting).", exists=True,
    dir_okay=False, show_default=False)]


def rank(
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    top: Annotated[int, typer.Option("--top", min=0, help="Matches per group; 0 = all.")] = 3,
    by: Annotated[GroupBy, typer.Option("--by", help="Group by demand or by project.")] = (
        GroupBy.demand),
    region: Annotated[list[str] | None, typer.Option(
        "--region", help="Only demands from this region (code or name); repeatable.",
        show_default=False)] = None,
    project: Annotated[list[str] | None, typer.Option(
        "--project", help="Only this project id; repeatable.", show_default=False)] = None,
    output_format: Annotated[RankFormat, typer.Option("--format", "-f")] = RankFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of printing.",
        dir_okay=False, show_default=False)] = None,
    include_ineligible: Annotated[bool, typer.Option(
        "--include-ineligible", help="Also list excluded pairs with the reason.")] = False,
    only_no_suitable: Annotated[bool, typer.Option(
        "--no-suitable", help="Only the demands no project fits well enough (below the "
        "profile's fit_threshold), with their closest projects.")] = False,
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """Rank Seoul's projects for each region's demand, with scores and reasons."""
    from matchmaker.cli.run import load_or_exit, write_output
    from matchmaker.ranking import no_suitable, selected_rows
    from matchmaker.ranking import rank as rank_matches
    from matchmaker.render.rank import RankReport, render
    from matchmaker.scoring.engine import score

    language = resolve_language(lang)
    inputs = load_or_exit(proposals, catalog, profile, resolve_today(today), language,
                          output_format.value)
    assert inputs.catalog is not None and inputs.profile is not None
    region_codes = _region_codes(inputs.catalog, region, language)
    project_ids = _project_ids(inputs.catalog, project, language)
    scores = score(inputs.catalog, inputs.records(), inputs.profile)
    matches = rank_matches(scores, top=top, by=by.value, region_codes=region_codes,
                           project_ids=project_ids, include_ineligible=include_ineligible,
                           language=language, only_no_suitable=only_no_suitable)
    unsuitable = no_suitable(scores, selected_rows(scores, region_codes, only_no_suitable),
                             language)
    report = RankReport(matches, inputs.profile, inputs.input_hashes(), by.value, top, language,
                        tuple(unsuitable), only_no_suitable)
    write_output(render(report, output_format.value), output, inputs, language)


def _region_codes(catalog: object, names: list[str] | None, language: str) -> set[str] | None:
    if not names:
        return None
    index = catalog.region_index  # type: ignore[attr-defined]
    codes: set[str] = set()
    for name in names:
        resolution = index.resolve(name)
        if resolution.region is None:
            shown = ", ".join(f"{r.code} {r.display(language)}" for r in resolution.candidates)
            typer.echo(f"--region {name}: "
                       + ("ambiguous: " if resolution.status == "ambiguous" else "not found. ")
                       + (shown or ""), err=True)
            raise typer.Exit(2)
        codes.add(resolution.region.code)
    return codes


def _project_ids(catalog: object, ids: list[str] | None, language: str) -> set[str] | None:
    if not ids:
        return None
    from matchmaker.suggest import did_you_mean

    known = set(catalog.projects)  # type: ignore[attr-defined]
    for project_id in ids:
        if project_id not in known:
            suggestion = did_you_mean(project_id, known)
            hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
            typer.echo(f"--project: no project '{project_id}'{hint}", err=True)
            raise typer.Exit(2)
    return set(ids)
