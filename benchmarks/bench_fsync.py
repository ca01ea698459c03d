"""How batch makes records durable: the cost of each way of fsyncing, on the disk of the output folder.

    python benchmarks/bench_fsync.py [--files 300] [--size 20000] [--work-ms 5] [--dir OUT_PARENT]

Each file is written through a temp file and a rename, as `batch` writes records; between files a
busy loop of --work-ms stands in for parsing the next letter. Ways measured, alternated:
  none      no fsync (a power loss may leave a renamed record empty or partial: not what we promise)
  inline    fsync, then rename, before the next letter (batch before this change)
  committer fsync and rename in a second thread while the next letter is parsed (batch now)
  group32   32 files written, each fsynced, then all renamed
  syncfs32  32 files written, one syncfs() of the whole filesystem, then all renamed (Linux; flushes
            every process's dirty data on that filesystem, so its cost depends on the neighbours)
"""

from __future__ import annotations

import argparse
import ctypes
import os
import queue
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path


def busy(ms: float) -> None:
    end = time.process_time() + ms / 1000
    while time.process_time() < end:
        pass


def temp(folder: str, i: int, data: bytes) -> tuple[int, str]:
    path = os.path.join(folder, f".kb.{i}.tmp")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    os.write(fd, data)
    return fd, path


def run(mode: str, folder: str, n: int, data: bytes, work_ms: float) -> float:
    os.makedirs(folder)
    libc = ctypes.CDLL(None, use_errno=True) if mode == "syncfs32" else None
    t0 = time.perf_counter()
    if mode == "committer":
        items: queue.SimpleQueue[tuple[int, str, str] | None] = queue.SimpleQueue()

        def commit() -> None:
            while (item := items.get()) is not None:
                fd, tmp, final = item
                os.fsync(fd)
                os.close(fd)
                os.replace(tmp, final)

        thread = threading.Thread(target=commit)
        thread.start()
        for i in range(n):
            busy(work_ms)
            fd, tmp = temp(folder, i, data)
            items.put((fd, tmp, os.path.join(folder, f"r{i}")))
        items.put(None)
        thread.join()
    else:
        pending: list[tuple[int, str, str]] = []
        for i in range(n):
            busy(work_ms)
            fd, tmp = temp(folder, i, data)
            if mode in ("none", "inline"):
                if mode == "inline":
                    os.fsync(fd)
                os.close(fd)
                os.replace(tmp, os.path.join(folder, f"r{i}"))
                continue
            pending.append((fd, tmp, os.path.join(folder, f"r{i}")))
            if len(pending) == 32 or i == n - 1:
                if libc is not None:
                    libc.syncfs(pending[0][0])
                for fd, _, _ in pending:
                    if libc is None:
                        os.fsync(fd)
                    os.close(fd)
                for _, tmp, final in pending:
                    os.replace(tmp, final)
                pending = []
    wall = time.perf_counter() - t0
    shutil.rmtree(folder)
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--size", type=int, default=20000, help="bytes per record (a 16 KB letter's record: ~20 KB)")
    ap.add_argument("--work-ms", type=float, default=5.0, help="CPU milliseconds of 'parsing' per file")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path.cwd(), help="made on this disk (default: here; not /tmp if tmpfs)")
    args = ap.parse_args()
    modes: dict[str, list[float]] = {m: [] for m in ("none", "inline", "committer", "group32", "syncfs32")}
    data = os.urandom(args.size)
    with tempfile.TemporaryDirectory(dir=args.dir) as t:
        for r in range(args.repeat):
            for mode, walls in modes.items():
                walls.append(run(mode, os.path.join(t, f"{mode}-{r}"), args.files, data, args.work_ms))
    floor = statistics.median(modes["none"])
    print(f"{args.files} files of {args.size} bytes, {args.work_ms:g} ms CPU between files, median of {args.repeat} "
          f"(load average {os.getloadavg()[0]:.2f}), in {args.dir}")
    fmt: Callable[[float], str] = lambda w: f"{w / args.files * 1000:6.2f} ms/file"  # noqa: E731
    for mode, walls in modes.items():
        w = statistics.median(walls)
        print(f"  {mode:10s} {fmt(w)}  (+{(w - floor) / args.files * 1000:5.2f} over no fsync)")


if __name__ == "__main__":
    main()
