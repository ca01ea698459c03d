"""The record's `posities`: for each value, as a JSON pointer, the page and the source lines it was read from.

The rules give the places with their parts (JSON pointer -> first and last source line); this module
only adds the page each line is on and puts the entries in record order. A value whose place no rule
knows is left out, never guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

from .lexicon import LazyPattern
from .model import Document, Line

# The record's keys in schema order, nested ones after their parent: posities follow it, list items by number.
ORDER = ("metadata", "kenmerk", "uw_kenmerk", "datum", "onderwerp", "afzender", "functie", "naam", "ministerie",
         "organisatieonderdelen", "mede_namens", "geadresseerde", "kamer", "bijlagen", "kamerstuk", "dossiernummer",
         "ondernummer", "vergaderjaar", "dossiertitel", "aanhef", "secties", "aanbevelingen", "vragen", "nummer",
         "kop", "titel", "reactie", "vraag", "antwoord", "toezeggingen", "verwijzingen", "voetnoten", "tekst",
         "ondertekening", "ondertekenaars")
RANK = {key: n for n, key in enumerate(ORDER)}
INDEX = LazyPattern(r"\d+")


def collect(source: Document, cleaned: tuple[Line, ...],
            found: Iterable[Mapping[str, tuple[int, int]]]) -> dict[str, Any]:
    """JSON pointer -> {"pagina": int | None, "van": int, "tot": int}, in record order."""
    paged = source.format == "pdf" or "\f" in source.text
    pages: dict[int, int] = {}
    page = 1
    for ln in cleaned:
        if ln.page_break:
            page += 1
        pages.setdefault(ln.lineno, page)
    known = sorted(pages)

    def page_of(lineno: int) -> int | None:
        if not paged:
            return None
        at = bisect_right(known, lineno) - 1
        return pages[known[at]] if at >= 0 else 1

    places = {ptr: span for part in found for ptr, span in part.items() if span[0] > 0}
    return {ptr: {"pagina": page_of(van), "van": van, "tot": max(van, tot)}
            for ptr, (van, tot) in sorted(places.items(), key=lambda item: _rank(item[0]))}


def _rank(pointer: str) -> tuple[Any, ...]:
    """Where a pointer stands in the record: by key in schema order, list items by number."""
    return tuple((int(p), "") if INDEX.fullmatch(p) else (RANK.get(p, len(RANK)), p) for p in pointer.split("/")[1:])
