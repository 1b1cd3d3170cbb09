"""Every command is documented in the README and has help text (docs cannot fall behind)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main

from matchmaker.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, object]:
    group = typer.main.get_group(app)
    return dict(group.commands)


def test_every_command_is_in_the_readme_and_has_help() -> None:
    commands = _commands()
    assert {"rank", "explain", "validate", "check", "regions", "schema", "new"} <= set(commands)
    for name, command in commands.items():
        assert f"matchmaker {name}" in README, name
        assert (command.help or "").strip(), name  # type: ignore[attr-defined]


def test_help_does_not_import_the_heavy_modules() -> None:
    code = (
        "import sys\nfrom matchmaker.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('numpy', 'scipy', 'highspy', 'pydantic', 'matchmaker.scoring')"
        " if m in sys.modules]\nprint('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"


def _all_commands() -> list[tuple[str, object]]:
    """Every command, with the sub-commands of a group (`new proposal`)."""
    found: list[tuple[str, object]] = []
    for name, command in _commands().items():
        found.append((name, command))
        for sub_name, sub in getattr(command, "commands", {}).items():
            found.append((f"{name} {sub_name}", sub))
    return found


def test_help_names_values_as_people_write_them() -> None:
    # Not Python's types (`<list[Path]>`, `<int range>`) and no doubled brackets in usage.
    from typer.testing import CliRunner

    runner = CliRunner()
    for name, _command in _all_commands():
        result = runner.invoke(app, [*name.split(), "--help"], terminal_width=120)
        assert result.exit_code == 0, name
        for python_type in ("<list[", "<str>", "<int", "<float", "<file>", "<dir>", "[["):
            assert python_type not in result.output, (name, python_type)
