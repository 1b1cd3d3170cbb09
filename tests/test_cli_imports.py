"""Each command imports only the heavy modules it needs (as `--help` imports none).

scipy.stats cost `sensitivity` and `compare` 0.6 s for Kendall's tau, scipy.sparse cost
`rank` 0.14 s for one small product; both are now numpy. `allocate` solves through
`highspy` (0.015 s) where scipy.optimize cost it 0.56 s. A command that starts importing
one of these again fails here, not in a benchmark nobody reran.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HEAVY = (
    "scipy",
    "scipy.stats",
    "scipy.sparse",
    "scipy.optimize",
    "highspy",
    "openpyxl",
    "jinja2",
)
PAIR = ["2026-wanju/public-meals-second-gu", "urban-rural-public-meals"]
PROFILES = ["examples/profiles/default.yaml", "examples/profiles/long-term-first.yaml"]
CODE = (
    "import sys\nfrom matchmaker.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
)


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`code` run by a fresh interpreter from the checkout, with only `env`."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO, env=env
    )


def _heavy(args: list[str], tmp_path: Path, watched: tuple[str, ...] = HEAVY) -> set[str]:
    """Which of the `watched` modules a command imports (its cache under tmp_path)."""
    code = CODE if watched == HEAVY else CODE.replace(repr(HEAVY), repr(watched))
    result = subprocess.run(
        [sys.executable, "-c", code, *args, "--today", "2026-11-28"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={"MATCHMAKER_LANG": "en", "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(tmp_path)},
    )
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("HEAVY:"), result.stderr
    return {name for name in line.removeprefix("HEAVY:").split(",") if name}


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["rank"], set()),
        (["rank", "--format", "json"], set()),
        (["explain", *PAIR], set()),
        (["sensitivity", "--draws", "50"], set()),
        (["compare", *PROFILES], set()),
        (["validate"], set()),
        (["check"], set()),
        (["allocate"], {"highspy"}),
    ],
    ids=["rank", "rank-json", "explain", "sensitivity", "compare", "validate", "check", "allocate"],
)
def test_a_command_imports_only_what_it_needs(
    args: list[str], allowed: set[str], tmp_path: Path
) -> None:
    assert _heavy(args, tmp_path) == allowed


def test_the_html_report_does_not_import_openpyxl_nor_the_xlsx_one_jinja2(tmp_path: Path) -> None:
    html = _heavy(["report", "--draws", "20", "-o", str(tmp_path / "r.html")], tmp_path)
    xlsx = _heavy(["report", "--draws", "20", "-o", str(tmp_path / "r.xlsx")], tmp_path)
    assert "jinja2" in html and "openpyxl" not in html and "scipy.stats" not in html
    assert "openpyxl" in xlsx and "jinja2" not in xlsx and "scipy.stats" not in xlsx


def test_document_models_build_their_validators_only_when_first_used() -> None:
    # With a warm cache the documents are unpickled, never validated: building every
    # model's validator at import was most of the models' start-up. The first
    # validation still builds it, with the same strictness.
    code = (
        "from matchmaker.models import Proposal, Project\n"
        "print(Proposal.__pydantic_complete__, Project.__pydantic_complete__)\n"
        "try:\n    Project.model_validate({'kind': 'project', 'id': 'X'})\n"
        "except Exception as error:\n    print(type(error).__name__)\n"
        "print(Project.__pydantic_complete__)\n"
    )
    result = _python(code, {"PYTHONPATH": str(REPO)})
    assert result.stdout.split() == ["False", "False", "ValidationError", "True"], result.stderr


WARM_UNNEEDED = (
    "yaml",
    "matchmaker.loading.yaml_reader",
    "matchmaker.text.korean_reader",
    "matchmaker.text.english_reader",
    "rich.console",
    "rich.table",
    "matchmaker.text.contrast",
    "matchmaker.loading.schema_errors",
)


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["rank"], set()),
        (["sensitivity", "--draws", "50"], set()),
        (["allocate"], set()),
    ],
    ids=["rank", "sensitivity", "allocate"],
)
def test_a_warm_run_parses_no_yaml_builds_no_text_reader_and_skips_rich_rendering(
    args: list[str], allowed: set[str], tmp_path: Path
) -> None:
    # With every document and demand reading in the cache, nothing is parsed or read:
    # PyYAML and the theme vocabulary's readers stay unimported, and the tables are laid
    # out without rich's console (render/plain_table.py).
    code = CODE.replace(repr(HEAVY), repr(WARM_UNNEEDED))
    env = {"MATCHMAKER_LANG": "en", "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-c", code, *args, "--today", "2026-11-28"]
    cold = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO, env=env)
    assert "yaml" in cold.stderr.strip().splitlines()[-1]  # the first run did parse
    warm = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO, env=env)
    line = warm.stderr.strip().splitlines()[-1]
    assert line.startswith("HEAVY:"), warm.stderr
    assert {name for name in line.removeprefix("HEAVY:").split(",") if name} == allowed


def test_a_warm_rank_imports_neither_the_fuzzy_matcher_nor_the_check_rules(
    tmp_path: Path,
) -> None:
    """With the documents, their findings and the repeats from the cache, nothing needs
    a "did you mean" (rapidfuzz, ~60 ms to import) nor the rules (~35 ms): a cold run
    imports them, a warm one does not."""
    watched = ("rapidfuzz", "matchmaker.checks")
    args = ["rank", "--format", "json"]
    seen = [_heavy(args, tmp_path, watched) for _ in range(2)]  # cold, then warm
    assert seen == [{"rapidfuzz", "matchmaker.checks"}, set()]


METADATA = {"importlib.metadata"}
WARM_ADAPTERS = (
    "typer._adapters",
    "pydantic.plugin._loader",
    "importlib.metadata",
    "matchmaker.cli.explain",
    "matchmaker.cli.report_cmd",
    "matchmaker.cli.portfolio",
    "matchmaker.records",  # allocate's --history only
    "multiprocessing",  # allocate's --time-limit only
    "numpy.ma",  # numpy's unique and median import it: no command's default run calls them
)


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["rank", "--format", "json", "--by", "project"], set()),
        (["sensitivity", "--format", "json"], set()),
        (["allocate"], {"matchmaker.cli.portfolio"}),
        # a number typed in is Typer's to check: its adapter, and pydantic's plugin loader
        (["rank", "--top", "2"], {"typer._adapters", "pydantic.plugin._loader", *METADATA}),
    ],
    ids=["rank", "sensitivity", "allocate", "rank-top"],
)
def test_a_warm_run_builds_no_pydantic_adapter_and_imports_only_its_own_command(
    args: list[str], allowed: set[str], tmp_path: Path
) -> None:
    """A warm run validates nothing: Typer's per-parameter adapters are built only for a
    value that needs one (cli/coercion.py: a choice or text typed in does not), no model
    builds its validator or serializer (pydantic's plugin loader with importlib.metadata, ~20 ms),
    a run of one command imports that command's module, not all nineteen, and nothing
    only an option not given needs (the records for --history, multiprocessing for
    --time-limit), nor numpy.ma (numpy's unique and median)."""
    seen = [_heavy(args, tmp_path, WARM_ADAPTERS) for _ in range(2)]  # cold, then warm
    assert "pydantic.plugin._loader" in seen[0]  # the cold run did validate
    assert seen[1] == allowed


def test_the_command_line_starts_numpy_with_one_blas_thread_unless_told_otherwise(
    tmp_path: Path,
) -> None:
    """OpenBLAS's thread pool, started as numpy is imported, cost a warm bundled `rank`
    30-50 ms; the command line asks for one thread, and a user's own setting stands."""
    code = (
        "import os\nfrom matchmaker.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(os.environ.get('OPENBLAS_NUM_THREADS'))\n"
    )
    env = {"PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(tmp_path)}
    seen = []
    for extra in ({}, {"OPENBLAS_NUM_THREADS": "4"}):
        seen.append(_python(code, env | extra).stdout.split()[-1])
    assert seen == ["1", "4"]


@pytest.mark.parametrize("args", [["rank"], ["sensitivity"], ["allocate"]])
def test_a_command_asked_again_imports_neither_the_models_nor_numpy(
    args: list[str], tmp_path: Path
) -> None:
    # The kept answer is given without loading: the ~0.3 s of pydantic, the models, numpy
    # and the scoring that a bundled `rank` spent importing are not spent. (A number typed
    # on the command line, such as `--draws 50`, is still read by Typer through pydantic.)
    watched = ("pydantic", "numpy", "matchmaker.models", "matchmaker.scoring", "highspy")
    first = _heavy(args, tmp_path, watched)  # the first run loads
    assert {"pydantic", "numpy", "matchmaker.models", "matchmaker.scoring"} <= first
    assert _heavy(args, tmp_path, watched) == set()


def test_paths_typed_in_are_read_without_pydantic(tmp_path: Path) -> None:
    # Typer reads a path through pydantic's TypeAdapter (~0.15 s of an answer given
    # again); cli/coercion.py checks it with Typer's own path function instead.
    args = ["rank", "examples/proposals", "--catalog", "catalog", "-o", str(tmp_path / "r.txt")]
    assert "pydantic" in _heavy(args, tmp_path, ("pydantic",))  # the first run loads
    assert _heavy(args, tmp_path, ("pydantic",)) == set()
