"""Writing output files safely."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path


class ReadOnlyFile(PermissionError):
    """The file to overwrite is marked read-only: its owner said not to change it."""


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception while a temporary file exists, so the cleanup below
    runs and no hidden `.NAME.xxxx.tmp` is left behind; the process still ends with the
    signal's status."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_atomically(path: Path, text: str | bytes | Iterator[str], *, overwrite: bool) -> None:
    """Write `text` (or bytes, as they are; or text in pieces, each written as it comes,
    so a long output is never held whole) to `path`.

    A regular file is written through a temporary file in the same folder and renamed, so
    a reader (or a crash, or SIGTERM) never sees half a file and no temporary file is left;
    an existing file keeps its mode (a 0600 file stays 0600), and a read-only one is
    refused (ReadOnlyFile). Anything else that exists there (a device such as /dev/null, a
    FIFO) is written into as it is, never replaced. Raises FileExistsError when `path`
    exists and `overwrite` is false.
    """
    try:
        existing = path.stat()
    except FileNotFoundError:
        existing = None
    if existing is not None and not overwrite:
        raise FileExistsError(str(path))
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with path.open("wb") as device:
            for piece in [text] if isinstance(text, str | bytes) else text:
                device.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
        return
    if existing is not None and not existing.st_mode & stat.S_IWUSR:
        raise ReadOnlyFile(f"{path} is read-only")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    with _terminate_cleanly():
        # 0o666 through the umask, as for any new file the user creates (mkstemp: 0600).
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            if existing is not None:
                os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))
            if isinstance(text, bytes):
                with os.fdopen(descriptor, "wb") as binary:
                    binary.write(text)
            else:
                with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
                    for piece in [text] if isinstance(text, str) else text:
                        handle.write(piece)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
