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
    kinds = [r.region.kind for r in d.records]
    provinces = [r.region.province_code for r in d.records]
    decline = np.array([r.region.population_decline for r in d.records], dtype=bool)

    def fail(mask: np.ndarray, code: str) -> None:
        gate[(gate == ELIGIBLE) & mask] = GATES.index(code)

    # The region gates, checked for every project with that rule at once: each rule is
    # read against the few kinds and provinces of this run (not once per demand), then
    # spread to the demands. Kinds, provinces and decline are checked in that order for
    # every column, as one column at a time did.
    kind_names, kind_row = np.unique(np.array(kinds, dtype=object), return_inverse=True)
    province_names, province_row = np.unique(np.array(provinces, dtype=object), return_inverse=True)
    by_kind: list[tuple[int, list[bool]]] = []
    by_province: list[tuple[int, list[bool]]] = []
    decline_only: list[int] = []
    for column, project in enumerate(p.projects):
        rule = project.eligible
        if rule is None:
            continue
        if rule.kinds is not None:
            by_kind.append((column, [kind in rule.kinds for kind in kind_names]))
        allowed = p.eligible_provinces[column] if p.eligible_provinces else None
        if allowed is not None:
            by_province.append((column, [code in allowed for code in province_names]))
        if rule.population_decline_only:
            decline_only.append(column)

    def fail_columns(columns: list[int], failing: np.ndarray, code: str) -> None:
        if not columns:
            return
        view = gate[:, columns]
        view[(view == ELIGIBLE) & failing] = GATES.index(code)
        gate[:, columns] = view

    for found, row, code in (
        (by_kind, kind_row, "region-kind"),
        (by_province, province_row, "province"),
    ):
        if found:
            allowed_table = np.array([flags for _, flags in found], dtype=bool)  # rules × names
            fail_columns([column for column, _ in found], ~allowed_table[:, row].T, code)
    fail_columns(decline_only, ~decline[:, None], "population-decline")
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
