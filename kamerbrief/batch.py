"""Convert an archive folder: one record per letter, resumable, parallel, with streamed indexes.

    scan ─▶ letters and skipped files ─▶ workers: stat, read (bounded), hash, skip if unchanged,
          parse within a time budget, write atomically ─▶ main process: streams index rows, JSONL lines,
          errors and warnings into temp files ─▶ renamed at the end

Memory stays flat: paths are walked lazily, at most a bounded window of letters is in flight, and
no record is kept after its row is written. Every file is written through a uniquely named temp file
and a rename, so a run killed at any moment leaves whole files only, and the next run picks up where it
stopped (an output whose `bron.sha256` matches its source is skipped). One run at a time holds a lock
on the output folder. Workers are plain processes the main process watches: a letter that runs past
its time budget and ignores it has its worker killed and replaced; workers end when the main process
dies; an interrupted run kills its workers at once and counts what reached the disk.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import hashlib
import io
import json
import os
import re
import secrets
import stat
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .limits import DEFAULT, MAX_OUTPUT_BYTES, Limits, time_budget
from .model import KamerbriefError, UsageError
from .procs import die_with_parent
from .readers import EXTENSIONS

INDEX_COLUMNS = ("bestand", "kenmerk", "datum", "onderwerp", "afzender_functie", "afzender_naam", "ministerie",
                 "kamer", "dossiernummer", "ondernummer", "aanbevelingen", "waarschuwingen")
AANBEVELING_COLUMNS = ("bestand", "kenmerk", "datum", "nummer", "titel", "standpunt")
ERRORS_NAME = "kamerbrief-errors.jsonl"
WARNINGS_NAME = "kamerbrief-warnings.jsonl"
LOCK_NAME = ".kamerbrief.lock"
IGNORE_NAME = ".kamerbriefignore"
RECORD_SUFFIXES = (".yaml", ".json")
SHA_RE = re.compile(r"""["']?sha256["']?\s*:\s*["']?([0-9a-f]{64})""")
NO_WARNINGS = re.compile(r"""["']?waarschuwingen["']?\s*:\s*\[\]\s*\}?\s*$""")
# Only temp files named like this are ever deleted: ".kb.<pid of the writer>.<random>.kamerbrief-tmp".
TMP_SUFFIX = ".kamerbrief-tmp"
TMP_RE = re.compile(r"^\.kb\.(\d+)\.[0-9a-f]{8,}" + re.escape(TMP_SUFFIX) + "$")
SKIP_REASONS = {
    "unsupported": "unsupported format",
    "excluded": "excluded",
    "symlink": "symlink to outside the archive",
    "broken": "broken symlink",
    "special": "special file (FIFO, device or socket)",
}
SHOWN = 5  # letters with warnings, and orphaned records, named in the summary
HARD_KILL_GRACE = 2.0  # seconds past the time budget before the main process kills a worker


class BatchError(UsageError):
    """The batch cannot start: bad input folder, output inside a file, output over the sources, bad shard."""


class BusyError(BatchError):
    """Another run holds the lock on the output folder."""


@dataclass(frozen=True)
class Task:
    source: str  # path of the letter as walked
    rel: str  # path relative to the archive root, with "/" separators
    output: str  # absolute path of the record file
    to: str
    force: bool
    want_index: bool  # the caller writes index rows
    want_jsonl: bool  # the caller writes the record as a JSON line
    limits: Limits = DEFAULT  # the time budget, the size limit, and the readers' limits
    real: str = ""  # for a symlink that may be followed: its target; else "" (opened without following)
    refused: str = ""  # why this file is not read at all (its name), or ""
    refused_code: str = ""
    posities: bool = False  # add each value's place to the record


Warning_ = tuple[int | None, str, str]  # line, code, message


@dataclass(frozen=True)
class Outcome:
    rel: str
    status: str  # "converted" | "unchanged" | "failed"
    warnings: tuple[Warning_, ...] = ()
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
    stopped: bool = False  # --fail-fast ended the run early
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    letters_with_warnings: int = 0
    warned: list[tuple[str, tuple[Warning_, ...]]] = field(default_factory=list)  # the first SHOWN letters
    skipped: Counter[str] = field(default_factory=Counter)
    unsupported_suffixes: Counter[str] = field(default_factory=Counter)
    orphans: list[str] = field(default_factory=list)  # records whose letter is gone (the first SHOWN)
    orphan_count: int = 0
    pruned: int = 0

    @property
    def total(self) -> int:
        return self.converted + self.unchanged + self.failed

    def summary(self) -> str:
        rate = self.total / self.seconds if self.seconds > 0 else 0.0
        head = "interrupted: " if self.interrupted else "stopped at the first failure: " if self.stopped else ""
        lines = [f"{head}{self.converted} converted, {self.unchanged} unchanged, {self.failed} failed, "
                 f"{self.warnings} warnings in {self.seconds:.1f} s ({rate:.0f} letters/s)"]
        if self.skipped:
            parts = []
            for reason, label in SKIP_REASONS.items():
                if self.skipped[reason]:
                    extra = ""
                    if reason == "unsupported":
                        common = sorted(self.unsupported_suffixes.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
                        extra = " (" + ", ".join(s for s, _ in common) + ")"
                    parts.append(f"{self.skipped[reason]} {label}{extra}")
            lines.append(f"skipped {sum(self.skipped.values())} files: {', '.join(parts)}")
        if self.pruned:
            lines.append(f"pruned {self.pruned} records whose letter is gone")
        elif self.orphan_count:
            more = f" and {self.orphan_count - len(self.orphans)} more" if self.orphan_count > len(self.orphans) else ""
            lines.append(f"{self.orphan_count} records whose letter is gone (remove them with --prune): "
                         f"{', '.join(self.orphans)}{more}")
        return "\n".join(lines)


def printable(name: str) -> str:
    """A file name fit for a terminal and for UTF-8: undecodable bytes and control characters escaped."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


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
    digest = hashlib.sha1(rel.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def output_path(dst: Path, rel: str, to: str) -> Path:
    """Where the record of `rel` goes; refuses any name that would leave the output folder."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\x00" in rel:
        raise BatchError(f"refusing the file name {printable(rel)!r}: it could write outside the output folder")
    if os.name == "nt" and any(":" in p for p in parts):
        raise BatchError(f"refusing the file name {printable(rel)!r}: ':' is not allowed in names on this system")
    out = dst.joinpath(*parts[:-1], f"{parts[-1]}.{'json' if to == 'json' else 'yaml'}")
    root = os.path.abspath(dst)
    if os.path.commonpath([root, os.path.abspath(out)]) != root:
        raise BatchError(f"refusing the file name {printable(rel)!r}: it would write outside the output folder")
    return out


def _name_problem(rel: str) -> tuple[str, str] | None:
    """(code, message) when a file name cannot be carried into a record, else None."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return "bad_name", "file name is not valid UTF-8; rename the file (e.g. with convmv) to convert it"
    if any(ord(c) < 32 or ord(c) == 127 for c in rel):
        return "bad_name", "file name holds a control character; rename the file to convert it"
    return None


class Ignore:
    """gitignore-like globs: `*`, `?`, `[...]`, `**`; a pattern with a `/` is anchored at the archive root,
    one without matches any folder or file name; a trailing `/` matches folders only; `#` starts a comment.
    (No `!` negation.)"""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.rules: list[tuple[re.Pattern[str], bool, bool]] = []
        for raw in patterns:
            p = raw.strip()
            if not p or p.startswith("#"):
                continue
            dir_only = p.endswith("/")
            p = p.rstrip("/")
            anchored = "/" in p
            p = p.lstrip("/")
            if p:
                self.rules.append((re.compile(_glob_re(p)), anchored, dir_only))

    def __bool__(self) -> bool:
        return bool(self.rules)

    def match(self, rel: str) -> bool:
        parts = rel.split("/")
        for rx, anchored, dir_only in self.rules:
            last = len(parts) - 1 if dir_only else len(parts)
            if anchored:
                if any(rx.fullmatch("/".join(parts[:i])) for i in range(1, last + 1)):
                    return True
            elif any(rx.fullmatch(part) for part in parts[:last]):
                return True
        return False


def _glob_re(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def read_ignore_file(src: str | os.PathLike[str]) -> list[str]:
    """The patterns of `.kamerbriefignore` in the archive root (none when there is no such file)."""
    path = os.path.join(src, IGNORE_NAME)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > 1024 * 1024:
            return []
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read().splitlines()
    except OSError:
        return []


@dataclass(frozen=True)
class Entry:
    path: str
    rel: str
    skip: str | None = None  # a key of SKIP_REASONS, or None for a letter
    real: str = ""  # the target of a symlink that is followed


def scan(src: str | os.PathLike[str], dst: str | os.PathLike[str], excludes: Sequence[str] = (),
         follow_symlinks: bool = False) -> Iterator[Entry]:
    """Every non-hidden file below src in a stable order, each a letter or skipped with a reason. Never
    opens a file: special files and symlinks are judged by their status. Not the output folder, no
    symlinked folders (so no loops); symlinked files only when they stay inside the archive."""
    src_abs = os.path.abspath(src)
    src_real = os.path.realpath(src)
    dst_abs = os.path.abspath(dst)
    dst_real = os.path.realpath(dst)
    ignore = Ignore([*read_ignore_file(src_abs), *excludes])
    for root, dirs, files in os.walk(src_abs, followlinks=False):
        rel_root = os.path.relpath(root, src_abs)
        prefix = "" if rel_root == "." else rel_root.replace(os.sep, "/") + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.abspath(os.path.join(root, d)) not in (dst_abs, dst_real))
        for name in sorted(files):
            if name.startswith("."):
                continue
            rel = prefix + name
            path = os.path.join(root, name)
            if ignore and ignore.match(rel):
                yield Entry(path, rel, "excluded")
                continue
            if Path(name).suffix.lower() not in EXTENSIONS:
                yield Entry(path, rel, "unsupported")
                continue
            try:
                st = os.lstat(path)
            except OSError:
                continue  # gone since it was listed
            real = ""
            if stat.S_ISLNK(st.st_mode):
                try:
                    real = os.path.realpath(path, strict=True)
                    st = os.stat(real)
                except OSError:
                    yield Entry(path, rel, "broken")
                    continue
                if not follow_symlinks and os.path.commonpath([src_real, real]) != src_real:
                    yield Entry(path, rel, "symlink")
                    continue
            if not stat.S_ISREG(st.st_mode):
                yield Entry(path, rel, "special")
                continue
            yield Entry(path, rel, None, real)


def walk(src: Path, dst: Path, excludes: Sequence[str] = (), follow_symlinks: bool = False
         ) -> Iterator[tuple[Path, str]]:
    """The letters below src (see `scan`): (path, path relative to src with "/")."""
    for e in scan(src, dst, excludes, follow_symlinks):
        if e.skip is None:
            yield Path(e.path), e.rel


def _failed(task: Task, code: str, message: str) -> Outcome:
    return Outcome(task.rel, "failed", error=code, message=message)


def _read_source(task: Task) -> bytes | Outcome:
    """The letter's bytes, judged by their status before reading: never a special file (opening a FIFO
    blocks), never more than the size limit (a sparse file can claim terabytes)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not task.real:
        flags |= getattr(os, "O_NOFOLLOW", 0)  # it was no symlink when the archive was walked
    try:
        fd = os.open(task.real or task.source, flags)
    except OSError as exc:
        return _failed(task, "unreadable", f"cannot read: {exc.strerror or exc}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return _failed(task, "special_file", "not a regular file (a FIFO, device or socket); not read")
        limit = task.limits.max_input_bytes
        too_big = _failed(task, "limit", f"file is over the size limit of {limit // (1024 * 1024)} MB "
                                         f"({max(st.st_size, limit + 1) // (1024 * 1024)} MB); a letter is far smaller")
        if st.st_size > limit:
            return too_big
        with os.fdopen(os.dup(fd), "rb") as fh:
            # read(limit + 1) would allocate the whole limit (200 MB) for every letter; the size from the
            # status is enough, and a file that grew since is read on to the limit
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += fh.read(limit + 1 - len(data))
        return too_big if len(data) > limit else data
    except OSError as exc:
        return _failed(task, "unreadable", f"cannot read: {exc.strerror or exc}")
    finally:
        os.close(fd)


def convert_one(task: Task) -> Outcome:
    """Worker: skip when the output matches the source, else parse (within the time budget) and write."""
    from .output import dumps
    from .parse import parse_source
    from .readers import from_bytes

    if task.refused:
        return _failed(task, task.refused_code or "bad_name", task.refused)
    data = _read_source(task)
    if isinstance(data, Outcome):
        return data
    digest = hashlib.sha256(data).hexdigest()
    if not task.force:
        same = _unchanged(task, digest)
        if same is not None:
            return same
    try:
        with time_budget(task.limits.timeout, task.rel):
            result = parse_source(from_bytes(data, Path(task.source), None, task.limits), posities=task.posities)
        text = dumps(result.record, task.to)
    except KamerbriefError as exc:
        return _failed(task, exc.code, exc.message)
    except Exception as exc:  # a bug in kamerbrief: reported, and the batch goes on
        return _failed(task, "internal", f"internal error ({type(exc).__name__}: {exc}); please report it")
    try:
        write_file(task.output, text.encode("utf-8"))
    except OSError as exc:
        return _failed(task, "cannot_write", f"cannot write its record: {exc.strerror or exc}")
    return _with_rows(Outcome(task.rel, "converted", warnings=_record_warnings(result.record)), task, result.record)


def _unchanged(task: Task, digest: str) -> Outcome | None:
    """The outcome for a letter whose record is current (its warnings counted from the record), else None."""
    try:
        with _open_regular(task.output) as fh:
            head = fh.read(4096)
            if not (m := SHA_RE.search(head.decode("utf-8", "replace"))) or m.group(1) != digest:
                return None
            if not (task.want_index or task.want_jsonl):
                fh.seek(max(os.fstat(fh.fileno()).st_size - 200, 0))
                if NO_WARNINGS.search(fh.read().decode("utf-8", "replace")):
                    return Outcome(task.rel, "unchanged")
    except OSError:
        return None
    record = _load_record(task.output)
    if record is None:
        return None
    return _with_rows(Outcome(task.rel, "unchanged", warnings=_record_warnings(record)), task, record)


def _record_warnings(record: dict[str, Any]) -> tuple[Warning_, ...]:
    return tuple((w.get("line"), str(w.get("code", "")), str(w.get("message", "")))
                 for w in record.get("waarschuwingen") or () if isinstance(w, dict))


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


def _open_regular(path: str) -> io.BufferedReader:
    """A file opened for reading only if it is a regular file (a FIFO put where a record goes must not
    block the run)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file", path)
    return os.fdopen(fd, "rb")


def _load_record(path: str) -> dict[str, Any] | None:
    """An existing output, for the index of a letter that did not change; None when unreadable."""
    try:
        with _open_regular(path) as fh:
            text = fh.read(MAX_OUTPUT_BYTES + 1).decode("utf-8")
        if len(text) > MAX_OUTPUT_BYTES:
            return None
        if path.endswith(".json"):
            data = json.loads(text)
        else:
            import yaml

            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:
        return None
    return data if isinstance(data, dict) and "metadata" in data else None


def _create_temp(folder: str | os.PathLike[str]) -> tuple[int, str]:
    """A new temp file with a unique name that says who wrote it, and the mode the umask gives."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        path = os.path.join(folder, f".kb.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}")
        with contextlib.suppress(FileExistsError):
            return os.open(path, flags, 0o666), path


# In a worker process: the records written but not yet made durable and renamed, (fd, temp, path) each.
# The worker's committer thread fsyncs and renames them while the next letter is parsed (see _Committer).
_staged: list[tuple[int, str, str]] | None = None


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write through a temp file, fsync and a rename: readers see the old file or the whole new one, also
    after a power loss. In a worker the fsync and rename are left to its committer thread (see _Committer)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = _create_temp(folder)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if _staged is not None:
            _staged.append((fd, tmp, os.fspath(path)))
            return
    except BaseException:
        _discard(fd, tmp)
        raise
    _commit(fd, tmp, os.fspath(path))


def _commit(fd: int, tmp: str, path: str) -> None:
    """The temp file's data on disk (fsync), then renamed over the record: never a partial record."""
    try:
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        _discard(fd, tmp)
        raise


def _discard(fd: int, tmp: str) -> None:
    if fd >= 0:
        with contextlib.suppress(OSError):
            os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


class _Sink:
    """A file written as a stream into a temp file and renamed into place on commit."""

    def __init__(self, path: Path, bom: bool = False) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = _create_temp(path.parent)
        # kept open while the run streams into it; closed by commit() or discard()
        self.fh: io.TextIOWrapper = open(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")  # noqa: SIM115
        self.used = False

    def write(self, text: str) -> None:
        self.used = True
        self.fh.write(text)

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


_LOCK_FDS: set[int] = set()  # closed in workers, so the lock ends with the main process


class OutputLock:
    """One run at a time per output folder: an advisory lock on `<output>/.kamerbrief.lock`. The operating
    system drops the lock when its holder dies, so a lock left by a killed run is simply taken over."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self.fd = -1

    def acquire(self) -> None:
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
            except OSError as exc:
                raise BatchError(f"{self.path.parent}: cannot write in the output folder: "
                                 f"{exc.strerror or exc}") from None
            if not self._lock(fd):
                try:
                    holder = os.read(fd, 32).decode("ascii", "replace").strip()
                finally:
                    os.close(fd)
                raise BusyError(f"{self.path.parent}: the output folder is in use by another kamerbrief batch"
                                f"{f' (process {holder})' if holder else ''}; wait for it or choose another folder")
            try:  # the run before may have removed the file between our open and our lock
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        _LOCK_FDS.add(fd)

    @staticmethod
    def _lock(fd: int) -> bool:
        if sys.platform == "win32":  # pragma: no cover - no flock; msvcrt locks a byte range
            import msvcrt

            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return False
            return True
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def release(self) -> None:
        if self.fd < 0:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        _LOCK_FDS.discard(self.fd)
        os.close(self.fd)
        self.fd = -1


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    # a zombie nobody has reaped yet is dead too
    with contextlib.suppress(OSError, IndexError), open(f"/proc/{pid}/stat", "rb") as fh:
        return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    return True


def _remove_stale_temps(folders: Sequence[Path], locked: Path) -> None:
    """Temp files this tool wrote and left behind when it was killed: never a whole output, never another
    tool's file, never inside a hidden folder such as .git. Below the locked output folder no other run
    can be writing, so all of ours are stale; elsewhere only those whose writer has died."""
    def clean(folder: str, names: list[str], check_writer: bool) -> None:
        for name in names:
            m = TMP_RE.match(name)
            if m and not (check_writer and _alive(int(m.group(1)))):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))

    for root, dirs, files in os.walk(locked):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        clean(root, files, check_writer=False)
    for folder in folders:
        if not _inside(os.path.abspath(folder), os.path.abspath(locked)):
            with contextlib.suppress(OSError):
                clean(str(folder), os.listdir(folder), check_writer=True)


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _check_places(src: Path, dst: Path, extras: Sequence[Path]) -> None:
    """Refuse outputs that would land on or among the letters."""
    src_real, dst_real = os.path.realpath(src), os.path.realpath(dst)
    if src_real == dst_real:
        raise BatchError(f"{dst}: the output folder is the archive itself; records would be written among "
                         "the letters: give a folder of its own")
    if _inside(src_real, dst_real):
        raise BatchError(f"{dst}: the archive is inside the output folder; give a folder of its own")
    for extra in extras:
        if os.path.exists(extra) and not os.path.isfile(extra):
            raise BatchError(f"{extra}: exists and is not a regular file; it would be replaced, not written to")
        real = os.path.realpath(extra)
        if _inside(real, src_real) and not _inside(real, dst_real):
            raise BatchError(f"{extra}: is inside the archive and could overwrite a letter; "
                             "write it to the output folder or elsewhere")


def convert_tree(src: str | os.PathLike[str], dst: str | os.PathLike[str], *, to: str = "yaml", jobs: int = 1,
                 force: bool = False, fail_fast: bool = False, shard: tuple[int, int] | None = None,
                 index: str | os.PathLike[str] | None = None, index_aanbevelingen: str | os.PathLike[str] | None = None,
                 jsonl: str | os.PathLike[str] | None = None,
                 progress: Callable[[int, Outcome], None] | None = None,
                 stop: Callable[[], bool] | None = None, limits: Limits | None = None,
                 excludes: Sequence[str] = (), follow_symlinks: bool = False, prune: bool = False,
                 processes: bool | None = None, posities: bool = False) -> BatchReport:
    """Convert every letter below `src` into `dst`. Never raises for a bad letter; see BatchReport.failures.
    With `posities`, each record says where its values came from (see parse_source).

    Letters are converted in `jobs` worker processes when `processes` is true (default: when jobs > 1):
    only then can a letter stuck outside Python be stopped. Raises BatchError when the run cannot start
    (BusyError when another run holds `dst`)."""
    limits = limits or DEFAULT
    src_p, dst_p = Path(src), Path(dst)
    if not src_p.is_dir():
        raise BatchError(f"{src}: not a folder")
    if dst_p.exists() and not dst_p.is_dir():
        raise BatchError(f"{dst}: exists and is not a folder")
    extras = [Path(p) for p in (index, index_aanbevelingen, jsonl) if p]
    _check_places(src_p, dst_p, extras)
    try:
        dst_p.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{dst}: cannot create the output folder: {exc.strerror or exc}") from None
    lock = OutputLock(dst_p)
    lock.acquire()
    try:
        _remove_stale_temps([p.parent for p in extras], dst_p)
        use_pool = jobs > 1 if processes is None else processes
        return _convert(src_p, dst_p, to, max(jobs, 1) if use_pool else 0, force, fail_fast, shard, index,
                        index_aanbevelingen, jsonl, progress, stop, limits, excludes, follow_symlinks, prune,
                        posities=posities)
    finally:
        lock.release()


def _convert(src_p: Path, dst_p: Path, to: str, jobs: int, force: bool, fail_fast: bool,
             shard: tuple[int, int] | None, index: str | os.PathLike[str] | None,
             index_aanbevelingen: str | os.PathLike[str] | None, jsonl: str | os.PathLike[str] | None,
             progress: Callable[[int, Outcome], None] | None, stop: Callable[[], bool] | None, limits: Limits,
             excludes: Sequence[str], follow_symlinks: bool, prune: bool, *, posities: bool = False) -> BatchReport:
    want_index = bool(index or index_aanbevelingen)
    report = BatchReport()
    t0 = time.perf_counter()
    sinks: list[_Sink] = []
    try:
        errors = _Sink(dst_p / ERRORS_NAME)
        sinks.append(errors)
        warns = _Sink(dst_p / WARNINGS_NAME)
        sinks.append(warns)
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
    except OSError as exc:
        for sink in sinks:
            sink.discard()
        raise BatchError(f"cannot write in the output folder: {exc.strerror or exc}") from None

    def tasks() -> Iterator[Task]:
        for entry in scan(src_p, dst_p, excludes, follow_symlinks):
            if not in_shard(entry.rel, shard):
                continue
            if entry.skip:
                report.skipped[entry.skip] += 1
                if entry.skip == "unsupported":
                    report.unsupported_suffixes[Path(entry.rel).suffix.lower() or "(no suffix)"] += 1
                continue
            problem = _name_problem(entry.rel)
            out = ""
            if problem is None:
                try:
                    out = str(output_path(dst_p, entry.rel, to))
                except BatchError as exc:
                    problem = ("unsafe_name", str(exc))
            rel = printable(entry.rel) if problem else entry.rel
            yield Task(entry.path, rel, out, to, force, want_index, bool(jsonl), limits, entry.real,
                       problem[1] if problem else "", problem[0] if problem else "", posities)

    def handle(outcome: Outcome, counting_only: bool = False) -> str | None:
        """Record one outcome; a reason to stop (fail-fast, or asked to stop), or None."""
        if outcome.status == "failed":
            report.failed += 1
            report.failures.append((outcome.rel, outcome.error or "error", outcome.message or ""))
            errors.write(json.dumps({"path": outcome.rel, "level": "error", "error": outcome.error,
                                     "message": outcome.message}, ensure_ascii=False) + "\n")
        else:
            if outcome.status == "converted":
                report.converted += 1
            else:
                report.unchanged += 1
            if outcome.warnings:
                report.warnings += len(outcome.warnings)
                report.letters_with_warnings += 1
                if len(report.warned) < SHOWN:
                    report.warned.append((outcome.rel, outcome.warnings))
                for line, code, message in outcome.warnings:
                    warns.write(json.dumps({"path": outcome.rel, "level": "warning", "line": line, "rule": code,
                                            "message": message}, ensure_ascii=False) + "\n")
            if idx and outcome.index_row is not None:
                idx_w.writerow(outcome.index_row)
            if idx_rec and outcome.aanbeveling_rows:
                rec_w.writerows(outcome.aanbeveling_rows)
            if jl and outcome.record_json is not None:
                jl.write(outcome.record_json + "\n")
        if counting_only:
            return None
        if progress:
            progress(report.total, outcome)
        if fail_fast and outcome.status == "failed":
            return "fail-fast"
        return "stop" if stop and stop() else None

    completed = False
    pool = _Pool(jobs, limits.timeout) if jobs else None  # jobs 0: in this process
    try:
        try:
            outcomes = pool.run(tasks()) if pool else (convert_one(t) for t in tasks())
            for outcome in outcomes:
                reason = handle(outcome, counting_only=report.stopped)
                if reason == "fail-fast":
                    report.stopped = True
                    if pool is None:
                        break
                    pool.stop()  # what is already running finishes and is counted
                elif reason == "stop":
                    raise KeyboardInterrupt
            completed = not report.stopped
        except KeyboardInterrupt:
            report.interrupted = True
            if pool:
                for outcome in pool.abort():
                    handle(outcome, counting_only=True)
        finally:
            if pool:
                pool.close()
        if completed:
            _orphans(src_p, dst_p, shard, prune, report)
    finally:
        report.seconds = time.perf_counter() - t0
        for sink in sinks:
            if sink in (errors, warns):
                continue
            # an index of an unfinished run would be partial: the old one stays
            if completed:
                sink.commit()
            else:
                sink.discard()
        for sink, name in ((errors, ERRORS_NAME), (warns, WARNINGS_NAME)):
            if sink.used:
                sink.commit()
            else:
                sink.discard()
                if completed:
                    with contextlib.suppress(OSError):
                        (dst_p / name).unlink()
    return report


def _orphans(src: Path, dst: Path, shard: tuple[int, int] | None, prune: bool, report: BatchReport) -> None:
    """Records this tool wrote whose letter is no longer in the archive: named, or removed with prune."""
    dst_abs = os.path.abspath(dst)
    for root, dirs, files in os.walk(dst_abs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = os.path.relpath(root, dst_abs)
        prefix = "" if rel_root == "." else rel_root.replace(os.sep, "/") + "/"
        for name in sorted(files):
            base, suffix = os.path.splitext(name)
            if name.startswith(".") or suffix not in RECORD_SUFFIXES or Path(base).suffix.lower() not in EXTENSIONS:
                continue
            rel_src = prefix + base
            if not in_shard(rel_src, shard) or os.path.lexists(src / rel_src):
                continue
            path = os.path.join(root, name)
            record = _load_record(path)
            if record is None or not isinstance(record.get("bron"), dict) or "sha256" not in record["bron"]:
                continue  # not a record of ours
            if prune:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
                report.pruned += 1
            else:
                report.orphan_count += 1
                if len(report.orphans) < SHOWN:
                    report.orphans.append(printable(prefix + name))


class Eta:
    """Rate and time left, measured only once the workers are warm (the first letters include start-up,
    imports and caches, and would make the first estimate absurd)."""

    def __init__(self, total: int, warmup: int = 8, min_seconds: float = 1.0) -> None:
        self.total, self.warmup, self.min_seconds = total, warmup, min_seconds
        self.mark: tuple[int, float] | None = None  # (done, time) when warm
        self.done, self.now = 0, 0.0

    def update(self, done: int, now: float) -> None:
        self.done, self.now = done, now
        if self.mark is None and done >= self.warmup:
            self.mark = (done, now)

    def rate(self) -> float | None:
        """Letters per second since warm-up, or None while it is too early to say."""
        if self.mark is None:
            return None
        done0, t0 = self.mark
        if self.done - done0 < self.warmup or self.now - t0 < self.min_seconds:
            return None
        return (self.done - done0) / (self.now - t0)

    def remaining(self) -> float | None:
        rate = self.rate()
        return None if not rate else max(self.total - self.done, 0) / rate

    def text(self) -> str:
        rate, left = self.rate(), self.remaining()
        if rate is None or left is None:
            return "warming up"
        return f"{rate:.0f} letters/s, about {int(left) // 60}:{int(left) % 60:02d} left"


@dataclass
class _Worker:
    proc: Any  # multiprocessing Process
    conn: Any  # the main process's end of its pipe
    current: Any = None  # shared with the worker: the seq of the letter it is converting, or -1
    queue: deque[tuple[int, Task, int]] = field(default_factory=deque)  # (seq, task, time sent in ns)
    started: float = 0.0  # when the letter at the head of the queue began


class _Pool:
    """Worker processes that the main process watches: outcomes in task order, at most two letters queued
    per worker, a worker past its letter's time budget (plus grace) killed and replaced, a worker that
    died replaced, all workers killed at once on abort."""

    def __init__(self, jobs: int, timeout: float | None) -> None:
        import multiprocessing as mp

        from . import parse as _parse  # noqa: F401  (imported before forking, so workers start warm)
        from .output import fast_dumper
        from .schema import fast_validator

        # what every letter needs, made once before forking. python-jsonschema's validator (about 140 ms to import
        # and build) only where no jsonschema-rs wheel is installed; elsewhere it only explains a record the fast
        # check refuses (a kamerbrief bug) and is built on demand
        if fast_validator() is None:
            from .schema import validator

            validator()
        fast_dumper()
        self.ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context("spawn")
        self.jobs = jobs
        self.hard_limit = timeout * 1.5 + HARD_KILL_GRACE if timeout else None
        self.timeout = timeout
        self.workers: list[_Worker] = []
        self.pending: dict[int, Outcome] = {}
        self.backlog: deque[tuple[int, Task]] = deque()
        self.stopping = False

    def _spawn(self) -> _Worker:
        parent_end, child_end = self.ctx.Pipe()
        current = self.ctx.RawValue("q", -1)
        proc = self.ctx.Process(target=_worker_main, args=(child_end, os.getpid(), sorted(_LOCK_FDS), current),
                                daemon=True)
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end, current)

    def stop(self) -> None:
        """Send no more letters; run() ends once those already sent are done."""
        self.stopping = True
        self.backlog.clear()

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        from multiprocessing.connection import wait

        self.workers = [self._spawn() for _ in range(self.jobs)]
        next_in = next_out = 0
        exhausted = False
        window = self.jobs * 4
        while True:
            for i, w in enumerate(self.workers):
                if not w.queue and not w.proc.is_alive():  # died while idle (the OOM killer, say)
                    self._retire(w)
                    self.workers[i] = w = self._spawn()
                while len(w.queue) < 2 and not self.stopping:
                    if self.backlog:
                        seq, task = self.backlog.popleft()
                    elif not exhausted and next_in < next_out + window:
                        t = next(tasks, None)
                        if t is None:
                            exhausted = True
                            break
                        seq, task = next_in, t
                        next_in += 1
                    else:
                        break
                    if not w.queue:
                        w.started = time.monotonic()
                    try:
                        w.conn.send((seq, task))
                    except OSError:  # it died just now: the letter waits for the next worker
                        self.backlog.appendleft((seq, task))
                        break
                    w.queue.append((seq, task, time.time_ns()))
            if self.stopping:  # no order to keep any more: what is done, as it comes
                for seq in sorted(self.pending):
                    yield self.pending.pop(seq)
            while next_out in self.pending:
                yield self.pending.pop(next_out)
                next_out += 1
            busy = [w for w in self.workers if w.queue]
            if not busy:
                if (exhausted or self.stopping) and not self.backlog:
                    return
                continue
            wait_for = None
            if self.hard_limit is not None:
                wait_for = max(min(w.started for w in busy) + self.hard_limit - time.monotonic(), 0.0)
            wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=wait_for)
            for i, w in enumerate(self.workers):
                if w.queue:
                    self._collect(w)
                    dead = not w.proc.is_alive()
                    late = (self.hard_limit is not None and w.queue
                            and time.monotonic() - w.started > self.hard_limit)
                    if (dead and w.queue) or late:
                        self.workers[i] = self._replace(w, dead)

    def _collect(self, w: _Worker) -> None:
        try:
            while w.queue and w.conn.poll():
                seq, outcome = w.conn.recv()
                w.queue.popleft()
                self.pending[seq] = outcome
                w.started = time.monotonic()
        except Exception:  # EOF, or half a message from a worker that was killed while sending
            pass

    def _retire(self, w: _Worker) -> None:
        w.proc.join()
        with contextlib.suppress(OSError):
            w.conn.close()

    def _replace(self, w: _Worker, dead: bool) -> _Worker:
        """The letter at the head fails; the worker is ended and its other letters go to a new one."""
        if not dead:
            w.proc.kill()
        w.proc.join()
        self._collect(w)  # it may have sent a result while being killed
        w.conn.close()
        if w.queue:
            # the letter it was converting; the ones before it may still have been having their record
            # committed (see _Committer): they are sent again, as are those after it
            at = next((k for k, (s, _, _) in enumerate(w.queue) if s == w.current.value), 0)
            seq, task, _ = w.queue[at]
            del w.queue[at]
            if dead:
                code = w.proc.exitcode
                how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                self.pending[seq] = _failed(task, "worker_died",
                                            f"the worker process died while converting this letter ({how})")
            else:
                self.pending[seq] = _failed(task, "limit", f"took longer than the time budget of {self.timeout:g} s "
                                                           "and did not stop; its worker process was killed")
        if not self.stopping:
            self.backlog.extendleft(reversed([(s, t) for s, t, _ in w.queue]))
        return self._spawn()

    def abort(self) -> list[Outcome]:
        """Kill every worker now; the outcomes that reached the main process or the disk."""
        for w in self.workers:
            with contextlib.suppress(OSError):
                w.proc.kill()
        found: list[Outcome] = []
        for w in self.workers:
            with contextlib.suppress(Exception):  # a worker interrupted while it was being started
                w.proc.join()
            self._collect(w)
            for _seq, task, sent in w.queue:  # written, but killed before it could say so
                with contextlib.suppress(OSError):
                    if task.output and os.stat(task.output).st_mtime_ns >= sent - 50_000_000:
                        found.append(Outcome(task.rel, "converted"))
            w.queue.clear()
        found[:0] = [self.pending.pop(seq) for seq in sorted(self.pending)]
        return found

    def close(self) -> None:
        for w in self.workers:
            with contextlib.suppress(Exception):
                if w.proc.is_alive():
                    w.conn.send(None)
        for w in self.workers:
            with contextlib.suppress(Exception):
                w.proc.join(timeout=5)
                if w.proc.is_alive():
                    w.proc.kill()
                    w.proc.join()
            with contextlib.suppress(OSError):
                w.conn.close()
        self.workers = []


def _worker_main(conn: Any, parent: int, lock_fds: list[int], current: Any) -> None:
    """A worker: letters in, outcomes out, until told to stop or its parent is gone."""
    import signal

    global _staged
    for fd in lock_fds:  # the lock belongs to the main process alone
        with contextlib.suppress(OSError):
            os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)
    committer = _Committer(conn)
    _staged = []
    try:
        while True:
            try:
                item = conn.recv()
            except (EOFError, OSError):
                return
            if item is None:
                return
            seq, task = item
            current.value = seq  # so the main process knows whom to blame if this process dies or hangs
            try:
                outcome = convert_one(task)
            except Exception as exc:  # MemoryError, say: this letter fails, the worker goes on
                outcome = _failed(task, "internal", f"internal error ({type(exc).__name__}: {exc}); please report it")
            current.value = -1
            staged, _staged[:] = list(_staged), []
            if not committer.put(seq, task, outcome, staged):
                return  # the main process is gone
    finally:
        committer.close()


class _Committer:
    """A worker's second thread: makes each written record durable (fsync) and renames it into place, then
    sends the letter's outcome, so the main process hears "converted" only once the record is whole on
    disk. The fsync, which waits for the disk, overlaps the parse of the next letter instead of idling a
    core. Outcomes go out in the order the letters came in (the main process relies on it)."""

    def __init__(self, conn: Any) -> None:
        import queue
        import threading

        self.conn = conn
        self.items: queue.SimpleQueue[tuple[int, Task, Outcome, list[tuple[int, str, str]]] | None] = \
            queue.SimpleQueue()
        self.gone = threading.Event()
        self.thread = threading.Thread(target=self._run, name="kamerbrief-commit", daemon=True)
        self.thread.start()

    def put(self, seq: int, task: Task, outcome: Outcome, staged: list[tuple[int, str, str]]) -> bool:
        if self.gone.is_set():
            for fd, tmp, _ in staged:
                _discard(fd, tmp)
            return False
        self.items.put((seq, task, outcome, staged))
        return True

    def _run(self) -> None:
        while (item := self.items.get()) is not None:
            seq, task, outcome, staged = item
            for fd, tmp, path in staged:
                if self.gone.is_set():
                    _discard(fd, tmp)
                    continue
                try:
                    _commit(fd, tmp, path)
                except OSError as exc:
                    outcome = _failed(task, "cannot_write", f"cannot write its record: {exc.strerror or exc}")
            if self.gone.is_set():
                continue
            try:
                self.conn.send((seq, outcome))
            except OSError:  # the main process is gone
                self.gone.set()

    def close(self) -> None:
        """Commit and report what is queued, then end the thread."""
        self.items.put(None)
        self.thread.join()


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
