"""Papers that are no letter (a memorie van toelichting, an ontwerp van wet) are refused, also when an OCR
page puts a Handelingen number or a list mark before the heading, or a signature ends them."""

from __future__ import annotations

import pytest

import kamerbrief
from kamerbrief.model import NotALetterError

PAPER = """Tweede Kamer.
Regeling van de veerdiensten op de binnenwateren.
{heading}
Het hierbij aangeboden wetsontwerp strekt tot een nieuwe regeling van de veerdiensten op de binnenwateren,
die sinds lang om herziening vraagt en waarvoor de Kamer in het vorige zittingsjaar heeft gevraagd.
De Minister van Waterstaat,
J. van der Veer.
"""


@pytest.mark.parametrize("heading", ["MEMORIE VAN TOELICHTING.", "118. 3. MEMORIE VAN TOELICHTING.",
                                     "(118. 2.) ONTWERP VAN WET.", "II MEMORIE VAN TOELICHTING."])
def test_a_numbered_heading_of_another_kind_of_paper_is_refused(heading: str) -> None:
    with pytest.raises(NotALetterError, match="not a letter"):
        kamerbrief.parse_text(PAPER.format(heading=heading))


def test_a_letter_that_mentions_a_memorie_in_its_body_is_read() -> None:
    letter = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nGeachte voorzitter,\n\n"
              "Hierbij zend ik u de memorie van toelichting bij het wetsvoorstel over de veerdiensten.\n\n"
              "De Minister van Infrastructuur en Waterstaat,\n\nJ. van der Veer\n")
    assert kamerbrief.parse_text(letter).record["metadata"]["afzender"]["naam"] == "J. van der Veer"
