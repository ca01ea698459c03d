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
import re
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
TABLE_SIZE = 9.0  # tables in smaller type, as ministry letters set them

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

    def text(self, page: Any, s: str, x: float, y: float, size: float, bold: bool = False,
             italic: bool = False, font: bytes = b"") -> float:
        """Write `s` with its baseline at (x, y); return where the text ends on the right."""
        font = font or (b"Helvetica-BoldOblique" if bold and italic else b"Helvetica-Bold" if bold
                        else b"Helvetica-Oblique" if italic else b"Helvetica")
        obj = pdfium_c.FPDFPageObj_NewTextObj(self.doc.raw, font, ctypes.c_float(size))
        ws = (s + "\x00").encode("utf-16-le")
        buf = ctypes.create_string_buffer(ws, len(ws))
        self._bufs.append(buf)
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        edges = [ctypes.c_float() for _ in range(4)]
        pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(e) for e in edges))
        return max(edges[2].value, x)

    def box(self, page: Any, x: float, y: float, w: float, h: float) -> None:
        """A stroked rectangle: a box of a figure."""
        path = pdfium_c.FPDFPageObj_CreateNewRect(x, y, w, h)
        pdfium_c.FPDFPath_SetDrawMode(path, 0, 1)
        pdfium_c.FPDFPage_InsertObject(page.raw, path)


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


# A letter as the page sets it: the blocks of `render_blocks`. Note markers stand in the text as {n}.
Block = tuple[str, Any]


def render_blocks(meta: dict[str, Any], blocks: list[Block], notes: dict[str, list[str]], path: str,
                  width: int = 80) -> int:
    """Lay out `blocks` as a ministry letter at `path`; return the number of pages.

    Blocks: ("p", text) a paragraph wrapped at `width` characters, note markers {n} set as superscripts
    (smaller type on a raised baseline, no space before them); ("h", text) a heading in body type with
    no space under it; ("hi", text) the same in italics; ("hb", text) in bold; ("items", [text]) bold
    list items, each wrapped over two lines ("tight items": with no space between them); ("bullets",
    [text]) a bullet list with a hanging indent; ("runin", (heading, text)) a paragraph whose first line opens
    with the heading in bold, run into the text ("Kosten. De kosten ...");
    ("figure", (labels, caption)) boxes with small labels in three columns and a caption under them;
    ("table", [row, ...]) a table of two or three columns, each cell boxed and wrapped in smaller type,
    the first row (the header) in bold;
    ("break", None) ends the page: what follows starts the next (a figure or table at the top of a page);
    ("sign", (function, name)) the closing. `notes` holds each footnote's printed lines; a footnote
    is set at the foot of the page where its marker stands.
    """
    pages: list[list[tuple[str, Any, float]]] = [[]]
    cited: list[list[str]] = [[]]
    y = TOP

    def room(need: float) -> None:
        nonlocal y
        if y - need < BOTTOM + 12 * sum(len(notes.get(n, [])) for n in cited[-1]):
            pages.append([])
            cited.append([])
            y = 700.0

    def put(kind: str, value: Any, height: float) -> None:
        nonlocal y
        room(height)
        pages[-1].append((kind, value, y))
        cited[-1].extend(re.findall(r"\{(\d+)\}", value if isinstance(value, str) else ""))
        y -= height

    for kind, value in blocks:
        y -= LEADING * 0.6
        if kind == "break":
            y = BOTTOM  # the next block finds no room left on this page
        elif kind == "p":
            for line in textwrap.wrap(value, width):
                put("line", line, LEADING)
        elif kind in ("h", "hi", "hb"):
            put(kind, value, LEADING)
        elif kind == "runin":  # a paragraph opening with a bold run-in heading: ("Kosten.", "De kosten ...")
            head, text = value
            for k, line in enumerate(textwrap.wrap(f"{head} {text}", width)):
                put("runin", (head, line[len(head):]), LEADING) if k == 0 else put("line", line, LEADING)
        elif kind in ("items", "tight items"):
            for item in value:
                first, rest = _two_lines(item)
                put("hb", first, LEADING)
                put("hb+", rest, LEADING)
                y -= LEADING * 0.6 if kind == "items" else 0.0
        elif kind == "bullets":
            for item in value:
                for k, line in enumerate(textwrap.wrap(item, width - 6)):
                    put("bullet" if k == 0 else "hang", line, LEADING)
        elif kind == "table":
            widths = _table_columns(value)
            for k, row in enumerate(value):
                cells = [textwrap.wrap(c, cw) or [""] for c, cw in zip(row, widths, strict=True)]
                put("row", (cells, k == 0, widths), max(len(c) for c in cells) * 12.0 + 6)
        elif kind == "figure":
            labels, caption = value
            rows = (len(labels) + 2) // 3
            put("figure", labels, rows * 34.0 + 6)
            put("caption", caption, LEADING)
        elif kind == "sign":
            put("line", value[0], 3 * LEADING)
            put("sign", value[1], LEADING)
    w = Writer()
    total = len(pages)
    for n, (items, marks) in enumerate(zip(pages, cited, strict=True), start=1):
        page = w.doc.new_page(WIDTH, HEIGHT)
        _furniture(w, page, meta, n, total)
        for kind, value, ly in items:
            if kind == "figure":
                for k, label in enumerate(value):
                    bx, by = LEFT + 20 + (k % 3) * 120, ly - 30 - (k // 3) * 34
                    w.box(page, bx - 4, by - 6, 110, 28)
                    for j, part in enumerate(textwrap.wrap(label, 24)):
                        w.text(page, part, bx, by + 12 - j * 7, 6.0)
            elif kind == "row":
                cells, head, widths = value
                height = max(len(c) for c in cells) * 12.0 + 6
                x = LEFT
                for lines, chars in zip(cells, widths, strict=True):
                    w.box(page, x - 3, ly - height + 12, chars * 4.6 + 6, height)
                    for j, line in enumerate(lines):
                        w.text(page, line, x, ly - j * 12, TABLE_SIZE, bold=head)
                    x += chars * 4.6 + 6
            elif kind == "runin":
                head, rest = value
                end = w.text(page, head, LEFT, ly, BODY_SIZE, bold=True)
                _marked_line(w, page, rest, end, ly)
            elif kind == "caption":
                w.text(page, value, LEFT, ly, 8.0)
            elif kind == "bullet":
                w.text(page, "\u2022", LEFT + 10, ly, BODY_SIZE, font=b"Symbol")
                _marked_line(w, page, value, LEFT + 24, ly)
            elif kind == "hang":
                _marked_line(w, page, value, LEFT + 24, ly)
            elif kind == "sign":
                _signature_name(w, page, value, LEFT, ly)
            else:
                bold, italic = kind in ("hb", "hb+"), kind == "hi"
                x = LEFT + (14 if kind == "hb+" else 0)
                _marked_line(w, page, value, x, ly, bold=bold, italic=italic)
        ny = 70.0
        for num in marks:
            for k, line in enumerate(notes.get(num, [])):
                if k == 0:
                    end = w.text(page, num, LEFT, ny + 2.5, 5.0)
                    w.text(page, line, end + 2, ny, NOTE_SIZE)
                else:
                    w.text(page, line, end + 2, ny, NOTE_SIZE)
                ny -= 10.0
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    w.doc.save(path)
    return total


def _table_columns(rows: list[list[str]]) -> list[int]:
    """The width of each table column in characters: a narrow first column for the number of three; a
    column is as wide as its longest word at least (a word processor breaks no word inside a cell)."""
    widths = [4, 30, 40] if len(rows[0]) == 3 else [34, 42]
    return [max([w, *(len(word) + 1 for row in rows for word in row[c].split())]) for c, w in enumerate(widths)]


def _two_lines(text: str) -> tuple[str, str]:
    words = text.split()
    half = (len(words) + 1) // 2
    return " ".join(words[:half]), " ".join(words[half:])


def _marked_line(w: Writer, page: Any, line: str, x: float, y: float, bold: bool = False,
                 italic: bool = False) -> None:
    """A line whose note markers {n} are set small on a raised baseline, right after the word."""
    for k, part in enumerate(re.split(r"\{(\d+)\}", line)):
        if k % 2:
            x = w.text(page, part, x + 0.4, y + 0.35 * BODY_SIZE, 0.65 * BODY_SIZE)
        elif part:
            lead = BODY_SIZE * 0.28 if part.startswith(" ") else 0.0
            x = w.text(page, part.strip(), x + lead, y, BODY_SIZE, bold=bold, italic=italic)
            if part.endswith(" ") and part.strip():
                x += BODY_SIZE * 0.28


def _signature_name(w: Writer, page: Any, name: str, x: float, y: float) -> None:
    """A name set in pieces ("drs. V.L.W" + ".A. Jansen"), as word processors place initials: text
    extraction tends to invent a space in the narrow gap between the pieces."""
    head, sep, tail = name.partition(".A.")
    end = w.text(page, head, x, y, BODY_SIZE)
    if sep:
        w.text(page, sep + tail, end + 0.25 * BODY_SIZE, y, BODY_SIZE)


def _furniture(w: Writer, page: Any, meta: dict[str, Any], n: int, total: int) -> None:
    """The colophon column (repeated as a running header), "Pagina N van M", and page 1's address block."""
    cy = 760.0
    for text, bold in _column(meta, first=n == 1):
        if text:
            w.text(page, text, COLUMN, cy, COLUMN_SIZE, bold)
        cy -= 9.0
    w.text(page, f"Pagina {n} van {total}", COLUMN, 40.0, COLUMN_SIZE)
    if n == 1:
        w.text(page, "> Retouradres Postbus 20901 2500 EX Den Haag", LEFT, 740.0, COLUMN_SIZE)
        for k, line in enumerate(["Aan de " + (meta["geadresseerde"] or "Voorzitter"), "Postbus 20018",
                                  "2500 EA Den Haag"]):
            w.text(page, line, LEFT, 710.0 - k * LEADING, BODY_SIZE)
        w.text(page, "Datum", LEFT, 620.0, BODY_SIZE)
        w.text(page, dutch_date(meta["datum"]), LEFT + 60, 620.0, BODY_SIZE)
        w.text(page, "Betreft", LEFT, 606.0, BODY_SIZE)
        for k, line in enumerate(textwrap.wrap(meta["onderwerp"], 60)):
            w.text(page, line, LEFT + 60, 606.0 - k * LEADING, BODY_SIZE)


def structured_letter() -> tuple[dict[str, Any], list[Block], dict[str, list[str]]]:
    """An invented kabinetsreactie that uses what ministry PDFs set by type and place: note markers
    after a year, a word and a bracket, a footnote with a URL wrapped at its own hyphen on the last
    page, bold recommendations wrapped over two lines, headings in body type, italics and bold, a
    bullet list, an organogram with a caption, and a signer with initials."""
    meta = {
        "afzender": {"ministerie": "Ministerie van Infrastructuur en Waterstaat",
                     "organisatieonderdelen": ["Directoraat-Generaal Water en Bodem"]},
        "kenmerk": "IENW/BSK-2025/100200", "uw_kenmerk": None, "bijlagen": 1, "datum": "2025-03-14",
        "geadresseerde": "Voorzitter van de Tweede Kamer der Staten-Generaal",
        "onderwerp": "Kabinetsreactie op het advies over regenwater in de stad",
    }
    blocks: list[Block] = [
        ("p", "Geachte voorzitter,"),
        ("p", "Op 3 maart 2024{1} heeft de Raad voor Stedelijk Water zijn advies over de opvang van "
              "regenwater in de stad uitgebracht. Het advies bevat vier aanbevelingen. In deze brief "
              "geef ik, mede namens de minister van Binnenlandse Zaken, de reactie van het kabinet op "
              "elk van de vier aanbevelingen."),
        ("items", ["1. Leg de opvang van regenwater in elke gemeente vast in een visie voor de lange termijn"]),
        ("p", "Het kabinet neemt deze aanbeveling over. Gemeenten stellen voor het einde van 2026 een "
              "visie op, zoals ook de evaluatie van het programma Waterslim{2} aanraadt."),
        ("items", ["2. Maak van elk plein en elke speelplaats een plek die bij hevige regen water kan bergen"]),
        ("p", "Het kabinet neemt deze aanbeveling deels over. Niet elk plein leent zich ervoor."),
        ("items", ["3. Geef waterschappen een stem bij de inrichting van nieuwe wijken en bedrijventerreinen"]),
        ("p", "Het kabinet neemt deze aanbeveling over en regelt dit in de omgevingsregels."),
        ("items", ["4. Zorg voor een fonds waaruit gemeenten de aanleg van groene daken kunnen betalen"]),
        ("p", "Het kabinet neemt deze aanbeveling niet over. Gemeenten kunnen daarvoor al bestaande "
              "regelingen gebruiken."),
        ("hb", "Uitvoering"),
        ("h", "Afspraken met gemeenten en waterschappen"),
        ("p", "De uitvoering ligt bij gemeenten en waterschappen. Zij werken samen in regionale "
              "werkplaatsen (de werkplaatsen Regenbestendig){3} en worden daarbij ondersteund door het "
              "Rijk. De werkplaatsen richten zich op de volgende onderwerpen:"),
        ("bullets", ["Kennis: wat werkt in welke wijk, en wat kost het om een bestaande straat zo in te "
                     "richten dat hij een flinke bui kan verwerken.",
                     "Geld: welke middelen gemeenten en waterschappen samen inzetten."]),
        ("p", "De samenwerking is als volgt georganiseerd (zie figuur 1)."),
        ("figure", (["Stuurgroep Regenwater", "Leden: gemeenten en waterschappen", "Secretariaat",
                     "Werkplaats Noord", "Werkplaats Midden", "Werkplaats Zuid"],
                    "Figuur 1. Organisatie werkplaatsen Regenbestendig")),
        ("p", "De stuurgroep komt vier keer per jaar bijeen en rapporteert aan mij over de voortgang van "
              "de werkplaatsen."),
        ("hi", "Tot besluit"),
        ("p", "Ik zal uw Kamer voor de zomer van 2026 informeren over de voortgang, zoals gevraagd in de "
              "motie Van Dijk{4}."),
        ("sign", ("De Staatssecretaris van Infrastructuur en Waterstaat,", "drs. P.J.M.A. Verhoeven")),
    ]
    notes = {
        "1": ["Kamerstuk 30 000, nr. 12."],
        "2": ["Kamerstuk 30 000, nr. 15."],
        "3": ["Zie https://www.voorbeeld.example/werkplaatsen/regen-", "bestendig-inrichten/overzicht"],
        "4": ["Kamerstuk 30 000, nr. 20."],
    }
    return meta, blocks, notes
