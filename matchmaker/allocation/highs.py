"""The one place that talks to the solver: HiGHS through its own bindings, `highspy`.

scipy.optimize's wrapper of the same solver cost `allocate` ~0.56 s of imports (scipy
parses its docstrings at import) and gives no initial solution, no way to keep a model
between solves; `highspy` imports in ~0.015 s over numpy. The model is passed as scipy's
wrapper passed it (a column-wise matrix, rows as lower ≤ A x ≤ upper, the same options),
so HiGHS sees the same model it saw through scipy.

Everything here minimises. Matrices are plain numpy arrays (`Columns`): no scipy.sparse.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # highspy is imported where a model is solved: `--help` never loads it
    from highspy._core import _Highs


def _forget_threads_in_child() -> None:
    """In a forked child, drop the thread scheduler HiGHS inherited from the parent: its
    worker threads were not forked, and a solve that waits for them never ends (a full
    MILP of 250 × 20 that takes 1.1 s here hung in stoppable.py's child until it was
    killed, once the parent had solved anything). Not blocking: there is nothing to
    wait for; HiGHS starts a new scheduler at its next solve."""
    if "highspy" in sys.modules:
        from highspy._core import _Highs

        _Highs.resetGlobalScheduler(False)


os.register_at_fork(after_in_child=_forget_threads_in_child)


@dataclass(frozen=True, slots=True)
class Columns:
    """A sparse matrix stored by columns (CSC): column j's entries are
    `index[start[j]:start[j+1]]` (rows, ascending) and `value[...]`."""

    rows: int
    start: np.ndarray  # int, columns + 1
    index: np.ndarray  # int, one per entry
    value: np.ndarray  # float, one per entry

    @property
    def columns(self) -> int:
        return len(self.start) - 1

    def column(self, j: int) -> np.ndarray:
        """Column j as a dense vector over the rows."""
        dense = np.zeros(self.rows)
        at = slice(int(self.start[j]), int(self.start[j + 1]))
        dense[self.index[at]] = self.value[at]
        return dense

    def take(self, keep: np.ndarray) -> Columns:
        """The columns `keep` (indexes, in that order)."""
        keep = np.asarray(keep, dtype=np.int64)
        sizes = (self.start[1:] - self.start[:-1])[keep]
        start = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        first = np.repeat(self.start[:-1][keep], sizes)
        within = np.arange(int(start[-1])) - np.repeat(start[:-1], sizes)
        entries = first + within
        return Columns(self.rows, start, self.index[entries], self.value[entries])

    def head(self, rows: int) -> Columns:
        """The first `rows` rows."""
        owner = np.repeat(np.arange(self.columns), self.start[1:] - self.start[:-1])
        kept = self.index < rows
        sizes = np.bincount(owner[kept], minlength=self.columns)
        start = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        return Columns(rows, start, self.index[kept], self.value[kept])


def from_triplets(
    row: np.ndarray, col: np.ndarray, data: np.ndarray, shape: tuple[int, int]
) -> Columns:
    """Column-wise matrix from (row, column, value) entries: rows ascending within each
    column, repeated entries added up, explicit zeros kept (as scipy's conversion did,
    so the model HiGHS receives is entry for entry the one it received through scipy)."""
    rows, columns = shape
    row = np.asarray(row, dtype=np.int64)
    col = np.asarray(col, dtype=np.int64)
    data = np.asarray(data, dtype=float)
    order = np.lexsort((row, col))
    row, col, data = row[order], col[order], data[order]
    if len(row):
        new = np.r_[True, (row[1:] != row[:-1]) | (col[1:] != col[:-1])]
        firsts = np.flatnonzero(new)
        data = np.add.reduceat(data, firsts) if not new.all() else data
        row, col = row[firsts], col[firsts]
    start = np.searchsorted(col, np.arange(columns + 1)).astype(np.int64)
    return Columns(rows, start, row, data)


@dataclass(slots=True)
class Result:
    """What a solve gave. `status`: "optimal", "time-limit" (stopped at the limit, `x` the
    best found if any), "infeasible", or "failed" (anything else, `message` says what)."""

    status: str
    x: np.ndarray | None
    objective: float | None
    dual_bound: float | None  # MIP: proven lower bound on the (minimised) objective
    row_dual: np.ndarray | None  # LP: the rows' duals (≤ 0 on binding upper rows)
    message: str


def _model(
    cost: np.ndarray,
    matrix: Columns,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    col_lower: np.ndarray,
    col_upper: np.ndarray,
    integrality: np.ndarray | None,
) -> Any:
    import highspy

    lp = highspy.HighsLp()
    lp.num_col_ = len(cost)
    lp.num_row_ = matrix.rows
    lp.a_matrix_.num_col_ = len(cost)
    lp.a_matrix_.num_row_ = matrix.rows
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.col_cost_ = np.asarray(cost, dtype=float)
    lp.col_lower_ = np.asarray(col_lower, dtype=float)
    lp.col_upper_ = np.asarray(col_upper, dtype=float)
    lp.row_lower_ = np.asarray(row_lower, dtype=float)
    lp.row_upper_ = np.asarray(row_upper, dtype=float)
    lp.a_matrix_.start_ = matrix.start.astype(np.int32)
    lp.a_matrix_.index_ = matrix.index.astype(np.int32)
    lp.a_matrix_.value_ = matrix.value.astype(float)
    if integrality is not None and np.any(integrality):
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if flag else highspy.HighsVarType.kContinuous
            for flag in np.asarray(integrality).tolist()
        ]
    return lp


def _highs(options: dict[str, bool | float | str]) -> _Highs:
    # The bindings' own class: `highspy.Highs` adds a modelling layer and Python
    # callbacks, and prints HiGHS's banner when it is made, before any option is set.
    from highspy._core import _Highs

    highs = _Highs()
    highs.setOptionValue("output_flag", False)
    for key, value in options.items():
        highs.setOptionValue(key, value)
    return highs


def _result(highs: Any, integer: bool, columns: int) -> Result:
    import highspy

    status = highs.getModelStatus()
    info = highs.getInfo()
    message = highs.modelStatusToString(status)
    feasible = info.primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible
    names = {
        highspy.HighsModelStatus.kOptimal: "optimal",
        highspy.HighsModelStatus.kTimeLimit: "time-limit",
        highspy.HighsModelStatus.kInterrupt: "time-limit",
        highspy.HighsModelStatus.kInfeasible: "infeasible",
    }
    name = names.get(status, "failed")
    if name == "infeasible" or (name == "optimal" and not feasible and integer):
        return Result(name, None, None, None, None, message)
    if not feasible or (not integer and name != "optimal"):
        return Result(name, None, None, None, None, message)
    solution = highs.getSolution()
    x = np.array(solution.col_value, dtype=float)[:columns]
    dual_bound = float(info.mip_dual_bound) if integer else None
    row_dual = None if integer else np.array(solution.row_dual, dtype=float)
    return Result(name, x, float(info.objective_function_value), dual_bound, row_dual, message)


def solve(
    cost: np.ndarray,
    matrix: Columns,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    *,
    col_lower: np.ndarray | float = 0.0,
    col_upper: np.ndarray | float = np.inf,
    integrality: np.ndarray | None = None,
    time_limit: float | None = None,
    mip_rel_gap: float | None = None,
    initial: np.ndarray | None = None,
    method: str | None = None,
) -> Result:
    """min cost·x  s.t.  row_lower ≤ A x ≤ row_upper, col_lower ≤ x ≤ col_upper, x_j
    integral where `integrality` is set. `initial`: a feasible point HiGHS starts the
    MIP from (its incumbent before the search). `method`: "ipm" (interior point, with
    crossover to a vertex and its duals) or None (HiGHS's dual simplex for an LP)."""
    columns = len(cost)
    lower = np.broadcast_to(np.asarray(col_lower, dtype=float), (columns,))
    upper = np.broadcast_to(np.asarray(col_upper, dtype=float), (columns,))
    integer = integrality is not None and bool(np.any(integrality))
    options: dict[str, bool | float | str] = {"presolve": "on"}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    if integer:
        if mip_rel_gap is not None:
            options["mip_rel_gap"] = float(mip_rel_gap)
    else:
        # As scipy's linprog set them: dual simplex unless told otherwise.
        options["simplex_strategy"] = 1
        if method is not None:
            options["solver"] = method
    highs = _highs(options)
    highs.passModel(_model(cost, matrix, row_lower, row_upper, lower, upper, integrality))
    if initial is not None and integer:
        _start_from(highs, initial)
    highs.run()
    return _result(highs, integer, columns)


def _start_from(highs: Any, initial: np.ndarray) -> None:
    import highspy

    start = highspy.HighsSolution()
    start.col_value = np.asarray(initial, dtype=float)
    start.value_valid = True
    highs.setSolution(start)


class Master:
    """An LP kept between solves: new columns are added to the model HiGHS holds, rather
    than the whole matrix built and passed again. Rows are fixed at creation: lower ≤
    A x ≤ upper, x ≥ 0. With `method` "simplex", HiGHS resumes from the last basis (a
    new column enters nonbasic at 0); with "ipm" (interior point, then crossover to a
    vertex) it starts afresh each time."""

    def __init__(self, row_lower: np.ndarray, row_upper: np.ndarray, method: str | None) -> None:
        import highspy

        options: dict[str, bool | float | str] = {"presolve": "on", "simplex_strategy": 1}
        if method is not None:
            options["solver"] = method
        self._highs = _highs(options)
        self._rows = len(row_upper)
        self._highs.addRows(
            self._rows,
            np.asarray(row_lower, dtype=float),
            np.asarray(row_upper, dtype=float),
            0,
            np.zeros(1, dtype=np.int32),
            np.zeros(0, dtype=np.int32),
            np.zeros(0),
        )
        self._highs.changeObjectiveSense(highspy.ObjSense.kMinimize)
        self.columns = 0

    def add(self, cost: np.ndarray, matrix: Columns) -> None:
        """New columns (cost, then their entries), bounded below by 0."""
        count = len(cost)
        if count == 0:
            return
        self._highs.addCols(
            count,
            np.asarray(cost, dtype=float),
            np.zeros(count),
            np.full(count, np.inf),
            len(matrix.index),
            matrix.start[:-1].astype(np.int32),
            matrix.index.astype(np.int32),
            matrix.value.astype(float),
        )
        self.columns += count

    def solve(self, time_limit: float | None = None) -> Result:
        if time_limit is not None:
            self._highs.setOptionValue("time_limit", float(time_limit))
        self._highs.run()
        return _result(self._highs, False, self.columns)
