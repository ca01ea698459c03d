"""Toezeggingen in letter order, each placed at the source lines of its own sentence.

The sentences are found by `toezeggingen.find` in each response and section. One inside a response
belongs to its recommendation; prose-linked responses also stand in the sections, so each sentence is
taken once, the recommendation first. The order is the sentence's first place in the sections, else in
the responses. A commitment's place is the lines its sentence runs over; where the lines inside its
paragraph are not known (OCR text repaired after the join), the paragraph; where that is not known
either, the passage.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..stance import sentence_spans
from . import toezeggingen as toezeggingen_rule
from .base import Letter, Part, Passage, Span
from .body import Block

RESPONSES, SECTIONS = "/aanbevelingen/", "/secties/"
LOOKAHEAD = 50  # blocks searched for a paragraph of a passage before it is left without lines
LABEL = 40  # characters a label in front of a response ("Reactie van het kabinet: ") may take


def rule(letter: Letter) -> Part:
    """The record's `toezeggingen`; each points at the lines of its sentence (else its paragraph or passage)."""
    meta = letter.value("metadata")
    aanbevelingen = letter.value("aanbevelingen")
    found: dict[str, dict[str, Any]] = {}
    memo: dict[str, toezeggingen_rule.Toezegging | None] = {}  # each sentence read once (responses stand in sections)
    for passage in letter.passages(RESPONSES, SECTIONS):
        nummer = (aanbevelingen[int(passage.pointer[len(RESPONSES):])]["nummer"]
                  if passage.pointer.startswith(RESPONSES) else None)
        for t in toezeggingen_rule.find(passage.text, meta["datum"], memo=memo):
            found.setdefault(t.tekst, {"tekst": t.tekst, "termijn": t.termijn, "uiterlijk": t.uiterlijk,
                                       "aanbeveling": nummer, "ministerie": meta["afzender"]["ministerie"]})
    # where each sentence stands: its first place in the sections, else in the responses. One pass over the
    # text, not a search of all of it per commitment.
    order: dict[str, tuple[int, int, Passage]] = {}
    for passage in letter.passages(SECTIONS, RESPONSES):
        for offset, sentence in sentence_spans(passage.text):
            order.setdefault(sentence, (passage.line, offset, passage))
    toezeggingen = sorted(found.values(), key=lambda t: order[t["tekst"]][:2] if t["tekst"] in order else (10**9, 0))
    if not letter.posities:
        return Part({"toezeggingen": toezeggingen})
    at: dict[str, Span] = {}
    aligned: dict[str, tuple[list[int], list[Block | None]]] = {}  # pointer -> its paragraphs: offsets, blocks
    for n, item in enumerate(toezeggingen):
        if item["tekst"] in order:
            _, offset, passage = order[item["tekst"]]
            if passage.pointer not in aligned:
                aligned[passage.pointer] = _paragraphs(passage)
            starts, blocks = aligned[passage.pointer]
            k = bisect_right(starts, offset) - 1
            block = blocks[k]
            par_end = starts[k + 1] - 2 if k + 1 < len(starts) else len(passage.text)
            span = _lines(block, offset - starts[k], len(item["tekst"]), par_end - starts[k]) if block else None
            span = span or passage.span
            if span:
                at[f"/toezeggingen/{n}"] = span
    return Part({"toezeggingen": toezeggingen}, posities=at)


def _paragraphs(passage: Passage) -> tuple[list[int], list[Block | None]]:
    """Where each paragraph of a passage starts in its text, and the block of the passage's span that holds
    it (the same text, or ending in it where a label such as "Reactie:" was taken off), else None."""
    starts: list[int] = []
    found: list[Block | None] = []
    own = passage.blocks
    at = k = 0
    for par in passage.text.split("\n\n"):
        starts.append(at)
        at += len(par) + 2
        hit = next((j for j in range(k, min(len(own), k + LOOKAHEAD))
                    if own[j].text == par or (len(own[j].text) - len(par) <= LABEL and own[j].text.endswith(par))),
                   None)
        found.append(own[hit] if hit is not None else None)
        if hit is not None:
            k = hit + 1
    return starts, found


def _lines(block: Block, offset: int, length: int, par_len: int) -> Span:
    """The source lines of block that the sentence at `offset` in its paragraph (of `par_len` characters)
    runs over; the whole block where the offsets of its lines are not known."""
    if not block.offsets:
        return block.line, block.last
    skip = len(block.text) - par_len  # a label the passage left off ("Reactie: ")
    begins = [o for o, _ in block.offsets]
    first = block.offsets[bisect_right(begins, skip + offset) - 1][1]
    last = block.offsets[bisect_right(begins, skip + offset + length - 1) - 1][1]
    return first, last
