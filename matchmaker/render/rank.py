"""`rank` output as a table, JSON, CSV (Excel-ready) or Markdown. Rendering never scores."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from itertools import chain, groupby
from json.encoder import encode_basestring
from math import isfinite

from matchmaker.messages import say
from matchmaker.models import Profile
from matchmaker.ranking import Match, NoSuitable, RankReport, confidence_label
from matchmaker.render.cells import csv_writer, markdown_text
from matchmaker.render.envelope import Encoded, envelope, json_pieces
from matchmaker.resolve.demands import ResolvedDemand

UTF8_BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only with it, so Hangul shows


def no_suitable_sentence(item: NoSuitable, language: str) -> str:
    """Why a demand has no suitable project, as one sentence for any output."""
    if item.best_fit is None:
        return say(
            language,
            "No suitable project: no project is eligible for this demand.",
            "적합한 사업 없음: 이 수요에 참여 자격이 되는 사업이 없습니다.",
        )
    needs = ", ".join(
        label[:1].lower() + label[1:] if language == "en" else label for label in item.unserved
    )
    if item.best_fit < item.threshold:
        why = say(
            language,
            f"the best demand fit is {item.best_fit:.0f}, below the threshold "
            f"of {item.threshold:.0f}",
            f"가장 높은 수요 적합도 {item.best_fit:.0f}점이 기준 {item.threshold:.0f}점에 "
            "못 미칩니다",
        )
        if needs:
            why += say(
                language,
                f"; it reads as {needs}, which no project in the catalog serves",
                f". {needs}에 관한 수요로 읽히는데 이를 다루는 사업이 없습니다",
            )
    else:
        why = say(
            language,
            f"the demand reads as {needs}, which no project in the catalog "
            f"serves, and no project fits it clearly (best demand fit {item.best_fit:.0f})",
            f"수요가 {needs}에 관한 것으로 읽히는데 카탈로그의 어떤 사업도 이를 다루지 "
            f"않고, 뚜렷이 맞는 사업도 없습니다(최고 수요 적합도 {item.best_fit:.0f}점)",
        )
    return say(
        language,
        f"No suitable project: {why}. The closest projects are shown for reference.",
        f"적합한 사업 없음: {why}. 가장 가까운 사업을 참고로 보입니다.",
    )


def _group_key(match: Match, by: str) -> str:
    return match.demand_key if by == "demand" else match.project_id


def profile_json(profile: Profile) -> dict[str, object]:
    w_fit, w_long, w_syn = profile.weights.normalised()
    return {
        "id": profile.id,
        "name": {"ko": profile.name.ko, "en": profile.name.en},
        "weights": {
            "demand_fit": round(w_fit, 6),
            "long_term": round(w_long, 6),
            "synergy": round(w_syn, 6),
        },
        "population_decline_bonus": profile.population_decline_bonus,
        "fit_threshold": profile.fit_threshold,
    }


def demand_json(record: ResolvedDemand) -> dict[str, object]:
    """The demand a JSON entry is about: proposal, demand id and region."""
    region = record.region
    return {
        "proposal": record.proposal.id,
        "demand": record.demand.id,
        "region": {"code": region.code, "name": {"ko": region.name_ko, "en": region.name_en}},
    }


def match_json(match: Match) -> dict[str, object]:
    return {
        **demand_json(match.record),
        "project": match.project_id,
        "rank": match.rank,
        "score": match.score,
        "components": match.components,
        "eligible": match.eligible,
        "reasons": list(match.reasons),
        "confidence": match.confidence,
        "suitable": match.suitable,
    }


def _demand_text(record: ResolvedDemand) -> str:
    region = record.region
    q = encode_basestring
    return (
        f'{{\n  "proposal": {q(record.proposal.id)},\n  "demand": {q(record.demand.id)},'
        f'\n  "region": {{\n    "code": {q(region.code)},\n    "name": {{\n      "ko": '
        f'{q(region.name_ko)},\n      "en": {q(region.name_en)}\n    }}\n  }},'
    )


def match_encoded(match: Match, head: str | None = None) -> Encoded | dict[str, object]:
    """`match_json` as the JSON text the envelope's encoder gives for it, written from one
    template (the encoder walks ~25 values a match: a third of a large `rank`'s output
    time). `head`: `_demand_text` of the match's demand, shared by its matches. Anything
    the template does not expect (a number that is not finite, a value of another type)
    gives the plain dict, for the encoder to handle as before."""
    try:
        q = encode_basestring
        if not isinstance(match.rank, int) or isinstance(match.rank, bool):
            raise ValueError("left to the standard encoder")
        number = float.__repr__  # a TypeError for anything but a float
        values = match.components.values()
        if not isfinite(sum(values, match.score + match.confidence)):
            raise ValueError("a number that is not finite: left to the standard encoder")
        components = ",".join(
            [
                f"\n    {_KEYS.get(name) or q(name)}: {number(value)}"
                for name, value in match.components.items()
            ]
        )
        reasons = ",\n    ".join(map(q, match.reasons))
        reasons = f"[\n    {reasons}\n  ]" if match.reasons else "[]"
        text = (
            f"{head if head is not None else _demand_text(match.record)}"
            f'\n  "project": {q(match.project_id)},\n  "rank": {int.__repr__(match.rank)},'
            f'\n  "score": {number(match.score)},'
            f'\n  "components": {("{" + components + chr(10) + "  }") if components else "{}"},'
            f'\n  "eligible": {"true" if match.eligible is True else _bool(match.eligible)},'
            f'\n  "reasons": {reasons},'
            f'\n  "confidence": {number(match.confidence)},'
            f'\n  "suitable": {"true" if match.suitable is True else _bool(match.suitable)}\n}}'
        )
    except (ValueError, TypeError):
        return match_json(match)
    return Encoded(text)


# the components' names as JSON strings, written once
_KEYS = {name: encode_basestring(name) for name in ("demand_fit", "long_term", "synergy")}


def _bool(value: object) -> str:
    if value is False:
        return "false"
    raise ValueError("left to the standard encoder")


def encoded_matches(matches: Iterable[Match]) -> Iterator[Encoded | dict[str, object]]:
    """`match_encoded` of each match, each demand's part written once for its matches."""
    record: ResolvedDemand | None = None
    head = ""
    for match in matches:
        if match.record is not record:
            record = match.record
            try:
                head = _demand_text(record)
            except TypeError:  # a value of another type: the plain dict, encoded as before
                record = None
                yield match_json(match)
                continue
        yield match_encoded(match, head)


def no_suitable_json(item: NoSuitable) -> dict[str, object]:
    return {
        **demand_json(item.record),
        "best_fit": item.best_fit,
        "threshold": item.threshold,
        "unserved_needs": list(item.unserved),
    }


def render_json(report: RankReport) -> str:
    return "".join(stream_json([report]))


def stream_json(parts: Iterable[RankReport]) -> Iterator[str]:
    """The JSON document of the parts of one ranking (`rank_parts`), written as they
    come: the envelope, options and profile first, then each part's matches, and the
    demands with no suitable project (few, kept until the end) last."""
    unsuitable: list[NoSuitable] = []
    remaining = iter(parts)
    first = next(remaining)

    def matches() -> Iterator[Encoded | dict[str, object]]:
        for part in chain([first], remaining):
            unsuitable.extend(part.no_suitable)
            yield from encoded_matches(part.matches)

    head = envelope(
        first.inputs,
        {
            "options": {
                "by": first.by,
                "top": first.top,
                "language": first.language,
                **dict(first.options),
            },
            "profile": profile_json(first.profile),
        },
    )
    yield from json_pieces(
        head,
        (
            ("matches", matches()),
            ("no_suitable_project", (no_suitable_json(item) for item in unsuitable)),
        ),
    )


CSV_COLUMNS = (
    "proposal",
    "demand",
    "region_code",
    "region",
    "project",
    "project_name",
    "rank",
    "score",
    "demand_fit",
    "long_term",
    "synergy",
    "eligible",
    "suitable",
    "confidence",
    "reasons",
)


def render_csv(report: RankReport) -> str:
    return "".join(stream_csv([report]))


def stream_csv(parts: Iterable[RankReport]) -> Iterator[str]:
    """The CSV of the parts of one ranking, a piece per part: the BOM and the header
    first (Excel reads a CSV as UTF-8 only with the BOM, so Hangul shows)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield UTF8_BOM + buffer.getvalue()
    for part in parts:
        buffer.seek(0)
        buffer.truncate()
        for m in part.matches:
            region = m.record.region
            writer.writerow(
                [
                    m.record.proposal.id,
                    m.record.demand.id,
                    region.code,
                    region.name_ko if part.language == "ko" else region.name_en,
                    m.project_id,
                    m.project_name,
                    m.rank,
                    f"{m.score:.2f}",
                    f"{m.components['demand_fit']:.2f}",
                    f"{m.components['long_term']:.2f}",
                    f"{m.components['synergy']:.2f}",
                    "yes" if m.eligible else "no",
                    "yes" if m.suitable else "no",
                    f"{m.confidence:.2f}",
                    " | ".join(m.reasons),
                ]
            )
        if buffer.tell():
            yield buffer.getvalue()


def render_markdown(report: RankReport) -> str:
    return "".join(stream_markdown([report]))


def stream_markdown(parts: Iterable[RankReport]) -> Iterator[str]:
    """The Markdown of the parts of one ranking: the title and profile, then a section
    per group, each written as its part comes; the text ends with one newline."""
    remaining = iter(parts)
    first = next(remaining)
    language = first.language
    md = markdown_text  # every text from a file is shown literally, never as Markdown
    # Every block ends with an empty line; the document is the blocks' lines joined by
    # newlines, with the trailing empty lines cut to one final newline. A block is held
    # back until the next one comes, so the last can be cut as the whole text would be.
    held = [
        say(language, "# Matches", "# 매칭 결과"),
        "",
        say(
            language,
            f"Profile: {md(first.profile.name.display('en'))} (weights {_weights(first.profile)})",
            f"프로필: {md(first.profile.name.display('ko'))} (가중치 {_weights(first.profile)})",
        ),
        "",
    ]
    separator = ""
    for part in chain([first], remaining):
        for block in _markdown_groups(part):
            yield separator + "\n".join(held)
            held, separator = block, "\n"
    yield (separator + "\n".join(held)).rstrip("\n") + "\n"


def _markdown_groups(report: RankReport) -> Iterator[list[str]]:
    """The lines of each group of matches, each list ending with an empty line."""
    language = report.language
    md = markdown_text
    for key, group in groupby(report.matches, key=lambda m: _group_key(m, report.by)):
        lines: list[str] = []
        members = list(group)
        first = members[0]
        if report.by == "demand":
            region = first.record.region.display(language)
            lines += [f"## {md(key)} — {md(region)}", "", f"> {md(first.record.demand.title)}", ""]
            unsuitable = report.unsuitable(key)
            if unsuitable is not None:
                lines += [f"**{md(no_suitable_sentence(unsuitable, language))}**", ""]
        else:
            lines += [f"## {md(first.project_name)} ({md(key)})", ""]
        for m in members:
            subject = (
                md(m.project_name)
                if report.by == "demand"
                else (
                    f"{md(m.record.region.display(language))}: {md(m.record.demand.title)}"
                    + ("" if m.suitable else _unsuitable_mark(language))
                )
            )
            place = f"{m.rank}." if m.rank else say(language, "(not eligible)", "(대상 아님)")
            lines.append(f"### {place} {subject} — {m.score:.1f}")
            lines.append("")
            lines.append(_paragraph(m, language))
            lines.append("")
        yield lines


def _unsuitable_mark(language: str) -> str:
    return say(language, " (no suitable project for this demand)", " (이 수요에 적합한 사업 없음)")


def _weights(profile: Profile) -> str:
    w = profile.weights.normalised()
    return f"{w[0]:.2f} / {w[1]:.2f} / {w[2]:.2f}"


def _paragraph(m: Match, language: str) -> str:
    c = m.components
    head = say(
        language,
        f"Demand fit {c['demand_fit']:.0f}, long-term value {c['long_term']:.0f}, "
        f"synergy {c['synergy']:.0f} (confidence {confidence_label(m.confidence)}).",
        f"수요 적합도 {c['demand_fit']:.0f}, 장기 가치 {c['long_term']:.0f}, "
        f"시너지 {c['synergy']:.0f}(신뢰도 {_confidence_ko(m.confidence)}).",
    )
    return head + " " + " ".join(markdown_text(reason.rstrip(".") + ".") for reason in m.reasons)


def _confidence_ko(value: float) -> str:
    return {"high": "높음", "medium": "보통", "low": "낮음"}[confidence_label(value)]


def render_table(report: RankReport, width: int | None = None) -> str:
    from matchmaker.render.plain_table import Column, Printer
    from matchmaker.render.width import table_width

    language = report.language
    printer = Printer(width or table_width())
    for key, group in groupby(report.matches, key=lambda m: _group_key(m, report.by)):
        members = list(group)
        first = members[0]
        if report.by == "demand":
            title = f"{key} · {first.record.region.display(language)}\n{first.record.demand.title}"
            unsuitable = report.unsuitable(key)
            if unsuitable is not None:
                title += "\n" + no_suitable_sentence(unsuitable, language)
            subject_header = say(language, "project", "사업")
        else:
            title = f"{first.project_name} ({key})"
            subject_header = say(language, "demand", "수요")
        columns = [
            Column("#", "right"),
            Column(subject_header, max_width=34),
            Column(say(language, "score", "점수"), "right"),
            Column(say(language, "fit", "적합"), "right"),
            Column(say(language, "long", "장기"), "right"),
            Column(say(language, "syn.", "시너지"), "right"),
            Column(say(language, "conf.", "신뢰도")),
        ]
        rows: list[list[str]] = []
        for m in members:
            subject = (
                # The id under the name: explain, --lock and --project take either.
                f"{m.project_name}\n{m.project_id}"
                if report.by == "demand"
                else (
                    f"{m.record.region.name_ko if language == 'ko' else m.record.region.name_en}"
                    f" {m.record.demand.id}" + ("" if m.suitable else _unsuitable_mark(language))
                )
            )
            confidence = (
                _confidence_ko(m.confidence) if language == "ko" else confidence_label(m.confidence)
            )
            rows.append(
                [
                    str(m.rank) if m.rank else "–",
                    # The user's text, never read as markup; an excluded pair says why.
                    subject if m.eligible or not m.reasons else f"{subject}\n{m.reasons[0]}",
                    f"{m.score:.1f}",
                    f"{m.components['demand_fit']:.0f}",
                    f"{m.components['long_term']:.0f}",
                    f"{m.components['synergy']:.0f}",
                    confidence,
                ]
            )
        printer.table(columns, rows, title)
        printer.blank()
    shown = {m.demand_key for m in report.matches}
    for item in report.no_suitable:
        if item.record.key not in shown:  # no eligible project: no table to head
            printer.text(
                f"{item.record.key} · {item.record.region.display(language)}\n"
                f"{item.record.demand.title}\n"
                f"{no_suitable_sentence(item, language)}"
            )
            printer.blank()
    if not report.matches and not report.no_suitable:
        printer.text(
            say(
                language,
                "Every demand has a suitable project.",
                "모든 수요에 적합한 사업이 있습니다.",
            )
            if report.only_no_suitable
            else say(language, "No eligible matches.", "대상이 되는 매칭이 없습니다.")
        )
    return printer.output()
