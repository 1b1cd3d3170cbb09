"""`matchmaker record decision`: the round's decision, written from a saved allocation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import LangOption, resolve_language
from matchmaker.messages import pick

record_app = typer.Typer(
    name="record",
    help="Record what a round decided (records/ROUND/).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

MESSAGES = {
    "changed": (
        "{path}: the allocation's inputs no longer match their files, so its pairs cannot be "
        "reproduced; run allocate again and record the new output:",
        "{path}: 배정 결과의 입력이 지금 파일과 달라 그 짝을 재현할 수 없습니다. allocate를 다시 "
        "실행해 새 결과를 기록하세요:",
    ),
    "missing": ("  {name}: missing", "  {name}: 없음"),
    "content": ("  {name}: content changed", "  {name}: 내용이 바뀜"),
    "exists": (
        "{path} already exists; add --force to replace the recorded decision",
        "{path}이(가) 이미 있습니다. 기록된 결정을 바꾸려면 --force를 붙이세요",
    ),
    "wrote": (
        "wrote {path}: {pairs} funded pair(s), {reserve} on the reserve list",
        "{path}을(를) 썼습니다: 지원 {pairs}건, 예비 {reserve}건",
    ),
}

RoundOption = Annotated[
    int,
    typer.Option(
        "--round", metavar="YEAR", min=1900, max=2100, help="The round (a year) being recorded."
    ),
]
RecordsOption = Annotated[
    Path,
    typer.Option(
        "--records",
        metavar="DIR",
        help="The records folder; the decision goes to RECORDS/ROUND/decision.yaml.",
        file_okay=False,
    ),
]


def _say(key: str, language: str, **values: object) -> str:
    return pick(MESSAGES, key, language, **values)


@record_app.command("decision")
def decision(
    allocation: Annotated[
        Path,
        typer.Argument(
            help="A saved 'matchmaker allocate --format json' output.",
            exists=True,
            dir_okay=False,
            metavar="ALLOCATE.json",
        ),
    ],
    round_: RoundOption,
    records: RecordsOption = Path("records"),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write here instead of RECORDS/ROUND/decision.yaml ('-': standard output).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    decided: Annotated[
        str | None,
        typer.Option(
            "--decided",
            metavar="YYYY-MM-DD",
            help="Date of the decision (YYYY-MM-DD).",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="A note kept in the file.", show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a decision already recorded.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Write the round's decision (funded pairs, amounts, reserve list, input hashes) from
    a saved allocation, refusing one whose input files have changed since."""
    from matchmaker.cli.options import resolve_today
    from matchmaker.cli.shell import write_or_exit
    from matchmaker.records import RecordError, changed_inputs, decision_from_allocation
    from matchmaker.records.decision import reserve_titles
    from matchmaker.saved_runs import UnreadableRun, read_saved_run

    language = resolve_language(lang)
    date = resolve_today(decided) if decided is not None else None
    try:
        document, _ = read_saved_run(allocation)
        titles = reserve_titles(
            document.get("inputs") if isinstance(document, dict) else None, Path.cwd()
        )
        recorded = decision_from_allocation(document, round_, date, note, titles)
    except UnreadableRun as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from None
    except RecordError as error:
        typer.echo(f"{allocation}: {error.say(language)}", err=True)
        raise typer.Exit(1) from None
    made, text = recorded.decision, recorded.text
    changed = changed_inputs(made.inputs, Path.cwd())
    if changed:
        lines = [_say("changed", language, path=allocation)]
        lines += [
            _say("missing" if c.state == "missing" else "content", language, name=c.name)
            for c in changed
        ]
        typer.echo("\n".join(lines), err=True)
        raise typer.Exit(1)
    if output is not None and str(output) == "-":
        write_or_exit(text, None, language)
        return
    target = output if output is not None else records / str(round_) / "decision.yaml"
    if output is None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            typer.echo(f"{target.parent}: {error.strerror or error}", err=True)
            raise typer.Exit(1) from None
    try:
        write_or_exit(text, target, language, overwrite=force)
    except FileExistsError:
        typer.echo(_say("exists", language, path=target), err=True)
        raise typer.Exit(1) from None
    sys.stderr.write(
        _say("wrote", language, path=target, pairs=len(made.pairs), reserve=len(made.reserve))
        + "\n"
    )
