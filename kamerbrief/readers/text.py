"""Reader for markdown and plain text: decode the bytes, refuse what is not text, read the lines (`markup`)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document, FormatError, Problem
from . import BY_NAME
from .markup import text_document

# Lines named in one warning about stray bytes; the count says how many more there are.
MAX_LINES_NAMED = 5


def decode(data: bytes, path: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else cp1252; binary data is refused."""
    return decode_with_problems(data, path)[0]


STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it
# control bytes that no text holds (tab, line feed, form feed and carriage return aside)
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _repair_stray_bytes(data: bytes) -> tuple[str, list[int], int] | None:
    """UTF-8 text with each invalid byte read as cp1252, the first lines holding one and how many lines
    do; None when the file is mostly not UTF-8 (more invalid bytes than valid multi-byte characters)."""
    text = data.decode("utf-8", "surrogateescape")
    if text.startswith("\ufeff"):
        text = text[1:]
    valid = STRAY.sub("", text)
    multibyte = len(valid) - len(valid.encode("ascii", "ignore"))
    if len(text) - len(valid) > multibyte:
        return None
    lines: list[int] = []
    count, line, last, seen = 0, 1, 0, 0
    for m in STRAY.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        if line != seen:
            seen = line
            count += 1
            if len(lines) < MAX_LINES_NAMED:
                lines.append(line)

    def cp1252(m: re.Match[str]) -> str:
        return bytes([ord(m.group(0)) - 0xDC00]).decode("cp1252", "replace")

    return STRAY.sub(cp1252, text), lines, count


def decode_with_problems(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """`decode`, with a warning when the bytes were not clean UTF-8: stray bytes in UTF-8 are read
    as cp1252 (the warning names their lines); a file mostly not UTF-8 is read as cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise FormatError("not valid UTF-16 text", path) from None
    sample = data[:8192]
    if b"\x00" in sample:
        raise FormatError("binary file, not text (it holds NUL bytes)", path)
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))  # counted in C
    if controls > max(8, len(sample) // 50):
        raise FormatError("binary file, not text (too many control bytes)", path)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    repaired = _repair_stray_bytes(data)
    if repaired is not None:
        text, lines, count = repaired
        named = ", ".join(str(n) for n in lines)
        more = f" and {count - len(lines)} more" if count > len(lines) else ""
        where = f"line {named}" if count == 1 else f"lines {named}{more}"
        message = f"bytes that are not UTF-8 on {where}; read as cp1252 (Windows-1252)"
        return text, [Problem("encoding", message, lines[0])]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise FormatError("cannot decode the text as UTF-8 or cp1252", path) from None
    return text, [Problem("encoding", "the file is not UTF-8; read as cp1252 (Windows-1252)")]


def read_text(path: Path, data: bytes, digest: str, fmt: str) -> Document:
    text, problems = decode_with_problems(data, str(path))
    if not text.strip():
        raise FormatError("file holds only white space", str(path))
    pages = text.count("\f") + 1 if "\f" in text.rstrip("\f") else None
    return text_document(str(path), fmt, text, digest, markdown=BY_NAME[fmt].markup, pages=pages,
                         problems=tuple(problems))
