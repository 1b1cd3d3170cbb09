"""Every JSON document is wrapped in one envelope (matchmaker/render/envelope.py)."""

from __future__ import annotations

import json
import math
import random
from enum import StrEnum
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


TEXTS = ["", "완주군", 'a "quoted" \\ back', "tab\there\nnew", "\x00\x1f\x7f", "🙂", "\ud800"]


def _random_value(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(10 if depth < 4 else 6)
    if kind == 0:
        return rng.choice(
            ["", "완주군", 'a "quoted" \\ back', "tab\there\nnew", "\x00\x1f\x7f", "🙂"]
        )
    if kind == 1:
        return rng.choice([0, -1, 2**70, True, False, None])
    if kind == 2:
        return rng.choice([0.1, -0.0, 1e300, 5e-324, 31.49, 1.0, math.nan, math.inf])
    if kind == 3:
        return rng.choice([Side.left, Side.right])
    if kind in (4, 5):
        return rng.random() * 100
    if kind in (6, 7):
        return {
            rng.choice(["a", "키", "k\n", str(n)]) + str(n): _random_value(rng, depth + 1)
            for n in range(rng.randrange(4))
        }
    if kind == 8:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return tuple(_random_value(rng, depth + 1) for _ in range(rng.randrange(3)))


class Side(StrEnum):
    left = "left"
    right = "오른쪽"


def test_the_fast_encoder_writes_what_the_standard_one_writes() -> None:
    from matchmaker.render.envelope import _dumps, _finite

    rng = random.Random(13)
    for _ in range(3000):
        value = {"v": _random_value(rng)}
        expected = json.dumps(_finite(value), ensure_ascii=False, indent=2, allow_nan=False)
        assert _dumps(value) == expected
    odd = {"x": {1: "int key", 2.5: "float key"}}  # left to the standard encoder
    assert _dumps(odd) == json.dumps(odd, ensure_ascii=False, indent=2)


def test_a_document_written_in_pieces_is_the_document_written_whole() -> None:
    from matchmaker.render.envelope import json_pieces

    rng = random.Random(5)
    for _ in range(300):
        head = envelope({"a.yaml": "0" * 64}, {"options": _random_value(rng)})
        lists = [(name, [_random_value(rng) for _ in range(rng.randrange(3))]) for name in "mn"]
        whole = to_json({**head, **dict(lists)})
        assert "".join(json_pieces(head, ((name, iter(items)) for name, items in lists))) == whole
    with pytest.raises(ValueError):
        list(json_pieces({}, [("m", [])]))
