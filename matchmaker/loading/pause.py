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
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
