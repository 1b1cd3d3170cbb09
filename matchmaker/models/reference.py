"""The catalog's reference files: regions, themes, policy areas and ties."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from matchmaker.models.common import (
    IsoDate,
    Names,
    RegionRef,
    ShortText,
    Slug,
    Sources,
    Strict,
    Text,
    UniqueSlugs,
    Year,
)

RegionCode = Annotated[str, Field(pattern=r"^[0-9]{2}(?:[0-9]{3})?$")]


class Gap(Strict):
    id: Slug
    note: Text


class Province(Strict):
    code: RegionCode
    name: Names
    type: Literal["special-city", "metropolitan-city", "special-self-governing-city",
                  "province", "special-self-governing-province"]
    aliases: list[ShortText] = []
    former_code: RegionCode | None = None


class Municipality(Strict):
    code: RegionCode
    province: RegionCode
    name: Names
    kind: Literal["si", "gun", "gu"]
    population_decline: bool = False
    former_code: RegionCode | None = None
    aliases: list[ShortText] = []
    name_en_source: Literal["kostat2018", "kostat2018-corrected", "constructed"] | None = None


class RegionsFile(Strict):
    kind: Literal["regions"]
    valid_from: IsoDate
    valid_until: IsoDate | None = None
    population_decline_designated: IsoDate | None = None
    source: Sources
    gaps: list[Gap] = []
    provinces: Annotated[list[Province], Field(min_length=1)]
    municipalities: list[Municipality] = []


class Synonyms(Strict):
    ko: list[ShortText] = []
    en: list[ShortText] = []


class Theme(Strict):
    id: Slug
    label: Names
    synonyms: Synonyms = Synonyms()
    policy_areas: UniqueSlugs = []


class ThemesFile(Strict):
    kind: Literal["themes"]
    source: Sources | None = None
    themes: Annotated[list[Theme], Field(min_length=1)]


class PolicyArea(Strict):
    id: Slug
    name: Names
    planned_projects: Annotated[int, Field(ge=0, le=100)] | None = None
    description: Text | None = None


class PolicyAreasFile(Strict):
    kind: Literal["policy-areas"]
    source: Sources
    policy_areas: Annotated[list[PolicyArea], Field(min_length=1)]


class Tie(Strict):
    id: Slug
    kind: Literal["friendship-agreement", "public-meals-pair", "sister-district"]
    seoul_party: RegionRef
    region: RegionRef
    since: Year | None = None
    project: Slug | None = None
    note: Text | None = None
    source: Sources


class TiesFile(Strict):
    kind: Literal["ties"]
    ties: list[Tie]
