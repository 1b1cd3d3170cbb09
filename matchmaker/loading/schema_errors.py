"""Pydantic validation errors, sent back to the line and column the user wrote them on.

Pydantic speaks in locations (`('demands', 0, 'capacity')`) and English messages made
for programmers. Each error becomes a Diagnostic with a stable code, placed on the
offending key or value, with a hint that says how to fix it and, for misspelt names,
the allowed name it most resembles.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.nodes import Path, Positions
from matchmaker.models.common import SLUG_PATTERN
from matchmaker.models.records import DEMAND_REF_PATTERN, SHA256_PATTERN
from matchmaker.suggest import did_you_mean

if typing.TYPE_CHECKING:
    from matchmaker.loading.values import Reading, Vocabularies, Vocabulary

# Fields whose values the value reader can read from how people write them, so a YAML
# file that says `budget_request: 3억원` is told what to write (the model stays strict).
_AMOUNT_FIELDS = frozenset({"budget_request", "min", "max"})
_SHARE_FIELDS = frozenset({"local_match", "local_match_min"})
# What a text that fails a pattern should have been, by pattern; region codes otherwise.
_PATTERN_EXPECTED: dict[str, tuple[str, str]] = {
    DEMAND_REF_PATTERN: (
        "a demand named PROPOSAL/DEMAND, e.g. 2026-wanju/public-meals",
        "제안서id/수요id 형식의 수요(예: 2026-wanju/public-meals)",
    ),
    SHA256_PATTERN: (
        "a SHA-256 written as 64 lowercase hexadecimal digits",
        "소문자 16진수 64자리의 SHA-256",
    ),
}

MAX_LISTED_CHOICES = 15

_EXPECTED: dict[str, tuple[str, str]] = {
    # pydantic error type → (English, Korean) description of what was expected
    "int_type": ("a whole number", "정수"),
    "int_parsing": ("a whole number", "정수"),
    "int_from_float": ("a whole number", "정수"),
    "float_type": ("a number", "숫자"),
    "float_parsing": ("a number", "숫자"),
    "string_type": ("text", "텍스트"),
    "bool_type": ("true or false", "true 또는 false"),
    "bool_parsing": ("true or false", "true 또는 false"),
    "list_type": ("a list", "목록"),
    "dict_type": ("a mapping of 'key: value' lines", "'키: 값' 매핑"),
    "model_type": ("a mapping of 'key: value' lines", "'키: 값' 매핑"),
    "model_attributes_type": ("a mapping of 'key: value' lines", "'키: 값' 매핑"),
    "date_type": ("a date (YYYY-MM-DD)", "날짜(YYYY-MM-DD)"),
    "none_required": ("nothing", "빈 값"),
}
_BOOLEAN_WORDS = frozenset(
    {"yes", "no", "on", "off", "y", "n", "true", "false", "예", "아니오", "네", "아니요"}
)
_LEADING_ZERO = re.compile(r"-?0[0-9]+(?:\.[0-9]+)?")
_SEPARATED_NUMBER = re.compile(r"-?[0-9][0-9,_ .']*[0-9](?:\s*(?:원|krw|KRW|만원|억원))?")


def _describe_found(value: Any) -> tuple[str, str]:
    if value is None:
        return "nothing", "빈 값"
    if isinstance(value, bool):
        text = "true" if value else "false"
        return text, text
    if isinstance(value, int | float):
        return f"the number {value}", f"숫자 {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"the text '{shown}'", f"텍스트 '{shown}'"
    if isinstance(value, list):
        return "a list", "목록"
    if isinstance(value, dict):
        return "a mapping", "매핑"
    return type(value).__name__, type(value).__name__


def _unwrap(annotation: Any) -> Iterator[Any]:
    """The concrete types an annotation can hold, through Annotated, Optional and unions."""
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from _unwrap(get_args(annotation)[0])
    elif origin in (Union, types.UnionType):
        for member in get_args(annotation):
            yield from _unwrap(member)
    else:
        yield annotation


def _step(annotation: Any, part: str | int) -> Any:
    for candidate in _unwrap(annotation):
        origin = get_origin(candidate)
        if isinstance(part, int) and origin is list:
            return get_args(candidate)[0]
        if (
            isinstance(part, str)
            and isinstance(candidate, type)
            and issubclass(candidate, BaseModel)
        ):
            field = candidate.model_fields.get(part)
            if field is not None:
                return (
                    field.annotation
                    if not field.metadata
                    else Annotated[field.annotation, *field.metadata]
                )
    return None


def annotation_at(model: type[BaseModel], location: tuple[Any, ...]) -> Any:
    """The declared type at a pydantic location, skipping parts that are not fields."""
    annotation: Any = model
    for part in location:
        if not isinstance(part, str | int):
            continue
        following = _step(annotation, part)
        if following is not None:
            annotation = following
    return annotation


def model_fields_at(annotation: Any) -> list[str]:
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return list(candidate.model_fields)
    return []


def literal_choices(annotation: Any) -> list[str]:
    for candidate in _unwrap(annotation):
        if get_origin(candidate) is Literal:
            return [str(choice) for choice in get_args(candidate)]
    return []


def _is_date(annotation: Any) -> bool:
    return any(candidate is dt.date for candidate in _unwrap(annotation))


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60] or "my-id"


def _where(path: Path) -> tuple[str, str]:
    if not path:
        return "the top level of the file", "파일 최상위"
    shown = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    return shown.lstrip("."), shown.lstrip(".")


def _field_name(location: tuple[Any, ...], path: Path) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    for part in reversed(location):
        if isinstance(part, str):
            return part
    return "value"


def _type_hint(error_type: str, value: Any) -> tuple[str | None, dict[str, str]]:
    if isinstance(value, str):
        stripped = value.strip()
        if error_type.startswith(("int_", "float_")):
            if _LEADING_ZERO.fullmatch(stripped):
                number = stripped.lstrip("-").lstrip("0") or "0"
                if number.startswith("."):
                    number = "0" + number
                sign = "-" if stripped.startswith("-") else ""
                return "no-leading-zero", {"suggestion": sign + number}
            if re.fullmatch(r"-?\.[0-9]+", stripped):
                return "no-leading-zero", {"suggestion": stripped.replace(".", "0.", 1)}
            if _SEPARATED_NUMBER.fullmatch(stripped):
                digits = re.sub(r"[^0-9.\-]", "", stripped)
                return "no-separators", {"suggestion": digits}
        if error_type.startswith("bool_") and stripped.lower() in _BOOLEAN_WORDS:
            return "true-false", {}
    if error_type == "string_type" and isinstance(value, int | float | bool):
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        return "quote-text", {"value": shown}
    if error_type == "list_type":
        return "list-expected", {}
    if error_type in ("dict_type", "model_type", "model_attributes_type"):
        return "mapping-expected", {}
    return None, {}


def _bound_detail(error_type: str, context: dict[str, Any]) -> dict[str, str]:
    details = {
        "greater_than_equal": ("must be at least {v}", "{v} 이상이어야 합니다", "ge"),
        "greater_than": ("must be more than {v}", "{v}보다 커야 합니다", "gt"),
        "less_than_equal": ("must be at most {v}", "{v} 이하여야 합니다", "le"),
        "less_than": ("must be less than {v}", "{v}보다 작아야 합니다", "lt"),
        "too_short": (
            "needs at least {v} item(s)",
            "항목이 {v}개 이상 있어야 합니다",
            "min_length",
        ),
        "too_long": ("allows at most {v} item(s)", "항목은 {v}개까지입니다", "max_length"),
        "string_too_short": ("must not be empty", "비어 있으면 안 됩니다", "min_length"),
        "string_too_long": ("is longer than {v} characters", "{v}자보다 깁니다", "max_length"),
    }
    english, korean, key = details[error_type]
    bound = str(context.get(key, ""))
    return {"detail": english.format(v=bound), "detail@ko": korean.format(v=bound)}


def schema_diagnostics(
    error: ValidationError,
    model: type[BaseModel],
    positions: Positions,
    file: str,
    words: Vocabularies | None = None,
) -> list[Diagnostic]:
    """One finding per problem; with `words` (the catalog's closed lists), a Korean label
    where an id belongs (`협동조합`, `농특산물 판매`) is answered with the id to write."""
    diagnostics: list[Diagnostic] = []
    seen: set[tuple[Path, str]] = set()
    items = error.errors(include_url=False)
    # A misspelt required key shows up twice: as unknown ('descripton') and as missing
    # ('description'). One finding with "did you mean" says it all.
    misspelt: set[tuple[Any, ...]] = set()
    for item in items:
        if item["type"] == "extra_forbidden":
            parent = tuple(item["loc"][:-1])
            allowed = model_fields_at(annotation_at(model, parent))
            suggestion = did_you_mean(str(item["loc"][-1]), allowed)
            if suggestion:
                misspelt.add((*parent, suggestion))
    for item in items:
        if item["type"] == "missing" and tuple(item["loc"]) in misspelt:
            continue
        diagnostic = _one(item, model, positions, file, words)
        path = positions.resolve(tuple(item["loc"]))
        if (path, diagnostic.code) in seen:
            continue  # union members each report the same place
        seen.add((path, diagnostic.code))
        diagnostics.append(diagnostic)
    return diagnostics


def _vocabulary_hint(
    vocabulary: Vocabulary | None, value: Any
) -> tuple[str, dict[str, str]] | None:
    """`write the id 'cooperative' (협동조합)` for a label; `did you mean …` for a typo."""
    if vocabulary is None or not isinstance(value, str):
        return None
    reading = vocabulary.read(value)
    if reading.ok:
        label = vocabulary.labels(reading.value)
        assert label is not None
        return "write-id", {"suggestion": reading.value, "label": label.en, "label@ko": label.ko}
    problem = reading.problem
    if problem is None or problem.hint is None:
        return None
    return problem.hint, problem.hint_params


def _reading_hint(reading: Reading) -> tuple[str | None, dict[str, str]]:
    if reading.ok:
        value = reading.value
        shown = value.isoformat() if isinstance(value, dt.date) else f"{value}"
        return "write-as", {"suggestion": shown}
    assert reading.problem is not None
    return reading.problem.hint, reading.problem.hint_params


def _value_hint(field: str, error_type: str, value: Any, annotation: Any) -> Reading | None:
    """What the value reader makes of a value the strict model refused, if anything."""
    from matchmaker.loading import values

    if not isinstance(value, str):
        return None
    if field in _AMOUNT_FIELDS and error_type.startswith("int_"):
        return values.read_amount(value)
    if field in _SHARE_FIELDS and error_type.startswith("float_"):
        return values.read_share(value)
    if field == "start":
        return values.read_start(value)
    if _is_date(annotation):
        return values.read_date(value)
    return None


def _one(
    item: typing.Mapping[str, Any],
    model: type[BaseModel],
    positions: Positions,
    file: str,
    words: Vocabularies | None = None,
) -> Diagnostic:
    location = tuple(item["loc"])
    error_type: str = item["type"]
    value = item.get("input")
    context: dict[str, Any] = dict(item.get("ctx") or {})
    path = positions.resolve(location)
    field = _field_name(location, path)
    annotation = annotation_at(model, location)

    def at(
        mark_path: Path,
        code: str,
        params: dict[str, str],
        hint: str | None = None,
        hint_params: dict[str, str] | None = None,
        key: bool = False,
    ) -> Diagnostic:
        mark = positions.of_key(mark_path) if key else positions.of_value(mark_path)
        return Diagnostic(
            file,
            mark.line,
            mark.column,
            code,
            params,
            hint=hint,
            hint_params=hint_params or {},
            sheet=mark.sheet,
        )

    if error_type == "missing":
        where_en, where_ko = _where(path)
        missing = str(location[-1])
        return at(
            path,
            "missing-field",
            {"field": missing},
            "add-field",
            {"field": missing, "where": where_en, "where@ko": where_ko},
        )
    if error_type == "extra_forbidden":
        unknown = str(location[-1])
        allowed = model_fields_at(annotation_at(model, location[:-1]))
        suggestion = did_you_mean(unknown, allowed)
        if suggestion:
            return at(
                path,
                "unknown-field",
                {"field": unknown},
                "did-you-mean",
                {"suggestion": suggestion},
                key=True,
            )
        return at(
            path,
            "unknown-field",
            {"field": unknown},
            "allowed-fields",
            {"allowed": ", ".join(allowed)},
            key=True,
        )
    if error_type in ("literal_error", "enum"):
        choices = literal_choices(annotation)
        shown = ", ".join(choices[:MAX_LISTED_CHOICES]) + (
            " …" if len(choices) > MAX_LISTED_CHOICES else ""
        )
        text = str(value)
        suggestion = did_you_mean(text, choices) if isinstance(value, str) else None
        params = {"value": text[:60], "field": field, "expected": shown}
        labelled = _vocabulary_hint(words.for_choices(choices) if words else None, value)
        if labelled is not None:
            return at(path, "invalid-value", params, *labelled)
        if suggestion:
            return at(path, "invalid-value", params, "did-you-mean", {"suggestion": suggestion})
        return at(path, "invalid-value", params)
    if error_type == "string_pattern_mismatch":
        text = str(value)
        if context.get("pattern") == SLUG_PATTERN:
            vocabulary = None
            if words is not None and len(path) >= 2 and path[-2] == "themes":
                vocabulary = words.themes
            elif words is not None and field == "policy_area":
                vocabulary = words.policy_areas
            labelled = _vocabulary_hint(vocabulary, value)
            if labelled is not None:
                return at(path, "invalid-id", {"value": text[:60]}, *labelled)
            return at(
                path, "invalid-id", {"value": text[:60]}, "slug", {"suggestion": slugify(text)}
            )
        expected_en, expected_ko = _PATTERN_EXPECTED.get(
            str(context.get("pattern")),
            ("a 2- or 5-digit region code", "2자리 또는 5자리 지역 코드"),
        )
        return at(
            path,
            "invalid-value",
            {
                "value": text[:60],
                "field": field,
                "expected": expected_en,
                "expected@ko": expected_ko,
            },
        )
    if error_type in _EXPECTED:
        expected_en, expected_ko = _EXPECTED[error_type]
        found_en, found_ko = _describe_found(value)
        hint, hint_params = _type_hint(error_type, value)
        if _is_date(annotation) and isinstance(value, int | float):
            hint, hint_params = "iso-date", {}
        read = _value_hint(field, error_type, value, annotation) if hint is None else None
        if read is not None:
            hint, hint_params = _reading_hint(read)
        return at(
            path,
            "wrong-type",
            {
                "field": field,
                "expected": expected_en,
                "expected@ko": expected_ko,
                "found": found_en,
                "found@ko": found_ko,
            },
            hint,
            hint_params,
        )
    if error_type in (
        "greater_than_equal",
        "greater_than",
        "less_than_equal",
        "less_than",
        "too_short",
        "too_long",
        "string_too_short",
        "string_too_long",
    ):
        hint = "share" if error_type == "less_than_equal" and context.get("le") == 1 else None
        return at(
            path, "out-of-range", {"field": field, **_bound_detail(error_type, context)}, hint
        )
    if error_type == "finite_number":
        return at(path, "number-out-of-range", {"value": str(value)})
    message = str(item.get("msg", error_type)).removeprefix("Value error, ")
    if _is_date(annotation) and error_type in (
        "value_error",
        "date_from_datetime_parsing",
        "date_parsing",
    ):
        read = _value_hint(field, error_type, value, annotation)
        if read is not None and (read.problem is None or read.problem.hint is not None):
            date_hint, date_params = _reading_hint(read)
            return at(
                path,
                "invalid-date",
                {"value": str(value)[:60], "detail": message},
                date_hint,
                date_params,
            )
        return at(path, "invalid-date", {"value": str(value)[:60], "detail": message}, "iso-date")
    return at(path, "field-constraint", {"field": field, "detail": message})
