#!/usr/bin/env python3
"""`matchmaker rank --top 3 --format json` end to end on generated data: cold and warm cache.

    python benchmarks/bench_cli.py                          # 10000x1000
    python benchmarks/bench_cli.py --sizes 10000x1000,100000x1000 --runs 3

For each size: the command in a fresh process with an empty cache folder (cold), then
again with the cache it left (warm: the answer the cold run kept is given again,
answers.py), then once more with that answer removed (rescored: documents, readings,
candidates and counts from the cache, the scoring and writing done again, as after any
change of option), `--runs` times each; wall time and the child's peak resident memory
(ru_maxrss from wait4). In the same run, two floors on the same D x P:

  kernel  a fused numpy kernel: six criteria arrays combined with weights and the top 3
          kept by argpartition, chunk by chunk (what pair scoring cannot beat);
  scoring the library's streamed scoring alone (`score_chunks` + `top_k`, documents
          already loaded and text already read: a warm cache), so its ratio to the
          kernel is the price of the real criteria; as `rank` scores (long-term value
          and synergy only where they count) and for every pair (as `explain`,
          `allocate` and `sensitivity` score).

Data come from generate.py into benchmarks/out/ (reused while version and seed match).
Run on demand, never in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

import numpy as np  # noqa: E402
from bench_rank import ensure_data  # noqa: E402

TODAY = "2026-10-01"


def run_cli(folder: Path, cache: Path, output: Path, tree: Path = ROOT) -> tuple[float, float]:
    """Seconds and peak MiB of one `matchmaker rank` process, run from the source `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree), "MATCHMAKER_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "matchmaker", "rank", str(folder / "proposals")]
    command += ["--catalog", str(folder / "catalog"), "--today", TODAY, "--top", "3"]
    command += ["--format", "json", "--output", str(output)]
    start = time.perf_counter()
    # From the checkout being measured: `python -m` puts the current folder first on the
    # path, ahead of PYTHONPATH, so run elsewhere it would measure another copy's code.
    child = subprocess.Popen(
        command, env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"rank exited {child.returncode} on {folder}")
    return seconds, usage.ru_maxrss / 1024


def summary(runs: list[tuple[float, float]]) -> str:
    """The median and every time of `run_cli`'s (seconds, peak MiB) runs, and the peak."""
    times = [seconds for seconds, _ in runs]
    return (
        f"median {statistics.median(times):.1f} s "
        f"(runs {' '.join(f'{t:.1f}' for t in times)}), "
        f"peak {max(mib for _, mib in runs):.0f} MiB"
    )


def kernel_floor(demands: int, projects: int, chunk: int = 512, k: int = 3) -> float:
    """Seconds for six weighted criteria + top-k over every pair, chunk by chunk."""
    rng = np.random.default_rng(0)
    criteria = [rng.random((chunk, projects)) for _ in range(6)]
    eligible = rng.random((chunk, projects)) < 0.9
    weights = rng.random(6)
    start = time.perf_counter()
    for first in range(0, demands, chunk):
        rows = min(chunk, demands - first)
        total = sum(w * c[:rows] for w, c in zip(weights, criteria, strict=True))
        total = np.where(eligible[:rows], total, -np.inf)
        best = np.argpartition(-total, k - 1, axis=1)[:, :k]
        np.take_along_axis(total, best, axis=1)
    return time.perf_counter() - start


def scoring_alone(folder: Path, every_pair: bool = True) -> tuple[float, int]:
    """Seconds of streamed scoring + top-k on loaded records, text already cached;
    `every_pair` False scores as `rank` does (long-term value and synergy only where
    they count), True as `explain`, `allocate` and `sensitivity` do."""
    from matchmaker.inputs import load_run
    from matchmaker.scoring.order import top_k
    from matchmaker.scoring.stream import score_chunks

    inputs = load_run(
        [folder / "proposals"], folder / "catalog", None, dt.date.fromisoformat(TODAY)
    )
    assert inputs.catalog is not None and inputs.profile is not None
    records = inputs.records()
    for _ in score_chunks(inputs.catalog, records, inputs.profile):  # fill the text cache
        pass
    start = time.perf_counter()
    for _, scores in score_chunks(inputs.catalog, records, inputs.profile, every_pair=every_pair):
        top_k(scores.total, scores.eligibility.eligible, 3)
    return time.perf_counter() - start, len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000x1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-floor", action="store_true", help="skip the in-process floors")
    args = parser.parse_args()
    for size in args.sizes.split(","):
        demands, projects = (int(x) for x in size.lower().split("x"))
        folder = ensure_data(demands, projects, args.seed)
        cold, warm, rescored = [], [], []
        with tempfile.TemporaryDirectory() as work:
            for _ in range(args.runs):
                cache = Path(work) / "cache"
                shutil.rmtree(cache, ignore_errors=True)
                cold.append(run_cli(folder, cache, Path(work) / "out.json"))
                warm.append(run_cli(folder, cache, Path(work) / "out.json"))
                shutil.rmtree(cache / "answers")
                rescored.append(run_cli(folder, cache, Path(work) / "out.json"))
        for name, found in (("cold", cold), ("warm", warm), ("rescored", rescored)):
            print(f"{size} rank {name}: {summary(found)}", flush=True)
        if args.no_floor:
            continue
        with tempfile.TemporaryDirectory() as cache:  # never the user's own cache folder
            os.environ["MATCHMAKER_CACHE_DIR"] = cache
            scored, count = scoring_alone(folder, every_pair=False)
            every, _ = scoring_alone(folder, every_pair=True)
        floor = kernel_floor(count, projects)
        for name, seconds in (("as rank scores", scored), ("every pair", every)):
            print(
                f"{size} scoring alone ({name}) {seconds:.1f} s "
                f"({count * projects / seconds:,.0f} pairs/s); "
                f"fused kernel {floor:.2f} s ({count * projects / floor:,.0f} pairs/s); "
                f"ratio {seconds / floor:.0f}x",
                flush=True,
            )


if __name__ == "__main__":
    main()
