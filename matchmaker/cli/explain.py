"""`matchmaker explain PROPOSAL/DEMAND PROJECT`: one pair's full breakdown."""

from __future__ import annotations

from typing import Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    HistoryOption,
    IncludeExpiredOption,
    LangOption,
    TodayOption,
)
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import ExplainFormat


def explain(
    demand: Annotated[
        str, typer.Argument(help="The demand, as PROPOSAL/DEMAND.", metavar="PROPOSAL/DEMAND")
    ],
    project: Annotated[str, typer.Argument(help="The project id.", metavar="PROJECT")],
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    output_format: Annotated[ExplainFormat, typer.Option("--format", "-f")] = ExplainFormat.text,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
    history: HistoryOption = None,
) -> None:
    """Show one pair's points, weights, evidence, gates, and what would reorder it."""
    from matchmaker.cli.shell import (
        RunOptions,
        build_inputs,
        demand_keys_or_exit,
        project_ids_or_exit,
        write_or_exit,
    )
    from matchmaker.explain import explain as explain_pair
    from matchmaker.render.explain import ExplainReport
    from matchmaker.render.rank import profile_json
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

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
    language = options.language
    inputs = build_inputs(options)
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    keys = [r.key for r in records]
    demand_keys_or_exit(keys, [demand], language, "PROPOSAL/DEMAND")
    [project] = project_ids_or_exit(inputs.catalog, [project], language, "PROJECT") or [project]
    scores = score(inputs.catalog, records, inputs.profile, inputs.history)
    explanation = explain_pair(
        scores, keys.index(demand), scores.projects.ids.index(project), language
    )
    report = ExplainReport(
        explanation, language, profile_json(inputs.profile), inputs.input_hashes()
    )
    text = render("explain", output_format.value, report)
    write_or_exit(text, None, language, inputs)
