"""`matchmaker allocate`: choose the portfolio under capacities, budgets and fairness."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from matchmaker.cli.options import (
    MAX_BONUS,
    MAX_SECONDS,
    BudgetOption,
    CatalogOption,
    IncludeExpiredOption,
    LangOption,
    MaxRegionShareOption,
    MinDeclineKrwShareOption,
    MinDeclineShareOption,
    MinPerProvinceOption,
    TodayOption,
)
from matchmaker.cli.rank import ProfileOption, ProposalsArgument
from matchmaker.render.registry import AllocateFormat

GROUP_EXPLANATIONS = {
    "one-per-demand": (
        "at most {per_demand} project(s) per demand",
        "수요당 사업 {per_demand}개 이하",
    ),
    "capacity": ("project capacities", "사업별 정원"),
    "budget": ("the total budget (--budget)", "전체 예산(--budget)"),
    "project-budget": ("project budgets (--project-budget)", "사업별 예산(--project-budget)"),
    "locks": ("locked assignments (--lock)", "고정 배정(--lock)"),
    "min-per-province": (
        "at least {min_per_province} per province (--min-per-province)",
        "시·도마다 최소 {min_per_province}건(--min-per-province)",
    ),
    "decline-share": (
        "population-decline share of assignments (--min-decline-share)",
        "인구감소지역 배정 비율(--min-decline-share)",
    ),
    "decline-krw-share": (
        "population-decline share of KRW (--min-decline-krw-share)",
        "인구감소지역 예산 비율(--min-decline-krw-share)",
    ),
    "region-share": (
        "the cap on any region's share (--max-region-share)",
        "지역별 상한 비율(--max-region-share)",
    ),
}


def _pairs(values: list[str] | None, option: str) -> list[tuple[str, str]]:
    found = []
    for value in values or []:
        left, separator, right = value.partition("=")
        if not separator or not left or not right:
            raise typer.BadParameter(f"'{value}' is not KEY=VALUE", param_hint=option)
        found.append((left.strip(), right.strip()))
    return found


def _unknown_cost(value: str) -> str | int:
    if value in ("median", "exclude", "zero"):
        return value
    if value.isdigit():
        return int(value)
    raise typer.BadParameter(
        f"'{value}' is not median, exclude, zero or a whole number of KRW",
        param_hint="--unknown-cost",
    )


def _numbers(values: list[str] | None, option: str) -> dict[str, int]:
    found = {}
    for key, value in _pairs(values, option):
        if not value.isdigit():
            raise typer.BadParameter(f"'{value}' is not a whole number", param_hint=option)
        found[key] = int(value)
    return found


def allocate(
    proposals: ProposalsArgument = None,
    catalog: CatalogOption = None,
    profile: ProfileOption = None,
    budget: BudgetOption = None,
    project_budget: Annotated[
        list[str] | None,
        typer.Option("--project-budget", help="PROJECT=KRW; repeatable.", show_default=False),
    ] = None,
    capacity: Annotated[
        list[str] | None,
        typer.Option(
            "--capacity",
            help="PROJECT=N regions per year (overrides the catalog); repeatable.",
            show_default=False,
        ),
    ] = None,
    per_demand: Annotated[
        int, typer.Option("--per-demand", min=1, help="Projects one demand may receive.")
    ] = 1,
    synergy_bonus: Annotated[
        float,
        typer.Option(
            "--synergy-bonus",
            min=0,
            max=MAX_BONUS,
            help="Points for each pair of complementary projects given to one region.",
        ),
    ] = 5.0,
    min_per_province: MinPerProvinceOption = 0,
    min_decline_share: MinDeclineShareOption = 0.0,
    min_decline_krw_share: MinDeclineKrwShareOption = 0.0,
    max_region_share: MaxRegionShareOption = 1.0,
    lock: Annotated[
        list[str] | None,
        typer.Option(
            "--lock",
            help="PROPOSAL/DEMAND=PROJECT that must be assigned; repeatable.",
            show_default=False,
        ),
    ] = None,
    forbid: Annotated[
        list[str] | None,
        typer.Option(
            "--forbid",
            help="PROPOSAL/DEMAND=PROJECT that must not; repeatable.",
            show_default=False,
        ),
    ] = None,
    unknown_cost: Annotated[
        str,
        typer.Option(
            "--unknown-cost",
            help="How a pair whose cost nobody published counts against --budget: median "
            "(the median known cost, default), exclude (not offered), zero (free), or a KRW "
            "amount.",
        ),
    ] = "median",
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            min=0.1,
            max=MAX_SECONDS,
            help="Seconds; then report the best found, its gap and bound.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[AllocateFormat, typer.Option("--format", "-f")] = (
        AllocateFormat.table
    ),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of printing.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
    include_expired: IncludeExpiredOption = False,
) -> None:
    """Choose the projects for all demands at once, and say why each got what it got."""
    # --time-limit bounds the whole command: loading, scoring and model building count.
    started = time.monotonic()
    from matchmaker.allocation.problem import AllocationOptions, ImpossibleLock
    from matchmaker.allocation.report import allocate as allocate_portfolio
    from matchmaker.allocation.solve import Infeasible, NoSolutionInTime
    from matchmaker.cli.shell import (
        RunOptions,
        build_inputs,
        demand_keys_or_exit,
        project_ids_or_exit,
        usage_error,
        write_or_exit,
    )
    from matchmaker.render.allocation import AllocationReport
    from matchmaker.render.registry import render
    from matchmaker.scoring.engine import score

    run = RunOptions.of(
        proposals=proposals,
        catalog=catalog,
        profile=profile,
        lang=lang,
        today=today,
        output_format=output_format.value,
        output=output,
        include_expired=include_expired,
    )
    language = run.language
    inputs = build_inputs(run)
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    locks, forbids = _pairs(lock, "--lock"), _pairs(forbid, "--forbid")
    capacities = _numbers(capacity, "--capacity")
    project_budgets = _numbers(project_budget, "--project-budget")
    keys = [r.key for r in records]
    for option, pairs in (("--lock", locks), ("--forbid", forbids)):
        demand_keys_or_exit(keys, [demand for demand, _ in pairs], language, option)
        project_ids_or_exit(inputs.catalog, [project for _, project in pairs], language, option)
    project_ids_or_exit(inputs.catalog, list(capacities), language, "--capacity")
    project_ids_or_exit(inputs.catalog, list(project_budgets), language, "--project-budget")
    options = AllocationOptions(
        budget=budget,
        project_budgets=project_budgets,
        capacities=capacities,
        per_demand=per_demand,
        synergy_bonus=synergy_bonus,
        min_per_province=min_per_province,
        min_decline_share=min_decline_share,
        min_decline_krw_share=min_decline_krw_share,
        max_region_share=max_region_share,
        unknown_cost=_unknown_cost(unknown_cost),
        locks=tuple(locks),
        forbids=tuple(forbids),
        time_limit=time_limit,
        deadline=None if time_limit is None else started + time_limit,
    )
    scores = score(inputs.catalog, records, inputs.profile)
    try:
        result = allocate_portfolio(scores, options, language)
    except ImpossibleLock as impossible:
        usage_error(str(impossible))
    except Infeasible as conflict:
        values = {"per_demand": per_demand, "min_per_province": min_per_province}
        named = "; ".join(
            GROUP_EXPLANATIONS[group][1 if language == "ko" else 0].format(**values)
            for group in conflict.groups
        )
        typer.echo(
            (
                "제약 조건이 서로 충돌합니다: "
                if language == "ko"
                else "These constraints cannot all hold together: "
            )
            + named
            + (". 하나를 완화하세요." if language == "ko" else ". Relax one of them."),
            err=True,
        )
        raise typer.Exit(1) from None
    except NoSolutionInTime:
        message = (
            "시간 제한 안에 모든 조건을 지키는 배정을 찾지 못했습니다. --time-limit을 늘리세요."
            if language == "ko"
            else "No portfolio keeping every rule was "
            "found within the time limit; raise --time-limit."
        )
        typer.echo(message, err=True)
        raise typer.Exit(1) from None
    option_values = {
        "budget": budget,
        "per_demand": per_demand,
        "synergy_bonus": synergy_bonus,
        "min_per_province": min_per_province,
        "min_decline_share": min_decline_share,
        "min_decline_krw_share": min_decline_krw_share,
        "max_region_share": max_region_share,
        "capacities": capacities,
        "project_budgets": project_budgets,
        "locks": [f"{a}={b}" for a, b in locks],
        "forbids": [f"{a}={b}" for a, b in forbids],
        "time_limit": time_limit,
        "unknown_cost": options.unknown_cost,
    }
    report = AllocationReport(
        result, language, inputs.profile, inputs.input_hashes(), option_values
    )
    write_or_exit(render("allocate", output_format.value, report), output, language, inputs)
