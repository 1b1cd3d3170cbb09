"""History: what earlier rounds decided and achieved, as a track record per project and
per region, and the shift it gives a pair's long-term value.

A track record is evidence like any other, and thin evidence should say little. Each
share is therefore shrunk toward a neutral prior by adding pseudo-observations:

    shrunk(met, total) = (met + K · PRIOR) / (total + K),   K = 4, if TYPE_CHECKING:
    from matchmaker.catalog import Catalog

PRIOR = 0.5

so one target met of one gives 0.6, four of four 0.75, forty of forty 0.955, and no
evidence exactly the prior. Three shares are read for a pair (demand of region r, project
p): the share of p's targets met (every region, every round), the share of r's targets
met (every project), and the share of p's funded pairs whose cooperation continued after
support ended (Interreg's measure). Their mean t moves long-term value by

    shift = TRACK_RECORD_POINTS · 2 · (t − PRIOR),   TRACK_RECORD_POINTS = 10

points on 0–100 (at most ±10, clipped to 0–100), before long-term value is scaled by the
pair's relevance as always. With no records, or none about p or r, every share is the
prior and the shift is exactly 0: scores are exactly those of a run without history.
The track record also counts as evidence for confidence, with weight 0.1 beside the
long-term sub-signals' 1: long-term evidence becomes (known + 0.1 · has_record) / 1.1,
so with history a pair the records say nothing about is a little less certain.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.documents import LoadedDocument, load_file
from matchmaker.models.records import Decision, Result

if TYPE_CHECKING:
    from matchmaker.catalog import Catalog

PRIOR = 0.5
PSEUDO_TARGETS = 4
TRACK_RECORD_POINTS = 10.0
# With history, the track record is one more piece of long-term evidence, weighing this
# much beside the long-term sub-signals' total of 1: a pair the records say nothing about
# is less certain than one they do (its confidence falls by 1/11 of its long-term share).
TRACK_RECORD_EVIDENCE = 0.1


@dataclass(frozen=True, slots=True)
class Attainment:
    """`met` of `total` (targets met, or pairs that continued), over `years`."""

    met: int = 0
    total: int = 0
    years: tuple[int, ...] = ()

    @property
    def shrunk(self) -> float:
        return (self.met + PSEUDO_TARGETS * PRIOR) / (self.total + PSEUDO_TARGETS)

    def span(self) -> str:
        """`2025–2026`, `2026`, or empty."""
        if not self.years:
            return ""
        first, last = min(self.years), max(self.years)
        return str(first) if first == last else f"{first}–{last}"


def _add(attainment: Attainment, met: int, total: int, year: int) -> Attainment:
    years = tuple(sorted(set(attainment.years) | {year}))
    return Attainment(attainment.met + met, attainment.total + total, years)


@dataclass(slots=True)
class History:
    """The records of earlier rounds, as loaded (each model with its file)."""

    decisions: list[tuple[LoadedDocument, Decision]] = field(default_factory=list)
    results: list[tuple[LoadedDocument, Result]] = field(default_factory=list)
    # Indicators whose target is met from below (catalog/indicators.yaml `better: lower`);
    # every other one is met at or above its target.
    lower_is_better: frozenset[str] = frozenset()

    def documents(self) -> list[LoadedDocument]:
        return [d for d, _ in self.decisions] + [d for d, _ in self.results]

    def pair_region(self) -> dict[tuple[int, str, str], str]:
        """(round, demand, project) → region code, where the decision recorded it."""
        return {
            (decision.round, pair.demand, pair.project): pair.region
            for _, decision in self.decisions
            for pair in decision.pairs
            if pair.region is not None
        }

    def assignments_by_region(self, before: int | None = None) -> dict[str, int]:
        """Funded pairs per region over the decisions recorded (only rounds before
        `before`, when given), for fairness across rounds."""
        counts: dict[str, int] = defaultdict(int)
        for _, decision in self.decisions:
            if before is not None and decision.round >= before:
                continue
            for pair in decision.pairs:
                if pair.region is not None:
                    counts[pair.region] += 1
        return dict(sorted(counts.items()))

    def targets_met(self, result: Result) -> tuple[int, int]:
        """One result's targets met, of those it states both a target and an actual for,
        each in its indicator's direction."""
        outcomes = [
            m.met("lower" if m.indicator in self.lower_is_better else "higher")
            for m in result.indicators
        ]
        judged = [outcome for outcome in outcomes if outcome is not None]
        return sum(judged), len(judged)

    def attainment(self) -> tuple[dict[str, Attainment], dict[str, Attainment]]:
        """Targets met per project and per region, over every result recorded."""
        regions = self.pair_region()
        by_project: dict[str, Attainment] = defaultdict(Attainment)
        by_region: dict[str, Attainment] = defaultdict(Attainment)
        for _, result in self.results:
            count, total = self.targets_met(result)
            if not total:
                continue
            by_project[result.project] = _add(by_project[result.project], count, total, result.year)
            region = regions.get(result.pair)
            if region is not None:
                by_region[region] = _add(by_region[region], count, total, result.year)
        return dict(by_project), dict(by_region)

    def continuation(self) -> dict[str, Attainment]:
        """Per project: funded pairs whose latest word on it says cooperation continued
        after support ended, of those with a word on it."""
        latest: dict[tuple[int, str, str], tuple[int, bool]] = {}
        for _, result in self.results:
            said = result.continued_after_support
            if said is not None and (
                result.pair not in latest or latest[result.pair][0] < result.year
            ):
                latest[result.pair] = (result.year, said)
        by_project: dict[str, Attainment] = defaultdict(Attainment)
        for (_, _, project), (year, continued) in sorted(latest.items()):
            by_project[project] = _add(by_project[project], int(continued), 1, year)
        return dict(by_project)


@dataclass(frozen=True, slots=True)
class TrackRecord:
    """The track record of every pair of a run: the shift in long-term points (D × P) and
    what it rests on, for the reasons."""

    shift: np.ndarray
    evidence: np.ndarray  # D × P bool: the records say something about project or region
    projects: dict[str, Attainment]
    regions: dict[str, Attainment]
    continued: dict[str, Attainment]

    def has_evidence(self, region: str, project: str) -> bool:
        return any(
            table.get(key, Attainment()).total > 0
            for table, key in (
                (self.projects, project),
                (self.regions, region),
                (self.continued, project),
            )
        )


def track_record(history: History, region_codes: list[str], project_ids: list[str]) -> TrackRecord:
    """The shift each (demand, project) pair's long-term value gets from history."""
    projects, regions = history.attainment()
    continued = history.continuation()
    empty = Attainment()
    project_share = np.array(
        [(projects.get(p, empty).shrunk + continued.get(p, empty).shrunk) for p in project_ids],
        dtype=float,
    )
    region_share = np.array([regions.get(r, empty).shrunk for r in region_codes], dtype=float)
    mean = (region_share[:, None] + project_share[None, :]) / 3.0
    shift = TRACK_RECORD_POINTS * 2.0 * (mean - PRIOR)
    project_known = np.array(
        [projects.get(p, empty).total + continued.get(p, empty).total > 0 for p in project_ids],
        dtype=bool,
    )
    region_known = np.array([regions.get(r, empty).total > 0 for r in region_codes], dtype=bool)
    evidence = region_known[:, None] | project_known[None, :]
    return TrackRecord(shift, evidence, projects, regions, continued)


# Codes of the record rules that need no proposals of the earlier rounds: a history
# with any of these errors must not move a score.
HISTORY_RULES = (
    "actual-without-evidence",
    "duplicate-decision",
    "duplicate-result-year",
    "unfunded-result",
    "unknown-indicator",
)


def check_history(
    catalog: Catalog, documents: list[LoadedDocument], today: dt.date
) -> list[Diagnostic]:
    """The record rules a history is held to before it may move a score or be reported."""
    from matchmaker.checks import RULES, CheckContext

    context = CheckContext(catalog, [d for d in documents if d.ok], today)
    found: list[Diagnostic] = []
    for code in HISTORY_RULES:
        found.extend(RULES[code].check(context))
    return found


def load_history(
    folder: Path, catalog: Catalog | None = None
) -> tuple[History, list[Diagnostic], list[LoadedDocument]]:
    """Every decision and result under `folder` (YAML, any depth, sorted), the problems
    with them, and the documents read (for the run's input hashes). The catalog's
    indicators say in which direction each target is met."""
    from matchmaker.loading.paths import expand

    lower = frozenset(
        indicator.id
        for indicator in (catalog.indicators.indicators if catalog and catalog.indicators else [])
        if indicator.better == "lower"
    )
    history = History(lower_is_better=lower)
    diagnostics: list[Diagnostic] = []
    documents: list[LoadedDocument] = []
    for path in expand([folder]):
        document = load_file(path, kinds=frozenset({"decision", "result"}))
        documents.append(document)
        diagnostics.extend(document.diagnostics)
        if isinstance(document.model, Decision) and document.ok:
            history.decisions.append((document, document.model))
        elif isinstance(document.model, Result) and document.ok:
            history.results.append((document, document.model))
    return history, diagnostics, documents
