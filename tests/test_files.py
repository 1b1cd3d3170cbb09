"""--output never replaces a device, never loses a file's mode, never leaves a temporary
file behind (matchmaker/files.py, through the command shell)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from matchmaker.files import ReadOnlyFile, write_atomically

TODAY = ("--today", "2026-11-28")


def test_a_device_is_written_into_never_replaced(cli) -> None:
    before = os.stat("/dev/null")
    run = cli("rank", "--format", "json", "--output", "/dev/null", *TODAY)
    assert run.exit_code == 0, run.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_fifo_is_written_into(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomically(fifo, "hello\n", overwrite=True)
    reader.join(timeout=10)
    assert received == [b"hello\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_overwriting_keeps_the_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "private.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_atomically(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_read_only_file_is_refused_even_for_root(cli, tmp_path: Path) -> None:
    target = tmp_path / "kept.json"
    target.write_text("keep me", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyFile):
        write_atomically(target, "new", overwrite=True)
    run = cli("rank", "--format", "json", "--output", str(target), *TODAY)
    assert run.exit_code == 1 and "read-only" in run.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    # The writer is killed (SIGTERM to itself) in the middle of writing its temporary file.
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "import matchmaker.files as files\n"
        "real = os.fdopen\n"
        "def slow(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return real(*args, **kwargs)\n"
        "files.os.fdopen = slow\n"
        f"files.write_atomically(Path({str(tmp_path / 'out.json')!r}), 'x', overwrite=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 128 + 15
    assert list(tmp_path.iterdir()) == []


def test_text_in_pieces_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomically(target, iter(["{", '"a": 1', "}\n"]), overwrite=True)
    assert target.read_text(encoding="utf-8") == '{"a": 1}\n'

    def failing() -> Iterator[str]:
        yield "half of a new "
        raise RuntimeError("the work behind the next piece failed")

    with pytest.raises(RuntimeError):
        write_atomically(target, failing(), overwrite=True)
    assert target.read_text(encoding="utf-8") == '{"a": 1}\n'  # the old file, untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary left
