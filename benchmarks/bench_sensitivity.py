"""Sensitivity benchmarks: 1,000 weight draws on the bundled data and on 10,000 × 1,000.

    python benchmarks/bench_sensitivity.py [--draws 1000] [--large 10000x1000]

The large case uses random component points (seeded) in place of a scored run, since
sensitivity only re-weights the three component arrays. Run on demand, never in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import load_run
from matchmaker.robustness.sensitivity import sensitivity
from matchmaker.scoring.engine import score


def bundled(draws: int) -> str:
    inputs = load_run([proposals_dir()], None, default_profile_path(), dt.date(2026, 11, 28))
    assert inputs.catalog is not None and inputs.profile is not None
    scores = score(inputs.catalog, inputs.records(), inputs.profile)
    start = time.perf_counter()
    found = sensitivity(scores, draws=draws, seed=0)
    seconds = time.perf_counter() - start
    fragile = sum(f.fragile for f in found)
    return (
        f"bundled {len(found)} demands x {len(scores.projects.ids)} projects, {draws} draws:"
        f" {seconds:.2f}s, {fragile} fragile"
    )


def synthetic(demands: int, projects: int, draws: int) -> str:
    rng = np.random.default_rng(11)
    components = {
        name: SimpleNamespace(values=rng.uniform(0, 100, (demands, projects)))
        for name in ("demand_fit", "long_term", "synergy")
    }
    scores = SimpleNamespace(
        component=lambda name: components[name],
        profile=SimpleNamespace(
            weights=SimpleNamespace(demand_fit=0.5, long_term=0.3, synergy=0.2)
        ),
        eligibility=SimpleNamespace(eligible=rng.random((demands, projects)) < 0.9),
        demands=SimpleNamespace(records=[SimpleNamespace(key=f"p/d{i}") for i in range(demands)]),
        projects=SimpleNamespace(ids=[f"project-{j:04d}" for j in range(projects)]),
    )
    start = time.perf_counter()
    found = sensitivity(scores, draws=draws, seed=0)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"synthetic {demands} x {projects}, {draws} draws: {seconds:.1f}s "
        f"({seconds / demands * 1000:.2f} ms per demand), peak RSS {peak:.0f} MiB, "
        f"{sum(f.fragile for f in found)} fragile"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--large", default="10000x1000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:  # not the user's own cache folder
        os.environ["MATCHMAKER_CACHE_DIR"] = cache
        print(bundled(args.draws), flush=True)
    demands, projects = (int(part) for part in args.large.split("x"))
    print(synthetic(demands, projects, args.draws), flush=True)


if __name__ == "__main__":
    main()
