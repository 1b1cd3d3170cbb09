"""Load a catalog folder: regions, themes, policy areas, ties, indicators and one file per
project."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from matchmaker.cache import Store
from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.documents import LoadedDocument, load_file, load_files
from matchmaker.loading.paths import INDICATORS_FILE, REFERENCE_FILES, project_files
from matchmaker.loading.values import Vocabularies, vocabularies
from matchmaker.models import (
    IndicatorsFile,
    PolicyAreasFile,
    Project,
    RegionsFile,
    ThemesFile,
    TiesFile,
)

if TYPE_CHECKING:
    from matchmaker.regions import RegionIndex

_T = TypeVar("_T")


@dataclass(slots=False)
class Catalog:
    """A loaded catalog. Each part keeps its LoadedDocument so rules can point at lines."""

    root: Path
    regions: RegionsFile
    themes: ThemesFile
    policy_areas: PolicyAreasFile
    ties: TiesFile
    projects: dict[str, Project]
    documents: dict[str, LoadedDocument] = field(default_factory=dict)
    project_documents: list[LoadedDocument] = field(default_factory=list)
    indicators: IndicatorsFile | None = None
    # Kept apart from `documents`: scoring does not read it, so a run's input hashes
    # (and its byte-identical output) do not change with it; `check` adds it.
    indicators_document: LoadedDocument | None = None

    @cached_property
    def region_index(self) -> RegionIndex:
        from matchmaker.regions import RegionIndex

        return RegionIndex(self.regions)

    @cached_property
    def declared_project_ids(self) -> frozenset[str]:
        """Ids of every project file, even one that failed validation, so a single broken
        file is reported once and not again by every project that complements it."""
        ids = set(self.projects)  # every valid file's, so only the failed ones are read
        for document in self.project_documents:
            parsed = document.parsed if document.model is None else None
            if parsed is not None and isinstance(parsed.data.get("id"), str):
                ids.add(parsed.data["id"])
        return frozenset(ids)

    @cached_property
    def words(self) -> Vocabularies:
        """The closed lists (themes, modes, partner kinds…) read by id or label."""
        return vocabularies(self.themes.themes, self.policy_areas.policy_areas)

    @cached_property
    def indicator_ids(self) -> frozenset[str]:
        if self.indicators is None:
            return frozenset()
        return frozenset(indicator.id for indicator in self.indicators.indicators)

    @cached_property
    def theme_ids(self) -> frozenset[str]:
        return frozenset(theme.id for theme in self.themes.themes)

    @cached_property
    def policy_area_ids(self) -> frozenset[str]:
        return frozenset(area.id for area in self.policy_areas.policy_areas)


def load_catalog(root: Path, store: Store | None = None) -> tuple[Catalog | None, list[Diagnostic]]:
    """Load every catalog file under `root`; None when a reference file is unusable.
    With a `store`, files loaded before (same bytes) come from the cache."""
    diagnostics: list[Diagnostic] = []
    documents: dict[str, LoadedDocument] = {}
    for kind, name in REFERENCE_FILES.items():
        path = root / name
        document = load_file(path, kinds=frozenset({kind}), store=store)
        documents[kind] = document
        diagnostics.extend(document.diagnostics)
    themes, areas = documents["themes"].model, documents["policy-areas"].model
    words = vocabularies(
        themes.themes if isinstance(themes, ThemesFile) else (),
        areas.policy_areas if isinstance(areas, PolicyAreasFile) else (),
    )
    indicators_document = None
    if (root / INDICATORS_FILE).exists():
        indicators_document = load_file(
            root / INDICATORS_FILE, kinds=frozenset({"indicators"}), store=store
        )
        diagnostics.extend(indicators_document.diagnostics)
    project_documents = load_files(
        project_files(root),
        kinds=frozenset({"project"}),
        words=words,
        store=store,
    )
    for document in project_documents:
        diagnostics.extend(document.diagnostics)
    if not all(document.ok for document in documents.values()) or (
        indicators_document is not None and not indicators_document.ok
    ):
        return None, diagnostics
    projects: dict[str, Project] = {}
    for document in project_documents:
        if document.ok and isinstance(document.model, Project):
            projects.setdefault(document.model.id, document.model)
    catalog = Catalog(
        root=root,
        regions=_model(documents["regions"], RegionsFile),
        themes=_model(documents["themes"], ThemesFile),
        policy_areas=_model(documents["policy-areas"], PolicyAreasFile),
        ties=_model(documents["ties"], TiesFile),
        projects=projects,
        documents=documents,
        project_documents=project_documents,
        indicators=_model(indicators_document, IndicatorsFile) if indicators_document else None,
        indicators_document=indicators_document,
    )
    # The same vocabularies `words` would build again from the same themes and areas
    # (both loaded, or there is no catalog): built once a run (~5 ms each time).
    catalog.words = words
    return catalog, diagnostics


def _model(document: LoadedDocument, model: type[_T]) -> _T:
    assert isinstance(document.model, model)
    return document.model
