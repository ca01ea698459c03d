"""Toezeggingen in letter order, each with the paragraph its sentence stands in.

The sentences are found by `toezeggingen.find` in each response and section. One inside a response
belongs to its recommendation; prose-linked responses also stand in the sections, so each sentence is
taken once, the recommendation first. The order is the sentence's first place in the sections, else in
the responses.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..stance import sentence_spans
from . import toezeggingen as toezeggingen_rule
from .base import Letter, Part, Passage, Span

RESPONSES, SECTIONS = "/aanbevelingen/", "/secties/"


def rule(letter: Letter) -> Part:
    """The record's `toezeggingen`; each points at the paragraph of its sentence (else its passage)."""
    meta = letter.value("metadata")
    aanbevelingen = letter.value("aanbevelingen")
    found: dict[str, dict[str, Any]] = {}
    for passage in letter.passages(RESPONSES, SECTIONS):
        nummer = (aanbevelingen[int(passage.pointer[len(RESPONSES):])]["nummer"]
                  if passage.pointer.startswith(RESPONSES) else None)
        for t in toezeggingen_rule.find(passage.text, meta["datum"]):
            found.setdefault(t.tekst, {"tekst": t.tekst, "termijn": t.termijn, "uiterlijk": t.uiterlijk,
                                       "aanbeveling": nummer, "ministerie": meta["afzender"]["ministerie"]})
    # where each sentence stands: its first place in the sections, else in the responses. One pass over the
    # text, not a search of all of it per commitment.
    order: dict[str, tuple[int, int, Passage]] = {}
    for passage in letter.passages(SECTIONS, RESPONSES):
        for offset, sentence in sentence_spans(passage.text):
            order.setdefault(sentence, (passage.line, offset, passage))
    toezeggingen = sorted(found.values(), key=lambda t: order[t["tekst"]][:2] if t["tekst"] in order else (10**9, 0))
    at: dict[str, Span] = {}
    for n, item in enumerate(toezeggingen):
        if item["tekst"] in order:
            _, offset, passage = order[item["tekst"]]
            span = _paragraph(passage, offset) or passage.span
            if span:
                at[f"/toezeggingen/{n}"] = span
    return Part({"toezeggingen": toezeggingen}, posities=at)


def _paragraph(passage: Passage, offset: int) -> Span | None:
    """The source lines of the paragraph of `passage` that holds the character at `offset`, where known."""
    starts: list[int] = []
    at = 0
    for piece in passage.text.split("\n\n"):
        starts.append(at)
        at += len(piece) + 2
    k = bisect_right(starts, offset) - 1
    return passage.paragraphs[k] if 0 <= k < len(passage.paragraphs) else None
