"""The bundled examples' outputs are saved byte for byte (tests/golden/) and must not drift.

Every speed-up (streamed scoring, caching, lazy imports, vectorised allocation) promises
the same bytes as before, so this is the check that it did. A deliberate output change
(a new field, a scoring issue) regenerates the files and shows up in the diff:

    PYTHONPATH=$PWD python tools/regenerate_golden.py        # rewrite tests/golden/
    PYTHONPATH=$PWD python tools/regenerate_golden.py --check # exit 1 on any difference
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matchmaker.cli.app import app

GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = "2026-11-28"
PAIR = ("2026-wanju/public-meals-second-gu", "urban-rural-public-meals")
PROFILES = ("examples/profiles/default.yaml", "examples/profiles/long-term-first.yaml")


@dataclass(frozen=True)
class Case:
    """One command on the bundled examples; `suffix` set means it writes with --output."""

    name: str
    args: tuple[str, ...]
    suffix: str | None = None
    lang: str = "en"
    stdout_ext: str = "txt"

    @property
    def file(self) -> str:
        return f"{self.name}.{self.suffix or self.stdout_ext}"


CASES: tuple[Case, ...] = (
    Case("rank-table", ("rank",)),
    Case("rank-table-ko", ("rank",), lang="ko"),
    Case("rank-json", ("rank", "--format", "json"), "json"),
    Case("rank-csv", ("rank", "--format", "csv"), "csv"),
    Case("rank-markdown", ("rank", "--format", "markdown"), "md"),
    Case(
        "rank-by-project-all",
        ("rank", "--by", "project", "--top", "0", "--include-ineligible", "--format", "json"),
        "json",
    ),
    Case("rank-no-suitable", ("rank", "--no-suitable", "--format", "markdown"), "md"),
    Case("explain-text", ("explain", *PAIR)),
    Case("explain-json", ("explain", *PAIR, "--format", "json"), stdout_ext="json"),
    Case("allocate-table", ("allocate",)),
    Case("allocate-json", ("allocate", "--format", "json"), "json"),
    Case(
        "allocate-synergy-json",
        ("allocate", "--synergy-bonus", "5", "--budget", "3000000000", "--format", "json"),
        "json",
    ),
    Case(
        "sensitivity-json",
        ("sensitivity", "--draws", "200", "--seed", "7", "--format", "json"),
        stdout_ext="json",
    ),
    Case("sensitivity-table", ("sensitivity", "--draws", "200", "--seed", "7")),
    Case("compare-json", ("compare", *PROFILES, "--format", "json"), stdout_ext="json"),
    Case("report-html", ("report", "--draws", "100", "--seed", "1"), "html"),
    Case("report-xlsx", ("report", "--draws", "100", "--seed", "1"), "xlsx"),
)


def produce(case: Case, workdir: Path) -> bytes:
    """Run one case in-process from the repository root and return its output's bytes."""
    args = [*case.args, "--today", TODAY]
    target = workdir / case.file
    if case.suffix:
        args += ["--output", str(target)]
    env = {"MATCHMAKER_LANG": case.lang, "COLUMNS": "120", "GITHUB_ACTIONS": "", "NO_COLOR": "1"}
    here = Path.cwd()
    os.chdir(GOLDEN.parent.parent)  # the envelope names inputs relative to the run folder
    try:
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    finally:
        os.chdir(here)
    assert result.exit_code == 0, (case.name, result.output)
    return target.read_bytes() if case.suffix else result.stdout_bytes


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_output_is_byte_identical_to_the_saved_one(case: Case, tmp_path: Path) -> None:
    saved = (GOLDEN / case.file).read_bytes()
    assert produce(case, tmp_path) == saved, (
        f"{case.file} changed; if deliberate, run tools/regenerate_golden.py and review the diff"
    )


def test_every_saved_file_has_a_case() -> None:
    assert sorted(path.name for path in GOLDEN.iterdir()) == sorted(c.file for c in CASES)
