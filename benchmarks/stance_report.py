"""Stance on the labelled sets: accuracy, per-label precision/recall, the confusion matrix, the quoted sentence.

    python benchmarks/stance_report.py [--errors] [--cues-only]

The sets (tests/data/standpunten*.yaml) are passages written for the project, most of them by writers who
never saw the classifier. Since the blind5 round the stance is the cues of `kamerbrief.stance` together with
a learned model (`kamerbrief.stance_model`, trained by tools/train_stance.py), and the sets fall in two:

- trained on: standpunten, heldout, fresh, blind2, blind3, blind6, blind8 and blind5's even ids. Their
  figures are fitted: they show that training took, not how the classifier does on new text.
- never trained on: blind5's odd ids and blind7 (the round's design choices were checked on them, so they
  are development sets now), and blind9, written after the design was frozen and scored once: the figure
  that counts. `python tools/train_stance.py --check` gives the other honest figure: each set read by a
  model trained without it.

`--cues-only` reads every set with the cues alone (`classify_raw` and its threshold, as before the model).
`--errors` lists the misread passages of the sets trained on; never a passage of a set counted only.
Sets in four labels count `in_overweging` as `onbepaald` and `deels` as `deels_overgenomen`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamerbrief import stance  # noqa: E402

DATA = ROOT / "tests" / "data"
LABELS = (stance.OVER, stance.DEELS, stance.NIET, stance.OVERWEGING, stance.ONBEPAALD)
LABELS4 = (stance.OVER, stance.DEELS, stance.NIET, stance.ONBEPAALD)
SHORT = {stance.OVER: "over", stance.DEELS: "deels", stance.NIET: "niet", stance.OVERWEGING: "overw",
         stance.ONBEPAALD: "onbep"}


def load(name: str) -> list[dict[str, Any]]:
    cases = list(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    return [{**c, "standpunt": stance.DEELS if c["standpunt"] == "deels" else c["standpunt"]} for c in cases]


def odd(case: dict[str, Any]) -> bool:
    return int(str(case["id"])[1:]) % 2 == 1


def sets() -> dict[str, tuple[list[dict[str, Any]], bool]]:
    """name -> (passages, trained on)."""
    blind5 = load("standpunten-blind5.yaml")
    out = {name: (load(f"standpunten{suffix}.yaml"), True)
           for name, suffix in (("standpunten", ""), ("heldout", "-heldout"), ("fresh", "-fresh"),
                                ("blind2", "-blind2"), ("blind3", "-blind3"), ("blind6", "-blind6"),
                                ("blind8", "-blind8"))}
    out["blind5 even ids"] = ([c for c in blind5 if not odd(c)], True)
    out["blind5 odd ids (held out)"] = ([c for c in blind5 if odd(c)], False)
    out["blind7 (never trained on)"] = (load("standpunten-blind7.yaml"), False)
    out["blind9 (never trained on, scored once)"] = (load("standpunten-blind9.yaml"), False)
    return out


def cues_only(text: str) -> stance.Stance:
    st = stance.classify_raw(text)
    if st.standpunt != stance.ONBEPAALD and st.vertrouwen < stance.THRESHOLD:
        return stance.Stance(stance.ONBEPAALD, st.citaat, st.vertrouwen, st.reeds_in_gang)
    return st


def report(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> str:
    """Accuracy, per-label precision/recall and the confusion matrix (rows gold, columns predicted)."""
    n = len(pairs)
    right = sum(1 for want, got in pairs if want == got)
    rejected_as_adopted = sum(1 for want, got in pairs if want == stance.NIET and got == stance.OVER)
    lines = [f"accuracy {right}/{n} = {right / n:.1%}",
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
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the misread passages of the sets trained on")
    ap.add_argument("--cues-only", action="store_true", help="the cues alone, as before the model")
    args = ap.parse_args()
    read: Callable[[str], stance.Stance] = cues_only if args.cues_only else stance.classify
    for name, (cases, trained) in sets().items():
        five = any(c["standpunt"] == stance.OVERWEGING for c in cases)
        labels = LABELS if five else LABELS4
        results = [read(c["tekst"]) for c in cases]

        def label(st: stance.Stance, five: bool = five) -> str:
            return st.standpunt if five or st.standpunt != stance.OVERWEGING else stance.ONBEPAALD

        pairs = [(c["standpunt"], label(st)) for c, st in zip(cases, results, strict=True)]
        print(f"== {name} ({'trained on' if trained else 'counted only'})\n{report(pairs, labels)}")
        if all("citaat" in c for c in cases):
            exact = sum(1 for c, st in zip(cases, results, strict=True) if st.citaat == c["citaat"])
            print(f"  standpunt_citaat is the sentence the writer named: {exact}/{len(cases)}")
        if args.errors and trained:
            for c, st in zip(cases, results, strict=True):
                if label(st) != c["standpunt"]:
                    print(f"  [{c.get('id', '')}] want {c['standpunt']} got {st.standpunt} ({st.vertrouwen})\n"
                          f"      {c['tekst']}\n      citaat: {st.citaat}")


if __name__ == "__main__":
    main()
