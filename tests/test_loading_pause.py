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
