"""The three components (demand fit, long-term value, synergy) as pure array functions.

Each component is a weighted mean of sub-signals on 0–1. A sub-signal the inputs do not
inform (a proposal without a budget, a project without a published range) takes a stated
neutral prior instead of a silent zero, and is marked unknown so the confidence of the
score drops; the reasons say which values were assumed.

Shapes: D demands (rows) × P projects (columns). No loop runs per pair.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from matchmaker.scoring.features import DemandFeatures, ProjectFeatures, theme_columns


@dataclass(frozen=True, slots=True)
class SubSignal:
    name: str
    weight: float
    prior: float  # value used when the inputs say nothing
    doc: str


@dataclass(slots=True)
class Component:
    """A component's values for every pair, and the sub-signals behind them (`parts`:
    each sub-signal's value and evidence, D × P views).

    How much of it is backed by evidence (`known`) is needed only for the pairs shown
    (their confidence, their reasons), so it is not computed for every pair while
    scoring: `known_at` adds it up for given pairs, and `known` for every pair on first
    use, both by `evidence_share` (the same doubles either way)."""

    name: str
    values: np.ndarray  # D × P, 0–100
    parts: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    signals: tuple[SubSignal, ...] = ()
    _known: np.ndarray | None = None  # D × P, once computed or set
    # Set when `parts` were left out (`rank`'s scores): the same component computed for
    # given pairs (rows, columns) only, as one 1 × n row of pairs
    at_pairs: Callable[[np.ndarray, np.ndarray], Component] | None = None
    # The last pairs `at_pairs` was asked for and their evidence: a ranking asks for the
    # same pairs twice (their confidence, their reasons)
    _last_pairs: tuple[np.ndarray, np.ndarray, list[np.ndarray]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def known(self) -> np.ndarray:
        """D × P: the share of sub-signal weight backed by evidence (0–1)."""
        if self._known is None:
            if self.at_pairs is not None:
                rows, columns = (axis.ravel() for axis in np.indices(self.values.shape))
                self._known = self.known_at(rows, columns).reshape(self.values.shape)
            else:
                evidence = [self.parts[s.name][1] for s in self.signals]
                self._known = evidence_share(self.signals, evidence, self.values.shape)
        return self._known

    @known.setter
    def known(self, value: np.ndarray) -> None:
        self._known = value

    def evidence_at(self, rows: np.ndarray, columns: np.ndarray) -> list[np.ndarray]:
        """Each sub-signal's evidence for the pairs (rows[i], columns[i]), in signal order."""
        if self.at_pairs is not None:
            last = self._last_pairs
            if (
                last is not None
                and np.array_equal(last[0], rows)
                and np.array_equal(last[1], columns)
            ):
                return list(last[2])
            found = self.at_pairs(rows, columns)
            evidence = [found.parts[s.name][1][0] for s in self.signals]
            self._last_pairs = (np.array(rows), np.array(columns), evidence)
            return list(evidence)
        return [self.parts[s.name][1][rows, columns] for s in self.signals]

    def known_at(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """`known` of the pairs (rows[i], columns[i]) alone."""
        if self._known is not None:
            return self._known[rows, columns]
        return evidence_share(self.signals, self.evidence_at(rows, columns), rows.shape)


def evidence_share(
    signals: tuple[SubSignal, ...], evidence: list[np.ndarray], shape: tuple[int, ...]
) -> np.ndarray:
    """The weighted share of the sub-signals whose evidence is there, added in signal
    order from 0.0: each pair's double is the same whether `evidence` is every pair's
    (D × P) or some pairs' gathered (1-D)."""
    total = sum(s.weight for s in signals)
    known = np.zeros(shape)
    for signal, given in zip(signals, evidence, strict=True):
        known += signal.weight * given
    known /= total
    return known


DEMAND_FIT: tuple[SubSignal, ...] = (
    SubSignal("themes", 0.10, 0.0, "share of the demand's themes the project covers"),
    SubSignal("text", 0.36, 0.0, "TF-IDF cosine of the demand's words and the project's"),
    SubSignal("needs", 0.36, 0.0, "the demand's words against a problem the project answers"),
    SubSignal("modes", 0.06, 0.5, "share of the delivery modes asked for that it offers"),
    SubSignal("budget", 0.06, 0.5, "budget request against the project's range"),
    SubSignal("timing", 0.06, 1.0, "whether the programme is running"),
)
LONG_TERM: tuple[SubSignal, ...] = (
    SubSignal("years", 0.20, 0.4, "years both sides commit (5 years or more = full)"),
    SubSignal("capacity_building", 0.15, 0.3, "training or workshops for local people"),
    SubSignal("co_funding", 0.15, 0.3, "share the region co-funds (50% or more = full)"),
    SubSignal("partners", 0.15, 0.2, "private, social-economy, civil or university partners"),
    SubSignal("outcomes", 0.15, 0.2, "outcome indicators rather than outputs only"),
    SubSignal("readiness", 0.10, 0.2, "what is already in place locally"),
    SubSignal("continuity", 0.10, 0.0, "earlier cooperation with Seoul"),
)
SYNERGY: tuple[SubSignal, ...] = (
    SubSignal("complements", 0.45, 0.0, "complements the region's other strong candidates"),
    SubSignal("running", 0.30, 0.0, "builds on what already runs in the region"),
    SubSignal("neighbours", 0.25, 0.0, "neighbouring regions of the province want it too"),
)
TEXT_SATURATION = 0.25  # a cosine this high already means the texts are about one thing
NEEDS_SATURATION = 0.20  # likewise for a demand against a project's best problem statements
STRONG_FIT = 45.0  # demand fit from which a project counts as a strong candidate
CLEAR_FIT = 45.0  # a fit this high is an answer even to a demand about unserved needs
FIT_BAND = 5.0  # fits this far apart are not comparable: the better one comes first
RULED_OUT_PENALTY = 0.3  # share of fit lost by the project a demand explicitly rules out
PRIORITY_STEP = 0.03  # demand fit lost per step of priority below 1 (down to 5)


def _combine(
    name: str,
    signals: tuple[SubSignal, ...],
    parts: dict[str, tuple[np.ndarray, np.ndarray]],
    shape: tuple[int, int],
) -> Component:
    """The weighted mean of the sub-signals, D × P. A sub-signal that varies only by
    demand (D × 1) or by project (1 × P) is given at that shape and filled there; its
    part is a read-only D × P view of it, not a copy per pair."""
    total = sum(s.weight for s in signals)
    value = np.zeros(shape)
    product = np.empty(shape)
    for signal in signals:
        raw, evidence = parts[signal.name]
        if evidence is EVERYWHERE and raw.dtype == np.float64:
            filled = raw  # np.where(True, raw, prior) would copy the same doubles
        else:
            filled = np.where(evidence, raw, signal.prior)
        parts[signal.name] = (np.broadcast_to(filled, shape), np.broadcast_to(evidence, shape))
        if filled.shape == shape:
            value += np.multiply(signal.weight, filled, out=product)
        else:
            value += signal.weight * filled
    value *= 100.0
    value /= total
    return Component(name, value, parts, signals)


EVERYWHERE = np.ones((1, 1), dtype=bool)  # evidence for a sub-signal always known
EVERYWHERE.setflags(write=False)  # shared by every run: never written through a part


def _theme_sums(weights: np.ndarray, project_themes: np.ndarray) -> np.ndarray:
    """D × P: each demand's theme weights summed over each project's themes, theme by
    theme in a fixed order. A BLAS product sums them in an order that depends on how many
    rows it is given (measured: a row's last bit differed between runs of 1, 3 and 500
    demands), so a demand's fit would depend on the run around it and the chunk size of
    streamed scoring; this sum does not. It adds only each project's own themes, in
    ascending order from 0.0: the themes it lacks added weight × 0.0, which changes
    nothing, so the doubles are those of adding every theme."""
    return _theme_counts(weights, theme_columns(project_themes > 0))


def as_bits(rows: np.ndarray) -> np.ndarray | None:
    """Each row of a bool array as the bits of one number (column k: bit k), so rows
    are compared with one AND; None past 63 columns."""
    if rows.shape[1] > 63:
        return None
    bits = np.left_shift(1, np.arange(rows.shape[1], dtype=np.int64))
    return (rows.astype(np.int64) * bits).sum(axis=1)


def shared_counts(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """L × R: how many columns each row of `left` shares with each row of `right` (both
    bool), as floats. Whole numbers, so exact in any order: the bits both rows have,
    counted (~0.4 ms for ~100 sets of 13 modes against 1,000 projects, 2.5 ms column by
    column), or added column by column (past 63 columns, or a numpy without
    `bitwise_count`) rather than by a BLAS product, whose threads cost more."""
    left_bits, right_bits = as_bits(left), as_bits(right)
    count_bits = getattr(np, "bitwise_count", None)
    if left_bits is not None and right_bits is not None and count_bits is not None:
        return count_bits(left_bits[:, None] & right_bits[None, :]).astype(float)
    counts = np.zeros((len(left), len(right)))
    for column in range(left.shape[1]):
        counts += np.outer(left[:, column], right[:, column])
    return counts


def _theme_counts(weights: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """D × P: each demand's `weights` added over each project's theme `columns`
    (theme_columns), in ascending order from 0.0. Built projects × demands, whose rows
    are whole rows of the demands' weights by theme (numpy gathers rows fast, columns
    slowly), then turned back."""
    by_theme = np.concatenate((weights.T, np.zeros((1, weights.shape[0]))))  # T + 1 rows
    covered = np.zeros((columns.shape[0], weights.shape[0]))
    for k in range(columns.shape[1]):
        covered += by_theme[columns[:, k]]
    return np.ascontiguousarray(covered.T)


def demand_fit(
    d: DemandFeatures,
    p: ProjectFeatures,
    cosine: np.ndarray,
    needs: np.ndarray,
    ruled_out: np.ndarray | None = None,
) -> Component:
    """Demand fit on 0–100. `ruled_out` is the wording cosine of what the demand rules out
    ("급식이 아니라 …") with each project: a project that is what the region said it does
    not want loses up to RULED_OUT_PENALTY of its fit, not just the words' support."""
    rows, cols = cosine.shape
    weights = d.theme_weights
    project_themes = p.themes.astype(float)
    asked = weights.sum(axis=1, keepdims=True)
    columns = p.theme_columns
    covered = _theme_counts(weights, columns)
    coverage = np.divide(covered, asked, out=np.zeros_like(covered), where=asked > 0)
    offered = np.maximum(project_themes.sum(axis=1), 1.0)
    # themes both name: whole numbers, exact in any order (the product's were too)
    precision = _theme_counts((weights > 0).astype(float), columns) / offered
    themes = 0.8 * coverage + 0.2 * precision
    themes_known = asked > 0

    text = np.minimum(cosine / TEXT_SATURATION, 1.0)
    problems_stated = np.bincount(p.problem_owner, minlength=cols) > 0
    needs_value = np.minimum(needs / NEEDS_SATURATION, 1.0)
    needs_known = problems_stated[None, :]

    # A chunk's demands ask for a few distinct sets of modes: each set is compared with
    # the projects once, and its row given to every demand that asks for it.
    mode_sets, mode_set = np.unique(d.modes, axis=0, return_inverse=True)
    asked_modes = mode_sets.sum(axis=1, keepdims=True).astype(float)
    shared_modes = shared_counts(mode_sets, p.modes)
    modes = np.divide(
        shared_modes, asked_modes, out=np.zeros_like(shared_modes), where=asked_modes > 0
    )[mode_set.reshape(-1)]
    modes_known = (d.modes.sum(axis=1) > 0)[:, None] & (p.modes.sum(axis=1) > 0)[None, :]

    # Only pairs with a request and a range say anything (0.0 elsewhere): computed on
    # those rows and columns alone.
    requested = np.flatnonzero(~np.isnan(d.budget))
    ranged = np.flatnonzero(~(np.isnan(p.budget_min) & np.isnan(p.budget_max)))
    budget_known = np.zeros((rows, cols), dtype=bool)
    budget_known[np.ix_(requested, ranged)] = True
    budget = np.zeros((rows, cols))
    request = d.budget[requested, None]
    low, high = p.budget_min[None, ranged], p.budget_max[None, ranged]
    with np.errstate(invalid="ignore", divide="ignore"):
        below = np.where(np.isnan(low) | (request >= low), 1.0, request / low)
        above = np.where(np.isnan(high) | (request <= high), 1.0, high / request)
        budget[np.ix_(requested, ranged)] = np.clip(np.minimum(below, above), 0.0, 1.0)

    status_value = np.array([{"active": 1.0, "ended": 0.2}.get(s or "", 0.0) for s in p.status])
    status_known = np.array([s in ("active", "ended") for s in p.status])
    timing, timing_known = status_value[None, :], status_known[None, :]

    component = _combine(
        "demand_fit",
        DEMAND_FIT,
        {
            "themes": (themes, themes_known),
            "text": (text, EVERYWHERE),
            "needs": (needs_value, needs_known),
            "modes": (modes, modes_known),
            "budget": (budget, budget_known),
            "timing": (timing, timing_known),
        },
        (rows, cols),
    )
    # Both factors are 1.0 for most demands (priority 1, nothing ruled out), and x × 1.0
    # is x: only the other rows are multiplied.
    steps = np.clip(np.nan_to_num(d.priority, nan=1.0), 1, 5) - 1
    lowered = np.flatnonzero(steps != 0)
    component.values[lowered] *= (1.0 - PRIORITY_STEP * steps[lowered])[:, None]
    if ruled_out is not None:
        penalised = np.flatnonzero(ruled_out.any(axis=1))
        component.values[penalised] *= 1.0 - RULED_OUT_PENALTY * np.minimum(
            ruled_out[penalised] / TEXT_SATURATION, 1.0
        )
    return component


def long_term(
    d: DemandFeatures,
    p: ProjectFeatures,
    continuity: np.ndarray,
    continuity_known: np.ndarray,
    pairs: tuple[np.ndarray, np.ndarray] | None = None,
) -> Component:
    """Long-term value on 0–100, D × P; with `pairs` (rows, columns), of those pairs
    alone as a 1 × n row (`continuity` given for them, 1 × n). Every operation is per
    pair, so a pair's doubles are the same either way."""
    # Demand-side signals are D × 1 and project-side ones 1 × P: broadcasting gives every
    # pair the same operations on the same values as full arrays did.
    if pairs is None:
        shape = (len(d.records), len(p.projects))

        def by_demand(values: np.ndarray) -> np.ndarray:
            return values[:, None]

        def by_project(values: np.ndarray) -> np.ndarray:
            return values[None, :]
    else:
        rows, columns = pairs
        shape = (1, len(rows))

        def by_demand(values: np.ndarray) -> np.ndarray:
            return values[rows][None, :]

        def by_project(values: np.ndarray) -> np.ndarray:
            return values[columns][None, :]

    both = np.fmin(by_demand(d.years), by_project(p.years))  # fmin ignores a missing side
    years = np.clip(np.nan_to_num(both) / 5.0, 0.0, 1.0)
    years_known = ~np.isnan(both)

    project_cb = by_project(p.capacity_building)
    demand_cb = by_demand(d.training_signal)
    capacity = np.maximum(np.nan_to_num(project_cb), 0.8 * demand_cb)
    capacity_known = ~np.isnan(project_cb) | demand_cb

    share = by_demand(d.local_match)
    co_funding = np.clip(np.nan_to_num(share) / 0.5, 0.0, 1.0)
    co_funding_known = ~np.isnan(share)

    kinds = by_demand(d.partner_kinds)
    partner_scale = np.array([0.0, 0.5, 0.8, 1.0])[np.clip(kinds, 0, 3)]
    partners = np.clip(partner_scale + 0.2 * by_project(p.partner_kinds > 0), 0.0, 1.0)
    partners_known = by_demand(d.partners_given) | by_project(p.partner_kinds > 0)

    outcome = by_demand(d.outcome_share)
    outcomes = np.clip(
        0.4 + 0.6 * np.nan_to_num(outcome) + 0.2 * by_project(p.outcome_indicators), 0.0, 1.0
    )
    outcomes_known = ~np.isnan(outcome)

    ready = np.array([0.0, 0.5, 0.8, 1.0])[np.clip(d.readiness, 0, 3)]
    readiness = by_demand(ready)
    readiness_known = by_demand(d.readiness > 0)

    return _combine(
        "long_term",
        LONG_TERM,
        {
            "years": (years, years_known),
            "capacity_building": (capacity, capacity_known),
            "co_funding": (co_funding, co_funding_known),
            "partners": (partners, partners_known),
            "outcomes": (outcomes, outcomes_known),
            "readiness": (readiness, readiness_known),
            "continuity": (continuity, continuity_known),
        },
        shape,
    )


def synergy(complements: np.ndarray, running: np.ndarray, neighbours: np.ndarray) -> Component:
    return _combine(
        "synergy",
        SYNERGY,
        {
            "complements": (complements, EVERYWHERE),
            "running": (running, EVERYWHERE),
            "neighbours": (neighbours, EVERYWHERE),
        },
        complements.shape,
    )
