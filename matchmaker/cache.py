"""A content-hash cache of what is slow to redo and never changes for the same bytes:
parsed and validated documents, the check rules' findings on a run's files (inputs.py),
demands' text as read against the theme vocabulary, the catalog's project texts and
problem statements as read (scoring/features.py), demands' entries in the catalog's term
indexes, by groups of demands (scoring/entry_groups.py),
`rank`'s first-pass region demand counts for a run's exact input files (scoring/stream.py)
and each demand's strong candidates (scoring/strong.py), which demands repeat earlier
ones (resubmissions.py), and the whole answers of `rank`, `sensitivity`, `allocate` and `report`
(answers.py, whose outputs sit beside their entries as plain files).

- Where: `$MATCHMAKER_CACHE_DIR`, else the user's cache folder (`$XDG_CACHE_HOME` or
  `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) under
  `matchmaker/`. Deleting the folder at any time is safe: it is rebuilt as needed.
- Versioned: every key includes the tool's version and a fingerprint of the package's
  source (so an upgrade or an edit never reads a stale entry), and
  entries for demand text include the theme vocabulary's fingerprint. A version's
  entries live in their own folder; when a new version first uses a namespace, only the
  KEPT_VERSIONS most recently written versions' folders are kept, so upgrades do not
  fill the disk with entries nothing will read again.
- Never trusted if corrupt: each entry carries a SHA-256 of its payload; an entry that is
  short, altered or fails to load is ignored, removed and written again.
- Never a risk to the run: entries are pickles, so the folder is used only when the
  current user owns it and nobody else can write to it (created 0700); any error reading
  or writing the cache (a full or read-only disk) falls back to doing the work.
- Off with `matchmaker --no-cache …` or `MATCHMAKER_NO_CACHE=1`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import stat
import sys
import tempfile
from functools import cache
from pathlib import Path

from matchmaker import __version__

DIR_ENV = "MATCHMAKER_CACHE_DIR"
OFF_ENV = "MATCHMAKER_NO_CACHE"
MAGIC = b"mmcache1"  # the entry format; a new format is a new magic
_DIGEST = 32
# Code versions kept per namespace: the running one and the two written before it (another
# installed copy, or the version just upgraded from, may still be run).
KEPT_VERSIONS = 3
_VERSION_FOLDER = re.compile(r"[0-9a-f]{16}")


_switched_off = False


def switch_off() -> None:
    """--no-cache: this process neither reads nor writes the cache."""
    global _switched_off
    _switched_off = True


def enabled() -> bool:
    return not _switched_off and os.environ.get(OFF_ENV, "") not in {"1", "true", "yes"}


def default_root() -> Path:
    """The user's cache folder for matchmaker, by platform convention."""
    if os.environ.get(DIR_ENV):
        return Path(os.environ[DIR_ENV])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "matchmaker" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "matchmaker"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "matchmaker"


def _private(folder: Path) -> bool:
    """Created if missing (0700); usable only if ours and writable by nobody else."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    shared = hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022)
    return not shared


def digest(*parts: bytes | str) -> str:
    """SHA-256 over the parts, each length-prefixed so no two splits collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@cache
def code_version() -> str:
    """The tool's version and a hash of the package's source (the loader, models, text
    analyser and everything they call): any edit or upgrade, a new key. Reading the
    source costs a few milliseconds, once per process."""
    parts: list[bytes | str] = [__version__, MAGIC]
    for name, path in _sources(os.path.dirname(os.path.realpath(__file__))):
        with open(path, "rb") as source:
            parts += [name, source.read()]
    return digest(*parts)[:16]


def _sources(folder: str, prefix: str = "") -> list[tuple[str, str]]:
    """Every `.py` file under `folder` (symbolic links to folders not followed): its name
    relative to `folder` with `/`, and its path, in order of name. os.scandir, not
    Path.rglob: the fingerprint took 8-10 ms of every run, half of it in pathlib."""
    found: list[tuple[str, str]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                found += _sources(entry.path, name + "/")
            elif entry.name.endswith(".py"):
                found.append((name, entry.path))
    return sorted(found)


class Store:
    """One namespace of entries, `key → pickled value`, under the cache root."""

    def __init__(self, namespace: str, root: Path | None = None) -> None:
        self.folder = (root or default_root()) / namespace / code_version()
        self.usable = enabled() and _private(self.folder.parent.parent)
        if self.usable and not self.folder.is_dir():
            _prune_other_versions(self.folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> object | None:
        if not self.usable:
            return None
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        payload = data[len(MAGIC) + _DIGEST :]
        sound = (
            data[: len(MAGIC)] == MAGIC
            and hashlib.sha256(payload).digest() == data[len(MAGIC) : len(MAGIC) + _DIGEST]
        )
        if sound:
            try:
                return pickle.loads(payload)
            except Exception:  # a bad entry is a miss, whatever broke in it
                pass
        path.unlink(missing_ok=True)  # corrupt: dropped, and written again by the caller
        return None

    def put(self, key: str, value: object) -> None:
        if not self.usable:
            return
        path = self._path(key)
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC + hashlib.sha256(payload).digest() + payload)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return  # a cache that cannot be written is only a slower run


def _prune_other_versions(current: Path) -> None:
    """Before a new code version's first entry: remove all but the most recently written
    KEPT_VERSIONS - 1 other versions' folders of the namespace. Only folders named like a
    code version are touched, whatever else the folder holds; a folder another process is
    reading only costs that process a miss (reads fall back to doing the work)."""
    try:
        others = [
            folder
            for folder in current.parent.iterdir()
            if folder != current and _VERSION_FOLDER.fullmatch(folder.name) and folder.is_dir()
        ]
        # Newest first; equal times by name, so the choice does not depend on listing order.
        others.sort(key=lambda folder: (-folder.stat().st_mtime_ns, folder.name))
    except OSError:
        return  # nothing to prune yet, or a folder that cannot be listed: leave it be
    for stale in others[KEPT_VERSIONS - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)
