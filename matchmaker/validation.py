"""Validate files, and check the catalog with its proposals: collect what is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matchmaker.catalog import Catalog, load_catalog
from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.documents import WORKBOOK_SUFFIXES, LoadedDocument, load_file

YAML_SUFFIXES = (".yaml", ".yml")
# Workbooks sit beside YAML in a folder of proposals. `.xlsm` is picked up too, so that a
# macro workbook is refused with a reason rather than silently skipped.
DOCUMENT_SUFFIXES = (*YAML_SUFFIXES, *WORKBOOK_SUFFIXES)


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


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the YAML files and workbooks inside any folder, in a stable
    order: `.yaml`, `.yml`, `.xlsx` (and `.xlsm`, to be refused) in any case
    (`2027.YAML`), leaving out the `._NAME` files macOS writes beside copies on other file
    systems and the `~$NAME.xlsx` lock files Excel keeps beside an open workbook."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in DOCUMENT_SUFFIXES
                    and not p.name.startswith(("._", "~$"))
                    and p.is_file()
                )
            )
        else:
            found.append(path)
    return found


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
