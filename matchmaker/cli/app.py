"""The Typer application and its commands. Heavy modules are imported inside commands,
so `matchmaker --help` costs little more than importing Typer."""

from __future__ import annotations

from typing import Annotated

import typer

from matchmaker import __version__
from matchmaker.cli import (
    allocate,
    check,
    explain,
    new,
    rank,
    regions,
    report_cmd,
    robustness,
    schema,
    validate,
)

app = typer.Typer(
    name="matchmaker",
    help="Match regions' demand proposals to Seoul's inter-regional cooperation projects, "
    "and rank the matches by demand fit, long-term value and synergy.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"matchmaker {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on internal errors.")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Neither read nor write the cache of loaded files and read demand text "
            "(same as MATCHMAKER_NO_CACHE=1).",
        ),
    ] = False,
) -> None:
    """matchmaker: demand-driven matching of regions and Seoul's cooperation projects."""
    if no_cache:
        from matchmaker import cache

        cache.switch_off()


app.command("rank")(rank.rank)
app.command("explain")(explain.explain)
app.command("allocate")(allocate.allocate)
app.command("sensitivity")(robustness.sensitivity)
app.command("compare")(robustness.compare)
app.command("diff")(robustness.diff)
app.command("validate")(validate.validate)
app.command("check")(check.check)
app.command("regions")(regions.regions)
app.command("schema")(schema.schema)
app.add_typer(new.new_app, name="new")
app.command("report")(report_cmd.report)
