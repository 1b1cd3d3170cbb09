"""One registry of outputs (matchmaker/render/registry.py): formats and writers agree."""

from __future__ import annotations

import importlib

import pytest

from matchmaker.render.registry import ENUMS, WRITERS


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_each_commands_format_option_lists_exactly_its_writers(command: str) -> None:
    assert [member.value for member in ENUMS[command]] == list(WRITERS[command])


@pytest.mark.parametrize(
    ("command", "output_format"), [(c, f) for c in sorted(WRITERS) for f in WRITERS[c]]
)
def test_every_writer_exists(command: str, output_format: str) -> None:
    module, function = WRITERS[command][output_format].split(":")
    assert callable(getattr(importlib.import_module(module), function))


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_the_help_offers_the_registered_formats(cli, command: str) -> None:
    shown = cli(command, "--help").output
    assert "|".join(WRITERS[command]) in shown.replace(" ", "")
