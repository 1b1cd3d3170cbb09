"""Hostile or broken bytes: each is refused quickly, at the right place, never a crash."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from openpyxl import Workbook

from matchmaker.loading.documents import load_bytes
from matchmaker.loading.limits import Limits
from matchmaker.loading.xlsx_reader import load_workbook_bytes
from tests.workbooks import book, demands_part, many_rows, one_mb_cell, rezip


def _only(data: bytes, limits: Limits | None = None) -> tuple[str, int, int]:
    # How fast each is refused is measured by benchmarks, not asserted here; that it is
    # refused within the loader's limits (under a memory cap) is what these tests pin.
    document = load_bytes(data, "f.yaml", limits or Limits())
    assert not document.ok
    first = document.diagnostics[0]
    return first.code, first.line, first.column


BILLION_LAUGHS = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
    for i in range(9)
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(BILLION_LAUGHS, ("too-many-nodes", 6, 12), id="billion-laughs"),
        pytest.param(
            b"a:\n" + b"".join(b" " * i + b"- \n" for i in range(1, 100)),
            ("too-deep", 49, 49),
            id="deep-block-nesting",
        ),
        pytest.param(b"a: " + b"[" * 200_000, ("too-deep", 1, 1003), id="deep-flow-nesting"),
        pytest.param(b"a: " + b"x" * 200_000 + b"\n", ("scalar-too-long", 1, 4), id="huge-scalar"),
        pytest.param(b"a: 1\n" * 900_000, ("file-too-large", 0, 0), id="huge-file"),
        pytest.param("kind: proposal".encode("utf-16"), ("not-utf8", 1, 1), id="utf-16-bom"),
        pytest.param("kind: proposal".encode("utf-16-le"), ("not-utf8", 1, 1), id="utf-16-no-bom"),
        pytest.param(
            "kind: 한글\nid: \xff".encode("latin-1", "replace").replace(b"?", b"\xed"),
            ("invalid-utf8", 1, 7),
            id="latin1-hangul-bytes",
        ),
        pytest.param(
            "kind: 공공급식\nid: a\xffb\n".encode().replace("\xff".encode(), b"\xff"),
            ("invalid-utf8", 2, 6),
            id="invalid-utf8-after-korean",
        ),
        pytest.param(b"kind: proposal\nid: a\x00b\n", ("control-character", 2, 6), id="nul"),
        pytest.param(b"kind: proposal\nid: a\x1b[31mb\n", ("control-character", 2, 6), id="escape"),
        pytest.param(
            "kind: proposal\r\nid: 가\u2028b\n".encode(),
            ("unusual-line-break", 2, 6),
            id="line-separator-after-crlf",
        ),
        pytest.param(
            "kind: proposal\nid: a\x85\n".encode(), ("unusual-line-break", 2, 6), id="nel"
        ),
        pytest.param(
            "kind: proposal\nid: \u202eabc\n".encode(), ("bidi-control", 2, 5), id="bidi-override"
        ),
        pytest.param(
            "kind: proposal\nid: a\ufeffb\n".encode(), ("control-character", 2, 6), id="bom-inside"
        ),
    ],
)
def test_hostile_input_is_refused_at_its_position(data: bytes, expected: tuple) -> None:
    assert _only(data) == expected


def test_aliases_are_counted_as_expanded_in_catalog_files() -> None:
    limits = Limits(max_nodes=50)
    data = b"kind: ties\na: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a]\n"
    assert _only(data, limits)[0] == "too-many-nodes"


def test_recursive_alias_is_refused() -> None:
    assert _only(b"a: &a [*a]\n")[0] == "unknown-alias"


def test_many_errors_are_capped_with_a_count() -> None:
    demands = "".join(
        f"  - {{id: d{i}, title: t, description: d, priority: x}}\n" for i in range(60)
    )
    document = load_bytes(
        f"kind: proposal\nid: p\nregion: r\ndemands:\n{demands}".encode(), "f.yaml"
    )
    codes = [d.code for d in document.diagnostics]
    assert codes[-1] == "too-many-errors"
    assert document.diagnostics[-1].params["count"] == "35"


@pytest.mark.parametrize(
    ("escaped", "code"),
    [
        (r"\e[31mRED", "control-character"),  # a terminal escape
        (r"\u202eevil", "bidi-control"),  # right-to-left override
        (r"title\u2028## fake 99.9", "unusual-line-break"),
        (r"\x00", "control-character"),
    ],
)
def test_characters_written_as_escapes_are_refused_like_raw_ones(escaped: str, code: str) -> None:
    # The raw characters are refused when the file is decoded; the same ones spelt as YAML
    # escapes in a quoted value are refused after unescaping, at the value.
    data = f'kind: proposal\nid: p\nregion: 완주군\ndemands:\n  - id: d\n    title: "{escaped}"\n'
    assert _only(data.encode("utf-8")) == (code, 6, 12)


# -- hostile workbooks (matchmaker/loading/xlsx_reader.py) ---------------------------------
def _hidden(workbook: Workbook) -> None:
    workbook["수요"].sheet_state = "hidden"


def _merged(workbook: Workbook) -> None:
    workbook["수요"].append(["d2", "둘째", "설명"])
    workbook["수요"].merge_cells("C3:C4")


def _formulas(workbook: Workbook) -> None:
    for cell in ("A3", "B3", "C3", "E3"):
        workbook["수요"][cell] = '=CONCAT("a","b")'


def _hidden_row(workbook: Workbook) -> None:
    workbook["수요"].append(["secret", "보이지 않는 수요", "숨긴 행에 적은 수요"])
    workbook["수요"].row_dimensions[4].hidden = True


def _bidi(workbook: Workbook) -> None:
    workbook["수요"]["B3"] = "공공급식\u202e확대"


HOSTILE: dict[str, tuple[Callable[[], bytes], tuple[str, str | None, str | None]]] = {
    "zip-bomb": (
        lambda: rezip(book(), add={"xl/media/pad.bin": b"\0" * (20 * 1024 * 1024)}),
        ("workbook-zip-bomb", None, None),
    ),
    "formula-only-sheet": (lambda: book(_formulas), ("workbook-formula", "수요", "A3")),
    "external-link": (
        lambda: rezip(book(), add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"}),
        ("workbook-external-link", None, None),
    ),
    "data-connection": (
        lambda: rezip(book(), add={"xl/connections.xml": b"<connections/>"}),
        ("workbook-external-link", None, None),
    ),
    "macros-inside-xlsx": (
        lambda: rezip(book(), add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        ("workbook-macros", None, None),
    ),
    "100000-rows": (
        lambda: rezip(book(), replace={demands_part(book()): many_rows(100_000)}, stored=True),
        ("workbook-too-large", None, None),
    ),
    "1-mb-cell": (one_mb_cell, ("scalar-too-long", "수요", "C3")),
    "csv-renamed": (
        lambda: "id,title\npublic-meals,공공급식\n".encode(),
        ("not-a-workbook", None, None),
    ),
    "html-renamed": (
        lambda: b"<html><body><table><tr><td>id</td></tr></table></body></html>",
        ("not-a-workbook", None, None),
    ),
    "old-xls": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        ("not-a-workbook", None, None),
    ),
    "truncated-zip": (lambda: book()[:2000], ("not-a-workbook", None, None)),
    "hidden-sheet": (lambda: book(_hidden), ("workbook-hidden-sheet", "수요", "A1")),
    "hidden-row": (lambda: book(_hidden_row), ("workbook-hidden-cell", "수요", "A4")),
    "merged-data-cells": (lambda: book(_merged), ("workbook-merged-cells", "수요", "C3")),
    "bidi-control": (lambda: book(_bidi), ("bidi-control", "수요", "B3")),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_workbooks_are_refused_quickly(case: str) -> None:
    make, expected = HOSTILE[case]
    data = make()
    started = time.perf_counter()
    document = load_workbook_bytes(data, "2027-wanju.xlsx")
    elapsed = time.perf_counter() - started
    assert not document.ok
    first = document.diagnostics[0]
    assert (first.code, first.sheet, first.cell) == expected
    assert document.diagnostics[0].message("en")  # a sentence, not a traceback
    assert elapsed < 1.0, f"{case} took {elapsed:.2f} s"
