"""Run a solver call so that it can be stopped at a deadline.

HiGHS does not always keep its own `time_limit` (measured: 99 s for a 48 s limit while
presolving a large synergy model; HiGHS 1.16 through highspy still ended a 4,000 × 400
synergy MILP 1.7 s past a deadline it had been told 80% of). So a call that must end by
a deadline runs in a forked child process that the parent kills when the deadline
passes; HiGHS is still given a limit a little inside the deadline, so that it normally
returns its best incumbent itself and the kill is only the safety net. (highs.py resets
HiGHS's thread scheduler in the child: its worker threads are not forked.)
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable
from typing import Any

# Seconds HiGHS's own limit is set inside the deadline, so that it stops and returns its
# incumbent before the parent has to kill it.
SOLVER_MARGIN = 0.5
# Seconds the parent waits past the deadline for a result already on its way.
COLLECT_GRACE = 0.3


class Stopped(Exception):
    """The call did not finish by the deadline and was stopped; nothing it found is kept."""


def _child(connection: Any, function: Callable[..., object], args: tuple[object, ...]) -> None:
    try:
        outcome: tuple[str, object] = ("ok", function(*args))
    except BaseException as error:  # the parent re-raises it as if the call were local
        outcome = ("error", error)
    try:
        connection.send(outcome)
    finally:
        connection.close()
        # No atexit handlers or buffered output of the parent's copy (pytest, typer).
        os._exit(0)


def call_until(
    function: Callable[..., object], args: tuple[object, ...], deadline: float | None
) -> object:
    """`function(*args)`, or `Stopped` if it has not returned by `deadline`
    (time.monotonic()). Without a deadline, or where processes cannot be forked, the call
    runs here (then only the solver's own limit applies)."""
    # Imported only for a call with a deadline: a run without --time-limit never forks,
    # and multiprocessing (with socket and pickle's reducers) cost every `allocate` ~4 ms.
    import multiprocessing

    if deadline is None or "fork" not in multiprocessing.get_all_start_methods():
        return function(*args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args), daemon=True)
    with warnings.catch_warnings():
        # Python warns that forking a threaded process may deadlock: the child only runs
        # the solver (which starts its own threads) and sends its result, and is killed
        # at the deadline whatever happens, so a deadlock there cannot outlast the limit.
        warnings.simplefilter("ignore", DeprecationWarning)
        process.start()
    sender.close()
    try:
        wait = max(deadline - time.monotonic(), 0.0) + COLLECT_GRACE
        if not receiver.poll(wait):
            raise Stopped()
        try:
            status, value = receiver.recv()
        except EOFError as ended:  # the child died without an answer
            raise Stopped() from ended
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if status == "error" and isinstance(value, BaseException):
        raise value
    return value


def solver_seconds(deadline: float | None) -> float | None:
    """The time limit to give HiGHS for a call that must end by `deadline`."""
    if deadline is None:
        return None
    return max(deadline - time.monotonic() - SOLVER_MARGIN, 0.01)
