"""A cluster of unmet demand as a draft project file, to complete and source.

What the demands themselves say is filled in: the themes they read as, the delivery
modes they ask for, the plan's policy area of their main theme (marked inferred). What a
project file must state and the demands cannot know (the project's name, what it does,
where its facts come from) is left blank as `""` with a TODO comment: `matchmaker
validate` rejects a blank, so an unfinished draft can never pass as a project. Facts a
project may leave out (budget, capacity, years, eligibility) stay commented out with the
demands' figures beside them as a guide, never as the project's facts.
"""

from __future__ import annotations

import json

from matchmaker.catalog import Catalog
from matchmaker.gaps.clusters import GapCluster, GapsReport
from matchmaker.report.formatting import krw_short

TODO = "# TODO"


def _quoted(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: any title is written safely.
    return json.dumps(text, ensure_ascii=False)


def draft_id(cluster: GapCluster) -> str:
    return f"draft-{cluster.id}"


def draft_project(cluster: GapCluster, report: GapsReport, catalog: Catalog) -> str:
    """The draft's YAML text (Korean first, as the catalog's files are)."""
    themes = [t for t in cluster.themes if t in catalog.theme_ids][:4]
    modes = sorted({m for d in cluster.demands for m in d.record.demand.modes})
    kinds = [kind for kind, _ in cluster.region_kinds]
    provinces = [code for code, _, _ in cluster.provinces]
    area = cluster.policy_area
    lines = [
        f"# DRAFT written by `matchmaker gaps --draft {cluster.id}` from "
        f"{len(cluster.demands)} demand(s) no project serves well:",
        f"#   {cluster.label.ko}",
        f"#   {cluster.label.en}",
        "# Fill in every field marked TODO from published sources; `matchmaker validate`",
        "# rejects this file until then. Never invent a budget, a capacity or a partner.",
        "# 출처가 있는 사실로 TODO 항목을 채우세요. 채우기 전에는 validate가 통과시키지 않습니다.",
        "kind: project",
        f"id: {draft_id(cluster)}",
        "name:",
        f'  ko: ""  {TODO}: 사업 이름',
        f'  en: ""  {TODO}: project name',
        f"policy_area: {area}" if area else f'policy_area: ""  {TODO}: {_areas(report)}',
        "policy_area_basis: inferred  # from the demands' main theme, not a published list"
        if area
        else "policy_area_basis: inferred",
        f"themes: [{', '.join(themes)}]",
        "description:",
        f'  ko: ""  {TODO}: 사업이 무엇을 하는지(출처에 근거해)',
        f'  en: ""  {TODO}: what the project does, from its sources',
    ]
    if modes:
        lines.append(f"modes: [{', '.join(modes)}]  # asked for by the demands")
    lines += [
        "source:",
        f'  - title: ""  {TODO}: 근거 자료 제목 / title of the source',
        f'    # url: ""  {TODO}: 근거 자료 주소 / its address',
        "# Optional facts: uncomment only with a source. The demands' figures are a guide.",
        f"# eligible: {{kinds: [{', '.join(kinds)}], "
        f"provinces: [{', '.join(_quoted(p) for p in provinces)}]}}"
        "  # the regions that asked",
        f"# capacity: ...  {TODO}: regions per year ({len(cluster.regions)} regions asked)",
    ]
    if cluster.budget_stated:
        lines.append(
            f"# budget_per_region: {{max: ...}}  {TODO}: published amount; the demands ask "
            f"{krw_short(cluster.budget_total, 'en')} a year in all "
            f"({cluster.budget_stated} state one)"
        )
    else:
        lines.append(f"# budget_per_region: {{max: ...}}  {TODO}: published amount")
    lines += [
        f"# years: ...  {TODO}: commitment length",
        "# The demands, as the regions wrote them (for `problems`, each needs a source url):",
    ]
    for d in cluster.demands:
        lines.append(f"#   - {d.key} ({d.record.region.name_ko}): {_quoted(d.record.demand.title)}")
    return "\n".join(lines) + "\n"


def _areas(report: GapsReport) -> str:
    return "one of " + ", ".join(sorted(report.policy_area_names))
