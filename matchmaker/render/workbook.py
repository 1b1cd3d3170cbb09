"""A workbook's bytes: the same content gives the same bytes, and no text cell can run.

Shared by every workbook matchmaker writes (the planner's report, the proposal template
and `convert`); importing it costs only openpyxl's writer.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.constants import ARC_CORE

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
_TIMESTAMPS = re.compile(r"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


class _FixedDateZip(zipfile.ZipFile):
    """A zip whose entries all carry one date, and whose document properties carry no
    creation or modification time (both optional in the format), so the same workbook
    gives the same bytes. The workbook describes its inputs, not the moment it was made."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if zinfo_or_arcname == ARC_CORE:
            text = data.decode("utf-8") if isinstance(data, bytes) else data
            data = _TIMESTAMPS.sub("", text).encode("utf-8")
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_DATE)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        with open(filename, "rb") as handle:
            self.writestr(str(arcname or filename), handle.read())


def _text_never_executes(book: Workbook) -> None:
    """Store every cell openpyxl took for a formula as the text it is.

    The workbook holds no formula of ours; a cell read as one came from a demand title, a
    file name or a project name that starts with `=` (`=HYPERLINK(…)`, `=cmd|…`), and
    must show exactly as written, never run (OWASP, CSV injection)."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as bytes that depend only on its content: every text cell stored as
    text, no timestamps."""
    _text_never_executes(book)
    book.properties.creator = "matchmaker"
    buffer = io.BytesIO()
    with _FixedDateZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return buffer.getvalue()
