"""Turn a file's bytes into text, or say exactly where and why they are not text.

YAML parsers report problems in their own terms (libyaml in byte offsets, and it reads
U+2028 as a line break that no editor shows), so every check on the raw characters is
done here first, with line and column counted the way an editor counts them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from matchmaker.diagnostics import Diagnostic

UTF8_BOM = codecs.BOM_UTF8

# Characters that have no business in a hand-written YAML file. Tab, LF and CR are
# the only C0 controls allowed; DEL and the C1 range follow; U+FEFF inside the text is
# a stray byte-order mark; U+FFFE/U+FFFF are non-characters.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufeff\ufffe\uffff"
_LINE_BREAKS = "\x85\u2028\u2029"
# Bidirectional embedding, override and isolate controls ("Trojan Source").
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_SUSPICIOUS = re.compile(f"[{_CONTROL}{_LINE_BREAKS}{_BIDI}]")
_BREAK_SET = frozenset(_LINE_BREAKS)
_BIDI_RE = re.compile(f"[{_BIDI}]")

MAX_CHARACTER_FINDINGS = 20


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str | None
    diagnostics: tuple[Diagnostic, ...]


def position_of(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index, counting CRLF, CR and LF as breaks."""
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    line = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
    # An index right after a CR of a CRLF pair sits on the same line as the LF.
    return line + 1, index - line_start + 1


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of a byte offset in possibly invalid UTF-8."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    return position_of(prefix, len(prefix))


def _detect_wide_encoding(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = data[:64]
    # Without a BOM, UTF-16 text written by Windows tools has a NUL in every other byte.
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        return "UTF-16"
    return None


def _describe(char: str) -> str:
    return f"U+{ord(char):04X}"


def suspicious(text: str) -> tuple[str, str, str] | None:
    """The first character a person cannot see or that changes how text displays, as
    (code, hint, U+XXXX), or None. The same rules apply to a file's raw characters and to
    a quoted value after its escapes are read (`"\\e"`, `"\\u202e"`, `"\\u2028"`)."""
    match = _SUSPICIOUS.search(text)
    if match is None:
        return None
    char = match.group()
    if char in _BREAK_SET:
        return "unusual-line-break", "use-newline", _describe(char)
    if _BIDI_RE.match(char):
        return "bidi-control", "delete-character", _describe(char)
    return "control-character", "delete-character", _describe(char)


def decode(data: bytes, file: str) -> DecodedText:
    """Decode UTF-8 (a leading BOM is accepted) and refuse invisible trouble."""
    wide = _detect_wide_encoding(data)
    if wide is not None:
        return DecodedText(
            None, (Diagnostic(file, 1, 1, "not-utf8", {"encoding": wide}, hint="save-as-utf8"),)
        )
    body = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(body, error.start)
        byte = f"0x{body[error.start]:02X}"
        return DecodedText(
            None,
            (Diagnostic(file, line, column, "invalid-utf8", {"byte": byte}, hint="save-as-utf8"),),
        )
    findings: list[Diagnostic] = []
    for match in _SUSPICIOUS.finditer(text):
        if len(findings) >= MAX_CHARACTER_FINDINGS:
            break
        line, column = position_of(text, match.start())
        found = suspicious(match.group())
        assert found is not None
        code, hint, char = found
        findings.append(Diagnostic(file, line, column, code, {"char": char}, hint=hint))
    if findings:
        return DecodedText(None, tuple(findings))
    return DecodedText(text, ())
