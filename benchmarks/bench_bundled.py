"""Wall times of `rank`, `sensitivity` and `allocate` on the bundled data, against the
start-up floor (`python -c "import typer, rich"`) timed in the same run.

Each command runs in a fresh process (start-up and imports included) with a warm cache
(one warm-up run first): once as asked again (the answer the warm-up kept is given
again, answers.py) and once rescored (that answer removed before each run: loading from
the cache, scoring and writing, as after any change of option), interleaved with the
floors so that the noise of a shared machine falls on all of them; prints medians and
the ratio to the floor's median, and the child's processor time (user + system), which
moves less than wall time when other jobs share the machine. A second floor, `import
typer, rich, numpy, highspy`, is what `allocate` cannot go under: it solves with HiGHS
through highspy (through scipy.optimize before, whose import alone cost ~0.56 s). The
load average is printed at the start and at the end.

`--before DIR` runs the same commands from another source tree too (for instance
`mkdir /tmp/before && git archive REV | tar -x -C /tmp/before`), interleaved with these,
for a before/after in one run; each tree has its own cache folder.

Python compiles the modules once into a temporary folder (PYTHONPYCACHEPREFIX), as an
installed package has its bytecode: with PYTHONDONTWRITEBYTECODE set, as on the
development machine, every run would compile matchmaker's sources again (~0.1 s).

    python benchmarks/bench_bundled.py [--runs 9] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {
    "floor": [sys.executable, "-c", "import typer, rich"],
    "floor+highspy": [sys.executable, "-c", "import typer, rich, numpy, highspy"],
}
COMMANDS = ("rank", "sensitivity", "allocate")


def _timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and processor seconds of one run of `command` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another source tree to time alongside")
    args = parser.parse_args()
    trees = {"": ROOT} if args.before is None else {"before ": args.before, "after ": ROOT}
    print(f"load average at the start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as caches, tempfile.TemporaryDirectory() as bytecode:
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base |= {"PYTHONPYCACHEPREFIX": bytecode}
        runs: dict[str, tuple[list[str], dict[str, str], Path]] = {
            name: (command, base, ROOT) for name, command in FLOORS.items()
        }
        for number, (label, tree) in enumerate(trees.items()):
            for kind in ("", " rescored"):
                # each tree and kind its own cache folder: none prunes nor reads another's
                cache = str(Path(caches) / f"{number}{kind.strip()}")
                env = {**base, "PYTHONPATH": str(tree.resolve()), "MATCHMAKER_CACHE_DIR": cache}
                for name in COMMANDS:
                    command = [sys.executable, "-m", "matchmaker", name, "--today", "2026-11-28"]
                    runs[label + name + kind] = (command, env, tree)
        for command, env, cwd in runs.values():  # warm-up: bytecode, page cache, the cache
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=cwd)
        walls: dict[str, list[float]] = {name: [] for name in runs}
        cpus: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.runs):
            for name, (command, env, cwd) in runs.items():
                if name.endswith(" rescored"):  # the kept answers go: the work is done again
                    shutil.rmtree(Path(env["MATCHMAKER_CACHE_DIR"]) / "answers", True)
                wall, cpu = _timed(command, env, cwd)
                walls[name].append(wall)
                cpus[name].append(cpu)
    floor = statistics.median(walls["floor"])
    floor_cpu = statistics.median(cpus["floor"])
    for name in runs:
        median, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(
            f"{name:28} median {median:.2f} s  min {min(walls[name]):.2f} s  "
            f"{median / floor:.1f}x floor  processor {cpu:.2f} s ({cpu / floor_cpu:.1f}x)  "
            f"(runs {' '.join(f'{t:.2f}' for t in walls[name])})"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
