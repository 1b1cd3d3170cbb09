"""What a rule is, how rules are registered, and the context they read.

A rule is one module under matchmaker/checks/rules/, named after its code
(`unknown-theme` lives in `unknown_theme.py`), holding one function decorated with
`@rule(...)`: the code, its severity and its messages are written there and nowhere else.
The module's docstring says what the rule finds and why it matters; its first paragraph
is the code's line in docs/diagnostics.md.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from matchmaker.catalog import Catalog
from matchmaker.diagnostics import Diagnostic, Severity
from matchmaker.diagnostics.codes import CodeInfo, register_codes
from matchmaker.loading.documents import LoadedDocument
from matchmaker.loading.nodes import Path


@dataclass(slots=True)
class CheckContext:
    """Everything the rules look at. `today` is given, never read from the clock here,
    so a check is reproducible and its tests do not depend on the date."""

    catalog: Catalog
    documents: list[LoadedDocument] = field(default_factory=list)
    today: dt.date = dt.date(2026, 1, 1)

    def of_kind(self, kind: str) -> Iterator[LoadedDocument]:
        return (d for d in self.documents if d.ok and d.kind == kind)


RuleCheck = Callable[[CheckContext], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    scope: str  # "catalog": whole-catalog rules; "documents": per-file reference rules
    check: RuleCheck
    doc: str  # what the rule finds, in one sentence


RULES: dict[str, Rule] = {}


def summary(docstring: str | None) -> str:
    """A docstring's first paragraph, on one line."""
    return " ".join((docstring or "").strip().split("\n\n")[0].split())


def rule(
    code: str, *, scope: str, severity: Severity, en: str, ko: str
) -> Callable[[RuleCheck], RuleCheck]:
    """Register a rule. The first paragraph of its module's docstring documents it."""

    def register(check: RuleCheck) -> RuleCheck:
        doc = summary(sys.modules[check.__module__].__doc__)
        if not doc:
            raise ValueError(f"rule {code!r}: its module needs a docstring")
        if code in RULES:
            raise ValueError(f"rule {code!r} registered twice")
        register_codes(CodeInfo(code, severity, "check", doc, en, ko))
        RULES[code] = Rule(code, scope, check, doc)
        return check

    return register


def at(
    document: LoadedDocument,
    path: Path,
    code: str,
    params: dict[str, str] | None = None,
    hint: str | None = None,
    hint_params: dict[str, str] | None = None,
    key: bool = False,
    severity: Severity | None = None,
) -> Diagnostic:
    """A finding placed on the value (or key) at `path` in `document`."""
    sheet = None
    if document.parsed is None:
        line, column = 0, 0
    else:
        positions = document.parsed.positions
        mark = positions.of_key(path) if key else positions.of_value(path)
        line, column, sheet = mark.line, mark.column, mark.sheet
    return Diagnostic(
        document.file,
        line,
        column,
        code,
        params or {},
        hint=hint,
        hint_params=hint_params or {},
        severity=severity,
        sheet=sheet,
    )


def run_rules(
    context: CheckContext, scopes: Iterable[str] = ("catalog", "documents")
) -> list[Diagnostic]:
    wanted = set(scopes)
    found: list[Diagnostic] = []
    for code in sorted(RULES):
        current = RULES[code]
        if current.scope in wanted:
            found.extend(current.check(context))
    return found
