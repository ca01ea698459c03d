"""The record's `posities`: for each value, as a JSON pointer, the page and the source lines it was read from.

Every place comes from what the rules already hold (a letterhead `Found`'s line, a block's first and last
line, a signer's line); a value whose place no rule knows is left out, never guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .model import Document, Line
from .rules import body as body_rule
from .rules import kamerstuk as kamerstuk_rule
from .rules import letterhead as letterhead_rule
from .rules import sections as sections_rule
from .rules import signature as signature_rule
from .rules import vragen as vragen_rule


@dataclass(frozen=True)
class Found:
    """What the rules found, with their lines: the input to `collect`."""

    lh: letterhead_rule.Letterhead
    ks: kamerstuk_rule.Kamerstuk
    sig: signature_rule.Signature | None
    lines: tuple[Line, ...]
    salutation: int | None
    blocks: list[body_rule.Block]
    secties: list[sections_rule.Sectie]
    recs: list[sections_rule.Aanbeveling]
    vragen: list[vragen_rule.Vraag]
    order: dict[str, tuple[int, int]]  # sentence -> (line of the passage it stands in, offset)
    tail_at: int = 0  # index in voetnoten of the first note printed after the letter
    tail_spans: list[tuple[int, int]] | None = None  # their source lines
    note_spans: list[tuple[int, int, int]] | None = None  # the reader's notes: (index in voetnoten, first, last)


def collect(record: dict[str, Any], source: Document, cleaned: tuple[Line, ...], f: Found) -> dict[str, Any]:
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

    out: dict[str, Any] = {}

    def put(ptr: str, van: int | None, tot: int | None = None) -> None:
        if van is None or van <= 0:
            return
        out[ptr] = {"pagina": page_of(van), "van": van, "tot": max(van, tot or van)}

    meta = record["metadata"]
    fields = f.lh.fields
    for name in ("kenmerk", "uw_kenmerk", "datum", "onderwerp"):
        if meta[name] is not None and name in fields:  # else taken from the document properties
            put(f"/metadata/{name}", fields[name].line, fields[name].end)
        elif name == "datum" and meta[name] is not None and meta[name] == f.ks.datum:
            put("/metadata/datum", f.ks.datum_line)  # the "Den Haag, <datum>" line
    signer = f.sig.signers[0] if f.sig and f.sig.signers else None
    if signer is not None:
        if meta["afzender"]["functie"] == signer.functie:
            put("/metadata/afzender/functie", signer.functie_line)
        if meta["afzender"]["naam"] is not None and meta["afzender"]["naam"] == signer.naam:
            put("/metadata/afzender/naam", signer.naam_line)
    if meta["afzender"]["ministerie"] is not None and f.lh.ministerie is not None:
        put("/metadata/afzender/ministerie", f.lh.ministerie.line)
    if meta["geadresseerde"] is not None and f.lh.geadresseerde is not None:
        put("/metadata/geadresseerde", f.lh.geadresseerde.line, f.lh.geadresseerde.end)
    if meta["bijlagen"] is not None and "bijlagen" in fields:
        put("/metadata/bijlagen", fields["bijlagen"].line)
    if f.salutation is not None and record["aanhef"] is not None:
        put("/aanhef", f.lines[f.salutation].lineno)

    # a section or a recommendation runs from its first line to the last block before the next one
    starts = sorted({s.line for s in f.secties} | {r.line for r in f.recs})
    by_line: dict[int, body_rule.Block] = {}
    for b in f.blocks:
        by_line.setdefault(b.line, b)
    block_lines = [b.line for b in f.blocks]

    def span(start: int) -> tuple[int, int] | None:
        k = bisect_right(starts, start)
        nxt = starts[k] if k < len(starts) else None
        inside = [b for b in f.blocks if b.line >= start and (nxt is None or b.line < nxt)]
        return (start, max(b.last for b in inside)) if inside else None

    passages: dict[int, tuple[int, int]] = {}
    for n, s in enumerate(f.secties):
        whole = span(s.line)
        if whole is None:
            continue
        put(f"/secties/{n}", *whole)
        passages[s.line] = whole
        if s.kop is not None and s.line in by_line:
            put(f"/secties/{n}/kop", s.line, by_line[s.line].last)
    for n, r in enumerate(f.recs):
        whole = span(r.line)
        if whole is None:
            continue
        put(f"/aanbevelingen/{n}", *whole)
        passages.setdefault(r.line, whole)
        if r.line in by_line:
            put(f"/aanbevelingen/{n}/titel", r.line, by_line[r.line].last)
        after = bisect_right(block_lines, r.line)
        if record["aanbevelingen"][n]["reactie"] and after < len(block_lines) and block_lines[after] <= whole[1]:
            put(f"/aanbevelingen/{n}/reactie", block_lines[after], whole[1])
    for n, v in enumerate(f.vragen):
        put(f"/vragen/{n}/vraag", v.line, v.vraag_tot)
        if record["vragen"][n]["antwoord"] is not None:
            put(f"/vragen/{n}/antwoord", v.antwoord_van, v.antwoord_tot)
    for n, t in enumerate(record["toezeggingen"]):
        where = f.order.get(t["tekst"])
        if where is not None and where[0] in passages:
            put(f"/toezeggingen/{n}", *passages[where[0]])  # the passage it stands in
    for n, van, tot in f.note_spans or ():
        put(f"/voetnoten/{n}", van, tot)
    for n, (van, tot) in enumerate(f.tail_spans or (), start=f.tail_at):
        put(f"/voetnoten/{n}", van, tot)
    if f.sig is not None:
        for n, signed in enumerate(f.sig.signers):
            lines = [n for n in (signed.functie_line, signed.naam_line) if n]
            if lines:
                put(f"/ondertekening/ondertekenaars/{n}", min(lines), max(lines))
    return out
