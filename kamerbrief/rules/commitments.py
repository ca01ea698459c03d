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
LOOKAHEAD = 50  # blocks searched for a paragraph of a passage before it is left without lines
LABEL = 40  # characters a label in front of a response ("Reactie van het kabinet: ") may take


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
    aligned: dict[str, tuple[list[int], list[Span | None]]] = {}  # pointer -> its paragraphs' offsets, lines
    for n, item in enumerate(toezeggingen):
        if item["tekst"] in order:
            _, offset, passage = order[item["tekst"]]
            if passage.pointer not in aligned:
                aligned[passage.pointer] = _paragraphs(passage)
            starts, spans = aligned[passage.pointer]
            span = spans[bisect_right(starts, offset) - 1] or passage.span
            if span:
                at[f"/toezeggingen/{n}"] = span
    return Part({"toezeggingen": toezeggingen}, posities=at)


def _paragraphs(passage: Passage) -> tuple[list[int], list[Span | None]]:
    """Where each paragraph of a passage starts in its text, and its source lines: those of the block of the
    passage's span that holds it (the same text, or ending in it where a label such as "Reactie:" was
    taken off), else None."""
    starts: list[int] = []
    spans: list[Span | None] = []
    own = passage.blocks
    at = k = 0
    for par in passage.text.split("\n\n"):
        starts.append(at)
        at += len(par) + 2
        hit = next((j for j in range(k, min(len(own), k + LOOKAHEAD))
                    if own[j].text == par or (len(own[j].text) - len(par) <= LABEL and own[j].text.endswith(par))),
                   None)
        spans.append((own[hit].line, own[hit].last) if hit is not None else None)
        if hit is not None:
            k = hit + 1
    return starts, spans
