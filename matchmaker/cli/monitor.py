"""`matchmaker monitor`: results due or late, and attainment per project and region."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import CatalogOption, LangOption, OutputOption, TodayOption
from matchmaker.render.registry import RegionsFormat


def monitor(
    history: Annotated[
        Path,
        typer.Option(
            "--history",
            metavar="DIR",
            help="The records folder (records/ROUND/…).",
            exists=True,
            file_okay=False,
        ),
    ] = Path("records"),
    catalog: CatalogOption = None,
    grace_days: Annotated[
        int,
        typer.Option(
            "--grace-days",
            metavar="DAYS",
            min=0,
            max=3650,
            help="Days after a year ends before its missing result counts as late.",
        ),
    ] = 90,
    output_format: Annotated[RegionsFormat, typer.Option("--format", "-f")] = RegionsFormat.table,
    output: OutputOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """List the results funded pairs owe (due, or late) and each project's and region's
    attainment over the rounds recorded."""
    from matchmaker.cli.options import resolve_language, resolve_today
    from matchmaker.cli.shell import catalog_or_exit, emit_to_stderr, write_or_exit
    from matchmaker.diagnostics import has_errors
    from matchmaker.inputs import display_name
    from matchmaker.records.history import check_history, load_history
    from matchmaker.records.monitor import monitor as find_owed
    from matchmaker.render.monitor import MonitorReport
    from matchmaker.render.registry import render

    language = resolve_language(lang)
    date = resolve_today(today)
    loaded = catalog_or_exit(catalog, language)
    found, problems, documents = load_history(history, loaded)
    problems.extend(check_history(loaded, documents, date))
    if problems:
        sources = {d.file: d.text for d in documents if d.text is not None}
        emit_to_stderr(problems, sources, "text", language)
        if has_errors(problems):
            raise typer.Exit(1)
    monitoring = find_owed(found, loaded.projects, date, grace_days)
    names = {region.code: region.display(language) for region in loaded.region_index.regions}
    inputs = {display_name(d.file): d.sha256 for d in documents}
    for document in loaded.project_documents:
        inputs[display_name(document.file)] = document.sha256
    report = MonitorReport(
        monitoring, language, date.isoformat(), dict(sorted(inputs.items())), names
    )
    write_or_exit(render("monitor", output_format.value, report), output, language)
