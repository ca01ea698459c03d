"""Page feet in extracted text: footnotes printed at the foot of a page, and header values glued to lines.

pdftotext (default mode) writes a page's footnotes just before its page number, with the footnote
numbers on lines of their own, in any order:

    ... zoals in Duitsland, Noorwegen en Zweden 4. We gaan daarom door met deze aanpak, en
    Kamerstuk 33009, nr. 117.                  <- footnote 1
    Kamerstuk 33009, nr. 63.                   <- footnote 2
    3
    Het EU-Kaderprogramma voor onderzoek ...    <- footnote 3
    4
    Meer informatie ... Mission-Oriented
    Innovation Policies https://...            <- footnote 4, wrapped
    1
    2
    Pagina 1 van 8

The footnote area runs from the topmost footnote number among the page's last lines (and the
citation lines right above it) to the page number; it is taken out of the body and its texts are
paired with the numbers in order. A page foot with no footnote number is left alone.
It also puts the kenmerk of the running header on the same line as body text
("... geven nadere DGBI / 26844711"); that tail is cut off.
"""

from __future__ import annotations

import re

from ..lexicon import PAGE_LINE as PAGE_END
from ..lexicon import LazyPattern
from ..model import Line
from .noten import Note

LONE_NUMBER = re.compile(r"^\d{1,3}$")
CITATION = LazyPattern(
    r"^(?:Kamerstuk|Kamerstukken|Handelingen|Aanhangsel|Zie\b|Vgl\.|Stb\.|Stcrt\.|Trb\.|https?://|www\.|Bron\b|"
    r"Idem\b|Ibid|Brief van|Besluit van|Richtlijn|Verordening|ECLI|Motie\b|Rapport\b)",
    re.IGNORECASE,
)
URL = re.compile(r"https?://|www\.")
# What stands between the body text and the kenmerk number at the line end: up to three words of the
# header ("DGBI /"). Searched up to the number (endpos), each word taken whole, so that a long word of
# capitals is not split into chunks in every possible way.
GLUED_TAIL = LazyPattern(r"(?<=\S)\s+(?:[A-Z][\w&.]*+\s*+[/–-]?+\s*+){0,3}+$")
WINDOW = 20  # footnote numbers further up than this many lines from the page number are body text


def footnotes(lines: tuple[Line, ...], start: int, end: int) -> tuple[set[int], list[Note]]:
    """(indices of footnote lines, the notes with their source lines) for every page end in lines[start:end]."""
    taken: set[int] = set()
    notes: list[Note] = []
    for e in range(start, end):
        if PAGE_END.match(lines[e].text):
            idx, found = _run_before(lines, start, e)
            taken |= idx
            notes += found
    return taken, notes


def _run_before(lines: tuple[Line, ...], start: int, e: int) -> tuple[set[int], list[Note]]:
    """The footnote area of the page that ends at line e: from its topmost footnote number among the
    last WINDOW lines, plus the citation lines right above that number."""
    window: list[int] = []
    j = e - 1
    while j >= start and len(window) < WINDOW:
        if PAGE_END.match(lines[j].text):
            break  # the page before
        if lines[j].text:
            window.append(j)
        j -= 1
    numbered = [i for i in window if LONE_NUMBER.match(lines[i].text)]
    if not numbered:
        return set(), []
    top = min(numbered)
    above = [i for i in window if i < top]
    for i in sorted(above, reverse=True):
        t = lines[i].text
        # a citation line, or a line that a URL below it completes ("..., zie" / "https://...")
        if not (CITATION.match(t) or (URL.match(lines[top].text) and not t.endswith((".", "!", "?")))):
            break
        top = i
    run = [i for i in sorted(window) if i >= top]
    numbers = sorted({int(lines[i].text) for i in run if LONE_NUMBER.match(lines[i].text)})
    if not any(not LONE_NUMBER.match(lines[i].text) for i in run):
        return set(), []
    units: list[str] = []
    spans: list[list[int]] = []  # [first, last] source line of each unit
    prev_lone = False
    for i in run:
        t = lines[i].text
        if LONE_NUMBER.match(t):
            prev_lone = True
            continue
        starts = prev_lone or (CITATION.match(t) and not (URL.match(t) and units and not units[-1].endswith(".")))
        if starts or not units:
            units.append(t)
            spans.append([lines[i].lineno, lines[i].lineno])
        else:
            units[-1] = f"{units[-1]} {t}"
            spans[-1][1] = lines[i].lineno
        prev_lone = False
    if len(units) > len(numbers):
        units = [*units[: len(numbers) - 1], " ".join(units[len(numbers) - 1:])]
        spans = [*spans[: len(numbers) - 1], [spans[len(numbers) - 1][0], spans[-1][1]]]
    return set(run), [Note(str(n), u, a, b) for n, u, (a, b) in zip(numbers, units, spans, strict=False)]


def strip_glued_kenmerk(lines: tuple[Line, ...], start: int, end: int, kenmerk: str | None) -> tuple[Line, ...]:
    """Body lines without the running header's kenmerk that extraction put at their end."""
    numbers = re.findall(r"\d{5,}", kenmerk or "")
    if not numbers:
        return lines
    out = list(lines)
    for i in range(start, min(end, len(lines))):
        t = lines[i].text
        cut = min((m.start() for n in numbers if t.endswith(n) and (m := GLUED_TAIL.search(t, 0, len(t) - len(n)))),
                  default=0)
        if cut > 20:
            out[i] = Line(t[:cut], lines[i].lineno, lines[i].heading, lines[i].bold, lines[i].page_break)
    return tuple(out)
