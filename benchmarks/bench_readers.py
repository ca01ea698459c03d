"""Reader speed: PDF pages per second beside `pdftotext` on the same files in one run, DOCX files per second.

    python benchmarks/bench_readers.py [--repeat 5]

PDF files: ../shared/corpus/*.pdf when present, else PDFs rendered from samples/. The figure that
matters is the ratio: kamerbrief's full PDF read (geometry, columns, footnotes) against a bare
`pdftotext` process on the same pages.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def pdf_files(tmp: Path) -> list[Path]:
    found = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    if found:
        return found
    import kamerbrief
    from tests.letterpdf import render

    for p in sorted((ROOT / "samples").glob("*.md")):
        rec = kamerbrief.parse_file(p).record
        if rec["metadata"]["kenmerk"]:
            render(rec, str(tmp / f"{p.stem}.pdf"))
    return sorted(tmp.glob("*.pdf"))


def timed(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import kamerbrief
    from kamerbrief.readers import read

    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        pdfs = pdf_files(tmp)
        pages = sum(read(p).pages or 0 for p in pdfs)
        ours_read = timed(lambda: [read(p) for p in pdfs], args.repeat)
        ours_parse = timed(lambda: [kamerbrief.parse_file(p) for p in pdfs], args.repeat)
        print(f"PDF: {len(pdfs)} files, {pages} pages")
        print(f"  kamerbrief read:  {pages / ours_read:7.1f} pages/s ({ours_read / pages * 1000:.1f} ms/page)")
        print(f"  kamerbrief parse: {pages / ours_parse:7.1f} pages/s ({ours_parse / pages * 1000:.1f} ms/page)")
        exe = shutil.which("pdftotext")
        if exe:
            def poppler() -> None:
                for p in pdfs:
                    subprocess.run([exe, str(p), str(tmp / "out.txt")], check=True)
            theirs = timed(poppler, args.repeat)
            print(f"  pdftotext:        {pages / theirs:7.1f} pages/s ({theirs / pages * 1000:.1f} ms/page)")
            print(f"  ratio kamerbrief parse / pdftotext: {ours_parse / theirs:.2f}x")
        else:
            print("  pdftotext not installed: no ratio (apt-get install poppler-utils)")

        docx = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
        if docx:
            d = timed(lambda: [kamerbrief.parse_file(p) for p in docx], max(1, args.repeat // 2))
            print(f"DOCX: {len(docx)} files, {len(docx) / d:.1f} files/s ({d / len(docx) * 1000:.0f} ms/file)")


if __name__ == "__main__":
    main()
