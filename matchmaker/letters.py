"""Feedback letters: what each region asked, what it got, and for each demand left
unfunded why, what would have changed it and what to strengthen next round.

Built from one allocation and the scores behind it, so a letter's reason for an unfunded
demand is the allocation's own reason, word for word (the allocate JSON's `reason`).
Nothing here reads files or prints; `render/letters.py` writes the Markdown.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from matchmaker.allocation.report import AllocationResult, Unassigned
from matchmaker.messages import labels, say
from matchmaker.scoring.engine import Scores
from matchmaker.scoring.reasons import gate_reason, reasons

REASONS_SHOWN = 4  # a letter is read by people: the first few reasons of a funded pair


@dataclass(frozen=True, slots=True)
class Funded:
    key: str
    title: str
    project: str
    project_name: str
    score: float
    cost: int | None
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unfunded:
    key: str
    title: str
    code: str
    reason: str  # the allocation's reason, verbatim
    closest: str | None  # the project it came closest to, by name
    closest_score: float | None
    would_change: str | None  # the smallest change that would have changed the answer
    strengthen: str | None  # the evidence whose absence lowered its confidence


@dataclass(frozen=True, slots=True)
class RegionLetter:
    region_code: str
    region_name: str
    province_name: str
    round: int
    language: str
    asked: tuple[tuple[str, str, bool], ...]  # (key, title, funded)
    funded: tuple[Funded, ...]
    unfunded: tuple[Unfunded, ...]


def build_letters(
    scores: Scores, result: AllocationResult, round_: int, language: str
) -> list[RegionLetter]:
    """One letter per region with a demand in the run, in region-code order."""
    records = scores.demands.records
    row_of = {record.key: row for row, record in enumerate(records)}
    ids = scores.projects.ids
    funded: dict[str, list[Funded]] = defaultdict(list)
    for a in result.assignments:
        row, column = row_of[a.demand_key], ids.index(a.project)
        funded[a.region_code].append(
            Funded(
                a.demand_key,
                records[row].demand.title,
                a.project,
                scores.projects.projects[column].name.display(language),
                a.score,
                a.cost,
                tuple(reasons(scores, row, column, language)[:REASONS_SHOWN]),
            )
        )
    unfunded: dict[str, list[Unfunded]] = defaultdict(list)
    for u in result.unassigned:
        unfunded[u.region_code].append(_unfunded(scores, result, u, row_of[u.demand_key], language))
    letters = []
    by_region: dict[str, list[int]] = defaultdict(list)
    for row, record in enumerate(records):
        by_region[record.region.code].append(row)
    funded_keys = {a.demand_key for a in result.assignments}
    for code in sorted(by_region):
        region = records[by_region[code][0]].region
        province = region.province_name_ko if language == "ko" else region.province_name_en
        asked = tuple(
            (records[row].key, records[row].demand.title, records[row].key in funded_keys)
            for row in sorted(by_region[code], key=lambda r: records[r].key)
        )
        letters.append(
            RegionLetter(
                code,
                region.display(language),
                province,
                round_,
                language,
                asked,
                tuple(sorted(funded[code], key=lambda f: f.key)),
                tuple(sorted(unfunded[code], key=lambda u: u.key)),
            )
        )
    return letters


def _unfunded(
    scores: Scores, result: AllocationResult, u: Unassigned, row: int, language: str
) -> Unfunded:
    ids = scores.projects.ids
    eligible = scores.eligibility.eligible[row]
    if u.best_project is not None:
        column = ids.index(u.best_project)
    elif eligible.any():
        column = int(np.argmax(np.where(eligible, scores.fit.values[row], -np.inf)))
    else:
        column = int(np.argmax(scores.fit.values[row]))
    closest = scores.projects.projects[column].name.display(language)
    closest_score = u.best_score if u.best_score is not None else float(scores.total[row, column])
    return Unfunded(
        u.demand_key,
        scores.demands.records[row].demand.title,
        u.code,
        u.reason,
        closest,
        round(closest_score, 1),
        _would_change(scores, result, u, row, column, language),
        _strengthen(scores, row, column, language),
    )


def _would_change(
    scores: Scores,
    result: AllocationResult,
    u: Unassigned,
    row: int,
    column: int,
    language: str,
) -> str | None:
    if u.code == "no-suitable-project":
        best, threshold = float(scores.best_fit[row]), scores.profile.fit_threshold
        return say(
            language,
            f"a demand fit of {threshold:.0f} (now {best:.0f}): a project that answers this "
            "need, or a description that says more precisely what is needed",
            f"수요 적합도 {threshold:.0f}점(현재 {best:.0f}점): 이 필요에 답하는 사업이 있거나, "
            "필요한 것을 더 구체적으로 적은 설명",
        )
    if u.code == "no-eligible-project":
        gate = gate_reason(scores, row, column, language)
        return gate
    if u.code == "capacity" and u.best_project is not None and u.best_score is not None:
        takers = [a.score for a in result.assignments if a.project == u.best_project]
        if takers:
            needed = max(min(takers) - u.best_score, 0.0) + 0.1
            return say(
                language,
                f"a score {needed:.1f} points higher (the lowest demand given "
                f"{u.best_project} scored {min(takers):.1f})",
                f"점수가 {needed:.1f}점 더 높았다면({u.best_project}을(를) 받은 수요 중 가장 낮은 "
                f"점수는 {min(takers):.1f}점)",
            )
    return None


# What a region can add to its proposal, and the signal each one informs.
_REGION_GIVES = (
    ("modes", "modes"),
    ("budget_request", "budget"),
    ("years", "years"),
    ("local_match", "co_funding"),
    ("partners", "partners"),
    ("outcomes", "outcomes"),
    ("readiness", "readiness"),
)


def _strengthen(scores: Scores, row: int, column: int, language: str) -> str | None:
    """What the proposal left out that the score had to assume (so its confidence fell):
    only what the region itself can give, never the project's unknowns."""
    demand = scores.demands.records[row].demand
    parts = {**scores.fit.parts, **scores.long.parts}
    missing = [
        signal
        for field, signal in _REGION_GIVES
        if getattr(demand, field) in (None, [], ()) and not parts[signal][1][row, column]
    ]
    if not missing:
        return None
    named = labels("signal", missing, language)
    return say(
        language,
        f"give what the proposal left out, which lowered its confidence: {named}",
        f"제안서에 없어 신뢰도를 낮춘 자료를 보완하세요: {named}",
    )
