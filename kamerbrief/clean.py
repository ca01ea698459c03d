"""Clean: the source text as `Line`s, without markup, with page breaks and headings marked.

Markdown written by PDF converters carries emphasis, headings, hard breaks ("two spaces") and
block quotes; plain text from pdftotext carries form feeds between pages. Both come out as the
same list of lines, each keeping its 1-based source line number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from .lexicon import LABELS, OTHER_LABELS
from .model import Line, Source
from .readers import MARKUP_FORMATS

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

# Every pattern here runs on one line, which can be megabytes long: no pattern may read a stretch of it
# more than a bounded number of times. Runs that two parts of a pattern could share are taken whole by
# one (possessive `*+`); patterns tried at every opener ("[", "![", "*") consume what a later opener would
# read again and fail on, and give it back unchanged (`_sub_whole`).
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")  # the closing "#"s come off in heading()
THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:-\s*+){3,}|(?:\*\s*+){3,}|(?:_\s*+){3,})$")
COMMENT = re.compile(r"^\s*<!--(.*)-->\s*$")
PAGE_WORD = re.compile(r"page|pagina", re.IGNORECASE)
FENCED_DIV = re.compile(r"^\s*+:{3,}+(?:\s*+\{[^}]*+\}|\s*+[\w-]++)?+\s*+(?::{3,}+)?+\s*+$")
ATTRIBUTES = re.compile(r"\{[#.][^}]*\}")
TABLE_RULE = re.compile(r"^\s*+\|?+\s*+:?+-{3,}+:?+\s*+(?:\|\s*+:?+-{3,}+:?+\s*+)*+\|?+\s*+$")
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
FOOTNOTE_DEF = re.compile(r"^\s*\[\^([^\]\s]+)\]:\s*(.*)$")
# each pattern below has a group "whole": without it, the match is an opener that never closes, consumed
# so that the openers inside it (which would fail the same way) are not tried again
FOOTNOTE_REF = re.compile(r"\[\^(?:[^\]\s]++(?P<whole>\])?)?")
IMAGE = re.compile(r"!\[[^\]]*+(?:\](?:\([^)]*+(?P<whole>\))?)?)?")
LINK = re.compile(r"\[(?P<text>[^\]]*+)(?P<whole>\]\((?:[^()\s]|\([^)]{0,500}\))*+(?:\s+\"[^\"]*\")?\))?")
MARKUP_CHARS = re.compile(r"[*_\[`<\\!{]")
SPAN = re.compile(r"\[(?P<text>[^\]]*+)(?:\](?:\{[^}]*+(?P<whole>\})?)?)?")
AUTOLINK = re.compile(r"<(?:(?P<text>(?:https?://|www\.)[^>\s]++)(?P<whole>>)?)?")
STRONG = re.compile(r"\*\*|__")
# an opener with no closer after it: the rest of the line is consumed (no later opener has one either)
EMPH_STAR = re.compile(r"(?<![\w*])\*(?=\S)(?:(?P<text>.+?)(?<=\S)(?P<whole>\*)(?![\w*])|.*)")
EMPH_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(?:(?P<text>.+?)(?<=\S)(?P<whole>_)(?![\w_])|.*)")
CODE = re.compile(r"`([^`]*)`")
HTML_TAG = re.compile(r"</?(?:(?:br|span|div|p|b|i|em|strong|u|sup|sub)\b[^>]*+(?P<whole>>)?)?", re.IGNORECASE)
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~\"'])")
QUOTE = re.compile(r"^\s{0,3}>\s?")
SPACES = re.compile(r"[ \u3000]{2,}")


# Formats whose text is markdown: written so, or converted to it by pandoc (the reader registry says which).
MARKDOWN_FORMATS = MARKUP_FORMATS


@dataclass(frozen=True)
class Cleaned:
    """The letter's lines, and footnotes that the markup already marked as such."""

    lines: tuple[Line, ...]
    footnotes: tuple[tuple[str, str], ...] = ()
    markdown: bool = False


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
    if text.endswith(SOFT_HYPHEN_ENDS):
        # a soft hyphen that ends a line is where a word was broken: a hyphen, which the body rejoins
        text = text.rstrip(" \t\u00ad") + "-"
    text = unicodedata.normalize("NFC", text.translate(INVISIBLE)).translate(LIGATURES).translate(OTHER_SEPARATORS)
    return SPACES.sub(" ", text).strip()


def _sub_whole(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """pattern.sub where only matches with the group "whole" are replaced ("\\g<text>" or "")."""
    return pattern.sub(lambda m: (m.group("text") if repl else "") if m.group("whole") else m.group(0), text)


def strip_inline(text: str) -> str:
    """Inline markdown removed: emphasis, links, code, escapes, tags."""
    if not MARKUP_CHARS.search(text):
        return text
    text = _sub_whole(IMAGE, "", text)
    text = _sub_whole(SPAN, "text", text)
    text = _sub_whole(LINK, "text", text)
    text = _sub_whole(AUTOLINK, "text", text)
    text = _sub_whole(FOOTNOTE_REF, "", text)
    text = CODE.sub(r"\1", text)
    text = _sub_whole(HTML_TAG, "", text)
    text = STRONG.sub("", text)
    for _ in range(2):
        text = _sub_whole(EMPH_STAR, "text", text)
        text = _sub_whole(EMPH_UNDERSCORE, "text", text)
    return ESCAPE.sub(r"\1", text)


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


def clean(source: Source) -> Cleaned:
    """The Source's text as Lines; markdown markup removed when the source is markdown.

    For what pandoc read (DOCX, ODT ...) a line's number is its paragraph's number in the document,
    and notes the reader read itself (Word footnotes and endnotes, numbered as Word prints them)
    replace pandoc's single series.
    """
    if source.format not in MARKDOWN_FORMATS:
        return clean_text(source.text, source.bold_lines, source.italic_lines)
    cleaned = clean_markdown(source.text)
    if source.format == "markdown":
        return cleaned
    paragraph: dict[int, int] = {}
    count = 0
    for no, raw in enumerate(source.text.splitlines(), start=1):
        count += bool(raw.strip())
        paragraph[no] = max(count, 1)
    lines = tuple(replace(ln, lineno=paragraph.get(ln.lineno, ln.lineno)) for ln in cleaned.lines)
    return Cleaned(lines, source.notes or cleaned.footnotes, markdown=True)


def clean_text(text: str, bold_lines: frozenset[int] = frozenset(),
               italic_lines: frozenset[int] = frozenset()) -> Cleaned:
    lines: list[Line] = []
    brk = False
    for no, raw in enumerate(source_lines(text), start=1):
        parts = raw.split("\f")
        for k, part in enumerate(parts):
            if k > 0:
                brk = True
            t = normalise(part)
            if t or k == len(parts) - 1:
                lines.append(Line(t, no, bold=no in bold_lines and bool(t), page_break=brk and bool(t),
                                  italic=no in italic_lines and bool(t)))
                if t:
                    brk = False
    return Cleaned(tuple(lines))


def clean_markdown(text: str) -> Cleaned:
    lines: list[Line] = []
    notes: list[tuple[str, str]] = []
    in_bold = False
    in_italic = False
    brk = False
    in_fence = False
    in_note = False
    for no, raw in enumerate(source_lines(text), start=1):
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if "\f" in raw:
            brk = True
            raw = raw.replace("\f", "")
        comment = COMMENT.match(raw)
        if THEMATIC_BREAK.match(raw) or (comment and PAGE_WORD.search(comment.group(1))):
            brk = True
            lines.append(Line("", no))
            continue
        if TABLE_RULE.match(raw) and lines and lines[-1].cells:
            continue  # the rule under a table's header row: header and rows stay one table
        if comment or TABLE_RULE.match(raw) or FENCED_DIV.match(raw):
            lines.append(Line("", no))
            continue
        row = TABLE_ROW.match(raw)
        cells: tuple[str, ...] = ()
        if row:
            found = [c.strip() for c in re.split(r"(?<!\\)\|", row.group(1))]
            filled = [c for c in found if c]
            in_table = bool(filled) and bool(lines) and len(lines[-1].cells) == len(found)  # a row with empty cells
            if not in_table and (len(filled) <= 1 or _is_label(filled[0])):
                # a converter's layout table ("| Datum | 2 juli 2018 |"): the cells as one line
                raw = " ".join(filled)
            else:
                # a table of data keeps its cells; the line reads them with " | " between
                cells = tuple(normalise(strip_inline(c)) for c in found)
                raw = " | ".join(found)
        fn = FOOTNOTE_DEF.match(raw)
        if fn:
            notes.append((fn.group(1), normalise(strip_inline(fn.group(2)))))
            in_note = True
            continue
        if in_note and (raw.startswith(("    ", "\t")) or not raw.strip()):
            # a footnote's further paragraphs are indented under it
            if raw.strip():
                nummer, tekst = notes[-1]
                notes[-1] = (nummer, normalise(f"{tekst} {strip_inline(raw.strip())}"))
            lines.append(Line("", no))
            continue
        in_note = False
        body = QUOTE.sub("", raw)
        if body.endswith("\\") and not body.endswith("\\\\"):
            body = body[:-1]  # pandoc's hard line break
        level = 0
        h = heading(body)
        if h and not in_fence:
            level, body = h
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
        lines.append(Line(t, no, heading=level, bold=bold, page_break=brk and bool(t), cells=cells, italic=italic))
        if t:
            brk = False
    return Cleaned(tuple(lines), tuple(notes), markdown=True)


def _opens_emphasis(s: str) -> bool:
    """A line that opens with one "*" or "_" (italics), not with "**" or "__"."""
    return len(s) > 1 and s[0] in "*_" and s[1] != s[0] and not s[1].isspace()


def _closes_emphasis(s: str) -> bool:
    """A line that ends in one "*" or "_" (or one after a closing quote or full stop)."""
    return len(s) > 1 and s[-1] in "*_" and s[-2] != s[-1] and not s[-2].isspace()


_LABEL_WORDS = frozenset(label.casefold() for labels in (*LABELS.values(), OTHER_LABELS) for label in labels)


def _is_label(cell: str) -> bool:
    """Whether a table cell is a colophon label ("Datum", "Ons kenmerk"): the table is the letterhead's layout."""
    return normalise(strip_inline(cell)).rstrip(":").casefold() in _LABEL_WORDS
