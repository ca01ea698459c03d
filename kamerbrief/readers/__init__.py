"""Readers: turn a file into a `Document` (the letter's lines with their roles), whatever format it came in.

The format is found from the file's first bytes as well as its extension, so a `.txt` that is
really a PDF is read as a PDF; `fmt` forces a reader. Every reader returns the same `Document`.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import stat
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..limits import DEFAULT, MAX_INPUT_BYTES, LimitError, Limits
from ..model import Document, FormatError, InputError


class Reader(NamedTuple):
    """One format kamerbrief reads: the one place a format is named.

    `recognise` tells the format from the file's first bytes (None: only its name or --from say it);
    `reader` is "module:function" under kamerbrief.readers, imported only when a file needs it;
    `markup` is whether the text it gives is markdown (written so, or converted by pandoc);
    `binary` is whether the bytes are a container that a text reader must never take.
    """

    name: str
    suffixes: tuple[str, ...]
    recognise: Callable[[bytes], bool] | None
    reader: str
    markup: bool
    binary: bool = False


def _zip_with(mimetype: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(b"PK\x03\x04") and b"mimetype" + mimetype in head


def _is_pdf(head: bytes) -> bool:
    return head.startswith(b"%PDF") or b"%PDF-" in head[:1024]


def _is_html(head: bytes) -> bool:
    low = head.lstrip()[:200].lower()
    return low.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower()


# Order matters where content is recognised: the first reader whose `recognise` says yes reads the file
# (ODT and EPUB before DOCX, which takes any other zip). Markdown is told from text by its content too
# (`looks_like_markdown`), after every container and markup format has said no.
READERS: tuple[Reader, ...] = (
    Reader("markdown", (".md", ".markdown"), None, "text:read_text", markup=True),
    Reader("text", (".txt", ".text"), None, "text:read_text", markup=False),
    Reader("pdf", (".pdf",), _is_pdf, "pdf:read_pdf", markup=False, binary=True),
    Reader("odt", (".odt",), _zip_with(b"application/vnd.oasis.opendocument.text"), "pandoc:read_pandoc",
           markup=True, binary=True),
    Reader("epub", (".epub",), _zip_with(b"application/epub+zip"), "pandoc:read_pandoc", markup=True,
           binary=True),
    Reader("docx", (".docx",), lambda head: head.startswith(b"PK\x03\x04"), "pandoc:read_pandoc", markup=True,
           binary=True),
    Reader("rtf", (".rtf",), lambda head: head.lstrip().startswith(b"{\\rtf"), "pandoc:read_pandoc",
           markup=True),
    Reader("html", (".html", ".htm", ".xhtml"), _is_html, "pandoc:read_pandoc", markup=True),
)
BY_NAME: dict[str, Reader] = {r.name: r for r in READERS}
# The order formats are listed in (help, the schema's enum): as they always were.
FORMATS: tuple[str, ...] = ("markdown", "text", "pdf", "docx", "odt", "rtf", "epub", "html")
assert sorted(FORMATS) == sorted(BY_NAME), "FORMATS must list every reader once"
# extension -> format name (what `batch` picks from a folder)
EXTENSIONS: dict[str, str] = {s: r.name for r in READERS for s in r.suffixes}
# what `--from` accepts: the format names and the file suffixes that stand for them ("md", "txt", ...)
FORMAT_NAMES: dict[str, str] = {**{f: f for f in FORMATS}, **{s[1:]: f for s, f in EXTENSIONS.items()}}
BINARY_FORMATS: tuple[str, ...] = tuple(f for f in FORMATS if BY_NAME[f].binary)
# formats whose text is markdown (readers/markup.py reads it as such)
MARKUP_FORMATS: frozenset[str] = frozenset(f for f in FORMATS if BY_NAME[f].markup)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office: Word .doc, Excel .xls, ...


def format_name(name: str) -> str:
    """The format a `--from` value names: a format name or a suffix ("md", "txt"); InputError if neither."""
    got = FORMAT_NAMES.get(name.lower().lstrip("."))
    if got is None:
        raise InputError(f"unknown format {name!r} (known: {', '.join(FORMAT_NAMES)})")
    return got


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if not sample.strip() or b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= max(8, len(sample) // 50)


def _not_a(fmt: str, data: bytes, path: Path, how: str) -> FormatError:
    """The error for bytes that are not the binary format the name or --from promised, saying what they are."""
    if data.startswith(OLE_MAGIC):
        return _legacy_office(path)
    if _looks_like_text(data):
        return FormatError(f"not a valid {fmt.upper()} file: the content looks like plain text "
                           f"({how}); read it as text with --from text", str(path))
    return FormatError(f"not a valid {fmt.upper()} file (the content does not match)", str(path))


def _legacy_office(path: Path) -> FormatError:
    kind = {".xls": "Excel .xls", ".ppt": "PowerPoint .ppt"}.get(path.suffix.lower(), "Word .doc")
    return FormatError(f"a legacy {kind} file (OLE2), which kamerbrief does not read; convert it first, "
                       "e.g. `soffice --headless --convert-to docx FILE`, and parse the .docx", str(path))


def sniff(data: bytes, suffix: str) -> str | None:
    """The format the bytes say they are in, or None when they do not say."""
    head = data[:2048]
    for r in READERS:
        if r.recognise is not None and r.recognise(head):
            if r.name == "docx" and EXTENSIONS.get(suffix) in BINARY_FORMATS and EXTENSIONS[suffix] != "pdf":
                return EXTENSIONS[suffix]  # a zip without a telling mimetype: its name says which
            return r.name
    return None


def detect(path: Path, data: bytes) -> str:
    """Format of a file: its content first, then its extension, then text."""
    suffix = path.suffix.lower()
    if data.startswith(OLE_MAGIC):
        raise _legacy_office(path)
    by_content = sniff(data, suffix)
    if by_content:
        return by_content
    if suffix in EXTENSIONS and EXTENSIONS[suffix] not in BINARY_FORMATS:
        return EXTENSIONS[suffix]
    if suffix in EXTENSIONS:
        # The extension promises a binary container the bytes do not hold.
        raise _not_a(suffix[1:], data, path, f"the name says {suffix[1:].upper()}")
    return "markdown" if looks_like_markdown(data) else "text"


MD_HEADING = re.compile(rb"^#{1,6}[ \t]+\S", re.MULTILINE)
MD_BOLD = re.compile(rb"(?:\*\*|__)\S[^\n]*?(?:\*\*|__)")
# a bold span that opens a line ("**Vraag 1**", "**Datum** 3 maart", "- **Aanbeveling 2** ..."): a letter's
# labels and run-in headings as markdown writes them; a footnote mark ("*", "**)") never closes like this
MD_LINE_BOLD = re.compile(rb"^[ \t]{0,3}(?:[-+][ \t]+|\d{1,3}[.)][ \t]+)?(\*\*|__)(?=[^\s*_])[^\n]*?(?<=[^\s*_])\1",
                          re.MULTILINE)
MD_LIST = re.compile(rb"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
# a pipe table: a delimiter row ("|---|:--:|", "--- | ---") under a row that holds a "|"
MD_TABLE_RULE = re.compile(rb"^[^\n|]*+\|[^\n]*+\n[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE)
# a grid table (pandoc): a border "+----+----+" (or "+====+") with a row "| ... |" under it
MD_GRID = re.compile(rb"^[ \t]{0,3}\+(?:[-=:]{3,}\+)+[ \t]*\r?\n[ \t]{0,3}\|", re.MULTILINE)
MD_LINK = re.compile(rb"\[[^\]\n]+\]\([^)\s]+\)")


def looks_like_markdown(data: bytes) -> bool:
    """Whether text with no telling name is markdown: headings, bold, pipe or grid tables, links, lists.

    A plain letter has numbered or dashed lists too, so lists alone are not enough; a "# " heading,
    a pipe table's delimiter row, a grid table, two lines that open with a bold span ("**Datum** ...",
    "**Vraag 1**"), two headings, or a heading or two bold spans with one more sign are. A stray "*"
    (a footnote mark in pdftotext's text) is none of these.
    """
    head = data[:65536]
    score = 2 * min(len(MD_HEADING.findall(head)), 2)
    if b"|" in head:
        score += 3 * bool(MD_TABLE_RULE.search(head))
    if b"+" in head:
        score += 3 * bool(MD_GRID.search(head))
    if b"**" in head or b"__" in head:
        bold = len(MD_BOLD.findall(head))
        score += 2 if bold >= 2 else bold
        score += 3 * (len(list(islice(MD_LINE_BOLD.finditer(head), 2))) == 2)
    score += bool(MD_LINK.search(head)) + (len(MD_LIST.findall(head)) >= 2)
    return score >= 3


def size_text(n: int) -> str:
    """A byte count as people read it: "200 MB", "12 KB", "80 bytes"."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= factor:
            return f"{n / factor:.3g} {unit}"
    return f"{n} bytes"


def _too_big(size: int, limit: int, path: Path | str) -> LimitError:
    return LimitError(f"input is larger than the {size_text(limit)} limit for one letter; a letter is far "
                      "smaller", str(path))


def read_bytes(path: Path, limits: Limits = DEFAULT) -> bytes:
    """The file's bytes, or an InputError that says why not.

    The file is looked at (stat) before it is opened: a folder, a FIFO, a device or a socket is refused
    without blocking, and a regular file over the size limit without reading it. The read itself is
    bounded too, for a file that grows while it is read.
    """
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory, not a letter (use 'kamerbrief batch' for folders)", str(path))
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"is a {_kind(st.st_mode)}, not a regular file; save the letter to a file "
                             "first (or pipe it into 'kamerbrief parse -')", str(path))
        if st.st_size > limits.max_input_bytes:
            raise _too_big(st.st_size, limits.max_input_bytes, path)
        with open(path, "rb") as fh:
            return read_bounded(fh, limits.max_input_bytes, path)
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except PermissionError:
        raise InputError("permission denied", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a letter", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None


def read_bounded(stream: BinaryIO, limit: int = MAX_INPUT_BYTES, path: Path | str = "<stdin>") -> bytes:
    """At most `limit` bytes from a stream (a file, a pipe, standard input); LimitError when there is more.

    A stream on a regular file that is larger than the limit is refused by its size, without reading.
    """
    try:
        st = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):  # io.BytesIO and the like have no file descriptor
        st = None
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise _too_big(st.st_size, limit, path)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_big(len(data), limit, path)
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def read(path: str | os.PathLike[str], fmt: str | None = None, limits: Limits = DEFAULT) -> Document:
    """Read one file into a Document. Raises a KamerbriefError subclass when it cannot."""
    p = Path(path)
    return from_bytes(read_bytes(p, limits), p, fmt, limits)


def from_bytes(data: bytes, p: Path, fmt: str | None = None, limits: Limits = DEFAULT) -> Document:
    """A Document from bytes already read (a file, or standard input named "<stdin>").

    `fmt` is a format name or a suffix that stands for one ("md", "txt").
    """
    if len(data) > limits.max_input_bytes:
        raise _too_big(len(data), limits.max_input_bytes, p)
    if not data.strip():
        raise FormatError("file is empty", str(p))
    if fmt is not None:
        name = format_name(fmt)
        found = sniff(data, p.suffix.lower())
        if name in BINARY_FORMATS and found is None:
            raise _not_a(name, data, p, f"--from {fmt} was given")
        if found is not None and "pdf" in (name, found) and found != name:
            raise FormatError(f"not a valid {name.upper()} file: the content is {found.upper()}; leave out --from",
                              str(p))
        if name in ("markdown", "text") and data.startswith(OLE_MAGIC):
            raise _legacy_office(p)
    else:
        name = detect(p, data)
    digest = hashlib.sha256(data).hexdigest()
    module, function = BY_NAME[name].reader.split(":")
    reader = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    if module == "text":
        return reader(p, data, digest, name)  # type: ignore[no-any-return]
    return reader(p, data, digest, name, limits)  # type: ignore[no-any-return]
