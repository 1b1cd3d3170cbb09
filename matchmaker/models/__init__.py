"""Pydantic models of every document kind, and the table that picks one by `kind:`."""

from __future__ import annotations

from pydantic import BaseModel

from matchmaker.models.indicators import Indicator, IndicatorsFile
from matchmaker.models.profile import Profile, Weights
from matchmaker.models.project import Project
from matchmaker.models.proposal import Demand, Proposal
from matchmaker.models.records import Decision, Result
from matchmaker.models.reference import (
    PolicyAreasFile,
    RegionsFile,
    ThemesFile,
    TiesFile,
)

MODEL_BY_KIND: dict[str, type[BaseModel]] = {
    "project": Project,
    "proposal": Proposal,
    "profile": Profile,
    "regions": RegionsFile,
    "themes": ThemesFile,
    "policy-areas": PolicyAreasFile,
    "ties": TiesFile,
    "indicators": IndicatorsFile,
    "decision": Decision,
    "result": Result,
}

# Kinds a region or planner writes; the reference kinds belong to the catalog.
USER_KINDS: tuple[str, ...] = ("proposal", "project", "profile", "decision", "result")

__all__ = [
    "MODEL_BY_KIND",
    "USER_KINDS",
    "Decision",
    "Demand",
    "Indicator",
    "IndicatorsFile",
    "PolicyAreasFile",
    "Profile",
    "Project",
    "Proposal",
    "RegionsFile",
    "Result",
    "ThemesFile",
    "TiesFile",
    "Weights",
]
