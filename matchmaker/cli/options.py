"""Options shared by several commands, and how their defaults are chosen."""

from __future__ import annotations

import datetime as dt
import locale
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class LanguageChoice(StrEnum):
    ko = "ko"
    en = "en"


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


LangOption = Annotated[
    LanguageChoice | None,
    typer.Option(
        "--lang", help="Language of messages (default: $MATCHMAKER_LANG, then the locale)."
    ),
]
DiagnosticFormatOption = Annotated[
    DiagnosticFormat | None,
    typer.Option(
        "--format", "-f", help="Output format (default: text; github inside GitHub Actions)."
    ),
]


def resolve_language(choice: LanguageChoice | None) -> str:
    if choice is not None:
        return choice.value
    configured = os.environ.get("MATCHMAKER_LANG", "").strip().lower()
    if configured in ("ko", "en"):
        return configured
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    current = locale.getlocale()[0] or ""
    return "ko" if current.lower().startswith("ko") else "en"


def resolve_diagnostic_format(choice: DiagnosticFormat | None) -> str:
    if choice is not None:
        return choice.value
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text"


CatalogOption = Annotated[
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
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file (atomically) instead of printing.",
        dir_okay=False,
        show_default=False,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        help="Check as of this date, YYYY-MM-DD (default: today).",
        show_default=False,
    ),
]


def resolve_today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date like 2026-03-31", param_hint="--today"
        ) from None


# Allocation options shared by `allocate` and `report`, so both read the same words.
BudgetOption = Annotated[
    int | None,
    typer.Option(
        "--budget", metavar="KRW", min=0, help="Seoul's total budget, KRW.", show_default=False
    ),
]
MinPerProvinceOption = Annotated[
    int,
    typer.Option(
        "--min-per-province", metavar="N", min=0, help="Assignments every province gets at least."
    ),
]
MinDeclineShareOption = Annotated[
    float,
    typer.Option(
        "--min-decline-share",
        metavar="SHARE",
        min=0,
        max=1,
        help="Minimum share of assignments to population-decline areas.",
    ),
]
MinDeclineKrwShareOption = Annotated[
    float,
    typer.Option(
        "--min-decline-krw-share",
        metavar="SHARE",
        min=0,
        max=1,
        help="Minimum share of KRW to population-decline areas.",
    ),
]
MaxRegionShareOption = Annotated[
    float,
    typer.Option(
        "--max-region-share",
        metavar="SHARE",
        min=0,
        max=1,
        help="Maximum share of assignments for any one region.",
    ),
]


# Numbers a command accepts are bounded, so `inf`, `nan`, `1e300` or a negative seed are
# usage errors with the range, never a crash deep in the solver.
MAX_SECONDS = 86_400.0
MAX_SEED = 2**32 - 1
MAX_DRAWS = 1_000_000
MAX_BONUS = 100.0
SeedOption = Annotated[
    int,
    typer.Option("--seed", metavar="N", min=0, max=MAX_SEED, help="Seed of the draws (0 or more)."),
]
IncludeExpiredOption = Annotated[
    bool,
    typer.Option(
        "--include-expired",
        help="Also rank proposals whose valid_until is before --today (left out by default).",
    ),
]
HistoryOption = Annotated[
    Path | None,
    typer.Option(
        "--history",
        metavar="DIR",
        help="A records folder of earlier rounds (records/ROUND/…): adds each pair's track "
        "record to long-term value. Never read unless given.",
        exists=True,
        file_okay=False,
        show_default=False,
    ),
]
