"""Aanhef: the salutation that opens the body, as printed ("Geachte voorzitter,", "Zeer geachte mevrouw ...")."""

from __future__ import annotations

from .base import Letter, Part


def rule(letter: Letter) -> Part:
    """The record's `aanhef`: the layout's salutation line, or null."""
    lay = letter.layout
    if lay.salutation is None:
        return Part({"aanhef": None})
    line = lay.lines[lay.salutation]
    return Part({"aanhef": line.text}, posities={"/aanhef": (line.lineno, line.lineno)})
