"""Shared steps of the commands that score: load inputs or stop, write output safely."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer

from matchmaker.inputs import RunInputs


def load_or_exit(proposals: list[Path] | None, catalog: Path | None, profile: Path | None,
                 today: dt.date, language: str, output_format: str) -> RunInputs:
    """Load everything a run reads; on any error print the diagnostics and exit 1."""
    from matchmaker.cli.report import emit_diagnostics
    from matchmaker.diagnostics import has_errors
    from matchmaker.inputs import load_run

    inputs = load_run(proposals, catalog, profile, today)
    failed = has_errors(inputs.diagnostics) or not inputs.ok
    if inputs.diagnostics:
        # Diagnostics go to stderr so a redirected report is never half data, half errors.
        # Warnings are shown too: they are about inputs this run uses (a resubmitted demand,
        # an expired proposal), and the run goes on.
        files = sorted({d.file for d in inputs.diagnostics})
        stdout = sys.stdout
        sys.stdout = sys.stderr
        try:
            emit_diagnostics(files, inputs.diagnostics, inputs.sources,
                             "json" if output_format == "json" and failed else "text",
                             language)
        finally:
            sys.stdout = stdout
    if failed:
        raise typer.Exit(1)
    return inputs


def write_output(text: str | bytes, output: Path | None, inputs: RunInputs,
                 language: str) -> None:
    """Print, or write atomically to --output; never overwrite one of the run's inputs.
    Bytes (a workbook) are written as they are."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    from matchmaker.files import write_atomically

    target = output.resolve()
    read = {Path(d.file).resolve() for d in inputs.proposals}
    if inputs.profile_document is not None:
        read.add(Path(inputs.profile_document.file).resolve())
    if inputs.catalog is not None:
        read |= {Path(d.file).resolve() for d in inputs.catalog.documents.values()}
        read |= {Path(d.file).resolve() for d in inputs.catalog.project_documents}
    if target in read:
        message = ("--output would overwrite an input file: " if language == "en" else
                   "--output이 입력 파일을 덮어씁니다: ")
        typer.echo(message + str(output), err=True)
        raise typer.Exit(2)
    if not target.parent.is_dir():
        typer.echo(f"--output: folder not found: {target.parent}", err=True)
        raise typer.Exit(2)
    write_atomically(target, text, overwrite=True)
