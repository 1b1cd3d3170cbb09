"""A command's answer is kept under a key of everything it depends on, given again only
when whole, and kept only when the run ended well (matchmaker/answers.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from matchmaker import answers
from matchmaker.answers import Recording, answer_key, files_key, find
from matchmaker.cache import Store

SETTINGS = {"parameters": {"top": 3, "format": "json"}, "language": "en", "today": "2026-11-28"}


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    made = []
    for name, text in (("a.yaml", "kind: proposal\n"), ("b.yaml", "제안: 예\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        made.append(tmp_path / name)
    return made


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(answers.NAMESPACE, tmp_path / "cache")


def _kept(store: Store, key: str, pieces: list[str], stderr: str = "") -> None:
    with Recording(key, store) as recording:
        if stderr:
            recording.shown(stderr)
        assert list(recording.tee(pieces)) == pieces  # passed on unchanged
        recording.keep()


def test_the_key_changes_with_any_byte_any_file_and_any_setting(files: list[Path]) -> None:
    key = answer_key("rank", SETTINGS, files)
    assert key is not None and key == answer_key("rank", dict(SETTINGS), list(files))
    assert answer_key("allocate", SETTINGS, files) != key
    assert answer_key("rank", {**SETTINGS, "today": "2026-11-29"}, files) != key
    assert (
        answer_key("rank", {**SETTINGS, "parameters": {"top": 4, "format": "json"}}, files) != key
    )
    assert answer_key("rank", SETTINGS, files[:1]) != key  # a file less
    assert answer_key("rank", SETTINGS, files[::-1]) != key  # another order
    files[1].write_text("제안: 아니오\n", encoding="utf-8")
    assert answer_key("rank", SETTINGS, files) != key


def test_options_are_keyed_by_their_text_in_their_order(files: list[Path]) -> None:
    one = {"parameters": {"region": ["완주군", "괴산군"], "catalog": Path("x")}}
    other = {"parameters": {"region": ["괴산군", "완주군"], "catalog": Path("x")}}
    assert answer_key("rank", one, files) != answer_key("rank", other, files)
    assert answer_key("rank", one, files) == answer_key(
        "rank", {"parameters": {"region": ("완주군", "괴산군"), "catalog": "x"}}, files
    )


def test_files_that_cannot_be_hashed_give_no_key(files: list[Path], tmp_path: Path) -> None:
    assert files_key([*files, tmp_path / "missing.yaml"]) is None
    assert files_key([tmp_path]) is None  # a folder
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert files_key([fifo]) is None  # never opened for reading: no hang
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(answers.MAX_FILE_BYTES + 1)
    assert files_key([huge]) is None


def test_a_kept_answer_is_given_again_as_it_was_printed(store: Store) -> None:
    pieces = ["[\n", '  {"title": "공공급식 ', "\U0001f33e", '"}\n', "]\n"]
    _kept(store, "k" * 64, pieces, stderr="warning: 완주군\n")
    found = find("k" * 64, store)
    assert found is not None and found.stderr == "warning: 완주군\n"
    assert "".join(found.pieces()) == "".join(pieces)


def test_an_output_of_many_megabytes_and_an_empty_one(store: Store) -> None:
    # Korean text cut at every megabyte boundary: the pieces decode whole characters.
    big = ["가나다" * 100_000 + "\n" for _ in range(5)]
    _kept(store, "b" * 64, big)
    found = find("b" * 64, store)
    assert found is not None and "".join(found.pieces()) == "".join(big)
    _kept(store, "e" * 64, [])
    empty = find("e" * 64, store)
    assert empty is not None and list(empty.pieces()) == []


@pytest.mark.parametrize("damage", ["byte", "short", "gone"])
def test_an_output_that_does_not_match_its_entry_is_never_given(store: Store, damage: str) -> None:
    key = "d" * 64
    _kept(store, key, ["one\n", "two\n"])
    output = store.folder / key[:2] / f"{key}.out"
    if damage == "byte":
        output.write_bytes(b"one\ntwO\n")
    elif damage == "short":
        output.write_bytes(b"one\n")
    else:
        output.unlink()
    assert find(key, store) is None
    assert not output.exists()


def test_a_run_that_does_not_end_well_keeps_nothing(store: Store) -> None:
    key = "f" * 64
    with pytest.raises(RuntimeError), Recording(key, store) as recording:
        for _ in recording.tee(["half of it\n", "and more\n"]):
            pass
        raise RuntimeError("the writer failed")  # before `keep`
    assert find(key, store) is None
    assert [p for p in store.folder.rglob("*") if p.is_file()] == []  # no temporary left


def test_without_a_key_nothing_is_written(store: Store) -> None:
    with Recording(None, store) as recording:
        assert list(recording.tee(["x"])) == ["x"]
        recording.keep()
    assert not store.folder.exists() or [p for p in store.folder.rglob("*") if p.is_file()] == []
    assert find(None, store) is None


def test_only_the_most_recently_used_answers_are_kept(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(answers, "KEPT_ANSWERS", 3)
    keys = [f"{n:064x}" for n in range(5)]
    for number, key in enumerate(keys):
        _kept(store, key, [f"answer {number}\n"])
        output = store.folder / key[:2] / f"{key}.out"
        os.utime(output, ns=(number * 10**9, number * 10**9))  # written in order
    assert [find(key, store) is not None for key in keys] == [False, False, True, True, True]
    assert not (store.folder / keys[0][:2] / keys[0]).exists()  # the entry went with it

    def output(key: str) -> Path:
        return store.folder / key[:2] / f"{key}.out"

    os.utime(output(keys[2]), ns=(1, 1))
    assert find(keys[2], store) is not None
    assert output(keys[2]).stat().st_mtime_ns > 10**9  # given again: used now
    os.utime(output(keys[3]), ns=(50 * 10**9, 50 * 10**9))
    os.utime(output(keys[4]), ns=(60 * 10**9, 60 * 10**9))
    _kept(store, f"{9:064x}", ["answer 9\n"])
    assert [output(key).exists() for key in keys[2:]] == [True, False, True]


def test_answers_beyond_the_bytes_allowed_go_but_the_newest_stays(
    store: Store, monkeypatch
) -> None:
    monkeypatch.setattr(answers, "KEPT_BYTES", 25)
    keys = [f"{n:064x}" for n in range(3)]
    for number, key in enumerate(keys):
        _kept(store, key, ["x" * 10 + "\n"])  # 11 bytes each
        output = store.folder / key[:2] / f"{key}.out"
        os.utime(output, ns=(number * 10**9, number * 10**9))
    assert [find(key, store) is not None for key in keys] == [False, True, True]
    _kept(store, "f" * 64, ["y" * 100])  # alone over the limit: kept, the others go
    assert find("f" * 64, store) is not None
    assert [find(key, store) is not None for key in keys] == [False, False, False]


def test_an_answer_found_is_read_whole_even_if_another_run_removes_it_meanwhile(
    store: Store,
) -> None:
    key = "c" * 64
    _kept(store, key, ["첫째\n", "둘째\n"])
    found = find(key, store)
    assert found is not None
    (store.folder / key[:2] / f"{key}.out").unlink()  # pruned by another run
    assert "".join(found.pieces()) == "첫째\n둘째\n"


def test_a_file_that_cannot_be_removed_never_stops_the_run(store: Store, monkeypatch) -> None:
    # On Windows a file another process holds open cannot be removed.
    monkeypatch.setattr(answers, "KEPT_ANSWERS", 1)

    def refused(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError("in use")

    _kept(store, "1" * 64, ["one\n"])
    monkeypatch.setattr(Path, "unlink", refused)
    _kept(store, "2" * 64, ["two\n"])  # the first cannot be pruned: it stays, for later
    output = store.folder / "11" / f"{'1' * 64}.out"
    output.write_bytes(b"altered\n")
    assert find("1" * 64, store) is None  # not given, though it cannot be removed


def test_an_output_of_bytes_is_given_again_as_bytes(store: Store) -> None:
    workbook = bytes(range(256)) * 100  # not text in any encoding
    with Recording("9" * 64, store) as recording:
        assert recording.tee_bytes(workbook) is workbook
        recording.keep()
    found = find("9" * 64, store)
    assert found is not None and found.binary and found.data() == workbook
    _kept(store, "8" * 64, ["text\n"])
    text = find("8" * 64, store)
    assert text is not None and not text.binary
