"""A region given by a code retired in a renaming (강원 42→51, 전북 45→52, 군위).

Officials may still have the former code on file, so it resolves to the region and is
accepted: a warning, not an error. But catalog/regions.yaml keeps only the code before
the latest change, so the next renaming would leave the old code naming nothing; the
hint gives the current code to write instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from matchmaker.checks.base import CheckContext, at, rule
from matchmaker.checks.helpers import region_references
from matchmaker.diagnostics import Diagnostic, Severity


@rule(
    "outdated-region-code",
    scope="documents",
    severity=Severity.WARNING,
    en="'{value}' is the former code of {name}; its current code is {code}",
    ko="'{value}'은(는) {name}의 옛 코드입니다. 현재 코드는 {code}입니다",
)
def outdated_region_code(context: CheckContext) -> Iterator[Diagnostic]:
    for document, path, text, resolution in region_references(context):
        if resolution.via != "former-code":
            continue
        region = resolution.region
        assert region is not None
        yield at(
            document,
            path,
            "outdated-region-code",
            {"value": text, "name": region.name_ko, "code": region.code},
            "use-code",
            {"suggestion": region.code},
        )
