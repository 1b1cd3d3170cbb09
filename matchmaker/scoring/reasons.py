"""Reasons: the evidence behind one pair's score, as sentences a planner can paste.

Built only for the pairs that are shown, so their cost does not grow with all pairs.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from itertools import compress

import numpy as np

from matchmaker.messages import label, labels, say
from matchmaker.scoring.components import DEMAND_FIT, LONG_TERM, SYNERGY
from matchmaker.scoring.eligibility import GATES
from matchmaker.scoring.engine import Scores
from matchmaker.scoring.ties import TieEvidence

# A problem statement is named in the reasons from this cosine up: below it the overlap
# is a word or two in common, not a described need.
NEEDS_WORTH_SAYING = 0.10


def _won(amount: float) -> str:
    return f"{int(amount):,}"


def theme_label(scores: Scores, theme: str, language: str) -> str:
    label = scores.theme_labels.get(theme)
    return label.display(language) if label is not None else theme


def gate_reason(scores: Scores, row: int, column: int, language: str) -> str | None:
    gate = GATES[int(scores.eligibility.gate[row, column])]
    if gate == "eligible":
        return None
    record = scores.demands.records[row]
    project = scores.projects.projects[column]
    region = record.region.display(language)
    rule = project.eligible
    if gate == "region-kind" and rule and rule.kinds:
        kinds = labels("region-kind", rule.kinds, language)
        kind = label("region-kind", record.region.kind, language)
        return say(
            language,
            f"Not eligible: the project takes {kinds} only; {region} is a {kind}",
            f"대상 아님: 이 사업은 {kinds}만 참여할 수 있는데 {region}은(는) {kind}입니다",
        )
    if gate == "province":
        return say(
            language,
            f"Not eligible: {region} is outside the project's provinces",
            f"대상 아님: {region}은(는) 사업 대상 시·도가 아닙니다",
        )
    if gate == "population-decline":
        return say(
            language,
            f"Not eligible: the project is for population-decline areas only, "
            f"and {region} is not one",
            f"대상 아님: 인구감소지역만 참여할 수 있는데 {region}은(는) 지정되지 않았습니다",
        )
    if gate == "co-funding":
        share = scores.demands.local_match[row]
        minimum = scores.projects.local_match_min[column]
        return say(
            language,
            f"Not eligible: the region co-funds {share:.0%}, below the "
            f"project's minimum of {minimum:.0%}",
            f"대상 아님: 지역 부담 비율 {share:.0%}이(가) 사업 최소 기준 {minimum:.0%}보다 "
            "낮습니다",
        )
    return say(
        language,
        "Not eligible: the project delivers none of the modes asked for",
        "대상 아님: 요청한 추진 방식 중 이 사업이 제공하는 것이 없습니다",
    )


def track_reason(scores: Scores, row: int, column: int, language: str) -> str | None:
    """The track record behind a pair's long-term value: "met 3 of 4 targets in
    2025–2026", per project, region and continuation; None when no history was given."""
    track = scores.track
    if track is None:
        return None
    record = scores.demands.records[row]
    project = scores.projects.ids[column]
    region = record.region.code
    if not track.has_evidence(region, project):
        return say(
            language,
            "Track record: none in the records given (neutral)",
            "실적: 주어진 기록에 없음(중립)",
        )
    name = record.region.display(language)
    parts: list[str] = []
    for who, attainment in (
        (project, track.projects.get(project)),
        (name, track.regions.get(region)),
    ):
        if attainment is not None and attainment.total:
            parts.append(
                say(
                    language,
                    f"{who} met {attainment.met} of {attainment.total} targets in "
                    f"{attainment.span()}",
                    f"{who} 목표 {attainment.total}개 중 {attainment.met}개 달성"
                    f"({attainment.span()})",
                )
            )
    continued = track.continued.get(project)
    if continued is not None and continued.total:
        parts.append(
            say(
                language,
                f"cooperation continued after support in {continued.met} of "
                f"{continued.total} funded pair(s)",
                f"지원 종료 뒤 협력 지속 {continued.total}쌍 중 {continued.met}쌍",
            )
        )
    shift = float(track.shift[row, column])
    return say(
        language,
        f"Track record: {'; '.join(parts)} (long-term value {shift:+.1f})",
        f"실적: {'; '.join(parts)} (장기 가치 {shift:+.1f}점)",
    )


def reasons(scores: Scores, row: int, column: int, language: str) -> list[str]:
    """The reasons of one pair: `reasons_for` with one pair."""
    return reasons_for(scores, [row], [column], language)[0]


SIGNALS = tuple(
    (component, signal.name)
    for component, signals in (("fit", DEMAND_FIT), ("long", LONG_TERM), ("syn", SYNERGY))
    for signal in signals
)


@functools.lru_cache(maxsize=4096)
def _assumed_said(names: tuple[str, ...], language: str) -> str:
    named = labels("signal", names, language)
    return say(
        language,
        f"No data, neutral value assumed: {named}",
        f"자료 없음(중립값 가정): {named}",
    )


def _by_pair(pairs: int, mask: np.ndarray) -> list[list[int]]:
    """Each pair's True columns of a pairs × N mask, ascending."""
    grouped: list[list[int]] = [[] for _ in range(pairs)]
    at, columns = np.nonzero(mask)
    for pair, column in zip(at.tolist(), columns.tolist(), strict=True):
        grouped[pair].append(column)
    return grouped


def reasons_for(
    scores: Scores, rows: Sequence[int], columns: Sequence[int], language: str
) -> list[list[str]]:
    """The reasons of the pairs (rows[i], columns[i]), built together: every number they
    quote is gathered for all the pairs at once (one fancy index per array, not one
    numpy scalar per pair and reason), then each pair's sentences are written from plain
    Python values. `reasons` is this with one pair, so the sentences have one source."""
    d, p = scores.demands, scores.projects
    row_at = np.asarray(rows, dtype=int)
    column_at = np.asarray(columns, dtype=int)
    count = len(row_at)
    gates = scores.eligibility.gate[row_at, column_at].tolist()
    shared_themes = _by_pair(count, (d.theme_weights[row_at] > 0) & p.themes[column_at])
    asked_any = (d.theme_weights[row_at].sum(axis=1) > 0).tolist()
    statements = scores.needs_statement[row_at, column_at].tolist()
    needs = scores.needs[row_at, column_at]
    needs_said = (needs >= NEEDS_WORTH_SAYING).tolist()
    cosines = scores.cosine[row_at, column_at]
    cosine_said = (cosines >= 0.05).tolist()
    budgets = d.budget[row_at].tolist()
    lows = p.budget_min[column_at].tolist()
    highs = p.budget_max[column_at].tolist()
    wanted = scores.synergy_inputs.wanted_elsewhere
    partner_columns = _by_pair(count, p.complements[column_at] & wanted[row_at])
    neighbour_counts = scores.synergy_inputs.neighbour_regions[row_at, column_at].tolist()
    evidence = [
        given
        for component in (scores.fit, scores.long, scores.syn)
        for given in component.evidence_at(row_at, column_at)
    ]
    # `not given` of each sub-signal's evidence (0.0 or False; NaN counts as given)
    missing = (
        (np.stack(evidence, axis=1) == 0) if count else np.zeros((0, len(SIGNALS)), dtype=bool)
    ).tolist()
    names = [name for _, name in SIGNALS]
    project_themes: dict[int, set[str]] = {}
    ties_of: dict[int, list[TieEvidence]] = {}
    found_all: list[list[str]] = []
    for i, (row, column) in enumerate(zip(row_at.tolist(), column_at.tolist(), strict=True)):
        project = p.projects[column]
        found: list[str] = []
        gate = gate_reason(scores, row, column, language) if gates[i] else None
        if gate:
            found.append(gate)

        # theme columns both have, in theme order
        shared = [scores.theme_ids[t] for t in shared_themes[i]]
        if shared:
            parts = []
            for theme in shared:
                hits = d.theme_hits[row].get(theme, ())
                label = theme_label(scores, theme, language)
                if theme in d.declared_themes[row]:
                    parts.append(say(language, f"{label} (declared)", f"{label}(명시)"))
                elif hits:
                    words = ", ".join(
                        sorted(
                            {
                                f"'{h.found}'" if h.exact else f"'{h.found}'~'{h.synonym}'"
                                for h in hits
                            }
                        )[:3]
                    )
                    parts.append(
                        say(language, f"{label} (read from {words})", f"{label}({words}에서 읽음)")
                    )
            found.append(say(language, "Themes matched: ", "주제 일치: ") + "; ".join(parts))
        elif asked_any[i]:
            found.append(
                say(
                    language,
                    "None of the demand's themes is among the project's",
                    "수요의 주제 중 사업 주제와 겹치는 것이 없습니다",
                )
            )
        else:
            found.append(
                say(
                    language,
                    "No theme recognised in the demand's text",
                    "수요 설명에서 알아본 주제가 없습니다",
                )
            )
        statement = statements[i]
        if statement >= 0 and needs_said[i]:
            problem = project.problems[int(p.problem_position[statement])]
            said = problem.ko if language == "ko" else problem.en
            need = needs[i]
            found.append(
                say(
                    language,
                    f"Answers a problem the demand describes: '{said}' (similarity {need:.2f})",
                    f"수요가 말하는 문제에 답합니다: '{said}'(유사도 {need:.2f})",
                )
            )
        if d.ruled_out_themes[row]:
            if column not in project_themes:
                project_themes[column] = {
                    scores.theme_ids[t] for t in np.flatnonzero(p.themes[column]).tolist()
                }
            set_aside = (
                list(d.ruled_out[row]) if d.ruled_out_themes[row] & project_themes[column] else []
            )
        else:
            set_aside = []
        if set_aside:
            quoted = ", ".join(f"'{phrase}'" for phrase in set_aside)
            found.append(
                say(
                    language,
                    f"Not counted: the demand rules out {quoted}",
                    f"반영하지 않음: 수요가 {quoted}을(를) 원하지 않는다고 했습니다",
                )
            )
        if cosine_said[i]:
            cosine = cosines[i]
            found.append(
                say(language, f"Wording similarity {cosine:.2f}", f"표현 유사도 {cosine:.2f}")
            )

        budget, low, high = budgets[i], lows[i], highs[i]
        if not math.isnan(budget) and not (math.isnan(low) and math.isnan(high)):
            if not math.isnan(high) and budget > high:
                found.append(
                    say(
                        language,
                        f"Budget request KRW {_won(budget)} is above the "
                        f"project's maximum of KRW {_won(high)}",
                        f"요청 예산 {_won(budget)}원이 사업 상한 {_won(high)}원보다 큽니다",
                    )
                )
            elif not math.isnan(low) and budget < low:
                found.append(
                    say(
                        language,
                        f"Budget request KRW {_won(budget)} is below the "
                        f"project's minimum of KRW {_won(low)}",
                        f"요청 예산 {_won(budget)}원이 사업 하한 {_won(low)}원보다 작습니다",
                    )
                )
            else:
                found.append(
                    say(
                        language,
                        f"Budget request KRW {_won(budget)} is within the project's range",
                        f"요청 예산 {_won(budget)}원이 사업 범위 안입니다",
                    )
                )
        # A persistent local body is what stays when the support ends: said, not scored
        # (its value is in continuity and capacity building, which are).
        if project.long_term is not None and project.long_term.local_body:
            body = project.long_term.local_body
            found.append(
                say(
                    language, f"Leaves a persistent local body: {body}", f"지역에 남는 조직: {body}"
                )
            )
        if project.status == "ended":
            found.append(
                say(
                    language,
                    "The programme has ended in its published form",
                    "이 사업은 공개된 형태로는 종료되었습니다",
                )
            )

        if row not in ties_of:  # a demand's ties, once for all its pairs shown
            ties_of[row] = scores.ties.for_demand(d, row)
        ties = ties_of[row]
        for tie in ties:
            if tie.project == project.id:
                found.append(
                    say(
                        language,
                        f"Continues earlier cooperation ({tie.description})",
                        f"기존 교류를 잇습니다({tie.description})",
                    )
                )
                break
        else:
            if ties:
                found.append(
                    say(
                        language,
                        f"Earlier ties with Seoul: {ties[0].description}",
                        f"서울과의 기존 교류: {ties[0].description}",
                    )
                )

        track_said = track_reason(scores, row, column, language)
        if track_said:
            found.append(track_said)

        demand = d.records[row].demand
        if demand.years and project.years:
            found.append(
                say(
                    language,
                    f"Commitment: region {demand.years} years, project {project.years} years",
                    f"기간: 지역 {demand.years}년, 사업 {project.years}년",
                )
            )
        if demand.local_match is not None:
            found.append(
                say(
                    language,
                    f"Region co-funds {demand.local_match:.0%}",
                    f"지역 부담 {demand.local_match:.0%}",
                )
            )
        kinds = sorted({x.kind for x in demand.partners})
        if kinds:
            named = labels("partner-kind", kinds, language)
            found.append(say(language, f"Partners: {named}", f"협력 주체: {named}"))

        partners = [p.ids[q] for q in partner_columns[i]]
        if partners:
            found.append(
                say(
                    language,
                    f"Complements {', '.join(partners)}, strong for another demand of this region",
                    f"이 지역의 다른 수요에 유력한 {', '.join(partners)}와(과) 상호보완",
                )
            )
        neighbours = neighbour_counts[i]
        if neighbours > 0:
            province = (
                d.records[row].region.province_name_ko
                if language == "ko"
                else (d.records[row].region.province_name_en)
            )
            found.append(
                say(
                    language,
                    f"{neighbours} other region(s) in {province} want it too",
                    f"{province}의 다른 지역 {neighbours}곳도 원합니다",
                )
            )

        if any(missing[i]):
            found.append(_assumed_said(tuple(compress(names, missing[i])), language))
        found_all.append(found)
    return found_all
