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
    rules = _rules_of(p)
    table = np.zeros((len(combinations), cols), dtype=np.int8)  # combinations × projects

    def fail_columns(columns: list[int], failing: np.ndarray, code: str) -> None:
        if not columns:
            return
        view = table[:, columns]
        view[(view == ELIGIBLE) & failing] = GATES.index(code)
        table[:, columns] = view

    for by_name, names, part, code in (
        (rules.kinds, kind_names, 0, "region-kind"),
        (rules.provinces, province_names, 1, "province"),
    ):
        if by_name.columns:
            allowed_table = by_name.allowed(names.tolist())  # rules × names
            failing = ~allowed_table[:, combinations[:, part]].T
            fail_columns(by_name.columns, failing, code)
    fail_columns(rules.decline_only, combinations[:, 2:3] == 0, "population-decline")
    gate = table[combination.reshape(-1)] if rows else np.zeros((0, cols), dtype=np.int8)

    def fail(mask: np.ndarray, code: str) -> None:
        np.copyto(gate, np.int8(GATES.index(code)), where=(gate == ELIGIBLE) & mask)

    # A region that co-funds less than the project's minimum share cannot take part.
    with np.errstate(invalid="ignore"):
        short = d.local_match[:, None] < p.local_match_min[None, :]
    fail(short, "co-funding")
    # Every mode asked for is one the project cannot deliver: compared once per distinct
    # set of modes asked for in the chunk.
    asked_bits, offered_bits = as_bits(d.modes), as_bits(p.modes)
    if asked_bits is not None and offered_bits is not None:
        # each set of modes as one number's bits: asked, offered and shared are ANDs
        sets, mode_set = np.unique(asked_bits, return_inverse=True)
        asked = (sets != 0)[:, None]
        offered = (offered_bits != 0)[None, :]
        shared = (sets[:, None] & offered_bits[None, :]) != 0
    else:
        mode_sets, mode_set = np.unique(d.modes, axis=0, return_inverse=True)
        asked = np.asarray(mode_sets.any(axis=1))[:, None]
        offered = np.asarray(p.modes.any(axis=1))[None, :]
        shared = shared_counts(mode_sets, p.modes) > 0
    fail((asked & offered & ~shared)[mode_set.reshape(-1)], "modes")
    return Eligibility(gate)


@dataclass(frozen=True, slots=True)
class NamedRule:
    """The projects with one kind of region rule (kinds, or provinces), and whether each
    allows a name, looked up once per name for the catalog: every chunk asks again for
    the same few kinds and provinces."""

    columns: list[int]  # the projects with this rule
    allowed_names: list[frozenset[str]]  # each one's allowed names
    _by_name: dict[str, np.ndarray] = field(default_factory=dict, compare=False)

    def allowed(self, names: list[str]) -> np.ndarray:
        """rules × names bool: whether each project's rule allows each name."""
        if not names:
            return np.zeros((len(self.columns), 0), dtype=bool)
        for name in names:
            if name not in self._by_name:
                self._by_name[name] = np.array(
                    [name in allowed for allowed in self.allowed_names], dtype=bool
                )
        return np.stack([self._by_name[name] for name in names], axis=1)


@dataclass(frozen=True, slots=True)
class Rules:
    """The catalog's region rules, read from its projects once."""

    kinds: NamedRule
    provinces: NamedRule
    decline_only: list[int]

    @classmethod
    def of(cls, p: ProjectFeatures) -> Rules:
        kinds = NamedRule([], [])
        provinces = NamedRule([], [])
        decline_only: list[int] = []
        for column, project in enumerate(p.projects):
            rule = project.eligible
            if rule is None:
                continue
            if rule.kinds is not None:
                kinds.columns.append(column)
                kinds.allowed_names.append(frozenset(rule.kinds))
            allowed = p.eligible_provinces[column] if p.eligible_provinces else None
            if allowed is not None:
                provinces.columns.append(column)
                provinces.allowed_names.append(frozenset(allowed))
            if rule.population_decline_only:
                decline_only.append(column)
        return cls(kinds, provinces, decline_only)


# The rules of the catalog scored last (one catalog a run; a new one replaces it).
_RULES: list[tuple[ProjectFeatures, Rules]] = []


def _rules_of(p: ProjectFeatures) -> Rules:
    if not _RULES or _RULES[0][0] is not p:
        _RULES[:] = [(p, Rules.of(p))]
    return _RULES[0][1]
