"""Rankings under several profiles side by side, with Kendall's tau and the biggest moves.

The three components do not depend on the profile, only their weights do, so the run is
scored once and re-weighted per profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from matchmaker.models import Profile
from matchmaker.robustness.sensitivity import component_matrix
from matchmaker.robustness.tau import kendall_tau
from matchmaker.scoring.engine import Scores
from matchmaker.scoring.order import order_row


@dataclass(frozen=True, slots=True)
class Move:
    demand_key: str
    project: str
    ranks: dict[str, int]  # profile id → rank of the project for this demand
    spread: int  # largest minus smallest rank


@dataclass(frozen=True, slots=True)
class Comparison:
    profiles: list[str]
    top: dict[str, dict[str, str | None]]  # demand → profile → top project
    tau: dict[str, dict[str, float | None]]  # "a|b" → demand → tau (None: < 2 items)
    overall_tau: dict[str, float | None]  # "a|b" → mean over demands
    moves: list[Move]


def _totals(points: np.ndarray, profile: Profile) -> np.ndarray:
    return points @ np.array(profile.weights.normalised())


def _ranking(totals: np.ndarray, eligible: np.ndarray, ids: list[str]) -> list[int]:
    return order_row(totals, eligible, ids)


def compare(scores: Scores, profiles: list[Profile], moves: int = 10) -> Comparison:
    points = component_matrix(scores)
    ids = scores.projects.ids
    names = [p.id for p in profiles]
    totals = {p.id: _totals(points, p) for p in profiles}
    top: dict[str, dict[str, str | None]] = {}
    positions: dict[str, dict[str, dict[int, int]]] = {}
    for row, record in enumerate(scores.demands.records):
        eligible = scores.eligibility.eligible[row]
        top[record.key] = {}
        positions[record.key] = {}
        for name in names:
            order = _ranking(totals[name][row], eligible, ids)
            top[record.key][name] = ids[order[0]] if order else None
            positions[record.key][name] = {column: i + 1 for i, column in enumerate(order)}
    tau: dict[str, dict[str, float | None]] = {}
    overall: dict[str, float | None] = {}
    for a, b in combinations(names, 2):
        key = f"{a}|{b}"
        tau[key] = {}
        for demand, ranked in positions.items():
            columns = sorted(ranked[a])
            if len(columns) < 2:
                tau[key][demand] = None
                continue
            first = [ranked[a][c] for c in columns]
            second = [ranked[b][c] for c in columns]
            value = 1.0 if first == second else kendall_tau(first, second)
            tau[key][demand] = round(value, 4)
        values = [v for v in tau[key].values() if v is not None]
        overall[key] = round(float(np.mean(values)), 4) if values else None
    found: list[Move] = []
    for demand, ranked in positions.items():
        for column in sorted(ranked[names[0]]):
            ranks = {name: ranked[name][column] for name in names}
            spread = max(ranks.values()) - min(ranks.values())
            if spread > 0:
                found.append(Move(demand, ids[column], ranks, spread))
    found.sort(key=lambda m: (-m.spread, m.demand_key, m.project))
    return Comparison(names, top, tau, overall, found[:moves])
