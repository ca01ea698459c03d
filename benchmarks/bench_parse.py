"""Parse speed: median in-process time per letter, and the cold `kamerbrief parse` wall time.

    python benchmarks/bench_parse.py [--repeat 20] [--cold 10]
    python benchmarks/bench_parse.py --tree before=/path/to/old/tree --tree after=. [--rounds 5]

Letters: samples/ (markdown and text) and, when present, ../shared/corpus/*.md and *.txt.

With --tree, the same letters (this checkout's samples that every tree also holds, and the corpus
letters) are parsed in process by each source tree (PYTHONPATH=PATH) in turn, --rounds times
alternated, so a before/after comparison on a busy machine sees the same load; the median per letter
(wall and CPU time) of each tree is printed, with the ratio after/before.
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


# one tree's run: the median wall and CPU time per letter over the letters given, as JSON
ONE_TREE = r"""
import json, statistics, sys, time
import kamerbrief
files, repeat = sys.argv[2:], int(sys.argv[1])
kamerbrief.parse_file(files[0])
wall, cpu = [], []
for path in files:
    w, c = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        kamerbrief.parse_file(path)
        w.append(time.perf_counter() - t0)
        c.append(time.process_time() - c0)
    wall.append(statistics.median(w))
    cpu.append(statistics.median(c))
print(json.dumps({"wall": statistics.median(wall), "cpu": statistics.median(cpu), "file": kamerbrief.__file__}))
"""


def compare_trees(trees: list[str], repeat: int, rounds: int) -> None:
    import json
    import os

    named = [t.split("=", 1) for t in trees]
    files = [p for p in letters() if p.parent != ROOT / "samples"
             or all((Path(path) / "samples" / p.name).exists() for _, path in named)]
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in named}
    for _ in range(rounds):
        for label, path in named:
            env = {**os.environ, "PYTHONPATH": str(Path(path).resolve())}
            out = subprocess.run([sys.executable, "-c", ONE_TREE, str(repeat), *map(str, files)], env=env,
                                 capture_output=True, text=True, check=True, cwd=Path(path).resolve().parent).stdout
            runs[label].append(json.loads(out))
    print(f"letters: {len(files)}; {rounds} alternated rounds of {repeat} parses per letter; "
          f"load average {os.getloadavg()[0]:.1f}")
    first = None
    for label, got in runs.items():
        wall = statistics.median(r["wall"] for r in got) * 1000
        cpu = statistics.median(r["cpu"] for r in got) * 1000
        first = first or (wall, cpu)
        print(f"{label:>10}: median per letter {wall:.2f} ms wall, {cpu:.2f} ms CPU "
              f"(x{wall / first[0]:.2f} wall, x{cpu / first[1]:.2f} CPU against {named[0][0]})  [{got[0]['file']}]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cold", type=int, default=10)
    ap.add_argument("--tree", action="append", default=[], metavar="LABEL=PATH")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if args.tree:
        compare_trees(args.tree, args.repeat, args.rounds)
        return

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
