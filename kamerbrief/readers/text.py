"""Reader for markdown and plain text: decode the bytes, refuse what is not text."""

from __future__ import annotations

from pathlib import Path

from ..model import FormatError, Source

ENCODINGS = ("utf-8-sig", "cp1252")


def decode(data: bytes, path: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else cp1252; binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FormatError("not valid UTF-16 text", path) from None
    sample = data[:8192]
    if b"\x00" in sample:
        raise FormatError("binary file, not text (it holds NUL bytes)", path)
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(8, len(sample) // 50):
        raise FormatError("binary file, not text (too many control bytes)", path)
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text
    raise FormatError("cannot decode the text as UTF-8 or cp1252", path)


def read_text(path: Path, data: bytes, digest: str, fmt: str) -> Source:
    text = decode(data, str(path))
    if not text.strip():
        raise FormatError("file holds only white space", str(path))
    pages = text.count("\f") + 1 if "\f" in text.rstrip("\f") else None
    return Source(path=str(path), format=fmt, text=text, sha256=digest, pages=pages)
