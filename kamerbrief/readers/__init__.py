"""Readers: turn a file into a `Source` (the letter's text), whatever format it came in.

The format is found from the file's first bytes as well as its extension, so a `.txt` that is
really a PDF is read as a PDF; `fmt` forces a reader. Every reader returns the same `Source`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from ..model import FormatError, InputError, Source

# extension -> format name; the reader for each is imported only when it is needed.
EXTENSIONS: dict[str, str] = {
    ".md": "markdown", ".markdown": "markdown",
    ".txt": "text", ".text": "text",
    ".pdf": "pdf",
    ".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".epub": "epub",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
FORMATS: tuple[str, ...] = ("markdown", "text", "pdf", "docx", "odt", "rtf", "epub", "html")

# Largest file a reader accepts: no letter is this large, and a bigger file is a mistake.
MAX_BYTES = 200 * 1024 * 1024


def sniff(data: bytes, suffix: str) -> str | None:
    """The format the bytes say they are in, or None when they do not say."""
    head = data[:2048]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head:
            return "odt"
        if b"mimetypeapplication/epub+zip" in head:
            return "epub"
        return "docx" if suffix not in (".odt", ".epub") else EXTENSIONS[suffix]
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    low = head.lstrip()[:200].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower():
        return "html"
    return None


def detect(path: Path, data: bytes) -> str:
    """Format of a file: its content first, then its extension, then text."""
    suffix = path.suffix.lower()
    by_content = sniff(data, suffix)
    if by_content:
        return by_content
    if suffix in EXTENSIONS and EXTENSIONS[suffix] not in ("pdf", "docx", "odt", "epub"):
        return EXTENSIONS[suffix]
    if suffix in (".pdf", ".docx", ".odt", ".epub"):
        # The extension promises a binary container the bytes do not hold.
        raise FormatError(f"not a valid {suffix[1:].upper()} file (the content does not match)", str(path))
    return "markdown" if looks_like_markdown(data) else "text"


MD_HEADING = re.compile(rb"^#{1,6}[ \t]+\S", re.MULTILINE)
MD_BOLD = re.compile(rb"(?:\*\*|__)\S[^\n]*?(?:\*\*|__)")
MD_LIST = re.compile(rb"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
MD_TABLE_RULE = re.compile(rb"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE)
MD_LINK = re.compile(rb"\[[^\]\n]+\]\([^)\s]+\)")


def looks_like_markdown(data: bytes) -> bool:
    """Whether text with no telling name is markdown: headings, bold, pipe tables, links, lists.

    A plain letter has numbered or dashed lists too, so lists alone are not enough; a "# " heading,
    a pipe table's rule, two headings, or a heading or two bold spans with one more sign are.
    """
    head = data[:65536]
    score = 2 * min(len(MD_HEADING.findall(head)), 2) + 3 * bool(MD_TABLE_RULE.search(head))
    bold = len(MD_BOLD.findall(head))
    score += 2 if bold >= 2 else bold
    score += bool(MD_LINK.search(head)) + (len(MD_LIST.findall(head)) >= 2)
    return score >= 3


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InputError that says why not."""
    try:
        if path.is_dir():
            raise InputError("is a directory, not a letter (use 'kamerbrief batch' for folders)", str(path))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FormatError(f"file is {size // (1024 * 1024)} MB; a letter is far smaller", str(path))
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except PermissionError:
        raise InputError("permission denied", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a letter", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None


def read(path: str | os.PathLike[str], fmt: str | None = None) -> Source:
    """Read one file into a Source. Raises a KamerbriefError subclass when it cannot."""
    p = Path(path)
    return from_bytes(read_bytes(p), p, fmt)


def from_bytes(data: bytes, p: Path, fmt: str | None = None) -> Source:
    """A Source from bytes already read (a file, or standard input named "<stdin>")."""
    if not data.strip():
        raise FormatError("file is empty", str(p))
    name = fmt or detect(p, data)
    if name not in FORMATS:
        raise InputError(f"unknown format {name!r} (known: {', '.join(FORMATS)})", str(p))
    digest = hashlib.sha256(data).hexdigest()
    return reader_for(name)(p, data, digest, name)


def reader_for(name: str) -> Callable[[Path, bytes, str, str], Source]:
    if name in ("markdown", "text"):
        from .text import read_text

        return read_text
    if name == "pdf":
        from .pdf import read_pdf

        return read_pdf
    from .pandoc import read_pandoc

    return read_pandoc
