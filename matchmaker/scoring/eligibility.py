"""Eligibility: the hard filter. A pair that fails a gate is not scored into a ranking.

Gates are checked in a fixed order and the first one that fails is the reason reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matchmaker.scoring.features import DemandFeatures, ProjectFeatures

# Gate codes, in the order they are checked; 0 means eligible.
ELIGIBLE = 0
GATES: tuple[str, ...] = (
    "eligible",
    "region-kind",
    "province",
    "population-decline",
    "co-funding",
    "modes",
)


@dataclass(slots=True)
class Eligibility:
    gate: np.ndarray  # D × P int: index into GATES of the first failed gate, 0 if eligible
    eligible: np.ndarray = field(init=False)  # D × P bool, computed once: read per pair

    def __post_init__(self) -> None:
        self.eligible = self.gate == ELIGIBLE


def check_eligibility(d: DemandFeatures, p: ProjectFeatures) -> Eligibility:
    rows, cols = len(d.records), len(p.projects)
    gate = np.zeros((rows, cols), dtype=np.int8)
    kinds = np.array([r.region.kind for r in d.records])
    provinces = np.array([r.region.province_code for r in d.records])
    decline = np.array([r.region.population_decline for r in d.records], dtype=bool)

    def fail(mask: np.ndarray, code: str) -> None:
        gate[(gate == ELIGIBLE) & mask] = GATES.index(code)

    def fail_column(column: int, rows_failing: np.ndarray, code: str) -> None:
        # One column at a time: a whole-matrix mask per project would grow with P².
        view = gate[:, column]
        view[(view == ELIGIBLE) & rows_failing] = GATES.index(code)

    for column, project in enumerate(p.projects):
        rule = project.eligible
        if rule is None:
            continue
        if rule.kinds is not None:
            fail_column(column, ~np.isin(kinds, rule.kinds), "region-kind")
        allowed = p.eligible_provinces[column] if p.eligible_provinces else None
        if allowed is not None:
            fail_column(column, ~np.isin(provinces, sorted(allowed)), "province")
        if rule.population_decline_only:
            fail_column(column, ~decline, "population-decline")
    # A region that co-funds less than the project's minimum share cannot take part.
    with np.errstate(invalid="ignore"):
        short = d.local_match[:, None] < p.local_match_min[None, :]
    fail(short, "co-funding")
    # Every mode asked for is one the project cannot deliver.
    asked = np.asarray(d.modes.any(axis=1))[:, None]
    offered = np.asarray(p.modes.any(axis=1))[None, :]
    shared = (d.modes.astype(np.int32) @ p.modes.T.astype(np.int32)) > 0
    fail(asked & offered & ~shared, "modes")
    return Eligibility(gate)
