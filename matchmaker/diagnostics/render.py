"""Renderers: the same findings as text for people, JSON, GitHub annotations or SARIF."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from matchmaker import __version__
from matchmaker.diagnostics.codes import CODES, Language
from matchmaker.diagnostics.diagnostic import Diagnostic
from matchmaker.diagnostics.severity import Severity
from matchmaker.render.envelope import envelope, to_json

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/matchmaker-kr/matchmaker"


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    valid: int
    errors: int
    warnings: int
    inputs: Mapping[str, str] = field(default_factory=dict)  # file → SHA-256 of what was read

    @classmethod
    def of(
        cls,
        files: Sequence[str],
        diagnostics: Sequence[Diagnostic],
        inputs: Mapping[str, str] | None = None,
    ) -> Summary:
        failing = {d.file for d in diagnostics if d.level is Severity.ERROR}
        return cls(
            files=len(files),
            valid=len([f for f in files if f not in failing]),
            errors=sum(d.level is Severity.ERROR for d in diagnostics),
            warnings=sum(d.level is Severity.WARNING for d in diagnostics),
            inputs=dict(inputs or {}),
        )

    def sentence(self, language: Language) -> str:
        if language == "ko":
            return (
                f"파일 {self.files}개: 정상 {self.valid}개, 오류 {self.errors}건, "
                f"경고 {self.warnings}건"
            )
        return (
            f"{self.files} file(s): {self.valid} valid, {self.errors} error(s), "
            f"{self.warnings} warning(s)"
        )


def display_width(text: str) -> int:
    """Terminal cells: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _caret_line(source_line: str, column: int) -> str:
    prefix = source_line[: max(column - 1, 0)].expandtabs(4)
    return " " * display_width(prefix) + "^"


_SEVERITY_WORD = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"},
    "ko": {Severity.ERROR: "오류", Severity.WARNING: "경고", Severity.INFO: "참고"},
}


def render_text(
    diagnostics: Sequence[Diagnostic],
    summary: Summary,
    language: Language,
    sources: Mapping[str, str],
) -> str:
    out: list[str] = []
    line_cache: dict[str, list[str]] = {}
    for diagnostic in diagnostics:
        where = diagnostic.where
        word = _SEVERITY_WORD[language][diagnostic.level]
        out.append(f"{where}: {word}[{diagnostic.code}]: {diagnostic.message(language)}")
        text = sources.get(diagnostic.file) if diagnostic.sheet is None else None
        if text is not None and diagnostic.line > 0:
            lines = line_cache.setdefault(diagnostic.file, text.splitlines())
            if diagnostic.line <= len(lines):
                shown = lines[diagnostic.line - 1]
                gutter = f"{diagnostic.line:>5} | "
                out.append(gutter + shown.expandtabs(4)[:200])
                out.append(" " * (len(gutter) - 2) + "| " + _caret_line(shown, diagnostic.column))
        hint = diagnostic.hint_text(language)
        if hint:
            label = "도움말" if language == "ko" else "hint"
            out.append(f"      = {label}: {hint}")
    out.append(summary.sentence(language))
    return "\n".join(out) + "\n"


def _as_dict(diagnostic: Diagnostic, language: Language) -> dict[str, object]:
    found: dict[str, object] = {
        "file": diagnostic.file,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "severity": diagnostic.level.value,
        "code": diagnostic.code,
        "message": diagnostic.message(language),
        "hint": diagnostic.hint_text(language),
    }
    if diagnostic.sheet is not None:
        # A workbook's row and column are the line and column; the sheet names where.
        found["sheet"] = diagnostic.sheet
        found["cell"] = diagnostic.cell
    return found


def _in_sheet(diagnostic: Diagnostic, message: str) -> str:
    """Annotations and SARIF viewers know lines, not sheets: the message names the cell."""
    if diagnostic.sheet is None:
        return message
    return f"{diagnostic.where.removeprefix(diagnostic.file + ':')}: {message}"


def render_json(
    diagnostics: Sequence[Diagnostic],
    summary: Summary,
    language: Language,
    sources: Mapping[str, str],
) -> str:
    document = envelope(
        summary.inputs,
        {
            "diagnostics": [_as_dict(d, language) for d in diagnostics],
            "summary": {
                "files": summary.files,
                "valid": summary.valid,
                "errors": summary.errors,
                "warnings": summary.warnings,
            },
        },
    )
    return to_json(document)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(
    diagnostics: Sequence[Diagnostic],
    summary: Summary,
    language: Language,
    sources: Mapping[str, str],
) -> str:
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out: list[str] = []
    for diagnostic in diagnostics:
        properties = [f"file={_escape_property(diagnostic.file)}"]
        if diagnostic.line > 0:
            properties += [f"line={diagnostic.line}", f"col={diagnostic.column}"]
        properties.append(f"title={_escape_property('matchmaker ' + diagnostic.code)}")
        message = _in_sheet(diagnostic, diagnostic.message(language))
        hint = diagnostic.hint_text(language)
        if hint:
            message += f" ({hint})"
        out.append(f"::{command[diagnostic.level]} {','.join(properties)}::{_escape_data(message)}")
    out.append(summary.sentence(language))
    return "\n".join(out) + "\n"


def render_sarif(
    diagnostics: Sequence[Diagnostic],
    summary: Summary,
    language: Language,
    sources: Mapping[str, str],
) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    used = sorted({d.code for d in diagnostics})
    rule_index = {code: index for index, code in enumerate(used)}
    rules = [
        {
            "id": code,
            "shortDescription": {"text": CODES[code].doc},
            "defaultConfiguration": {"level": level[CODES[code].severity]},
            "helpUri": f"{INFORMATION_URI}/blob/main/docs/diagnostics.md#{code}",
        }
        for code in used
    ]
    results = []
    for diagnostic in diagnostics:
        location: dict[str, object] = {"artifactLocation": {"uri": diagnostic.file}}
        if diagnostic.line > 0:
            location["region"] = {"startLine": diagnostic.line, "startColumn": diagnostic.column}
        physical: dict[str, object] = {"physicalLocation": location}
        if diagnostic.sheet is not None:
            physical["logicalLocations"] = [
                {"name": diagnostic.where.removeprefix(diagnostic.file + ":"), "kind": "element"}
            ]
            physical["properties"] = {"sheet": diagnostic.sheet, "cell": diagnostic.cell}
        message = _in_sheet(diagnostic, diagnostic.message(language))
        hint = diagnostic.hint_text(language)
        results.append(
            {
                "ruleId": diagnostic.code,
                "ruleIndex": rule_index[diagnostic.code],
                "level": level[diagnostic.level],
                "message": {"text": f"{message} ({hint})" if hint else message},
                "locations": [physical],
            }
        )
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "matchmaker",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


Renderer = Callable[[Sequence[Diagnostic], Summary, Language, Mapping[str, str]], str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}
