"""Train the stance model: word uni- and bigrams (tf-idf) and a logistic regression, over the labelled sets.

    pip install scikit-learn     # only here: kamerbrief itself reads the model in plain Python
    python tools/train_stance.py [--check]

Writes kamerbrief/data/stance-model.json: the classes, the intercepts and, per term, its idf and one
weight per class, with the SHA-256 of every set it was trained on (tests/test_stance.py checks those
against tests/data, so a set changed without retraining fails). `kamerbrief.stance_model` reads the
file and computes the same probabilities as scikit-learn (this script checks that on every passage).

What is trained on, and what is never trained on:
- the sets in TRAIN, whole: the tuned and held-out sets of earlier rounds and the blind sets written for
  training (all in four labels: `deels` is `deels_overgenomen`, `in_overweging` counts as `onbepaald`);
- the fifth blind set (standpunten-blind5.yaml) only by its even ids; its odd ids are held out. The model
  file lists the ids of that set it was trained on (`trained_ids`), and a test holds that none is odd;
- never: the sets in NEVER (blind7, blind9), counted only.
`--check` writes nothing. It prints the held-out figure, leave-one-set-out accuracy of the model alone and
of the classifier as kamerbrief runs it (the cues and a model trained without that set: the figure for
language written by someone else), and how often the model's label is right by its probability.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
from array import array
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamerbrief import stance_model  # noqa: E402

DATA = ROOT / "tests" / "data"
MODEL = ROOT / "kamerbrief" / "data" / "stance-model.json"
TRAIN = ("standpunten.yaml", "standpunten-heldout.yaml", "standpunten-fresh.yaml", "standpunten-blind2.yaml",
         "standpunten-blind3.yaml", "standpunten-blind6.yaml", "standpunten-blind8.yaml")
HALVED = "standpunten-blind5.yaml"  # even ids trained on, odd ids held out
NEVER = ("standpunten-blind7.yaml", "standpunten-blind9.yaml")  # counted only, never trained on
C = 16.0  # inverse regularisation: leave-one-set-out accuracy is flat from 8 to 32
BANDS = (0.8, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.0)
MIN_DF = 2  # a term seen in one passage only is that passage's, not the language's


def four(label: str) -> str:
    return {"deels": "deels_overgenomen", "in_overweging": "onbepaald"}.get(label, label)


def load(name: str) -> list[dict[str, Any]]:
    return [c for c in yaml.safe_load((DATA / name).read_text(encoding="utf-8")) if c.get("tekst")]


def held_out(case: dict[str, Any]) -> bool:
    return int(str(case["id"])[1:]) % 2 == 1


def training_sets() -> dict[str, list[tuple[str, str]]]:
    missing = [name for name in (*TRAIN, HALVED) if not (DATA / name).exists()]
    if missing:
        sys.exit(f"labelled sets missing from {DATA}: {', '.join(missing)}")
    sets = {name: [(c["tekst"], four(c["standpunt"])) for c in load(name)] for name in TRAIN}
    sets[HALVED] = [(c["tekst"], four(c["standpunt"])) for c in load(HALVED) if not held_out(c)]
    return sets


def fit(pairs: list[tuple[str, str]]) -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=MIN_DF, token_pattern=stance_model.TOKEN)
    x = vec.fit_transform([t for t, _ in pairs])
    model = LogisticRegression(C=C, max_iter=10000, class_weight="balanced").fit(x, [lab for _, lab in pairs])
    return vec, model


def export(vec: Any, model: Any, trained_on: dict[str, str]) -> dict[str, Any]:
    """The model as JSON: the terms as one string, one per line, and per term its idf and one weight per
    class as little-endian float32 in one base64 string (a JSON list of 25,000 floats takes ten times longer
    to load than the whole letter takes to parse)."""
    classes = [str(c) for c in model.classes_]
    terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    rows = array("f")
    for i in range(len(terms)):
        rows.append(float(vec.idf_[i]))
        rows.extend(float(w) for w in model.coef_[:, i])
    if sys.byteorder != "little":
        rows.byteswap()
    return {"format": 2, "classes": classes, "intercept": [float(b) for b in model.intercept_],
            "ngram": [1, 2], "sublinear_tf": True, "trained_on": trained_on, "terms": "\n".join(terms),
            "weights": base64.b64encode(rows.tobytes()).decode("ascii")}


def _as_kamerbrief(text: str, vec: Any, model: Any) -> str:
    """`stance.classify`'s label (four labels) with this model in place of the shipped one."""
    from kamerbrief import stance

    classes = [str(c) for c in model.classes_]
    shipped = stance_model.probabilities
    stance_model.probabilities = lambda t: dict(zip(classes, map(float, model.predict_proba(vec.transform([t]))[0]),
                                                    strict=True))
    try:
        return four(stance.classify(text).standpunt)
    finally:
        stance_model.probabilities = shipped


def accuracy(predict: Any, pairs: list[tuple[str, str]]) -> float:
    return sum(predict(t) == lab for t, lab in pairs) / len(pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="print held-out and leave-one-set-out figures only")
    args = ap.parse_args()
    sets = training_sets()
    held = [(c["tekst"], four(c["standpunt"])) for c in load(HALVED) if held_out(c)]
    pairs = [p for s in sets.values() for p in s]
    vec, model = fit(pairs)

    def sk_predict(text: str) -> str:
        return str(model.predict(vec.transform([text]))[0])

    print(f"trained on {len(pairs)} passages, {len(vec.vocabulary_)} terms; "
          f"held-out half of {HALVED}: {accuracy(sk_predict, held):.3f} on {len(held)}")
    if args.check:
        together = [0, 0, 0]  # right, passages, rejections read as adoptions
        bands: dict[float, list[bool]] = {}
        undecided: dict[float, list[bool]] = {}  # how often `onbepaald` would be right instead
        for name in sets:
            rest = [p for other, s in sets.items() if other != name for p in s]
            v, m = fit(rest)
            got = accuracy(lambda t, v=v, m=m: str(m.predict(v.transform([t]))[0]), sets[name])
            combined = accuracy(lambda t, v=v, m=m: _as_kamerbrief(t, v, m), sets[name])
            adopted = sum(1 for t, lab in sets[name] if lab == "niet_overgenomen" and _as_kamerbrief(t, v, m) ==
                          "overgenomen")
            print(f"  leave out {name:28} model {got:.3f}, cues and model {combined:.3f} on {len(sets[name])}; "
                  f"rejections read as adoptions {adopted}")
            together = [together[0] + round(combined * len(sets[name])), together[1] + len(sets[name]),
                        together[2] + adopted]
            for (_, label), p in zip(sets[name], m.predict_proba(v.transform([t for t, _ in sets[name]])),
                                        strict=True):
                band = next(b for b in BANDS if p.max() >= b)
                bands.setdefault(band, []).append(str(m.classes_[p.argmax()]) == label)
                undecided.setdefault(band, []).append(label == "onbepaald")
        print(f"  all sets, cues and model: {together[0]}/{together[1]} = {together[0] / together[1]:.1%}, "
              f"rejections read as adoptions {together[2]}")
        print("  the model's probability on passages it was not trained on (leave one set out), and how often "
              "its label is right there:")
        for band in BANDS:
            right = bands.get(band, [])
            instead = undecided.get(band, [])
            print(f"    >= {band:.2f}: {sum(right)}/{len(right)} right; "
                  f"`onbepaald` would be {sum(instead)}/{len(instead)}")
        return
    trained_on = {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in [*sets]}
    doc = export(vec, model, trained_on)
    doc["trained_ids"] = {HALVED: [str(c["id"]) for c in load(HALVED) if not held_out(c)]}
    MODEL.parent.mkdir(exist_ok=True)
    tmp = MODEL.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(MODEL)
    stance_model.load.cache_clear()
    stance_model._probabilities.cache_clear()
    # the plain-Python reading must give scikit-learn's probabilities (rounded weights: to 1e-4)
    worst = 0.0
    for text, _ in [*pairs, *held]:
        ours = stance_model.probabilities(text)
        theirs = model.predict_proba(vec.transform([text]))[0]
        worst = max(worst, *(abs(ours[c] - float(p)) for c, p in zip(model.classes_, theirs, strict=True)))
    print(f"wrote {MODEL.relative_to(ROOT)} ({MODEL.stat().st_size // 1024} KB); largest difference from "
          f"scikit-learn's probabilities {worst:.1e}")
    if worst > 1e-4:
        sys.exit("the plain-Python model disagrees with scikit-learn")


if __name__ == "__main__":
    main()
