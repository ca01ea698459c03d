"""Parse speed: median in-process time per letter, and the cold `kamerbrief parse` wall time.

    python benchmarks/bench_parse.py [--repeat 20] [--cold 10]

Letters: samples/ (markdown and text) and, when present, ../shared/corpus/*.md and *.txt.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def letters() -> list[Path]:
    found = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".md", ".txt"))
    if CORPUS.is_dir():
        found += sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt") and p.name[0].islower())
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cold", type=int, default=10)
    args = ap.parse_args()

    import kamerbrief

    files = letters()
    kamerbrief.parse_file(files[0])  # warm: schema validator built once per process
    per_letter: list[float] = []
    for path in files:
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            kamerbrief.parse_file(path)
            times.append(time.perf_counter() - t0)
        per_letter.append(statistics.median(times))
    sample = ROOT / "samples" / "ienw-reactie-advies-fietsparkeren.md"
    cold = []
    for _ in range(args.cold):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kamerbrief", "parse", str(sample)], check=True,
                       stdout=subprocess.DEVNULL)
        cold.append(time.perf_counter() - t0)
    print(f"letters: {len(files)} (samples + corpus .md/.txt)")
    print(f"in-process parse, median per letter: {statistics.median(per_letter) * 1000:.2f} ms "
          f"(max {max(per_letter) * 1000:.2f} ms)")
    print(f"cold `python -m kamerbrief parse` wall, median of {args.cold}: {statistics.median(cold) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
