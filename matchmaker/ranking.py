"""Select and order matches from the scores: by demand or by project, top N, filtered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from matchmaker.models import Profile
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.scoring.engine import COMPONENTS, Scores
from matchmaker.scoring.order import order_row
from matchmaker.scoring.reasons import reasons

GroupBy = Literal["demand", "project"]


@dataclass(frozen=True, slots=True)
class Match:
    record: ResolvedDemand
    project_id: str
    project_name: str
    rank: int
    score: float
    components: dict[str, float]
    eligible: bool
    confidence: float
    reasons: tuple[str, ...]
    suitable: bool = True  # False: no project reaches the fit threshold for this demand

    @property
    def demand_key(self) -> str:
        return self.record.key


def confidence_label(value: float) -> str:
    return "high" if value >= 0.75 else "medium" if value >= 0.5 else "low"


def order_projects(scores: Scores, row: int) -> list[int]:
    """Projects for one demand: eligible first, then by total, ties broken by id."""
    return order_row(
        scores.total[row],
        scores.eligibility.eligible[row],
        scores.projects.ids,
        include_ineligible=True,
    )


def _match(scores: Scores, row: int, column: int, rank: int, language: str) -> Match:
    project = scores.projects.projects[column]
    return Match(
        record=scores.demands.records[row],
        project_id=project.id,
        project_name=project.name.display(language),
        rank=rank,
        score=round(float(scores.total[row, column]), 2),
        components={
            name: round(float(scores.component(name).values[row, column]), 2) for name in COMPONENTS
        },
        eligible=bool(scores.eligibility.eligible[row, column]),
        confidence=round(float(scores.confidence[row, column]), 2),
        reasons=tuple(reasons(scores, row, column, language)),
        suitable=not bool(scores.no_fit[row]),
    )


def rank(
    scores: Scores,
    *,
    top: int = 3,
    by: GroupBy = "demand",
    region_codes: set[str] | None = None,
    project_ids: set[str] | None = None,
    include_ineligible: bool = False,
    language: str = "en",
    only_no_suitable: bool = False,
) -> list[Match]:
    """Matches grouped by demand (projects for each) or by project (demands for each).

    `top` counts eligible matches per group (0 = all); ineligible pairs are listed after
    them, with their reason, only when asked for. A demand no project fits well enough
    (`Scores.no_fit`) keeps its closest projects, each marked `suitable=False`;
    `only_no_suitable` lists just those demands.
    """
    records = scores.demands.records
    ids = scores.projects.ids
    rows = selected_rows(scores, region_codes, only_no_suitable)
    columns = [c for c, pid in enumerate(ids) if project_ids is None or pid in project_ids]
    eligible = scores.eligibility.eligible
    matches: list[Match] = []
    if by == "demand":
        wanted = set(columns)
        groups = [
            (row, [c for c in order_projects(scores, row) if c in wanted])
            for row in sorted(rows, key=lambda r: records[r].key)
        ]
        for row, ordered in groups:
            matches += _take(scores, [(row, c) for c in ordered], top, include_ineligible, language)
    else:
        for column in sorted(columns, key=lambda c: ids[c]):
            ordered = sorted(
                rows,
                key=lambda r: (not eligible[r, column], -scores.total[r, column], records[r].key),
            )
            matches += _take(
                scores, [(r, column) for r in ordered], top, include_ineligible, language
            )
    return matches


def _take(
    scores: Scores, pairs: list[tuple[int, int]], top: int, include_ineligible: bool, language: str
) -> list[Match]:
    eligible = [(r, c) for r, c in pairs if scores.eligibility.eligible[r, c]]
    chosen = eligible if top == 0 else eligible[:top]
    found = [_match(scores, r, c, i + 1, language) for i, (r, c) in enumerate(chosen)]
    if include_ineligible:
        found += [
            _match(scores, r, c, 0, language)
            for r, c in pairs
            if not scores.eligibility.eligible[r, c]
        ]
    return found


def top_projects(scores: Scores, row: int, k: int) -> list[str]:
    """Ids of the k best eligible projects for one demand (for evaluation)."""
    ordered = [c for c in order_projects(scores, row) if scores.eligibility.eligible[row, c]]
    return [scores.projects.ids[c] for c in ordered[:k]]


def as_array(values: list[float]) -> np.ndarray:
    return np.asarray(values, dtype=float)


@dataclass(frozen=True, slots=True)
class NoSuitable:
    """A demand for which no eligible project reaches the profile's fit threshold."""

    record: ResolvedDemand
    best_fit: float | None  # None when no project is eligible at all
    threshold: float
    unserved: tuple[str, ...] = ()  # labels of needs read that no project serves


def selected_rows(
    scores: Scores, region_codes: set[str] | None = None, only_no_suitable: bool = False
) -> list[int]:
    """The demands a ranking covers: those of the given regions (or provinces), and only
    those answered "no suitable project" when asked."""
    return [
        row
        for row, record in enumerate(scores.demands.records)
        if (
            region_codes is None
            or record.region.code in region_codes
            or record.region.province_code in region_codes
        )
        and (not only_no_suitable or scores.no_fit[row])
    ]


def no_suitable(scores: Scores, rows: list[int], language: str = "en") -> list[NoSuitable]:
    """The demands among `rows` answered "no suitable project", in demand order."""
    found = []
    for row in rows:
        record = scores.demands.records[row]
        if scores.no_fit[row]:
            best = scores.best_fit[row]
            labels = tuple(
                scores.theme_labels[theme].display(language)
                for theme in scores.unserved[row]
                if theme in scores.theme_labels
            )
            found.append(
                NoSuitable(
                    record,
                    None if np.isnan(best) else round(float(best), 2),
                    scores.profile.fit_threshold,
                    labels,
                )
            )
    return sorted(found, key=lambda item: item.record.key)


@dataclass(frozen=True, slots=True)
class RankReport:
    matches: list[Match]
    profile: Profile
    inputs: dict[str, str]
    by: str
    top: int
    language: str
    no_suitable: tuple[NoSuitable, ...] = ()
    only_no_suitable: bool = False
    # Every other option that shaped the ranking, recorded so `diff` can name it as a cause.
    options: tuple[tuple[str, object], ...] = ()

    def unsuitable(self, demand_key: str) -> NoSuitable | None:
        for item in self.no_suitable:
            if item.record.key == demand_key:
                return item
        return None


def rank_report(
    scores: Scores,
    inputs: dict[str, str],
    *,
    top: int = 3,
    by: GroupBy = "demand",
    region_codes: set[str] | None = None,
    project_ids: set[str] | None = None,
    include_ineligible: bool = False,
    only_no_suitable: bool = False,
    language: str = "en",
    today: str | None = None,
    include_expired: bool = False,
) -> RankReport:
    """What `matchmaker rank` shows: the matches, the demands with no suitable project,
    and the run's profile, input hashes and options, ready for any renderer."""
    matches = rank(
        scores,
        top=top,
        by=by,
        region_codes=region_codes,
        project_ids=project_ids,
        include_ineligible=include_ineligible,
        language=language,
        only_no_suitable=only_no_suitable,
    )
    unsuitable = no_suitable(
        scores, selected_rows(scores, region_codes, only_no_suitable), language
    )
    options = (
        ("regions", sorted(region_codes or [])),
        ("projects", sorted(project_ids or [])),
        ("include_ineligible", include_ineligible),
        ("no_suitable", only_no_suitable),
        ("include_expired", include_expired),
        ("today", today),
    )
    return RankReport(
        matches,
        scores.profile,
        inputs,
        by,
        top,
        language,
        tuple(unsuitable),
        only_no_suitable,
        options,
    )
