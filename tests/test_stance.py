"""Stance, commitments and references: the labelled passages, the seed letter, each citation form."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

import kamerbrief
from kamerbrief.rules.toezeggingen import find as find_toezeggingen
from kamerbrief.rules.toezeggingen import resolve
from kamerbrief.rules.verwijzingen import find as find_refs
from kamerbrief.stance import classify

from .conftest import CORPUS

DATA = Path(__file__).parent / "data"
LABELS = ("overgenomen", "deels_overgenomen", "niet_overgenomen", "in_overweging", "onbepaald")
CASES = [c for f in ("standpunten.yaml", "standpunten-heldout.yaml")
         for c in yaml.safe_load((DATA / f).read_text(encoding="utf-8"))]


def evaluate() -> tuple[float, dict[str, tuple[float, float]], list[tuple[str, str, str]]]:
    predicted = [(c["standpunt"], classify(c["tekst"]).standpunt, c["tekst"]) for c in CASES]
    per_label = {}
    for label in LABELS:
        tp = sum(1 for want, got, _ in predicted if want == got == label)
        said = sum(1 for _, got, _ in predicted if got == label)
        real = sum(1 for want, _, _ in predicted if want == label)
        per_label[label] = (tp / said if said else 1.0, tp / real if real else 1.0)
    accuracy = sum(1 for want, got, _ in predicted if want == got) / len(predicted)
    return accuracy, per_label, [p for p in predicted if p[0] != p[1]]


def test_the_labelled_set_covers_every_label() -> None:
    counts = Counter(c["standpunt"] for c in CASES)
    assert len(CASES) >= 60 and set(counts) == set(LABELS) and min(counts.values()) >= 8


def test_stance_precision_and_recall_per_label() -> None:
    accuracy, per_label, misses = evaluate()
    report = "\n".join(f"{label:18} precision {p:.2f} recall {r:.2f}" for label, (p, r) in per_label.items())
    report += f"\naccuracy {accuracy:.3f} on {len(CASES)} passages\n" + "\n".join(
        f"  want {w} got {g}: {t[:80]}" for w, g, t in misses)
    print(report)
    assert accuracy >= 0.90, report
    for precision, recall in per_label.values():
        assert precision >= 0.85 and recall >= 0.8, report


def test_never_adopted_where_the_passage_rejects() -> None:
    for c in CASES:
        if c["standpunt"] == "niet_overgenomen":
            assert classify(c["tekst"]).standpunt != "overgenomen", c["tekst"]


def test_confidence_is_high_only_where_the_cue_is_explicit() -> None:
    results = [(c["standpunt"], classify(c["tekst"])) for c in CASES]
    sure = [(want, st) for want, st in results if st.vertrouwen >= 0.8]
    assert len(sure) >= len(CASES) // 3
    assert sum(1 for want, st in sure if want == st.standpunt) / len(sure) >= 0.97
    assert all(st.vertrouwen == 0.0 for _, st in results if st.standpunt == "onbepaald" and st.citaat is None)


@pytest.mark.parametrize(("text", "label"), [
    ("Deze aanbeveling steun ik niet.", "niet_overgenomen"),
    ("Ik kan deze aanbeveling niet onderschrijven.", "niet_overgenomen"),
    ("Ik steun het doel, maar niet de middelen.", "deels_overgenomen"),
    ("Het kabinet neemt de aanbeveling over.", "overgenomen"),
    ("Het kabinet neemt de aanbeveling niet over.", "niet_overgenomen"),
    ("Het is zaak landen daarbij te ondersteunen.", "onbepaald"),
    ("Het kabinet neemt in het voorjaar een besluit over de financiering.", "onbepaald"),
    ("Deze aanbeveling neem ik over en ik werk haar uit in een wetsvoorstel.", "overgenomen"),
])
def test_negation_and_contrast(text: str, label: str) -> None:
    assert classify(text).standpunt == label


SEED = CORPUS / "2018-07-02_jenv_reactie-actieplan-d66.md"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus is not here")
def test_seed_letter_stances_with_the_deciding_sentence_quoted_verbatim() -> None:
    gold = yaml.safe_load((CORPUS / "gold" / f"{SEED.name}.yaml").read_text(encoding="utf-8"))
    record = kamerbrief.parse_file(SEED).record
    for want, got in zip(gold["aanbevelingen"], record["aanbevelingen"], strict=True):
        assert got["standpunt"] in want["standpunt"]
        assert got["standpunt_citaat"] and got["standpunt_citaat"] in got["reactie"]
    assert any(t["tekst"].startswith("Nederland zal de komende tijd bekijken of aanvullende VN-sancties")
               and t["aanbeveling"] == 1 for t in record["toezeggingen"])


@pytest.mark.parametrize(("text", "ref"), [
    ("(Kamerstuk 35 165, nr. 2)", {"soort": "kamerstuk", "dossiernummer": "35165", "ondernummer": "2"}),
    ("Kamerstukken II 2018/19, 35 165, nr. 2", {"soort": "kamerstuk", "dossiernummer": "35165", "ondernummer": "2",
                                                "vergaderjaar": "2018-2019", "kamer": "Tweede Kamer"}),
    ("Kamerstuk 32852 nr. 209", {"soort": "kamerstuk", "dossiernummer": "32852", "ondernummer": "209"}),
    ("Kamerstuk 33 000 X, nr. 30", {"soort": "kamerstuk", "dossiernummer": "33000-X", "ondernummer": "30"}),
    ("Kamerstuk 21 501-02, nr. 2345", {"soort": "kamerstuk", "dossiernummer": "21501-02", "ondernummer": "2345"}),
    ("(kst-34700-19)", {"soort": "kamerstuk", "dossiernummer": "34700", "ondernummer": "19"}),
    ("motie-Van der Molen c.s. (Kamerstuk 32 847, nr. 1123)",
     {"soort": "motie", "motie": "motie-Van der Molen c.s.", "dossiernummer": "32847", "ondernummer": "1123"}),
    ("de motie van het lid Knops (Kamerstuk 33 000 X, nr. 20)",
     {"soort": "motie", "motie": "motie van het lid Knops", "dossiernummer": "33000-X"}),
    ("2024D39756", {"soort": "document", "nummer": "2024D39756"}),
    ("2023Z19677", {"soort": "zaak", "nummer": "2023Z19677"}),
    ("Aanhangsel Handelingen II 2023/24, nr. 1234",
     {"soort": "aanhangsel_handelingen", "ondernummer": "1234", "vergaderjaar": "2023-2024"}),
    ("Handelingen II 2016/17, nr. 60", {"soort": "handelingen", "ondernummer": "60", "vergaderjaar": "2016-2017"}),
    ("mijn brief van 11 januari 2018", {"soort": "brief", "datum": "2018-01-11"}),
])
def test_each_reference_form_is_recognised_and_normalised(text: str, ref: dict[str, str]) -> None:
    found = find_refs([f"Zie {text} voor meer."])
    assert len(found) == 1
    assert {k: found[0][k] for k in ref} == ref
    assert found[0]["tekst"] in text


def test_references_in_footnotes_are_found() -> None:
    text = ("32 000 Test\n\nNr. 5 BRIEF VAN DE MINISTER VAN DEFENSIE\n\nAan de Voorzitter van de Tweede Kamer der "
            "Staten-Generaal\n\nDen Haag, 2 mei 2020\n\nHierbij stuur ik u het rapport.1\n\n"
            "De Minister van Defensie, K. Soldaat\n\n\nX Noot\n1\n\nKamerstuk 32 000, nr. 4.\n")
    refs = kamerbrief.parse_text(text).record["verwijzingen"]
    assert [(r["dossiernummer"], r["ondernummer"]) for r in refs] == [("32000", "4")]


@pytest.mark.parametrize(("phrase", "datum", "uiterlijk"), [
    ("voor de zomer", "2024-03-14", "2024-07-01"),
    ("voor de zomer", "2024-10-02", "2025-07-01"),
    ("voor het zomerreces", "2023-02-01", "2023-07-01"),
    ("in het najaar van 2024", "2024-03-14", "2024-12-31"),
    ("in het najaar", "2023-02-03", "2023-12-31"),
    ("in het voorjaar van 2025", "2024-06-28", "2025-06-30"),
    ("voor 1 juli", "2024-03-14", "2024-07-01"),
    ("voor 1 juli 2025", "2024-03-14", "2025-07-01"),
    ("in januari", "2011-12-19", "2012-01-31"),
    ("in het eerste kwartaal van 2025", "2024-11-01", "2025-03-31"),
    ("voor het einde van het jaar", "2024-05-01", "2024-12-31"),
    ("de komende tijd", "2024-05-01", None),
    ("zo spoedig mogelijk", "2024-05-01", None),
])
def test_deadline_phrases_resolve_against_the_letter_date(phrase: str, datum: str, uiterlijk: str | None) -> None:
    assert resolve(phrase, datum) == uiterlijk


def test_commitments_are_found_and_announcements_are_not() -> None:
    text = ("Ik zal uw Kamer voor de zomer informeren over de uitkomsten. Het kabinet stuurt u in het najaar de "
            "evaluatie. Hieronder ga ik in op de drie aanbevelingen. In 2019 heb ik toegezegd dit te onderzoeken. "
            "Zal het kabinet dit doen? Met deze brief informeer ik uw Kamer over de stand van zaken.")
    found = find_toezeggingen(text, "2024-03-14")
    assert [(t.termijn, t.uiterlijk) for t in found] == [
        ("voor de zomer", "2024-07-01"), ("in het najaar", "2024-12-31")]


PROSE = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 12 februari 2024
Betreft Kabinetsreactie op het advies Ruimte voor water

Ons kenmerk
IENW/2024/1

Geachte voorzitter,

De Raad doet in zijn advies de volgende aanbevelingen:

1. Geef water een sturende rol in de ruimtelijke ordening;

2. Maak een landelijk programma voor bodemdaling;

3. Verhoog de budgetten voor waterschappen.

Het kabinet dankt de Raad voor het advies.

Ten aanzien van de eerste aanbeveling merk ik op dat het kabinet deze aanbeveling overneemt.

Dit wordt in 2024 verder uitgewerkt.

Indachtig de tweede en derde aanbeveling zal ik bezien of extra middelen nodig zijn.

De Minister van Infrastructuur en Waterstaat,

J. Water
"""


def test_recommendations_answered_in_prose_are_linked_by_ordinal() -> None:
    recs = kamerbrief.parse_text(PROSE, fmt="markdown").record["aanbevelingen"]
    assert [(r["nummer"], r["titel"], r["standpunt"]) for r in recs] == [
        (1, "Geef water een sturende rol in de ruimtelijke ordening", "overgenomen"),
        (2, "Maak een landelijk programma voor bodemdaling", "in_overweging"),
        (3, "Verhoog de budgetten voor waterschappen", "in_overweging"),
    ]
    assert recs[0]["reactie"].endswith("Dit wordt in 2024 verder uitgewerkt.")
    assert recs[1]["reactie"] == recs[2]["reactie"]
