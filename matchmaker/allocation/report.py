"""What `allocate` tells the planner: the assignments, why each demand got what it got,
what each fairness rule cost, and who received what."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from matchmaker.allocation.problem import AllocationOptions, AllocationProblem, build_problem
from matchmaker.allocation.solve import (
    FAIRNESS_GROUPS,
    MIN_SOLVE_SECONDS,
    Infeasible,
    Solution,
    seconds_left,
    solve,
)
from matchmaker.messages import say
from matchmaker.scoring.engine import Scores
from matchmaker.scoring.reasons import reasons


@dataclass(frozen=True, slots=True)
class Assignment:
    demand_key: str
    proposal: str
    demand: str
    region_code: str
    region_name: dict[str, str]
    project: str
    score: float
    cost: int | None
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unassigned:
    demand_key: str
    proposal: str
    demand: str
    region_code: str
    region_name: dict[str, str]
    reason: str
    code: str  # no-eligible-project | no-suitable-project | capacity | budget | forbidden | …
    # Where the demand had a project it could have had (capacity, budget, fairness): that
    # project and the pair's score, so it can be carried to the reserve list.
    best_project: str | None = None
    best_score: float | None = None


@dataclass(slots=True)
class AllocationResult:
    solution: Solution
    assignments: list[Assignment]
    unassigned: list[Unassigned]
    capacity_used: dict[str, dict[str, int | None]]
    budget_used: int  # KRW counted against the budget, estimates of unknown costs included
    budget: int | None
    unknown_cost: int  # assignments whose cost nobody published
    synergy: list[dict[str, str]]
    fairness_prices: dict[str, float]
    equity: dict[str, object] = field(default_factory=dict)
    unknown_cost_rule: str = "median"
    unknown_cost_estimate: float | None = None  # KRW each counted as (None: excluded)


def allocate(scores: Scores, options: AllocationOptions, language: str = "en") -> AllocationResult:
    """Build, solve and explain the portfolio. With a time limit, everything here (model
    building, the fairness prices) counts against it; a fairness rule whose price there is
    no time left to compute is left out of `fairness_prices`."""
    if options.time_limit is not None and options.deadline is None:
        options = replace(options, deadline=time.monotonic() + options.time_limit)
    problem = build_problem(scores, options)
    solution = solve(problem)
    prices: dict[str, float] = {}
    for group in _active_fairness(options):
        left = seconds_left(options.deadline)
        if left is not None and left < MIN_SOLVE_SECONDS:
            break
        try:
            relaxed = solve(problem, without=[group])
            prices[group] = round(relaxed.objective - solution.objective, 4)
        except Infeasible:  # pragma: no cover - removing a constraint cannot break feasibility
            prices[group] = 0.0
    return _report(problem, solution, prices, language)


def _active_fairness(options: AllocationOptions) -> list[str]:
    active = {
        "min-per-province": options.min_per_province > 0,
        "decline-share": options.min_decline_share > 0,
        "decline-krw-share": options.min_decline_krw_share > 0,
        "region-share": options.max_region_share < 1,
        "repeat-cap": options.max_repeat is not None,
        "new-share": options.min_new_share > 0,
        "reserve-priority": options.reserve_priority > 0 and bool(options.reserve_demands),
    }
    return [group for group in FAIRNESS_GROUPS if active[group]]


def _report(
    problem: AllocationProblem, solution: Solution, prices: dict[str, float], language: str
) -> AllocationResult:
    scores = problem.scores
    records = scores.demands.records
    ids = scores.projects.ids
    chosen = np.flatnonzero(solution.chosen)
    assignments: list[Assignment] = []
    for pair in sorted(
        chosen.tolist(), key=lambda i: (records[problem.demand[i]].key, ids[problem.project[i]])
    ):
        row, column = int(problem.demand[pair]), int(problem.project[pair])
        record = records[row]
        assignments.append(
            Assignment(
                record.key,
                record.proposal.id,
                record.demand.id,
                record.region.code,
                {"ko": record.region.name_ko, "en": record.region.name_en},
                ids[column],
                round(float(problem.value[pair]), 2),
                int(problem.cost[pair]) if problem.cost_known[pair] else None,
                tuple(reasons(scores, row, column, language)),
            )
        )
    assigned_rows = {int(problem.demand[i]) for i in chosen}
    by_demand: dict[int, list[int]] = defaultdict(list)
    for index, demand_row in enumerate(problem.demand.tolist()):
        by_demand[demand_row].append(index)
    unassigned = [
        _why_unassigned(problem, solution, row, by_demand[row], language)
        for row in sorted(range(len(records)), key=lambda r: records[r].key)
        if row not in assigned_rows
    ]
    used: defaultdict[str, int] = defaultdict(int)
    for i in chosen:
        used[ids[problem.project[i]]] += 1
    capacity_used = {
        pid: {
            "used": used.get(pid, 0),
            "capacity": None if not np.isfinite(problem.capacity[c]) else int(problem.capacity[c]),
        }
        for c, pid in enumerate(ids)
    }
    synergy = [
        {"region": problem.region_codes[r], "projects": f"{ids[p]}+{ids[q]}"}
        for r, p, q in solution.synergy
    ]
    return AllocationResult(
        solution=solution,
        assignments=assignments,
        unassigned=unassigned,
        capacity_used=capacity_used,
        budget_used=int(problem.cost[chosen].sum()),
        budget=problem.options.budget,
        unknown_cost=int((~problem.cost_known[chosen]).sum()),
        unknown_cost_rule=str(problem.options.unknown_cost),
        unknown_cost_estimate=problem.cost_estimate,
        synergy=synergy,
        fairness_prices=prices,
        equity=_equity(problem, chosen),
    )


def _why_unassigned(
    problem: AllocationProblem, solution: Solution, row: int, candidates: list[int], language: str
) -> Unassigned:
    scores = problem.scores
    record = scores.demands.records[row]
    ids = scores.projects.ids
    name = {"ko": record.region.name_ko, "en": record.region.name_en}

    best_project: str | None = None
    best_score: float | None = None

    def result(code: str, reason: str) -> Unassigned:
        return Unassigned(
            record.key,
            record.proposal.id,
            record.demand.id,
            record.region.code,
            name,
            reason,
            code,
            best_project,
            best_score,
        )

    if not candidates:
        if any(pair[0] == row for pair in problem.forbidden):
            return result(
                "forbidden",
                say(
                    language,
                    "every eligible project is forbidden for this demand (--forbid)",
                    "대상 사업이 모두 제외되었습니다(--forbid)",
                ),
            )
        if scores.no_fit[row] and scores.eligibility.eligible[row].any():
            best, threshold = scores.best_fit[row], scores.profile.fit_threshold
            return result(
                "no-suitable-project",
                say(
                    language,
                    f"no suitable project: the best demand fit is {best:.0f}, below "
                    f"the threshold of {threshold:.0f}",
                    f"적합한 사업 없음: 가장 높은 수요 적합도 {best:.0f}점이 "
                    f"기준 {threshold:.0f}점에 못 미칩니다",
                ),
            )
        return result(
            "no-eligible-project",
            say(language, "no project is eligible for it", "대상이 되는 사업이 없습니다"),
        )
    best = max(candidates, key=lambda i: (problem.value[i], -problem.project[i]))
    column = int(problem.project[best])
    best_project, best_score = ids[column], round(float(problem.value[best]), 2)
    options = problem.options
    region = int(problem.region[row])
    earlier = problem.earlier_of(region)
    # Fairness across rounds applies to the region as a whole: said first, as the cause.
    if options.max_repeat is not None:
        given = sum(
            1
            for i in np.flatnonzero(solution.chosen)
            if problem.region[problem.demand[i]] == region
        )
        if earlier + given >= options.max_repeat:
            return result(
                "fairness",
                say(
                    language,
                    f"its region has had {earlier} assignment(s) in earlier rounds and "
                    f"{given} in this one, the cap over all rounds (--max-repeat "
                    f"{options.max_repeat})",
                    f"이 지역은 이전 회차에 {earlier}건, 이번 회차에 {given}건을 배정받아 "
                    f"회차 누적 "
                    f"상한(--max-repeat {options.max_repeat})에 이르렀습니다",
                ),
            )
    if options.min_new_share > 0 and earlier > 0:
        return result(
            "fairness",
            say(
                language,
                f"regions never served before came first (--min-new-share "
                f"{options.min_new_share:g}); its region had {earlier} assignment(s) in "
                "earlier rounds",
                f"처음 지원받는 지역이 우선했습니다(--min-new-share {options.min_new_share:g}). "
                f"이 지역은 이전 회차에 {earlier}건을 배정받았습니다",
            ),
        )
    takers = [i for i in np.flatnonzero(solution.chosen) if problem.project[i] == column]
    if len(takers) >= problem.capacity[column]:
        names = ", ".join(sorted(scores.demands.records[problem.demand[i]].key for i in takers))
        return result(
            "capacity",
            say(
                language,
                f"the capacity of {ids[column]}, its best project, is taken by "
                f"higher-value demands: {names}",
                f"가장 맞는 사업 {ids[column]}의 정원이 더 높은 점수의 수요로 찼습니다: {names}",
            ),
        )
    spent = float(problem.cost[solution.chosen].sum())
    if options.budget is not None and spent + problem.cost[best] > options.budget:
        return result(
            "budget",
            say(
                language,
                f"the budget is exhausted: {ids[column]} would cost KRW "
                f"{int(problem.cost[best]):,} with KRW {int(options.budget - spent):,} left",
                f"예산이 부족합니다: {ids[column]}에 {int(problem.cost[best]):,}원이 드는데 "
                f"{int(options.budget - spent):,}원 남았습니다",
            ),
        )
    project_spent = float(problem.cost[takers].sum()) if takers else 0.0
    if project_spent + problem.cost[best] > problem.project_budget[column]:
        return result(
            "budget",
            say(
                language,
                f"the budget of {ids[column]} is exhausted",
                f"{ids[column]}의 사업 예산이 부족합니다",
            ),
        )
    rules = _rules_set(options, problem)
    if rules:
        en = ", ".join(name for name, _ in rules)
        ko = ", ".join(name for _, name in rules)
        return result(
            "fairness",
            say(
                language,
                f"the rules set for this run ({en}) gave its place to other demands",
                f"이번 실행에 정한 조건({ko}) 때문에 다른 수요가 우선했습니다",
            ),
        )
    if solution.status != "optimal":
        return result(
            "time-limit",
            say(
                language,
                f"the time limit came before a better portfolio including it was found "
                f"(gap {solution.gap:.2%})",
                f"이 수요를 포함한 더 나은 배정을 찾기 전에 시간 제한에 도달했습니다"
                f"(격차 {solution.gap:.2%})",
            ),
        )
    return result(
        "outscored",
        say(
            language,
            "every project open to it went to demands that add more to the total",
            "맞는 사업이 모두 전체 점수에 더 기여하는 수요에 배정되었습니다",
        ),
    )


def _rules_set(options: AllocationOptions, problem: AllocationProblem) -> list[tuple[str, str]]:
    """The rules that can give a demand's place to another, named as the user set them:
    only those actually set (a reason never blames a rule or lock that was not)."""
    found = []
    if options.min_per_province > 0:
        found.append(("--min-per-province", "--min-per-province"))
    if options.min_decline_share > 0:
        found.append(("--min-decline-share", "--min-decline-share"))
    if options.min_decline_krw_share > 0:
        found.append(("--min-decline-krw-share", "--min-decline-krw-share"))
    if options.max_region_share < 1:
        found.append(("--max-region-share", "--max-region-share"))
    if options.max_repeat is not None:
        found.append(("--max-repeat", "--max-repeat"))
    if options.min_new_share > 0:
        found.append(("--min-new-share", "--min-new-share"))
    if options.reserve_priority > 0 and options.reserve_demands:
        found.append(("--reserve-priority", "--reserve-priority"))
    if problem.locked:
        found.append(("--lock", "--lock"))
    return found


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def _equity(problem: AllocationProblem, chosen: np.ndarray) -> dict[str, object]:
    records = problem.scores.demands.records
    by_province: dict[str, dict[str, int]] = defaultdict(lambda: {"assignments": 0, "krw": 0})
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"assignments": 0, "krw": 0})
    total_krw = 0.0
    decline = decline_krw = tied = tied_krw = 0.0
    for i in chosen:
        record = records[problem.demand[i]]
        cost = float(problem.cost[i])
        for table, key in (
            (by_province, record.region.province_code),
            (by_kind, record.region.kind),
        ):
            table[key]["assignments"] += 1
            table[key]["krw"] += int(cost)
        total_krw += cost
        if record.region.population_decline:
            decline += 1
            decline_krw += cost
        if problem.tied[problem.demand[i]]:
            tied += 1
            tied_krw += cost
    count = len(chosen)
    across = _across_rounds(problem, chosen) if problem.options.earlier else {}
    return {
        "by_province": dict(sorted(by_province.items())),
        "by_region_kind": dict(sorted(by_kind.items())),
        "population_decline": {
            "assignments_share": _share(decline, count),
            "krw_share": _share(decline_krw, total_krw),
        },
        "earlier_ties": {
            "assignments_share": _share(tied, count),
            "krw_share": _share(tied_krw, total_krw),
        },
        "new_partners": {
            "assignments_share": _share(count - tied, count),
            "krw_share": _share(total_krw - tied_krw, total_krw),
        },
        **across,
    }


def _across_rounds(problem: AllocationProblem, chosen: np.ndarray) -> dict[str, object]:
    """With history: this round's share to regions never served before, and each served
    region's assignments before and now (only then, so other outputs keep their shape)."""
    now: dict[str, int] = defaultdict(int)
    krw_new = krw_total = 0.0
    new = 0
    for i in chosen:
        region = int(problem.region[problem.demand[i]])
        now[problem.region_codes[region]] += 1
        krw_total += float(problem.cost[i])
        if problem.earlier_of(region) == 0:
            new += 1
            krw_new += float(problem.cost[i])
    served = {
        code: {"earlier": problem.earlier_of(index), "this_round": now.get(code, 0)}
        for index, code in enumerate(problem.region_codes)
        if problem.earlier_of(index) > 0 or now.get(code, 0) > 0
    }
    return {
        "never_served_before": {
            "assignments_share": _share(new, len(chosen)),
            "krw_share": _share(krw_new, krw_total),
        },
        "by_region_across_rounds": dict(sorted(served.items())),
    }
