"""`kamerbrief batch`: archive in, records out; reruns skip, kills resume, bad files are listed."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import kamerbrief
from kamerbrief.batch import BatchError, convert_tree, in_shard, output_path, walk
from kamerbrief.cli import main

from .conftest import SAMPLES, sample_letters

BROKEN = {"leeg.md": b"", "binair.txt": bytes(range(256)) * 8, "boodschappen.txt": b"Melk\nBrood\n",
          "kapot.pdf": b"%PDF-1.7\n garbage", "nep.docx": b"PK\x03\x04" + b"\x00" * 40}


def make_archive(root: Path, copies: int = 30) -> int:
    """Letters from the samples with varied content in nested folders, broken files mixed in."""
    letters = [p for p in sample_letters() if p.suffix in (".md", ".txt")]
    n = 0
    for i in range(copies):
        for letter in letters:
            text = letter.read_text(encoding="utf-8").replace("Geachte voorzitter,",
                                                                f"Geachte voorzitter,\n\nKopie {i}.", 1)
            folder = root / f"jaar-{i % 5}" / ("sub" if i % 2 else "")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{i:03d}-{letter.name}").write_text(text, encoding="utf-8")
            n += 1
    for name, data in BROKEN.items():
        (root / "jaar-0" / name).write_bytes(data)
    (root / ".verborgen").mkdir()
    (root / ".verborgen" / "geheim.md").write_text(letters[0].read_text(encoding="utf-8"), encoding="utf-8")
    (root / "jaar-0" / ".stil.md").write_text("x", encoding="utf-8")
    return n


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def test_archive_is_converted_broken_files_listed_and_rerun_skips(tmp_path: Path) -> None:
    src, dst = tmp_path / "archive", tmp_path / "records"
    n = make_archive(src)
    code, err = batch(str(src), "-o", str(dst), "-j", "2", "--index", str(dst / "index.csv"),
                      "--index-aanbevelingen", str(dst / "aanbevelingen.csv"), "--jsonl", str(dst / "all.jsonl"))
    assert code == 1  # some letters failed
    assert f"{n} converted, 0 unchanged, {len(BROKEN)} failed" in err
    records = sorted(dst.rglob("*.yaml"))
    assert len(records) == n and not any(".verborgen" in str(p) or ".stil" in str(p) for p in records)
    assert (dst / "jaar-1" / "sub" / f"001-{sample_letters()[0].name}.yaml").exists()  # the tree is mirrored
    errors = [json.loads(line) for line in (dst / "kamerbrief-errors.jsonl").read_text().splitlines()]
    assert sorted(e["path"] for e in errors) == sorted(f"jaar-0/{name}" for name in BROKEN)
    assert all(e["error"] and e["message"] for e in errors)
    with open(dst / "index.csv", encoding="utf-8", newline="") as fh:
        assert fh.read(1) == "\ufeff"  # BOM: spreadsheets open it as UTF-8
    with open(dst / "index.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n and rows[0]["bestand"] and {r["kamer"] for r in rows} == {"Tweede Kamer", "Eerste Kamer"}
    with open(dst / "aanbevelingen.csv", encoding="utf-8-sig", newline="") as fh:
        recs = list(csv.DictReader(fh))
    assert recs and {r["standpunt"] for r in recs} >= {"overgenomen", "niet_overgenomen"}
    lines = (dst / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == n and json.loads(lines[0])["schema_version"]

    before = tree(dst)
    code, err = batch(str(src), "-o", str(dst), "-j", "2", "--index", str(dst / "index.csv"))
    assert code == 1 and f"0 converted, {n} unchanged, {len(BROKEN)} failed" in err
    assert {k: v for k, v in tree(dst).items() if k.endswith(".yaml")} == {
        k: v for k, v in before.items() if k.endswith(".yaml")}

    changed = next(src.rglob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    code, err = batch(str(src), "-o", str(dst), "-j", "1")
    assert f"1 converted, {n - 1} unchanged" in err
    code, err = batch(str(src), "-o", str(dst), "--force", "-q")
    assert code == 1 and f"{n} converted, 0 unchanged, {len(BROKEN)} failed" in err
    assert err.count(": error: ") == len(BROKEN) and "letters/s)" in err and "batch:" not in err


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    src = tmp_path / "a"
    src.mkdir()
    (src / "0-leeg.md").write_bytes(b"")
    (src / "1-brief.md").write_text(sample_letters()[0].read_text(encoding="utf-8"), encoding="utf-8")
    code, err = batch(str(src), "-o", str(tmp_path / "out"), "--fail-fast", "-j", "1")
    written = len(list((tmp_path / "out").rglob("*.yaml")))  # the letter already sent to the worker, or none
    assert code == 1 and f"stopped at the first failure: {written} converted, 0 unchanged, 1 failed" in err
    assert convert_tree(src, tmp_path / "out2", fail_fast=True).converted == 0  # in this process: none


def test_output_folder_inside_the_archive_is_not_read(tmp_path: Path) -> None:
    src = tmp_path / "archive"
    make_archive(src, copies=1)
    assert batch(str(src), "-o", str(src / "records"), "-q")[0] == 1  # the broken files
    _, err = batch(str(src), "-o", str(src / "records"))
    assert "0 converted" in err and not list((src / "records").rglob("*.yaml.yaml"))


def test_names_that_would_escape_the_output_folder_are_refused(tmp_path: Path) -> None:
    for rel in ("../buiten.md", "a/../../buiten.md", "/etc/passwd", "a/./b.md", "a\x00b.md", ""):
        with pytest.raises(BatchError, match="refusing"):
            output_path(tmp_path, rel, "yaml")
    assert output_path(tmp_path, "a/b/brief.pdf", "json") == tmp_path / "a" / "b" / "brief.pdf.json"


def test_symlinked_folders_are_not_followed(tmp_path: Path) -> None:
    src = tmp_path / "archive"
    make_archive(src, copies=1)
    os.symlink(src, src / "jaar-0" / "lus")
    os.symlink(tmp_path, src / "jaar-0" / "omhoog")
    rels = [rel for _, rel in walk(src, tmp_path / "out")]
    assert rels and not any("lus" in r or "omhoog" in r for r in rels)


def test_shards_are_disjoint_and_cover_the_archive(tmp_path: Path) -> None:
    src = tmp_path / "archive"
    make_archive(src, copies=4)
    rels = [rel for _, rel in walk(src, tmp_path / "out")]
    shards = [{r for r in rels if in_shard(r, (k, 3))} for k in (1, 2, 3)]
    assert set().union(*shards) == set(rels)
    assert sum(len(s) for s in shards) == len(rels) and all(shards)
    _, err = batch(str(src), "-o", str(tmp_path / "out"), "--shard", "2/3", "-j", "1")
    assert f"{len(shards[1]) - sum(1 for r in shards[1] if r.split('/')[-1] in BROKEN)} converted" in err
    assert batch(str(src), "-o", str(tmp_path / "x"), "--shard", "4/3")[0] == 2


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_a_killed_run_resumes_to_the_same_outputs(tmp_path: Path, sig: signal.Signals) -> None:
    src = tmp_path / "archive"
    make_archive(src, copies=60)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    convert_tree(src, whole, jobs=1)
    cmd = [sys.executable, "-m", "kamerbrief", "batch", str(src), "-o", str(resumed), "-j", "2", "-q"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.time() + 30
        while time.time() < deadline and len(list(resumed.rglob("*.yaml"))) < 40:
            time.sleep(0.01)
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
    finally:  # the run's workers are in its process group: none outlives the test
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    if sig == signal.SIGTERM:
        assert proc.returncode == 130
    # only whole files: every record present parses and validates
    for p in resumed.rglob("*.yaml"):
        kamerbrief.schema.check_record(yaml.safe_load(p.read_text(encoding="utf-8")), str(p))
    partial = len(list(resumed.rglob("*.yaml")))
    subprocess.run(cmd, check=False)
    assert tree(resumed) == tree(whole), f"differs after resuming from {partial} records"


def test_dask_bag_over_the_library(tmp_path: Path) -> None:
    dask_bag = pytest.importorskip("dask.bag")
    src = tmp_path / "archive"
    make_archive(src, copies=2)

    def record_or_none(path: str) -> dict[str, object] | None:
        try:
            return kamerbrief.parse_file(path).record
        except kamerbrief.KamerbriefError:
            return None

    paths = [str(p) for p, _ in walk(src, tmp_path / "out")]
    bag = dask_bag.from_sequence(paths, npartitions=4).map(record_or_none).filter(lambda r: r is not None)
    kenmerken = bag.map(lambda r: r["metadata"]["kenmerk"]).compute(scheduler="threads")
    assert len(kenmerken) == len(paths) - len(BROKEN)


def test_a_letter_is_read_whole_when_it_grew_after_its_status_was_taken(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker reads as many bytes as the status says (not the 200 MB limit) and then on to the end."""
    import os

    from kamerbrief import batch as batch_mod
    from kamerbrief.limits import Limits

    letter = tmp_path / "brief.md"
    letter.write_bytes((SAMPLES / "ienw-reactie-advies-fietsparkeren.md").read_bytes())
    real_fstat = os.fstat

    def shrunk(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 10,
                               int(st.st_atime), int(st.st_mtime), int(st.st_ctime)))

    monkeypatch.setattr(batch_mod.os, "fstat", shrunk)
    task = batch_mod.Task(str(letter), "brief.md", str(tmp_path / "brief.md.yaml"), "yaml", False, False, False)
    assert batch_mod._read_source(task) == letter.read_bytes()
    small = batch_mod.Task(str(letter), "brief.md", "", "yaml", False, False, False,
                           limits=Limits(max_input_bytes=100))
    outcome = batch_mod._read_source(small)
    assert isinstance(outcome, batch_mod.Outcome) and outcome.error == "limit"
