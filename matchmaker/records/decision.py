"""A round's decision, written from a saved allocation (`matchmaker record decision`).

The decision keeps the SHA-256 of every file the allocation read. Before writing, each
file is hashed again: an allocation whose proposals or catalog have changed since it was
made would record pairs nobody can reproduce, so it is refused, naming the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matchmaker import bundled
from matchmaker.loading.documents import load_bytes
from matchmaker.models.records import Decision
from matchmaker.records.yaml_text import flow, scalar

# Unassigned demands that had a project they could have had: the round's reserve.
RESERVE_CODES = frozenset({"capacity", "budget", "fairness"})


class RecordError(ValueError):
    """The allocation cannot be recorded; `en` and `ko` say why."""

    def __init__(self, en: str, ko: str) -> None:
        super().__init__(en)
        self.en, self.ko = en, ko

    def say(self, language: str) -> str:
        return self.ko if language == "ko" else self.en


@dataclass(frozen=True, slots=True)
class RecordedDecision:
    """A decision and the text of its file (what `record decision` writes)."""

    decision: Decision
    text: str


@dataclass(frozen=True, slots=True)
class ChangedInput:
    name: str
    state: str  # "missing" | "changed"


def _locate(name: str, here: Path) -> Path | None:
    """Where an input named in a saved run is now: as written (from `here`), else in the
    bundle (bundled files are named `catalog/…` and `examples/…` wherever installed)."""
    path = Path(name)
    candidate = path if path.is_absolute() else here / path
    if candidate.is_file():
        return candidate
    for prefix, root in (("catalog/", bundled.catalog_dir), ("examples/", bundled.examples_dir)):
        if name.startswith(prefix):
            try:
                inside = root() / name[len(prefix) :]
            except FileNotFoundError:
                return None
            if inside.is_file():
                return inside
    return None


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def changed_inputs(inputs: Mapping[str, str], here: Path) -> list[ChangedInput]:
    """The inputs that are gone or whose content no longer has the recorded SHA-256."""
    found: list[ChangedInput] = []
    for name in sorted(inputs):
        path = _locate(name, here)
        if path is None:
            found.append(ChangedInput(name, "missing"))
        elif _sha256(path) != inputs[name]:
            found.append(ChangedInput(name, "changed"))
    return found


def reserve_titles(inputs: object, here: Path) -> dict[str, str]:
    """PROPOSAL/DEMAND → title, from the proposals among a saved run's inputs as found
    now (the reserve list records titles so a demand filed again under another id next
    round is still found); files that are gone or are not proposals are passed over."""
    from matchmaker.loading.documents import load_file
    from matchmaker.models import Proposal

    titles: dict[str, str] = {}
    if not isinstance(inputs, Mapping):
        return titles
    for name in sorted(str(key) for key in inputs):
        if name.startswith("catalog/"):
            continue  # the catalog holds no proposals
        path = _locate(name, here)
        if path is None:
            continue
        document = load_file(path, kinds=frozenset({"proposal"}))
        if isinstance(document.model, Proposal):
            for demand in document.model.demands:
                titles[f"{document.model.id}/{demand.id}"] = demand.title
    return titles


def _text(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise RecordError(
            f"not an allocate output: an entry has no '{key}'",
            f"allocate 출력이 아닙니다: '{key}'가 없는 항목이 있습니다",
        )
    return value


def _region(item: Mapping[str, Any]) -> str | None:
    region = item.get("region")
    code = region.get("code") if isinstance(region, dict) else None
    return code if isinstance(code, str) else None


def _number(item: Mapping[str, Any], key: str) -> float | None:
    value = item.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _reserve_order(entry: dict[str, Any]) -> tuple[float, str]:
    score = entry["score"]
    return (-float(score) if isinstance(score, float) else 0.0, str(entry["demand"]))


def decision_from_allocation(
    allocation: Any,
    round_: int,
    decided: dt.date | None = None,
    note: str | None = None,
    titles: Mapping[str, str] | None = None,
) -> RecordedDecision:
    """The decision an allocate JSON output records: its assignments as funded pairs
    (amount: the pair's cost where known; score), its capacity-, budget- or
    fairness-blocked demands as the reserve (best first, with their `titles` where
    given), and its input hashes."""
    if not isinstance(allocation, dict) or allocation.get("version") != 1:
        raise RecordError(
            'not a matchmaker JSON output (no "version": 1)',
            'matchmaker JSON 출력이 아닙니다("version": 1이 없음)',
        )
    assignments, unassigned = allocation.get("assignments"), allocation.get("unassigned", [])
    inputs = allocation.get("inputs")
    if not isinstance(assignments, list) or not isinstance(unassigned, list):
        raise RecordError(
            "not an allocate output (no 'assignments'); save one with "
            "'matchmaker allocate --format json --output FILE'",
            "allocate 출력이 아닙니다('assignments'가 없음). "
            "'matchmaker allocate --format json --output 파일'로 저장하세요",
        )
    if not isinstance(inputs, dict) or not inputs:
        raise RecordError(
            "the allocation names no input files, so it cannot be checked against them",
            "배정 결과에 입력 파일이 없어 입력과 대조할 수 없습니다",
        )
    pairs = []
    for item in assignments:
        if not isinstance(item, dict):
            raise RecordError("not an allocate output", "allocate 출력이 아닙니다")
        cost = item.get("cost")
        pairs.append(
            {
                "demand": f"{_text(item, 'proposal')}/{_text(item, 'demand')}",
                "project": _text(item, "project"),
                "region": _region(item),
                "amount": cost if isinstance(cost, int) and not isinstance(cost, bool) else None,
                "score": _number(item, "score"),
            }
        )
    reserve = []
    for item in unassigned:
        if isinstance(item, dict) and item.get("code") in RESERVE_CODES:
            project = item.get("best_project")
            key = f"{_text(item, 'proposal')}/{_text(item, 'demand')}"
            reserve.append(
                {
                    "demand": key,
                    "project": project if isinstance(project, str) else None,
                    "region": _region(item),
                    "score": _number(item, "best_score"),
                    "title": (titles or {}).get(key),
                }
            )
    reserve.sort(key=_reserve_order)
    text = render_decision(
        round_, {str(k): str(v) for k, v in inputs.items()}, pairs, reserve, decided, note
    )
    loaded = load_bytes(text.encode("utf-8"), f"records/{round_}/decision.yaml")
    if not isinstance(loaded.model, Decision):
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        detail = first.message("en") if first else "it does not load"
        raise RecordError(
            f"the allocation holds a value a decision cannot: {detail}",
            f"배정 결과에 결정 파일에 쓸 수 없는 값이 있습니다: "
            f"{first.message('ko') if first else detail}",
        )
    return RecordedDecision(loaded.model, text)


def render_decision(
    round_: int,
    inputs: Mapping[str, str],
    pairs: list[dict[str, Any]],
    reserve: list[dict[str, Any]],
    decided: dt.date | None = None,
    note: str | None = None,
) -> str:
    """The decision file's text: one pair per line, sorted, so two decisions diff well."""
    lines = [
        f"# {round_}년 회차 결정 / decision of round {round_}",
        "# matchmaker record decision 이 배정 결과(allocate JSON)에서 썼습니다. / Written by "
        "matchmaker record decision from a saved allocation.",
        "kind: decision",
        f"round: {round_}",
    ]
    if decided is not None:
        lines.append(f"decided: {decided.isoformat()}")
    if note is not None:
        lines.append(f"note: {scalar(note)}")
    lines.append("inputs:")
    lines += [f"  {scalar(name)}: {scalar(inputs[name])}" for name in sorted(inputs)]
    lines.append("pairs:" if pairs else "pairs: []")
    for pair in sorted(pairs, key=lambda p: (p["demand"], p["project"])):
        lines.append(f"  - {flow(pair)}")
    if reserve:
        lines.append("reserve:")
        lines += [f"  - {flow(entry)}" for entry in reserve]
    return "\n".join(lines) + "\n"
