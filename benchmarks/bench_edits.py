#!/usr/bin/env python3
"""`matchmaker rank` after a small change to a warm run's files: what a planner reruns.

    python benchmarks/bench_edits.py                        # 10000x1000, one series
    python benchmarks/bench_edits.py --sizes 10000x1000 --runs 3
    python benchmarks/bench_edits.py --before /tmp/before   # and another source tree's

On a copy of the generated data (benchmarks/out/, as bench_cli.py), each series runs
`matchmaker rank --top 3 --format json` in a fresh process: cold (an empty cache folder),
warm (the cache it left), then after each change, once as changed and once again warm:

  edited   one demand's description in one proposal file reworded;
  added    one proposal file added (another file's proposal under new ids);
  removed  that file removed again.

It prints each run's wall time and peak memory, medians over `--runs` series, and checks
that every tree's output is the same bytes for the same files. Run on demand, never in CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from bench_cli import run_cli, summary  # noqa: E402
from bench_rank import ensure_data  # noqa: E402

STEPS = ("cold", "warm", "edited", "edited, warm", "added", "added, warm", "removed")


def first_file(proposals: Path) -> Path:
    return min(proposals.rglob("*.yaml"))


def edit(proposals: Path) -> None:
    """Reword the first demand's description of the first file (one word more)."""
    path = first_file(proposals)
    text = path.read_text(encoding="utf-8")
    marker = "description: >-\n"
    at = text.index(marker) + len(marker)
    line_end = text.index("\n", at)
    path.write_text(text[:line_end] + " Again." + text[line_end:], encoding="utf-8")


def added_path(proposals: Path) -> Path:
    return first_file(proposals).with_name("zz-added-by-bench.yaml")


def add(proposals: Path) -> None:
    """The first file's proposal again under new ids, each description one word longer
    (a new demand, not a repeat of one)."""
    source = first_file(proposals)
    lines: list[str] = []
    for line in source.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.lstrip()
        if stripped.startswith(("id: ", "- id: ")):
            line = line.rstrip("\n") + "-added\n"
        elif lines and lines[-1].rstrip().endswith("description: >-"):
            line = line.rstrip("\n") + " Also.\n"
        lines.append(line)
    added_path(proposals).write_text("".join(lines), encoding="utf-8")


def remove(proposals: Path) -> None:
    added_path(proposals).unlink()


def series(trees: list[Path], source: Path, work: Path) -> dict[str, list[tuple[float, float]]]:
    """One series per tree, the trees' runs interleaved step by step."""
    found: dict[str, list[tuple[float, float]]] = {}
    datas, caches = [], []
    for index, _ in enumerate(trees):
        data = work / f"data-{index}"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(source, data)
        cache = work / f"cache-{index}"
        shutil.rmtree(cache, ignore_errors=True)
        datas.append(data)
        caches.append(cache)
    changes = {"edited": edit, "added": add, "removed": remove}
    for step in STEPS:
        outputs = []
        for index, tree in enumerate(trees):
            change = changes.get(step)
            if change is not None:
                change(datas[index] / "proposals")
            output = work / f"out-{index}.json"
            found.setdefault(f"{index}:{step}", []).append(
                run_cli(datas[index], caches[index], output, tree)
            )
            # the same files in every tree's copy: the same bytes but for the folder names
            outputs.append(output.read_text(encoding="utf-8").replace(f"data-{index}", "data"))
        if len(set(outputs)) != 1:
            raise SystemExit(f"the trees' outputs differ after '{step}'")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000x1000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--before", type=Path, help="another source tree, run interleaved")
    args = parser.parse_args()
    trees = [ROOT, *([args.before.resolve()] if args.before else [])]
    for size in args.sizes.split(","):
        demands, projects = (int(x) for x in size.lower().split("x"))
        source = ensure_data(demands, projects, args.seed)
        totals: dict[str, list[tuple[float, float]]] = {}
        with tempfile.TemporaryDirectory() as work:
            for _ in range(args.runs):
                for key, runs in series(trees, source, Path(work)).items():
                    totals.setdefault(key, []).extend(runs)
        print(f"{size}, load average {os.getloadavg()[0]:.2f} at the end", flush=True)
        for index, tree in enumerate(trees):
            print(f"  {'this tree' if index == 0 else tree}:")
            for step in STEPS:
                print(f"    {step:<13} {summary(totals[f'{index}:{step}'])}", flush=True)


if __name__ == "__main__":
    main()
