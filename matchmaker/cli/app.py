"""The Typer application and its commands. Heavy modules are imported inside commands,
so `matchmaker --help` costs little more than importing Typer."""

from __future__ import annotations

from typing import Annotated, Any

import typer
import typer.core

from matchmaker import __version__
from matchmaker.cli import (
    allocate,
    check,
    convert,
    explain,
    gaps,
    letters,
    monitor,
    new,
    note,
    rank,
    record,
    regions,
    report_cmd,
    robustness,
    schema,
    validate,
)


def _named_arguments_without_types() -> None:
    """Help lists an argument by the metavar we chose (`PROPOSAL`), not also by Python's
    type (`PROPOSAL <list[Path]>`), which tells an official nothing. Typer has no option
    for it, so its one method is wrapped; without a metavar, Typer's own text stands."""
    argument = getattr(typer.core, "TyperArgument", None)
    original = getattr(argument, "display_type_rich", None)
    if argument is None or original is None or getattr(original, "_matchmaker", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> Any:
        return None if self.metavar else original(self, ctx)

    display_type_rich._matchmaker = True  # type: ignore[attr-defined]
    argument.display_type_rich = display_type_rich


_named_arguments_without_types()

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
app.add_typer(record.record_app, name="record")
app.command("report")(report_cmd.report)
app.command("convert")(convert.convert)
app.command("gaps")(gaps.gaps)
app.command("survey")(gaps.survey)
app.command("letters")(letters.letters)
app.command("monitor")(monitor.monitor)
app.command("note")(note.note)
