"""`matchmaker rank`: rank projects for each demand (or demands for each project)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
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
from matchmaker.render.registry import RankFormat

if TYPE_CHECKING:
    from matchmaker.answers import Recording
    from matchmaker.cli.shell import RunOptions

# Pairs scored at once. A chunk holds ~750 bytes a pair at its peak, so 256,000 pairs stay
# near 200 MB above the loaded documents whatever the catalog's size: at 10,000 × 1,000,
# 256 demands a chunk peaked at 451 MiB against 649 MiB with stream.CHUNK's 512, in the
# same time (the scores are the same to the bit for any chunk size).
PAIRS_PER_CHUNK = 256_000


class GroupBy(StrEnum):
    demand = "demand"
    project = "project"


ProposalsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Proposal files or folders (default: the bundled example proposals).",
        exists=True,
        readable=False,
        metavar="PROPOSAL",
        show_default=False,
    ),
]
ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        help="Scoring profile: a file, or the name of a bundled one (default, "
        "long-term-first, decline-areas). Default: the study's weighting.",
        show_default=False,
        metavar="FILE|NAME",
    ),
]


def rank(
    ctx: typer.Context,
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    top: Annotated[
        int, typer.Option("--top", metavar="N", min=0, help="Matches per group; 0 = all.")
    ] = 3,
    by: Annotated[GroupBy, typer.Option("--by", help="Group by demand or by project.")] = (
        GroupBy.demand
    ),
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            metavar="REGION",
            help="Only demands from this region (code or name); repeatable.",
            show_default=False,
        ),
    ] = None,
    project: Annotated[
        list[str] | None,
        typer.Option(
            "--project",
            metavar="PROJECT",
            help="Only this project id; repeatable.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[RankFormat, typer.Option("--format", "-f")] = RankFormat.table,
    output: OutputOption = None,
    include_ineligible: Annotated[
        bool, typer.Option("--include-ineligible", help="Also list excluded pairs with the reason.")
    ] = False,
    only_no_suitable: Annotated[
        bool,
        typer.Option(
            "--no-suitable",
            help="Only the demands no project fits well enough (below the "
            "profile's fit_threshold), with their closest projects.",
        ),
    ] = False,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
    history: HistoryOption = None,
) -> None:
    """Rank Seoul's projects for each region's demand, with scores and reasons."""
    from matchmaker.cli.shell import RunOptions, answer_or_run

    options = RunOptions.of(
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
    answer_or_run(
        ctx,
        options,
        lambda recording: _rank(
            recording,
            options,
            top=top,
            by=by,
            region=region,
            project=project,
            include_ineligible=include_ineligible,
            only_no_suitable=only_no_suitable,
        ),
    )


def _rank(
    recording: Recording,
    options: RunOptions,
    *,
    top: int,
    by: GroupBy,
    region: list[str] | None,
    project: list[str] | None,
    include_ineligible: bool,
    only_no_suitable: bool,
) -> None:
    """Load, score and write the ranking, keeping the answer in `recording`."""
    from matchmaker.cli.shell import (
        build_inputs,
        project_ids_or_exit,
        region_codes_or_exit,
        write_kept,
    )
    from matchmaker.loading.pause import gc_paused
    from matchmaker.ranking import in_key_order, joined, rank_parts
    from matchmaker.render.registry import render, render_pieces, streams
    from matchmaker.scoring import stream

    language = options.language
    output, output_format = options.output, options.output_format
    # The collector stays off for the whole run: what loading, scoring and writing
    # allocate is models that live for the run, arrays and short-lived strings that hold
    # no cycles. Its passes over the loaded documents took 0.6-1.4 s of a warm
    # 10,000-demand run while scoring and writing, and switched back on between loading
    # and scoring (or at the end), one pass over all that loading had allocated took
    # ~0.1 s (0 s now; the peak memory was the same).
    with gc_paused(keep=True):
        inputs = build_inputs(options, recording)
        inputs.let_go_of_texts()  # the findings are shown: only models are scored
        assert inputs.catalog is not None and inputs.profile is not None
        region_codes = region_codes_or_exit(inputs.catalog, region, language)
        named = project_ids_or_exit(inputs.catalog, project, language)
        project_ids = None if named is None else set(named)
        records = inputs.records()
        if by is GroupBy.demand:
            # Scored in the order they are listed, so each chunk's matches can be written as
            # soon as it is scored (a demand's scores do not depend on that order).
            records = in_key_order(records)
        # streamed: one chunk of pairs in memory at a time, whatever the size of the run
        chunk = min(stream.CHUNK, max(1, PAIRS_PER_CHUNK // max(1, len(inputs.catalog.projects))))
        hashes = inputs.input_hashes()
        chunks = (
            s
            for _, s in stream.score_chunks(
                inputs.catalog,
                records,
                inputs.profile,
                chunk=chunk,
                history=inputs.history,
                run_key=inputs.run_key(hashes),
                every_pair=False,  # the sub-signals only for the pairs shown
                sources=inputs.demand_sources(records),
            )
        )
        parts = rank_parts(
            chunks,
            hashes,
            top=top,
            by=by.value,
            region_codes=region_codes,
            project_ids=project_ids,
            include_ineligible=include_ineligible,
            only_no_suitable=only_no_suitable,
            language=language,
            today=options.today.isoformat(),
            include_expired=options.include_expired,
            profile=inputs.profile,
        )
        written: str | bytes | Iterator[str]
        if streams("rank", output_format):  # written as it goes, never held whole
            written = render_pieces("rank", output_format, parts)
        else:
            written = render("rank", output_format, joined(parts))
        write_kept(recording, written, output, language, inputs)
