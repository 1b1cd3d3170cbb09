"""`matchmaker regions [QUERY]`: find a region's code by code, name, typo or initial consonants."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import LangOption, TodayOption, resolve_language, resolve_today
from matchmaker.render.registry import RegionsFormat

if TYPE_CHECKING:
    from matchmaker.regions import Region

# Piped output is read whole or by tools; never squeeze a table to a guessed 80 columns.
PIPED_WIDTH = 200

_NO_MATCH = {
    "ko": "'{query}'에 맞는 지역이 없습니다. 코드, 한글·영문 이름이나 초성(ㅇㅈㄱ)으로 "
    "찾아 보세요.",
    "en": "no region matches '{query}'; try a code, a Korean or English name, or initial "
    "consonants (ㅇㅈㄱ).",
}


def regions(
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="QUERY",
            help="Code, Korean or English name (typos allowed), or initial consonants such as "
            "ㅇㅈㄱ. Without it, every region is listed.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        RegionsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RegionsFormat.table,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", metavar="N", min=0, help="Show at most this many matches (0 = all)."
        ),
    ] = 20,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            metavar="DIR",
            help="Catalog folder (default: the bundled catalog).",
            exists=True,
            file_okay=False,
            dir_okay=True,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """Find regions by code, name, misspelt name or initial consonants, with their codes.

    Without a query, the regions in force on --today are listed; a search also finds the
    abolished ones (Incheon's 중구, 동구, 서구), marked with what replaced them."""
    from matchmaker.cli.shell import catalog_or_exit

    language = resolve_language(lang)
    loaded = catalog_or_exit(catalog, language, output_format.value)
    index = loaded.region_index
    day = resolve_today(today)
    if query is None:
        found: list[tuple[Region, float | None]] = [
            (region, None) for region in index.in_force(day)
        ]
    else:
        found = list(index.search(query, limit=limit or None))
    if found or output_format is RegionsFormat.json:
        from matchmaker.cli.shell import write_or_exit
        from matchmaker.inputs import display_name
        from matchmaker.render.regions import RegionsReport
        from matchmaker.render.registry import render

        regions_file = loaded.documents["regions"]
        inputs = {display_name(regions_file.file): regions_file.sha256}
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else PIPED_WIDTH
        report = RegionsReport(query, found, language, inputs, width)
        write_or_exit(render("regions", output_format.value, report), None, language)
    if not found:
        message = _NO_MATCH[language].format(query=(query or "")[:100])
        sys.stderr.write(message + "\n")
        raise typer.Exit(1)
