"""Batch speed and memory: an archive of generated letters through `kamerbrief batch`.

    python benchmarks/bench_batch.py [--letters 2000] [--jobs 1 2] [--big 20000]

The archive is made from samples/ (markdown and text) with varied dates, kenmerken and body text,
in nested folders. Peak RSS is the largest process of the run (main or worker); with --big the same
is measured for a ten times larger archive, to show that memory does not grow with its size.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
MEASURE = r"""
import resource, subprocess, sys, time, json
t0 = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rss_kb": rss, "code": p.returncode, "summary": p.stderr.strip().splitlines()[-1]}))
"""


def make_archive(root: Path, n: int) -> None:
    sources = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in (".md", ".txt")]
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in sources]
    rng = random.Random(7)
    for i in range(n):
        suffix, text = texts[i % len(texts)]
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1995, 2024)
        text = text.replace("2024", str(year)).replace("maart", month).replace("14 ", f"{day} ", 1)
        text = text.replace("118204", f"{i:06d}").replace("Geachte voorzitter,",
                                                          f"Geachte voorzitter,\n\nDit is brief nummer {i}.", 1)
        folder = root / f"{year}" / f"{i % 7:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"brief-{i:06d}{suffix}").write_text(text, encoding="utf-8")


def run(archive: Path, out: Path, jobs: int) -> dict[str, object]:
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "kamerbrief", "batch", str(archive), "-o", str(out),
           "-j", str(jobs), "--index", str(out / "index.csv"), "--jsonl", str(out / "all.jsonl")]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--letters", type=int, default=2000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--big", type=int, default=0, help="also measure an archive of this many letters")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        sizes = [args.letters] + ([args.big] if args.big else [])
        for n in sizes:
            archive = tmp / f"archive-{n}"
            t0 = time.perf_counter()
            make_archive(archive, n)
            print(f"archive of {n} letters made in {time.perf_counter() - t0:.1f} s")
            for jobs in args.jobs if n == args.letters else [max(args.jobs)]:
                r = run(archive, tmp / f"out-{n}-{jobs}", jobs)
                print(f"  -j {jobs}: {n / r['wall']:.0f} letters/s, wall {r['wall']:.2f} s, "  # type: ignore[operator]
                      f"peak RSS {int(r['rss_kb']) / 1024:.0f} MB, exit {r['code']}; {r['summary']}")  # type: ignore[call-overload]
            rerun = run(archive, tmp / f"out-{n}-{max(args.jobs)}", max(args.jobs))
            print(f"  rerun (all unchanged), -j {max(args.jobs)}: {n / rerun['wall']:.0f} letters/s")  # type: ignore[operator]


if __name__ == "__main__":
    main()
