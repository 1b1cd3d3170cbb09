"""Group unmet demands into clusters of similar need: themes read first, then wording.

Each demand is read once by the scoring (its themes, declared or read from the text, and
its terms, with what it rules out set aside); this module only compares those readings.
Demands are first split by their main theme (the strongest theme read; none for a text
the vocabulary does not cover), which keeps the work per group small at ten thousand
demands, then joined within a split by average linkage on a similarity that mixes the
wording (TF-IDF cosine over the unmet demands' own terms) with the theme profile.

Deterministic: the demands arrive sorted by key, the TF-IDF weights depend on the set of
texts and not on their order, and linkage ties break by that order, so the same demands
give the same clusters however the input files were ordered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.gaps.unmet import UnmetDemand
from matchmaker.scoring.engine import Scores
from matchmaker.scoring.similarity import ProjectTermIndex

# Similarity = TEXT_SHARE × wording cosine + (1 − TEXT_SHARE) × theme cosine. Two demands
# whose themes read alike join when their wording shares a little; two with the same
# wording always join. JOIN is the least average similarity between two groups that
# still merge them (fitted by hand on the bundled and illustrative unmet demands: the
# elderly-care demands of three 군 join, elderly care and childcare stay apart).
TEXT_SHARE = 0.5
JOIN = 0.45
NO_THEME = ""  # the split of demands whose text names no theme of the vocabulary


@dataclass(frozen=True, slots=True)
class Grouping:
    """Clusters as positions into the unmet list, and how central each demand is."""

    groups: list[tuple[int, ...]]  # each sorted; groups by size (largest first), then key
    centrality: np.ndarray  # per unmet demand: mean similarity to its cluster's others
    main_theme: list[str]  # per unmet demand: the theme it was split by (NO_THEME: none)


def main_themes(scores: Scores, unmet: Sequence[UnmetDemand]) -> list[str]:
    """The strongest theme read for each demand; ties go to the theme no project serves
    (that is what leaves the demand unmet), then to the theme id."""
    served = np.asarray(scores.projects.themes.any(axis=0), dtype=bool)
    found = []
    for item in unmet:
        weights = scores.demands.theme_weights[item.row]
        if not weights.any():
            found.append(NO_THEME)
            continue
        order = sorted(
            range(len(weights)),
            key=lambda t: (-weights[t], bool(served[t]), scores.theme_ids[t]),
        )
        found.append(scores.theme_ids[order[0]])
    return found


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    return matrix / norms[:, None]


def _link(similarity: np.ndarray) -> list[list[int]]:
    """Average-linkage groups of one split (positions into it), cut at JOIN."""
    size = similarity.shape[0]
    if size == 1:
        return [[0]]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    distance = (distance + distance.T) / 2.0  # exactly symmetric for squareform
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - JOIN, criterion="distance")
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    return list(groups.values())


def cluster(scores: Scores, unmet: Sequence[UnmetDemand]) -> Grouping:
    """Cluster the unmet demands (sorted by key, as `unmet_demands` returns them)."""
    count = len(unmet)
    if count == 0:
        return Grouping([], np.zeros(0), [])
    terms = [scores.demands.terms[item.row] for item in unmet]
    # Each unmet demand's TF-IDF row against the others' (the index built over them alone);
    # averaged with its transpose so the similarity is exactly symmetric.
    cosine = ProjectTermIndex.build(terms).cosine(terms)
    wording = (cosine + cosine.T) / 2.0
    themes = _unit_rows(scores.demands.theme_weights[[item.row for item in unmet]])
    main = main_themes(scores, unmet)
    splits: dict[str, list[int]] = {}
    for position, theme in enumerate(main):
        splits.setdefault(theme, []).append(position)
    groups: list[tuple[int, ...]] = []
    centrality = np.zeros(count)
    for theme in sorted(splits):
        members = np.array(splits[theme])
        text = wording[np.ix_(members, members)]
        similarity = TEXT_SHARE * text + (1.0 - TEXT_SHARE) * (themes[members] @ themes[members].T)
        for group in _link(similarity):
            inside = similarity[np.ix_(group, group)]
            others = max(len(group) - 1, 1)
            centrality[members[group]] = (inside.sum(axis=1) - np.diag(inside)) / others
            groups.append(tuple(sorted(int(members[p]) for p in group)))
    groups.sort(key=lambda g: (-len(g), unmet[g[0]].key))
    return Grouping(groups, np.round(centrality, 9), main)
