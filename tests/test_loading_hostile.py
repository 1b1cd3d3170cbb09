"""Hostile or broken bytes: each is refused quickly, at the right place, never a crash."""

from __future__ import annotations

import pytest

from matchmaker.loading.documents import load_bytes
from matchmaker.loading.limits import Limits


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
