"""Coverage on real OCR documents without gold: how often each field is found, and that nothing crashes.

    python benchmarks/bulk_coverage.py [BULK_DIR]     (default ../shared/bulk)

For the letters (sgd-letters/) it prints the share with datum, dossier (kamerstuk), functie, naam and
all of datum + dossier + functie; for the other papers (sgd-other/) how many are refused as not a letter,
how many give a record, and how many fail otherwise. Any exception that is not a KamerbriefError is a
crash and is listed.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kamerbrief  # noqa: E402
from kamerbrief.model import KamerbriefError, NotALetterError  # noqa: E402


def main() -> None:
    bulk = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "bulk"
    if not bulk.is_dir():
        sys.exit(f"{bulk}: not here")
    crashes: list[str] = []
    t0 = time.perf_counter()
    found: Counter[str] = Counter()
    letters = sorted((bulk / "sgd-letters").glob("*.txt"))
    for path in letters:
        try:
            r = kamerbrief.parse_file(path).record
        except KamerbriefError:
            found["refused"] += 1
            continue
        except Exception as exc:  # a crash: exactly what this script looks for
            crashes.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        m = r["metadata"]
        have = {"datum": bool(m["datum"]), "dossier": bool(m["kamerstuk"] and m["kamerstuk"]["dossiernummer"]),
                "functie": bool(m["afzender"]["functie"]), "naam": bool(m["afzender"]["naam"])}
        for k, v in have.items():
            found[k] += v
        found["datum+dossier+functie"] += have["datum"] and have["dossier"] and have["functie"]
    n = len(letters)
    print(f"{n} letters:")
    for k in ("datum", "dossier", "functie", "naam", "datum+dossier+functie", "refused"):
        print(f"  {k:24} {found[k]:4} ({found[k] / n:.1%})")
    other: Counter[str] = Counter()
    papers = sorted((bulk / "sgd-other").glob("*.txt"))
    for path in papers:
        try:
            kamerbrief.parse_file(path)
            other["record"] += 1
        except NotALetterError:
            other["not a letter"] += 1
        except KamerbriefError:
            other["other error"] += 1
        except Exception as exc:
            crashes.append(f"{path.name}: {type(exc).__name__}: {exc}")
    print(f"{len(papers)} other papers: " + ", ".join(f"{v} {k}" for k, v in sorted(other.items())))
    total = n + len(papers)
    print(f"{len(crashes)} crashes; {(time.perf_counter() - t0) / max(total, 1) * 1000:.1f} ms per document")
    for c in crashes:
        print("  CRASH", c)


if __name__ == "__main__":
    main()
