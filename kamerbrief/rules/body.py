"""Body: page furniture out, paragraphs whole again, headings marked.

Page furniture is every line of the body that repeats the letterhead (the colophon block printed
on every page, in any order, even mid-page), a colophon label or its value ("Datum" / "2 juli
2018"), "Pagina 2 van 7", a lone page number or a printed page footer. A paragraph cut by it, or by a
page break, is joined again when the first part does not end a sentence:
    "... een belangrijke pijler onder de" + furniture + "aanpak van mensenhandel ..." -> one paragraph
Line-end hyphens are repaired ("verantwoordelijkhe-" + "den"), real ones kept ("CE-" + "transitie").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate
from typing import NamedTuple

from ..lexicon import HYPHEN_PREFIXES, HYPHEN_SUFFIXES, LazyPattern
from ..lexicon import is_page_furniture as is_page_furniture  # the rules' name for it
from ..model import Line

TERMINAL = re.compile(r"[.!?:;…][\"”’)»]*$|[.!?]\s*\d{1,2}$")
LIST_ITEM = re.compile(r"^(?:[-*•+–▪●]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)")
NUMBERED_HEADING = LazyPattern(r"^(\d{1,2})[.)]?\s+(\S.*)$")
SENTENCE_INSIDE = LazyPattern(r"[a-z]{2}[.!?]\s+[A-Z]")
FUNCTION_WORDS = frozenset({"de", "het", "een", "van", "en", "op", "in", "voor", "met", "aan", "te", "dat", "die",
                            "om", "of", "naar", "bij", "door", "over", "tot", "uit", "zijn", "is", "worden"})
VOWELS = frozenset("aeiouyàáäèéëïíóöúü")
INNER_HYPHEN = LazyPattern(r"\b([A-Za-zÀ-ÿ]+)-([a-zà-ÿ]+)\b")


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class Block(NamedTuple):
    """A paragraph or heading of the body, with the source line where it starts. (A named tuple: a letter
    has many, and it is immutable and cheaper to make than a frozen dataclass.)"""

    kind: str  # "paragraph" | "heading"
    text: str
    line: int
    level: int = 0  # markdown heading level; 0 for bold lines and text headings
    quote: bool = False
    bold: bool = False  # every line of the block was bold (a Kamervraag in a ministry DOCX)
    italic: bool = False  # every line of the block was in italics (a quoted recommendation)
    rows: tuple[tuple[str, ...], ...] = ()  # a table's rows, each its cells in order
    end: int = 0  # source line of the block's last line (0: the same as `line`)
    # (offset in `text`, source line) where each of its lines begins; empty where the text was changed
    # after the join (OCR hyphens repaired inside lines), so that offsets no longer fit
    offsets: tuple[tuple[int, int], ...] = ()

    @property
    def last(self) -> int:
        """The source line the block ends on."""
        return self.end or self.line


def dehyphenate_join(a: str, b: str) -> str:
    """Join a line-end split: drop a syllable hyphen, keep a real one ("CE-" "transitie")."""
    drop, sep = _joint(a[-TAIL:], b)
    return (a[:-1] if drop else a) + sep + b


# The joins below look at the last TAIL characters of the text built so far, never at all of it, so that
# a paragraph of many lines is built in linear time (a word or sentence end longer than this is no word).
TAIL = 256
_WORD_BEFORE_HYPHEN = LazyPattern(r"([\wÀ-ÿ]+)-$")


def _joint(a: str, b: str) -> tuple[bool, str]:
    """How line b joins the text that ends in a: (drop a's last character, separator)."""
    if a.endswith("-") and len(a) > 1 and a[-2].isalnum() and b[:1].isupper():
        return False, ""  # "VN-" "Veiligheidsraad", "Noord-" "Holland"
    if a.endswith("-") and len(a) > 1 and b[:1].islower():
        left = _WORD_BEFORE_HYPHEN.search(a)
        word = left.group(1) if left else ""
        first = re.match(r"[\wÀ-ÿ]+", b)
        right = first.group(0) if first else ""
        if not word or a[-2] == " ":
            return False, " "  # "mensenhandel- en ..." style: a stranded hyphen
        if word[-1].isupper() or word[-1].isdigit() or word.lower() in HYPHEN_PREFIXES:
            return False, ""
        if word[-1] in VOWELS and right[:1] in VOWELS:
            return False, ""  # "informatie-" "uitwisseling": Dutch keeps the hyphen between clashing vowels
        if right.lower() in HYPHEN_SUFFIXES:
            return (False, "") if right.lower() not in ("en", "of", "tot") else (False, " ")
        return True, ""
    return False, " "


class Joiner:
    """Text built from lines or paragraphs one at a time, each join decided from the tail so far."""

    def __init__(self, first: str) -> None:
        self.parts = [first]
        self.tail = first[-TAIL:]
        self.length = len(first)

    def add(self, b: str, newline: bool = False) -> int:
        """Join b on; return the offset in the text where b begins."""
        drop, sep = (False, "\n") if newline else _joint(self.tail, b)
        if drop:
            self.parts[-1] = self.parts[-1][:-1]  # the last part ends in the hyphen (b is not empty)
            self.tail = self.tail[:-1]
            self.length -= 1
        self.parts.append(sep + b)
        self.tail = (self.tail + sep + b)[-TAIL:]
        at = self.length + len(sep)
        self.length = at + len(b)
        return at

    def text(self) -> str:
        return "".join(self.parts)


def repair_inner_hyphens(text: str) -> str:
    """OCR joined lines but kept the line-end hyphen: "Water-staat" -> "Waterstaat"."""

    def fix(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if (left[-1].isupper() or left.lower() in HYPHEN_PREFIXES or right in HYPHEN_SUFFIXES
                or left.lower().endswith(("minister", "vice"))):
            return m.group(0)
        if left[-1] in VOWELS and right[0] in VOWELS:
            return m.group(0)  # "zee-egel", "informatie-uitwisseling": the hyphen separates vowels
        return left + right

    return INNER_HYPHEN.sub(fix, text)


def paragraphs(lines: tuple[Line, ...], start: int, end: int, is_furniture: Callable[[int], bool],
               markdown: bool, blank_structure: bool) -> list[Block]:
    """The body lines[start:end] as blocks, furniture removed and split paragraphs joined.

    Text with no blank lines and a paragraph per line is OCR or web text; only there do hyphens
    inside a line get repaired, since OCR joined the printed lines but kept their hyphens.
    """
    ocr = not markdown and not blank_structure
    raw: list[tuple[list[Line], bool]] = []  # (lines, a page break or furniture came before)
    cur: list[Line] = []
    broke = cur_broke = False
    for i in range(start, end):
        ln = lines[i]
        if ln.page_break:
            broke = True
        if not ln.text or is_furniture(i):
            if cur:
                raw.append((cur, cur_broke))
                cur = []
            if ln.text:
                broke = True
            continue
        if not cur:
            cur_broke = broke
            broke = False
        elif ln.page_break:
            raw.append((cur, cur_broke))
            cur, cur_broke = [], True
            broke = False
        cur.append(ln)
    if cur:
        raw.append((cur, cur_broke))

    blocks: list[tuple[Block, bool]] = []
    widths = sorted(len(ln.text) for group, _ in raw for ln in group)
    width = widths[int(len(widths) * 0.9)] if widths else 0
    for group, was_broken in raw:
        for k, blk in enumerate(_split_group(group, markdown, blank_structure, width, ocr)):
            blocks.append((blk, was_broken and k == 0))
    return _rejoin(blocks, markdown)


def _heading_of(ln: Line, alone: bool, blank_structure: bool) -> bool:
    """Whether a line is a heading: markdown heading, a bold or italic line of its own, or a short title line."""
    if ln.heading:
        return True
    t = ln.text
    if (ln.bold or ln.italic) and alone and len(t) < 160 and not t.endswith((".", ",", ";")):
        return True
    if re.match(r"^(?:Aanbeveling|Advies|Actiepunt)\s+\d{1,2}\b", t) and len(t) < 200:
        return True
    if not alone or len(t) > 120 or t.endswith((".", ",", ";", ":")) or SENTENCE_INSIDE.search(t):
        return False
    if NUMBERED_HEADING.match(t):
        return True
    return blank_structure and t[:1].isupper() and t.rsplit(" ", 1)[-1] not in FUNCTION_WORDS


def _split_group(group: list[Line], markdown: bool, blank_structure: bool, width: int, ocr: bool) -> list[Block]:
    """One run of lines between blank lines as paragraphs and headings."""
    out: list[Block] = []
    para: list[Line] = []

    def flush() -> None:
        if para:
            rows = all(p.cells for p in para)  # a table: one row a line, its cells kept apart by " | "
            if rows:
                text = "\n".join(p.text for p in para)
                starts = list(accumulate((len(p.text) + 1 for p in para[:-1]), initial=0))
            else:
                text, starts = _join_lines([p.text for p in para], ocr)
            out.append(Block("paragraph", text, para[0].lineno, bold=all(p.bold for p in para),
                             italic=all(p.italic for p in para), rows=tuple(p.cells for p in para) if rows else (),
                             end=para[-1].lineno,
                             offsets=tuple(zip(starts, [p.lineno for p in para], strict=True)) if starts else ()))
            para.clear()

    for k, ln in enumerate(group):
        alone = len(group) == 1
        if ln.cells or (para and para[-1].cells):
            if para and bool(para[-1].cells) != bool(ln.cells):
                flush()
            if ln.cells:
                para.append(ln)
                continue
        if _heading_of(ln, alone, blank_structure):
            flush()
            out.append(Block("heading", ln.text, ln.lineno, level=ln.heading, bold=ln.bold, italic=ln.italic,
                             offsets=((0, ln.lineno),)))
            continue
        on_top = markdown and k == 0 and len(group) > 1 and ln.bold and not group[1].bold
        if on_top and NUMBERED_HEADING.match(ln.text) and _heading_of(ln, True, blank_structure):
            # "**2. Verbeter ...**" on top of its paragraph, with no blank line between
            out.append(Block("heading", ln.text, ln.lineno, bold=True, offsets=((0, ln.lineno),)))
            continue
        if not markdown and blank_structure and _inline_heading(group, k, width):
            flush()
            out.append(Block("heading", ln.text, ln.lineno, offsets=((0, ln.lineno),)))
            continue
        if para and _starts_paragraph(para[-1].text, ln.text, markdown, blank_structure, width):
            flush()
        para.append(ln)
    flush()
    return out


def _inline_heading(group: list[Line], k: int, width: int) -> bool:
    """A short title line on top of a paragraph, with no blank line between (pdftotext output)."""
    t = group[k].text
    if k + 1 >= len(group) or len(t) >= 0.6 * max(width, 60) or len(t.split()) > 10:
        return False
    if not t[:1].isupper() or t.endswith((".", ",", ";", ":", "-")) or TERMINAL.search(t):
        return False
    if k > 0 and not TERMINAL.search(group[k - 1].text):
        return False
    nxt = group[k + 1].text
    return nxt[:1].isupper() and len(nxt) > len(t)


def _starts_paragraph(prev: str, line: str, markdown: bool, blank_structure: bool, width: int) -> bool:
    """Whether `line` opens a new paragraph inside a run of lines without blank lines."""
    if LIST_ITEM.match(line):
        return True
    if markdown:
        return False
    if len(prev) >= 200:
        return True  # one line per paragraph (OCR or web text)
    ends = bool(TERMINAL.search(prev))
    if not ends:
        return False
    short = width > 40 and len(prev) < 0.8 * width
    return short or (not blank_structure and line[:1].isupper() and len(prev) < 0.9 * max(width, 1))


def _join_lines(texts: list[str], ocr: bool) -> tuple[str, list[int]]:
    """The lines as one paragraph, and the offset where each line begins in it (none where OCR hyphens
    inside the lines were repaired afterwards)."""
    if len(texts) == 1:
        text, starts = texts[0], [0]  # most paragraphs of markdown and Word text: nothing to join
    else:
        out = Joiner(texts[0])
        starts = [0]
        for t in texts[1:]:
            starts.append(out.add(t, newline=bool(LIST_ITEM.match(t))))
        text = out.text()
    if ocr:
        repaired = repair_inner_hyphens(text)
        if repaired != text:
            return repaired, []
    return text, starts


def _rejoin(blocks: list[tuple[Block, bool]], markdown: bool) -> list[Block]:
    """Join a paragraph that a page break, furniture or a stray blank line cut in two."""
    out: list[Block] = []
    joined: Joiner | None = None  # the text of out[-1] while paragraphs are being joined to it
    joined_bold = False  # every joined part was bold
    joined_end = 0  # the last source line of the joined parts
    joined_offsets: list[tuple[int, int]] | None = None  # where the joined parts' lines begin (None: unknown)

    def settle() -> None:
        if joined is not None:
            out[-1] = Block("paragraph", joined.text(), out[-1].line, bold=joined_bold, end=joined_end,
                            offsets=tuple(joined_offsets) if joined_offsets else ())

    for blk, was_broken in blocks:
        if out and blk.kind == "paragraph" and out[-1].kind == "paragraph" and not blk.quote:
            end = joined.tail if joined is not None else out[-1].text[-TAIL:]
            cont = blk.text[:1].islower() or (was_broken and not LIST_ITEM.match(blk.text))
            if not TERMINAL.search(end) and cont and not end.endswith(":"):
                if joined is None:
                    joined, joined_bold = Joiner(out[-1].text), out[-1].bold
                    joined_offsets = list(out[-1].offsets) or None
                joined_bold = joined_bold and blk.bold
                joined_end = blk.last
                at = joined.add(blk.text)
                if joined_offsets is not None and blk.offsets:
                    joined_offsets += [(at + k, no) for k, no in blk.offsets]
                else:
                    joined_offsets = None
                continue
        settle()
        joined = None
        out.append(blk)
    settle()
    return out
