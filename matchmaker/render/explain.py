"""`explain` output: one pair's breakdown as text, JSON or Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matchmaker.explain import Explanation
from matchmaker.messages import say
from matchmaker.ranking import confidence_label
from matchmaker.render.cells import markdown_text
from matchmaker.render.envelope import envelope, to_json
from matchmaker.render.rank import match_json

COMPONENT_NAMES = {
    "en": {"demand_fit": "demand fit", "long_term": "long-term value", "synergy": "synergy"},
    "ko": {"demand_fit": "수요 적합도", "long_term": "장기 가치", "synergy": "시너지"},
}


@dataclass(frozen=True, slots=True)
class ExplainReport:
    """What `explain` writes: the breakdown, in a language, with the run's profile and
    input hashes for JSON."""

    explanation: Explanation
    language: str
    profile: dict[str, object]
    inputs: dict[str, str]


def counterfactual_sentence(explanation: Explanation, language: str) -> str | None:
    c = explanation.counterfactual
    if c is None:
        return None
    names = COMPONENT_NAMES[language]
    first = explanation.match.rank == 1
    if c.component is None:
        return say(
            language,
            f"No change of a single weight puts '{c.other_project}' "
            f"{'ahead' if first else 'behind'} (gap {c.gap:+.1f}).",
            f"가중치 하나만 바꿔서는 '{c.other_project}'와(과)의 순서가 바뀌지 않습니다"
            f"(차이 {c.gap:+.1f}).",
        )
    assert c.new_weights is not None
    direction_en = "Raising" if c.raw_change > 0 else "Lowering"
    direction_ko = "올리면" if c.raw_change > 0 else "내리면"
    shares = ", ".join(f"{names[k]} {v:.2f}" for k, v in c.new_weights.items())
    if first:
        return say(
            language,
            f"Next project: '{c.other_project}' ({c.gap:+.1f} behind). {direction_en} "
            f"the {names[c.component]} weight by {abs(c.raw_change):.3f} would tie them "
            f"(weights then {shares}); any further change puts it ahead.",
            f"다음 사업: '{c.other_project}'(점수 차 {c.gap:+.1f}). {names[c.component]} "
            f"가중치를 {abs(c.raw_change):.3f} {direction_ko} 두 사업이 같아집니다"
            f"(그때 가중치 {shares}). 그보다 더 바꾸면 순서가 바뀝니다.",
        )
    return say(
        language,
        f"Project above: '{c.other_project}' ({-c.gap:.1f} ahead). {direction_en} the "
        f"{names[c.component]} weight by {abs(c.raw_change):.3f} would tie them "
        f"(weights then {shares}).",
        f"바로 위 사업: '{c.other_project}'({-c.gap:.1f}점 앞섬). {names[c.component]} "
        f"가중치를 {abs(c.raw_change):.3f} {direction_ko} 두 사업이 같아집니다"
        f"(그때 가중치 {shares}).",
    )


def render_text(report: ExplainReport) -> str:
    explanation, language = report.explanation, report.language
    m = explanation.match
    names = COMPONENT_NAMES[language]
    region = m.record.region.display(language)
    rank = (
        say(language, f"rank {m.rank}", f"{m.rank}위")
        if m.rank
        else say(language, "not eligible", "대상 아님")
    )
    confidence = confidence_label(m.confidence)
    lines = [
        f"{m.demand_key} → {m.project_id} ({m.project_name})",
        f"{region} · {m.record.demand.title}",
        say(
            language,
            f"{rank} · score {m.score:.1f} · confidence {confidence} ({m.confidence:.2f})",
            f"{rank} · 점수 {m.score:.1f} · 신뢰도 {m.confidence:.2f}",
        ),
        "",
    ]
    headers = (
        say(language, "component", "구성 요소"),
        say(language, "points", "점수"),
        say(language, "weight", "가중치"),
        say(language, "share", "기여"),
    )
    lines.append(_left(headers[0], 22) + "".join(_right(h, 8) for h in headers[1:]))
    scaled = ("long_term", "synergy")
    for part in explanation.breakdown:
        lines.append(
            _left(names[part.name], 22) + f"{part.points:>8.1f}{part.weight:>8.2f}"
            f"{part.contribution:>8.1f}"
        )
        for name, value, known, weight in part.parts:
            mark = "" if known else say(language, "  (assumed)", "  (가정)")
            lines.append(f"    {name:<18}{value:>6.2f} × {weight:.2f}{mark}")
        # Every step between the signals and the points, so the parts add up: the
        # weighted sum, then the fit relevance that scales long-term value and synergy.
        raw = 100 * sum(value * weight for _name, value, _known, weight in part.parts)
        if part.name == "long_term" and explanation.track_record is not None:
            # Earlier rounds' results move long-term value before fit relevance scales it.
            lines.append(
                say(
                    language,
                    f"    track record     {explanation.track_record:+6.2f} points",
                    f"    실적             {explanation.track_record:+6.2f}점",
                )
            )
            raw = min(max(raw + explanation.track_record, 0.0), 100.0)
        if part.name in scaled and explanation.relevance < 1:
            lines.append(
                say(
                    language,
                    f"    = {raw:.1f} × {explanation.relevance:.2f} fit relevance"
                    f" = {part.points:.1f}",
                    f"    = {raw:.1f} × 적합도 반영 {explanation.relevance:.2f}"
                    f" = {part.points:.1f}",
                )
            )
        elif part.name == "demand_fit" and _fit_steps(explanation, part.points, language):
            lines.append(f"    = {raw:.1f}" + _fit_steps(explanation, part.points, language))
        else:
            # No step between: the sum is the points (shown as they are, not re-added from
            # the rounded signals, which can differ in the last digit).
            lines.append(f"    = {part.points:.1f}")
    if explanation.relevance < 1:
        lines.append(
            say(
                language,
                f"fit relevance {explanation.relevance:.2f}: this demand fit is below the "
                "strong-candidate level, so long-term value and synergy count less",
                f"적합도 반영 {explanation.relevance:.2f}: 수요 적합도가 유력 후보 기준보다 "
                "낮아 장기 가치와 시너지를 덜 반영함",
            )
        )
    if explanation.bonus:
        lines.append(
            say(
                language,
                f"population-decline bonus  +{explanation.bonus:.1f}",
                f"인구감소지역 가점  +{explanation.bonus:.1f}",
            )
        )
    terms = " + ".join(f"{part.contribution:.1f}" for part in explanation.breakdown)
    if explanation.bonus:
        terms += f" + {explanation.bonus:.1f}"
    lines.append(
        say(language, f"score = {terms} = {m.score:.1f}", f"점수 = {terms} = {m.score:.1f}")
    )
    lines.append("")
    gates = ", ".join(f"{gate} {'✓' if passed else '✗'}" for gate, passed in explanation.gates)
    lines.append(say(language, f"Gates: {gates}", f"자격 요건: {gates}"))
    lines.append(say(language, "Reasons:", "근거:"))
    lines += [f"  - {reason}" for reason in m.reasons]
    sentence = counterfactual_sentence(explanation, language)
    if sentence:
        lines += ["", sentence]
    return "\n".join(lines) + "\n"


def _fit_steps(explanation: Explanation, points: float, language: str) -> str:
    """The factors after demand fit's weighted signals, each named, ending at its points."""
    steps = ""
    if explanation.priority_factor < 1:
        steps += say(
            language,
            f" × {explanation.priority_factor:.2f} priority",
            f" × 우선순위 {explanation.priority_factor:.2f}",
        )
    if explanation.ruled_out_factor < 1:
        steps += say(
            language,
            f" × {explanation.ruled_out_factor:.2f} ruled out by the demand",
            f" × 수요가 배제함 {explanation.ruled_out_factor:.2f}",
        )
    return f"{steps} = {points:.1f}" if steps else ""


def _left(text: str, cells: int) -> str:
    """Pad to a number of terminal cells: Hangul is two cells wide, so str.ljust is not."""
    from matchmaker.diagnostics.render import display_width

    return text + " " * max(cells - display_width(text), 0)


def _right(text: str, cells: int) -> str:
    from matchmaker.diagnostics.render import display_width

    return " " * max(cells - display_width(text), 0) + text


def render_json(report: ExplainReport) -> str:
    explanation, language = report.explanation, report.language
    c = explanation.counterfactual
    document = {
        "profile": report.profile,
        "match": match_json(explanation.match),
        "breakdown": [
            {
                "component": part.name,
                "points": part.points,
                "weight": part.weight,
                "contribution": part.contribution,
                "signals": [
                    {"name": n, "value": v, "known": k, "weight": w} for n, v, k, w in part.parts
                ],
            }
            for part in explanation.breakdown
        ],
        "population_decline_bonus": explanation.bonus,
        "relevance": explanation.relevance,
        "priority_factor": explanation.priority_factor,
        "ruled_out_factor": explanation.ruled_out_factor,
        # Only with --history, so outputs without it keep their exact shape.
        **(
            {"track_record": explanation.track_record}
            if explanation.track_record is not None
            else {}
        ),
        "gates": {gate: passed for gate, passed in explanation.gates},
        "counterfactual": None
        if c is None
        else {
            "other_project": c.other_project,
            "gap": c.gap,
            "component": c.component,
            "raw_change": c.raw_change,
            "new_weights": c.new_weights,
            "sentence": counterfactual_sentence(explanation, language),
        },
    }
    return to_json(envelope(report.inputs, document))


def render_markdown(report: ExplainReport) -> str:
    text = render_text(report)
    first, *rest = text.splitlines()
    body = "\n".join(rest).strip("\n")
    # A fence longer than any run of backticks in the text, so no text can close it.
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", body)), default=0))
    return f"## {markdown_text(first)}\n\n{fence}text\n{body}\n{fence}\n"
