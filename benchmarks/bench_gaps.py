#!/usr/bin/env python3
"""Time of `gaps` against `rank` on the same synthetic input, as the commands do the work.

Issue 15's target: at 10,000 demands `gaps` finishes within twice the time `rank` takes.
The data comes from `generate.py` (cached under benchmarks/out/ as bench_rank.py caches
it). The run is loaded once (parse, validate, check: the same for both commands, timed
once); then, alternately, `rank` (score, select the top 3 per demand, write JSON) and
`gaps` (score, find and cluster the unmet demands, write JSON), each timed. Two catalog
sizes: 1,000 projects (few demands unmet) and 20 (most demands unmet: the clustering's
worst case).

The synthetic catalog copies the real `ties.yaml`, whose ties name real projects, so the
command line refuses it (`tie-reference`, `prior-tie` errors); the library is called
directly here, with those findings ignored: they change no score.

    python benchmarks/bench_gaps.py [--sizes 10000x1000,10000x20] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from bench_rank import TODAY, ensure_data, parse_size  # noqa: E402


def run_rank(inputs: object) -> str:
    from matchmaker.inputs import RunInputs
    from matchmaker.ranking import rank_report
    from matchmaker.render.rank import render_json
    from matchmaker.scoring.engine import score

    assert isinstance(inputs, RunInputs) and inputs.catalog and inputs.profile
    scores = score(inputs.catalog, inputs.records(), inputs.profile)
    return render_json(rank_report(scores, inputs.input_hashes(), top=3))


def run_gaps(inputs: object) -> str:
    from matchmaker.gaps.clusters import find_gaps
    from matchmaker.inputs import RunInputs
    from matchmaker.render.gaps import render_json
    from matchmaker.scoring.engine import score

    assert isinstance(inputs, RunInputs) and inputs.catalog and inputs.profile
    scores = score(inputs.catalog, inputs.records(), inputs.profile)
    return render_json(find_gaps(scores, inputs.catalog, inputs.input_hashes()))


def timed(work: Callable[[object], str], inputs: object) -> tuple[float, str]:
    started = time.perf_counter()
    text = work(inputs)
    return time.perf_counter() - started, text


def main() -> None:
    import json

    from matchmaker.inputs import load_run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000x1000,10000x20")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for size in args.sizes.split(","):
        demands, projects = parse_size(size)
        folder = ensure_data(demands, projects, args.seed)
        started = time.perf_counter()
        inputs = load_run([folder / "proposals"], folder / "catalog", None, TODAY)
        load = time.perf_counter() - started
        times: dict[str, list[float]] = {"rank": [], "gaps": []}
        found = ""
        for _ in range(args.runs):
            times["rank"].append(timed(run_rank, inputs)[0])
            seconds, found = timed(run_gaps, inputs)
            times["gaps"].append(seconds)
        summary = json.loads(found)
        rank, gaps = (statistics.median(times[n]) for n in ("rank", "gaps"))
        print(
            f"{demands} x {projects}: load {load:.1f} s; rank {rank:.1f} s "
            f"({' '.join(f'{t:.1f}' for t in times['rank'])}), gaps {gaps:.1f} s "
            f"({' '.join(f'{t:.1f}' for t in times['gaps'])}); gaps/rank {gaps / rank:.2f} "
            f"(with loading {(load + gaps) / (load + rank):.2f}); {summary['unmet']} unmet and "
            f"{summary['weak']} weak of {summary['demands']} demands in "
            f"{len(summary['clusters'])} clusters",
            flush=True,
        )


if __name__ == "__main__":
    main()
