"""Readers return one `Document` of `Line`s with roles (issue 11, item 1), and the parser reads the roles.

The letters are invented: a PDF rendered by tests/letterpdf.py, a DOCX written by tests/worddoc.py,
markdown and text written here.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

import kamerbrief
from kamerbrief.model import Document, Line
from kamerbrief.parse import parse_source
from kamerbrief.readers import from_bytes, read
from kamerbrief.readers.markup import text_document

from .letterpdf import render_blocks, structured_letter
from .worddoc import write_docx


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    meta, blocks, notes = structured_letter()
    path = tmp_path_factory.mktemp("doc") / "regenwater.pdf"
    render_blocks(meta, blocks, notes, str(path))
    return read(path)


def test_read_returns_a_document_whose_pdf_lines_carry_their_page(pdf_doc: Document) -> None:
    assert isinstance(pdf_doc, Document) and pdf_doc.format == "pdf" and pdf_doc.pages == 2
    assert all(ln.page in (1, 2) for ln in pdf_doc.lines)
    body = [ln for ln in pdf_doc.lines if ln.role == "body" and ln.text]
    first = next(ln for ln in body if ln.text.startswith("Op 3 maart 2024"))
    later = next(ln for ln in body if ln.text.startswith("De stuurgroep komt"))
    assert (first.page, later.page) == (1, 2)
    # a line's number is its line in the reader's text, as the warnings and --posities count
    text = pdf_doc.text.split("\n")
    assert all(ln.text == " ".join(text[ln.lineno - 1].replace("\f", "").split()) for ln in body)


def test_pdf_footnotes_are_footnote_lines_with_their_numbers(pdf_doc: Document) -> None:
    notes = [ln for ln in pdf_doc.lines if ln.role == "footnote" and ln.note is not None]
    assert [ln.note for ln in notes] == ["1", "2", "3", "4"]
    assert notes[0].text == "Kamerstuk 30 000, nr. 12."  # the number is the line's `note`, not its text
    assert [ln.page for ln in notes] == [1, 1, 2, 2]  # the page the note is printed on
    assert all(ln.size < 1.0 for ln in notes)  # small type
    assert pdf_doc.footnotes[2] == ("3", "Zie https://www.voorbeeld.example/werkplaatsen/regen-bestendig-inrichten/"
                                         "overzicht")


def test_pdf_note_references_are_kept_on_their_line_out_of_its_text(pdf_doc: Document) -> None:
    """Each superscript marker is a reference on the line it stood on: every note is cited once, in order."""
    cited = [(ln.refs, ln.text) for ln in pdf_doc.lines if ln.refs]
    assert [r for refs, _ in cited for r in refs] == ["1", "2", "3", "4"]
    assert all(ln.role != "footnote" for ln in pdf_doc.lines if ln.refs)
    for refs, text in cited:  # the marker is no digit glued to the word or year before it
        assert not any(f"{word}{ref}" in text for ref in refs for word in ("2024", "2025", "afschrift"))


def test_pdf_figure_text_is_figure_lines_never_body(pdf_doc: Document) -> None:
    figure = " ".join(ln.text for ln in pdf_doc.lines if ln.role == "figure")
    for label in ("Stuurgroep Regenwater", "Werkplaats Noord", "Figuur 1."):
        assert label in figure
    others = " ".join(ln.text for ln in pdf_doc.lines if ln.role != "figure")
    assert "Stuurgroep Regenwater" not in others and "Werkplaats Noord" not in others
    assert all(ln.lineno == 0 for ln in pdf_doc.lines if ln.role == "figure")  # on no line of the text


def test_pdf_bullets_colophon_and_page_numbers_have_their_roles(pdf_doc: Document) -> None:
    items = [ln for ln in pdf_doc.lines if ln.role == "list_item"]
    assert [ln.text[:8] for ln in items] == ["• Kennis", "• Geld: "]
    assert all(ln.marker == "•" and ln.level == 1 for ln in items)
    colophon = [ln.text for ln in pdf_doc.lines if ln.role == "colophon"]
    assert "IENW/BSK-2025/100200" in colophon and "Ons kenmerk" in colophon
    assert [ln.text for ln in pdf_doc.lines if ln.role == "page_number"] == ["Pagina 1 van 2", "Pagina 2 van 2"]
    assert any(ln.bold for ln in pdf_doc.lines if ln.text.startswith("1. Leg de opvang"))
    # the colophon repeated on page 2 is a running header: in the Document, out of the text
    repeated = [ln for ln in pdf_doc.lines if ln.role == "header"]
    assert {ln.page for ln in repeated} == {2} and all(ln.lineno == 0 for ln in repeated)
    assert "IENW/BSK-2025/100200" in [ln.text for ln in repeated]
    assert pdf_doc.text.count("IENW/BSK-2025/100200") == 1


def test_pdf_return_address_is_a_letterhead_line(pdf_doc: Document) -> None:
    head = [ln for ln in pdf_doc.lines if ln.role == "letterhead"]
    assert [ln.text for ln in head] == ["> Retouradres Postbus 20901 2500 EX Den Haag"] and head[0].page == 1


def test_readers_import_nothing_from_the_rules() -> None:
    for path in (Path(kamerbrief.__file__).parent / "readers").glob("*.py"):
        assert "rules" not in "".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                                      if ln.lstrip().startswith(("import ", "from "))), path.name


HEADER = ["Retouradres Postbus 20901 2500 EX Den Haag", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
          "Datum 3 maart 2025", "Betreft Veerdiensten", "Ons kenmerk IENW/BSK-2025/1234"]


def test_docx_header_parts_are_letterhead_lines_and_word_notes_footnote_lines(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "brief.docx", HEADER, [
        ["Geachte voorzitter,"], ["Het veer bij Schoonhoven", ("fn", 1), " vaart weer", ("en", 1), "."],
        ["De Minister van Infrastructuur en Waterstaat,"], ["P. de Vries"],
    ], footnotes={1: ["Kamerstuk 12345, nr. 6."]}, endnotes={1: ["Dienstregeling 2025."]})
    doc = read(path)
    head = [ln for ln in doc.lines if ln.role == "letterhead"]
    assert [ln.text for ln in head] == HEADER
    assert [ln.lineno for ln in head] == [1, 2, 3, 4, 5]  # paragraph numbers, the header's first
    body = [ln for ln in doc.lines if ln.role == "body" and ln.text]
    assert body[0].text == "Geachte voorzitter," and body[0].lineno == len(HEADER) + 1
    notes = [ln for ln in doc.lines if ln.role == "footnote"]
    # Word's numbering, each note on the paragraph where pandoc wrote it ("[^1]: ...", after the 9 above)
    assert [(ln.note, ln.text, ln.lineno) for ln in notes] == [("1", "Kamerstuk 12345, nr. 6.", 10),
                                                              ("i", "Dienstregeling 2025.", 11)]
    assert doc.markdown and doc.properties == {}


def test_markdown_tables_lists_and_notes_are_lines_with_roles() -> None:
    text = ("Geachte voorzitter,\n\n| Veer | Boten |\n|---|---:|\n| Schoonhoven | 2 |\n\n"
            "De veren:\n\n- Schoonhoven\n  - Kinderdijk\n1. eerst\n\nHet veer[^1] vaart.\n\n"
            "[^1]: Kamerstuk 1, nr. 2.\n")
    doc = from_bytes(text.encode(), Path("brief.md"))
    cells = [ln for ln in doc.lines if ln.role == "table_cell"]
    assert [ln.cells for ln in cells] == [("Veer", "Boten"), ("Schoonhoven", "2")]
    assert cells[1].text == "Schoonhoven | 2" and cells[1].lineno == 5
    items = [(ln.text, ln.marker, ln.level) for ln in doc.lines if ln.role == "list_item"]
    assert items == [("- Schoonhoven", "-", 1), ("- Kinderdijk", "-", 2), ("1. eerst", "1.", 1)]
    assert doc.footnotes == (("1", "Kamerstuk 1, nr. 2."),)
    [note] = [ln for ln in doc.lines if ln.role == "footnote"]
    assert note.lineno == 15 and note.page is None


def test_text_lines_know_their_page_from_form_feeds() -> None:
    doc = text_document("brief.txt", "text", "een\n\ftwee\ndrie\n\fvier\n", "0" * 64, markdown=False)
    assert [(ln.text, ln.page) for ln in doc.lines] == [("een", 1), ("twee", 2), ("drie", 2), ("vier", 3)]
    assert text_document("b.txt", "text", "een\ntwee\n", "0" * 64, markdown=False).lines[0].page is None


LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 3 maart 2025
Betreft Veerdiensten
Ons kenmerk IENW/BSK-2025/1234

Geachte voorzitter,

Het veer bij Schoonhoven vaart weer.

Een regel die de lezer als figuur ziet.

Ook de pont bij Kinderdijk vaart.

De Minister van Infrastructuur en Waterstaat,

P. de Vries
"""


def _letter_document() -> Document:
    return text_document("brief.txt", "text", LETTER, hashlib.sha256(LETTER.encode()).hexdigest(), markdown=False)


def test_the_parser_keeps_figure_and_furniture_lines_out_of_the_body() -> None:
    doc = _letter_document()
    record = parse_source(doc).record
    assert "als figuur" in record["secties"][0]["tekst"]
    for role in ("figure", "footer", "page_number"):
        lines = tuple(replace(ln, role=role) if "als figuur" in ln.text else ln for ln in doc.lines)
        tekst = parse_source(replace(doc, lines=lines)).record["secties"][0]["tekst"]
        assert "als figuur" not in tekst, role
        assert "vaart weer." in tekst and "Kinderdijk vaart." in tekst


def test_the_parser_reads_voetnoten_from_footnote_lines() -> None:
    doc = _letter_document()
    lines = tuple(replace(ln, role="footnote", note="7") if "als figuur" in ln.text else ln for ln in doc.lines)
    notes = (Line("Kamerstuk 12345, nr. 6.", 0, role="footnote", note="8"),)
    record = parse_source(replace(doc, lines=lines + notes), posities=True).record
    assert record["voetnoten"] == [{"nummer": "7", "tekst": "Een regel die de lezer als figuur ziet."},
                                   {"nummer": "8", "tekst": "Kamerstuk 12345, nr. 6."}]
    assert "als figuur" not in record["secties"][0]["tekst"]
    at = LETTER.split("\n").index("Een regel die de lezer als figuur ziet.") + 1
    assert record["posities"]["/voetnoten/0"] == {"pagina": None, "van": at, "tot": at}
    assert "/voetnoten/1" not in record["posities"]  # read from no line of the text


def test_parse_file_gives_the_pdf_notes_from_their_lines(tmp_path: Path) -> None:
    meta, blocks, notes = structured_letter()
    path = tmp_path / "brief.pdf"
    render_blocks(meta, blocks, notes, str(path))
    record = kamerbrief.parse_file(path, posities=True).record
    assert [n["nummer"] for n in record["voetnoten"]] == ["1", "2", "3", "4"]
    assert record["posities"]["/voetnoten/0"]["van"] > 0


def test_emit_text_json_gives_the_readers_role_beside_the_parsers(pdf_doc: Document, tmp_path: Path) -> None:
    import json

    from kamerbrief.output import text_json

    lines = json.loads(text_json(pdf_doc))["lines"]
    by_text = {ln["text"].lstrip("\f"): ln for ln in lines}
    assert by_text["Ons kenmerk"]["reader"] == "colophon" and by_text["Ons kenmerk"]["role"] == "head"
    assert by_text["2 Kamerstuk 30 000, nr. 15."]["reader"] == "footnote"
    assert by_text["2 Kamerstuk 30 000, nr. 15."]["role"] == "notes"
    assert all(ln["reader"] is None for ln in lines if not ln["text"].strip())
    # DOCX: the JSON's lines are the text's, the roles those of their paragraphs
    path = write_docx(tmp_path / "brief.docx", HEADER, [
        ["Geachte voorzitter,"], ["Het veer bij Schoonhoven vaart weer."],
        ["De Minister van Infrastructuur en Waterstaat,"], ["P. de Vries"]])
    docx = {ln["text"]: ln for ln in json.loads(text_json(read(path)))["lines"]}
    assert docx["Datum 3 maart 2025"]["reader"] == "letterhead" and docx["Datum 3 maart 2025"]["role"] == "head"
    assert docx["Geachte voorzitter,"]["role"] == "salutation"
    assert docx["Het veer bij Schoonhoven vaart weer."]["role"] == "body"


def test_a_markdown_run_in_heading_is_a_bold_line_of_its_own_on_its_source_line() -> None:
    from kamerbrief.readers.markup import markdown_lines

    lines = markdown_lines("Inleiding.\n\n**Kosten.** De kosten stijgen.\n\n**Niet** alle kosten stijgen.\n")
    assert [(ln.text, ln.lineno, ln.bold) for ln in lines if ln.lineno == 3] == [
        ("Kosten", 3, True), ("", 3, False), ("De kosten stijgen.", 3, False)]
    assert [ln.text for ln in lines if ln.lineno == 5] == ["Niet alle kosten stijgen."]


@pytest.mark.parametrize(("lead", "rest", "heading"), [
    ("Kosten.", " De kosten stijgen.", "Kosten"),
    ("Uitvoering", " Het kabinet voert uit.", "Uitvoering"),
    ("Samenwerking met boeren:", " Boeren leggen heggen aan.", "Samenwerking met boeren"),
    ("Niet", " alle gemeenten doen mee.", None),  # the sentence goes on in lower case
    ("Ik neem dit over.", " Daarom ...", None),  # a sentence in bold, in the sender's voice
    ("Vraag 1", " Bent u bekend met ...", None),  # a label another rule reads on its line
    ("Reactie kabinet:", " Het kabinet ...", None),
    ("Mr.", " Jansen schreef ...", None),  # an abbreviation
    ("Het rapport van", " De Raad ...", None),  # cut after a connective
    ("1.", " Geef iedere school ...", None),
])
def test_run_in_heading_decides_on_the_bold_phrase_and_what_follows(lead: str, rest: str, heading: str | None) -> None:
    from kamerbrief.readers.markup import run_in_heading

    assert run_in_heading(lead, rest) == heading


def test_plain_text_run_in_headings_only_where_two_paragraphs_open_so() -> None:
    head = "Geachte voorzitter,\n\nMet deze brief informeer ik u over de voortgang.\n\n"
    one = head + "Kosten. De kosten bedragen dit jaar twaalf miljoen euro.\n\nTot zover.\n"
    two = one.replace("Tot zover.", "Planning. De bouw begint in het najaar van 2026 in Utrecht.")
    assert [ln.text for ln in text_document("a.txt", "text", one, "", markdown=False).lines if ln.lineno == 5] == [
        "Kosten. De kosten bedragen dit jaar twaalf miljoen euro."]
    lines = text_document("b.txt", "text", two, "", markdown=False).lines
    assert [ln.text for ln in lines if ln.lineno in (5, 7)] == [
        "Kosten", "", "De kosten bedragen dit jaar twaalf miljoen euro.",
        "Planning", "", "De bouw begint in het najaar van 2026 in Utrecht."]


def test_markdown_table_rows_carry_their_place_in_their_table() -> None:
    from kamerbrief.readers.markup import markdown_lines

    text = ("Inleiding.\n\n| Aanbeveling | Reactie |\n|---|---|\n| Doe het een | Ja |\n| Doe het twee | Nee |\n\n"
            "Tussentekst.\n\nNr. | Punt\n--- | ---\n1 | Eerste\n")
    rows = [(ln.row, ln.cells) for ln in markdown_lines(text) if ln.role == "table_cell"]
    assert rows == [(1, ("Aanbeveling", "Reactie")), (2, ("Doe het een", "Ja")), (3, ("Doe het twee", "Nee")),
                    (1, ("Nr.", "Punt")), (2, ("1", "Eerste"))]
