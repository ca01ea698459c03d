"""The command line: output, exit codes, one-line errors for bad input, atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kamerbrief.cli import main

from .conftest import SAMPLES

SEED = SAMPLES / "ienw-reactie-advies-fietsparkeren.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_parse_prints_yaml() -> None:
    code, out, _ = run("parse", str(SEED))
    assert code == 0
    record = yaml.safe_load(out)
    assert record["metadata"]["kenmerk"] == "IENW/BSK-2024/118204"


def test_parse_to_json_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "letter.json"
    before = SEED.read_bytes()
    code, out, _ = run("parse", str(SEED), "--to", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["metadata"]["datum"] == "2024-03-14"
    assert SEED.read_bytes() == before  # the input is never touched
    assert [p.name for p in target.parent.iterdir()] == ["letter.json"]  # no temp file left


def test_warnings_go_to_stderr_and_strict_fails(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nGeachte voorzitter,\n\n"
                      "Ik informeer u hierbij.\n\nDe Minister van Financiën,\n\nA. Geld\n", encoding="utf-8")
    code, _, err = run("parse", str(letter))
    assert code == 0
    assert f"{letter}:1: warning: no kenmerk found in the letterhead [kenmerk]" in err
    code, _, _ = run("parse", str(letter), "--strict")
    assert code == 1


BAD_INPUTS = [
    ("missing", None, 2, "no such file"),
    ("folder", "dir", 2, "is a directory"),
    ("empty.txt", b"", 3, "file is empty"),
    ("blank.md", b"  \n\n \t\n", 3, "file is empty"),
    ("binary.txt", bytes(range(256)) * 4, 3, "binary file"),
    ("undecodable.txt", b"Aan de Voorzitter \x81\x8d\x8f\x90\x9d" * 20, 3, "cannot decode"),
    ("fake.pdf", b"this is not a pdf at all", 3, "not a valid PDF"),
    ("shopping.txt", b"Melk\nBrood\nKaas\n", 4, "no Kamerbrief found"),
]


@pytest.mark.parametrize(("name", "content", "code", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_one_line_and_an_exit_code(tmp_path: Path, name: str, content: bytes | str | None,
                                                   code: int, message: str) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    got, out, err = run("parse", str(path))
    assert got == code
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"kamerbrief: {path}: error: ") and message in lines[0]


def test_cp1252_text_is_read(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("Geachte voorzitter,", "Geachte voorzitter,\n\nCaf\u00e9 \u20ac 5.")
    path = tmp_path / "cp1252.md"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    code, out, _ = run("parse", str(path), "--to", "json")
    assert code == 0
    assert "Caf\u00e9 \u20ac 5." in out


def test_output_is_not_left_partial_when_parsing_fails(tmp_path: Path) -> None:
    target = tmp_path / "record.yaml"
    target.write_text("old\n", encoding="utf-8")
    code, _, _ = run("parse", str(tmp_path / "missing.md"), "-o", str(target))
    assert code == 2
    assert target.read_text(encoding="utf-8") == "old\n"


def test_schema_command_prints_the_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out)["$id"]


def test_python_dash_m_and_library_api() -> None:
    proc = subprocess.run([sys.executable, "-m", "kamerbrief", "parse", str(SEED), "--to", "json"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 0, proc.stderr
    import kamerbrief

    r = kamerbrief.parse_file(SEED)
    assert json.loads(proc.stdout) == r.record
    assert r.record["metadata"]["kenmerk"] == "IENW/BSK-2024/118204"


def test_library_exposes_validate_and_batch(tmp_path: Path) -> None:
    import kamerbrief

    src = tmp_path / "archive"
    src.mkdir()
    (src / "brief.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    report = kamerbrief.convert_tree(src, tmp_path / "records", jobs=1)
    assert (report.converted, report.failed) == (1, 0)
    checked = kamerbrief.validate_file(tmp_path / "records" / "brief.md.yaml")
    assert checked.valid and checked.problems == []


def test_standard_input() -> None:
    result = CliRunner().invoke(main, ["parse", "-", "--from", "markdown", "--to", "json"],
                                input=SEED.read_bytes())
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["bron"]["bestand"] == "<stdin>" and record["metadata"]["kenmerk"] == "IENW/BSK-2024/118204"
    empty = CliRunner().invoke(main, ["parse", "-"], input=b"")
    assert empty.exit_code == 3 and empty.stderr.strip() == "kamerbrief: <stdin>: error: file is empty"


@pytest.mark.parametrize("command", ["show", "report"])
def test_an_unforeseen_bug_in_any_command_is_one_line_exit_5(command: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The group turns any exception a command did not foresee into one line and exit 5, never a traceback."""
    import kamerbrief.report
    import kamerbrief.show

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\x1b[2J")

    monkeypatch.setattr(kamerbrief.show, "show_html", boom)
    monkeypatch.setattr(kamerbrief.report, "load_archive", boom)
    letter = tmp_path / "brief.md"
    letter.write_text("Geachte voorzitter,\n", encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(letter if command == "show" else tmp_path)])
    assert result.exit_code == 5
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error (RuntimeError: boom\\x1b[2J)" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["show", "report"])
def test_show_and_report_name_a_missing_input_in_one_line(command: str, tmp_path: Path) -> None:
    code, _, err = run(command, str(tmp_path / "weg"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "weg" in err
