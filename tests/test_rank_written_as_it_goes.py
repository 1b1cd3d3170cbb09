"""`rank` writes its output as it goes (ranking.rank_parts, render/rank.py's stream_*):
one chunk's matches at a time, and the same bytes as the whole report rendered at once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from matchmaker.bundled import default_profile_path, proposals_dir
from matchmaker.inputs import RunInputs, load_run
from matchmaker.ranking import in_key_order, joined, rank_parts, rank_report
from matchmaker.render.envelope import to_json
from matchmaker.render.registry import STREAMED, render, render_pieces
from matchmaker.scoring import stream
from matchmaker.scoring.engine import Scores, score
from matchmaker.scoring.stream import score_chunks

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 28)
FORMATS = sorted(STREAMED["rank"])


def generated(folder: Path, copies: int = 3) -> Path:
    """The bundled proposals and the unmet-demand examples, `copies` times over under new
    proposal ids, written so that file order is the reverse of demand-key order (so the
    run must be put in key order to be written as it goes). Copies of one region's demand
    are resubmissions of each other, so the run also marks repeats."""
    sources = sorted(
        [*proposals_dir().glob("*.yaml"), *(REPO / "examples/unmet-demand").glob("*.yaml")]
    )
    folder.mkdir()
    count = 0
    for copy in range(copies):
        for source in sources:
            text = source.read_text(encoding="utf-8")
            renamed, replaced = re.subn(r"(?m)^id: ", f"id: z{copies - copy}-", text, count=1)
            assert replaced == 1, source
            # a-000 holds the last ids: names sort against the ids
            (folder / f"a-{len(sources) * copies - count:03d}.yaml").write_text(renamed, "utf-8")
            count += 1
    return folder


@pytest.fixture(scope="module", params=["bundled", "generated"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> RunInputs:
    folder = (
        proposals_dir()
        if request.param == "bundled"
        else generated(tmp_path_factory.mktemp("run") / "proposals")
    )
    inputs = load_run([folder], None, default_profile_path(), TODAY)
    assert inputs.catalog is not None and inputs.profile is not None
    assert inputs.demands, [d for d in inputs.diagnostics if d.severity == "error"]
    return inputs


def _settings(inputs: RunInputs, by: str = "demand") -> dict:
    return {
        "top": 3,
        "by": by,
        "language": "ko",
        "today": TODAY.isoformat(),
        "profile": inputs.profile,
    }


def _whole(inputs: RunInputs, output_format: str, by: str = "demand") -> str:
    """The whole report, scored in one piece in file order, rendered at once."""
    assert inputs.catalog is not None and inputs.profile is not None
    scores = score(inputs.catalog, inputs.records(), inputs.profile)
    report = rank_report(scores, inputs.input_hashes(), **_settings(inputs, by))
    text = render("rank", output_format, report)
    assert isinstance(text, str)
    return text


def _streamed(inputs: RunInputs, output_format: str, chunk: int, by: str = "demand") -> str:
    assert inputs.catalog is not None and inputs.profile is not None
    records = in_key_order(inputs.records()) if by == "demand" else inputs.records()
    chunks = (s for _, s in score_chunks(inputs.catalog, records, inputs.profile, chunk=chunk))
    parts = rank_parts(chunks, inputs.input_hashes(), **_settings(inputs, by))
    return "".join(render_pieces("rank", output_format, parts))


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("chunk", [1, 2, 7])
def test_written_in_tiny_chunks_it_is_the_whole_report_byte_for_byte(
    run: RunInputs, output_format: str, chunk: int
) -> None:
    whole = _whole(run, output_format)
    assert _streamed(run, output_format, chunk) == whole


@pytest.mark.parametrize("output_format", FORMATS)
def test_grouped_by_project_it_is_written_whole_and_the_same(
    run: RunInputs, output_format: str
) -> None:
    assert _streamed(run, output_format, 2, by="project") == _whole(run, output_format, "project")


def test_the_pieces_are_the_json_encoder_s_own_text_of_the_document(run: RunInputs) -> None:
    text = _streamed(run, "json", 3)
    document = json.loads(text)
    assert to_json(document) == text
    assert len(document["matches"]) > 0 and document["no_suitable_project"]
    keys = [f"{m['proposal']}/{m['demand']}" for m in document["matches"]]
    assert keys == sorted(keys)


def test_the_csv_has_one_row_per_match_after_one_bom_and_header(run: RunInputs) -> None:
    text = _streamed(run, "csv", 2)
    assert text.count("\ufeff") == 1 and text.startswith("\ufeffproposal,")
    rows = list(csv.reader(io.StringIO(text[1:])))
    document = json.loads(_streamed(run, "json", 2))
    assert len(rows) == 1 + len(document["matches"])


def test_each_part_is_handed_on_before_the_next_chunk_is_scored(run: RunInputs) -> None:
    """Only one chunk's matches (and their reasons) are held: a part comes out as soon
    as its chunk has been scored."""
    assert run.catalog is not None and run.profile is not None
    scored: list[int] = []

    def counted() -> Iterator[Scores]:
        for start, scores in score_chunks(
            run.catalog, in_key_order(run.records()), run.profile, chunk=4
        ):
            scored.append(start)
            yield scores

    seen = []
    for part in rank_parts(counted(), run.input_hashes(), **_settings(run)):
        seen.append(len(scored))
        assert all(m.record.key for m in part.matches)
    assert seen == list(range(1, len(seen) + 1)) and len(seen) == -(-len(run.records()) // 4)


def test_chunks_out_of_demand_key_order_are_refused(run: RunInputs) -> None:
    assert run.catalog is not None and run.profile is not None
    backwards = sorted(run.records(), key=lambda record: record.key, reverse=True)
    chunks = (s for _, s in score_chunks(run.catalog, backwards, run.profile, chunk=4))
    with pytest.raises(ValueError, match="demand-key order"):
        list(rank_parts(chunks, run.input_hashes(), **_settings(run)))


def test_the_parts_joined_are_the_whole_report(run: RunInputs) -> None:
    assert run.catalog is not None and run.profile is not None
    records = in_key_order(run.records())
    chunks = (s for _, s in score_chunks(run.catalog, records, run.profile, chunk=3))
    together = joined(rank_parts(chunks, run.input_hashes(), **_settings(run)))
    whole = rank_report(
        score(run.catalog, run.records(), run.profile), run.input_hashes(), **_settings(run)
    )
    assert together == whole


def test_no_chunk_at_all_is_still_one_document(run: RunInputs) -> None:
    parts = list(rank_parts(iter(()), run.input_hashes(), **_settings(run)))
    assert len(parts) == 1 and parts[0].matches == []
    document = json.loads("".join(render_pieces("rank", "json", parts)))
    assert document["matches"] == [] and document["profile"]["id"]


def test_demands_left_out_by_region_leave_their_chunks_empty(run: RunInputs) -> None:
    assert run.catalog is not None and run.profile is not None
    code = run.records()[-1].region.code
    settings = {**_settings(run), "region_codes": {code}}
    chunks = (s for _, s in score_chunks(run.catalog, in_key_order(run.records()), run.profile, 2))
    text = "".join(
        render_pieces("rank", "json", rank_parts(chunks, run.input_hashes(), **settings))
    )
    whole = rank_report(
        score(run.catalog, run.records(), run.profile), run.input_hashes(), **settings
    )
    assert text == render("rank", "json", whole)
    assert {m["region"]["code"] for m in json.loads(text)["matches"]} == {code}


@pytest.mark.parametrize("output_format", FORMATS)
def test_the_command_in_chunks_of_2_writes_what_the_library_renders_whole(
    cli, run: RunInputs, output_format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "CHUNK", 2)
    folders = sorted({str(Path(d.file).parent) for d in run.proposals})
    target = tmp_path / f"out.{output_format}"
    args = ["rank", *folders, "--today", TODAY.isoformat(), "--format", output_format]
    written = cli(*args, "--output", str(target), env={"MATCHMAKER_LANG": "ko"})
    assert written.exit_code == 0, written.output
    printed = cli(*args, env={"MATCHMAKER_LANG": "ko"})
    assert printed.exit_code == 0, printed.output
    whole = _whole(run, output_format)
    assert target.read_bytes() == whole.encode("utf-8")  # CSV's CRLF kept as written
    assert printed.stdout == whole.replace("\r\n", "\n")  # the test runner's stdout is text


def test_the_command_bounds_the_pairs_scored_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large catalog scores fewer demands a chunk (memory grows with pairs), with the
    same bytes: here 60 pairs, so 2 demands a chunk of the bundled catalog."""
    from matchmaker.cli import rank as rank_command
    from tests.test_golden import CASES, GOLDEN, produce

    used: list[int] = []
    original = stream.score_chunks

    def recording(*args, chunk: int, **kwargs):  # type: ignore[no-untyped-def]
        used.append(chunk)
        return original(*args, chunk=chunk, **kwargs)

    monkeypatch.setattr(stream, "score_chunks", recording)
    monkeypatch.setattr(rank_command, "PAIRS_PER_CHUNK", 60)
    (case,) = [c for c in CASES if c.name == "rank-json"]
    assert produce(case, tmp_path) == (GOLDEN / case.file).read_bytes()
    projects = len(
        load_run([proposals_dir()], None, default_profile_path(), TODAY).catalog.projects
    )  # type: ignore[union-attr]
    assert used == [60 // projects] and used[0] < stream.CHUNK
