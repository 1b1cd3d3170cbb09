"""The method and distribution note, for disclosure: how a round was decided (weights,
eligibility gates, fairness rules and allocation options) and who was funded and who was
not, by province, region kind and theme, for this round and, with history, over rounds.

The note computes nothing of its own: the funded side is the allocation's (its
assignments and its equity audit, so every number equals `allocate --format json`), a
demand's themes are the ones `survey` counts (declared or read from its text), and the
earlier rounds are their decisions as recorded. Nothing here reads files or prints;
`render/note.py` writes the Markdown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.allocation.problem import AllocationOptions
from matchmaker.allocation.report import AllocationResult
from matchmaker.messages import label
from matchmaker.records.decision import RESERVE_CODES
from matchmaker.scoring.eligibility import GATES
from matchmaker.scoring.engine import Scores

if TYPE_CHECKING:
    from matchmaker.catalog import Catalog
    from matchmaker.records.history import History
    from matchmaker.regions import Region

NO_THEME = "none"  # a demand none of whose words reads as a theme of the vocabulary


@dataclass(slots=True)
class Tally:
    """One group's demands this round: how many, how many were funded, the assignments
    they received and the KRW (unknown costs counted at the allocation's stated estimate,
    as its equity audit counts them)."""

    demands: int = 0
    funded: int = 0
    assignments: int = 0
    krw: int = 0

    @property
    def unfunded(self) -> int:
        return self.demands - self.funded


@dataclass(slots=True)
class RoundTally:
    """One group's funded pairs in one round (KRW: the amounts recorded, those unknown
    counted apart) and its demands on that round's reserve list."""

    funded: int = 0
    krw: int = 0
    unknown_amounts: int = 0
    reserve: int = 0


@dataclass(frozen=True, slots=True)
class Group:
    key: str  # province code, region kind, or theme id
    names: dict[str, str]  # ko / en


@dataclass(frozen=True, slots=True)
class Distribution:
    """This round, one dimension (province, kind, theme): its groups in key order."""

    dimension: str
    rows: tuple[tuple[Group, Tally], ...]


@dataclass(frozen=True, slots=True)
class RoundsDistribution:
    """Over rounds, one dimension: per group, per round, what was funded and reserved."""

    dimension: str
    rounds: tuple[int, ...]
    rows: tuple[tuple[Group, dict[int, RoundTally]], ...]


@dataclass(frozen=True, slots=True)
class MethodNote:
    round: int
    profile: dict[str, object]  # as every JSON output has it (`profile_json`)
    gates: tuple[tuple[str, int], ...]  # gate → pairs it excluded this round, in GATES order
    pairs: int  # demand-project pairs scored
    options: dict[str, object]  # the allocation's options, as `allocate --format json`
    flags: tuple[str, ...]  # the options that differ from the defaults, as typed
    fairness_prices: dict[str, float]
    unknown_cost: dict[str, str] | None  # the allocation's sentence on unpublished costs
    status: str
    history: bool  # whether a track record and earlier rounds were read
    totals: Tally
    distributions: tuple[Distribution, ...]
    over_rounds: tuple[RoundsDistribution, ...] = field(default_factory=tuple)
    # Earlier rounds' pairs and reserve entries whose decision names no region (or one
    # the regions file does not know): listed, since they cannot be placed in the tables.
    unplaced: tuple[str, ...] = ()
    # This round's unfunded demands by the allocation's reason code (`unassigned[].code`).
    unfunded_by_reason: tuple[tuple[str, int], ...] = ()


def demand_themes(scores: Scores, row: int) -> tuple[str, ...]:
    """The themes a demand reads as, as `survey` counts them (each demand in each)."""
    weights = scores.demands.theme_weights[row]
    found = tuple(scores.theme_ids[t] for t in range(weights.shape[0]) if weights[t] > 0)
    return found or (NO_THEME,)


def _kind_names(kind: str) -> dict[str, str]:
    return {"ko": label("region-kind", kind, "ko"), "en": label("region-kind", kind, "en")}


def _theme_names(scores: Scores, theme: str) -> dict[str, str]:
    names = scores.theme_labels.get(theme)
    if names is not None:
        return {"ko": names.display("ko"), "en": names.display("en")}
    if theme == NO_THEME:
        return {"ko": "주제를 읽지 못함", "en": "no theme read"}
    return {"ko": theme, "en": theme}


def counted_cost(result: AllocationResult, cost: int | None) -> int:
    """KRW an assignment counts as, as the equity audit counts it."""
    return int(cost if cost is not None else (result.unknown_cost_estimate or 0.0))


def build_note(
    scores: Scores,
    result: AllocationResult,
    options: AllocationOptions,
    round_: int,
    catalog: Catalog,
    history: History | None = None,
) -> MethodNote:
    """The note for one round's allocation; `history` adds the rounds before `round_`."""
    from matchmaker.render.allocation import unknown_cost_sentence
    from matchmaker.render.rank import profile_json

    records = scores.demands.records
    given: dict[str, list[int]] = defaultdict(list)  # demand → KRW of each assignment
    for a in result.assignments:
        given[a.demand_key].append(counted_cost(result, a.cost))
    tables: dict[str, dict[str, Tally]] = {name: defaultdict(Tally) for name in DIMENSIONS}
    groups: dict[tuple[str, str], Group] = {}
    totals = Tally()
    for row, record in enumerate(records):
        region = record.region
        costs = given.get(record.key, [])
        keys: dict[str, list[str]] = {
            "province": [region.province_code],
            "kind": [region.kind],
            "theme": list(demand_themes(scores, row)),
        }
        for dimension, found in keys.items():
            for key in found:
                _count(tables[dimension][key], costs)
                if (dimension, key) not in groups:
                    groups[dimension, key] = Group(key, _names(scores, dimension, key, region))
        _count(totals, costs)
    distributions = tuple(
        Distribution(name, tuple((groups[name, key], table[key]) for key in sorted(table)))
        for name, table in tables.items()
    )
    gate_counts = np.bincount(scores.eligibility.gate.ravel(), minlength=len(GATES))
    over, unplaced = (
        _over_rounds(scores, result, round_, catalog, history) if history is not None else ((), ())
    )
    sentence = {lang: unknown_cost_sentence(result, lang) for lang in ("ko", "en")}
    return MethodNote(
        round_,
        profile_json(scores.profile),
        tuple((gate, int(gate_counts[i])) for i, gate in enumerate(GATES) if i > 0),
        int(scores.eligibility.gate.size),
        options.as_json(history=history is not None),
        tuple(options.as_flags()),
        dict(result.fairness_prices),
        {k: v for k, v in sentence.items() if v is not None} or None,
        result.solution.status,
        history is not None,
        totals,
        distributions,
        over,
        unplaced,
        tuple(sorted(Counter(u.code for u in result.unassigned).items())),
    )


DIMENSIONS = ("province", "kind", "theme")


def _count(tally: Tally, costs: list[int]) -> None:
    tally.demands += 1
    tally.funded += 1 if costs else 0
    tally.assignments += len(costs)
    tally.krw += sum(costs)


def _names(scores: Scores, dimension: str, key: str, region: Region) -> dict[str, str]:
    if dimension == "province":
        return {"ko": region.province_name_ko, "en": region.province_name_en}
    if dimension == "kind":
        return _kind_names(key)
    return _theme_names(scores, key)


def _over_rounds(
    scores: Scores,
    result: AllocationResult,
    round_: int,
    catalog: Catalog,
    history: History,
) -> tuple[tuple[RoundsDistribution, ...], tuple[str, ...]]:
    """Funded pairs and reserve per round, the earlier rounds' from their decisions and
    this round's as `record decision` would write it. Earlier rounds' demands are not in
    the run, so a pair's theme here is its project's (catalog), for every round alike."""
    # (round, demand, region code, project or None, amount or None, funded?)
    entries: list[tuple[int, str, str | None, str | None, int | None, bool]] = []
    for _, decision in history.decisions:
        if decision.round >= round_:
            continue  # only rounds before this one: this round is the allocation's
        entries += [
            (decision.round, p.demand, p.region, p.project, p.amount, True) for p in decision.pairs
        ]
        entries += [
            (decision.round, r.demand, r.region, r.project, None, False) for r in decision.reserve
        ]
    entries += [
        (round_, a.demand_key, a.region_code, a.project, a.cost, True) for a in result.assignments
    ]
    entries += [
        (round_, u.demand_key, u.region_code, u.best_project, None, False)
        for u in result.unassigned
        if u.code in RESERVE_CODES
    ]
    index = catalog.region_index
    rounds = tuple(sorted({entry[0] for entry in entries} | {round_}))
    tables: dict[str, dict[str, dict[int, RoundTally]]] = {
        name: defaultdict(lambda: defaultdict(RoundTally)) for name in DIMENSIONS
    }
    groups: dict[tuple[str, str], Group] = {}
    unplaced: list[str] = []
    for year, demand, code, project, amount, funded in entries:
        region = index.by_code(code) if code is not None else None
        if region is None:
            unplaced.append(f"{year} {demand}")
            continue
        themes = list(catalog.projects[project].themes) if project in catalog.projects else []
        keys: dict[str, list[str]] = {
            "province": [region.province_code],
            "kind": [region.kind],
            "theme": themes or [NO_THEME],
        }
        for dimension, found in keys.items():
            for key in found:
                tally = tables[dimension][key][year]
                if funded:
                    tally.funded += 1
                    if amount is None:
                        tally.unknown_amounts += 1
                    else:
                        tally.krw += amount
                else:
                    tally.reserve += 1
                if (dimension, key) not in groups:
                    groups[dimension, key] = Group(key, _names(scores, dimension, key, region))
    distributions = tuple(
        RoundsDistribution(
            name,
            rounds,
            tuple((groups[name, key], dict(sorted(table[key].items()))) for key in sorted(table)),
        )
        for name, table in tables.items()
    )
    return distributions, tuple(sorted(unplaced))
