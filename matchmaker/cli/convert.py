"""`matchmaker convert FILE -o OUT`: a proposal from a workbook to YAML, or back."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import CatalogOption, LangOption, OutputOption, resolve_language
from matchmaker.render.registry import ProposalFormat


def convert(
    file: Annotated[
        Path,
        typer.Argument(
            help="A proposal: a .xlsx workbook or a YAML file.",
            exists=True,
            readable=False,
            metavar="FILE",
            show_default=False,
        ),
    ],
    output: OutputOption = None,
    output_format: Annotated[
        ProposalFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="yaml or xlsx. Default: from the --output name, else the other format.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --output if it exists.")
    ] = False,
    catalog: CatalogOption = None,
    lang: LangOption = None,
) -> None:
    """Convert a proposal between an Excel workbook and YAML, without loss (comments
    aside). The file must load without errors; its problems are shown as validate shows
    them."""
    from matchmaker.cli.report import emit_diagnostics
    from matchmaker.cli.shell import catalog_or_exit, usage_error, write_or_exit
    from matchmaker.convert import proposal_xlsx, proposal_yaml
    from matchmaker.diagnostics import has_errors
    from matchmaker.loading.documents import load_file
    from matchmaker.loading.paths import WORKBOOK_SUFFIXES
    from matchmaker.messages import say
    from matchmaker.models import Proposal

    language = resolve_language(lang)
    if output is not None and output.resolve() == file.resolve():
        usage_error(
            say(
                language,
                f"--output {output} is the file being converted; choose another name",
                f"--output {output}은(는) 변환할 파일입니다. 다른 이름을 쓰세요",
            )
        )
    loaded = catalog_or_exit(catalog, language)
    document = load_file(file, kinds=frozenset({"proposal"}), words=loaded.words)
    if has_errors(document.diagnostics) or not isinstance(document.model, Proposal):
        sources = {document.file: document.text} if document.text is not None else {}
        code = emit_diagnostics(
            [document.file], list(document.diagnostics), sources, "text", language, {}
        )
        raise typer.Exit(code or 1)
    if output_format is not None:
        target = output_format.value
    elif output is not None and output.suffix.lower() in (".yaml", ".yml", ".xlsx"):
        target = "xlsx" if output.suffix.lower() == ".xlsx" else "yaml"
    else:
        target = "yaml" if file.suffix.lower() in WORKBOOK_SUFFIXES else "xlsx"
    data: str | bytes
    if target == "yaml":
        data = proposal_yaml(document.model, file.name)
    else:
        sheet_language = "en" if lang is not None and lang.value == "en" else "ko"
        name = output.name if output is not None else file.with_suffix(".xlsx").name
        data = proposal_xlsx(document.model, loaded, sheet_language, name)
    try:
        write_or_exit(data, output, language, overwrite=force)
    except FileExistsError:
        sys.stderr.write(
            say(
                language,
                f"{output} already exists; add --force to overwrite it.",
                f"{output}이(가) 이미 있습니다. 덮어쓰려면 --force를 붙이세요.",
            )
            + "\n"
        )
        raise typer.Exit(1) from None
