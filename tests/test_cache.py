"""The content-hash cache (matchmaker/cache.py): faster repeat runs, never a wrong one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from matchmaker import cache
from matchmaker.cache import MAGIC, Store
from tests.conftest import calls_counted

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".tmp-"))


def test_a_stored_value_comes_back(tmp_path: Path) -> None:
    store = Store("test", tmp_path)
    store.put("ab12", {"x": [1, 2]})
    assert store.get("ab12") == {"x": [1, 2]}
    assert store.get("cd34") is None


@pytest.mark.parametrize("damage", ["flip", "truncate", "magic"])
def test_a_corrupt_entry_is_ignored_dropped_and_written_again(tmp_path: Path, damage: str) -> None:
    store = Store("test", tmp_path)
    store.put("ab12", list(range(100)))
    (path,) = _entries(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-5] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data[: len(MAGIC)] = b"x" * len(MAGIC)
    path.write_bytes(bytes(data))
    assert store.get("ab12") is None
    assert not path.exists()
    store.put("ab12", list(range(100)))
    assert store.get("ab12") == list(range(100))


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path) -> None:
    root = tmp_path / "shared"
    root.mkdir(mode=0o700)
    root.chmod(0o777)
    store = Store("test", root)
    store.put("ab12", 1)
    assert store.get("ab12") is None and _entries(root) == []


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.default_root() == tmp_path / "mine"
    monkeypatch.delenv("MATCHMAKER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache.default_root() == tmp_path / "xdg" / "matchmaker"


def test_entries_are_versioned_by_tool_and_analyser_source() -> None:
    version = cache.code_version()
    assert len(version) == 16 and Store("x", Path("/nonexistent")).folder.name == version


def _rank(cache_dir: Path, *extra: str) -> bytes:
    env = {
        "PYTHONPATH": str(REPO),
        "MATCHMAKER_LANG": "en",
        "MATCHMAKER_CACHE_DIR": str(cache_dir),
        "PATH": os.environ.get("PATH", ""),
    }
    result = subprocess.run(
        [sys.executable, "-m", "matchmaker", *extra, "rank", "-f", "json", "--today", TODAY],
        capture_output=True,
        timeout=300,
        cwd=REPO,
        env=env,
        check=True,
    )
    return result.stdout


def test_warm_and_repaired_runs_print_what_a_cold_run_prints(tmp_path: Path) -> None:
    cold = _rank(tmp_path)
    written = _entries(tmp_path)
    namespaces = {p.relative_to(tmp_path).parts[0] for p in written}
    assert namespaces == {
        "answers",
        "documents",
        "demand-text",
        "project-text",
        "region-demand",
        "repeats",
        "strong-candidates",
        "term-entries",
        "term-index",
    }
    assert _rank(tmp_path) == cold  # the answer kept
    for path in (tmp_path / "answers").rglob("*"):
        if path.is_file():  # the answer gone: the documents, readings… are what is warm
            path.unlink()
    assert _rank(tmp_path) == cold
    for path in written:  # every entry corrupt: ignored, and written again
        path.write_bytes(path.read_bytes()[:-1] + b"!")
    assert _rank(tmp_path) == cold
    rewritten = _entries(tmp_path)
    assert rewritten == written
    assert all(not path.read_bytes().endswith(b"!") for path in rewritten)


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    cold = _rank(tmp_path / "a")
    assert _rank(tmp_path / "b", "--no-cache") == cold
    assert _entries(tmp_path / "b") == []


def test_a_warm_run_parses_no_file_again(monkeypatch, tmp_path: Path) -> None:
    # The catalog, the proposals, the indicators and the profile all come from the cache:
    # a repeat run neither reads YAML nor builds a validator for any of them.
    import datetime as dt

    from matchmaker import bundled
    from matchmaker.inputs import load_run
    from matchmaker.loading import documents

    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path))
    today = dt.date.fromisoformat(TODAY)
    cold = load_run([bundled.proposals_dir()], None, bundled.default_profile_path(), today)
    parsed: list[str] = []
    original = documents.load_bytes

    def counting(data: bytes, file: str, *args: object, **kwargs: object) -> object:
        parsed.append(file)
        return original(data, file, *args, **kwargs)

    monkeypatch.setattr(documents, "load_bytes", counting)
    warm = load_run([bundled.proposals_dir()], None, bundled.default_profile_path(), today)
    assert parsed == []
    assert warm.profile == cold.profile and warm.catalog is not None


def _proposals(folder: Path) -> list[Path]:
    from matchmaker.bundled import proposals_dir

    folder.mkdir(parents=True)
    for source in sorted(proposals_dir().glob("*.yaml")):
        (folder / source.name).write_bytes(source.read_bytes())
    return sorted(folder.glob("*.yaml"))


def test_a_folder_of_files_is_one_entry_and_comes_back_as_loaded(tmp_path: Path) -> None:
    from matchmaker.loading.documents import load_files

    paths = _proposals(tmp_path / "in")
    store = Store("documents", tmp_path / "cache")
    kinds = frozenset({"proposal"})
    cold = load_files(paths, kinds=kinds, store=store)
    assert len(_entries(tmp_path / "cache")) == 1
    warm = load_files(paths, kinds=kinds, store=store)
    assert warm == cold == load_files(paths, kinds=kinds)  # the same as with no cache at all
    assert [d.file for d in warm] == [str(p) for p in paths]
    assert all(d.ok for d in warm)


def _counting_loads(monkeypatch) -> list[str]:
    """The names of the files `load_files` parses and validates (not taken from the cache)."""
    from matchmaker.loading import documents

    loaded: list[str] = []
    real = documents.load_bytes

    def counted(data, file, *args, **kwargs):  # type: ignore[no-untyped-def]
        loaded.append(file)
        return real(data, file, *args, **kwargs)

    monkeypatch.setattr(documents, "load_bytes", counted)
    return loaded


def test_an_edited_file_is_loaded_again_alone_and_nothing_stale(
    monkeypatch, tmp_path: Path
) -> None:
    from matchmaker.loading.documents import load_files

    paths = _proposals(tmp_path / "in")
    store = Store("documents", tmp_path / "cache")
    load_files(paths, store=store)
    loaded = _counting_loads(monkeypatch)
    edited = paths[3]
    edited.write_text(edited.read_text(encoding="utf-8").replace("demands:", "demandz:"), "utf-8")
    again = load_files(paths, store=store)
    assert loaded == [str(edited)]  # the folder's other files come from its entry
    assert not again[3].ok and {d.code for d in again[3].diagnostics} >= {"unknown-field"}
    assert again == load_files(paths)
    assert len(_entries(tmp_path / "cache")) == 1  # the folder's one entry, as it is now
    loaded.clear()
    assert load_files(paths, store=store) == again and loaded == []


def test_an_added_or_removed_file_loads_only_what_is_new(monkeypatch, tmp_path: Path) -> None:
    from matchmaker.loading.documents import load_files

    paths = _proposals(tmp_path / "in")
    store = Store("documents", tmp_path / "cache")
    load_files(paths, store=store)
    loaded = _counting_loads(monkeypatch)
    added = tmp_path / "in" / "zz-added.yaml"
    added.write_bytes(paths[0].read_bytes())  # the same bytes under another name: loaded
    grown = load_files([*paths, added], store=store)
    assert loaded == [str(added)] and grown[-1].file == str(added)
    assert grown == load_files([*paths, added])
    loaded.clear()
    shrunk = load_files(paths[1:], store=store)
    assert loaded == [] and shrunk == grown[1:-1]
    loaded.clear()
    # the entry holds the folder as last loaded: the two files left out are loaded again
    assert load_files([*paths, added], store=store) == grown
    assert loaded == [str(paths[0]), str(added)]
    assert len(_entries(tmp_path / "cache")) == 1


def test_the_same_file_listed_twice_is_loaded_once_and_listed_twice(tmp_path: Path) -> None:
    from matchmaker.loading.documents import load_files

    paths = _proposals(tmp_path / "in")
    store = Store("documents", tmp_path / "cache")
    twice = [paths[0], *paths]
    assert load_files(twice, store=store) == load_files(twice) == load_files(twice, store=store)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_file_that_cannot_be_read_is_said_every_time_and_never_cached(tmp_path: Path) -> None:
    from matchmaker.loading.documents import load_files

    paths = _proposals(tmp_path / "in")
    blocked = tmp_path / "in" / "zz-pipe.yaml"
    os.mkfifo(blocked)
    store = Store("documents", tmp_path / "cache")
    for _ in range(2):
        found = load_files([*paths, blocked], store=store)
        assert [d.code for d in found[-1].diagnostics] == ["unreadable-file"]
        assert all(d.ok for d in found[:-1])
    assert len(_entries(tmp_path / "cache")) == 1


def test_project_texts_are_read_once_and_a_changed_text_is_read_again(
    monkeypatch, tmp_path: Path
) -> None:
    from matchmaker.scoring import features
    from matchmaker.text.terms import terms

    texts = ["수확철 일손 부족 농촌 일자리", "Urban-rural school meals", ""]
    store = Store("project-text", tmp_path)
    read = features.terms_of(texts, store)
    assert read == [terms(text) for text in texts]

    calls: list[str] = []

    def counted(text: str) -> list[str]:
        calls.append(text)
        return terms(text)

    monkeypatch.setattr(features, "terms", counted)
    assert features.terms_of(texts, store) == read and calls == []  # from the cache
    edited = [*texts[:2], "귀농 귀촌 지원"]
    assert features.terms_of(edited, store) == [terms(text) for text in edited]
    assert calls == edited  # any change: every text read again, nothing stale
    assert features.terms_of(texts[:2], None) == read[:2]  # no store: read every time


def _version_folders(namespace: Path, names: list[str]) -> None:
    for age, name in enumerate(names):  # the first written last, so the newest
        folder = namespace / name
        (folder / "ab").mkdir(parents=True)
        (folder / "ab" / "ab12").write_bytes(b"old entry")
        stamp = 1_700_000_000 - age * 3600
        os.utime(folder, (stamp, stamp))


def test_a_new_code_version_keeps_only_the_latest_versions_folders(tmp_path: Path) -> None:
    namespace = tmp_path / "test"
    old = [f"{n:016x}" for n in range(1, 6)]  # 5 earlier versions, newest first
    _version_folders(namespace, old)
    (namespace / "notes").mkdir()  # not a version folder: never touched
    Store("test", tmp_path)
    kept = sorted(p.name for p in namespace.iterdir())
    assert kept == sorted([*old[: cache.KEPT_VERSIONS - 1], "notes"])


def test_a_version_already_in_use_prunes_nothing(tmp_path: Path) -> None:
    namespace = tmp_path / "test"
    store = Store("test", tmp_path)
    store.put("ab12", 1)
    _version_folders(namespace, [f"{n:016x}" for n in range(1, 6)])
    again = Store("test", tmp_path)
    assert len(list(namespace.iterdir())) == 6
    assert again.get("ab12") == 1


def test_no_cache_prunes_nothing(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MATCHMAKER_NO_CACHE", "1")
    namespace = tmp_path / "test"
    _version_folders(namespace, [f"{n:016x}" for n in range(1, 6)])
    Store("test", tmp_path)
    assert len(list(namespace.iterdir())) == 5


def test_rule_findings_are_kept_for_the_same_files_and_date(monkeypatch, tmp_path: Path) -> None:
    import datetime as dt
    import shutil

    from matchmaker import bundled, checks
    from matchmaker.inputs import load_run

    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "proposals"
    shutil.copytree(bundled.proposals_dir(), folder)
    later = dt.date(2030, 11, 28)  # the examples have expired: the rules find things
    cold = load_run([folder], None, bundled.default_profile_path(), later)
    assert any(d.code == "expired-proposal" for d in cold.diagnostics)

    ran = calls_counted(monkeypatch, checks, "run_rules")
    warm = load_run([folder], None, bundled.default_profile_path(), later)
    assert warm.diagnostics == cold.diagnostics and ran == []  # from the cache
    # another date, or any changed byte of a file: the rules run again
    other_day = load_run([folder], None, bundled.default_profile_path(), dt.date(2026, 11, 28))
    assert len(ran) == 1 and not any(d.code == "expired-proposal" for d in other_day.diagnostics)
    edited = sorted(folder.glob("*.yaml"))[0]
    edited.write_bytes(edited.read_bytes() + b"\n# edited\n")
    again = load_run([folder], None, bundled.default_profile_path(), later)
    assert len(ran) == 2 and again.diagnostics == cold.diagnostics


def test_the_code_fingerprint_reads_every_source_file_and_only_those(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ("a.py", "sub/b.py", "sub/deeper/c.py", "sub/notes.txt", "sub/d.pyc"):
        (tmp_path / name).write_text("x = 1\n")
    (tmp_path / "linked").symlink_to(tmp_path / "sub", target_is_directory=True)
    names = [name for name, _ in cache._sources(str(tmp_path))]
    assert names == ["a.py", "sub/b.py", "sub/deeper/c.py"]
    # the package's own: the same files pathlib finds
    package = Path(cache.__file__).resolve().parent
    mine = {name for name, _ in cache._sources(str(package))}
    assert mine == {path.relative_to(package).as_posix() for path in package.rglob("*.py")}


def test_after_an_edit_an_added_and_a_removed_file_rank_prints_what_no_cache_prints(
    cli, monkeypatch, tmp_path: Path
) -> None:
    """Every cache that a small change reuses in part (a folder's documents, the readings,
    strong candidates and term entries by group, each region's repeats) gives, after
    each change, the bytes a run without any cache gives."""
    from matchmaker.bundled import proposals_dir
    from matchmaker.scoring import features, stream

    monkeypatch.setenv("MATCHMAKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(features, "GROUP", 4)  # groups of ~4 over the bundled demands
    monkeypatch.setattr(stream, "CHUNK", 5)  # and chunks of 5, so both cut each other
    folder = tmp_path / "proposals"
    shutil.copytree(proposals_dir(), folder)

    def ranked(*extra: str) -> str:
        found = cli(*extra, "rank", str(folder), "-f", "json", "--today", TODAY)
        assert found.exit_code == 0, found.output
        return found.stdout

    loaded = _counting_loads(monkeypatch)

    def same_as_without_cache() -> list[str]:
        """The files the cached run loaded (not from the cache)."""
        loaded.clear()
        cached = ranked()
        loaded_by_it = [name for name in loaded if name.startswith(str(folder))]
        assert cached == ranked("--no-cache")
        cache._switched_off = False  # --no-cache lasts for the process: back on
        return loaded_by_it

    assert len(same_as_without_cache()) == len(list(folder.glob("*.yaml")))  # cold
    assert same_as_without_cache() == []  # warm
    first = min(folder.glob("*.yaml"))
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("description: ", "description: 다시 ", 1), encoding="utf-8")
    assert same_as_without_cache() == [str(first)]  # one demand reworded
    added = folder / "zz-added.yaml"
    lines = []
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith(("id: ", "- id: ")):
            line = line.rstrip("\n") + "-added\n"
        lines.append(line)
    added.write_text("".join(lines), encoding="utf-8")
    assert same_as_without_cache() == [str(added)]  # one proposal added (the first again)
    added.unlink()
    same_as_without_cache()  # and removed
    first.write_text(text, encoding="utf-8")
    same_as_without_cache()  # back as it was
