"""Cold start: each command imports only what it needs (checked in a new process, by what sys.modules holds).

No time is measured here; benchmarks/bench_floor.py prints the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

PROBE = r"""
import contextlib, io, json, sys
from kamerbrief.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:], prog_name="kamerbrief")
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def modules_after(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


HEAVY = {"yaml", "jsonschema", "jsonschema_rs", "pypdfium2", "pypandoc", "kamerbrief.parse", "kamerbrief.stance",
         "kamerbrief.readers", "kamerbrief.batch", "kamerbrief.validate"}


def test_help_imports_neither_the_parser_nor_yaml_nor_the_schema_tools() -> None:
    loaded = modules_after("--help")
    assert not loaded & HEAVY, loaded & HEAVY
    # nor the model (dataclasses), the limits or pathlib: --help needs only click
    assert not loaded & {"kamerbrief.model", "kamerbrief.limits", "pathlib", "dataclasses"}


def test_a_command_help_imports_the_reader_registry_only() -> None:
    loaded = modules_after("parse", "--help")  # --from lists the registry's formats; no reader is imported
    assert not loaded & (HEAVY - {"kamerbrief.readers"}), loaded & HEAVY


def test_parse_of_a_text_letter_imports_no_pdf_docx_batch_or_validate_code() -> None:
    loaded = modules_after("parse", str(SAMPLES / "ocw-voortgang-laaggeletterdheid.txt"))
    assert "kamerbrief.parse" in loaded and "yaml" in loaded
    assert not loaded & {"pypdfium2", "pypandoc", "jsonschema", "kamerbrief.batch", "kamerbrief.validate",
                         "kamerbrief.show", "kamerbrief.report"}


def test_parse_to_json_does_not_import_yaml() -> None:
    loaded = modules_after("parse", str(SAMPLES / "ocw-voortgang-laaggeletterdheid.txt"), "--to", "json")
    assert "kamerbrief.parse" in loaded and "yaml" not in loaded


def test_schema_prints_the_file_without_the_parser() -> None:
    loaded = modules_after("schema")
    assert not loaded & HEAVY, loaded & HEAVY


def test_the_library_exports_resolve_lazily() -> None:
    code = ("import sys, kamerbrief; assert 'kamerbrief.model' not in sys.modules; "
            "from kamerbrief import KamerbriefError, Problem, parse_text; "
            "assert KamerbriefError.__module__ == 'kamerbrief.model' and callable(parse_text); "
            "assert sorted(kamerbrief.__all__) == sorted(n for n in dir(kamerbrief) if n in kamerbrief.__all__)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_batch_of_valid_letters_does_not_build_the_explaining_validator(tmp_path: Path) -> None:
    """The workers are forked warm with what every letter needs (the fast schema check); python-jsonschema,
    which only explains a record the fast check refuses, is not imported for a batch of good letters."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "brief.txt").write_bytes((SAMPLES / "ocw-voortgang-laaggeletterdheid.txt").read_bytes())
    loaded = modules_after("batch", str(src), "-o", str(out), "-j", "1", "-q")
    assert (out / "brief.txt.yaml").is_file()
    assert "kamerbrief.batch" in loaded and "jsonschema_rs" in loaded
    assert "jsonschema" not in loaded


def test_without_jsonschema_rs_the_pool_builds_the_validator_before_forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no jsonschema-rs wheel is installed, every record is checked by python-jsonschema: its validator
    is then built once before the workers are forked, not in each worker within a letter's time budget."""
    from kamerbrief import batch, schema

    monkeypatch.setattr(schema, "fast_validator", lambda: None)
    schema.validator.cache_clear()
    batch._Pool(1, None)  # no worker is started until run()
    assert schema.validator.cache_info().currsize == 1
