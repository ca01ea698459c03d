"""PDF reader: the page as a reader sees it, from every character's box (pypdfium2).

Ministry originals put the colophon in a right-hand column, repeat it on every page, print
"Pagina 2 van 7" and put footnotes in smaller type at the page foot. From character positions:
  - the right-hand column of page 1 becomes the letterhead block; on later pages it is a running
    header and is left out;
  - a line that runs into the column ("... geven nadere DGBI / 26844711") is cut at the column edge;
  - smaller type below the body becomes footnotes, one per number ("Noten" at the end of the text),
    where a note marker in the body carries that number (in a letter without markers: counting from 1);
    a footnote wrapped inside a URL is joined without a space ("raw-" + "materials");
  - superscript note markers (smaller glyphs on a raised baseline after body text: "2022⁵") are
    note references: kept on the line (`PdfLine.refs`), out of its text;
  - smaller type between body lines is a figure (organogram labels, chart text, its caption) and is
    left out; a run of long lines in small type (a text box) stays, as plain text; small type that
    shows it is a figure (short labels side by side in a grid, a caption "Figuur 2. ...") is one
    wherever it stands: at the top of a page, at its foot, over the footnotes;
  - a bullet glyph (U+2022, or a symbol font's private-use U+F0B7) becomes the list marker "•";
  - a heading stands alone: a bold run (a wrapped bold heading or item is one line) and a line in a
    style of its own, or one broken off before the right margin with a full line under it;
  - a run-in heading, a bold phrase opening a paragraph in regular type ("Kosten. De kosten ..."), is a
    line of its own over the paragraph (`markup.run_in_heading` decides, as for markdown);
  - a table is found from the geometry (`_tables`): lines cut at their gutters, pieces that line up in
    columns over consecutive baselines, rows apart by a larger gap; each row is one line with its cells;
  - page 1's "> Retouradres ..." line is letterhead;
  - a larger vertical gap is a paragraph break; pages are separated by a form feed;
  - spaces that PDF text extraction invents inside words ("Inf rastructuur", "I E NW/BSK", "2 5 15 XP",
    "V.L.W .A.") are dropped where the gap is tiny or splits a lone capital or digit off its word.
The result is a `Document`: its text is in the layout the text rules read (numbered by `markup.text_lines`,
so every reader feeds one pipeline), and each line carries what the page said of it: page, bold, italic,
size against the body type, and its role (letterhead, colophon, header, footer, page_number, footnote
with its number, list_item, table_cell with its cells, figure; body else). Figure text stands on no
line of the text (line number 0).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import statistics
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lexicon import PAGE_LINE, RETURN_ADDRESS, SALUTATION, is_page_furniture
from ..limits import DEFAULT, LimitError, Limits
from ..model import Document, FormatError, Line, MissingToolError, Role
from .markup import is_colophon_label, normalise, run_in_heading, text_lines

COLUMN_FROM = 0.70  # lines starting right of this share of the page width are the colophon column
COLUMN_GAP = 0.5  # a line is cut at the column edge only across a gap wider than a word space
TINY_GAP = 0.22  # a generated space narrower than this share of the font height joins its neighbours
FRAGMENT_GAP = 0.5  # ... and below this share when it splits off a lone capital or digit
PARAGRAPH_GAP = 1.45  # a baseline step this many times the usual one starts a new paragraph
MARGIN_ZONE = 0.1  # the top and bottom tenth of a page hold running headers and footers
SMALL_TYPE = 0.95  # type below this share of the body size is small type: footnotes, figures, markers
MARKER_SIZE = 0.8  # a note marker is set this much smaller than the text around it ...
MARKER_RISE = 0.15  # ... on a baseline raised by this share of the text size
RUN_IN_CHARS = 100  # a bold run opening a line is looked for in its first this many letters
GUTTER = 0.8  # a gap between words wider than this share of the type size may separate table cells
MAX_COLUMNS = 8  # a table of more columns is not looked for (each piece is placed against every column)
BOX_WIDTH = 0.6  # small type whose lines fill this share of the text width is a text box, not a figure


# pdfium marks a line-end hyphen as U+FFFE and may give U+0002; both are a hyphen on the page.
PDF_CHARS = str.maketrans({"\ufffe": "-", "\x02": "-"})
# Symbol fonts put their bullets in the private-use area (SymbolMT U+F0B7, Wingdings U+F0A7/U+F06E, ...).
BULLETS = frozenset("\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7") | frozenset(map(chr, range(0xF000, 0xF100)))
BULLET_SIGNS = str.maketrans(dict.fromkeys(BULLETS, "•"))
TERMINAL_END = (".", ",", ";", ":", "!", "?")
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
ITALIC_NAME = re.compile(r"italic|oblique", re.IGNORECASE)
FACES: dict[str, tuple[bool, bool]] = {}  # font name -> (bold, italic) as its name says
DIGIT = re.compile(r"\d+")
SPECIAL = re.compile("[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7\uf000-\uf0ff]")  # the BULLETS
SIGNATURE_CELL = re.compile(r"^(?:De\s+)?(?:Minister|Staatssecretaris)\b|^Hoogachtend", re.IGNORECASE)
URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$")
_FOUR_DOUBLES = struct.Struct("4d")


Piece = tuple[float, float, str]  # a stretch of a line between gutters: left edge, right edge, text


@dataclass
class PdfLine:
    text: str
    x0: float
    x1: float
    top: float  # y of the line's top, PDF coordinates (origin bottom left)
    bottom: float
    size: float  # font size in points (the text matrix applied), of most of the line
    bold: bool = False  # most of the line is bold
    column: bool = False
    italic: bool = False
    refs: tuple[str, ...] = ()  # note references (superscript markers) taken out of the text
    word_x1: float = 0.0  # right edge of the first word: whether it would have fitted on the line above
    role: str = "body"  # body | footnote | figure | box
    furniture: Role | None = None  # header | footer | page_number: running page furniture
    pieces: tuple[Piece, ...] = ()  # the line cut at gaps wider than GUTTER (x0, x1, text); () for none
    base: float = 0.0  # the baseline (PDF coordinates)
    cells: tuple[str, ...] = ()  # a table row found from the geometry (role "table"), its cells in order
    lead: str = ""  # the bold run that opens a line in regular type (a run-in heading, when `run_in_heading` says so)


@dataclass
class Row:
    """One line of the reader's text, with what the page said of it (a blank row separates paragraphs)."""

    text: str
    bold: bool = False
    italic: bool = False
    role: Role = "body"
    size: float = 1.0  # against the body type
    page: int = 1
    note: str | None = None
    in_text: bool = True  # False: kept in the Document but out of the text (figure text)
    cells: tuple[str, ...] = ()  # a table row's cells (its text joins them with " | ")
    refs: tuple[str, ...] = ()  # note references taken out of the text
    row: int = 0  # a table row's place in its table, 1-based


@dataclass
class PdfPage:
    width: float
    height: float
    lines: list[PdfLine] = field(default_factory=list)


def read_pdf(path: Path, data: bytes, digest: str, fmt: str, limits: Limits = DEFAULT) -> Document:
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
    text, lines = assemble_lines(pages)
    return Document(path=str(path), format="pdf", sha256=digest, lines=lines, text=text, pages=len(pages))


class _Style:
    """Font size, weight and slant of a page's characters, asked of pdfium only where needed.

    The four C functions are called through prototypes without `argtypes` (see `_bare`): the same calls,
    without ctypes converting each argument again (a third of their time went there).
    """

    def __init__(self, tp: Any, pdfium_c: Any) -> None:
        self.tp, self.c = tp, pdfium_c
        self.raw = tp.raw
        self.matrix = pdfium_c.FS_MATRIX()
        self.flags = ctypes.c_int()
        self.name = ctypes.create_string_buffer(128)
        self._font_size = _bare(pdfium_c, "FPDFText_GetFontSize", ctypes.c_double)
        self._get_matrix = _bare(pdfium_c, "FPDFText_GetMatrix", ctypes.c_int)
        self._font_info = _bare(pdfium_c, "FPDFText_GetFontInfo", ctypes.c_ulong)
        self._font_weight = _bare(pdfium_c, "FPDFText_GetFontWeight", ctypes.c_int)
        self._matrix_ref = ctypes.byref(self.matrix)
        self._info_args = (ctypes.byref(self.name), ctypes.c_ulong(len(self.name)), ctypes.byref(self.flags))

    def size(self, i: int) -> float:
        """The font size as printed: pdfium's size times the text matrix's vertical scale."""
        fs = float(self._font_size(self.raw, i))
        if self._get_matrix is not None and self._get_matrix(self.raw, i, self._matrix_ref):
            m = self.matrix
            fs *= math.hypot(m.c, m.d) or 1.0
        return fs

    def face(self, i: int) -> tuple[bool, bool]:
        """(bold, italic) of the character's font: its weight and flags, else its name ("Arial-BoldMT")."""
        if self._font_info is None or self._font_weight is None:  # pragma: no cover - older pdfium builds
            return False, False
        self._font_info(self.raw, i, *self._info_args)
        weight = self._font_weight(self.raw, i)
        name = self.name.value.decode("latin-1", "replace")
        bold, italic = FACES.get(name) or FACES.setdefault(
            name, (bool(BOLD_NAME.search(name)), bool(ITALIC_NAME.search(name))))
        flags = self.flags.value
        return bold or weight >= 600 or bool(flags & 0x40000), italic or bool(flags & 64)  # FORCE_BOLD, ITALIC


def _bare(pdfium_c: Any, name: str, restype: Any) -> Any:
    """pdfium's C function `name` as a prototype without `argtypes` (None where this build lacks it).

    Its callers pass only ctypes objects and Python ints for C `int` parameters, so nothing is converted.
    """
    fn = getattr(pdfium_c, name, None)
    return None if fn is None else ctypes.cast(fn, ctypes.CFUNCTYPE(restype))


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
        boxes = _char_boxes(tp, pdfium_c, n)
        raw_lines = _split_lines(text, boxes)
        edge = _column_edge(raw_lines, boxes, width)
        style = _Style(tp, pdfium_c)
        lines = []
        for idxs in raw_lines:
            lines += _make_lines(idxs, text, boxes, style, edge)
    finally:
        tp.close()
        page.close()
    for ln in lines:
        ln.column = ln.x0 >= edge - 1
    return PdfPage(width, height, lines)


def _char_boxes(tp: Any, pdfium_c: Any, n: int) -> list[tuple[float, float, float, float]]:
    """Every character's tight box (left, bottom, right, top), as `tp.get_charbox(i)` gives it.

    pdfium has no bulk call: one `FPDFText_GetCharBox` per character. It is made here on a prototype
    of the same C function without `argtypes` (ctypes' per-argument conversion was most of the time),
    into one buffer of four doubles laid out left, bottom, right, top and read with one `unpack_from`:
    about a third of the wrapper's time, the same doubles.
    """
    get = ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.CFUNCTYPE(ctypes.c_int))  # the same C function
    raw = tp.raw  # a ctypes pointer: passed as it is
    buf = (ctypes.c_double * 4)()
    byref = ctypes.byref
    args = (byref(buf, 0), byref(buf, 16), byref(buf, 8), byref(buf, 24))  # the call's order: l, r, b, t
    unpack = _FOUR_DOUBLES.unpack_from
    boxes: list[tuple[float, float, float, float]] = []
    append = boxes.append
    for i in range(n):
        if not get(raw, i, *args):
            import pypdfium2 as pdfium
            raise pdfium.PdfiumError("Failed to get charbox.")
        append(unpack(buf))
    return boxes


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
    prev = base = -1  # the last non-space and the last letter or digit on `cur` (-1: none yet)
    for i, ch in enumerate(text):
        if ch == "\r" or ch == "\n":
            ended = ended or bool(cur)
            continue
        if ch == " ":
            if cur and ended:
                continue
            ended = False
            cur.append(i)
            continue
        alnum = ch.isalnum()
        if prev >= 0:  # `cur` holds a non-space
            p, b = boxes[prev], boxes[i]
            hc = b[3] - b[1]
            h = p[3] - p[1]  # max(of the two heights, 1.0), without the calls
            h = (h if h > hc else hc) if h > 1.0 or hc > 1.0 else 1.0
            # baselines compare between letters and digits only: quotes and periods sit high or low
            if alnum and base >= 0:
                q = boxes[base]
                drop = abs(b[1] - q[1])
                hb = q[3] - q[1]
                hb = (hb if hb > hc else hc) if hb > 1.0 or hc > 1.0 else 1.0
            else:
                drop, hb = 0.0, h
            goes_on = p[2] - 1 <= b[0] <= p[2] + 2 * h and drop < 0.8 * hb
            if (ended and not goes_on) or b[0] < p[0] - h or drop > 1.5 * hb:
                lines.append(cur)
                cur = []
                base = -1
        ended = False
        cur.append(i)
        prev = i
        if alnum:
            base = i
    if cur:
        lines.append(cur)
    return lines


MARK = "\x01"  # where a note marker stood in a line's text, until the notes tell whether it is one


def _make_lines(idxs: list[int], text: str, boxes: list[tuple[float, float, float, float]], style: _Style,
                column_x: float) -> list[PdfLine]:
    """One visual line as PdfLines (two when it runs into the right-hand column)."""
    letters = [i for i in idxs if not text[i].isspace()]
    if not letters:
        return []
    sample = [letters[0], letters[len(letters) // 2], letters[-1]] if len(letters) > 2 else letters
    sizes = sorted(style.size(i) for i in sample)
    size = max(sizes[len(sizes) // 2], 1.0)
    faces = [style.face(i) for i in sample]
    bold = 2 * sum(b for b, _ in faces) > len(faces)
    italic = 2 * sum(i for _, i in faces) > len(faces)
    lead_end = -1  # a bold run opening a line of regular type ("Kosten. De kosten ..."): where it stops
    if faces[0][0] and not bold:
        lead_end = next((i for i in letters[:RUN_IN_CHARS] if not style.face(i)[0]), -1)
    markers, lead = _markers(idxs, letters, text, boxes, style, size)
    segments: list[list[int]] = [[]]
    gutters: list[tuple[int, int]] = []  # (segment, position in it) where a gap wider than GUTTER opens
    column_gap, gutter = COLUMN_GAP * size, GUTTER * size  # COLUMN_GAP < GUTTER
    prev = -1  # the last character in segments[-1] that is not white space (-1: none)
    for k, i in enumerate(idxs):
        ch = text[i]
        if ch != " " and prev >= 0 and (gap := boxes[i][0] - boxes[prev][2]) > column_gap:
            if boxes[prev][2] < column_x - 1 <= boxes[i][0]:
                segments.append([])  # the line runs into the colophon column
                prev = -1
            elif gap > gutter:
                gutters.append((len(segments) - 1, len(segments[-1])))
        if ch == " " and _spurious_space(idxs, k, text, boxes, size):
            continue
        segments[-1].append(i)
        if not ch.isspace():
            prev = i
    out = []
    for n, seg in enumerate(segments):
        vis = [i for i in seg if not text[i].isspace()]
        if not vis:
            continue
        cuts = [at for g, at in gutters if g == n]
        pieces = _pieces(seg, cuts, text, boxes, markers) if cuts else ()
        raw = "".join(map(text.__getitem__, seg))
        refs: list[str] = []
        if markers or lead >= 0 or SPECIAL.search(raw):
            raw = _emit(seg, vis, text, markers, lead, refs)
        s = " ".join(raw.split())
        if not s:
            continue
        bold_run = " ".join("".join(text[i] for i in seg if i < lead_end).split()) if lead_end > seg[0] else ""
        word_end = next((k for k, i in enumerate(seg) if k and text[i].isspace()), len(seg))
        word = [i for i in seg[:word_end] if not text[i].isspace()] or vis
        lefts, bottoms, rights, tops = zip(*map(boxes.__getitem__, vis), strict=True)  # the boxes' sides, each at once
        out.append(PdfLine(
            text=s, x0=min(lefts), x1=max(rights), top=max(tops), bottom=min(bottoms),
            size=size, bold=bold, italic=italic, refs=tuple(refs), word_x1=max(boxes[i][2] for i in word),
            lead=bold_run if s.startswith(bold_run) else "", pieces=pieces, base=_base(vis, text, boxes),
        ))
        lead_end = -1  # only the line's first segment opens with it
    return out


def _base(vis: list[int], text: str, boxes: list[tuple[float, float, float, float]]) -> float:
    """The line's baseline: the upper median of the bottoms of a sample of its letters and digits
    (descenders and commas reach below it, a raised note marker is one of few)."""
    sample = [boxes[i][1] for i in vis[:: max(1, len(vis) // 9)] if text[i].isalnum()]
    if not sample:
        return boxes[vis[0]][1]
    sample.sort()
    return sample[len(sample) // 2]


def _pieces(seg: list[int], cuts: list[int], text: str, boxes: list[tuple[float, float, float, float]],
            markers: set[int]) -> tuple[Piece, ...]:
    """The segment cut at its gutters (gaps wider than GUTTER): each piece's left and right edge and text,
    where a table's cells may stand side by side ("1   Stel een landelijke norm op   Ik neem ...")."""
    out: list[Piece] = []
    for a, b in itertools.pairwise([0, *cuts, len(seg)]):
        vis = [i for i in seg[a:b] if not text[i].isspace() and i not in markers]
        t = " ".join("".join(text[i] for i in seg[a:b] if i not in markers).translate(BULLET_SIGNS).split())
        if vis and t:
            out.append((boxes[vis[0]][0], max(boxes[i][2] for i in vis), t))
    return tuple(out)


def _emit(seg: list[int], vis: list[int], text: str, markers: set[int], lead: int, refs: list[str]) -> str:
    """The segment's text with note markers as MARK (their digits in `refs`) and bullets as "•"."""
    chars: list[str] = []
    for i in seg:
        ch = text[i]
        if i in markers:
            if not chars or chars[-1] != MARK:
                chars.append(MARK)
                refs.append("")
            refs[-1] += ch
            continue
        if chars and i - 1 == lead and not ch.isspace():
            chars.append(" ")  # "¹Kamerstuk": the footnote's own number, set apart from its text
        if ch in BULLETS:
            if i == vis[0]:
                ch = "• "  # the list marker, whatever font drew it
            elif ord(ch) >= 0xF000:
                code = ord(ch) - 0xF000  # a symbol font's private-use copy of an ASCII sign
                ch = chr(code) if 0x20 < code < 0x7F else ""
        chars.append(ch)
    return "".join(chars)


def _markers(idxs: list[int], letters: list[int], text: str, boxes: list[tuple[float, float, float, float]],
             style: _Style, size: float) -> tuple[set[int], int]:
    """Superscript digits after body text on the line: smaller glyphs on a raised baseline ("2022⁵").

    A subscript ("CO₂") sits low and stays. Raised digits that open the line are a footnote's own
    number: the index of the last of them is returned too (-1 for none).
    """
    line = text[idxs[0]:idxs[-1] + 1]
    if len(line) != len(idxs):
        line = "".join(text[i] for i in idxs)
    if not DIGIT.search(line):
        return set(), -1
    bottoms = sorted(boxes[i][1] for i in letters[:: max(1, len(letters) // 9)] if text[i].isalnum())
    if not bottoms:
        return set(), -1
    baseline = bottoms[len(bottoms) // 2]
    out: set[int] = set()
    lead = -1
    for m in DIGIT.finditer(line):
        for k in range(m.start(), m.end()):
            i = idxs[k]
            if boxes[i][1] <= baseline + MARKER_RISE * size or style.size(i) >= MARKER_SIZE * size:
                continue
            before = line[:k].rstrip()
            if not before or (lead >= 0 and idxs[len(before) - 1] == lead):
                lead = i  # the footnote's own number, opening its line
            else:
                out.add(i)
    return out, lead


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
    if gap < FRAGMENT_GAP and left.isalnum() and right in ".,;:)":
        return True  # "V.L.W .A.": type never sets a space before a full stop or comma
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
    t = PAGE_LINE.sub("pagina", t)
    return re.sub(r"^\d{1,3}\s+|\s+\d{1,3}$", "", t)


ITEM_START = re.compile(r"^(?:•\s|[-–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
NOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
CAPTION = re.compile(r"^(?:Figuur|Tabel|Grafiek|Afbeelding|Kaart)\s+\d+[a-z]?\s*[.:]\s*\S")


def assemble(pages: list[PdfPage]) -> str:
    """The pages as text (see `assemble_rows`)."""
    return "\n".join(r.text for r in assemble_rows(pages) if r.in_text) + "\n"


def assemble_lines(pages: list[PdfPage]) -> tuple[str, tuple[Line, ...]]:
    """The pages as text, and its lines with what the page said of each (see `assemble_rows`).

    Each row of the text is one line of it (a form feed stays inside its line, as `text_lines` counts);
    figure text, out of the text, follows its page's lines with line number 0.
    """
    rows = assemble_rows(pages)
    text = "\n".join(r.text for r in rows if r.in_text) + "\n"
    in_text = [r for r in rows if r.in_text]

    def row(no: int, text: str, page_break: bool) -> Line:
        r = in_text[no - 1]
        if not text:
            return Line(text, no, page=r.page)
        item = text.startswith("• ")
        if r.note is not None:  # the note's text without its number, which is the line's `note`
            text = text.removeprefix(r.note).lstrip()
        return Line(text, no, bold=r.bold, page_break=page_break, italic=r.italic, page=r.page,
                    role="list_item" if item and r.role == "body" else r.role, size=r.size,
                    marker="•" if item else "", level=1 if item else 0, note=r.note,
                    cells=tuple(normalise(c) for c in r.cells) if r.cells else (), refs=r.refs, row=r.row)

    lines = list(text_lines(text, row))
    if len(lines) != len(in_text):  # pragma: no cover - every row is one line of the text
        raise AssertionError("PDF rows and text lines out of step")
    out: list[Line] = []
    at = 0
    for r in rows:
        if r.in_text:
            out.append(lines[at])
            at += 1
        elif t := normalise(r.text):
            out.append(Line(t, 0, bold=r.bold, italic=r.italic, page=r.page, role=r.role, size=r.size))
    return text, tuple(out)


def assemble_rows(pages: list[PdfPage]) -> list[Row]:
    """The pages as rows of text, each with its role, page, emphasis and size.

    Page 1's column comes first, then the body; footnotes are gathered at the end, one per line under
    "Noten". Running headers and footers are left out of the text after page 1 (page 1 keeps them, with
    their role: there they are the document's own heading, which the text rules read), and so is the
    colophon column repeated on later pages: they stay as rows out of the text, with their roles. Page
    furniture never counts as a footnote. Figure text follows its page, out of the text.
    """
    running = _running(pages)
    cited = {r for page in pages for ln in page.lines if not ln.column for r in ln.refs}
    usual = _body_size(ln for page in pages for ln in page.lines if not ln.column)
    laid: list[tuple[list[PdfLine], list[PdfLine], list[PdfLine]]] = []
    repeated: list[list[Row]] = []  # each page's running lines that the text leaves out (after page 1)
    notes: list[list[str]] = []
    note_pages: list[int] = []
    note_sizes: list[float] = []
    for k, page in enumerate(pages):
        column = sorted((ln for ln in page.lines if ln.column), key=lambda ln: -ln.top)
        body = sorted((ln for ln in page.lines if not ln.column), key=lambda ln: (-round(ln.top), ln.x0))
        margin = {id(ln) for ln in body if _shape(ln.text) in running and (
            ln.top > (1 - MARGIN_ZONE) * page.height or ln.bottom < MARGIN_ZONE * page.height)}
        repeated.append([])
        if k > 0:
            top = (1 - MARGIN_ZONE) * page.height
            repeated[-1] = [Row(ln.text, ln.bold, ln.italic, _running_role(ln, top), _relative(ln.size, usual),
                                k + 1, in_text=False)
                            for ln in [*column, *body] if (ln.column or id(ln) in margin)
                            and not (ln.column and _page_label(ln))]
            body = [ln for ln in body if id(ln) not in margin]
        for ln in body:
            if PAGE_LINE.match(ln.text):
                ln.furniture = "page_number"
            elif id(ln) in margin:
                ln.furniture = "header" if ln.top > (1 - MARGIN_ZONE) * page.height else "footer"
        furniture = {id(ln) for ln in body if id(ln) in margin or is_page_furniture(ln.text)}  # never notes
        body = _tables(body, furniture, k == 0)
        _classify(body, furniture, usual, cited)
        before = len(notes)
        _gather_notes([ln for ln in body if ln.role == "footnote"], notes, note_sizes, cited)
        note_pages += [k + 1] * (len(notes) - before)
        laid.append((column, [ln for ln in body if ln.role in ("body", "box", "table")],
                     [ln for ln in body if ln.role == "figure"]))
    numbers = {n[0] for n in notes}
    rows: list[Row] = []
    for k, (column, body, figure) in enumerate(laid):
        for ln in column + body:
            ln.text = _resolve_markers(ln, numbers)
        parts: list[list[Row]] = []
        if k == 0 and column:
            parts.append([Row(r.text, page=1, role=_column_role(r.text), size=r.size)
                          for r in _flow(column, usual, headings=False)])
        elif column:
            # running header and "Pagina N van M": kept only where it is not the repeated colophon
            parts += [[Row(ln.text, role="page_number", size=_relative(ln.size, usual))]
                      for ln in column if _page_label(ln)]
        for _, group in itertools.groupby(body, key=lambda ln: ln.role):
            lines = list(group)
            parts.append([Row(ln.text, ln.bold, ln.italic, "table_cell", _relative(ln.size, usual), cells=ln.cells,
                              refs=ln.refs, row=k)
                          for k, ln in enumerate(lines, start=1)] if lines[0].role == "table" else _flow(lines, usual))
        page_rows: list[Row] = []
        for part in parts:
            if page_rows:
                page_rows.append(Row(""))
            page_rows += part
        if k:
            if not page_rows:
                page_rows = [Row("")]
            page_rows[0].text = "\f" + page_rows[0].text
        for r in page_rows:
            r.page = k + 1
            if k == 0 and r.role == "body" and RETURN_ADDRESS.match(r.text):
                r.role = "letterhead"  # "> Retouradres Postbus ...": printed over the address block
        rows += [r for r in repeated[k] if r.role != "footer"]
        rows += page_rows
        rows += [r for r in repeated[k] if r.role == "footer"]
        rows += [Row(ln.text, ln.bold, ln.italic, "figure", _relative(ln.size, usual), k + 1, in_text=False)
                 for ln in figure]
    if notes:
        last = len(pages)
        rows += [Row("", page=last), Row("Noten", role="footnote", page=last)]
        rows += [Row(f"{n[0]} {n[1]}", role="footnote", page=p, note=n[0], size=_relative(size, usual))
                 for n, p, size in zip(notes, note_pages, note_sizes, strict=True)]
    return rows


def _tables(body: list[PdfLine], furniture: set[int], first_page: bool) -> list[PdfLine]:
    """The page's lines with each table found from the geometry as one line per table row (role "table").

    A table is a run of two or more visual rows (lines on one baseline, each cut at its gutters) whose
    pieces start at the same two or more column edges and stay inside their column; a cell's wrapped lines
    may stand alone in their column. Its rows are told apart by a larger vertical gap than the line step
    inside a cell, or by a new entry in a leading column of numbers. Not a table: fewer than two columns of
    text beside a column of numbers or markers (a numbered or bulleted list with a hanging indent), a first
    column of colophon labels ("Datum", "Betreft": the letterhead's layout), anything above the salutation
    on page 1, columns in different type sizes (the colophon column beside the body), a signature block, or
    short labels only (an organogram's boxes: no cell of five words or more, no bold header row over rows in
    regular type, no column of numbers: see `_header_or_figures`).
    """
    lines = [ln for ln in body if id(ln) not in furniture]
    if first_page:  # the letterhead's blocks side by side (address, colophon) are no table
        salutation = next((ln for ln in lines if SALUTATION.match(ln.text)), None)
        lines = [ln for ln in lines if ln.top < salutation.bottom] if salutation else lines
    rows = _visual_rows(lines)
    if sum(len(row) > 1 for row in rows) < 2:
        return body  # no two baselines hold pieces side by side
    replaced: dict[int, list[PdfLine]] = {}  # the first line of a table (in body order) -> the table's rows
    dropped: set[int] = set()  # the lines a table stands for
    order = {id(ln): n for n, ln in enumerate(body)}
    k = 0
    while k < len(rows):
        end, table = _table_at(rows, k)
        if table is None:
            k = max(k + 1, end)  # rows in the same columns that make no table: none of them starts one
            continue
        members = {id(ln) for row in rows[k:end] for ln, _ in row}
        replaced[min(members, key=order.__getitem__)] = table
        dropped |= members
        k = end
    if not replaced:
        return body
    out: list[PdfLine] = []
    for ln in body:
        out += replaced.get(id(ln), []) if id(ln) in dropped else [ln]
    return out


VisualRow = list[tuple[PdfLine, Piece]]


def _visual_rows(lines: list[PdfLine]) -> list[VisualRow]:
    """The lines' pieces grouped by baseline, top to bottom, each row left to right."""
    rows: list[VisualRow] = []
    base = 0.0
    for ln in sorted(lines, key=lambda ln: -ln.base):
        pieces = ln.pieces or ((ln.x0, ln.x1, ln.text),)
        if rows and abs(ln.base - base) <= 0.3 * ln.size:
            rows[-1] += [(ln, p) for p in pieces]
        else:
            rows.append([(ln, p) for p in pieces])
            base = ln.base
    for row in rows:
        row.sort(key=lambda lp: lp[1][0])
    return rows


def _table_at(rows: list[VisualRow], k: int) -> tuple[int, list[PdfLine] | None]:
    """The table that starts at visual row k: the row after its last, and its rows as table lines (None
    when the rows from k in the same columns make no table)."""
    if not 2 <= len(rows[k]) <= MAX_COLUMNS:
        return k + 1, None
    size = statistics.median(ln.size for ln, _ in rows[k])
    tol = 0.6 * size
    cols = [p[0] for _, p in rows[k]]
    if any(a[1][1] > b[1][0] - 0.3 * size for a, b in itertools.pairwise(rows[k])):
        return k + 1, None  # pieces that touch are no cells

    def column(piece: Piece) -> int | None:
        """The column a piece starts in, when it stays inside it."""
        at = next((c for c, x in enumerate(cols) if abs(piece[0] - x) <= tol), None)
        if at is None or (at + 1 < len(cols) and piece[1] > cols[at + 1] - 0.3 * size):
            return None
        return at

    end = k
    multi = 0
    last_multi = k
    while end < len(rows):
        row = rows[end]
        placed = [column(p) for _, p in row]
        if any(c is None for c in placed) or len(set(placed)) != len(placed):
            break
        if end > k and _baseline(rows[end - 1]) - _baseline(row) > 3.5 * size:
            break  # a paragraph's distance below the table
        if len(row) > 1:
            multi += 1
            last_multi = end
        end += 1
    # rows after the last full row belong to the table when they go on in a column other than the first,
    # or in the first at a line's distance; a paragraph under the table runs across the columns
    tail = last_multi + 1
    while tail < end and len(rows[tail]) == 1 and (
            (column(rows[tail][0][1]) or 0) > 0 or _baseline(rows[tail - 1]) - _baseline(rows[tail]) <= 1.6 * size):
        tail += 1
    end = tail
    if multi < 2:
        return k + 1, None
    cells = _table_cells(rows[k:end], cols, column, size)
    if cells is None:
        return end, None
    out: list[PdfLine] = []
    for texts, members in cells:
        lines = [ln for ln, _ in members]
        out.append(PdfLine(" | ".join(texts), min(ln.x0 for ln in lines), max(ln.x1 for ln in lines),
                           max(ln.top for ln in lines), min(ln.bottom for ln in lines),
                           statistics.median(ln.size for ln in lines), all(ln.bold for ln in lines),
                           role="table", cells=tuple(texts)))
    return end, out


def _baseline(row: VisualRow) -> float:
    return row[0][0].base


def _table_cells(rows: list[VisualRow], cols: list[float], column: Any, size: float
                 ) -> list[tuple[list[str], VisualRow]] | None:
    """The table's rows as cells (each column's lines joined) with the pieces they hold; None when the
    columns do not make a table (see `_tables`)."""
    steps = [_baseline(a) - _baseline(b) for a, b in itertools.pairwise(rows)]
    line_step = min(steps) if steps else 0.0
    if line_step > 1.6 * size:
        line_step = 1.2 * size  # no cell wraps: every step is a row's
    numbered = all(_numbering(p[2]) for row in rows for _, p in row if column(p) == 0)
    # rows set as close as a cell's lines: a row starts where every column opens a cell with a capital or
    # a number (a cell's next line mostly goes on in lower case somewhere)
    even = not any(step > 1.2 * line_step + 0.5 for step in steps)
    groups: list[VisualRow] = []
    for r, row in enumerate(rows):
        starts = r == 0 or steps[r - 1] > 1.2 * line_step + 0.5 or (
            numbered and len(cols) > 2 and any(column(p) == 0 for _, p in row)) or (
            even and len(row) == len(cols) and all(p[2][:1].isupper() or p[2][:1].isdigit() for _, p in row))
        if not starts and groups and all(ln.bold for ln, _ in groups[-1]) != all(ln.bold for ln, _ in row):
            starts = True  # a bold header row over the rows in regular type
        if starts:
            groups.append([])
        groups[-1] += row
    if len(groups) < 2:
        return None
    table: list[tuple[list[str], VisualRow]] = []
    for group in groups:
        texts = [""] * len(cols)
        for _, p in sorted(group, key=lambda lp: -lp[0].base):
            c = column(p)
            texts[c] = _join_cell(texts[c], p[2]) if texts[c] else p[2]
        table.append((texts, group))
    sizes = [ln.size for row in rows for ln, _ in row]
    if max(sizes) > 1.15 * min(sizes):
        return None  # text in another type beside it (the colophon column beside the body): no table
    if not any(len(c.split()) >= 5 for t, _ in table for c in t) and not _header_or_figures(table):
        return None  # labels in a grid (an organogram's boxes): a figure, not a table of text
    text_cols = [c for c in range(len(cols)) if any(len(t[c]) > 4 for t, _ in table)]
    if len(text_cols) < 2:
        return None  # a list with a hanging indent: numbers or markers beside one column of text
    first = [t[0] for t, _ in table if t[0]]
    if any(is_colophon_label(t) for t in first) or any(SIGNATURE_CELL.match(c) for t, _ in table for c in t):
        return None
    return table


def _numbering(text: str) -> bool:
    """Whether a first-column cell reads as an entry's number ("3", "12.", "4a", "b)"), not a short word."""
    return len(text) <= 4 and (len(text) <= 2 or any(ch.isdigit() for ch in text))


def _header_or_figures(table: list[tuple[list[str], VisualRow]]) -> bool:
    """Whether a table of short cells is one: a bold header row over rows in regular type, or a column of
    numbers under its first row (an organogram's labels have neither)."""
    body = table[1:]
    if all(ln.bold for ln, _ in table[0][1]) and not any(ln.bold for _, group in body for ln, _ in group):
        return True
    return any(all(t[c][:1].isdigit() for t, _ in body) for c in range(len(table[0][0])))


def _join_cell(text: str, more: str) -> str:
    """A cell's wrapped lines as one: a word broken at a line-end hyphen is joined again."""
    if text.endswith("-") and len(text) > 1 and text[-2].islower() and more[:1].islower():
        return text[:-1] + more
    return f"{text} {more}"


def _running_role(ln: PdfLine, top: float) -> Role:
    """A running line's role: the page number, else header (the repeated colophon too) or footer by place."""
    if PAGE_LINE.match(ln.text):
        return "page_number"
    return "header" if ln.column or ln.top > top else "footer"


def _column_role(text: str) -> Role:
    """A row of page 1's colophon column: "Pagina 1 van 7" is the page number; a blank row is no colophon."""
    if PAGE_LINE.match(text):
        return "page_number"
    return "colophon" if text else "body"


def _relative(size: float, usual: float) -> float:
    """A font size against the body type's, to two decimals (1.0 where the body size is unknown)."""
    return round(size / usual, 2) if usual else 1.0


def _body_size(lines: Iterable[PdfLine]) -> float:
    """The size of the body type: the size most of the letter's text is set in (to half a point)."""
    weight: dict[float, int] = {}
    for ln in lines:
        size = round(ln.size * 2) / 2
        weight[size] = weight.get(size, 0) + len(ln.text)
    return max(weight, key=lambda sz: weight[sz]) if weight else 0.0


def _classify(body: list[PdfLine], furniture: set[int], usual: float, cited: set[str] | None = None) -> None:
    """Give each body line its role from its size and place: body, footnote, figure or text box.

    Small type (against the letter's body size, so that a page of long notes is judged like any other)
    below the last line of body text is the footnote zone (it holds a line opening with a note number
    that a marker in the body carries, see `_note_number`);
    small type between lines of body text is a figure, or a text box when its lines are long; small type
    anywhere on the page with a line of a figure in it (`_figure_like`) is a figure, and a caption in body
    type right over or under it goes with it.
    """
    lines = [ln for ln in body if id(ln) not in furniture]
    if len(lines) < 2:
        return
    small = [ln.size < SMALL_TYPE * usual and not ln.cells for ln in lines]  # a table in small type stays text
    normal = [k for k, sm in enumerate(small) if not sm]
    if not normal:
        return
    last = normal[-1]
    end = len(lines)  # where the runs of small type that may be figures stop: at the footnote zone
    starts = [k for k in range(last + 1, len(lines))
              if (m := NOTE_START.match(lines[k].text)) and _note_number(m.group(1), cited)]
    if starts:  # the first may go on with the last page's note; a figure may stand over the notes
        figure = next((k for k in range(last + 1, starts[0]) if _figure_like(lines[k])), starts[0])
        for ln in lines[last + 1:figure] + lines[starts[0]:]:
            ln.role = "footnote"
        end = starts[0]
    left = min(lines[k].x0 for k in normal)
    right = max(lines[k].x1 for k in normal)
    k = 0
    while k < end:
        if not small[k] or lines[k].role == "footnote":
            k += 1
            continue
        j = k
        while j < end and small[j] and lines[j].role != "footnote":
            j += 1
        run = lines[k:j]
        inside = normal[0] < k and j <= last
        evidence = any(_figure_like(ln) for ln in run)
        if len(run) >= 2 and (inside or evidence):
            widths = sorted(ln.x1 - ln.x0 for ln in run)
            wide = widths[len(widths) // 2] >= BOX_WIDTH * (right - left)
            role = "box" if wide and not evidence else "figure"
            for ln in run:
                ln.role = role
                ln.bold = ln.bold and role == "box"
            if role == "figure":  # a caption in body type right under or over the figure is the figure's
                for at in (k - 1, j):
                    if 0 <= at < len(lines) and not small[at] and CAPTION.match(lines[at].text):
                        lines[at].role = "figure"
        k = j


def _figure_like(ln: PdfLine) -> bool:
    """A line of a figure whatever its place: short labels side by side in a grid (two or more pieces
    between gutters, none of more than four words), or a caption ("Figuur 2. ...", "Tabel 1: ...")."""
    if CAPTION.match(ln.text):
        return True
    return len(ln.pieces) >= 2 and all(len(p[2].split()) <= 4 for p in ln.pieces)


def _note_number(number: str, cited: set[str] | None) -> bool:
    """Whether a footnote may carry `number`: a note marker in the body carries it; in a letter whose body
    has no markers at all (`cited` empty or None), any number, and `_gather_notes` takes them in order."""
    return not cited or number in cited


def _gather_notes(foot: list[PdfLine], notes: list[list[str]], sizes: list[float],
                  cited: set[str] | None = None) -> None:
    """Footnote lines as notes [number, text] (`sizes` gets each note's type size): a line opening with
    the next number starts one; lines before the first number on a page go on with the last page's note.
    A number no note marker in the body carries starts no note (`_note_number`); in a letter without
    markers the notes count from 1."""
    cur: list[str] | None = notes[-1] if notes else None  # a note may run on from the page before
    for ln in foot:
        m = NOTE_START.match(ln.text)
        last = int(notes[-1][0]) if notes else 0
        if m and _note_number(m.group(1), cited) and (
                int(m.group(1)) in (last + 1, 1) or (cur is None and bool(cited))):
            cur = [m.group(1), m.group(2)]
            notes.append(cur)
            sizes.append(ln.size)
        elif cur is not None:
            cur[1] = _join_note(cur[1], ln.text)


def _join_note(text: str, more: str) -> str:
    """A footnote's lines as one: a URL broken at its own hyphen or slash is joined without a space."""
    if URL_TAIL.search(text) and text.endswith(("-", "/", "_", ".", "=", "&", "?")) and " " not in more.split(" ")[0]:
        return text + more
    return f"{text} {more}"


def _resolve_markers(ln: PdfLine, numbers: set[str]) -> str:
    """The line's text with each note marker taken out, or put back where no footnote has its number."""
    if MARK not in ln.text:
        return ln.text
    pieces = ln.text.split(MARK)
    out = pieces[0]
    kept: list[str] = []
    for ref, piece in zip(ln.refs, pieces[1:], strict=False):
        if ref not in numbers:
            out += ref + piece  # "m²": a raised number that is no note reference
            continue
        kept.append(ref)
        if piece[:1].isalnum() or piece[:1] in "(‘“'\"":
            out = out.rstrip() + " " + piece  # "20208ligt": the marker stood where the space was
        else:
            out = out.rstrip() + piece if piece[:1] in ".,;:)’”" else out + piece
    ln.refs = tuple(kept)
    return " ".join(out.split())


def _flow(lines: list[PdfLine], body_size: float, headings: bool = True) -> list[Row]:
    """Lines top to bottom as rows (text, bold, italic, size; running furniture its role); a blank row
    where the vertical gap or the type says a new paragraph starts. A run of up to three bold lines (a
    wrapped heading or list item) is one line; a heading stands alone (see `_heading_ends`). The
    colophon column (`headings=False`) keeps its lines as printed, apart only where the gap or bold
    says so: its rules read labels and values."""
    steps = [round(a.bottom - b.bottom, 1) for a, b in itertools.pairwise(lines)
             if 0 < a.bottom - b.bottom < 4 * a.size]
    usual = min(statistics.multimode(steps)) if steps else 0.0  # the line step; paragraph gaps are rarer
    gap = [True] + [bool(usual) and a.bottom - b.bottom > PARAGRAPH_GAP * usual for a, b in itertools.pairwise(lines)]
    body = [ln for ln in lines if not ln.bold] or lines
    right = max(ln.x1 for ln in body)
    left = min(ln.x0 for ln in body)
    out: list[Row] = []
    j = 0
    while j < len(lines):
        ln = lines[j]
        end = j + 1
        if ln.bold and headings:  # the bold run, up to the next list item or paragraph gap
            while end < len(lines) and lines[end].bold and not gap[end] and not ITEM_START.match(lines[end].text):
                end += 1
            if end - j > 3:
                end = j + 1
        text = ln.text
        for nxt in lines[j + 1:end]:
            text = text + nxt.text if text.endswith("-") and nxt.text[:1].isupper() else f"{text} {nxt.text}"
        size = _relative(ln.size, body_size)
        run_in = _run_in(lines, j, text, gap) if headings and ln.lead else None
        if out and (gap[j] or _bold_edge(lines, j, out) or run_in):
            out.append(Row(""))
        if run_in:  # "Kosten. De kosten ...": the heading stands alone, its paragraph goes on below it
            out += [Row(run_in, True, ln.italic, "body", size), Row("")]
            text = text[len(ln.lead):].lstrip()
        out.append(Row(text, ln.bold, ln.italic, ln.furniture or "body", size,
                       refs=tuple(r for x in lines[j:end] for r in x.refs)))
        if headings and end < len(lines) and not gap[end] and _heading_ends(lines, j, end, gap, left, right):
            out.append(Row(""))
        j = end
    return out


def _page_label(ln: PdfLine) -> bool:
    """A column line that names the page ("Pagina 2 van 7"): kept as the page number, not as repeated
    colophon. One test for both places that must agree on it."""
    return ln.text.lower().startswith("pagina")


def _run_in(lines: list[PdfLine], j: int, text: str, gap: list[bool]) -> str | None:
    """The run-in heading that opens lines[j] in bold, when the line opens a paragraph (after a gap, or after
    a line that ends a sentence) and its bold run reads as a heading (see `markup.run_in_heading`)."""
    ln = lines[j]
    if ln.bold or not text.startswith(ln.lead):
        return None
    if not (gap[j] or j == 0 or lines[j - 1].text.endswith((".", ":", "!", "?"))):
        return None
    return run_in_heading(ln.lead, text[len(ln.lead):])


def _bold_edge(lines: list[PdfLine], j: int, out: list[Row]) -> bool:
    """Bold starts or stops here: a bold heading or item stands apart from the text around it."""
    prev, ln = out[-1], lines[j]
    if ln.bold == prev.bold:
        return False
    return len(ln.text if ln.bold else prev.text) < 250


def _heading_ends(lines: list[PdfLine], j: int, end: int, gap: list[bool], left: float, right: float) -> bool:
    """Whether lines[j:end], opening a paragraph, is a heading over the text that follows it.

    A bold run over plain text; a line in italics over upright text; or a plain line that stops short
    of the right margin although the next line's first word would have fitted, above a full line:
    "Cumulatie" / "In 2023 wordt door het RIVM een notitie opgesteld, waarin ..."
    """
    ln, nxt = lines[j], lines[end]
    if ln.bold and not nxt.bold:
        return True
    if not gap[j]:
        return False
    if ln.italic and not nxt.italic and end == j + 1:
        return True
    if ln.bold or end != j + 1 or ln.text.endswith(TERMINAL_END) or ITEM_START.match(ln.text):
        return False
    width = right - left
    space = 0.3 * ln.size
    fits = ln.x1 + space + (nxt.word_x1 - nxt.x0) < right - 0.02 * width
    full = nxt.x1 >= right - 0.15 * width
    aligned = abs(ln.x0 - nxt.x0) <= 0.3 * ln.size
    return fits and full and aligned and nxt.text[:1].isupper()

