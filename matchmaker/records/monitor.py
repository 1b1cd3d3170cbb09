"""Monitoring: the results each funded pair owes, due or late, and attainment so far.

A funded pair owes one result per year of support: from the year after its round (a
round is decided for the next year) for the project's published commitment (`years`;
one year where it is unpublished). A year's result is *due* from the start of that year
and *late* once the year and a grace period after it (90 days by default: the year's
figures take time to publish) have passed without a result file for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from matchmaker.models import Project
from matchmaker.records.history import Attainment, History

GRACE_DAYS = 90


@dataclass(frozen=True, slots=True)
class Owed:
    round: int
    demand: str
    project: str
    region: str | None
    year: int
    state: str  # "due" | "late"
    deadline: dt.date  # after this day the result is late


@dataclass(frozen=True, slots=True)
class Monitoring:
    owed: list[Owed]
    projects: dict[str, Attainment]
    regions: dict[str, Attainment]
    continued: dict[str, Attainment]
    results: int  # result files read


def monitor(
    history: History, projects: dict[str, Project], today: dt.date, grace_days: int = GRACE_DAYS
) -> Monitoring:
    recorded = {(*result.pair, result.year) for _, result in history.results}
    owed: list[Owed] = []
    for _, decision in history.decisions:
        for pair in decision.pairs:
            project = projects.get(pair.project)
            length = project.years if project is not None and project.years else 1
            for year in range(decision.round + 1, decision.round + length + 1):
                if (
                    year > today.year
                    or (decision.round, pair.demand, pair.project, year) in recorded
                ):
                    continue
                deadline = dt.date(year, 12, 31) + dt.timedelta(days=grace_days)
                state = "late" if today > deadline else "due"
                owed.append(
                    Owed(
                        decision.round,
                        pair.demand,
                        pair.project,
                        pair.region,
                        year,
                        state,
                        deadline,
                    )
                )
    owed.sort(key=lambda o: (o.state != "late", o.year, o.round, o.demand, o.project))
    by_project, by_region = history.attainment()
    return Monitoring(
        owed,
        dict(sorted(by_project.items())),
        dict(sorted(by_region.items())),
        dict(sorted(history.continuation().items())),
        len(history.results),
    )
