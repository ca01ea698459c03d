"""One error story: exit codes in one table (README matches it), parse and batch report through the reporters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kamerbrief import cli, limits, model
from kamerbrief.cli import main
from kamerbrief.model import ExitCode, KamerbriefError, Problem, Result

from .conftest import ROOT

LETTER = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nGeachte voorzitter,\n\n"
          "Ik informeer u hierbij.\n\nDe Minister van Financiën,\n\nA. Geld\n")
HOSTILE = "brief\x1b]0;pwned\x07\u202e.txt"


@pytest.fixture(autouse=True)
def _not_on_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _readme_exit_codes() -> dict[int, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Exit codes\n", 1)[1].split("\n## ", 1)[0]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.+) \|$", section, re.MULTILINE)}


def test_readme_exit_code_table_is_the_code_table() -> None:
    assert set(_readme_exit_codes()) == {int(c) for c in ExitCode}


def _subclasses(cls: type) -> list[type]:
    return [cls, *(s for sub in cls.__subclasses__() for s in _subclasses(sub))]


def test_every_error_exits_with_a_code_from_the_table() -> None:
    errors = _subclasses(KamerbriefError)
    assert limits.LimitError in errors and model.InputError in errors
    for cls in errors:
        assert isinstance(cls.exit_code, ExitCode), cls
        assert cls.exit_code not in (ExitCode.OK, ExitCode.PROBLEMS, ExitCode.INTERRUPTED), cls


def test_cli_exit_constants_are_the_table() -> None:
    assert (cli.EXIT_OK, cli.EXIT_USAGE, cli.EXIT_FORMAT, cli.EXIT_INTERNAL, cli.EXIT_INTERRUPTED) == (
        ExitCode.OK, ExitCode.USAGE, ExitCode.FORMAT, ExitCode.INTERNAL, ExitCode.INTERRUPTED)


def _warning_letter(tmp_path: Path, name: str = "brief.txt") -> Path:
    letter = tmp_path / name
    letter.write_text(LETTER, encoding="utf-8")
    return letter


def test_parse_text_format_is_one_line_a_problem(tmp_path: Path) -> None:
    letter = _warning_letter(tmp_path)
    code, out, err = run("parse", str(letter), "--format", "text")
    assert code == 0 and yaml.safe_load(out)["metadata"]
    assert f"{letter}:1: warning: no kenmerk found in the letterhead [kenmerk]\n" in err
    assert all(line.startswith(f"{letter}:") and line.endswith("]") for line in err.splitlines())


def test_parse_json_format_prints_problems_as_json_on_stderr(tmp_path: Path) -> None:
    letter = _warning_letter(tmp_path)
    code, out, err = run("parse", str(letter), "--format", "json")
    assert code == 0 and yaml.safe_load(out)["metadata"]  # the record still goes to stdout
    problems = json.loads(err)["problems"]
    assert {"path": str(letter), "line": 1, "column": None, "level": "warning", "rule": "kenmerk",
            "message": "no kenmerk found in the letterhead"} in problems


def test_parse_github_format_annotates(tmp_path: Path) -> None:
    letter = _warning_letter(tmp_path)
    code, _, err = run("parse", str(letter), "--format", "github")
    assert code == 0
    assert "::warning file=" in err and ",line=1,title=kamerbrief [kenmerk]::no kenmerk found" in err


def test_parse_is_github_by_default_on_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, _, err = run("parse", str(_warning_letter(tmp_path)))
    assert err.startswith("::warning file=")


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_parse_errors_in_each_format(tmp_path: Path, fmt: str) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    code, out, err = run("parse", str(empty), "--format", fmt)
    assert code == ExitCode.FORMAT and out == ""
    if fmt == "text":
        assert err == f"kamerbrief: {empty}: error: file is empty\n"
    elif fmt == "json":
        assert json.loads(err)["problems"] == [{"path": str(empty), "line": None, "column": None, "level": "error",
                                                 "rule": "format", "message": "file is empty"}]
    else:
        assert err.startswith("::error file=") and err.endswith("::file is empty\n")


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_hostile_file_name_is_escaped_in_every_format(tmp_path: Path, fmt: str) -> None:
    letter = _warning_letter(tmp_path, HOSTILE)
    for args in (["parse", str(letter)], ["parse", str(tmp_path / (HOSTILE + ".missing"))]):
        _, _, err = run(*args, "--format", fmt)
        assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err, err
        assert "\\x1b" in err or "\\u001b" in err


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_hostile_value_in_a_warning_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    import kamerbrief.parse

    def parse_source(source: object, **_: object) -> Result:
        warning = Problem("datum", "cannot read the date \x1b[2J\u202eevil\nforged line", 3, "warning", "brief.txt")
        return Result({"metadata": {}}, (warning,))

    monkeypatch.setattr(kamerbrief.parse, "parse_source", parse_source)
    _, _, err = run("parse", str(_warning_letter(tmp_path)), "--format", fmt)
    assert "\x1b" not in err and "\u202e" not in err and "forged line" in err
    assert len(err.strip().splitlines()) == 1  # the newline in the value starts no line of its own


def _archive(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "archief"
    src.mkdir()
    (src / "brief.txt").write_text(LETTER, encoding="utf-8")
    (src / "leeg.md").write_bytes(b"")
    return src, tmp_path / "records"


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_batch_reports_in_each_format(tmp_path: Path, fmt: str) -> None:
    src, dst = _archive(tmp_path)
    code, _, err = run("batch", str(src), "-o", str(dst), "-j", "1", "-q", "--format", fmt)
    assert code == ExitCode.PROBLEMS
    if fmt == "text":
        assert "kamerbrief: leeg.md: error: file is empty [format]" in err
        assert "kamerbrief: brief.txt:1: warning: no kenmerk found in the letterhead [kenmerk]" in err
    elif fmt == "json":
        doc = json.loads(next(line for line in err.splitlines() if line.startswith("{")))
        assert {(p["path"], p["level"], p["rule"]) for p in doc["problems"]} >= {
            ("leeg.md", "error", "format"), ("brief.txt", "warning", "kenmerk")}
    else:
        assert "::error file=leeg.md,title=kamerbrief [format]::file is empty" in err
        assert "::warning file=brief.txt,line=1,title=kamerbrief [kenmerk]::no kenmerk found" in err


def test_batch_escapes_a_hostile_file_name(tmp_path: Path) -> None:
    src, dst = _archive(tmp_path)
    (src / (HOSTILE[:-4] + ".md")).write_bytes(b"")
    for fmt in ("text", "json", "github"):
        _, _, err = run("batch", str(src), "-o", str(dst / fmt), "-j", "1", "-q", "--format", fmt)
        assert "\x1b" not in err and "\u202e" not in err and "pwned" in err


def test_usage_errors_escape_a_hostile_path(tmp_path: Path) -> None:
    letter = _warning_letter(tmp_path, HOSTILE)
    for args in (["parse", str(letter), "-o", str(letter)], ["batch", str(letter), "-o", str(tmp_path / "uit")]):
        code, _, err = run(*args)
        assert code == ExitCode.USAGE
        assert "\x1b" not in err and "\u202e" not in err and "pwned" in err, err
