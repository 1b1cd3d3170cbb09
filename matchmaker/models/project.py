"""A Seoul project offering (`kind: project`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from matchmaker.models.common import (
    KRW,
    LongText,
    Names,
    Partner,
    RegionKind,
    RegionRef,
    Share,
    ShortText,
    Slug,
    Sources,
    Strict,
    Text,
    UniqueModes,
    UniqueSlugs,
    Year,
    Years,
)


class Eligibility(Strict):
    """Who may take part; an absent field means no restriction of that kind."""

    kinds: list[RegionKind] | None = None
    provinces: list[RegionRef] | None = None
    population_decline_only: bool = False


class BudgetRange(Strict):
    """KRW per region per year. Either end may be unpublished, and is then left out."""

    min: KRW | None = None
    max: Annotated[int, Field(gt=0, le=10**15)] | None = None


class LongTerm(Strict):
    capacity_building: bool | None = None
    outcome_indicators: list[ShortText] | None = None
    local_body: ShortText | None = None


class Project(Strict):
    kind: Literal["project"]
    id: Slug
    name: Names
    policy_area: Slug
    policy_area_basis: Literal["documented", "inferred"] | None = None
    department: ShortText | None = None
    started: Year | None = None
    status: Literal["active", "ended", "unknown"] | None = None
    themes: UniqueSlugs = []
    description: LongText
    modes: UniqueModes = []
    eligible: Eligibility | None = None
    capacity: Annotated[int, Field(ge=1, le=100_000)] | None = None
    budget_per_region: BudgetRange | None = None
    years: Years | None = None
    local_match_min: Share | None = None
    partners: list[Partner] = []
    long_term: LongTerm | None = None
    complements: UniqueSlugs = []
    scale: Text | None = None
    notes: Text | None = None
    source: Sources
