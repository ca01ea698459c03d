"""Markup: a letter's text as `Line`s, without markup, with page breaks, headings and roles marked.

Markdown written by PDF converters carries emphasis, headings, hard breaks ("two spaces") and
block quotes; plain text from pdftotext carries form feeds between pages. Both come out as the
same list of lines, each keeping its 1-based source line number. The text and pandoc readers build
their `Document` here (`text_document`); the PDF reader numbers its text's lines with `text_lines`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import replace
from itertools import pairwise

from ..lexicon import CONNECTIVES, LABELS, OTHER_LABELS, RUN_IN_ABBREVIATIONS, RUN_IN_NOT, SALUTATION, LazyPattern
from ..model import Document, Line, Problem

LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
    "\ufb06": "st", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200b": "",
    "\u00ad": "", "\t": " ", "\u2010": "-", "\u2011": "-",
})
# Characters that print as nothing but split a value ("BZK-20<ZWJ>31/4471"): zero-width joiners and
# non-joiners, the word joiner, a byte order mark inside the file, bidi marks, embeddings and isolates.
INVISIBLE = str.maketrans(dict.fromkeys(
    "\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", ""))
SOFT_HYPHEN_ENDS = ("\u00ad", "\u00ad ", "\u00ad\t")
# Separators that str.splitlines takes as line ends but a text editor does not: a space within the line.
OTHER_SEPARATORS = str.maketrans(dict.fromkeys("\v\x1c\x1d\x1e\x85\u2028\u2029", " "))
# What `normalise` replaces after NFC, in one table: the two have no key in common and neither puts out a
# key of the other, so one pass is the two in turn. INVISIBLE goes before NFC (so that what it splits
# composes again) and stays apart.
AFTER_NFC = {**LIGATURES, **OTHER_SEPARATORS}
# ... and what of it an ASCII line can hold: tab, vertical tab and the information separators, each a space.
ASCII_SPACES = str.maketrans({k: v for k, v in AFTER_NFC.items() if k < 0x80})
# Whether a table has anything to do on a line: a search in C, where `translate` of a non-ASCII line looks up
# every character in the table (most lines hold none of these characters).
INVISIBLE_CHARS = LazyPattern("[" + "".join(map(chr, INVISIBLE)) + "]")
AFTER_NFC_CHARS = LazyPattern("[" + re.escape("".join(map(chr, AFTER_NFC))) + "]")
ASCII_SPACE_CHARS = re.compile("[" + re.escape("".join(map(chr, ASCII_SPACES))) + "]")

# Every pattern here runs on one line, which can be megabytes long: no pattern may read a stretch of it
# more than a bounded number of times. Runs that two parts of a pattern could share are taken whole by
# one (possessive `*+`); patterns tried at every opener ("[", "![", "*") consume what a later opener would
# read again and fail on, and give it back unchanged (`_sub_whole`).
HEADING = LazyPattern(r"^\s{0,3}(#{1,6})\s+(.*)$")  # the closing "#"s come off in heading()
THEMATIC_BREAK = LazyPattern(r"^\s{0,3}(?:(?:-\s*+){3,}|(?:\*\s*+){3,}|(?:_\s*+){3,})$")
COMMENT = LazyPattern(r"^\s*<!--(.*)-->\s*$")
PAGE_WORD = LazyPattern(r"page|pagina", re.IGNORECASE)
FENCED_DIV = LazyPattern(r"^\s*+:{3,}+(?:\s*+\{[^}]*+\}|\s*+[\w-]++)?+\s*+(?::{3,}+)?+\s*+$")
ATTRIBUTES = LazyPattern(r"\{[#.][^}]*\}")
TABLE_RULE = LazyPattern(r"^\s*+\|?+\s*+:?+-{3,}+:?+\s*+(?:\|\s*+:?+-{3,}+:?+\s*+)*+\|?+\s*+$")
TABLE_ROW = LazyPattern(r"^\s*\|(.*)\|\s*$")
FOOTNOTE_DEF = LazyPattern(r"^\s*\[\^([^\]\s]+)\]:\s*(.*)$")
# a pipe table's delimiter row of two or more cells, with or without outer pipes ("---|:--:", "| - | - |")
DELIMITER_ROW = LazyPattern(r"^\s*+\|?+\s*+:?+-++:?+\s*+(?:\|\s*+:?+-++:?+\s*+)++\|?+\s*+$")
UNESCAPED_PIPE = LazyPattern(r"(?<!\\)\|")
# pandoc's grid table: a border "+----+:---:+" (a header's "+====+"; "+    +----+" under a cell that spans
# rows) and rows "| a  | b  |", a row over one or more lines
GRID_TOP = LazyPattern(r"^ {0,3}\+(?:[-:]++\+)++\s*+$")
GRID_BORDER = LazyPattern(r"^ {0,3}\+(?:[-=: ]++\+)++\s*+$")
GRID_ROW = LazyPattern(r"^ {0,3}\|.*\|\s*$")
GRID_MAX_COLUMNS = 64  # a border of more cells is no letter's table (and each row line would cost as much)
# each pattern below has a group "whole": without it, the match is an opener that never closes, consumed
# so that the openers inside it (which would fail the same way) are not tried again
FOOTNOTE_REF = LazyPattern(r"\[\^(?:[^\]\s]++(?P<whole>\])?)?")
IMAGE = LazyPattern(r"!\[[^\]]*+(?:\](?:\([^)]*+(?P<whole>\))?)?)?")
LINK = LazyPattern(r"\[(?P<text>[^\]]*+)(?P<whole>\]\((?:[^()\s]|\([^)]{0,500}\))*+(?:\s+\"[^\"]*\")?\))?")
MARKUP_CHARS = LazyPattern(r"[*_\[`<\\!{]")
SPAN = LazyPattern(r"\[(?P<text>[^\]]*+)(?:\](?:\{[^}]*+(?P<whole>\})?)?)?")
AUTOLINK = LazyPattern(r"<(?:(?P<text>(?:https?://|www\.)[^>\s]++)(?P<whole>>)?)?")
STRONG = LazyPattern(r"\*\*|__")
# an opener with no closer after it: the rest of the line is consumed (no later opener has one either)
EMPH_STAR = LazyPattern(r"(?<![\w*])\*(?=\S)(?:(?P<text>.+?)(?<=\S)(?P<whole>\*)(?![\w*])|.*)")
EMPH_UNDERSCORE = LazyPattern(r"(?<![\w_])_(?=\S)(?:(?P<text>.+?)(?<=\S)(?P<whole>_)(?![\w_])|.*)")
CODE = LazyPattern(r"`([^`]*)`")
HTML_TAG = LazyPattern(r"</?(?:(?:br|span|div|p|b|i|em|strong|u|sup|sub)\b[^>]*+(?P<whole>>)?)?", re.IGNORECASE)
ESCAPE = LazyPattern(r"\\([\\`*_{}\[\]()#+\-.!>|~\"'])")
QUOTE = LazyPattern(r"^\s{0,3}>\s?")
SPACES = LazyPattern(r"[ \u3000]{2,}")
# A list item's marker: a bullet or dash, or a number or letter with "." or ")" (markdown); the indent gives
# the level. Plain text takes bullets and dashes only: "1. Inleiding" there is as often a heading.
MD_ITEM = LazyPattern(r"^(\s*)([-*+•]|\d{1,3}[.)]|[a-z][.)])\s+\S")
TEXT_ITEM = re.compile(r"^(\s*)([•\u25aa\u25cf\u25e6\u2023\u2043\u00b7–-])\s+\S")


# "**Kosten.** De kosten ...": a bold phrase (up to 100 characters) opening a markdown line, text after it
RUN_IN = LazyPattern(r"^\s{0,3}(\*\*|__)(?=\S)(?P<lead>[^*_]{1,100}?)(?<=\S)\1(?P<rest>\s+\S.*)$")
RUN_IN_PUNCT = " .:\u2013\u2014-"  # the full stop, colon or dash that sets a run-in heading off from its text


def run_in_heading(lead: str, rest: str) -> str | None:
    """The heading that a bold phrase opening a paragraph stands for, when it is one; None else.

        **Kosten.** De kosten van het programma ...      -> "Kosten"
        **Uitvoering** Het kabinet voert ...            -> "Uitvoering"
        **Niet** alle gemeenten ...                     -> None (the text goes on in lower case)
        **Het kabinet neemt dit over.** Daarom ...      -> None (a sentence in bold, in the sender's voice)

    A run-in heading is a short phrase (one to eight words, capitalised, no sentence inside it, not ending
    on a connective) whose paragraph text starts a sentence after it; labels other rules read on their line
    ("Vraag 1", "Reactie kabinet:", "Aanbeveling 2", "Datum") and numbered phrases are left as they are.
    """
    head = normalise(lead).rstrip(RUN_IN_PUNCT).strip()
    after = rest.lstrip()
    words = head.split()
    if not words or not 1 <= len(words) <= 8 or len(head) > 80 or not head[:1].isupper():
        return None
    if not after[:1].isupper() and after[:1] not in "\"“‘'(":
        return None
    if any(ch in head for ch in ".;!?") or any(ch.isdigit() for ch in head) or RUN_IN_NOT.search(head):
        return None
    last = words[-1].casefold()
    if last in CONNECTIVES or (len(words) == 1 and (len(head) < 3 or last in RUN_IN_ABBREVIATIONS)):
        return None
    return None if is_colophon_label(head) else head


def source_lines(text: str) -> list[str]:
    """The text's lines as an editor numbers them: split at \\n, \\r\\n and \\r only, so that a form
    feed stays inside its line (a page break) and line numbers match the file."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def normalise(text: str) -> str:
    """NFC, ligatures, invisible characters and odd spaces replaced, runs of spaces folded."""
    if text.isascii():  # most lines: nothing for NFC, INVISIBLE or the ligatures to do
        if ASCII_SPACE_CHARS.search(text):
            text = text.translate(ASCII_SPACES)
    else:
        if text.endswith(SOFT_HYPHEN_ENDS):
            # a soft hyphen that ends a line is where a word was broken: a hyphen, which the body rejoins
            text = text.rstrip(" \t\u00ad") + "-"
        if INVISIBLE_CHARS.search(text):
            text = text.translate(INVISIBLE)
        text = unicodedata.normalize("NFC", text)
        if AFTER_NFC_CHARS.search(text):
            text = text.translate(AFTER_NFC)
    return SPACES.sub(" ", text).strip() if "  " in text or "\u3000" in text else text.strip()


def _sub_whole(pattern: LazyPattern, repl: str, text: str) -> str:
    """pattern.sub where only matches with the group "whole" are replaced ("\\g<text>" or "")."""
    return pattern.sub(lambda m: (m.group("text") if repl else "") if m.group("whole") else m.group(0), text)


def strip_inline(text: str) -> str:
    """Inline markdown removed: emphasis, links, code, escapes, tags."""
    if not MARKUP_CHARS.search(text):
        return text
    # each pattern runs only where the text (as the steps before left it) holds the sign it opens with:
    # where the sign is missing it cannot match, so the result is the same, at a fraction of the cost
    if "![" in text:
        text = _sub_whole(IMAGE, "", text)
    if "[" in text:
        text = _sub_whole(SPAN, "text", text)
        text = _sub_whole(LINK, "text", text)
    if "<" in text:
        text = _sub_whole(AUTOLINK, "text", text)
    if "[^" in text:
        text = _sub_whole(FOOTNOTE_REF, "", text)
    if "`" in text:
        text = CODE.sub(r"\1", text)
    if "<" in text:
        text = _sub_whole(HTML_TAG, "", text)
    if "**" in text or "__" in text:
        text = STRONG.sub("", text)
    for _ in range(2):
        if "*" in text:
            text = _sub_whole(EMPH_STAR, "text", text)
        if "_" in text:
            text = _sub_whole(EMPH_UNDERSCORE, "text", text)
    return ESCAPE.sub(r"\1", text) if "\\" in text else text


def heading(body: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line: "## Titel ##" -> (2, "Titel"); its {#id .class} removed."""
    h = HEADING.match(body)
    if not h:
        return None
    # the closing sequence: blanks, "#"s, blanks (stripped from the right, each once)
    text = h.group(2).rstrip().rstrip("#").rstrip()
    return len(h.group(1)), _strip_attributes(text)


def _strip_attributes(text: str) -> str:
    """Text without a trailing pandoc attribute block "{#id .class}" and the blanks before it."""
    end = text.rstrip()
    if not end.endswith("}"):
        return text
    inner_from = end.rfind("}", 0, len(end) - 1) + 1  # the block holds no "}"
    m = ATTRIBUTES.search(end, inner_from)
    if not m or m.end() != len(end):
        return text
    return text[:len(text[:m.start()].rstrip())]


def text_document(path: str, fmt: str, text: str, digest: str, *, markdown: bool, pages: int | None = None,
                  problems: tuple[Problem, ...] = (), properties: Mapping[str, str] | None = None,
                  header: str = "", notes: tuple[tuple[str, str], ...] = ()) -> Document:
    """The Document of a text: its lines, markdown markup removed when it is markdown.

    For what pandoc read (DOCX, ODT ...; `fmt` not "markdown") a line's number is its paragraph's number
    in the document; the lines of `header` (Word header parts, in front of the body in `text`) are
    letterhead lines, and `notes` (Word footnotes and endnotes, numbered as Word prints them) become
    footnote lines in place of pandoc's single series, each on the paragraphs where pandoc wrote the same
    note ("[^3]: ..."), or on no source line (0) where none holds its text.
    """
    if not markdown:
        lines = text_run_ins(text_lines(text))
    else:
        lines = markdown_lines(text)
        if fmt != "markdown":
            lines = _paragraph_lines(text, lines, header, notes)
    return Document(path=path, format=fmt, sha256=digest, lines=lines, text=text, pages=pages,
                    properties=dict(properties or {}), problems=problems, markdown=markdown)


def _paragraph_lines(text: str, lines: tuple[Line, ...], header: str,
                     notes: tuple[tuple[str, str], ...]) -> tuple[Line, ...]:
    """Lines numbered by paragraph; the header's lines letterhead; Word's notes in place of pandoc's."""
    paragraph: dict[int, int] = {}
    count = 0
    for no, raw in enumerate(text.splitlines(), start=1):
        count += bool(raw.strip())
        paragraph[no] = max(count, 1)
    in_header = len(source_lines(header)) if header else 0
    numbered = source_lines(text)  # as markdown_lines numbers them
    written: dict[str, list[tuple[int, int]]] = {}  # pandoc's notes by their text: (first, last paragraph)
    out = []
    for ln in lines:
        if ln.role == "footnote" and notes:
            # pandoc's own series of the notes: Word's numbering below replaces it, on the same paragraphs
            last = _note_end(numbered, ln.lineno)
            written.setdefault(_folded(ln.text), []).append((paragraph.get(ln.lineno, ln.lineno),
                                                            paragraph.get(last, last)))
            continue
        role = "letterhead" if ln.lineno <= in_header and ln.role == "body" else ln.role
        out.append(replace(ln, lineno=paragraph.get(ln.lineno, ln.lineno), role=role))
    for n, t in notes:
        text = normalise(t)
        spans = written.get(_folded(text))
        first, last = spans.pop(0) if spans else (0, 0)
        out.append(Line(text, first, role="footnote", note=n))
        if last > first:  # the note's further paragraphs, so that Document.notes() knows where it ends
            out.append(Line("", last, role="footnote"))
    return tuple(out)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _note_end(lines: list[str], no: int) -> int:
    """The last source line of the footnote definition on line `no`: its further paragraphs are indented
    (as markdown_lines reads them)."""
    last = no
    for k in range(no, len(lines)):  # lines[k] is line k + 1
        if lines[k].startswith(("    ", "\t")) and lines[k].strip():
            last = k + 1
        elif lines[k].strip():
            break
    return last


def text_lines(text: str, row: Callable[[int, str, bool], Line] | None = None) -> tuple[Line, ...]:
    """The lines of plain text (as pdftotext writes it: form feeds between pages), numbered as an
    editor numbers them; `row`, given the line number, its text and whether a page ends before it, makes
    the line where the reader knows more of it (the PDF reader)."""
    lines: list[Line] = []
    brk = False
    paged = "\f" in text
    page = 1
    for no, raw in enumerate(source_lines(text), start=1):
        parts = raw.split("\f")
        for k, part in enumerate(parts):
            if k > 0:
                brk = True
            t = normalise(part)
            if t or k == len(parts) - 1:
                page_break = brk and bool(t)
                page += page_break
                if row is not None:
                    lines.append(row(no, t, page_break))
                    if t:
                        brk = False
                    continue
                ln = Line(t, no, page_break=page_break, page=page if paged else None)
                if t and (item := TEXT_ITEM.match(part)):
                    ln = replace(ln, role="list_item", marker=item.group(2), level=1 + len(item.group(1)) // 2)
                lines.append(ln)
                if t:
                    brk = False
    return tuple(lines)


# "Kosten. De kosten van ...": one to four words and a full stop opening a paragraph of plain text
TEXT_RUN_IN = LazyPattern(r"^(?P<lead>[A-ZÀ-Ý][\w'’-]*+(?: [\w'’-]++){0,3}\.) (?P<rest>\S.*)$")


def text_run_ins(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Plain text's run-in headings, where the bold that marked them is lost ("Kosten. De kosten ..."): a
    paragraph after the salutation that opens with a short phrase and a full stop that `run_in_heading`
    takes for a heading. Only where two or more paragraphs open so: one such opening is as often a short
    sentence. Each becomes a line of its own (on its source line) over the paragraph, as in markdown."""
    start = next((k for k, ln in enumerate(lines) if SALUTATION.match(ln.text)), None)
    if start is None:
        return lines
    found: list[tuple[int, str, str]] = []
    for k in range(start + 1, len(lines)):
        ln = lines[k]
        if ln.role != "body" or not ln.text or lines[k - 1].text or len(ln.text) < 30:
            continue
        m = TEXT_RUN_IN.match(ln.text)
        head = run_in_heading(m.group("lead"), m.group("rest")) if m else None
        if m and head:
            found.append((k, head, m.group("rest")))
    if len(found) < 2:
        return lines
    out = list(lines)
    for k, head, rest in reversed(found):
        ln = lines[k]
        out[k:k + 1] = [replace(ln, text=head), Line("", ln.lineno, page=ln.page),
                        replace(ln, text=rest, page_break=False)]
    return tuple(out)


def _cell_count(row: str) -> int:
    """The cells of a pipe-table row, outer pipes or not: "a | b" and "| a | b |" have two."""
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return len(UNESCAPED_PIPE.split(row))


def pipe_tables(src: list[str]) -> tuple[frozenset[int], frozenset[int]]:
    """(rows, delimiter rows) of the pipe tables in the source lines, as 0-based indexes: a table is a row
    with a "|" and a delimiter row of as many cells under it ("a | b" / "--- | :---:"), as GFM and pandoc
    read it, with or without outer pipes; its further rows run to the first line without a "|" (a blank
    line, a paragraph). Prose with a "|" and no delimiter row under it is never a table."""
    rows: set[int] = set()
    rules: set[int] = set()
    k = 1
    while k < len(src):
        rule = src[k]
        if ("|" in rule and "-" in rule and DELIMITER_ROW.match(rule) and UNESCAPED_PIPE.search(src[k - 1])
                and (k - 1) not in rows and _cell_count(src[k - 1]) == _cell_count(rule)):
            rows.add(k - 1)
            rules.add(k)
            k += 1
            while k < len(src) and src[k].strip() and UNESCAPED_PIPE.search(src[k]):
                rows.add(k)
                k += 1
            continue
        k += 1
    return frozenset(rows), frozenset(rules)


def _outer_pipes(row: str) -> str:
    """A pipe-table row with its outer pipes, as TABLE_ROW reads it: "a | b" -> "|a | b|"."""
    row = row.strip()
    if not row.startswith("|"):
        row = "|" + row
    if not row.endswith("|") or row.endswith("\\|") or len(row) == 1:
        row += "|"
    return row


def grid_tables(src: list[str]) -> dict[int, tuple[str, ...] | None]:
    """The grid tables in the source lines (pandoc writes them for cells that hold paragraphs or lists),
    by 0-based index: at a row's first line its cells, each cell's lines joined (a cell's paragraphs and
    list items on one line, as the DOCX reader joins them); at the table's first and last border () (a
    blank line); at its other lines None (nothing: the rows stand together as one table).

    The columns are where the top border has its "+"; a row whose line has no "|" at a column's edge has
    a cell that spans it, whose text goes to the first of the columns it spans (the others stay empty).
    A line whose pipes do not stand at the border's columns (wide characters) is split at its pipes when
    it has one per edge."""
    out: dict[int, tuple[str, ...] | None] = {}
    k = 0
    while k < len(src) - 1:
        top = src[k]
        if not (top.lstrip().startswith("+") and GRID_TOP.match(top) and GRID_ROW.match(src[k + 1])):
            k += 1
            continue
        if top.count("+") > GRID_MAX_COLUMNS + 1:
            k += 1
            continue
        edges = [i for i, ch in enumerate(top.rstrip()) if ch == "+"]
        out[k] = ()
        parts: list[list[str]] = []
        first = -1
        j = k + 1
        while j < len(src):
            line = src[j]
            if GRID_BORDER.match(line) and ("-" in line or "=" in line):
                if parts:
                    out[first] = tuple(normalise(strip_inline(" ".join(p))) for p in parts)
                    parts, first = [], -1
                ends = j + 1 >= len(src) or not GRID_ROW.match(src[j + 1])
                out[j] = () if ends else None
                j += 1
                if ends:
                    break
            elif GRID_ROW.match(line):
                if first < 0:
                    first, parts = j, [[] for _ in edges[1:]]
                else:
                    out[j] = None
                for c, text in enumerate(_grid_cells(line, edges)):
                    if text:
                        parts[c].append(text)
                j += 1
            else:
                break
        if parts:  # a table cut off without its last border
            out[first] = tuple(normalise(strip_inline(" ".join(p))) for p in parts)
        k = j
    return out


def _grid_cells(line: str, edges: list[int]) -> list[str]:
    """One line of a grid table's row, cut at the column edges: the text of each column, stripped."""
    cells = [""] * (len(edges) - 1)
    line = line.rstrip()
    if len(line) != edges[-1] + 1 or any(line[e] != "|" for e in (edges[0], edges[-1])):
        found = UNESCAPED_PIPE.split(line.strip()[1:-1])
        if len(found) == len(cells):
            return [c.strip() for c in found]
    # the edges this line has a "|" at: a cell runs from one to the next, spanning the columns between
    last = len(edges) - 1
    cuts = [c for c in range(len(edges)) if c in (0, last) or (edges[c] < len(line) and line[edges[c]] == "|")]
    for a, b in pairwise(cuts):
        cells[a] = line[edges[a] + 1:edges[b]].strip()
    return cells


def markdown_lines(text: str) -> tuple[Line, ...]:
    """The lines of markdown, markup removed: headings, emphasis (bold, italic), table cells, list items,
    and each footnote definition ("[^1]: ...") as a footnote line with its number."""
    lines: list[Line] = []
    notes: list[int] = []  # where in `lines` each footnote stands
    in_bold = False
    in_italic = False
    brk = False
    in_fence = False
    in_note = False
    # the lazily compiled patterns, compiled once here and bound: this loop runs them on every line
    comment_at, thematic_break, table_rule, fenced_div, table_row, footnote_def, unquote = (
        COMMENT.compiled.match, THEMATIC_BREAK.compiled.match, TABLE_RULE.compiled.match, FENCED_DIV.compiled.match,
        TABLE_ROW.compiled.match, FOOTNOTE_DEF.compiled.match, QUOTE.compiled.sub)
    src = source_lines(text)
    table_rows, table_rules = pipe_tables(src) if "|" in text and "-" in text else (frozenset(), frozenset())
    grids = grid_tables(src) if "+" in text and "|" in text else {}
    for no, raw in enumerate(src, start=1):
        if no - 1 in grids:
            got = grids[no - 1]
            if got is None:
                continue  # a border between rows, or a row's further line
            filled = [c for c in got if c]
            if not got or not filled:
                lines.append(Line("", no))
                continue
            in_table = bool(lines) and len(lines[-1].cells) == len(got)
            if not in_table and (len(filled) <= 1 or is_colophon_label(filled[0])):
                t = normalise(" ".join(filled))  # a layout table, or a box around text: its text as a line
                lines.append(Line(t, no, page_break=brk))
            else:
                lines.append(Line(" | ".join(got), no, page_break=brk, cells=got, role="table_cell"))
            brk = False
            continue
        if no - 1 in table_rules:
            if lines and lines[-1].cells:
                continue  # the delimiter row under a table's header row: header and rows stay one table
            lines.append(Line("", no))
            continue
        if no - 1 in table_rows:
            raw = _outer_pipes(raw)
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if "\f" in raw:
            brk = True
            raw = raw.replace("\f", "")
        comment = comment_at(raw)
        if thematic_break(raw) or (comment and PAGE_WORD.search(comment.group(1))):
            brk = True
            lines.append(Line("", no))
            continue
        if table_rule(raw) and lines and lines[-1].cells:
            continue  # the rule under a table's header row: header and rows stay one table
        if comment or table_rule(raw) or fenced_div(raw):
            lines.append(Line("", no))
            continue
        row = table_row(raw)
        cells: tuple[str, ...] = ()
        if row:
            found = [c.strip() for c in UNESCAPED_PIPE.split(row.group(1))]
            filled = [c for c in found if c]
            in_table = bool(filled) and bool(lines) and len(lines[-1].cells) == len(found)  # a row with empty cells
            if not in_table and (len(filled) <= 1 or is_colophon_label(filled[0])):
                # a converter's layout table ("| Datum | 2 juli 2018 |"): the cells as one line
                raw = " ".join(filled)
            else:
                # a table of data keeps its cells; the line reads them with " | " between
                cells = tuple(normalise(strip_inline(c)) for c in found)
                raw = " | ".join(found)
        fn = footnote_def(raw)
        if fn:
            notes.append(len(lines))
            lines.append(Line(normalise(strip_inline(fn.group(2))), no, role="footnote", note=fn.group(1)))
            in_note = True
            continue
        if in_note and (raw.startswith(("    ", "\t")) or not raw.strip()):
            # a footnote's further paragraphs are indented under it
            if raw.strip():
                note = lines[notes[-1]]
                lines[notes[-1]] = replace(note, text=normalise(f"{note.text} {strip_inline(raw.strip())}"))
            lines.append(Line("", no))
            continue
        in_note = False
        body = unquote("", raw)
        if body.endswith("\\") and not body.endswith("\\\\"):
            body = body[:-1]  # pandoc's hard line break
        level = 0
        h = heading(body)
        if h and not in_fence:
            level, body = h
        if (not level and not cells and not in_bold and (not lines or not lines[-1].text or lines[-1].heading)
                and (run := RUN_IN.match(body))
                and (head := run_in_heading(strip_inline(run.group("lead")), run.group("rest")))):
            # a run-in heading: a line of its own (bold, alone), then the paragraph it opened
            lines += [Line(head, no, bold=True, page_break=brk), Line("", no)]
            brk = False
            body = run.group("rest").strip()
        stripped = body.strip()
        opens_bold = in_bold or stripped.startswith(("**", "__"))
        in_bold ^= len(STRONG.findall(stripped)) % 2 == 1
        closes_bold = in_bold or stripped.endswith(("**", "__"))
        opens_italic = in_italic or _opens_emphasis(stripped)
        closes_italic = _closes_emphasis(stripped)
        in_italic = opens_italic and not closes_italic and bool(stripped)
        t = normalise(strip_inline(body))
        bold = bool(t) and opens_bold and closes_bold
        italic = bool(t) and opens_italic and (closes_italic or in_italic) and not bold
        ln = Line(t, no, heading=level, bold=bold, page_break=brk and bool(t), cells=cells, italic=italic)
        if cells:
            ln = replace(ln, role="table_cell")
        elif t and not level and (item := MD_ITEM.match(body)):
            ln = replace(ln, role="list_item", marker=item.group(2), level=1 + len(item.group(1).expandtabs(4)) // 2)
        lines.append(ln)
        if t:
            brk = False
    lines = _number_rows(lines)
    return _paged(lines) if "\f" in text else tuple(lines)


def _number_rows(lines: list[Line]) -> list[Line]:
    """Each table row its place in its table (`Line.row`, 1-based): a table is a run of table_cell lines."""
    if not any(ln.cells for ln in lines):
        return lines
    out: list[Line] = []
    row = 0
    for ln in lines:
        row = row + 1 if ln.role == "table_cell" else 0
        out.append(replace(ln, row=row) if row else ln)
    return out


def _paged(lines: list[Line]) -> tuple[Line, ...]:
    """The lines with their page: one more after each page break (a form feed, a rule or a page comment)."""
    page = 1
    out = []
    for ln in lines:
        page += ln.page_break
        out.append(replace(ln, page=page))
    return tuple(out)


def _opens_emphasis(s: str) -> bool:
    """A line that opens with one "*" or "_" (italics), not with "**" or "__"."""
    return len(s) > 1 and s[0] in "*_" and s[1] != s[0] and not s[1].isspace()


def _closes_emphasis(s: str) -> bool:
    """A line that ends in one "*" or "_" (or one after a closing quote or full stop)."""
    return len(s) > 1 and s[-1] in "*_" and s[-2] != s[-1] and not s[-2].isspace()


_LABEL_WORDS = frozenset(label.casefold() for labels in (*LABELS.values(), OTHER_LABELS) for label in labels)


def is_colophon_label(cell: str) -> bool:
    """Whether a table cell is a colophon label ("Datum", "Ons kenmerk"): the table is the letterhead's layout."""
    return normalise(strip_inline(cell)).rstrip(":").casefold() in _LABEL_WORDS
