"""`matchmaker gaps` and `matchmaker survey`: unmet demand, and the demand picture."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    IncludeExpiredOption,
    LangOption,
    OutputOption,
    TodayOption,
)
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import GapsFormat

if TYPE_CHECKING:
    from matchmaker.gaps.clusters import GapsReport
    from matchmaker.inputs import RunInputs

RegionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--region",
        metavar="REGION",
        help="Only demands from this region or province (code or name); repeatable.",
        show_default=False,
    ),
]
FormatOption = Annotated[GapsFormat, typer.Option("--format", "-f")]

MESSAGES = {
    "no-cluster": (
        "--draft: no cluster '{name}' in this run{hint}",
        "--draft: 이 실행에 군집 '{name}'이(가) 없습니다{hint}",
    ),
    "no-clusters": (
        "--draft {name}: this run has no unmet demand, so no cluster to draft from",
        "--draft {name}: 이 실행에는 충족되지 않은 수요가 없어 초안을 만들 군집이 없습니다",
    ),
    "did-you-mean": (" (did you mean '{suggestion}'?)", " ('{suggestion}'을(를) 찾으셨나요?)"),
    "draft-exists": (
        "{path} already exists; choose another --output or remove it",
        "{path}이(가) 이미 있습니다. 다른 --output을 고르거나 지우세요",
    ),
    "draft-written": (
        "wrote {path}: fill in the fields marked TODO, then run matchmaker validate {path}",
        "{path}을(를) 썼습니다. TODO로 표시된 항목을 채운 뒤 "
        "matchmaker validate {path}를 실행하세요",
    ),
}


def gaps(
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    region: RegionOption = None,
    output_format: FormatOption = GapsFormat.table,
    output: OutputOption = None,
    draft: Annotated[
        str | None,
        typer.Option(
            "--draft",
            help="Write a draft project file for this cluster (its id, e.g. care-services-1) "
            "to --output (default: draft-CLUSTER.yaml), with the facts to source marked TODO.",
            show_default=False,
            metavar="CLUSTER",
        ),
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
) -> None:
    """What regions ask for that no project serves: unmet and weakly served demands,
    grouped into clusters of similar need."""
    from matchmaker.cli.shell import RunOptions, build_inputs, region_codes_or_exit, write_or_exit
    from matchmaker.gaps.clusters import find_gaps
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

    options = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang,
        today=today,
        output_format=output_format.value,
        output=output,
        include_expired=include_expired,
    )
    inputs = build_inputs(options)
    assert inputs.catalog is not None and inputs.profile is not None
    region_codes = region_codes_or_exit(inputs.catalog, region, options.language)
    report = find_gaps(
        score(inputs.catalog, inputs.records(), inputs.profile),
        inputs.catalog,
        inputs.input_hashes(),
        region_codes=region_codes,
        language=options.language,
        options=(
            ("regions", sorted(region_codes or [])),
            ("include_expired", include_expired),
            ("today", options.today.isoformat()),
        ),
    )
    if draft is not None:
        _write_draft(report, draft, output, options.language, inputs)
        return
    write_or_exit(render("gaps", output_format.value, report), output, options.language, inputs)


def _write_draft(
    report: GapsReport, cluster_id: str, output: Path | None, language: str, inputs: RunInputs
) -> None:
    """The cluster's draft project file, never over an existing file (exit 2 if one is
    there); an unknown cluster is a usage error with the nearest id."""
    from matchmaker.cli.shell import usage_error, write_or_exit
    from matchmaker.gaps.draft import draft_id, draft_project
    from matchmaker.messages import pick
    from matchmaker.suggest import did_you_mean

    assert inputs.catalog is not None
    cluster = report.find(cluster_id)
    if cluster is None:
        if not report.clusters:
            usage_error(pick(MESSAGES, "no-clusters", language, name=cluster_id))
        suggestion = did_you_mean(cluster_id, [c.id for c in report.clusters])
        hint = pick(MESSAGES, "did-you-mean", language, suggestion=suggestion) if suggestion else ""
        usage_error(pick(MESSAGES, "no-cluster", language, name=cluster_id, hint=hint))
    target = output or Path(f"{draft_id(cluster)}.yaml")
    text = draft_project(cluster, report, inputs.catalog)
    try:
        write_or_exit(text, target, language, inputs, overwrite=False)
    except FileExistsError:
        usage_error(pick(MESSAGES, "draft-exists", language, path=target))
    typer.echo(pick(MESSAGES, "draft-written", language, path=target), err=True)


def survey(
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    region: RegionOption = None,
    output_format: FormatOption = GapsFormat.table,
    output: OutputOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
) -> None:
    """The run's demands counted as the study's survey chapter does: by policy area and
    theme, province and region kind, language, decline areas, budgets, years, delivery
    modes and partners; for all demands, those with a strong match and those without."""
    from matchmaker.cli.shell import RunOptions, build_inputs, region_codes_or_exit, write_or_exit
    from matchmaker.gaps.survey import survey as count_demands
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

    options = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang,
        today=today,
        output_format=output_format.value,
        output=output,
        include_expired=include_expired,
    )
    inputs = build_inputs(options)
    assert inputs.catalog is not None and inputs.profile is not None
    region_codes = region_codes_or_exit(inputs.catalog, region, options.language)
    report = count_demands(
        score(inputs.catalog, inputs.records(), inputs.profile),
        inputs.catalog,
        inputs.input_hashes(),
        region_codes=region_codes,
        language=options.language,
        options=(
            ("regions", sorted(region_codes or [])),
            ("include_expired", include_expired),
            ("today", options.today.isoformat()),
        ),
    )
    write_or_exit(render("survey", output_format.value, report), output, options.language, inputs)
