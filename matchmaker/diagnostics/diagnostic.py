"""The one finding type that every loader, schema check and catalog rule produces."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from matchmaker.diagnostics.codes import CODES, HINTS, Language
from matchmaker.diagnostics.severity import Severity


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in one file, at one place, described by a stable code.

    The message and hint are not stored as text: they are rendered from the code's
    templates in the reader's language, so one finding reads in Korean or English.
    `line` and `column` are 1-based and count characters, as an editor shows them;
    0 means the finding concerns the whole file.
    """

    file: str
    line: int
    column: int
    code: str
    params: Mapping[str, str] = field(default_factory=dict)
    hint: str | None = None
    hint_params: Mapping[str, str] = field(default_factory=dict)
    severity: Severity | None = None
    # In a workbook, the sheet whose row (`line`) and column the finding is on.
    sheet: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise KeyError(f"unregistered diagnostic code {self.code!r}")
        if self.hint is not None and self.hint not in HINTS:
            raise KeyError(f"unregistered hint {self.hint!r}")
        if self.severity is None:
            object.__setattr__(self, "severity", CODES[self.code].severity)

    @property
    def level(self) -> Severity:
        assert self.severity is not None  # set in __post_init__
        return self.severity

    def message(self, language: Language) -> str:
        return CODES[self.code].render_message(language, self.params)

    def hint_text(self, language: Language) -> str | None:
        if self.hint is None:
            return None
        return HINTS[self.hint].render(language, self.hint_params)

    def sort_key(self) -> tuple[str, str, int, int, str]:
        return (self.file, self.sheet or "", self.line, self.column, self.code)

    @property
    def cell(self) -> str | None:
        """`D7` for a finding in a workbook, else None."""
        if self.sheet is None or self.line <= 0:
            return None
        return column_letters(self.column) + str(self.line)

    @property
    def where(self) -> str:
        """`file:line:column`, or `file.xlsx:수요!D7` in a workbook, or the file alone."""
        if self.line == 0:
            return self.file if self.sheet is None else f"{self.file}:{self.sheet}"
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{self.cell}"
        return f"{self.file}:{self.line}:{self.column}"


def column_letters(column: int) -> str:
    """1 → A, 27 → AA: a column as spreadsheets name it."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.level is Severity.ERROR for d in diagnostics)
