"""The loader: every file loads exactly as written, or fails with a positioned code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from matchmaker.loading.documents import load_bytes, load_file
from matchmaker.loading.limits import Limits
from matchmaker.loading.yaml_reader import read_yaml
from matchmaker.models import Proposal

EXAMPLES = Path(__file__).resolve().parent / "examples"
EXPECT = re.compile(r"# expect: (?P<code>[a-z0-9-]+) (?P<line>\d+):(?P<column>\d+)")
WITHOUT_HEADER = {"empty.yaml": ("empty-file", 1, 1)}


def _expectation(path: Path) -> tuple[str, int, int]:
    if path.name in WITHOUT_HEADER:
        return WITHOUT_HEADER[path.name]
    match = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} must start with '# expect: CODE LINE:COLUMN'"
    return match["code"], int(match["line"]), int(match["column"])


@pytest.mark.parametrize("path", sorted((EXAMPLES / "valid").glob("*.yaml")), ids=lambda p: p.name)
def test_valid_examples_load_without_findings(path: Path) -> None:
    document = load_file(path)
    assert document.ok, [d.message("en") for d in document.diagnostics]
    assert document.diagnostics == ()


@pytest.mark.parametrize(
    "path", sorted((EXAMPLES / "invalid").glob("*.yaml")), ids=lambda p: p.name
)
def test_invalid_examples_fail_with_their_code_and_position(path: Path) -> None:
    code, line, column = _expectation(path)
    document = load_file(path)
    assert not document.ok
    found = [(d.code, d.line, d.column) for d in document.diagnostics]
    assert (code, line, column) in found, found


def _data(text: str) -> dict:
    read = read_yaml(text, "t.yaml", Limits())
    assert read.document is not None, read.diagnostics
    return read.document.data


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("0.25", 0.25),
        ("-1.5", -1.5),
    ],
)
def test_only_booleans_null_and_plain_decimals_are_typed(written: str, value: object) -> None:
    assert _data(f"k: {written}\n")["k"] == value


@pytest.mark.parametrize(
    "written",
    [
        "yes",
        "no",
        "NO",
        "on",
        "off",
        "True",
        "FALSE",
        "Null",
        "010",
        "00",
        "1:20",
        "1_000",
        "0x1F",
        "0o17",
        "1e3",
        ".5",
        "+5",
        ".inf",
        ".nan",
        "2026-01-01",
        "1.2.3",
        "3억원",
    ],
)
def test_everything_else_stays_text_exactly_as_written(written: str) -> None:
    assert _data(f"k: {written}\n")["k"] == written


def test_quoted_numbers_stay_text() -> None:
    assert _data("k: \"12\"\nj: 'true'\n") == {"k": "12", "j": "true"}


def test_korean_is_normalised_to_nfc_and_otherwise_kept() -> None:
    decomposed = "\u1100\u1169\u11bc\u1100\u1173\u11b8"  # 공급 in jamo
    data = _data(f"k: {decomposed}  \n{decomposed}: v\n")
    assert data["k"] == "공급"
    assert list(data) == ["k", "공급"]


def test_positions_point_at_keys_and_values() -> None:
    read = read_yaml("a:\n  b: [x, 한글]\n  c: {d: 1}\n", "t.yaml", Limits())
    assert read.document is not None
    positions = read.document.positions
    assert positions.of_key(("a", "b")) == positions.keys[("a", "b")]
    assert (positions.keys[("a", "b")].line, positions.keys[("a", "b")].column) == (2, 3)
    assert (positions.values[("a", "b", 1)].line, positions.values[("a", "b", 1)].column) == (2, 10)
    assert (positions.values[("a", "c", "d")].line, positions.values[("a", "c", "d")].column) == (
        3,
        10,
    )


def test_a_utf8_bom_is_accepted() -> None:
    document = load_bytes(
        b"\xef\xbb\xbfkind: profile\nid: p\nname: {en: P}\n"
        b"weights: {demand_fit: 1, long_term: 1, synergy: 1}\n",
        "p.yaml",
    )
    assert document.ok


def test_the_model_receives_exactly_what_was_written() -> None:
    document = load_bytes(
        "kind: proposal\nid: p\nregion: 52710\ndemands:\n  - id: d\n    title: 공공급식\n"
        "    description: 설명\n    start: 2027\n".encode(),
        "p.yaml",
    )
    assert isinstance(document.model, Proposal)
    assert document.model.region == "52710"
    assert document.model.demands[0].start == 2027
    assert document.model.demands[0].start_year == 2027


KOREAN = (
    "kind: proposal\n"
    '제목: "가나다"\n'
    '목록: [하나, 둘, "셋"]\n'
    "설명: >\n"
    "  한글 문장 🙂 이모지\n"
    "끝: 값 # 주석\n"
    "중첩:\n"
    "  - 키: 값\n"
    "    다음키: 가\n"
)


def test_libyaml_places_korean_text_where_the_pure_python_parser_does() -> None:
    """The reader takes libyaml's events (CSafeLoader) for speed: its lines and columns
    count characters, as the pure-Python parser's do, Hangul and emoji included."""
    import yaml

    def marks(loader: type) -> list[tuple[str, int, int, int, int]]:
        return [
            (
                type(e).__name__,
                e.start_mark.line,
                e.start_mark.column,
                e.end_mark.line,
                e.end_mark.column,
            )
            for e in yaml.parse(KOREAN, Loader=loader)
        ]

    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    assert marks(yaml.CSafeLoader) == marks(yaml.SafeLoader)
    positions = read_yaml(KOREAN, "k.yaml", Limits()).document.positions  # type: ignore[union-attr]
    third = positions.values[("목록", 2)]
    assert (third.line, third.column) == (3, KOREAN.splitlines()[2].index('"셋"') + 1)


def _proposal_text() -> str:
    return (
        Path(__file__).resolve().parent.parent / "examples/proposals/2026-wanju.yaml"
    ).read_text(encoding="utf-8")


def test_a_valid_document_keeps_its_positions_packed_and_gives_the_same_marks() -> None:
    import pickle

    text = _proposal_text()
    fresh = read_yaml(text, "w.yaml", Limits()).document
    document = load_bytes(text.encode("utf-8"), "w.yaml")
    assert document.ok and fresh is not None and document.parsed is not None
    assert document.parsed.positions == fresh.positions
    assert document.parsed.data == fresh.data  # read again from the text when asked
    assert document.parsed == fresh
    assert pickle.loads(pickle.dumps(document.parsed)) == fresh  # as the cache stores it
    # what a run holds for each valid file is a fraction of the parse tree
    assert _held(document.parsed) * 3 < _held(fresh)


def _held(value: object) -> int:
    """Bytes a value takes in memory, measured by building a copy of it."""
    import pickle
    import tracemalloc

    data = pickle.dumps(value)
    tracemalloc.start()
    try:
        copy = pickle.loads(data)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del copy
    return held


def test_a_failed_document_keeps_its_values_for_the_rules_that_read_them() -> None:
    text = _proposal_text().replace("region: 완주군", "region: [완주군]")
    document = load_bytes(text.encode("utf-8"), "w.yaml")
    assert not document.ok and document.parsed is not None
    assert document.parsed.data["id"] == "2026-wanju"
    assert {d.code for d in document.diagnostics} and all(d.line > 0 for d in document.diagnostics)
