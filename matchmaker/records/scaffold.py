"""A result file to fill in for one funded pair and year (`matchmaker new result`).

Like the proposal template, the one blank a result cannot do without (the indicator) is
left as `""`, which `validate` rejects, so an unfinished file never passes as finished;
the ids it may take are listed above it.
"""

from __future__ import annotations

from matchmaker.models import IndicatorsFile
from matchmaker.models.records import Decision
from matchmaker.records.decision import RecordError
from matchmaker.records.yaml_text import scalar
from matchmaker.suggest import did_you_mean


def funded_project(decision: Decision, demand: str, project: str | None) -> str:
    """The project the decision gave `demand` (checked against `project` when given)."""
    given = [pair.project for pair in decision.pairs if pair.demand == demand]
    if not given:
        suggestion = did_you_mean(demand, [pair.demand for pair in decision.pairs])
        hint_en = f" (did you mean '{suggestion}'?)" if suggestion else ""
        hint_ko = f" ('{suggestion}'을(를) 찾으셨나요?)" if suggestion else ""
        raise RecordError(
            f"round {decision.round}'s decision did not fund '{demand}'{hint_en}",
            f"{decision.round}년 회차의 결정은 '{demand}'을(를) 지원하지 않았습니다{hint_ko}",
        )
    if project is not None and project not in given:
        raise RecordError(
            f"round {decision.round} funded '{demand}' with {', '.join(given)}, not {project}",
            f"{decision.round}년 회차는 '{demand}'에 {project}이(가) 아니라 "
            f"{', '.join(given)}을(를) 지원했습니다",
        )
    return project if project is not None else given[0]


def result_template(
    decision: Decision,
    demand: str,
    project: str | None,
    year: int,
    indicators: IndicatorsFile | None,
) -> str:
    chosen = funded_project(decision, demand, project)
    listed = (
        ", ".join(
            f"{item.id} ({item.name.display('ko')})"
            for item in sorted(indicators.indicators, key=lambda i: i.id)
        )
        if indicators is not None
        else "-"
    )
    lines = [
        f"# {decision.round}년 회차 {demand} × {chosen}의 {year}년 결과 / results for {year}",
        "# 지표마다 기준값, 목표, 실제값과 그 근거(evidence)를 쓰세요. 실제값에는 근거가 "
        "있어야 합니다.",
        "# Per indicator: baseline, target, actual and where the actual is published "
        "(evidence); an actual needs evidence.",
        f"# 지표 id / indicator ids (catalog/indicators.yaml): {listed}",
        "kind: result",
        f"round: {decision.round}",
        f"demand: {scalar(demand)}",
        f"project: {scalar(chosen)}",
        f"year: {year}",
        "indicators:",
        '  - indicator: ""            # ← 채우세요 / fill in: an id listed above',
        "    baseline: null           # 지원 전 값 / value before support",
        "    target: null             # 목표값 / target",
        "    actual: null             # 실제값 / value measured",
        "    measured: null           # 측정일 YYYY-MM-DD / date measured",
        "    evidence: []             # [{url: …, title: …}] 실제값이 공표된 곳 / where published",
        "continued_after_support: null  # 지원이 끝난 뒤에도 협력이 이어졌으면 true / "
        "true if cooperation went on after support",
    ]
    return "\n".join(lines) + "\n"
