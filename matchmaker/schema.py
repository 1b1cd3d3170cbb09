"""JSON Schemas of the kinds people write, for editors (yaml-language-server) and CI.

The schema is generated from the pydantic models, so it cannot drift from what
`matchmaker validate` accepts; what pydantic cannot see is added here:

- theme and policy-area ids become enums of the catalog's ids, each value explained,
  so an editor completes `public-meals` and shows 공공급식 next to it;
- a region may be written as a plain YAML number (`region: 52710`), which the loader
  lets through and the model turns into text, so the schema allows integer or string;
- dates get a YYYY-MM-DD pattern (editors do not all check `format: date`), lists the
  model keeps unique say so, and "ko or en" / "url or title" rules become `anyOf`.

Only keywords that mean the same in draft-07 are used (plus `$defs`, reached through
plain JSON-pointer `$ref`s), because yaml-language-server applies draft-07 rules even to
a schema that declares 2020-12; tests check the bundled files under both.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from matchmaker.catalog.loader import Catalog
from matchmaker.models import MODEL_BY_KIND, USER_KINDS
from matchmaker.models.common import (
    LongText,
    Names,
    Source,
    _iso_date,
    _region_reference,
    _unique_items,
)
from matchmaker.models.proposal import _year_or_date

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_KINDS: Final = USER_KINDS
# A URN, not a URL: the schema is generated locally (it depends on the catalog), so an
# address would promise a published copy that may not match.
ID_PREFIX: Final = "urn:matchmaker:schema:"
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_TITLES: Final = {
    "proposal": ("지역 수요 제안서", "A region's demand proposal"),
    "project": ("서울시 교류협력 사업", "A Seoul cooperation project"),
    "profile": ("점수 프로필(가중치)", "A scoring profile (weights)"),
}
# Models whose validator asks for at least one of two fields.
_ONE_OF_TWO: Final[dict[type[BaseModel], tuple[str, str]]] = {
    Names: ("ko", "en"),
    LongText: ("ko", "en"),
    Source: ("url", "title"),
}
# Where catalog ids go, per kind: JSON pointers (as key paths) to list or text fields.
_THEME_FIELDS: Final[dict[str, list[tuple[str, ...]]]] = {
    "proposal": [("$defs", "Demand", "properties", "themes")],
    "project": [("properties", "themes")],
    "profile": [],
}
_POLICY_AREA_FIELDS: Final = {"project": [("properties", "policy_area")]}

# What each fixed value means, shown by editors beside the completion. Values missing
# here are simply shown without a label.
ENUM_LABELS: Final = {
    # modes
    "exchange": "교류 / exchange",
    "procurement": "조달·공공구매 / procurement",
    "sales": "판매 / sales",
    "marketing": "마케팅·홍보 / marketing",
    "investment": "투자 / investment",
    "facility": "시설 / facility",
    "training": "연수·훈련 / training",
    "education": "교육 / education",
    "experience": "체험 / experience",
    "employment": "고용·일자리 / employment",
    "start-up-support": "창업 지원 / start-up support",
    "consulting": "컨설팅·자문 / consulting",
    "networking": "네트워크·연계 / networking",
    # partner kinds
    "private": "민간기업 / private company",
    "social-enterprise": "사회적기업 / social enterprise",
    "cooperative": "협동조합 / cooperative",
    "university": "대학 / university",
    "research": "연구기관 / research institute",
    "civil": "시민단체 / civil society",
    "public": "공공기관 / public body",
    "media": "언론 / media",
    # ties with Seoul
    "friendship-agreement": "우호교류협약 / friendship agreement",
    "public-meals-pair": "공공급식 짝 / public-meals pair",
    "sister-district": "자매결연 / sister district",
    "project": "사업 / project",
    "other": "기타 / other",
    # region kinds
    "province": "광역 시·도 / province",
    "si": "시 / city",
    "gun": "군 / county",
    "gu": "자치구 / autonomous district",
    # project status and basis
    "active": "진행 중 / active",
    "ended": "종료 / ended",
    "unknown": "모름 / unknown",
    "documented": "공개 자료에 있음 / documented",
    "inferred": "추론 / inferred",
}

_REGION_SCHEMA: Final = {
    "anyOf": [
        {"type": "string", "minLength": 1, "maxLength": 100},
        {"type": "integer", "minimum": 0},
    ],
}
_DATE_SCHEMA: Final = {"type": "string", "format": "date", "pattern": DATE_PATTERN}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, told what our before/after validators accept."""

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        function = schema["function"]["function"]
        if function is _region_reference:
            return json.loads(json.dumps(_REGION_SCHEMA))
        if function is _iso_date:
            return dict(_DATE_SCHEMA)
        if function is _year_or_date:
            return {
                "anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2100}, dict(_DATE_SCHEMA)]
            }
        return super().function_before_schema(schema)

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        generated = super().function_after_schema(schema)
        if schema["function"]["function"] is _unique_items:
            generated = {**generated, "uniqueItems": True}
        return generated


def schema_id(kind: str) -> str:
    return f"{ID_PREFIX}{kind}"


def build_schema(kind: str, catalog: Catalog) -> dict[str, Any]:
    """The JSON Schema of `kind` (proposal, project or profile) against `catalog`'s ids."""
    if kind not in SCHEMA_KINDS:
        raise ValueError(f"no schema for kind {kind!r}; choose one of {', '.join(SCHEMA_KINDS)}")
    model = MODEL_BY_KIND[kind]
    schema = model.model_json_schema(schema_generator=_Generator)
    _walk(schema, _drop_null_default)
    _walk(schema, _explain_enum)
    for model_class, (first, second) in _ONE_OF_TWO.items():
        definition = schema.get("$defs", {}).get(model_class.__name__)
        if definition is not None:
            definition["anyOf"] = [{"required": [first]}, {"required": [second]}]
    theme_values = [
        (theme.id, f"{theme.label.display('ko')} / {theme.label.display('en')}")
        for theme in catalog.themes.themes
    ]
    for path in _THEME_FIELDS[kind]:
        _with_enum(
            _at(schema, path)["items"],
            theme_values,
            ("주제 id(catalog/themes.yaml):", "A theme id from catalog/themes.yaml."),
        )
    area_values = [
        (area.id, f"{area.name.display('ko')} / {area.name.display('en')}")
        for area in catalog.policy_areas.policy_areas
    ]
    for path in _POLICY_AREA_FIELDS.get(kind, []):
        _with_enum(_at(schema, path), area_values, None)
    ko, en = _TITLES[kind]
    schema["$schema"] = DIALECT
    schema["$id"] = schema_id(kind)
    schema["title"] = f"matchmaker {kind}"
    schema["description"] = (
        f"{ko}. `matchmaker validate`로 확인하세요. / {en}; check it with `matchmaker validate`."
    )
    return schema


def render_schema(schema: dict[str, Any]) -> str:
    """Stable text: the same catalog gives byte-identical output."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _with_enum(
    target: dict[str, Any], values: Sequence[tuple[str, str]], description: tuple[str, str] | None
) -> None:
    """Replace a slug schema by the catalog's ids, keeping the field's own description."""
    for key in ("pattern", "minLength", "maxLength"):
        target.pop(key, None)
    target["type"] = "string"
    target["enum"] = [value for value, _label in values]
    # `enumDescriptions` is the VS Code JSON-schema convention yaml-language-server shows
    # beside each completion; validators ignore it.
    target["enumDescriptions"] = [label for _value, label in values]
    if description is not None:
        ko, en = description
        listed = ", ".join(f"{value}({label.split(' / ')[0]})" for value, label in values)
        target["description"] = f"{ko} {listed}. / {en}"


def _at(schema: dict[str, Any], path: Iterable[str]) -> dict[str, Any]:
    node: Any = schema
    for key in path:
        node = node[key]
    return node


def _drop_null_default(node: dict[str, Any]) -> None:
    # `default: null` makes editors insert `null` on completion; leaving a key out is the
    # same thing and reads better, so the examples are offered instead.
    if "default" in node and node["default"] is None:
        del node["default"]


# Keywords whose values are data, not schemas: never rewritten.
_DATA_KEYWORDS: Final = frozenset({"examples", "default", "enum", "const"})


def _walk(node: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    """Visit every subschema; field names under `properties` are names, not keywords."""
    if isinstance(node, dict):
        visit(node)
        for key, value in node.items():
            if key in ("properties", "$defs") and isinstance(value, dict):
                for subschema in value.values():
                    _walk(subschema, visit)
            elif key not in _DATA_KEYWORDS:
                _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def _explain_enum(node: dict[str, Any]) -> None:
    values = node.get("enum")
    if isinstance(values, list) and "enumDescriptions" not in node:
        node["enumDescriptions"] = [ENUM_LABELS.get(str(value), "") for value in values]
