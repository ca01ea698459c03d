"""Page furniture in the body, and colophon fields printed after the body began.

Page furniture is every body line the reader gave a role outside the body (a PDF's running header or
footer, its page numbers: `model.NOT_BODY_ROLES`), and every one that repeats the head (the colophon
block printed on every page, in any order), a colophon label or its value, "Pagina 2 van 7", a lone
page number, a printed page footer ("Tweede Kamer, vergaderjaar 1992-1993, 21 501-01, nr. 45").
pdftotext writes the right-hand column late, so a label with its value can stand in the body's lines:
    ... eerste alinea van de brief.
    Datum                                    <- late label, furniture
    3 februari 2023                          <- its value: fills `datum` when the head had none
It can also put the whole column there, after the first paragraph, and repeat it at the top (or in the
middle) of every later page, labels and values on one line or in two runs:
    ... eerste alinea van de brief.
    Datum 12 maart 2026                      <- a colophon block (`colophon_blocks`): furniture, its
    Betreft Kabinetsreactie op het rapport      fields (here datum and onderwerp) fill what the head
    Veilig werken                               did not hold, its lines count as the head's
    Ministerie van Sociale Zaken en
    Werkgelegenheid
    Ons kenmerk 2026-0000034567
A block is a run of the column's lines (labels and their values, the ministry, units, addresses, the
addressee, "Pagina 2 van 3") around a label; blank lines may stand inside it, prose ends it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..model import NOT_BODY_ROLES, Line
from .body import TERMINAL, fold, is_page_furniture
from .letterhead import (
    CONNECTOR_END,
    MINISTRY_LINE,
    POSTAL,
    RETOUR,
    STATEN_GENERAAL,
    UNIT_START,
    Found,
    Pending,
    fits,
    is_addressee,
    is_other_label,
    join_wrapped,
    match_label,
)

Label = tuple[str, str] | None  # what `match_label` says of a line


def furniture(lines: tuple[Line, ...], fields: Mapping[str, Found], body_start: int,
              footers: frozenset[tuple[int, str]], also: Iterable[str] = ()) -> tuple[set[int], dict[int, Label]]:
    """(indices of body lines that are page furniture, the colophon label of each line it read for one);
    `footers` are the printed page footers that the Kamerstuk rule found, as (source line, text); `also`
    are lines that repeat as the head's do (those of the colophon blocks printed in the body)."""
    head = head_texts(lines, body_start) | {fold(t) for t in also}
    head.discard("")
    values = {fold(f.value) for f in fields.values()}
    out: set[int] = set()
    labels: dict[int, Label] = {}
    for i in range(body_start, len(lines)):
        t = lines[i].text
        if not t:
            continue
        if lines[i].role in NOT_BODY_ROLES or (footers and (lines[i].lineno, t) in footers) or is_page_furniture(t):
            out.add(i)
            continue
        if len(t) > 100:
            continue
        f = fold(t)
        lab = labels[i] = match_label(t)
        if (f in head or f in values
                or (is_other_label(t) and len(t.split()) <= 6)
                or (lab and (not lab[1] or fold(lab[1]) in values))):
            out.add(i)
    return out, labels


def late_labels(lines: tuple[Line, ...], start: int, end: int, fields: Mapping[str, Found],
                labels: dict[int, Label]) -> tuple[dict[str, Found], set[int]]:
    """(colophon fields the head did not hold, found in lines[start:end]; the indices of their lines).
    `labels` are the lines' labels that `furniture` already read (each line is matched once)."""
    found: dict[str, Found] = {}
    taken: set[int] = set()
    for i in range(start, end):
        t = lines[i].text
        lab = labels[i] if i in labels else (match_label(t) if t and len(t) <= 100 else None)
        if not lab:
            continue
        fld, value = lab
        if not value:
            for j in range(i + 1, min(end, i + 3)):
                v = lines[j].text
                if v:
                    if fits(fld, v) and not (labels[j] if j in labels else match_label(v)):
                        value = v
                        taken.add(j)
                    break
        known = found.get(fld) or fields.get(fld)
        if value and known is None and fld != "onderwerp":
            found[fld] = known = Found(value, lines[i].lineno)
            taken.add(i)
        if value and fold(value) == fold(known.value if known else ""):
            taken.add(i)
    return found, taken


def head_texts(lines: tuple[Line, ...], body_start: int) -> set[str]:
    """The head's lines, folded: a body line that repeats one is page furniture."""
    return {fold(lines[i].text) for i in range(body_start) if lines[i].text}


SHORT = 60  # a line of the colophon column (an address, a unit) is short; the ministry's may be longer
SUBJECT_LINES = 3  # a subject wraps over this many lines at most; more is prose that follows it


class Block(NamedTuple):
    """A colophon block in the body: lines[start:end], and the fields its labels gave."""

    start: int
    end: int
    fields: dict[str, Found]
    taken: frozenset[int]  # the lines of its labels and their values


def colophon_blocks(lines: tuple[Line, ...], start: int, end: int, head: set[str],
                    values: set[str]) -> list[Block]:
    """The colophon blocks in lines[start:end]: runs of the column's lines around a label (see the module's
    docstring), each with two labels or more, or a label and another line of the column. `head` and
    `values` are the head's lines and field values, folded: a line that repeats one is the column's."""
    col = _Column(lines, start, head, values)
    out: list[Block] = []
    floor = start
    i = start
    while i < end:
        if not col.anchor(i):
            i += 1
            continue
        block = col.walk(col.top(i, floor), i, end)
        if block is None:
            i += 1
            continue
        out.append(block)
        floor = i = block.end
    return out


class _Column:
    """What each line is to a colophon block: a label, a line of the column, or neither (prose)."""

    def __init__(self, lines: tuple[Line, ...], start: int, head: set[str], values: set[str]) -> None:
        self.lines, self.start, self.head, self.values = lines, start, head, values
        self.labels: dict[int, Label] = {}

    def label(self, i: int) -> Label:
        if i not in self.labels:
            t = self.lines[i].text
            self.labels[i] = match_label(t) if t and len(t) <= 100 else None
        return self.labels[i]

    def anchor(self, i: int) -> bool:
        """A colophon label ("Datum", "Ons kenmerk 2026-12", "Pagina 2 van 3"), the return address or the
        addressee's first line."""
        t = self.lines[i].text
        if not t or len(t) > 100:
            return False
        return (self.label(i) is not None or (is_other_label(t) and len(t.split()) <= 6) or bool(RETOUR.match(t))
                or (len(t) <= SHORT and not TERMINAL.search(t) and is_addressee(t)))

    def strong(self, i: int) -> bool:
        """A line that is the column's wherever it stands: furniture, a repeat of the head, the ministry."""
        ln = self.lines[i]
        t = ln.text
        return (ln.role in NOT_BODY_ROLES or is_page_furniture(t) or fold(t) in self.head or fold(t) in self.values
                or bool(MINISTRY_LINE.match(t)))

    def member(self, i: int, depth: int = 2) -> bool:
        """A line of the column: strong, a short address, unit or "der Staten-Generaal" line, or the wrapped
        rest of the line above ("Ministerie van Sociale Zaken en" / "Werkgelegenheid")."""
        t = self.lines[i].text
        if not t:
            return False
        if self.strong(i) or self.anchor(i):
            return True
        if len(t) > SHORT or t.endswith((".", ",", ";", ":", "?", "!")):
            return False
        if UNIT_START.match(t) or POSTAL.match(t) or STATEN_GENERAAL.match(t):
            return True
        above = self.lines[i - 1].text if i - 1 >= self.start else ""
        return (depth > 0 and t[:1].isupper() and bool(above) and not self.anchor(i - 1)
                and (bool(CONNECTOR_END.search(above)) or len(above.split()) == 1) and self.member(i - 1, depth - 1))

    def top(self, i: int, floor: int) -> int:
        """The first line of the block around the label at i: the column's lines above it, and whole groups of
        them above blank lines (a lone heading above is no part of it)."""
        top = k = i
        while k - 1 >= floor and self.lines[k - 1].text and not self.lines[k].page_break and self.member(k - 1):
            top = k = k - 1
        k -= 1
        while k >= floor:
            while k >= floor and not self.lines[k].text:
                k -= 1
            first = k
            while first - 1 >= floor and self.lines[first - 1].text and not self.lines[first].page_break:
                first -= 1
            group = range(first, k + 1)
            if k < floor or not all(self.member(g) for g in group) or not self._evidence(group, False):
                break
            top = first
            k = first - 1
        return top

    def _evidence(self, group: range, waiting: bool) -> bool:
        """Whether a group of the column's lines past a blank line belongs to the block: it holds a label, a
        strong line, a value a label was `waiting` for, or two lines or more."""
        return waiting or len(group) >= 2 or any(self.anchor(g) or self.strong(g) for g in group)

    def walk(self, top: int, anchor: int, end: int) -> Block | None:
        """The block from `top` down, group by group (blank lines or a page break between): the column's lines,
        labels and the values they wait for, up to prose; None when it has too little of the column to be a
        block."""
        found: dict[str, Found] = {}
        pending = Pending()
        taken: set[int] = set()
        labels = others = 0
        last = top - 1
        j = top
        while j < end:
            waiting = bool(pending)
            g_labels = g_others = 0
            k = j
            while k < end and self.lines[k].text and (k == j or not self.lines[k].page_break):
                took = self._take(k, end, found, pending)
                if took is None:
                    break
                if took[0] in ("label", "value"):
                    taken.update(range(k, took[1] + 1))
                g_labels += took[0] in ("label", "anchor")
                g_others += took[0] in ("value", "member")
                k = took[1] + 1
            group = range(j, k)
            if not group or (j > anchor and not g_labels and not self._evidence(group, waiting)):
                break  # prose, or a lone line after a blank (a heading at the top of the page)
            labels, others, last = labels + g_labels, others + g_others, k - 1
            if k < end and self.lines[k].text and not self.lines[k].page_break:
                break  # prose right below the column's lines
            j = k
            while j < end and not self.lines[j].text:
                j += 1
        if labels >= 2 or (labels and others):
            return Block(top, last + 1, found, frozenset(taken))
        return None

    def _take(self, k: int, end: int, found: dict[str, Found], pending: Pending) -> tuple[str, int] | None:
        """What line k is to the block ("label", "anchor", "value" or "member") and the last line it takes (a
        subject takes its wrapped lines), the field it gives kept in `found`; None for prose."""
        t = self.lines[k].text
        lab = self.label(k)
        if self.anchor(k):
            if lab and lab[1]:
                return "label", self._value(k, lab[0], lab[1], end, found, pending)
            if lab:
                pending.append(lab[0])
                return "label", k
            return "anchor", k  # another label, the return address, the addressee
        fld = pending.take_first(lambda f: f != "onderwerp" and fits(f, t)) if pending else None
        if fld is not None:
            found.setdefault(fld, Found(t, self.lines[k].lineno))
            return "value", k
        if self.member(k):
            return "member", k
        after = self._subject_end(k, end, pending) if pending else None
        if after is not None and pending.take_first(lambda f: f == "onderwerp"):
            return "value", self._value(k, "onderwerp", t, end, found, pending, after)
        return None

    def _value(self, j: int, fld: str, value: str, end: int, found: dict[str, Found], pending: Pending,
               after: int | None = None) -> int:
        """Keep a field's value read at line j (a subject with its wrapped lines); return its last line."""
        last = j
        if fld == "onderwerp":
            stop = after if after is not None else self._subject_end(j, end, pending)
            if stop is not None and stop - 1 > j:
                value = join_wrapped([value, *(self.lines[k].text for k in range(j + 1, stop))])
                last = stop - 1
        found.setdefault(fld, Found(value, self.lines[j].lineno, self.lines[last].lineno if last > j else 0))
        return last

    def _subject_end(self, j: int, end: int, pending: Pending) -> int | None:
        """The line after a subject that starts at line j and wraps on the lines below it, or None when those
        lines run on into prose (more than SUBJECT_LINES before a blank line, a line of the column or the
        value another label waits for)."""
        waiting = [f for f in pending.waiting() if f != "onderwerp"]
        k = j + 1
        while k < end and self.lines[k].text and not self.member(k) and not self.label(k) \
                and not any(fits(f, self.lines[k].text) for f in waiting):
            if k - j >= SUBJECT_LINES or TERMINAL.search(self.lines[k - 1].text) or len(self.lines[k].text) > 100:
                return None
            k += 1
        return k

