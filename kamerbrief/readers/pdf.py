"""PDF reader: the page as a reader sees it, from every character's box (pypdfium2).

Ministry originals put the colophon in a right-hand column, repeat it on every page, print
"Pagina 2 van 7" and put footnotes in smaller type at the page foot. From character positions:
  - the right-hand column of page 1 becomes the letterhead block; on later pages it is a running
    header and is left out;
  - a line that runs into the column ("... geven nadere DGBI / 26844711") is cut at the column edge;
  - smaller type below the body becomes footnotes ("Noten" at the end of the text);
  - a larger vertical gap is a paragraph break; pages are separated by a form feed;
  - spaces that PDF text extraction invents inside words ("Inf rastructuur", "I E NW/BSK", "2 5 15 XP")
    are dropped where the gap is tiny or splits a lone capital or digit off its word.
The result is plain text in the layout the text rules read, so every reader feeds one pipeline.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..limits import DEFAULT, LimitError, Limits
from ..model import FormatError, MissingToolError, Source

COLUMN_FROM = 0.70  # lines starting right of this share of the page width are the colophon column
COLUMN_GAP = 0.5  # a line is cut at the column edge only across a gap wider than a word space
TINY_GAP = 0.22  # a generated space narrower than this share of the font height joins its neighbours
FRAGMENT_GAP = 0.5  # ... and below this share when it splits off a lone capital or digit
PARAGRAPH_GAP = 1.45  # a baseline step this many times the usual one starts a new paragraph
MARGIN_ZONE = 0.1  # the top and bottom tenth of a page hold running headers and footers
FOOTNOTE_SIZE = 0.88  # lines at the page foot in type this much smaller than the body are footnotes


# pdfium marks a line-end hyphen as U+FFFE and may give U+0002; both are a hyphen on the page.
PDF_CHARS = str.maketrans({"\ufffe": "-", "\x02": "-"})


@dataclass
class PdfLine:
    text: str
    x0: float
    x1: float
    top: float  # y of the line's top, PDF coordinates (origin bottom left)
    bottom: float
    size: float  # loose glyph height: a stand-in for the font size
    bold: bool = False
    column: bool = False


@dataclass
class PdfPage:
    width: float
    height: float
    lines: list[PdfLine] = field(default_factory=list)


def read_pdf(path: Path, data: bytes, digest: str, fmt: str, limits: Limits = DEFAULT) -> Source:
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:  # pragma: no cover - a dependency of the package
        raise MissingToolError("reading PDF needs pypdfium2 (pip install pypdfium2)", str(path)) from None
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise FormatError("PDF is encrypted (password protected); decrypt it first, e.g. "
                              "`qpdf --decrypt in.pdf out.pdf`", str(path)) from None
        raise FormatError(f"damaged PDF, cannot open it ({exc})", str(path)) from None
    try:
        if len(doc) > limits.max_pdf_pages:  # counted from the page tree, before any page is loaded
            raise LimitError(f"PDF has {len(doc)} pages, over the limit of {limits.max_pdf_pages}", str(path))
        pages = [_read_page(doc[k], pdfium_c, limits.max_pdf_chars_per_page, path) for k in range(len(doc))]
    except pdfium.PdfiumError as exc:
        raise FormatError(f"damaged PDF, cannot read its pages ({exc})", str(path)) from None
    finally:
        doc.close()
    chars = sum(len(ln.text) for p in pages for ln in p.lines)
    if not pages:
        raise FormatError("PDF has no pages", str(path))
    if chars < 20 * len(pages):
        raise FormatError("PDF has no text layer (a scan?); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, "
                          "and parse the result", str(path))
    return Source(path=str(path), format="pdf", text=assemble(pages), sha256=digest, pages=len(pages))


def _read_page(page: Any, pdfium_c: Any, max_chars: int, path: Path) -> PdfPage:
    width, height = page.get_size()
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        if n > max_chars:  # before a string and a box per character are made
            raise LimitError(f"a PDF page holds {n} characters, over the limit of {max_chars}", str(path))
        text = tp.get_text_range(0, n) if n else ""
        if len(text) != n:  # surrogate pairs: fall back to one call per character
            text = "".join(tp.get_text_range(i, 1) or " " for i in range(n))
        text = text.translate(PDF_CHARS)
        boxes = [tp.get_charbox(i) for i in range(n)]
        raw_lines = _split_lines(text, boxes)
        edge = _column_edge(raw_lines, boxes, width)
        lines = []
        for idxs in raw_lines:
            lines += _make_lines(idxs, text, boxes, tp, pdfium_c, edge)
    finally:
        tp.close()
        page.close()
    for ln in lines:
        ln.column = ln.x0 >= edge - 1
    return PdfPage(width, height, lines)


def _column_edge(raw_lines: list[list[int]], boxes: list[tuple[float, float, float, float]], width: float) -> float:
    """Where the colophon column starts: a left edge right of COLUMN_FROM that two or more lines share."""
    starts = sorted(round(boxes[idxs[0]][0]) for idxs in raw_lines if idxs and boxes[idxs[0]][0] >= COLUMN_FROM * width)
    shared = [x for k, x in enumerate(starts) if any(abs(x - y) <= 2 for y in starts[k + 1:])]
    return float(min(shared)) - 1 if shared else width


def _split_lines(text: str, boxes: list[tuple[float, float, float, float]]) -> list[list[int]]:
    """Character indices per visual line: pdfium's line ends, and jumps back or down.

    pdfium also ends a line after a superscript footnote marker; a "line" that goes on at the same
    height right where the last one stopped is joined to it again.
    """
    lines: list[list[int]] = []
    cur: list[int] = []
    ended = False
    for i, ch in enumerate(text):
        if ch in "\r\n":
            ended = ended or bool(cur)
            continue
        if cur and ch != " ":
            prev = next((j for j in reversed(cur) if text[j] != " "), None)
            if prev is not None:
                p, b = boxes[prev], boxes[i]
                h = max(p[3] - p[1], b[3] - b[1], 1.0)
                # baselines compare between letters and digits only: quotes and periods sit high or low
                base = next((j for j in reversed(cur) if text[j].isalnum()), None) if ch.isalnum() else None
                drop = abs(b[1] - boxes[base][1]) if base is not None else 0.0
                hb = max(boxes[base][3] - boxes[base][1], b[3] - b[1], 1.0) if base is not None else h
                goes_on = p[2] - 1 <= b[0] <= p[2] + 2 * h and drop < 0.8 * hb
                if (ended and not goes_on) or b[0] < p[0] - h or drop > 1.5 * hb:
                    lines.append(cur)
                    cur = []
        elif cur and ch == " " and ended:
            continue
        ended = False
        cur.append(i)
    if cur:
        lines.append(cur)
    return lines


def _make_lines(idxs: list[int], text: str, boxes: list[tuple[float, float, float, float]], tp: Any,
                pdfium_c: Any, column_x: float) -> list[PdfLine]:
    """One visual line as PdfLines (two when it runs into the right-hand column)."""
    letters = [i for i in idxs if not text[i].isspace()]
    if not letters:
        return []
    first = letters[0]
    loose = tp.get_charbox(first, loose=True)
    size = max(loose[3] - loose[1], 1.0)
    try:
        bold = pdfium_c.FPDFText_GetFontWeight(tp.raw, first) >= 600
    except AttributeError:  # pragma: no cover - older pdfium builds
        bold = False
    segments: list[list[int]] = [[]]
    for k, i in enumerate(idxs):
        if text[i] != " " and segments[-1]:
            prev = next((j for j in reversed(segments[-1]) if not text[j].isspace()), None)
            crosses = boxes[prev][2] < column_x - 1 <= boxes[i][0] if prev is not None else False
            if prev is not None and crosses and boxes[i][0] - boxes[prev][2] > COLUMN_GAP * size:
                segments.append([])
        if text[i] == " " and _spurious_space(idxs, k, text, boxes, size):
            continue
        segments[-1].append(i)
    out = []
    for seg in segments:
        chars = [i for i in seg]
        s = "".join(text[i] for i in chars).strip()
        if not s:
            continue
        vis = [i for i in chars if not text[i].isspace()]
        out.append(PdfLine(
            text=" ".join(s.split()),
            x0=min(boxes[i][0] for i in vis), x1=max(boxes[i][2] for i in vis),
            top=max(boxes[i][3] for i in vis), bottom=min(boxes[i][1] for i in vis),
            size=size, bold=bold,
        ))
    return out


def _spurious_space(idxs: list[int], k: int, text: str, boxes: list[tuple[float, float, float, float]],
                    size: float) -> bool:
    """Whether the space at idxs[k] was invented by extraction inside a word or number."""
    i = idxs[k]
    b = boxes[i]
    if b[2] - b[0] > 0.01 or k == 0 or k == len(idxs) - 1:
        return False  # a real space glyph
    a, c = idxs[k - 1], idxs[k + 1]
    left, right = text[a], text[c]
    if left.isspace() or right.isspace():
        return False
    gap = (boxes[c][0] - boxes[a][2]) / size
    if gap < TINY_GAP and left.isalnum() and right.isalnum():
        return True
    lone_left = k < 2 or text[idxs[k - 2]].isspace()
    if gap >= FRAGMENT_GAP or not lone_left:
        return False
    if left.isupper():  # "P agina", "I E NW", "E X": a capital split off its word
        return right.isupper() or right.isdigit() or (right.islower() and left not in "AU")  # "U kunt" stays
    return left.isdigit() and right.isdigit()  # "2 5 15 XP"


def _running(pages: list[PdfPage]) -> set[str]:
    """Header and footer lines that stand on at least half of the pages (page numbers aside)."""
    seen: dict[str, set[int]] = {}
    for k, page in enumerate(pages):
        for ln in page.lines:
            if ln.top > (1 - MARGIN_ZONE) * page.height or ln.bottom < MARGIN_ZONE * page.height:
                seen.setdefault(_shape(ln.text), set()).add(k)
    need = max(2, (len(pages) + 1) // 2)
    return {text for text, on in seen.items() if len(on) >= need}


def _shape(text: str) -> str:
    """A line without its page number: 'Pagina 2 van 8' and 'Pagina 3 van 8' are one running line."""
    t = " ".join(text.split()).casefold()
    t = re.sub(r"^pagina \d+ van \d+$", "pagina", t)
    return re.sub(r"^\d{1,3}\s+|\s+\d{1,3}$", "", t)


def assemble(pages: list[PdfPage]) -> str:
    """The pages as text: page 1's column first, then the body; footnotes gathered at the end.

    Running headers and footers are left out after page 1 (page 1 keeps them: there they are the
    document's own heading, which the text rules read); page furniture never counts as a footnote.
    """
    from ..rules.body import is_page_furniture

    out: list[str] = []
    notes: list[str] = []
    running = _running(pages)
    for k, page in enumerate(pages):
        column = sorted((ln for ln in page.lines if ln.column), key=lambda ln: -ln.top)
        body = sorted((ln for ln in page.lines if not ln.column), key=lambda ln: (-round(ln.top), ln.x0))
        margin = {id(ln) for ln in body if _shape(ln.text) in running and (
            ln.top > (1 - MARGIN_ZONE) * page.height or ln.bottom < MARGIN_ZONE * page.height)}
        if k > 0:
            body = [ln for ln in body if id(ln) not in margin]
        keep = [ln for ln in body if id(ln) in margin or is_page_furniture(ln.text)]  # never footnotes
        kept = {id(ln) for ln in keep}
        core, foot = _split_footnotes([ln for ln in body if id(ln) not in kept])
        body = sorted(core + keep, key=lambda ln: (-round(ln.top), ln.x0))
        notes += [ln.text for ln in foot]
        parts: list[str] = []
        if k == 0 and column:
            parts.append(_flow(column))
        elif column:
            # running header and "Pagina N van M": kept only where it is not the repeated colophon
            parts += [ln.text for ln in column if ln.text.lower().startswith("pagina")]
        if body:
            parts.append(_flow(body))
        out.append("\n\n".join(parts))
    text = "\n\f".join(out)
    if notes:
        text += "\n\nNoten\n" + "\n".join(notes)
    return text + "\n"


def _flow(lines: list[PdfLine]) -> str:
    """Lines top to bottom; a blank line where the vertical gap says a new paragraph starts."""
    steps = [a.bottom - b.bottom for a, b in itertools.pairwise(lines) if 0 < a.bottom - b.bottom < 4 * a.size]
    usual = statistics.median(steps) if steps else 0.0
    out: list[str] = []
    for j, ln in enumerate(lines):
        if j:
            prev = lines[j - 1]
            step = prev.bottom - ln.bottom
            gap = bool(usual) and step > PARAGRAPH_GAP * usual
            bold_edge = ln.bold != prev.bold and len((ln if ln.bold else prev).text) < 100
            if gap or bold_edge:
                out.append("")
        out.append(ln.text)
    return "\n".join(out)


def _split_footnotes(body: list[PdfLine]) -> tuple[list[PdfLine], list[PdfLine]]:
    """Lines in smaller type at the foot of the page, below the body text."""
    if len(body) < 4:
        return body, []
    sizes = sorted(ln.size for ln in body)
    usual = sizes[len(sizes) // 2]
    k = len(body)
    while k > 0 and body[k - 1].size < FOOTNOTE_SIZE * usual:
        k -= 1
    foot = body[k:]
    if not foot or not foot[0].text[:1].isdigit():
        return body, []
    return body[:k], foot
