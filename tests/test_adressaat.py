"""Recommendations addressed to others (issue 12): `adressaat` as printed, and no stance that is not the sender's."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text
from kamerbrief.rules.adressaat import find, settle
from kamerbrief.stance import classify

from .test_aanbevelingen_vormen import HEAD, TAIL


@pytest.mark.parametrize(("reactie", "naam"), [
    ("Deze aanbeveling is gericht aan de gemeenten. Ik breng haar onder hun aandacht.", "de gemeenten"),
    ("De aanbeveling richt zich tot de Nederlandse Zorgautoriteit.", "de Nederlandse Zorgautoriteit"),
    ("Deze aanbeveling is primair aan gemeenten en provincies gericht.", "gemeenten en provincies"),
    ("Deze aanbeveling is niet aan het kabinet gericht, maar aan de sector.", "de sector"),
    ("De raad richt deze aanbeveling aan de toezichthouders, die hierover zelf besluiten.", "de toezichthouders"),
    ("Dit advies is bestemd voor de zorgverzekeraars.", "de zorgverzekeraars"),
    ("Deze aanbeveling is gericht aan gemeenten om de toegang te verbeteren.", "gemeenten"),
    ("Deze aanbeveling richt zich tot de minister van Volksgezondheid, Welzijn en Sport.",
     "de minister van Volksgezondheid, Welzijn en Sport"),
])
def test_the_addressee_as_printed(reactie: str, naam: str) -> None:
    found = find(reactie)
    assert found is not None and found.naam == naam


@pytest.mark.parametrize("reactie", [
    "Deze aanbeveling is aan mij gericht. Ik neem haar over.",  # a pronoun: no name to keep
    "Het programma richt zich op scholen in krimpregio's.",  # another subject, and "op" names a topic
    "De aanbeveling richt zich op de kwaliteit van de zorg.",
    "De brief is gericht aan alle gemeenten.",  # not about the recommendation
    "Ik neem deze aanbeveling over.",
])
def test_no_addressee_where_the_letter_names_none(reactie: str) -> None:
    assert find(reactie) is None


@pytest.mark.parametrize(("reactie", "standpunt"), [
    # others adopt: not the government's stance
    ("Deze aanbeveling richt zich tot de Nederlandse Zorgautoriteit. De NZa neemt haar over.", "onbepaald"),
    ("Deze aanbeveling is gericht aan de gemeenten. Gemeenten nemen deze aanbeveling over.", "onbepaald"),
    ("Deze aanbeveling is gericht aan de gemeenten. Deze aanbeveling wordt overgenomen.", "onbepaald"),
    # the government's own stance on a recommendation addressed to others stands
    ("Deze aanbeveling is gericht aan de zorgaanbieders. Ik onderschrijf haar en vraag hen haar uit te voeren.",
     "overgenomen"),
    ("De raad richt deze aanbeveling aan de sector. Het kabinet steunt de aanbeveling en neemt haar over.",
     "overgenomen"),
    # addressed to the government itself: the stance as the response gives it
    ("Deze aanbeveling is gericht aan het kabinet. Ik neem haar niet over.", "niet_overgenomen"),
])
def test_a_recommendation_addressed_to_others_has_only_the_senders_own_stance(reactie: str, standpunt: str) -> None:
    assert settle(classify(reactie), find(reactie)).standpunt == standpunt


def test_undecided_because_addressed_to_others_quotes_the_sentence_that_says_so() -> None:
    reactie = "Deze aanbeveling is bestemd voor de gemeenten. Zij bepalen zelf hoe zij dat doen."
    st = settle(classify(reactie), find(reactie))
    assert (st.standpunt, st.citaat) == ("onbepaald", "Deze aanbeveling is bestemd voor de gemeenten.")


def test_adressaat_in_the_record_only_where_the_letter_says_it() -> None:
    for fmt in ("markdown", "text"):
        recs = parse_text(HEAD + """1. Geef iedere school een leesplan

Deze aanbeveling is gericht aan de schoolbesturen. De PO-Raad neemt haar over.

2. Betrek de bibliotheek

Ik neem deze aanbeveling over.
""" + TAIL, fmt=fmt).record["aanbevelingen"]
        assert [(r["standpunt"], r.get("adressaat")) for r in recs] == [("onbepaald", "de schoolbesturen"),
                                                                       ("overgenomen", None)], fmt
        assert "adressaat" not in recs[1]


def test_a_heading_that_groups_recommendations_by_addressee() -> None:
    recs = parse_text(HEAD + """## Aanbevelingen aan het kabinet

### 1. Geef iedere school een leesplan

Ik neem deze aanbeveling over.

## Aanbevelingen aan de schoolbesturen

### 2. Maak lezen een vast vak

De PO-Raad neemt deze aanbeveling over.

### 3. Stel een leescoördinator aan

Het kabinet steunt deze aanbeveling en neemt haar over.

## Tot slot

Ik vertrouw erop u hiermee te hebben geïnformeerd.
""" + TAIL, fmt="markdown").record["aanbevelingen"]
    assert [(r["nummer"], r["standpunt"], r.get("adressaat")) for r in recs] == [
        (1, "overgenomen", "het kabinet"), (2, "onbepaald", "de schoolbesturen"),
        (3, "overgenomen", "de schoolbesturen")]


def test_a_table_column_that_names_the_addressee() -> None:
    recs = parse_text(HEAD + """| Nr. | Aanbeveling | Gericht aan | Reactie kabinet |
|---|---|---|---|
| 1 | Geef iedere school een leesplan. | Minister van OCW | Ik neem deze aanbeveling over. |
| 2 | Betrek de bibliotheek bij elk leesplan. | Gemeenten | Gemeenten nemen deze aanbeveling over. |
| 3 | Meet het leesniveau jaarlijks. |  | Deze aanbeveling neem ik niet over. |
""" + TAIL, fmt="markdown").record["aanbevelingen"]
    assert [(r["titel"], r["standpunt"], r.get("adressaat")) for r in recs] == [
        ("Geef iedere school een leesplan.", "overgenomen", "Minister van OCW"),
        ("Betrek de bibliotheek bij elk leesplan.", "onbepaald", "Gemeenten"),
        ("Meet het leesniveau jaarlijks.", "niet_overgenomen", None)]


def test_a_summary_that_names_the_addressee_by_number_above_a_bijlage() -> None:
    recs = parse_text(HEAD + """Het kabinet neemt de eerste aanbeveling over. De aanbevelingen 2 en 3 zijn gericht aan
de schoolbesturen. Anders dan de eerste aanbeveling is de vierde aanbeveling gericht aan de gemeenten.
""" + """

De minister van Onderwijs, Cultuur en Wetenschap,

A.B. Jansen

Bijlage: reactie per aanbeveling

Aanbeveling 1: Geef iedere school een leesplan

Ik neem deze aanbeveling over.

Aanbeveling 2: Maak lezen een vast vak

De schoolbesturen pakken dit op in hun jaarplannen.

Aanbeveling 3: Stel een leescoördinator aan

Het kabinet steunt deze aanbeveling en neemt haar over.

Aanbeveling 4: Open de schoolbibliotheek in de vakantie

Deze aanbeveling is bestemd voor de bibliotheken.
""", fmt="text").record["aanbevelingen"]
    assert [(r["nummer"], r["standpunt"], r.get("adressaat")) for r in recs] == [
        (1, "overgenomen", None), (2, "onbepaald", "de schoolbesturen"), (3, "overgenomen", "de schoolbesturen"),
        (4, "onbepaald", "de bibliotheken")]  # the response's own statement wins; "Anders dan de eerste" names none
