"""Instructions per letter: the parser's work counted by valgrind (callgrind), not timed.

    python benchmarks/bench_instructions.py [--letters 40] [--tree LABEL=PATH ...]

Wall and CPU time on a shared machine move by 20 % from run to run (bench_floor.py prints the load beside
its figures for that reason), which hides a change of a few per cent. An instruction count does not move:
the same code on the same letters gives the same count, whatever else the machine is doing. This script
parses --letters letters of the benchmark archive (make_archive.py, the same seed: the same letters) twice
in one process, the first run to warm up, each letter read, parsed and dumped as YAML, under
`valgrind --tool=callgrind`; the same with no letters gives what starting and importing cost, which is
taken off. The figure printed is thousands of instructions per letter.

Each letter is parsed as a new one: the per-text caches serve one letter only (stance.forget), so the
repeats of a benchmark archive built from a few samples do not make it cheaper.

With --tree, each source tree is counted (PYTHONPATH=PATH; e.g. `git archive` of the commit before a
change, unpacked). Without valgrind on the machine it says so and stops (apt-get install valgrind).
About a minute for 40 letters: valgrind runs Python some fifty times slower.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_archive import make_archive  # noqa: E402

DRIVER = r"""
import sys
from pathlib import Path

from kamerbrief.limits import Limits
from kamerbrief.output import dumps
from kamerbrief.parse import parse_source
from kamerbrief.readers import from_bytes

files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file())[: int(sys.argv[2])]
letters = [(p, p.read_bytes()) for p in files]
for _ in range(2):
    for path, data in letters:
        dumps(parse_source(from_bytes(data, path, None, Limits())).record, "yaml")
"""
REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(tree: str | None, archive: Path, letters: int) -> int:
    """Instructions of the driver on `letters` letters (callgrind's total)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if tree:
        env["PYTHONPATH"] = tree
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                          DRIVER, str(archive), str(letters)], env=env, cwd=tempfile.gettempdir(),
                         capture_output=True, text=True, check=False)
    m = REFS.search(out.stderr)
    if out.returncode != 0 or not m:
        sys.exit(f"bench_instructions: the run failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--letters", type=int, default=40)
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
        print(f"instructions per letter: {args.letters} archive letters parsed and dumped twice, under callgrind, "
              "less starting and importing")
        for label, tree in trees:
            letters, bare = count(tree, archive, args.letters), count(tree, archive, 0)
            per = (letters - bare) / (2 * args.letters)
            print(f"  {label:12} {per / 1e6:8.2f} M instructions a letter  (imports and start {bare / 1e6:,.0f} M)")


if __name__ == "__main__":
    main()
