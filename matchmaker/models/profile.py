"""Scoring weights (`kind: profile`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from matchmaker.models.common import Names, Slug, Strict, Text

Weight = Annotated[float, Field(ge=0, le=100)]


class Weights(Strict):
    demand_fit: Weight
    long_term: Weight
    synergy: Weight

    @model_validator(mode="after")
    def _not_all_zero(self) -> Weights:
        if self.demand_fit + self.long_term + self.synergy <= 0:
            raise ValueError("at least one weight must be above 0")
        return self

    def normalised(self) -> tuple[float, float, float]:
        total = self.demand_fit + self.long_term + self.synergy
        return (self.demand_fit / total, self.long_term / total, self.synergy / total)


class Profile(Strict):
    kind: Literal["profile"]
    id: Slug
    name: Names
    description: Text | None = None
    weights: Weights
    population_decline_bonus: Annotated[float, Field(ge=0, le=20)] = 0
