"""Feedback letters as HTML (`letters --format html`): one self-contained, printable page
per region, in the report's style and under the report's rules.

The same `RegionLetter` as the Markdown letter, through a Jinja2 template with
autoescaping on, so a title such as `<script>` is shown, never run. The page inlines the
report's stylesheet and its own; it has no script, and its Content-Security-Policy
forbids any script and every request, so it works offline and prints on A4.
"""

from __future__ import annotations

from markupsafe import Markup

from matchmaker import __version__
from matchmaker.letters import RegionLetter
from matchmaker.messages import say
from matchmaker.report.html import _asset, environment


def _words(letter: RegionLetter) -> dict[str, str]:
    """The letter's own words, the Markdown letter's sentences in the letter's language."""
    lang, region = letter.language, letter.region_name
    return {
        "title": say(
            lang,
            f"{region}: results of round {letter.round}",
            f"{region} {letter.round}년 회차 결과 안내",
        ),
        "lead": say(
            lang,
            f"This letter tells {region} what was decided on its demands in round "
            f"{letter.round} of Seoul's inter-regional cooperation, and why.",
            f"서울시 지역교류협력 {letter.round}년 회차에서 {region}의 수요에 대해 결정한 내용과 "
            "그 이유를 알려 드립니다.",
        ),
        "asked": say(lang, "What you asked for", "요청하신 수요"),
        "funded": say(lang, "funded", "지원 결정"),
        "not_funded": say(lang, "not funded", "지원하지 못함"),
        "funded_heading": say(lang, "What was funded", "지원이 결정된 수요"),
        "unfunded_heading": say(
            lang, "What was not funded, and why", "지원하지 못한 수요와 그 이유"
        ),
        "project": say(lang, "Project", "연결된 사업"),
        "score": say(lang, "Score", "점수"),
        "why": say(lang, "Why:", "근거:"),
        "reason": say(lang, "Reason", "이유"),
        "closest": say(lang, "Closest project", "가장 가까웠던 사업"),
        "would_change": say(lang, "What would have changed it", "결과를 바꿀 수 있었던 것"),
        "next_round": say(lang, "Next round", "다음 회차에는"),
        "footer": say(
            lang,
            "Written by matchmaker from the round's allocation; the scores and reasons are "
            "those of the run whose input files are hashed in the allocation's JSON output.",
            "matchmaker가 이 회차의 배정 결과에서 작성했습니다. 점수와 근거는 배정 결과 JSON에 "
            "입력 파일의 해시가 기록된 실행의 것입니다.",
        ),
    }


def render_letter_html(letter: RegionLetter) -> str:
    """One region's letter as a page; the same letter always gives the same bytes."""
    lang = letter.language

    def won(amount: int | None) -> str:
        if amount is None:
            return say(lang, "amount not set", "금액 미정")
        return say(lang, f"KRW {amount:,} a year", f"연 {amount:,}원")

    return (
        environment()
        .get_template("letter.html.j2")
        .render(
            letter=letter,
            lang=lang,
            w=_words(letter),
            won=won,
            tool=f"matchmaker {__version__}",
            style=Markup(_asset("report.css")),
            letter_style=Markup(_asset("letter.css")),
        )
    )
