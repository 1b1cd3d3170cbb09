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

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.level is Severity.ERROR for d in diagnostics)
