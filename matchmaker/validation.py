"""Validate files, and check the catalog with its proposals: collect what is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matchmaker.catalog import Catalog, load_catalog
from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.documents import LoadedDocument, load_file
from matchmaker.loading.paths import expand


@dataclass(slots=True)
class ValidationResult:
    files: list[str] = field(default_factory=list)
    documents: list[LoadedDocument] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    def input_hashes(self) -> dict[str, str]:
        """SHA-256 of every file read (bundled files named relative to the bundle)."""
        from matchmaker.inputs import display_name

        return {display_name(d.file): d.sha256 for d in self.documents if d.sha256}

    def add(self, document: LoadedDocument) -> None:
        if document.file in self.files:
            return
        self.files.append(document.file)
        self.documents.append(document)
        self.diagnostics.extend(document.diagnostics)
        if document.text is not None:
            self.sources[document.file] = document.text


def _run_rules(
    result: ValidationResult,
    catalog: Catalog,
    documents: list[LoadedDocument],
    today: dt.date,
    scopes: tuple[str, ...],
) -> None:
    from matchmaker.checks import CheckContext, run_rules

    context = CheckContext(catalog, [d for d in documents if d.ok], today)
    result.diagnostics.extend(run_rules(context, scopes))


# A YAML file that is not a matchmaker document says so with one of these and nothing else.
NOT_OURS = frozenset({"missing-kind", "unknown-kind"})


def validate_paths(
    paths: Sequence[Path],
    catalog_root: Path | None = None,
    today: dt.date | None = None,
    *,
    only_documents: bool = False,
) -> ValidationResult:
    """Load each file; where the catalog loads, also resolve the names each file uses.

    With `only_documents`, a YAML file that is not a matchmaker document (no `kind:` of
    ours: a CI workflow, `.pre-commit-config.yaml`) is skipped rather than reported, so a
    pre-commit hook can be given every YAML file of a repository."""
    result = ValidationResult()
    # The catalog first: its themes and labels let a hint answer `협동조합` with its id.
    catalog, problems = load_catalog(catalog_root) if catalog_root is not None else (None, [])
    words = catalog.words if catalog is not None else None
    for path in expand(paths):
        document = load_file(path, words=words)
        codes = {d.code for d in document.diagnostics}
        if only_documents and codes and codes <= NOT_OURS:
            continue
        result.add(document)
    if catalog_root is not None:
        if catalog is None:
            result.diagnostics.extend(problems)
        else:
            _run_rules(result, catalog, result.documents, today or dt.date.today(), ("documents",))
    return result


def check_catalog(catalog_root: Path, paths: Sequence[Path], today: dt.date) -> ValidationResult:
    """The whole catalog and the given proposals and profiles, together (CI's command)."""
    result = ValidationResult()
    catalog, problems = load_catalog(catalog_root)
    loaded_catalog = [load for load in (catalog.documents.values() if catalog else [])]
    for document in loaded_catalog:
        result.add(document)
    if catalog is not None:
        if catalog.indicators_document is not None:
            result.add(catalog.indicators_document)
        for document in catalog.project_documents:
            result.add(document)
    for path in expand(paths):
        result.add(load_file(path, words=catalog.words if catalog is not None else None))
    if catalog is None:
        result.diagnostics.extend(d for d in problems if d not in result.diagnostics)
        return result
    _run_rules(result, catalog, result.documents, today, ("catalog", "documents"))
    return result
