"""Validate files given by the user: load each one and collect what is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.documents import LoadedDocument, load_file

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class ValidationResult:
    files: list[str] = field(default_factory=list)
    documents: list[LoadedDocument] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the YAML files inside any folder, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES
                                and p.is_file()))
        else:
            found.append(path)
    return found


def validate_paths(paths: Sequence[Path]) -> ValidationResult:
    result = ValidationResult()
    for path in expand(paths):
        document = load_file(path)
        result.files.append(document.file)
        result.documents.append(document)
        result.diagnostics.extend(document.diagnostics)
        if document.text is not None:
            result.sources[document.file] = document.text
    return result
