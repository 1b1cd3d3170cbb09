"""Evaluate ranking on a judged set: demands with graded relevance per project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from matchmaker.catalog import Catalog
from matchmaker.evaluation import ndcg_at, top1_hit
from matchmaker.models import Demand, Profile, Proposal
from matchmaker.ranking import top_projects
from matchmaker.scoring.engine import score
from matchmaker.scoring.features import DemandRecord


@dataclass(frozen=True, slots=True)
class JudgedResult:
    demands: int
    ndcg3: float
    top1: float
    misses: tuple[tuple[str, str, str], ...]  # (demand id, ranked first, judged best)


def load_judged(path: Path) -> list[dict[str, object]]:
    # The judged set is our own test data, not user input: plain safe_load is enough.
    with path.open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle)["judged"])


def evaluate(catalog: Catalog, profile: Profile, entries: list[dict[str, object]]
             ) -> JudgedResult:
    index = catalog.region_index
    records: list[DemandRecord] = []
    for entry in entries:
        demand = Demand(id=str(entry["id"]), title=str(entry["title"]),
                        description=str(entry["description"]))
        proposal = Proposal(kind="proposal", id=f"judged-{entry['id']}",
                            region=str(entry["region"]), demands=[demand])
        region = index.resolve(str(entry["region"])).region
        assert region is not None, entry["region"]
        records.append(DemandRecord(proposal, demand, region, "judged"))
    scores = score(catalog, records, profile)
    ndcg_total, hits = 0.0, 0
    misses = []
    for row, entry in enumerate(entries):
        relevance = {str(k): int(v) for k, v in dict(entry["relevance"]).items()}  # type: ignore[call-overload]
        ranked = top_projects(scores, row, 3)
        ndcg_total += ndcg_at(ranked, relevance, 3)
        if top1_hit(ranked, relevance):
            hits += 1
        else:
            best = max(relevance, key=lambda k: (relevance[k], k))
            misses.append((str(entry["id"]), ranked[0] if ranked else "-", best))
    count = len(entries)
    return JudgedResult(count, ndcg_total / count, hits / count, tuple(misses))
