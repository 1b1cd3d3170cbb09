"""The portfolio options `allocate` and `report` share: the same words, read the same way.

`report` draws an allocation too, so it takes every option `allocate` takes; this module
holds those options, turns them into one AllocationOptions (names resolved to ids,
locks checked against the run's demands), and turns the solver's refusals into messages.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Annotated, Any

import typer

from matchmaker.cli.options import (
    MAX_BONUS,
    MAX_SECONDS,
    BudgetOption,
    MaxRegionShareOption,
    MinDeclineKrwShareOption,
    MinDeclineShareOption,
    MinPerProvinceOption,
)

if TYPE_CHECKING:
    from matchmaker.allocation.problem import AllocationOptions
    from matchmaker.catalog import Catalog
    from matchmaker.inputs import RunInputs
    from matchmaker.records.reserve import CarriedReserve
    from matchmaker.resolve.demands import ResolvedDemand

ProjectBudgetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--project-budget",
        metavar="PROJECT=KRW",
        help="PROJECT=KRW; repeatable.",
        show_default=False,
    ),
]
CapacityOption = Annotated[
    list[str] | None,
    typer.Option(
        "--capacity",
        metavar="PROJECT=N",
        help="PROJECT=N regions per year (overrides the catalog); repeatable.",
        show_default=False,
    ),
]
PerDemandOption = Annotated[
    int,
    typer.Option("--per-demand", metavar="N", min=1, help="Projects one demand may receive."),
]
SynergyBonusOption = Annotated[
    float,
    typer.Option(
        "--synergy-bonus",
        metavar="POINTS",
        min=0,
        max=MAX_BONUS,
        help="Points for each pair of complementary projects given to one region.",
    ),
]
LockOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lock",
        metavar="DEMAND=PROJECT",
        help="PROPOSAL/DEMAND=PROJECT that must be assigned; repeatable.",
        show_default=False,
    ),
]
ForbidOption = Annotated[
    list[str] | None,
    typer.Option(
        "--forbid",
        metavar="DEMAND=PROJECT",
        help="PROPOSAL/DEMAND=PROJECT that must not; repeatable.",
        show_default=False,
    ),
]
UnknownCostOption = Annotated[
    str,
    typer.Option(
        "--unknown-cost",
        metavar="median|exclude|zero|KRW",
        help="How a pair whose cost nobody published counts against --budget: median "
        "(the median known cost, default), exclude (not offered), zero (free), or a KRW "
        "amount.",
    ),
]
MaxRepeatOption = Annotated[
    int | None,
    typer.Option(
        "--max-repeat",
        metavar="N",
        min=0,
        help="With --history: at most N assignments per region over all rounds (what a "
        "region received before counts).",
        show_default=False,
    ),
]
MinNewShareOption = Annotated[
    float,
    typer.Option(
        "--min-new-share",
        metavar="SHARE",
        min=0,
        max=1,
        help="With --history: least share of this round's assignments for regions never "
        "served in an earlier round.",
    ),
]
ReservePriorityOption = Annotated[
    float,
    typer.Option(
        "--reserve-priority",
        metavar="SHARE",
        min=0,
        max=1,
        help="With --history: least share of the previous round's reserve demands that "
        "reappear in this round (with a project they could have) to assign; priced like "
        "the other fairness rules. Without it they are only reported.",
    ),
]
TimeLimitOption = Annotated[
    float | None,
    typer.Option(
        "--time-limit",
        metavar="SECONDS",
        min=0.1,
        max=MAX_SECONDS,
        help="Seconds; then report the best found, its gap and bound.",
        show_default=False,
    ),
]

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
    "repeat-cap": (
        "the cap on a region's assignments over all rounds (--max-repeat)",
        "회차 누적 지역별 배정 상한(--max-repeat)",
    ),
    "new-share": (
        "the share for regions never served before (--min-new-share)",
        "처음 지원받는 지역의 배정 비율(--min-new-share)",
    ),
    "reserve-priority": (
        "the priority for the previous round's reserve (--reserve-priority)",
        "이전 회차 예비 목록의 우선 배정(--reserve-priority)",
    ),
}


def _by_id(catalog: Catalog, values: dict[str, int], language: str, option: str) -> dict[str, int]:
    """`--capacity 서울농장=3` as `{"seoul-farms": 3}`: names become ids, as in the tables."""
    from matchmaker.cli.shell import project_ids_or_exit, usage_error

    ids = project_ids_or_exit(catalog, list(values), language, option) or []
    resolved: dict[str, int] = {}
    for project_id, value in zip(ids, values.values(), strict=True):
        if project_id in resolved:
            usage_error(f"{option}: {project_id} is given twice")
        resolved[project_id] = value
    return resolved


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


def allocation_options_or_exit(
    catalog: Catalog,
    records: list[ResolvedDemand],
    language: str,
    flags: PortfolioFlags,
    *,
    locks: Sequence[str],
    started: float | None = None,
) -> AllocationOptions:
    """The options as given, every name checked: demands must be the run's, projects are
    ids or names (recorded as ids); anything else is a usage error (exit 2). `locks` are
    the flags' own with any a command adds; `started` (time.monotonic() when the command
    began) makes --time-limit bound the whole command."""
    from matchmaker.allocation.problem import AllocationOptions
    from matchmaker.cli.shell import demand_keys_or_exit, project_ids_or_exit

    lock_pairs, forbid_pairs = _pairs(list(locks), "--lock"), _pairs(flags.forbid, "--forbid")
    keys = [record.key for record in records]
    for option, pairs in (("--lock", lock_pairs), ("--forbid", forbid_pairs)):
        demand_keys_or_exit(keys, [demand for demand, _ in pairs], language, option)
        ids = project_ids_or_exit(catalog, [p for _, p in pairs], language, option)
        pairs[:] = [
            (demand, project) for (demand, _), project in zip(pairs, ids or [], strict=True)
        ]
    capacities = _numbers(flags.capacity, "--capacity")
    project_budgets = _numbers(flags.project_budget, "--project-budget")
    time_limit = flags.time_limit
    return AllocationOptions(
        budget=flags.budget,
        project_budgets=_by_id(catalog, project_budgets, language, "--project-budget"),
        capacities=_by_id(catalog, capacities, language, "--capacity"),
        per_demand=flags.per_demand,
        synergy_bonus=flags.synergy_bonus,
        min_per_province=flags.min_per_province,
        min_decline_share=flags.min_decline_share,
        min_decline_krw_share=flags.min_decline_krw_share,
        max_region_share=flags.max_region_share,
        unknown_cost=_unknown_cost(flags.unknown_cost),
        locks=tuple(lock_pairs),
        forbids=tuple(forbid_pairs),
        time_limit=time_limit,
        deadline=None if time_limit is None or started is None else started + time_limit,
    )


def across_rounds_or_exit(
    options: AllocationOptions,
    inputs: RunInputs,
    max_repeat: int | None,
    min_new_share: float,
    kept_round: int | None,
    language: str,
) -> AllocationOptions:
    """The options with what earlier rounds gave each region (from --history) and the
    cross-round rules; those rules without --history are a usage error, never dropped."""
    from dataclasses import replace

    from matchmaker.cli.shell import usage_error
    from matchmaker.messages import say

    if inputs.history is None:
        if max_repeat is not None or min_new_share > 0:
            usage_error(
                say(
                    language,
                    "--max-repeat and --min-new-share need --history (the earlier rounds' records)",
                    "--max-repeat와 --min-new-share에는 --history(이전 회차 기록)가 필요합니다",
                )
            )
        return options
    return replace(
        options,
        earlier=inputs.history.assignments_by_region(kept_round),
        max_repeat=max_repeat,
        min_new_share=min_new_share,
    )


def reserve_or_exit(
    options: AllocationOptions,
    inputs: RunInputs,
    reserve_priority: float,
    kept_round: int | None,
    language: str,
) -> tuple[AllocationOptions, CarriedReserve | None]:
    """With --history: the previous round's reserve demands found in this run (always
    reported), and the priority for them only when --reserve-priority asks; the option
    without --history is a usage error."""
    from dataclasses import replace

    from matchmaker.cli.shell import usage_error
    from matchmaker.messages import say

    if inputs.history is None:
        if reserve_priority > 0:
            usage_error(
                say(
                    language,
                    "--reserve-priority needs --history (the earlier rounds' records)",
                    "--reserve-priority에는 --history(이전 회차 기록)가 필요합니다",
                )
            )
        return options, None
    # Imported past the common case: without --history a run needs none of the records
    # modules (~7 ms of every `allocate`).
    from matchmaker.records.reserve import carried_reserve

    carried = carried_reserve(inputs.history, inputs.records(), kept_round)
    if reserve_priority <= 0:
        return options, carried
    return replace(
        options, reserve_demands=carried.keys, reserve_priority=reserve_priority
    ), carried


@dataclass(frozen=True, slots=True)
class PortfolioFlags:
    """The portfolio options as the command line gave them, before any name is checked."""

    budget: int | None = None
    project_budget: list[str] | None = None
    capacity: list[str] | None = None
    per_demand: int = 1
    synergy_bonus: float = 5.0
    min_per_province: int = 0
    min_decline_share: float = 0.0
    min_decline_krw_share: float = 0.0
    max_region_share: float = 1.0
    lock: list[str] | None = None
    forbid: list[str] | None = None
    unknown_cost: str = "median"
    time_limit: float | None = None
    max_repeat: int | None = None
    min_new_share: float = 0.0
    reserve_priority: float = 0.0


# The flags a command that takes_portfolio_options gets when nothing is given; it is
# never called that way from the command line, where each option has its own default.
DEFAULT_FLAGS = PortfolioFlags()

# The option each PortfolioFlags field is read from, in the order `--help` lists them.
_FLAG_OPTIONS: dict[str, Any] = {
    "budget": BudgetOption,
    "project_budget": ProjectBudgetOption,
    "capacity": CapacityOption,
    "per_demand": PerDemandOption,
    "synergy_bonus": SynergyBonusOption,
    "min_per_province": MinPerProvinceOption,
    "min_decline_share": MinDeclineShareOption,
    "min_decline_krw_share": MinDeclineKrwShareOption,
    "max_region_share": MaxRegionShareOption,
    "lock": LockOption,
    "forbid": ForbidOption,
    "unknown_cost": UnknownCostOption,
    "time_limit": TimeLimitOption,
    "max_repeat": MaxRepeatOption,
    "min_new_share": MinNewShareOption,
    "reserve_priority": ReservePriorityOption,
}


def takes_portfolio_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command every portfolio option in place of its `flags: PortfolioFlags`.

    Every command that allocates (allocate, report, note, letters) must take the same
    options with the same defaults, or one of them would quietly draw a different
    portfolio from the same words. typer reads options from a function's signature, so
    this writes them into the signature once, from PortfolioFlags' fields, and hands the
    command the PortfolioFlags they make.
    """
    signature = inspect.signature(command, eval_str=True)
    parameters = list(signature.parameters.values())
    at = [parameter.name for parameter in parameters].index("flags")
    names = [field.name for field in fields(PortfolioFlags)]
    if sorted(names) != sorted(_FLAG_OPTIONS):
        raise TypeError("every PortfolioFlags field needs its option in _FLAG_OPTIONS")
    block = [
        inspect.Parameter(
            field.name,
            parameters[at].kind,
            default=field.default,
            annotation=_FLAG_OPTIONS[field.name],
        )
        for field in fields(PortfolioFlags)
    ]
    merged = signature.replace(parameters=[*parameters[:at], *block, *parameters[at + 1 :]])

    @functools.wraps(command)
    def with_flags(**values: Any) -> None:
        flags = PortfolioFlags(**{name: values.pop(name) for name in names})
        command(flags=flags, **values)

    # typer reads __signature__ (inspect stops unwrapping there) and the annotations,
    # which are already evaluated: the command's module need not be consulted again.
    with_flags.__signature__ = merged  # type: ignore[attr-defined]
    with_flags.__annotations__ = {
        **{parameter.name: parameter.annotation for parameter in merged.parameters.values()},
        "return": None,
    }
    return with_flags


def portfolio_or_exit(
    inputs: RunInputs,
    flags: PortfolioFlags,
    language: str,
    *,
    started: float | None = None,
    kept_round: int | None = None,
    extra_locks: Sequence[str] = (),
) -> tuple[AllocationOptions, CarriedReserve | None]:
    """Every command that allocates (allocate, report, note, letters) reads its options
    here, so the same flags give the same portfolio: names resolved, cross-round rules and
    the carried reserve added, each refusal a usage error."""
    assert inputs.catalog is not None
    locks = list(flags.lock or [])
    locks += [pair for pair in extra_locks if pair not in locks]
    options = allocation_options_or_exit(
        inputs.catalog, inputs.records(), language, flags, locks=locks, started=started
    )
    options = across_rounds_or_exit(
        options, inputs, flags.max_repeat, flags.min_new_share, kept_round, language
    )
    return reserve_or_exit(options, inputs, flags.reserve_priority, kept_round, language)


@contextmanager
def refusals_exit(options: AllocationOptions, language: str) -> Iterator[None]:
    """Solve inside this block: a lock that cannot hold is a usage error (exit 2); rules
    that cannot all hold, or no answer in time, exit 1 naming what to relax."""
    from matchmaker.allocation.problem import ImpossibleLock
    from matchmaker.allocation.solve import Infeasible, NoSolutionInTime
    from matchmaker.cli.shell import usage_error

    try:
        yield
    except ImpossibleLock as impossible:
        usage_error(str(impossible))
    except Infeasible as conflict:
        values = {"per_demand": options.per_demand, "min_per_province": options.min_per_province}
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
