"""Word footnotes and endnotes, paragraph numbers in DOCX warnings, markdown found from content, tables."""

from __future__ import annotations

from pathlib import Path

import kamerbrief
from kamerbrief.clean import clean_markdown
from kamerbrief.readers import looks_like_markdown

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
    cleaned = clean_markdown("| Datum | 3 maart 2025 |\n|---|---|\n\n| Veer | Boten |\n|---|---:|\n"
                             "| Schoonhoven | 2 |\n| Kinderdijk \\| Ridderkerk | 1 |\n")
    rows = [ln for ln in cleaned.lines if ln.text]
    assert rows[0].text == "Datum 3 maart 2025" and not rows[0].cells  # the letterhead's layout table
    assert [ln.cells for ln in rows[1:]] == [("Veer", "Boten"), ("Schoonhoven", "2"), ("Kinderdijk | Ridderkerk", "1")]
    assert rows[2].text == "Schoonhoven | 2"
