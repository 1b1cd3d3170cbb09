"""A region's earlier cooperation with Seoul: catalog ties and the proposal's own record."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.catalog import Catalog
from matchmaker.scoring.features import DemandFeatures, ProjectFeatures

if TYPE_CHECKING:
    from matchmaker.records.history import History


@dataclass(frozen=True, slots=True)
class TieEvidence:
    description: str  # e.g. "public-meals-pair with 강동구 since 2017"
    project: str | None
    direct: bool  # the region itself, not only its province


@dataclass(slots=True)
class TieIndex:
    by_region: dict[str, list[TieEvidence]] = field(default_factory=dict)

    @classmethod
    def build(cls, catalog: Catalog) -> TieIndex:
        index = catalog.region_index
        found: dict[str, list[TieEvidence]] = defaultdict(list)
        for tie in catalog.ties.ties:
            seoul = index.by_code(tie.seoul_party)
            partner = seoul.name_ko if seoul is not None else tie.seoul_party
            since = f" ({tie.since})" if tie.since else ""
            # Filed under the region's current code: a tie written with a former code
            # (Wanju's 45710 before 52710) must reach the demands of that region.
            region = index.by_code(tie.region)
            code = region.code if region is not None else tie.region
            direct = (
                region.code != region.province_code
                if region is not None
                else (len(tie.region) == 5)
            )
            found[code].append(
                TieEvidence(f"{tie.kind}: {partner}{since}", tie.project, direct=direct)
            )
        return cls(dict(found))

    def with_history(self, history: History) -> TieIndex:
        """These ties and every pair an earlier round funded, as a tie of its region with
        that project ("funded-pair: seoul-farms (2024)"): continuity from past funded
        pairs counts as the documented ties do."""
        found = {code: list(ties) for code, ties in self.by_region.items()}
        for _, decision in sorted(history.decisions, key=lambda item: item[1].round):
            for pair in sorted(decision.pairs, key=lambda p: (p.project, p.demand)):
                if pair.region is None:
                    continue
                evidence = TieEvidence(
                    f"funded-pair: {pair.project} ({decision.round})", pair.project, direct=True
                )
                if evidence not in found.setdefault(pair.region, []):
                    found[pair.region].append(evidence)
        return TieIndex(found)

    def for_demand(self, d: DemandFeatures, row: int) -> list[TieEvidence]:
        record = d.records[row]
        region = record.region
        ties = list(self.by_region.get(region.code, []))
        if region.code != region.province_code:
            ties += [
                TieEvidence(t.description, t.project, direct=False)
                for t in self.by_region.get(region.province_code, [])
            ]
        for prior in record.proposal.prior_ties:
            since = f" ({prior.since})" if prior.since else ""
            ties.append(
                TieEvidence(f"{prior.kind}: {prior.partner}{since}", prior.project, direct=True)
            )
        return ties


def continuity_and_running(
    d: DemandFeatures, p: ProjectFeatures, ties: TieIndex
) -> tuple[np.ndarray, np.ndarray]:
    """Continuity (long-term) and 'builds on what runs there' (synergy), D × P each.

    Continuity: 1 when the project itself already ran with the region, 0.6 for any tie
    of the region (0.4 when only its province has one), 0 for a new partner. Running: 1
    when a project already running there complements this one, 0.7 when this project runs
    there already (scaling up), 0.3 for ties without a project, else 0.
    """
    rows, cols = len(d.records), len(p.projects)
    position = {project_id: i for i, project_id in enumerate(p.ids)}
    continuity = np.zeros((rows, cols))
    running = np.zeros((rows, cols))
    for row in range(rows):
        evidence = ties.for_demand(d, row)
        if not evidence:
            continue
        direct = any(t.direct for t in evidence)
        continuity[row, :] = 0.6 if direct else 0.4
        running[row, :] = 0.3
        # A province's agreement says little about which projects ran in each county.
        running_projects = [
            position[t.project]
            for t in evidence
            if t.direct and t.project is not None and t.project in position
        ]
        for column in running_projects:
            continuity[row, column] = 1.0
            running[row, column] = max(running[row, column], 0.7)
        if running_projects:
            complemented = p.complements[running_projects].any(axis=0)
            running[row, complemented] = 1.0
    return continuity, running
