"""`matchmaker regions [QUERY]`: find a region's code by code, name, typo or initial consonants."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import LangOption, resolve_language

if TYPE_CHECKING:
    from matchmaker.regions import Region

# Piped output is read whole or by tools; never squeeze a table to a guessed 80 columns.
PIPED_WIDTH = 200

_HEADERS = {
    "ko": ("코드", "이름", "영문 이름", "종류", "시·도", "인구감소"),
    "en": ("code", "Korean name", "English name", "kind", "province", "decline"),
}
_DECLINE_MARK = {"ko": "예", "en": "yes"}
_NO_MATCH = {
    "ko": "'{query}'에 맞는 지역이 없습니다. 코드, 한글·영문 이름이나 초성(ㅇㅈㄱ)으로 "
    "찾아 보세요.",
    "en": "no region matches '{query}'; try a code, a Korean or English name, or initial "
    "consonants (ㅇㅈㄱ).",
}


class RegionsFormat(StrEnum):
    table = "table"
    json = "json"


def regions(
    query: Annotated[
        str | None,
        typer.Argument(
            help="Code, Korean or English name (typos allowed), or initial consonants such as "
            "ㅇㅈㄱ. Without it, every region is listed.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        RegionsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RegionsFormat.table,
    limit: Annotated[
        int, typer.Option("--limit", min=0, help="Show at most this many matches (0 = all).")
    ] = 20,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            help="Catalog folder (default: the bundled catalog).",
            exists=True,
            file_okay=False,
            dir_okay=True,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Find regions by code, name, misspelt name or initial consonants, with their codes."""
    from matchmaker.cli.shell import catalog_or_exit

    language = resolve_language(lang)
    loaded = catalog_or_exit(catalog, language, output_format.value)
    index = loaded.region_index
    if query is None:
        found: list[tuple[Region, float | None]] = [(region, None) for region in index.regions]
    else:
        found = list(index.search(query, limit=limit or None))
    if output_format is RegionsFormat.json:
        from matchmaker.inputs import display_name

        regions_file = loaded.documents["regions"]
        inputs = {display_name(regions_file.file): regions_file.sha256}
        sys.stdout.write(_as_json(query, found, inputs))
    elif found:
        _print_table(found, language, grouped=query is None)
    if not found:
        message = _NO_MATCH[language].format(query=(query or "")[:100])
        sys.stderr.write(message + "\n")
        raise typer.Exit(1)


def _as_json(
    query: str | None, found: list[tuple[Region, float | None]], inputs: dict[str, str]
) -> str:
    from matchmaker.render.envelope import envelope, to_json

    return to_json(
        envelope(
            inputs,
            {
                "query": query,
                "regions": [
                    {
                        "code": region.code,
                        "name": {"ko": region.name_ko, "en": region.name_en},
                        "kind": region.kind,
                        "province": {
                            "code": region.province_code,
                            "name": {"ko": region.province_name_ko, "en": region.province_name_en},
                        },
                        "population_decline": region.population_decline,
                        "score": score,
                    }
                    for region, score in found
                ],
            },
        )
    )


def _print_table(found: list[tuple[Region, float | None]], language: str, grouped: bool) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in _HEADERS[language]:
        table.add_column(header, no_wrap=True)
    for position, (region, _score) in enumerate(found):
        following = found[position + 1][0] if position + 1 < len(found) else None
        # The full list reads as one block per province; a ranked list stays one block.
        end_section = (
            grouped and following is not None and (following.province_code != region.province_code)
        )
        table.add_row(
            region.code,
            region.name_ko,
            region.name_en,
            region.kind,
            "" if region.is_province else region.province_name(language),
            _DECLINE_MARK[language] if region.population_decline else "",
            end_section=end_section,
        )
    # Created here, not at import, so it writes to whatever stdout is now (tests swap it).
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else PIPED_WIDTH)
    console.print(table)
