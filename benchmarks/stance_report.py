"""Stance classifier on the labelled sets: accuracy, per-label precision/recall and the confusion matrix.

    python benchmarks/stance_report.py [--errors] [--confidence]

Sets: tests/data/standpunten.yaml and standpunten-heldout.yaml (used to tune the lexicon), and the fresh
blind set standpunten-fresh.yaml split deterministically into dev (even indices) and test (odd indices).
Tuning looks at dev only: `--errors` lists the misread dev passages and never prints a test passage.
`--confidence` shows, on dev, how accuracy depends on `standpunt_vertrouwen` (the raw score is used, before
the threshold turns low-confidence labels into `onbepaald`).
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


def sets() -> dict[str, list[dict[str, str]]]:
    fresh = load("standpunten-fresh.yaml")
    return {
        "tuned (standpunten.yaml)": load("standpunten.yaml"),
        "heldout (standpunten-heldout.yaml)": load("standpunten-heldout.yaml"),
        "fresh dev (even)": fresh[0::2],
        "fresh test (odd)": fresh[1::2],
        "fresh all": fresh,
    }


def report(pairs: list[tuple[str, str]]) -> str:
    """Accuracy, per-label precision/recall and the confusion matrix (rows gold, columns predicted)."""
    n = len(pairs)
    right = sum(1 for want, got in pairs if want == got)
    lines = [f"accuracy {right}/{n} = {right / n:.1%}" if n else "empty"]
    for label in LABELS:
        tp = sum(1 for want, got in pairs if want == got == label)
        said = sum(1 for _, got in pairs if got == label)
        real = sum(1 for want, _ in pairs if want == label)
        p = f"{tp / said:.2f}" if said else "  - "
        r = f"{tp / real:.2f}" if real else "  - "
        lines.append(f"  {label:18} precision {p} ({tp}/{said})  recall {r} ({tp}/{real})")
    lines.append("  gold \\ got  " + " ".join(f"{SHORT[lab]:>6}" for lab in LABELS))
    for want in LABELS:
        row = [sum(1 for w, g in pairs if w == want and g == got) for got in LABELS]
        lines.append(f"  {SHORT[want]:11} " + " ".join(f"{c:6}" for c in row))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="list the misread fresh dev passages")
    ap.add_argument("--confidence", action="store_true", help="accuracy by confidence on fresh dev")
    args = ap.parse_args()
    all_sets = sets()
    for name, cases in all_sets.items():
        pairs = [(c["standpunt"], stance.classify(c["tekst"]).standpunt) for c in cases]
        print(f"== {name}\n{report(pairs)}")
    if args.errors:
        print("== fresh dev errors")
        for i, c in enumerate(all_sets["fresh dev (even)"]):
            st = stance.classify(c["tekst"])
            if st.standpunt != c["standpunt"]:
                print(f"[{2 * i}] want {c['standpunt']} got {st.standpunt} ({st.vertrouwen}) {c['stijl']}\n"
                      f"    {c['tekst']}\n    citaat: {st.citaat}")
    if args.confidence:
        raw = [(c["standpunt"], stance.classify_raw(c["tekst"])) for c in all_sets["fresh dev (even)"]]
        print("== fresh dev: accuracy of the raw label by confidence")
        for lo, hi in ((0.0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01)):
            band = [(w, st) for w, st in raw if lo <= st.vertrouwen < hi and st.standpunt != stance.ONBEPAALD]
            ok = sum(1 for w, st in band if w == st.standpunt)
            print(f"  [{lo:.1f}, {hi:.1f}) {ok}/{len(band)}" + (f" = {ok / len(band):.0%}" if band else ""))


if __name__ == "__main__":
    main()
