from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matchmaker.cli.app import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "examples"


@dataclass
class Run:
    exit_code: int
    output: str  # what a terminal shows: stdout and stderr as they came
    stdout: str = ""
    stderr: str = ""

    def json(self) -> dict:
        return json.loads(self.stdout)


@pytest.fixture(autouse=True, scope="session")
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The content-hash cache writes under a temporary folder, never the user's own."""
    import os

    before = os.environ.get("MATCHMAKER_CACHE_DIR")
    os.environ["MATCHMAKER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("MATCHMAKER_CACHE_DIR", None)
    else:
        os.environ["MATCHMAKER_CACHE_DIR"] = before


@pytest.fixture(autouse=True)
def _cache_switched_back_on() -> object:
    """`--no-cache` switches the cache off for the rest of a process, as a command should;
    a test that runs a command in-process with it must not switch it off for the tests
    that come after."""
    from matchmaker import cache

    yield
    cache._switched_off = False


@pytest.fixture
def cli() -> object:
    """Run a matchmaker command in-process, with the same error boundary as the script."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        environment = {"MATCHMAKER_LANG": "en", "GITHUB_ACTIONS": "", **(env or {})}
        result = runner.invoke(app, list(args), env=environment, catch_exceptions=False)
        return Run(result.exit_code, result.output, result.stdout, result.stderr)

    return run


@pytest.fixture
def own_cache(monkeypatch, tmp_path: Path) -> Path:
    """A cache folder of the test's own: what it keeps no other test sees."""
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def calls_counted(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple]:
    """`owner.name` called as before, each call's arguments added to the list returned."""
    counted: list[tuple] = []
    original = getattr(owner, name)

    def counting(*args: object, **kwargs: object) -> object:
        counted.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return counted


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Each run that loads its inputs (rather than giving a kept answer) adds one."""
    from matchmaker import inputs

    return calls_counted(monkeypatch, inputs, "load_run")
