"""Word footnotes and endnotes, paragraph numbers in DOCX warnings, markdown found from content, tables."""

from __future__ import annotations

from pathlib import Path

import kamerbrief
from kamerbrief.readers import looks_like_markdown
from kamerbrief.readers.markup import markdown_lines

from .conftest import SAMPLES
from .worddoc import write_docx

HEADER = ["Retouradres Postbus 20901 2500 EX Den Haag", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
          "Datum 3 maart 2025", "Betreft Veerdiensten", "Ons kenmerk IENW/BSK-2025/1234"]


def test_word_footnotes_and_endnotes_become_voetnoten_item_by_item(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "brief.docx", HEADER, [
        ["Geachte voorzitter,"],
        ["Het veer bij Schoonhoven", ("fn", 1), " vaart weer", ("en", 1), ". Ook de pont", ("fn", 2), " vaart."],
        ["De Minister van Infrastructuur en Waterstaat,"], ["P. de Vries"],
    ], footnotes={1: ["Kamerstuk 12345, nr. 6.", "Zie ook de bijlage."], 2: ["Brief van 1 mei 2025."]},
        endnotes={1: ["Dienstregeling 2025."]})
    r = kamerbrief.parse_file(path).record
    assert r["voetnoten"] == [
        {"nummer": "1", "tekst": "Kamerstuk 12345, nr. 6. Zie ook de bijlage."},
        {"nummer": "2", "tekst": "Brief van 1 mei 2025."},
        {"nummer": "i", "tekst": "Dienstregeling 2025."},  # Word numbers endnotes i, ii, ... by default
    ]
    assert r["secties"][0]["tekst"] == "Het veer bij Schoonhoven vaart weer. Ook de pont vaart."


def test_docx_warnings_give_the_paragraph_number(tmp_path: Path) -> None:
    body = [["Geachte voorzitter,"], ["Hierbij de antwoorden."], ["De Minister van Infrastructuur en Waterstaat,"],
            ["P. de Vries"], [("b", "Vraag 1")], [("b", "Vaart de pont?")], [("b", "Antwoord op vraag 1")], ["Ja."],
            [("b", "Vraag 2")], [("b", "Wie betaalt?")], [("b", "Vraag 3")], [("b", "Wanneer?")],
            [("b", "Antwoord op vraag 3")], ["Morgen."]]
    path = write_docx(tmp_path / "antwoorden.docx", HEADER, body)
    result = kamerbrief.parse_file(path)
    [warning] = [p for p in result.warnings if p.rule == "vragen"]
    assert warning.message == "vraag 2 has no answer"
    assert warning.line == len(HEADER) + 9  # the ninth paragraph of the body, after the header's paragraphs


def test_docx_no_kenmerk_warning_gives_the_colophon_paragraph_not_1(tmp_path: Path) -> None:
    header = [line for line in HEADER if not line.startswith("Ons kenmerk")]
    path = write_docx(tmp_path / "brief.docx", header, [
        ["Geachte voorzitter,"], ["Het veer vaart weer."],
        ["De Minister van Infrastructuur en Waterstaat,"], ["P. de Vries"],
    ])
    [warning] = [p for p in kamerbrief.parse_file(path).warnings if p.rule == "kenmerk"]
    assert warning.line == header.index("Datum 3 maart 2025") + 1  # the paragraph where the labels stand


LETTER_MD = """# Voortgang veerdiensten

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 3 maart 2025
Betreft Voortgang veerdiensten
Ons kenmerk IENW/BSK-2025/1234

Geachte voorzitter,

## Stand van zaken

De **veren** varen weer, met **nieuwe** boten.

De Minister van Infrastructuur en Waterstaat,

P. de Vries
"""


def test_markdown_is_found_from_its_content_on_standard_input_and_without_a_suffix(tmp_path: Path) -> None:
    r = kamerbrief.parse_bytes(LETTER_MD.encode("utf-8")).record
    assert r["bron"]["formaat"] == "markdown"
    assert [s["kop"] for s in r["secties"]] == ["Stand van zaken"]
    assert "**" not in r["secties"][0]["tekst"] and "#" not in r["secties"][0]["tekst"]
    (tmp_path / "brief").write_text(LETTER_MD, encoding="utf-8")
    assert kamerbrief.parse_file(tmp_path / "brief").record["bron"]["formaat"] == "markdown"


def test_plain_text_with_lists_stays_text() -> None:
    text = b"Geachte voorzitter,\n\nDe maatregelen:\n1. meer veren;\n2. betere haltes.\n- ook 's nachts\n- in 2025\n"
    assert not looks_like_markdown(text)
    assert looks_like_markdown(b"| Veer | Boten |\n|---|---|\n| Schoonhoven | 2 |\n")


def test_markdown_tables_keep_their_cells() -> None:
    lines = markdown_lines("| Datum | 3 maart 2025 |\n|---|---|\n\n| Veer | Boten |\n|---|---:|\n"
                             "| Schoonhoven | 2 |\n| Kinderdijk \\| Ridderkerk | 1 |\n")
    rows = [ln for ln in lines if ln.text]
    assert rows[0].text == "Datum 3 maart 2025" and not rows[0].cells  # the letterhead's layout table
    assert [ln.cells for ln in rows[1:]] == [("Veer", "Boten"), ("Schoonhoven", "2"), ("Kinderdijk | Ridderkerk", "1")]
    assert rows[2].text == "Schoonhoven | 2"


# The DOCX samples, written part by part; test_docx_samples_are_what_worddoc_writes keeps them reproducible.
DOCX_SAMPLES: dict[str, dict[str, object]] = {
    "ienw-brief-word-voetnoten.docx": {
        "header": ["Retouradres Postbus 20901 2500 EX Den Haag",
                   "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Postbus 20018", "2500 EA Den Haag",
                   "Datum 21 maart 2025", "Betreft Onderhoud sluizen Noordzeekanaal",
                   "Ons kenmerk IENW/BSK-2025/7720"],
        "body": [
            ["Geachte voorzitter,"],
            ["In mijn brief van 10 december 2024", ("fn", 1), " heb ik toegezegd uw Kamer te informeren over het "
             "onderhoud aan de sluizen. Met deze brief doe ik dat."],
            [("b", "Planning")],
            ["Het onderhoud begint in mei 2025 en duurt twee jaar", ("fn", 2), ". De scheepvaart kan in die tijd "
             "gebruikmaken van de middensluis", ("en", 1), "."],
            ["Ik zal uw Kamer voor 1 juli 2025 informeren over de hinder voor de binnenvaart."],
            ["De Minister van Infrastructuur en Waterstaat,"], ["P. de Vries"],
        ],
        "footnotes": {1: ["Kamerstuk 12345, nr. 67."],
                      2: ["De planning gaat uit van gunstig weer.", "Bij hoogwater schuift het werk op."]},
        "endnotes": {1: ["Zie de vaarwegkaart op de website van Rijkswaterstaat."]},
    },
    "jenv-antwoorden-gedeeld-antwoord.docx": {
        "header": ["Retouradres Postbus 20301 2500 EH Den Haag",
                   "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Postbus 20018", "2500 EA Den Haag",
                   "Datum 4 april 2025", "Onderwerp Antwoorden Kamervragen over fietsdiefstal",
                   "Ons kenmerk 6012345"],
        "body": [
            ["Hierbij ontvangt u de antwoorden op de vragen van het lid Visser over fietsdiefstal."],
            ["De Minister van Justitie en Veiligheid,"], ["A. Bakker"],
            [("b", "Antwoorden op vragen van het lid Visser over fietsdiefstal")],
            [("b", "Vraag 1")], [("b", "Kent u het bericht over het aantal gestolen fietsen in 2024? 1)")],
            [("b", "Antwoord op vraag 1")], ["Ja."],
            [("b", "Vraag 2")], [("b", "Hoeveel aangiften zijn er gedaan?")],
            [("b", "Vraag 3")], [("b", "Hoeveel daarvan zijn opgelost?")],
            [("b", "Vraag 4")], [("b", "Welke gemeenten hebben de meeste diefstallen?")],
            [("b", "Antwoord op vragen 2, 3, en 4")],
            ["De politie registreert aangiften, maar houdt niet bij welke zaken zijn opgelost", ("fn", 1),
             ". Een overzicht per gemeente is er niet."],
            [("b", "Vraag 5")], [("b", "Bent u bereid de registratie te verbeteren?")],
            ["Ja. Ik vraag de politie om in 2025 ook de opgeloste zaken te tellen."],
            ["Daarover bericht ik uw Kamer in het najaar."],
            [("b", "Vraag 6")], [("b", "Wilt u deze vragen binnen drie weken beantwoorden?")],
            ["1) Stadsblad, 12 maart 2025, \u2018Recordaantal fietsen gestolen\u2019."],
        ],
        "footnotes": {1: ["Politie, Jaarverslag 2024, p. 12."]},
    },
}


def test_docx_samples_are_what_worddoc_writes(tmp_path: Path) -> None:
    for name, spec in DOCX_SAMPLES.items():
        made = write_docx(tmp_path / name, **spec)  # type: ignore[arg-type]
        assert made.read_bytes() == (SAMPLES / name).read_bytes(), f"samples/{name} differs from its spec"


def _numbered_docx(*texts: str) -> bytes:
    import io
    import zipfile

    paras = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr>'
                    f"<w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                    f'2006/main"><w:body><w:p><w:r><w:t>Tekst</w:t></w:r></w:p>{paras}</w:body></w:document>')
    return buf.getvalue()


def test_list_items_pandoc_left_empty_get_their_text_back() -> None:
    from kamerbrief.readers.pandoc import fill_empty_items

    data = _numbered_docx("Stadsblad, 1 mei 2025.", "Kamerstuk 12345, nr. 6.")
    assert fill_empty_items("Tekst\n\n1)  \n2)  \n", data) == (
        "Tekst\n\n1) Stadsblad, 1 mei 2025.\n2) Kamerstuk 12345, nr. 6.\n")
    assert fill_empty_items("Tekst\n\n1)  \n", data) == "Tekst\n\n1)  \n"  # counts differ: left as it is


def test_docx_tables_keep_their_cells_and_letterhead_tables_still_read(tmp_path: Path) -> None:
    import subprocess

    import pypandoc

    md = ("| | |\n|---|---|\n| Datum | 3 maart 2025 |\n| Betreft | Veerdiensten |\n\n"
          "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nGeachte voorzitter,\n\nDe cijfers:\n\n"
          "| Veer | Boten |\n|---|---|\n| Schoonhoven | 2 |\n| Kinderdijk | 1 |\n\n"
          "De Minister van Infrastructuur en Waterstaat,\n\nP. de Vries\n")
    path = tmp_path / "tabel.docx"
    subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "docx", "-o", str(path)],
                   input=md.encode(), check=True)
    r = kamerbrief.parse_file(path).record
    assert r["metadata"]["datum"] == "2025-03-03" and r["metadata"]["onderwerp"] == "Veerdiensten"
    assert "Veer | Boten\nSchoonhoven | 2\nKinderdijk | 1" in r["secties"][0]["tekst"]
