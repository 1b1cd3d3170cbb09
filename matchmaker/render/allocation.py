"""`allocate` output as a table, JSON, CSV (Excel-ready) or Markdown."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from matchmaker.allocation.report import AllocationResult
from matchmaker.messages import say
from matchmaker.models import Profile
from matchmaker.render.cells import csv_writer, markdown_text
from matchmaker.render.envelope import envelope, to_json
from matchmaker.render.rank import UTF8_BOM, profile_json


def to_json_document(
    result: AllocationResult,
    profile: Profile,
    inputs: dict[str, str],
    options: Mapping[str, object],
) -> dict[str, object]:
    solution = result.solution
    return envelope(
        inputs,
        {
            "options": options,
            "profile": profile_json(profile),
            "status": solution.status,
            "gap": solution.gap,
            "bound": solution.bound,
            "tolerance": solution.tolerance,
            "objective": solution.objective,
            "assignments": [
                {
                    "proposal": a.proposal,
                    "demand": a.demand,
                    "region": {"code": a.region_code, "name": a.region_name},
                    "project": a.project,
                    "score": a.score,
                    "cost": a.cost,
                    "reasons": list(a.reasons),
                }
                for a in result.assignments
            ],
            "unassigned": [
                {
                    "proposal": u.proposal,
                    "demand": u.demand,
                    "region": {"code": u.region_code, "name": u.region_name},
                    "reason": u.reason,
                    "code": u.code,
                    # Only where it had a project it could have had: older outputs keep
                    # their exact shape.
                    **(
                        {"best_project": u.best_project, "best_score": u.best_score}
                        if u.best_project is not None
                        else {}
                    ),
                }
                for u in result.unassigned
            ],
            "synergy": result.synergy,
            "capacity_used": result.capacity_used,
            "budget_used": result.budget_used,
            "budget": result.budget,
            "assignments_with_unknown_cost": result.unknown_cost,
            "unknown_cost": {
                "rule": result.unknown_cost_rule,
                "estimate": result.unknown_cost_estimate,
            },
            "fairness_prices": result.fairness_prices,
            "equity": result.equity,
        },
    )


@dataclass(frozen=True, slots=True)
class AllocationReport:
    """What `allocate` writes: the portfolio, in a language, with the run's profile, input
    hashes and every option that shaped it (for JSON, so `diff` can name them)."""

    result: AllocationResult
    language: str
    profile: Profile
    inputs: dict[str, str]
    options: Mapping[str, object]
    # Sections only some runs have (alternates, the decision kept); absent otherwise, so
    # other outputs keep their exact shape.
    extra: Mapping[str, object] = field(default_factory=dict)


def render_json(report: AllocationReport) -> str:
    document = to_json_document(report.result, report.profile, report.inputs, report.options)
    return to_json({**document, **report.extra})


def render_csv(report: AllocationReport) -> str:
    return _csv(report.result, report.language)


def render_table(report: AllocationReport) -> str:
    text = _table(report.result, report.language)
    carried = report.extra.get("reserve_carried")
    if isinstance(carried, dict):
        text += reserve_line(carried, report.language) + "\n"
    return text


def reserve_line(carried: Mapping[str, Any], language: str) -> str:
    """One line on the previous round's reserve list: which of its demands came back, and
    whether they were given priority (only ever when asked)."""
    if carried["round"] is None:
        return say(
            language,
            "Reserve list: no earlier decision in the records.",
            "예비 목록: 기록에 이전 회차 결정이 없습니다.",
        )
    demands = carried["demands"]
    names = ", ".join(f"{d['demand']} (← {d['earlier']})" for d in demands) or "-"
    priority = carried["priority"]
    rule = (
        say(
            language,
            f"given priority (--reserve-priority {priority})",
            f"우선 배정함(--reserve-priority {priority})",
        )
        if priority
        else say(language, "no priority given", "우선 배정하지 않음")
    )
    return say(
        language,
        f"Reserve list of round {carried['round']}: {len(demands)} of its "
        f"{carried['reserve']} demand(s) reappear in this round: {names}; {rule}.",
        f"{carried['round']}년 회차 예비 목록 {carried['reserve']}건 중 {len(demands)}건이 "
        f"이번 회차에 다시 나왔습니다: {names}. {rule}.",
    )


def render_markdown(report: AllocationReport) -> str:
    return _markdown(report.result, report.language)


def _csv(result: AllocationResult, language: str) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(
        [
            "proposal",
            "demand",
            "region_code",
            "region",
            "project",
            "score",
            "cost_krw",
            "status",
            "reason",
        ]
    )
    for a in result.assignments:
        writer.writerow(
            [
                a.proposal,
                a.demand,
                a.region_code,
                a.region_name[language],
                a.project,
                f"{a.score:.2f}",
                "" if a.cost is None else a.cost,
                "assigned",
                " | ".join(a.reasons),
            ]
        )
    for u in result.unassigned:
        writer.writerow(
            [
                u.proposal,
                u.demand,
                u.region_code,
                u.region_name[language],
                "",
                "",
                "",
                "unassigned",
                u.reason,
            ]
        )
    return UTF8_BOM + buffer.getvalue()


def _summary_lines(result: AllocationResult, language: str) -> list[str]:
    s = result.solution
    status = (
        say(language, "proven optimal", "최적해 증명됨")
        if s.status == "optimal" and s.gap == 0
        else say(
            language,
            f"optimal within the solver's tolerance of {s.tolerance:.2%}: gap {s.gap:.4%}",
            f"솔버 허용 오차 {s.tolerance:.2%} 안의 최적해: 격차 {s.gap:.4%}",
        )
        if s.status == "optimal"
        else say(
            language,
            f"stopped at the time limit: gap {s.gap:.2%}, bound {s.bound:.1f}",
            f"시간 제한으로 중단: 격차 {s.gap:.2%}, 상한 {s.bound:.1f}",
        )
    )
    budget = f"KRW {result.budget_used:,}" + (
        f" / {result.budget:,}" if result.budget is not None else ""
    )
    lines = [
        say(
            language,
            f"Objective {s.objective:.1f} ({status})",
            f"목적값 {s.objective:.1f}({status})",
        ),
        say(
            language,
            f"{len(result.assignments)} assigned, {len(result.unassigned)} unassigned;"
            f" budget used {budget}",
            f"배정 {len(result.assignments)}건, 미배정 {len(result.unassigned)}건; "
            f"사용 예산 {budget}",
        ),
    ]
    sentence = unknown_cost_sentence(result, language)
    if sentence:
        lines.append(sentence)
    for group, price in result.fairness_prices.items():
        lines.append(
            say(
                language,
                f"Price of {group}: {price:.1f} points of objective",
                f"{group} 조건의 비용: 목적값 {price:.1f}점",
            )
        )
    equity = result.equity
    decline = equity.get("population_decline", {})
    if isinstance(decline, dict):
        lines.append(
            say(
                language,
                f"Population-decline areas: {decline['assignments_share']:.0%} of "
                f"assignments, {decline['krw_share']:.0%} of KRW",
                f"인구감소지역: 배정의 {decline['assignments_share']:.0%}, "
                f"예산의 {decline['krw_share']:.0%}",
            )
        )
    return lines


def _cost_text(cost: int | None, result: AllocationResult, language: str) -> str:
    """A pair's cost, or that it is unknown and what it counted as."""
    if cost is not None:
        return f"{cost:,}"
    if result.unknown_cost_estimate is None:
        return say(language, "unknown", "미상")
    estimate = f"{int(result.unknown_cost_estimate):,}"
    return say(language, f"unknown (~{estimate})", f"미상(~{estimate})")


def unknown_cost_sentence(result: AllocationResult, language: str) -> str | None:
    """How pairs with no published cost counted under the budget, or None when none did:
    the same words in the terminal, the report and the workbook."""
    if result.unknown_cost and result.unknown_cost_estimate is not None:
        estimate = f"{int(result.unknown_cost_estimate):,}"
        return say(
            language,
            f"{result.unknown_cost} assignment(s) have no published cost; each counts as "
            f"KRW {estimate} (--unknown-cost {result.unknown_cost_rule})",
            f"공개된 비용이 없는 배정 {result.unknown_cost}건은 각각 {estimate}원으로 "
            f"계산했습니다(--unknown-cost {result.unknown_cost_rule})",
        )
    if result.unknown_cost_estimate is None and result.budget is not None:
        return say(
            language,
            "pairs with no published cost were not offered under the budget "
            "(--unknown-cost exclude)",
            "공개된 비용이 없는 짝은 예산 아래에서 제외했습니다(--unknown-cost exclude)",
        )
    return None


def _table(result: AllocationResult, language: str, width: int | None = None) -> str:
    from matchmaker.render.plain_table import Column, Printer
    from matchmaker.render.width import table_width

    printer = Printer(width or table_width())
    for line in _summary_lines(result, language):
        printer.text(line, emoji=True)
    printer.blank()
    columns = [
        Column(say(language, "demand", "수요"), max_width=30),
        Column(say(language, "region", "지역"), max_width=12),
        Column(say(language, "project", "사업"), max_width=24),
        Column(say(language, "score", "점수"), "right"),
        Column(say(language, "cost (KRW)", "비용(원)"), "right"),
    ]
    rows = [
        [
            a.demand_key,
            a.region_name[language],
            a.project,
            f"{a.score:.1f}",
            _cost_text(a.cost, result, language),
        ]
        for a in result.assignments
    ]
    printer.table(columns, rows)
    if result.unassigned:
        printer.blank()
        printer.text(say(language, "Unassigned:", "미배정:"))
        for u in result.unassigned:
            printer.text(f"  {u.demand_key}: {u.reason}", emoji=True)
    return printer.output()


def _markdown(result: AllocationResult, language: str) -> str:
    lines = [say(language, "# Allocation", "# 배정 결과"), ""]
    lines += [f"- {line}" for line in _summary_lines(result, language)]
    lines += ["", say(language, "## Assignments", "## 배정"), ""]
    for a in result.assignments:
        cost = say(language, "cost unknown", "비용 미상") if a.cost is None else f"KRW {a.cost:,}"
        lines.append(f"### {markdown_text(a.demand_key)} → {a.project} ({a.score:.1f}, {cost})")
        lines.append("")
        lines.append(" ".join(markdown_text(reason.rstrip(".") + ".") for reason in a.reasons))
        lines.append("")
    if result.unassigned:
        lines += [say(language, "## Unassigned", "## 미배정"), ""]
        lines += [
            f"- **{markdown_text(u.demand_key)}**: {markdown_text(u.reason)}"
            for u in result.unassigned
        ]
    return "\n".join(lines).rstrip("\n") + "\n"
