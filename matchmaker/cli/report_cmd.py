"""`matchmaker report`: the planner's report as one offline HTML page or an Excel workbook.

(`matchmaker.cli.report` holds the diagnostics printer, hence this module's name.)
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import (
    MAX_DRAWS,
    BudgetOption,
    CatalogOption,
    HistoryOption,
    IncludeExpiredOption,
    LanguageChoice,
    MaxRegionShareOption,
    MinDeclineKrwShareOption,
    MinDeclineShareOption,
    MinPerProvinceOption,
    SeedOption,
    TodayOption,
)
from matchmaker.cli.portfolio import (
    CapacityOption,
    ForbidOption,
    LockOption,
    MaxRepeatOption,
    MinNewShareOption,
    PerDemandOption,
    ProjectBudgetOption,
    ReservePriorityOption,
    SynergyBonusOption,
    TimeLimitOption,
    UnknownCostOption,
)
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import ReportFormat


def report(
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    budget: BudgetOption = None,
    min_per_province: MinPerProvinceOption = 0,
    min_decline_share: MinDeclineShareOption = 0.0,
    min_decline_krw_share: MinDeclineKrwShareOption = 0.0,
    max_region_share: MaxRegionShareOption = 1.0,
    project_budget: ProjectBudgetOption = None,
    capacity: CapacityOption = None,
    per_demand: PerDemandOption = 1,
    synergy_bonus: SynergyBonusOption = 5.0,
    lock: LockOption = None,
    forbid: ForbidOption = None,
    unknown_cost: UnknownCostOption = "median",
    time_limit: TimeLimitOption = None,
    history: HistoryOption = None,
    max_repeat: MaxRepeatOption = None,
    min_new_share: MinNewShareOption = 0.0,
    reserve_priority: ReservePriorityOption = 0.0,
    draws: Annotated[
        int,
        typer.Option(
            "--draws",
            metavar="N",
            min=0,
            max=MAX_DRAWS,
            help="Weight draws for the sensitivity of each recommendation.",
        ),
    ] = 200,
    seed: SeedOption = 0,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html or xlsx (default: from the --output file's extension, else html).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write (atomically): report.html or report.xlsx; - for standard "
            "output.",
            dir_okay=False,
            show_default=False,
        ),
    ] = ...,  # type: ignore[assignment]
    lang: Annotated[
        LanguageChoice | None,
        typer.Option(
            "--lang",
            help="Language of the report's own words; data keeps its own (default: "
            "$MATCHMAKER_LANG, else Korean).",
            show_default=False,
        ),
    ] = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
) -> None:
    """The planner's report: one offline HTML page (or an Excel workbook) with the summary,
    score heat map, province map, allocation, match cards and equity audit."""
    # --time-limit bounds the whole command, as in allocate.
    started = time.monotonic()
    # The format follows the file's name when not given: `-o r.xlsx` is a workbook.
    chosen = output_format or (
        ReportFormat.xlsx if output.suffix.lower() == ".xlsx" else ReportFormat.html
    )
    from matchmaker.cli.portfolio import PortfolioFlags, portfolio_or_exit, refusals_exit
    from matchmaker.cli.shell import RunOptions, build_inputs, write_or_exit
    from matchmaker.report.data import build_report_data

    run = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        # The report is for Seoul's planners: Korean unless --lang or MATCHMAKER_LANG says.
        lang=lang or _environment_language() or LanguageChoice.ko,
        today=today,
        output_format=chosen.value,
        output=output,
        include_expired=include_expired,
        history=history,
    )
    language = run.language
    inputs = build_inputs(run)
    assert inputs.catalog is not None
    # The report's allocation is `allocate`'s, under the same options, read the same way.
    options, _ = portfolio_or_exit(
        inputs,
        PortfolioFlags(
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
            max_repeat=max_repeat,
            min_new_share=min_new_share,
            reserve_priority=reserve_priority,
        ),
        language,
        started=started,
    )
    with refusals_exit(options, language):
        data = build_report_data(inputs, options, language=language, draws=draws, seed=seed)
    from matchmaker.render.registry import render

    target = None if str(output) == "-" else output
    write_or_exit(render("report", chosen.value, data), target, language, inputs)


def _environment_language() -> LanguageChoice | None:
    import os

    configured = os.environ.get("MATCHMAKER_LANG", "").strip().lower()
    return LanguageChoice(configured) if configured in ("ko", "en") else None
