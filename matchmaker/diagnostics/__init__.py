"""Findings as values: one Diagnostic type, its codes, and the renderers."""

from matchmaker.diagnostics.codes import CODES, HINTS, LANGUAGES, CodeInfo, HintInfo, Language
from matchmaker.diagnostics.diagnostic import Diagnostic, has_errors
from matchmaker.diagnostics.severity import Severity

__all__ = [
    "CODES",
    "HINTS",
    "LANGUAGES",
    "CodeInfo",
    "Diagnostic",
    "HintInfo",
    "Language",
    "Severity",
    "has_errors",
]
