"""TF-IDF cosine between demands and projects.

The vocabulary and the inverse document frequencies come from the projects alone, so a
demand's similarity to a project does not change with the other proposals in the run.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

# Demands over an index's vocabulary: (demand row, term column, weight) per entry.
Entries = tuple[np.ndarray, np.ndarray, np.ndarray]


def no_entries() -> Entries:
    """No demand's entries: empty rows, terms and weights."""
    return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp), np.zeros(0)


# Largest terms × projects index kept dense for `cosine` (64 MB of doubles): the catalog's
# is ~2 million cells; an index over demands' own words (gaps) can be far larger.
DENSE_CELLS = 8_000_000


def _sequential_row_sums(values: np.ndarray, starts: np.ndarray, rows: int) -> np.ndarray:
    """Each row's sum of its stored values, added left to right (as scipy's CSR `sum` did,
    so the norms, and every score built on them, are bit for bit what they were)."""
    sums = np.zeros(rows)
    filled = np.flatnonzero(np.diff(starts))
    if len(filled):  # starts has rows + 1 entries: where each row begins, then the end
        sums[filled] = np.add.reduceat(values, starts[filled])
    return sums


@dataclass(frozen=True, slots=True)
class ProjectTermIndex:
    """The projects' TF-IDF rows (L2-normalised), stored by term: term t's weights are
    `weights[starts[t]:starts[t + 1]]`, in the projects `owners[...]`, ascending.

    Computed with numpy alone (importing scipy.sparse cost `rank` 0.14 s for this product).
    `cosine` adds each pair's products in exactly the order scipy's sparse product added
    them (a demand's terms last to first), so every cosine is the same to the last bit.
    `dense` holds the same weights as a terms × projects array when that is small (the
    catalog's: ~2,000 × 1,000), for the faster product in `cosine`.
    """

    vocabulary: dict[str, int]
    idf: np.ndarray
    unseen_idf: float
    starts: np.ndarray  # V + 1
    owners: np.ndarray  # project of each stored weight
    weights: np.ndarray
    projects: int
    dense: np.ndarray | None = None  # V × P weights (0 where a project lacks the term)

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
        row_starts = [0]
        for row, terms in enumerate(project_terms):
            counts = Counter(terms)
            for term, count in sorted(counts.items()):
                column = vocabulary[term]
                rows.append(row)
                cols.append(column)
                values.append((1 + math.log(count)) * idf[column])
            row_starts.append(len(values))
        stored = np.array(values, dtype=float)
        norms = np.sqrt(_sequential_row_sums(stored * stored, np.array(row_starts), documents))
        norms[norms == 0] = 1.0
        owners = np.array(rows, dtype=np.intp)
        columns = np.array(cols, dtype=np.intp)
        scaled = (1.0 / norms)[owners] * stored
        by_term = np.lexsort((owners, columns))  # term-major, projects ascending
        counts_per_term = np.bincount(columns, minlength=len(vocabulary))
        starts = np.concatenate(([0], np.cumsum(counts_per_term))).astype(np.intp)
        dense = None
        if len(vocabulary) * documents <= DENSE_CELLS:
            dense = np.zeros((len(vocabulary), documents))
            dense[columns, owners] = scaled
        return cls(
            vocabulary, idf, unseen_idf, starts, owners[by_term], scaled[by_term], documents, dense
        )

    def without_dense(self) -> ProjectTermIndex:
        """The index as cached: `dense` left out (it is the stored weights laid out
        again, ~20 MB for the catalog, rebuilt by `with_dense` faster than read)."""
        return replace(self, dense=None)

    def with_dense(self) -> ProjectTermIndex:
        """`dense` rebuilt from the stored weights, as `build` lays it out (the same
        doubles in the same cells), when the index is small enough to keep it."""
        terms = len(self.starts) - 1
        if self.dense is not None or terms * self.projects > DENSE_CELLS:
            return self
        dense = np.zeros((terms, self.projects))
        dense[np.repeat(np.arange(terms), np.diff(self.starts)), self.owners] = self.weights
        return replace(self, dense=dense)

    def demand_entries(self, demand_terms: Sequence[Sequence[str]]) -> Entries:
        """The demands over the project vocabulary as (demand row, term, weight) entries,
        normalised over all their terms (terms no project uses still count in the norm, so
        one shared word is not a match). Each demand's terms come last first: the order in
        which scipy's sparse product met them, kept so that every sum is the same.

        Counting and sorting each demand's terms is Python; the arithmetic is numpy on
        the same doubles in the same order: 1 + log(count) from `math.log` (a table), each
        norm a running sum (`cumsum` adds left to right, as the loop it replaced did).
        """
        lengths: list[int] = []
        words: list[str] = []
        counts: list[int] = []
        for terms in demand_terms:
            items = sorted(Counter(terms).items())
            lengths.append(len(items))
            words += [term for term, _ in items]
            counts += [count for _, count in items]
        demands = len(lengths)
        if not words:
            return no_entries()
        vocabulary = self.vocabulary
        column = np.array([vocabulary.get(term, -1) for term in words], dtype=np.intp)
        known = column >= 0
        count = np.array(counts, dtype=np.intp)
        log_weight = np.array([1 + math.log(c) if c else 0.0 for c in range(int(count.max()) + 1)])
        idf = np.where(known, self.idf[np.where(known, column, 0)], self.unseen_idf)
        weight = log_weight[count] * idf
        size = np.array(lengths, dtype=np.intp)
        row = np.repeat(np.arange(demands), size)
        place = np.arange(len(words)) - (np.cumsum(size) - size)[row]
        squares = np.zeros((demands, int(size.max())))
        squares[row, place] = weight * weight
        total = np.cumsum(squares, axis=1)[:, -1]  # trailing zeros add nothing
        norm = np.sqrt(total)
        norm[norm == 0] = 1.0  # `math.sqrt(total) or 1.0`
        scale = 1.0 / norm
        chosen = np.flatnonzero(known)
        chosen = chosen[np.lexsort((-place[chosen], row[chosen]))]  # each demand's last first
        return row[chosen], column[chosen], scale[row[chosen]] * weight[chosen]

    def cosine(
        self, demand_terms: Sequence[Sequence[str]], entries: Entries | None = None
    ) -> np.ndarray:
        """D × P cosines: every demand term's weight times the projects' weights of that
        term, summed per pair by `bincount` (which adds in input order, from 0.0).
        `entries`: `demand_entries(demand_terms)` already computed (streamed scoring
        keeps them between its passes: they are the part of the cosine done in Python)."""
        demands = len(demand_terms)
        row, term, weight = self.demand_entries(demand_terms) if entries is None else entries
        if not len(row) or not len(self.weights):
            return np.zeros((demands, self.projects))
        if self.dense is not None:
            return self._dense_cosine(demands, row, term, weight)
        lengths = self.starts[term + 1] - self.starts[term]
        # the stored positions of each entry's term, entry after entry
        first = np.repeat(self.starts[term] - np.cumsum(lengths) + lengths, lengths)
        positions = first + np.arange(int(lengths.sum()))
        cells = np.repeat(row, lengths) * self.projects + self.owners[positions]
        products = np.repeat(weight, lengths) * self.weights[positions]
        sums = np.bincount(cells, weights=products, minlength=demands * self.projects)
        return sums.reshape(demands, self.projects)

    def _dense_cosine(
        self, demands: int, row: np.ndarray, term: np.ndarray, weight: np.ndarray
    ) -> np.ndarray:
        """The same sums as the sparse product, a whole row of projects at a time: every
        demand's j-th entry (demands with the most entries first, so those with a j-th
        entry are the first rows) adds its weight times its term's row of `dense`. Each
        pair gets its products in the same order from the same 0.0, plus products with
        0.0 for projects without the term, which leave a sum of positive terms as it was.
        """
        assert self.dense is not None
        counts = np.bincount(row, minlength=demands)
        first = np.concatenate(([0], np.cumsum(counts)[:-1]))
        order = np.argsort(-counts, kind="stable")
        remaining = counts[order]  # descending
        # only the demands with entries (all, for words; few, for what is ruled out)
        sums = np.zeros((int(np.count_nonzero(remaining)), self.projects))
        for j in range(int(remaining[0])):
            rows = int(np.count_nonzero(remaining > j))
            entries = first[order[:rows]] + j
            sums[:rows] += weight[entries, None] * self.dense[term[entries]]
        result = np.zeros((demands, self.projects))
        result[order[: len(sums)]] = sums
        return result


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

    def without_dense(self) -> ProblemIndex:
        """As cached (see `ProjectTermIndex.without_dense`)."""
        return self if self.terms is None else replace(self, terms=self.terms.without_dense())

    def with_dense(self) -> ProblemIndex:
        return self if self.terms is None else replace(self, terms=self.terms.with_dense())

    def best(
        self, demand_terms: Sequence[Sequence[str]], entries: Entries | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """D × P: the mean of the best statements' cosines, and the statement row that
        matched best (-1: none). `entries` as for `ProjectTermIndex.cosine`."""
        result = np.zeros((len(demand_terms), self.projects))
        which = np.full((len(demand_terms), self.projects), -1, dtype=int)
        if self.terms is None:
            return result, which
        cosine = self.terms.cosine(demand_terms, entries)
        for column in range(self.projects):
            rows = np.flatnonzero(self.owner == column)
            if len(rows):
                block = cosine[:, rows]
                best = -np.sort(-block, axis=1)[:, :TOP_STATEMENTS]
                result[:, column] = best.mean(axis=1)
                which[:, column] = rows[block.argmax(axis=1)]
        return result, which
