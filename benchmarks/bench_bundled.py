"""Wall times of `rank`, `sensitivity` and `allocate` on the bundled data, against the
start-up floor (`python -c "import typer, rich"`) timed in the same run.

Each command runs in a fresh process (start-up and imports included) with a warm cache
(one warm-up run first), interleaved with the floors so that the noise of a shared machine
falls on all of them; prints medians and the ratio to the floor's median. A second floor,
`import typer, rich, scipy.optimize`, is what `allocate` cannot go under: it solves with
HiGHS through scipy.optimize, whose import alone costs about half a second.

Python compiles the modules once into a temporary folder (PYTHONPYCACHEPREFIX), as an
installed package has its bytecode: with PYTHONDONTWRITEBYTECODE set, as on the
development machine, every run would compile matchmaker's sources again (~0.1 s).

    python benchmarks/bench_bundled.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "floor": [sys.executable, "-c", "import typer, rich"],
    "floor+scipy": [sys.executable, "-c", "import typer, rich, scipy.optimize"],
    "rank": [sys.executable, "-m", "matchmaker", "rank"],
    "sensitivity": [sys.executable, "-m", "matchmaker", "sensitivity"],
    "allocate": [sys.executable, "-m", "matchmaker", "allocate"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as bytecode:
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPATH": str(ROOT),
            "MATCHMAKER_CACHE_DIR": cache,
            "PYTHONPYCACHEPREFIX": bytecode,
        }
        commands = {
            name: command if name.startswith("floor") else [*command, "--today", "2026-11-28"]
            for name, command in COMMANDS.items()
        }
        for command in commands.values():  # warm-up: bytecode, page cache, the cache
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
                times[name].append(time.perf_counter() - start)
    floor = statistics.median(times["floor"])
    for name, found in times.items():
        median = statistics.median(found)
        print(
            f"{name:12} median {median:.2f} s  min {min(found):.2f} s  "
            f"{median / floor:.1f}x floor  (runs {' '.join(f'{t:.2f}' for t in found)})"
        )


if __name__ == "__main__":
    main()
