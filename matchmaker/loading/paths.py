"""Which files a run reads, found without reading them: the proposals in the folders
given, and a catalog folder's files. The loaders find their files here, and so does the
answer cache (answers.py), which must know every file a run reads before it loads any:
one place decides, so the two cannot disagree. Nothing here imports the models."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Workbooks sit beside YAML in a folder of proposals. `.xlsm` is picked up too, so that a
# macro workbook is refused with a reason rather than silently skipped.
DOCUMENT_SUFFIXES = (*YAML_SUFFIXES, *WORKBOOK_SUFFIXES)

# A catalog's reference files, by the kind each holds.
REFERENCE_FILES: dict[str, str] = {
    "regions": "regions.yaml",
    "themes": "themes.yaml",
    "policy-areas": "policy-areas.yaml",
    "ties": "ties.yaml",
}
# Optional: a catalog written before indicators existed still loads, and then every
# outcome is free text.
INDICATORS_FILE = "indicators.yaml"
PROJECTS_FOLDER = "projects"


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the YAML files and workbooks inside any folder, in a stable
    order: `.yaml`, `.yml`, `.xlsx` (and `.xlsm`, to be refused) in any case
    (`2027.YAML`), leaving out the `._NAME` files macOS writes beside copies on other file
    systems and the `~$NAME.xlsx` lock files Excel keeps beside an open workbook."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_documents_under(path), key=_path_order))
        else:
            found.append(path)
    return found


def _documents_under(folder: Path) -> list[Path]:
    """The document files at any depth under `folder`: what `folder.rglob("*")` filtered by
    name and `is_file()` gives, in one pass of `os.scandir` (a listing entry knows whether
    it is a file without another stat). As rglob does, folders linked to are not entered
    (files linked to are taken) and a folder that cannot be listed is passed over. At
    41,000 files: 0.15 s instead of 0.6 s, and every run lists its proposals twice (the
    answer's key, then loading)."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            name = entry.name
            if _is(entry.is_dir) and not entry.is_symlink():
                pending.append(current / name)
            elif (
                _suffix(name).lower() in DOCUMENT_SUFFIXES
                and not name.startswith(("._", "~$"))
                and _is(entry.is_file)
            ):
                found.append(current / name)
    return found


def _is(check: Callable[[], bool]) -> bool:
    """A listing entry's `is_dir` or `is_file`, False where following a link fails (a
    link to itself, or one the user may not follow), as rglob and `is_file` said."""
    try:
        return check()
    except OSError:
        return False


def _suffix(name: str) -> str:
    """`PurePath(name).suffix`, without making a path: from the last dot, unless the name
    starts or ends with it."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _path_order(path: Path) -> list[str]:
    """The order of Path's own comparison (its parts, case-folded where the system folds
    case), computed once a path rather than in each of the sort's comparisons."""
    return os.path.normcase(str(path)).split(os.sep)


def project_files(root: Path) -> list[Path]:
    """A catalog's project files: one per project, in order of name."""
    return sorted((root / PROJECTS_FOLDER).glob("*.y*ml"))


def catalog_files(root: Path) -> list[Path]:
    """Every file loading the catalog at `root` reads: the reference files (read even
    when missing, to say so), the indicators file if there is one, and the projects."""
    files = [root / name for name in REFERENCE_FILES.values()]
    if (root / INDICATORS_FILE).exists():
        files.append(root / INDICATORS_FILE)
    return files + project_files(root)
