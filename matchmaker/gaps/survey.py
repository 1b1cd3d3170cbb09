"""The demand survey: the run's demands counted the way the study's survey chapter does.

Every count is made three times: over all demands, over those that found a strong match
(an eligible project with a demand fit of at least STRONG_FIT, and not answered "no
suitable project"), and over the rest. A demand counts once in each theme it reads as
(declared or read from its text) and once in each policy area of those themes, so those
two tables can add up to more than the number of demands; every other table adds up.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from matchmaker.catalog import Catalog
from matchmaker.models import Profile
from matchmaker.models.common import Names
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.scoring.engine import Scores

_HANGUL = re.compile("[가-힣ㄱ-ㅎㅏ-ㅣ]")
_LATIN = re.compile("[A-Za-z]")
# Below this share of words in the other script a text counts as one language: a brand
# name (K-food, HACCP) in a paragraph of Korean does not make it mixed. On the judged sets'
# 288 language-tagged demands, 0.1 reads every Korean and English one as tagged and 42 of
# the 58 mixed ones as mixed (the rest are Korean with one or two English terms).
MIXED_SHARE = 0.1
NO_AREA = "none"  # the demands whose themes belong to none of the plan's five areas
SECTIONS = ("all", "strong", "without")

Counts = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Budgets:
    stated: int  # demands that state a request
    total: int
    median: float | None
    smallest: int | None
    largest: int | None


@dataclass(frozen=True, slots=True)
class DemandSurvey:
    """One group of demands counted every way the survey counts them."""

    demands: int
    policy_areas: Counts
    themes: Counts
    provinces: Counts  # province code → demands
    region_kinds: Counts
    languages: Counts  # ko, en, mixed
    decline: int  # demands filed by population-decline areas
    budgets: Budgets
    years: Counts  # commitment asked, in years ("unstated" when not given)
    starts: Counts  # year the demand would start ("unstated")
    modes: Counts  # delivery modes asked for
    partner_kinds: Counts
    with_partners: tuple[str, ...]  # keys of the demands that name partners


@dataclass(frozen=True, slots=True)
class SurveyReport:
    sections: tuple[tuple[str, DemandSurvey], ...]  # all, strong, without
    profile: Profile
    inputs: dict[str, str]
    language: str
    theme_labels: dict[str, Names]
    policy_area_names: dict[str, Names]
    province_names: dict[str, Names]
    options: tuple[tuple[str, object], ...] = ()

    def section(self, name: str) -> DemandSurvey:
        return dict(self.sections)[name]


def language_of(text: str) -> str:
    """`ko`, `en` or `mixed`, from the words of a text: a word with Hangul is Korean, one
    with Latin letters only English; mixed when each is at least MIXED_SHARE of them.
    Words, not letters, are counted: one syllable block carries what several letters do."""
    korean = english = 0
    for word in text.split():
        if _HANGUL.search(word):
            korean += 1
        elif _LATIN.search(word):
            english += 1
    words = korean + english
    if words == 0:
        return "ko"
    if min(korean, english) / words >= MIXED_SHARE:
        return "mixed"
    return "ko" if korean >= english else "en"


def _counted(values: Iterable[str]) -> Counts:
    return tuple(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def _start_year(start: int | dt.date | None) -> str:
    if start is None:
        return "unstated"
    return str(start.year if isinstance(start, dt.date) else start)


def _budgets(records: Sequence[ResolvedDemand]) -> Budgets:
    stated = [r.demand.budget_request for r in records if r.demand.budget_request is not None]
    return Budgets(
        len(stated),
        sum(stated),
        float(statistics.median(stated)) if stated else None,
        min(stated) if stated else None,
        max(stated) if stated else None,
    )


def count(
    records: Sequence[ResolvedDemand],
    themes: Sequence[tuple[str, ...]],
    areas: dict[str, list[str]],
) -> DemandSurvey:
    """Count one group of demands; `themes[i]` are the themes demand i reads as."""
    area_of = [
        sorted({area for theme in found for area in areas.get(theme, [])}) or [NO_AREA]
        for found in themes
    ]
    return DemandSurvey(
        demands=len(records),
        policy_areas=_counted(area for found in area_of for area in found),
        themes=_counted(theme for found in themes for theme in found),
        provinces=_counted(r.region.province_code for r in records),
        region_kinds=_counted(r.region.kind for r in records),
        languages=_counted(
            language_of(f"{r.demand.title}\n{r.demand.description}") for r in records
        ),
        decline=sum(r.region.population_decline for r in records),
        budgets=_budgets(records),
        years=_counted(
            "unstated" if r.demand.years is None else str(r.demand.years) for r in records
        ),
        starts=_counted(_start_year(r.demand.start) for r in records),
        modes=_counted(mode for r in records for mode in r.demand.modes),
        partner_kinds=_counted(p.kind for r in records for p in r.demand.partners),
        with_partners=tuple(sorted(r.key for r in records if r.demand.partners)),
    )


def survey(
    scores: Scores,
    catalog: Catalog,
    inputs: dict[str, str],
    *,
    region_codes: set[str] | None = None,
    language: str = "en",
    options: tuple[tuple[str, object], ...] = (),
) -> SurveyReport:
    """The survey of a scored run's demands (of some regions or provinces, if given)."""
    rows = sorted(
        (
            row
            for row, record in enumerate(scores.demands.records)
            if region_codes is None
            or record.region.code in region_codes
            or record.region.province_code in region_codes
        ),
        key=lambda row: scores.demands.records[row].key,
    )
    weights = scores.demands.theme_weights
    themes = {
        row: tuple(scores.theme_ids[t] for t in range(weights.shape[1]) if weights[row, t] > 0)
        for row in rows
    }
    areas = {theme.id: list(theme.policy_areas) for theme in catalog.themes.themes}
    strong = {row for row in rows if scores.strong[row].any() and not scores.no_fit[row]}
    groups = {
        "all": rows,
        "strong": [row for row in rows if row in strong],
        "without": [row for row in rows if row not in strong],
    }
    records = scores.demands.records
    sections = tuple(
        (
            name,
            count([records[r] for r in groups[name]], [themes[r] for r in groups[name]], areas),
        )
        for name in SECTIONS
    )
    provinces = {
        r.province_code: Names(ko=r.province_name_ko, en=r.province_name_en)
        for r in catalog.region_index.regions
    }
    return SurveyReport(
        sections,
        scores.profile,
        inputs,
        language,
        dict(scores.theme_labels),
        {area.id: area.name for area in catalog.policy_areas.policy_areas},
        provinces,
        options,
    )
