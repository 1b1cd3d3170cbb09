"""Writing output files safely."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_atomically(path: Path, text: str | bytes, *, overwrite: bool) -> None:
    """Write `text` (or bytes, as they are) to `path` through a temporary file in the same
    folder.

    A reader (or a crash) never sees half a file: the content appears whole, by rename.
    Raises FileExistsError when `path` exists and `overwrite` is false.
    """
    if not overwrite and (path.exists() or path.is_symlink()):
        raise FileExistsError(str(path))
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # 0o666 through the umask, as for any file the user creates (mkstemp would be 0600).
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if isinstance(text, bytes):
            with os.fdopen(descriptor, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
