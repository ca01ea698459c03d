"""Every value the record holds has a place in `posities`: at itself or at a list item it belongs to.

The README lists what `posities` covers; this test holds the parser to it for every sample and, where
`../shared/corpus` is here, every corpus letter. A leaf value counts when it is a non-empty string or a
number. Left out, as the README says they have no line of their own:
- `bron`, `schema_version`, `soort`, `waarschuwingen`: about the file and the parse, not read from a line;
- the stance a response is judged to take (`standpunt`, `standpunt_vertrouwen`, `reeds_in_gang`): derived
  from the whole response text, which has its place;
- a field the record's own warning says was taken from the document properties (`eigenschappen`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kamerbrief

from .conftest import CORPUS, sample_letters

NOT_READ_FROM_A_LINE = {"bron", "schema_version", "soort", "waarschuwingen", "posities"}
DERIVED_STANCE = {"standpunt", "standpunt_vertrouwen", "reeds_in_gang"}
FROM_PROPERTIES = re.compile(r"^(\w+) is not printed; taken from the document properties")

# Values that truly stand on no line of the letter, by file name -> JSON pointers. Keep it short and say
# why for each. Empty: every value of the samples and the corpus letters has its line now.
NO_LINE: dict[str, set[str]] = {}


def corpus_letters() -> list[Path]:
    """The corpus letters that have a gold record (the others in the folder are notes about it)."""
    gold = CORPUS / "gold"
    if not gold.is_dir():
        return []
    return [CORPUS / g.name[: -len(".yaml")] for g in sorted(gold.glob("*.yaml"))
            if (CORPUS / g.name[: -len(".yaml")]).is_file()]


def leaves(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """(JSON pointer, value) for each non-empty string and each number in the record, the left-out keys
    skipped."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in NOT_READ_FROM_A_LINE or key in DERIVED_STANCE:
                continue
            yield from leaves(item, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from leaves(item, f"{pointer}/{n}")
    elif isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        return
    elif isinstance(value, (str, int, float)):
        yield pointer, value


def placed(pointer: str, posities: dict[str, Any]) -> bool:
    """Whether the value at `pointer` has a place: its own, or that of a list item it belongs to."""
    if pointer in posities:
        return True
    parts = pointer.split("/")
    return any(parts[k - 1].isdigit() and "/".join(parts[:k]) in posities for k in range(len(parts) - 1, 1, -1))


def unplaced(letter: Path) -> list[str]:
    record = kamerbrief.parse_file(letter, posities=True).record
    posities = record["posities"]
    from_properties = {f"/metadata/{m.group(1)}" for w in record.get("waarschuwingen") or []
                       if w.get("code") == "eigenschappen" and (m := FROM_PROPERTIES.match(w.get("message", "")))}
    allowed = NO_LINE.get(letter.name, set()) | from_properties
    return [f"{ptr} = {str(value)[:60]!r}" for ptr, value in leaves(record)
            if ptr not in allowed and not placed(ptr, posities)]


@pytest.mark.parametrize("letter", sample_letters(), ids=lambda p: p.name)
def test_every_value_of_a_sample_has_a_place(letter: Path) -> None:
    assert unplaced(letter) == []


@pytest.mark.parametrize("letter", corpus_letters(), ids=lambda p: p.name)
def test_every_value_of_a_corpus_letter_has_a_place(letter: Path) -> None:
    assert unplaced(letter) == []


def test_placed_means_itself_or_a_list_item_above_it() -> None:
    posities = {"/vragen/0": {}, "/metadata/afzender/functie": {}}
    assert placed("/vragen/0/nummer", posities)
    assert placed("/metadata/afzender/functie", posities)
    assert not placed("/metadata/afzender/ministerie", posities)  # /metadata/afzender is no list item
    assert not placed("/vragen/1/nummer", posities)
