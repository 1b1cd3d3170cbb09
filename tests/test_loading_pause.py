"""The garbage collector is paused while a run loads, and comes back as it was."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from matchmaker import inputs
from matchmaker.loading.pause import gc_paused


def test_the_collector_is_off_inside_and_back_on_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_load_run_loads_with_the_collector_off(monkeypatch) -> None:
    seen: list[bool] = []
    original = inputs.load_file

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(inputs, "load_file", spy)
    run = inputs.load_run(None, None, None, dt.date(2026, 11, 28))
    assert run.ok
    assert seen and not any(seen)
    assert gc.isenabled()


def test_what_a_command_keeps_is_moved_out_of_the_collector_s_sight() -> None:
    """`keep=True` (a command's whole run): what was allocated meanwhile is frozen before
    the collector is back on, so its first pass does not go over all of it."""

    class Kept:
        pass

    before = gc.get_freeze_count()
    try:
        with gc_paused(keep=True):
            kept = [Kept() for _ in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()  # back in the collector's sight, for the tests that follow


def test_rank_runs_with_the_collector_off_and_freezes_what_it_loaded(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """rank keeps the collector off from loading to its last write and freezes what it
    allocated before switching it back on; called from Python (argv given), `main`
    hands the frozen objects back to the collector when it returns."""
    from matchmaker.cli import main
    from matchmaker.scoring import stream

    seen: list[bool] = []
    original = stream.score_chunks

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        yield from original(*args, **kwargs)

    frozen: list[int] = []
    freeze = gc.freeze

    def counted_freeze() -> None:
        freeze()
        frozen.append(gc.get_freeze_count())

    monkeypatch.setattr(stream, "score_chunks", spy)
    monkeypatch.setattr(gc, "freeze", counted_freeze)
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "r.json"
    with pytest.raises(SystemExit) as exited:
        main(["rank", "--today", "2026-11-28", "--format", "json", "-o", str(out)])
    assert exited.value.code == 0 and out.is_file()
    assert seen == [False] and gc.isenabled()
    assert len(frozen) == 1 and frozen[0] > 0
    assert gc.get_freeze_count() == 0
