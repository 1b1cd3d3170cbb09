"""The catalog's own names resolved to codes, once, for scoring to read."""

from __future__ import annotations

from matchmaker.catalog import Catalog
from matchmaker.models import Project
from matchmaker.text.normalise import normalise


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


def _name_key(text: str) -> str:
    # "서울 농장", "서울농장" and "Seoul Farms" / "seoul farms" name the same project.
    return "".join(normalise(text).casefold().split())


def project_ids_named(catalog: Catalog, text: str) -> tuple[str, ...]:
    """The projects `text` names: its id, or its Korean or English name written in full
    (spaces and case aside). One id when it names one project; several when names clash,
    for the caller to call ambiguous; none when it names nothing."""
    if text in catalog.projects:
        return (text,)
    key = _name_key(text)
    if not key:
        return ()
    return tuple(
        sorted(
            project_id
            for project_id, project in catalog.projects.items()
            if key in {_name_key(name) for name in (project.name.ko, project.name.en) if name}
        )
    )
