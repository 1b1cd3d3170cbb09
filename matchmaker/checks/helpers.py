"""What several rules share: naming an unknown value, every region a document names, and
the records and proposals given."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from matchmaker.checks.base import CheckContext, at
from matchmaker.diagnostics import Diagnostic
from matchmaker.loading.documents import LoadedDocument
from matchmaker.loading.nodes import Path
from matchmaker.models import Decision, Project, Proposal, Result
from matchmaker.suggest import did_you_mean

if TYPE_CHECKING:
    from matchmaker.regions import Resolution


def unknown(
    document: LoadedDocument, path: Path, code: str, value: str, choices: frozenset[str] | list[str]
) -> Diagnostic:
    """A finding on a value that names nothing, with the closest name as a hint."""
    suggestion = did_you_mean(value, choices)
    if suggestion:
        return at(
            document, path, code, {"value": value}, "did-you-mean", {"suggestion": suggestion}
        )
    return at(document, path, code, {"value": value})


def region_references(
    context: CheckContext,
) -> Iterator[tuple[LoadedDocument, Path, str, Resolution]]:
    """Each region a document names (a proposal's region, a project's eligible provinces),
    where it is written, and what it resolves to."""
    index = context.catalog.region_index
    for document in context.documents:
        for path, text in _region_names(document):
            yield document, path, text, index.resolve(text)


def _region_names(document: LoadedDocument) -> Iterator[tuple[Path, str]]:
    model = document.model
    if isinstance(model, Proposal):
        yield ("region",), model.region
    elif isinstance(model, Project) and model.eligible and model.eligible.provinces:
        for index, province in enumerate(model.eligible.provinces):
            yield ("eligible", "provinces", index), province


def decisions(context: CheckContext) -> Iterator[tuple[LoadedDocument, Decision]]:
    """Each decision record that loaded, in the order the files were given."""
    for document in context.of_kind("decision"):
        assert isinstance(document.model, Decision)
        yield document, document.model


def results(context: CheckContext) -> Iterator[tuple[LoadedDocument, Result]]:
    """Each result record that loaded, in the order the files were given."""
    for document in context.of_kind("result"):
        assert isinstance(document.model, Result)
        yield document, document.model


def proposal_demands(context: CheckContext) -> dict[str, frozenset[str]]:
    """The demand ids of each proposal given, by proposal id (the first file wins, as in
    a run)."""
    found: dict[str, frozenset[str]] = {}
    for document in context.of_kind("proposal"):
        model = document.model
        assert isinstance(model, Proposal)
        found.setdefault(model.id, frozenset(d.id for d in model.demands))
    return found
