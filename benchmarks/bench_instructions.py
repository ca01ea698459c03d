"""Instructions per letter: the parser's work counted by valgrind (callgrind), not timed.

    python benchmarks/bench_instructions.py [--letters 40] [--tree LABEL=PATH ...]

Wall and CPU time on a shared machine move by 20 % from run to run (bench_floor.py prints the load beside
its figures for that reason), which hides a change of a few per cent. An instruction count does not move:
the same code on the same letters gives the same count, whatever else the machine is doing. This script
reads, parses and dumps as YAML --letters letters of the benchmark archive (make_archive.py, the same seed:
the same letters) under `valgrind --tool=callgrind`, once in one process and twice in another; the
difference is one warm pass over the letters: starting, importing and what is done once (the model
loaded, lazy patterns compiled) are in both counts and drop out. Each tree's bytecode is compiled by an
unmeasured run first (into a temporary PYTHONPYCACHEPREFIX: the trees are not written to), so no count
holds compiling. The figure printed is millions of instructions per letter.

Each letter is parsed as a new one: the per-text caches serve one letter only (stance.forget), so the
repeats of a benchmark archive built from a few samples do not make it cheaper.

With --cold, the instructions of whole cold commands are counted as well: `python -c pass`, `python -m
kamerbrief --help` and `python -m kamerbrief parse` of a text sample (its regex cache made by an unmeasured
run first, in a temporary KAMERBRIEF_CACHE_DIR): a cold start's cost without the machine's noise.

With --tree, each source tree is counted (PYTHONPATH=PATH; e.g. `git archive` of the commit before a
change, unpacked). Without valgrind on the machine it says so and stops (apt-get install valgrind).
About a minute for 40 letters: valgrind runs Python some fifty times slower.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_floor import PYCACHE, bench_env
from make_archive import make_archive

DRIVER = r"""
import sys
from pathlib import Path

from kamerbrief.limits import Limits
from kamerbrief.output import dumps
from kamerbrief.parse import parse_source
from kamerbrief.readers import from_bytes

files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file())[: int(sys.argv[2])]
letters = [(p, p.read_bytes()) for p in files]
for _ in range(int(sys.argv[3])):
    for path, data in letters:
        dumps(parse_source(from_bytes(data, path, None, Limits())).record, "yaml")
"""
REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(tree: str | None, archive: Path, letters: int, passes: int, valgrind: bool = True) -> int:
    """Instructions of the driver making `passes` passes over `letters` letters (callgrind's total)."""
    env = bench_env(tree)
    cmd = [sys.executable, "-c", DRIVER, str(archive), str(letters), str(passes)]
    if valgrind:
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd]
    out = subprocess.run(cmd, env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False)
    m = REFS.search(out.stderr)
    if out.returncode != 0 or (valgrind and not m):
        sys.exit(f"bench_instructions: the run failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", "")) if m else 0


SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ocw-voortgang-laaggeletterdheid.txt"


def cold(tree: str | None, args: list[str], cache_dir: str) -> int:
    """Instructions of one whole command (`python ARGS`), bytecode and regex cache made by a run before."""
    env = {**bench_env(tree), "KAMERBRIEF_CACHE_DIR": cache_dir}
    subprocess.run([sys.executable, *args], env=env, cwd=tempfile.gettempdir(), capture_output=True, check=False)
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *args],
                         env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False)
    m = REFS.search(out.stderr)
    if out.returncode != 0 or not m:
        sys.exit(f"bench_instructions: {' '.join(args)} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--letters", type=int, default=40)
    ap.add_argument("--cold", action="store_true", help="also count whole cold commands (--help, parse)")
    ap.add_argument("--tree", action="append", default=[], metavar="LABEL=PATH",
                    help="a source tree to count (PYTHONPATH); repeat to compare")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench_instructions: valgrind is not installed (apt-get install valgrind); nothing counted")
    trees: list[tuple[str, str | None]] = [(t.split("=", 1)[0], t.split("=", 1)[1]) for t in args.tree] or [
        ("installed", None)]
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        make_archive(archive, args.letters)
        print(f"instructions per letter: one warm pass over {args.letters} archive letters (read, parsed, dumped), "
              "under callgrind")
        PYCACHE.append(str(Path(tmp) / "pycache"))  # bench_env's bytecode folder (by each tree's own path)
        for label, tree in trees:
            count(tree, archive, 1, 1, valgrind=False)  # compiles the bytecode, unmeasured
            once, twice = count(tree, archive, args.letters, 1), count(tree, archive, args.letters, 2)
            per = (twice - once) / args.letters
            print(f"  {label:12} {per / 1e6:8.2f} M instructions a letter  (the first pass, with starting and "
                  f"importing: {once / 1e6:,.0f} M)")
            if args.cold:
                cache_dir = str(Path(tmp) / f"re-{label}")
                for name, cmd in (("python -c pass", ["-c", "pass"]), ("--help", ["-m", "kamerbrief", "--help"]),
                                  (f"parse {SAMPLE.name}", ["-m", "kamerbrief", "parse", str(SAMPLE)])):
                    print(f"  {label:12} {cold(tree, cmd, cache_dir) / 1e6:8.1f} M instructions: {name}")


if __name__ == "__main__":
    main()
