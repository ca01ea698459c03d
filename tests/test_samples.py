"""Golden samples: every samples/<name>.<ext> gives exactly the record in samples/<name>.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import kamerbrief
from kamerbrief.output import dumps, write_atomic

from .conftest import SAMPLES, sample_letters


def twin(letter: Path) -> Path:
    return letter.with_name(letter.stem + ".yaml")


def test_there_are_enough_samples() -> None:
    letters = sample_letters()
    assert len(letters) >= 8
    assert {p.suffix for p in letters} >= {".md", ".txt"}


@pytest.mark.parametrize("letter", sample_letters(), ids=lambda p: p.name)
def test_sample_gives_its_golden_record(letter: Path, regen: bool) -> None:
    result = kamerbrief.parse_file(letter)
    golden = twin(letter)
    if regen:
        write_atomic(golden, dumps(result.record))
    assert golden.exists(), f"{letter.name} has no twin {golden.name} (run pytest --regen-samples and review)"
    expected = yaml.safe_load(golden.read_text(encoding="utf-8"))
    assert result.record == expected


def test_every_twin_has_a_letter() -> None:
    letters = {p.stem for p in sample_letters()}
    for y in SAMPLES.glob("*.yaml"):
        assert y.stem in letters, f"{y.name} has no letter beside it"


def test_samples_cover_the_layouts() -> None:
    records = [kamerbrief.parse_file(p).record for p in sample_letters()]
    assert any(r["metadata"]["kamer"] == "Eerste Kamer" for r in records)
    assert any(r["metadata"]["kamerstuk"] for r in records)
    assert any(r["metadata"]["kenmerk"] for r in records)
    assert any(r["aanbevelingen"] for r in records)
    assert any(not r["aanbevelingen"] and len(r["secties"]) > 1 for r in records)
