"""`kamerbrief parse` as a careful user and a careless one meet it: inputs and outputs that must stay safe,
options that must be honoured, and usage errors in one line."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import kamerbrief.parse
from kamerbrief.cli import main
from kamerbrief.limits import LimitError
from kamerbrief.output import write_atomic

from .conftest import SAMPLES

LETTER = SAMPLES / "ienw-reactie-advies-fietsparkeren.md"
GUARD = 120  # seconds; only so that a regression that blocks fails instead of hanging the run


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def cli(*args: str, stdin: object = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kamerbrief", *args], stdin=stdin, capture_output=True, text=True,
                          timeout=GUARD, check=False, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# -- inputs ------------------------------------------------------------------------------------------------

def test_a_device_or_fifo_as_input_is_refused_without_reading(tmp_path: Path) -> None:
    proc = cli("parse", "/dev/zero")
    assert proc.returncode == 2 and "is a device, not a regular file" in one_line(proc.stderr)
    fifo = tmp_path / "letter.fifo"
    os.mkfifo(fifo)
    proc = cli("parse", str(fifo))  # nobody writes: opening it would block
    assert proc.returncode == 2 and "is a FIFO (named pipe)" in one_line(proc.stderr)


def test_standard_input_is_read_with_a_bound() -> None:
    from kamerbrief.readers import read_bounded

    with pytest.raises(LimitError, match="larger than the 100 bytes limit"):
        read_bounded(io.BytesIO(b"x" * 101), 100)
    assert read_bounded(io.BytesIO(b"x" * 100), 100) == b"x" * 100
    with open("/dev/zero", "rb") as zero:
        proc = cli("parse", "-", stdin=zero)
    assert proc.returncode == 3 and "larger than the 200 MB limit" in one_line(proc.stderr)


# -- outputs -----------------------------------------------------------------------------------------------

def test_a_fifo_as_output_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def drain() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    code, out, err = run("parse", str(LETTER), "-o", str(fifo))
    if not got:  # the old way renamed a file over the FIFO: unblock the reader before failing
        with open(fifo, "wb"):
            pass
    reader.join(GUARD)
    assert code == 0 and out == "", err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert yaml.safe_load(got[0])["metadata"]["kenmerk"] == "IENW/BSK-2024/118204"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]


def test_dev_null_and_dev_stdout_stay_devices() -> None:
    before = os.stat("/dev/null")
    write_atomic("/dev/null", "niets\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    proc = cli("parse", str(LETTER), "--to", "json", "-o", "/dev/stdout")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["metadata"]["kenmerk"] == "IENW/BSK-2024/118204"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_stdout_redirected_to_a_file_writes_into_that_file(tmp_path: Path) -> None:
    link = os.lstat("/dev/stdout")
    with open(tmp_path / "out.json", "w") as out:
        proc = subprocess.run([sys.executable, "-m", "kamerbrief", "parse", str(LETTER), "-o", "/dev/stdout",
                               "--to", "json"], stdout=out, stderr=subprocess.PIPE, text=True, timeout=GUARD,
                              check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["bron"]["formaat"] == "markdown"
    after = os.lstat("/dev/stdout")
    assert (after.st_mode, after.st_ino) == (link.st_mode, link.st_ino)
    assert not [p for p in os.listdir("/dev") if p.endswith(".tmp")]


def test_a_symlinked_output_keeps_its_link(tmp_path: Path) -> None:
    real = tmp_path / "records" / "a.yaml"
    real.parent.mkdir()
    real.write_text("oud\n", encoding="utf-8")
    (tmp_path / "a.yaml").symlink_to(real)
    code, _, err = run("parse", str(LETTER), "-o", str(tmp_path / "a.yaml"))
    assert code == 0, err
    assert (tmp_path / "a.yaml").is_symlink()
    assert yaml.safe_load(real.read_text(encoding="utf-8"))["bron"]["formaat"] == "markdown"


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "dotted"])
def test_the_input_is_never_the_output(tmp_path: Path, how: str) -> None:
    letter = tmp_path / "copy.txt"
    letter.write_bytes(LETTER.read_bytes())
    out = {"same": letter, "symlink": tmp_path / "link.txt", "hardlink": tmp_path / "hard.txt",
           "dotted": tmp_path / "." / "copy.txt"}[how]
    if how == "symlink":
        out.symlink_to(letter)
    elif how == "hardlink":
        os.link(letter, out)
    code, out_text, err = run("parse", str(letter), "-o", str(out))
    assert code == 2 and out_text == ""
    assert "the output is the input letter" in one_line(err)
    assert letter.read_bytes() == LETTER.read_bytes()
    assert stat.S_ISLNK(os.lstat(out).st_mode) == (how == "symlink")


def test_written_files_get_the_mode_the_umask_gives(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        code, _, err = run("parse", str(LETTER), "-o", str(tmp_path / "r.yaml"))
        os.umask(0o027)
        code2, _, _ = run("parse", str(LETTER), "-o", str(tmp_path / "r2.yaml"))
    finally:
        os.umask(old)
    assert (code, code2) == (0, 0), err
    assert stat.S_IMODE(os.stat(tmp_path / "r.yaml").st_mode) == 0o644
    assert stat.S_IMODE(os.stat(tmp_path / "r2.yaml").st_mode) == 0o640


@pytest.mark.parametrize(("name", "to", "want"), [("r.json", None, "json"), ("r.yaml", None, "yaml"),
                                                  ("r.yml", None, "yaml"), ("r.out", None, "yaml"),
                                                  ("r.json", "yaml", "yaml"), ("R.JSON", None, "json")])
def test_the_output_format_follows_the_suffix_unless_to_is_given(tmp_path: Path, name: str, to: str | None,
                                                                  want: str) -> None:
    args = ["parse", str(LETTER), "-o", str(tmp_path / name)] + (["--to", to] if to else [])
    code, _, err = run(*args)
    assert code == 0, err
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert text.startswith("{") == (want == "json")
    record = json.loads(text) if want == "json" else yaml.safe_load(text)
    assert record["metadata"]["kenmerk"] == "IENW/BSK-2024/118204"


def test_emit_text_as_json_gives_each_line_with_its_number_page_and_role() -> None:
    code, out, err = run("parse", str(LETTER), "--emit-text", "--to", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["format"] == "markdown" and doc["text"] == LETTER.read_text(encoding="utf-8")
    lines = doc["lines"]
    assert [ln["line"] for ln in lines] == list(range(1, len(lines) + 1))
    assert [ln["text"] for ln in lines] == LETTER.read_text(encoding="utf-8").splitlines()
    role: dict[str, str] = {}
    for ln in lines:
        role.setdefault(ln["text"], ln["role"])  # the first of repeated lines (the colophon on page 2)
    assert role["Geachte voorzitter,"] == "salutation"
    assert role["**Ons kenmerk**  "] == "head"
    assert [ln["role"] for ln in lines if ln["text"] == "**Ons kenmerk**  "] == ["head", "page_furniture"]
    assert role["Hoogachtend,"] == "signature"
    assert role[""] == "blank"
    assert any(r == "body" and t.startswith("Deze aanbeveling kan ik onderschrijven") for t, r in role.items())
    code, out, _ = run("parse", str(LETTER), "--emit-text")
    assert code == 0 and out == LETTER.read_text(encoding="utf-8") + "\n"


# -- options -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("alias", ["md", "MD", "markdown"])
def test_from_takes_suffixes_as_format_names(tmp_path: Path, alias: str) -> None:
    letter = tmp_path / "letter.bin"
    letter.write_bytes(LETTER.read_bytes())
    code, out, err = run("parse", str(letter), "--from", alias, "--to", "json")
    assert code == 0, err
    assert json.loads(out)["bron"]["formaat"] == "markdown"
    code, out, err = run("parse", str(letter), "--from", "txt", "--to", "json")
    assert code == 0 and json.loads(out)["bron"]["formaat"] == "text", err


def test_a_letter_over_the_time_budget_is_one_line_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    def forever(source: object, **kw: object) -> None:
        while True:
            pass

    monkeypatch.setattr(kamerbrief.parse, "parse_source", forever)
    code, out, err = run("parse", str(LETTER), "--timeout", "0.5")
    assert code == 3 and out == ""
    assert one_line(err) == (f"kamerbrief: {LETTER}: error: took longer than the time budget of 0.5 s "
                             "(set it with --timeout)")


USAGE = [
    (["parse", str(LETTER), "--to", "xml"], "kamerbrief parse"),
    (["parse"], "kamerbrief parse"),
    (["parse", str(LETTER), "--no-such-option"], "kamerbrief parse"),
    (["parse", str(LETTER), "--timeout", "-1"], "kamerbrief parse"),
    (["pars", str(LETTER)], "kamerbrief"),
    (["validate"], "kamerbrief validate"),
    (["validate", "x.yaml", "--format", "xml"], "kamerbrief validate"),
    (["batch", "archive"], "kamerbrief batch"),
    (["schema", "extra"], "kamerbrief schema"),
    (["--no-such-option"], "kamerbrief"),
]


@pytest.mark.parametrize(("args", "command"), USAGE, ids=[" ".join(a[0:1] + a[2:]) for a, _ in USAGE])
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], command: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    line = one_line(err)
    assert line.startswith("kamerbrief: error: ") and line.endswith(f"(see {command} --help)"), line


def test_help_and_version_still_exit_0() -> None:
    code, out, err = run()
    assert "Commands:" in out + err and "kamerbrief: error" not in out + err  # the bare command shows the help
    code, out, _ = run("parse", "--help")
    assert code == 0 and "--timeout SECONDS" in out
    code, out, _ = run("--version")
    assert code == 0 and "kamerbrief" in out


def test_the_readme_shows_the_current_parse_help_and_every_limit() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("$ kamerbrief parse --help\n") + len("$ kamerbrief parse --help\n")
    shown = readme[start:readme.index("```", start)]
    result = CliRunner().invoke(main, ["parse", "--help"], terminal_width=80)
    assert shown == result.stdout
    limits = readme[readme.index("## Limits"):]
    from kamerbrief.limits import Limits

    for name in Limits.__dataclass_fields__:
        assert name == "timeout" or f"`Limits.{name}`" in limits, name
    assert "`parse --timeout SECONDS`" in limits


def test_a_record_over_the_output_limit_is_refused_and_nothing_written(monkeypatch: pytest.MonkeyPatch,
                                                                        tmp_path: Path) -> None:
    import kamerbrief.output

    monkeypatch.setattr(kamerbrief.output, "dumps", lambda record, to="yaml": "x" * (50 * 1024 * 1024 + 1))
    code, out, err = run("parse", str(LETTER), "-o", str(tmp_path / "r.yaml"))
    assert code == 3 and out == ""
    assert "larger than the 50 MB output limit" in one_line(err)
    assert list(tmp_path.iterdir()) == []
