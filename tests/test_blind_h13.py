"""Three faults a blind tester found in signatures and letterheads: each reproduced here on self-written text."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text
from kamerbrief.lexicon import joined_portfolio, known_portfolio
from kamerbrief.rules.signature import ministerie_of

LETTERHEAD = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 4 juni 2025
Betreft Voortgang van het programma Zonnige Dijken
Ons kenmerk ZD-2025/4711

Geachte voorzitter,

Hierbij informeer ik u over de voortgang van het programma Zonnige Dijken.

Hoogachtend,

"""
SIGNATURE = "\n\nDe minister van Infrastructuur en Waterstaat,\n\nT. Dijkgraaf\n"


def _record(head: str = "", tail: str = SIGNATURE, fmt: str = "text") -> dict:
    return parse_text(head + LETTERHEAD + tail, fmt=fmt).record


def _signers(tail: str, fmt: str = "text") -> list[tuple[str, str | None]]:
    return [(s["functie"], s["naam"]) for s in _record(tail=tail, fmt=fmt)["ondertekening"]["ondertekenaars"]]


# --- 1. a signer's title wrapped anywhere inside it -------------------------------------------------------

@pytest.mark.parametrize("title", [
    "De minister voor Buitenlandse Handel\nen Ontwikkelingshulp,",
    "De minister voor Buitenlandse\nHandel en Ontwikkelingshulp,",
    "De minister voor Buitenlandse Handel en\nOntwikkelingshulp,",
    "De minister voor\nBuitenlandse Handel en Ontwikkelingshulp,",
    "De minister voor Buitenlandse Handel\nen Ontwikkelingshulp",
])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_minister_voor_title_wrapped_anywhere_keeps_its_name(title: str, fmt: str) -> None:
    """A portfolio the lexicon does not know, wrapped before "en", after it, or after "voor"."""
    rec = _record(tail=f"{title}\n\nP. Zeevaarder\n", fmt=fmt)
    assert rec["metadata"]["afzender"]["functie"] == "minister voor Buitenlandse Handel en Ontwikkelingshulp"
    assert rec["metadata"]["afzender"]["naam"] == "P. Zeevaarder"
    assert not [w for w in rec["waarschuwingen"] if "no name printed" in w["message"]]


@pytest.mark.parametrize(("title", "functie"), [
    ("De minister voor Buitenlandse Handel\nen Ontwikkelingssamenwerking,",
     "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ("De minister van Binnenlandse Zaken\nen Koninkrijksrelaties,",
     "minister van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("De staatssecretaris van Infrastructuur\nen Waterstaat,", "staatssecretaris van Infrastructuur en Waterstaat"),
    ("De Minister van Onderwijs,\nCultuur en Wetenschap,", "Minister van Onderwijs, Cultuur en Wetenschap"),
])
def test_a_known_title_wrapped_before_en_is_joined(title: str, functie: str) -> None:
    """"Binnenlandse Zaken" alone is a ministry too: a line opening with "en" still goes on the title."""
    rec = _record(tail=f"{title}\nM. Ambtsdrager\n")
    assert (rec["metadata"]["afzender"]["functie"], rec["metadata"]["afzender"]["naam"]) == (functie, "M. Ambtsdrager")
    assert rec["metadata"]["afzender"]["ministerie"] == ministerie_of(functie)


def test_a_wrapped_title_over_three_lines() -> None:
    assert _signers("De minister voor\nBuitenlandse Handel en\nOntwikkelingshulp,\n\nP. Zeevaarder\n") == [
        ("minister voor Buitenlandse Handel en Ontwikkelingshulp", "P. Zeevaarder")]


def test_two_signers_the_second_title_wrapped_before_en() -> None:
    tail = ("De minister van Financiën,\n\nK. Schatkist\n\n"
            "De minister voor Buitenlandse Handel\nen Ontwikkelingshulp,\n\nP. Zeevaarder\n")
    assert _signers(tail) == [("minister van Financiën", "K. Schatkist"),
                              ("minister voor Buitenlandse Handel en Ontwikkelingshulp", "P. Zeevaarder")]


def test_name_first_layout_with_the_title_wrapped_before_en() -> None:
    assert _signers("P. Zeevaarder\nMinister voor Buitenlandse Handel\nen Ontwikkelingshulp\n") == [
        ("Minister voor Buitenlandse Handel en Ontwikkelingshulp", "P. Zeevaarder")]


@pytest.mark.parametrize("tail", [
    "De minister van Justitie en Veiligheid\nMark Harbers\n",  # no comma after the title: the name is no portfolio
    "De minister van Justitie en Veiligheid,\n\nJ. Pieters\n",
])
def test_a_name_under_a_title_is_never_joined_to_it(tail: str) -> None:
    assert _signers(tail)[0][0] == "minister van Justitie en Veiligheid"


# --- 2. a portfolio line between the title and the name ---------------------------------------------------

@pytest.mark.parametrize(("title", "portfolio", "naam", "ministerie"), [
    ("De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,", "Digitalisering en Koninkrijksrelaties",
     "Q. Netwerk", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,", "*Digitalisering en Koninkrijksrelaties*",
     "Q. Netwerk", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("De staatssecretaris van Economische Zaken en Klimaat,", "Herstel Groningen",
     "S. Bodemzorg", "Ministerie van Economische Zaken en Klimaat"),
    ("De staatssecretaris van Volksgezondheid, Welzijn en Sport,", "Jeugd, Preventie en Sport",
     "R. Speelveld", "Ministerie van Volksgezondheid, Welzijn en Sport"),
    ("De staatssecretaris van Volksgezondheid, Welzijn en Sport,", "Jeugd, Preventie en Sport,",
     "R. Speelveld", "Ministerie van Volksgezondheid, Welzijn en Sport"),
    ("De Staatssecretaris van Financiën,", "_Toeslagen en Douane_", "Anna de Munt", "Ministerie van Financiën"),
])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_portfolio_line_under_the_title_goes_with_the_title(
        title: str, portfolio: str, naam: str, ministerie: str, fmt: str, gap: str) -> None:
    rec = _record(tail=f"{title}\n{portfolio}{gap}{naam}\n", fmt=fmt)
    afzender = rec["metadata"]["afzender"]
    bare = portfolio.strip("*_").rstrip(",")
    assert afzender["functie"] == f"{title[3:].rstrip(',')} ({bare})"
    assert afzender["naam"] == naam
    assert rec["ondertekening"]["ondertekenaars"] == [{"functie": afzender["functie"], "naam": naam}]
    assert afzender["ministerie"] == ministerie  # from the letterhead-less letter: read from the title
    assert not [w for w in rec["waarschuwingen"] if w["code"] == "afzender"]


def test_a_portfolio_line_in_the_second_of_two_signers() -> None:
    tail = ("De minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nA. Binnenhof\n\n"
            "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,\n"
            "Digitalisering en Koninkrijksrelaties\n\nQ. Netwerk\n")
    assert _signers(tail) == [
        ("minister van Binnenlandse Zaken en Koninkrijksrelaties", "A. Binnenhof"),
        ("staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties (Digitalisering en Koninkrijksrelaties)",
         "Q. Netwerk")]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_portfolio_line_in_the_first_of_two_signers(gap: str) -> None:
    tail = (f"De staatssecretaris van Economische Zaken en Klimaat,\nHerstel Groningen\nS. Bodemzorg{gap}"
            "De minister van Financiën,\n\nK. Schatkist\n")
    assert _signers(tail) == [
        ("staatssecretaris van Economische Zaken en Klimaat (Herstel Groningen)", "S. Bodemzorg"),
        ("minister van Financiën", "K. Schatkist")]


def test_a_portfolio_line_under_a_title_in_capitals() -> None:
    assert _signers("DE STAATSSECRETARIS VAN FINANCIËN,\nTOESLAGEN EN DOUANE\nA. DE MUNT\n") == [
        ("Staatssecretaris van Financiën (Toeslagen en Douane)", "A. DE MUNT")]


@pytest.mark.parametrize("next_signer", ["", "\nA. Binnenhof\nMinister van Justitie en Veiligheid\n"])
def test_a_portfolio_line_under_a_name_first_signature(next_signer: str) -> None:
    tail = ("Q. Netwerk\nStaatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties\n"
            "Digitalisering en Koninkrijksrelaties\n" + next_signer)
    signers = _signers(tail)
    assert signers[0] == (
        "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties (Digitalisering en Koninkrijksrelaties)",
        "Q. Netwerk")
    assert len(signers) == (2 if next_signer else 1)


@pytest.mark.parametrize("tail", [
    # two signers, the second name first: the first name is no portfolio
    "De minister van Financiën,\nK. Schatkist\n\nP. Zeevaarder\nMinister van Defensie\n",
    "De minister van Financiën,\nKarel Schatkist\n\nPiet Zeevaarder\nMinister van Defensie\n",
])
def test_a_name_followed_by_the_next_signer_is_no_portfolio(tail: str) -> None:
    assert _signers(tail)[0] == ("minister van Financiën", tail.split("\n")[1])


def test_a_portfolio_line_without_a_name_below_stays_out_of_the_title() -> None:
    """A line that may be a name, with nothing below it, is read as the name (as before)."""
    assert _signers("De staatssecretaris van Economische Zaken en Klimaat,\nHerstel Groningen\n") == [
        ("staatssecretaris van Economische Zaken en Klimaat", "Herstel Groningen")]


@pytest.mark.parametrize(("functie", "ministerie"), [
    ("staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties (Digitalisering en Koninkrijksrelaties)",
     "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("minister voor Klimaat en Energie (Herstel Groningen)", "Ministerie van Economische Zaken en Klimaat"),
])
def test_the_ministry_of_a_title_with_its_portfolio(functie: str, ministerie: str) -> None:
    assert ministerie_of(functie) == ministerie


# --- 3. the ministry over two lines in the letterhead ------------------------------------------------------

@pytest.mark.parametrize(("head", "ministerie"), [
    ("Ministerie van Infrastructuur\nen Waterstaat\n\n", "Ministerie van Infrastructuur en Waterstaat"),
    ("Ministerie van Binnenlandse Zaken\nen Koninkrijksrelaties\n\n",
     "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("Ministerie van Onderwijs, Cultuur\nen Wetenschap\n\n", "Ministerie van Onderwijs, Cultuur en Wetenschap"),
    ("Ministerie van Sociale Zaken\nen Werkgelegenheid\nDirectie Arbeidsmarkt\n\n",
     "Ministerie van Sociale Zaken en Werkgelegenheid"),
    # as before: a line that ends in a connector, and one line alone
    ("Ministerie van Volksgezondheid,\nWelzijn en Sport\n\n", "Ministerie van Volksgezondheid, Welzijn en Sport"),
    ("Ministerie van Infrastructuur en Waterstaat\nRijkswaterstaat\n\n", "Ministerie van Infrastructuur en Waterstaat"),
    ("Ministerie van Justitie en Veiligheid\n\n", "Ministerie van Justitie en Veiligheid"),
])
def test_a_ministry_over_two_letterhead_lines(head: str, ministerie: str) -> None:
    assert _record(head=head)["metadata"]["afzender"]["ministerie"] == ministerie


def test_a_unit_under_a_wrapped_ministry_stays_a_unit() -> None:
    rec = _record(head="Ministerie van Sociale Zaken\nen Werkgelegenheid\nDirectie Arbeidsmarkt\n\n")
    assert rec["metadata"]["afzender"]["organisatieonderdelen"] == ["Directie Arbeidsmarkt"]


def test_the_shared_join_of_two_lines() -> None:
    assert joined_portfolio("Ministerie van Infrastructuur", "en Waterstaat") == (
        "Ministerie van Infrastructuur en Waterstaat")
    assert joined_portfolio("De Minister van Volksgezondheid,", "Welzijn en Sport,") == (
        "De Minister van Volksgezondheid, Welzijn en Sport,")
    assert joined_portfolio("Ministerie van Infrastructuur en Waterstaat", "Rijkswaterstaat") is None
    assert joined_portfolio("De minister van Justitie en Veiligheid,", "J. Pieters") is None
    assert known_portfolio("Medische Zorg") and known_portfolio("Infra structuur en Waterstaat")
    assert not known_portfolio("Ontwikkelingshulp")
