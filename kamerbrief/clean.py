"""Clean: the source text as `Line`s, without markup, with page breaks and headings marked.

Markdown written by PDF converters carries emphasis, headings, hard breaks ("two spaces") and
block quotes; plain text from pdftotext carries form feeds between pages. Both come out as the
same list of lines, each keeping its 1-based source line number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Line, Source

LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
    "\ufb06": "st", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200b": "",
    "\u00ad": "", "\t": " ", "\u2010": "-", "\u2011": "-",
})

HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
PAGE_COMMENT = re.compile(r"^\s*<!--.*?(?:page|pagina).*?-->\s*$", re.IGNORECASE)
COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
FENCED_DIV = re.compile(r"^\s*:{3,}(?:\s*\{[^}]*\}|\s*[\w-]+)?\s*(?::{3,})?\s*$")
ATTRIBUTES = re.compile(r"\s*\{[#.][^}]*\}\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
FOOTNOTE_DEF = re.compile(r"^\s*\[\^([^\]\s]+)\]:\s*(.*)$")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
MARKUP_CHARS = re.compile(r"[*_\[`<\\!{]")
SPAN = re.compile(r"\[([^\]]*)\]\{[^}]*\}")
AUTOLINK = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
STRONG = re.compile(r"\*\*|__")
EMPH_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
EMPH_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
CODE = re.compile(r"`([^`]*)`")
HTML_TAG = re.compile(r"</?(?:br|span|div|p|b|i|em|strong|u|sup|sub)\b[^>]*>", re.IGNORECASE)
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~\"'])")
QUOTE = re.compile(r"^\s{0,3}>\s?")
SPACES = re.compile(r"[ \u3000]{2,}")


# Formats whose text is markdown: written so, or converted to it by pandoc.
MARKDOWN_FORMATS = frozenset({"markdown", "docx", "odt", "rtf", "html", "epub"})


@dataclass(frozen=True)
class Cleaned:
    """The letter's lines, and footnotes that the markup already marked as such."""

    lines: tuple[Line, ...]
    footnotes: tuple[tuple[str, str], ...] = ()
    markdown: bool = False


def normalise(text: str) -> str:
    """NFC, ligatures and odd spaces replaced, runs of spaces folded."""
    text = unicodedata.normalize("NFC", text).translate(LIGATURES)
    return SPACES.sub(" ", text).strip()


def strip_inline(text: str) -> str:
    """Inline markdown removed: emphasis, links, code, escapes, tags."""
    if not MARKUP_CHARS.search(text):
        return text
    text = IMAGE.sub("", text)
    text = SPAN.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = FOOTNOTE_REF.sub("", text)
    text = CODE.sub(r"\1", text)
    text = HTML_TAG.sub("", text)
    text = STRONG.sub("", text)
    for _ in range(2):
        text = EMPH_STAR.sub(r"\1", text)
        text = EMPH_UNDERSCORE.sub(r"\1", text)
    return ESCAPE.sub(r"\1", text)


def clean(source: Source) -> Cleaned:
    """The Source's text as Lines; markdown markup removed when the source is markdown."""
    if source.format in MARKDOWN_FORMATS:
        return clean_markdown(source.text)
    return clean_text(source.text, source.bold_lines, source.italic_lines)


def clean_text(text: str, bold_lines: frozenset[int] = frozenset(),
               italic_lines: frozenset[int] = frozenset()) -> Cleaned:
    lines: list[Line] = []
    brk = False
    for no, raw in enumerate(text.splitlines(), start=1):
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
    brk = False
    in_fence = False
    for no, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if "\f" in raw:
            brk = True
            raw = raw.replace("\f", "")
        if THEMATIC_BREAK.match(raw) or PAGE_COMMENT.match(raw):
            brk = True
            lines.append(Line("", no))
            continue
        if COMMENT.match(raw) or TABLE_RULE.match(raw) or FENCED_DIV.match(raw):
            lines.append(Line("", no))
            continue
        row = TABLE_ROW.match(raw)
        if row:
            # a converter's layout table ("| Datum | 2 juli 2018 |"): the cells as one line
            raw = " ".join(c.strip() for c in row.group(1).split("|") if c.strip())
        fn = FOOTNOTE_DEF.match(raw)
        if fn:
            notes.append((fn.group(1), normalise(strip_inline(fn.group(2)))))
            continue
        body = QUOTE.sub("", raw)
        if body.endswith("\\") and not body.endswith("\\\\"):
            body = body[:-1]  # pandoc's hard line break
        level = 0
        h = HEADING.match(body)
        if h and not in_fence:
            level = len(h.group(1))
            body = ATTRIBUTES.sub("", h.group(2))
        stripped = body.strip()
        opens_bold = in_bold or stripped.startswith(("**", "__"))
        in_bold ^= len(STRONG.findall(stripped)) % 2 == 1
        closes_bold = in_bold or stripped.endswith(("**", "__"))
        t = normalise(strip_inline(body))
        bold = bool(t) and opens_bold and closes_bold
        lines.append(Line(t, no, heading=level, bold=bold, page_break=brk and bool(t)))
        if t:
            brk = False
    return Cleaned(tuple(lines), tuple(notes), markdown=True)
