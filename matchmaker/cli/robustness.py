"""`sensitivity`, `compare` and `diff`: does a recommendation hold, and what changed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import (
    MAX_DRAWS,
    MAX_SECONDS,
    CatalogOption,
    HistoryOption,
    IncludeExpiredOption,
    LangOption,
    SeedOption,
    TodayOption,
    resolve_language,
)
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import RobustnessFormat

if TYPE_CHECKING:
    from matchmaker.answers import Recording
    from matchmaker.cli.shell import RunOptions

FormatOption = Annotated[RobustnessFormat, typer.Option("--format", "-f")]
# A saved run read by `diff`: large enough for 100,000 demands' rank JSON, small enough
# that a wrong file is refused before it fills the memory.
DIFF_MAX_BYTES = 512 * 1024 * 1024


def sensitivity(
    ctx: typer.Context,
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    draws: Annotated[
        int,
        typer.Option(
            "--draws", metavar="N", min=0, max=MAX_DRAWS, help="Monte-Carlo weight draws."
        ),
    ] = (1000),
    seed: SeedOption = 0,
    allocation: Annotated[
        bool,
        typer.Option(
            "--allocate",
            help="Also re-solve the allocation per draw: how often each assignment survives.",
        ),
    ] = False,
    seconds: Annotated[
        float,
        typer.Option(
            "--seconds",
            metavar="SECONDS",
            min=0.1,
            max=MAX_SECONDS,
            help="Time allowed for the allocation draws.",
        ),
    ] = 60.0,
    output_format: FormatOption = RobustnessFormat.table,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
    history: HistoryOption = None,
) -> None:
    """How far each recommendation holds as the weights change (exact and Monte-Carlo)."""
    from matchmaker.cli.shell import RunOptions, answer_or_run

    options = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang,
        today=today,
        output_format=output_format.value,
        include_expired=include_expired,
        history=history,
    )
    answer_or_run(
        ctx,
        options,
        lambda recording: _sensitivity(
            recording, options, draws=draws, seed=seed, allocation=allocation, seconds=seconds
        ),
    )


def _sensitivity(
    recording: Recording,
    options: RunOptions,
    *,
    draws: int,
    seed: int,
    allocation: bool,
    seconds: float,
) -> None:
    """Load, score, draw and write, keeping the answer in `recording`."""
    from matchmaker.cli.shell import build_inputs, write_kept
    from matchmaker.render.registry import render
    from matchmaker.render.robustness import SensitivityReport
    from matchmaker.robustness.sensitivity import allocation_survival
    from matchmaker.robustness.sensitivity import sensitivity as run_sensitivity
    from matchmaker.scoring.engine import score

    language = options.language
    inputs = build_inputs(options, recording)
    assert inputs.catalog is not None and inputs.profile is not None
    scores = score(inputs.catalog, inputs.records(), inputs.profile, inputs.history)
    found = run_sensitivity(scores, draws=draws, seed=seed)
    survival = None
    if allocation:
        from matchmaker.allocation.problem import AllocationOptions

        survival = allocation_survival(scores, AllocationOptions(), min(draws, 200), seed, seconds)
    meta = {
        "profile": inputs.profile.id,
        "draws": draws,
        "seed": seed,
        "inputs": inputs.input_hashes(),
    }
    report = SensitivityReport(found, survival, language, meta)
    # Allocation draws cut short by --seconds depend on how fast the machine was: such an
    # answer is not the same question answered again, so it is never kept.
    whole = survival is None or survival.draws == survival.asked
    written = render("sensitivity", options.output_format, report)
    write_kept(recording, written, None, language, inputs, keep=whole)


def compare(
    profiles: Annotated[
        list[Path],
        typer.Argument(
            help="Two or more profile files.", exists=True, dir_okay=False, metavar="PROFILE"
        ),
    ],
    proposals: Annotated[
        list[Path] | None,
        typer.Option(
            "--proposals",
            metavar="PROPOSAL",
            help="Proposal files or folders (default: the bundled examples).",
            exists=True,
            show_default=False,
        ),
    ] = None,
    catalog: CatalogOption = None,
    output_format: FormatOption = RobustnessFormat.table,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
    history: HistoryOption = None,
) -> None:
    """Rank under several profiles side by side, with Kendall's tau and the biggest moves."""
    from matchmaker.cli.shell import RunOptions, build_inputs, emit_to_stderr, write_or_exit
    from matchmaker.loading.documents import load_file
    from matchmaker.models import Profile
    from matchmaker.render.registry import render
    from matchmaker.render.robustness import ComparisonReport
    from matchmaker.robustness.compare import compare as run_compare
    from matchmaker.scoring.engine import score

    options = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profiles[0],
        lang=lang,
        today=today,
        output_format=output_format.value,
        include_expired=include_expired,
        history=history,
    )
    language = options.language
    if len(profiles) < 2:
        raise typer.BadParameter("give at least two profiles", param_hint="PROFILE...")
    inputs = build_inputs(options)
    assert inputs.catalog is not None and inputs.profile is not None
    loaded: list[Profile] = []
    for path in profiles:
        document = load_file(path, kinds=frozenset({"profile"}))
        if not isinstance(document.model, Profile):
            emit_to_stderr(
                list(document.diagnostics), {document.file: document.text or ""}, "text", language
            )
            raise typer.Exit(1)
        loaded.append(document.model)
    if len({p.id for p in loaded}) < len(loaded):
        raise typer.BadParameter("the profiles' ids must differ", param_hint="PROFILE...")
    scores = score(inputs.catalog, inputs.records(), inputs.profile, inputs.history)
    comparison = run_compare(scores, loaded)
    report = ComparisonReport(comparison, language, inputs.input_hashes())
    write_or_exit(render("compare", output_format.value, report), None, language, inputs)


def diff(
    old: Annotated[
        Path,
        typer.Argument(
            help="The earlier JSON output.", exists=True, dir_okay=False, metavar="OLD.json"
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(
            help="The later JSON output.", exists=True, dir_okay=False, metavar="NEW.json"
        ),
    ],
    output_format: FormatOption = RobustnessFormat.table,
    lang: LangOption = None,
) -> None:
    """What changed between two saved rank or allocate outputs, and whether inputs or the
    profile caused it."""
    from matchmaker.render.registry import render
    from matchmaker.render.robustness import DiffReport
    from matchmaker.robustness.diff import NotARun, diff_runs
    from matchmaker.saved_runs import UnreadableRun, read_saved_run

    language = resolve_language(lang)
    documents = []
    hashes: dict[str, str] = {}
    for path in (old, new):
        try:
            document, hashes[str(path)] = read_saved_run(path, DIFF_MAX_BYTES)
        except UnreadableRun as error:
            typer.echo(str(error), err=True)
            raise typer.Exit(1) from None
        documents.append(document)
    try:
        result = diff_runs(*documents)
    except NotARun as error:
        typer.echo(f"{old} / {new}: {error}", err=True)
        raise typer.Exit(1) from None
    from matchmaker.cli.shell import write_or_exit

    report = DiffReport(result, language, hashes)
    write_or_exit(render("diff", output_format.value, report), None, language)
