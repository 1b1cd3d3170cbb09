"""Pause the cyclic garbage collector while documents are loaded.

Loading allocates many objects that all stay alive (models, positions, text); the
collector kept re-scanning them as they grew: ~7 % of a 100,000-demand run. Nothing
loaded forms cycles that need collecting before the run ends, so the collector is off
while loading and back on (if it was on) afterwards, exceptions included.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused(*, keep: bool = False) -> Iterator[None]:
    """`keep`: what was allocated meanwhile lives until the process ends (a command's
    run), so it is moved out of the collector's sight (`gc.freeze`) before it is back on:
    its first pass would otherwise go over all of it (~0.1 s after a warm 10,000-demand
    `rank`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if was_enabled:
            gc.enable()
