"""Kamervragen: each answer under its own question, shared answers, unlabelled answers, warnings."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text
from kamerbrief.rules.vragen import ANTWOORD, numbers

HEAD = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 3 maart 2025
Betreft Beantwoording vragen over de veerpont
Ons kenmerk 1234567

Hierbij zend ik u de antwoorden op de vragen van het lid Jansen over de veerpont.

De Minister van Infrastructuur en Waterstaat,

P. de Vries

"""


def _vragen(body: str) -> tuple[list[dict[str, object]], list[str]]:
    result = parse_text(HEAD + body, fmt="markdown")
    return result.record["vragen"], [p.message for p in result.warnings]


@pytest.mark.parametrize(("label", "nums"), [
    ("Antwoord op vragen 7, 8 en 9", [7, 8, 9]),
    ("Antwoord op vragen 7, 8, en 9", [7, 8, 9]),
    ("Antwoord op vraag 7, 8, en 9", [7, 8, 9]),
    ("Antwoord op vragen 4 tot en met 6", [4, 5, 6]),
    ("Antwoord op vragen 2 t/m 3", [2, 3]),
    ("Antwoord op vraag 12", [12]),
])
def test_answer_labels_name_every_question(label: str, nums: list[int]) -> None:
    m = ANTWOORD.match(label)
    assert m and numbers(m.group(1)) == nums and m.group(2) == ""


def test_a_shared_answer_stands_on_each_question_it_answers() -> None:
    vragen, warnings = _vragen(
        "**Vraag 1**\n\n**Rijdt de pont nog?**\n\n**Antwoord op vraag 1**\n\nJa.\n\n"
        "**Vraag 2**\n\n**Wanneer?**\n\n**Vraag 3**\n\n**Hoe vaak?**\n\n"
        "**Antwoord op vragen 2, en 3**\n\nElk uur, van zes tot tien.\n"
    )
    assert [(v["nummer"], v["antwoord"]) for v in vragen] == [
        (1, "Ja."), (2, "Elk uur, van zes tot tien."), (3, "Elk uur, van zes tot tien.")]
    assert not [w for w in warnings if "vraag" in w]


def test_a_plain_paragraph_after_a_bold_question_is_its_answer() -> None:
    vragen, _ = _vragen(
        "**Vraag 1**\n\n**Rijdt de pont nog?**\n\nDe pont vaart sinds maandag weer.\n\nOok in het weekend.\n\n"
        "**Vraag 2**\n\n**Wie betaalt?**\n\n**Antwoord op vraag 2**\n\nDe provincie.\n"
    )
    assert vragen[0]["vraag"] == "Rijdt de pont nog?"
    assert vragen[0]["antwoord"] == "De pont vaart sinds maandag weer.\n\nOok in het weekend."
    assert vragen[1]["antwoord"] == "De provincie."


def test_a_question_without_an_answer_is_named_in_a_warning() -> None:
    vragen, warnings = _vragen(
        "Vraag 1\n\nRijdt de pont nog?\n\nAntwoord op vraag 1\n\nJa.\n\n"
        "Vraag 2\n\nWie betaalt?\n\nVraag 3\n\nWanneer?\n\nAntwoord op vraag 3\n\nMorgen.\n"
    )
    assert vragen[1]["antwoord"] is None
    assert "vraag 2 has no answer" in warnings


def test_a_plain_quote_inside_a_bold_question_goes_back_to_the_question_when_the_label_follows() -> None:
    vragen, _ = _vragen(
        "**Vraag 1**\n\n**Kent u het bericht waarin staat:**\n\n\"De pont vaart niet meer.\"\n\n"
        "**Antwoord op vraag 1**\n\nJa.\n"
    )
    assert vragen[0]["vraag"] == 'Kent u het bericht waarin staat:\n\n"De pont vaart niet meer."'
    assert vragen[0]["antwoord"] == "Ja."


ANSWERS_SIGNED_BELOW = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 3 maart 2025
Betreft Antwoorden op vragen over fietsendiefstal
Ons kenmerk 7654321

Hierbij beantwoord ik de vragen van het lid Voorbeeld over fietsendiefstal bij stations.

**Vraag 6**

**Bent u bekend met het bericht over fietsendiefstal bij stations?**

Ja.

**Vraag 7**

**Bent u bereid de aanpak van heling te versterken?**

Ik ben daartoe bereid.

Ik informeer uw Kamer voor de zomer over de uitwerking.
{closing}
De minister van Justitie en Veiligheid,

D. Voorbeeld
"""


@pytest.mark.parametrize("closing", ["\nHoogachtend,\n", ""])
def test_the_last_answer_ends_where_the_closing_and_signature_begin(closing: str) -> None:
    text = ANSWERS_SIGNED_BELOW.format(closing=closing)
    record = parse_text(text, fmt="markdown", posities=True).record
    last = record["vragen"][-1]
    assert last["antwoord"] == ("Ik ben daartoe bereid.\n\n"
                                "Ik informeer uw Kamer voor de zomer over de uitwerking.")
    assert record["ondertekening"]["ondertekenaars"] == [
        {"functie": "minister van Justitie en Veiligheid", "naam": "D. Voorbeeld"}]
    assert record["ondertekening"]["slotformule"] == ("Hoogachtend," if closing else None)
    lines = text.splitlines()
    place = record["posities"]["/vragen/1/antwoord"]
    assert lines[place["tot"] - 1] == "Ik informeer uw Kamer voor de zomer over de uitwerking."
    assert record["posities"]["/vragen/1"]["tot"] == place["tot"]
    assert record["posities"]["/vragen/1/nummer"]["van"] == lines.index("**Vraag 7**") + 1


def test_text_after_the_signature_does_not_run_on_an_answer_given_before_it() -> None:
    text = ANSWERS_SIGNED_BELOW.format(closing="\nHoogachtend,\n") + "\nBijlage: overzicht van de cijfers\n"
    last = parse_text(text, fmt="markdown").record["vragen"][-1]
    assert last["antwoord"].endswith("over de uitwerking.")
