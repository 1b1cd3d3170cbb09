"""Score runs too large for one matrix: chunks of demands, passed twice.

Synergy needs every demand's strong candidates before any demand's synergy is known, so
the run is passed twice: the first pass reads each demand's text (once per run: the read
features are kept, a few hundred bytes a demand) and accumulates region × project counts;
the second scores each chunk in full. Memory is bounded by the chunk size × projects,
whatever the number of demands. `rank`, `explain`, `allocate`, `sensitivity` and `report`
all score through `score_chunks` (`score` is one chunk of the whole run).

Every number is computed row by row (no sum whose order depends on how many rows it is
given), so a demand's scores are the same to the last bit whatever the chunk size; a test
checks chunked and whole runs against each other.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.cache import Store
from matchmaker.catalog import Catalog
from matchmaker.models import Profile
from matchmaker.resolve.demands import ResolvedDemand
from matchmaker.scoring.engine import FirstPass, Prepared, Scores, first_pass, measure, second_pass
from matchmaker.scoring.entry_groups import EntryGroups
from matchmaker.scoring.features import (
    DemandFeatures,
    build_demand_features,
    read_texts,
)
from matchmaker.scoring.order import top_k
from matchmaker.scoring.strong import StrongCandidates

if TYPE_CHECKING:
    from matchmaker.records.history import History

# Demands per chunk: 512 × 1,000 projects peaks at ~0.4 GB above the loaded documents
# (measured ~750 bytes a pair); larger chunks went past 2 GiB at 100,000 × 1,000.
CHUNK = 512


def spans(total: int, chunk: int) -> list[tuple[int, int]]:
    """[start, stop) of each chunk; one empty span for an empty run."""
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    return [(start, min(start + chunk, total)) for start in range(0, total, chunk)] or [(0, 0)]


def _known_counts(
    store: Store, run_key: str, records: Sequence[ResolvedDemand], projects: int
) -> tuple[dict[str, int], np.ndarray] | None:
    """A run's region demand counts from the cache, if they are there and fit the run."""
    found = store.get(run_key)
    if not (isinstance(found, tuple) and len(found) == 2):
        return None
    rows, counts = found
    fits = (
        isinstance(rows, dict)
        and isinstance(counts, np.ndarray)
        and counts.dtype == np.float64
        and counts.shape == (len(rows), projects)
        and sorted(rows.values()) == list(range(len(rows)))
        and all(record.region.code in rows for record in records)
    )
    return (rows, counts) if fits else None


def score_chunks(
    catalog: Catalog,
    records: Sequence[ResolvedDemand],
    profile: Profile,
    chunk: int = CHUNK,
    prepared: Prepared | None = None,
    history: History | None = None,
    run_key: str | None = None,
    every_pair: bool = True,
    sources: Sequence[str] | None = None,
) -> Iterator[tuple[int, Scores]]:
    """The Scores of consecutive chunks of `records`, each with the row it starts at;
    `history` (earlier rounds' records) adds each pair's track record.

    A run of one chunk keeps its whole first pass for the second; a longer run keeps only
    the demands' read features and measures them again (numbers only, no text).

    `run_key`: a fingerprint of everything the records come from (the input files' hashes,
    the date, the options that choose the demands: `RunInputs.run_key`). The first pass's
    outcome, each region's strong candidates, is then kept in the cache under it, and a
    run with the same key reads it there instead of measuring every chunk twice (the
    counts are whole numbers, the same whatever the order or chunks they were added in).

    `sources`: for each record, everything its strong candidates depend on
    (`RunInputs.demand_sources`). When the counts are not cached, each demand's strong
    candidates are then looked up by groups of demands (scoring/strong.py), and only the
    demands of the groups not found are measured in the first pass.

    `every_pair` False: long-term value and synergy only where they count, their
    sub-signals for other pairs on demand (`second_pass`); the totals are the same."""
    prepared = prepared or Prepared.of(catalog)
    region_demand = prepared.region_demand()
    parts = spans(len(records), chunk)
    kept: list[FirstPass | DemandFeatures | None] = []
    store = Store("region-demand") if run_key is not None else None
    known = None
    if store is not None and run_key is not None and store.usable:
        known = _known_counts(store, run_key, records, len(prepared.projects.projects))
    # Every demand's text read (or its reading taken from the cache) once, for the whole
    # run: the cache's groups of readings then do not depend on where the chunks fall.
    readings, keys = read_texts(
        [record.demand for record in records],
        prepared.vocabulary,
        prepared.text_store,
        prepared.vocabulary_key,
    )
    projects = len(prepared.projects.projects)
    store_of_entries = prepared.entries_store
    groups = None
    if keys and store_of_entries is not None and store_of_entries.usable:
        groups = EntryGroups(prepared, store_of_entries, keys, readings)

    def features(rows: Sequence[int]) -> DemandFeatures:
        return build_demand_features(
            [records[row] for row in rows],
            prepared.vocabulary,
            prepared.theme_ids,
            prepared.text_store,
            prepared.vocabulary_key,
            ([readings[row] for row in rows], [keys[row] for row in rows] if keys else []),
        )

    if known is not None:
        region_demand.restore(*known)
        kept = [features(range(start, stop)) for start, stop in parts]  # the counts are known
    else:
        strong = None
        if sources is not None and keys:
            strong = StrongCandidates.look_up(Store("strong-candidates"), keys, sources, projects)
        for start, stop in parts:
            missing = list(range(start, stop)) if strong is None else strong.missing(start, stop)
            if len(missing) == stop - start:  # measured whole, and kept if it is the only one
                first = first_pass(
                    prepared,
                    list(records[start:stop]),
                    (readings[start:stop], keys[start:stop]),
                    None if groups is None else groups.chunk(start, stop),
                )
                if strong is not None:
                    strong.found(missing, first.strong)
                region_demand.add(first.demands.region_codes, first.strong, first.demands.counted)
                kept.append(first if len(parts) == 1 else first.demands)
                del first  # the chunk's D × P arrays go before the next chunk is built
                continue
            assert strong is not None
            if missing:  # only the demands whose strong candidates are not in the cache
                strong.found(missing, measure(prepared, features(missing)).strong)
            demands = features(range(start, stop))
            region_demand.add(
                demands.region_codes, strong.matrix(start, stop, projects), demands.counted
            )
            kept.append(demands)
        if strong is not None:
            strong.keep()
        if store is not None and run_key is not None:
            store.put(run_key, (dict(region_demand.rows), region_demand.counts))
    readings, keys = [], []  # each chunk's features hold their own (and `groups` a copy)
    for index, (start, _) in enumerate(parts):
        item = kept[index]
        kept[index] = None  # let each chunk's features go once it is scored
        assert item is not None
        if isinstance(item, DemandFeatures) and item.term_entries is None and groups is not None:
            item.term_entries = groups.chunk(start, parts[index][1])  # taken when needed
        first = item if isinstance(item, FirstPass) else measure(prepared, item)
        yield start, second_pass(prepared, first, region_demand, profile, history, every_pair)
        del first
        if groups is not None:  # the chunks still to come start at the next one
            groups.release_before(parts[index][1])


@dataclass(frozen=True, slots=True)
class TopK:
    projects: np.ndarray  # D × k project indexes, best first (-1 where fewer are eligible)
    totals: np.ndarray  # D × k totals (nan where no project)
    project_ids: list[str]


def stream_top_k(
    catalog: Catalog,
    records: Sequence[ResolvedDemand],
    profile: Profile,
    k: int = 3,
    chunk: int = CHUNK,
) -> TopK:
    prepared = Prepared.of(catalog)
    assert prepared.projects.ids == sorted(prepared.projects.ids)
    projects = np.full((len(records), k), -1, dtype=int)
    totals = np.full((len(records), k), np.nan)
    for start, scores in score_chunks(catalog, records, profile, chunk, prepared):
        best, values = top_k(scores.total, scores.eligibility.eligible, k)
        projects[start : start + len(best)] = best
        totals[start : start + len(best)] = values
        del scores
    return TopK(projects, totals, prepared.projects.ids)
