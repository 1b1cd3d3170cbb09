"""What a planner reads about each cluster of unmet demand, and the run's `GapsReport`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.catalog import Catalog
from matchmaker.gaps.clustering import Grouping, cluster
from matchmaker.gaps.labels import Label, characteristic_terms, label
from matchmaker.gaps.unmet import WEAK_BAND, UnmetDemand, unmet_demands
from matchmaker.models import Profile
from matchmaker.models.common import Names
from matchmaker.regions import Region
from matchmaker.scoring.engine import Scores
from matchmaker.text.terms import terms

REPRESENTATIVES = 3


@dataclass(frozen=True, slots=True)
class Closest:
    """The existing project nearest to a cluster, and why it falls short."""

    project_id: str
    name: Names
    mean_fit: float  # its demand fit averaged over the cluster (0 where not eligible)
    eligible: int  # cluster demands it is open to
    missing_themes: tuple[str, ...]  # the cluster's themes it does not list


@dataclass(frozen=True, slots=True)
class GapCluster:
    id: str  # `care-services-1`: main theme and number, stable for the same inputs
    label: Label
    main_theme: str | None
    themes: tuple[str, ...]  # themes read in its demands, strongest first
    demands: tuple[UnmetDemand, ...]  # sorted by key
    regions: tuple[Region, ...]  # distinct, by code
    provinces: tuple[tuple[str, Names, int], ...]  # code, name, demands; most first
    region_kinds: tuple[tuple[str, int], ...]  # kind, distinct regions; most first
    decline_share: float  # share of its demands filed by population-decline areas
    budget_total: int  # sum of the budget requests stated
    budget_stated: int  # demands that state one
    closest: Closest | None  # None: no project is eligible for any of its demands
    policy_area: str | None  # None: the need lies outside the plan's five areas
    representatives: tuple[UnmetDemand, ...]

    @property
    def unmet(self) -> int:
        return sum(1 for d in self.demands if d.status == "unmet")


@dataclass(frozen=True, slots=True)
class GapsReport:
    """What `matchmaker gaps` shows, ready for any renderer."""

    clusters: tuple[GapCluster, ...]
    demands: int  # demands in the run (after the region filter)
    threshold: float
    weak_band: float
    profile: Profile
    inputs: dict[str, str]
    language: str
    theme_labels: dict[str, Names]
    policy_area_names: dict[str, Names]
    options: tuple[tuple[str, object], ...] = ()

    def find(self, cluster_id: str) -> GapCluster | None:
        for item in self.clusters:
            if item.id == cluster_id:
                return item
        return None


def _themes(scores: Scores, rows: Sequence[int]) -> tuple[str, ...]:
    weights = scores.demands.theme_weights[list(rows)].sum(axis=0)
    order = sorted(
        (t for t in range(len(weights)) if weights[t] > 0),
        key=lambda t: (-round(float(weights[t]), 9), scores.theme_ids[t]),
    )
    return tuple(scores.theme_ids[t] for t in order)


def _closest(scores: Scores, rows: Sequence[int], themes: Sequence[str]) -> Closest | None:
    eligible = scores.eligibility.eligible[list(rows)]
    if not eligible.any():
        return None
    fit = np.where(eligible, scores.fit.values[list(rows)], 0.0).mean(axis=0)
    ids = scores.projects.ids
    best = min(
        (c for c in range(len(ids)) if eligible[:, c].any()),
        key=lambda c: (-round(float(fit[c]), 6), ids[c]),
    )
    project = scores.projects.projects[best]
    return Closest(
        project.id,
        project.name,
        round(float(fit[best]), 2),
        int(eligible[:, best].sum()),
        tuple(t for t in themes if t not in project.themes),
    )


def _policy_area(catalog: Catalog, main: str | None, themes: Sequence[str]) -> str | None:
    """The plan's area of the cluster's main theme; a main theme outside the plan (health
    care, transport, …: no area) gives none rather than a borrowed one. A cluster with no
    main theme takes the area of its strongest theme that has one."""
    by_id = {theme.id: theme for theme in catalog.themes.themes}
    for theme in [main] if main else themes:
        areas = by_id[theme].policy_areas if theme in by_id else []
        if areas:
            return areas[0]
    return None


def _counted(values: Sequence[str]) -> list[tuple[str, int]]:
    return sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))


def build_cluster(
    scores: Scores,
    catalog: Catalog,
    unmet: Sequence[UnmetDemand],
    grouping: Grouping,
    group: tuple[int, ...],
    cluster_id: str,
    document_frequency: Counter[str],
) -> GapCluster:
    members = tuple(unmet[p] for p in group)
    rows = [m.row for m in members]
    themes = _themes(scores, rows)
    main = grouping.main_theme[group[0]] or None
    labels = scores.theme_labels
    ranked = characteristic_terms(
        [scores.demands.terms[r] for r in rows],
        [terms(m.record.demand.title) for m in members],
        document_frequency,
        len(unmet),
    )
    texts = [f"{m.record.demand.title}\n{m.record.demand.description}" for m in members]
    named = label(
        ranked,
        texts,
        labels[main].ko if main in labels else None,
        labels[main].en if main in labels else None,
    )
    regions = {m.record.region.code: m.record.region for m in members}
    province_names = {
        m.record.region.province_code: Names(
            ko=m.record.region.province_name_ko, en=m.record.region.province_name_en
        )
        for m in members
    }
    provinces = _counted([m.record.region.province_code for m in members])
    budgets = [m.record.demand.budget_request for m in members]
    stated = [b for b in budgets if b is not None]
    closest = _closest(scores, rows, themes)
    area = _policy_area(catalog, main, themes)
    central = sorted(group, key=lambda p: (-grouping.centrality[p], unmet[p].key))
    return GapCluster(
        id=cluster_id,
        label=named,
        main_theme=main,
        themes=themes,
        demands=members,
        regions=tuple(regions[code] for code in sorted(regions)),
        provinces=tuple((code, province_names[code], n) for code, n in provinces),
        region_kinds=tuple(_counted([r.kind for r in regions.values()])),
        decline_share=round(
            sum(m.record.region.population_decline for m in members) / len(members), 4
        ),
        budget_total=sum(stated),
        budget_stated=len(stated),
        closest=closest,
        policy_area=area,
        representatives=tuple(unmet[p] for p in central[:REPRESENTATIVES]),
    )


def find_gaps(
    scores: Scores,
    catalog: Catalog,
    inputs: dict[str, str],
    *,
    region_codes: set[str] | None = None,
    weak_band: float = WEAK_BAND,
    language: str = "en",
    options: tuple[tuple[str, object], ...] = (),
) -> GapsReport:
    """The clusters of unmet and weakly served demand of a scored run."""
    unmet = unmet_demands(scores, region_codes, weak_band)
    grouping = cluster(scores, unmet)
    frequency: Counter[str] = Counter()
    for item in unmet:
        frequency.update(set(scores.demands.terms[item.row]))
    numbers: Counter[str] = Counter()
    clusters = []
    for group in grouping.groups:
        theme = grouping.main_theme[group[0]] or "other"
        numbers[theme] += 1
        clusters.append(
            build_cluster(
                scores, catalog, unmet, grouping, group, f"{theme}-{numbers[theme]}", frequency
            )
        )
    demands = sum(
        1
        for record in scores.demands.records
        if region_codes is None
        or record.region.code in region_codes
        or record.region.province_code in region_codes
    )
    return GapsReport(
        tuple(clusters),
        demands,
        scores.profile.fit_threshold,
        weak_band,
        scores.profile,
        inputs,
        language,
        dict(scores.theme_labels),
        {area.id: area.name for area in catalog.policy_areas.policy_areas},
        options,
    )
