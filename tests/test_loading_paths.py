"""Which files a run reads (matchmaker/loading/paths.py): the proposals under the folders
given, found as `Path.rglob` found them, and a catalog folder's files."""

from __future__ import annotations

import os
from pathlib import Path

from matchmaker.loading.paths import DOCUMENT_SUFFIXES, catalog_files, expand


def _as_rglob_finds(folder: Path) -> list[Path]:
    """What expand found before it listed folders itself."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in DOCUMENT_SUFFIXES
        and not p.name.startswith(("._", "~$"))
        and p.is_file()
    )


def _tree(root: Path) -> Path:
    folder = root / "proposals"
    for name in (
        "2027-wanju.yaml",
        "2027-Goesan.YAML",
        "a-b.yaml",
        "a/b.yaml",
        "a/deeper/c.yml",
        "a/deeper/d.xlsx",
        "a/deeper/e.xlsm",
        ".hidden.yaml",
        ".hidden-folder/f.yaml",
        "._2027-wanju.yaml",
        "~$book.xlsx",
        ".yaml",
        "notes.txt",
        "trailing.",
        "제안/완주.yaml",
    ):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("kind: proposal\n", encoding="utf-8")
    (folder / "folder.yaml").mkdir()  # a folder with a document's name: not a file
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked-in.yaml").write_text("kind: proposal\n", encoding="utf-8")
    (folder / "linked-file.yaml").symlink_to(elsewhere / "linked-in.yaml")
    (folder / "linked-folder").symlink_to(elsewhere, target_is_directory=True)  # not entered
    (folder / "broken.yaml").symlink_to(root / "missing.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")  # a link to itself
    (folder / "a" / "circle").symlink_to(folder / "a" / "circle")
    return folder


def test_a_folder_gives_what_rglob_gave_in_the_same_order(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    found = expand([folder])
    assert found == _as_rglob_finds(folder)
    names = [path.relative_to(folder).as_posix() for path in found]
    assert "a/deeper/e.xlsm" in names and "linked-file.yaml" in names  # refused later
    left_out = {"._2027-wanju.yaml", "~$book.xlsx", "folder.yaml", "broken.yaml", "loop.yaml"}
    assert not left_out & set(names)
    assert not any(name.startswith("linked-folder/") for name in names)


def test_relative_folders_give_relative_paths(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    found = expand([Path("proposals")])
    assert found == _as_rglob_finds(Path("proposals"))
    assert all(not path.is_absolute() for path in found)


def test_files_are_given_as_they_are_and_folders_in_turn(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    single = tmp_path / "elsewhere" / "linked-in.yaml"
    missing = tmp_path / "missing.yaml"  # kept: loading says it is missing
    assert expand([single, folder / "a", missing]) == [
        single,
        *_as_rglob_finds(folder / "a"),
        missing,
    ]


def test_a_catalog_is_its_reference_files_its_indicators_if_any_and_its_projects(
    tmp_path: Path,
) -> None:
    (tmp_path / "projects").mkdir()
    for name in ("b.yaml", "a.yml", "notes.md"):
        (tmp_path / "projects" / name).write_text("", encoding="utf-8")
    names = [os.path.relpath(path, tmp_path) for path in catalog_files(tmp_path)]
    assert names == [
        "regions.yaml",
        "themes.yaml",
        "policy-areas.yaml",
        "ties.yaml",
        os.path.join("projects", "a.yml"),
        os.path.join("projects", "b.yaml"),
    ]
    (tmp_path / "indicators.yaml").write_text("", encoding="utf-8")
    assert os.path.relpath(catalog_files(tmp_path)[4], tmp_path) == "indicators.yaml"
