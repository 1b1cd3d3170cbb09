"""The Diagnostic type and its documentation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from matchmaker.diagnostics import CODES, HINTS, Diagnostic
from matchmaker.diagnostics.docs import render_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "diagnostics.md"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def test_docs_list_every_code_exactly_as_generated() -> None:
    assert DOCS.read_text(encoding="utf-8") == render_markdown(), (
        "regenerate with: python -m matchmaker.diagnostics.docs > docs/diagnostics.md"
    )


def test_codes_are_kebab_case_and_both_languages_use_the_same_placeholders() -> None:
    for code, info in CODES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", code)
        assert set(PLACEHOLDER.findall(info.en)) == set(PLACEHOLDER.findall(info.ko)), code
    for name, hint in HINTS.items():
        assert set(PLACEHOLDER.findall(hint.en)) == set(PLACEHOLDER.findall(hint.ko)), name


def test_unregistered_codes_are_a_programming_error() -> None:
    with pytest.raises(KeyError):
        Diagnostic("f.yaml", 1, 1, "no-such-code")


def test_localised_parameters_win_in_their_language() -> None:
    finding = Diagnostic(
        "f.yaml",
        1,
        1,
        "wrong-type",
        {
            "field": "capacity",
            "expected": "a whole number",
            "expected@ko": "정수",
            "found": "the text 'yes'",
            "found@ko": "텍스트 'yes'",
        },
    )
    assert finding.message("en") == "'capacity' must be a whole number, not the text 'yes'"
    assert finding.message("ko") == "'capacity'은(는) 정수이어야 하는데 텍스트 'yes'입니다"


def test_every_code_is_in_a_documented_group() -> None:
    from matchmaker.diagnostics.docs import _GROUPS

    assert sorted({info.group for info in CODES.values()} - set(_GROUPS)) == []
