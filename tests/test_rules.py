"""Small rule tests: each Dutch pattern a rule recognises, and what it must leave alone."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text
from kamerbrief.rules.body import dehyphenate_join, repair_inner_hyphens
from kamerbrief.rules.dates import parse_date
from kamerbrief.rules.kamerstuk import normalise_dossier
from kamerbrief.rules.letterhead import match_label
from kamerbrief.rules.signature import mede_namens, ministerie_of, sign_line, titlecase


@pytest.mark.parametrize(("text", "iso"), [
    ("2 juli 2018", "2018-07-02"),
    ("Den Haag, 25 april 2012", "2012-04-25"),
    ("19april 1993", "1993-04-19"),
    ("22-12-2022", "2022-12-22"),
    ("3 febr. 2023", "2023-02-03"),
    ("31 februari 2020", None),
    ("geen datum", None),
])
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(("raw", "norm"), [
    ("31 568", "31568"),
    ("33 000 X", "33000-X"),
    ("21 501-01", "21501-01"),
    ("17600 G", "17600-G"),
    ("15 800 hoofdstuk XII", "15800-XII"),
    ("16-753", "16753"),
    ("CII", "CII"),
])
def test_dossier_numbers(raw: str, norm: str) -> None:
    assert normalise_dossier(raw) == norm


@pytest.mark.parametrize(("line", "want"), [
    ("Ons kenmerk 2299387", ("kenmerk", "2299387")),
    ("Kenmerk DEU-33/99", ("kenmerk", "DEU-33/99")),
    ("Uw kenmerk", ("uw_kenmerk", "")),
    ("Datum 2 juli 2018", ("datum", "2 juli 2018")),
    ("Onderwerp: Stookolieprijs in 1980", ("onderwerp", "Stookolieprijs in 1980")),
    ("Bijlage(n) 1", ("bijlagen", "1")),
    ("Datum waarop de wet ingaat is nog onbekend", None),
    ("Betreffende de motie", None),
])
def test_colophon_labels(line: str, want: tuple[str, str] | None) -> None:
    assert match_label(line) == want


@pytest.mark.parametrize(("line", "want"), [
    ("De Minister van Binnenlandse Zaken en Koninkrijksrelaties, J. W. E. Spies",
     ("Minister van Binnenlandse Zaken en Koninkrijksrelaties", "J. W. E. Spies")),
    ("De Staatssecretaris van Justitie en Veiligheid,", ("Staatssecretaris van Justitie en Veiligheid", None)),
    ("De Ministervan Economische Zaken, R. W. de Korte", ("Minister van Economische Zaken", "R. W. de Korte")),
    ("De Minister van Landbouw, Visserij, Voedselzekerheid en Natuur, F.M. Wiersma",
     ("Minister van Landbouw, Visserij, Voedselzekerheid en Natuur", "F.M. Wiersma")),
    ("De minister van Defensie, die het overleg voerde, zegde toe dat", None),
    ("De minister-president, Minister van Algemene Zaken,", ("minister-president, Minister van Algemene Zaken", None)),
    ("De Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst,",
     ("Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst", None)),
    ("De minister van Justitie en Veiligheid", ("minister van Justitie en Veiligheid", None)),
    ("DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP,", ("Minister van Onderwijs, Cultuur en Wetenschap", None)),
    ("De Minister van Defensie, w.g. J. Jansen", ("Minister van Defensie", "J. Jansen")),
])
def test_signature_lines(line: str, want: tuple[str, str | None] | None) -> None:
    assert sign_line(line) == want


def test_mede_namens_lists_each_co_sender() -> None:
    text = ("Met deze brief reageer ik, mede namens de minister van Buitenlandse Zaken en de minister voor "
            "Buitenlandse Handel en Ontwikkelingssamenwerking, op dit Actieplan.")
    assert mede_namens(text) == ["minister van Buitenlandse Zaken",
                                 "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"]
    assert mede_namens("Ik stuur u mede namens de Minister van Infrastructuur en Waterstaat een afschrift") == [
        "Minister van Infrastructuur en Waterstaat"]
    assert mede_namens("Hierbij doe ik u namens het kabinet dit rapport toekomen. Ik deel u mede dat") == []


def test_ministry_from_title() -> None:
    assert ministerie_of("Staatssecretaris van Justitie en Veiligheid") == "Ministerie van Justitie en Veiligheid"
    assert ministerie_of("minister voor Klimaat en Energie") == "Ministerie van Economische Zaken en Klimaat"
    assert ministerie_of("minister voor Ruimtevaart") is None  # unknown: null and a warning, never a guess
    fin = "Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst"
    assert ministerie_of(fin) == "Ministerie van Financiën"
    assert ministerie_of("minister-president, Minister van Algemene Zaken") == "Ministerie van Algemene Zaken"
    assert titlecase("MINISTER VAN VOLKSHUISVESTING, RUIMTELIJKE ORDENING EN MILIEUBEHEER") == (
        "Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer")


@pytest.mark.parametrize(("a", "b", "joined"), [
    ("verantwoordelijkhe-", "den leiden", "verantwoordelijkheden leiden"),
    ("in de CE-", "transitie", "in de CE-transitie"),
    ("de VN-", "burgerluchtvaartorganisatie", "de VN-burgerluchtvaartorganisatie"),
    ("mensenhandel-", "en mensensmokkel", "mensenhandel- en mensensmokkel"),
    ("een belangrijke pijler onder de", "aanpak", "een belangrijke pijler onder de aanpak"),
])
def test_line_end_hyphens(a: str, b: str, joined: str) -> None:
    assert dehyphenate_join(a, b) == joined


def test_ocr_inner_hyphens() -> None:
    assert repair_inner_hyphens("van Verkeer en Water-staat") == "van Verkeer en Waterstaat"
    assert repair_inner_hyphens("als vice-minister-president") == "als vice-minister-president"
    assert repair_inner_hyphens("de informatie-uitwisseling") == "de informatie-uitwisseling"


MINISTRY_LETTER = """Retouradres Postbus 1 2500 AA Den Haag

Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Directie Wonen

Ons kenmerk
2024-77

Datum 1 maart 2024
Betreft Woningbouw in de regio

Geachte voorzitter,

De bouw van woningen blijft achter. Het kabinet zet daarom in op een belangrijke pijler onder de

Directie Wonen

Ons kenmerk
2024-77

Pagina 2 van 2

aanpak van de woningnood: snellere procedures.

De Minister van Volkshuisvesting en Ruimtelijke Ordening,

A. Bouwer
"""


def test_page_furniture_is_removed_and_the_sentence_joined() -> None:
    r = parse_text(MINISTRY_LETTER).record
    text = r["secties"][0]["tekst"]
    assert "een belangrijke pijler onder de aanpak van de woningnood: snellere procedures." in text
    for leaked in ("Ons kenmerk", "Pagina 2", "Directie Wonen", "2024-77"):
        assert leaked not in text
    assert r["metadata"]["kenmerk"] == "2024-77"
    assert r["metadata"]["afzender"]["organisatieonderdelen"] == ["Directie Wonen"]


def test_missing_fields_are_null_with_a_warning() -> None:
    letter = MINISTRY_LETTER.replace("Ons kenmerk\n2024-77\n", "").replace("Datum 1 maart 2024\n", "")
    result = parse_text(letter)
    meta = result.record["metadata"]
    assert meta["kenmerk"] is None and meta["datum"] is None
    codes = {w["code"] for w in result.record["waarschuwingen"]}
    assert {"kenmerk", "datum"} <= codes
    assert all(p.path == "<text>" for p in result.problems)


def test_a_kamerstuk_has_no_kenmerk_and_no_warning_for_it() -> None:
    text = ("32 000 Testdossier\n\nNr. 5 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 mei 2020\n\n"
            "Hierbij informeer ik u over de stand van zaken.\n\nDe Minister van Defensie, K. Soldaat\n")
    result = parse_text(text)
    assert result.record["metadata"]["kenmerk"] is None
    assert result.record["metadata"]["kamerstuk"]["dossiernummer"] == "32000"
    assert not result.record["waarschuwingen"]


def test_announced_count_differs_from_found() -> None:
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 1 maart 2024\n"
            "Betreft Reactie\n\nGeachte voorzitter,\n\nIk ga in op de drie aanbevelingen uit het rapport.\n\n"
            "1. Doe dit\n\nDeze aanbeveling neem ik over.\n\n2. Doe dat\n\nDit acht ik niet nodig.\n\n"
            "De Minister van Financiën,\n\nA. Geld\n")
    result = parse_text(text)
    assert [a["nummer"] for a in result.record["aanbevelingen"]] == [1, 2]
    assert any(w["code"] == "aanbevelingen" and "3" in w["message"] for w in result.record["waarschuwingen"])


def test_numbered_sections_without_recommendations_stay_sections() -> None:
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 1 maart 2024\n"
            "Betreft Voortgang\n\nGeachte voorzitter,\n\nIk informeer u over twee onderwerpen.\n\n"
            "1. Wonen\n\nEr is gebouwd.\n\n2. Werken\n\nEr is gewerkt.\n\n"
            "De Minister van Financiën,\n\nA. Geld\n")
    r = parse_text(text).record
    assert r["aanbevelingen"] == []
    assert [(s["nummer"], s["kop"]) for s in r["secties"]] == [(None, None), (1, "Wonen"), (2, "Werken")]


def test_markdown_layout_tables_and_comments_from_converters() -> None:
    md = ("| Retouradres | Postbus 1 2500 AA Den Haag |\n|---|---|\n\n"
          "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n<!-- image -->\n\n"
          "| Datum | 2 juli 2018 |\n|---|---|\n| Betreft | Een onderwerp |\n| Ons kenmerk | 12345 |\n\n"
          "Geachte voorzitter,\n\nHierbij informeer ik u.\n\nDe Minister van Financiën,\n\nA. Geld\n")
    r = parse_text(md, fmt="markdown").record
    assert (r["metadata"]["datum"], r["metadata"]["onderwerp"], r["metadata"]["kenmerk"]) == (
        "2018-07-02", "Een onderwerp", "12345")
    assert r["secties"] == [{"nummer": None, "kop": None, "tekst": "Hierbij informeer ik u."}]


def test_pdftotext_page_foot_footnotes_are_paired_and_left_out_of_the_body() -> None:
    from kamerbrief.model import Line
    from kamerbrief.rules.pagefoot import footnotes

    text = ["Body line that runs on to the next page and has no", "Kamerstuk 30196, nr. 801.", "2",
            "Zie het rapport, bijlage 3, en", "de tabel op https://example.org/tabel.", "1", "", "Pagina 1 van 3",
            "next page", "Nog een zin met een voetnoot, zie", "https://example.org/x.", "", "3", "",
            "Pagina 2 van 3"]
    lines = tuple(Line(t, n) for n, t in enumerate(text, start=1))
    taken, found = footnotes(lines, 0, len(lines))
    notes = [(n.nummer, n.tekst) for n in found]
    assert [(n.van, n.tot) for n in found] == [(2, 2), (4, 5), (10, 11)]
    assert notes == [("1", "Kamerstuk 30196, nr. 801."),
                     ("2", "Zie het rapport, bijlage 3, en de tabel op https://example.org/tabel."),
                     ("3", "Nog een zin met een voetnoot, zie https://example.org/x.")]
    assert 0 not in taken and 8 not in taken  # body lines stay


def test_a_page_foot_without_footnote_numbers_is_left_alone() -> None:
    from kamerbrief.model import Line
    from kamerbrief.rules.pagefoot import footnotes

    lines = tuple(Line(t, n) for n, t in enumerate(["Kamerstuk 1 is een zin.", "Gewone tekst.", "Pagina 1 van 2"]))
    assert footnotes(lines, 0, len(lines)) == (set(), [])


@pytest.mark.parametrize("closing", [
    "Minister van Justitie en Veiligheid,\n\nD. Veilig",
    "De Minister van Justitie en Veiligheid,\n\nw.g. D. Veilig",
    "D. Veilig\nMinister van Justitie en Veiligheid",
])
def test_signature_layouts(closing: str) -> None:
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 1 maart 2024\nBetreft Test\n\n"
            "Ons kenmerk 123456\n\nGeachte voorzitter,\n\nHierbij informeer ik u.\n\n" + closing + "\n")
    r = parse_text(text).record
    assert r["metadata"]["afzender"]["functie"] == "Minister van Justitie en Veiligheid"
    assert r["metadata"]["afzender"]["naam"] == "D. Veilig"
    assert r["secties"][-1]["tekst"] == "Hierbij informeer ik u."


@pytest.mark.parametrize(("a", "b", "want"), [("1999", "00", "1999-2000"), ("2011", "12", "2011-2012"),
                                               ("2011", "2012", "2011-2012"), ("1989", "90", "1989-1990")])
def test_a_vergaderjaar_over_the_turn_of_a_century_keeps_its_century(a: str, b: str, want: str) -> None:
    from kamerbrief.rules.kamerstuk import normalise_year

    assert normalise_year(a, b) == want


def test_a_paragraph_knows_where_each_of_its_lines_begins() -> None:
    from kamerbrief.model import Line
    from kamerbrief.rules.body import paragraphs

    texts = ["Het verantwoordelijkhe-", "den van de minister zijn", "", "Pagina 1 van 2", "",
             "groot. Ik zal u informeren."]
    lines = tuple(Line(t, n) for n, t in enumerate(texts, start=1))
    [block] = paragraphs(lines, 0, len(lines), lambda i: i == 3, False, True)
    assert block.text == "Het verantwoordelijkheden van de minister zijn groot. Ik zal u informeren."
    assert block.offsets == ((0, 1), (block.text.index("den van"), 2), (block.text.index("groot."), 6))
