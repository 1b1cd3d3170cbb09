"""Output of `sensitivity`, `compare` and `diff` as a table (text), JSON or Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matchmaker.diagnostics.render import display_width
from matchmaker.messages import say
from matchmaker.render.envelope import envelope, to_json
from matchmaker.robustness.compare import Comparison
from matchmaker.robustness.diff import RunDiff
from matchmaker.robustness.sensitivity import AllocationSurvival, DemandSensitivity


def _dump(document: dict[str, Any]) -> str:
    body = dict(document)
    return to_json(envelope(body.pop("inputs", {}), body))


def _bound(value: float) -> str:
    return "∞" if value == float("inf") else f"{value:.3f}"


def sensitivity_entry(found: DemandSensitivity) -> dict[str, Any]:
    """One demand's sensitivity, in the one shape `sensitivity --format json` and the
    report both use."""
    return {
        "demand": found.demand_key,
        "top_project": found.top_project,
        "fragile": found.fragile,
        "intervals": [
            {
                "component": i.component,
                "weight": float(i.weight),
                "low": float(i.low),
                "high": None if i.high == float("inf") else float(i.high),
            }
            for i in found.intervals
        ],
        "first_share": found.first_share,
        "top3_share": found.top3_share,
    }


def _sensitivity_json(
    found: list[DemandSensitivity], survival: AllocationSurvival | None, meta: dict[str, Any]
) -> str:
    return _dump(
        {
            **meta,
            "demands": [sensitivity_entry(s) for s in found],
            "allocation": None
            if survival is None
            else {"draws": survival.draws, "asked": survival.asked, "survival": survival.survival},
        }
    )


def _sensitivity_text(
    found: list[DemandSensitivity],
    survival: AllocationSurvival | None,
    language: str,
    markdown: bool = False,
) -> str:
    lines = [say(language, "# Sensitivity", "# 민감도") if markdown else ""]
    for s in found:
        head = f"{s.demand_key} → {s.top_project or '-'}"
        if s.fragile:
            head += say(language, "  [fragile]", "  [불안정]")
        lines.append(f"## {head}" if markdown else head)
        for i in s.intervals:
            lines.append(f"  {i.component:<11} {i.weight:.3f}  [{_bound(i.low)}, {_bound(i.high)}]")
        if s.first_share:
            shares = ", ".join(f"{k} {v:.0%}" for k, v in list(s.first_share.items())[:3])
            lines.append(say(language, f"  first in draws: {shares}", f"  1위 비율: {shares}"))
        lines.append("")
    if survival is not None:
        lines.append(
            say(
                language,
                f"Allocation: {survival.draws} of {survival.asked} draws",
                f"배정: 추첨 {survival.asked}회 중 {survival.draws}회",
            )
        )
        lines += [f"  {k}  {v:.0%}" for k, v in survival.survival.items()]
    return "\n".join(lines).lstrip("\n").rstrip("\n") + "\n"


def _compare_json(comparison: Comparison, meta: dict[str, Any]) -> str:
    return _dump(
        {
            **meta,
            "profiles": comparison.profiles,
            "top": comparison.top,
            "kendall_tau": comparison.tau,
            "overall_tau": comparison.overall_tau,
            "moves": [
                {"demand": m.demand_key, "project": m.project, "ranks": m.ranks, "spread": m.spread}
                for m in comparison.moves
            ],
        }
    )


def _compare_text(comparison: Comparison, language: str, markdown: bool = False) -> str:
    names = comparison.profiles
    lines = [say(language, "# Profiles compared", "# 프로필 비교"), ""] if markdown else []
    header = ["demand", *names] if language == "en" else ["수요", *names]
    rows = [
        [demand, *[tops[name] or "-" for name in names]] for demand, tops in comparison.top.items()
    ]
    if markdown:
        lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    else:
        # A header, and columns aligned (Hangul counted as two columns, as terminals do).
        widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for cells in [header, *rows]:
            padded = [
                cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(cells)
            ]
            lines.append("  ".join(padded).rstrip())
    lines.append("")
    for pair, value in comparison.overall_tau.items():
        shown = "-" if value is None else f"{value:.3f}"
        lines.append(
            say(
                language,
                f"Kendall's tau {pair.replace('|', ' vs ')}: {shown}",
                f"켄달 타우 {pair.replace('|', ' 대 ')}: {shown}",
            )
        )
    if comparison.moves:
        lines += ["", say(language, "Largest moves:", "가장 크게 움직인 쌍:")]
        for m in comparison.moves:
            ranks = ", ".join(f"{k} {v}" for k, v in m.ranks.items())
            lines.append(f"  {m.demand_key} {m.project}: {ranks}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _diff_json(result: RunDiff, inputs: dict[str, str]) -> str:
    return _dump(
        {
            "inputs": inputs,
            "kind": result.kind,
            "empty": result.empty,
            "causes": result.causes(),
            "input_changes": {
                "added": result.inputs_added,
                "removed": result.inputs_removed,
                "changed": result.inputs_changed,
            },
            "profile_changed": result.profile_changed,
            "options_changed": result.options_changed,
            "added": result.added,
            "removed": result.removed,
            "changed": result.changed,
            "objective": None if result.objective is None else list(result.objective),
        }
    )


def _diff_text(result: RunDiff, language: str, markdown: bool = False) -> str:
    if result.empty:
        return say(language, "No differences.\n", "차이가 없습니다.\n")
    lines = [say(language, "# Differences", "# 차이"), ""] if markdown else []
    causes = ", ".join(result.causes()) or say(language, "none recorded", "기록 없음")
    lines.append(say(language, f"Caused by: {causes}", f"원인: {causes}"))
    for label, files in (
        ("changed", result.inputs_changed),
        ("added", result.inputs_added),
        ("removed", result.inputs_removed),
    ):
        for name in files:
            lines.append(f"  input {label}: {name}")
    for label, items in (("+", result.added), ("-", result.removed), ("~", result.changed)):
        for item in items:
            lines.append(f"{label} " + " ".join(f"{k}={v}" for k, v in item.items()))
    if result.objective is not None and result.objective[0] != result.objective[1]:
        lines.append(
            say(
                language,
                f"objective {result.objective[0]} → {result.objective[1]}",
                f"목적값 {result.objective[0]} → {result.objective[1]}",
            )
        )
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class SensitivityReport:
    found: list[DemandSensitivity]
    survival: AllocationSurvival | None
    language: str
    meta: dict[str, Any]  # profile, draws, seed, inputs


@dataclass(frozen=True, slots=True)
class ComparisonReport:
    comparison: Comparison
    language: str
    inputs: dict[str, str]


@dataclass(frozen=True, slots=True)
class DiffReport:
    result: RunDiff
    language: str
    inputs: dict[str, str]


def sensitivity_json(report: SensitivityReport) -> str:
    return _sensitivity_json(report.found, report.survival, report.meta)


def sensitivity_text(report: SensitivityReport) -> str:
    return _sensitivity_text(report.found, report.survival, report.language)


def sensitivity_markdown(report: SensitivityReport) -> str:
    return _sensitivity_text(report.found, report.survival, report.language, markdown=True)


def compare_json(report: ComparisonReport) -> str:
    return _compare_json(report.comparison, {"inputs": report.inputs})


def compare_text(report: ComparisonReport) -> str:
    return _compare_text(report.comparison, report.language)


def compare_markdown(report: ComparisonReport) -> str:
    return _compare_text(report.comparison, report.language, markdown=True)


def diff_json(report: DiffReport) -> str:
    return _diff_json(report.result, report.inputs)


def diff_text(report: DiffReport) -> str:
    return _diff_text(report.result, report.language)


def diff_markdown(report: DiffReport) -> str:
    return _diff_text(report.result, report.language, markdown=True)
