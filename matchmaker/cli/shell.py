"""The one shell every command runs in: its options, its inputs, its output, its names.

A command parses its own options and then does the same four things as every other:
gather the run's options (`RunOptions`), load the inputs or stop (`build_inputs`,
`catalog_or_exit`), check the names the user gave (`region_codes_or_exit`,
`project_ids_or_exit`, `demand_keys_or_exit`), and write what it made (`write_or_exit`).
Each of those is written once, here, so every command stops the same way for the same
problem: bad input is exit 1, a bad option or name exit 2, an OS error writing output
exit 1 with the OS's reason, and whatever a person must read goes to stderr.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from matchmaker.cli.options import LanguageChoice, resolve_language, resolve_today
from matchmaker.messages import pick

if TYPE_CHECKING:
    from matchmaker.answers import Recording
    from matchmaker.catalog import Catalog
    from matchmaker.diagnostics import Diagnostic
    from matchmaker.inputs import RunInputs

MESSAGES = {
    "no-demand": (
        "{option}: no demand '{name}' in the proposals{hint}",
        "{option}: 제안서에 수요 '{name}'이(가) 없습니다{hint}",
    ),
    "no-project": (
        "{option}: no project '{name}' in the catalog{hint}",
        "{option}: 카탈로그에 사업 '{name}'이(가) 없습니다{hint}",
    ),
    "project-ambiguous": (
        "{option}: more than one project is called '{name}': {candidates}. Give the id.",
        "{option}: '{name}'(이)라는 사업이 여럿입니다: {candidates}. id를 쓰세요.",
    ),
    "did-you-mean": (" (did you mean '{suggestion}'?)", " ('{suggestion}'을(를) 찾으셨나요?)"),
    "region-ambiguous": (
        "{option} {name}: more than one region has this name: {candidates}. "
        "Give the code or the province as well.",
        "{option} {name}: 이 이름의 지역이 여럿입니다: {candidates}. 코드나 시·도를 함께 쓰세요.",
    ),
    "region-not-found": (
        "{option} {name}: no such region{candidates}",
        "{option} {name}: 그런 지역이 없습니다{candidates}",
    ),
    "region-did-you-mean": (" (did you mean: {names}?)", " (혹시: {names}?)"),
    "output-is-input": (
        "--output would overwrite an input file: {path}",
        "--output이 입력 파일을 덮어씁니다: {path}",
    ),
    "no-folder": ("--output: folder not found: {folder}", "--output: 폴더가 없습니다: {folder}"),
    "cannot-write": ("cannot write {path}: {reason}", "{path}에 쓸 수 없습니다: {reason}"),
    "encoding": (
        "standard output's encoding ({encoding}) cannot hold this output; write it with "
        "--output FILE (UTF-8) or set PYTHONIOENCODING=utf-8",
        "표준 출력의 인코딩({encoding})으로는 이 출력을 쓸 수 없습니다. --output 파일(UTF-8)로 "
        "쓰거나 PYTHONIOENCODING=utf-8을 설정하세요",
    ),
    "no-profile": (
        "--profile {name}: no such file, and no bundled profile of that name ({names})",
        "--profile {name}: 그런 파일도, 그 이름의 기본 제공 프로필도 없습니다({names})",
    ),
    "read-only": (
        "the file is read-only; make it writable, or choose another --output",
        "읽기 전용 파일입니다. 쓰기를 허용하거나 다른 --output을 고르세요",
    ),
    "catalog-unusable": (
        "The catalog in {root} cannot be used until these errors are fixed.",
        "{root}의 카탈로그는 위 오류를 고치기 전에는 쓸 수 없습니다.",
    ),
}


def say(key: str, language: str, **values: object) -> str:
    return pick(MESSAGES, key, language, **values)


def usage_error(message: str) -> NoReturn:
    """A bad option or name: the message on stderr, exit 2."""
    typer.echo(message, err=True)
    raise typer.Exit(2)


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What every scoring command is told: its inputs, its language, its date, its output."""

    proposals: list[Path] | None
    catalog: Path | None
    profile: Path | None
    language: str
    today: dt.date
    output_format: str
    output: Path | None = None
    include_expired: bool = False
    history: Path | None = None

    @classmethod
    def of(
        cls,
        *,
        proposals: list[Path] | None,
        catalog: Path | None,
        profile: str | Path | None,
        lang: LanguageChoice | None,
        today: str | None,
        output_format: str,
        output: Path | None = None,
        include_expired: bool = False,
        history: Path | None = None,
    ) -> RunOptions:
        """From the raw option values: language from --lang, MATCHMAKER_LANG or the locale;
        the date from --today or the clock."""
        language = resolve_language(lang)
        return cls(
            proposals,
            catalog,
            profile_path_or_exit(profile, language),
            language,
            resolve_today(today),
            output_format,
            output,
            include_expired,
            history,
        )


def profile_path_or_exit(profile: str | Path | None, language: str) -> Path | None:
    """A profile file, or a bundled profile by name (`--profile long-term-first` from any
    folder); neither is a usage error listing the bundled names."""
    if profile is None:
        return None
    path = Path(profile)
    if path.is_file():
        return path
    from matchmaker.bundled import profiles_dir

    bundled = profiles_dir() / f"{profile}.yaml"
    if bundled.is_file():
        return bundled
    names = ", ".join(sorted(p.stem for p in profiles_dir().glob("*.yaml")))
    usage_error(say("no-profile", language, name=profile, names=names))


def emit_to_stderr(
    diagnostics: Sequence[Diagnostic], sources: dict[str, str], output_format: str, language: str
) -> str:
    """Diagnostics about the inputs, for the person: on stderr, so a redirected output is
    never half data, half errors. Returns the text written (an answer kept keeps it)."""
    import io

    from matchmaker.cli.report import emit_diagnostics

    files = sorted({d.file for d in diagnostics})
    stdout = sys.stdout
    sys.stdout = written = io.StringIO()
    try:
        emit_diagnostics(files, diagnostics, sources, output_format, language)
    finally:
        sys.stdout = stdout
    text = written.getvalue()
    sys.stderr.write(text)
    sys.stderr.flush()
    return text


def build_inputs(options: RunOptions, recording: Recording | None = None) -> RunInputs:
    """Load and check everything the run reads; stop with the diagnostics (exit 1) if any
    is an error. Warnings are shown too: they are about inputs this run uses (a
    resubmitted demand, an expired proposal), and the run goes on (and a `recording`
    of its answer keeps them, to show them again when the answer is given again)."""
    from matchmaker.diagnostics import has_errors
    from matchmaker.inputs import load_run

    inputs = load_run(
        options.proposals,
        options.catalog,
        options.profile,
        options.today,
        include_expired=options.include_expired,
        history=options.history,
    )
    failed = has_errors(inputs.diagnostics) or not inputs.ok
    if inputs.diagnostics:
        shown = emit_to_stderr(
            inputs.diagnostics,
            inputs.sources,
            "json" if options.output_format == "json" and failed else "text",
            options.language,
        )
        if recording is not None:
            recording.shown(shown)
    if failed:
        raise typer.Exit(1)
    return inputs


def catalog_or_exit(root: Path | None, language: str, output_format: str = "text") -> Catalog:
    """The catalog at `root` (the bundled one by default), or its errors on stderr and
    exit 1, for the commands that read only the catalog."""
    from matchmaker.bundled import catalog_dir
    from matchmaker.catalog.loader import load_catalog
    from matchmaker.loading.limits import DEFAULT_LIMITS

    folder = root if root is not None else catalog_dir()
    loaded, diagnostics = load_catalog(folder)
    if loaded is not None:
        return loaded
    # The loader does not hand back file texts; reread them (within its size limit) so
    # text output can quote the offending line under its caret.
    sources: dict[str, str] = {}
    for name in sorted({d.file for d in diagnostics}):
        path = Path(name)
        try:
            if path.stat().st_size <= DEFAULT_LIMITS.max_bytes:
                sources[name] = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # the diagnostic already says the file cannot be read
    emit_to_stderr(diagnostics, sources, "json" if output_format == "json" else "text", language)
    if output_format != "json":
        sys.stderr.write(say("catalog-unusable", language, root=folder) + "\n")
    raise typer.Exit(1)


def _hint(name: str, known: Iterable[str], language: str) -> str:
    from matchmaker.suggest import did_you_mean

    suggestion = did_you_mean(name, list(known))
    return say("did-you-mean", language, suggestion=suggestion) if suggestion else ""


def project_ids_or_exit(
    catalog: Catalog, names: Sequence[str] | None, language: str, option: str = "--project"
) -> list[str] | None:
    """The project ids that the names given stand for, in order: an id, or a project's
    Korean or English name as the tables show it (exit 2 when a name is unknown, with a
    suggestion, or when two projects share it)."""
    from matchmaker.resolve.catalog import project_ids_named

    if not names:
        return None
    ids: list[str] = []
    for name in names:
        found = project_ids_named(catalog, name)
        if len(found) > 1:
            usage_error(
                say(
                    "project-ambiguous",
                    language,
                    option=option,
                    name=name,
                    candidates=", ".join(found),
                )
            )
        if not found:
            known = [*catalog.projects]
            for project in catalog.projects.values():
                known += [text for text in (project.name.ko, project.name.en) if text]
            usage_error(
                say(
                    "no-project",
                    language,
                    option=option,
                    name=name,
                    hint=_hint(name, known, language),
                )
            )
        ids.append(found[0])
    return ids


def demand_keys_or_exit(
    keys: Sequence[str], names: Iterable[str], language: str, option: str
) -> None:
    """Each PROPOSAL/DEMAND named must be a demand of the run (exit 2 with a suggestion)."""
    known = set(keys)
    for name in names:
        if name not in known:
            usage_error(
                say(
                    "no-demand",
                    language,
                    option=option,
                    name=name,
                    hint=_hint(name, keys, language),
                )
            )


def region_codes_or_exit(
    catalog: Catalog, names: Sequence[str] | None, language: str, option: str = "--region"
) -> set[str] | None:
    """The region codes named (codes, names, former codes…). An ambiguous or unknown name
    is a usage error (exit 2) that lists the candidates, in every command alike."""
    if not names:
        return None
    index = catalog.region_index
    codes: set[str] = set()
    for name in names:
        resolution = index.resolve(name)
        if resolution.region is not None:
            codes.add(resolution.region.code)
            continue
        shown = ", ".join(f"{r.code} {r.display(language)}" for r in resolution.candidates)
        if resolution.status == "ambiguous":
            usage_error(
                say("region-ambiguous", language, option=option, name=name, candidates=shown)
            )
        suggestion = say("region-did-you-mean", language, names=shown) if shown else ""
        usage_error(
            say("region-not-found", language, option=option, name=name, candidates=suggestion)
        )
    return codes


def answer_recording(
    ctx: typer.Context, options: RunOptions, more_files: Sequence[Path] = (), *, timed: bool = False
) -> Recording:
    """The answer cache's recording of this run (answers.py): keyed by every parameter the
    command was given, the application's options, the language, the date, the table
    width and every file the run reads, found as the loaders find them, and `more_files`
    the command reads besides. A `timed` run (what it finds depends on the time it is
    allowed) records nothing and finds nothing."""
    from matchmaker import bundled
    from matchmaker.answers import NAMESPACE, Recording, answer_key
    from matchmaker.cache import Store
    from matchmaker.loading.paths import catalog_files, expand
    from matchmaker.render.width import table_width

    store = Store(NAMESPACE)
    if timed or not store.usable:
        return Recording(None)  # --no-cache: not even the files are hashed
    files = catalog_files(options.catalog or bundled.catalog_dir())
    files += expand(options.proposals or [bundled.proposals_dir()])
    files.append(options.profile or bundled.default_profile_path())
    if options.history is not None:
        files += expand([options.history])
    files += more_files
    settings = {
        "parameters": {name: ctx.params[name] for name in sorted(ctx.params)},
        "application": dict(sorted(ctx.parent.params.items())) if ctx.parent else {},
        "language": options.language,
        "today": options.today.isoformat(),
        "width": table_width(),
        # where relative paths lead (absolute ones, as the bundled files', lead anywhere)
        "folder": os.getcwd() if any(not os.path.isabs(file) for file in files) else "",
    }
    return Recording(answer_key(ctx.info_name or "", settings, files), store, files)


def answer_or_run(
    ctx: typer.Context,
    options: RunOptions,
    run: Callable[[Recording], None],
    more_files: Sequence[Path] = (),
    *,
    timed: bool = False,
) -> None:
    """Give the answer kept for this very question, or `run` the command with a recording
    that keeps its answer if it ends well (`answer_recording` says what is keyed)."""
    recording = answer_recording(ctx, options, more_files, timed=timed)
    if replay_answer(recording, options.output, options.language):
        return  # asked before of the same files: nothing is loaded, scored or solved
    with recording:
        run(recording)


def write_kept(
    recording: Recording,
    written: str | bytes | Iterator[str],
    output: Path | None,
    language: str,
    inputs: RunInputs,
    *,
    keep: bool = True,
) -> None:
    """`write_or_exit`, the output copied into `recording` as it is written, and the answer
    kept once it is all written (unless `keep` is false: an answer that depends on the
    machine's speed)."""
    if isinstance(written, bytes):  # a workbook, written whole
        write_or_exit(recording.tee_bytes(written), output, language, inputs)
    else:
        pieces = [written] if isinstance(written, str) else written
        write_or_exit(recording.tee(pieces), output, language, inputs)
    if keep:
        recording.keep()


def replay_answer(recording: Recording, output: Path | None, language: str) -> bool:
    """Print the answer kept for this run, if there is one: its warnings on stderr, then
    its output through `write_or_exit`, as the run that made it did. False: run it."""
    from matchmaker.answers import find

    answer = find(recording.key, recording.store)
    if answer is None:
        return False
    if answer.stderr:
        sys.stderr.write(answer.stderr)
        sys.stderr.flush()
    written = answer.data() if answer.binary else answer.pieces()
    write_or_exit(written, output, language, [str(f) for f in recording.files])
    return True


def _input_files(inputs: RunInputs) -> list[str]:
    files = [d.file for d in inputs.proposals]
    if inputs.profile_document is not None:
        files.append(inputs.profile_document.file)
    if inputs.catalog is not None:
        files += [d.file for d in inputs.catalog.documents.values()]
        files += [d.file for d in inputs.catalog.project_documents]
    files += [d.file for d in inputs.history_documents]
    return files


def _is_input(target: Path, files: Sequence[str]) -> bool:
    """Whether `target` (resolved) is one of the files the run read.

    Resolving every input's path was ~0.2 s at 5,000 files; a file that does not exist
    cannot be an input, and an input resolves to `target` only if it is the same file,
    so only inputs with `target`'s device and inode are resolved and compared."""
    try:
        seen = target.stat()
    except OSError:
        return False
    same = []
    for file in files:
        try:
            found = os.stat(file)
        except OSError:
            continue  # gone since it was read: not the file about to be written
        if (found.st_dev, found.st_ino) == (seen.st_dev, seen.st_ino):
            same.append(file)
    return any(Path(file).resolve() == target for file in same)


def write_or_exit(
    text: str | bytes | Iterator[str],
    output: Path | None,
    language: str,
    inputs: RunInputs | Sequence[str] | None = None,
    *,
    overwrite: bool = True,
) -> None:
    """Print, or write atomically to `output` (bytes, such as a workbook, as they are;
    text in pieces, from `render_pieces`, each written as it comes: the work that makes
    the next piece runs between writes, and its errors go up as they are).

    Never overwrites one of the run's inputs (`inputs`: the run's, or its files' names;
    exit 2); a missing folder is exit 2; any OS
    error, writing the file or standard output (read-only folder, full disk, a name too
    long, a closed stdout), is exit 1 with the OS's reason in one line, never "a bug".
    Raises FileExistsError when `output` exists and `overwrite` is false.
    """
    if output is None:
        if isinstance(text, bytes):
            _print(sys.stdout.flush, language)  # what was printed as text goes first
            _print(partial(sys.stdout.buffer.write, text), language)
        else:
            for piece in [text] if isinstance(text, str) else text:
                _print(partial(sys.stdout.write, piece), language)
        _print(sys.stdout.flush, language)
        return
    from matchmaker.files import ReadOnlyFile, write_atomically

    target = output.resolve()
    files = inputs if inputs is None or isinstance(inputs, Sequence) else _input_files(inputs)
    if files is not None and _is_input(target, files):
        usage_error(say("output-is-input", language, path=output))
    if not target.parent.is_dir():
        usage_error(say("no-folder", language, folder=target.parent))
    try:
        write_atomically(target, text, overwrite=overwrite)
    except FileExistsError:
        raise  # the caller knows whether refusing to overwrite was on purpose
    except ReadOnlyFile:
        _cannot_write(str(output), OSError(say("read-only", language)), language)
    except OSError as error:
        _cannot_write(str(output), error, language)


def _print(write: Callable[[], object], language: str) -> None:
    """One write to standard output, its failures said as write_or_exit says them."""
    try:
        write()
    except BrokenPipeError:
        raise  # `matchmaker rank | head` is fine: the error boundary exits 0
    except UnicodeEncodeError as error:
        # A Korean Windows console redirected to a file writes cp949, which holds
        # Hangul but not every character we print (—, ✓): say so, write nothing more.
        _cannot_write(
            "<stdout>",
            OSError(say("encoding", language, encoding=error.encoding)),
            language,
        )
    except (OSError, ValueError) as error:  # ValueError: stdout already closed
        _cannot_write("<stdout>", error, language)


def _cannot_write(path: str, error: Exception, language: str) -> NoReturn:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    with contextlib.suppress(OSError, ValueError):  # stderr gone too: the status still says it
        sys.stderr.write(say("cannot-write", language, path=path, reason=reason) + "\n")
    raise typer.Exit(1)
