"""`matchmaker schema KIND`: the JSON Schema editors use to complete and check a file."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from matchmaker.cli.options import CatalogOption, LangOption, OutputOption, resolve_language


class SchemaKind(StrEnum):
    proposal = "proposal"
    project = "project"
    profile = "profile"


def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="Which kind of file: proposal, project or profile.",
            metavar="KIND",
            show_default=False,
        ),
    ],
    output: OutputOption = None,
    catalog: CatalogOption = None,
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of a kind, with Korean and English help on every field.

    Point an editor at it with a first line `# yaml-language-server: $schema=FILE`.
    """
    from matchmaker.cli.shell import catalog_or_exit, write_or_exit
    from matchmaker.schema import build_schema, render_schema

    language = resolve_language(lang)
    loaded = catalog_or_exit(catalog, language)
    write_or_exit(render_schema(build_schema(kind.value, loaded)), output, language)
