"""A run of one command builds only that command, and says exactly what the whole
application would: the same help, the same usage errors, the same exit codes.

Typer turns every registered command's signature into Click parameters on each run;
`main` builds the root options and the one command named (cli/app.py `build`).
"""

from __future__ import annotations

import pytest
import typer

import matchmaker.cli as cli
from matchmaker.cli import main
from matchmaker.cli.app import COMMANDS, GROUPS, SINGLE, app, build, command

CASES = [
    ["rank", "--help"],
    ["allocate", "--help"],
    ["--no-cache", "sensitivity", "--help"],
    ["rank", "--bogus"],
    ["rank", "--top", "x"],
    ["rank", "--format", "nope"],
    ["explain"],
    ["schema", "profile"],
    ["regions", "완주"],
]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out, err


@pytest.mark.parametrize("args", CASES, ids=[" ".join(case) for case in CASES])
def test_one_command_says_what_the_whole_application_says(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    alone = _run(args, capsys)
    monkeypatch.setattr(cli, "_command", lambda _args: None)  # the whole application
    whole = _run(args, capsys)
    assert alone == whole
    assert alone[1] or alone[2]  # it did say something


def test_which_runs_build_one_command() -> None:
    assert cli._command(["rank", "x.yaml"]) == "rank"
    assert cli._command(["--debug", "--no-cache", "allocate"]) == "allocate"
    # Sub-applications, typos, root help and version, and no command: the whole app.
    for args in (["new", "proposal"], ["rnak"], ["--help", "rank"], ["--version"], []):
        assert cli._command(args) is None


def test_the_whole_application_has_every_command_in_order() -> None:
    names = [info.name for info in app.registered_commands] + [
        info.name for info in app.registered_groups
    ]
    assert sorted(names) == sorted(name for name, _ in COMMANDS)
    assert [info.name for info in build("rank").registered_commands] == ["rank"]
    assert {"rank", "sensitivity", "allocate"} <= SINGLE and "new" not in SINGLE


def test_a_run_collects_cycles_less_often_than_python_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import gc

    before = gc.get_threshold()
    try:
        _run(["rank", "--help"], capsys)
        assert gc.get_threshold() == cli.GC_THRESHOLDS
        assert cli.GC_THRESHOLDS[0] > 700  # CPython's own first threshold
    finally:
        gc.set_threshold(*before)


def test_the_groups_are_the_commands_that_are_sub_applications() -> None:
    # GROUPS is written out so that naming a command imports nothing else; it must say
    # what each command really is.
    groups = {name for name, where in COMMANDS if isinstance(command(where), typer.Typer)}
    assert groups == GROUPS
    assert {name for name, _ in COMMANDS} - GROUPS == SINGLE
