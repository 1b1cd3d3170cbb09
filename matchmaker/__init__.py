"""matchmaker: match regions' demand proposals to Seoul's inter-regional cooperation projects.

The entry points a notebook needs (`load_run`, `score`, `rank`, `to_json`, `allocate`,
`sensitivity`, `find_gaps`, `survey`, `make_report`) live in `matchmaker.api` and are
importable from here; they load only when first used, so `matchmaker --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "InvalidInputs",
    "__version__",
    "allocate",
    "find_gaps",
    "load_run",
    "make_report",
    "rank",
    "score",
    "sensitivity",
    "survey",
    "to_json",
]
_API = frozenset(__all__) - {"__version__"}

if TYPE_CHECKING:
    from matchmaker.api import (
        InvalidInputs,
        allocate,
        find_gaps,
        load_run,
        make_report,
        rank,
        score,
        sensitivity,
        survey,
        to_json,
    )


def __getattr__(name: str) -> Any:
    if name in _API:
        from matchmaker import api

        return getattr(api, name)
    raise AttributeError(f"module 'matchmaker' has no attribute {name!r}")
