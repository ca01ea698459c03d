"""Letterhead: the colophon labels, the addressee and the sender's units above the body.

Recognises, in the lines before the body:
    Retouradres Postbus 20301 2500 EH Den Haag
    Aan de Voorzitter van de Tweede Kamer / der Staten-Generaal / Postbus 20018
    Directoraat-Generaal Rechtspleging en / Rechtshandhaving        -> organisatieonderdelen
    Ons kenmerk 2299387 | "Ons kenmerk" / "2299387" on the next line
    Datum / Betreft (labels in one run) ... 3 februari 2023 / Nationaal Programma ... (values later)
    Onderwerp Reactie op het ... / en vluchtelingen                 -> joined over the wrap
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from ..lexicon import FURNITURE, LABELS, MINISTRIES, OTHER_LABELS, SALUTATION, UNIT_WORDS, LazyPattern, joined_portfolio
from ..model import Line
from .dates import parse_date

# label text -> field, longest label first so "Ons kenmerk" wins over "Kenmerk".
_LABEL_FIELDS = sorted(((lab, f) for f, labs in LABELS.items() for lab in labs), key=lambda x: -len(x[0]))
_LABEL_RE = re.compile(
    r"^(" + "|".join(re.escape(lab) for lab, _ in _LABEL_FIELDS) + r")(?:\s*:\s*|\s+|$)(.*)$",
    re.IGNORECASE,
)
_LABEL_OF = {lab.lower(): f for lab, f in _LABEL_FIELDS}
_OTHER_RE = re.compile(
    r"^(?:" + "|".join(re.escape(lab) for lab in OTHER_LABELS) + r")\b", re.IGNORECASE
)
ADDRESSEE = re.compile(r"^(?:Aan\s+)?(?:[Dd]e\s+)?((?:[Vv]oorzitter|VOORZITTER)\b.*)$")
ADDRESSEE_AAN = LazyPattern(r"^Aan\s+(?:de\s+)?$|^Aan\s+(?:de\s+)?[Vv]oorzitter")
STATEN_GENERAAL = re.compile(r"^(.*?Staten[- ]Generaal)\b", re.IGNORECASE)
POSTAL = LazyPattern(
    r"^(?:Postbus\b|Bezoekadres|Postadres|\d{4}\s?[A-Z]{2}\b|[A-Z][\w'.-]+(?:\s[\w'.-]+)*\s\d+[a-z]?$|"
    r"www\.|https?://|[A-Z]{2,}\b.*\bDen Haag$|DEN HAAG$|Den Haag$|T\s|F\s|E\s|Binnenhof\b|Plein\b)"
)
MINISTRY_LINE = re.compile(r"^Ministerie van(?: [A-Z][\w ,'-]{2,80})?$")
UNIT_START = re.compile(r"^(?:" + "|".join(re.escape(w.strip()) for w in UNIT_WORDS) + r")\b")
CONNECTOR_END = LazyPattern(r"(?:\b(?:en|van|voor|de|het|der|op|in)|[,&-])$")
KENMERK_SHAPE = LazyPattern(r"^(?=.*\d)[\w./\-–&:() ]{1,60}$")
BIJLAGEN_SHAPE = LazyPattern(r"^(?:\d+|geen|-|–)\b", re.IGNORECASE)
RETOUR = LazyPattern(r"^Retouradres\b", re.IGNORECASE)


class Found(NamedTuple):
    """A value read from the letter, with the source line it came from."""

    value: str
    line: int
    end: int = 0  # the source line it ends on, when it runs over several (0: `line` alone)


class Letterhead(NamedTuple):
    """What the letterhead holds, read once. `consumed` are the indices of the lines it used."""

    fields: Mapping[str, Found] = MappingProxyType({})
    geadresseerde: Found | None = None
    ministerie: Found | None = None
    units: tuple[str, ...] = ()
    consumed: frozenset[int] = frozenset()
    unit_lines: tuple[tuple[int, int], ...] = ()  # the first and last source line of each unit

    @property
    def first_line(self) -> int | None:
        """The source line of the first colophon value found (where the labels stand), if any."""
        return min((f.line for f in self.fields.values()), default=None)


@dataclass(eq=False, repr=False)
class _Draft:
    """The letterhead while it is being read; `read` hands it on frozen, as a `Letterhead`."""

    fields: dict[str, Found] = field(default_factory=dict)
    geadresseerde: Found | None = None
    ministerie: Found | None = None
    units: list[str] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)
    unit_lines: list[tuple[int, int]] = field(default_factory=list)

    def freeze(self) -> Letterhead:
        return Letterhead(MappingProxyType(dict(self.fields)), self.geadresseerde, self.ministerie,
                          tuple(self.units), frozenset(self.consumed), tuple(self.unit_lines))


def match_label(text: str) -> tuple[str, str] | None:
    """(field, value) for a colophon label line; value is "" when the label stands alone."""
    m = _LABEL_RE.match(text)
    if not m:
        return None
    label, value = m.group(1), m.group(2).strip()
    fld = _LABEL_OF[label.lower()]
    # "Datum" in running text is no label: a value must look like what the label holds.
    if value and not fits(fld, value):
        return None
    if not value and label[0].islower():
        return None
    return fld, value


def is_other_label(text: str) -> bool:
    return bool(_OTHER_RE.match(text))


def fits(fld: str, value: str) -> bool:
    """Whether a value has the shape of the field it would fill."""
    if fld == "datum":
        return parse_date(value) is not None
    if fld in ("kenmerk", "uw_kenmerk"):
        if FURNITURE.match(value) or is_other_label(value) or POSTAL.match(value):
            return False
        return bool(KENMERK_SHAPE.match(value)) and len(value.split()) <= 6
    if fld == "bijlagen":
        if parse_date(value):
            return False  # pdftotext can put "22 december 2022" where "Bijlage(n)" waits for its "2"
        return bool(BIJLAGEN_SHAPE.match(value))
    return bool(value)


def read(lines: tuple[Line, ...], limit: int, blank_structure: bool) -> Letterhead:
    """Read the letterhead from lines[0:limit]."""
    lh = _Draft()
    pending = Pending()  # labels waiting for their values, in order
    i = 0
    while i < limit:
        ln = lines[i]
        t = ln.text
        if not t:
            i += 1
            continue
        lab = match_label(t)
        if lab:
            fld, value = lab
            lh.consumed.add(i)
            if value:
                if fld not in lh.fields:
                    lh.fields[fld] = Found(value, ln.lineno)
                if fld == "onderwerp":
                    i = _continue_onderwerp(lines, i, limit, lh, blank_structure)
            else:
                pending.append(fld)
            i += 1
            continue
        if pending and not ADDRESSEE.match(t) and not RETOUR.match(t):
            taken = _assign_pending(lines, i, limit, pending, lh, blank_structure)
            if taken is not None:
                i = taken + 1
                continue
        i += 1
    _addressee(lines, limit, lh)
    _units(lines, limit, lh)
    return lh.freeze()


class Pending:
    """Labels waiting for their values, in order. Labels of one field share a queue, so that a value is
    tried once per field (five at most), not once per waiting label (a head of thousands of labels)."""

    def __init__(self) -> None:
        self.queues: dict[str, deque[int]] = {}
        self.count = 0

    def __bool__(self) -> bool:
        return any(self.queues.values())

    def append(self, fld: str) -> None:
        self.queues.setdefault(fld, deque()).append(self.count)
        self.count += 1

    def waiting(self) -> list[str]:
        """The fields whose labels wait for a value."""
        return [fld for fld, q in self.queues.items() if q]

    def take_first(self, fits_field: Callable[[str], bool]) -> str | None:
        """Remove and return the field of the first waiting label for which fits_field holds."""
        waiting = sorted((q[0], fld) for fld, q in self.queues.items() if q)
        for _, fld in waiting:
            if fits_field(fld):
                self.queues[fld].popleft()
                return fld
        return None


def _assign_pending(lines: tuple[Line, ...], i: int, limit: int, pending: Pending,
                    lh: _Draft, blank_structure: bool) -> int | None:
    """Give the value on line i to the first waiting label it fits; return the last line used."""
    t = lines[i].text
    # labels skipped over may still get their value later (pdftotext order)
    fld = pending.take_first(lambda f: fits(f, t))
    if fld is None:
        return None
    lh.consumed.add(i)
    if fld not in lh.fields:
        lh.fields[fld] = Found(t, lines[i].lineno)
    if fld == "onderwerp":
        return _continue_onderwerp(lines, i, limit, lh, blank_structure)
    return i


def _continue_onderwerp(lines: tuple[Line, ...], i: int, limit: int, lh: _Draft, blank_structure: bool) -> int:
    """Join the lines that continue a wrapped Betreft/Onderwerp; return the last line used."""
    if not blank_structure:
        return i
    parts = [lh.fields["onderwerp"].value]
    j = i + 1
    while j < limit and lines[j].text:
        t = lines[j].text
        if match_label(t) or is_other_label(t) or SALUTATION.match(t) or len(t) > 100 or parts[-1].endswith("."):
            break
        parts.append(t)
        lh.consumed.add(j)
        j += 1
    if len(parts) > 1:
        lh.fields["onderwerp"] = Found(join_wrapped(parts), lh.fields["onderwerp"].line, lines[j - 1].lineno)
    return j - 1


def known_ministry(name: str) -> str:
    """The ministry's name as it is spelled, where PDF text split it ("Inf rastructuur")."""
    key = re.sub(r"\s+", "", name).casefold()
    return next((m for m in MINISTRIES if re.sub(r"\s+", "", m).casefold() == key), name)


def skip_colophon(lines: tuple[Line, ...], i: int, limit: int) -> int:
    """The first line at or after i that is not colophon: addresses, units, contact lines, labels."""
    while i < limit:
        t = lines[i].text
        if not t or POSTAL.match(t) or UNIT_START.match(t) or MINISTRY_LINE.match(t) or RETOUR.match(t):
            i += 1
            continue
        if is_other_label(t) or match_label(t):
            i += 1
            if i < limit and lines[i].text and (is_other_label(t) and len(t.split()) <= 2):
                i += 1  # "Projectnaam" / its value
            continue
        if len(t) < 50 and not t.endswith((".", ":", "?", "!")) and not t[:1].islower():
            i += 1
            continue
        break
    return i


def join_wrapped(parts: list[str]) -> str:
    """Lines of one wrapped value as one text: "Directoraat-" + "generaal" -> "Directoraat-generaal"."""
    w = _Wrapped(parts[0])
    for p in parts[1:]:
        w.add(p)
    return w.text()


class _Wrapped:
    """A value joined line by line (join_wrapped), in linear time: each join looks at the last two
    characters only, and the word count is kept as it grows."""

    def __init__(self, first: str) -> None:
        self.parts = [first]
        self.tail = first[-6:]
        self.words = len(first.split())

    def add(self, p: str) -> None:
        if self.tail.endswith("-") and p[:1].islower() and len(self.tail) > 1 and self.tail[-2].islower():
            self.parts[-1] = self.parts[-1][:-1]
            self.parts.append(p)
            self.tail = (self.tail[:-1] + p)[-6:]
            self.words += len(p.split()) - 1  # the word before the hyphen goes on in p
        else:
            self.parts.append(" " + p)
            self.tail = (self.tail + " " + p)[-6:]
            self.words += len(p.split())

    def wraps(self) -> bool:
        """Whether the value goes on on the next line: it ends in a connector, or is one word so far."""
        return bool(CONNECTOR_END.search(self.tail)) or self.words == 1

    def text(self) -> str:
        return "".join(self.parts)


def _addressee(lines: tuple[Line, ...], limit: int, lh: _Draft) -> None:
    for i in range(limit):
        t = lines[i].text
        m = ADDRESSEE.match(t)
        aan_alone = re.match(r"^Aan\s+(?:de\s+)?$", t + " ")
        if not (m and (t.startswith("Aan") or _capitalised_addressee(t))) and not aan_alone:
            continue
        parts = [m.group(1)] if m else []
        used = [i]
        j = i + 1
        while j < limit and j <= i + 4:
            joined = " ".join(parts)
            if STATEN_GENERAAL.match(joined):
                break
            nxt = lines[j].text
            if not nxt:
                ahead = next((ln.text for ln in lines[j + 1:j + 3] if ln.text), "")
                goes_on = ahead[:1].islower() or "Staten" in ahead or ahead.startswith("Kamer")
                if not parts or joined.endswith((" de", " van", " der")) or goes_on:
                    j += 1
                    continue
                break
            if POSTAL.match(nxt) or match_label(nxt) or SALUTATION.match(nxt):
                break
            parts.append(nxt)
            used.append(j)
            j += 1
        text = " ".join(parts).strip()
        sg = STATEN_GENERAAL.match(text)
        if sg:
            text = sg.group(1)
        text = text.rstrip(" ,.;")
        if not text.lower().startswith("voorzitter"):
            continue
        lh.geadresseerde = Found(text, lines[i].lineno, lines[max(used)].lineno if used else 0)
        lh.consumed.update(used)
        return


def is_addressee(t: str) -> bool:
    """Whether a line opens the addressee block ("Aan de Voorzitter van de Tweede Kamer", "De Voorzitter van de
    Tweede Kamer")."""
    m = ADDRESSEE.match(t)
    return m is not None and (t.startswith("Aan") or _capitalised_addressee(t))


def _capitalised_addressee(t: str) -> bool:
    return t.lower().startswith(("de voorzitter", "voorzitter")) and "Kamer" in t and len(t) < 90


def _ministry_at(lines: tuple[Line, ...], i: int, limit: int) -> str:
    """The ministry named from line i on, its wrapped lines joined: after a line that ends in a connector
    ("Ministerie van Volksgezondheid," / "Welzijn en Sport"), or where the two lines name a known ministry
    ("Ministerie van Infrastructuur" / "en Waterstaat")."""
    parts = [lines[i].text]
    j = i + 1
    while j < limit and lines[j].text and j <= i + 3:
        if not (CONNECTOR_END.search(parts[-1]) or joined_portfolio(join_wrapped(parts), lines[j].text)):
            break
        parts.append(lines[j].text)
        j += 1
    return known_ministry(join_wrapped(parts).rstrip(" ,"))


def _units(lines: tuple[Line, ...], limit: int, lh: _Draft) -> None:
    """The ministry line and the organisational units of the colophon, each unit with its lines."""
    units: dict[str, tuple[int, int]] = {}  # unit -> its first and last source line, first place kept
    i = 0
    while i < limit:
        t = lines[i].text
        if MINISTRY_LINE.match(t) and lh.ministerie is None:
            name = _ministry_at(lines, i, limit)
            if name != "Ministerie van":
                lh.ministerie = Found(name, lines[i].lineno)
        if not UNIT_START.match(t) or i in lh.consumed:
            i += 1
            continue
        # a unit block: units and their wrapped continuations, up to the address or a blank line
        cur = _Wrapped(t)
        first = lines[i].lineno
        bold_open = lines[i].bold
        j = i + 1
        while j < limit and lines[j].text:
            nxt = lines[j].text
            if POSTAL.match(nxt) or match_label(nxt) or is_other_label(nxt) or MINISTRY_LINE.match(nxt):
                break
            if cur.wraps() or (bold_open and lines[j].bold and not UNIT_START.match(nxt)):
                cur.add(nxt)
            else:
                units.setdefault(cur.text(), (first, lines[j - 1].lineno))
                cur, first = _Wrapped(nxt), lines[j].lineno
            bold_open = lines[j].bold
            j += 1
        units.setdefault(cur.text(), (first, lines[j - 1].lineno))
        i = j
    lh.units = list(units)
    lh.unit_lines = list(units.values())
