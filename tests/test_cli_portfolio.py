"""The commands that allocate take the portfolio options from one place."""

from __future__ import annotations

import inspect
from dataclasses import fields

import pytest
import typer.main

from matchmaker.cli.allocate import allocate
from matchmaker.cli.letters import letters
from matchmaker.cli.note import note
from matchmaker.cli.portfolio import PortfolioFlags, takes_portfolio_options
from matchmaker.cli.report_cmd import report

ALLOCATING = {"allocate": allocate, "report": report, "note": note, "letters": letters}


def _options(command: object) -> dict[str, tuple[tuple[str, ...], object]]:
    """Each option typer builds for the command: its flags and default."""
    built = typer.main.get_command_from_info(
        typer.models.CommandInfo(callback=command),  # type: ignore[arg-type]
        pretty_exceptions_short=True,
        rich_markup_mode=None,
    )
    return {param.name or "": (tuple(param.opts), param.default) for param in built.params}


def test_every_allocating_command_offers_every_portfolio_flag_with_the_same_default() -> None:
    wanted = {field.name for field in fields(PortfolioFlags)}
    seen = {name: _options(command) for name, command in ALLOCATING.items()}
    for name, options in seen.items():
        assert wanted <= set(options), name
    for flag in sorted(wanted):
        assert len({seen[name][flag] for name in seen}) == 1, flag


def test_the_defaults_on_the_command_line_are_portfolio_flags_defaults() -> None:
    options = _options(allocate)
    for field in fields(PortfolioFlags):
        assert options[field.name][1] == field.default, field.name


def test_the_command_receives_the_flags_the_options_make() -> None:
    received: list[PortfolioFlags] = []

    @takes_portfolio_options
    def command(name: str = "x", flags: PortfolioFlags = PortfolioFlags()) -> None:  # noqa: B008
        received.append(flags)

    parameters = list(inspect.signature(command).parameters)
    assert parameters[0] == "name" and "flags" not in parameters
    values = {field.name: field.default for field in fields(PortfolioFlags)}
    command(name="y", **{**values, "budget": 7, "lock": ["a/b=c"]})
    assert received == [PortfolioFlags(budget=7, lock=["a/b=c"])]


def test_a_command_without_a_flags_parameter_cannot_take_them() -> None:
    def command(name: str = "x") -> None:
        pass

    with pytest.raises(ValueError):
        takes_portfolio_options(command)
