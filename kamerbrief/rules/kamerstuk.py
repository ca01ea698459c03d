"""Published Kamerstuk: vergaderjaar, dossier, ondernummer, "BRIEF VAN ...", place and date, page footer.

Recognises:
    Vergaderjaar 1992-1993 | Zitting 1979-1980 | "Tweede Kamer der Staten-Generaal2011-201231568 nr. 100"
    31 568 Staatkundig proces Nederlandse Antillen | 17600 G / Staatsbedrijf ... | 15 800 / Hoofdstuk XII ...
    Nr. 100 BRIEF VAN DE MINISTER VAN ... | Nr. 675 / BRIEF VAN ... | E BRIEF VAN ... | nr. 63 Brief van de ...
    Den Haag, 25 april 2012 | 's-Gravenhage, 19april 1993
    Tweede Kamer, vergaderjaar 1992-1993, 21 501-01, nr. 45      (page footer, anywhere)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from ..lexicon import KAMER_WORD, LazyPattern
from ..model import Line
from .dates import WRITTEN, parse_date

VERGADERJAAR = re.compile(
    r"^(?:Vergaderjaar|Zitting)\s+(\d{4})\s*[-–/]\s*(\d{2,4})\b(?:\s+[Nn]r\.?\s*(\d+[a-z]?)\b)?", re.IGNORECASE
)
SITE_META = re.compile(  # the site's metadata row, with or without the publication date in front
    r"^(?:\d{4}-\d{2}-\d{2}\s+|\d{1,2}\s+[a-z]+\s+\d{4}\s+)?(" + KAMER_WORD + r") Kamer der Staten[- ]Generaal"
    r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*(.+?)\s+nr\.\s*(\S+)\s*$"
)
NR_LINE = re.compile(r"^[Nn]r\.?\s*(\d+[A-Za-z]?|[A-Z]{1,2})\b\.?\s*(.*)$")
LETTERED = re.compile(r"^([A-Z]{1,2})\s+(BRIEF VAN\b.*)$")
BRIEF_VAN = re.compile(r"^(?:BRIEF|Brief) (?:VAN|van) (?:DE|HET|de|het) (.+?)\s*$")
DOSSIER = LazyPattern(
    r"^(\d{1,3}(?:\s\d{3})|\d{4,6})(?:\s*[-–]\s*(\d{2}|[A-Z]{1,6})\b|\s+([IVXLC]{1,6}|[A-Z])\b)?(?:\s+(.*))?$"
)
ROMAN_DOSSIER = LazyPattern(r"^([IVXLCD]{2,6})\s+(\S.*)$")
HOOFDSTUK = LazyPattern(r"^Hoofdstuk\s+([IVXLC]+|[A-Z])\b\s*(.*)$", re.IGNORECASE)
PLACE_DATE = re.compile(
    r"^(?:Den Haag|DEN HAAG|['’`]?s[-. ]?Gravenhage|[A-Z][a-zé]+(?:[- ][A-Z][a-z]+)?),\s*"
    r"(\d{1,2}\s*[a-z]+\.?\s+\d{4}|\d{1,2}-\d{1,2}-\d{4})\s*\.?(?:\s+(\S.*))?$"
)
BARE_DATE = re.compile(r"^(\d{1,2}\s*[a-z]+\s+\d{4})\.?$")
FOOTER = re.compile(
    r"^\s*(" + KAMER_WORD + r")\s+Kamer,\s+(?:vergaderjaar|zitting)"
    r"\s+(\d{4})\s*[-–]\s*(\d{4})\s*,\s*(.+?),\s*nr\.\s*(\S+?)\.?"
    r"(?:\s+\d{1,3})?\s*$",
    re.IGNORECASE,
)
NOSPACE = LazyPattern(r"\s+")


# The Kamerstuk fields of the record whose source lines a Kamerstuk keeps.
PLACED = ("dossiernummer", "ondernummer", "vergaderjaar", "dossiertitel")


class Kamerstuk(NamedTuple):
    """What a published Kamerstuk's head and footer hold, read once."""

    dossiernummer: str | None = None
    ondernummer: str | None = None
    vergaderjaar: str | None = None
    dossiertitel: str | None = None
    brief_van: str | None = None  # "MINISTER VAN ..." as printed after "BRIEF VAN DE"
    datum: str | None = None
    datum_line: int | None = None
    date_index: int | None = None  # index of the "Den Haag, <datum>" line
    date_rest: str = ""  # body text that OCR put on the date line after the date
    kamer: str | None = None
    consumed: frozenset[int] = frozenset()
    where: Mapping[str, tuple[int, int]] = MappingProxyType({})  # PLACED field, kamer, brief_van -> lines
    footer_lines: frozenset[tuple[int, str]] = frozenset()  # printed page footers: (source line, text)

    @property
    def found(self) -> bool:
        return bool(self.ondernummer or self.dossiernummer or self.brief_van)


@dataclass(eq=False, repr=False)
class _Draft:
    """The Kamerstuk while its head is being read; `read` hands it on frozen."""

    dossiernummer: str | None = None
    ondernummer: str | None = None
    vergaderjaar: str | None = None
    dossiertitel: str | None = None
    brief_van: str | None = None
    datum: str | None = None
    datum_line: int | None = None
    date_index: int | None = None
    date_rest: str = ""
    kamer: str | None = None
    consumed: set[int] = field(default_factory=set)
    where: dict[str, tuple[int, int]] = field(default_factory=dict)
    footer_lines: set[tuple[int, str]] = field(default_factory=set)

    def put(self, name: str, value: str | None, van: int, tot: int = 0, keep: bool = True) -> None:
        """Set a PLACED field read from source lines van..tot; with `keep`, only where it is still empty."""
        if (keep and getattr(self, name)) or not value:
            return
        setattr(self, name, value)
        self.where[name] = (van, tot or van)

    def freeze(self) -> Kamerstuk:
        return Kamerstuk(self.dossiernummer, self.ondernummer, self.vergaderjaar, self.dossiertitel, self.brief_van,
                         self.datum, self.datum_line, self.date_index, self.date_rest, self.kamer,
                         frozenset(self.consumed), MappingProxyType(dict(self.where)), frozenset(self.footer_lines))


def normalise_dossier(raw: str) -> str | None:
    """'31 568' -> '31568', '33 000 X' -> '33000-X', '21 501-01' -> '21501-01', '15 800 hoofdstuk XII' -> '15800-XII'.

    A number that fits no form but has 4-6 digits (OCR "16-753") gives its digits.
    """
    raw = raw.strip().rstrip(",.")
    raw = re.sub(r"\s+hoofdstuk\s+", " ", raw, flags=re.IGNORECASE)
    m = DOSSIER.match(raw)
    if m and not m.group(4):
        num = NOSPACE.sub("", m.group(1))
        toev = m.group(2) or m.group(3)
        return f"{num}-{toev}" if toev else num
    if ROMAN_DOSSIER.match(raw + " x") and re.fullmatch(r"[IVXLCD]{2,6}", raw):
        return raw
    digits = re.sub(r"\D", "", raw)
    return digits if 4 <= len(digits) <= 6 else None


def normalise_year(a: str, b: str) -> str:
    """'1999', '00' -> '1999-2000': a two-digit second year is the year after the first."""
    if len(b) == 2:
        b = str(int(a) + 1) if b == f"{(int(a) + 1) % 100:02d}" else a[:2] + b
    return f"{a}-{b}"


def is_place_date(text: str) -> bool:
    """A "Den Haag, 25 april 2012" line (with whatever OCR put after the date)."""
    return bool(PLACE_DATE.match(text))


def place_date_index(lines: tuple[Line, ...], limit: int) -> int | None:
    """Index of the "Den Haag, 25 april 2012" line above the body, if any."""
    for i in range(min(limit, len(lines))):
        m = PLACE_DATE.match(lines[i].text)
        if m and WRITTEN.search(m.group(1)) and parse_date(m.group(1)):
            return i
        b = BARE_DATE.match(lines[i].text)
        if b and parse_date(b.group(1)) and i > 0 and "Voorzitter" in _prev_text(lines, i):
            return i
    return None


def _prev_text(lines: tuple[Line, ...], i: int) -> str:
    for j in range(i - 1, -1, -1):
        if lines[j].text:
            return lines[j].text
    return ""


def read(lines: tuple[Line, ...], limit: int) -> Kamerstuk:
    ks = _Draft()
    nr_index: int | None = None
    for i in range(limit):
        t = lines[i].text
        if not t:
            continue
        no = lines[i].lineno
        m = SITE_META.match(t)
        if m:
            ks.kamer = f"{m.group(1)} Kamer"
            ks.where["kamer"] = (no, no)
            ks.put("vergaderjaar", normalise_year(m.group(2), m.group(3)), no)
            ks.put("dossiernummer", normalise_dossier(m.group(4)), no)
            ks.put("ondernummer", m.group(5), no)
            ks.consumed.add(i)
            continue
        m = VERGADERJAAR.match(t)
        if m:
            ks.put("vergaderjaar", normalise_year(m.group(1), m.group(2)), no)
            ks.put("ondernummer", m.group(3), no)
            ks.consumed.add(i)
            continue
        m = NR_LINE.match(t)
        opens_letter = m and (not m.group(2) or BRIEF_VAN.match(m.group(2)) or _next_is_brief(lines, i, limit))
        if m and nr_index is None and opens_letter:
            ks.put("ondernummer", m.group(1), no, keep=False)
            nr_index = i
            ks.consumed.add(i)
            rest = m.group(2)
            if rest and BRIEF_VAN.match(rest):
                ks.brief_van = _wrapped_title(lines, i, limit, BRIEF_VAN.match(rest).group(1), ks)  # type: ignore[union-attr]
                ks.where["brief_van"] = (no, lines[max(ks.consumed)].lineno)  # the title may run on
            continue
        m = LETTERED.match(t)
        if m and nr_index is None and BRIEF_VAN.match(m.group(2)):
            ks.put("ondernummer", m.group(1), no, keep=False)
            ks.brief_van = BRIEF_VAN.match(m.group(2)).group(1)  # type: ignore[union-attr]
            ks.where["brief_van"] = (no, no)
            nr_index = i
            ks.consumed.add(i)
            continue
        m = BRIEF_VAN.match(t)
        if m and ks.brief_van is None and (t.isupper() or nr_index is not None or i < 12):
            ks.brief_van = _wrapped_title(lines, i, limit, m.group(1), ks)
            ks.consumed.add(i)
            ks.where["brief_van"] = (no, lines[max(ks.consumed)].lineno)  # the title may run on
            if nr_index is None:
                nr_index = i
            continue
        m = PLACE_DATE.match(t) or BARE_DATE.match(t)
        if m and ks.datum is None and parse_date(m.group(1)):
            ks.datum = parse_date(m.group(1))
            ks.datum_line = no
            ks.date_index = i
            ks.consumed.add(i)
            if m.re is PLACE_DATE and m.group(2):
                ks.date_rest = m.group(2)
    if nr_index is not None:
        _dossier(lines, nr_index, ks)
    _footer(lines, ks)
    return ks.freeze()


def _wrapped_title(lines: tuple[Line, ...], i: int, limit: int, title: str, ks: _Draft) -> str:
    """'MINISTER VAN VOLKSHUISVESTING,' + next line 'RUIMTELIJKE ORDENING EN MILIEUBEHEER' as one title."""
    j = i + 1
    parts = [title]
    tail = title[-8:]  # the end of the title so far: all that decides whether it goes on
    while (tail.endswith((",", " EN", " VAN", " VOOR", "-")) and j < limit and lines[j].text.isupper()
           and not lines[j].text.startswith("AAN ")):
        nxt = lines[j].text
        if tail.endswith("-"):
            parts[-1] = parts[-1][:-1]
            tail = (tail[:-1] + nxt)[-8:]
            parts.append(nxt)
        else:
            tail = (tail + " " + nxt)[-8:]
            parts.append(" " + nxt)
        ks.consumed.add(j)
        j += 1
    return "".join(parts).rstrip(",")


def _next_is_brief(lines: tuple[Line, ...], i: int, limit: int) -> bool:
    for j in range(i + 1, min(limit, i + 3)):
        if lines[j].text:
            return bool(BRIEF_VAN.match(lines[j].text))
    return False


def _dossier(lines: tuple[Line, ...], nr_index: int, ks: _Draft) -> None:
    """The first dossier number above the Nr. line, with its title."""
    for i in range(nr_index):
        t = lines[i].text
        m = DOSSIER.match(t)
        roman = ROMAN_DOSSIER.match(t)
        if m and not SITE_META.match(t):
            num = NOSPACE.sub("", m.group(1))
            if not (4 <= len(num) <= 6):
                continue
            toev = m.group(2) or m.group(3)
            title = (m.group(4) or "").strip()
            nxt = _next_text(lines, i, nr_index)
            title_at = i  # the line the title is read from
            if nxt is not None:
                h = HOOFDSTUK.match(lines[nxt].text)
                if h and not toev:
                    toev = h.group(1).upper()
                    if not title:
                        title, title_at = h.group(2), nxt
                    ks.consumed.add(nxt)
                elif not title and not DOSSIER.match(lines[nxt].text):
                    title, title_at = lines[nxt].text, nxt
                    ks.consumed.add(nxt)
            ks.put("dossiernummer", f"{num}-{toev}" if toev else num, lines[i].lineno, lines[nxt].lineno
                   if toev and nxt is not None and not (m.group(2) or m.group(3)) else 0)
            ks.put("dossiertitel", title or None, lines[title_at].lineno)
            ks.consumed.add(i)
            return
        if roman and i + 1 < len(lines):
            if ks.dossiernummer in (None, roman.group(1)):
                ks.put("dossiernummer", roman.group(1), lines[i].lineno)
                ks.put("dossiertitel", roman.group(2).strip(), lines[i].lineno)
                ks.consumed.add(i)
                return


def _next_text(lines: tuple[Line, ...], i: int, stop: int) -> int | None:
    for j in range(i + 1, stop):
        if lines[j].text:
            return j
    return None


def _footer(lines: tuple[Line, ...], ks: _Draft) -> None:
    for ln in lines:
        m = FOOTER.match(ln.text)
        if not m:
            continue
        ks.footer_lines.add((ln.lineno, ln.text))  # not an index: it stays when lines are inserted before it
        if not ks.kamer:
            ks.kamer = f"{m.group(1).capitalize()} Kamer"
            ks.where["kamer"] = (ln.lineno, ln.lineno)
        ks.put("vergaderjaar", normalise_year(m.group(2), m.group(3)), ln.lineno)
        ks.put("dossiernummer", normalise_dossier(m.group(4)), ln.lineno)
        ks.put("ondernummer", m.group(5), ln.lineno)
