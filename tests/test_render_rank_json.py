"""rank's matches written from one JSON template (render/rank.py `match_encoded`): the
same text as the envelope's encoder gives for `match_json`, whatever the values."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from matchmaker.inputs import load_run
from matchmaker.ranking import Match, rank_report
from matchmaker.render.envelope import Encoded, _dumps
from matchmaker.render.rank import encoded_matches, match_encoded, match_json
from matchmaker.scoring.engine import score

ODD = ['say "this"', "back\\slash", "line\nbreak", "tab\t", "\x00\x1f", "한글 ✓ 🙂", "", "\u2028"]


@pytest.fixture(scope="module")
def matches() -> list[Match]:
    inputs = load_run(None, None, None, dt.date(2026, 11, 28))
    assert inputs.catalog is not None and inputs.profile is not None
    scores = score(inputs.catalog, inputs.records(), inputs.profile)
    report = rank_report(scores, {}, top=0, include_ineligible=True, profile=inputs.profile)
    assert any(not m.eligible for m in report.matches) and any(m.eligible for m in report.matches)
    return report.matches


def _text(item: Encoded | dict[str, object]) -> str:
    assert isinstance(item, Encoded), "a match of the expected shape is written by the template"
    return item.text


def test_every_bundled_match_is_the_encoder_s_own_text(matches: list[Match]) -> None:
    for match in matches:
        assert _text(match_encoded(match)) == _dumps(match_json(match))
    assert [_text(item) for item in encoded_matches(matches)] == [
        _dumps(match_json(m)) for m in matches
    ]


def test_odd_strings_empty_lists_and_false_flags_are_the_encoder_s_own_text(
    matches: list[Match],
) -> None:
    rng = random.Random(13)
    for match in matches[:40]:
        odd = replace(
            match,
            project_id=rng.choice(ODD),
            reasons=tuple(rng.sample(ODD, rng.randrange(0, 4))),
            components={rng.choice(ODD): float(rng.randrange(-5, 5)) / 3 for _ in range(2)}
            if rng.random() < 0.5
            else {},
            eligible=rng.random() < 0.5,
            suitable=rng.random() < 0.5,
            rank=rng.randrange(0, 1000),
            score=rng.choice([0.0, -0.0, 1e-7, 12.34, 1e20]),
        )
        assert _text(match_encoded(odd)) == _dumps(match_json(odd))


@pytest.mark.parametrize(
    "change",
    [
        {"score": float("nan")},
        {"confidence": float("inf")},
        {"components": {"demand_fit": float("-inf")}},
        {"rank": True},
        {"score": 3},  # an int where a float is expected
    ],
)
def test_what_the_template_does_not_expect_is_left_to_the_encoder(
    matches: list[Match], change: dict[str, object]
) -> None:
    odd = replace(matches[0], **change)  # type: ignore[arg-type]
    item = match_encoded(odd)
    assert item == match_json(odd)  # the plain dict: the encoder writes it as before
