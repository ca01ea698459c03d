"""Stance classifier on the labelled sets: accuracy, per-label precision/recall and the confusion matrix.

    python benchmarks/stance_report.py [--errors] [--confidence]

Sets: tests/data/standpunten.yaml and standpunten-heldout.yaml (used to tune the lexicon), the fresh
blind set standpunten-fresh.yaml split deterministically into dev (even indices) and test (odd indices),
and the second blind set standpunten-blind2.yaml (written by someone who never saw the classifier), split
by id into tune (even ids) and held-out (odd ids). Tuning looks at dev and tune only: `--errors` lists
the misread fresh-dev and blind2-tune passages and never prints a test or held-out passage.
`--confidence` shows, on those halves, how accuracy depends on `standpunt_vertrouwen` (the raw score is
used, before the threshold turns low-confidence labels into `onbepaald`).

blind2 has four labels: `deels` (read as `deels_overgenomen`) and `onbepaald`, which also covers what the
classifier calls `in_overweging` (research pending, a later decision, the next cabinet); on blind2 a
predicted `in_overweging` is therefore counted as `onbepaald`. blind2 also gives the deciding sentence
(`citaat`): the report counts how often `standpunt_citaat` is exactly that sentence.

The third blind set standpunten-blind3.yaml (208 passages, same four labels and `citaat`, written by someone
who never saw the classifier) is the training set of its round, whole: `--errors` lists its misread
passages too. From then on the fresh test half and the blind2 held-out half are the test sets.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamerbrief import stance  # noqa: E402

DATA = ROOT / "tests" / "data"
LABELS = (stance.OVER, stance.DEELS, stance.NIET, stance.OVERWEGING, stance.ONBEPAALD)
SHORT = {stance.OVER: "over", stance.DEELS: "deels", stance.NIET: "niet", stance.OVERWEGING: "overw",
         stance.ONBEPAALD: "onbep"}


def load(name: str) -> list[dict[str, str]]:
    return list(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))


BLIND2 = "blind2"
BLIND3 = "blind3"
FOUR = (BLIND2, BLIND3)  # the sets in four labels (`deels`; `onbepaald` also for `in_overweging`)
LABELS4 = (stance.OVER, stance.DEELS, stance.NIET, stance.ONBEPAALD)


def four(name: str) -> list[dict[str, str]]:
    """A four-label blind set, its gold labels in the classifier's names (`deels` -> `deels_overgenomen`)."""
    return [{**c, "standpunt": stance.DEELS if c["standpunt"] == "deels" else c["standpunt"]}
            for c in load(name)]


def blind2() -> list[dict[str, str]]:
    """The second blind set, in the classifier's names."""
    return four("standpunten-blind2.yaml")


def blind3() -> list[dict[str, str]]:
    """The third blind set (the training set of its round), in the classifier's names."""
    return four("standpunten-blind3.yaml")


def blind2_halves() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(tune, held-out): even ids are tuned on, odd ids are only ever counted."""
    cases = blind2()
    return ([c for c in cases if int(c["id"][1:]) % 2 == 0], [c for c in cases if int(c["id"][1:]) % 2 == 1])


def sets() -> dict[str, list[dict[str, str]]]:
    fresh = load("standpunten-fresh.yaml")
    tune, held = blind2_halves()
    return {
        "tuned (standpunten.yaml)": load("standpunten.yaml"),
        "heldout (standpunten-heldout.yaml)": load("standpunten-heldout.yaml"),
        "fresh dev (even)": fresh[0::2],
        "fresh test (odd)": fresh[1::2],
        "fresh all": fresh,
        f"{BLIND2} tune (even ids)": tune,
        f"{BLIND2} held-out (odd ids)": held,
        f"{BLIND2} all": tune + held,
        f"{BLIND3} (training)": blind3(),
    }


def predict(name: str, text: str) -> str:
    """The label as the set counts it: blind2 and blind3 have no `in_overweging`, only `onbepaald`."""
    got = stance.classify(text).standpunt
    return stance.ONBEPAALD if name.startswith(FOUR) and got == stance.OVERWEGING else got


def report(pairs: list[tuple[str, str]], labels: tuple[str, ...] = LABELS) -> str:
    """Accuracy, per-label precision/recall and the confusion matrix (rows gold, columns predicted)."""
    n = len(pairs)
    right = sum(1 for want, got in pairs if want == got)
    rejected_as_adopted = sum(1 for want, got in pairs if want == stance.NIET and got == stance.OVER)
    lines = [f"accuracy {right}/{n} = {right / n:.1%}" if n else "empty",
             f"  rejecting passages read as overgenomen: {rejected_as_adopted}"]
    for label in labels:
        tp = sum(1 for want, got in pairs if want == got == label)
        said = sum(1 for _, got in pairs if got == label)
        real = sum(1 for want, _ in pairs if want == label)
        p = f"{tp / said:.2f}" if said else "  - "
        r = f"{tp / real:.2f}" if real else "  - "
        lines.append(f"  {label:18} precision {p} ({tp}/{said})  recall {r} ({tp}/{real})")
    lines.append("  gold \\ got  " + " ".join(f"{SHORT[lab]:>6}" for lab in labels))
    for want in labels:
        row = [sum(1 for w, g in pairs if w == want and g == got) for got in labels]
        lines.append(f"  {SHORT[want]:11} " + " ".join(f"{c:6}" for c in row))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="list the misread training passages")
    ap.add_argument("--confidence", action="store_true", help="accuracy by confidence on fresh dev")
    args = ap.parse_args()
    all_sets = sets()
    for name, cases in all_sets.items():
        pairs = [(c["standpunt"], predict(name, c["tekst"])) for c in cases]
        print(f"== {name}\n{report(pairs, LABELS4 if name.startswith(FOUR) else LABELS)}")
        if name.startswith(FOUR):
            print(citaat_report(cases))
    if args.errors:
        print("== fresh dev errors")
        for i, c in enumerate(all_sets["fresh dev (even)"]):
            st = stance.classify(c["tekst"])
            if st.standpunt != c["standpunt"]:
                print(f"[{2 * i}] want {c['standpunt']} got {st.standpunt} ({st.vertrouwen}) {c['stijl']}\n"
                      f"    {c['tekst']}\n    citaat: {st.citaat}")
        for name in (f"{BLIND2} tune (even ids)", f"{BLIND3} (training)"):
            errors(name, all_sets[name])
    if args.confidence:
        # the tuned halves are all but fitted, so the cut is read off the halves not tuned on (counted only)
        for name in ("fresh dev (even)", f"{BLIND2} tune (even ids)", f"{BLIND3} (training)", "fresh test (odd)",
                     f"{BLIND2} held-out (odd ids)"):
            confidence_report(name, all_sets[name])


def errors(name: str, cases: list[dict[str, str]]) -> None:
    """The misread passages of a training half (label or quoted sentence)."""
    print(f"== {name} errors")
    for c in cases:
        st = stance.classify(c["tekst"])
        got = predict(name, c["tekst"])
        if got != c["standpunt"] or st.citaat != c["citaat"]:
            what = "citaat only" if got == c["standpunt"] else f"want {c['standpunt']} got {got}"
            print(f"[{c['id']}] {what} ({st.vertrouwen}) {c['stijl']}\n    {c['tekst']}\n"
                  f"    gold citaat: {c['citaat']}\n    citaat:      {st.citaat}")


def citaat_report(cases: list[dict[str, str]]) -> str:
    """How often `standpunt_citaat` is the sentence the set names as deciding (exactly, or one holds the
    other: the set sometimes quotes a clause, the classifier always a whole sentence)."""
    quoted = [(c["citaat"], stance.classify(c["tekst"]).citaat) for c in cases]
    exact = sum(1 for want, got in quoted if got == want)
    overlap = sum(1 for want, got in quoted if got and (want in got or got in want))
    none = sum(1 for _, got in quoted if not got)
    return (f"  citaat: exact {exact}/{len(cases)}, one holds the other {overlap}/{len(cases)}, "
            f"none quoted {none}")


def confidence_report(name: str, cases: list[dict[str, str]]) -> None:
    """Accuracy of the raw label by confidence band, and of the thresholded label at each cut."""
    raw = []
    for c in cases:
        st = stance.classify_raw(c["tekst"])
        got = stance.ONBEPAALD if name.startswith(FOUR) and st.standpunt == stance.OVERWEGING else st.standpunt
        raw.append((c["standpunt"], got, st.vertrouwen))
    print(f"== {name}: accuracy of the raw label by confidence")
    for lo, hi in ((0.0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01)):
        band = [(w, g) for w, g, v in raw if lo <= v < hi and g != stance.ONBEPAALD]
        if not band:
            continue
        ok = sum(1 for w, g in band if w == g)
        print(f"  [{lo:.1f}, {hi:.1f}) {ok}/{len(band)}" + (f" = {ok / len(band):.0%}" if band else ""))
    print(f"== {name}: a cut at t says onbepaald below t (coverage = passages given a label)")
    for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        said = [(w, g if v >= t else stance.ONBEPAALD) for w, g, v in raw]
        over = sum(1 for w, g in said if w == stance.NIET and g == stance.OVER)
        labelled = [(w, g) for w, g in said if g != stance.ONBEPAALD]
        right = sum(1 for w, g in said if w == g)
        right_lab = sum(1 for w, g in labelled if w == g)
        print(f"  t={t:.1f} accuracy {right}/{len(said)} = {right / len(said):.1%}  coverage "
              f"{len(labelled)}/{len(said)}  right when labelled {right_lab}/{len(labelled)}"
              + (f" = {right_lab / len(labelled):.0%}" if labelled else "") + f"  rejecting as overgenomen {over}")


if __name__ == "__main__":
    main()
