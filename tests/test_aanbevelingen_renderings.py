"""The recommendation samples rendered as DOCX and PDF read back to the aanbevelingen of their markdown (issue 12).

DOCX: pandoc writes the markdown sample as Word (a pipe table becomes a Word table) and kamerbrief reads it
back through pandoc. PDF: the sample's body is set as a ministry PDF by `letterpdf.render_blocks`, in the
sample's own layout (bold headings, italic citations, the bijlage after the signature); a pipe table as a
table of boxed cells in smaller type, which the PDF reader finds from the geometry. In the themed sample the PDF
reader joins each theme heading with the bold recommendation heading right below it ("A. Vroegsignalering
A.1 Deel ..."); the sections rule reads the theme's (empty) section and the recommendation from the joined
line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import kamerbrief

from .conftest import SAMPLES
from .letterpdf import Block, render_blocks
from .test_readers import docx_from_markdown, fold

TABLES = ["ienw-reactie-aanbevelingen-tabel.md", "ienw-reactie-aanbevelingen-tabel-zonder-kop.md"]
THEMED = ["sza-reactie-aanbevelingen-per-thema.md", "vws-reactie-thema-genummerd-vet-geletterd.md"]
BIJLAGE = ["vws-reactie-in-bijlage-na-ondertekening.md"]
OTHERS = ["vws-reactie-aanbevelingen-aan-anderen.md", "bzk-reactie-geciteerde-aanbevelingen.md",
          "ienw-reactie-slotalineas-na-laatste-aanbeveling.md"]


def aanbevelingen(record: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(a["nummer"], a.get("aanduiding"), fold(a["titel"]), fold(a["reactie"]), a["standpunt"],
             a.get("adressaat")) for a in record["aanbevelingen"]]


@pytest.mark.parametrize("name", TABLES + THEMED + BIJLAGE + OTHERS)
def test_docx_rendering_reads_back_to_the_same_aanbevelingen(tmp_path: Path, name: str) -> None:
    sample = SAMPLES / name
    docx = tmp_path / "letter.docx"
    docx_from_markdown(sample.read_text(encoding="utf-8"), docx)
    md, word = kamerbrief.parse_file(sample).record, kamerbrief.parse_file(docx).record
    assert md["aanbevelingen"] and aanbevelingen(word) == aanbevelingen(md)


def pdf_blocks(sample: Path) -> list[Block]:
    """The sample's body (from the salutation on) as render_blocks blocks, in the sample's own layout."""
    body = sample.read_text(encoding="utf-8").split("Geachte voorzitter,", 1)[1]
    blocks: list[Block] = [("p", "Geachte voorzitter,")]
    chunks = [c.strip() for c in body.split("\n\n") if c.strip()]
    k = 0
    while k < len(chunks):
        c = " ".join(chunks[k].split())
        if re.match(r"^De (?:[Mm]inister|[Ss]taatssecretaris)\b.*,$", c) and k + 1 < len(chunks):
            blocks.append(("sign", (c, chunks[k + 1].strip())))
            k += 2
            continue
        if c.startswith("|"):
            raise ValueError("tables are not rendered to PDF")
        heading = re.match(r"^#+\s+(.*)$", c) or re.match(r"^\*\*(.*)\*\*$", c)
        italic = re.match(r"^\*([^*].*)\*$", c)
        blocks.append(("hb", heading.group(1)) if heading else ("hi", italic.group(1)) if italic else ("p", c))
        k += 1
    return blocks


@pytest.mark.parametrize("name", THEMED + BIJLAGE + OTHERS)
def test_pdf_rendering_reads_back_to_the_same_aanbevelingen(tmp_path: Path, name: str) -> None:
    sample = SAMPLES / name
    md = kamerbrief.parse_file(sample).record
    pdf = tmp_path / "letter.pdf"
    assert render_blocks(md["metadata"], pdf_blocks(sample), {}, str(pdf)) >= 1
    got = kamerbrief.parse_file(pdf).record
    assert md["aanbevelingen"] and aanbevelingen(got) == aanbevelingen(md)
    assert [s["kop"] for s in got["secties"]] == [s["kop"] for s in md["secties"]]


LETTER_HEAD = (SAMPLES / "ienw-reactie-aanbevelingen-tabel.md").read_text(encoding="utf-8").split("Op 20 januari")[0]
SIGNATURE = "\n\nDe minister van Infrastructuur en Waterstaat,\n\nB. de Graaf\n"


def test_docx_table_cells_of_several_paragraphs_and_a_list_stay_one_row(tmp_path: Path) -> None:
    """A Word table whose response cells hold two paragraphs or a list (pandoc writes a grid table's cells
    as such): each row is still one recommendation, the cell's parts joined in order."""
    docx = tmp_path / "letter.docx"
    docx_from_markdown(LETTER_HEAD + """De Raad doet drie aanbevelingen. Hieronder staat per aanbeveling mijn reactie.

+-----+--------------------------------------+------------------------------------------+
| Nr. | Aanbeveling                          | Reactie kabinet                          |
+=====+======================================+==========================================+
| 1   | Stel een landelijke norm op voor het | Ik neem deze aanbeveling over.           |
|     | zicht van brugwachters op afstand.   |                                          |
|     |                                      | Rijkswaterstaat stelt de norm in 2025 op.|
+-----+--------------------------------------+------------------------------------------+
| 2   | Laat iedere bediencentrale jaarlijks | Deze aanbeveling is al in uitvoering:    |
|     | een oefening houden.                 |                                          |
|     |                                      | - de centrales oefenen twee keer per jaar|
|     |                                      | - de oefening wordt geëvalueerd          |
+-----+--------------------------------------+------------------------------------------+
| 3   | Verbied het bedienen van meer dan    | Een vast maximum neem ik niet over.      |
|     | tien objecten door één bediener.     |                                          |
+-----+--------------------------------------+------------------------------------------+
""" + SIGNATURE, docx)
    result = kamerbrief.parse_file(docx)
    recs = result.record["aanbevelingen"]
    assert [(r["nummer"], r["titel"], r["standpunt"]) for r in recs] == [
        (1, "Stel een landelijke norm op voor het zicht van brugwachters op afstand.", "overgenomen"),
        (2, "Laat iedere bediencentrale jaarlijks een oefening houden.", "overgenomen"),
        (3, "Verbied het bedienen van meer dan tien objecten door één bediener.", "niet_overgenomen")]
    assert recs[0]["reactie"] == "Ik neem deze aanbeveling over. Rijkswaterstaat stelt de norm in 2025 op."
    assert recs[1]["reactie"] == ("Deze aanbeveling is al in uitvoering: - de centrales oefenen twee keer per jaar "
                                  "- de oefening wordt geëvalueerd")
    assert not result.problems


def test_docx_two_column_table_without_header_or_number(tmp_path: Path) -> None:
    docx = tmp_path / "letter.docx"
    docx_from_markdown(LETTER_HEAD + """De Raad doet twee aanbevelingen aan mij; mijn reactie staat er telkens naast.

+--------------------------------------+------------------------------------------+
| Stel een landelijke norm op voor het | Ik neem deze aanbeveling over.           |
| zicht van brugwachters op afstand.   |                                          |
|                                      | Rijkswaterstaat stelt de norm in 2025 op.|
+--------------------------------------+------------------------------------------+
| Laat iedere bediencentrale jaarlijks | Deze aanbeveling neem ik niet over.      |
| een oefening houden.                 |                                          |
+--------------------------------------+------------------------------------------+
""" + SIGNATURE, docx)
    recs = kamerbrief.parse_file(docx).record["aanbevelingen"]
    assert [(r["titel"], r["standpunt"]) for r in recs] == [
        ("Stel een landelijke norm op voor het zicht van brugwachters op afstand.", "overgenomen"),
        ("Laat iedere bediencentrale jaarlijks een oefening houden.", "niet_overgenomen")]


def test_a_one_row_layout_table_holding_the_body_keeps_its_paragraphs(tmp_path: Path) -> None:
    """Some DOCX set the whole body in a table cell: its paragraphs must not be joined into one line."""
    docx = tmp_path / "letter.docx"
    docx_from_markdown(LETTER_HEAD + """+------------------------------------------+------------------+
| Met deze brief informeer ik uw Kamer     |                  |
| over de bruggen en sluizen.              |                  |
|                                          |                  |
| Het onderhoud loopt volgens planning.    |                  |
+------------------------------------------+------------------+
""" + SIGNATURE, docx)
    secties = kamerbrief.parse_file(docx).record["secties"]
    assert "Het onderhoud loopt volgens planning." in [p for s in secties for p in s["tekst"].split("\n\n")]


@pytest.mark.parametrize("name", TABLES)
def test_pdf_table_reads_back_to_the_same_aanbevelingen(tmp_path: Path, name: str) -> None:
    sample = SAMPLES / name
    md = kamerbrief.parse_file(sample).record
    body = sample.read_text(encoding="utf-8").split("Geachte voorzitter,", 1)[1]
    rows = [tuple(c.strip() for c in line.strip().strip("|").split("|")) for line in body.splitlines()
            if line.startswith("|") and not re.match(r"^\|[-:| ]+\|$", line)]
    blocks: list[Block] = [("p", "Geachte voorzitter,"), ("p", md["secties"][0]["tekst"]), ("table", rows)]
    blocks += [("p", s["tekst"]) for s in md["secties"][1:]]
    signer = md["ondertekening"]["ondertekenaars"][0]
    blocks.append(("sign", (f"De {signer['functie']},", signer["naam"])))
    pdf = tmp_path / "letter.pdf"
    render_blocks(md["metadata"], blocks, {}, str(pdf))
    got = kamerbrief.parse_file(pdf).record
    assert aanbevelingen(got) == aanbevelingen(md)
