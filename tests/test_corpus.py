"""The real letters in ../shared/corpus against their gold files, scored by the rules of GOLD.md.

Skipped when the corpus is not beside the checkout. The thresholds only go up.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

import pytest
import yaml

import kamerbrief
from kamerbrief.model import KamerbriefError

from .conftest import BULK, CORPUS

pytestmark = pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="../shared/corpus is not here")

# Share of gold checks that must pass, per kind of file, on the strict gold: a ratchet that only goes up.
THRESHOLDS = {".md": 1.0, ".txt": 1.0, ".pdf": 1.0, ".docx": 1.0}


def _scorer() -> ModuleType:
    """The corpus's own scorer (shared/tools/score.py), so that both judge by the same rules."""
    path = CORPUS.parent / "tools" / "score.py"
    if not path.exists():
        pytest.skip("shared/tools/score.py is not here")
    spec = importlib.util.spec_from_file_location("kamerbrief_gold_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _score(suffix: str) -> tuple[int, int, list[str]]:
    score = _scorer()
    ok = total = 0
    misses: list[str] = []
    for gold_file in sorted((CORPUS / "gold").glob(f"*{suffix}.yaml")):
        letter = CORPUS / gold_file.name[: -len(".yaml")]
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
        record: dict[str, Any] = kamerbrief.parse_file(letter).record
        checks: list[tuple[str, bool, str]] = []
        score.score_one(gold, record, checks)
        for field, good, detail in checks:
            ok += good
            total += 1
            if not good:
                misses.append(f"{letter.name}: {field}: {detail}")
    return ok, total, misses


@pytest.mark.parametrize("suffix", sorted(THRESHOLDS))
def test_corpus_letters_meet_their_gold(suffix: str) -> None:
    ok, total, misses = _score(suffix)
    assert total > 0
    assert ok / total >= THRESHOLDS[suffix], "\n".join(misses)


def test_seed_letter_passes_every_gold_check() -> None:
    _, total, misses = _score("2018-07-02_jenv_reactie-actieplan-d66.md")
    assert total > 20 and not misses, misses


@pytest.mark.skipif(not BULK.is_dir(), reason="../shared/bulk is not here")
def test_nothing_crashes_on_the_bulk_documents() -> None:
    found = 0
    letters = sorted((BULK / "sgd-letters").glob("*.txt"))
    for path in [*letters, *sorted((BULK / "sgd-other").glob("*.txt"))]:
        try:
            r = kamerbrief.parse_file(path).record
        except KamerbriefError:
            continue
        m = r["metadata"]
        if path.parent.name == "sgd-letters" and m["datum"] and m["afzender"]["functie"] and m["kamerstuk"]:
            found += 1
    assert found / len(letters) >= 0.85
