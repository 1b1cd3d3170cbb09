"""A region's demand proposal (`kind: proposal`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from matchmaker.models.common import (
    KRW,
    IsoDate,
    Partner,
    RegionRef,
    Share,
    ShortText,
    Slug,
    Strict,
    Text,
    UniqueModes,
    UniqueSlugs,
    Year,
    Years,
    _iso_date,
)


def _year_or_date(value: Any) -> Any:
    """`start: 2027` stays a year; `start: 2027-03-01` becomes a date; nothing else."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1900 <= value <= 2100:
            raise ValueError("a start year must be between 1900 and 2100")
        return value
    return _iso_date(value)


class Contact(Strict):
    name: ShortText | None = None
    department: ShortText | None = None
    email: ShortText | None = None
    phone: ShortText | None = None


class PriorTie(Strict):
    partner: ShortText
    kind: Literal["friendship-agreement", "public-meals-pair", "sister-district", "project",
                  "other"]
    since: Year | None = None
    project: Slug | None = None
    note: Text | None = None


class Outcome(Strict):
    indicator: ShortText
    target: ShortText | float | None = None
    unit: ShortText | None = None
    baseline: ShortText | float | None = None
    by: Year | None = None


class Demand(Strict):
    id: Slug
    title: ShortText
    description: Text
    themes: UniqueSlugs = []
    priority: Annotated[int, Field(ge=1, le=100)] | None = None
    modes: UniqueModes = []
    budget_request: KRW | None = None
    local_match: Share | None = None
    start: Annotated[int | dt.date, BeforeValidator(_year_or_date)] | None = None
    years: Years | None = None
    partners: list[Partner] = []
    outcomes: list[Outcome] = []
    readiness: list[ShortText] = []

    @property
    def start_year(self) -> int | None:
        if self.start is None:
            return None
        return self.start if isinstance(self.start, int) else self.start.year


class Proposal(Strict):
    kind: Literal["proposal"]
    id: Slug
    region: RegionRef
    submitted: IsoDate | None = None
    valid_until: IsoDate | None = None
    contact: Contact | None = None
    prior_ties: list[PriorTie] = []
    demands: Annotated[list[Demand], Field(min_length=1, max_length=200)]
