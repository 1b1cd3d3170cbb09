"""One Hangul toolkit (matchmaker/text/hangul.py): one decomposition, spelt for each job."""

from __future__ import annotations

from matchmaker.text.hangul import choseong, has_final, jamo, keyboard_jamo, parts


def test_a_syllable_is_initial_medial_final() -> None:
    assert parts("가") == (0, 0, 0)
    assert parts("힣") == (18, 20, 27)
    assert has_final("식") and not has_final("시") and not has_final("A")


def test_keyboard_jamo_spells_syllables_as_typed() -> None:
    assert keyboard_jamo("완주군") == "ㅇㅗㅏㄴㅈㅜㄱㅜㄴ"
    assert keyboard_jamo("닭") == "ㄷㅏㄹㄱ"
    assert keyboard_jamo("Wanju 1") == "Wanju 1"


def test_conjoining_jamo_keep_first_and_last_consonants_apart() -> None:
    assert jamo("식") == "\u1109\u1175\u11a8"  # ᄉ ᅵ ᆨ
    assert jamo("공공급씩") != jamo("공공급식")
    assert len(jamo("공공급식")) == 12


def test_choseong_takes_each_syllables_initial() -> None:
    assert choseong("완주군") == "ㅇㅈㄱ"
    assert choseong("까치 산") == "ㄲㅊㅅ"
    assert choseong("ABC") == ""


def test_both_spellings_agree_on_every_syllable() -> None:
    # One decomposition: the conjoining and keyboard spellings name the same initial.
    for code in range(0xAC00, 0xD7A4, 97):
        char = chr(code)
        initial = parts(char)[0]
        assert ord(jamo(char)[0]) - 0x1100 == initial
        assert choseong(char) == "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[initial]
