"""Recommendations as kabinetsreacties present them (issue 12, part 1): cited, tabled."""

from __future__ import annotations

import pytest

from kamerbrief import parse_text

HEAD = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 2 juni 2025
Betreft Kabinetsreactie op het advies van de Onderwijsraad

Geachte voorzitter,

De Onderwijsraad doet in zijn advies aanbevelingen. Hieronder geef ik per aanbeveling mijn reactie.

"""
TAIL = """

De minister van Onderwijs, Cultuur en Wetenschap,

A.B. Jansen
"""


def _recs(body: str, fmt: str = "markdown") -> list[dict]:
    return parse_text(HEAD + body + TAIL, fmt=fmt).record["aanbevelingen"]


def test_italic_bold_and_quoted_recommendations_with_each_response_label() -> None:
    recs = _recs("""*Geef iedere school een leesplan.*

**Reactie kabinet**

Ik neem deze aanbeveling over.

**Maak lezen een vast onderdeel van de lerarenopleiding.**

Kabinetsreactie: Deze aanbeveling neem ik niet over.

'Betrek de bibliotheek bij elk leesplan.'

Reactie

Ik neem deze aanbeveling over en vraag de bibliotheken mee te doen.
""")
    assert [r["titel"] for r in recs] == ["Geef iedere school een leesplan.",
                                          "Maak lezen een vast onderdeel van de lerarenopleiding.",
                                          "Betrek de bibliotheek bij elk leesplan."]
    assert recs[0]["reactie"] == "Ik neem deze aanbeveling over."
    assert recs[1]["reactie"] == "Deze aanbeveling neem ik niet over."
    assert recs[2]["reactie"].startswith("Ik neem deze aanbeveling over en vraag")


def test_bold_recommendation_as_a_heading_of_its_own() -> None:
    recs = _recs("""**Geef iedere school een leesplan**

Reactie: Ik neem deze aanbeveling over.

**Betrek de bibliotheek erbij**

Reactie: Deze aanbeveling neem ik niet over.
""")
    assert [(r["nummer"], r["titel"]) for r in recs] == [(1, "Geef iedere school een leesplan"),
                                                         (2, "Betrek de bibliotheek erbij")]
    assert recs[1]["reactie"] == "Deze aanbeveling neem ik niet over."


def test_quoted_recommendations_in_plain_text() -> None:
    recs = _recs("""„Geef iedere school een leesplan.”

Reactie kabinet: Ik neem deze aanbeveling over.

"Betrek de bibliotheek bij elk leesplan."

Kabinetsreactie

Deze aanbeveling neem ik niet over.
""", fmt="text")
    assert [r["titel"] for r in recs] == ["Geef iedere school een leesplan.", "Betrek de bibliotheek bij elk leesplan."]
    assert [r["reactie"] for r in recs] == ["Ik neem deze aanbeveling over.", "Deze aanbeveling neem ik niet over."]


def test_table_with_number_column_and_header() -> None:
    recs = _recs("""| Nr. | Aanbeveling | Reactie |
|---|---|---|
| 1 | Geef iedere school een leesplan. | Ik neem deze aanbeveling over. |
| 2 | Betrek de bibliotheek bij elk leesplan. | Deze aanbeveling neem ik niet over. |
""")
    assert [(r["nummer"], r["titel"], r["reactie"]) for r in recs] == [
        (1, "Geef iedere school een leesplan.", "Ik neem deze aanbeveling over."),
        (2, "Betrek de bibliotheek bij elk leesplan.", "Deze aanbeveling neem ik niet over."),
    ]


def test_two_column_table_with_and_without_header() -> None:
    with_head = _recs("""| Aanbeveling | Kabinetsreactie |
|---|---|
| Geef iedere school een leesplan. | Ik neem deze aanbeveling over. |
""")
    without = _recs("""| Geef iedere school een leesplan. | Ik neem deze aanbeveling over. |
|---|---|
| Betrek de bibliotheek bij elk leesplan. | Deze aanbeveling neem ik niet over. |
""")
    assert [r["titel"] for r in with_head] == ["Geef iedere school een leesplan."]
    assert [r["reactie"] for r in without] == ["Ik neem deze aanbeveling over.", "Deze aanbeveling neem ik niet over."]


def test_table_row_without_response_is_listed_with_a_warning() -> None:
    result = parse_text(HEAD + """| Aanbeveling | Reactie |
|---|---|
| Geef iedere school een leesplan. | Ik neem deze aanbeveling over. |
| Betrek de bibliotheek bij elk leesplan. | |
""" + TAIL, fmt="markdown")
    recs = result.record["aanbevelingen"]
    assert [r["reactie"] for r in recs] == ["Ik neem deze aanbeveling over.", ""]
    assert any("aanbeveling 2" in p.message for p in result.problems)


def test_a_table_of_figures_is_no_recommendation() -> None:
    recs = _recs("""| Jaar | Aantal scholen |
|---|---|
| 2023 | 120 |
| 2024 | 180 |
""")
    assert recs == []


def test_lettered_recommendations_under_themes_keep_position_and_designation() -> None:
    recs = _recs("""## A. Lezen

### A.1 Geef iedere school een leesplan

Ik neem deze aanbeveling over.

### A.2 Betrek de bibliotheek

Deze aanbeveling neem ik niet over.

## B. Schrijven

### B.1 Toets het schrijven in groep 8

Ik neem deze aanbeveling over.
""")
    assert [(r["nummer"], r["aanduiding"], r["titel"]) for r in recs] == [
        (1, "A.1", "Geef iedere school een leesplan"), (2, "A.2", "Betrek de bibliotheek"),
        (3, "B.1", "Toets het schrijven in groep 8")]
    assert recs[1]["reactie"] == "Deze aanbeveling neem ik niet over."


def test_numbering_anew_under_each_theme_and_roman_numerals() -> None:
    anew = _recs("""## Lezen

### 1. Geef iedere school een leesplan

Ik neem deze aanbeveling over.

## Schrijven

### 1. Toets het schrijven in groep 8

Deze aanbeveling neem ik niet over.
""")
    assert [(r["nummer"], r["aanduiding"]) for r in anew] == [(1, "1"), (2, "1")]
    roman = _recs("""### I Geef iedere school een leesplan

Ik neem deze aanbeveling over.

### II Betrek de bibliotheek

Deze aanbeveling neem ik niet over.
""")
    assert [(r["nummer"], r["aanduiding"], r["titel"]) for r in roman] == [
        (1, "I", "Geef iedere school een leesplan"), (2, "II", "Betrek de bibliotheek")]


def test_lettered_paragraphs_in_plain_text() -> None:
    recs = _recs("""Lezen

2a Geef iedere school een leesplan.

Ik neem deze aanbeveling over.

2b Betrek de bibliotheek bij elk leesplan.

Deze aanbeveling neem ik niet over.
""", fmt="text")
    assert [(r["nummer"], r["aanduiding"]) for r in recs] == [(1, "2a"), (2, "2b")]
    assert recs[1]["reactie"] == "Deze aanbeveling neem ik niet over."


def test_plain_numbering_has_no_designation() -> None:
    recs = _recs("""### 1. Geef iedere school een leesplan

Ik neem deze aanbeveling over.

### 2. Betrek de bibliotheek

Deze aanbeveling neem ik niet over.
""")
    assert [r["nummer"] for r in recs] == [1, 2] and all("aanduiding" not in r for r in recs)


def test_listed_first_answered_later_by_number_shared_and_in_two_places() -> None:
    result = parse_text(HEAD + """De raad doet vier aanbevelingen:

1. Geef iedere school een leesplan.
2. Betrek de bibliotheek.
3. Toets het lezen jaarlijks.
4. Geef leraren scholing in leesonderwijs.

Ten aanzien van de aanbevelingen 1 en 3 merk ik op dat scholen al een leesplan hebben.

Aanbeveling 4 neem ik over.

Tot slot kom ik terug op de eerste aanbeveling: ik neem haar over.
""" + TAIL, fmt="markdown")
    recs = result.record["aanbevelingen"]
    assert [r["nummer"] for r in recs] == [1, 2, 3, 4]
    shared = "Ten aanzien van de aanbevelingen 1 en 3 merk ik op dat scholen al een leesplan hebben."
    assert recs[0]["reactie"] == shared + "\n\nTot slot kom ik terug op de eerste aanbeveling: ik neem haar over."
    assert recs[2]["reactie"] == shared
    assert recs[3]["reactie"] == "Aanbeveling 4 neem ik over."
    assert recs[1]["reactie"] == "" and any("aanbeveling 2" in p.message for p in result.problems)


def test_unnumbered_advising_paragraphs_each_followed_by_the_response() -> None:
    recs = _recs("""De Raad beveelt aan om iedere school een leesplan te laten maken.

Ik neem deze aanbeveling over.

De commissie adviseert de bibliotheek bij elk leesplan te betrekken.

Deze aanbeveling neem ik niet over. Scholen kiezen zelf hun partners.
""")
    assert [r["titel"] for r in recs] == ["De Raad beveelt aan om iedere school een leesplan te laten maken.",
                                          "De commissie adviseert de bibliotheek bij elk leesplan te betrekken."]
    assert recs[1]["reactie"] == "Deze aanbeveling neem ik niet over. Scholen kiezen zelf hun partners."


def test_one_advising_sentence_is_context_not_a_recommendation() -> None:
    assert _recs("""De Raad adviseert al jaren om het lezen te versterken.

Daarom investeert het kabinet in bibliotheken.
""") == []


SIGNED = """

De minister van Onderwijs, Cultuur en Wetenschap,

A.B. Jansen

"""


def test_responses_in_a_bijlage_after_the_signature_replace_the_body_summary() -> None:
    result = parse_text(HEAD.replace(" Hieronder geef ik per aanbeveling mijn reactie.", "") + """## Samenvatting

De raad doet drie aanbevelingen. Het kabinet neemt de eerste aanbeveling over en de tweede deels.

## 1. Vervolg

Ik informeer uw Kamer in het najaar over de uitvoering.
""" + SIGNED + """**Bijlage 1 Kabinetsreactie op de aanbevelingen**

**1. Geef iedere school een leesplan**

Het kabinet neemt deze aanbeveling over.

**2. Betrek de bibliotheek bij elk leesplan**

Het kabinet neemt deze aanbeveling deels over: alleen in het primair onderwijs.

**3. Meet het leesniveau jaarlijks**

**4. Stel een leescoördinator aan**

Deze aanbeveling neem ik niet over.
""", fmt="markdown")
    recs = result.record["aanbevelingen"]
    assert [(r["nummer"], r["titel"]) for r in recs] == [
        (1, "Geef iedere school een leesplan"), (2, "Betrek de bibliotheek bij elk leesplan"),
        (3, "Meet het leesniveau jaarlijks"), (4, "Stel een leescoördinator aan")]
    assert [r["standpunt"] for r in recs] == ["overgenomen", "deels_overgenomen", "onbepaald", "niet_overgenomen"]
    assert recs[2]["reactie"] == ""  # never the next recommendation's response
    assert any(p.message == "aanbeveling 3 has no response text" for p in result.problems)
    # the body keeps its sections, the summary is no response
    assert [s["kop"] for s in result.record["secties"]] == [None, "Samenvatting", "Vervolg"]
    assert result.record["ondertekening"]["ondertekenaars"][0]["naam"] == "A.B. Jansen"


def test_bijlage_heading_over_two_lines_in_plain_text() -> None:
    recs = _recs("""Het kabinet neemt beide aanbevelingen over; de reactie per aanbeveling staat in de bijlage.
""" + SIGNED + """Bijlage 1
Reactie op de adviezen van de raad

Aanbeveling 1: Geef iedere school een leesplan

Het kabinet neemt deze aanbeveling over.

Aanbeveling 2: Betrek de bibliotheek

Ik neem deze aanbeveling over en vraag de bibliotheken mee te doen.

Bijlage 2
Lijst van afkortingen

OCW Onderwijs, Cultuur en Wetenschap
""", fmt="text")
    assert [(r["nummer"], r["titel"], r["reactie"]) for r in recs] == [
        (1, "Geef iedere school een leesplan", "Het kabinet neemt deze aanbeveling over."),
        (2, "Betrek de bibliotheek", "Ik neem deze aanbeveling over en vraag de bibliotheken mee te doen.")]


def test_a_bijlage_that_only_lists_enclosures_leaves_the_body_responses() -> None:
    recs = _recs("""1. Geef iedere school een leesplan

Ik neem deze aanbeveling over.

2. Betrek de bibliotheek

Deze aanbeveling neem ik niet over.
""" + SIGNED + """Bijlage: advies van de Onderwijsraad "Lezen loont"
""", fmt="text")
    assert [(r["titel"], r["standpunt"]) for r in recs] == [("Geef iedere school een leesplan", "overgenomen"),
                                                            ("Betrek de bibliotheek", "niet_overgenomen")]


def test_the_recommendation_below_a_bare_aanbeveling_heading_is_its_title() -> None:
    for fmt in ("markdown", "text"):
        recs = _recs("""Aanbeveling 1

Geef iedere school een leesplan.

Reactie: Ik neem deze aanbeveling over.

Aanbeveling 2

Betrek de bibliotheek.

Reactie

Deze aanbeveling neem ik niet over.

Aanbeveling 3

Het kabinet neemt deze aanbeveling over.

De uitvoering begint in 2026.

Aanbeveling 4

De scholen hebben hierin een grote rol.

Deze aanbeveling neem ik over.
""", fmt=fmt)
        assert [(r["titel"], r["reactie"]) for r in recs] == [
            ("Geef iedere school een leesplan.", "Ik neem deze aanbeveling over."),
            ("Betrek de bibliotheek.", "Deze aanbeveling neem ik niet over."),
            ("", "Het kabinet neemt deze aanbeveling over.\n\nDe uitvoering begint in 2026."),
            ("", "De scholen hebben hierin een grote rol.\n\nDeze aanbeveling neem ik over.")], fmt


def test_a_theme_heading_joined_with_its_first_recommendation_as_a_pdf_reader_gives_it() -> None:
    record = parse_text(HEAD + """**A. Toezicht A.1 Geef de inspectie meer bevoegdheden**

Ik neem deze aanbeveling over.

**A.2 Publiceer alle inspectierapporten**

Deze aanbeveling neem ik niet over.

**B. Financiering B.1 Maak een meerjarig budget**

Over het budget besluit een volgend kabinet.
""" + TAIL, fmt="markdown").record
    recs = record["aanbevelingen"]
    assert [s["kop"] for s in record["secties"]] == [None, "A. Toezicht", "B. Financiering"]
    assert [(r["nummer"], r["aanduiding"], r["titel"]) for r in recs] == [
        (1, "A.1", "Geef de inspectie meer bevoegdheden"), (2, "A.2", "Publiceer alle inspectierapporten"),
        (3, "B.1", "Maak een meerjarig budget")]


def test_numbered_paragraphs_each_followed_by_the_response_in_plain_text() -> None:
    """A table recommendation | response whose cells text extraction writes one after the other, under the
    header cells as lines of their own; also plain numbered paragraphs that end in a full stop."""
    result = parse_text(HEAD + """Aanbeveling

Reactie kabinet

1. Geef iedere school een
leesplan.

Ik neem deze aanbeveling over.
De scholen krijgen er geld voor.

2. Betrek de bibliotheek.

Deze aanbeveling neem ik niet over.
""" + TAIL, fmt="text")
    recs = result.record["aanbevelingen"]
    assert [(r["nummer"], r["titel"], r["standpunt"]) for r in recs] == [
        (1, "Geef iedere school een leesplan.", "overgenomen"), (2, "Betrek de bibliotheek.", "niet_overgenomen")]
    assert [s["kop"] for s in result.record["secties"]] == [None]  # the header cells make no sections


def test_a_numbered_list_without_responses_between_is_no_set_of_responses() -> None:
    result = parse_text(HEAD + """Ik noem drie punten.

1. De scholen.

2. De bibliotheken.

3. De ouders.

Op al deze punten kom ik terug.
""" + TAIL, fmt="text")
    assert result.record["aanbevelingen"] == []


@pytest.mark.parametrize("annex", [
    """| Nr. | Aanbeveling | Reactie kabinet |
|---|---|---|
| 1 | Geef iedere school een leesplan. | Ik neem deze aanbeveling over. |
| 2 | Betrek de bibliotheek. | Deze aanbeveling neem ik niet over. |
""",
    """**A. Scholen**

**A.1 Geef iedere school een leesplan.**

Ik neem deze aanbeveling over.

**B. Bibliotheken**

**B.1 Betrek de bibliotheek.**

Deze aanbeveling neem ik niet over.
""",
])
def test_a_bijlage_as_a_table_or_under_themes(annex: str) -> None:
    recs = parse_text(HEAD + """De reactie per aanbeveling staat in de bijlage.
""" + SIGNED + "## Bijlage: kabinetsreactie per aanbeveling\n\n" + annex, fmt="markdown").record["aanbevelingen"]
    assert [(r["titel"].rstrip("."), r["standpunt"]) for r in recs] == [
        ("Geef iedere school een leesplan", "overgenomen"), ("Betrek de bibliotheek", "niet_overgenomen")]


def test_the_advice_itself_as_a_bijlage_gives_no_responses() -> None:
    """A bijlage that reproduces the advice (its recommendations with the adviser's explanation) is not a
    bijlage of responses: the body's responses stand."""
    recs = parse_text(HEAD + """1. Geef iedere school een leesplan

Ik neem deze aanbeveling over.

2. Betrek de bibliotheek

Deze aanbeveling neem ik niet over.
""" + SIGNED + """Bijlage: advies van de Onderwijsraad

1. Geef iedere school een leesplan

Scholen zonder plan lezen minder.

2. Betrek de bibliotheek

De bibliotheek heeft veel kennis.
""", fmt="text").record["aanbevelingen"]
    assert [r["reactie"] for r in recs] == ["Ik neem deze aanbeveling over.", "Deze aanbeveling neem ik niet over."]


@pytest.mark.parametrize("heading", ["Bijlage bij de brief van 2 juni 2025 over het leesadvies\nKabinetsreactie op de "
                                     "aanbevelingen", "BIJLAGE – KABINETSREACTIE OP DE AANBEVELINGEN",
                                     "Bijlage I Reactie per aanbeveling"])
def test_bijlage_headings_as_letters_write_them(heading: str) -> None:
    recs = parse_text(HEAD + "De reactie per aanbeveling staat in de bijlage.\n" + SIGNED + heading + """

Aanbeveling 1: Geef iedere school een leesplan

Ik neem deze aanbeveling over.

Aanbeveling 2: Betrek de bibliotheek

Deze aanbeveling neem ik niet over.
""", fmt="text").record["aanbevelingen"]
    assert [r["standpunt"] for r in recs] == ["overgenomen", "niet_overgenomen"]
