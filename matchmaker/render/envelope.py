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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring
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


def _dumps(value: Any) -> str:
    """Indented, strict JSON of one value: exactly `json.dumps(_finite(value),
    ensure_ascii=False, indent=2, allow_nan=False)`, which is what any value the fast
    encoder below does not handle (a NaN, a non-string key, an unknown type) goes to."""
    parts: list[str] = []
    try:
        _encode(value, "", parts)
    except (ValueError, TypeError, RecursionError):
        return json.dumps(_finite(value), ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(parts)


_INFINITIES = (math.inf, -math.inf)


def _encode(value: Any, indent: str, parts: list[str]) -> None:
    """The standard library's indented encoder is pure Python (its C encoder has no
    indent) and yields a piece per token; this one appends to one list and leaves the
    strings to the C escaper: 2.2x faster on rank's matches, the same text (a test
    compares them on random documents, and tests/golden/ on every command's output)."""
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        if value != value or value in _INFINITIES:
            raise ValueError("not a finite number")
        parts.append(float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = indent + "  "
        separator = "{\n" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("a key that is not a string")
            parts += (separator, encode_basestring(key), ": ")
            _encode(item, inner, parts)
            separator = ",\n" + inner
        parts.append("\n" + indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = indent + "  "
        separator = "[\n" + inner
        for item in value:
            parts.append(separator)
            _encode(item, inner, parts)
            separator = ",\n" + inner
        parts.append("\n" + indent + "]")
    else:
        raise TypeError(f"{type(value).__name__} is left to the standard encoder")


@dataclass(frozen=True, slots=True)
class Encoded:
    """An item of a streamed list already encoded: exactly what `_dumps` gives for it.
    A renderer whose items all have one shape (rank's matches) writes them with one
    template instead of walking each value (tests compare the two)."""

    text: str


def to_json(document: Mapping[str, Any]) -> str:
    """Indented, UTF-8 as written (Hangul stays readable), strict, newline-terminated."""
    return _dumps(dict(document)) + "\n"


def json_pieces(
    document: Mapping[str, Any], streamed: Iterable[tuple[str, Iterable[Any]]]
) -> Iterator[str]:
    """`to_json` of `document` followed by the `streamed` fields (name, items), written
    piece by piece: the fields first, then each list's items as they come, so a list of
    any length need not be held. The pieces join to exactly the text `to_json` gives for
    the whole document (the same indentation; every item encoded strictly on its own,
    or given `Encoded`)."""
    head = to_json(document)
    if not head.endswith("\n}\n") or not document:
        raise ValueError("json_pieces needs a document with at least one field")
    body = head[: -len("\n}\n")]
    for name, items in streamed:
        yield f"{body},\n  {json.dumps(name, ensure_ascii=False)}: ["
        separator = "\n    "
        for item in items:
            # An item's own lines, indented two levels: inside the document, inside the list.
            # Strings never hold a raw newline in JSON, so every newline is a line break.
            text = item.text if isinstance(item, Encoded) else _dumps(item)
            yield separator + text.replace("\n", "\n    ")
            separator = ",\n    "
        body = "]" if separator == "\n    " else "\n  ]"
    yield body + "\n}\n"
