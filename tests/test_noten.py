"""Footnotes typed as text: the note list at the end, and markers glued to words."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text
from kamerbrief.model import Line
from kamerbrief.rules.noten import typed_list, unglue

from .test_vragen import HEAD


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(t, i + 1) for i, t in enumerate(texts))


@pytest.mark.parametrize(("text", "numbers", "out"), [
    ("Hierbij zend ik u een afschrift1 van de brief.", {"1"}, "Hierbij zend ik u een afschrift van de brief."),
    ("Ik doe u dit rapport toekomen.2 De reactie volgt.", {"2"}, "Ik doe u dit rapport toekomen. De reactie volgt."),
    ("Het veer bij Schoonhoven3 vaart weer.", {"3"}, "Het veer bij Schoonhoven vaart weer."),
    # left alone (None: the text stays as it is)
    ("Hierbij zend ik u een afschrift1 van de brief.", {"2"}, None),
    ("De uitstoot van CO2 daalt, op A4 en 2x per jaar.", {"2", "4"}, None),
    ("Zie artikel 3 en (artikel 3) van de wet uit 2023.", {"3", "2023"}, None),
    ("Kamerstuk 31568, nr.1 en art.1 van de wet.", {"1"}, None),
])
def test_glued_markers_only_where_the_note_exists(text: str, numbers: set[str], out: str | None) -> None:
    assert unglue(_lines(text), 0, 1, numbers, None)[0].text == (out or text)


def test_paren_and_bracket_markers_follow_the_list_style() -> None:
    lines = _lines("Kent u het bericht over de pont? 1)", "Ook de veerdienst (zie bijlage 2) vaart.",
                   "De haven2), waar de pont ligt.", "Gewond geraakt[3], zegt de krant.")
    out = [ln.text for ln in unglue(lines, 0, 4, {"1", "2", "3"}, ")")]
    assert out[:3] == ["Kent u het bericht over de pont?", "Ook de veerdienst (zie bijlage 2) vaart.",
                       "De haven, waar de pont ligt."]
    assert out[3] == "Gewond geraakt[3], zegt de krant."  # bracket markers only for a "[n]" list
    assert unglue(lines, 0, 4, {"3"}, "[]")[3].text == "Gewond geraakt, zegt de krant."


def test_a_typed_note_list_at_the_end_is_found_and_split() -> None:
    lines = _lines("Vraag 1", "Wie gaf de opdracht [1]?", "", "Antwoord op vraag 1", "De gemeente.", "",
                   "[1] Dagblad, 2 mei 2025, https://voorbeeld.nl/a[2] https://voorbeeld.nl/b", "",
                   "[3] Kamerstuk 12345, nr. 6.")
    typed = typed_list(lines, 0)
    assert typed is not None and typed.start == 6 and typed.style == "[]"
    assert [(n.nummer, n.tekst) for n in typed.notes] == [
        ("1", "Dagblad, 2 mei 2025, https://voorbeeld.nl/a"), ("2", "https://voorbeeld.nl/b"),
        ("3", "Kamerstuk 12345, nr. 6.")]
    assert [(n.van, n.tot) for n in typed.notes] == [(7, 7), (7, 7), (9, 9)]  # two notes on one line


@pytest.mark.parametrize("ending", [
    ("De maatregelen zijn:", "1. meer toezicht;", "2. betere verlichting."),  # a list, cited nowhere
    ("1) eerste punt", "3) derde punt"),  # not numbered 1, 2, ...
    ("1) eerste noot", "tekst", "meer tekst", "nog meer", "en nog meer"),  # prose runs on after it
])
def test_endings_that_are_not_note_lists(ending: tuple[str, ...]) -> None:
    assert typed_list(_lines("Zoals gezegd in de brief.", *ending), 0) is None


LETTER = HEAD + """**Vraag 1**

**Kent u het bericht "Pont ligt stil"? 1)**

**Antwoord op vraag 1**

Ja. Zie ook de brief van de provincie[^1].

1\\) Dagblad, 2 mei 2025.

[^1]: Brief van de provincie, 1 mei 2025.
"""


def test_typed_notes_and_word_notes_go_to_voetnoten_not_to_the_answer() -> None:
    r = parse_text(LETTER, fmt="markdown").record
    assert r["vragen"][0]["vraag"] == 'Kent u het bericht "Pont ligt stil"?'
    assert r["vragen"][0]["antwoord"] == "Ja. Zie ook de brief van de provincie."
    assert r["voetnoten"] == [{"nummer": "1", "tekst": "Dagblad, 2 mei 2025."},
                              {"nummer": "1", "tekst": "Brief van de provincie, 1 mei 2025."}]


def test_a_numbered_list_before_the_signature_is_no_note_list() -> None:
    lines = _lines("Kent u het rapport? 1)", "De maatregelen:", "1. meer veren;", "2. betere haltes.",
                   "De Minister van Infrastructuur en Waterstaat,", "P. de Vries")
    assert typed_list(lines, 0) is None
