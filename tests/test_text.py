"""Reading free text: what the matcher understands in a region's own words.

Most demands are free Korean text written by officials in a hurry: compounds spaced or not
(청년일자리, 청년 일자리), particles attached (공공급식을), the odd typo (공공급씩), and some
English. These cases are promises about what counts as the same word, and what does not.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from matchmaker.bundled import catalog_dir
from matchmaker.catalog.loader import load_catalog
from matchmaker.text import (
    MAX_TEXT_CHARS,
    STOPWORDS,
    ThemeHit,
    Vocabulary,
    detach_particles,
    jamo,
    normalise,
    stem,
    strip_particles,
    terms,
)

JUDGED = Path(__file__).resolve().parent / "judged" / "demands.yaml"


@pytest.fixture(scope="module")
def catalog() -> Any:
    catalog, diagnostics = load_catalog(catalog_dir())
    assert catalog is not None, diagnostics
    return catalog


@pytest.fixture(scope="module")
def vocabulary(catalog: Any) -> Vocabulary:
    return Vocabulary(catalog.themes.themes)


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, Any]]:
    entries = yaml.safe_load(JUDGED.read_text(encoding="utf-8"))["judged"]
    return {entry["id"]: entry for entry in entries}


def themes(vocabulary: Vocabulary, text: str, title: str = "") -> set[str]:
    return set(vocabulary.read(text, title=title))


def hit(vocabulary: Vocabulary, text: str, theme: str, synonym: str, title: str = "") -> ThemeHit:
    hits = {h.synonym: h for h in vocabulary.read(text, title=title).get(theme, ())}
    assert synonym in hits, f"{synonym!r} not read as {theme}: {sorted(hits)}"
    return hits[synonym]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- normalise --------------------------------------------------------------------------


def test_decomposed_hangul_is_composed() -> None:
    # Text pasted from HWP or macOS often carries ᄀ + ᅩ + ᆼ for 공; it must read as 공.
    assert nfd("공공급식") != "공공급식"
    assert normalise(nfd("공공급식")) == "공공급식"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("농특산물 판매·직거래", "농특산물 판매 직거래"),
        ("서울‧전남・완주", "서울 전남 완주"),
        ("Start-ups / (Seoul) farmers' market", "start ups seoul farmers market"),
        ("snake_case  and\ttabs\n\nnewlines", "snake case and tabs newlines"),
        ("「공공급식」을 [확대]!", "공공급식 을 확대"),
        ("  ", ""),
    ],
)
def test_punctuation_becomes_single_spaces_and_latin_is_casefolded(
    text: str, expected: str
) -> None:
    assert normalise(text) == expected


# --- Korean words -------------------------------------------------------------------------


def test_jamo_spells_out_syllables_and_leaves_the_rest() -> None:
    assert jamo("식") == "\u1109\u1175\u11a8"  # ᄉ ᅵ ᆨ: conjoining, first and last kept apart
    assert jamo("a1 식!") == "a1 \u1109\u1175\u11a8!"
    # A typo one key off is one jamo off.
    spelt, typo = jamo("공공급식"), jamo("공공급씩")
    assert len(spelt) == len(typo)
    assert sum(a != b for a, b in zip(spelt, typo, strict=True)) == 1


@pytest.mark.parametrize(
    ("token", "stem_"),
    [
        # Particles and endings come off, longest first, stacked ones too.
        ("일자리를", "일자리"),
        ("농촌관광으로", "농촌관광"),
        ("캠핑장을", "캠핑장"),
        ("청년들이", "청년"),
        ("공공급식을", "공공급식"),
        ("서울시와의", "서울시"),
        ("아이들에게", "아이"),
        ("서울로", "서울"),
        ("학교입니다", "학교"),
        ("운영했습니다", "운영"),
        ("지원하기위해", "지원"),
        ("적과랑", "적과"),
        # Common nouns are never cut into.
        ("교육", "교육"),
        ("공공급식", "공공급식"),
        ("일자리", "일자리"),
        ("청년", "청년"),
        ("판로", "판로"),
        ("도로", "도로"),
        # The last syllable looks like a particle but does not follow the sound it needs
        # (을 after a vowel, 가 after a consonant).
        ("마을", "마을"),
        ("농촌마을을", "농촌마을"),
        ("체험농가", "체험농가"),
        ("전문가", "전문가"),
        # Nouns that end in a particle-like syllable even by sound.
        ("어린이", "어린이"),
        ("강원도", "강원도"),
        ("고속도로", "고속도로"),
        ("정책회의를", "정책회의"),
        ("농촌살이", "농촌살이"),
        ("오페라", "오페라"),
        ("고향사랑", "고향사랑"),
    ],
)
def test_strip_particles(token: str, stem_: str) -> None:
    assert strip_particles(token) == stem_


def test_a_stem_never_drops_below_two_syllables() -> None:
    assert strip_particles("교를") == "교를"
    assert strip_particles("들") == "들"
    assert strip_particles("") == ""


# --- English words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("meals", "meal"),
        ("schools", "school"),
        ("farming", "farm"),
        ("startups", "startup"),
        ("cities", "city"),
        ("classes", "class"),
        ("campus", "campus"),
        ("planning", "plan"),
        ("selling", "sell"),
        ("need", "need"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("exchange", "exchanges"),
        ("education", "educate"),
        ("trade", "trading"),
        ("house", "houses"),
    ],
)
def test_forms_of_one_word_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("opera", "operation"),
        ("house", "housing"),  # housing is the theme, not any house
        ("school", "schooling"),
        ("second", "secondment"),
    ],
)
def test_different_words_keep_different_stems(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_hyphenated_words_are_split_by_normalise() -> None:
    assert normalise("start-ups").split() == ["start", "ups"]


def test_stopwords_are_function_words_only() -> None:
    assert {"the", "and", "our", "with"} <= STOPWORDS
    assert not {"school", "market", "jobs", "seoul"} & STOPWORDS


# --- reading themes: Korean ---------------------------------------------------------------


def test_a_plain_synonym_is_read_exactly(vocabulary: Vocabulary) -> None:
    found = hit(vocabulary, "공공급식을 늘리고 싶다", "public-meals", "공공급식")
    assert found == ThemeHit(
        theme="public-meals", synonym="공공급식", found="공공급식", exact=True, in_title=False
    )


@pytest.mark.parametrize(
    ("joined", "spaced"),
    [
        ("청년일자리", "청년 일자리"),
        ("공공급식센터", "공공 급식 센터"),
        ("귀농귀촌 교육", "귀농 귀촌 교육"),
        ("폐교캠핑장", "폐교 캠핑장"),
    ],
)
def test_spacing_does_not_matter(vocabulary: Vocabulary, joined: str, spaced: str) -> None:
    read_joined = vocabulary.read(joined)
    read_spaced = vocabulary.read(spaced)
    assert read_joined
    assert {t: [h.synonym for h in hs] for t, hs in read_joined.items()} == {
        t: [h.synonym for h in hs] for t, hs in read_spaced.items()
    }


def test_spaced_finds_are_reported_as_written(vocabulary: Vocabulary) -> None:
    found = hit(vocabulary, "청년 일자리 창출", "youth-startups", "청년 일자리")
    assert found.found == "청년 일자리"


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("공공급식을 통한 판로", "public-meals"),
        ("녹차밭 농촌관광으로 관광객 유치", "rural-tourism"),
        ("폐교를 가족 캠핑장으로", "idle-facilities"),
        ("폐교를 가족 캠핑장으로", "rural-tourism"),
        ("청년일자리를 만들 창업팀", "youth-startups"),
        ("서울 청년들이 창업하도록", "youth-startups"),
    ],
)
def test_attached_particles_do_not_matter(vocabulary: Vocabulary, text: str, theme: str) -> None:
    assert theme in themes(vocabulary, text)


def test_a_typo_in_the_judged_set_is_read_and_marked(
    vocabulary: Vocabulary, judged: dict[str, Any]
) -> None:
    demand = judged["nonsan-daycare-produce"]  # title: 공공급씩 식재료 공급처 확보
    found = hit(
        vocabulary, demand["description"], "public-meals", "공공급식", title=demand["title"]
    )
    assert (found.found, found.exact, found.in_title) == ("공공급씩", False, True)


@pytest.mark.parametrize(
    ("text", "theme", "synonym", "typo"),
    [
        ("공공급씩 확대", "public-meals", "공공급식", "공공급씩"),  # one consonant doubled
        ("주말 캠핑잠 운영", "rural-tourism", "캠핑장", "캠핑잠"),  # final consonant wrong
        ("공공급시 공급", "public-meals", "공공급식", "공공급시"),  # final consonant dropped
        ("공공 급씩 확대", "public-meals", "공공급식", "공공 급씩"),  # and spaced
    ],
)
def test_one_jamo_off_in_three_syllables_or_more_is_a_typo(
    vocabulary: Vocabulary, text: str, theme: str, synonym: str, typo: str
) -> None:
    found = hit(vocabulary, text, theme, synonym)
    assert (found.found, found.exact) == (typo, False)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("공원 조성", "culture-arts"),  # 공원 is one jamo off 공연, but two syllables are too short
        ("관광사업과 연계", "youth-startups"),  # 사업 + 과, not a misspelt 사업화
        ("청년 공동체 활동", "youth-startups"),  # 공 starts the next word; it is not 청년농
        # 잘 (sleep) is one jamo off 팔 (sell), a whole word of 팔 데가 없: nowhere to sleep
        ("가족들이 잘데가 없어서 당일치기로 가요", "farm-produce-sales"),
    ],
)
def test_near_misses_that_are_other_words_are_not_typos(
    vocabulary: Vocabulary, text: str, theme: str
) -> None:
    assert theme not in themes(vocabulary, text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("상생협력 사업", "social-economy"),  # 상생협력 holds 생협 (a co-op store)
        ("연구인력 양성", "jobs"),  # 연구인력 holds 구인 (hiring)
        ("사업 성공 연계", "culture-arts"),  # 성공 연계 holds 공연 once spaces are gone
        ("기술 도입 점검", "farm-produce-sales"),  # 도입 점검 holds 입점
    ],
)
def test_two_syllable_words_are_not_found_inside_other_words(
    vocabulary: Vocabulary, text: str, theme: str
) -> None:
    assert theme not in themes(vocabulary, text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("생협 매장 입점", "social-economy"),
        ("노인급식 지원", "public-meals"),  # ends a word
        ("급식센터와 연결", "public-meals"),  # starts one
        ("판로를 찾고 싶음", "farm-produce-sales"),  # ends one before its particle
    ],
)
def test_two_syllable_words_are_found_at_the_edge_of_a_word(
    vocabulary: Vocabulary, text: str, theme: str
) -> None:
    assert theme in themes(vocabulary, text)


def test_a_word_inside_a_longer_word_of_its_theme_is_one_hit(vocabulary: Vocabulary) -> None:
    hits = vocabulary.read("학교급식 확대")["public-meals"]
    assert [h.synonym for h in hits] == ["학교급식"]  # not 급식 as well
    both = vocabulary.read("학교급식 확대와 급식 품질")["public-meals"]
    assert sorted(h.synonym for h in both) == ["급식", "학교급식"]


def test_decomposed_input_reads_the_same(vocabulary: Vocabulary) -> None:
    text = "폐교를 가족 캠핑장으로 쓰고 공공급씩도 늘리고 싶음"
    assert vocabulary.read(nfd(text), title=nfd("폐교 활용")) == vocabulary.read(
        text, title="폐교 활용"
    )


# --- reading themes: English --------------------------------------------------------------


def test_english_phrases_are_read_on_stems(vocabulary: Vocabulary) -> None:
    found = hit(vocabulary, "We want Seoul school trips here", "education-exchange", "school trip")
    assert (found.found, found.exact) == ("school trips", True)
    assert "public-meals" in themes(vocabulary, "Organic school meals for daycare")


@pytest.mark.parametrize(
    "text",
    [
        "Cooperation with Seoul on everything",
        "We want to improve the operation of our hall",
        "Residents have concerns about noise",
    ],
)
def test_english_words_only_match_whole_words(vocabulary: Vocabulary, text: str) -> None:
    # Not opera in cooperation or operation, nor concert in concerns.
    assert "culture-arts" not in themes(vocabulary, text)


@pytest.mark.parametrize(
    ("text", "theme", "synonym", "found"),
    [
        (
            "새로운 시도를 할 young people이 지역에 없는 게",
            "youth-startups",
            "young people",
            "young people",
        ),
        ("폐교를 family campsite로 쓰자는 의견", "rural-tourism", "campsite", "campsite"),
        (
            "shopping mall 입점보다 school meal을 원함",
            "public-meals",
            "school meals",
            "school meal",
        ),
    ],
)
def test_an_english_word_with_a_korean_particle_is_read(
    vocabulary: Vocabulary, text: str, theme: str, synonym: str, found: str
) -> None:
    assert hit(vocabulary, text, theme, synonym).found == found


@pytest.mark.parametrize(
    ("text", "detached"),
    [
        ("young people이 지역에", "young people 지역에"),  # a particle goes
        ("stay하면서 farming practice와 귀농", "stay farming practice 귀농"),  # an ending too
        ("mz세대 유입", "mz 세대 유입"),  # a noun stays, as a word of its own
        ("2027년 청년몰", "2027년 청년몰"),  # digits are no English word
    ],
)
def test_particles_are_detached_from_english_words(text: str, detached: str) -> None:
    assert detach_particles(text) == detached


def test_a_particle_on_an_english_word_joins_no_korean_compound() -> None:
    # 이 of people이 and 지역 are not one noun run (no bigram 이지); the English word counts.
    read = terms("young people이 지역에 없다")
    assert "e:peopl" in read and "k:지역" in read and "k:이지" not in read


def test_an_english_typo_in_a_long_word_is_read_and_marked(vocabulary: Vocabulary) -> None:
    found = hit(vocabulary, "A travelling exhibiton of our artefacts", "culture-arts", "exhibition")
    assert (found.found, found.exact) == ("exhibiton", False)
    assert "culture-arts" not in themes(vocabulary, "A small musem")  # five letters: too short


@pytest.mark.parametrize("word", ["hearing", "police", "former", "string", "concept"])
def test_common_words_one_letter_off_a_synonym_are_not_typos(
    vocabulary: Vocabulary, word: str
) -> None:
    # healing, policy, farmer, spring and concert are vocabulary words.
    assert all(h.exact for hits in vocabulary.read(f"a {word} here").values() for h in hits)
    assert not vocabulary.read(f"a {word} here")


# --- reading themes: the result -----------------------------------------------------------


def test_unrelated_text_reads_no_theme(vocabulary: Vocabulary) -> None:
    assert vocabulary.read("고양이 사진을 정리하고 액자를 고른다") == {}
    assert vocabulary.read("Choosing frames for the cat photographs") == {}
    assert vocabulary.read("") == {}


def test_a_need_no_project_serves_reads_as_its_own_theme(vocabulary: Vocabulary) -> None:
    # Roads are a real need that no Seoul project serves: read as such, so the answer can
    # be "no suitable project" with the need named.
    assert set(vocabulary.read("도로 포장 공사 예산 지원", title="군도 3호선 확포장")) == {
        "transport"
    }
    assert set(vocabulary.read("Resurfacing the county road and fixing its drainage")) == {
        "transport"
    }


def test_title_hits_are_marked_and_merged_with_the_body(vocabulary: Vocabulary) -> None:
    read = vocabulary.read("폐교를 고쳐 캠핑장으로 쓰고 싶습니다.", title="폐교 캠핑장")
    idle = {h.synonym: h for h in read["idle-facilities"]}
    assert idle["폐교 캠핑장"].in_title
    assert read["rural-tourism"][0].synonym == "캠핑장"
    assert read["rural-tourism"][0].in_title  # in both: one hit, marked as in the title


def test_themes_come_in_vocabulary_order_and_hits_in_a_fixed_order(
    vocabulary: Vocabulary, catalog: Any
) -> None:
    text = "친환경 학교급식과 공공급씩, 직거래 장터, 폐교 캠핑장, school meals and camping"
    read = vocabulary.read(text, title="로컬푸드")
    order = [theme.id for theme in catalog.themes.themes]
    assert list(read) == sorted(read, key=order.index)
    for hits in read.values():
        keys = [(not h.exact, not h.in_title, -len(h.synonym), h.synonym) for h in hits]
        assert keys == sorted(keys)
        assert len({h.synonym for h in hits}) == len(hits)
    assert vocabulary.read(text, title="로컬푸드") == read


def test_long_hostile_input_is_cut_and_stays_cheap(vocabulary: Vocabulary) -> None:
    # Only the first MAX_TEXT_CHARS are read, so the cost is bounded whatever the length
    # (timed in benchmarks/bench_rank.py, not here).
    text = ("공공급씩 " + "가나다라마바사아자차카타파하 " * 50 + "opera cooperation ") * 2_000
    read = vocabulary.read(text, title=text)
    assert read == vocabulary.read(text[:MAX_TEXT_CHARS], title=text[:MAX_TEXT_CHARS])


def test_the_judged_demands_read_a_theme_of_their_best_project(
    vocabulary: Vocabulary, catalog: Any, judged: dict[str, Any]
) -> None:
    # Regression guard for the vocabulary: the demands were written independently of it,
    # with typos, odd spacing and few literal words of the project's name.
    missed = []
    for demand_id, demand in judged.items():
        best = [project for project, grade in demand["relevance"].items() if grade == 3]
        wanted = {theme for project in best for theme in catalog.projects[project].themes}
        if not wanted & themes(vocabulary, demand["description"], demand["title"]):
            missed.append(demand_id)
    assert len(missed) <= 0.1 * len(judged), missed


# --- terms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("joined", "spaced"),
    [
        ("청년일자리", "청년 일자리"),
        ("청년일자리를 만들고", "청년 일자리를 만들고"),
        ("해남쌀", "해남 쌀"),
    ],
)
def test_terms_do_not_depend_on_spacing(joined: str, spaced: str) -> None:
    assert Counter(terms(joined)) == Counter(terms(spaced))


def test_korean_terms_are_bigrams_of_particle_free_runs() -> None:
    assert terms("청년 일자리를 만들 창업") == [
        "k:청년",
        "k:년일",
        "k:일자",
        "k:자리",  # 청년 일자리 is one run; 를 ends it
        "k:만들",
        "k:들창",
        "k:창업",
    ]
    assert "k:리를" not in terms("일자리를")
    assert "k:리만" not in terms("일자리를 만들")


def test_particles_do_not_change_terms() -> None:
    assert terms("공공급식을") == terms("공공급식") == ["k:공공", "k:공급", "k:급식"]


def test_one_syllable_nouns_are_kept_and_digits_dropped() -> None:
    assert terms("쌀") == ["k:쌀"]
    assert terms("2027") == []
    assert terms("2027년") == ["k:년"]


def test_english_terms_are_stems_without_stopwords() -> None:
    assert terms("The school trips and the school meals") == [
        "e:school",
        "e:trip",
        "e:school",
        "e:meal",
    ]


def test_terms_keep_duplicates_and_reading_order() -> None:
    assert terms("급식 and 급식, school") == ["k:급식", "k:급식", "e:school"]


def test_terms_read_decomposed_text_the_same() -> None:
    text = "공공급식 식재료를 Seoul schools에 공급"
    assert terms(nfd(text)) == terms(text)
