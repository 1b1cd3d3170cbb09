"""A YAML reader that builds values from parser events, under bounds, with positions.

PyYAML's own constructors guess types (`yes` → True, `010` → 8, `2026-01-01` → date),
honour arbitrary tags and recurse once per nesting level. Here the parser's events are
consumed with an explicit stack and every value is built by hand: only `true`,
`false`, null and plain decimal numbers are typed; everything else stays text for the
model to judge. Each bound is checked as soon as the event that breaks it arrives, so a
billion-laughs file or ten thousand nested brackets are refused before they cost much.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.limits import Limits
from matchmaker.loading.nodes import Mark, ParsedDocument, Path, Positions
from matchmaker.loading.text import suspicious

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

_STR_TAG = "tag:yaml.org,2002:str"
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_NULLS = frozenset({"", "~", "null"})


class _Refused(Exception):
    """Stops reading at the first problem that makes the rest meaningless."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


@dataclass(slots=True)
class _Collection:
    value: dict[str, Any] | list[Any]
    path: Path
    mark: Mark
    anchor: str | None
    size: int = 1
    pending_key: str | None = None
    pending_key_mark: Mark | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReadResult:
    document: ParsedDocument | None
    diagnostics: tuple[Diagnostic, ...]
    anchors: tuple[tuple[Mark, str], ...] = ()


def _mark(event: Any) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


def _normalise(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


class _Reader:
    def __init__(self, text: str, file: str, limits: Limits) -> None:
        self.text = text
        self.file = file
        self.limits = limits
        self.positions = Positions()
        self.stack: list[_Collection] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.anchor_uses: list[tuple[Mark, str]] = []
        self.nodes = 0
        self.root: Any = None
        self.root_mark: Mark | None = None
        self.documents = 0

    def refuse(
        self,
        mark: Mark,
        code: str,
        params: dict[str, str] | None = None,
        hint: str | None = None,
        hint_params: dict[str, str] | None = None,
    ) -> None:
        raise _Refused(
            Diagnostic(
                self.file,
                mark.line,
                mark.column,
                code,
                params or {},
                hint=hint,
                hint_params=hint_params or {},
            )
        )

    # -- values ----------------------------------------------------------------------
    def scalar_value(self, event: Any, mark: Mark) -> Any:
        raw: str = event.value
        if len(raw) > self.limits.max_scalar_chars:
            self.refuse(
                mark,
                "scalar-too-long",
                {"length": str(len(raw)), "limit": str(self.limits.max_scalar_chars)},
                hint="split-file",
            )
        if event.tag is not None and event.tag != _STR_TAG:
            self.refuse(mark, "explicit-tag", {"tag": event.tag}, hint="remove-tag")
        plain = event.style in (None, "") and event.tag is None
        if not plain:
            self.check_characters(raw, mark)
            return _normalise(raw)
        if raw in _NULLS:
            return None
        if raw == "true":
            return True
        if raw == "false":
            return False
        if _INT.fullmatch(raw) or _FLOAT.fullmatch(raw):
            return self.number(raw, mark)
        return _normalise(raw)

    def check_characters(self, value: str, mark: Mark) -> None:
        """A quoted value's escapes can spell what the file's bytes may not (`"\\e[31m"`,
        `"\\u202e"`, `"\\u2028"`): the same character rules apply after unescaping."""
        found = suspicious(value)
        if found is not None:
            code, hint, char = found
            self.refuse(mark, code, {"char": char}, hint=hint)

    def number(self, raw: str, mark: Mark) -> int | float:
        if len(raw.lstrip("-").replace(".", "")) > self.limits.max_number_digits:
            self.refuse(mark, "number-out-of-range", {"value": raw[:20] + "…"})
        value: int | float = float(raw) if "." in raw else int(raw)
        if isinstance(value, float) and not math.isfinite(value):
            self.refuse(mark, "number-out-of-range", {"value": raw})
        return value

    def count(self, amount: int, mark: Mark) -> None:
        self.nodes += amount
        for collection in self.stack:
            collection.size += amount
        if self.nodes > self.limits.max_nodes:
            self.refuse(
                mark, "too-many-nodes", {"limit": str(self.limits.max_nodes)}, hint="split-file"
            )

    # -- structure -------------------------------------------------------------------
    def child_path(self, mark: Mark) -> Path:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        assert parent.pending_key is not None
        return (*parent.path, parent.pending_key)

    def expecting_key(self) -> bool:
        if not self.stack:
            return False
        parent = self.stack[-1]
        return isinstance(parent.value, dict) and parent.pending_key is None

    def attach(self, value: Any, mark: Mark, path: Path) -> None:
        if not self.stack:
            self.root, self.root_mark = value, mark
            return
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(value)
        else:
            assert parent.pending_key is not None
            parent.value[parent.pending_key] = value
            parent.pending_key = None
        self.positions.values.setdefault(path, mark)

    def key(self, event: Any, mark: Mark) -> None:
        parent = self.stack[-1]
        assert isinstance(parent.value, dict)
        key = self.scalar_value(event, mark)
        if key == "<<" and event.style in (None, ""):
            self.refuse(mark, "merge-key", hint="write-out-merge")
        if not isinstance(key, str):
            # `1: x` or `true: x` – keys are names, so keep the text exactly as written.
            key = event.value
        if key in parent.key_lines:
            self.refuse(
                mark,
                "duplicate-key",
                {"key": key, "first_line": str(parent.key_lines[key])},
                hint="remove-duplicate-key",
            )
        parent.key_lines[key] = mark.line
        parent.pending_key = key
        path = (*parent.path, key)
        self.positions.keys[path] = mark

    def register_anchor(self, anchor: str | None, value: Any, size: int, mark: Mark) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, size)
            self.anchor_uses.append((mark, f"&{anchor}"))

    def handle(self, event: Any) -> None:
        mark = _mark(event)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.refuse(mark, "multiple-documents", hint="one-document")
            return
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = self.stack.pop()
            self.register_anchor(done.anchor, done.value, done.size, done.mark)
            self.attach(done.value, done.mark, done.path)
            return
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if self.expecting_key():
                is_mapping = isinstance(event, yaml.MappingStartEvent)
                self.refuse(
                    mark,
                    "complex-key",
                    {
                        "found": "mapping" if is_mapping else "list",
                        "found@ko": "매핑" if is_mapping else "목록",
                    },
                )
            if event.tag is not None:
                self.refuse(mark, "explicit-tag", {"tag": event.tag}, hint="remove-tag")
            if len(self.stack) >= self.limits.max_depth:
                self.refuse(mark, "too-deep", {"limit": str(self.limits.max_depth)})
            path = self.child_path(mark)
            self.count(1, mark)
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            self.stack.append(_Collection(container, path, mark, event.anchor))
            self.positions.values.setdefault(path, mark)
            return
        if isinstance(event, yaml.AliasEvent):
            self.anchor_uses.append((mark, f"*{event.anchor}"))
            if event.anchor not in self.anchors:
                self.refuse(
                    mark, "unknown-alias", {"name": str(event.anchor)}, hint="write-out-alias"
                )
            if self.expecting_key():
                self.refuse(mark, "complex-key", {"found": "alias", "found@ko": "별칭"})
            value, size = self.anchors[str(event.anchor)]
            self.count(size, mark)
            self.attach(value, mark, self.child_path(mark))
            return
        if isinstance(event, yaml.ScalarEvent):
            self.count(1, mark)
            if self.expecting_key():
                self.key(event, mark)
                if event.anchor is not None:
                    self.anchor_uses.append((mark, f"&{event.anchor}"))
                return
            path = self.child_path(mark)
            value = self.scalar_value(event, mark)
            self.register_anchor(event.anchor, value, 1, mark)
            self.attach(value, mark, path)
            return
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover


def _syntax_diagnostic(error: yaml.YAMLError, text: str, file: str, limits: Limits) -> Diagnostic:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    if "maximum nesting depth" in str(problem):
        # libyaml's own guard (1,000 flow levels) fires before our shallower one can.
        return Diagnostic(file, line, column, "too-deep", {"limit": str(limits.max_depth)})
    context = getattr(error, "context", None)
    detail = f"{problem} ({context})" if context else str(problem)
    lines = text.splitlines()
    if not lines or text.endswith(("\n", "\r")):
        lines.append("")  # the empty line an editor shows after the final line break
    if line > len(lines):
        # libyaml places end-of-file errors on the line after the last one.
        line, column = len(lines), len(lines[-1]) + 1
    tab_before = 0 < line <= len(lines) and "\t" in lines[line - 1][: max(column, 1)]
    tab_token = "\t" in text and "cannot start any token" in str(problem)
    hint = "tab-indent" if tab_before or tab_token else None
    return Diagnostic(file, line, column, "yaml-syntax", {"detail": detail}, hint=hint)


def read_yaml(text: str, file: str, limits: Limits) -> ReadResult:
    """Parse one YAML document into plain values and positions, or diagnostics."""
    reader = _Reader(text, file, limits)
    try:
        for event in yaml.parse(text, Loader=_EventLoader):
            reader.handle(event)
    except _Refused as refused:
        return ReadResult(None, (refused.diagnostic,))
    except yaml.YAMLError as error:
        return ReadResult(None, (_syntax_diagnostic(error, text, file, limits),))
    if reader.documents == 0 or reader.root_mark is None or reader.root is None:
        return ReadResult(None, (Diagnostic(file, 1, 1, "empty-file", hint="start-with-kind"),))
    if not isinstance(reader.root, dict):
        found = "a list" if isinstance(reader.root, list) else "a single value"
        mark = reader.root_mark
        return ReadResult(
            None,
            (
                Diagnostic(
                    file,
                    mark.line,
                    mark.column,
                    "not-a-mapping",
                    {"found": found},
                    hint="start-with-kind",
                ),
            ),
        )
    reader.positions.values[()] = reader.root_mark
    document = ParsedDocument(reader.root, reader.positions, text)
    return ReadResult(document, (), tuple(reader.anchor_uses))
