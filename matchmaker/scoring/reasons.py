"""Reasons: the evidence behind one pair's score, as sentences a planner can paste.

Built only for the pairs that are shown, so their cost does not grow with all pairs.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from itertools import compress
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.messages import label, labels, say
from matchmaker.scoring.components import DEMAND_FIT, LONG_TERM, SYNERGY
from matchmaker.scoring.eligibility import GATES
from matchmaker.scoring.engine import Scores
from matchmaker.scoring.ties import TieEvidence

if TYPE_CHECKING:
    from matchmaker.models.project import Project

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
    """The reasons of one pair, sentence by sentence: the reference `reasons_for`, which
    writes many pairs' at once, is tested against (each with the same sentence helpers)."""
    d, p = scores.demands, scores.projects
    project = p.projects[column]
    found: list[str] = []
    gate = gate_reason(scores, row, column, language)
    if gate:
        found.append(gate)
    weights = d.theme_weights[row]
    shared = np.flatnonzero((weights > 0) & p.themes[column]).tolist()
    if shared:
        parts = [_theme_part(scores, row, theme, language) for theme in shared]
        found.append(_themes_said([part for part in parts if part], language))
    else:
        found.append(_no_theme_said(bool(weights.sum() > 0), language))
    statement = int(scores.needs_statement[row, column])
    need = float(scores.needs[row, column])
    if statement >= 0 and need >= NEEDS_WORTH_SAYING:
        found.append(_problem_said(scores, column, statement, need, language))
    if d.ruled_out_themes[row] and d.ruled_out_themes[row] & _project_themes(scores, column):
        found.append(_set_aside_said(d.ruled_out[row], language))
    cosine = float(scores.cosine[row, column])
    if cosine >= 0.05:
        found.append(_cosine_said(cosine, language))
    budget = _budget_said(
        float(d.budget[row]), float(p.budget_min[column]), float(p.budget_max[column]), language
    )
    if budget:
        found.append(budget)
    found += [said for said in _project_said(project, language) if said]
    tie = _ties_said(scores.ties.for_demand(d, row), project.id, language)
    if tie:
        found.append(tie)
    track_said = track_reason(scores, row, column, language)
    if track_said:
        found.append(track_said)
    demand = d.records[row].demand
    if demand.years and project.years:
        found.append(_commitment_said(demand.years, project.years, language))
    found += [said for said in _demand_said(scores, row, language) if said]
    rows, columns = np.array([row]), np.array([column])
    wanted = scores.synergy_inputs.wanted_elsewhere[row]
    partners = [p.ids[q] for q in np.flatnonzero(p.complements[column] & wanted).tolist()]
    if partners:
        found.append(_complements_said(partners, language))
    neighbours = int(scores.synergy_inputs.neighbour_regions_at(rows, columns)[0])
    if neighbours > 0:
        found.append(_neighbours_said(scores, row, neighbours, language))
    names = [
        name
        for (_, name), given in zip(SIGNALS, _evidence(scores, rows, columns), strict=True)
        if not given[0]
    ]
    if names:
        found.append(_assumed_said(tuple(names), language))
    return found


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


def _evidence(scores: Scores, rows: np.ndarray, columns: np.ndarray) -> list[np.ndarray]:
    """Each sub-signal's evidence (SIGNALS order) for the pairs (rows[i], columns[i])."""
    return [
        given
        for component in (scores.fit, scores.long, scores.syn)
        for given in component.evidence_at(rows, columns)
    ]


def _theme_part(scores: Scores, row: int, theme: int, language: str) -> str | None:
    """How a demand came to a theme column it shares with a project: declared, or read
    from (at most three of) its words; None when neither (nothing to say)."""
    d = scores.demands
    theme_id = scores.theme_ids[theme]
    label = theme_label(scores, theme_id, language)
    if theme_id in d.declared_themes[row]:
        return say(language, f"{label} (declared)", f"{label}(명시)")
    hits = d.theme_hits[row].get(theme_id, ())
    if not hits:
        return None
    words = ", ".join(
        sorted({f"'{h.found}'" if h.exact else f"'{h.found}'~'{h.synonym}'" for h in hits})[:3]
    )
    return say(language, f"{label} (read from {words})", f"{label}({words}에서 읽음)")


def _themes_said(parts: list[str], language: str) -> str:
    return say(language, "Themes matched: ", "주제 일치: ") + "; ".join(parts)


def _no_theme_said(asked_any: bool, language: str) -> str:
    if asked_any:
        return say(
            language,
            "None of the demand's themes is among the project's",
            "수요의 주제 중 사업 주제와 겹치는 것이 없습니다",
        )
    return say(
        language,
        "No theme recognised in the demand's text",
        "수요 설명에서 알아본 주제가 없습니다",
    )


def _problem_said(scores: Scores, column: int, statement: int, need: float, language: str) -> str:
    p = scores.projects
    problem = p.projects[column].problems[int(p.problem_position[statement])]
    said = problem.ko if language == "ko" else problem.en
    return say(
        language,
        f"Answers a problem the demand describes: '{said}' (similarity {need:.2f})",
        f"수요가 말하는 문제에 답합니다: '{said}'(유사도 {need:.2f})",
    )


def _project_themes(scores: Scores, column: int) -> frozenset[str]:
    return frozenset(
        scores.theme_ids[t] for t in np.flatnonzero(scores.projects.themes[column]).tolist()
    )


def _set_aside_said(phrases: Sequence[str], language: str) -> str:
    quoted = ", ".join(f"'{phrase}'" for phrase in phrases)
    return say(
        language,
        f"Not counted: the demand rules out {quoted}",
        f"반영하지 않음: 수요가 {quoted}을(를) 원하지 않는다고 했습니다",
    )


def _cosine_said(cosine: float, language: str) -> str:
    return say(language, f"Wording similarity {cosine:.2f}", f"표현 유사도 {cosine:.2f}")


def _budget_said(budget: float, low: float, high: float, language: str) -> str | None:
    """A budget request against the project's range; None when either is not given."""
    if math.isnan(budget) or (math.isnan(low) and math.isnan(high)):
        return None
    if not math.isnan(high) and budget > high:
        return say(
            language,
            f"Budget request KRW {_won(budget)} is above the project's maximum of KRW {_won(high)}",
            f"요청 예산 {_won(budget)}원이 사업 상한 {_won(high)}원보다 큽니다",
        )
    if not math.isnan(low) and budget < low:
        return say(
            language,
            f"Budget request KRW {_won(budget)} is below the project's minimum of KRW {_won(low)}",
            f"요청 예산 {_won(budget)}원이 사업 하한 {_won(low)}원보다 작습니다",
        )
    return say(
        language,
        f"Budget request KRW {_won(budget)} is within the project's range",
        f"요청 예산 {_won(budget)}원이 사업 범위 안입니다",
    )


def _project_said(project: Project, language: str) -> list[str | None]:
    """What the project alone adds to any pair's reasons: its local body and whether it
    has ended (None: not said)."""
    found: list[str | None] = [None, None]
    # A persistent local body is what stays when the support ends: said, not scored
    # (its value is in continuity and capacity building, which are).
    if project.long_term is not None and project.long_term.local_body:
        body = project.long_term.local_body
        found[0] = say(
            language, f"Leaves a persistent local body: {body}", f"지역에 남는 조직: {body}"
        )
    if project.status == "ended":
        found[1] = say(
            language,
            "The programme has ended in its published form",
            "이 사업은 공개된 형태로는 종료되었습니다",
        )
    return found


def _ties_said(ties: Sequence[TieEvidence], project_id: str, language: str) -> str | None:
    """The demand's earlier cooperation with this project, else its first tie with Seoul."""
    for tie in ties:
        if tie.project == project_id:
            return say(
                language,
                f"Continues earlier cooperation ({tie.description})",
                f"기존 교류를 잇습니다({tie.description})",
            )
    if ties:
        return say(
            language,
            f"Earlier ties with Seoul: {ties[0].description}",
            f"서울과의 기존 교류: {ties[0].description}",
        )
    return None


def _commitment_said(region_years: int, project_years: int, language: str) -> str:
    return say(
        language,
        f"Commitment: region {region_years} years, project {project_years} years",
        f"기간: 지역 {region_years}년, 사업 {project_years}년",
    )


def _demand_said(scores: Scores, row: int, language: str) -> list[str | None]:
    """What the demand alone adds to any pair's reasons (after the commitment): its
    co-funding share and its partners (None: not said)."""
    demand = scores.demands.records[row].demand
    found: list[str | None] = [None, None]
    if demand.local_match is not None:
        found[0] = say(
            language,
            f"Region co-funds {demand.local_match:.0%}",
            f"지역 부담 {demand.local_match:.0%}",
        )
    kinds = sorted({x.kind for x in demand.partners})
    if kinds:
        named = labels("partner-kind", kinds, language)
        found[1] = say(language, f"Partners: {named}", f"협력 주체: {named}")
    return found


def _complements_said(partners: list[str], language: str) -> str:
    return say(
        language,
        f"Complements {', '.join(partners)}, strong for another demand of this region",
        f"이 지역의 다른 수요에 유력한 {', '.join(partners)}와(과) 상호보완",
    )


def _neighbours_said(scores: Scores, row: int, neighbours: int, language: str) -> str:
    region = scores.demands.records[row].region
    province = region.province_name_ko if language == "ko" else region.province_name_en
    return say(
        language,
        f"{neighbours} other region(s) in {province} want it too",
        f"{province}의 다른 지역 {neighbours}곳도 원합니다",
    )


def _by_column(rows: list[list[str | None]], width: int) -> list[tuple[str | None, ...]]:
    """Rows of `width` sentences as `width` columns (each pair's, in pair order)."""
    if not rows:
        return [() for _ in range(width)]
    return list(zip(*rows, strict=True))


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
    """The reasons of the pairs (rows[i], columns[i]), what `reasons` says of each, built
    sentence by sentence for all the pairs rather than pair by pair: every number a
    sentence quotes is gathered at once, a sentence that depends on the demand alone or
    the project alone is written once per demand or project, and each pair's list is
    then its sentences in order, the ones it has no evidence for left out. (`rank` shows
    ~30,000 pairs at 10,000 demands; pair by pair this was ~30 µs of Python a pair.)"""
    d, p = scores.demands, scores.projects
    row_at = np.asarray(rows, dtype=int)
    column_at = np.asarray(columns, dtype=int)
    count = len(row_at)
    if not count:
        return []
    row_list, column_list = row_at.tolist(), column_at.tolist()
    pairs = list(zip(row_list, column_list, strict=True))
    unique_rows = dict.fromkeys(row_list)
    unique_columns = dict.fromkeys(column_list)
    # one column per kind of sentence, in the order they are said: each pair's sentence,
    # or None when the pair has none of that kind
    said: list[Sequence[str | None]] = []

    gates = scores.eligibility.gate[row_at, column_at].tolist()
    said.append(
        [
            gate_reason(scores, row, column, language) if gate else None
            for gate, (row, column) in zip(gates, pairs, strict=True)
        ]
    )

    weights = d.theme_weights[row_at]
    shared_themes = _by_pair(count, (weights > 0) & p.themes[column_at])
    asked_any = dict(zip(row_list, (weights.sum(axis=1) > 0).tolist(), strict=True))
    no_theme = {asked: _no_theme_said(asked, language) for asked in (False, True)}
    theme_parts: dict[tuple[int, int], str | None] = {}
    themes_said: list[str | None] = []
    for (row, _), shared in zip(pairs, shared_themes, strict=True):
        if not shared:
            themes_said.append(no_theme[asked_any[row]])
            continue
        parts = []
        for theme in shared:
            key = (row, theme)
            if key not in theme_parts:
                theme_parts[key] = _theme_part(scores, row, theme, language)
            part = theme_parts[key]
            if part:
                parts.append(part)
        themes_said.append(_themes_said(parts, language))
    said.append(themes_said)

    statements = scores.needs_statement[row_at, column_at]
    needs = scores.needs[row_at, column_at]
    problem: list[str | None] = [None] * count
    for i in np.flatnonzero((statements >= 0) & (needs >= NEEDS_WORTH_SAYING)).tolist():
        problem[i] = _problem_said(
            scores, column_list[i], int(statements[i]), float(needs[i]), language
        )
    said.append(problem)

    set_aside: list[str | None] = [None] * count
    ruling = {row for row in unique_rows if d.ruled_out_themes[row]}
    if ruling:
        project_themes: dict[int, frozenset[str]] = {}
        for i, (row, column) in enumerate(pairs):
            if row in ruling:
                if column not in project_themes:
                    project_themes[column] = _project_themes(scores, column)
                if d.ruled_out_themes[row] & project_themes[column]:
                    set_aside[i] = _set_aside_said(d.ruled_out[row], language)
    said.append(set_aside)

    cosines = scores.cosine[row_at, column_at]
    cosine_said: list[str | None] = [None] * count
    for i, cosine in zip(
        np.flatnonzero(cosines >= 0.05).tolist(), cosines[cosines >= 0.05].tolist(), strict=True
    ):
        cosine_said[i] = _cosine_said(cosine, language)
    said.append(cosine_said)

    budgets = d.budget[row_at]
    lows, highs = p.budget_min[column_at], p.budget_max[column_at]
    budget_said: list[str | None] = [None] * count
    asked = ~np.isnan(budgets) & ~(np.isnan(lows) & np.isnan(highs))
    for i in np.flatnonzero(asked).tolist():
        budget_said[i] = _budget_said(float(budgets[i]), float(lows[i]), float(highs[i]), language)
    said.append(budget_said)

    of_project = {column: _project_said(p.projects[column], language) for column in unique_columns}
    said += _by_column([of_project[column] for column in column_list], 2)

    ties = {row: scores.ties.for_demand(d, row) for row in unique_rows}
    said.append(
        [
            _ties_said(ties[row], p.ids[column], language) if ties[row] else None
            for row, column in pairs
        ]
    )

    if scores.track is not None:
        said.append([track_reason(scores, row, column, language) for row, column in pairs])

    region_years = {row: d.records[row].demand.years for row in unique_rows}
    project_years = {column: p.projects[column].years for column in unique_columns}
    said.append(
        [
            _commitment_said(region_years[row], project_years[column], language)
            if region_years[row] and project_years[column]
            else None
            for row, column in pairs
        ]
    )

    of_demand = {row: _demand_said(scores, row, language) for row in unique_rows}
    said += _by_column([of_demand[row] for row in row_list], 2)

    # each pair's project's complements (a few a project, from its row of the P x P
    # table), then those another demand of the region wants, in one gather
    wanted = scores.synergy_inputs.wanted_elsewhere
    shown = list(unique_columns)
    complements: dict[int, list[int]] = {column: [] for column in shown}
    whose, other = np.nonzero(p.complements[shown])
    for at_shown, q in zip(whose.tolist(), other.tolist(), strict=True):
        complements[shown[at_shown]].append(q)
    at = [i for i, column in enumerate(column_list) for _ in complements[column]]
    others = [q for column in column_list for q in complements[column]]
    partners: list[list[int]] = [[] for _ in range(count)]
    if at:
        kept = wanted[row_at[at], others].tolist()
        for i, q, keep in zip(at, others, kept, strict=True):
            if keep:
                partners[i].append(q)
    complements_said = [
        _complements_said([p.ids[q] for q in found], language) if found else None
        for found in partners
    ]
    said.append(complements_said)

    neighbour_counts = scores.synergy_inputs.neighbour_regions_at(row_at, column_at)
    neighbours_said: list[str | None] = [None] * count
    for i in np.flatnonzero(neighbour_counts > 0).tolist():
        neighbours_said[i] = _neighbours_said(
            scores, row_list[i], int(neighbour_counts[i]), language
        )
    said.append(neighbours_said)

    # `not given` of each sub-signal's evidence (0.0 or False; NaN counts as given), as
    # one number a pair (bit k: SIGNALS[k] missing), each number's sentence written once
    missing = np.stack(_evidence(scores, row_at, column_at), axis=1) == 0
    codes = (missing.astype(np.int64) << np.arange(len(SIGNALS), dtype=np.int64)).sum(axis=1)
    names = [name for _, name in SIGNALS]
    assumed_of: dict[int, str] = {}
    for code in sorted(set(codes.tolist()) - {0}):
        flags = [bool(code >> k & 1) for k in range(len(names))]
        assumed_of[code] = _assumed_said(tuple(compress(names, flags)), language)
    assumed = [assumed_of.get(code) for code in codes.tolist()]
    said.append(assumed)

    return [
        [sentence for sentence in sentences if sentence] for sentences in zip(*said, strict=True)
    ]
