"""`matchmaker new proposal` and `new result`: a commented file to fill in."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    LangOption,
    LanguageChoice,
    OutputOption,
    resolve_language,
)
from matchmaker.messages import pick
from matchmaker.render.registry import ProposalFormat

if TYPE_CHECKING:
    from pathlib import Path

    from matchmaker.catalog import Catalog
    from matchmaker.regions import Region, Resolution

new_app = typer.Typer(
    name="new",
    help="Start a new file to fill in.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

_MESSAGES = {
    "seoul": {
        "ko": "{name}은(는) 서울입니다. 서울과 자치구는 이 사업의 협력 주체이지 수혜 지역이 "
        "아닙니다. 서울 밖의 시·군·구를 고르세요.",
        "en": "{name} is in Seoul: Seoul and its gu are partners in these projects, not "
        "beneficiaries; choose a region outside Seoul.",
    },
    "ambiguous": {
        "ko": "'{query}'에 해당하는 지역이 {count}곳입니다. 코드로 하나를 고르세요:",
        "en": "'{query}' names {count} regions; choose one by its code:",
    },
    "not-found": {
        "ko": "'{query}'(이)라는 지역을 찾을 수 없습니다.",
        "en": "no region is called '{query}'.",
    },
    "did-you-mean": {"ko": "혹시 이 지역인가요?", "en": "did you mean:"},
    "retry": {
        "ko": "예: matchmaker new proposal --region {code}   "
        "(지역 찾기: matchmaker regions {query})",
        "en": "e.g. matchmaker new proposal --region {code}   (search: matchmaker regions {query})",
    },
    "search": {
        "ko": "지역 찾기: matchmaker regions {query}",
        "en": "search for it: matchmaker regions {query}",
    },
    "exists": {
        "ko": "{path}이(가) 이미 있습니다. 덮어쓰려면 --force를 붙이세요.",
        "en": "{path} already exists; add --force to overwrite it.",
    },
    "same-file": {
        "ko": "--output {path}은(는) 스키마 파일 이름입니다. 다른 이름을 쓰세요.",
        "en": "--output {path} is the schema file's name; choose another name.",
    },
    "wrote": {
        "ko": "{path}을(를) 만들었습니다{schema}. 빈칸을 채운 뒤 확인하세요: "
        "matchmaker validate {path}",
        "en": "wrote {path}{schema}. Fill in the blanks, then check it: matchmaker validate {path}",
    },
    "with-schema": {"ko": " (편집기용 스키마: {schema})", "en": " (and {schema} for editors)"},
    "wrote-workbook": {
        "ko": "{path}을(를) 만들었습니다. '안내' 시트를 보고 채운 뒤 확인하세요: "
        "matchmaker validate {path}",
        "en": "wrote {path}. Fill it in (the '안내' sheet explains each field), then check it: "
        "matchmaker validate {path}",
    },
}


def _say(key: str, language: str, **values: object) -> str:
    return pick(_TABLE, key, language, **values)


_TABLE = {key: (texts["en"], texts["ko"]) for key, texts in _MESSAGES.items()}


def _shell_word(text: str) -> str:
    # Quoted only when needed, so `matchmaker regions 중구` stays readable.
    return shlex.quote(text) if re.search(r"[^\w\-.,/]", text) else text


@new_app.command("proposal")
def proposal(
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            "-r",
            metavar="REGION",
            help="The region: code, Korean or English name (e.g. 완주군, 52710). "
            "Without it, the region is left blank to fill in.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="YEAR",
            min=2000,
            max=2090,
            help="Year for the suggested id (default: this year).",
            show_default=False,
        ),
    ] = None,
    schema_file: Annotated[
        bool,
        typer.Option(
            "--schema-file/--no-schema-file",
            help="With --output, also write "
            "proposal.schema.json beside it, for the editor modeline on the first line.",
        ),
    ] = True,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --output if it exists.")
    ] = False,
    catalog: CatalogOption = None,
    lang: LangOption = None,
    output_format: Annotated[
        ProposalFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="yaml (a commented file) or xlsx (an Excel workbook with a guide sheet and "
            "dropdowns). Default: from the --output name, else yaml.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a proposal to fill in: a commented YAML file, or an Excel workbook
    (--format xlsx) with a guide sheet, dropdowns and input messages. Korean first."""
    import datetime as dt

    from matchmaker.cli.shell import catalog_or_exit, write_or_exit
    from matchmaker.schema import build_schema, render_schema
    from matchmaker.templates import SCHEMA_FILE_NAME, proposal_template

    language = resolve_language(lang)
    loaded = catalog_or_exit(catalog, language)
    index = loaded.region_index
    chosen = None if region is None else _resolve_or_exit(index.resolve(region), language)
    if chosen is not None and chosen.province_code == "11":
        sys.stderr.write(_say("seoul", language, name=chosen.display(language)) + "\n")
        raise typer.Exit(2)
    chosen_year = year if year is not None else dt.date.today().year
    if _format(output_format, output) == "xlsx":
        _workbook(chosen, chosen_year, loaded, output, force, lang, language)
        return
    text = proposal_template(
        year=chosen_year,
        region=chosen,
        regions=index.regions,
        themes=loaded.themes.themes,
        file_name=output.name if output is not None else None,
    )
    if output is None:
        write_or_exit(text, None, language)
        return
    schema_path = output.parent / SCHEMA_FILE_NAME
    if schema_file and output.name == SCHEMA_FILE_NAME:
        sys.stderr.write(_say("same-file", language, path=output) + "\n")
        raise typer.Exit(2)
    try:
        write_or_exit(text, output, language, overwrite=force)
    except FileExistsError:
        sys.stderr.write(_say("exists", language, path=output) + "\n")
        raise typer.Exit(1) from None
    note = ""
    if schema_file:
        # Derived from the catalog, so replacing an older copy only brings it up to date.
        write_or_exit(render_schema(build_schema("proposal", loaded)), schema_path, language)
        note = _say("with-schema", language, schema=schema_path)
    sys.stderr.write(_say("wrote", language, path=output, schema=note) + "\n")


def _format(chosen: ProposalFormat | None, output: Path | None) -> str:
    if chosen is not None:
        return chosen.value
    return "xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "yaml"


def _workbook(
    region: Region | None,
    year: int,
    catalog: Catalog,
    output: Path | None,
    force: bool,
    lang: LanguageChoice | None,
    language: str,
) -> None:
    """The workbook template: id and region filled in, no demands yet (so an unfinished
    workbook never validates). Its sheets are Korean unless English is asked for."""
    import os

    from matchmaker.cli.shell import write_or_exit
    from matchmaker.proposal_workbook import proposal_workbook
    from matchmaker.templates import proposal_id

    english = lang == LanguageChoice.en or (
        lang is None and os.environ.get("MATCHMAKER_LANG", "").strip().lower() == "en"
    )
    blank: dict[str, object] = {}
    if region is not None:
        regions = catalog.region_index.regions
        blank = {"id": proposal_id(year, region, regions), "region": region.display("ko")}
    import datetime as dt

    data = proposal_workbook(
        blank,
        # The dropdown offers the regions that exist today, not Incheon's abolished gu.
        regions=catalog.region_index.in_force(dt.date.today()),
        words=catalog.words,
        language="en" if english else "ko",
        file_name=output.name if output is not None else "제안서.xlsx",
    )
    try:
        write_or_exit(data, output, language, overwrite=force)
    except FileExistsError:
        sys.stderr.write(_say("exists", language, path=output) + "\n")
        raise typer.Exit(1) from None
    if output is not None:
        sys.stderr.write(_say("wrote-workbook", language, path=output) + "\n")


def _resolve_or_exit(resolution: Resolution, language: str) -> Region:
    """The one region named, or exit 2 (a usage error, as --region is in every command)
    listing the candidates so the user can pick."""
    if resolution.region is not None:
        return resolution.region
    query = resolution.query
    lines: list[str] = []
    if resolution.status == "ambiguous":
        lines.append(_say("ambiguous", language, query=query, count=len(resolution.candidates)))
    else:
        lines.append(_say("not-found", language, query=query))
        if resolution.candidates:
            lines.append(_say("did-you-mean", language))
    lines += [
        f"  {candidate.code:<6} {candidate.display(language)}"
        for candidate in resolution.candidates
    ]
    if resolution.candidates:
        lines.append(
            _say("retry", language, code=resolution.candidates[0].code, query=_shell_word(query))
        )
    else:
        lines.append(_say("search", language, query=_shell_word(query)))
    sys.stderr.write("\n".join(lines) + "\n")
    raise typer.Exit(2)


@new_app.command("result")
def result(
    demand: Annotated[
        str,
        typer.Option(
            "--demand",
            metavar="PROPOSAL/DEMAND",
            help="The funded demand, PROPOSAL/DEMAND.",
            show_default=False,
        ),
    ],
    round_: Annotated[
        int,
        typer.Option(
            "--round", metavar="YEAR", min=1900, max=2100, help="The round that funded it (a year)."
        ),
    ],
    year: Annotated[
        int,
        typer.Option(
            "--year", metavar="YEAR", min=1900, max=2100, help="The year the results are for."
        ),
    ],
    project: Annotated[
        str | None,
        typer.Option(
            "--project",
            metavar="PROJECT",
            help="The project (default: the one the decision gave the demand).",
            show_default=False,
        ),
    ] = None,
    records: Annotated[
        Path,
        typer.Option(
            "--records",
            metavar="DIR",
            help="The records folder (RECORDS/ROUND/decision.yaml).",
            file_okay=False,
        ),
    ] = Path("records"),
    output: OutputOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --output if it exists.")
    ] = False,
    catalog: CatalogOption = None,
    lang: LangOption = None,
) -> None:
    """Write a result file to fill in for one funded pair and year (by default
    RECORDS/ROUND/results/PROPOSAL.DEMAND.YEAR.yaml; '--output -' prints it)."""
    from matchmaker.cli.report import emit_diagnostics
    from matchmaker.cli.shell import catalog_or_exit, usage_error, write_or_exit
    from matchmaker.loading.documents import load_file
    from matchmaker.models import Decision
    from matchmaker.records import RecordError, result_template

    language = resolve_language(lang)
    loaded = catalog_or_exit(catalog, language)
    path = records / str(round_) / "decision.yaml"
    if not path.is_file():
        usage_error(pick(_RESULT, "no-decision", language, path=path, round=round_))
    document = load_file(path, kinds=frozenset({"decision"}))
    if not isinstance(document.model, Decision) or not document.ok:
        sources = {document.file: document.text} if document.text is not None else {}
        emit_diagnostics([document.file], document.diagnostics, sources, "text", language)
        raise typer.Exit(1)
    try:
        text = result_template(document.model, demand, project, year, loaded.indicators)
    except RecordError as error:
        usage_error(error.say(language))
    if output is not None and str(output) == "-":
        write_or_exit(text, None, language)
        return
    if output is None:
        proposal_id, _, demand_id = demand.partition("/")
        output = records / str(round_) / "results" / f"{proposal_id}.{demand_id}.{year}.yaml"
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            sys.stderr.write(f"{output.parent}: {error.strerror or error}\n")
            raise typer.Exit(1) from None
    try:
        write_or_exit(text, output, language, overwrite=force)
    except FileExistsError:
        sys.stderr.write(_say("exists", language, path=output) + "\n")
        raise typer.Exit(1) from None
    sys.stderr.write(pick(_RESULT, "wrote", language, path=output) + "\n")


_RESULT = {
    "no-decision": (
        "no decision recorded for round {round}: {path} is missing "
        "(write it with 'matchmaker record decision ALLOCATE.json --round {round}')",
        "{round}년 회차의 결정이 없습니다: {path}이(가) 없습니다"
        "('matchmaker record decision ALLOCATE.json --round {round}'로 쓰세요)",
    ),
    "wrote": (
        "wrote {path}. Fill in the indicators, then check it: matchmaker check",
        "{path}을(를) 만들었습니다. 지표를 채운 뒤 확인하세요: matchmaker check",
    ),
}
