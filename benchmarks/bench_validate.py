"""Validation speed: 10,000 generated records through `kamerbrief validate`, line numbers on; then one
large JSON record (1, 3 and 9 MB, valid and with one bad value at its end), to show time grows linearly.

    python benchmarks/bench_validate.py [--records 10000] [--jobs 2]

Records are the samples' records with varied kenmerk, datum and text, written as YAML.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    import kamerbrief
    from kamerbrief.output import dumps

    bases = [kamerbrief.parse_file(p).record for p in sorted((ROOT / "samples").iterdir())
             if p.suffix in (".md", ".txt")]
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as t:
        out = Path(t)
        for i in range(args.records):
            rec = bases[i % len(bases)]
            rec["metadata"]["datum"] = f"{rng.randint(1990, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rec["bron"]["sha256"] = f"{i:064x}"
            for s in rec["secties"]:
                s["tekst"] = f"{s['tekst']} ({i})"
            sub = out / f"{i // 1000:02d}"
            sub.mkdir(exist_ok=True)
            (sub / f"r{i:05d}.yaml").write_text(dumps(rec), encoding="utf-8")
        size = sum(p.stat().st_size for p in out.rglob("*.yaml"))
        for jobs in (1, args.jobs):
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "kamerbrief", "validate", str(out), "-j", str(jobs)],
                                  capture_output=True, text=True)
            wall = time.perf_counter() - t0
            print(f"-j {jobs}: {args.records} records ({size / 1e6:.1f} MB) in {wall:.2f} s = "
                  f"{args.records / wall:.0f} records/s; {proc.stderr.strip().splitlines()[-1]}")

        large(out, bases[0])


def large(out: Path, base: dict[str, object]) -> None:
    ref = {"soort": "document", "tekst": "2024D39756", "dossiernummer": None, "ondernummer": None,
           "vergaderjaar": None, "kamer": None, "nummer": "2024D39756", "datum": None, "motie": None}
    walls: dict[tuple[int, bool], float] = {}
    sizes = (1, 3, 9)
    for i, mb in enumerate(sizes):
        for bad in (False, True):
            rec = dict(base, verwijzingen=[dict(ref) for _ in range(mb * 1024 * 1024 // 200)])
            if bad:
                rec["verwijzingen"][-1]["soort"] = "x"  # python-jsonschema explains it, with line and column
            f = out / f"large-{mb}-{bad}.json"
            f.write_text(json.dumps(rec), encoding="utf-8")
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kamerbrief", "validate", str(f)], capture_output=True)
            walls[mb, bad] = wall = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            growth = f" (x{wall / walls[sizes[i - 1], bad]:.1f} for x{mb // sizes[i - 1]} size)" if i else ""
            print(f"one {f.stat().st_size / 1e6:.1f} MB JSON record, {'one bad value' if bad else 'valid'}: "
                  f"{wall:.2f} s{growth}; peak RSS of any run so far {peak:.0f} MB")


if __name__ == "__main__":
    main()
