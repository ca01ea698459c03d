"""Batch speed and memory: an archive of generated letters through `kamerbrief batch`.

    python benchmarks/bench_batch.py [--letters 2000] [--jobs 1 2] [--big 20000]

The archive is made by make_archive.py: letters from samples/ (markdown and text), varied, 4-40 KB each,
in nested folders. Peak RSS is the largest process of the run (main or worker); with --big the same
is measured for a ten times larger archive, to show that memory does not grow with its size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_archive import make_archive  # noqa: E402

MEASURE = r"""
import resource, subprocess, sys, time, json
t0 = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rss_kb": rss, "code": p.returncode, "summary": p.stderr.strip().splitlines()[-1]}))
"""


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
