"""The catalog's own names resolved to codes, once, for scoring to read."""

from __future__ import annotations

from matchmaker.catalog import Catalog
from matchmaker.models import Project


def eligible_provinces(catalog: Catalog, project: Project) -> frozenset[str] | None:
    """The province codes a project's `eligible.provinces` names, however each is written
    (`52`, `전북특별자치도`, `전북`); an entry that names no region is left to `check`."""
    rule = project.eligible
    if rule is None or rule.provinces is None:
        return None
    index = catalog.region_index
    codes = set()
    for entry in rule.provinces:
        region = index.resolve(entry).region
        if region is not None:
            codes.add(region.province_code)
    return frozenset(codes)
