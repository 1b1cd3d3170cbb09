"""Print diagnostics in the chosen format and turn them into an exit status."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import cast

from matchmaker.diagnostics import Diagnostic, Language, has_errors
from matchmaker.diagnostics.render import RENDERERS, Summary


def emit_diagnostics(
    files: Sequence[str],
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, str],
    output_format: str,
    language: str,
    inputs: Mapping[str, str] | None = None,
) -> int:
    """Print the findings in a format (JSON carries `inputs`, file → SHA-256); the exit
    status is 1 when any is an error."""
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    summary = Summary.of(files, ordered, inputs)
    text = RENDERERS[output_format](ordered, summary, cast(Language, language), sources)
    sys.stdout.write(text)
    sys.stdout.flush()
    return 1 if has_errors(ordered) else 0
