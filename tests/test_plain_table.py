"""A borderless table laid out without rich prints exactly what rich prints.

`layout` reproduces rich's `Table(box=None, pad_edge=False, show_edge=False)` for the
tables matchmaker prints; the outputs of the bundled examples (tests/golden/) pin it on
real data, and here it meets rich on seeded random tables: Korean and English words,
folded long words, line breaks, right-aligned numbers, titles wider than the table.
"""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console

from matchmaker.render.plain_table import Column, Printer, _cell_len, layout, rich_table

WORDS = [
    "세종문화회관",
    "예술단",
    "지역",
    "순회공연",
    "및",
    "박물관·미술관",
    "전시",
    "교류",
    "Touring",
    "performances",
    "and",
    "exhibition",
    "exchange",
    "arts-touring",
    "urban-rural-public-meals-with-a-very-long-identifier",
    "(Gyeongsangbuk-do)",
    "2026-andong/festival-visitors",
    "–",
    "31.5",
    "높음",
    "",
    "축제🎉",  # a wide emoji
    "cafe\u0301",  # a combining accent: no width of its own
    "ｆｕｌｌｗｉｄｔｈ",
]


def _text(rng: random.Random, lines: int) -> str:
    return "\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8))) for _ in range(lines)
    )


def _rich_lines(columns: list[Column], rows: list[list[str]], width: int, title: str) -> list[str]:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=False, color_system=None, soft_wrap=False
    )
    console.print(rich_table(columns, rows, title))
    return [line.rstrip() for line in buffer.getvalue().splitlines()]


@pytest.mark.parametrize("seed", range(300))
def test_layout_prints_what_rich_prints(seed: int) -> None:
    rng = random.Random(seed)
    columns = [
        Column(
            _text(rng, 1)[:12] or "#",
            rng.choice(["left", "right"]),
            rng.choice([None, None, 6, 12, 20, 34]),
        )
        for _ in range(rng.randint(2, 7))
    ]
    rows = [
        [
            _text(rng, rng.choice([1, 1, 1, 2, 3])) if c.max_width else rng.choice(WORDS)
            for c in columns
        ]
        for _ in range(rng.randint(0, 5))
    ]
    width = rng.choice([24, 40, 60, 80, 120, 200])
    title = rng.choice(["", _text(rng, 1), _text(rng, 3)])
    laid_out = layout(columns, rows, width, title)
    if laid_out is None:
        # Left to rich only because rich would cut a column that never wraps to fit this
        # console: on a wide enough one, the same table is laid out as rich does.
        width = 1000
        laid_out = layout(columns, rows, width, title)
    assert laid_out == _rich_lines(columns, rows, width, title)


def test_most_random_tables_are_laid_out_at_the_width_asked() -> None:
    # So that the comparison above mostly runs at the widths asked, narrow ones included.
    laid_out = 0
    for seed in range(300):
        rng = random.Random(seed)
        count = rng.randint(2, 7)
        columns = [
            Column("h", "left", rng.choice([None, None, 6, 12, 20, 34])) for _ in range(count)
        ]
        rows = [[_text(rng, 1) if c.max_width else rng.choice(WORDS) for c in columns]]
        laid_out += layout(columns, rows, 60) is not None
    assert laid_out > 200


def test_tables_it_cannot_lay_out_exactly_are_left_to_rich() -> None:
    columns = [Column("#", "right"), Column("name", max_width=20)]
    assert layout(columns, [["1", "tab\there"]], 80) is None
    assert layout(columns, [["1", "no-break\u00a0space"]], 80) is None
    assert layout(columns, [["123456789012345678901", "x"]], 20) is None  # cut, not wrapped
    # Narrowed to the console as rich narrows it: the wrapped column gives way.
    assert layout(columns, [["1", "x" * 20]], 12) == [
        "#  name",
        "1  xxxxxxxxx",
        "   xxxxxxxxx",
        "   xx",
    ]
    assert layout(columns, [["1", "fits"]], 80) == ["#  name", "1  fits"]


@pytest.mark.parametrize(
    "text",
    [
        "2026-sinan/island-emergency-care: no suitable project: the best fit is 12",
        "a :thumbs_up: here",
        "times 10:30:00 and :not_an_emoji_code:",
        "이 수요에 적합한 사업 없음: " + "가나다라 " * 30,
    ],
)
def test_text_prints_as_rich_prints_a_str_without_markup(text: str) -> None:
    printer = Printer(60)
    printer.text(text, emoji=True)
    buffer = io.StringIO()
    console = Console(file=buffer, width=60, force_terminal=False, color_system=None)
    console.print(text, markup=False)
    assert (
        printer.output()
        == "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["rank"],
        ["rank", "--by", "project", "--lang", "ko"],
        ["rank", "--include-ineligible", "--lang", "en"],
        ["allocate", "--lang", "ko"],
    ],
    ids=["rank", "rank-by-project-ko", "rank-ineligible", "allocate-ko"],
)
def test_the_bundled_tables_print_as_rich_prints_them(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from matchmaker.cli import main
    from matchmaker.render import plain_table

    def printed() -> str:
        with pytest.raises(SystemExit):
            main([*args, "--today", "2026-11-28"])
        return capsys.readouterr().out

    laid_out = printed()
    monkeypatch.setattr(plain_table, "_available", lambda: False)  # all through rich
    assert laid_out == printed()
    assert laid_out.count("\n") > 20


def test_cells_are_measured_as_rich_measures_them() -> None:
    # _cell_len counts printable ASCII itself and asks rich for everything else.
    from rich.cells import cell_len

    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0, 0x80)] + list("가나다한글 ·—…é\u200b\u3000😀")
    texts = ["", " ", "~", "abc def", *("".join(rng.choices(alphabet, k=n)) for n in range(60))]
    texts += ["".join(rng.choices(alphabet[0x20:0x7F], k=n)) for n in range(60)]
    assert [_cell_len(text) for text in texts] == [cell_len(text) for text in texts]
