"""PDF reader: tables in small type and figures wherever they stand on the page (review of issue 11).

Invented letters rendered by tests/letterpdf.py: a boxed table in small type with a bold header row and
short cells, in the middle of a page and at its foot (no footnote may be made of it); a figure (labels in
a grid of boxes, a caption "Figuur N") at the top of a page and in the middle of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kamerbrief
from kamerbrief.model import Document
from kamerbrief.readers import pdf

from .letterpdf import Block, render_blocks, structured_letter

SIGN: Block = ("sign", ("De Staatssecretaris van Infrastructuur en Waterstaat,", "drs. P.J.M.A. Verhoeven"))
PARA: Block = ("p", "De gemeenten in de regio hebben het afgelopen jaar veel regentonnen uitgedeeld aan bewoners "
                    "met een eigen tuin.")
WAIT: list[list[str]] = [["Nr", "Wijk", "Wachttijd voor een regenton"], ["14", "Havenkwartier", "6 maanden"],
                         ["2", "Polderrand", "4 maanden"], ["3", "Stationsplein", "11 maanden"]]
COUNT: list[list[str]] = [["Gemeente", "Aantal groene daken"], ["Veenstad", "1.200"], ["Dijkwijk", "850"],
                          ["Molenwaard", "430"]]
LABELS = ["Stuurgroep Regenwater", "Werkplaats Noord", "Werkplaats Zuid", "Secretariaat", "Kennisbank", "Loket"]


def read(blocks: list[Block], notes: dict[str, list[str]], path: Path) -> tuple[Document, dict[str, Any]]:
    meta, _, _ = structured_letter()
    render_blocks(meta, blocks, notes, str(path))
    return pdf.read_pdf(path, path.read_bytes(), "", "pdf"), kamerbrief.parse_file(path).record


def body_text(record: dict[str, Any]) -> str:
    return "\n".join(" ".join(s["tekst"].split()) for s in record["secties"])


def test_a_table_in_small_type_with_a_bold_header_and_short_cells_is_a_table(tmp_path: Path) -> None:
    blocks = [("p", "Geachte voorzitter,"), PARA, ("p", "Hoe lang bewoners wachten, staat hieronder."),
              ("table", WAIT), PARA, ("table", COUNT), PARA, SIGN]
    doc, record = read(blocks, {}, tmp_path / "tabel.pdf")
    rows = [ln.cells for ln in doc.lines if ln.role == "table_cell"]
    assert rows == [tuple(r) for r in WAIT + COUNT]
    assert not [ln.text for ln in doc.lines if ln.role == "figure"]
    body = body_text(record)
    assert "Havenkwartier | 6 maanden" in body and "Molenwaard | 430" in body
    assert not record["voetnoten"]


def test_a_table_at_the_foot_of_a_page_is_no_footnote(tmp_path: Path) -> None:
    blocks = [("p", "Geachte voorzitter,"), PARA, ("p", "Hoe lang bewoners wachten, staat hieronder."),
              ("table", WAIT), ("break", None), PARA, SIGN]
    doc, record = read(blocks, {}, tmp_path / "voet.pdf")
    assert [ln.cells for ln in doc.lines if ln.role == "table_cell"] == [tuple(r) for r in WAIT]
    assert not [ln.text for ln in doc.lines if ln.role == "footnote"]
    assert record["voetnoten"] == []
    assert "14 | Havenkwartier | 6 maanden" in body_text(record)


def test_a_table_whose_first_column_holds_short_words_wrapped_in_their_cell_keeps_its_rows(tmp_path: Path) -> None:
    """Short words in the first column ("Oost Ring" over two lines) are no column of entry numbers: the
    wrapped cell's second line stays in its row; a row opening with "14" at the foot of the page is no note."""
    table = [["Wijk", "Wachttijd 2024", "Wachttijd 2025"], ["Oost Ring", "14 weken", "12 weken"],
             ["Zuid", "9 weken", "8 weken"]]
    blocks = [("p", "Geachte voorzitter,"), ("p", "Zie het besluit{1}."), PARA, ("table", table), ("break", None),
              PARA, SIGN]
    doc, record = read(blocks, {"1": ["Kamerstuk 30 000, nr. 3."]}, tmp_path / "wijk.pdf")
    assert [ln.cells for ln in doc.lines if ln.role == "table_cell"] == [tuple(r) for r in table]
    assert [n["nummer"] for n in record["voetnoten"]] == ["1"]


def test_small_text_opening_with_a_number_no_marker_carries_is_no_footnote(tmp_path: Path) -> None:
    """Under the last body line of page 1: figure labels opening with numbers ("2 werkplaatsen"), then the
    real footnote 1, cited in the text. Only note 1 is a note: no marker in the body carries a 2; the
    labels and the caption are the figure's."""
    labels = ["2 werkplaatsen", "3 gemeenten", "4 waterschappen"]
    blocks = [("p", "Geachte voorzitter,"), ("p", "Dat staat in het besluit{1} van vorig jaar."), PARA,
              ("figure", (labels, "Figuur 1. Wie doet mee")), ("break", None), PARA, SIGN]
    doc, record = read(blocks, {"1": ["Kamerstuk 30 000, nr. 3."]}, tmp_path / "noot.pdf")
    assert record["voetnoten"] == [{"nummer": "1", "tekst": "Kamerstuk 30 000, nr. 3."}]
    assert [ln.note for ln in doc.lines if ln.role == "footnote" and ln.note] == ["1"]
    assert [ln.text for ln in doc.lines if ln.role == "figure"] == [" ".join(labels), "Figuur 1. Wie doet mee"]


def test_a_figure_at_the_top_of_a_page_stays_out_of_the_body(tmp_path: Path) -> None:
    blocks = [("p", "Geachte voorzitter,"), PARA, ("p", "Hoe de werkplaatsen samenwerken, staat in figuur 2."),
              ("break", None), ("figure", (LABELS, "Figuur 2. Overleg tussen stuurgroep en werkplaatsen")),
              ("p", "De stuurgroep komt vier keer per jaar bijeen."), ("hb", "Vervolg"), PARA, SIGN]
    doc, record = read(blocks, {}, tmp_path / "boven.pdf")
    figure = " ".join(ln.text for ln in doc.lines if ln.role == "figure")
    assert "Stuurgroep Regenwater" in figure and "Figuur 2. Overleg" in figure
    body = body_text(record)
    for label in [*LABELS, "Figuur 2"]:
        assert label not in body
    assert [s["kop"] for s in record["secties"]] == [None, "Vervolg"]
    assert "figuur 2.\n\nDe stuurgroep komt vier keer per jaar bijeen." in record["secties"][0]["tekst"]


def test_a_figure_whose_labels_span_the_text_width_is_no_text_box(tmp_path: Path) -> None:
    blocks = [("p", "Geachte voorzitter,"), PARA, PARA,
              ("figure", (LABELS, "Figuur 2. Overleg tussen stuurgroep en werkplaatsen")),
              ("p", "De stuurgroep komt vier keer per jaar bijeen."), ("hb", "Vervolg"), PARA, SIGN]
    doc, record = read(blocks, {}, tmp_path / "midden.pdf")
    assert "Werkplaats Noord" in " ".join(ln.text for ln in doc.lines if ln.role == "figure")
    body = body_text(record)
    for label in [*LABELS, "Figuur 2"]:
        assert label not in body
    assert [s["kop"] for s in record["secties"]] == [None, "Vervolg"]



def test_a_caption_in_body_type_under_a_figure_goes_with_the_figure(tmp_path: Path) -> None:
    blocks = [("p", "Geachte voorzitter,"), PARA, ("p", "Hoe de werkplaatsen samenwerken, staat in figuur 3."),
              ("break", None), ("figure", (LABELS, "")), ("p", "Figuur 3. Werkplaatsen per regio"),
              ("p", "De stuurgroep komt vier keer per jaar bijeen."), ("hb", "Vervolg"), PARA, SIGN]
    doc, record = read(blocks, {}, tmp_path / "bijschrift.pdf")
    assert [ln.text for ln in doc.lines if ln.role == "figure"][-1] == "Figuur 3. Werkplaatsen per regio"
    assert [s["kop"] for s in record["secties"]] == [None, "Vervolg"]
    assert "figuur 3.\n\nDe stuurgroep komt vier keer per jaar bijeen." in record["secties"][0]["tekst"]
