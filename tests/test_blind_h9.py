"""Four faults a blind tester found on invented letters: each reproduced here on self-written text."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text

HEAD = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 2 juni 2025
Betreft Kabinetsreactie op het advies van de Raad voor Cultuur

Geachte voorzitter,

De Raad voor Cultuur doet in zijn advies vier aanbevelingen. Hieronder geef ik per aanbeveling mijn reactie.

"""
TAIL = """

De minister van Onderwijs, Cultuur en Wetenschap,

A.B. Jansen
"""


def _parse(body: str, fmt: str = "markdown", tail: str = TAIL) -> dict:
    return parse_text(HEAD + body + tail, fmt=fmt).record


@pytest.mark.parametrize("item", ["**{}. {}**", "{}. {}", "### {}. {}"])
def test_numbered_themes_over_lettered_items_give_one_entry_per_item(item: str) -> None:
    body = "\n\n".join([
        "## 1. Musea", item.format("1a", "Maak musea gratis voor kinderen."), "Ik neem deze aanbeveling over.",
        item.format("1b", "Open musea op zondagavond."), "Deze aanbeveling neem ik niet over.",
        "## 2. Podia", item.format("2a", "Steun kleine podia in de regio."), "Ik neem deze aanbeveling over.",
        item.format("2b", "Betaal makers een eerlijk honorarium."), "Hierover besluit een volgend kabinet.",
    ])
    rec = _parse(body)
    recs = rec["aanbevelingen"]
    assert [(r["nummer"], r["aanduiding"]) for r in recs] == [(1, "1a"), (2, "1b"), (3, "2a"), (4, "2b")]
    assert recs[1]["titel"] == "Open musea op zondagavond."
    assert recs[1]["reactie"] == "Deze aanbeveling neem ik niet over."
    assert [(s["nummer"], s["kop"]) for s in rec["secties"] if s["kop"]] == [(1, "Musea"), (2, "Podia")]
    assert not [w for w in rec["waarschuwingen"] if w["code"] == "aanbevelingen"]


def test_numbered_headings_with_a_subsection_list_stay_recommendations() -> None:
    """A recommendation heading whose response holds a lettered list of its own is no theme."""
    body = "\n\n".join([
        "## 1. Maak musea gratis voor kinderen", "Ik neem deze aanbeveling over.",
        "## 2. Open musea op zondagavond", "Deze aanbeveling neem ik niet over.",
        "## 3. Steun kleine podia", "Ik neem deze aanbeveling over.",
        "## 4. Betaal makers eerlijk", "Hierover besluit een volgend kabinet.",
    ])
    recs = _parse(body)["aanbevelingen"]
    assert [(r["nummer"], r.get("aanduiding")) for r in recs] == [(1, None), (2, None), (3, None), (4, None)]


@pytest.mark.parametrize(("functie", "ministerie"), [
    ("De Minister van Volksgezondheid,\nWelzijn en Sport,", "Volksgezondheid, Welzijn en Sport"),
    ("De Minister van Onderwijs, Cultuur en\nWetenschap,", "Onderwijs, Cultuur en Wetenschap"),
    ("De Staatssecretaris van Sociale Zaken en\nWerkgelegenheid,", "Sociale Zaken en Werkgelegenheid"),
    ("De minister van Landbouw, Natuur en\nVoedselkwaliteit,", "Landbouw, Natuur en Voedselkwaliteit"),
])
def test_signature_title_wrapped_over_two_lines(functie: str, ministerie: str) -> None:
    rec = _parse("Ik neem de aanbevelingen over.", fmt="text", tail=f"\n\n{functie}\n\ndr. H.G. Oosterveld-Baas\n")
    signer = rec["ondertekening"]["ondertekenaars"][0]
    assert signer["functie"].endswith(ministerie)
    assert signer["naam"] == "dr. H.G. Oosterveld-Baas"
    assert rec["metadata"]["afzender"]["ministerie"] == f"Ministerie van {ministerie}"
    assert not [w for w in rec["waarschuwingen"] if w["code"] == "afzender"]


def test_two_signers_the_first_title_wrapped() -> None:
    tail = ("\n\nDe Minister van Volksgezondheid,\nWelzijn en Sport,\nH. Jansen\n\n"
            "De Minister voor Medische Zorg,\n\nK. Smit\n")
    signers = _parse("Ik neem de aanbevelingen over.", fmt="text", tail=tail)["ondertekening"]["ondertekenaars"]
    assert [(s["functie"], s["naam"]) for s in signers] == [
        ("Minister van Volksgezondheid, Welzijn en Sport", "H. Jansen"), ("Minister voor Medische Zorg", "K. Smit")]


def test_a_name_under_an_unwrapped_title_is_not_joined() -> None:
    tail = "\n\nDe Minister van Justitie en Veiligheid,\n\nJ. Pieters\n"
    signers = _parse("Ik neem de aanbevelingen over.", fmt="text", tail=tail)["ondertekening"]["ondertekenaars"]
    assert [(s["functie"], s["naam"]) for s in signers] == [("Minister van Justitie en Veiligheid", "J. Pieters")]


WRAPPED = """1. Maak musea gratis voor kinderen

Ik neem deze aanbeveling over.

2. Open musea op zondagavond zodat ook werkende ouders met hun kinderen kunnen
komen.

Deze aanbeveling neem ik niet over.

3. Steun kleine podia in de regio met een vast bedrag per voorstelling en per
bezoeker.

Ik neem deze aanbeveling over. Het Fonds Podiumkunsten voert dit uit.

4. Betaal makers een eerlijk honorarium"""


def test_numbered_titles_half_headings_half_wrapped_paragraphs_in_plain_text() -> None:
    """A one-line title without a full stop reads as a heading, a wrapped one as a paragraph: one sequence."""
    rec = _parse(WRAPPED + "\n\nHierover besluit een volgend kabinet.", fmt="text")
    recs = rec["aanbevelingen"]
    assert [(r["nummer"], r.get("aanduiding")) for r in recs] == [(1, None), (2, None), (3, None), (4, None)]
    assert recs[1]["titel"].startswith("Open musea op zondagavond") and recs[1]["titel"].endswith("komen.")
    assert recs[0]["reactie"] == "Ik neem deze aanbeveling over."
    assert recs[3]["reactie"] == "Hierover besluit een volgend kabinet."
    assert not [w for w in rec["waarschuwingen"] if w["code"] == "aanbevelingen"]


def test_a_numbered_list_inside_a_response_is_no_recommendation() -> None:
    body = """## 1. Maak musea gratis voor kinderen

Ik neem deze aanbeveling over en doe drie dingen:

1. Ik verhoog de subsidie.

Dat gebeurt in 2027.

2. Ik maak afspraken met de musea.

Die afspraken volgen in het voorjaar.

## 2. Open musea op zondagavond

Deze aanbeveling neem ik niet over.
"""
    recs = _parse(body)["aanbevelingen"]
    assert [r["titel"] for r in recs] == ["Maak musea gratis voor kinderen", "Open musea op zondagavond"]
    assert "Ik maak afspraken met de musea." in recs[0]["reactie"]


def test_numbers_that_skip_are_no_designations() -> None:
    """Headings "1." and "4." with "2." and "3." lost in between are never nummer 2 with aanduiding "4"."""
    recs = _parse(WRAPPED.replace("2. Open", "Open").replace("3. Steun", "Steun")
                  + "\n\nHierover besluit een volgend kabinet.", fmt="text")["aanbevelingen"]
    assert not [r for r in recs if r.get("aanduiding") == "4"]


LAST = """## 1. Maak musea gratis voor kinderen

Ik neem deze aanbeveling over.

## 2. Open musea op zondagavond

Deze aanbeveling neem ik niet over. De kosten zijn te hoog.

Musea kunnen dit wel zelf doen.

"""


@pytest.mark.parametrize("closing", [
    "Ik zal uw Kamer in de tweede helft van 2027 informeren over de voortgang.",
    "Ik informeer uw Kamer jaarlijks over de voortgang van de opvolging van de aanbevelingen.",
    "Tot slot dank ik de raad voor het heldere advies. Het kabinet neemt de aanbevelingen zeer serieus.",
    "Ten slotte wil ik benadrukken dat cultuur van iedereen is.",
    "Afsluitend: het kabinet blijft investeren in musea.",
    "Ik dank de Raad voor Cultuur voor zijn advies.",
    "Tot slot dank ik de raad voor dit advies.",
    "Voor de zomer van 2027 informeer ik uw Kamer over de stand van zaken.",
    "Hiermee heb ik uw Kamer geïnformeerd over de reactie van het kabinet.",
])
def test_the_closing_after_the_last_response_is_no_part_of_it(closing: str) -> None:
    rec = _parse(LAST + closing + "\n\nIk vertrouw erop uw Kamer hiermee voldoende te hebben geïnformeerd.")
    last = rec["aanbevelingen"][-1]
    assert last["reactie"] == ("Deze aanbeveling neem ik niet over. De kosten zijn te hoog.\n\n"
                               "Musea kunnen dit wel zelf doen.")
    assert last["standpunt"] == "niet_overgenomen"
    assert any(closing in s["tekst"] for s in rec["secties"])  # kept as text of the letter


@pytest.mark.parametrize("more", [
    "Tot slot merk ik over deze aanbeveling op dat musea zelf hun openingstijden bepalen.",
    "Ik informeer uw Kamer over de voortgang van de pilot met avondopenstelling.",
    "Ik zal uw Kamer voor de zomer informeren over de uitkomst van het gesprek met de musea.",
])
def test_a_last_response_that_goes_on_is_not_cut(more: str) -> None:
    last = _parse(LAST + more)["aanbevelingen"][-1]
    assert last["reactie"].endswith(more)


def test_closing_after_quoted_and_advised_recommendations() -> None:
    quoted = """*Maak musea gratis voor kinderen.*

Reactie: Ik neem deze aanbeveling over.

*Open musea op zondagavond.*

Reactie: Deze aanbeveling neem ik niet over.

Tot slot dank ik de raad voor zijn advies.
"""
    assert _parse(quoted)["aanbevelingen"][-1]["reactie"] == "Deze aanbeveling neem ik niet over."
    advised = """De raad beveelt aan musea gratis te maken voor kinderen.

Ik neem deze aanbeveling over.

De raad adviseert musea op zondagavond te openen.

Deze aanbeveling neem ik niet over.

Ik zal uw Kamer in 2027 informeren over de voortgang.
"""
    assert _parse(advised)["aanbevelingen"][-1]["reactie"] == "Deze aanbeveling neem ik niet over."


def test_numbered_paragraphs_answered_when_numbered_headings_are_not() -> None:
    """Numbered headings with nothing below them do not hide numbered recommendations answered above."""
    body = """1. Maak musea gratis voor kinderen.

Ik neem deze aanbeveling over.

2. Open musea op zondagavond.

Deze aanbeveling neem ik niet over.

## 1. Musea

## 2. Podia
"""
    recs = _parse(body)["aanbevelingen"]
    assert [(r["nummer"], r["titel"]) for r in recs] == [
        (1, "Maak musea gratis voor kinderen."), (2, "Open musea op zondagavond.")]


def test_a_wrapped_portfolio_the_lexicon_does_not_know() -> None:
    tail = "\n\nDe minister voor Langdurige Zorg,\nJeugd en Sport,\n\nC. Helder\n"
    signers = _parse("Ik neem de aanbevelingen over.", fmt="text", tail=tail)["ondertekening"]["ondertekenaars"]
    assert [(s["functie"], s["naam"]) for s in signers] == [
        ("minister voor Langdurige Zorg, Jeugd en Sport", "C. Helder")]


@pytest.mark.parametrize(("theme", "items"), [("1", ["1a", "1b"]), ("A", ["A.1", "A.2"]), ("2", ["2.1", "2.2"])])
def test_a_theme_with_a_paragraph_of_its_own_before_its_items(theme: str, items: list[str]) -> None:
    body = f"""## {theme}. Musea

Musea zijn belangrijk voor kinderen. De raad doet hierover twee aanbevelingen.

**{items[0]}. Maak musea gratis voor kinderen.**

Ik neem deze aanbeveling over.

**{items[1]}. Open musea op zondagavond.**

Deze aanbeveling neem ik niet over.
"""
    rec = _parse(body)
    assert [(r["nummer"], r["aanduiding"]) for r in rec["aanbevelingen"]] == [(1, items[0]), (2, items[1])]
    assert any(s["tekst"].startswith("Musea zijn belangrijk") for s in rec["secties"])


def test_a_response_stops_at_the_next_number_in_sequence_with_a_warning() -> None:
    body = """### Aanbeveling 1: Maak musea gratis voor kinderen

Ik neem deze aanbeveling over.

### Aanbeveling 2: Open musea op zondagavond

Deze aanbeveling neem ik niet over.

3. Steun kleine podia in de regio met een vast bedrag per voorstelling.

Ik neem deze aanbeveling over.
"""
    rec = _parse(body)
    assert rec["aanbevelingen"][-1]["reactie"] == "Deze aanbeveling neem ik niet over."
    assert any("paragraph 3. below recommendation 2" in w["message"] for w in rec["waarschuwingen"])
