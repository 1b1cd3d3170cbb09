"""Values as officials write them: `3억 5천만 원`, `30%`, `2027. 3. 31.`, `협동조합`.

One reader serves two places. The workbook loader turns what a person typed in a cell
into the value the model expects; the YAML loader, which stays strict, uses the same
reading to say what to write instead (`budget_request: 3억원` → "write 300000000").

A reading is either certain or refused. Where a text can mean two things (`30` as a
share: 30% or 3,000%? `3억 5000`: 300,005,000 or 350,000,000? `03/04/2027`), the answer
is an error whose hint names the reading the tool would take, never a silent guess.
Nothing here reads files, the catalog or the clock.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, get_args

from matchmaker.messages import LABELS
from matchmaker.suggest import did_you_mean

# A typed value is never longer than this; anything longer is not a number or a name.
MAX_VALUE_CHARS = 60
# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
EXCEL_EPOCH = dt.date(1899, 12, 30)

ProblemCode = Literal["unreadable-value", "ambiguous-value"]


@dataclass(frozen=True, slots=True)
class Expected:
    """What a field holds, in words (English, Korean)."""

    en: str
    ko: str


AMOUNT = Expected("an amount in won", "원 단위 금액")
SHARE = Expected("a share (0 to 1, or a percentage)", "비율(0~1 또는 %)")
YEAR = Expected("a year", "연도")
WHOLE = Expected("a whole number", "정수")
DATE = Expected("a date", "날짜")
START = Expected("a year or a date", "연도 또는 날짜")
TEXT = Expected("text", "텍스트")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a value cannot be taken as written, and what to write instead.

    `suggestion` is what to write; `reading` (for an ambiguous value) is what the tool
    would take it to mean, in words a person checks against what they meant."""

    code: ProblemCode
    expected: Expected
    suggestion: str | None = None
    reading: str | None = None
    candidates: tuple[str, ...] = ()
    label: Expected | None = None  # the suggested id's label, for a closed list

    @property
    def hint(self) -> str | None:
        if self.candidates:
            return "pick-one"
        if self.label is not None:
            return "did-you-mean-label"
        if self.reading is not None and self.suggestion is not None:
            return "write-reading"
        if self.suggestion is not None:
            return "write-as"
        return None

    @property
    def hint_params(self) -> dict[str, str]:
        if self.candidates:
            return {"candidates": ", ".join(self.candidates)}
        if self.label is not None:
            return {
                "suggestion": self.suggestion or "",
                "label": self.label.en,
                "label@ko": self.label.ko,
            }
        return {"suggestion": self.suggestion or "", "reading": self.reading or ""}

    def params(self, raw: object) -> dict[str, str]:
        return {
            "value": shown(raw),
            "expected": self.expected.en,
            "expected@ko": self.expected.ko,
        }


@dataclass(frozen=True, slots=True)
class Reading:
    """The value read (when `problem` is None) or the problem."""

    value: Any = None
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def shown(raw: object) -> str:
    """A value as a person typed it, short enough for a message."""
    if isinstance(raw, dt.datetime):
        text = raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    elif isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    else:
        text = str(raw)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"


def _refused(expected: Expected, suggestion: str | None = None) -> Reading:
    return Reading(problem=Problem("unreadable-value", expected, suggestion))


def _ambiguous(expected: Expected, suggestion: str, reading: str) -> Reading:
    return Reading(problem=Problem("ambiguous-value", expected, suggestion, reading))


def _clean(text: str) -> str:
    """NFC, full-width digits and signs made ASCII (NFKC), spaces of every kind removed."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def won(amount: int) -> str:
    return f"{amount:,}원"


# -- amounts in won -------------------------------------------------------------------
_BIG_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL_UNITS = {"천": 1000, "백": 100, "십": 10}
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_AMOUNT_TOKEN = re.compile(r"(\d[\d,]*(?:\.\d+)?)|([조억만천백십])")
_CURRENCY = re.compile(r"^(?:₩|KRW)|(?:원정?|KRW|₩)$", re.IGNORECASE)


def _number(token: str) -> Decimal | None:
    """A number as written, with correct thousands separators if any."""
    if "," in token:
        whole, _, fraction = token.partition(".")
        if not _GROUPED.fullmatch(whole):
            return None
        token = whole.replace(",", "") + (f".{fraction}" if fraction else "")
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


def _korean_amount(text: str) -> tuple[Decimal, bool] | None:
    """`3억5천만` → 350,000,000. The flag says a bare number followed a big unit
    (`3억5000`), which people write meaning `3억 5000만` as often as `3억 5000`."""
    position = 0
    total = Decimal(0)
    group = Decimal(0)
    current: Decimal | None = None
    last_big = 10**13
    last_small = 10**4
    for match in _AMOUNT_TOKEN.finditer(text):
        if match.start() != position:
            return None
        position = match.end()
        number, unit = match.groups()
        if number is not None:
            if current is not None:
                return None
            current = _number(number)
            if current is None:
                return None
            continue
        if unit in _SMALL_UNITS:
            size = _SMALL_UNITS[unit]
            if size >= last_small:
                return None
            last_small = size
            group += (current if current is not None else Decimal(1)) * size
            current = None
            continue
        size = _BIG_UNITS[unit]
        if size >= last_big:
            return None
        last_big = size
        group += current if current is not None else Decimal(0)
        if group == 0 and current is None:
            group = Decimal(1)
        total += group * size
        group, current, last_small = Decimal(0), None, 10**4
    if position != len(text) or (last_big == 10**13 and last_small == 10**4):
        return None
    group += current if current is not None else Decimal(0)
    # `3억 5천` and `3억 5000` are said meaning `3억 5천만`: after 억 or 조, a last group
    # with no 만 of its own is read literally, but only after the writer confirms it.
    trailing = group != 0 and last_big in (10**12, 10**8)
    return total + group, trailing


def read_amount(raw: object) -> Reading:
    """KRW as an integer: `300000000`, `300,000,000`, `3억원`, `3억 5천만 원`, `300백만원`."""
    if isinstance(raw, bool) or raw is None:
        return _refused(AMOUNT)
    if isinstance(raw, int):
        return Reading(raw)
    if isinstance(raw, float):
        if raw.is_integer():
            return Reading(int(raw))
        return _refused(AMOUNT)
    if not isinstance(raw, str):
        return _refused(AMOUNT)
    text = _CURRENCY.sub("", _clean(raw))
    text = _CURRENCY.sub("", text)  # `₩300원` after the first pass
    if not text or len(text) > MAX_VALUE_CHARS or text.startswith("-"):
        return _refused(AMOUNT)
    if re.fullmatch(r"[\d,]+", text):
        value = _number(text)
        if value is not None:
            return Reading(int(value))
        digits = text.replace(",", "")
        # `3,00,000` or `1,5`: separators in the wrong places could be a typo or a
        # decimal comma; say how it would be read.
        return _ambiguous(AMOUNT, digits, won(int(digits)))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", text):
        digits = text.replace(".", "")
        return _ambiguous(AMOUNT, digits, won(int(digits)))
    if _NUMBER.fullmatch(text):
        return _refused(AMOUNT, None)  # `3.5` with no unit: 3.5 won is not an amount
    parsed = _korean_amount(text)
    if parsed is None:
        return _refused(AMOUNT)
    amount, trailing = parsed
    if amount != amount.to_integral_value():
        return _refused(AMOUNT)
    whole = int(amount)
    if trailing:
        return _ambiguous(AMOUNT, str(whole), won(whole))
    return Reading(whole)


# -- shares ---------------------------------------------------------------------------
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)(?:%|퍼센트|프로)")


def _percent(value: Decimal) -> float:
    return float(value / 100)


def read_share(raw: object) -> Reading:
    """A share from 0 to 1: `0.3`, `30%`, `30 %`, `30퍼센트`. A bare number above 1 (`30`)
    could be a percentage or a mistake: an error that offers `0.3`."""
    if isinstance(raw, bool) or raw is None:
        return _refused(SHARE)
    number: Decimal
    if isinstance(raw, int | float):
        number = Decimal(str(raw))
    elif isinstance(raw, str):
        text = _clean(raw)
        match = _PERCENT.fullmatch(text)
        if match is not None:
            return Reading(_percent(Decimal(match.group(1))))
        if not _NUMBER.fullmatch(text) or len(text) > MAX_VALUE_CHARS:
            return _refused(SHARE)
        number = Decimal(text)
    else:
        return _refused(SHARE)
    if 1 < number <= 100:
        share = _percent(number)
        return _ambiguous(SHARE, f"{share:g}", f"{number:f}%".replace(".0%", "%"))
    return Reading(float(number))


# -- whole numbers and years -----------------------------------------------------------
_WHOLE_SUFFIX = re.compile(r"(\d+)(?:년|개|개년|순위|위|번째)?")


def read_whole(raw: object, expected: Expected = WHOLE) -> Reading:
    """An integer: `3`, `3.0` (as Excel stores it), `3년`, `1순위`, `2027년`."""
    if isinstance(raw, bool) or raw is None:
        return _refused(expected)
    if isinstance(raw, int):
        return Reading(raw)
    if isinstance(raw, float):
        return Reading(int(raw)) if raw.is_integer() else _refused(expected)
    if not isinstance(raw, str):
        return _refused(expected)
    match = _WHOLE_SUFFIX.fullmatch(_clean(raw))
    if match is None or len(match.group(1)) > 12:
        return _refused(expected)
    return Reading(int(match.group(1)))


def read_year(raw: object) -> Reading:
    if isinstance(raw, dt.date):
        return _refused(YEAR, str(raw.year))
    return read_whole(raw, YEAR)


# -- dates ----------------------------------------------------------------------------
_YEAR_FIRST = re.compile(r"(\d{4})[-./년](\d{1,2})[-./월](\d{1,2})[.일]?")
_YEAR_LAST = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")
_SHORT_YEAR = re.compile(r"(\d{2})[-./](\d{1,2})[-./](\d{1,2})\.?")
_YEAR_MONTH = re.compile(r"(\d{4})[-./년](\d{1,2})[.월]?")
_YEAR_ONLY = re.compile(r"(\d{4})년?")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def excel_date(serial: float) -> dt.date | None:
    if not 1 <= serial <= 2_958_465:  # 9999-12-31
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _date_text(text: str, expected: Expected) -> Reading:
    match = _YEAR_FIRST.fullmatch(text)
    if match is not None:
        found = _date(*(int(part) for part in match.groups()))
        return Reading(found) if found is not None else _refused(expected)
    match = _YEAR_LAST.fullmatch(text)
    if match is not None:
        first, second, year = (int(part) for part in match.groups())
        day_first, month_first = _date(year, second, first), _date(year, first, second)
        if day_first is not None and month_first is not None and first != second:
            # 03/04/2027: 3 April or 4 March, depending on who wrote it.
            return _ambiguous(expected, day_first.isoformat(), day_first.isoformat())
        found = day_first or month_first
        return Reading(found) if found is not None else _refused(expected)
    match = _SHORT_YEAR.fullmatch(text)
    if match is not None:
        year, month, day = (int(part) for part in match.groups())
        found = _date(2000 + year, month, day)
        if found is not None:
            return _ambiguous(expected, found.isoformat(), found.isoformat())
    return _refused(expected)


def read_date(raw: object) -> Reading:
    """A calendar date: an Excel date cell, `2027-03-31`, `2027.3.31`, `2027. 3. 31.`,
    `2027년 3월 31일`, `31/03/2027`. A bare number is an Excel serial day: refused, with
    the date it would be as the hint."""
    if isinstance(raw, dt.datetime):
        if raw.time() != dt.time():
            return _refused(DATE, raw.date().isoformat())
        return Reading(raw.date())
    if isinstance(raw, dt.date):
        return Reading(raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        found = excel_date(raw)
        if found is None:
            return _refused(DATE)
        return _ambiguous(DATE, found.isoformat(), found.isoformat())
    if not isinstance(raw, str):
        return _refused(DATE)
    return _date_text(_clean(raw), DATE)


def read_start(raw: object) -> Reading:
    """A start: a year (`2027`, `2027년`) or a date. `2027년 3월` has no day: refused, with
    the first of the month as the hint."""
    if isinstance(raw, bool) or raw is None:
        return _refused(START)
    if isinstance(raw, dt.date):
        return read_date(raw)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not raw.is_integer():
            return _refused(START)
        if 1900 <= raw <= 2100:
            return Reading(int(raw))
        found = excel_date(raw)
        if found is None:
            return _refused(START)
        return _ambiguous(START, found.isoformat(), found.isoformat())
    if not isinstance(raw, str):
        return _refused(START)
    text = _clean(raw)
    match = _YEAR_ONLY.fullmatch(text)
    if match is not None:
        return Reading(int(match.group(1)))
    match = _YEAR_MONTH.fullmatch(text)
    if match is not None:
        found = _date(int(match.group(1)), int(match.group(2)), 1)
        if found is not None:
            return _refused(START, found.isoformat())
    return _date_text(text, START)


# -- text -----------------------------------------------------------------------------
def read_text(raw: object) -> Reading:
    """Text as written (NFC). A number typed in a text cell is its digits as shown."""
    if isinstance(raw, str):
        return Reading(unicodedata.normalize("NFC", raw))
    if isinstance(raw, bool) or raw is None:
        return _refused(TEXT)
    if isinstance(raw, int):
        return Reading(str(raw))
    if isinstance(raw, float):
        return Reading(str(int(raw)) if raw.is_integer() else repr(raw))
    if isinstance(raw, dt.datetime):
        return Reading(shown(raw))
    if isinstance(raw, dt.date):
        return Reading(raw.isoformat())
    return _refused(TEXT)


# -- closed lists by id or by label -----------------------------------------------------
_LABEL_NOISE = re.compile(r"[\s·・•ㆍ,./_()\[\]'\"-]+")
_PART_SEPARATORS = re.compile(r"\s*[·・•ㆍ/]\s*")


def _key(text: str) -> str:
    return _LABEL_NOISE.sub("", unicodedata.normalize("NFKC", text)).casefold()


@dataclass(frozen=True, slots=True)
class Choice:
    """One allowed value: its id, the labels people know it by, and related words that
    only suggest it (a theme's synonyms)."""

    id: str
    ko: str
    en: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    def display(self, language: str = "ko") -> str:
        return self.ko if language == "ko" else self.en


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A closed list (themes, delivery modes, partner kinds, policy areas…) read by id,
    Korean or English label, or a label's part (`농특산물 판매` of `농특산물 판매·직거래`)
    when that part belongs to one value only. Anything else is refused with the closest
    value as the hint."""

    name: Expected
    choices: tuple[Choice, ...]
    _exact: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _parts: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False)
    _near: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        parts: dict[str, set[str]] = {}
        for choice in self.choices:
            for text in (choice.id, choice.ko, choice.en, *choice.aliases):
                self._exact.setdefault(_key(text), choice.id)
                self._near.setdefault(text, choice.id)
            for label in (choice.ko, choice.en, *choice.aliases):
                for part in _PART_SEPARATORS.split(label):
                    if part and _key(part):
                        parts.setdefault(_key(part), set()).add(choice.id)
            for word in choice.related:
                self._near.setdefault(word, choice.id)
        for key, ids in parts.items():
            if key not in self._exact:
                self._parts[key] = tuple(sorted(ids))

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(choice.id for choice in self.choices)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    def label(self, choice_id: str, language: str = "ko") -> str:
        choice = self.choice(choice_id)
        return choice_id if choice is None else choice.display(language)

    def named(self, choice_id: str) -> str:
        """`farm-produce-sales (농특산물 판매·직거래)`: the id to write, and what it means."""
        choice = self.choice(choice_id)
        return choice_id if choice is None else f"{choice_id} ({choice.ko})"

    def labels(self, choice_id: str) -> Expected | None:
        choice = self.choice(choice_id)
        return None if choice is None else Expected(choice.en, choice.ko)

    def _unknown(self, raw: object) -> Reading:
        nearest = self.suggest(raw)
        label = None if nearest is None else self.labels(nearest)
        return Reading(problem=Problem("unreadable-value", self.name, nearest, label=label))

    def read(self, raw: object) -> Reading:
        if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_VALUE_CHARS * 2:
            return self._unknown(raw)
        key = _key(raw)
        if key in self._exact:
            return Reading(self._exact[key])
        ids = self._parts.get(key, ())
        if len(ids) == 1:
            return Reading(ids[0])
        if ids:
            return Reading(
                problem=Problem(
                    "ambiguous-value",
                    self.name,
                    candidates=tuple(self.named(choice_id) for choice_id in ids),
                )
            )
        return self._unknown(raw)

    def suggest(self, raw: object) -> str | None:
        """The id of the closest value, or None."""
        if not isinstance(raw, str):
            return None
        text = unicodedata.normalize("NFC", raw.strip())
        for word, choice_id in sorted(self._near.items()):
            if _key(word) == _key(text):
                return choice_id
        nearest = did_you_mean(text, self._near)
        return None if nearest is None else self._near[nearest]

    def read_many(self, raw: object) -> list[tuple[object, Reading]]:
        """Several values in one cell, separated by commas, semicolons or line breaks, each
        with the piece it was read from. The whole cell is tried first, as one English
        label holds a comma."""
        whole = self.read(raw)
        if whole.ok or not isinstance(raw, str):
            return [(raw, whole)]
        pieces = [piece.strip() for piece in re.split(r"[,;\n]", raw) if piece.strip()]
        return [(piece, self.read(piece)) for piece in pieces]


def _fixed(
    kind: str, values: Sequence[str], extra: dict[str, tuple[str, ...]]
) -> tuple[Choice, ...]:
    from matchmaker.schema import ENUM_LABELS

    choices = []
    for value in values:
        english, korean = LABELS[kind][value] if value in LABELS.get(kind, {}) else (value, value)
        wider = ENUM_LABELS.get(value, "")
        aliases = tuple(part.strip() for part in wider.split(" / ") if part.strip())
        choices.append(Choice(value, korean, english, aliases + extra.get(value, ())))
    return tuple(choices)


@dataclass(frozen=True, slots=True)
class Vocabularies:
    """Every closed list a proposal or project uses, from the code and the catalog."""

    themes: Vocabulary
    modes: Vocabulary
    partner_kinds: Vocabulary
    tie_kinds: Vocabulary
    policy_areas: Vocabulary

    def for_choices(self, choices: Iterable[str]) -> Vocabulary | None:
        """The vocabulary whose ids are exactly these (a model's Literal)."""
        wanted = frozenset(choices)
        for vocabulary in (self.modes, self.partner_kinds, self.tie_kinds):
            if frozenset(vocabulary.ids) == wanted:
                return vocabulary
        return None


def vocabularies(themes: Iterable[Any] = (), policy_areas: Iterable[Any] = ()) -> Vocabularies:
    """From the catalog's Theme and PolicyArea models (none: empty lists, as when the
    catalog itself does not load)."""
    from matchmaker.models.common import Mode, PartnerKind
    from matchmaker.models.proposal import PriorTie

    tie_kinds = get_args(PriorTie.model_fields["kind"].annotation)
    theme_choices = tuple(
        Choice(
            theme.id,
            theme.label.ko or theme.id,
            theme.label.en or theme.id,
            related=tuple(theme.synonyms.ko) + tuple(theme.synonyms.en),
        )
        for theme in themes
    )
    area_choices = tuple(
        Choice(area.id, area.name.ko or area.id, area.name.en or area.id) for area in policy_areas
    )
    return Vocabularies(
        themes=Vocabulary(Expected("a theme", "주제"), theme_choices),
        modes=Vocabulary(
            Expected("a delivery mode", "추진 방식"), _fixed("mode", get_args(Mode), {})
        ),
        partner_kinds=Vocabulary(
            Expected("a kind of partner", "협력 주체 종류"),
            _fixed("partner-kind", get_args(PartnerKind), {"private": ("기업", "민간")}),
        ),
        tie_kinds=Vocabulary(
            Expected("a kind of tie", "관계 종류"),
            _fixed("tie-kind", tie_kinds, {}),
        ),
        policy_areas=Vocabulary(Expected("a policy area", "정책 분야"), area_choices),
    )
