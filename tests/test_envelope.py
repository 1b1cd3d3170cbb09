"""Every JSON document is wrapped in one envelope (matchmaker/render/envelope.py)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from matchmaker.bundled import profiles_dir, proposals_dir
from matchmaker.render.envelope import envelope, to_json

TODAY = ("--today", "2026-11-28")


def _strict(text: str) -> dict:
    def refuse(constant: str) -> float:
        raise AssertionError(f"not RFC 8259 JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_a_number_that_is_not_finite_is_written_as_null() -> None:
    text = to_json(envelope({}, {"gap": math.inf, "bounds": [1.5, -math.inf, math.nan]}))
    document = _strict(text)
    assert document["gap"] is None and document["bounds"] == [1.5, None, None]


def test_the_envelope_leads_and_sorts_the_inputs() -> None:
    document = envelope({"b.yaml": "2" * 64, "a.yaml": "1" * 64}, {"matches": []})
    assert list(document) == ["version", "tool", "inputs", "matches"]
    assert list(document["inputs"]) == ["a.yaml", "b.yaml"]
    assert document["tool"]["name"] == "matchmaker"


@pytest.mark.parametrize(
    "command",
    [
        ["rank", *TODAY],
        ["explain", "2026-wanju/youth-farmstay", "seoul-farms", *TODAY],
        ["allocate", *TODAY],
        ["sensitivity", "--draws", "20", *TODAY],
        ["compare", *sorted(str(p) for p in profiles_dir().glob("*.yaml")), *TODAY],
        ["regions", "완주"],
        ["validate", str(proposals_dir() / "2026-wanju.yaml")],
        ["check", *TODAY],
    ],
)
def test_every_json_output_carries_version_tool_and_input_hashes(cli, command: list[str]) -> None:
    run = cli(*command, "--format", "json")
    assert run.exit_code == 0, run.output
    document = _strict(run.stdout)
    assert document["version"] == 1
    assert document["tool"]["name"] == "matchmaker" and document["tool"]["version"]
    assert document["inputs"]
    assert all(len(digest) == 64 and int(digest, 16) >= 0 for digest in document["inputs"].values())


def test_diff_records_the_two_files_it_read(cli, tmp_path: Path) -> None:
    saved = tmp_path / "run.json"
    saved.write_text(cli("rank", "--format", "json", *TODAY).stdout, encoding="utf-8")
    document = _strict(cli("diff", str(saved), str(saved), "--format", "json").stdout)
    assert list(document["inputs"]) == [str(saved)]
    assert document["input_changes"] == {"added": [], "removed": [], "changed": []}
