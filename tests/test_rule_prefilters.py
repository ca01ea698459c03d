"""The keyword prefilters of toezeggingen and verwijzingen change no result, only how much text is scanned.

Each filter passes over a sentence or a text that cannot match; these tests hold the filtered rules to the
unfiltered patterns on every sample and corpus letter, and on the edge cases the filters must not miss
(case-folded characters, words glued to punctuation, the forms each gate stands for).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from kamerbrief.readers import read
from kamerbrief.rules import toezeggingen, verwijzingen
from kamerbrief.stance import sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TEXT_SUFFIXES = (".md", ".txt")


def _texts() -> list[str]:
    files = sorted((ROOT / "samples").iterdir())
    if CORPUS.is_dir():
        files += sorted(CORPUS.iterdir())
    return [read(p, None).text for p in files if p.suffix in TEXT_SUFFIXES]


TEXTS = _texts()


def test_every_commitment_pattern_match_holds_a_trigger_word() -> None:
    checked = 0
    for text in TEXTS:
        for s in sentences(text):
            if toezeggingen.COMMIT.search(s) or toezeggingen.sends(s) or toezeggingen.PLANNED.search(s):
                checked += 1
                assert toezeggingen._TRIGGER.search(s.lower()), s
    assert checked > 20


def test_commitments_filtered_and_unfiltered_agree_on_samples_and_corpus() -> None:
    for text in TEXTS:
        assert toezeggingen.find(text, "2023-03-15") == toezeggingen.find(text, "2023-03-15", prefilter=False)


@pytest.mark.parametrize("sentence", [
    "Ik ſtuur u voor de zomer de evaluatie.",  # long s: IGNORECASE reads it as "s", lower() keeps it
    "De Kamer wordt in het najaar geınformeerd en ık zal berichten.",  # dotless i
    "İK ZAL UW KAMER VOOR DE ZOMER İNFORMEREN.",  # dotted capital I lowercases to two characters
    "IK ZAL UW KAMER VOOR DE ZOMER INFORMEREN.",
    "Het kabinet (zal) uw Kamer voor 1 juli informeren.",
])
def test_case_folded_and_capitalised_commitments_are_still_found(sentence: str) -> None:
    assert toezeggingen.find(sentence, "2023-03-15") == toezeggingen.find(sentence, "2023-03-15", prefilter=False)


def test_folds_lists_every_character_lower_does_not_map_to_its_ascii_letter() -> None:
    """The characters that re.IGNORECASE matches to an ASCII letter other than the letter and its capital,
    and that str.lower() does not turn into that letter, are exactly the ones FOLDS names."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    need = set()
    for cp in range(0x80, sys.maxunicode + 1):
        c = chr(cp)
        if ascii_letter.fullmatch(c) and not ("a" <= c.lower() <= "z" and len(c.lower()) == 1):
            need.add(c)
    assert need == set(toezeggingen.FOLDS)


REFERENCE_FORMS = [
    "(Kamerstuk 35 165, nr. 2)", "Kamerstukken II 2018/19, 35 165, nr. 2", "kamerstuk 32852 nr. 209",
    "Kamerstuk 33 000 X, nr. 30", "(kst-34700-19)", "kst-33000-X-60", "Kamerstukken 33000-X-60",
    "motie-Van der Molen c.s. (Kamerstuk 32 847, nr. 1123)",
    "de motie van het lid Knops (Kamerstuk 32 847, nr. 1124)", "2024D39756", "2023Z19677",
    "Aanhangsel Handelingen II 2023/24, nr. 1234", "Handelingen II 2016/17, nr. 60",
    "Kamerstukken II 2021/22, Aanhangsel, nr. 1694", "Kamerstukken I 2012–2013, CII, B",
    "(Kamerstuknr. 2012–2013, CII, B)", "mijn brief van 11 januari 2018", "de brief van 5 juli 2024",
    "de brief van de minister van Financiën van 3 maart 2020", "uw Kamerbrief d.d. 4 mei 2021",
]


@pytest.mark.parametrize("form", REFERENCE_FORMS)
def test_each_reference_form_passes_its_gate(form: str) -> None:
    text = f"Zie hierover {form}. Daarna volgt meer."
    found = verwijzingen.find([text])
    assert found, form
    assert verwijzingen.find([text], prefilter=False) == found


def test_references_filtered_and_unfiltered_agree_on_samples_and_corpus() -> None:
    for text in TEXTS:
        assert verwijzingen.find([text]) == verwijzingen.find([text], prefilter=False)


@pytest.mark.parametrize("sentence", [
    "ik zal u informeren", "Zal ik?", "zalm en zalf", "bezal", "_zal", "9zal", "gaat-ie", "a.gaat", "ga",
    "kunt u dat", "éga", "ßzal", "het wordt", "toekomend", "worden.",
])
def test_trigger_finds_exactly_what_word_boundaries_find(sentence: str) -> None:
    """The trigger is written "(?<!\\w)(...)\\b" for speed; it must match where "\\b(...)\\b" matches."""
    low = sentence.lower()
    assert [m.span() for m in toezeggingen._TRIGGER.finditer(low)] == [m.span() for m in PLAIN_TRIGGER.finditer(low)]


PLAIN_TRIGGER = re.compile(rf"\b(?:{'|'.join(toezeggingen.TRIGGER_WORDS)})\b")


def test_trigger_agrees_with_word_boundaries_on_samples_and_corpus() -> None:
    found = 0
    for text in TEXTS:
        low = text.lower()
        spans = [m.span() for m in toezeggingen._TRIGGER.finditer(low)]
        assert spans == [m.span() for m in PLAIN_TRIGGER.finditer(low)]
        found += len(spans)
    assert found > 100


def test_commitments_read_with_a_memo_are_the_same() -> None:
    """A letter's passages share one memo (each sentence read once): the same commitments as without it, also
    for a passage read again from the memo alone."""
    memo: dict[str, toezeggingen.Toezegging | None] = {}
    found = 0
    for text in TEXTS:
        plain = toezeggingen.find(text, "2023-03-15")
        assert toezeggingen.find(text, "2023-03-15", memo=memo) == plain
        assert all(s in memo for s in sentences(text))
        assert toezeggingen.find(text, "2023-03-15", memo=memo) == plain
        found += len(plain)
    assert found > 20
