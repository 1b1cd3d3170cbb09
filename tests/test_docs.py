"""The documents say what the code does: file-format fields, command options and
benchmark flags are compared with the code, so neither can drift from the other."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import typer.main
from pydantic import BaseModel

from matchmaker.cli.app import app
from matchmaker.models import Profile, Project, Proposal

ROOT = Path(__file__).resolve().parent.parent
FORMATS = (ROOT / "docs" / "file-formats.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
BENCHMARKS = ROOT / "benchmarks"


def _models_in(annotation: object) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            found.append(item)
        else:
            stack.extend(typing.get_args(item))
    return found


def _field_names(model: type[BaseModel]) -> set[str]:
    """Every field a file of this kind may hold, at any depth."""
    names: set[str] = set()
    for name, field in model.model_fields.items():
        names.add(name)
        for nested in _models_in(field.annotation):
            names |= _field_names(nested)
    return names


def _section(title: str) -> str:
    start = FORMATS.index(title)
    end = FORMATS.find("\n## ", start + 1)
    return FORMATS[start : end if end != -1 else None]


def _documented_keys(text: str) -> set[str]:
    """Keys written as `key:` in YAML examples or `{key: …}` in prose."""
    return set(re.findall(r"^[\s-]*([a-z_]+):", text, re.M)) | set(
        re.findall(r"[{,]\s*`?([a-z_]+)`?:", text)
    )


@pytest.mark.parametrize(
    ("title", "model"),
    [
        ("## `kind: project`", Project),
        ("## `kind: proposal`", Proposal),
        ("## `kind: profile`", Profile),
    ],
)
def test_file_formats_document_exactly_the_fields_of_the_models(
    title: str, model: type[BaseModel]
) -> None:
    documented = _documented_keys(_section(title)) | _documented_keys(_section("## Shared pieces"))
    fields = _field_names(model)
    assert fields - documented == set(), "fields missing from docs/file-formats.md"
    own = _documented_keys(_section(title))
    assert own - fields == set(), "documented fields the model does not have"


def _options() -> dict[str, set[str]]:
    group = typer.main.get_group(app)
    found: dict[str, set[str]] = {}
    commands = list(group.commands.items())
    for name, command in commands:
        for sub_name, sub in getattr(command, "commands", {}).items():
            commands.append((f"{name} {sub_name}", sub))
        found[name] = {
            option
            for param in command.params
            for option in [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]
            if option.startswith("--")
        }
    return found


def test_every_option_of_every_command_is_in_the_readme() -> None:
    for command, options in _options().items():
        for option in options - {"--help"}:
            assert re.search(rf"{re.escape(option)}\b", README), (command, option)


def test_the_readme_command_table_names_only_options_the_command_has() -> None:
    options = _options()
    rows = re.findall(r"^\| `matchmaker ([a-z]+(?: [a-z]+)?)[^`]*` \|(.*)$", README, re.M)
    assert rows
    for command, row in rows:
        if command not in options:
            command = command.split()[0]
        for option in re.findall(r"`(--[a-z-]+)", row):
            assert option in options[command], (command, option)


def _benchmark_commands() -> list[tuple[str, list[str]]]:
    readme = (BENCHMARKS / "README.md").read_text(encoding="utf-8")
    found = []
    for line in readme.splitlines():
        match = re.match(r"\s*python3? benchmarks/(\w+\.py)(.*)", line)
        if match:
            found.append((match.group(1), re.findall(r"(--[a-z-]+)", match.group(2))))
    return found


def test_the_benchmark_readme_uses_only_flags_the_scripts_take() -> None:
    commands = _benchmark_commands()
    assert commands
    for script, flags in commands:
        source = (BENCHMARKS / script).read_text(encoding="utf-8")
        for flag in flags:
            assert f'"{flag}"' in source, (script, flag)
