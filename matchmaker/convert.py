"""A proposal from YAML to a workbook and back (`matchmaker convert`), without loss.

Both directions go through the model: the file is loaded and validated as any input is,
and the model is written out. What the model holds survives the trip; comments in a YAML
file and the look of a workbook (widths, colours) do not, as neither is part of a
proposal. Labels in the workbook are read back as the ids the YAML file holds.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import yaml

from matchmaker.models import Proposal

if TYPE_CHECKING:
    from matchmaker.catalog import Catalog


class _ProposalDumper(yaml.SafeDumper):
    """Keys in the model's order; several lines of text as a `|` block, as a person
    writes them."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # The emitter falls back to quotes where a block cannot hold the text exactly.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    # Plain `2027-03-31`, as people write it: matchmaker's loader keeps it as text and
    # the model reads the ISO date (the timestamp tag only stops PyYAML quoting it).
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_ProposalDumper.add_representer(str, _text)
_ProposalDumper.add_representer(dt.date, _date)


def proposal_yaml(proposal: Proposal, source: str | None = None) -> str:
    """The proposal as a YAML file the loader reads back into the same model."""
    data: dict[str, Any] = proposal.model_dump(mode="python", exclude_defaults=True)
    data = {"kind": "proposal", **data}
    body = yaml.dump(
        data,
        Dumper=_ProposalDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    header = f"# matchmaker convert {source}\n" if source else ""
    return header + body


def proposal_xlsx(
    proposal: Proposal, catalog: Catalog, language: str = "ko", name: str = ""
) -> bytes:
    """The proposal as a workbook in the template's layout."""
    from matchmaker.proposal_workbook import proposal_workbook

    return proposal_workbook(
        proposal.model_dump(mode="python"),
        regions=catalog.region_index.regions,
        words=catalog.words,
        language=language,
        file_name=name or "제안서.xlsx",
    )
