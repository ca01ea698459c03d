"""Stance, commitments and references: the labelled passages, the seed letter, each citation form."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest
import yaml

import kamerbrief
from kamerbrief import stance_model
from kamerbrief.rules.toezeggingen import find as find_toezeggingen
from kamerbrief.rules.toezeggingen import resolve
from kamerbrief.rules.verwijzingen import find as find_refs
from kamerbrief.stance import (
    EXPLICIT,
    MODEL_PART,
    MODEL_SURE,
    MODEL_THRESHOLD,
    TORN,
    classify,
    classify_raw,
    compiled_cues,
    sentences,
)
from kamerbrief.stance_model import probabilities

from .conftest import CORPUS, SAMPLES

DATA = Path(__file__).parent / "data"
LABELS = ("overgenomen", "deels_overgenomen", "niet_overgenomen", "in_overweging", "onbepaald")
CASES = [c for f in ("standpunten.yaml", "standpunten-heldout.yaml")
         for c in yaml.safe_load((DATA / f).read_text(encoding="utf-8"))]
# written blind (issue 12); split deterministically: dev (even indices) was used to tune, test (odd) never read
FRESH = yaml.safe_load((DATA / "standpunten-fresh.yaml").read_text(encoding="utf-8"))
FRESH_DEV, FRESH_TEST = FRESH[0::2], FRESH[1::2]


def _blind(name: str) -> list[dict[str, Any]]:
    """A four-label blind set, `deels` as `deels_overgenomen`."""
    return [{**c, "standpunt": "deels_overgenomen" if c["standpunt"] == "deels" else c["standpunt"]}
            for c in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))]


# a second blind set, written by someone who never saw the classifier, in four labels (`deels`; `onbepaald`
# also for what the classifier calls `in_overweging`) and with the deciding sentence (`citaat`); tuned on the
# even ids, the odd ids only counted
BLIND2 = _blind("standpunten-blind2.yaml")
BLIND2_TUNE = [c for c in BLIND2 if int(c["id"][1:]) % 2 == 0]
BLIND2_HELD = [c for c in BLIND2 if int(c["id"][1:]) % 2 == 1]
# a third blind set, same four labels, written by someone who never saw the classifier: the training set of
# its round, whole; from then on fresh test and blind2 held-out are the test sets
BLIND3 = _blind("standpunten-blind3.yaml")


# the fifth to eighth blind sets (the stance model's round), written by writers who never saw the classifier:
# blind5 trained on by its even ids, its odd ids held out; blind6 and blind8 trained on whole; blind7 never
# trained on
BLIND5 = _blind("standpunten-blind5.yaml")
BLIND5_EVEN = [c for c in BLIND5 if int(c["id"][1:]) % 2 == 0]
BLIND5_ODD = [c for c in BLIND5 if int(c["id"][1:]) % 2 == 1]
BLIND6 = _blind("standpunten-blind6.yaml")
BLIND7 = _blind("standpunten-blind7.yaml")
BLIND8 = _blind("standpunten-blind8.yaml")  # written for training, deels-heavy
# written after the round's design was frozen, scored once, never trained or tuned on: the figure that counts
BLIND9 = _blind("standpunten-blind9.yaml")


def evaluate(cases: list[dict[str, str]] = CASES
             ) -> tuple[float, dict[str, tuple[float, float]], list[tuple[str, str, str]]]:
    predicted = [(c["standpunt"], classify(c["tekst"]).standpunt, c["tekst"]) for c in cases]
    per_label = {}
    for label in LABELS:
        tp = sum(1 for want, got, _ in predicted if want == got == label)
        said = sum(1 for _, got, _ in predicted if got == label)
        real = sum(1 for want, _, _ in predicted if want == label)
        per_label[label] = (tp / said if said else 1.0, tp / real if real else 1.0)
    accuracy = sum(1 for want, got, _ in predicted if want == got) / len(predicted)
    return accuracy, per_label, [p for p in predicted if p[0] != p[1]]


def report(cases: list[dict[str, str]], show_misses: bool = True) -> str:
    """Per-label precision/recall, the confusion matrix (rows gold) and, where allowed, the misread texts."""
    accuracy, per_label, misses = evaluate(cases)
    out = "\n".join(f"{label:18} precision {p:.2f} recall {r:.2f}" for label, (p, r) in per_label.items())
    confusion = Counter((c["standpunt"], classify(c["tekst"]).standpunt) for c in cases)
    out += "\ngold \\ got " + " ".join(f"{lab[:6]:>6}" for lab in LABELS)
    out += "".join(f"\n{want[:10]:10} " + " ".join(f"{confusion[want, got]:6}" for got in LABELS) for want in LABELS)
    out += f"\naccuracy {accuracy:.3f} on {len(cases)} passages"
    if show_misses:
        out += "\n" + "\n".join(f"  want {w} got {g}: {t[:80]}" for w, g, t in misses)
    return out


def test_the_labelled_set_covers_every_label() -> None:
    counts = Counter(c["standpunt"] for c in CASES)
    assert len(CASES) >= 60 and set(counts) == set(LABELS) and min(counts.values()) >= 8
    assert len(FRESH) >= 150 and set(Counter(c["standpunt"] for c in FRESH)) == set(LABELS)


def test_stance_precision_and_recall_per_label() -> None:
    accuracy, per_label, _ = evaluate()
    text = report(CASES)
    print(text)
    assert accuracy >= 0.90, text
    for precision, recall in per_label.values():
        assert precision >= 0.85 and recall >= 0.8, text


def _four(label: str) -> str:
    return "onbepaald" if label == "in_overweging" else label


def _accuracy(cases: list[dict[str, Any]]) -> float:
    return sum(1 for c in cases if _four(classify(c["tekst"]).standpunt) == _four(c["standpunt"])) / len(cases)


def _rejections_read_as_adoptions(cases: list[dict[str, Any]]) -> int:
    return sum(1 for c in cases
               if c["standpunt"] == "niet_overgenomen" and classify(c["tekst"]).standpunt == "overgenomen")


# The stance model (kamerbrief/data/stance-model.json, tools/train_stance.py) is trained on every set below but
# blind5's odd ids and blind7: their figures are fitted, a check that training took, not how the classifier
# does on new text. The earlier rounds' figures (before the model) are in README "Stance".
@pytest.mark.parametrize(("cases", "least"), [
    (CASES, 0.95), (FRESH, 0.9), (BLIND2, 0.95), (BLIND3, 0.95), (BLIND5_EVEN, 0.9), (BLIND6, 0.85),
    (BLIND8, 0.85)])
def test_stance_on_the_sets_the_model_was_trained_on(cases: list[dict[str, Any]], least: float) -> None:
    assert _accuracy(cases) >= least
    assert _rejections_read_as_adoptions(cases) == 0


def test_stance_on_the_sets_never_trained_on() -> None:
    """blind5's odd ids and blind7 were never trained on, but this round's design was checked on them (blind7
    scored 54.5 % with the cues alone and 83.0 % at its first reading with the model; the figures below are
    after later changes, so both are development sets now). Ratchets; texts not printed."""
    held, test = _accuracy(BLIND5_ODD), _accuracy(BLIND7)
    assert held >= 0.88, f"blind5 held-out {held:.3f}"  # 60.0 % with the cues of 12261a3
    assert test >= 0.875, f"blind7 {test:.3f}"
    assert _rejections_read_as_adoptions(BLIND5_ODD) == 0
    assert _rejections_read_as_adoptions(BLIND7) == 0


def test_stance_on_the_fresh_set_scored_once() -> None:
    """blind9 (240 passages by a new writer, written after the design was frozen): 140/240 = 58.3 % with the
    cues of 12261a3, 217/240 = 90.4 % now, no rejecting passage read as `overgenomen`. A ratchet; a change
    tuned on it makes it a development set, and the next round needs a new one."""
    assert len(BLIND9) >= 200 and {c["standpunt"] for c in BLIND9} == {
        "overgenomen", "deels_overgenomen", "niet_overgenomen", "onbepaald"}
    assert _accuracy(BLIND9) >= 0.9
    assert _rejections_read_as_adoptions(BLIND9) == 0
    for c in BLIND9:
        st = classify(c["tekst"])
        assert st.citaat is None or st.citaat in c["tekst"]


def test_the_model_is_trained_on_the_sets_as_they_are() -> None:
    """A labelled set changed without retraining (python tools/train_stance.py) fails here; blind7 is never
    trained on."""
    trained_on = stance_model.load()["trained_on"]
    for name, digest in trained_on.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, f"{name}: retrain the model"
    assert {"standpunten-blind7.yaml", "standpunten-blind9.yaml"}.isdisjoint(trained_on)
    assert "standpunten-blind5.yaml" in trained_on
    trained_ids = stance_model.load()["trained_ids"]["standpunten-blind5.yaml"]
    assert trained_ids and set(trained_ids) == {c["id"] for c in BLIND5_EVEN}  # never an odd (held-out) id


def test_the_quoted_sentence_is_the_deciding_one_on_the_second_blind_set() -> None:
    """`standpunt_citaat` is verbatim, and on the tune half it is mostly the sentence the writer named."""
    for c in BLIND2:
        st = classify(c["tekst"])
        assert st.citaat is None or st.citaat in c["tekst"]
    same = sum(1 for c in BLIND2_TUNE if classify(c["tekst"]).citaat == c["citaat"])
    assert same >= 0.9 * len(BLIND2_TUNE), same  # 86/93 after tuning (67/93 before)
    held = sum(1 for c in BLIND2_HELD if classify(c["tekst"]).citaat == c["citaat"])
    assert held >= 74, held  # 63/94 before, 74/94 after: counted, not tuned on


def test_never_adopted_where_the_passage_rejects() -> None:
    for c in CASES + FRESH_DEV:
        if c["standpunt"] == "niet_overgenomen":
            assert classify(c["tekst"]).standpunt != "overgenomen", c["tekst"]
    # the test half is counted, its texts not printed
    assert not any(c["standpunt"] == "niet_overgenomen" and classify(c["tekst"]).standpunt == "overgenomen"
                   for c in FRESH_TEST)
    for c in BLIND2_TUNE:
        if c["standpunt"] == "niet_overgenomen":
            assert classify(c["tekst"]).standpunt != "overgenomen", c["id"]
    assert not any(c["standpunt"] == "niet_overgenomen" and classify(c["tekst"]).standpunt == "overgenomen"
                   for c in BLIND2_HELD)
    for c in BLIND3:
        if c["standpunt"] == "niet_overgenomen":
            assert classify(c["tekst"]).standpunt != "overgenomen", c["id"]


def test_confidence_is_high_only_where_the_cue_is_explicit() -> None:
    results = [(c["standpunt"], classify(c["tekst"])) for c in CASES + FRESH_DEV]
    sure = [(want, st) for want, st in results if st.vertrouwen >= 0.8]
    assert len(sure) >= len(results) // 3
    assert sum(1 for want, st in sure if want == st.standpunt) / len(sure) >= 0.97
    assert all(st.vertrouwen == 0.0 for _, st in results if st.standpunt == "onbepaald" and st.citaat is None)


def test_below_the_threshold_the_label_is_onbepaald_and_the_sentence_still_quoted() -> None:
    """Over every labelled passage: a label the cues decide stands unless the model overrules it as
    `classify` says; a label the model decides is at least MODEL_THRESHOLD sure, with that confidence; a guess
    below it is reported as `onbepaald` with a sentence quoted; every quote is verbatim."""
    texts = [c["tekst"] for c in CASES + FRESH + BLIND2 + BLIND3 + BLIND6 + BLIND8] + PHRASING_TEXTS
    for text in texts:
        st, raw, probs = classify(text), classify_raw(text), probabilities(text)
        top = max(probs, key=probs.__getitem__)
        assert st.citaat is None or st.citaat in text
        if raw.vertrouwen >= EXPLICIT:
            assert st == raw or (probs[st.standpunt] >= MODEL_SURE and {st.standpunt, raw.standpunt} == {
                "overgenomen", "niet_overgenomen"}) or (st.standpunt == "deels_overgenomen" != raw.standpunt
                                                        and probs[st.standpunt] >= MODEL_PART), text
        elif st.standpunt not in ("onbepaald", "in_overweging"):
            assert probs[top] >= MODEL_THRESHOLD and st.vertrouwen == round(probs[top], 2), text
        else:
            assert st.vertrouwen == round(probs["onbepaald"], 2) and (st.citaat is not None or top == "onbepaald")


def _model_says(monkeypatch: pytest.MonkeyPatch, **probs: float) -> None:
    """The model's probabilities set by hand (the rest shared equally by the labels not given)."""
    labels = ("overgenomen", "deels_overgenomen", "niet_overgenomen", "onbepaald")
    rest = (1.0 - sum(probs.values())) / (len(labels) - len(probs))
    monkeypatch.setattr(stance_model, "probabilities", lambda _: {lab: probs.get(lab, rest) for lab in labels})


def test_the_model_overrules_a_cue_only_where_it_is_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    refusal = "Het kabinet ziet geen aanleiding om de regeling aan te passen. De huidige regeling voldoet."
    raw = classify_raw(refusal)
    assert raw.standpunt == "niet_overgenomen" and raw.vertrouwen == 1.0
    _model_says(monkeypatch, overgenomen=0.95)
    assert classify(refusal) == raw  # the most explicit cue (1.0) is never overruled on adopting or rejecting
    soft = "De commissie beveelt een verbod aan. Een verbod vind ik te verstrekkend."
    raw = classify_raw(soft)
    assert raw.standpunt == "niet_overgenomen" and EXPLICIT <= raw.vertrouwen < 1.0
    _model_says(monkeypatch, overgenomen=MODEL_SURE - 0.01)
    assert classify(soft) == raw
    _model_says(monkeypatch, overgenomen=MODEL_SURE + 0.01)
    assert classify(soft).standpunt == "overgenomen"
    # a part adopted, read by the model, overrules a cue's all or nothing short of 1.0, in a response of two
    # or more sentences
    _model_says(monkeypatch, deels_overgenomen=MODEL_PART)
    assert classify(soft).standpunt == "deels_overgenomen"
    assert classify(refusal) == classify_raw(refusal)
    assert classify("Een verbod vind ik te verstrekkend.").standpunt == "niet_overgenomen"
    _model_says(monkeypatch, deels_overgenomen=MODEL_PART - 0.01, niet_overgenomen=0.0)
    assert classify(soft) == classify_raw(soft)


def test_a_model_torn_between_adopting_and_rejecting_says_onbepaald(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "De raad adviseert een loket. Het kabinet opent een loket in de gemeentehuizen."
    _model_says(monkeypatch, overgenomen=0.5, niet_overgenomen=0.5 * TORN + 0.01)
    assert classify(text).standpunt == "onbepaald"
    _model_says(monkeypatch, overgenomen=0.5, niet_overgenomen=0.5 * TORN - 0.01)
    assert classify(text).standpunt == "overgenomen"


def test_an_empty_response_is_onbepaald_with_no_confidence() -> None:
    assert classify("") == classify_raw("") and classify("").vertrouwen == 0.0 and classify("  ").citaat is None
    # no word the model knows: no lean to the commonest label
    assert set(probabilities("Xqzv wprk.").values()) == {0.25}


def test_a_guess_of_the_model_is_reported_as_onbepaald(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model's probabilities set just under and just over MODEL_THRESHOLD, for a response no cue decides."""
    text = "De raad adviseert een loket. Het kabinet opent een loket in de gemeentehuizen."
    assert classify_raw(text).vertrouwen < EXPLICIT

    def lean(p: float) -> Any:
        rest = (1.0 - p) / 3
        return lambda _: {"overgenomen": p, "deels_overgenomen": rest, "niet_overgenomen": rest, "onbepaald": rest}

    monkeypatch.setattr(stance_model, "probabilities", lean(MODEL_THRESHOLD - 0.01))
    st = classify(text)
    assert st.standpunt == "onbepaald" and st.citaat in sentences(text) and st.vertrouwen < MODEL_THRESHOLD
    monkeypatch.setattr(stance_model, "probabilities", lean(MODEL_THRESHOLD + 0.01))
    st = classify(text)
    assert st.standpunt == "overgenomen" and st.vertrouwen >= MODEL_THRESHOLD


def test_every_auxiliary_pattern_match_holds_one_of_its_words() -> None:
    """The guards of the auxiliary patterns (stance.*_WORDS) pass over a sentence without one of the words;
    every match in the labelled passages and the samples' responses must hold one (the slow path, which the
    next test compares, runs the patterns everywhere)."""
    from kamerbrief import stance

    guarded = [(stance.ALREADY, stance.ALREADY_WORDS), (stance.CONCESSIVE, stance.CONCESSIVE_WORDS),
               (stance.HYPOTHETICAL, stance.HYPOTHETICAL_WORDS), (stance.REPORTED, stance.REPORTED_WORDS),
               (stance.CONTENT, stance.CONTENT_WORDS)]
    texts = [c["tekst"] for c in CASES + FRESH + BLIND3] + PHRASING_TEXTS
    texts += [s for p in sorted(SAMPLES.glob("*.yaml")) for a in yaml.safe_load(p.read_text(encoding="utf-8"))
              .get("aanbevelingen") or () for s in [a["reactie"]]]
    matched = 0
    for text in texts:
        for s in sentences(text):
            words = set(re.findall(r"\w+", s.lower()))
            for pattern, needed in guarded:
                for m in pattern.finditer(s):
                    matched += 1
                    assert words & needed, (pattern.pattern[:60], m.group(0), s)
    assert matched > 50


def test_the_keyword_prefilter_changes_no_result() -> None:
    """A cue runs only on sentences holding one of its keys; every match must hold one."""
    texts = [c["tekst"] for c in CASES + FRESH + BLIND3] + PHRASING_TEXTS
    for text in texts:
        assert classify_raw(text) == classify_raw(text, prefilter=False), text
        for s in sentences(text):
            words = set(re.findall(r"\w+", s.lower()))
            for cue in compiled_cues():
                if cue.rx.search(s):
                    assert words & cue.keys, (cue.rx.pattern, s)


def _nested_repeat(items: Any, inside: bool = False) -> bool:
    for op, av in items:
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            _lo, hi, sub = av
            many = hi is _parser.MAXREPEAT or hi > 1
            if many and inside:
                return True
            if _nested_repeat(sub, inside or many):
                return True
        elif op == _parser.SUBPATTERN:
            if _nested_repeat(av[-1], inside):
                return True
        elif op == _parser.BRANCH:
            if any(_nested_repeat(b, inside) for b in av[1]):
                return True
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            if _nested_repeat(av[1], inside):
                return True
    return False


def test_no_cue_pattern_nests_quantifiers() -> None:
    """Every cue is linear in the sentence length: no repeat inside a repeat (bounded gaps are fine)."""
    for cue in compiled_cues():
        assert not _nested_repeat(_parser.parse(cue.rx.pattern, cue.rx.flags)), cue.rx.pattern


# general phrasings of each style (written while tuning, so no accuracy claim rests on them)
# Known gaps of the learned model (blind5 round), kept as strict xfails so that a fix shows: a passage that
# decides nothing (a description, thanks) is still given the label its words lean to, at 0.4-0.7; an act next
# to the asked measure argued against reads as an adoption.
KNOWN_GAP = pytest.mark.xfail(strict=True, reason="known gap of the stance model: see KNOWN_GAP")
PHRASINGS = [
    # written for blind3's round: implicit adoption and rejection, conditions, scope, the recommendation's own
    # content (general forms, not the set's sentences)
    ("Het voorstel om de termijn te verlengen, wordt uitgevoerd.", "overgenomen"),
    ("Het advies om de heffing af te schaffen, wordt niet gevolgd.", "niet_overgenomen"),
    ("Het advies om de heffing af te schaffen, wordt niet integraal gevolgd.", "deels_overgenomen"),
    ("Aan het voorstel om een register in te stellen, wordt geen gevolg gegeven.", "niet_overgenomen"),
    ("De raad stelt een meldplicht voor. Het huidige stelsel biedt voldoende mogelijkheden om misstanden aan "
     "te pakken.", "niet_overgenomen"),
    ("Ik kies ervoor de huidige regeling te handhaven.", "niet_overgenomen"),
    ("De vergoeding blijft op het huidige niveau.", "niet_overgenomen"),
    ("Een landelijk register acht ik te kostbaar.", "niet_overgenomen"),
    ("Ik neem afstand van dit voorstel.", "niet_overgenomen"),
    ("De opbrengst weegt daar niet tegen op.", "niet_overgenomen"),
    # the measure asked argued against, and nothing else said: an implicit rejection, as in the blind sets
    ("Een verbod, zoals de commissie bepleit, zou de handel naar het buitenland verplaatsen.", "niet_overgenomen"),
    ("Ik neem de aanbeveling over onder de voorwaarde dat de provincies meebetalen.", "deels_overgenomen"),
    ("Ik steun de aanbeveling, mits de kosten binnen de begroting blijven.", "deels_overgenomen"),
    ("De aanbeveling neem ik over voor de rijksgebouwen.", "deels_overgenomen"),
    ("Het advies wordt voor de grote gemeenten gevolgd.", "deels_overgenomen"),
    ("De aanbeveling neem ik over, met één uitzondering.", "deels_overgenomen"),
    ("Ik kies voor een tussenweg.", "deels_overgenomen"),
    ("Landelijke invoering gaat mij te ver, maar ik start in drie regio's een pilot.", "deels_overgenomen"),
    ("Om de aanbeveling uit te voeren, wordt de opleiding verlengd.", "overgenomen"),
    ("Het kabinet zal de aanbeveling om een fonds op te richten uitvoeren.", "overgenomen"),
    ("Een wetsvoorstel daartoe is in voorbereiding.", "overgenomen"),
    ("Reactie kabinet: akkoord; de regeling volgt in 2026.", "overgenomen"),
    ("Het advies om de reclassering eerder te betrekken bij het strafadvies volg ik op.", "overgenomen"),
    ("De raad adviseert een fonds. Ik richt dit fonds per 1 januari op met € 5 miljoen.", "overgenomen"),
    ("De raad adviseert een fonds. Ik richt een fonds op voor de kleinste gemeenten. De overige gemeenten "
     "blijven vooralsnog aangewezen op de huidige regeling.", "deels_overgenomen"),
    ("De raad adviseert een koppeling van de bestanden. Ik maak deze koppeling niet mogelijk.", "niet_overgenomen"),
    ("De aanbeveling neem ik niet over. Wij investeren liever in voorlichting.", "niet_overgenomen"),
    # written for blind2's tuning (issue 12, part 2): the general gaps, not the set's sentences
    ("Het kabinet stemt in met deze aanbeveling.", "overgenomen"),
    ("Ik heb besloten het advies van de raad te volgen.", "overgenomen"),
    ("Het kabinet zal de aanbeveling implementeren in de nieuwe regeling.", "overgenomen"),
    ("Ik heb geen bezwaar tegen deze aanbeveling en zal haar uitvoeren.", "overgenomen"),
    ("Niet alleen de rijksoverheid maar ook gemeenten gaan de norm toepassen; ik neem de aanbeveling over.",
     "overgenomen"),
    ("Hoewel de kosten aanzienlijk zijn, neem ik de aanbeveling over.", "overgenomen"),
    ("Akkoord.", "overgenomen"),
    ("Op advies van de raad wordt de termijn verlengd.", "overgenomen"),
    ("Ik geef hier gevolg aan en neem de wijziging mee in de volgende herziening van de regeling.", "overgenomen"),
    ("Het kabinet kiest hier bewust niet voor.", "niet_overgenomen"),
    ("Deze aanbeveling past niet binnen de financiële kaders van het Rijk.", "niet_overgenomen"),
    ("Voor een landelijk fonds is geen financiële ruimte.", "niet_overgenomen"),
    ("Het kabinet wil geen wettelijke verplichting invoeren.", "niet_overgenomen"),
    ("Een verbod is in mijn ogen een te zwaar middel.", "niet_overgenomen"),
    ("Ik zie onvoldoende aanleiding om de wet te wijzigen.", "niet_overgenomen"),
    ("Het kabinet handhaaft de huidige regeling.", "niet_overgenomen"),
    ("Ik ben niet van plan een register in te stellen.", "niet_overgenomen"),
    ("Nee.", "niet_overgenomen"),
    ("Ik deel de zorg van de Raad over de wachtlijsten. Een nieuw fonds lost dat niet op, en de aanbeveling "
     "neem ik daarom niet over.", "niet_overgenomen"),
    ("Ik deel de zorg van de inspectie. De aanbeveling om een register in te stellen neem ik daarom niet over; "
     "de bestaande meldplicht volstaat.", "niet_overgenomen"),
    ("Omdat een verbod niet handhaafbaar is, neem ik de aanbeveling niet over.", "niet_overgenomen"),
    ("Ik neem de aanbeveling over, met dien verstande dat de termijn twee jaar wordt.", "deels_overgenomen"),
    ("Wel verruim ik de subsidieregeling, maar een nieuw fonds komt er niet.", "deels_overgenomen"),
    ("De aanbeveling wordt in afgezwakte vorm overgenomen.", "deels_overgenomen"),
    ("Het kabinet neemt de aanbeveling niet volledig over: de meldplicht komt er, de sanctie niet.",
     "deels_overgenomen"),
    ("Ik neem de aanbeveling niet in de voorgestelde vorm over, maar wel het doel.", "deels_overgenomen"),
    ("De aanbeveling neem ik over voor zover zij de rijksoverheid betreft.", "deels_overgenomen"),
    ("Het doel deel ik, maar de voorgestelde meldplicht neem ik niet over; ik kies voor voorlichting.",
     "deels_overgenomen"),
    ("Dit vraagt om een nadere afweging, die ik in het voorjaar maak.", "in_overweging"),
    ("In de volgende kabinetsperiode wordt hierover een besluit genomen.", "in_overweging"),
    ("Ik neem daar nu geen besluit over.", "in_overweging"),
    ("Ik ga eerst met de sector in gesprek voordat ik een standpunt inneem.", "in_overweging"),
    ("De verantwoordelijkheid hiervoor ligt bij de gemeenten.", "onbepaald"),
    ("Dit is aan de provincies.", "onbepaald"),
    # a second probe, one or more passages per blind2 style, written for it
    ('De Raad adviseert een wettelijke plicht tot het opstellen van een verduurzamingsplan voor iedere '
     'school. Een wettelijke verplichting acht ik op dit moment niet proportioneel; schoolbesturen werken '
     'al met meerjarige onderhoudsplannen.',
     'niet_overgenomen'),
    ('De commissie beveelt aan de meldplicht wettelijk te verankeren. Dat doe ik: het wetsvoorstel gaat '
     'dit voorjaar in consultatie.',
     'overgenomen'),
    ('Een wettelijke verankering van de norm vind ik vooralsnog niet nodig; ik maak eerst afspraken met de'
     ' sector en evalueer die in 2027.',
     'niet_overgenomen'),
    ('Ik ga de verplichting in de wet opnemen.',
     'overgenomen'),
    ('Het kabinet trekt voor de uitvoering van deze aanbeveling structureel € 15 miljoen uit.',
     'overgenomen'),
    ('Voor de gevraagde uitbreiding van het aantal plaatsen zijn binnen de begroting geen middelen beschikbaar.',
     'niet_overgenomen'),
    ('Dit gebeurt al: sinds 2023 publiceren alle ministeries hun adviesrapporten.',
     'overgenomen'),
    ('Deze aanbeveling is inmiddels uitgevoerd.',
     'overgenomen'),
    ('Het ministerie werkt hier al aan.',
     'overgenomen'),
    pytest.param('De Raad beschrijft de ontwikkeling van de arbeidsmarkt in de regio. In de afgelopen jaren is '
                 'het aantal vacatures sterk gestegen.', 'onbepaald', marks=KNOWN_GAP),
    ('De aanbeveling heeft betrekking op de financiering van de regionale omroepen. Die financiering loopt'
     ' via het Commissariaat voor de Media.',
     'onbepaald'),
    ('Gelet op de demissionaire status van het kabinet laat ik de besluitvorming over deze aanbeveling aan'
     ' mijn ambtsopvolger.',
     'in_overweging'),
    ('Ik zal uw Kamer voor 1 juni 2026 informeren over mijn besluit.',
     'in_overweging'),
    ('Ik verwacht in het najaar een besluit te kunnen nemen.',
     'in_overweging'),
    ('Bij de Voorjaarsnota besluit het kabinet over de financiering.',
     'in_overweging'),
    ('Ik heb het Centraal Planbureau gevraagd de effecten door te rekenen. Op basis daarvan neem ik een besluit.',
     'in_overweging'),
    ('Ik laat een uitvoeringstoets uitvoeren en kom daarna met een standpunt.',
     'in_overweging'),
    ('Deze aanbeveling is gericht aan de zorgverzekeraars. Ik heb haar met Zorgverzekeraars Nederland besproken.',
     'onbepaald'),
    ('De aanbeveling ziet op de werkwijze van de politie; het is aan de korpschef om daarover te besluiten.',
     'onbepaald'),
    ('Het kabinet is terughoudend met het invoeren van nieuwe verplichtingen voor werkgevers.',
     'niet_overgenomen'),
    ('Ik ben vooralsnog niet overtuigd van de meerwaarde van een landelijk register.',
     'niet_overgenomen'),
    ('Er is geen reden om deze aanbeveling niet uit te voeren.',
     'overgenomen'),
    ('Ik zie geen bezwaren om de termijn te verlengen en doe dat per 1 januari.',
     'overgenomen'),
    ('Het kabinet sluit niet uit dat de regeling later wordt uitgebreid, maar ziet daar nu geen aanleiding toe.',
     'niet_overgenomen'),
    ('Hoewel het kabinet de analyse van de Raad niet op alle punten deelt, neemt het de aanbeveling over.',
     'overgenomen'),
    ('Ook al is de uitvoering niet eenvoudig, wij voeren de aanbeveling uit.',
     'overgenomen'),
    ('Aanbeveling a neem ik over, aanbeveling b niet.',
     'deels_overgenomen'),
    ('Het eerste deel van het advies, een landelijke richtlijn, volg ik; het tweede deel, een fonds, niet.',
     'deels_overgenomen'),
    ('Ik deel de ambitie van de Raad, maar kies voor een andere aanpak dan de voorgestelde heffing.',
     'deels_overgenomen'),
    ('Het doel van de aanbeveling ondersteun ik. Een verbod is echter niet het juiste middel; ik zet in op'
     ' voorlichting.',
     'deels_overgenomen'),
    ('De aanbeveling wordt overgenomen en in de nieuwe beleidsregel verwerkt.',
     'overgenomen'),
    ('Deze aanbeveling wordt niet overgenomen.',
     'niet_overgenomen'),
    ('De aanbeveling wordt gedeeltelijk overgenomen.',
     'deels_overgenomen'),
    ('Overgenomen.',
     'overgenomen'),
    ('Niet overgenomen; zie de toelichting in paragraaf 3.',
     'niet_overgenomen'),
    ('Deels overgenomen.',
     'deels_overgenomen'),
    ('In behandeling.',
     'in_overweging'),
    ('Wordt onderzocht.',
     'in_overweging'),
    ('Nee, de huidige regeling volstaat.',
     'niet_overgenomen'),
    ('Dit nemen we niet over.',
     'niet_overgenomen'),
    ('Daar gaan we mee aan de slag.',
     'overgenomen'),
    ('De commissie adviseert de aanvraagprocedure te vereenvoudigen. Uit de evaluatie blijkt dat '
     'aanvragers gemiddeld drie maanden wachten. Dat is te lang. Ik vereenvoudig de procedure daarom per '
     '2026.',
     'overgenomen'),
    # a third probe: no classic cue, the act or the status quo says it
    ('Ik heb de Belastingdienst opdracht gegeven de standaardbrieven te herschrijven.', 'overgenomen'),
    ('Ik heb het RIVM opdracht gegeven te onderzoeken of een norm haalbaar is.', 'in_overweging'),
    ('Het kabinet maakt hier werk van.', 'overgenomen'),
    ('Dit advies wordt door het kabinet omarmd.', 'overgenomen'),
    ('De aanbeveling is verwerkt in het wetsvoorstel dat nu bij uw Kamer ligt.', 'overgenomen'),
    ('De aanbevelingen zijn opgenomen in het nieuwe programma.', 'overgenomen'),
    ('Voor de grote gemeenten neem ik de aanbeveling over; voor kleine gemeenten blijft de huidige '
     'regeling gelden.',
     'deels_overgenomen'),
    ('Ik neem de aanbeveling grotendeels over.', 'deels_overgenomen'),
    ('Het kabinet kiest voor een andere aanpak.', 'niet_overgenomen'),
    ('De huidige regeling volstaat.', 'niet_overgenomen'),
    ('Het bestaande instrumentarium is naar mijn oordeel toereikend.', 'niet_overgenomen'),
    ('Een verbod is in de praktijk niet handhaafbaar.', 'niet_overgenomen'),
    ('Een dergelijke regeling is voor kleine ondernemers niet werkbaar.', 'niet_overgenomen'),
    ('Ik deel het doel, maar kies voor een andere aanpak dan de Raad voorstelt.', 'deels_overgenomen'),
    ('De regeling wordt aangepast, zoals de Raad voorstelt.', 'overgenomen'),
    ('De huidige regeling blijft gelden.', 'niet_overgenomen'),
    # an act where no cue speaks: the model reads it (blind5 round; before, only a concrete act adopted)
    ("De raad adviseert een loket voor mantelzorgers. Per 1 januari opent het kabinet dit loket.", "overgenomen"),
    ("De raad adviseert een loket voor mantelzorgers. Het kabinet opent een loket in de gemeentehuizen.",
     "overgenomen"),
    # another loket than the one asked, the one asked argued against: a part at most, never an adoption
    pytest.param("De raad adviseert een landelijk loket. Per 1 januari opent het kabinet een loket. Een landelijk "
                 "loket zou te duur zijn.", "deels_overgenomen", marks=KNOWN_GAP),
    ("Het kabinet neemt deze aanbeveling ter harte en past de regeling aan.", "overgenomen"),
    ("Ik ga hiermee aan de slag.", "overgenomen"),
    ("We gaan dit doen.", "overgenomen"),
    ("Dat doen we.", "overgenomen"),
    ("Dit gebeurt al.", "overgenomen"),
    ("De aanbeveling wordt opgevolgd.", "overgenomen"),
    ("Ik sta positief tegenover deze aanbeveling.", "overgenomen"),
    ("Dit is reeds staand beleid.", "overgenomen"),
    ("Met de nieuwe regeling is aan de aanbeveling voldaan.", "overgenomen"),
    ("Hoewel de uitvoering niet eenvoudig is, voer ik de aanbeveling uit.", "overgenomen"),
    ("Zonder dat daarvoor een wet nodig is, neemt het kabinet de aanbeveling over.", "overgenomen"),
    ("Het kabinet acht een meldplicht onwenselijk.", "niet_overgenomen"),
    ("Een verbod vind ik te verstrekkend.", "niet_overgenomen"),
    ("Ik zie daar geen heil in.", "niet_overgenomen"),
    ("Daar zie ik niets in.", "niet_overgenomen"),
    ("Deze aanbeveling volg ik niet.", "niet_overgenomen"),
    ("Dat doen we niet.", "niet_overgenomen"),
    ("Een wettelijke verplichting gaat mij te ver.", "niet_overgenomen"),
    ("Een landelijk fonds is disproportioneel.", "niet_overgenomen"),
    ("Ik kan deze aanbeveling vooralsnog niet overnemen.", "niet_overgenomen"),
    ("Hoewel ik niet uitsluit dat dit later nodig is, zie ik nu geen aanleiding voor een verbod.", "niet_overgenomen"),
    ("Over de invoering is nog niet besloten; dat wordt bij de Voorjaarsnota besloten.", "in_overweging"),
    ("Ik beraad mij op deze aanbeveling.", "in_overweging"),
    ("Hierover besluit een volgend kabinet.", "in_overweging"),
    ("Dit laat ik aan een volgend kabinet.", "in_overweging"),
    ("De aanbeveling is aan de gemeenten gericht. Ik heb haar aan de VNG doorgegeven.", "onbepaald"),
    ("Het is aan de gemeenten om hier invulling aan te geven.", "onbepaald"),
    ("Ik herken het probleem dat de raad schetst; de voorgestelde oplossing neem ik niet over.", "deels_overgenomen"),
    ("Ik deel het doel van de aanbeveling, maar kies voor een andere route.", "deels_overgenomen"),
    ("Het kabinet onderkent het probleem. Een nieuwe toezichthouder acht het echter niet nodig.", "deels_overgenomen"),
    ("De aanbeveling om de regels te vereenvoudigen neem ik alleen over voor kleine ondernemers.", "deels_overgenomen"),
    ('De raad adviseert de kennisinfrastructuur te versterken. Het kabinet zal hiervoor de komende '
     'vier jaar jaarlijks 20 miljoen euro vrijmaken.', 'overgenomen'),
    ('Ik ben voornemens de aanbeveling uit te voeren en informeer uw Kamer over de voortgang.', 'overgenomen'),
    ('De inspectie beveelt aan de meldcode aan te scherpen. Dat is inmiddels gebeurd: sinds 1 '
     'januari geldt de aangescherpte meldcode.', 'overgenomen'),
    ('Het kabinet gaat de aanbeveling uitvoeren.', 'overgenomen'),
    ('Deze aanbeveling wordt uitgevoerd.', 'overgenomen'),
    ('Ik zeg toe de regeling per 2026 aan te passen, zoals de commissie vraagt.', 'overgenomen'),
    ('De aanbeveling is overgenomen in het wetsvoorstel dat u dit voorjaar ontvangt.', 'overgenomen'),
    ('Wij willen hier graag gehoor aan geven en passen de regels aan.', 'overgenomen'),
    ('Ik neem de aanbeveling integraal over.', 'overgenomen'),
    ('Het kabinet is het met de commissie eens dat de rechtsbescherming beter moet. Daarom wordt de '
     'Awb zo aangepast dat burgers gratis in bezwaar kunnen.', 'overgenomen'),
    ('Dit advies nemen we over.', 'overgenomen'),
    ('Ik heb besloten deze aanbeveling over te nemen.', 'overgenomen'),
    ('Die aanbeveling is al uitgevoerd.', 'overgenomen'),
    ('Het kabinet heeft besloten de aanbeveling niet over te nemen.', 'niet_overgenomen'),
    ('Een dergelijk register acht het kabinet niet wenselijk vanwege de privacy van betrokkenen.', 'niet_overgenomen'),
    ('Ik ben geen voorstander van een quotum.', 'niet_overgenomen'),
    ('Het instellen van een nieuw fonds is naar mijn oordeel niet de juiste weg.', 'niet_overgenomen'),
    ('Daarom kies ik ervoor de huidige regeling te handhaven.', 'niet_overgenomen'),
    ('De voorgestelde verplichting zou leiden tot hoge lasten voor kleine bedrijven. Die lasten acht '
     'ik onaanvaardbaar.', 'niet_overgenomen'),
    ('Het kabinet deelt de analyse niet.', 'niet_overgenomen'),
    ('Wij zien geen reden om het stelsel te herzien.', 'niet_overgenomen'),
    ('Dit voorstel wijs ik af.', 'niet_overgenomen'),
    ('Een verhoging van het budget is binnen de huidige financiële kaders niet mogelijk.', 'niet_overgenomen'),
    ('Ik ga niet over tot invoering van een vergunningplicht.', 'niet_overgenomen'),
    ('Ik neem de eerste twee aanbevelingen over; de derde niet.', 'deels_overgenomen'),
    ('Het kabinet steunt het doel van een schonere binnenvaart. Een verbod op dieselschepen per 2030 '
     'is echter niet haalbaar; wij kiezen voor een geleidelijke normering.', 'deels_overgenomen'),
    ('De aanbeveling neem ik over, met uitzondering van het voorgestelde verbod.', 'deels_overgenomen'),
    ('Ik onderschrijf de aanbeveling, al zie ik geen noodzaak voor een wettelijke regeling.', 'deels_overgenomen'),
    ('De strekking van het advies spreekt mij aan. Een aparte toezichthouder acht ik echter '
     'overbodig.', 'deels_overgenomen'),
    ('De aanbeveling wordt voor een deel overgenomen.', 'deels_overgenomen'),
    ('Ik zal de aanbeveling betrekken bij de herziening van de wet.', 'in_overweging'),
    ('Het kabinet bestudeert de aanbeveling en komt in het najaar met een reactie.', 'in_overweging'),
    ('Of deze aanbeveling kan worden overgenomen, hangt af van de uitkomsten van de uitvoeringstoets '
     'die ik heb laten uitvoeren.', 'in_overweging'),
    ('Over de aanbeveling is nog geen besluit genomen.', 'in_overweging'),
    ('Ik wil de evaluatie van de wet afwachten voordat ik een besluit neem.', 'in_overweging'),
    ('Het is aan een nieuw kabinet om hierover te beslissen.', 'in_overweging'),
    ('Het kabinet zal de haalbaarheid van deze aanbeveling onderzoeken.', 'in_overweging'),
    ('De aanbeveling richt zich tot de werkgevers. Ik heb haar onder de aandacht gebracht van de '
     'sociale partners.', 'onbepaald'),
    ('Deze aanbeveling is gericht aan de Nederlandse Zorgautoriteit, die haar zelf zal beoordelen.', 'onbepaald'),
    ('Het rapport bevat vijf aanbevelingen. Hieronder ga ik op elk ervan in.', 'onbepaald'),
    pytest.param('De commissie heeft veel mensen gesproken. Ik dank haar voor het werk.', 'onbepaald',
                 marks=KNOWN_GAP),
    ('Uit het onderzoek van de raad blijkt dat veel jongeren niet weten waar zij terecht kunnen met '
     'schulden. Ook gemeenten geven aan dat zij deze groep slecht bereiken. Ik ga daarom samen met '
     'de VNG een landelijk informatiepunt inrichten, zoals de raad voorstelt.', 'overgenomen'),
    ("De raad wijst op de risico's van verouderde IT-systemen bij de Belastingdienst. Die risico's "
     'zijn reëel. Het kabinet investeert daarom de komende jaren fors in de vernieuwing van deze '
     'systemen.', 'overgenomen'),
    ('De commissie constateert dat het toezicht op kinderopvang versnipperd is. Het kabinet herkent '
     'dit beeld en brengt het toezicht onder bij één inspectie.', 'overgenomen'),
    ('De aanbeveling om de Kamer jaarlijks te informeren over de voortgang, neem ik graag over.', 'overgenomen'),
    ('Dit wordt al gedaan: sinds 2022 ontvangt uw Kamer jaarlijks een voortgangsrapportage.', 'overgenomen'),
    ('Daar wordt al invulling aan gegeven via het programma Samen tegen armoede.', 'overgenomen'),
    ('Deze aanbeveling is in lijn met het bestaande beleid en wordt voortgezet.', 'overgenomen'),
    ('De raad stelt voor het aantal inspecties te verdubbelen. Hoewel dit extra capaciteit vraagt, '
     'ben ik het hiermee eens en zorg ik voor de benodigde formatie.', 'overgenomen'),
    ('Het kabinet kan zich vinden in deze aanbeveling.', 'overgenomen'),
    ('Ik kan mij goed vinden in het advies van de raad en zal het uitvoeren.', 'overgenomen'),
    ('De aanbeveling wordt door het kabinet niet overgenomen.', 'niet_overgenomen'),
    ('De raad adviseert een suikertaks in te voeren. Het kabinet is daar geen voorstander van, omdat '
     'het effect op de gezondheid onzeker is.', 'niet_overgenomen'),
    ('Ik acht het niet verstandig om nu het stelsel opnieuw te herzien, nu de vorige herziening nog '
     'maar net is ingevoerd.', 'niet_overgenomen'),
    ('De kosten van een dergelijk systeem zijn hoog en de baten onzeker. Ik zie daarom af van '
     'invoering.', 'niet_overgenomen'),
    ('Dit zou betekenen dat scholen opnieuw hun curriculum moeten aanpassen. Dat wil ik hen niet '
     'aandoen.', 'niet_overgenomen'),
    ('Het kabinet kan zich niet vinden in deze aanbeveling.', 'niet_overgenomen'),
    ('Ik neem deze aanbeveling niet over, omdat de huidige wet voldoende waarborgen biedt.', 'niet_overgenomen'),
    ('Een landelijk verbod op vuurwerk stuit op grote uitvoeringsbezwaren bij de politie. Het '
     'kabinet kiest daarom niet voor een verbod.', 'niet_overgenomen'),
    ('De aanbeveling om een nieuw agentschap op te richten, past niet bij het streven naar een '
     'kleinere overheid. Ik volg haar daarom niet op.', 'niet_overgenomen'),
    ('Het kabinet deelt de zorg van de raad over de betaalbaarheid van de zorg. De voorgestelde '
     'verhoging van het eigen risico vindt het kabinet echter niet aanvaardbaar.', 'deels_overgenomen'),
    ('Ik neem de aanbeveling gedeeltelijk over: de termijn gaat omlaag, maar niet tot de '
     'voorgestelde vier weken.', 'deels_overgenomen'),
    ('Het eerste deel van de aanbeveling neem ik over. Het tweede deel, een verbod op '
     'flitskredieten, neem ik niet over.', 'deels_overgenomen'),
    ('Het kabinet steunt de richting van het advies, maar kiest voor een andere uitwerking.', 'deels_overgenomen'),
    ('Met de raad vind ik dat de regeldruk omlaag moet. Een generieke schrapping van 25 procent van '
     'de regels acht ik echter niet verantwoord.', 'deels_overgenomen'),
    ('De aanbeveling is in beginsel sympathiek, maar de uitwerking vraagt nog nader onderzoek. Ik '
     'kom hierop terug in de voorjaarsbrief.', 'in_overweging'),
    ('Het kabinet zal de aanbeveling meenemen in de uitwerking van het coalitieakkoord.', 'in_overweging'),
    ('Over de invoering van een kilometerheffing beslist het volgende kabinet.', 'in_overweging'),
    ('Gezien de demissionaire status van het kabinet laat ik de besluitvorming hierover aan mijn '
     'opvolger.', 'in_overweging'),
    ("Ik wil eerst de resultaten van de pilot in drie regio's afwachten. Op basis daarvan besluit ik "
     'of een landelijke uitrol zinvol is.', 'in_overweging'),
    ('Ik heb de Gezondheidsraad gevraagd hierover te adviseren. Zodra dat advies er is, informeer ik '
     'uw Kamer over mijn standpunt.', 'in_overweging'),
    ('De verkenning naar de mogelijkheden hiervan loopt nog. Een besluit volgt na de zomer.', 'in_overweging'),
    ('Deze aanbeveling betreft de werkwijze van de politie en ligt op het terrein van de korpschef. '
     'Ik heb het rapport aan hem doorgestuurd.', 'onbepaald'),
    ('De aanbeveling is gericht aan de onderwijsinstellingen. Zij zijn zelf verantwoordelijk voor de '
     'inrichting van hun onderwijs.', 'onbepaald'),
    ('De raad richt deze aanbeveling tot de waterschappen. Ik heb de Unie van Waterschappen gevraagd '
     'hierop te reageren.', 'onbepaald'),
    ('In het rapport worden zeven aanbevelingen gedaan. De aanbevelingen hebben betrekking op de '
     'inrichting van het stelsel, de financiering en het toezicht.', 'onbepaald'),
    ('De raad gaat in zijn advies uitgebreid in op de historische ontwikkeling van het stelsel.', 'onbepaald'),
    ('De aanbeveling is gericht aan de gemeenten. Het is aan hen om te bepalen of zij een lokaal '
     'meldpunt inrichten.', 'onbepaald'),
    ('De aanbeveling richt zich tot de zorgverzekeraars. Ik heb de aanbeveling met Zorgverzekeraars '
     'Nederland besproken; zij nemen haar mee in hun inkoopbeleid.', 'onbepaald'),
    ('Deze aanbeveling is aan de sociale partners. Ik heb hen gevraagd hierop te reageren.', 'onbepaald'),
    ('De raad beveelt de provincies aan hun natuurbeleid beter af te stemmen. Het Interprovinciaal '
     'Overleg heeft laten weten de aanbeveling over te nemen.', 'onbepaald'),
    ('De aanbeveling over de tarieven is gericht aan de toezichthouder. De ACM heeft aangegeven haar '
     'werkwijze hierop aan te passen.', 'onbepaald'),
    ('De commissie heeft in haar rapport uitgebreid stilgestaan bij de positie van slachtoffers. Zij '
     'beveelt aan slachtoffers eerder te informeren.', 'onbepaald'),
    pytest.param('In de afgelopen jaren is het aantal meldingen sterk gestegen. De oorzaken daarvan zijn niet '
                 'eenduidig.', 'onbepaald', marks=KNOWN_GAP),
    ('Het advies gaat in op de vraag of de huidige wet nog voldoet. De raad concludeert dat dit op '
     'onderdelen niet het geval is.', 'onbepaald'),
    ('De aanbeveling hangt samen met aanbeveling 3.', 'onbepaald'),
    ('De Raad van State merkt op dat de toelichting niet ingaat op de gevolgen voor gemeenten.', 'onbepaald'),
    ('Ik neem de aanbeveling over, voor zover dit binnen de bestaande budgetten past.', 'overgenomen'),
    ('Onder voorbehoud van de uitkomst van de uitvoeringstoets neem ik de aanbeveling over.', 'overgenomen'),
    ('Het kabinet is voornemens de aanbeveling over te nemen, maar wil eerst de uitvoerbaarheid '
     'laten toetsen.', 'in_overweging'),
    ('Ik sluit niet uit dat een wettelijke regeling op termijn nodig is, maar zie daar op dit moment '
     'geen aanleiding toe.', 'niet_overgenomen'),
    ('Ik sta welwillend tegenover de aanbeveling en zal de mogelijkheden verkennen.', 'in_overweging'),
    ('Het kabinet ziet op dit moment geen ruimte om de aanbeveling uit te voeren.', 'niet_overgenomen'),
    ('Vooralsnog zie ik geen noodzaak voor aanvullende maatregelen.', 'niet_overgenomen'),
    ('Het kabinet zal deze aanbeveling niet uitvoeren.', 'niet_overgenomen'),
    ('Wij hebben besloten hier geen gevolg aan te geven.', 'niet_overgenomen'),
    ('Akkoord; dit nemen we over.', 'overgenomen'),
    ('Dat gaan we doen.', 'overgenomen'),
    ('Dat is al zo geregeld.', 'overgenomen'),
    ('Dit is al het geval.', 'overgenomen'),
    ('Dit gebeurt niet.', 'niet_overgenomen'),
    ('Dat doen we al.', 'overgenomen'),
    ('Daar ga ik voor zorgen.', 'overgenomen'),
    ('Dat zeg ik toe.', 'overgenomen'),
    ('Dat vinden wij niet nodig.', 'niet_overgenomen'),
    ('Dat gaat te ver.', 'niet_overgenomen'),
    ('Dat is niet nodig.', 'niet_overgenomen'),
    ('De bestaande wetgeving voorziet hier al in.', 'overgenomen'),
    ('Het beleid is hier sinds 2020 al op gericht.', 'overgenomen'),
    ('Het kabinet heeft hier in 2023 al een wetsvoorstel voor ingediend.', 'overgenomen'),
    ('Een verplichte certificering voor alle aanbieders vind ik een brug te ver.', 'niet_overgenomen'),
    ('Een volledig verbod schiet zijn doel voorbij.', 'niet_overgenomen'),
    ('Het opleggen van een boete aan elke overtreder is buiten proportie.', 'niet_overgenomen'),
    ('Dit legt een onevenredig grote last op kleine ondernemers; daarom neem ik de aanbeveling niet '
     'over.', 'niet_overgenomen'),
    ('Het is aan het nieuwe kabinet om hierover te besluiten.', 'in_overweging'),
    ('Gelet op de demissionaire status laat ik deze keuze aan een volgend kabinet.', 'in_overweging'),
    ('Dit is een vraagstuk voor de kabinetsformatie.', 'in_overweging'),
    ('Een besluit hierover is aan een volgend kabinet.', 'in_overweging'),
    ('Ik geef deze aanbeveling mee aan mijn ambtsopvolger.', 'in_overweging'),
]


PHRASING_TEXTS = [str(p.values[0]) if hasattr(p, "values") else p[0] for p in PHRASINGS]


@pytest.mark.parametrize(("text", "label"), PHRASINGS)
def test_general_phrasings(text: str, label: str) -> None:
    assert classify(text).standpunt == label


def test_an_act_where_no_cue_speaks_is_read_by_the_model_and_quoted() -> None:
    # an act the recommendation asked for adopts; the act is the sentence quoted, not the recommendation
    text = "De inspectie beveelt aan de meldcode aan te scherpen. De meldcode wordt per 1 juli aangescherpt."
    st = classify(text)
    assert st.standpunt == "overgenomen" and st.vertrouwen >= MODEL_THRESHOLD
    assert st.citaat == "De meldcode wordt per 1 juli aangescherpt."
    # next to a part kept as it is, the act is a part: the cues say so explicitly
    text = ("De inspectie beveelt aan de meldcodes aan te scherpen. De meldcode kindermishandeling wordt per "
            "1 juli aangescherpt. De andere meldcodes blijven ongewijzigd.")
    assert classify_raw(text).vertrouwen >= EXPLICIT and classify(text).standpunt == "deels_overgenomen"
    # a step further argued against, or something not asked refused, leaves the act asked an adoption
    for text in ("De inspectie beveelt aan de meldcode aan te scherpen. De meldcode wordt per 1 juli aangescherpt. "
                 "Een verdere aanscherping zou de meldingsbereidheid schaden.",
                 "De inspectie beveelt aan de meldcode aan te scherpen. De meldcode wordt per 1 juli aangescherpt. "
                 "Een meldplicht voor burgers komt er niet."):
        st = classify(text)
        assert st.standpunt == "overgenomen" and st.citaat == sentences(text)[1], text
    # what is only described or sent is no act
    for text in ("Momenteel wordt de capaciteit per kwartaal vastgesteld.",
                 "Ik informeer uw Kamer voor 1 juli over de voortgang.",
                 "Gemeenten kunnen per 1 januari zelf een vergunningplicht invoeren."):
        assert classify_raw(text).citaat is None, text


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


@pytest.mark.parametrize(("text", "label", "reeds"), [
    ("Ik neem deze aanbeveling niet over, omdat de inspecteurs de komende jaren al volledig worden ingezet "
     "voor de controle op de havens.", "niet_overgenomen", False),
    ("De aanbeveling volgen wij niet, aangezien het nieuwe register reeds in 2025 is ingevoerd.", "niet_overgenomen",
     False),
    ("Het kabinet neemt deze aanbeveling over, want het programma loopt al sinds 2023 en werkt goed.", "overgenomen",
     True),
])
def test_a_reason_after_the_decision_is_no_second_decision(text: str, label: str, reeds: bool) -> None:
    """What a reason clause says ("omdat ... al volledig wordt ingezet") does not turn an explicit decision
    into a mixed one; a rejection's reason is not read as work already under way, an adoption's may be."""
    st = classify(text)
    assert (st.standpunt, st.citaat, st.reeds_in_gang) == (label, text, reeds)


@pytest.mark.parametrize("text", [
    "Ik deel de zorg van de Raad over de lange wachtlijsten. Ik ga met de zorgverzekeraars in overleg over "
    "kortere termijnen, maar ik stel geen wettelijke maximumtermijn vast.",
    "Het kabinet onderschrijft het doel van de aanbeveling. Wij starten een proef in drie regio's, maar wij "
    "voeren de verplichting niet landelijk in.",
])
def test_the_aim_shared_an_act_done_but_the_asked_means_refused_is_partial(text: str) -> None:
    """'..., maar ik [doe] geen/niet [het gevraagde]' next to a shared aim or concern is no adoption."""
    assert classify(text).standpunt == "deels_overgenomen"


def test_a_refusal_after_but_without_a_shared_aim_does_not_count_as_a_means() -> None:
    text = "Ik neem deze aanbeveling over, maar ik verwacht geen snelle resultaten."
    assert classify(text).standpunt != "niet_overgenomen"


def test_per_text_caches_serve_one_letter() -> None:
    """The sentence splits and model probabilities kept while a letter is read are dropped when the next
    letter's parse begins: a response of letter A is cached after A is read, and no longer after B."""
    from kamerbrief import stance, stance_model
    from kamerbrief.parse import parse_file

    samples = Path(__file__).resolve().parent.parent / "samples"
    a, b = samples / "bzk-reactie-geciteerde-aanbevelingen.md", samples / "bzk-reactie-raad-beveelt-aan.txt"

    def cached(text: str) -> tuple[bool, bool]:
        """Whether each cache holds the text: its lookup is a hit. A miss adds the text, so each text is asked
        about once."""
        out = []
        for fn in (stance._sentence_spans, stance_model._probabilities):
            hits = fn.cache_info().hits
            fn(text)
            out.append(fn.cache_info().hits > hits)
        return out[0], out[1]

    reacties = [x["reactie"] for x in parse_file(a).record["aanbevelingen"]]
    others = {x["reactie"] for x in parse_file(b).record["aanbevelingen"]}
    own = [r for r in reacties if r not in others]
    assert own  # A has a response that B does not share (else this test could not tell)
    parse_file(a)
    held = [cached(r) for r in own]
    assert any(split for split, _ in held) and any(model for _, model in held)  # A's texts are kept while A is read
    parse_file(b)
    assert [cached(r) for r in own] == [(False, False)] * len(own)  # and dropped when B's parse begins
