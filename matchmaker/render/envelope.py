"""The one envelope every JSON document matchmaker writes is wrapped in.

Each document says which format it is (`version`), which tool and version wrote it
(`tool`), and the SHA-256 of every file it read (`inputs`), so a figure quoted in a memo can
be traced to exactly what produced it and `diff` can name changed inputs as a cause. There
is no timestamp: the same inputs give byte-identical output. The JSON is strict RFC 8259:
a number that is not finite (a gap with no known bound) is written as null, never as
`Infinity` or `NaN`, which JSON readers reject.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from matchmaker import __version__

FORMAT_VERSION = 1


def envelope(inputs: Mapping[str, str], body: Mapping[str, Any]) -> dict[str, Any]:
    """`version`, `tool` and `inputs` (file → SHA-256, sorted), then the body's fields."""
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "matchmaker", "version": __version__},
        "inputs": dict(sorted(inputs.items())),
        **body,
    }


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def to_json(document: Mapping[str, Any]) -> str:
    """Indented, UTF-8 as written (Hangul stays readable), strict, newline-terminated."""
    return json.dumps(_finite(dict(document)), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
