"""Select and order matches from the scores: by demand or by project, top N, filtered."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from matchmaker.models import Profile
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.scoring.engine import COMPONENTS, Scores
from matchmaker.scoring.order import order_row, top_k
from matchmaker.scoring.reasons import reasons_for

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


def _match(
    scores: Scores, row: int, column: int, rank: int, language: str, eligible: bool | None = None
) -> Match:
    return _matches(scores, [row], [column], [rank], language, eligible)[0]


def _matches(
    scores: Scores,
    rows: Sequence[int],
    columns: Sequence[int],
    ranks: Sequence[int],
    language: str,
    eligible: bool | None = None,
) -> list[Match]:
    """The matches of the pairs (rows[i], columns[i]), built column by column: their
    numbers gathered and rounded for all the pairs at once, their reasons built together
    (`reasons_for`), each project's name and each demand's fields looked up once."""
    if not len(rows):
        return []
    row_at = np.asarray(rows, dtype=int)
    column_at = np.asarray(columns, dtype=int)
    rounded = [
        [round(value, 2) for value in values.tolist()]
        for values in (
            scores.total[row_at, column_at],
            scores.confidence_at(row_at, column_at),
            *(scores.component(name).values[row_at, column_at] for name in COMPONENTS),
        )
    ]
    totals, confidence = rounded[0], rounded[1]
    components = [
        dict(zip(COMPONENTS, values, strict=True)) for values in zip(*rounded[2:], strict=True)
    ]
    allowed = (
        scores.eligibility.eligible[row_at, column_at].tolist()
        if eligible is None
        else [eligible] * len(row_at)
    )
    said = reasons_for(scores, rows, columns, language)
    records = scores.demands.records
    suitable = (~scores.no_fit).tolist()
    projects = scores.projects.projects
    named = {c: (projects[c].id, projects[c].name.display(language)) for c in set(columns)}
    return [
        Match(
            records[row],
            *named[column],
            rank,
            total,
            parts,
            bool(allow),
            sure,
            tuple(reasons),
            suitable[row],
        )
        for row, column, rank, total, parts, allow, sure, reasons in zip(
            rows, columns, ranks, totals, components, allowed, confidence, said, strict=True
        )
    ]


@dataclass(slots=True)
class Selection:
    """What a ranking shows, gathered chunk by chunk of streamed scores (`add`), so a run
    of any size needs only one chunk's pairs in memory. Matches (and their reasons) are
    built only for the pairs shown."""

    top: int = 3
    by: GroupBy = "demand"
    region_codes: set[str] | None = None
    project_ids: set[str] | None = None
    include_ineligible: bool = False
    language: str = "en"
    only_no_suitable: bool = False
    _groups: list[tuple[str, list[Match]]] = field(default_factory=list)
    _by_project: dict[str, list[tuple[tuple[bool, float, str], Match]]] = field(
        default_factory=dict
    )
    _unsuitable: list[NoSuitable] = field(default_factory=list)

    def add(self, scores: Scores) -> None:
        rows = selected_rows(scores, self.region_codes, self.only_no_suitable)
        ids = scores.projects.ids
        columns = [
            c for c, pid in enumerate(ids) if self.project_ids is None or pid in self.project_ids
        ]
        if self.by == "demand":
            self._add_by_demand(scores, rows, columns)
        else:
            self._add_by_project(scores, rows, columns)
        self._unsuitable += no_suitable(scores, rows, self.language)

    def _add_by_demand(self, scores: Scores, rows: list[int], columns: list[int]) -> None:
        eligible = scores.eligibility.eligible
        records = scores.demands.records
        ids = scores.projects.ids
        if self.top > 0 and not self.include_ineligible and ids == sorted(ids):
            # the top-k of every row at once, in order_row's order (columns in id order)
            picked = np.array(columns, dtype=int)
            if len(rows) == len(records) and len(columns) == len(ids):
                # every demand and project (no filter): the arrays themselves, not a
                # gathered copy of each (~3 ms a chunk of 256 x 1,000)
                best, _ = top_k(scores.total, eligible, self.top)
            else:
                sub = np.ix_(np.array(rows, dtype=int), picked)
                best, _ = top_k(scores.total[sub], eligible[sub], self.top)
            # every pair shown in the chunk, built together (their reasons at once)
            shown = best >= 0
            at, slot = np.nonzero(shown)
            pair_rows = [rows[i] for i in at.tolist()]
            pair_columns = picked[best[shown]].tolist()
            built = iter(
                _matches(scores, pair_rows, pair_columns, (slot + 1).tolist(), self.language, True)
            )
            for row, width in zip(rows, shown.sum(axis=1).tolist(), strict=True):
                self._groups.append((records[row].key, [next(built) for _ in range(width)]))
            return
        wanted = set(columns)
        for row in rows:
            ordered = [c for c in order_projects(scores, row) if c in wanted]
            self._groups.append((records[row].key, self._take(scores, row, ordered)))

    def _take(self, scores: Scores, row: int, ordered: list[int]) -> list[Match]:
        eligible = scores.eligibility.eligible[row]
        fitting = [c for c in ordered if eligible[c]]
        chosen = fitting if self.top == 0 else fitting[: self.top]
        found = [_match(scores, row, c, i + 1, self.language, True) for i, c in enumerate(chosen)]
        if self.include_ineligible:
            found += [
                _match(scores, row, c, 0, self.language, False) for c in ordered if not eligible[c]
            ]
        return found

    def _add_by_project(self, scores: Scores, rows: list[int], columns: list[int]) -> None:
        eligible = scores.eligibility.eligible
        records = scores.demands.records
        for column in columns:
            ordered = sorted(
                rows,
                key=lambda r: (not eligible[r, column], -scores.total[r, column], records[r].key),
            )
            fitting = [r for r in ordered if eligible[r, column]]
            kept = fitting if self.top == 0 else fitting[: self.top]
            if self.include_ineligible:
                kept += [r for r in ordered if not eligible[r, column]]
            found = self._by_project.setdefault(scores.projects.ids[column], [])
            for r in kept:
                key = (not eligible[r, column], -float(scores.total[r, column]), records[r].key)
                found.append((key, _match(scores, r, column, 0, self.language)))

    def matches(self) -> list[Match]:
        """The matches of every chunk added, in the order the whole run would give."""
        if self.by == "demand":
            groups = sorted(self._groups, key=lambda group: group[0])
            return [match for _, found in groups for match in found]
        matches: list[Match] = []
        for project in sorted(self._by_project):
            ordered = [m for _, m in sorted(self._by_project[project], key=lambda km: km[0])]
            fitting = [m for m in ordered if m.eligible]
            chosen = fitting if self.top == 0 else fitting[: self.top]
            matches += [replace(m, rank=i + 1) for i, m in enumerate(chosen)]
            if self.include_ineligible:
                matches += [m for m in ordered if not m.eligible]
        return matches

    def unsuitable(self) -> list[NoSuitable]:
        return sorted(self._unsuitable, key=lambda item: item.record.key)


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
    selection = Selection(
        top, by, region_codes, project_ids, include_ineligible, language, only_no_suitable
    )
    selection.add(scores)
    return selection.matches()


def top_projects(scores: Scores, row: int, k: int) -> list[str]:
    """Ids of the k best eligible projects for one demand (for evaluation)."""
    ordered = [c for c in order_projects(scores, row) if scores.eligibility.eligible[row, c]]
    return [scores.projects.ids[c] for c in ordered[:k]]


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


def _options(
    region_codes: set[str] | None,
    project_ids: set[str] | None,
    include_ineligible: bool,
    only_no_suitable: bool,
    include_expired: bool,
    today: str | None,
) -> tuple[tuple[str, object], ...]:
    return (
        ("regions", sorted(region_codes or [])),
        ("projects", sorted(project_ids or [])),
        ("include_ineligible", include_ineligible),
        ("no_suitable", only_no_suitable),
        ("include_expired", include_expired),
        ("today", today),
    )


def in_key_order(records: Sequence[ResolvedDemand]) -> list[ResolvedDemand]:
    """The demands in the order a ranking by demand lists them, so that scoring them in
    this order lets `rank_parts` hand each chunk on as soon as it is scored. (A demand's
    scores do not depend on the order it is scored in: see scoring/stream.py.)"""
    return sorted(records, key=lambda record: record.key)


def rank_parts(
    scores: Iterable[Scores],
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
    profile: Profile | None = None,
) -> Iterator[RankReport]:
    """`rank_report` in parts, to be written as they come: grouped by demand, one part
    per chunk of scores (its matches and its demands with no suitable project), so no
    more than one chunk's matches and reasons are held; grouped by project, one part, the
    whole report (a project's best demands are known only once every chunk is scored).
    The parts, one after the other, hold what `rank_report` gives, in its order.

    Grouped by demand, the chunks must come in demand-key order (score the records
    `in_key_order`); a chunk out of order is a ValueError, never a silently wrong order."""
    options = _options(
        region_codes, project_ids, include_ineligible, only_no_suitable, include_expired, today
    )
    if by != "demand":
        yield rank_report(
            scores,
            inputs,
            top=top,
            by=by,
            region_codes=region_codes,
            project_ids=project_ids,
            include_ineligible=include_ineligible,
            only_no_suitable=only_no_suitable,
            language=language,
            today=today,
            include_expired=include_expired,
            profile=profile,
        )
        return
    last = ""
    given = False
    for chunk in scores:
        keys = [record.key for record in chunk.demands.records]
        if any(a > b for a, b in zip([last, *keys], keys, strict=False)):
            raise ValueError("rank_parts: chunks must come in demand-key order (in_key_order)")
        last = keys[-1] if keys else last
        selection = Selection(
            top, by, region_codes, project_ids, include_ineligible, language, only_no_suitable
        )
        selection.add(chunk)
        profile = profile or chunk.profile
        given = True
        yield RankReport(
            selection.matches(),
            profile,
            inputs,
            by,
            top,
            language,
            tuple(selection.unsuitable()),
            only_no_suitable,
            options,
        )
        del chunk, selection
    if not given:  # no chunk at all: one empty part still carries the run's fields
        assert profile is not None, "rank_parts needs a profile when no chunk is given"
        yield RankReport([], profile, inputs, by, top, language, (), only_no_suitable, options)


def joined(parts: Iterable[RankReport]) -> RankReport:
    """The parts of one ranking (`rank_parts`) as one report, for a writer that needs it
    whole (a table aligns its columns over every row)."""
    gathered = list(parts)
    return replace(
        gathered[0],
        matches=[match for part in gathered for match in part.matches],
        no_suitable=tuple(item for part in gathered for item in part.no_suitable),
    )


def rank_report(
    scores: Scores | Iterable[Scores],
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
    profile: Profile | None = None,
) -> RankReport:
    """What `matchmaker rank` shows: the matches, the demands with no suitable project,
    and the run's profile, input hashes and options, ready for any renderer.

    `scores` is one Scores or the chunks of a streamed run (`score_chunks`); each chunk
    is used once and can be let go (pass `profile` then, as no chunk may be kept)."""
    selection = Selection(
        top, by, region_codes, project_ids, include_ineligible, language, only_no_suitable
    )
    chunks = [scores] if isinstance(scores, Scores) else scores
    for chunk in chunks:
        selection.add(chunk)
        profile = profile or chunk.profile
        del chunk
    assert profile is not None, "rank_report needs a profile when no chunk was given"
    options = _options(
        region_codes, project_ids, include_ineligible, only_no_suitable, include_expired, today
    )
    return RankReport(
        selection.matches(),
        profile,
        inputs,
        by,
        top,
        language,
        tuple(selection.unsuitable()),
        only_no_suitable,
        options,
    )
