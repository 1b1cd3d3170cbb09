"""Writing record files as YAML the loader reads back exactly.

Text is written as a JSON string (a valid YAML double-quoted scalar), so no value, Korean
or hostile, can change the document's structure; numbers are written as plain decimals.
"""

from __future__ import annotations

import json


def scalar(value: str | int | float | bool | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Plain decimal, never 1e+20 (which the loader keeps as text).
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text if text not in ("", "-0") else "0"
    return json.dumps(value, ensure_ascii=False)


def flow(items: dict[str, str | int | float | bool | None]) -> str:
    """`{key: value, …}` on one line, leaving out the keys whose value is None."""
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in items.items() if v is not None) + "}"
