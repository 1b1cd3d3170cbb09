"""`regions` output: the regions found, as a table or JSON."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from matchmaker.regions import Region
from matchmaker.render.envelope import envelope, to_json

_HEADERS = {
    "ko": ("코드", "이름", "영문 이름", "종류", "시·도", "인구감소"),
    "en": ("code", "Korean name", "English name", "kind", "province", "decline"),
}
_DECLINE_MARK = {"ko": "예", "en": "yes"}
_NOTE_HEADER = {"ko": "비고", "en": "note"}


def _note(region: Region, language: str) -> str:
    """Why a row needs a second look: abolished, created late, or a code not from MOIS."""
    parts: list[str] = []
    if region.valid_until is not None:
        after = ", ".join(region.successors)
        parts.append(
            f"{region.valid_until} 폐지 → {after}"
            if language == "ko"
            else f"abolished after {region.valid_until} → {after}"
        )
    if region.valid_from is not None:
        parts.append(
            f"{region.valid_from} 신설" if language == "ko" else f"created {region.valid_from}"
        )
    if region.code_inferred:
        parts.append("코드 추정" if language == "ko" else "code inferred")
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class RegionsReport:
    """What `regions` writes: the query, the regions found (with their match scores), the
    regions file's hash, and the terminal width (None: as wide as the terminal)."""

    query: str | None
    found: list[tuple[Region, float | None]]
    language: str
    inputs: dict[str, str]
    width: int  # columns: the terminal's, or a wide fixed width when piped


def render_json(report: RegionsReport) -> str:
    return to_json(
        envelope(
            report.inputs,
            {
                "query": report.query,
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
                        "valid_from": _iso(region.valid_from),
                        "valid_until": _iso(region.valid_until),
                        "successors": list(region.successors),
                        "code_inferred": region.code_inferred,
                        "score": score,
                    }
                    for region, score in report.found
                ],
            },
        )
    )


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def render_table(report: RegionsReport) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    found, language = report.found, report.language
    grouped = report.query is None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in _HEADERS[language]:
        table.add_column(header, no_wrap=True)
    notes = [_note(region, language) for region, _score in found]
    if any(notes):
        table.add_column(_NOTE_HEADER[language])
    for position, (region, _score) in enumerate(found):
        following = found[position + 1][0] if position + 1 < len(found) else None
        # The full list reads as one block per province; a ranked list stays one block.
        end_section = (
            grouped and following is not None and (following.province_code != region.province_code)
        )
        table.add_row(
            region.code,
            Text(region.name_ko),  # names from the regions file, never rich markup
            Text(region.name_en),
            region.kind,
            "" if region.is_province else region.province_name(language),
            _DECLINE_MARK[language] if region.population_decline else "",
            *([notes[position]] if any(notes) else []),
            end_section=end_section,
        )
    buffer = io.StringIO()
    console = Console(file=buffer, width=report.width, force_terminal=False, color_system=None)
    console.print(table)
    return buffer.getvalue()
