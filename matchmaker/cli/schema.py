"""`matchmaker schema KIND`: the JSON Schema editors use to complete and check a file."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchmaker.cli.options import CatalogOption, LangOption, resolve_language

if TYPE_CHECKING:
    from matchmaker.catalog.loader import Catalog


class SchemaKind(StrEnum):
    proposal = "proposal"
    project = "project"
    profile = "profile"


OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output.",
                 dir_okay=False, show_default=False),
]

_CATALOG_UNUSABLE = {
    "ko": "카탈로그 {root}를 읽을 수 없습니다. 위 오류를 고치세요.",
    "en": "the catalog {root} cannot be used; fix the errors above.",
}
_NO_FOLDER = {
    "ko": "{path}: 폴더 {folder}가 없습니다.",
    "en": "{path}: the folder {folder} does not exist.",
}
_CANNOT_WRITE = {
    "ko": "{path}에 쓸 수 없습니다: {reason}",
    "en": "cannot write {path}: {reason}",
}


def schema(
    kind: Annotated[SchemaKind, typer.Argument(
        help="Which kind of file: proposal, project or profile.", metavar="KIND",
        show_default=False)],
    output: OutputOption = None,
    catalog: CatalogOption = None,
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of a kind, with Korean and English help on every field.

    Point an editor at it with a first line `# yaml-language-server: $schema=FILE`.
    """
    from matchmaker.schema import build_schema, render_schema

    language = resolve_language(lang)
    loaded = load_catalog_or_exit(catalog, language)
    text = render_schema(build_schema(kind.value, loaded))
    if output is None:
        sys.stdout.write(text)
        return
    write_or_exit(output, text, overwrite=True, language=language)


def load_catalog_or_exit(root: Path | None, language: str) -> Catalog:
    """The catalog at `root` (the bundled one by default); its errors on stderr, exit 1."""
    from matchmaker.bundled import catalog_dir
    from matchmaker.catalog.loader import load_catalog
    from matchmaker.diagnostics import Severity
    from matchmaker.diagnostics.render import Summary, render_text

    folder = root if root is not None else catalog_dir()
    loaded, diagnostics = load_catalog(folder)
    if loaded is not None:
        return loaded
    # Standard output may be the schema or the template being piped on; the errors are
    # for the person, so they go to standard error.
    errors = [d for d in diagnostics if d.level is Severity.ERROR]
    files = sorted({d.file for d in errors})
    sys.stderr.write(render_text(errors, Summary.of(files, errors),
                                 "ko" if language == "ko" else "en", {}))
    sys.stderr.write(_CATALOG_UNUSABLE[language].format(root=folder) + "\n")
    raise typer.Exit(1)


def write_or_exit(path: Path, text: str, *, overwrite: bool, language: str) -> None:
    """Write through a temporary file; a missing folder is a usage error (exit 2)."""
    from matchmaker.files import write_atomically

    if not path.parent.is_dir():
        sys.stderr.write(_NO_FOLDER[language].format(path=path, folder=path.parent) + "\n")
        raise typer.Exit(2)
    try:
        write_atomically(path, text, overwrite=overwrite)
    except FileExistsError:
        raise  # the caller knows whether overwriting was refused on purpose
    except OSError as error:
        reason = error.strerror or str(error)
        sys.stderr.write(_CANNOT_WRITE[language].format(path=path, reason=reason) + "\n")
        raise typer.Exit(1) from None
