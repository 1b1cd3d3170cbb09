"""Demands resolved once per run: region, source file and repeats, for scoring to read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from matchmaker.models import Demand, Proposal
from matchmaker.regions import Region, RegionIndex
from matchmaker.resubmissions import Filed, find_repeats


@dataclass(frozen=True, slots=True)
class ResolvedDemand:
    """One demand with the context it was filed in, its region resolved."""

    proposal: Proposal
    demand: Demand
    region: Region
    file: str
    repeats: str | None = None  # key of an earlier demand of the region this one repeats

    @property
    def key(self) -> str:
        return f"{self.proposal.id}/{self.demand.id}"


def resolve_demands(
    proposals: Iterable[tuple[Proposal, str]], index: RegionIndex
) -> list[ResolvedDemand]:
    """Every demand of the proposals (each with the file it came from), in order.

    A proposal whose region does not resolve is left out: the checks have already
    reported it as an error, and a run with errors does not score. A resubmitted demand
    is marked with the demand it repeats, so it is counted once.
    """
    found: list[ResolvedDemand] = []
    for proposal, file in proposals:
        region = index.resolve(proposal.region).region
        if region is None:
            continue
        found.extend(ResolvedDemand(proposal, demand, region, file) for demand in proposal.demands)
    repeats = find_repeats([Filed(r.region.code, r.proposal.id, r.demand) for r in found])
    for repeat in repeats:
        found[repeat.later] = replace(found[repeat.later], repeats=found[repeat.earlier].key)
    return found
