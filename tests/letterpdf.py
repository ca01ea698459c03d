"""Render a record as a ministry-original PDF, as Rijkshuisstijl lays it out, for reader tests.

Page 1: Retouradres, address block, Datum/Betreft on the left; the colophon (ministry, units, Ons
kenmerk, Uw kenmerk, Bijlage(n)) in a right-hand column in smaller type. Later pages repeat the
column (ministry, Datum, Ons kenmerk) as a running header. Every page has "Pagina N van M";
footnotes stand in smaller type at the foot of page 1. Body text is wrapped at a fixed width, so
paragraphs run on across pages.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import textwrap
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
WIDTH, HEIGHT = 595.0, 842.0
LEFT, COLUMN = 80.0, 467.0
TOP, BOTTOM = 560.0, 110.0
BODY_SIZE, COLUMN_SIZE, NOTE_SIZE = 10.0, 7.0, 7.5
LEADING = 14.0

Item = tuple[str, bool, float]  # text, bold, extra space before


def dutch_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def body_items(record: dict[str, Any]) -> list[Item]:
    items: list[Item] = []
    if record.get("aanhef"):
        items.append((record["aanhef"], False, LEADING))
    for s in record["secties"][:1]:
        items += _paragraphs(s["tekst"])
    for a in record["aanbevelingen"]:
        items.append((f"{a['nummer']}. {a['titel']}", True, LEADING))
        items += _paragraphs(a["reactie"])
    for s in record["secties"][1:]:
        if s["kop"]:
            items.append(((f"{s['nummer']}. " if s["nummer"] else "") + s["kop"], True, LEADING))
        items += _paragraphs(s["tekst"])
    closing = record["ondertekening"]
    if closing["slotformule"]:
        items.append((closing["slotformule"], False, LEADING))
    for signer in closing["ondertekenaars"]:
        items.append((f"De {signer['functie']},", False, LEADING))
        if signer["naam"]:
            items.append((signer["naam"], False, 2 * LEADING))
    return items


def _paragraphs(text: str) -> list[Item]:
    out: list[Item] = []
    for para in text.split("\n\n"):
        for k, line in enumerate(textwrap.wrap(para, 72)):
            out.append((line, False, LEADING * 0.6 if k == 0 else 0.0))
    return out


class Writer:
    def __init__(self) -> None:
        self.doc = pdfium.PdfDocument.new()
        self._bufs: list[Any] = []

    def text(self, page: Any, s: str, x: float, y: float, size: float, bold: bool = False) -> None:
        font = b"Helvetica-Bold" if bold else b"Helvetica"
        obj = pdfium_c.FPDFPageObj_NewTextObj(self.doc.raw, font, ctypes.c_float(size))
        ws = (s + "\x00").encode("utf-16-le")
        buf = ctypes.create_string_buffer(ws, len(ws))
        self._bufs.append(buf)
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def render(record: dict[str, Any], path: str) -> int:
    """Write the record as a PDF letter at `path`; return the number of pages."""
    meta = record["metadata"]
    items = body_items(record)
    pages: list[list[tuple[str, bool, float]]] = [[]]
    y = TOP
    for text, bold, space in items:
        y -= space + LEADING
        if y < BOTTOM:
            pages.append([])
            y = 700.0 - LEADING
        pages[-1].append((text, bold, y))
    w = Writer()
    total = len(pages)
    for n, lines in enumerate(pages, start=1):
        page = w.doc.new_page(WIDTH, HEIGHT)
        col = _column(meta, first=n == 1)
        cy = 760.0
        for text, bold in col:
            if text:
                w.text(page, text, COLUMN, cy, COLUMN_SIZE, bold)
            cy -= 9.0
        w.text(page, f"Pagina {n} van {total}", COLUMN, 40.0, COLUMN_SIZE)
        if n == 1:
            w.text(page, "> Retouradres Postbus 20301 2500 EH Den Haag", LEFT, 740.0, COLUMN_SIZE)
            for k, line in enumerate(["Aan de " + (meta["geadresseerde"] or "Voorzitter"), "Postbus 20018",
                                      "2500 EA Den Haag"]):
                w.text(page, line, LEFT, 710.0 - k * LEADING, BODY_SIZE)
            w.text(page, "Datum", LEFT, 620.0, BODY_SIZE)
            w.text(page, dutch_date(meta["datum"]), LEFT + 60, 620.0, BODY_SIZE)
            w.text(page, "Betreft", LEFT, 606.0, BODY_SIZE)
            for k, line in enumerate(textwrap.wrap(meta["onderwerp"], 60)):
                w.text(page, line, LEFT + 60, 606.0 - k * LEADING, BODY_SIZE)
            for k, note in enumerate(record["voetnoten"]):
                w.text(page, f"{note['nummer']} {note['tekst']}", LEFT, 70.0 - k * 10, NOTE_SIZE)
        for text, bold, ly in lines:
            w.text(page, text, LEFT, ly, BODY_SIZE, bold)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    w.doc.save(path)
    return total


def _column(meta: dict[str, Any], first: bool) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = [(meta["afzender"]["ministerie"] or "", True)]
    out += [(u, False) for u in meta["afzender"]["organisatieonderdelen"]]
    out.append(("", False))
    if first:
        out += [("Postbus 20301", False), ("2500 EH Den Haag", False), ("", False)]
        out += [("Ons kenmerk", True), (meta["kenmerk"], False), ("", False)]
        if meta["uw_kenmerk"]:
            out += [("Uw kenmerk", True), (meta["uw_kenmerk"], False), ("", False)]
        if meta["bijlagen"] is not None:
            out += [("Bijlage(n)", True), (str(meta["bijlagen"]), False)]
    else:
        out += [("Datum", True), (dutch_date(meta["datum"]), False), ("", False)]
        out += [("Ons kenmerk", True), (meta["kenmerk"], False)]
    return out


def render_kamerstuk(text: str, path: str, vergaderjaar: str, dossier: str, nr: str, lines_per_page: int = 12) -> int:
    """A published Kamerstuk text laid out as the printed edition: running header and footer, imprint,
    footnotes in small type at the foot of the page where they are cited."""
    body, _, notes = text.partition("\nX Noot\n")
    note_lines = [" ".join(n.split()) for n in notes.strip().split("\n\n") if n.strip()]
    footnotes = [f"{note_lines[k]} {note_lines[k + 1]}" for k in range(0, len(note_lines) - 1, 2)]
    items: list[tuple[str, float]] = []
    for para in body.strip().split("\n\n"):
        for k, line in enumerate(textwrap.wrap(" ".join(para.split()), 80)):
            items.append((line, LEADING * 0.6 if k == 0 else 0.0))
    pages = [items[i:i + lines_per_page] for i in range(0, len(items), lines_per_page)]
    w = Writer()
    ks_id = f"kst-{dossier.replace(' ', '')}-{nr}"
    for n, chunk in enumerate(pages, start=1):
        page = w.doc.new_page(WIDTH, HEIGHT)
        w.text(page, "Tweede Kamer der Staten-Generaal", LEFT, 790.0, 9.0)
        w.text(page, str(n + 1), 500.0, 790.0, 9.0)
        w.text(page, f"Vergaderjaar {vergaderjaar}", LEFT, 776.0, 9.0)
        y = 740.0
        for line, space in chunk:
            y -= space + LEADING
            w.text(page, line, LEFT, y, BODY_SIZE)
        if n == 1:
            for k, note in enumerate(footnotes):
                w.text(page, note, LEFT, 90.0 - k * 10, NOTE_SIZE)
        w.text(page, f"{ks_id} ISSN 0921 - 7371 's-Gravenhage {vergaderjaar[-4:]}", LEFT, 50.0, 7.0)
        w.text(page, f"Tweede Kamer, vergaderjaar {vergaderjaar}, {dossier}, nr. {nr} {n}", LEFT, 38.0, 7.0)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    w.doc.save(path)
    return len(pages)
