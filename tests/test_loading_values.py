"""Values as officials write them: what is read, what is refused, and what the hint says."""

from __future__ import annotations

import datetime as dt

import pytest

from matchmaker import bundled
from matchmaker.catalog import load_catalog
from matchmaker.loading.values import (
    Vocabularies,
    read_amount,
    read_date,
    read_share,
    read_start,
    read_text,
    read_whole,
    read_year,
    vocabularies,
)


@pytest.fixture(scope="module")
def words() -> Vocabularies:
    catalog, problems = load_catalog(bundled.catalog_dir())
    assert catalog is not None, problems
    return vocabularies(catalog.themes.themes, catalog.policy_areas.policy_areas)


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        (300000000, 300_000_000),
        (300000000.0, 300_000_000),  # how Excel stores every number
        ("300000000", 300_000_000),
        ("300,000,000", 300_000_000),
        ("300,000,000원", 300_000_000),
        ("₩300,000,000", 300_000_000),
        ("3억원", 300_000_000),
        ("3억", 300_000_000),
        ("3억 5천만 원", 350_000_000),
        ("3억5천만원", 350_000_000),
        ("3.5억", 350_000_000),
        ("0.5억", 50_000_000),
        ("5천만원", 50_000_000),
        ("3,000만 원", 30_000_000),
        ("300백만원", 300_000_000),  # tables in 백만원
        ("1조 2억", 1_000_200_000_000),
        ("３억원", 300_000_000),  # full-width digits
    ],
)
def test_amounts_are_read_as_written(written: object, amount: int) -> None:
    assert read_amount(written).value == amount


@pytest.mark.parametrize(
    ("written", "suggestion", "reading"),
    [
        ("3억 5000", "300005000", "300,005,000원"),  # or 3억 5000만?
        ("3억5천", "300005000", "300,005,000원"),
        ("3,00,000", "300000", "300,000원"),  # separators in the wrong places
        ("1,5", "15", "15원"),  # a decimal comma?
        ("300.000.000", "300000000", "300,000,000원"),
    ],
)
def test_ambiguous_amounts_are_errors_naming_the_reading(
    written: str, suggestion: str, reading: str
) -> None:
    problem = read_amount(written).problem
    assert problem is not None
    assert (problem.code, problem.suggestion, problem.reading) == (
        "ambiguous-value",
        suggestion,
        reading,
    )
    assert problem.hint == "write-reading"


@pytest.mark.parametrize("written", ["3.5", "삼억", "3억 오천", "-300", "만억", 12.5, True, None])
def test_amounts_that_mean_nothing_are_refused(written: object) -> None:
    reading = read_amount(written)
    assert reading.problem is not None
    assert reading.problem.code == "unreadable-value"


@pytest.mark.parametrize(
    ("written", "share"),
    [
        (0.3, 0.3),
        ("0.3", 0.3),
        ("30%", 0.3),
        ("30 %", 0.3),
        ("12.5%", 0.125),
        ("30퍼센트", 0.3),
        (1, 1.0),
        (0, 0.0),
    ],
)
def test_shares_are_read_as_fractions(written: object, share: float) -> None:
    assert read_share(written).value == share


@pytest.mark.parametrize(("written", "suggestion"), [("30", "0.3"), (45, "0.45"), (12.5, "0.125")])
def test_a_bare_percentage_is_an_error_offering_the_fraction(
    written: object, suggestion: str
) -> None:
    problem = read_share(written).problem
    assert problem is not None and problem.code == "ambiguous-value"
    assert problem.suggestion == suggestion


@pytest.mark.parametrize(
    ("written", "date"),
    [
        (dt.datetime(2027, 3, 31), dt.date(2027, 3, 31)),  # an Excel date cell
        ("2027-03-31", dt.date(2027, 3, 31)),
        ("2027.3.31", dt.date(2027, 3, 31)),
        ("2027. 3. 31.", dt.date(2027, 3, 31)),
        ("2027/03/31", dt.date(2027, 3, 31)),
        ("2027년 3월 31일", dt.date(2027, 3, 31)),
        ("31/03/2027", dt.date(2027, 3, 31)),  # only one reading: no 31st month
    ],
)
def test_dates_are_read_in_the_forms_people_type(written: object, date: dt.date) -> None:
    assert read_date(written).value == date


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("03/04/2027", "2027-04-03"),  # 3 April or 4 March
        ("27.3.31", "2027-03-31"),  # which century
        (46112, "2026-03-31"),  # an Excel serial day in a cell not formatted as a date
    ],
)
def test_ambiguous_dates_are_errors_naming_the_reading(written: object, suggestion: str) -> None:
    problem = read_date(written).problem
    assert problem is not None and problem.code == "ambiguous-value"
    assert problem.suggestion == suggestion


@pytest.mark.parametrize("written", ["2027-02-30", "내년 봄", dt.datetime(2027, 3, 31, 9, 30)])
def test_dates_that_are_not_days_are_refused(written: object) -> None:
    reading = read_date(written)
    assert reading.problem is not None and reading.problem.code == "unreadable-value"


def test_a_start_is_a_year_or_a_date() -> None:
    assert read_start(2027).value == 2027
    assert read_start(2027.0).value == 2027
    assert read_start("2027년").value == 2027
    assert read_start("2027-04-01").value == dt.date(2027, 4, 1)
    month = read_start("2027년 4월").problem
    assert month is not None and month.suggestion == "2027-04-01"


def test_whole_numbers_and_years_take_their_korean_counters() -> None:
    assert read_whole("3년").value == 3
    assert read_whole("1순위").value == 1
    assert read_whole(3.0).value == 3
    assert read_whole(2.5).problem is not None
    assert read_year("2029년").value == 2029


def test_text_keeps_what_was_typed_and_numbers_as_their_digits() -> None:
    assert read_text("공공급식").value == "공공급식"
    assert read_text("한글".encode().decode()).value == "한글"
    assert read_text(250).value == "250"
    assert read_text(250.0).value == "250"


@pytest.mark.parametrize(
    ("written", "theme"),
    [
        ("farm-produce-sales", "farm-produce-sales"),
        ("농특산물 판매·직거래", "farm-produce-sales"),  # the label
        ("농특산물판매 · 직거래", "farm-produce-sales"),  # spacing does not matter
        ("농특산물 판매", "farm-produce-sales"),  # a part of the label only one theme has
        ("Public meals", "public-meals"),
        ("Idle facilities, closed schools and empty houses", "idle-facilities"),
    ],
)
def test_themes_are_read_by_id_or_label(words: Vocabularies, written: str, theme: str) -> None:
    assert words.themes.read(written).value == theme


def test_a_theme_typo_or_synonym_is_refused_with_the_nearest_theme(words: Vocabularies) -> None:
    typo = words.themes.read("농특산물 판메").problem
    assert typo is not None and typo.code == "unreadable-value"
    assert typo.suggestion == "farm-produce-sales"
    assert typo.hint == "did-you-mean-label"
    assert typo.hint_params["label@ko"] == "농특산물 판매·직거래"
    synonym = words.themes.read("로컬푸드").problem  # a word of free text, not a label
    assert synonym is not None and synonym.suggestion == "farm-produce-sales"


def test_several_values_in_one_cell(words: Vocabularies) -> None:
    read = words.themes.read_many("공공급식, 농특산물 판매\n일자리")
    assert [(piece, r.value) for piece, r in read] == [
        ("공공급식", "public-meals"),
        ("농특산물 판매", "farm-produce-sales"),
        ("일자리", "jobs"),
    ]


@pytest.mark.parametrize(
    ("kind", "written", "value"),
    [
        ("modes", "판매", "sales"),
        ("modes", "조달·공공구매", "procurement"),
        ("modes", "마케팅", "marketing"),
        ("modes", "Start-up support", "start-up-support"),
        ("partner_kinds", "협동조합", "cooperative"),
        ("partner_kinds", "사회적기업", "social-enterprise"),
        ("tie_kinds", "자매결연", "sister-district"),
        ("policy_areas", "안전한 먹거리 확보", "safe-food"),
    ],
)
def test_closed_lists_are_read_by_korean_label(
    words: Vocabularies, kind: str, written: str, value: str
) -> None:
    assert getattr(words, kind).read(written).value == value


def test_a_label_part_two_values_share_is_ambiguous() -> None:
    from matchmaker.loading.values import Choice, Expected, Vocabulary

    both = Vocabulary(
        Expected("a theme", "주제"),
        (Choice("a", "교육·문화", "A"), Choice("b", "교육·복지", "B")),
    )
    problem = both.read("교육").problem
    assert problem is not None and problem.code == "ambiguous-value"
    assert problem.candidates == ("a (교육·문화)", "b (교육·복지)")


FARM = "Farm produce sales and direct trade"


# -- the same reading answers a YAML file that used the words of the template ---------------
def _hint(words: Vocabularies, demand_lines: str) -> tuple[str, str | None, str | None]:
    from matchmaker.loading.documents import load_bytes

    text = (
        "kind: proposal\nid: p\nregion: 완주군\ndemands:\n"
        "  - id: d\n    title: 제목\n    description: 설명\n" + demand_lines
    )
    document = load_bytes(text.encode(), "p.yaml", words=words)
    first = document.diagnostics[0]
    return f"{first.line}:{first.column}", first.code, first.hint_text("en")


@pytest.mark.parametrize(
    ("lines", "where", "hint"),
    [
        (
            "    themes: [농특산물 판매]\n",
            "8:14",
            "write the id 'farm-produce-sales' (Farm produce sales and direct trade)",
        ),
        (
            "    themes: [농특산물 판메]\n",
            "8:14",
            "did you mean 'farm-produce-sales' (Farm produce sales and direct trade)?",
        ),
        ("    modes: [판매]\n", "8:13", "write the id 'sales' (sales)"),
        (
            "    partners:\n      - name: 조합\n        kind: 협동조합\n",
            "10:15",
            "write the id 'cooperative' (cooperative)",
        ),
        ("    budget_request: 3억원\n", "8:21", "write 300000000"),
        ("    budget_request: 3억 5천만 원\n", "8:21", "write 350000000"),
        ("    local_match: 30%\n", "8:18", "write 0.3"),
        ("    start: 2027년\n", "8:12", "write 2027"),
    ],
)
def test_yaml_hints_read_the_labels_and_amounts_of_the_template(
    words: Vocabularies, lines: str, where: str, hint: str
) -> None:
    found_where, _code, found_hint = _hint(words, lines)
    assert (found_where, found_hint) == (where, hint)


def test_yaml_dates_typed_the_korean_way_get_the_iso_form(words: Vocabularies) -> None:
    from matchmaker.loading.documents import load_bytes

    text = "kind: proposal\nid: p\nregion: 완주군\nsubmitted: 2027. 3. 31.\ndemands: []\n"
    document = load_bytes(text.encode(), "p.yaml", words=words)
    dates = [d for d in document.diagnostics if d.code == "invalid-date"]
    assert dates[0].hint_text("en") == "write 2027-03-31"


def test_a_loaded_catalog_keeps_the_vocabularies_it_loaded_its_projects_with(
    words: Vocabularies,
) -> None:
    # load_catalog builds them once and hands them to the catalog: the same lists as
    # built afresh from its themes and policy areas.
    catalog, _ = load_catalog(bundled.catalog_dir())
    assert catalog is not None
    assert "words" in vars(catalog)  # not built again on first use
    assert repr(catalog.words) == repr(words)
