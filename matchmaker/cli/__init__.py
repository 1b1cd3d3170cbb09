"""The command line: a thin shell over the library, with one error boundary."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

ISSUES_URL = "https://github.com/matchmaker-kr/matchmaker/issues"
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in matchmaker, not in the user's input


# The cyclic collector's first threshold (CPython: 700 allocations): a run allocates
# millions of objects that nearly all stay alive or die by reference counting, and
# collecting every 700 cost a warm `rank` on the bundled data ~50 ms of ~0.6 s (~30 ms
# like this). Cycles are still collected, only less often.
GC_THRESHOLDS = (20_000, 20, 20)

# numpy's OpenBLAS starts a pool of worker threads as numpy is imported: ~50 ms of
# processor time on the other core of a 2-core machine, and 30-50 ms of wall time on a
# warm `rank` of the bundled data (measured under load). A run's products are small, a
# chunk at a time (at most 256 demands × the catalog): the 10,000 × 1,000 `rank` wrote
# the same bytes in the same time with one thread (docs/speed.md, the eighth round).
# Only the command line sets it, only before numpy is imported, and a user's own
# setting stands.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}

# The root options that take no value: what may stand before a command's name.
_ROOT_FLAGS = frozenset({"--debug", "--no-cache"})


def _command(args: Sequence[str]) -> str | None:
    """The command a run names, when it is one of the single commands (not `new` or
    `record`, not a typo, not after --help or --version); else None: the whole app."""
    from matchmaker.cli.app import SINGLE

    for arg in args:
        if arg not in _ROOT_FLAGS:
            return arg if arg in SINGLE else None
    return None


def main(argv: Sequence[str] | None = None) -> None:
    """Run a command; bad input exits 1, usage errors 2, and our own bugs 70.

    A traceback is shown only with --debug: a regional official who mistyped a file
    should see what to fix, never the inside of the program.
    """
    gc.set_threshold(*GC_THRESHOLDS)
    for name, value in BLAS_THREADS.items():  # before numpy is first imported
        os.environ.setdefault(name, value)
    try:
        _main(argv)
    finally:
        if argv is not None:
            # Called from Python (tests, a notebook) rather than as the process: what a
            # command froze for the rest of its process (`gc_paused(keep=True)`) is
            # handed back to the collector, as the caller goes on.
            gc.unfreeze()


def _main(argv: Sequence[str] | None) -> None:
    from matchmaker.cli.app import build

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    command = _command(args)
    try:
        application = build(only=command)
        code = application(args=args, prog_name="matchmaker", standalone_mode=False)
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0  # `matchmaker rank | head` is fine
    except Exception as error:
        # Typer vendors its own copy of Click, so its exceptions are recognised by shape:
        # a usage error knows how to show itself and which status it exits with.
        exit_code = getattr(error, "exit_code", None)
        show = getattr(error, "show", None)
        if callable(show) and isinstance(exit_code, int):
            show()
            sys.exit(exit_code)
        if type(error).__name__ == "Abort":
            sys.exit(130)
        if debug:
            raise
        name = type(error).__name__
        print(
            f"matchmaker: internal error ({name}: {str(error)[:200]}). This is a bug in "
            f"matchmaker, not in your files; please report it at {ISSUES_URL} with the "
            "output of the same command run with --debug.",
            file=sys.stderr,
        )
        code = EXIT_INTERNAL
    sys.exit(code if isinstance(code, int) else 0)
