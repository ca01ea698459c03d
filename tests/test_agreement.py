"""Values that should agree: co-signers spelled twice, office titles in the index, references and
deadlines in the forms letters use. The letters here are invented."""

from __future__ import annotations

import csv
from pathlib import Path

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


def test_a_co_signer_in_two_spellings_is_listed_once_with_a_warning() -> None:
    body = ("Mede namens de minister voor Binnenlandse Zaken en Koninkrijkrelaties en de minister van "
            "Buitenlandse Zaken bericht ik u over de dijken.")
    text = letter(body).replace("R. Dijkstra\n", "R. Dijkstra\n\nDe Minister voor Binnenlandse Zaken en "
                                                   "Koninkrijksrelaties,\n\nS. de Wit\n")
    result = parse_text(text)
    assert result.record["metadata"]["mede_namens"] == [
        "Minister voor Binnenlandse Zaken en Koninkrijksrelaties",  # the spelling of the ministry list, as printed
        "minister van Buitenlandse Zaken",
    ]
    warnings = [w["message"] for w in result.record["waarschuwingen"] if w["code"] == "mede_namens"]
    assert len(warnings) == 1 and "Koninkrijkrelaties" in warnings[0]


def test_offices_a_few_letters_apart_stay_apart() -> None:
    from kamerbrief.rules.functies import dedupe

    names = ["minister van Buitenlandse Zaken", "minister van Binnenlandse Zaken", "minister van Financien",
             "Minister van Financiën", "staatssecretaris van Financiën"]
    assert dedupe(names) == (["minister van Buitenlandse Zaken", "minister van Binnenlandse Zaken",
                              "minister van Financien", "staatssecretaris van Financiën"], [])


def test_co_signers_that_differ_in_capitals_or_accents_only_are_merged_without_a_warning() -> None:
    body = "Mede namens de staatssecretaris van Financiën en de minister van Defensie bericht ik u."
    text = letter(body).replace("R. Dijkstra\n", "R. Dijkstra\n\nDe Staatssecretaris van Financien,\n\nT. Geld\n\n"
                                                   "De Minister van Defensie,\n\nK. Soldaat\n")
    record = parse_text(text).record
    assert record["metadata"]["mede_namens"] == ["staatssecretaris van Financiën", "minister van Defensie"]
    assert not [w for w in record["waarschuwingen"] if w["code"] == "mede_namens"]


@pytest.mark.parametrize(("printed", "grouped"), [
    ("Minister van Infrastructuur en Waterstaat", "minister van Infrastructuur en Waterstaat"),
    ("minister van Infrastructuur en waterstaat", "minister van Infrastructuur en Waterstaat"),
    ("Staatssecretaris  van Infrastructuur en Waterstaat", "staatssecretaris van Infrastructuur en Waterstaat"),
    ("Minister-President, Minister van Algemene Zaken", "minister-president, minister van Algemene Zaken"),
    ("Voorzitter van de Onderzoeksraad", "voorzitter van de Onderzoeksraad"),
])
def test_the_index_groups_office_titles_in_one_form(printed: str, grouped: str) -> None:
    from kamerbrief.batch import _index_row

    record = parse_text(letter("De versterking loopt volgens plan.")).record
    record["metadata"]["afzender"]["functie"] = printed
    assert _index_row("brief.txt", record)[4] == grouped
    assert record["metadata"]["afzender"]["functie"] == printed  # the record keeps the printed form


def test_the_batch_index_has_one_form_for_differently_capitalised_senders(tmp_path: Path) -> None:
    from kamerbrief import convert_tree

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(letter("De versterking loopt volgens plan."), encoding="utf-8")
    (src / "b.txt").write_text(letter("De versterking loopt volgens plan.").replace(
        "De Minister van Infrastructuur", "De minister van Infrastructuur"), encoding="utf-8")
    convert_tree(src, tmp_path / "out", index=tmp_path / "index.csv")
    with open(tmp_path / "index.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["afzender_functie"] for r in rows} == {"minister van Infrastructuur en Waterstaat"}


def test_every_mede_namens_phrase_is_read_not_only_the_first() -> None:
    body = ("Mede namens de minister van Defensie bericht ik u over de dijken. Het vervolg stuur ik u mede "
            "namens de staatssecretaris van Financiën.\n\nOok mede namens de minister voor Natuur en Stikstof "
            "laat ik u weten dat het werk doorgaat.")
    assert parse_text(letter(body)).record["metadata"]["mede_namens"] == [
        "minister van Defensie", "staatssecretaris van Financiën", "minister voor Natuur en Stikstof"]
