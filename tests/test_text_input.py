"""Text as it arrives: stray bytes that are not UTF-8, page breaks, and invisible characters.

The letters here are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerbrief import parse_file, parse_text
from kamerbrief.readers.markup import text_lines

LETTER = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Ons kenmerk
BZK-2031/4471

Datum 14 maart 2031
Betreft Één loket voor vergunningen

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over één loket voor vergunningen. Gemeenten krijgen één aanspreekpunt.

De Minister van Binnenlandse Zaken en Koninkrijksrelaties,

P. Veldkamp
"""


def test_a_stray_cp1252_byte_in_utf8_is_repaired_and_named(tmp_path: Path) -> None:
    stray = "Gemeenten krijgen één".encode("cp1252")
    data = LETTER.encode("utf-8").replace("Gemeenten krijgen één".encode(), stray)
    path = tmp_path / "brief.txt"
    path.write_bytes(data)
    result = parse_file(path)
    text = result.record["secties"][0]["tekst"]
    assert "Gemeenten krijgen één aanspreekpunt" in text
    assert "over één loket" in text  # the rest is read as UTF-8, not as "Ã©Ã©n"
    assert result.record["metadata"]["onderwerp"] == "Één loket voor vergunningen"
    warnings = [w for w in result.record["waarschuwingen"] if w["code"] == "encoding"]
    assert len(warnings) == 1
    assert warnings[0]["line"] == 14
    assert "line 14" in warnings[0]["message"]


def test_a_file_mostly_not_utf8_is_read_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(LETTER.encode("cp1252"))
    result = parse_file(path)
    assert "over één loket" in result.record["secties"][0]["tekst"]
    assert [w["code"] for w in result.record["waarschuwingen"]].count("encoding") == 1


def test_clean_utf8_gives_no_encoding_warning(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(LETTER.encode("utf-8"))
    assert not [w for w in parse_file(path).record["waarschuwingen"] if w["code"] == "encoding"]


def test_a_form_feed_marks_a_page_break_and_keeps_line_numbers() -> None:
    lines = text_lines("eerste pagina\n\ftweede pagina\nderde regel\fvierde regel\n")
    assert [(ln.text, ln.lineno, ln.page_break) for ln in lines if ln.text] == [
        ("eerste pagina", 1, False), ("tweede pagina", 2, True), ("derde regel", 3, False),
        ("vierde regel", 3, True)]


@pytest.mark.parametrize("sep", ["\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_only_newlines_end_a_line(sep: str) -> None:
    lines = text_lines(f"een{sep}twee\ndrie\r\nvier\rvijf\n")
    assert [(ln.text, ln.lineno) for ln in lines] == [("een twee", 1), ("drie", 2), ("vier", 3), ("vijf", 4)]


# (a zero-width space and a soft hyphen inside a line were dropped before)
@pytest.mark.parametrize("mark", ["\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f",
                                  "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                                  "\u2069"])
def test_invisible_characters_inside_a_kenmerk_or_date_are_dropped(mark: str) -> None:
    letter = LETTER.replace("BZK-2031/4471", f"BZK-20{mark}31/4471").replace("14 maart", f"14 ma{mark}art")
    meta = parse_text(letter).record["metadata"]
    assert meta["kenmerk"] == "BZK-2031/4471"
    assert meta["datum"] == "2031-03-14"


def test_a_soft_hyphen_at_a_line_end_joins_the_word() -> None:
    letter = LETTER.replace("Betreft Één loket voor vergunningen",
                            "Betreft Één loket voor vergun\u00ad\nningen en toezicht")
    letter = letter.replace("over één loket voor vergunningen.", "over één loket voor vergun\u00ad \nningen.")
    record = parse_text(letter).record
    assert record["metadata"]["onderwerp"] == "Één loket voor vergunningen en toezicht"
    assert "over één loket voor vergunningen." in record["secties"][0]["tekst"]


def test_an_invisible_mark_in_a_document_property_is_dropped() -> None:
    from kamerbrief.model import Document
    from kamerbrief.rules.metadata import document_property

    source = Document("brief.docx", "docx", "0" * 64, (), properties={"onskenmerk": "BZK-20\u200d31/\u20604471 "})
    assert document_property(source, "kenmerk") == "BZK-2031/4471"
