"""Feedback letters as Markdown, one per region (`matchmaker letters`).

Every text from the inputs or the catalog goes through `markdown_text`, so a title such
as `# 긴급` or `<b>` is shown as written, never as a heading or HTML; ids are in code
spans that no backtick inside can close.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.letters import RegionLetter
from matchmaker.messages import say
from matchmaker.render.cells import markdown_code, markdown_text


@dataclass(frozen=True, slots=True)
class LettersReport:
    letters: list[RegionLetter]
    language: str


EXTENSIONS = {"markdown": "md", "html": "html"}


def file_name(letter: RegionLetter, output_format: str = "markdown") -> str:
    """`2027-52710.md` (or `.html`): the round and the region code (stable, ASCII, unique)."""
    return f"{letter.round}-{letter.region_code}.{EXTENSIONS[output_format]}"


def _won(amount: int | None, language: str) -> str:
    if amount is None:
        return say(language, "amount not set", "금액 미정")
    return say(language, f"KRW {amount:,} a year", f"연 {amount:,}원")


def render_letter(letter: RegionLetter) -> str:
    lang = letter.language
    region = markdown_text(letter.region_name)
    lines = [
        say(
            lang,
            f"# {region}: results of round {letter.round}",
            f"# {region} {letter.round}년 회차 결과 안내",
        ),
        "",
        markdown_text(letter.province_name) + f" · {markdown_code(letter.region_code)}",
        "",
        say(
            lang,
            f"This letter tells {region} what was decided on its demands in round "
            f"{letter.round} of Seoul's inter-regional cooperation, and why.",
            f"서울시 지역교류협력 {letter.round}년 회차에서 {region}의 수요에 대해 결정한 내용과 "
            "그 이유를 알려 드립니다.",
        ),
        "",
        say(lang, "## What you asked for", "## 요청하신 수요"),
        "",
    ]
    for number, (key, title, funded) in enumerate(letter.asked, start=1):
        outcome = (
            say(lang, "funded", "지원 결정") if funded else say(lang, "not funded", "지원하지 못함")
        )
        lines.append(f"{number}. **{markdown_text(title)}** ({markdown_code(key)}): {outcome}")
    if letter.funded:
        lines += ["", say(lang, "## What was funded", "## 지원이 결정된 수요")]
        for item in letter.funded:
            lines += [
                "",
                f"### {markdown_text(item.title)}",
                "",
                say(lang, "- Project: ", "- 연결된 사업: ")
                + f"{markdown_text(item.project_name)} ({markdown_code(item.project)})",
                say(lang, "- Score: ", "- 점수: ") + f"{item.score:.1f} · {_won(item.cost, lang)}",
            ]
            if item.reasons:
                lines.append(say(lang, "- Why:", "- 근거:"))
                lines += [f"  - {markdown_text(reason)}" for reason in item.reasons]
    if letter.unfunded:
        lines += [
            "",
            say(lang, "## What was not funded, and why", "## 지원하지 못한 수요와 그 이유"),
        ]
        for miss in letter.unfunded:
            lines += [
                "",
                f"### {markdown_text(miss.title)}",
                "",
                f"- {markdown_code(miss.key)}",
                say(lang, "- Reason: ", "- 이유: ") + markdown_text(miss.reason),
            ]
            if miss.closest is not None:
                score = "" if miss.closest_score is None else f" ({miss.closest_score:.1f})"
                lines.append(
                    say(lang, "- Closest project: ", "- 가장 가까웠던 사업: ")
                    + markdown_text(miss.closest)
                    + score
                )
            if miss.would_change:
                lines.append(
                    say(lang, "- What would have changed it: ", "- 결과를 바꿀 수 있었던 것: ")
                    + markdown_text(miss.would_change)
                )
            if miss.strengthen:
                lines.append(
                    say(lang, "- Next round: ", "- 다음 회차에는: ")
                    + markdown_text(miss.strengthen)
                )
    lines += [
        "",
        "---",
        "",
        say(
            lang,
            "Written by matchmaker from the round's allocation; the scores and reasons are "
            "those of the run whose input files are hashed in the allocation's JSON output.",
            "matchmaker가 이 회차의 배정 결과에서 작성했습니다. 점수와 근거는 배정 결과 JSON에 "
            "입력 파일의 해시가 기록된 실행의 것입니다.",
        ),
    ]
    return "\n".join(lines) + "\n"
