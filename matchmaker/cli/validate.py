"""`matchmaker validate FILE…`: check proposal, project and profile files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    DiagnosticFormatOption,
    LangOption,
    TodayOption,
    resolve_diagnostic_format,
    resolve_language,
    resolve_today,
)


def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="YAML files or .xlsx workbooks (or folders of them) to check.",
            exists=True,
            readable=False,
            metavar="FILE",
            show_default=False,
        ),
    ],
    output_format: DiagnosticFormatOption = None,
    lang: LangOption = None,
    catalog: CatalogOption = None,
    today: TodayOption = None,
    only_documents: Annotated[
        bool,
        typer.Option(
            "--only-documents",
            help="Skip YAML files that are not matchmaker documents (no kind: of ours), as a "
            "pre-commit hook given every YAML file should.",
        ),
    ] = False,
) -> None:
    """Check files for syntax, schema and the names they use, and say where each problem is."""
    from matchmaker.bundled import catalog_dir
    from matchmaker.cli.report import emit_diagnostics
    from matchmaker.validation import validate_paths

    result = validate_paths(
        files, catalog or catalog_dir(), resolve_today(today), only_documents=only_documents
    )
    code = emit_diagnostics(
        result.files,
        result.diagnostics,
        result.sources,
        resolve_diagnostic_format(output_format),
        resolve_language(lang),
        result.input_hashes(),
    )
    raise typer.Exit(code)
