"""Eligibility: the hard filter. A pair that fails a gate is not scored into a ranking.

Gates are checked in a fixed order and the first one that fails is the reason reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matchmaker.scoring.components import as_bits, shared_counts
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
    kinds = [r.region.kind for r in d.records]
    provinces = [r.region.province_code for r in d.records]
    decline = np.array([r.region.population_decline for r in d.records], dtype=bool)

    # The region gates depend on the region's kind, province and decline alone: they are
    # checked once per distinct combination in the chunk (a few hundred at most, for
    # every project with that rule at once), and each demand takes its combination's
    # row. Kind, province and decline are checked in that order for every project, as
    # one project at a time did.
    kind_names, kind_row = np.unique(np.array(kinds, dtype=object), return_inverse=True)
    province_names, province_row = np.unique(np.array(provinces, dtype=object), return_inverse=True)
    combinations, combination = np.unique(
        np.stack([kind_row.reshape(-1), province_row.reshape(-1), decline.astype(np.intp)], 1),
        axis=0,
        return_inverse=True,
    )
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

    table = np.zeros((len(combinations), cols), dtype=np.int8)  # combinations × projects

    def fail_columns(columns: list[int], failing: np.ndarray, code: str) -> None:
        if not columns:
            return
        view = table[:, columns]
        view[(view == ELIGIBLE) & failing] = GATES.index(code)
        table[:, columns] = view

    for found, part, code in ((by_kind, 0, "region-kind"), (by_province, 1, "province")):
        if found:
            allowed_table = np.array([flags for _, flags in found], dtype=bool)  # rules × names
            failing = ~allowed_table[:, combinations[:, part]].T
            fail_columns([column for column, _ in found], failing, code)
    fail_columns(decline_only, combinations[:, 2:3] == 0, "population-decline")
    gate = table[combination.reshape(-1)] if rows else np.zeros((0, cols), dtype=np.int8)

    def fail(mask: np.ndarray, code: str) -> None:
        np.copyto(gate, np.int8(GATES.index(code)), where=(gate == ELIGIBLE) & mask)

    # A region that co-funds less than the project's minimum share cannot take part.
    with np.errstate(invalid="ignore"):
        short = d.local_match[:, None] < p.local_match_min[None, :]
    fail(short, "co-funding")
    # Every mode asked for is one the project cannot deliver: compared once per distinct
    # set of modes asked for in the chunk.
    mode_sets, mode_set = np.unique(d.modes, axis=0, return_inverse=True)
    asked = np.asarray(mode_sets.any(axis=1))[:, None]
    offered = np.asarray(p.modes.any(axis=1))[None, :]
    shared = _any_shared(mode_sets, p.modes)
    fail((asked & offered & ~shared)[mode_set.reshape(-1)], "modes")
    return Eligibility(gate)


def _any_shared(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """L × R bool: whether each row of `left` shares a column with each row of `right`
    (both bool), `shared_counts(left, right) > 0`: one AND a pair of their bits."""
    left_bits, right_bits = as_bits(left), as_bits(right)
    if left_bits is None or right_bits is None:
        return shared_counts(left, right) > 0
    return (left_bits[:, None] & right_bits[None, :]) != 0
