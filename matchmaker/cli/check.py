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
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    output_format: DiagnosticFormatOption = None,
    lang: LangOption = None,
    catalog: CatalogOption = None,
    today: TodayOption = None,
    bundled_only: Annotated[
        bool,
        typer.Option(
            "--bundled",
            help="Check the bundled catalog and examples even where this folder holds none "
            "of its own (in CI, checking only them needs this).",
        ),
    ] = False,
) -> None:
    """Check the catalog and proposals for consistency: ids, references, numbers, dates.

    Without files or --catalog it checks this folder's own matchmaker files (a `catalog/`
    with regions.yaml, `proposals/`, `profiles/` and `records/` folders). Where there are
    none it checks the bundled data and says so; under CI that is a usage error unless
    --bundled, since a pass would say nothing about the repository's own files."""
    import os

    from matchmaker import bundled
    from matchmaker.cli.report import emit_diagnostics
    from matchmaker.cli.shell import usage_error
    from matchmaker.messages import say
    from matchmaker.validation import check_catalog

    language = resolve_language(lang)
    paths = list(files or [])
    if catalog is None and not paths and not bundled_only:
        here = Path.cwd()
        if (here / "catalog" / "regions.yaml").is_file():
            catalog = here / "catalog"
        paths = [
            here / name for name in ("proposals", "profiles", "records") if (here / name).is_dir()
        ]
        if catalog is None and not paths:
            if os.environ.get("CI", "").lower() in ("true", "1"):
                usage_error(
                    say(
                        language,
                        "check: this folder holds no catalog/, proposals/ or profiles/ to check; "
                        "name the files, or pass --bundled to check only the bundled data",
                        "check: 이 폴더에 확인할 catalog/, proposals/, profiles/가 없습니다. "
                        "파일을 지정하거나 기본 제공 자료만 확인하려면 --bundled를 쓰세요",
                    )
                )
            typer.echo(
                say(
                    language,
                    "note: no catalog/, proposals/ or profiles/ here: checked the bundled catalog "
                    "and examples only",
                    "참고: 이 폴더에 catalog/, proposals/, profiles/가 없어 기본 제공 카탈로그와 "
                    "예시만 확인했습니다",
                ),
                err=True,
            )
    if catalog is None and not paths:
        paths = [bundled.proposals_dir(), bundled.profiles_dir()]
    result = check_catalog(catalog or bundled.catalog_dir(), paths, resolve_today(today))
    code = emit_diagnostics(
        result.files,
        result.diagnostics,
        result.sources,
        resolve_diagnostic_format(output_format),
        language,
        result.input_hashes(),
    )
    raise typer.Exit(code)
