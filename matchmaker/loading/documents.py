"""The one loader: a file's bytes in, a validated model or positioned diagnostics out."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path as FilePath
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from matchmaker.cache import Store, digest
from matchmaker.diagnostics import Diagnostic, has_errors
from matchmaker.loading.limits import DEFAULT_LIMITS, Limits
from matchmaker.loading.nodes import Mark, ParsedDocument
from matchmaker.loading.paths import WORKBOOK_SUFFIXES
from matchmaker.loading.text import decode
from matchmaker.models import MODEL_BY_KIND, USER_KINDS, Proposal
from matchmaker.suggest import did_you_mean

if TYPE_CHECKING:
    from matchmaker.loading.values import Vocabularies

# Kinds written by people outside the catalog's maintainers may not use anchors:
# an alias makes one edit change several places, which a reviewer cannot see.
_NO_ANCHOR_KINDS = frozenset({"proposal"})
MAX_DIAGNOSTICS_PER_FILE = 25


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """What one file turned out to be: its kind, its model, and what is wrong with it."""

    file: str
    sha256: str
    kind: str | None
    model: BaseModel | None
    parsed: ParsedDocument | None
    diagnostics: tuple[Diagnostic, ...]
    text: str | None

    @property
    def ok(self) -> bool:
        return self.model is not None and not has_errors(self.diagnostics)


def _kinds_list() -> str:
    return ", ".join(USER_KINDS)


def _cap(diagnostics: list[Diagnostic], file: str) -> tuple[Diagnostic, ...]:
    diagnostics.sort(key=Diagnostic.sort_key)
    if len(diagnostics) <= MAX_DIAGNOSTICS_PER_FILE:
        return tuple(diagnostics)
    shown = diagnostics[:MAX_DIAGNOSTICS_PER_FILE]
    rest = len(diagnostics) - len(shown)
    last = shown[-1]
    shown.append(
        Diagnostic(
            file, last.line, last.column, "too-many-errors", {"count": str(rest)}, hint="show-all"
        )
    )
    return tuple(shown)


def _document_checks(
    kind: str, model: BaseModel, parsed: ParsedDocument, file: str
) -> list[Diagnostic]:
    """Rules inside one document that need positions (so not in the model)."""
    found: list[Diagnostic] = []
    if isinstance(model, Proposal):
        first_line: dict[str, int] = {}
        for index, demand in enumerate(model.demands):
            mark = parsed.positions.of_value(("demands", index, "id"))
            if demand.id in first_line:
                found.append(
                    Diagnostic(
                        file,
                        mark.line,
                        mark.column,
                        "duplicate-id",
                        {
                            "what": "demand",
                            "what@ko": "수요",
                            "value": demand.id,
                            "first_line": str(first_line[demand.id]),
                        },
                        hint="rename-id",
                        sheet=mark.sheet,
                    )
                )
            else:
                first_line[demand.id] = mark.line
    return found


def load_bytes(
    data: bytes,
    file: str,
    limits: Limits = DEFAULT_LIMITS,
    kinds: frozenset[str] | None = None,
    words: Vocabularies | None = None,
) -> LoadedDocument:
    """Load one YAML document from bytes already read. `kinds` restricts what it may be;
    `words` (the catalog's closed lists) let hints answer a label with its id."""
    digest = hashlib.sha256(data).hexdigest()

    def failed(
        diagnostics: tuple[Diagnostic, ...] | list[Diagnostic],
        text: str | None = None,
        kind: str | None = None,
        parsed: ParsedDocument | None = None,
    ) -> LoadedDocument:
        return LoadedDocument(file, digest, kind, None, parsed, _cap(list(diagnostics), file), text)

    if len(data) > limits.max_bytes:
        return failed(
            [
                Diagnostic(
                    file,
                    0,
                    0,
                    "file-too-large",
                    {"size": str(len(data)), "limit": str(limits.max_bytes)},
                    hint="split-file",
                )
            ]
        )
    decoded = decode(data, file)
    if decoded.text is None:
        return failed(decoded.diagnostics)
    text = decoded.text
    # PyYAML and the reader are imported here, not at the top: a run whose documents all
    # come from the cache parses no YAML (~30 ms of imports saved at every start).
    from matchmaker.loading.yaml_reader import read_yaml

    read = read_yaml(text, file, limits)
    if read.document is None:
        return failed(read.diagnostics, text)
    document = validate_parsed(read.document, file, digest, text, kinds, read.anchors, words)
    if document.ok and document.parsed is not None:
        # Valid: only a later finding needs the values' positions (kept packed), nothing
        # needs the values: a run of many files holds models and text, not parse trees.
        return replace(document, parsed=document.parsed.compacted(file, limits))
    return document


def validate_parsed(
    parsed: ParsedDocument,
    file: str,
    digest: str,
    text: str | None,
    kinds: frozenset[str] | None = None,
    anchors: tuple[tuple[Mark, str], ...] = (),
    words: Vocabularies | None = None,
    found: Sequence[Diagnostic] = (),
) -> LoadedDocument:
    """Parsed values (from YAML or a workbook) into a model, or positioned diagnostics.
    `found` are what the reader already found wrong (they fail the document)."""

    def failed(
        diagnostics: tuple[Diagnostic, ...] | list[Diagnostic],
        text: str | None = None,
        kind: str | None = None,
        parsed: ParsedDocument | None = None,
    ) -> LoadedDocument:
        return LoadedDocument(
            file, digest, kind, None, parsed, _cap([*found, *diagnostics], file), text
        )

    allowed = sorted(kinds) if kinds is not None else sorted(MODEL_BY_KIND)
    kind = parsed.data.get("kind")
    if "kind" not in parsed.data:
        root = parsed.positions.of_value(())
        return failed(
            [
                Diagnostic(
                    file,
                    root.line,
                    root.column,
                    "missing-kind",
                    {"kinds": ", ".join(allowed)},
                    hint="start-with-kind",
                    sheet=root.sheet,
                )
            ],
            text,
            parsed=parsed,
        )
    mark = parsed.positions.of_value(("kind",))
    if not isinstance(kind, str) or kind not in allowed:
        suggestion = did_you_mean(str(kind), allowed)
        return failed(
            [
                Diagnostic(
                    file,
                    mark.line,
                    mark.column,
                    "unknown-kind",
                    {"value": str(kind)[:60], "kinds": ", ".join(allowed)},
                    hint="did-you-mean" if suggestion else None,
                    hint_params={"suggestion": suggestion or ""},
                    sheet=mark.sheet,
                )
            ],
            text,
            parsed=parsed,
        )
    diagnostics: list[Diagnostic] = []
    if kind in _NO_ANCHOR_KINDS:
        diagnostics.extend(
            Diagnostic(
                file,
                at.line,
                at.column,
                "anchor-not-allowed",
                {"what": what, "kind": kind},
                hint="write-out-alias",
            )
            for at, what in anchors
        )
    model_class = MODEL_BY_KIND[kind]
    try:
        model = model_class.model_validate(parsed.data)
    except ValidationError as error:
        # Imported for a file that fails validation only: a warm run validates nothing.
        from matchmaker.loading.schema_errors import schema_diagnostics

        diagnostics.extend(schema_diagnostics(error, model_class, parsed.positions, file, words))
        return failed(diagnostics, text, kind, parsed)
    diagnostics.extend(_document_checks(kind, model, parsed, file))
    if has_errors([*found, *diagnostics]):
        return failed(diagnostics, text, kind, parsed)
    return LoadedDocument(
        file, digest, kind, model, parsed, _cap([*found, *diagnostics], file), text
    )


def read_limited(
    path: FilePath, limits: Limits = DEFAULT_LIMITS, name: str | None = None
) -> bytes | Diagnostic:
    """Read at most one byte past the limit; refuse what is not a regular file.

    A FIFO or a device would block or never end, so only regular files are read.
    """
    name = name or str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return Diagnostic(
                name,
                0,
                0,
                "unreadable-file",
                {"detail": "not a regular file", "detail@ko": "일반 파일이 아닙니다"},
            )
        if info.st_size > limits.max_bytes:
            return Diagnostic(
                name,
                0,
                0,
                "file-too-large",
                {"size": str(info.st_size), "limit": str(limits.max_bytes)},
                hint="split-file",
            )
        with path.open("rb") as handle:
            return handle.read(limits.max_bytes + 1)
    except OSError as error:
        return Diagnostic(name, 0, 0, "unreadable-file", {"detail": error.strerror or str(error)})


def load_file(
    path: FilePath,
    limits: Limits = DEFAULT_LIMITS,
    kinds: frozenset[str] | None = None,
    display: str | None = None,
    words: Vocabularies | None = None,
    store: Store | None = None,
) -> LoadedDocument:
    """A YAML file, or a workbook (`.xlsx`, `.xlsm`) read into the same models. With a
    `store`, a YAML file loaded before (same bytes, same vocabulary) comes from the cache
    instead of being parsed and validated again."""
    name = display or str(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from matchmaker.loading.xlsx_reader import load_workbook_file

        return load_workbook_file(path, name, kinds, words)
    data = read_limited(path, limits, name)
    if isinstance(data, Diagnostic):
        return LoadedDocument(name, "", None, None, None, (data,), None)
    if store is None:
        return load_bytes(data, name, limits, kinds, words)
    # The same bytes under the same name, kinds, limits and vocabulary (its labels feed the
    # hints of a diagnostic) always load the same way.
    key = digest(data, name, ",".join(sorted(kinds or ())), repr(limits), _vocabulary_key(words))
    found = store.get(key)
    if isinstance(found, LoadedDocument) and found.file == name:
        return found
    document = load_bytes(data, name, limits, kinds, words)
    store.put(key, document)
    return document


def load_files(
    paths: Sequence[FilePath],
    limits: Limits = DEFAULT_LIMITS,
    kinds: frozenset[str] | None = None,
    words: Vocabularies | None = None,
    store: Store | None = None,
) -> list[LoadedDocument]:
    """`load_file` on each path, in order. With a `store`, the YAML files of one folder
    are cached together, in one entry: a warm run of 40,000 files reads a few dozen
    entries, not 40,000. The entry belongs to the folder (its name, the kinds, limits and
    vocabulary) and holds each file's document by its name and bytes: after an edit, an
    added or a removed file, only the files whose bytes are new are loaded again, the
    others come from the entry, which is then written as the folder now is. A file that
    cannot be read, and a workbook, are loaded on their own, never cached."""
    found: dict[int, LoadedDocument] = {}
    folders: dict[FilePath, list[tuple[int, str, bytes]]] = {}
    for index, path in enumerate(paths):
        data = None
        if store is not None and path.suffix.lower() not in WORKBOOK_SUFFIXES:
            data = read_limited(path, limits)
        if isinstance(data, bytes):
            folders.setdefault(path.parent, []).append((index, str(path), data))
        else:
            found[index] = load_file(path, limits, kinds, words=words)
    for folder, members in folders.items():
        assert store is not None
        documents = _folder_documents(store, str(folder), members, limits, kinds, words)
        found.update(
            (index, document) for (index, _, _), document in zip(members, documents, strict=True)
        )
    return [found[index] for index in range(len(paths))]


def _folder_documents(
    store: Store,
    folder: str,
    members: list[tuple[int, str, bytes]],
    limits: Limits,
    kinds: frozenset[str] | None,
    words: Vocabularies | None,
) -> list[LoadedDocument]:
    """The members' documents: each from the folder's entry when that holds the same
    name with the same bytes (its SHA-256; a document depends on nothing else under the
    entry's key), else loaded; the entry is written again only when a member was loaded
    or a file is gone."""
    key = digest(
        "folder", folder, ",".join(sorted(kinds or ())), repr(limits), _vocabulary_key(words)
    )
    cached = store.get(key)
    known: dict[str, object] = cached if isinstance(cached, dict) else {}
    documents: list[LoadedDocument] = []
    loaded = False
    for _, name, data in members:
        document = known.get(name)
        if not (
            isinstance(document, LoadedDocument)
            and document.file == name
            and document.sha256 == hashlib.sha256(data).hexdigest()
        ):
            document = load_bytes(data, name, limits, kinds, words)
            loaded = True
        documents.append(document)
    now = {document.file: document for document in documents}
    if loaded or now.keys() != known.keys():
        store.put(key, now)
    return documents


# One fingerprint per vocabulary object: a run loads thousands of files with the same one.
_VOCABULARY_KEYS: dict[int, tuple[Vocabularies, str]] = {}


def _vocabulary_key(words: Vocabularies | None) -> str:
    if words is None:
        return ""
    known = _VOCABULARY_KEYS.get(id(words))
    if known is None or known[0] is not words:
        known = (words, hashlib.sha256(repr(words).encode("utf-8")).hexdigest())
        _VOCABULARY_KEYS.clear()  # keep only the current run's vocabulary
        _VOCABULARY_KEYS[id(words)] = known
    return known[1]
