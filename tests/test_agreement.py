"""Values that should agree: co-signers spelled twice, office titles in the index, references and
deadlines in the forms letters use. The letters here are invented."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text
from kamerbrief.rules.toezeggingen import find as find_toezeggingen
from kamerbrief.rules.verwijzingen import find as find_verwijzingen

LETTER = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Ons kenmerk
2031-0815

Datum {datum}
Betreft Stand van zaken dijkversterking

Geachte voorzitter,

{body}

De Minister van Infrastructuur en Waterstaat,

R. Dijkstra
"""


def letter(body: str, datum: str = "14 mei 2031") -> str:
    return LETTER.format(datum=datum, body=body)


def refs(text: str) -> list[tuple[str | None, ...]]:
    return [(r["soort"], r["dossiernummer"], r["ondernummer"], r["vergaderjaar"], r["kamer"])
            for r in find_verwijzingen([text])]


def test_an_aanhangsel_cited_as_kamerstukken_is_found() -> None:
    assert refs("De antwoorden (Kamerstukken II 2029/30, Aanhangsel, nr. 2817) gaven het beeld.") == [
        ("aanhangsel_handelingen", None, "2817", "2029-2030", "Tweede Kamer")]
    assert refs("Zie Handelingen I 2029/30, Aanhangsel van de Handelingen, nr. 41.") == [
        ("aanhangsel_handelingen", None, "41", "2029-2030", "Eerste Kamer")]


def test_an_eerste_kamer_stuk_with_a_roman_dossier_and_a_letter_is_found() -> None:
    assert refs("Het voorstel is eerder besproken (Kamerstuknr. 2026–2027, CIV, D).") == [
        ("kamerstuk", "CIV", "D", "2026-2027", None)]
    # the form found before ("2026/27, 36 910, nr. 12") is listed once, not again by the new pattern
    assert refs("Zie Kamerstukken I 2026/27, 36 910 VIII, C en Kamerstukken II 2026–2027, 36 910, nr. 12 en "
                "Kamerstukken II 2026/27, 36 910, nr. 13.") == [
        ("kamerstuk", "36910-VIII", "C", "2026-2027", "Eerste Kamer"),
        ("kamerstuk", "36910", "12", "2026-2027", "Tweede Kamer"),
        ("kamerstuk", "36910", "13", "2026-2027", "Tweede Kamer")]


def test_references_reach_the_record() -> None:
    body = ("Ik verwijs naar de antwoorden op eerdere vragen (Kamerstukken II 2029/30, Aanhangsel, nr. 2817) "
            "en naar de memorie (Kamerstuknr. 2029–2030, CIV, D).")
    soorten = [(r["soort"], r["ondernummer"]) for r in parse_text(letter(body)).record["verwijzingen"]]
    assert soorten == [("aanhangsel_handelingen", "2817"), ("kamerstuk", "D")]


@pytest.mark.parametrize(("phrase", "datum", "uiterlijk"), [
    ("in Q1", "2031-01-10", "2031-03-31"),
    ("in Q1", "2031-03-31", "2031-03-31"),
    ("in Q1", "2031-05-14", "2032-03-31"),
    ("in Q4", "2031-05-14", "2031-12-31"),
    ("in Q3", "2031-11-02", "2032-09-30"),
    ("in Q2 van 2033", "2031-05-14", "2033-06-30"),
])
def test_a_quarter_without_a_year_is_the_next_one_from_the_letter_date(phrase: str, datum: str,
                                                                        uiterlijk: str) -> None:
    found = find_toezeggingen(f"Ik zal uw Kamer {phrase} informeren over de voortgang.", datum)
    assert [(t.termijn, t.uiterlijk) for t in found] == [(phrase, uiterlijk)]


def test_in_q1_is_a_deadline_in_a_commitment() -> None:
    found = find_toezeggingen("Ik zal uw Kamer in Q1 informeren over de voortgang. Het kabinet stuurt u in Q4 "
                              "de evaluatie. Ik kom in Q2 2032 terug op de kosten.", "2031-05-14")
    assert [(t.termijn, t.uiterlijk) for t in found] == [
        ("in Q1", "2032-03-31"), ("in Q4", "2031-12-31"), ("Q2 2032", "2032-06-30")]


def test_in_q4_reaches_the_record() -> None:
    body = "De versterking loopt volgens plan. Ik zal uw Kamer in Q4 informeren over de voortgang."
    toezeggingen = parse_text(letter(body)).record["toezeggingen"]
    assert [(t["termijn"], t["uiterlijk"]) for t in toezeggingen] == [("in Q4", "2031-12-31")]
