"""Parse time of the hostile shapes of issue 9 at 10 KB, 100 KB and 1 MB, and how it grows.

    python benchmarks/bench_complexity.py [--shape NAME ...] [--sizes 10000,100000,1000000] [--timeout 60]

The shapes are the generators of tests/test_complexity.py. Linear time grows 10x from 100 KB to 1 MB;
the last column must stay at about 12x or below for every shape (a quadratic path shows 100x). A shape
that runs out of its time budget is shown as "limit" and counts as a failure (exit 1). Sizes under
1 MB are timed best of three, larger ones once. Times are the CPU time of this process
(time.process_time), so that other work on a shared machine does not show as growth; a time under NOISE
counts as NOISE in the growth. A shape over 12x has its last two sizes timed twice more (best of all)
before it is called super-linear. About a minute of CPU in all.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_GROWTH = 12.0
NOISE = 0.02  # seconds: below this a timing says little


def main() -> int:
    from kamerbrief.limits import LimitError
    from tests.test_complexity import SHAPES, parse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shape", action="append", help="only this shape (repeatable)")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="input sizes in bytes, comma-separated")
    ap.add_argument("--timeout", type=float, default=60.0, help="time budget per parse, seconds")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = [s for s in SHAPES if not args.shape or s.name in args.shape]

    parse(shapes[0], 1000)  # warm: schema validator built once per process
    heads = [f"{n // 1000} KB" if n < 1_000_000 else f"{n / 1e6:g} MB" for n in sizes]
    print(f"{'shape':24}" + "".join(f"{h:>10}" for h in heads) + f"{'growth':>10}")
    failed = []
    for shape in shapes:
        times = [_time(parse, LimitError, shape, n, args.timeout, 3 if n < 1_000_000 else 1) for n in sizes]
        growth = _growth(times)
        if growth is not None and growth > MAX_GROWTH and len(sizes) > 1:
            # a shared machine: time the last two sizes again before calling it super-linear
            again = [_time(parse, LimitError, shape, n, args.timeout, 2) for n in sizes[-2:]]
            pairs = zip(times[-2:], again, strict=True)
            times[-2:] = [min(a, b) if a is not None and b is not None else None for a, b in pairs]
            growth = _growth(times)
        if growth is None or growth > MAX_GROWTH:
            failed.append(shape.name)
        cells = "".join(f"{t:>9.3f}s" if t is not None else f"{'limit':>10}" for t in times)
        print(f"{shape.name:24}{cells}{growth:>9.1f}x" if growth is not None else f"{shape.name:24}{cells}{'-':>10}",
              flush=True)
    if failed:
        print(f"super-linear (over {MAX_GROWTH:g}x) or over the budget: {', '.join(failed)}")
        return 1
    return 0


def _time(parse: Any, limit_error: type[Exception], shape: Any, size: int, timeout: float,
          repeat: int) -> float | None:
    """Best CPU time of `repeat` parses, or None when one ran out of its time budget."""
    best: float | None = None
    for _ in range(repeat):
        gc.collect()  # the garbage of the run before is not this run's cost
        t0 = time.process_time()
        got = parse(shape, size, timeout=timeout)
        elapsed = time.process_time() - t0
        if isinstance(got, limit_error):
            return None
        best = elapsed if best is None else min(best, elapsed)
    return best


def _growth(times: list[float | None]) -> float | None:
    if len(times) < 2 or times[-1] is None or times[-2] is None:
        return None
    return max(times[-1], NOISE) / max(times[-2], NOISE)


if __name__ == "__main__":
    sys.exit(main())
