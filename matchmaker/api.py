"""The library's entry points: what a notebook uses, and what the commands are shells over.

    import datetime as dt
    import matchmaker

    run = matchmaker.load_run(today=dt.date(2026, 11, 28))  # bundled catalog and examples
    report = matchmaker.rank(run, top=3)
    print(matchmaker.to_json(report))  # the same bytes as `matchmaker rank --format json`

Each function takes the loaded run (`RunInputs`) and returns plain objects; nothing here
prints, exits or reads the clock. Names a user gives (regions, projects, demands) that do
not resolve raise `ValueError` with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matchmaker.allocation.problem import AllocationOptions
    from matchmaker.allocation.report import AllocationResult
    from matchmaker.diagnostics import Diagnostic
    from matchmaker.gaps.clusters import GapsReport
    from matchmaker.gaps.survey import SurveyReport
    from matchmaker.inputs import RunInputs
    from matchmaker.ranking import GroupBy, RankReport
    from matchmaker.robustness.sensitivity import DemandSensitivity
    from matchmaker.scoring.engine import Scores


class InvalidInputs(ValueError):
    """The run's files have errors; `diagnostics` says which, where and how to fix them."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        errors = [d for d in diagnostics if d.level.name == "ERROR"]
        first = errors[0] if errors else None
        where = f"{first.file}:{first.line}:{first.column}: {first.code}" if first else ""
        super().__init__(f"{len(errors)} error(s) in the inputs, the first at {where}")
        self.diagnostics = list(diagnostics)


def load_run(
    proposals: Sequence[Path | str] | None = None,
    *,
    catalog: Path | str | None = None,
    profile: Path | str | None = None,
    today: dt.date | None = None,
    include_expired: bool = False,
    history: Path | str | None = None,
) -> RunInputs:
    """Load and check the catalog, the proposals (files or folders; default: the bundled
    examples) and the profile (default: the study's weighting), resolving every name once.

    `today` decides which proposals have expired (left out unless `include_expired`);
    pass it for reproducible results. `history` is a records folder of earlier rounds:
    scoring then adds each pair's track record to its long-term value.
    Raises `InvalidInputs` when any file has an error; warnings stay in `.diagnostics`.
    """
    from matchmaker.diagnostics import has_errors
    from matchmaker.inputs import load_run as load

    run = load(
        [Path(p) for p in proposals] if proposals else None,
        Path(catalog) if catalog else None,
        Path(profile) if profile else None,
        today or dt.date.today(),
        include_expired=include_expired,
        history=Path(history) if history else None,
    )
    if has_errors(run.diagnostics) or not run.ok:
        raise InvalidInputs(run.diagnostics)
    return run


def score(run: RunInputs) -> Scores:
    """Every (demand, project) pair scored, with the evidence behind each number."""
    from matchmaker.scoring.engine import score as score_pairs

    assert run.catalog is not None and run.profile is not None
    return score_pairs(run.catalog, run.records(), run.profile, run.history)


def rank(
    run: RunInputs,
    *,
    top: int = 3,
    by: GroupBy = "demand",
    regions: Sequence[str] | None = None,
    projects: Sequence[str] | None = None,
    include_ineligible: bool = False,
    only_no_suitable: bool = False,
    language: str = "en",
    scores: Scores | None = None,
) -> RankReport:
    """What `matchmaker rank` shows, as an object: `.matches` (with reasons) and
    `.no_suitable` (the demands no project fits). `regions` are names or codes; `projects`
    ids. Pass `scores` to reuse a scoring already done."""
    from matchmaker.ranking import rank_report

    assert run.catalog is not None
    region_codes = _region_codes(run, regions)
    project_ids = None
    if projects:
        unknown = sorted(set(projects) - set(run.catalog.projects))
        if unknown:
            raise ValueError(f"no project {unknown[0]!r} in the catalog")
        project_ids = set(projects)
    return rank_report(
        scores or score(run),
        run.input_hashes(),
        top=top,
        by=by,
        region_codes=region_codes,
        project_ids=project_ids,
        include_ineligible=include_ineligible,
        only_no_suitable=only_no_suitable,
        language=language,
        today=run.today.isoformat() if run.today else None,
        include_expired=run.include_expired,
    )


def _region_codes(run: RunInputs, regions: Sequence[str] | None) -> set[str] | None:
    assert run.catalog is not None
    if not regions:
        return None
    codes = set()
    for name in regions:
        resolution = run.catalog.region_index.resolve(name)
        if resolution.region is None:
            raise ValueError(f"region {name!r}: {resolution.status}")
        codes.add(resolution.region.code)
    return codes


def find_gaps(
    run: RunInputs,
    *,
    regions: Sequence[str] | None = None,
    language: str = "en",
    scores: Scores | None = None,
) -> GapsReport:
    """What `matchmaker gaps` shows: the demands no project serves (or serves only
    weakly), grouped into clusters of similar need, each labelled and described."""
    from matchmaker.gaps.clusters import find_gaps as build

    assert run.catalog is not None
    return build(
        scores or score(run),
        run.catalog,
        run.input_hashes(),
        region_codes=_region_codes(run, regions),
        language=language,
    )


def survey(
    run: RunInputs,
    *,
    regions: Sequence[str] | None = None,
    language: str = "en",
    scores: Scores | None = None,
) -> SurveyReport:
    """What `matchmaker survey` shows: the run's demands counted by area, theme, province,
    language, budget and more, for all demands and for those with and without a strong
    match."""
    from matchmaker.gaps.survey import survey as count_demands

    assert run.catalog is not None
    return count_demands(
        scores or score(run),
        run.catalog,
        run.input_hashes(),
        region_codes=_region_codes(run, regions),
        language=language,
    )


def to_json(report: RankReport) -> str:
    """A ranking as `matchmaker rank --format json` writes it."""
    from matchmaker.render.rank import render_json

    return render_json(report)


def allocate(
    run: RunInputs,
    options: AllocationOptions | None = None,
    *,
    language: str = "en",
    scores: Scores | None = None,
) -> AllocationResult:
    """The whole portfolio, solved exactly under `options` (capacities, budget, fairness,
    locks). Raises `allocation.problem.UnknownName` for an option naming what the run
    lacks and `allocation.solve.Infeasible` for constraints that cannot all hold."""
    from matchmaker.allocation.problem import AllocationOptions
    from matchmaker.allocation.report import allocate as allocate_portfolio

    return allocate_portfolio(scores or score(run), options or AllocationOptions(), language)


def sensitivity(
    run: RunInputs, *, draws: int = 1000, seed: int = 0, scores: Scores | None = None
) -> list[DemandSensitivity]:
    """Per demand, how far each weight can move before its first project changes, and how
    often each project is first over seeded random weightings."""
    from matchmaker.robustness.sensitivity import sensitivity as run_sensitivity

    return run_sensitivity(scores or score(run), draws=draws, seed=seed)


def make_report(
    run: RunInputs,
    options: AllocationOptions | None = None,
    *,
    output_format: str = "html",
    language: str = "ko",
    draws: int = 200,
    seed: int = 0,
) -> str | bytes:
    """The planner's report: one offline HTML page (str) or an Excel workbook (bytes)."""
    from matchmaker.render.registry import render
    from matchmaker.report.data import build_report_data

    data = build_report_data(run, options, language=language, draws=draws, seed=seed)
    return render("report", output_format, data)
