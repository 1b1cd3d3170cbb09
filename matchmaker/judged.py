"""Measure ranking quality on judged sets: demands with graded relevance per project.

A judged set is our own test data, not user input: each entry is a demand written as a
region writes it, graded by hand (3 = the right project, 2 = a strong alternative,
1 = partial, unlisted = 0) before anything was run. Entries may carry their language
(`ko`, `en`, `mixed`), their kind (`direct`, `indirect`, `trap`, `multi-need`, `no-fit`)
and a paraphrase `group` (one need written several ways).

Every figure is computed for the full score and for the simple baselines beside it
(demand fit alone, wording cosine alone), because a model that does not beat its own
parts is not earning its complexity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import yaml

from matchmaker.catalog import Catalog
from matchmaker.evaluation import ndcg_at, top1_hit
from matchmaker.models import Demand, Profile, Proposal
from matchmaker.resolve.demands import ResolvedDemand, resolve_demands
from matchmaker.scoring.engine import Prepared, first_pass, second_pass
from matchmaker.scoring.order import order_row

RANKERS = ("full", "demand_fit", "cosine")
RIGHT = 3  # the grade of the right project


@dataclass(frozen=True, slots=True)
class JudgedDemand:
    id: str
    region: str
    title: str
    description: str
    relevance: dict[str, int]
    language: str = "untagged"
    kind: str = "untagged"
    group: str | None = None

    @property
    def has_right_project(self) -> bool:
        return any(grade >= RIGHT for grade in self.relevance.values())


@dataclass(frozen=True, slots=True)
class Figures:
    """nDCG@3 and top-1 over the demands that have a right project."""

    demands: int
    ndcg3: float
    top1: float


@dataclass(slots=True)
class SetResult:
    name: str
    demands: int
    figures: dict[str, Figures]  # ranker → over the whole set
    by_language: dict[str, dict[str, Figures]]  # language → ranker → figures
    by_kind: dict[str, dict[str, Figures]]  # kind → ranker → figures
    no_fit_answered: tuple[int, int]  # (no-fit demands answered so, no-fit demands)
    false_no_fit: tuple[int, int]  # (right-project demands answered no-fit, them)
    groups_agreeing: tuple[int, int]  # (groups sharing the first project, groups)
    # (groups whose every version is answered rightly: a project graded 3 first, or "no
    # suitable project" for a no-fit need, groups). A multi-need group whose versions
    # split between its two right projects counts here but not in groups_agreeing.
    groups_right: tuple[int, int]
    most_first_on_no_fit: tuple[str, int, int]  # (project most often first, times, of)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (demand, first, right)


@dataclass(frozen=True, slots=True)
class Correction:
    """A mistake found in a set after it was frozen. The set's file is never edited: the
    correction is applied as the set is loaded, and recorded beside what was written.

    `field` is "relevance" (a grade: `project` names it, `was`/`now` are grades) or
    "region" (a region name the loader cannot resolve, e.g. "북구", which four cities
    have, where the demand's own text says which one is meant)."""

    set: str
    demand: str
    field: str
    was: str | int
    now: str | int
    why: str
    project: str | None = None


CORRECTABLE = ("relevance", "region")


def load_corrections(path: Path) -> list[Correction]:
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle) or {}
    corrections = []
    for entry in document.get("corrections") or []:
        field_name = str(entry.get("field", "relevance"))
        if field_name not in CORRECTABLE:
            raise ValueError(f"a correction of {field_name!r}: only {CORRECTABLE} are corrected")
        corrections.append(
            Correction(
                set=str(entry["set"]),
                demand=str(entry["demand"]),
                field=field_name,
                was=entry["was"],
                now=entry["now"],
                why=str(entry["why"]),
                project=None if entry.get("project") is None else str(entry["project"]),
            )
        )
    return corrections


def _corrected(entry: JudgedDemand, correction: Correction) -> JudgedDemand:
    """The entry with the correction applied; an error if the entry does not hold what the
    correction says was written (a stale correction must not quietly do nothing)."""
    if correction.field == "region":
        if entry.region != correction.was:
            raise ValueError(
                f"{correction.demand}: region is {entry.region!r}, not {correction.was!r}"
            )
        return replace(entry, region=str(correction.now))
    project = correction.project or ""
    if entry.relevance.get(project, 0) != correction.was:
        raise ValueError(
            f"{correction.demand}: {project} is graded {entry.relevance.get(project, 0)}, "
            f"not {correction.was}"
        )
    relevance = {**entry.relevance, project: int(correction.now)}
    return replace(entry, relevance={k: v for k, v in relevance.items() if v > 0})


def load_judged(
    path: Path, corrections: Sequence[Correction] = (), *, grades_as_written: bool = False
) -> list[JudgedDemand]:
    """A judged set with the corrections recorded for it (by file name) applied; with
    `grades_as_written`, only the region corrections (figures as first graded)."""
    # Our own test data: plain safe_load is enough.
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    entries = [
        JudgedDemand(
            id=str(entry["id"]),
            region=str(entry["region"]),
            title=str(entry["title"]),
            description=str(entry["description"]),
            relevance={str(k): int(v) for k, v in (entry.get("relevance") or {}).items()},
            language=str(entry.get("language", "untagged")),
            kind=str(entry.get("kind", "untagged")),
            group=None if entry.get("group") is None else str(entry["group"]),
        )
        for entry in document["judged"]
    ]
    by_id = {entry.id: row for row, entry in enumerate(entries)}
    for correction in corrections:
        if correction.set != path.name:
            continue
        if grades_as_written and correction.field == "relevance":
            continue
        if correction.demand not in by_id:
            raise ValueError(f"a correction of {correction.demand}, which {path.name} lacks")
        row = by_id[correction.demand]
        entries[row] = _corrected(entries[row], correction)
    return entries


def records_of(catalog: Catalog, entries: Sequence[JudgedDemand]) -> list[ResolvedDemand]:
    """Each judged demand as its own one-demand proposal from its region."""
    proposals = [
        (
            Proposal(
                kind="proposal",
                id=f"judged-{entry.id}",
                region=entry.region,
                demands=[Demand(id=entry.id, title=entry.title, description=entry.description)],
            ),
            "judged",
        )
        for entry in entries
    ]
    records = resolve_demands(proposals, catalog.region_index)
    if len(records) != len(entries):
        unresolved = {e.region for e in entries} - {r.proposal.region for r in records}
        raise ValueError(f"judged demands with unresolved regions: {sorted(unresolved)}")
    return records


@dataclass(frozen=True, slots=True)
class JudgedScores:
    """Each judged demand scored on its own, stacked: judged demands are independent, so
    one must not count as another's neighbour or as "another demand of the region"."""

    total: np.ndarray
    fit: np.ndarray
    cosine: np.ndarray
    eligible: np.ndarray
    no_fit: np.ndarray
    ids: list[str]


def score_each(
    catalog: Catalog, records: Sequence[ResolvedDemand], profile: Profile
) -> JudgedScores:
    prepared = Prepared.of(catalog)
    rows = []
    for record in records:
        first = first_pass(prepared, [record])
        region_demand = prepared.region_demand()
        region_demand.add(first.demands.region_codes, first.strong)
        rows.append(second_pass(prepared, first, region_demand, profile))
    return JudgedScores(
        total=np.vstack([s.total for s in rows]),
        fit=np.vstack([s.fit.values for s in rows]),
        cosine=np.vstack([s.cosine for s in rows]),
        eligible=np.vstack([s.eligibility.eligible for s in rows]),
        no_fit=np.concatenate([s.no_fit for s in rows]),
        ids=prepared.projects.ids,
    )


def ranked_ids(scores: JudgedScores, values: np.ndarray, row: int, k: int = 3) -> list[str]:
    """The k best eligible projects of one demand under one ranker; ties by id."""
    ids = scores.ids
    return [ids[c] for c in order_row(values[row], scores.eligible[row], ids)[:k]]


def _rankers(scores: JudgedScores) -> dict[str, np.ndarray]:
    return {"full": scores.total, "demand_fit": scores.fit, "cosine": scores.cosine}


def _figures(
    rows: Iterable[int], entries: Sequence[JudgedDemand], ranked: Callable[[int], list[str]]
) -> Figures:
    chosen = [row for row in rows if entries[row].has_right_project]
    if not chosen:
        return Figures(0, float("nan"), float("nan"))
    ndcg = sum(ndcg_at(ranked(row), entries[row].relevance, 3) for row in chosen)
    top1 = sum(top1_hit(ranked(row), entries[row].relevance) for row in chosen)
    return Figures(len(chosen), ndcg / len(chosen), top1 / len(chosen))


def evaluate(
    catalog: Catalog, profile: Profile, entries: Sequence[JudgedDemand], name: str = ""
) -> SetResult:
    scores = score_each(catalog, records_of(catalog, entries), profile)
    answered = scores.no_fit
    rankings = {
        ranker: {row: ranked_ids(scores, values, row) for row in range(len(entries))}
        for ranker, values in _rankers(scores).items()
    }
    # Rankings are compared as shown: a demand answered "no suitable project" still shows
    # its closest projects. The answer itself is measured on its own (no_fit_answered,
    # false_no_fit), so a wrong "no suitable project" is counted, once, where it belongs.

    def split(key: Callable[[JudgedDemand], str]) -> dict[str, dict[str, Figures]]:
        parts: dict[str, list[int]] = defaultdict(list)
        for row, entry in enumerate(entries):
            parts[key(entry)].append(row)
        return {
            part: {r: _figures(rows, entries, rankings[r].__getitem__) for r in RANKERS}
            for part, rows in sorted(parts.items())
        }

    everything = range(len(entries))
    no_fit_rows = [r for r, e in enumerate(entries) if e.kind == "no-fit"]
    right_rows = [r for r, e in enumerate(entries) if e.has_right_project]
    groups: dict[str, list[int]] = defaultdict(list)
    for row, entry in enumerate(entries):
        if entry.group:
            groups[entry.group].append(row)
    agreeing = sum(
        len({_first(rankings["full"][r], answered[r]) for r in rows}) == 1
        for rows in groups.values()
    )
    right_everywhere = sum(
        all(answered_rightly(entries[r], rankings["full"][r], answered[r]) for r in rows)
        for rows in groups.values()
    )
    firsts = Counter(
        rankings["full"][r][0] for r in no_fit_rows if not answered[r] and rankings["full"][r]
    )
    busiest = max(sorted(firsts.items()), key=lambda item: item[1], default=("-", 0))
    misses = []
    for row in right_rows:
        ranked = rankings["full"][row]
        if not top1_hit(ranked, entries[row].relevance):
            relevance = entries[row].relevance
            best = max(relevance, key=lambda k: (relevance[k], k))
            misses.append((entries[row].id, _first(ranked, answered[row]), best))
    return SetResult(
        name=name,
        demands=len(entries),
        figures={r: _figures(everything, entries, rankings[r].__getitem__) for r in RANKERS},
        by_language=split(lambda e: e.language),
        by_kind=split(lambda e: e.kind),
        no_fit_answered=(int(sum(answered[r] for r in no_fit_rows)), len(no_fit_rows)),
        false_no_fit=(int(sum(answered[r] for r in right_rows)), len(right_rows)),
        groups_agreeing=(int(agreeing), len(groups)),
        groups_right=(int(right_everywhere), len(groups)),
        most_first_on_no_fit=(busiest[0], busiest[1], len(no_fit_rows)),
        misses=misses,
    )


def answered_rightly(entry: JudgedDemand, ranked: list[str], no_fit: bool) -> bool:
    if not entry.has_right_project:
        return bool(no_fit)
    return not no_fit and top1_hit(ranked, entry.relevance)


def _first(ranked: list[str], no_fit: bool) -> str:
    """What the ranking answers first for a demand: a project, or that none is suitable."""
    if no_fit:
        return "(no suitable project)"
    return ranked[0] if ranked else "-"
