"""Three faults a blind tester found in signatures and letterheads: each reproduced here on self-written text."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text
from kamerbrief.lexicon import joined_portfolio, known_portfolio

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
