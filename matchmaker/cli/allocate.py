"""`matchmaker allocate`: choose the portfolio under capacities, budgets and fairness."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    HistoryOption,
    IncludeExpiredOption,
    LangOption,
    OutputOption,
    TodayOption,
)
from matchmaker.cli.portfolio import DEFAULT_FLAGS, PortfolioFlags, takes_portfolio_options
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import AllocateFormat

if TYPE_CHECKING:
    from matchmaker.allocation.report import AllocationResult
    from matchmaker.answers import Recording
    from matchmaker.cli.shell import RunOptions
    from matchmaker.records.keep import KeptDecision


def _kept_or_exit(
    path: Path | None, keys: set[str], projects: set[str], language: str
) -> KeptDecision | None:
    """The decision to keep, loaded and checked (its errors: exit 1), or None."""
    if path is None:
        return None
    from matchmaker.cli.report import emit_diagnostics
    from matchmaker.loading.documents import load_file
    from matchmaker.models import Decision
    from matchmaker.records.keep import keep_decision

    document = load_file(path, kinds=frozenset({"decision"}))
    if not document.ok or not isinstance(document.model, Decision):
        sources = {document.file: document.text} if document.text is not None else {}
        emit_diagnostics([document.file], document.diagnostics, sources, "text", language)
        raise typer.Exit(1)
    return keep_decision(document.model, str(path), keys, projects)


def _say_kept(kept: KeptDecision, result: AllocationResult, language: str) -> str:
    from matchmaker.messages import say

    decided = set(kept.kept) | {(d, p) for d, p, _ in kept.not_kept}
    added = {(a.demand_key, a.project) for a in result.assignments} - decided
    lines = [
        say(
            language,
            f"kept {len(kept.kept)} pair(s) of round {kept.round}'s decision; "
            f"{len(kept.not_kept)} could not be kept; {len(added)} added"
            f" by the re-run",
            f"{kept.round}년 회차 결정의 짝 {len(kept.kept)}건을 유지했습니다. 유지하지 못한 짝 "
            f"{len(kept.not_kept)}건, 새로 배정된 짝 {len(added)}건",
        )
    ]
    lines += [f"  - {d} = {p}: {why}" for d, p, why in kept.not_kept]
    text = "\n".join(lines) + "\n"
    typer.echo(text, err=True, nl=False)
    return text


@takes_portfolio_options
def allocate(
    ctx: typer.Context,
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    flags: PortfolioFlags = DEFAULT_FLAGS,
    output_format: Annotated[AllocateFormat, typer.Option("--format", "-f")] = (
        AllocateFormat.table
    ),
    output: OutputOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
    history: HistoryOption = None,
    keep: Annotated[
        Path | None,
        typer.Option(
            "--keep",
            metavar="DECISION.yaml",
            help="A decision file (records/ROUND/decision.yaml) whose pairs stay fixed; the "
            "rest is re-optimised and what changed is reported.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    alternates: Annotated[
        int,
        typer.Option(
            "--alternates",
            metavar="N",
            min=0,
            max=50,
            help="List the next N projects for each demand and the next N demands for each "
            "project, with scores (JSON: 'alternates').",
        ),
    ] = 0,
) -> None:
    """Choose the projects for all demands at once, and say why each got what it got."""
    # --time-limit bounds the whole command: loading, scoring and model building count.
    started = time.monotonic()
    from matchmaker.cli.shell import RunOptions, answer_or_run

    run = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang,
        today=today,
        output_format=output_format.value,
        output=output,
        include_expired=include_expired,
        history=history,
    )
    # What is found within --time-limit depends on the machine's speed: such a run is
    # never given a kept answer, nor keeps its own. --keep's decision is read too.
    answer_or_run(
        ctx,
        run,
        lambda recording: _allocate(recording, run, flags, keep, alternates, started),
        [keep] if keep is not None else [],
        timed=flags.time_limit is not None,
    )


def _allocate(
    recording: Recording,
    run: RunOptions,
    flags: PortfolioFlags,
    keep: Path | None,
    alternates: int,
    started: float,
) -> None:
    """Load, score, solve and write the portfolio, keeping the answer in `recording`."""
    from matchmaker.allocation.report import allocate as allocate_portfolio
    from matchmaker.cli.portfolio import portfolio_or_exit, refusals_exit
    from matchmaker.cli.shell import build_inputs, write_kept
    from matchmaker.render.allocation import AllocationReport
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

    language, output = run.language, run.output
    inputs = build_inputs(run, recording)
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    kept = _kept_or_exit(keep, {r.key for r in records}, set(inputs.catalog.projects), language)
    # A kept decision's pairs are locks like any other, checked and resolved the same way.
    options, carried = portfolio_or_exit(
        inputs,
        flags,
        language,
        started=started,
        kept_round=kept.round if kept else None,
        extra_locks=[f"{d}={p}" for d, p in kept.kept] if kept else (),
    )
    scores = score(inputs.catalog, records, inputs.profile, inputs.history)
    with refusals_exit(options, language):
        result = allocate_portfolio(scores, options, language)
    option_values = options.as_json(history=inputs.history is not None)
    extra: dict[str, object] = {}
    if kept is not None:
        extra["kept_decision"] = kept.report(result)
        recording.shown(_say_kept(kept, result, language))
    if carried is not None:
        from matchmaker.records.reserve import carried_json

        extra["reserve_carried"] = carried_json(carried, options.reserve_priority)
    if alternates:
        from matchmaker.allocation.alternates import alternates as find_alternates

        extra["alternates"] = find_alternates(scores, result, alternates)
    report = AllocationReport(
        result, language, inputs.profile, inputs.input_hashes(), option_values, extra
    )
    write_kept(recording, render("allocate", run.output_format, report), output, language, inputs)
