"""The allocation problem as data: candidate pairs, their value and cost, and the limits.

Built from a scored run and the planner's options; solving and reporting read it only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matchmaker.scoring.engine import Scores


@dataclass(frozen=True, slots=True)
class AllocationOptions:
    budget: int | None = None  # Seoul's total, KRW
    project_budgets: dict[str, int] = field(default_factory=dict)
    capacities: dict[str, int] = field(default_factory=dict)  # overrides catalog capacity
    per_demand: int = 1  # projects one demand may receive
    synergy_bonus: float = 5.0  # points per complementary pair in a region
    min_per_province: int = 0  # assignments every province gets at least
    min_decline_share: float = 0.0  # of assignments, to population-decline areas
    min_decline_krw_share: float = 0.0  # of KRW, to population-decline areas
    max_region_share: float = 1.0  # of assignments, for any one region
    locks: tuple[tuple[str, str], ...] = ()  # (PROPOSAL/DEMAND, PROJECT) that must hold
    forbids: tuple[tuple[str, str], ...] = ()  # pairs that must not
    time_limit: float | None = None  # seconds; then the answer may be a bound
    # time.monotonic() by which the answer is due: the command sets it when it starts, so
    # loading, scoring and model building count against --time-limit (None: from
    # time_limit when allocation starts).
    deadline: float | None = None
    # How a pair whose cost nobody published counts against --budget: "median" (the median
    # known cost of the run's pairs, stated), "exclude" (not offered under a budget), "zero"
    # (free: it favours the unknown), or a KRW amount.
    unknown_cost: str | int = "median"
    # Fairness across rounds (allocate --history): assignments each region received in
    # earlier rounds, a cap on a region's assignments over all rounds, and the least share
    # of this round's assignments for regions never served before.
    earlier: dict[str, int] = field(default_factory=dict)  # region code → assignments
    max_repeat: int | None = None
    min_new_share: float = 0.0
    # The previous round's reserve (allocate --history): the demands of this run found on
    # it, and the least share of them (with a candidate project) that must be assigned;
    # 0 means they are only reported, never favoured.
    reserve_demands: frozenset[str] = frozenset()
    reserve_priority: float = 0.0

    @property
    def fairness(self) -> bool:
        """Whether any fairness rule is asked for (they make the problem a MILP)."""
        return (
            self.min_per_province > 0
            or self.min_decline_share > 0
            or self.min_decline_krw_share > 0
            or self.max_region_share < 1
            or self.max_repeat is not None
            or self.min_new_share > 0
            or self.reserve_priority > 0
        )

    def as_json(self, history: bool = False) -> dict[str, object]:
        """The options as `allocate --format json` and the report record them, so both
        documents match and `diff` can name an option as a cause. The cross-round rules
        are recorded only for a run with history, so other runs keep their exact shape."""
        across: dict[str, object] = {
            "max_repeat": self.max_repeat,
            "min_new_share": self.min_new_share,
        }
        recorded: dict[str, object] = {
            "budget": self.budget,
            "per_demand": self.per_demand,
            "synergy_bonus": self.synergy_bonus,
            "min_per_province": self.min_per_province,
            "min_decline_share": self.min_decline_share,
            "min_decline_krw_share": self.min_decline_krw_share,
            "max_region_share": self.max_region_share,
            "capacities": dict(self.capacities),
            "project_budgets": dict(self.project_budgets),
            "locks": [f"{a}={b}" for a, b in self.locks],
            "forbids": [f"{a}={b}" for a, b in self.forbids],
            "time_limit": self.time_limit,
            "unknown_cost": self.unknown_cost,
        }
        if self.reserve_priority > 0:  # only when asked, so other runs keep their shape
            across["reserve_priority"] = self.reserve_priority
        return recorded | across if history else recorded

    def as_flags(self) -> list[str]:
        """The options that differ from the defaults, as the command line writes them
        (`--budget 1000000000`, `--lock 2026-wanju/meals=urban-rural-public-meals`), so a
        reader of a report can tell which rules shaped its allocation."""
        default = AllocationOptions()
        flags: list[str] = []
        for name in (
            "budget",
            "per_demand",
            "synergy_bonus",
            "min_per_province",
            "min_decline_share",
            "min_decline_krw_share",
            "max_region_share",
            "unknown_cost",
            "time_limit",
        ):
            value = getattr(self, name)
            if value != getattr(default, name):
                flags.append(f"--{name.replace('_', '-')} {value}")
        if self.max_repeat is not None:
            flags.append(f"--max-repeat {self.max_repeat}")
        if self.min_new_share > 0:
            flags.append(f"--min-new-share {self.min_new_share}")
        if self.reserve_priority > 0:
            flags.append(f"--reserve-priority {self.reserve_priority}")
        flags += [f"--capacity {key}={value}" for key, value in sorted(self.capacities.items())]
        flags += [
            f"--project-budget {key}={value}" for key, value in sorted(self.project_budgets.items())
        ]
        flags += [f"--lock {demand}={project}" for demand, project in self.locks]
        flags += [f"--forbid {demand}={project}" for demand, project in self.forbids]
        return flags


@dataclass(slots=True)
class AllocationProblem:
    """Candidate pairs (eligible, not forbidden) and everything the constraints need."""

    scores: Scores
    options: AllocationOptions
    demand: np.ndarray  # n: row of the demand in scores
    project: np.ndarray  # n: column of the project
    value: np.ndarray  # n: total score
    cost: np.ndarray  # n: KRW Seoul pays (the stated estimate where unknown)
    cost_known: np.ndarray  # n bool: published or requested; False where estimated
    capacity: np.ndarray  # P: max assignments (inf when unlimited)
    project_budget: np.ndarray  # P: KRW (inf when unlimited)
    region: np.ndarray  # D: index into region_codes
    region_codes: list[str]
    province: np.ndarray  # D: index into province_codes
    province_codes: list[str]
    decline: np.ndarray  # D bool
    tied: np.ndarray  # D bool: the region had ties with Seoul before
    forbidden: set[tuple[int, int]]
    locked: set[tuple[int, int]]
    synergy_pairs: list[tuple[int, int, int]]  # (region, project p, project q), p < q
    cost_estimate: float | None = None  # what an unknown cost counted as (None: excluded)
    # R int: assignments each region received in earlier rounds (empty: no history)
    earlier: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    # `synergy_edges()`, made on first use: not an argument, and not copied by
    # dataclasses.replace (a copy with other synergy pairs makes its own).
    _edges: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    def synergy_edges(self) -> np.ndarray:
        """The synergy pairs as an E × 3 array of (region, p, q), made once: converting
        the list took ~0.5 s at 10,000 × 1,000 (2.5 M pairs), and a run with a time limit
        did it five times before and during its decomposition."""
        if self._edges is None or len(self._edges) != len(self.synergy_pairs):
            edges = np.array(self.synergy_pairs, dtype=np.int64).reshape(-1, 3)
            edges.setflags(write=False)  # shared by every step that reads it
            self._edges = edges
        return self._edges

    def earlier_of(self, region: int) -> int:
        return int(self.earlier[region]) if region < len(self.earlier) else 0

    @property
    def pairs(self) -> int:
        return len(self.value)


def pair_cost(request: float, low: float, high: float) -> tuple[float, bool]:
    """What Seoul pays for a pair: the request, kept inside the project's range.

    With no request, the project's floor (or its ceiling) is the honest estimate; with
    neither, the cost is unknown and reported as such, not counted as free.
    """
    if not np.isnan(request):
        value = request
        if not np.isnan(high):
            value = min(value, high)
        if not np.isnan(low):
            value = max(value, low)
        return float(value), True
    if not np.isnan(low):
        return float(low), True
    if not np.isnan(high):
        return float(high), True
    return 0.0, False


def pair_costs(
    request: np.ndarray, low: np.ndarray, high: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """`pair_cost` for arrays of pairs at once (the same numbers; per pair in Python it
    was 23 times slower at 10,000 × 1,000)."""
    asked = ~np.isnan(request)
    clipped = np.where(np.isnan(high), request, np.minimum(request, high))
    clipped = np.where(np.isnan(low), clipped, np.maximum(clipped, low))
    floor_or_ceiling = np.where(np.isnan(low), np.where(np.isnan(high), 0.0, high), low)
    cost = np.where(asked, clipped, floor_or_ceiling)
    known = asked | ~np.isnan(low) | ~np.isnan(high)
    return cost.astype(float), known


def distinct(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` for a 1-D array of whole numbers: each value once, ascending.
    numpy's `unique` imports numpy.ma on its first call (~10-13 ms of every `allocate`) to
    rule out a masked array these never are."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def complementary_pairs(
    pair_region: np.ndarray, pair_project: np.ndarray, complements: np.ndarray
) -> list[tuple[int, int, int]]:
    """(region, p, q), p < q, for complementary projects both offered to a region, in
    region, p, q order."""
    found: list[tuple[int, int, int]] = []
    if not len(pair_region):
        return found
    # Each (region, project) once, in region then project order: one whole number per
    # pair, as np.unique(..., axis=0) would order the rows.
    width = int(pair_project.max()) + 1
    keys = distinct(pair_region.astype(np.int64) * width + pair_project)
    offered = np.stack([keys // width, keys % width], axis=1)
    starts = np.flatnonzero(np.r_[True, offered[1:, 0] != offered[:-1, 0]])
    for start, stop in zip(starts, np.r_[starts[1:], len(offered)], strict=True):
        region = int(offered[start, 0])
        projects = offered[start:stop, 1]
        firsts, seconds = np.nonzero(np.triu(complements[np.ix_(projects, projects)], k=1))
        found += [
            (region, int(projects[a]), int(projects[b]))
            for a, b in zip(firsts, seconds, strict=True)
        ]
    return found


def unknown_cost_estimate(options: AllocationOptions, known: list[float]) -> float | None:
    """What a pair of unknown cost counts as under the options' rule (None: excluded)."""
    rule = options.unknown_cost
    if rule == "exclude":
        return None
    if rule == "zero":
        return 0.0
    if rule == "median":
        return median(known) if known else 0.0
    return float(rule)


def median(values: list[float]) -> float:
    """The median as numpy's `median` gives it (the middle value, or the mean of the two
    middle ones), without its first call importing numpy.ma (~10 ms of every `allocate`)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return float((ordered[middle - 1] + ordered[middle]) / 2)


class UnknownName(ValueError):
    """An option names a demand or project the run does not have."""

    def __init__(self, option: str, kind: str, name: str) -> None:
        super().__init__(f"{option}: no {kind} '{name}' in this run")
        self.option, self.kind, self.name = option, kind, name


class ImpossibleLock(ValueError):
    """A --lock that no allocation can honour: the pair is not eligible, or it is also
    forbidden."""

    def __init__(self, demand: str, project: str, why: str) -> None:
        super().__init__(f"--lock {demand}={project} cannot hold: {why}")
        self.demand, self.project, self.why = demand, project, why


def check_names(scores: Scores, options: AllocationOptions) -> None:
    """Every demand and project an option names must be in the run: an option that cannot
    be honoured is an error, never dropped (a lock on a demand nobody filed, a capacity for
    a project that is not in the catalog)."""
    keys = {record.key for record in scores.demands.records}
    projects = set(scores.projects.ids)
    for option, pairs in (("--lock", options.locks), ("--forbid", options.forbids)):
        for demand, project in pairs:
            if demand not in keys:
                raise UnknownName(option, "demand", demand)
            if project not in projects:
                raise UnknownName(option, "project", project)
    for option, named in (
        ("--capacity", options.capacities),
        ("--project-budget", options.project_budgets),
    ):
        for project in named:
            if project not in projects:
                raise UnknownName(option, "project", project)
    _check_locks(scores, options)


def _check_locks(scores: Scores, options: AllocationOptions) -> None:
    """A lock is honoured or refused, never quietly dropped for another assignment."""
    from matchmaker.scoring.reasons import gate_reason

    rows = {record.key: row for row, record in enumerate(scores.demands.records)}
    columns = {project_id: column for column, project_id in enumerate(scores.projects.ids)}
    forbidden = set(options.forbids)
    for demand, project in options.locks:
        if (demand, project) in forbidden:
            raise ImpossibleLock(demand, project, "the same pair is also forbidden (--forbid)")
        row, column = rows[demand], columns[project]
        if not scores.eligibility.eligible[row, column]:
            why = gate_reason(scores, row, column, "en") or "the pair is not eligible"
            raise ImpossibleLock(demand, project, why)


def build_problem(scores: Scores, options: AllocationOptions) -> AllocationProblem:
    check_names(scores, options)
    d, p = scores.demands, scores.projects
    keys = {record.key: row for row, record in enumerate(d.records)}
    ids = {project_id: column for column, project_id in enumerate(p.ids)}
    forbidden = {(keys[a], ids[b]) for a, b in options.forbids}
    locked = {(keys[a], ids[b]) for a, b in options.locks}
    # A demand answered "no suitable project" is offered none, unless the planner locked a
    # pair for it: a lock is an explicit decision, and an ineligible lock stays infeasible.
    candidate = scores.eligibility.eligible & ~scores.no_fit[:, None]
    for row, column in locked:
        candidate[row, column] = scores.eligibility.eligible[row, column]
    rows, cols = np.nonzero(candidate)
    if forbidden:
        keep = np.array([(r, c) not in forbidden for r, c in zip(rows, cols, strict=True)])
        rows, cols = rows[keep], cols[keep]
    cost, known = pair_costs(d.budget[rows], p.budget_min[cols], p.budget_max[cols])
    estimate = unknown_cost_estimate(options, cost[known].tolist())
    if estimate is None and options.budget is not None:
        # Excluded under a budget: a pair nobody can cost is not offered (locks stay).
        offered = known.copy()
        for index in np.flatnonzero(~known):
            offered[index] = (int(rows[index]), int(cols[index])) in locked
        rows, cols, cost, known = rows[offered], cols[offered], cost[offered], known[offered]
    cost = np.where(known, cost, estimate or 0.0)
    capacity = np.array(
        [
            float(options.capacities.get(project.id, project.capacity or np.inf))
            for project in p.projects
        ]
    )
    project_budget = np.array([float(options.project_budgets.get(pid, np.inf)) for pid in p.ids])
    region_codes = sorted({r.region.code for r in d.records})
    region_row = {code: i for i, code in enumerate(region_codes)}
    province_codes = sorted({r.region.province_code for r in d.records})
    province_row = {code: i for i, code in enumerate(province_codes)}
    region = np.array([region_row[r.region.code] for r in d.records], dtype=int)
    tied = np.array(
        [bool(scores.ties.for_demand(d, row)) for row in range(len(d.records))], dtype=bool
    )
    synergy_pairs = (
        complementary_pairs(region[rows], cols, p.complements) if options.synergy_bonus > 0 else []
    )
    return AllocationProblem(
        scores=scores,
        options=options,
        demand=rows.astype(int),
        project=cols.astype(int),
        value=scores.total[rows, cols].astype(float),
        cost=cost.astype(float),
        cost_known=known.astype(bool),
        cost_estimate=estimate,
        capacity=capacity,
        project_budget=project_budget,
        region=region,
        region_codes=region_codes,
        province=np.array([province_row[r.region.province_code] for r in d.records], dtype=int),
        province_codes=province_codes,
        decline=np.array([r.region.population_decline for r in d.records], dtype=bool),
        tied=tied,
        earlier=np.array([options.earlier.get(code, 0) for code in region_codes], dtype=int),
        forbidden=forbidden,
        locked=locked,
        synergy_pairs=synergy_pairs,
    )
