"""Stance speed: median and minimum CPU time per `classify` call on long responses (issue 13).

    python benchmarks/bench_stance.py [--size 20000] [--repeat 15] [--before REV]

A response of about --size characters is built from the labelled passages in tests/data/ (all sets, in
file order, repeated). Timed: the keyword prefilter (the hot path), every cue on every sentence
(`prefilter=False`, how cues ran before), and with --before REV the classifier as it was at that git
revision (e.g. 7be7f54, before issue 12), loaded from `git show`.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamerbrief import stance  # noqa: E402


def response(size: int) -> str:
    texts = [c["tekst"] for name in ("standpunten.yaml", "standpunten-heldout.yaml", "standpunten-fresh.yaml")
             for c in yaml.safe_load((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))]
    out: list[str] = []
    length = 0
    while length < size:
        for t in texts:
            out.append(t)
            length += len(t) + 2
            if length >= size:
                break
    return "\n\n".join(out)


def timings(fns: dict[str, Callable[[str], object]], text: str, repeat: int) -> dict[str, tuple[float, float]]:
    """(median, min) CPU milliseconds per call (process time, so other work on a shared machine counts
    less); the variants interleave, so what remains of the noise hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():
        fn(text)
    for _ in range(repeat):
        for name, fn in fns.items():
            stance.forget()  # each call reads the response afresh, as a new letter is read
            t = time.process_time()
            fn(text)
            times[name].append(time.process_time() - t)
    return {name: (statistics.median(ts) * 1000, min(ts) * 1000) for name, ts in times.items()}


def old_classifier(rev: str) -> Callable[[str], object]:
    source = subprocess.run(["git", "show", f"{rev}:kamerbrief/stance.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "stance_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("stance_before", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["stance_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.classify  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--before", help="git revision of the classifier to compare with")
    args = ap.parse_args()
    fns: dict[str, Callable[[str], object]] = {}
    if args.before:
        fns[f"{args.before} (before)"] = old_classifier(args.before)
    fns["every cue on every sentence"] = lambda t: stance.classify_raw(t, prefilter=False)
    fns["keyword prefilter (classify)"] = stance.classify
    for size in sorted({2000, args.size}):
        text = response(size)
        n = len(stance.sentences(text))
        print(f"response of {len(text)} characters, {n} sentences, {len(stance.CUES)} cues: median / min ms per call")
        for name, (med, low) in timings(fns, text, args.repeat).items():
            print(f"  {name:30} {med:8.1f} {low:8.1f}")

if __name__ == "__main__":
    main()
