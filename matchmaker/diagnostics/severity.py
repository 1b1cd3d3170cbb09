from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; the worst one decides the exit status."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
