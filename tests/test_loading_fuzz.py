"""Mutation fuzzing: whatever the bytes, the loader answers with a model or diagnostics."""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.diagnostics import CODES, LANGUAGES, Severity
from matchmaker.diagnostics.render import RENDERERS, Summary
from matchmaker.loading.documents import LoadedDocument, load_bytes

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted(
    [
        *(REPO / "tests" / "examples" / "valid").glob("*.yaml"),
        *(REPO / "examples" / "proposals").glob("*.yaml"),
    ]
)
# Fragments that tend to break YAML, typing or our own bookkeeping.
FRAGMENTS = [
    b":",
    b"- ",
    b"\n",
    b"\t",
    b"  ",
    b"&a ",
    b"*a",
    b"<<: ",
    b"!!int ",
    b"? ",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b"'",
    b"#",
    b"---\n",
    b"|",
    b">",
    b"%",
    b"@",
    b"\x00",
    b"\xff",
    b"\xe2\x80\xa8",
    "한".encode(),
    b"010",
    b"yes",
    b"1_000",
    b"2026-02-30",
    b"9" * 50,
    b"\r",
    b"\xef\xbb\xbf",
    b".inf",
    b"~",
    b"kind: ",
    b"demands:",
]
MUTATIONS = 3000
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        position = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.35:
            data = data[:position] + rng.choice(FRAGMENTS) + data[position:]
        elif choice < 0.6:
            data = data[:position] + data[position + rng.randint(1, 8) :]
        elif choice < 0.8:
            lines = data.split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        else:
            lines = data.split(b"\n")
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            data = b"\n".join(lines)
    return data


def _answers_properly(document: LoadedDocument, data: bytes) -> None:
    assert document.ok or any(d.level is Severity.ERROR for d in document.diagnostics)
    lines = data.count(b"\n") + data.count(b"\r") + 1
    for diagnostic in document.diagnostics:
        assert 0 <= diagnostic.line <= lines
        assert diagnostic.column >= 0
        info = CODES[diagnostic.code]
        for language in LANGUAGES:
            template = info.ko if language == "ko" else info.en
            for name in PLACEHOLDER.findall(template):
                assert name in diagnostic.params, (diagnostic.code, name)
            diagnostic.message(language)
            diagnostic.hint_text(language)
    summary = Summary.of([document.file], list(document.diagnostics))
    sources = {document.file: document.text} if document.text else {}
    for render in RENDERERS.values():
        render(list(document.diagnostics), summary, "ko", sources)


def test_thousands_of_seeded_mutations_give_only_diagnostics() -> None:
    rng = random.Random(20261128)
    originals = [path.read_bytes() for path in SEEDS]
    assert len(originals) >= 10
    for _ in range(MUTATIONS):
        data = _mutate(rng.choice(originals), rng)
        _answers_properly(load_bytes(data, "fuzz.yaml"), data)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_only_diagnostics(data: bytes) -> None:
    _answers_properly(load_bytes(data, "fuzz.yaml"), data)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=300))
def test_arbitrary_text_gives_only_diagnostics(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    _answers_properly(load_bytes(data, "fuzz.yaml"), data)
