"""Convert an archive folder: one record per letter, resumable, parallel, with streamed indexes.

    walk ─▶ (source, output) pairs ─▶ workers: hash, skip if unchanged, parse, write atomically
         ─▶ main process: streams index rows, JSONL lines and errors into temp files ─▶ renamed at the end

Memory stays flat: paths are walked lazily, at most a bounded window of letters is in flight, and
no record is kept after its row is written. Every file is written through a temp file and a rename,
so a run killed at any moment leaves whole files only, and the next run picks up where it stopped
(an output whose `bron.sha256` matches its source is skipped).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import KamerbriefError
from .readers import EXTENSIONS

INDEX_COLUMNS = ("bestand", "kenmerk", "datum", "onderwerp", "afzender_functie", "afzender_naam", "ministerie",
                 "kamer", "dossiernummer", "ondernummer", "aanbevelingen", "waarschuwingen")
AANBEVELING_COLUMNS = ("bestand", "kenmerk", "datum", "nummer", "titel", "standpunt")
ERRORS_NAME = "kamerbrief-errors.jsonl"
SHA_RE = re.compile(r"""["']?sha256["']?\s*:\s*["']?([0-9a-f]{64})""")
STALE_TMP = re.compile(r"^\..+\.[A-Za-z0-9_]{6,12}\.tmp$")


class BatchError(Exception):
    """The batch cannot start: bad input folder, output inside a file, bad shard."""


@dataclass(frozen=True)
class Task:
    source: str  # absolute path of the letter
    rel: str  # path relative to the archive root, with "/" separators
    output: str  # absolute path of the record file
    to: str
    force: bool
    want_index: bool  # the caller writes index rows
    want_jsonl: bool  # the caller writes the record as a JSON line


@dataclass(frozen=True)
class Outcome:
    rel: str
    status: str  # "converted" | "unchanged" | "failed"
    warnings: int = 0
    error: str | None = None
    message: str | None = None
    record_json: str | None = None  # the record as one JSON line, when asked for
    index_row: list[Any] | None = None
    aanbeveling_rows: list[list[Any]] | None = None


@dataclass
class BatchReport:
    converted: int = 0
    unchanged: int = 0
    failed: int = 0
    warnings: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.converted + self.unchanged + self.failed

    def summary(self) -> str:
        rate = self.total / self.seconds if self.seconds > 0 else 0.0
        head = "interrupted: " if self.interrupted else ""
        return (f"{head}{self.converted} converted, {self.unchanged} unchanged, {self.failed} failed, "
                f"{self.warnings} warnings in {self.seconds:.1f} s ({rate:.0f} letters/s)")


def parse_shard(spec: str | None) -> tuple[int, int] | None:
    """'2/8' -> (2, 8): the second of eight slices."""
    if not spec:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", spec)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise BatchError(f"--shard must be K/N with 1 <= K <= N, not {spec!r}")
    return int(m.group(1)), int(m.group(2))


def in_shard(rel: str, shard: tuple[int, int] | None) -> bool:
    """Stable across machines and runs: the slice follows from the relative path alone."""
    if shard is None:
        return True
    k, n = shard
    digest = hashlib.sha1(rel.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def output_path(dst: Path, rel: str, to: str) -> Path:
    """Where the record of `rel` goes; refuses any name that would leave the output folder."""
    parts = rel.split("/")
    if (not rel or rel.startswith("/") or any(p in ("", ".", "..") for p in parts)
            or any(ord(c) < 32 for c in rel) or ":" in parts[0]):
        raise BatchError(f"refusing the file name {rel!r}: it could write outside the output folder")
    out = dst.joinpath(*parts[:-1], f"{parts[-1]}.{'json' if to == 'json' else 'yaml'}")
    root = os.path.abspath(dst)
    if os.path.commonpath([root, os.path.abspath(out)]) != root:
        raise BatchError(f"refusing the file name {rel!r}: it would write outside the output folder")
    return out


def walk(src: Path, dst: Path) -> Iterator[tuple[Path, str]]:
    """Letters below src in a stable order: supported formats, no hidden files, not the output folder,
    no symlinked folders (so no loops)."""
    src_abs = Path(os.path.abspath(src))
    dst_abs = os.path.abspath(dst)
    for root, dirs, files in os.walk(src_abs, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.abspath(os.path.join(root, d)) != dst_abs)
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in EXTENSIONS:
                continue
            path = Path(root) / name
            if not path.is_file():
                continue  # a broken symlink, a device
            yield path, path.relative_to(src_abs).as_posix()


def _existing_sha(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError):
        return None
    m = SHA_RE.search(head)
    return m.group(1) if m else None


def convert_one(task: Task) -> Outcome:
    """Worker: skip when the output matches the source, else parse and write atomically."""
    from .output import dumps, write_atomic
    from .parse import parse_source
    from .readers import read

    try:
        data = Path(task.source).read_bytes()
    except OSError as exc:
        return Outcome(task.rel, "failed", error="unreadable", message=exc.strerror or str(exc))
    digest = hashlib.sha256(data).hexdigest()
    if not task.force and _existing_sha(task.output) == digest:
        if not (task.want_index or task.want_jsonl):
            return Outcome(task.rel, "unchanged")
        record = _load_record(task.output)
        if record is not None:
            return _with_rows(Outcome(task.rel, "unchanged"), task, record)
    try:
        result = parse_source(read(task.source))
        write_atomic(task.output, dumps(result.record, task.to))
    except KamerbriefError as exc:
        return Outcome(task.rel, "failed", error=exc.code, message=exc.message)
    except Exception as exc:  # a bug in kamerbrief: reported, and the batch goes on
        return Outcome(task.rel, "failed", error="internal", message=f"{type(exc).__name__}: {exc}")
    return _with_rows(Outcome(task.rel, "converted", warnings=len(result.warnings)), task, result.record)


def _with_rows(outcome: Outcome, task: Task, record: dict[str, Any]) -> Outcome:
    """The outcome with what the index and JSONL need, computed in the worker."""
    if not (task.want_index or task.want_jsonl):
        return outcome
    return Outcome(
        outcome.rel, outcome.status, warnings=outcome.warnings,
        record_json=json.dumps(record, ensure_ascii=False) if task.want_jsonl else None,
        index_row=_index_row(task.rel, record) if task.want_index else None,
        aanbeveling_rows=list(_aanbeveling_rows(task.rel, record)) if task.want_index else None,
    )


def _load_record(path: str) -> dict[str, Any] | None:
    """An existing output, for the index of a letter that did not change; None when unreadable."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        if path.endswith(".json"):
            data = json.loads(text)
        else:
            import yaml

            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:
        return None
    return data if isinstance(data, dict) and "metadata" in data else None


class _Sink:
    """A file written as a stream into a temp file and renamed into place on close."""

    def __init__(self, path: Path, bom: bool = False) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = path.with_name(f".{path.name}.partial.tmp")
        # kept open while the run streams into it; closed by commit() or discard()
        self.fh: io.TextIOWrapper = open(self.tmp, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")  # noqa: SIM115

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        self.fh.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)


def convert_tree(src: str | os.PathLike[str], dst: str | os.PathLike[str], *, to: str = "yaml", jobs: int = 1,
                 force: bool = False, fail_fast: bool = False, shard: tuple[int, int] | None = None,
                 index: str | os.PathLike[str] | None = None, index_aanbevelingen: str | os.PathLike[str] | None = None,
                 jsonl: str | os.PathLike[str] | None = None,
                 progress: Callable[[int, Outcome], None] | None = None,
                 stop: Callable[[], bool] | None = None) -> BatchReport:
    """Convert every letter below `src` into `dst`. Never raises for a bad letter; see BatchReport.failures."""
    src_p, dst_p = Path(src), Path(dst)
    if not src_p.is_dir():
        raise BatchError(f"{src}: not a folder")
    if dst_p.exists() and not dst_p.is_dir():
        raise BatchError(f"{dst}: exists and is not a folder")
    dst_p.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(dst_p)
    want_index = bool(index or index_aanbevelingen)

    report = BatchReport()
    t0 = time.perf_counter()
    sinks: list[_Sink] = []
    errors = _Sink(dst_p / ERRORS_NAME)
    sinks.append(errors)
    idx = idx_rec = jl = None
    if index:
        idx = _Sink(Path(index), bom=True)
        sinks.append(idx)
        idx_w = csv.writer(idx.fh)
        idx_w.writerow(INDEX_COLUMNS)
    if index_aanbevelingen:
        idx_rec = _Sink(Path(index_aanbevelingen), bom=True)
        sinks.append(idx_rec)
        rec_w = csv.writer(idx_rec.fh)
        rec_w.writerow(AANBEVELING_COLUMNS)
    if jsonl:
        jl = _Sink(Path(jsonl))
        sinks.append(jl)

    def tasks() -> Iterator[Task]:
        for path, rel in walk(src_p, dst_p):
            if not in_shard(rel, shard):
                continue
            try:
                out = str(output_path(dst_p, rel, to))
            except BatchError:
                out = ""  # reported as failed by _run
            yield Task(str(path), rel, out, to, force, want_index, bool(jsonl))

    def handle(outcome: Outcome) -> str | None:
        """Record one outcome; a reason to stop (fail-fast, or asked to stop), or None."""
        if outcome.status == "failed":
            report.failed += 1
            report.failures.append((outcome.rel, outcome.error or "error", outcome.message or ""))
            errors.fh.write(json.dumps({"path": outcome.rel, "error": outcome.error, "message": outcome.message},
                                       ensure_ascii=False) + "\n")
        else:
            if outcome.status == "converted":
                report.converted += 1
            else:
                report.unchanged += 1
            report.warnings += outcome.warnings
            if idx and outcome.index_row is not None:
                idx_w.writerow(outcome.index_row)
            if idx_rec and outcome.aanbeveling_rows:
                rec_w.writerows(outcome.aanbeveling_rows)
            if jl and outcome.record_json is not None:
                jl.fh.write(outcome.record_json + "\n")
        if progress:
            progress(report.total, outcome)
        if fail_fast and outcome.status == "failed":
            return "fail-fast"
        return "stop" if stop and stop() else None

    completed = False
    try:
        for outcome in _run(tasks(), jobs):
            reason = handle(outcome)
            if reason:
                report.interrupted = reason == "stop"
                break
        else:
            completed = True
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        report.seconds = time.perf_counter() - t0
        errors_written = report.failed > 0
        for sink in sinks:
            if sink is errors:
                continue
            # an index of an unfinished run would be partial: the old one stays
            if completed:
                sink.commit()
            else:
                sink.discard()
        if errors_written:
            errors.commit()
        else:
            errors.discard()
            if completed:
                with contextlib.suppress(FileNotFoundError):
                    (dst_p / ERRORS_NAME).unlink()
    return report


def _run(tasks: Iterator[Task], jobs: int) -> Iterator[Outcome]:
    """Outcomes in task order; with jobs > 1, a bounded window of tasks in worker processes."""
    if jobs <= 1:
        for t in tasks:
            yield convert_one(t) if t.output else _refused(t)
        return
    import multiprocessing as mp

    from . import parse as _parse  # noqa: F401  (imported before forking, so workers start warm)
    from .schema import validator

    validator()
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context("spawn")
    window: deque[Future[list[Outcome]]] = deque()
    chunk: list[Task] = []
    size = 16
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init) as pool:
        try:
            for t in tasks:
                chunk.append(t)
                if len(chunk) >= size:
                    window.append(pool.submit(_convert_chunk, chunk))
                    chunk = []
                while len(window) >= jobs * 4:
                    yield from window.popleft().result()
            if chunk:
                window.append(pool.submit(_convert_chunk, chunk))
            while window:
                yield from window.popleft().result()
        except BaseException:
            for f in window:
                f.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _convert_chunk(tasks: list[Task]) -> list[Outcome]:
    return [convert_one(t) if t.output else _refused(t) for t in tasks]


def _refused(t: Task) -> Outcome:
    return Outcome(t.rel, "failed", error="unsafe_name",
                   message="file name refused: it could write outside the output folder")


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process, which stops the run cleanly."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _remove_stale_temps(dst: Path) -> None:
    """Temp files a killed run left behind (never a whole output, so nothing is lost)."""
    for root, _dirs, files in os.walk(dst):
        for name in files:
            if STALE_TMP.match(name) or name.endswith(".partial.tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


def _index_row(rel: str, r: dict[str, Any]) -> list[Any]:
    from .rules.functies import normalise_functie

    m = r["metadata"]
    ks = m.get("kamerstuk") or {}
    # the office in one form ("minister van ..."), so letters that capitalise it differently group together
    functie = normalise_functie(m["afzender"]["functie"])
    return [rel, m["kenmerk"], m["datum"], m["onderwerp"], functie, m["afzender"]["naam"],
            m["afzender"]["ministerie"], m["kamer"], ks.get("dossiernummer"), ks.get("ondernummer"),
            len(r["aanbevelingen"]), len(r["waarschuwingen"])]


def _aanbeveling_rows(rel: str, r: dict[str, Any]) -> Iterator[list[Any]]:
    m = r["metadata"]
    for a in r["aanbevelingen"]:
        yield [rel, m["kenmerk"], m["datum"], a["nummer"], a["titel"], a["standpunt"]]
