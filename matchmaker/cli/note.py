"""`matchmaker note`: the method and distribution note of a round, for disclosure."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    HistoryOption,
    IncludeExpiredOption,
    LanguageChoice,
    TodayOption,
)
from matchmaker.cli.portfolio import DEFAULT_FLAGS, PortfolioFlags, takes_portfolio_options
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import NoteFormat


@takes_portfolio_options
def note(
    proposals: ProposalsArgument = None,
    round_: Annotated[
        int,
        typer.Option(
            "--round", metavar="YEAR", min=1900, max=2100, help="The round the note is about."
        ),
    ] = ...,  # type: ignore[assignment]
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The Markdown file to write (atomically); - for standard output.",
            dir_okay=False,
            show_default=False,
        ),
    ] = ...,  # type: ignore[assignment]
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    flags: PortfolioFlags = DEFAULT_FLAGS,
    history: HistoryOption = None,
    output_format: Annotated[
        NoteFormat, typer.Option("--format", "-f", help="Output format (Markdown only, for now).")
    ] = NoteFormat.markdown,
    lang: Annotated[
        LanguageChoice | None,
        typer.Option("--lang", help="Language of the note (default: Korean).", show_default=False),
    ] = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
) -> None:
    """Write the round's method and distribution note (Markdown): the profile's weights,
    the eligibility gates, the fairness rules and options of the allocation, and funded
    versus unfunded by province, region kind and theme (with --history, over rounds)."""
    from matchmaker.allocation.report import allocate as allocate_portfolio
    from matchmaker.cli.portfolio import portfolio_or_exit, refusals_exit
    from matchmaker.cli.shell import RunOptions, build_inputs, write_or_exit
    from matchmaker.records.note import build_note
    from matchmaker.render.note import NoteReport
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

    run = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang or LanguageChoice.ko,
        today=today,
        output_format="markdown",
        output=output,
        include_expired=include_expired,
        history=history,
    )
    language = run.language
    inputs = build_inputs(run)
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    # The note's allocation is `allocate`'s, under the same options, read the same way.
    options, _ = portfolio_or_exit(
        inputs,
        flags,
        language,
    )
    scores = score(inputs.catalog, records, inputs.profile, inputs.history)
    with refusals_exit(options, language):
        result = allocate_portfolio(scores, options, language)
    found = build_note(scores, result, options, round_, inputs.catalog, inputs.history)
    text = render("note", output_format.value, NoteReport(found, language, inputs.input_hashes()))
    target = None if str(output) == "-" else output
    write_or_exit(text, target, language, inputs)
