"""PDF reader: what the page sets by type and place reaches the record (issue 11).

The letters are invented and rendered by tests/letterpdf.py: note markers in superscript, footnotes in
small type, bold items wrapped over two lines, headings in body type and in italics, bullets, an
organogram with a caption, a signer whose initials are set in pieces; run-in headings (the markdown sample
`lnv-voortgang-tussenkoppen.md` as PDF, and as DOCX beside it); tables found from the geometry, and
layouts in columns that are no tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import kamerbrief
from kamerbrief.model import Document
from kamerbrief.readers import pdf

from .letterpdf import render_blocks, structured_letter


def texts(record: dict[str, Any]) -> str:
    parts = [s["tekst"] for s in record["secties"]] + [a["reactie"] for a in record["aanbevelingen"]]
    parts += [n["tekst"] for n in record["voetnoten"]]
    return "\n".join(" ".join(p.split()) for p in parts)


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    meta, blocks, notes = structured_letter()
    path = tmp_path_factory.mktemp("pdf") / "regenwater.pdf"
    assert render_blocks(meta, blocks, notes, str(path)) == 2
    return kamerbrief.parse_file(path).record


def test_note_markers_are_references_not_digits_of_the_word_before(letter: dict[str, Any]) -> None:
    body = texts(letter)
    assert "Op 3 maart 2024 heeft de Raad" in body  # after a year: not "20241"
    assert "het programma Waterslim aanraadt." in body  # after a word: not "Waterslim2"
    assert "(de werkplaatsen Regenbestendig) en worden" in body  # after a bracket
    assert "motie Van Dijk." in body
    for glued in ("20241", "Waterslim2", "Regenbestendig)3", "Dijk4"):
        assert glued not in body


def test_footnotes_item_by_item_with_the_url_whole(letter: dict[str, Any]) -> None:
    notes = letter["voetnoten"]
    assert [n["nummer"] for n in notes] == ["1", "2", "3", "4"]  # 3 and 4 on the last page
    assert notes[0]["tekst"] == "Kamerstuk 30 000, nr. 12."
    assert notes[2]["tekst"] == "Zie https://www.voorbeeld.example/werkplaatsen/regen-bestendig-inrichten/overzicht"
    assert all("Kamerstuk 30 000" not in s["tekst"] for s in letter["secties"])


def test_a_bold_item_wrapped_over_two_lines_is_one_recommendation(letter: dict[str, Any]) -> None:
    recs = letter["aanbevelingen"]
    assert [r["nummer"] for r in recs] == [1, 2, 3, 4]
    assert recs[0]["titel"] == "Leg de opvang van regenwater in elke gemeente vast in een visie voor de lange termijn"
    assert recs[0]["reactie"].startswith("Het kabinet neemt deze aanbeveling over.")
    assert [r["standpunt"] for r in recs] == ["overgenomen", "deels_overgenomen", "overgenomen", "niet_overgenomen"]


def test_headings_in_bold_in_italics_and_in_body_type_head_their_sections(letter: dict[str, Any]) -> None:
    koppen = [s["kop"] for s in letter["secties"]]
    assert koppen == [None, "Uitvoering", "Afspraken met gemeenten en waterschappen", "Tot besluit"]
    afspraken = letter["secties"][2]["tekst"]
    assert afspraken.startswith("De uitvoering ligt bij gemeenten en waterschappen.")


def test_figure_text_and_caption_stay_out_of_the_body(letter: dict[str, Any]) -> None:
    body = texts(letter)
    for label in ("Stuurgroep Regenwater", "Werkplaats Noord", "Secretariaat", "Leden: gemeenten"):
        assert label not in body
    assert not any((s["kop"] or "").startswith("Figuur") for s in letter["secties"])
    assert "De samenwerking is als volgt georganiseerd (zie figuur 1).\n\nDe stuurgroep komt" in \
        letter["secties"][2]["tekst"]


def test_bullets_are_list_items(letter: dict[str, Any]) -> None:
    afspraken = letter["secties"][2]["tekst"]
    assert "\n\n• Kennis: wat werkt in welke wijk, en wat kost het om een bestaande straat zo in te" in afspraken
    assert "\n\n• Geld: welke middelen" in afspraken


def test_initials_set_in_pieces_get_no_space(letter: dict[str, Any]) -> None:
    assert letter["metadata"]["afzender"]["naam"] == "drs. P.J.M.A. Verhoeven"
    assert letter["ondertekening"]["ondertekenaars"][0]["naam"] == "drs. P.J.M.A. Verhoeven"


def test_a_raised_number_without_its_footnote_stays_in_the_text(tmp_path: Path) -> None:
    meta, _, _ = structured_letter()
    blocks = [("p", "Geachte voorzitter,"),
              ("p", "Elke woning van 80 m{2} krijgt een regenton. Dat staat in het besluit{1} van vorig jaar."),
              ("sign", ("De Staatssecretaris van Infrastructuur en Waterstaat,", "drs. P.J.M.A. Verhoeven"))]
    render_blocks(meta, blocks, {"1": ["Kamerstuk 30 000, nr. 3."]}, str(tmp_path / "m2.pdf"))
    body = texts(kamerbrief.parse_file(tmp_path / "m2.pdf").record)
    assert "Elke woning van 80 m2 krijgt een regenton. Dat staat in het besluit van vorig jaar." in body


class _Plain:
    """Every character 10 pt, upright, regular."""

    def size(self, i: int) -> float:
        return 10.0

    def face(self, i: int) -> tuple[bool, bool]:
        return False, False


def _boxes(text: str) -> list[tuple[float, float, float, float]]:
    return [(80.0 + 6 * k, 700.0, 80.0 + 6 * k + (0.0 if ch == " " else 5.0), 707.0) for k, ch in enumerate(text)]


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0a7", "\u2022", "\u25aa"])
def test_a_bullet_glyph_of_any_font_is_the_list_marker(glyph: str) -> None:
    text = f"{glyph} Kennis delen\uf02d en leren"
    lines = pdf._make_lines(list(range(len(text))), text, _boxes(text), _Plain(), 1000.0)  # type: ignore[arg-type]
    assert [ln.text for ln in lines] == ["• Kennis delen- en leren"]


def _page(lines: list[tuple[str, float, float]]) -> pdf.PdfPage:
    """A page of (text, baseline, size) lines at the left margin."""
    return pdf.PdfPage(595.0, 842.0, [
        pdf.PdfLine(text=t, x0=80.0, x1=80.0 + 5.0 * len(t), top=y + size, bottom=y, size=size, word_x1=110.0)
        for t, y, size in lines])


def test_a_footnote_that_runs_on_over_the_page_stays_one_note() -> None:
    body = [(f"Regel {k} van de brief met gewone tekst over het onderwerp.", 700.0 - 14 * k, 10.0) for k in range(8)]
    one = _page([*body, ("1 Kamerstuk 30 000, nr. 12, en verder het rapport van de", 80.0, 8.0)])
    two = _page([*body, ("commissie over regenwater.", 90.0, 8.0), ("2 Kamerstuk 30 000, nr. 15.", 80.0, 8.0)])
    text = pdf.assemble([one, two])
    notes = text.split("\nNoten\n")[1].splitlines()
    assert notes == ["1 Kamerstuk 30 000, nr. 12, en verder het rapport van de commissie over regenwater.",
                     "2 Kamerstuk 30 000, nr. 15."]
    assert "commissie over regenwater" not in text.split("\nNoten\n")[0]


def test_a_page_with_more_note_text_than_body_text_still_has_its_notes_apart() -> None:
    body = [(f"Regel {k} van de brief met gewone tekst over het onderwerp.", 700.0 - 14 * k, 10.0) for k in range(30)]
    one = _page([*body, ("1 Kamerstuk 30 000, nr. 12.", 80.0, 8.0)])
    notes = [(f"{k} Een lange noot met een toelichting die de hele breedte van de bladspiegel vult, en meer.",
              200.0 - 10 * k, 8.0) for k in range(2, 9)]
    two = _page([("Hoogachtend,", 700.0, 10.0), ("De minister van Infrastructuur en Waterstaat,", 686.0, 10.0),
                 *notes])
    text = pdf.assemble([one, two])
    body_text, _, noten = text.partition("\nNoten\n")
    assert "Een lange noot" not in body_text
    assert [n.split()[0] for n in noten.splitlines()] == [str(k) for k in range(1, 9)]


@pytest.mark.parametrize("kind", ["items", "tight items"])
def test_bold_recommendations_listed_first_and_answered_in_prose_keep_their_whole_titles(
        tmp_path: Path, kind: str) -> None:
    meta, _, _ = structured_letter()
    titles = ["Leg de opvang van regenwater in elke gemeente vast in een visie voor de lange termijn",
              "Maak van elk plein en elke speelplaats een plek die bij hevige regen water kan bergen",
              "Geef waterschappen een stem bij de inrichting van nieuwe wijken en bedrijventerreinen",
              "Zorg voor een fonds waaruit gemeenten de aanleg van groene daken kunnen betalen"]
    blocks = [("p", "Geachte voorzitter,"),
              ("p", "De Raad doet in zijn advies de volgende vier aanbevelingen:"),
              (kind, [f"{k}. {t}" for k, t in enumerate(titles, start=1)]),
              ("p", "De eerste aanbeveling neemt het kabinet over. Gemeenten stellen een visie op."),
              ("p", "De tweede aanbeveling neemt het kabinet niet over. Niet elk plein leent zich ervoor."),
              ("p", "De derde aanbeveling neemt het kabinet over."),
              ("p", "De vierde aanbeveling neemt het kabinet niet over."),
              ("sign", ("De Staatssecretaris van Infrastructuur en Waterstaat,", "drs. P.J.M.A. Verhoeven"))]
    render_blocks(meta, blocks, {}, str(tmp_path / "lijst.pdf"))
    recs = kamerbrief.parse_file(tmp_path / "lijst.pdf").record["aanbevelingen"]
    assert [(r["nummer"], r["titel"]) for r in recs] == list(enumerate(titles, start=1))


def test_bold_lines_are_lines_of_the_text_on_every_page(tmp_path: Path) -> None:
    """The reader's bold and italic lines are non-blank lines of its text, numbered as the text counts them
    (a form feed stays inside its line), on page 2 as on page 1."""
    from kamerbrief.readers import read
    from kamerbrief.readers.markup import source_lines

    meta, blocks, notes = structured_letter()
    path = tmp_path / "brief.pdf"
    render_blocks(meta, blocks, notes, str(path))
    doc = read(path)
    text = source_lines(doc.text)
    lines = [ln for ln in doc.lines if ln.lineno]
    bold = [ln for ln in lines if ln.bold]
    assert bold and all(ln.text.strip() for ln in bold)
    assert all(ln.text == " ".join(text[ln.lineno - 1].replace("\f", "").split()) for ln in bold)
    page_two = next(i for i, ln in enumerate(lines) if ln.page_break)
    assert any(ln.italic for ln in lines[page_two:])


RUN_IN_SAMPLE = Path(__file__).parent.parent / "samples" / "lnv-voortgang-tussenkoppen.md"


def run_in_blocks(sample: Path) -> list[Any]:
    """The sample's body as render_blocks blocks: "**Kosten.** De kosten ..." as a run-in heading, set in bold
    at the start of its paragraph's first line; a paragraph opening with any other bold run likewise."""
    import re

    body = sample.read_text(encoding="utf-8").split("Geachte voorzitter,", 1)[1]
    chunks = [" ".join(c.split()) for c in body.split("\n\n") if c.strip()]
    blocks: list[Any] = [("p", "Geachte voorzitter,")]
    blocks += [("runin", (m.group(1), m.group(2))) if (m := re.match(r"^\*\*(.+?)\*\* (.*)$", c)) else ("p", c)
               for c in chunks[:-2]]
    blocks.append(("sign", (chunks[-2], chunks[-1])))
    return blocks


def test_run_in_headings_in_bold_head_their_sections_as_in_markdown(tmp_path: Path) -> None:
    """A paragraph opening with a bold phrase run into its text ("Kosten. De kosten ...", "Kosten De
    kosten ...") is a section with that heading, in PDF as in markdown; a bold word that the text goes on
    from in lower case, or a bold sentence in the sender's voice, stays in its paragraph."""
    md = kamerbrief.parse_file(RUN_IN_SAMPLE).record
    path = tmp_path / "tussenkoppen.pdf"
    render_blocks(md["metadata"], run_in_blocks(RUN_IN_SAMPLE), {}, str(path))
    got = kamerbrief.parse_file(path).record
    assert [s["kop"] for s in md["secties"]] == [None, "Stand van zaken", "Kosten", "Samenwerking met boeren"]
    assert [(s["kop"], " ".join(s["tekst"].split())) for s in got["secties"]] == [
        (s["kop"], " ".join(s["tekst"].split())) for s in md["secties"]]
    doc = pdf.read_pdf(path, path.read_bytes(), "", "pdf")
    heads = [ln for ln in doc.lines if ln.text in ("Stand van zaken", "Kosten", "Samenwerking met boeren")]
    assert len(heads) == 3 and all(ln.bold and ln.role == "body" for ln in heads)


def _read_layout(path: Path, lines: list[tuple[float, float, str, bool]], small_from: float = 1000.0) -> Document:
    """The Document the PDF reader gives for a page laid out by `_layout_pdf`."""
    _layout_pdf(path, lines, small_from)
    return pdf.read_pdf(path, path.read_bytes(), "", "pdf")


def _layout_pdf(path: Path, lines: list[tuple[float, float, str, bool]], small_from: float = 1000.0) -> None:
    """One page with each (x, y, text, bold) set in body type (in 7 points from x `small_from` on)."""
    import pypdfium2.raw as pdfium_c

    from .letterpdf import BODY_SIZE, HEIGHT, WIDTH, Writer

    w = Writer()
    page = w.doc.new_page(WIDTH, HEIGHT)
    for x, y, text, bold in lines:
        w.text(page, text, x, y, 7.0 if x >= small_from else BODY_SIZE, bold)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    w.doc.save(str(path))


def test_pdf_layouts_in_columns_that_are_no_tables_stay_text(tmp_path: Path) -> None:
    """Label and value side by side (the letterhead), a numbered list with a hanging indent, and two
    signature blocks side by side are no tables: no line of them becomes a table row."""
    rows: list[tuple[float, float, str, bool]] = [
        (80, 760, "Datum", False), (140, 760, "3 april 2025", False),
        (80, 746, "Betreft", False), (140, 746, "Voortgang van het programma voor de aanleg van nieuwe", False),
        (140, 732, "fietsenstallingen bij stations in het hele land", False),
        (80, 700, "Geachte voorzitter,", False),
        (80, 680, "Het kabinet neemt de volgende stappen om het programma te versnellen en te verbeteren:", False),
        (80, 662, "1.", False),
        (98, 662, "Gemeenten krijgen een vaste bijdrage voor elke nieuwe stalling die zij", False),
        (98, 648, "bij een station bouwen, ook als die stalling klein is.", False),
        (80, 634, "2.", False), (98, 634, "ProRail krijgt de opdracht om de bouw van grote stallingen bij de", False),
        (98, 620, "drukste stations voor 2030 af te ronden en daarover te rapporteren.", False),
        (80, 600, "Ik informeer uw Kamer voor de zomer over de voortgang van het programma en de kosten.", False),
        (80, 560, "De minister van Infrastructuur en Waterstaat,", False),
        (320, 560, "De staatssecretaris van Infrastructuur en Waterstaat,", False),
        (80, 520, "B. de Graaf", False), (320, 520, "C. van Dijk", False),
    ]
    doc = _read_layout(tmp_path / "kolommen.pdf", rows)
    assert not [ln.text for ln in doc.lines if ln.cells or ln.role == "table_cell"]
    text = " ".join(ln.text for ln in doc.lines)
    assert "Gemeenten krijgen een vaste bijdrage" in text and "C. van Dijk" in text


def test_a_pdf_table_in_body_type_with_two_columns_gives_its_rows(tmp_path: Path) -> None:
    """A table of two columns set in body type, its cells wrapped, rows apart by a larger gap: one table row
    per table row, each cell's lines joined."""
    rows: list[tuple[float, float, str, bool]] = [
        (80, 700, "Geachte voorzitter,", False),
        (80, 680, "De Raad doet twee aanbevelingen; hieronder staat telkens mijn reactie.", False),
        (80, 656, "Aanbeveling", True), (300, 656, "Reactie", True),
        (80, 636, "Geef iedere gemeente een plan voor", False), (300, 636, "Ik neem deze aanbeveling over en", False),
        (80, 622, "de opvang van regenwater.", False), (300, 622, "bespreek haar met de VNG.", False),
        (80, 600, "Maak een fonds voor groene daken", False), (300, 600, "Deze aanbeveling neem ik niet over.", False),
        (80, 586, "in de grote steden.", False),
        (80, 560, "Ik vertrouw erop uw Kamer hiermee te hebben geïnformeerd over mijn reactie op het advies.", False),
    ]
    doc = _read_layout(tmp_path / "tabel.pdf", rows)
    assert [ln.cells for ln in doc.lines if ln.role == "table_cell"] == [
        ("Aanbeveling", "Reactie"),
        ("Geef iedere gemeente een plan voor de opvang van regenwater.",
         "Ik neem deze aanbeveling over en bespreek haar met de VNG."),
        ("Maak een fonds voor groene daken in de grote steden.", "Deze aanbeveling neem ik niet over.")]
    assert [ln.row for ln in doc.lines if ln.role == "table_cell"] == [1, 2, 3]  # each row's place in its table
    assert all(ln.row == 0 for ln in doc.lines if ln.role != "table_cell")
    assert any(ln.text.startswith("Ik vertrouw erop") and ln.role == "body" for ln in doc.lines)


def test_a_pdf_table_whose_cells_are_set_one_after_the_other_is_found_without_other_wide_gaps(tmp_path: Path) -> None:
    """Word writes a table cell by cell, so no line of the text holds two cells; and the page holds no other
    line with a wide gap in it (no letterhead): the cells side by side still make the table."""
    rows: list[tuple[float, float, str, bool]] = [
        (80, 700, "Geachte voorzitter,", False),
        (80, 680, "De Raad doet twee aanbevelingen; hieronder staat telkens mijn reactie.", False),
        (80, 656, "Geef iedere gemeente een plan voor", False), (80, 642, "de opvang van regenwater.", False),
        (300, 656, "Ik neem deze aanbeveling over en", False), (300, 642, "bespreek haar met de VNG.", False),
        (80, 620, "Maak een fonds voor groene daken", False), (80, 606, "in de grote steden.", False),
        (300, 620, "Deze aanbeveling neem ik niet over.", False),
        (80, 580, "Ik vertrouw erop uw Kamer hiermee te hebben geïnformeerd over mijn reactie op het advies.", False),
    ]
    doc = _read_layout(tmp_path / "tabel.pdf", rows)
    assert [ln.cells for ln in doc.lines if ln.role == "table_cell"] == [
        ("Geef iedere gemeente een plan voor de opvang van regenwater.",
         "Ik neem deze aanbeveling over en bespreek haar met de VNG."),
        ("Maak een fonds voor groene daken in de grote steden.", "Deze aanbeveling neem ik niet over.")]


def test_body_text_beside_a_colophon_column_that_starts_left_of_the_usual_edge_is_no_table(tmp_path: Path) -> None:
    """A colophon column set in small type that starts left of where the reader looks for it (so it is not
    taken for the column): the body lines beside it on the same baselines are still no table."""
    body = ["Met deze brief informeer ik uw Kamer over de voortgang", "van het programma voor de aanleg van nieuwe",
            "fietsenstallingen bij de stations in het hele land.", "De bouw van de stallingen ligt op schema en de",
            "kosten blijven binnen het budget van dit jaar."]
    column = ["Directoraat-Generaal Mobiliteit en Bereikbaarheid", "Directie Openbaar Vervoer en Spoor",
              "Rijnstraat 8 te Den Haag", "Ons kenmerk IENW/BSK-2025/4521", "Pagina 2 van 2 van deze brief"]
    rows: list[tuple[float, float, str, bool]] = [(80, 720, "Geachte voorzitter,", False)]
    for k, (a, b) in enumerate(zip(body, column, strict=True)):
        rows += [(80, 700 - 14 * k, a, False), (360, 700 - 14 * k, b, False)]
    doc = _read_layout(tmp_path / "kolom.pdf", rows, small_from=360)
    assert not [ln.text for ln in doc.lines if ln.cells or ln.role == "table_cell"]


def test_run_in_headings_in_a_docx_head_their_sections_as_in_markdown(tmp_path: Path) -> None:
    from .test_readers import docx_from_markdown

    docx = tmp_path / "tussenkoppen.docx"
    docx_from_markdown(RUN_IN_SAMPLE.read_text(encoding="utf-8"), docx)
    md, word = kamerbrief.parse_file(RUN_IN_SAMPLE).record, kamerbrief.parse_file(docx).record
    assert [(s["kop"], " ".join(s["tekst"].split())) for s in word["secties"]] == [
        (s["kop"], " ".join(s["tekst"].split())) for s in md["secties"]]


def test_a_pdf_table_with_rows_as_close_as_its_lines_splits_where_every_cell_opens(tmp_path: Path) -> None:
    """No extra space between the rows: a row starts where every column opens with a capital or a number,
    and a cell's next line, going on in lower case, stays in its row."""
    rows: list[tuple[float, float, str, bool]] = [(80, 700, "Geachte voorzitter,", False)]
    cells = [("Stel een landelijke norm op voor het zicht", "Ik neem deze aanbeveling over en stel de"),
             ("van brugwachters op afstand.", "norm in 2025 vast."),
             ("Laat iedere centrale jaarlijks oefenen.", "Deze aanbeveling is al in uitvoering."),
             ("Verbied meer dan tien objecten per bediener.", "Een vast maximum neem ik niet over.")]
    for k, (a, b) in enumerate(cells):
        rows += [(80, 676 - 13 * k, a, False), (310, 676 - 13 * k, b, False)]
    rows.append((80, 600, "Ik vertrouw erop uw Kamer hiermee te hebben geïnformeerd over mijn reactie op het advies.",
                 False))
    doc = _read_layout(tmp_path / "tabel.pdf", rows)
    assert [ln.cells for ln in doc.lines if ln.role == "table_cell"] == [
        ("Stel een landelijke norm op voor het zicht van brugwachters op afstand.",
         "Ik neem deze aanbeveling over en stel de norm in 2025 vast."),
        ("Laat iedere centrale jaarlijks oefenen.", "Deze aanbeveling is al in uitvoering."),
        ("Verbied meer dan tien objecten per bediener.", "Een vast maximum neem ik niet over.")]
