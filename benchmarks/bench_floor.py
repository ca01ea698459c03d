"""kamerbrief beside its floor, in one run: batch letters/s, PDF ms/page, cold start, peak memory.

    python benchmarks/bench_floor.py [--letters 2000] [--big 20000] [--repeat 5] [--only batch pdf cold]
                                     [--tree LABEL=PATH ...]

With --tree, every figure is measured for each source tree (PYTHONPATH=PATH; e.g. `git archive` of the
commit before a change, unpacked), the runs alternated, so a before/after comparison on a busy machine
sees the same load. Without it: the installed kamerbrief.

- batch: `kamerbrief batch -j 1` and `-j 2` on an archive of generated letters (make_archive.py), runs
  alternated; letters/s by wall time and CPU seconds per 1,000 letters (user + system of every process);
  peak RSS (the largest process) at --letters and at --big letters, to show memory stays flat.
- pdf: the corpus PDFs (../shared/corpus/*.pdf): in-process `parse_file` ms/page beside pypdfium2's bare
  `get_text_range()` per page; whole processes: `kamerbrief parse` per file and `kamerbrief batch -j 1`
  over all of them beside `pdftotext` on each (skipped with a note when poppler is not installed).
- cold: `kamerbrief --help` and `kamerbrief parse` of a text sample beside `python -c pass`, alternated; the
  parse also with KAMERBRIEF_NO_CACHE=1 (a first run: no regex cache, README "Cache").

Every process runs with its bytecode cached, as an installed package has it (pip compiles the .pyc files):
PYTHONDONTWRITEBYTECODE is dropped and PYTHONPYCACHEPREFIX points into the temporary folder, so the
trees are not written to and an unmeasured first run compiles them. Without this, a shell that sets
PYTHONDONTWRITEBYTECODE=1 has every "cold" run compile kamerbrief's sources again (about 60 ms of a
parse), which no user pays.

Every figure is a median of --repeat runs (the batch: the best of --batch-repeat). The machine may be
shared: the load average is printed, and CPU time is printed beside wall time, because CPU time is what
another engineer's work does not inflate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_archive import make_archive  # noqa: E402

# runs a command and reports its wall time, the CPU time of it and its children, and the peak RSS
MEASURE = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_kb": ru.ru_maxrss, "code": p.returncode,
                  "err": p.stderr.strip().splitlines()[-1:] }))
"""


PYCACHE: list[str] = []  # the bytecode folder of this run (set in main)


def bench_env(tree: str | None = None) -> dict[str, str]:
    """The environment of a measured process: the tree on PYTHONPATH, bytecode cached (see the docstring)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if PYCACHE:
        env["PYTHONPYCACHEPREFIX"] = PYCACHE[0]
    if tree:
        env["PYTHONPATH"] = tree
    return env


def measure(cmd: list[str], tree: str | None = None, extra: dict[str, str] | None = None) -> dict[str, object]:
    """One run's figures; a command that fails stops the benchmark (a fast failure is no figure)."""
    env = {**bench_env(tree), **(extra or {})}
    # from a neutral folder: `python -m` puts the working folder first on sys.path, before PYTHONPATH, so a run
    # from a checkout would import that checkout whatever tree is asked for
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True,
                         env=env, cwd=tempfile.gettempdir()).stdout
    got: dict[str, object] = json.loads(out)
    if got["code"] != 0:
        sys.exit(f"{' '.join(cmd)} (tree {tree or 'installed'}) failed with exit code {got['code']}: {got['err']}")
    return got


def kamerbrief_cmd(trees: Sequence[tuple[str, str | None]] = ()) -> list[str]:
    """The installed console script beside this interpreter; `python -m kamerbrief` where it is missing or
    source trees are compared (the script names one tree's entry point; `-m` runs each tree's own)."""
    script = Path(sys.executable).parent / "kamerbrief"
    if script.exists() and not any(tree for _, tree in trees):
        return [str(script)]
    return [sys.executable, "-m", "kamerbrief"]


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


Trees = list[tuple[str, str | None]]  # (label, PYTHONPATH or None for the installed package)


def bench_batch(tmp: Path, trees: Trees, letters: int, big: int, repeat: int) -> None:
    kb = kamerbrief_cmd(trees)
    archive = tmp / "archive"
    make_archive(archive, letters)
    print(f"batch: {letters} letters, best of {repeat} ({load()}; floor: `cat` of every letter "
          f"{cat_rate(archive, letters):.0f} letters/s)")
    best: dict[tuple[str, int], dict[str, float]] = {}
    for r in range(repeat):
        for jobs in (1, 2):
            for label, tree in trees:
                out = tmp / f"out-{jobs}-{r}"
                m = measure([*kb, "batch", str(archive), "-o", str(out), "-j", str(jobs), "-q"], tree)
                shutil.rmtree(out)
                if m["code"] != 0:
                    print(f"  {label} -j {jobs}: exit {m['code']}: {m['err']}")
                key = (label, jobs)
                if key not in best or m["wall"] < best[key]["wall"]:  # type: ignore[operator]
                    best[key] = m  # type: ignore[assignment]
    for label, _ in trees:
        for jobs in (1, 2):
            m = best[(label, jobs)]
            print(f"  {label:8s} -j {jobs}: {letters / m['wall']:6.0f} letters/s (wall {m['wall']:.2f} s, "
                  f"CPU {m['cpu'] / letters * 1000:.2f} s per 1,000 letters), peak RSS {m['rss_kb'] / 1024:.0f} MB")
        print(f"  {label:8s} -j 2 / -j 1: {best[(label, 1)]['wall'] / best[(label, 2)]['wall']:.2f}x")
    if big:
        archive_big = tmp / "archive-big"
        make_archive(archive_big, big)
        for label, tree in trees:
            m = measure([*kb, "batch", str(archive_big), "-o", str(tmp / "out-big"), "-j", "2", "-q"], tree)
            shutil.rmtree(tmp / "out-big")
            print(f"  {label:8s} {big} letters, -j 2: {big / m['wall']:.0f} letters/s, "  # type: ignore[operator]
                  f"peak RSS {m['rss_kb'] / 1024:.0f} MB (vs {best[(label, 2)]['rss_kb'] / 1024:.0f} MB "  # type: ignore[operator]
                  f"at {letters})")
        shutil.rmtree(archive_big)


def cat_rate(archive: Path, letters: int) -> float:
    files = [str(p) for p in archive.rglob("*") if p.is_file()]
    t0 = time.perf_counter()
    subprocess.run(["cat", *files], stdout=subprocess.DEVNULL, check=True)
    return letters / (time.perf_counter() - t0)


def median_time(fn: object, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of fn()."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def pdf_files() -> list[Path]:
    return sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


def inproc_pdf(repeat: int) -> None:
    """In this process: parse_file and bare pypdfium2 over the corpus PDFs; prints JSON."""
    import pypdfium2 as pdfium

    import kamerbrief

    pdfs = pdf_files()

    def bare() -> None:
        for p in pdfs:
            doc = pdfium.PdfDocument(str(p))
            for k in range(len(doc)):
                doc[k].get_textpage().get_text_range()
            doc.close()

    kamerbrief.parse_file(pdfs[0])  # warm: imports and the schema validator
    bare()
    ours = median_time(lambda: [kamerbrief.parse_file(p) for p in pdfs], repeat)
    floor = median_time(bare, repeat)
    print(json.dumps({"ours": ours, "floor": floor}))


def bench_pdf(tmp: Path, trees: Trees, repeat: int) -> None:
    pdfs = pdf_files()
    if not pdfs:
        print("pdf: no ../shared/corpus/*.pdf here: skipped")
        return
    import pypdfium2 as pdfium

    pages = {p: len(pdfium.PdfDocument(str(p))) for p in pdfs}
    total = sum(pages.values())
    largest = max(pdfs, key=lambda p: pages[p])
    print(f"pdf: {len(pdfs)} corpus files, {total} pages; medians of {repeat} ({load()})")
    inproc: dict[str, list[dict[str, list[float]]]] = {label: [] for label, _ in trees}
    for _ in range(3):  # three rounds, the trees alternated
        for label, tree in trees:
            env = bench_env(tree)
            inproc[label].append(json.loads(subprocess.run(
                [sys.executable, __file__, "--inproc-pdf", str(repeat)], env=env, check=True, capture_output=True,
                text=True).stdout))
    for label, _ in trees:
        r = {k: [statistics.median(run[k][i] for run in inproc[label]) for i in (0, 1)] for k in ("ours", "floor")}
        print(f"  {label:8s} in-process: parse_file {r['ours'][0] / total * 1000:5.1f} ms/page "
              f"(CPU {r['ours'][1] / total * 1000:5.1f}); pypdfium2 get_text_range() "
              f"{r['floor'][0] / total * 1000:5.1f} ms/page (CPU {r['floor'][1] / total * 1000:5.1f})")
    exe = shutil.which("pdftotext")
    kb = kamerbrief_cmd(trees)
    batch_in = tmp / "pdfs"
    batch_in.mkdir()
    for p in pdfs:
        shutil.copy(p, batch_in / p.name)
    proc: dict[str, list[dict[str, float]]] = {label: [] for label, _ in trees}
    btc: dict[str, list[dict[str, float]]] = {label: [] for label, _ in trees}
    poppler_one: list[float] = []
    poppler_all: list[tuple[float, float]] = []
    for r in range(repeat):
        for label, tree in trees:
            proc[label].append(measure([*kb, "parse", str(largest)], tree))  # type: ignore[arg-type]
            out = tmp / f"pdf-out-{r}"
            btc[label].append(measure([*kb, "batch", str(batch_in), "-o", str(out), "-j", "1", "-q"], tree))  # type: ignore[arg-type]
            shutil.rmtree(out)
        if exe:
            poppler_one.append(measure([exe, str(largest), str(tmp / "out.txt")])["wall"])  # type: ignore[arg-type]
            w = c = 0.0
            for p in pdfs:
                m = measure([exe, str(p), str(tmp / "out.txt")])
                w += m["wall"]  # type: ignore[operator]
                c += m["cpu"]  # type: ignore[operator]
            poppler_all.append((w, c))

    def med(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(m[key] for m in runs)

    one = statistics.median(poppler_one) if exe else 0.0
    wall_all = statistics.median(w for w, _ in poppler_all) if exe else 0.0
    cpu_all = statistics.median(c for _, c in poppler_all) if exe else 0.0
    for label, _ in trees:
        line = (f"  {label:8s} whole process: `kamerbrief parse` {largest.name} ({pages[largest]} pages) "
                f"{med(proc[label], 'wall') * 1000:.0f} ms (CPU {med(proc[label], 'cpu') * 1000:.0f})")
        if exe:
            line += f", {med(proc[label], 'wall') / one:.2f}x pdftotext"
        print(line)
        line = (f"  {label:8s} whole process: `kamerbrief batch -j 1` over all {med(btc[label], 'wall'):.2f} s "
                f"(CPU {med(btc[label], 'cpu'):.2f})")
        if exe:
            line += f", {med(btc[label], 'wall') / wall_all:.2f}x pdftotext on each"
        print(line)
    if exe:
        print(f"  pdftotext: {largest.name} {one * 1000:.0f} ms; on each of the {len(pdfs)} files: "
              f"{wall_all:.2f} s (CPU {cpu_all:.2f})")
    else:
        print("  pdftotext not installed: no ratio (apt-get install poppler-utils)")


def bench_cold(trees: Trees, repeat: int) -> None:
    kb = kamerbrief_cmd(trees)
    sample = ROOT / "samples" / "ocw-voortgang-laaggeletterdheid.txt"
    cmds: dict[tuple[str, str], tuple[list[str], str | None, dict[str, str]]] = {
        ("", "python -c pass"): ([sys.executable, "-c", "pass"], None, {})}
    for label, tree in trees:
        cmds[(label, "kamerbrief --help")] = ([*kb, "--help"], tree, {})
        cmds[(label, f"kamerbrief parse {sample.name}")] = ([*kb, "parse", str(sample)], tree, {})
        # a first run, or a machine where the regex cache cannot be kept (README "Cache")
        cmds[(label, "  the same, KAMERBRIEF_NO_CACHE=1")] = ([*kb, "parse", str(sample)], tree,
                                                           {"KAMERBRIEF_NO_CACHE": "1"})
    walls: dict[tuple[str, str], list[float]] = {k: [] for k in cmds}
    cpus: dict[tuple[str, str], list[float]] = {k: [] for k in cmds}
    for cmd, tree, extra in cmds.values():  # one unmeasured run each: the page cache, .pyc files, regex cache
        measure(cmd, tree, extra)
    for _ in range(repeat):
        for key, (cmd, tree, extra) in cmds.items():
            m = measure(cmd, tree, extra)
            walls[key].append(m["wall"])  # type: ignore[arg-type]
            cpus[key].append(m["cpu"])  # type: ignore[arg-type]
    print(f"cold start, median of {repeat} ({load()})")
    for key in cmds:
        print(f"  {key[0]:8s} {key[1]:50s} {statistics.median(walls[key]) * 1000:5.0f} ms wall, "
              f"{statistics.median(cpus[key]) * 1000:5.0f} ms CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--letters", type=int, default=2000)
    ap.add_argument("--big", type=int, default=20000, help="also the peak RSS at this many letters (0: no)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch-repeat", type=int, default=2)
    ap.add_argument("--only", nargs="+", choices=["batch", "pdf", "cold"], default=["batch", "pdf", "cold"])
    ap.add_argument("--tree", action="append", default=[], metavar="LABEL=PATH",
                    help="a source tree to measure (PYTHONPATH); repeat to compare, runs alternated")
    ap.add_argument("--inproc-pdf", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inproc_pdf:
        inproc_pdf(args.inproc_pdf)
        return
    trees: Trees = [(t.split("=", 1)[0], t.split("=", 1)[1]) for t in args.tree] or [("", None)]
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        PYCACHE.append(str(tmp / "pycache"))
        if "cold" in args.only:
            bench_cold(trees, max(args.repeat, 10))
        if "pdf" in args.only:
            bench_pdf(tmp, trees, args.repeat)
        if "batch" in args.only:
            bench_batch(tmp, trees, args.letters, args.big, args.batch_repeat)


if __name__ == "__main__":
    main()
