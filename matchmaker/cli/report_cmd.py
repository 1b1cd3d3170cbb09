"""`matchmaker report`: the planner's report as one offline HTML page or an Excel workbook.

(`matchmaker.cli.report` holds the diagnostics printer, hence this module's name.)
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import (
    MAX_DRAWS,
    CatalogOption,
    HistoryOption,
    IncludeExpiredOption,
    LanguageChoice,
    SeedOption,
    TodayOption,
)
from matchmaker.cli.portfolio import DEFAULT_FLAGS, PortfolioFlags, takes_portfolio_options
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import ReportFormat

if TYPE_CHECKING:
    from matchmaker.answers import Recording
    from matchmaker.cli.shell import RunOptions


@takes_portfolio_options
def report(
    ctx: typer.Context,
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    flags: PortfolioFlags = DEFAULT_FLAGS,
    history: HistoryOption = None,
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
    from matchmaker.cli.shell import RunOptions, answer_or_run

    run = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        # The report is for Seoul's planners: Korean unless --lang or MATCHMAKER_LANG says.
        lang=lang or _environment_language() or LanguageChoice.ko,
        today=today,
        output_format=chosen.value,
        output=None if str(output) == "-" else output,  # `-o -`: standard output
        include_expired=include_expired,
        history=history,
    )
    # As `allocate`: what a --time-limit lets be found depends on the machine's speed.
    answer_or_run(
        ctx,
        run,
        lambda recording: _report(recording, run, flags, draws=draws, seed=seed, started=started),
        timed=flags.time_limit is not None,
    )


def _report(
    recording: Recording,
    run: RunOptions,
    flags: PortfolioFlags,
    *,
    draws: int,
    seed: int,
    started: float,
) -> None:
    """Load, score, allocate, draw and write the report, keeping it in `recording`."""
    from matchmaker.cli.portfolio import portfolio_or_exit, refusals_exit
    from matchmaker.cli.shell import build_inputs, write_kept
    from matchmaker.render.registry import render
    from matchmaker.report.data import build_report_data

    language = run.language
    inputs = build_inputs(run, recording)
    assert inputs.catalog is not None
    # The report's allocation is `allocate`'s, under the same options, read the same way.
    options, _ = portfolio_or_exit(
        inputs,
        flags,
        language,
        started=started,
    )
    with refusals_exit(options, language):
        data = build_report_data(inputs, options, language=language, draws=draws, seed=seed)
    write_kept(recording, render("report", run.output_format, data), run.output, language, inputs)


def _environment_language() -> LanguageChoice | None:
    import os

    configured = os.environ.get("MATCHMAKER_LANG", "").strip().lower()
    return LanguageChoice(configured) if configured in ("ko", "en") else None
