"""Wall time of `matchmaker rank` on the bundled catalog and examples, as a user runs it.

Runs the installed command in a fresh process each time (start-up and imports included),
after one warm-up run, and prints each time and the median. Issue 10's target: under
1.5 s on the 2-core development machine.

    python benchmarks/bench_bundled.py [--runs 7] [-- extra rank options]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("extra", nargs="*", help="options passed to matchmaker rank")
    args = parser.parse_args()
    command = [
        shutil.which("matchmaker") or "matchmaker",
        "rank",
        "--today",
        "2026-11-28",
        *args.extra,
    ]
    subprocess.run(command, check=True, capture_output=True)  # warm-up: caches, bytecode
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    print("runs (s):", " ".join(f"{t:.2f}" for t in times))
    print(
        f"median {statistics.median(times):.2f} s, min {min(times):.2f} s ({' '.join(command[1:])})"
    )
    sys.exit(0)


if __name__ == "__main__":
    main()
