"""What changed between two saved `rank` or `allocate` outputs, and what caused it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class NotARun(ValueError):
    """The file is not a matchmaker rank or allocate JSON output."""


@dataclass(slots=True)
class RunDiff:
    kind: str  # "rank" | "allocate"
    inputs_added: list[str] = field(default_factory=list)
    inputs_removed: list[str] = field(default_factory=list)
    inputs_changed: list[str] = field(default_factory=list)
    profile_changed: bool = False
    options_changed: bool = False
    version_changed: bool = False
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    objective: tuple[float, float] | None = None

    @property
    def empty(self) -> bool:
        return not (
            self.inputs_added
            or self.inputs_removed
            or self.inputs_changed
            or self.profile_changed
            or self.options_changed
            or self.added
            or self.removed
            or self.changed
            or (self.objective is not None and self.objective[0] != self.objective[1])
        )

    def causes(self) -> list[str]:
        found = []
        if self.inputs_added or self.inputs_removed or self.inputs_changed:
            found.append("inputs")
        if self.profile_changed:
            found.append("profile")
        if self.options_changed:
            found.append("options")
        if self.version_changed:
            found.append("tool version")
        return found


def kind_of(document: Any) -> str:
    if not isinstance(document, dict) or document.get("version") != 1:
        raise NotARun('not a matchmaker JSON output (no "version": 1)')
    if isinstance(document.get("matches"), list):
        return "rank"
    if isinstance(document.get("assignments"), list):
        return "allocate"
    raise NotARun("neither a rank output (matches) nor an allocate output (assignments)")


def _key(item: dict[str, Any], *names: str) -> tuple[str, ...]:
    return tuple(str(item.get(name, "")) for name in names)


def diff_runs(old: Any, new: Any) -> RunDiff:
    kind = kind_of(old)
    if kind_of(new) != kind:
        raise NotARun(f"cannot compare a {kind} output with a {kind_of(new)} output")
    result = RunDiff(kind)
    old_inputs, new_inputs = old.get("inputs", {}), new.get("inputs", {})
    result.inputs_added = sorted(set(new_inputs) - set(old_inputs))
    result.inputs_removed = sorted(set(old_inputs) - set(new_inputs))
    result.inputs_changed = sorted(
        k for k in set(old_inputs) & set(new_inputs) if old_inputs[k] != new_inputs[k]
    )
    result.profile_changed = old.get("profile") != new.get("profile")
    result.options_changed = old.get("options") != new.get("options")
    result.version_changed = old.get("tool") != new.get("tool")
    if kind == "rank":
        names = ("proposal", "demand", "project")
        before = {_key(m, *names): m for m in old["matches"]}
        after = {_key(m, *names): m for m in new["matches"]}
        for key in sorted(set(before) | set(after)):
            was, now = before.get(key), after.get(key)
            label = {"demand": f"{key[0]}/{key[1]}", "project": key[2]}
            if was is None:
                assert now is not None  # the key came from one side or the other
                result.added.append({**label, "rank": now["rank"], "score": now["score"]})
            elif now is None:
                result.removed.append({**label, "rank": was["rank"], "score": was["score"]})
            elif was["rank"] != now["rank"] or abs(was["score"] - now["score"]) > 0.005:
                result.changed.append(
                    {
                        **label,
                        "rank": [was["rank"], now["rank"]],
                        "score": [was["score"], now["score"]],
                    }
                )
    else:
        before_pairs = {_key(a, "proposal", "demand"): a["project"] for a in old["assignments"]}
        after_pairs = {_key(a, "proposal", "demand"): a["project"] for a in new["assignments"]}
        for key in sorted(set(before_pairs) | set(after_pairs)):
            was, now = before_pairs.get(key), after_pairs.get(key)
            label = {"demand": f"{key[0]}/{key[1]}"}
            if was is None:
                result.added.append({**label, "project": now})
            elif now is None:
                result.removed.append({**label, "project": was})
            elif was != now:
                result.changed.append({**label, "project": [was, now]})
        result.objective = (float(old.get("objective", 0)), float(new.get("objective", 0)))
    return result
