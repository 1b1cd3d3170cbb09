"""The reserve list carried into the next round: which demands an earlier round left on
its reserve reappear in this round's proposals.

A reserve demand reappears when a demand of this round comes from the same region and
has the same demand id (`2026-wanju/meals` → `2027-wanju/meals`) or, where the decision
recorded the reserve demand's title, a title at least 90% the same (rapidfuzz's ratio of
the titles as the matcher reads them, spaces and punctuation aside: the threshold
`resubmissions` uses for a demand filed twice). Only the latest round recorded before
this one is read: a demand reserved twice is on the latest list. Finding them changes
nothing; they get a priority only when the planner asks (`--reserve-priority`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matchmaker.models.records import Decision, demand_parts
from matchmaker.records.history import History
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.resubmissions import NEAR_SAME, squeezed


@dataclass(frozen=True, slots=True)
class CarriedDemand:
    """A demand of this round that an earlier round left on its reserve."""

    demand_key: str  # this round's PROPOSAL/DEMAND
    region: str
    earlier: str  # the reserve entry's PROPOSAL/DEMAND
    how: str  # "id" | "title"
    similarity: float  # 100 for the same id; the titles' ratio otherwise
    earlier_project: str | None
    earlier_score: float | None


@dataclass(frozen=True, slots=True)
class CarriedReserve:
    round: int | None  # the round whose reserve was read (None: no decision before)
    reserve: int  # entries on that reserve list
    demands: tuple[CarriedDemand, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(d.demand_key for d in self.demands)


def previous_decision(history: History, before: int | None = None) -> Decision | None:
    """The latest decision recorded (before round `before`, when given)."""
    earlier = [d for _, d in history.decisions if before is None or d.round < before]
    return max(earlier, key=lambda d: d.round) if earlier else None


def carried_reserve(
    history: History, records: Sequence[ResolvedDemand], before: int | None = None
) -> CarriedReserve:
    from rapidfuzz import fuzz

    decision = previous_decision(history, before)
    if decision is None:
        return CarriedReserve(None, 0, ())
    found: list[CarriedDemand] = []
    for record in sorted(records, key=lambda r: r.key):
        title = squeezed(record.demand.title)
        best: CarriedDemand | None = None
        for entry in decision.reserve:
            if entry.region != record.region.code:
                continue  # a reserve entry without its region cannot be told apart
            if demand_parts(entry.demand)[1] == record.demand.id:
                match = CarriedDemand(
                    record.key,
                    record.region.code,
                    entry.demand,
                    "id",
                    100.0,
                    entry.project,
                    entry.score,
                )
            elif entry.title is not None:
                ratio = round(float(fuzz.ratio(squeezed(entry.title), title)), 1)
                if ratio < NEAR_SAME:
                    continue
                match = CarriedDemand(
                    record.key,
                    record.region.code,
                    entry.demand,
                    "title",
                    ratio,
                    entry.project,
                    entry.score,
                )
            else:
                continue
            if best is None or (match.similarity, match.earlier) > (
                best.similarity,
                best.earlier,
            ):
                best = match
        if best is not None:
            found.append(best)
    return CarriedReserve(decision.round, len(decision.reserve), tuple(found))


def carried_json(carried: CarriedReserve, priority: float) -> dict[str, object]:
    """As `allocate --format json` reports it under `reserve_carried`."""
    return {
        "round": carried.round,
        "reserve": carried.reserve,
        "priority": priority if priority > 0 else None,
        "demands": [
            {
                "demand": d.demand_key,
                "region": d.region,
                "earlier": d.earlier,
                "matched_by": d.how,
                "similarity": d.similarity,
                "earlier_project": d.earlier_project,
                "earlier_score": d.earlier_score,
            }
            for d in carried.demands
        ],
    }
