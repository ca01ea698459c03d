"""`kamerbrief batch` against hostile archives, unlucky disks, signals and a second run; and reports that
say what happened (issues 9 and 10)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kamerbrief.model
from kamerbrief.cli import main

from .conftest import sample_letters
from .test_batch import batch, make_archive

LINUX = sys.platform.startswith("linux")


def letter_text(i: int = 0) -> str:
    text = sample_letters()[0].read_text(encoding="utf-8")
    return text.replace("Geachte voorzitter,", f"Geachte voorzitter,\n\nVariant {i}.", 1)


def letters(folder: Path, n: int, prefix: str = "brief") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{prefix}-{i:03d}.md" for i in range(n)]
    for i, p in enumerate(paths):
        p.write_text(letter_text(i), encoding="utf-8")
    return paths


def records(dst: Path) -> list[Path]:
    return sorted(p for p in dst.rglob("*.yaml") if not p.name.startswith("."))


def cli(*args: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kamerbrief", *args], capture_output=True, text=True,
                          timeout=300, env=env, **kw)  # type: ignore[call-overload, no-any-return]


def children(pid: int) -> set[int]:
    """Processes whose parent is pid (Linux /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError), open(f"/proc/{entry}/stat", "rb") as fh:
                if int(fh.read().rsplit(b")", 1)[1].split()[1]) == pid:
                    found.add(int(entry))
    return found


def running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def wait_until(condition: object, seconds: float = 60) -> bool:
    """Poll a condition (a safety net against hanging, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@contextlib.contextmanager
def reaped(proc: subprocess.Popen[bytes], pids: set[int]) -> Iterator[None]:
    """Whatever happens in the test, the process, its group and the given workers end."""
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


# A stand-in for a letter that hangs the parser: "traag" keeps running until the time budget stops it,
# "doof" also ignores the budget (as C code that never returns to Python would).
HANG = '''
import os, signal, sys, time
from pathlib import Path

import kamerbrief.parse as kp

real = kp.parse_source


def parse_source(source, **kw):
    if "traag" in source.path or "doof" in source.path:
        if "doof" in source.path:
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
        if os.environ.get("STUCK_MARKER"):
            Path(os.environ["STUCK_MARKER"]).write_text(str(os.getpid()))
        while True:
            time.sleep(0.02)
    return real(source, **kw)


kp.parse_source = parse_source
'''


def hang_script(tmp_path: Path) -> Path:
    script = tmp_path / "hangende_batch.py"
    script.write_text(HANG + "\nfrom kamerbrief.cli import main\nmain(sys.argv[1:], prog_name='kamerbrief')\n",
                      encoding="utf-8")
    return script


# ---- issue 9, item 5: sizes from stat, special files never opened

def test_oversized_sparse_files_are_refused_unread_and_fifos_skipped(tmp_path: Path) -> None:
    from kamerbrief.limits import MAX_INPUT_BYTES

    src = tmp_path / "archief"
    letters(src, 1)
    with open(src / "groot.txt", "wb") as fh:
        fh.truncate(5 * MAX_INPUT_BYTES)  # sparse: takes no disk, but reading it takes 1 GB
    os.mkfifo(src / "pijp.md")  # opening it for reading would block forever

    def small_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (700 * 1024 * 1024,) * 2)

    for jobs in ("1", "2"):
        r = cli("batch", str(src), "-o", str(tmp_path / f"uit{jobs}"), "-j", jobs, preexec_fn=small_memory)
        assert "Traceback" not in r.stderr and r.returncode == 1, r.stderr
        assert "groot.txt: error: file is over the size limit of 200 MB" in r.stderr
        assert "1 converted, 0 unchanged, 1 failed" in r.stderr
        assert "skipped 1 files: 1 special file (FIFO, device or socket)" in r.stderr


def test_a_fifo_swapped_in_after_the_walk_is_not_opened_for_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.md"
    os.mkfifo(fifo)
    code = ("import sys; from kamerbrief.batch import Task, convert_one; "
            "print(convert_one(Task(sys.argv[1], 'pijp.md', sys.argv[2], 'yaml', False, False, False)).error)")
    r = subprocess.run([sys.executable, "-c", code, str(fifo), str(tmp_path / "pijp.md.yaml")],
                       capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "special_file", r.stderr


def test_special_files_as_index_or_record_are_not_replaced_or_read(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src, 2)
    assert batch(str(src), "-o", str(dst))[0] == 0
    os.mkfifo(tmp_path / "index-pijp.csv")
    code, err = batch(str(src), "-o", str(dst), "--index", str(tmp_path / "index-pijp.csv"))
    assert code == 2 and "is not a regular file" in err
    assert stat.S_ISFIFO(os.lstat(tmp_path / "index-pijp.csv").st_mode)
    record = dst / "brief-000.md.yaml"
    record.unlink()
    os.mkfifo(record)  # where a record goes: replaced by the record, never read
    code, err = batch(str(src), "-o", str(dst), "--index", str(dst / "index.csv"))
    assert code == 0 and "1 converted, 1 unchanged" in err and record.is_file()


# ---- issue 9, item 8: a lock, unique temp names, only our own temp files, symlinks that stay inside

def test_a_second_run_on_the_same_output_is_refused_and_a_dead_runs_lock_is_taken_over(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src, 2)
    dst.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import fcntl, os, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, b"%d\\n" % os.getpid())
            print("ready", flush=True)
            time.sleep(600)
        """), str(dst / ".kamerbrief.lock")], stdout=subprocess.PIPE, start_new_session=True)
    with reaped(holder, set()):
        assert holder.stdout is not None and holder.stdout.readline() == b"ready\n"
        code, err = batch(str(src), "-o", str(dst))
        assert code == 2 and "in use by another kamerbrief batch" in err and f"process {holder.pid}" in err
        assert not records(dst)
        holder.kill()
        holder.wait()
    code, err = batch(str(src), "-o", str(dst))  # the lock file stayed; its holder is dead
    assert code == 0 and "2 converted" in err and len(records(dst)) == 2
    assert not (dst / ".kamerbrief.lock").exists()


def test_only_our_own_stale_temp_files_are_removed(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src, 1)
    theirs = [dst / ".git" / "objects" / "pack.partial.tmp", dst / ".git" / ".index.abcdef12.tmp",
              dst / "notities.partial.tmp", dst / ".ander.abcdefgh.tmp", dst / "sub" / ".x.md.yaml.k3j4h5g6.tmp"]
    for p in theirs:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("van een ander programma")
    ours = dst / "sub" / ".kb.4194999.0123abcd.kamerbrief-tmp"  # left by a killed run of ours
    ours.write_text("half")
    assert batch(str(src), "-o", str(dst))[0] == 0
    assert all(p.exists() for p in theirs) and not ours.exists()


def test_symlinked_files_are_followed_only_inside_the_archive(tmp_path: Path) -> None:
    src, dst, outside = tmp_path / "archief", tmp_path / "uit", tmp_path / "elders"
    letters(src, 1)
    (outside_letter,) = letters(outside, 1, prefix="geheim")
    os.symlink(src / "brief-000.md", src / "kopie.md")
    os.symlink(outside_letter, src / "naar-buiten.md")
    code, err = batch(str(src), "-o", str(dst))
    assert code == 0 and "2 converted" in err and "1 symlink to outside the archive" in err
    assert (dst / "kopie.md.yaml").exists() and not (dst / "naar-buiten.md.yaml").exists()
    code, err = batch(str(src), "-o", str(dst), "--follow-symlinks")
    assert code == 0 and "1 converted, 2 unchanged" in err and (dst / "naar-buiten.md.yaml").exists()


# ---- issue 9, item 9: faults are one line for that file, the batch goes on, exit 1

def test_unwritable_places_and_odd_names_fail_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kamerbrief.batch

    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src, 2)
    letters(src / "geblokkeerd", 1)
    (dst).mkdir()
    (dst / "geblokkeerd").write_text("a file where the records' folder would go")
    long_name = "l" * 249 + ".md"  # the name fits; its record's name is over 255 bytes
    (src / long_name).write_text(letter_text(7), encoding="utf-8")
    with open(os.path.join(os.fsencode(src), b"caf\xe9.md"), "w", encoding="utf-8") as fh:
        fh.write(letter_text(8))
    for name in ("C:brief.md", "dossier:12.md"):
        (src / name).write_text(letter_text(9), encoding="utf-8")
    (src / "vol.md").write_text(letter_text(10), encoding="utf-8")

    real_write = kamerbrief.batch.write_file

    def disk_full(path: str, data: bytes) -> None:
        if str(path).endswith("vol.md.yaml"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, data)

    monkeypatch.setattr(kamerbrief.batch, "write_file", disk_full)
    code, err = batch(str(src), "-o", str(dst), "-j", "1")
    assert code == 1 and "Traceback" not in err and "internal" not in err
    assert "4 converted, 0 unchanged, 4 failed" in err
    lines = err.splitlines()
    assert any(line.startswith("kamerbrief: caf\\xe9.md: error: file name is not valid UTF-8") for line in lines)
    assert any(long_name in line and "File name too long" in line for line in lines)
    assert any("geblokkeerd/brief-000.md: error: cannot write its record" in line for line in lines)
    assert any("vol.md: error: cannot write its record: No space left on device" in line for line in lines)
    assert (dst / "C:brief.md.yaml").exists() and (dst / "dossier:12.md.yaml").exists()
    errors = [json.loads(line) for line in (dst / "kamerbrief-errors.jsonl").read_text().splitlines()]
    assert {e["path"] for e in errors} == {"caf\\xe9.md", long_name, "geblokkeerd/brief-000.md", "vol.md"}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_fails_per_letter(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src / "a", 1)
    letters(src / "b", 1)
    (dst / "a").mkdir(parents=True)
    (dst / "a").chmod(0o555)
    try:
        code, err = batch(str(src), "-o", str(dst))
    finally:
        (dst / "a").chmod(0o755)
    assert code == 1 and "a/brief-000.md: error: cannot write its record: Permission denied" in err
    assert "1 converted, 0 unchanged, 1 failed" in err


# ---- issue 9, item 10: the time budget, a worker that ignores it, SIGTERM while one is stuck

def test_a_letter_past_its_time_budget_fails_and_the_batch_goes_on(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import kamerbrief.parse
    from kamerbrief.batch import convert_tree
    from kamerbrief.limits import Limits

    namespace: dict[str, object] = {}
    # HANG replaces parse_source on the module itself: record the real one first, so that it comes back
    monkeypatch.setattr(kamerbrief.parse, "parse_source", kamerbrief.parse.parse_source)
    exec(HANG, namespace)
    monkeypatch.setattr(kamerbrief.parse, "parse_source", namespace["parse_source"])
    src = tmp_path / "archief"
    letters(src, 6)
    (src / "traag.md").write_text(letter_text(), encoding="utf-8")
    report = convert_tree(src, tmp_path / "uit1", jobs=1, limits=Limits(timeout=0.5))
    assert (report.converted, report.failed) == (6, 1)
    assert report.failures[0][:2] == ("traag.md", "limit") and "time budget of 0.5 s" in report.failures[0][2]

    (src / "doof.md").write_text(letter_text(), encoding="utf-8")
    report = convert_tree(src, tmp_path / "uit2", jobs=2, limits=Limits(timeout=0.5))
    assert (report.converted, report.failed) == (6, 2)
    failures = {rel: (code, message) for rel, code, message in report.failures}
    assert failures["traag.md"][0] == "limit" and failures["doof.md"][0] == "limit"
    assert "worker process was killed" in failures["doof.md"][1]
    assert len(records(tmp_path / "uit2")) == 6


def test_with_one_job_a_letter_that_ignores_its_budget_is_stopped_too(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src, 2)
    (src / "doof.md").write_text(letter_text(), encoding="utf-8")
    r = subprocess.run([sys.executable, str(hang_script(tmp_path)), "batch", str(src), "-o", str(dst), "-j", "1",
                        "--timeout", "0.5"], capture_output=True, text=True, timeout=300, start_new_session=True)
    assert r.returncode == 1 and "2 converted, 0 unchanged, 1 failed" in r.stderr
    assert "doof.md: error: took longer than the time budget of 0.5 s and did not stop" in r.stderr


def test_a_worker_that_dies_fails_only_its_letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kamerbrief.parse
    from kamerbrief.batch import convert_tree

    real = kamerbrief.parse.parse_source

    def crash(source: kamerbrief.model.Source, **kw: Any) -> kamerbrief.model.Result:
        if "crash" in source.path:
            os._exit(3)  # as a segfault in a PDF library would end it
        return real(source, **kw)

    monkeypatch.setattr(kamerbrief.parse, "parse_source", crash)
    src = tmp_path / "archief"
    letters(src, 5)
    (src / "crash.md").write_text(letter_text(), encoding="utf-8")
    report = convert_tree(src, tmp_path / "uit", jobs=2)
    assert (report.converted, report.failed) == (5, 1)
    assert report.failures == [("crash.md", "worker_died",
                                "the worker process died while converting this letter (exit code 3)")]


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_sigterm_while_a_worker_is_stuck_ends_the_run_and_its_workers(tmp_path: Path) -> None:
    src, dst, marker = tmp_path / "archief", tmp_path / "uit", tmp_path / "vast.pid"
    letters(src, 4)
    (src / "doof.md").write_text(letter_text(), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(hang_script(tmp_path)), "batch", str(src), "-o", str(dst),
                             "-j", "2", "--timeout", "600"], stderr=subprocess.PIPE,
                            env={**os.environ, "STUCK_MARKER": str(marker)}, start_new_session=True)
    workers: set[int] = set()
    with reaped(proc, workers):
        assert wait_until(lambda: marker.exists() and marker.read_text() and len(records(dst)) == 4)
        workers |= children(proc.pid)
        assert int(marker.read_text()) in workers
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        assert proc.stderr is not None
        err = proc.stderr.read().decode()
        assert proc.returncode == 130 and "interrupted: 4 converted" in err and "Traceback" not in err
        assert wait_until(lambda: not any(running(pid) for pid in workers))


# ---- issue 10, item 1: never over the sources

def test_an_output_over_the_archive_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "archief"
    letters(src, 2)
    (src / "index.txt").write_text("Een brief aan de Kamer, geen index.")
    before = sorted(p.name for p in src.iterdir())
    os.symlink(src, tmp_path / "zelfde")
    for args in (["-o", str(src)], ["-o", str(tmp_path / "zelfde")], ["-o", str(tmp_path)],
                 ["-o", str(tmp_path / "uit"), "--index", str(src / "index.txt")]):
        code, err = batch(str(src), *args)
        assert code == 2 and err.count("\n") == 1 and "kamerbrief: error:" in err, args
    assert sorted(p.name for p in src.iterdir()) == before
    assert (src / "index.txt").read_text() == "Een brief aan de Kamer, geen index."


# ---- issue 10, item 2: modes from the umask

@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_written_files_get_the_mode_the_umask_gives(tmp_path: Path, mask: int) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src, 2)
    (src / "leeg.md").write_bytes(b"")
    old = os.umask(mask)
    try:
        batch(str(src), "-o", str(dst), "-j", "1", "--index", str(dst / "index.csv"),
              "--index-aanbevelingen", str(dst / "aanbevelingen.csv"), "--jsonl", str(tmp_path / "alles.jsonl"))
    finally:
        os.umask(old)
    written = [*records(dst), dst / "index.csv", dst / "aanbevelingen.csv", tmp_path / "alles.jsonl",
               dst / "kamerbrief-errors.jsonl"]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in written} == {p.name: 0o666 & ~mask for p in written}


# ---- issue 10, item 3: workers end with their parent

@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_workers_end_when_the_batch_is_killed(tmp_path: Path) -> None:
    src, dst, marker = tmp_path / "archief", tmp_path / "uit", tmp_path / "vast.pid"
    letters(src, 2)
    (src / "traag.md").write_text(letter_text(), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(hang_script(tmp_path)), "batch", str(src), "-o", str(dst),
                             "-j", "2", "--timeout", "600"], stderr=subprocess.DEVNULL,
                            env={**os.environ, "STUCK_MARKER": str(marker)}, start_new_session=True)
    workers: set[int] = set()
    with reaped(proc, workers):
        assert wait_until(lambda: marker.exists() and marker.read_text())
        workers |= children(proc.pid)
        assert len(workers) == 2
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert wait_until(lambda: not any(running(pid) for pid in workers)), "workers outlived the batch"


# ---- issue 10, item 4: --fail-fast with workers

def test_fail_fast_with_two_jobs_stops_and_reports_what_was_written(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    (src / "a").mkdir(parents=True)
    (src / "a" / "leeg.md").write_bytes(b"")
    letters(src / "b", 60)
    code, err = batch(str(src), "-o", str(dst), "--fail-fast", "-j", "2")
    written = len(records(dst))
    assert code == 1 and f"stopped at the first failure: {written} converted, 0 unchanged, 1 failed" in err
    assert written < 20


# ---- issue 10, item 7: the summary after SIGTERM, and an ETA only once warm

def test_after_sigterm_the_summary_counts_what_is_on_disk(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    make_archive(src, copies=40)
    proc = subprocess.Popen([sys.executable, "-m", "kamerbrief", "batch", str(src), "-o", str(dst), "-j", "2"],
                            stderr=subprocess.PIPE, start_new_session=True)
    with reaped(proc, set()):
        assert wait_until(lambda: len(records(dst)) >= 30)
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.stderr is not None
        err = proc.stderr.read().decode()
        proc.wait()
    assert proc.returncode == 130
    assert f"interrupted: {len(records(dst))} converted, 0 unchanged" in err, err[-300:]


def test_the_eta_waits_for_warm_workers() -> None:
    from kamerbrief.batch import Eta

    eta = Eta(total=1000, warmup=4)
    eta.update(1, 20.0)  # the first letter took 20 s: start-up and imports
    assert eta.remaining() is None and eta.text() == "warming up"
    for i in range(2, 23):
        eta.update(i, 20.0 + (i - 1) * 0.1)  # then 10 letters a second
    left = eta.remaining()
    assert left is not None and 95 <= left <= 105 and eta.text().startswith("10 letters/s")


# ---- issue 10, item 8: warnings named and counted, skipped files explained, orphans, -q

def warned_letter() -> str:
    return "\n".join(line for line in letter_text().splitlines() if "enmerk" not in line) + "\n"


def test_warnings_are_named_written_and_counted_again_on_a_rerun(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src, 3)
    for i in range(7):
        (src / f"zonder-kenmerk-{i}.md").write_text(warned_letter().replace("Variant", f"V{i}"), encoding="utf-8")
    for run in ("first", "rerun"):
        code, err = batch(str(src), "-o", str(dst), "-j", "2")
        assert code == 0 and "7 warnings" in err, run
        # the line of the colophon, where the kenmerk was looked for
        assert "kamerbrief: zonder-kenmerk-0.md:10: warning: no kenmerk found in the letterhead [kenmerk]" in err
        assert "... and 2 more letters with warnings in" in err
        lines = [json.loads(line) for line in (dst / "kamerbrief-warnings.jsonl").read_text().splitlines()]
        assert sorted(w["path"] for w in lines) == [f"zonder-kenmerk-{i}.md" for i in range(7)]
        assert all(w["level"] == "warning" and w["rule"] == "kenmerk" and w["line"] == 10 for w in lines)
    assert "0 converted, 10 unchanged" in err


def test_excluded_and_unsupported_files_are_skipped_and_counted(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    letters(src / "brieven", 2)
    letters(src / "concepten", 2)
    letters(src / "oud", 1, prefix="x")
    (src / "brieven" / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (src / "brieven" / "lijst.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (src / "brieven" / "kapot-kladje.md").write_bytes(b"")
    (src / ".kamerbriefignore").write_text("# drafts are not letters\nconcepten/\n\n*-kladje.md\n")
    code, err = batch(str(src), "-o", str(dst), "--exclude", "oud/*.md")
    assert code == 0, err
    assert "2 converted, 0 unchanged, 0 failed" in err
    assert "skipped 6 files: 2 unsupported format (.doc, .xls), 4 excluded" in err
    assert [p.relative_to(dst).as_posix() for p in records(dst)] == [
        "brieven/brief-000.md.yaml", "brieven/brief-001.md.yaml"]


def test_records_of_deleted_letters_are_named_and_pruned_only_when_asked(tmp_path: Path) -> None:
    src, dst = tmp_path / "archief", tmp_path / "uit"
    paths = letters(src / "map", 3)
    assert batch(str(src), "-o", str(dst))[0] == 0
    paths[1].unlink()
    others = {dst / "map" / "notities.md.yaml": "mijn: aantekeningen\n",  # not a record of ours
              dst / ".git" / "weg.md.yaml": (dst / "map" / "brief-000.md.yaml").read_text(),
              dst / "map" / "lees-mij.txt": "hallo"}
    for p, text in others.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    code, err = batch(str(src), "-o", str(dst))
    assert code == 0 and "1 records whose letter is gone (remove them with --prune): map/brief-001.md.yaml" in err
    assert (dst / "map" / "brief-001.md.yaml").exists()
    code, err = batch(str(src), "-o", str(dst), "--prune")
    assert code == 0 and "pruned 1 records whose letter is gone" in err
    assert not (dst / "map" / "brief-001.md.yaml").exists()
    assert all(p.read_text() == text for p, text in others.items())
    assert (dst / "map" / "brief-000.md.yaml").exists() and (dst / "map" / "brief-002.md.yaml").exists()


def test_help_documents_every_option() -> None:
    from click.testing import CliRunner

    out = CliRunner().invoke(main, ["batch", "--help"], prog_name="kamerbrief").output
    for option in ("--timeout", "--exclude", "--follow-symlinks", "--prune", "--fail-fast", "-q, --quiet",
                   ".kamerbriefignore", "in use"):
        assert option in out
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert out.strip() in readme, "README's `kamerbrief batch --help` is out of date"


def test_the_callers_signal_handlers_are_restored(tmp_path: Path) -> None:
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    letters(tmp_path / "archief", 1)
    assert batch(str(tmp_path / "archief"), "-o", str(tmp_path / "uit"))[0] == 0
    assert {sig: signal.getsignal(sig) for sig in before} == before
