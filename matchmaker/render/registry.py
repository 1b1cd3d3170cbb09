"""One registry of what each command writes: its formats, and the function for each.

A command's output is one object (a `RankReport`, an `ExplainReport`, …) holding all its
renderers need, language included; a renderer turns it into text (or bytes, for a
workbook). To add an output format, write the function in the command's render module
and name it here: the command's `--format` choices come from this table, so the option,
its help and the dispatch cannot drift apart. Modules are imported only when used, so
`--help` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Any

# command → format → "module:function". The first format is the command's default.
WRITERS: dict[str, dict[str, str]] = {
    "rank": {
        "table": "matchmaker.render.rank:render_table",
        "json": "matchmaker.render.rank:render_json",
        "csv": "matchmaker.render.rank:render_csv",
        "markdown": "matchmaker.render.rank:render_markdown",
    },
    "explain": {
        "text": "matchmaker.render.explain:render_text",
        "json": "matchmaker.render.explain:render_json",
        "markdown": "matchmaker.render.explain:render_markdown",
    },
    "allocate": {
        "table": "matchmaker.render.allocation:render_table",
        "json": "matchmaker.render.allocation:render_json",
        "csv": "matchmaker.render.allocation:render_csv",
        "markdown": "matchmaker.render.allocation:render_markdown",
    },
    "sensitivity": {
        "table": "matchmaker.render.robustness:sensitivity_text",
        "json": "matchmaker.render.robustness:sensitivity_json",
        "markdown": "matchmaker.render.robustness:sensitivity_markdown",
    },
    "compare": {
        "table": "matchmaker.render.robustness:compare_text",
        "json": "matchmaker.render.robustness:compare_json",
        "markdown": "matchmaker.render.robustness:compare_markdown",
    },
    "diff": {
        "table": "matchmaker.render.robustness:diff_text",
        "json": "matchmaker.render.robustness:diff_json",
        "markdown": "matchmaker.render.robustness:diff_markdown",
    },
    "report": {
        "html": "matchmaker.report.html:render_html",
        "xlsx": "matchmaker.report.xlsx:render_xlsx",
    },
    "regions": {
        "table": "matchmaker.render.regions:render_table",
        "json": "matchmaker.render.regions:render_json",
    },
    "gaps": {
        "table": "matchmaker.render.gaps:render_table",
        "json": "matchmaker.render.gaps:render_json",
        "csv": "matchmaker.render.gaps:render_csv",
        "markdown": "matchmaker.render.gaps:render_markdown",
    },
    "survey": {
        "table": "matchmaker.render.survey:render_table",
        "json": "matchmaker.render.survey:render_json",
        "csv": "matchmaker.render.survey:render_csv",
        "markdown": "matchmaker.render.survey:render_markdown",
    },
    "monitor": {
        "table": "matchmaker.render.monitor:render_table",
        "json": "matchmaker.render.monitor:render_json",
    },
    "note": {
        "markdown": "matchmaker.render.note:render_markdown",
    },
    "letters": {  # one document per region: the writer takes a RegionLetter
        "markdown": "matchmaker.render.letters:render_letter",
        "html": "matchmaker.report.letter:render_letter_html",
    },
}


# command → format → "module:function" of a writer that takes the parts of a command's
# output (an iterable of its view objects, e.g. `rank_parts`) and yields the text piece
# by piece as they come, so a large run's output is never held whole. The pieces join to
# exactly what the format's WRITERS function gives for the parts taken together.
STREAMED: dict[str, dict[str, str]] = {
    "rank": {
        "json": "matchmaker.render.rank:stream_json",
        "csv": "matchmaker.render.rank:stream_csv",
        "markdown": "matchmaker.render.rank:stream_markdown",
    },
}


# The formats as enums, for the commands' `--format` options (typer and mypy need real
# classes). Their members are the keys of WRITERS, in order: a test keeps them equal.
class RankFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ExplainFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class AllocateFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class RobustnessFormat(StrEnum):  # sensitivity, compare and diff
    table = "table"
    json = "json"
    markdown = "markdown"


class ReportFormat(StrEnum):
    html = "html"
    xlsx = "xlsx"


class RegionsFormat(StrEnum):
    table = "table"
    json = "json"


class ProposalFormat(StrEnum):
    """What a proposal file is written as (`new proposal`, `convert`): its own writers
    take a proposal, not a command's view object, so they are not in WRITERS."""

    yaml = "yaml"
    xlsx = "xlsx"


class GapsFormat(StrEnum):  # gaps and survey
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class NoteFormat(StrEnum):
    markdown = "markdown"


class LettersFormat(StrEnum):
    markdown = "markdown"
    html = "html"


ENUMS: dict[str, type[StrEnum]] = {
    "rank": RankFormat,
    "explain": ExplainFormat,
    "allocate": AllocateFormat,
    "sensitivity": RobustnessFormat,
    "compare": RobustnessFormat,
    "diff": RobustnessFormat,
    "report": ReportFormat,
    "regions": RegionsFormat,
    "gaps": GapsFormat,
    "survey": GapsFormat,
    "monitor": RegionsFormat,  # table | json, as regions
    "note": NoteFormat,
    "letters": LettersFormat,
}


def render(command: str, output_format: str, subject: Any) -> str | bytes:
    """The command's output in one format."""
    module, function = WRITERS[command][output_format].split(":")
    writer = getattr(importlib.import_module(module), function)
    result: str | bytes = writer(subject)
    return result


def streams(command: str, output_format: str) -> bool:
    """Whether the command's output in this format can be written as it comes."""
    return output_format in STREAMED.get(command, {})


def render_pieces(command: str, output_format: str, parts: Iterable[Any]) -> Iterator[str]:
    """The command's output in one format, piece by piece, from the parts of its view."""
    module, function = STREAMED[command][output_format].split(":")
    writer = getattr(importlib.import_module(module), function)
    pieces: Iterator[str] = writer(parts)
    return pieces
