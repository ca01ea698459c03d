"""Faults a blind tester found in ministry letters as pdftotext writes them (hard-wrapped lines, the
right-hand colophon column printed late and again on every page): each reproduced on self-written text."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text

RETOUR = "> Retouradres Postbus 90801 2509 LV Den Haag\n\n"
ADDRESSEE = """De Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

"""
FIRST = """Geachte voorzitter,

Op 20 januari 2026 bracht de Nederlandse Arbeidsinspectie het rapport Veilig
aan het werk op de bouwplaats uit. De inspectie doet daarin vier aanbevelingen
aan mij en aan de bouwsector. Met deze brief bied ik u de kabinetsreactie aan.

"""
MINISTRY = """Ministerie van Sociale Zaken en
Werkgelegenheid
Directie Gezond en Veilig Werken
Postbus 90801
2509 LV Den Haag
"""
SUBJECT = "Kabinetsreactie op het rapport Veilig aan het werk op de bouwplaats"
# the column as pdftotext may print it after the first paragraph
WRAPPED = "Kabinetsreactie op het rapport Veilig aan het werk op de\nbouwplaats\n"
LATE = {
    "values on the label's line": "Datum 12 maart 2026\nBetreft " + WRAPPED + "\n" + MINISTRY
                                  + "Ons kenmerk 2026-0000034567\n\n",
    "values on the next line": "Datum\n12 maart 2026\nBetreft\n" + WRAPPED + "\n" + MINISTRY
                               + "Ons kenmerk\n2026-0000034567\n\n",
    "labels, then values": MINISTRY + "\nDatum\nBetreft\nOns kenmerk\n\n12 maart 2026\n" + SUBJECT
                           + "\n2026-0000034567\n\n",
    "labels, blank, values": MINISTRY + "\nDatum\nBetreft\n\n12 maart 2026\n" + SUBJECT
                             + "\n\nOns kenmerk\n2026-0000034567\n\n",
    "no blank line around it": "Datum 12 maart 2026\nBetreft " + SUBJECT + "\n" + MINISTRY
                               + "Ons kenmerk 2026-0000034567\n",
}
RESPONSES = """Hieronder ga ik per aanbeveling in op de reactie van het kabinet.

1. Zorg dat iedere bouwplaats een actueel veiligheidsplan heeft.

Ik neem deze aanbeveling over. Vanaf 1 januari 2027 moet iedere aannemer met
meer dan tien werknemers op de bouwplaats een veiligheidsplan kunnen tonen.

2. Verscherp het toezicht op kleine aannemers.

Ik neem deze aanbeveling deels over. De Arbeidsinspectie gaat vaker langs bij
kleine aannemers, maar een apart toezichtsregime vind ik niet nodig.

3. Maak valbeveiliging op steigers in alle gevallen verplicht.
{break3}
Ik neem deze aanbeveling over. Ik pas het Arbeidsomstandighedenbesluit aan,
zodat valbeveiliging ook bij korte klussen op lage steigers verplicht wordt.

4. Laat opdrachtgevers meebetalen aan veilige werkmethoden.

Deze aanbeveling neem ik niet over. Opdrachtgevers betalen via de aanneemsom
al mee aan de kosten van veilig werken.
{break4}
Ik zal uw Kamer over een jaar informeren over de voortgang van de
aanbevelingen.

"""
CLOSING = """De minister van Sociale Zaken en Werkgelegenheid,

P.J. de Vries
"""
# the colophon text that must not stand in any section or response
LEAKS = ("Betreft", "Datum", "Ons kenmerk", "Ministerie van", "Werkgelegenheid", "Postbus", "Staten-Generaal",
         "Directie", "Pagina", "12 maart 2026", "2026-0000034567")


def _texts(record: dict) -> list[str]:
    return ([s["tekst"] for s in record["secties"]] + [s["kop"] or "" for s in record["secties"]]
            + [a["reactie"] for a in record["aanbevelingen"]] + [a["titel"] for a in record["aanbevelingen"]])


def _no_leaks(record: dict) -> None:
    for text in _texts(record):
        for leak in LEAKS:
            assert leak not in text, (leak, text)


@pytest.mark.parametrize("late", LATE)
@pytest.mark.parametrize("addressee_late", [False, True])
def test_a_colophon_printed_after_the_first_paragraph_is_read_and_kept_out_of_the_body(late: str,
                                                                                         addressee_late: bool) -> None:
    head = RETOUR if addressee_late else RETOUR + ADDRESSEE
    column = LATE[late] + (ADDRESSEE if addressee_late else "")
    text = head + FIRST + column + RESPONSES.format(break3="", break4="") + CLOSING
    record = parse_text(text).record
    m = record["metadata"]
    assert (m["datum"], m["onderwerp"], m["kenmerk"]) == ("2026-03-12", SUBJECT, "2026-0000034567")
    assert m["geadresseerde"] == "Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert m["afzender"]["organisatieonderdelen"] == ["Directie Gezond en Veilig Werken"]
    assert [s["kop"] for s in record["secties"]] == [None, None]  # before the recommendations, after them
    assert record["secties"][0]["tekst"].startswith("Op 20 januari 2026")
    assert record["secties"][0]["tekst"].endswith("per aanbeveling in op de reactie van het kabinet.")
    assert [a["nummer"] for a in record["aanbevelingen"]] == [1, 2, 3, 4]
    _no_leaks(record)
    assert not [w for w in record["waarschuwingen"] if w["code"] in ("onderwerp", "datum", "kenmerk")]


# the column repeated on a later page, where the page break falls
HEADERS = {
    "form feed, labels with values": "\fMinisterie van Sociale Zaken en\nWerkgelegenheid\nDatum 12 maart 2026\n"
                                     "Ons kenmerk 2026-0000034567\nPagina 2 van 3\n\n",
    "the ministry on one line": "\fMinisterie van Defensie\nDatum 12 maart 2026\nOns kenmerk 2026-0000034567\n"
                                "Pagina 2 van 3\n\n",
    "no form feed, page number first": "Pagina 1 van 3\nMinisterie van Sociale Zaken en\nWerkgelegenheid\n\n"
                                       "Datum\n12 maart 2026\n\nOns kenmerk\n2026-0000034567\n\n",
    "groups of their own": "\fMinisterie van Sociale Zaken en\nWerkgelegenheid\n\nOns kenmerk\n2026-0000034567\n\n"
                           "Pagina 2 van 3\n\n",
}


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("head_has_column", [True, False])
def test_the_column_repeated_on_a_later_page_is_furniture(header: str, head_has_column: bool) -> None:
    if head_has_column:
        head = RETOUR + ADDRESSEE + MINISTRY + "\nDatum 12 maart 2026\nBetreft " + SUBJECT + "\n\n" \
            + "Ons kenmerk 2026-0000034567\n\n" + FIRST
    else:
        head = RETOUR + ADDRESSEE + FIRST + LATE["values on the label's line"]
    text = head + RESPONSES.format(break3="\n" + HEADERS[header], break4="\n" + HEADERS[header]) + CLOSING
    record = parse_text(text).record
    recs = record["aanbevelingen"]
    assert [a["nummer"] for a in recs] == [1, 2, 3, 4]
    assert recs[2]["reactie"].startswith("Ik neem deze aanbeveling over. Ik pas het")
    assert recs[3]["reactie"].endswith("kosten van veilig werken.")
    assert record["metadata"]["onderwerp"] == SUBJECT
    _no_leaks(record)


def test_a_heading_at_the_top_of_a_page_stays_a_heading() -> None:
    """A lone short line after the page number ("Inspectie en toezicht") is the body's, though a unit of the
    column could start so."""
    text = (RETOUR + ADDRESSEE + "Datum 12 maart 2026\nBetreft " + SUBJECT + "\n\n" + FIRST
            + "Pagina 1 van 2\n\fInspectie en toezicht\n\nDe Arbeidsinspectie bezoekt in 2026 vaker bouwplaatsen.\n\n"
            + CLOSING)
    record = parse_text(text).record
    assert [s["kop"] for s in record["secties"]] == [None, "Inspectie en toezicht"]


def test_a_sentence_that_opens_with_a_label_word_stays_in_the_body() -> None:
    text = (RETOUR + ADDRESSEE + "Datum 12 maart 2026\nBetreft " + SUBJECT + "\n\n" + FIRST
            + "Het kabinet wil dat steigers veilig zijn. Maar wat als de aannemer niet meewerkt?\n"
            + "Betreft het een kleine aannemer, dan helpt de inspectie eerst met advies.\n\n" + CLOSING)
    record = parse_text(text).record
    assert "Betreft het een kleine aannemer" in record["secties"][0]["tekst"]
    assert record["metadata"]["onderwerp"] == SUBJECT


def _letter(responses: str) -> dict:
    head = RETOUR + ADDRESSEE + FIRST + LATE["values on the label's line"]
    return parse_text(head + responses + CLOSING).record


@pytest.mark.parametrize("number", [1, 3, 4])
@pytest.mark.parametrize("header", [None, "form feed, labels with values", "no form feed, page number first"])
def test_a_short_numbered_recommendation_without_a_full_stop_is_one(number: int, header: str | None) -> None:
    """One title without a full stop is a heading in plain text; the others, with theirs, paragraphs: one
    sequence 1..n all the same."""
    page = "\n" + HEADERS[header] if header else ""
    responses = RESPONSES.format(break3=page, break4="")
    title = next(line for line in responses.splitlines() if line.startswith(f"{number}. "))
    recs = _letter(responses.replace(title, title.rstrip(".")))["aanbevelingen"]
    assert [a["nummer"] for a in recs] == [1, 2, 3, 4]
    assert recs[number - 1]["titel"] == title[3:].rstrip(".")
    assert all(a["reactie"] for a in recs)
    assert "Ik pas het Arbeidsomstandighedenbesluit aan" in recs[2]["reactie"]


WRAPPED_TITLE = ("3. Maak valbeveiliging op steigers in alle gevallen verplicht, ook bij korte\n"
                 "klussen op lage steigers")


@pytest.mark.parametrize("header", [*HEADERS, "form feed alone"])
def test_a_title_without_a_full_stop_at_the_foot_of_a_page_is_parted_from_its_response(header: str) -> None:
    """pdftotext joins nothing, but a paragraph cut by a page end is joined again: a title whose short last line
    stands at the foot of the page is not joined to the response at the top of the next."""
    page = "\f" if header == "form feed alone" else "\n" + HEADERS[header]
    responses = RESPONSES.format(break3=page, break4="").replace(
        "3. Maak valbeveiliging op steigers in alle gevallen verplicht.\n", WRAPPED_TITLE + "\n")
    record = _letter(responses)
    recs = record["aanbevelingen"]
    assert [a["nummer"] for a in recs] == [1, 2, 3, 4]
    assert recs[2]["titel"] == " ".join(WRAPPED_TITLE[3:].split())
    assert recs[2]["reactie"].startswith("Ik neem deze aanbeveling over. Ik pas het")
    assert "valbeveiliging" not in recs[1]["reactie"]
    _no_leaks(record)


def test_a_response_stops_at_the_next_number_though_that_one_holds_its_response() -> None:
    """A title and its response that stay one paragraph (the title's last line is full, so the page end cannot
    be told) still end the response above: no response holds another recommendation's text."""
    long_title = WRAPPED_TITLE + " en ladders bij het werk aan gevels en op dakranden"
    responses = RESPONSES.format(break3="\n" + HEADERS["form feed, labels with values"], break4="").replace(
        "3. Maak valbeveiliging op steigers in alle gevallen verplicht.\n", long_title + "\n")
    record = _letter(responses)
    recs = record["aanbevelingen"]
    assert recs[1]["nummer"] == 2
    assert recs[1]["reactie"].endswith("een apart toezichtsregime vind ik niet nodig.")
    for a in recs:
        assert "valbeveiliging" not in a["reactie"] or a["nummer"] == 3
        assert "opdrachtgevers" not in a["reactie"].lower() or a["nummer"] == 4
    assert any(w["code"] == "aanbevelingen" for w in record["waarschuwingen"])
