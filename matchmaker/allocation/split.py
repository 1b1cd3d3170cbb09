"""Run one function over every item of a list in several forked processes at once, for
the machine's other cores (decompose.py prices its regions so: each region's pricing is
independent of the others', and a round prices hundreds of them at a few milliseconds
each, a handful of them at a second).

The items are shared out as the processes go: the position of every item is written
into a pipe before the children are forked, and each process (this one too) reads the
next position when it is free. A few slow items then do not leave one process working
while the others wait (measured on the 2,000 × 200 benchmark's first round: every other
region to each of two processes gave them 0.6 s and 1.9 s). The results come back in the
items' order, so what the caller does with them is the same however many processes ran.
A child whose parent has gone (stopped at a deadline by stoppable.py) is told so by
`orphaned` and stops taking items: nobody will read its results. What a child took and
never sent back (it was killed, or ran out of memory) is done again here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import warnings
from collections.abc import Callable, Sequence
from typing import Any

# Positions are read from the pipe 4 bytes at a time: a read that small is atomic, so two
# processes never take the same position.
_POSITION = struct.Struct("<i")
# What a pipe holds before a write blocks (Linux: 64 KiB); the positions are written
# before any process reads them, so no more than this many are written (items beyond go
# out in consecutive runs).
_PIPE_BYTES = 65_536


def workers() -> int:
    """The processes worth running at once here: the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return max(os.cpu_count() or 1, 1)


def _never() -> bool:
    return False


def map_shared(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    processes: int,
    orphaned: Callable[[], bool] = _never,
) -> list[Any]:
    """`[function(item) for item in items]`, computed by up to `processes` processes
    (this one and forked children) taking items as they are free. With one process, or
    where processes cannot be forked, every item runs here. An error in a child is
    raised here as if the call had been local."""
    processes = max(1, min(processes, len(items)))
    if processes == 1 or not hasattr(os, "fork"):
        return [function(item) for item in items]
    runs = max(1, -(-len(items) * _POSITION.size // _PIPE_BYTES))  # items per position
    tasks, feed = os.pipe()
    with os.fdopen(feed, "wb") as pipe:
        for start in range(0, len(items), runs):
            pipe.write(_POSITION.pack(start))
    parent = os.getpid()
    children: list[tuple[int, int]] = []
    try:
        for _ in range(processes - 1):
            read, write = os.pipe()
            with warnings.catch_warnings():
                # Python warns that forking a threaded process may deadlock (HiGHS keeps
                # worker threads): the child only runs `function`, with numpy, and exits.
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
            if pid == 0:  # the child
                os.close(read)
                _child(write, tasks, function, items, runs, lambda: os.getppid() != parent)
            os.close(write)
            children.append((pid, read))
        done = dict(_take(tasks, function, items, runs, orphaned))
        for _, read in children:
            with os.fdopen(read, "rb") as pipe:
                try:
                    status, value = pickle.load(pipe)
                except (EOFError, pickle.UnpicklingError):
                    continue  # the child died (killed, out of memory): see below
            if status == "error":
                raise value
            done.update(value)
        # What a child took and never sent back is done here.
        for k in range(len(items)):
            if k not in done:
                done[k] = function(items[k])
    finally:
        os.close(tasks)
        for pid, _ in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)  # already gone unless something failed
            os.waitpid(pid, 0)
    return [done[k] for k in range(len(items))]


def _take(
    tasks: int,
    function: Callable[[Any], Any],
    items: Sequence[Any],
    runs: int,
    orphaned: Callable[[], bool],
) -> list[tuple[int, Any]]:
    """(position, result) of every item this process takes, until none is left."""
    done: list[tuple[int, Any]] = []
    while not orphaned():
        position = os.read(tasks, _POSITION.size)
        if not position:
            break
        (start,) = _POSITION.unpack(position)
        done += [(k, function(items[k])) for k in range(start, min(start + runs, len(items)))]
    return done


def _child(
    write: int,
    tasks: int,
    function: Callable[[Any], Any],
    items: Sequence[Any],
    runs: int,
    orphaned: Callable[[], bool],
) -> None:
    outcome: tuple[str, Any]
    try:
        outcome = ("ok", _take(tasks, function, items, runs, orphaned))
    except BaseException as error:  # the parent raises it as if the call were local
        outcome = ("error", error)
    try:
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(outcome, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        # No atexit handlers or buffered output of the parent's copy (pytest, typer).
        os._exit(0)
