"""Invented sentences, labelled: is it a commitment by the sender, and what is its deadline?

All sentences are written for this test (none is taken from a letter). They cover the forms a
commitment takes in Kamerbrieven as a class: the Kamer informed in the passive, the Kamer as object
before the verb, a relative clause ("waarover ik uw Kamer ... zal berichten"), future passives of a
planned act with a date, "ik zal", "het kabinet gaat", "we komen ... terug"; and the forms that are no
commitment: the past, what others will do, a condition, a question.
"""

from __future__ import annotations

import pytest

from kamerbrief.rules.toezeggingen import find

DATUM = "2023-03-15"

# (sentence, is a commitment, termijn expected or None)
COMMITMENTS: list[tuple[str, str | None]] = [
    ("De Kamer zal in het najaar worden geïnformeerd over de voortgang van de pilot.", "in het najaar"),
    ("Uw Kamer wordt voor de zomer geïnformeerd over de uitkomsten van het onderzoek.", "voor de zomer"),
    ("Uw Kamer zal voor het einde van het jaar nader worden geïnformeerd over de aanpak.",
     "voor het einde van het jaar"),
    ("De Tweede Kamer wordt in het derde kwartaal over de evaluatie geïnformeerd.", "in het derde kwartaal"),
    ("Na afronding van de analyse zal de Kamer over de uitkomsten in het vierde kwartaal worden geïnformeerd.",
     "in het vierde kwartaal"),
    ("Daarna zal ik de Kamer over de resultaten van de verkenning in het derde kwartaal informeren.",
     "in het derde kwartaal"),
    ("Ik zal uw Kamer in september over de stand van zaken berichten.", "in september"),
    ("Het plan van aanpak, waarover ik uw Kamer dit najaar zal berichten, bevat ook een tijdpad.",
     "dit najaar"),
    ("De contouren van de regeling, waarover wij uw Kamer in het voorjaar zullen informeren, zijn nog niet bekend.",
     "in het voorjaar"),
    ("De convenanten met de provincies zullen op 1 juni ondertekend worden.", "op 1 juni"),
    ("De herziening van de subsidieregeling wordt in 2024 afgerond.", "in 2024"),
    ("In het voorjaar wordt de regeling door mijn ministerie opnieuw opengesteld.",
     "In het voorjaar"),
    ("Het wetsvoorstel zal voor de zomer in consultatie worden gebracht.", "voor de zomer"),
    ("De nieuwe richtlijn wordt in het tweede kwartaal van 2023 gepubliceerd.", "in het tweede kwartaal van 2023"),
    ("De evaluatie van het fonds zal in de tweede helft van 2023 worden uitgevoerd.",
     "in de tweede helft van 2023"),
    ("Ik zal de resultaten van de monitor na de zomer aan uw Kamer sturen.", "na de zomer"),
    ("Het kabinet gaat dit jaar een wetsvoorstel voorbereiden om de termijnen te verkorten.", "dit jaar"),
    ("We komen in het najaar bij uw Kamer terug op de uitkomsten van de gesprekken.", "in het najaar"),
    ("Wij komen hier voor de begrotingsbehandeling op terug.", "voor de begrotingsbehandeling"),
    ("Ik kom daar in de voortgangsbrief van het voorjaar bij u op terug.", None),
    ("Op dit punt kom ik voor de zomer bij uw Kamer terug.", "voor de zomer"),
    ("Ik ga de gemeenten in het voorjaar vragen om hun ervaringen te delen.", "in het voorjaar"),
    ("Ik informeer uw Kamer in oktober over de besluitvorming.", "in oktober"),
    ("Over de uitwerking wordt uw Kamer in het eerste kwartaal van 2024 geïnformeerd.",
     "in het eerste kwartaal van 2024"),
    ("De staatssecretaris zal uw Kamer voor de zomer informeren over de stand van de uitvoering.",
     "voor de zomer"),
]

NOT_COMMITMENTS: list[str] = [
    "In 2021 is de Kamer geïnformeerd over de eerste resultaten van het programma.",
    "Uw Kamer is in het najaar van 2022 geïnformeerd over de gewijzigde planning.",
    "De convenanten zijn op 1 juni vorig jaar ondertekend.",
    "In het debat van april is aan de commissie toegezegd dat de Kamer wordt geïnformeerd over de kosten.",
    "De evaluatie werd in 2020 afgerond.",
    "Vorig jaar heb ik uw Kamer toegezegd dat ik de regeling zou herzien.",
    "De gemeente Utrecht zal in het najaar een eigen onderzoek starten.",
    "De toezichthouder gaat de sector dit jaar opnieuw doorlichten.",
    "De Europese Commissie komt naar verwachting in het voorjaar met een voorstel.",
    "Als de middelen beschikbaar komen, dan zal ik de regeling in 2024 uitbreiden.",
    "Indien de pilot slaagt, wordt de aanpak in het najaar landelijk ingevoerd.",
    "Zal de minister de Kamer voor de zomer informeren over de uitkomsten?",
    "Wanneer wordt de Kamer geïnformeerd over de resultaten van het onderzoek?",
    "Hieronder ga ik in op de vragen van de commissie.",
    "Met deze brief informeer ik uw Kamer over de voortgang van het programma.",
    "De sector verwacht dat de vraag in 2025 verder zal stijgen.",
    "Het onderzoek toont aan dat de kosten in het derde kwartaal zijn gestegen.",
    "De leden van de fractie vragen of de regering in het najaar met een reactie komt.",
    "De provincies worden in de zomer door de inspectie bezocht.",
    "Het eindrapport wordt in het voorjaar door de onderzoekers opgeleverd.",
    "De regeling is in 2021 herzien en wordt in 2022 opnieuw aangepast.",
    "Naar verwachting worden in 2025 ruim tienduizend woningen opgeleverd.",
    "De aanvragen worden in het najaar door uitvoeringsorganisaties beoordeeld en vastgesteld.",
]


def _termijn(sentence: str) -> tuple[bool, str | None]:
    found = find(sentence, DATUM)
    return (bool(found), found[0].termijn if found else None)


def score() -> tuple[int, int]:
    """How many labelled sentences the rule gets right (found, and with the labelled termijn)."""
    right = 0
    for sentence, termijn in COMMITMENTS:
        right += _termijn(sentence) == (True, termijn)
    for sentence in NOT_COMMITMENTS:
        right += not _termijn(sentence)[0]
    return right, len(COMMITMENTS) + len(NOT_COMMITMENTS)


@pytest.mark.parametrize(("sentence", "termijn"), COMMITMENTS)
def test_labelled_commitment_found_with_termijn(sentence: str, termijn: str | None) -> None:
    assert _termijn(sentence) == (True, termijn)


@pytest.mark.parametrize("sentence", NOT_COMMITMENTS)
def test_labelled_non_commitment_not_found(sentence: str) -> None:
    assert find(sentence, DATUM) == []


if __name__ == "__main__":
    ok, total = score()
    print(f"{ok}/{total}")
    for sentence, termijn in COMMITMENTS:
        got = _termijn(sentence)
        if got != (True, termijn):
            print("MISS", got, "|", sentence)
    for sentence in NOT_COMMITMENTS:
        if _termijn(sentence)[0]:
            print("FALSE", "|", sentence)
