"""Everything a run reads, loaded and checked together, with a content hash per file.

`rank`, `explain` and `allocate` all start here: the catalog, the proposals and the
profile either load cleanly (warnings allowed) or the run stops with diagnostics.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from matchmaker import bundled
from matchmaker.cache import Store, digest
from matchmaker.catalog import Catalog, load_catalog
from matchmaker.diagnostics import Diagnostic, has_errors
from matchmaker.loading.documents import LoadedDocument, load_file, load_files
from matchmaker.loading.paths import expand
from matchmaker.loading.pause import gc_paused
from matchmaker.models import Profile, Proposal
from matchmaker.resolve.demands import ResolvedDemand, resolve_demands

if TYPE_CHECKING:
    from matchmaker.records.history import History


@dataclass(slots=True)
class RunInputs:
    catalog: Catalog | None
    proposals: list[LoadedDocument] = field(default_factory=list)
    profile: Profile | None = None
    profile_document: LoadedDocument | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    demands: list[ResolvedDemand] = field(default_factory=list)
    today: dt.date | None = None  # the date the run was loaded for (expiry)
    include_expired: bool = False
    history: History | None = None  # earlier rounds' records, when --history is given
    history_documents: list[LoadedDocument] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.catalog is not None
            and self.profile is not None
            and not has_errors(self.diagnostics)
        )

    def let_go_of_texts(self) -> None:
        """Once the run's findings are shown, a command that places no more of them
        (`rank`) keeps of each proposal file only its name, hash, model and findings: the
        text and packed positions go (~5 KiB a file, ~200 MB of a 40,000-file run)."""
        self.proposals = [replace(d, text=None, parsed=None) for d in self.proposals]
        self.sources = {}

    def input_hashes(self) -> dict[str, str]:
        """SHA-256 of every file read, keyed by a path that does not depend on where the
        tool is installed (bundled files are named relative to the bundle)."""
        hashes: dict[str, str] = {}
        documents: list[LoadedDocument] = []
        if self.catalog is not None:
            documents += list(self.catalog.documents.values()) + self.catalog.project_documents
        documents += self.proposals
        if self.profile_document is not None:
            documents.append(self.profile_document)
        # Only with --history: the records (and the indicators they use) are then inputs.
        documents += self.history_documents
        if self.history_documents and self.catalog and self.catalog.indicators_document:
            documents.append(self.catalog.indicators_document)
        roots = _bundled_roots()  # looked up once, not once per file (5,000 stats)
        names = display_names([document.file for document in documents], roots)
        for name, document in zip(names, documents, strict=True):
            hashes[name] = document.sha256
        return dict(sorted(hashes.items()))

    def run_key(self, hashes: dict[str, str] | None = None) -> str:
        """A fingerprint of everything the run's demands and their scores come from: the
        hash of every file read (`input_hashes`, given if already computed), the date and
        whether expired proposals count. Any changed byte or option, a new key."""
        found = self.input_hashes() if hashes is None else hashes
        listed = "\n".join(f"{name}\t{sha}" for name, sha in sorted(found.items()))
        today = self.today.isoformat() if self.today is not None else ""
        return digest(listed, today, str(self.include_expired), str(len(self.demands)))

    def demand_sources(self, records: Sequence[ResolvedDemand]) -> list[str]:
        """For each record, everything its strong candidates depend on, as one string:
        the hash of every catalog file (its projects, regions and themes, and the
        vocabulary its proposals were read with), of the record's own file, and its
        demand's id (scoring/strong.py caches them under these)."""
        catalog: list[LoadedDocument] = []
        if self.catalog is not None:
            catalog = list(self.catalog.documents.values()) + self.catalog.project_documents
        listed = sorted(f"{document.file}\t{document.sha256}" for document in catalog)
        catalog_key = digest(*listed)
        by_file = {document.file: document.sha256 for document in self.proposals}
        # A record whose file has no hash (none does: a file that was read has one) gets
        # a source no other run shares: measured, never taken from another's entry.
        return [
            f"{catalog_key}\t{by_file.get(r.file) or f'unhashed {id(r)}'}\t{r.demand.id}"
            for r in records
        ]

    def records(self) -> list[ResolvedDemand]:
        """The run's demands, resolved once when the run was loaded."""
        return list(self.demands)


def _expired(document: LoadedDocument, today: dt.date) -> bool:
    model = document.model
    return (
        isinstance(model, Proposal) and model.valid_until is not None and model.valid_until < today
    )


def _bundled_roots() -> tuple[tuple[Path | None, str], ...]:
    return ((_safe(bundled.catalog_dir), "catalog"), (_safe(bundled.examples_dir), "examples"))


def display_name(file: str, roots: tuple[tuple[Path | None, str], ...] | None = None) -> str:
    """Bundled files are shown as `catalog/…` or `examples/…`, wherever installed.
    `roots`: `_bundled_roots()` already looked up, for a caller naming many files."""
    path = Path(file)
    for root, name in roots if roots is not None else _bundled_roots():
        if root is not None and path.is_relative_to(root):
            return f"{name}/{path.relative_to(root).as_posix()}"
    return file


def display_names(files: list[str], roots: tuple[tuple[Path | None, str], ...]) -> list[str]:
    """`display_name` of each file, decided once per folder: whether a path lies under a
    root depends only on its folder when the path is not the root itself, and the name
    under the root is then the folder's plus the file's. (Asked of each of 5,007 files,
    pathlib's `is_relative_to` was ~0.25 s of a 10,000-demand run.)"""
    shown: list[str] = []
    folders: dict[str, str | None] = {}  # folder → its display prefix; None: not bundled
    for file in files:
        folder, _, base = file.rpartition(os.sep)
        if (
            not folder
            or not base
            or any(root is not None and file == str(root) for root, _ in roots)
        ):
            shown.append(display_name(file, roots))  # no folder, or a root: the long way
            continue
        if folder not in folders:
            folders[folder] = _folder_prefix(Path(folder), roots)
        prefix = folders[folder]
        shown.append(file if prefix is None else f"{prefix}/{base}")
    return shown


def _folder_prefix(folder: Path, roots: tuple[tuple[Path | None, str], ...]) -> str | None:
    for root, name in roots:
        if root is not None and folder.is_relative_to(root):
            inside = folder.relative_to(root).as_posix()
            return name if inside == "." else f"{name}/{inside}"
    return None


def _safe(locate: object) -> Path | None:
    try:
        return locate()  # type: ignore[operator]
    except FileNotFoundError:
        return None


def load_run(
    proposal_paths: list[Path] | None,
    catalog_root: Path | None,
    profile_path: Path | None,
    today: dt.date,
    *,
    include_expired: bool = False,
    history: Path | None = None,
) -> RunInputs:
    """Load and check all inputs; proposals default to the bundled examples.

    A proposal whose valid_until is before `today` is left out of the run (the check rule
    expired-proposal says so, as a warning) unless `include_expired`. `history` is a
    records folder of earlier rounds: loaded, checked by the record rules that need no
    earlier proposals, and kept for scoring; never found by itself."""
    with gc_paused():
        return _load_run(
            proposal_paths, catalog_root, profile_path, today, include_expired, history
        )


def _load_run(
    proposal_paths: list[Path] | None,
    catalog_root: Path | None,
    profile_path: Path | None,
    today: dt.date,
    include_expired: bool,
    history: Path | None,
) -> RunInputs:
    store = Store("documents")
    catalog, problems = load_catalog(catalog_root or bundled.catalog_dir(), store)
    inputs = RunInputs(catalog, today=today, include_expired=include_expired)
    inputs.diagnostics.extend(problems)
    given = proposal_paths or [bundled.proposals_dir()]
    paths = expand(given)
    if not paths:
        where = ", ".join(str(path) for path in given)
        inputs.diagnostics.append(Diagnostic(where, 0, 0, "no-proposals", {"where": where}))
    for document in load_files(
        paths,
        kinds=frozenset({"proposal"}),
        words=catalog.words if catalog is not None else None,
        store=store,
    ):
        inputs.proposals.append(document)
        inputs.diagnostics.extend(document.diagnostics)
        if document.text is not None:
            inputs.sources[document.file] = document.text
    profile_document = load_file(
        profile_path or bundled.default_profile_path(), kinds=frozenset({"profile"}), store=store
    )
    inputs.profile_document = profile_document
    inputs.diagnostics.extend(profile_document.diagnostics)
    if profile_document.text is not None:
        inputs.sources[profile_document.file] = profile_document.text
    if isinstance(profile_document.model, Profile):
        inputs.profile = profile_document.model
    if catalog is not None:
        checked = [d for d in inputs.proposals if d.ok]
        # The catalog's own rules too: a catalog `check` rejects must not rank.
        inputs.diagnostics.extend(
            _rule_findings(catalog, checked, today, ("catalog", "documents"), store)
        )
    valid = [d for d in inputs.proposals if d.ok]
    inputs.proposals = [d for d in valid if include_expired or not _expired(d, today)]
    if valid and not inputs.proposals:
        # Every proposal is past its valid_until: nothing is left to rank, and an empty
        # answer would look like "no project fits anyone".
        where = ", ".join(str(path) for path in given)
        inputs.diagnostics.append(
            Diagnostic(
                where,
                0,
                0,
                "no-current-proposals",
                {"where": where, "count": str(len(valid)), "today": today.isoformat()},
                hint="include-expired",
            )
        )
    if history is not None and catalog is not None:
        _load_history(inputs, catalog, history, today)
    if catalog is not None:
        inputs.demands = resolve_demands(
            ((d.model, d.file) for d in inputs.proposals if isinstance(d.model, Proposal)),
            catalog.region_index,
        )
    return inputs


def _rule_findings(
    catalog: Catalog,
    checked: list[LoadedDocument],
    today: dt.date,
    scopes: tuple[str, ...],
    store: Store,
) -> list[Diagnostic]:
    """`run_rules`, or its findings kept in the cache from a run over the same files.

    The rules look only at the documents they are given (names, bytes and what those
    load to) and the date, so their findings are kept under a key of every catalog and
    proposal file's name and hash, the catalog folder, the date and the scopes (and the
    tool's source, as every key). A warm 10,000-demand run spent ~0.5 s on them, most of
    it placing 725 warnings (unpacking their files' positions). The rules are imported
    only when they run (~35 ms)."""

    def run() -> list[Diagnostic]:
        from matchmaker.checks import CheckContext, run_rules

        return run_rules(CheckContext(catalog, checked, today), scopes)

    if not store.usable:
        return run()
    documents = [*catalog.documents.values(), *catalog.project_documents]
    if catalog.indicators_document is not None:
        documents.append(catalog.indicators_document)
    key = digest(
        "rule-findings",
        today.isoformat(),
        ",".join(scopes),
        str(catalog.root),
        *(f"{d.file}\t{d.sha256}" for d in documents),
        "\x1e",
        *(f"{d.file}\t{d.sha256}" for d in checked),
    )
    found = store.get(key)
    if isinstance(found, list) and all(isinstance(item, Diagnostic) for item in found):
        return found
    findings = run()
    store.put(key, findings)
    return findings


def _load_history(inputs: RunInputs, catalog: Catalog, folder: Path, today: dt.date) -> None:
    from matchmaker.records.history import check_history, load_history

    history, problems, documents = load_history(folder, catalog)
    if not documents:
        where = str(folder)
        inputs.diagnostics.append(Diagnostic(where, 0, 0, "no-records", {"where": where}))
    inputs.diagnostics.extend(problems)
    for document in documents:
        if document.text is not None:
            inputs.sources[document.file] = document.text
    inputs.diagnostics.extend(check_history(catalog, documents, today))
    inputs.history = history
    inputs.history_documents = documents
