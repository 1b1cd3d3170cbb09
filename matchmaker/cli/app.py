"""The Typer application and its commands. Heavy modules are imported inside commands,
so `matchmaker --help` costs little more than importing Typer."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Annotated, Any

import typer
import typer.core

from matchmaker import __version__
from matchmaker.cli import coercion


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
coercion.install()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"matchmaker {__version__}")
        raise typer.Exit(0)


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


# Every command in the order `--help` lists them: (name, where it is: "module:attribute"
# under matchmaker.cli). A run of one command imports only that command's module (the
# nineteen together took ~10-15 ms, `allocate`'s with the portfolio options).
COMMANDS: list[tuple[str, str]] = [
    ("rank", "rank:rank"),
    ("explain", "explain:explain"),
    ("allocate", "allocate:allocate"),
    ("sensitivity", "robustness:sensitivity"),
    ("compare", "robustness:compare"),
    ("diff", "robustness:diff"),
    ("validate", "validate:validate"),
    ("check", "check:check"),
    ("regions", "regions:regions"),
    ("schema", "schema:schema"),
    ("new", "new:new_app"),
    ("record", "record:record_app"),
    ("report", "report_cmd:report"),
    ("convert", "convert:convert"),
    ("gaps", "gaps:gaps"),
    ("survey", "gaps:survey"),
    ("letters", "letters:letters"),
    ("monitor", "monitor:monitor"),
    ("note", "note:note"),
]

# The commands that are sub-applications (`new proposal`, `record decision`): a run of
# one of them builds the whole application.
GROUPS = frozenset({"new", "record"})
SINGLE = frozenset(name for name, _ in COMMANDS if name not in GROUPS)


def command(where: str) -> Callable[..., Any] | typer.Typer:
    """The command function or sub-application at "module:attribute" under matchmaker.cli."""
    module, attribute = where.split(":")
    found: Callable[..., Any] | typer.Typer = getattr(
        importlib.import_module(f"matchmaker.cli.{module}"), attribute
    )
    return found


def build(only: str | None = None) -> typer.Typer:
    """The application with every command, or with the root options and command `only`.

    Typer turns every registered command's signature into Click parameters on each run
    (~40 ms for all nineteen); a run of one known command needs only that one, and its
    usage line, options, help and errors are the same in either application.
    """
    application = typer.Typer(
        name="matchmaker",
        help="Match regions' demand proposals to Seoul's inter-regional cooperation projects, "
        "and rank the matches by demand fit, long-term value and synergy.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
        rich_markup_mode=None,
    )
    application.callback()(_root)
    for name, where in COMMANDS:
        if only is not None and name != only:
            continue
        found = command(where)
        if isinstance(found, typer.Typer):
            application.add_typer(found, name=name)
        else:
            application.command(name)(found)
    return application


def __getattr__(name: str) -> typer.Typer:
    """`app`, the whole application, built (and every command imported) when first asked."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    application = build()
    globals()["app"] = application
    return application
