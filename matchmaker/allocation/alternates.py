"""Alternates: for each demand the next projects, for each project the next demands.

What a planner needs when a funded pair falls through (a region withdraws, a project
fills up): the pairs that would come next, with their scores, from the same run. Only
eligible pairs that are not "no suitable project" count, as in the allocation itself;
ties break by id.
"""

from __future__ import annotations

import numpy as np

from matchmaker.allocation.report import AllocationResult
from matchmaker.scoring.engine import Scores


def alternates(scores: Scores, result: AllocationResult, n: int) -> dict[str, object]:
    """`{"by_demand": {key: [{project, score}…]}, "by_project": {id: [{demand, score}…]}}`,
    leaving out the pairs the allocation chose."""
    records = scores.demands.records
    ids = scores.projects.ids
    chosen = {(a.demand_key, a.project) for a in result.assignments}
    offered = scores.eligibility.eligible & ~scores.no_fit[:, None]
    by_demand: dict[str, list[dict[str, object]]] = {}
    for row, record in enumerate(records):
        columns = [c for c in np.flatnonzero(offered[row]) if (record.key, ids[c]) not in chosen]
        columns.sort(key=lambda c: (-float(scores.total[row, c]), ids[c]))
        if columns[:n]:
            by_demand[record.key] = [
                {"project": ids[c], "score": round(float(scores.total[row, c]), 2)}
                for c in columns[:n]
            ]
    by_project: dict[str, list[dict[str, object]]] = {}
    for column, project in enumerate(ids):
        rows = [
            r for r in np.flatnonzero(offered[:, column]) if (records[r].key, project) not in chosen
        ]
        rows.sort(key=lambda r: (-float(scores.total[r, column]), records[r].key))
        if rows[:n]:
            by_project[project] = [
                {"demand": records[r].key, "score": round(float(scores.total[r, column]), 2)}
                for r in rows[:n]
            ]
    return {"by_demand": dict(sorted(by_demand.items())), "by_project": by_project}
