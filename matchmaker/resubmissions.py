"""Find demands a region filed more than once, so that they count once.

Regions resubmit: a corrected proposal arrives as a second file, or one demand is copied
into next round's file. Read as two demands, a repeat would count as the region's "other
demand" and feed its own synergy. A demand repeats an earlier one (in file order) when
both come from the same region, in different proposals, and they have the same id, the
same title, or nearly the same text (title and description, whitespace and case aside).

The check rule `repeated-demand` reports each repeat once; scoring leaves repeats out of
the region's demand counts, so they neither gain nor give synergy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeGuard

from matchmaker.models import Demand
from matchmaker.text.normalise import normalise

# Nearly the same text: rapidfuzz's ratio (0-100) of the squeezed texts at least this. A
# re-typed or lightly corrected demand stays above it; two demands about the same theme
# written separately fall well below (measured on the judged sets' paraphrases: 20-60).
NEAR_SAME = 90.0


@dataclass(frozen=True, slots=True)
class Filed:
    """One demand as filed: where, by whom, and in which proposal."""

    region_code: str
    proposal_id: str
    demand: Demand


@dataclass(frozen=True, slots=True)
class Repeat:
    later: int  # index of the repeating demand
    earlier: int  # index of the first demand it repeats
    how: str  # "id", "title" or "text"
    similarity: float  # 0-100 (100 for a same id or title)


def squeezed(text: str) -> str:
    """The text as the matcher reads it (`normalise`), spaces and punctuation squeezed out."""
    return "".join(normalise(text).split())


# The last call's demands and answer: a run asks twice for the same demands (the check
# rule `repeated-demand`, then `resolve_demands`), 0.7 s at 10,000 demands each time.
# Held with the Demand objects themselves, so an identity match cannot be a reused id.
_last: tuple[list[Filed], list[Repeat]] = ([], [])


def _same_filing(a: Sequence[Filed], b: Sequence[Filed]) -> bool:
    return len(a) == len(b) and all(
        x.demand is y.demand and x.region_code == y.region_code and x.proposal_id == y.proposal_id
        for x, y in zip(a, b, strict=True)
    )


def find_repeats(filed: Sequence[Filed]) -> list[Repeat]:
    """Each demand that repeats an earlier one of the same region, with the first it
    repeats; a demand is compared only with demands of other proposals."""
    global _last
    if filed and _same_filing(filed, _last[0]):
        return list(_last[1])
    found = _cached_repeats(filed)
    _last = (list(filed), found)
    return list(found)


def _parts(item: Filed) -> tuple[str, str, str, str, str]:
    """Everything `_find_repeats` reads of a demand as filed."""
    demand = item.demand
    return (item.region_code, item.proposal_id, demand.id, demand.title, demand.description)


def _fits(found: object, demands: int) -> TypeGuard[list[Repeat]]:
    """Whether a cached entry is repeats among `demands` demands (a stale or altered one
    is computed again)."""
    return isinstance(found, list) and all(
        isinstance(r, Repeat) and 0 <= r.earlier < r.later < demands for r in found
    )


def _cached_repeats(filed: Sequence[Filed]) -> list[Repeat]:
    """`_find_repeats`, kept in the cache: the run's answer under its demands' regions,
    proposals, ids, titles and texts (all it reads; 0.7 s at 10,000 demands, every run,
    otherwise), and each region's answer under its own demands' (a region's repeats
    depend on its demands alone), so a rerun after one file is edited or added compares
    only that file's regions' demands again."""
    from matchmaker.cache import Store, digest

    store = Store("repeats")
    if not store.usable:
        return _find_repeats(filed)
    key = digest(*(part for item in filed for part in _parts(item)))
    known = store.get(key)
    if _fits(known, len(filed)):
        return known

    def by_region(items: list[Filed]) -> list[Repeat]:
        region_key = digest("region", *(part for item in items for part in _parts(item)))
        stored = store.get(region_key)
        if _fits(stored, len(items)):
            return stored
        computed = _region_repeats(items)
        store.put(region_key, computed)
        return computed

    found = _find_repeats(filed, by_region)
    store.put(key, found)
    return found


def _find_repeats(
    filed: Sequence[Filed], in_region: Callable[[list[Filed]], list[Repeat]] | None = None
) -> list[Repeat]:
    """Every repeat, region by region (`in_region`: a region's repeats, its demands
    numbered from 0; `_region_repeats` unless given), in the order of the repeating
    demands."""
    by_region: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(filed):
        by_region[item.region_code].append(index)
    repeats: list[Repeat] = []
    for indexes in by_region.values():
        if len(indexes) < 2:
            continue
        local = (in_region or _region_repeats)([filed[i] for i in indexes])
        repeats += [
            Repeat(indexes[r.later], indexes[r.earlier], r.how, r.similarity) for r in local
        ]
    return sorted(repeats, key=lambda repeat: repeat.later)


def _region_repeats(filed: Sequence[Filed]) -> list[Repeat]:
    """The repeats among one region's demands (indexes into `filed`)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    repeats: list[Repeat] = []
    texts = [squeezed(f"{item.demand.title}\n{item.demand.description}") for item in filed]
    titles = [squeezed(item.demand.title) for item in filed]
    # One C-level pass over the region's pairs; 0 below NEAR_SAME.
    similar = process.cdist(
        texts, texts, scorer=fuzz.ratio, score_cutoff=NEAR_SAME, dtype=np.float32
    )
    same_id: dict[str, list[int]] = defaultdict(list)
    same_title: dict[str, list[int]] = defaultdict(list)
    for later, item in enumerate(filed):
        demand = item.demand
        candidates = {
            *same_id[demand.id],
            *same_title[titles[later]],
            *np.flatnonzero(similar[later, :later] > 0).tolist(),
        }
        for earlier in sorted(candidates):
            if filed[earlier].proposal_id == item.proposal_id:
                continue
            if filed[earlier].demand.id == demand.id:
                repeats.append(Repeat(later, earlier, "id", 100.0))
            elif titles[earlier] == titles[later]:
                repeats.append(Repeat(later, earlier, "title", 100.0))
            else:
                repeats.append(
                    Repeat(later, earlier, "text", round(float(similar[later, earlier]), 1))
                )
            break
        same_id[demand.id].append(later)
        same_title[titles[later]].append(later)
    return repeats
