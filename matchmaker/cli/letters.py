"""`matchmaker letters`: a feedback letter per region, from the round's allocation."""

from __future__ import annotations

import sys
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
from matchmaker.render.registry import LettersFormat


@takes_portfolio_options
def letters(
    proposals: ProposalsArgument = None,
    round_: Annotated[
        int,
        typer.Option(
            "--round", metavar="YEAR", min=1900, max=2100, help="The round the letters are about."
        ),
    ] = ...,  # type: ignore[assignment]
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="The folder to write the letters into (ROUND-CODE.md, or .html, one per region).",
            file_okay=False,
            show_default=False,
        ),
    ] = ...,  # type: ignore[assignment]
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    flags: PortfolioFlags = DEFAULT_FLAGS,
    history: HistoryOption = None,
    output_format: Annotated[
        LettersFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown, or html: a self-contained printable page per region in the "
            "report's style.",
        ),
    ] = LettersFormat.markdown,
    lang: Annotated[
        LanguageChoice | None,
        typer.Option(
            "--lang", help="Language of the letters (default: Korean).", show_default=False
        ),
    ] = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
) -> None:
    """Write one letter per region (Markdown, or HTML pages): what it asked, what was
    funded, and for each demand left unfunded why (the allocation's own reason) and what
    would have changed it."""
    from matchmaker.allocation.report import allocate as allocate_portfolio
    from matchmaker.cli.portfolio import portfolio_or_exit, refusals_exit
    from matchmaker.cli.shell import RunOptions, build_inputs, write_or_exit
    from matchmaker.letters import build_letters
    from matchmaker.messages import say
    from matchmaker.render.letters import file_name
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

    run = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang or LanguageChoice.ko,
        today=today,
        output_format="markdown",
        include_expired=include_expired,
        history=history,
    )
    language = run.language
    inputs = build_inputs(run)
    assert inputs.catalog is not None and inputs.profile is not None
    # The letters' allocation is `allocate`'s, under the same options, read the same way,
    # so every reason a letter gives is the one `allocate --format json` gives.
    options, _ = portfolio_or_exit(
        inputs,
        flags,
        language,
    )
    scores = score(inputs.catalog, inputs.records(), inputs.profile, inputs.history)
    with refusals_exit(options, language):
        result = allocate_portfolio(scores, options, language)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        typer.echo(f"{output}: {error.strerror or error}", err=True)
        raise typer.Exit(1) from None
    written = build_letters(scores, result, round_, language)
    for letter in written:
        write_or_exit(
            render("letters", output_format.value, letter),
            output / file_name(letter, output_format.value),
            language,
            inputs,
        )
    sys.stderr.write(
        say(
            language,
            f"wrote {len(written)} letter(s) to {output}",
            f"{output}에 안내문 {len(written)}통을 썼습니다",
        )
        + "\n"
    )
