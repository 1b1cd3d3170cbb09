"""TF-IDF cosine without scipy.sparse: the same doubles as the sparse product it replaced."""

from __future__ import annotations

import dataclasses
import math
import random
from collections import Counter

import numpy as np
import pytest
from scipy import sparse

from matchmaker.scoring import similarity
from matchmaker.scoring.similarity import ProjectTermIndex

WORDS = [f"w{i:03d}" for i in range(120)]


def _sparse_cosine(projects: list[list[str]], demands: list[list[str]]) -> np.ndarray:
    """The previous implementation, step for step, as the reference."""
    frequency: Counter[str] = Counter()
    for terms in projects:
        frequency.update(set(terms))
    vocabulary = {term: i for i, term in enumerate(sorted(frequency))}
    idf = np.array([math.log((1 + len(projects)) / (1 + frequency[t])) + 1 for t in vocabulary])
    unseen = math.log(1 + len(projects)) + 1

    def matrix(documents: list[list[str]], project_side: bool) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        norms = np.ones(len(documents))
        for row, terms in enumerate(documents):
            total = 0.0
            for term, count in sorted(Counter(terms).items()):
                column = vocabulary.get(term)
                weight = (1 + math.log(count)) * (idf[column] if column is not None else unseen)
                total += weight * weight
                if column is not None:
                    rows.append(row)
                    cols.append(column)
                    values.append(weight)
            norms[row] = math.sqrt(total) or 1.0
        m = sparse.csr_matrix((values, (rows, cols)), shape=(len(documents), len(vocabulary)))
        if project_side:
            norms = np.sqrt(m.multiply(m).sum(axis=1)).A1
            norms[norms == 0] = 1.0
        return (sparse.diags(1.0 / norms) @ m).tocsr()

    product = matrix(demands, False) @ matrix(projects, True).T
    return np.asarray(product.todense())


@pytest.mark.parametrize("seed", range(12))
def test_cosine_is_bit_for_bit_the_sparse_product(seed: int) -> None:
    rng = random.Random(seed)
    projects = [rng.choices(WORDS[:90], k=rng.randint(0, 40)) for _ in range(rng.randint(1, 30))]
    demands = [rng.choices(WORDS, k=rng.randint(0, 50)) for _ in range(rng.randint(1, 40))]
    found = ProjectTermIndex.build(projects).cosine(demands)
    assert np.array_equal(found, _sparse_cosine(projects, demands))


def test_a_demand_sharing_no_word_scores_zero_and_one_identical_to_a_project_one() -> None:
    index = ProjectTermIndex.build([["a", "b", "b"], ["c"]])
    cosine = index.cosine([["z"], ["a", "b", "b"], []])
    assert cosine[0].tolist() == [0.0, 0.0]
    assert cosine[1, 0] == pytest.approx(1.0) and cosine[1, 1] == 0.0
    assert cosine[2].tolist() == [0.0, 0.0]


@pytest.mark.parametrize("seed", range(6))
def test_the_dense_and_the_sparse_product_give_the_same_doubles(seed: int) -> None:
    # An index too large to keep dense (gaps' index over demands' own words) takes the
    # sparse path: both must give the reference's doubles.
    rng = random.Random(100 + seed)
    projects = [rng.choices(WORDS[:90], k=rng.randint(0, 40)) for _ in range(rng.randint(1, 30))]
    demands = [rng.choices(WORDS, k=rng.randint(0, 50)) for _ in range(rng.randint(1, 40))]
    index = ProjectTermIndex.build(projects)
    assert index.dense is not None
    sparse_only = dataclasses.replace(index, dense=None)
    expected = _sparse_cosine(projects, demands)
    assert np.array_equal(index.cosine(demands), expected)
    assert np.array_equal(sparse_only.cosine(demands), expected)


def test_an_index_past_the_dense_limit_stays_sparse(monkeypatch: pytest.MonkeyPatch) -> None:
    projects, demands = [["a", "b"], ["b", "c"]], [["b"], ["a", "c", "z"]]
    dense = ProjectTermIndex.build(projects)
    monkeypatch.setattr(similarity, "DENSE_CELLS", 3)
    index = ProjectTermIndex.build(projects)
    assert dense.dense is not None and index.dense is None
    assert np.array_equal(index.cosine(demands), dense.cosine(demands))
    assert np.array_equal(index.cosine(demands), _sparse_cosine(projects, demands))


def _entries_by_loop(index: ProjectTermIndex, demands: list[list[str]]) -> list[tuple]:
    """The entries as the per-term loop computed them, the reference for the arrays."""
    found = []
    for row, terms in enumerate(demands):
        total, known = 0.0, []
        for term, count in sorted(Counter(terms).items()):
            column = index.vocabulary.get(term)
            idf = float(index.idf[column]) if column is not None else index.unseen_idf
            weight = (1 + math.log(count)) * idf
            total += weight * weight
            if column is not None:
                known.append((column, weight))
        scale = 1.0 / (math.sqrt(total) or 1.0)
        found += [(row, column, scale * weight) for column, weight in reversed(known)]
    return found


@pytest.mark.parametrize("seed", range(6))
def test_demand_entries_are_the_loops_doubles(seed: int) -> None:
    rng = random.Random(200 + seed)
    projects = [rng.choices(WORDS[:90], k=rng.randint(1, 40)) for _ in range(12)]
    # long demands with repeated words: norms over many terms, counts above 1
    demands = [rng.choices(WORDS, k=rng.randint(0, 300)) for _ in range(rng.randint(1, 20))]
    index = ProjectTermIndex.build(projects)
    row, column, weight = index.demand_entries(demands)
    found = list(zip(row.tolist(), column.tolist(), weight.tolist(), strict=True))
    assert found == _entries_by_loop(index, demands)
