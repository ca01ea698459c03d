"""`kamerbrief validate`: exact reports for broken records, formats, exit codes, safe loading."""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import kamerbrief
from kamerbrief import validate as kamerbrief_validate
from kamerbrief.cli import main
from kamerbrief.output import dumps

from .conftest import CORPUS, SAMPLES, sample_letters

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix in (".yaml", ".json"))


def validate(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args], env=env or {"GITHUB_ACTIONS": ""})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_broken_record_gives_its_exact_report(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    monkeypatch.chdir(INVALID)
    code, out, err = validate(case.name)
    assert err == expected
    assert out == ""
    assert code == (1 if ": error: " in expected else 0)


def test_every_case_has_its_report() -> None:
    assert len(CASES) >= 15
    for case in CASES:
        assert case.with_suffix(".expected").exists(), case.name


def test_strict_makes_warnings_fail() -> None:
    assert validate(str(INVALID / "numbering.yaml"))[0] == 0
    assert validate(str(INVALID / "numbering.yaml"), "--strict")[0] == 1


def test_json_and_github_formats() -> None:
    code, out, _ = validate(str(INVALID / "bad-datum.yaml"), "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["files"] == 1 and doc["invalid"] == 1
    assert doc["problems"][0] == {"path": str(INVALID / "bad-datum.yaml"), "line": 11, "column": 10,
                                  "level": "error", "rule": "schema",
                                  "message": "metadata.datum: '2022-13-21' is not a 'date'"}
    code, out, _ = validate(str(INVALID / "bad-datum.yaml"), "--format", "github")
    assert out.splitlines()[0] == (f"::error file={INVALID / 'bad-datum.yaml'},line=11,col=10,"
                                   "title=kamerbrief [schema]::metadata.datum: '2022-13-21' is not a 'date'")
    _, auto, _ = validate(str(INVALID / "bad-datum.yaml"), env={"GITHUB_ACTIONS": "true"})
    assert auto == out


def test_unreadable_input_is_exit_2(tmp_path: Path) -> None:
    code, _, err = validate(str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file" in err
    code, _, err = validate(str(tmp_path / "*.yaml"))
    assert code == 2 and "no file matches" in err
    code, _, err = validate(str(tmp_path))
    assert code == 2 and "no .yaml" in err


def test_binary_and_huge_files_are_one_problem_each(tmp_path: Path) -> None:
    (tmp_path / "binary.yaml").write_bytes(b"\x00\x01\x02" * 100)
    with open(tmp_path / "huge.yaml", "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    code, _, err = validate(str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'binary.yaml'}: error: binary file, not YAML or JSON [file]" in err
    assert f"{tmp_path / 'huge.yaml'}: error: file is 100 MB; a record is far smaller (limit 50 MB) [file]" in err


def test_folders_recursive_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for i, letter in enumerate(sample_letters()[:3]):
        (tmp_path / "a" / "b" / f"r{i}.json").write_text(dumps(kamerbrief.parse_file(letter).record, "json"))
    (tmp_path / "a" / ".hidden.yaml").write_text("- not checked\n")
    code, _, err = validate(str(tmp_path))
    assert code == 0 and err.strip() == "3 files checked: 3 valid, 0 invalid, 0 warnings"
    code, _, err = validate(str(tmp_path / "a" / "b" / "r*.json"))
    assert code == 0 and err.startswith("3 files checked")


def test_parse_then_validate_is_clean_for_samples_and_corpus(tmp_path: Path) -> None:
    letters = sample_letters()
    if CORPUS.is_dir():
        letters += sorted(p for p in CORPUS.iterdir()
                          if p.suffix in (".md", ".txt", ".pdf", ".docx") and p.name[0].islower())
    for i, letter in enumerate(letters):
        (tmp_path / f"{i:03d}-{letter.stem}.yaml").write_text(dumps(kamerbrief.parse_file(letter).record),
                                                               encoding="utf-8")
    code, _, err = validate(str(tmp_path))
    assert code == 0, err
    assert err.strip() == f"{len(letters)} files checked: {len(letters)} valid, 0 invalid, 0 warnings"


def test_every_golden_sample_validates() -> None:
    code, _, err = validate(*[str(p) for p in sorted(SAMPLES.glob("*.yaml"))])
    assert code == 0 and "0 invalid" in err and "0 warnings" in err


FORGED = "\x1b]0;pwned\x07\x1b[2J\r\n::error file=x.py,line=1::forged %0A\u202egpj.exe\x9b31m"
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_escapes_in_keys_values_and_file_names_come_out_inert(tmp_path: Path) -> None:
    record = yaml.safe_load((SAMPLES / "ienw-reactie-advies-fietsparkeren.yaml").read_text(encoding="utf-8"))
    record["schema_version"] = "0.1" + FORGED  # printed as a value by the schema-version rule
    record["metadata"]["x" + FORGED] = 1  # an unexpected key, printed in the path
    name = tmp_path / ("r" + FORGED.replace("/", "") + ".json")
    name.write_text(json.dumps(record), encoding="utf-8")
    for fmt in ("text", "github", "json"):
        code, out, err = validate(str(name), "--format", fmt)
        assert code == 1
        printed = out + err
        assert not UNSAFE.search(printed), (fmt, printed)
        lines = printed.splitlines()
        if fmt == "github":  # one annotation per problem, and nothing else starts a workflow command
            commands = [ln for ln in lines if ln.startswith("::")]
            assert len(commands) == 3 and all(ln.startswith(("::error file=", "::warning file=")) for ln in commands)
            assert "forged %250A" in printed  # a literal %0A in a value stays literal
        else:
            assert not any(ln.startswith("::") for ln in lines), lines
        if fmt == "text":
            assert "\\x1b]0;pwned\\x07" in err and "\\r\\n::error" in err and "\\u202e" in err and "\\x9b" in err
        if fmt == "json":
            doc = json.loads(out)  # the escaped JSON still holds the exact values
            assert {p["path"] for p in doc["problems"]} == {str(name)}
            assert any(FORGED in p["message"] for p in doc["problems"])


def test_safe_is_exported_for_every_command() -> None:
    assert kamerbrief.safe("a\x1b[31m\n\u202eé") == "a\\x1b[31m\\n\\u202eé"
    assert kamerbrief.safe("Ministerie van Financiën") == "Ministerie van Financiën"


def test_a_newer_schema_version_warns_and_fails_with_strict() -> None:
    assert validate(str(INVALID / "newer-version.yaml"))[0] == 0
    code, _, err = validate(str(INVALID / "newer-version.yaml"), "--strict")
    assert code == 1 and "newer than this kamerbrief knows" in err


def test_duplicate_sources_are_flagged_at_their_sha256(tmp_path: Path) -> None:
    text = (SAMPLES / "vws-reactie-citaten.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(yaml.safe_load(text), indent=2), encoding="utf-8")
    code, _, err = validate(str(tmp_path / "a.yaml"), str(tmp_path / "b.json"))
    assert code == 0
    assert f"{tmp_path / 'b.json'}:6:15: warning: bron.sha256: a record for the same source is also in " in err


def test_devices_and_fifos_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)

    def writer() -> None:  # so that a validate which blocks on the FIFO fails this test instead of hanging it
        with contextlib.suppress(OSError), open(fifo, "w") as fh:
            fh.write("[]")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    # /dev/null, not /dev/zero: a regression then fails this test instead of filling the memory
    code, _, err = validate("/dev/null", str(fifo))
    while thread.is_alive():  # a writer that came after the check still waits for a reader: be one
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        thread.join(0.05)
    assert code == 1
    assert "/dev/null: error: not a regular file (a device, FIFO or socket); a record is a file [file]" in err
    assert f"{fifo}: error: not a regular file" in err


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_nesting_beyond_the_stack_is_one_clear_line(tmp_path: Path, suffix: str) -> None:
    f = tmp_path / f"deep{suffix}"
    f.write_text('{"metadata": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    code, _, err = validate(str(f))
    assert code == 1 and "nested too deeply" in err and "internal" not in err


def test_positions_in_a_large_json_record_are_exact(tmp_path: Path) -> None:
    record = yaml.safe_load((SAMPLES / "vws-reactie-citaten.yaml").read_text(encoding="utf-8"))
    ref = {"soort": "document", "tekst": "2024D39756", "dossiernummer": None, "ondernummer": None,
           "vergaderjaar": None, "kamer": None, "nummer": "2024D39756", "datum": None, "motie": None}
    record["verwijzingen"] = [dict(ref) for _ in range(5000)]
    record["verwijzingen"][4321]["soort"] = "x"
    text = json.dumps(record)  # one long line
    f = tmp_path / "big.json"
    f.write_text(text, encoding="utf-8")
    report = kamerbrief.validate_file(f)
    [problem] = report.problems
    col = text.index('"x"', text.index('"verwijzingen"')) + 1
    assert (problem.line, problem.column) == (1, col)


def _dies_on_die_yaml(path: Path) -> kamerbrief_validate.FileReport:
    if path.name == "die.yaml":
        os._exit(1)  # as the OOM killer would end it
    return kamerbrief_validate.FileReport(str(path))


def test_a_dead_worker_is_reported_and_the_run_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(kamerbrief_validate.PARALLEL_FROM):
        (tmp_path / f"r{i:03d}.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "die.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(kamerbrief_validate, "check_file", _dies_on_die_yaml)  # the forked workers inherit it
    code, _, err = validate("-j", "2", str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'die.yaml'}: error: not checked: a worker process died" in err
    assert "kamerbrief: error: a worker process died; " in err and " not checked" in err


WORKERS_BLOCK = """
import os, sys, time
from pathlib import Path
from kamerbrief import validate

def block(path):
    Path(sys.argv[1], f"{os.getpid()}.pid").touch()
    time.sleep(3600)

validate.check_file = block
list(validate.check_files([Path(f"{i}.yaml") for i in range(200)], jobs=2))
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")  # a zombie waits only for init to reap it


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", WORKERS_BLOCK, str(tmp_path)])
    try:
        for _ in range(600):  # waiting for the workers to start, not timing them
            if len(list(tmp_path.glob("*.pid"))) == 2:
                break
            time.sleep(0.1)
        workers = [int(p.stem) for p in tmp_path.glob("*.pid")]
        assert len(workers) == 2
        parent.send_signal(signal.SIGKILL)  # as an OOM killer or a CI timeout does
        parent.wait()
        for _ in range(600):
            if all(_gone(w) for w in workers):
                break
            time.sleep(0.1)
        assert all(_gone(w) for w in workers)
    finally:
        for w in [int(p.stem) for p in tmp_path.glob("*.pid")]:
            with contextlib.suppress(OSError):
                os.kill(w, signal.SIGKILL)
        parent.kill()
        parent.wait()


def test_a_missing_file_name_is_printed_escaped(tmp_path: Path) -> None:
    code, _, err = validate(str(tmp_path / "a\x1b]0;t\x07\n::error::x.yaml"))
    assert code == 2 and "a\\x1b]0;t\\x07\\n::error::x.yaml: error: no such file or directory" in err
    assert not UNSAFE.search(err)
