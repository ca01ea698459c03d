"""Reader for DOCX, ODT, RTF, HTML, EPUB and the rest of what pandoc reads.

Pandoc (from the `pypandoc-binary` wheel, so no system package is needed) turns the body into
markdown. Ministry DOCX keep Datum, Betreft and the address block in Word header parts, which pandoc
drops: those are read from `word/header*.xml` with the standard library and put in front of the body,
as letterhead lines. Word footnotes and endnotes become footnote lines with their numbers. Document
properties (`docProps/custom.xml`: onskenmerk, datum, onderwerp ...) are kept apart in
`Document.properties`; the parser uses them only where the printed letter leaves a field empty.

Hostile files are bounded before pandoc sees them: a container's members are checked against the
unpacked-size limits from the zip directory, parts are read through a bounded reader, XML with a DTD
is not parsed, and HTML nested deeper than MAX_NESTING is refused. Pandoc itself runs with `--sandbox`
(no network, no files besides its input), a heap cap (`+RTS -M`) and the letter's time budget.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree as ET

from ..limits import DEFAULT, LimitError, Limits
from ..model import Document, FormatError, MissingToolError
from . import BY_NAME, READERS
from .markup import text_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
# pandoc's reader for each format this module reads (the registry's names are pandoc's names)
PANDOC_FROM = {r.name: r.name for r in READERS if r.reader == "pandoc:read_pandoc"}
FILTER = Path(__file__).with_name("flatten.lua")
MAX_XML = 20 * 1024 * 1024  # a header part larger than this is no letterhead
PANDOC_MAX_HEAP_MB = 1024  # pandoc's heap (+RTS -M); a letter needs well under 100 MB
MAX_NESTING = 1000  # HTML elements inside each other; pandoc's time and memory grow fast with depth
ZIP_FORMATS = tuple(f for f in PANDOC_FROM if BY_NAME[f].binary)  # docx, odt, epub
# HTML elements that hold no content or that a browser closes by itself: they add no nesting
_NO_NESTING = frozenset(b"""area base br col colgroup dd dt embed hr img input li link meta option p param
    source tbody td tfoot th thead tr track wbr""".split())
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
LIST_ITEM = re.compile(r"^(\s*(?:\d{1,3}[.)]|[-*+])\s+)(.*)$")
EMPTY_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*+])\s*$", re.MULTILINE)


def pandoc_path() -> str:
    try:
        import pypandoc
    except ImportError:  # pragma: no cover - a dependency of the package
        raise MissingToolError("reading this format needs pandoc: pip install pypandoc-binary") from None
    try:
        return str(pypandoc.get_pandoc_path())
    except OSError:  # pragma: no cover - pypandoc without its binary
        raise MissingToolError("pandoc is not installed: pip install pypandoc-binary") from None


def to_markdown(data: bytes, fmt: str, path: Path, timeout: float | None = None,
                heap_mb: int = PANDOC_MAX_HEAP_MB) -> str:
    """The document as markdown, one paragraph a line, through a sandboxed pandoc subprocess."""
    exe = pandoc_path()
    try:
        proc = subprocess.run(
            [exe, "-f", PANDOC_FROM.get(fmt, fmt), "-t",
             "markdown-smart-raw_html-native_divs-native_spans-fenced_divs-bracketed_spans-header_attributes"
             "-link_attributes-raw_attribute",
             "--wrap=none", "--sandbox", f"--lua-filter={FILTER}", "+RTS", f"-M{heap_mb}m", "-RTS"],
            input=data, capture_output=True, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired:
        raise LimitError(f"took longer than the time budget of {timeout:g} s (set it with --timeout)",
                         str(path)) from None
    except OSError as exc:
        raise MissingToolError(f"cannot run pandoc: {exc}", str(path)) from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace")
        if "Heap exhausted" in err:
            raise LimitError(f"reading it needs more than the {heap_mb} MB pandoc may use", str(path))
        lines = err.strip().splitlines()
        raise FormatError(f"not a readable {fmt.upper()} file ({lines[-1] if lines else 'pandoc failed'})",
                          str(path))
    return proc.stdout.decode("utf-8", "replace")


def check_container(data: bytes, fmt: str, path: Path, limits: Limits) -> None:
    """Refuse a DOCX/ODT/EPUB whose members unpack (by the zip directory) to more than the limits allow."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise FormatError(f"not a valid {fmt.upper()} file (not a zip archive)", str(path)) from None
    total = 0
    for info in infos:
        if info.file_size > limits.max_member_bytes:
            raise LimitError(f"{info.filename} in the {fmt.upper()} file unpacks to {_mb(info.file_size)}, "
                             f"over the limit of {_mb(limits.max_member_bytes)} for one part", str(path))
        total += info.file_size
    if total > limits.max_total_unpacked:
        raise LimitError(f"the {fmt.upper()} file unpacks to {_mb(total)}, over the limit of "
                         f"{_mb(limits.max_total_unpacked)}", str(path))


def check_nesting(data: bytes, path: Path, limit: int = MAX_NESTING) -> None:
    """Refuse HTML whose elements nest deeper than `limit` (one linear scan of the tags)."""
    depth = 0
    for m in _TAG.finditer(data):
        name = m.group(2).lower()
        if name in _NO_NESTING or m.group(3):
            continue
        depth = depth - 1 if m.group(1) else depth + 1
        if depth > limit:
            raise LimitError(f"HTML elements are nested more than {limit} deep; no letter is", str(path))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.3g} MB"


def read_pandoc(path: Path, data: bytes, digest: str, fmt: str, limits: Limits = DEFAULT) -> Document:
    header = ""
    props: dict[str, str] = {}
    notes: tuple[tuple[str, str], ...] = ()
    if fmt in ZIP_FORMATS:
        check_container(data, fmt, path, limits)
    if fmt == "html":
        check_nesting(data, path)
    if fmt == "docx":
        header, props, notes = docx_parts(data, path, limits)
    body = to_markdown(data, fmt, path, limits.timeout)
    if fmt == "docx" and EMPTY_ITEM.search(body):
        body = fill_empty_items(body, data)
    if not body.strip() and not header.strip():
        raise FormatError(f"the {fmt.upper()} file holds no text", str(path))
    text = f"{header}\n\n{body}" if header else body
    return text_document(str(path), fmt, text, digest, markdown=True, properties=props, header=header, notes=notes)


def docx_parts(data: bytes, path: Path, limits: Limits = DEFAULT
               ) -> tuple[str, dict[str, str], tuple[tuple[str, str], ...]]:
    """(letterhead text from the header parts, custom document properties, footnotes and endnotes) of a DOCX."""
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise FormatError("not a valid DOCX file (not a zip archive)", str(path)) from None
    try:
        with zf:
            names = zf.namelist()
            if "word/document.xml" not in names:
                raise FormatError("not a valid DOCX file (a zip archive without word/document.xml)", str(path))
            headers = sorted(n for n in names if re.fullmatch(r"word/header\d+\.xml", n))
            limit = min(MAX_XML, limits.max_member_bytes)
            texts = [_part_text(zf, n, limit) for n in headers]
            props = _custom_properties(zf, limit) if "docProps/custom.xml" in names else {}
            notes = word_notes(zf, names)
    except RecursionError:
        raise FormatError("a DOCX header part is nested too deeply to read", str(path)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError) as exc:
        raise FormatError(f"damaged DOCX file ({exc})", str(path)) from None
    # the first-page header carries the letterhead (address block); other headers repeat the colophon
    best = max(texts, key=_letterhead_score, default="")
    return (best if _letterhead_score(best) >= 2 else ""), props, notes


def _letterhead_score(text: str) -> int:
    if "Retouradres" not in text and "Voorzitter" not in text and "voorzitter" not in text:
        return 0
    return sum(1 for label in ("Retouradres", "Datum", "Betreft", "kenmerk", "oorzitter") if label in text)


def _member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """A member's bytes, read through a bounded reader (the zip directory's sizes may lie); None if larger."""
    if zf.getinfo(name).file_size > limit:
        return None
    with zf.open(name) as fh:
        data = fh.read(limit + 1)
    return None if len(data) > limit else data


def _xml(zf: zipfile.ZipFile, name: str, limit: int = 5 * MAX_XML) -> ET.Element | None:
    """A part's XML tree; None when it is too large, malformed, or declares a DTD (entities can explode).

    Office parts never carry a DTD, so one is a sign of a crafted file, not a letter.
    """
    data = _member(zf, name, limit)
    if data is None or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return None
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        return None


def _part_text(zf: zipfile.ZipFile, name: str, limit: int = MAX_XML) -> str:
    root = _xml(zf, name, limit)
    if root is None:
        return ""
    paragraphs: list[str] = []
    _collect(root, paragraphs)
    # text boxes repeat in DrawingML and VML; keep the first of each paragraph run
    out: list[str] = []
    for p in paragraphs:
        if p or (out and out[-1]):
            out.append(p)
    return "\n".join(out).strip()


def _collect(el: ET.Element, out: list[str]) -> None:
    """Paragraph texts in document order; text boxes as paragraphs of their own; VML fallbacks skipped."""
    for child in el:
        if child.tag == MC_FALLBACK:
            continue
        if child.tag == f"{W}p":
            parts: list[str] = []
            boxes: list[str] = []
            _paragraph(child, parts, boxes)
            text = "\n".join(" ".join(seg.split()) for seg in "".join(parts).split("\n"))
            out.append(text.strip("\n"))
            if boxes:
                out.append("")
                out.extend(boxes)
                out.append("")
        else:
            _collect(child, out)


def _paragraph(el: ET.Element, parts: list[str], boxes: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == MC_FALLBACK:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}tab",):
            parts.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}txbxContent":
            _collect(child, boxes)
            boxes.append("")
        elif tag == f"{W}instrText":
            continue
        else:
            _paragraph(child, parts, boxes)


def _custom_properties(zf: zipfile.ZipFile, limit: int = MAX_XML) -> dict[str, str]:
    """Custom document properties: `<property name=...><vt:lpwstr>value</vt:lpwstr></property>`.

    Only properties directly under the root and the text of their value elements are read, so the
    work is linear in the part's size whatever nesting a crafted part holds.
    """
    root = _xml(zf, "docProps/custom.xml", limit)
    if root is None:
        return {}
    props: dict[str, str] = {}
    for prop in root.findall(f"{CUSTOM_NS}property"):
        name = (prop.get("name") or "").strip().lower()
        value = " ".join(" ".join(child.text or "" for child in prop).split())
        if name and value:
            props[name] = value
    return props


def word_notes(zf: zipfile.ZipFile, names: list[str]) -> tuple[tuple[str, str], ...]:
    """Footnotes, then endnotes, as (number as Word prints it, text), in the order the body cites them.

    Pandoc numbers footnotes and endnotes in one series; Word numbers each on its own (1, 2, ... for
    footnotes; endnotes in their own series), and a reference with a custom mark prints that mark.
    """
    texts: dict[str, dict[str, str]] = {}
    for kind in ("footnote", "endnote"):
        part = f"word/{kind}s.xml"
        texts[kind] = {}
        root = _xml(zf, part) if part in names else None
        for note in root.iter(f"{W}{kind}") if root is not None else ():
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = [" ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split()) for p in note.iter(f"{W}p")]
            texts[kind][note.get(f"{W}id") or ""] = " ".join(p for p in paras if p)
    if not any(texts.values()):
        return ()
    doc = _xml(zf, "word/document.xml")
    if doc is None:
        return ()
    formats = _note_formats(zf, names)
    found: dict[str, list[tuple[str, str]]] = {"footnote": [], "endnote": []}
    for run in doc.iter(f"{W}r"):
        for kind in ("footnote", "endnote"):
            ref = run.find(f"{W}{kind}Reference")
            if ref is None or (ref.get(f"{W}id") or "") not in texts[kind]:
                continue
            custom = ref.get(f"{W}customMarkFollows") in ("1", "true", "on")
            mark = "".join(t.text or "" for t in run.iter(f"{W}t")).strip() if custom else ""
            number = mark or _note_number(sum(1 for _ in found[kind]) + 1, formats[kind])
            found[kind].append((number, texts[kind][ref.get(f"{W}id") or ""]))
    return tuple(n for n in [*found["footnote"], *found["endnote"]] if n[1])


def _note_formats(zf: zipfile.ZipFile, names: list[str]) -> dict[str, str]:
    """How Word numbers footnotes and endnotes (settings.xml), by default "decimal" and "lowerRoman"."""
    formats = {"footnote": "decimal", "endnote": "lowerRoman"}
    settings = _xml(zf, "word/settings.xml") if "word/settings.xml" in names else None
    for kind in formats:
        fmt = settings.find(f"{W}{kind}Pr/{W}numFmt") if settings is not None else None
        if fmt is not None and fmt.get(f"{W}val"):
            formats[kind] = fmt.get(f"{W}val") or formats[kind]
    return formats


def _note_number(n: int, fmt: str) -> str:
    """n as Word prints it in a note series: 3, iii, III, c, C."""
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                              (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            count, n = divmod(n, value)
            roman += digits * count
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("lowerLetter", "upperLetter") and n <= 26:
        letter = "abcdefghijklmnopqrstuvwxyz"[n - 1]
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


def fill_empty_items(markdown: str, data: bytes) -> str:
    """List items pandoc gave without their text, filled from document.xml.

    Pandoc sometimes drops the text of Word's numbered paragraphs (a note list typed as "1) ..." at
    the end comes out as "1)" alone). When the markdown holds as many list items as the document has
    numbered paragraphs, the n-th item is the n-th paragraph, and an empty item gets that text.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            doc = _xml(zf, "word/document.xml")
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, RuntimeError, NotImplementedError):
        return markdown
    if doc is None:
        return markdown
    numbered: list[str] = []
    for p in doc.iter(f"{W}p"):
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        if num is not None and num.get(f"{W}val") not in (None, "0"):
            numbered.append(" ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split()))
    lines = markdown.split("\n")
    items = [i for i, line in enumerate(lines) if LIST_ITEM.match(line) or EMPTY_ITEM.fullmatch(line)]
    if len(items) != len(numbered):
        return markdown
    for i, text in zip(items, numbered, strict=True):
        if EMPTY_ITEM.fullmatch(lines[i]) and text:
            lines[i] = f"{lines[i].rstrip()} {text}"
    return "\n".join(lines)
