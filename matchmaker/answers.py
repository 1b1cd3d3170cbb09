"""A command's whole answer, kept and given again when the same question is asked of the
same files: what it printed on stderr (its warnings about the inputs) and its output.

A command's output is a function of its options, the bytes of the files it reads, the
date, the language, the table width and the tool's code, and of nothing else (outputs
are deterministic: the same inputs give the same bytes). So an answer is kept under a key
of all of those, and a run whose key is found skips loading, checking and scoring: it
prints the warnings and the output the first run printed, through the same writers, so
`--output`, a closed pipe or a console that cannot hold Korean behave as on the first
run. On the bundled data that is the difference between importing the models, numpy and
the scoring (~0.3 s) and not; on 10,000 proposals it is reading them all again.

What the key holds, so that no change can be missed:
- every parameter the command was given, as parsed, and the application's own options
  (a new option is in the key without anyone adding it);
- every file the run reads, found as the loaders find them (`loading/paths.py`): its
  path as given and the SHA-256 of its bytes; a folder's new or removed file is a
  different list;
- the working folder, which a relative path is read from;
- the resolved language and date (the clock's date when `--today` is not given: a new
  day is a new key, as expiry and abolished regions depend on it), and the table width;
- the tool's version and a fingerprint of its source, as every cache key (cache.py).

Only runs that end normally are kept: a run that stops with errors, a usage error or an
interruption leaves nothing. Where the files cannot all be hashed (one is missing, not a
regular file, or larger than a document may be), there is no key: the run loads, and
says what is wrong, as it would without the cache.

An answer is two files in the cache's `answers` namespace: the output (UTF-8 text of any
size, written while it is printed, never held whole; or a workbook's bytes) and a small
entry with the stderr text and the output's SHA-256 and size. The output is checked
against them before a byte of it is printed; an answer that does not match is removed
and the run goes on without it. Only the KEPT_ANSWERS most recently used answers are
kept, KEPT_BYTES of them at most (an answer can be hundreds of MB).
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from matchmaker.cache import Store, digest

NAMESPACE = "answers"
# Answers kept per code version, the most recently used first: a planner's few usual runs
# stay warm, and a 100,000-proposal answer (~280 MB) cannot pile up day after day. The
# most recent answer is kept whatever its size.
KEPT_ANSWERS = 12
KEPT_BYTES = 1 << 30
# Files larger than this are never hashed for a key: no document may be (loading/limits.py
# refuses anything over 4 MiB), so such a run stops with an error and keeps no answer.
MAX_FILE_BYTES = 64 * 1024 * 1024
_READ = 1 << 20  # bytes read at a time, hashing or printing an output
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no FIFOs to fear
_OUTPUT_SUFFIX = ".out"


def files_key(files: Sequence[Path]) -> str | None:
    """One digest of every file's path (as given: the caller keys the working folder) and
    bytes, in order; None when one cannot be hashed (missing, unreadable, not a regular
    file, too large), for then the run must load and say what is wrong. Read with plain
    system calls: at 41,000 files, resolving each path and `hashlib.file_digest` took
    2.2 s, against 0.5 s."""
    parts: list[str] = []
    for path in files:
        try:
            # Opened without blocking and checked before a byte is read: a FIFO would wait
            # for a writer, a device never end.
            descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
        except OSError:
            return None
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                return None
            hasher = hashlib.sha256()
            while block := os.read(descriptor, _READ):
                hasher.update(block)
        except OSError:
            return None
        finally:
            os.close(descriptor)
        parts.append(f"{path}\t{hasher.hexdigest()}")
    return digest(*parts)


def answer_key(command: str, settings: Mapping[str, object], files: Sequence[Path]) -> str | None:
    """The key of a run of `command` with `settings` (every option as parsed, the
    language, the date, the width: anything the output depends on besides the files)
    over `files`; None when the files cannot all be hashed."""
    hashed = files_key(files)
    if hashed is None:
        return None
    listed = json.dumps(
        {name: _plain(value) for name, value in settings.items()},
        sort_keys=True,
        ensure_ascii=False,
    )
    return digest("answer", command, listed, hashed)


def _plain(value: object) -> object:
    """An option's value as JSON can hold it: paths and enums by their text, lists in
    their order (the order options are given in may matter to the output), mappings by
    name."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(name): _plain(item) for name, item in value.items()}
    return str(value)


@dataclass(frozen=True, slots=True)
class Answer:
    """A kept answer, its output checked: the stderr text, then the output's pieces, read
    from the very file that was checked (held open: an answer pruned or replaced by
    another run meanwhile is still read whole)."""

    stderr: str
    output: BinaryIO
    binary: bool = False  # bytes as written (a workbook), not text

    def data(self) -> bytes:
        """A binary output whole, as it was written whole (a workbook of a few MB)."""
        with self.output as handle:
            handle.seek(0)
            return handle.read()

    def pieces(self) -> Iterator[str]:
        """The output as text, a megabyte at a time (never held whole)."""
        decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
        with self.output as handle:
            handle.seek(0)
            while block := handle.read(_READ):
                yield decoder.decode(block)
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail


def _output_path(store: Store, key: str) -> Path:
    return store.folder / key[:2] / f"{key}{_OUTPUT_SUFFIX}"


def find(key: str | None, store: Store | None = None) -> Answer | None:
    """The answer kept under `key`, if there is one and its output is whole."""
    if key is None:
        return None
    store = store or Store(NAMESPACE)
    entry = store.get(key)
    if not (
        isinstance(entry, dict)
        and isinstance(entry.get("stderr"), str)
        and isinstance(entry.get("sha256"), str)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("binary", False), bool)
    ):
        return None
    output = _output_path(store, key)
    try:
        handle = open(output, "rb")  # noqa: SIM115 - handed to the Answer, which closes it
    except OSError:
        return None
    try:
        whole = os.fstat(handle.fileno()).st_size == entry["size"] and (
            hashlib.file_digest(handle, "sha256").hexdigest() == entry["sha256"]
        )
    except OSError:
        whole = False
    if not whole:
        handle.close()
        _remove(output)  # altered or cut short: never given, and written again
        return None
    with contextlib.suppress(OSError):
        os.utime(output)  # used: the last to be pruned
    return Answer(entry["stderr"], handle, entry.get("binary", False))


def _remove(path: Path) -> None:
    """Remove a cache file; one that cannot be removed (open in another process on
    Windows, a read-only folder) is left for a later run."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


class Recording:
    """A run's answer, written as the run prints it and kept only when it ends well.

    `shown` takes what the run printed on stderr; `tee` passes the output's pieces on to
    the writer, keeping a copy (`tee_bytes` an output of bytes, written whole); `keep`
    stores both once the output is all written. Any
    error writing the copy only stops the recording: the run never fails for it. With no
    key (the files could not be hashed, or the cache is off) nothing is recorded."""

    def __init__(
        self, key: str | None, store: Store | None = None, files: Sequence[Path] = ()
    ) -> None:
        self.key = key
        self.files = list(files)  # what the run reads: --output must not replace one
        self.store = store if store is not None or key is None else Store(NAMESPACE)
        self.stderr: list[str] = []
        self._handle: IO[bytes] | None = None
        self._temporary: str | None = None
        self._hasher = hashlib.sha256()
        self._size = 0
        self._binary = False
        self._broken = key is None or self.store is None or not self.store.usable

    def __enter__(self) -> Recording:
        return self

    def __exit__(self, *exception: object) -> None:
        self.discard()  # after `keep`, nothing is left to discard

    def shown(self, text: str) -> None:
        self.stderr.append(text)

    def tee(self, pieces: Iterable[str]) -> Iterator[str]:
        for piece in pieces:
            self._copy(piece)
            yield piece

    def tee_bytes(self, data: bytes) -> bytes:
        self._binary = True
        self._copy(data)
        return data

    def _copy(self, piece: str | bytes) -> None:
        if self._broken:
            return
        try:
            if self._handle is None:
                assert self.store is not None and self.key is not None
                folder = self.store.folder / self.key[:2]
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                handle, self._temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
                self._handle = os.fdopen(handle, "wb")
            data = piece if isinstance(piece, bytes) else piece.encode("utf-8", "surrogatepass")
            self._handle.write(data)
            self._hasher.update(data)
            self._size += len(data)
        except OSError:
            self.discard()
            self._broken = True

    def keep(self) -> None:
        """The output was all written: keep the answer (the output first, then the entry
        that vouches for it, so an entry never names an output that is not there)."""
        if self._broken:
            return
        assert self.store is not None and self.key is not None
        if self._handle is None:
            self._copy("")  # an empty output is an answer too
            if self._broken:
                return
        assert self._handle is not None and self._temporary is not None
        try:
            self._handle.close()
            os.replace(self._temporary, _output_path(self.store, self.key))
        except OSError:
            self.discard()
            return
        self._temporary = None
        entry = {"stderr": "".join(self.stderr), "sha256": self._hasher.hexdigest()}
        self.store.put(self.key, entry | {"size": self._size, "binary": self._binary})
        _prune(self.store)

    def discard(self) -> None:
        """The run did not end well: nothing of it is kept."""
        if self._handle is not None:
            self._handle.close()
        if self._temporary is not None:
            _remove(Path(self._temporary))
        self._handle, self._temporary = None, None
        self._broken = True


def _prune(store: Store) -> None:
    """All but the KEPT_ANSWERS most recently used answers go, with their entries, and
    any beyond KEPT_BYTES of outputs in all (the most recent stays)."""
    try:
        outputs = [
            (entry.stat().st_mtime_ns, entry.name, Path(entry.path), entry.stat().st_size)
            for folder in os.scandir(store.folder)
            if folder.is_dir(follow_symlinks=False)
            for entry in os.scandir(folder.path)
            if entry.name.endswith(_OUTPUT_SUFFIX)
        ]
    except OSError:
        return
    outputs.sort(reverse=True)
    total = 0
    for number, (_, name, path, size) in enumerate(outputs):
        total += size
        if number >= KEPT_ANSWERS or (number > 0 and total > KEPT_BYTES):
            _remove(path)
            _remove(path.with_name(name.removesuffix(_OUTPUT_SUFFIX)))
