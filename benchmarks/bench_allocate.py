"""Allocation benchmarks: exact solve time and objective against a greedy baseline.

    python benchmarks/bench_allocate.py            # 250x20, 2000x200, 10000x1000
    python benchmarks/bench_allocate.py --sizes 250x20 --time-limit 30
    python benchmarks/bench_allocate.py --sizes 2000x200 --synergy-only --time-limit 10 --runs 3

Random scores (seeded), every pair eligible, capacities drawn so that projects compete
for demands. "Without synergy" is the plain capacitated assignment, solved by LP column
generation (a proven optimum); "with synergy" adds a bonus for complementary projects
given to one region: the full MILP below 50,000 pairs, and by region (decompose.py:
column generation over region bundles priced exactly, then a dive on the master LP, a
per-demand polish and, with time left, HiGHS on the bundles) above, under the time
limit. Each line prints the objective, the proven bound, the true gap, the wall time,
the machine's load average over the last minute (it is shared) and the no-synergy
optimum (the floor the answer may not fall below). With --runs N, the median of N runs
(and the range). Run on demand, never in CI.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code

from matchmaker.allocation.problem import AllocationOptions, AllocationProblem
from matchmaker.allocation.solve import greedy, solve


def instance(demands: int, projects: int, synergy: bool, seed: int = 7) -> AllocationProblem:
    rng = np.random.default_rng(seed)
    rows = np.repeat(np.arange(demands), projects)
    cols = np.tile(np.arange(projects), demands)
    regions = rng.integers(0, max(1, demands // 4), demands)
    capacity = rng.integers(1, max(2, 2 * demands // projects), projects).astype(float)
    pairs: list[tuple[int, int, int]] = []
    if synergy:
        partner = {
            p: sorted(set(rng.integers(0, projects, 2).tolist()) - {p}) for p in range(projects)
        }
        for region in sorted(set(regions.tolist())):
            pairs += [(region, p, q) for p in range(projects) for q in partner[p] if p < q]
    return AllocationProblem(
        scores=None,  # type: ignore[arg-type]
        options=AllocationOptions(synergy_bonus=5.0 if synergy else 0.0),
        demand=rows,
        project=cols,
        value=np.round(rng.uniform(0, 100, len(rows)), 3),
        cost=np.zeros(len(rows)),
        cost_known=np.ones(len(rows), dtype=bool),
        capacity=capacity,
        project_budget=np.full(projects, np.inf),
        region=regions,
        region_codes=[str(r) for r in range(max(1, demands // 4))],
        province=np.zeros(demands, dtype=int),
        province_codes=["all"],
        decline=np.zeros(demands, dtype=bool),
        tied=np.zeros(demands, dtype=bool),
        forbidden=set(),
        locked=set(),
        synergy_pairs=pairs,
    )


def greedy_objective(problem: AllocationProblem, chosen: np.ndarray) -> float:
    value = float(problem.value[chosen].sum())
    given = {
        (int(problem.region[problem.demand[i]]), int(problem.project[i]))
        for i in np.flatnonzero(chosen)
    }
    bonus = sum(
        problem.options.synergy_bonus
        for r, p, q in problem.synergy_pairs
        if (r, p) in given and (r, q) in given
    )
    return value + bonus


def run(demands: int, projects: int, synergy: bool, time_limit: float, runs: int) -> str:
    problem = instance(demands, projects, synergy)
    start = time.perf_counter()
    chosen = greedy(problem)
    greedy_seconds = time.perf_counter() - start
    baseline = greedy_objective(problem, chosen)
    label = f"{demands}x{projects} {'with' if synergy else 'without'} synergy"
    problem.options = AllocationOptions(
        synergy_bonus=problem.options.synergy_bonus, time_limit=time_limit
    )
    walls: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        solution = solve(problem)  # the same instance and answer each run; only time varies
        walls.append(time.perf_counter() - start)
    seconds = float(np.median(walls))
    spread = f" [{min(walls):.2f}-{max(walls):.2f}]" if runs > 1 else ""
    gap = f" true gap {solution.gap:.4%}, bound {solution.bound:,.1f}"
    plain = ""
    if synergy:  # the floor the answer must never fall below: no-synergy optimum
        base = solve(dataclasses.replace(problem, synergy_pairs=[]))
        plain = (
            f"   no-synergy optimum {base.objective:,.1f} "
            f"(+{(solution.objective - base.objective) / base.objective:.2%})"
        )
    # The machine is shared: its load over the last minute says how far to trust the time.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{label:<32} {solution.objective:,.1f} ({solution.status},{gap}) in "
        f"{seconds:.2f}s{spread} (limit {time_limit:g}s, load {load:.2f})   "
        f"greedy {baseline:,.1f} in "
        f"{greedy_seconds:.2f}s ({(solution.objective - baseline) / solution.objective:.2%} "
        f"below){plain}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250x20,2000x200,10000x1000")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=1, help="runs per line; the median")
    parser.add_argument("--synergy-only", action="store_true")
    args = parser.parse_args()
    for size in args.sizes.split(","):
        demands, projects = (int(part) for part in size.split("x"))
        for synergy in (True,) if args.synergy_only else (False, True):
            print(run(demands, projects, synergy, args.time_limit, args.runs), flush=True)


if __name__ == "__main__":
    main()
