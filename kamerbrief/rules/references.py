"""Verwijzingen: the documents the letter cites, found by `verwijzingen.find` in the record's texts,
each placed at the passage it was first found in (a section, a response, a question, a footnote)."""

from __future__ import annotations

from typing import Any

from . import verwijzingen as verwijzingen_rule
from .base import Letter, Part, Span


def rule(letter: Letter) -> Part:
    """The record's `verwijzingen`, each once, in the order of the texts: sections, responses, footnotes,
    questions with their answers."""
    passages = letter.passages("/secties/", "/aanbevelingen/", "/voetnoten/", "/vragen/")
    if not letter.posities:
        return Part({"verwijzingen": verwijzingen_rule.find([p.text for p in passages])})
    # each text on its own, to know where a reference was found; each reference once, as find() keeps it
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    at: dict[str, Span] = {}
    for passage in passages:
        for ref in verwijzingen_rule.find([passage.text]):
            key = (ref["soort"], ref["tekst"])
            if key in seen:
                continue
            seen.add(key)
            if passage.span:
                at[f"/verwijzingen/{len(out)}"] = passage.span
            out.append(ref)
    return Part({"verwijzingen": out}, posities=at)
