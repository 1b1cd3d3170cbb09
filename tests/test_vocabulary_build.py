"""Building the theme vocabulary costs a run only when it reads text.

A warm run takes every demand's reading from the cache, so the readers (the Korean trigram
index and the English typo index) are built on the first `read`, and the jamo spelling
table they share is built by arithmetic rather than syllable by syllable. Neither may
change what is read.
"""

from __future__ import annotations

import pytest

from matchmaker.bundled import catalog_dir
from matchmaker.catalog.loader import load_catalog
from matchmaker.models.reference import Theme
from matchmaker.text import Vocabulary, jamo
from matchmaker.text.korean_reader import _BYTE_OF_JAMO, spell


@pytest.fixture(scope="module")
def themes() -> tuple[Theme, ...]:
    catalog, findings = load_catalog(catalog_dir())
    assert catalog is not None, findings
    return tuple(catalog.themes.themes)


def test_every_syllable_is_spelt_as_its_conjoining_jamo() -> None:
    syllables = "".join(chr(code) for code in range(0xAC00, 0xD7A4))
    expected = jamo(syllables).translate(_BYTE_OF_JAMO).encode("latin-1")
    assert spell(syllables) == expected
    assert len(expected) == sum(3 if (code - 0xAC00) % 28 else 2 for code in range(0xAC00, 0xD7A4))


def test_letters_outside_hangul_keep_their_spelling() -> None:
    assert spell("ab1 ?") == b"ab1 ?"
    assert spell("é中") == b"??"  # neither ASCII nor a syllable


def test_the_readers_are_built_on_the_first_read_only(themes: tuple[Theme, ...]) -> None:
    vocabulary = Vocabulary(themes)
    assert vocabulary._readers is None
    hits = vocabulary.read("송파구 공공급씩에 사과를 넣고 싶습니다", title="Public meals")
    assert vocabulary._readers is not None
    readers = vocabulary._readers
    assert vocabulary.read("공공급식") and vocabulary._readers is readers  # built once
    # The typo is read through the Korean reader, the title through the English one.
    assert [(hit.synonym, hit.exact) for hit in hits["public-meals"]] == [
        ("Public meals", True),
        ("공공급식", False),
    ]


def test_a_lazily_built_vocabulary_reads_as_one_built_at_once(themes: tuple[Theme, ...]) -> None:
    texts = [
        ("공공급식 품목에 사과와 잡곡 추가", "송파구 공공급씩"),
        ("Touring performances and exhibitions in the border counties", ""),
        ("청년 일자리와 귀농·귀촌 지원, 캠핑잠 운영", "폐교 캠핑장"),
    ]
    first, second = Vocabulary(themes), Vocabulary(themes)
    second._built()
    for text, title in texts:
        assert first.read(text, title=title) == second.read(text, title=title)
