"""Workbooks for tests: a proposal as an official fills it in, and the tools to make
hostile variants of it (parts added or replaced in its zip, sheets written by hand)."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable

from openpyxl import Workbook


def book(edit: Callable[[Workbook], None] | None = None) -> bytes:
    """A small proposal as an official fills it in, before `edit`."""
    book = Workbook()
    form = book.active
    assert form is not None
    form.title = "제안"
    form.append(["항목", "필드", "값"])
    form.append(["제안서 id", "id", "2027-wanju"])
    form.append(["지역", "region", "완주군"])
    form.append(["제출일", "submitted", "2027. 3. 31."])
    form.append(["담당자", "contact.name", "홍길동"])
    demands = book.create_sheet("수요")
    demands.append(["수요 id", "제목", "설명", "주제", "요청 예산", "지역 부담", "추진 방식"])
    demands.append(
        ["id", "title", "description", "themes", "budget_request", "local_match", "modes"]
    )
    demands.append(
        [
            "public-meals",
            "공공급식 식재료 공급 확대",
            "관내 친환경 농산물을 서울 자치구 어린이집 급식에 공급하고 싶습니다.",
            "공공급식, 농특산물 판매",
            "3억 5천만 원",
            "30%",
            "조달",
        ]
    )
    partners = book.create_sheet("협력")
    partners.append(["수요 id", "이름", "종류"])
    partners.append(["demand", "name", "kind"])
    partners.append(["public-meals", "완주로컬푸드협동조합", "협동조합"])
    if edit is not None:
        edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rezip(
    data: bytes,
    add: dict[str, bytes] | None = None,
    replace: dict[str, bytes] | None = None,
    stored: bool = False,
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = (replace or {}).get(item.filename, source.read(item.filename))
            target.writestr(item.filename, body, compress_type=method)
        for name, body in (add or {}).items():
            target.writestr(name, body, compress_type=method)
    return out.getvalue()


def demands_part(data: bytes) -> str:
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    return sorted(n for n in names if n.startswith("xl/worksheets/sheet"))[1]


def sheet_xml(rows: list[list[str]]) -> bytes:
    """A sheet's XML written by hand: what a hostile tool could write, unlike openpyxl
    (which cuts text at Excel's 32,767 characters)."""
    body = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{text}</t></is></c>'
            for c, text in enumerate(cells)
        )
        + "</row>"
        for r, cells in enumerate(rows, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode()


def many_rows(count: int) -> bytes:
    return sheet_xml([[f"d{r}"] for r in range(count)])


def one_mb_cell() -> bytes:
    # Varied syllables (seeded), so the text does not compress like a zip bomb.
    chooser = random.Random(16)
    text = "".join(chr(chooser.randrange(0xAC00, 0xD7A4)) for _ in range(350_000))
    rows = [["수요 id", "제목", "설명"], ["id", "title", "description"], ["d", "t", text]]
    return rezip(book(), replace={demands_part(book()): sheet_xml(rows)})
