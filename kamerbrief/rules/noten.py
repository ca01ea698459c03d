"""Footnotes typed as text: a numbered note list at the end, notes printed after the letter, and note
markers glued to words.

Recognises a list of notes typed at the very end of the letter or its annex, numbered from 1 in one
style, whose numbers the text before it cites as markers:
    ... het bericht "Boa's met hoofddoek"? 1)        1) NOS, 6 maart 2024 (nos.nl/...)
    ... gewond zijn geraakt[1], ...                  [1] https://www.example.nl/...
    ... van Bureau Beke3), waarin ...                1.  Bureau Beke, februari 2022, ...
and the markers themselves, removed from the text where a note with that number exists:
    "een afschrift1 toekomen", "rapport toekomen.1 De", "Bureau Beke3), waarin", "termijn? 2)"
Never touched: "CO2", "A4", "2x", "artikel 3", "(artikel 3)", "nr.1", years, a number whose note the
letter does not have. Notes printed after the letter: "Noten" / "1" / text, and a Kamerstuk's "X Noot 1".
Each note is a `Note` with the source lines it was read from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from ..lexicon import LazyPattern
from ..model import Line
from .body import is_page_furniture

ITEM = re.compile(r"^(?:\[(\d{1,3})\]|(\d{1,3})([.)]))(?:\s+(\S.*))?$")
MAX_CONTINUATION = 2  # lines of one note after its first line
# words that a number follows as part of the text, not as a note marker ("art.1", "nr.1", "blz.3")
NUMBER_WORDS = frozenset({"nr", "nrs", "art", "artt", "blz", "pag", "lid", "bijlage", "vraag", "vragen",
                          "artikel", "punt", "stap", "fase", "versie", "week", "dag", "jaar", "groep", "niveau",
                          "hoofdstuk", "paragraaf", "onderdeel", "tabel", "figuur", "pagina", "bijlagen"})
GLUED_WORD = LazyPattern(r"(?<![\w-])([A-Za-zÀ-ÿ]*[a-zà-ÿ]{3})([.,;:!?]?)(\d{1,3})(?=[\s,.;:!?)”’\"]|$)")
PAREN_MARK = LazyPattern(r"(\s?)(?<![\d(])(\d{1,3})\)(?=[\s,.;:!?]|$)")
DIGIT = LazyPattern(r"\d")
BRACKET_MARK = LazyPattern(r"\s?\[(\d{1,3})\](?!\()")


class Note(NamedTuple):
    """One footnote: its number, its text, and the source lines it was read from (0: not known)."""

    nummer: str
    tekst: str
    van: int = 0
    tot: int = 0


class TypedNotes(NamedTuple):
    """The note list typed at the end: where it starts and its notes."""

    start: int
    notes: tuple[Note, ...]
    style: str  # "[]" | ")" | "."


def _item(text: str) -> tuple[int, str, str] | None:
    m = ITEM.match(text)
    if not m:
        return None
    if m.group(1):
        return int(m.group(1)), "[]", m.group(4) or ""
    return int(m.group(2)), m.group(3), m.group(4) or ""


def typed_list(lines: tuple[Line, ...], start: int) -> TypedNotes | None:
    """The note list at the end of lines[start:], or None when the letter ends otherwise."""
    first = next((i for i in range(len(lines) - 1, start - 1, -1)
                  if (it := _item(lines[i].text)) and it[0] == 1), None)
    if first is None:
        return None
    style = _item(lines[first].text)[1]  # type: ignore[index]
    notes: list[list[str]] = []
    where: list[list[int]] = []  # [first, last] source line of each note
    extra = 0
    for ln in lines[first:]:
        if not ln.text:
            continue
        it = _item(ln.text)
        if it and it[1] == style and it[0] == len(notes) + 1:
            n, tekst = it[0], it[2]
            # "[2] https://a.nl/x[3] https://b.nl/y": two notes run together on one line
            while style == "[]" and (m := re.search(rf"\[{n + 1}\]\s*", tekst)):
                notes.append([str(n), tekst[:m.start()].strip()])
                where.append([ln.lineno, ln.lineno])
                n, tekst = n + 1, tekst[m.end():]
            notes.append([str(n), tekst.strip()])
            where.append([ln.lineno, ln.lineno])
            extra = 0
            continue
        extra += 1
        if extra > MAX_CONTINUATION or ln.text.endswith(","):
            return None  # prose or a signature ("De Minister van ...,") runs on: not a note list
        notes[-1][1] = f"{notes[-1][1]} {ln.text}".strip()
        where[-1][1] = ln.lineno
    body = [ln.text for ln in lines[start:first]]
    if not any(cited(body, int(n), style) for n, _ in notes):
        return None
    return TypedNotes(first, tuple(Note(n, t, a, b) for (n, t), (a, b) in zip(notes, where, strict=True)), style)


def cited(texts: list[str], n: int, style: str) -> bool:
    """Whether the text cites note n with a marker: "[n]", "n)" (not closing a parenthesis), "woordn"."""
    for t in texts:
        if style == "[]" and f"[{n}]" in t:
            return True
        if style != "[]" and any(_marker(t, m) for m in PAREN_MARK.finditer(t) if int(m.group(2)) == n):
            return True
    return False


def _marker(text: str, m: re.Match[str]) -> bool:
    """A "3)" is a note marker, not the end of "(artikel 3)": no parenthesis is open before it."""
    before = text[:m.start()]
    return before.count("(") <= before.count(")") and bool(before.strip())


def unglue(lines: tuple[Line, ...], start: int, end: int, numbers: set[str], style: str | None) -> tuple[Line, ...]:
    """lines with the markers of the notes `numbers` taken out of lines[start:end].

    Digits glued to a word are a marker only for a note the letter has; "[n]" and "n)" markers only
    when the letter's typed note list is written in that style.
    """
    if not numbers:
        return lines

    def glued(m: re.Match[str]) -> str:
        word, punct, digits = m.group(1), m.group(2), m.group(3)
        if digits not in numbers or word.casefold() in NUMBER_WORDS:
            return m.group(0)
        return word + punct

    def paren(m: re.Match[str]) -> str:
        return "" if m.group(2) in numbers and _marker(m.string, m) else m.group(0)

    def bracket(m: re.Match[str]) -> str:
        return "" if m.group(1) in numbers else m.group(0)

    out = list(lines)
    for i in range(start, min(end, len(lines))):
        t = lines[i].text
        if not DIGIT.search(t):
            continue
        new = t
        if style == "[]":
            new = BRACKET_MARK.sub(bracket, new)
        elif style in (")", "."):
            new = PAREN_MARK.sub(paren, new)
        new = GLUED_WORD.sub(glued, new)
        if new != t:
            out[i] = replace(lines[i], text=re.sub(r"\s+([,.;:!?])", r"\1", new).strip())
    return tuple(out)


# Notes printed after the letter: "Noten" / "1" / text, or "X Noot 1" (a Kamerstuk), up to the site's furniture.
NOTE_HEAD = re.compile(r"^(?:X\s+)?No(?:ot|ten)(?:\s+(\d{1,3}))?$", re.IGNORECASE)  # "X Noot 1" when joined
NOTE_NUM = LazyPattern(r"^(\d{1,3})$")
NOTE_INLINE = LazyPattern(r"^(\d{1,3})\s+(\S.*)$")
SITE_TAIL = LazyPattern(r"^(?:Ondertekenaars|Eerste ondertekenaar|Mede ondertekenaar|Copyright\b)", re.IGNORECASE)


def tail_start(lines: tuple[Line, ...], start: int) -> int:
    """Without a signature the body runs to the site furniture or footnotes at the end."""
    for i in range(start, len(lines)):
        if SITE_TAIL.match(lines[i].text) or NOTE_HEAD.match(lines[i].text):
            return i
    return len(lines)


def notes_start(lines: tuple[Line, ...], start: int) -> int:
    """The "Noten" / "X Noot" line at or after `start`, else the end."""
    for i in range(start, len(lines)):
        if NOTE_HEAD.match(lines[i].text):
            return i
    return len(lines)


def tail_notes(lines: tuple[Line, ...], start: int) -> tuple[Note, ...]:
    """Footnotes printed after the letter: "X Noot" / "1" / text, each with its source lines."""
    notes: list[tuple[str, list[str]]] = []  # (nummer, lines of its text)
    where: list[list[int]] = []  # [first, last] source line of each note
    cur: list[str] | None = None
    for ln in lines[start:]:
        t = ln.text
        head = NOTE_HEAD.match(t)
        if head and head.group(1):
            cur = []
            notes.append((head.group(1), cur))
            where.append([ln.lineno, ln.lineno])
            continue
        if not t or head:
            continue
        if SITE_TAIL.match(t) or (is_page_furniture(t) and not NOTE_NUM.match(t)):
            cur = None
            continue
        m = NOTE_NUM.match(t)
        mi = NOTE_INLINE.match(t)
        if m:
            cur = []
            notes.append((m.group(1), cur))
            where.append([ln.lineno, ln.lineno])
        elif mi and (cur is None or cur):
            cur = [mi.group(2)]
            notes.append((mi.group(1), cur))
            where.append([ln.lineno, ln.lineno])
        elif cur is not None:
            cur.append(t)
            where[-1][1] = ln.lineno
    # the lines joined once at the end (joining them line by line was quadratic in a long note)
    texts = [(nummer, " ".join(parts).strip()) for nummer, parts in notes]
    return tuple(Note(nummer, text, a, b) for (nummer, text), (a, b) in zip(texts, where, strict=True) if text)
