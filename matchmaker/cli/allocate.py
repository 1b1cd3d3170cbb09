"""`matchmaker allocate`: choose the portfolio under capacities, budgets and fairness."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import (
    BudgetOption,
    CatalogOption,
    IncludeExpiredOption,
    LangOption,
    MaxRegionShareOption,
    MinDeclineKrwShareOption,
    MinDeclineShareOption,
    MinPerProvinceOption,
    TodayOption,
)
from matchmaker.cli.portfolio import (
    CapacityOption,
    ForbidOption,
    LockOption,
    PerDemandOption,
    ProjectBudgetOption,
    SynergyBonusOption,
    TimeLimitOption,
    UnknownCostOption,
)
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import AllocateFormat


def allocate(
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    budget: BudgetOption = None,
    project_budget: ProjectBudgetOption = None,
    capacity: CapacityOption = None,
    per_demand: PerDemandOption = 1,
    synergy_bonus: SynergyBonusOption = 5.0,
    min_per_province: MinPerProvinceOption = 0,
    min_decline_share: MinDeclineShareOption = 0.0,
    min_decline_krw_share: MinDeclineKrwShareOption = 0.0,
    max_region_share: MaxRegionShareOption = 1.0,
    lock: LockOption = None,
    forbid: ForbidOption = None,
    unknown_cost: UnknownCostOption = "median",
    time_limit: TimeLimitOption = None,
    output_format: Annotated[AllocateFormat, typer.Option("--format", "-f")] = (
        AllocateFormat.table
    ),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (atomically) instead of printing.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
) -> None:
    """Choose the projects for all demands at once, and say why each got what it got."""
    from matchmaker.allocation.report import allocate as allocate_portfolio
    from matchmaker.cli.portfolio import allocation_options_or_exit, refusals_exit
    from matchmaker.cli.shell import RunOptions, build_inputs, write_or_exit
    from matchmaker.render.allocation import AllocationReport
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

    run = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang,
        today=today,
        output_format=output_format.value,
        output=output,
        include_expired=include_expired,
    )
    language = run.language
    inputs = build_inputs(run)
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    options = allocation_options_or_exit(
        inputs.catalog,
        records,
        language,
        budget=budget,
        project_budget=project_budget,
        capacity=capacity,
        per_demand=per_demand,
        synergy_bonus=synergy_bonus,
        min_per_province=min_per_province,
        min_decline_share=min_decline_share,
        min_decline_krw_share=min_decline_krw_share,
        max_region_share=max_region_share,
        lock=lock,
        forbid=forbid,
        unknown_cost=unknown_cost,
        time_limit=time_limit,
    )
    scores = score(inputs.catalog, records, inputs.profile)
    with refusals_exit(options, language):
        result = allocate_portfolio(scores, options, language)
    report = AllocationReport(
        result, language, inputs.profile, inputs.input_hashes(), options.as_json()
    )
    write_or_exit(render("allocate", output_format.value, report), output, language, inputs)
