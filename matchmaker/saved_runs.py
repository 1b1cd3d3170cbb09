"""Reading a saved JSON output (`rank`/`allocate --format json`) back, safely.

`diff` compares two of them and `record decision` turns an allocation into the round's
decision. A saved run is a regular file of bounded size: never a device, a FIFO (which
would hang) or gigabytes read whole.
"""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path
from typing import Any

MAX_BYTES = 512 * 1024 * 1024


class UnreadableRun(ValueError):
    """The file cannot be read as JSON; the message names the file (and the place)."""


def read_saved_run(path: Path, max_bytes: int = MAX_BYTES) -> tuple[Any, str]:
    """The parsed JSON and the SHA-256 of the file's bytes."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise OSError("not a regular file")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise OSError(f"larger than {max_bytes:,} bytes")
        document = json.loads(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UnreadableRun(f"{path}: cannot read: {reason}") from None
    except json.JSONDecodeError as error:
        raise UnreadableRun(
            f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None
    except RecursionError:
        raise UnreadableRun(f"{path}: not valid JSON: nested too deeply") from None
    return document, hashlib.sha256(data).hexdigest()
