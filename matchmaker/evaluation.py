"""Ranking quality against graded judgements: nDCG@k and top-1 accuracy."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def dcg(gains: Sequence[float]) -> float:
    """Discounted cumulative gain with the (2^g − 1) / log2(i + 1) form."""
    return sum((2.0**gain - 1.0) / math.log2(position + 2) for position, gain in enumerate(gains))


def ndcg_at(ranked: Sequence[str], relevance: Mapping[str, int], k: int) -> float:
    """nDCG@k of one ranked list of ids; unjudged ids have gain 0."""
    gains = [relevance.get(item, 0) for item in ranked[:k]]
    ideal = sorted(relevance.values(), reverse=True)[:k]
    best = dcg(ideal)
    return dcg(gains) / best if best > 0 else 0.0


def top1_hit(ranked: Sequence[str], relevance: Mapping[str, int]) -> bool:
    """Whether the first item is one of the best-graded ones."""
    if not ranked or not relevance:
        return False
    return relevance.get(ranked[0], 0) == max(relevance.values())
