"""`matchmaker explain PROPOSAL/DEMAND PROJECT`: one pair's full breakdown."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from matchmaker.cli.options import (
    CatalogOption,
    LangOption,
    TodayOption,
    resolve_language,
    resolve_today,
)
from matchmaker.cli.rank import ProfileOption, ProposalsArgument


class ExplainFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def explain(
    demand: Annotated[str, typer.Argument(help="The demand, as PROPOSAL/DEMAND.",
                                          metavar="PROPOSAL/DEMAND")],
    project: Annotated[str, typer.Argument(help="The project id.", metavar="PROJECT")],
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    output_format: Annotated[ExplainFormat, typer.Option("--format", "-f")] = (
        ExplainFormat.text),
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """Show one pair's points, weights, evidence, gates, and what would reorder it."""
    from matchmaker.cli.run import load_or_exit
    from matchmaker.explain import explain as explain_pair
    from matchmaker.render import explain as render
    from matchmaker.render.rank import profile_json
    from matchmaker.scoring.engine import score
    from matchmaker.suggest import did_you_mean

    language = resolve_language(lang)
    inputs = load_or_exit(proposals, catalog, profile, resolve_today(today), language,
                          output_format.value)
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    keys = [r.key for r in records]
    if demand not in keys:
        suggestion = did_you_mean(demand, keys)
        hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
        typer.echo(f"no demand '{demand}' in the proposals{hint}", err=True)
        raise typer.Exit(2)
    if project not in inputs.catalog.projects:
        suggestion = did_you_mean(project, inputs.catalog.projects)
        hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
        typer.echo(f"no project '{project}' in the catalog{hint}", err=True)
        raise typer.Exit(2)
    scores = score(inputs.catalog, records, inputs.profile)
    explanation = explain_pair(scores, keys.index(demand), scores.projects.ids.index(project),
                               language)
    if output_format is ExplainFormat.json:
        text = render.render_json(explanation, language, profile_json(inputs.profile),
                                  inputs.input_hashes())
    elif output_format is ExplainFormat.markdown:
        text = render.render_markdown(explanation, language)
    else:
        text = render.render_text(explanation, language)
    typer.echo(text, nl=False)
