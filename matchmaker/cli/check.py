"""`matchmaker check`: the whole catalog and the proposals together (CI's command)."""

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


def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Proposal and profile files or folders (default: the bundled examples when the "
            "catalog is the bundled one).",
            exists=True,
            readable=False,
            metavar="[FILE...]",
            show_default=False,
        ),
    ] = None,
    output_format: DiagnosticFormatOption = None,
    lang: LangOption = None,
    catalog: CatalogOption = None,
    today: TodayOption = None,
) -> None:
    """Check the catalog and proposals for consistency: ids, references, numbers, dates."""
    from matchmaker import bundled
    from matchmaker.cli.report import emit_diagnostics
    from matchmaker.validation import check_catalog

    paths = list(files or [])
    if catalog is None and not paths:
        paths = [bundled.proposals_dir(), bundled.profiles_dir()]
    result = check_catalog(catalog or bundled.catalog_dir(), paths, resolve_today(today))
    code = emit_diagnostics(
        result.files,
        result.diagnostics,
        result.sources,
        resolve_diagnostic_format(output_format),
        resolve_language(lang),
        result.input_hashes(),
    )
    raise typer.Exit(code)
