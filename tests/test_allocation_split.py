"""split.py: one function over a list's items in several forked processes gives what it
gives in one, in the items' order; an error in any process is raised to the caller."""

from __future__ import annotations

import os
import time

import pytest

from matchmaker.allocation import split
from matchmaker.allocation.split import map_shared

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="processes cannot be forked here")


def _square(x: int) -> int:
    return x * x


@needs_fork
@pytest.mark.parametrize("processes", [1, 2, 3])
@pytest.mark.parametrize("count", [0, 1, 2, 7, 100])
def test_the_results_come_back_in_the_items_order(processes: int, count: int) -> None:
    items = list(range(count))
    assert map_shared(_square, items, processes) == [x * x for x in items]


@needs_fork
def test_more_items_than_the_pipe_holds_go_out_in_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for 3 positions, 10 items go out as runs of 4 (positions 0, 4 and 8)."""
    monkeypatch.setattr(split, "_PIPE_BYTES", 3 * split._POSITION.size)
    items = list(range(10))
    assert map_shared(_square, items, 2) == [x * x for x in items]


@needs_fork
def test_work_goes_to_more_than_one_process() -> None:
    """Each item says which process computed it: with two processes and items that take
    a while (a second in all), both take some (the parent cannot take every item before
    the child starts)."""

    def where(x: int) -> int:
        time.sleep(0.05)
        return os.getpid()

    pids = map_shared(where, list(range(20)), 2)
    assert len(set(pids)) == 2
    assert os.getpid() in pids


@needs_fork
@pytest.mark.parametrize("bad", [0, 1, 9])
def test_an_error_in_any_process_is_raised_here(bad: int) -> None:
    def fail_at(x: int) -> int:
        if x == bad:
            raise ValueError(f"item {x}")
        return x

    with pytest.raises(ValueError, match=f"item {bad}"):
        map_shared(fail_at, list(range(10)), 2)


def test_an_orphaned_process_takes_no_more_items() -> None:
    """A process whose parent has gone stops before its next item."""
    read, write = os.pipe()
    os.write(write, split._POSITION.pack(0))
    os.close(write)
    try:
        assert split._take(read, _square, [3], 1, lambda: True) == []
    finally:
        os.close(read)


@needs_fork
def test_the_items_of_a_child_that_dies_are_done_here() -> None:
    """A child killed in the middle (here: it ends itself at item 3) sends nothing back;
    every item it took is computed again in the parent, so every result is there."""
    parent = os.getpid()

    def fragile(x: int) -> int:
        if x == 3 and os.getpid() != parent:
            os._exit(1)
        return x * x

    assert map_shared(fragile, list(range(10)), 2) == [x * x for x in range(10)]
