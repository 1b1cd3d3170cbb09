"""TF-IDF cosine between demands and projects, as one sparse matrix product.

The vocabulary and the inverse document frequencies come from the projects alone, so a
demand's similarity to a project does not change with the other proposals in the run.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass(frozen=True, slots=True)
class ProjectTermIndex:
    vocabulary: dict[str, int]
    idf: np.ndarray
    unseen_idf: float
    matrix: sparse.csr_matrix  # P × V, rows L2-normalised

    @classmethod
    def build(cls, project_terms: Sequence[Sequence[str]]) -> ProjectTermIndex:
        documents = len(project_terms)
        frequency: Counter[str] = Counter()
        for terms in project_terms:
            frequency.update(set(terms))
        vocabulary = {term: i for i, term in enumerate(sorted(frequency))}
        idf = np.array([math.log((1 + documents) / (1 + frequency[t])) + 1 for t in vocabulary])
        unseen_idf = math.log(1 + documents) + 1
        rows, cols, values = [], [], []
        for row, terms in enumerate(project_terms):
            counts = Counter(terms)
            for term, count in sorted(counts.items()):
                column = vocabulary[term]
                rows.append(row)
                cols.append(column)
                values.append((1 + math.log(count)) * idf[column])
        matrix = sparse.csr_matrix(
            (values, (rows, cols)), shape=(documents, len(vocabulary)), dtype=float
        )
        norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
        norms[norms == 0] = 1.0
        matrix = sparse.diags(1.0 / norms) @ matrix
        return cls(vocabulary, idf, unseen_idf, matrix.tocsr())

    def demand_matrix(self, demand_terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Demands as rows over the project vocabulary, normalised over all their terms
        (terms no project uses still count in the norm, so one shared word is not a match)."""
        rows, cols, values = [], [], []
        norms = np.ones(len(demand_terms))
        for row, terms in enumerate(demand_terms):
            counts = Counter(terms)
            total = 0.0
            for term, count in sorted(counts.items()):
                column = self.vocabulary.get(term)
                weight = (1 + math.log(count)) * (
                    self.idf[column] if column is not None else self.unseen_idf
                )
                total += weight * weight
                if column is not None:
                    rows.append(row)
                    cols.append(column)
                    values.append(weight)
            norms[row] = math.sqrt(total) or 1.0
        matrix = sparse.csr_matrix(
            (values, (rows, cols)), shape=(len(demand_terms), len(self.vocabulary)), dtype=float
        )
        return (sparse.diags(1.0 / norms) @ matrix).tocsr()

    def cosine(self, demand_terms: Sequence[Sequence[str]]) -> np.ndarray:
        return np.asarray((self.demand_matrix(demand_terms) @ self.matrix.T).todense())


TOP_STATEMENTS = 3  # statements (of either language) averaged per project


@dataclass(frozen=True, slots=True)
class ProblemIndex:
    """The problems projects answer, one TF-IDF row per statement and language.

    A demand's need-as-problem score for a project is the mean of its TOP_STATEMENTS best
    cosines with the project's statements: a short problem ("수확철 일손이 없다") is matched
    as a whole, not diluted by the project's other problems, and a demand that touches
    several of one project's problems counts for more than one stray word in common
    (measured on the development sets: the mean of the best three beat the single best on
    all four).
    """

    terms: ProjectTermIndex | None  # None when no project states its problems
    owner: np.ndarray  # statement row → project column
    projects: int

    @classmethod
    def build(
        cls, problem_terms: Sequence[Sequence[str]], owner: np.ndarray, projects: int
    ) -> ProblemIndex:
        index = ProjectTermIndex.build(problem_terms) if len(problem_terms) else None
        return cls(index, owner, projects)

    def best(self, demand_terms: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """D × P: the mean of the best statements' cosines, and the statement row that
        matched best (-1: none)."""
        result = np.zeros((len(demand_terms), self.projects))
        which = np.full((len(demand_terms), self.projects), -1, dtype=int)
        if self.terms is None:
            return result, which
        cosine = self.terms.cosine(demand_terms)
        for column in range(self.projects):
            rows = np.flatnonzero(self.owner == column)
            if len(rows):
                block = cosine[:, rows]
                best = -np.sort(-block, axis=1)[:, :TOP_STATEMENTS]
                result[:, column] = best.mean(axis=1)
                which[:, column] = rows[block.argmax(axis=1)]
        return result, which
